/**
 * `npm run bench:postgres [stored] [operations]`: the task and reminder figures on PostgreSQL beside the lowdb files,
 * on the same synthetic data: task create and complete (each awaited, one at a time) with `stored` tasks already
 * there (default 10,000), and the reminder scan (`collectItems` + `findDueReminders`: open tasks with a due date,
 * 1,000 deadlines, 150 users) on each backend.
 *
 * PostgreSQL: DATABASE_URL when set (a database it may fill; tables are emptied first), else a throwaway server
 * from Debian's package (as the tests use, but with commits flushed to disk like the file store's writes). Both backends run on this machine's disk, so the PostgreSQL figures
 * include a loopback round trip per statement and no network latency to a managed server.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../src/config/env.js';
import { createNotifier } from '../src/messaging/index.js';
import type { ConversationRef, Outbox } from '../src/messaging/index.js';
import { findDueReminders } from '../src/reminders/due.js';
import { createReminderService } from '../src/reminders/reminder-service.js';
import { firstRunAtOrAfter } from '../src/reminders/scheduler.js';
import { openFileStores } from '../src/storage/file-stores.js';
import { DEFAULT_TEAM, migrateDatabase, openPostgresStores } from '../src/storage/postgres/index.js';
import type { BotStores } from '../src/storage/stores.js';
import { addDays, toLocalDate } from '../src/time/format-date.js';
import { buildDigestMessage, buildReminderMessage } from '../src/teams/cards/reminder-card.js';
import { startPostgresCluster } from '../tests/helpers/postgres-cluster.js';
import { summarize, type Summary } from './stats.js';
import { benchmarkTasks, silentStateLogger, syntheticTasks } from './tasks.js';

const stored = Number(process.argv[2] ?? 10_000);
const operations = Number(process.argv[3] ?? 200);
const scanRuns = 10;
const now = new Date('2026-11-24T07:00:00Z');
const clock = () => now;
const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const leader = { id: 'bench-leader', name: 'Bench Leder' };

function personalRef(user: number): ConversationRef {
  return {
    serviceUrl: 'http://127.0.0.1:9/',
    channelId: 'msteams',
    conversation: { id: `a:bench-personal-${user}`, conversationType: 'personal', tenantId: 'bench-tenant' },
    bot: { id: '28:bench-bot', name: 'Leder' },
    user: { id: `29:bench-user-${user}`, name: `Bench User ${user}`, aadObjectId: `00000000-0000-4000-8000-${String(user).padStart(12, '0')}` },
  };
}

async function timeOps(stores: BotStores): Promise<{ create: Summary; complete: Summary }> {
  const createTimes: number[] = [];
  const numbers: number[] = [];
  const due = addDays(toLocalDate(now), 14);
  for (let i = 0; i < operations; i++) {
    const started = performance.now();
    const { task } = await stores.tasks.create({ title: `Ring til forældrebestyrelsen om møde ${i}`, due, createdBy: leader, conversationId: '19:bench@thread.tacv2' });
    createTimes.push(performance.now() - started);
    numbers.push(task.number);
  }
  const completeTimes: number[] = [];
  for (const number of numbers) {
    const started = performance.now();
    const result = await stores.tasks.complete(number, leader);
    completeTimes.push(performance.now() - started);
    if (!result.ok) throw new Error(`bench: completing #${number}: ${result.reason}`);
  }
  return { create: summarize(createTimes), complete: summarize(completeTimes) };
}

/** Seeds users, subscribers and deadlines through the store interfaces, then times the scan. */
async function timeScan(stores: BotStores): Promise<{ scan: Summary; items: number; due: number }> {
  for (let user = 0; user < 150; user++) await stores.conversations.remember(personalRef(user));
  for (let user = 0; user < 50; user++) await stores.subscriptions.subscribe('reminders', `user:29:bench-user-${user}`, 'da');
  const today = toLocalDate(now);
  for (let i = 0; i < 1_000; i++) await stores.deadlines.add({ title: `Indberetning ${i + 1}`, date: addDays(today, i % 365), createdBy: '29:bench-user-0' });
  const firstRun = firstRunAtOrAfter('0 8 * * 1-5');
  const service = createReminderService({
    now: clock,
    leadDays: [7, 1, 0],
    graceMs: 24 * 3_600_000,
    firstRunAtOrAfter: firstRun,
    deadlines: stores.deadlines,
    tasks: stores.tasks,
    subscriptions: stores.subscriptions,
    // The scan does not enqueue; nothing is sent here.
    notifier: createNotifier({ conversations: stores.conversations, outbox: {} as Outbox }),
    messages: { reminder: buildReminderMessage, digest: buildDigestMessage },
    logger: silent,
  });
  const times: number[] = [];
  let items = 0;
  let due = 0;
  for (let run = 0; run < scanRuns; run++) {
    const started = performance.now();
    const found = await service.collectItems();
    const reminders = findDueReminders({ now, leadDays: [7, 1, 0], graceMs: 24 * 3_600_000, items: found, isSent: () => false, firstRunAtOrAfter: firstRun });
    times.push(performance.now() - started);
    items = found.length;
    due = reminders.length;
  }
  return { scan: summarize(times), items, due };
}

