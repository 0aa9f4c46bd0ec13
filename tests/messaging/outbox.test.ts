import { describe, expect, it } from 'vitest';
import { z } from 'zod/v4';
import type { ConversationRef } from '../../src/messaging/conversation-ref.js';
import { silentLogger } from '../../src/reminders/logger.js';
import type { MessageChannel, SendResult } from '../../src/messaging/channel.js';
import type { OutboundMessage } from '../../src/messaging/message.js';
import {
  createOutbox,
  DEAD_LETTERS_KEPT,
  DeadLetterSchema,
  emptyOutboxState,
  OutboxItemSchema,
  OutboxStateSchema,
  retryDelayMs,
  DEFAULT_RETRY,
  type OutboxItem,
  type OutboxState,
} from '../../src/messaging/outbox.js';
import { createRateLimiter } from '../../src/messaging/rate-limit.js';
import { createMemoryState, stateCell, type StateCell } from '../../src/reminders/state.js';
import type { StateChange } from '../../src/storage/changes.js';
import { createMemoryMedia } from '../../src/storage/memory-media.js';
import { createStateStore } from '../../src/storage/state-store.js';

const ref = (conversationId: string): ConversationRef => ({
  serviceUrl: 'http://127.0.0.1:1/',
  channelId: 'msteams',
  conversation: { id: conversationId, conversationType: 'personal' },
  bot: { id: 'bot' },
  user: { id: `user-of-${conversationId}` },
});

const message = (text: string): OutboundMessage => ({ text });

const queued = (store: StateCell<OutboxState>): OutboxItem[] => Object.values(store.read().queue);

const quietStateLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Every change the journal holds, in order. */
async function journalChanges(journal: { read(): Promise<readonly string[]> }): Promise<StateChange[]> {
  const lines = (await journal.read()).join('').split('\n').filter((line) => line !== '');
  return lines.flatMap((line) => (JSON.parse(line) as { changes: StateChange[] }).changes);
}

/** A channel answering from a script (then `ok`), recording every call with the fake clock's time. */
function scriptedChannel(clock: { ms: number }, script: Record<string, SendResult[]> = {}) {
  const calls: Array<{ conversationId: string; text: string | undefined; at: number }> = [];
  const channel: MessageChannel = {
    async send(target, msg) {
      calls.push({ conversationId: target.conversation.id, text: msg.text, at: clock.ms });
      return script[target.conversation.id]?.shift() ?? { ok: true };
    },
  };
  return { channel, calls };
}

/** Unpaced delivery for tests that are not about the pace. */
const FAST = { ratePerSecond: 100_000 };

