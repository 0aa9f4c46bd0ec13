/**
 * Expands a meeting's recurrence (RFC 5545 RRULE plus single dates) into the calendar days it falls
 * on, with the maintained `rrule` library. Days and times are wall-clock values in Europe/Copenhagen:
 * the rule is expanded in "floating" time (UTC fields standing for local ones), so a weekly 09:00
 * meeting stays at 09:00 across daylight saving; `localInstant` in `src/time/zoned-time.ts` turns one into an instant.
 */
// rrule ships CommonJS for Node (its ESM build is not declared in "exports"): import the default.
import rrulePkg from 'rrule';
import type { Options as RRuleOptions } from 'rrule';
import type { Recurrence } from './schemas.js';

const { RRule } = rrulePkg;

/** The Danish time zone every date and time in the knowledge base is written in. */
export const KNOWLEDGE_TIME_ZONE = 'Europe/Copenhagen';

/** How far ahead a rule is searched for its first day when nothing ends it (validation only). */
export const RULE_SEARCH_YEARS = 5;

/** A parsed RRULE, or why it cannot be used. */
export type ParsedRule = { readonly ok: true; readonly options: Partial<RRuleOptions> } | { readonly ok: false; readonly message: string };

/** Parses an RRULE value (`FREQ=WEEKLY;BYDAY=TU`); DTSTART is not allowed in it (it is the recurrence's `start`). */
export function parseRRule(rrule: string): ParsedRule {
  const text = rrule.trim().replace(/^RRULE:/i, '');
  if (/(^|;)\s*DTSTART/i.test(text) || /\n/.test(text)) {
    return { ok: false, message: 'must be one RRULE value without DTSTART (the first day goes in "start")' };
  }
  let options: Partial<RRuleOptions>;
  try {
    options = RRule.parseString(text);
  } catch (error) {
    return { ok: false, message: `is not a valid RRULE: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (options.freq === undefined || options.freq === null) return { ok: false, message: 'has no FREQ (e.g. FREQ=WEEKLY)' };
  const weekdays = options.byweekday;
  if (Array.isArray(weekdays) && weekdays.some((day) => day === null || day === undefined)) {
    return { ok: false, message: 'has an unknown BYDAY weekday (use MO, TU, WE, TH, FR, SA, SU, optionally with a number: 1TU, -1FR)' };
  }
  try {
    // Expanding once catches what parsing lets through (an impossible combination of parts).
    new RRule({ ...options, dtstart: new Date(Date.UTC(2000, 0, 1)), count: 1 }).all();
  } catch (error) {
    return { ok: false, message: `is not a valid RRULE: ${error instanceof Error ? error.message : String(error)}` };
  }
  return { ok: true, options };
}

/** Where to expand a recurrence: the days asked about and the days the meeting exists. */
export interface RecurrenceWindow {
  /** First day asked about (ISO, inclusive). */
  readonly from: string;
  /** Last day asked about (ISO, inclusive). */
  readonly to: string;
  /** The meeting's first day: the rule's start when `recurrence.start` is absent. */
  readonly validFrom?: string;
  /** The meeting's last day. */
  readonly validUntil?: string;
}

/**
 * The days (ISO `YYYY-MM-DD`, ascending, unique) on which a recurrence falls within the window and
 * the meeting's validity: the rule's days and the single dates, minus the excepted dates. A rule
 * that cannot be parsed or has no first day yields only the single dates.
 */
export function recurrenceDays(recurrence: Recurrence, window: RecurrenceWindow): string[] {
  const first = maxDay(window.from, window.validFrom);
  const last = minDay(window.to, window.validUntil);
  if (first === undefined || last === undefined || first > last) return [];
  const days = new Set<string>();
  const start = recurrence.start ?? window.validFrom;
  const parsed = recurrence.rrule === undefined ? undefined : parseRRule(recurrence.rrule);
  if (parsed?.ok && start !== undefined) {
    const rule = new RRule({ ...parsed.options, dtstart: floating(start) });
    for (const at of rule.between(floating(first), floating(last), true)) days.add(at.toISOString().slice(0, 10));
  }
  for (const day of recurrence.dates) if (day >= first && day <= last) days.add(day);
  for (const day of recurrence.exceptDates) days.delete(day);
  return [...days].sort();
}

/** The first day a recurrence yields within {@link RULE_SEARCH_YEARS} years of its start (or its end), if any. */
export function firstRecurrenceDay(recurrence: Recurrence, validFrom?: string, validUntil?: string): string | undefined {
  const start = recurrence.start ?? validFrom;
  const from = start ?? recurrence.dates.slice().sort()[0];
  if (from === undefined) return undefined;
  const horizon = `${String(Number(from.slice(0, 4)) + RULE_SEARCH_YEARS).padStart(4, '0')}${from.slice(4)}`;
  return recurrenceDays(recurrence, { from, to: minDay(horizon, validUntil) ?? horizon, ...(validFrom && { validFrom }), ...(validUntil && { validUntil }) })[0];
}

/** A day as a floating date-time: its UTC fields are the wall-clock ones. */
function floating(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

function maxDay(a: string, b: string | undefined): string {
  return b !== undefined && b > a ? b : a;
}

function minDay(a: string, b: string | undefined): string | undefined {
  return b !== undefined && b < a ? b : a;
}
