/**
 * Ranked matching of a question against the fact records: an inverted index over stems, with
 * partial matches for Danish compounds and derivations, and small typos. Each fact is scored by
 * the IDF-weighted share of the question's content words it explains (its own text, its owner's
 * names, then related names at a discount): a coverage score, which the floor of the general
 * answer needs ("does the best fact cover what the question asks about?"), where BM25 gives only
 * an unbounded relevance.
 *
 * Why not MiniSearch (BM25+, checked with the same Danish/English Snowball term processor, fields
 * text / own names / context boosted 1 / 2 / 0.5, prefix and fuzzy search): on the working questions of
 * the four knowledge bases (228 answerable ones, 2026-11-30) the right fact was among the top three
 * for 131 with this index and 125 with MiniSearch, at about the same time per question (1.8 vs
 * 1.9 ms on a loaded machine), while building took 99 vs 290 ms; and MiniSearch has no notion of
 * which words a match explained, which the floor and the compound splitting need. So this index stays.
 */
import { compoundSplits } from './compound.js';
import type { FactKind, FactRecord } from './facts.js';
import { boundedEditDistance, GENERIC_WORDS, stemsOf, STOPWORDS, tokenize, type Token } from './normalize.js';

/** A vocabulary term a question token stands for, and how sure that match is (0..1). */
interface Expansion {
  readonly term: string;
  readonly quality: number;
}

/** A content word of a question, ready for scoring. */
export interface QueryTerm {
  readonly token: Token;
  /** How much the word matters: rare words weigh more; unknown words weigh most. */
  readonly weight: number;
  readonly expansions: readonly Expansion[];
  /**
   * A compound the vocabulary knows only as parts ("skolelægen" -> "skole" + "læge"): each part's terms. The compound
   * is explained only when every part is: its parts alone do not name what the whole names.
   */
  readonly parts?: ReadonlyArray<readonly string[]>;
}

/** A fact with how well it explains the question. */
export interface ScoredFact {
  readonly fact: FactRecord;
  /** Share of the question's weight the fact explains, 0..1. */
  readonly coverage: number;
  /** Share explained by the fact's own text and its owner's names (not by related names). */
  readonly directCoverage: number;
}

/** The search index over a set of fact records. */
export interface SearchIndex {
  readonly facts: readonly FactRecord[];
  /** Turns question tokens into weighted query terms (stopwords and generic words dropped). */
  queryTerms(tokens: readonly Token[], extraStopwords?: ReadonlySet<string>): QueryTerm[];
  /**
   * Scores every fact that explains at least one query term (and passes `filter`). With `kind`, only facts of that
   * kind: the others are skipped in the postings instead of being scored and filtered out. With `minCoverage`, only
   * facts whose coverage reaches it (the same facts, scores and order as the whole list filtered by coverage): words
   * too common to lift a fact to it alone then only add to the facts the rarer words touched.
   */
  score(query: readonly QueryTerm[], filter?: (fact: FactRecord) => boolean, kind?: FactKind, minCoverage?: number): ScoredFact[];
  /**
   * True when some fact that `accept` takes reaches `minCoverage` (its coverage as `score` gives it): a question whose
   * answer must be of a rare sort need not rank every fact its common words touch. `accept` depends on the fact alone
   * and is asked once per fact and `acceptKey` (its answers are kept under that key).
   */
  reaches(query: readonly QueryTerm[], minCoverage: number, acceptKey: string, accept: (fact: FactRecord) => boolean): boolean;
  /**
   * `score`'s facts reaching `minCoverage` (of `kind` only, when given) before they are sorted: in the order the
   * question's words first found them (which breaks `score`'s ties). For a caller that orders them by a rank of its own
   * and needs only the best few, or looks facts up.
   */
  scoreUnordered(query: readonly QueryTerm[], minCoverage: number, kind?: FactKind): ScoredFact[];
  /** Explanation of each query term by an arbitrary set of terms (e.g. an item's names). */
  explain(query: readonly QueryTerm[], terms: ReadonlySet<string>, minQuality?: number): number[];
  /** The same, counting only matches that are no typo guess (exact, stem, prefix, compound part). */
  explainSurely(query: readonly QueryTerm[], terms: ReadonlySet<string>): number[];
  /** The facts an item owns, in the index's order. */
  ownedBy(owner: string): readonly FactRecord[];
  /** True when a folded word's stem occurs in the indexed facts (a known word, not a typo). */
  knows(form: string): boolean;
  /** True when a query word is, exactly, a word of some item's own names ("børnehusene", "dagplejen"): it names a thing. */
  isName(q: QueryTerm): boolean;
  /**
   * The same index limited to some of its facts (by their position in `facts`): `facts` and `score` see only those;
   * scoring skips the others' postings instead of testing every touched fact per question.
   */
  restrictTo(factIndices: Iterable<number>): SearchIndex;
}

