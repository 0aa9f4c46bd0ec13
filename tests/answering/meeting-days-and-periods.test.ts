/**
 * One day of a recurring meeting ("første X i 2027", "next X after 1 March", "last X in 2027") and the first and last
 * day of a period, asked in everyday words, over every knowledge base that holds such items. Each expected day is
 * computed from the knowledge base's own recurrence, never written in the test.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderAnswerText } from '../../src/answering/index.js';
import { englishName as enName, firstLine, loadAnswerers, type Loaded } from '../helpers/answerers.js';
import { createQueries } from '../../src/knowledge/queries.js';
import { shortDate } from '../../src/answering/answer-context.js';
import { addDays } from '../../src/time/format-date.js';

const NOW = new Date('2026-11-30T09:00:00Z');
const KBS = ['data', 'tests/fixtures/kb-other', 'tests/fixtures/kb-bakkekaer', 'tests/fixtures/kb-hvidmose', 'tests/fixtures/kb-havbjerg', 'tests/fixtures/kb-ravnsholt'];
let loaded = new Map<string, Loaded>();

beforeAll(async () => {
  loaded = await loadAnswerers(KBS, NOW);
});

const daName = (m: { name: string; names: string[] }) => m.names.find((n) => n.length > 3) ?? m.name;

describe('one day of a recurring meeting', () => {
  it('the first and the last of a year, and the first after a day, in Danish and English', () => {
    let asked = 0;
    for (const dir of KBS) {
      const { kb, answerer } = loaded.get(dir)!;
      const queries = createQueries(kb);
      for (const m of kb.data.meetings.filter((x) => x.recurrence?.rrule || (x.recurrence?.dates.length ?? 0) > 1)) {
        const days = queries.meetingOccurrences(m.id, '2027-01-01', '2027-12-31');
        if (days.length < 2) continue;
        const first = days[0]!.date;
        const last = days.at(-1)!.date;
        const checks: Array<[string, string, 'da' | 'en']> = [
          [`hvornår er første ${daName(m)} i 2027`, first, 'da'],
          [`when is the first ${enName(m)} in 2027`, first, 'en'],
          [`sidste ${daName(m)} i 2027`, last, 'da'],
          [`when is the last ${enName(m)} in 2027`, last, 'en'],
        ];
        // The first after the first day: the second day of the year.
        const named = days[0]!.date;
        const after = queries.meetingOccurrences(m.id, addDays(named, 1), '2028-12-31')[0]!.date;
        checks.push([`næste ${daName(m)} efter ${shortDate(named, 'da')}`, after, 'da'], [`when is the next ${enName(m)} after ${shortDate(named, 'en')}`, after, 'en']);
        for (const [q, day, lang] of checks) {
          const head = firstLine(renderAnswerText(answerer.answer(q)));
          expect(head, `${dir}: ${q}`).toContain(shortDate(day, lang));
          asked++;
        }
      }
    }
    expect(asked).toBeGreaterThan(20);
  });
});

describe('the first and last day of a period, and a one-day event, asked in everyday words', () => {
  it('answers "start"/"end"/"first day"/"last deadline" of a dated period with its first and last day', () => {
    let asked = 0;
    for (const dir of KBS) {
      const { kb, answerer } = loaded.get(dir)!;
      // Periods whose label begins with a short name of its own ("LUS (…)", "MUS for souschefer"): asked by that name.
      for (const d of kb.data.dates.filter((x) => x.end && x.precision === 'day')) {
        const short = d.label.da.match(/^([A-ZÆØÅ]{2,5})\b/)?.[1];
        // A short name two periods share ("MUS" for two groups) is rightly ambiguous alone.
        if (!short || kb.data.dates.filter((x) => x.label.da.startsWith(short)).length > 1) continue;
        for (const [q, lang] of [
          [`first and last day of ${short}`, 'en'],
          [`hvornår starter og slutter ${short}`, 'da'],
          [`sidste frist for ${short}`, 'da'],
        ] as const) {
          const head = firstLine(renderAnswerText(answerer.answer(q)));
          expect(head, `${dir}: ${q}`).toContain(shortDate(d.date, lang));
          expect(head, `${dir}: ${q}`).toContain(shortDate(d.end!, lang));
          asked++;
        }
      }
    }
    expect(asked).toBeGreaterThan(3);
  });

  it('a one-day event asked when it starts gives its day, time and place', () => {
    let asked = 0;
    for (const dir of KBS) {
      const { kb, answerer } = loaded.get(dir)!;
      for (const d of kb.data.dates.filter((x) => x.kind === 'seminar' && x.time && x.place)) {
        const word = d.label.da.split(/\s+/)[0]!.toLowerCase();
        const head = firstLine(renderAnswerText(answerer.answer(`hvad tid starter ${word}en og hvor er den`)));
        expect(head, `${dir}: ${word}`).toContain(shortDate(d.date, 'da'));
        expect(head, `${dir}: ${word}`).toContain(d.time!.replace(':', '.'));
        expect(head, `${dir}: ${word}`).toContain(d.place!);
        asked++;
      }
    }
    expect(asked).toBeGreaterThan(0);
  });

  it('a posting start asked of a person who is no period is not a period of a policy', () => {
    const { answerer } = loaded.get('data')!;
    const text = renderAnswerText(answerer.answer('when does the new dagtilbudschef in høje-taastrup start'));
    expect(text).not.toMatch(/2025–|2028/);
  });
});

describe('how many times a meeting is held, counted from its dates', () => {
  it('says the count of the dates of one year', () => {
    const { answerer } = loaded.get('tests/fixtures/kb-bakkekaer')!;
    for (const q of ['how many times a year does LUF meet', 'hvor mange gange om året mødes LUF']) {
      const head = firstLine(renderAnswerText(answerer.answer(q)));
      expect(head, q).toMatch(/\b(4|four|fire) (times|gange)\b/i);
    }
  });
});

describe('a deadline asked with an everyday verb', () => {
  it('"telling"/"notify" reach a deadline whose label says "reported"', () => {
    let asked = 0;
    for (const dir of KBS) {
      const { kb, answerer } = loaded.get(dir)!;
      for (const d of kb.data.dates.filter((x) => /\breported to\b/.test(x.label.en) && /\(([a-zæøå]+)\)/.test(x.label.en))) {
        const office = d.label.en.match(/\(([a-zæøå]+)\)/)![1]!;
        for (const q of [`deadline for telling ${office} about it`, `when do we have to notify ${office}`]) {
          expect(firstLine(renderAnswerText(answerer.answer(q))), `${dir}: ${q}`).toContain(shortDate(d.date, 'en'));
          asked++;
        }
      }
    }
    expect(asked).toBeGreaterThan(0);
  });
});

describe('the time of day and the chair of a meeting, asked in everyday words', () => {
  it('"what time does X finish" / "hvornår slutter X" gives the end time in the headline', () => {
    let asked = 0;
    for (const dir of KBS) {
      const { kb, answerer } = loaded.get(dir)!;
      for (const m of kb.data.meetings.filter((x) => x.recurrence?.endTime && x.frequency)) {
        for (const q of [`what time does the ${enName(m)} finish`, `hvornår slutter ${daName(m)}`]) {
          const head = firstLine(renderAnswerText(answerer.answer(q)));
          const end = m.recurrence!.endTime!;
          expect(head, `${dir}: ${q}`).toMatch(new RegExp(`${end.replace(':', '[.:]').replace(/^0/, '0?')}`));
          asked++;
        }
      }
    }
    expect(asked).toBeGreaterThan(5);
  });

  it('a Danish meeting name with an English head word ("the network for <Danish words>") is that meeting', () => {
    let asked = 0;
    for (const dir of KBS) {
      const { kb, answerer } = loaded.get(dir)!;
      for (const m of kb.data.meetings.filter((x) => x.chair && /^netværk /i.test(x.name))) {
        const q = `who chairs the network ${m.name.replace(/^netværk /i, '')}`;
        const text = renderAnswerText(answerer.answer(q));
        const chair = kb.get(m.chair!)!;
        expect(firstLine(text), `${dir}: ${q}`).toContain((chair.item as { labelEn?: string; name: string }).name);
        asked++;
      }
    }
    expect(asked).toBeGreaterThan(0);
  });
});

describe('whether a role takes part in a forum, asked yes or no', () => {
  it('answers yes before the participants when the role is among them', () => {
    let asked = 0;
    for (const dir of KBS) {
      const { kb, answerer } = loaded.get(dir)!;
      for (const m of kb.data.meetings.filter((x) => x.participants.length > 0)) {
        const ref = m.participants.map((p) => (typeof p === 'string' ? p : p.ref)).find((id) => kb.get(id)?.kind === 'roles');
        if (!ref) continue;
        const role = kb.get(ref)!.item as { name: string; labelEn?: string };
        const da = firstLine(renderAnswerText(answerer.answer(`er ${role.name} med i ${daName(m)}`)));
        if (!da.includes(role.name)) continue; // the question must link both names; linking is tested elsewhere
        expect(da, `${dir}: ${role.name} / ${m.name}`).toMatch(/^Ja\b/);
        asked++;
      }
    }
    expect(asked).toBeGreaterThan(2);
  });

  it('a who-question about the same forum is not answered yes', () => {
    const { answerer } = loaded.get('tests/fixtures/kb-other')!;
    expect(firstLine(renderAnswerText(answerer.answer('hvem deltager i ledelsesforum')))).not.toMatch(/^Ja\b/);
  });
});
