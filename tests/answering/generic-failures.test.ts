/**
 * Failure classes an independent evaluator found on a municipality the engine was never tuned on,
 * each checked on a knowledge base in the repository with questions built from its data: figures
 * asked as of a time, two figures at once, linking, downward lines from a person, decisions asked
 * "when", calendar listings, small talk addressed to the bot, the floor, and document titles.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnswerer, renderAnswerText, type Answer, type Answerer } from '../../src/answering/index.js';
import { loadKnowledgeOrThrow } from '../../src/knowledge/load-knowledge.js';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { createQueries, type KnowledgeQueries } from '../../src/knowledge/queries.js';
import { formatDate } from '../../src/time/format-date.js';
import type { Figure } from '../../src/knowledge/schemas.js';

/** 30 November 2026, before the Hvidmose reorganisation of 1 August 2027. */
const NOW = new Date('2026-11-30T09:00:00Z');
const TODAY = '2026-11-30';
const all = (answer: Answer) => renderAnswerText(answer, { details: true }).toLowerCase();
const day = (iso: string, lang: 'da' | 'en') => formatDate(iso, lang).replace(/^\S+ (den )?/, '').toLowerCase();
/** A figure's number as the documents write it ("1.300", "1,300", "34"). */
const numberIn = (value: number) => new RegExp(`\\b${String(value).replace(/\B(?=(\d{3})+(?!\d))/g, '[.,]?')}\\b`);

async function load(dir: string): Promise<{ kb: KnowledgeBase; answerer: Answerer; queries: KnowledgeQueries }> {
  const kb = await loadKnowledgeOrThrow(dir);
  return { kb, answerer: createAnswerer(kb, { now: () => NOW }), queries: createQueries(kb) };
}

describe('figures asked as of a time (Hvidmose)', () => {
  let kb: KnowledgeBase;
  let answerer: Answerer;
  let queries: KnowledgeQueries;
  beforeAll(async () => ({ kb, answerer, queries } = await load('tests/fixtures/kb-hvidmose')));

  /** Figures that change on a coming day: the owner, the metric and the day of the change. */
  const changes = () =>
    kb.data.units.flatMap((unit) =>
      unit.figures
        .filter((f): f is Figure & { validFrom: string } => f.validFrom !== undefined && f.validFrom > TODAY)
        .filter((f) => unit.figures.some((o) => o !== f && o.metric === f.metric && o.value !== f.value))
        .map((f) => ({ unit, figure: f })),
    );

  it('answers the figure on a day named in full, not the calendar of that day', () => {
    expect(changes().length).toBeGreaterThan(0);
    for (const { unit, figure } of changes()) {
      const later = queries.figuresOn(unit.id, figure.validFrom).find((f) => f.figure.metric === figure.metric)!;
      const now = queries.figuresOn(unit.id, TODAY).find((f) => f.figure.metric === figure.metric)!;
      for (const q of [
        `Hvor mange souschefer er der i ${unit.name} pr. ${day(figure.validFrom, 'da')}?`,
        `How many deputies are there in ${unit.name} as of ${day(figure.validFrom, 'en')}?`,
      ]) {
        const answer = answerer.answer(q);
        expect(answer.kind, q).toBe('answer');
        expect(answer.headline, q).toMatch(numberIn(later.figure.value));
        expect(answer.headline, q).not.toMatch(numberIn(now.figure.value));
      }
    }
  });

  it('answers a count of a thing the lexicon has no metric for on a named day from the data, not from the calendar', () => {
    const stated = kb.data.units.flatMap((unit) => unit.figures.filter((f) => f.asOf !== undefined && f.validUntil === undefined).map((f) => ({ unit, figure: f })));
    expect(stated.length).toBeGreaterThan(0);
    for (const { figure } of stated) {
      // The thing counted, in the document's own word: "38 dagplejere" -> "dagplejere".
      const counted = figure.text.da.match(/^\d+ (\p{L}+)/u)?.[1];
      if (!counted) continue;
      const q = `Hvor mange ${counted} er der pr. 1. januar 2027?`;
      const answer = answerer.answer(q);
      expect(answer.kind, q).toBe('answer');
      expect(answer.headline, q).toMatch(numberIn(figure.value));
    }
  });

  it('answers "from <month year>" with the figure on the first day of that month', () => {
    for (const { unit, figure } of changes()) {
      const month = formatDate(figure.validFrom, 'da').split(' ').slice(-2).join(' ');
      const q = `hvor mange souschefer er der i ${unit.name} fra ${month}`;
      const answer = answerer.answer(q);
      const on = queries.figuresOn(unit.id, `${figure.validFrom.slice(0, 7)}-01`).find((f) => f.figure.metric === figure.metric)!;
      expect(answer.headline, q).toMatch(numberIn(on.figure.value));
    }
  });

  it('understands everyday time phrases as the day they point at', () => {
    // After New Year (1 January 2027) the reorganisation has not happened yet: today's figure holds.
    for (const { unit, figure } of changes()) {
      const now = queries.figuresOn(unit.id, '2027-01-01').find((f) => f.figure.metric === figure.metric)!;
      for (const q of [`Hvor mange souschefer er der i ${unit.name} efter nytår?`, `how many deputies in ${unit.name} after new year`]) {
        expect(answerer.answer(q).headline, q).toMatch(numberIn(now.figure.value));
      }
      // After the summer holidays (1 August 2027) the new figure holds.
      const then = queries.figuresOn(unit.id, '2027-08-01').find((f) => f.figure.metric === figure.metric)!;
      const q = `Hvor mange souschefer er der i ${unit.name} efter sommerferien?`;
      expect(answerer.answer(q).headline, q).toMatch(numberIn(then.figure.value));
    }
  });
});

