/**
 * Robustness of the calendar kinds (dates of an item, dates in a period, meetings) to the ways leaders ask: other
 * words than the item's label, other verbs, inflections and compounds, ASCII spellings, English with Danish names,
 * another municipality's vocabulary. Each case names the day or words a right answer states (days as ISO dates,
 * written as the answer's language writes them) and, where one tempts, a day it must not state; questions about
 * events the documents do not list must stay "I don't know". Written as paraphrases of passing working questions
 * on knowledge bases where the same kind of fact exists, never copied from the question bank.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderAnswerText } from '../../src/answering/index.js';
import { shortDate } from '../../src/answering/answer-context.js';
import { loadAnswerers, type Loaded } from '../helpers/answerers.js';

const NOW = new Date('2026-11-30T09:00:00Z');
const SLV = 'tests/fixtures/kb-solvang';
const HBJ = 'tests/fixtures/kb-havbjerg';
const HVM = 'tests/fixtures/kb-hvidmose';
const RVS = 'tests/fixtures/kb-ravnsholt';
const BKK = 'tests/fixtures/kb-bakkekaer';
const FJB = 'tests/fixtures/kb-other';
const EGS = 'tests/fixtures/kb-egeskov';
const SEED = 'data';
const HJS = 'tests/fixtures/kb-hjortsoe';
const LHT = 'tests/fixtures/kb-lindholt';
let loaded = new Map<string, Loaded>();

beforeAll(async () => {
  loaded = await loadAnswerers([SLV, HBJ, HVM, RVS, BKK, FJB, EGS, SEED, HJS, LHT], NOW);
});

/** What a right answer says: an ISO day (written the way the answer's language writes it) or any of some words. */
type Said = string | readonly string[];
type Case = readonly [dir: string, question: string, must: readonly Said[], not?: readonly Said[]];

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const langOf = (question: string): 'da' | 'en' => (/\b(when|what|which|who|where|how|is|are|the|does|do|any|deadline|last)\b/i.test(question) && !/\b(hvornår|hvornaar|hvad|hvem|hvor|hvilke|hvilken|er|der|skal)\b/i.test(question) ? 'en' : 'da');

function says(text: string, said: Said, lang: 'da' | 'en'): boolean {
  const options = typeof said === 'string' ? [said] : said;
  const lower = text.toLowerCase();
  return options.some((o) => (ISO.test(o) ? text.includes(shortDate(o, lang)) : lower.includes(o.toLowerCase())));
}

function check(cases: readonly Case[]): void {
  for (const [dir, question, must, not = []] of cases) {
    it(`${dir.replace('tests/fixtures/', '')}: ${question}`, () => {
      const answer = loaded.get(dir)!.answerer.answer(question);
      const text = renderAnswerText(answer, { details: true });
      const lang = langOf(question);
      expect(answer.kind, `${question}\n${text}`).toBe('answer');
      for (const m of must) expect(says(text, m, lang), `${question}: says ${String(m)}\n${text}`).toBe(true);
      for (const n of not) expect(says(text, n, lang), `${question}: must not say ${String(n)}\n${text}`).toBe(false);
    });
  }
}