/** How surely a compound matches the same compound with a middle part ("sommerlukning", "sommerferielukning"). */
const INSERTED_PART_QUALITY = 0.85;
/** How surely a part of a compound split into known words matches. */
const COMPOUND_PART_QUALITY = 0.9;
/** The longest word considered (Danish compounds included); longer tokens are ignored. */
const MAX_WORD = 40;
/** The most content words of one question that are matched (a question is short; a paste is not). */
const MAX_QUERY_TERMS = 40;
/** The most partial matches one word expands to. */
const MAX_EXPANSIONS = 16;

/** How much a word counts that appears in running text only, never in a name. */
const TEXT_ONLY_FACTOR = 0.6;

/** Unknown words this short weigh only this share of an unknown long word. */
const SHORT_WORD = 4;
const SHORT_UNKNOWN_FACTOR = 0.3;

/** Words this long are matched surely through a small typo. */
const SURE_TYPO_LENGTH = 7;

/** How sure a match through a small typo is. */
const TYPO_QUALITY = 0.75;

const DIRECT = 0;
const CONTEXT = 1;
/** A word explained only by a related item's name counts for this much. */
const CONTEXT_FACTOR = 0.75;

/** Danish endings of definite and plural forms, longest first. */
const DANISH_ENDINGS = ['erne', 'ene', 'en', 'et', 'ne', 'er'];
/** The shortest term whose longer words (compounds, inflections) the index looks up by prefix. */
const MIN_PREFIX = 4;

/** The facts a restricted index keeps: a flag per fact, and the runs of kept positions as [start, end) pairs. */
interface Scope {
  readonly allowed: Uint8Array;
  readonly runs: Int32Array;
}

/** A postings list at most this many times its scope's number of runs (twice, as pairs) is scanned, not searched. */
const WINDOW_SCAN_FACTOR = 8;

