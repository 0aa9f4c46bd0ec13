/**
 * Offices besides the chair and a person's leave, read from the model's own fields: a meeting's vice-chair
 * (`viceChair`, næstformand) and secretary (`secretary`, referent), a posting's hiring committee (`hiringCommittee`,
 * ansættelsesudvalg), and a person's leave with the acting holder meanwhile (`leaves`). Each answers only when the
 * question says the office (the lexicon's `officeWords`) and the item named holds that field; otherwise the other
 * answerers take over.
 */
import type { Meeting, Person, Posting, Source } from '../../knowledge/schemas.js';
import type { OfficeAsk } from '../lexicon/lexicon.js';
import { shortDate, unique } from '../answer-context.js';
import { capitalize, joinList } from '../phrases.js';
import { analyzeText, foldText } from '../normalize.js';
import type { Answer } from '../types.js';
import { leavesFrom } from '../../knowledge/holdings.js';
import { done, name, subjectsOf, type RelationContext } from './context.js';

const SAY = {
  da: {
    viceChair: (meeting: string, who: string) => `Næstformand for ${meeting}: ${who}.`,
    secretary: (meeting: string, who: string) => `Referent for ${meeting}: ${who}.`,
    chair: (who: string) => `Formand: ${who}.`,
    committee: (members: string) => `Ansættelsesudvalget: ${members}.`,
    posting: (posting: string) => `Stilling: ${posting}.`,
    leave: (person: string, period: string) => `${person} har orlov ${period}.`,
    absence: (person: string, period: string) => `${person} er fraværende ${period}.`,
    acting: (person: string, role: string) => `I perioden er ${person} konstitueret som ${role}.`,
    keeps: (role: string) => `Stillingen som ${role} bevares under orloven.`,
    from: (from: string, until?: string) => (until ? `fra ${from} til og med ${until}` : `fra ${from}`),
  },
  en: {
    viceChair: (meeting: string, who: string) => `Vice-chair of ${meeting}: ${who}.`,
    secretary: (meeting: string, who: string) => `Secretary (takes the minutes) of ${meeting}: ${who}.`,
    chair: (who: string) => `Chair: ${who}.`,
    committee: (members: string) => `The hiring committee: ${members}.`,
    posting: (posting: string) => `Post: ${posting}.`,
    leave: (person: string, period: string) => `${person} is on leave ${period}.`,
    absence: (person: string, period: string) => `${person} is absent ${period}.`,
    acting: (person: string, role: string) => `Meanwhile ${person} acts as ${role}.`,
    keeps: (role: string) => `The post of ${role} is kept during the leave.`,
    from: (from: string, until?: string) => (until ? `from ${from} to ${until}` : `from ${from}`),
  },
} as const;

/** The offices the question asks about (vice-chair, secretary, hiring committee, leave). */
function asked(rc: RelationContext): ReadonlySet<OfficeAsk> {
  return new Set(rc.lexicon.officeWords.match(rc.u.tokens).keys());
}

/** A role or person as the answer names them: a person with their title, a role with the people who hold it. */
function who(rc: RelationContext, id: string): { text: string; sources: Source[] } {
  const { kb, u } = rc;
  const entry = kb.get(id);
  if (entry?.kind === 'people') return { text: `${entry.item.name} (${entry.item.title[u.lang]})`, sources: [entry.item.source] };
  const holders = entry?.kind === 'roles' ? rc.relations.holders(id) : [];
  const role = name(kb, id, u.lang, true);
  return { text: holders.length > 0 ? `${role}, ${joinList(holders.map((p) => p.name), u.lang)}` : role, sources: holders.map((p) => p.source) };
}

/** "Hvem er næstformand i DT-MED?", "who takes the minutes at the management meeting?". */
export function answerMeetingOffices(rc: RelationContext): Answer | undefined {
  const asks = asked(rc);
  if (!asks.has('vice-chair') && !asks.has('secretary')) return undefined;
  const link = rc.subjects.flat().find((l) => (l.kind === 'meetings' || l.kind === 'leadershipGroups') && l.quality >= 0.9);
  if (!link) return undefined;
  // A group named for its meeting ("næstformand i TÅ-MED"): the one meeting it takes part in.
  const held = link.kind === 'meetings' ? [link.id] : rc.kb.data.meetings.filter((m) => m.participants.some((p) => (typeof p === 'string' ? p : p.ref) === link.id)).map((m) => m.id);
  if (held.length !== 1) return undefined;
  const meeting = rc.kb.get(held[0]!)!.item as Meeting;
  const say = SAY[rc.u.lang];
  const title = name(rc.kb, meeting.id, rc.u.lang, false);
  const heads: string[] = [];
  const sources: Source[] = [meeting.source];
  for (const [ask, id, sentence] of [
    ['vice-chair', meeting.viceChair, say.viceChair],
    ['secretary', meeting.secretary, say.secretary],
  ] as const) {
    if (!asks.has(ask) || id === undefined) continue;
    const holder = who(rc, id);
    heads.push(sentence(title, holder.text));
    sources.push(...holder.sources);
  }
  // An office the meeting's data holds only in the words of a participant it describes ("fællestillidsrepræsentanten for
  // BUPL (næstformand)"): that participant.
  for (const ask of ['vice-chair', 'secretary'] as const) {
    if (!asks.has(ask) || (ask === 'vice-chair' ? meeting.viceChair : meeting.secretary) !== undefined) continue;
    const described = (meeting.otherParticipants ?? []).filter((o) => rc.lexicon.officeWords.match(analyzeText(foldText(o.text.da))).has(ask) || rc.lexicon.officeWords.match(analyzeText(foldText(o.text.en))).has(ask));
    if (described.length !== 1) continue;
    heads.push((ask === 'vice-chair' ? say.viceChair : say.secretary)(title, described[0]!.text[rc.u.lang]));
    if (described[0]!.source) sources.push(described[0]!.source);
  }
  // An office the meeting's data does not hold: the other answerers may still know it (a participant's note).
  if (heads.length === 0) return undefined;
  const lines = meeting.chair ? [say.chair(who(rc, meeting.chair).text)] : [];
  return done(rc, 'answer', heads.join(' '), lines, unique(sources));
}

