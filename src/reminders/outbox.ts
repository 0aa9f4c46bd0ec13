/**
 * A persistent outbox for proactive messages: queued in the state store, delivered through a
 * {@link Notifier}, retried when Teams asks for it, deduplicated by key.
 *
 * - Enqueueing records the dedupe key and the message in one durable write, so a key is handed over
 *   once even across restarts; pending messages are resumed when the outbox starts again. (A crash
 *   between a successful send and its write-back sends that message again: at-least-once at the wire.)
 * - 429, 412, 502, 504 and connection failures are retried with exponential backoff and jitter,
 *   at least as late as `Retry-After` says, up to `maxAttempts` tries.
 * - 403 and 404 mean the bot was removed or blocked, or the conversation is gone: no retry; the
 *   conversation's other pending messages are dropped and `onGone` removes its reference.
 * - At most `limit` messages per `windowMs` per conversation (Teams allows 7 per second).
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod/v4';
import { ConversationRefSchema, baseConversationId, type ConversationRef } from './conversation-ref.js';
import type { Logger } from './logger.js';
import type { Notifier, OutboundMessage, SendResult } from './notifier.js';
import { createRateLimiter, type RateLimiterOptions } from './rate-limit.js';
import type { StateCell } from './state.js';

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
  pending: z.array(OutboxItemSchema).default([]),
  /** The sent-log: every dedupe key handed to the outbox, with when (ISO); pruned after `keepKeysMs`. */
  accepted: z.record(z.string(), z.string()).default({}),
  dead: z.array(DeadLetterSchema).default([]),
});
export type OutboxState = z.infer<typeof OutboxStateSchema>;

