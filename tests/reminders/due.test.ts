import { describe, expect, it } from 'vitest';
import {
  findDueReminders,
  reminderFireAt,
  reminderKey,
  startOfLocalDay,
  type DueReminder,
  type ReminderItem,
} from '../../src/reminders/due.js';
import { firstRunAtOrAfter, nextRunsOf } from '../../src/reminders/scheduler.js';

const HOUR = 3_600_000;
const local = (instant: Date) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Copenhagen',
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(instant);

/** Plays the scheduler: calls findDueReminders at each run, recording what was sent. */
function simulate(options: {
  runs: readonly Date[];
  items: readonly ReminderItem[];
  leadDays?: readonly number[];
  graceMs?: number;
  cron?: string;
  sent?: Set<string>;
}): Array<DueReminder & { at: Date }> {
  const sent = options.sent ?? new Set<string>();
  const log: Array<DueReminder & { at: Date }> = [];
  for (const at of options.runs) {
    const due = findDueReminders({
      now: at,
      leadDays: options.leadDays ?? [7, 1, 0],
      graceMs: options.graceMs ?? 24 * HOUR,
      items: options.items,
      isSent: (key) => sent.has(key),
      firstRunAtOrAfter: options.cron ? firstRunAtOrAfter(options.cron) : undefined,
    });
    for (const reminder of due) {
      sent.add(reminder.key);
      log.push({ ...reminder, at });
    }
  }
  return log;
}

const item = (id: string, date: string, recipients: string[] = ['u1']): ReminderItem => ({ kind: 'deadline', id, date, recipients });

describe('startOfLocalDay', () => {
  it.each([
    ['2026-03-28', '2026-03-27T23:00:00.000Z'],
    ['2026-03-29', '2026-03-28T23:00:00.000Z'], // the spring-forward day starts in winter time
    ['2026-03-30', '2026-03-29T22:00:00.000Z'],
    ['2026-10-25', '2026-10-24T22:00:00.000Z'], // the fall-back day starts in summer time
    ['2026-10-26', '2026-10-25T23:00:00.000Z'],
    ['2026-07-01', '2026-06-30T22:00:00.000Z'],
  ])('gives 00:00 Copenhagen time of %s', (date, expected) => {
    expect(startOfLocalDay(date).toISOString()).toBe(expected);
  });

  it('honours another time zone', () => {
    expect(startOfLocalDay('2026-03-08', 'America/New_York').toISOString()).toBe('2026-03-08T05:00:00.000Z');
  });
});

