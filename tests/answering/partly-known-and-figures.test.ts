/**
 * Answer selection for partly-known questions and figures, on four knowledge bases, with phrasings
 * of our own: an attribute no schema field holds, a person's start date, a bare "I don't know" to a
 * question naming a known item, a count of something no figure counts, a unit's sub-count taken for
 * its total, and figures as of a day or period (asOf). Items and numbers are read from the data.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnswerer, renderAnswerText, type Answer, type Answerer } from '../../src/answering/index.js';
import { loadKnowledgeOrThrow } from '../../src/knowledge/load-knowledge.js';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import type { Figure } from '../../src/knowledge/schemas.js';

const NOW = new Date('2026-11-30T09:00:00Z');
const all = (answer: Answer) => renderAnswerText(answer, { details: true });
const PARTLY = { da: /Dokumenterne nævner (.+), men (giver ingen|nævner ikke)/, en: /The documents name (.+) but (give no|do not mention)/ };
const BASES = ['data', 'tests/fixtures/kb-other', 'tests/fixtures/kb-bakkekaer', 'tests/fixtures/kb-hvidmose'];
const number = (value: number) => new RegExp(`\\b${value.toLocaleString('da-DK').replace('.', '[.,]?')}\\b|\\b${value}\\b`);

describe.each(BASES)('partly known on %s', (dir) => {
  let kb: KnowledgeBase;
  let answerer: Answerer;
  let corpus: string;
  beforeAll(async () => {
    kb = await loadKnowledgeOrThrow(dir);
    answerer = createAnswerer(kb, { now: () => NOW });
    corpus = JSON.stringify(kb.data).toLowerCase();
  });

  it('a unit asked for its address or opening hours: the documents name it but give none', () => {
    expect(corpus).not.toContain('åbningstid');
    expect(corpus).not.toContain('adresse');
    const units = kb.data.units.slice(0, 4);
    for (const unit of units) {
      for (const [q, lang] of [
        [`hvad er adressen på ${unit.name}`, 'da'],
        [`hvornår har ${unit.name} åbent, altså åbningstiden`, 'da'],
        [`what is the address of ${unit.name}`, 'en'],
      ] as const) {
        const answer = answerer.answer(q);
        expect(answer.kind, `${q} -> ${all(answer)}`).toBe('unknown');
        expect(answer.headline, q).toMatch(PARTLY[lang]);
      }
    }
  });

  it("a person's start date, age or birthday that the documents do not give is partly known, never another date", () => {
    const people = kb.data.people.filter((p) => p.validFrom === undefined && !kb.data.dates.some((d) => d.about === p.id));
    expect(people.length).toBeGreaterThan(0);
    for (const p of people.slice(0, 3)) {
      for (const [q, lang] of [
        [`hvornår startede ${p.name}`, 'da'],
        [`when did ${p.name} start`, 'en'],
        [`hvad er ${p.name}s fødselsdag`, 'da'],
        [`how old is ${p.name}`, 'en'],
      ] as const) {
        const answer = answerer.answer(q);
        expect(answer.kind, `${q} -> ${all(answer)}`).toBe('unknown');
        expect(answer.headline, q).toMatch(PARTLY[lang]);
        expect(answer.headline, q).toContain(p.name);
        expect(answer.headline, q).not.toMatch(/\d{4}/);
      }
    }
  });

  it('a count of something no figure counts gets no other number, even about a unit the data counts', () => {
    expect(corpus).not.toContain('pedeller');
    expect(corpus).not.toContain('janitors');
    const unit = kb.data.units.find((u) => u.figures.length > 0);
    if (!unit) return;
    for (const q of [`hvor mange pedeller er der i ${unit.name}`, `how many janitors work in ${unit.name}`]) {
      const answer = answerer.answer(q);
      expect(answer.kind, `${q} -> ${all(answer)}`).toBe('unknown');
      for (const f of unit.figures) expect(all(answer), q).not.toMatch(number(f.value));
    }
  });
});

describe.each(BASES)("a unit's sub-count is not its total on %s", (dir) => {
  it('a unit that states no figure of a metric, where units inside it do, is partly known: no unit\'s figure is given as its total', async () => {
    const kb = await loadKnowledgeOrThrow(dir);
    const answerer = createAnswerer(kb, { now: () => NOW });
    const metric = (f: Figure) => f.metric;
    const childrenOf = (id: string) => kb.data.units.filter((u) => u.parent === id);
    // A unit (with units inside it) that states no employees/children figure, whose direct children do.
    const found = kb.data.units
      .flatMap((u) => (['employees', 'children'] as const).map((m) => ({ unit: u, m })))
      .find(({ unit, m }) => !unit.figures.some((f) => metric(f) === m) && childrenOf(unit.id).some((c) => c.figures.some((f) => metric(f) === m)));
    if (!found) return;
    const word = { employees: ['medarbejdere', 'employees'], children: ['børn', 'children'] }[found.m as 'employees' | 'children'];
    const child = childrenOf(found.unit.id).find((c) => c.figures.some((f) => metric(f) === found.m))!;
    const value = child.figures.find((f) => metric(f) === found.m)!.value;
    for (const [q, lang] of [
      [`hvor mange ${word[0]} er der i ${found.unit.name}`, 'da'],
      [`how many ${word[1]} in ${found.unit.labelEn}`, 'en'],
    ] as const) {
      const answer = answerer.answer(q);
      expect(answer.kind, q).toBe('unknown');
      expect(answer.headline, q).toMatch(lang === 'da' ? /intet samlet tal/ : /no figure for .+ as a whole/);
      // One house's count is no answer to the area's: not shown at all.
      expect(all(answer), q).not.toMatch(number(value));
    }
  });
});

describe('figures as of a day (asOf) on Hvidmose and on Fjordby with its figures dated', () => {
  /** Fjordby's figures, each stated as of one day, the way a status report dates them. */
  async function dated(dir: string, asOf?: string) {
    const kb = await loadKnowledgeOrThrow(dir);
    if (asOf) for (const x of [...kb.data.units, ...kb.data.municipalities]) for (const f of x.figures) (f as { asOf?: string }).asOf = asOf;
    return { kb, answerer: createAnswerer(kb, { now: () => NOW }) };
  }

  it('states the as-of date with the figure, asked for today, now, a day after it or the year it is in', async () => {
    const { kb, answerer } = await dated('tests/fixtures/kb-other', '2026-08-15');
    const unit = kb.data.units.find((u) => u.figures.some((f) => f.metric === 'children'))!;
    const value = unit.figures.find((f) => f.metric === 'children')!.value;
    for (const [q, lang] of [
      [`hvor mange børn er der i ${unit.name} i dag`, 'da'],
      [`how many children are in ${unit.name} now`, 'en'],
      [`hvor mange børn var der i ${unit.name} pr. 1. oktober 2026`, 'da'],
      [`how many children were there in ${unit.name} in 2026`, 'en'],
      [`hvad er børnetallet i ${unit.name}`, 'da'],
    ] as const) {
      const answer = answerer.answer(q);
      expect(answer.kind, `${q} -> ${all(answer)}`).toBe('answer');
      expect(answer.headline, q).toMatch(number(value));
      expect(answer.headline, q).toContain(lang === 'da' ? 'pr. 15. august 2026' : 'as of 15 August 2026');
    }
  });

  it('a day or year before every figure: says the documents give none then, and which days they have', async () => {
    for (const [dir, asOf] of [['tests/fixtures/kb-other', '2026-08-15'], ['tests/fixtures/kb-bakkekaer', '2026-10-15']] as const) {
      const { kb, answerer } = await dated(dir, asOf);
      const unit = kb.data.units.find((u) => u.figures.some((f) => f.metric === 'children'))!;
      const when = { da: dir.includes('other') ? '15. august 2026' : '15. oktober 2026', en: dir.includes('other') ? '15 August 2026' : '15 October 2026' };
      for (const [q, lang] of [
        [`hvor mange børn var der i ${unit.name} pr. 1. januar 2025`, 'da'],
        [`how many children were enrolled in ${unit.name} as of 1 January 2025`, 'en'],
        [`how many children did ${unit.name} have in 2024`, 'en'],
      ] as const) {
        const answer = answerer.answer(q);
        expect(answer.headline, `${q} -> ${all(answer)}`).toMatch(lang === 'da' ? /giver intet tal/ : /give no figure/);
        expect(answer.headline, q).toContain(when[lang]);
      }
    }
  });

  it('a day or month without a year, asked in the past tense, is the last one that has passed', async () => {
    const { kb, answerer } = await dated('tests/fixtures/kb-other', '2026-08-15');
    const unit = kb.data.units.find((u) => u.figures.some((f) => f.metric === 'children'))!;
    const value = unit.figures.find((f) => f.metric === 'children')!.value;
    // 15 August has passed (today is 30 November 2026): the figure stated that day answers.
    const on = answerer.answer(`hvor mange børn var der i ${unit.name} pr. 15. august`);
    expect(on.headline).toMatch(number(value));
    expect(on.headline).toContain('pr. 15. august 2026');
    // January and July 2026 come before every figure: no figure then, and the day the documents have.
    for (const [q, when] of [
      [`hvor mange børn var der i ${unit.name} pr. 1. januar`, '1. januar 2026'],
      [`how many children were there in ${unit.labelEn} in July`, 'July 2026'],
    ] as const) {
      const answer = answerer.answer(q);
      expect(answer.headline, `${q} -> ${all(answer)}`).toContain(when);
      expect(answer.headline, q).toMatch(/giver intet tal|give no figure/);
    }
    // In the present tense a day without a year is the coming one: the latest figure, with its date.
    const coming = answerer.answer(`hvor mange børn er der i ${unit.name} pr. 1. december`);
    expect(coming.headline).toMatch(number(value));
    expect(coming.headline).toContain('pr. 15. august 2026');
  });

  it('the figure valid in the year asked: before and after a dated change (Hvidmose deputies)', async () => {
    const { kb, answerer } = await dated('tests/fixtures/kb-hvidmose');
    const figures = kb.data.units.flatMap((u) => u.figures).filter((f) => f.metric === 'deputies');
    const later = figures.find((f) => f.validFrom !== undefined)!;
    const earlier = figures.find((f) => f.asOf !== undefined && f.validUntil !== undefined)!;
    const inLater = answerer.answer(`how many deputies are there in ${Number(later.validFrom!.slice(0, 4)) + 1}`);
    expect(inLater.headline).toMatch(number(later.value));
    expect(inLater.headline).not.toMatch(new RegExp(`^[^0-9]*\\b${earlier.value}\\b`));
    const inEarlier = answerer.answer(`hvor mange souschefer var der i ${earlier.asOf!.slice(0, 4)}`);
    expect(inEarlier.headline).toMatch(number(earlier.value));
  });

  it('several metrics in one question each get their figure and date; "the figures for X" gives all of them', async () => {
    const { kb, answerer } = await dated('tests/fixtures/kb-other', '2026-08-15');
    const unit = kb.data.units.find((u) => ['children', 'employees'].every((m) => u.figures.some((f) => f.metric === m)))!;
    const value = (m: string) => unit.figures.find((f) => f.metric === m)!.value;
    const both = answerer.answer(`hvor mange børn og medarbejdere er der i ${unit.name}`);
    expect(both.headline).toMatch(number(value('children')));
    expect(both.headline).toMatch(number(value('employees')));
    const figures = answerer.answer(`what are the figures for ${unit.name}`);
    for (const f of unit.figures) expect(figures.headline).toMatch(number(f.value));
    expect(figures.headline).toContain('as of 15 August 2026');
  });
});

