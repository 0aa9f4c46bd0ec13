import { describe, expect, it } from 'vitest';
import { formatKnowledgeError, parseKnowledgeFiles } from '../../src/knowledge/load-knowledge.js';
import { createQueries, type KnowledgeQueries } from '../../src/knowledge/queries.js';
import { inputs, timelineFile } from './knowledge-files.js';

function queries(): KnowledgeQueries {
  const result = parseKnowledgeFiles(inputs(timelineFile()));
  if (!result.ok) throw new Error(result.errors.map(formatKnowledgeError).join('\n'));
  return createQueries(result.kb);
}

const targets = (edges: readonly { to: string }[]) => edges.map((edge) => edge.to);

describe('reporting lines on a day', () => {
  it.each([
    ['2027-07-31', ['chef']],
    ['2027-08-01', ['distriktschef']],
    ['2030-01-01', ['distriktschef']],
  ])('on %s the leader reports to %j', (day, expected) => {
    expect(targets(queries().reportsToOn('leder', day))).toEqual(expected);
  });

  it('follows the lines valid on the day up the chain, skipping conditional lines', () => {
    const q = queries();
    expect(targets(q.reportingChainOn('souschef', '2027-07-01'))).toEqual(['leder', 'chef']);
    expect(targets(q.reportingChainOn('souschef', '2027-09-01'))).toEqual(['leder', 'distriktschef', 'chef']);
  });

  it('includes a conditional line with its condition unless only unconditional lines are asked for', () => {
    const q = queries();
    const lines = q.reportsToOn('souschef', '2027-09-01');
    expect(targets(lines)).toEqual(['leder', 'distriktschef']);
    expect(lines[1]?.condition?.da).toMatch(/fraværende/);
    expect(targets(q.reportsToOn('souschef', '2027-09-01', { unconditional: true }))).toEqual(['leder']);
    expect(targets(q.reportsToOn('souschef', '2027-07-01'))).toEqual(['leder']);
  });

  it('names the coming change after a day, and nothing once it has happened', () => {
    const q = queries();
    const change = q.nextReportingChange('leder', '2026-11-30');
    expect(change?.date).toBe('2027-08-01');
    expect(targets(change?.lines ?? [])).toEqual(['distriktschef']);
    expect(targets(change?.ended ?? [])).toEqual(['chef']);
    expect(q.nextReportingChange('leder', '2027-08-01')).toBeUndefined();
  });

  it('lists direct reports on a day', () => {
    const q = queries();
    expect(q.directReportsOn('chef', '2027-07-01').map((edge) => edge.from)).toEqual(['leder']);
    expect(q.directReportsOn('chef', '2027-08-01').map((edge) => edge.from)).toEqual(['distriktschef']);
    expect(q.directReportsOn('distriktschef', '2027-08-01').map((edge) => edge.from).sort()).toEqual(['leder', 'souschef']);
  });
});

describe('childrenOn', () => {
  it('lists a unit created on a day only from that day', () => {
    const q = queries();
    expect(q.childrenOn('centret', '2027-07-31').map((unit) => unit.id)).toEqual(['huset']);
    expect(q.childrenOn('centret', '2027-08-01').map((unit) => unit.id)).toEqual(['huset', 'distrikt']);
  });
});

describe('deputies', () => {
  it('answers both ways: who stands in for the leader, and whom the deputy stands in for', () => {
    const q = queries();
    const forLeader = q.deputiesFor('leder');
    expect(forLeader.map((entry) => entry.deputy.item.id)).toEqual(['souschef']);
    expect(forLeader[0]?.relation.condition?.en).toMatch(/more than five working days/);
    expect(q.standsInFor('souschef', '2027-01-01').map((entry) => entry.for.item.id)).toEqual(['leder']);
    expect(q.deputiesFor('chef')).toEqual([]);
  });
});

describe('role holders and figures on a day', () => {
  it('gives the holder of a role on a day', () => {
    const q = queries();
    expect(q.holdersOn('leder', '2027-07-31').map((p) => p.name)).toEqual(['Anne Andersen']);
    expect(q.holdersOn('leder', '2027-08-01').map((p) => p.name)).toEqual(['Bo Bech']);
  });

  it('gives each metric as of the day: the latest figure stated by then', () => {
    const q = queries();
    expect(q.figuresOn('centret', '2026-12-01').map((f) => f.figure.value)).toEqual([]);
    expect(q.figuresOn('centret', '2027-05-01').map((f) => f.figure.value)).toEqual([9]);
    expect(q.figuresOn('centret', '2027-08-01').map((f) => f.figure.value)).toEqual([13]);
  });

  it('finds the people to contact about a document', () => {
    expect(queries().contactsFor('doc-a.txt').map((p) => p.name)).toEqual(['Bo Bech']);
  });
});

