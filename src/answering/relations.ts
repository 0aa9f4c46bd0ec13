/**
 * The knowledge base's relations, indexed both ways once per answerer: reporting lines (stated and
 * from `reportsTo`), who leads what, who holds a role, members and participants, contacts of
 * postings, policies by role/unit, figures and dates by item. Answerers read relations only here.
 *
 * RELATION_FIELDS lists every reference field of the schema with the question kinds that answer it
 * (tests/answering/relations.test.ts fails when the schema gains one that is not listed).
 */
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { DateEntry, Figure, Person, Source, Text } from '../knowledge/schemas.js';
import type { QuestionKind } from './lexicon/lexicon.js';
import { participantsOf } from '../knowledge/meeting-participants.js';
import { holdingsOf } from '../knowledge/holdings.js';
import { itemNameFinder } from './facts.js';
import { loadLexicon, type Lexicon } from './lexicon/lexicon.js';

/** The lexicon's one-word words for whoever leads something (`leaderWords`): "leder", "chef", "head", "manager". */
const leaderWordsCache = new WeakMap<Lexicon, { readonly da: readonly string[]; readonly en: ReadonlySet<string> }>();
function leaderWordsOf(lexicon: Lexicon): { readonly da: readonly string[]; readonly en: ReadonlySet<string> } {
  let words = leaderWordsCache.get(lexicon);
  if (!words) {
    const { da, en } = lexicon.phrases.leaderWords;
    words = { da: da.filter((w) => !w.includes(' ')), en: new Set(en.filter((w) => !w.includes(' '))) };
    leaderWordsCache.set(lexicon, words);
  }
  return words;
}

/** A role whose name says it leads ("institutionsleder", "head of institution"), by its head word in either language. */
export function isLeaderRole(role: { name: string; labelEn?: string }, lexicon: Lexicon): boolean {
  const words = leaderWordsOf(lexicon);
  const da = role.name.toLowerCase();
  if (words.da.some((w) => da.endsWith(w))) return true;
  return (role.labelEn ?? '').toLowerCase().split(/[^\p{L}]+/u).some((w) => words.en.has(w));
}

/**
 * Each reference field of the schema (`kind.field`) and the question kinds that answer it, upwards
 * ("whom does X report to") and downwards ("who reports to X"). Both directions must be answerable.
 */
