/**
 * A leader's calendar feed of upcoming deadlines (RFC 5545, generated with ical-generator): the knowledge base's
 * dates, deadlines added in chat and the leader's open tasks' due dates, as all-day events. Each event has a stable
 * UID (the same item always has the same UID, so a calendar that refreshes the feed replaces it) and names its
 * source in the description.
 */
// ical-generator is loaded on the first feed served (dynamic import), not at start.
import type { KnowledgeBase } from '../knowledge/index.js';
import { addDays, TIME_ZONE } from '../time/format-date.js';

/** The languages a feed is written in. */
export type FeedLang = 'da' | 'en';

/** A chat-added deadline. */
export interface FeedDeadline {
  readonly id: string;
  readonly title: string;
  readonly date: string;
}

/** An open task of the leader's. */
export interface FeedTask {
  readonly number: number;
  readonly title: string;
  readonly due?: string;
  readonly createdBy?: { readonly name: string };
}

/** One all-day event. */
export interface CalendarEvent {
  readonly uid: string;
  /** First day, `YYYY-MM-DD`. */
  readonly date: string;
  /** Last day (inclusive), for periods. */
  readonly lastDay?: string;
  readonly summary: string;
  /** Names the source: the document and its words, the chat, or the task. */
  readonly description: string;
}

/** What goes into a feed. */
export interface FeedInput {
  readonly knowledge: KnowledgeBase;
  readonly deadlines: readonly FeedDeadline[];
  readonly tasks: readonly FeedTask[];
  /** Today in Europe/Copenhagen: events before it are left out. */
  readonly today: string;
  readonly lang: FeedLang;
}

/** The domain part of every UID: ids are unique within this bot's knowledge base and state. */
export const UID_DOMAIN = 'dagtilbud-bot';

const LABELS: Record<FeedLang, { source: string; chat: string; task: (n: number) => string; taskSource: (n: number, by?: string) => string; name: string }> = {
  da: {
    source: 'Kilde',
    chat: 'Kilde: frist tilføjet i Teams-chatten (frister)',
    task: (n) => `Opgave #${n}`,
    taskSource: (n, by) => `Kilde: opgave #${n} i Teams${by ? `, oprettet af ${by}` : ''}`,
    name: 'Frister – dagtilbudsledelse',
  },
  en: {
    source: 'Source',
    chat: 'Source: deadline added in the Teams chat (deadlines)',
    task: (n) => `Task #${n}`,
    taskSource: (n, by) => `Source: task #${n} in Teams${by ? `, created by ${by}` : ''}`,
    name: 'Deadlines – day-care leadership',
  },
};

function nameOf(knowledge: KnowledgeBase, id: string, lang: FeedLang): string | undefined {
  const entry = knowledge.get(id);
  if (!entry || !('name' in entry.item)) return undefined;
  return lang === 'en' && 'labelEn' in entry.item ? `${entry.item.labelEn} (${entry.item.name})` : entry.item.name;
}

/**
 * The events of a feed, soonest first: knowledge-base dates stated to the day, chat deadlines and due tasks from
 * today on (a period still running today counts).
 */
export function buildCalendarEvents(input: FeedInput): CalendarEvent[] {
  const { knowledge, today, lang } = input;
  const labels = LABELS[lang];
  const events: CalendarEvent[] = [];
  for (const entry of knowledge.data.dates) {
    // "i 2016" or "i januar" is not a day to put in a calendar.
    if (entry.precision !== 'day' || (entry.end ?? entry.date) < today) continue;
    const about = nameOf(knowledge, entry.about, lang);
    const document = knowledge.documents.get(entry.source.doc);
    const title = document ? (lang === 'da' ? document.title : document.titleEn) : entry.source.doc;
    events.push({
      uid: `kb-${entry.id}@${UID_DOMAIN}`,
      date: entry.date,
      ...(entry.end !== undefined && entry.end > entry.date && { lastDay: entry.end }),
      summary: about ? `${entry.label[lang]}: ${about}` : entry.label[lang],
      description: `${labels.source}: ${title} – »${entry.source.quote}«`,
    });
  }
  for (const deadline of input.deadlines) {
    if (deadline.date < today) continue;
    events.push({ uid: `deadline-${deadline.id}@${UID_DOMAIN}`, date: deadline.date, summary: deadline.title, description: labels.chat });
  }
  for (const task of input.tasks) {
    if (task.due === undefined || task.due < today) continue;
    events.push({
      uid: `task-${task.number}@${UID_DOMAIN}`,
      date: task.due,
      summary: `${labels.task(task.number)}: ${task.title}`,
      description: labels.taskSource(task.number, task.createdBy?.name || undefined),
    });
  }
  return events.sort((a, b) => a.date.localeCompare(b.date) || a.uid.localeCompare(b.uid));
}

/**
 * The feed as iCalendar text: all-day events (`DTSTART;VALUE=DATE`, `DTEND` the day after the last), the calendar
 * named and marked as Europe/Copenhagen, refreshed hourly by clients that honour the hint.
 * @example await renderCalendar(buildCalendarEvents(input), { lang: 'da', now: new Date() })
 */
export async function renderCalendar(events: readonly CalendarEvent[], options: { readonly lang: FeedLang; readonly now: Date }): Promise<string> {
  const { default: ical } = await import('ical-generator');
  const calendar = ical({
    name: LABELS[options.lang].name,
    prodId: { company: 'dagtilbud-bot', product: 'deadlines', language: options.lang.toUpperCase() },
    ttl: 60 * 60,
    // All-day dates are the same day in every zone; the zone is named for clients that show it (no VTIMEZONE is
    // needed: the feed has no times of day, and ical-generator would then write DTSTAMP without its "Z").
    x: [{ key: 'X-WR-TIMEZONE', value: TIME_ZONE }],
  });
  for (const event of events) {
    calendar.createEvent({
      id: event.uid,
      start: event.date,
      end: addDays(event.lastDay ?? event.date, 1),
      allDay: true,
      summary: event.summary,
      description: event.description,
      stamp: options.now,
    });
  }
  return calendar.toString();
}
