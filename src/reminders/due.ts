/**
 * What is due when: the pure core of deadline and task reminders.
 *
 * A reminder for lead day `d` of an item dated `D` becomes due at the first scheduled run on or after
 * 00:00 Copenhagen time on `D - d`. Each (item, date, lead day, recipient) has a stable key; a reminder is
 * returned only while its key is unsent, its run lies within the grace period and the item's day has not
 * passed. When several lead days of one item are due at once (after downtime, or for an item added late),
 * only the nearest is sent: the earlier ones can never become due again, so nothing is sent twice.
 */
import { TIME_ZONE, daysBetween, toLocalDate, addDays } from '../time/format-date.js';
import { localInstant } from '../time/zoned-time.js';

/** Where a reminder item comes from: a knowledge-base date, a deadline added in chat, or a task. */
export type ReminderItemKind = 'kb-date' | 'deadline' | 'task';

/** Something dated that recipients are reminded of. */
export interface ReminderItem {
  readonly kind: ReminderItemKind;
  /** Stable id within its kind (knowledge-base id, chat deadline id, task number). */
  readonly id: string;
  /** The item's day, `YYYY-MM-DD`. */
  readonly date: string;
  /** Recipient keys (see the conversation store): subscribers for deadlines, owner or creator for tasks. */
  readonly recipients: readonly string[];
}

/** A reminder to send now. */
export interface DueReminder<T extends ReminderItem = ReminderItem> {
  /** Stable dedupe key: item, its date, lead day and recipient. */
  readonly key: string;
  readonly item: T;
  readonly recipient: string;
  /** The lead day the reminder belongs to (one of the configured lead days). */
  readonly leadDays: number;
  /** Days from today (Copenhagen) to the item's date when the reminder is sent: 0 = today. */
  readonly daysLeft: number;
  /** The scheduled run this reminder belongs to. */
  readonly fireAt: Date;
}

/** Inputs of {@link findDueReminders}. */
export interface FindDueRemindersOptions<T extends ReminderItem> {
  readonly now: Date;
  /** Lead days, e.g. `[7, 1, 0]`. */
  readonly leadDays: readonly number[];
  /** How long after its scheduled run a missed reminder is still sent. */
  readonly graceMs: number;
  readonly items: readonly T[];
  /** The sent-log: true when a key was already sent (or handed to the outbox). */
  readonly isSent: (key: string) => boolean;
  /**
   * The first scheduled run at or after an instant (`null` when the schedule never runs again).
   * Defaults to the instant itself, i.e. a schedule that runs continuously.
   */
  readonly firstRunAtOrAfter?: (instant: Date) => Date | null;
  readonly timeZone?: string;
}

/** The dedupe key of one reminder. */
export function reminderKey(item: Pick<ReminderItem, 'kind' | 'id' | 'date'>, leadDays: number, recipient: string): string {
  return `reminder:${item.kind}:${item.id}@${item.date}:${leadDays}d:${recipient}`;
}

/** Normalises lead days: whole, non-negative, unique, nearest first. */
export function normalizeLeadDays(leadDays: readonly number[]): number[] {
  return [...new Set(leadDays.filter((d) => Number.isInteger(d) && d >= 0))].sort((a, b) => a - b);
}

/** The instant of 00:00 local time on a calendar day in a time zone (DST-aware). */
export function startOfLocalDay(isoDate: string, timeZone: string = TIME_ZONE): Date {
  return localInstant(isoDate, '00:00', timeZone);
}

/** When the reminder for one lead day becomes due: the first run at or after local midnight of `date - leadDays`. */
export function reminderFireAt(
  date: string,
  leadDays: number,
  firstRunAtOrAfter: (instant: Date) => Date | null = (instant) => instant,
  timeZone: string = TIME_ZONE,
): Date | null {
  return firstRunAtOrAfter(startOfLocalDay(addDays(date, -leadDays), timeZone));
}

/**
 * The reminders to send now, at most one per (item, recipient).
 * @example findDueReminders({ now, leadDays: [7, 1, 0], graceMs: 24 * 3600_000, items, isSent: (k) => log.has(k) })
 */
export function findDueReminders<T extends ReminderItem>(options: FindDueRemindersOptions<T>): DueReminder<T>[] {
  const { now, graceMs, items, isSent } = options;
  const timeZone = options.timeZone ?? TIME_ZONE;
  const leads = normalizeLeadDays(options.leadDays);
  const today = toLocalDate(now, timeZone);
  const due: DueReminder<T>[] = [];
  // Many items share a date (10,000 tasks fall on a few hundred days): work out each fire time once per scan.
  const fireTimes = new Map<string, Date | null>();
  const fireAtOf = (date: string, lead: number): Date | null => {
    const key = `${date}|${lead}`;
    let fireAt = fireTimes.get(key);
    if (fireAt === undefined) {
      fireAt = reminderFireAt(date, lead, options.firstRunAtOrAfter, timeZone);
      fireTimes.set(key, fireAt);
    }
    return fireAt;
  };
  for (const item of items) {
    const daysLeft = daysBetween(today, item.date);
    if (daysLeft < 0) continue; // the day has passed: a late reminder would only confuse
    // The nearest lead day whose run has come; fire times only grow as the lead shrinks.
    let candidate: { lead: number; fireAt: Date } | undefined;
    for (const lead of leads) {
      // Its day (date - lead) has not begun, so neither has its first run: nothing to ask the schedule.
      if (lead < daysLeft) continue;
      const fireAt = fireAtOf(item.date, lead);
      if (fireAt !== null && fireAt.getTime() <= now.getTime()) {
        candidate = { lead, fireAt };
        break;
      }
    }
    if (!candidate) continue;
    if (now.getTime() - candidate.fireAt.getTime() > graceMs) continue; // missed beyond the grace period
    for (const recipient of new Set(item.recipients)) {
      const key = reminderKey(item, candidate.lead, recipient);
      if (isSent(key)) continue;
      due.push({ key, item, recipient, leadDays: candidate.lead, daysLeft, fireAt: candidate.fireAt });
    }
  }
  return due.sort((a, b) => a.item.date.localeCompare(b.item.date) || a.key.localeCompare(b.key));
}
