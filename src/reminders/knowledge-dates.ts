/**
 * The knowledge base's dated items a subscriber to deadline reminders is reminded of, and that `frister` /
 * `deadlines` lists: one definition for both, so the list shows exactly what the reminders cover.
 *
 * What a day-care leader who asks to be reminded of deadlines expects (README, "Reminders"):
 * - every deadline: application, budget, reporting, registration and general deadlines (`DEADLINE_KINDS`);
 * - the days something happens that one prepares for: interviews, start dates (a change taking effect),
 *   events and seminars;
 * - a period (appraisal interviews, an inspection, a summer closure) at its first day, with its last day shown;
 * - a meeting the documents date one by one (an annual calendar's two dialogue meetings with the committee),
 *   on each of those days within the meeting's validity.
 * Not reminded: a meeting that recurs by rule (a weekly or monthly series is routine and lives in the
 * leaders' own calendars and the iCalendar feed; a reminder every other week would drown the deadlines);
 * dates that record what happened (evaluation, status, established, other); dates stated only to the month
 * or year; a decision's "applies from" day (a change taking effect is written as a `start` date when the
 * calendar should show it, and reminding of both would say it twice).
 */
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { DEADLINE_KINDS, type DateKind, type Text } from '../knowledge/schemas.js';
import { recurrenceDays } from '../knowledge/recurrence.js';

/** The knowledge-base date kinds a subscriber is reminded of. */
export const REMINDED_DATE_KINDS: ReadonlySet<DateKind> = new Set<DateKind>([...DEADLINE_KINDS, 'interview', 'start', 'event', 'seminar', 'period']);

/** A dated item of the knowledge base that is reminded of (and listed by `frister`). */
export interface RemindedDate {
  /** The date entry's or the meeting's id (with the day, unique within the knowledge base). */
  readonly id: string;
  /** `YYYY-MM-DD`: the day, or a period's first day. */
  readonly date: string;
  /** A period's last day. */
  readonly end?: string;
  readonly title: Text;
  /** The document it comes from, by title. */
  readonly document?: Text;
  /** True for a deadline (something is due), false for a day something happens (an interview, a period, a meeting). */
  readonly deadline: boolean;
}

/** A date's title: its label and what it is about ("Ansøgningsfrist: Pædagogisk leder til Solstrålen"). */
function dateTitle(kb: KnowledgeBase, label: Text, about: string): Text {
  const item = kb.get(about)?.item as { name?: string; labelEn?: string } | undefined;
  if (!item?.name) return label;
  return { da: `${label.da}: ${item.name}`, en: `${label.en}: ${item.labelEn ?? item.name}` };
}

function documentTitle(kb: KnowledgeBase, doc: string): Text | undefined {
  const document = kb.documents.get(doc);
  return document && { da: document.title, en: document.titleEn };
}

/**
 * The reminded items of a knowledge base dated `from` or later (ISO day, inclusive; all when absent),
 * soonest first (then by id).
 * @example remindedKnowledgeDates(kb, '2027-01-01')
 */
export function remindedKnowledgeDates(kb: KnowledgeBase, from = '0000-01-01'): RemindedDate[] {
  const found: RemindedDate[] = [];
  for (const entry of kb.data.dates) {
    if (!REMINDED_DATE_KINDS.has(entry.kind) || entry.precision !== 'day' || entry.date < from) continue;
    const document = documentTitle(kb, entry.source.doc);
    found.push({
      id: entry.id,
      date: entry.date,
      ...(entry.end !== undefined && entry.end > entry.date && { end: entry.end }),
      title: dateTitle(kb, entry.label, entry.about),
      ...(document && { document }),
      deadline: DEADLINE_KINDS.includes(entry.kind),
    });
  }
  for (const meeting of kb.data.meetings) {
    const recurrence = meeting.recurrence;
    if (!recurrence || recurrence.rrule !== undefined) continue;
    const document = documentTitle(kb, meeting.source.doc);
    // Without a rule only the listed days count; the window is the meeting's validity.
    const days = recurrenceDays(recurrence, {
      from,
      to: '9999-12-31',
      ...(meeting.validFrom && { validFrom: meeting.validFrom }),
      ...(meeting.validUntil && { validUntil: meeting.validUntil }),
    });
    for (const day of days) {
      found.push({ id: `${meeting.id}@${day}`, date: day, title: { da: meeting.name, en: meeting.labelEn }, ...(document && { document }), deadline: false });
    }
  }
  return found.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
}
