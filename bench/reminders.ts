/**
 * The reminder scan over the production wiring (as `src/teams/handlers/reminders.ts` builds it, on a real STATE_DIR):
 * 10,000 tasks in the task store, 1,000 chat deadlines, the seed knowledge base's dates, users with personal chats,
 * subscribers, and the reminder cron `0 8 * * 1-5`, at 08:00 on a weekday in Copenhagen.
 *
 * - scan: collect everything that can be reminded of and find what is due (`collectItems` + `findDueReminders`);
 * - first run: `runReminders()` when reminders are due: the scan, the cards and one confirmed outbox write;
 * - later runs: `runReminders()` again the same morning: the scan, everything already sent.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { KnowledgeBase } from '../src/knowledge/knowledge-base.js';
import { createConversationStore, ConversationStateSchema, emptyConversationState } from '../src/messaging/conversation-store.js';
import type { ConversationRef } from '../src/messaging/conversation-ref.js';
import { createDeadlineStore, DeadlineStateSchema, emptyDeadlineState, type ChatDeadline } from '../src/reminders/deadlines.js';
import { findDueReminders } from '../src/reminders/due.js';
import { silentLogger } from '../src/reminders/logger.js';
import { createNotifier } from '../src/messaging/notifier.js';
import { createOutbox, emptyOutboxState, OutboxStateSchema } from '../src/messaging/outbox.js';
import { createReminderService } from '../src/reminders/reminder-service.js';
import { firstRunAtOrAfter } from '../src/reminders/scheduler.js';
import { stateCell } from '../src/reminders/state.js';
import { createSubscriptions, emptySubscriptionState, SubscriptionStateSchema } from '../src/reminders/subscriptions.js';
import { openStateDir } from '../src/storage/index.js';
import { createTaskStore, TASK_STATE } from '../src/storage/file-task-store.js';
import { buildDigestMessage, buildReminderMessage } from '../src/teams/cards/reminder-card.js';
import { addDays, toLocalDate } from '../src/time/format-date.js';
import { summarize, type Summary } from './stats.js';
import { silentStateLogger, syntheticTasks } from './tasks.js';

/** Options of {@link benchmarkReminderScan}. */
export interface ReminderBenchOptions {
  readonly tasks: number;
  readonly deadlines: number;
  /** Users with a personal chat with the bot (task owners are drawn from 200 ids; those beyond `users` are unreachable). */
  readonly users: number;
  /** Users subscribed to deadline reminders. */
  readonly subscribers: number;
  /** Timed scans (and as many later runs). */
  readonly runs: number;
  readonly knowledge?: KnowledgeBase;
  /** The instant of the run (default Tuesday 24 November 2026, 08:00 in Copenhagen). */
  readonly now?: Date;
  readonly baseDir?: string;
}

/** The reminder figures. */
export interface ReminderBenchResult {
  readonly items: number;
  readonly due: number;
  readonly scan: Summary;
  /** The first scan of the process (code not yet optimised, formatters not yet built). */
  readonly firstScanMs: number;
  readonly firstRunMs: number;
  readonly enqueued: number;
  readonly laterRuns: Summary;
}

const LEAD_DAYS = [7, 1, 0];
const CRON = '0 8 * * 1-5';
const BOT = { id: '28:bench-bot', name: 'Leder' };
/** The outbox's own cost per message, without the pace it keeps towards Teams (see fanout.ts for that). */
const UNPACED = { ratePerSecond: 100_000 };

function personalRef(user: number): ConversationRef {
  return {
    serviceUrl: 'http://127.0.0.1:9/',
    channelId: 'msteams',
    conversation: { id: `a:bench-personal-${user}`, conversationType: 'personal', tenantId: 'bench-tenant' },
    bot: BOT,
    user: { id: `29:bench-user-${user}`, name: `Bench User ${user}`, aadObjectId: `00000000-0000-4000-8000-${String(user).padStart(12, '0')}` },
    locale: user % 3 === 0 ? 'en-US' : 'da-DK',
  };
}

