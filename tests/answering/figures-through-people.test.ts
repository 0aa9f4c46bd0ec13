/**
 * A count asked through a person ("hvor mange børnehuse har Kasper Thorhauge ansvar for", "how many children does
 * X have"): the person stands for the post they hold, the post for the unit it sits in, and that unit's figure of the
 * thing counted is the answer. Expected figures are read from the data, on every knowledge base with such people.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderAnswerText } from '../../src/answering/index.js';
import { loadAnswerers, type Loaded } from '../helpers/answerers.js';

const NOW = new Date('2026-11-30T09:00:00Z');
const DIRS = ['data', 'tests/fixtures/kb-bakkekaer', 'tests/fixtures/kb-hvidmose', 'tests/fixtures/kb-havbjerg', 'tests/fixtures/kb-ravnsholt', 'tests/fixtures/kb-solvang'];
const text = (l: Loaded, q: string) => renderAnswerText(l.answerer.answer(q), { details: true }).toLowerCase();

let loaded: Map<string, Loaded>;
beforeAll(async () => {
  loaded = await loadAnswerers(DIRS, NOW);
});

/** A figure stated as a number and one word ("14 børnehuse"): the number and the word. */
const simple = (t: string) => t.match(/^(?:ca\. |about )?([\d.,]+) ([\p{L}-]+)$/u);

/**
 * Every person whose post leads (`leads`) or only sits in (not `leads`) one unit that states a figure of one word:
 * the person, the unit and the figure.
 */
function cases(l: Loaded, leads = true) {
  const roles = new Map(l.data.roles.map((r) => [r.id, r]));
  return l.data.people.flatMap((p) => {
    const role = p.role ? roles.get(p.role) : undefined;
    const led = l.data.units.filter((u) => role && u.ledBy.includes(role.id));
    const unit = leads ? (led.length === 1 ? led[0] : undefined) : led.length === 0 ? l.data.units.find((u) => u.id === role?.unit) : undefined;
    if (!unit) return [];
    // Only a word no other figure of the unit also ends with, so the figure asked for is unambiguous.
    const figures = unit.figures.filter((f) => simple(f.text.da) && simple(f.text.en));
    const sole = figures.filter((f) => figures.filter((g) => simple(g.text.da)![2] === simple(f.text.da)![2]).length === 1);
    // A name shared by two people is no way to ask about one of them.
    if (l.data.people.filter((q) => q.name === p.name).length > 1) return [];
    return sole.map((figure) => ({ person: p.name, unit, figure }));
  });
}

describe('a count asked through a person', () => {
  it('gives the figure of the unit the person leads, in Danish', () => {
    let checked = 0;
    for (const dir of DIRS) {
      const l = loaded.get(dir)!;
      for (const c of cases(l)) {
        const word = simple(c.figure.text.da)![2];
        for (const q of [`hvor mange ${word} har ${c.person} ansvar for`, `hvor mange ${word} er der hos ${c.person}`]) {
          const answer = text(l, q);
          expect(answer, `${dir}: ${q}`).toContain(c.figure.text.da.toLowerCase());
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(6);
  });

  it('gives the figure of the unit the person leads, in English', () => {
    let checked = 0;
    for (const dir of DIRS) {
      const l = loaded.get(dir)!;
      for (const c of cases(l)) {
        const word = simple(c.figure.text.en)![2];
        for (const q of [`how many ${word} is ${c.person} responsible for`, `how many ${word} does ${c.person} have`]) {
          const answer = text(l, q);
          expect(answer, `${dir}: ${q}`).toContain(c.figure.value.toLocaleString('en-GB'));
          expect(answer, `${dir}: ${q}`).toContain(c.unit.labelEn.toLowerCase());
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(6);
  });

  it('gives no unit total for a person whose post only works in the unit (a pedagogue, not its head)', () => {
    let checked = 0;
    for (const dir of DIRS) {
      const l = loaded.get(dir)!;
      for (const c of cases(l, false)) {
        const answer = text(l, `hvor mange ${simple(c.figure.text.da)![2]} har ${c.person} ansvar for`);
        expect(answer, `${dir}: ${c.person}`).not.toContain(c.figure.text.da.toLowerCase());
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(1);
  });

  it('reads a title shared by two posts as the post of the unit the question names, and guesses neither otherwise', () => {
    let checked = 0;
    for (const dir of DIRS) {
      const l = loaded.get(dir)!;
      for (const role of l.data.roles) {
        const led = l.data.units.filter((u) => u.ledBy.includes(role.id));
        if (led.length !== 1) continue;
        const unit = led[0]!;
        // A title the post shares with another post that leads another unit ("områdechefen": East's and West's).
        const rivals = l.data.roles.filter((r) => r.id !== role.id && l.data.units.some((u) => u.ledBy.includes(r.id)));
        const shared = role.names.find((n) => n.split(' ').length === 1 && rivals.some((r) => r.names.includes(n)));
        const figure = unit.figures.find((f) => simple(f.text.da));
        if (!shared || !figure) continue;
        const word = simple(figure.text.da)![2];
        // The unit by its full name and by its shortest one-word name ("Øst").
        const short = [...unit.names].filter((n) => !n.includes(' ')).sort((a, b) => a.length - b.length)[0];
        for (const where of [unit.name, ...(short ? [short] : [])]) {
          expect(text(l, `hvor mange ${word} har ${shared} for ${where}`), `${dir}: ${shared} ${where}`).toContain(figure.text.da.toLowerCase());
        }
        // Without the unit, the title alone says neither's figure.
        expect(text(l, `hvor mange ${word} har ${shared}`), `${dir}: ${shared}`).not.toContain(figure.text.da.toLowerCase());
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(2);
  });

  it('still says a person has no such attribute rather than giving a figure', () => {
    const l = loaded.get('tests/fixtures/kb-bakkekaer')!;
    const [c] = cases(l);
    expect(c).toBeDefined();
    const answer = text(l, `hvad er ${c!.person}s telefonnummer`);
    expect(answer).not.toContain(c!.figure.text.da.toLowerCase());
  });
});
