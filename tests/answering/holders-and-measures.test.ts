/**
 * What the knowledge model now holds, answered in both languages with our own phrasings on several knowledge bases:
 * the unit each holder of a shared role leads (a person's `unit`), figures with a unit of measure, for a period and of
 * several units together, a meeting's vice-chair and secretary, a posting's hiring committee, and a person's leave with
 * the acting holder. Expected facts are read from the data where they can be; the tempting wrong fact must be absent.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnswerer, renderAnswerText } from '../../src/answering/index.js';
import { createKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { loadAnswerers, type Loaded } from '../helpers/answerers.js';

const NOW = new Date('2026-11-30T09:00:00Z');
const OTHER = 'tests/fixtures/kb-other';
const HJORTSOE = 'tests/fixtures/kb-hjortsoe';
const SOLVANG = 'tests/fixtures/kb-solvang';
const BAKKEKAER = 'tests/fixtures/kb-bakkekaer';
const HAVBJERG = 'tests/fixtures/kb-havbjerg';
const RAVNSHOLT = 'tests/fixtures/kb-ravnsholt';

let loaded: Map<string, Loaded>;
beforeAll(async () => {
  loaded = await loadAnswerers([OTHER, HJORTSOE, SOLVANG, BAKKEKAER, HAVBJERG, RAVNSHOLT], NOW);
});
const ask = (dir: string, q: string) => renderAnswerText(loaded.get(dir)!.answerer.answer(q), { details: true });
const first = (dir: string, q: string) => ask(dir, q).split('\n')[0]!;

/**
 * Fjordby with Mette Kjærgaard Holm's title stripped of her area ("områdeleder"): only her `unit` says she leads
 * Område Nord, so these answers show the data field at work, not a title read as text.
 */
function fjordbyByUnitOnly(kb: KnowledgeBase, unit: string | undefined): KnowledgeBase {
  const data = structuredClone(kb.data);
  const mette = data.people.find((p) => p.id === 'fjb-mette-kjaergaard-holm')!;
  mette.title = { da: 'områdeleder', en: 'area leader' };
  mette.contactFor = [];
  if (unit === undefined) delete mette.unit;
  else mette.unit = unit;
  return createKnowledgeBase(data);
}

describe("a shared role's holder leads their own unit", () => {
  const variant = (unit: string | undefined) => createAnswerer(fjordbyByUnitOnly(loaded.get(OTHER)!.kb, unit), { now: () => NOW });
  const text = (answerer: ReturnType<typeof variant>, q: string) => renderAnswerText(answerer.answer(q), { details: true });

  it.each([
    ['hvor mange børn har Mette Kjærgaard Holm ansvar for', '850', '1.050'],
    ['how many children is Mette Kjærgaard Holm responsible for', '850', '1,050'],
    ['hvor mange dagtilbud er der hos Mette Kjærgaard Holm', '11 dagtilbud', '13 dagtilbud'],
  ])('counts through the person in the unit the data gives her (%s)', (q, right, wrong) => {
    const answer = text(variant('fjb-omraade-nord'), q);
    expect(answer).toContain(right);
    expect(answer).not.toContain(wrong);
  });

  it.each([
    ['hvem er områdeleder for Område Nord', true],
    ['who is the area leader of Område Nord', true],
    ['hvem er områdeleder i Område Syd', false],
    ['who is area leader for Område Syd', false],
  ])('names her only for her own area (%s)', (q, named) => {
    const answer = text(variant('fjb-omraade-nord'), q);
    if (named) expect(answer.split('\n')[0]).toContain('Mette Kjærgaard Holm');
    else {
      expect(answer.split('\n')[0]).not.toContain('Mette Kjærgaard Holm');
      // Named as holder of the post elsewhere, she is named with the area she leads.
      for (const line of answer.split('\n').filter((l) => l.includes('Mette Kjærgaard Holm'))) expect(line).toContain('Nord');
    }
  });

  it('follows the data when it places her in the other area', () => {
    const south = variant('fjb-omraade-syd');
    expect(text(south, 'hvor mange børn har Mette Kjærgaard Holm ansvar for')).toContain('1.050');
    expect(text(south, 'hvem er områdeleder for Område Nord').split('\n')[0]).not.toContain('Mette Kjærgaard Holm');
    expect(text(south, 'who is the area leader of Område Syd')).toContain('Mette Kjærgaard Holm');
  });

  it("names the holder of the boss's post in the asker's own area only", () => {
    // Børnehuset Mågen lies in Nord: its leader's boss is Mette; Ålekisten lies in Syd, whose area leader is not named.
    expect(text(variant('fjb-omraade-nord'), 'hvem refererer lederen af Børnehuset Mågen til')).toContain('Mette Kjærgaard Holm');
    expect(text(variant('fjb-omraade-nord'), 'who does the head of Vuggestuen Ålekisten report to')).not.toContain('Mette Kjærgaard Holm');
  });
});

