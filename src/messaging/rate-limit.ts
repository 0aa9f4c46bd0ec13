/**
 * A sliding-window limiter per key: at most `limit` events in any `windowMs`.
 * Teams throttles a bot at 7 messages per second per conversation; the outbox stays below it.
 */

/** Options of {@link createRateLimiter}. */
export interface RateLimiterOptions {
  readonly limit: number;
  readonly windowMs: number;
}

/** Tracks events per key; time is passed in, so it is deterministic. */
export interface RateLimiter {
  /** How long to wait (ms) before an event for `key` is allowed at `nowMs`; 0 when allowed now. */
  waitMs(key: string, nowMs: number): number;
  /** Records an event for `key` at `nowMs`. */
  record(key: string, nowMs: number): void;
  /** How many keys it holds events for (keys whose events all left the window are dropped). */
  readonly size: number;
}

/** Records between two sweeps of keys that no event keeps (so a fan-out to thousands leaves nothing behind). */
const SWEEP_EVERY = 1_000;

/** Creates an in-memory sliding-window limiter. */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { limit, windowMs } = options;
  const events = new Map<string, number[]>();
  let recordsSinceSweep = 0;
  const sweep = (nowMs: number) => {
    for (const [key, times] of events) if ((times.at(-1) as number) <= nowMs - windowMs) events.delete(key);
  };
  const recent = (key: string, nowMs: number): number[] => {
    const kept = (events.get(key) ?? []).filter((t) => t > nowMs - windowMs);
    if (kept.length === 0) events.delete(key);
    else events.set(key, kept);
    return kept;
  };
  return {
    waitMs(key, nowMs) {
      const kept = recent(key, nowMs);
      if (kept.length < limit) return 0;
      // The oldest event in the window must leave it first.
      return (kept[kept.length - limit] as number) + windowMs - nowMs;
    },
    record(key, nowMs) {
      const kept = recent(key, nowMs);
      kept.push(nowMs);
      events.set(key, kept);
      if (++recordsSinceSweep >= SWEEP_EVERY) {
        recordsSinceSweep = 0;
        sweep(nowMs);
      }
    },
    get size() {
      return events.size;
    },
  };
}
