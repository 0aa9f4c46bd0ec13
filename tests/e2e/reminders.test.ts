/**
 * Reminders and digests end to end: the real bot over HTTP with schedules every 2 seconds, replies and
 * proactive messages received on a fake connector on 127.0.0.1, state in a temp STATE_DIR across restarts.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/env.js';
import { createLogger, startBot, type RunningBot } from '../../src/main.js';
import type { ReminderTask } from '../../src/reminders/reminder-service.js';
import type { FeatureFactory } from '../../src/teams/handlers/index.js';
import { remindersFeature } from '../../src/teams/handlers/reminders.js';
import { addDays, toLocalDate } from '../../src/time/format-date.js';
import { channelMessage, installUpdate, personalMessage } from '../helpers/activities.js';
import { startFakeConnector, type FakeConnector, type RecordedActivity } from '../helpers/fake-connector.js';
import { writeTestKnowledge } from '../helpers/test-knowledge.js';

// A fixed day far from midnight and DST, advancing with real time (the schedules run on real time).
const START = Date.parse('2026-06-10T08:00:00Z');
const T0 = Date.now();
const now = () => new Date(START + (Date.now() - T0));
const TODAY = toLocalDate(now());
const TOMORROW = addDays(TODAY, 1);

/** Stands in for the tasks feature: `testopgave <title>` adds an open task due tomorrow, owned by the sender. */
function fakeTasksFeature(tasks: ReminderTask[]): FeatureFactory {
  return () => ({
    name: 'fake-tasks',
    tasks: { openTasks: () => tasks.filter((task) => task.status === 'open') },
    commands: [
      {
        name: 'fake-tasks',
        async handle(text, ctx) {
          const match = /^testopgave (.+)$/.exec(text);
          if (!match) return false;
          tasks.push({ number: tasks.length + 1, title: match[1]!, owner: { id: ctx.user.id, name: ctx.user.name ?? '' }, due: TOMORROW, status: 'open', createdBy: { id: ctx.user.id } });
          await ctx.reply(`ok ${tasks.length}`);
          return true;
        },
      },
    ],
  });
}

interface Harness {
  connector: FakeConnector;
  stateDir: string;
  knowledgeDir: string;
  tasks: ReminderTask[];
  bot?: RunningBot;
  start(env?: Record<string, string>): Promise<RunningBot>;
  post(activity: Record<string, unknown>): Promise<number>;
  dispose(): Promise<void>;
}

