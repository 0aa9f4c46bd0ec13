import { describe, expect, it } from 'vitest';
import type { ConversationRef } from '../../src/messaging/conversation-ref.js';
import { conversationKey } from '../../src/messaging/conversation-ref.js';
import { createConversationStore, emptyConversationState } from '../../src/messaging/conversation-store.js';
import { createDeadlineStore, emptyDeadlineState } from '../../src/reminders/deadlines.js';
import { createMemoryState } from '../../src/reminders/state.js';
import { createSubscriptions, emptySubscriptionState } from '../../src/reminders/subscriptions.js';

const personal = (userId: string, name?: string, aadObjectId?: string): ConversationRef => ({
  serviceUrl: 'http://127.0.0.1:1/',
  channelId: 'msteams',
  conversation: { id: `a:${userId}`, conversationType: 'personal', tenantId: 't' },
  bot: { id: '28:bot' },
  user: { id: userId, name, aadObjectId },
});

const channel = (id: string): ConversationRef => ({
  serviceUrl: 'http://127.0.0.1:1/',
  channelId: 'msteams',
  conversation: { id, conversationType: 'channel', isGroup: true },
  bot: { id: '28:bot' },
});

describe('conversationKey', () => {
  it('keys personal chats by user and channels by the channel, not the thread', () => {
    expect(conversationKey(personal('29:anne'))).toBe('user:29:anne');
    expect(conversationKey(channel('19:leaders@thread.tacv2;messageid=1712'))).toBe('channel:19:leaders@thread.tacv2');
    expect(conversationKey({ ...channel('19:chat@thread.v2'), conversation: { id: '19:chat@thread.v2', conversationType: 'groupChat' } })).toBe(
      'chat:19:chat@thread.v2',
    );
  });
});

describe('createConversationStore', () => {
  const make = (state = createMemoryState(emptyConversationState())) => ({
    state,
    store: createConversationStore({ store: state, now: () => new Date('2026-04-10T10:00:00Z') }),
  });

  it('remembers a reference once and survives a new store over the same state', async () => {
    const { state, store } = make();
    expect(await store.remember(personal('29:anne', 'Anne Holm', 'aad-anne'))).toEqual({ key: 'user:29:anne', changed: true });
    expect(await store.remember(personal('29:anne', 'Anne Holm', 'aad-anne'))).toEqual({ key: 'user:29:anne', changed: false });
    await store.remember(channel('19:leaders@thread.tacv2;messageid=99'));
    const again = make(state).store;
    expect((await again.list()).map((c) => c.key).sort()).toEqual(['channel:19:leaders@thread.tacv2', 'user:29:anne']);
    expect((await again.get('channel:19:leaders@thread.tacv2'))?.ref.conversation.id).toBe('19:leaders@thread.tacv2');
  });

  it('finds a user by id, AAD object id or unique display name', async () => {
    const { store } = make();
    await store.remember(personal('29:anne', 'Anne Holm', 'aad-anne'));
    await store.remember(personal('29:bo', 'Bo Berg'));
    await store.remember(personal('29:bo2', 'Bo Berg'));
    expect(await store.findUser('29:anne')).toBe('user:29:anne');
    expect(await store.findUser('AAD-ANNE')).toBe('user:29:anne');
    expect(await store.findUser('anne holm')).toBe('user:29:anne');
    expect(await store.findUser('Bo Berg')).toBeUndefined();
    expect(await store.findUser('Carl')).toBeUndefined();
  });

  it('forgets a conversation on uninstall', async () => {
    const { store } = make();
    await store.remember(personal('29:anne'));
    await store.remember(channel('19:leaders@thread.tacv2'));
    expect(await store.forgetConversation('19:leaders@thread.tacv2;messageid=5')).toEqual(['channel:19:leaders@thread.tacv2']);
    expect(await store.forget('user:29:anne')).toBe(true);
    expect(await store.forget('user:29:anne')).toBe(false);
    expect(await store.list()).toEqual([]);
  });
});

describe('createSubscriptions', () => {
  it('subscribes and unsubscribes per topic, keeping the language', async () => {
    const state = createMemoryState(emptySubscriptionState());
    const subs = createSubscriptions({ store: state, now: () => new Date('2026-04-10T10:00:00Z') });
    expect(await subs.subscribe('reminders', 'user:29:anne', 'da')).toBe('subscribed');
    expect(await subs.subscribe('reminders', 'user:29:anne', 'da')).toBe('already-subscribed');
    expect(await subs.subscribe('reminders', 'user:29:anne', 'en')).toBe('already-subscribed');
    expect(await subs.list('reminders')).toEqual([{ key: 'user:29:anne', lang: 'en', since: '2026-04-10T10:00:00.000Z' }]);
    expect(await subs.isSubscribed('digest', 'user:29:anne')).toBe(false);
    expect(await subs.unsubscribe('reminders', 'user:29:anne')).toBe('unsubscribed');
    expect(await subs.unsubscribe('reminders', 'user:29:anne')).toBe('not-subscribed');
  });
});

describe('createDeadlineStore', () => {
  it('adds deadlines once, lists upcoming ones soonest first, and serves them as a DeadlineSource', async () => {
    let now = new Date('2026-04-10T10:00:00Z');
    const state = createMemoryState(emptyDeadlineState());
    const deadlines = createDeadlineStore({ store: state, now: () => now });
    const base = { createdBy: '29:anne' };
    expect((await deadlines.add({ ...base, title: 'Budgetopfølgning', date: '2026-05-15' })).kind).toBe('added');
    expect((await deadlines.add({ ...base, title: '  budgetopfølgning ', date: '2026-05-15' })).kind).toBe('exists');
    await deadlines.add({ ...base, title: 'Kvalitetsrapport', date: '2026-04-20' });
    await deadlines.add({ ...base, title: 'Gammel frist', date: '2026-04-09' });
    expect((await deadlines.upcoming()).map((d) => d.title)).toEqual(['Kvalitetsrapport', 'Budgetopfølgning']);
    expect(await deadlines.list()).toEqual([
      { id: 'frist-3', title: 'Gammel frist', date: '2026-04-09' },
      { id: 'frist-2', title: 'Kvalitetsrapport', date: '2026-04-20' },
      { id: 'frist-1', title: 'Budgetopfølgning', date: '2026-05-15' },
    ]);
    now = new Date('2026-04-20T21:59:00Z'); // 23:59 on 20 April in Copenhagen: still today
    expect((await deadlines.upcoming()).map((d) => d.id)).toEqual(['frist-2', 'frist-1']);
    now = new Date('2026-04-20T22:00:00Z');
    expect((await deadlines.upcoming()).map((d) => d.id)).toEqual(['frist-1']);
  });

  it('sorts once per change: repeated reads share one list, an added deadline is in the next read', async () => {
    const deadlines = createDeadlineStore({ store: createMemoryState(emptyDeadlineState()), now: () => new Date('2026-04-10T10:00:00Z') });
    await deadlines.add({ createdBy: '29:anne', title: 'Budget', date: '2026-05-15' });
    const first = await deadlines.list();
    expect(await deadlines.list()).toBe(first);
    await deadlines.add({ createdBy: '29:anne', title: 'Rapport', date: '2026-04-20' });
    expect((await deadlines.list()).map((d) => d.title)).toEqual(['Rapport', 'Budget']);
  });
});