/** "Hvem sidder i ansættelsesudvalget?", "who is on the hiring committee for the Team Midt post?". */
export function answerHiringCommittee(rc: RelationContext): Answer | undefined {
  if (!asked(rc).has('hiring-committee')) return undefined;
  const { kb, u, relations } = rc;
  const named = subjectsOf(rc, ['postings', 'roles', 'units']).flat().filter((l) => l.quality >= 0.9);
  const postingIds = unique(named.flatMap((l) => (l.kind === 'postings' ? [l.id] : relations.postingsOf(l.id))));
  const inScope = (p: Posting) => rc.municipalities.size === 0 || (p.municipality !== undefined && rc.municipalities.has(p.municipality));
  // Nothing named: the one posting (in the municipality named) whose documents name a hiring committee.
  const candidates = (named.length > 0 ? postingIds.map((id) => kb.get(id)!.item as Posting) : kb.data.postings.filter(inScope)).filter((p) => p.hiringCommittee !== undefined);
  if (candidates.length !== 1) return undefined;
  const posting = candidates[0]!;
  const committee = posting.hiringCommittee!;
  const members = [
    ...committee.members.map((m) => (m.note !== undefined && m.count !== undefined ? m.note[u.lang] : m.note !== undefined ? `${memberName(rc, m.ref)} (${m.note[u.lang]})` : memberName(rc, m.ref))),
    ...(committee.otherMembers ?? []).map((m) => m.text[u.lang]),
  ];
  const sources = [committee.source, ...committee.members.flatMap((m) => (kb.get(m.ref)?.kind === 'people' ? [(kb.get(m.ref)!.item as Person).source] : []))];
  return done(rc, 'answer', SAY[u.lang].committee(joinList(members, u.lang)), [SAY[u.lang].posting(name(kb, posting.id, u.lang, false))], unique(sources));
}

function memberName(rc: RelationContext, id: string): string {
  const entry = rc.kb.get(id);
  return entry?.kind === 'people' ? entry.item.name : name(rc.kb, id, rc.u.lang, true);
}

/** "Hvornår har Sofie Dalgaard Brix orlov?", "who acts for X during her leave?": the person's leave and who acts meanwhile. */
export function answerLeave(rc: RelationContext): Answer | undefined {
  const { kb, u } = rc;
  const leaveAsked = asked(rc).has('leave');
  const actingAsked = rc.lexicon.actingWords.match(u.tokens).size > 0 || u.kinds.has('deputy') || u.kinds.has('deputy-for');
  if (!leaveAsked && !actingAsked) return undefined;
  const people = rc.subjects.flat().filter((l) => l.kind === 'people' && l.quality >= 0.9);
  const person = people.map((l) => kb.get(l.id)!.item as Person).find((p) => (p.leaves ?? []).length > 0);
  if (!person) return undefined;
  // The leave running or coming on the day asked about (today unless the question names one), else the last one.
  const day = u.day ?? u.range?.from ?? rc.today;
  const leaves = leavesFrom(person, day);
  const leave = leaves[0] ?? (person.leaves ?? []).at(-1)!;
  // A question of who acts ("konstitueret") names the person on leave, not the acting holder.
  if (!leaveAsked && leave.actingHolder === undefined) return undefined;
  const say = SAY[u.lang];
  const period = say.from(shortDate(leave.validFrom, u.lang), leave.validUntil ? shortDate(leave.validUntil, u.lang) : undefined);
  const head = [(leave.kind === 'absence' ? say.absence : say.leave)(person.name, period)];
  const sources: Source[] = [leave.source ?? person.source];
  const role = person.role ? name(kb, person.role, u.lang, false) : undefined;
  const acting = leave.actingHolder ? (kb.get(leave.actingHolder)?.item as Person | undefined) : undefined;
  if (acting && role) {
    head.push(say.acting(acting.name, role));
    const entry = (acting.actingAs ?? []).find((a) => a.role === person.role);
    if (entry?.source) sources.push(entry.source);
  }
  const lines = role ? [capitalize(say.keeps(role))] : [];
  return done(rc, 'answer', head.join(' '), lines, unique(sources));
}