describe('meetings', () => {
  it('expands the RRULE within the validity and leaves out excepted dates', () => {
    const days = queries().meetingOccurrences('ledermoede', '2027-01-01', '2027-12-31');
    expect(days.map((o) => o.date)).toEqual(['2027-01-05', '2027-02-02', '2027-03-02', '2027-04-06', '2027-05-04']);
    expect(days[0]).toMatchObject({ time: '09:00', endTime: '11:00' });
  });

  it('gives only the days inside the range asked about', () => {
    expect(queries().meetingOccurrences('ledermoede', '2027-03-01', '2027-03-31').map((o) => o.date)).toEqual(['2027-03-02']);
  });

  it("gives a day's own time, place and note in place of the usual ones, and the other days as usual", () => {
    const file = timelineFile();
    (file.meetings[0]!.recurrence as { occurrences?: object[] }).occurrences = [
      { date: '2027-03-02', time: '12:00', place: 'Biblioteket', note: { da: 'med frokost', en: 'with lunch' } },
      { date: '2027-04-06', endTime: '15:00' },
    ];
    const result = parseKnowledgeFiles(inputs(file));
    if (!result.ok) throw new Error(result.errors.map(formatKnowledgeError).join('\n'));
    const days = createQueries(result.kb).meetingOccurrences('ledermoede', '2027-02-01', '2027-04-30');
    expect(days[0]).toEqual(expect.objectContaining({ date: '2027-02-02', time: '09:00', endTime: '11:00' }));
    expect(days[0]).not.toHaveProperty('note');
    // A day's own start time without an end time: the usual end time no longer fits it.
    expect(days[1]).toMatchObject({ date: '2027-03-02', time: '12:00', place: 'Biblioteket', note: { en: 'with lunch' } });
    expect(days[1]).not.toHaveProperty('endTime');
    expect(days[2]).toMatchObject({ date: '2027-04-06', time: '09:00', endTime: '15:00' });
  });

  it('finds the meetings of a participant written with a note', () => {
    const q = queries();
    expect(q.meetingsOf('souschef').map((m) => m.id)).toEqual(['ledermoede']);
    expect(q.meetingsOf('chef').map((m) => m.id)).toEqual(['seminar']);
  });

  it('resolves participants with their notes', () => {
    const participants = queries().participantsOf('ledermoede');
    expect(participants.map((p) => [p.item.item.id, p.asNeeded, p.note?.da])).toEqual([
      ['leder', false, undefined],
      ['souschef', true, 'efter behov'],
    ]);
  });
});

describe('datedItemsBetween', () => {
  it('lists everything on the calendar in a month: periods running in it, deadlines, meeting days and decisions', () => {
    const items = queries().datedItemsBetween('2027-03-01', '2027-03-31');
    const ids = items.map((item) =>
      item.kind === 'date' ? item.entry.id : item.kind === 'meeting' ? `${item.occurrence.meeting.id}@${item.date}` : `${item.decision.id}:${item.what}`,
    );
    expect(ids).toEqual(['mus', 'ledermoede@2027-03-02', 'beslutning:decided', 'seminar@2027-03-11', 'budgetfrist']);
    expect(items[0]).toMatchObject({ date: '2027-02-15', last: '2027-04-30' });
  });

  it('lists the day a decision takes effect', () => {
    const items = queries().datedItemsBetween('2027-08-01', '2027-08-31');
    expect(items.map((item) => (item.kind === 'decision' ? `${item.decision.id}:${item.what}` : item.kind))).toEqual(['beslutning:applies']);
  });
});

describe('decisions', () => {
  it('finds decisions by body and by the item they change', () => {
    const q = queries();
    expect(q.decisionsBy('udvalget').map((d) => d.id)).toEqual(['beslutning']);
    expect(q.decisionsChanging('l-leder-distrikt').map((d) => d.vote)).toEqual([{ for: 6, against: 3 }]);
    expect(q.decisionsChanging('chef')).toEqual([]);
  });
});
