/**
 * The remembered answers in PostgreSQL: one row per answered message, so feedback that reaches any instance finds
 * the question. A message id seen again keeps its first row.
 */
import type { Answered, AnsweredStore } from '../../feedback/answered.js';
import type { Db } from './db.js';

/** Creates the remembered answers over the `answered` table. */
export function createPostgresAnsweredStore(db: Db): AnsweredStore {
  return {
    async remember(entry) {
      await db.query('INSERT INTO answered (message_id, at, data) VALUES ($1, $2, $3) ON CONFLICT (message_id) DO NOTHING', [entry.messageId, entry.at, entry]);
    },
    async find(messageId) {
      return (await db.query<{ data: Answered }>('SELECT data FROM answered WHERE message_id = $1', [messageId])).rows[0]?.data;
    },
    async removeOlderThan(cutoff) {
      return (await db.query('DELETE FROM answered WHERE at < $1', [cutoff.toISOString()])).rowCount ?? 0;
    },
  };
}
