/**
 * What every kind of answer shares: the per-question context, composition of the Answer value,
 * the honest "I don't know", and small helpers over the facts in scope.
 */
import type { KbItem, KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Source } from '../knowledge/schemas.js';
import { definiteName, displayName, namesOf, type FactKind, type FactRecord } from './facts.js';
import { phrasesFor } from './phrases.js';
import { formatDate } from '../time/format-date.js';
import { shorten } from './render.js';
import type { QueryTerm, SearchIndex } from './search.js';
import type { Answer, AnswererOptions, AnswerSection, AnswerSource, Lang } from './types.js';
import { suggestQuestions } from './suggestions.js';
import type { Attribute } from './lexicon/lexicon.js';
import type { Token } from './normalize.js';

/** A question is answered only when the best facts explain at least this share of it. */
export const ANSWER_THRESHOLD = 0.6;
/** Structured answers (dates, contacts, reporting lines, figures) may explain less of the rest. */
export const STRUCTURED_THRESHOLD = 0.45;
/** Facts within this distance of the best are answered together. */
export const NEAR_BEST = 0.1;
/** The most lines one section shows. */
export const MAX_LINES = 8;

/** A line of an answer with the fact it came from. */
export interface Line {
  readonly text: string;
  readonly fact?: FactRecord;
  readonly chat?: boolean;
}

/** What one question is answered with: the knowledge base, the facts in scope and what the question names. */
export interface Context {
  readonly kb: KnowledgeBase;
  /** The facts in scope of this question (all, or those of the municipalities it names). */
  readonly index: SearchIndex;
  readonly ownTerms: (id: string) => ReadonlySet<string>;
  /** An item's names of two words or more (or one long word), as folded token strings. */
  readonly fullNames: (id: string) => readonly string[];
  /** Each fact's position in the knowledge base (document order). */
  readonly order: ReadonlyMap<FactRecord, number>;
  /** How many `detail` facts each item has (the size of a list). */
  readonly detailCounts: ReadonlyMap<string, number>;
  readonly options: AnswererOptions;
  /** Municipalities the question names; empty when it names none. */
  readonly municipalities: ReadonlySet<string>;
  /** Items that can be named in full (roles, units, postings, people, ...), by id. */
  readonly namedCandidates: ReadonlySet<string>;
  /** The items (those and concepts) whose full name the text contains. */
  readonly namesIn: (text: string) => ReadonlySet<string>;
  /** Items this question names in full; empty when none. */
  readonly named: ReadonlySet<string>;
  /** The same, concepts included ("kompleks problemløsning"): for ranking, not for filtering. */
  readonly namedAny: ReadonlySet<string>;
  /** True when a text states the attribute (its cue words occur in it). */
  readonly saysAttribute?: (text: string, attribute: Attribute) => boolean;
  /** True when a text states a time: a number, a month, or a word of recurrence ("hvert andet år", "dagligt"). */
  readonly statesTime?: (text: string) => boolean;
  /** The positions of the lexicon's sequence words ("first", "sidste", "after") in a question's tokens. */
  readonly sequenceAt?: (tokens: readonly Token[]) => ReadonlySet<number>;
  /** Which of the lexicon's sequence words a question says: "first", "last", "after". */
  readonly sequenceSaid?: (tokens: readonly Token[]) => ReadonlySet<string>;
  /** The kinds of date a dated fact's label names by the lexicon's cues ("Frist for indberetning af …": a reporting deadline). */
  readonly dateKindsSaid?: (fact: FactRecord) => ReadonlySet<string>;
  /** The positions of every cue of the given question kinds in the tokens ("hvornår" and "hvilken ugedag" both ask when). */
  readonly kindCuesAt?: (tokens: readonly Token[], kinds: ReadonlySet<string>) => ReadonlySet<number>;
}

/** True when a fact belongs to one of the items the question names (or it names none). */
export function belongsToNamed(ctx: Context, fact: FactRecord): boolean {
  if (ctx.named.size === 0) return true;
  // The same test from the smaller side: a name many items share may name thousands of them.
  if (ctx.named.size > fact.related.size) {
    for (const id of fact.related) if (ctx.named.has(id)) return true;
    return false;
  }
  for (const id of ctx.named) if (fact.related.has(id)) return true;
  return false;
}

const relatedIndexes = new WeakMap<readonly FactRecord[], Map<FactKind, Map<string, FactRecord[]>>>();

