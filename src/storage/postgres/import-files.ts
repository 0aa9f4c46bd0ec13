/**
 * Copies a file state folder (STATE_DIR) into PostgreSQL for `npm run state:migrate`. Idempotent: rows already
 * there are kept (a second run inserts nothing), counters only ever grow, and the outbox document is copied only
 * into a database that has none. Afterwards every item of the files is looked up in the database and counted.
 *
 * The bots must be stopped: STATE_DIR's lock is taken (a running file-backed bot holds it), and the schedule
 * lease is taken for the outbox copy (a running PostgreSQL-backed bot holds that).
 */
import path from 'node:path';
import type { ConversationState, OutboxState } from '../../messaging/index.js';
import { deadlineTitleKey } from '../../reminders/deadlines.js';
import type { DeadlineState } from '../../reminders/deadlines.js';
import type { SubscriptionState, SubscriptionTopic } from '../../reminders/subscriptions.js';
import type { TaskState } from '../../tasks/task.js';
import { FeedbackSchema, GapSchema } from '../../feedback/records.js';
import type { StoredRecord } from '../../feedback/records.js';
import { ANSWERED_STATE, type AnsweredState } from '../answered-store.js';
import { FILE_STATES } from '../file-stores.js';
import { recordStateDefinition } from '../record-store.js';
import type { RecordState } from '../record-store.js';
import { openStateDir } from '../state-dir.js';
import type { StateDir } from '../state-dir.js';
import { createStateStore } from '../state-store.js';
import type { StateLogger } from '../types.js';
import { createDb, inTransaction } from './db.js';
import type { Db } from './db.js';
import { DEFAULT_TEAM, SCHEDULE_LEASE } from './index.js';
import { tryTakeLease } from './lease.js';
import { migrateDatabase } from './migrate.js';
import { postgresStateMedia } from './state-media.js';

/** One kind of item: how many the files hold, how many were inserted now, how many of them the database has. */
export interface ImportCount {
  readonly kind: string;
  readonly inFiles: number;
  readonly inserted: number;
  readonly inDatabase: number;
}

/** The outcome of {@link importFileState}. */
export interface ImportReport {
  readonly counts: readonly ImportCount[];
  /** True when every item of the files is in the database. */
  readonly complete: boolean;
  /** What happened to the outbox document. */
  readonly outbox: 'copied' | 'kept-existing' | 'empty';
}

const MIGRATE_HOLDER = 'state-migrate';

/** Every subscription topic the files hold (a `Record` so that a new topic fails to compile until it is copied). */
const TOPICS: Record<SubscriptionTopic, true> = { reminders: true, digest: true, gaps: true };
const SUBSCRIPTION_TOPICS = Object.keys(TOPICS) as SubscriptionTopic[];

async function readState<T extends object>(dir: StateDir, definition: Parameters<StateDir['open']>[0]): Promise<T> {
  const store = await dir.open(definition);
  return JSON.parse(JSON.stringify(store.read())) as T;
}

async function count(db: Db, sql: string, params: unknown[]): Promise<number> {
  const { rows } = await db.query<{ n: string }>(sql, params);
  return Number(rows[0]?.n ?? 0);
}

