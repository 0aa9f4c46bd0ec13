/**
 * Decisions asked the way leaders ask about them, on every knowledge base with decision minutes (Havbjerg, Ravnsholt,
 * Hvidmose): how the vote went (also after "how many"), why (the background stated about it), which decision of a day
 * applies from another day, what a body decided about an item on a line it changes, which agenda item, and who chairs
 * the body (a person whose title says so). Expected facts are read from each knowledge base's data.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderAnswerText } from '../../src/answering/index.js';
import type { Decision } from '../../src/knowledge/schemas.js';
import { loadAnswerers, type Loaded } from '../helpers/answerers.js';
import { formatDate } from '../../src/time/format-date.js';

const NOW = new Date('2026-11-30T09:00:00Z');
const DIRS = ['tests/fixtures/kb-havbjerg', 'tests/fixtures/kb-ravnsholt', 'tests/fixtures/kb-hvidmose'];
const all = (l: Loaded, q: string) => renderAnswerText(l.answerer.answer(q), { details: true }).toLowerCase();
const headline = (l: Loaded, q: string) => l.answerer.answer(q).headline.toLowerCase();
const day = (iso: string, lang: 'da' | 'en') => formatDate(iso, lang).replace(/^\S+ (den )?/, '').toLowerCase();
const aliasOf = (d: Decision) => d.names.find((n) => n.split(' ').length >= 2 && !/^(den|det|beslutningen)\b/i.test(n)) ?? d.name;

let loaded: Map<string, Loaded>;
beforeAll(async () => {
  loaded = await loadAnswerers(DIRS, NOW);
});

describe.each(DIRS)('decisions (%s)', (dir) => {
  const l = () => loaded.get(dir)!;

  it('gives the vote first when asked how many voted, or how the vote went, in either language', () => {
    for (const d of l().data.decisions.filter((x) => x.vote?.text)) {
      for (const q of [`hvor mange stemte for ${aliasOf(d)}`, `hvordan blev der stemt om ${aliasOf(d)}`, `how many voted against ${d.namesEn[0] ?? d.labelEn}`]) {
        const lang = q.startsWith('how') ? 'en' : 'da';
        expect(headline(l(), q), q).toContain(d.vote!.text![lang].toLowerCase().slice(0, 20));
      }
    }
  });

  it('gives the background the documents state about a decision when asked why', () => {
    for (const d of l().data.decisions) {
      const background = l().data.facts.find((f) => f.topic === 'background' && f.about.includes(d.id));
      if (!background) continue;
      expect(headline(l(), `hvorfor ${aliasOf(d)}?`)).toBe(background.text.da.toLowerCase());
      expect(headline(l(), `what was the reason for ${d.namesEn[0] ?? d.labelEn}`)).toBe(background.text.en.toLowerCase());
    }
  });

  it('picks the decision of one day that applies from another day the question names', () => {
    const decisions = l().data.decisions.filter((d) => d.appliesFrom);
    for (const d of decisions) {
      // Every decision of that day applying from that day is named; no other is.
      const same = decisions.filter((x) => x.date === d.date && x.appliesFrom === d.appliesFrom);
      const q = `hvilken beslutning fra ${day(d.date, 'da')} gælder fra ${day(d.appliesFrom!, 'da')}`;
      for (const x of same) expect(all(l(), q), q).toContain(x.name.toLowerCase());
      for (const x of decisions.filter((x) => !same.includes(x))) expect(all(l(), q), q).not.toContain(x.name.toLowerCase());
      const en = `which decision of ${day(d.date, 'en')} applies from ${day(d.appliesFrom!, 'en')}`;
      for (const x of same) expect(all(l(), en), en).toContain(x.labelEn.toLowerCase().slice(0, 25));
    }
    // A day no decision was made on or applies from: no decision.
    expect(all(l(), 'hvad besluttede udvalget 3. februar 2026')).toMatch(/kender ingen beslutning/);
  });

  it('finds the decision that changes a line of a role the question names', () => {
    for (const d of l().data.decisions) {
      const lines = d.changes.map((id) => l().kb.get(id)).filter((e) => e?.kind === 'reportingLines');
      const roles = new Set(lines.map((e) => (e!.item as { from: string }).from));
      for (const roleId of roles) {
        const role = l().data.roles.find((r) => r.id === roleId)!;
        // Another decision that also changes the role counts as right.
        const fitting = l().data.decisions.filter((x) => x.changes.some((c) => (l().kb.get(c)?.item as { from?: string } | undefined)?.from === roleId));
        const answer = headline(l(), `har udvalget besluttet noget om ${role.name}`);
        expect(fitting.some((x) => answer.includes(x.name.toLowerCase())), role.name).toBe(true);
      }
    }
  });

  it('answers the decision by its agenda item number when the minutes give one', () => {
    for (const d of l().data.decisions) {
      const number = d.source.quote.match(/^Punkt (\d+)\./)?.[1];
      if (!number) continue;
      expect(headline(l(), `hvad besluttede udvalget under punkt ${number}`)).toContain(d.name.toLowerCase());
    }
  });
});

describe('the chair of a committee', () => {
  it('is the person whose title is the chair of that committee, in both languages', () => {
    let checked = 0;
    for (const dir of DIRS) {
      const l = loaded.get(dir)!;
      for (const body of l.data.units.filter((u) => u.type === 'committee')) {
        const chair = l.data.people.find((p) => /^formand for/i.test(p.title.da) && p.title.da.toLowerCase().includes(body.name.toLowerCase()));
        const da = all(l, `hvem er formand for ${body.name}`);
        const en = all(l, `who chairs the ${body.namesEn[0] ?? body.labelEn}`);
        if (chair) {
          expect(da).toContain(chair.name.toLowerCase());
          expect(en).toContain(chair.name.toLowerCase());
          checked++;
        } else {
          expect(da).toMatch(/nævner ikke/);
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(2);
  });
});
