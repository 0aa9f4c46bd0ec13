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

/** True when two periods share at least one day (open ends hold for ever). */
export function periodsOverlap(a: Dated, b: Dated): boolean {
  return (a.validFrom === undefined || b.validUntil === undefined || a.validFrom <= b.validUntil) && (b.validFrom === undefined || a.validUntil === undefined || b.validFrom <= a.validUntil);
}

/** True when some day of `inner` lies outside `outer`. */
export function outsidePeriod(inner: Dated, outer: Dated): boolean {
  const early = outer.validFrom !== undefined && (inner.validFrom === undefined || inner.validFrom < outer.validFrom);
  const late = outer.validUntil !== undefined && (inner.validUntil === undefined || inner.validUntil > outer.validUntil);
  return early || late;
}

/** A period as `kb:check` messages write it: "2027-08-01 to open end". */
export function periodSpan(period: Dated): string {
  return `${period.validFrom ?? 'open start'} to ${period.validUntil ?? 'open end'}`;
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
