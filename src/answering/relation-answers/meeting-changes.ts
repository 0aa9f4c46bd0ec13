/**
 * The changes to a meeting's calendar: the days its rule yields on which it is not held (cancelled), a day taken out
 * for a single date of the same month (moved), and single dates besides its rule (extra). "Er der et ekstra
 * ledergruppemøde", "which Ledersamråd meeting is moved", "hvilke landsbyrådsmøder er aflyst" ask for these, which a
 * listing of the days held leaves unsaid.
 */
import type { Meeting } from '../../knowledge/schemas.js';
import type { MeetingChange } from '../lexicon/lexicon.js';
import { capitalize, joinList } from '../phrases.js';
import { shortDate } from '../answer-context.js';
import type { Lang } from '../types.js';

/** One change to a meeting's calendar: a day not held, a day moved (from → to), or an extra day. */
export type CalendarChange = { kind: 'cancelled'; day: string } | { kind: 'moved'; from: string; to: string } | { kind: 'extra'; day: string };

/** The changes to a meeting's calendar between two days (both included), in date order. */
export function calendarChanges(meeting: Meeting, from = '0000-01-01', to = '9999-12-31'): CalendarChange[] {
  const r = meeting.recurrence;
  // Single dates without a rule are the meeting's days, not days besides a rule.
  if (!r?.rrule) return [];
  const singles = [...r.dates].sort();
  const paired = new Set<string>();
  const changes: CalendarChange[] = [];
  const gap = (a: string, b: string) => Math.abs(Date.parse(a) - Date.parse(b));
  for (const day of [...r.exceptDates].sort()) {
    // (A single date of the same month replaces the day taken out: the nearest one not already paired.)
    const to = singles.filter((d) => d.slice(0, 7) === day.slice(0, 7) && !paired.has(d)).sort((a, b) => gap(a, day) - gap(b, day))[0];
    if (to !== undefined) {
      paired.add(to);
      changes.push({ kind: 'moved', from: day, to });
    } else changes.push({ kind: 'cancelled', day });
  }
  for (const day of singles) if (!paired.has(day)) changes.push({ kind: 'extra', day });
  const dayOf = (c: CalendarChange) => (c.kind === 'moved' ? c.to : c.day);
  return changes
    .filter((c) => (dayOf(c) >= from && dayOf(c) <= to) || (c.kind === 'moved' && c.from >= from && c.from <= to))
    .sort((a, b) => dayOf(a).localeCompare(dayOf(b)));
}

const SAY = {
  da: {
    cancelled: (meeting: string, days: string) => `${capitalize(meeting)} holdes ikke ${days} (aflyst).`,
    moved: (meeting: string, from: string, to: string) => `${capitalize(meeting)} ${from} er flyttet til ${to}.`,
    extra: (meeting: string, days: string) => `Ekstra møde (${meeting}): ${days}.`,
    none: { cancelled: 'aflyste', moved: 'flyttede', extra: 'ekstra' } as Record<MeetingChange, string>,
    noneOf: (what: string, meeting: string) => `Dokumenterne nævner ingen ${what} datoer for ${meeting}.`,
  },
  en: {
    cancelled: (meeting: string, days: string) => `${capitalize(meeting)} is not held on ${days} (cancelled).`,
    moved: (meeting: string, from: string, to: string) => `${capitalize(meeting)} on ${from} is moved to ${to}.`,
    extra: (meeting: string, days: string) => `Extra meeting (${meeting}): ${days}.`,
    none: { cancelled: 'cancelled', moved: 'moved', extra: 'extra' } as Record<MeetingChange, string>,
    noneOf: (what: string, meeting: string) => `The documents mention no ${what} dates for ${meeting}.`,
  },
} as const;

/**
 * The changes asked about first, then the others, as lines; or, when none of the kinds asked is among them, the
 * sentence that the documents mention none (`lines` then holds the other changes).
 */
export function describeChanges(changes: readonly CalendarChange[], asked: ReadonlySet<MeetingChange>, meeting: string, lang: Lang, time: (day: string) => string): { found: boolean; lines: string[] } {
  const say = SAY[lang];
  const linesOf = (kind: MeetingChange): string[] => {
    const of = changes.filter((c) => c.kind === kind);
    if (of.length === 0) return [];
    if (kind === 'moved') return of.flatMap((c) => (c.kind === 'moved' ? [say.moved(meeting, shortDate(c.from, lang), `${shortDate(c.to, lang)}${time(c.to)}`)] : []));
    const days = joinList(of.flatMap((c) => (c.kind === 'moved' ? [] : [`${shortDate(c.day, lang)}${kind === 'extra' ? time(c.day) : ''}`])), lang);
    return [kind === 'cancelled' ? say.cancelled(meeting, days) : say.extra(meeting, days)];
  };
  const order: MeetingChange[] = [...asked, ...(['cancelled', 'moved', 'extra'] as const).filter((k) => !asked.has(k))];
  const lines = order.flatMap(linesOf);
  const found = [...asked].some((k) => linesOf(k).length > 0);
  if (found) return { found, lines };
  return { found, lines: [say.noneOf(joinList([...asked].map((k) => say.none[k]), lang), meeting), ...lines] };
}
