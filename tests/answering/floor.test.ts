/**
 * The answer floor (src/answering/floor.ts): every answer, structured or ranked, must account for
 * the question's content words. Questions are built from each knowledge base's own items; the words
 * that stand for what the documents do not hold are checked to be absent from the data first.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnswerer, renderAnswerText, type Answer, type Answerer } from '../../src/answering/index.js';
import { loadKnowledgeOrThrow } from '../../src/knowledge/load-knowledge.js';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { formatDate } from '../../src/time/format-date.js';

const NOW = new Date('2026-11-30T09:00:00Z');
const text = (answer: Answer) => renderAnswerText(answer, { details: true }).toLowerCase();
/** Any figure, date or fact would be a wrong answer: only "I don't know" or the partly-known form passes. */
const refuses = (answer: Answer) => answer.kind === 'unknown' && answer.sources.length === 0;

/** Every text of the knowledge base (items and documents), lower case, to check a word is absent. */
function corpus(kb: KnowledgeBase): string {
  return JSON.stringify(kb.data).toLowerCase();
}

/** A made-up place name: checked to occur nowhere in the knowledge base. */
const TOWNS = ['Sandvigstrup', 'Nørre Ulvkær', 'Gribsholt'];

const BASES = [
  { dir: 'data', lang: 'da' as const },
  { dir: 'tests/fixtures/kb-other', lang: 'da' as const },
  { dir: 'tests/fixtures/kb-bakkekaer', lang: 'en' as const },
  { dir: 'tests/fixtures/kb-hvidmose', lang: 'en' as const },
];

