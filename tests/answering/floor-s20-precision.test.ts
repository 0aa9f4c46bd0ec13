/**
 * Precision (session 20): a question about a thing the documents do not hold gets "I don't know", never a fact about
 * something near it, while the question the documents answer beside it keeps its answer.
 * - A person's title of several posts ("universleder for X; fra 1. august 2027 korpsleder for Y") names each post in its
 *   own place: "korpsleder i X" is no post of theirs.
 * - A post asked in a unit is held there only where the data places the holding of that post.
 * - A word after one that opens the names of several units ("Børnekreds Bakken", "Børnekreds Skoven") names which unit:
 *   a unit no name holds ("børnekreds engen") gets no figure of the units around it.
 */
import { describe, expect, it } from 'vitest';
import { type Answer } from '../../src/answering/index.js';
import { saidBy, useBases } from '../helpers/answerers.js';

const NOW = new Date('2026-11-30T09:00:00Z');
const BASES = {
  lindholt: 'tests/fixtures/kb-lindholt',
  ulvedal: 'tests/fixtures/kb-ulvedal',
  solvang: 'tests/fixtures/kb-solvang',
} as const;
type Base = keyof typeof BASES;

const { ask, data } = useBases(BASES, NOW);
const said = (answer: Answer) => saidBy(answer).toLowerCase();
/** The person whose title holds a word, as the data gives them. */
const personTitled = (base: Base, word: string) => data(base).people.find((p) => p.title.da.toLowerCase().includes(word))!;

describe('a title of several posts names each post where it stands', () => {
  it.each<[Base, string, string]>([
    ['lindholt', 'hvem er korpsleder i børneunivers vesterløkke', 'korpsleder'],
    ['lindholt', 'who is the korpsleder at børneunivers vesterløkke', 'korpsleder'],
    ['ulvedal', 'hvem er holdleder i børnelandsby sandager', 'holdleder'],
    ['ulvedal', 'who is the holdleder in børnelandsby sandager', 'holdleder'],
  ])('%s: "%s" names no one as holding it there', (base, question, later) => {
    const answer = ask(base, question);
    expect(answer.kind).toBe('unknown');
    // (The person whose title names the later post elsewhere is not given as its holder in the headline.)
    expect(answer.headline.toLowerCase()).not.toContain(personTitled(base, `; fra 1. august 2027 ${later}`).name.toLowerCase());
  });

  it.each<[Base, string, string]>([
    ['lindholt', 'hvem er universleder i børneunivers vesterløkke', '; fra 1. august 2027 korpsleder'],
    ['ulvedal', 'hvem er landsbyleder i børnelandsby sandager', '; fra 1. august 2027 holdleder'],
  ])('%s: "%s" still names the holder', (base, question, later) => {
    const answer = ask(base, question);
    expect(answer.kind).toBe('answer');
    expect(said(answer)).toContain(personTitled(base, later).name.toLowerCase());
  });
});

describe('a unit named after a word that opens several units\' names, that no unit bears, gets no figure', () => {
  const figures = () => data('solvang').units.flatMap((u) => (u.figures ?? []).map((f) => String(f.value)));
  it.each<[string]>([['hvor mange børn går i børnekreds engen'], ['how many children are in børnekreds engen']])('"%s"', (question) => {
    const answer = ask('solvang', question);
    expect(answer.kind).toBe('unknown');
    for (const value of figures()) expect(said(answer)).not.toMatch(new RegExp(`(^|[^\\d,.])${value.replace('.', '[.,]')}([^\\d,]|$)`));
  });

  it('the unit the documents hold keeps its figure', () => {
    const skoven = data('solvang').units.find((u) => u.name === 'Børnekreds Skoven')!;
    const houses = (skoven.figures ?? []).find((f) => f.metric === 'institutions' || /børnehuse/.test(f.text.da))!;
    const answer = ask('solvang', 'hvor mange børnehuse er der i børnekreds skoven');
    expect(answer.kind).toBe('answer');
    expect(said(answer)).toContain(String(houses.value));
  });
});

describe('a count of several units together is no count of one of them asked alone', () => {
  /** The figures the data gives for several units together, with the units they are of. */
  const joint = () => data('solvang').units.flatMap((u) => (u.figures ?? []).filter((f) => (f.ofUnits?.length ?? 0) > 1));

  it('"hvor mange børn går der i børnekreds bakken" says the documents give it only for the units together', () => {
    const answer = ask('solvang', 'hvor mange børn går der i børnekreds bakken');
    expect(answer.kind).toBe('unknown');
    expect(answer.headline).toMatch(/alene/);
    for (const f of joint()) expect(answer.headline).not.toMatch(new RegExp(`(^|[^\\d.,])${f.value}([^\\d]|$)`));
  });

  it('asked of the units together, the count is given', () => {
    const answer = ask('solvang', 'hvor mange børn går der i børnekreds bakken og skoven');
    expect(answer.kind).toBe('answer');
    expect(joint().some((f) => said(answer).includes(String(f.value)))).toBe(true);
  });
});
