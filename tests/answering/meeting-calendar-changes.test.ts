/**
 * The changes to a recurring meeting's calendar asked in everyday words ("er der aflyst nogle X", "which X meetings are
 * moved", "is there an extra X"), over every knowledge base whose meetings take days out of their rule or add single
 * dates, and a meeting asked of a period that holds a day taken out. Each expected day is read from the knowledge base's
 * own recurrence, never written in the test.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderAnswerText } from '../../src/answering/index.js';
import { englishName as enName, loadAnswerers, type Loaded } from '../helpers/answerers.js';
import { shortDate } from '../../src/answering/answer-context.js';
import type { Meeting } from '../../src/knowledge/schemas.js';

const NOW = new Date('2026-11-30T09:00:00Z');
const KBS = ['tests/fixtures/kb-ulvedal', 'tests/fixtures/kb-ravnsholt', 'tests/fixtures/kb-havbjerg', 'tests/fixtures/kb-solvang', 'tests/fixtures/kb-brinkeby', 'tests/fixtures/kb-lindholt', 'tests/fixtures/kb-hjortsoe'];
let loaded = new Map<string, Loaded>();

beforeAll(async () => {
  loaded = await loadAnswerers(KBS, NOW);
});

const daName = (m: Meeting) => m.names.find((n) => n.length > 3) ?? m.name;
const changed = (m: Meeting) => m.recurrence?.rrule !== undefined && m.recurrence.exceptDates.length > 0;
/** A day taken out with no single date in its month is not held; one with a single date of its month is moved there. */
const sameMonth = (m: Meeting, day: string) => m.recurrence!.dates.filter((d) => d.slice(0, 7) === day.slice(0, 7));

describe('the changes to a meeting calendar', () => {
  it('names the days a meeting is not held, in Danish and English', () => {
    let asked = 0;
    for (const dir of KBS) {
      const { kb, answerer } = loaded.get(dir)!;
      for (const m of kb.data.meetings.filter(changed)) {
        const cancelled = m.recurrence!.exceptDates.filter((d) => sameMonth(m, d).length === 0);
        if (cancelled.length === 0) continue;
        for (const [q, lang] of [[`er der aflyst nogle ${daName(m)}`, 'da'], [`which ${enName(m)} meetings are cancelled`, 'en']] as const) {
          const reply = renderAnswerText(answerer.answer(q));
          for (const day of cancelled) expect(reply, `${dir}: ${q}`).toContain(shortDate(day, lang));
          asked++;
        }
      }
    }
    expect(asked).toBeGreaterThan(8);
  });

  it('names the day a moved meeting is moved to, and not the day taken out as a day it is held', () => {
    let asked = 0;
    for (const dir of KBS) {
      const { kb, answerer } = loaded.get(dir)!;
      for (const m of kb.data.meetings.filter(changed)) {
        for (const from of m.recurrence!.exceptDates.filter((d) => sameMonth(m, d).length === 1)) {
          const to = sameMonth(m, from)[0]!;
          const reply = renderAnswerText(answerer.answer(`er ${daName(m)} flyttet`));
          expect(reply, `${dir}: ${m.id}`).toContain(`${shortDate(from, 'da')} er flyttet til ${shortDate(to, 'da')}`);
          asked++;
        }
      }
    }
    expect(asked).toBeGreaterThan(0);
  });

  it('says the days taken out of a month asked about beside the days held', () => {
    let asked = 0;
    for (const dir of KBS) {
      const { kb, answerer } = loaded.get(dir)!;
      for (const m of kb.data.meetings.filter(changed)) {
        const july = m.recurrence!.exceptDates.filter((d) => d.startsWith('2027-07') && sameMonth(m, d).length === 0);
        if (july.length === 0) continue;
        const reply = renderAnswerText(answerer.answer(`is there ${enName(m)} in july 2027`));
        for (const day of july) expect(reply, `${dir}: ${m.id}`).toContain(shortDate(day, 'en'));
        asked++;
      }
    }
    expect(asked).toBeGreaterThan(4);
  });

  it('says that the documents mention no extra day of a meeting that has none', () => {
    const { kb, answerer } = loaded.get('tests/fixtures/kb-ravnsholt')!;
    const m = kb.data.meetings.find((x) => changed(x) && x.recurrence!.dates.length === 0)!;
    const reply = renderAnswerText(answerer.answer(`is there an extra ${enName(m)}`));
    expect(reply).toMatch(/mention no extra dates/);
  });
});
