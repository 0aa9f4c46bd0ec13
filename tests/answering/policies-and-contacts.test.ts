/**
 * Policies and contacts asked in everyday words, in both languages, on several knowledge bases: who owns a
 * policy, when it runs to, which of a kind applies, and whom to ring about a posting.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnswerer, renderAnswerText, type Answerer } from '../../src/answering/index.js';
import { loadKnowledgeOrThrow } from '../../src/knowledge/load-knowledge.js';

const NOW = new Date('2026-11-24T09:00:00Z');
const answerers = new Map<string, Answerer>();
async function answererFor(dir: string): Promise<Answerer> {
  let answerer = answerers.get(dir);
  if (!answerer) {
    answerer = createAnswerer(await loadKnowledgeOrThrow(dir), { now: () => NOW });
    answerers.set(dir, answerer);
  }
  return answerer;
}

const FJORDBY = 'tests/fixtures/kb-other';
const BAKKEKAER = 'tests/fixtures/kb-bakkekaer';
const SEED = 'data';

describe('policies asked in everyday words', () => {
  beforeAll(async () => {
    await Promise.all([FJORDBY, BAKKEKAER, SEED].map(answererFor));
  });

  it.each([
    { dir: FJORDBY, q: 'hvem ejer sprogpolitikken?', want: /center for dagtilbud/i },
    { dir: FJORDBY, q: 'who owns the language policy for day care?', want: /centre for day care/i },
    { dir: BAKKEKAER, q: 'hvem ejer politikken for tidlig indsats?', want: /småbørnsafdelingen/i },
    { dir: SEED, q: 'who owns the MED agreement?', want: /children and youth administration/i },
    { dir: SEED, q: 'who owns the children and youth policy in Høje-Taastrup?', want: /høje-taastrup municipality/i },
    { dir: SEED, q: 'who owns the children and youth policy in Ballerup?', want: /ballerup municipality/i },
  ])('$q names the owner ($dir)', async ({ dir, q, want }) => {
    const answer = (await answererFor(dir)).answer(q);
    expect(answer.kind, q).toBe('answer');
    expect(answer.headline, q).toMatch(want);
  });

  it.each([
    { dir: FJORDBY, q: 'when does the learning strategy run to?', want: '2025-2028' },
    { dir: FJORDBY, q: 'hvornår udløber læringsstrategien?', want: '2025-2028' },
    { dir: FJORDBY, q: 'when does the learning strategy expire?', want: '2025-2028' },
    { dir: BAKKEKAER, q: 'when does the early intervention policy run to?', want: '2026-2029' },
    { dir: SEED, q: 'how long does the children and youth policy in Høje-Taastrup run?', want: '2025-2028' },
  ])('$q gives the period ($dir)', async ({ dir, q, want }) => {
    const answer = (await answererFor(dir)).answer(q);
    expect(answer.kind, q).toBe('answer');
    expect(answer.headline, q).toContain(want);
  });

  it.each([
    { dir: FJORDBY, q: 'which laws apply to day care?' },
    { dir: FJORDBY, q: 'hvilke love gælder for dagtilbud?' },
    { dir: SEED, q: 'which law applies to day care?' },
    { dir: SEED, q: 'hvilken lov gælder for dagtilbud?' },
  ])('$q names the Day Care Act first ($dir)', async ({ dir, q }) => {
    const answer = (await answererFor(dir)).answer(q);
    expect(answer.kind, q).toBe('answer');
    expect(answer.headline, q).toMatch(/dagtilbudsloven/i);
    expect(answer.headline, q).not.toMatch(/sprogpolitik|kompetenceprofil/i);
  });

  it('a policy whose owner the data does not give is not given one', async () => {
    const answer = (await answererFor(SEED)).answer('hvem ejer dagtilbudsloven?');
    expect(answer.kind).not.toBe('answer');
  });

  it('"apply for the job" still asks what an application needs', async () => {
    const answer = (await answererFor(FJORDBY)).answer('how do I apply for the Mågen job, what must I attach?');
    expect(answer.kind).toBe('answer');
    expect(renderAnswerText(answer)).not.toMatch(/dagtilbudsloven/i);
  });
});

describe('contacts asked in everyday words', () => {
  it.each([
    { dir: FJORDBY, q: 'who can I ring about the Mågen job?', want: /Mette Kjærgaard Holm/ },
    { dir: FJORDBY, q: 'hvem kan jeg ringe til om stillingen i Mågen?', want: /Mette Kjærgaard Holm/ },
    { dir: FJORDBY, q: 'kontaktperson på stillingen i Ålekisten', want: /Sofie Brønd/ },
    { dir: FJORDBY, q: 'contact person for the coordinator post at Ålekisten?', want: /Jens Ærø Dahl/ },
    { dir: BAKKEKAER, q: 'who do I ask about the børnehusleder job?', want: /Birgitte Lundsgaard Friis/ },
    { dir: SEED, q: 'hvem kan jeg ringe til om stillingen som leder af staben?', want: /Tanja Steffe Nøhr/ },
  ])('$q names the contact ($dir)', async ({ dir, q, want }) => {
    const answer = (await answererFor(dir)).answer(q);
    expect(answer.kind, q).toBe('answer');
    expect(answer.headline, q).toMatch(want);
  });
});

describe("a posting's terms asked with words of their own", () => {
  it.each([
    { dir: SEED, q: 'hvad kræves før ansættelse i stabslederstillingen', want: /referencer/i },
    { dir: SEED, q: 'what is required before employment in the staff leader post?', want: /references/i },
    { dir: FJORDBY, q: 'what is required before employment at Mågen?', want: /criminal record/i },
    { dir: FJORDBY, q: 'hvad kræves før ansættelse i Mågen-stillingen?', want: /straffeattest/i },
  ])('$q puts the terms that use those words first ($dir)', async ({ dir, q, want }) => {
    const answer = (await answererFor(dir)).answer(q);
    expect(answer.kind, q).toBe('answer');
    const first = [answer.headline, ...answer.sections.flatMap((s) => s.lines)].slice(0, 2).join('\n');
    expect(first, q).toMatch(want);
  });
});

describe('what a policy aims at', () => {
  it.each([
    { q: 'what does the inclusion strategy aim at?', want: /inclusion strategy/i },
    { q: 'what is the aim of the language strategy?', want: /language strategy/i },
    { q: 'hvad er målet med sprogstrategien?', want: /sprogstrategi/i },
    { q: 'hvad handler sprogstrategien om?', want: /sprogstrategi/i },
  ])('$q answers from that policy', async ({ q, want }) => {
    const answer = (await answererFor(SEED)).answer(q);
    expect(answer.kind, q).toBe('answer');
    expect(answer.headline, q).toMatch(want);
    expect(answer.headline, q).not.toMatch(/børne- og ungdomsforvaltningen|kids/i);
  });
});

it('what a policy says about a topic is left to the search for that topic', async () => {
  const answer = (await answererFor(FJORDBY)).answer('hvad siger læringsstrategien om sprog');
  expect(renderAnswerText(answer)).toMatch(/alderssvarende/i);
});

describe('contacts of a role without a posting', () => {
  it.each([
    { q: 'hvem kan jeg ringe til om souschef-funktionen?' },
    { q: 'who can I ring about the deputy leader role?' },
    { q: 'kontaktperson for souschefen?' },
  ])('$q names the person whose contactFor names the role', async ({ q }) => {
    const answer = (await answererFor('tests/fixtures/kb-hvidmose')).answer(q);
    expect(answer.kind, q).toBe('answer');
    expect(answer.headline, q).toMatch(/Rikke Damgaard Lund/);
  });
});