describe('dates of an item named in other words, with other verbs and inflections', () => {
  check([
    [SLV, 'hvornår er sidste frist for at søge huschefstillingen i kastanjen', ['2027-01-08']],
    [SLV, 'when do applications close for the kastanjen head of house job', ['2027-01-08']],
    [SLV, 'ansøgningsfristen til kastanjen?', ['2027-01-08']],
    [SLV, 'hvornår tiltræder den nye huschef i kastanjen', ['2027-03-01']],
    [SLV, 'første arbejdsdag for ny huschef kastanjen', ['2027-03-01']],
    [SLV, 'when does the new head of house at kastanjen begin', ['2027-03-01']],
    [SLV, 'hvornår skal budgetønskerne for 2028 afleveres', ['2027-03-05']],
    [SLV, 'budgetfristen for 2028', ['2027-03-05']],
    [SLV, 'when are the 2028 budget requests due', ['2027-03-05']],
    [SLV, 'tilmeldingsfristen til lederdagen', ['2027-08-13'], ['2027-03-05']],
    [SLV, 'last day to sign up for the leaders day', ['2027-08-13'], ['2027-03-05']],
    [SLV, 'hvornår skal man senest tilmelde sig lederdagen', ['2027-08-13'], ['2027-03-05']],
    [SLV, 'hvornår starter trivselsdialogerne', ['2027-02-01']],
    [SLV, 'hvornår skal trivselsdialogerne være afsluttet', ['2027-03-31']],
    [SLV, 'when is the fodspor registration', ['2027-10-01', '2027-11-12']],
    [SLV, 'hvornår skal tilsynsrapporterne sendes til børneområdechefen', ['2027-11-26']],
    [SLV, 'deadline for the supervision reports', ['2027-11-26']],
    [SLV, 'hvornaar skal behovet for pasning i sommerlukningen meldes', ['2027-04-09']],
    [SLV, 'hvornår fratræder lone birkmose ravn', ['2027-02-28']],
    [HBJ, 'hvad tid er ansøgningsfristen for daglig leder i rævehøj', [['09.00', '9.00']]],
    [HBJ, 'when must the curriculum evaluation be handed in', ['2027-05-31']],
    [HBJ, 'frist for evaluering af læreplanen', ['2027-05-31']],
    [HBJ, 'hvornår er lus-perioden slut', ['2027-03-12']],
    [HBJ, 'when does the pedagogical supervision start', ['2027-09-06']],
    [HBJ, 'hvornår skal budgetopfølgningen indberettes', ['2027-08-20']],
    [HBJ, 'hvornår skal køkkenpersonalet have gennemført madmod', ['2027-12-31']],
    [HVM, 'hvornår er mus for souscheferne', ['2027-10-01', '2027-11-15']],
    [HVM, 'when is the deadline for signing up for the seminar', ['2027-09-01']],
    [HVM, 'hvornår er ledelsesseminaret', ['2027-10-07']],
    [HVM, 'hvornår melder man det endelige budget for 2028 ud', ['2027-12-15']],
    [HVM, 'hvornår slutter tilsynet', ['2027-11-26']],
    [HVM, 'when does the inspection end', ['2027-11-26']],
    [HVM, 'seneste frist for halvårsopfølgningen', ['2027-08-16']],
    [FJB, 'hvornår er ansøgningsfristen for institutionslederstillingen i mågen', ['2026-02-20']],
    [FJB, 'when is the second round of interviews for mågen', ['2026-03-04'], ['2026-02-26']],
    [FJB, 'temaugen om sprog hvornår slutter den', ['2026-03-06']],
    [FJB, 'hvornår starter koordinatoren i ålekisten', ['2026-05-01'], ['2026-04-01']],
    [EGS, 'hvornår er temadagen for lederne', ['2027-03-05']],
  ]);
});

describe('a period or an event named with a year, a season or a weekday asked', () => {
  check([
    [SLV, 'hvornår er sommerlukningen i 2027', ['2027-07-12', '2027-07-23'], ['2027-01-08']],
    [HBJ, 'when is the summer closure in 2027', ['2027-07-19', '2027-07-30'], ['2027-01-18']],
    [SLV, 'which weeks are the childrens houses closed in the summer', [['uge 28', 'weeks 28', '2027-07-12']], ['2027-01-08']],
    [HVM, 'hvornår er tilsynet i 2027', ['2027-09-13'], ['2027-04-09']],
    [HBJ, 'hvilken ugedag er lederdagen', [['torsdag', 'thursday']]],
    [SLV, 'what weekday is the lederdag', [['thursday', 'torsdag']]],
    [HVM, 'hvilken ugedag starter ledelsesseminaret', [['torsdag', 'thursday']]],
  ]);
});

describe('where a dated event is held', () => {
  check([
    [SLV, 'hvor holdes lederdagen', ['solvanggaard']],
    [EGS, 'where is the theme day', ['egeskov kro']],
    [HVM, 'hvor holdes ledelsesseminaret', ['kursuscenter']],
    [HBJ, 'where is the leaders day held', ['badehotel']],
  ]);
});

describe('dates in a period asked in other words', () => {
  check([
    [SLV, 'hvad sker der i februar 2027', ['2027-02-01']],
    [SLV, 'any deadlines in august 2027', ['2027-08-13']],
    [SLV, 'hvad skal vi huske i november 2027', ['2027-11-26']],
    [SLV, "what's on in september 2027", ['2027-09-09']],
    [SLV, 'hvad sker der i juli', ['2027-07-12']],
    [SLV, 'what do we need to remember in april 2027', ['2027-04-09']],
    [HBJ, 'hvilke frister er der i marts 2027', ['2027-03-12']],
    [HBJ, 'whats on the calendar for october 2027', ['2027-10-28', '2027-10-01']],
    [HVM, 'deadlines in april 2027?', ['2027-04-09']],
    [HVM, 'hvad står der i kalenderen for september 2027', ['2027-09-01', '2027-09-13']],
    [RVS, 'hvilke frister er der i maj 2027', ['2027-05-31']],
    [FJB, 'hvad sker der i februar 2026', ['2026-02-20', '2026-02-26']],
    [BKK, 'hvad sker der i marts 2027', ['2027-03-12']],
    [HBJ, 'hvad er der af datoer i uge 29 2027', ['2027-07-19'], ['2027-08-20']],
  ]);
});

