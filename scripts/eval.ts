/**
 * `npm run eval [-- --split working|test|all] [--kb <name>] [--verbose] [--json out.json] [--concurrency n]`:
 * measures answer quality. For each knowledge base with questions (tests/eval/questions/<kb>.<part>.json;
 * `data` is the seed knowledge base, any other name a folder tests/fixtures/<kb>), it starts the real bot
 * as a child process (`src/index.ts` through tsx, local mode, a temporary STATE_DIR, a free port) and plays
 * Teams over POST /api/messages, with a connector on 127.0.0.1 that receives the replies. Each reply is
 * scored as the evaluation stand-in's ask.mjs scores it. Prints the score per knowledge base, language and kind, for
 * the working and test parts separately; how many unanswerable questions got a fact instead of
 * "I don't know"; and the median reply length. A measurement, not a test: exits 0 unless it cannot run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {
  answerText,
  cardText,
  judgeReply,
  judgeStrict,
  knowledgeDirOf,
  listBankFiles,
  normalizeReply,
  QUESTION_KINDS,
  readQuestionFile,
  REPO_ROOT,
  replyText,
  saysDontKnow,
  SPLITS,
  type Question,
  type ReplyActivity,
  type Split,
} from './lib/eval-bank.js';
import { runMain } from './lib/run-main.js';

interface Args {
  readonly split: Split | 'all';
  readonly kb?: string;
  readonly verbose: boolean;
  readonly json?: string;
  readonly concurrency: number;
}

const USAGE = 'usage: eval [--split working|test|all] [--kb <name>] [--verbose] [--json out.json] [--concurrency n]';

function parseArgs(argv: readonly string[]): Args | string {
  let split: Args['split'] = 'all';
  let kb: string | undefined;
  let json: string | undefined;
  let verbose = false;
  let concurrency = 8;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const value = (): string | undefined => argv[++i];
    if (arg === '--split') {
      const v = value();
      if (v !== 'working' && v !== 'test' && v !== 'all') return `--split must be working, test or all; ${USAGE}`;
      split = v;
    } else if (arg === '--kb') {
      kb = value();
      if (!kb) return `--kb needs a name (data, kb-other, ...); ${USAGE}`;
    } else if (arg === '--json') {
      json = value();
      if (!json) return `--json needs a file name; ${USAGE}`;
    } else if (arg === '--concurrency') {
      concurrency = Number(value());
      if (!Number.isInteger(concurrency) || concurrency < 1) return `--concurrency must be a positive whole number; ${USAGE}`;
    } else if (arg === '--verbose') {
      verbose = true;
    } else {
      return `unknown argument ${arg}; ${USAGE}`;
    }
  }
  return { split, verbose, concurrency, ...(kb !== undefined && { kb }), ...(json !== undefined && { json }) };
}

/** A question of one part, with its result once asked. */
interface Asked {
  readonly question: Question;
  readonly split: Split;
}

interface Result extends Asked {
  /** Right by the strict judgement: `must` groups found in the answer, not only in a suggested question or a cited source. */
  readonly ok: boolean;
  /** Right by ask.mjs's judgement (the whole reply). */
  readonly okAskMjs: boolean;
  readonly failed: readonly string[];
  readonly ms: number;
  readonly status: number | string;
  readonly reply: string;
  readonly replyChars: number;
  readonly cardChars: number;
  readonly saysDontKnow: boolean;
}

/** The Teams stand-in: receives the bot's replies per conversation on 127.0.0.1. */
interface Connector {
  readonly serviceUrl: string;
  received(conversationId: string): ReplyActivity[];
  close(): Promise<void>;
}

