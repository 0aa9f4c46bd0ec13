/**
 * Deputies asked about more than the relation ("can the deputy hire staff while the leader is away"),
 * asked from the deputy's side ("whose deputy is X"), and counts asked as a difference ("how many more")
 * or for "next year", in chat phrasings, on Hvidmose and on test copies of Fjordby and Bakkekær that
 * gain a deputy relation, a statement of what the deputy may not do, and a coming figure. Expected
 * texts are read from the data, never written into the test.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnswerer, renderAnswerText, type Answer, type Answerer } from '../../src/answering/index.js';
import { loadKnowledgeOrThrow } from '../../src/knowledge/load-knowledge.js';
import { createKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import type { Deputy, Role, Statement } from '../../src/knowledge/schemas.js';

const NOW = new Date('2026-11-30T09:00:00Z');
const all = (answer: Answer) => renderAnswerText(answer, { details: true });

/** A test copy of a knowledge base where `deputy` stands in for `forRole` and may not do what `power` says. */
async function withDeputy(dir: string, deputy: string, forRole: string, power: Statement): Promise<KnowledgeBase> {
  const kb = await loadKnowledgeOrThrow(dir);
  const role = kb.data.roles.find((r) => r.id === deputy)!;
  const relation: Deputy = {
    id: `${deputy}-for-${forRole}`,
    deputy,
    for: forRole,
    condition: { da: 'når lederen er fraværende', en: 'when the leader is absent' },
    text: { da: 'Stedfortræderen træder i lederens sted ved fravær.', en: 'The deputy stands in for the leader when absent.' },
    source: role.source,
  };
  const roles: Role[] = kb.data.roles.map((r) => (r.id === deputy ? { ...r, responsibilities: [...r.responsibilities, { ...power, source: role.source }] } : r));
  return createKnowledgeBase({ ...kb.data, roles, deputies: [...kb.data.deputies, relation] });
}

describe('what a deputy may do, asked with the absence (Hvidmose)', () => {
  let kb: KnowledgeBase;
  let answerer: Answerer;
  beforeAll(async () => {
    kb = await loadKnowledgeOrThrow('tests/fixtures/kb-hvidmose');
    answerer = createAnswerer(kb, { now: () => NOW });
  });

  it.each([
    ['can the souschef hire people when the husleder is off', 'en', /hire/],
    ['is the deputy leader allowed to dismiss staff while the house leader is away', 'en', /dismiss/],
    ['må souschefen ansætte folk når husleder er væk', 'da', /ansætte/],
    ['kan souschefen afskedige medarbejdere under husleders fravær', 'da', /afskedige/],
  ] as const)('%s', (q, lang, word) => {
    const deputy = kb.data.deputies.find((d) => d.for === 'hvm-husleder')!;
    const own = kb.data.roles.find((r) => r.id === deputy.deputy)!.responsibilities.find((s) => word.test(s[lang]))!;
    // The role that does it instead, as the documents say.
    const other = kb.data.roles.filter((r) => r.id !== deputy.deputy).flatMap((r) => r.responsibilities).find((s) => word.test(s[lang]) || /hires|ansætter/.test(s[lang]))!;
    const answer = answerer.answer(q);
    expect(answer.kind, all(answer)).toBe('answer');
    expect(answer.headline, q).toBe(own[lang]);
    expect(all(answer), q).toContain(other[lang]);
  });

  it('a question with nothing besides the relation is answered by the relation; "whose deputy" and "træder i stedet" too', () => {
    const deputy = kb.data.deputies.find((d) => d.for === 'hvm-boernechef')!;
    const forRole = kb.data.roles.find((r) => r.id === deputy.for)!;
    const deputyRole = kb.data.roles.find((r) => r.id === deputy.deputy)!;
    for (const q of [`whose deputy is the ${deputyRole.name}`, `hvis stedfortræder er ${deputyRole.name}en`]) {
      const answer = answerer.answer(q);
      expect(answer.kind, q).toBe('answer');
      expect(answer.headline.toLowerCase(), q).toContain(forRole.name);
    }
    const house = kb.data.deputies.find((d) => d.for === 'hvm-husleder')!;
    const answer = answerer.answer('hvornår træder souschefen i stedet');
    expect(answer.kind).toBe('answer');
    expect(answer.headline).toContain(house.condition!.da);
  });
});

