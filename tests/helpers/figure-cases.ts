/**
 * The harness of the figure paraphrase tables (tests/answering/figures-paraphrases*.test.ts): the knowledge bases by
 * short name, a case (the question, the figures it must and must not give, or "I don't know"), and the check, which
 * reads every expected number from the knowledge base's own figures.
 */
import { beforeAll, expect, it } from 'vitest';
import { renderAnswerText } from '../../src/answering/index.js';
import { loadAnswerers, type Data, type Loaded } from './answerers.js';

const NOW = new Date('2026-11-30T09:00:00Z');
export const KB = {
  seed: 'data',
  fjb: 'tests/fixtures/kb-other',
  bkk: 'tests/fixtures/kb-bakkekaer',
  hvm: 'tests/fixtures/kb-hvidmose',
  hbj: 'tests/fixtures/kb-havbjerg',
  hjs: 'tests/fixtures/kb-hjortsoe',
  rvs: 'tests/fixtures/kb-ravnsholt',
  slv: 'tests/fixtures/kb-solvang',
  lht: 'tests/fixtures/kb-lindholt',
  uvd: 'tests/fixtures/kb-ulvedal',
  brk: 'tests/fixtures/kb-brinkeby',
} as const;
export type Kb = keyof typeof KB;

/** A figure of an item: its owner's id, its metric, and (when the owner states several) a word of its Danish text. */
export type Ref = readonly [owner: string, metric: string, word?: string];
export interface Case {
  readonly kb: Kb;
  readonly q: string;
  /** Figures the answer must give. */
  readonly want?: readonly Ref[];
  /** Figures it must not give (another unit's, another day's, another metric's). */
  readonly not?: readonly Ref[];
  /** The documents give no such figure: the answer says so. */
  readonly unknown?: true;
}

let loaded: Map<string, Loaded>;
beforeAll(async () => {
  loaded = await loadAnswerers(Object.values(KB), NOW);
});

/** The figure a reference names, read from the data. */
function figure(d: Data, [owner, metric, word]: Ref): number {
  const item = [...d.municipalities, ...d.units].find((x) => x.id === owner);
  if (!item) throw new Error(`no item ${owner}`);
  const found = item.figures.filter((f) => f.metric === metric && (word === undefined || f.text.da.includes(word)));
  if (found.length !== 1) throw new Error(`${owner} ${metric} ${word ?? ''}: ${found.length} figures`);
  return found[0]!.value;
}

/** A number as either language writes it ("1.140", "1,140", "5,8", "5.8"), as a whole word. */
const numberPattern = (value: number): RegExp => {
  const [whole, decimals] = String(value).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, '[.,]?');
  return new RegExp(`(^|[^\\d.,])${grouped}${decimals ? `[.,]${decimals}` : ''}(?![\\d]|[.,]\\d)`);
};

const DONT_KNOW = /ved jeg ikke|giver intet|nævner ikke|don't know|give no|do not mention|not in the documents/;

function check(c: Case): void {
  const l = loaded.get(KB[c.kb])!;
  const text = renderAnswerText(l.answerer.answer(c.q), { details: false });
  const headline = text.split('\n')[0]!;
  if (c.unknown) expect(headline, c.q).toMatch(DONT_KNOW);
  for (const ref of c.want ?? []) expect(text, `${c.q}: ${ref.join(' ')}`).toMatch(numberPattern(figure(l.data, ref)));
  for (const ref of c.not ?? []) expect(text, `${c.q}: not ${ref.join(' ')}`).not.toMatch(numberPattern(figure(l.data, ref)));
}

export const run = (cases: readonly Case[]) => {
  for (const c of cases) it(`[${c.kb}] ${c.q}`, () => check(c));
};
