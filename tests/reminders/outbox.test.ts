import { describe, expect, it } from 'vitest';
import type { ConversationRef } from '../../src/reminders/conversation-ref.js';
import { silentLogger } from '../../src/reminders/logger.js';
import type { Notifier, OutboundMessage, SendResult } from '../../src/reminders/notifier.js';
import { createOutbox, emptyOutboxState, retryDelayMs, DEFAULT_RETRY, type OutboxState } from '../../src/reminders/outbox.js';
import { createRateLimiter } from '../../src/reminders/rate-limit.js';
import { createMemoryState, type StateCell } from '../../src/reminders/state.js';

const ref = (conversationId: string): ConversationRef => ({
  serviceUrl: 'http://127.0.0.1:1/',
  channelId: 'msteams',
  conversation: { id: conversationId, conversationType: 'personal' },
  bot: { id: 'bot' },
  user: { id: `user-of-${conversationId}` },
});

const message = (text: string): OutboundMessage => ({ text });

/** A notifier answering from a script (then `ok`), recording every call with the fake clock's time. */
function scriptedNotifier(clock: { ms: number }, script: Record<string, SendResult[]> = {}) {
  const calls: Array<{ conversationId: string; text: string | undefined; at: number }> = [];
  const notifier: Notifier = {
    async send(target, msg) {
      calls.push({ conversationId: target.conversation.id, text: msg.text, at: clock.ms });
      return script[target.conversation.id]?.shift() ?? { ok: true };
    },
  };
  return { notifier, calls };
}

function setup(options: { script?: Record<string, SendResult[]>; store?: StateCell<OutboxState>; maxAttempts?: number } = {}) {
  const clock = { ms: Date.parse('2026-03-29T06:00:00Z') };
  const store = options.store ?? createMemoryState(emptyOutboxState());
  const { notifier, calls } = scriptedNotifier(clock, options.script);
  const gone: Array<{ id: string; status: number }> = [];
  const outbox = createOutbox({
    store,
    notifier,
    logger: silentLogger,
    now: () => new Date(clock.ms),
    random: () => 0.5,
    retry: { baseDelayMs: 1_000, maxAttempts: options.maxAttempts ?? 6 },
    onGone: (r, status) => void gone.push({ id: r.conversation.id, status }),
  });
  return { clock, store, outbox, calls, gone };
}

describe('retryDelayMs', () => {
  it('doubles per try, takes off at most the jitter share, and honours Retry-After', () => {
    const retry = { ...DEFAULT_RETRY, baseDelayMs: 1_000, jitter: 0.25 };
    expect(retryDelayMs(1, retry, () => 0)).toBe(1_000);
    expect(retryDelayMs(2, retry, () => 0)).toBe(2_000);
    expect(retryDelayMs(3, retry, () => 0.999)).toBeGreaterThan(3_000);
    expect(retryDelayMs(3, retry, () => 0.999)).toBeLessThan(4_000);
    expect(retryDelayMs(1, retry, () => 0, 30_000)).toBe(30_000);
    expect(retryDelayMs(20, retry, () => 0)).toBe(retry.maxDelayMs);
  });
});

describe('createRateLimiter', () => {
  it('allows `limit` events in any window and says how long to wait for the next', () => {
    const limiter = createRateLimiter({ limit: 3, windowMs: 1_000 });
    for (const t of [0, 100, 200]) {
      expect(limiter.waitMs('c', t)).toBe(0);
      limiter.record('c', t);
    }
    expect(limiter.waitMs('c', 300)).toBe(700);
    expect(limiter.waitMs('other', 300)).toBe(0);
    expect(limiter.waitMs('c', 1_000)).toBe(0);
  });
});