/**
 * The facts of one kind in scope that belong to something the question names ({@link belongsToNamed}), or undefined
 * when it names nothing (then all do). Read from an index of the kind's facts by each related item (made once per
 * fact list and kind), not tested fact by fact: at 100x a date's related items and the items a name means both run
 * to hundreds.
 */
export function factsBelongingToNamed(ctx: Context, kind: FactKind): ReadonlySet<FactRecord> | undefined {
  if (ctx.named.size === 0) return undefined;
  const byRelated = relatedIndexOf(ctx.index.facts, kind);
  const out = new Set<FactRecord>();
  for (const id of ctx.named) for (const fact of byRelated.get(id) ?? []) out.add(fact);
  return out;
}

/** The facts of one kind of a fact list by each item they are related to (the answerer makes the dates' for its whole index). */
export function relatedIndexOf(all: readonly FactRecord[], kind: FactKind): ReadonlyMap<string, readonly FactRecord[]> {
  let byKind = relatedIndexes.get(all);
  if (!byKind) relatedIndexes.set(all, (byKind = new Map()));
  let byRelated = byKind.get(kind);
  if (!byRelated) {
    byRelated = new Map();
    for (const fact of factsByKind(all).get(kind) ?? []) {
      for (const id of fact.related) {
        const list = byRelated.get(id);
        if (list) list.push(fact);
        else byRelated.set(id, [fact]);
      }
    }
    byKind.set(kind, byRelated);
  }
  return byRelated;
}

/** True when two items share a name (the same role in two municipalities, say). */
export function sharesName(ctx: Context, a: string, b: string): boolean {
  const ea = ctx.kb.get(a);
  const eb = ctx.kb.get(b);
  if (!ea || !eb || ea.kind !== eb.kind) return false;
  const na = new Set(namesOf(ea).map((n) => n.toLowerCase()));
  return namesOf(eb).some((n) => na.has(n.toLowerCase()));
}


/** An answer before composition: kind, headline and the lines behind it. */
export interface Draft {
  readonly kind: Answer['kind'];
  readonly headline: string;
  readonly groups: ReadonlyArray<{ readonly title: string; readonly lines: readonly Line[] }>;
  /** Facts to cite besides those behind the lines. */
  readonly cite?: readonly FactRecord[];
  /** The source to cite when no fact is behind the answer (an item's own source). */
  readonly fallbackSource?: Source;
}

/** The most supporting lines an answer shows at once; the rest go to `details` ("Show more"). */
export const MAX_SUPPORT_LINES = 5;
/** The most further lines behind "Show more" (the sources' wording comes on top). */
export const MAX_DETAIL_LINES = 4;
/** The longest first line, in characters: one or two sentences. */
export const HEADLINE_MAX = 250;

/** Composes the Answer value, answer first: a short headline, at most five lines, the rest as details. */
export function compose(ctx: Context, lang: Lang, draft: Draft): Answer {
  const cited = [...(draft.cite ?? []), ...draft.groups.flatMap((g) => g.lines.map((l) => l.fact))].filter(
    (f): f is FactRecord => f !== undefined,
  );
  const backing = cited.length > 0 || !draft.fallbackSource ? cited.map((f) => f.source) : [draft.fallbackSource];
  return composeAnswer(ctx.kb, lang, {
    kind: draft.kind,
    headline: draft.headline,
    groups: draft.groups.map((g) => ({ title: g.title, lines: g.lines.map((l) => l.text) })),
    sources: backing,
  });
}

/** What {@link composeAnswer} needs: plain lines and the sources behind them. */
export interface ShortDraft {
  readonly kind: Answer['kind'];
  readonly headline: string;
  readonly groups: ReadonlyArray<{ readonly title: string; readonly lines: readonly string[] }>;
  readonly details?: readonly string[];
  readonly sources: readonly Source[];
  /** The lines are a list that is the answer (every date of a month): all of it goes behind "Show more". */
  readonly complete?: boolean;
}

/**
 * The one place an Answer value is shaped: the headline cut to {@link HEADLINE_MAX} (the whole of it
 * moves to the details), at most {@link MAX_SUPPORT_LINES} lines, each document once by its title,
 * and its quoted wording with the details.
 */
