/**
 * Which fields of an item refer to other items, and what kinds of item they may name: shared by the
 * loader (to reject dangling references) and the queries (to follow them).
 */
import type { KbItem } from './knowledge-base.js';
import { KNOWLEDGE_KINDS, type KnowledgeKind } from './schemas.js';

/** The kinds of item that have a global id (every kind except documents). */
export type ItemKind = Exclude<KnowledgeKind, 'documents'>;

/** Every item kind, in load order. */
export const ITEM_KINDS: readonly ItemKind[] = KNOWLEDGE_KINDS.filter((kind): kind is ItemKind => kind !== 'documents');

/** A singular English noun for each kind, for messages ("no role with id ..."). */
export const KIND_LABELS: { readonly [K in ItemKind]: string } = {
  municipalities: 'municipality',
  units: 'unit',
  roles: 'role',
  reportingLines: 'reporting line',
  leadershipGroups: 'leadership group',
  people: 'person',
  postings: 'posting',
  dates: 'date',
  meetings: 'meeting',
  deputies: 'deputy relation',
  decisions: 'decision',
  policies: 'policy',
  programmes: 'programme',
  concepts: 'concept',
  facts: 'fact',
};

/** A field holding one id, a list of ids, or a list of objects whose `key` holds the id. */
export interface ReferenceField {
  readonly field: string;
  /** For a list of objects (`members[].ref`): the property holding the id (a plain id in the list counts too). */
  readonly key?: string;
  readonly kinds: readonly ItemKind[];
  /** True when the field may also name a source document (`contactFor` the annual calendar). */
  readonly documents?: boolean;
  /**
   * For an id nested inside the field's objects: the properties leading to it, lists walked element by element
   * (`figures[].ofUnits[]`: field "figures", via ["ofUnits"]). `key` is then not used.
   */
  readonly via?: readonly string[];
}

const MUNICIPALITY: ReferenceField = { field: 'municipality', kinds: ['municipalities'] };
const ROLE_OR_UNIT: readonly ItemKind[] = ['roles', 'units'];
/** Who can report or be reported to: a role, a unit, or a leadership team (København's "klyngeledelse"). */
const REPORTING: readonly ItemKind[] = ['roles', 'units', 'leadershipGroups'];

/** The reference fields of each kind (source documents are checked separately: every `source.doc`). */
export const REFERENCE_FIELDS: { readonly [K in ItemKind]: readonly ReferenceField[] } = {
  municipalities: [{ field: 'figures', via: ['ofUnits'], kinds: ['units'] }],
  units: [
    MUNICIPALITY,
    { field: 'parent', kinds: ['units', 'municipalities'] },
    { field: 'ledBy', kinds: ['roles'] },
    { field: 'parents', key: 'ref', kinds: ['units', 'municipalities'] },
    { field: 'figures', via: ['ofUnits'], kinds: ['units'] },
  ],
  roles: [MUNICIPALITY, { field: 'unit', kinds: ['units'] }, { field: 'reportsTo', kinds: REPORTING }],
  reportingLines: [
    { field: 'from', kinds: REPORTING },
    { field: 'to', kinds: REPORTING },
    { field: 'toUnit', kinds: ['units'] },
  ],
  // A group may sit in another as a whole ("TÅ-MED: Styregruppen and the elected staff representatives").
  leadershipGroups: [MUNICIPALITY, { field: 'members', key: 'ref', kinds: [...ROLE_OR_UNIT, 'leadershipGroups'] }],
  people: [
    MUNICIPALITY,
    { field: 'role', kinds: ['roles'] },
    { field: 'unit', kinds: ['units'] },
    { field: 'contactFor', kinds: ITEM_KINDS, documents: true },
    { field: 'actingAs', key: 'role', kinds: ['roles'] },
    { field: 'posts', key: 'role', kinds: ['roles'] },
    { field: 'posts', via: ['unit'], kinds: ['units'] },
    { field: 'leaves', key: 'actingHolder', kinds: ['people'] },
  ],
  postings: [
    MUNICIPALITY,
    { field: 'role', kinds: ['roles'] },
    { field: 'unit', kinds: ['units'] },
    { field: 'contacts', kinds: ['people'] },
    { field: 'hiringCommittee', via: ['members', 'ref'], kinds: ['roles', 'units', 'leadershipGroups', 'people'] },
  ],
  dates: [{ field: 'about', kinds: ITEM_KINDS }],
  meetings: [
    MUNICIPALITY,
    { field: 'participants', key: 'ref', kinds: ['roles', 'units', 'leadershipGroups', 'people'] },
    { field: 'unit', kinds: ['units'] },
    { field: 'chair', kinds: ['roles', 'people'] },
    { field: 'viceChair', kinds: ['roles', 'people'] },
    { field: 'secretary', kinds: ['roles', 'people'] },
  ],
  deputies: [
    { field: 'deputy', kinds: ['roles', 'people'] },
    { field: 'for', kinds: ['roles', 'people'] },
  ],
  decisions: [
    MUNICIPALITY,
    { field: 'body', kinds: ['units', 'leadershipGroups', 'roles'] },
    { field: 'changes', kinds: ITEM_KINDS },
  ],
  policies: [
    MUNICIPALITY,
    { field: 'owner', kinds: ['municipalities', 'units'] },
    { field: 'relevantFor', kinds: ['roles', 'units', 'leadershipGroups'] },
    { field: 'adoptedBy', kinds: ['units', 'leadershipGroups', 'roles', 'municipalities'] },
  ],
  programmes: [MUNICIPALITY, { field: 'usedBy', kinds: ['units', 'roles', 'municipalities', 'postings'] }],
  // A concept may belong to a posting or role profile: the document section that defines it.
  concepts: [
    MUNICIPALITY,
    { field: 'partOf', kinds: ['policies', 'concepts', 'programmes', 'leadershipGroups', 'postings', 'roles'] },
  ],
  facts: [{ field: 'about', kinds: ITEM_KINDS }],
};