/** An empty outbox state. */
export function emptyOutboxState(): OutboxState {
  return { pending: [], accepted: {}, dead: [] };
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

const RETRY_STATUSES = new Set([0, 412, 429, 502, 504]);
const GONE_STATUSES = new Set([403, 404]);
const DEAD_LETTERS_KEPT = 100;

/** Options of {@link createOutbox}. */
export interface OutboxOptions {
  readonly store: StateCell<OutboxState>;
  readonly notifier: Notifier;
  readonly logger: Logger;
  readonly now?: () => Date;
  /** Called when a conversation answers 403/404: remove its reference. Errors are logged. */
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
  /** Messages still waiting. */
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

/** Creates the outbox over a state cell. */
export function createOutbox(options: OutboxOptions): Outbox {
  const { store, notifier, logger } = options;
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

  const deadLetter = (state: OutboxState, item: OutboxItem, reason: string, status?: number) => {
    state.dead.push({
      dedupeKey: item.dedupeKey,
      conversationId: conversationOf(item),
      reason,
      status,
      attempts: item.attempts,
      at: now().toISOString(),
    });
    if (state.dead.length > DEAD_LETTERS_KEPT) state.dead.splice(0, state.dead.length - DEAD_LETTERS_KEPT);
  };

  const handleResult = async (item: OutboxItem, result: SendResult): Promise<'delivered' | 'retried' | 'dropped'> => {
    if (result.ok) {
      await store.update((state) => {
        state.pending = state.pending.filter((p) => p.id !== item.id);
      });
      logger.debug({ key: item.dedupeKey, attempts: item.attempts + 1 }, 'outbox: delivered');
      return 'delivered';
    }
    const attempts = item.attempts + 1;
    const conversationId = conversationOf(item);
    if (GONE_STATUSES.has(result.status)) {
      let dropped: string[] = [];
      await store.update((state) => {
        const gone = state.pending.filter((p) => conversationOf(p) === conversationId);
        dropped = gone.map((p) => p.dedupeKey);
        for (const p of gone) deadLetter(state, { ...p, attempts: p.id === item.id ? attempts : p.attempts }, 'conversation gone', result.status);
        state.pending = state.pending.filter((p) => conversationOf(p) !== conversationId);
      });
      logger.warn(
        { status: result.status, conversationId, dropped },
        'outbox: the conversation is gone (bot removed or blocked, or conversation not found); reference removed, no retry',
      );
      try {
        await options.onGone?.(item.ref, result.status);
      } catch (error) {
        logger.error({ err: error, conversationId }, 'outbox: removing the conversation reference failed');
      }
      return 'dropped';
    }
    if (RETRY_STATUSES.has(result.status) && attempts < retry.maxAttempts) {
      const delay = retryDelayMs(attempts, retry, random, result.retryAfterMs);
      const nextAttemptAt = new Date(now().getTime() + delay).toISOString();
      await store.update((state) => {
        const stored = state.pending.find((p) => p.id === item.id);
        if (stored) Object.assign(stored, { attempts, nextAttemptAt, lastStatus: result.status });
      });
      logger.warn(
        { status: result.status, key: item.dedupeKey, attempts, delayMs: Math.round(delay), retryAfterMs: result.retryAfterMs },
        'outbox: delivery failed; will retry',
      );
      return 'retried';
    }
    const reason = RETRY_STATUSES.has(result.status) ? `gave up after ${attempts} tries` : 'not retryable';
    await store.update((state) => {
      state.pending = state.pending.filter((p) => p.id !== item.id);
      deadLetter(state, { ...item, attempts }, reason, result.status);
    });
    logger.error({ status: result.status, key: item.dedupeKey, attempts, error: result.error }, `outbox: message dropped (${reason})`);
    return 'dropped';
  };

  const runPass = async (): Promise<DeliveryReport> => {
    const report = { delivered: 0, retried: 0, dropped: 0 };
    // Conversations found gone in this pass: their other messages were dropped with them.
    const gone = new Set<string>();
    for (;;) {
      const nowMs = now().getTime();
      const due = store
        .read()
        .pending.filter((p) => Date.parse(p.nextAttemptAt) <= nowMs && !gone.has(conversationOf(p)))
        .sort((a, b) => a.nextAttemptAt.localeCompare(b.nextAttemptAt) || a.createdAt.localeCompare(b.createdAt));
      const next = due.find((p) => limiter.waitMs(conversationOf(p), nowMs) === 0);
      if (!next) return report;
      limiter.record(conversationOf(next), nowMs);
      let result: SendResult;
      try {
        result = await notifier.send(next.ref, next.message);
      } catch (error) {
        // A notifier should not throw; treat it as a failed connection so the message is not lost.
        logger.error({ err: error, key: next.dedupeKey }, 'outbox: notifier threw');
        result = { ok: false, status: 0, error: String(error) };
      }
      const outcome = await handleResult(next, result);
      report[outcome] += 1;
      if (outcome === 'dropped' && !result.ok && GONE_STATUSES.has(result.status)) gone.add(conversationOf(next));
    }
  };

  /** When the next pass should run: the earliest retry, or when the rate limit frees a conversation. */
  const nextWakeMs = (): number | undefined => {
    const nowMs = now().getTime();
    let wake: number | undefined;
    for (const p of store.read().pending) {
      const at = Math.max(Date.parse(p.nextAttemptAt), nowMs + limiter.waitMs(conversationOf(p), nowMs));
      wake = wake === undefined ? at : Math.min(wake, at);
    }
    return wake === undefined ? undefined : Math.max(0, wake - nowMs);
  };

  const notifyIdle = () => {
    if (pass || store.read().pending.length > 0) return;
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
      const at = now().toISOString();
      await store.update((state) => {
        pruneKeys(state);
        for (const entry of entries) {
          if (state.accepted[entry.dedupeKey] !== undefined) {
            duplicates.push(entry.dedupeKey);
            continue;
          }
          state.accepted[entry.dedupeKey] = at;
          state.pending.push({
            id: randomUUID(),
            dedupeKey: entry.dedupeKey,
            ref: structuredClone(entry.ref),
            message: structuredClone(entry.message) as OutboxItem['message'],
            attempts: 0,
            nextAttemptAt: at,
            createdAt: at,
          });
          accepted.push(entry.dedupeKey);
        }
      });
      if (running && accepted.length > 0) {
        deliverDue().catch((error: unknown) => logger.error({ err: error }, 'outbox: delivery pass failed'));
      }
      return { accepted, duplicates };
    },
    isAccepted: (dedupeKey) => store.read().accepted[dedupeKey] !== undefined,
    pending: () => store.read().pending,
    deliverDue,
    start() {
      if (running) return;
      running = true;
      const waiting = store.read().pending.length;
      if (waiting > 0) logger.info({ pending: waiting }, 'outbox: resuming pending messages');
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
      if (!pass && store.read().pending.length === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
  };
}
