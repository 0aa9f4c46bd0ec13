/**
 * The task list in PostgreSQL: one row per task (the task as JSON, status and due date beside it for the
 * queries), numbered per team by a counter row taken in the same transaction as the insert.
 */
import { applyTaskChange, buildTask, compareOpen, toListing } from '../../tasks/task-store.js';
import type { TaskChange, TaskResult, TaskStore } from '../../tasks/task-store.js';
import type { Task } from '../../tasks/task.js';
import { toLocalDate } from '../../time/format-date.js';
import { inTransaction, nextNumber } from './db.js';
import type { Db } from './db.js';

/** Options of {@link createPostgresTaskStore}. */
export interface PostgresTaskStoreOptions {
  readonly db: Db;
  /** Whose task list: numbers are unique and short per team. */
  readonly team: string;
  readonly now: () => Date;
  readonly timeZone?: string;
}

/** Creates the task list of one team over the `tasks` table. */
export function createPostgresTaskStore(options: PostgresTaskStoreOptions): TaskStore {
  const { db, team, now } = options;
  const today = () => toLocalDate(now(), options.timeZone);
  const counter = `tasks:${team}`;

  const openTasks = async (): Promise<Task[]> =>
    (await db.query<{ data: Task }>("SELECT data FROM tasks WHERE team = $1 AND status = 'open'", [team])).rows.map((row) => row.data);

  function change(number: number, taskChange: TaskChange): Promise<TaskResult> {
    return inTransaction(db, async (tx): Promise<TaskResult> => {
      const { rows } = await tx.query<{ data: Task }>('SELECT data FROM tasks WHERE team = $1 AND number = $2 FOR UPDATE', [team, number]);
      const task = rows[0]?.data;
      if (task === undefined) return { ok: false, reason: 'not-found', number };
      const previous = structuredClone(task);
      const failure = applyTaskChange(task, taskChange);
      if (failure !== undefined) return { ok: false, reason: failure, number, task: previous };
      await tx.query('UPDATE tasks SET status = $3, due = $4, data = $5 WHERE team = $1 AND number = $2', [team, number, task.status, task.due ?? null, task]);
      return { ok: true, task, previous };
    });
  }

  return {
    create(input) {
      return inTransaction(db, async (tx) => {
        const task = buildTask(input, await nextNumber(tx, counter), now().toISOString());
        await tx.query('INSERT INTO tasks (team, number, status, due, data) VALUES ($1, $2, $3, $4, $5)', [team, task.number, task.status, task.due ?? null, task]);
        return { ok: true as const, task };
      });
    },
    async get(number) {
      const { rows } = await db.query<{ data: Task }>('SELECT data FROM tasks WHERE team = $1 AND number = $2', [team, number]);
      return rows[0]?.data;
    },
    async list(scope, listOptions = {}) {
      const day = today();
      // "Mine" matches names the way the domain does (isOwnedBy); the other lists are sorted and cut in the database,
      // so a long history is not read to show a few.
      if (scope === 'mine') return toListing(scope, await openTasks(), day, listOptions);
      // Open: overdue first, then by due date, undated last, ties by number (compareOpen) = due ascending, nulls last.
      const order =
        scope === 'open'
          ? `due COLLATE "C" ASC NULLS LAST, number ASC`
          : `COALESCE(data->>'completedAt', data->>'createdAt') COLLATE "C" DESC, number DESC`;
      const where = scope === 'open' ? "team = $1 AND status = 'open'" : 'team = $1';
      const [page, counts] = await Promise.all([
        db.query<{ data: Task }>(`SELECT data FROM tasks WHERE ${where} ORDER BY ${order} LIMIT $2`, [team, listOptions.limit ?? null]),
        db.query<{ total: string; overdue: string }>(
          `SELECT count(*) AS total, count(*) FILTER (WHERE status = 'open' AND due COLLATE "C" < $2) AS overdue FROM tasks WHERE ${where}`,
          [team, day],
        ),
      ]);
      const count = counts.rows[0] as { total: string; overdue: string };
      return { scope, tasks: page.rows.map((row) => row.data), total: Number(count.total), overdue: Number(count.overdue), today: day };
    },
    async openTasks() {
      return (await openTasks()).sort(compareOpen(today()));
    },
    complete: (number, by) => change(number, { kind: 'complete', by, at: now().toISOString() }),
    reopen: (number) => change(number, { kind: 'reopen' }),
    move: (number, due) => change(number, { kind: 'move', due }),
    assign: (number, owner) => change(number, { kind: 'assign', owner }),
  };
}
