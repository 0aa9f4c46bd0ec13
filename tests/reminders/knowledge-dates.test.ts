/**
 * Deadline reminders over the knowledge model's dated items (issue 17): every deadline kind, periods at their
 * first day with their last day shown, seminars, start dates, events, and meetings dated day by day; not
 * meetings that recur by rule. Run on kb-hvidmose (an annual calendar and a reorganisation) with a fake clock
 * that steps through the year, and checked against `frister`, which must list exactly what is reminded.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { loadKnowledgeOrThrow } from '../../src/knowledge/load-knowledge.js';
import { DateKindSchema, type DateKind } from '../../src/knowledge/schemas.js';
import type { ConversationRef } from '../../src/messaging/conversation-ref.js';
import { createConversationStore, emptyConversationState } from '../../src/messaging/conversation-store.js';
import type { OutboundMessage } from '../../src/messaging/message.js';
import { createNotifier } from '../../src/messaging/notifier.js';
import { createOutbox, emptyOutboxState } from '../../src/messaging/outbox.js';
import { collectUpcomingDeadlines } from '../../src/reminders/deadlines.js';
import { REMINDED_DATE_KINDS, remindedKnowledgeDates } from '../../src/reminders/knowledge-dates.js';
import { silentLogger } from '../../src/reminders/logger.js';
import { createReminderService, type ReminderMessages } from '../../src/reminders/reminder-service.js';
import { firstRunAtOrAfter } from '../../src/reminders/scheduler.js';
import { createMemoryState } from '../../src/reminders/state.js';
import { createSubscriptions, emptySubscriptionState } from '../../src/reminders/subscriptions.js';

/** The kinds that record what happened (or say nothing about what is due): never reminded, by decision. */
const NOT_REMINDED: readonly DateKind[] = ['evaluation', 'status', 'established', 'other'];

const messages: ReminderMessages = {
  reminder: (r, lang): OutboundMessage => ({ text: `${r.item.title[lang]}|${r.item.date}${r.item.end ? `..${r.item.end}` : ''}|${r.daysLeft}` }),
  digest: (): OutboundMessage => ({ text: 'digest' }),
};

const anne: ConversationRef = {
  serviceUrl: 'http://127.0.0.1:1/',
  channelId: 'msteams',
  conversation: { id: 'a:29:anne', conversationType: 'personal' },
  bot: { id: '28:bot' },
  user: { id: '29:anne', name: 'Anne Holm' },
};

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await loadKnowledgeOrThrow('tests/fixtures/kb-hvidmose');
});

describe('which knowledge-base dates are reminded', () => {
  it('decides every date kind of the schema: reminded, or in the list of kinds that are not', () => {
    for (const kind of DateKindSchema.options) expect(REMINDED_DATE_KINDS.has(kind) !== NOT_REMINDED.includes(kind), kind).toBe(true);
  });

  it('covers the deadlines, periods, seminar, start, event and dated meetings of an annual calendar', () => {
    const ids = remindedKnowledgeDates(kb).map((d) => d.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'hvm-frist-budgetoensker-2028',
        'hvm-frist-halvaarsopfoelgning',
        'hvm-frist-endeligt-budget-2028',
        'hvm-frist-tilmelding-seminar',
        'hvm-periode-mus-husledere',
        'hvm-periode-tilsyn',
        'hvm-ledelsesseminar',
        'hvm-start-kvarterer',
        'hvm-naeste-udvalgsmoede',
        'hvm-dialogmoede-udvalget@2027-03-16',
        'hvm-dialogmoede-udvalget@2027-09-21',
      ]),
    );
    // Meetings that recur by rule are routine: not one of their days is reminded.
    for (const meeting of kb.data.meetings.filter((m) => m.recurrence?.rrule)) expect(ids.some((id) => id.startsWith(`${meeting.id}@`)), meeting.id).toBe(false);
    // Every date entry of a reminded kind stated to the day is in, and nothing else.
    const entries = kb.data.dates.filter((d) => REMINDED_DATE_KINDS.has(d.kind) && d.precision === 'day').map((d) => d.id);
    expect(ids.filter((id) => !id.includes('@')).sort()).toEqual(entries.sort());
  });

  it('gives a period its first and last day', () => {
    const mus = remindedKnowledgeDates(kb).find((d) => d.id === 'hvm-periode-mus-souschefer');
    expect(mus).toMatchObject({ date: '2027-10-01', end: '2027-11-15' });
    expect(mus?.title.da).toMatch(/^MUS for souschefer/);
    expect(mus?.document?.da).toMatch(/årshjul/i);
    // Only the deadline kinds are deadlines; a period, a seminar and a meeting are days something happens.
    const byId = new Map(remindedKnowledgeDates(kb).map((d) => [d.id, d]));
    expect(byId.get('hvm-frist-budgetoensker-2028')?.deadline).toBe(true);
    expect(byId.get('hvm-frist-tilmelding-seminar')?.deadline).toBe(true);
    expect(mus?.deadline).toBe(false);
    expect(byId.get('hvm-ledelsesseminar')?.deadline).toBe(false);
    expect(byId.get('hvm-dialogmoede-udvalget@2027-09-21')?.deadline).toBe(false);
  });

  it('"frister" lists exactly what is reminded from today on', async () => {
    const today = '2027-03-01';
    const listed = await collectUpcomingDeadlines({ knowledge: kb }, today, 100);
    const reminded = remindedKnowledgeDates(kb, today);
    expect(listed.map((d) => [d.date, d.end, d.title.da])).toEqual(reminded.map((d) => [d.date, d.end, d.title.da]));
    expect(listed.map((d) => d.title.da)).toContain('Dialogmøde med Udvalget for Børn og Læring');
    expect(listed.map((d) => d.title.da).some((title) => /^Ledermøde|^Kvartermøde/.test(title))).toBe(false);
  });
});

