/**
 * A reporting line to one unit's holder of a role (`toUnit`) for the holders in some units (`appliesTo.units`),
 * and a document's period (`covers`) that bounds the recurring meetings sourced from it: what kb:check accepts,
 * the message (file, path, fix) for each mistake, the warning for a calendar's meeting without end, and the
 * queries that follow them. The knowledge base is the test's own: two clusters led by one role held per cluster,
 * a house that moves from one to the other, and a calendar for 2027.
 */
import { describe, expect, it } from 'vitest';
import { formatKnowledgeError, parseKnowledgeFiles } from '../../src/knowledge/load-knowledge.js';
import { createQueries } from '../../src/knowledge/queries.js';
import { checkSourceQuotes } from '../../src/knowledge/source-quotes.js';
import { clusterFile, inputs, onlyError } from './knowledge-files.js';


type ClusterFile = ReturnType<typeof clusterFile>;
type Line = ClusterFile['reportingLines'][number] & { toUnit?: string; appliesTo?: { units: string[] }; validFrom?: string; validUntil?: string };

function loaded(file: unknown) {
  const result = parseKnowledgeFiles(inputs(file));
  if (!result.ok) throw new Error(result.errors.map(formatKnowledgeError).join('\n'));
  return result;
}

const lines = (file: ClusterFile) => file.reportingLines as Line[];

