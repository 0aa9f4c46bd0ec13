import { afterEach, describe, expect, it } from 'vitest';
import { channelMessage, personalMessage } from '../helpers/activities.js';
import { startTestBot, type TestBot } from '../helpers/test-bot.js';
import type { ConversationRef } from '../../src/messaging/conversation-ref.js';
import type { CommandContext, FeatureFactory } from '../../src/teams/handlers/index.js';

/** A feature that stores the reference of whoever writes "husk mig", as a reminders feature would. */
function capturing(refs: ConversationRef[]): FeatureFactory {
  return () => ({
    name: 'capture',
    commands: [
      {
        name: 'remember',
        handle: async (text: string, ctx: CommandContext) => {
          if (text !== 'husk mig') return false;
          refs.push(ctx.ref);
          await ctx.reply('OK');
          return true;
        },
      },
    ],
  });
}

describe('proactive messages', () => {
  let t: TestBot;
  afterEach(async () => t?.close());

  it('sends to a personal chat captured from an earlier turn', async () => {
    const refs: ConversationRef[] = [];
    t = await startTestBot({ features: [capturing(refs)] });
    const activity = personalMessage('husk mig', t.at);
    await t.post(activity);
    expect(refs).toHaveLength(1);

    const result = await t.bot.notifier.send(refs[0]!, { text: 'Påmindelse: frist i morgen', summary: 'Påmindelse' });
    expect(result).toEqual({ ok: true });
    // The reply to the command (no welcome in front of it: the first message gave a command), then the reminder.
    const messages = await t.connector.waitFor(2, { conversationId: activity.conversation.id, type: 'message' });
    const reminder = messages[1]!;
    expect(reminder.activityId).toBeUndefined();
    expect(reminder.activity).toMatchObject({ text: 'Påmindelse: frist i morgen', summary: 'Påmindelse', recipient: { id: activity.from.id } });
  });

  it('posts to a channel as a new message, not into the thread it was captured from', async () => {
    const refs: ConversationRef[] = [];
    t = await startTestBot({ features: [capturing(refs)] });
    const activity = channelMessage('husk mig', t.at);
    await t.post(activity);
    const result = await t.bot.notifier.sendActivity(refs[0]!, { type: 'message', text: 'Opgaveliste' });
    expect(result.ok).toBe(true);
    expect(result.activityId).toMatch(/^activity-/);
    const posted = t.connector.activitiesIn(activity.conversation.id, 'message').at(-1)!;
    expect(posted.activity.text).toBe('Opgaveliste');
    expect(posted.activityId).toBeUndefined();
  });

  it.each([
    { status: 429, headers: { 'Retry-After': '7' } as Record<string, string>, expected: { ok: false, status: 429, retryAfterMs: 7_000 } },
    { status: 403, headers: {} as Record<string, string>, expected: { ok: false, status: 403 } },
    { status: 404, headers: {} as Record<string, string>, expected: { ok: false, status: 404 } },
  ])('returns a $status from the connector as a value', async ({ status, headers, expected }) => {
    const refs: ConversationRef[] = [];
    t = await startTestBot({ features: [capturing(refs)] });
    const activity = personalMessage('husk mig', t.at);
    await t.post(activity);
    const before = t.connector.received.length;
    t.connector.respondWith(activity.conversation.id, { status, headers });
    const result = await t.bot.notifier.send(refs[0]!, { text: 'Påmindelse' });
    expect(result).toMatchObject(expected);
    // One attempt per send: retrying is the outbox's decision, not the HTTP client's.
    expect(t.connector.received.length - before).toBe(1);
  });

  it('returns status 0 when the connector cannot be reached', async () => {
    const refs: ConversationRef[] = [];
    t = await startTestBot({ features: [capturing(refs)] });
    await t.post(personalMessage('husk mig', t.at));
    const result = await t.bot.notifier.send({ ...refs[0]!, serviceUrl: 'http://127.0.0.1:9/' }, { text: 'x' });
    expect(result).toMatchObject({ ok: false, status: 0 });
  });
});
