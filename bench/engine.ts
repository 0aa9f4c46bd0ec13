/**
 * The answering engine alone: load a knowledge base, build the answerer, run its warm-up (what the bot does at start,
 * timed apart), then time each of many varied questions (each asked once; a few others first to warm up the JIT).
 *
 * Run in a child process by the benchmark (`node --import tsx bench/engine.ts --kb <dir> ...`), so a slow build
 * can be cut off by a time limit and a big knowledge base does not stay in the benchmark's memory. It prints one
 * JSON line per phase (`{"phase":"loaded",...}`, `{"phase":"built",...}`, `{"phase":"done",...}`).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createAnswerer, warmUp } from '../src/answering/index.js';
import { loadKnowledgeOrThrow } from '../src/knowledge/load-knowledge.js';
import { ROOT } from './processes.js';
import { FLOOR_QUESTIONS, generateQuestions } from './questions.js';
import { createRandom } from './random.js';
import { summarize, type Summary } from './stats.js';

/** Options of {@link benchmarkEngine}. */
export interface EngineBenchOptions {
  readonly knowledgeDir: string;
  /** Questions to time (fewer if the knowledge base cannot give that many distinct ones). */
  readonly questions: number;
  /** Stop timing after this long, in ms (the questions asked by then count). */
  readonly maxMs?: number;
  readonly seed?: number;
  /** The engine's clock (dates are answered relative to it). */
  readonly now?: Date;
  /**
   * Also ask every timed question a second time, after the first pass, and give its figures apart (`secondPass`): the
   * first pass, each question asked once, stays the figure the targets are for.
   */
  readonly secondPass?: boolean;
  /** Called after each phase (the child prints these). */
  readonly onPhase?: (phase: EnginePhase) => void;
}

/** Progress of an engine run. */
export type EnginePhase =
  | { readonly phase: 'loaded'; readonly loadMs: number; readonly items: number }
  | { readonly phase: 'built'; readonly buildMs: number; readonly buildCpuMs?: number; readonly heapMb: number }
  | { readonly phase: 'warmed-up'; readonly ms: number; readonly cpuMs: number; readonly questions: number }
  | { readonly phase: 'warm'; readonly ms: number }
  | { readonly phase: 'question'; readonly ms: number; readonly cpuMs?: number; readonly kind: string }
  | ({ readonly phase: 'done' } & EngineResult);

/** How many of the fixed questions warm up the JIT before timing. */
const WARM_UP_QUESTIONS = 4;

/** The engine's figures. */
export interface EngineResult {
  readonly loadMs: number;
  readonly buildMs: number;
  /** Items in the knowledge base (all kinds but documents). */
  readonly items: number;
  readonly perQuestion: Summary;
  /**
   * The same in CPU time of the process (all its threads, the garbage collector's included): on a machine shared with
   * other work, wall time also counts the time other processes held the CPU; CPU time does not.
   */
  readonly perQuestionCpu?: Summary;
  /** CPU time of the build (all threads of the process). */
  readonly buildCpuMs?: number;
  readonly kinds: Readonly<Record<string, number>>;
  /**
   * The engine's own warm-up, as the bot runs it at start once the answerer is built (`warmUp`, src/answering/warm-up.ts):
   * its questions and their time (wall and CPU), apart from the build's and the questions' figures.
   */
  readonly warmUp?: { readonly questions: number; readonly ms: number; readonly cpuMs: number };
  /** JS heap in use after the build, MB. */
  readonly heapMb: number;
  /** Whether `maxMs` cut the questions short. */
  readonly cut: boolean;
  /**
   * With `secondPass`: the same questions asked again right after (every code path and cache already used once), wall
   * and CPU time; for information, to tell first use of code paths from the work a question costs in a running bot.
   */
  readonly secondPass?: { readonly perQuestion: Summary; readonly perQuestionCpu: Summary };
}

const BENCH_NOW = new Date('2026-11-24T09:00:00Z');

