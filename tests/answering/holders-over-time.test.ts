/**
 * Holder lookups over time (issue 17's "role holders over time"): who holds a post or leads a unit on the day asked
 * (today by the injected clock unless the question names a day), from the people's `role` and `posts` periods; a coming
 * change of holder in one line; a person's later post; the boss of a person by the post they hold on the day asked;
 * holders on leave and acting holders marked. Expected names are read from the knowledge base, not copied from answers.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnswerer, renderAnswerText, type Answerer } from '../../src/answering/index.js';
import { loadKnowledgeOrThrow } from '../../src/knowledge/load-knowledge.js';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { holdingsOf } from '../../src/knowledge/holdings.js';

const NOW = new Date('2026-11-30T09:00:00Z');
type Data = KnowledgeBase['data'];

const DIRS: Record<string, string> = {
  egs: 'tests/fixtures/kb-egeskov',
  slv: 'tests/fixtures/kb-solvang',
  hjs: 'tests/fixtures/kb-hjortsoe',
  rvs: 'tests/fixtures/kb-ravnsholt',
  lnd: 'tests/fixtures/kb-lindholt',
};

const personName = (d: Data, id: string) => d.people.find((p) => p.id === id)!.name.toLowerCase();
/** Who holds a role on a day by the data's `role`/`posts` periods (not acting), lower case. */
const holdersOn = (d: Data, role: string, day: string) =>
  d.people
    .filter((p) => holdingsOf(p).some((h) => !h.acting && h.role === role && (h.validFrom ?? '') <= day && (h.validUntil ?? '9999') >= day))
    .map((p) => p.name.toLowerCase());

interface Case {
  kb: keyof typeof DIRS;
  q: string;
  /** Every string must be in the answer (lower case). */
  has: (d: Data) => string[];
  /** No string may be in the answer. */
  not?: (d: Data) => string[];
}

