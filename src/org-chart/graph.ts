/**
 * The organisation as a graph: the roles, units and leadership groups in the knowledge base's reporting lines
 * (`reportingLines` and roles' `reportsTo`) that hold on a given day, as boxes with their official Danish names,
 * and an edge from each to whom it reports (a line that holds only under a condition keeps its condition).
 * Plain data; `render-svg.ts` lays it out and draws it.
 */
import type { KbItem, KnowledgeQueries, ReportingEdge } from '../knowledge/index.js';

/** The languages a chart is labelled in: Danish names always, English labels under them in English. */
export type ChartLang = 'da' | 'en';

/** What part of the organisation to draw. */
export type ChartScope =
  /** Every reporting line in the knowledge base. */
  | { readonly kind: 'all' }
  /** The reporting lines with at least one end in the municipality. */
  | { readonly kind: 'municipality'; readonly municipality: string }
  /** The chains above and everyone below these roles or units. */
  | { readonly kind: 'around'; readonly ids: readonly string[] };

/** A box: a role, unit or leadership group. */
export interface OrgNode {
  readonly id: string;
  /** The official Danish name. */
  readonly name: string;
  /** Where a role sits (its unit's Danish name), when the name alone does not say. */
  readonly context?: string;
  /** The English label (shown in English charts). */
  readonly labelEn: string;
  readonly kind: 'role' | 'unit' | 'group';
}

/** `from` reports to `to` (only while `condition` holds, when there is one; in the chart's language). */
export interface OrgEdge {
  readonly from: string;
  readonly to: string;
  readonly condition?: string;
}

/** The boxes and lines of a chart, in a stable order. */
export interface OrgGraph {
  /** The chart's title (the municipality or the part named), in the chart's language. */
  readonly title: string;
  readonly lang: ChartLang;
  /** The day the lines hold on (`YYYY-MM-DD`). */
  readonly day: string;
  readonly nodes: readonly OrgNode[];
  readonly edges: readonly OrgEdge[];
  /** The documents the drawn lines come from (ids), in order of first use. */
  readonly sources: readonly string[];
}

const NODE_KINDS = { roles: 'role', units: 'unit', leadershipGroups: 'group' } as const;

function nodeOf(entry: KbItem, queries: KnowledgeQueries): OrgNode | undefined {
  if (entry.kind !== 'roles' && entry.kind !== 'units' && entry.kind !== 'leadershipGroups') return undefined;
  const item = entry.item;
  let context: string | undefined;
  if (entry.kind === 'roles' && entry.item.unit !== undefined) {
    const unit = queries.get(entry.item.unit);
    const unitName = unit?.item && 'name' in unit.item ? unit.item.name : undefined;
    // "pædagogisk leder" appears in many houses: the unit tells them apart.
    if (unitName !== undefined && !item.name.toLocaleLowerCase('da').includes(unitName.toLocaleLowerCase('da'))) context = unitName;
  }
  return { id: item.id, name: item.name, ...(context !== undefined && { context }), labelEn: item.labelEn, kind: NODE_KINDS[entry.kind] };
}

/** Every direct reporting edge of the knowledge base that holds on the day, once per pair. */
function allEdges(queries: KnowledgeQueries, day: string): ReportingEdge[] {
  const { data } = queries.kb;
  const ids = [...data.roles, ...data.units, ...data.leadershipGroups].map((item) => item.id);
  return ids.flatMap((id) => queries.reportsToOn(id, day));
}

/** The edges reachable from `ids` going one way (up: whom they report to; down: who reports to them). */
function reachable(ids: readonly string[], next: (id: string) => ReportingEdge[], far: (edge: ReportingEdge) => string): ReportingEdge[] {
  const out: ReportingEdge[] = [];
  const seen = new Set(ids);
  const queue = [...ids];
  while (queue.length > 0) {
    for (const edge of next(queue.shift() as string)) {
      out.push(edge);
      if (!seen.has(far(edge))) {
        seen.add(far(edge));
        queue.push(far(edge));
      }
    }
  }
  return out;
}

