/**
 * Adaptive Cards for tasks: a task list with a Done or Reopen button per task, and a single task (after a button
 * on a reminder). The buttons are `Action.Execute`, so a click comes back as an invoke and the card is refreshed in
 * place with the new state.
 */
import { formatDate } from '../../time/format-date.js';
import { isOverdue, taskPhrases } from '../../tasks/index.js';
import type { Task, TaskLang, TaskListing, TaskScope, TaskViewer } from '../../tasks/index.js';
import { escapeCardText } from '../escape.js';
import type { AdaptiveCard, CardAction, CardElement } from './adaptive-card.js';
import { ADAPTIVE_CARD_SCHEMA, ADAPTIVE_CARD_VERSION } from './adaptive-card.js';

/** The verbs of the task buttons. */
export const TASK_CARD_VERBS = ['task.complete', 'task.reopen'] as const;
/** A task button's verb. */
export type TaskCardVerb = (typeof TASK_CARD_VERBS)[number];

/** At most this many tasks on one card: well under Teams' 28 KB message limit even with 200-character titles. */
export const TASK_CARD_MAX_TASKS = 25;

/** The list a card shows, carried in its buttons so a click can rebuild the same list. */
export interface TaskCardView {
  readonly scope: TaskScope;
  /** For `mine`: whose list it is (not necessarily who clicks). */
  readonly viewer?: TaskViewer;
}

/** The data of a task button. */
export interface TaskCardData {
  readonly number: number;
  readonly lang: TaskLang;
  readonly view?: TaskCardView;
}

function card(body: CardElement[]): AdaptiveCard {
  return { type: 'AdaptiveCard', $schema: ADAPTIVE_CARD_SCHEMA, version: ADAPTIVE_CARD_VERSION, body, msteams: { width: 'Full' } };
}

/** The Done button of an open task, or the Reopen button of a done one. */
export function taskButton(task: Task, lang: TaskLang, view?: TaskCardView): CardAction {
  const p = taskPhrases(lang);
  const verb: TaskCardVerb = task.status === 'open' ? 'task.complete' : 'task.reopen';
  const data: TaskCardData = { number: task.number, lang, ...(view !== undefined && { view }) };
  return { type: 'Action.Execute', title: task.status === 'open' ? p.completeButton : p.reopenButton, verb, data };
}

function details(task: Task, lang: TaskLang, today: string): string {
  const p = taskPhrases(lang);
  const parts = [escapeCardText(task.owner.name)];
  if (task.due !== undefined) parts.push(`${p.dueLabel}: ${task.due === today ? p.dueToday : formatDate(task.due, lang)}`);
  if (task.status === 'done' && task.completedBy !== undefined) parts.push(`${p.doneMark} ${p.by(escapeCardText(task.completedBy.name || task.completedBy.id))}`);
  return parts.join(' · ');
}

function taskRow(task: Task, lang: TaskLang, today: string, view?: TaskCardView): CardElement {
  const overdue = isOverdue(task, today);
  return {
    type: 'ColumnSet',
    separator: true,
    columns: [
      {
        type: 'Column',
        width: 'stretch',
        items: [
          {
            type: 'TextBlock',
            text: `#${task.number} ${escapeCardText(task.title)}`,
            weight: 'Bolder',
            wrap: true,
            ...(task.status === 'done' && { isSubtle: true }),
          },
          {
            type: 'TextBlock',
            text: `${overdue ? `${taskPhrases(lang).overdueMark} · ` : ''}${details(task, lang, today)}`,
            size: 'Small',
            wrap: true,
            spacing: 'None',
            ...(overdue ? { color: 'Attention' } : { isSubtle: true }),
          },
        ],
      },
      { type: 'Column', width: 'auto', verticalContentAlignment: 'Center', items: [{ type: 'ActionSet', actions: [taskButton(task, lang, view)] }] },
    ],
  };
}

function noticeBlock(notice: string | undefined): CardElement[] {
  return notice === undefined ? [] : [{ type: 'TextBlock', text: notice, wrap: true, color: 'Accent' }];
}

/**
 * The task list card. `notice` (already escaped) tops it after a button click, e.g. "Opgave #3 er færdig: …".
 * @example buildTaskListCard(tasks.list('open', { limit: TASK_CARD_MAX_TASKS }), 'da', { view: { scope: 'open' } })
 */
export function buildTaskListCard(listing: TaskListing, lang: TaskLang, options: { readonly view: TaskCardView; readonly notice?: string }): AdaptiveCard {
  const p = taskPhrases(lang);
  const body: CardElement[] = [{ type: 'TextBlock', text: p.listTitle(listing.scope, listing.total), weight: 'Bolder', size: 'Medium', wrap: true }];
  body.push(...noticeBlock(options.notice));
  if (listing.total === 0) body.push({ type: 'TextBlock', text: escapeCardText(p.emptyList(listing.scope)), wrap: true, isSubtle: true });
  if (listing.overdue > 0 && listing.scope !== 'all') body.push({ type: 'TextBlock', text: p.overdueSummary(listing.overdue), wrap: true, color: 'Attention' });
  for (const task of listing.tasks.slice(0, TASK_CARD_MAX_TASKS)) body.push(taskRow(task, lang, listing.today, options.view));
  const shown = Math.min(listing.tasks.length, TASK_CARD_MAX_TASKS);
  if (listing.total > shown) body.push({ type: 'TextBlock', text: escapeCardText(p.more(listing.total - shown)), wrap: true, isSubtle: true });
  return card(body);
}

/** One task as a card, with its button: what a reminder's Done button is replaced by. */
export function buildTaskCard(task: Task, lang: TaskLang, today: string, notice?: string): AdaptiveCard {
  return card([...noticeBlock(notice), taskRow(task, lang, today)]);
}
