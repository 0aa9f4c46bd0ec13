/**
 * English chat questions in everyday words for items that have Danish names and few English ones: "management team"
 * for a "leadership team", "the Area West manager" for the unit's head, "childrens house" without its apostrophe, a
 * post's "job" (its tasks) against a person's "job" (their title), "kids" counted as children, "where is <meeting>",
 * contractions such as "they're". Several knowledge bases; each expected fact is read from the knowledge base.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderAnswerText } from '../../src/answering/index.js';
import { englishDay, expectAnswerStates, figureOf, loadAnswerers, type Data, type Expect, type Loaded } from '../helpers/answerers.js';

const NOW = new Date('2026-11-30T09:00:00Z');

const BKK = 'tests/fixtures/kb-bakkekaer';
const FJB = 'tests/fixtures/kb-other';
const HVM = 'tests/fixtures/kb-hvidmose';
const SEED = 'data';

const roleName = (d: Data, id: string) => d.roles.find((r) => r.id === id)!.name;
const holdersOf = (roleId: string): Expect => (d) => d.people.filter((p) => p.role === roleId).map((p) => p.name);
/** The Danish names of a group's members (the official names an English answer shows). */
const membersOf = (groupId: string): Expect => (d) =>
  d.leadershipGroups.find((g) => g.id === groupId)!.members.map((m) => {
    const ref = typeof m === 'string' ? m : m.ref;
    return d.roles.find((r) => r.id === ref)?.name ?? d.units.find((u) => u.id === ref)!.name;
  });
const firstTaskOf = (roleId: string): Expect => (d) => [d.roles.find((r) => r.id === roleId)!.responsibilities[0]!.en.replace(/\.$/, '')];
/** The Danish names of the roles a role reports to. */
const bossesOf = (roleId: string): Expect => (d) =>
  [...(d.roles.find((r) => r.id === roleId)!.reportsTo ?? []), ...d.reportingLines.filter((l) => l.from === roleId).map((l) => l.to)].map((id) => roleName(d, id));
const deputiesFor = (roleId: string): Expect => (d) => d.deputies.filter((x) => x.for === roleId).map((x) => roleName(d, x.deputy));
const placeOf = (meetingId: string): Expect => (d) => [d.meetings.find((m) => m.id === meetingId)!.place!];
/** The roles a role reports to on a condition (an absence), today's first. */
const conditionalBossesOf = (roleId: string): Expect => (d) => [roleName(d, d.reportingLines.find((l) => l.from === roleId && l.condition && !l.validFrom)!.to)];
const dayOf = (iso: string) => englishDay(iso, true);
const titleOf = (personId: string): Expect => (d) => [d.people.find((p) => p.id === personId)!.title!.en];

