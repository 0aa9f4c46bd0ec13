/**
 * Figures asked in the ways session 19 found failing, on a small made-up knowledge base written for this test (not the
 * question bank's): a number that lives in a post's own statements or its posting's (hours, an allowance) rather than in
 * a figure; a word counted by a metric that no figure of the knowledge base states, counted by the figures' own words
 * instead; two things counted in one question, joined by "og"/"and", that no one figure says together.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnswerer, renderAnswerText, type Answerer } from '../../src/answering/index.js';
import { loadKnowledgeOrThrow } from '../../src/knowledge/load-knowledge.js';
import type { Figure, KnowledgeFile } from '../../src/knowledge/schemas.js';
import { TEST_KNOWLEDGE, writeTestKnowledge } from '../helpers/test-knowledge.js';

const NOW = new Date('2026-11-30T09:00:00Z');
const source = (quote: string) => ({ doc: TEST_KNOWLEDGE.documents![0]!.id, quote });
const statement = (da: string, en: string) => ({ da, en, source: source(da) });
const figure = (metric: Figure['metric'], value: number, da: string, en: string, asOf?: string): Figure => ({
  metric,
  value,
  approximate: false,
  text: { da, en },
  ...(asOf ? { asOf } : {}),
  source: source(da),
});

/** Testrup with a post whose hours and pay are said only in its statements and its posting, and units with two figures each. */
const KNOWLEDGE: KnowledgeFile = {
  ...TEST_KNOWLEDGE,
  // (Counted as "institutions", with the word the lexicon lists for "facilities": no figure here states that metric.)
  municipalities: [{ ...TEST_KNOWLEDGE.municipalities![0]!, figures: [figure('institutions', 12, 'Testrup Kommune har 12 dagtilbud.', 'Testrup Municipality has 12 day-care facilities.', '2026-10-01')] }],
  units: TEST_KNOWLEDGE.units!.map((unit) =>
    unit.id === 'testrup-dagtilbud'
      ? { ...unit, figures: [figure('children', 640, 'Testrup Dagtilbud har ca. 640 børn.', 'Testrup Day Care has about 640 children.', '2026-10-01'), figure('houses', 7, 'Testrup Dagtilbud har 7 børnehuse.', "Testrup Day Care has 7 children's houses.")] }
      : unit.id === 'testrup-solsikken'
        ? { ...unit, figures: [figure('children', 80, 'Solsikken har 80 børn.', 'Solsikken has 80 children.'), figure('employees', 14, 'Solsikken har 14 medarbejdere.', 'Solsikken has 14 staff.')] }
        : unit,
  ),
  roles: [
    ...TEST_KNOWLEDGE.roles!,
    {
      id: 'testrup-koordinator',
      name: 'Faglig koordinator',
      names: ['faglige koordinator', 'koordinator'],
      labelEn: 'professional coordinator',
      namesEn: [],
      municipality: 'testrup',
      unit: 'testrup-solsikken',
      reportsTo: ['testrup-paedagogisk-leder'],
      responsibilities: [statement('Evalueringen fra 2024 viste forældrenes tilfredshed, og at koordinatorerne bruger ca. 35 procent af tiden på drift.', 'The 2024 evaluation showed parents were satisfied and that the coordinators spend about 35 per cent of their time on operations.')],
      competences: [],
      education: [],
      conditions: [
        statement(
          'Arbejder mindst 15 timer om ugen i børnegrupperne og får et funktionstillæg på 21.000 kr. om året.',
          'Works at least 15 hours a week in the groups of children and receives a function allowance of DKK 21,000 a year.',
        ),
      ],
      source: source('Faglig koordinator'),
    },
  ],
  postings: [
    ...TEST_KNOWLEDGE.postings!,
    {
      id: 'testrup-opslag-koordinator',
      name: 'Faglig koordinator til Solsikken',
      names: [],
      labelEn: 'professional coordinator for Solsikken',
      namesEn: [],
      municipality: 'testrup',
      role: 'testrup-koordinator',
      unit: 'testrup-solsikken',
      requirements: [],
      offers: [],
      conditions: [statement('Stillingen er på 32 timer om ugen.', 'The post is 32 hours a week.')],
      contacts: [],
      source: source('Faglig koordinator til Solsikken'),
    },
  ],
};

let dir: string;
let answerer: Answerer;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'figures-s19-'));
  await writeTestKnowledge(dir, KNOWLEDGE);
  answerer = createAnswerer(await loadKnowledgeOrThrow(dir), { now: () => NOW });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
const ask = (q: string) => renderAnswerText(answerer.answer(q));

describe('a number in a post\'s own statements, or its posting\'s', () => {
  it.each([
    // The word counted ("timer") and every other word asked ("børnegrupperne") said by one statement of the post.
    { q: 'hvor mange timer om ugen skal den faglige koordinator være i børnegrupperne', must: /\b15 timer\b/, not: /\b32\b/ },
    { q: 'how many hours a week is the koordinator in the groups of children', must: /\b15 hours\b/, not: /\b32\b/ },
    // A size asked of a word the statement measures, right before its number.
    { q: 'hvor stort er funktionstillægget for en faglig koordinator', must: /21[.,]000/ },
    { q: 'how big is the allowance for a koordinator', must: /21[.,]000/ },
    // The hours of the post are said only in its posting (at the unit named).
    { q: 'hvor mange timer er koordinator stillingen i solsikken', must: /\b32 timer\b/ },
  ])('$q', ({ q, must, not }) => {
    const text = ask(q);
    expect(text).toMatch(must);
    if (not) expect(text).not.toMatch(not);
  });

  it('a year in a statement counts nothing, and a post counted is no number in its own statements', () => {
    // ("fra 2024 viste forældrenes": the year is right before the word counted.)
    expect(ask('hvor mange forældre har den faglige koordinator')).not.toMatch(/^Faglig koordinator: Evalueringen/);
    expect(ask('hvor mange koordinatorer har solsikken')).not.toMatch(/^Faglig koordinator: Evalueringen/);
    expect(ask('hvor mange koordinatorer er der i alt')).not.toMatch(/^Faglig koordinator: Evalueringen/);
  });

  it('a word asked that the statement does not say is no number of it', () => {
    expect(ask('hvor mange timer om ugen holder koordinatoren ferie')).not.toMatch(/\b15 timer\b|\b32 timer\b/);
  });
});

describe('two things counted, joined by "og"/"and", that no one figure says', () => {
  it.each([
    { q: 'hvor mange børn og hvor mange børnehuse er der i testrup dagtilbud', must: [/\b640\b/, /\b7 børnehuse\b/] },
    { q: 'kids in solsikken and how many staff', must: [/\b80 children\b/, /\b14 staff\b/] },
  ])('$q', ({ q, must }) => {
    const text = ask(q);
    for (const m of must) expect(text).toMatch(m);
  });

  it('a second thing that no figure counts brings in no other figure', () => {
    const text = ask('hvor mange børn og hvor mange pædagoger er der i solsikken');
    expect(text).not.toMatch(/\b14\b/);
  });
});

describe('a metric that no figure states: the word is counted by the figures\' own text', () => {
  it.each([
    { q: 'hvor mange dagtilbud har kommunen', must: /\b12 dagtilbud\b/ },
    { q: 'hvor mange dagtilbud er der i kommunen pr 1 oktober 2026', must: /\b12 dagtilbud\b/ },
  ])('$q', ({ q, must }) => {
    expect(ask(q)).toMatch(must);
  });
});
