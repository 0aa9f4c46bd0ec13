/**
 * Everyday English paraphrases (chat style: lower case, no question mark, contractions, small typos) of
 * questions whose answers are in the seed and two fixture knowledge bases. Each expected fact is read from
 * the knowledge base, not copied from an answer.
 */
import { beforeAll, describe, it } from 'vitest';
import { englishDay, expectAnswerStates, figureOf, loadAnswerers, type Data, type Expect, type Loaded } from '../helpers/answerers.js';

const NOW = new Date('2026-11-30T09:00:00Z');

const holderOf = (d: Data, role: string) => d.people.filter((p) => p.role === role).map((p) => p.name);
const personByName = (d: Data, name: string) => d.people.find((p) => p.name === name)!;
const bossOf = (name: string): Expect => (d) => {
  const line = d.reportingLines.find((l) => l.from === personByName(d, name).role)!;
  return holderOf(d, line.to);
};
const membersOf = (groupLabel: string): Expect => (d) => {
  const group = d.leadershipGroups.find((g) => g.labelEn === groupLabel)!;
  return group.members.flatMap((m) => holderOf(d, m.ref));
};
const participantsOf = (meetingId: string): Expect => (d) =>
  d.meetings.find((m) => m.id === meetingId)!.participants!.flatMap((r) => holderOf(d, typeof r === 'string' ? r : r.ref));
/** The title's own words, before any gloss in brackets or place after a comma. */
const titleOf = (name: string): Expect => (d) => [personByName(d, name).title!.en.split(/\s*[(,]/)[0]!];
const contactsOf = (postingId: string): Expect => (d) =>
  (d.postings.find((p) => p.id === postingId)!.contacts ?? []).map((id) => d.people.find((p) => p.id === id)!.name);
const dayOf = (iso: string) => englishDay(iso);
const deadlineOf = (postingId: string): Expect => (d) =>
  d.dates.filter((x) => x.about === postingId && x.kind === 'application-deadline').map((x) => dayOf(x.date));
const datesIn = (month: string, kinds?: string[]): Expect => (d) =>
  d.dates.filter((x) => x.date.startsWith(month) && (!kinds || kinds.includes(x.kind))).map((x) => x.label.en.toLowerCase());
const frequencyOf = (meetingId: string): Expect => (d) => [d.meetings.find((m) => m.id === meetingId)!.frequency!.en];
const responsibilitiesOf = (roleId: string, n = 2): Expect => (d) =>
  (d.roles.find((r) => r.id === roleId)!.responsibilities ?? []).slice(0, n).map((r) => r.en.replace(/\.$/, ''));
const partsOf = (wholeId: string): Expect => (d) =>
  d.concepts.filter((c) => c.partOf === wholeId).map((c) => c.labelEn!.replace(/^the /, ''));

const BKK = 'tests/fixtures/kb-bakkekaer';
const FJB = 'tests/fixtures/kb-other';
const SEED = 'data';

const cases: [string, string, Expect][] = [
  // reporting lines
  [BKK, "who's mona ravn's boss", bossOf('Mona Ravn')],
  [BKK, 'who does mona ravn answer to', bossOf('Mona Ravn')],
  [BKK, 'who is mona ravns line manager', bossOf('Mona Ravn')],
  [FJB, 'who does mette kjaergaard holm answer to', bossOf('Mette Kjærgaard Holm')],
  [FJB, "who's mette kjærgaard holm's boss", bossOf('Mette Kjærgaard Holm')],
  [FJB, 'who is the area leaders boss', (d) => holderOf(d, 'fjb-dagtilbudsdirektoer')],
  // membership
  [BKK, 'who sits on the early years leadership team', membersOf('the early-years leadership team')],
  [BKK, "who's in sbl", membersOf('the early-years leadership team')],
  [FJB, 'who sits on the area leadership team', membersOf('the area leadership team')],
  [BKK, 'who goes to the luf meetings', participantsOf('bkk-luf')],
  [BKK, 'how often is luf', frequencyOf('bkk-luf')],
  // job titles
  [BKK, "what's lone skovgaard mikkelsen's job title", titleOf('Lone Skovgaard Mikkelsen')],
  [BKK, "whats kasper thorhauge's job", titleOf('Kasper Thorhauge')],
  [FJB, "what's sofie brønd's job title", titleOf('Sofie Brønd')],
  [SEED, "what's helle kristensen's job title", titleOf('Helle Kristensen')],
  [SEED, 'whats tanja steffe nøhrs title', titleOf('Tanja Steffe Nøhr')],
  // counts
  [BKK, 'how many kids in area west', figureOf('bkk-omraade-vest', 'children')],
  [BKK, 'how many houses are there in area east', figureOf('bkk-omraade-oest', 'houses')],
  [FJB, 'how many kids go to mågen', figureOf('fjb-maagen', 'children')],
  [SEED, 'how many kids in baltorp district', figureOf('bal-distrikt-baltorp', 'children')],
  [SEED, 'how many staff in baltorp', figureOf('bal-distrikt-baltorp', 'employees')],
  [SEED, 'how many clusters are there in høje taastrup', figureOf('htk-dagtilbudsklynger', 'clusters')],
  // deadlines and calendar
  [BKK, "when's the deadline for the kloverengen job", deadlineOf('bkk-stilling-boernehusleder-kloeverengen')],
  [FJB, "when's the deadline for the mågen job", deadlineOf('fjb-stilling-institutionsleder-maagen')],
  [SEED, "when's the deadline for the stjernehuset job", deadlineOf('bal-stilling-paedagogisk-leder-vuggestue-stjernehuset')],
  [BKK, "what's on in march", datesIn('2027-03')],
  [BKK, 'any deadlines in february', datesIn('2027-02', ['application-deadline', 'other'])],
  // A month whose coming occurrence holds nothing: the documents' own (past) one.
  [FJB, "what's on in march", datesIn('2026-03')],
  [FJB, 'any interviews in march', datesIn('2026-03', ['interview'])],
  // contacts
  [BKK, 'who do i call about the kløverengen job', contactsOf('bkk-stilling-boernehusleder-kloeverengen')],
  [FJB, 'who do i call about the ålekisten job', contactsOf('fjb-stilling-koordinator-aalekisten')],
  [SEED, 'who do i ring about the stjernehuset job', contactsOf('bal-stilling-paedagogisk-leder-vuggestue-stjernehuset')],
  // responsibilities
  [SEED, 'what does the head of day care look after in høje taastrup', responsibilitiesOf('htk-dagtilbudschef', 1)],
  [SEED, 'what does a cluster leader look after in copenhagen', responsibilitiesOf('kk-klyngeleder', 1)],
  [SEED, "what's the district leader in charge of", responsibilitiesOf('bal-distriktsleder', 1)],
  // parts
  [BKK, 'name the parts of the early intervention policy', partsOf('bkk-politik-tidlig-indsats')],
  [BKK, 'name the guiding lines', partsOf('bkk-sigtelinjer')],
];

describe('everyday English paraphrases', () => {
  let answerers = new Map<string, Loaded>();
  beforeAll(async () => {
    answerers = await loadAnswerers([BKK, FJB, SEED], NOW);
  });

  it.each(cases)('%s: %s', (dir, question, expected) => expectAnswerStates(answerers.get(dir)!, question, expected));
});
