import { describe, expect, it } from 'vitest';
import { renderChange, renderCreated, renderTaskList, renderUsage } from '../../src/tasks/reply.js';
import type { Task } from '../../src/tasks/task.js';
import type { TaskListing } from '../../src/tasks/task-store.js';

const escape = (text: string) => text.replace(/</g, '‹');
const task: Task = {
  number: 3,
  title: 'Følg op på <b>kapacitetsplanen</b>',
  owner: { id: '29:tanja', name: 'Tanja Jensen', source: 'mention' },
  due: '2026-11-27',
  status: 'open',
  createdBy: { id: 'aad-mette', name: 'Mette' },
  createdAt: '2026-11-25T09:00:00.000Z',
  conversationId: 'a:chat',
};

describe('task replies', () => {
  it.each([
    ['da', 'Opgave #3 oprettet: Følg op på ‹b>kapacitetsplanen‹/b>\nAnsvarlig: Tanja Jensen\nFrist: fredag den 27. november 2026'],
    ['en', 'Task #3 created: Følg op på ‹b>kapacitetsplanen‹/b>\nOwner: Tanja Jensen\nDue: Friday 27 November 2026'],
  ] as const)('confirms a new task in %s, escaping the title', (lang, expected) => {
    expect(renderCreated(task, lang, escape)).toBe(expected);
  });

  it.each([
    ['da', 'Frist: ingen'],
    ['en', 'Due: none'],
  ] as const)('says when a task has no due date (%s)', (lang, line) => {
    const { due: _due, ...undated } = task;
    expect(renderCreated(undated, lang, escape).split('\n')[2]).toBe(line);
  });

  it.each([
    ['complete', 'da', { ok: true, task: { ...task, status: 'done' } }, 'Opgave #3 er færdig: Følg op på ‹b>kapacitetsplanen‹/b>'],
    ['complete', 'en', { ok: false, reason: 'not-found', number: 12 }, 'I can\'t find task #12. Type “tasks” to see the list.'],
    ['complete', 'da', { ok: false, reason: 'already-done', number: 3 }, 'Opgave #3 er allerede færdig. Skriv »genåbn 3« for at åbne den igen.'],
    ['reopen', 'en', { ok: false, reason: 'not-done', number: 3 }, 'Task #3 is not done, so there is nothing to reopen.'],
    ['move', 'en', { ok: true, task: { ...task, due: '2026-12-04' } }, 'Task #3 is now due Friday 4 December 2026: Følg op på ‹b>kapacitetsplanen‹/b>'],
    ['assign', 'da', { ok: true, task: { ...task, owner: { name: '<at>Per</at>', source: 'knowledge' } } }, 'Opgave #3 har nu ‹at>Per‹/at> som ansvarlig: Følg op på ‹b>kapacitetsplanen‹/b>'],
  ] as const)('answers %s in %s', (kind, lang, result, expected) => {
    expect(renderChange(kind, result as never, lang, escape)).toBe(expected);
  });

  it('shows the right form, the problem, and date forms for a bad date', () => {
    expect(renderUsage({ kind: 'usage', command: 'create', lang: 'da', problem: 'bad-date', detail: '<fredagg>' }, escape)).toBe(
      [
        'Jeg kan ikke læse datoen »‹fredagg>«.',
        'Sådan opretter du en opgave: opgave <titel> [@person] [senest <dato>]',
        'Fx: opgave Følg op på kapacitetsplanen @Tanja senest fredag',
        'Datoer kan fx skrives 1. december, 1/12, 2026-12-01, i dag, i morgen, fredag, næste fredag, om 3 dage eller uge 50.',
      ].join('\n'),
    );
    expect(renderUsage({ kind: 'usage', command: 'complete', lang: 'en' }, escape)).toBe('To mark a task as done: done <n>, e.g. done 3');
  });

  it('lists tasks with overdue marked, due today named, and how many more there are', () => {
    const listing: TaskListing = {
      scope: 'open',
      today: '2026-11-25',
      total: 4,
      overdue: 1,
      tasks: [
        { ...task, number: 1, title: 'Late', due: '2026-11-20' },
        { ...task, number: 2, title: 'Today', due: '2026-11-25' },
        { ...task, number: 5, title: 'Undated', due: undefined } as Task,
      ],
    };
    expect(renderTaskList(listing, 'da', escape)).toBe(
      [
        'Åbne opgaver (4)',
        '1 opgave har overskredet fristen.',
        '- ⚠ overskredet: #1 Late · Tanja Jensen · frist fredag den 20. november 2026',
        '- #2 Today · Tanja Jensen · frist i dag',
        '- #5 Undated · Tanja Jensen',
        '… og 1 mere. Skriv »alle opgaver« eller se den fulde liste i kanalen.',
      ].join('\n'),
    );
    expect(renderTaskList({ ...listing, total: 0, tasks: [] }, 'en', escape)).toBe('There are no open tasks. Create one with: task <title> [@person] [due <date>]');
  });
});