describe('figures with a unit of measure, for a period, and of several units together', () => {
  it.each([
    [HJORTSOE, 'hvor meget er budgettet for Dagtilbudsteam Midt', /62 mio\. kr\./],
    [HJORTSOE, 'how much is the budget of Team Midt', /DKK 62 million/],
    [BAKKEKAER, 'hvor stort er budgettet for småbørnsafdelingen', /412,5 mio\. kr\./],
    [HJORTSOE, 'hvor mange penge fik Bøgely og Hasselbo til legepladser', /850\.000 kr\..*2027/],
    [HJORTSOE, 'how much money did Børnecenter Bøgely and Børnecenter Hasselbo get for playgrounds', /DKK 850,000.*2027/],
  ])('shows an amount with its unit (%s: %s)', (dir, q, right) => {
    expect(first(dir, q)).toMatch(right);
  });

  it.each([
    [HJORTSOE, 'hvor højt var sygefraværet i oktober 2026', /5,8 %.*oktober 2026/],
    [HJORTSOE, 'what was the sickness absence in October 2026', /5\.8 %.*October 2026/],
    [BAKKEKAER, 'hvad var sygefraværet i 2025', /5,8 procent.*2025/],
    [BAKKEKAER, 'how high was sickness absence in 2025', /5\.8 per cent.*2025/],
    [SOLVANG, 'what was the sickness absence in August 2026', /6\.2 %.*third quarter of 2026/],
  ])('gives a figure for the period asked about, with the period (%s: %s)', (dir, q, right) => {
    expect(first(dir, q)).toMatch(right);
  });

  it.each([
    [HJORTSOE, 'hvad var sygefraværet i september 2026', 'september 2026', '5,8'],
    [BAKKEKAER, 'what was the sickness absence in 2024', '2024', '5.8'],
  ])('says when a period asked about has no figure, and which period has (%s: %s)', (dir, q, period, other) => {
    const headline = first(dir, q);
    expect(headline).toContain(period);
    expect(headline).not.toMatch(new RegExp(`^[^:]*: [^;]*${other.replace('.', '\\.')}`));
  });

  it.each([
    [OTHER, 'hvad er sygefraværet i Område Syd', /^Dokumenterne giver intet tal for "sygefraværet" i Område Syd\.$/],
    [OTHER, 'what is the budget of Område Nord', /^The documents give no "budget" figure for .*Område Nord/],
    [HJORTSOE, 'hvad var sygefraværet i Dagtilbudsteam Midt', /^Dokumenterne giver intet tal for "sygefraværet" i Dagtilbudsteam Midt\.$/],
    [SOLVANG, "what's the budget of Børnekreds Åen", /^The documents give no "budget" figure for .*Børnekreds Åen/],
  ])('says the documents give no such figure for a unit, never another fact (%s: %s)', (dir, q, right) => {
    expect(first(dir, q)).toMatch(right);
  });

  it.each([
    ['hvor mange børn har Bakken og Skoven tilsammen', '598'],
    ['how many children do Børnekreds Bakken and Børnekreds Skoven have together', '598'],
  ])('gives a figure of two units together when both are asked about (%s)', (q, value) => {
    const headline = first(SOLVANG, q);
    expect(headline).toContain(value);
    expect(headline).toMatch(/Bakken.*Skoven/);
  });

  it.each([
    ['hvor mange børnehuse er der i Børnekreds Bakken', '5 børnehuse', '10 børnehuse'],
    ['how many children\'s houses are there in Solvang Småbørn', '16', '10 children'],
  ])('never gives a figure of two units together as one unit\'s own (%s)', (q, right, wrong) => {
    const headline = first(SOLVANG, q);
    expect(headline).toContain(right);
    expect(headline).not.toContain(wrong);
  });
});

