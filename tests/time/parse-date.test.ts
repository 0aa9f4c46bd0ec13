import { describe, expect, it } from 'vitest';
import { extractTrailingDate, parseDate } from '../../src/time/parse-date.js';

// Wednesday 25 November 2026, 10:00 in Copenhagen (CET, UTC+1).
const WEDNESDAY = new Date('2026-11-25T09:00:00Z');
// Wednesday 30 December 2026, 13:00 in Copenhagen: the year turns in two days.
const YEAR_END = new Date('2026-12-30T12:00:00Z');

describe('parseDate', () => {
  it.each([
    // [Danish, English, expected]
    ['2026-12-01', '2026-12-01', '2026-12-01'],
    ['1. december', 'December 1', '2026-12-01'],
    ['1 dec', 'Dec 1', '2026-12-01'],
    ['den 1. december', 'the 1st of December', '2026-12-01'],
    ['1. december 2026', 'December 1, 2026', '2026-12-01'],
    ['1/12', '1 December', '2026-12-01'],
    ['1/12-2026', '1st Dec 2026', '2026-12-01'],
    ['01.12.2026', '1/12/2026', '2026-12-01'],
    ['1/12-27', 'December 1 2027', '2027-12-01'],
    ['i dag', 'today', '2026-11-25'],
    ['I dag.', 'Today!', '2026-11-25'],
    ['i morgen', 'tomorrow', '2026-11-26'],
    ['imorgen', 'Tomorrow', '2026-11-26'],
    ['i overmorgen', 'the day after tomorrow', '2026-11-27'],
    ['fredag', 'friday', '2026-11-27'],
    ['på fredag', 'on Friday', '2026-11-27'],
    ['fre', 'fri', '2026-11-27'],
    ['mandag', 'Monday', '2026-11-30'],
    ['onsdag', 'wednesday', '2026-12-02'],
    ['næste fredag', 'next friday', '2026-12-04'],
    ['næste onsdag', 'next Wednesday', '2026-12-02'],
    ['fredag i næste uge', 'friday next week', '2026-12-04'],
    ['næste uge', 'next week', '2026-12-04'],
    ['om 3 dage', 'in 3 days', '2026-11-28'],
    ['om tre dage', 'in three days', '2026-11-28'],
    ['om en uge', 'in a week', '2026-12-02'],
    ['om 2 uger', 'in 2 weeks', '2026-12-09'],
    ['om 14 dage', 'in 14 days', '2026-12-09'],
    ['om 2 måneder', 'in 2 months', '2027-01-25'],
    ['uge 50', 'week 50', '2026-12-11'],
    ['uge 48', 'week 48', '2026-11-27'],
    ['uge 50 2027', 'week 50, 2027', '2027-12-17'],
    ['fredag den 27. november', 'Friday 27 November', '2026-11-27'],
    ['fredag 27/11', 'Friday, November 27', '2026-11-27'],
  ])('reads %s and %s as %s', (danish, english, expected) => {
    expect(parseDate(danish, WEDNESDAY)).toEqual({ ok: true, date: expected });
    expect(parseDate(english, WEDNESDAY)).toEqual({ ok: true, date: expected });
  });

  it.each([
    ['1. november', 'November 1', '2027-11-01'],
    ['1/11', '1 Nov', '2027-11-01'],
    ['24. november', 'November 24', '2027-11-24'],
    ['25. november', 'November 25', '2026-11-25'],
    ['uge 47', 'week 47', '2027-11-26'],
  ])('takes a date already past this year (%s, %s) as next year', (danish, english, expected) => {
    expect(parseDate(danish, WEDNESDAY)).toEqual({ ok: true, date: expected });
    expect(parseDate(english, WEDNESDAY)).toEqual({ ok: true, date: expected });
  });

  it('keeps an explicit year even when the date is past', () => {
    expect(parseDate('1/11-2026', WEDNESDAY)).toEqual({ ok: true, date: '2026-11-01' });
    expect(parseDate('2025-01-15', WEDNESDAY)).toEqual({ ok: true, date: '2025-01-15' });
  });

  it.each([
    ['2. januar', 'January 2', '2027-01-02'],
    ['1/1', 'Jan 1', '2027-01-01'],
    ['i morgen', 'tomorrow', '2026-12-31'],
    ['om 3 dage', 'in 3 days', '2027-01-02'],
    ['fredag', 'friday', '2027-01-01'],
    ['næste fredag', 'next friday', '2027-01-08'],
    ['uge 1', 'week 1', '2027-01-08'],
    ['uge 53', 'week 53', '2027-01-01'],
    ['om 2 måneder', 'in 2 months', '2027-02-28'],
  ])('rolls over the year end: %s / %s -> %s', (danish, english, expected) => {
    expect(parseDate(danish, YEAR_END)).toEqual({ ok: true, date: expected });
    expect(parseDate(english, YEAR_END)).toEqual({ ok: true, date: expected });
  });

  it('waits for the next leap year for 29 February', () => {
    expect(parseDate('29/2', WEDNESDAY)).toEqual({ ok: true, date: '2028-02-29' });
    expect(parseDate('29. februar 2027', WEDNESDAY)).toEqual({ ok: false });
  });

  it.each([
    // [instant, what the clock in Copenhagen says, today, tomorrow]
    ['2026-03-28T22:59:00Z', '23:59 CET, Saturday before spring forward', '2026-03-28', '2026-03-29'],
    ['2026-03-28T23:30:00Z', '00:30 CET, the night the clocks go forward', '2026-03-29', '2026-03-30'],
    ['2026-03-29T21:59:00Z', '23:59 CEST, the first summer-time evening', '2026-03-29', '2026-03-30'],
    ['2026-03-29T22:00:00Z', '00:00 CEST', '2026-03-30', '2026-03-31'],
    ['2026-10-24T22:30:00Z', '00:30 CEST, the night the clocks go back', '2026-10-25', '2026-10-26'],
    ['2026-10-25T22:59:00Z', '23:59 CET, the first winter-time evening', '2026-10-25', '2026-10-26'],
    ['2026-10-25T23:00:00Z', '00:00 CET', '2026-10-26', '2026-10-27'],
  ])('uses the Copenhagen calendar day around DST changes (%s, %s)', (instant, _label, today, tomorrow) => {
    const now = new Date(instant);
    expect(parseDate('i dag', now)).toEqual({ ok: true, date: today });
    expect(parseDate('today', now)).toEqual({ ok: true, date: today });
    expect(parseDate('i morgen', now)).toEqual({ ok: true, date: tomorrow });
    expect(parseDate('tomorrow', now)).toEqual({ ok: true, date: tomorrow });
  });

  it('counts days across a DST change by the calendar', () => {
    expect(parseDate('om 3 dage', new Date('2026-03-27T12:00:00Z'))).toEqual({ ok: true, date: '2026-03-30' });
    expect(parseDate('in 7 days', new Date('2026-10-22T12:00:00Z'))).toEqual({ ok: true, date: '2026-10-29' });
    expect(parseDate('søndag', new Date('2026-10-24T12:00:00Z'))).toEqual({ ok: true, date: '2026-10-25' });
  });

  it.each([
    [''],
    ['fredagg'],
    ['31/2'],
    ['30. februar'],
    ['13/13'],
    ['uge 54'],
    ['week 0'],
    ['om tre æbler'],
    ['in many days'],
    ['torsdag den 27. november'],
    ['Tanja'],
    ['næste'],
    ['blue moon'],
  ])('does not read %j as a date', (text) => {
    expect(parseDate(text, WEDNESDAY)).toEqual({ ok: false });
  });
});

