/**
 * Reminders and digests end to end, with the production features (tasks and reminders): the real bot over HTTP
 * with schedules every 2 seconds, replies and proactive messages received on a fake connector on 127.0.0.1,
 * state in a temp STATE_DIR across restarts.
 *
 * The injected clock starts on Wednesday 10 June 2026, 10:00 in Copenhagen (far from midnight and DST) and
 * advances with real time, because the cron schedules run on real time. Dates typed in chat ("i morgen",
 * "15. juni") are read against that clock, so they differ from what the machine's own clock would give.
 *
 * Checks that something does NOT happen wait a fixed number of schedule runs; where possible a positive control
 * (another recipient who does get the message in the same run) shows that the runs really happened.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/env.js';
import { createLogger, startBot, type RunningBot } from '../../src/main.js';
import { buttonsOf, cardAction, channelMessage, installUpdate, personalMessage, replyText, type ActivityOptions, type WireActivity } from '../helpers/activities.js';
import { startFakeConnector, type FakeConnector, type RecordedActivity } from '../helpers/fake-connector.js';
import { writeTestKnowledge } from '../helpers/test-knowledge.js';

/** Wednesday 10 June 2026, 10:00 Europe/Copenhagen. */
const START = Date.parse('2026-06-10T08:00:00Z');
/** How often the short schedules run. */
const EVERY_2_SECONDS = '*/2 * * * * *';
const RUN_MS = 2_000;
/** A schedule that does not run during a test (1 January, 09:00). */
const NEVER = '0 9 1 1 *';

const MENTION_BOT = '<at>Leder</at>';

interface Harness {
  readonly connector: FakeConnector;
  readonly now: () => Date;
  bot?: RunningBot;
  /** Starts the bot with the default features on the harness's STATE_DIR; `env` is kept for restarts. */
  start(env?: Record<string, string>): Promise<RunningBot>;
  /** Stops the bot and starts it again on the same STATE_DIR, clock and environment. */
  restart(): Promise<RunningBot>;
  post(activity: WireActivity): Promise<{ status: number; body: any }>;
  dispose(): Promise<void>;
}

