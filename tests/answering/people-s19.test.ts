/**
 * Session 19, people and bodies, on a small made-up Testrup of this test's own:
 * - "which forum does X lead": asked which meetings, a cue for whom someone leads asks which meetings the post leads;
 *   no meeting names a chair, so the post's own duties that name a meeting it takes part in say it. Whom the post
 *   leads is still the reporting answer when no meeting is asked.
 * - "whom do I contact about the pay in the job": the posting's contacts, not the pay itself.
 * - "how many applicants are there for the job": a count is answered only by a posting term that says the thing
 *   counted ("37 hours a week" for "how many hours"), otherwise not by the terms at all.
 * - "when does X join the leadership team": the first (or last) day of the post's membership, where it carries one.
 * - "what leadership teams is X on": a body's name right after a word that asks which names the kind asked for, not a
 *   body named: the post's groups answer, not that body's members.
 * - "hvem er chef i Solsikken", "who's the boss at Solsikken": a word for whoever leads, beside a unit, asks who leads
 *   the unit (its leader and the person in the post), not whom that leader reports to; "whose boss" of a person stays.
 * - "who chairs the staff meeting": the chairing post and the person who holds it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnswerer, renderAnswerText, type Answerer } from '../../src/answering/index.js';
import { loadKnowledgeOrThrow } from '../../src/knowledge/load-knowledge.js';
import type { KnowledgeFile } from '../../src/knowledge/schemas.js';
import { TEST_KNOWLEDGE, writeTestKnowledge } from '../helpers/test-knowledge.js';

const NOW = new Date('2026-11-30T09:00:00Z');
const source = (quote: string) => ({ doc: TEST_KNOWLEDGE.documents![0]!.id, quote });
const postingSource = (quote: string) => ({ doc: TEST_KNOWLEDGE.documents![1]!.id, quote });
const [chief, leader] = TEST_KNOWLEDGE.roles! as [NonNullable<KnowledgeFile['roles']>[number], NonNullable<KnowledgeFile['roles']>[number]];
const posting = TEST_KNOWLEDGE.postings![0]!;

/** Testrup with a leaders' network the head of day care leads by a duty (no chair named), and a posting's terms and contacts. */
const PEOPLE: KnowledgeFile = {
  ...TEST_KNOWLEDGE,
  roles: [
    {
      ...chief,
      responsibilities: [
        { da: 'Leder Ledernetværket.', en: 'Leads the leaders’ network.', source: source('leder Ledernetværket') },
        { da: 'Har det overordnede ansvar for økonomien.', en: 'Has overall responsibility for the budget.', source: source('det overordnede ansvar') },
      ],
    },
    leader,
  ],
  meetings: [
    {
      id: 'testrup-ledernetvaerk',
      name: 'Ledernetværket',
      names: ['Ledernetværk'],
      labelEn: 'leaders’ network',
      namesEn: ['leaders network'],
      municipality: 'testrup',
      participants: ['testrup-dagtilbudschef', 'testrup-paedagogisk-leder'],
      asNeeded: false,
      source: source('Ledernetværket samler dagtilbudschefen og de pædagogiske ledere'),
    },
    {
      id: 'testrup-budgetmoede',
      name: 'Budgetmødet',
      names: ['budgetmøde'],
      labelEn: 'budget meeting',
      namesEn: [],
      municipality: 'testrup',
      participants: ['testrup-dagtilbudschef'],
      asNeeded: false,
      source: source('Budgetmødet holdes to gange om året'),
    },
    {
      id: 'testrup-personalemoede',
      name: 'Personalemødet i Solsikken',
      names: ['personalemødet'],
      labelEn: 'staff meeting at Solsikken',
      namesEn: ['staff meeting'],
      municipality: 'testrup',
      participants: ['testrup-paedagogisk-leder'],
      chair: 'testrup-paedagogisk-leder',
      asNeeded: false,
      source: source('Personalemødet ledes af den pædagogiske leder'),
    },
  ],
  leadershipGroups: [
    {
      id: 'testrup-ledelsen',
      name: 'Dagtilbudsledelsen',
      names: ['dagtilbudsledelsen', 'ledergruppen'],
      labelEn: 'day-care leadership team',
      namesEn: ['leadership team'],
      municipality: 'testrup',
      members: [{ ref: 'testrup-dagtilbudschef' }, { ref: 'testrup-paedagogisk-leder', validFrom: '2027-02-01' }],
      responsibilities: [],
      source: source('Fra 1. februar 2027 er den pædagogiske leder med i Dagtilbudsledelsen'),
    },
  ],
  people: [
    {
      id: 'testrup-lise',
      name: 'Lise Ledersen',
      title: { da: 'pædagogisk leder, Solsikken', en: 'pedagogical leader, Solsikken' },
      role: 'testrup-paedagogisk-leder',
      municipality: 'testrup',
      contactFor: [],
      source: postingSource('pædagogisk leder Lise Ledersen'),
    },
    {
      id: 'testrup-hanne',
      name: 'Hanne Testesen',
      title: { da: 'dagtilbudschef', en: 'head of day care' },
      role: 'testrup-dagtilbudschef',
      municipality: 'testrup',
      phone: '11 22 33 44',
      contactFor: ['testrup-opslag-solsikken'],
      source: postingSource('dagtilbudschef Hanne Testesen på tlf. 11 22 33 44'),
    },
    {
      id: 'testrup-per',
      name: 'Per Personalesen',
      title: { da: 'HR-partner', en: 'HR partner' },
      municipality: 'testrup',
      phone: '55 66 77 88',
      contactFor: ['testrup-opslag-solsikken'],
      source: postingSource('Spørgsmål om løn kan rettes til HR-partner Per Personalesen på tlf. 55 66 77 88'),
    },
  ],
  postings: [
    {
      ...posting,
      names: ['stillingen', 'jobbet'],
      namesEn: ['the job'],
      conditions: [
        { da: '37 timer om ugen.', en: '37 hours a week.', source: postingSource('37 timer om ugen') },
        { da: 'Løn efter overenskomst.', en: 'Pay under the collective agreement.', source: postingSource('Løn efter overenskomst') },
      ],
      contacts: ['testrup-hanne', 'testrup-per'],
    },
  ],
};

