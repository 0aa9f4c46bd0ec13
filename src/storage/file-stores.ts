/**
 * The file backend of the bot's stores: every store the domains declare, opened on lowdb files in STATE_DIR
 * (one process at a time: each state folder is locked).
 *
 * Layout (unchanged from earlier versions, so existing state folders keep working):
 * `STATE_DIR/tasks.json`, `STATE_DIR/reminders/{conversations,subscriptions,deadlines,outbox}.json`,
 * `STATE_DIR/teams/{contacts,gaps,feedback,answered}.json`, each with its journal and `backups/`.
 */
import path from 'node:path';
import { createFeedTokens, emptyFeedTokenState, FeedTokenStateSchema, type FeedTokenState } from '../calendar/index.js';
import { ChartLinkStateSchema, createChartLinks, emptyChartLinkState, type ChartLinkState } from '../org-chart/index.js';
import { createConversationStore, ConversationStateSchema, emptyConversationState, emptyOutboxState, OutboxStateSchema } from '../messaging/index.js';
import { createDeadlineStore, DeadlineStateSchema, emptyDeadlineState } from '../reminders/deadlines.js';
import { stateCell } from '../reminders/state.js';
import { createSubscriptions, emptySubscriptionState, SubscriptionStateSchema } from '../reminders/subscriptions.js';
import { FeedbackSchema, GapSchema } from '../feedback/records.js';
import { ANSWERED_STATE, createStateAnsweredStore } from './answered-store.js';
import { createTaskStore, TASK_STATE } from './file-task-store.js';
import { createStateRecordStore, recordStateDefinition } from './record-store.js';
import type { BotStores, GreetedStore, ScheduleGate, ScheduleHandlers } from './stores.js';
import { openStateDir } from './state-dir.js';
import type { StateDir, StateHealth } from './state-dir.js';
import type { StateLogger } from './types.js';
import { z } from 'zod/v4';

/** Options of {@link openFileStores}. */
export interface FileStoresOptions {
  /** STATE_DIR. */
  readonly stateDir: string;
  readonly timeZone?: string;
  readonly logger: StateLogger;
  readonly now: () => Date;
  /** Start even when confirmed state was lost (ACCEPT_STATE_LOSS=1); the loss is reported through `health`. */
  readonly acceptLoss?: boolean;
  /** Where every store reports its problems (for `/healthz`). */
  readonly health?: StateHealth;
}

const GreetedStateSchema = z.object({
  greeted: z.record(z.string(), z.string().describe('ISO time of the first contact')),
});
type GreetedState = z.infer<typeof GreetedStateSchema>;

/** Every state file: its folder under STATE_DIR and its definition (also read by `npm run state:migrate`). */
export const FILE_STATES = {
  tasks: { folder: '.', definition: TASK_STATE },
  conversations: { folder: 'reminders', definition: { name: 'conversations', defaults: emptyConversationState(), schema: ConversationStateSchema } },
  subscriptions: { folder: 'reminders', definition: { name: 'subscriptions', defaults: emptySubscriptionState(), schema: SubscriptionStateSchema } },
  deadlines: { folder: 'reminders', definition: { name: 'deadlines', defaults: emptyDeadlineState(), schema: DeadlineStateSchema, counters: ['nextNumber'] } },
  outbox: { folder: 'reminders', definition: { name: 'outbox', defaults: emptyOutboxState(), schema: OutboxStateSchema } },
  greeted: { folder: 'teams', definition: { name: 'contacts', defaults: { greeted: {} } as GreetedState, schema: GreetedStateSchema } },
  feedTokens: { folder: 'teams', definition: { name: 'calendar-feeds', defaults: emptyFeedTokenState(), schema: FeedTokenStateSchema } },
  chartLinks: { folder: 'teams', definition: { name: 'chart-links', defaults: emptyChartLinkState(), schema: ChartLinkStateSchema } },
} as const;

