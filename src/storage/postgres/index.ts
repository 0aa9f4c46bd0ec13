/**
 * The PostgreSQL backend of the bot's stores (DATABASE_URL): every store in one database that any number of
 * instances share. Migrations run before anything else; the outbox document is loaded by whichever instance
 * takes the schedule lease, and written only while it holds it.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { createFeedTokens, emptyFeedTokenState, FeedTokenStateSchema } from '../../calendar/index.js';
import { emptyOutboxState, OutboxStateSchema } from '../../messaging/index.js';
import { ChartLinkStateSchema, createChartLinks, emptyChartLinkState } from '../../org-chart/index.js';
import type { OutboxState, StateCell } from '../../messaging/index.js';
import { createStateStore } from '../state-store.js';
import type { BotStores, GreetedStore, ScheduleGate } from '../stores.js';
import type { StateLogger, StateStore } from '../types.js';
import { createPostgresConversationStore } from './conversations.js';
import { createDb } from './db.js';
import type { Db } from './db.js';
import { createPostgresAnsweredStore } from './answered.js';
import { createPostgresDeadlineStore } from './deadlines.js';
import { createLease } from './lease.js';
import { migrateDatabase } from './migrate.js';
import { FeedbackSchema, GapSchema } from '../../feedback/records.js';
import { createStateRecordStore, recordStateDefinition } from '../record-store.js';
import { freshBeforeEachCall, openSharedCell } from './shared-cell.js';
import { postgresStateMedia } from './state-media.js';
import { createPostgresSubscriptions } from './subscriptions.js';
import { createPostgresTaskStore } from './tasks.js';

export { createDb, inTransaction } from './db.js';
export type { Db } from './db.js';
export { migrateDatabase } from './migrate.js';
export { createPostgresTaskStore } from './tasks.js';
export { createPostgresDeadlineStore } from './deadlines.js';
export { createPostgresSubscriptions } from './subscriptions.js';
export { createPostgresConversationStore } from './conversations.js';
export { createPostgresGreeted };

/** The team whose task list the bot keeps (one leadership team per deployment). */
export const DEFAULT_TEAM = 'default';
/** The lease of the scheduled work. */
export const SCHEDULE_LEASE = 'schedule';

/** Options of {@link openPostgresStores}. */
export interface PostgresStoresOptions {
  /** `postgres://…` (DATABASE_URL). */
  readonly url: string;
  /** Pool size (DATABASE_POOL_MAX). */
  readonly poolMax?: number;
  /** How long the schedule lease lasts without renewal. */
  readonly leaseTtlMs: number;
  readonly timeZone?: string;
  readonly logger: StateLogger;
  readonly now: () => Date;
  /** This instance's id in the lease table (default: host, pid and a random part). */
  readonly instanceId?: string;
}

function createPostgresGreeted(db: Db, now: () => Date): GreetedStore {
  return {
    async firstContact(key) {
      const { rowCount } = await db.query('INSERT INTO greeted (key, at) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [key, now().toISOString()]);
      return rowCount !== 0;
    },
  };
}

/** Migrates the database and opens every store on it. */
export async function openPostgresStores(options: PostgresStoresOptions): Promise<BotStores> {
  const { logger, now, timeZone } = options;
  await migrateDatabase(options.url, logger);
  const db = createDb({ url: options.url, ...(options.poolMax !== undefined && { max: options.poolMax }) });
  const holder = options.instanceId ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const lease = createLease({ db, name: SCHEDULE_LEASE, holder, ttlMs: options.leaseTtlMs, logger });

  // The outbox document of the current lease term: loaded fresh at each take-over (another instance wrote it since).
  let outboxState: StateStore<OutboxState> | undefined;
  const requireOutbox = (): StateStore<OutboxState> => {
    if (outboxState === undefined) throw new Error('outbox: used on an instance that does not run the schedule');
    return outboxState;
  };
  const outbox: StateCell<OutboxState> = {
    read: () => requireOutbox().read() as OutboxState,
    update: (fn) => requireOutbox().update(fn),
  };
  const schedule: ScheduleGate = {
    start(handlers) {
      lease.start({
        async acquired() {
          outboxState = await createStateStore<OutboxState>({
            name: 'outbox',
            defaults: emptyOutboxState(),
            schema: OutboxStateSchema,
            ...postgresStateMedia(db, 'outbox', { lease: SCHEDULE_LEASE, holder }),
            logger,
            now,
          });
          await handlers.acquired();
        },
        async lost() {
          await handlers.lost();
        },
      });
    },
    stop: () => lease.stop(),
  };

  // Small documents every instance writes: each change under a row lock, each call reads the current body.
  const feeds = await openSharedCell(db, 'calendar-feeds', emptyFeedTokenState(), FeedTokenStateSchema);
  const links = await openSharedCell(db, 'chart-links', emptyChartLinkState(), ChartLinkStateSchema);
  // The knowledge-gap log and the feedback: a few hundred records within the retention period.
  const gapsDef = recordStateDefinition('gaps', GapSchema);
  const gapCell = await openSharedCell(db, gapsDef.name, gapsDef.defaults, gapsDef.schema);
  const feedbackDef = recordStateDefinition('feedback', FeedbackSchema);
  const feedbackCell = await openSharedCell(db, feedbackDef.name, feedbackDef.defaults, feedbackDef.schema);

  return {
    backend: 'postgres',
    feedTokens: freshBeforeEachCall(feeds, createFeedTokens({ cell: feeds, now })),
    chartLinks: freshBeforeEachCall(links, createChartLinks({ cell: links, now })),
    gaps: freshBeforeEachCall(gapCell, createStateRecordStore(gapCell, 'gap')),
    feedback: freshBeforeEachCall(feedbackCell, createStateRecordStore(feedbackCell, 'feedback')),
    answered: createPostgresAnsweredStore(db),
    tasks: createPostgresTaskStore({ db, team: DEFAULT_TEAM, now, ...(timeZone !== undefined && { timeZone }) }),
    deadlines: createPostgresDeadlineStore({ db, now, ...(timeZone !== undefined && { timeZone }) }),
    subscriptions: createPostgresSubscriptions({ db, now }),
    conversations: createPostgresConversationStore({ db, now }),
    outbox,
    greeted: createPostgresGreeted(db, now),
    schedule,
    problems() {
      const failure = lease.failure();
      return failure === undefined ? [] : [`database: ${failure}`];
    },
    async close() {
      await lease.stop();
      await db.end();
    },
  };
}
