/**
 * The outbox delivering through the real Teams notifier (botbuilder's connector client) to a fake
 * connector on 127.0.0.1 that answers with scripted statuses.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ConversationRef } from '../../src/reminders/conversation-ref.js';
import { createConversationStore, emptyConversationState } from '../../src/reminders/conversation-store.js';
import { silentLogger } from '../../src/reminders/logger.js';
import type { Notifier } from '../../src/reminders/notifier.js';
import { createOutbox, emptyOutboxState } from '../../src/reminders/outbox.js';
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

async function setup() {
  testBot = await startTestBot({ features: [] });
  const attempts: number[] = [];
  // Times each try as it leaves, to see the gaps the outbox leaves between them.
  const timed: Notifier = {
    send: (ref, message) => {
      attempts.push(performance.now());
      return testBot!.bot.notifier.send(ref, message);
    },
  };
  const conversations = createConversationStore({ store: createMemoryState(emptyConversationState()), now: () => new Date() });
  const outbox = createOutbox({
    store: createMemoryState(emptyOutboxState()),
    notifier: timed,
    logger: silentLogger,
    retry: { baseDelayMs: 300, jitter: 0, maxAttempts: 5 },
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
    expect(c - b).toBeGreaterThan(b - a); // second: 600 ms
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
});
