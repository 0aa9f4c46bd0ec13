/**
 * The engine's warm-up at bot start (src/answering/warm-up.ts): it asks a question per cue list of the lexicon about
 * the knowledge base's items, and leaves every later answer as it would have been without it.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnswerer, warmUp, warmUpInTurns, warmUpQuestions, type Answerer } from '../../src/answering/index.js';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { loadKnowledgeOrThrow } from '../../src/knowledge/load-knowledge.js';

const NOW = new Date('2026-11-24T09:00:00Z');
const BASES = ['data', 'tests/fixtures/kb-ulvedal'];

/** The working questions of a knowledge base's part of the bank. */
function bankQuestions(file: string): Array<{ text: string; lang: string }> {
  return (JSON.parse(readFileSync(file, 'utf8')) as { questions: Array<{ text: string; lang: string }> }).questions;
}

describe.each(BASES)('warm-up over %s', (dir) => {
  // Two loads of the same folder: the engine keeps some indexes per knowledge base, so each answerer has its own.
  let cold: Answerer;
  let warmed: Answerer;
  let kb: KnowledgeBase;
  beforeAll(async () => {
    kb = await loadKnowledgeOrThrow(dir);
    cold = createAnswerer(await loadKnowledgeOrThrow(dir), { now: () => NOW });
    warmed = createAnswerer(kb, { now: () => NOW });
  });

  it('asks a question in each language about the items, without the cues\' markers', () => {
    const questions = warmUpQuestions(kb);
    expect(questions.length).toBeGreaterThan(40);
    expect(questions.filter((q) => q.locale === 'da-DK').length).toBe(questions.filter((q) => q.locale === 'en-US').length);
    for (const q of questions) expect(q.text).not.toMatch(/[+^$=*]/);
    // The second half asks the first again, each with a typo.
    const half = questions.length / 2;
    expect(questions.slice(half).map((q) => q.locale)).toEqual(questions.slice(0, half).map((q) => q.locale));
    expect(questions.slice(half).filter((q, i) => q.text !== questions[i]!.text).length).toBeGreaterThan(half * 0.9);
    const firstRole = kb.data.roles[0]!;
    expect(questions.some((q) => q.text.includes(firstRole.name))).toBe(true);
  });

  it('changes no later answer', { timeout: 120_000 }, () => {
    expect(warmUp(warmed, kb)).toBe(warmUpQuestions(kb).length);
    const file = dir === 'data' ? 'tests/eval/questions/data.working.json' : `tests/eval/questions/${dir.split('/').pop()}.working.json`;
    const questions = bankQuestions(file).slice(0, 120);
    expect(questions.length).toBeGreaterThan(50);
    for (const q of questions) expect(warmed.answer(q.text, q.lang)).toEqual(cold.answer(q.text, q.lang));
  });
});

describe('warm-up in turns', () => {
  it('asks every question, one per turn of the event loop, and says how many', { timeout: 120_000 }, async () => {
    const kb = await loadKnowledgeOrThrow('data');
    const answerer = createAnswerer(kb, { now: () => NOW });
    let asked = 0;
    const counting: Answerer = { answer: (text, locale) => (asked++, answerer.answer(text, locale)) };
    // Nothing else keeps the loop turning: the warm-up must (an unreferenced immediate would wait for I/O).
    const warming = warmUpInTurns(counting, kb);
    // Another task queued now runs after the first warm-up question, before the second.
    let askedBefore = -1;
    setImmediate(() => (askedBefore = asked));
    const warmed = await warming;
    expect(askedBefore).toBe(1);
    expect(warmed.questions).toBe(warmUpQuestions(kb).length);
    expect(asked).toBe(warmed.questions);
    expect(warmed.ms).toBeGreaterThan(0);
  });

  it('stops early when told to', async () => {
    const kb = await loadKnowledgeOrThrow('data');
    const answerer = createAnswerer(kb, { now: () => NOW });
    const stop = new AbortController();
    const warming = warmUpInTurns(answerer, kb, stop.signal);
    setImmediate(() => stop.abort());
    const warmed = await warming;
    expect(warmed.questions).toBe(1);
  });
});
