/**
 * What the state-folder tests (state-dir, recovery) share: a small "items" state with a counter, an update that
 * adds one item, a clock that moves a second a call, the options of `openStateDir` with a recording logger, and
 * the pid of a process that has exited (a stale lock).
 */
import { spawn } from 'node:child_process';
import { z } from 'zod/v4';
import type { StateDirOptions } from '../../src/storage/state-dir.js';
import { createRecordingLogger } from './recording-logger.js';

export const StateSchema = z.object({ next: z.number().int().positive(), items: z.array(z.object({ id: z.number(), title: z.string() })) });
export type State = z.infer<typeof StateSchema>;
export const ITEMS = { name: 'items', defaults: { next: 1, items: [] } as State, schema: StateSchema };

let clock = Date.parse('2026-11-25T09:00:00Z');
export const now = () => new Date((clock += 1000));

/** An update that appends an item with the next id. */
export function addItem(title: string) {
  return (draft: State) => {
    const item = { id: draft.next, title };
    draft.next += 1;
    draft.items.push(item);
    return item;
  };
}

/** The pid of a process that has exited. */
export async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  const pid = child.pid as number;
  await new Promise((resolve) => child.on('exit', resolve));
  return pid;
}

/** Options for `openStateDir` with a fresh recording logger (returned too, for assertions). */
export function dirOptions(extra: Partial<StateDirOptions> = {}) {
  const logger = createRecordingLogger();
  return { logger, options: { logger, now, ...extra } };
}
