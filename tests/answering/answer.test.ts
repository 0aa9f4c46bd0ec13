/**
 * The answering engine on the seed knowledge base and on a made-up one (Fjordby): the same kinds
 * of question, in Danish and English, answered from whatever data is loaded.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnswerer, renderAnswerText, type Answer, type Answerer } from '../../src/answering/index.js';
import { loadKnowledgeOrThrow } from '../../src/knowledge/load-knowledge.js';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { formatDate } from '../../src/time/format-date.js';

/** 24 November 2026, 10:00 in Copenhagen. */
const NOW = new Date('2026-11-24T09:00:00Z');

interface Case {
  readonly q: string;
  readonly kind?: Answer['kind'];
  readonly must?: readonly string[];
  readonly mustNot?: readonly string[];
}

// The card shows the details behind "Vis mere": a right answer may keep its evidence there.
const text = (answer: Answer) => renderAnswerText(answer, { details: true }).toLowerCase();

function check(answerer: Answerer, c: Case): void {
  const answer = answerer.answer(c.q);
  const rendered = text(answer);
  if (c.kind) expect(answer.kind, rendered).toBe(c.kind);
  for (const m of c.must ?? []) expect(rendered, `"${c.q}" should mention "${m}"`).toContain(m.toLowerCase());
  // The quoted source may mention neighbouring facts; the answer itself must not.
  const body = [answer.headline, ...answer.sections.flatMap((s) => [s.title, ...s.lines])].join('\n').toLowerCase();
  for (const m of c.mustNot ?? []) expect(body, `"${c.q}" must not mention "${m}"`).not.toContain(m.toLowerCase());
  if (answer.kind !== 'unknown') expect(answer.sources.length).toBeGreaterThan(0);
}

const SEED_CASES: readonly Case[] = [
  { q: 'Hvem refererer klyngelederne til?', must: ['dagtilbudschef'] },
  { q: 'Who do the cluster leaders report to in Høje-Taastrup?', kind: 'answer', must: ['dagtilbudschef'] },
  { q: 'who do the cluster leaders reprot to in hoeje-taastrup?', must: ['dagtilbudschef'] },
  { q: 'hvem refererer paedagogisk leder i stjernehuset til', must: ['distriktsleder'] },
  { q: 'Who manages the pedagogical leaders in a Ballerup district?', must: ['distriktsleder'] },
  { q: 'Hvem refererer til dagtilbudschefen?', must: ['klyngeleder', 'konsulentteam'] },
  { q: 'Hvordan er ledelsen i Stjernehuset organiseret?', must: ['vuggestue', 'børnehave'] },
  { q: 'How many day-care facilities does Høje-Taastrup have?', must: ['49'] },
  { q: 'Hvor mange børn går i Distrikt Baltorp?', must: ['750'] },
  { q: 'Hvad er ansøgningsfristen for stabslederstillingen?', kind: 'answer', must: ['6. april 2026', 'overstået'], mustNot: ['10. januar'] },
  { q: 'When is the first interview round for the Stjernehuset job?', must: ['15 January 2026', 'passed'], mustNot: ['22 January'] },
  { q: 'Hvilke datoer er der i januar 2026?', must: ['10. januar 2026', '15. januar 2026', '22. januar 2026'], mustNot: ['april'] },
  { q: 'Hvornår er der samtaler?', kind: 'ambiguous', must: ['13. april 2026', '15. januar 2026'] },
  { q: 'Hvornår er ansøgningsfristen?', kind: 'ambiguous', must: ['6. april 2026', '10. januar 2026'] },
  { q: 'Which law frames the leadership of day care in Copenhagen?', must: ['dagtilbudslov'] },
  { q: 'Which strategies should the head of day care in Høje-Taastrup know?', must: ['sprogstrategi', 'inklusionsstrategi'] },
  { q: 'Hvem skal jeg ringe til om stillingen i Stjernehuset?', must: ['helle kristensen', '4477 1847'] },
  { q: 'Who is the contact person for the staff leader position?', must: ['tanja steffe nøhr', '21648304'], mustNot: ['helle'] },
  { q: 'Hvad er dagtilbudschefens ansvar for økonomien?', must: ['budget'] },
  { q: 'Hvad kræves der før ansættelse i Stjernehuset?', must: ['børneattest', 'straffe'] },
  { q: 'Hvilke seks begreber bygger MED-aftalen på?', must: ['medindflydelse', 'tillidsdagsorden'] },
  { q: 'Which three capabilities must a cluster leadership team in Copenhagen have?', must: ['relevant', 'problem', 'trust'] },
  { q: 'Hvad er GRUS?', must: ['samtale'] },
  { q: 'What potential for further development did Ballerup\'s status report point to?', must: ['theme days', 'administrative'] },
  { q: 'Who is the CEO of LEGO?', kind: 'unknown', mustNot: ['tanja', 'helle'] },
  { q: 'Hvad er ansøgningsfristen for en stilling som skoleleder i Ballerup?', kind: 'unknown', mustNot: ['10. januar', '6. april'] },
  { q: 'Hvad er hovedstaden i Mongoliet?', kind: 'unknown' },
  { q: 'Hvem leder Distrikt Baltorp?', kind: 'answer', must: ['distriktsleder'] },
  { q: 'How many employees work in Distrikt Baltorp?', must: ['200'], mustNot: ['750'] },
  { q: 'Hvem deltager i GRUS-samtalerne?', must: ['klubleder', 'distriktsskoleleder'] },
  { q: 'What are the responsibilities of the head of day care?', kind: 'answer', must: ['budget'], mustNot: ['stjernehuset'] },
  { q: 'Hvad er faglig ledelse ifølge klyngeledelsesprofilen?', must: ['børnenes udbytte'] },
  { q: 'Who is the district leader in Baltorp?', kind: 'answer', must: ['helle kristensen', '4477 1847'] },
  { q: 'Who is the head of day care?', mustNot: ['tanja'] },
  { q: 'What is the phone number of the head of day care?', kind: 'unknown', mustNot: ['tanja', 'helle'] },
  { q: 'When is the interview for the head of day care job?', kind: 'unknown', mustNot: ['april', 'january'] },
  { q: 'Who is the head of day care in Copenhagen?', kind: 'unknown' },
  { q: 'Hvem refererer dagtilbudschefen til?', kind: 'unknown', must: ['ingen oplysninger'] },
  { q: 'hvornår er ansøgningsfrsten for stabslederstillingen', kind: 'answer', must: ['6. april 2026'] },
  { q: 'How is the economy followed up in the districts?', must: ['transparent'] },
  { q: 'Hvad siger statusrapporten om forberedelsestid?', must: ['forberedelsestid'] },
  { q: 'Hvilke politikker gælder i København?', must: ['dagtilbudsloven', 'med-aftalen'], mustNot: ['sprogstrategi'] },
  { q: 'Hvornår starter den nye leder af staben?', must: ['1. juni 2026'] },
  { q: 'hvem refererer klyngelederne til i kobenhavn', kind: 'answer', must: ['børne- og ungdomsforvaltningen'], mustNot: ['dagtilbudschef'] },
  { q: 'Who does the pedagogical leader in Copenhagen report to?', kind: 'answer', must: ['klyngeleder'], mustNot: ['medarbejder'] },
  { q: 'Hvilke anbefalinger gav statusrapporten i Ballerup?', kind: 'answer', must: ['temadage', 'administrative support'] },
  { q: 'Who is the CEO of LEGO in Ballerup?', kind: 'unknown' },
];