describe('two figures asked at once (Bakkekær)', () => {
  let kb: KnowledgeBase;
  let answerer: Answerer;
  beforeAll(async () => ({ kb, answerer } = await load('tests/fixtures/kb-bakkekaer')));

  it("gives each unit's figure when two units are named", () => {
    const withChildren = kb.data.units.filter((u) => u.figures.filter((f) => f.metric === 'children').length === 1);
    expect(withChildren.length).toBeGreaterThanOrEqual(2);
    for (let i = 0; i + 1 < withChildren.length; i++) {
      const [a, b] = [withChildren[i]!, withChildren[i + 1]!];
      for (const q of [`Hvor mange børn er der i ${a.name} og ${b.name}?`, `How many children are there in ${a.name} and ${b.name}?`]) {
        const answer = answerer.answer(q);
        for (const unit of [a, b]) expect(answer.headline, q).toMatch(numberIn(unit.figures.find((f) => f.metric === 'children')!.value));
      }
    }
  });

  it('gives both metrics of one unit', () => {
    const unit = kb.data.units.find((u) => ['children', 'employees'].every((m) => u.figures.filter((f) => f.metric === m).length === 1))!;
    expect(unit).toBeDefined();
    const answer = answerer.answer(`Hvor mange børn og medarbejdere er der i ${unit.name}?`);
    for (const m of ['children', 'employees']) expect(answer.headline).toMatch(numberIn(unit.figures.find((f) => f.metric === m)!.value));
  });
});

describe('small talk addressed to the bot (seed)', () => {
  let answerer: Answerer;
  beforeAll(async () => ({ answerer } = await load('data')));

  it.each(['hej bot', 'Hej botten!', 'hi there assistant', 'hello everyone', 'tak allesammen', 'thanks bot'])('"%s" is small talk', (q) => {
    expect(answerer.answer(q).kind).toBe('smalltalk');
  });

  it('a question addressed to the bot is still a question', () => {
    expect(answerer.answer('hej bot, hvem er dagtilbudschef?').kind).not.toBe('smalltalk');
  });
});



describe('chat-added deadlines named exactly (seed)', () => {
  it('answers the deadline named, also when its name is a cue word of another kind of deadline', async () => {
    const kb = await loadKnowledgeOrThrow('data');
    const deadlines = [
      { id: 'a', title: 'Budgetopfølgning', date: '2026-12-15' },
      { id: 'b', title: 'Kvalitetsrapport', date: '2026-12-01' },
    ];
    const answerer = createAnswerer(kb, { now: () => NOW, deadlines: { list: () => deadlines } });
    for (const [asked, other] of [deadlines, [...deadlines].reverse()] as const) {
      const q = `Hvornår er fristen for ${asked!.title.toLowerCase()}?`;
      const text = all(answerer.answer(q));
      expect(text, q).toContain(day(asked!.date, 'da'));
      expect(text, q).not.toContain(other!.title.toLowerCase());
    }
  });
});

