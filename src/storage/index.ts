/**
 * Durable state: a generic JSON state store on lowdb adapters, with journal, backups, recovery and a directory lock.
 */
export type { DeepReadonly, StateBackupInfo, StateBackups, StateJournal, StateLogger, StateMedia, StateStore } from './types.js';
export type { StateChange, StatePath } from './changes.js';
export { createStateStore, StateUnrecoverableError } from './state-store.js';
export type { StateStoreOptions } from './state-store.js';
export { openStateDir } from './state-dir.js';
export type { StateDefinition, StateDir, StateDirOptions } from './state-dir.js';
export { acquireDirLock, isProcessAlive, LOCK_FILE, StateDirInUseError } from './dir-lock.js';
export type { DirLock, DirLockOptions, LockOwner } from './dir-lock.js';
export { AtomicTextFile } from './atomic-text-file.js';
export { FileJournal } from './file-journal.js';
export { FileBackups } from './file-backups.js';
export { createMemoryMedia, MemoryBackups, MemoryJournal } from './memory-media.js';
export { createStateRecordStore, recordStateDefinition } from './record-store.js';
export type { RecordState, RecordStateCell } from './record-store.js';
