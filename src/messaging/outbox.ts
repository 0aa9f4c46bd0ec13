/**
 * A persistent outbox for proactive messages: queued in the state store, delivered through a
 * {@link MessageChannel}, retried when the channel asks for it, deduplicated by key.
 *
 * - Enqueueing records the dedupe key and the message in one durable write, so a key is handed over
 *   once even across restarts; pending messages are resumed when the outbox starts again. (A crash
 *   between a successful send and its write-back sends that message again: at-least-once at the wire.)
 * - The queue is a record keyed by item id, so marking a message sent, failed or retried journals that
 *   one entry whatever the queue's length. The marks are written behind the sends: each write takes
 *   every mark made while the one before it was on its way, and a round ends only once all are written.
 * - `transient` and `throttled` failures are retried with exponential backoff and jitter, at least as late
 *   as the channel's `retryAfterMs` says, up to `maxAttempts` tries.
 * - `gone` means the bot was removed or blocked, or the conversation is gone: no retry; the
 *   conversation's other pending messages are dropped and `onGone` removes its reference.
 * - At most `limit` messages per `windowMs` per conversation (Teams allows 7 per second).
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod/v4';
import type { MessageChannel, SendResult } from './channel.js';
import { ConversationRefSchema, baseConversationId, type ConversationRef } from './conversation-ref.js';
import type { Logger } from './logger.js';
import type { OutboundMessage } from './message.js';
import { createRateLimiter, type RateLimiterOptions } from './rate-limit.js';
import type { StateCell } from './state-cell.js';

const OutboundMessageSchema = z.object({
  text: z.string().optional(),
  summary: z.string().optional(),
  attachments: z.array(z.object({ contentType: z.string(), content: z.unknown() })).optional(),
});

/** One queued message. */
export const OutboxItemSchema = z.object({
  id: z.string(),
  dedupeKey: z.string(),
  ref: ConversationRefSchema,
  message: OutboundMessageSchema,
  attempts: z.number().int().nonnegative(),
  /** ISO instant of the next try. */
  nextAttemptAt: z.string(),
  createdAt: z.string(),
  lastStatus: z.number().int().optional(),
});
export type OutboxItem = z.infer<typeof OutboxItemSchema>;

/** A message given up on, kept (the latest few) for inspection. */
export const DeadLetterSchema = z.object({
  dedupeKey: z.string(),
  conversationId: z.string(),
  reason: z.string(),
  status: z.number().int().optional(),
  attempts: z.number().int(),
  at: z.string(),
});
export type DeadLetter = z.infer<typeof DeadLetterSchema>;

/** The outbox's durable state. */
export const OutboxStateSchema = z.object({
  /**
   * Waiting messages by item id: marking one sent, failed or retried changes (and journals) that entry alone, never
   * the whole queue (see `src/storage/changes.ts`).
   */
  queue: z.record(z.string(), OutboxItemSchema).default({}),
  /** The sent-log: every dedupe key handed to the outbox, with when (ISO); pruned after `keepKeysMs`. */
  accepted: z.record(z.string(), z.string()).default({}),
  /** The latest dead letters, oldest first: between {@link DEAD_LETTERS_KEPT} and twice as many. */
  dead: z.array(DeadLetterSchema).default([]),
  /**
   * The waiting messages as an array, where state files written before the keyed `queue` kept them. Loaded as it is
   * (so an old journal still replays onto it) and moved into `queue` by the outbox's first write.
   */
  pending: z.array(OutboxItemSchema).optional(),
});
export type OutboxState = z.infer<typeof OutboxStateSchema>;

/** An empty outbox state. */
export function emptyOutboxState(): OutboxState {
  return { queue: {}, accepted: {}, dead: [] };
}

/** Retry policy. */
export interface RetryOptions {
  /** Tries in all, the first included. */
  readonly maxAttempts: number;
  /** Delay before the second try; doubled for each later one. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** Share of the delay taken off at random (0 = no jitter), so retries of many messages spread out. */
  readonly jitter: number;
}

