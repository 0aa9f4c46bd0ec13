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
import { createQueries } from '../../src/knowledge/queries.js';

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

  it.each([
    'who is in charge of the house when the husleder is away',
    'hvem har ansvaret i huset når husleder er fraværende',
    'hvem tager over når husleder er på kursus',
    'who takes over when the house leader is on a course',
    'when does the souschef step in',
  ])('%s: words the relation itself says are answered by the relation', (q) => {
    const deputy = kb.data.deputies.find((d) => d.for === 'hvm-husleder')!;
    const answer = answerer.answer(q);
    expect(answer.kind, all(answer)).toBe('answer');
    expect(answer.headline, q).toContain(deputy.condition![answer.lang]);
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

/**
 * A test copy whose centre states a count of its own words (metric `other`: "vuggestuepladser", "nursery
 * places") today and from a coming day, a children count on two days, and a facilities count that a merger
 * changes: each asked as of a day, a year's edge, after the change, or set against last year.
 */
describe.each(['tests/fixtures/kb-other', 'tests/fixtures/kb-bakkekaer'])('dated counts of a knowledge base\'s own words (a test copy of %s)', (dir) => {
  let answerer: Answerer;
  let unitName: string;
  const n = (v: number) => new RegExp(`(^|[^0-9.,])(${v}|${v.toLocaleString('da-DK').replace('.', '\\.')}|${v.toLocaleString('en-GB')})([^0-9]|$)`);
  const PLACES_NOW = 120;
  const PLACES_LATER = 140;
  const CHILDREN_BEFORE = 1000;
  let childrenNow: number;
  let facilitiesNow: number;
  let facilitiesMetric: string;
  const FACILITIES_LATER = 7;
  beforeAll(async () => {
    const base = await loadKnowledgeOrThrow(dir);
    // The top unit that states a children count and a count of houses or facilities.
    const unit = base.data.units.find((u) => u.figures.some((f) => f.metric === 'children') && u.figures.some((f) => f.metric === 'facilities' || f.metric === 'houses'))!;
    unitName = unit.name;
    const source = unit.source;
    childrenNow = unit.figures.find((f) => f.metric === 'children')!.value;
    const facilities = unit.figures.find((f) => f.metric === 'facilities' || f.metric === 'houses')!;
    facilitiesNow = facilities.value;
    facilitiesMetric = facilities.metric;
    const figures = [
      ...unit.figures.map((f) => (f.metric === 'children' ? { ...f, asOf: '2026-01-01' } : f === facilities ? { ...f, asOf: '2026-01-01', validUntil: '2026-12-31' } : f)),
      { metric: 'children' as const, value: CHILDREN_BEFORE, approximate: false, asOf: '2025-01-01', text: { da: `${CHILDREN_BEFORE} børn`, en: `${CHILDREN_BEFORE} children` }, source },
      { ...facilities, value: FACILITIES_LATER, validFrom: '2027-01-01', asOf: undefined, validUntil: undefined, text: { da: facilities.text.da.replace(String(facilities.value), String(FACILITIES_LATER)), en: facilities.text.en.replace(String(facilities.value), String(FACILITIES_LATER)) } },
      { metric: 'other' as const, value: PLACES_NOW, approximate: false, asOf: '2026-01-01', validUntil: '2026-12-31', text: { da: `${PLACES_NOW} vuggestuepladser`, en: `${PLACES_NOW} nursery places` }, source },
      { metric: 'other' as const, value: PLACES_LATER, approximate: false, validFrom: '2027-01-01', text: { da: `${PLACES_LATER} vuggestuepladser`, en: `${PLACES_LATER} nursery places` }, source },
    ];
    const units = base.data.units.map((u) => (u.id === unit.id ? { ...u, figures } : u));
    answerer = createAnswerer(createKnowledgeBase({ ...base.data, units }), { now: () => NOW });
  });

  /** [question, numbers the headline must give, numbers it must not give, numbers the answer must give anywhere] */
  const cases = (): Array<[string, number[], number[], number[]]> => [
    ['hvor mange vuggestuepladser er der i dag', [PLACES_NOW], [PLACES_LATER], []],
    ['hvor mange vuggestuepladser kommer der næste år', [PLACES_LATER], [PLACES_NOW], []],
    ['how many nursery places will there be from january 2027', [PLACES_LATER], [PLACES_NOW], []],
    ['how many nursery places are there now and after the change', [PLACES_NOW], [], [PLACES_LATER]],
    ['hvor mange flere vuggestuepladser kommer der', [PLACES_NOW], [], [PLACES_LATER]],
    [`how many children were there in ${unitName} at the beginning of 2025`, [CHILDREN_BEFORE], [childrenNow], []],
    [`hvor mange børn var der i ${unitName} ved udgangen af 2025`, [CHILDREN_BEFORE], [childrenNow], []],
    [`er der flere børn end sidste år i ${unitName}`, [CHILDREN_BEFORE, childrenNow], [], []],
    [`how many kids in ${unitName} this year vs last year`, [CHILDREN_BEFORE, childrenNow], [], []],
  ];

  it('each count is the one stated for the time asked', () => {
    for (const [q, shown, hidden, anywhere] of cases()) {
      const answer = answerer.answer(q);
      expect(answer.kind, `${q} -> ${all(answer)}`).toBe('answer');
      for (const v of shown) expect(answer.headline, q).toMatch(n(v));
      for (const v of hidden) expect(answer.headline, q).not.toMatch(n(v));
      for (const v of anywhere) expect(all(answer), q).toMatch(n(v));
    }
  });

  it('after a merger, the coming count; "day-care facilities" with a hyphen is the facilities count', () => {
    const [da, en] = facilitiesMetric === 'facilities' ? ['dagtilbud', 'day-care facilities'] : ['børnehuse', "children's houses"];
    for (const q of [`how many ${en} will there be after the merger`, `hvor mange ${da} er der i ${unitName} efter sammenlægningen`]) {
      const answer = answerer.answer(q);
      expect(answer.headline, q).toMatch(n(FACILITIES_LATER));
      expect(answer.headline, q).not.toMatch(n(facilitiesNow));
    }
    const now = answerer.answer(`how many ${en} are there now`);
    expect(now.headline).toMatch(n(facilitiesNow));
    expect(now.headline).not.toMatch(n(childrenNow));
  });
});

/**
 * A conditional line asked about with its other end named and no absence said; what a deputy may not do; a
 * meeting asked about in a period it is not held (it has ended, not begun, or the documents give no days):
 * on Hvidmose and on a test copy of Bakkekær whose deputy head gains a conditional line and whose forums
 * gain a recurrence with a period of validity.
 */
describe('lines under a condition, what a deputy may not do, and meetings outside their period (Hvidmose)', () => {
  let kb: KnowledgeBase;
  let answerer: Answerer;
  beforeAll(async () => {
    kb = await loadKnowledgeOrThrow('tests/fixtures/kb-hvidmose');
    answerer = createAnswerer(kb, { now: () => NOW });
  });

  it.each([
    ['what is the condition for the deputy reporting straight to the district head', 'en'],
    ['hvornår refererer souschefen direkte til kvarterchefen', 'da'],
  ] as const)('%s: the conditional line to the role named, with its condition', (q, lang) => {
    const line = kb.data.reportingLines.find((l) => l.from === 'hvm-souschef' && l.to === 'hvm-kvarterchef' && l.condition)!;
    const answer = answerer.answer(q);
    expect(answer.kind, all(answer)).toBe('answer');
    expect(answer.headline, q).toContain(line.condition![lang]);
  });

  it('a line to a role it holds without a condition is not answered as a conditional line', () => {
    const answer = answerer.answer('refererer souschefen til husleder');
    const conditions = kb.data.reportingLines.filter((l) => l.from === 'hvm-souschef' && l.condition).map((l) => l.condition!.da);
    for (const c of conditions) expect(answer.headline).not.toContain(c);
  });

  it.each(['hvad må souschefen ikke selv når hun er stedfortræder', "what can't the deputy leader do when the house leader is away"])('%s: what the deputy may not do', (q) => {
    const denial = kb.data.roles.find((r) => r.id === 'hvm-souschef')!.responsibilities.find((s) => /\bikke\b/.test(s.da))!;
    const answer = answerer.answer(q);
    expect(answer.headline, q).toBe(denial[answer.lang]);
  });

  it('a meeting asked about after it has ended says so and names the meetings of the same people then; one without days says none are given', () => {
    const ended = kb.data.meetings.find((m) => m.validUntil !== undefined && m.recurrence?.rrule)!;
    const month = `${ended.validUntil!.slice(0, 4)}-09`;
    const after = answerer.answer(`er der ${ended.name.toLowerCase()} i september ${month.slice(0, 4)}`);
    expect(after.headline).toMatch(/ophører efter/);
    const successor = kb.data.meetings.find((m) => m.id !== ended.id && m.validFrom !== undefined && m.validFrom < `${month}-30` && m.recurrence?.rrule && m.participants.some((p) => ended.participants.some((q) => (typeof q === 'string' ? q : q.ref) === (typeof p === 'string' ? p : p.ref))))!;
    expect(all(after)).toContain(successor.name);
    const undated = kb.data.meetings.find((m) => !m.recurrence)!;
    const none = answerer.answer(`hvornår holder ${undated.name.toLowerCase()}et sit første møde i 2027`);
    expect(none.kind).toBe('unknown');
    expect(none.headline).toMatch(/^Dokumenterne giver ingen datoer/);
    expect(none.headline).not.toMatch(/\d{1,2}\. \p{L}+ \d{4}/u);
  });
});

describe('lines under a condition and meetings outside their period (a test copy of Bakkekær)', () => {
  let answerer: Answerer;
  const condition = { da: 'når børnehuslederen er væk i mere end to uger', en: "when the head of the children's house is away for more than two weeks" };
  beforeAll(async () => {
    const base = await loadKnowledgeOrThrow('tests/fixtures/kb-bakkekaer');
    const plain = base.data.reportingLines.find((l) => l.from === 'bkk-souschef')!;
    const reportingLines = [...base.data.reportingLines, { ...plain, id: 'bkk-rl-souschef-omraadechef-vest', to: 'bkk-omraadechef-vest', condition, text: { da: 'x', en: 'x' } }];
    const meetings = base.data.meetings.map((m) =>
      m.id === 'bkk-omraadeforum'
        ? { ...m, validUntil: '2027-03-31', recurrence: { rrule: 'FREQ=WEEKLY;INTERVAL=3;BYDAY=TU', start: '2027-01-05', dates: [], exceptDates: [], time: '09:00' } }
        : m.id === 'bkk-luf'
          ? { ...m, validFrom: '2027-04-01', recurrence: { rrule: 'FREQ=MONTHLY;BYDAY=1WE', dates: [], exceptDates: [], time: '13:00' } }
          : m,
    );
    answerer = createAnswerer(createKnowledgeBase({ ...base.data, reportingLines, meetings }), { now: () => NOW });
  });

  it.each([
    ['hvornår refererer souschefen til områdechefen for område vest', 'da'],
    ['what is the condition for the deputy head reporting to the head of area west', 'en'],
  ] as const)('%s', (q, lang) => {
    const answer = answerer.answer(q);
    expect(answer.kind, all(answer)).toBe('answer');
    expect(answer.headline, q).toContain(condition[lang]);
  });

  it('a forum asked about after it ends, and one before it begins', () => {
    const ended = answerer.answer('er der områdeforum i maj 2027');
    expect(ended.headline).toMatch(/ophører efter 31\. marts 2027/);
    expect(all(ended)).toMatch(/LUF i maj 2027: 5\. maj 2027/);
    const before = answerer.answer('is there a LUF meeting in february 2027');
    expect(before.headline).toMatch(/only starts on 1 April 2027/);
    const none = answerer.answer('hvornår er der småbørns-med i 2027');
    expect(none.headline).toMatch(/^Dokumenterne giver ingen datoer/);
  });
});

/** A count asked for two units together, and for every unit of a kind ("i hvert område", "in each district"). */
describe.each(['tests/fixtures/kb-other', 'tests/fixtures/kb-bakkekaer', 'tests/fixtures/kb-hvidmose'])('totals and each unit of a kind (%s)', (dir) => {
  let kb: KnowledgeBase;
  let answerer: Answerer;
  beforeAll(async () => {
    kb = await loadKnowledgeOrThrow(dir);
    answerer = createAnswerer(kb, { now: () => NOW });
  });
  /** Two or more units whose names begin with the same word and that state a count of the same metric. */
  const siblings = () => {
    const byFirst = new Map<string, typeof kb.data.units>();
    for (const unit of kb.data.units) {
      const first = unit.name.split(' ')[0]!;
      byFirst.set(first, [...(byFirst.get(first) ?? []), unit]);
    }
    for (const [first, units] of byFirst) {
      if (units.length < 2) continue;
      const metric = units[0]!.figures.map((f) => f.metric).find((m) => units.every((x) => x.figures.filter((f) => f.metric === m).length === 1));
      if (metric) return { first, units, metric, figures: units.map((x) => x.figures.find((f) => f.metric === metric)!) };
    }
    throw new Error('no sibling units with a shared count');
  };
  const word = (metric: string) => ({ children: ['børn', 'children'], houses: ['børnehuse', "children's houses"], facilities: ['dagtilbud', 'facilities'] })[metric]!;

  it('the sum of two units\' counts, asked "tilsammen" and "combined"', () => {
    const { units, metric, figures } = siblings();
    const sum = figures.reduce((a, f) => a + f.value, 0);
    const [da, en] = word(metric);
    for (const q of [`hvor mange ${da} er der i ${units[0]!.name} og ${units[1]!.name} tilsammen`, `how many ${en} are there in ${units[0]!.name} and ${units[1]!.name} combined`]) {
      const answer = answerer.answer(q);
      const two = figures.slice(0, 2).reduce((a, f) => a + f.value, 0);
      expect(answer.headline, q).toMatch(new RegExp(`^(I alt|In total) (ca\\. |about )?${two.toLocaleString(answer.lang === 'da' ? 'da-DK' : 'en-GB').replace('.', '\\.')} `));
    }
    expect(sum).toBeGreaterThan(0);
  });

  it('each unit of a kind gets its count, and the kind\'s own word is no count', () => {
    const { first, units, metric, figures } = siblings();
    const [da] = word(metric);
    const answer = answerer.answer(`hvor mange ${da} er der i hvert ${first.toLowerCase()}`);
    expect(answer.kind, all(answer)).toBe('answer');
    units.forEach((unit, i) => expect(answer.headline).toContain(`${unit.name}: ${figures[i]!.text.da.replace(/\.$/, '')}`));
    const others = kb.data.units.flatMap((x) => x.figures).filter((f) => f.metric !== metric).map((f) => f.text.da);
    for (const other of others) expect(answer.headline).not.toContain(other);
  });
});

/**
 * On Havbjerg and Bakkekær: a deputy asked through a person's first name with an absence ("when he's on holiday"),
 * through a job posting's title, and for a post in one unit whose general post has the deputy; who is someone the
 * stand-in for; whether a role attends a meeting; and no one abstaining.
 */
describe('deputies and participants asked in chat (Havbjerg, Bakkekær, Hvidmose)', () => {
  it('Havbjerg', async () => {
    const kb = await loadKnowledgeOrThrow('tests/fixtures/kb-havbjerg');
    const answerer = createAnswerer(kb, { now: () => NOW });
    const holiday = kb.data.deputies.find((d) => kb.data.people.some((p) => p.role === d.for))!;
    const person = kb.data.people.find((p) => p.role === holiday.for)!;
    const deputyName = kb.data.roles.find((r) => r.id === holiday.deputy)!.labelEn;
    for (const q of [`who covers for ${person.name.split(' ')[0]!.toLowerCase()} when hes on holiday`, `who covers for ${person.name.split(' ')[0]} when he's away`]) {
      const answer = answerer.answer(q);
      expect(answer.kind, all(answer)).toBe('answer');
      expect(answer.headline, q).toContain(deputyName);
    }
    const byPosting = kb.data.deputies.find((d) => kb.data.postings.some((p) => p.role === d.for))!;
    const posting = kb.data.postings.find((p) => p.role === byPosting.for)!;
    const forRole = kb.data.roles.find((r) => r.id === posting.role)!;
    const answer = answerer.answer(`who stands in for the ${forRole.labelEn.toLowerCase()}`);
    expect(answer.headline).toContain(kb.data.roles.find((r) => r.id === byPosting.deputy)!.labelEn);
    // A role that takes part only as needed, asked whether it comes.
    const meeting = kb.data.meetings.find((m) => m.participants.some((p) => typeof p !== 'string' && p.asNeeded))!;
    const asNeeded = meeting.participants.find((p) => typeof p !== 'string' && p.asNeeded) as { ref: string };
    const role = kb.data.roles.find((r) => r.id === asNeeded.ref)!;
    const attend = answerer.answer(`skal ${role.names.find((n) => /er$/.test(n)) ?? role.name} med til ${meeting.name.toLowerCase()}`);
    expect(attend.kind, all(attend)).toBe('answer');
    expect(all(attend)).toMatch(/efter behov/);
  });

  it('Bakkekær: the general post\'s deputy for a post in one unit, and who holds the deputy post there', async () => {
    const kb = await loadKnowledgeOrThrow('tests/fixtures/kb-bakkekaer');
    const answerer = createAnswerer(kb, { now: () => NOW });
    const relation = kb.data.deputies[0]!;
    const local = kb.data.roles.find((r) => r.unit && r.name.startsWith(`${kb.data.roles.find((x) => x.id === relation.for)!.name} `))!;
    const unit = kb.data.units.find((x) => x.id === local.unit)!;
    const holder = kb.data.people.find((p) => p.role === relation.deputy && p.title.da.includes(unit.name))!;
    const answer = answerer.answer(`hvem træder i stedet for lederen i ${foldAscii(unit.name.split(' ').at(-1)!)} hvis hun er syg`);
    expect(answer.kind, all(answer)).toBe('answer');
    expect(answer.headline).toContain(relation.condition!.da);
    expect(all(answer)).toContain(holder.name);
    const standIn = answerer.answer(`who is ${holder.name.toLowerCase()} the stand-in for`);
    expect(standIn.kind, all(standIn)).toBe('answer');
    expect(standIn.headline).toContain(kb.data.roles.find((x) => x.id === relation.for)!.labelEn);
  });

  it('Hvidmose: "did anyone abstain" is answered by the vote, with no one abstaining', async () => {
    const kb = await loadKnowledgeOrThrow('tests/fixtures/kb-hvidmose');
    const answerer = createAnswerer(kb, { now: () => NOW });
    const decision = kb.data.decisions.find((d) => d.vote?.abstained === 0)!;
    const answer = answerer.answer(`did anyone abstain in the vote on the ${decision.names[0]!.split(' ').at(-1)}`);
    expect(all(answer)).toContain('No one abstained.');
  });
});

/** "kløverengen" as a leader would type it on a keyboard without æøå. */
function foldAscii(word: string): string {
  return word.toLowerCase().replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa');
}

describe('a count asked for when a unit opens, and the word a number counts (Havbjerg, Hvidmose)', () => {
  it('"når X er åbnet", "when X opens": the figure from the day the unit begins, of the department, not of the unit', async () => {
    const kb = await loadKnowledgeOrThrow('tests/fixtures/kb-havbjerg');
    const answerer = createAnswerer(kb, { now: () => NOW });
    const opening = kb.data.units.find((x) => x.validFrom !== undefined && x.validFrom > '2026-11-30')!;
    const then = [...kb.data.units, ...kb.data.municipalities].flatMap((x) => x.figures).find((f) => f.metric === 'institutions' && f.validFrom === opening.validFrom)!;
    const short = opening.name.split(' ').at(-1)!.toLowerCase();
    for (const q of [`hvor mange institutioner bliver der i alt når ${foldAscii(short)} er aabnet`, `how many institutions will there be when ${short} opens`]) {
      const answer = answerer.answer(q);
      expect(answer.kind, `${q} -> ${all(answer)}`).toBe('answer');
      expect(answer.headline, q).toMatch(new RegExp(`(^|[^0-9])${then.value}([^0-9]|$)`));
    }
  });

  it('a coming unit that states the count itself is whose count it is ("hvor mange børnehuse kommer der i Kvarter Skoven")', async () => {
    const kb = await loadKnowledgeOrThrow('tests/fixtures/kb-hvidmose');
    const answerer = createAnswerer(kb, { now: () => NOW });
    const unit = kb.data.units.find((x) => x.validFrom !== undefined && x.validFrom > '2026-11-30' && x.figures.some((f) => f.metric === 'houses'))!;
    const answer = answerer.answer(`hvor mange børnehuse kommer der i ${unit.name}`);
    expect(answer.headline).toContain(`${unit.name}: ${unit.figures.find((f) => f.metric === 'houses')!.text.da}`);
  });

  it.each(['tests/fixtures/kb-havbjerg', 'tests/fixtures/kb-hvidmose'])('"how many dagplejere" is the figure whose number counts dagplejere (%s)', async (dir) => {
    const kb = await loadKnowledgeOrThrow(dir);
    const answerer = createAnswerer(kb, { now: () => NOW });
    const figure = [...kb.data.units, ...kb.data.municipalities].flatMap((x) => x.figures).find((f) => /^\d+ dagplejere\b/.test(f.text.da))!;
    for (const q of ['hvor mange dagplejere er der', 'how many dagplejere do we have']) {
      const answer = answerer.answer(q);
      expect(answer.headline, q).toMatch(new RegExp(`(^|[^0-9])${figure.value}([^0-9]|$)`));
      expect(answer.headline, q).not.toMatch(/børn i dagplejen|children in family day care/);
    }
  });
});

describe('a season of a year ("efteråret 2027", "autumn 2027")', () => {
  it('lists what is dated in the season, and the meetings a role attends then (Hvidmose)', async () => {
    const kb = await loadKnowledgeOrThrow('tests/fixtures/kb-hvidmose');
    const answerer = createAnswerer(kb, { now: () => NOW });
    const spring = answerer.answer('hvad sker der i foråret 2027');
    expect(spring.kind, all(spring)).toBe('answer');
    expect(spring.headline).toContain('fra 1. marts 2027 til 31. maj 2027');
    const autumn = answerer.answer('what is on the calendar in autumn 2027');
    expect(autumn.headline).toContain('from 1 September 2027 to 30 November 2027');
    // The meetings of the house leader valid in the autumn: not one that has ended before it.
    const ended = kb.data.meetings.find((m) => m.validUntil !== undefined && m.validUntil < '2027-09-01' && m.participants.some((p) => (typeof p === 'string' ? p : p.ref) === 'hvm-husleder'))!;
    const attends = answerer.answer('which meetings does a husleder attend in autumn 2027');
    expect(attends.kind, all(attends)).toBe('answer');
    expect(attends.headline).not.toContain(ended.name);
    const always = answerer.answer('which meetings does a husleder attend');
    expect(always.headline).toContain(ended.name);
  });

  it('a season on Havbjerg\'s calendar', async () => {
    const kb = await loadKnowledgeOrThrow('tests/fixtures/kb-havbjerg');
    const answerer = createAnswerer(kb, { now: () => NOW });
    const deadlines = kb.data.dates.filter((d) => d.date >= '2027-03-01' && d.date <= '2027-05-31' && /deadline/.test(d.kind));
    expect(deadlines.length).toBeGreaterThan(0);
    const answer = answerer.answer('hvilke frister er der i foråret 2027');
    expect(answer.kind, all(answer)).toBe('answer');
    expect(answer.headline).toContain('fra 1. marts 2027 til 31. maj 2027');
    for (const d of deadlines) expect(all(answer)).toContain(d.label.da);
  });
});

describe('a short month after a time preposition, and a meeting asked on one day (Havbjerg)', () => {
  it('"from may" is May; a day the rule excludes is "not held on" that day', async () => {
    const kb = await loadKnowledgeOrThrow('tests/fixtures/kb-havbjerg');
    const answerer = createAnswerer(kb, { now: () => NOW });
    const line = kb.data.reportingLines.find((l) => l.validFrom?.slice(5, 7) === '05')!;
    const role = kb.data.roles.find((r) => r.id === line.from)!;
    const to = kb.data.roles.find((r) => r.id === line.to)!;
    const answer = answerer.answer(`who will the ${role.name} report to from may`);
    expect(answer.headline).toContain(to.labelEn);
    const meeting = kb.data.meetings.find((m) => (m.recurrence?.exceptDates.length ?? 0) > 0)!;
    const day = meeting.recurrence!.exceptDates[0]!;
    const when = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
    const none = answerer.answer(`is the ${meeting.name.split(' ').at(-1)!.toLowerCase()} meeting held on ${when.toLowerCase()}`);
    expect(none.headline).toContain(`is not held on ${when}`);
  });
});

describe('who holds the deputy post on the day asked, and a deputy named by title only (Havbjerg, Ravnsholt)', () => {
  it.each(['tests/fixtures/kb-havbjerg', 'tests/fixtures/kb-ravnsholt'])('%s', async (dir) => {
    const kb = await loadKnowledgeOrThrow(dir);
    const answerer = createAnswerer(kb, { now: () => NOW });
    const queries = createQueries(kb);
    // A deputy post whose holder changes: the holder on the day asked is named.
    const relation = kb.data.deputies.find((d) => kb.data.people.filter((p) => p.role === d.deputy).length >= 2)!;
    const forRole = kb.data.roles.find((r) => r.id === relation.for)!;
    for (const [when, day] of [['i januar 2027', '2027-01-15'], ['i sommerferien 2027', '2027-07-15']] as const) {
      const holders = queries.holdersOn(relation.deputy, day);
      expect(holders.length).toBe(1);
      const short = forRole.names.find((n) => /ens$/.test(n)) ?? `${forRole.name}ens`;
      const answer = answerer.answer(`hvem er ${short} stedfortræder ${when}`);
      expect(answer.headline, when).toContain(holders[0]!.name);
    }
  });

  it('a person named by title only stands in for the post of the place the title names (Havbjerg)', async () => {
    const kb = await loadKnowledgeOrThrow('tests/fixtures/kb-havbjerg');
    const answerer = createAnswerer(kb, { now: () => NOW });
    const person = kb.data.people.find((p) => !p.role && kb.data.deputies.some((d) => p.title.da.startsWith(kb.data.roles.find((r) => r.id === d.deputy)!.name)))!;
    const answer = answerer.answer(`hvem er ${person.name.toLowerCase()} stedfortræder for`);
    expect(answer.kind, all(answer)).toBe('answer');
    const place = person.title.da.split(' i ').at(-1)!;
    expect(answer.headline).toContain(place);
  });
});

describe('the first meeting in a period or after a day (Havbjerg, Hvidmose)', () => {
  it.each(['tests/fixtures/kb-havbjerg', 'tests/fixtures/kb-hvidmose'])('%s', async (dir) => {
    const kb = await loadKnowledgeOrThrow(dir);
    const answerer = createAnswerer(kb, { now: () => NOW });
    const queries = createQueries(kb);
    const meeting = kb.data.meetings.find((m) => m.recurrence?.rrule && !m.validUntil)!;
    const name = meeting.name.toLowerCase();
    const firstIn2027 = queries.meetingOccurrences(meeting.id, '2027-01-01', '2027-12-31')[0]!;
    const afterSeptember = queries.meetingOccurrences(meeting.id, '2027-09-02', '2028-09-01')[0]!;
    const da = (d: string) => new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`));
    const en = (d: string) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`));
    const first = answerer.answer(`hvornår er første ${name} i 2027`);
    expect(first.headline, all(first)).toContain(da(firstIn2027.date));
    const next = answerer.answer(`next ${name} after 1 september 2027`);
    expect(next.headline, all(next)).toContain(en(afterSeptember.date));
    const summer = queries.meetingOccurrences(meeting.id, '2027-08-01', '2028-08-01')[0]!;
    const holidays = answerer.answer(`next ${name} after the summer holidays 2027`);
    expect(holidays.headline, all(holidays)).toContain(en(summer.date));
  });
});

