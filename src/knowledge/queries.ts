/**
 * Questions the answering engine asks of the knowledge base, answered from indexes built once by
 * {@link createQueries}. Every function is pure and returns items in a stable order. Questions about
 * time take the day (ISO `YYYY-MM-DD`, Europe/Copenhagen) as a parameter: the clock is the caller's.
 */
import type { KbItem, KnowledgeBase } from './knowledge-base.js';
import { normalizeName } from './normalize-name.js';
import type { ItemKind } from './references.js';
import { participantsOf } from './meeting-participants.js';
import { meetingPeriod } from './meeting-period.js';
import { recurrenceDays } from './recurrence.js';
import { ITEM_KINDS, referencesOf } from './references.js';
import { holdsOn, shiftDay } from './validity.js';
import { holdingsOf, leaveOn, type Holding } from './holdings.js';
import type {
  AppliesTo,
  Concept,
  DescribedParticipant,
  DateEntry,
  Decision,
  Deputy,
  Fact,
  Figure,
  LeadershipGroup,
  Meeting,
  Municipality,
  Leave,
  Person,
  Policy,
  Posting,
  Programme,
  Role,
  Source,
  Text,
  Unit,
} from './schemas.js';

/** The languages a citation's title can be given in. */
export type CitationLang = 'da' | 'en';

/** A source to cite: the document id, its title in the requested language and the supporting quote. */
export interface Citation {
  readonly doc: string;
  readonly title: string;
  readonly quote: string;
}

/** One step of a reporting line: `from` reports to `to`; `depth` 1 is a direct line. */
export interface ReportingEdge {
  readonly from: string;
  readonly to: string;
  readonly depth: number;
  /** The reporting line's own wording, when it was stated as a reporting line. */
  readonly text?: Text;
  /** The reporting line's id, when it was stated as one (else it came from a role's `reportsTo`). */
  readonly line?: string;
  /** The unit whose holder of `to` the line goes to (one fællesskabsleder per børnefællesskab: Nord's). */
  readonly toUnit?: string;
  /** First day the line holds, when it is dated. */
  readonly validFrom?: string;
  /** Last day the line holds, when it is dated. */
  readonly validUntil?: string;
  /** The line holds only while this does (a deputy's line while the leader is away). */
  readonly condition?: Text;
  /** The line holds only where this says (some units). */
  readonly appliesTo?: AppliesTo;
  readonly source: Source;
}

/** Options for the reporting queries on a day. */
export interface ReportingOnOptions {
  /** Leave out lines that hold only under a condition. Default false (they come with their `condition`). */
  readonly unconditional?: boolean;
  /**
   * The lines of the holders in these units only (the coordinator of Strandeng): a line whose `appliesTo.units`
   * contains none of them (nor a unit around them that day) is left out, and one that does replaces the lines
   * for all holders. Default: every line, each with its `appliesTo`.
   */
  readonly units?: readonly string[];
}

/** How a role's or unit's reporting lines change on a day: the lines from then, and the ones that end. */
export interface ReportingChange {
  /** The first day of the new state. */
  readonly date: string;
  /** The lines that hold from that day. */
  readonly lines: readonly ReportingEdge[];
  /** The lines that held the day before and no longer do. */
  readonly ended: readonly ReportingEdge[];
}

/** A deputy relation with both sides resolved. */
export interface DeputyEntry {
  readonly relation: Deputy;
  /** Who stands in. */
  readonly deputy: KbItem;
  /** Who is stood in for. */
  readonly for: KbItem;
}

/** One day a meeting is held. */
export interface MeetingOccurrence {
  readonly meeting: Meeting;
  /** ISO day in Europe/Copenhagen. */
  readonly date: string;
  readonly time?: string;
  readonly endTime?: string;
  /** Where it is held that day, when the day's own details say (`recurrence.occurrences`). */
  readonly place?: string;
  /** The day's own note ("moved from 10 March"). */
  readonly note?: Text;
}

/** Anything that happens on a day or runs over days, for "what is on the calendar in <month>". */
export type DatedItem =
  | { readonly kind: 'date'; readonly date: string; readonly last: string; readonly entry: DateEntry }
  | { readonly kind: 'meeting'; readonly date: string; readonly last: string; readonly occurrence: MeetingOccurrence }
  | {
      readonly kind: 'decision';
      readonly date: string;
      readonly last: string;
      readonly decision: Decision;
      /** The day it was decided, or the day it takes effect. */
      readonly what: 'decided' | 'applies';
    };

/** A participant of a meeting, resolved. */
export interface MeetingParticipant {
  readonly item: KbItem;
  readonly note?: Text;
  readonly asNeeded: boolean;
}

/** A person who holds a role on a day, and whether as acting (konstitueret), with the acting period. */
export interface RoleHolder {
  readonly person: Person;
  /** The acting period, when the person holds the role as acting on that day. */
  readonly acting?: { readonly validFrom?: string; readonly validUntil?: string; readonly source: Source };
  /** The leave the person is on that day (they keep the post; someone may act in it meanwhile). */
  readonly leave?: Leave;
}

/** A change of who holds a post: from `date` on, `holders` hold it (none when it falls vacant). */
export interface HolderChange {
  readonly date: string;
  readonly holders: readonly Person[];
  /** Where the documents say it: the posts that begin or end on that day. */
  readonly sources: readonly Source[];
}

