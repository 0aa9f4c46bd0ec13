/**
 * The roles by every start of their folded name in whole words ("børnehusleder i børnehuset kløverengen" under
 * "børnehusleder", "børnehusleder i" …), once per knowledge base (with the answerer): a question looks a role's name
 * up here instead of reading every role.
 */
import type { KnowledgeBase } from '../../knowledge/knowledge-base.js';
import { foldText } from '../normalize.js';

const ROLES_BY_NAME_START = new WeakMap<KnowledgeBase, ReadonlyMap<string, readonly string[]>>();

/** The ids of the roles under every whole-word start of their folded name, in the knowledge base's order. */
export function rolesByNameStart(kb: KnowledgeBase): ReadonlyMap<string, readonly string[]> {
  let index = ROLES_BY_NAME_START.get(kb);
  if (!index) {
    const built = new Map<string, string[]>();
    for (const r of kb.data.roles) {
      const words = foldText(r.name).split(' ');
      for (let n = 1; n <= words.length; n++) {
        const start = words.slice(0, n).join(' ');
        const list = built.get(start);
        if (list) list.push(r.id);
        else built.set(start, [r.id]);
      }
    }
    index = built;
    ROLES_BY_NAME_START.set(kb, index);
  }
  return index;
}
