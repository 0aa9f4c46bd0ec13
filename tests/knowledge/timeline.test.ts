/**
 * The time-aware queries on the knowledge bases that write down time: reporting lines that change on
 * a date, conditional lines, deputies, recurring meetings, the calendar of a month, decisions and
 * figures as of a date.
 */
import { describe, expect, it } from 'vitest';
import { formatKnowledgeError, loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { createQueries, type KnowledgeQueries } from '../../src/knowledge/queries.js';
import { KNOWLEDGE_BASES } from './knowledge-bases.js';

const WITH_TIMELINE = KNOWLEDGE_BASES.flatMap((kb) => (kb.timeline ? [{ ...kb, timeline: kb.timeline }] : []));

describe.each(WITH_TIMELINE)('time-aware queries over $label', ({ dir, timeline: want }) => {
  async function setUp(): Promise<KnowledgeQueries> {
    const result = await loadKnowledge(dir);
    if (!result.ok) throw new Error(result.errors.map(formatKnowledgeError).join('\n'));
    return createQueries(result.kb);
  }

  it.each(want.reportsOn)('$id reports to $to on $day', async ({ id, day, to }) => {
    const q = await setUp();
    expect(q.reportsToOn(id, day, { unconditional: true }).map((edge) => edge.to)).toEqual(to);
  });

  it('names the coming change of a reporting line', async () => {
    const q = await setUp();
    const { id, after, date, to } = want.nextChange;
    const change = q.nextReportingChange(id, after);
    expect(change?.date).toBe(date);
    expect(change?.lines.map((edge) => edge.to)).toEqual(to);
  });

  it('follows the chain valid on a day', async () => {
    const q = await setUp();
    const { from, day, chain } = want.chainOn;
    expect(q.reportingChainOn(from, day).map((edge) => edge.to)).toEqual(chain);
  });

  it('gives a conditional line with its condition', async () => {
    const q = await setUp();
    const { id, day, to, condition } = want.conditional;
    const line = q.reportsToOn(id, day).find((edge) => edge.to === to);
    expect(line?.condition?.da).toMatch(condition);
    expect(q.reportsToOn(id, day, { unconditional: true }).map((edge) => edge.to)).not.toContain(to);
  });

  it('answers who stands in for a role, and whom a role stands in for', async () => {
    const q = await setUp();
    const entries = q.deputiesFor(want.deputies.for);
    expect(entries.map((entry) => entry.deputy.item.id)).toEqual(want.deputies.deputies);
    expect(entries[0]?.relation.condition?.da).toMatch(want.deputies.condition);
    for (const { id, day, for: principals } of want.standsInFor) {
      expect(q.standsInFor(id, day).map((entry) => entry.for.item.id)).toEqual(principals);
    }
  });

  it.each(want.occurrences)('expands $meeting in $from..$to', async ({ meeting, from, to, days, time }) => {
    const q = await setUp();
    const found = q.meetingOccurrences(meeting, from, to);
    expect(found.map((o) => o.date)).toEqual(days);
    if (time !== undefined) expect(found.every((o) => o.time === time)).toBe(true);
  });

  it('resolves participants who come only as needed', async () => {
    const q = await setUp();
    const participants = q.participantsOf(want.participants.meeting);
    expect(participants.filter((p) => p.asNeeded).map((p) => p.item.item.id)).toEqual(want.participants.asNeeded);
    expect(participants.filter((p) => !p.asNeeded).map((p) => p.item.item.id)).toEqual(want.participants.regular);
  });

  it('lists what is on the calendar in a range, running periods included', async () => {
    const q = await setUp();
    const { from, to, dates, meetingDays } = want.datedIn;
    const items = q.datedItemsBetween(from, to);
    expect(items.flatMap((item) => (item.kind === 'date' ? [item.entry.id] : []))).toEqual(expect.arrayContaining([...dates]));
    expect(items.flatMap((item) => (item.kind === 'meeting' ? [item.date] : []))).toEqual(expect.arrayContaining([...meetingDays]));
    expect(items.map((item) => item.date)).toEqual([...items.map((item) => item.date)].sort());
  });

  it('finds decisions by body and by the item they change, with the vote', async () => {
    const q = await setUp();
    expect(q.decisionsBy(want.decisionsBy.body).map((d) => d.id).sort()).toEqual([...want.decisionsBy.ids].sort());
    const changing = q.decisionsChanging(want.decisionsChanging.item);
    expect(changing.map((d) => d.id)).toEqual(want.decisionsChanging.ids);
    expect(changing[0]?.vote).toMatchObject(want.decisionsChanging.vote);
  });

  it.each(want.figuresOn)('gives $metric of $of as of $day: $value', async ({ of, metric, day, value }) => {
    const q = await setUp();
    const found = q.figuresOn(of, day).filter((entry) => entry.figure.metric === metric);
    expect(found.map((entry) => entry.figure.value)).toEqual(value === undefined ? [] : [value]);
  });

  it('finds whom to contact about a source document', async () => {
    const q = await setUp();
    expect(q.contactsFor(want.documentContact.doc).map((person) => person.name)).toContain(want.documentContact.name);
  });
});
