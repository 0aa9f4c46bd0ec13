/**
 * In-memory journal and backups, for tests and for stores that need no durability.
 */
import { Memory } from 'lowdb';
import type { StateBackupInfo, StateBackups, StateJournal, StateMark, StateMarkData, StateMedia } from './types.js';

/** A journal held in memory. `segments` is exposed for tests that damage it on purpose. */
export class MemoryJournal implements StateJournal {
  readonly location = 'memory journal';
  /** Sealed segments by token, then the active one. */
  readonly segments: Array<{ token: number; text: string }> = [];
  active = '';
  #lastToken = 0;

  async read(): Promise<readonly string[]> {
    return [...this.segments.map((s) => s.text), ...(this.active === '' ? [] : [this.active])];
  }

  async append(text: string): Promise<void> {
    this.active += text;
  }

  async rotate(): Promise<number> {
    if (this.active === '') return this.#lastToken;
    this.#lastToken += 1;
    this.segments.push({ token: this.#lastToken, text: this.active });
    this.active = '';
    return this.#lastToken;
  }

  async drop(token: number): Promise<void> {
    const keep = this.segments.filter((s) => s.token > token);
    this.segments.splice(0, this.segments.length, ...keep);
  }

  /** Segments moved aside, kept for inspection. */
  readonly setAsideTexts: string[] = [];

  async setAside(): Promise<readonly string[]> {
    this.setAsideTexts.push(...this.segments.map((s) => s.text), ...(this.active === '' ? [] : [this.active]));
    this.segments.splice(0);
    this.active = '';
    return [`memory journal (kept as set-aside copy ${this.setAsideTexts.length})`];
  }

  async close(): Promise<void> {}
}

/** Backups held in memory, over the same `Memory` adapter the store writes its snapshot to. */
export class MemoryBackups implements StateBackups {
  readonly location = 'memory backups';
  readonly saved: Array<{ name: string; seq: number; text: string }> = [];
  readonly setAsideTexts: string[] = [];
  readonly #adapter: Memory<string>;
  readonly #keep: number;
  #counter = 0;

  constructor(adapter: Memory<string>, keep = 5) {
    this.#adapter = adapter;
    this.#keep = keep;
  }

  async list(): Promise<readonly StateBackupInfo[]> {
    return [...this.saved].reverse().map(({ name, seq }) => ({ name, seq }));
  }

  async read(name: string): Promise<string | null> {
    return this.saved.find((b) => b.name === name)?.text ?? null;
  }

  async save(text: string, seq: number): Promise<StateBackupInfo> {
    this.#counter += 1;
    const info = { name: `backup-${this.#counter}`, seq };
    this.saved.push({ ...info, text });
    this.saved.splice(0, Math.max(0, this.saved.length - this.#keep));
    return info;
  }

  async setAside(): Promise<string | undefined> {
    const text = await this.#adapter.read();
    if (text === null) return undefined;
    this.setAsideTexts.push(text);
    return `memory (kept as unreadable copy ${this.setAsideTexts.length})`;
  }
}

/** A sequence mark held in memory; `text` is exposed for tests that damage it. */
export class MemoryMark implements StateMark {
  readonly location = 'memory mark';
  text: string | undefined;

  async read(): Promise<StateMarkData | undefined | 'unreadable'> {
    if (this.text === undefined) return undefined;
    try {
      return JSON.parse(this.text) as StateMarkData;
    } catch {
      return 'unreadable';
    }
  }

  async write(data: StateMarkData): Promise<void> {
    this.text = JSON.stringify(data);
  }

  async sync(data: StateMarkData): Promise<void> {
    await this.write(data);
  }

  async close(): Promise<void> {}
}

/** Media held entirely in memory: lowdb's `Memory` adapter, a journal, backups and a mark. */
export function createMemoryMedia(
  keepBackups = 5,
): StateMedia & { adapter: Memory<string>; journal: MemoryJournal; backups: MemoryBackups; mark: MemoryMark } {
  const adapter = new Memory<string>();
  return { adapter, journal: new MemoryJournal(), backups: new MemoryBackups(adapter, keepBackups), mark: new MemoryMark(), location: 'memory' };
}
