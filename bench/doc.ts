/**
 * Writing the benchmark's results into BENCHMARKS.md: the text between `<!-- name -->` and `<!-- /name -->` markers
 * is replaced, the rest of the file is left as it is.
 */
import { readFile, writeFile } from 'node:fs/promises';

/** Replaces the text between `<!-- name -->` and `<!-- /name -->` markers in a file. */
export async function updateDoc(file: string, sections: Readonly<Record<string, string>>): Promise<void> {
  let text = await readFile(file, 'utf8');
  for (const [name, content] of Object.entries(sections)) {
    const open = `<!-- ${name} -->`;
    const close = `<!-- /${name} -->`;
    const from = text.indexOf(open);
    const to = text.indexOf(close);
    if (from === -1 || to < from) throw new Error(`bench: ${file} has no ${open} … ${close} markers`);
    text = `${text.slice(0, from + open.length)}\n${content}\n${text.slice(to)}`;
  }
  await writeFile(file, text);
}
