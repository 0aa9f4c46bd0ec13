/**
 * The logging surface messaging needs: a structural subset of pino's logger (pino's `Logger` satisfies it).
 */

/** Logs an object with an optional message, pino style. */
export type LogMethod = (obj: object, msg?: string) => void;

/** A pino-compatible logger. */
export interface Logger {
  readonly debug: LogMethod;
  readonly info: LogMethod;
  readonly warn: LogMethod;
  readonly error: LogMethod;
}
