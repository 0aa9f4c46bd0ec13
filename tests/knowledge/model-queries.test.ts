/**
 * The queries over the model's finer fields on the made-up Egeskov knowledge base: a unit's parent on a day and its
 * next change, the units under a unit on a day, acting holders, and participants described in words.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeOrThrow } from '../../src/knowledge/load-knowledge.js';
import { createQueries, type KnowledgeQueries } from '../../src/knowledge/queries.js';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';

let kb: KnowledgeBase;
let q: KnowledgeQueries;
beforeAll(async () => {
  kb = await loadKnowledgeOrThrow('tests/fixtures/kb-egeskov');
  q = createQueries(kb);
});

describe('queries of dated parents, acting holders and described participants', () => {
  it("gives a unit's parent on each side of the day it moves, and the move as the next change", () => {
    const moved = kb.data.units.find((unit) => (unit.parents ?? []).length > 0)!;
    const entry = moved.parents![0]!;
    const dayBefore = new Date(`${entry.validFrom}T00:00:00Z`);
    dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
    expect(q.parentOn(moved.id, dayBefore.toISOString().slice(0, 10))).toBe(moved.parent);
    expect(q.parentOn(moved.id, entry.validFrom!)).toBe(entry.ref);
    expect(q.nextParentChange(moved.id, '2026-11-30')).toEqual({ date: entry.validFrom, parent: entry.ref, source: entry.source });
    expect(q.nextParentChange(moved.id, entry.validFrom!)).toBeUndefined();
  });

  it('lists the units under a unit on a day: the moved unit under its old parent before, under its new one after', () => {
    const moved = kb.data.units.find((unit) => (unit.parents ?? []).length > 0)!;
    const entry = moved.parents![0]!;
    expect(q.childrenOn(moved.parent!, '2026-11-30').map((u) => u.id)).toContain(moved.id);
    expect(q.childrenOn(entry.ref, '2026-11-30').map((u) => u.id)).not.toContain(moved.id);
    expect(q.childrenOn(entry.ref, entry.validFrom!).map((u) => u.id)).toContain(moved.id);
    expect(q.childrenOn(moved.parent!, entry.validFrom!).map((u) => u.id)).not.toContain(moved.id);
  });

  it('counts an acting holder among the holders only in the acting period, marked as acting', () => {
    const person = kb.data.people.find((p) => (p.actingAs ?? []).length > 0)!;
    const acting = person.actingAs![0]!;
    expect(q.holdersOn(acting.role, '2026-11-30').map((p) => p.id)).not.toContain(person.id);
    const during = q.roleHoldersOn(acting.role, acting.validFrom!);
    expect(during.find((h) => h.person.id === person.id)?.acting).toEqual({ validFrom: acting.validFrom, validUntil: acting.validUntil, source: acting.source });
    expect(during.filter((h) => h.person.id !== person.id).every((h) => h.acting === undefined)).toBe(true);
    expect(q.roleHoldersOn(acting.role, '2027-08-01').map((h) => h.person.id)).not.toContain(person.id);
    expect(q.actingHoldersOf(acting.role).map((p) => p.id)).toEqual([person.id]);
    expect(q.actingOf(person.id, acting.role)).toEqual([acting]);
  });

  it('gives the participants and members described in words', () => {
    const meeting = kb.data.meetings.find((m) => (m.otherParticipants ?? []).length > 0)!;
    expect(q.describedParticipantsOf(meeting.id).map((p) => p.text.da)).toEqual(meeting.otherParticipants!.map((p) => p.text.da));
    const group = kb.data.leadershipGroups.find((g) => (g.otherMembers ?? []).length > 0)!;
    expect(q.describedParticipantsOf(group.id)).toHaveLength(group.otherMembers!.length);
    expect(q.describedParticipantsOf(kb.data.roles[0]!.id)).toEqual([]);
  });

  it('carries where a reporting line applies on its edge', () => {
    const line = kb.data.reportingLines.find((l) => l.appliesTo !== undefined)!;
    const edge = q.reportsToOn(line.from, '2026-11-30').find((e) => e.line === line.id);
    expect(edge?.appliesTo).toEqual(line.appliesTo);
  });
});
