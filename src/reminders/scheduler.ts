/**
 * Cron schedules for the reminder and digest jobs, time-zone aware (croner).
 *
 * Patterns take five fields or six with seconds first (`*\/2 * * * * *`). Each run is guarded: an error
 * is logged and the schedule carries on; a run that is still busy when the next one is due is skipped
 * rather than stacked. Croner resolves local times across DST switches (a 02:30 run on the spring-forward
 * day happens once, at 03:30; on the fall-back day once), and the jobs themselves deduplicate by key.
 */
import { Cron } from 'croner';
import { TIME_ZONE } from '../time/format-date.js';
import type { Logger } from './logger.js';

/** One scheduled job. */
export interface ScheduledJob {
  readonly name: string;
  /** Cron pattern, 5 fields or 6 with seconds. */
  readonly cron: string;
  /** The work; receives the run's instant. */
  readonly run: (at: Date) => Promise<void> | void;
  /** Also run once when the scheduler starts (catch-up after downtime). */
  readonly runOnStart?: boolean;
}

/** Options of {@link createScheduler}. */
export interface SchedulerOptions {
  readonly jobs: readonly ScheduledJob[];
  readonly timeZone?: string;
  readonly logger: Logger;
  readonly now?: () => Date;
}

/** Running cron jobs. */
export interface Scheduler {
  start(): void;
  /** Stops every job and waits for runs in progress. */
  stop(): Promise<void>;
  /** The next `count` runs of a job after `from` (default now). */
  nextRuns(name: string, count: number, from?: Date): Date[];
  /** Runs a job now, with the same error handling as a scheduled run. */
  runNow(name: string): Promise<void>;
}

/** Checks a cron pattern; returns a message when it is not valid. */
export function checkCronPattern(pattern: string, timeZone: string = TIME_ZONE): string | undefined {
  try {
    new Cron(pattern, { paused: true, timezone: timeZone }).stop();
    return undefined;
  } catch (error) {
    return `"${pattern}" is not a valid cron pattern: ${(error as Error).message}`;
  }
}

/**
 * The first run of a cron pattern at or after an instant, for {@link findDueReminders}.
 * @example firstRunAtOrAfter('0 8 * * 1-5')(new Date('2026-03-28T23:00:00Z')) // Monday 30 March 08:00 CEST
 */
export function firstRunAtOrAfter(pattern: string, timeZone: string = TIME_ZONE): (instant: Date) => Date | null {
  const cron = new Cron(pattern, { paused: true, timezone: timeZone });
  // Reminders ask about the same few midnights at every run: remember the answers (bounded).
  const memo = new Map<number, Date | null>();
  return (instant) => {
    const time = instant.getTime();
    const known = memo.get(time);
    if (known !== undefined) return known;
    // croner looks strictly after `prev` at whole seconds: step back one millisecond to include the instant.
    const next = cron.nextRun(new Date(time - 1));
    if (memo.size >= 1000) memo.clear();
    memo.set(time, next);
    return next;
  };
}

/** The next `count` runs of a pattern after an instant. */
export function nextRunsOf(pattern: string, count: number, from: Date, timeZone: string = TIME_ZONE): Date[] {
  return new Cron(pattern, { paused: true, timezone: timeZone }).nextRuns(count, from);
}

/** Creates (but does not start) the scheduler; throws on an invalid pattern (misconfiguration). */
export function createScheduler(options: SchedulerOptions): Scheduler {
  const timeZone = options.timeZone ?? TIME_ZONE;
  const now = options.now ?? (() => new Date());
  const { logger } = options;
  for (const job of options.jobs) {
    const problem = checkCronPattern(job.cron, timeZone);
    if (problem) throw new Error(`scheduler: job "${job.name}": ${problem}`);
  }
  const busy = new Map<string, Promise<void>>();
  let crons: Cron[] = [];

  const jobByName = (name: string): ScheduledJob => {
    const job = options.jobs.find((candidate) => candidate.name === name);
    if (!job) throw new Error(`scheduler: no job named "${name}"`);
    return job;
  };

  const guardedRun = (job: ScheduledJob, at: Date): Promise<void> => {
    const running = busy.get(job.name);
    if (running) {
      logger.warn({ job: job.name, at: at.toISOString() }, 'previous run still busy; this run is skipped');
      return running;
    }
    // Started on the next microtask so the run is registered as busy before any of it executes.
    const run = Promise.resolve()
      .then(() => job.run(at))
      .catch((error: unknown) => {
        logger.error({ err: error, job: job.name, at: at.toISOString() }, 'scheduled job failed; the schedule carries on');
      })
      .finally(() => {
        busy.delete(job.name);
      });
    busy.set(job.name, run);
    return run;
  };

  return {
    start() {
      if (crons.length > 0) return;
      crons = options.jobs.map(
        (job) => new Cron(job.cron, { timezone: timeZone }, () => void guardedRun(job, now())),
      );
      for (const job of options.jobs) {
        if (job.runOnStart) void guardedRun(job, now());
      }
      logger.info(
        { jobs: options.jobs.map((job) => ({ name: job.name, cron: job.cron, next: crons[options.jobs.indexOf(job)]?.nextRun()?.toISOString() })), timeZone },
        'scheduler started',
      );
    },
    async stop() {
      for (const cron of crons) cron.stop();
      crons = [];
      await Promise.all([...busy.values()]);
    },
    nextRuns(name, count, from) {
      return nextRunsOf(jobByName(name).cron, count, from ?? now(), timeZone);
    },
    runNow(name) {
      return guardedRun(jobByName(name), now());
    },
  };
}
