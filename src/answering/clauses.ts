/**
 * Two questions in one message ("hvor mange børn er der i Myretuen, og hvilket kvarter hører den til", "when do the new
 * district heads start and what are their names"): the clauses a question word opens after "og" / "and", each asked
 * on its own, so that the part the documents answer is answered and the part they do not is said to be missing.
 */
import { foldText } from './normalize.js';

/** The words that join a second question to the first ("og hvem", "and what", "samt hvornår"). */

/** The fewest words a clause needs to ask something of its own ("hvem er X"; "and what kind" asks nothing alone). */
const MIN_WORDS = 3;

/** The most clauses read from one message: more are a list, not questions. */
const MAX_CLAUSES = 3;

/** A clause of a message: its text, and the words of it that point back to a thing named before it. */
export interface Clause {
  readonly text: string;
  /** The clause's text with each pointing word replaced by the thing it points back to (when one was given). */
  readonly resolved: (antecedent: string) => string;
  /** True when the clause has a word that points back ("den", "their"). */
  readonly pointsBack: boolean;
}

/**
 * The clauses of a message that asks two or three things, split where "og" / "and" (after a comma or not) is followed by
 * a word that asks (`interrogatives`); undefined when the message asks one thing.
 */
export function splitClauses(text: string, interrogatives: ReadonlySet<string>, pronouns: ReadonlySet<string>, andWords: ReadonlySet<string>): Clause[] | undefined {
  const words = [...text.matchAll(/[\p{L}\d][\p{L}\d'’.-]*/gu)];
  const cuts: number[] = [];
  for (let i = 1; i + 1 < words.length; i++) {
    if (andWords.has(foldText(words[i]![0])) && interrogatives.has(foldText(words[i + 1]![0]))) cuts.push(i);
  }
  if (cuts.length === 0 || cuts.length >= MAX_CLAUSES) return undefined;
  const bounds = [0, ...cuts, words.length];
  const clauses: Clause[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    // A clause after the first begins after its joining word.
    const from = k === 0 ? 0 : bounds[k]! + 1;
    const to = bounds[k + 1]!;
    if (to - from < MIN_WORDS) return undefined;
    const start = words[from]!.index!;
    const end = to < words.length ? words[to]!.index! : text.length;
    const part = text.slice(start, end).replace(/[\s,;]+$/, '');
    const own = words.slice(from, to);
    const pointing = own.filter((w) => pronouns.has(foldText(w[0])));
    clauses.push({
      text: part,
      pointsBack: pointing.length > 0,
      resolved: (antecedent) =>
        pointing.length === 0
          ? part
          : own.map((w) => (pronouns.has(foldText(w[0])) ? antecedent : w[0])).join(' '),
    });
  }
  return clauses;
}
