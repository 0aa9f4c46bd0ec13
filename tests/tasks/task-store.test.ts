import { describe, expect, it } from 'vitest';
import { createMemoryMedia } from '../../src/storage/memory-media.js';
import { createStateStore } from '../../src/storage/state-store.js';
import { emptyTaskState, TaskStateSchema } from '../../src/tasks/task.js';
import type { TaskOwner } from '../../src/tasks/task.js';
import { createTaskStore } from '../../src/storage/file-task-store.js';
import type { NewTask } from '../../src/tasks/task-store.js';

const quiet = { info() {}, warn() {}, error() {} };
const METTE = { id: 'aad-mette', name: 'Mette Leder' };
const TANJA: TaskOwner = { id: '29:tanja', name: 'Tanja Jensen', source: 'mention' };

async function setup(start = '2026-11-25T09:00:00Z') {
  let clock = new Date(start);
  const now = () => clock;
  const media = createMemoryMedia();
  const state = await createStateStore({ name: 'tasks', defaults: emptyTaskState(), schema: TaskStateSchema, logger: quiet, now, ...media });
  const tasks = createTaskStore({ store: state, now });
  return {
    tasks,
    state,
    media,
    advance(ms: number) {
      clock = new Date(clock.getTime() + ms);
    },
  };
}

function newTask(title: string, extra: Partial<NewTask> = {}): NewTask {
  return { title, createdBy: METTE, creatorTeamsId: '29:mette', conversationId: 'a:chat', ...extra };
}

