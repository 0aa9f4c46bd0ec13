import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_FEATURES, type FeatureFactory } from '../../src/teams/handlers/index.js';
import { personalMessage, replyText } from '../helpers/activities.js';
import { startTestBot, type TestBot } from '../helpers/test-bot.js';

// An observer's write handed to the turn (ConversationEvent.waitUntil) overlaps the answer, but the HTTP response,
// Teams' acknowledgement of the message, waits for it: a refreshed conversation reference is durable by then.
const NOW = () => new Date('2026-03-10T09:00:00Z');

/** A feature whose observer hands the turn a write the test settles. */
function handingOver(write: () => Promise<unknown>): FeatureFactory {
  return async () => ({
    name: 'handing-over',
    async observe(event) {
      if (event.kind === 'activity' && event.lang) event.waitUntil?.(write());
    },
  });
}

describe('writes an observer hands to the turn', () => {
  let t: TestBot;
  afterEach(async () => t?.close());

  it('answers while the write is pending, and answers the HTTP request only once it is done', async () => {
    let finish: () => void = () => undefined;
    const pendingWrite = new Promise<void>((resolve) => {
      finish = resolve;
    });
    t = await startTestBot({ now: NOW, features: [...DEFAULT_FEATURES, handingOver(() => pendingWrite)] });
    const activity = personalMessage('Who does the pedagogical leader report to?', { ...t.at, locale: 'en-US' });
    const response = t.post(activity);

    // The answer reaches the connector although the write is not done...
    const [answer] = await t.connector.waitFor(1, { conversationId: activity.conversation.id, type: 'message' });
    expect(replyText(answer!.activity)).toMatch(/reports to the head of day care/);
    // ...but the request is not acknowledged yet.
    const early = await Promise.race([response.then(() => 'acknowledged'), new Promise((resolve) => setTimeout(() => resolve('open'), 200))]);
    expect(early).toBe('open');

    finish();
    expect((await response).status).toBe(200);
  });

  it('logs a failed write and still acknowledges the answered message', async () => {
    t = await startTestBot({ now: NOW, features: [...DEFAULT_FEATURES, handingOver(() => Promise.reject(new Error('disk gone')))] });
    const activity = personalMessage('Who does the pedagogical leader report to?', { ...t.at, locale: 'en-US' });
    expect((await t.post(activity)).status).toBe(200);
    const [answer] = await t.connector.waitFor(1, { conversationId: activity.conversation.id, type: 'message' });
    expect(replyText(answer!.activity)).toMatch(/reports to the head of day care/);
    const failure = t.logs.find((line) => line.msg === 'conversation observer failed');
    expect(failure).toBeDefined();
    expect(JSON.stringify(failure)).toMatch(/disk gone/);
  });

  it('keeps the language a person last wrote in on their stored reference, written by the time the message is acknowledged', async () => {
    t = await startTestBot({ now: NOW });
    const at = { ...t.at, userId: '29:switcher', aadObjectId: 'aad-switcher', conversationId: 'a:switcher', locale: 'da-DK' };
    await t.post(personalMessage('Hvem refererer den pædagogiske leder til?', at));
    const key = 'user:29:switcher';
    expect((await t.bot.domain.conversations.get(key))?.ref.locale).toBe('da-DK');
    // The client's locale stays Danish; the words are English: the reference follows the words (a refresh).
    expect((await t.post(personalMessage('Who does the pedagogical leader report to?', at))).status).toBe(200);
    expect((await t.bot.domain.conversations.get(key))?.ref.locale).toBe('en-US');
  });
});
