/**
 * Meetings asked the way leaders ask in chat ("where is X held", "when is the next X", "how often is X" of a
 * meeting the documents give no frequency for) and stand-ins asked with an everyday absence ("når X er på
 * ferie"), over every knowledge base that holds such items. Each expectation is read from the knowledge base.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderAnswerText } from '../../src/answering/index.js';
import { englishName as enName, firstLine, loadAnswerers, type Loaded } from '../helpers/answerers.js';

const NOW = new Date('2026-11-30T09:00:00Z');
const KBS = ['data', 'tests/fixtures/kb-other', 'tests/fixtures/kb-bakkekaer', 'tests/fixtures/kb-hvidmose'];
let loaded = new Map<string, Loaded>();

beforeAll(async () => {
  loaded = await loadAnswerers(KBS, NOW);
});


describe('where a meeting is held leads with its place', () => {
  it('in Danish and English, for every meeting with a place', () => {
    let asked = 0;
    for (const dir of KBS) {
      const { kb, answerer } = loaded.get(dir)!;
      for (const m of kb.data.meetings.filter((x) => x.place)) {
        for (const q of [`where is the ${enName(m)} held`, `hvor holdes ${m.names[0] ?? m.name}`]) {
          const head = firstLine(renderAnswerText(answerer.answer(q)));
          expect(head, `${dir}: ${q}`).toContain(m.place!);
          asked++;
        }
      }
    }
    expect(asked).toBeGreaterThan(0);
  });
});

describe('the next meeting leads with its first coming day', () => {
  it('for every recurring meeting with days to come', () => {
    let asked = 0;
    for (const dir of KBS) {
      const { kb, answerer } = loaded.get(dir)!;
      for (const m of kb.data.meetings.filter((x) => x.recurrence && (!x.validUntil || x.validUntil >= '2026-11-30'))) {
        for (const [q, lead] of [[`when is the next ${enName(m)}`, /^The next .+: \d{1,2} \w+ 20\d\d/], [`hvornår er næste ${m.names[0] ?? m.name}`, /^Næste .+: \d{1,2}\. \w+ 20\d\d/]] as const) {
          const answer = answerer.answer(q);
          expect(answer.kind, `${dir}: ${q}`).toBe('answer');
          expect(firstLine(renderAnswerText(answer)), `${dir}: ${q}`).toMatch(lead);
          asked++;
        }
      }
    }
    expect(asked).toBeGreaterThan(0);
  });

  it('"how often" still leads with the rule, not a day', () => {
    const { kb, answerer } = loaded.get('tests/fixtures/kb-hvidmose')!;
    for (const m of kb.data.meetings.filter((x) => x.recurrence && x.frequency)) {
      expect(firstLine(renderAnswerText(answerer.answer(`how often is the ${enName(m)}`)))).toContain(m.frequency!.en);
    }
  });
});

describe('how often, of a meeting the documents give no frequency for', () => {
  it('says the documents do not say, and gives no frequency', () => {
    let asked = 0;
    for (const dir of KBS) {
      const { kb, answerer } = loaded.get(dir)!;
      const dated = new Set(kb.data.dates.map((d) => d.about));
      for (const m of kb.data.meetings.filter((x) => !x.frequency && !x.recurrence && !dated.has(x.id))) {
        for (const [q, says] of [[`how often are the ${enName(m)} held`, /do not say how often/], [`hvor tit holdes ${m.name}`, /men ikke hvor tit/]] as const) {
          const answer = answerer.answer(q);
          expect(answer.kind, `${dir}: ${q}`).toBe('unknown');
          expect(firstLine(renderAnswerText(answer)), `${dir}: ${q}`).toMatch(says);
          asked++;
        }
      }
    }
    expect(asked).toBeGreaterThan(0);
  });
});

describe('who stands in, asked with an everyday absence', () => {
  it('names the stand-in of the role named in full, not of a word that only resembles a name', () => {
    const { kb, answerer } = loaded.get('tests/fixtures/kb-hvidmose')!;
    const roles = new Map(kb.data.roles.map((r) => [r.id, r]));
    let asked = 0;
    for (const d of kb.data.deputies.filter((x) => !x.validFrom && kb.data.deputies.filter((y) => y.for === x.for).length === 1)) {
      const forRole = roles.get(d.for)!;
      const deputy = roles.get(d.deputy)!;
      const definite = forRole.names.find((n) => n.startsWith(forRole.name) && n.endsWith('en')) ?? forRole.name;
      for (const q of [`hvem træder til når ${definite} er på ferie`, `hvem overtager når ${definite} er syg`]) {
        expect(firstLine(renderAnswerText(answerer.answer(q))).toLowerCase(), q).toContain(deputy.name.toLowerCase());
        asked++;
      }
      for (const q of [`who covers for the ${forRole.namesEn![0]} when they are on holiday`, `who takes over when the ${forRole.namesEn![0]} is away`]) {
        expect(firstLine(renderAnswerText(answerer.answer(q))).toLowerCase(), q).toContain(deputy.name.toLowerCase());
        asked++;
      }
    }
    expect(asked).toBeGreaterThan(0);
  });
});

describe('coming reporting lines', () => {
  const HVM = 'tests/fixtures/kb-hvidmose';
  const TODAY = '2026-11-30';

  it('"what changes in the reporting lines" lists every line that begins after today, in both languages', () => {
    const { kb, answerer } = loaded.get(HVM)!;
    const coming = kb.data.reportingLines.filter((l) => l.validFrom && l.validFrom > TODAY);
    expect(coming.length).toBeGreaterThan(0);
    for (const [q, lang] of [['what changes in the reporting lines', 'en'], ['hvad ændrer sig i referencerne', 'da'], ['which reporting lines change', 'en']] as const) {
      const answer = answerer.answer(q);
      expect(answer.kind, q).toBe('answer');
      const text = renderAnswerText(answer);
      expect(firstLine(text), q).toContain(String(coming.length));
      for (const l of coming.slice(0, 4)) expect(text, q).toContain(l.text[lang]);
    }
  });

  it('"who will report to X" asks downwards: every role whose line to X begins after today', () => {
    const { kb, answerer } = loaded.get(HVM)!;
    const roles = new Map(kb.data.roles.map((r) => [r.id, r]));
    const targets = unique(kb.data.reportingLines.filter((l) => l.validFrom && l.validFrom > TODAY).map((l) => l.to));
    let asked = 0;
    for (const to of targets) {
      const below = kb.data.reportingLines.filter((l) => l.to === to && l.validFrom && l.validFrom > TODAY).map((l) => roles.get(l.from)!);
      const target = roles.get(to)!;
      const en = firstLine(renderAnswerText(answerer.answer(`who will report to the ${target.namesEn![0]} after the reorganisation`)));
      const da = firstLine(renderAnswerText(answerer.answer(`hvem skal referere til ${target.names[0] ?? target.name} efter omlægningen`)));
      for (const r of below) {
        expect(en, target.name).toContain(r.labelEn!.split(' (')[0]!);
        expect(da, target.name).toContain(r.name);
      }
      asked++;
    }
    expect(asked).toBeGreaterThan(0);
  });

  it('a knowledge base without coming lines gives none', () => {
    for (const dir of KBS) {
      const { kb, answerer } = loaded.get(dir)!;
      if (kb.data.reportingLines.some((l) => (l.validFrom && l.validFrom > TODAY) || l.validUntil)) continue;
      expect(firstLine(renderAnswerText(answerer.answer('what changes in the reporting lines'))), dir).not.toMatch(/reporting lines? begins?/);
    }
  });
});

function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}

describe('"which leaders take part in X" lists the participants', () => {
  it('for every meeting with participants, in both languages', () => {
    let asked = 0;
    for (const dir of KBS) {
      const { kb, answerer } = loaded.get(dir)!;
      const roles = new Map(kb.data.roles.map((r) => [r.id, r]));
      for (const m of kb.data.meetings.filter((x) => x.participants.length > 0 && x.participants.every((p) => roles.has(typeof p === 'string' ? p : p.ref)))) {
        const first = roles.get(typeof m.participants[0] === 'string' ? m.participants[0] : m.participants[0]!.ref)!;
        for (const [q, says] of [[`which leaders take part in ${m.name}`, first.labelEn?.split(' (')[0] ?? first.name], [`hvilke ledere deltager i ${m.name}`, first.name]] as const) {
          const answer = answerer.answer(q);
          expect(answer.kind, `${dir}: ${q}`).toBe('answer');
          expect(renderAnswerText(answer), `${dir}: ${q}`).toContain(says);
          asked++;
        }
      }
    }
    expect(asked).toBeGreaterThan(0);
  });
});
