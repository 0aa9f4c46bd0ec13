/**
 * Tables of phrased questions whose right answers name days or words: a day is written as an ISO date and checked in
 * the form the answer's language writes it ("3. februar 2027" / "3 February 2027"); a list of words passes when any
 * one is said. Used by the dates and decisions paraphrase tests.
 */
import { beforeAll, expect, it } from 'vitest';
import { renderAnswerText } from '../../src/answering/index.js';
import { shortDate } from '../../src/answering/answer-context.js';
import { loadAnswerers, type Loaded } from './answerers.js';

/** A day (ISO, written as the answer's language writes it) or any of some words. */
export type Said = string | readonly string[];
export type DatedCase = readonly [dir: string, question: string, lang: 'da' | 'en', must: readonly Said[], not?: readonly Said[]];

const ISO = /^\d{4}-\d{2}-\d{2}$/;

export function saysDated(text: string, said: Said, lang: 'da' | 'en'): boolean {
  const options = typeof said === 'string' ? [said] : said;
  return options.some((o) => (ISO.test(o) ? text.includes(shortDate(o, lang)) : text.toLowerCase().includes(o.toLowerCase())));
}

/** One test per case: an answer (not "I don't know") that says every `must` and no `not`, in its headline or its whole text. */
export function checkDatedCases(loaded: () => ReadonlyMap<string, Loaded>, cases: readonly DatedCase[], where: 'headline' | 'text' = 'text'): void {
  for (const [dir, question, lang, must, not = []] of cases) {
    it(`${dir.replace('tests/fixtures/', '')}: ${question}`, () => {
      const answer = loaded().get(dir)!.answerer.answer(question);
      const text = where === 'headline' ? answer.headline : renderAnswerText(answer, { details: true });
      expect(answer.kind, `${question}\n${renderAnswerText(answer)}`).toBe('answer');
      for (const m of must) expect(saysDated(text, m, lang), `${question}: says ${String(m)}\n${text}`).toBe(true);
      for (const n of not) expect(saysDated(text, n, lang), `${question}: must not say ${String(n)}\n${text}`).toBe(false);
    });
  }
}

/** The knowledge bases the dated tables ask: the seed and the made-up municipalities' fixtures. */
export const HVM = 'tests/fixtures/kb-hvidmose';
export const LHT = 'tests/fixtures/kb-lindholt';
export const HJS = 'tests/fixtures/kb-hjortsoe';
export const RVS = 'tests/fixtures/kb-ravnsholt';
export const SLV = 'tests/fixtures/kb-solvang';
export const UVD = 'tests/fixtures/kb-ulvedal';
export const HBJ = 'tests/fixtures/kb-havbjerg';
export const EGS = 'tests/fixtures/kb-egeskov';
export const BRK = 'tests/fixtures/kb-brinkeby';
export const BKK = 'tests/fixtures/kb-bakkekaer';
export const FJB = 'tests/fixtures/kb-other';
export const SEED = 'data';

/**
 * Loads every dated-table knowledge base once, before the calling file's tests, on the day the tables are written for;
 * returns the answerers (filled in by then) and the table check over them.
 */
export function useDatedBases(now = new Date('2026-11-30T09:00:00Z')): {
  readonly answererFor: (dir: string) => Loaded['answerer'];
  readonly check: (cases: readonly DatedCase[], where?: 'headline' | 'text') => void;
} {
  let loaded = new Map<string, Loaded>();
  beforeAll(async () => {
    loaded = await loadAnswerers([HVM, LHT, HJS, RVS, SLV, UVD, HBJ, EGS, BRK, BKK, FJB, SEED], now);
  });
  return {
    answererFor: (dir) => loaded.get(dir)!.answerer,
    check: (cases, where = 'text') => checkDatedCases(() => loaded, cases, where),
  };
}