async function startConnector(): Promise<Connector> {
  const byConversation = new Map<string, ReplyActivity[]>();
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const url = req.url ?? '';
      const match = /\/v3\/conversations\/([^/]+)\/activities/.exec(url);
      let activity: (ReplyActivity & Record<string, unknown>) | undefined;
      try {
        activity = body ? JSON.parse(body) : undefined;
      } catch {
        // Not JSON: nothing to record.
      }
      if (match && activity && (req.method === 'POST' || req.method === 'PUT')) {
        const id = decodeURIComponent(match[1] as string);
        byConversation.set(id, [...(byConversation.get(id) ?? []), activity]);
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      if (/\/v3\/conversations\/?$/.test(url) && req.method === 'POST') res.end(JSON.stringify({ id: `a:created-${randomUUID()}`, activityId: randomUUID() }));
      else if (url.includes('/members')) res.end('[]');
      else res.end(JSON.stringify({ id: randomUUID() }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    received: (id) => byConversation.get(id) ?? [],
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A bot child process on one knowledge base. */
interface Bot {
  readonly messagesUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts `src/index.ts` with a clean environment (local mode: no MicrosoftAppId), PORT=0, and waits for
 * its "bot started" log line, which names the address it listens on.
 */
async function startBot(knowledgeDir: string, stateDir: string): Promise<Bot> {
  const env: NodeJS.ProcessEnv = {};
  // Only what node needs: no credentials or settings of the calling shell leak into the measurement.
  for (const key of ['PATH', 'HOME', 'LANG', 'TMPDIR']) if (process.env[key] !== undefined) env[key] = process.env[key];
  Object.assign(env, { NODE_ENV: 'development', PORT: '0', HOST: '127.0.0.1', KNOWLEDGE_DIR: knowledgeDir, STATE_DIR: stateDir, LOG_LEVEL: 'info' });
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'src', 'index.ts')], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`eval: the bot did not start within 60 s:\n${log.slice(-2000)}`)), 60_000);
    const onData = (chunk: Buffer): void => {
      log += chunk.toString('utf8');
      for (const line of log.split('\n')) {
        if (!line.includes('bot started')) continue;
        try {
          const record = JSON.parse(line) as { url?: string };
          if (record.url) {
            clearTimeout(timer);
            resolve(record.url);
            return;
          }
        } catch {
          // A partial line: wait for the rest.
        }
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`eval: the bot exited (code ${code}) before it listened:\n${log.slice(-2000)}`));
    });
  });
  return {
    messagesUrl: `${url}/api/messages`,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const killTimer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(killTimer);
    },
  };
}

const TENANT_ID = '11111111-2222-3333-4444-555555555555';

/** Sends one question as Teams would (1:1, or in a channel with an @mention) and collects the replies. */
async function ask(bot: Bot, connector: Connector, asked: Asked, n: number): Promise<Result> {
  const q = asked.question;
  const conversationId = `${q.channel ? '19:eval-channel-' : 'a:eval-'}${n}-${randomUUID()}`;
  const locale = q.lang === 'da' ? 'da-DK' : 'en-US';
  const now = new Date().toISOString();
  const activity = {
    type: 'message',
    id: randomUUID(),
    timestamp: now,
    localTimestamp: now,
    channelId: 'msteams',
    serviceUrl: connector.serviceUrl,
    text: q.channel ? `<at>Leder</at> ${q.text}` : q.text,
    textFormat: 'plain',
    locale,
    from: { id: `29:eval-user-${n}`, name: 'Eval Leader', aadObjectId: randomUUID(), role: 'user' },
    recipient: { id: '28:eval-bot', name: 'Leder', role: 'bot' },
    conversation: q.channel
      ? { id: conversationId, conversationType: 'channel', isGroup: true, tenantId: TENANT_ID }
      : { id: conversationId, conversationType: 'personal', tenantId: TENANT_ID },
    channelData: q.channel ? { tenant: { id: TENANT_ID }, team: { id: '19:eval-team' }, channel: { id: conversationId } } : { tenant: { id: TENANT_ID } },
    entities: q.channel
      ? [{ type: 'mention', text: '<at>Leder</at>', mentioned: { id: '28:eval-bot', name: 'Leder' } }, { type: 'clientInfo', locale }]
      : [{ type: 'clientInfo', locale }],
  };
  const started = performance.now();
  let status: number | string = 0;
  try {
    const response = await fetch(bot.messagesUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    status = response.status;
    await response.text();
  } catch (error) {
    status = `ERR ${error instanceof Error ? error.message : String(error)}`;
  }
  const ms = performance.now() - started;
  // Replies may still be on their way when the HTTP call returns: wait until their number settles (as ask.mjs).
  let last = -1;
  for (let i = 0; i < 20; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const count = connector.received(conversationId).length;
    if (count === last && count > 0) break;
    last = count;
  }
  const activities = connector.received(conversationId).filter((a) => a.type === 'message');
  const reply = normalizeReply(replyText(activities));
  // To a greeting or thanks, suggested questions are exactly the hint wanted, so they count there.
  const failed = q.kind === 'not-a-question' ? judgeReply(q, reply) : judgeStrict(q, normalizeReply(answerText(activities)), reply);
  const failedAskMjs = judgeReply(q, reply);
  if (activities.length === 0) {
    failed.push(`no reply (HTTP ${status})`);
    failedAskMjs.push('no reply');
  }
  return {
    ...asked,
    ok: failed.length === 0,
    okAskMjs: failedAskMjs.length === 0,
    failed,
    ms,
    status,
    reply,
    replyChars: reply.trim().length,
    cardChars: cardText(activities).length,
    saysDontKnow: saysDontKnow(reply),
  };
}

/** Runs tasks with at most `limit` in flight; keeps the order of the inputs. */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T, index);
    }
  });
  await Promise.all(workers);
  return results;
}

