import { describe, expect, it } from 'vitest';
import type { DueReminder } from '../../src/reminders/due.js';
import type { ReminderSubject } from '../../src/reminders/reminder-service.js';
import { buildDigestMessage, buildReminderMessage } from '../../src/teams/cards/reminder-card.js';
import { conversationEventOf } from '../../src/teams/conversation-events.js';

const task: ReminderSubject = {
  kind: 'task',
  id: '7',
  date: '2026-04-10',
  recipients: ['user:29:bo'],
  title: { da: 'Ring til **Tanja**', en: 'Ring til **Tanja**' },
  task: { number: 7, title: 'Ring til **Tanja**', owner: { name: 'Bo Berg' }, due: '2026-04-10', status: 'open', createdBy: { id: '29:anne' } },
};
const reminder = (item: ReminderSubject, daysLeft: number): DueReminder<ReminderSubject> => ({
  key: 'k',
  item,
  recipient: 'user:29:bo',
  leadDays: daysLeft,
  daysLeft,
  fireAt: new Date('2026-04-09T06:00:00Z'),
});

describe('buildReminderMessage', () => {
  it.each([
    ['da', 1, 'Påmindelse: Ring til **Tanja** — fredag den 10. april 2026 (i morgen).', 'Færdig'],
    ['en', 0, 'Reminder: Ring til **Tanja** — Friday 10 April 2026 (today).', 'Done'],
  ] as const)('writes a task reminder in %s as one card with a plain summary and a Done button', (lang, daysLeft, summary, button) => {
    const message = buildReminderMessage(reminder(task, daysLeft), lang);
    // One message: the card; the summary is plain text for the notification, no text copy.
    expect(message.text).toBeUndefined();
    expect(message.summary).toBe(summary);
    const card = message.attachments?.[0]?.content as { actions: Array<Record<string, unknown>>; body: unknown[] };
    expect(card.actions).toEqual([{ type: 'Action.Execute', title: button, verb: 'task.complete', data: { number: 7, lang } }]);
    expect(JSON.stringify(card.body)).toContain('Bo Berg');
  });

  it('has no button for a deadline', () => {
    const deadline: ReminderSubject = { kind: 'deadline', id: 'frist-1', date: '2026-04-17', recipients: [], title: { da: 'Budget', en: 'Budget' } };
    const card = buildReminderMessage(reminder(deadline, 7), 'da').attachments?.[0]?.content as Record<string, unknown>;
    expect(card.actions).toBeUndefined();
  });

  it('shows a period with its first and last day', () => {
    const period: ReminderSubject = { kind: 'kb-date', id: 'mus', date: '2027-10-01', end: '2027-11-15', happening: true, recipients: [], title: { da: 'MUS for souschefer', en: 'Appraisal interviews' } };
    const body = JSON.stringify(buildReminderMessage(reminder(period, 7), 'da').attachments?.[0]?.content);
    expect(body).toContain('fredag den 1. oktober 2027–mandag den 15. november 2027 (om 7 dage)');
    // A period is not a deadline: the card says it is a coming date.
    expect(body).toContain('Påmindelse om kommende dato');
    expect(body).not.toContain('Påmindelse om frist');
  });
});

describe('buildDigestMessage', () => {
  it('lists open tasks with overdue marked, or says there are none', () => {
    const message = buildDigestMessage([{ ...task.task!, due: '2026-04-01' }, { number: 8, title: 'Plan', status: 'open', createdBy: { id: 'x' } }], 'en', '2026-04-06');
    expect(message.text).toBeUndefined();
    expect(message.summary).toBe('Open tasks as of Monday 6 April 2026');
    const body = JSON.stringify(message.attachments?.[0]?.content);
    expect(body).toContain('\\\\#7 Ring til \\\\*\\\\*Tanja\\\\*\\\\* — Bo Berg — Wednesday 1 April 2026 (overdue)');
    expect(body).toContain('\\\\#8 Plan — no due date');
    expect(JSON.stringify(buildDigestMessage([], 'da', '2026-04-06').attachments)).toContain('Der er ingen åbne opgaver.');
  });
});

describe('conversationEventOf', () => {
  const base = {
    serviceUrl: 'http://127.0.0.1:1/',
    channelId: 'msteams',
    conversation: { id: 'a:1', conversationType: 'personal' },
    from: { id: '29:u' },
    recipient: { id: '28:bot' },
  };
  it.each([
    [{ type: 'message' }, 'activity'],
    [{ type: 'installationUpdate', action: 'add' }, 'installed'],
    [{ type: 'installationUpdate', action: 'remove' }, 'uninstalled'],
    [{ type: 'conversationUpdate', membersAdded: [{ id: '28:bot' }] }, 'installed'],
    [{ type: 'conversationUpdate', membersRemoved: [{ id: '28:bot' }] }, 'uninstalled'],
    [{ type: 'conversationUpdate', membersRemoved: [{ id: '29:other' }] }, 'activity'],
  ])('reads %j as %s', (extra, kind) => {
    expect(conversationEventOf({ ...base, ...extra } as never)?.kind).toBe(kind);
  });
  it('ignores activities without a conversation or service URL', () => {
    expect(conversationEventOf({ ...base, serviceUrl: undefined } as never)).toBeUndefined();
  });
});
