/**
 * The scheduled work: find the reminders due now and the digests to post, and hand them to the outbox.
 *
 * Deadline reminders go to every subscriber; task reminders go to the task's owner when the bot has a
 * personal chat with them, otherwise to its creator. Messages go out through the {@link Notifier}
 * (`src/messaging`); its dedupe keys are the sent-log.
 */
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Text } from '../knowledge/schemas.js';
import { TIME_ZONE, toLocalDate } from '../time/format-date.js';
import type { ChatDeadline } from './deadlines.js';
import { findDueReminders, type DueReminder, type ReminderItem } from './due.js';
import type { Logger } from './logger.js';
import type { Notice, Notifier, OutboundMessage } from '../messaging/index.js';
import type { Subscriptions } from './subscriptions.js';
import { remindedKnowledgeDates } from './knowledge-dates.js';

export { REMINDED_DATE_KINDS } from './knowledge-dates.js';

/** A person as a task names them: a Teams user id or Entra object id when known, and a display name. */
export interface ReminderPerson {
  readonly id?: string;
  readonly name?: string;
}

/** What the reminder service needs to know about a task (`src/tasks`' `Task` satisfies it). */
export interface ReminderTask {
  readonly number: number;
  readonly title: string;
  /** Who does it (an @mention's Teams id, a knowledge-base person, or the creator). */
  readonly owner?: ReminderPerson | null;
  readonly due?: string | null;
  readonly status: string;
  readonly createdBy: ReminderPerson;
  readonly conversationId?: string;
}

/** Open tasks, for reminders and the digest. */
export interface TaskSource {
  openTasks(): Promise<readonly ReminderTask[]>;
}

/** A reminder item with what a message needs to show. */
export type ReminderSubject = ReminderItem & {
  readonly title: Text;
  /** A period's last day (the item's `date` is its first). */
  readonly end?: string;
  /** A knowledge-base date that is not a deadline (an interview, a period, a meeting): reminded as a coming date. */
  readonly happening?: boolean;
  /** For a task: the task itself. */
  readonly task?: ReminderTask;
};

/** Builds the messages (the Teams layer renders Adaptive Cards). */
export interface ReminderMessages {
  reminder(reminder: DueReminder<ReminderSubject>, lang: 'da' | 'en'): OutboundMessage;
  digest(tasks: readonly ReminderTask[], lang: 'da' | 'en', today: string): OutboundMessage;
}

/** Options of {@link createReminderService}. */
export interface ReminderServiceOptions {
  readonly now: () => Date;
  readonly leadDays: readonly number[];
  readonly graceMs: number;
  /** The first run of the reminder schedule at or after an instant (see `scheduler.ts`). */
  readonly firstRunAtOrAfter?: (instant: Date) => Date | null;
  readonly timeZone?: string;
  readonly kb?: KnowledgeBase;
  readonly deadlines?: { all(): Promise<readonly ChatDeadline[]> };
  readonly tasks?: TaskSource;
  readonly subscriptions: Subscriptions;
  /** Delivers to people and channels by their conversation keys. */
  readonly notifier: Notifier;
  readonly messages: ReminderMessages;
  readonly logger: Logger;
}

/** The scheduled jobs' work. */
export interface ReminderService {
  /** Everything that can be reminded of, with its recipients. */
  collectItems(): Promise<ReminderSubject[]>;
  /** Enqueues the reminders due now. */
  runReminders(): Promise<{ readonly enqueued: number }>;
  /** Enqueues the task digest for every subscribed channel. `at` names the run (dedupe). */
  runDigest(at: Date): Promise<{ readonly enqueued: number }>;
  /** The digest message for one channel, now (for "post tasks here"). */
  digestMessage(lang: 'da' | 'en'): Promise<OutboundMessage>;
}

