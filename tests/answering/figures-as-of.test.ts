/**
 * Figures as of a day, asked as a user would in chat (lower case, typos, no question mark), on the
 * made-up Hvidmose knowledge base: the number today, the number after the coming change, and both.
 * Expected numbers are read from the data (queries.figuresOn), never written into the test.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnswerer, renderAnswerText, type Answer, type Answerer } from '../../src/answering/index.js';
import { loadKnowledgeOrThrow } from '../../src/knowledge/load-knowledge.js';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { createQueries, type KnowledgeQueries } from '../../src/knowledge/queries.js';

const NOW = new Date('2026-11-30T09:00:00Z');
const TODAY = '2026-11-30';
const all = (answer: Answer) => renderAnswerText(answer, { details: true }).toLowerCase();

/** today: today's figure in the headline; after: the coming figure in the headline; both: both in the answer. */
type When = 'today' | 'after' | 'both';
const CASES: Array<[string, string, When]> = [
  ['how many deputies will there be after the reorganisation', 'deputies', 'after'],
  ['how many houses will have a deputy after the change', 'deputies', 'after'],
  ['hvor mange souschefer er der fra 1. august', 'deputies', 'after'],
  ['hvor mange souschefer er der fra 1 august 2027', 'deputies', 'after'],
  ['antal souschefer nu og efter ændringen', 'deputies', 'both'],
  ['how many deputies today vs next year', 'deputies', 'both'],
  ['hvor mange souschefer har vi pr. 1. september 2027', 'deputies', 'after'],
  ['hvor mange souschefer har vi pr 1/9 2027', 'deputies', 'after'],
  ['will the number of deputies change', 'deputies', 'both'],
  ['ændrer antallet af souschefer sig', 'deputies', 'both'],
  ['hvor mange souschefer bliver der', 'deputies', 'after'],
  ['hvor mange souschefer kommer der', 'deputies', 'after'],
  ['how many deputy leaders will there be', 'deputies', 'after'],
  ['hvor mange souschefer er der før omlægningen', 'deputies', 'today'],
  ['how many deputies before the reorganisation', 'deputies', 'today'],
  ['hvor mange souschefer er der i dag', 'deputies', 'today'],
  ['hvor mange souschefr er der efter omlægningen', 'deputies', 'after'],
  ['hvor mange stedfortrædere bliver der efter beslutningen', 'deputies', 'after'],
  ['how many deputies after the decision', 'deputies', 'after'],
  ['how many deputys are there now', 'deputies', 'today'],
  ['hvor mange souschefer', 'deputies', 'both'],
  ['hvor mange kvarterer bliver der', 'districts', 'after'],
  ['how many districts will there be from august', 'districts', 'after'],
  ['how many districts after the reorganisation', 'districts', 'after'],
  ['antal kvarterer efter omlægningen', 'districts', 'after'],
  ['hvor mange ledere har børnechefen i dag', 'leaders', 'today'],
  ['hvor mange souschefer vil der være i 2028', 'deputies', 'after'],
  ['how many deputies in september 2027', 'deputies', 'after'],
  ['hvor mange huse har en souschef efter 1. august', 'deputies', 'after'],
  ['how many deputies are there going to be', 'deputies', 'after'],
  ['souschefer før og efter omlægningen', 'deputies', 'both'],
];

