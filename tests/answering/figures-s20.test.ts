/**
 * Figures asked in the ways session 20 found failing, on a small made-up knowledge base written for this test (not the
 * question bank's): two things counted apart where one figure merely says the other's word ("150 børn i dagplejen" for
 * "dagplejere og børn"); a unit whose name begins with a word that also asks for a phone number ("Ring Nord"), and that
 * word counted ("how many rings"); a figure that numbers its thing after "antallet af" / "the number of"; a sickness
 * absence stated under no metric of the schema.
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
const figure = (metric: Figure['metric'], value: number, da: string, en: string, dated: { asOf?: string; validFrom?: string } = {}): Figure => ({
  metric,
  value,
  approximate: false,
  text: { da, en },
  ...dated,
  source: source(da),
});
const unit = (id: string, name: string, labelEn: string, figures: Figure[]) => ({
  id,
  name,
  names: [],
  labelEn,
  namesEn: [],
  municipality: 'testrup',
  type: 'institution' as const,
  parent: 'testrup-dagtilbud',
  ledBy: [],
  figures,
  facts: [],
  source: source(name),
});

/** Testrup with a childminding that counts its childminders and its children, a ring, and dated and unlabelled figures. */
const KNOWLEDGE: KnowledgeFile = {
  ...TEST_KNOWLEDGE,
  municipalities: [
    {
      ...TEST_KNOWLEDGE.municipalities![0]!,
      figures: [
        figure('clusters', 3, 'Testrup har 3 ringe.', 'Testrup has 3 rings.'),
        figure('other', 6.2, 'Sygefravær blandt medarbejderne på 6,2 procent.', 'Staff sickness absence of 6.2 per cent.', { asOf: '2026-10-01' }),
      ],
    },
  ],
  units: [
    ...TEST_KNOWLEDGE.units!.map((u) =>
      u.id === 'testrup-dagtilbud'
        ? {
            ...u,
            figures: [
              figure('houses', 7, 'Pr. 1. oktober 2026 har Testrup Dagtilbud 7 legestuer.', 'As of 1 October 2026 Testrup Day Care has 7 legestuer.', { asOf: '2026-10-01' }),
              figure('houses', 6, 'Fra 1. august 2027 falder antallet af legestuer fra 7 til 6.', 'From 1 August 2027 the number of legestuer falls from 7 to 6.', { validFrom: '2027-08-01' }),
            ],
          }
        : u.id === 'testrup-solsikken'
          ? { ...u, figures: [figure('children', 80, 'Solsikken har 80 børn.', 'Solsikken has 80 children.')] }
          : u,
    ),
    { ...unit('testrup-dagplejen', 'Testrup Dagpleje', 'Testrup family day care', [
      figure('employees', 42, '42 dagplejere', '42 childminders'),
      figure('children', 150, '150 børn i dagplejen (pr. 1. november 2026)', '150 children in childminding (as of 1 November 2026)', { asOf: '2026-11-01' }),
    ]), names: ['dagplejen'], namesEn: ['childminding', 'childminders'] },
    unit('testrup-ring-nord', 'Ring Nord', 'Ring Nord', [figure('children', 90, 'Ring Nord har 90 børn.', 'Ring Nord has 90 children.')]),
  ],
};

let dir: string;
let answerer: Answerer;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'figures-s20-'));
  await writeTestKnowledge(dir, KNOWLEDGE);
  answerer = createAnswerer(await loadKnowledgeOrThrow(dir), { now: () => NOW });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
const ask = (q: string) => renderAnswerText(answerer.answer(q), { details: true });

describe('things counted apart are each answered by a figure that counts them', () => {
  it.each([
    { q: 'how many childminders and how many kids are there in testrup dagpleje', must: [/\b42 childminders\b/, /\b150 children\b/] },
    { q: 'how many childminders and how many kids are there in dagplejen', must: [/\b42 childminders\b/, /\b150 children\b/] },
    { q: 'hvor mange dagplejere og børn har testrup dagpleje', must: [/\b42 dagplejere\b/, /\b150 børn\b/] },
  ])('$q', ({ q, must }) => {
    const text = ask(q);
    for (const m of must) expect(text).toMatch(m);
  });

  it('a place after "and how many in" is where the first thing is counted again, not a thing counted', () => {
    const text = ask('hvor mange børn er der i solsikken og hvor mange i testrup dagpleje');
    expect(text).toMatch(/\b80\b/);
    expect(text).toMatch(/\b150\b/);
  });
});

describe('a word that asks for a phone number or a contact, inside a name or counted', () => {
  it.each([
    { q: 'hvor mange børn har ring nord', must: /\b90 børn\b/ },
    { q: 'how many kids does ring nord have', must: /\b90 children\b/ },
    { q: 'how many rings are there', must: /\b3 rings\b/ },
  ])('$q', ({ q, must }) => {
    expect(ask(q)).toMatch(must);
  });

  it('a phone word outside the name still asks for the phone', () => {
    expect(ask('hvad er telefonnummeret til ring nord')).not.toMatch(/\b90\b/);
  });
});

describe('"antallet af X", "the number of X": the figure counts X', () => {
  it.each([
    { q: 'hvor mange legestuer har testrup dagtilbud efter august 2027', must: /fra 7 til 6/ },
    { q: 'how many legestuer will testrup dagtilbud have after august 2027', must: /\b7 (to|til) 6\b/ },
  ])('$q', ({ q, must }) => {
    expect(ask(q)).toMatch(must);
  });
});

describe('a sickness absence stated under no metric of the schema', () => {
  it.each([
    { q: 'hvad er sygefraværet', must: /6,2 procent/ },
    { q: 'how high is sick leave', must: /6\.2 per cent/ },
  ])('$q', ({ q, must }) => {
    expect(ask(q)).toMatch(must);
  });
});