describe('documents as contact topics and by their titles (Hvidmose)', () => {
  let kb: KnowledgeBase;
  let answerer: Answerer;
  beforeAll(async () => ({ kb, answerer } = await load('tests/fixtures/kb-hvidmose')));
  const documentContacts = () => kb.data.people.flatMap((p) => p.contactFor.filter((id) => kb.documents.has(id)).map((id) => ({ person: p, doc: kb.documents.get(id)! })));

  it("shows a document a person answers for by its title, never by its file name", () => {
    expect(documentContacts().length).toBeGreaterThan(0);
    for (const { person, doc } of documentContacts()) {
      for (const [q, title] of [[`Hvem er ${person.name}?`, doc.title], [`Who is ${person.name}?`, doc.titleEn]] as const) {
        const text = all(answerer.answer(q));
        expect(text, q).not.toContain(doc.id.toLowerCase());
        expect(text, q).toContain(title.toLowerCase());
        for (const id of person.contactFor) expect(text, q).not.toContain(id.toLowerCase());
      }
    }
  });

  it('reaches the person whose contactFor lists a document asked about as a topic', () => {
    for (const { person, doc } of documentContacts()) {
      // The word of the title that is the document's own (the head of its first compound, e.g. "årshjul").
      const own = doc.title.split(/[\s:,]+/)[0]!.toLowerCase();
      for (const q of [`hvem skal jeg spørge om ${own}`, `Hvem kan jeg kontakte om ${own}?`]) {
        expect(answerer.answer(q).headline, q).toContain(person.name);
      }
      const en = doc.titleEn.split(/[:]/)[0]!.replace(/\s*\d{4}.*$/, '').toLowerCase();
      const q = `who do I ask about the ${en}`;
      expect(answerer.answer(q).headline, q).toContain(person.name);
    }
  });
});

describe.each([
  { name: 'Bakkekær', dir: 'tests/fixtures/kb-bakkekaer' },
  { name: 'Hvidmose', dir: 'tests/fixtures/kb-hvidmose' },
  { name: 'Fjordby', dir: 'tests/fixtures/kb-other' },
])('reporting lines asked from a person’s name ($name)', ({ dir }) => {
  let kb: KnowledgeBase;
  let answerer: Answerer;
  let queries: KnowledgeQueries;
  beforeAll(async () => ({ kb, answerer, queries } = await load(dir)));
  const nameOfRole = (id: string) => (kb.get(id)!.item as { name: string }).name.toLowerCase();
  /** People whose first name no one else in the knowledge base has. */
  const people = () => kb.data.people.filter((p) => p.role && kb.data.people.filter((o) => o.name.split(' ')[0] === p.name.split(' ')[0]).length === 1);

  it('lists the roles under the person’s role, not the person’s card', () => {
    const managing = people().filter((p) => queries.directReportsOn(p.role!, TODAY).length > 0);
    expect(managing.length).toBeGreaterThan(0);
    for (const person of managing) {
      const below = queries.directReportsOn(person.role!, TODAY).map((e) => nameOfRole(e.from));
      for (const q of [`hvem har ${person.name} personaleansvar for`, `who reports to ${person.name}`, `hvem har ${person.name.split(' ')[0]} personaleansvar for?`]) {
        const headline = answerer.answer(q).headline.toLowerCase();
        expect(below.some((n) => headline.includes(n)), `${q}: ${headline}`).toBe(true);
      }
    }
  });

  it('answers whom a person named by first name reports to', () => {
    for (const person of people()) {
      const above = queries.reportsToOn(person.role!, TODAY).map((e) => nameOfRole(e.to));
      if (above.length === 0) continue;
      const q = `hvem refererer ${person.name.split(' ')[0]} til?`;
      const headline = answerer.answer(q).headline.toLowerCase();
      expect(above.some((n) => headline.includes(n)), `${q}: ${headline}`).toBe(true);
    }
  });
});

