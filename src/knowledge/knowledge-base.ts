/**
 * The loaded knowledge base: the merged data of every knowledge file plus an index by id.
 */
import type { Document, KnowledgeData, KnowledgeKind } from './schemas.js';
import { KNOWLEDGE_KINDS } from './schemas.js';

/** Any item of the knowledge base except documents, tagged with its kind. */
export type KbItem = {
  [K in Exclude<KnowledgeKind, 'documents'>]: { kind: K; item: KnowledgeData[K][number] };
}[Exclude<KnowledgeKind, 'documents'>];

/** The merged, validated knowledge base. */
export interface KnowledgeBase {
  readonly data: KnowledgeData;
  /** Source documents by id (the seed file name). */
  readonly documents: ReadonlyMap<string, Document>;
  /** Any item by its global id. */
  get(id: string): KbItem | undefined;
}

/** An empty data set, every kind present. */
export function emptyKnowledgeData(): KnowledgeData {
  return Object.fromEntries(KNOWLEDGE_KINDS.map((kind) => [kind, []])) as unknown as KnowledgeData;
}

/** Builds the id index over already validated data (duplicate ids are the loader's job to reject). */
export function createKnowledgeBase(data: KnowledgeData): KnowledgeBase {
  const byId = new Map<string, KbItem>();
  for (const kind of KNOWLEDGE_KINDS) {
    if (kind === 'documents') continue;
    for (const item of data[kind]) byId.set(item.id, { kind, item } as KbItem);
  }
  const documents = new Map(data.documents.map((doc) => [doc.id, doc]));
  return { data, documents, get: (id) => byId.get(id) };
}