describe('a meeting: when, how often, weekday, time, place, chair, participants', () => {
  check([
    [SLV, 'hvor ofte mødes kredsforum', [['hver anden onsdag', 'every other wednesday']]],
    [SLV, 'hvornår er næste kredsforummøde', ['2027-01-06']],
    [SLV, 'what time does kredsforum start', [['8.30', '08:30', '08.30']]],
    [SLV, 'hvem leder kredsforum', ['børneområdechef']],
    [SLV, 'hvor holdes SU-møderne', ['byrådssalen']],
    [SLV, 'hvem er formand for samarbejdsudvalget', ['børneområdechef']],
    [SLV, 'hvornår er bestyrelsestræffet i oktober', ['2027-10-21']],
    [SLV, 'how many times does the faglighedsnetværk meet in 2027', [['5 times', 'five']]],
    [SLV, 'hvilken dag er kredsteammødet', ['torsdag']],
    [SLV, 'hvem deltager i kredsteammøderne', ['huschef']],
    [HBJ, 'hvilken ugedag er chefgruppemødet', ['onsdag']],
    [HBJ, 'when is the next chefgruppe meeting', ['2027-01-06']],
    [HBJ, 'hvad tid er formandsforum', ['19:00']],
    [HBJ, 'hvornaar er enhedsledermoedet i september 2027', ['2027-09-09']],
    [HBJ, 'hvem er mødeleder i chefgruppen', ['fagchef']],
    [HVM, 'hvornår mødes SLG', ['mandag']],
    [HVM, 'hvem er mødeleder for kvartermødet', ['kvarterchef']],
    [HVM, 'where is the dialogue meeting held', ['udvalgsværelset']],
    [HVM, 'hvornår stopper ledermøderne', ['2027-06-01']],
    [RVS, 'hvor mødes sektorledelsen', ['ravnen']],
    [RVS, 'hvornår er sektor-med i juni 2027', ['2027-06-08']],
    [RVS, 'hvem leder FLM', ['fællesleder']],
    [RVS, 'what weekday is the fællesledermøde', ['tuesday']],
    [RVS, 'when is the next bestyrelsesforum', ['2027-04-27']],
    [EGS, 'hvornår er distriktsmødet', ['onsdag']],
    [EGS, 'hvad tid starter distriktsmødet', ['09:00']],
  ]);
});

describe("two things' dates set against each other, and every date of a recruitment", () => {
  check([
    [HBJ, 'hvad kommer først, ansøgningsfristen i rævehøj eller lederdagen', ['2027-01-18', '2027-10-28']],
    [SLV, 'is the summer closure before or after the leaders day', ['2027-07-12', '2027-09-09']],
    [HVM, 'kommer tilsynet før eller efter ledelsesseminaret', ['2027-09-13', '2027-10-07']],
    [FJB, 'which comes first, the interviews in ålekisten or the start date in mågen', ['2026-03-16', '2026-04-01']],
    [RVS, 'hvornår er alle datoer i rekrutteringen til lærkereden', ['2027-01-18', '2027-01-26', '2027-02-03', '2027-04-01']],
    [SLV, 'list all the dates of the hiring process for the kastanjen job', ['2027-01-08', '2027-01-14', '2027-01-20', '2027-03-01']],
  ]);
});