/** Builds the index. */
export function createSearchIndex(facts: readonly FactRecord[], synonyms: ReadonlyMap<string, string> = new Map()): SearchIndex {
  // Terms that name something (an item's own names): words that identify. Words found only in
  // running text (verbs, adjectives: "bygger", "used") weigh less when left unexplained.
  const nameTerms = new Set<string>();
  for (const fact of facts) for (const term of fact.ownTerms) nameTerms.add(term);
  // Postings are flat numbers, `factIndex * 2 + field`: a tuple per posting costs several times the memory.
  // A fact notes a term once, so a term's document frequency is the length of its postings.
  const postings = new Map<string, number[]>();
  facts.forEach((fact, index) => {
    const note = (term: string, field: number) => {
      let list = postings.get(term);
      if (!list) postings.set(term, (list = []));
      list.push(index * 2 + field);
    };
    for (const term of fact.textTerms) note(term, DIRECT);
    for (const term of fact.ownTerms) if (!fact.textTerms.has(term)) note(term, DIRECT);
    for (const term of fact.contextTerms) if (!fact.textTerms.has(term) && !fact.ownTerms.has(term)) note(term, CONTEXT);
  });
  // Each owner's facts by position, once: "does the item state X" looks at its few facts, not at every fact.
  const positionsByOwner = new Map<string, number[]>();
  facts.forEach((fact, index) => {
    const list = positionsByOwner.get(fact.owner);
    if (list) list.push(index);
    else positionsByOwner.set(fact.owner, [index]);
  });
  const total = Math.max(1, facts.length);
  const idf = (term: string) => Math.log(1 + total / (postings.get(term)?.length ?? 0.5));
  const maxIdf = Math.log(1 + total / 0.5);
  const vocabulary = [...postings.keys()].sort();
  const reversed = vocabulary.map((t) => [...t].reverse().join('')).sort();
  const expansionCache = new Map<string, Expansion[]>();
  // The vocabulary by first letter and length (each word with its place in the sorted vocabulary), for typos.
  const typoBuckets = new Map<string, Array<{ readonly term: string; readonly at: number }>>();
  vocabulary.forEach((term, at) => {
    const key = `${term[0]}:${term.length}`;
    const bucket = typoBuckets.get(key);
    if (bucket) bucket.push({ term, at });
    else typoBuckets.set(key, [{ term, at }]);
  });

  const range = (sorted: readonly string[], prefix: string): string[] => {
    const lo = lowerBound(sorted, prefix);
    const out: string[] = [];
    for (let i = lo; i < sorted.length && sorted[i]!.startsWith(prefix) && out.length < 40; i++) out.push(sorted[i]!);
    return out;
  };

  const expand = (term: string): Expansion[] => {
    const cached = expansionCache.get(term);
    if (cached) return cached;
    const found = new Map<string, number>();
    const note = (t: string, q: number) => {
      if (t !== term || q === 1) found.set(t, Math.max(found.get(t) ?? 0, q));
    };
    if (postings.has(term)) note(term, 1);
    if (term.length >= MIN_PREFIX) for (const t of range(vocabulary, term)) if (t !== term) note(t, 0.8);
    if (term.length >= 5) {
      for (const r of range(reversed, [...term].reverse().join(''))) {
        const t = [...r].reverse().join('');
        if (t !== term) note(t, 0.6);
      }
    }
    // A compound's parts: its head (Danish compounds end with the head) and its first part.
    // (Not the endings the stemmers leave off: "sommerferielukningen" is "sommerferielukn" + "ingen", and "ingen" ("none")
    // is no head of it; "husene" of "børnehusene" starts inside the stem "børnehus".)
    let stemEnd = term.length;
    for (const stem of stemsOf(term)) for (const inner of [stem, ...stemsOf(stem)]) if (term.startsWith(inner)) stemEnd = Math.min(stemEnd, inner.length);
    for (let k = 5; k < term.length; k++) {
      const head = term.slice(term.length - k);
      if (postings.has(head) && term.length - k < stemEnd) note(head, 0.6);
      const first = term.slice(0, k);
      if (postings.has(first) && term.length - k >= 3) note(first, 0.5);
    }
    // A compound written without a middle part: "sommerlukning" for "sommerferielukning" (first part and head
    // the same, something between), when the word itself is unknown.
    if (term.length >= 8 && !postings.has(term)) {
      for (const split of compoundSplits(term)) {
        const reversedHead = [...split.head].reverse().join('');
        const candidates = [...range(vocabulary, split.modifier), ...range(reversed, reversedHead).map((r) => [...r].reverse().join(''))];
        for (const t of candidates) if (t.length >= term.length + 3 && t.startsWith(split.modifier) && t.endsWith(split.head)) note(t, INSERTED_PART_QUALITY);
      }
    }
    if (found.size === 0 && term.length >= 5) {
      const max = term.length >= 8 ? 2 : 1;
      // Only words with the same first letter and a length within `max`: a few buckets, not the letter's whole run
      // of the vocabulary; the matches are noted in vocabulary order, as a scan of that run would note them.
      const hits: Array<{ readonly term: string; readonly at: number }> = [];
      for (let length = term.length - max; length <= term.length + max; length++) {
        for (const entry of typoBuckets.get(`${term[0]}:${length}`) ?? []) if (boundedEditDistance(term, entry.term, max) <= max) hits.push(entry);
      }
      hits.sort((a, b) => a.at - b.at);
      for (const hit of hits) note(hit.term, TYPO_QUALITY);
    }
    // The exact term first, then the surest partial matches; a common prefix must not fan out widely.
    const result = [...found]
      .map(([t, quality]) => ({ term: t, quality }))
      .sort((a, b) => b.quality - a.quality || idf(b.term) - idf(a.term))
      .slice(0, MAX_EXPANSIONS);
    if (expansionCache.size < 50_000) expansionCache.set(term, result);
    return result;
  };

  // Splits a Danish compound the vocabulary does not know into known parts:
  // "stabslederstillingen" -> "stabsleder" + "stillingen" (a generic word, dropped).
  const splitCompound = (form: string): string[][] => {
    if (form.length < 8) return [];
    // A stop word is no part of a compound ("somme" in "sommerferien" stems to "som").
    const known = (word: string) => stemsOf(word).filter((t) => postings.has(t) && !STOPWORDS.has(t));
    for (let k = form.length - 4; k >= 4; k--) {
      const left = form.slice(0, k);
      const right = form.slice(k);
      const leftTerms = known(left).length > 0 ? known(left) : /[se]$/.test(left) ? known(left.slice(0, -1)) : [];
      if (leftTerms.length === 0) continue;
      if (GENERIC_WORDS.has(right) || STOPWORDS.has(right)) return [leftTerms];
      const rightTerms = known(right);
      if (rightTerms.length > 0) return [leftTerms, rightTerms];
    }
    return [];
  };

  const queryTerms: SearchIndex['queryTerms'] = (tokens, extraStopwords) => {
    const seen = new Set<string>();
    const out: QueryTerm[] = [];
    tokens.forEach((token, at) => {
      if (STOPWORDS.has(token.form) || GENERIC_WORDS.has(token.form) || extraStopwords?.has(token.form)) return;
      // The joined form of a hyphenated word ("put-konsulenterne": "putkonsulenterne") that the documents do not use is
      // its parts, which are words of the question already: it asks nothing more.
      if (at >= 2 && !token.terms.some((t) => postings.has(t)) && joinsBefore(tokens, at)) return;
      // No word is longer than MAX_WORD; longer "words" are noise and would make matching quadratic.
      if (token.form.length < 2 || token.form.length > MAX_WORD || seen.has(token.form)) return;
      if (out.length >= MAX_QUERY_TERMS) return;
      seen.add(token.form);
      const key = token.terms.length === 1 && token.terms[0] === token.form ? token.form : `${token.form}\u0000${token.terms.join(' ')}`;
      let known = termCache.get(key);
      if (!known) {
        known = queryTermOf(token);
        if (termCache.size < 50_000) termCache.set(key, known);
      }
      out.push(known.parts ? { token, weight: known.weight, expansions: known.expansions, parts: known.parts } : { token, weight: known.weight, expansions: known.expansions });
    });
    return withNeighbourCompounds(out);
  };

  /** True when a token is the words right before it written together (the joined form `tokenize` adds for "a-b"). */
  const joinsBefore = (tokens: readonly Token[], at: number): boolean => {
    const form = tokens[at]!.form;
    let joined = '';
    for (let k = at - 1; k >= 0 && joined.length < form.length; k--) {
      joined = tokens[k]!.form + joined;
      if (joined === form) return at - k >= 2;
    }
    return false;
  };
  /** The terms the documents use for a compound of two words written together ("hjemmearbejde", its stem). */
  const compoundTerms = (word: string): string[] => [...new Set([word, ...stemsOf(word)])].filter((t) => postings.has(t));
  /**
   * Two neighbouring words that the documents write as one compound, in either order ("arbejde hjemme" for
   * "hjemmearbejde", "leder møde" for "ledermøde"): each is matched by the compound as surely as a compound's part.
   */
  const withNeighbourCompounds = (terms: QueryTerm[]): QueryTerm[] => {
    for (let i = 0; i + 1 < terms.length; i++) {
      const a = terms[i]!;
      const b = terms[i + 1]!;
      if (b.token.index !== a.token.index + 1 || a.token.form.length < 3 || b.token.form.length < 3) continue;
      let found = compoundTerms(a.token.form + b.token.form);
      if (found.length === 0) found = compoundTerms(b.token.form + a.token.form);
      if (found.length === 0) continue;
      const add = (q: QueryTerm): QueryTerm => ({
        ...q,
        expansions: [...q.expansions.filter((e) => !found.includes(e.term)), ...found.map((term) => ({ term, quality: COMPOUND_PART_QUALITY }))],
      });
      terms[i] = add(a);
      terms[i + 1] = add(b);
    }
    return terms;
  };

  // A word's weight and expansions depend on its form and terms only (and on this index): worked out once per word,
  // not per question (the same words recur, and each question reads its words twice: the search and the floor).
  const termCache = new Map<string, Omit<QueryTerm, 'token'>>();
  const queryTermOf = (token: Token): Omit<QueryTerm, 'token'> => {
    const expansions = new Map<string, number>();
    for (const term of token.terms) for (const e of expand(term)) expansions.set(e.term, Math.max(expansions.get(e.term) ?? 0, e.quality));
    let exact = token.terms.filter((t) => postings.has(t));
    // Own keys only: "constructor" must not find Object.prototype.constructor.
    const synonym = synonyms.get(token.form);
    if (exact.length === 0 && synonym) {
      // "economy" is "finances" in the data's English: match the data's word instead.
      const stems = tokenize(synonym).flatMap(stemsOf);
      exact = stems.filter((t) => postings.has(t));
      for (const term of exact) expansions.set(term, 0.9);
      // The data's word only inside compounds ("lukning" in "sommerferielukning"): its partial matches, a little less sure.
      if (exact.length === 0) for (const e of stems.flatMap(expand)) expansions.set(e.term, Math.max(expansions.get(e.term) ?? 0, e.quality * 0.9));
    }
    // A Danish definite or plural form the stemmer cuts too far ("sommeren" -> "som"): the word without its ending.
    // (Also when the short stem is itself a word of the documents: "som" is no part of "sommerlukning", whose first part
    // the form without its ending, "sommer", is; a stem under four letters reaches no compound.)
    const overStemmed = token.terms.every((t) => t === token.form || t.length < MIN_PREFIX);
    if ((expansions.size === 0 && exact.length === 0) || overStemmed) {
      const ending = DANISH_ENDINGS.find((e) => token.form.endsWith(e) && token.form.length - e.length >= 5);
      if (ending) for (const e of expand(token.form.slice(0, -ending.length))) expansions.set(e.term, Math.max(expansions.get(e.term) ?? 0, e.quality * 0.9));
    }
    const groups = exact.length > 0 ? [] : splitCompound(token.form);
    const parts = groups.flat();
    // A compound split into known words is surer than guesses from its prefixes and suffixes.
    if (parts.length > 0) expansions.clear();
    for (const term of parts) expansions.set(term, COMPOUND_PART_QUALITY);
    // An unknown compound weighs as its rarest known part, a misspelt word ("kobenhavn") as the word it
    // stands for; only a wholly unknown word weighs most.
    const typoOf = [...expansions].filter(([, quality]) => quality === TYPO_QUALITY).map(([term]) => term);
    const weight =
      exact.length > 0
        ? Math.max(...exact.map((t) => idf(t) * (nameTerms.has(t) ? 1 : TEXT_ONLY_FACTOR)))
        : parts.length > 0
          ? Math.max(...parts.map(idf))
          : typoOf.length > 0
            ? Math.max(...typoOf.map(idf))
            : // A short unknown word is more often a word of the question ("gav", "did") than a name.
              token.form.length <= SHORT_WORD
              ? maxIdf * SHORT_UNKNOWN_FACTOR
              : maxIdf;
    return { weight, expansions: [...expansions].map(([term, quality]) => ({ term, quality })), ...(groups.length > 1 && { parts: groups }) };
  };

  const explainOne = (q: QueryTerm, quality: number, term: string) => (quality * Math.min(idf(term), q.weight)) / q.weight;

  // Scratch arrays, one number per fact, allocated once and cleared entry by entry after use:
  // allocating them per question would cost as much as the knowledge base is large. The facts touched are listed in
  // scratch arrays too (a common word touches tens of thousands of facts at scale: a growing array per question and
  // term would be allocated and copied again and again).
  const termBest = new Float64Array(facts.length);
  const termDirect = new Float64Array(facts.length);
  const termSeen = new Uint8Array(facts.length);
  const coverageOf = new Float64Array(facts.length);
  const directOf = new Float64Array(facts.length);
  const seen = new Uint8Array(facts.length);
  const candidate = new Uint8Array(facts.length);
  const touched = new Int32Array(facts.length);
  const touchedByTerm = new Int32Array(facts.length);
  const candidates = new Int32Array(facts.length);

  // A scope's facts lie in a few runs of positions (a municipality's facts of each kind come together), while a common
  // word's postings run over every municipality (100 thousand facts at 100x, a scope of a few hundred): a scoped search
  // visits only the postings inside the runs, found by binary search, instead of testing every posting against the
  // scope's flags. `windowsOf` writes the [from, to) stretches of a postings list to visit into `into` (the whole list
  // when there is no scope or the list is short) and returns how many numbers it wrote; the flags are still tested.
  const windowsOf = (list: readonly number[], scope: Scope | undefined, into: Int32Array): number => {
    const runs = scope?.runs;
    // (A binary search per run costs about its list's logarithm: a short list is cheaper to scan.)
    if (runs === undefined || list.length <= runs.length * WINDOW_SCAN_FACTOR) {
      into[0] = 0;
      into[1] = list.length;
      return 2;
    }
    let n = 0;
    let from = 0;
    for (let r = 0; r < runs.length && from < list.length; r += 2) {
      // Postings are `factIndex * 2 + field`, in ascending order.
      from = lowerBoundNumber(list, runs[r]! * 2, from);
      const end = runs[r + 1]! * 2;
      let to = from;
      while (to < list.length && list[to]! < end) to++;
      if (to > from) {
        into[n++] = from;
        into[n++] = to;
      }
      from = to;
    }
    return n;
  };
  // (One per loop that visits postings: `reachesIn` asks `accept` between its postings.)
  let scoreWindows = new Int32Array(64);
  let reachWindows = new Int32Array(64);

  // `scope`: the facts in scope (flags and runs), or undefined for every fact; `kind`: the code of the only kind
  // scored, or -1 for every kind.
  // The matches too weak to lift a fact to `minCoverage` (MaxScore's non-essential lists): a word explains at most
  // what its best match in a fact is worth (`explainOne` times the word's weight, at most the weight), so a fact that
  // only weak matches touch, whose best weak match per word sums under `minCoverage`, cannot reach it. The weakest
  // matches are taken first, each word's expansions apart: a common word's matches, and a word's loose ones ("dagtilbud"
  // as the first part of "dagtilbudschef", half sure and a word of thousands of facts, when the whole word is rarer).
  // `weak[i][k]` for the k-th expansion of the i-th word; undefined when no match is weak.
  const weakMatchesOf = (query: readonly QueryTerm[], minCoverage: number, totalWeight: number): boolean[][] | undefined => {
    if (minCoverage <= 0) return undefined;
    const lists: Array<{ readonly i: number; readonly k: number; readonly worth: number }> = [];
    query.forEach((q, i) => q.expansions.forEach((e, k) => lists.push({ i, k, worth: explainOne(q, e.quality, e.term) * q.weight })));
    lists.sort((a, b) => a.worth - b.worth || a.i - b.i || a.k - b.k);
    // (A margin under the bound: the sums are floating point.)
    const bound = minCoverage * totalWeight * (1 - 1e-9);
    const best = new Float64Array(query.length);
    let sum = 0;
    let weak: boolean[][] | undefined;
    for (const { i, k, worth } of lists) {
      // (In ascending order: a word's new weak match is its best so far.)
      const next = sum - best[i]! + Math.max(best[i]!, worth);
      if (next >= bound) continue;
      sum = next;
      best[i] = Math.max(best[i]!, worth);
      weak ??= query.map((q) => q.expansions.map(() => false));
      weak[i]![k] = true;
    }
    return weak;
  };

  // The loops over postings are small functions of their own, shared by every kind of search (with a scope or not, one
  // kind or all, with candidates or not): V8 optimises a small function within a few calls, and its type feedback is
  // complete after its first use. Inside one large function, each branch a question takes for the first time (a scope,
  // a kind, candidates) found the optimised code without feedback for it: V8 deoptimised it, the question's tens of
  // thousands of postings ran in the interpreter (a boxed number per posting), and the large function took 0.1–0.3 s to
  // optimise again. The loops test flags without a branch on their presence: `everyFact` stands for "no scope" and for
  // "no candidates".
  const everyFact = new Uint8Array(facts.length).fill(1);
  /** Notes the facts of `list[from, to)` that `allowed` keeps and are of `kind` (-1: any) as candidates; returns the count. */
  const noteCandidates = (list: readonly number[], from: number, to: number, allowed: Uint8Array, kind: number, count: number): number => {
    for (let p = from; p < to; p++) {
      const factIndex = list[p]! >> 1;
      if (allowed[factIndex] === 0 || (kind !== -1 && kindOf[factIndex] !== kind) || candidate[factIndex] === 1) continue;
      candidate[factIndex] = 1;
      candidates[count++] = factIndex;
    }
    return count;
  };
  /**
   * One match's postings in `list[from, to)`: each fact's best value of the word so far (`termBest`, `termDirect`), the
   * facts the word touched listed in `touchedByTerm` from `termCount` on; returns the new count.
   */
  const notePostings = (list: readonly number[], from: number, to: number, allowed: Uint8Array, kind: number, only: Uint8Array, value: number, contextValue: number, termCount: number): number => {
    for (let p = from; p < to; p++) {
      const posting = list[p]!;
      const factIndex = posting >> 1;
      if (allowed[factIndex] === 0 || (kind !== -1 && kindOf[factIndex] !== kind) || only[factIndex] === 0) continue;
      const isDirect = (posting & 1) === DIRECT;
      if (termSeen[factIndex] === 0) {
        termSeen[factIndex] = 1;
        touchedByTerm[termCount++] = factIndex;
      }
      const v = isDirect ? value : contextValue;
      if (v > termBest[factIndex]!) termBest[factIndex] = v;
      if (isDirect && value > termDirect[factIndex]!) termDirect[factIndex] = value;
    }
    return termCount;
  };
  /** Adds a word's values (weighted) to the facts it touched and lists the facts touched first; returns their count. */
  const addTerm = (termCount: number, weight: number, touchedCount: number): number => {
    for (let t = 0; t < termCount; t++) {
      const factIndex = touchedByTerm[t]!;
      coverageOf[factIndex] = coverageOf[factIndex]! + termBest[factIndex]! * weight;
      directOf[factIndex] = directOf[factIndex]! + termDirect[factIndex]! * weight;
      termBest[factIndex] = 0;
      termDirect[factIndex] = 0;
      termSeen[factIndex] = 0;
      if (seen[factIndex] === 0) {
        seen[factIndex] = 1;
        touched[touchedCount++] = factIndex;
      }
    }
    return touchedCount;
  };

  const scoreIn = (scope: Scope | undefined, kind: number, query: readonly QueryTerm[], filter?: (fact: FactRecord) => boolean, minCoverage = 0, ordered = true): ScoredFact[] => {
    const allowed = scope?.allowed ?? everyFact;
    if (scope && scoreWindows.length < scope.runs.length + 2) scoreWindows = new Int32Array(scope.runs.length + 2);
    const windows = scoreWindows;
    const totalWeight = query.reduce((sum, q) => sum + q.weight, 0) || 1;
    // A fact that only weak matches touch cannot reach `minCoverage` (`weakMatchesOf`): those matches are left out of
    // finding the facts (the others find them) and only add to the facts found.
    let only = everyFact;
    let candidateCount = 0;
    const weak = weakMatchesOf(query, minCoverage, totalWeight);
    if (weak !== undefined) {
      only = candidate;
      for (let i = 0; i < query.length; i++) {
        const expansions = query[i]!.expansions;
        for (let k = 0; k < expansions.length; k++) {
          if (weak[i]![k]) continue;
          const list = postings.get(expansions[k]!.term);
          if (list === undefined) continue;
          for (let w = 0, n = windowsOf(list, scope, windows); w < n; w += 2) candidateCount = noteCandidates(list, windows[w]!, windows[w + 1]!, allowed, kind, candidateCount);
        }
      }
    }
    let touchedCount = 0;
    for (let i = 0; i < query.length; i++) {
      const q = query[i]!;
      // A word counts once per fact, by its best match among its expansions.
      let termCount = 0;
      for (let k = 0; k < q.expansions.length; k++) {
        const e = q.expansions[k]!;
        const value = explainOne(q, e.quality, e.term);
        const contextValue = value * CONTEXT_FACTOR;
        const list = postings.get(e.term);
        if (list === undefined) continue;
        for (let w = 0, n = windowsOf(list, scope, windows); w < n; w += 2) termCount = notePostings(list, windows[w]!, windows[w + 1]!, allowed, kind, only, value, contextValue, termCount);
      }
      touchedCount = addTerm(termCount, q.weight, touchedCount);
    }
    for (let c = 0; c < candidateCount; c++) candidate[candidates[c]!] = 0;
    const results: ScoredFact[] = [];
    for (let t = 0; t < touchedCount; t++) {
      const factIndex = touched[t]!;
      const fact = facts[factIndex]!;
      const coverage = coverageOf[factIndex]! / totalWeight;
      const directCoverage = directOf[factIndex]! / totalWeight;
      coverageOf[factIndex] = 0;
      directOf[factIndex] = 0;
      seen[factIndex] = 0;
      if (coverage < minCoverage || (filter && !filter(fact))) continue;
      results.push({ fact, coverage, directCoverage });
    }
    return ordered ? results.sort(byCoverage) : results;
  };
  // Each fact's kind as a small number, so that scoring one kind skips the others' postings with one comparison.
  const kindCodes = new Map<FactKind, number>();
  const kindOf = new Uint8Array(facts.length);
  facts.forEach((fact, i) => {
    let code = kindCodes.get(fact.kind);
    if (code === undefined) kindCodes.set(fact.kind, (code = kindCodes.size + 1));
    kindOf[i] = code;
  });
  // A kind no fact has: no fact passes (code 0 is never given).
  const kindCode = (kind: FactKind | undefined): number => (kind === undefined ? -1 : (kindCodes.get(kind) ?? 0));
  const score: SearchIndex['score'] = (query, filter, kind, minCoverage) => scoreIn(undefined, kindCode(kind), query, filter, minCoverage);
  // One fact's coverage as `scoreIn` sums it (the same values in the same order), from the fact's own term sets.
  const coverageOfFact = (fact: FactRecord, query: readonly QueryTerm[], totalWeight: number): number => {
    let sum = 0;
    for (const q of query) {
      let best = 0;
      let touched = false;
      for (const e of q.expansions) {
        const direct = fact.textTerms.has(e.term) || fact.ownTerms.has(e.term);
        if (!direct && !fact.contextTerms.has(e.term)) continue;
        touched = true;
        const value = explainOne(q, e.quality, e.term);
        const v = direct ? value : value * CONTEXT_FACTOR;
        if (v > best) best = v;
      }
      if (touched) sum = sum + best * q.weight;
    }
    return sum / totalWeight;
  };
  // Each `accept` key's answers, one byte per fact (0: not asked yet, 1: refused, 2: taken).
  const accepted = new Map<string, Uint8Array>();
  const reachesIn = (scope: Scope | undefined, query: readonly QueryTerm[], minCoverage: number, acceptKey: string, accept: (fact: FactRecord) => boolean): boolean => {
    if (query.length === 0) return false;
    const allowed = scope?.allowed;
    if (scope && reachWindows.length < scope.runs.length + 2) reachWindows = new Int32Array(scope.runs.length + 2);
    const windows = reachWindows;
    const totalWeight = query.reduce((sum, q) => sum + q.weight, 0) || 1;
    let taken = accepted.get(acceptKey);
    if (!taken) accepted.set(acceptKey, (taken = new Uint8Array(facts.length)));
    const weak = weakMatchesOf(query, minCoverage, totalWeight);
    let found = false;
    let count = 0;
    search: for (let i = 0; i < query.length; i++) {
      const expansions = query[i]!.expansions;
      for (let k = 0; k < expansions.length; k++) {
        if (weak?.[i]![k]) continue;
        const list = postings.get(expansions[k]!.term);
        if (list === undefined) continue;
        for (let w = 0, n = windowsOf(list, scope, windows); w < n; w += 2) {
          for (let p = windows[w]!, to = windows[w + 1]!; p < to; p++) {
            const factIndex = list[p]! >> 1;
            if ((allowed !== undefined && allowed[factIndex] === 0) || candidate[factIndex] === 1) continue;
            candidate[factIndex] = 1;
            candidates[count++] = factIndex;
            if (taken[factIndex] === 0) taken[factIndex] = accept(facts[factIndex]!) ? 2 : 1;
            if (taken[factIndex] === 2 && coverageOfFact(facts[factIndex]!, query, totalWeight) >= minCoverage) {
              found = true;
              break search;
            }
          }
        }
      }
    }
    for (let c = 0; c < count; c++) candidate[candidates[c]!] = 0;
    return found;
  };

  // Asked for many items per question (every unit a leader question could mean): plain loops, no arrays per term.
  // `Math.max` step by step gives what `Math.max(0, ...values)` gives.
  const explain: SearchIndex['explain'] = (query, terms, minQuality = 0) =>
    query.map((q) => {
      let best = 0;
      for (const e of q.expansions) if (e.quality >= minQuality && terms.has(e.term)) best = Math.max(best, explainOne(q, e.quality, e.term));
      return best;
    });

  const explainSurely: SearchIndex['explainSurely'] = (query, terms) =>
    query.map((q) => {
      // A typo of a long word is as sure as the word; a short word's near miss is often another word ("mayor", "major").
      const typoSure = q.token.form.length >= SURE_TYPO_LENGTH;
      let best = 0;
      for (const e of q.expansions) if ((e.quality !== TYPO_QUALITY || typoSure) && terms.has(e.term)) best = Math.max(best, explainOne(q, e.quality, e.term));
      // A compound known only as parts is explained as well as its least explained part.
      if (q.parts) for (const part of q.parts) best = Math.min(best, Math.max(0, ...part.filter((t) => terms.has(t)).map((t) => explainOne(q, COMPOUND_PART_QUALITY, t))));
      return best;
    });

  const knows = (form: string) => stemsOf(form).some((t) => postings.has(t));
  const isName = (q: QueryTerm) => q.token.terms.some((t) => nameTerms.has(t));

  const restrictWithin = (within: Uint8Array | undefined, factIndices: Iterable<number>): SearchIndex => {
    const allowed = new Uint8Array(facts.length);
    const positions: number[] = [];
    for (const i of factIndices) {
      if ((within === undefined || within[i] === 1) && allowed[i] === 0) {
        allowed[i] = 1;
        positions.push(i);
      }
    }
    // The kept facts in the index's order, from their own positions (not a pass over every fact).
    positions.sort((a, b) => a - b);
    const kept = positions.map((i) => facts[i]!);
    // The runs of consecutive positions, as [start, end) pairs.
    const runs: number[] = [];
    for (let k = 0; k < positions.length; k++) {
      if (k > 0 && positions[k]! === positions[k - 1]! + 1) runs[runs.length - 1] = positions[k]! + 1;
      else runs.push(positions[k]!, positions[k]! + 1);
    }
    const scope: Scope = { allowed, runs: Int32Array.from(runs) };
    return {
      facts: kept,
      queryTerms,
      score: (query, filter, kind, minCoverage) => scoreIn(scope, kindCode(kind), query, filter, minCoverage),
      reaches: (query, minCoverage, acceptKey, accept) => reachesIn(scope, query, minCoverage, acceptKey, accept),
      scoreUnordered: (query, minCoverage, kind) => scoreIn(scope, kindCode(kind), query, undefined, minCoverage, false),
      explain,
      explainSurely,
      ownedBy: (owner) => (positionsByOwner.get(owner) ?? []).filter((i) => allowed[i] === 1).map((i) => facts[i]!),
      knows,
      isName,
      restrictTo: (more) => restrictWithin(allowed, more),
    };
  };

  const ownedBy = (owner: string) => (positionsByOwner.get(owner) ?? []).map((i) => facts[i]!);
  const reaches: SearchIndex['reaches'] = (query, minCoverage, acceptKey, accept) => reachesIn(undefined, query, minCoverage, acceptKey, accept);
  const scoreUnordered: SearchIndex['scoreUnordered'] = (query, minCoverage, kind) => scoreIn(undefined, kindCode(kind), query, undefined, minCoverage, false);
  return { facts, queryTerms, score, reaches, scoreUnordered, explain, explainSurely, ownedBy, knows, isName, restrictTo: (factIndices) => restrictWithin(undefined, factIndices) };
}

/** `score`'s order: the most covered first, then the most covered directly (the sort is stable: then as found). */
export function byCoverage(a: ScoredFact, b: ScoredFact): number {
  return b.coverage - a.coverage || b.directCoverage - a.directCoverage;
}

/** The first position, from `from` on, in an ascending list of numbers whose number is not below `key`. */
function lowerBoundNumber(sorted: readonly number[], key: number, from: number): number {
  let lo = from;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first position in a sorted list whose string is not below `key`. */
function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