const FJORDBY_CASES: readonly Case[] = [
  { q: 'Hvem refererer områdelederne til?', must: ['dagtilbudsdirektør'] },
  { q: 'Who does the area leader report to?', must: ['dagtilbudsdirektør'] },
  { q: 'hvem refererer omraadelederen til', must: ['dagtilbudsdirektør'] },
  { q: 'Hvem refererer til dagtilbudsdirektøren?', must: ['områdeleder'] },
  { q: 'Hvornår er ansøgningsfristen for stillingen i Mågen?', kind: 'answer', must: ['20. februar 2026'], mustNot: ['9. marts'] },
  { q: 'When is the second interview for the Mågen job?', must: ['4 March 2026'], mustNot: ['26 February'] },
  { q: 'Hvornår er ansøgningsfristen?', kind: 'ambiguous', must: ['20. februar 2026', '9. marts 2026'] },
  { q: 'Hvilke datoer er der i marts 2026?', must: ['4. marts 2026', '9. marts 2026', '16. marts 2026'], mustNot: ['20. februar'] },
  { q: 'Hvem kan jeg kontakte om stillingen på Ålekisten?', must: ['jens ærø dahl', '72 10 45 00'], mustNot: ['mette'] },
  { q: 'Which law applies to the director of day care in Fjordby?', must: ['dagtilbudsloven'] },
  { q: 'Hvor ofte holdes Ledelsesforum?', must: ['måneden'] },
  { q: 'Who is the CEO of LEGO?', kind: 'unknown' },
  { q: 'Hvem leder Område Nord?', kind: 'answer', must: ['områdeleder'] },
  { q: 'Hvem er Mette Kjærgaard Holm?', kind: 'answer', must: ['61 22 33 44'] },
  { q: 'Hvem refererer kommunaldirektøren til?', kind: 'unknown' },
  { q: 'Hvor mange børn går i Børnehuset Mågen?', must: ['96'], mustNot: ['18 '] },
  { q: 'Hvad er ansøgningsfristen for en stilling som skoleleder?', kind: 'unknown', mustNot: ['20. februar', '9. marts'] },
];

