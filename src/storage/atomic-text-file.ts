/**
 * A lowdb text adapter whose writes are atomic and durable: write a temporary file, flush it to disk, rename it
 * over the target, flush the directory. A crash leaves either the old or the new content, never a mix.
 */
import { open, readFile, rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';

/** Flushes a directory, so a rename or a new file in it survives a power cut. */
export async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Writes a file completely and flushes it to disk. */
export async function writeFileDurably(path: string, text: string): Promise<void> {
  const handle = await open(path, 'w');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** lowdb's `Adapter<string>` over one file, replaced atomically on every write. */
export class AtomicTextFile implements Adapter<string> {
  readonly #path: string;
  readonly #temp: string;
  #writing: Promise<void> = Promise.resolve();

  constructor(path: string) {
    this.#path = path;
    this.#temp = join(dirname(path), `.${basename(path)}.tmp`);
  }

  async read(): Promise<string | null> {
    try {
      return await readFile(this.#path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  write(text: string): Promise<void> {
    // Writes share one temporary file, so they take turns.
    const next = this.#writing.then(async () => {
      await writeFileDurably(this.#temp, text);
      await rename(this.#temp, this.#path);
      await syncDirectory(dirname(this.#path));
    });
    this.#writing = next.catch(() => undefined);
    return next;
  }
}