async function harness(): Promise<Harness> {
  const temp = await mkdtemp(path.join(os.tmpdir(), 'reminders-e2e-'));
  const connector = await startFakeConnector();
  const stateDir = path.join(temp, 'state');
  const knowledgeDir = await writeTestKnowledge(path.join(temp, 'knowledge'));
  const t0 = Date.now();
  let env: Record<string, string> = {};
  const h: Harness = {
    connector,
    now: () => new Date(START + (Date.now() - t0)),
    async start(extra = {}) {
      env = extra;
      h.bot = await startBot({
        env: {
          NODE_ENV: 'test',
          PORT: '0',
          HOST: '127.0.0.1',
          LOG_LEVEL: 'silent',
          STATE_DIR: stateDir,
          KNOWLEDGE_DIR: knowledgeDir,
          REMINDER_CRON: EVERY_2_SECONDS,
          DIGEST_CRON: NEVER,
          ...env,
        },
        now: h.now,
        // No `features`: the production DEFAULT_FEATURES (tasks, reminders).
        logger: createLogger({ logLevel: (process.env.E2E_LOG ?? 'silent') as Config['logLevel'] }),
      });
      return h.bot;
    },
    async restart() {
      await h.bot!.close();
      return h.start(env);
    },
    async post(activity) {
      const response = await fetch(h.bot!.messagesUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    },
    async dispose() {
      await h.bot?.close();
      await connector.close();
      await rm(temp, { recursive: true, force: true });
    },
  };
  return h;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Lets `runs` more runs of the 2-second schedules happen (plus a margin for delivery). */
const afterRuns = (runs: number) => sleep(runs * RUN_MS + 500);
/** A message's text, or for a card (one message, no text copy) its notification summary. */
const textOf = (record: RecordedActivity) => String(record.activity.text ?? record.activity.summary ?? '');
/** What a reply shows: its text, or everything its card says. */
const shownOf = (record: RecordedActivity) => (record.activity.text !== undefined ? String(record.activity.text) : replyText(record.activity));
/** Proactive messages are posted to the conversation itself, not as a reply to an activity. */
const proactive = (records: readonly RecordedActivity[]) => records.filter((r) => r.method === 'POST' && r.activityId === undefined && r.status < 300);

async function until<T>(check: () => T | undefined | false, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

interface Someone {
  readonly userId: string;
  readonly userName: string;
  readonly aadObjectId: string;
  readonly locale?: string;
}

/** One person's personal chat with the bot. */
function personalChat(h: Harness, who: Someone) {
  const conversationId = `a:${who.userId.slice(3)}`;
  const options = (): ActivityOptions => ({ serviceUrl: h.connector.serviceUrl, conversationId, ...who });
  return {
    conversationId,
    options,
    /** Sends a message and resolves with the body of the card of the bot's last reply to it. */
    async reply(text: string): Promise<any[]> {
      const before = h.connector.activitiesIn(conversationId).length;
      const activity = personalMessage(text, options());
      expect((await h.post(activity)).status).toBe(200);
      const replies = await until(() => {
        const found = h.connector.activitiesIn(conversationId).slice(before).filter((r) => r.activityId === activity.id && r.status < 300);
        return found.length > 0 && found;
      }, `a reply to "${text}"`);
      return replies.at(-1)!.activity.attachments?.[0]?.content?.body ?? [];
    },
    /** Sends a message and resolves with the text of the bot's last reply to it (after a welcome, if any). */
    async say(text: string): Promise<string> {
      const activity = personalMessage(text, options());
      expect((await h.post(activity)).status).toBe(200);
      const replies = await until(() => {
        const found = h.connector.activitiesIn(conversationId).filter((r) => r.activityId === activity.id && r.status < 300);
        return found.length > 0 && found;
      }, `a reply to "${text}"`);
      return shownOf(replies.at(-1)!);
    },
    /** Proactive messages in this chat that start with `prefix`. */
    proactive(prefix = ''): RecordedActivity[] {
      return proactive(h.connector.activitiesIn(conversationId)).filter((r) => textOf(r).startsWith(prefix));
    },
  };
}

/** A team channel where one person @mentions the bot; `mentions` are further people mentioned in a message. */
function channel(h: Harness, who: Someone) {
  const conversationId = `19:channel-${who.userId.slice(3)}@thread.tacv2`;
  const teamId = `19:team-${who.userId.slice(3)}@thread.tacv2`;
  return {
    conversationId,
    /** Sends an @mention message and resolves with the texts of the bot's replies to it. */
    async say(text: string, mentions: { id: string; name: string }[] = []): Promise<string[]> {
      const activity = channelMessage(text, { serviceUrl: h.connector.serviceUrl, conversationId, teamId, ...who });
      for (const m of mentions) activity.entities.push({ type: 'mention', text: `<at>${m.name}</at>`, mentioned: m });
      expect(activity.text.startsWith(MENTION_BOT)).toBe(true);
      expect((await h.post(activity)).status).toBe(200);
      const replies = await until(() => {
        const found = h.connector.activitiesIn(conversationId).filter((r) => r.activityId === activity.id && r.status < 300);
        return found.length > 0 && found;
      }, `a reply to "${text}"`);
      return replies.map(shownOf);
    },
    proactive(prefix = ''): RecordedActivity[] {
      return proactive(h.connector.activitiesIn(conversationId)).filter((r) => textOf(r).startsWith(prefix));
    },
  };
}

const ANNE: Someone = { userId: '29:anne', userName: 'Anne Holm', aadObjectId: 'aad-anne', locale: 'da-DK' };
const METTE: Someone = { userId: '29:mette', userName: 'Mette Leder', aadObjectId: 'aad-mette', locale: 'da-DK' };
const TANJA: Someone = { userId: '29:tanja', userName: 'Tanja Jensen', aadObjectId: 'aad-tanja', locale: 'da-DK' };
const BO: Someone = { userId: '29:bo', userName: 'Bo Berg', aadObjectId: 'aad-bo', locale: 'en-GB' };

let current: Harness | undefined;
afterEach(async () => {
  await current?.dispose();
  current = undefined;
});

describe('reminders end to end (production features)', { timeout: 45_000 }, () => {
  it('reminds of a task due tomorrow exactly once, also across a restart, and its Done button works', async () => {
    const h = (current = await harness());
    await h.start();
    const anne = personalChat(h, ANNE);
    expect(await anne.say('påmind mig')).toBe('Du får nu påmindelser om kommende frister og datoer: dem, "frister" viser, fra dokumenterne og chatten. Skriv "stop påmindelser" for at stoppe dem.');
    // "i morgen" is read against the injected clock: Thursday 11 June 2026.
    expect(await anne.say('opgave Ring til Tanja senest i morgen')).toBe(
      'Opgave #1 oprettet: Ring til Tanja\nAnsvarlig: Anne Holm\nFrist: torsdag den 11. juni 2026',
    );

    const reminders = (title: string) => anne.proactive(`Påmindelse: ${title}`);
    const first = await until(() => reminders('Ring til Tanja')[0], 'the task reminder');
    expect(textOf(first)).toBe('Påmindelse: Ring til Tanja — torsdag den 11. juni 2026 (i morgen).');
    expect(first.conversationId).toBe(anne.conversationId);
    expect(first.activity.recipient).toMatchObject({ id: ANNE.userId });
    const card = first.activity.attachments?.[0]?.content;
    expect(card).toMatchObject({ type: 'AdaptiveCard' });
    expect(JSON.stringify(card)).toContain('Påmindelse om opgave');
    expect(JSON.stringify(card)).toContain('torsdag den 11. juni 2026 (i morgen)');
    const [done] = buttonsOf(card);
    expect(done).toMatchObject({ title: 'Færdig', verb: 'task.complete', data: { number: 1 } });

    // A second task, reminded on a later run: that run, and the next, must not repeat the first reminder.
    await anne.say('opgave Send referat senest i dag');
    expect(textOf(await until(() => reminders('Send referat')[0], 'the second task reminder'))).toBe(
      'Påmindelse: Send referat — onsdag den 10. juni 2026 (i dag).',
    );
    await afterRuns(1);
    expect(reminders('Ring til Tanja')).toHaveLength(1);

    await h.restart();
    // Mette gives Anne a task in a channel: Anne's conversation reference survived the restart (she has not
    // written since), and the runs after the restart, catch-up included, do not repeat the earlier reminders.
    const leaders = channel(h, METTE);
    await leaders.say('opgave Opdater vagtplanen <at>Anne Holm</at> senest i dag', [{ id: ANNE.userId, name: ANNE.userName }]);
    await until(() => reminders('Opdater vagtplanen')[0], 'a reminder after the restart');
    await afterRuns(1);
    expect(anne.proactive().map(textOf)).toEqual([
      'Påmindelse: Ring til Tanja — torsdag den 11. juni 2026 (i morgen).',
      'Påmindelse: Send referat — onsdag den 10. juni 2026 (i dag).',
      'Påmindelse: Opdater vagtplanen — onsdag den 10. juni 2026 (i dag).',
    ]);

    // The reminder card's Done button, clicked after the restart, completes the task in the task store.
    const click = await h.post(cardAction(done!.verb, done!.data, { ...anne.options(), replyToId: first.activity.id ?? 'reminder-card' }));
    expect(click.status).toBe(200);
    expect(JSON.stringify(click.body)).toContain('Opgave #1 er færdig: Ring til Tanja');
    const open = await anne.say('opgaver');
    expect(open).toContain('Send referat');
    expect(open).not.toContain('Ring til Tanja');
  });

  it('reminds a task\'s owner when the bot knows them, otherwise its creator', async () => {
    const h = (current = await harness());
    await h.start();
    // Tanja has installed the bot (so it can reach her); Mette has a personal chat; "Ukendt" is unknown.
    const tanja = personalChat(h, TANJA);
    expect((await h.post(installUpdate({ serviceUrl: h.connector.serviceUrl, conversationId: tanja.conversationId, ...TANJA }))).status).toBe(200);
    const mette = personalChat(h, METTE);
    await mette.say('påmind mig');

    const leaders = channel(h, METTE);
    const [created] = await leaders.say('opgave Budgetopfølgning <at>Tanja Jensen</at> senest i morgen', [{ id: TANJA.userId, name: TANJA.userName }]);
    expect(created).toBe('Opgave #1 oprettet: Budgetopfølgning\nAnsvarlig: Tanja Jensen\nFrist: torsdag den 11. juni 2026');
    const [second] = await leaders.say('opgave Bestil legetøj <at>Ukendt Person</at> senest i morgen', [{ id: '29:ukendt', name: 'Ukendt Person' }]);
    expect(second).toContain('Ansvarlig: Ukendt Person');

    const toTanja = await until(() => tanja.proactive('Påmindelse')[0], 'the reminder to the owner');
    expect(textOf(toTanja)).toBe('Påmindelse: Budgetopfølgning — torsdag den 11. juni 2026 (i morgen).');
    expect(JSON.stringify(toTanja.activity.attachments?.[0]?.content)).toContain('Tanja Jensen');
    const toMette = await until(() => mette.proactive('Påmindelse')[0], 'the reminder to the creator');
    expect(textOf(toMette)).toBe('Påmindelse: Bestil legetøj — torsdag den 11. juni 2026 (i morgen).');

    await afterRuns(2);
    expect(tanja.proactive('Påmindelse').map(textOf)).toEqual([textOf(toTanja)]);
    expect(mette.proactive('Påmindelse').map(textOf)).toEqual([textOf(toMette)]);
    // Task reminders go to people, never into the channel where the task was created.
    expect(leaders.proactive()).toEqual([]);
  });

  it('posts the task list in a channel at once and on the digest schedule, across a restart, until stopped', async () => {
    const h = (current = await harness());
    await h.start({ DIGEST_CRON: EVERY_2_SECONDS, REMINDER_CRON: NEVER });
    const leaders = channel(h, METTE);
    // Another subscribed channel: its digests show that the schedule kept running while checking the first.
    const other = channel(h, ANNE);
    await leaders.say('opgave Budgetopfølgning senest 15. juni');
    await leaders.say('opgave Book lokale til personalemødet senest i morgen');

    // One message: the digest card with the confirmation on top.
    const replies = await leaders.say('post opgaver her');
    expect(replies).toHaveLength(1);
    const digestLines = [
      'Åbne opgaver pr. onsdag den 10. juni 2026',
      'Jeg poster listen over åbne opgaver her efter den faste plan.',
      // Card text: a line-leading # is escaped.
      '\\#2 Book lokale til personalemødet — Mette Leder — torsdag den 11. juni 2026',
      '\\#1 Budgetopfølgning — Mette Leder — mandag den 15. juni 2026',
    ];
    for (const line of digestLines) expect(replies[0]).toContain(line);
    expect((await other.say('post opgaver her'))[0]).toContain('Jeg poster listen over åbne opgaver her efter den faste plan.');

    const scheduled = await until(() => leaders.proactive('Åbne opgaver')[0], 'the scheduled digest');
    // A new post in the channel, not a reply in the thread the subscription was made in.
    expect(scheduled.conversationId).toBe(leaders.conversationId);
    // One message: the card, its title as the notification summary, no text copy.
    expect(textOf(scheduled)).toBe('Åbne opgaver pr. onsdag den 10. juni 2026');
    expect(scheduled.activity.text).toBeUndefined();
    for (const line of [digestLines[2]!, digestLines[3]!]) expect(replyText(scheduled.activity)).toContain(line);
    const card = scheduled.activity.attachments?.[0]?.content;
    expect(card).toMatchObject({ type: 'AdaptiveCard' });
    expect(buttonsOf(card).map((b) => [b.verb, b.data.number])).toEqual([
      ['task.complete', 2],
      ['task.complete', 1],
    ]);

    // A task finished in chat leaves the list; the subscription and the channel survive a restart.
    expect((await leaders.say('færdig 2'))[0]).toContain('Opgave #2 er færdig');
    await h.restart();
    const before = leaders.proactive().length;
    const afterRestart = await until(() => leaders.proactive().slice(before)[0], 'a scheduled digest after the restart');
    expect(textOf(afterRestart)).toBe('Åbne opgaver pr. onsdag den 10. juni 2026');
    expect(replyText(afterRestart.activity)).toContain(digestLines[3]);
    expect(replyText(afterRestart.activity)).not.toContain('#2 Book lokale');

    expect(await leaders.say('stop opgaver her')).toEqual(['Jeg poster ikke længere opgavelisten her.']);
    // A run already under way may still deliver once: let two runs pass, then the next two must add nothing.
    const otherNow = other.proactive().length;
    await until(() => other.proactive().length >= otherNow + 2, 'two more digests in the other channel');
    const stopped = leaders.proactive().length;
    await until(() => other.proactive().length >= otherNow + 4, 'two further digests in the other channel');
    expect(leaders.proactive()).toHaveLength(stopped);
  });

  it('stores a chat-added deadline, answers questions about it, lists it and reminds subscribers (Danish)', async () => {
    const h = (current = await harness());
    await h.start({ LEADER_IDS: METTE.aadObjectId });
    const mette = personalChat(h, METTE);
    const anne = personalChat(h, ANNE); // not a leader
    await mette.say('påmind mig');
    await anne.say('påmind mig');

    expect(await mette.say('frist Budgetopfølgning 15. juni')).toBe(
      'Fristen "Budgetopfølgning" er gemt: mandag den 15. juni 2026. Abonnenter får påmindelser.',
    );
    expect(await mette.say('frist Kvalitetsrapport i morgen')).toBe(
      'Fristen "Kvalitetsrapport" er gemt: torsdag den 11. juni 2026. Abonnenter får påmindelser.',
    );
    expect(await anne.say('frist Hemmelig plan 20. juni')).toBe('Kun ledelsen kan tilføje frister.');

    // Anyone may ask; the answer names the date and that the deadline was added in Teams.
    const answer = await anne.say('Hvornår er fristen for budgetopfølgning?');
    expect(answer).toContain('mandag den 15. juni 2026');
    expect(answer).toContain('Frist oprettet i Teams');
    // What the card shows at once ("Vis mere" details aside) names no other deadline.
    const shownAtOnce = (await anne.reply('Hvornår er fristen for budgetopfølgning?')).filter((element: any) => element.isVisible !== false);
    expect(JSON.stringify(shownAtOnce)).toContain('mandag den 15. juni 2026');
    expect(JSON.stringify(shownAtOnce)).not.toContain('Kvalitetsrapport');

    const listed = await anne.say('frister');
    expect(listed).toMatch(/Kommende frister og datoer[\s\S]*torsdag den 11\. juni 2026 \(i morgen\)[^»]*?Kvalitetsrapport[^»]*?Frist tilføjet i chatten[\s\S]*mandag den 15\. juni 2026 \(om 5 dage\)[^»]*?Budgetopfølgning/);

    // Tomorrow's deadline is reminded to both subscribers; 15 June's 7-day reminder (8 June) is past the grace period.
    const expected = 'Påmindelse: Kvalitetsrapport — torsdag den 11. juni 2026 (i morgen).';
    await until(() => mette.proactive('Påmindelse').length > 0 && anne.proactive('Påmindelse').length > 0, 'the deadline reminders');
    expect(JSON.stringify(mette.proactive('Påmindelse')[0]!.activity.attachments?.[0]?.content)).toContain('Påmindelse om frist');

    await h.restart();
    expect(await anne.say('Hvornår er fristen for budgetopfølgning?')).toContain('mandag den 15. juni 2026');
    await afterRuns(1);
    expect(mette.proactive('Påmindelse').map(textOf)).toEqual([expected]);
    expect(anne.proactive('Påmindelse').map(textOf)).toEqual([expected]);
  });

  it('stores a chat-added deadline, answers, lists soonest first and reminds subscribers (English)', async () => {
    const h = (current = await harness());
    await h.start();
    const bo = personalChat(h, BO);
    expect(await bo.say('remind me')).toBe('You will now get reminders of upcoming deadlines and dates: the ones "deadlines" lists, from the documents and the chat. Write "stop reminders" to stop them.');
    expect(await bo.say('deadline Quality report 30 June')).toBe(
      'The deadline "Quality report" is saved: Tuesday 30 June 2026. Subscribers will be reminded.',
    );
    expect(await bo.say('deadline Budget follow-up tomorrow')).toContain('Thursday 11 June 2026');

    const answer = await bo.say('When is the deadline for the quality report?');
    expect(answer).toContain('Tuesday 30 June 2026');
    expect(answer).toContain('Deadline added in Teams');

    expect(await bo.say('deadlines')).toMatch(
      /Upcoming deadlines and dates[\s\S]*Thursday 11 June 2026 \(tomorrow\)[^»]*?Budget follow-up[^»]*?Deadline added in chat[\s\S]*Tuesday 30 June 2026 \(in 20 days\)[^»]*?Quality report/,
    );
    const reminder = await until(() => bo.proactive('Reminder:')[0], 'the deadline reminder');
    expect(textOf(reminder)).toBe('Reminder: Budget follow-up — Thursday 11 June 2026 (tomorrow).');
    expect(await bo.say('stop reminders')).toBe('You will no longer get deadline reminders. Write "remind me" to start again.');
  });

  it('forgets a conversation when the bot is uninstalled', async () => {
    const h = (current = await harness());
    await h.start();
    const carl = personalChat(h, { userId: '29:carl', userName: 'Carl Dam', aadObjectId: 'aad-carl' });
    const install = installUpdate({ ...carl.options() });
    await h.post(install);
    await carl.say('påmind mig');
    await h.post({ ...install, id: 'remove-1', membersAdded: undefined, membersRemoved: [{ id: install.recipient.id }] });

    // Dora subscribes and adds a deadline for tomorrow: her reminder shows the run happened.
    const dora = personalChat(h, { userId: '29:dora', userName: 'Dora Lund', aadObjectId: 'aad-dora' });
    await dora.say('påmind mig');
    expect(await dora.say('frist Kvalitetsrapport i morgen')).toContain('er gemt');
    await until(() => dora.proactive('Påmindelse')[0], 'the reminder to the remaining subscriber');
    await afterRuns(1);
    expect(carl.proactive()).toEqual([]);
  });

  it('delivers a throttled reminder once after retries, and drops a conversation that answers 403', async () => {
    const h = (current = await harness());
    await h.start();
    const anne = personalChat(h, ANNE);
    const bo = personalChat(h, { ...BO, locale: 'da-DK' });
    const carl = personalChat(h, { userId: '29:carl', userName: 'Carl Dam', aadObjectId: 'aad-carl' });
    for (const chat of [anne, bo, carl]) await chat.say('påmind mig');
    h.connector.respondWith(anne.conversationId, { status: 429, headers: { 'Retry-After': '1' } }, { status: 429, headers: { 'Retry-After': '1' } });
    h.connector.respondWith(bo.conversationId, 403);
    expect(await carl.say('frist Kvalitetsrapport i morgen')).toContain('er gemt');

    const delivered = await until(() => anne.proactive('Påmindelse')[0], 'the reminder after two 429s');
    expect(textOf(delivered)).toBe('Påmindelse: Kvalitetsrapport — torsdag den 11. juni 2026 (i morgen).');
    await until(() => carl.proactive('Påmindelse')[0], 'the reminder to the third subscriber');
    const attempts = (chat: { conversationId: string }) => h.connector.activitiesIn(chat.conversationId).filter((r) => r.activityId === undefined);
    expect(attempts(anne).map((r) => r.status)).toEqual([429, 429, 201]);
    expect(attempts(bo).map((r) => r.status)).toEqual([403]);

    // Bo's reference is gone: a new deadline reaches the others, not him.
    expect(await carl.say('frist Budgetopfølgning i dag')).toContain('er gemt');
    await until(() => anne.proactive('Påmindelse: Budgetopfølgning')[0] && carl.proactive('Påmindelse: Budgetopfølgning')[0], 'the second reminders');
    await afterRuns(1);
    expect(attempts(anne)).toHaveLength(4);
    expect(attempts(bo)).toHaveLength(1);
  });
});
