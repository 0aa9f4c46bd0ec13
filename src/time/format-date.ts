/**
 * Dates as the bot writes them, in Danish or English, always in Europe/Copenhagen.
 */

/** The bot's time zone: every calendar day it talks about is a day in Copenhagen. */
export const TIME_ZONE = 'Europe/Copenhagen';

/** A language the bot writes dates in. */
export type DateLang = 'da' | 'en';

const DA_WEEKDAYS = ['søndag', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag'];
const EN_WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const DA_MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The month names, for parsers: index 0 is January. */
export const MONTH_NAMES: Readonly<Record<DateLang, readonly string[]>> = { da: DA_MONTHS, en: EN_MONTHS };

function parts(isoDate: string): { year: number; month: number; day: number; weekday: number } {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return { year, month, day, weekday };
}

/**
 * Formats a calendar date (`YYYY-MM-DD`) in full.
 * @example formatDate('2026-04-06', 'da') // "mandag den 6. april 2026"; 'en' gives "Monday 6 April 2026"
 */
export function formatDate(isoDate: string, lang: DateLang): string {
  const { year, month, day, weekday } = parts(isoDate);
  return lang === 'da'
    ? `${DA_WEEKDAYS[weekday]} den ${day}. ${DA_MONTHS[month - 1]} ${year}`
    : `${EN_WEEKDAYS[weekday]} ${day} ${EN_MONTHS[month - 1]} ${year}`;
}

/** Formats a month or a year only, for dates the source gives with less precision ("april 2026", "2016"). */
export function formatPartialDate(isoDate: string, precision: 'day' | 'month' | 'year', lang: DateLang): string {
  if (precision === 'day') return formatDate(isoDate, lang);
  const { year, month } = parts(isoDate);
  if (precision === 'year') return String(year);
  return lang === 'da' ? `${DA_MONTHS[month - 1]} ${year}` : `${EN_MONTHS[month - 1]} ${year}`;
}

/** The calendar date (`YYYY-MM-DD`) of an instant, in Copenhagen. */
export function toLocalDate(instant: Date, timeZone: string = TIME_ZONE): string {
  // The same instant is asked for several times per question (the engine's "today"): formatting costs ~20 µs.
  const time = instant.getTime();
  if (time === lastDay.time && timeZone === lastDay.timeZone) return lastDay.date;
  const date = formatDay(time, timeZone);
  lastDay = { time, timeZone, date };
  return date;
}

let lastDay: { time: number; timeZone: string; date: string } = { time: Number.NaN, timeZone: '', date: '' };

function formatDay(time: number, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    // en-CA formats as YYYY-MM-DD. Building a formatter is costly; one per time zone is kept.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(time);
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** Whole days from `fromIso` to `toIso` (both `YYYY-MM-DD`); negative when `toIso` is earlier. */
export function daysBetween(fromIso: string, toIso: string): number {
  const toUtc = (iso: string) => {
    const { year, month, day } = parts(iso);
    return Date.UTC(year, month - 1, day);
  };
  return Math.round((toUtc(toIso) - toUtc(fromIso)) / 86_400_000);
}

/** Adds whole days to a calendar date. */
export function addDays(isoDate: string, days: number): string {
  const { year, month, day } = parts(isoDate);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}