/** The people greeted, over `STATE_DIR/teams/contacts.json`. */
async function openGreeted(dir: StateDir, now: () => Date): Promise<GreetedStore> {
  const store = await dir.open<GreetedState>(FILE_STATES.greeted.definition);
  // Greetings decided but not yet written: two turns at once still greet only once.
  const pending = new Set<string>();
  return {
    async firstContact(key) {
      if (pending.has(key) || Object.hasOwn(store.read().greeted, key)) return false;
      pending.add(key);
      try {
        await store.update((draft) => {
          draft.greeted[key] = now().toISOString();
        });
      } finally {
        pending.delete(key);
      }
      return true;
    },
  };
}

/**
 * Opens (and locks) STATE_DIR and its sub-folders and every store in them.
 * @throws StateDirInUseError when another live process holds a folder.
 */
export async function openFileStores(options: FileStoresOptions): Promise<BotStores> {
  const { timeZone } = options;
  const dirOptions = { logger: options.logger, now: options.now, ...(options.acceptLoss !== undefined && { acceptLoss: options.acceptLoss }), ...(options.health && { health: options.health }) };
  const { now } = options;
  const dirs: StateDir[] = [];
  const closeDirs = async () => {
    for (const dir of dirs.reverse()) await dir.close();
  };
  try {
    // STATE_DIR first: its lock error names the folder an operator knows.
    const root = await openStateDir(options.stateDir, dirOptions);
    dirs.push(root);
    const reminders = await openStateDir(path.join(options.stateDir, 'reminders'), dirOptions);
    dirs.push(reminders);
    const teams = await openStateDir(path.join(options.stateDir, 'teams'), dirOptions);
    dirs.push(teams);

    const tasks = createTaskStore({ store: await root.open(FILE_STATES.tasks.definition), now, ...(timeZone !== undefined && { timeZone }) });
    const conversations = createConversationStore({ store: stateCell(await reminders.open(FILE_STATES.conversations.definition)), now });
    const subscriptions = createSubscriptions({ store: stateCell(await reminders.open(FILE_STATES.subscriptions.definition)), now });
    const deadlines = createDeadlineStore({
      store: stateCell(await reminders.open(FILE_STATES.deadlines.definition)),
      now,
      ...(timeZone !== undefined && { timeZone }),
    });
    const outbox = stateCell(await reminders.open(FILE_STATES.outbox.definition));
    const greeted = await openGreeted(teams, now);
    // The calendar feed tokens and chart links are small: they share STATE_DIR/teams with the greetings.
    const feeds = await teams.open(FILE_STATES.feedTokens.definition);
    const feedTokens = createFeedTokens({ cell: { read: () => feeds.read() as FeedTokenState, update: (fn) => feeds.update(fn) }, now });
    const links = await teams.open(FILE_STATES.chartLinks.definition);
    const chartLinks = createChartLinks({ cell: { read: () => links.read() as ChartLinkState, update: (fn) => links.update(fn) }, now });
    // So are the knowledge-gap log and the feedback on answers.
    const gaps = createStateRecordStore(await teams.open(recordStateDefinition('gaps', GapSchema)), 'gap');
    const feedback = createStateRecordStore(await teams.open(recordStateDefinition('feedback', FeedbackSchema)), 'feedback');
    const answered = createStateAnsweredStore(await teams.open(ANSWERED_STATE));
    // One process owns STATE_DIR (its lock), so it always runs the schedule.
    let handlers: ScheduleHandlers | undefined;
    const schedule: ScheduleGate = {
      start(given) {
        handlers = given;
        void Promise.resolve(given.acquired()).catch((error: unknown) => options.logger.error({ err: error }, 'could not start the schedule'));
      },
      async stop() {
        await handlers?.lost();
        handlers = undefined;
      },
    };
    return { backend: 'files', tasks, conversations, subscriptions, deadlines, outbox, greeted, feedTokens, chartLinks, gaps, feedback, answered, schedule, close: closeDirs };
  } catch (error) {
    await closeDirs();
    throw error;
  }
}