const cases: [string, string, Expect][] = [
  // "management" and "team"/"group" stand for "leadership" and "group"/"team" inside a name.
  [FJB, 'who is on the day care management team', membersOf('fjb-dagtilbudsledelsen')],
  [FJB, 'who sits on the area management team', membersOf('fjb-omraadeledelsen')],
  [FJB, 'who is in the area leadership group', membersOf('fjb-omraadeledelsen')],
  [HVM, 'who is in the strategic leadership team', membersOf('hvm-strategisk-ledergruppe')],
  [HVM, 'who is on the strategic management group', membersOf('hvm-strategisk-ledergruppe')],
  [BKK, 'who is in the early years management group', membersOf('bkk-smaaboernsledelsen')],
  // A leader word right after a unit's name names the unit's own head, it asks for no boss.
  [BKK, 'who is the area west manager', holdersOf('bkk-omraadechef-vest')],
  [BKK, 'who is the area east boss', holdersOf('bkk-omraadechef-oest')],
  // ... while the boss of a unit that has no head of its own is still whom it reports to (Danish too).
  [SEED, 'hvem er konsulentteamets chef', (d) => [roleName(d, 'htk-dagtilbudschef')]],
  // A possessive or a name typed without its apostrophe, and a name said with more of its own words.
  [BKK, 'what are the childrens house leaders responsible for', firstTaskOf('bkk-boernehusleder')],
  [BKK, 'what is the head of a childrens house responsible for', firstTaskOf('bkk-boernehusleder')],
  [BKK, 'who is the nursery managers boss', bossesOf('bkk-boernehusleder')],
  // A post's "job" or "role" is its tasks; a person's "job" is their title.
  [BKK, "what is the house leaders' job", firstTaskOf('bkk-boernehusleder')],
  [BKK, "what's the house leader's role", firstTaskOf('bkk-boernehusleder')],
  [HVM, "what's the deputy leader's job", firstTaskOf('hvm-souschef')],
  [FJB, "what is the area leader's job", firstTaskOf('fjb-omraadeleder')],
  [BKK, "whats kasper thorhauge's job", titleOf('bkk-kasper-thorhauge')],
  // "kids" counted as children, also with a verb the membership kind knows ("attend"), and "years" of a name is no date.
  [BKK, 'how many kids attend kloverengen', figureOf('bkk-kloeverengen', 'children')],
  [BKK, 'how many kids in the early years area', figureOf('bkk-smaaboernsafdelingen', 'children')],
  [BKK, 'how many childrens houses are there', figureOf('bkk-smaaboernsafdelingen', 'houses')],
  // What is counted is named right after "how many", also when a Danish cue of the metric matches a name later
  // ("konsulentteam"); a "number of" a metric is a count, not a phone number.
  [SEED, 'how many consultants are in the konsulentteam', figureOf('htk-konsulentteamet', 'consultants')],
  [SEED, 'number of consultants in the konsulentteam vs in the pedagogical development team', (d) => [...figureOf('htk-konsulentteamet', 'consultants')(d), ...figureOf('htk-paedagogisk-udviklingsteam', 'consultants')(d)]],
  [BKK, "@Dagtilbudsledelse how many kids go to the children's houses in øst", figureOf('bkk-omraade-oest', 'children')],
  [SEED, 'hvor mange børn og medarbejdere har distrikt baltorp', (d) => [...figureOf('bal-distrikt-baltorp', 'children')(d), ...figureOf('bal-distrikt-baltorp', 'employees')(d)]],
  // A budget named in a question about a responsibility asks for no date.
  [SEED, 'what is the budget responsibility of the head of day care in htk', (d) => d.roles.find((r) => r.id === 'htk-dagtilbudschef')!.responsibilities.filter((r) => /budget/i.test(r.en)).map((r) => r.en.replace(/\.$/, ''))],
  // Everyday words for a post's tasks and a programme's audience; which meetings a post goes to.
  [SEED, 'what is the main job of the klyngeledelse in copenhagen', (d) => [d.leadershipGroups.find((g) => g.id === 'kk-klyngeledelsesteam')!.responsibilities[0]!.en.replace(/\.$/, '')]],
  [BKK, 'who is lederspor meant for', (d) => [d.programmes.find((p) => p.id === 'bkk-lederspor')!.description!.en.replace(/\.$/, '')]],
  [BKK, 'which meetings does a børnehusleder go to', (d) => [d.meetings.find((m) => m.id === 'bkk-omraadeforum')!.name]],
  // A stand-in asked in everyday words: "covers for X when he's on holiday" (no date, no period asked), "the stand-in for".
  ['tests/fixtures/kb-havbjerg', 'who covers for torben when hes on holiday', (d) => d.deputies.filter((x) => x.for === 'hbj-fagchef').map((x) => roleName(d, x.deputy))],
  [BKK, 'who is jonas eskildsen the stand-in for', (d) => [roleName(d, 'bkk-boernehusleder')]],
  // An absence said in everyday words ("is off", "is gone") with a reporting question: the conditional line.
  [HVM, 'who does the deputy report to if the house leader is off for two weeks', conditionalBossesOf('hvm-souschef')],
  [HVM, 'who does the souschef report to when the husleder is gone for more than a week', conditionalBossesOf('hvm-souschef')],
  // "the first <meeting>", "the summer shutdown", a boss's boss from a month on (the second "boss" asks).
  [HVM, 'when is the first SLG meeting', (d) => [dayOf(d.meetings.find((m) => m.id === 'hvm-slg-moede')!.recurrence!.start!)]],
  [HVM, 'when is the summer shutdown', (d) => [dayOf(d.dates.find((x) => x.id === 'hvm-periode-sommerlukning')!.date)]],
  [HVM, "who's the childminding boss's boss from august", (d) => d.reportingLines.filter((l) => l.from === 'hvm-dagplejeleder' && l.validFrom).map((l) => roleName(d, l.to))],
  // "how many times a year" asks how often; "overall" asks for the total; "which leaders have X together" who takes part.
  [BKK, 'how many times a year does the works council meet', (d) => [d.meetings.find((m) => m.id === 'bkk-smaaboerns-med')!.frequency!.en]],
  [BKK, 'how many kids and employees in the early years area overall', (d) => [...figureOf('bkk-smaaboernsafdelingen', 'children')(d), ...figureOf('bkk-smaaboernsafdelingen', 'employees')(d)]],
  [SEED, 'which leaders have the GRUS talks together', (d) => d.meetings.find((m) => m.id === 'bal-grus-samtaler')!.participants.map((p) => roleName(d, typeof p === 'string' ? p : p.ref))],
  // "date and time", "what time does it finish", "closed" for a closure.
  [HVM, 'the leaders meeting in february 2027, what date and time', (d) => ['2 february 2027', d.meetings.find((m) => m.id === 'hvm-ledermoede')!.recurrence!.time!]],
  [HVM, 'what time does the SLG meeting finish', (d) => [d.meetings.find((m) => m.id === 'hvm-slg-moede')!.recurrence!.endTime!]],
  [HVM, 'when are the children’s houses closed in summer', (d) => [dayOf(d.dates.find((x) => x.id === 'hvm-periode-sommerlukning')!.date)]],
  // "where is <meeting>" whose name holds every other cue word; a contraction ("they're") before an absence.
  [HVM, 'where is the management meeting', placeOf('hvm-ledermoede')],
  [HVM, "who replaces the district head when they're away", deputiesFor('hvm-kvarterchef')],
];

