import { afterEach, describe, expect, it } from 'vitest';
import { adaptiveCardOf, cardAction, channelMessage, personalMessage, replyText } from '../helpers/activities.js';
import { startTestBot, type TestBot } from '../helpers/test-bot.js';
import type { CommandContext, FeatureFactory } from '../../src/teams/handlers/index.js';

const failing: FeatureFactory = () => ({
  name: 'failing',
  commands: [
    {
      name: 'boom',
      handle: async (text) => {
        if (text === 'boom' || text === 'eksplosion nu') throw new Error('handler exploded');
        return false;
      },
    },
  ],
  cardActions: [
    {
      verb: 'test.explode',
      handle: async () => {
        throw new Error('card action exploded');
      },
    },
  ],
});

function recordingFeature(seen: CommandContext[]): FeatureFactory {
  return () => ({
    name: 'recording',
    commands: [
      {
        name: 'echo-count',
        handle: async (text, ctx) => {
          seen.push(ctx);
          if (!text.startsWith('tæl ')) return false;
          await ctx.reply(`Du skrev ${text.length} tegn.`);
          return true;
        },
      },
    ],
    cardActions: [
      {
        verb: 'test.card',
        handle: async (data, ctx) => {
          seen.push(ctx);
          return {
            card: { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', body: [{ type: 'TextBlock', text: `done ${String(data.n)}` }] },
            forAll: data.forAll === true,
          };
        },
      },
      { verb: 'test.message', handle: async () => ({ message: 'Gemt.' }) },
    ],
  });
}

describe('turns', () => {
  let t: TestBot;
  afterEach(async () => t?.close());

  it('refuses a text over 4,000 characters politely, in the user language', async () => {
    t = await startTestBot();
    const long = 'Who does the pedagogical leader report to? '.repeat(100);
    expect(long.length).toBeGreaterThan(4_000);
    const activity = channelMessage(long, { ...t.at, locale: 'en-US' });
    const { status } = await t.post(activity);
    expect(status).toBe(200);
    const [reply] = await t.connector.waitFor(1, { conversationId: activity.conversation.id, type: 'message' });
    expect(reply!.activity.text).toMatch(/too long/);
    expect(reply!.activity.text).toContain('4,000');
    expect(adaptiveCardOf(reply!.activity)).toBeUndefined();
  });

  it('accepts a text of exactly 4,000 characters', async () => {
    t = await startTestBot();
    const text = 'Hvem refererer den pædagogiske leder til? '.repeat(100).slice(0, 4_000);
    expect(text).toHaveLength(4_000);
    const activity = channelMessage(text, t.at);
    await t.post(activity);
    const [reply] = await t.connector.waitFor(1, { conversationId: activity.conversation.id, type: 'message' });
    expect(replyText(reply!.activity)).not.toMatch(/for lang/);
    expect(adaptiveCardOf(reply!.activity)).toBeDefined();
  });

  it.each([
    { text: 'boom', locale: 'en-US', expected: /^Sorry, something went wrong/ },
    { text: 'eksplosion nu', locale: 'da-DK', expected: /^Beklager, der gik noget galt/ },
  ])('apologises in the user language when a turn fails ($locale)', async ({ text, locale, expected }) => {
    t = await startTestBot({ features: [failing] });
    const activity = channelMessage(text, { ...t.at, locale });
    const { status } = await t.post(activity);
    expect(status).toBe(200);
    const [reply] = await t.connector.waitFor(1, { conversationId: activity.conversation.id, type: 'message' });
    expect(reply!.activity.text).toMatch(expected);
    const errorId = /(?:Error id|Fejl-id): ([0-9a-f]{8})/.exec(reply!.activity.text)![1];
    // The apology's error id leads to the logged error.
    expect(t.logs.some((line) => line.msg === 'turn failed' && line.errorId === errorId && (line.err as { message: string }).message === 'handler exploded')).toBe(true);
  });

  it('answers a failing card action with an apology in the invoke response', async () => {
    t = await startTestBot({ features: [failing] });
    const { status, body } = await t.post(cardAction('test.explode', {}, { ...t.at, locale: 'da-DK' }));
    expect(status).toBe(200);
    expect(body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
    expect(body.value).toMatch(/^Beklager/);
  });

  it('logs and survives when the connector refuses the reply', async () => {
    t = await startTestBot();
    const activity = channelMessage('Hvem refererer den pædagogiske leder til?', t.at);
    t.connector.respondWith(activity.conversation.id, 403, 403);
    const { status } = await t.post(activity);
    expect(status).toBe(200);
    expect(t.connector.activitiesIn(activity.conversation.id).map((r) => r.status)).toEqual([403, 403]);
    expect(t.logs.some((line) => line.msg === 'could not send the apology')).toBe(true);
    // The next turn works again.
    const next = channelMessage('hjælp', t.at);
    await t.post(next);
    await t.connector.waitFor(1, { conversationId: next.conversation.id, type: 'message' });
  });

  it('runs registered commands before the answerer, with the turn context', async () => {
    const seen: CommandContext[] = [];
    t = await startTestBot({ features: [recordingFeature(seen)], env: { LEADER_IDS: 'aad-boss' } });
    const activity = channelMessage('tæl <at>Anna</at> **fed** [x](https://evil.example)', { ...t.at, aadObjectId: 'aad-boss', teamId: 'team-1' });
    await t.post(activity);
    const [reply] = await t.connector.waitFor(1, { conversationId: activity.conversation.id, type: 'message' });
    expect(reply!.activity.text).toMatch(/^Du skrev \d+ tegn\.$/);
    const ctx = seen[0]!;
    expect(ctx.isLeader).toBe(true);
    expect(ctx.lang).toBe('da');
    expect(ctx.conversation).toMatchObject({ kind: 'channel', teamId: 'team-1', tenantId: activity.channelData.tenant.id });
    expect(ctx.ref).toMatchObject({ serviceUrl: t.connector.serviceUrl, conversation: { id: activity.conversation.id }, bot: { id: activity.recipient.id } });

    const other = personalMessage('tæl igen', t.at);
    await t.post(other);
    expect(seen[1]!.isLeader).toBe(false);
    expect(seen[1]!.conversation.kind).toBe('personal');
  });

  it('routes card actions by verb and returns the card in the invoke response', async () => {
    const seen: CommandContext[] = [];
    t = await startTestBot({ features: [recordingFeature(seen)] });
    const click = cardAction('test.card', { n: 7 }, t.at);
    const { status, body } = await t.post(click);
    expect(status).toBe(200);
    expect(body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: { body: [{ text: 'done 7' }] } });
    // Only the clicker's card changes: nothing goes to the connector.
    expect(t.connector.received).toHaveLength(0);

    const message = await t.post(cardAction('test.message', {}, t.at));
    expect(message.body).toMatchObject({ type: 'application/vnd.microsoft.activity.message', value: 'Gemt.' });
  });

  it('replaces the card for everyone when the action asks for it', async () => {
    t = await startTestBot({ features: [recordingFeature([])] });
    const click = cardAction('test.card', { n: 1, forAll: true }, { ...t.at, replyToId: 'card-message-1', channel: true });
    const { status } = await t.post(click);
    expect(status).toBe(200);
    const [update] = await t.connector.waitFor(1, { conversationId: click.conversation.id });
    expect(update).toMatchObject({ method: 'PUT', activityId: 'card-message-1' });
    expect(adaptiveCardOf(update!.activity)?.body[0].text).toBe('done 1');
  });

  it('ignores activities from tenants that are not allowed', async () => {
    t = await startTestBot({ env: { ALLOWED_TENANT_IDS: 'tenant-a, tenant-b' } });
    const outsider = personalMessage('hjælp', { ...t.at, tenantId: 'tenant-x' });
    expect((await t.post(outsider)).status).toBe(200);
    expect(t.connector.received).toHaveLength(0);
    const insider = personalMessage('hjælp', { ...t.at, tenantId: 'tenant-b' });
    await t.post(insider);
    await t.connector.waitFor(1, { conversationId: insider.conversation.id, type: 'message' });
  });

  it('answers an empty mention with a short hint', async () => {
    t = await startTestBot();
    const activity = channelMessage('', t.at);
    await t.post(activity);
    const [reply] = await t.connector.waitFor(1, { conversationId: activity.conversation.id, type: 'message' });
    expect(reply!.activity.text).toMatch(/Skriv dit spørgsmål/);
  });
});
