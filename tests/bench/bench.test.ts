/**
 * A smoke test of the benchmark's own code with tiny parameters: every part runs and gives sane, consistent
 * counts. No timing is asserted (speed belongs to `npm run bench`).
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { measureColdStart } from '../../bench/cold-start.js';
import { startBenchConnector, type BenchConnector } from '../../bench/connector.js';
import { startEchoBot } from '../../bench/echo-bot.js';
import { benchmarkEngine } from '../../bench/engine.js';
import { benchmarkFanOut, startThrottlingConnector } from '../../bench/fanout.js';
import { benchmarkOutboxCrashes } from '../../bench/outbox-crash.js';
import { checkReplyBeforeResponse, messageBodies, runLoad, warmUp, type LoadTarget } from '../../bench/floor.js';
import { buildFloorBots, cpuMsOf, rssOf } from '../../bench/processes.js';
import { generateQuestions } from '../../bench/questions.js';
import { createRandom } from '../../bench/random.js';
import { benchmarkReminderScan } from '../../bench/reminders.js';
import { renderMarkdown, renderSpread, renderTable, statusOf, type Figure } from '../../bench/report.js';
import { percentile, summarize } from '../../bench/stats.js';
import { benchmarkTasks } from '../../bench/tasks.js';
import { generateKnowledgeFiles, readKnowledgeFiles, writeSyntheticKnowledge } from '../../scripts/generate-kb.js';
import { loadKnowledge, loadKnowledgeOrThrow } from '../../src/knowledge/load-knowledge.js';
import { startTestBot, type TestBot } from '../helpers/test-bot.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-test-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function connector(): Promise<BenchConnector> {
  const started = await startBenchConnector();
  cleanups.push(() => started.close());
  return started;
}

/** This process as a load target (for bots started in-process). */
function inProcess(kind: 'echo' | 'ours', messagesUrl: string): LoadTarget {
  return { kind, messagesUrl, rssMb: () => rssOf(process.pid), cpuMs: () => cpuMsOf(process.pid), logTail: () => '' };
}

describe('stats and report', () => {
  it('takes nearest-rank percentiles and summaries', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile([...samples].sort((a, b) => a - b), 50)).toBe(50);
    expect(summarize(samples)).toMatchObject({ count: 100, p50: 50, p99: 99, max: 100, mean: 50.5 });
    expect(Number.isNaN(summarize([]).p50)).toBe(true);
  });

  it('marks figures against their targets, a missing value as a miss', () => {
    const figures: Figure[] = [
      { section: 'engine', name: 'p99', value: 0.5, unit: 'ms', target: { op: '<=', value: 1 } },
      { section: 'floor', name: 'ratio', value: 0.7, unit: 'x', target: { op: '>=', value: 0.8 } },
      { section: 'engine', name: 'at 100x', value: undefined, unit: 'ms', target: { op: '<=', value: 5 }, note: 'timed out' },
      { section: 'memory', name: 'rss', value: 99, unit: 'MB' },
    ];
    expect(figures.map(statusOf)).toEqual(['pass', 'MISS', 'MISS', '']);
    const table = renderTable(figures);
    expect(table).toContain('<= 1.00 ms');
    expect(table).toContain('>= 0.800x');
    expect(table).toMatch(/at 100x\s+n\/a\s+ms\s+<= 5.00 ms\s+MISS\s+timed out/);
    expect(renderMarkdown(figures).split('\n')).toHaveLength(6);
  });

  it('spreads several runs: lowest, median, highest and how many runs met each target', () => {
    const run = (p99: number | undefined, ratio: number, load: string) => ({
      machine: { loadavg: `${load} 1.00 1.00` },
      loadavgEnd: '2.00 1.00 1.00',
      commit: 'abc1234',
      figures: [
        { section: 'engine', name: 'p99', value: p99, unit: 'ms', target: { op: '<=' as const, value: 1 } },
        { section: 'floor', name: 'ratio', value: ratio, unit: 'x', target: { op: '>=' as const, value: 0.85 } },
        { section: 'memory', name: 'rss', value: 99, unit: 'MB' },
      ],
    });
    const table = renderSpread([run(0.5, 0.9, '0.50'), run(3, 0.7, '4.00'), run(2, 0.95, '1.50')], ['a.json', 'b.json', 'c.json']);
    expect(table).toContain('a.json (tree `abc1234`, load 0.50 → 2.00); b.json (tree `abc1234`, load 4.00 → 2.00)');
    expect(table).toContain('| engine | p99 | 0.500 ms | 2.00 ms | 3.00 ms | <= 1.00 ms | 1 of 3 |');
    expect(table).toContain('| floor | ratio | 0.700 x | 0.900 x | 0.950 x | >= 0.850x | 2 of 3 |');
    expect(table).not.toContain('rss');
  });
});

describe('generate-kb', () => {
  it('writes a knowledge base N times the seed that loads, with renamed copies', async () => {
    const seed = await loadKnowledgeOrThrow('data');
    const dir = await tempDir();
    const written = await writeSyntheticKnowledge({ factor: 3, seed: 1, sourceDir: 'data', outDir: dir });
    expect((await readdir(dir)).filter((name) => name.endsWith('.json'))).toHaveLength(written.files);
    const loaded = await loadKnowledge(dir);
    if (!loaded.ok) throw new Error(loaded.errors.slice(0, 3).map((e) => `${e.file}: ${e.path}: ${e.message}`).join('\n'));
    for (const [kind, items] of Object.entries(seed.data)) expect(loaded.kb.data[kind as keyof typeof seed.data]).toHaveLength(3 * items.length);
    const names = loaded.kb.data.municipalities.map((m) => m.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.filter((name) => /Ballerup|Taastrup|København/.test(name))).toHaveLength(seed.data.municipalities.length);
  });

  it('is deterministic for a seed and differs between seeds', async () => {
    const files = await readKnowledgeFiles('data');
    const names = (seed: number) => generateKnowledgeFiles(files, { factor: 2, seed }).flatMap((f) => (f.data.municipalities as { name: string }[] | undefined)?.map((m) => m.name) ?? []);
    expect(names(1)).toEqual(names(1));
    expect(names(1)).not.toEqual(names(2));
    expect(() => generateKnowledgeFiles(files, { factor: 0 })).toThrow(/factor/);
  });
});