describe('English questions in everyday words', () => {
  let answerers = new Map<string, Loaded>();
  beforeAll(async () => {
    answerers = await loadAnswerers([BKK, FJB, HVM, SEED, 'tests/fixtures/kb-havbjerg'], NOW);
  });

  it.each(cases)('%s: %s', (dir, question, expected) => {
    const loaded = answerers.get(dir)!;
    expectAnswerStates(loaded, question, expected);
    expect(loaded.answerer.answer(question).lang, question).toBe(/^hv(em|or) /.test(question) ? 'da' : 'en');
  });

  it("answers a person's job with their title, not their post's tasks", () => {
    const { answerer, data } = answerers.get(BKK)!;
    const answer = answerer.answer("whats kasper thorhauge's job");
    const tasks = data.roles.find((r) => r.id === 'bkk-omraadechef-oest')!.responsibilities.map((r) => r.en.toLowerCase());
    const text = renderAnswerText(answer, { details: true }).toLowerCase();
    expect(tasks.length).toBeGreaterThan(0);
    for (const task of tasks) expect(text).not.toContain(task.replace(/\.$/, ''));
  });

  it.each([
    [SEED, 'morning!'],
    [HVM, 'morning all'],
    [BKK, 'thx, have a nice day'],
  ])('%s: small talk "%s" gets a friendly reply with a hint, no facts', (dir, message) => {
    const answer = answerers.get(dir)!.answerer.answer(message);
    expect(answer.kind).toBe('smalltalk');
    expect(answer.headline).toMatch(/\bask\b|help|spørg|hjælp/i);
  });

  it('counts "kids" as children, but a count of another kind of place is no answer to a kindergarten one', () => {
    const { answerer, data } = answerers.get('tests/fixtures/kb-havbjerg')!;
    const waiting = data.units.flatMap((u) => u.figures).find((f) => /waiting list for a place in nursery/i.test(f.text.en))!;
    expect(waiting, 'the knowledge base holds a nursery waiting list').toBeDefined();
    const nursery = answerer.answer('how many kids are waiting for a nursery place');
    expect(nursery.kind).toBe('answer');
    expect(renderAnswerText(nursery, { details: true })).toContain(String(waiting.value));
    for (const question of ['how many kids are on the waiting list for a kindergarten', 'how many kids are on the waiting list for a school']) {
      expect(answerer.answer(question).kind, question).toBe('unknown');
    }
    const ages = answerers.get(BKK)!.answerer.answer('how old are the kids in sprogstart');
    expect(renderAnswerText(ages, { details: true })).toMatch(/aged 2 to 4/);
  });

  it('takes a gloss of a proper name ("Vuggestuen Ålekisten (nursery)") for that place only as written, not in the plural', () => {
    const { answerer, data } = answerers.get(FJB)!;
    const leader = answerer.answer('who is the head of the nursery');
    expect(renderAnswerText(leader, { details: true })).toContain(data.people.find((p) => p.id === 'fjb-sofie-broend')!.name);
    const subset = answerer.answer('how many children in område syd go to nurseries');
    expect(subset.kind).toBe('unknown');
    const children = String(data.units.find((u) => u.id === 'fjb-aalekisten')!.figures.find((f) => f.metric === 'children')!.value);
    expect(renderAnswerText(subset)).not.toContain(children);
  });

  it('does not take a possessive "s" for a word of a name ("Lone Vestbjerg\'s boss" is no "the boss")', () => {
    const { answerer } = answerers.get(HVM)!;
    const text = renderAnswerText(answerer.answer("who is lone vestbjerg's boss"));
    expect(text).not.toMatch(/børnechef/);
  });

  it('does not take an equivalent word alone for a one-word name ("leaders" is no "head")', () => {
    const { answerer } = answerers.get(HVM)!;
    const answer = answerer.answer('Who do the cluster leaders report to in Høje-Taastrup?');
    expect(answer.kind).toBe('unknown');
    expect(renderAnswerText(answer)).not.toMatch(/børnechef/);
  });
});
