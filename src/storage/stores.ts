/**
 * What a storage backend hands the composition root: one implementation of every store interface the
 * domains declare. The domains know only their interfaces; `src/main.ts` picks the backend.
 */
import type { FeedTokens } from '../calendar/index.js';
import type { ChartLinks } from '../org-chart/index.js';
import type { Feedback, Gap, RecordStore } from '../feedback/records.js';
import type { ConversationStore, OutboxState, StateCell } from '../messaging/index.js';
import type { DeadlineStore } from '../reminders/deadlines.js';
import type { Subscriptions } from '../reminders/subscriptions.js';
import type { TaskStore } from '../tasks/task-store.js';

/** The people the bot has greeted (the welcome comes once per person). */
export interface GreetedStore {
  /** Records the person; resolves `true` only the first time anyone (any instance) meets them. */
  firstContact(personKey: string): Promise<boolean>;
}

/** Every store of the bot, from one backend. */
export interface BotStores {
  /** `files` (lowdb in STATE_DIR, one process) or `postgres` (DATABASE_URL, any number of instances). */
  readonly backend: 'files' | 'postgres';
  readonly tasks: TaskStore;
  readonly deadlines: DeadlineStore;
  readonly subscriptions: Subscriptions;
  readonly conversations: ConversationStore;
  /** The outbox's queue and sent-log (written only by the instance that delivers). */
  readonly outbox: StateCell<OutboxState>;
  readonly greeted: GreetedStore;
  /** The knowledge-gap log (questions, never user ids). */
  readonly gaps: RecordStore<Gap>;
  /** Thumbs up/down on answers, with comments (no user ids). */
  readonly feedback: RecordStore<Feedback>;
  /** The leaders' calendar feed tokens. */
  readonly feedTokens: FeedTokens;
  /** The links to chart pictures. */
  readonly chartLinks: ChartLinks;
  /** Waits for pending writes and releases files, locks and connections. */
  close(): Promise<void>;
}
