/**
 * The outbox delivering through the real Teams notifier (botbuilder's connector client) to a fake
 * connector on 127.0.0.1 that answers with scripted statuses.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ConversationRef } from '../../src/messaging/conversation-ref.js';
import { createConversationStore, emptyConversationState } from '../../src/messaging/conversation-store.js';
import { silentLogger } from '../../src/reminders/logger.js';
import type { MessageChannel } from '../../src/messaging/channel.js';
import { createOutbox, emptyOutboxState } from '../../src/messaging/outbox.js';
import { createMemoryState } from '../../src/reminders/state.js';
import { TEST_BOT } from '../helpers/activities.js';
import { startTestBot, type TestBot } from '../helpers/test-bot.js';

let testBot: TestBot | undefined;
afterEach(async () => {
  await testBot?.close();
  testBot = undefined;
});

const refTo = (serviceUrl: string, conversationId: string): ConversationRef => ({
  serviceUrl,
  channelId: 'msteams',
  conversation: { id: conversationId, conversationType: 'personal', tenantId: 't' },
  bot: { id: TEST_BOT.id, name: TEST_BOT.name },
  user: { id: `29:${conversationId}` },
});

async function setup(delivery: Parameters<typeof createOutbox>[0]['delivery'] = {}) {
  testBot = await startTestBot({ features: [] });
  const attempts: number[] = [];
  // Times each try as it leaves, to see the gaps the outbox leaves between them.
  const timed: MessageChannel = {
    send: (ref, message) => {
      attempts.push(performance.now());
      return testBot!.bot.notifier.send(ref, message);
    },
  };
  const conversations = createConversationStore({ store: createMemoryState(emptyConversationState()), now: () => new Date() });
  const outbox = createOutbox({
    store: createMemoryState(emptyOutboxState()),
    channel: timed,
    logger: silentLogger,
    retry: { baseDelayMs: 300, jitter: 0, maxAttempts: 5 },
    delivery,
    onGone: async (ref) => void (await conversations.forgetConversation(ref.conversation.id)),
  });
  return { connector: testBot.connector, outbox, attempts, conversations };
}

describe('outbox over the Teams connector', () => {
  it('retries 429, 429 and delivers exactly once, with growing gaps', async () => {
    const { connector, outbox, attempts } = await setup();
    connector.respondWith('a:throttled', { status: 429 }, { status: 429, headers: { 'Retry-After': '0' } });
    outbox.start();
    await outbox.enqueue([{ dedupeKey: 'k1', ref: refTo(connector.serviceUrl, 'a:throttled'), message: { text: 'Påmindelse: budget' } }]);
    await outbox.idle();
    await outbox.stop();
    const requests = connector.activitiesIn('a:throttled');
    expect(requests.map((r) => r.status)).toEqual([429, 429, 201]);
    expect(requests.filter((r) => r.status === 201)).toHaveLength(1);
    expect(requests.every((r) => r.activity.text === 'Påmindelse: budget')).toBe(true);
    expect(attempts).toHaveLength(3);
    const [a, b, c] = attempts as [number, number, number];
    expect(b - a).toBeGreaterThanOrEqual(290); // first backoff: 300 ms
    // Second: 600 ms. A lower bound only: load can stretch a gap, never shorten it, so comparing the two
    // measured gaps failed when the first was delayed.
    expect(c - b).toBeGreaterThanOrEqual(590);
    expect(outbox.pending()).toEqual([]);
  });

  it('honours Retry-After from the connector', async () => {
    const { connector, outbox, attempts } = await setup();
    connector.respondWith('a:wait', { status: 429, headers: { 'Retry-After': '1' } });
    outbox.start();
    await outbox.enqueue([{ dedupeKey: 'k1', ref: refTo(connector.serviceUrl, 'a:wait'), message: { text: 'x' } }]);
    await outbox.idle();
    await outbox.stop();
    expect(connector.activitiesIn('a:wait').map((r) => r.status)).toEqual([429, 201]);
    expect(attempts[1]! - attempts[0]!).toBeGreaterThanOrEqual(990);
  });

  it.each([403, 404])('drops the reference on %i and does not retry', async (status) => {
    const { connector, outbox, conversations } = await setup();
    const ref = refTo(connector.serviceUrl, `a:gone-${status}`);
    await conversations.remember(ref);
    connector.respondWith(ref.conversation.id, status);
    outbox.start();
    await outbox.enqueue([
      { dedupeKey: 'k1', ref, message: { text: 'one' } },
      { dedupeKey: 'k2', ref, message: { text: 'two' } },
    ]);
    await outbox.idle();
    await new Promise((resolve) => setTimeout(resolve, 700)); // longer than a first retry would wait
    await outbox.stop();
    expect(connector.activitiesIn(ref.conversation.id).map((r) => r.status)).toEqual([status]);
    expect(await conversations.list()).toEqual([]);
    expect(outbox.pending()).toEqual([]);
  });

  it('retries 500 with backoff like the other transient statuses', async () => {
    const { connector, outbox } = await setup();
    connector.respondWith('a:error', 500, 503);
    outbox.start();
    await outbox.enqueue([{ dedupeKey: 'k1', ref: refTo(connector.serviceUrl, 'a:error'), message: { text: 'x' } }]);
    await outbox.idle();
    await outbox.stop();
    expect(connector.activitiesIn('a:error').map((r) => r.status)).toEqual([500, 503, 201]);
  });

  it('lets a hung request delay no other conversation, and retries it after its timeout', async () => {
    const { connector, outbox } = await setup({ sendTimeoutMs: 3_000 });
    connector.respondWith('a:hung', { status: 201, delayMs: 60_000 });
    const others = Array.from({ length: 6 }, (_, i) => `a:waiting-${i}`);
    outbox.start();
    // The hung conversation is queued first: the old one-at-a-time loop would have waited on it.
    await outbox.enqueue([
      { dedupeKey: 'hung', ref: refTo(connector.serviceUrl, 'a:hung'), message: { text: 'hung' } },
      ...others.map((id) => ({ dedupeKey: id, ref: refTo(connector.serviceUrl, id), message: { text: id } })),
    ]);
    for (const id of others) await connector.waitFor(1, { conversationId: id, timeoutMs: 10_000 });
    // The others are all done while the hung request is still open (its timeout has not yet run out).
    expect(connector.held()).toBe(1);
    expect(connector.activitiesIn('a:hung')).toEqual([]);
    await outbox.idle();
    await outbox.stop();
    // The second try (after the timeout) is answered at once.
    expect(connector.activitiesIn('a:hung').map((r) => r.status)).toEqual([201]);
    expect(outbox.pending()).toEqual([]);
  });

  it('after a 429, sends nothing more to that conversation before Retry-After, then all of it in order', async () => {
    const { connector, outbox, attempts } = await setup();
    connector.respondWith('a:busy', { status: 429, headers: { 'Retry-After': '1' } });
    const ref = refTo(connector.serviceUrl, 'a:busy');
    outbox.start();
    await outbox.enqueue([
      { dedupeKey: 'k1', ref, message: { text: 'first' } },
      { dedupeKey: 'k2', ref, message: { text: 'second' } },
      { dedupeKey: 'k3', ref: refTo(connector.serviceUrl, 'a:free'), message: { text: 'other' } },
    ]);
    await connector.waitFor(1, { conversationId: 'a:free' });
    await outbox.idle();
    await outbox.stop();
    const busy = connector.activitiesIn('a:busy');
    expect(busy.map((r) => [r.status, r.activity.text])).toEqual([
      [429, 'first'],
      [201, 'first'],
      [201, 'second'],
    ]);
    // 'second' waited behind 'first', which waited Retry-After: nothing reached the conversation within that second.
    expect(attempts.at(-1)! - attempts[0]!).toBeGreaterThanOrEqual(990);
  });

  it('stops within its bound while a send hangs, leaving the message queued for the next start', async () => {
    const { connector, outbox } = await setup({ sendTimeoutMs: 30_000, stopTimeoutMs: 500 });
    connector.delayAll(60_000);
    outbox.start();
    await outbox.enqueue([{ dedupeKey: 'k1', ref: refTo(connector.serviceUrl, 'a:slow'), message: { text: 'slow' } }]);
    for (let waited = 0; connector.held() === 0 && waited < 5_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    const started = performance.now();
    await outbox.stop();
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(outbox.pending().map((p) => [p.dedupeKey, p.attempts])).toEqual([['k1', 0]]);
  });
});