describe('engine, tasks and reminder benchmarks', () => {
  it('times distinct generated questions on the engine', async () => {
    const kb = await loadKnowledgeOrThrow('data');
    const questions = generateQuestions(kb, 40, createRandom(1));
    expect(new Set(questions.map((q) => q.text)).size).toBe(questions.length);
    expect(questions.some((q) => q.locale === 'da-DK') && questions.some((q) => q.locale === 'en-US')).toBe(true);
    const result = await benchmarkEngine({ knowledgeDir: 'data', questions: 20 });
    expect(result.perQuestion.count).toBe(20);
    expect(Object.values(result.kinds).reduce((a, b) => a + b, 0)).toBe(20);
    expect(result.items).toBeGreaterThan(100);
  });

  it('creates and completes tasks on a real state directory', async () => {
    const result = await benchmarkTasks({ stored: 30, operations: 5, baseDir: await tempDir() });
    expect(result.create.count).toBe(5);
    expect(result.complete.count).toBe(5);
    expect(result.snapshotMb).toBeGreaterThan(0);
  });

  it('scans tasks, deadlines and knowledge-base dates and enqueues each due reminder once', async () => {
    const knowledge = await loadKnowledgeOrThrow('data');
    const result = await benchmarkReminderScan({ tasks: 300, deadlines: 30, users: 200, subscribers: 3, runs: 2, knowledge, baseDir: await tempDir() });
    expect(result.items).toBeGreaterThan(30);
    expect(result.due).toBeGreaterThan(0);
    expect(result.enqueued).toBe(result.due);
    expect(result.scan.count).toBe(2);
    expect(result.laterRuns.count).toBe(2);
  });
});

describe('floor and cold start', () => {
  it('drives the echo bot through the connector round trip', async () => {
    const bench = await connector();
    const echo = await startEchoBot(0);
    cleanups.push(() => echo.close());
    const target = inProcess('echo', echo.messagesUrl);
    const bodies = messageBodies(bench.serviceUrl, 2);
    expect(bodies).toHaveLength(32);
    await warmUp(target, bodies.slice(0, 4), 2);
    expect(await checkReplyBeforeResponse(target, bench, bodies, 3)).toBe(3);
    const result = await runLoad(target, bench, bodies, { connections: 2, seconds: 0.5 });
    expect(result.ok).toBeGreaterThan(0);
    expect(result.failed).toBe(0);
    expect(result.replies).toBeGreaterThanOrEqual(result.ok);
    expect(result.latency.count).toBe(result.ok);
  });

  it('gets an answer from our bot for every message body it sends', async () => {
    const bench = await connector();
    const bot: TestBot = await startTestBot();
    cleanups.push(() => bot.close());
    const target = inProcess('ours', bot.bot.messagesUrl);
    const bodies = messageBodies(bench.serviceUrl, 1);
    await warmUp(target, bodies, 2);
    // After the first contact's welcome, each question gets exactly one reply before its response.
    expect(await checkReplyBeforeResponse(target, bench, bodies, 4)).toBe(4);
  });

  it.each(['echo', 'teams-ai'] as const)('measures a cold start of the %s floor bot as a child process', async (kind) => {
    await buildFloorBots();
    const bench = await connector();
    const repliesBefore = bench.replies();
    const result = await measureColdStart({ kind, connector: bench, workDir: await tempDir(), settleMs: 0 });
    expect(result.listeningMs).toBeGreaterThan(0);
    expect(result.firstAnswerMs).toBeGreaterThanOrEqual(result.listeningMs);
    expect(result.idleRssMb).toBeGreaterThan(0);
    expect(bench.replies()).toBe(repliesBefore + 1);
  });

  it('throttles like Teams: the requests beyond the limit in one second get 429', async () => {
    const throttling = await startThrottlingConnector({ latencyMs: 0, limitPerSecond: 5 });
    cleanups.push(() => throttling.close());
    const statuses = await Promise.all(
      Array.from({ length: 8 }, (_, i) => fetch(`${throttling.serviceUrl}v3/conversations/a%3A${i}/activities`, { method: 'POST', body: '{}' }).then((r) => r.status)),
    );
    expect(statuses.filter((status) => status === 201)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(3);
    expect(throttling.throttled()).toBe(3);
  });

  it('delivers a small fan-out through the outbox and the Teams channel, once each, without a 429', async () => {
    const result = await benchmarkFanOut({ conversations: 20, latencyMs: 20, limitPerSecond: 50, baseDir: await tempDir() });
    expect(result).toMatchObject({ delivered: 20, duplicates: 0, throttled: 0 });
    expect(result.peakPerSecond).toBeLessThanOrEqual(50);
  });

  it('kills an outbox mid-burst and counts what arrived twice or never', async () => {
    const result = await benchmarkOutboxCrashes({ kills: 1, burst: 30, latencyMs: 20, baseDir: await tempDir() });
    expect(result.perKill).toHaveLength(1);
    expect(result.lost).toBe(0);
    expect(result.perKill[0]).toBeLessThanOrEqual(30);
  }, 60_000);
});
