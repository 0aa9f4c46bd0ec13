/**
 * Dates of an item asked the way leaders ask in chat, over several knowledge bases: deadlines by what is due and the
 * act of handing it in ("when do we have to hand in budget requests", "hvornår skal vi melde sommerferiepasning ind"),
 * dates whose label names the role or person they concern, a period's first and last day ("hvornår er tilsynet
 * færdigt", "how long does the seminar last"), a kind of date that only the label says, a start asked of a programme
 * named with a unit, and the first or last day of a meeting series without a period. Each expected day is read from
 * the knowledge base by the date's id, never written in the test; and questions the documents cannot answer stay
 * unanswered.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderAnswerText } from '../../src/answering/index.js';
import { shortDate } from '../../src/answering/answer-context.js';
import { createQueries } from '../../src/knowledge/queries.js';
import { loadAnswerers, type Loaded } from '../helpers/answerers.js';

const NOW = new Date('2026-11-30T09:00:00Z');
const HBJ = 'tests/fixtures/kb-havbjerg';
const RVS = 'tests/fixtures/kb-ravnsholt';
const HVM = 'tests/fixtures/kb-hvidmose';
const BKK = 'tests/fixtures/kb-bakkekaer';
const FJB = 'tests/fixtures/kb-other';
const KBS = [HBJ, RVS, HVM, BKK, FJB];
let loaded = new Map<string, Loaded>();

beforeAll(async () => {
  loaded = await loadAnswerers(KBS, NOW);
});

/** The day a right answer states: the date's own day, or a period's last day (`edge` 'end'). */
function dayOf(dir: string, id: string, edge: 'start' | 'end' = 'start'): string {
  const date = loaded.get(dir)!.data.dates.find((d) => d.id === id);
  expect(date, `${dir}: date ${id}`).toBeDefined();
  return edge === 'end' ? (date!.end ?? date!.date) : date!.date;
}

function answerText(dir: string, question: string): { kind: string; text: string } {
  const answer = loaded.get(dir)!.answerer.answer(question);
  return { kind: answer.kind, text: renderAnswerText(answer, { details: true }) };
}

type Case = readonly [dir: string, question: string, dateId: string, lang: 'da' | 'en', edge?: 'start' | 'end'];

describe('a deadline asked by what is due and the act of handing it in', () => {
  const cases: Case[] = [
    [HBJ, 'when do we have to hand in budget requests', 'hbj-frist-budgetoensker-2028', 'en'],
    [HVM, 'when do the houses have to submit budget requests', 'hvm-frist-budgetoensker-2028', 'en'],
    [HBJ, 'hvornår skal vi senest sende budgetønsker for 2028', 'hbj-frist-budgetoensker-2028', 'da'],
    [RVS, 'hvornår skal vi melde sommerferiepasning ind', 'rvs-frist-sommerferiepasning', 'da'],
    [HBJ, 'hvornår skal behovet for sommerferiepasning meldes til pladsanvisningen', 'hbj-frist-sommerferiepasning', 'da'],
    [RVS, 'hvornår skal evalueringen af læreplanen afleveres til fælleslederen', 'rvs-frist-laereplansevaluering', 'da'],
    [HBJ, 'what is the deadline for the 2028 budget wishes', 'hbj-frist-budgetoensker-2028', 'en'],
    [BKK, 'hvornår skal sprogvurderingerne indberettes', 'bkk-dato-sprogvurderinger', 'da'],
    [BKK, 'hvornår skal vi indberette sprogvurderinger', 'bkk-dato-sprogvurderinger', 'da'],
  ];
  for (const [dir, question, id, lang, edge] of cases) it(`${dir}: ${question}`, () => {
    const { kind, text } = answerText(dir, question);
    expect(kind, question).toBe('answer');
    expect(text, question).toContain(shortDate(dayOf(dir, id, edge), lang));
  });
});

