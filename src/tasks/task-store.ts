/**
 * The task list the tasks domain needs (create, list, complete, reopen, move, assign: each confirmed only once
 * written, each answering with a result value), and the orderings every backend shares.
 */
import type { Task, TaskOwner, TaskPerson } from './task.js';

/** What a new task needs; number, status and creation time are the store's. */
export interface NewTask {
  readonly title: string;
  /** Default: the creator. */
  readonly owner?: TaskOwner;
  readonly due?: string;
  readonly createdBy: TaskPerson;
  /** The creator's Teams user id, recorded as the owner's id when the creator is the owner. */
  readonly creatorTeamsId?: string;
  readonly conversationId: string;
}

/** Why a change did not happen. */
export type TaskFailure = 'not-found' | 'already-done' | 'not-done';

/** The outcome of a change: the task as it is now (and as it was, for move and assign), or why not. */
export type TaskResult =
  | { readonly ok: true; readonly task: Task; readonly previous?: Task }
  | { readonly ok: false; readonly reason: TaskFailure; readonly number: number; readonly task?: Task };

/** Which tasks a list shows: the open ones, the user's own open ones, or all (done ones too). */
export type TaskScope = 'open' | 'mine' | 'all';

/** The user a "mine" list is for: matched by ids, and by name only for owners named from the knowledge base. */
export interface TaskViewer {
  readonly id: string;
  readonly aadObjectId?: string;
  readonly name?: string;
}

/** A list of tasks as shown. */
export interface TaskListing {
  readonly scope: TaskScope;
  /** The tasks shown, in display order (at most `limit`). */
  readonly tasks: readonly Task[];
  /** How many tasks the scope holds in all. */
  readonly total: number;
  /** How many of them are open and past their due date. */
  readonly overdue: number;
  /** Today in Copenhagen, against which "overdue" was judged. */
  readonly today: string;
}

/** The task list. */
export interface TaskStore {
  create(task: NewTask): Promise<{ readonly ok: true; readonly task: Task }>;
  get(number: number): Promise<Task | undefined>;
  list(scope: TaskScope, options?: { readonly viewer?: TaskViewer; readonly limit?: number }): Promise<TaskListing>;
  /** Open tasks, in list order (for reminders and digests). */
  openTasks(): Promise<readonly Task[]>;
  complete(number: number, by: TaskPerson): Promise<TaskResult>;
  reopen(number: number): Promise<TaskResult>;
  /** Sets the due date, or removes it with `undefined`. */
  move(number: number, due: string | undefined): Promise<TaskResult>;
  assign(number: number, owner: TaskOwner): Promise<TaskResult>;
}

/** Whether an open task is past its due date. */
export function isOverdue(task: Task, today: string): boolean {
  return task.status === 'open' && task.due !== undefined && task.due < today;
}

/** Whether a task is the viewer's: owner id is theirs, or a knowledge-base owner carries their name. */
export function isOwnedBy(task: Task, viewer: TaskViewer): boolean {
  const { owner } = task;
  if (owner.id !== undefined && (owner.id === viewer.id || owner.id === viewer.aadObjectId)) return true;
  // A person named from the knowledge base has no Teams id: their name is the only link (a filter, not a permission).
  return owner.source === 'knowledge' && viewer.name !== undefined && owner.name.localeCompare(viewer.name, 'da', { sensitivity: 'base' }) === 0;
}

/** Open tasks: overdue first (most overdue first), then by due date, those without one last; ties by number. */
export function compareOpen(today: string) {
  return (a: Task, b: Task): number => {
    const overdue = Number(isOverdue(b, today)) - Number(isOverdue(a, today));
    if (overdue !== 0) return overdue;
    if (a.due !== b.due) {
      if (a.due === undefined) return 1;
      if (b.due === undefined) return -1;
      return a.due < b.due ? -1 : 1;
    }
    return a.number - b.number;
  };
}

/** All tasks: most recent activity (completion, else creation) first. */
export function compareRecent(a: Task, b: Task): number {
  const at = (t: Task) => t.completedAt ?? t.createdAt;
  const diff = at(b).localeCompare(at(a));
  return diff !== 0 ? diff : b.number - a.number;
}

/** A change to one task, as every backend applies it: the reason it cannot happen, or undefined once applied. */
export type TaskChange =
  | { readonly kind: 'complete'; readonly by: TaskPerson; readonly at: string }
  | { readonly kind: 'reopen' }
  | { readonly kind: 'move'; readonly due: string | undefined }
  | { readonly kind: 'assign'; readonly owner: TaskOwner };

/** Applies a change to a (mutable) task; returns why not, changing nothing, when it does not apply. */
export function applyTaskChange(task: Task, change: TaskChange): TaskFailure | undefined {
  switch (change.kind) {
    case 'complete':
      if (task.status === 'done') return 'already-done';
      task.status = 'done';
      task.completedBy = change.by;
      task.completedAt = change.at;
      return undefined;
    case 'reopen':
      if (task.status === 'open') return 'not-done';
      task.status = 'open';
      delete task.completedBy;
      delete task.completedAt;
      return undefined;
    case 'move':
      if (task.status === 'done') return 'already-done';
      if (change.due === undefined) delete task.due;
      else task.due = change.due;
      return undefined;
    case 'assign':
      if (task.status === 'done') return 'already-done';
      task.owner = change.owner;
      return undefined;
  }
}

/** A new task as every backend builds it, given its number and the time. */
export function buildTask(input: NewTask, number: number, createdAt: string): Task {
  const owner: TaskOwner = input.owner ?? {
    id: input.creatorTeamsId ?? input.createdBy.id,
    name: input.createdBy.name || input.createdBy.id,
    source: 'creator',
  };
  return {
    number,
    title: input.title,
    owner,
    ...(input.due !== undefined && { due: input.due }),
    status: 'open',
    createdBy: input.createdBy,
    createdAt,
    conversationId: input.conversationId,
  };
}

/** Sorts and counts a scope's tasks into a listing (backends that cannot sort in place use it). */
export function toListing(scope: TaskScope, tasks: readonly Task[], today: string, options: { readonly viewer?: TaskViewer; readonly limit?: number } = {}): TaskListing {
  let shown = tasks.filter((t) => scope === 'all' || t.status === 'open');
  if (scope === 'mine') {
    const viewer = options.viewer;
    shown = viewer === undefined ? [] : shown.filter((t) => isOwnedBy(t, viewer));
  }
  const sorted = [...shown].sort(scope === 'all' ? compareRecent : compareOpen(today));
  return {
    scope,
    tasks: options.limit === undefined ? sorted : sorted.slice(0, options.limit),
    total: sorted.length,
    overdue: sorted.filter((t) => isOverdue(t, today)).length,
    today,
  };
}