describe('kb:check on lines to one unit\'s holder (toUnit) for some units\' holders (appliesTo.units)', () => {
  it('accepts a dated line for one house beside the undated line for every holder, without warnings', () => {
    const result = loaded(clusterFile());
    expect(result.warnings).toEqual([]);
  });

  it('still reports a dated line for every holder beside the undated one', () => {
    const file = clusterFile();
    const { appliesTo: _a, toUnit: _t, ...general } = lines(file)[2]!;
    file.reportingLines[2] = general as (typeof file.reportingLines)[number];
    const error = onlyError(file);
    expect(error.path).toBe('reportingLines[2].validFrom');
    expect(error.message).toMatch(/^reporting line "l-strand-nord" overlaps "l-koord-klynge" for "koordinator" \(both hold from 2027-03-01 to no end\) \(fix: .*appliesTo\.units/);
  });

  it('reports two lines for the same house that overlap, naming the house', () => {
    const file = clusterFile();
    lines(file).push({ ...lines(file)[2]!, id: 'l-strand-kyst', toUnit: 'kyst', validFrom: '2027-02-01', validUntil: '2027-03-15' } as Line);
    (file.units[2] as { validUntil?: string }).validUntil = '2027-03-15';
    const error = onlyError(file);
    expect(error.path).toBe('reportingLines[3].validFrom');
    expect(error.message).toMatch(/^reporting line "l-strand-kyst" overlaps "l-strand-nord" for "koordinator" in "strand" \(both hold from 2027-03-01 to 2027-03-15\) \(fix: /);
  });

  it('accepts lines for different houses to different holders from the same day', () => {
    const file = clusterFile();
    lines(file).push({ ...lines(file)[2]!, id: 'l-bakke-nord', appliesTo: { units: ['bakke'] } } as Line);
    expect(parseKnowledgeFiles(inputs(file)).ok).toBe(true);
  });

  it('reports a toUnit where the role is not held', () => {
    const file = clusterFile();
    lines(file)[2]!.toUnit = 'bakke';
    const error = onlyError(file);
    expect(error.path).toBe('reportingLines[2].toUnit');
    expect(error.message).toBe('"klyngeleder" is not held in "bakke": it is not in the unit\'s ledBy and no person holds it there (fix: add "klyngeleder" to the ledBy of "bakke", or give its holder unit "bakke"; or correct toUnit)');
  });

  it('reports a toUnit beside a "to" that is not a role', () => {
    const file = clusterFile();
    lines(file)[2]!.to = 'nord';
    const error = onlyError(file);
    expect(error.path).toBe('reportingLines[2].toUnit');
    expect(error.message).toMatch(/^names the unit whose holder of "to" the line goes to, but "nord" is a unit, not a role \(fix: name in "to" the role held in "nord", or remove toUnit\)$/);
  });

  it('reports a line to the holder of a unit that no longer exists then', () => {
    const file = clusterFile();
    lines(file)[2]!.toUnit = 'kyst';
    const error = onlyError(file);
    expect(error.path).toBe('reportingLines[2].toUnit');
    expect(error.message).toMatch(/^the line holds 2027-03-01 to open end, but "kyst" exists only open start to 2027-02-28 \(fix: /);
  });

  it('reports a toUnit that names no unit', () => {
    const file = clusterFile();
    lines(file)[2]!.toUnit = 'syd';
    const error = onlyError(file);
    expect(error.path).toBe('reportingLines[2].toUnit');
    expect(error.message).toMatch(/no unit with id "syd"/);
  });
});

describe('the queries follow the line of the holders in a unit', () => {
  const queries = createQueries(loaded(clusterFile()).kb);

  it('gives the holders in Strand the line to Nord\'s holder from its day, in place of the general line', () => {
    expect(queries.reportsToOn('koordinator', '2027-01-15', { units: ['strand'] }).map((e) => [e.to, e.toUnit])).toEqual([['klyngeleder', undefined]]);
    expect(queries.reportsToOn('koordinator', '2027-03-01', { units: ['strand'] }).map((e) => [e.to, e.toUnit])).toEqual([['klyngeleder', 'nord']]);
    const change = queries.nextReportingChange('koordinator', '2026-12-01', { units: ['strand'] });
    expect(change?.date).toBe('2027-03-01');
    expect(change?.lines.map((e) => e.line)).toEqual(['l-strand-nord']);
  });

  it('leaves the holders elsewhere on the general line, and without units gives every line', () => {
    expect(queries.reportsToOn('koordinator', '2027-03-01', { units: ['bakke'] }).map((e) => e.line)).toEqual(['l-koord-klynge']);
    expect(queries.nextReportingChange('koordinator', '2026-12-01', { units: ['bakke'] })).toBeUndefined();
    expect(queries.reportsToOn('koordinator', '2027-03-01').map((e) => e.line).sort()).toEqual(['l-koord-klynge', 'l-strand-nord']);
  });

  it('walks the chain from the line\'s post upward', () => {
    expect(queries.reportingChainOn('koordinator', '2027-03-01').map((e) => e.to)).toContain('chef');
  });
});

describe('a document\'s period bounds the recurring meetings sourced from it', () => {
  it('yields the meeting\'s days only inside the period the calendar covers', () => {
    const queries = createQueries(loaded(clusterFile()).kb);
    expect(queries.meetingOccurrences('klyngemoede', '2027-12-01', '2028-02-28').map((o) => o.date)).toEqual(['2027-12-07']);
  });

  it('warns of a calendar\'s meeting that recurs without end, with path and fix', () => {
    const file = clusterFile();
    const { covers: _c, ...calendar } = file.documents[1]!;
    file.documents[1] = calendar as (typeof file.documents)[number];
    const result = loaded(file);
    expect(result.warnings.map((w) => [w.file, w.path])).toEqual([['a.json', 'meetings[0].recurrence.rrule']]);
    expect(result.warnings[0]!.message).toMatch(/^recurs without end, but its source "aarshjul.txt" is a calendar: .*\(fix: give the document "covers" \{validFrom, validUntil, quote\}/);
  });

  it('does not warn when the meeting itself ends, or its rule has an UNTIL', () => {
    const file = clusterFile();
    const { covers: _c, ...calendar } = file.documents[1]!;
    file.documents[1] = calendar as (typeof file.documents)[number];
    (file.meetings[0] as { validUntil?: string }).validUntil = '2027-12-31';
    expect(loaded(file).warnings).toEqual([]);
    delete (file.meetings[0] as { validUntil?: string }).validUntil;
    file.meetings[0]!.recurrence.rrule = 'FREQ=MONTHLY;BYDAY=1TU;UNTIL=20271231';
    expect(loaded(file).warnings).toEqual([]);
  });

  it('reports a period that ends before it begins', () => {
    const file = clusterFile();
    file.documents[1]!.covers = { validFrom: '2027-12-31', validUntil: '2027-01-01', quote: 'Årshjul 2027' };
    const error = onlyError(file);
    expect(error.file).toBe('a.json');
    expect(error.path).toBe('documents[1].covers.validUntil');
    expect(error.message).toMatch(/^covers ends \(2027-01-01\) before it begins \(2027-12-31\) \(fix: /);
  });

  it('checks the period\'s quote against the document\'s own text', () => {
    const kb = loaded(clusterFile()).kb;
    const texts = new Map([
      ['doc-a.txt', 'Lorem ipsum dolor'],
      ['aarshjul.txt', 'Årsplan for 2027. Klyngemøde første tirsdag i måneden.'],
    ]);
    const problems = checkSourceQuotes(kb, texts);
    expect(problems.map((p) => [p.item, p.path, p.quote])).toEqual([['aarshjul.txt', 'covers.quote', 'Årshjul 2027']]);
    expect(problems[0]!.message).toMatch(/\(fix: copy the words that give the period exactly/);
  });
});
