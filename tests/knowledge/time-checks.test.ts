import { describe, expect, it } from 'vitest';
import { formatKnowledgeError, parseKnowledgeFiles } from '../../src/knowledge/load-knowledge.js';
import { inputs, onlyError, organisationFile, timelineFile } from './knowledge-files.js';

describe('kb checks on time, recurrence, deputies and decisions', () => {
  it('accepts the timeline file', () => {
    const result = parseKnowledgeFiles(inputs(timelineFile()));
    expect(result.ok ? [] : result.errors.map(formatKnowledgeError)).toEqual([]);
  });

  it('reports a validUntil before validFrom with file, path and fix, wherever it sits', () => {
    const file = timelineFile();
    (file.units[0] as unknown as { figures: { validUntil?: string }[] }).figures[1]!.validUntil = '2027-01-01';
    const error = onlyError(file);
    expect(error.file).toBe('a.json');
    expect(error.path).toBe('units[0].figures[1].validUntil');
    expect(error.message).toBe('validUntil (2027-01-01) is before validFrom (2027-08-01) (fix: validUntil is the last day it holds; swap them or correct one)');
  });

  it('accepts a statement with a period and a condition, and reports its reversed period like any other', () => {
    const file = organisationFile();
    const responsibility: { validFrom: string; validUntil?: string; condition: object } = { ...file.roles[1]!.responsibilities![0]!, validFrom: '2027-08-01', condition: { da: 'når chefen er væk', en: 'while the head is away' } };
    (file.roles[1] as { responsibilities: unknown[] }).responsibilities = [responsibility];
    const ok = parseKnowledgeFiles(inputs(file));
    expect(ok.ok ? [] : ok.errors.map(formatKnowledgeError)).toEqual([]);
    responsibility.validUntil = '2027-07-31';
    const error = onlyError(file);
    expect(error.path).toBe('roles[1].responsibilities[0].validUntil');
    expect(error.message).toBe('validUntil (2027-07-31) is before validFrom (2027-08-01) (fix: validUntil is the last day it holds; swap them or correct one)');
  });

  it('accepts one day of a meeting with its own time, place and note, and reports a day the meeting is not held', () => {
    const file = timelineFile();
    const recurrence = file.meetings[0]!.recurrence as { occurrences?: object[] };
    recurrence.occurrences = [{ date: '2027-03-02', time: '12:00', place: 'Biblioteket', note: { da: 'med frokost', en: 'with lunch' } }];
    const ok = parseKnowledgeFiles(inputs(file));
    expect(ok.ok ? [] : ok.errors.map(formatKnowledgeError)).toEqual([]);
    recurrence.occurrences = [{ date: '2027-03-03', note: { da: 'flyttet', en: 'moved' } }];
    const error = onlyError(file);
    expect(error.path).toBe('meetings[0].recurrence.occurrences[0].date');
    expect(error.message).toBe("2027-03-03 is not a day the meeting is held (fix: a moved meeting's new day goes in recurrence.dates and its old day in exceptDates; or correct the date)");
    recurrence.occurrences = [{ date: '2027-06-01', note: { da: 'aflyst', en: 'cancelled' } }];
    expect(onlyError(file).path).toBe('meetings[0].recurrence.occurrences[0].date');
  });

  it('reports an RRULE that does not parse', () => {
    const file = timelineFile();
    file.meetings[0]!.recurrence.rrule = 'FREQ=MONTHLY;BYDAY=XX';
    const error = onlyError(file);
    expect(error.path).toBe('meetings[0].recurrence.rrule');
    expect(error.message).toMatch(/^"FREQ=MONTHLY;BYDAY=XX" has an unknown BYDAY weekday .*\(fix: write an RFC 5545 RRULE value/);
  });

  it('reports an RRULE that yields no date', () => {
    const file = timelineFile();
    file.meetings[0]!.recurrence.rrule = 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30';
    const error = onlyError(file);
    expect(error.path).toBe('meetings[0].recurrence.rrule');
    expect(error.message).toMatch(/^yields no date from 2027-01-01 by the meeting's validUntil \(2027-06-30\) \(fix: /);
  });

  it('reports an RRULE with no day to count from', () => {
    const file = timelineFile();
    const { start: _start, ...rest } = file.meetings[0]!.recurrence;
    file.meetings[0]!.recurrence = rest as typeof file.meetings[0]['recurrence'];
    expect(onlyError(file).message).toMatch(/has no first day to count from \(fix: add recurrence.start/);
  });

  it('reports overlapping reporting lines of one role, naming both and the overlap', () => {
    const file = timelineFile();
    file.reportingLines[1]!.validFrom = '2027-07-01';
    const error = onlyError(file);
    expect(error.path).toBe('reportingLines[1].validFrom');
    expect(error.message).toMatch(/^reporting line "l-leder-distrikt" overlaps "l-leder-chef" for "leder" \(both hold from 2027-07-01 to 2027-07-31\) \(fix: end the earlier line/);
  });

  it('checks reporting cycles only among lines that hold at the same time', () => {
    const file = timelineFile();
    // Before the change the head reports to the leader; the leader's own line to the head ends then too.
    file.reportingLines.push({ ...file.reportingLines[0]!, id: 'l-chef-leder', from: 'chef', to: 'leder', validUntil: '2027-06-30' } as never);
    const error = onlyError(file);
    expect(error.message).toMatch(/^reporting cycle: (leder -> chef -> leder|chef -> leder -> chef)/);
    const apart = timelineFile();
    // The same two lines, but the head's line to the leader begins the day after the leader's ends: no cycle.
    apart.reportingLines.push({ ...apart.reportingLines[0]!, id: 'l-chef-leder', from: 'chef', to: 'leder', validFrom: '2027-08-01', validUntil: undefined } as never);
    apart.reportingLines[2]!.to = 'centret';
    const result = parseKnowledgeFiles(inputs(apart));
    expect(result.ok ? [] : result.errors.map(formatKnowledgeError)).toEqual([]);
  });

  it("reports a role's undated reportsTo beside a dated reporting line of the same role", () => {
    const file = timelineFile();
    (file.roles[1] as { reportsTo: string[] }).reportsTo = ['chef'];
    const error = onlyError(file);
    expect(error.path).toBe('roles[1].reportsTo');
    expect(error.message).toMatch(/^"leder" reports to "chef" at all times, beside the dated reporting line "l-leder-chef" \(fix: /);
  });

  it('reports a deputy for itself and a dangling deputy', () => {
    const file = timelineFile();
    file.deputies[0]!.for = 'souschef';
    expect(onlyError(file).message).toMatch(/"souschef" stands in for itself/);
    const dangling = timelineFile();
    dangling.deputies[0]!.deputy = 'souchef';
    const error = onlyError(dangling);
    expect(error.path).toBe('deputies[0].deputy');
    expect(error.message).toMatch(/no role or person with id "souchef" .*did you mean "souschef"\?/);
  });

  it('reports a contactFor that names neither an item nor a document', () => {
    const file = timelineFile();
    file.people[1]!.contactFor = ['doc-b.txt'];
    const error = onlyError(file);
    expect(error.path).toBe('people[1].contactFor[0]');
    expect(error.message).toMatch(/^no item or document with id "doc-b.txt" \(fix: .*did you mean "doc-a.txt"\?\)$/);
  });

  it('reports a decision whose body or changed item does not exist', () => {
    const file = timelineFile();
    file.decisions[0]!.changes = ['nothing-here'];
    expect(onlyError(file).path).toBe('decisions[0].changes[0]');
  });
});
