/**
 * The floor on near misses, written for this test on several knowledge bases (batch A of session 16): a question about
 * a thing the documents do not hold that shares a word with one they do ("distrikt Skovlunde" beside Distrikt Baltorp),
 * another unit's or another event's fact, an attribute the documents never give, must get "I don't know" and never
 * the tempting fact; and questions the documents answer, in the words leaders write (compounds written apart or the
 * other way round, "arbejde hjemme" for "hjemmearbejde"; inflections; ASCII; fillers), keep their answer.
 */
import { describe, expect, it } from 'vitest';
import { type Answer } from '../../src/answering/index.js';
import { type Data, saidBy, useBases } from '../helpers/answerers.js';

const NOW = new Date('2026-11-30T09:00:00Z');
const BASES = {
  seed: 'data',
  ravnsholt: 'tests/fixtures/kb-ravnsholt',
  lindholt: 'tests/fixtures/kb-lindholt',
  ulvedal: 'tests/fixtures/kb-ulvedal',
  egeskov: 'tests/fixtures/kb-egeskov',
  fjordby: 'tests/fixtures/kb-other',
  bakkekaer: 'tests/fixtures/kb-bakkekaer',
  hvidmose: 'tests/fixtures/kb-hvidmose',
  solvang: 'tests/fixtures/kb-solvang',
  hjortsoe: 'tests/fixtures/kb-hjortsoe',
  havbjerg: 'tests/fixtures/kb-havbjerg',
} as const;
type Base = keyof typeof BASES;

const { ask, data } = useBases(BASES, NOW);
/** What the answer says, without the questions it suggests. */
const said = (answer: Answer) => saidBy(answer).toLowerCase();

/** Every figure the documents give for any unit, as digits: none may answer a question about a unit they do not hold. */
const allUnitFigures = (d: Data): string[] => d.units.flatMap((u) => (u.figures ?? []).map((f) => String(f.value).replace('.', ',')));
/** A unit's figures of one metric, as digits. */
const figuresOf = (d: Data, name: string, metric: string): string[] =>
  (d.units.find((u) => u.name === name)?.figures ?? []).filter((f) => f.metric === metric).map((f) => String(f.value));
/** The days of a kind of date, as "2027-01-08" and as the day of the month an answer would show. */
const daysOf = (d: Data, kind: string): string[] => d.dates.filter((x) => x.kind === kind).map((x) => x.date);
const dayWords = (iso: string) => {
  const [year, month, day] = iso.split('-').map(Number);
  const da = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'][month! - 1]!;
  return `${day}. ${da} ${year}`;
};

describe('near misses: a thing the documents do not hold, named beside a word they know for a kind of place', () => {
  it.each<[Base, string]>([
    ['seed', 'hvor mange børn går der i distrikt skovlunde'],
    ['seed', 'how many children are there in the skovlunde district'],
    ['seed', 'hvor mange pædagogiske ledere er der i distrikt ballerup nord'],
    ['bakkekaer', 'hvor mange børn går i børnehuset solsikken'],
    ['hvidmose', 'hvor mange børn går der i børnehuset myreborgen'],
    ['solvang', 'how many children attend the house kornblomsten'],
  ])('%s: "%s" gets "I don\'t know", no unit\'s figure', (base, question) => {
    const answer = ask(base, question);
    expect(answer.kind).toBe('unknown');
    for (const value of allUnitFigures(data(base))) expect(said(answer)).not.toMatch(new RegExp(`(^|[^\\d,.])${value}([^\\d,]|$)`));
  });
});