describe.each([
  { name: 'seed knowledge base', dir: 'data', cases: SEED_CASES },
  { name: 'made-up Fjordby knowledge base', dir: 'tests/fixtures/kb-other', cases: FJORDBY_CASES },
])('answerQuestion on the $name', ({ dir, cases }) => {
  let kb: KnowledgeBase;
  let answerer: Answerer;
  beforeAll(async () => {
    kb = await loadKnowledgeOrThrow(dir);
    answerer = createAnswerer(kb, { now: () => NOW });
  });

  it.each(cases)('answers "$q"', (c) => check(answerer, c));

  it('answers whom every role with a reporting line reports to, in Danish and English', () => {
    for (const line of kb.data.reportingLines) {
      const from = kb.get(line.from);
      const to = kb.get(line.to);
      if (from?.kind !== 'roles' || !to || !('name' in to.item)) continue;
      const toName = to.item.name.toLowerCase();
      const municipality = from.item.municipality ? kb.get(from.item.municipality) : undefined;
      const where = municipality && 'name' in municipality.item ? ` i ${municipality.item.name}` : '';
      expect(text(answerer.answer(`Hvem refererer ${from.item.name}${where} til?`)), from.item.id).toContain(toName);
      expect(text(answerer.answer(`Who does the ${from.item.labelEn}${where.replace(' i ', ' in ')} report to?`)), from.item.id).toContain(toName);
    }
  });

  it('gives every application deadline of every posting, with the date written out', () => {
    for (const date of kb.data.dates.filter((d) => d.kind === 'application-deadline')) {
      const posting = kb.get(date.about);
      if (posting?.kind !== 'postings') continue;
      expect(text(answerer.answer(`Hvornår er ansøgningsfristen for ${posting.item.name}?`))).toContain(formatDate(date.date, 'da'));
      expect(text(answerer.answer(`When is the application deadline for ${posting.item.labelEn}?`)).toLowerCase()).toContain(
        formatDate(date.date, 'en').toLowerCase(),
      );
    }
  });

  it('gives the phone number of every person, also when the name is typed without Danish letters', () => {
    for (const person of kb.data.people.filter((p) => p.phone)) {
      const ascii = person.name.replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa').replace(/Æ/g, 'Ae').replace(/Ø/g, 'Oe').replace(/Å/g, 'Aa');
      expect(text(answerer.answer(`Hvad er telefonnummeret til ${ascii}?`)), person.id).toContain(person.phone!.toLowerCase());
    }
  });

  it('replies in the language of the question, citing the source document by title', () => {
    const da = answerer.answer(`Hvad er ${kb.data.policies[0]!.name}?`);
    const en = answerer.answer(`What is ${kb.data.policies[0]!.labelEn}?`);
    expect(da.lang).toBe('da');
    expect(en.lang).toBe('en');
    for (const answer of [da, en]) {
      expect(answer.kind).not.toBe('unknown');
      const titles = answer.sources.map((s) => s.title);
      const documents = [...kb.documents.values()].flatMap((d) => [d.title, d.titleEn]);
      for (const title of titles) expect(documents).toContain(title);
    }
  });

  it('says plainly when it does not know, with suggestions it can answer, in both languages', () => {
    for (const [q, lang, phrase] of [
      ['Hvad koster en kop kaffe i kantinen på Mars?', 'da', 'ved jeg ikke'],
      ['What is the price of coffee on Mars?', 'en', "don't know"],
    ] as const) {
      const answer = answerer.answer(q);
      expect(answer.kind).toBe('unknown');
      expect(answer.lang).toBe(lang);
      expect(answer.headline.toLowerCase()).toContain(phrase);
      expect(answer.suggestions.length).toBeGreaterThanOrEqual(2);
      for (const suggestion of answer.suggestions) expect(answerer.answer(suggestion).kind, suggestion).not.toBe('unknown');
    }
  });
});

describe('answer dates relative to today', () => {
  it('marks a date as passed only when it is before today in Copenhagen', async () => {
    const kb = await loadKnowledgeOrThrow('tests/fixtures/kb-other');
    const before = createAnswerer(kb, { now: () => new Date('2026-02-19T22:30:00Z') }); // 23:30 on 19 Feb in Copenhagen
    const after = createAnswerer(kb, { now: () => new Date('2026-02-20T23:30:00Z') }); // 00:30 on 21 Feb in Copenhagen
    const q = 'Hvornår er ansøgningsfristen for stillingen i Mågen?';
    expect(text(before.answer(q))).not.toContain('overstået');
    expect(text(after.answer(q))).toContain('overstået');
  });

  it('answers chat-added deadlines like knowledge-base dates', async () => {
    const kb = await loadKnowledgeOrThrow('tests/fixtures/kb-other');
    const answerer = createAnswerer(kb, {
      now: () => NOW,
      deadlines: { list: () => [{ id: 'd1', title: 'Budgetopfølgning', date: '2026-12-04' }] },
    });
    expect(text(answerer.answer('Hvornår er fristen for budgetopfølgning?'))).toContain('4. december 2026');
    expect(text(answerer.answer('When is the budgetopfølgning deadline?'))).toContain('4 december 2026');
  });
});
