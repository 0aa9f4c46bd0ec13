import type { StateLogger } from '../../src/storage/types.js';

/** A logger that keeps what it was told, for assertions. */
export interface RecordingLogger extends StateLogger {
  readonly entries: Array<{ level: 'info' | 'warn' | 'error'; message: string; details: Record<string, unknown> }>;
  messages(level: 'info' | 'warn' | 'error'): string[];
}

export function createRecordingLogger(): RecordingLogger {
  const entries: RecordingLogger['entries'] = [];
  const log = (level: 'info' | 'warn' | 'error') => (details: object, message: string) => {
    entries.push({ level, message, details: details as Record<string, unknown> });
  };
  return {
    entries,
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    messages: (level) => entries.filter((e) => e.level === level).map((e) => e.message),
  };
}