describe('a meeting asked by the group that holds it or by who meets, a last working day, a season without a year', () => {
  check([
    [SLV, 'hvad tid starter kredsforum', [['08.30', '08:30', '8.30']]],
    [HBJ, 'where does chefgruppen meet', ['klitten']],
    [RVS, 'hvor tit mødes sektorledelsen', ['mandag']],
    [SLV, 'when do the parent boards meet the head of early years', ['2027-04-22']],
    [HVM, 'hvornår mødes udvalget med den strategiske ledergruppe', ['2027-03-16']],
    [RVS, 'hvornår er yasmins sidste arbejdsdag', ['2027-03-31']],
    [HBJ, "when is leila's last working day", ['2027-03-31']],
    [HVM, 'hvornår er der kvartermøde i efteråret', ['2027-09-01']],
    [SLV, 'hvornår mødes bestyrelserne med børneområdechefen i efteråret', ['2027-10-21'], ['2027-04-22']],
    [HBJ, 'hvilken ugedag er lederdagen og hvornår slutter den', [['torsdag', 'thursday'], '15.30']],
    [RVS, 'by when must we report the need for childcare in the summer holidays', ['2027-04-16']],
  ]);
});

describe('session 15: an item named by its everyday words, its kind of date, a verb of the event, passed or coming', () => {
  check([
    [SEED, 'hvornår skal ansøgningen til stjernehuset være sendt', ['2026-01-10']],
    [SEED, 'when do applications for the stjernehuset job close', ['2026-01-10']],
    [SEED, 'hvornår er de første samtaler til stillingen som leder af staben', ['2026-04-13'], ['2026-04-20']],
    [SEED, 'when do they hold the second round of interviews for the head of staff post', ['2026-04-20'], ['2026-04-13']],
    [SEED, 'hvornår begynder den nye leder af staben', ['2026-06-01']],
    [SEED, 'hvornår skulle den nye pædagogiske leder i stjernehuset begynde', ['2026-03-01']],
    [SEED, 'what year did børne- og kulturhuset open', ['2022']],
    [SEED, 'hvornår indgik htk samarbejdsgrundlaget med fagforeningerne', ['2023']],
    [SEED, 'ansøgningsfrist for vuggestuelederstillingen i baltorp', ['2026-01-10']],
    [HJS, 'hvornår er sidste frist for at søge teamchefstillingen i midt', ['2027-01-11']],
    [HJS, 'when does the new team head in midt take up the post', ['2027-04-01']],
    [HJS, 'hvornår er anden samtale til teamchefjobbet', ['2027-01-26'], ['2027-01-19']],
    [HJS, 'hvornår skal budgetbidragene for 2028 afleveres', ['2027-03-15'], ['2027-12-01']],
    [HJS, 'when are the 2028 budget contributions due', ['2027-03-15']],
    [HJS, 'when are the quality reports due', ['2027-12-01']],
    [HJS, 'frist for ønsker om kompetencemidler', ['2027-04-30']],
    [HJS, 'hvornår skal man tilmelde sig ledersamlingen senest', ['2027-08-20'], ['2027-09-16']],
    [HJS, 'hvornår holdes LUS', ['2027-03-01', '2027-04-30']],
    [HJS, 'hvornår slutter sprogvurderingen af de 3-årige', ['2027-11-26']],
    [HJS, 'hvornår lukker børnecentrene i sommerferien', ['2027-07-19'], ['2027-05-01']],
    [HJS, 'by when must every children\'s centre have a digital ambassador', ['2027-06-01']],
    [HJS, 'hvornår er næste DT-MED møde', ['2027-03-09']],
    [HJS, 'hvor tit holdes driftsmøde', [['hver tredje onsdag', 'every third wednesday']]],
    [HJS, 'hvornår er vicelederkredsen i juni 2027', ['2027-06-14']],
    [RVS, 'hvornår lukker ansøgningsfristen til stillingen i lærkereden', ['2027-01-18']],
    [RVS, 'when does the new matrikelleder at lærkereden start', ['2027-04-01']],
    [RVS, 'hvornår skal budgetønskerne til sektorchefen', ['2027-03-12']],
    [RVS, 'sidste frist for tilmelding til ledertræffet', ['2027-10-01'], ['2027-10-28']],
    [RVS, 'hvornår går yasmin khalil sørensen på pension', ['2027-03-31']],
    [RVS, 'when does ravneklit open', ['2027-08-01']],
    [RVS, 'hvornår træder madpolitikken i kraft', ['2027-01-01']],
    [RVS, 'hvornår begynder det pædagogiske tilsyn', ['2027-09-06']],
    [RVS, 'hvornår skal evalueringen af læreplanen afleveres', ['2027-05-31']],
    [RVS, 'hvornår bliver dagplejen en del af mosen', ['2027-05-01']],
    [RVS, 'hvornår mødes bestyrelsesforum i efteråret', ['2027-10-26'], ['2027-04-27']],
    [BKK, 'when is the application deadline for børnehusleder at kløverengen', ['2027-01-18']],
    [BKK, 'hvornår er 2. samtale til jobbet i kløverengen', ['2027-02-01'], ['2027-01-25']],
    [BKK, 'hvornår skal sprogvurderingerne være indberettet', ['2027-02-26']],
    [BKK, 'when is the quality report discussed by the committee', ['2027-04-14']],
    [BKK, 'hvornår blev politikken for tidlig indsats vedtaget', ['2026-06-10'], ['2028-09-01']],
    [BKK, 'when will the early intervention policy be evaluated', [['september 2028']]],
    [BKK, 'hvornår besluttede småbørnsledelsen klar-modellen', ['2026-10-06']],
    [BKK, 'when is the next LUF meeting', ['2027-02-03']],
    [FJB, 'hvornår kommer blik til område nord', ['2026']],
    [BKK, 'hvornår er sidste LUF-møde', ['2027-12-01'], ['2027-02-03']],
    [BKK, 'when is the last LUF meeting of 2027', ['2027-12-01'], ['2027-05-05']],
    [BKK, 'hvornår er første LUF i 2027', ['2027-02-03'], ['2027-12-01']],
    [BKK, 'from when will the KLAR model be used in område vest', [['august 2027']], ['2026-10-06']],
    [RVS, 'fra hvornår gælder madpolitikken', ['2027-01-01']],
    [HJS, 'fra hvornår er team midt oprettet', ['2027-05-01']],
    [HVM, 'fra hvornår får 13 af husene souschef', ['2027-08-01']],
    [SLV, 'hvornår skal forsøget med tidlig åbning i mælkebøtten evalueres', [['maj 2028']]],
    [BKK, 'hvornår skal politikken for tidlig indsats evalueres', [['september 2028']], ['2026-06-10']],
    [LHT, 'when do applications close for the assistant universe leader post in hedelund', ['2027-01-15']],
    [FJB, 'when is the last interview for the mågen job', ['2026-03-04'], ['2026-02-26']],
    [FJB, 'when is the first interview for the maagen job', ['2026-02-26'], ['2026-03-04']],
    [HBJ, 'hvornår holdes lederdagen', ['2027-10-28'], ['2027-10-01']],
    [SLV, 'when is lederdagen', ['2027-09-09'], ['2027-08-13']],
    [SLV, 'hvornår er sommerlukningen', ['2027-07-12'], ['2027-04-09']],
    [HJS, 'when is the leaders gathering', ['2027-09-16'], ['2027-08-20']],
    [RVS, 'when is the leaders day in ravnsholt', ['2027-10-28'], ['2027-10-01']],
    [SLV, 'hvornår er sidste frist for tilmelding til lederdagen', ['2027-08-13'], ['2027-09-09']],
    [HBJ, 'when are the institutions shut for the summer in 2027', ['2027-07-19'], ['2027-04-16']],
    [HJS, 'when are the children\'s centres shut in summer 2027', ['2027-07-19']],
    [LHT, 'hvornår er 2. samtale til stillingen som assisterende universleder i hedelund', ['2027-02-04'], ['2027-01-27']],
  ]);
});