export const DEFAULT_RETRY: RetryOptions = { maxAttempts: 6, baseDelayMs: 1_000, maxDelayMs: 60_000, jitter: 0.25 };
/** Under Teams' 7 messages per second per conversation, with room for clock jitter. */
export const DEFAULT_RATE: RateLimiterOptions = { limit: 5, windowMs: 1_000 };

/** Sends whose outcomes may wait unwritten at most: what a crash could send twice when sends beat writes. */
const MAX_UNWRITTEN_MARKS = 50;
const RETRIED: ReadonlySet<string> = new Set(['transient', 'throttled']);
/** Dead letters kept at least; trimmed back to this many when twice as many have piled up (one rewrite per 100). */
export const DEAD_LETTERS_KEPT = 100;

/** Options of {@link createOutbox}. */
export interface OutboxOptions {
  readonly store: StateCell<OutboxState>;
  readonly channel: MessageChannel;
  readonly logger: Logger;
  readonly now?: () => Date;
  /** Called when a conversation is found gone: remove its reference. Errors are logged. */
  readonly onGone?: (ref: ConversationRef, status: number) => Promise<void> | void;
  readonly retry?: Partial<RetryOptions>;
  readonly rate?: RateLimiterOptions;
  /** Random numbers in [0, 1) for jitter. */
  readonly random?: () => number;
  /** How long dedupe keys are remembered (default 60 days). */
  readonly keepKeysMs?: number;
}

/** A message to enqueue. */
export interface OutboxEntry {
  readonly dedupeKey: string;
  readonly ref: ConversationRef;
  readonly message: OutboundMessage;
}

/** The outcome of one delivery pass. */
export interface DeliveryReport {
  readonly delivered: number;
  readonly retried: number;
  readonly dropped: number;
}

/** The persistent outbox. */
export interface Outbox {
  /** Queues messages whose keys were never accepted before; returns the keys taken and those skipped. */
  enqueue(entries: readonly OutboxEntry[]): Promise<{ readonly accepted: readonly string[]; readonly duplicates: readonly string[] }>;
  /** True when a key was handed to the outbox (delivered, pending or given up). */
  isAccepted(dedupeKey: string): boolean;
  /** Messages still waiting, in the order queued (a fresh array). */
  pending(): readonly OutboxItem[];
  /** Sends everything due now (as far as the rate limit allows) and returns. */
  deliverDue(): Promise<DeliveryReport>;
  /** Delivers in the background until stopped: now, whenever something is enqueued, and when retries fall due. */
  start(): void;
  /** Stops the background delivery and waits for a pass in progress. */
  stop(): Promise<void>;
  /** Resolves when nothing is pending or due soon (for tests and shutdown). */
  idle(): Promise<void>;
}

/** The delay before try `attempt + 1` after `attempt` failed tries: exponential, capped, with jitter. */
export function retryDelayMs(attempt: number, retry: RetryOptions, random: () => number, retryAfterMs?: number): number {
  const exponential = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  const jittered = exponential * (1 - retry.jitter * random());
  return Math.max(jittered, retryAfterMs ?? 0);
}

/** A send's outcome, waiting to be written: delivered (removed), to be retried, or given up (removed, dead letter). */
type Mark =
  | { readonly kind: 'delivered'; readonly id: string }
  | { readonly kind: 'retried'; readonly id: string; readonly attempts: number; readonly nextAttemptAt: string; readonly status: number }
  | { readonly kind: 'dropped'; readonly id: string; readonly letter: DeadLetter };

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Delivery order: the earliest due first, then the oldest (ISO instants of one format compare as text). */
const byDeliveryOrder = (a: OutboxItem, b: OutboxItem): number =>
  compareText(a.nextAttemptAt, b.nextAttemptAt) || compareText(a.createdAt, b.createdAt);

/** Keeps the dead letters bounded with a rewrite once per {@link DEAD_LETTERS_KEPT} letters, not one per letter. */
function trimDeadLetters(state: OutboxState): void {
  if (state.dead.length > 2 * DEAD_LETTERS_KEPT) state.dead = state.dead.slice(-DEAD_LETTERS_KEPT);
}