export const RELATION_FIELDS: Readonly<Record<string, { readonly forward: readonly QuestionKind[]; readonly backward: readonly QuestionKind[] }>> = {
  'units.municipality': { forward: ['definition'], backward: ['membership', 'figure'] },
  'units.parent': { forward: ['reporting-up', 'membership'], backward: ['membership', 'figure'] },
  'units.ledBy': { forward: ['leader'], backward: ['leader', 'responsibility'] },
  'units.parents': { forward: ['reporting-up', 'membership'], backward: ['membership'] },
  'roles.municipality': { forward: ['definition'], backward: ['policy', 'holder'] },
  'roles.unit': { forward: ['leader', 'membership'], backward: ['membership'] },
  'roles.reportsTo': { forward: ['reporting-up', 'reporting-chain'], backward: ['reporting-down'] },
  'reportingLines.from': { forward: ['reporting-up', 'reporting-chain'], backward: ['reporting-down'] },
  'reportingLines.to': { forward: ['reporting-down'], backward: ['reporting-up'] },
  'reportingLines.toUnit': { forward: ['reporting-down'], backward: ['reporting-up'] },
  'leadershipGroups.members': { forward: ['membership'], backward: ['membership'] },
  'leadershipGroups.municipality': { forward: ['definition'], backward: ['membership'] },
  'people.role': { forward: ['holder'], backward: ['holder', 'contact'] },
  'people.municipality': { forward: ['holder'], backward: ['contact'] },
  'people.contactFor': { forward: ['contact'], backward: ['contact'] },
  'people.actingAs': { forward: ['holder'], backward: ['holder'] },
  'people.unit': { forward: ['leader', 'holder'], backward: ['leader', 'holder'] },
  'people.posts': { forward: ['holder'], backward: ['holder'] },
  'people.leaves': { forward: ['holder'], backward: ['holder'] },
  'postings.role': { forward: ['definition'], backward: ['contact', 'dates'] },
  'postings.unit': { forward: ['definition'], backward: ['contact', 'dates'] },
  'postings.contacts': { forward: ['contact'], backward: ['contact'] },
  'postings.municipality': { forward: ['definition'], backward: ['contact'] },
  'dates.about': { forward: ['dates'], backward: ['dates', 'when'] },
  'meetings.participants': { forward: ['membership'], backward: ['membership', 'meeting'] },
  'meetings.unit': { forward: ['frequency', 'meeting'], backward: ['meeting'] },
  'meetings.chair': { forward: ['chair'], backward: ['chair', 'meeting'] },
  'meetings.viceChair': { forward: ['chair'], backward: ['chair', 'meeting'] },
  'meetings.secretary': { forward: ['chair'], backward: ['chair', 'meeting'] },
  'postings.hiringCommittee': { forward: ['membership'], backward: ['membership'] },
  'deputies.deputy': { forward: ['deputy-for'], backward: ['deputy'] },
  'deputies.for': { forward: ['deputy'], backward: ['deputy-for'] },
  'decisions.body': { forward: ['decision'], backward: ['decision'] },
  'decisions.changes': { forward: ['decision'], backward: ['decision', 'after-change'] },
  'decisions.municipality': { forward: ['decision'], backward: ['decision'] },
  'meetings.municipality': { forward: ['meeting'], backward: ['meeting'] },
  'policies.owner': { forward: ['policy'], backward: ['policy'] },
  'policies.relevantFor': { forward: ['policy'], backward: ['policy'] },
  'policies.municipality': { forward: ['policy'], backward: ['policy'] },
  'policies.adoptedBy': { forward: ['policy', 'decision'], backward: ['policy', 'decision'] },
  'programmes.usedBy': { forward: ['programme'], backward: ['programme'] },
  'programmes.municipality': { forward: ['programme'], backward: ['programme'] },
  'concepts.partOf': { forward: ['definition'], backward: ['definition'] },
  'concepts.municipality': { forward: ['definition'], backward: ['definition'] },
  'facts.about': { forward: ['definition'], backward: ['definition'] },
  'documents.municipality': { forward: ['definition'], backward: ['definition'] },
};

/** A directed, sourced edge: `from` reports to `to`. */
export interface Edge {
  readonly from: string;
  readonly to: string;
  readonly text?: Text;
  readonly source: Source;
}

