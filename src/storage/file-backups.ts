/**
 * Backups as files: `backups/<name>.s<seq>.<timestamp>.json`, newest kept, oldest deleted; an unreadable state
 * file is renamed to `<file>.corrupt-<timestamp>` next to where it was.
 */
import { mkdir, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { syncDirectory, writeFileDurably } from './atomic-text-file.js';
import { fileStamp } from './file-journal.js';
import type { StateBackupInfo, StateBackups } from './types.js';

/** Options for {@link FileBackups}. */
export interface FileBackupsOptions {
  /** The state file being backed up. */
  readonly statePath: string;
  /** The folder for backups. */
  readonly dir: string;
  /** How many backups to keep. */
  readonly keep: number;
  readonly now: () => Date;
}

const SEQ_WIDTH = 12;

/** Rotating backups of one state file. */
export class FileBackups implements StateBackups {
  readonly location: string;
  readonly #options: FileBackupsOptions;
  readonly #prefix: string;

  constructor(options: FileBackupsOptions) {
    this.#options = options;
    this.location = options.dir;
    this.#prefix = `${basename(options.statePath).replace(/\.json$/, '')}.s`;
  }

  async list(): Promise<readonly StateBackupInfo[]> {
    let names: string[];
    try {
      names = await readdir(this.#options.dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    // Names sort by sequence number (zero-padded), then time: newest last, so reverse.
    return names
      .filter((n) => n.startsWith(this.#prefix) && n.endsWith('.json'))
      .sort()
      .reverse()
      .map((name) => ({ name, seq: Number(name.slice(this.#prefix.length, this.#prefix.length + SEQ_WIDTH)) }));
  }

  async read(name: string): Promise<string | null> {
    try {
      return await readFile(join(this.#options.dir, name), 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async save(text: string, seq: number): Promise<StateBackupInfo> {
    await mkdir(this.#options.dir, { recursive: true });
    const name = `${this.#prefix}${String(seq).padStart(SEQ_WIDTH, '0')}.${fileStamp(this.#options.now())}.json`;
    const temp = join(this.#options.dir, `.${name}.tmp`);
    await writeFileDurably(temp, text);
    await rename(temp, join(this.#options.dir, name));
    await syncDirectory(this.#options.dir);
    const all = await this.list();
    for (const old of all.slice(this.#options.keep)) await unlink(join(this.#options.dir, old.name));
    return { name, seq };
  }

  async setAside(): Promise<string | undefined> {
    const { statePath } = this.#options;
    const target = `${statePath}.corrupt-${fileStamp(this.#options.now())}`;
    try {
      await rename(statePath, target);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
    await syncDirectory(dirname(statePath));
    return target;
  }
}