describe('near misses: another unit\'s, event\'s or person\'s fact does not answer', () => {
  it.each<[Base, string, (d: Data) => string[]]>([
    ['solvang', 'hvor mange børn går der i mælkebøtten', (d) => figuresOf(d, 'Børnehuset Kastanjen', 'children')],
    ['solvang', 'how many kids attend børnehuset mælkebøtten', (d) => figuresOf(d, 'Børnehuset Kastanjen', 'children')],
    ['solvang', 'hvornår er ansøgningsfristen for huschefjobbet i mælkebøtten', (d) => daysOf(d, 'application-deadline').map(dayWords)],
    ['solvang', 'hvor mange medarbejdere er der i børnekreds skoven', (d) => figuresOf(d, 'Solvang Småbørn', 'employees')],
    ['hvidmose', 'hvor mange børn går der i kvarter åen', (d) => figuresOf(d, 'Børnehuset Myretuen', 'children')],
    ['hvidmose', 'hvornår er sommerferielukningen i dagplejen', () => ['ledermøde']],
    ['hjortsoe', 'hvor mange børn går i børnecenter kildebo', (d) => figuresOf(d, 'Børnecenter Hasselbo', 'children')],
    ['hjortsoe', 'how many employees work in team øst', (d) => figuresOf(d, 'Dagtilbudsteam Midt', 'employees')],
    ['hjortsoe', 'hvornår er ansøgningsfristen for viceleder i kildebo', (d) => daysOf(d, 'application-deadline').map(dayWords)],
    ['hjortsoe', 'what is the absence rate in børnecenter hasselbo', (d) => figuresOf(d, 'Dagtilbudskontoret', 'absence').map((v) => v.replace('.', ','))],
    ['bakkekaer', 'hvem er leder af sundhedsplejen', () => ['birgitte', 'mona']],
  ])('%s: "%s" gets "I don\'t know", not the fact beside it', (base, question, tempting) => {
    const answer = ask(base, question);
    expect(answer.kind).toBe('unknown');
    for (const fact of tempting(data(base))) expect(said(answer)).not.toContain(fact.toLowerCase());
  });
});

describe('near misses: an attribute the documents never give', () => {
  it.each<[Base, string]>([
    ['solvang', 'hvad er budgettet for børnekreds åen'],
    ['solvang', 'hvornår er julefrokosten i kredsforum'],
    ['hvidmose', 'what is the waiting list for hvidmose dagpleje'],
    ['bakkekaer', 'hvad koster frokostordningen i kløverengen'],
    ['fjordby', 'hvad er åbningstiden i ålekisten'],
    ['havbjerg', 'hvem er tillidsmand i grankoglen'],
    ['seed', 'hvad er lønnen for distriktslederen i baltorp'],
  ])('%s: "%s" gets "I don\'t know"', (base, question) => {
    expect(ask(base, question).kind).toBe('unknown');
  });

  it.each<[Base, string, string]>([
    ['solvang', 'hvad er telefonnummeret til kristian vedel mørch', 'Kristian Vedel Mørch'],
    ['hjortsoe', 'hvad er mette aalund storms telefonnummer', 'Mette Aalund Storm'],
  ])('%s: "%s" names the person and gives no other person\'s number', (base, question, person) => {
    const answer = ask(base, question);
    expect(answer.kind).toBe('unknown');
    expect(said(answer)).toContain(person.toLowerCase());
    const others = data(base).people.filter((p) => p.name !== person && p.phone).map((p) => p.phone!);
    for (const phone of others) expect(said(answer)).not.toContain(phone.toLowerCase());
  });
});

