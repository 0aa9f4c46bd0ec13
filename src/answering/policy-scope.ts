/**
 * Whether a policy (or a concept of one) applies to an item a question names ("må vi servere saftevand i Ræven", "sovetjek i Hedelund"): the
 * policy is relevant for the item, for a unit above it, or for the post that leads it, by that post's own id or by a
 * post whose name the leading post's name starts with ("daglig leder" of "daglig leder af Børnegården Rævehøj").
 * Bounded by the item's line upwards and the policy's own list: no pass over the knowledge base.
 */
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { foldText } from './normalize.js';

/** How far up an item's line (unit, parent, role, programme) is looked. */
const MAX_DEPTH = 8;

export function policyAppliesTo(kb: KnowledgeBase, policyId: string, id: string): boolean {
  // A concept of a policy ("sovetjek" of the sleep policy) applies where its policy does.
  let policy = kb.get(policyId);
  for (let depth = 0; policy?.kind === 'concepts' && policy.item.partOf !== undefined && depth < MAX_DEPTH; depth++) policy = kb.get(policy.item.partOf);
  if (policy?.kind !== 'policies' || policy.item.relevantFor.length === 0) return false;
  const relevant = new Set(policy.item.relevantFor);
  const line: string[] = [];
  for (let current: string | undefined = id, depth = 0; current !== undefined && depth < MAX_DEPTH && !line.includes(current); depth++) {
    line.push(current);
    const item = kb.get(current)?.item as Partial<Record<'unit' | 'parent' | 'role' | 'partOf', unknown>> | undefined;
    const next = [item?.unit, item?.parent, item?.role, item?.partOf].find((x): x is string => typeof x === 'string' && !line.includes(x));
    current = next;
  }
  if (line.some((x) => relevant.has(x))) return true;
  const item = kb.get(id)?.item as { ledBy?: readonly string[]; role?: string } | undefined;
  const posts = [...(item?.ledBy ?? []), ...(item?.role ? [item.role] : [])];
  if (posts.length === 0) return false;
  const relevantNames = policy.item.relevantFor.flatMap((r) => {
    const e = kb.get(r);
    return e?.kind === 'roles' ? [`${foldText(e.item.name)} `] : [];
  });
  return posts.some((post) => {
    if (relevant.has(post)) return true;
    const e = kb.get(post);
    const own = e?.kind === 'roles' ? `${foldText(e.item.name)} ` : '';
    return own !== '' && relevantNames.some((n) => own.startsWith(n));
  });
}
