/**
 * Reads the dates people type into a chat, in Danish or English, as calendar dates in Europe/Copenhagen.
 *
 * Choices (kept here, because they are what users will ask about):
 * - "today" is the calendar day of the injected `now` in Copenhagen, so DST changes never shift a date.
 * - Numeric dates are day first (`1/12` is 1 December), as in Danish and British usage; never US month/day.
 * - A date without a year that is already past this year means next year (`1. december` said on 2 December).
 *   A date with an explicit year is taken as written, even when it is past (an overdue task is still a task).
 * - A bare weekday (`fredag`, `friday`) is the next such day after today, 1 to 7 days ahead: today has its own
 *   word (`i dag`, `today`), and "Friday" said on a Friday means the Friday a week later.
 * - `næste fredag` / `next friday` / `fredag i næste uge` / `friday next week` is that weekday in next calendar
 *   week (weeks start on Monday). Said on a Wednesday, `fredag` is in two days, `næste fredag` in nine.
 * - `uge 50` / `week 50` is the Friday of that ISO week: the end of the working week is the natural deadline.
 *   Without a year it is the next such Friday that is not past; `næste uge` / `next week` is next week's Friday.
 * - `om 2 måneder` / `in 2 months` keeps the day of the month, or the month's last day when it is shorter.
 */
import { addDays, MONTH_NAMES, toLocalDate } from './format-date.js';

/** The outcome of reading a date: a calendar date `YYYY-MM-DD`, or nothing understood. */
export type ParsedDate = { readonly ok: true; readonly date: string } | { readonly ok: false };

/** A date found at the end of a text after a keyword, and the text without it. */
export type TrailingDate =
  /** No date expression: `text` is the input, trimmed. */
  | { readonly kind: 'none'; readonly text: string }
  /** A date was read: `text` is the input without the keyword and the date. */
  | { readonly kind: 'date'; readonly text: string; readonly date: string; readonly dateText: string }
  /** A deadline keyword was followed by something that looks like a date but is not one. */
  | { readonly kind: 'invalid'; readonly text: string; readonly dateText: string };

const NOT_UNDERSTOOD: ParsedDate = { ok: false };

/** Keywords that only ever introduce a deadline: a failed date after them is reported, not ignored. */
const STRONG_KEYWORDS = ['senest', 'inden', 'frist', 'deadline', 'due', 'before'];
/** Keywords that also occur in ordinary titles ("ring til Tanja", "made by Per"): a date must follow. */
const WEAK_KEYWORDS = ['til', 'by'];

const WEEKDAY_WORDS: ReadonlyArray<readonly [number, readonly string[]]> = [
  // ISO weekday number (Monday = 1) and the words for it, Danish and English, with common short forms.
  [1, ['mandag', 'man', 'monday', 'mon']],
  [2, ['tirsdag', 'tir', 'tirs', 'tuesday', 'tue', 'tues']],
  [3, ['onsdag', 'ons', 'wednesday', 'wed']],
  [4, ['torsdag', 'tor', 'tors', 'thursday', 'thu', 'thur', 'thurs']],
  [5, ['fredag', 'fre', 'friday', 'fri']],
  [6, ['lørdag', 'lør', 'loerdag', 'lordag', 'saturday', 'sat']],
  [7, ['søndag', 'søn', 'soendag', 'sondag', 'sunday', 'sun']],
];
const WEEKDAYS = new Map<string, number>(WEEKDAY_WORDS.flatMap(([n, words]) => words.map((w) => [w, n] as const)));

const MONTHS = buildMonthMap();
const NUMBER_WORDS = new Map<string, number>([
  ['en', 1], ['et', 1], ['én', 1], ['a', 1], ['an', 1], ['one', 1],
  ['to', 2], ['two', 2], ['tre', 3], ['three', 3], ['fire', 4], ['four', 4], ['fem', 5], ['five', 5],
  ['seks', 6], ['six', 6], ['syv', 7], ['seven', 7], ['otte', 8], ['eight', 8], ['ni', 9], ['nine', 9],
  ['ti', 10], ['ten', 10], ['fjorten', 14], ['fourteen', 14],
]);
const UNITS = new Map<string, 'day' | 'week' | 'month'>([
  ['dag', 'day'], ['dage', 'day'], ['day', 'day'], ['days', 'day'],
  ['uge', 'week'], ['uger', 'week'], ['week', 'week'], ['weeks', 'week'],
  ['måned', 'month'], ['måneder', 'month'], ['maaned', 'month'], ['maaneder', 'month'], ['month', 'month'], ['months', 'month'],
]);
const RELATIVE_DAYS = new Map<string, number>([
  ['i dag', 0], ['idag', 0], ['today', 0],
  ['i morgen', 1], ['imorgen', 1], ['tomorrow', 1],
  ['i overmorgen', 2], ['overmorgen', 2], ['the day after tomorrow', 2], ['day after tomorrow', 2],
]);
const NEXT_WORDS = ['næste', 'naeste', 'next'];