describe('figures as of a day, paraphrased (Hvidmose)', () => {
  let kb: KnowledgeBase;
  let answerer: Answerer;
  let queries: KnowledgeQueries;
  beforeAll(async () => {
    kb = await loadKnowledgeOrThrow('tests/fixtures/kb-hvidmose');
    answerer = createAnswerer(kb, { now: () => NOW });
    queries = createQueries(kb);
  });

  it.each(CASES)('%s', (q, metric, when) => {
    const owner = [...kb.data.municipalities, ...kb.data.units].find((x) => x.figures.some((f) => f.metric === metric))!;
    const next = owner.figures.filter((f) => f.metric === metric && f.validFrom && f.validFrom > TODAY).sort((a, b) => a.validFrom!.localeCompare(b.validFrom!))[0];
    const now = queries.figuresOn(owner.id, TODAY).find((f) => f.figure.metric === metric)?.figure;
    const later = next ? queries.figuresOn(owner.id, next.validFrom!).find((f) => f.figure.metric === metric)?.figure : undefined;
    const answer = answerer.answer(q);
    const headline = ` ${answer.headline.toLowerCase()} `;
    const text = all(answer);
    expect(answer.kind, q).toBe('answer');
    // The figure's number, or its text when that writes the number as a word ("tre kvarterer").
    const num = (n: number) => {
      const f = owner.figures.find((x) => x.metric === metric && x.value === n)!;
      const word = f.text[answer.lang].toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      return new RegExp(`(^|[^0-9])${n}([^0-9]|$)|${word}`);
    };
    if (when === 'today') {
      expect(headline, q).toMatch(num(now!.value));
      if (later && later.value !== now!.value) expect(headline, q).not.toMatch(num(later.value));
    } else if (when === 'after') {
      expect(headline, q).toMatch(num(later!.value));
      if (now && now.value !== later!.value) expect(headline, q).not.toMatch(num(now.value));
    } else {
      if (now) expect(text, q).toMatch(num(now.value));
      expect(text, q).toMatch(num(later!.value));
    }
    // No listing of dates and no figure of another metric comes back.
    const own = owner.figures.filter((f) => f.metric === metric).map((f) => f.text[answer.lang].toLowerCase());
    const others = owner.figures.filter((f) => f.metric !== metric).map((f) => f.text[answer.lang].toLowerCase());
    for (const other of others.filter((o) => !own.some((x) => x.includes(o)))) expect(text, q).not.toContain(other);
    expect(text, q).not.toMatch(/\(meeting\)|\(møde\)|\(deadline\)|\(frist\)|\(decision\)|\(beslutning\)/);
  });
});

/**
 * Figures stated as of one day (asOf), asked about a day, month, year, "last year", "the start of the
 * year", "now" or "the latest", and asked when the figure is from, on three knowledge bases whose
 * figures a test copy dates. figure: the figure with its day; none: the documents give no figure for
 * the time asked, the day they have is named and no number is given as the asked one; dated: the day
 * the figure is stated for leads; none-then-now: no figure for the past time asked, today's figure after it.
 */
type Expect = 'figure' | 'none' | 'dated' | 'none-then-now';
const DATED: Array<[string, string]> = [
  ['tests/fixtures/kb-other', '2026-08-15'],
  ['tests/fixtures/kb-bakkekaer', '2026-09-01'],
  ['data', '2026-03-01'],
];
const ASKED: Array<[(unit: string) => string, Expect]> = [
  [(n) => `how many kids were there in ${n} per 1 jan`, 'none'],
  [(n) => `hvor mange børn var indskrevet i ${n} pr. 1. januar 2025`, 'none'],
  [(n) => `what was the count of children in ${n} at the start of the year`, 'none'],
  [(n) => `hvor mange børn var der i ${n} ved årets start`, 'none'],
  [(n) => `antal børn i ${n} i 2024`, 'none'],
  [(n) => `antal børn i ${n} i 2026`, 'figure'],
  [(n) => `børnetal ${n} januar 2025`, 'none'],
  [(n) => `how many children in ${n} at the last count`, 'figure'],
  [(n) => `hvor mange børn er der nu i ${n}`, 'figure'],
  [(n) => `was the number of children in ${n} more or less than last year`, 'none-then-now'],
  [(n) => `hvor mange børn var der i ${n} sidste år`, 'none'],
  [(n) => `what is the latest figure for children in ${n}`, 'figure'],
  [(n) => `newest number of children ${n}`, 'figure'],
  [(n) => `hvad er det seneste børnetal i ${n}`, 'figure'],
  [(n) => `how many children did ${n} have as of 1 October 2026`, 'figure'],
  [(n) => `hvornår er børnetallet for ${n} opgjort`, 'dated'],
  [(n) => `when is the children figure for ${n} from`, 'dated'],
  [(n) => `as of when is the number of children in ${n}`, 'dated'],
];

