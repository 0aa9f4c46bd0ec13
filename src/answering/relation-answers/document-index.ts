/**
 * The dated documents of a knowledge base by the words of their titles and by their kind, built once per knowledge
 * base: what "hvornår blev årshjulet godkendt" reads to find the document a word names (document-dates.ts), and what
 * tells a decision's answer that a word names a document rather than a matter decided (decisions.ts).
 */
import type { Document } from '../../knowledge/schemas.js';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.js';
import { foldText, primaryStem, tokenize } from '../normalize.js';

/** The lexicon's document kind that stands for any document ("dokument", "beskrivelse", "description"). */
export const ANY_DOCUMENT = 'document';

export interface DocumentIndex {
  readonly dated: number;
  /** Dated documents by the primary stem of each of their title's words (a title's word ends with a question's word: both). */
  readonly byStem: ReadonlyMap<string, readonly Document[]>;
  readonly byKind: ReadonlyMap<string, readonly Document[]>;
}
const INDEXES = new WeakMap<KnowledgeBase, DocumentIndex>();

/** The dated documents by their title's words and by their kind, built once per knowledge base. */
export function documentIndexOf(kb: KnowledgeBase): DocumentIndex {
  const known = INDEXES.get(kb);
  if (known) return known;
  const byStem = new Map<string, Document[]>();
  const byKind = new Map<string, Document[]>();
  const push = (map: Map<string, Document[]>, key: string, doc: Document) => {
    const list = map.get(key);
    if (!list) map.set(key, [doc]);
    else if (!list.includes(doc)) list.push(doc);
  };
  let dated = 0;
  for (const doc of kb.documents.values()) {
    if (doc.date === undefined) continue;
    dated++;
    push(byKind, doc.kind, doc);
    push(byKind, ANY_DOCUMENT, doc);
    for (const word of tokenize(foldText(`${doc.title} ${doc.titleEn}`))) {
      const stem = primaryStem(word);
      push(byStem, stem, doc);
      // ("organisation" of "Organisationsbeskrivelse": every stem a title's compound may end with or begin with.)
      for (let i = 4; i < stem.length - 2; i++) push(byStem, stem.slice(0, i), doc);
    }
  }
  const index = { dated, byStem, byKind };
  INDEXES.set(kb, index);
  return index;
}

/** True when a word of a question is a word of a dated document's title ("årshjulet" of "Årshjul 2027 for ledelsen"). */
export function titleWordOfDocument(kb: KnowledgeBase, form: string): boolean {
  return (documentIndexOf(kb).byStem.get(primaryStem(form))?.length ?? 0) > 0;
}

