/**
 * Dumps the engine's Answer for every question of the evaluation bank's working part, the practice questions when
 * given (`--practice <file>`), and a few hundred generated bench questions, per knowledge base, with a fixed
 * clock, as JSON. The test part is dumped too, but only as a numbered hash of each answer: a diff still shows that
 * an answer changed, never the question or the reply (reading them would spoil the held-out figure).
 * Speed work diffs two dumps (before/after) to prove no answer changed:
 *   npx tsx bench/answer-dump.ts > /tmp/before.json   (change the engine)   npx tsx bench/answer-dump.ts | diff /tmp/before.json -
 * `--kb <dir>` dumps only the generated questions over that folder (for example a synthetic knowledge base).
 * `--warm-up`: run the engine's warm-up (what the bot does at start) before the questions: the dump must not change.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createAnswerer, readLexiconExtensions, warmUp } from '../src/answering/index.js';
import { loadKnowledgeOrThrow } from '../src/knowledge/load-knowledge.js';
import { knowledgeDirOf, listBankFiles, readQuestionFile } from '../scripts/lib/eval-bank.js';
import { FLOOR_QUESTIONS, generateQuestions } from './questions.js';
import { createRandom } from './random.js';

const NOW = new Date('2026-11-24T09:00:00Z');

interface DumpQuestion {
  readonly text: string;
  readonly locale?: string;
  /** A test-part question: dumped as a hash only. */
  readonly hidden?: boolean;
}

async function dumpKb(dir: string, questions: readonly DumpQuestion[], generated: number) {
  const kb = await loadKnowledgeOrThrow(dir);
  const lexicon = await readLexiconExtensions(dir);
  const answerer = createAnswerer(kb, { now: () => NOW, lexicon });
  if (WARM_UP) warmUp(answerer, kb);
  const all: DumpQuestion[] = [...questions, ...FLOOR_QUESTIONS, ...generateQuestions(kb, generated, createRandom(7))];
  let hidden = 0;
  return all.map((q) => {
    const a = answerer.answer(q.text, q.locale);
    if (!q.hidden) return { q: q.text, locale: q.locale, a };
    hidden += 1;
    return { q: `test part question ${hidden}`, a: createHash('sha256').update(JSON.stringify(a)).digest('hex').slice(0, 16) };
  });
}

const args = process.argv.slice(2);
// `--practice <file>`: also dump a question file of the practice format over `data/` (it is not part of the repository).
const practiceArg = args.indexOf('--practice');
const PRACTICE = practiceArg === -1 ? undefined : (args[practiceArg + 1] as string);
const WARM_UP = args.includes('--warm-up');
const kbArg = args.indexOf('--kb');
const out: Record<string, unknown> = {};
if (kbArg !== -1) {
  out[args[kbArg + 1] as string] = await dumpKb(args[kbArg + 1] as string, [], Number(args[args.indexOf('--questions') + 1] ?? 300) || 300);
} else {
  const byKb = new Map<string, DumpQuestion[]>();
  for (const file of await listBankFiles()) {
    for (const q of (await readQuestionFile(file.file)).questions) {
      const list = byKb.get(q.kb) ?? [];
      list.push({ text: q.text, locale: q.lang, ...(file.split === 'test' && { hidden: true }) });
      byKb.set(q.kb, list);
    }
  }
  if (PRACTICE !== undefined) {
    const practice = JSON.parse(await readFile(PRACTICE, 'utf8')) as { questions: { text: string; lang: string }[] };
    const data = byKb.get('data') ?? [];
    data.push(...practice.questions.map((q) => ({ text: q.text, locale: q.lang })));
    byKb.set('data', data);
  }
  for (const [kb, questions] of [...byKb].sort(([a], [b]) => a.localeCompare(b))) out[kb] = await dumpKb(knowledgeDirOf(kb), questions, 300);
}
process.stdout.write(`${JSON.stringify(out, null, 1)}\n`);
