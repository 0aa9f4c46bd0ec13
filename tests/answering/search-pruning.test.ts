/**
 * The general search's shortcuts (issue 11.6, speed) give exactly what the whole ranking gives: scoring with a lowest
 * coverage is the whole list filtered by it (the same facts, numbers and order; unordered, the same facts in the order
 * the sort keeps among equals), and "does a fact of this sort reach the coverage" agrees with looking through the
 * whole list. Checked with the working questions of four knowledge bases
 * and some phrasings written here, over the whole index and over one municipality's part of it.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { buildFacts, type FactRecord } from '../../src/answering/facts.js';
import { loadLexicon } from '../../src/answering/lexicon/lexicon.js';
import { analyzeText, foldText } from '../../src/answering/normalize.js';
import { byCoverage, createSearchIndex, type SearchIndex } from '../../src/answering/search.js';
import { loadKnowledgeOrThrow } from '../../src/knowledge/load-knowledge.js';
import { KB_DIRS } from '../helpers/answerers.js';

const lexicon = loadLexicon();
const OWN = [
  'hvornår er ansøgningsfristen for stillingen',
  'when is the application deadline for the head of day care job',
  'how often do the leaders meet',
  'hvad er den pædagogiske plan',
  'who leads the staff unit in Ballerup',
  'hvor mange børn går i dagtilbud',
  'dagtilbudschef kompetenceprofil erfaring',
];

const SORTS: ReadonlyArray<readonly [string, (fact: FactRecord) => boolean]> = [
  ['dated', (fact) => fact.kind === 'date'],
  ['digits', (fact) => /\d/.test(fact.text.en)],
  ['any', () => true],
  ['none', () => false],
];

async function questionsOf(bankFile: string): Promise<string[]> {
  const { questions } = JSON.parse(await readFile(new URL(`../eval/questions/${bankFile}`, import.meta.url), 'utf8')) as { questions: Array<{ text: string }> };
  return [...OWN, ...questions.map((q) => q.text)];
}

function check(index: SearchIndex, texts: readonly string[], minCoverage: number): number {
  let reached = 0;
  for (const text of texts) {
    const query = index.queryTerms(analyzeText(foldText(text)));
    const whole = index.score(query);
    const above = whole.filter((s) => s.coverage >= minCoverage);
    expect(index.score(query, undefined, undefined, minCoverage)).toEqual(above);
    // Unordered: the same facts in the order found, which `score`'s (stable) sort keeps among equals.
    expect(index.scoreUnordered(query, minCoverage).sort(byCoverage)).toEqual(above);
    expect(index.scoreUnordered(query, 0, 'date').sort(byCoverage)).toEqual(index.score(query, undefined, 'date'));
    for (const [key, accept] of SORTS) {
      const expected = query.length > 0 && above.some((s) => accept(s.fact));
      expect(index.reaches(query, minCoverage, `${key} ${minCoverage}`, accept), `${key}: ${text}`).toBe(expected);
      if (expected) reached++;
    }
  }
  return reached;
}

describe('search shortcuts', () => {
  it.each([
    ['data', 'data.working.json'],
    ['tests/fixtures/kb-other', 'kb-other.working.json'],
    ['tests/fixtures/kb-hvidmose', 'kb-hvidmose.working.json'],
    ['tests/fixtures/kb-lindholt', 'kb-lindholt.working.json'],
  ] as const)('agree with the whole ranking on %s', async (dir, bankFile) => {
    expect(Object.values(KB_DIRS)).toContain(dir);
    const kb = await loadKnowledgeOrThrow(dir);
    const index = createSearchIndex(buildFacts(kb), lexicon.synonyms);
    const texts = await questionsOf(bankFile);
    // Both outcomes occur, so the check can fail either way.
    expect(check(index, texts, 0.6)).toBeGreaterThan(0);
    check(index, texts.slice(0, 80), 0.3);
    // One municipality's part of the index (the answerer's scope for a question naming it).
    const municipality = kb.data.municipalities[0]!.id;
    const positions = index.facts.flatMap((fact, i) => (kb.documents.get(fact.source.doc)?.municipality === municipality ? [i] : []));
    check(index.restrictTo(positions), texts.slice(0, 80), 0.6);
  }, 120_000);
});
