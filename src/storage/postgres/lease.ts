/**
 * The schedule lease: which instance runs the reminder scan, the digest and the outbox delivery. One row in
 * `leases`; an instance holds it until `expires_at` (the database's clock, so the instances' clocks do not matter)
 * and renews it every third of that time. When the holder dies, another takes over once the lease has expired.
 */
import type { StateLogger } from '../types.js';
import type { ScheduleGate, ScheduleHandlers } from '../stores.js';
import type { Db } from './db.js';

/** Options of {@link createLease}. */
export interface LeaseOptions {
  readonly db: Db;
  /** The lease's name (one per kind of exclusive work). */
  readonly name: string;
  /** This instance (unique per process). */
  readonly holder: string;
  /** How long the lease lasts without renewal. */
  readonly ttlMs: number;
  readonly logger: StateLogger;
}

/** A lease that also tells whether this instance holds it. */
export interface Lease extends ScheduleGate {
  /** True while this instance holds the lease (as of the last renewal). */
  held(): boolean;
  /** Why the last attempt to take or renew the lease failed, while it keeps failing. */
  failure(): string | undefined;
}

/**
 * Takes or renews the lease: taken when free or expired, renewed when ours. `fence` grows with each new holder.
 * Returns whether this instance holds it now.
 */
export async function tryTakeLease(db: Db, name: string, holder: string, ttlMs: number): Promise<boolean> {
  const { rowCount } = await db.query(
    `INSERT INTO leases (name, holder, expires_at, fence) VALUES ($1, $2, now() + make_interval(secs => $3 / 1000.0), 1)
     ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at,
       fence = leases.fence + CASE WHEN leases.holder = EXCLUDED.holder THEN 0 ELSE 1 END
     WHERE leases.holder = EXCLUDED.holder OR leases.expires_at < now()`,
    [name, holder, ttlMs],
  );
  return rowCount !== 0;
}

/** The SQL condition "this holder holds the lease now" for fenced writes: `$lease`, `$holder` as given. */
export function leaseHeldCondition(nameParam: string, holderParam: string): string {
  return `EXISTS (SELECT 1 FROM leases WHERE name = ${nameParam} AND holder = ${holderParam} AND expires_at > now())`;
}

/** Creates the lease loop (not started). */
export function createLease(options: LeaseOptions): Lease {
  const { db, name, holder, ttlMs, logger } = options;
  const renewMs = Math.max(250, Math.floor(ttlMs / 3));
  let handlers: ScheduleHandlers | undefined;
  let timer: NodeJS.Timeout | undefined;
  let leading = false;
  let lastRenewed = 0;
  let tick: Promise<void> | undefined;
  let stopped = false;
  let failure: string | undefined;

  const step = async (): Promise<void> => {
    let ours: boolean;
    try {
      ours = await tryTakeLease(db, name, holder, ttlMs);
      failure = undefined;
      if (ours) lastRenewed = Date.now();
    } catch (error) {
      failure = `the database cannot be reached (${(error as Error).message})`;
      // Cannot tell: keep leading only while the last renewal is fresh enough that nobody else can have taken over.
      ours = leading && Date.now() - lastRenewed < ttlMs / 2;
      logger.warn({ lease: name, err: error, leading: ours }, 'schedule lease: could not renew');
    }
    if (stopped) return;
    if (ours && !leading) {
      leading = true;
      logger.info({ lease: name, holder }, 'schedule lease taken: this instance runs reminders, digest and outbox');
      try {
        await handlers?.acquired();
      } catch (error) {
        // Not running the schedule while holding the lease would stall everyone: try again at the next renewal.
        leading = false;
        logger.error({ lease: name, err: error }, 'schedule lease: could not start the schedule; trying again');
      }
    } else if (!ours && leading) {
      leading = false;
      logger.warn({ lease: name, holder }, 'schedule lease lost: stopping reminders, digest and outbox here');
      await handlers?.lost();
    }
  };

  const loop = () => {
    tick = step()
      .catch((error: unknown) => logger.error({ lease: name, err: error }, 'schedule lease: step failed'))
      .finally(() => {
        tick = undefined;
        if (!stopped) timer = setTimeout(loop, renewMs);
      });
  };

  return {
    held: () => leading,
    failure: () => failure,
    start(given) {
      handlers = given;
      stopped = false;
      loop();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await tick;
      if (leading) {
        leading = false;
        await handlers?.lost();
        // Hand over at once instead of making the others wait for the expiry.
        await db.query('UPDATE leases SET expires_at = now() WHERE name = $1 AND holder = $2', [name, holder]).catch((error: unknown) =>
          logger.warn({ lease: name, err: error }, 'schedule lease: could not release'),
        );
      }
    },
  };
}