function setup(options: { script?: Record<string, SendResult[]>; store?: StateCell<OutboxState>; maxAttempts?: number } = {}) {
  const clock = { ms: Date.parse('2026-03-29T06:00:00Z') };
  const store = options.store ?? createMemoryState(emptyOutboxState());
  const { channel, calls } = scriptedChannel(clock, options.script);
  const gone: Array<{ id: string; status: number }> = [];
  const outbox = createOutbox({
    store,
    channel,
    logger: silentLogger,
    now: () => new Date(clock.ms),
    random: () => 0.5,
    retry: { baseDelayMs: 1_000, maxAttempts: options.maxAttempts ?? 6 },
    delivery: FAST,
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

  it('does not keep keys whose events have all left the window (a fan-out to thousands leaves nothing behind)', () => {
    const limiter = createRateLimiter({ limit: 7, windowMs: 1_000 });
    for (let i = 0; i < 5_000; i++) limiter.record(`conversation-${i}`, i);
    expect(limiter.size).toBeLessThanOrEqual(1_001);
    // Long after the fan-out, a thousand sends to one conversation sweep the rest away.
    for (let i = 0; i < 1_000; i++) limiter.record('busy', 100_000 + i * 200);
    expect(limiter.size).toBe(1);
    expect(limiter.waitMs('busy', 100_000 + 999 * 200)).toBe(0);
  });
});

describe('createOutbox', () => {
  it('retries 429, 429 then delivers exactly once, with growing gaps that honour Retry-After', async () => {
    const { clock, outbox, calls, store } = setup({
      script: { a: [{ ok: false, failure: 'throttled', status: 429, retryAfterMs: 1_500 }, { ok: false, failure: 'throttled', status: 429 }] },
    });
    await outbox.enqueue([{ dedupeKey: 'k1', ref: ref('a'), message: message('hello') }]);
    await outbox.deliverDue();
    const first = queued(store)[0]!;
    expect(first.attempts).toBe(1);
    expect(Date.parse(first.nextAttemptAt) - clock.ms).toBe(1_500); // Retry-After beats the 875 ms backoff
    await outbox.deliverDue(); // not due yet
    expect(calls).toHaveLength(1);
    clock.ms = Date.parse(first.nextAttemptAt);
    await outbox.deliverDue();
    const second = queued(store)[0]!;
    expect(second.attempts).toBe(2);
    const secondGap = Date.parse(second.nextAttemptAt) - clock.ms;
    expect(secondGap).toBe(1_750); // 2 000 ms less the jitter
    clock.ms = Date.parse(second.nextAttemptAt);
    const report = await outbox.deliverDue();
    expect(report.delivered).toBe(1);
    expect(calls.map((c) => c.text)).toEqual(['hello', 'hello', 'hello']);
    expect(queued(store)).toEqual([]);
    await outbox.deliverDue();
    expect(calls).toHaveLength(3);
  });

  it.each([403, 404])('drops the conversation on %i: no retry, reference removed, its other messages dropped', async (status) => {
    const { outbox, calls, gone, store } = setup({ script: { a: [{ ok: false, failure: 'gone', status }] } });
    await outbox.enqueue([
      { dedupeKey: 'k1', ref: ref('a'), message: message('one') },
      { dedupeKey: 'k2', ref: ref('a'), message: message('two') },
      { dedupeKey: 'k3', ref: ref('b'), message: message('three') },
    ]);
    const report = await outbox.deliverDue();
    expect(calls.map((c) => c.text)).toEqual(['one', 'three']);
    expect(gone).toEqual([{ id: 'a', status }]);
    expect(report).toEqual({ delivered: 1, retried: 0, dropped: 1 });
    expect(queued(store)).toEqual([]);
    expect(store.read().dead.map((d) => [d.dedupeKey, d.status])).toEqual([
      ['k1', status],
      ['k2', status],
    ]);
  });

  it('gives up after the bounded number of tries', async () => {
    const { clock, outbox, calls, store } = setup({
      maxAttempts: 3,
      script: { a: Array.from({ length: 10 }, () => ({ ok: false as const, failure: 'transient' as const, status: 502 })) },
    });
    await outbox.enqueue([{ dedupeKey: 'k1', ref: ref('a'), message: message('x') }]);
    for (let i = 0; i < 6; i += 1) {
      await outbox.deliverDue();
      clock.ms += 60_000;
    }
    expect(calls).toHaveLength(3);
    expect(queued(store)).toEqual([]);
    expect(store.read().dead[0]).toMatchObject({ dedupeKey: 'k1', status: 502, attempts: 3 });
  });

  it('does not retry other client errors', async () => {
    const { outbox, calls, gone, store } = setup({ script: { a: [{ ok: false, failure: 'rejected', status: 400 }] } });
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
    const before = setup({ store, script: { a: [{ ok: false, failure: 'transient', status: 504 }] } });
    await before.outbox.enqueue([{ dedupeKey: 'k1', ref: ref('a'), message: message('one') }]);
    await before.outbox.deliverDue(); // a 504: k1 waits for its retry
    await before.outbox.enqueue([{ dedupeKey: 'k2', ref: ref('b'), message: message('two') }]);
    // The process stops here; a new outbox over the same state takes over.
    expect(before.outbox.pending().map((p) => [p.dedupeKey, p.attempts])).toEqual([
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
    expect(calls.filter((c) => c.conversationId === 'a').map((c) => c.text)).toEqual(Array.from({ length: 12 }, (_, i) => `a${i}`));
  });

  it('delivers in the background once started, and retries on its own timer', async () => {
    const store = createMemoryState(emptyOutboxState());
    const calls: number[] = [];
    const outbox = createOutbox({
      store,
      logger: silentLogger,
      retry: { baseDelayMs: 20 },
      channel: {
        async send() {
          calls.push(Date.now());
          return calls.length < 3 ? { ok: false, failure: 'throttled', status: 429 } : { ok: true };
        },
      },
    });
    outbox.start();
    await outbox.enqueue([{ dedupeKey: 'k', ref: ref('a'), message: message('x') }]);
    await outbox.idle();
    await outbox.stop();
    expect(calls).toHaveLength(3);
    expect(queued(store)).toEqual([]);
  });
});

describe('createOutbox over the journaled state store', () => {
  const openStore = (media: ReturnType<typeof createMemoryMedia>, now: () => Date) =>
    createStateStore({ name: 'outbox', defaults: emptyOutboxState(), schema: OutboxStateSchema, logger: quietStateLogger, now, ...media });

  it('journals one queue entry per message sent, retried or given up, never the whole queue', async () => {
    const clock = { ms: Date.parse('2026-03-29T06:00:00Z') };
    const now = () => new Date(clock.ms);
    const media = createMemoryMedia();
    const store = await openStore(media, now);
    const { channel, calls } = scriptedChannel(clock, { c7: [{ ok: false, failure: 'throttled', status: 429 }], c8: [{ ok: false, failure: 'rejected', status: 400 }] });
    const outbox = createOutbox({ store: stateCell(store), channel, logger: silentLogger, now, random: () => 0.5, delivery: FAST });
    await outbox.enqueue(Array.from({ length: 100 }, (_, i) => ({ dedupeKey: `k${i}`, ref: ref(`c${i}`), message: message(`m${i}`) })));
    const afterEnqueue = (await journalChanges(media.journal)).length;

    const report = await outbox.deliverDue();

    expect(report).toEqual({ delivered: 98, retried: 1, dropped: 1 });
    expect(calls).toHaveLength(100);
    const changes = (await journalChanges(media.journal)).slice(afterEnqueue);
    const queueChanges = changes.filter(([path]) => path[0] === 'queue');
    expect(changes.every(([path]) => path.length === 2)).toBe(true);
    expect(queueChanges).toHaveLength(100);
    const retried = queueChanges.filter((change) => change.length === 2);
    expect(retried.map(([, value]) => (value as OutboxItem).dedupeKey)).toEqual(['k7']);
    expect(changes.filter(([path]) => path[0] === 'dead')).toEqual([
      [['dead', '0'], expect.objectContaining({ dedupeKey: 'k8', status: 400 })],
      [['dead', 'length'], 1],
    ]);
    expect(queued(stateCell(store)).map((p) => [p.dedupeKey, p.attempts, p.lastStatus])).toEqual([['k7', 1, 429]]);
    await store.close();
  });

  it('loads an outbox state of the old array shape, snapshot and journal, and delivers each waiting message once', async () => {
    const clock = { ms: Date.parse('2026-03-29T06:00:00Z') };
    const now = () => new Date(clock.ms);
    const media = createMemoryMedia();
    // The state as the outbox kept it before the keyed queue: a `pending` array, changed in place or replaced whole.
    const LegacySchema = z.object({
      pending: z.array(OutboxItemSchema).default([]),
      accepted: z.record(z.string(), z.string()).default({}),
      dead: z.array(DeadLetterSchema).default([]),
    });
    const legacy = await createStateStore({ name: 'outbox', defaults: { pending: [], accepted: {}, dead: [] }, schema: LegacySchema, logger: quietStateLogger, now, ...media });
    const at = now().toISOString();
    const item = (n: number, conversationId: string): OutboxItem => ({
      id: `id-${n}`,
      dedupeKey: `k${n}`,
      ref: ref(conversationId),
      message: { text: `m${n}` },
      attempts: 0,
      nextAttemptAt: at,
      createdAt: at,
    });
    await legacy.update((state) => {
      state.pending.push(item(1, 'a'), item(2, 'b'), item(3, 'c'));
      for (const n of [1, 2, 3]) state.accepted[`k${n}`] = at;
    });
    await legacy.checkpoint(); // the snapshot holds three; what follows is only in the journal
    await legacy.update((state) => {
      state.pending = state.pending.filter((p) => p.id !== 'id-1'); // k1 was delivered
    });
    await legacy.update((state) => {
      Object.assign(state.pending[0]!, { attempts: 1, nextAttemptAt: new Date(clock.ms + 1_000).toISOString(), lastStatus: 429 });
    });
    expect(media.journal.active).not.toBe('');
    // The process stops without closing the store (a crash); the new code opens the same files.

    const store = await openStore(media, now);
    expect(store.read().pending?.map((p) => [p.dedupeKey, p.attempts])).toEqual([
      ['k2', 1],
      ['k3', 0],
    ]);
    const { channel, calls } = scriptedChannel(clock);
    const outbox = createOutbox({ store: stateCell(store), channel, logger: silentLogger, now, random: () => 0.5, delivery: FAST });
    expect(outbox.pending().map((p) => p.dedupeKey)).toEqual(['k2', 'k3']);
    await outbox.deliverDue();
    expect(calls.map((c) => c.text)).toEqual(['m3']); // k2 waits for its retry
    expect(store.read().pending).toBeUndefined();
    expect(Object.keys(store.read().queue)).toEqual(['id-2']);
    clock.ms += 1_000;
    await outbox.deliverDue();
    expect(calls.map((c) => c.text)).toEqual(['m3', 'm2']);
    const again = await outbox.enqueue([1, 2, 3].map((n) => ({ dedupeKey: `k${n}`, ref: ref('a'), message: message('again') })));
    expect(again.duplicates).toEqual(['k1', 'k2', 'k3']);
    await store.close();

    const reopened = await openStore(media, now);
    expect(reopened.read()).toMatchObject({ queue: {}, accepted: { k1: at, k2: at, k3: at } });
    expect(reopened.read().pending).toBeUndefined();
    await reopened.close();
  });

  it('keeps a message queued when its write fails, and sends it again on the next pass', async () => {
    const clock = { ms: Date.parse('2026-03-29T06:00:00Z') };
    const memory = createMemoryState(emptyOutboxState());
    let failWrites = false;
    const store: StateCell<OutboxState> = {
      read: () => memory.read(),
      update: (fn) => (failWrites ? Promise.reject(new Error('disk full')) : memory.update(fn)),
    };
    const { outbox, calls } = setup({ store });
    await outbox.enqueue([{ dedupeKey: 'k1', ref: ref('a'), message: message('one') }]);
    failWrites = true;
    await expect(outbox.deliverDue()).rejects.toThrow('disk full');
    expect(queued(store).map((p) => p.dedupeKey)).toEqual(['k1']);
    failWrites = false;
    clock.ms += 1_000;
    await outbox.deliverDue();
    expect(calls.map((c) => c.text)).toEqual(['one', 'one']);
    expect(queued(store)).toEqual([]);
  });

  it('writes outcomes behind the sends, never more than the sends in flight plus 50 waiting for their write', async () => {
    const memory = createMemoryState(emptyOutboxState());
    // A store slower than the channel: each write lands a few event-loop turns later.
    const store: StateCell<OutboxState> = {
      read: () => memory.read(),
      update: (fn) => new Promise((resolve) => setTimeout(resolve, 2)).then(() => memory.update(fn)),
    };
    let sends = 0;
    const unwrittenAtSend: number[] = [];
    const outbox = createOutbox({
      store,
      logger: silentLogger,
      delivery: { ...FAST, maxInFlight: 8 },
      channel: {
        async send() {
          unwrittenAtSend.push(sends - (300 - queued(store).length));
          sends += 1;
          return { ok: true };
        },
      },
    });
    await outbox.enqueue(Array.from({ length: 300 }, (_, i) => ({ dedupeKey: `k${i}`, ref: ref(`c${i}`), message: message(`m${i}`) })));
    expect(await outbox.deliverDue()).toEqual({ delivered: 300, retried: 0, dropped: 0 });
    expect(queued(store)).toEqual([]);
    expect(Math.max(...unwrittenAtSend)).toBeGreaterThan(1);
    expect(Math.max(...unwrittenAtSend)).toBeLessThan(8 + 50);
  });

  it('keeps between the latest 100 and 200 dead letters', async () => {
    const script = Object.fromEntries(Array.from({ length: 250 }, (_, i) => [`c${i}`, [{ ok: false as const, failure: 'rejected' as const, status: 400 }]]));
    const { outbox, store } = setup({ script });
    await outbox.enqueue(Array.from({ length: 250 }, (_, i) => ({ dedupeKey: `k${i}`, ref: ref(`c${i}`), message: message(`m${i}`) })));
    const report = await outbox.deliverDue();
    expect(report.dropped).toBe(250);
    const dead = store.read().dead.map((d) => d.dedupeKey);
    expect(dead.length).toBeGreaterThanOrEqual(DEAD_LETTERS_KEPT);
    expect(dead.length).toBeLessThanOrEqual(2 * DEAD_LETTERS_KEPT);
    expect(dead).toEqual(Array.from({ length: dead.length }, (_, i) => `k${250 - dead.length + i}`));
  });

  it('paces sends per tenant and halves the pace after a 429', async () => {
    const store = createMemoryState(emptyOutboxState());
    const starts: Array<{ id: string; at: number }> = [];
    const outbox = createOutbox({
      store,
      logger: silentLogger,
      delivery: { ratePerSecond: 50 },
      channel: {
        async send(target) {
          starts.push({ id: target.conversation.id, at: performance.now() });
          return starts.length === 7 ? { ok: false, failure: 'throttled', status: 429, retryAfterMs: 60_000 } : { ok: true };
        },
      },
    });
    await outbox.enqueue(Array.from({ length: 14 }, (_, i) => ({ dedupeKey: `k${i}`, ref: ref(`c${i}`), message: message(`m${i}`) })));
    await outbox.deliverDue();
    const gaps = starts.slice(1).map((s, i) => s.at - starts[i]!.at);
    // 50 per second: 20 ms apart (less the jitter of timers); from the 429 (the 7th send) on, at half the pace: 40 ms
    // (growing back slowly).
    expect(Math.min(...gaps.slice(0, 6))).toBeGreaterThanOrEqual(15);
    expect(Math.min(...gaps.slice(7, 12))).toBeGreaterThanOrEqual(30);
    expect(starts).toHaveLength(14);
  });

  it('times out a send that never answers, retries it later, and meanwhile delivers the others', async () => {
    const clock = { ms: Date.parse('2026-03-29T06:00:00Z') };
    const store = createMemoryState(emptyOutboxState());
    const sent: string[] = [];
    const outbox = createOutbox({
      store,
      logger: silentLogger,
      now: () => new Date(clock.ms),
      delivery: { ...FAST, sendTimeoutMs: 200 },
      channel: {
        send(target, msg, signal) {
          if (target.conversation.id === 'stuck') return new Promise(() => signal?.throwIfAborted());
          sent.push(msg.text ?? '');
          return Promise.resolve({ ok: true });
        },
      },
    });
    await outbox.enqueue([
      { dedupeKey: 's', ref: ref('stuck'), message: message('stuck') },
      ...['a', 'b', 'c'].map((id) => ({ dedupeKey: id, ref: ref(id), message: message(id) })),
    ]);
    const report = await outbox.deliverDue();
    expect(report).toEqual({ delivered: 3, retried: 1, dropped: 0 });
    expect(sent.sort()).toEqual(['a', 'b', 'c']);
    expect(queued(store).map((p) => [p.dedupeKey, p.attempts, p.lastStatus])).toEqual([['s', 1, 0]]);
  });

  it('waits, without spinning, while a paused conversation holds a later message that is due', async () => {
    const memory = createMemoryState(emptyOutboxState());
    let reads = 0;
    const store: StateCell<OutboxState> = { read: () => (reads++, memory.read()), update: (fn) => memory.update(fn) };
    const sent: string[] = [];
    const outbox = createOutbox({
      store,
      logger: silentLogger,
      delivery: FAST,
      channel: {
        async send(_target, msg) {
          sent.push(msg.text ?? '');
          return { ok: false, failure: 'throttled', status: 429, retryAfterMs: 60_000 };
        },
      },
    });
    outbox.start();
    await outbox.enqueue([
      { dedupeKey: 'k1', ref: ref('a'), message: message('first') },
      { dedupeKey: 'k2', ref: ref('a'), message: message('second') },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const before = reads;
    await new Promise((resolve) => setTimeout(resolve, 300));
    await outbox.stop();
    expect(sent).toEqual(['first']);
    // A loop waking for 'second' would read the store thousands of times in 300 ms.
    expect(reads - before).toBeLessThan(20);
  });
});