function edgesInScope(queries: KnowledgeQueries, scope: ChartScope, day: string): ReportingEdge[] {
  switch (scope.kind) {
    case 'all':
      return allEdges(queries, day);
    case 'municipality': {
      const inMunicipality = (id: string) => queries.municipalityOf(id)?.id === scope.municipality;
      return allEdges(queries, day).filter((edge) => inMunicipality(edge.from) || inMunicipality(edge.to));
    }
    case 'around':
      return [
        ...reachable(scope.ids, (id) => queries.reportsToOn(id, day), (edge) => edge.to),
        ...reachable(scope.ids, (id) => queries.directReportsOn(id, day), (edge) => edge.from),
      ];
  }
}

/** The name of what a chart shows, for its title. */
function titleOf(queries: KnowledgeQueries, scope: ChartScope, lang: ChartLang): string {
  const label = (id: string) => {
    const entry = queries.get(id);
    if (!entry || !('name' in entry.item)) return id;
    return lang === 'en' && 'labelEn' in entry.item ? `${entry.item.labelEn} (${entry.item.name})` : entry.item.name;
  };
  switch (scope.kind) {
    case 'all':
      return lang === 'da' ? 'Ledelsesstrukturen' : 'The leadership structure';
    case 'municipality':
      return label(scope.municipality);
    case 'around':
      return scope.ids.map(label).join(', ');
  }
}

/**
 * Builds the graph of a scope on a day; an empty graph when the knowledge base states no reporting line there then.
 * @example buildOrgGraph(queries, { kind: 'municipality', municipality: 'ballerup' }, 'en', '2026-11-30')
 */
export function buildOrgGraph(queries: KnowledgeQueries, scope: ChartScope, lang: ChartLang, day: string): OrgGraph {
  const edges = new Map<string, OrgEdge>();
  const docs = new Map<string, string>();
  for (const edge of edgesInScope(queries, scope, day)) {
    if (edge.from === edge.to) continue;
    const key = `${edge.from}\u0000${edge.to}`;
    // One line per pair; a line that always holds wins over one that holds under a condition.
    if (edges.has(key) && (edge.condition !== undefined || edges.get(key)?.condition === undefined)) continue;
    edges.set(key, { from: edge.from, to: edge.to, ...(edge.condition !== undefined && { condition: edge.condition[lang] }) });
    docs.set(key, edge.source.doc);
  }
  const nodes = new Map<string, OrgNode>();
  for (const edge of edges.values()) {
    for (const id of [edge.from, edge.to]) {
      if (nodes.has(id)) continue;
      const entry = queries.get(id);
      const node = entry && nodeOf(entry, queries);
      if (node) nodes.set(id, node);
    }
  }
  const kept = [...edges.values()].filter((edge) => nodes.has(edge.from) && nodes.has(edge.to));
  const sources = [...new Set(kept.map((edge) => docs.get(`${edge.from}\u0000${edge.to}`) as string))];
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
  return {
    title: titleOf(queries, scope, lang),
    lang,
    day,
    nodes: [...nodes.values()].sort(byId),
    edges: kept.sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to)),
    sources,
  };
}

/** A node's name with where it sits: "pædagogisk leder (Stjernehuset)"; in English with the English label first. */
export function describeNode(node: OrgNode, lang: ChartLang): string {
  const danish = node.context ? `${node.name}, ${node.context}` : node.name;
  return lang === 'en' ? `${node.labelEn} (${danish})` : danish;
}

/** The lines of a chart as text, one per reporting line: the chart's alternative text. */
export function describeLines(graph: OrgGraph): string[] {
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const verb = graph.lang === 'da' ? 'refererer til' : 'reports to';
  const when = graph.lang === 'da' ? 'når' : 'when';
  return graph.edges.map(
    (edge) =>
      `${describeNode(byId.get(edge.from) as OrgNode, graph.lang)} ${verb} ${describeNode(byId.get(edge.to) as OrgNode, graph.lang)}${edge.condition ? ` (${when}: ${edge.condition})` : ''}`,
  );
}