describe('decisions asked by a day without a year, and "when" a change comes (Hvidmose)', () => {
  let kb: KnowledgeBase;
  let answerer: Answerer;
  beforeAll(async () => ({ kb, answerer } = await load('tests/fixtures/kb-hvidmose')));
  const bodyName = (id: string) => (kb.get(id)!.item as { name: string }).name;

  it('finds the decisions of a body on a day named without its year (the year is the data’s)', () => {
    expect(kb.data.decisions.length).toBeGreaterThan(0);
    for (const decision of kb.data.decisions) {
      const withoutYear = (lang: 'da' | 'en') => day(decision.date, lang).replace(/\s*\d{4}$/, '');
      for (const q of [`Hvad besluttede ${bodyName(decision.body)} den ${withoutYear('da')}?`, `What did the ${bodyName(decision.body)} decide on ${withoutYear('en')}?`]) {
        const answer = answerer.answer(q);
        expect(answer.kind, q).toBe('answer');
        expect(all(answer), q).toContain(day(decision.date, q.startsWith('What') ? 'en' : 'da'));
      }
    }
  });

  it('answers "when" about the items a decision changes with the day it applies from', () => {
    const changing = kb.data.decisions.filter((d) => d.appliesFrom && d.changes.filter((id) => kb.get(id)?.kind === 'units').length >= 2);
    expect(changing.length).toBeGreaterThan(0);
    for (const decision of changing) {
      const [a, b] = decision.changes.filter((id) => kb.get(id)?.kind === 'units').map(bodyName);
      for (const [q, lang] of [[`when are ${a} and ${b} merged`, 'en'], [`Hvornår oprettes ${a} og ${b}?`, 'da'], [`hvornår starter ${a}`, 'da']] as const) {
        const answer = answerer.answer(q);
        expect(answer.kind, q).toBe('answer');
        expect(answer.headline.toLowerCase(), q).toContain(day(decision.appliesFrom!, lang));
      }
    }
  });

  it('does not answer "when" about something else in a changed item with the decision', () => {
    const decision = kb.data.decisions.find((d) => d.appliesFrom && d.changes.some((id) => kb.get(id)?.kind === 'units'))!;
    const unit = bodyName(decision.changes.find((id) => kb.get(id)?.kind === 'units')!);
    for (const q of [`hvornår åbner den nye svømmehal i ${unit}`, `when is the christmas party in ${unit}`]) {
      expect(all(answerer.answer(q)), q).not.toContain(day(decision.appliesFrom!, q.startsWith('when') ? 'en' : 'da'));
    }
  });
});

describe('calendar listings of a month (Hvidmose)', () => {
  let kb: KnowledgeBase;
  let answerer: Answerer;
  let queries: KnowledgeQueries;
  beforeAll(async () => ({ kb, answerer, queries } = await load('tests/fixtures/kb-hvidmose')));
  const months = () => [...new Set(kb.data.dates.flatMap((d) => [d.date.slice(0, 7), (d.end ?? d.date).slice(0, 7)]))];
  const monthEnd = (month: string) => {
    const [y, m] = month.split('-').map(Number) as [number, number];
    return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  };

  it('says as many items as it lists (or how many more there are) and lists every period and dated event of the month', () => {
    for (const month of months()) {
      for (const lang of ['da', 'en'] as const) {
        const name = formatDate(`${month}-01`, lang).split(' ').slice(-2).join(' ');
        const q = lang === 'da' ? `hvad sker der i ${name}` : `what is on the calendar in ${name}`;
        const answer = answerer.answer(q);
        const lines = answer.sections.flatMap((s) => s.lines);
        const count = /^(én|one) /i.test(answer.headline) ? 1 : Number(answer.headline.match(/^\d+/)?.[0]);
        const more = answer.headline.match(/(\d+) (mere|more)/);
        if (more) expect(lines.length + Number(more[1]), q).toBe(count);
        else expect(lines.length, q).toBe(count);
        const text = all(answer);
        for (const entry of queries.datedItemsBetween(`${month}-01`, monthEnd(month))) {
          if (entry.kind !== 'date' || entry.entry.precision !== 'day') continue;
          expect(text, q).toContain(entry.entry.label[lang].toLowerCase());
          if (entry.entry.place) expect(text, q).toContain(entry.entry.place.toLowerCase());
        }
      }
    }
  });
});

