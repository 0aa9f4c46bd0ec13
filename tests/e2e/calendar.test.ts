/**
 * The calendar feed over the real endpoint: `kalender` / `calendar` in a personal chat gives a leader a private
 * link; GET /calendar/<token>.ics is RFC 5545 (parsed here with ical.js) with the knowledge base's dates, chat
 * deadlines and that leader's open tasks as all-day events with stable UIDs and their sources; `nulstil kalender`
 * / `reset calendar` revokes the link; unknown tokens, other shapes and former leaders get 404.
 */
import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { channelMessage } from '../helpers/activities.js';
import { newUser, openPersonalChat } from '../helpers/personal-chat.js';
import { TEST_DOC } from '../helpers/test-knowledge.js';
import { startTestBot, type TestBot } from '../helpers/test-bot.js';

const NOW = () => new Date('2026-03-10T09:00:00Z');
const LINK = /(https?:\/\/\S+\/calendar\/[A-Za-z0-9_-]{43}\.ics)/;

interface ParsedEvent {
  readonly uid: string;
  readonly start: string;
  readonly end: string;
  readonly isDate: boolean;
  readonly summary: string;
  readonly description: string;
}

async function fetchFeed(url: string): Promise<{ status: number; type: string | null; text: string }> {
  const response = await fetch(url);
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

function parseFeed(text: string): { calendar: ICAL.Component; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      start: event.startDate.toString(),
      end: event.endDate.toString(),
      isDate: event.startDate.isDate,
      summary: event.summary,
      description: event.description,
    };
  });
  return { calendar, events };
}

