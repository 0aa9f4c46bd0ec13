/**
 * The floor: the bare echo bot and our bot, each a child process on 127.0.0.1, driven by autocannon with the same
 * mix of Danish and English questions through `POST /api/messages`, replying to the bench connector.
 *
 * What the latency includes: botbuilder's CloudAdapter answers the HTTP request only after the turn has finished,
 * and a turn's `sendActivity` awaits the connector's answer to the reply. So the HTTP response time of a message
 * is request -> turn -> reply POSTed to the connector and acknowledged -> HTTP 200: the full round trip. The run
 * checks this on every bot before measuring (a reply must be on the connector before its HTTP response arrives)
 * and checks after each run that every 2xx response had its reply.
 */
import autocannon from 'autocannon';
import { personalMessage } from '../tests/helpers/activities.js';
import type { BenchConnector } from './connector.js';
import type { BotProcess } from './processes.js';
import { FLOOR_QUESTIONS, type BenchQuestion } from './questions.js';
import { median, summarize, type Summary } from './stats.js';

/** What a load run needs of a bot: where to post, and how to read its CPU and memory (a child process, or this one). */
export type LoadTarget = Pick<BotProcess, 'kind' | 'messagesUrl' | 'rssMb' | 'cpuMs' | 'logTail'>;

/** How hard and how long to drive a bot. */
export interface LoadOptions {
  /** Concurrent connections. */
  readonly connections: number;
  /** Seconds. */
  readonly seconds: number;
}

/** One load run against one bot. */
export interface LoadResult {
  readonly latency: Summary;
  /** Every 2xx response time, ms (to pool several runs). */
  readonly times: readonly number[];
  readonly seconds: number;
  readonly requestsPerSecond: number;
  readonly ok: number;
  readonly failed: number;
  /** Replies the connector got during the run. */
  readonly replies: number;
  /** The bot's CPU use during the run, in % of one core. */
  readonly cpuPercent: number | undefined;
  /** The bot's CPU time during the run, ms. */
  readonly cpuMs: number | undefined;
  /** Highest RSS sampled during the run, MB. */
  readonly peakRssMb: number | undefined;
}

/** Request bodies: the question mix from a fixed pool of users, each with their personal chat. */
export function messageBodies(serviceUrl: string, users: number, questions: readonly BenchQuestion[] = FLOOR_QUESTIONS): string[] {
  const bodies: string[] = [];
  for (let u = 0; u < users; u++) {
    for (let q = 0; q < questions.length; q++) {
      // Rotate so that every user asks every question, but consecutive requests differ in both.
      const question = questions[(q + u) % questions.length] as BenchQuestion;
      bodies.push(
        JSON.stringify(
          personalMessage(question.text, {
            serviceUrl,
            // A user's Teams client keeps its locale whatever language they ask in (a changed locale would also
            // rewrite their stored conversation reference: a disk write that real traffic rarely causes).
            locale: u % 2 === 0 ? 'da-DK' : 'en-US',
            userId: `29:bench-user-${u}`,
            aadObjectId: `00000000-0000-4000-8000-${String(u).padStart(12, '0')}`,
            userName: `Bench User ${u}`,
            conversationId: `a:bench-personal-${u}`,
          }),
        ),
      );
    }
  }
  return bodies;
}

