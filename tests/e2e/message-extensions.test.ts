/**
 * The message extensions over the real endpoint, in Danish and English: knowledge search from the compose box
 * (`composeExtension/query` gives preview items, `composeExtension/selectItem` the answer card with its source) and
 * "create task" from a message (`composeExtension/fetchTask` opens the prefilled dialog, `composeExtension/submitAction`
 * records the task as `opgave` does and posts the task card in the conversation).
 */
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { channelMessage, personalMessage, replyText, type WireActivity } from '../helpers/activities.js';
import { newUser, openPersonalChat } from '../helpers/personal-chat.js';
import { startTestBot, type TestBot } from '../helpers/test-bot.js';

const DATA = fileURLToPath(new URL('../../data/', import.meta.url));
const NOW = () => new Date('2026-03-10T09:00:00Z');

function invoke(t: TestBot, name: string, value: Record<string, unknown>, locale: string, channel = false, user = newUser(locale), conversationId?: string): WireActivity {
  const where = { ...t.at, ...user, ...(conversationId !== undefined && { conversationId }) };
  const base = channel ? channelMessage('', where) : personalMessage('', where);
  const { text: _text, textFormat: _format, ...rest } = base;
  return { ...rest, type: 'invoke', name, value, entities: [] };
}

function query(t: TestBot, text: string, locale: string): WireActivity {
  return invoke(t, 'composeExtension/query', { commandId: 'searchKnowledge', parameters: [{ name: 'query', value: text }], queryOptions: { skip: 0, count: 25 } }, locale);
}

const MESSAGE_HTML = '<p>Kan du følge op på &quot;kapacitetsplanen&quot; for Solsikken inden næste ledermøde?</p><p>Der er også noget om budgettet.</p>';
const LINK = 'https://teams.microsoft.com/l/message/19:abc@thread.tacv2/1700000000000?groupId=g&tenantId=t';

function messagePayload(author = { id: 'aad-author', displayName: 'Tanja Jensen' }) {
  return { id: '1700000000000', body: { contentType: 'html', content: MESSAGE_HTML }, from: { user: author }, linkToMessage: LINK, createdDateTime: '2026-03-10T08:00:00Z' };
}

describe('knowledge search message extension', () => {
  let t: TestBot;
  afterEach(async () => t?.close());

  it.each([
    ['da-DK', 'Hvem refererer den pædagogiske leder i Stjernehuset til?', 'Kilde', 'distriktsleder'],
    ['en-US', 'Who does the pedagogical leader in Stjernehuset report to?', 'Source', 'district leader'],
  ])('answers a query with a preview item, and the selected item with the answer card and its source (%s)', async (locale, question, sourceLabel, named) => {
    t = await startTestBot({ knowledgeDir: DATA });
    const { status, body } = await t.post(query(t, question, locale));
    expect(status).toBe(200);
    const result = body.composeExtension;
    expect(result).toMatchObject({ type: 'result', attachmentLayout: 'list' });
    expect(result.attachments).toHaveLength(1);
    const [item] = result.attachments;
    expect(item.preview.contentType).toBe('application/vnd.microsoft.card.thumbnail');
    expect(item.preview.content.title).toMatch(new RegExp(named, 'i'));
    expect(item.preview.content.text).toMatch(new RegExp(`^${sourceLabel}: `));
    expect(item.preview.content.tap).toMatchObject({ type: 'invoke', value: { question } });

    const selected = await t.post(invoke(t, 'composeExtension/selectItem', item.preview.content.tap.value, locale));
    expect(selected.status).toBe(200);
    const [card] = selected.body.composeExtension.attachments;
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const text = replyText({ attachments: [card] });
    expect(text).toMatch(new RegExp(named, 'i'));
    expect(text).toContain(`${sourceLabel}: `);
    expect(card.content.actions).toBeUndefined();
  });

  it.each([
    ['da-DK', 'Hvad er prisen på en kop kaffe i kantinen på Mars?', /Det står ikke i vidensbasen/],
    ['en-US', 'What is the price of coffee in the canteen on Mars?', /The knowledge base does not say/],
  ])('offers nothing to insert when the knowledge base does not say (%s)', async (locale, question, expected) => {
    t = await startTestBot({ knowledgeDir: DATA });
    const { status, body } = await t.post(query(t, question, locale));
    expect(status).toBe(200);
    expect(body.composeExtension).toMatchObject({ type: 'message' });
    expect(body.composeExtension.text).toMatch(expected);
  });

  it('gives a hint for an empty query', async () => {
    t = await startTestBot({ knowledgeDir: DATA });
    const { body } = await t.post(query(t, '   ', 'da-DK'));
    expect(body.composeExtension).toMatchObject({ type: 'message' });
    expect(body.composeExtension.text).toMatch(/Skriv et spørgsmål/);
  });
});