describe('createTaskStore', () => {
  it('numbers tasks #1, #2, … and makes the creator the owner by default', async () => {
    const { tasks } = await setup();
    const first = await tasks.create(newTask('Budget'));
    const second = await tasks.create(newTask('Kapacitetsplan', { owner: TANJA, due: '2026-11-27' }));
    expect(first.task).toEqual({
      number: 1,
      title: 'Budget',
      owner: { id: '29:mette', name: 'Mette Leder', source: 'creator' },
      status: 'open',
      createdBy: METTE,
      createdAt: '2026-11-25T09:00:00.000Z',
      conversationId: 'a:chat',
    });
    expect(second.task).toMatchObject({ number: 2, owner: TANJA, due: '2026-11-27' });
  });

  it('never reuses a number, even across a restart', async () => {
    const { tasks, state, media } = await setup();
    await tasks.create(newTask('a'));
    await tasks.create(newTask('b'));
    await state.close();
    const reopened = createTaskStore({
      store: await createStateStore({ name: 'tasks', defaults: emptyTaskState(), schema: TaskStateSchema, logger: quiet, now: () => new Date(), ...media }),
      now: () => new Date(),
    });
    expect((await reopened.create(newTask('c'))).task.number).toBe(3);
  });

  it('gives 500 concurrent creates 500 distinct numbers', async () => {
    const { tasks } = await setup();
    const created = await Promise.all(Array.from({ length: 500 }, (_, i) => tasks.create(newTask(`Opgave ${i}`))));
    expect(new Set(created.map((c) => c.task.number)).size).toBe(500);
    expect((await tasks.list('all')).total).toBe(500);
  });

  it('completes and reopens, recording who and when', async () => {
    const { tasks, advance } = await setup();
    await tasks.create(newTask('Budget'));
    advance(60_000);
    const done = await tasks.complete(1, { id: 'aad-per', name: 'Per' });
    expect(done).toMatchObject({ ok: true, task: { status: 'done', completedBy: { id: 'aad-per', name: 'Per' }, completedAt: '2026-11-25T09:01:00.000Z' } });
    expect(await tasks.complete(1, METTE)).toMatchObject({ ok: false, reason: 'already-done', number: 1 });
    const reopened = await tasks.reopen(1);
    expect(reopened.ok && reopened.task).toEqual(expect.not.objectContaining({ completedBy: expect.anything() }));
    expect(reopened).toMatchObject({ ok: true, task: { status: 'open' } });
    expect(await tasks.reopen(1)).toMatchObject({ ok: false, reason: 'not-done' });
  });

  it.each([['complete'], ['reopen'], ['move'], ['assign']] as const)('answers not-found when %s names no task', async (kind) => {
    const { tasks } = await setup();
    const result =
      kind === 'complete' ? await tasks.complete(9, METTE) : kind === 'reopen' ? await tasks.reopen(9) : kind === 'move' ? await tasks.move(9, '2026-12-01') : await tasks.assign(9, TANJA);
    expect(result).toEqual({ ok: false, reason: 'not-found', number: 9 });
  });

  it('moves and clears a due date, and assigns, returning the previous version', async () => {
    const { tasks } = await setup();
    await tasks.create(newTask('Budget', { due: '2026-11-27' }));
    expect(await tasks.move(1, '2026-12-04')).toMatchObject({ ok: true, task: { due: '2026-12-04' }, previous: { due: '2026-11-27' } });
    const cleared = await tasks.move(1, undefined);
    expect(cleared.ok && 'due' in cleared.task).toBe(false);
    expect(await tasks.assign(1, TANJA)).toMatchObject({ ok: true, task: { owner: TANJA }, previous: { owner: { source: 'creator' } } });
    await tasks.complete(1, METTE);
    expect(await tasks.move(1, '2026-12-04')).toMatchObject({ ok: false, reason: 'already-done' });
    expect(await tasks.assign(1, TANJA)).toMatchObject({ ok: false, reason: 'already-done' });
  });

  it('lists open tasks overdue first, then by due date, those without one last', async () => {
    const { tasks } = await setup();
    await tasks.create(newTask('no due'));
    await tasks.create(newTask('due next week', { due: '2026-12-02' }));
    await tasks.create(newTask('overdue a little', { due: '2026-11-24' }));
    await tasks.create(newTask('due today', { due: '2026-11-25' }));
    await tasks.create(newTask('overdue a lot', { due: '2026-11-01' }));
    await tasks.create(newTask('done', { due: '2026-11-01' }));
    await tasks.complete(6, METTE);
    const listing = await tasks.list('open');
    expect(listing.tasks.map((t) => t.title)).toEqual(['overdue a lot', 'overdue a little', 'due today', 'due next week', 'no due']);
    expect(listing).toMatchObject({ total: 5, overdue: 2, today: '2026-11-25' });
  });

  it('lists all tasks, done ones too, most recent activity first', async () => {
    const { tasks, advance } = await setup();
    await tasks.create(newTask('oldest'));
    advance(1000);
    await tasks.create(newTask('middle'));
    advance(1000);
    await tasks.create(newTask('newest'));
    advance(1000);
    await tasks.complete(1, METTE);
    expect((await tasks.list('all')).tasks.map((t) => t.title)).toEqual(['oldest', 'newest', 'middle']);
  });

  it('lists my tasks by id, and knowledge-base owners by name', async () => {
    const { tasks } = await setup();
    await tasks.create(newTask('mine by mention', { owner: { id: '29:me', name: 'Me', source: 'mention' } }));
    await tasks.create(newTask('mine by aad', { owner: { id: 'aad-me', name: 'Me', source: 'mention' } }));
    await tasks.create(newTask('mine by name', { owner: { id: 'me-kb', name: 'Tanja Hansen', source: 'knowledge' } }));
    await tasks.create(newTask('not mine', { owner: TANJA }));
    await tasks.create(newTask('same name, but a Teams user', { owner: { id: '29:other', name: 'Tanja Hansen', source: 'mention' } }));
    const viewer = { id: '29:me', aadObjectId: 'aad-me', name: 'tanja hansen' };
    expect((await tasks.list('mine', { viewer })).tasks.map((t) => t.title)).toEqual(['mine by mention', 'mine by aad', 'mine by name']);
  });

  it('limits a list but reports the total', async () => {
    const { tasks } = await setup();
    for (let i = 0; i < 5; i += 1) await tasks.create(newTask(`t${i}`));
    expect(await tasks.list('open', { limit: 2 })).toMatchObject({ total: 5, tasks: [{ number: 1 }, { number: 2 }] });
  });

  it('uses the Copenhagen day for overdue, also just after midnight', async () => {
    // 23:30 UTC on 24 November is 00:30 on 25 November in Copenhagen.
    const { tasks } = await setup('2026-11-24T23:30:00Z');
    await tasks.create(newTask('due yesterday', { due: '2026-11-24' }));
    expect(await tasks.list('open')).toMatchObject({ overdue: 1, today: '2026-11-25' });
  });

  it('offers the open tasks for reminders', async () => {
    const { tasks } = await setup();
    await tasks.create(newTask('open'));
    await tasks.create(newTask('done'));
    await tasks.complete(2, METTE);
    expect((await tasks.openTasks()).map((t) => t.title)).toEqual(['open']);
  });
});