describe('reminderFireAt', () => {
  it('is the first weekday 08:00 run on or after midnight of date minus the lead days', () => {
    const next = firstRunAtOrAfter('0 8 * * 1-5');
    // Deadline Tuesday 31 March: lead 1 -> Monday 30 March 08:00 summer time (06:00 UTC).
    expect(reminderFireAt('2026-03-31', 1, next)?.toISOString()).toBe('2026-03-30T06:00:00.000Z');
    // Lead 7 -> Tuesday 24 March 08:00 winter time (07:00 UTC).
    expect(reminderFireAt('2026-03-31', 7, next)?.toISOString()).toBe('2026-03-24T07:00:00.000Z');
    // A Sunday lead day moves to Monday.
    expect(reminderFireAt('2026-10-26', 1, next)?.toISOString()).toBe('2026-10-26T07:00:00.000Z');
  });

  it('counts a run exactly at midnight as on or after', () => {
    const next = firstRunAtOrAfter('0 0 * * *');
    expect(reminderFireAt('2026-03-29', 0, next)?.toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(reminderFireAt('2026-10-25', 0, next)?.toISOString()).toBe('2026-10-24T22:00:00.000Z');
  });
});

describe('findDueReminders', () => {
  it('returns a lead-day reminder once its run has come, with a stable key', () => {
    const deadline = item('budget', '2026-05-08', ['u1', 'u2']);
    const before = findDueReminders({
      now: new Date('2026-04-30T21:59:59Z'), // 23:59:59 on 30 April, Copenhagen
      leadDays: [7, 1, 0],
      graceMs: 24 * HOUR,
      items: [deadline],
      isSent: () => false,
    });
    expect(before).toEqual([]);
    const at = findDueReminders({
      now: new Date('2026-04-30T22:00:00Z'),
      leadDays: [7, 1, 0],
      graceMs: 24 * HOUR,
      items: [deadline],
      isSent: () => false,
    });
    expect(at.map((r) => [r.recipient, r.leadDays, r.daysLeft, r.key])).toEqual([
      ['u1', 7, 7, reminderKey(deadline, 7, 'u1')],
      ['u2', 7, 7, reminderKey(deadline, 7, 'u2')],
    ]);
    expect(reminderKey(deadline, 7, 'u1')).toBe('reminder:deadline:budget@2026-05-08:7d:u1');
  });

  it('sends nothing already in the sent-log', () => {
    const deadline = item('budget', '2026-05-08');
    const due = findDueReminders({
      now: new Date('2026-05-01T06:00:00Z'),
      leadDays: [7],
      graceMs: 24 * HOUR,
      items: [deadline],
      isSent: (key) => key === reminderKey(deadline, 7, 'u1'),
    });
    expect(due).toEqual([]);
  });

  it('skips a reminder missed by more than the grace period, and items whose day has passed', () => {
    const deadline = item('budget', '2026-05-08');
    const common = { leadDays: [7], items: [deadline], isSent: () => false } as const;
    // Lead 7 ran at 00:00 on 1 May (22:00 UTC 30 April); 25 hours later it is beyond a 24-hour grace.
    expect(findDueReminders({ ...common, now: new Date('2026-05-01T23:00:00Z'), graceMs: 24 * HOUR })).toEqual([]);
    expect(findDueReminders({ ...common, now: new Date('2026-05-01T23:00:00Z'), graceMs: 48 * HOUR })).toHaveLength(1);
    expect(
      findDueReminders({ ...common, leadDays: [0], now: new Date('2026-05-08T23:30:00Z'), graceMs: 48 * HOUR }),
    ).toEqual([]);
  });

  it('sends only the nearest of several lead days that are due at once', () => {
    // A task due tomorrow, added today: lead 7 passed long ago, lead 1 ran at midnight.
    const task: ReminderItem = { kind: 'task', id: '12', date: '2026-06-11', recipients: ['owner'] };
    const due = findDueReminders({
      now: new Date('2026-06-10T12:00:00Z'),
      leadDays: [0, 7, 1],
      graceMs: 24 * HOUR,
      items: [task],
      isSent: () => false,
    });
    expect(due.map((r) => [r.leadDays, r.daysLeft])).toEqual([[1, 1]]);
  });

  it.each([
    ['spring forward (29 March)', '2026-03-29', '0 8 * * *'],
    ['spring forward, a run at 02:30 that does not exist that night', '2026-03-29', '30 2 * * *'],
    ['fall back (25 October)', '2026-10-25', '0 8 * * *'],
    ['fall back, a run at 02:30 that happens in the repeated hour', '2026-10-25', '30 2 * * *'],
    ['fall back, every hour', '2026-10-25', '0 * * * *'],
    ['spring forward, every 30 minutes', '2026-03-29', '*/30 * * * *'],
  ])('sends each lead day exactly once across %s', (_name, date, cron) => {
    const items = [item('on-the-day', date), item('day-after', addDay(date)), item('day-before', addDay(date, -1))];
    const end = new Date(`${addDay(date, 2)}T12:00:00Z`);
    const runs = nextRunsOf(cron, 24 * 4 * 12, new Date(`${addDay(date, -9)}T12:00:00Z`)).filter((run) => run < end);
    const log = simulate({ runs, items, cron });
    const keys = log.map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const it of items) {
      const leads = log.filter((r) => r.item.id === it.id).map((r) => r.leadDays);
      expect(leads).toEqual([7, 1, 0]);
      for (const reminder of log.filter((r) => r.item.id === it.id)) {
        // Sent on the calendar day date - lead (daily and more frequent runs fall on that day).
        expect(local(reminder.at).slice(0, 10)).toBe(addDay(it.date, -reminder.leadDays));
      }
    }
  });

  it('fires weekday reminders at 08:00 local time on both sides of the March switch', () => {
    const runs = nextRunsOf('0 8 * * 1-5', 30, new Date('2026-03-16T00:00:00Z'));
    const log = simulate({ runs, items: [item('start', '2026-04-01')], cron: '0 8 * * 1-5' });
    expect(log.map((r) => [r.leadDays, local(r.at)])).toEqual([
      [7, '2026-03-25 08:00'],
      [1, '2026-03-31 08:00'],
      [0, '2026-04-01 08:00'],
    ]);
    expect(log.map((r) => r.at.toISOString())).toEqual([
      '2026-03-25T07:00:00.000Z',
      '2026-03-31T06:00:00.000Z',
      '2026-04-01T06:00:00.000Z',
    ]);
  });

  it('moves a weekend lead day to Monday and merges it with Monday’s own reminder', () => {
    const runs = nextRunsOf('0 8 * * 1-5', 30, new Date('2026-10-12T00:00:00Z'));
    const log = simulate({ runs, items: [item('interview', '2026-10-26')], cron: '0 8 * * 1-5' });
    expect(log.map((r) => [r.leadDays, local(r.at)])).toEqual([
      [7, '2026-10-19 08:00'],
      [0, '2026-10-26 08:00'],
    ]);
  });

  it('catches up after downtime within the grace period, without duplicates', () => {
    const cron = '0 8 * * 1-5';
    const all = nextRunsOf(cron, 20, new Date('2026-10-19T00:00:00Z'));
    const items = [item('a', '2026-10-27'), item('b', '2026-10-23')];
    const sent = new Set<string>();
    // The bot is down from Tuesday 20 October 07:00 until Wednesday 21 October 07:30, then restarts.
    const before = all.filter((r) => r < new Date('2026-10-20T05:00:00Z'));
    const restart = new Date('2026-10-21T05:30:00Z');
    const after = all.filter((r) => r > restart);
    const log = [
      ...simulate({ runs: before, items, cron, sent }),
      ...simulate({ runs: [restart], items, cron, sent }), // catch-up run at start-up
      ...simulate({ runs: [restart], items, cron, sent }), // a second start-up sends nothing more
      ...simulate({ runs: after, items, cron, sent }),
    ];
    expect(log.map((r) => [r.item.id, r.leadDays, local(r.at)])).toEqual([
      // Tuesday's lead-7 reminder for "a" was missed and is caught up 21.5 hours later.
      ['a', 7, '2026-10-21 07:30'],
      ['b', 1, '2026-10-22 08:00'],
      ['b', 0, '2026-10-23 08:00'],
      ['a', 1, '2026-10-26 08:00'],
      ['a', 0, '2026-10-27 08:00'],
    ]);
  });

  it('drops a missed reminder once the grace period is over', () => {
    const cron = '0 8 * * 1-5';
    const items = [item('a', '2026-10-27')];
    // Down from Monday evening until Wednesday 10:00: Tuesday's 08:00 lead-7 run is 26 hours old.
    const log = simulate({ runs: [new Date('2026-10-21T08:00:00Z')], items, cron });
    expect(log).toEqual([]);
  });
});

function addDay(iso: string, days = 1): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
