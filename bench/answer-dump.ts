/**
 * Dumps the engine's Answer for every question of the evaluation bank (both parts), every practice question
 * and a few hundred generated bench questions, per knowledge base, with a fixed clock, as JSON. Speed work
 * diffs two dumps (before/after) to prove no answer changed:
 *   npx tsx bench/answer-dump.ts > /tmp/before.json   (change the engine)   npx tsx bench/answer-dump.ts | diff /tmp/before.json -
 * `--kb <dir>` dumps only the generated questions over that folder (for example a synthetic knowledge base).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createAnswerer, readLexiconExtensions } from '../src/answering/index.js';
import { loadKnowledgeOrThrow } from '../src/knowledge/load-knowledge.js';
import { knowledgeDirOf, listBankFiles, readQuestionFile } from '../scripts/lib/eval-bank.js';
import { ROOT } from './processes.js';
import { FLOOR_QUESTIONS, generateQuestions } from './questions.js';
import { createRandom } from './random.js';

const NOW = new Date('2026-11-24T09:00:00Z');
/** The shared practice questions: next to the main checkout (../shared) or, from a worktree, two levels up. */
const PRACTICE = [path.join(ROOT, '..', 'shared'), path.join(ROOT, '..', '..', 'shared')]
  .map((dir) => path.join(dir, 'eval', 'practice-questions.json'))
  .find((file) => existsSync(file));

async function dumpKb(dir: string, questions: readonly { readonly text: string; readonly locale?: string }[], generated: number) {
  const kb = await loadKnowledgeOrThrow(dir);
  const lexicon = await readLexiconExtensions(dir);
  const answerer = createAnswerer(kb, { now: () => NOW, lexicon });
  const all = [...questions, ...FLOOR_QUESTIONS, ...generateQuestions(kb, generated, createRandom(7))];
  return all.map((q) => ({ q: q.text, locale: q.locale, a: answerer.answer(q.text, q.locale) }));
}

const args = process.argv.slice(2);
const kbArg = args.indexOf('--kb');
const out: Record<string, unknown> = {};
if (kbArg !== -1) {
  out[args[kbArg + 1] as string] = await dumpKb(args[kbArg + 1] as string, [], Number(args[args.indexOf('--questions') + 1] ?? 300) || 300);
} else {
  const byKb = new Map<string, { text: string; locale?: string }[]>();
  for (const file of await listBankFiles()) {
    for (const q of (await readQuestionFile(file.file)).questions) {
      const list = byKb.get(q.kb) ?? [];
      list.push({ text: q.text, locale: q.lang });
      byKb.set(q.kb, list);
    }
  }
  if (PRACTICE === undefined) throw new Error('answer-dump: practice-questions.json not found next to the repository');
  const practice = JSON.parse(await readFile(PRACTICE, 'utf8')) as { questions: { text: string; lang: string }[] };
  const data = byKb.get('data') ?? [];
  data.push(...practice.questions.map((q) => ({ text: q.text, locale: q.lang })));
  byKb.set('data', data);
  for (const [kb, questions] of [...byKb].sort(([a], [b]) => a.localeCompare(b))) out[kb] = await dumpKb(knowledgeDirOf(kb), questions, 300);
}
process.stdout.write(`${JSON.stringify(out, null, 1)}\n`);
