/**
 * Two bot processes (`src/index.ts`) on one PostgreSQL database behind the same (fake) Teams connector, with the
 * reminder scan every 2 seconds and the digest every 3: both answer; tasks created on one are listed by the
 * other; `kill -9` of the instance that runs the schedule in the middle of delivering reminders loses none, and
 * repeats at most the sends that were in flight (the window documented in docs/operations.md); digests keep
 * coming from the survivor, each slot once.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelMessage, personalMessage, replyText, type WireActivity } from '../helpers/activities.js';
import { startBotProcess, until, waitUntilReady, type BotProcess as Process } from '../helpers/bot-process.js';
import { startFakeConnector, type FakeConnector } from '../helpers/fake-connector.js';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.js';
import { writeTestKnowledge } from '../helpers/test-knowledge.js';

const TASKS = 24;
/** The sends a killed holder may have completed without recording them (see docs/operations.md). */
const DUPLICATE_WINDOW = 2;

interface BotProcess extends Process {
  readonly name: string;
  messagesUrl?: string;
}

function startProcess(name: string, env: Record<string, string>): BotProcess {
  return { name, ...startBotProcess(env, { stderr: 'lines' }) };
}

async function post(bot: BotProcess, activity: WireActivity): Promise<number> {
  const response = await fetch(bot.messagesUrl!, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  await response.arrayBuffer();
  return response.status;
}

describe('two instances on one PostgreSQL database', () => {
  let database: TestDatabase;
  let connector: FakeConnector;
  let temp: string;
  const bots: BotProcess[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    connector = await startFakeConnector();
    temp = await mkdtemp(path.join(os.tmpdir(), 'replicas-'));
  });
  afterAll(async () => {
    for (const bot of bots) {
      if (bot.child.exitCode === null && bot.child.signalCode === null) bot.child.kill('SIGTERM');
      await bot.exited;
    }
    await connector?.close();
    await database?.drop();
    await rm(temp, { recursive: true, force: true });
  });

  it('share tasks, run each reminder and digest once, and survive kill -9 of the schedule holder', async () => {
    const knowledgeDir = await writeTestKnowledge(path.join(temp, 'knowledge'));
    const env = (name: string) => ({
      NODE_ENV: 'development',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'debug',
      KNOWLEDGE_DIR: knowledgeDir,
      // Not used with DATABASE_URL; separate folders prove nothing is shared through files.
      STATE_DIR: path.join(temp, `state-${name}`),
      DATABASE_URL: database.url,
      REMINDER_CRON: '*/2 * * * * *',
      DIGEST_CRON: '*/3 * * * * *',
      SCHEDULE_LEASE_SECONDS: '3',
    });
    for (const name of ['a', 'b']) bots.push(startProcess(name, env(name)));
    for (const bot of bots) {
      const started = await waitUntilReady(bot, `${bot.name} to start`, 90_000);
      expect(started.storage).toBe('postgres');
      bot.messagesUrl = `${started.url as string}/api/messages`;
    }
    const [a, b] = bots as [BotProcess, BotProcess];
    const holderOf = () => bots.find((bot) => bot.lines.some((line) => line.msg?.startsWith('schedule lease taken')));
    const holder = await until('an instance to take the schedule', holderOf);
    const other = holder === a ? b : a;

    // Both answer questions from the knowledge base.
    for (const bot of [a, b]) {
      const conversationId = `a:question-${bot.name}`;
      expect(await post(bot, personalMessage('Hvem refererer den pædagogiske leder til?', { serviceUrl: connector.serviceUrl, conversationId }))).toBe(200);
      await until(`${bot.name}'s answer`, () => connector.activitiesIn(conversationId, 'message').some((record) => /dagtilbudschef/i.test(replyText(record.activity))));
    }

    // A leader's tasks created on either instance share one numbering.
    const at = { serviceUrl: connector.serviceUrl, userId: '29:mette', aadObjectId: 'aad-mette', userName: 'Mette Leder', conversationId: 'a:mette' };
    const statuses = await Promise.all(
      Array.from({ length: TASKS }, (_, i) => post(i % 2 === 0 ? a : b, personalMessage(`opgave Replika-${i + 1} senest i dag`, at))),
    );
    expect(statuses.every((status) => status === 200)).toBe(true);
    const created = connector
      .activitiesIn('a:mette', 'message')
      .map((record) => /^Opgave #(\d+) oprettet: (Replika-\d+)/m.exec(String(record.activity.text)))
      .filter((match): match is RegExpExecArray => match !== null);
    expect(created.map((match) => Number(match[1])).sort((x, y) => x - y)).toEqual(Array.from({ length: TASKS }, (_, i) => i + 1));

    const channel = '19:replicas@thread.tacv2';
    const inChannel = { serviceUrl: connector.serviceUrl, userId: '29:mette', aadObjectId: 'aad-mette', conversationId: channel, teamId: '19:team@thread.tacv2' };
    expect(await post(a, channelMessage('alle opgaver', inChannel))).toBe(200);
    const listed = await until('the task list', () => connector.activitiesIn(channel, 'message').find((record) => replyText(record.activity).includes('Replika-')));
    // Listed on a: tasks that were posted to b (even titles) are there too.
    const titles = [...replyText(listed.activity).matchAll(/Replika-(\d+)/g)].map((match) => Number(match[1]));
    expect(titles.some((n) => n % 2 === 0) && titles.some((n) => n % 2 === 1)).toBe(true);
    expect(await post(b, channelMessage('post opgaver her', inChannel))).toBe(200);

    // Reminders go out from the holder (5 a second to one chat); kill it in the middle.
    const reminders = () =>
      connector
        .activitiesIn('a:mette', 'message')
        .filter((record) => record.activityId === undefined)
        .map((record) => /^Påmindelse: (Replika-\d+) /.exec(String(record.activity.text ?? record.activity.summary))?.[1])
        .filter((title): title is string => title !== undefined);
    await until('the first reminders', () => reminders().length >= 6, 60_000).catch((error: Error) => {
      const notes = holder.lines.filter((line) => line.level >= 40 || /remind|outbox|schedul/.test(String(line.msg))).slice(-15);
      throw new Error(`${error.message}; got ${reminders().length}; holder's log: ${JSON.stringify(notes)}`);
    });
    holder.child.kill('SIGKILL');
    await holder.exited;
    const deliveredBeforeKill = reminders().length;
    expect(deliveredBeforeKill).toBeLessThan(TASKS);

    await until('the survivor to take the schedule', () => other.lines.some((line) => line.msg?.startsWith('schedule lease taken')), 30_000);
    await until('every reminder', () => new Set(reminders()).size === TASKS, 60_000).catch((error: Error) => {
      throw new Error(`${error.message}: got ${JSON.stringify([...new Set(reminders())].sort())}`);
    });
    // Digests from the survivor: wait for two, then a few more runs so a repeat would show.
    const digests = () => connector.activitiesIn(channel, 'message').filter((record) => record.activityId === undefined && String(record.activity.text ?? record.activity.summary).startsWith('Åbne opgaver pr.'));
    const digestsBefore = digests().length;
    await until('digests from the survivor', () => digests().length >= digestsBefore + 2, 30_000);
    await new Promise((resolve) => setTimeout(resolve, 4_000));

    // No reminder lost; repeats only within the window.
    const sent = reminders();
    expect(new Set(sent).size).toBe(TASKS);
    const repeats = sent.length - TASKS;
    expect(repeats).toBeLessThanOrEqual(DUPLICATE_WINDOW);
    expect(other.lines.filter((line) => line.level >= 50)).toEqual([]);

    // Each digest slot once: every delivered digest key appears once across both instances' logs, and the
    // connector got no more digests than were delivered (plus the window for the killed instance's last sends).
    const deliveredKeys = bots.flatMap((bot) => bot.lines.filter((line) => line.msg === 'outbox: delivered' && String(line.key).startsWith('digest:')).map((line) => String(line.key)));
    const repeatedKeys = deliveredKeys.filter((key, i) => deliveredKeys.indexOf(key) !== i);
    expect(repeatedKeys.length).toBeLessThanOrEqual(DUPLICATE_WINDOW - repeats);
    expect(digests().length).toBeGreaterThanOrEqual(new Set(deliveredKeys).size);
    expect(digests().length).toBeLessThanOrEqual(new Set(deliveredKeys).size + DUPLICATE_WINDOW - repeats);
  }, 240_000);
});