export function composeAnswer(kb: KnowledgeBase, lang: Lang, draft: ShortDraft): Answer {
  const quotes = new Map<string, string[]>();
  for (const source of draft.sources) {
    const list = quotes.get(source.doc) ?? [];
    // English answers quote one more: the Danish wording is the official one, and the reader may need it.
    if (list.length < (lang === 'en' ? 3 : 2) && !list.includes(source.quote)) list.push(source.quote);
    quotes.set(source.doc, list);
  }
  const sources: AnswerSource[] = [...quotes].map(([docId, list]) => {
    const doc = kb.documents.get(docId);
    return { doc: docId, title: doc ? (lang === 'da' ? doc.title : doc.titleEn) : docId, quote: list.map((q) => shorten(q, 140)).join(' … ') };
  });
  // English names that carry their own article ("the Day Care Act") meet templates that add one ("the ${name}").
  const tidy = (text: string) => (lang === 'en' ? text.replace(/\b(the) the\b/gi, '$1') : text);
  draft = { ...draft, headline: tidy(draft.headline), groups: draft.groups.map((g) => ({ title: tidy(g.title), lines: g.lines.map(tidy) })) };
  const details: string[] = [];
  let headline = draft.headline;
  if (headline.length > HEADLINE_MAX) {
    // The first line is cut at a word; the rest of it leads the details.
    const cut = shorten(headline, HEADLINE_MAX - 2);
    details.push(`… ${headline.slice(cut.length - 2).trim()}`);
    headline = cut;
  }
  let budget = MAX_SUPPORT_LINES;
  const sections: AnswerSection[] = [];
  for (const group of draft.groups) {
    const lines = unique(group.lines).filter((text) => text !== draft.headline && text !== headline);
    const shown = lines.slice(0, Math.max(0, budget));
    budget -= shown.length;
    for (const rest of lines.slice(shown.length)) details.push(group.title ? `${group.title}: ${rest}` : rest);
    if (shown.length > 0 || (group.title && lines.length === 0 && budget > 0)) sections.push({ title: group.title, lines: shown });
  }
  details.push(...(draft.details ?? []));
  // "Show more" is for the next few things worth knowing, not the whole document.
  const shownDetails = unique(details).slice(0, draft.complete ? undefined : MAX_DETAIL_LINES);
  // A quote's wording backs the answer; a quote that also states other figures ("17 børnehuse med ca.
  // 1.300 børn" for a count of children) would put numbers in the reply that do not answer it.
  const said = new Set([headline, ...sections.flatMap((s) => s.lines), ...shownDetails].join(' ').match(/\d+/g) ?? []);
  const quotable = (quote?: string) => quote !== undefined && (quote.match(/\d+/g) ?? []).every((n) => said.has(n));
  // Nor is a quote worth its room when the reply already says every word of it (a Danish answer that is the
  // source's own sentence): the source's title below the card still names where it comes from.
  const shownWords = wordsOf([headline, ...sections.flatMap((s) => [s.title, ...s.lines]), ...shownDetails].join(' '));
  const adds = (quote?: string) => quote !== undefined && [...wordsOf(quote)].some((word) => !shownWords.has(word));
  for (const source of sources.slice(0, 1)) {
    // The source's title is the line below the card; the quote needs no second copy of it.
    if (quotable(source.quote) && adds(source.quote)) shownDetails.push(`»${source.quote}«`);
  }
  // A card that shows the quote with the source must not show one that states other figures either.
  // (A quote the reply already says stays on the source: it is still what backs the answer.)
  const cited = sources.map((source) => (quotable(source.quote) ? source : { doc: source.doc, title: source.title }));
  return { kind: draft.kind, lang, headline, sections, details: shownDetails, sources: cited, suggestions: [] };
}

/** The words of a text that carry meaning (numbers, and words of three letters or more), lower-cased. */
function wordsOf(text: string): Set<string> {
  return new Set((text.toLocaleLowerCase('da').match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => word.length >= 3 || /\p{N}/u.test(word)));
}

const suggestionCache = new WeakMap<KnowledgeBase, Map<Lang, readonly string[]>>();
/** The example questions of a knowledge base, built once per language. */
function suggestionsOf(kb: KnowledgeBase, lang: Lang): readonly string[] {
  let byLang = suggestionCache.get(kb);
  if (!byLang) suggestionCache.set(kb, (byLang = new Map()));
  let list = byLang.get(lang);
  if (!list) byLang.set(lang, (list = suggestQuestions(kb, lang)));
  return list;
}