/** Drives the bot with the bodies in turn; measures every response's time. */
export async function runLoad(bot: LoadTarget, connector: BenchConnector, bodies: readonly string[], options: LoadOptions): Promise<LoadResult> {
  let next = 0;
  const times: number[] = [];
  const repliesBefore = connector.replies();
  const cpuBefore = bot.cpuMs();
  let peakRss = bot.rssMb();
  const sampler = setInterval(() => {
    const rss = bot.rssMb();
    if (rss !== undefined && (peakRss === undefined || rss > peakRss)) peakRss = rss;
  }, 100);
  const started = performance.now();
  const instance = autocannon({
    url: bot.messagesUrl,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    connections: options.connections,
    duration: options.seconds,
    timeout: 30,
    requests: [{ method: 'POST', setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] as string }) }],
  });
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (status >= 200 && status < 300) times.push(ms);
  });
  const result = await instance;
  const elapsedMs = performance.now() - started;
  clearInterval(sampler);
  const cpuAfter = bot.cpuMs();
  const seconds = result.duration > 0 ? result.duration : elapsedMs / 1000;
  return {
    latency: summarize(times),
    times,
    seconds,
    requestsPerSecond: times.length / seconds,
    ok: times.length,
    failed: result.non2xx + result.errors + result.timeouts,
    replies: connector.replies() - repliesBefore,
    cpuPercent: cpuBefore !== undefined && cpuAfter !== undefined ? ((cpuAfter - cpuBefore) / elapsedMs) * 100 : undefined,
    cpuMs: cpuBefore !== undefined && cpuAfter !== undefined ? cpuAfter - cpuBefore : undefined,
    peakRssMb: peakRss,
  };
}

/** Sends requests in turn until every body has been sent once (first contacts, JIT), `connections` at a time. */
export async function warmUp(bot: LoadTarget, bodies: readonly string[], connections: number): Promise<void> {
  let next = 0;
  const instance = autocannon({
    url: bot.messagesUrl,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    connections,
    amount: bodies.length,
    timeout: 30,
    requests: [{ method: 'POST', setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] as string }) }],
  });
  const result = await instance;
  if (result.non2xx + result.errors > 0) throw new Error(`bench: warm-up of the ${bot.kind} bot had ${result.non2xx} non-2xx and ${result.errors} errors:\n${bot.logTail()}`);
}

/**
 * Posts `count` messages one at a time and checks that each one's reply reached the connector before its HTTP
 * response came back; returns how many did.
 */
export async function checkReplyBeforeResponse(bot: LoadTarget, connector: BenchConnector, bodies: readonly string[], count: number): Promise<number> {
  let confirmed = 0;
  for (let i = 0; i < count; i++) {
    const before = connector.replies();
    const response = await fetch(bot.messagesUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: bodies[i % bodies.length] as string });
    await response.arrayBuffer();
    if (response.ok && connector.replies() > before) confirmed++;
  }
  return confirmed;
}

/** Several runs of one bot taken together. */
export interface PooledRuns {
  /** All response times of all runs. */
  readonly latency: Summary;
  /** The median of the runs' requests per second. */
  readonly requestsPerSecond: number;
  readonly ok: number;
  readonly failed: number;
  readonly replies: number;
  /** The bot's CPU time per answered request, ms (undefined without /proc). */
  readonly cpuMsPerRequest: number | undefined;
  /** Highest RSS sampled in any run, MB. */
  readonly peakRssMb: number | undefined;
}

/** Pools runs of one bot: latencies over all responses, the median rate, CPU per request over all. */
export function poolRuns(runs: readonly LoadResult[]): PooledRuns {
  const ok = runs.reduce((sum, run) => sum + run.ok, 0);
  const cpu = runs.every((run) => run.cpuMs !== undefined) ? runs.reduce((sum, run) => sum + (run.cpuMs as number), 0) : undefined;
  const peaks = runs.flatMap((run) => (run.peakRssMb === undefined ? [] : [run.peakRssMb]));
  return {
    latency: summarize(runs.flatMap((run) => run.times)),
    requestsPerSecond: median(runs.map((run) => run.requestsPerSecond)),
    ok,
    failed: runs.reduce((sum, run) => sum + run.failed, 0),
    replies: runs.reduce((sum, run) => sum + run.replies, 0),
    cpuMsPerRequest: cpu !== undefined && ok > 0 ? cpu / ok : undefined,
    peakRssMb: peaks.length > 0 ? Math.max(...peaks) : undefined,
  };
}
