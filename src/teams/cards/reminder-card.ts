/**
 * Adaptive Cards for proactive messages: a reminder of a deadline or task, and the channel's task digest.
 */
import type { DueReminder } from '../../reminders/due.js';
import type { ReminderSubject, ReminderTask } from '../../reminders/reminder-service.js';
import { reminderPhrases, type PhraseLang } from '../../reminders/phrases.js';
import type { OutboundMessage } from '../../messaging/index.js';
import { daysBetween, formatDate } from '../../time/format-date.js';
import { escapeCardText, escapePlainText } from '../escape.js';
import type { AdaptiveCard, CardAction, CardElement } from './adaptive-card.js';
import { cardAttachment, fullWidthCard } from './adaptive-card.js';
import type { TaskCardVerb, TaskCardView } from './task-card.js';

/** The verb of a task card's Done button (handled by the tasks feature). */
export const TASK_COMPLETE_VERB: TaskCardVerb = 'task.complete';

/** At most this many tasks in a digest card, to stay well under Teams' message size limit. */
export const DIGEST_MAX_TASKS = 40;

/** A Done button for a task. */
export function doneAction(task: Pick<ReminderTask, 'number'>, lang: PhraseLang, view?: TaskCardView): CardAction {
  // The same verb and data as the task card's Done button, so the tasks feature handles both; with a
  // view, the click refreshes that list (the digest) rather than replacing it with one task.
  const data = { number: task.number, lang, ...(view && { view }) };
  return { type: 'Action.Execute', title: reminderPhrases(lang).done, verb: TASK_COMPLETE_VERB, data };
}

/** The reminder card: what, when, and for a task its owner and a Done button. */
export function buildReminderCard(reminder: DueReminder<ReminderSubject>, lang: PhraseLang): AdaptiveCard {
  const p = reminderPhrases(lang);
  const { item } = reminder;
  // A period shows its first and last day: the reminder comes before the first.
  const days = item.end ? `${formatDate(item.date, lang)}–${formatDate(item.end, lang)}` : formatDate(item.date, lang);
  const facts = [{ title: lang === 'da' ? 'Dato' : 'Date', value: `${days} (${p.when(reminder.daysLeft)})` }];
  if (item.task?.owner?.name) facts.push({ title: p.taskOwner, value: escapeCardText(item.task.owner.name) });
  return fullWidthCard(
    [
      { type: 'TextBlock', text: p.reminderTitle(item.kind === 'task' ? 'task' : item.happening ? 'date' : 'deadline'), size: 'Small', isSubtle: true, wrap: true },
      { type: 'TextBlock', text: escapeCardText(item.title[lang]), weight: 'Bolder', size: 'Medium', wrap: true },
      { type: 'FactSet', facts },
    ],
    item.task ? [doneAction(item.task, lang)] : [],
  );
}

/** The reminder message: the card alone, with a one-line summary for the notification (plain text). */
export function buildReminderMessage(reminder: DueReminder<ReminderSubject>, lang: PhraseLang): OutboundMessage {
  const summary = reminderPhrases(lang).reminderText(escapePlainText(reminder.item.title[lang]), reminder.item.date, reminder.daysLeft);
  return { summary, attachments: [cardAttachment(buildReminderCard(reminder, lang))] };
}

function taskLine(task: ReminderTask, lang: PhraseLang, today: string): string {
  const p = reminderPhrases(lang);
  const due = task.due ? `${formatDate(task.due, lang)}${daysBetween(today, task.due) < 0 ? ` (${p.overdue})` : ''}` : p.noDue;
  return `#${task.number} ${task.title}${task.owner?.name ? ` — ${task.owner.name}` : ''} — ${due}`;
}

/** The digest card: the open tasks, soonest due first; `notice` (plain, escaped here) tops it, e.g. after subscribing. */
export function buildDigestCard(tasks: readonly ReminderTask[], lang: PhraseLang, today: string, notice?: string): AdaptiveCard {
  const p = reminderPhrases(lang);
  const shown = tasks.slice(0, DIGEST_MAX_TASKS);
  const body: CardElement[] = [{ type: 'TextBlock', text: p.digestTitle(today), weight: 'Bolder', size: 'Medium', wrap: true }];
  if (notice) body.push({ type: 'TextBlock', text: escapeCardText(notice), wrap: true, color: 'Accent' });
  if (shown.length === 0) body.push({ type: 'TextBlock', text: p.digestEmpty, wrap: true });
  for (const task of shown) {
    body.push({
      type: 'ColumnSet',
      separator: true,
      columns: [
        { type: 'Column', width: 'stretch', items: [{ type: 'TextBlock', text: escapeCardText(taskLine(task, lang, today)), wrap: true }] },
        {
          type: 'Column',
          width: 'auto',
          items: [{ type: 'ActionSet', actions: [doneAction(task, lang, { scope: 'open' })] }],
        },
      ],
    });
  }
  if (tasks.length > shown.length) {
    body.push({ type: 'TextBlock', text: lang === 'da' ? `… og ${tasks.length - shown.length} mere` : `… and ${tasks.length - shown.length} more`, wrap: true });
  }
  return fullWidthCard(body);
}

/** The digest as plain text, for channels that show no cards. */
export function renderDigestText(tasks: readonly ReminderTask[], lang: PhraseLang, today: string): string {
  const p = reminderPhrases(lang);
  const lines = tasks.length === 0 ? [p.digestEmpty] : tasks.slice(0, DIGEST_MAX_TASKS).map((task) => escapePlainText(taskLine(task, lang, today)));
  return [p.digestTitle(today), ...lines].join('\n');
}

/** The digest message: the card alone, with its title as the notification summary. */
export function buildDigestMessage(tasks: readonly ReminderTask[], lang: PhraseLang, today: string): OutboundMessage {
  return { summary: reminderPhrases(lang).digestTitle(today), attachments: [cardAttachment(buildDigestCard(tasks, lang, today))] };
}
