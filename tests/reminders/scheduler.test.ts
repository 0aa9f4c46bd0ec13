import { describe, expect, it } from 'vitest';
import { checkCronPattern, createScheduler, firstRunAtOrAfter, nextRunsOf } from '../../src/reminders/scheduler.js';
import type { Logger } from '../../src/reminders/logger.js';

const local = (instant: Date) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen', dateStyle: 'short', timeStyle: 'medium' }).format(instant);

function recordingLogger() {
  const lines: Array<{ level: string; obj: object; msg?: string }> = [];
  const at = (level: string) => (obj: object, msg?: string) => void lines.push({ level, obj, msg });
  const logger: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  return { logger, lines };
}

describe('nextRunsOf', () => {
  it('runs weekdays at 08:00 Copenhagen time across the spring-forward switch', () => {
    const runs = nextRunsOf('0 8 * * 1-5', 3, new Date('2026-03-26T12:00:00Z'));
    expect(runs.map(local)).toEqual(['2026-03-27 08:00:00', '2026-03-30 08:00:00', '2026-03-31 08:00:00']);
    expect(runs.map((r) => r.toISOString())).toEqual([
      '2026-03-27T07:00:00.000Z',
      '2026-03-30T06:00:00.000Z',
      '2026-03-31T06:00:00.000Z',
    ]);
  });

  it('runs a 02:30 job once on the spring-forward night (at 03:30) and once on the fall-back night', () => {
    const spring = nextRunsOf('30 2 * * *', 3, new Date('2026-03-27T12:00:00Z'));
    expect(spring.map(local)).toEqual(['2026-03-28 02:30:00', '2026-03-29 03:30:00', '2026-03-30 02:30:00']);
    const autumn = nextRunsOf('30 2 * * *', 3, new Date('2026-10-23T12:00:00Z'));
    expect(autumn.map(local)).toEqual(['2026-10-24 02:30:00', '2026-10-25 02:30:00', '2026-10-26 02:30:00']);
  });

  it('accepts an optional seconds field', () => {
    const runs = nextRunsOf('*/2 * * * * *', 3, new Date('2026-06-01T09:59:59Z'));
    expect(runs.map((r) => r.toISOString())).toEqual([
      '2026-06-01T10:00:00.000Z',
      '2026-06-01T10:00:02.000Z',
      '2026-06-01T10:00:04.000Z',
    ]);
  });

  it('runs each local time once through the hour that the fall-back switch repeats', () => {
    // From 02:00 summer time (00:00 UTC) to 03:00 winter time (02:00 UTC) two hours pass but the wall
    // clock shows 02:00-02:59 twice; croner runs those local times once (in the second pass).
    const end = new Date('2026-10-25T02:00:00Z');
    const runs = nextRunsOf('*/2 * * * * *', 4000, new Date('2026-10-24T23:59:59Z')).filter((r) => r <= end);
    const localTimes = runs.map(local);
    expect(new Set(localTimes).size).toBe(localTimes.length);
    expect(localTimes.filter((t) => t.startsWith('2026-10-25 02:'))).toHaveLength(1800);
    expect(localTimes.at(-1)).toBe('2026-10-25 03:00:00');
  });
});

describe('firstRunAtOrAfter', () => {
  it('includes a run exactly at the instant and otherwise gives the next one', () => {
    const next = firstRunAtOrAfter('0 8 * * 1-5');
    expect(next(new Date('2026-03-30T06:00:00Z'))?.toISOString()).toBe('2026-03-30T06:00:00.000Z');
    expect(next(new Date('2026-03-30T06:00:00.001Z'))?.toISOString()).toBe('2026-03-31T06:00:00.000Z');
    expect(next(new Date('2026-03-28T23:00:00Z'))?.toISOString()).toBe('2026-03-30T06:00:00.000Z');
  });
});

describe('checkCronPattern', () => {
  it.each(['0 8 * * 1-5', '0 9 * * 1', '*/2 * * * * *'])('accepts %s', (pattern) => {
    expect(checkCronPattern(pattern)).toBeUndefined();
  });
  it.each(['every day', '61 * * * *', ''])('rejects %j with a message', (pattern) => {
    expect(checkCronPattern(pattern)).toMatch(/not a valid cron pattern/);
  });
});

describe('createScheduler', () => {
  it('refuses an invalid pattern, naming the job', () => {
    const { logger } = recordingLogger();
    expect(() => createScheduler({ logger, jobs: [{ name: 'digest', cron: 'often', run: () => undefined }] })).toThrow(
      /job "digest"/,
    );
  });

  it('logs a failing run and carries on with the next one', async () => {
    const { logger, lines } = recordingLogger();
    let calls = 0;
    const scheduler = createScheduler({
      logger,
      jobs: [
        {
          name: 'reminders',
          cron: '0 8 * * 1-5',
          run: () => {
            calls += 1;
            if (calls === 1) throw new Error('store unavailable');
          },
        },
      ],
    });
    await scheduler.runNow('reminders');
    await scheduler.runNow('reminders');
    expect(calls).toBe(2);
    const errors = lines.filter((line) => line.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.obj).toMatchObject({ job: 'reminders' });
    await scheduler.stop();
  });

  it('runs a job with runOnStart at start-up, before its first scheduled run', async () => {
    const { logger } = recordingLogger();
    const runs: Date[] = [];
    const scheduler = createScheduler({
      logger,
      jobs: [{ name: 'yearly', cron: '0 0 1 1 *', runOnStart: true, run: (at) => void runs.push(at) }],
    });
    scheduler.start();
    await scheduler.stop(); // waits for the start-up run
    expect(runs).toHaveLength(1);
  });

  it('runs a job on its schedule until stopped', async () => {
    const { logger } = recordingLogger();
    const runs: Date[] = [];
    let resolveTwo: () => void = () => undefined;
    const two = new Promise<void>((resolve) => (resolveTwo = resolve));
    const scheduler = createScheduler({
      logger,
      jobs: [
        {
          name: 'tick',
          cron: '* * * * * *',
          run: (at) => {
            runs.push(at);
            if (runs.length === 2) resolveTwo();
          },
        },
      ],
    });
    scheduler.start();
    await two;
    await scheduler.stop();
    const count = runs.length;
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(runs.length).toBe(count); // stopped: no more runs
  });

  it('skips a run while the previous one is still busy', async () => {
    const { logger, lines } = recordingLogger();
    let release: () => void = () => undefined;
    let calls = 0;
    const scheduler = createScheduler({
      logger,
      jobs: [
        {
          name: 'slow',
          cron: '0 8 * * 1-5',
          run: () => {
            calls += 1;
            return new Promise<void>((resolve) => (release = resolve));
          },
        },
      ],
    });
    const first = scheduler.runNow('slow');
    const second = scheduler.runNow('slow');
    await new Promise((resolve) => setTimeout(resolve, 0));
    release();
    await Promise.all([first, second]);
    expect(calls).toBe(1);
    expect(lines.some((line) => line.level === 'warn')).toBe(true);
  });
});