function buildMonthMap(): Map<string, number> {
  const map = new Map<string, number>();
  for (const names of Object.values(MONTH_NAMES)) {
    names.forEach((name, index) => {
      const lower = name.toLowerCase();
      map.set(lower, index + 1);
      map.set(lower.slice(0, 3), index + 1);
    });
  }
  map.set('sept', 9);
  return map;
}

function normalize(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/[.,!?;:]+$/, '')
    .trim();
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** A real calendar date, or undefined (31/2 is not a date). */
function makeDate(year: number, month: number, day: number): string | undefined {
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** ISO weekday of a calendar date: Monday = 1 … Sunday = 7. */
function isoWeekday(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return day === 0 ? 7 : day;
}

function yearOf(isoDate: string): number {
  return Number(isoDate.slice(0, 4));
}

/** The Monday of ISO week 1 of an ISO week-numbering year (the week holding 4 January). */
function isoWeekOneMonday(isoYear: number): string {
  const jan4 = `${pad(isoYear, 4)}-01-04`;
  return addDays(jan4, 1 - isoWeekday(jan4));
}

/** How many ISO weeks a year has (52 or 53). */
function isoWeeksInYear(isoYear: number): number {
  return (Date.parse(isoWeekOneMonday(isoYear + 1)) - Date.parse(isoWeekOneMonday(isoYear))) / (7 * 86_400_000);
}

/** The ISO week-numbering year of a date (early January can belong to the previous year's last week). */
function isoWeekYear(isoDate: string): number {
  const thursday = addDays(isoDate, 4 - isoWeekday(isoDate));
  return yearOf(thursday);
}

/** The Monday and Sunday of ISO week `week` of an ISO week-numbering year ("uge 29 2027": 19–25 July 2027). */
export function isoWeekDays(isoYear: number, week: number): { from: string; to: string } | undefined {
  if (!Number.isInteger(week) || week < 1 || week > isoWeeksInYear(isoYear)) return undefined;
  const from = addDays(isoWeekOneMonday(isoYear), (week - 1) * 7);
  return { from, to: addDays(from, 6) };
}

function fridayOfIsoWeek(isoYear: number, week: number): string | undefined {
  if (week < 1 || week > isoWeeksInYear(isoYear)) return undefined;
  return addDays(isoWeekOneMonday(isoYear), (week - 1) * 7 + 4);
}

function expandYear(text: string): number {
  const n = Number(text);
  return text.length <= 2 ? 2000 + n : n;
}

/** A day and month with an optional year; without a year, the next occurrence that is not past. */
function resolveDayMonth(today: string, day: number, month: number, yearText: string | undefined): string | undefined {
  if (yearText !== undefined) return makeDate(expandYear(yearText), month, day);
  // Try this year first, then following years (29 February waits for the next leap year).
  for (let year = yearOf(today); year <= yearOf(today) + 8; year += 1) {
    const date = makeDate(year, month, day);
    if (date !== undefined && date >= today) return date;
  }
  return undefined;
}

function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return makeDate(year, month, Math.min(d, lastDay)) as string;
}

function parseCount(word: string): number | undefined {
  if (/^\d{1,3}$/.test(word)) return Number(word);
  return NUMBER_WORDS.get(word);
}

