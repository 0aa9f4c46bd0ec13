/**
 * Starts the real bot in-process (startBot) on 127.0.0.1:0 with a temp STATE_DIR, the test knowledge
 * base and a fake connector, and captures its logs. Each call is independent: nothing is shared.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../../src/config/env.js';
import type { RunningBot, StartBotOptions } from '../../src/main.js';
import { createLogger, startBot } from '../../src/main.js';
import type { ActivityOptions, WireActivity } from './activities.js';
import { startFakeConnector, type FakeConnector } from './fake-connector.js';
import { writeTestKnowledge } from './test-knowledge.js';

/** A captured log line (pino JSON). */
export type LogRecord = { level: number; msg?: string } & Record<string, unknown>;

/** Options of {@link startTestBot}: `startBot` options, plus extra environment variables. */
export interface TestBotOptions extends Omit<StartBotOptions, 'env' | 'logger' | 'handleSignals'> {
  /** Environment on top of the test defaults (NODE_ENV=test, PORT=0, temp STATE_DIR, test knowledge). */
  readonly env?: Readonly<Record<string, string>>;
  /** Use this knowledge directory instead of the test fixture. */
  readonly knowledgeDir?: string;
}

/** A running test bot with its connector. */
export interface TestBot {
  readonly bot: RunningBot;
  readonly connector: FakeConnector;
  readonly stateDir: string;
  /** Defaults for the activity builders: `{ serviceUrl }`. */
  readonly at: ActivityOptions;
  /** Log lines so far. */
  readonly logs: readonly LogRecord[];
  /** POSTs an activity to `/api/messages` like Teams; resolves with the HTTP status and parsed body. */
  post(activity: WireActivity | string, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

/** Starts the bot and a fake connector; call `close()` in `afterEach`. */
export async function startTestBot(options: TestBotOptions = {}): Promise<TestBot> {
  const tempDir = await mkdtemp(path.join(os.tmpdir(), 'teams-bot-test-'));
  const stateDir = path.join(tempDir, 'state');
  const knowledgeDir = options.knowledgeDir ?? (await writeTestKnowledge(path.join(tempDir, 'knowledge')));
  const connector = await startFakeConnector();
  const logs: LogRecord[] = [];
  const env = { NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'debug', STATE_DIR: stateDir, KNOWLEDGE_DIR: knowledgeDir, ...options.env };
  const { env: _env, knowledgeDir: _dir, ...rest } = options;
  let bot: RunningBot;
  try {
    bot = await startBot({
      ...rest,
      env,
      logger: createLogger({ logLevel: env.LOG_LEVEL as Config['logLevel'] }, { write: (line: string) => void logs.push(JSON.parse(line) as LogRecord) }),
    });
  } catch (error) {
    await connector.close();
    await rm(tempDir, { recursive: true, force: true });
    throw error;
  }
  return {
    bot,
    connector,
    stateDir,
    at: { serviceUrl: connector.serviceUrl },
    logs,
    async post(activity, headers = {}) {
      const response = await fetch(bot.messagesUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof activity === 'string' ? activity : JSON.stringify(activity),
      });
      const text = await response.text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        // Not JSON: keep the text.
      }
      return { status: response.status, body };
    },
    async close() {
      await bot.close();
      await connector.close();
      await rm(tempDir, { recursive: true, force: true });
    },
  };
}
