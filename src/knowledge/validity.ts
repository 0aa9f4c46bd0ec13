/**
 * Validity periods on ISO days: whether something holds on a day, and the day arithmetic the time
 * queries need (plain `YYYY-MM-DD` strings compare in calendar order).
 */

/** Anything that may carry a period of validity and a condition. */
export interface Dated {
  readonly validFrom?: string | undefined;
  readonly validUntil?: string | undefined;
}

/** True when the day lies in the period (open ends hold for ever); conditions are not judged here. */
export function holdsOn(item: Dated, day: string): boolean {
  return (item.validFrom === undefined || item.validFrom <= day) && (item.validUntil === undefined || day <= item.validUntil);
}

/** True when the period and `from`..`to` (inclusive) share at least one day. */
export function overlaps(item: Dated, from: string, to: string): boolean {
  return (item.validFrom === undefined || item.validFrom <= to) && (item.validUntil === undefined || from <= item.validUntil);
}

/** The ISO day `days` after (or before, when negative) a day. */
export function shiftDay(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The first and last day of the month of a day: `2027-08-14` -> [`2027-08-01`, `2027-08-31`]. */
export function monthOf(day: string): readonly [string, string] {
  const [year, month] = day.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return [`${day.slice(0, 7)}-01`, `${day.slice(0, 7)}-${String(days).padStart(2, '0')}`];
}
