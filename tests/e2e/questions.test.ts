import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { adaptiveCardOf, channelMessage, personalMessage, replyText, TEST_BOT } from '../helpers/activities.js';
import { TEST_DOC } from '../helpers/test-knowledge.js';
import { startTestBot, type TestBot } from '../helpers/test-bot.js';

// The answers themselves are the answering engine's business (tests/answering); here: the Teams path.
const NOW = () => new Date('2026-03-10T09:00:00Z');

describe('questions over /api/messages', () => {
  let t: TestBot;
  afterEach(async () => t?.close());

  it('answers a 1:1 question with one message: the Adaptive Card with a summary, no text copy', async () => {
    t = await startTestBot({ now: NOW });
    const activity = personalMessage('Hvem refererer den pædagogiske leder til?', t.at);
    const { status } = await t.post(activity);
    expect(status).toBe(200);

    const messages = await t.connector.waitFor(1, { conversationId: activity.conversation.id, type: 'message' });
    // A first contact that asks a question gets the answer alone: no introduction in front of it.
    expect(t.connector.activitiesIn(activity.conversation.id, 'message')).toHaveLength(1);
    const [reply] = messages.map((m) => m.activity);
    expect(messages[0]!.activityId).toBe(activity.id);
    expect(reply!.text).toBeUndefined();
    expect(reply!.summary).toMatch(/dagtilbudschef/i);
    expect(reply!.attachments).toHaveLength(1);

    const card = adaptiveCardOf(reply!);
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    const cardText = replyText({ attachments: reply!.attachments });
    expect(cardText).toMatch(/dagtilbudschef/i);
    expect(cardText).toContain(`Kilde: ${TEST_DOC.profile.title}`);
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(8_000);
  });

  it('welcomes a person who opens with a greeting, once', async () => {
    t = await startTestBot({ now: NOW });
    const who = { ...t.at, userId: '29:same', aadObjectId: 'aad-same' };
    const first = personalMessage('hej', who);
    await t.post(first);
    const conversationId = first.conversation.id;
    await t.post(personalMessage('Who does the pedagogical leader report to?', { ...who, conversationId, locale: 'en-US' }));
    await t.post(personalMessage('hej', { ...who, conversationId }));
    const messages = await t.connector.waitFor(3, { conversationId, type: 'message' });
    expect(messages).toHaveLength(3);
    expect(replyText(messages[0]!.activity)).toMatch(/^Hej! Jeg er Dagtilbudsledelse/);
    expect(replyText(messages[1]!.activity)).toMatch(/reports to the head of day care/);
    expect(replyText(messages[1]!.activity)).toContain(TEST_DOC.profile.titleEn);
    // The second greeting is answered briefly: the introduction is not repeated.
    expect(replyText(messages[2]!.activity)).toMatch(/^Hej! Spørg mig/);
  });

  it('remembers the welcome across a restart', async () => {
    const stateDir = await mkdtemp(path.join(os.tmpdir(), 'teams-contacts-'));
    try {
      const who = { userId: '29:returning', aadObjectId: 'aad-returning' };
      t = await startTestBot({ now: NOW, env: { STATE_DIR: stateDir } });
      const first = personalMessage('hej', { ...t.at, ...who });
      await t.post(first);
      const welcome = t.connector.activitiesIn(first.conversation.id, 'message');
      expect(welcome).toHaveLength(1);
      expect(replyText(welcome[0]!.activity)).toMatch(/^Hej! Jeg er Dagtilbudsledelse/);
      await t.close();

      t = await startTestBot({ now: NOW, env: { STATE_DIR: stateDir } });
      const again = personalMessage('hej', { ...t.at, ...who });
      await t.post(again);
      const replies = t.connector.activitiesIn(again.conversation.id, 'message');
      expect(replies).toHaveLength(1);
      expect(replyText(replies[0]!.activity)).toMatch(/^Hej! Spørg mig/);
    } finally {
      await rm(stateDir, { recursive: true, force: true });
    }
  });

  it('answers an @mention in a channel, with the mention stripped and no welcome', async () => {
    t = await startTestBot({ now: NOW });
    const activity = channelMessage('Who does the pedagogical leader report to?', { ...t.at, locale: 'en-US' });
    expect(activity.text).toContain(`<at>${TEST_BOT.name}</at>`);
    const { status } = await t.post(activity);
    expect(status).toBe(200);
    const [reply] = await t.connector.waitFor(1, { conversationId: activity.conversation.id, type: 'message' });
    expect(t.connector.activitiesIn(activity.conversation.id, 'message')).toHaveLength(1);
    expect(reply!.activityId).toBe(activity.id);
    expect(replyText(reply!.activity)).toMatch(/reports to the head of day care/);
    expect(replyText(reply!.activity)).not.toContain('<at>');
    expect(adaptiveCardOf(reply!.activity)).toBeDefined();
  });

  it('says plainly when it does not know, with suggestions from the knowledge base', async () => {
    t = await startTestBot({ now: NOW });
    const activity = channelMessage('Hvad koster en liter mælk i kantinen?', t.at);
    await t.post(activity);
    const [reply] = await t.connector.waitFor(1, { conversationId: activity.conversation.id, type: 'message' });
    expect(replyText(reply!.activity)).toMatch(/ved jeg ikke/);
    const card = adaptiveCardOf(reply!.activity)!;
    expect(card.actions?.length).toBeGreaterThan(0);
    expect(JSON.stringify(card.actions)).toContain('Pædagogisk leder');
  });

  it('does not log the message text at info level', async () => {
    t = await startTestBot({ now: NOW, env: { LOG_LEVEL: 'info' } });
    const secret = 'Hvem refererer den pædagogiske leder til? hemmeligt-ord-4711';
    const activity = personalMessage(secret, t.at);
    await t.post(activity);
    await t.connector.waitFor(1, { conversationId: activity.conversation.id, type: 'message' });
    expect(t.logs.some((line) => line.msg === 'question answered' && typeof line.turnId === 'string')).toBe(true);
    expect(JSON.stringify(t.logs)).not.toContain('hemmeligt-ord-4711');
  });
});