describe('people and bodies (made-up Testrup, session 19)', () => {
  let dir: string;
  let answerer: Answerer;
  const ask = (q: string, lang: 'da' | 'en') => {
    const answer = answerer.answer(q, lang);
    return { kind: answer.kind, text: renderAnswerText(answer, { details: true }).toLowerCase() };
  };
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'people-s19-'));
    await writeTestKnowledge(dir, PEOPLE);
    answerer = createAnswerer(await loadKnowledgeOrThrow(dir), { now: () => NOW });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each([
    ['which forum does hanne testesen lead', 'en'],
    ['which meetings does the head of day care chair', 'en'],
  ] as const)('the meeting a post leads by its duties: %s', (q, lang) => {
    const { kind, text } = ask(q, lang);
    expect(kind).toBe('answer');
    expect(text).toContain('leaders’ network');
    // Only the duty that names a meeting it takes part in; the budget meeting has no duty that leads it.
    expect(text).not.toContain('budget meeting');
    expect(text).not.toContain('overall responsibility');
  });

  it('whom a post leads is still its staff when no meeting is asked', () => {
    const { text } = ask('which staff does hanne testesen lead', 'en');
    expect(text).toContain('pedagogical leader');
    expect(text).not.toContain('leaders’ network');
  });

  it.each([
    ['hvem skal jeg kontakte om løn i stillingen', 'da'],
    ['who do i ask about the pay for the job', 'en'],
  ] as const)('a contact about a posting term is a person, not the term: %s', (q, lang) => {
    const { text } = ask(q, lang);
    expect(text).toContain('per personalesen');
    expect(text).not.toContain(lang === 'da' ? 'løn efter overenskomst' : 'collective agreement');
  });

  it.each([
    ['how many applicants are there for the job', 'en'],
    ['hvor mange ansøgere er der til stillingen', 'da'],
  ] as const)('a count the posting does not state is not answered by its terms: %s', (q, lang) => {
    const { text } = ask(q, lang);
    expect(text).not.toMatch(/\b37\b/);
    expect(text).not.toContain(lang === 'da' ? 'overenskomst' : 'agreement');
  });

  it('a count a posting term states is answered by that term', () => {
    const { text } = ask('how many hours a week is the pedagogical leader job at solsikken', 'en');
    expect(text).toMatch(/\b37\b/);
    expect(text).not.toContain('agreement');
  });

  it.each([
    ['hvornår kommer den pædagogiske leder med i dagtilbudsledelsen', 'da', '1. februar 2027'],
    ['when does the pedagogical leader join the leadership team', 'en', '1 february 2027'],
  ] as const)('when a post joins a group: %s', (q, lang, day) => {
    const { kind, text } = ask(q, lang);
    expect(kind).toBe('answer');
    expect(text).toContain(day);
  });

  it('a member without dates is not answered with a day of joining', () => {
    const { text } = ask('hvornår kommer dagtilbudschefen med i dagtilbudsledelsen', 'da');
    expect(text).not.toContain('1. februar 2027');
  });

  it.each([
    ['what leadership teams is the head of day care on', 'en', 'is a member of day-care leadership team'],
    ['hvilke ledergrupper er dagtilbudschefen med i', 'da', 'er med i dagtilbudsledelsen'],
  ] as const)('the groups a post is in, asked with a body name: %s', (q, lang, said) => {
    const { text } = ask(q, lang);
    expect(text.split('\n')[0]).toContain(said);
  });

  it.each([
    ['hvem er chef i solsikken', 'da'],
    ['whos the boss at solsikken', 'en'],
  ] as const)('the boss at a unit is the one who leads it: %s', (q, lang) => {
    const { text } = ask(q, lang);
    expect(text.split('\n')[0]).toContain('lise ledersen');
    expect(text).not.toContain('hanne testesen');
  });

  it('the boss of a person is still whom they report to', () => {
    const { text } = ask('hvem er lise ledersens chef', 'da');
    expect(text).toContain('hanne testesen');
  });

  it('the chair of a meeting is named with the person in the post', () => {
    const { text } = ask('hvem leder personalemødet', 'da');
    expect(text.split('\n')[0]).toContain('lise ledersen');
  });
});
