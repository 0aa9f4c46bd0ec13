/**
 * The org chart over the real endpoint: the command in Danish and English, the "Vis som diagram" / "Show as chart"
 * button under a reporting-line answer, the picture inline or from the bot's own unguessable link, and 404s.
 */
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { afterEach, describe, expect, it } from 'vitest';
import { adaptiveCardOf, channelMessage, type WireActivity } from '../helpers/activities.js';
import { startTestBot, type TestBot } from '../helpers/test-bot.js';

const DATA = fileURLToPath(new URL('../../data/', import.meta.url));

async function ask(t: TestBot, text: string, extra: Partial<WireActivity> = {}, locale = 'da-DK'): Promise<WireActivity> {
  const activity = { ...channelMessage(text, { ...t.at, locale }), ...extra };
  const { status } = await t.post(activity);
  expect(status).toBe(200);
  const [reply] = await t.connector.waitFor(1, { conversationId: activity.conversation.id, type: 'message' });
  return reply!.activity;
}

function imageOf(reply: WireActivity): { url: string; altText: string } {
  const card = adaptiveCardOf(reply)!;
  const image = (card.body as { type: string; url: string; altText: string }[]).find((element) => element.type === 'Image');
  expect(image).toBeDefined();
  return image!;
}

async function pngOf(url: string): Promise<PNG> {
  if (url.startsWith('data:image/png;base64,')) return PNG.sync.read(Buffer.from(url.slice('data:image/png;base64,'.length), 'base64'));
  const response = await fetch(url);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('image/png');
  expect(response.headers.get('cache-control')).toContain('no-store');
  return PNG.sync.read(Buffer.from(await response.arrayBuffer()));
}

describe('org chart over /api/messages', () => {
  let t: TestBot;
  afterEach(async () => t?.close());

  it.each([
    ['vis organisationen i Ballerup', 'da-DK', 'Organisationen: Ballerup Kommune', 'refererer til', 'distriktsleder'],
    ['show the org chart for Høje-Taastrup', 'en-US', 'Org chart: Høje-Taastrup Municipality (Høje-Taastrup Kommune)', 'reports to', 'head of day care (dagtilbudschef'],
  ])('"%s" replies with a card holding the picture of the reporting lines', async (text, locale, heading, verb, named) => {
    t = await startTestBot({ knowledgeDir: DATA });
    const reply = await ask(t, text, {}, locale);
    const card = adaptiveCardOf(reply)!;
    expect(card.body[0].text).toBe(heading);
    const image = imageOf(reply);
    expect(image.altText).toContain(verb);
    expect(image.altText).toContain(named);
    expect(reply.text).toContain(verb);
    const png = await pngOf(image.url);
    expect(png.width).toBeGreaterThan(300);
    expect(png.height).toBeGreaterThan(100);
  });

  it('serves a large chart from an unguessable link under the public base URL, and 404 for any other id', async () => {
    t = await startTestBot({ knowledgeDir: DATA, env: { PUBLIC_BASE_URL: 'https://bot.example.dk/' } });
    const reply = await ask(t, 'show the org chart', {}, 'en-US');
    const { url } = imageOf(reply);
    expect(url).toMatch(/^https:\/\/bot\.example\.dk\/images\/org-chart\/[A-Za-z0-9_-]{32}\.png$/);
    const local = url.replace('https://bot.example.dk', t.bot.url);
    await pngOf(local);
    const id = local.slice(-36, -4);
    const other = `${id.slice(0, -1)}${id.endsWith('A') ? 'B' : 'A'}`;
    for (const path of [`/images/org-chart/${other}.png`, '/images/org-chart/short.png', `/images/org-chart/${id}.svg`]) {
      expect((await fetch(`${t.bot.url}${path}`)).status).toBe(404);
    }
  });

  it.each([
    ['Hvem refererer den pædagogiske leder i Stjernehuset til?', 'da-DK', 'Vis som diagram', 'Organisationen'],
    ['Who does the pedagogical leader in Stjernehuset report to?', 'en-US', 'Show as chart', 'Org chart'],
  ])('puts a chart button under a reporting-line answer (%s)', async (question, locale, title, heading) => {
    t = await startTestBot({ knowledgeDir: DATA });
    const answer = await ask(t, question, {}, locale);
    const button = (adaptiveCardOf(answer)!.actions as { title: string; data: Record<string, unknown> }[]).find((action) => action.title === title);
    expect(button).toBeDefined();
    // Teams sends an Action.Submit as a message with the button's data as its value and no text.
    const chart = await ask(t, '', { text: '', value: button!.data }, locale);
    const card = adaptiveCardOf(chart)!;
    expect(card.body[0].text).toContain(heading);
    const { altText } = imageOf(chart);
    expect(altText).toMatch(/distriktsleder/);
    expect(altText).not.toMatch(/dagtilbudschef/);
  });

  it('puts no chart button under an answer that cites no reporting line', async () => {
    t = await startTestBot({ knowledgeDir: DATA });
    const answer = await ask(t, 'Hvor mange børn går i Distrikt Baltorp?');
    const titles = ((adaptiveCardOf(answer)!.actions ?? []) as { title: string }[]).map((action) => action.title);
    expect(titles).not.toContain('Vis som diagram');
  });

  it.each([
    ['vis organisationen i Atlantis', 'da-DK', /Jeg kender ikke »Atlantis«.*Ballerup Kommune/],
    ['show the org chart for Atlantis', 'en-US', /I don't know "Atlantis".*Ballerup Kommune/],
  ])('says so when it does not know the place (%s)', async (text, locale, expected) => {
    t = await startTestBot({ knowledgeDir: DATA });
    const reply = await ask(t, text, {}, locale);
    expect(reply.text).toMatch(expected);
    expect(reply.attachments ?? []).toHaveLength(0);
  });
});