export interface Relations {
  /** Whom an item reports to (stated lines first, then `reportsTo`). */
  up(id: string): readonly Edge[];
  /** Who reports to an item. */
  down(id: string): readonly Edge[];
  /** The roles that lead a unit. */
  leadersOf(unitId: string): readonly string[];
  /** The units a role leads. */
  ledBy(roleId: string): readonly string[];
  /** The people who hold a role. */
  holders(roleId: string): readonly Person[];
  /** Members of a group or participants of a meeting, with their notes. */
  members(id: string): ReadonlyArray<{ readonly ref: string; readonly note?: Text }>;
  /** The meetings an item takes part in or chairs, in the knowledge base's order. */
  meetingsWith(ref: string): readonly string[];
  /** The leadership groups an item is a member of, in the knowledge base's order. */
  groupsWith(ref: string): readonly string[];
  /** The roles whose unit is the unit, in the knowledge base's order. */
  rolesIn(unitId: string): readonly string[];
  /** Contacts of a posting (its `contacts` and everyone whose `contactFor` names it), in order. */
  contacts(id: string): readonly Person[];
  /** Postings for a role or at a unit. */
  postingsOf(id: string): readonly string[];
  /** Policies relevant for an item. */
  policiesFor(id: string): readonly string[];
  /** Figures stated about an item. */
  figures(id: string): ReadonlyArray<{ readonly owner: string; readonly figure: Figure }>;
  /** Units directly under a unit (or in a municipality without a parent). */
  childUnits(id: string): readonly string[];
  /** Dated entries about an item. */
  dates(id: string): readonly DateEntry[];
  /** Dated entries whose label names an item by one of its names ("Enhedschef Leila Hasanović Berg går på pension"). */
  datesNaming(id: string): readonly DateEntry[];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Indexes the relations of a knowledge base. */
export function buildRelations(kb: KnowledgeBase, lexicon: Lexicon = loadLexicon()): Relations {
  const { data } = kb;
  const up = new Map<string, Edge[]>();
  const down = new Map<string, Edge[]>();
  const stated = new Set<string>();
  for (const line of data.reportingLines) {
    const edge = { from: line.from, to: line.to, text: line.text, source: line.source };
    push(up, line.from, edge);
    push(down, line.to, edge);
    stated.add(`${line.from}>${line.to}`);
  }
  for (const role of data.roles) {
    for (const to of role.reportsTo) {
      if (stated.has(`${role.id}>${to}`) || !kb.get(to)) continue;
      const edge = { from: role.id, to, source: role.source };
      push(up, role.id, edge);
      push(down, to, edge);
    }
  }
  // The roles of each unit, once: asked per unit here and per question by the answerers.
  const rolesByUnit = new Map<string, Array<(typeof data.roles)[number]>>();
  for (const role of data.roles) if (role.unit !== undefined) push(rolesByUnit, role.unit, role);
  const roleIdsByUnit = new Map([...rolesByUnit].map(([unit, roles]) => [unit, roles.map((r) => r.id)]));
  const leaders = new Map<string, string[]>();
  const led = new Map<string, string[]>();
  for (const unit of data.units) {
    let ids = [...unit.ledBy];
    if (ids.length === 0) {
      // The roles of the unit that lead it; a role that reports to the unit itself is one of its members.
      const inUnit = (rolesByUnit.get(unit.id) ?? []).filter((role) => !role.reportsTo.includes(unit.id));
      const inside = new Set(inUnit.map((r) => r.id));
      ids = inUnit.length === 1 ? [inUnit[0]!.id] : inUnit.filter((r) => inUnit.some((o) => o.reportsTo.includes(r.id) && inside.has(o.id))).map((r) => r.id);
      // The one post of a team that reports to the post leading the unit above ("sprogvejleder" in Sprogteamet, under
      // the head of Fagligt Sekretariat): the team is led from there, not by its member.
      if (inUnit.length === 1 && unit.parent) {
        const above = inUnit[0]!.reportsTo.filter((to) => data.roles.some((r) => r.id === to && r.unit === unit.parent));
        if (above.length > 0) {
          // (Not among the units the post leads: it leads its own unit, of which this team is part.)
          leaders.set(unit.id, above);
          continue;
        }
      }
    }
    if (ids.length === 0) {
      // A person whose title names the unit ("head of institution, Vuggestuen Ålekisten") in a role that leads.
      const unitNames = [unit.name, ...unit.names].map((n) => n.toLowerCase()).filter((n) => n.length > 3);
      const titled = data.people.filter((p) => p.role && [p.title.da, p.title.en].some((t) => unitNames.some((n) => t.toLowerCase().includes(n))));
      // Not a post that stands in for another, nor one that reports to another such post in the unit (a deputy).
      const standIns = new Set(data.deputies.map((d) => d.deputy));
      const leading = [...new Set(titled.map((p) => p.role!))].filter((id) => {
        const role = data.roles.find((r) => r.id === id);
        return role !== undefined && isLeaderRole(role, lexicon) && !standIns.has(id);
      });
      ids = leading.filter((id) => !data.roles.find((r) => r.id === id)!.reportsTo.some((to) => leading.includes(to)));
    }
    leaders.set(unit.id, ids);
    for (const id of ids) push(led, id, unit.id);
  }
  const holders = new Map<string, Person[]>();
  // A post's holders over time: the person's `role` and their `posts` (not the posts they only act in).
  for (const person of data.people) {
    for (const role of new Set(holdingsOf(person).filter((h) => !h.acting).map((h) => h.role))) push(holders, role, person);
  }
  const members = new Map<string, Array<{ ref: string; note?: Text }>>();
  for (const group of data.leadershipGroups) members.set(group.id, group.members.map((m) => ({ ref: m.ref, ...(m.note && { note: m.note }) })));
  for (const meeting of data.meetings) {
    members.set(
      meeting.id,
      participantsOf(meeting).map((p) => ({ ref: p.ref, ...(p.note && { note: p.note }) })),
    );
  }
  // Who takes part where, read backwards once (a meeting's chair counts as taking part in it).
  const meetingsWith = new Map<string, string[]>();
  for (const meeting of data.meetings) for (const ref of new Set([...members.get(meeting.id)!.map((m) => m.ref), ...(meeting.chair ? [meeting.chair] : [])])) push(meetingsWith, ref, meeting.id);
  const groupsWith = new Map<string, string[]>();
  // A group that sits in another as a whole brings its members with it (kb:check rejects a group inside itself).
  const groupIds = new Set(data.leadershipGroups.map((g) => g.id));
  const sitting = (id: string, seen: Set<string>): string[] =>
    members.get(id)!.flatMap((m) => (groupIds.has(m.ref) && !seen.has(m.ref) ? [m.ref, ...sitting(m.ref, seen.add(m.ref))] : [m.ref]));
  for (const group of data.leadershipGroups) for (const ref of new Set(sitting(group.id, new Set([group.id])))) push(groupsWith, ref, group.id);
  const contacts = new Map<string, Person[]>();
  const people = new Map(data.people.map((p) => [p.id, p]));
  for (const posting of data.postings) for (const id of posting.contacts) if (people.has(id)) push(contacts, posting.id, people.get(id)!);
  for (const person of data.people) {
    for (const id of person.contactFor) if (!(contacts.get(id) ?? []).includes(person)) push(contacts, id, person);
  }
  const postings = new Map<string, string[]>();
  for (const posting of data.postings) {
    push(postings, posting.role, posting.id);
    if (posting.unit) push(postings, posting.unit, posting.id);
  }
  const policies = new Map<string, string[]>();
  for (const policy of data.policies) for (const id of policy.relevantFor) push(policies, id, policy.id);
  const figures = new Map<string, Array<{ owner: string; figure: Figure }>>();
  // A figure of several units together ("Bakken og Skoven har tilsammen 598 børn") is no figure of the unit it is
  // stated on: it belongs to each of its units, which the figures answer gives it for only when all are asked about.
  const addFigure = (owner: string, figure: Figure) => {
    if (figure.ofUnits === undefined) push(figures, owner, { owner, figure });
    else for (const unit of figure.ofUnits) push(figures, unit, { owner: unit, figure });
  };
  for (const m of data.municipalities) for (const figure of m.figures) addFigure(m.id, figure);
  for (const u of data.units) for (const figure of u.figures) addFigure(u.id, figure);
  for (const r of data.roles) if (r.teamSize) push(figures, r.id, { owner: r.id, figure: r.teamSize });
  const children = new Map<string, string[]>();
  for (const unit of data.units) {
    if (unit.parent) push(children, unit.parent, unit.id);
    else if (unit.municipality) push(children, unit.municipality, unit.id);
  }
  const dates = new Map<string, DateEntry[]>();
  for (const d of data.dates) push(dates, d.about, d);
  const naming = new Map<string, DateEntry[]>();
  const namedIn = itemNameFinder(kb);
  for (const d of data.dates) for (const id of namedIn([d.label.da, d.label.en, ...(d.subject ? [d.subject.da, d.subject.en] : [])])) push(naming, id, d);
  const none: never[] = [];
  return {
    up: (id) => up.get(id) ?? none,
    down: (id) => down.get(id) ?? none,
    leadersOf: (id) => leaders.get(id) ?? none,
    ledBy: (id) => led.get(id) ?? none,
    holders: (id) => holders.get(id) ?? none,
    members: (id) => members.get(id) ?? none,
    meetingsWith: (ref) => meetingsWith.get(ref) ?? none,
    groupsWith: (ref) => groupsWith.get(ref) ?? none,
    rolesIn: (unitId) => roleIdsByUnit.get(unitId) ?? none,
    contacts: (id) => contacts.get(id) ?? none,
    postingsOf: (id) => postings.get(id) ?? none,
    policiesFor: (id) => policies.get(id) ?? none,
    figures: (id) => figures.get(id) ?? none,
    childUnits: (id) => children.get(id) ?? none,
    dates: (id) => dates.get(id) ?? none,
    datesNaming: (id) => naming.get(id) ?? none,
  };
}