async function harness(): Promise<Harness> {
  const temp = await mkdtemp(path.join(os.tmpdir(), 'reminders-e2e-'));
  const connector = await startFakeConnector();
  const h: Harness = {
    connector,
    stateDir: path.join(temp, 'state'),
    knowledgeDir: await writeTestKnowledge(path.join(temp, 'knowledge')),
    tasks: [],
    async start(env = {}) {
      h.bot = await startBot({
        env: {
          NODE_ENV: 'test',
          PORT: '0',
          HOST: '127.0.0.1',
          LOG_LEVEL: 'silent',
          STATE_DIR: h.stateDir,
          KNOWLEDGE_DIR: h.knowledgeDir,
          REMINDER_CRON: '*/2 * * * * *',
          DIGEST_CRON: '0 9 1 1 *',
          ...env,
        },
        now,
        features: [fakeTasksFeature(h.tasks), remindersFeature()],
        logger: createLogger({ logLevel: (process.env.E2E_LOG ?? 'silent') as Config['logLevel'] }),
      });
      return h.bot;
    },
    async post(activity) {
      const response = await fetch(h.bot!.messagesUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
      await response.text();
      return response.status;
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
const textOf = (record: RecordedActivity) => String(record.activity.text ?? '');
/** Proactive messages are posted to the conversation, not as a reply to an activity. */
const proactive = (records: RecordedActivity[]) => records.filter((r) => r.method === 'POST' && r.activityId === undefined && r.status < 300);

async function until<T>(check: () => T | undefined | false, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

let current: Harness | undefined;
afterEach(async () => {
  await current?.dispose();
  current = undefined;
});

describe('reminders end to end', () => {
  it('reminds the owner of a task due tomorrow exactly once, also across a restart', async () => {
    const h = (current = await harness());
    await h.start();
    const user = { serviceUrl: h.connector.serviceUrl, userId: '29:anne', userName: 'Anne Holm', conversationId: 'a:anne', locale: 'da-DK' };
    expect(await h.post(personalMessage('påmind mig', user))).toBe(200);
    const reply = await until(
      () => h.connector.activitiesIn('a:anne').find((r) => textOf(r).includes('påmindelser om kommende frister')),
      'the subscription reply',
    );
    expect(reply.activityId).toBeDefined();
    expect(await h.post(personalMessage('testopgave Ring til Tanja', user))).toBe(200);

    const isReminder = (r: RecordedActivity) => textOf(r).startsWith('Påmindelse: Ring til Tanja');
    const reminders = () => proactive(h.connector.activitiesIn('a:anne')).filter(isReminder);
    const first = await until(() => reminders()[0], 'the task reminder');
    expect(textOf(first)).toContain('i morgen');
    const card = first.activity.attachments?.[0]?.content;
    expect(card?.type).toBe('AdaptiveCard');
    expect(JSON.stringify(card)).toContain('task.complete');
    await sleep(5_000); // two more runs of the 2-second schedule
    expect(reminders()).toHaveLength(1);

    await h.bot!.close();
    await h.start();
    await sleep(5_000); // the start-up catch-up run and two scheduled runs
    expect(reminders()).toHaveLength(1);
  });

  it('posts the task list in a channel at once and on the digest schedule', async () => {
    const h = (current = await harness());
    h.tasks.push({ number: 1, title: 'Budgetopfølgning', owner: { name: 'Bo Berg' }, due: TOMORROW, status: 'open', createdBy: { id: '29:anne' } });
    await h.start({ DIGEST_CRON: '*/2 * * * * *', REMINDER_CRON: '0 9 1 1 *' });
    const channel = '19:leaders@thread.tacv2';
    const at = { serviceUrl: h.connector.serviceUrl, userId: '29:anne', conversationId: channel, locale: 'en-GB' };
    expect(await h.post(channelMessage('post tasks here', at))).toBe(200);
    const immediate = await until(
      () => h.connector.activitiesIn(channel).find((r) => r.activityId !== undefined && textOf(r).startsWith('Open tasks')),
      'the digest posted at once',
    );
    expect(textOf(immediate)).toContain('#1 Budgetopfølgning');
    const scheduled = await until(
      () => proactive(h.connector.activitiesIn(channel)).find((r) => textOf(r).startsWith('Open tasks')),
      'the scheduled digest',
    );
    expect(scheduled.conversationId).toBe(channel);
    expect(scheduled.activity.attachments?.[0]?.content?.type).toBe('AdaptiveCard');

    expect(await h.post(channelMessage('stop tasks here', at))).toBe(200);
    await until(() => h.connector.activitiesIn(channel).find((r) => textOf(r).includes('no longer post')), 'the unsubscribe reply');
    await sleep(2_500); // a digest run that was already on its way may still land
    const count = proactive(h.connector.activitiesIn(channel)).length;
    await sleep(4_500);
    expect(proactive(h.connector.activitiesIn(channel))).toHaveLength(count);
  });

  it('stores chat-added deadlines, lists them soonest first and reminds subscribers', async () => {
    const h = (current = await harness());
    await h.start();
    const user = { serviceUrl: h.connector.serviceUrl, userId: '29:bo', conversationId: 'a:bo', locale: 'en-GB' };
    await h.post(personalMessage('remind me', user));
    await h.post(personalMessage(`deadline Quality report ${addDays(TODAY, 20)}`, user));
    await h.post(personalMessage(`deadline Budget follow-up ${addDays(TODAY, 1)}`, user));
    await h.post(personalMessage('deadlines', user));
    const list = await until(() => h.connector.activitiesIn('a:bo').find((r) => textOf(r).startsWith('Upcoming deadlines')), 'the list');
    const text = textOf(list);
    expect(text.indexOf('Budget follow-up')).toBeGreaterThan(0);
    expect(text.indexOf('Budget follow-up')).toBeLessThan(text.indexOf('Quality report'));
    await until(() => proactive(h.connector.activitiesIn('a:bo')).find((r) => textOf(r).startsWith('Reminder: Budget follow-up')), 'the deadline reminder');
  });

  it('forgets a conversation when the bot is uninstalled', async () => {
    const h = (current = await harness());
    await h.start();
    const install = installUpdate({ serviceUrl: h.connector.serviceUrl, userId: '29:carl', conversationId: 'a:carl' });
    await h.post(install);
    await h.post(personalMessage('påmind mig', { serviceUrl: h.connector.serviceUrl, userId: '29:carl', conversationId: 'a:carl' }));
    await h.post({ ...install, id: 'remove-1', membersAdded: undefined, membersRemoved: [{ id: install.recipient.id }] });
    await h.post(personalMessage(`frist Kvalitetsrapport ${addDays(TODAY, 1)}`, { serviceUrl: h.connector.serviceUrl, userId: '29:dora', conversationId: 'a:dora' }));
    await sleep(4_500);
    expect(proactive(h.connector.activitiesIn('a:carl')).filter((r) => textOf(r).startsWith('Påmindelse'))).toEqual([]);
  });
});
