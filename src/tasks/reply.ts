/**
 * The plain-text replies about tasks: confirmations, refusals, usage and lists. Text the users wrote (titles,
 * names, dates they typed) goes through the `escape` given, so the Teams layer decides what is safe to show.
 */
import { formatDate } from '../time/format-date.js';
import type { TaskCommand, TaskLang } from './commands.js';
import { taskPhrases } from './phrases.js';
import type { Task } from './task.js';
import type { TaskListing, TaskResult } from './task-store.js';
import { isOverdue } from './task-store.js';

/** Makes user-written text safe to show (e.g. `escapePlainText` of the Teams layer). */
export type Escape = (text: string) => string;

/** The change commands a result can answer. */
export type ChangeKind = 'complete' | 'reopen' | 'move' | 'assign';

/** The due date as shown: the full date, or "ingen"/"none". */
export function renderDue(due: string | undefined, lang: TaskLang): string {
  return due === undefined ? taskPhrases(lang).noDue : formatDate(due, lang);
}

/**
 * The confirmation of a new task.
 * @example renderCreated(task, 'da', escape) // "Opgave #3 oprettet: …\nAnsvarlig: Tanja\nFrist: fredag den 27. november 2026"
 */
export function renderCreated(task: Task, lang: TaskLang, escape: Escape): string {
  const p = taskPhrases(lang);
  return [p.created(task.number, escape(task.title)), `${p.ownerLabel}: ${escape(task.owner.name)}`, `${p.dueLabel}: ${renderDue(task.due, lang)}`].join('\n');
}

/** The answer to complete, reopen, move or assign. */
export function renderChange(kind: ChangeKind, result: TaskResult, lang: TaskLang, escape: Escape): string {
  const p = taskPhrases(lang);
  if (!result.ok) {
    if (result.reason === 'not-found') return p.notFound(result.number);
    if (result.reason === 'already-done') return p.alreadyDone(result.number);
    return p.notDone(result.number);
  }
  const { task } = result;
  const title = escape(task.title);
  switch (kind) {
    case 'complete':
      return p.completed(task.number, title);
    case 'reopen':
      return p.reopened(task.number, title);
    case 'move':
      return task.due === undefined ? p.dueRemoved(task.number, title) : p.moved(task.number, title, formatDate(task.due, lang));
    case 'assign':
      return p.assigned(task.number, title, escape(task.owner.name));
  }
}

/** The right form of a command, with what was wrong first (and, for a date, the forms a date can take). */
export function renderUsage(usage: Extract<TaskCommand, { kind: 'usage' }>, escape: Escape): string {
  const p = taskPhrases(usage.lang);
  const lines: string[] = [];
  if (usage.problem !== undefined) lines.push(p.problem(usage.problem, usage.detail === undefined ? undefined : escape(usage.detail)));
  lines.push(p.usage(usage.command));
  if (usage.problem === 'bad-date' || usage.problem === 'missing-date') lines.push(p.dateForms);
  return lines.join('\n');
}

/** One task as a line of a list: number, title, owner, due date, and whether it is overdue or done. */
export function renderTaskLine(task: Task, lang: TaskLang, today: string, escape: Escape): string {
  const p = taskPhrases(lang);
  const parts = [`#${task.number} ${escape(task.title)}`, escape(task.owner.name)];
  if (task.due !== undefined) parts.push(`${p.dueLabel.toLowerCase()} ${task.due === today ? p.dueToday : formatDate(task.due, lang)}`);
  const mark = task.status === 'done' ? p.doneMark : isOverdue(task, today) ? p.overdueMark : undefined;
  return `${mark !== undefined ? `${mark}: ` : ''}${parts.join(' · ')}`;
}

/** A task list as plain text (the fallback of the list card). */
export function renderTaskList(listing: TaskListing, lang: TaskLang, escape: Escape): string {
  const p = taskPhrases(lang);
  if (listing.total === 0) return p.emptyList(listing.scope);
  const lines = [p.listTitle(listing.scope, listing.total)];
  if (listing.overdue > 0 && listing.scope !== 'all') lines.push(p.overdueSummary(listing.overdue));
  for (const task of listing.tasks) lines.push(`- ${renderTaskLine(task, lang, listing.today, escape)}`);
  if (listing.total > listing.tasks.length) lines.push(p.more(listing.total - listing.tasks.length));
  return lines.join('\n');
}
