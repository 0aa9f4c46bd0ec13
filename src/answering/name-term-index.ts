/**
 * Items by the terms of their own names, built once per knowledge base: a question that looks for the item it names
 * ("who leads X", "whom does X report to") scores only the items whose names hold one of its words, not every role
 * and unit of the knowledge base (at 100x, thousands per question).
 */
import type { QueryTerm } from './search.js';

/** The items of a list whose own names hold a term a question word matches surely enough, in the list's order. */
export interface NameTermIndex<T> {
  candidates(rest: readonly QueryTerm[], minQuality: number): T[];
}

/** Indexes the items by each term of their own names (`ownTerms` of their ids). */
export function createNameTermIndex<T>(items: readonly T[], idOf: (item: T) => string, ownTerms: (id: string) => ReadonlySet<string>): NameTermIndex<T> {
  const byTerm = new Map<string, number[]>();
  items.forEach((item, i) => {
    for (const term of ownTerms(idOf(item))) {
      const list = byTerm.get(term);
      if (list) list.push(i);
      else byTerm.set(term, [i]);
    }
  });
  // Scratch space, one flag per item and a list of the positions found, reused by every call and cleared after it: a
  // common word of a name ("leder") is borne by thousands of items at 100x, and a set and a sorted copy of them per
  // question would be garbage at once.
  const seen = new Uint8Array(items.length);
  let found = new Int32Array(64);
  return {
    candidates(rest, minQuality) {
      let count = 0;
      for (const q of rest) {
        for (const e of q.expansions) {
          if (e.quality < minQuality) continue;
          const list = byTerm.get(e.term);
          if (list === undefined) continue;
          for (let k = 0; k < list.length; k++) {
            const i = list[k]!;
            if (seen[i] === 1) continue;
            seen[i] = 1;
            if (count === found.length) {
              const more = new Int32Array(found.length * 2);
              more.set(found);
              found = more;
            }
            found[count++] = i;
          }
        }
      }
      // (A typed array sorts numbers in place, without a comparator.)
      const positions = found.subarray(0, count).sort();
      const out: T[] = [];
      for (let k = 0; k < count; k++) {
        out.push(items[positions[k]!]!);
        seen[positions[k]!] = 0;
      }
      return out;
    },
  };
}