/** One reference made by an item: the id named, where (path inside the item) and what it may name. */
export interface ItemReference {
  readonly field: string;
  readonly id: string;
  readonly path: readonly (string | number)[];
  readonly kinds: readonly ItemKind[];
  /** True when the reference may also name a source document. */
  readonly documents?: boolean;
}

/** Every reference an item makes, in field order. */
export function referencesOf(entry: KbItem): ItemReference[] {
  const item = entry.item as unknown as Record<string, unknown>;
  const refs: ItemReference[] = [];
  for (const spec of REFERENCE_FIELDS[entry.kind]) {
    const value = item[spec.field];
    if (spec.via !== undefined) {
      for (const { id, path } of idsAlong(value, spec.via, [spec.field])) {
        refs.push({ field: spec.field, id, path, kinds: spec.kinds, ...(spec.documents && { documents: true }) });
      }
      continue;
    }
    if (typeof value === 'string') {
      refs.push({ field: spec.field, id: value, path: [spec.field], kinds: spec.kinds, ...(spec.documents && { documents: true }) });
    } else if (Array.isArray(value)) {
      value.forEach((element: unknown, index) => {
        const keyed = spec.key !== undefined && element !== null && typeof element === 'object';
        const id = keyed ? (element as Record<string, unknown>)[spec.key as string] : element;
        if (typeof id !== 'string') return;
        const path = keyed ? [spec.field, index, spec.key as string] : [spec.field, index];
        refs.push({ field: spec.field, id, path, kinds: spec.kinds, ...(spec.documents && { documents: true }) });
      });
    }
  }
  return refs;
}

/** The ids reached from a value along property names, lists walked element by element, with their paths. */
function idsAlong(value: unknown, via: readonly string[], at: readonly (string | number)[]): Array<{ id: string; path: (string | number)[] }> {
  if (Array.isArray(value)) return value.flatMap((element, index) => idsAlong(element, via, [...at, index]));
  if (via.length === 0) return typeof value === 'string' ? [{ id: value, path: [...at] }] : [];
  if (value === null || typeof value !== 'object') return [];
  const [head, ...rest] = via as [string, ...string[]];
  return idsAlong((value as Record<string, unknown>)[head], rest, [...at, head]);
}

/** "role or unit", "municipality", "item" (for any kind). */
export function describeKinds(kinds: readonly ItemKind[]): string {
  if (kinds.length === ITEM_KINDS.length) return 'item';
  const labels = kinds.map((kind) => KIND_LABELS[kind]);
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}`;
}

/** A `source` found inside an item, with its path in the item (`['responsibilities', 2, 'source']`). */
export interface SourceAt {
  readonly doc: string;
  readonly quote: string;
  readonly path: readonly (string | number)[];
}

/** Every `source` inside an item: its own and its statements', figures' and team size's. */
export function sourcesIn(value: unknown, at: readonly (string | number)[] = []): SourceAt[] {
  if (Array.isArray(value)) return value.flatMap((element, index) => sourcesIn(element, [...at, index]));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const source = child as { doc?: unknown; quote?: unknown } | null;
    if (key === 'source' && typeof source?.doc === 'string') {
      return [{ doc: source.doc, quote: typeof source.quote === 'string' ? source.quote : '', path: [...at, key] }];
    }
    return sourcesIn(child, [...at, key]);
  });
}

/** `roles[3].reportsTo[0]` from `['roles', 3, 'reportsTo', 0]`. */
export function formatPath(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'string' && /^[A-Za-z_$][\w$]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}
