/**
 * The engine bench's questions (`bench/engine.ts`: the same knowledge base, clock, warm-up and generated questions,
 * each asked once), with what a speed change needs besides wall time on a shared machine:
 * - CPU time per question, and the total over all questions (a sum is far less noisy than a p99);
 * - `--alloc`: bytes allocated per question, sampled by V8's heap profiler counting objects the garbage collector
 *   already freed (the same on a loaded machine; the slow tail is mostly young-generation collections, which come
 *   with every ~16 MB allocated);
 * - `--alloc-out <file>`: with `--alloc`, the sampled allocation profile itself (V8's `SamplingHeapProfile` JSON, the
 *   format of a `.heapprofile` that Chrome's DevTools open), to see which functions allocate;
 * - `--rows <file>`: each question's text, times and monotonic start/end in µs, to attribute the samples of a
 *   `node --cpu-prof` profile to the slowest questions (the profile's timestamps are on the same clock);
 * - `--bank <file>`: the questions of a question file instead (the practice format; a WORKING part of the bank, never a
 *   test part), for example the seed's working questions over the 100x base, whose copies hold the same kinds of fact;
 * - `--twice`: every question asked a second time (warm), the figures of the second pass.
 *
 *   node --import tsx bench/engine-profile.ts [--kb data] [--questions 1000] [--alloc] [--rows rows.json] [--twice]
 *   node --cpu-prof --cpu-prof-dir=prof --import tsx bench/engine-profile.ts --kb <100x dir> --rows rows.json
 *
 * For a profile with line numbers, compile first (`npx tsc -p tsconfig.build.json --outDir .dbg/x`) and give
 * `--dist .dbg/x`: tsx's transformed modules report every function at line 1.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Session } from 'node:inspector';
import { pathToFileURL } from 'node:url';
import type { Answerer } from '../src/answering/types.js';
import type { KnowledgeBase } from '../src/knowledge/knowledge-base.js';
import { ROOT } from './processes.js';
import { FLOOR_QUESTIONS, generateQuestions } from './questions.js';
import { createRandom } from './random.js';
import { percentile } from './stats.js';

const argv = process.argv.slice(2);
const value = (name: string) => {
  const index = argv.indexOf(name);
  return index === -1 ? undefined : argv[index + 1];
};
const dist = value('--dist');
const from = (module: string) => pathToFileURL(dist ? path.resolve(dist, `${module}.js`) : path.join(ROOT, 'src', `${module}.ts`)).href;
const { createAnswerer, warmUp } = (await import(from('answering/index'))) as Pick<typeof import('../src/answering/index.js'), 'createAnswerer' | 'warmUp'>;
const { loadKnowledgeOrThrow } = (await import(from('knowledge/load-knowledge'))) as { loadKnowledgeOrThrow: (dir: string) => Promise<KnowledgeBase> };

const kb = await loadKnowledgeOrThrow(value('--kb') ?? path.join(ROOT, 'data'));
const now = new Date('2026-11-24T09:00:00Z');
const buildCpu = process.cpuUsage();
const buildStarted = performance.now();
const answerer: Answerer = createAnswerer(kb, { now: () => now });
const buildMs = performance.now() - buildStarted;
const buildCpuMs = cpuMs(process.cpuUsage(buildCpu));
// The engine's warm-up, as the bot runs it at start (bench/engine.ts does the same).
warmUp(answerer, kb);
for (const question of FLOOR_QUESTIONS.slice(0, 4)) answerer.answer(question.text, question.locale);
const bank = value('--bank');
const questions = bank
  ? (JSON.parse(readFileSync(bank, 'utf8')) as { questions: Array<{ text: string; lang?: string }> }).questions.map((q) => ({ text: q.text, locale: q.lang }))
  : generateQuestions(kb, Number(value('--questions') ?? 1000), createRandom(7));

const session = argv.includes('--alloc') ? new Session() : undefined;
const post = (method: string, params?: object) =>
  new Promise<unknown>((resolve, reject) => session!.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
if (session) {
  session.connect();
  await post('HeapProfiler.enable');
  await post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
}
interface Row {
  readonly text: string;
  readonly ms: number;
  readonly cpuMs: number;
  readonly startUs: number;
  readonly endUs: number;
}
let rows: Row[] = [];
for (let pass = argv.includes('--twice') ? 2 : 1; pass > 0; pass--) {
  rows = [];
  for (const question of questions) {
    const cpu = process.cpuUsage();
    const start = process.hrtime.bigint();
    const started = performance.now();
    answerer.answer(question.text, question.locale);
    const ms = performance.now() - started;
    rows.push({ text: question.text, ms, cpuMs: cpuMs(process.cpuUsage(cpu)), startUs: Number(start / 1000n), endUs: Number(process.hrtime.bigint() / 1000n) });
  }
}
let allocKb: number | undefined;
if (session) {
  const { profile } = (await post('HeapProfiler.stopSampling')) as { profile: { head: AllocationNode } };
  allocKb = sumAllocated(profile.head) / 1024 / rows.length;
  const allocFile = value('--alloc-out');
  if (allocFile) writeFileSync(allocFile, JSON.stringify(profile));
}
const wall = rows.map((r) => r.ms).sort((a, b) => a - b);
const cpu = rows.map((r) => r.cpuMs).sort((a, b) => a - b);
const round = (n: number) => Math.round(n * 100) / 100;
console.log(
  JSON.stringify({
    questions: rows.length,
    buildMs: round(buildMs),
    buildCpuMs: round(buildCpuMs),
    p50: round(percentile(wall, 50)),
    p99: round(percentile(wall, 99)),
    max: round(wall[wall.length - 1] ?? Number.NaN),
    cpuP50: round(percentile(cpu, 50)),
    cpuP99: round(percentile(cpu, 99)),
    totalCpuMs: round(cpu.reduce((a, b) => a + b, 0)),
    ...(allocKb !== undefined && { allocatedKbPerQuestion: Math.round(allocKb) }),
    loadavg: (await import('node:os')).loadavg().map((l) => round(l)),
  }),
);
const rowsFile = value('--rows');
if (rowsFile) writeFileSync(rowsFile, JSON.stringify(rows));

interface AllocationNode {
  readonly selfSize: number;
  readonly children: readonly AllocationNode[];
}

function sumAllocated(node: AllocationNode): number {
  return node.children.reduce((sum, child) => sum + sumAllocated(child), node.selfSize);
}

function cpuMs(used: NodeJS.CpuUsage): number {
  return (used.user + used.system) / 1000;
}
