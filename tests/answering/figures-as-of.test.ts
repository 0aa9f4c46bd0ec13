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