describe('kept: the words leaders write for what the documents answer', () => {
  it.each<[Base, string, RegExp]>([
    ['seed', 'kan man arbejde hjemme som leder af staben', /hjemmearbejde/],
    ['seed', 'kan man arbejde hjemme', /hjemmearbejde/],
    ['solvang', 'hvornår er sommer lukningen', /12\. juli 2027/],
    ['hjortsoe', 'hvornår skal budget bidraget for 2028 afleveres', /15\. marts 2027/],
    ['solvang', 'hvor mange børnehuse ligger der i børnekreds åen', /\b6\b/],
    ['solvang', 'how many houses does børnekreds åen have', /\b6\b/],
    ['solvang', 'hvad er egentlig ansøgningsfristen for stillingen i kastanjen', /8\. januar 2027/],
    ['solvang', 'hvornaar er ansoegningsfristen til huschef stillingen i kastanjen', /8\. januar 2027/],
    ['solvang', 'hvem refererer huschefen i kastanjen egentlig til', /kredsleder/],
    ['solvang', 'hvad er sekretariatskoordinatorens telefonnummer', /72 41 30 18/],
    ['solvang', "what's birgitte ravn holm's phone no", /72 41 30 18/],
    ['solvang', 'hvornår er sommerlukningen i børnehusene', /12\. juli 2027/],
    ['solvang', 'hvor mange børn er der i dagplejen i solvang', /\b176\b/],
    ['hvidmose', 'hvor mange ansatte har hvidmose dagpleje', /\b38\b/],
    ['hvidmose', 'hvornår er fristen for budgetønskerne for 2028', /9\. april 2027/],
    ['hvidmose', 'hvem er børnechefens stedfortræder', /udviklingschef/],
    ['hvidmose', 'hvad er rikke damgaard lunds tlf', /55 12 34 00/],
    ['hjortsoe', 'hvor mange børn går der i hasselbo', /\b142\b/],
    ['hjortsoe', 'hvornår er ansøgningsfristen til teamchefstillingen i midt', /11\. januar 2027/],
    ['hjortsoe', "what's pernille skau andersen's phone number", /76 23 41 00/],
    ['hjortsoe', 'hvem er teamchef for team vest', /sofie dalgaard brix/],
    ['hjortsoe', 'hvornår er sommerferielukningen', /19\. juli 2027/],
    ['bakkekaer', 'hvor mange børn går der i kløverengen', /\b84\b/],
    ['seed', 'hvor mange børn går i distrikt baltorp', /\b750\b/],
  ])('%s: "%s" keeps its answer', (base, question, expected) => {
    const answer = ask(base, question);
    expect(answer.kind).toBe('answer');
    expect(said(answer)).toMatch(expected);
  });
});

describe('near misses: a numbered round the documents do not have ("3. samtale", "2. kvartal")', () => {
  it.each<[Base, string, RegExp]>([
    ['seed', 'hvornaar er 3. samtale til staben i htk', /13\. april|20\. april/],
    ['bakkekaer', 'hvornår er 3. samtale til stillingen i kløverengen', /25\. januar|1\. februar/],
    ['hjortsoe', 'when is the 3. interview for the teamchef job', /19 january|26 january/],
  ])('%s: "%s" gets "I don\'t know", not the rounds there are', (base, question, tempting) => {
    const answer = ask(base, question);
    expect(answer.kind).toBe('unknown');
    expect(said(answer)).not.toMatch(tempting);
  });

  it.each<[Base, string, RegExp]>([
    ['seed', 'hvornår er 2. samtale til staben', /20\. april 2026/],
    ['bakkekaer', 'hvornår er 2. samtale til stillingen i kløverengen', /1\. februar 2027/],
    ['hjortsoe', 'hvornår er 2. samtale til teamchefstillingen', /26\. januar 2027/],
  ])('%s: "%s" keeps the round asked', (base, question, expected) => {
    expect(said(ask(base, question))).toMatch(expected);
  });
});

describe('near misses: a deadline asked of a meeting that has none', () => {
  it.each<[Base, string]>([
    ['solvang', 'deadline to sign up for the bestyrelsestræf'],
    ['hjortsoe', 'tilmeldingsfrist til driftsmødet'],
    ['hvidmose', 'what is the deadline to sign up for the souschef network'],
  ])('%s: "%s" gets "I don\'t know", not the meeting\'s days', (base, question) => {
    const answer = ask(base, question);
    expect(answer.kind).toBe('unknown');
    expect(said(answer)).not.toMatch(/20\d\d/);
  });

  it.each<[Base, string, RegExp]>([
    ['solvang', 'hvornår er fristen for tilmelding til lederdagen', /13\. august 2027/],
    ['hjortsoe', 'hvornår er fristen for budgetbidrag', /15\. marts 2027/],
  ])('%s: "%s" keeps its deadline', (base, question, expected) => {
    expect(said(ask(base, question))).toMatch(expected);
  });
});

describe('near misses: a name that is only a kind of place once its other words go ("den nye børnegård")', () => {
  it('havbjerg: "ansøgningsfrist til lederjobbet i sandflugten" is not answered by the Rævehøj posting', () => {
    const answer = ask('havbjerg', 'ansøgningsfrist til lederjobbet i sandflugten');
    expect(answer.kind).toBe('unknown');
    expect(said(answer)).not.toMatch(/18\. januar/);
  });
});

