/**
 * Decisions asked the way leaders ask, on four knowledge bases with committee minutes: the attribute asked (the votes
 * for, against or abstaining, unanimity, the chair of the meeting, from when, the agenda item, why) from the data, and
 * a plain "the minutes do not say" when they do not give it. Expectations are read from each knowledge base's data.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnswerer, renderAnswerText, type Answer, type Answerer } from '../../src/answering/index.js';
import { loadKnowledgeOrThrow } from '../../src/knowledge/load-knowledge.js';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import type { Decision } from '../../src/knowledge/schemas.js';
import { formatDate } from '../../src/time/format-date.js';

const NOW = new Date('2026-11-30T09:00:00Z');
const text = (answer: Answer) => renderAnswerText(answer, { details: true }).toLowerCase();
const day = (iso: string, lang: 'da' | 'en') => formatDate(iso, lang).replace(/^\S+ (den )?/, '').toLowerCase();
const KBS = ['kb-havbjerg', 'kb-hvidmose', 'kb-ravnsholt', 'kb-solvang'] as const;

describe.each(KBS)('decisions on %s', (folder) => {
  let kb: KnowledgeBase;
  let answerer: Answerer;
  beforeAll(async () => {
    kb = await loadKnowledgeOrThrow(`tests/fixtures/${folder}`);
    answerer = createAnswerer(kb, { now: () => NOW });
  });
  const ask = (q: string) => answerer.answer(q);
  /** The decision's shortest own alias, as a leader would write it ("dagplejebeslutningen"). */
  const alias = (d: Decision, lang: 'da' | 'en') => (lang === 'da' ? [d.name, ...d.names] : [d.labelEn.replace(/\s*\(.*\)/, ''), ...d.namesEn]).sort((a, b) => a.length - b.length)[0]!.toLowerCase();

  it('gives the number that voted against, for or abstained, as the minutes count it', () => {
    const counted = kb.data.decisions.filter((d) => d.vote && (d.vote.against !== undefined || d.vote.abstained !== undefined || d.vote.for !== undefined));
    expect(counted.length).toBeGreaterThan(0);
    for (const d of counted) {
      const v = d.vote!;
      if (v.against !== undefined) {
        const a = ask(`hvor mange stemte imod ${alias(d, 'da')}`);
        expect(a.kind, d.id).toBe('answer');
        expect(a.headline, d.id).toMatch(new RegExp(`^${v.against === 0 ? 'ingen' : v.against}\\b`, 'i'));
        const e = ask(`how many members voted against ${alias(d, 'en')}?`);
        expect(e.lang).toBe('en');
        expect(e.headline, d.id).toMatch(new RegExp(`^${v.against === 0 ? 'no one' : v.against}\\b`, 'i'));
      }
      if (v.abstained !== undefined) {
        const a = ask(`var der nogen der undlod at stemme om ${alias(d, 'da')}`);
        expect(a.headline, d.id).toMatch(new RegExp(`^${v.abstained === 0 ? 'ingen' : v.abstained}\\b`, 'i'));
      }
      if (v.for !== undefined) expect(ask(`how many voted in favour of ${alias(d, 'en')}`).headline, d.id).toMatch(new RegExp(`^${v.for}\\b`));
    }
  });

  it('answers whether a decision was unanimous, yes or no', () => {
    for (const d of kb.data.decisions.filter((x) => x.vote)) {
      const da = ask(`blev ${alias(d, 'da')} vedtaget enstemmigt?`);
      const en = ask(`was ${alias(d, 'en')} unanimous`);
      if (d.vote!.unanimous) {
        expect(da.headline, d.id).toMatch(/^Ja\b/);
        expect(en.headline, d.id).toMatch(/^Yes\b/);
      } else if ((d.vote!.against ?? 0) + (d.vote!.abstained ?? 0) > 0) {
        expect(da.headline, d.id).toMatch(/^Nej\b/);
        expect(en.headline, d.id).toMatch(/^No\b/);
      }
    }
  });

  it('says plainly when the minutes give no vote', () => {
    for (const d of kb.data.decisions.filter((x) => !x.vote)) {
      const a = ask(`hvordan stemte de om ${alias(d, 'da')}`);
      expect(a.kind, d.id).toBe('unknown');
      expect(a.headline.toLowerCase(), d.id).toContain('siger ikke');
    }
  });

  it('finds a decision by its agenda item and by the day it was made', () => {
    for (const d of kb.data.decisions) {
      const item = d.source.quote.match(/^Punkt (\d+)\./)?.[1];
      if (!item) continue;
      const da = ask(`hvad blev besluttet under punkt ${item} den ${day(d.date, 'da').replace(/ \d{4}$/, '')}`);
      expect(text(da), d.id).toContain(d.name.toLowerCase());
      const en = ask(`what was agenda item ${item} at the meeting on ${day(d.date, 'en')}`);
      expect(en.headline.toLowerCase(), d.id).toContain(d.name.toLowerCase());
    }
    // An item no minutes hold is not answered with another.
    expect(ask('hvad besluttede udvalget under punkt 42').kind).toBe('unknown');
  });

  it('tells which decisions of a day take effect on a day named', () => {
    for (const d of kb.data.decisions.filter((x) => x.appliesFrom)) {
      const same = kb.data.decisions.filter((x) => x.date === d.date && x.appliesFrom === d.appliesFrom);
      const others = kb.data.decisions.filter((x) => x.date === d.date && x.appliesFrom !== d.appliesFrom);
      const a = ask(`hvilke af beslutningerne fra ${day(d.date, 'da')} træder i kraft ${day(d.appliesFrom!, 'da')}`);
      for (const x of same) expect(text(a), d.id).toContain(x.name.toLowerCase());
      for (const x of others) expect(a.headline.toLowerCase(), d.id).not.toContain(x.name.toLowerCase());
    }
  });

  it('names the chair of the meeting where a decision was made, or says the documents do not', () => {
    for (const d of kb.data.decisions.filter((x) => x.changes.length > 0 && kb.get(x.body)?.kind === 'units')) {
      const body = kb.get(d.body)!.item as { name: string; names: string[] };
      const changed = kb.get(d.changes[0]!)!.item as { name: string };
      const a = ask(`hvem var formand på mødet i ${body.name.toLowerCase()} hvor de besluttede ${changed.name.toLowerCase()}`);
      const chairs = kb.data.people.filter((p) => /formand for/i.test(p.title.da) && p.title.da.toLowerCase().includes(body.name.toLowerCase()));
      const stated = [(kb.get(d.body)!.item as { description?: { da: string } }).description?.da ?? '', ...((kb.get(d.body)!.item as { facts?: Array<{ da: string }> }).facts ?? []).map((f) => f.da)].join(' ');
      const named = kb.data.people.filter((p) => stated.includes(p.name) && /formand/i.test(stated));
      const chair = chairs[0] ?? named[0];
      if (chair) expect(a.headline, d.id).toContain(chair.name);
      else expect(a.kind, d.id).toBe('unknown');
    }
  });

  it('does not answer a decision that is not in the minutes with another one', () => {
    for (const q of ['hvor mange stemte imod lukningen af svømmehallen', 'what did the committee decide about the new swimming pool', 'hvad besluttede udvalget om parkeringspladserne']) {
      const a = ask(q);
      for (const d of kb.data.decisions) expect(a.headline.toLowerCase(), q).not.toContain(d.name.toLowerCase());
    }
  });
});

describe('decisions on kb-havbjerg: attributes the minutes give and do not give', () => {
  let answerer: Answerer;
  beforeAll(async () => {
    answerer = createAnswerer(await loadKnowledgeOrThrow('tests/fixtures/kb-havbjerg'), { now: () => NOW });
  });

  it('counts the votes of a decision named by a verb of what it did ("flytte dagplejen")', () => {
    const a = answerer.answer('hvor mange var det der stemte for at flytte dagplejen ind under hede');
    expect(a.headline).toMatch(/^6 stemte for/);
    expect(text(a)).toContain('9 medlemmer');
  });

  it('gives why a decision was made only from the facts about it, and says so when there are none', () => {
    const a = answerer.answer('hvad var begrundelsen for at lægge sandflugten ind under strand');
    expect(a.kind).not.toBe('answer');
  });

  it('answers the first day a decision applies for the decision named by its day and effect day', () => {
    const a = answerer.answer('hvad af det der blev besluttet den 12/11 2026 gælder fra 1. januar 2027');
    expect(a.headline.toLowerCase()).toContain('måltidspolitik');
  });
});