describe('extractTrailingDate', () => {
  it.each([
    ['Følg op på kapacitetsplanen senest fredag', 'Følg op på kapacitetsplanen', '2026-11-27', 'fredag'],
    ['Follow up on the capacity plan by Friday', 'Follow up on the capacity plan', '2026-11-27', 'Friday'],
    ['Ring til Tanja senest i morgen', 'Ring til Tanja', '2026-11-26', 'i morgen'],
    ['Call Tanja due tomorrow', 'Call Tanja', '2026-11-26', 'tomorrow'],
    ['Send rapporten inden 1/12', 'Send rapporten', '2026-12-01', '1/12'],
    ['Send the report due by Dec 1', 'Send the report', '2026-12-01', 'Dec 1'],
    ['Budget før jul senest uge 50', 'Budget før jul', '2026-12-11', 'uge 50'],
    ['Budget before week 50', 'Budget', '2026-12-11', 'week 50'],
    ['Referat, frist: næste fredag', 'Referat', '2026-12-04', 'næste fredag'],
    ['Book room, deadline: in 2 weeks', 'Book room', '2026-12-09', 'in 2 weeks'],
    ['Planlæg juleferie til 1. december', 'Planlæg juleferie', '2026-12-01', '1. december'],
    ['Tjek senest fredag den 27. november', 'Tjek', '2026-11-27', 'fredag den 27. november'],
  ])('finds the date in %j', (text, rest, date, dateText) => {
    expect(extractTrailingDate(text, WEDNESDAY)).toEqual({ kind: 'date', text: rest, date, dateText });
  });

  it.each([
    ['Ring til Tanja'],
    ['Call Per by phone'],
    ['Skriv senest nyt om økonomi'],
    ['Opdater planen'],
    ['Husk fredag'],
  ])('finds no date in %j', (text) => {
    expect(extractTrailingDate(text, WEDNESDAY)).toEqual({ kind: 'none', text });
  });

  it.each([
    ['Rapport senest fredagg', 'Rapport', 'fredagg'],
    ['Report due 31/2', 'Report', '31/2'],
    ['Report before next fridy', 'Report', 'next fridy'],
    ['Budget senest uge 54', 'Budget', 'uge 54'],
  ])('reports a deadline it cannot read in %j', (text, rest, dateText) => {
    expect(extractTrailingDate(text, WEDNESDAY)).toEqual({ kind: 'invalid', text: rest, dateText });
  });

  it('collapses whitespace in the text it returns', () => {
    expect(extractTrailingDate('  Ring   til Tanja  ', WEDNESDAY)).toEqual({ kind: 'none', text: 'Ring til Tanja' });
  });
});