describe('calendar feed over /api/messages and GET /calendar/<token>.ics', () => {
  let t: TestBot;
  afterEach(async () => t?.close());

  it.each([
    ['da-DK', 'kalender', 'nulstil kalender', 'Dit private kalenderlink', 'Ansøgningsfrist: Pædagogisk leder til Solsikken', TEST_DOC.posting.title, 'Kilde: frist tilføjet i Teams-chatten', 'Opgave #1: Budget'],
    ['en-US', 'calendar', 'reset calendar', 'Your private calendar link', 'Application deadline: pedagogical leader for Solsikken (Pædagogisk leder til Solsikken)', TEST_DOC.posting.titleEn, 'Source: deadline added in the Teams chat', 'Task #1: Budget'],
  ])('gives a leader a private feed of upcoming deadlines (%s)', async (locale, show, reset, intro, kbSummary, docTitle, chatSource, taskSummary) => {
    t = await startTestBot({ now: NOW, env: { PUBLIC_BASE_URL: 'https://bot.example.dk' } });
    const leader = await openPersonalChat(t, newUser(locale));
    const colleague = await openPersonalChat(t, newUser(locale, 'Tanja Jensen'));
    await leader.say('frist Kvalitetsrapport 2026-12-15');
    await leader.say('opgave Budget senest 2026-05-01');
    await colleague.say('opgave Tanjas opgave senest 2026-05-02');

    const reply = await leader.say(show);
    expect(reply.text).toContain(intro);
    const url = LINK.exec(reply.text)![1]!;
    expect(url.startsWith('https://bot.example.dk/calendar/')).toBe(true);
    const local = url.replace('https://bot.example.dk', t.bot.url);

    const feed = await fetchFeed(local);
    expect(feed.status).toBe(200);
    expect(feed.type).toBe('text/calendar; charset=utf-8');
    const { calendar, events } = parseFeed(feed.text);
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('Europe/Copenhagen');
    expect(events.map((e) => e.uid)).toEqual(['kb-testrup-frist-solsikken@dagtilbud-bot', 'task-1@dagtilbud-bot', 'deadline-frist-1@dagtilbud-bot']);
    const [kb, task, deadline] = events;
    expect(kb).toMatchObject({ start: '2026-04-06', end: '2026-04-07', isDate: true, summary: kbSummary });
    expect(kb!.description).toContain(docTitle);
    expect(kb!.description).toContain('Ansøgningsfrist mandag den 6. april 2026');
    expect(task).toMatchObject({ start: '2026-05-01', isDate: true, summary: taskSummary });
    expect(deadline).toMatchObject({ start: '2026-12-15', summary: 'Kvalitetsrapport' });
    expect(deadline!.description).toContain(chatSource);

    // The same link again, and the same UIDs on every fetch: calendars replace, not duplicate.
    expect(LINK.exec((await leader.say(show)).text)![1]).toBe(url);
    expect(parseFeed((await fetchFeed(local)).text).events.map((e) => e.uid)).toEqual(events.map((e) => e.uid));

    // The colleague's own feed has their task and not the leader's.
    const theirs = LINK.exec((await colleague.say(show)).text)![1]!.replace('https://bot.example.dk', t.bot.url);
    expect(theirs).not.toBe(local);
    expect(parseFeed((await fetchFeed(theirs)).text).events.map((e) => e.summary)).toContain(taskSummary.replace(/#1: Budget/, '#2: Tanjas opgave'));

    const renewed = await leader.say(reset);
    const next = LINK.exec(renewed.text)![1]!.replace('https://bot.example.dk', t.bot.url);
    expect(next).not.toBe(local);
    expect((await fetchFeed(local)).status).toBe(404);
    expect((await fetchFeed(next)).status).toBe(200);
  });

  it('answers 404 to unknown tokens and any other path shape', async () => {
    t = await startTestBot({ now: NOW });
    const leader = await openPersonalChat(t);
    const url = LINK.exec((await leader.say('kalender')).text)![1]!;
    const token = url.slice(-47, -4);
    const flipped = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    for (const path of [`/calendar/${flipped}.ics`, `/calendar/${token}`, `/calendar/${token}.ics.ics`, '/calendar/x.ics', `/calendar/${token.slice(1)}.ics`]) {
      expect((await fetchFeed(`${t.bot.url}${path}`)).status, path).toBe(404);
    }
    // Local default: the address the bot listens on.
    expect(url.startsWith(`${t.bot.url}/calendar/`)).toBe(true);
  });

  it.each([
    ['da-DK', 'kalender', 'Kalenderlinket er kun for ledelsen.'],
    ['en-US', 'calendar', 'The calendar link is for the leadership team only.'],
  ])('refuses people outside LEADER_IDS (%s)', async (locale, show, refusal) => {
    t = await startTestBot({ now: NOW, env: { LEADER_IDS: 'someone-else' } });
    const chat = await openPersonalChat(t, newUser(locale));
    const reply = await chat.say(show);
    expect(reply.text).toBe(refusal);
  });

  it('never posts the link in a channel', async () => {
    t = await startTestBot({ now: NOW });
    const activity = channelMessage('kalender', t.at);
    await t.post(activity);
    const [reply] = await t.connector.waitFor(1, { conversationId: activity.conversation.id, type: 'message' });
    expect(reply!.activity.text).toMatch(/privat chat/);
    expect(reply!.activity.text).not.toMatch(LINK);
  });

  it('stops serving the feed of someone who is no longer a leader', async () => {
    const user = newUser();
    t = await startTestBot({ now: NOW, env: { LEADER_IDS: user.aadObjectId } });
    const url = LINK.exec((await (await openPersonalChat(t, user)).say('kalender')).text)![1]!;
    expect((await fetchFeed(url)).status).toBe(200);
    const stateDir = t.stateDir;
    await t.bot.close();
    const again = await startTestBot({ now: NOW, env: { LEADER_IDS: 'someone-else', STATE_DIR: stateDir } });
    try {
      const token = url.slice(-47);
      expect((await fetchFeed(`${again.bot.url}/calendar/${token}`)).status).toBe(404);
    } finally {
      await again.close();
    }
  });
});