describe('reminding a subscriber through the year (fake clock)', () => {
  it('sends each reminded item at its lead days, a period before its first day, and no rule-based meeting', async () => {
    const clock = { now: new Date('2026-12-01T07:00:00Z') };
    const now = () => clock.now;
    const sent: string[] = [];
    const conversations = createConversationStore({ store: createMemoryState(emptyConversationState()), now });
    const subscriptions = createSubscriptions({ store: createMemoryState(emptySubscriptionState()), now });
    const outbox = createOutbox({
      store: createMemoryState(emptyOutboxState()),
      logger: silentLogger,
      now,
      channel: { send: async (_ref, msg) => (sent.push(msg.text ?? ''), { ok: true }) },
    });
    const service = createReminderService({
      now,
      leadDays: [7, 1],
      graceMs: 24 * 3_600_000,
      firstRunAtOrAfter: firstRunAtOrAfter('0 8 * * *'),
      kb,
      subscriptions,
      notifier: createNotifier({ conversations, outbox }),
      messages,
      logger: silentLogger,
    });
    const { key } = await conversations.remember(anne);
    await subscriptions.subscribe('reminders', key, 'da');

    // Every day at 08:00 Copenhagen time (07:00 or 06:00 UTC), from December 2026 to the end of 2027.
    for (let day = Date.UTC(2026, 11, 1); day <= Date.UTC(2027, 11, 31); day += 86_400_000) {
      for (const hourUtc of [6, 7]) {
        clock.now = new Date(day + hourUtc * 3_600_000 + 60_000);
        await service.runReminders();
      }
      await outbox.deliverDue();
    }

    // A week and a day before each item, once.
    const of = (prefix: string) => sent.filter((s) => s.startsWith(prefix)).map((s) => s.split('|').slice(1).join('|'));
    expect(of('Budgetønsker for 2028')).toEqual(['2027-04-09|7', '2027-04-09|1']);
    expect(of('Halvårsopfølgning')).toEqual(['2027-08-16|7', '2027-08-16|1']);
    expect(of('Tilmelding til ledelsesseminaret')).toEqual(['2027-09-01|7', '2027-09-01|1']);
    expect(of('MUS for souschefer')).toEqual(['2027-10-01..2027-11-15|7', '2027-10-01..2027-11-15|1']);
    expect(of('Sommerferielukning')).toEqual(['2027-07-19..2027-07-30|7', '2027-07-19..2027-07-30|1']);
    expect(of('Ledelsesseminar')).toEqual(['2027-10-07..2027-10-08|7', '2027-10-07..2027-10-08|1']);
    expect(of('Dialogmøde med Udvalget')).toEqual(['2027-03-16|7', '2027-03-16|1', '2027-09-21|7', '2027-09-21|1']);
    expect(of('Kvartererne træder i kraft')).toEqual(['2027-08-01|7', '2027-08-01|1']);
    // Meetings by rule (Ledermøde, Kvartermøde, the strategic group's Monday meeting) never.
    for (const meeting of kb.data.meetings.filter((m) => m.recurrence?.rrule)) expect(sent.filter((s) => s.startsWith(meeting.name))).toEqual([]);
    // Two reminders for every reminded item whose first reminder falls in the year walked (from 8 December 2026 on), and nothing else.
    expect(sent).toHaveLength(2 * remindedKnowledgeDates(kb, '2026-12-08').length);
  });
});
