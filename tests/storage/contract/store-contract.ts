/**
 * The store contract: what every backend's stores must do, run against each backend by
 * `stores.files.test.ts` (lowdb files) and `stores.pg.test.ts` (PostgreSQL). Nothing here knows which one runs.
 */
import { describe, expect, it } from 'vitest';
import type { ConversationRef } from '../../../src/messaging/index.js';
import type { BotStores } from '../../../src/storage/stores.js';
import type { NewTask } from '../../../src/tasks/task-store.js';
import type { TaskOwner } from '../../../src/tasks/task.js';

/** The stores a contract test uses: reopenable (a restart), closable. */
export type ContractStores = Pick<BotStores, 'tasks' | 'deadlines' | 'subscriptions' | 'conversations' | 'greeted' | 'feedTokens' | 'chartLinks' | 'gaps' | 'feedback' | 'answered'>;

/** A backend under test: fresh, empty stores per call; `reopen` opens the same data again (a restart). */
export interface ContractBackend {
  open(now: () => Date): Promise<{ readonly stores: ContractStores; reopen(now: () => Date): Promise<ContractStores>; close(): Promise<void> }>;
}

const METTE = { id: 'aad-mette', name: 'Mette Leder' };
const TANJA: TaskOwner = { id: '29:tanja', name: 'Tanja Jensen', source: 'mention' };
const newTask = (title: string, extra: Partial<NewTask> = {}): NewTask => ({ title, createdBy: METTE, creatorTeamsId: '29:mette', conversationId: 'a:chat', ...extra });

const personal = (userId: string, name?: string, aadObjectId?: string): ConversationRef => ({
  serviceUrl: 'http://127.0.0.1:1/',
  channelId: 'msteams',
  conversation: { id: `a:${userId}`, conversationType: 'personal', tenantId: 't' },
  bot: { id: '28:bot' },
  user: { id: userId, ...(name !== undefined && { name }), ...(aadObjectId !== undefined && { aadObjectId }) },
});
const channel = (id: string): ConversationRef => ({
  serviceUrl: 'http://127.0.0.1:1/',
  channelId: 'msteams',
  conversation: { id, conversationType: 'channel', isGroup: true },
  bot: { id: '28:bot' },
});

function clock(start: string) {
  let at = new Date(start);
  return {
    now: () => at,
    set(iso: string) {
      at = new Date(iso);
    },
  };
}