/** A change of a unit's parent: from `date` on it is part of `parent`. */
export interface ParentChange {
  readonly date: string;
  readonly parent: string | undefined;
  readonly source: Source;
}

/** A figure and the unit, municipality or role it is stated for. */
export interface FigureEntry {
  readonly owner: KbItem;
  readonly figure: Figure;
}

/** A member of a leadership group. */
export interface GroupMember {
  readonly item: KbItem;
  readonly note?: Text;
}

/** Options for {@link KnowledgeQueries.datesBetween}. */
export interface DateRangeOptions {
  /** Also dates that began before the range and still run in it (periods, months, years). Default false. */
  readonly running?: boolean;
}

/** Options for {@link KnowledgeQueries.upcomingDates}. */
export interface UpcomingDatesOptions extends DateRangeOptions {
  readonly limit?: number;
  readonly kinds?: readonly DateEntry['kind'][];
}

/** The queries over one knowledge base. */
export interface KnowledgeQueries {
  readonly kb: KnowledgeBase;
  /** Any item by id. */
  get(id: string): KbItem | undefined;
  /** Items one of whose names (name, names, labelEn, namesEn) equals `name` once both are normalised. */
  findByName(name: string, kinds?: readonly ItemKind[]): KbItem[];
  /** Every normalised name and the items it names, for scanning a question for known names. */
  nameIndex(): ReadonlyMap<string, readonly KbItem[]>;
  /** The names an item is known by, canonical name first. */
  namesOf(id: string): string[];
  /** The municipality an item belongs to: its own field, else through its references, else its source. */
  municipalityOf(id: string): Municipality | undefined;
  /** Whom a role or unit reports to directly. */
  reportsTo(id: string): ReportingEdge[];
  /** The reporting chain upward from a role or unit, nearest first. */
  reportingChain(id: string): ReportingEdge[];
  /** Who reports directly to a role or unit. */
  directReports(id: string): ReportingEdge[];
  /** Everyone who reports to a role or unit, directly or indirectly, nearest first. */
  allReports(id: string): ReportingEdge[];
  /** The roles that lead a unit (its `ledBy`). */
  leadersOf(unitId: string): Role[];
  /** The members of a leadership group. */
  membersOf(groupId: string): GroupMember[];
  /** The leadership groups a role or unit sits in. */
  groupsOf(id: string): LeadershipGroup[];
  /** The dates about an item, in date order. */
  datesAbout(id: string): DateEntry[];
  /** The dates about a role and about the postings for it, in date order. */
  datesForRole(roleId: string): DateEntry[];
  /** The dates that fall in `from`..`to` (ISO dates, inclusive), in date order; see {@link DateRangeOptions}. */
  datesBetween(from: string, to: string, options?: DateRangeOptions): DateEntry[];
  /** The dates on or after `from`, in date order. */
  upcomingDates(from: string, options?: UpcomingDatesOptions): DateEntry[];
  /** The postings that fill a role. */
  postingsForRole(roleId: string): Posting[];
  /** The policies belonging to a municipality. */
  policiesOfMunicipality(municipalityId: string): Policy[];
  /** The policies relevant for a role: named for it, its unit or a unit above it, or a group it sits in. */
  policiesForRole(roleId: string): Policy[];
  /** The policies whose names or texts contain every word of `topic` (a word may sit inside a compound). */
  policiesByTopic(topic: string): Policy[];
  /** The people to contact about a posting, role or other item (for a role: also about its postings). */
  contactsFor(id: string): Person[];
  /** The people who hold a role at some time (their `role`, or one of their `posts`). */
  holdersOf(roleId: string): Person[];
  /** The figures stated for a unit or municipality (for a role: its team size). */
  figuresOf(id: string): FigureEntry[];
  /** The figures of a unit or municipality and of every unit inside it. */
  figuresWithin(id: string): FigureEntry[];
  /** The units directly inside a unit or municipality. */
  childrenOf(id: string): Unit[];
  /** The meetings a role or unit takes part in (also through its leadership groups) or that are held in it. */
  meetingsOf(id: string): Meeting[];
  /** The programmes and tools a unit, role or municipality uses. */
  programmesOf(id: string): Programme[];
  /** The concepts that are part of a policy, concept, programme or group. */
  conceptsIn(id: string): Concept[];
  /** The facts about an item. */
  factsAbout(id: string): Fact[];
  /** Every item that refers to `id` through any reference field. */
  referencesTo(id: string): KbItem[];
  /** The citation for an item (its own source) or for a source. */
  sourceOf(of: { readonly source: Source } | Source, lang?: CitationLang): Citation;