describe('createOutbox', () => {
  it('retries 429, 429 then delivers exactly once, with growing gaps that honour Retry-After', async () => {
    const { clock, outbox, calls, store } = setup({
      script: { a: [{ ok: false, status: 429, retryAfterMs: 1_500 }, { ok: false, status: 429 }] },
    });
    await outbox.enqueue([{ dedupeKey: 'k1', ref: ref('a'), message: message('hello') }]);
    await outbox.deliverDue();
    const first = store.read().pending[0]!;
    expect(first.attempts).toBe(1);
    expect(Date.parse(first.nextAttemptAt) - clock.ms).toBe(1_500); // Retry-After beats the 875 ms backoff
    await outbox.deliverDue(); // not due yet
    expect(calls).toHaveLength(1);
    clock.ms = Date.parse(first.nextAttemptAt);
    await outbox.deliverDue();
    const second = store.read().pending[0]!;
    expect(second.attempts).toBe(2);
    const secondGap = Date.parse(second.nextAttemptAt) - clock.ms;
    expect(secondGap).toBe(1_750); // 2 000 ms less the jitter
    clock.ms = Date.parse(second.nextAttemptAt);
    const report = await outbox.deliverDue();
    expect(report.delivered).toBe(1);
    expect(calls.map((c) => c.text)).toEqual(['hello', 'hello', 'hello']);
    expect(store.read().pending).toEqual([]);
    await outbox.deliverDue();
    expect(calls).toHaveLength(3);
  });

  it.each([403, 404])('drops the conversation on %i: no retry, reference removed, its other messages dropped', async (status) => {
    const { outbox, calls, gone, store } = setup({ script: { a: [{ ok: false, status }] } });
    await outbox.enqueue([
      { dedupeKey: 'k1', ref: ref('a'), message: message('one') },
      { dedupeKey: 'k2', ref: ref('a'), message: message('two') },
      { dedupeKey: 'k3', ref: ref('b'), message: message('three') },
    ]);
    const report = await outbox.deliverDue();
    expect(calls.map((c) => c.text)).toEqual(['one', 'three']);
    expect(gone).toEqual([{ id: 'a', status }]);
    expect(report).toEqual({ delivered: 1, retried: 0, dropped: 1 });
    expect(store.read().pending).toEqual([]);
    expect(store.read().dead.map((d) => [d.dedupeKey, d.status])).toEqual([
      ['k1', status],
      ['k2', status],
    ]);
  });

  it('gives up after the bounded number of tries', async () => {
    const { clock, outbox, calls, store } = setup({
      maxAttempts: 3,
      script: { a: Array.from({ length: 10 }, () => ({ ok: false as const, status: 502 })) },
    });
    await outbox.enqueue([{ dedupeKey: 'k1', ref: ref('a'), message: message('x') }]);
    for (let i = 0; i < 6; i += 1) {
      await outbox.deliverDue();
      clock.ms += 60_000;
    }
    expect(calls).toHaveLength(3);
    expect(store.read().pending).toEqual([]);
    expect(store.read().dead[0]).toMatchObject({ dedupeKey: 'k1', status: 502, attempts: 3 });
  });

  it('does not retry other client errors', async () => {
    const { outbox, calls, gone, store } = setup({ script: { a: [{ ok: false, status: 400 }] } });
    await outbox.enqueue([{ dedupeKey: 'k1', ref: ref('a'), message: message('x') }]);
    await outbox.deliverDue();
    expect(calls).toHaveLength(1);
    expect(gone).toEqual([]);
    expect(store.read().dead[0]).toMatchObject({ reason: 'not retryable', status: 400 });
  });

  it('accepts a dedupe key once, also after delivery', async () => {
    const { outbox, calls } = setup();
    const first = await outbox.enqueue([
      { dedupeKey: 'k1', ref: ref('a'), message: message('x') },
      { dedupeKey: 'k1', ref: ref('a'), message: message('x again') },
    ]);
    expect(first).toEqual({ accepted: ['k1'], duplicates: ['k1'] });
    await outbox.deliverDue();
    const second = await outbox.enqueue([{ dedupeKey: 'k1', ref: ref('a'), message: message('x') }]);
    expect(second.accepted).toEqual([]);
    expect(outbox.isAccepted('k1')).toBe(true);
    expect(outbox.isAccepted('k2')).toBe(false);
    await outbox.deliverDue();
    expect(calls).toHaveLength(1);
  });

  it('resumes pending messages after a restart and delivers each once', async () => {
    const store = createMemoryState(emptyOutboxState());
    const before = setup({ store, script: { a: [{ ok: false, status: 504 }] } });
    await before.outbox.enqueue([{ dedupeKey: 'k1', ref: ref('a'), message: message('one') }]);
    await before.outbox.deliverDue(); // a 504: k1 waits for its retry
    await before.outbox.enqueue([{ dedupeKey: 'k2', ref: ref('b'), message: message('two') }]);
    // The process stops here; a new outbox over the same state takes over.
    expect(store.read().pending.map((p) => [p.dedupeKey, p.attempts])).toEqual([
      ['k1', 1],
      ['k2', 0],
    ]);
    const after = setup({ store });
    after.clock.ms += 10_000;
    await after.outbox.deliverDue();
    expect(after.calls.map((c) => c.text).sort()).toEqual(['one', 'two']);
    expect((await after.outbox.enqueue([{ dedupeKey: 'k1', ref: ref('a'), message: message('one') }])).duplicates).toEqual(['k1']);
  });

  it('sends at most 5 messages per second to one conversation, others unaffected', async () => {
    const { clock, outbox, calls } = setup();
    await outbox.enqueue([
      ...Array.from({ length: 12 }, (_, i) => ({ dedupeKey: `a${i}`, ref: ref('a'), message: message(`a${i}`) })),
      { dedupeKey: 'b0', ref: ref('b'), message: message('b0') },
    ]);
    await outbox.deliverDue();
    expect(calls.filter((c) => c.conversationId === 'a')).toHaveLength(5);
    expect(calls.filter((c) => c.conversationId === 'b')).toHaveLength(1);
    clock.ms += 999;
    await outbox.deliverDue();
    expect(calls).toHaveLength(6);
    clock.ms += 1;
    await outbox.deliverDue();
    expect(calls).toHaveLength(11);
    clock.ms += 1_000;
    await outbox.deliverDue();
    expect(calls.map((c) => c.text)).toEqual(['a0', 'a1', 'a2', 'a3', 'a4', 'b0', ...Array.from({ length: 7 }, (_, i) => `a${i + 5}`)]);
  });

  it('delivers in the background once started, and retries on its own timer', async () => {
    const store = createMemoryState(emptyOutboxState());
    const calls: number[] = [];
    const outbox = createOutbox({
      store,
      logger: silentLogger,
      retry: { baseDelayMs: 20 },
      notifier: {
        async send() {
          calls.push(Date.now());
          return calls.length < 3 ? { ok: false, status: 429 } : { ok: true };
        },
      },
    });
    outbox.start();
    await outbox.enqueue([{ dedupeKey: 'k', ref: ref('a'), message: message('x') }]);
    await outbox.idle();
    await outbox.stop();
    expect(calls).toHaveLength(3);
    expect(store.read().pending).toEqual([]);
  });
});
