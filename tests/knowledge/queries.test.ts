import { describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { formatKnowledgeError, loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import type { KnowledgeQueries } from '../../src/knowledge/queries.js';
import { normalizeName } from '../../src/knowledge/normalize-name.js';
import { createQueries, lastDay } from '../../src/knowledge/queries.js';
import type { DateEntry } from '../../src/knowledge/schemas.js';
import { KNOWLEDGE_BASES } from './knowledge-bases.js';

const ids = (items: readonly { readonly id: string }[]) => items.map((item) => item.id);
const digits = (phone: string | undefined) => (phone ?? '').replace(/\D/g, '');

const WITH_EXPECTATIONS = KNOWLEDGE_BASES.flatMap((kb) => (kb.expect ? [{ ...kb, expect: kb.expect }] : []));

describe.each(WITH_EXPECTATIONS)('createQueries over $label', ({ dir, expect: want }) => {
  /** A fresh knowledge base and queries for each test: nothing is shared. */
  async function setUp(): Promise<{ kb: KnowledgeBase; q: KnowledgeQueries }> {
    const result = await loadKnowledge(dir);
    if (!result.ok) throw new Error(`the knowledge base does not load:\n${result.errors.map(formatKnowledgeError).join('\n')}`);
    return { kb: result.kb, q: createQueries(result.kb) };
  }

  it.each(want.names)('finds $ids by the name "$name"', async ({ name, ids: expected, exact }) => {
    const { q } = await setUp();
    const found = q.findByName(name).map((entry) => entry.item.id);
    if (exact) expect(found).toEqual(expected);
    else expect(found).toEqual(expect.arrayContaining([...expected]));
  });

  it('restricts a name search to the kinds asked for, and finds nothing for an unknown name', async () => {
    const { q } = await setUp();
    const [first] = want.names;
    const kind = q.get(first!.ids[0]!)!.kind;
    expect(q.findByName(first!.name, [kind]).length).toBeGreaterThan(0);
    expect(q.findByName(first!.name, [kind === 'facts' ? 'dates' : 'facts'])).toEqual([]);
    expect(q.findByName('administrerende direktør for LEGO')).toEqual([]);
  });

  it('indexes every name of every item under its normalised form', async () => {
    const { q } = await setUp();
    const index = q.nameIndex();
    for (const { name, ids: expected } of want.names) {
      expect((index.get(normalizeName(name)) ?? []).map((entry) => entry.item.id)).toEqual(expect.arrayContaining([...expected]));
    }
    for (const role of q.kb.data.roles) {
      expect(q.namesOf(role.id)[0]).toBe(role.name);
      for (const name of q.namesOf(role.id)) expect(index.get(normalizeName(name))?.map((entry) => entry.item.id)).toContain(role.id);
    }
  });

  it.each(want.chains)('follows the reporting chain up from $from', async ({ from, chain }) => {
    const { q } = await setUp();
    const edges = q.reportingChain(from);
    expect(edges.map((edge) => edge.to)).toEqual(chain);
    expect(edges.map((edge) => edge.depth)).toEqual(chain.map((_, index) => index + 1));
    expect(q.reportsTo(from).map((edge) => edge.to)).toEqual([chain[0]]);
    for (const edge of edges) expect(edge.source.quote.length).toBeGreaterThan(0);
  });

  it('lists direct reports downward', async () => {
    const { q } = await setUp();
    const { of, include } = want.directReports;
    const reports = q.directReports(of);
    expect(reports.map((edge) => edge.from)).toEqual(expect.arrayContaining([...include]));
    expect(reports.every((edge) => edge.to === of && edge.depth === 1)).toBe(true);
  });

  it('lists indirect reports with their depth', async () => {
    const { q } = await setUp();
    const { of, id, depth } = want.indirectReport;
    expect(q.directReports(of).map((edge) => edge.from)).not.toContain(id);
    const edge = q.allReports(of).find((e) => e.from === id);
    expect(edge?.depth).toBe(depth);
  });

  it('lists the members of a leadership group', async () => {
    const { q } = await setUp();
    const { id, members, exact } = want.group;
    const found = q.membersOf(id).map((member) => member.item.item.id);
    if (exact) expect(found).toEqual(members);
    else expect(found).toEqual(expect.arrayContaining([...members]));
  });

  it('lists the leadership groups a role sits in', async () => {
    const { q } = await setUp();
    expect(ids(q.groupsOf(want.groupsOf.id))).toEqual(want.groupsOf.groups);
  });

  it('finds the dates of a role through its postings, in date order', async () => {
    const { q } = await setUp();
    const dates = q.datesForRole(want.datesForRole.role).map((d) => [d.date, d.kind]);
    expect(dates).toEqual(expect.arrayContaining(want.datesForRole.dates.map((d) => [...d])));
    expect(dates.map(([date]) => date)).toEqual([...dates.map(([date]) => date)].sort());
  });

  it('finds the dates in a range, in date order', async () => {
    const { q } = await setUp();
    const { from, to, ids: expected } = want.datesBetween;
    expect(ids(q.datesBetween(from, to))).toEqual(expected);
  });

  it('counts a period that is still running only when asked to', async () => {
    const { q, kb } = await setUp();
    const running = want.runningDate ?? firstPeriod(kb.data.dates);
    expect(ids(q.datesBetween(running.on, running.on))).not.toContain(running.id);
    expect(ids(q.datesBetween(running.on, running.on, { running: true }))).toContain(running.id);
  });

  it('finds the upcoming interviews after a date', async () => {
    const { q } = await setUp();
    const { from, ids: expected } = want.upcomingInterviews;
    expect(ids(q.upcomingDates(from, { kinds: ['interview'] }))).toEqual(expected);
    expect(ids(q.upcomingDates(from, { kinds: ['interview'], limit: 1 }))).toEqual(expected.slice(0, 1));
  });

  it('finds the policies of a municipality', async () => {
    const { q } = await setUp();
    const { municipality, include, exclude } = want.policiesOfMunicipality;
    const found = ids(q.policiesOfMunicipality(municipality));
    expect(found).toEqual(expect.arrayContaining([...include]));
    for (const id of exclude) expect(found).not.toContain(id);
  });

  it('finds the policies relevant for a role', async () => {
    const { q } = await setUp();
    expect(ids(q.policiesForRole(want.policiesForRole.role))).toEqual(expect.arrayContaining([...want.policiesForRole.include]));
  });

  it.each(want.policiesByTopic)('finds the policy on "$topic" first', async ({ topic, first }) => {
    const { q } = await setUp();
    expect(ids(q.policiesByTopic(topic))[0]).toBe(first);
  });

  it('finds no policy on an unknown topic', async () => {
    const { q } = await setUp();
    expect(q.policiesByTopic('rumfart og kvantefysik')).toEqual([]);
    expect(q.policiesByTopic('  ')).toEqual([]);
  });

  it.each(want.contacts)('names the people to contact about $of, with their phones', async ({ of, people }) => {
    const { q } = await setUp();
    const found = q.contactsFor(of).map((person) => [person.name, digits(person.phone)]);
    expect(found).toEqual(expect.arrayContaining(people.map((p) => [...p])));
  });

  it.each(want.figures)('states the figure $metric = $value for $of', async ({ of, metric, value }) => {
    const { q } = await setUp();
    const figure = q.figuresOf(of).find((entry) => entry.figure.metric === metric);
    expect(figure?.figure.value).toBe(value);
    expect(figure?.owner.item.id).toBe(of);
  });

  it('finds figures of units inside a municipality', async () => {
    const { q } = await setUp();
    const { of, metric, value } = want.figureWithin;
    const found = q.figuresWithin(of).filter((entry) => entry.figure.metric === metric).map((entry) => entry.figure.value);
    expect(found).toContain(value);
  });

  it('lists the units inside a unit', async () => {
    const { q } = await setUp();
    expect(ids(q.childrenOf(want.children.of))).toEqual(expect.arrayContaining([...want.children.include]));
  });

  it('lists the concepts that are part of a framework', async () => {
    const { q } = await setUp();
    expect(ids(q.conceptsIn(want.conceptsIn.of))).toEqual(expect.arrayContaining([...want.conceptsIn.include]));
  });

  it('lists the meetings a role takes part in', async () => {
    const { q } = await setUp();
    expect(ids(q.meetingsOf(want.meetingsOf.of))).toEqual(expect.arrayContaining([...want.meetingsOf.include]));
  });

  it.each(want.municipalityOf)('places %s in %s', async (id, municipality) => {
    const { q } = await setUp();
    expect(q.municipalityOf(id)?.id).toBe(municipality);
  });

  it('cites an item with its document title in either language and its quote', async () => {
    const { q, kb } = await setUp();
    const entry = q.get(want.cited)!;
    const doc = kb.documents.get(entry.item.source.doc)!;
    expect(q.sourceOf(entry.item)).toEqual({ doc: doc.id, title: doc.title, quote: entry.item.source.quote });
    expect(q.sourceOf(entry.item.source, 'en')).toEqual({ doc: doc.id, title: doc.titleEn, quote: entry.item.source.quote });
  });

  it('finds every item that refers to an item', async () => {
    const { q } = await setUp();
    const [posting] = q.kb.data.postings;
    const referrers = q.referencesTo(posting!.id).map((entry) => entry.item.id);
    expect(referrers).toEqual(expect.arrayContaining(ids(q.datesAbout(posting!.id))));
  });

  it('answers with copies, so a caller cannot change the indexes', async () => {
    const { q } = await setUp();
    const role = want.datesForRole.role;
    q.datesForRole(role).length = 0;
    q.groupsOf(want.groupsOf.id).length = 0;
    expect(q.datesForRole(role).length).toBeGreaterThan(0);
    expect(q.groupsOf(want.groupsOf.id).length).toBeGreaterThan(0);
  });
});

describe('lastDay', () => {
  const entry = (date: string, extra: Partial<DateEntry> = {}): DateEntry => ({
    id: 'x',
    date,
    precision: 'day',
    kind: 'other',
    about: 'y',
    label: { da: 'x', en: 'x' },
    source: { doc: 'd', quote: 'quote' },
    ...extra,
  });

  it.each([
    [entry('2026-03-02'), '2026-03-02'],
    [entry('2026-03-02', { end: '2026-03-06' }), '2026-03-06'],
    [entry('2024-02-01', { precision: 'month' }), '2024-02-29'],
    [entry('2026-09-01', { precision: 'month' }), '2026-09-30'],
    [entry('2016-01-01', { precision: 'year' }), '2016-12-31'],
  ])('gives the last day of %j as %s', (input, expected) => {
    expect(lastDay(input)).toBe(expected);
  });
});

/** A date entry that runs for more than a day, and a day inside it after its start. */
function firstPeriod(dates: readonly DateEntry[]): { on: string; id: string } {
  const period = dates.find((entry) => lastDay(entry) > entry.date);
  if (!period) throw new Error('the knowledge base has no period, month or year date to test with');
  return { on: lastDay(period), id: period.id };
}
