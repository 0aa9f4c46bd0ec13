/**
 * Questions the answering engine asks of the knowledge base, answered from indexes built once by
 * {@link createQueries}. Every function is pure and returns items in a stable order.
 */
import type { KbItem, KnowledgeBase } from './knowledge-base.js';
import { normalizeName } from './normalize-name.js';
import type { ItemKind } from './references.js';
import { ITEM_KINDS, referencesOf } from './references.js';
import type {
  Concept,
  DateEntry,
  Fact,
  Figure,
  LeadershipGroup,
  Meeting,
  Municipality,
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
  /** The people who hold a role. */
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
  const peopleByRole = refsByField('people', 'role') as Map<string, Person[]>;
  const peopleByContactFor = refsByField('people', 'contactFor') as Map<string, Person[]>;
  const groupsByMember = refsByField('leadershipGroups', 'members') as Map<string, LeadershipGroup[]>;
  const policiesByRelevance = refsByField('policies', 'relevantFor') as Map<string, Policy[]>;
  const programmesByUser = refsByField('programmes', 'usedBy') as Map<string, Programme[]>;
  const conceptsByParent = refsByField('concepts', 'partOf') as Map<string, Concept[]>;
  const factsByAbout = refsByField('facts', 'about') as Map<string, Fact[]>;
  const meetingsByParticipant = refsByField('meetings', 'participants') as Map<string, Meeting[]>;
  const meetingsByUnit = refsByField('meetings', 'unit') as Map<string, Meeting[]>;

  const municipalities = resolveMunicipalities(kb, allItems);
  // A unit without a parent sits directly in its municipality.
  const children = groupBy(
    data.units.flatMap((unit) => {
      const parent = unit.parent ?? municipalities.get(unit.id);
      return parent === undefined ? [] : [[parent, unit] as const];
    }),
  );
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
    if (owner.kind === 'units' || owner.kind === 'municipalities') return owner.item.figures.map((figure) => ({ owner, figure }));
    if (owner.kind === 'roles' && owner.item.teamSize) return [{ owner, figure: owner.item.teamSize }];
    return [];
  };

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
    holdersOf: (roleId) => list(peopleByRole, roleId),
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
  };
}

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
    const key = `${line.from}\u0000${line.to}`;
    if (!byPair.has(key)) byPair.set(key, { from: line.from, to: line.to, depth: 1, text: line.text, line: line.id, source: line.source });
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
