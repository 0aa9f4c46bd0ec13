import { readdir, truncate, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { adaptiveCardOf, buttonsOf, cardAction, channelMessage, personalMessage, replyText, TEST_TENANT_ID } from '../helpers/activities.js';
import type { ActivityOptions, WireActivity } from '../helpers/activities.js';
import { startTestBot } from '../helpers/test-bot.js';
import type { TestBot, TestBotOptions } from '../helpers/test-bot.js';

// Wednesday 25 November 2026, 10:00 in Copenhagen.
const NOW = new Date('2026-11-25T09:00:00Z');
const now = () => NOW;
const TANJA = { id: '29:tanja', name: 'Tanja Jensen' };
const LEADER = { userId: '29:mette', userName: 'Mette Leder', aadObjectId: 'aad-mette' };

const bots: TestBot[] = [];
afterEach(async () => {
  for (const bot of bots.splice(0).reverse()) await bot.close();
});

async function start(options: TestBotOptions = {}): Promise<TestBot> {
  const bot = await startTestBot({ now, ...options });
  bots.push(bot);
  return bot;
}

/** A channel (one conversation id for the whole test) where one person talks to the bot. */
function channel(t: TestBot, who: Partial<ActivityOptions> = LEADER, locale = 'da-DK') {
  const conversationId = `19:channel-tasks-${Math.random().toString(36).slice(2)}@thread.tacv2`;
  const options = (): ActivityOptions => ({ ...t.at, ...who, locale, conversationId });
  // Replies are POSTed; a card refreshed for everyone arrives as a PUT, which is not a reply.
  const replies = () => t.connector.activitiesIn(conversationId, 'message').filter((r) => r.method === 'POST' && r.status < 300);
  return {
    conversationId,
    /** Posts a message (with extra mention entities) and resolves with the bot's reply. */
    async say(text: string, mentions: { id: string; name: string }[] = []): Promise<WireActivity> {
      const before = replies().length;
      const activity = channelMessage(text, options());
      for (const m of mentions) activity.entities.push({ type: 'mention', text: `<at>${m.name}</at>`, mentioned: m });
      const { status } = await t.post(activity);
      expect(status).toBe(200);
      await t.connector.waitFor(before + 1, { conversationId, type: 'message' });
      for (let waited = 0; replies().length <= before && waited < 5_000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
      return (replies()[before] as { activity: WireActivity }).activity;
    },
    /** Clicks a card button: an Action.Execute invoke; resolves with the HTTP answer. */
    click(button: { verb: string; data: Record<string, unknown> }, replyToId = 'card-1') {
      return t.post(cardAction(button.verb, button.data, { ...options(), replyToId, channel: true }));
    },
  };
}

const LANGS = [
  {
    lang: 'da',
    locale: 'da-DK',
    create: 'opgave Følg op på kapacitetsplanen <at>Tanja Jensen</at> senest fredag',
    created: 'Opgave #1 oprettet: Følg op på kapacitetsplanen\nAnsvarlig: Tanja Jensen\nFrist: fredag den 27. november 2026',
    createSecond: 'opgave Book lokale til personalemødet',
    createdSecond: 'Opgave #2 oprettet: Book lokale til personalemødet\nAnsvarlig: Mette Leder\nFrist: ingen',
    list: 'opgaver',
    listTitle: 'Åbne opgaver (2)',
    done: 'færdig 2',
    doneReply: 'Opgave #2 er færdig: Book lokale til personalemødet',
    doneButton: 'Færdig',
    cardNotice: 'Opgave #1 er færdig: Følg op på kapacitetsplanen',
    all: 'alle opgaver',
    allTitle: 'Alle opgaver (2)',
  },
  {
    lang: 'en',
    locale: 'en-GB',
    create: 'task Follow up on the capacity plan <at>Tanja Jensen</at> by Friday',
    created: 'Task #1 created: Follow up on the capacity plan\nOwner: Tanja Jensen\nDue: Friday 27 November 2026',
    createSecond: 'task Book a room for the staff meeting',
    createdSecond: 'Task #2 created: Book a room for the staff meeting\nOwner: Mette Leder\nDue: none',
    list: 'tasks',
    listTitle: 'Open tasks (2)',
    done: 'done 2',
    doneReply: 'Task #2 is done: Book a room for the staff meeting',
    doneButton: 'Done',
    cardNotice: 'Task #1 is done: Follow up on the capacity plan',
    all: 'all tasks',
    allTitle: 'All tasks (2)',
  },
] as const;

describe('tasks over HTTP', () => {
  it.each(LANGS)('creates, lists, completes by command and by card, and keeps it all across a restart ($lang)', async (l) => {
    const t = await start();
    const chat = channel(t, LEADER, l.locale);

    expect((await chat.say(l.create, [TANJA])).text).toBe(l.created);
    expect((await chat.say(l.createSecond)).text).toBe(l.createdSecond);

    const list = await chat.say(l.list);
    // One message: the card with its title as the notification summary, no text copy.
    expect(list.summary).toBe(l.listTitle);
    expect(list.text).toBeUndefined();
    const card = adaptiveCardOf(list);
    const buttons = buttonsOf(card);
    expect(buttons.map((b) => [b.title, b.verb, b.data.number])).toEqual([
      [l.doneButton, 'task.complete', 1],
      [l.doneButton, 'task.complete', 2],
    ]);

    expect((await chat.say(l.done)).text).toBe(l.doneReply);

    // The card's Done button: an invoke, answered with the refreshed card, which also replaces the card for all.
    const { status, body } = await chat.click(buttons[0]!, 'list-card-1');
    expect(status).toBe(200);
    expect(body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(JSON.stringify(body.value)).toContain(l.cardNotice);
    expect(buttonsOf(body.value)).toEqual([]);
    const update = await t.connector.waitFor(1, { conversationId: chat.conversationId, type: 'message' }).then(() =>
      t.connector.received.find((r) => r.method === 'PUT' && r.activityId === 'list-card-1'),
    );
    expect(update?.activity.attachments?.[0]?.content).toEqual(body.value);

    const before = await chat.say(l.all);
    expect(before.summary).toBe(l.allTitle);
    expect(buttonsOf(adaptiveCardOf(before)).map((b) => b.verb)).toEqual(['task.reopen', 'task.reopen']);

    // Restart on the same STATE_DIR: everything is still there, unchanged.
    await t.bot.close();
    const again = await start({ env: { STATE_DIR: t.stateDir } });
    const sameChat = channel(again, LEADER, l.locale);
    const after = await sameChat.say(l.all);
    expect(after.summary).toBe(before.summary);
    expect(adaptiveCardOf(after)).toEqual(adaptiveCardOf(before));
    const next = await sameChat.say(l.createSecond);
    expect(next.text).toContain('#3');
  });

  it('reopens from the card of a done task', async () => {
    const t = await start();
    const chat = channel(t);
    await chat.say('opgave Budget');
    await chat.say('færdig 1');
    const all = await chat.say('alle opgaver');
    const [reopen] = buttonsOf(adaptiveCardOf(all));
    expect(reopen?.verb).toBe('task.reopen');
    const { body } = await chat.click(reopen!);
    expect(JSON.stringify(body.value)).toContain('Opgave #1 er åben igen: Budget');
    expect(buttonsOf(body.value).map((b) => b.verb)).toEqual(['task.complete']);
  });

  it('completes a task from a card that carries only its number (a reminder), answering with that task', async () => {
    const t = await start();
    const chat = channel(t, LEADER, 'en-GB');
    await chat.say('task Budget');
    const { body } = await chat.click({ verb: 'task.complete', data: { number: 1 } });
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(body.value)).toContain('Task #1 is done: Budget');
    expect(buttonsOf(body.value).map((b) => b.verb)).toEqual(['task.reopen']);
    const again = await chat.click({ verb: 'task.complete', data: { number: 1, lang: 'en' } });
    expect(JSON.stringify(again.body.value)).toContain('Task #1 is already done.');
  });

  it('shows my tasks: the ones I own', async () => {
    const t = await start();
    const chat = channel(t);
    await chat.say('opgave Til Tanja <at>Tanja Jensen</at>', [TANJA]);
    await chat.say('opgave Min egen');
    const mine = await chat.say('mine opgaver');
    expect(mine.summary).toBe('Mine åbne opgaver (1)');
    expect(replyText(mine)).toContain('#2 Min egen');
    expect(replyText(mine)).not.toContain('Til Tanja');
  });

  it('answers an incomplete command with the right form and creates nothing', async () => {
    const t = await start();
    const chat = channel(t);
    expect((await chat.say('opgave Budget senest fredagg')).text).toMatch(/^Jeg kan ikke læse datoen »fredagg«\.\nSådan opretter du en opgave: opgave <titel>/);
    expect((await chat.say('done')).text).toBe('The task number is missing.\nTo mark a task as done: done <n>, e.g. done 3');
    expect((await chat.say('færdig 7')).text).toBe('Jeg kan ikke finde opgave #7. Skriv »opgaver« for at se listen.');
    expect(replyText(await chat.say('opgaver'))).toMatch(/Der er ingen åbne opgaver/);
  });

  it('lets only leaders change tasks (by id), while anyone may list them', async () => {
    const t = await start({ env: { LEADER_IDS: 'aad-mette' } });
    const leader = channel(t);
    await leader.say('opgave Budget');
    const other = channel(t, { userId: '29:anne', userName: 'Mette Leder', aadObjectId: 'aad-anne' });
    expect((await other.say('opgave Noget andet')).text).toBe(
      'Beklager, kun ledelsesteamet kan oprette og ændre opgaver. Du kan stadig se listen: skriv »opgaver«.',
    );
    expect((await other.say('færdig 1')).text).toMatch(/^Beklager, kun ledelsesteamet/);
    const list = await other.say('opgaver');
    expect(list.summary).toBe('Åbne opgaver (1)');
    expect(replyText(list)).toContain('#1 Budget');
    const { body } = await other.click(buttonsOf(adaptiveCardOf(list))[0]!);
    expect(body).toMatchObject({ type: 'application/vnd.microsoft.activity.message', value: expect.stringMatching(/^Beklager, kun ledelsesteamet/) });
    expect(replyText(await leader.say('opgaver'))).toContain('#1 Budget');
  });

  it('ignores activities from a tenant that is not allowed', async () => {
    const t = await start({ env: { ALLOWED_TENANT_IDS: TEST_TENANT_ID } });
    const foreign = personalMessage('opgave Fremmed opgave', { ...t.at, ...LEADER, tenantId: 'other-tenant' });
    expect((await t.post(foreign)).status).toBe(200);
    const chat = channel(t);
    expect(replyText(await chat.say('opgaver'))).toMatch(/Der er ingen åbne opgaver/);
    expect(t.connector.activitiesIn(foreign.conversation.id)).toEqual([]);
  });

  it('shows titles back without links, HTML or mentions', async () => {
    const t = await start();
    const chat = channel(t, LEADER, 'en-GB');
    const reply = await chat.say('task Read [this](https://evil.example) &lt;at&gt;CEO&lt;/at&gt; <b>now</b>');
    expect(reply.text).not.toContain('https://');
    expect(reply.text).toMatch(/^Task #1 created: Read \[this\]\(https:\u200B\/\/evil\.example\)/);
    const list = await chat.say('tasks');
    const title = buttonsOf(adaptiveCardOf(list)).length === 1 && adaptiveCardOf(list)!.body[1].columns[0].items[0].text;
    expect(title).toBe('#1 Read \\[this\\](https:\u200B//evil.example) &lt;at&gt;CEO&lt;/at&gt; <b>now</b>');
  });

  it('recovers a truncated state file from the backup at start, and says so in the log', async () => {
    const t = await start();
    const chat = channel(t);
    await chat.say('opgave Budget');
    await chat.say('opgave Kapacitetsplan senest uge 50');
    const before = await chat.say('alle opgaver');
    await t.bot.close();

    const statePath = path.join(t.stateDir, 'tasks.json');
    await truncate(statePath, Math.floor((await readFile(statePath, 'utf8')).length / 2));
    const again = await start({ env: { STATE_DIR: t.stateDir } });
    const after = await channel(again).say('alle opgaver');
    expect(adaptiveCardOf(after)).toEqual(adaptiveCardOf(before));
    expect(again.logs.some((line) => line.msg?.startsWith('state restored from backup') && line.level === 50)).toBe(true);
    expect((await readdir(t.stateDir)).some((name) => name.startsWith('tasks.json.corrupt-'))).toBe(true);
  });

  it('refuses to start on a STATE_DIR that another process holds', async () => {
    const t = await start();
    await expect(startTestBot({ now, env: { STATE_DIR: t.stateDir } })).rejects.toThrow(`state dir ${t.stateDir} is in use by process ${process.pid}`);
  });
});
