/**
 * Answerers over knowledge folders for the answering tests: each folder loaded and its answerer built once per
 * test file, the shapes of expected facts read from the knowledge base, and the one check most tables make (the
 * answer states every expected fact).
 */
import { beforeAll, expect } from 'vitest';
import { createAnswerer, renderAnswerText, type Answer, type Answerer } from '../../src/answering/index.js';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { loadKnowledgeOrThrow } from '../../src/knowledge/load-knowledge.js';

export type Data = KnowledgeBase['data'];
/** The facts a right answer states, read from the knowledge base's data. */
export type Expect = (d: Data) => string[];

/** A knowledge base and its answerer. */
export interface Loaded {
  readonly kb: KnowledgeBase;
  readonly data: Data;
  readonly answerer: Answerer;
}

/** Loads each folder and builds its answerer on the fixed clock `now` (call in `beforeAll`). */
export async function loadAnswerers(dirs: readonly string[], now: Date): Promise<Map<string, Loaded>> {
  const loaded = new Map<string, Loaded>();
  for (const dir of dirs) {
    const kb = await loadKnowledgeOrThrow(dir);
    loaded.set(dir, { kb, data: kb.data, answerer: createAnswerer(kb, { now: () => now }) });
  }
  return loaded;
}

/**
 * Named knowledge folders loaded once for a test file (registers its `beforeAll`): `ask` answers a question on the
 * base named, `data` gives that base's data.
 */
export function useBases<B extends string>(bases: Readonly<Record<B, string>>, now: Date): {
  readonly ask: (base: B, question: string) => Answer;
  readonly data: (base: B) => Data;
} {
  let loaded = new Map<string, Loaded>();
  beforeAll(async () => {
    loaded = await loadAnswerers(Object.values(bases), now);
  });
  return {
    ask: (base, question) => loaded.get(bases[base])!.answerer.answer(question),
    data: (base) => loaded.get(bases[base])!.data,
  };
}

/** The first line of a rendered answer (what the user reads first). */
export const firstLine = (text: string): string => text.split('\n')[0]!;

/** What an answer says (headline, sections, details), without the questions it suggests. */
export const saidBy = (answer: Answer): string => [answer.headline, ...answer.sections.flatMap((s) => [s.title, ...s.lines]), ...(answer.details ?? [])].join(' ');

/** A number as an English answer writes it ("1,140"). */
export const groupedNumber = (value: number): string => String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** A unit's figure of a metric, as an English answer writes it. */
export const figureOf = (unitId: string, metric: string): Expect => (d) => [
  groupedNumber(d.units.find((u) => u.id === unitId)!.figures.find((f) => f.metric === metric)!.value),
];

const EN_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
/** A day as an English answer writes it ("3 march", with the year when asked: "3 march 2027"). */
export const englishDay = (iso: string, withYear = false): string =>
  `${Number(iso.slice(8, 10))} ${EN_MONTHS[Number(iso.slice(5, 7)) - 1]}${withYear ? ` ${iso.slice(0, 4)}` : ''}`;

/** An item's English name if it has one, else its Danish name. */
export const englishName = (item: { name: string; namesEn?: string[] }): string => item.namesEn?.[0] ?? item.name;

/** Asks `question` and checks that it is answered (not "I don't know") and that the answer states every expected fact. */
export function expectAnswerStates(loaded: Loaded, question: string, expected: Expect): void {
  const facts = expected(loaded.data);
  expect(facts.length, 'the knowledge base holds the fact').toBeGreaterThan(0);
  const answer = loaded.answerer.answer(question);
  expect(answer.kind, question).toBe('answer');
  const text = renderAnswerText(answer, { details: true }).toLowerCase();
  for (const fact of facts) expect(text, question).toContain(fact.toLowerCase());
}

/** A paraphrase case of the `*-paraphrases` tables: the question, what the answer must and must not say. */
export interface PhrasedCase {
  readonly q: string;
  /** Every one must be in the answer (lower case; "#" + digits: a phone number with any spacing; "~": a regular expression). */
  readonly must: readonly string[];
  /** None may be. */
  readonly not?: readonly string[];
  /** The answer's kind when it matters ("unknown": the documents do not say); otherwise anything but "unknown". */
  readonly kind?: 'answer' | 'unknown';
}

/** True when the rendered answer says `want` ("#" + digits: a phone number with any spacing; "~": a regular expression). */
export const says = (text: string, want: string): boolean =>
  want.startsWith('#') ? text.replace(/\D/g, '').includes(want.slice(1)) : want.startsWith('~') ? new RegExp(want.slice(1), 'u').test(text) : text.includes(want);

/** Asks a paraphrase case and checks its kind, every `must` and no `not` in the answer with its details. */
export function expectPhrasedCase(loaded: Loaded, c: PhrasedCase): void {
  const answer = loaded.answerer.answer(c.q);
  const text = renderAnswerText(answer, { details: true }).toLowerCase();
  if (c.kind) expect(answer.kind, `${c.q}\n${text}`).toBe(c.kind);
  else expect(answer.kind, `${c.q}\n${text}`).not.toBe('unknown');
  for (const want of c.must) expect(says(text, want), `${c.q}: wants ${want}\n${text}`).toBe(true);
  for (const bad of c.not ?? []) expect(says(text, bad), `${c.q}: must not say ${bad}\n${text}`).toBe(false);
}

/**
 * The check of a file's paraphrase table: loads the knowledge bases named by short name before the file's (or the
 * enclosing describe's) tests, and asks each case of the table on the one its `kb` names.
 */
export function phrasedCaseCheck<K extends string>(dirs: Readonly<Record<K, string>>, now: Date): (c: PhrasedCase & { readonly kb: K }) => void {
  let loaded: Map<string, Loaded> | undefined;
  beforeAll(async () => {
    loaded = await loadAnswerers(Object.values(dirs), now);
  }, 120_000);
  return (c) => expectPhrasedCase(loaded!.get(dirs[c.kb])!, c);
}

/** The knowledge bases of the paraphrase tables by short name (the seed and the made-up municipalities' fixtures). */
export const KB_DIRS = {
  seed: 'data',
  other: 'tests/fixtures/kb-other',
  bkk: 'tests/fixtures/kb-bakkekaer',
  hvm: 'tests/fixtures/kb-hvidmose',
  hbj: 'tests/fixtures/kb-havbjerg',
  rvs: 'tests/fixtures/kb-ravnsholt',
  slv: 'tests/fixtures/kb-solvang',
  hjs: 'tests/fixtures/kb-hjortsoe',
  lht: 'tests/fixtures/kb-lindholt',
  egs: 'tests/fixtures/kb-egeskov',
  uvd: 'tests/fixtures/kb-ulvedal',
} as const;
