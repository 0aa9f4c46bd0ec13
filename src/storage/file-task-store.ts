/**
 * The task list on the file backend: all tasks in one durable state document (`STATE_DIR/tasks.json`).
 */
import { applyTaskChange, buildTask, compareOpen, toListing } from '../tasks/task-store.js';
import type { TaskChange, TaskResult, TaskStore } from '../tasks/task-store.js';
import { emptyTaskState, TaskStateSchema } from '../tasks/task.js';
import type { Task, TaskState } from '../tasks/task.js';
import { toLocalDate } from '../time/format-date.js';
import type { StateDefinition } from './state-dir.js';
import type { DeepReadonly, StateStore } from './types.js';

/**
 * The state definition for `StateDir.open`: the tasks live in `<STATE_DIR>/tasks.json`. Task numbers are a counter: never issued twice, whatever a damaged state lost (see the state store's mark).
 */
export const TASK_STATE: StateDefinition<TaskState> = { name: 'tasks', defaults: emptyTaskState(), schema: TaskStateSchema, counters: ['nextNumber'] };

/** Options for {@link createTaskStore}. */
export interface TaskStoreOptions {
  readonly store: StateStore<TaskState>;
  readonly now: () => Date;
  readonly timeZone?: string;
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

  function change(number: number, taskChange: TaskChange): Promise<TaskResult> {
    return store.update((draft): TaskResult => {
      const index = findIndex(draft.tasks, number);
      const task = draft.tasks[index];
      if (task === undefined) return { ok: false, reason: 'not-found', number };
      // The draft is a proxy: copy through JSON (structuredClone cannot copy proxies).
      const previous = JSON.parse(JSON.stringify(task)) as Task;
      const failure = applyTaskChange(task, taskChange);
      if (failure !== undefined) return { ok: false, reason: failure, number, task };
      return { ok: true, task, previous };
    });
  }

  return {
    create(input) {
      return store.update((draft) => {
        const task = buildTask(input, draft.nextNumber, now().toISOString());
        draft.nextNumber += 1;
        draft.tasks.push(task);
        return { ok: true as const, task };
      });
    },
    async get(number) {
      const tasks = all();
      return tasks[findIndex(tasks, number)];
    },
    async list(scope, listOptions = {}) {
      return toListing(scope, all(), today(), listOptions);
    },
    async openTasks() {
      return [...all().filter((t) => t.status === 'open')].sort(compareOpen(today()));
    },
    complete: (number, by) => change(number, { kind: 'complete', by, at: now().toISOString() }),
    reopen: (number) => change(number, { kind: 'reopen' }),
    move: (number, due) => change(number, { kind: 'move', due }),
    assign: (number, owner) => change(number, { kind: 'assign', owner }),
  };
}