describe.each(BASES)('the floor on $dir', ({ dir }) => {
  let kb: KnowledgeBase;
  let answerer: Answerer;
  let all: string;
  beforeAll(async () => {
    kb = await loadKnowledgeOrThrow(dir);
    answerer = createAnswerer(kb, { now: () => NOW });
    all = corpus(kb);
  });

  /** Units with a children figure: the known side of an unknown-town question. */
  const unitsWithChildren = () => kb.data.units.filter((u) => u.figures.some((f) => f.metric === 'children'));

  it('(a) a town the knowledge base does not know gets no figure or fact from a known one', () => {
    for (const town of TOWNS) {
      expect(all).not.toContain(town.toLowerCase());
      for (const question of [`Hvor mange børn går i dagtilbud i ${town}?`, `how many children are in day care in ${town}`, `hvem er leder af dagtilbuddene i ${town}`]) {
        const answer = answerer.answer(question);
        expect(refuses(answer), `${question} -> ${text(answer)}`).toBe(true);
      }
    }
  });

  it('(a) the same question about a unit the knowledge base knows still answers', () => {
    const unit = unitsWithChildren()[0];
    if (!unit) return;
    const answer = answerer.answer(`Hvor mange børn er der i ${unit.name}?`);
    expect(answer.kind, text(answer)).toBe('answer');
  });

  it('(a)/(b) a known item asked about in an unknown place gets the partly-known form naming both', () => {
    const unit = unitsWithChildren()[0];
    if (!unit) return;
    const town = TOWNS[0]!;
    const answer = answerer.answer(`how many children are there in ${unit.labelEn} in ${town}`);
    expect(refuses(answer), text(answer)).toBe(true);
    expect(answer.headline).toContain(town);
    expect(answer.headline).toMatch(/do not mention/);
  });

  it('a mistyped function word ("teh", "hvme") is no unknown thing', () => {
    const person = kb.data.people.find((p) => answerer.answer(`who is the boss of ${p.name}`).kind === 'answer');
    if (!person) return;
    const plain = answerer.answer(`who is the boss of ${person.name}`);
    expect(answerer.answer(`who is teh boss of ${person.name}`).headline).toBe(plain.headline);
  });

  it('(b) an attribute the knowledge base does not hold for an item it knows is not answered with another fact', () => {
    const attributes = [
      { da: 'åbningstiderne', en: 'opening hours', absent: ['åbningstid', 'opening hour'] },
      { da: 'tillidsrepræsentanten', en: 'union representative', absent: ['tillidsrepræsentant', 'union rep'] },
      { da: 'parkeringsforholdene', en: 'parking arrangements', absent: ['parkering', 'parking'] },
    ].filter((a) => a.absent.every((word) => !all.includes(word)));
    const units = kb.data.units.slice(0, 6);
    expect(units.length).toBeGreaterThan(0);
    expect(attributes.length).toBeGreaterThanOrEqual(2);
    for (const attribute of attributes) {
      for (const unit of units) {
        for (const question of [`hvad er ${attribute.da} i ${unit.name}`, `what are the ${attribute.en} of ${unit.labelEn ?? unit.name}`]) {
          const answer = answerer.answer(question);
          expect(refuses(answer), `${question} -> ${text(answer)}`).toBe(true);
        }
      }
    }
  });

  it('(b) a kind of date the knowledge base has no word for gets no other date of the item', () => {
    expect(all).not.toContain('juletræsfest');
    expect(all).not.toContain('christmas party');
    for (const posting of kb.data.postings.slice(0, 4)) {
      const answer = answerer.answer(`when is the christmas party of ${posting.labelEn}`);
      expect(refuses(answer), text(answer)).toBe(true);
      expect(answer.headline).not.toMatch(/\d{4}/);
    }
  });

  it('(c) a ranked answer that shares only one word with the question is refused', () => {
    // One word the knowledge base knows (its most common municipality word) among words it does not.
    for (const word of ['parkeringsreglerne', 'ladestandere', 'kantineordningen', 'snerydning']) expect(all).not.toContain(word);
    for (const question of ['hvad siger parkeringsreglerne om ladestandere i dagtilbud', 'hvordan er kantineordningen og snerydning for ledere']) {
      const answer = answerer.answer(question);
      expect(refuses(answer), `${question} -> ${text(answer)}`).toBe(true);
    }
  });

  it('everyday chat words ("lige", "please", "egentlig") change nothing', () => {
    const unit = kb.data.units.find((u) => answerer.answer(`hvem leder ${u.name}`).kind === 'answer');
    if (!unit) return;
    const plain = answerer.answer(`hvem leder ${unit.name}`);
    for (const question of [`hvem leder egentlig lige ${unit.name}`, `please, hvem leder ${unit.name}`]) {
      expect(answerer.answer(question).headline, question).toBe(plain.headline);
    }
  });
});

describe('everyday period words ("next month", "denne måned")', () => {
  it('lists the dates of the whole month the phrase names, relative to today', async () => {
    const kb = await loadKnowledgeOrThrow('tests/fixtures/kb-bakkekaer');
    const deadline = kb.data.dates.find((d) => d.kind === 'application-deadline');
    expect(deadline).toBeDefined();
    const [year, month] = deadline!.date.split('-').map(Number) as [number, number];
    const inMonth = new Date(Date.UTC(year, month - 1, 1, 9));
    const monthBefore = new Date(Date.UTC(month === 1 ? year - 1 : year, month === 1 ? 11 : month - 2, 1, 9));
    const day = (lang: 'da' | 'en') => formatDate(deadline!.date, lang).replace(/^\S+ (den )?/, '').toLowerCase();
    const now = createAnswerer(kb, { now: () => inMonth });
    expect(text(now.answer('hvilke frister er der denne måned'))).toContain(day('da'));
    expect(text(now.answer('any deadlines this month'))).toContain(day('en'));
    const before = createAnswerer(kb, { now: () => monthBefore });
    expect(text(before.answer('hvad sker der i næste måned'))).toContain(day('da'));
    expect(text(before.answer("what's on next month"))).toContain(day('en'));
    // Today's month has no such deadline: it is not listed for "this month".
    expect(text(before.answer('any deadlines this month'))).not.toContain(day('en'));
  });
});
