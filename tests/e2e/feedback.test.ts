/**
 * Feedback and the knowledge-gap loop over the real endpoint: answers offer Teams' feedback buttons, a thumbs
 * down (with its comment) and every "I don't know" are logged without user ids, editors list them grouped and
 * turn one into a task or dismiss it, others are refused, and a channel gets the gap digest on schedule.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { adaptiveCardOf, buttonsOf, cardAction, channelMessage, feedbackInvoke, personalMessage, replyText } from '../helpers/activities.js';
import type { RecordedActivity } from '../helpers/fake-connector.js';
import { startTestBot, type TestBot } from '../helpers/test-bot.js';

const NOW = () => new Date('2026-03-30T09:00:00Z');
const EDITOR = { userId: '29:editor', aadObjectId: 'aad-editor', userName: 'Eva Editor' };
const OTHER = { userId: '29:other', aadObjectId: 'aad-other', userName: 'Ole Anden' };

describe('feedback and knowledge gaps', () => {
  let t: TestBot;
  afterEach(async () => t?.close());

  function personal(who: typeof EDITOR, locale = 'da-DK') {
    const conversationId = `a:${who.userId}`;
    return {
      conversationId,
      async say(text: string): Promise<RecordedActivity> {
        const activity = personalMessage(text, { ...t.at, ...who, locale, conversationId });
        expect((await t.post(activity)).status).toBe(200);
        await t.connector.waitFor(1, { conversationId });
        return t.connector.received.filter((r) => r.activityId === activity.id && r.activity.type === 'message').at(-1)!;
      },
    };
  }

  it('asks for feedback on answers and stores a thumbs down with its comment, and logs it as a gap without user ids', async () => {
    t = await startTestBot({ now: NOW, env: { EDITOR_IDS: 'aad-editor' } });
    const chat = personal(OTHER);
    const answer = await chat.say('Hvem refererer den pædagogiske leder til?');
    expect(answer.activity.channelData).toMatchObject({ feedbackLoopEnabled: true });
    expect(answer.sentId).toBeDefined();

    const down = feedbackInvoke('dislike', 'Mangler telefonnummer', { ...t.at, ...OTHER, replyToId: answer.sentId!, conversationId: chat.conversationId });
    expect(await t.post(down)).toMatchObject({ status: 200 });
    const up = feedbackInvoke('like', undefined, { ...t.at, ...OTHER, replyToId: answer.sentId!, conversationId: chat.conversationId });
    expect(await t.post(up)).toMatchObject({ status: 200 });

    // Closing writes the final snapshot of each state file.
    await t.bot.close();
    const feedback = JSON.parse(await readFile(path.join(t.stateDir, 'teams', 'feedback.json'), 'utf8'));
    expect(feedback.data.records.map((r: any) => [r.reaction, r.comment, r.question])).toEqual([
      ['dislike', 'Mangler telefonnummer', 'Hvem refererer den pædagogiske leder til?'],
      ['like', undefined, 'Hvem refererer den pædagogiske leder til?'],
    ]);
    const gaps = await readFile(path.join(t.stateDir, 'teams', 'gaps.json'), 'utf8');
    expect(JSON.parse(gaps).data.records).toMatchObject([{ reason: 'rated-down', question: 'Hvem refererer den pædagogiske leder til?', comment: 'Mangler telefonnummer', lang: 'da' }]);
    // No user ids or names in the log.
    for (const id of [OTHER.userId, OTHER.aadObjectId, OTHER.userName]) expect(gaps).not.toContain(id);
  });

  it('stores the rated question when the feedback comes after a restart', async () => {
    const stateDir = await mkdtemp(path.join(os.tmpdir(), 'teams-answered-'));
    try {
      t = await startTestBot({ now: NOW, env: { STATE_DIR: stateDir } });
      const chat = personal(OTHER);
      const answer = await chat.say('Hvem refererer den pædagogiske leder til?');
      await t.close();

      t = await startTestBot({ now: NOW, env: { STATE_DIR: stateDir } });
      const down = feedbackInvoke('dislike', 'Forældet', { ...t.at, ...OTHER, replyToId: answer.sentId!, conversationId: chat.conversationId });
      expect(await t.post(down)).toMatchObject({ status: 200 });
      const unknown = feedbackInvoke('like', undefined, { ...t.at, ...OTHER, replyToId: 'never-sent', conversationId: chat.conversationId });
      expect(await t.post(unknown)).toMatchObject({ status: 200 });
      await t.bot.close();
      const feedback = JSON.parse(await readFile(path.join(stateDir, 'teams', 'feedback.json'), 'utf8'));
      expect(feedback.data.records.map((r: any) => [r.reaction, r.question])).toEqual([
        ['dislike', 'Hvem refererer den pædagogiske leder til?'],
        ['like', undefined],
      ]);
      const answered = await readFile(path.join(stateDir, 'teams', 'answered.json'), 'utf8');
      for (const id of [OTHER.userId, OTHER.aadObjectId, OTHER.userName]) expect(answered).not.toContain(id);
    } finally {
      await rm(stateDir, { recursive: true, force: true });
    }
  });

  it('logs unanswered questions; editors list them grouped by similarity and frequency, make a task or dismiss; others are refused', async () => {
    t = await startTestBot({ now: NOW, env: { EDITOR_IDS: 'aad-editor', LEADER_IDS: 'aad-editor' } });
    const other = personal(OTHER, 'en-GB');
    for (const question of ['Hvad koster en vuggestueplads?', 'hvad koster en vuggestueplads', 'Hvad koster vuggestuepladsen?', 'Hvor ligger kantinen?']) {
      expect(replyText((await other.say(question)).activity)).toMatch(/ved jeg ikke|don't know|står ikke/i);
    }

    // Not an editor: a clear refusal, nothing of the log shown.
    const refused = await other.say('huller');
    expect(refused.activity.text).toBe('Kun redaktørerne af vidensbasen kan se og behandle videnshullerne.');
    expect(replyText(refused.activity)).not.toContain('vuggestue');

    const editor = personal(EDITOR);
    const list = (await editor.say('huller')).activity;
    expect(list.summary).toBe('Videnshuller: spørgsmål jeg ikke kunne svare godt på (2)');
    const card = adaptiveCardOf(list)!;
    const groups = card.body.filter((element: any) => element.type === 'Container');
    expect(groups.map((g: any) => [g.items[0].text, g.items[1].text])).toEqual([
      ['Hvad koster vuggestuepladsen?', 'Spurgt 3 gange · senest mandag den 30. marts 2026'],
      ['Hvor ligger kantinen?', 'Spurgt én gang · senest mandag den 30. marts 2026'],
    ]);

    // A non-editor pressing the button is refused too.
    const [makeTask, dismiss] = buttonsOf(groups[0]);
    expect([makeTask!.title, dismiss!.title]).toEqual(['Opret opgave', 'Afvis']);
    const byOther = await t.post(cardAction(makeTask!.verb, makeTask!.data, { ...t.at, ...OTHER }));
    expect(byOther.body).toMatchObject({ type: 'application/vnd.microsoft.activity.message', value: expect.stringMatching(/^Kun redaktørerne/) });

    const made = await t.post(cardAction(makeTask!.verb, makeTask!.data, { ...t.at, ...EDITOR, conversationId: editor.conversationId }));
    expect(JSON.stringify(made.body.value)).toContain('Opgave \\\\#1 er oprettet til dig');
    expect(buttonsOf(made.body.value)).toHaveLength(2);
    const tasks = replyText((await editor.say('mine opgaver')).activity);
    expect(tasks).toContain('#1 Videnshul: Hvad koster vuggestuepladsen?');

    const [, dismissKantine] = buttonsOf(made.body.value);
    const dismissed = await t.post(cardAction(dismissKantine!.verb, dismissKantine!.data, { ...t.at, ...EDITOR, conversationId: editor.conversationId }));
    expect(JSON.stringify(dismissed.body.value)).toContain('Afvist: \\"Hvor ligger kantinen?\\"');
    expect(JSON.stringify(dismissed.body.value)).toContain('Der er ingen åbne videnshuller.');
  });

  it('lets a channel subscribe to the gap digest, which arrives on the digest schedule', async () => {
    t = await startTestBot({ env: { DIGEST_CRON: '*/1 * * * * *' } });
    const channelId = '19:editors@thread.tacv2';
    await t.post(personalMessage('Hvad koster en vuggestueplads?', { ...t.at, ...OTHER }));
    const subscribe = channelMessage('post huller her', { ...t.at, ...EDITOR, conversationId: channelId });
    await t.post(subscribe);
    const [confirmation] = await t.connector.waitFor(1, { conversationId: channelId });
    expect(confirmation!.activity.text).toBe('Jeg poster listen over videnshuller her efter den faste plan.');
    const posted = await t.connector.waitFor(2, { conversationId: channelId });
    const digest = posted.find((r) => r.activity.summary === 'Ugens videnshuller')!;
    expect(replyText(digest.activity)).toContain('Hvad koster en vuggestueplads?');
    await t.post(channelMessage('stop huller her', { ...t.at, ...EDITOR, conversationId: channelId }));
  });
});