  /** Whom a role or unit reports to directly on a day (dated and conditional lines included unless asked not to). */
  reportsToOn(id: string, day: string, options?: ReportingOnOptions): ReportingEdge[];
  /** Who reports directly to a role or unit on a day. */
  directReportsOn(id: string, day: string, options?: ReportingOnOptions): ReportingEdge[];
  /** The reporting chain upward on a day, nearest first, following only the lines without a condition. */
  reportingChainOn(id: string, day: string): ReportingEdge[];
  /** The first change of a role's or unit's reporting lines after `day` (exclusive), if one is written down. */
  nextReportingChange(id: string, day: string, options?: Pick<ReportingOnOptions, 'units'>): ReportingChange | undefined;
  /** Who stands in for a role or person (on a day, when one is given), with the relation's condition. */
  deputiesFor(id: string, day?: string): DeputyEntry[];
  /** Whom a role or person stands in for (on a day, when one is given). */
  standsInFor(id: string, day?: string): DeputyEntry[];
  /** The people who hold a role on a day (their `role` or `posts` held then, or acting in it). */
  holdersOn(roleId: string, day: string): Person[];
  /** The first change of a role's regular holders after `day` (exclusive), from `role`/`posts` periods, if one is written down. */
  nextHolderChange(roleId: string, day: string): HolderChange | undefined;
  /** The posts a person holds on a day (not acting ones), in the order written. */
  postsOn(personId: string, day: string): Holding[];
  /** Every post a person holds over time (not acting ones: `role` within their validity, then `posts`), built once. */
  holdingsOf(personId: string): readonly Holding[];
  /** The members of a leadership group on a day. */
  membersOn(groupId: string, day: string): GroupMember[];
  /** The participants of a meeting, with their notes and whether they come only as needed. */
  participantsOf(meetingId: string): MeetingParticipant[];
  /** The days a meeting is held in `from`..`to` (inclusive), from its recurrence and within its validity. */
  meetingOccurrences(meetingId: string, from: string, to: string): MeetingOccurrence[];
  /** Every meeting day in `from`..`to`, in date and time order. */
  occurrencesBetween(from: string, to: string): MeetingOccurrence[];
  /** Every dated thing in `from`..`to`: dates and periods overlapping it, meeting days, decisions and when they apply. */
  datedItemsBetween(from: string, to: string): DatedItem[];
  /** The decisions of a body (committee, group or role), newest first. */
  decisionsBy(bodyId: string): Decision[];
  /** The decisions that create or change an item, newest first. */
  decisionsChanging(itemId: string): Decision[];
  /** The units directly inside a unit or municipality that exist on a day. */
  childrenOn(id: string, day: string): Unit[];
  /** The figures of a unit, municipality or role that hold on a day: for each metric the latest stated as of then. */
  figuresOn(id: string, day: string): FigureEntry[];
  /** The unit or municipality a unit is part of on a day: a dated `parents` entry that covers the day, else `parent`. */
  parentOn(unitId: string, day: string): string | undefined;
  /** The first change of a unit's parent after `day` (exclusive), if one is written down. */
  nextParentChange(unitId: string, day: string): ParentChange | undefined;
  /** The people who hold a role on a day, the acting ones (`actingAs`) marked, regular holders first. */
  roleHoldersOn(roleId: string, day: string): RoleHolder[];
  /** The acting periods of a person as a role (`actingAs`), in the order written. */
  actingOf(personId: string, roleId: string): NonNullable<Person['actingAs']>;
  /** The people who hold a role as acting at some time (any `actingAs` of theirs names it). */
  actingHoldersOf(roleId: string): Person[];
  /** The participants of a meeting, or members of a group, that the documents describe in words. */
  describedParticipantsOf(id: string): DescribedParticipant[];
}

