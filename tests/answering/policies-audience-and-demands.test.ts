/**
 * A policy asked whom it is for ("hvem er X for", "who is X meant for") and what it asks of one post ("hvad kræver X af
 * dagplejerne", "what does X expect from the childminders"), on several knowledge bases. Expected facts come from the data.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderAnswerText } from '../../src/answering/index.js';
import { loadAnswerers, type Loaded } from '../helpers/answerers.js';

const NOW = new Date('2026-11-30T09:00:00Z');
const FJORDBY = 'tests/fixtures/kb-other';
const BAKKEKAER = 'tests/fixtures/kb-bakkekaer';
const RAVNSHOLT = 'tests/fixtures/kb-ravnsholt';
const HAVBJERG = 'tests/fixtures/kb-havbjerg';
let loaded: Map<string, Loaded>;

beforeAll(async () => {
  loaded = await loadAnswerers([FJORDBY, BAKKEKAER, RAVNSHOLT, HAVBJERG], NOW);
});

const ask = (dir: string, q: string) => {
  const answer = loaded.get(dir)!.answerer.answer(q);
  return { answer, text: renderAnswerText(answer, { details: true }) };
};
const policy = (dir: string, id: string) => loaded.get(dir)!.data.policies.find((p) => p.id === id)!;
const itemName = (dir: string, id: string, lang: 'da' | 'en') => {
  const d = loaded.get(dir)!.data;
  const item = [...d.roles, ...d.units].find((x) => x.id === id)!;
  return lang === 'da' ? item.name : item.labelEn;
};

describe('whom a policy is for: every post and unit it is relevant for', () => {
  it.each([
    { dir: FJORDBY, id: 'fjb-laeringsstrategi', q: 'hvem er læringsstrategien for', lang: 'da' as const },
    { dir: FJORDBY, id: 'fjb-laeringsstrategi', q: 'who is the learning strategy for', lang: 'en' as const },
    { dir: FJORDBY, id: 'fjb-sprogpolitik', q: 'hvem er sprogpolitikken for', lang: 'da' as const },
    { dir: BAKKEKAER, id: 'bkk-politik-tidlig-indsats', q: 'who is the early intervention policy meant for', lang: 'en' as const },
    { dir: RAVNSHOLT, id: 'rvs-madpolitik', q: 'hvem er madpolitikken for', lang: 'da' as const },
    { dir: HAVBJERG, id: 'hbj-driftsoverenskomst', q: 'hvem er driftsoverenskomsten for', lang: 'da' as const },
  ])('$q ($dir)', ({ dir, id, q, lang }) => {
    const { answer, text } = ask(dir, q);
    expect(answer.kind, q).toBe('answer');
    const p = policy(dir, id);
    expect(p.relevantFor.length).toBeGreaterThan(0);
    for (const ref of p.relevantFor) expect(text, q).toContain(itemName(dir, ref, lang));
    // Answer first: a long list is counted in the first line and listed below it, never cut off.
    expect(answer.headline).not.toContain('…');
  });
});

describe('what a policy asks of one post: its statement that names that post leads', () => {
  // The statement of the policy that names the post, found in the data by the post's own (Danish) name.
  const statementNaming = (dir: string, id: string, word: RegExp) => policy(dir, id).requires.find((r) => word.test(r.da))!;
  it.each([
    { dir: BAKKEKAER, id: 'bkk-politik-tidlig-indsats', q: 'hvad kræver politikken for tidlig indsats af børnehuslederne', word: /^Børnehuslederne/, lang: 'da' as const },
    { dir: RAVNSHOLT, id: 'rvs-madpolitik', q: 'hvad kræver madpolitikken af dagplejerne', word: /^Dagplejerne/, lang: 'da' as const },
    { dir: RAVNSHOLT, id: 'rvs-madpolitik', q: 'what does the food policy expect from the childminders', word: /^Dagplejerne/, lang: 'en' as const },
    { dir: HAVBJERG, id: 'hbj-maaltidspolitik', q: 'what does the food policy mean for the dagplejere', word: /^Dagplejerne/, lang: 'en' as const },
    { dir: HAVBJERG, id: 'hbj-maaltidspolitik', q: 'hvad skal forstanderne gøre ifølge madpolitikken', word: /forstanderen/, lang: 'da' as const },
    { dir: FJORDBY, id: 'fjb-laeringsstrategi', q: 'hvad kræver læringsstrategien af områdelederne', word: /områdelederne/, lang: 'da' as const },
  ])('$q ($dir)', ({ dir, id, q, word, lang }) => {
    const statement = statementNaming(dir, id, word);
    expect(statement, 'the data has the statement').toBeDefined();
    const { answer } = ask(dir, q);
    expect(answer.kind, q).toBe('answer');
    expect(answer.headline, q).toBe(statement[lang]);
  });
});

describe('whether a policy covers something named beside it', () => {
  it.each([
    { dir: HAVBJERG, q: 'does the meal policy cover the selvejende institutions', lang: 'en' as const },
    { dir: RAVNSHOLT, q: 'does the food policy apply to the self-governing institutions', lang: 'en' as const },
  ])('$q: what the policy says of them, not its period ($dir)', ({ dir, q, lang }) => {
    const { answer, text } = ask(dir, q);
    expect(answer.kind, q).toBe('answer');
    expect(text.toLowerCase(), q).toMatch(lang === 'en' ? /self-governing/ : /selvejende/);
  });

  it('a reporting question ending in "til" is no question of whom a policy is for', () => {
    const { answer } = ask(FJORDBY, 'hvem refererer områdelederen til');
    const boss = loaded.get(FJORDBY)!.data.roles.find((r) => r.id === 'fjb-omraadeleder')!.reportsTo[0]!;
    expect(answer.headline.toLowerCase()).toContain(loaded.get(FJORDBY)!.data.roles.find((r) => r.id === boss)!.name);
  });
});
