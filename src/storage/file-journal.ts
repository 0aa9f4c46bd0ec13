/**
 * The journal as files: `<name>.journal` takes appends (each flushed to disk before it is confirmed); rotating
 * renames it to `<name>.journal.<n>` until a snapshot covers it and it is dropped.
 */
import { open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { writeFileDurably } from './atomic-text-file.js';
import type { FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { syncDirectory } from './atomic-text-file.js';
import type { StateJournal } from './types.js';

/** A timestamp usable in a file name: 2026-11-25T09-00-00-000Z. */
export function fileStamp(instant: Date): string {
  return instant.toISOString().replace(/[:.]/g, '-');
}

/** A journal kept in files next to the snapshot. */
export class FileJournal implements StateJournal {
  readonly location: string;
  readonly #dir: string;
  readonly #base: string;
  readonly #now: () => Date;
  #handle: FileHandle | undefined;
  #goodSize = 0;
  #torn = false;

  constructor(path: string, now: () => Date) {
    this.location = path;
    this.#dir = dirname(path);
    this.#base = basename(path);
    this.#now = now;
  }

  async #sealed(): Promise<number[]> {
    const prefix = `${this.#base}.`;
    const names = await readdir(this.#dir);
    return names
      .filter((n) => n.startsWith(prefix) && /^\d+$/.test(n.slice(prefix.length)))
      .map((n) => Number(n.slice(prefix.length)))
      .sort((a, b) => a - b);
  }

  async #readOrEmpty(path: string): Promise<string | undefined> {
    try {
      return await readFile(path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  }

  async read(): Promise<readonly string[]> {
    const texts: string[] = [];
    for (const n of await this.#sealed()) texts.push((await this.#readOrEmpty(join(this.#dir, `${this.#base}.${n}`))) ?? '');
    const active = await this.#readOrEmpty(this.location);
    if (active !== undefined) texts.push(active);
    return texts;
  }

  async append(text: string): Promise<void> {
    if (this.#handle === undefined) {
      this.#handle = await open(this.location, 'a');
      this.#goodSize = (await this.#handle.stat()).size;
      // The file may be new: flush the directory so its name survives a power cut too.
      await syncDirectory(this.#dir);
    }
    const handle = this.#handle;
    try {
      // A failed append may have left part of a line: cut it off before the next one.
      if (this.#torn) {
        await handle.truncate(this.#goodSize);
        this.#torn = false;
      }
      await handle.appendFile(text, 'utf8');
      await handle.datasync();
      this.#goodSize += Buffer.byteLength(text, 'utf8');
    } catch (err) {
      this.#torn = true;
      throw err;
    }
  }

  async rotate(): Promise<number> {
    await this.close();
    const sealed = await this.#sealed();
    const next = (sealed[sealed.length - 1] ?? 0) + 1;
    try {
      await rename(this.location, join(this.#dir, `${this.#base}.${next}`));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      return sealed[sealed.length - 1] ?? 0;
    }
    await syncDirectory(this.#dir);
    return next;
  }

  async drop(token: number): Promise<void> {
    for (const n of await this.#sealed()) {
      if (n <= token) await unlink(join(this.#dir, `${this.#base}.${n}`));
    }
  }

  async setAside(): Promise<readonly string[]> {
    await this.close();
    const stamp = fileStamp(this.#now());
    const moved: string[] = [];
    const names = [...(await this.#sealed()).map((n) => `${this.#base}.${n}`), this.#base];
    for (const name of names) {
      const target = join(this.#dir, `${name}.corrupt-${stamp}`);
      try {
        await rename(join(this.#dir, name), target);
        moved.push(target);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
    }
    await syncDirectory(this.#dir);
    return moved;
  }

  async probe(): Promise<void> {
    // As much as a typical batch of journal entries: a disk that takes this takes the next write.
    const path = join(this.#dir, `.${this.#base}.probe`);
    try {
      await writeFileDurably(path, ' '.repeat(64 * 1024));
    } finally {
      await unlink(path).catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    const handle = this.#handle;
    this.#handle = undefined;
    this.#torn = false;
    if (handle !== undefined) await handle.close();
  }
}