/** Sets up the stores and times the scan and the runs. */
export async function benchmarkReminderScan(options: ReminderBenchOptions): Promise<ReminderBenchResult> {
  const now = options.now ?? new Date('2026-11-24T07:00:00Z');
  const clock = () => now;
  const dir = await mkdtemp(path.join(options.baseDir ?? os.tmpdir(), 'bench-reminders-'));
  const root = await openStateDir(dir, { logger: silentStateLogger, now: clock });
  const remindersDir = await openStateDir(path.join(dir, 'reminders'), { logger: silentStateLogger, now: clock });
  try {
    const taskState = await root.open(TASK_STATE);
    const seedTasks = syntheticTasks(options.tasks, now);
    await taskState.update((draft) => {
      draft.tasks = seedTasks;
      draft.nextNumber = seedTasks.length + 1;
    });
    const tasks = createTaskStore({ store: taskState, now: clock });

    const conversationState = stateCell(await remindersDir.open({ name: 'conversations', defaults: emptyConversationState(), schema: ConversationStateSchema }));
    const subscriptionState = stateCell(await remindersDir.open({ name: 'subscriptions', defaults: emptySubscriptionState(), schema: SubscriptionStateSchema }));
    const deadlineState = stateCell(await remindersDir.open({ name: 'deadlines', defaults: emptyDeadlineState(), schema: DeadlineStateSchema }));
    const outboxState = stateCell(await remindersDir.open({ name: 'outbox', defaults: emptyOutboxState(), schema: OutboxStateSchema }));

    const conversations = createConversationStore({ store: conversationState, now: clock });
    for (let user = 0; user < options.users; user++) await conversations.remember(personalRef(user));
    const subscriptions = createSubscriptions({ store: subscriptionState, now: clock });
    await subscriptionState.update((draft) => {
      for (let user = 0; user < options.subscribers; user++) draft.reminders[`user:29:bench-user-${user}`] = { lang: user % 3 === 0 ? 'en' : 'da', since: now.toISOString() };
    });
    const today = toLocalDate(now);
    await deadlineState.update((draft) => {
      for (let i = 0; i < options.deadlines; i++) {
        const deadline: ChatDeadline = {
          id: `frist-${i + 1}`,
          title: `Indberetning ${i + 1} til forvaltningen`,
          date: addDays(today, i % 365),
          createdBy: '29:bench-user-0',
          createdAt: now.toISOString(),
        };
        draft.deadlines.push(deadline);
      }
      draft.nextNumber = options.deadlines + 1;
    });
    const deadlines = createDeadlineStore({ store: deadlineState, now: clock });
    const outbox = createOutbox({ store: outboxState, channel: { send: async () => ({ ok: true }) }, logger: silentLogger, now: clock, delivery: UNPACED });
    const firstRun = firstRunAtOrAfter(CRON);
    const service = createReminderService({
      now: clock,
      leadDays: LEAD_DAYS,
      graceMs: 24 * 3_600_000,
      firstRunAtOrAfter: firstRun,
      ...(options.knowledge && { kb: options.knowledge }),
      deadlines,
      tasks,
      subscriptions,
      notifier: createNotifier({ conversations, outbox }),
      messages: { reminder: buildReminderMessage, digest: buildDigestMessage },
      logger: silentLogger,
    });

    const scan = async () => {
      const items = await service.collectItems();
      const due = findDueReminders({ now, leadDays: LEAD_DAYS, graceMs: 24 * 3_600_000, items, isSent: (key) => outbox.isAccepted(key), firstRunAtOrAfter: firstRun });
      return { items: items.length, due: due.length };
    };
    const scanTimes: number[] = [];
    let counts = { items: 0, due: 0 };
    for (let i = 0; i < options.runs; i++) {
      const started = performance.now();
      counts = await scan();
      scanTimes.push(performance.now() - started);
    }
    const firstStarted = performance.now();
    const { enqueued } = await service.runReminders();
    const firstRunMs = performance.now() - firstStarted;
    const laterTimes: number[] = [];
    for (let i = 0; i < options.runs; i++) {
      const started = performance.now();
      const again = await service.runReminders();
      laterTimes.push(performance.now() - started);
      if (again.enqueued !== 0) throw new Error(`bench: a later reminder run enqueued ${again.enqueued} again`);
    }
    return { ...counts, scan: summarize(scanTimes), firstScanMs: scanTimes[0] ?? Number.NaN, firstRunMs, enqueued, laterRuns: summarize(laterTimes) };
  } finally {
    await remindersDir.close();
    await root.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** The outbox delivering a queue of proactive messages (one per conversation, so the rate limit never waits). */
export interface DeliveryBenchResult {
  readonly queued: number;
  readonly enqueueMs: number;
  /** One `deliverDue()` pass sending all of them, each send answered at once. */
  readonly deliverMs: number;
  readonly delivered: number;
}

/** Times enqueueing `queued` reminder-sized messages and delivering them, on a real STATE_DIR. */
export async function benchmarkOutboxDelivery(options: { readonly queued: number; readonly baseDir?: string; readonly now?: Date }): Promise<DeliveryBenchResult> {
  const now = options.now ?? new Date('2026-11-24T07:00:00Z');
  const clock = () => now;
  const dir = await mkdtemp(path.join(options.baseDir ?? os.tmpdir(), 'bench-outbox-'));
  const stateDir = await openStateDir(dir, { logger: silentStateLogger, now: clock });
  try {
    const state = stateCell(await stateDir.open({ name: 'outbox', defaults: emptyOutboxState(), schema: OutboxStateSchema }));
    const outbox = createOutbox({ store: state, channel: { send: async () => ({ ok: true }) }, logger: silentLogger, now: clock, delivery: UNPACED });
    const entries = Array.from({ length: options.queued }, (_, i) => {
      const deadline: ChatDeadline = { id: `frist-${i}`, title: `Indberetning ${i} til forvaltningen`, date: addDays(toLocalDate(now), 7), createdBy: 'x', createdAt: now.toISOString() };
      const item = { kind: 'deadline' as const, id: deadline.id, date: deadline.date, recipients: [`user:${i}`], title: { da: deadline.title, en: deadline.title } };
      const message = buildReminderMessage({ key: `k${i}`, item, recipient: `user:${i}`, leadDays: 7, daysLeft: 7, fireAt: now }, 'da');
      return { dedupeKey: `reminder:${i}`, ref: personalRef(i), message };
    });
    const enqueueStarted = performance.now();
    await outbox.enqueue(entries);
    const enqueueMs = performance.now() - enqueueStarted;
    const deliverStarted = performance.now();
    const report = await outbox.deliverDue();
    return { queued: options.queued, enqueueMs, deliverMs: performance.now() - deliverStarted, delivered: report.delivered };
  } finally {
    await stateDir.close();
    await rm(dir, { recursive: true, force: true });
  }
}
