import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { KnowledgeError, LoadResult } from '../../src/knowledge/load-knowledge.js';
import { formatKnowledgeError, parseKnowledgeFiles } from '../../src/knowledge/load-knowledge.js';

/** The Egeskov fixture's one knowledge file, as parsed JSON (a fresh copy each time). */
type Json = Record<string, any>;
const fixture = fileURLToPath(new URL('../fixtures/kb-egeskov/egeskov.json', import.meta.url));
const egeskov = (): Json => JSON.parse(readFileSync(fixture, 'utf8')) as Json;
const find = (list: Json[], id: string): Json => list.find((x) => x.id === id)!;
const load = (file: Json): LoadResult => parseKnowledgeFiles([{ file: 'egeskov.json', text: JSON.stringify(file) }]);

function onlyError(file: Json): KnowledgeError {
  const result = load(file);
  if (result.ok) throw new Error('expected the knowledge file to be rejected, but it loaded');
  expect(result.errors.map(formatKnowledgeError)).toHaveLength(1);
  return result.errors[0]!;
}

describe('kb checks of dated parents, acting holders, appliesTo, described participants, adoption and end times', () => {
  it('accepts the Egeskov fixture, which uses every one of them', () => {
    const result = load(egeskov());
    expect(result.ok ? [] : result.errors.map(formatKnowledgeError)).toEqual([]);
  });

  it('keeps every new field optional: the fixture without them still loads', () => {
    const file = egeskov();
    for (const unit of file.units) delete unit.parents;
    for (const person of file.people) delete person.actingAs;
    for (const person of file.people) delete person.leaves;
    for (const line of file.reportingLines) delete line.appliesTo;
    for (const relation of file.deputies) delete relation.appliesTo;
    delete file.meetings[0].otherParticipants;
    delete file.leadershipGroups[0].otherMembers;
    for (const key of ['adoptedBy', 'adoptedOn', 'inForceFrom', 'adoptionSource']) delete file.policies[0][key];
    delete file.dates[0].endTime;
    expect(load(file).ok).toBe(true);
  });

  it('reports a dated parent that names no unit, with a suggestion', () => {
    const file = egeskov();
    find(file.units, 'egs-dagplejen').parents[0].ref = 'egs-enge';
    const error = onlyError(file);
    expect(error.file).toBe('egeskov.json');
    expect(error.path).toBe('units[3].parents[0].ref');
    expect(error.message).toMatch(/^no unit or municipality with id "egs-enge" \(fix: .*did you mean "egs-engen"\?\)$/);
  });

  it('reports two dated parents of one unit that hold at once', () => {
    const file = egeskov();
    find(file.units, 'egs-dagplejen').parents.push({ ref: 'egs-bakken', validFrom: '2027-06-01' });
    const error = onlyError(file);
    expect(error.path).toBe('units[3].parents[1].validFrom');
    expect(error.message).toMatch(/^overlaps parents\[0\] \("egs-engen"\): "egs-dagplejen" would have two parents at once \(fix: end the earlier period/);
  });

  it('reports a validUntil before validFrom inside a dated parent', () => {
    const file = egeskov();
    find(file.units, 'egs-dagplejen').parents[0].validUntil = '2027-01-31';
    const error = onlyError(file);
    expect(error.path).toBe('units[3].parents[0].validUntil');
    expect(error.message).toMatch(/^validUntil \(2027-01-31\) is before validFrom \(2027-03-01\) \(fix: /);
  });

  it('reports a unit inside itself on the day a dated parent begins', () => {
    const file = egeskov();
    // From 1 March 2027 Engen would sit under the family day care, which then sits under Engen.
    find(file.units, 'egs-engen').parents = [{ ref: 'egs-dagplejen', validFrom: '2027-03-01' }];
    const error = onlyError(file);
    expect(error.message).toMatch(/^unit parent cycle on 2027-03-01: egs-(engen -> egs-dagplejen -> egs-engen|dagplejen -> egs-engen -> egs-dagplejen) \(fix: /);
  });

  it("reports an acting period outside the holder's own validity, and an acting role that is no role", () => {
    const file = egeskov();
    find(file.people, 'egs-maja').validUntil = '2027-06-30';
    const error = onlyError(file);
    expect(error.path).toBe('people[3].actingAs[0]');
    expect(error.message).toBe(
      "the acting period as \"egs-distriktsleder-bakken\" (2027-02-01 to 2027-07-31) lies outside Maja Friis Holt's own validity (open start to 2027-06-30) (fix: correct the acting dates, or the person's validFrom/validUntil)",
    );
    const wrongKind = egeskov();
    find(wrongKind.people, 'egs-maja').actingAs[0].role = 'egs-bakken';
    expect(onlyError(wrongKind).message).toBe('"egs-bakken" is a unit, but actingAs must name a role (fix: point it at a role)');
  });

  it('reports an acting period that ends before it begins', () => {
    const file = egeskov();
    find(file.people, 'egs-maja').actingAs[0].validUntil = '2027-01-01';
    const error = onlyError(file);
    expect(error.path).toBe('people[3].actingAs[0].validUntil');
  });

  it('reports appliesTo that says nowhere, or names a unit that does not exist or is no unit', () => {
    const empty = egeskov();
    find(empty.reportingLines, 'egs-linje-pl-bestyrelse').appliesTo = {};
    const error = onlyError(empty);
    expect(error.path).toBe('reportingLines[4].appliesTo');
    expect(error.message).toMatch(/^says nowhere it applies \(fix: /);
    const unknownUnit = egeskov();
    find(unknownUnit.deputies, 'egs-stedfortraeder-souschef').appliesTo.units = ['egs-mælkebøtten'];
    // Not a kebab-case id: the schema says so first.
    expect(onlyError(unknownUnit).path).toBe('deputies[0].appliesTo.units[0]');
    const missing = egeskov();
    find(missing.deputies, 'egs-stedfortraeder-souschef').appliesTo.units = ['egs-maelkeboette'];
    expect(onlyError(missing).message).toBe('no unit with id "egs-maelkeboette" (fix: add the unit, or correct the id)');
    const role = egeskov();
    role.meetings[0].participants[0].appliesTo = { units: ['egs-souschef'] };
    const roleError = onlyError(role);
    expect(roleError.path).toBe('meetings[0].participants[0].appliesTo.units[0]');
    expect(roleError.message).toMatch(/^"egs-souschef" is a role, but appliesTo.units must name units/);
  });

  it("reports a described participant or member that is an item's own name", () => {
    const file = egeskov();
    file.meetings[0].otherParticipants.push({ text: { da: 'Souschef', en: 'deputy head' } });
    const error = onlyError(file);
    expect(error.path).toBe('meetings[0].otherParticipants[1].text');
    expect(error.message).toBe('"Souschef" is the name of "egs-souschef" (fix: list it by id in participants instead)');
    const group = egeskov();
    group.leadershipGroups[0].otherMembers[0].text = { da: 'småbørnschefen', en: 'the head' };
    expect(onlyError(group).message).toMatch(/list it by id in members instead/);
  });

  it('reports a policy adopted by something that is no body, and a time in force that ends before it begins', () => {
    const file = egeskov();
    file.policies[0].adoptedBy = 'egs-temadag';
    expect(onlyError(file).message).toBe('"egs-temadag" is a date, but adoptedBy must name a unit, leadership group, role or municipality (fix: point it at a unit, leadership group, role or municipality)');
    const ends = egeskov();
    ends.policies[0].inForceUntil = '2026-12-31';
    const error = onlyError(ends);
    expect(error.path).toBe('policies[0].inForceUntil');
    expect(error.message).toMatch(/^inForceUntil \(2026-12-31\) is before inForceFrom \(2027-01-01\) \(fix: /);
  });

  it('reports an end time before the start time, and an end time without a start, on dates and meetings', () => {
    const file = egeskov();
    file.dates[0].endTime = '08:30';
    const error = onlyError(file);
    expect(error.path).toBe('dates[0].endTime');
    expect(error.message).toBe('ends (08:30) before or when it starts (09:00) (fix: endTime is the time it ends, after "time"; swap them or correct one)');
    const noStart = egeskov();
    delete noStart.dates[0].time;
    expect(onlyError(noStart).message).toMatch(/^has an end time \(14:30\) but no start time \(fix: add "time"/);
    const meeting = egeskov();
    meeting.meetings[0].recurrence.endTime = '09:00';
    expect(onlyError(meeting).path).toBe('meetings[0].recurrence.endTime');
    const badTime = egeskov();
    badTime.dates[0].endTime = '25:00';
    expect(onlyError(badTime).message).toMatch(/must be a time written HH:MM/);
  });
});
