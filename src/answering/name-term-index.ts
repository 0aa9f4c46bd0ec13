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
  return {
    candidates(rest, minQuality) {
      const positions = new Set<number>();
      for (const q of rest) for (const e of q.expansions) if (e.quality >= minQuality) for (const i of byTerm.get(e.term) ?? []) positions.add(i);
      return [...positions].sort((a, b) => a - b).map((i) => items[i]!);
    },
  };
}