function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : Math.round(((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2);
}

function score(results: readonly Result[]): string {
  const passed = results.filter((r) => r.ok).length;
  const pct = results.length === 0 ? '-' : `${((100 * passed) / results.length).toFixed(1)} %`;
  return `${String(passed).padStart(3)}/${String(results.length).padEnd(3)} ${pct.padStart(7)}`;
}

/** A summary of one part, as printed and written to --json. */
interface PartSummary {
  readonly total: { passed: number; count: number };
  /** Passed by ask.mjs's looser judgement, where a role named in a suggested question counts. */
  readonly passedAskMjs: number;
  readonly byKb: Record<string, { passed: number; count: number }>;
  readonly byLang: Record<string, { passed: number; count: number }>;
  readonly byKbLang: Record<string, { passed: number; count: number }>;
  readonly byKind: Record<string, { passed: number; count: number }>;
  readonly unanswerable: { count: number; answeredWithFact: number };
  readonly medianCardChars: number;
  readonly medianReplyChars: number;
  readonly p95LatencyMs: number;
}

function tally(results: readonly Result[], key: (r: Result) => string): Record<string, { passed: number; count: number }> {
  const out: Record<string, { passed: number; count: number }> = {};
  for (const r of results) {
    const entry = (out[key(r)] ??= { passed: 0, count: 0 });
    entry.count++;
    if (r.ok) entry.passed++;
  }
  return out;
}

function summarize(results: readonly Result[]): PartSummary {
  const unanswerable = results.filter((r) => r.question.kind === 'unanswerable');
  const latencies = results.map((r) => r.ms).sort((a, b) => a - b);
  return {
    total: { passed: results.filter((r) => r.ok).length, count: results.length },
    passedAskMjs: results.filter((r) => r.okAskMjs).length,
    byKb: tally(results, (r) => r.question.kb),
    byLang: tally(results, (r) => r.question.lang),
    byKbLang: tally(results, (r) => `${r.question.kb} ${r.question.lang}`),
    byKind: tally(results, (r) => r.question.kind),
    unanswerable: { count: unanswerable.length, answeredWithFact: unanswerable.filter((r) => !r.saysDontKnow).length },
    medianCardChars: median(results.map((r) => r.cardChars)),
    medianReplyChars: median(results.map((r) => r.replyChars)),
    p95LatencyMs: Math.round(latencies[Math.min(latencies.length - 1, Math.floor(0.95 * latencies.length))] ?? 0),
  };
}

function printPart(name: string, results: readonly Result[]): void {
  if (results.length === 0) return;
  const line = (label: string, rs: readonly Result[]): void => console.log(`  ${label.padEnd(28)} ${score(rs)}`);
  const s = summarize(results);
  console.log(`\n== ${name} part: ${score(results)}  (ask.mjs's looser judgement: ${s.passedAskMjs}/${results.length})`);
  console.log(' per knowledge base:');
  for (const kb of Object.keys(s.byKb).sort()) {
    line(kb, results.filter((r) => r.question.kb === kb));
    for (const lang of ['da', 'en']) line(`  ${lang}`, results.filter((r) => r.question.kb === kb && r.question.lang === lang));
  }
  console.log(' per language:');
  for (const lang of ['da', 'en']) line(lang, results.filter((r) => r.question.lang === lang));
  console.log(' per kind:');
  for (const kind of QUESTION_KINDS) {
    const rs = results.filter((r) => r.question.kind === kind);
    if (rs.length > 0) line(kind, rs);
  }
  console.log(` unanswerable questions answered with a fact (no "I don't know"): ${s.unanswerable.answeredWithFact} of ${s.unanswerable.count}`);
  console.log(` median reply length: ${s.medianCardChars} characters of card text (${s.medianReplyChars} of text + card as scored)`);
  console.log(` latency p95: ${s.p95LatencyMs} ms`);
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    console.error(`eval: ${args}`);
    return 2;
  }
  const files = (await listBankFiles()).filter((f) => (args.split === 'all' || f.split === args.split) && (args.kb === undefined || f.kb === args.kb));
  if (files.length === 0) {
    console.error(`eval: no question files for ${args.kb ?? 'any knowledge base'} (${args.split}) in tests/eval/questions`);
    return 2;
  }
  const byKb = new Map<string, Asked[]>();
  for (const f of files) {
    const { questions } = await readQuestionFile(f.file);
    for (const question of questions) {
      if (question.kb !== f.kb) throw new Error(`eval: ${path.basename(f.file)}: question ${question.id} names kb "${question.kb}", the file "${f.kb}"`);
      byKb.set(f.kb, [...(byKb.get(f.kb) ?? []), { question, split: f.split }]);
    }
  }

  const connector = await startConnector();
  const results: Result[] = [];
  const tempRoot = await mkdtemp(path.join(os.tmpdir(), 'eval-'));
  try {
    for (const [kb, asked] of byKb) {
      const knowledgeDir = knowledgeDirOf(kb);
      if (!existsSync(knowledgeDir)) throw new Error(`eval: no knowledge base for "${kb}" (looked in ${path.relative(REPO_ROOT, knowledgeDir)})`);
      const started = performance.now();
      const bot = await startBot(knowledgeDir, path.join(tempRoot, kb));
      try {
        const kbResults = await mapLimit(asked, args.concurrency, (a, i) => ask(bot, connector, a, results.length + i));
        results.push(...kbResults);
        const passed = kbResults.filter((r) => r.ok).length;
        console.log(`${kb}: ${passed}/${kbResults.length} right (${((performance.now() - started) / 1000).toFixed(1)} s incl. start-up)`);
      } finally {
        await bot.stop();
      }
    }
  } finally {
    await connector.close();
    await rm(tempRoot, { recursive: true, force: true });
  }

  if (args.verbose) {
    console.log('\nFailures:');
    for (const r of results.filter((x) => !x.ok)) {
      console.log(`FAIL ${r.question.id} [${r.split}, ${r.question.kind}, ${r.question.lang}] ${r.question.text}\n      ${r.failed.join('; ')}\n      reply: ${r.reply.slice(0, 700)}`);
    }
  }
  for (const split of SPLITS) printPart(split, results.filter((r) => r.split === split));
  if (args.split === 'all') printPart('all (working + test)', results);

  if (args.json) {
    const report = {
      date: new Date().toISOString(),
      parts: Object.fromEntries(SPLITS.map((split) => [split, summarize(results.filter((r) => r.split === split))])),
      results: results.map((r) => ({ id: r.question.id, kb: r.question.kb, split: r.split, kind: r.question.kind, lang: r.question.lang, ok: r.ok, okAskMjs: r.okAskMjs, failed: r.failed, ms: Math.round(r.ms), cardChars: r.cardChars, reply: r.reply })),
    };
    await writeFile(args.json, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\nwrote ${args.json}`);
  }
  return 0;
}

runMain(main);
