/**
 * SIGTERM with a slow connector (issue 13): the bot process exits within a bounded time although the connector
 * holds every request open, and the proactive messages not yet delivered stay queued for the next start.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { channelMessage } from '../helpers/activities.js';
import { startFakeConnector } from '../helpers/fake-connector.js';
import { startTestBot } from '../helpers/test-bot.js';
import { writeTestKnowledge } from '../helpers/test-knowledge.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHANNEL = '19:slow-connector@thread.tacv2';

function startProcess(env: Record<string, string>): { child: ChildProcess; lines: Record<string, any>[]; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const lines: Record<string, any>[] = [];
  let buffered = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const parts = buffered.split('\n');
    buffered = parts.pop()!;
    for (const line of parts) {
      try {
        lines.push(JSON.parse(line) as Record<string, any>);
      } catch {
        lines.push({ msg: line });
      }
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return { child, lines, exited };
}

async function until<T>(what: string, probe: () => T | undefined, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

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
    const bot = startProcess(env);
    cleanup.push(async () => {
      if (bot.child.exitCode === null && bot.child.signalCode === null) bot.child.kill('SIGKILL');
      await bot.exited;
    });
    const started = await until('the bot to start', () => bot.lines.find((line) => typeof line.msg === 'string' && line.msg.startsWith('bot started')), 60_000);
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
