import { describe, expect, it } from 'vitest';
import { buildTaskCard, buildTaskListCard, TASK_CARD_MAX_TASKS } from '../../../src/teams/cards/task-card.js';
import type { Task, TaskListing } from '../../../src/tasks/index.js';

function task(number: number, extra: Partial<Task> = {}): Task {
  return {
    number,
    title: `Task ${number}`,
    owner: { id: '29:tanja', name: 'Tanja Jensen', source: 'mention' },
    status: 'open',
    createdBy: { id: 'aad-mette', name: 'Mette' },
    createdAt: '2026-11-25T09:00:00.000Z',
    conversationId: 'a:chat',
    ...extra,
  };
}

function listing(tasks: Task[], extra: Partial<TaskListing> = {}): TaskListing {
  return { scope: 'open', tasks, total: tasks.length, overdue: 0, today: '2026-11-25', ...extra };
}

function texts(card: unknown): string[] {
  const found: string[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const v = value as Record<string, unknown>;
      if (v.type === 'TextBlock') found.push(v.text as string);
      Object.values(v).forEach(walk);
    }
  };
  walk(card);
  return found;
}

describe('buildTaskListCard', () => {
  it('gives each open task a Done button and each done task a Reopen button, carrying the view', () => {
    const card = buildTaskListCard(listing([task(1), task(2, { status: 'done', completedBy: { id: 'x', name: 'Per' } })], { scope: 'all' }), 'da', { view: { scope: 'all' } });
    const buttons = JSON.parse(JSON.stringify(card)).body.flatMap((el: any) => (el.type === 'ColumnSet' ? el.columns[1].items[0].actions : []));
    expect(buttons).toEqual([
      { type: 'Action.Execute', title: 'Færdig', verb: 'task.complete', data: { number: 1, lang: 'da', view: { scope: 'all' } } },
      { type: 'Action.Execute', title: 'Genåbn', verb: 'task.reopen', data: { number: 2, lang: 'da', view: { scope: 'all' } } },
    ]);
    expect(texts(card)).toContain('Tanja Jensen · ✓ færdig af Per');
  });

  it('marks overdue tasks and escapes titles and names', () => {
    const card = buildTaskListCard(
      listing([task(1, { title: '**Læs** [her](https://evil.example)', due: '2026-11-20', owner: { name: '<at>Boss</at>', source: 'knowledge' } })], { overdue: 1 }),
      'en',
      { view: { scope: 'open' } },
    );
    expect(texts(card)).toEqual([
      'Open tasks (1)',
      '1 task is overdue.',
      '#1 \\*\\*Læs\\*\\* \\[her\\](https:\u200B//evil.example)',
      '⚠ overdue · <\u200Bat>Boss</\u200Bat> · Due: Friday 20 November 2026',
    ]);
  });

  it(`shows at most ${TASK_CARD_MAX_TASKS} tasks and says how many more there are`, () => {
    const many = Array.from({ length: 30 }, (_, i) => task(i + 1));
    const card = buildTaskListCard(listing(many), 'da', { view: { scope: 'open' } });
    expect(card.body.filter((el) => el.type === 'ColumnSet')).toHaveLength(TASK_CARD_MAX_TASKS);
    expect(texts(card).at(-1)).toMatch(/^… og 5 mere/);
  });

  it('says so when the list is empty, with a notice on top after a click', () => {
    const card = buildTaskListCard(listing([]), 'en', { view: { scope: 'open' }, notice: 'Task #1 is done: Budget' });
    expect(texts(card)).toEqual(['Open tasks (0)', 'Task #1 is done: Budget', 'There are no open tasks. Create one with: task <title> \\[@person\\] \\[due <date>\\]']);
  });
});

describe('buildTaskCard', () => {
  it('shows one task with its button and no view', () => {
    const card = buildTaskCard(task(4, { due: '2026-11-25' }), 'da', '2026-11-25', 'Opgave #4 er åben igen: Task 4');
    expect(texts(card)).toEqual(['Opgave #4 er åben igen: Task 4', '#4 Task 4', 'Tanja Jensen · Frist: i dag']);
    expect(JSON.stringify(card)).toContain('"data":{"number":4,"lang":"da"}');
  });
});
