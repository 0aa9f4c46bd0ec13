/**
 * The state directory (STATE_DIR): takes its lock, then opens stores in it, each as `<name>.json` with a
 * `<name>.journal` and backups in `backups/`.
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { AtomicTextFile } from './atomic-text-file.js';
import { acquireDirLock } from './dir-lock.js';
import type { DirLockOptions } from './dir-lock.js';
import { FileBackups } from './file-backups.js';
import { FileJournal } from './file-journal.js';
import { FileMark } from './file-mark.js';
import { createStateStore } from './state-store.js';
import type { StateStoreOptions } from './state-store.js';
import type { StateLogger, StateProblem, StateStore } from './types.js';

/** Options for {@link openStateDir}. */
export interface StateDirOptions {
  readonly logger: StateLogger;
  readonly now: () => Date;
  /** Backups kept per store (default 5). */
  readonly keepBackups?: number;
  /** Journal entries between snapshots (default 1000). */
  readonly checkpointEvery?: number;
  /** Replaces the process facts of the lock (tests). */
  readonly lock?: Omit<DirLockOptions, 'logger' | 'now'>;
  /** Start even when confirmed changes were lost (the operator set `ACCEPT_STATE_LOSS=1`); see `StateStoreOptions`. */
  readonly acceptLoss?: boolean;
  /** Where the stores opened here report their problems, for `/healthz`. */
  readonly health?: StateHealth;
}

/** Collects the problems of every open store (the composition root shows them in `/healthz`). */
export interface StateHealth {
  /** Adds a source of problems (a store); called once per store. */
  watch(source: { problems(): readonly StateProblem[] }): void;
}

/** A {@link StateHealth} that lists the problems of every store it watches. */
export function createStateHealth(): StateHealth & { problems(): StateProblem[] } {
  const sources: Array<{ problems(): readonly StateProblem[] }> = [];
  return {
    watch: (source) => void sources.push(source),
    problems: () => sources.flatMap((source) => source.problems()),
  };
}

/** What a store in a state directory needs: its name, initial state and schema. */
export type StateDefinition<T extends object> = Pick<StateStoreOptions<T>, 'name' | 'defaults' | 'schema' | 'counters'>;

/** An open, locked state directory. */
export interface StateDir {
  readonly dir: string;
  /** Opens (loading or recovering) the store `name` in this directory. Each name may be opened once. */
  open<T extends object>(definition: StateDefinition<T>): Promise<StateStore<T>>;
  /** Closes every store opened here, then releases the lock. */
  close(): Promise<void>;
}

/**
 * Creates the directory if needed and takes its lock.
 * @throws StateDirInUseError when another live process holds it.
 * @example const stateDir = await openStateDir(config.stateDir, { logger, now }); const tasks = await stateDir.open(TASK_STATE);
 */
export async function openStateDir(dir: string, options: StateDirOptions): Promise<StateDir> {
  const root = resolve(dir);
  await mkdir(root, { recursive: true });
  const lock = await acquireDirLock(root, { ...options.lock, logger: options.logger, now: options.now });
  const stores = new Map<string, StateStore<object>>();
  let closed = false;

  return {
    dir: root,
    async open<T extends object>(definition: StateDefinition<T>): Promise<StateStore<T>> {
      if (closed) throw new Error(`state dir ${root} is closed`);
      if (!/^[a-z0-9][a-z0-9-]*$/.test(definition.name)) throw new Error(`state name "${definition.name}": use lower-case letters, digits and dashes`);
      if (stores.has(definition.name)) throw new Error(`state "${definition.name}" is already open in ${root}`);
      const statePath = join(root, `${definition.name}.json`);
      const store = await createStateStore<T>({
        ...definition,
        adapter: new AtomicTextFile(statePath),
        journal: new FileJournal(join(root, `${definition.name}.journal`), options.now),
        backups: new FileBackups({ statePath, dir: join(root, 'backups'), keep: options.keepBackups ?? 5, now: options.now }),
        mark: new FileMark(join(root, `${definition.name}.mark`)),
        location: statePath,
        ...(options.acceptLoss !== undefined && { acceptLoss: options.acceptLoss }),
        logger: options.logger,
        now: options.now,
        ...(options.checkpointEvery !== undefined ? { checkpointEvery: options.checkpointEvery } : {}),
      });
      stores.set(definition.name, store as unknown as StateStore<object>);
      options.health?.watch(store);
      return store;
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      try {
        for (const store of stores.values()) await store.close();
      } finally {
        await lock.release();
      }
    },
  };
}
