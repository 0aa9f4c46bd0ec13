/**
 * The sequence mark as a file, `<name>.mark`: one short JSON line rewritten in place at offset 0 after every
 * confirmed write. It is not flushed then (a flush per write would double the cost of a write); `kill -9` cannot
 * lose it, and a power cut can only leave it behind the journal, never ahead. Each snapshot flushes it.
 */
import { open, readFile } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import type { StateMark, StateMarkData } from './types.js';

/** Room for the sequence number and a few counters; one disk sector, so a rewrite is never half done. */
const WIDTH = 512;

/** A mark kept in one small file. */
export class FileMark implements StateMark {
  readonly location: string;
  #handle: FileHandle | undefined;

  constructor(path: string) {
    this.location = path;
  }

  async read(): Promise<StateMarkData | undefined | 'unreadable'> {
    let text: string;
    try {
      text = await readFile(this.location, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
    try {
      const data = JSON.parse(text.trim()) as Partial<StateMarkData>;
      if (!Number.isInteger(data.seq) || typeof data.counters !== 'object' || data.counters === null) return 'unreadable';
      return { seq: data.seq as number, counters: data.counters };
    } catch {
      return 'unreadable';
    }
  }

  async write(data: StateMarkData): Promise<void> {
    const text = JSON.stringify(data);
    if (text.length >= WIDTH) throw new Error(`state mark ${this.location}: ${text.length} characters do not fit in ${WIDTH}`);
    // 'r+' keeps the file (and writes at an offset); 'a+' first creates it when it is missing.
    if (this.#handle === undefined) {
      await (await open(this.location, 'a+')).close();
      this.#handle = await open(this.location, 'r+');
    }
    const handle = this.#handle;
    // A fixed width, so a shorter mark never leaves the end of a longer one behind.
    await handle.write(Buffer.from(text.padEnd(WIDTH - 1, ' ') + '\n', 'utf8'), 0, WIDTH, 0);
  }

  async sync(data: StateMarkData): Promise<void> {
    await this.write(data);
    await this.#handle?.sync();
  }

  async close(): Promise<void> {
    const handle = this.#handle;
    this.#handle = undefined;
    await handle?.close();
  }
}
