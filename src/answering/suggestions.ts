/**
 * Example questions built from the knowledge base itself, for help and for "I don't know".
 */
import type { KbItem, KnowledgeBase } from '../knowledge/knowledge-base.js';
import { definiteName, displayName } from './facts.js';
import { phrasesFor } from './phrases.js';
import type { Lang } from './types.js';

/** The suggestions of each knowledge base by language: they depend on nothing else, and "I don't know" asks often. */
const SUGGESTIONS = new WeakMap<KnowledgeBase, Map<Lang, readonly string[]>>();

/** Two or three questions the knowledge base can answer, built from its own items. */
export function suggestQuestions(kb: KnowledgeBase, lang: Lang): string[] {
  let byLang = SUGGESTIONS.get(kb);
  if (!byLang) SUGGESTIONS.set(kb, (byLang = new Map()));
  let suggestions = byLang.get(lang);
  if (!suggestions) byLang.set(lang, (suggestions = buildSuggestions(kb, lang)));
  return [...suggestions];
}

function buildSuggestions(kb: KnowledgeBase, lang: Lang): string[] {
  const p = phrasesFor(lang);
  // Short names read best in a suggestion: the shortest name of the kind that is meant.
  const shortNameOf = (entry: KbItem) => {
    if (lang === 'da') return definiteName(entry, lang);
    const label = (entry.item as { labelEn?: string }).labelEn ?? displayName(entry, lang);
    return label.replace(/\s*\([^)]*\)/g, '').trim() || label;
  };
  // Each item's short name once, not once per comparison of the sorts below (thousands of roles at scale).
  const shortNames = new Map<string, string>();
  const shortName = (entry: KbItem) => {
    let name = shortNames.get(entry.item.id);
    if (name === undefined) shortNames.set(entry.item.id, (name = shortNameOf(entry)));
    return name;
  };
  // The roles most referred to (managers, roles policies are written for) make the best examples.
  const references = new Map<string, number>();
  const refer = (id: string) => references.set(id, (references.get(id) ?? 0) + 1);
  for (const line of kb.data.reportingLines) refer(line.to);
  for (const role of kb.data.roles) role.reportsTo.forEach(refer);
  for (const policy of kb.data.policies) policy.relevantFor.forEach(refer);
  for (const unit of kb.data.units) unit.ledBy.forEach(refer);
  const byShortName = (a: KbItem, b: KbItem) =>
    (references.get(b.item.id) ?? 0) - (references.get(a.item.id) ?? 0) || shortName(a).length - shortName(b).length;
  const suggestions: string[] = [];
  const roles = kb.data.roles.map((item): KbItem => ({ kind: 'roles', item }));
  const withBoss = roles.filter((e) => e.kind === 'roles' && e.item.reportsTo.length > 0).sort(byShortName)[0];
  if (withBoss) suggestions.push(p.suggestReporting(shortName(withBoss)));
  // A posting is asked about by the post it fills: "the deadline for the head of the staff unit position".
  const postedRoles = kb.data.dates
    .filter((d) => d.kind === 'application-deadline')
    .map((d) => kb.get(d.about))
    .map((e) => (e?.kind === 'postings' ? kb.get(e.item.role) : undefined))
    .filter((e): e is KbItem => e?.kind === 'roles')
    .sort(byShortName);
  const posted = postedRoles[0];
  if (posted) suggestions.push(p.suggestDeadline(lang === 'da' ? displayName(posted, lang) : shortName(posted)));
  const policyRoles = kb.data.policies
    .flatMap((policy) => policy.relevantFor)
    .map((id) => kb.get(id))
    .filter((e): e is KbItem => e?.kind === 'roles')
    .sort(byShortName);
  if (policyRoles[0]) suggestions.push(p.suggestPolicy(shortName(policyRoles[0])));
  else if (kb.data.programmes[0]) suggestions.push(p.suggestWhat(kb.data.programmes[0].name));
  return suggestions.slice(0, 3);
}
