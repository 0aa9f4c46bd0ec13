/**
 * Deputies asked in the right direction: "who stands in for X" is answered only by relations where X is the one
 * stood in for (a post that only stands in for someone else has no deputy named, and that is said), "whom does X
 * stand in for" by relations where X is the deputy; and a post described by the kind of place and "lederen"
 * ("lederen af et stort børnehus") reaches the general post whose one-word name joins them ("børnehusleder").
 * Hvidmose, Havbjerg, Ravnsholt, Bakkekær and Fjordby (kb-other); expected names are read from the data.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnswerer, renderAnswerText, type Answerer } from '../../src/answering/index.js';
import { loadKnowledgeOrThrow } from '../../src/knowledge/load-knowledge.js';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';

const NOW = new Date('2026-11-30T09:00:00Z');

interface Kb {
  kb: KnowledgeBase;
  answerer: Answerer;
}
async function open(dir: string): Promise<Kb> {
  const kb = await loadKnowledgeOrThrow(dir);
  return { kb, answerer: createAnswerer(kb, { now: () => NOW }) };
}
const roleName = (k: Kb, id: string) => k.kb.data.roles.find((r) => r.id === id)!.name;
/** A post that stands in for another and has no deputy of its own. */
function deputyOnly(k: Kb, id: string): { principal: string } {
  expect(k.kb.data.deputies.some((d) => d.for === id)).toBe(false);
  const relation = k.kb.data.deputies.find((d) => d.deputy === id);
  expect(relation).toBeDefined();
  return { principal: relation!.for };
}

describe('who stands in for a post that itself only stands in for another', () => {
  const cases: Array<{ dir: string; id: string; questions: string[] }> = [
    {
      dir: 'tests/fixtures/kb-hvidmose',
      id: 'hvm-udviklingschef',
      questions: [
        'hvem er stedfortræder for udviklingschefen',
        'hvem træder til når udviklingschefen er på ferie',
        'hvem dækker for udviklingschefen ved fravær?',
        'who is the deputy for the head of development',
        'who covers for the head of development when she is on holiday?',
      ],
    },
    { dir: 'tests/fixtures/kb-havbjerg', id: 'hbj-enhedschef-midtby', questions: ['hvem er stedfortræder for enhedschefen for Enhed Midtby', 'hvem overtager når enhedschefen for Enhed Midtby er syg'] },
    { dir: 'tests/fixtures/kb-ravnsholt', id: 'rvs-faellesleder-torvet', questions: ['hvem er stedfortræder for fællesleder for Fællesledelse Torvet', 'hvem træder i stedet for fællesleder for Fællesledelse Torvet når hun er på ferie'] },
  ];
  for (const c of cases) {
    describe(c.dir, () => {
      let k: Kb;
      beforeAll(async () => {
        k = await open(c.dir);
      });
      for (const q of c.questions) {
        it(q, () => {
          const { principal } = deputyOnly(k, c.id);
          const answer = k.answerer.answer(q);
          // Never told as the deputy of the post it stands in for.
          expect(answer.kind).toBe('unknown');
          expect(answer.headline).toMatch(/nævner ikke nogen stedfortræder|do not mention a deputy/);
          // What it stands in for may follow, worded as the other direction.
          const text = renderAnswerText(answer);
          if (text.includes(roleName(k, principal))) expect(text).toMatch(/selv stedfortræder for|itself the deputy for/);
        });
      }
    });
  }
});

describe('a post named before the question\'s "who" is context, not the post asked about (Hvidmose)', () => {
  it.each(['udviklingschefen er på kursus i dag - hvem tager så over for lederen?', 'the head of development is away, so who covers for the boss?'])('%s', async (q) => {
    const k = await open('tests/fixtures/kb-hvidmose');
    const answer = k.answerer.answer(q);
    expect(renderAnswerText(answer)).not.toMatch(/(stedfortræder for|deputy for the) (udviklingschef|head of development)/);
  });
});

describe('whom a post stands in for, asked from the deputy side (the relation is told)', () => {
  const cases: Array<{ dir: string; id: string; questions: string[] }> = [
    { dir: 'tests/fixtures/kb-hvidmose', id: 'hvm-udviklingschef', questions: ['hvem er udviklingschefen stedfortræder for', 'whom does the head of development stand in for?', 'who is the head of development the stand-in for'] },
    { dir: 'tests/fixtures/kb-havbjerg', id: 'hbj-enhedschef-midtby', questions: ['hvem er enhedschefen for Enhed Midtby stedfortræder for?'] },
    { dir: 'tests/fixtures/kb-ravnsholt', id: 'rvs-faellesleder-torvet', questions: ['hvem er fællesleder for Fællesledelse Torvet stedfortræder for'] },
  ];
  for (const c of cases) {
    describe(c.dir, () => {
      let k: Kb;
      beforeAll(async () => {
        k = await open(c.dir);
      });
      for (const q of c.questions) {
        it(q, () => {
          const { principal } = deputyOnly(k, c.id);
          const answer = k.answerer.answer(q);
          expect(answer.kind).toBe('answer');
          const lang = /[æøå]|hvem/.test(q) ? 'da' : 'en';
          const name = lang === 'da' ? roleName(k, principal) : roleName(k, principal);
          expect(renderAnswerText(answer).toLowerCase()).toContain(name.toLowerCase());
          expect(answer.headline).toMatch(/stedfortræder for|stands in for/);
        });
      }
    });
  }
});

describe('a post described by the kind of place and "lederen" (Bakkekær, Fjordby)', () => {
  const cases: Array<{ dir: string; deputy: string; questions: string[] }> = [
    {
      dir: 'tests/fixtures/kb-bakkekaer',
      deputy: 'bkk-souschef',
      questions: ['hvem tager over i et stort børnehus når lederen holder ferie', 'hvem træder til når lederen af børnehuset er syg?', 'hvem overtager i børnehusene, når lederen er på kursus'],
    },
    {
      dir: 'tests/fixtures/kb-other',
      deputy: 'fjb-paedagogisk-koordinator',
      questions: ['hvem tager over i en stor institution når lederen er på ferie', 'hvem træder til hvis lederen af institutionen er syg'],
    },
  ];
  for (const c of cases) {
    describe(c.dir, () => {
      let k: Kb;
      beforeAll(async () => {
        k = await open(c.dir);
      });
      for (const q of c.questions) {
        it(q, () => {
          const relation = k.kb.data.deputies.find((d) => d.deputy === c.deputy)!;
          const answer = k.answerer.answer(q);
          expect(answer.kind).toBe('answer');
          expect(answer.headline.toLowerCase()).toContain(roleName(k, relation.deputy).toLowerCase());
          expect(answer.headline.toLowerCase()).toContain(roleName(k, relation.for).toLowerCase());
        });
      }
    });
  }

  it('the leader alone, without the kind of place, is not taken for that post', async () => {
    const k = await open('tests/fixtures/kb-bakkekaer');
    const relation = k.kb.data.deputies.find((d) => d.deputy === 'bkk-souschef')!;
    const answer = k.answerer.answer('hvem tager over når lederen holder ferie');
    expect(answer.headline.toLowerCase()).not.toContain(`${roleName(k, relation.deputy).toLowerCase()} er stedfortræder for ${roleName(k, relation.for).toLowerCase()}`);
  });
});
