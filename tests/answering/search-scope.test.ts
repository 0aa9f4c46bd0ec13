/**
 * A restricted search index (the answerer's scope for a question that names a municipality) gives exactly what the
 * whole index gives for the facts it keeps: the same facts, numbers and order. The restricted index visits only the
 * postings inside its runs of positions (found by binary search) when a word's postings are many (issue 11.6, speed),
 * so scopes of a few long runs (that path) and of many short ones (a plain scan) are both checked, on three knowledge
 * bases, with phrasings written here.
 */
import { describe, expect, it } from 'vitest';
import { buildFacts } from '../../src/answering/facts.js';
import { loadLexicon } from '../../src/answering/lexicon/lexicon.js';
import { analyzeText, foldText } from '../../src/answering/normalize.js';
import { createSearchIndex, type SearchIndex } from '../../src/answering/search.js';
import { loadKnowledgeOrThrow } from '../../src/knowledge/load-knowledge.js';

const lexicon = loadLexicon();
const TEXTS = [
  'hvem er leder af dagtilbud',
  'what does the head of day care do',
  'hvornår er fristen for ansøgning til stillingen',
  'who leads the houses and the children',
  'hvilke opgaver har lederen i børnehuset',
  'møder for ledere og medarbejdere i kommunen',
  'the leaders meet every month with the staff',
];

/** Scopes over `count` facts: a few long runs, many short ones, one fact, none, and every fact. */
function scopesOf(count: number): Array<readonly [string, number[]]> {
  const all = Array.from({ length: count }, (_, i) => i);
  return [
    ['two long runs', all.filter((i) => (i >= 10 && i < count / 3) || (i >= count / 2 && i < (5 * count) / 6))],
    ['a run at each end', all.filter((i) => i < 40 || i >= count - 40)],
    ['every third fact', all.filter((i) => i % 3 === 0)],
    ['blocks of five', all.filter((i) => Math.floor(i / 5) % 4 === 1)],
    ['one fact', [Math.floor(count / 2)]],
    ['none', []],
    ['every fact', all],
  ];
}

function checkScope(index: SearchIndex, positions: readonly number[]): number {
  const scoped = index.restrictTo(positions);
  const kept = new Set(positions.map((i) => index.facts[i]!));
  expect(scoped.facts).toEqual(index.facts.filter((fact) => kept.has(fact)));
  let found = 0;
  for (const text of TEXTS) {
    const query = index.queryTerms(analyzeText(foldText(text)));
    const whole = index.score(query).filter((s) => kept.has(s.fact));
    expect(scoped.score(query), text).toEqual(whole);
    expect(scoped.score(query, undefined, undefined, 0.5), text).toEqual(whole.filter((s) => s.coverage >= 0.5));
    expect(scoped.score(query, undefined, 'date'), text).toEqual(index.score(query, undefined, 'date').filter((s) => kept.has(s.fact)));
    expect(new Set(scoped.scoreUnordered(query, 0.4).map((s) => s.fact)), text).toEqual(new Set(whole.filter((s) => s.coverage >= 0.4).map((s) => s.fact)));
    const expected = whole.some((s) => s.coverage >= 0.5 && /\d/.test(s.fact.text.en));
    expect(scoped.reaches(query, 0.5, 'digits', (fact) => /\d/.test(fact.text.en)), text).toBe(expected);
    // A scope of a scope keeps what both keep.
    const inner = positions.filter((_, k) => k % 2 === 0);
    const innerKept = new Set(inner.map((i) => index.facts[i]!));
    expect(scoped.restrictTo([...inner, ...index.facts.keys()].slice(0, inner.length + 50)).score(query), text).toEqual(
      index.score(query).filter((s) => kept.has(s.fact) && (innerKept.has(s.fact) || index.facts.indexOf(s.fact) < 50)),
    );
    found += whole.length;
  }
  return found;
}

describe('a restricted search index', () => {
  it.each(['data', 'tests/fixtures/kb-other', 'tests/fixtures/kb-hvidmose'])('gives what the whole index gives for its facts on %s', async (dir) => {
    const kb = await loadKnowledgeOrThrow(dir);
    const index = createSearchIndex(buildFacts(kb), lexicon.synonyms);
    let found = 0;
    for (const [name, positions] of scopesOf(index.facts.length)) {
      expect(positions.every((i) => i < index.facts.length), name).toBe(true);
      found += checkScope(index, positions);
    }
    // The questions find facts, so the comparisons can fail.
    expect(found).toBeGreaterThan(0);
  }, 120_000);
});
