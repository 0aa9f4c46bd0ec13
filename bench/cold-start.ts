/**
 * Cold start: from spawning the process to the HTTP response of its first question, whose reply has by then reached
 * the connector (see floor.ts). Each start gets a fresh, empty STATE_DIR, as on a first deployment.
 */
import { mkdtemp } from 'node:fs/promises';
import path from 'node:path';
import { personalMessage } from '../tests/helpers/activities.js';
import type { BenchConnector } from './connector.js';
import { freePort, spawnBot, waitUntilListening, type BotKind } from './processes.js';

/** One cold start. */
export interface ColdStartResult {
  /** Spawn -> the port accepts connections, ms. */
  readonly listeningMs: number;
  /** Spawn -> the first question's response (its reply on the connector), ms. */
  readonly firstAnswerMs: number;
  /** RSS after the first answer and `settleMs` of rest, MB. */
  readonly idleRssMb: number | undefined;
}

/** Options of {@link measureColdStart}. */
export interface ColdStartOptions {
  readonly kind: BotKind;
  readonly connector: BenchConnector;
  /** Where state and logs go. */
  readonly workDir: string;
  /** Rest before the idle RSS is read, ms (default 1000). */
  readonly settleMs?: number;
  readonly question?: string;
  /** Extra node options (profiling). */
  readonly nodeArgs?: readonly string[];
}

/** Starts a bot, asks one question, reads its idle RSS, stops it. */
export async function measureColdStart(options: ColdStartOptions): Promise<ColdStartResult> {
  const port = await freePort();
  const stateDir = await mkdtemp(path.join(options.workDir, `cold-${options.kind}-`));
  const body = JSON.stringify(
    personalMessage(options.question ?? 'Hvem refererer klyngelederne til?', { serviceUrl: options.connector.serviceUrl, userId: '29:cold-start-user' }),
  );
  const repliesBefore = options.connector.replies();
  const started = performance.now();
  const bot = spawnBot({ kind: options.kind, port, ...(options.nodeArgs && { nodeArgs: options.nodeArgs }), logFile: path.join(stateDir, 'bot.log'), stateDir: path.join(stateDir, 'state') });
  try {
    await waitUntilListening(bot, port, 60_000);
    const listeningMs = performance.now() - started;
    const response = await fetch(bot.messagesUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    await response.arrayBuffer();
    const firstAnswerMs = performance.now() - started;
    if (!response.ok) throw new Error(`bench: the ${options.kind} bot answered its first question with HTTP ${response.status}:\n${bot.logTail()}`);
    if (options.connector.replies() <= repliesBefore) throw new Error(`bench: the ${options.kind} bot's first reply did not reach the connector`);
    await new Promise((resolve) => setTimeout(resolve, options.settleMs ?? 1_000));
    return { listeningMs, firstAnswerMs, idleRssMb: bot.rssMb() };
  } finally {
    await bot.stop();
  }
}
