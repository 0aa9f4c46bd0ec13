/**
 * The storage backends of the domains' store interfaces (`BotStores`, picked by `src/main.ts`): durable JSON state
 * on lowdb adapters with journal, backups, recovery and a directory lock (exported here), and PostgreSQL for more
 * than one instance (`./postgres/`).
 */
export type {
  DeepReadonly,
  StateBackupInfo,
  StateBackups,
  StateJournal,
  StateLogger,
  StateMark,
  StateMarkData,
  StateMedia,
  StateProblem,
  StateStore,
} from './types.js';
export type { StateChange, StatePath } from './changes.js';
export { createStateStore, StateLossError, StateUnrecoverableError, StateWriteError } from './state-store.js';
export type { StateStoreOptions, StateWriteFailure } from './state-store.js';
export { createStateHealth, openStateDir } from './state-dir.js';
export type { StateDefinition, StateDir, StateDirOptions, StateHealth } from './state-dir.js';
export { acquireDirLock, isProcessAlive, LOCK_FILE, StateDirInUseError } from './dir-lock.js';
export type { DirLock, DirLockOptions, LockOwner } from './dir-lock.js';
export { AtomicTextFile } from './atomic-text-file.js';
export { FileJournal } from './file-journal.js';
export { FileBackups } from './file-backups.js';
export { FileMark } from './file-mark.js';
export { createMemoryMedia, MemoryBackups, MemoryJournal, MemoryMark } from './memory-media.js';
export { createStateRecordStore, recordStateDefinition } from './record-store.js';
export type { RecordState, RecordStateCell } from './record-store.js';