describe('a date whose label names the role or the person it concerns', () => {
  const cases: Case[] = [
    [HBJ, 'sidste frist for budgetønsker til fagchefen', 'hbj-frist-budgetoensker-2028', 'da'],
    [HVM, 'hvornår skal budgetønskerne sendes til børnechefen', 'hvm-frist-budgetoensker-2028', 'da'],
    [RVS, 'when are budget requests due to the sektorchef', 'rvs-frist-budgetoensker-2028', 'en'],
    [HBJ, 'hvornår går leila på pension', 'hbj-leila-pension', 'da'],
    [HBJ, 'when does leila retire', 'hbj-leila-pension', 'en'],
    [RVS, 'hvornår går yasmin på pension', 'rvs-leila-pension', 'da'],
  ];
  for (const [dir, question, id, lang] of cases) it(`${dir}: ${question}`, () => {
    const { kind, text } = answerText(dir, question);
    expect(kind, question).toBe('answer');
    expect(text, question).toContain(shortDate(dayOf(dir, id), lang));
  });
});

describe("a period's first and last day, and how long it lasts", () => {
  const cases: Case[] = [
    [HVM, 'hvornår er tilsynet færdigt', 'hvm-periode-tilsyn', 'da', 'end'],
    [HVM, 'when is the inspection finished', 'hvm-periode-tilsyn', 'en', 'end'],
    [HVM, 'hvornår går tilsynet i gang', 'hvm-periode-tilsyn', 'da'],
    [HVM, 'how long is the leadership seminar', 'hvm-ledelsesseminar', 'en', 'end'],
    [HVM, 'hvor længe varer ledelsesseminaret', 'hvm-ledelsesseminar', 'da', 'end'],
    [FJB, 'hvor længe varer temaugen om sprog', 'fjb-dato-temauge-sprog', 'da', 'end'],
    [RVS, 'how long does the supervision last', 'rvs-periode-tilsyn', 'en', 'end'],
    [RVS, 'hvornår er LTS slut', 'rvs-periode-lts', 'da', 'end'],
    [HBJ, 'hvornår skal LUS være gennemført', 'hbj-periode-lus', 'da', 'end'],
    [HBJ, 'last day of the summer closure', 'hbj-periode-sommerlukning', 'en', 'end'],
    [RVS, 'hvornår er der lukket i sommerferien', 'rvs-periode-sommerlukning', 'da'],
    [HVM, 'hvornår er børnehusene lukket om sommeren', 'hvm-periode-sommerlukning', 'da'],
  ];
  for (const [dir, question, id, lang, edge] of cases) it(`${dir}: ${question}`, () => {
    const { kind, text } = answerText(dir, question);
    expect(kind, question).toBe('answer');
    expect(text, question).toContain(shortDate(dayOf(dir, id, edge), lang));
  });
});

describe('a start asked by its own word, or of a programme named with a unit', () => {
  const cases: Case[] = [
    [HBJ, 'tiltrædelsesdato rævehøj', 'hbj-raevehoej-start', 'da'],
    [HBJ, 'ansættelsestidspunkt for den nye leder i rævehøj', 'hbj-raevehoej-start', 'da'],
    [BKK, 'when does the klar model start in område vest', 'bkk-dato-klar-vest', 'en'],
  ];
  for (const [dir, question, id, lang] of cases) it(`${dir}: ${question}`, () => {
    const { kind, text } = answerText(dir, question);
    expect(kind, question).toBe('answer');
    // A date the documents give as a month is said as the month.
    const date = loaded.get(dir)!.data.dates.find((d) => d.id === id)!;
    const said = date.precision === 'month' ? (lang === 'da' ? 'august 2027' : 'August 2027') : shortDate(date.date, lang);
    expect(text, question).toContain(said);
  });
});

