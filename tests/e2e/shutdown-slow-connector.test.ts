/**
 * SIGTERM with a slow connector (issue 13): the bot process exits within a bounded time although the connector
 * holds every request open, and the proactive messages not yet delivered stay queued for the next start.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { channelMessage } from '../helpers/activities.js';
import { startBotProcess, stopBotProcess, until, waitUntilReady } from '../helpers/bot-process.js';
import { startFakeConnector } from '../helpers/fake-connector.js';
import { startTestBot } from '../helpers/test-bot.js';
import { writeTestKnowledge } from '../helpers/test-knowledge.js';

const CHANNEL = '19:slow-connector@thread.tacv2';

describe('shutdown with a slow connector', () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  it('exits within its bound on SIGTERM while every connector request hangs, keeping unsent messages queued', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'bot-slow-connector-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const knowledgeDir = await writeTestKnowledge(path.join(dir, 'knowledge'));
    const stateDir = path.join(dir, 'state');
    const connector = await startFakeConnector();
    cleanup.push(() => connector.close());
    // A digest every second, so proactive messages keep coming.
    const env = { NODE_ENV: 'development', PORT: '0', HOST: '127.0.0.1', STATE_DIR: stateDir, KNOWLEDGE_DIR: knowledgeDir, LOG_LEVEL: 'info', DIGEST_CRON: '* * * * * *', SEND_TIMEOUT_MS: '30000' };
    const bot = startBotProcess(env, { stderr: 'inherit' });
    cleanup.push(() => stopBotProcess(bot));
    const started = await waitUntilReady(bot);
    const post = (text: string) =>
      fetch(`${started.url as string}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(channelMessage(text, { serviceUrl: connector.serviceUrl, conversationId: CHANNEL, userId: '29:leader' })),
      });
    expect((await post('post opgaver her')).status).toBe(200);

    connector.delayAll(120_000);
    await until('a proactive send to hang', () => (connector.held() >= 1 ? true : undefined), 15_000);
    // A turn whose reply hangs too.
    void post('hjælp').catch(() => undefined);
    await until('the turn to hang', () => (connector.held() >= 2 ? true : undefined), 15_000);

    const signalled = performance.now();
    bot.child.kill('SIGTERM');
    const exit = await bot.exited;
    const seconds = (performance.now() - signalled) / 1000;
    expect(exit).toEqual({ code: 0, signal: null });
    // The HTTP drain (10 s) bounds it; the outbox stops meanwhile (3 s).
    expect(seconds).toBeLessThan(15);
    expect(bot.lines.map((line) => line.msg)).toEqual(expect.arrayContaining(['outbox: stopping with sends still running; they stay queued for the next start', 'stopped']));

    connector.delayAll(0);
    const again = await startTestBot({ knowledgeDir, env: { STATE_DIR: stateDir } });
    cleanup.push(() => again.close());
    const resumed = again.logs.find((line) => line.msg === 'outbox: resuming pending messages');
    expect(resumed?.pending).toBeGreaterThanOrEqual(1);
  }, 120_000);
});
