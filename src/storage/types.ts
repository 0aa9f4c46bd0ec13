/**
 * The contracts of the durable state store: what it offers and the storage media it is built on.
 */
import type { Adapter } from 'lowdb';

/** A read-only view of a state: `read()` hands out the live state, which only `update()` may change. */
export type DeepReadonly<T> = T extends (infer U)[]
  ? ReadonlyArray<DeepReadonly<U>>
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/** Where the store reports what it did (pino's logger fits). */
export interface StateLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

/** A durable state of type `T`, changed one confirmed update at a time. */
export interface StateStore<T> {
  /** Where the state lives, for messages ("/var/state/tasks.json", "memory"). */
  readonly location: string;
  /**
   * The current state. Includes the changes of a batch whose write is in progress (a failed write undoes them),
   * so treat it as a view for reading and answering, never as confirmation.
   */
  read(): DeepReadonly<T>;
  /**
   * Applies `fn` to a draft of the state and resolves with a JSON copy of its result once the change is on disk.
   * Updates are serialized; those queued while a write runs are written together (group commit), each caller still
   * confirmed only after its own data is written. Rejects (changing nothing) if `fn` throws or the write fails.
   */
  update<R>(fn: (draft: T) => R): Promise<R>;
  /** Writes a full snapshot and a backup now (also done automatically every so many writes and at close). */
  checkpoint(): Promise<void>;
  /** Finishes queued writes, writes a final snapshot and releases the files. Later updates are rejected. */
  close(): Promise<void>;
  /** What is wrong with the store now (confirmed data lost at start and accepted, writes failing); empty when healthy. */
  problems(): readonly StateProblem[];
}

/** Something wrong with a store that `/healthz` reports as `degraded`. */
export interface StateProblem {
  readonly store: string;
  /** `loss`: confirmed changes were lost at start (accepted by the operator); `write`: writes fail now. */
  readonly kind: 'loss' | 'write';
  readonly reason: string;
}

/** The last confirmed sequence number and counter values, kept outside the journal and snapshot. */
export interface StateMarkData {
  readonly seq: number;
  /** Values of the store's counters (e.g. the next task number): they never go back, whatever was lost. */
  readonly counters: Readonly<Record<string, number>>;
}

/**
 * A small sidecar holding {@link StateMarkData}: written after each confirmed write (without its own flush, so a
 * power cut may leave it behind the journal, never ahead) and flushed at each snapshot.
 */
export interface StateMark {
  readonly location: string;
  /** The mark, undefined when there is none yet, `'unreadable'` when it is damaged. */
  read(): Promise<StateMarkData | undefined | 'unreadable'>;
  write(data: StateMarkData): Promise<void>;
  /** Writes and flushes to disk. */
  sync(data: StateMarkData): Promise<void>;
  close(): Promise<void>;
}

/** An append-only log of changes since the last snapshot, in segments. */
export interface StateJournal {
  readonly location: string;
  /** The text of every retained segment, oldest first. */
  read(): Promise<readonly string[]>;
  /** Appends text to the current segment; resolves once it is durable. */
  append(text: string): Promise<void>;
  /** Seals the current segment (later appends start a new one) and returns a token for `drop`. */
  rotate(): Promise<number>;
  /** Deletes the segments sealed up to and including `token` (they are covered by a snapshot). */
  drop(token: number): Promise<void>;
  /** Moves every segment aside, keeping it, when it cannot be replayed; returns where they went. */
  setAside(): Promise<readonly string[]>;
  /** Checks that the medium takes writes again (after disk full, say) without touching the journal. */
  probe?(): Promise<void>;
  close(): Promise<void>;
}

/** A backup: a snapshot as written at sequence number `seq`. */
export interface StateBackupInfo {
  readonly name: string;
  readonly seq: number;
}

/** Rotating copies of good snapshots, and a place to keep a state file that could not be read. */
export interface StateBackups {
  readonly location: string;
  /** Backups, newest first. */
  list(): Promise<readonly StateBackupInfo[]>;
  read(name: string): Promise<string | null>;
  /** Saves a snapshot as the newest backup and deletes the oldest beyond the number to keep. */
  save(text: string, seq: number): Promise<StateBackupInfo>;
  /** Moves the unreadable state file aside under a timestamped name (kept, never deleted); returns that name. */
  setAside(): Promise<string | undefined>;
}

/** The media a state store is built on: a lowdb adapter for the snapshot, plus journal and backups. */
export interface StateMedia {
  /** Holds the full snapshot; `write` must replace it atomically (lowdb's `Memory`, or `AtomicTextFile`). */
  readonly adapter: Adapter<string>;
  /** Without a journal every write rewrites the snapshot: fine for small states and tests. */
  readonly journal?: StateJournal;
  /** Without backups an unreadable snapshot cannot be recovered, and the store refuses to start. */
  readonly backups?: StateBackups;
  /** The last confirmed sequence number in a second place, so a lost journal or a stale snapshot is noticed. */
  readonly mark?: StateMark;
  /** Where the snapshot lives, for messages. */
  readonly location: string;
}