/** Creates the reminder service. */
export function createReminderService(options: ReminderServiceOptions): ReminderService {
  const { now, subscriptions, notifier, messages, logger } = options;
  const timeZone = options.timeZone ?? TIME_ZONE;

  const langOf = async (key: string, subscribed: ReadonlyArray<{ readonly key: string; readonly lang: 'da' | 'en' }>): Promise<'da' | 'en'> => {
    const subscription = subscribed.find((s) => s.key === key);
    if (subscription) return subscription.lang;
    return (await notifier.localeOf(key))?.toLowerCase().startsWith('en') ? 'en' : 'da';
  };

  const collectItems = async (): Promise<ReminderSubject[]> => {
    // findPerson scans every stored conversation; thousands of tasks name a few hundred people: look each up once.
    const found = new Map<string, string | undefined>();
    const findUser = async (idOrName: string): Promise<string | undefined> => {
      if (!found.has(idOrName)) found.set(idOrName, await notifier.findPerson(idOrName));
      return found.get(idOrName);
    };
    /** The personal chat of a person: by id (Teams or Entra), else by a display name only one user has. */
    const personalChatOf = async (person: ReminderPerson | null | undefined): Promise<string | undefined> =>
      (person?.id ? await findUser(person.id) : undefined) ?? (person?.name ? await findUser(person.name) : undefined);
    // The owner when the bot can reach them, otherwise the creator.
    const taskRecipient = async (task: ReminderTask): Promise<string | undefined> => (await personalChatOf(task.owner)) ?? (await personalChatOf(task.createdBy));
    const subscribers = (await subscriptions.list('reminders')).map((s) => s.key);
    const items: ReminderSubject[] = [];
    // Every dated item of the knowledge base a subscriber expects (see knowledge-dates.ts), as `frister` lists them.
    for (const entry of options.kb ? remindedKnowledgeDates(options.kb) : []) {
      items.push({ kind: 'kb-date', id: entry.id, date: entry.date, ...(entry.end && { end: entry.end }), ...(!entry.deadline && { happening: true }), recipients: subscribers, title: entry.title });
    }
    for (const deadline of (await options.deadlines?.all()) ?? []) {
      items.push({
        kind: 'deadline',
        id: deadline.id,
        date: deadline.date,
        recipients: subscribers,
        title: { da: deadline.title, en: deadline.title },
      });
    }
    for (const task of (await options.tasks?.openTasks()) ?? []) {
      if (!task.due) continue;
      const recipient = await taskRecipient(task);
      if (!recipient) {
        logger.debug({ task: task.number }, 'reminders: no one to remind of this task (owner and creator unknown)');
        continue;
      }
      items.push({
        kind: 'task',
        id: String(task.number),
        date: task.due,
        recipients: [recipient],
        title: { da: task.title, en: task.title },
        task,
      });
    }
    return items;
  };

  const digestOf = (tasks: readonly ReminderTask[], lang: 'da' | 'en') =>
    messages.digest(
      [...tasks].sort(
        (a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999') || a.number - b.number,
      ),
      lang,
      toLocalDate(now(), timeZone),
    );

  return {
    collectItems,
    async runReminders() {
      const items = await collectItems();
      const subscribed = await subscriptions.list('reminders');
      const due = findDueReminders({
        now: now(),
        leadDays: options.leadDays,
        graceMs: options.graceMs,
        items,
        isSent: (key) => notifier.wasNotified(key),
        firstRunAtOrAfter: options.firstRunAtOrAfter,
        timeZone,
      });
      const notices: Notice[] = [];
      for (const reminder of due) {
        notices.push({ dedupeKey: reminder.key, to: reminder.recipient, message: messages.reminder(reminder, await langOf(reminder.recipient, subscribed)) });
      }
      const { accepted, unreachable } = await notifier.notify(notices);
      if (unreachable.length > 0) logger.debug({ count: unreachable.length }, 'reminders: recipients without a conversation reference; skipped');
      if (accepted.length > 0) logger.info({ count: accepted.length }, 'reminders: enqueued');
      return { enqueued: accepted.length };
    },
    async runDigest(at) {
      const slot = new Date(Math.floor(at.getTime() / 1000) * 1000).toISOString();
      const tasks = (await options.tasks?.openTasks()) ?? [];
      const notices: Notice[] = (await subscriptions.list('digest')).map((sub) => ({
        dedupeKey: `digest:${sub.key}:${slot}`,
        to: sub.key,
        message: digestOf(tasks, sub.lang),
      }));
      const { accepted, unreachable } = await notifier.notify(notices);
      if (unreachable.length > 0) logger.warn({ keys: unreachable }, 'digest: subscribed channels without a conversation reference; skipped');
      if (accepted.length > 0) logger.info({ count: accepted.length }, 'digest: enqueued');
      return { enqueued: accepted.length };
    },
    digestMessage: async (lang) => digestOf((await options.tasks?.openTasks()) ?? [], lang),
  };
}
