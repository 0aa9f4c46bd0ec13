/**
 * Groups logged questions that ask the same thing in other words: word sets compared by Jaccard similarity over
 * Snowball-stemmed words (Danish or English), so "Hvad koster en vuggestueplads?" and "Hvad koster
 * vuggestuepladsen" fall together.
 */
import StemmerDa from '@nlpjs/lang-da/src/stemmer-da.js';
import StemmerEn from '@nlpjs/lang-en-min/src/stemmer-en.js';

// nlp.js's Snowball stemmers, file by file, as the answering engine uses them (its packages' index loads far more).
const STEMMERS = { da: new StemmerDa(), en: new StemmerEn() } as const;

function stem(lang: 'da' | 'en', word: string): string {
  const stemmer = STEMMERS[lang];
  stemmer.setCurrent(word);
  stemmer.innerStem();
  return stemmer.getCurrent();
}

// Function words say nothing about what was asked; they would make every question look alike.
const STOP_WORDS = new Set(
  `en et den det de der som er og i på til af for med om hvad hvem hvor hvornår hvordan hvilke hvilken jeg vi du man har skal kan
  the a an is are of to in on for with about what who where when how which i we you do does can`.split(/\s+/),
);

/** The content words of a question, stemmed in its language. */
export function questionTerms(text: string, lang: 'da' | 'en' = 'da'): ReadonlySet<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return new Set(words.filter((word) => !STOP_WORDS.has(word)).map((word) => stem(lang, word)));
}

// Stems that differ only by a short ending the stemmer left on one of them ("vuggestueplad" / "vuggestueplads").
function sameTerm(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 4 && long.length - short.length <= 2 && long.startsWith(short);
}

/** Jaccard similarity of two term sets (1 when both are empty); terms match as in `sameTerm`. */
export function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const term of a) if ([...b].some((other) => sameTerm(term, other))) shared += 1;
  return shared / (a.size + b.size - shared);
}

/** How alike two questions must be to count as one. */
export const SAME_QUESTION = 0.6;

/**
 * Puts items whose texts are alike in the same group (each joins the first group whose first text it resembles).
 * @example groupBySimilarity(gaps, (gap) => gap.question)
 */
export function groupBySimilarity<T>(items: readonly T[], textOf: (item: T) => string, langOf: (item: T) => 'da' | 'en' = () => 'da', threshold = SAME_QUESTION): T[][] {
  const groups: { terms: ReadonlySet<string>; items: T[] }[] = [];
  for (const item of items) {
    const terms = questionTerms(textOf(item), langOf(item));
    const group = groups.find((candidate) => similarity(candidate.terms, terms) >= threshold);
    if (group) group.items.push(item);
    else groups.push({ terms, items: [item] });
  }
  return groups.map((group) => group.items);
}
