/**
 * "When will the budget for 2028 be approved": a decision asked about (approved, adopted) is no deadline for handing
 * something in. Over every knowledge base with budget deadlines, the deadline's day must not answer when the budget is
 * approved unless the deadline's own label says so. Each deadline is read from the knowledge base.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderAnswerText } from '../../src/answering/index.js';
import { loadAnswerers, type Loaded } from '../helpers/answerers.js';
import { shortDate } from '../../src/answering/answer-context.js';

const NOW = new Date('2026-11-30T09:00:00Z');
const KBS = ['data', 'tests/fixtures/kb-other', 'tests/fixtures/kb-bakkekaer', 'tests/fixtures/kb-hvidmose', 'tests/fixtures/kb-havbjerg', 'tests/fixtures/kb-ravnsholt', 'tests/fixtures/kb-ulvedal', 'tests/fixtures/kb-lindholt'];
let loaded = new Map<string, Loaded>();

beforeAll(async () => {
  loaded = await loadAnswerers(KBS, NOW);
});

describe('a deadline does not answer when something is approved', () => {
  it('gives no budget deadline as the day a budget is approved, in Danish and English', () => {
    let asked = 0;
    for (const dir of KBS) {
      const { kb, answerer } = loaded.get(dir)!;
      for (const d of kb.data.dates.filter((x) => x.kind === 'budget-deadline' && x.precision === 'day')) {
        const label = `${d.label.da} ${d.label.en}`.toLowerCase();
        if (/godkend|vedtag|approv|adopt/.test(label)) continue;
        const year = label.match(/\b(20\d\d)\b/)?.[1];
        if (!year) continue;
        for (const [q, lang] of [[`hvornår bliver budgettet for ${year} vedtaget`, 'da'], [`when will the budget for ${year} be approved`, 'en']] as const) {
          const reply = renderAnswerText(answerer.answer(q));
          expect(reply, `${dir}: ${q}`).not.toContain(shortDate(d.date, lang));
          asked++;
        }
      }
    }
    expect(asked).toBeGreaterThan(3);
  });
});
