/**
 * What a storage backend hands the composition root: one implementation of every store interface the
 * domains declare. The domains know only their interfaces; `src/main.ts` picks the backend.
 */
import type { FeedTokens } from '../calendar/index.js';
import type { ChartLinks } from '../org-chart/index.js';
import type { AnsweredStore } from '../feedback/answered.js';
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

/** What the composition root runs while this instance holds the schedule. */
export interface ScheduleHandlers {
  /** This instance now runs the schedule and the outbox (the outbox state is loaded fresh before this is called). */
  acquired(): Promise<void> | void;
  /** Another instance (may) run them now: stop at once. */
  lost(): Promise<void> | void;
}

/**
 * Decides which instance runs the scheduled work (reminder scan, digest, outbox delivery): with files the one
 * process always does; with PostgreSQL one instance at a time holds a lease.
 */
export interface ScheduleGate {
  start(handlers: ScheduleHandlers): void;
  /** Stops (calling `lost` when this instance held the schedule) and hands it over. */
  stop(): Promise<void>;
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
  /** The answered messages feedback may name (question and answer, no user ids). */
  readonly answered: AnsweredStore;
  /** The leaders' calendar feed tokens. */
  readonly feedTokens: FeedTokens;
  /** The links to chart pictures. */
  readonly chartLinks: ChartLinks;
  /** Which instance runs the schedule and the outbox. */
  readonly schedule: ScheduleGate;
  /** What is wrong with the backend now, for `/healthz` (e.g. the database cannot be reached); empty when fine. */
  problems?(): readonly string[];
  /** Waits for pending writes and releases files, locks and connections. */
  close(): Promise<void>;
}
