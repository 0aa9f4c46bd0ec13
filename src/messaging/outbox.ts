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
 *
 * Delivery runs concurrently: messages of different conversations go out side by side, each conversation's in
 * order (one send at a time per conversation, the oldest first), evenly paced to `ratePerSecond` per tenant (Teams
 * allows about 50 per second per bot and tenant, and answers 429 above; a late timer is not made up for, so a busy
 * machine sends a little slower, never faster). Every send has a timeout
 * (`sendTimeoutMs`), so a hung request occupies one of `maxInFlight` slots and delays nothing else. A `throttled`
 * answer pauses that conversation for at least its `retryAfterMs` (its later messages wait behind it) and halves
 * the tenant's pace (at most once a second), which then grows back by a tenth of the configured rate per second.
 * `stop()` ends within `stopTimeoutMs`: sends still running then are abandoned and stay queued for the next start.
 *
 * Duplicates after a crash: a message whose send succeeded but whose outcome was not yet written goes out again
 * at the next start. Outcomes are written as soon as each send ends (a group commit takes all that ended during
 * the previous write), so the window is the sends in flight plus those ending during one journal write: at most
 * `maxInFlight + MAX_UNWRITTEN_MARKS`, in practice about `ratePerSecond × (connector latency + one write) + 1`:
 * measured 2–3 duplicates per `kill -9` during a burst at the default pace with a 50 ms connector (bound 8 there),
 * none lost (`npm run bench -- --only crash`, BENCHMARKS.md).
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

/** How sends are spread out in time. */
export interface DeliveryOptions {
  /** A send that takes longer counts as a transient failure (retried later); its slot is freed. */
  readonly sendTimeoutMs: number;
  /** Sends per second per tenant, evenly paced; below Teams' limit of about 50. */
  readonly ratePerSecond: number;
  /** Sends running at once at most (default: enough to keep the pace when every send takes the full timeout). */
  readonly maxInFlight?: number;
  /** How long `stop()` waits for sends still running before leaving them queued. */
  readonly stopTimeoutMs: number;
}

