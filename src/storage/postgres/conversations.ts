/**
 * Conversation references in PostgreSQL, one row per key, so every instance can reach every user and channel.
 */
import { baseConversationId, ConversationRefSchema, conversationKey, conversationKind } from '../../messaging/index.js';
import type { ConversationRef, ConversationStore, StoredConversation } from '../../messaging/index.js';
import type { Db } from './db.js';

interface Row {
  key: string;
  kind: StoredConversation['kind'];
  ref: ConversationRef;
  updated_at: string;
}

const toStored = (row: Row): StoredConversation => ({ key: row.key, kind: row.kind, ref: row.ref, updatedAt: row.updated_at });

/** Creates the conversation store over the `conversations` table. */
export function createPostgresConversationStore(options: { readonly db: Db; readonly now: () => Date }): ConversationStore {
  const { db, now } = options;
  return {
    async remember(ref) {
      const parsed = ConversationRefSchema.parse(ref);
      const key = conversationKey(parsed);
      // The channel itself, not the thread a message came from.
      const stored: ConversationRef = { ...parsed, conversation: { ...parsed.conversation, id: baseConversationId(parsed.conversation.id) } };
      const { rowCount } = await db.query(
        `INSERT INTO conversations (key, kind, conversation_id, ref, updated_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (key) DO UPDATE SET kind = EXCLUDED.kind, conversation_id = EXCLUDED.conversation_id, ref = EXCLUDED.ref, updated_at = EXCLUDED.updated_at
         WHERE conversations.ref IS DISTINCT FROM EXCLUDED.ref`,
        [key, conversationKind(stored), stored.conversation.id, stored, now().toISOString()],
      );
      return { key, changed: rowCount !== 0 };
    },
    async forget(key) {
      return (await db.query('DELETE FROM conversations WHERE key = $1', [key])).rowCount !== 0;
    },
    async forgetConversation(conversationId) {
      const { rows } = await db.query<{ key: string }>('DELETE FROM conversations WHERE conversation_id = $1 RETURNING key', [baseConversationId(conversationId)]);
      return rows.map((row) => row.key).sort();
    },
    async get(key) {
      const { rows } = await db.query<Row>('SELECT key, kind, ref, updated_at FROM conversations WHERE key = $1', [key]);
      return rows[0] && toStored(rows[0]);
    },
    async findUser(idOrName) {
      const wanted = idOrName.trim().toLowerCase();
      if (wanted === '') return undefined;
      // One round trip: matches by id first; otherwise the name matches, of which exactly one must exist.
      const { rows } = await db.query<{ key: string; by_id: boolean }>(
        `SELECT key, (lower(ref->'user'->>'id') = $1 OR lower(ref->'user'->>'aadObjectId') = $1) AS by_id
         FROM conversations
         WHERE kind = 'personal' AND (lower(ref->'user'->>'id') = $1 OR lower(ref->'user'->>'aadObjectId') = $1 OR lower(btrim(ref->'user'->>'name')) = $1)
         ORDER BY by_id DESC, updated_at, key LIMIT 2`,
        [wanted],
      );
      if (rows[0]?.by_id) return rows[0].key;
      // A name shared by two people identifies neither.
      return rows.length === 1 ? rows[0]?.key : undefined;
    },
    async list(kind) {
      const { rows } = await db.query<Row>(
        'SELECT key, kind, ref, updated_at FROM conversations WHERE $1::text IS NULL OR kind = $1 ORDER BY updated_at, key',
        [kind ?? null],
      );
      return rows.map(toStored);
    },
  };
}