describe.each([
  ['tests/fixtures/kb-other', 'fjb-paedagogisk-koordinator', 'fjb-institutionsleder',
    { da: 'Koordinatoren kan ikke godkende budgettet.', en: 'The coordinator cannot approve the budget.' },
    ['kan koordinatoren godkende budgettet når institutionslederen er væk', 'can the pedagogical coordinator approve the budget while the head of institution is on holiday'],
    ['kan koordinatoren bestille møbler når institutionslederen er væk', 'can the pedagogical coordinator order furniture while the head of institution is away']],
  ['tests/fixtures/kb-bakkekaer', 'bkk-souschef', 'bkk-boernehusleder',
    { da: 'Souschefen må ikke underskrive kontrakter.', en: 'The deputy head may not sign contracts.' },
    ['må souschefen underskrive kontrakter når børnehuslederen er syg', 'can the deputy head sign contracts when the head of children\'s house is off sick'],
    ['må souschefen bestille møbler når børnehuslederen er syg', 'can the deputy head order furniture when the head of children\'s house is off sick']],
] as const)('what a deputy may do (a test copy of %s)', (dir, deputy, forRole, power, asked, unrelated) => {
  let answerer: Answerer;
  beforeAll(async () => {
    const kb = await withDeputy(dir, deputy, forRole, { ...power, source: { doc: '', quote: '' } } as Statement);
    answerer = createAnswerer(kb, { now: () => NOW });
  });

  it.each(asked.map((q, i) => [q, i === 0 ? 'da' : 'en'] as const))('%s: the statement that holds its words leads', (q, lang) => {
    const answer = answerer.answer(q);
    expect(answer.kind, all(answer)).toBe('answer');
    expect(answer.headline, q).toBe(power[lang]);
  });

  it.each(unrelated.map((q) => [q]))('%s: no statement holds its words, so none is given as the answer', (q) => {
    const answer = answerer.answer(q);
    expect(answer.headline, q).not.toBe(power.da);
    expect(answer.headline, q).not.toBe(power.en);
  });
});

describe('counts asked as a difference, and for next year (Hvidmose)', () => {
  let kb: KnowledgeBase;
  let answerer: Answerer;
  beforeAll(async () => {
    kb = await loadKnowledgeOrThrow('tests/fixtures/kb-hvidmose');
    answerer = createAnswerer(kb, { now: () => NOW });
  });

  it.each([
    'how many more deputies will there be',
    'hvor mange flere souschefer bliver der',
    'hvor mange souschefer er der næste år',
    'how many deputy leaders next year',
  ])('%s: the figure now and the coming one', (q) => {
    const figures = kb.data.units.flatMap((u) => u.figures).filter((f) => f.metric === 'deputies');
    const answer = answerer.answer(q);
    expect(answer.kind, all(answer)).toBe('answer');
    for (const f of figures) expect(all(answer), q).toMatch(new RegExp(`(^|[^0-9])${f.value}([^0-9]|$)`));
  });

  it('"what is on the calendar next year" lists the whole next year', () => {
    const answer = answerer.answer("what's on the calendar next year");
    expect(answer.kind).toBe('answer');
    expect(answer.headline).toMatch(/from 1 January 2027 to 31 December 2027/);
  });
});

describe.each(['tests/fixtures/kb-other', 'tests/fixtures/kb-bakkekaer'])('a count with a coming change, asked as a difference (a test copy of %s)', (dir) => {
  it('"how many more" and "hvor mange flere" give both the figure now and the coming one', async () => {
    const base = await loadKnowledgeOrThrow(dir);
    const unit = base.data.units.find((u) => u.figures.some((f) => f.metric === 'children'))!;
    const now = unit.figures.find((f) => f.metric === 'children')!;
    const later = { ...now, value: now.value + 40, approximate: false, validFrom: '2027-08-01', text: { da: `${now.value + 40} børn`, en: `${now.value + 40} children` } };
    const units = base.data.units.map((u) => (u.id === unit.id ? { ...u, figures: [...u.figures.map((f) => (f === now ? { ...f, validUntil: '2027-07-31' } : f)), later] } : u));
    const answerer = createAnswerer(createKnowledgeBase({ ...base.data, units }), { now: () => NOW });
    const n = (v: number) => new RegExp(`(^|[^0-9.,])(${v}|${v.toLocaleString('da-DK').replace('.', '\\.')}|${v.toLocaleString('en-GB')})([^0-9]|$)`);
    for (const q of [`hvor mange flere børn kommer der i ${unit.name}`, `how many more children will ${unit.name} have`]) {
      const answer = answerer.answer(q);
      expect(answer.kind, `${q} -> ${all(answer)}`).toBe('answer');
      expect(all(answer), q).toMatch(n(now.value));
      expect(all(answer), q).toMatch(n(later.value));
    }
  });
});
