/**
 * One day of a recurring meeting ("første X i 2027", "next X after 1 March", "last X in 2027") and the first and last
 * day of a period, asked in everyday words, over every knowledge base that holds such items. Each expected day is
 * computed from the knowledge base's own recurrence, never written in the test.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnswerer, renderAnswerText, type Answerer } from '../../src/answering/index.js';
import { loadKnowledgeOrThrow } from '../../src/knowledge/load-knowledge.js';
import { createQueries } from '../../src/knowledge/queries.js';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { shortDate } from '../../src/answering/answer-context.js';
import { addDays } from '../../src/time/format-date.js';

const NOW = new Date('2026-11-30T09:00:00Z');
const KBS = ['data', 'tests/fixtures/kb-other', 'tests/fixtures/kb-bakkekaer', 'tests/fixtures/kb-hvidmose', 'tests/fixtures/kb-havbjerg', 'tests/fixtures/kb-ravnsholt'];
const loaded = new Map<string, { kb: KnowledgeBase; answerer: Answerer }>();

beforeAll(async () => {
  for (const dir of KBS) {
    const kb = await loadKnowledgeOrThrow(dir);
    loaded.set(dir, { kb, answerer: createAnswerer(kb, { now: () => NOW }) });
  }
});

const firstLine = (text: string) => text.split('\n')[0]!;
const daName = (m: { name: string; names: string[] }) => m.names.find((n) => n.length > 3) ?? m.name;
const enName = (m: { name: string; namesEn?: string[] }) => m.namesEn?.[0] ?? m.name;

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
