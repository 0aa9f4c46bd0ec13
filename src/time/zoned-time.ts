/**
 * Wall-clock time in a time zone (Europe/Copenhagen by default) turned into an instant, DST-aware.
 */
import { TIME_ZONE } from './format-date.js';

// A memo of formatters (constructing one is slow); it holds no state that changes results.
const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** The UTC offset (ms) of a time zone at an instant. */
export function zoneOffsetMs(instant: Date, timeZone: string = TIME_ZONE): number {
  let formatter = offsetFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    offsetFormatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The instant of a wall-clock day (`YYYY-MM-DD`) and time (`HH:MM`, default midnight) in a time zone. */
export function localInstant(isoDate: string, time = '00:00', timeZone: string = TIME_ZONE): Date {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // Two passes: the offset at the guess may differ from the offset at the answer around a switch.
  let guess = wall - zoneOffsetMs(new Date(wall), timeZone);
  guess = wall - zoneOffsetMs(new Date(guess), timeZone);
  return new Date(guess);
}