/** The honest "I don't know", with questions the knowledge base can answer. */
export function unknown(ctx: Context, lang: Lang, headline?: string): Answer {
  const p = phrasesFor(lang);
  return {
    kind: 'unknown',
    lang,
    headline: headline ?? p.unknown,
    sections: [],
    details: [],
    sources: [],
    suggestions: suggestionsOf(ctx.kb, lang),
  };
}


const byKindCache = new WeakMap<readonly FactRecord[], Map<FactKind, FactRecord[]>>();
/** The facts of one kind in scope, grouped once per fact list rather than filtered per question. */
export function factsOf(ctx: Context, kind: FactKind): readonly FactRecord[] {
  return factsByKind(ctx.index.facts).get(kind) ?? [];
}

/** A fact list grouped by kind, once per list (the answerer groups its whole index when it is built). */
export function factsByKind(all: readonly FactRecord[]): ReadonlyMap<FactKind, readonly FactRecord[]> {
  let groups = byKindCache.get(all);
  if (!groups) {
    groups = new Map();
    for (const fact of all) {
      const list = groups.get(fact.kind);
      if (list) list.push(fact);
      else groups.set(fact.kind, [fact]);
    }
    byKindCache.set(all, groups);
  }
  return groups;
}

/** The share (0..1) of the question's weight that per-word explanations (same order as `rest`) cover. */
export function weightedShare(rest: readonly QueryTerm[], explained: readonly number[]): number {
  const total = rest.reduce((sum, q) => sum + q.weight, 0);
  return total === 0 ? 0 : explained.reduce((sum, v, i) => sum + v * rest[i]!.weight, 0) / total;
}

/** How much of the question an item's own names say, whole words only ("ledelse" does not name "ledelsesprofil"). */
export function namedShare(ctx: Context, rest: readonly QueryTerm[], id: string): number {
  return weightedShare(rest, ctx.index.explain(rest, ctx.ownTerms(id), NAME_MATCH_QUALITY));
}

/** The least quality of a question word's match that {@link namedShare} counts: an item whose names hold no such term scores 0. */
export const NAME_MATCH_QUALITY = 0.9;

/** "9. marts 2026" / "9 March 2026": a date in a list, without the weekday. */
export function shortDate(iso: string, lang: Lang): string {
  return formatDate(iso, lang).replace(/^\S+ (den )?/, '');
}

/** "fra 1. august 2027", "til og med 31. juli 2028", "from 1 August 2027 until 31 July 2028": a period by its days. */
export function periodPhrase(from: string | undefined, until: string | undefined, lang: Lang): string {
  return [
    from !== undefined ? `${lang === 'da' ? 'fra' : 'from'} ${shortDate(from, lang)}` : '',
    until !== undefined ? `${lang === 'da' ? 'til og med' : 'until'} ${shortDate(until, lang)}` : '',
  ].filter((part) => part !== '').join(' ');
}

/** The distinct values, in first-seen order. */
export function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** An item's display name (or its Danish definite form), or the id when it is unknown. */
export function nameOf(kb: KnowledgeBase, id: string, lang: Lang, definite = false): string {
  const entry = kb.get(id);
  if (!entry) {
    // `contactFor` may name a document: it is shown by its title, never by its file name.
    const doc = kb.documents.get(id);
    return doc ? (lang === 'da' ? doc.title : doc.titleEn) : id;
  }
  return definite ? definiteName(entry, lang) : displayName(entry, lang);
}

/** An item's section title, or nothing when the id names no item. */
export function nameOrEmpty(kb: KnowledgeBase, id: string, lang: Lang): string {
  return kb.get(id) ? sectionTitle(kb, id, lang) : '';
}

/** "pædagogisk leder, Ballerup Kommune": an item's name with the municipality it belongs to. */
export function sectionTitle(kb: KnowledgeBase, id: string, lang: Lang): string {
  const entry = kb.get(id);
  if (!entry) return id;
  const name = displayName(entry, lang);
  const municipalityId = (entry.item as { municipality?: string }).municipality;
  const municipality = municipalityId ? kb.get(municipalityId) : undefined;
  return municipality && municipality.item.id !== id ? `${name}, ${(municipality as KbItem & { kind: 'municipalities' }).item.name}` : name;
}
