/**
 * Relation questions asked the way leaders write in chat, in Danish and English, on several knowledge bases: who
 * sits in a group or works in a unit, which meetings and groups a post takes part in (the members relation read
 * backwards), whom to ask about a seminar or a job, what a post is responsible for. Each reply must name the fact
 * the data holds; none of these phrasings is special-cased anywhere.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnswerer, type Answer, type Answerer } from '../../src/answering/index.js';
import { loadKnowledgeOrThrow } from '../../src/knowledge/load-knowledge.js';

const NOW = new Date('2026-11-24T09:00:00Z');
const SEED = 'data';
const FJORDBY = 'tests/fixtures/kb-other';
const BAKKEKAER = 'tests/fixtures/kb-bakkekaer';
const HVIDMOSE = 'tests/fixtures/kb-hvidmose';

const answerers = new Map<string, Answerer>();
beforeAll(async () => {
  for (const dir of [SEED, FJORDBY, BAKKEKAER, HVIDMOSE]) answerers.set(dir, createAnswerer(await loadKnowledgeOrThrow(dir), { now: () => NOW }));
});

/** The answer's own text (headline and lines), lower case: not the suggestions, not the quotes of the sources. */
function body(answer: Answer): string {
  return [answer.headline, ...answer.sections.flatMap((s) => [s.title, ...s.lines])].join('\n').toLowerCase();
}

function ask(dir: string, q: string): Answer {
  return answerers.get(dir)!.answer(q);
}

/** Every group must have one of its strings in the answer's own text. */
type Case = { dir: string; q: string; want: string[][]; not?: string[] };

function check({ dir, q, want, not = [] }: Case): void {
  const answer = ask(dir, q);
  expect(answer.kind, q).toBe('answer');
  const text = body(answer);
  for (const group of want) expect(group.some((s) => text.includes(s.toLowerCase())), `${q}: one of ${group.join(' | ')} in\n${text}`).toBe(true);
  for (const s of not) expect(text, q).not.toContain(s.toLowerCase());
}

describe('who is in a group: everyday words for a leadership group', () => {
  it.each<Case>([
    { dir: BAKKEKAER, q: 'hvem er med i ledergruppen', want: [['småbørnschef'], ['områdechef'], ['dagplejeleder'], ['sekretariatsleder']] },
    { dir: HVIDMOSE, q: 'hvem er med i ledelsesgruppen', want: [['børnechef'], ['udviklingschef'], ['kvarterchef']] },
    { dir: SEED, q: 'hvem er i lederteamet i baltorp', want: [['distriktsleder'], ['pædagogisk leder']] },
  ])('$q ($dir)', check);
});

describe('who works in a unit', () => {
  it.each<Case>([
    { dir: BAKKEKAER, q: 'hvem arbejder i dagplejen', want: [['dagplejeleder'], ['dagplejepædagog'], ['dagplejer']] },
    { dir: BAKKEKAER, q: 'hvem er ansat i sprogteamet', want: [['sprogvejleder']] },
    { dir: FJORDBY, q: 'who works in the development team', want: [['development consultant', 'udviklingskonsulent']] },
    { dir: SEED, q: 'hvem arbejder i staben', want: [['leder af staben'], ['konsulent i staben']] },
  ])('$q ($dir)', check);
});

