/**
 * `npx tsx bench/spread.ts a.json b.json c.json [--update-doc]`: the spread of several full runs of `npm run bench --
 * --json <file>`. For every figure with a target it prints the lowest, the median and the highest value over the
 * runs and in how many runs it met the target, and the machine's load at the start and end of each run; with
 * `--update-doc` the table is also written between the `<!-- spread -->` markers of BENCHMARKS.md.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { updateDoc } from './doc.js';
import { runMain } from '../scripts/lib/run-main.js';
import { ROOT } from './processes.js';
import { renderSpread, type RunFile } from './report.js';

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const files = argv.filter((a) => a !== '--update-doc');
  if (files.length === 0) {
    console.error('usage: npx tsx bench/spread.ts run1.json run2.json ... [--update-doc]');
    return 2;
  }
  const runs = await Promise.all(files.map(async (file) => JSON.parse(await readFile(file, 'utf8')) as RunFile));
  const table = renderSpread(runs, files.map((file) => path.basename(file)));
  console.log(table);
  if (argv.includes('--update-doc')) {
    await updateDoc(path.join(ROOT, 'BENCHMARKS.md'), { spread: table });
    console.log('BENCHMARKS.md updated');
  }
  return 0;
}

runMain(main);