export const DEFAULT_DELIVERY: DeliveryOptions = { sendTimeoutMs: 5_000, ratePerSecond: 45, stopTimeoutMs: 3_000 };

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
  /** Timeout, tenant pace, concurrency and the stop bound. */
  readonly delivery?: Partial<DeliveryOptions>;
  /** Monotonic milliseconds for pacing sends (real time even when `now` is a test clock). */
  readonly monotonic?: () => number;
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
  /** Stops the background delivery: no new sends, running ones get `stopTimeoutMs`; the rest stays queued. */
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
        for (const mark of marks) settled.delete(mark.id);
        inWrite = 0;
      }
    } catch (error) {
      inWrite = 0;
      // The store undid the write. Those messages stay queued and go out again (at-least-once), as when a crash
      // comes between a send and its write.
      writeFailure ??= { error };
      unsaved = [];
      settled.clear();
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

  // ---- delivery ----

  // Hand-written rather than p-queue or bottleneck: those pace and limit concurrency well, but here each
  // conversation's order and retry time live in the persisted queue (its oldest message blocks the rest, across
  // restarts), and the pace adapts per tenant to 429s; the scheduling around them is the larger part.
  const delivery: DeliveryOptions = { ...DEFAULT_DELIVERY, ...options.delivery };
  const maxInFlight = delivery.maxInFlight ?? Math.min(500, Math.max(8, Math.ceil((delivery.ratePerSecond * delivery.sendTimeoutMs) / 1000)));
  const monotonic = options.monotonic ?? (() => performance.now());
  /** Sends running now, by conversation: one per conversation, so its messages stay in order. */
  const inFlight = new Map<string, { readonly done: Promise<void>; readonly abort: () => void }>();
  /** Outcomes known but not yet written, by item id: the queue as read from the store does not show them yet. */
  const settled = new Map<string, Mark>();
  let stopping = false;
  let wake: (() => void) | undefined;

  /** Per tenant: the pace now (halved on 429, grown back over time) and when the next send may start. */
  const tenants = new Map<string, { rate: number; nextAt: number; adjustedAt: number; slowedAt: number }>();
  const tenantOf = (item: OutboxItem) => item.ref.conversation.tenantId ?? '';
  const paceOf = (tenant: string) => {
    let pace = tenants.get(tenant);
    if (pace === undefined) {
      pace = { rate: delivery.ratePerSecond, nextAt: 0, adjustedAt: monotonic(), slowedAt: Number.NEGATIVE_INFINITY };
      tenants.set(tenant, pace);
    }
    const t = monotonic();
    if (pace.rate < delivery.ratePerSecond) {
      // Additive increase: a tenth of the configured rate per second without a 429.
      pace.rate = Math.min(delivery.ratePerSecond, pace.rate + ((t - pace.adjustedAt) / 1000) * (delivery.ratePerSecond / 10));
    }
    pace.adjustedAt = t;
    return pace;
  };
  const slowDown = (tenant: string) => {
    const pace = paceOf(tenant);
    // The 429s of one busy second answer the same excess: halve once for them, not once per answer.
    if (monotonic() - pace.slowedAt < 1000) return;
    pace.slowedAt = monotonic();
    pace.rate = Math.max(1, pace.rate / 2);
    logger.warn({ tenant, ratePerSecond: Math.round(pace.rate * 10) / 10 }, 'outbox: throttled by the channel; slowing down');
  };

  /** Waits `ms` of real time, or less when the outbox stops or something wakes it. */
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });

  const send = async (item: OutboxItem, signal: AbortSignal): Promise<SendResult> => {
    try {
      return await channel.send(item.ref, item.message, signal);
    } catch (error) {
      // A channel should not throw; treat it as a failed connection so the message is not lost.
      logger.error({ err: error, key: item.dedupeKey }, 'outbox: channel threw');
      return { ok: false, failure: 'transient', status: 0, error: String(error) };
    }
  };

  /** One send with its timeout; undefined when the outbox stopped while it ran (the message stays queued). */
  const sendInTime = async (item: OutboxItem, controller: AbortController): Promise<SendResult | undefined> => {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<SendResult>((resolve) => {
      timer = setTimeout(() => {
        // Settled before the abort, so the race takes the timeout and not the abort.
        resolve({ ok: false, failure: 'transient', status: 0, error: `no answer within ${delivery.sendTimeoutMs} ms` });
        controller.abort(new Error('send timed out'));
      }, delivery.sendTimeoutMs);
    });
    // Abandoned by stop(): no outcome is recorded, so the message stays queued as it was.
    const stopped = new Promise<undefined>((resolve) => controller.signal.addEventListener('abort', () => stopping && resolve(undefined), { once: true }));
    try {
      return await Promise.race([send(item, controller.signal), timedOut, stopped]);
    } finally {
      clearTimeout(timer);
    }
  };

  /** The oldest waiting message of each conversation, as the store and the unwritten outcomes show it. */
  const heads = (gone: ReadonlySet<string>): OutboxItem[] => {
    const seen = new Set<string>();
    const first: OutboxItem[] = [];
    for (const stored of Object.values(store.read().queue)) {
      const mark = settled.get(stored.id);
      if (mark !== undefined && mark.kind !== 'retried') continue;
      const conversationId = conversationOf(stored);
      if (seen.has(conversationId)) continue;
      seen.add(conversationId);
      if (gone.has(conversationId) || inFlight.has(conversationId)) continue;
      first.push(mark?.kind === 'retried' ? { ...stored, attempts: mark.attempts, nextAttemptAt: mark.nextAttemptAt } : stored);
    }
    return first;
  };

  /** Sends one message and records its outcome; never throws. */
  const deliverOne = async (item: OutboxItem, controller: AbortController, report: { delivered: number; retried: number; dropped: number }, gone: Set<string>) => {
    const result = await sendInTime(item, controller);
    if (result === undefined) return;
    const conversationId = conversationOf(item);
    if (!result.ok && result.failure === 'gone') {
      gone.add(conversationId);
      try {
        await settle();
        await dropConversation(item, result.status);
      } catch (error) {
        writeFailure ??= { error };
      }
      report.dropped += 1;
      return;
    }
    if (!result.ok && result.failure === 'throttled') slowDown(tenantOf(item));
    const mark = markFor(item, result);
    report[mark.kind] += 1;
    settled.set(item.id, mark);
    unsaved.push(mark);
    void flush();
  };

  /**
   * Sends what is due: repeatedly takes the oldest waiting message of every conversation that is free (nothing in
   * flight, due, within its rate), earliest first, and starts each send at the tenant's pace while a slot is free.
   * Returns once nothing due is left to start and every send has ended and its outcome is written.
   */
  const runPass = async (): Promise<DeliveryReport> => {
    await migrate();
    const report = { delivered: 0, retried: 0, dropped: 0 };
    const gone = new Set<string>();
    while (!stopping && writeFailure === undefined) {
      const nowMs = now().getTime();
      const ready = heads(gone)
        .filter((item) => Date.parse(item.nextAttemptAt) <= nowMs && limiter.waitMs(conversationOf(item), nowMs) === 0)
        .sort(byDeliveryOrder);
      if (ready.length === 0) {
        if (inFlight.size === 0) break;
        await Promise.race([...inFlight.values()].map((running) => running.done));
        continue;
      }
      for (const item of ready) {
        const conversationId = conversationOf(item);
        if (stopping || writeFailure !== undefined) break;
        if (gone.has(conversationId)) continue;
        while (inFlight.size >= maxInFlight || unsaved.length + inWrite >= MAX_UNWRITTEN_MARKS) {
          // Back-pressure: a free slot, and outcomes written, before more go out.
          if (inFlight.size >= maxInFlight) await Promise.race([...inFlight.values()].map((running) => running.done));
          else await flush();
        }
        const pace = paceOf(tenantOf(item));
        const waitMs = pace.nextAt - monotonic();
        if (waitMs > 0) await sleep(waitMs);
        if (stopping) break;
        // A timer that fired late (a busy machine) is not made up for with a burst: bursts arrive bunched at Teams,
        // whose one-second windows then see more than the pace (measured: 52 in a second at a pace of 45, and 429s).
        pace.nextAt = Math.max(monotonic(), pace.nextAt) + 1000 / pace.rate;
        limiter.record(conversationId, now().getTime());
        const controller = new AbortController();
        const done = deliverOne(item, controller, report, gone).finally(() => inFlight.delete(conversationId));
        inFlight.set(conversationId, { done, abort: () => controller.abort(new Error('outbox stopped')) });
      }
    }
    await Promise.all([...inFlight.values()].map((running) => running.done));
    try {
      await settle();
    } finally {
      settled.clear();
    }
    return report;
  };

  /** When the next pass should run: the earliest retry, or when the rate limit frees a conversation. */
  const nextWakeMs = (): number | undefined => {
    const nowMs = now().getTime();
    // A queue of the old shape is moved by the next pass: run it now.
    if ((store.read().pending?.length ?? 0) > 0) return 0;
    let earliest: number | undefined;
    // Only each conversation's oldest message can go next: a later one that is due waits behind it, and waking for
    // it would spin until the oldest is due.
    for (const head of heads(new Set())) {
      const at = Math.max(Date.parse(head.nextAttemptAt), nowMs + limiter.waitMs(conversationOf(head), nowMs));
      earliest = earliest === undefined ? at : Math.min(earliest, at);
    }
    return earliest === undefined ? undefined : Math.max(0, earliest - nowMs);
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
      stopping = false;
      const count = waiting().length;
      if (count > 0) logger.info({ pending: count }, 'outbox: resuming pending messages');
      deliverDue().catch((error: unknown) => logger.error({ err: error }, 'outbox: delivery pass failed'));
    },
    async stop() {
      running = false;
      stopping = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      wake?.();
      if (pass) {
        const bound = new Promise<void>((resolve) => setTimeout(resolve, delivery.stopTimeoutMs).unref());
        const pending = pass.catch(() => undefined);
        await Promise.race([pending, bound]);
        if (inFlight.size > 0) {
          logger.warn({ running: inFlight.size }, 'outbox: stopping with sends still running; they stay queued for the next start');
          for (const running of inFlight.values()) running.abort();
        }
        await pending;
      }
      for (const resolve of idleWaiters.splice(0)) resolve();
    },
    idle() {
      if (!pass && !hasWaiting()) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
  };
}
