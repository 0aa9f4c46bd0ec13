import { describe, expect, it } from 'vitest';
import { localInstant, zoneOffsetMs } from '../../src/time/zoned-time.js';

describe('localInstant', () => {
  it.each([
    ['2027-01-05', '09:00', '2027-01-05T08:00:00.000Z'],
    ['2027-07-05', '09:00', '2027-07-05T07:00:00.000Z'],
    ['2027-03-28', '03:30', '2027-03-28T01:30:00.000Z'],
    ['2026-10-25', '00:00', '2026-10-24T22:00:00.000Z'],
  ])('%s %s in Copenhagen is %s', (day, time, expected) => {
    expect(localInstant(day, time).toISOString()).toBe(expected);
  });

  it('takes another time zone', () => {
    expect(localInstant('2027-01-05', '09:00', 'UTC').toISOString()).toBe('2027-01-05T09:00:00.000Z');
  });
});

describe('zoneOffsetMs', () => {
  it('is one hour in a Copenhagen winter and two in summer', () => {
    expect(zoneOffsetMs(new Date('2027-01-05T12:00:00Z'))).toBe(3_600_000);
    expect(zoneOffsetMs(new Date('2027-07-05T12:00:00Z'))).toBe(7_200_000);
  });
});