describe('offices besides the chair, hiring committees and leaves', () => {
  it.each([
    [HJORTSOE, 'hvem er næstformand i DT-MED', 'Henrik Munch Dalby'],
    [HJORTSOE, 'who is the vice-chair of DT-MED', 'Henrik Munch Dalby'],
    [SOLVANG, 'hvem er næstformand for Samarbejdsudvalget for Småbørn', 'Jonas Brink Holst'],
    [SOLVANG, 'who is vice chair of the Samarbejdsudvalget for Småbørn', 'Jonas Brink Holst'],
  ])('names the vice-chair (%s: %s)', (dir, q, person) => {
    const headline = first(dir, q);
    expect(headline).toContain(person);
  });

  it.each([
    ['hvem tager referat på kontorledelsesmødet', /driftsleder.*Kim Aaberg Stentoft/],
    ['who takes the minutes at the Kontorledelsesmøde', /head of operations.*Kim Aaberg Stentoft/],
  ])('names the secretary (%s)', (q, right) => {
    const headline = first(HJORTSOE, q);
    expect(headline).toMatch(right);
    expect(headline).not.toContain('Pernille Skau Andersen');
  });

  it.each([
    [HJORTSOE, 'hvem sidder i ansættelsesudvalget til teamchefstillingen i Team Midt', ['kontorchef', 'Dagtilbudsteam Øst', 'to enhedsledere', 'medarbejderrepræsentant']],
    [HJORTSOE, 'who is on the hiring committee for the head of Dagtilbudsteam Midt post', ['Dagtilbudsteam Øst', 'two unit leaders', 'staff representative']],
    [HAVBJERG, 'hvem sidder i ansættelsesudvalget for stillingen i Rævehøj', ['Camilla Krog Hansen', 'Anders Brøndum', 'tillidsrepræsentant']],
    [RAVNSHOLT, 'who sits on the interview panel for the Lærkereden post', ['Sofie Bundgaard Lund', 'Michael Thorsø', 'union representative']],
  ])('lists the hiring committee (%s: %s)', (dir, q, parts) => {
    const headline = first(dir, q);
    expect(headline).toMatch(/^(Ansættelsesudvalget|The hiring committee): /);
    for (const part of parts) expect(headline).toContain(part);
  });

  it.each([
    ['hvornår har Sofie Dalgaard Brix orlov', ['1. marts 2027', '31. august 2027', 'Anders Vium Kjær']],
    ['when is Sofie Dalgaard Brix on leave', ['1 March 2027', '31 August 2027', 'Anders Vium Kjær']],
    ['hvem er konstitueret for Sofie Dalgaard Brix', ['Anders Vium Kjær']],
    ['who stands in for Sofie Dalgaard Brix during her leave', ['Anders Vium Kjær']],
  ])("gives a person's leave and the acting holder (%s)", (q, parts) => {
    const headline = first(HJORTSOE, q);
    for (const part of parts) expect(headline).toContain(part);
  });

  it('keeps the holder on leave as the holder of the post', () => {
    const answer = ask(HJORTSOE, 'hvem er teamchef for Dagtilbudsteam Vest');
    expect(answer).toContain('Sofie Dalgaard Brix');
  });
});
