/**
 * The task list over the durable state store: create, list, complete, reopen, move and assign, each confirmed only
 * once written, each answering with a result value.
 */
import type { DeepReadonly, StateStore } from '../storage/index.js';
import { toLocalDate } from '../time/format-date.js';
import type { Task, TaskOwner, TaskPerson, TaskState } from './task.js';

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
  get(number: number): Task | undefined;
  list(scope: TaskScope, options?: { readonly viewer?: TaskViewer; readonly limit?: number }): TaskListing;
  /** Open tasks, in list order (for reminders and digests). */
  openTasks(): readonly Task[];
  complete(number: number, by: TaskPerson): Promise<TaskResult>;
  reopen(number: number): Promise<TaskResult>;
  /** Sets the due date, or removes it with `undefined`. */
  move(number: number, due: string | undefined): Promise<TaskResult>;
  assign(number: number, owner: TaskOwner): Promise<TaskResult>;
}

/** Options for {@link createTaskStore}. */
export interface TaskStoreOptions {
  readonly store: StateStore<TaskState>;
  readonly now: () => Date;
  readonly timeZone?: string;
}

/** Whether an open task is past its due date. */
export function isOverdue(task: DeepReadonly<Task> | Task, today: string): boolean {
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
function compareRecent(a: Task, b: Task): number {
  const at = (t: Task) => t.completedAt ?? t.createdAt;
  const diff = at(b).localeCompare(at(a));
  return diff !== 0 ? diff : b.number - a.number;
}

function findIndex(tasks: readonly DeepReadonly<Task>[] | Task[], number: number): number {
  // Numbers start at 1 and are never reused, so a task usually sits at number - 1.
  const guess = number - 1;
  if (tasks[guess]?.number === number) return guess;
  return tasks.findIndex((t) => t.number === number);
}

/**
 * Creates the task list over a state store holding {@link TaskState}.
 * @example const tasks = createTaskStore({ store: await stateDir.open(TASK_STATE), now });
 */
export function createTaskStore(options: TaskStoreOptions): TaskStore {
  const { store, now } = options;
  const today = () => toLocalDate(now(), options.timeZone);
  const all = () => store.read().tasks as readonly Task[];

  function change(number: number, apply: (task: Task) => TaskFailure | undefined): Promise<TaskResult> {
    return store.update((draft): TaskResult => {
      const index = findIndex(draft.tasks, number);
      const task = draft.tasks[index];
      if (task === undefined) return { ok: false, reason: 'not-found', number };
      // The draft is a proxy: copy through JSON (structuredClone cannot copy proxies).
      const previous = JSON.parse(JSON.stringify(task)) as Task;
      const failure = apply(task);
      if (failure !== undefined) return { ok: false, reason: failure, number, task };
      return { ok: true, task, previous };
    });
  }

  return {
    create(input) {
      return store.update((draft) => {
        const owner: TaskOwner = input.owner ?? {
          id: input.creatorTeamsId ?? input.createdBy.id,
          name: input.createdBy.name || input.createdBy.id,
          source: 'creator',
        };
        const task: Task = {
          number: draft.nextNumber,
          title: input.title,
          owner,
          ...(input.due !== undefined && { due: input.due }),
          status: 'open',
          createdBy: input.createdBy,
          createdAt: now().toISOString(),
          conversationId: input.conversationId,
        };
        draft.nextNumber += 1;
        draft.tasks.push(task);
        return { ok: true as const, task };
      });
    },

    get(number) {
      const tasks = all();
      return tasks[findIndex(tasks, number)];
    },

    list(scope, listOptions = {}) {
      const day = today();
      let tasks = all().filter((t) => scope === 'all' || t.status === 'open');
      if (scope === 'mine') {
        const viewer = listOptions.viewer;
        tasks = viewer === undefined ? [] : tasks.filter((t) => isOwnedBy(t, viewer));
      }
      const sorted = [...tasks].sort(scope === 'all' ? compareRecent : compareOpen(day));
      return {
        scope,
        tasks: listOptions.limit === undefined ? sorted : sorted.slice(0, listOptions.limit),
        total: sorted.length,
        overdue: sorted.filter((t) => isOverdue(t, day)).length,
        today: day,
      };
    },

    openTasks() {
      return [...all().filter((t) => t.status === 'open')].sort(compareOpen(today()));
    },

    complete(number, by) {
      return change(number, (task) => {
        if (task.status === 'done') return 'already-done';
        task.status = 'done';
        task.completedBy = by;
        task.completedAt = now().toISOString();
        return undefined;
      });
    },

    reopen(number) {
      return change(number, (task) => {
        if (task.status === 'open') return 'not-done';
        task.status = 'open';
        delete task.completedBy;
        delete task.completedAt;
        return undefined;
      });
    },

    move(number, due) {
      return change(number, (task) => {
        if (task.status === 'done') return 'already-done';
        if (due === undefined) delete task.due;
        else task.due = due;
        return undefined;
      });
    },

    assign(number, owner) {
      return change(number, (task) => {
        if (task.status === 'done') return 'already-done';
        task.owner = owner;
        return undefined;
      });
    },
  };
}