/** Registers the contract's tests for one backend. */
export function describeStoreContract(backendName: string, backend: ContractBackend): void {
  async function withStores(start: string, fn: (stores: ContractStores, c: ReturnType<typeof clock>, reopen: () => Promise<ContractStores>) => Promise<void>) {
    const c = clock(start);
    const opened = await backend.open(c.now);
    try {
      await fn(opened.stores, c, () => opened.reopen(c.now));
    } finally {
      await opened.close();
    }
  }

  describe(`task store (${backendName})`, () => {
    it('numbers tasks #1, #2, … and makes the creator the owner by default', () =>
      withStores('2026-11-25T09:00:00Z', async ({ tasks }) => {
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
        expect(await tasks.get(2)).toEqual(second.task);
        expect(await tasks.get(3)).toBeUndefined();
      }));

    it('never reuses a number, and keeps every task across a restart', () =>
      withStores('2026-11-25T09:00:00Z', async ({ tasks }, _c, reopen) => {
        await tasks.create(newTask('a'));
        await tasks.create(newTask('b', { due: '2026-12-01' }));
        await tasks.complete(1, METTE);
        const again = (await reopen()).tasks;
        expect((await again.create(newTask('c'))).task.number).toBe(3);
        expect((await again.get(1))?.status).toBe('done');
        expect((await again.get(2))?.due).toBe('2026-12-01');
      }));

    it('hands out distinct numbers to concurrent creates', () =>
      withStores('2026-11-25T09:00:00Z', async ({ tasks }) => {
        const created = await Promise.all(Array.from({ length: 25 }, (_, i) => tasks.create(newTask(`t${i}`))));
        expect(created.map((r) => r.task.number).sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
      }));

    it('completes, reopens, moves and assigns, answering why not when it cannot', () =>
      withStores('2026-11-25T09:00:00Z', async ({ tasks }, c) => {
        await tasks.create(newTask('Budget', { due: '2026-11-30' }));
        c.set('2026-11-26T10:00:00Z');
        const done = await tasks.complete(1, METTE);
        expect(done).toMatchObject({ ok: true, task: { status: 'done', completedBy: METTE, completedAt: '2026-11-26T10:00:00.000Z' }, previous: { status: 'open' } });
        expect(await tasks.complete(1, METTE)).toMatchObject({ ok: false, reason: 'already-done', number: 1 });
        expect(await tasks.move(1, '2026-12-05')).toMatchObject({ ok: false, reason: 'already-done' });
        expect(await tasks.assign(1, TANJA)).toMatchObject({ ok: false, reason: 'already-done' });
        const reopened = await tasks.reopen(1);
        expect(reopened.ok && reopened.task).toEqual(expect.not.objectContaining({ completedBy: expect.anything() }));
        expect(await tasks.reopen(1)).toMatchObject({ ok: false, reason: 'not-done' });
        expect(await tasks.move(1, '2026-12-05')).toMatchObject({ ok: true, task: { due: '2026-12-05' }, previous: { due: '2026-11-30' } });
        const undated = await tasks.move(1, undefined);
        expect(undated.ok && 'due' in undated.task).toBe(false);
        expect(await tasks.assign(1, TANJA)).toMatchObject({ ok: true, task: { owner: TANJA } });
        expect(await tasks.complete(9, METTE)).toEqual({ ok: false, reason: 'not-found', number: 9 });
        expect(await tasks.get(1)).toMatchObject({ status: 'open', owner: TANJA });
      }));

    it('lists open tasks overdue first, then by due date, undated last; counts overdue against today in Copenhagen', () =>
      withStores('2026-11-25T09:00:00Z', async ({ tasks }) => {
        await tasks.create(newTask('undated'));
        await tasks.create(newTask('later', { due: '2026-12-10' }));
        await tasks.create(newTask('overdue', { due: '2026-11-20' }));
        await tasks.create(newTask('soon', { due: '2026-11-26' }));
        await tasks.create(newTask('finished', { due: '2026-11-01' }));
        await tasks.complete(5, METTE);
        const listing = await tasks.list('open');
        expect(listing.tasks.map((t) => t.title)).toEqual(['overdue', 'soon', 'later', 'undated']);
        expect(listing).toMatchObject({ scope: 'open', total: 4, overdue: 1, today: '2026-11-25' });
        expect((await tasks.list('open', { limit: 2 })).tasks.map((t) => t.number)).toEqual([3, 4]);
        expect((await tasks.openTasks()).map((t) => t.title)).toEqual(['overdue', 'soon', 'later', 'undated']);
      }));

    it('lists all tasks by latest activity, done ones too, with totals beyond the limit', () =>
      withStores('2026-11-25T09:00:00Z', async ({ tasks }, c) => {
        await tasks.create(newTask('oldest'));
        c.set('2026-11-25T10:00:00Z');
        await tasks.create(newTask('middle', { due: '2026-11-01' }));
        c.set('2026-11-25T11:00:00Z');
        await tasks.create(newTask('newest'));
        c.set('2026-11-25T12:00:00Z');
        await tasks.complete(1, METTE);
        const all = await tasks.list('all');
        expect(all.tasks.map((t) => t.title)).toEqual(['oldest', 'newest', 'middle']);
        expect(all).toMatchObject({ total: 3, overdue: 1 });
        expect(await tasks.list('all', { limit: 1 })).toMatchObject({ total: 3, overdue: 1, tasks: [{ title: 'oldest' }] });
      }));

    it("lists a viewer's own tasks by Teams id, Entra id, or a knowledge-base owner's name", () =>
      withStores('2026-11-25T09:00:00Z', async ({ tasks }) => {
        await tasks.create(newTask('mine by mention', { owner: { id: '29:anne', name: 'Anne', source: 'mention' } }));
        await tasks.create(newTask('mine by aad', { owner: { id: 'aad-anne', name: 'Anne', source: 'mention' } }));
        await tasks.create(newTask('mine by name', { owner: { id: 'kb-anne', name: 'anne holm', source: 'knowledge' } }));
        await tasks.create(newTask('not mine', { owner: TANJA }));
        const viewer = { id: '29:anne', aadObjectId: 'aad-anne', name: 'Anne Holm' };
        expect((await tasks.list('mine', { viewer })).tasks.map((t) => t.title)).toEqual(['mine by mention', 'mine by aad', 'mine by name']);
        expect((await tasks.list('mine')).total).toBe(0);
      }));
  });

  describe(`conversation store (${backendName})`, () => {
    it('remembers a reference once (the channel, not the thread) and keeps it across a restart', () =>
      withStores('2026-04-10T10:00:00Z', async ({ conversations }, _c, reopen) => {
        expect(await conversations.remember(personal('29:anne', 'Anne Holm', 'aad-anne'))).toEqual({ key: 'user:29:anne', changed: true });
        expect(await conversations.remember(personal('29:anne', 'Anne Holm', 'aad-anne'))).toEqual({ key: 'user:29:anne', changed: false });
        expect(await conversations.remember(personal('29:anne', 'Anne B. Holm', 'aad-anne'))).toEqual({ key: 'user:29:anne', changed: true });
        await conversations.remember(channel('19:leaders@thread.tacv2;messageid=99'));
        const again = (await reopen()).conversations;
        expect((await again.list()).map((c) => c.key).sort()).toEqual(['channel:19:leaders@thread.tacv2', 'user:29:anne']);
        expect((await again.list('channel')).map((c) => c.key)).toEqual(['channel:19:leaders@thread.tacv2']);
        expect(await again.get('channel:19:leaders@thread.tacv2')).toMatchObject({
          key: 'channel:19:leaders@thread.tacv2',
          kind: 'channel',
          ref: { conversation: { id: '19:leaders@thread.tacv2' } },
          updatedAt: '2026-04-10T10:00:00.000Z',
        });
        expect(await again.get('user:29:nobody')).toBeUndefined();
      }));

    it('finds a user by id, Entra object id or unique display name', () =>
      withStores('2026-04-10T10:00:00Z', async ({ conversations }) => {
        await conversations.remember(personal('29:anne', 'Anne Holm', 'aad-anne'));
        await conversations.remember(personal('29:bo', 'Bo Berg'));
        await conversations.remember(personal('29:bo2', 'Bo Berg'));
        expect(await conversations.findUser('29:anne')).toBe('user:29:anne');
        expect(await conversations.findUser('AAD-ANNE')).toBe('user:29:anne');
        expect(await conversations.findUser('anne holm')).toBe('user:29:anne');
        expect(await conversations.findUser('Bo Berg')).toBeUndefined();
        expect(await conversations.findUser('Carl')).toBeUndefined();
        expect(await conversations.findUser('  ')).toBeUndefined();
      }));

    it('forgets a conversation on uninstall, and a key', () =>
      withStores('2026-04-10T10:00:00Z', async ({ conversations }) => {
        await conversations.remember(personal('29:anne'));
        await conversations.remember(channel('19:leaders@thread.tacv2'));
        expect(await conversations.forgetConversation('19:leaders@thread.tacv2;messageid=5')).toEqual(['channel:19:leaders@thread.tacv2']);
        expect(await conversations.forgetConversation('19:other@thread.tacv2')).toEqual([]);
        expect(await conversations.forget('user:29:anne')).toBe(true);
        expect(await conversations.forget('user:29:anne')).toBe(false);
        expect(await conversations.list()).toEqual([]);
      }));
  });

  describe(`subscriptions (${backendName})`, () => {
    it('subscribes and unsubscribes per topic, keeping the first time and the latest language', () =>
      withStores('2026-04-10T10:00:00Z', async ({ subscriptions }, c, reopen) => {
        expect(await subscriptions.subscribe('reminders', 'user:29:anne', 'da')).toBe('subscribed');
        c.set('2026-04-11T10:00:00Z');
        expect(await subscriptions.subscribe('reminders', 'user:29:anne', 'da')).toBe('already-subscribed');
        expect(await subscriptions.subscribe('reminders', 'user:29:anne', 'en')).toBe('already-subscribed');
        await subscriptions.subscribe('digest', 'channel:19:x', 'da');
        const again = (await reopen()).subscriptions;
        expect(await again.list('reminders')).toEqual([{ key: 'user:29:anne', lang: 'en', since: '2026-04-10T10:00:00.000Z' }]);
        expect(await again.isSubscribed('digest', 'user:29:anne')).toBe(false);
        expect(await again.isSubscribed('digest', 'channel:19:x')).toBe(true);
        expect(await again.unsubscribe('reminders', 'user:29:anne')).toBe('unsubscribed');
        expect(await again.unsubscribe('reminders', 'user:29:anne')).toBe('not-subscribed');
        expect(await again.list('reminders')).toEqual([]);
      }));
  });

  describe(`deadline store (${backendName})`, () => {
    it('adds deadlines once, lists upcoming ones soonest first, and serves them as a list', () =>
      withStores('2026-04-10T10:00:00Z', async ({ deadlines }, c, reopen) => {
        const base = { createdBy: '29:anne' };
        const first = await deadlines.add({ ...base, title: 'Budgetopfølgning', date: '2026-05-15', createdByName: 'Anne', conversationId: 'a:1' });
        expect(first).toEqual({
          kind: 'added',
          deadline: { id: 'frist-1', title: 'Budgetopfølgning', date: '2026-05-15', createdBy: '29:anne', createdByName: 'Anne', conversationId: 'a:1', createdAt: '2026-04-10T10:00:00.000Z' },
        });
        expect(await deadlines.add({ ...base, title: '  budgetopfølgning ', date: '2026-05-15' })).toEqual({ kind: 'exists', deadline: first.deadline });
        expect((await deadlines.add({ ...base, title: 'Budgetopfølgning', date: '2026-05-16' })).kind).toBe('added');
        await deadlines.add({ ...base, title: 'Kvalitetsrapport', date: '2026-04-20' });
        await deadlines.add({ ...base, title: 'Gammel  frist', date: '2026-04-09' });
        const again = (await reopen()).deadlines;
        expect((await again.upcoming()).map((d) => d.title)).toEqual(['Kvalitetsrapport', 'Budgetopfølgning', 'Budgetopfølgning']);
        expect(await again.list()).toEqual([
          { id: 'frist-4', title: 'Gammel frist', date: '2026-04-09' },
          { id: 'frist-3', title: 'Kvalitetsrapport', date: '2026-04-20' },
          { id: 'frist-1', title: 'Budgetopfølgning', date: '2026-05-15' },
          { id: 'frist-2', title: 'Budgetopfølgning', date: '2026-05-16' },
        ]);
        expect((await again.all()).length).toBe(4);
        c.set('2026-04-20T21:59:00Z'); // 23:59 on 20 April in Copenhagen: still today
        expect((await again.upcoming()).map((d) => d.id)).toEqual(['frist-3', 'frist-1', 'frist-2']);
        c.set('2026-04-20T22:00:00Z');
        expect((await again.upcoming()).map((d) => d.id)).toEqual(['frist-1', 'frist-2']);
      }));
  });

  describe(`calendar feed tokens and chart links (${backendName})`, () => {
    it('issues one feed token per leader, finds it after a restart, and a reset retires the old one', () =>
      withStores('2026-04-10T10:00:00Z', async ({ feedTokens }, _c, reopen) => {
        const owner = { key: 'aad-anne', userId: '29:anne', aadObjectId: 'aad-anne', name: 'Anne', lang: 'da' as const };
        const first = await feedTokens.issue(owner);
        expect(first).toMatchObject({ created: true, subscription: { userId: '29:anne', lang: 'da', createdAt: '2026-04-10T10:00:00.000Z' } });
        expect(await feedTokens.issue(owner)).toEqual({ created: false, subscription: first.subscription });
        const again = (await reopen()).feedTokens;
        expect(await again.find(first.subscription.token)).toEqual(first.subscription);
        const reset = await again.reset(owner);
        expect(reset?.token).not.toBe(first.subscription.token);
        expect(await again.find(first.subscription.token)).toBeUndefined();
        expect(await again.find(reset!.token)).toMatchObject({ userId: '29:anne' });
        expect(await again.reset({ ...owner, key: 'aad-nobody' })).toBeUndefined();
      }));

    it('makes chart links that open the same chart after a restart', () =>
      withStores('2026-04-10T10:00:00Z', async ({ chartLinks }, _c, reopen) => {
        const id = await chartLinks.add({ kind: 'municipality', municipality: 'testrup' }, 'en', '2026-04-10');
        const again = (await reopen()).chartLinks;
        expect(await again.find(id)).toEqual({ scope: { kind: 'municipality', municipality: 'testrup' }, lang: 'en', day: '2026-04-10', createdAt: '2026-04-10T10:00:00.000Z' });
        expect(await again.find('A'.repeat(32))).toBeUndefined();
      }));
  });

  describe(`knowledge-gap log and feedback (${backendName})`, () => {
    it('numbers records, updates and keeps them across a restart, and drops the old ones', () =>
      withStores('2026-04-10T10:00:00Z', async ({ gaps, feedback }, _c, reopen) => {
        const old = await gaps.add({ at: '2026-01-01T10:00:00.000Z', question: 'Hvem er chef?', lang: 'da', reason: 'unknown', answer: 'Det ved jeg ikke', status: 'open' });
        const recent = await gaps.add({ at: '2026-04-09T10:00:00.000Z', question: 'Who is in charge?', lang: 'en', reason: 'rated-down', answer: 'x', comment: 'wrong', status: 'open' });
        expect([old.id, recent.id]).toEqual(['gap-1', 'gap-2']);
        expect(await gaps.update('gap-2', { status: 'task', taskNumber: 7 })).toMatchObject({ id: 'gap-2', status: 'task', taskNumber: 7 });
        expect(await gaps.update('gap-9', { status: 'dismissed' })).toBeUndefined();
        expect((await feedback.add({ at: '2026-04-10T10:00:00.000Z', reaction: 'like' })).id).toBe('feedback-1');
        const again = await reopen();
        expect((await again.gaps.list()).map((g) => g.id)).toEqual(['gap-1', 'gap-2']);
        expect(await again.gaps.get('gap-2')).toMatchObject({ comment: 'wrong', status: 'task' });
        expect(await again.gaps.removeOlderThan(new Date('2026-03-01T00:00:00Z'))).toBe(1);
        expect((await again.gaps.add({ at: '2026-04-10T10:00:00.000Z', question: 'q', lang: 'da', reason: 'unknown', answer: 'a', status: 'open' })).id).toBe('gap-3');
        expect(await again.feedback.list()).toEqual([{ id: 'feedback-1', at: '2026-04-10T10:00:00.000Z', reaction: 'like' }]);
      }));
  });

  describe(`answers remembered for feedback (${backendName})`, () => {
    it('finds an answer by message id across a restart, keeps the first for an id, and forgets the old ones', () =>
      withStores('2026-04-10T10:00:00Z', async ({ answered }, _c, reopen) => {
        const entry = { messageId: '1:abc', at: '2026-04-10T10:00:00.000Z', question: 'Hvem er chef?', answer: 'Anna.', lang: 'da' as const };
        await Promise.all([answered.remember(entry), answered.remember({ ...entry, question: 'another' })]);
        await answered.remember({ messageId: '1:old', at: '2026-03-01T10:00:00.000Z', question: 'Old?', answer: 'x', lang: 'en' });
        const again = await reopen();
        expect(await again.answered.find('1:abc')).toEqual(entry);
        expect(await again.answered.find('1:none')).toBeUndefined();
        expect(await again.answered.removeOlderThan(new Date('2026-03-27T10:00:00Z'))).toBe(1);
        expect(await again.answered.find('1:old')).toBeUndefined();
        expect(await again.answered.find('1:abc')).toEqual(entry);
      }));
  });

  describe(`greeted people (${backendName})`, () => {
    it('says first contact once per person, also across a restart and when asked at once', () =>
      withStores('2026-04-10T10:00:00Z', async ({ greeted }, _c, reopen) => {
        const answers = await Promise.all([greeted.firstContact('29:anne'), greeted.firstContact('29:anne'), greeted.firstContact('29:bo')]);
        expect(answers.filter(Boolean)).toHaveLength(2);
        expect(await (await reopen()).greeted.firstContact('29:anne')).toBe(false);
      }));
  });
}