/** Builds the indexes of a knowledge base once and returns the queries over them. */
export function createQueries(kb: KnowledgeBase): KnowledgeQueries {
  const { data } = kb;
  const allItems: KbItem[] = ITEM_KINDS.flatMap((kind) => data[kind].map((item) => ({ kind, item }) as KbItem));

  const names = buildNameIndex(allItems);
  const referrers = groupBy(allItems.flatMap((entry) => referencesOf(entry).map((ref) => [ref.id, entry] as const)));
  const refsByField = (kind: ItemKind, field: string) =>
    groupBy(
      allItems
        .filter((entry) => entry.kind === kind)
        .flatMap((entry) => referencesOf(entry).filter((ref) => ref.field === field).map((ref) => [ref.id, entry.item] as const)),
    );

  const up = buildReportingEdges(kb);
  const down = groupBy([...up.values()].flat().map((edge) => [edge.to, edge] as const));

  const datesByAbout = refsByField('dates', 'about') as Map<string, DateEntry[]>;
  const sortedDates = [...data.dates].sort(compareDates);
  const postingsByRole = refsByField('postings', 'role') as Map<string, Posting[]>;
  const peopleByContactFor = refsByField('people', 'contactFor') as Map<string, Person[]>;
  const groupsByMember = refsByField('leadershipGroups', 'members') as Map<string, LeadershipGroup[]>;
  const policiesByRelevance = refsByField('policies', 'relevantFor') as Map<string, Policy[]>;
  const programmesByUser = refsByField('programmes', 'usedBy') as Map<string, Programme[]>;
  const conceptsByParent = refsByField('concepts', 'partOf') as Map<string, Concept[]>;
  const factsByAbout = refsByField('facts', 'about') as Map<string, Fact[]>;
  const meetingsByParticipant = refsByField('meetings', 'participants') as Map<string, Meeting[]>;
  const meetingsByUnit = refsByField('meetings', 'unit') as Map<string, Meeting[]>;
  const deputiesByFor = refsByField('deputies', 'for') as Map<string, Deputy[]>;
  const deputiesByDeputy = refsByField('deputies', 'deputy') as Map<string, Deputy[]>;
  const decisionsByBody = refsByField('decisions', 'body') as Map<string, Decision[]>;
  const decisionsByChange = refsByField('decisions', 'changes') as Map<string, Decision[]>;

  const municipalities = resolveMunicipalities(kb, allItems);
  // A unit without a parent sits directly in its municipality.
  const children = groupBy(
    data.units.flatMap((unit) => {
      const parent = unit.parent ?? municipalities.get(unit.id);
      return parent === undefined ? [] : [[parent, unit] as const];
    }),
  );
  // Every unit that is part of a unit at some time (its `parent` or a dated one), for the children on a day.
  const everChildren = groupBy(
    data.units.flatMap((unit) => {
      const parent = unit.parent ?? municipalities.get(unit.id);
      return [...(parent === undefined ? [] : [parent]), ...(unit.parents ?? []).map((entry) => entry.ref)].map((id) => [id, unit] as const);
    }),
  );
  const actingByRole = groupBy(data.people.flatMap((person) => (person.actingAs ?? []).map((entry) => [entry.role, person] as const)));
  // Every post a person holds over time (`role` within their validity, and `posts`), by role: who holds a post on a day.
  const holdings = new Map(data.people.map((person) => [person.id, holdingsOf(person).filter((h) => !h.acting)]));
  const holdingsByRole = groupBy(data.people.flatMap((person) => holdings.get(person.id)!.map((h) => [h.role, { person, holding: h }] as const)));
  const peopleByPost = new Map([...holdingsByRole].map(([role, held]) => [role, uniqueById(held.map((h) => h.person))]));
  // The days a post's holders may change (a holding begins, or the day after one ends), sorted, for the posts with any.
  const holderChangeDays = new Map(
    [...holdingsByRole]
      .map(([role, held]) => [role, [...new Set(held.flatMap(({ holding }) => [holding.validFrom, holding.validUntil === undefined ? undefined : shiftDay(holding.validUntil, 1)]).filter((d): d is string => d !== undefined))].sort()] as const)
      .filter(([, days]) => days.length > 0),
  );
  const regularOn = (roleId: string, day: string) => uniqueById((holdingsByRole.get(roleId) ?? []).filter((h) => holdsOn(h.holding, day)).map((h) => h.person));
  const policyTexts = new Map(data.policies.map((policy) => [policy.id, policyHaystack(policy)]));

  const get = (id: string) => kb.get(id);
  const itemAs = <K extends ItemKind>(id: string, kind: K) => {
    const entry = kb.get(id);
    return entry?.kind === kind ? (entry.item as Extract<KbItem, { kind: K }>['item']) : undefined;
  };

  const walk = (start: string, next: (id: string) => readonly ReportingEdge[]): ReportingEdge[] => {
    const out: ReportingEdge[] = [];
    const seen = new Set([start]);
    let frontier = [start];
    for (let depth = 1; frontier.length > 0; depth++) {
      const following: string[] = [];
      for (const id of frontier) {
        for (const edge of next(id)) {
          const target = edge.from === id ? edge.to : edge.from;
          out.push({ ...edge, depth });
          if (!seen.has(target)) {
            seen.add(target);
            following.push(target);
          }
        }
      }
      frontier = following;
    }
    return out;
  };

  const datesAbout = (id: string) => list(datesByAbout, id).sort(compareDates);
  const postingsForRole = (roleId: string) => list(postingsByRole, roleId);
  const groupsOf = (id: string) => list(groupsByMember, id);
  const childrenOf = (id: string) => list(children, id);
  const unitAndAbove = (unitId: string | undefined): string[] => {
    const chain: string[] = [];
    for (let id = unitId; id !== undefined && !chain.includes(id) && itemAs(id, 'units'); id = itemAs(id, 'units')?.parent) {
      chain.push(id);
    }
    return chain;
  };
  const figuresOf = (id: string): FigureEntry[] => {
    const owner = kb.get(id);
    if (!owner) return [];
    // A figure of several units together ("Bakken og Skoven har tilsammen ...") is no figure of the item it is stated on.
    if (owner.kind === 'units' || owner.kind === 'municipalities') return owner.item.figures.filter((figure) => figure.ofUnits === undefined).map((figure) => ({ owner, figure }));
    if (owner.kind === 'roles' && owner.item.teamSize) return [{ owner, figure: owner.item.teamSize }];
    return [];
  };

  const onDay = (edges: readonly ReportingEdge[] | undefined, day: string, options: ReportingOnOptions = {}) => {
    const held = (edges ?? []).filter((edge) => holdsOn(edge, day) && !(options.unconditional === true && edge.condition !== undefined));
    const places = options.units ?? [];
    const scope = (edge: ReportingEdge) => edge.appliesTo?.units ?? [];
    const inside = (place: string, unit: string) => {
      for (let current: string | undefined = place, depth = 0; current !== undefined && depth < 12; depth++) {
        if (current === unit) return true;
        current = parentOn(current, day);
      }
      return false;
    };
    const there = (edge: ReportingEdge) => scope(edge).length === 0 || scope(edge).some((unit) => places.some((place) => inside(place, unit)));
    const picked = places.length === 0 ? held : held.filter(there);
    // A line for the holders in some units refines the line for all holders there (unconditional ones alike).
    const refined = places.length > 0 && picked.some((edge) => scope(edge).length > 0 && edge.condition === undefined);
    return picked.filter((edge) => !(refined && scope(edge).length === 0 && edge.condition === undefined)).map((edge) => ({ ...edge, depth: 1 }));
  };
  const deputyEntries = (relations: readonly Deputy[], day: string | undefined): DeputyEntry[] =>
    relations.flatMap((relation) => {
      const deputy = kb.get(relation.deputy);
      const principal = kb.get(relation.for);
      if (!deputy || !principal || (day !== undefined && !holdsOn(relation, day))) return [];
      return [{ relation, deputy, for: principal }];
    });
  const meetingOccurrences = (meeting: Meeting, from: string, to: string): MeetingOccurrence[] => {
    const { recurrence } = meeting;
    if (!recurrence) return [];
    const { validFrom, validUntil } = meetingPeriod(meeting, kb.documents);
    const days = recurrenceDays(recurrence, { from, to, ...(validFrom !== undefined && { validFrom }), ...(validUntil !== undefined && { validUntil }) });
    return days.map((date) => {
      // A day's own details replace the usual time and place (an overridden instance, RFC 5545).
      const own = recurrence.occurrences?.find((o) => o.date === date);
      const time = own?.time ?? recurrence.time;
      const endTime = own?.time !== undefined ? own.endTime : (own?.endTime ?? recurrence.endTime);
      return {
        meeting,
        date,
        ...(time !== undefined && { time }),
        ...(endTime !== undefined && { endTime }),
        ...(own?.place !== undefined && { place: own.place }),
        ...(own?.note !== undefined && { note: own.note }),
      };
    });
  };
  const occurrencesBetween = (from: string, to: string) =>
    data.meetings
      .flatMap((meeting) => meetingOccurrences(meeting, from, to))
      .sort((a, b) => a.date.localeCompare(b.date) || (a.time ?? '').localeCompare(b.time ?? '') || a.meeting.id.localeCompare(b.meeting.id));
  const parentOn = (unitId: string, day: string): string | undefined => {
    const unit = itemAs(unitId, 'units');
    if (!unit) return undefined;
    return (unit.parents ?? []).find((entry) => holdsOn(entry, day))?.ref ?? unit.parent ?? municipalities.get(unitId);
  };
  const actingOn = (person: Person, roleId: string, day: string) => (person.actingAs ?? []).find((entry) => entry.role === roleId && holdsOn(entry, day));
  const newestFirst = (decisions: readonly Decision[]) => [...decisions].sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));

  return {
    kb,
    get,
    findByName: (name, kinds) => {
      const found = names.get(normalizeName(name)) ?? [];
      return kinds ? found.filter((entry) => kinds.includes(entry.kind)) : [...found];
    },
    nameIndex: () => names,
    namesOf: (id) => {
      const entry = kb.get(id);
      return entry ? namesOfItem(entry) : [];
    },
    municipalityOf: (id) => {
      const municipalityId = municipalities.get(id);
      return municipalityId === undefined ? undefined : itemAs(municipalityId, 'municipalities');
    },
    reportsTo: (id) => (up.get(id) ?? []).map((edge) => ({ ...edge, depth: 1 })),
    reportingChain: (id) => walk(id, (node) => up.get(node) ?? []),
    directReports: (id) => (down.get(id) ?? []).map((edge) => ({ ...edge, depth: 1 })),
    allReports: (id) => walk(id, (node) => down.get(node) ?? []),
    leadersOf: (unitId) => (itemAs(unitId, 'units')?.ledBy ?? []).flatMap((id) => itemAs(id, 'roles') ?? []),
    membersOf: (groupId) =>
      (itemAs(groupId, 'leadershipGroups')?.members ?? []).flatMap((member) => {
        const item = kb.get(member.ref);
        return item ? [member.note ? { item, note: member.note } : { item }] : [];
      }),
    groupsOf,
    datesAbout,
    datesForRole: (roleId) =>
      uniqueById([...datesAbout(roleId), ...postingsForRole(roleId).flatMap((posting) => datesAbout(posting.id))]).sort(compareDates),
    datesBetween: (from, to, options = {}) => sortedDates.filter((entry) => entry.date <= to && startsFrom(entry, from, options)),
    upcomingDates: (from, options = {}) => {
      const found = sortedDates.filter(
        (entry) => startsFrom(entry, from, options) && (options.kinds === undefined || options.kinds.includes(entry.kind)),
      );
      return options.limit === undefined ? found : found.slice(0, options.limit);
    },
    postingsForRole,
    policiesOfMunicipality: (municipalityId) => data.policies.filter((policy) => municipalities.get(policy.id) === municipalityId),
    policiesForRole: (roleId) => {
      const role = itemAs(roleId, 'roles');
      if (!role) return [];
      const targets = [roleId, ...unitAndAbove(role.unit), ...groupsOf(roleId).map((group) => group.id)];
      return uniqueById(targets.flatMap((id) => policiesByRelevance.get(id) ?? []));
    },
    policiesByTopic: (topic) => {
      const words = normalizeName(topic).split(' ').filter((word) => word.length >= 2);
      if (words.length === 0) return [];
      const scored = data.policies.flatMap((policy) => {
        const texts = policyTexts.get(policy.id) as { names: string; all: string };
        if (!words.every((word) => texts.all.includes(word))) return [];
        return [{ policy, inNames: words.filter((word) => texts.names.includes(word)).length }];
      });
      return scored.sort((a, b) => b.inNames - a.inNames).map((entry) => entry.policy);
    },
    contactsFor: (id) => {
      const entry = kb.get(id);
      const direct = list(peopleByContactFor, id);
      const postingContacts = (posting: Posting) => [
        ...posting.contacts.flatMap((personId) => itemAs(personId, 'people') ?? []),
        ...(peopleByContactFor.get(posting.id) ?? []),
      ];
      if (entry?.kind === 'postings') return uniqueById([...postingContacts(entry.item), ...direct]);
      if (entry?.kind === 'roles') return uniqueById([...direct, ...postingsForRole(id).flatMap(postingContacts)]);
      return direct;
    },
    holdersOf: (roleId) => list(peopleByPost, roleId),
    figuresOf,
    figuresWithin: (id) => {
      const out: FigureEntry[] = [];
      const seen = new Set<string>();
      const visit = (node: string) => {
        if (seen.has(node)) return;
        seen.add(node);
        out.push(...figuresOf(node));
        for (const child of childrenOf(node)) visit(child.id);
      };
      visit(id);
      return out;
    },
    childrenOf,
    meetingsOf: (id) =>
      uniqueById([
        ...(meetingsByParticipant.get(id) ?? []),
        ...(meetingsByUnit.get(id) ?? []),
        ...groupsOf(id).flatMap((group) => meetingsByParticipant.get(group.id) ?? []),
      ]),
    programmesOf: (id) => list(programmesByUser, id),
    conceptsIn: (id) => list(conceptsByParent, id),
    factsAbout: (id) => list(factsByAbout, id),
    referencesTo: (id) => list(referrers, id),
    sourceOf: (of, lang = 'da') => {
      const source = 'doc' in of ? of : of.source;
      const doc = kb.documents.get(source.doc);
      const title = doc ? (lang === 'en' ? doc.titleEn : doc.title) : source.doc;
      return { doc: source.doc, title, quote: source.quote };
    },
    reportsToOn: (id, day, options) => onDay(up.get(id), day, options),
    directReportsOn: (id, day, options) => onDay(down.get(id), day, options),
    reportingChainOn: (id, day) => walk(id, (node) => onDay(up.get(node), day, { unconditional: true })),
    nextReportingChange: (id, day, options = {}) => {
      const edges = up.get(id) ?? [];
      const changes = edges
        .flatMap((edge) => [edge.validFrom, edge.validUntil === undefined ? undefined : shiftDay(edge.validUntil, 1)])
        .filter((change): change is string => change !== undefined && change > day)
        .sort();
      for (const date of changes) {
        const before = onDay(edges, shiftDay(date, -1), options);
        const after = onDay(edges, date, options);
        const same = before.length === after.length && before.every((edge) => after.some((other) => other.line === edge.line && other.to === edge.to));
        if (!same) return { date, lines: after, ended: before.filter((edge) => !after.some((other) => other.line === edge.line && other.to === edge.to)) };
      }
      return undefined;
    },
    deputiesFor: (id, day) => deputyEntries(deputiesByFor.get(id) ?? [], day),
    standsInFor: (id, day) => deputyEntries(deputiesByDeputy.get(id) ?? [], day),
    holdersOn: (roleId, day) => uniqueById([...regularOn(roleId, day), ...list(actingByRole, roleId).filter((person) => actingOn(person, roleId, day) !== undefined)]),
    nextHolderChange: (roleId, day) => {
      const held = holdingsByRole.get(roleId) ?? [];
      for (const date of holderChangeDays.get(roleId) ?? []) {
        if (date <= day) continue;
        const before = regularOn(roleId, shiftDay(date, -1));
        const after = regularOn(roleId, date);
        if (before.length === after.length && before.every((person) => after.includes(person))) continue;
        const sources = held.filter(({ holding }) => holding.validFrom === date || (holding.validUntil !== undefined && shiftDay(holding.validUntil, 1) === date)).map(({ holding }) => holding.source);
        return { date, holders: after, sources };
      }
      return undefined;
    },
    postsOn: (personId, day) => (holdings.get(personId) ?? []).filter((h) => holdsOn(h, day)),
    holdingsOf: (personId) => holdings.get(personId) ?? [],
    membersOn: (groupId, day) =>
      (itemAs(groupId, 'leadershipGroups')?.members ?? [])
        .filter((member) => holdsOn(member, day))
        .flatMap((member) => {
          const item = kb.get(member.ref);
          return item ? [member.note ? { item, note: member.note } : { item }] : [];
        }),
    participantsOf: (meetingId) => {
      const meeting = itemAs(meetingId, 'meetings');
      if (!meeting) return [];
      return participantsOf(meeting).flatMap((participant) => {
        const item = kb.get(participant.ref);
        if (!item) return [];
        return [{ item, asNeeded: participant.asNeeded, ...(participant.note !== undefined && { note: participant.note }) }];
      });
    },
    meetingOccurrences: (meetingId, from, to) => {
      const meeting = itemAs(meetingId, 'meetings');
      return meeting ? meetingOccurrences(meeting, from, to) : [];
    },
    occurrencesBetween,
    datedItemsBetween: (from, to) => {
      const items: DatedItem[] = [
        ...sortedDates.filter((entry) => entry.date <= to && lastDay(entry) >= from).map((entry) => ({ kind: 'date' as const, date: entry.date, last: lastDay(entry), entry })),
        ...occurrencesBetween(from, to).map((occurrence) => ({ kind: 'meeting' as const, date: occurrence.date, last: occurrence.date, occurrence })),
        ...data.decisions.flatMap((decision) => [
          ...(decision.date >= from && decision.date <= to ? [{ kind: 'decision' as const, date: decision.date, last: decision.date, decision, what: 'decided' as const }] : []),
          ...(decision.appliesFrom !== undefined && decision.appliesFrom !== decision.date && decision.appliesFrom >= from && decision.appliesFrom <= to
            ? [{ kind: 'decision' as const, date: decision.appliesFrom, last: decision.appliesFrom, decision, what: 'applies' as const }]
            : []),
        ]),
      ];
      const order = (item: DatedItem) => (item.kind === 'meeting' ? (item.occurrence.time ?? '') : item.kind === 'date' ? (item.entry.time ?? '') : '');
      return items.sort((a, b) => a.date.localeCompare(b.date) || order(a).localeCompare(order(b)) || idOfDated(a).localeCompare(idOfDated(b)));
    },
    childrenOn: (id, day) => list(everChildren, id).filter((unit) => holdsOn(unit, day) && parentOn(unit.id, day) === id),
    parentOn,
    nextParentChange: (unitId, day) => {
      const unit = itemAs(unitId, 'units');
      if (!unit) return undefined;
      const days = (unit.parents ?? [])
        .flatMap((entry) => [entry.validFrom, entry.validUntil === undefined ? undefined : shiftDay(entry.validUntil, 1)])
        .filter((change): change is string => change !== undefined && change > day)
        .sort();
      for (const date of days) {
        const before = parentOn(unitId, shiftDay(date, -1));
        const after = parentOn(unitId, date);
        if (before === after) continue;
        const entry = (unit.parents ?? []).find((e) => holdsOn(e, date));
        return { date, parent: after, source: entry?.source ?? unit.source };
      }
      return undefined;
    },
    roleHoldersOn: (roleId, day) => {
      const regular = regularOn(roleId, day);
      const acting = list(actingByRole, roleId).filter((person) => actingOn(person, roleId, day) !== undefined);
      return uniqueById([...regular.filter((person) => !acting.includes(person)), ...acting]).map((person) => {
        const entry = actingOn(person, roleId, day);
        const leave = leaveOn(person, day);
        if (!entry) return leave ? { person, leave } : { person };
        return {
          person,
          acting: {
            ...(entry.validFrom !== undefined && { validFrom: entry.validFrom }),
            ...(entry.validUntil !== undefined && { validUntil: entry.validUntil }),
            source: entry.source ?? person.source,
          },
        };
      });
    },
    actingOf: (personId, roleId) => (itemAs(personId, 'people')?.actingAs ?? []).filter((entry) => entry.role === roleId),
    actingHoldersOf: (roleId) => list(actingByRole, roleId),
    describedParticipantsOf: (id) => {
      const entry = kb.get(id);
      if (entry?.kind === 'meetings') return [...(entry.item.otherParticipants ?? [])];
      if (entry?.kind === 'leadershipGroups') return [...(entry.item.otherMembers ?? [])];
      return [];
    },
    decisionsBy: (bodyId) => newestFirst(decisionsByBody.get(bodyId) ?? []),
    decisionsChanging: (itemId) => newestFirst(decisionsByChange.get(itemId) ?? []),
    figuresOn: (id, day) => {
      const candidates = figuresOf(id).filter(({ figure }) => holdsOn(figure, day) && (figure.asOf === undefined || figure.asOf <= day));
      // Per metric (and owner), a figure stated as of a later day replaces an earlier one of the same series ("181 børn i
      // dagplejen" the "186 børn i dagplejen" of a month before; not "22 børn på venteliste" the "900 børn i sektionens
      // daginstitutioner").
      return candidates.filter(({ owner, figure }) =>
        !candidates.some(
          (other) =>
            other.owner === owner &&
            other.figure !== figure &&
            other.figure.metric === figure.metric &&
            figure.metric !== 'other' &&
            (other.figure.asOf ?? other.figure.validFrom ?? '') > (figure.asOf ?? figure.validFrom ?? '') &&
            sameSeries(other.figure, figure),
        ),
      );
    },
  };
}

