/**
 * Fan-out at the rate limit: the 08:00 reminder run of a large municipality. N reminders to N conversations go
 * through the real outbox (journaled file state) and the real Teams channel (botbuilder's connector client, local
 * mode) to a fake connector that answers each request in `latencyMs` and, like Teams, answers 429 with
 * `Retry-After` to whatever exceeds `limitPerSecond` requests in any one second.
 *
 * The floor is N / limitPerSecond seconds: no sender can do better without provoking 429s.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import pino from 'pino';
import { createOutbox, emptyOutboxState, OutboxStateSchema, type ConversationRef, type OutboxEntry } from '../src/messaging/index.js';
import { stateCell } from '../src/reminders/state.js';
import { openStateDir } from '../src/storage/index.js';
import { createProactiveNotifier } from '../src/teams/proactive.js';

/** A connector that throttles like Teams: at most `limitPerSecond` requests in any second, the rest get 429. */
export interface ThrottlingConnector {
  readonly serviceUrl: string;
  /** Requests answered 2xx, per conversation. */
  readonly delivered: Map<string, number>;
  throttled(): number;
  /** The most requests seen in any one-second window. */
  peakPerSecond(): number;
  close(): Promise<void>;
}

/** Starts the throttling connector on an ephemeral loopback port. */
export async function startThrottlingConnector(options: { readonly latencyMs: number; readonly limitPerSecond: number; readonly retryAfterSeconds?: number }): Promise<ThrottlingConnector> {
  const delivered = new Map<string, number>();
  let throttled = 0;
  let peak = 0;
  // Arrival times of the last second, oldest first (every request counts, 429s included, as at Teams).
  const window: number[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = http.createServer((req, res) => {
    req.on('data', () => undefined);
    req.on('end', () => {
      const now = performance.now();
      while (window.length > 0 && (window[0] as number) <= now - 1000) window.shift();
      window.push(now);
      peak = Math.max(peak, window.length);
      const match = /^\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '');
      const over = window.length > options.limitPerSecond;
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (over) {
          throttled += 1;
          res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(options.retryAfterSeconds ?? 1) });
          res.end('{"error":{"code":"TooManyRequests"}}');
          return;
        }
        const id = decodeURIComponent(match?.[1] ?? '');
        delivered.set(id, (delivered.get(id) ?? 0) + 1);
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(`{"id":"r${delivered.size}"}`);
      }, options.latencyMs);
      timers.add(timer);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    delivered,
    throttled: () => throttled,
    peakPerSecond: () => peak,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Options of {@link benchmarkFanOut}. */
export interface FanOutOptions {
  readonly conversations: number;
  readonly latencyMs: number;
  readonly limitPerSecond: number;
  /** Where the outbox's state folder goes. */
  readonly baseDir: string;
  /** The outbox's pace (default: its own default). */
  readonly ratePerSecond?: number;
}

/** What a fan-out run measured. */
export interface FanOutResult {
  /** From the start of delivery until every message was delivered, s. */
  readonly seconds: number;
  /** conversations / limitPerSecond, s. */
  readonly floorSeconds: number;
  readonly delivered: number;
  /** Conversations that got the message more than once. */
  readonly duplicates: number;
  readonly throttled: number;
  readonly peakPerSecond: number;
  readonly enqueueMs: number;
  /** Highest RSS and heap of this process during delivery, MB. */
  readonly peakRssMb: number;
  readonly peakHeapMb: number;
}

/** Enqueues one reminder per conversation and measures how long the outbox takes to deliver them all. */
export async function benchmarkFanOut(options: FanOutOptions): Promise<FanOutResult> {
  const connector = await startThrottlingConnector({ latencyMs: options.latencyMs, limitPerSecond: options.limitPerSecond });
  const stateDir = await openStateDir(path.join(options.baseDir, `fanout-${options.conversations}`), { logger: { info: () => undefined, warn: () => undefined, error: () => undefined }, now: () => new Date() });
  try {
    const store = stateCell(await stateDir.open({ name: 'outbox', defaults: emptyOutboxState(), schema: OutboxStateSchema }));
    const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '' } as ConfigurationBotFrameworkAuthenticationOptions));
    const logger = pino({ level: 'silent' });
    const channel = createProactiveNotifier({ adapter, appId: '', logger });
    const outbox = createOutbox({
      store,
      channel,
      logger,
      ...(options.ratePerSecond !== undefined && { delivery: { ratePerSecond: options.ratePerSecond } }),
    });
    const ref = (i: number): ConversationRef => ({
      serviceUrl: connector.serviceUrl,
      channelId: 'msteams',
      conversation: { id: `a:fanout-${i}`, conversationType: 'personal', tenantId: 'bench-tenant' },
      bot: { id: '28:bench-bot', name: 'Bench' },
      user: { id: `29:fanout-${i}`, name: `User ${i}` },
    });
    const entries: OutboxEntry[] = Array.from({ length: options.conversations }, (_, i) => ({
      dedupeKey: `deadline:frist-${i}:2026-12-01:d1:user:29:fanout-${i}`,
      ref: ref(i),
      message: { text: `Påmindelse: Indberetning ${i} til forvaltningen har frist i morgen (1. december 2026).`, summary: 'Påmindelse' },
    }));
    const enqueueStarted = performance.now();
    await outbox.enqueue(entries);
    const enqueueMs = performance.now() - enqueueStarted;

    let peakRssMb = 0;
    let peakHeapMb = 0;
    const sample = () => {
      const memory = process.memoryUsage();
      peakRssMb = Math.max(peakRssMb, memory.rss / 1024 ** 2);
      peakHeapMb = Math.max(peakHeapMb, memory.heapUsed / 1024 ** 2);
    };
    const sampler = setInterval(sample, 250);
    const started = performance.now();
    await outbox.deliverDue();
    while (outbox.pending().length > 0) {
      // Retries (after a 429) fall due later: wait for them like the background loop would.
      await new Promise((resolve) => setTimeout(resolve, 100));
      await outbox.deliverDue();
    }
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    sample();
    await outbox.stop();
    const counts = [...connector.delivered.values()];
    return {
      seconds,
      floorSeconds: options.conversations / options.limitPerSecond,
      delivered: counts.length,
      duplicates: counts.filter((count) => count > 1).length,
      throttled: connector.throttled(),
      peakPerSecond: connector.peakPerSecond(),
      enqueueMs,
      peakRssMb,
      peakHeapMb,
    };
  } finally {
    await stateDir.close();
    await connector.close();
  }
}