describe('conditional reporting lines asked with an absence, both languages (Hvidmose)', () => {
  let kb: KnowledgeBase;
  let answerer: Answerer;
  let queries: KnowledgeQueries;
  beforeAll(async () => ({ kb, answerer, queries } = await load('tests/fixtures/kb-hvidmose')));
  const roleName = (id: string, lang: 'da' | 'en') => {
    const role = kb.get(id)!.item as { name: string; labelEn: string };
    return lang === 'da' ? role.name : role.labelEn.replace(/\s*\(.*\)/, '');
  };

  it('answers the conditional line, not the deputy relation', () => {
    const conditional = kb.data.roles.flatMap((r) => queries.reportsToOn(r.id, TODAY).filter((e) => e.condition).map((e) => ({ role: r.id, edge: e })));
    expect(conditional.length).toBeGreaterThan(0);
    for (const { role, edge } of conditional) {
      const leader = queries.reportsToOn(role, TODAY, { unconditional: true })[0]!.to;
      for (const [q, lang] of [
        [`what happens to the ${roleName(role, 'en')}'s line when their ${roleName(leader, 'en')} is away`, 'en'],
        [`who does the ${roleName(role, 'en')} report to when the ${roleName(leader, 'en')} is absent`, 'en'],
        [`Hvad sker der med ${roleName(role, 'da')}s reference, når ${roleName(leader, 'da')} er væk?`, 'da'],
      ] as const) {
        const answer = answerer.answer(q);
        expect(answer.lang, q).toBe(lang);
        const headline = answer.headline.toLowerCase();
        expect(headline, q).toContain(roleName(edge.to, lang).toLowerCase().split(' ')[0]!);
        expect(headline, q).toContain(edge.condition![lang].toLowerCase());
      }
    }
  });
});

describe.each([
  { name: 'Hvidmose', dir: 'tests/fixtures/kb-hvidmose' },
  { name: 'Bakkekær', dir: 'tests/fixtures/kb-bakkekaer' },
])('a role no person is named in ($name)', ({ dir }) => {
  let kb: KnowledgeBase;
  let answerer: Answerer;
  beforeAll(async () => ({ kb, answerer } = await load(dir)));

  it('says no person is named (its name words, like "head of", ask for nobody else)', () => {
    const empty = kb.data.roles.filter((r) => !kb.data.people.some((p) => p.role === r.id) && kb.data.roles.filter((o) => o.name === r.name).length === 1);
    expect(empty.length).toBeGreaterThan(0);
    for (const role of empty) {
      for (const q of [`hvem er ${role.name}?`, `who is the ${role.labelEn.replace(/\s*\(.*\)/, '')}`]) {
        const answer = answerer.answer(q);
        expect(answer.kind, `${q}: ${answer.headline}`).toBe('unknown');
        for (const person of kb.data.people) expect(answer.headline, q).not.toContain(person.name);
      }
    }
  });
});

describe('the floor: the answer must state what is asked, not merely name the item (Bakkekær, Fjordby)', () => {
  it.each([
    { dir: 'tests/fixtures/kb-bakkekaer' },
    { dir: 'tests/fixtures/kb-other' },
  ])('gives no posting terms or other facts for the opening hours or response count of a unit ($dir)', async ({ dir }) => {
    const { kb, answerer } = await load(dir);
    // Units that have a posting: their postings' terms share the unit's name but say nothing of opening hours.
    const units = kb.data.units.filter((unit) => kb.data.postings.some((p) => p.unit === unit.id));
    expect(units.length).toBeGreaterThan(0);
    for (const unit of units) {
      const short = unit.names.find((n) => !/\s/.test(n)) ?? unit.name;
      for (const q of [`what are the opening hours of ${short}`, `hvornår har ${short} åbent`, `hvad er åbningstiden i ${unit.name}`, `how many answered the parent survey in ${short}`]) {
        const answer = answerer.answer(q);
        expect(answer.kind, `${q}: ${answer.headline}`).toBe('unknown');
      }
    }
  });

  it('a count asked of a unit whose short name a posting also carries gives the unit’s figure', async () => {
    const { kb } = await load('tests/fixtures/kb-bakkekaer');
    const unit = kb.data.units.find((u) => kb.data.postings.some((p) => p.unit === u.id) && u.figures.some((f) => f.metric === 'children'))!;
    const short = unit.names.find((n) => !/\s/.test(n))!;
    // The posting is also called by the unit's short name (as leaders do: "Kløverengen" for the job).
    for (const posting of kb.data.postings.filter((p) => p.unit === unit.id)) (posting.names as string[]).push(short, `${short}-stillingen`);
    const answerer = createAnswerer(kb, { now: () => NOW });
    const children = unit.figures.find((f) => f.metric === 'children')!;
    for (const q of [`hvor mange børn går i ${short}`, `how many children are there in ${short}`]) {
      expect(answerer.answer(q).headline, q).toMatch(numberIn(children.value));
    }
  });
});

