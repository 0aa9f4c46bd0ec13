/**
 * Tasks: create and complete, one confirmed write at a time, on the production store (a real STATE_DIR on disk:
 * journal appends flushed with fdatasync, snapshots and backups every 1,000 writes), with 0, 1,000 or 10,000 tasks
 * already stored.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openStateDir, type StateLogger } from '../src/storage/index.js';
import { createTaskStore, TASK_STATE } from '../src/storage/file-task-store.js';
import type { Task } from '../src/tasks/task.js';
import { toLocalDate, addDays } from '../src/time/format-date.js';
import { createRandom, randomInt } from './random.js';
import { summarize, type Summary } from './stats.js';

/** Drops the store's log lines (a checkpoint logs nothing at info; recovery would, and is not benchmarked). */
export const silentStateLogger: StateLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Options of {@link benchmarkTasks}. */
export interface TaskBenchOptions {
  /** Tasks stored before timing. */
  readonly stored: number;
  /** Creates timed, then as many completes. */
  readonly operations: number;
  /** Parent of the temporary STATE_DIR (default the OS temp dir). */
  readonly baseDir?: string;
  readonly now?: Date;
}

/** The figures of one size. */
export interface TaskBenchResult {
  readonly stored: number;
  readonly create: Summary;
  readonly complete: Summary;
  /** Size of the snapshot file after the preload, MB. */
  readonly snapshotMb: number;
}

const PEOPLE = ['Anne Holm', 'Bo Lund', 'Camilla Dahl', 'Jens Bech', 'Maja Kjær', 'Søren Olsen'];

/** `count` plausible tasks numbered from 1: a third done, most with a due date within a year. */
export function syntheticTasks(count: number, now: Date, seed = 3): Task[] {
  const random = createRandom(seed);
  const today = toLocalDate(now);
  const tasks: Task[] = [];
  for (let i = 0; i < count; i++) {
    const person = PEOPLE[randomInt(random, PEOPLE.length)] as string;
    const owner = `29:bench-user-${randomInt(random, 200)}`;
    const done = random() < 1 / 3;
    const task: Task = {
      number: i + 1,
      title: `Følg op på punkt ${i + 1} fra ledermødet om ${['budget', 'sygefravær', 'pædagogiske læreplaner', 'sprogvurderinger'][i % 4]}`,
      owner: { id: owner, name: person, source: 'mention' },
      ...(random() < 0.85 && { due: addDays(today, randomInt(random, 365) - 30) }),
      status: done ? 'done' : 'open',
      createdBy: { id: `00000000-0000-4000-8000-${String(i % 50).padStart(12, '0')}`, name: 'Bench Leder' },
      createdAt: new Date(now.getTime() - randomInt(random, 90) * 86_400_000).toISOString(),
      ...(done && { completedBy: { id: 'bench-leader', name: 'Bench Leder' }, completedAt: now.toISOString() }),
      conversationId: `19:bench-channel-${i % 20}@thread.tacv2`,
    };
    tasks.push(task);
  }
  return tasks;
}

/** Times creates and completes on a task store holding `stored` tasks. */
export async function benchmarkTasks(options: TaskBenchOptions): Promise<TaskBenchResult> {
  const now = options.now ?? new Date();
  const dir = await mkdtemp(path.join(options.baseDir ?? os.tmpdir(), 'bench-tasks-'));
  try {
    // The preload is written in one update and checkpointed: the store starts like a bot restarted with that state.
    const preload = await openStateDir(dir, { logger: silentStateLogger, now: () => now });
    const preloadStore = await preload.open(TASK_STATE);
    const seed = syntheticTasks(options.stored, now);
    await preloadStore.update((draft) => {
      draft.tasks = seed;
      draft.nextNumber = seed.length + 1;
    });
    await preload.close();
    const snapshotMb = (await stat(path.join(dir, 'tasks.json'))).size / 1024 / 1024;

    const stateDir = await openStateDir(dir, { logger: silentStateLogger, now: () => now });
    const tasks = createTaskStore({ store: await stateDir.open(TASK_STATE), now: () => now });
    const createTimes: number[] = [];
    const created: number[] = [];
    const due = addDays(toLocalDate(now), 14);
    for (let i = 0; i < options.operations; i++) {
      const started = performance.now();
      const { task } = await tasks.create({
        title: `Ring til forældrebestyrelsen om møde ${i}`,
        due,
        createdBy: { id: 'bench-leader', name: 'Bench Leder' },
        conversationId: '19:bench-channel-0@thread.tacv2',
      });
      createTimes.push(performance.now() - started);
      created.push(task.number);
    }
    const completeTimes: number[] = [];
    for (const number of created) {
      const started = performance.now();
      const result = await tasks.complete(number, { id: 'bench-leader', name: 'Bench Leder' });
      completeTimes.push(performance.now() - started);
      if (!result.ok) throw new Error(`bench: completing task #${number} failed: ${result.reason}`);
    }
    await stateDir.close();
    return { stored: options.stored, create: summarize(createTimes), complete: summarize(completeTimes), snapshotMb };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