describe.each(DATED)('figures as of a day, asked in chat (%s, figures dated %s)', (dir, asOf) => {
  let kb: KnowledgeBase;
  let answerer: Answerer;
  beforeAll(async () => {
    kb = await loadKnowledgeOrThrow(dir);
    for (const x of [...kb.data.units, ...kb.data.municipalities]) for (const f of x.figures) (f as { asOf?: string }).asOf = asOf;
    answerer = createAnswerer(kb, { now: () => NOW });
  });

  it.each(ASKED)('%s', (ask, expected) => {
    const unit = kb.data.units.find((u) => u.figures.some((f) => f.metric === 'children'))!;
    const value = unit.figures.find((f) => f.metric === 'children')!.value;
    const q = ask(unit.name);
    const answer = answerer.answer(q);
    const lang = answer.lang;
    const day = new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${asOf}T00:00:00Z`));
    const number = new RegExp(`(^|[^0-9.,])(${value}|${value.toLocaleString('da-DK').replace('.', '\\.')}|${value.toLocaleString('en-GB')})([^0-9]|$)`);
    expect(answer.kind, `${q} -> ${all(answer)}`).toBe('answer');
    expect(answer.headline.toLowerCase(), q).toContain(day.toLowerCase());
    if (expected === 'none-then-now') {
      expect(answer.headline, q).toMatch(lang === 'da' ? /^Dokumenterne giver intet tal/ : /^The documents give no figure/);
      expect(answer.headline.split(/;/)[0], q).not.toMatch(number);
      expect(answer.headline, q).toMatch(number);
    } else if (expected === 'none') {
      expect(answer.headline, q).toMatch(lang === 'da' ? /^Dokumenterne giver intet tal/ : /^The documents give no figure/);
      expect(answer.headline, q).not.toMatch(number);
    } else {
      expect(answer.headline, q).toMatch(number);
      if (expected === 'dated') expect(answer.headline, q).toMatch(lang === 'da' ? /^Tallet er opgjort pr\./ : /^The figure is as of/);
    }
  });
});

describe('a figure valid until a day, and a figure stated as of a day answered as a fact (Hvidmose)', () => {
  it('a month the earlier figure still covers gets it; a year the change falls in gets both, the earlier first', async () => {
    const kb = await loadKnowledgeOrThrow('tests/fixtures/kb-hvidmose');
    const answerer = createAnswerer(kb, { now: () => NOW });
    const figures = kb.data.units.flatMap((u) => u.figures).filter((f) => f.metric === 'deputies');
    const earlier = figures.find((f) => f.validUntil !== undefined && f.validUntil > TODAY)!;
    const later = figures.find((f) => f.validFrom !== undefined && f.validFrom > earlier.validUntil!)!;
    const year = earlier.validUntil!.slice(0, 4);
    expect(later.validFrom!.slice(0, 4)).toBe(year);
    const n = (v: number) => new RegExp(`(^|[^0-9])${v}([^0-9]|$)`);
    // A month before the change, after today: the figure valid then, with its day; no "no figure".
    const month = answerer.answer(`how many deputies will there be in january ${year}`);
    expect(month.headline, month.headline).toMatch(n(earlier.value));
    expect(month.headline).not.toMatch(/give no figure/);
    const both = answerer.answer(`hvor mange souschefer er der i ${year}`);
    expect(both.headline).toMatch(n(earlier.value));
    expect(both.headline).toMatch(n(later.value));
    expect(both.headline.search(n(earlier.value))).toBeLessThan(both.headline.search(n(later.value)));
  });

  it('a figure found by its own words ("dagplejere") still states the day it is as of', async () => {
    const kb = await loadKnowledgeOrThrow('tests/fixtures/kb-hvidmose');
    const answerer = createAnswerer(kb, { now: () => NOW });
    const figure = kb.data.units.flatMap((u) => u.figures).find((f) => f.asOf !== undefined && /dagplejere/.test(f.text.da))!;
    for (const [q, day] of [
      ['hvor mange dagplejere er der pt', new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${figure.asOf}T00:00:00Z`))],
      ['how many childminders as of today', new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${figure.asOf}T00:00:00Z`))],
    ] as const) {
      const answer = answerer.answer(q);
      expect(answer.headline, q).toMatch(new RegExp(`\\b${figure.value}\\b`));
      expect(answer.headline, q).toContain(day);
    }
  });
});

describe('a count asked with a reporting verb, and after a change that ends every figure of it (Hvidmose)', () => {
  it('"how many leaders report to X" is the stated figure with its day; after the change, no figure and the day the documents have', async () => {
    const kb = await loadKnowledgeOrThrow('tests/fixtures/kb-hvidmose');
    const answerer = createAnswerer(kb, { now: () => NOW });
    const figure = kb.data.units.flatMap((u) => u.figures).find((f) => f.metric === 'leaders' && f.asOf !== undefined && f.validUntil !== undefined)!;
    expect(kb.data.units.flatMap((u) => u.figures).some((f) => f.metric === 'leaders' && f.validFrom !== undefined)).toBe(false);
    const n = new RegExp(`(^|[^0-9])${figure.value}([^0-9]|$)`);
    for (const q of ['hvor mange ledere refererer til børnechefen', 'how many leaders report to the børnechef now']) {
      const answer = answerer.answer(q);
      expect(answer.headline, q).toMatch(n);
      expect(answer.headline, q).toMatch(/pr\. \d|as of \d/);
    }
    for (const q of ['how many leaders will report to the børnechef after the change', 'hvor mange ledere har børnechefen efter omlægningen']) {
      const answer = answerer.answer(q);
      expect(answer.headline, q).toMatch(/^(The documents give no figure|Dokumenterne giver intet tal)/);
      expect(answer.headline, q).not.toMatch(n);
    }
  });
});

describe.each(['tests/fixtures/kb-other', 'tests/fixtures/kb-bakkekaer'])('a count stated on two days (a test copy of %s)', (dir) => {
  it('each day asked gets the figure stated then; now and the latest get the newer one; "more or less than last year" both', async () => {
    const kb = await loadKnowledgeOrThrow(dir);
    const unit = kb.data.units.find((u) => u.figures.some((f) => f.metric === 'children'))!;
    const newer = unit.figures.find((f) => f.metric === 'children')!;
    (newer as { asOf?: string }).asOf = '2026-01-01';
    const older = { ...newer, value: newer.value - 100, approximate: false, asOf: '2025-01-01', text: { da: `${newer.value - 100} børn`, en: `${newer.value - 100} children` } };
    (unit.figures as unknown[]).push(older);
    const answerer = createAnswerer(kb, { now: () => NOW });
    const n = (v: number) => new RegExp(`(^|[^0-9.,])(${v}|${v.toLocaleString('da-DK').replace('.', '\\.')}|${v.toLocaleString('en-GB')})([^0-9]|$)`);
    const cases: Array<[string, number[], number[]]> = [
      [`hvor mange børn var der i ${unit.name} pr. 1. januar 2025`, [older.value], [newer.value]],
      [`how many children were there in ${unit.name} last year`, [older.value], [newer.value]],
      [`antal børn i ${unit.name} i 2025`, [older.value], [newer.value]],
      [`hvor mange børn er der i ${unit.name} nu`, [newer.value], [older.value]],
      [`what is the latest figure for children in ${unit.name}`, [newer.value], [older.value]],
      [`was the number of children in ${unit.name} more or less than last year`, [older.value, newer.value], []],
      [`er børnetallet i ${unit.name} større eller mindre end sidste år`, [older.value, newer.value], []],
    ];
    for (const [q, shown, hidden] of cases) {
      const answer = answerer.answer(q);
      expect(answer.kind, `${q} -> ${all(answer)}`).toBe('answer');
      for (const v of shown) expect(answer.headline, q).toMatch(n(v));
      for (const v of hidden) expect(answer.headline, q).not.toMatch(n(v));
    }
    const none = answerer.answer(`how many children were in ${unit.name} in 2024`);
    expect(none.headline).toMatch(/^The documents give no figure/);
    expect(none.headline).toContain('1 January 2025');
    expect(none.headline).toContain('1 January 2026');
  });
});

describe('a count found by its own words, asked for a time before the day it is stated for (Hvidmose)', () => {
  it('says the documents give none then and names the day they have; no number is the asked one', async () => {
    const kb = await loadKnowledgeOrThrow('tests/fixtures/kb-hvidmose');
    const answerer = createAnswerer(kb, { now: () => NOW });
    const figure = kb.data.units.flatMap((u) => u.figures).find((f) => f.asOf !== undefined && /dagplejere/.test(f.text.da))!;
    const year = Number(figure.asOf!.slice(0, 4)) - 1;
    for (const [q, re] of [
      [`hvor mange dagplejere var der i ${year}`, /^Dokumenterne giver intet tal .* i \d{4}; de giver tal pr\. /],
      [`how many childminders were there on 1 january ${year}`, /^The documents give no figure .* as of 1 January \d{4}; they give figures as of /],
    ] as const) {
      const answer = answerer.answer(q);
      expect(answer.headline, q).toMatch(re);
      expect(answer.headline.split(';')[0], q).not.toMatch(new RegExp(`\\b${figure.value}\\b`));
    }
  });
});