/**
 * True when two figures of one metric count the same thing on different days: the words of their Danish texts, besides
 * numbers and the names of months, are mostly the same (at least half of either's words are the other's).
 */
function sameSeries(a: Figure, b: Figure): boolean {
  const x = seriesWords(a);
  const y = seriesWords(b);
  if (x.size === 0 || y.size === 0) return true;
  const shared = [...x].filter((w) => y.has(w)).length;
  return shared * 2 >= Math.max(x.size, y.size);
}

/** A figure's Danish words besides numbers, month names and words of one or two letters, made once per figure. */
function seriesWords(f: Figure): ReadonlySet<string> {
  let words = SERIES_WORDS.get(f);
  if (!words) {
    words = new Set(f.text.da.toLowerCase().split(/[^\p{L}]+/u).filter((w) => w.length > 2 && !MONTHS.has(w)));
    SERIES_WORDS.set(f, words);
  }
  return words;
}

const SERIES_WORDS = new WeakMap<Figure, ReadonlySet<string>>();
// The Danish month names a figure's text dates it with ("pr. 1. september"): src/knowledge imports only its own
// folder (tests/knowledge/boundaries.test.ts), so the list is here rather than taken from src/time.
const MONTHS: ReadonlySet<string> = new Set(['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december']);

/** The last day a date entry covers: its `end`, else the end of its month or year, else the day itself. */
export function lastDay(entry: DateEntry): string {
  if (entry.end !== undefined) return entry.end;
  if (entry.precision === 'year') return `${entry.date.slice(0, 4)}-12-31`;
  if (entry.precision === 'month') {
    const [year, month] = entry.date.split('-').map(Number) as [number, number];
    const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return `${entry.date.slice(0, 7)}-${String(days).padStart(2, '0')}`;
  }
  return entry.date;
}

