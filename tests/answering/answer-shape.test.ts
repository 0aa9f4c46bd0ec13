/**
 * The shape of every answer (issue 11, "answer first, short"): a short headline, at most five supporting
 * lines, no line that repeats the headline, and the source's wording behind "Show more" only when it
 * says something the reply does not already say.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { composeAnswer, HEADLINE_MAX, MAX_SUPPORT_LINES } from '../../src/answering/answer-context.js';
import { createAnswerer, type Answer, type Answerer } from '../../src/answering/index.js';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { loadKnowledgeOrThrow } from '../../src/knowledge/load-knowledge.js';

const NOW = new Date('2026-03-10T09:00:00Z');
const words = (text: string) => new Set((text.toLocaleLowerCase('da').match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length >= 3 || /\p{N}/u.test(w)));
const quotesIn = (answer: Answer) => (answer.details ?? []).filter((line) => line.startsWith('»'));
const shownText = (answer: Answer) =>
  [answer.headline, ...answer.sections.flatMap((s) => [s.title, ...s.lines]), ...(answer.details ?? []).filter((line) => !line.startsWith('»'))].join(' ');

describe('composeAnswer', () => {
  let kb: KnowledgeBase;
  let doc: string;
  beforeAll(async () => {
    kb = await loadKnowledgeOrThrow('tests/fixtures/kb-other');
    doc = [...kb.documents.keys()][0]!;
  });

  it('leaves out a quote whose every word the reply already says, and keeps it on the source', () => {
    const quote = 'Ledelsesforum mødes en gang om måneden.';
    const answer = composeAnswer(kb, 'da', { kind: 'answer', headline: 'Ledelsesforum mødes en gang om måneden.', groups: [], sources: [{ doc, quote }] });
    expect(quotesIn(answer)).toEqual([]);
    expect(answer.sources).toEqual([expect.objectContaining({ doc, quote })]);
  });

  it('keeps a quote that says more than the reply (a word, a number, another language)', () => {
    const quote = 'Ledelsesforum mødes en gang om måneden, dog ikke i juli.';
    const da = composeAnswer(kb, 'da', { kind: 'answer', headline: 'Ledelsesforum mødes en gang om måneden.', groups: [], sources: [{ doc, quote }] });
    expect(quotesIn(da)).toEqual([`»${quote}«`]);
    const en = composeAnswer(kb, 'en', { kind: 'answer', headline: 'The leadership forum meets once a month.', groups: [], sources: [{ doc, quote: 'Ledelsesforum mødes en gang om måneden.' }] });
    expect(quotesIn(en)).toEqual(['»Ledelsesforum mødes en gang om måneden.«']);
  });

  it('shows at most five supporting lines and moves the rest behind "show more"', () => {
    const lines = Array.from({ length: 8 }, (_, i) => `Linje nummer ${i + 1}.`);
    const answer = composeAnswer(kb, 'da', { kind: 'answer', headline: 'Svaret.', groups: [{ title: '', lines: ['Svaret.', ...lines] }], sources: [{ doc, quote: 'Linje' }] });
    expect(answer.sections.flatMap((s) => s.lines)).toEqual(lines.slice(0, MAX_SUPPORT_LINES));
    expect(answer.details).toEqual(expect.arrayContaining(lines.slice(MAX_SUPPORT_LINES)));
  });
});

// Questions of my own, of several kinds, on knowledge bases with different vocabularies.
const QUESTIONS: Record<string, readonly string[]> = {
  data: ['hvem refererer klyngelederen til', 'hvor mange klynger er der i høje-taastrup', 'what does the consultant team do'],
  'tests/fixtures/kb-other': ['hvem er områdeleder for område nord', 'hvornår mødes ledelsesforum', 'who can I contact about the institution leader post'],
  'tests/fixtures/kb-bakkekaer': ['hvem leder område vest', 'hvad er småbørns-med', 'when is the second interview for the children’s house post'],
  'tests/fixtures/kb-hvidmose': ['hvem refererer souschefen til', 'hvornår holdes mus for souschefer', 'what did the committee decide about districts'],
};

describe.each(Object.entries(QUESTIONS))('answers on %s', (dir, questions) => {
  let answerer: Answerer;
  beforeAll(async () => {
    answerer = createAnswerer(await loadKnowledgeOrThrow(dir), { now: () => NOW });
  });

  it.each(questions)('"%s": answer first and short, no quote that only repeats the reply', (question) => {
    const answer = answerer.answer(question);
    expect(answer.headline.length).toBeLessThanOrEqual(HEADLINE_MAX);
    expect(answer.sections.flatMap((s) => s.lines).length).toBeLessThanOrEqual(MAX_SUPPORT_LINES);
    expect(answer.sections.flatMap((s) => s.lines)).not.toContain(answer.headline);
    const said = words(shownText(answer));
    for (const quote of quotesIn(answer)) expect([...words(quote)].some((w) => !said.has(w)), quote).toBe(true);
  });
});

describe('the whole line above someone', () => {
  it.each([
    { dir: 'tests/fixtures/kb-bakkekaer', da: 'hele linjen op over dagplejepædagogen', en: 'the whole chain above the dagplejepædagog, step by step' },
    { dir: 'tests/fixtures/kb-other', da: 'hvad er hele linjen over udviklingskonsulenten', en: 'the whole line above the development consultant up to the top' },
  ])('in Danish is the path alone; in English the steps give the English names ($dir)', async ({ dir, da, en }) => {
    const answerer = createAnswerer(await loadKnowledgeOrThrow(dir), { now: () => NOW });
    const danish = answerer.answer(da);
    expect(danish.headline).toMatch(/→.*→/);
    expect(danish.sections.flatMap((s) => s.lines).filter((line) => /refererer til/.test(line))).toEqual([]);
    const english = answerer.answer(en);
    expect(english.headline).toMatch(/→.*→/);
    expect(english.sections.flatMap((s) => s.lines).filter((line) => /reports to/.test(line)).length).toBeGreaterThan(1);
  });
});

describe('English names with their own article', () => {
  it('never say "the the"', async () => {
    const kb = await loadKnowledgeOrThrow('tests/fixtures/kb-other');
    const doc = [...kb.documents.keys()][0]!;
    const answer = composeAnswer(kb, 'en', {
      kind: 'answer',
      headline: 'The tasks of the the day-care leadership team include:',
      groups: [{ title: '', lines: ['It reports to the the director.'] }],
      sources: [{ doc, quote: 'x' }],
    });
    expect(answer.headline).toBe('The tasks of the day-care leadership team include:');
    expect(answer.sections[0]!.lines).toEqual(['It reports to the director.']);
    // Danish has no such article: the text is left as it is.
    expect(composeAnswer(kb, 'da', { kind: 'answer', headline: 'the the', groups: [], sources: [] }).headline).toBe('the the');
  });
});