const CASES: Case[] = [
  // Today's holder, and the coming one in one line (a person who moves posts: `posts`).
  { kb: 'egs', q: 'hvem er distriktsleder for distrikt engen', has: (d) => [...holdersOn(d, 'egs-distriktsleder-engen', '2026-11-30'), 'fra 1. august 2027: ' + holdersOn(d, 'egs-distriktsleder-engen', '2027-08-01')[0]!] },
  { kb: 'egs', q: 'who leads distrikt engen', has: (d) => [...holdersOn(d, 'egs-distriktsleder-engen', '2026-11-30'), 'from 1 august 2027: ' + holdersOn(d, 'egs-distriktsleder-engen', '2027-08-01')[0]!] },
  // A day named: the holder then, not today's.
  { kb: 'egs', q: 'hvem leder distrikt engen pr. 1. august 2027', has: (d) => holdersOn(d, 'egs-distriktsleder-engen', '2027-08-01'), not: (d) => holdersOn(d, 'egs-distriktsleder-engen', '2026-11-30') },
  { kb: 'egs', q: 'who is the district leader of engen in september 2027', has: (d) => holdersOn(d, 'egs-distriktsleder-engen', '2027-09-01'), not: (d) => holdersOn(d, 'egs-distriktsleder-engen', '2026-11-30') },
  { kb: 'egs', q: 'hvem bliver ny distriktsleder i engen', has: (d) => holdersOn(d, 'egs-distriktsleder-engen', '2027-08-01'), not: (d) => holdersOn(d, 'egs-distriktsleder-engen', '2026-11-30') },
  // A person's later post, in both languages.
  { kb: 'egs', q: 'who is rasmus kjeldgaard bonde', has: () => ['from 1 august 2027', 'district leader of district engen'] },
  { kb: 'egs', q: 'hvem er tilde nørbæk juhl', has: () => ['fra 1. august 2027', 'sivhuset'] },
  // The boss of a person by the post they hold on the day asked.
  { kb: 'egs', q: 'hvem refererer rasmus kjeldgaard bonde til efter 1. august 2027', has: (d) => [personName(d, 'egs-oda')] },
  { kb: 'egs', q: 'who does rasmus kjeldgaard bonde report to from september 2027', has: (d) => [personName(d, 'egs-oda')] },
  { kb: 'egs', q: 'who does rasmus kjeldgaard bonde report to', has: () => ['head of institution'], not: (d) => [personName(d, 'egs-oda')] },
  // A holder on leave, and the one acting meanwhile, marked.
  { kb: 'egs', q: 'hvem leder distrikt bakken i marts 2027', has: (d) => [`${personName(d, 'egs-henrik')} (på orlov`, personName(d, 'egs-maja')] },
  { kb: 'egs', q: 'who is the district leader of bakken in april 2027', has: (d) => [`${personName(d, 'egs-henrik')} (on leave`, personName(d, 'egs-maja')] },
  { kb: 'hjs', q: 'who does lotte brandt hjorth report to from may 2027', has: () => ['(on leave', '(acting)'] },
  { kb: 'hjs', q: 'hvem refererer dagplejeansvarlig til fra 1. juni 2027', has: () => ['(på orlov', '(konstitueret)'] },
  // Another knowledge base's coming holder (a person record that begins later).
  { kb: 'slv', q: 'hvem leder børnekreds åen', has: (d) => [...holdersOn(d, 'slv-kredsleder-aaen', '2026-11-30'), `fra 1. marts 2027: ${holdersOn(d, 'slv-kredsleder-aaen', '2027-03-01')[0]!}`] },
  // Another knowledge base that encodes `posts` and `leaves` (a retirement, a move, a leave with an acting holder).
  { kb: 'lnd', q: 'hvem er korpsleder', has: (d) => [...holdersOn(d, 'lht-korpsleder', '2026-11-30'), `fra 1. august 2027: ${holdersOn(d, 'lht-korpsleder', '2027-08-01')[0]!}`] },
  { kb: 'lnd', q: 'hvem leder støttekorpset pr. 1. september 2027', has: (d) => holdersOn(d, 'lht-korpsleder', '2027-09-01'), not: (d) => holdersOn(d, 'lht-korpsleder', '2026-11-30') },
  { kb: 'lnd', q: 'who is the universleder in kirkebyen in april 2027', has: (d) => [`${personName(d, 'lht-dorte')} (on leave`, personName(d, 'lht-sune')] },
  // A person's boss today, and the post they move to with its boss in one line (no empty line for the post that ends).
  { kb: 'lnd', q: 'hvem er bjarnes chef i dag', has: (d) => [personName(d, 'lht-ulla'), 'fra 1. august 2027: korpslederen refererer til sektionschefen'], not: () => ['refererer til .'] },
  { kb: 'lnd', q: 'who does bjarne holst sørup report to', has: () => ['from 1 august 2027: the head of the support corps'] },
  // No change written down: no coming line.
  { kb: 'rvs', q: 'hvem er sektorchef', has: (d) => holdersOn(d, 'rvs-sektorchef', '2026-11-30'), not: () => ['fra 1.'] },
];

const answerers = new Map<string, { kb: KnowledgeBase; answerer: Answerer }>();
beforeAll(async () => {
  for (const key of new Set(CASES.map((c) => c.kb))) {
    const kb = await loadKnowledgeOrThrow(DIRS[key]!);
    answerers.set(key, { kb, answerer: createAnswerer(kb, { now: () => NOW }) });
  }
});

describe('holders over time', () => {
  for (const c of CASES) {
    it(`[${c.kb}] ${c.q}`, () => {
      const { kb, answerer } = answerers.get(c.kb)!;
      const answer = answerer.answer(c.q);
      const text = renderAnswerText(answer).toLowerCase();
      expect(answer.kind).toBe('answer');
      for (const s of c.has(kb.data)) expect(text, text).toContain(s);
      for (const s of c.not?.(kb.data) ?? []) expect(text, text).not.toContain(s);
    });
  }
});
