/**
 * The bot as a real process (`src/index.ts`): SIGTERM during a stream of task creates loses no task that
 * was confirmed to the user, and production without credentials refuses to start.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { channelMessage } from '../helpers/activities.js';
import { startFakeConnector, type FakeConnector } from '../helpers/fake-connector.js';
import { startTestBot } from '../helpers/test-bot.js';
import { writeTestKnowledge } from '../helpers/test-knowledge.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHANNEL = '19:shutdown-channel@thread.tacv2';

/** Starts `src/index.ts` in a child process with only the given environment (plus PATH). */
function startProcess(env: Record<string, string>): { child: ChildProcess; lines: Record<string, any>[]; stderr: () => string; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return { child, lines, stderr: () => errors, exited };
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

    const bot = startProcess({ NODE_ENV: 'development', PORT: '0', HOST: '127.0.0.1', STATE_DIR: stateDir, KNOWLEDGE_DIR: knowledgeDir, LOG_LEVEL: 'info' });
    cleanup.push(async () => {
      if (bot.child.exitCode === null && bot.child.signalCode === null) bot.child.kill('SIGKILL');
      await bot.exited;
    });
    const started = await until('the bot to start', () => bot.lines.find((line) => typeof line.msg === 'string' && line.msg.startsWith('bot started')), 60_000).catch((error: Error) => {
      throw new Error(`${error.message}; stderr: ${bot.stderr()}`);
    });
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
    const bot = startProcess({ NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1' });
    const exit = await bot.exited;
    expect(exit.code).toBe(1);
    expect(bot.stderr()).toContain('MicrosoftAppId: is required when NODE_ENV=production');
    expect(bot.lines.some((line) => typeof line.msg === 'string' && line.msg.startsWith('bot started'))).toBe(false);
  }, 60_000);
});
