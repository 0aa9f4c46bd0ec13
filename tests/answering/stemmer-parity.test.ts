/**
 * The engine's stemmers (nlp.js's Danish and English Snowball ports, src/answering/normalize.ts) give the same
 * stems as snowball-stemmers, the reference port it used before, for every word of every knowledge base, question
 * bank and lexicon in the repository: swapping them changed no index term and so no answer.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import snowball from 'snowball-stemmers';
import { describe, expect, it } from 'vitest';
import { stemsOf, tokenize } from '../../src/answering/normalize.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const SOURCES = ['data', 'tests/fixtures', 'tests/eval/questions', 'src/answering/lexicon', 'bench/questions.ts'];

async function textsUnder(target: string): Promise<string[]> {
  const full = path.join(ROOT, target);
  const entries = await readdir(full, { withFileTypes: true }).catch(() => undefined);
  if (!entries) return [await readFile(full, 'utf8')];
  const nested = await Promise.all(
    entries
      .filter((entry) => entry.isDirectory() || /\.(json|md|txt|ts)$/.test(entry.name))
      .map((entry) => textsUnder(path.join(target, entry.name))),
  );
  return nested.flat();
}

describe('stemmer parity', () => {
  it('gives the snowball-stemmers stems for the whole vocabulary', async () => {
    const danish = snowball.newStemmer('danish');
    const english = snowball.newStemmer('english');
    const words = new Set<string>();
    for (const source of SOURCES) for (const text of await textsUnder(source)) for (const token of tokenize(text)) words.add(token);
    expect(words.size).toBeGreaterThan(2000);
    const differing: string[] = [];
    for (const word of words) {
      if (/^\d+$/.test(word)) continue;
      const da = danish.stem(word);
      const en = english.stem(word);
      const expected = da === en ? [da] : [da, en];
      if (JSON.stringify(stemsOf(word)) !== JSON.stringify(expected)) differing.push(word);
    }
    expect(differing).toEqual([]);
  });
});