describe('which meetings and groups a post takes part in', () => {
  it.each<Case>([
    { dir: BAKKEKAER, q: 'hvilke møder deltager småbørnschefen i', want: [['luf'], ['småbørns-med'], ['ledermøde']] },
    { dir: BAKKEKAER, q: "which meetings do the heads of children's houses attend", want: [['luf'], ['area forum']], not: ['småbørns-med'] },
    { dir: BAKKEKAER, q: 'hvilke grupper er dagplejelederen med i', want: [['småbørnsledelsen']] },
    { dir: BAKKEKAER, q: 'which meetings does mona ravn go to', want: [['luf'], ['ledermøde']] },
    { dir: HVIDMOSE, q: 'what meetings does the district head go to', want: [['kvartermøde'], ['strategisk ledergruppe', 'strategic leadership group']] },
    { dir: HVIDMOSE, q: 'hvilke møder skal huslederne med til', want: [['ledermøde'], ['kvartermøde']], not: ['souschefnetværk'] },
    { dir: FJORDBY, q: 'which meetings does the area leader attend', want: [['ledelsesforum', 'leadership forum'], ['områdemøder', 'area meetings']] },
    { dir: FJORDBY, q: 'hvilke møder deltager institutionslederne i', want: [['ledelsesforum'], ['områdemøder']] },
    { dir: SEED, q: 'hvilke møder deltager distriktslederne i', want: [['distriktsledermøder'], ['sparringsmøder'], ['grus']] },
  ])('$q ($dir)', check);

  it('asked which meetings a post chairs, only those it chairs', () => {
    const text = body(ask(HVIDMOSE, 'which meetings does the børnechef chair'));
    expect(text).toMatch(/ledermøde/);
    expect(text).toMatch(/strategisk ledergruppe|strategic leadership group/);
    expect(text).not.toMatch(/kvartermøde|souschefnetværk/);
  });

  it('a meeting named or described still gets its own participants', () => {
    expect(body(ask(BAKKEKAER, 'hvem deltager i LUF'))).toMatch(/^i luf deltager/);
    expect(body(ask(HVIDMOSE, 'who is in the souschef network'))).toMatch(/deputy leaders' network/);
  });
});

describe('whom to ask about a job or a seminar', () => {
  it.each<Case>([
    { dir: BAKKEKAER, q: 'vil gerne søge stillingen i kløverengen, hvem kan jeg snakke med', want: [['birgitte lundsgaard friis'], ['jonas eskildsen']] },
    { dir: FJORDBY, q: 'hvem kan jeg snakke med om stillingen i mågen', want: [['mette kjærgaard holm']] },
    { dir: SEED, q: 'hvem kan jeg tale med om stillingen i stjernehuset', want: [['helle kristensen'], ['charlotte sønderhave']] },
    { dir: HVIDMOSE, q: 'hvem ved noget om ledelsesseminaret', want: [['lone vestbjerg']] },
    { dir: HVIDMOSE, q: 'who do i contact about the leadership seminar', want: [['lone vestbjerg']] },
    { dir: HVIDMOSE, q: 'hvem er kontaktperson for ledelsesseminaret', want: [['lone vestbjerg']] },
  ])('$q ($dir)', check);
});

describe('what a post is responsible for, asked with "responsible"', () => {
  it.each<Case>([
    { dir: BAKKEKAER, q: 'what is mona ravn responsible for', want: [['substitute childminding', 'gæstedagpleje']] },
    { dir: BAKKEKAER, q: 'what is the head of a childrens house responsible for', want: [['budget']] },
    { dir: SEED, q: 'what is helle kristensen responsible for', want: [['pedagogical leaders']] },
  ])('$q ($dir)', check);

  it('"responsible" is no question about a number of responses', () => {
    expect(ask(BAKKEKAER, 'what is mona ravn responsible for').headline).not.toMatch(/responses/);
  });
});

describe('a policy: what it is for, what it says about something, whom it is for', () => {
  it.each<Case>([
    { dir: BAKKEKAER, q: 'hvad går politikken for tidlig indsats ud på', want: [['mistrivsel']] },
    { dir: BAKKEKAER, q: 'what is the early intervention policy about', want: [['distress']] },
    { dir: FJORDBY, q: 'hvad går dagtilbudsloven ud på', want: [['lovmæssige ramme']] },
    { dir: BAKKEKAER, q: 'what does the early intervention policy say about childminding', want: [['applies to all children\'s houses and to childminding']], not: ['deadline'] },
    { dir: BAKKEKAER, q: 'hvad siger politikken for tidlig indsats om dagplejen', want: [['gælder for alle børnehuse og for dagplejen']] },
    { dir: FJORDBY, q: 'what does the learning strategy say about school', want: [['age-appropriate']] },
    { dir: FJORDBY, q: 'hvad siger læringsstrategien om leg', want: [['legen er grundlaget']] },
    { dir: BAKKEKAER, q: 'hvem gælder politikken for tidlig indsats for', want: [['børnehusleder'], ['dagplejeleder'], ['områdechef']] },
    { dir: BAKKEKAER, q: 'who has to follow the early intervention policy', want: [["head of children's house"], ['head of childminding']] },
    { dir: FJORDBY, q: 'who must know the learning strategy', want: [['head of institution'], ['area leader']] },
    { dir: FJORDBY, q: 'hvem skal kende læringsstrategien', want: [['institutionsleder'], ['områdeleder']] },
    { dir: SEED, q: 'hvem gælder inklusionsstrategien for', want: [['dagtilbudschef']] },
  ])('$q ($dir)', check);

  it.each<Case>([
    { dir: BAKKEKAER, q: 'who is responsible for the early intervention policy', want: [['heads of children\'s houses and the head of childminding are responsible']] },
    { dir: BAKKEKAER, q: 'hvem har ansvaret for at tidlig indsats følges', want: [['børnehuslederne og dagplejelederen har ansvaret']] },
  ])('asked who is responsible, the statement that says so leads: $q', ({ dir, q, want }) => {
    const answer = ask(dir, q);
    expect(answer.kind).toBe('answer');
    expect(answer.headline.toLowerCase()).toContain(want[0]![0]!.toLowerCase());
  });
});

describe('a name written with a hyphen after a function word ("MED-aftalen")', () => {
  it.each<Case>([
    { dir: SEED, q: 'hvem skal kende MED-aftalen', want: [['klyngeleder'], ['pædagogisk leder']] },
    { dir: SEED, q: 'Hvilke seks begreber bygger MED-aftalen på?', want: [['medindflydelse'], ['tillidsdagsorden']] },
    { dir: SEED, q: 'hvad siger MED-aftalen om medbestemmelse', want: [['medbestemmelse']] },
  ])('$q ($dir)', check);

  it('"hvad er MED-aftalen" is answered by what it is, not by the name of its one part', () => {
    const answer = ask(SEED, 'hvad er MED-aftalen');
    expect(body(answer)).toContain('rammen');
    expect(answer.headline).not.toMatch(/^MED-aftalen: seks nøglebegreber/);
  });
});

describe('what a post does, in everyday words', () => {
  it.each<Case>([
    { dir: BAKKEKAER, q: "what's the area head's job", want: [['manages the heads of children\'s houses']] },
    { dir: BAKKEKAER, q: 'hvad sidder sekretariatet med', want: [['politisk betjening']] },
    { dir: HVIDMOSE, q: "whats the souschef's job", want: [['staff planning', 'rota']] },
    { dir: FJORDBY, q: 'what is the job of the area leaders', want: [['heads of institution']] },
  ])('$q ($dir)', check);
});

describe('contacts: whose number, the other contacts of a job, a post with no one in it', () => {
  it.each<Case>([
    { dir: BAKKEKAER, q: 'whose number is 41 52 63 74', want: [['birgitte lundsgaard friis']] },
    { dir: BAKKEKAER, q: 'hvis nummer er 41526374', want: [['birgitte lundsgaard friis']] },
    { dir: HVIDMOSE, q: 'hvis nummer er 55 12 34 00', want: [['rikke damgaard lund']] },
    { dir: SEED, q: 'whose number is 4477 1847', want: [['helle kristensen']] },
    { dir: SEED, q: 'who else can i call about the stjernehuset job besides helle', want: [['charlotte sønderhave'], ['2446 5945']] },
    { dir: BAKKEKAER, q: 'besides birgitte who else can i call about the kloverengen job', want: [['jonas eskildsen'], ['29 30 31 32']] },
    { dir: FJORDBY, q: 'need both phone numbers for the koordinator job in aalekisten', want: [['23 45 67 89'], ['72 10 45 00']] },
  ])('$q ($dir)', check);

  it('a number no one has names no one', () => {
    expect(ask(BAKKEKAER, 'whose number is 12 34 56 78').kind).not.toBe('answer');
  });

  it('the phone of a post in a unit is never that of its holder elsewhere', () => {
    const answer = ask(FJORDBY, 'hvad er telefonnummeret til institutionslederen i mågen');
    expect(answer.kind).toBe('unknown');
    expect(body(answer)).not.toMatch(/sofie brønd|23 45 67 89/);
  });
});

describe('who leads a team or heads a post when the documents say it only through the unit', () => {
  it.each<Case>([
    { dir: BAKKEKAER, q: 'hvem leder sprogteamet', want: [['sekretariatsleder']], not: ['ledes af sprogvejleder'] },
    { dir: SEED, q: 'hvem er chef for konsulenterne i pædagogisk udviklingsteam', want: [['leder af pædagogisk udviklingsteam']] },
  ])('$q ($dir)', check);

  it('a unit whose leading post is advertised: no one named, the post named', () => {
    const answer = ask(FJORDBY, 'who runs børnehuset mågen');
    expect(answer.kind).toBe('unknown');
    expect(answer.headline).toMatch(/head of institution/);
  });
});

describe('who does a task: the responsibilities read backwards', () => {
  it.each<Case>([
    { dir: BAKKEKAER, q: 'hvem står for vagtplanen i et børnehus', want: [['souschef']] },
    { dir: BAKKEKAER, q: 'hvem godkender den årlige kvalitetsrapport', want: [['småbørnsledelsen']] },
    { dir: BAKKEKAER, q: 'hvem hjælper børnehusene med sprogstart', want: [['sprogvejleder']] },
    { dir: BAKKEKAER, q: 'hvem har ansvaret for gæstedagplejen', want: [['dagplejeleder']] },
    { dir: HVIDMOSE, q: 'hvem står for personaleplanlægningen', want: [['souschef']] },
  ])('$q ($dir)', check);

  it('a task no one has is no one\'s', () => {
    expect(ask(BAKKEKAER, 'hvem står for snerydning').kind).toBe('unknown');
  });
});

describe('the holder of a post asked for by a unit inside the one the post leads', () => {
  it.each<Case>([
    { dir: SEED, q: 'hvem er distriktsleder for stjernehuset', want: [['helle kristensen']] },
    { dir: SEED, q: 'who is the district leader for stjernehuset', want: [['helle kristensen']] },
  ])('$q ($dir)', check);
});

describe('contacts on Havbjerg and in other words', () => {
  const HAVBJERG = 'tests/fixtures/kb-havbjerg';
  beforeAll(async () => {
    answerers.set(HAVBJERG, createAnswerer(await loadKnowledgeOrThrow(HAVBJERG), { now: () => NOW }));
  });

  it.each<Case>([
    { dir: HAVBJERG, q: 'jera@havbjerg.dk whose mail is that', want: [['jeppe holmgaard ravn']] },
    { dir: HAVBJERG, q: 'hvis nummer er 96 48 20 05', want: [['birthe nørgaard lynge']] },
    { dir: HAVBJERG, q: 'nummer til udvalgssekretæren for familie- og sundhedsudvalget', want: [['96 48 10 44']] },
    { dir: BAKKEKAER, q: 'hvem kan jeg ellers ringe til om kløverengen end birgitte', want: [['jonas eskildsen'], ['29 30 31 32']] },
    { dir: FJORDBY, q: 'can i email someone about the maagen job, what address', want: [['mkh@fjordby.example']] },
  ])('$q ($dir)', check);
});

describe('a programme used in a unit or in one it belongs to', () => {
  it.each<Case>([
    { dir: FJORDBY, q: 'bruges blik i ålekisten', want: [['område syd']] },
    { dir: BAKKEKAER, q: 'bruges sprogstart i dagplejen', want: [['sprogstart bruges i dagplejen']] },
    { dir: BAKKEKAER, q: 'bruger de KLAR i kløverengen', want: [['område øst'], ['område vest fra august 2027']] },
  ])('$q ($dir)', check);
});

describe('whom a post manages, and what a job at a unit requires', () => {
  it.each<Case>([
    { dir: FJORDBY, q: 'hvem har en områdeleder ansvar for som personaleleder', want: [['institutionsleder']] },
    { dir: BAKKEKAER, q: 'hvem har småbørnschefen ansvar for', want: [['dagplejeleder'], ['sekretariatsleder']] },
    { dir: BAKKEKAER, q: 'hvilken erfaring skal man have for at søge børnehuslederjobbet i kløverengen', want: [['erfaring med personaleledelse']] },
  ])('$q ($dir)', check);
});

describe('Havbjerg: posts named generally, the specific posts held, meetings chaired', () => {
  const HAVBJERG = 'tests/fixtures/kb-havbjerg';
  beforeAll(async () => {
    if (!answerers.has(HAVBJERG)) answerers.set(HAVBJERG, createAnswerer(await loadKnowledgeOrThrow(HAVBJERG), { now: () => NOW }));
  });

  it.each<Case>([
    { dir: HAVBJERG, q: 'who are the unit heads', want: [['sanne bøgelund friis'], ['kim vadstrup olesen'], ['leila hasanović berg']], not: ['jakob winther dahl'] },
    { dir: HAVBJERG, q: 'hvem er enhedschef for rævehøj', want: [['kim vadstrup olesen']] },
    { dir: HAVBJERG, q: 'which meetings does the fagchef chair', want: [['chefgruppen'], ['fag-med'], ['formandsforum']], not: ['enhedsledermøde'] },
    { dir: HAVBJERG, q: 'hvilke møder skal de ledende pædagoger med til', want: [['enhedsledermøde'], ['netværk for ledende pædagoger']] },
    { dir: HAVBJERG, q: 'hvem gælder madpolitikken for', want: [['daglig leder'], ['dagplejechef']] },
    { dir: HAVBJERG, q: 'hvad siger madpolitikken om fødselsdage', want: [['kage']] },
    { dir: HAVBJERG, q: 'hvem står for tilsynet med dagplejehjemmene', want: [['tilsynsførende']] },
    { dir: HAVBJERG, q: 'hvem faciliterer netværket for ledende pædagoger', want: [['teamkoordinator']] },
    { dir: HAVBJERG, q: 'who else can i talk to about the rævehøj job besides kim', want: [['camilla krog hansen'], ['louise dam winther']] },
  ])('$q ($dir)', check);
});

describe('a programme asked who it is for; the phone of a post held by title only', () => {
  const RAVNSHOLT = 'tests/fixtures/kb-ravnsholt';
  beforeAll(async () => {
    answerers.set(RAVNSHOLT, createAnswerer(await loadKnowledgeOrThrow(RAVNSHOLT), { now: () => NOW }));
  });

  it.each<Case>([
    { dir: RAVNSHOLT, q: 'hvad er madværkstedet og hvem skal tage det', want: [['køkkenpersonale'], ['to kursusdage']] },
    { dir: BAKKEKAER, q: 'who is lederspor meant for', want: [['new heads of children\'s houses'], ['is for the head of children\'s house']] },
    { dir: RAVNSHOLT, q: 'phone number for the pædagogisk koordinator at lærkereden', want: [['sofie bundgaard lund'], ['58 37 35 12']] },
    { dir: BAKKEKAER, q: 'hvad er telefonnummeret til souschefen i kløverengen', want: [['29 30 31 32']] },
  ])('$q ($dir)', check);
});
