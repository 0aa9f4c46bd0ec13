import { describe, expect, it } from 'vitest';
import { createKnowledgeBase, emptyKnowledgeData } from '../../src/knowledge/knowledge-base.js';
import type { ConversationRef } from '../../src/messaging/conversation-ref.js';
import { createConversationStore, emptyConversationState } from '../../src/messaging/conversation-store.js';
import { createDeadlineStore, emptyDeadlineState } from '../../src/reminders/deadlines.js';
import { silentLogger } from '../../src/reminders/logger.js';
import type { OutboundMessage } from '../../src/messaging/message.js';
import { createNotifier } from '../../src/messaging/notifier.js';
import { createOutbox, emptyOutboxState } from '../../src/messaging/outbox.js';
import { createReminderService, type ReminderMessages, type ReminderTask } from '../../src/reminders/reminder-service.js';
import { firstRunAtOrAfter } from '../../src/reminders/scheduler.js';
import { createMemoryState } from '../../src/reminders/state.js';
import { createSubscriptions, emptySubscriptionState } from '../../src/reminders/subscriptions.js';

const personal = (userId: string, name: string): ConversationRef => ({
  serviceUrl: 'http://127.0.0.1:1/',
  channelId: 'msteams',
  conversation: { id: `a:${userId}`, conversationType: 'personal' },
  bot: { id: '28:bot' },
  user: { id: userId, name },
});

const messages: ReminderMessages = {
  reminder: (r, lang): OutboundMessage => ({ text: `${lang}|${r.item.title[lang]}|${r.item.date}|${r.daysLeft}` }),
  digest: (tasks, lang, today): OutboundMessage => ({ text: `${lang}|${today}|${tasks.map((t) => t.number).join(',')}` }),
};

function kb() {
  const data = emptyKnowledgeData();
  data.postings.push({
    id: 'posting-leder',
    name: 'Pædagogisk leder til Solstrålen',
    names: [],
    labelEn: 'Pedagogical leader for Solstrålen',
    namesEn: [],
    role: 'role-leder',
    requirements: [],
    offers: [],
    conditions: [],
    contacts: [],
    source: { doc: 'doc.txt', quote: 'quote' },
  });
  const date = (id: string, d: string, kind: 'application-deadline' | 'status') => ({
    id,
    date: d,
    precision: 'day' as const,
    kind,
    about: 'posting-leder',
    label: { da: 'Ansøgningsfrist', en: 'Application deadline' },
    source: { doc: 'doc.txt', quote: 'quote' },
  });
  data.dates.push(date('frist-leder', '2026-04-17', 'application-deadline'), date('status-x', '2026-04-11', 'status'));
  return createKnowledgeBase(data);
}

/** All state of one "process"; `states` survive a restart, the rest is rebuilt. */
function boot(states: ReturnType<typeof freshStates>, clock: { now: Date }, tasks: ReminderTask[]) {
  const now = () => clock.now;
  const sent: string[] = [];
  const conversations = createConversationStore({ store: states.conversations, now });
  const subscriptions = createSubscriptions({ store: states.subscriptions, now });
  const deadlines = createDeadlineStore({ store: states.deadlines, now });
  const outbox = createOutbox({
    store: states.outbox,
    logger: silentLogger,
    now,
    channel: { send: async (ref, msg) => (sent.push(`${ref.user?.id}|${msg.text}`), { ok: true }) },
  });
  const service = createReminderService({
    now,
    leadDays: [7, 1, 0],
    graceMs: 24 * 3_600_000,
    firstRunAtOrAfter: firstRunAtOrAfter('0 8 * * 1-5'),
    kb: kb(),
    deadlines,
    tasks: { openTasks: async () => tasks.filter((t) => t.status === 'open') },
    subscriptions,
    notifier: createNotifier({ conversations, outbox }),
    messages,
    logger: silentLogger,
  });
  return { service, outbox, sent, conversations, subscriptions, deadlines };
}

const freshStates = () => ({
  conversations: createMemoryState(emptyConversationState()),
  subscriptions: createMemoryState(emptySubscriptionState()),
  deadlines: createMemoryState(emptyDeadlineState()),
  outbox: createMemoryState(emptyOutboxState()),
});

