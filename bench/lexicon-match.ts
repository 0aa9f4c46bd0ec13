/**
 * Times the lexicon's cue matching alone (`understand` over the questions of an answer dump, which is where
 * `CueSet.match` / `coverage` run per turn): `npx tsx bench/lexicon-match.ts /tmp/dump.json` (from bench/answer-dump.ts).
 * Prints microseconds per question; for before/after comparisons of src/answering/lexicon/lexicon.ts.
 */
import { readFileSync } from 'node:fs';
import { loadLexicon } from '../src/answering/lexicon/lexicon.js';
import { understand } from '../src/answering/understand.js';

const dump = JSON.parse(readFileSync(process.argv[2] ?? '/dev/stdin', 'utf8')) as Record<string, Array<{ q: string; locale?: string }>>;
const questions = Object.values(dump).flat();
const lexicon = loadLexicon();
const now = new Date('2026-11-24T09:00:00Z');
const known = () => false;
const run = () => {
  for (const q of questions) understand(q.q, now, lexicon, known, q.locale);
};
for (let i = 0; i < 3; i++) run();
const rounds = 10;
const times: number[] = [];
for (let r = 0; r < rounds; r++) {
  const started = performance.now();
  run();
  times.push(((performance.now() - started) * 1000) / questions.length);
}
times.sort((a, b) => a - b);
console.log(`${questions.length} questions: understand median ${times[rounds >> 1]!.toFixed(1)} µs/question (min ${times[0]!.toFixed(1)})`);
