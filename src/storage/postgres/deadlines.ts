/**
 * Chat-added deadlines in PostgreSQL. The same title on the same date is one deadline (a unique index), so two
 * instances asked at once still add it once.
 */
import { deadlineTitleKey, newChatDeadline, normalizeDeadlineTitle, sortDeadlines } from '../../reminders/deadlines.js';
import type { ChatDeadline, DeadlineStore } from '../../reminders/deadlines.js';
import { TIME_ZONE, toLocalDate } from '../../time/format-date.js';
import { inTransaction, nextNumber } from './db.js';
import type { Db } from './db.js';

/** Options of {@link createPostgresDeadlineStore}. */
export interface PostgresDeadlineStoreOptions {
  readonly db: Db;
  readonly now: () => Date;
  readonly timeZone?: string;
}

/** Creates the deadline store over the `deadlines` table. */
export function createPostgresDeadlineStore(options: PostgresDeadlineStoreOptions): DeadlineStore {
  const { db, now } = options;
  const timeZone = options.timeZone ?? TIME_ZONE;
  const all = async () => sortDeadlines((await db.query<{ data: ChatDeadline }>('SELECT data FROM deadlines')).rows.map((row) => row.data));
  const find = async (date: string, key: string) =>
    (await db.query<{ data: ChatDeadline }>('SELECT data FROM deadlines WHERE date = $1 AND title_key = $2', [date, key])).rows[0]?.data;

  return {
    async add(input) {
      const title = normalizeDeadlineTitle(input.title);
      const key = deadlineTitleKey(title);
      const existing = await find(input.date, key);
      if (existing) return { kind: 'exists', deadline: existing };
      const added = await inTransaction(db, async (tx) => {
        const deadline = newChatDeadline(await nextNumber(tx, 'deadlines'), title, input, now());
        const { rowCount } = await tx.query(
          'INSERT INTO deadlines (id, title, title_key, date, data) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (date, title_key) DO NOTHING',
          [deadline.id, deadline.title, key, deadline.date, deadline],
        );
        // Another instance added it meanwhile: give the number back (roll back) and report theirs.
        if (rowCount === 0) throw new AddedElsewhere();
        return deadline;
      }).catch((error: unknown) => {
        if (error instanceof AddedElsewhere) return undefined;
        throw error;
      });
      if (added) return { kind: 'added', deadline: added };
      const theirs = await find(input.date, key);
      if (!theirs) throw new Error('deadlines: a concurrent add was reported but its row is missing');
      return { kind: 'exists', deadline: theirs };
    },
    async upcoming() {
      const today = toLocalDate(now(), timeZone);
      return (await all()).filter((d) => d.date >= today);
    },
    all,
    list: async () => (await all()).map(({ id, title, date }) => ({ id, title, date })),
  };
}

class AddedElsewhere extends Error {}
