/**
 * What a count question counts, on every knowledge base that states such figures: two things listed after one
 * "how many" ("hvor mange sprogvejledere og trivselskonsulenter") are both counted, and a metric qualified by more
 * words ("børn på venteliste", "children on the waiting list") is the figure that says those words, not the metric's
 * total. Expected figures are read from the data.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderAnswerText } from '../../src/answering/index.js';
import { loadAnswerers, type Loaded } from '../helpers/answerers.js';

const NOW = new Date('2026-11-30T09:00:00Z');
const DIRS = ['tests/fixtures/kb-havbjerg', 'tests/fixtures/kb-ravnsholt', 'tests/fixtures/kb-solvang', 'tests/fixtures/kb-hvidmose', 'data'];
const text = (l: Loaded, q: string) => renderAnswerText(l.answerer.answer(q), { details: true }).toLowerCase();

let loaded: Map<string, Loaded>;
beforeAll(async () => {
  loaded = await loadAnswerers(DIRS, NOW);
});

/** A figure stated as a number and one word ("4 sprogvejledere"): the number and the word. */
const simple = (t: string) => t.match(/^(\d+) ([\p{L}-]+(?: [\p{L}-]+)?)$/u);

describe('two things counted after one "how many"', () => {
  it('gives both figures of a unit, in Danish and English', () => {
    let checked = 0;
    for (const dir of DIRS) {
      const l = loaded.get(dir)!;
      for (const unit of l.data.units) {
        const pairs = unit.figures.filter((f) => simple(f.text.da) && simple(f.text.en));
        if (pairs.length < 2) continue;
        const [a, b] = pairs as [(typeof pairs)[number], (typeof pairs)[number]];
        const da = text(l, `hvor mange ${simple(a.text.da)![2]} og ${simple(b.text.da)![2]} er der i ${unit.name}`);
        expect(da, unit.name).toContain(a.text.da.toLowerCase());
        expect(da, unit.name).toContain(b.text.da.toLowerCase());
        const en = text(l, `how many ${simple(a.text.en)![2]} and ${simple(b.text.en)![2]} does ${unit.labelEn} have`);
        expect(en, unit.labelEn).toContain(String(a.value));
        expect(en, unit.labelEn).toContain(String(b.value));
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(2);
  });
});

describe('a metric qualified by more words', () => {
  it('gives the waiting list, not all children', () => {
    let checked = 0;
    for (const dir of DIRS) {
      const l = loaded.get(dir)!;
      for (const unit of l.data.units) {
        const waiting = unit.figures.find((f) => /^\d+ børn på venteliste/.test(f.text.da));
        if (!waiting) continue;
        const children = unit.figures.filter((f) => f.metric === 'children');
        for (const q of ['hvor mange børn står på venteliste', 'hvor mange børn er der på ventelisten nu', 'how many kids are on the waiting list']) {
          const answer = text(l, q);
          expect(answer, `${dir}: ${q}`).toMatch(new RegExp(`\\b${waiting.value}\\b`));
          for (const c of children) expect(answer, `${dir}: ${q}`).not.toContain(c.text.da.toLowerCase());
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(3);
  });
});

describe('how many more in one place than another', () => {
  it('gives the difference of the two figures first, then both', async () => {
    const more = await loadAnswerers(['tests/fixtures/kb-other', 'tests/fixtures/kb-bakkekaer'], NOW);
    let checked = 0;
    for (const l of more.values()) {
      const areas = l.data.units.filter((u) => u.figures.filter((f) => f.metric === 'children').length === 1 && u.parent && l.data.units.filter((x) => x.parent === u.parent && x.figures.some((f) => f.metric === 'children')).length === 2);
      if (areas.length !== 2) continue;
      const [a, b] = areas as [(typeof areas)[number], (typeof areas)[number]];
      const [fa, fb] = [a, b].map((x) => x.figures.find((f) => f.metric === 'children')!);
      const difference = Math.abs(fa!.value - fb!.value);
      const da = l.answerer.answer(`hvor mange flere børn er der i ${a.name} end i ${b.name}`);
      expect(da.headline).toContain(difference.toLocaleString('da-DK'));
      const en = renderAnswerText(l.answerer.answer(`how many more children are there in ${b.name} than in ${a.name}`), { details: true });
      expect(en).toContain(difference.toLocaleString('en-GB'));
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(1);
  });
});
