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
  /**
   * How long one read of the table serves later reads on this instance, in ms (default 2,000). The answering
   * engine reads the deadlines for every question; without this each question would cost a round trip. This
   * instance's own additions show at once; another instance's show within this time.
   */
  readonly cacheMs?: number;
  /** A monotonic clock in ms for the cache (default `performance.now`); tests pass their own. */
  readonly clock?: () => number;
}

/** Creates the deadline store over the `deadlines` table. */
export function createPostgresDeadlineStore(options: PostgresDeadlineStoreOptions): DeadlineStore {
  const { db, now } = options;
  const timeZone = options.timeZone ?? TIME_ZONE;
  const cacheMs = options.cacheMs ?? DEFAULT_CACHE_MS;
  const clock = options.clock ?? (() => performance.now());
  const read = async () => sortDeadlines((await db.query<{ data: ChatDeadline }>('SELECT data FROM deadlines')).rows.map((row) => row.data));
  // The latest read (a promise, so questions that arrive together share one query) and when it was started.
  let cached: { readonly at: number; readonly rows: Promise<ChatDeadline[]> } | undefined;
  const forget = () => {
    cached = undefined;
  };
  const all = (): Promise<ChatDeadline[]> => {
    if (cached === undefined || clock() - cached.at >= cacheMs) {
      const rows = read();
      // A failed read is not kept: the next call asks the database again.
      rows.catch(() => {
        if (cached?.rows === rows) forget();
      });
      cached = { at: clock(), rows };
    }
    return cached.rows;
  };
  const find = async (date: string, key: string) =>
    (await db.query<{ data: ChatDeadline }>('SELECT data FROM deadlines WHERE date = $1 AND title_key = $2', [date, key])).rows[0]?.data;

  return {
    async add(input) {
      forget();
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
      forget();
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

const DEFAULT_CACHE_MS = 2_000;

class AddedElsewhere extends Error {}
