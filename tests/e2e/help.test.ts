import { afterEach, describe, expect, it } from 'vitest';
import { adaptiveCardOf, channelMessage, installUpdate, personalMessage, replyText } from '../helpers/activities.js';
import { startTestBot, type TestBot } from '../helpers/test-bot.js';
import type { FeatureFactory } from '../../src/teams/handlers/index.js';

const withCommandHelp: FeatureFactory = () => ({
  name: 'demo',
  commands: [{ name: 'demo', handle: async () => false, help: (lang) => [lang === 'da' ? 'demo: en dansk hjælpelinje' : 'demo: an English help line'] }],
});

describe('help and welcome', () => {
  let t: TestBot;
  afterEach(async () => t?.close());

  it.each([
    { text: 'hjælp', locale: 'da-DK', title: 'Det kan jeg hjælpe med', line: 'demo: en dansk hjælpelinje', example: /Hvem refererer Pædagogisk leder til\?/ },
    { text: '/hjælp', locale: 'en-US', title: 'Det kan jeg hjælpe med', line: 'demo: en dansk hjælpelinje', example: /Hvem refererer Pædagogisk leder til\?/ },
    { text: 'help', locale: 'da-DK', title: 'What I can help with', line: 'demo: an English help line', example: /Who does the pedagogical leader .*report to\?/ },
    { text: '/Help', locale: 'en-US', title: 'What I can help with', line: 'demo: an English help line', example: /Who does the pedagogical leader .*report to\?/ },
  ])('answers "$text" ($locale) in the language of the request', async ({ text, locale, title, line, example }) => {
    t = await startTestBot({ features: [withCommandHelp] });
    const activity = personalMessage(text, { ...t.at, locale });
    await t.post(activity);
    const [reply] = await t.connector.waitFor(1, { conversationId: activity.conversation.id, type: 'message' });
    // Help is the first contact too, but it already explains itself: no separate welcome.
    expect(t.connector.activitiesIn(activity.conversation.id, 'message')).toHaveLength(1);
    const all = replyText(reply!.activity);
    // One message: the card, its title as the summary.
    expect(reply!.activity.text).toBeUndefined();
    expect(reply!.activity.summary).toBe(title);
    expect(all).toContain(line);
    // The examples come from the knowledge base (the test fixture's role), not from the code.
    expect(all).toMatch(example);
    const card = adaptiveCardOf(reply!.activity)!;
    expect(card.version).toBe('1.5');
    expect(all).toContain(line);
    expect(card.actions.some((action: any) => example.test(action.data.msteams.value))).toBe(true);
  });

  it('answers help in a channel when mentioned', async () => {
    t = await startTestBot();
    const activity = channelMessage('help', { ...t.at, locale: 'en-US' });
    await t.post(activity);
    const [reply] = await t.connector.waitFor(1, { conversationId: activity.conversation.id, type: 'message' });
    expect(replyText(reply!.activity)).toContain('What I can help with');
  });

  it.each([
    { scope: 'personal' as const, locale: 'da-DK', expected: /^Hej! Jeg er Dagtilbudsledelse/ },
    { scope: 'team' as const, locale: 'en-US', expected: /^Hi! I am Dagtilbudsledelse/ },
  ])('greets when installed ($scope, $locale)', async ({ scope, locale, expected }) => {
    t = await startTestBot();
    const activity = installUpdate({ ...t.at, scope, locale });
    const { status } = await t.post(activity);
    expect(status).toBe(200);
    const [greeting] = await t.connector.waitFor(1, { conversationId: activity.conversation.id, type: 'message' });
    expect(greeting!.activity.text).toMatch(expected);
  });

  it('does not greet again on the first message after a personal install', async () => {
    t = await startTestBot();
    const install = installUpdate({ ...t.at, userId: '29:installer', aadObjectId: 'aad-installer' });
    await t.post(install);
    const greeting = personalMessage('hej', {
      ...t.at,
      userId: '29:installer',
      aadObjectId: 'aad-installer',
      conversationId: install.conversation.id,
    });
    await t.post(greeting);
    const messages = await t.connector.waitFor(2, { conversationId: install.conversation.id, type: 'message' });
    expect(messages).toHaveLength(2);
    // The install's welcome introduced the bot: the greeting gets the short reply, not a second introduction.
    expect(replyText(messages[1]!.activity)).toMatch(/^Hej! Spørg mig/);
  });

  it('ignores other members being added', async () => {
    t = await startTestBot();
    const activity = { ...installUpdate(t.at), membersAdded: [{ id: '29:someone-else' }] };
    const { status } = await t.post(activity);
    expect(status).toBe(200);
    expect(t.connector.received).toHaveLength(0);
  });
});
