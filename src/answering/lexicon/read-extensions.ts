/**
 * A knowledge base's own phrasings: `<knowledge folder>/lexicon/*.json`, each a lexicon file with
 * extra cues for the built-in question kinds (same format as src/answering/lexicon/lexicon.json,
 * every part optional). Read and validated at start, with messages that name the file, the path
 * and the fix.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { LexiconExtensionSchema, type LexiconExtension } from './lexicon.js';

/** Reads every `*.json` in `<dir>/lexicon/`; none when the folder does not exist. */
export async function readLexiconExtensions(knowledgeDir: string): Promise<LexiconExtension[]> {
  const dir = path.join(knowledgeDir, 'lexicon');
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new Error(`lexicon: ${dir}: cannot read the folder`, { cause: error });
  }
  const extensions: LexiconExtension[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    let data: unknown;
    try {
      data = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      throw new Error(`lexicon: ${file}: not valid JSON (fix: check commas and quotes)`, { cause: error });
    }
    const result = LexiconExtensionSchema.safeParse(data);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      throw new Error(
        `lexicon: ${file}: ${issue.path.join('.') || '(top)'}: ${issue.message} (fix: use the kinds and the format of src/answering/lexicon/lexicon.json)`,
      );
    }
    extensions.push(result.data);
  }
  return extensions;
}