describe('several things counted in one question, by metric or by the words of the figure itself', () => {
  it.each([
    ['tests/fixtures/kb-bakkekaer', 'dagplejen'],
    ['tests/fixtures/kb-hvidmose', 'dagtilbud'],
  ])('each "how many" gets its figure (%s)', async (dir, unitIdPart) => {
    const kb = await loadKnowledgeOrThrow(dir);
    const answerer = createAnswerer(kb, { now: () => NOW });
    const unit = kb.data.units.find((u) => u.id.includes(unitIdPart) && u.figures.length >= 2)!;
    expect(unit).toBeDefined();
    // Two figures of the unit, each asked for by the counted word its own Danish text puts after the number ("92 dagplejere").
    const words = unit.figures.map((f) => ({ value: f.value, word: f.text.da.split(/\s+/).find((w, i, all) => all[i - 1] === String(f.value) && w.length > 3) }));
    const counted = words.filter((c, i) => c.word && words.findIndex((d) => d.word === c.word) === i).slice(0, 2) as { value: number; word: string }[];
    expect(counted).toHaveLength(2);
    const q = `hvor mange ${counted[0]!.word} og hvor mange ${counted[1]!.word} er der i ${unit.name}`;
    const answer = answerer.answer(q);
    for (const c of counted) expect(all(answer), q).toMatch(number(c.value));
  });
});

