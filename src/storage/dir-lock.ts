/**
 * One process per state directory: a lock file holding the owner's pid and hostname. A lock left by a process that
 * is no longer running on this host is taken over (and logged); a live one stops the start with a clear error.
 */
import { randomUUID } from 'node:crypto';
import { hostname as osHostname } from 'node:os';
import { open, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { StateLogger } from './types.js';

/** The lock file's name inside the state directory. */
export const LOCK_FILE = '.lock';

/** What a lock file says about its owner. */
export interface LockOwner {
  readonly pid: number;
  readonly hostname: string;
  /** When the owning process started (ms since epoch): tells a recycled pid (e.g. pid 1 in a container) apart. */
  readonly processStartedAt: number;
  readonly acquiredAt: string;
  readonly token: string;
}

/** Options for {@link acquireDirLock}; the process facts can be replaced in tests. */
export interface DirLockOptions {
  readonly logger: StateLogger;
  readonly now: () => Date;
  readonly pid?: number;
  readonly hostname?: string;
  readonly processStartedAt?: number;
  readonly isProcessAlive?: (pid: number) => boolean;
}

/** A held lock. */
export interface DirLock {
  readonly path: string;
  readonly owner: LockOwner;
  /** Removes the lock file if it is still ours. */
  release(): Promise<void>;
}

/** Another live process holds the state directory. */
export class StateDirInUseError extends Error {
  override readonly name = 'StateDirInUseError';
  constructor(
    readonly dir: string,
    readonly owner: LockOwner,
    ownHost: string,
  ) {
    const where = owner.hostname === ownHost ? '' : ` on host ${owner.hostname}`;
    super(
      `state dir ${dir} is in use by process ${owner.pid}${where} (since ${owner.acquiredAt}). ` +
        `Stop that process, or point STATE_DIR elsewhere. If it is certainly not running, delete ${join(dir, LOCK_FILE)}.`,
    );
  }
}

/** Whether a process with this pid runs on this host (EPERM: it runs, under another user). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readOwner(path: string): Promise<LockOwner | undefined | 'missing'> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw err;
  }
  try {
    const owner = JSON.parse(text) as LockOwner;
    return Number.isInteger(owner.pid) && typeof owner.hostname === 'string' ? owner : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes the lock of a state directory (which must exist).
 * @throws StateDirInUseError when a live process holds it.
 */
export async function acquireDirLock(dir: string, options: DirLockOptions): Promise<DirLock> {
  const path = join(dir, LOCK_FILE);
  const ownHost = options.hostname ?? osHostname();
  const alive = options.isProcessAlive ?? isProcessAlive;
  const owner: LockOwner = {
    pid: options.pid ?? process.pid,
    hostname: ownHost,
    processStartedAt: options.processStartedAt ?? Math.round(performance.timeOrigin),
    acquiredAt: options.now().toISOString(),
    token: randomUUID(),
  };

  for (let attempt = 0; attempt < 5; attempt += 1) {
    try {
      const handle = await open(path, 'wx');
      try {
        await handle.writeFile(JSON.stringify(owner), 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      return { path, owner, release: () => releaseLock(path, owner.token) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }

    const existing = await readOwner(path);
    if (existing === 'missing') continue;
    if (existing === undefined) {
      // Empty or garbled: its owner may be between creating and writing it. Look again shortly.
      await new Promise((resolve) => setTimeout(resolve, 100));
      const again = await readOwner(path);
      if (again !== undefined) continue;
      options.logger.warn({ lock: path }, 'taking over an unreadable lock file');
    } else {
      const sameProcess = existing.pid === owner.pid && existing.processStartedAt === owner.processStartedAt;
      const recycledPid = existing.pid === owner.pid && !sameProcess;
      if (existing.hostname !== ownHost || sameProcess || (!recycledPid && alive(existing.pid))) {
        throw new StateDirInUseError(dir, existing, ownHost);
      }
      options.logger.warn(
        { lock: path, stalePid: existing.pid, since: existing.acquiredAt },
        `taking over a stale lock of ${dir}: process ${existing.pid} is no longer running`,
      );
    }
    await unlink(path).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
    });
  }
  throw new Error(`could not take the lock ${path}: it keeps changing (another process starting at the same time?)`);
}

async function releaseLock(path: string, token: string): Promise<void> {
  const current = await readOwner(path);
  if (current === 'missing' || current === undefined || current.token !== token) return;
  await unlink(path).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'ENOENT') throw err;
  });
}
