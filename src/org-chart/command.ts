/**
 * Reads "vis organisationen [i Ballerup]" / "show the org chart [for Høje-Taastrup]" and finds the part of the
 * organisation named: a municipality, or roles and units (their chains up and everyone below them).
 */
import type { KbItem, KnowledgeQueries } from '../knowledge/index.js';
import type { ChartLang, ChartScope } from './graph.js';

/** An org chart request: the language it was asked in and the place or part named, if any. */
export interface OrgChartCommand {
  readonly lang: ChartLang;
  readonly place?: string;
}

const COMMANDS: ReadonlyArray<readonly [RegExp, ChartLang]> = [
  [/^vis (?:mig )?(?:hele )?(?:organisation(?:en)?|organisationsdiagram(?:met)?|organigram(?:met)?|diagram(?:met)?|ledelsesstruktur(?:en)?)(?:\s+(?:i|for|på|over|af)\s+(.+))?$/, 'da'],
  [/^(?:organisationsdiagram(?:met)?|organigram(?:met)?)(?:\s+(?:i|for|på|over|af)\s+(.+))?$/, 'da'],
  [/^(?:show|draw|display)(?: me)? (?:the )?(?:org(?:anisation(?:al)?|anization(?:al)?)? ?chart|organi[sz]ation|structure)(?:\s+(?:for|of|in|at)\s+(.+))?$/, 'en'],
  [/^(?:the )?org(?:anisation(?:al)?|anization(?:al)?)? ?chart(?:\s+(?:for|of|in|at)\s+(.+))?$/, 'en'],
];

/**
 * The request in a message, or `null` when the message is not one (a question ending in "?" is a question).
 * @example parseOrgChartCommand('vis organisationen i Ballerup') // { lang: 'da', place: 'Ballerup' }
 */
export function parseOrgChartCommand(text: string): OrgChartCommand | null {
  const clean = text.replace(/\s+/g, ' ').trim().replace(/^\/\s*/, '');
  if (clean.endsWith('?')) return null;
  const lower = clean.toLocaleLowerCase('da').replace(/[.!]+$/, '');
  for (const [pattern, lang] of COMMANDS) {
    const match = pattern.exec(lower);
    if (!match) continue;
    const place = match[1]?.trim();
    // The place as typed (case kept), from the same position in the original text.
    const typed = place ? clean.replace(/[.!]+$/, '').slice(lower.length - place.length).trim() : undefined;
    return { lang, ...(typed && { place: typed }) };
  }
  return null;
}

/** What a place name resolves to. */
export type ResolvedScope = { readonly kind: 'found'; readonly scope: ChartScope } | { readonly kind: 'unknown'; readonly place: string };

const CHART_KINDS = ['municipalities', 'roles', 'units', 'leadershipGroups'] as const;

function candidates(queries: KnowledgeQueries, name: string): KbItem[] {
  const found = queries.findByName(name, CHART_KINDS);
  if (found.length > 0) return found;
  // "Ballerup Kommune" vs "Ballerup", "Høje-Taastrup kommune": try without the word for municipality.
  const bare = name.replace(/\s+(?:kommune|municipality)$/i, '').replace(/^(?:kommunen?|the municipality of)\s+/i, '');
  return bare !== name ? queries.findByName(bare, CHART_KINDS) : [];
}

/**
 * The scope for a place as typed: a municipality's whole chart, or the parts around the roles and units it names;
 * without a place, everything. Unknown names stay unknown (no guessing).
 */
export function resolveChartScope(queries: KnowledgeQueries, place: string | undefined): ResolvedScope {
  if (place === undefined || place.trim() === '') return { kind: 'found', scope: { kind: 'all' } };
  const found = candidates(queries, place.trim());
  const municipality = found.find((entry) => entry.kind === 'municipalities');
  if (municipality) return { kind: 'found', scope: { kind: 'municipality', municipality: municipality.item.id } };
  if (found.length === 0) return { kind: 'unknown', place: place.trim() };
  return { kind: 'found', scope: { kind: 'around', ids: found.map((entry) => entry.item.id) } };
}
