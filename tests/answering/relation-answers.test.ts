/**
 * The relations of whichever knowledge base is loaded, asked about in both directions and both
 * languages, with the answer-first shape checked on every reply. The questions are built from the
 * data, so a new knowledge base is tested the same way without new cases.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnswerer, renderAnswerText, type Answer, type Answerer } from '../../src/answering/index.js';
import { loadKnowledgeOrThrow } from '../../src/knowledge/load-knowledge.js';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { chainAbove } from '../helpers/chain-above.js';
import { buildRelations, type Relations } from '../../src/answering/relations.js';

const NOW = new Date('2026-11-24T09:00:00Z');
const all = (answer: Answer) => renderAnswerText(answer, { details: true }).toLowerCase();
const shown = (answer: Answer) => [answer.headline, ...answer.sections.flatMap((s) => [s.title, ...s.lines])].join('\n').toLowerCase();

function expectShort(answer: Answer, q: string): void {
  expect(answer.headline.length, `${q}: headline too long`).toBeLessThanOrEqual(250);
  expect(answer.sections.flatMap((s) => s.lines).length, `${q}: more than five lines`).toBeLessThanOrEqual(5);
  expect(answer.details, q).toBeDefined();
  for (const source of answer.sources) expect(source.title, q).not.toMatch(/\.txt$/);
}

describe.each([
  { name: 'seed', dir: 'data' },
  { name: 'Fjordby', dir: 'tests/fixtures/kb-other' },
  { name: 'Bakkekær', dir: 'tests/fixtures/kb-bakkekaer' },
  { name: 'Hvidmose', dir: 'tests/fixtures/kb-hvidmose' },
])('relations of the $name knowledge base', ({ dir }) => {
  let kb: KnowledgeBase;
  let answerer: Answerer;
  let relations: Relations;
  const ask = (q: string) => {
    const answer = answerer.answer(q);
    expectShort(answer, q);
    return answer;
  };
  /** A name and where: "klyngeleder i Høje-Taastrup Kommune". */
  const where = (id: string, lang: 'da' | 'en') => {
    const entry = kb.get(id);
    const m = entry && 'municipality' in entry.item && entry.item.municipality ? kb.get(entry.item.municipality) : undefined;
    return m && 'name' in m.item ? (lang === 'da' ? ` i ${m.item.name}` : ` in ${m.item.name}`) : '';
  };
  const named = (id: string) => kb.get(id)?.item as { name: string; labelEn: string };
  beforeAll(async () => {
    kb = await loadKnowledgeOrThrow(dir);
    answerer = createAnswerer(kb, { now: () => NOW });
    relations = buildRelations(kb);
  });

  it('names everyone who reports to a role, in Danish and English', () => {
    for (const role of kb.data.roles) {
      const below = relations.down(role.id);
      if (below.length === 0) continue;
      for (const q of [`Hvem refererer til ${role.name}${where(role.id, 'da')}?`, `Who reports to the ${role.labelEn}${where(role.id, 'en')}?`]) {
        const text = all(ask(q));
        for (const edge of below) expect(text, `${q} -> ${edge.from}`).toContain(named(edge.from).name.toLowerCase());
      }
    }
  });

  it('gives the whole line above a role, step by step up to the top', () => {
    for (const role of kb.data.roles) {
      const steps = chainAbove(relations, role.id);
      if (steps.length < 2) continue;
      for (const q of [`Vis hele ledelseskæden over ${role.name}${where(role.id, 'da')} helt op til toppen`, `Show the whole chain of command above the ${role.labelEn}${where(role.id, 'en')}`]) {
        const text = all(ask(q));
        for (const step of steps) expect(text, `${q} -> ${step}`).toContain(named(step).name.toLowerCase());
      }
    }
  });

  it('lists the members of every group and the participants of every meeting', () => {
    const groups = [...kb.data.leadershipGroups.map((g) => g.id), ...kb.data.meetings.map((m) => m.id)];
    for (const id of groups) {
      const members = relations.members(id);
      if (members.length === 0) continue;
      const { name, labelEn } = named(id);
      for (const q of [`Hvem deltager i ${name}?`, `Who are the members of ${labelEn}?`]) {
        const text = all(ask(q));
        for (const m of members) expect(text, `${q} -> ${m.ref}`).toContain(named(m.ref).name.toLowerCase());
      }
    }
  });

  it('names every contact of every posting', () => {
    for (const posting of kb.data.postings) {
      const people = relations.contacts(posting.id);
      if (people.length === 0) continue;
      for (const q of [`Hvem kan jeg kontakte om ${posting.name}?`, `Who can tell me more about ${posting.labelEn}?`]) {
        const text = all(ask(q));
        for (const p of people) expect(text, `${q} -> ${p.id}`).toContain(p.name.toLowerCase());
      }
    }
  });

  it('names the leaders of every unit that has them', () => {
    for (const unit of kb.data.units.filter((u) => u.ledBy.length > 0)) {
      for (const q of [`Hvem leder ${unit.name}${where(unit.id, 'da')}?`, `Who runs ${unit.labelEn}${where(unit.id, 'en')}?`]) {
        const text = all(ask(q));
        expect(text, q).toMatch(new RegExp(unit.ledBy.map((id) => named(id).name.toLowerCase().replace(/[()]/g, '.')).join('|')));
      }
    }
  });

  it('answers for a person through the role they hold', () => {
    for (const person of kb.data.people.filter((p) => p.role && relations.down(p.role).length > 0)) {
      const q = `Hvem har ${person.name} personaleansvar for?`;
      const text = all(ask(q));
      for (const edge of relations.down(person.role!)) expect(text, q).toContain(named(edge.from).name.toLowerCase());
    }
  });

  it('says what it does not know about a person, and gives nothing else as the answer', () => {
    for (const person of kb.data.people) {
      const answer = ask(`What is ${person.name}'s salary?`);
      expect(answer.kind).toBe('unknown');
      expect(answer.headline).toContain(person.name);
      expect(answer.headline.toLowerCase()).toContain('salary');
      if (!person.email) {
        const mail = ask(`Hvad er ${person.name}s e-mail?`);
        expect(mail.kind).toBe('unknown');
        expect(mail.headline).toContain(person.name);
      }
    }
  });

  it.each([
    ['hej', 'da'],
    ['Hej med dig', 'da'],
    ['tak', 'da'],
    ['tusind tak for hjælpen', 'da'],
    ['hello', 'en'],
    ['thanks!', 'en'],
    ['/status', undefined],
    ['ok', undefined],
  ] as const)('does not answer "%s" with knowledge', (q, lang) => {
    const answer = answerer.answer(q);
    expect(answer.kind).toBe('smalltalk');
    expect(answer.sources).toEqual([]);
    expect(answer.sections).toEqual([]);
    if (lang) expect(answer.lang).toBe(lang);
  });

  it('answers an English question with Danish names in English', () => {
    const person = kb.data.people.find((p) => /[æøå]/i.test(p.name)) ?? kb.data.people[0]!;
    const unit = kb.data.units.find((u) => /[æøå]/i.test(u.name) && u.ledBy.length > 0);
    expect(answerer.answer(`Who is ${person.name}?`, 'da-DK').lang).toBe('en');
    if (unit) expect(answerer.answer(`Who leads ${unit.name}?`, 'da-DK').lang).toBe('en');
  });

  it('does not answer questions the documents cannot answer with a fact', () => {
    for (const q of ['Who is the mayor?', 'Hvad er vejret i morgen?', 'What is the price of coffee?', 'Hvem vandt fodboldkampen i går?']) {
      const answer = answerer.answer(q);
      expect(answer.kind, `${q}: ${shown(answer)}`).toBe('unknown');
    }
  });
});