describe('the last day of a meeting series that ends, asked without a period', () => {
  it('answers with the last day the recurrence gives, in Danish and English', () => {
    const { kb, answerer } = loaded.get(HVM)!;
    const queries = createQueries(kb);
    let asked = 0;
    for (const m of kb.data.meetings.filter((x) => x.validUntil && x.recurrence?.rrule)) {
      const last = queries.meetingOccurrences(m.id, NOW.toISOString().slice(0, 10), m.validUntil!).at(-1)!.date;
      for (const [q, lang] of [
        [`hvornår er sidste ${m.names[0] ?? m.name}`, 'da'],
        [`when is the last ${m.namesEn[0] ?? m.labelEn}`, 'en'],
      ] as const) {
        expect(renderAnswerText(answerer.answer(q)).split('\n')[0], q).toContain(shortDate(last, lang));
        asked++;
      }
    }
    expect(asked).toBeGreaterThan(0);
  });
});

describe('questions the calendar cannot answer stay unanswered', () => {
  const cases: ReadonlyArray<readonly [string, string]> = [
    [RVS, 'hvornår er fristen for budgetønsker for 2029'],
    [RVS, 'hvornår er ansøgningsfristen til stillingen som sektorchef'],
    [HBJ, 'when is the deadline for budget requests for 2030'],
    [HVM, 'Hvornår er der MUS for kvartercheferne?'],
    [RVS, 'hvornår er tilmeldingsfristen til julefrokosten'],
  ];
  for (const [dir, question] of cases) it(`${dir}: ${question}`, () => {
    expect(loaded.get(dir)!.answerer.answer(question).kind, question).toBe('unknown');
  });
});

describe('two dates of one item set against each other, and two questions in one', () => {
  const cases: ReadonlyArray<readonly [string, string, readonly string[], 'da' | 'en', number]> = [
    [FJB, 'hvor mange dage er der fra ansøgningsfristen til første samtale i mågen', ['fjb-dato-maagen-frist', 'fjb-dato-maagen-samtale-1'], 'da', 6],
    [FJB, 'how many days between the application deadline and the first interview for the mågen job', ['fjb-dato-maagen-frist', 'fjb-dato-maagen-samtale-1'], 'en', 6],
    [HBJ, 'how long is it from the application deadline to the first interview round at rævehøj', ['hbj-raevehoej-frist', 'hbj-raevehoej-samtale-1'], 'en', 8],
    [FJB, 'hvornår var fristen for at søge koordinatorjobbet, og hvornår skulle vedkommende starte', ['fjb-dato-aalekisten-frist', 'fjb-dato-aalekisten-start'], 'da', 0],
  ];
  for (const [dir, question, ids, lang, days] of cases) {
    it(`${dir}: ${question}`, () => {
      const { kind, text } = answerText(dir, question);
      expect(kind, question).toBe('answer');
      for (const id of ids) expect(text, question).toContain(shortDate(dayOf(dir, id), lang));
      if (days > 0) expect(text, question).toContain(lang === 'da' ? `${days} dage` : `${days} days`);
    });
  }
});

describe('a period between two days, and a count of a series in a year', () => {
  it('lists what falls between two days the question names', () => {
    const { data } = loaded.get(BKK)!;
    const inside = data.dates.filter((d) => d.precision === 'day' && d.date >= '2027-03-01' && d.date <= '2027-03-15');
    expect(inside.length).toBeGreaterThan(0);
    for (const [q, lang] of [
      ['anything on between 1 and 15 march 2027', 'en'],
      ['hvad sker der fra 1. til 15. marts 2027', 'da'],
    ] as const) {
      const { text } = answerText(BKK, q);
      for (const d of inside) expect(text, q).toContain(shortDate(d.date, lang));
    }
  });
  it('counts the days of a recurring meeting in a year', () => {
    const { kb } = loaded.get(RVS)!;
    const queries = createQueries(kb);
    for (const m of kb.data.meetings.filter((x) => x.recurrence?.rrule)) {
      const n = queries.meetingOccurrences(m.id, '2027-01-01', '2027-12-31').length;
      if (n < 2) continue;
      const q = `hvor mange ${m.names[0] ?? m.name} er der i 2027`;
      expect(renderAnswerText(loaded.get(RVS)!.answerer.answer(q)).split('\n')[0], q).toContain(`${n} gange`);
    }
  });
});