/** Loads, builds and times the engine in this process. */
export async function benchmarkEngine(options: EngineBenchOptions): Promise<EngineResult> {
  const loadStarted = performance.now();
  const kb = await loadKnowledgeOrThrow(options.knowledgeDir);
  const loadMs = performance.now() - loadStarted;
  const items = Object.entries(kb.data).reduce((sum, [kind, list]) => (kind === 'documents' ? sum : sum + list.length), 0);
  options.onPhase?.({ phase: 'loaded', loadMs, items });

  const now = options.now ?? BENCH_NOW;
  const buildStarted = performance.now();
  const buildCpu = process.cpuUsage();
  const answerer = createAnswerer(kb, { now: () => now });
  const buildMs = performance.now() - buildStarted;
  const buildCpuMs = cpuMsSince(buildCpu);
  const heapMb = process.memoryUsage().heapUsed / 1024 / 1024;
  options.onPhase?.({ phase: 'built', buildMs, buildCpuMs, heapMb });

  const warmStarted = performance.now();
  const warmCpu = process.cpuUsage();
  const warmQuestions = warmUp(answerer, kb);
  const warmed = { questions: warmQuestions, ms: performance.now() - warmStarted, cpuMs: cpuMsSince(warmCpu) };
  options.onPhase?.({ phase: 'warmed-up', ...warmed });
  for (const question of FLOOR_QUESTIONS.slice(0, WARM_UP_QUESTIONS)) {
    const started = performance.now();
    answerer.answer(question.text, question.locale);
    options.onPhase?.({ phase: 'warm', ms: performance.now() - started });
  }
  const questions = generateQuestions(kb, options.questions, createRandom(options.seed ?? 7));
  const times: number[] = [];
  const cpuTimes: number[] = [];
  const kinds: Record<string, number> = {};
  const deadline = performance.now() + (options.maxMs ?? Number.POSITIVE_INFINITY);
  let cut = false;
  for (const question of questions) {
    if (performance.now() > deadline) {
      cut = true;
      break;
    }
    const cpuStarted = process.cpuUsage();
    const started = performance.now();
    const answer = answerer.answer(question.text, question.locale);
    const ms = performance.now() - started;
    const cpuMs = cpuMsSince(cpuStarted);
    times.push(ms);
    cpuTimes.push(cpuMs);
    kinds[answer.kind] = (kinds[answer.kind] ?? 0) + 1;
    options.onPhase?.({ phase: 'question', ms, cpuMs, kind: answer.kind });
  }
  const secondPass = options.secondPass ? askAgain(answerer, questions.slice(0, times.length)) : undefined;
  return { loadMs, buildMs, buildCpuMs, warmUp: warmed, items, perQuestion: summarize(times), perQuestionCpu: summarize(cpuTimes), kinds, heapMb, cut, ...(secondPass && { secondPass }) };
}

/** Asks each question once more, timed (wall and CPU). */
function askAgain(answerer: ReturnType<typeof createAnswerer>, questions: ReadonlyArray<{ readonly text: string; readonly locale?: string }>): NonNullable<EngineResult['secondPass']> {
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (const question of questions) {
    const cpuStarted = process.cpuUsage();
    const started = performance.now();
    answerer.answer(question.text, question.locale);
    times.push(performance.now() - started);
    cpuTimes.push(cpuMsSince(cpuStarted));
  }
  return { perQuestion: summarize(times), perQuestionCpu: summarize(cpuTimes) };
}

/** CPU time (user + system, every thread of the process) since an earlier `process.cpuUsage()`, in ms. */
function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/**
 * The outcome of a child run: the result, or how far it got before the time limit or a failure (with the questions
 * it did answer by then, if any, as a partial result).
 */
export type ChildEngineOutcome =
  | { readonly ok: true; readonly result: EngineResult }
  | { readonly ok: false; readonly reason: string; readonly reached: readonly EnginePhase[]; readonly partial?: EngineResult };