/** Copies STATE_DIR into the database at `url` (migrating it first). */
export async function importFileState(options: { readonly stateDir: string; readonly url: string; readonly logger: StateLogger; readonly now?: () => Date }): Promise<ImportReport> {
  const now = options.now ?? (() => new Date());
  const { logger } = options;
  await migrateDatabase(options.url, logger);
  const dirs = new Map<string, StateDir>();
  const dirOf = async (folder: string) => {
    let dir = dirs.get(folder);
    if (!dir) {
      dir = await openStateDir(path.join(options.stateDir, folder), { logger, now });
      dirs.set(folder, dir);
    }
    return dir;
  };
  const db = createDb({ url: options.url, max: 2, applicationName: 'dagtilbud-state-migrate' });
  try {
    const tasks = await readState<TaskState>(await dirOf('.'), FILE_STATES.tasks.definition);
    const conversations = await readState<ConversationState>(await dirOf('reminders'), FILE_STATES.conversations.definition);
    const subscriptions = await readState<SubscriptionState>(await dirOf('reminders'), FILE_STATES.subscriptions.definition);
    const deadlines = await readState<DeadlineState>(await dirOf('reminders'), FILE_STATES.deadlines.definition);
    const outbox = await readState<OutboxState>(await dirOf('reminders'), FILE_STATES.outbox.definition);
    const greeted = await readState<{ greeted: Record<string, string> }>(await dirOf('teams'), FILE_STATES.greeted.definition);
    const feeds = await readState<{ feeds: Record<string, unknown> }>(await dirOf('teams'), FILE_STATES.feedTokens.definition);
    const links = await readState<{ links: Record<string, unknown> }>(await dirOf('teams'), FILE_STATES.chartLinks.definition);
    const gapLog = await readState<RecordState<StoredRecord>>(await dirOf('teams'), recordStateDefinition('gaps', GapSchema));
    const feedbackLog = await readState<RecordState<StoredRecord>>(await dirOf('teams'), recordStateDefinition('feedback', FeedbackSchema));
    const answered = await readState<AnsweredState>(await dirOf('teams'), ANSWERED_STATE);

    const counts: ImportCount[] = [];
    await inTransaction(db, async (tx) => {
      const insertAll = async (kind: string, items: readonly unknown[][], sql: string) => {
        let inserted = 0;
        for (const params of items) inserted += (await tx.query(sql, params)).rowCount ?? 0;
        return { kind, inFiles: items.length, inserted };
      };
      const team = DEFAULT_TEAM;
      const t = await insertAll(
        'tasks',
        tasks.tasks.map((task) => [team, task.number, task.status, task.due ?? null, task]),
        'INSERT INTO tasks (team, number, status, due, data) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING',
      );
      const maxTask = Math.max(tasks.nextNumber, ...tasks.tasks.map((task) => task.number + 1));
      await tx.query(
        'INSERT INTO counters (name, next_value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET next_value = GREATEST(counters.next_value, EXCLUDED.next_value)',
        [`tasks:${team}`, maxTask],
      );
      const c = await insertAll(
        'conversations',
        Object.values(conversations.conversations).map((conv) => [conv.key, conv.kind, conv.ref.conversation.id, conv.ref, conv.updatedAt]),
        'INSERT INTO conversations (key, kind, conversation_id, ref, updated_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING',
      );
      const s = await insertAll(
        'subscriptions',
        SUBSCRIPTION_TOPICS.flatMap((topic) => Object.entries(subscriptions[topic]).map(([key, sub]) => [topic, key, sub.lang, sub.since])),
        'INSERT INTO subscriptions (topic, key, lang, since) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
      );
      const d = await insertAll(
        'deadlines',
        deadlines.deadlines.map((deadline) => [deadline.id, deadline.title, deadlineTitleKey(deadline.title), deadline.date, deadline]),
        'INSERT INTO deadlines (id, title, title_key, date, data) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING',
      );
      const maxDeadline = Math.max(deadlines.nextNumber, ...deadlines.deadlines.map((deadline) => Number(/^frist-(\d+)$/.exec(deadline.id)?.[1] ?? 0) + 1));
      await tx.query(
        'INSERT INTO counters (name, next_value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET next_value = GREATEST(counters.next_value, EXCLUDED.next_value)',
        ['deadlines', maxDeadline],
      );
      const a = await insertAll(
        'answers',
        Object.values(answered.answers).map((entry) => [entry.messageId, entry.at, entry]),
        'INSERT INTO answered (message_id, at, data) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
      );
      const g = await insertAll('greeted', Object.entries(greeted.greeted).map(([key, at]) => [key, at]), 'INSERT INTO greeted (key, at) VALUES ($1, $2) ON CONFLICT DO NOTHING');
      // Feed tokens and chart links are shared documents: entries the database lacks are added, its own are kept.
      const mergeDocument = async (kind: string, name: string, field: string, entries: Record<string, unknown>) => {
        await tx.query("INSERT INTO documents (name, body) VALUES ($1, '{}'::jsonb) ON CONFLICT (name) DO NOTHING", [name]);
        const { rows } = await tx.query<{ body: Record<string, Record<string, unknown>> }>('SELECT body FROM documents WHERE name = $1 FOR UPDATE', [name]);
        const existing = rows[0]?.body[field] ?? {};
        const added = Object.keys(entries).filter((key) => !Object.hasOwn(existing, key));
        const merged = { ...(rows[0]?.body ?? {}), [field]: { ...entries, ...existing } };
        await tx.query('UPDATE documents SET body = $2, version = version + 1 WHERE name = $1', [name, JSON.stringify(merged)]);
        return { kind, inFiles: Object.keys(entries).length, inserted: added.length };
      };
      const f = await mergeDocument('feed tokens', 'calendar-feeds', 'feeds', feeds.feeds);
      const l = await mergeDocument('chart links', 'chart-links', 'links', links.links);
      // Record logs: records the database lacks (by id) are added; the numbering continues after the highest.
      const mergeRecords = async (kind: string, name: string, log: RecordState<StoredRecord>) => {
        await tx.query(`INSERT INTO documents (name, body) VALUES ($1, '{"nextNumber":1,"records":[]}'::jsonb) ON CONFLICT (name) DO NOTHING`, [name]);
        const { rows } = await tx.query<{ body: RecordState<StoredRecord> }>('SELECT body FROM documents WHERE name = $1 FOR UPDATE', [name]);
        const body = rows[0]?.body ?? { nextNumber: 1, records: [] };
        const known = new Set(body.records.map((record) => record.id));
        const added = log.records.filter((record) => !known.has(record.id));
        const records = [...body.records, ...added].sort((a, b) => a.at.localeCompare(b.at));
        const merged = { nextNumber: Math.max(body.nextNumber, log.nextNumber), records };
        await tx.query('UPDATE documents SET body = $2, version = version + 1 WHERE name = $1', [name, JSON.stringify(merged)]);
        return { kind, inFiles: log.records.length, inserted: added.length };
      };
      const gp = await mergeRecords('gaps', 'gaps', gapLog);
      const fb = await mergeRecords('feedback', 'feedback', feedbackLog);
      for (const partial of [t, c, s, d, g, f, l, gp, fb, a]) counts.push({ ...partial, inDatabase: 0 });
    });

    // The outbox (queue and sent-log) is one document: copied whole, and only into a database without one.
    const hasOutbox = (await count(db, "SELECT (SELECT count(*) FROM state_snapshots WHERE name = 'outbox') + (SELECT count(*) FROM state_journal WHERE name = 'outbox') AS n", [])) > 0;
    let outboxOutcome: ImportReport['outbox'] = 'kept-existing';
    const sentKeys = Object.keys(outbox.accepted).length + Object.keys(outbox.queue).length + (outbox.pending?.length ?? 0);
    if (!hasOutbox && sentKeys === 0) outboxOutcome = 'empty';
    else if (!hasOutbox) {
      if (!(await tryTakeLease(db, SCHEDULE_LEASE, MIGRATE_HOLDER, 60_000))) {
        throw new Error('state:migrate: a bot instance holds the schedule lease on this database; stop every instance, then run it again');
      }
      try {
        const store = await createStateStore<OutboxState>({
          ...FILE_STATES.outbox.definition,
          ...postgresStateMedia(db, 'outbox', { lease: SCHEDULE_LEASE, holder: MIGRATE_HOLDER }),
          logger,
          now,
        });
        await store.update((draft) => {
          Object.assign(draft, outbox);
        });
        await store.close();
        outboxOutcome = 'copied';
      } finally {
        await db.query('UPDATE leases SET expires_at = now() WHERE name = $1 AND holder = $2', [SCHEDULE_LEASE, MIGRATE_HOLDER]);
      }
    }

    // The check: every item of the files, looked up by its key.
    const present = {
      tasks: await count(db, 'SELECT count(*) AS n FROM tasks WHERE team = $1 AND number = ANY($2::int[])', [DEFAULT_TEAM, tasks.tasks.map((task) => task.number)]),
      conversations: await count(db, 'SELECT count(*) AS n FROM conversations WHERE key = ANY($1::text[])', [Object.keys(conversations.conversations)]),
      subscriptions: (
        await Promise.all(
          SUBSCRIPTION_TOPICS.map((topic) =>
            count(db, 'SELECT count(*) AS n FROM subscriptions WHERE topic = $1 AND key = ANY($2::text[])', [topic, Object.keys(subscriptions[topic])]),
          ),
        )
      ).reduce((sum, n) => sum + n, 0),
      deadlines: await count(db, 'SELECT count(*) AS n FROM deadlines WHERE id = ANY($1::text[])', [deadlines.deadlines.map((deadline) => deadline.id)]),
      greeted: await count(db, 'SELECT count(*) AS n FROM greeted WHERE key = ANY($1::text[])', [Object.keys(greeted.greeted)]),
      'feed tokens': await count(db, "SELECT count(*) AS n FROM documents, jsonb_object_keys(body->'feeds') AS k WHERE name = 'calendar-feeds' AND k = ANY($1::text[])", [Object.keys(feeds.feeds)]),
      gaps: await count(db, "SELECT count(*) AS n FROM documents, jsonb_array_elements(body->'records') AS r WHERE name = 'gaps' AND r->>'id' = ANY($1::text[])", [gapLog.records.map((record) => record.id)]),
      feedback: await count(db, "SELECT count(*) AS n FROM documents, jsonb_array_elements(body->'records') AS r WHERE name = 'feedback' AND r->>'id' = ANY($1::text[])", [feedbackLog.records.map((record) => record.id)]),
      answers: await count(db, 'SELECT count(*) AS n FROM answered WHERE message_id = ANY($1::text[])', [Object.keys(answered.answers)]),
      'chart links': await count(db, "SELECT count(*) AS n FROM documents, jsonb_object_keys(body->'links') AS k WHERE name = 'chart-links' AND k = ANY($1::text[])", [Object.keys(links.links)]),
    } as Record<string, number>;
    const checked = counts.map((entry) => ({ ...entry, inDatabase: present[entry.kind] ?? 0 }));
    return { counts: checked, complete: checked.every((entry) => entry.inDatabase === entry.inFiles), outbox: outboxOutcome };
  } finally {
    for (const dir of [...dirs.values()].reverse()) await dir.close();
    await db.end();
  }
}