/** Applies the marks of a delivery round to the state: each changes one queue entry (plus a dead letter). */
function applyMarks(state: OutboxState, marks: readonly Mark[]): void {
  for (const mark of marks) {
    const stored = state.queue[mark.id];
    if (stored === undefined) continue;
    if (mark.kind === 'retried') {
      stored.attempts = mark.attempts;
      stored.nextAttemptAt = mark.nextAttemptAt;
      stored.lastStatus = mark.status;
      continue;
    }
    delete state.queue[mark.id];
    if (mark.kind === 'dropped') state.dead.push(mark.letter);
  }
  trimDeadLetters(state);
}

/** Creates the outbox over a state cell. */
export function createOutbox(options: OutboxOptions): Outbox {
  const { store, channel, logger } = options;
  const now = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;
  const retry: RetryOptions = { ...DEFAULT_RETRY, ...options.retry };
  const limiter = createRateLimiter(options.rate ?? DEFAULT_RATE);
  const keepKeysMs = options.keepKeysMs ?? 60 * 86_400_000;

  let running = false;
  let timer: NodeJS.Timeout | undefined;
  let pass: Promise<DeliveryReport> | undefined;
  let again = false;
  const idleWaiters: Array<() => void> = [];

  const conversationOf = (item: OutboxItem) => baseConversationId(item.ref.conversation.id);

  const waiting = (): OutboxItem[] => {
    const state = store.read();
    return [...(state.pending ?? []), ...Object.values(state.queue)];
  };

  const hasWaiting = (): boolean => {
    const state = store.read();
    if ((state.pending?.length ?? 0) > 0) return true;
    for (const id in state.queue) if (Object.hasOwn(state.queue, id)) return true;
    return false;
  };

  // ---- the old array-shaped queue ----

  let migration: Promise<void> | undefined;

  /** Moves a queue loaded in the old array shape into the keyed queue (one write, once). */
  const migrate = (): Promise<void> => {
    if (store.read().pending === undefined) return Promise.resolve();
    migration ??= store
      .update((state) => {
        let moved = 0;
        for (const item of state.pending ?? []) {
          if (state.queue[item.id] !== undefined) continue;
          state.queue[item.id] = item;
          moved += 1;
        }
        delete state.pending;
        return moved;
      })
      .then((moved) => logger.info({ moved }, 'outbox: moved the queue of an older state file into the keyed queue'))
      .finally(() => {
        migration = undefined;
      });
    return migration;
  };

  // ---- writing a round's outcomes behind the sends ----

  // Marks are written while the next messages go out: whatever piled up during one write goes into the next single
  // `update`, so quick sends share writes (at most MAX_UNWRITTEN_MARKS wait), and slow ones get one small write each.
  let unsaved: Mark[] = [];
  /** How many marks the write on its way holds. */
  let inWrite = 0;
  let writing: Promise<void> | undefined;
  let writeFailure: { readonly error: unknown } | undefined;

  const writeUnsaved = async (): Promise<void> => {
    try {
      while (unsaved.length > 0) {
        const marks = unsaved;
        unsaved = [];
        inWrite = marks.length;
        await store.update((state) => applyMarks(state, marks));
        inWrite = 0;
      }
    } catch (error) {
      inWrite = 0;
      // The store undid the write. Those messages stay queued and go out again (at-least-once), as when a crash
      // comes between a send and its write.
      writeFailure ??= { error };
      unsaved = [];
    }
  };

  const flush = (): Promise<void> => {
    if (writing === undefined && unsaved.length > 0) {
      writing = writeUnsaved().finally(() => {
        writing = undefined;
      });
    }
    return writing ?? Promise.resolve();
  };

  /** Waits until every mark is written; throws when a write failed. */
  const settle = async (): Promise<void> => {
    while (writing !== undefined || unsaved.length > 0) await flush();
    if (writeFailure !== undefined) {
      const { error } = writeFailure;
      writeFailure = undefined;
      throw error;
    }
  };

  // ---- outcomes ----

  const deadLetterOf = (item: OutboxItem, attempts: number, reason: string, status?: number): DeadLetter => ({
    dedupeKey: item.dedupeKey,
    conversationId: conversationOf(item),
    reason,
    status,
    attempts,
    at: now().toISOString(),
  });

  /** The mark for a send that did not find the conversation gone, logged. */
  const markFor = (item: OutboxItem, result: SendResult): Mark => {
    if (result.ok) {
      logger.debug({ key: item.dedupeKey, attempts: item.attempts + 1 }, 'outbox: delivered');
      return { kind: 'delivered', id: item.id };
    }
    const attempts = item.attempts + 1;
    if (RETRIED.has(result.failure) && attempts < retry.maxAttempts) {
      const delay = retryDelayMs(attempts, retry, random, result.retryAfterMs);
      const nextAttemptAt = new Date(now().getTime() + delay).toISOString();
      logger.warn(
        { status: result.status, key: item.dedupeKey, attempts, delayMs: Math.round(delay), retryAfterMs: result.retryAfterMs },
        'outbox: delivery failed; will retry',
      );
      return { kind: 'retried', id: item.id, attempts, nextAttemptAt, status: result.status };
    }
    const reason = RETRIED.has(result.failure) ? `gave up after ${attempts} tries` : 'not retryable';
    logger.error({ status: result.status, key: item.dedupeKey, attempts, error: result.error }, `outbox: message dropped (${reason})`);
    return { kind: 'dropped', id: item.id, letter: deadLetterOf(item, attempts, reason, result.status) };
  };

  /** Gone: drops every message of the conversation (written before `onGone` runs) and removes its reference. */
  const dropConversation = async (item: OutboxItem, status: number): Promise<void> => {
    const conversationId = conversationOf(item);
    const dropped = await store.update((state) => {
      const keys: string[] = [];
      for (const id of Object.keys(state.queue)) {
        const queued = state.queue[id] as OutboxItem;
        if (conversationOf(queued) !== conversationId) continue;
        keys.push(queued.dedupeKey);
        state.dead.push(deadLetterOf(queued, id === item.id ? item.attempts + 1 : queued.attempts, 'conversation gone', status));
        delete state.queue[id];
      }
      trimDeadLetters(state);
      return keys;
    });
    logger.warn(
      { status, conversationId, dropped },
      'outbox: the conversation is gone (bot removed or blocked, or conversation not found); reference removed, no retry',
    );
    try {
      await options.onGone?.(item.ref, status);
    } catch (error) {
      logger.error({ err: error, conversationId }, 'outbox: removing the conversation reference failed');
    }
  };

  const send = async (item: OutboxItem): Promise<SendResult> => {
    try {
      return await channel.send(item.ref, item.message);
    } catch (error) {
      // A channel should not throw; treat it as a failed connection so the message is not lost.
      logger.error({ err: error, key: item.dedupeKey }, 'outbox: channel threw');
      return { ok: false, failure: 'transient', status: 0, error: String(error) };
    }
  };

  // ---- delivery ----

  /** The messages due at `nowMs`, in delivery order, leaving out conversations found gone. */
  const dueItems = (nowMs: number, gone: ReadonlySet<string>): OutboxItem[] => {
    const due: OutboxItem[] = [];
    for (const item of Object.values(store.read().queue)) {
      if (Date.parse(item.nextAttemptAt) <= nowMs && !gone.has(conversationOf(item))) due.push(item);
    }
    return due.sort(byDeliveryOrder);
  };

  /**
   * Sends what is due, in rounds: each round takes the due list once and walks it, skipping conversations at their
   * rate limit for the rest of the round (so each conversation's messages keep their order). Another round follows
   * while the last one sent anything, for messages that fell due or were freed by the rate limit meanwhile.
   */
  const runPass = async (): Promise<DeliveryReport> => {
    await migrate();
    const report = { delivered: 0, retried: 0, dropped: 0 };
    // Conversations found gone in this pass: their other messages were dropped with them.
    const gone = new Set<string>();
    for (;;) {
      const due = dueItems(now().getTime(), gone);
      const limited = new Set<string>();
      let sent = 0;
      for (const item of due) {
        const conversationId = conversationOf(item);
        if (gone.has(conversationId) || limited.has(conversationId)) continue;
        const nowMs = now().getTime();
        if (limiter.waitMs(conversationId, nowMs) > 0) {
          limited.add(conversationId);
          continue;
        }
        limiter.record(conversationId, nowMs);
        const result = await send(item);
        sent += 1;
        if (!result.ok && result.failure === 'gone') {
          gone.add(conversationId);
          await settle();
          await dropConversation(item, result.status);
          report.dropped += 1;
          continue;
        }
        const mark = markFor(item, result);
        report[mark.kind] += 1;
        unsaved.push(mark);
        // Bounds what a crash can send twice when the sends are quicker than the writes.
        if (unsaved.length + inWrite >= MAX_UNWRITTEN_MARKS) await settle();
        else void flush();
        if (writeFailure !== undefined) break;
      }
      await settle();
      if (sent === 0) return report;
    }
  };

  /** When the next pass should run: the earliest retry, or when the rate limit frees a conversation. */
  const nextWakeMs = (): number | undefined => {
    const nowMs = now().getTime();
    let wake: number | undefined;
    for (const p of waiting()) {
      const at = Math.max(Date.parse(p.nextAttemptAt), nowMs + limiter.waitMs(conversationOf(p), nowMs));
      wake = wake === undefined ? at : Math.min(wake, at);
    }
    return wake === undefined ? undefined : Math.max(0, wake - nowMs);
  };

  const notifyIdle = () => {
    if (pass || hasWaiting()) return;
    for (const resolve of idleWaiters.splice(0)) resolve();
  };

  const deliverDue = (): Promise<DeliveryReport> => {
    if (pass) {
      again = true;
      return pass;
    }
    pass = (async () => {
      const total = { delivered: 0, retried: 0, dropped: 0 };
      do {
        again = false;
        const report = await runPass();
        total.delivered += report.delivered;
        total.retried += report.retried;
        total.dropped += report.dropped;
      } while (again);
      return total;
    })();
    return pass.finally(() => {
      pass = undefined;
      schedule();
      notifyIdle();
    });
  };

  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (!running) return;
    const wait = nextWakeMs();
    if (wait === undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      deliverDue().catch((error: unknown) => logger.error({ err: error }, 'outbox: delivery pass failed'));
    }, Math.min(wait, 2_147_483_647));
  };

  const pruneKeys = (state: OutboxState) => {
    const cutoff = now().getTime() - keepKeysMs;
    for (const [key, at] of Object.entries(state.accepted)) {
      if (Date.parse(at) < cutoff) delete state.accepted[key];
    }
  };

  return {
    async enqueue(entries) {
      const accepted: string[] = [];
      const duplicates: string[] = [];
      if (entries.length === 0) return { accepted, duplicates };
      await migrate();
      const at = now().toISOString();
      await store.update((state) => {
        pruneKeys(state);
        for (const entry of entries) {
          if (state.accepted[entry.dedupeKey] !== undefined) {
            duplicates.push(entry.dedupeKey);
            continue;
          }
          state.accepted[entry.dedupeKey] = at;
          const id = randomUUID();
          state.queue[id] = {
            id,
            dedupeKey: entry.dedupeKey,
            ref: structuredClone(entry.ref),
            message: structuredClone(entry.message) as OutboxItem['message'],
            attempts: 0,
            nextAttemptAt: at,
            createdAt: at,
          };
          accepted.push(entry.dedupeKey);
        }
      });
      if (running && accepted.length > 0) {
        deliverDue().catch((error: unknown) => logger.error({ err: error }, 'outbox: delivery pass failed'));
      }
      return { accepted, duplicates };
    },
    isAccepted: (dedupeKey) => store.read().accepted[dedupeKey] !== undefined,
    pending: waiting,
    deliverDue,
    start() {
      if (running) return;
      running = true;
      const count = waiting().length;
      if (count > 0) logger.info({ pending: count }, 'outbox: resuming pending messages');
      deliverDue().catch((error: unknown) => logger.error({ err: error }, 'outbox: delivery pass failed'));
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = undefined;
      if (pass) await pass.catch(() => undefined);
      for (const resolve of idleWaiters.splice(0)) resolve();
    },
    idle() {
      if (!pass && !hasWaiting()) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
  };
}