function idOfDated(item: DatedItem): string {
  if (item.kind === 'date') return item.entry.id;
  if (item.kind === 'meeting') return item.occurrence.meeting.id;
  return item.decision.id;
}

/** True when the entry begins on or after `from`, or (when running ones count) still runs then. */
function startsFrom(entry: DateEntry, from: string, options: DateRangeOptions): boolean {
  return entry.date >= from || (options.running === true && lastDay(entry) >= from);
}

function compareDates(a: DateEntry, b: DateEntry): number {
  return a.date.localeCompare(b.date) || (a.round ?? 0) - (b.round ?? 0) || a.id.localeCompare(b.id);
}

function namesOfItem(entry: KbItem): string[] {
  const item = entry.item as { name?: string; names?: string[]; labelEn?: string; namesEn?: string[] };
  return [item.name, ...(item.names ?? []), item.labelEn, ...(item.namesEn ?? [])].filter(
    (name): name is string => typeof name === 'string' && name.length > 0,
  );
}

function buildNameIndex(items: readonly KbItem[]): Map<string, KbItem[]> {
  const index = new Map<string, KbItem[]>();
  for (const entry of items) {
    for (const name of namesOfItem(entry)) {
      const key = normalizeName(name);
      if (key === '') continue;
      const list = index.get(key) ?? [];
      if (!list.includes(entry)) list.push(entry);
      index.set(key, list);
    }
  }
  return index;
}

