/**
 * Checks that every quote in the knowledge base really occurs in its source document, so the bot
 * never cites words the document does not contain.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { KnowledgeBase } from './knowledge-base.js';
import { normalizeName } from './normalize-name.js';
import { ITEM_KINDS, formatPath, sourcesIn } from './references.js';

/** A quote that does not occur in its document, or a document that could not be read. */
export interface QuoteProblem {
  /** The id of the item holding the quote (empty for an unreadable document). */
  readonly item: string;
  /** Where the source sits in the item, e.g. `responsibilities[2].source`. */
  readonly path: string;
  readonly doc: string;
  readonly quote: string;
  readonly message: string;
}

/** The source documents' texts by document id, and the documents that could not be read. */
export interface SourceTexts {
  readonly texts: ReadonlyMap<string, string>;
  readonly problems: readonly QuoteProblem[];
}

/** How many other words may stand between two words of a quote: text extracted from a table interleaves its columns. */
const MAX_GAP = 60;

/**
 * True when the quote's words occur in the text: contiguously, ignoring case, accents, punctuation,
 * bullets and line breaks (also a word hyphenated across lines), or else in order with at most
 * {@link MAX_GAP} other words between two of them, as in text extracted from a table. An ellipsis
 * (`...`, `…`, `[...]`) in the quote may stand for any omitted text.
 */
export function quoteOccurs(quote: string, text: string): boolean {
  return createQuoteMatcher(text)(quote);
}

/** {@link quoteOccurs} for one text and many quotes: the text is prepared once. */
export function createQuoteMatcher(text: string): (quote: string) => boolean {
  const squashed = squash(text);
  // Words split at a line end ("under-\nstøtter") are joined; "Familie-\nog" is kept as it was too.
  const indexes = [text, text.replace(/-[ \t]*(?:\r?\n[ \t]*)+(?=\p{Ll})/gu, '')].map(wordPositions);
  return (quote) =>
    quote
      .split(/\[\s*(?:\.\.\.|…)\s*\]|\.\.\.|…/)
      .filter((fragment) => squash(fragment) !== '')
      .every((fragment) => {
        const words = normalizeName(fragment).split(' ');
        return squashed.includes(squash(fragment)) || indexes.some((positions) => occursWithGaps(words, positions));
      });
}

/** Each normalised word of a text and the places (word indexes) where it occurs. */
function wordPositions(text: string): Map<string, number[]> {
  const positions = new Map<string, number[]>();
  normalizeName(text)
    .split(' ')
    .forEach((word, index) => {
      const list = positions.get(word);
      if (list) list.push(index);
      else positions.set(word, [index]);
    });
  return positions;
}

/** True when the words occur in order, each within MAX_GAP words after the one before. */
function occursWithGaps(quoteWords: readonly string[], positions: ReadonlyMap<string, readonly number[]>): boolean {
  let reachable: readonly number[] = positions.get(quoteWords[0] as string) ?? [];
  for (const word of quoteWords.slice(1)) {
    const previous = reachable;
    reachable = (positions.get(word) ?? []).filter((at) => previous.some((before) => at > before && at - before <= MAX_GAP + 1));
    if (reachable.length === 0) return false;
  }
  return reachable.length > 0;
}

/** Reads the text of every document of the knowledge base from `dir` (a document's id is its file name). */
export async function readSourceTexts(kb: KnowledgeBase, dir: string): Promise<SourceTexts> {
  const texts = new Map<string, string>();
  const problems: QuoteProblem[] = [];
  for (const doc of kb.documents.keys()) {
    try {
      texts.set(doc, await readFile(path.join(dir, doc), 'utf8'));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      problems.push({ item: '', path: '', doc, quote: '', message: `cannot read the source document ${path.join(dir, doc)}: ${reason}` });
    }
  }
  return { texts, problems };
}

/** Every quote of the knowledge base that does not occur in its document's text. */
export function checkSourceQuotes(kb: KnowledgeBase, texts: ReadonlyMap<string, string>): QuoteProblem[] {
  const matchers = new Map([...texts].map(([doc, text]) => [doc, createQuoteMatcher(text)]));
  const problems: QuoteProblem[] = [];
  for (const kind of ITEM_KINDS) {
    for (const item of kb.data[kind]) {
      for (const source of sourcesIn(item)) {
        const occurs = matchers.get(source.doc);
        if (occurs === undefined || occurs(source.quote)) continue;
        problems.push({
          item: item.id,
          path: formatPath(source.path),
          doc: source.doc,
          quote: source.quote,
          message: `the quote does not occur in ${source.doc} (fix: copy the words exactly as the document writes them; "..." may mark a cut)`,
        });
      }
    }
  }
  // A document's period is given in its own words.
  for (const doc of kb.data.documents) {
    const occurs = matchers.get(doc.id);
    if (doc.covers === undefined || occurs === undefined || occurs(doc.covers.quote)) continue;
    problems.push({
      item: doc.id,
      path: 'covers.quote',
      doc: doc.id,
      quote: doc.covers.quote,
      message: `the quote of the period the document covers does not occur in ${doc.id} (fix: copy the words that give the period exactly as the document writes them, e.g. its title)`,
    });
  }
  return problems;
}

/** Lowercase letters and digits only, Danish letters folded as in names. */
function squash(text: string): string {
  return normalizeName(text).replace(/ /g, '');
}