describe('kept: the document the answer quotes, named by its kind ("statusnotatet", "funktionsbeskrivelsen")', () => {
  it.each<[Base, string, RegExp]>([
    ['bakkekaer', 'hvad anbefaler statusnotatet om souschefer', /80 børn/],
    ['seed', 'hvad peger statusnotatet fra ballerup på som potentiale for fortsat udvikling', /anbefalinger/],
    ['hvidmose', 'hvad siger funktionsbeskrivelsen om souschefens opgaver', /souschef/],
    ['solvang', "hvad står der i funktionsbeskrivelsen om pfl's ansvar", /faglig/],
  ])('%s: "%s" keeps its answer', (base, question, expected) => {
    const answer = ask(base, question);
    expect(answer.kind).toBe('answer');
    expect(said(answer)).toMatch(expected);
  });
});

/**
 * Batch B (written after the first fixes, on knowledge bases and phrasings batch A did not use; on arrival 24 of 25:
 * "3. samtale" was answered by the leaders' wellbeing talks, a thing of another kind that numbers no round).
 */
describe('batch B: near misses and kept answers on Ravnsholt, Lindholt, Ulvedal and Egeskov', () => {
  it.each<[Base, string, RegExp]>([
    ['ravnsholt', 'hvor mange børn går der i børnehuset bølgen', /\b(88|66)\b/],
    ['ravnsholt', 'how many kids go to tangloppen', /\b(88|66)\b/],
    ['ravnsholt', 'hvor mange børn går i børnehuset strandengen', /\b(88|66|1[.,]?265)\b/],
    ['ravnsholt', 'hvornaar er 3. samtale til matrikelleder jobbet', /20\d\d/],
    ['ravnsholt', "when's the application deadline for the matrikelleder job in bølgen", /20\d\d/],
    ['lindholt', 'hvor mange børn går der i daginstitution lyngtoppen', /\b118\b/],
    ['lindholt', 'how many children are there in daginstitution solsikken', /\b(118|900)\b/],
    ['lindholt', 'hvad var sygefraværet i sektion dagtilbud i 1. kvartal', /6[.,]1/],
    ['lindholt', 'when is the third interview for the assistant head post', /january|february/],
    ['ulvedal', 'hvor mange børn går der i legestuen bikuben', /\b104\b/],
    ['ulvedal', 'hvor mange børn er der i børnelandsby vestervang', /\b(380|270|160|430|810)\b/],
    ['ulvedal', "what's the phone number of hanne stubkjær dahl", /75 32/],
    ['egeskov', 'hvem er distriktsleder i distrikt skoven', /henrik|tilde/],
    ['egeskov', 'hvornår er tilmeldingsfristen til temadagen', /5\. marts/],
  ])('%s: "%s" gets "I don\'t know", not the fact beside it', (base, question, tempting) => {
    const answer = ask(base, question);
    expect(answer.kind).toBe('unknown');
    expect(said(answer)).not.toMatch(tempting);
  });

  it.each<[Base, string, RegExp]>([
    ['ravnsholt', 'how many employees does børnehuset lærkereden have', /\b19\b/],
    ['lindholt', 'hvornår er 1. samtale til aul jobbet', /27\. januar 2027/],
    ['lindholt', 'hvad er nikolaj vester halds tlf nr', /86 41 20 15/],
    ['lindholt', 'hvornår er budget fristen for 2028', /12\. marts 2027/],
    ['lindholt', 'deadline for signing up for ledertræf', /27 august 2027/],
    ['ulvedal', 'how many children attend legestuen troldehøjen', /\b104\b/],
    ['ulvedal', 'hvornår skal man senest tilmelde sig lederstævnet', /27\. august 2027/],
    ['ulvedal', 'hvornår er sommer lukningen i ulvedal', /19\. juli 2027/],
    ['egeskov', 'hvem er distriktsleder i distrikt engen', /tilde nørbæk juhl/],
    ['egeskov', 'hvornår er temadagen for lederne', /5\. marts 2027/],
  ])('%s: "%s" keeps its answer', (base, question, expected) => {
    const answer = ask(base, question);
    expect(answer.kind).toBe('answer');
    expect(said(answer)).toMatch(expected);
  });
});