const MONTH_PATTERN = '([a-zæøå]+)\\.?';
const DAY_PATTERN = '(\\d{1,2})(?:\\.|st|nd|rd|th)?';
const YEAR_PATTERN = '(?:,?\\s*(\\d{4}))?';
const RE_ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const RE_NUMERIC = /^(\d{1,2})[/.](\d{1,2})(?:[-/.](\d{4}|\d{2}))?$/;
const RE_DAY_MONTH = new RegExp(`^${DAY_PATTERN}\\s*(?:of\\s+)?${MONTH_PATTERN}${YEAR_PATTERN}$`);
const RE_MONTH_DAY = new RegExp(`^${MONTH_PATTERN}\\s+${DAY_PATTERN}${YEAR_PATTERN}$`);
const RE_WEEK = /^(?:uge|week|wk)\s*(\d{1,2})(?:,?\s*(\d{4}))?$/;
const RE_RELATIVE = /^(?:om|in)\s+(\S+)\s+(\S+)$/;

function parseAbsolute(text: string, today: string): string | undefined {
  let m = RE_ISO.exec(text);
  if (m) return makeDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = RE_NUMERIC.exec(text);
  if (m) return resolveDayMonth(today, Number(m[1]), Number(m[2]), m[3]);
  m = RE_DAY_MONTH.exec(text);
  if (m) {
    const month = MONTHS.get(m[2] as string);
    return month === undefined ? undefined : resolveDayMonth(today, Number(m[1]), month, m[3]);
  }
  m = RE_MONTH_DAY.exec(text);
  if (m) {
    const month = MONTHS.get(m[1] as string);
    return month === undefined ? undefined : resolveDayMonth(today, Number(m[2]), month, m[3]);
  }
  return undefined;
}

function parseWeek(text: string, today: string): string | undefined {
  const m = RE_WEEK.exec(text);
  if (!m) return undefined;
  const week = Number(m[1]);
  if (m[2] !== undefined) return fridayOfIsoWeek(Number(m[2]), week);
  const isoYear = isoWeekYear(today);
  for (const year of [isoYear, isoYear + 1, isoYear + 2]) {
    const friday = fridayOfIsoWeek(year, week);
    if (friday !== undefined && friday >= today) return friday;
  }
  return undefined;
}

function nextWeekday(today: string, weekday: number): string {
  const ahead = (weekday - isoWeekday(today) + 7) % 7 || 7;
  return addDays(today, ahead);
}

function weekdayNextWeek(today: string, weekday: number): string {
  const nextMonday = addDays(today, 8 - isoWeekday(today));
  return addDays(nextMonday, weekday - 1);
}

function parseRelative(text: string, today: string): string | undefined {
  const fixed = RELATIVE_DAYS.get(text);
  if (fixed !== undefined) return addDays(today, fixed);

  if (['næste uge', 'i næste uge', 'naeste uge', 'next week'].includes(text)) return weekdayNextWeek(today, 5);

  const m = RE_RELATIVE.exec(text);
  if (m) {
    const count = parseCount(m[1] as string);
    const unit = UNITS.get(m[2] as string);
    if (count === undefined || unit === undefined) return undefined;
    if (unit === 'day') return addDays(today, count);
    if (unit === 'week') return addDays(today, count * 7);
    return addMonths(today, count);
  }
  return undefined;
}

function parseWeekdayPhrase(text: string, today: string): string | undefined {
  const words = text.split(' ');
  // "fredag", "på fredag", "this friday", "on friday", "kommende fredag"
  const plain = words.filter((w, i) => !(i === 0 && ['på', 'on', 'this', 'denne', 'kommende', 'coming'].includes(w)));
  if (plain.length === 1) {
    const weekday = WEEKDAYS.get(plain[0] as string);
    return weekday === undefined ? undefined : nextWeekday(today, weekday);
  }
  // "næste fredag", "next friday", "på næste fredag"
  if (plain.length === 2 && NEXT_WORDS.includes(plain[0] as string)) {
    const weekday = WEEKDAYS.get(plain[1] as string);
    return weekday === undefined ? undefined : weekdayNextWeek(today, weekday);
  }
  // "fredag i næste uge", "friday next week"
  const tail = plain.slice(1).join(' ');
  if (['i næste uge', 'i naeste uge', 'next week'].includes(tail)) {
    const weekday = WEEKDAYS.get(plain[0] as string);
    return weekday === undefined ? undefined : weekdayNextWeek(today, weekday);
  }
  return undefined;
}

/** "fredag den 27. november", "Friday, 1 December", "friday 27/11": the weekday must agree with the date. */
function parseWeekdayWithDate(text: string, today: string): string | undefined {
  const m = /^([a-zæøå]+)\.?,?\s+(?:den\s+|the\s+)?(.+)$/.exec(text);
  if (!m) return undefined;
  const weekday = WEEKDAYS.get(m[1] as string);
  if (weekday === undefined) return undefined;
  const date = parseAbsolute(m[2] as string, today);
  return date !== undefined && isoWeekday(date) === weekday ? date : undefined;
}

