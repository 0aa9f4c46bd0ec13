/**
 * The calendar domain: which events a feed holds (days only, from today, periods still running), their UIDs and
 * sources, the iCalendar text (parsed back with ical.js), and the feed tokens (issue once, reset, find).
 */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildCalendarEvents, createFeedTokens, emptyFeedTokenState, renderCalendar } from '../../src/calendar/index.js';
import { createKnowledgeBase, emptyKnowledgeData } from '../../src/knowledge/index.js';
import type { FeedTokenCell, FeedTokenState } from '../../src/calendar/index.js';

/** A token cell in memory: each update applied to a copy, as a durable store would. */
function createMemoryState(initial: FeedTokenState): FeedTokenCell {
  let state = structuredClone(initial);
  return {
    read: () => state,
    async update(fn) {
      const draft = structuredClone(state);
      const result = fn(draft);
      state = draft;
      return result;
    },
  };
}

function knowledge() {
  const data = emptyKnowledgeData();
  const source = { doc: 'opslag.txt', quote: 'Ansøgningsfrist den 1. maj' };
  data.documents.push({ id: 'opslag.txt', title: 'Stillingsopslag', titleEn: 'Job posting', municipality: 'by', kind: 'job-posting' });
  data.municipalities.push({ id: 'by', name: 'By Kommune', names: [], labelEn: 'By Municipality', namesEn: [], figures: [], source });
  const date = (id: string, day: string, extra: Record<string, unknown> = {}) =>
    data.dates.push({ id, date: day, precision: 'day', kind: 'application-deadline', about: 'by', label: { da: 'Frist', en: 'Deadline' }, source, ...extra } as never);
  date('fortid', '2026-03-01');
  date('frist', '2026-05-01');
  date('periode', '2026-03-01', { end: '2026-03-20', kind: 'evaluation' });
  date('maaned', '2026-06-01', { precision: 'month' });
  return createKnowledgeBase(data);
}

const TODAY = '2026-03-10';

describe('buildCalendarEvents', () => {
  it.each([
    ['da', 'Frist: By Kommune', 'Kilde: Stillingsopslag – »Ansøgningsfrist den 1. maj«', 'Opgave #4: Budget'],
    ['en', 'Deadline: By Municipality (By Kommune)', 'Source: Job posting – »Ansøgningsfrist den 1. maj«', 'Task #4: Budget'],
  ] as const)('holds days from today on, periods still running, chat deadlines and due tasks (%s)', (lang, kbSummary, kbSource, taskSummary) => {
    const events = buildCalendarEvents({
      knowledge: knowledge(),
      deadlines: [{ id: 'frist-1', title: 'Kvalitetsrapport', date: '2026-04-01' }, { id: 'frist-2', title: 'Gammel', date: '2026-01-01' }],
      tasks: [{ number: 4, title: 'Budget', due: '2026-03-10' }, { number: 5, title: 'Uden frist' }, { number: 6, title: 'Forsinket', due: '2026-03-09' }],
      today: TODAY,
      lang,
    });
    expect(events.map((e) => e.uid)).toEqual(['kb-periode@dagtilbud-bot', 'task-4@dagtilbud-bot', 'deadline-frist-1@dagtilbud-bot', 'kb-frist@dagtilbud-bot']);
    expect(events[0]).toMatchObject({ date: '2026-03-01', lastDay: '2026-03-20' });
    expect(events[1]!.summary).toBe(taskSummary);
    expect(events[3]).toMatchObject({ summary: kbSummary, description: kbSource });
  });
});

describe('renderCalendar', () => {
  it('writes all-day events that ical.js reads back, a period ending the day after its last day', async () => {
    const text = await renderCalendar(
      [
        { uid: 'a@dagtilbud-bot', date: '2026-03-01', lastDay: '2026-03-20', summary: 'Evaluering; æøå, "citat"', description: 'Kilde: x\nlinje 2' },
        { uid: 'b@dagtilbud-bot', date: '2026-05-01', summary: 'Frist', description: 'Kilde: y' },
      ],
      { lang: 'da', now: new Date('2026-03-10T09:00:00Z') },
    );
    expect(text).toMatch(/\r\n/);
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    const [period, day] = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(period!.startDate.isDate).toBe(true);
    expect([period!.startDate.toString(), period!.endDate.toString()]).toEqual(['2026-03-01', '2026-03-21']);
    expect(period!.summary).toBe('Evaluering; æøå, "citat"');
    expect(period!.description).toBe('Kilde: x\nlinje 2');
    expect([day!.startDate.toString(), day!.endDate.toString()]).toEqual(['2026-05-01', '2026-05-02']);
    expect(calendar.getAllSubcomponents('vevent')[0]!.getFirstPropertyValue('dtstamp')!.toString()).toBe('2026-03-10T09:00:00Z');
  });
});

describe('createFeedTokens', () => {
  const owner = (key: string) => ({ key, userId: `29:${key}`, lang: 'da' as const });

  it('issues one long random token per leader, finds it, and replaces it on reset', async () => {
    const tokens = createFeedTokens({ cell: createMemoryState(emptyFeedTokenState()), now: () => new Date('2026-03-10T09:00:00Z') });
    const a = await tokens.issue(owner('a'));
    const again = await tokens.issue(owner('a'));
    const b = await tokens.issue(owner('b'));
    expect(a.created).toBe(true);
    expect(again).toEqual({ subscription: a.subscription, created: false });
    expect(a.subscription.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(b.subscription.token).not.toBe(a.subscription.token);
    expect((await tokens.find(a.subscription.token))?.userId).toBe('29:a');
    expect((await tokens.find(b.subscription.token))?.userId).toBe('29:b');

    const renewed = await tokens.reset(owner('a'));
    expect(renewed!.token).not.toBe(a.subscription.token);
    expect(await tokens.find(a.subscription.token)).toBeUndefined();
    expect((await tokens.find(renewed!.token))?.userId).toBe('29:a');
    expect(await tokens.reset(owner('c'))).toBeUndefined();
  });

  it('finds nothing for other shapes or near misses', async () => {
    const tokens = createFeedTokens({ cell: createMemoryState(emptyFeedTokenState()), now: () => new Date() });
    const { token } = (await tokens.issue(owner('a'))).subscription;
    for (const guess of ['', token.slice(1), `${token}x`, `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, token.toUpperCase() === token ? token.toLowerCase() : token.toUpperCase()]) {
      expect(await tokens.find(guess)).toBeUndefined();
    }
  });
});
