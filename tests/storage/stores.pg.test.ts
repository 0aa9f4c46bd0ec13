/**
 * The store contract on PostgreSQL (a real server from Debian's package, one database for this file), plus what
 * only a shared database must do: two instances at once, the schedule lease, fenced writes, migrations.
 */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { emptyOutboxState, OutboxStateSchema } from '../../src/messaging/index.js';
import { migrateDatabase, openPostgresStores } from '../../src/storage/postgres/index.js';
import { createDb } from '../../src/storage/postgres/db.js';
import { createPostgresDeadlineStore } from '../../src/storage/postgres/deadlines.js';
import { createLease, tryTakeLease } from '../../src/storage/postgres/lease.js';
import { LeaseLostError, postgresStateMedia } from '../../src/storage/postgres/state-media.js';
import { freshBeforeEachCall, openSharedCell } from '../../src/storage/postgres/shared-cell.js';
import { createStateStore } from '../../src/storage/state-store.js';
import { z } from 'zod/v4';
import type { BotStores } from '../../src/storage/stores.js';
import { quietLogger, useMigratedDatabase } from '../helpers/postgres.js';
import { describeStoreContract } from './contract/store-contract.js';

const quiet = quietLogger;
const database = useMigratedDatabase();

async function emptyTables(): Promise<void> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query('TRUNCATE counters, tasks, deadlines, subscriptions, conversations, greeted, state_snapshots, state_journal, leases, documents, answered');
  } finally {
    await client.end();
  }
}

const open = (now: () => Date, instanceId?: string) =>
  openPostgresStores({ url: database.url, leaseTtlMs: 1_500, logger: quiet, now, ...(instanceId !== undefined && { instanceId }) });

describeStoreContract('postgres', {
  async open(now) {
    await emptyTables();
    let current: BotStores = await open(now);
    return {
      stores: current,
      async reopen(later) {
        await current.close();
        current = await open(later);
        return current;
      },
      close: () => current.close(),
    };
  },
});

