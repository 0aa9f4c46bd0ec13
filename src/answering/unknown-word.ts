/**
 * When the engine has given up with the plain "I don't know" because of one word the knowledge base never uses.
 *
 * The ranked search weighs a word the documents never use most of all: no fact can explain it, so a question holding one
 * is never answered by ranking. That is right when the word is what is asked ("who is the mayor", "område Øst", "hvad
 * koster"), and wrong when it is an everyday word around a question the documents answer in their own words ("can kids
 * sleep *outside* at minus 12": the policy says "outdoors"; "what meeting has to *happen*"). This module decides, from
 * the question's own shape and the knowledge base's vocabulary, whether such a word may be set aside: one word only, no
 * word of the lexicon (cue words say what is asked), no word that names a thing (capitalised inside the sentence, after
 * a naming preposition, after a word for a kind of unit), not the word right after the question word (the asked
 * slot), and enough other content words that the documents know for a fact to be found by them. Whatever is then
 * answered still passes the floor, as a ranked answer (the stricter coverage).
 */
import { NAMING_PREPOSITIONS as FLOOR_NAMING_PREPOSITIONS } from './floor.js';
import { foldText, STOPWORDS, termsOf } from './normalize.js';
import type { QueryTerm } from './search.js';
import type { Understanding } from './understand.js';

/** How many other content words the documents know a question must hold besides the word set aside. */
export const MIN_KNOWN_WORDS = 3;

/** How surely each other word must be explained: the word itself, an inflection, or the lexicon's synonym ("kids": children). */
const SURELY = 0.8;

/**
 * Words after which a question names a place or a thing ("i Nordby", "of Bakkekær", "om sommerlukning"): the floor's,
 * and "til" ("adgang til legepladsen"), which the floor does not treat as naming.
 */
const NAMING_PREPOSITIONS: ReadonlySet<string> = new Set([...FLOOR_NAMING_PREPOSITIONS, 'til']);

/** How many function words may stand between a naming preposition and a name ("in the Skovlunde district"). */
const WORDS_BEFORE_NAME = 2;

/** What deciding needs besides the question: the lexicon's words and its words for kinds of unit (folded terms). */
export interface SetAsideVocabulary {
  /** Every word of the lexicon (cues of every kind, metrics, attributes...), folded, with stems. */
  readonly lexiconWords: ReadonlySet<string>;
  /** The terms of the lexicon's words for a kind of unit ("børnehus", "område", "district"). */
  readonly unitKindTerms: ReadonlySet<string>;
}

/**
 * The one word of the question the documents never use that may be set aside, or undefined when there is none or it
 * may be what is asked. `rest` is the question's content words as the search reads them.
 */
export function wordToSetAside(u: Understanding, rest: readonly QueryTerm[], vocabulary: SetAsideVocabulary): string | undefined {
  const unknown = rest.filter((q) => q.expansions.length === 0 && q.parts === undefined);
  if (unknown.length !== 1) return undefined;
  const word = unknown[0]!;
  const form = word.token.form;
  if (/\d/.test(form) || form.length < 3) return undefined;
  if (vocabulary.lexiconWords.has(form) || word.token.terms.some((t) => vocabulary.lexiconWords.has(t))) return undefined;
  // Enough words besides it that the documents know, none of them a mere typo guess.
  const known = rest.filter((q) => q !== word && q.expansions.some((e) => e.quality >= 0.8));
  if (known.length < MIN_KNOWN_WORDS) return undefined;
  const at = u.tokens.indexOf(word.token);
  if (at < 0 || namesThing(u, at, vocabulary)) return undefined;
  // The asked slot: the first word after the words that ask ("hvem er borgmester", "what is the fee").
  const firstContent = u.tokens.findIndex((t, i) => !u.cuePositions.has(i) && !u.intentWords.has(t.form) && !STOPWORDS.has(t.form));
  if (firstContent === at) return undefined;
  return form;
}

/**
 * True when a ranked answer's text surely explains every other content word of the question the documents know
 * (numbers aside: "at minus 12" is answered by the limit "minus 10"): with one word set aside, nothing else may be.
 */
export function explainsTheRest(rest: readonly QueryTerm[], setAside: string, text: string, explainSurely: (query: readonly QueryTerm[], terms: ReadonlySet<string>) => number[]): boolean {
  const others = rest.filter((q) => q.token.form !== setAside && !/\d/.test(q.token.form));
  return explainSurely(others, termsOf(text)).every((v) => v >= SURELY);
}

/** True when the word at `i` probably names a thing: capitalised inside the sentence, after a naming preposition or a word for a kind of unit. */
function namesThing(u: Understanding, i: number, vocabulary: SetAsideVocabulary): boolean {
  const before = u.tokens[i - 1]?.form;
  if (before !== undefined && [...termsOf(before)].some((t) => vocabulary.unitKindTerms.has(t))) return true;
  for (let k = i - 1; k >= 0 && k >= i - 1 - WORDS_BEFORE_NAME; k--) {
    const previous = u.tokens[k]!.form;
    if (NAMING_PREPOSITIONS.has(previous)) return true;
    if (!STOPWORDS.has(previous)) break;
  }
  const form = u.tokens[i]!.form;
  const raw = u.text.match(/[\p{L}\d-]+/gu) ?? [];
  return raw.some((w, k) => k > 0 && /^\p{Lu}/u.test(w) && foldText(w) === form);
}
