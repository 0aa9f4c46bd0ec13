/**
 * Duplicates after a crash: an outbox delivering a burst is killed with SIGKILL at a random point, then started
 * again over the same state folder to finish. Every message the connector received twice is a duplicate; every
 * one it never received is lost. The outbox runs in a child process (`node --import tsx bench/outbox-crash.ts
 * --child ...`) on the real journaled file state, sending over HTTP like the Teams channel.
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createOutbox, emptyOutboxState, OutboxStateSchema, type MessageChannel } from '../src/messaging/index.js';
import { stateCell } from '../src/reminders/state.js';
import { openStateDir } from '../src/storage/index.js';
import { failureOf } from '../src/teams/proactive.js';
import { ROOT } from './processes.js';
import { createRandom } from './random.js';

/** Options of {@link benchmarkOutboxCrashes}. */
export interface CrashOptions {
  readonly kills: number;
  readonly burst: number;
  readonly latencyMs: number;
  readonly baseDir: string;
  /** The outbox's pace (default: its own default, 45 per second). */
  readonly ratePerSecond?: number;
}

/** What the kills did. */
export interface CrashResult {
  readonly kills: number;
  /** Messages received twice (or more) per kill. */
  readonly perKill: readonly number[];
  /** Messages never received, over all kills. */
  readonly lost: number;
  /** The window the outbox documents at these settings: pace × (latency + 100 ms), rounded up, + 1. */
  readonly bound: number;
}

const DEFAULT_PACE = 45;

/** Counts deliveries per message text (each message's text is its key). */
async function startCountingConnector(latencyMs: number) {
  const counts = new Map<string, number>();
  let total = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      setTimeout(() => {
        const text = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { text?: string }).text ?? '';
        counts.set(text, (counts.get(text) ?? 0) + 1);
        total += 1;
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end('{"id":"x"}');
      }, latencyMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    total: () => total,
    reset: () => {
      counts.clear();
      total = 0;
    },
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

function runChild(args: readonly string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench', 'outbox-crash.ts'), '--child', ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited };
}

/** Kills an outbox mid-burst `kills` times and counts what arrived twice or never. */
export async function benchmarkOutboxCrashes(options: CrashOptions): Promise<CrashResult> {
  const connector = await startCountingConnector(options.latencyMs);
  const random = createRandom(7);
  const perKill: number[] = [];
  let lost = 0;
  const pace = options.ratePerSecond ?? DEFAULT_PACE;
  try {
    for (let kill = 0; kill < options.kills; kill++) {
      connector.reset();
      const stateDir = path.join(options.baseDir, `crash-${kill}`);
      const args = [stateDir, connector.url, String(options.burst), String(pace)];
      const first = runChild(args);
      // Somewhere in the middle of the burst.
      const at = Math.floor(options.burst * (0.2 + 0.6 * random()));
      while (connector.total() < at) {
        if ((await Promise.race([first.exited.then(() => 'exited'), new Promise((resolve) => setTimeout(resolve, 5, 'waiting'))])) === 'exited') break;
      }
      first.child.kill('SIGKILL');
      await first.exited;
      const second = runChild(args);
      const code = await second.exited;
      if (code !== 0) throw new Error(`bench: the resumed outbox exited with ${code}`);
      const counts = [...connector.counts.values()];
      perKill.push(counts.reduce((sum, count) => sum + (count - 1), 0));
      lost += options.burst - connector.counts.size;
    }
  } finally {
    await connector.close();
  }
  return { kills: options.kills, perKill, lost, bound: Math.ceil((pace * (options.latencyMs + 100)) / 1000) + 1 };
}

/** The child: opens the state folder, queues the burst once, delivers until nothing is left, exits. */
async function child(stateDirPath: string, connectorUrl: string, burst: number, pace: number): Promise<void> {
  const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };
  const dir = await openStateDir(stateDirPath, { logger: quiet, now: () => new Date() });
  const store = stateCell(await dir.open({ name: 'outbox', defaults: emptyOutboxState(), schema: OutboxStateSchema }));
  const agent = new http.Agent({ keepAlive: true });
  const channel: MessageChannel = {
    send: (ref, message) =>
      new Promise((resolve) => {
        const req = http.request(`${connectorUrl}/v3/conversations/${encodeURIComponent(ref.conversation.id)}/activities`, { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => {
          res.resume();
          res.on('end', () => {
            const status = res.statusCode ?? 0;
            resolve(status < 300 ? { ok: true } : { ok: false, failure: failureOf(status), status });
          });
        });
        req.on('error', (error) => resolve({ ok: false, failure: 'transient', status: 0, error: error.message }));
        req.end(JSON.stringify({ type: 'message', text: message.text }));
      }),
  };
  const outbox = createOutbox({ store, channel, logger: quiet, delivery: { ratePerSecond: pace } });
  const ref = (i: number) => ({ serviceUrl: `${connectorUrl}/`, channelId: 'msteams', conversation: { id: `a:crash-${i}`, tenantId: 't' }, bot: { id: 'b' } });
  // Queued once: after the restart the keys are known and nothing is added.
  await outbox.enqueue(Array.from({ length: burst }, (_, i) => ({ dedupeKey: `burst-${i}`, ref: ref(i), message: { text: `burst-${i}` } })));
  await outbox.deliverDue();
  while (outbox.pending().length > 0) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    await outbox.deliverDue();
  }
  await outbox.stop();
  await dir.close();
  agent.destroy();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href && process.argv[2] === '--child') {
  const [stateDirPath, connectorUrl, burst, pace] = process.argv.slice(3);
  await child(stateDirPath as string, connectorUrl as string, Number(burst), Number(pace));
}
