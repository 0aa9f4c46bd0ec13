/**
 * Subscriptions to reminders and digests in PostgreSQL, one row per topic and conversation key.
 */
import type { Subscriptions } from '../../reminders/subscriptions.js';
import type { Db } from './db.js';

/** Creates the subscription registry over the `subscriptions` table. */
export function createPostgresSubscriptions(options: { readonly db: Db; readonly now: () => Date }): Subscriptions {
  const { db, now } = options;
  return {
    async subscribe(topic, key, lang) {
      // A second subscription changes the language only; `since` stays. `xmax = 0` is true for a fresh insert.
      const { rows } = await db.query<{ inserted: boolean }>(
        `INSERT INTO subscriptions (topic, key, lang, since) VALUES ($1, $2, $3, $4)
         ON CONFLICT (topic, key) DO UPDATE SET lang = EXCLUDED.lang
         RETURNING (xmax = 0) AS inserted`,
        [topic, key, lang, now().toISOString()],
      );
      return rows[0]?.inserted ? 'subscribed' : 'already-subscribed';
    },
    async unsubscribe(topic, key) {
      const { rowCount } = await db.query('DELETE FROM subscriptions WHERE topic = $1 AND key = $2', [topic, key]);
      return rowCount === 0 ? 'not-subscribed' : 'unsubscribed';
    },
    async isSubscribed(topic, key) {
      return (await db.query('SELECT 1 FROM subscriptions WHERE topic = $1 AND key = $2', [topic, key])).rowCount !== 0;
    },
    async list(topic) {
      const { rows } = await db.query<{ key: string; lang: 'da' | 'en'; since: string }>(
        'SELECT key, lang, since FROM subscriptions WHERE topic = $1 ORDER BY since, key',
        [topic],
      );
      return rows.map((row) => ({ key: row.key, lang: row.lang, since: row.since }));
    },
  };
}