/** Upward reporting edges by the id that reports: roles' `reportsTo` and reporting lines, one per pair. */
function buildReportingEdges(kb: KnowledgeBase): Map<string, ReportingEdge[]> {
  const byPair = new Map<string, ReportingEdge>();
  for (const line of kb.data.reportingLines) {
    // A dated or conditional line is its own edge: the same pair may hold twice, at different times.
    const timed = line.validFrom !== undefined || line.validUntil !== undefined || line.condition !== undefined || line.toUnit !== undefined;
    const key = timed ? `line\u0000${line.id}` : `${line.from}\u0000${line.to}`;
    if (byPair.has(key)) continue;
    byPair.set(key, {
      from: line.from,
      to: line.to,
      depth: 1,
      text: line.text,
      line: line.id,
      ...(line.toUnit !== undefined && { toUnit: line.toUnit }),
      ...(line.validFrom !== undefined && { validFrom: line.validFrom }),
      ...(line.validUntil !== undefined && { validUntil: line.validUntil }),
      ...(line.condition !== undefined && { condition: line.condition }),
      ...(line.appliesTo !== undefined && { appliesTo: line.appliesTo }),
      source: line.source,
    });
  }
  for (const role of kb.data.roles) {
    for (const to of role.reportsTo) {
      const key = `${role.id}\u0000${to}`;
      if (!byPair.has(key)) byPair.set(key, { from: role.id, to, depth: 1, source: role.source });
    }
  }
  return groupBy([...byPair.values()].map((edge) => [edge.from, edge] as const));
}