describe("a policy's own fields and the policies for a unit", () => {
  it('who adopted a policy: the statement or quote that says so; otherwise partly known, never another fact', async () => {
    for (const dir of ['tests/fixtures/kb-other', 'tests/fixtures/kb-bakkekaer', 'data']) {
      const kb = await loadKnowledgeOrThrow(dir);
      const answerer = createAnswerer(kb, { now: () => NOW });
      for (const policy of kb.data.policies.slice(0, 6)) {
        const adopted = [policy.source.quote, ...policy.requires.map((r) => r.da), ...kb.data.dates.filter((d) => d.about === policy.id).map((d) => d.label.da)].find((t) => /vedtage|vedtog|godkend/i.test(t));
        for (const q of [`hvem har vedtaget ${policy.name}`, `who adopted ${policy.labelEn}`]) {
          const answer = answerer.answer(q);
          if (adopted) {
            expect(answer.kind, `${q} -> ${all(answer)}`).toBe('answer');
            expect(all(answer).toLowerCase(), q).toMatch(/vedtaget|vedtog|adopted|godkendt/);
          } else if (answer.kind === 'unknown') {
            expect(answer.sources, q).toHaveLength(0);
          } else {
            expect(all(answer).toLowerCase(), `${q} -> ${all(answer)}`).toMatch(/vedtaget|vedtog|adopted|approved|godkendt|besluttede|decided/);
          }
        }
      }
    }
  });

  it("what a policy requires: its own `requires`, in the user's language", async () => {
    for (const dir of ['tests/fixtures/kb-other', 'tests/fixtures/kb-bakkekaer', 'data']) {
      const kb = await loadKnowledgeOrThrow(dir);
      const answerer = createAnswerer(kb, { now: () => NOW });
      const policy = kb.data.policies.find((p) => p.requires.length > 0 && p.names.length > 0)!;
      const da = answerer.answer(`hvad kræver ${policy.names[0]}`);
      expect(all(da), policy.name).toContain(policy.requires[0]!.da);
      const en = answerer.answer(`what does ${policy.labelEn} require`);
      expect(all(en), policy.labelEn).toContain(policy.requires[0]!.en);
    }
  });

  it('the policies for a unit include those its leaders must know (Bakkekær childminding)', async () => {
    const kb = await loadKnowledgeOrThrow('tests/fixtures/kb-bakkekaer');
    const answerer = createAnswerer(kb, { now: () => NOW });
    const known = (id: string) => kb.data.policies.some((p) => p.relevantFor.includes(id));
    const leaderOf = (unitId: string) => kb.data.roles.find((r) => r.unit === unitId && known(r.id) && /leder|chef/i.test(r.name));
    // A unit no policy names, led by a role that must know one.
    const unit = kb.data.units.find((u) => !known(u.id) && !known(u.parent ?? '') && leaderOf(u.id) !== undefined)!;
    expect(unit).toBeDefined();
    const role = leaderOf(unit.id)!;
    const policy = kb.data.policies.find((p) => p.relevantFor.includes(role.id))!;
    for (const q of [`hvilke politikker gælder for ${unit.name}`, `which policy applies to ${unit.labelEn}`]) {
      expect(all(answerer.answer(q)), q).toContain(policy.name);
    }
  });
});