describe('an event the documents do not date stays unanswered', () => {
  const cases: ReadonlyArray<readonly [string, string]> = [
    [SLV, 'hvornår er julefrokosten'],
    [HVM, 'hvornår er personaledagen'],
    [RVS, 'when is the deadline for the quality report'],
    [HBJ, 'hvornår er sommerfesten'],
    [SLV, 'hvornår er ansøgningsfristen for stillingen som kredsleder'],
    [HBJ, 'when is the deadline for budget requests for 2029'],
    [SLV, 'hvornår er der forældremøde i kastanjen'],
    [HVM, 'hvor holdes julefrokosten'],
    [SLV, 'when is the staff party'],
    [HBJ, 'hvad kommer først, julefrokosten eller lederdagen'],
    [SLV, 'is the christmas party before or after the summer closure'],
    [SLV, 'hvornår er kristians sidste arbejdsdag'],
    [HVM, 'hvornår holder husene sommerfest i efteråret'],
  ];
  for (const [dir, question] of cases) {
    it(`${dir.replace('tests/fixtures/', '')}: ${question}`, () => {
      const answer = loaded.get(dir)!.answerer.answer(question);
      expect(answer.kind, `${question}\n${renderAnswerText(answer)}`).not.toBe('answer');
    });
  }
});
