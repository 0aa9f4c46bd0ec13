/**
 * The bot as a real process (`src/index.ts`): SIGTERM during a stream of task creates loses no task that
 * was confirmed to the user, and production without credentials refuses to start.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { channelMessage } from '../helpers/activities.js';
import { isReadyLine, startBotProcess, stopBotProcess, until, waitUntilReady } from '../helpers/bot-process.js';
import { startFakeConnector, type FakeConnector } from '../helpers/fake-connector.js';
import { startTestBot } from '../helpers/test-bot.js';
import { writeTestKnowledge } from '../helpers/test-knowledge.js';

const CHANNEL = '19:shutdown-channel@thread.tacv2';

describe('the bot process', () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  it('on SIGTERM stops taking requests, finishes the creates in flight and exits 0; every confirmed task survives the restart', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'bot-process-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const knowledgeDir = await writeTestKnowledge(path.join(dir, 'knowledge'));
    const stateDir = path.join(dir, 'state');
    const connector: FakeConnector = await startFakeConnector();
    cleanup.push(() => connector.close());

    const bot = startBotProcess({ NODE_ENV: 'development', PORT: '0', HOST: '127.0.0.1', STATE_DIR: stateDir, KNOWLEDGE_DIR: knowledgeDir, LOG_LEVEL: 'info' });
    cleanup.push(() => stopBotProcess(bot));
    const started = await waitUntilReady(bot);
    const messagesUrl = `${started.url as string}/api/messages`;

    /** Confirmed to the user: the bot's "created" reply reached the connector. */
    const confirmedTitles = () =>
      connector
        .activitiesIn(CHANNEL, 'message')
        .map((record) => /^Opgave #\d+ oprettet: (Opgave-\d+)$/m.exec(String(record.activity.text))?.[1])
        .filter((title): title is string => title !== undefined);

    let sent = 0;
    let stop = false;
    const outcomes: string[] = [];
    const sender = async () => {
      while (!stop) {
        const title = `Opgave-${++sent}`;
        try {
          const response = await fetch(messagesUrl, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(channelMessage(`opgave ${title}`, { serviceUrl: connector.serviceUrl, conversationId: CHANNEL, userId: '29:leader' })),
          });
          await response.arrayBuffer();
          outcomes.push(String(response.status));
          if (response.status === 503) stop = true;
        } catch {
          // The server closed: no more requests are taken.
          outcomes.push('refused');
          stop = true;
        }
      }
    };
    const senders = Array.from({ length: 4 }, sender);
    await until('a first batch of confirmed creates', () => (confirmedTitles().length >= 20 ? true : undefined));
    bot.child.kill('SIGTERM');
    const exit = await bot.exited;
    stop = true;
    await Promise.all(senders);

    expect(exit).toEqual({ code: 0, signal: null });
    expect(bot.lines.map((line) => line.msg)).toEqual(expect.arrayContaining(['signal received', 'shutting down: finishing turns in flight', 'stopped']));
    // Requests after SIGTERM were turned away, not half-done.
    expect(outcomes.some((outcome) => outcome === '503' || outcome === 'refused')).toBe(true);
    expect(outcomes.filter((outcome) => !['200', '503', 'refused'].includes(outcome))).toEqual([]);

    const confirmed = confirmedTitles();
    expect(confirmed.length).toBeGreaterThanOrEqual(20);
    // Every 200 was a create confirmed on the connector (the reply is sent inside the turn).
    expect(confirmed.length).toBe(outcomes.filter((outcome) => outcome === '200').length);

    const again = await startTestBot({ knowledgeDir, env: { STATE_DIR: stateDir } });
    cleanup.push(() => again.close());
    const stored = (await again.bot.domain.tasks.openTasks()).map((task) => task.title);
    expect(new Set(stored).size).toBe(stored.length);
    expect(confirmed.filter((title) => !stored.includes(title))).toEqual([]);
  }, 120_000);

  it('refuses to start with NODE_ENV=production and no MicrosoftAppId, saying why', async () => {
    const bot = startBotProcess({ NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1' });
    const exit = await bot.exited;
    expect(exit.code).toBe(1);
    expect(bot.stderr()).toContain('MicrosoftAppId: is required when NODE_ENV=production');
    expect(bot.lines.some(isReadyLine)).toBe(false);
  }, 60_000);
});