describe('create task message action', () => {
  let t: TestBot;
  afterEach(async () => t?.close());

  it.each([
    ['da-DK', 'Opret opgave', 'Mig selv', 'Beskedens afsender (Tanja Jensen)', 'Opgave #1 oprettet', 'Åbn beskeden'],
    ['en-US', 'Create task', 'Me', "The message's author (Tanja Jensen)", 'Task #1 created', 'Open the message'],
  ])('opens a prefilled dialog and records the task like opgave (%s)', async (locale, dialogTitle, me, author, created, open) => {
    t = await startTestBot({ now: NOW });
    const user = newUser(locale);
    const fetch = invoke(t, 'composeExtension/fetchTask', { commandId: 'createTask', commandContext: 'message', context: { theme: 'default' }, messagePayload: messagePayload() }, locale, true, user);
    const fetched = await t.post(fetch);
    expect(fetched.status).toBe(200);
    expect(fetched.body.task.type).toBe('continue');
    const dialog = fetched.body.task.value;
    expect(dialog.title).toBe(dialogTitle);
    const form = dialog.card.content;
    const inputs = Object.fromEntries((form.body as { id?: string }[]).filter((e) => e.id).map((e) => [e.id, e]));
    expect(inputs.title.value).toBe('Kan du følge op på "kapacitetsplanen" for Solsikken inden næste ledermøde?');
    expect(inputs.owner.choices.map((c: { title: string }) => c.title)).toEqual(expect.arrayContaining([expect.stringContaining(me), author]));
    expect(inputs.due.type).toBe('Input.Date');
    const [submit, openLink] = form.actions;
    expect(openLink).toMatchObject({ type: 'Action.OpenUrl', url: LINK });

    // Teams merges the inputs into the submit button's data.
    const data = { ...submit.data, title: 'Følg op på kapacitetsplanen', owner: 'author', due: '2026-03-20' };
    const submitted = await t.post(invoke(t, 'composeExtension/submitAction', { commandId: 'createTask', commandContext: 'message', data, messagePayload: messagePayload() }, locale, true, user, fetch.conversation.id));
    expect(submitted.status).toBe(200);
    const [posted] = await t.connector.waitFor(1, { conversationId: fetch.conversation.id, type: 'message' });
    expect(posted!.activity.text).toContain(`${created}: Følg op på kapacitetsplanen`);
    expect(posted!.activity.text).toContain('Tanja Jensen');
    const card = posted!.activity.attachments[0].content;
    expect(card.actions ?? []).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'Action.OpenUrl', url: LINK, title: open })]));

    // The same store as `opgave`: the next task typed in chat is #2, and the list shows both.
    const chat = await openPersonalChat(t, user);
    expect((await chat.say(locale === 'da-DK' ? 'opgave Book lokale' : 'task Book a room')).text).toMatch(/#2/);
    const list = await chat.say(locale === 'da-DK' ? 'alle opgaver' : 'all tasks');
    expect(replyText(list)).toContain('Følg op på kapacitetsplanen');
  });

  it('refuses people outside LEADER_IDS, in the dialog and on submit, and records nothing', async () => {
    t = await startTestBot({ now: NOW, env: { LEADER_IDS: 'someone-else' } });
    const fetched = await t.post(invoke(t, 'composeExtension/fetchTask', { commandId: 'createTask', commandContext: 'message', messagePayload: messagePayload() }, 'da-DK'));
    expect(fetched.body.task).toMatchObject({ type: 'message' });
    expect(fetched.body.task.value).toMatch(/ledelsesteamet/);
    const submitted = await t.post(invoke(t, 'composeExtension/submitAction', { commandId: 'createTask', data: { title: 'Snyd', owner: 'me', lang: 'da' } }, 'da-DK'));
    expect(submitted.body.task).toMatchObject({ type: 'message' });
    expect(t.connector.received.filter((r) => r.activity.type === 'message')).toHaveLength(0);
  });

  it.each([
    [{ title: '   ', owner: 'me', lang: 'da' }, /titel/],
    [{ title: 'Gyldig', owner: 'me', due: '20. marts', lang: 'da' }, /dato/],
    [{ title: 'x'.repeat(201), owner: 'me', lang: 'en' }, /title/],
  ])('keeps the dialog open with a message for bad input %#', async (data, expected) => {
    t = await startTestBot({ now: NOW });
    const { body } = await t.post(invoke(t, 'composeExtension/submitAction', { commandId: 'createTask', data }, 'da-DK'));
    expect(body.task).toMatchObject({ type: 'message' });
    expect(body.task.value).toMatch(expected);
  });

  it("shows the message's text in the dialog, as plain text", async () => {
    t = await startTestBot({ now: NOW });
    const fetched = await t.post(invoke(t, 'composeExtension/fetchTask', { commandId: 'createTask', commandContext: 'message', messagePayload: messagePayload() }, 'da-DK'));
    const excerpt = fetched.body.task.value.card.content.body[1].text as string;
    expect(excerpt).toContain('"kapacitetsplanen"');
    expect(excerpt).toContain('\nDer er også noget om budgettet.');
    expect(excerpt).not.toMatch(/<p>|&quot;/);
  });
});
