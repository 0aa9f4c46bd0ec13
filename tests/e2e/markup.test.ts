import { afterEach, describe, expect, it } from 'vitest';
import { adaptiveCardOf, cardAction, channelMessage, personalMessage } from '../helpers/activities.js';
import type { ActivityOptions, WireActivity } from '../helpers/activities.js';
import { startTestBot, type TestBot } from '../helpers/test-bot.js';

// Wednesday 25 November 2026, 10:00 in Copenhagen.
const NOW = new Date('2026-11-25T09:00:00Z');
const now = () => NOW;

const MENTION = '<at>Everyone</at>';
const LINK = '[x](javascript:alert(1))';
const IMG = '<img src=x onerror=alert(1)>';
const PAYLOAD = `${MENTION} ${LINK} ${IMG}`;
/** A title as Teams sends it when someone types all three: HTML in the text is encoded, so no mention is parsed. */
const TITLE = `&lt;at&gt;Everyone&lt;/at&gt; ${LINK} ${IMG}`;

const ZWSP = /\u200B/g;

/** Every string in a JSON value, with the key it sits under. */
function strings(value: unknown, key = ''): { key: string; text: string }[] {
  if (typeof value === 'string') return [{ key, text: value }];
  if (Array.isArray(value)) return value.flatMap((item) => strings(item, key));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, k));
  return [];
}

/** What a reader sees of card text: Markdown escapes and zero-width breaks removed. */
const seenInCard = (text: string) => text.replace(ZWSP, '').replace(/\\([\\`*_~[\]#|>+\-.()!])/g, '$1');
/** What a reader sees of a message: zero-width breaks removed, HTML entities decoded for Markdown text. */
const seenInMessage = (activity: WireActivity) => {
  const text = String(activity.text ?? '').replace(ZWSP, '');
  return activity.textFormat === 'plain' ? text : seenInCard(text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
};

/**
 * Fails when a bot message could render user markup: a mention, a link (Markdown or javascript:) or HTML.
 * Plain-text messages render nothing but `<at>` mentions; Markdown messages and cards render links, and
 * Markdown messages HTML too.
 */
function expectInert(activity: WireActivity): void {
  const mentions = (activity.entities ?? []).filter((entity: { type?: string }) => entity.type === 'mention');
  expect(mentions).toEqual([]);
  const text = String(activity.text ?? '');
  expect(text).not.toMatch(/<\/?at>/i);
  // The notification summary is plain text: no mention may be read from it either.
  expect(String(activity.summary ?? '')).not.toMatch(/<\/?at>/i);
  if (activity.textFormat !== 'plain') {
    expect(text).not.toMatch(/<img/i);
    expect(text).not.toMatch(/(^|[^\\])\]\(/);
  }
  for (const attachment of activity.attachments ?? []) {
    for (const { key, text: cardText } of strings(attachment.content)) {
      expect(cardText, `card ${key}`).not.toMatch(/<\/?at>/i);
      // A Markdown link needs an unescaped "](".
      expect(cardText, `card ${key}`).not.toMatch(/(^|[^\\])\]\(/);
      if (key === 'url' || key === 'iconUrl') expect(cardText).not.toMatch(/^\s*javascript:/i);
    }
    expect(JSON.stringify(attachment.content)).not.toMatch(/"msteams":\{[^}]*"entities"/);
  }
}

describe('markup in user text is shown as text', () => {
  let t: TestBot | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  /** A channel conversation; `say` resolves with the bot's reply (after checking it is inert). */
  function channel(bot: TestBot, who: Partial<ActivityOptions> = {}) {
    const conversationId = `19:markup-${Math.random().toString(36).slice(2)}@thread.tacv2`;
    return {
      conversationId,
      /** Resolves with the first reply, or with the first `count` replies' activities as one list. */
      async say(text: string, count = 1): Promise<WireActivity> {
        const before = bot.connector.activitiesIn(conversationId, 'message').length;
        expect((await bot.post(channelMessage(text, { ...bot.at, ...who, conversationId }))).status).toBe(200);
        const replies = await bot.connector.waitFor(before + count, { conversationId, type: 'message' });
        for (const reply of replies) expectInert(reply.activity);
        return count === 1 ? replies[before]!.activity : { replies: replies.slice(before).map((reply) => reply.activity) };
      },
    };
  }

  it('in task titles: the created reply, the list card, the card after a click and the channel digest', async () => {
    t = await startTestBot({ now });
    const chat = channel(t, { userName: IMG });
    // A raw <at> tag is read as the task's owner (Teams sends a typed one HTML-encoded): refused, inert.
    expect(seenInMessage(await chat.say(`opgave Ring til ${MENTION}`))).toMatch(/^Jeg kender ikke »Everyone«/);
    const created = await chat.say(`opgave ${TITLE}`);
    expect(seenInMessage(created)).toContain(`Opgave #1 oprettet: ${TITLE}`);

    const list = await chat.say('opgaver');
    const listCardText = strings(adaptiveCardOf(list)).map((s) => seenInCard(s.text));
    expect(listCardText).toContain(`#1 ${TITLE}`);
    // The creator's display name is the owner: shown as text too.
    expect(listCardText.some((text) => text.startsWith(IMG))).toBe(true);

    // The digest: one message, the card with the confirmation on top.
    const digest = await chat.say('post opgaver her');
    expect(digest.text).toBeUndefined();
    expect(strings(digest.attachments).map((s) => seenInCard(s.text)).some((text) => text.includes(TITLE))).toBe(true);

    const { body } = await t.post(cardAction('task.complete', { number: 1, lang: 'da', view: { scope: 'all' } }, { ...t.at, channel: true, conversationId: chat.conversationId }));
    expectInert({ attachments: [{ content: body.value }] });
    expect(strings(body.value).map((s) => seenInCard(s.text))).toContain(`Opgave #1 er færdig: ${TITLE}`);
  });

  it('in deadline titles: the confirmation and the list', async () => {
    t = await startTestBot({ now });
    const chat = channel(t);
    const added = await chat.say(`frist ${PAYLOAD} 2026-12-15`);
    const listed = await chat.say('frister');
    // The link is shown as written; tags are either shown as text or removed, never rendered.
    expect(seenInMessage(added)).toContain(LINK);
    expect(strings(listed.attachments).map((s) => seenInCard(s.text)).some((text) => text.includes(LINK))).toBe(true);
  });

  it.each([
    { locale: 'da-DK', text: `Hvad siger politikken om ${PAYLOAD}?` },
    { locale: 'en-GB', text: `Who is ${PAYLOAD}?` },
    { locale: 'en-GB', text: `${IMG}${LINK}${MENTION}` },
  ])('in answers that may echo the question ($text)', async ({ locale, text }) => {
    t = await startTestBot({ now });
    const activity = personalMessage(text, { ...t.at, locale });
    expect((await t.post(activity)).status).toBe(200);
    const replies = await t.connector.waitFor(1, { conversationId: activity.conversation.id, type: 'message' });
    for (const reply of replies) expectInert(reply.activity);
  });

  it('in usage help that repeats an incomplete command', async () => {
    t = await startTestBot({ now });
    const chat = channel(t);
    await chat.say(`frist ${LINK}`);
    await chat.say(`færdig ${PAYLOAD}`);
    await chat.say(`flyt 1 til ${PAYLOAD}`);
  });
});
