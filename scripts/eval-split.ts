/**
 * `npx tsx scripts/eval-split.ts [--in bank.json ...]`: deals questions into the working part
 * (tests/eval/questions/<kb>.working.json, about 60 %) and the test part (<kb>.test.json, about 40 %)
 * by a seeded hash of each question's id (`splitOf`). The split is made once and stays put: re-running
 * it on the existing files changes nothing, and new questions (`--in bank.json`, e.g. a new knowledge
 * base's) are dealt by the same rule without moving any question already dealt. To change a question's
 * wording or groups, edit it in the part file it is in; never change an id or the seed.
 *
 * A knowledge base whose bank has a test part and no working part is held out entirely (nobody tunes
 * the engine on it): it is left as it is.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { listBankFiles, QUESTIONS_DIR, readQuestionFile, REPO_ROOT, splitOf, SPLITS, type Question, type Split } from './lib/eval-bank.js';
import { runMain } from './lib/run-main.js';

const ABOUT: Record<Split, string> = {
  working:
    'Evaluation questions, working part: look at these while you build. A plain string matches case-insensitively; {"date":"YYYY-MM-DD"} matches the date written in Danish, English or numbers; {"digits":"..."} matches a phone number with any spacing; {"re":"..."} is a regular expression. A group passes when any of its alternatives matches; every must group must pass and no must_not group may. Dealt by scripts/eval-split.ts.',
  test: 'Evaluation questions, test part: score it with `npm run eval -- --split test`; do not read it while building the engine, or the figure stops meaning anything. Same format as the working part. Dealt by scripts/eval-split.ts.',
};

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const inputs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--in' && argv[i + 1]) inputs.push(argv[++i] as string);
    else {
      console.error('usage: eval-split [--in bank.json ...]');
      return 2;
    }
  }
  const questions = new Map<string, Question>();
  const add = (q: Question, from: string): void => {
    const known = questions.get(q.id);
    if (known && JSON.stringify(known) !== JSON.stringify(q)) throw new Error(`eval-split: question ${q.id} differs between files (last seen in ${from})`);
    questions.set(q.id, q);
  };
  const files = await listBankFiles();
  const heldOut = new Set(
    files.filter((f) => f.split === 'test' && !files.some((g) => g.kb === f.kb && g.split === 'working')).map((f) => f.kb),
  );
  for (const f of files) if (!heldOut.has(f.kb)) for (const q of (await readQuestionFile(f.file)).questions) add(q, f.file);
  for (const file of inputs) {
    for (const q of (await readQuestionFile(file)).questions) {
      if (heldOut.has(q.kb)) throw new Error(`eval-split: ${q.kb} is held out (test part only); add its questions to ${q.kb}.test.json by hand`);
      add(q, file);
    }
  }

  const byKb = new Map<string, Question[]>();
  for (const q of questions.values()) byKb.set(q.kb, [...(byKb.get(q.kb) ?? []), q]);
  for (const [kb, qs] of [...byKb].sort(([a], [b]) => a.localeCompare(b))) {
    const counts: string[] = [];
    for (const split of SPLITS) {
      const part = qs.filter((q) => splitOf(q.id) === split).sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
      const file = path.join(QUESTIONS_DIR, `${kb}.${split}.json`);
      const text = `{\n  "about": ${JSON.stringify(ABOUT[split])},\n  "questions": [\n${part.map((q) => `    ${JSON.stringify(q)}`).join(',\n')}\n  ]\n}\n`;
      const old = existsSync(file) ? await readFile(file, 'utf8') : '';
      if (old !== text) await writeFile(file, text);
      counts.push(`${split} ${part.length}`);
    }
    console.log(`${kb}: ${counts.join(', ')} (${path.relative(REPO_ROOT, QUESTIONS_DIR)})`);
  }
  return 0;
}

runMain(main);
