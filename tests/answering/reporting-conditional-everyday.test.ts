/**
 * A conditional reporting line asked in everyday words: "X er væk i 3 uger – hvem er Y så under", "does Y always report
 * to X", "hvem er Y under", on several knowledge bases. The expected posts and conditions come from the data.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderAnswerText } from '../../src/answering/index.js';
import { loadAnswerers, type Loaded } from '../helpers/answerers.js';

const NOW = new Date('2026-11-30T09:00:00Z');
const SOLVANG = 'tests/fixtures/kb-solvang';
const HAVBJERG = 'tests/fixtures/kb-havbjerg';
const HVIDMOSE = 'tests/fixtures/kb-hvidmose';
const BAKKEKAER = 'tests/fixtures/kb-bakkekaer';
let loaded: Map<string, Loaded>;

beforeAll(async () => {
  loaded = await loadAnswerers([SOLVANG, HAVBJERG, HVIDMOSE, BAKKEKAER], NOW);
});

/** The role a conditional line of `from` leads to, as the data has it. */
const conditionalTo = (dir: string, from: string) => {
  const d = loaded.get(dir)!.data;
  const line = d.reportingLines.find((l) => l.from === from && l.condition !== undefined && (l.validFrom === undefined || l.validFrom <= '2026-11-30'))!;
  return d.roles.find((r) => r.id === line.to)!;
};

describe('the line that holds under a condition, asked without the word for a line', () => {
  it.each([
    { dir: SOLVANG, q: 'huschefen er væk i 3 uger - hvem er pfl så under', from: 'slv-pfl', lang: 'da' as const },
    { dir: SOLVANG, q: 'does the pfl always report to the huschef', from: 'slv-pfl', lang: 'en' as const },
    { dir: HAVBJERG, q: 'refererer den ledende pædagog altid til den daglige leder', from: 'hbj-ledende-paedagog', lang: 'da' as const },
    { dir: HVIDMOSE, q: 'does the souschef always report to the husleder', from: 'hvm-souschef', lang: 'en' as const },
  ])('$q ($dir)', ({ dir, q, from, lang }) => {
    const to = conditionalTo(dir, from);
    const answer = loaded.get(dir)!.answerer.answer(q);
    expect(answer.kind, q).toBe('answer');
    expect(answer.headline, q).toContain(lang === 'da' ? to.name : to.labelEn);
  });

  it.each([
    { dir: SOLVANG, q: 'hvem er pfl under', from: 'slv-pfl' },
    { dir: BAKKEKAER, q: 'hvem er souschefen under', from: 'bkk-souschef' },
  ])('"hvem er X under" asks whom X reports to ($q)', ({ dir, q, from }) => {
    const d = loaded.get(dir)!.data;
    const boss = d.reportingLines.find((l) => l.from === from && l.condition === undefined)?.to ?? d.roles.find((r) => r.id === from)!.reportsTo[0]!;
    const text = renderAnswerText(loaded.get(dir)!.answerer.answer(q));
    expect(text.split('\n')[0]).toContain(d.roles.find((r) => r.id === boss)!.name.split(' ')[0]!.slice(0, 8));
  });
});

describe('a conditional line asked by a word of its condition, and who supervises someone', () => {
  const RAVNSHOLT = 'tests/fixtures/kb-ravnsholt';
  let more: Map<string, Loaded>;
  beforeAll(async () => {
    more = await loadAnswerers([RAVNSHOLT, HAVBJERG, BAKKEKAER], NOW);
  });
  it.each([
    { dir: HAVBJERG, q: 'forstanderen i grankoglen, hvem refererer hun til ved tilsyn', from: 'hbj-forstander' },
    { dir: HAVBJERG, q: 'hvem refererer forstanderen til i pædagogiske spørgsmål', from: 'hbj-forstander' },
    { dir: RAVNSHOLT, q: 'hvem refererer bestyreren til i pædagogiske spørgsmål', from: 'rvs-bestyrer' },
    { dir: RAVNSHOLT, q: 'if the matrikelleder is on long sick leave who does the pædagogisk koordinator report to', from: 'rvs-paedagogisk-koordinator' },
  ])('$q ($dir)', ({ dir, q, from }) => {
    const d = more.get(dir)!.data;
    const line = d.reportingLines.find((l) => l.from === from && l.condition !== undefined)!;
    const to = d.roles.find((r) => r.id === line.to)!;
    const answer = more.get(dir)!.answerer.answer(q);
    expect(answer.kind, q).toBe('answer');
    expect(answer.headline, q).toContain(/[a-z]/.test(q.slice(0, 3)) && q.startsWith('if') ? to.labelEn : to.name.split(' ')[0]!.slice(0, 8));
  });

  it('"hvem fører tilsyn med X" asks whom X reports to', () => {
    const d = more.get(BAKKEKAER)!.data;
    const boss = d.roles.find((r) => r.id === d.roles.find((x) => x.id === 'bkk-dagplejer')!.reportsTo[0])!;
    const answer = more.get(BAKKEKAER)!.answerer.answer('hvem fører tilsyn med dagplejerne');
    expect(answer.kind).toBe('answer');
    expect(answer.headline.toLowerCase()).toContain(boss.name.toLowerCase());
  });
});