describe('createReminderService', () => {
  it('reminds subscribers of deadlines and owners of their tasks, once, across a restart', async () => {
    const states = freshStates();
    const clock = { now: new Date('2026-04-09T10:00:00Z') }; // Thursday 9 April, 12:00
    const tasks: ReminderTask[] = [
      { number: 1, title: 'Ring til Tanja', owner: { name: 'Bo Berg' }, due: '2026-04-10', status: 'open', createdBy: { id: '29:anne', name: 'Anne Holm' } },
      { number: 2, title: 'Send referat', owner: { id: 'kb-person-x', name: 'Ukendt Person' }, due: '2026-04-10', status: 'open', createdBy: { id: '29:anne', name: 'Anne Holm' } },
      { number: 3, title: 'Færdig opgave', owner: { name: 'Bo Berg' }, due: '2026-04-10', status: 'done', createdBy: { id: '29:anne', name: 'Anne Holm' } },
      { number: 4, title: 'Uden dato', owner: { name: 'Bo Berg' }, status: 'open', createdBy: { id: '29:anne', name: 'Anne Holm' } },
    ];
    const first = boot(states, clock, tasks);
    await first.conversations.remember(personal('29:anne', 'Anne Holm'));
    await first.conversations.remember(personal('29:bo', 'Bo Berg'));
    await first.subscriptions.subscribe('reminders', 'user:29:anne', 'da');
    await first.deadlines.add({ title: 'Budgetopfølgning', date: '2026-04-10', createdBy: '29:anne' });

    // Thursday 08:00 was lead 1 for Friday's items: task 1 to its owner, task 2 (owner unknown) to its creator.
    expect((await first.service.runReminders()).enqueued).toBe(3);
    expect((await first.service.runReminders()).enqueued).toBe(0);
    await first.outbox.deliverDue();
    expect(first.sent.sort()).toEqual([
      '29:anne|da|Budgetopfølgning|2026-04-10|1',
      '29:anne|da|Send referat|2026-04-10|1',
      '29:bo|da|Ring til Tanja|2026-04-10|1',
    ]);

    // Restart; Friday 10 April 08:00: the day itself, and lead 7 for the application deadline on the 17th.
    clock.now = new Date('2026-04-10T06:00:00Z');
    const second = boot(states, clock, tasks);
    expect((await second.service.runReminders()).enqueued).toBe(4);
    await second.outbox.deliverDue();
    expect(second.sent.sort()).toEqual([
      '29:anne|da|Ansøgningsfrist: Pædagogisk leder til Solstrålen|2026-04-17|7',
      '29:anne|da|Budgetopfølgning|2026-04-10|0',
      '29:anne|da|Send referat|2026-04-10|0',
      '29:bo|da|Ring til Tanja|2026-04-10|0',
    ]);

    // Another restart a few seconds later sends nothing again.
    clock.now = new Date('2026-04-10T06:00:05Z');
    const third = boot(states, clock, tasks);
    expect((await third.service.runReminders()).enqueued).toBe(0);

    // Down from Wednesday evening until Thursday 16 April 09:00: Thursday's 08:00 run is caught up, once.
    clock.now = new Date('2026-04-16T07:00:00Z');
    const fourth = boot(states, clock, tasks);
    expect((await fourth.service.runReminders()).enqueued).toBe(1);
    expect((await fourth.service.runReminders()).enqueued).toBe(0);
    await fourth.outbox.deliverDue();
    expect(fourth.sent).toEqual(['29:anne|da|Ansøgningsfrist: Pædagogisk leder til Solstrålen|2026-04-17|1']);
  });

  it('skips recipients the bot cannot reach', async () => {
    const states = freshStates();
    const clock = { now: new Date('2026-04-09T10:00:00Z') };
    const tasks: ReminderTask[] = [{ number: 1, title: 'X', owner: { name: 'Bo' }, due: '2026-04-10', status: 'open', createdBy: { id: '29:nobody' } }];
    const app = boot(states, clock, tasks);
    await app.subscriptions.subscribe('reminders', 'user:29:gone', 'en');
    await app.deadlines.add({ title: 'Budget', date: '2026-04-10', createdBy: '29:anne' });
    expect((await app.service.runReminders()).enqueued).toBe(0);
  });

  it('posts the open tasks, soonest due first, to each subscribed channel once per run', async () => {
    const states = freshStates();
    const clock = { now: new Date('2026-04-13T07:00:00Z') };
    const tasks: ReminderTask[] = [
      { number: 1, title: 'A', due: '2026-04-20', status: 'open', createdBy: { id: '29:anne', name: 'Anne Holm' } },
      { number: 2, title: 'B', status: 'open', createdBy: { id: '29:anne', name: 'Anne Holm' } },
      { number: 3, title: 'C', due: '2026-04-14', status: 'open', createdBy: { id: '29:anne', name: 'Anne Holm' } },
      { number: 4, title: 'D', due: '2026-04-14', status: 'done', createdBy: { id: '29:anne', name: 'Anne Holm' } },
    ];
    const app = boot(states, clock, tasks);
    const ref: ConversationRef = {
      serviceUrl: 'http://127.0.0.1:1/',
      channelId: 'msteams',
      conversation: { id: '19:leaders@thread.tacv2', conversationType: 'channel' },
      bot: { id: '28:bot' },
      user: { id: 'channel' },
    };
    const { key } = await app.conversations.remember(ref);
    await app.subscriptions.subscribe('digest', key, 'en');
    expect((await app.service.runDigest(clock.now)).enqueued).toBe(1);
    expect((await app.service.runDigest(clock.now)).enqueued).toBe(0);
    await app.outbox.deliverDue();
    expect(app.sent).toEqual(['channel|en|2026-04-13|3,1,2']);
    expect((await app.service.digestMessage('da')).text).toBe('da|2026-04-13|3,1,2');
  });
});

describe('TaskSource', () => {
  it('is satisfied by the task store', async () => {
    const { createTaskStore } = await import('../../src/storage/file-task-store.js');
    type Check = ReturnType<typeof createTaskStore> extends import('../../src/reminders/reminder-service.js').TaskSource ? true : false;
    const ok: Check = true;
    expect(ok).toBe(true);
  });
});
