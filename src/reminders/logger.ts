/**
 * The logging surface the reminder domain needs: the same structural subset of pino's logger as messaging's
 * (pino's `Logger` satisfies it).
 */
import type { Logger } from '../messaging/index.js';

export type { Logger, LogMethod } from '../messaging/index.js';

/** A logger that drops everything, for callers that do not care. */
export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