async function seedPostgresTasks(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tasks = syntheticTasks(stored, now);
    for (let i = 0; i < tasks.length; i += 1_000) {
      const chunk = tasks.slice(i, i + 1_000);
      await client.query(
        `INSERT INTO tasks (team, number, status, due, data)
         SELECT $1, (t->>'number')::int, t->>'status', t->>'due', t FROM jsonb_array_elements($2::jsonb) AS t`,
        [DEFAULT_TEAM, JSON.stringify(chunk)],
      );
    }
    await client.query('INSERT INTO counters (name, next_value) VALUES ($1, $2)', [`tasks:${DEFAULT_TEAM}`, stored + 1]);
  } finally {
    await client.end();
  }
}

async function emptyTables(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('TRUNCATE counters, tasks, deadlines, subscriptions, conversations, greeted').finally(() => client.end());
}

const format = (s: Summary) => `p50 ${s.p50.toFixed(2)} ms, p99 ${s.p99.toFixed(2)} ms, max ${s.max.toFixed(2)} ms`;

const configured = loadConfig().databaseUrl;
const cluster = configured === undefined ? await startPostgresCluster({ durable: true }) : undefined;
const url = configured ?? (cluster as NonNullable<typeof cluster>).adminUrl;
const temp = await mkdtemp(path.join(os.tmpdir(), 'bench-postgres-'));
try {
  console.log(`bench: ${stored} tasks stored, ${operations} creates then ${operations} completes; reminder scan x${scanRuns}`);
  const files = await benchmarkTasks({ stored, operations, now, baseDir: temp });
  console.log(`lowdb files  create   ${format(files.create)}`);
  console.log(`lowdb files  complete ${format(files.complete)}`);

  await migrateDatabase(url, silentStateLogger);
  await emptyTables(url);
  await seedPostgresTasks(url);
  const pgStores = await openPostgresStores({ url, leaseTtlMs: 15_000, logger: silentStateLogger, now: clock });
  try {
    const ops = await timeOps(pgStores);
    console.log(`PostgreSQL   create   ${format(ops.create)}`);
    console.log(`PostgreSQL   complete ${format(ops.complete)}`);
    const scan = await timeScan(pgStores);
    console.log(`PostgreSQL   reminder scan (${scan.items} items, ${scan.due} due) ${format(scan.scan)}`);
  } finally {
    await pgStores.close();
  }

  // The same scan on files, seeded the same way (the tasks through the store, as the bench above left them).
  const fileStores = await openFileStores({ stateDir: path.join(temp, 'scan'), logger: silentStateLogger, now: clock });
  try {
    for (const task of syntheticTasks(stored, now)) {
      const created = await fileStores.tasks.create({ title: task.title, owner: task.owner, ...(task.due !== undefined && { due: task.due }), createdBy: task.createdBy, conversationId: task.conversationId });
      if (task.status === 'done') await fileStores.tasks.complete(created.task.number, leader);
    }
    const scan = await timeScan(fileStores);
    console.log(`lowdb files  reminder scan (${scan.items} items, ${scan.due} due) ${format(scan.scan)}`);
  } finally {
    await fileStores.close();
  }
} finally {
  await rm(temp, { recursive: true, force: true });
  await cluster?.stop();
}