describe('a figure of the unit above about the unit asked, for a day the unit states none for (Ravnsholt, a test copy of Fjordby)', () => {
  it('Ravnsholt', async () => {
    const kb = await loadKnowledgeOrThrow('tests/fixtures/kb-ravnsholt');
    const answerer = createAnswerer(kb, { now: () => NOW });
    const child = kb.data.units.find((x) => x.parent && x.figures.some((f) => f.metric === 'children' && f.asOf) && kb.data.units.find((p) => p.id === x.parent)!.figures.some((f) => f.metric === 'children' && f.asOf && f.asOf !== x.figures.find((g) => g.metric === 'children')!.asOf && /dagpleje/.test(f.text.da)))!;
    const parent = kb.data.units.find((p) => p.id === child.parent)!;
    const about = parent.figures.find((f) => f.metric === 'children' && /dagpleje/.test(f.text.da))!;
    const answer = answerer.answer(`hvor mange børn var der i dagplejen pr. ${new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${about.asOf}T00:00:00Z`))}`);
    expect(answer.headline).toMatch(new RegExp(`(^|[^0-9.])${about.value}([^0-9]|$)`));
    const others = parent.figures.filter((f) => f.metric === 'children' && f !== about);
    for (const other of others) expect(answer.headline).not.toContain(other.text.da);
  });

  it('a test copy of Fjordby: the area states a count about one of its houses for a day the house states none for', async () => {
    const base = await loadKnowledgeOrThrow('tests/fixtures/kb-other');
    const house = base.data.units.find((x) => x.parent && x.figures.some((f) => f.metric === 'children') && !base.data.units.some((c) => c.parent === x.id))!;
    const parentId = house.parent!;
    const word = house.name.split(' ').at(-1)!;
    const units = base.data.units.map((x) =>
      x.id === house.id
        ? { ...x, figures: x.figures.map((f) => (f.metric === 'children' ? { ...f, asOf: '2026-11-01' } : f)) }
        : x.id === parentId
          ? { ...x, figures: [...x.figures, { metric: 'children' as const, value: 77, approximate: false, asOf: '2026-10-01', text: { da: `77 børn i ${word} pr. 1. oktober 2026`, en: `77 children in ${word} as of 1 October 2026` }, source: x.source }] }
          : x,
    );
    const answerer = createAnswerer(createKnowledgeBase({ ...base.data, units }), { now: () => NOW });
    const answer = answerer.answer(`hvor mange børn var der i ${house.name} pr. 1. oktober 2026`);
    expect(answer.headline, all(answer)).toMatch(/(^|[^0-9])77([^0-9]|$)/);
  });
});

describe('a meeting\'s time asked as "date and time" or when it finishes (Hvidmose, Havbjerg)', () => {
  it.each(['tests/fixtures/kb-hvidmose', 'tests/fixtures/kb-havbjerg'])('%s', async (dir) => {
    const kb = await loadKnowledgeOrThrow(dir);
    const answerer = createAnswerer(kb, { now: () => NOW });
    // A meeting on single days whose frequency text gives no time: the time comes from the recurrence.
    const meeting = kb.data.meetings.find((m) => (m.recurrence?.dates.length ?? 0) > 0 && m.recurrence?.endTime && m.frequency && !/\d/.test(m.frequency.en))!;
    const answer = answerer.answer(`what time does the ${meeting.name.split(" ")[0]!.toLowerCase()} finish`);
    expect(answer.kind, all(answer)).toBe('answer');
    expect(answer.headline).toContain(meeting.recurrence!.endTime!);
    const month = meeting.recurrence!.dates.find((d) => d > '2026-11-30')!;
    const monthName = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}T00:00:00Z`)).toLowerCase();
    const dated = answerer.answer(`${meeting.name.split(" ")[0]!.toLowerCase()} in ${monthName} what date and time`);
    expect(dated.kind, all(dated)).toBe('answer');
    expect(dated.headline).toContain(meeting.recurrence!.time!);
  });
});