describe('PostgreSQL stores shared by two instances', () => {
  it('numbers tasks created at once on two instances uniquely, and each lists the other\'s', async () => {
    await emptyTables();
    const now = () => new Date('2026-11-25T09:00:00Z');
    const [a, b] = [await open(now), await open(now)];
    try {
      const person = { id: 'aad-mette', name: 'Mette' };
      const made = await Promise.all(
        Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? a : b).tasks.create({ title: `t${i}`, createdBy: person, conversationId: 'a:1' })),
      );
      expect(made.map((r) => r.task.number).sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
      expect((await b.tasks.list('open')).total).toBe(40);
      await a.tasks.complete(7, person);
      expect(await b.tasks.get(7)).toMatchObject({ status: 'done' });
      expect((await a.deadlines.add({ title: 'Budget', date: '2026-12-01', createdBy: 'x' })).kind).toBe('added');
      const [again1, again2] = await Promise.all([a.deadlines.add({ title: 'Ny', date: '2026-12-02', createdBy: 'x' }), b.deadlines.add({ title: 'ny', date: '2026-12-02', createdBy: 'y' })]);
      expect([again1.kind, again2.kind].sort()).toEqual(['added', 'exists']);
      expect(again1.deadline.id).toBe(again2.deadline.id);
      expect(await b.deadlines.list()).toHaveLength(2);
      // A calendar fetched from, or a chart opened on, the other instance.
      const issued = await a.feedTokens.issue({ key: 'aad-mette', userId: '29:mette', lang: 'da' });
      expect(await b.feedTokens.find(issued.subscription.token)).toEqual(issued.subscription);
      expect((await b.feedTokens.issue({ key: 'aad-mette', userId: '29:mette', lang: 'da' })).created).toBe(false);
      const chart = await b.chartLinks.add({ kind: 'all' }, 'da', '2026-11-25');
      expect(await a.chartLinks.find(chart)).toMatchObject({ scope: { kind: 'all' } });
      // A knowledge gap logged on one instance is seen, changed and pruned on the other; a channel subscribes to their digest.
      const gap = await a.gaps.add({ at: '2026-11-25T09:00:00.000Z', question: 'Hvad koster en plads?', lang: 'da', reason: 'unknown', answer: 'Det ved jeg ikke.', status: 'open' });
      await b.gaps.add({ at: '2026-08-01T09:00:00.000Z', question: 'Gammelt', lang: 'da', reason: 'unknown', answer: '', status: 'open' });
      expect(await b.gaps.update(gap.id, { status: 'dismissed' })).toMatchObject({ id: gap.id, status: 'dismissed' });
      expect(await a.gaps.get(gap.id)).toMatchObject({ status: 'dismissed' });
      expect(await a.gaps.removeOlderThan(new Date('2026-09-01T00:00:00Z'))).toBe(1);
      expect((await b.gaps.list()).map((g) => g.question)).toEqual(['Hvad koster en plads?']);
      await b.feedback.add({ at: '2026-11-25T09:00:00.000Z', reaction: 'dislike', comment: 'Forkert' });
      expect((await a.feedback.list()).map((f) => f.comment)).toEqual(['Forkert']);
      expect(await a.subscriptions.subscribe('gaps', 'channel:19:x', 'da')).toBe('subscribed');
      expect((await b.subscriptions.list('gaps')).map((s) => s.key)).toEqual(['channel:19:x']);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('reads the deadlines once per cache period for questions, shows its own additions at once and the other instance\'s after the period', async () => {
    await emptyTables();
    const now = () => new Date('2026-11-25T09:00:00Z');
    let ms = 0;
    const clock = () => ms;
    const [db1, db2] = [createDb({ url: database.url }), createDb({ url: database.url })];
    let queries = 0;
    const counted = new Proxy(db1, {
      get(target, prop, receiver) {
        if (prop !== 'query') return Reflect.get(target, prop, receiver) as unknown;
        return (...args: Parameters<typeof target.query>) => {
          queries += 1;
          return (target.query as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    try {
      const mine = createPostgresDeadlineStore({ db: counted, now, clock, cacheMs: 2_000 });
      const theirs = createPostgresDeadlineStore({ db: db2, now, clock });
      expect(await mine.list()).toEqual([]);
      const before = queries;
      await Promise.all(Array.from({ length: 20 }, () => mine.list()));
      expect(queries - before).toBe(0);
      await theirs.add({ title: 'Budget', date: '2026-12-01', createdBy: 'x' });
      expect(await mine.list()).toEqual([]);
      ms += 2_000;
      expect((await mine.list()).map((d) => d.title)).toEqual(['Budget']);
      await mine.add({ title: 'Indberetning', date: '2026-12-03', createdBy: 'y' });
      expect((await mine.list()).map((d) => d.title)).toEqual(['Budget', 'Indberetning']);
      expect((await mine.upcoming()).map((d) => d.title)).toEqual(['Budget', 'Indberetning']);
    } finally {
      await db1.end();
      await db2.end();
    }
  });

  it('runs migrations once: a second run applies nothing', async () => {
    expect(await migrateDatabase(database.url, quiet)).toEqual([]);
  });
});

describe('schedule lease', () => {
  it('lets one instance hold it; another takes over when it stops, or when it dies and the lease expires', async () => {
    await emptyTables();
    const db = createDb({ url: database.url });
    const events: string[] = [];
    const lease = (holder: string) => createLease({ db, name: 'schedule', holder, ttlMs: 900, logger: quiet });
    const a = lease('a');
    const b = lease('b');
    const handlers = (name: string) => ({ acquired: () => void events.push(`${name}+`), lost: () => void events.push(`${name}-`) });
    try {
      a.start(handlers('a'));
      await until(() => a.held());
      b.start(handlers('b'));
      await sleep(1_200);
      expect([a.held(), b.held()]).toEqual([true, false]);
      await a.stop();
      await until(() => b.held());
      expect(events).toEqual(['a+', 'a-', 'b+']);

      // "c" takes the lease once and dies (never renews): nobody else gets it before it expires.
      await b.stop();
      expect(await tryTakeLease(db, 'schedule', 'c', 900)).toBe(true);
      const d = lease('d');
      d.start(handlers('d'));
      await sleep(300);
      expect(d.held()).toBe(false);
      await until(() => d.held(), 5_000);
      await d.stop();
    } finally {
      await a.stop();
      await b.stop();
      await db.end();
    }
  });

  it('reports an unreachable database (for /healthz) and never takes the lease then', async () => {
    const down = createDb({ url: 'postgres://nobody:x@127.0.0.1:1/none' });
    const lease = createLease({ db: down, name: 'schedule', holder: 'z', ttlMs: 900, logger: quiet });
    try {
      lease.start({ acquired: () => undefined, lost: () => undefined });
      await until(() => lease.failure() !== undefined);
      expect(lease.failure()).toMatch(/^the database cannot be reached \(/);
      expect(lease.held()).toBe(false);
    } finally {
      await lease.stop();
      await down.end();
    }
  });

  it('refuses writes to the outbox document from an instance that does not hold the lease', async () => {
    await emptyTables();
    const db = createDb({ url: database.url });
    try {
      expect(await tryTakeLease(db, 'schedule', 'holder', 5_000)).toBe(true);
      const open = (holder: string) =>
        createStateStore({ name: 'outbox', defaults: emptyOutboxState(), schema: OutboxStateSchema, ...postgresStateMedia(db, 'outbox', { lease: 'schedule', holder }), logger: quiet, now: () => new Date() });
      const mine = await open('holder');
      await mine.update((draft) => {
        draft.accepted['reminder|1'] = '2026-01-01T00:00:00.000Z';
      });
      // Another instance loads what the holder wrote (the journal), and cannot write.
      const theirs = await open('someone-else');
      expect(theirs.read().accepted).toEqual({ 'reminder|1': '2026-01-01T00:00:00.000Z' });
      await expect(
        theirs.update((draft) => {
          draft.accepted['reminder|2'] = 'x';
        }),
      ).rejects.toMatchObject({ cause: expect.any(LeaseLostError) });
      expect((await open('holder')).read().accepted).toEqual({ 'reminder|1': '2026-01-01T00:00:00.000Z' });
    } finally {
      await db.end();
    }
  });
});

describe('shared documents (stores written over a state cell)', () => {
  const Schema = z.object({ count: z.number().int().default(0), names: z.record(z.string(), z.string()).default({}) });
  type Doc = z.infer<typeof Schema>;

  it('loses no change made at once on two instances, and a store over it sees the other instance at every call', async () => {
    await emptyTables();
    const [db1, db2] = [createDb({ url: database.url }), createDb({ url: database.url })];
    try {
      const defaults: Doc = { count: 0, names: {} };
      const [one, two] = [await openSharedCell(db1, 'counter', defaults, Schema), await openSharedCell(db2, 'counter', defaults, Schema)];
      await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          (i % 2 === 0 ? one : two).update((draft) => {
            draft.count += 1;
          }),
        ),
      );
      await one.refresh();
      expect(one.read().count).toBe(30);
      // A store written for a synchronous cell (like the feed tokens): it reads `cell.read()` directly.
      const storeOn = (cell: typeof one) => ({
        add: (key: string, name: string) =>
          cell.update((draft) => {
            draft.names[key] = name;
          }),
        find: async (key: string) => cell.read().names[key],
      });
      const onTwo = freshBeforeEachCall(two, storeOn(two));
      await storeOn(one).add('a', 'Anne');
      expect(await onTwo.find('a')).toBe('Anne');
      expect(await storeOn(two).find('b')).toBeUndefined();
      await expect(one.update(() => { throw new Error('refused'); })).rejects.toThrow('refused');
      await one.refresh();
      expect(one.read()).toEqual({ count: 30, names: { a: 'Anne' } });
    } finally {
      await db1.end();
      await db2.end();
    }
  });
});

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function until(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await sleep(50);
  }
}