/**
 * Reads a date expression, relative to `now` in Europe/Copenhagen.
 * @example parseDate('næste fredag', new Date('2026-11-25T09:00:00Z')) // { ok: true, date: '2026-12-04' }
 */
export function parseDate(text: string, now: Date): ParsedDate {
  const today = toLocalDate(now);
  let input = normalize(text);
  // "den 1. december", "the 1st of December"
  input = input.replace(/^(?:den|the)\s+(?=\d)/, '');
  if (input === '') return NOT_UNDERSTOOD;
  const date =
    parseAbsolute(input, today) ??
    parseRelative(input, today) ??
    parseWeek(input, today) ??
    parseWeekdayPhrase(input, today) ??
    parseWeekdayWithDate(input, today);
  return date === undefined ? NOT_UNDERSTOOD : { ok: true, date };
}

const DATE_CONNECTORS = ['i', 'om', 'in', 'på', 'on', 'den', 'the', 'uge', 'week', ...NEXT_WORDS];
const DATE_WORDS = ['dag', 'morgen', 'overmorgen', 'today', 'tomorrow'];

/** Whether a word is, or is a near miss of, a date word: a number, weekday, month or relative day. */
function isDateWord(word: string): boolean {
  const w = word.replace(/[.,]$/, '');
  if (/\d/.test(w) || WEEKDAYS.has(w) || MONTHS.has(w) || UNITS.has(w) || NUMBER_WORDS.has(w) || DATE_WORDS.includes(w)) return true;
  // A typo of a weekday or month ("fredagg", "decmber") shares its first four letters.
  const stem = w.slice(0, 4);
  return w.length >= 4 && [...WEEKDAYS.keys(), ...MONTHS.keys(), ...DATE_WORDS].some((k) => k.length >= 4 && k.startsWith(stem));
}

/** Whether a short phrase after a deadline keyword is an attempt at a date, so failing to read it deserves a reply. */
function looksLikeDate(text: string): boolean {
  const words = normalize(text).split(' ');
  if (words.length > 4) return false;
  const [first = '', second = ''] = words;
  if (isDateWord(first)) return true;
  return DATE_CONNECTORS.includes(first) && (isDateWord(second) || NEXT_WORDS.includes(second));
}

/** The words before a date, without keywords left over ("due by Friday") or trailing punctuation. */
function stripTrailingKeywords(words: readonly string[]): string {
  const kept = [...words];
  while (kept.length > 0) {
    const last = normalize(kept[kept.length - 1] as string);
    if (!STRONG_KEYWORDS.includes(last) && !WEAK_KEYWORDS.includes(last)) break;
    kept.pop();
  }
  return kept.join(' ').replace(/[\s,;:–-]+$/, '');
}

/**
 * Finds a deadline at the end of a text, after `senest`, `inden`, `til`, `frist`, `due`, `by`, `before` or
 * `deadline`, and returns the text without it. The rightmost keyword whose remainder reads as a date
 * wins, so "ring til Tanja senest fredag" keeps "ring til Tanja".
 * @example extractTrailingDate('Følg op på planen senest fredag', now) // { kind: 'date', text: 'Følg op på planen', date: '2026-11-27', dateText: 'fredag' }
 */
export function extractTrailingDate(text: string, now: Date): TrailingDate {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  const words = trimmed.split(' ');
  let invalid: TrailingDate | undefined;
  for (let i = words.length - 2; i >= 0; i -= 1) {
    const keyword = normalize(words[i] as string).replace(/:$/, '');
    const strong = STRONG_KEYWORDS.includes(keyword);
    if (!strong && !WEAK_KEYWORDS.includes(keyword)) continue;
    const dateText = words.slice(i + 1).join(' ');
    const rest = stripTrailingKeywords(words.slice(0, i));
    const parsed = parseDate(dateText, now);
    if (parsed.ok) return { kind: 'date', text: rest, date: parsed.date, dateText };
    if (strong && invalid === undefined && looksLikeDate(dateText)) invalid = { kind: 'invalid', text: rest, dateText };
  }
  return invalid ?? { kind: 'none', text: trimmed };
}
