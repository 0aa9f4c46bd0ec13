/**
 * The search message extension's `composeExtension/query` invoke over the real endpoint, as Teams sends it while a
 * user types: every prefix (from 3 characters, word by word) of the floor questions, one request at a time, against
 * the bot on the repository's knowledge base. Teams gives an invoke 5 seconds; the p99 is what to compare with it.
 *
 * Usage: `npx tsx bench/message-extension.ts [--rounds 3]` (separate from `npm run bench`; prints one line of figures).
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { startBot } from '../src/main.js';
import { FLOOR_QUESTIONS } from './questions.js';
import { summarize } from './stats.js';

/** The prefixes a user's typing produces for a question: each word boundary, from 3 characters on. */
export function typedPrefixes(question: string): string[] {
  const words = question.split(' ');
  return words.map((_, i) => words.slice(0, i + 1).join(' ')).filter((prefix) => prefix.length >= 3);
}

async function main(): Promise<void> {
  const roundsArg = process.argv.indexOf('--rounds');
  const rounds = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 3;
  const stateDir = await mkdtemp(path.join(os.tmpdir(), 'bench-me-'));
  const bot = await startBot({ config: { port: 0, host: '127.0.0.1', stateDir, knowledgeDir: 'data', credentials: undefined }, logger: pino({ level: 'silent' }) });
  try {
    const prefixes = FLOOR_QUESTIONS.flatMap((q) => typedPrefixes(q.text));
    const samples: number[] = [];
    for (let round = 0; round < rounds + 1; round++) {
      for (const prefix of prefixes) {
        const activity = {
          type: 'invoke',
          name: 'composeExtension/query',
          id: randomUUID(),
          channelId: 'msteams',
          // Local mode accepts loopback service URLs only; a query invoke sends nothing there.
          serviceUrl: 'http://127.0.0.1:9/',
          from: { id: '29:bench', aadObjectId: 'bench' },
          recipient: { id: '28:bot' },
          conversation: { id: 'a:bench', conversationType: 'personal' },
          locale: 'da-DK',
          value: { commandId: 'searchKnowledge', parameters: [{ name: 'query', value: prefix }], queryOptions: { skip: 0, count: 25 } },
        };
        const started = performance.now();
        const response = await fetch(bot.messagesUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`query invoke answered ${response.status}`);
        // The first round warms the engine and the HTTP connection; it is not counted.
        if (round > 0) samples.push(performance.now() - started);
      }
    }
    const s = summarize(samples);
    console.log(`message extension query invoke (${s.count} requests, ${prefixes.length} prefixes x ${rounds}): p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms, max ${s.max.toFixed(1)} ms (Teams limit 5,000 ms)`);
  } finally {
    await bot.close();
    await rm(stateDir, { recursive: true, force: true });
  }
}

await main();
