/**
 * The logging surface the reminder domain needs: a structural subset of pino's logger.
 */

/** Logs an object with an optional message, pino style. */
export type LogMethod = (obj: object, msg?: string) => void;

/** A pino-compatible logger (pino's `Logger` satisfies it). */
export interface Logger {
  readonly debug: LogMethod;
  readonly info: LogMethod;
  readonly warn: LogMethod;
  readonly error: LogMethod;
}

/** A logger that drops everything, for callers that do not care. */
export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
