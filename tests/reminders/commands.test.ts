import { describe, expect, it } from 'vitest';
import { cleanCommandText, parseReminderCommand } from '../../src/reminders/commands.js';

const now = new Date('2026-04-10T10:00:00Z'); // Friday 10 April 2026

describe('parseReminderCommand', () => {
  it.each([
    ['påmind mig', 'subscribe-reminders', 'da'],
    ['Remind me!', 'subscribe-reminders', 'en'],
    ['stop påmindelser', 'unsubscribe-reminders', 'da'],
    ['stop reminders', 'unsubscribe-reminders', 'en'],
    ['<at>Lederbot</at> post opgaver her', 'subscribe-digest', 'da'],
    ['<at>Lederbot</at> post tasks here', 'subscribe-digest', 'en'],
    ['stop opgaver her', 'unsubscribe-digest', 'da'],
    ['Stop tasks here.', 'unsubscribe-digest', 'en'],
    ['frister', 'list-deadlines', 'da'],
    ['deadlines', 'list-deadlines', 'en'],
  ])('reads %j', (text, kind, lang) => {
    expect(parseReminderCommand(text, now)).toEqual({ command: { kind }, lang });
  });

  it.each([
    ['frist Budgetopfølgning 15. maj', 'Budgetopfølgning', '2026-05-15', 'da'],
    ['frist for budgetopfølgning den 15. maj 2026', 'budgetopfølgning', '2026-05-15', 'da'],
    ['frist rapport næste fredag', 'rapport', '2026-04-17', 'da'],
    ['deadline Budget follow-up 15 May', 'Budget follow-up', '2026-05-15', 'en'],
    ['deadline report 3 15/5', 'report 3', '2026-05-15', 'en'],
    ['deadline Q3 report: 2026-09-30', 'Q3 report', '2026-09-30', 'en'],
  ])('reads the deadline in %j', (text, title, date, lang) => {
    expect(parseReminderCommand(text, now)).toEqual({ command: { kind: 'add-deadline', title, date }, lang });
  });

  it('reports a deadline whose date cannot be read, or that has no title', () => {
    expect(parseReminderCommand('frist budget 45. maj', now)).toEqual({
      command: { kind: 'add-deadline-invalid', problem: 'no-date', dateText: '45. maj' },
      lang: 'da',
    });
    expect(parseReminderCommand('deadline 15 May', now)?.command).toMatchObject({ kind: 'add-deadline-invalid', problem: 'no-title' });
  });

  it.each(['frist for ansøgning?', 'frist for ansøgning til pædagogisk leder', 'deadline for proposals to the competence plan 2028', 'frist for budgetbidrag 2028', 'deadline for the 2027 budget', 'hvornår er fristen for budgetopfølgning?', 'hvem er dagtilbudschef'])(
    'leaves %j to the question engine',
    (text) => {
      expect(parseReminderCommand(text, now)).toBeUndefined();
    },
  );
});

describe('cleanCommandText', () => {
  it('removes mentions and markup', () => {
    expect(cleanCommandText('<at>Bot</at>&nbsp; post <b>tasks</b> here ')).toBe('post tasks here');
  });
});