describe('a count answers only the count asked for', () => {
  it.each(BASES)('a qualifier the answer does not explain ("on the waiting list") asks for another number (%s)', async (dir) => {
    const kb = await loadKnowledgeOrThrow(dir);
    const answerer = createAnswerer(kb, { now: () => NOW });
    const unit = kb.data.units.find((u) => u.figures.some((f) => f.metric === 'children'));
    if (!unit) return;
    const value = unit.figures.find((f) => f.metric === 'children')!.value;
    // Words the knowledge base knows from other facts, none of them about this unit.
    const corpus = JSON.stringify(kb.data).toLowerCase();
    for (const [q, word] of [
      [`how many children with special needs are in ${unit.labelEn}`, 'special'],
      [`hvor mange børn i ${unit.name} får sprogstøtte`, 'sprogstøtte'],
      [`hvor mange børn står på venteliste i ${unit.name}`, 'venteliste'],
      [`how many children are on the waiting list in ${unit.labelEn}`, 'waiting list'],
    ] as const) {
      if (!corpus.includes(word)) continue;
      const answer = answerer.answer(q);
      expect(all(answer), `${q} -> ${all(answer)}`).not.toMatch(number(value));
    }
    // The plain count still answers.
    expect(answerer.answer(`hvor mange børn er der i ${unit.name}`).headline).toMatch(number(value));
  });
});
