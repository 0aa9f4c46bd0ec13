/**
 * Conversation over the real endpoint: greetings and thanks, commands that are not commands, the language of
 * short texts, and `frister` / `deadlines` from every source (chat, tasks, knowledge base).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { adaptiveCardOf, cardAction, channelMessage, personalMessage, replyText, type ActivityOptions, type WireActivity } from '../helpers/activities.js';
import { TEST_DOC } from '../helpers/test-knowledge.js';
import { startTestBot, type TestBot } from '../helpers/test-bot.js';

/** Monday 30 March 2026, 11:00 in Copenhagen. */
const NOW = () => new Date('2026-03-30T09:00:00Z');

describe('conversation', () => {
  let t: TestBot;
  afterEach(async () => t?.close());

  /** A personal chat whose first contact is already past, so each message gets exactly one reply. */
  async function chat(locale: string, extra: Partial<ActivityOptions> = {}) {
    const who = { userId: `29:${locale}`, aadObjectId: `aad-${locale}`, locale, ...extra };
    const conversationId = `a:conversation-${locale}`;
    const say = async (text: string): Promise<WireActivity> => {
      const activity = personalMessage(text, { ...t.at, ...who, conversationId });
      expect((await t.post(activity)).status).toBe(200);
      const replies = await t.connector.waitFor(1, { conversationId, type: 'message' }).then(() =>
        t.connector.received.filter((r) => r.activityId === activity.id && r.activity.type === 'message'),
      );
      return replies.at(-1)!.activity;
    };
    await say('hjælp');
    return { say, conversationId };
  }

  it.each([
    { text: 'Hej!', locale: 'en-US', expected: /^Hej! Spørg mig/ },
    { text: 'hello', locale: 'da-DK', expected: /^Hi! Ask me/ },
    { text: 'Tak 🙏', locale: 'en-US', expected: /^Selv tak!/ },
    { text: 'thanks a lot', locale: 'da-DK', expected: /^You are welcome!/ },
  ])('answers "$text" ($locale) briefly in the language of its words, with a hint, without asking the knowledge base', async ({ text, locale, expected }) => {
    t = await startTestBot({ now: NOW });
    const { say } = await chat(locale);
    const reply = await say(text);
    expect(reply.text).toMatch(expected);
    expect(reply.text).toMatch(/hjælp|help/);
    expect(adaptiveCardOf(reply)).toBeUndefined();
    expect(t.logs.some((line) => line.msg === 'question answered')).toBe(false);
  });

  it('says in one readable line that it is ready: endpoint, mode and knowledge-base counts', async () => {
    t = await startTestBot({ now: NOW });
    const ready = t.logs.filter((line) => typeof line.msg === 'string' && line.msg.startsWith('bot started'));
    expect(ready).toHaveLength(1);
    expect(ready[0]!.msg).toBe(`bot started: listening on ${t.bot.messagesUrl}, local mode (no Bot Framework tokens), knowledge base: ${(ready[0]!.msg as string).split('knowledge base: ')[1]}`);
    expect(ready[0]!.msg).toMatch(/knowledge base: 2 documents, 1 municipalities, .*1 dates/);
  });

  it('greets with an example question from the knowledge base', async () => {
    t = await startTestBot({ now: NOW });
    const { say } = await chat('da-DK');
    expect((await say('godmorgen')).text).toMatch(/fx "Hvem refererer Pædagogisk leder til\?"/);
  });

  it.each([
    { text: 'slet opgave 2', locale: 'en-US', expected: 'Ukendt kommando. Mente du "færdig 2"?' },
    { text: 'delete task 4', locale: 'da-DK', expected: 'Unknown command. Did you mean "done 4"?' },
    { text: 'færdg 3', locale: 'da-DK', expected: 'Ukendt kommando. Mente du "færdig 3"?' },
    { text: '/status', locale: 'da-DK', expected: 'Ukendt kommando. Mente du "opgaver"?' },
    { text: '/xyzzy', locale: 'en-US', expected: 'Unknown command. Type "help" to see every command.' },
  ])('answers a command that is not one ("$text") with the nearest real command', async ({ text, locale, expected }) => {
    t = await startTestBot({ now: NOW });
    const { say } = await chat(locale);
    const reply = await say(text);
    expect(reply.text?.startsWith(expected)).toBe(true);
    expect(t.logs.some((line) => line.msg === 'question answered')).toBe(false);
  });

  it('sends a channel that cannot show cards the text alternative only, and Teams the card only', async () => {
    t = await startTestBot({ now: NOW });
    const question = 'Hvem refererer den pædagogiske leder til?';
    const sms = personalMessage(question, { ...t.at, userId: '29:sms', aadObjectId: 'aad-sms' });
    sms.channelId = 'sms';
    await t.post(sms);
    const [smsReply] = await t.connector.waitFor(1, { conversationId: sms.conversation.id, type: 'message' });
    expect(smsReply!.activity.attachments ?? []).toEqual([]);
    expect(smsReply!.activity.text).toMatch(/dagtilbudschef/i);
    expect(smsReply!.activity.text).toContain(TEST_DOC.profile.title);

    const { say } = await chat('da-DK');
    const teams = await say(question);
    expect(teams.text).toBeUndefined();
    expect(teams.attachments).toHaveLength(1);
    expect(teams.summary).toMatch(/dagtilbudschef/i);
  });

  it('remembers the language a person last wrote in for their reminders', async () => {
    t = await startTestBot({ now: NOW });
    const { say } = await chat('en-US');
    expect((await say('påmind mig')).text).toMatch(/^Du får nu påmindelser/);
    expect((await t.bot.domain.subscriptions.list('reminders')).map((s) => s.lang)).toEqual(['da']);
    await say('Who does the pedagogical leader report to?');
    expect((await t.bot.domain.subscriptions.list('reminders')).map((s) => s.lang)).toEqual(['en']);
    await say('Hvem refererer den pædagogiske leder til?');
    expect((await t.bot.domain.subscriptions.list('reminders')).map((s) => s.lang)).toEqual(['da']);
  });

  it("reminds a task's owner in the language they last wrote in, not the client's locale", async () => {
    t = await startTestBot({ now: NOW, env: { REMINDER_CRON: '*/1 * * * * *' } });
    const { say, conversationId } = await chat('en-US');
    expect((await say('opgave Ring til forældrerådet senest i morgen')).text).toMatch(/^Opgave #1 oprettet/);
    // A card click has no words of its own: it does not change the language remembered.
    const click = cardAction('task.complete', { number: 99 }, { ...t.at, userId: '29:en-US', aadObjectId: 'aad-en-US', locale: 'en-US', conversationId });
    expect((await t.post(click)).status).toBe(200);
    const reminders = await t.connector.waitFor(1, { conversationId, type: 'message' }).then(async () => {
      for (let waited = 0; waited < 10_000; waited += 100) {
        const found = t.connector.activitiesIn(conversationId, 'message').filter((r) => r.activityId === undefined);
        if (found.length > 0) return found;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return [];
    });
    expect(reminders.map((r) => r.activity.summary)).toEqual(['Påmindelse: Ring til forældrerådet — tirsdag den 31. marts 2026 (i morgen).']);
  });

  it('still treats a question that starts like a command as a question', async () => {
    t = await startTestBot({ now: NOW });
    const { say } = await chat('da-DK');
    const reply = await say('Hvem refererer den pædagogiske leder til?');
    expect(replyText(reply)).toMatch(/dagtilbudschef/i);
    expect(replyText(await say('vis mig ansøgningsfristen for Solsikken'))).not.toMatch(/Ukendt kommando/);
  });

  it('lists upcoming deadlines from chat, open tasks and the knowledge base, soonest first, in Danish from an en-US client', async () => {
    t = await startTestBot({ now: NOW });
    const channelId = '19:leaders@thread.tacv2';
    const leader = { ...t.at, locale: 'en-US', conversationId: channelId, userId: '29:mette', aadObjectId: 'aad-mette' };
    const say = async (text: string) => {
      const activity = channelMessage(text, leader);
      await t.post(activity);
      await t.connector.waitFor(1, { conversationId: channelId });
      return t.connector.received.filter((r) => r.activityId === activity.id).at(-1)!.activity;
    };
    await say('frist Budgetopfølgning 2. april');
    await say('opgave Ring til forældrerådet senest i morgen');
    await say('opgave Gammel opgave senest 1. april');
    await say('færdig 2');

    const reply = await say('frister?');
    // One message: the card, its title as the summary, in Danish (the word decides, not the en-US locale).
    expect(reply.text).toBeUndefined();
    expect(reply.summary).toBe('Kommende frister og datoer');
    const card = adaptiveCardOf(reply)!;
    const entries = card.body.filter((element: any) => element.type === 'Container').map((c: any) => c.items.map((i: any) => i.text).join(' | '));
    expect(entries).toEqual([
      'tirsdag den 31. marts 2026 (i morgen) | Ring til forældrerådet | Opgave \\#1 · Test Leder',
      'torsdag den 2. april 2026 (om 3 dage) | Budgetopfølgning | Frist tilføjet i chatten',
      `mandag den 6. april 2026 (om 7 dage) | Ansøgningsfrist: Pædagogisk leder til Solsikken | Kilde: ${TEST_DOC.posting.title}`,
    ]);

    const english = await say('deadlines');
    expect(english.summary).toBe('Upcoming deadlines and dates');
    expect(replyText(english)).toContain(`Source: ${TEST_DOC.posting.titleEn}`);
  });
});