/** Runs {@link benchmarkEngine} in a child process, killed after `timeoutMs`. */
export async function benchmarkEngineInChild(options: Omit<EngineBenchOptions, 'onPhase' | 'now'>, timeoutMs: number): Promise<ChildEngineOutcome> {
  const args = ['--import', 'tsx', path.join(ROOT, 'bench', 'engine.ts'), '--kb', options.knowledgeDir, '--questions', String(options.questions)];
  if (options.maxMs !== undefined) args.push('--max-ms', String(options.maxMs));
  if (options.seed !== undefined) args.push('--seed', String(options.seed));
  if (options.secondPass) args.push('--second-pass');
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const phases: EnginePhase[] = [];
  let buffer = '';
  let errors = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    let newline: number;
    while ((newline = buffer.indexOf('\n')) !== -1) {
      const line = buffer.slice(0, newline).trim();
      buffer = buffer.slice(newline + 1);
      if (line.startsWith('{')) phases.push(JSON.parse(line) as EnginePhase);
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearTimeout(timer);
  const done = phases.find((phase) => phase.phase === 'done');
  if (done && done.phase === 'done') {
    const { phase: _phase, ...result } = done;
    return { ok: true, result };
  }
  const loaded = phases.find((phase) => phase.phase === 'loaded');
  const built = phases.find((phase) => phase.phase === 'built');
  const warmedUp = phases.find((phase) => phase.phase === 'warmed-up');
  const warm = phases.filter((phase) => phase.phase === 'warm');
  const answered = phases.flatMap((phase) => (phase.phase === 'question' ? [phase] : []));
  const progress = built
    ? `built; ${warmedUp?.phase === 'warmed-up' ? `the engine's warm-up (${warmedUp.questions} questions, ${Math.round(warmedUp.ms)} ms), ` : 'in the engine\'s warm-up, '}${warm.length} warm-up question(s) (${warm.map((w) => (w.phase === 'warm' ? `${Math.round(w.ms)} ms` : '')).join(', ')}), ${answered.length} timed`
    : loaded
      ? 'loaded, still building the answerer'
      : 'still loading';
  const reason = timedOut
    ? `stopped after ${Math.round(timeoutMs / 1000)} s: ${progress}`
    : `the engine run failed (exit ${code}): ${errors.trim().split('\n').slice(-5).join(' | ')}`;
  const kinds: Record<string, number> = {};
  for (const question of answered) kinds[question.kind] = (kinds[question.kind] ?? 0) + 1;
  const partial: EngineResult | undefined =
    loaded?.phase === 'loaded' && built?.phase === 'built' && answered.length > 0
      ? {
          loadMs: loaded.loadMs,
          items: loaded.items,
          buildMs: built.buildMs,
          ...(built.buildCpuMs !== undefined && { buildCpuMs: built.buildCpuMs }),
          heapMb: built.heapMb,
          perQuestion: summarize(answered.map((q) => q.ms)),
          perQuestionCpu: summarize(answered.map((q) => q.cpuMs ?? q.ms)),
          kinds,
          cut: true,
        }
      : undefined;
  return { ok: false, reason, reached: phases, ...(partial && { partial }) };
}

function parseArgs(argv: readonly string[]): EngineBenchOptions {
  const value = (name: string) => {
    const index = argv.indexOf(name);
    return index === -1 ? undefined : argv[index + 1];
  };
  const knowledgeDir = value('--kb');
  if (!knowledgeDir) throw new Error('engine bench: usage: engine.ts --kb <dir> [--questions n] [--max-ms ms] [--seed n]');
  const maxMs = value('--max-ms');
  const seed = value('--seed');
  return {
    knowledgeDir,
    questions: Number(value('--questions') ?? 1000),
    ...(maxMs !== undefined && { maxMs: Number(maxMs) }),
    ...(seed !== undefined && { seed: Number(seed) }),
    ...(argv.includes('--second-pass') && { secondPass: true }),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const print = (phase: EnginePhase) => process.stdout.write(`${JSON.stringify(phase)}\n`);
  const result = await benchmarkEngine({ ...parseArgs(process.argv.slice(2)), onPhase: print });
  print({ phase: 'done', ...result });
}
