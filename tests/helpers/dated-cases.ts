/**
 * Tables of phrased questions whose right answers name days or words: a day is written as an ISO date and checked in
 * the form the answer's language writes it ("3. februar 2027" / "3 February 2027"); a list of words passes when any
 * one is said. Used by the dates and decisions paraphrase tests.
 */
import { expect, it } from 'vitest';
import { renderAnswerText } from '../../src/answering/index.js';
import { shortDate } from '../../src/answering/answer-context.js';
import type { Loaded } from './answerers.js';

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