describe.each([
  { name: 'Fjordby', dir: 'tests/fixtures/kb-other' },
  { name: 'Bakkekær', dir: 'tests/fixtures/kb-bakkekaer' },
  { name: 'Hvidmose', dir: 'tests/fixtures/kb-hvidmose' },
])('a one-letter typo in a role title ($name)', ({ dir }) => {
  it('still finds the role: swapped, wrong or doubled letters, also at the start of a later word', async () => {
    const { kb, answerer, queries } = await load(dir);
    const roles = kb.data.roles.filter((r) => r.name.length >= 8 && queries.reportsToOn(r.id, TODAY, { unconditional: true }).length > 0);
    expect(roles.length).toBeGreaterThan(0);
    for (const role of roles) {
      const above = queries.reportsToOn(role.id, TODAY, { unconditional: true }).map((e) => (kb.get(e.to)!.item as { name: string }).name.toLowerCase());
      const words = role.name.split(' ');
      const typos = words.flatMap((word, w) => {
        // Letters that fold to two ("å" -> "aa") make two edits of one: only plain letters are mistyped here.
        if (word.length < 6 || /[-æøå]/i.test(word.slice(0, 5))) return [];
        const swap = w > 0 ? word[1]! + word[0]! + word.slice(2) : word.slice(0, 2) + word[3]! + word[2]! + word.slice(4);
        const wrong = word.slice(0, 3) + (word[3] === 'x' ? 'y' : 'x') + word.slice(4);
        return [swap, wrong].map((t) => [...words.slice(0, w), t, ...words.slice(w + 1)].join(' '));
      });
      for (const typo of typos) {
        const q = `hvem refererer ${typo} til?`;
        const headline = answerer.answer(q).headline.toLowerCase();
        expect(above.some((n) => headline.includes(n)), `${q}: ${headline}`).toBe(true);
      }
    }
  });
});

describe('a short alias that is also a cue word names the item (Bakkekær)', () => {
  it('answers about the programme called "Start", not the calendar or small talk; "when" still asks for dates', async () => {
    const { kb } = await load('tests/fixtures/kb-bakkekaer');
    const programme = kb.data.programmes.find((p) => /start/i.test(p.name))!;
    expect(programme).toBeDefined();
    // Leaders call it by its last part, a word that is also a kind of date and a word of small talk.
    (programme.names as string[]).push('Start');
    const answerer = createAnswerer(kb, { now: () => NOW });
    for (const q of ['hvad går Start ud på', 'what is Start about']) {
      const answer = answerer.answer(q);
      expect(answer.kind, q).toBe('answer');
      expect(answer.headline, q).toContain(programme.name);
    }
    expect(answerer.answer('start').kind).toBe('smalltalk');
  });
});

describe('two metrics asked for the municipality (Bakkekær, Fjordby)', () => {
  it.each([{ dir: 'tests/fixtures/kb-bakkekaer' }, { dir: 'tests/fixtures/kb-other' }])('gives both figures ($dir)', async ({ dir }) => {
    const { kb, answerer, queries } = await load(dir);
    const municipality = kb.data.municipalities[0]!;
    // The figures the municipality's top unit states for children and employees.
    const top = kb.data.units.find((u) => ['children', 'employees'].every((m) => u.figures.some((f) => f.metric === m)) && !kb.data.units.some((o) => o.id === u.parent && o.figures.some((f) => f.metric === 'children')))!;
    expect(top).toBeDefined();
    const q = `Hvor mange børn og medarbejdere er der i ${municipality.name}?`;
    const headline = answerer.answer(q).headline;
    for (const m of ['children', 'employees'] as const) {
      expect(headline, q).toMatch(numberIn(queries.figuresOf(top.id).find((f) => f.figure.metric === m)!.figure.value));
    }
  });
});
