import { describe, expect, it } from 'vitest';
import { firstRecurrenceDay, parseRRule, recurrenceDays } from '../../src/knowledge/recurrence.js';

const rule = (rrule: string, start = '2027-01-01') => ({ rrule, start, dates: [], exceptDates: [] });

describe('recurrenceDays', () => {
  it.each([
    ['FREQ=WEEKLY;BYDAY=TU', '2027-03-01', '2027-03-31', ['2027-03-02', '2027-03-09', '2027-03-16', '2027-03-23', '2027-03-30']],
    // RFC 5545: every other week counted from the week of the start (Friday 1 January), which has no Thursday left.
    ['FREQ=WEEKLY;INTERVAL=2;BYDAY=TH', '2027-01-01', '2027-02-28', ['2027-01-14', '2027-01-28', '2027-02-11', '2027-02-25']],
    ['FREQ=MONTHLY;BYDAY=-1FR', '2027-01-01', '2027-03-31', ['2027-01-29', '2027-02-26', '2027-03-26']],
    ['FREQ=MONTHLY;BYDAY=2WE;BYMONTH=1,3,5', '2027-01-01', '2027-06-30', ['2027-01-13', '2027-03-10', '2027-05-12']],
    ['FREQ=YEARLY;BYMONTH=9;BYMONTHDAY=15', '2027-01-01', '2029-12-31', ['2027-09-15', '2028-09-15', '2029-09-15']],
  ])('%s in %s..%s', (rrule, from, to, expected) => {
    expect(recurrenceDays(rule(rrule), { from, to })).toEqual(expected);
  });

  it('keeps the days inside the validity, adds single dates and removes excepted ones', () => {
    const recurrence = { ...rule('FREQ=WEEKLY;BYDAY=MO'), dates: ['2027-02-10'], exceptDates: ['2027-02-08'] };
    expect(recurrenceDays(recurrence, { from: '2027-01-01', to: '2027-12-31', validFrom: '2027-02-01', validUntil: '2027-02-20' })).toEqual([
      '2027-02-01',
      '2027-02-10',
      '2027-02-15',
    ]);
  });

  it('counts from the validity start when the recurrence has no start', () => {
    expect(recurrenceDays({ rrule: 'FREQ=MONTHLY;BYMONTHDAY=1', dates: [], exceptDates: [] }, { from: '2026-01-01', to: '2027-10-31', validFrom: '2027-08-15' })).toEqual([
      '2027-09-01',
      '2027-10-01',
    ]);
  });

  it('keeps the wall-clock day across the change to summer time', () => {
    expect(recurrenceDays(rule('FREQ=DAILY', '2027-03-27'), { from: '2027-03-27', to: '2027-03-29' })).toEqual(['2027-03-27', '2027-03-28', '2027-03-29']);
  });
});

describe('parseRRule and firstRecurrenceDay', () => {
  it.each(['FREQ=WEEKLY;BYDAY=XX', 'BYDAY=TU', 'FREQ=FOO', 'DTSTART:20270101T000000Z\nRRULE:FREQ=DAILY', 'NONSENSE'])('rejects %j', (text) => {
    expect(parseRRule(text).ok).toBe(false);
  });

  it('accepts a value with or without the RRULE: prefix', () => {
    expect(parseRRule('RRULE:FREQ=MONTHLY;BYDAY=1TU').ok).toBe(true);
    expect(parseRRule('FREQ=MONTHLY;BYDAY=1TU').ok).toBe(true);
  });

  it('finds no first day for an impossible rule, and one for a possible rule', () => {
    expect(firstRecurrenceDay(rule('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30'))).toBeUndefined();
    expect(firstRecurrenceDay(rule('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29'))).toBe('2028-02-29');
  });
});
