/**
 * Groups logged questions that ask the same thing in other words: word sets compared by Jaccard similarity over
 * lightly stemmed words, so "Hvem er leder i Baltorp?" and "hvem er lederen i baltorp" fall together.
 */

// Function words say nothing about what was asked; they would make every question look alike.
const STOP_WORDS = new Set(
  `en et den det de der som er og i på til af for med om hvad hvem hvor hvornår hvordan hvilke hvilken jeg vi du man har skal kan
  the a an is are of to in on for with about what who where when how which i we you do does can`.split(/\s+/),
);

// Common Danish and English endings, longest first: enough for grouping, not a full stemmer.
const ENDINGS = ['erne', 'ene', 'en', 'et', 'er', 'es', 'e', 's'];

function stem(word: string): string {
  for (const ending of ENDINGS) {
    if (word.length - ending.length >= 4 && word.endsWith(ending)) return word.slice(0, -ending.length);
  }
  return word;
}

/** The content words of a question, stemmed. */
export function questionTerms(text: string): ReadonlySet<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return new Set(words.filter((word) => !STOP_WORDS.has(word)).map(stem));
}

/** Jaccard similarity of two term sets (1 when both are empty). */
export function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const term of a) if (b.has(term)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/** How alike two questions must be to count as one. */
export const SAME_QUESTION = 0.6;

/**
 * Puts items whose texts are alike in the same group (each joins the first group whose first text it resembles).
 * @example groupBySimilarity(gaps, (gap) => gap.question)
 */
export function groupBySimilarity<T>(items: readonly T[], textOf: (item: T) => string, threshold = SAME_QUESTION): T[][] {
  const groups: { terms: ReadonlySet<string>; items: T[] }[] = [];
  for (const item of items) {
    const terms = questionTerms(textOf(item));
    const group = groups.find((candidate) => similarity(candidate.terms, terms) >= threshold);
    if (group) group.items.push(item);
    else groups.push({ terms, items: [item] });
  }
  return groups.map((group) => group.items);
}