/** Each item's municipality id: its own field, else the first reference that leads to one, else its source document's. */
function resolveMunicipalities(kb: KnowledgeBase, items: readonly KbItem[]): Map<string, string> {
  const resolved = new Map<string, string | undefined>();
  const resolve = (entry: KbItem, visiting: Set<string>): string | undefined => {
    const id = entry.item.id;
    if (resolved.has(id)) return resolved.get(id);
    if (entry.kind === 'municipalities') return id;
    if (visiting.has(id)) return undefined;
    visiting.add(id);
    let found: string | undefined;
    for (const ref of referencesOf(entry)) {
      const target = kb.get(ref.id);
      found = target ? resolve(target, visiting) : undefined;
      if (found !== undefined) break;
    }
    found ??= kb.documents.get(entry.item.source.doc)?.municipality;
    visiting.delete(id);
    resolved.set(id, found);
    return found;
  };
  const out = new Map<string, string>();
  for (const entry of items) {
    const municipality = resolve(entry, new Set());
    if (municipality !== undefined) out.set(entry.item.id, municipality);
  }
  return out;
}

function policyHaystack(policy: Policy): { names: string; all: string } {
  const names = normalizeName([policy.name, ...policy.names, policy.labelEn, ...policy.namesEn].join(' | '));
  const texts = [policy.description, ...policy.requires].flatMap((text) => (text ? [text.da, text.en] : []));
  return { names, all: `${names} ${normalizeName(texts.join(' | '))}` };
}

function groupBy<K, V>(pairs: Iterable<readonly [K, V]>): Map<K, V[]> {
  const map = new Map<K, V[]>();
  for (const [key, value] of pairs) {
    const list = map.get(key);
    if (list) {
      if (!list.includes(value)) list.push(value);
    } else {
      map.set(key, [value]);
    }
  }
  return map;
}

/** A copy of an index entry, so callers cannot change the index. */
function list<V>(map: ReadonlyMap<string, readonly V[]>, key: string): V[] {
  return [...(map.get(key) ?? [])];
}

function uniqueById<T extends { readonly id: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(item.id) && Boolean(seen.add(item.id)));
}
