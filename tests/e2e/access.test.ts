import { afterEach, describe, expect, it } from 'vitest';
import { cardAction, channelMessage, personalMessage, replyText } from '../helpers/activities.js';
import type { ActivityOptions, WireActivity } from '../helpers/activities.js';
import { startAuthBot, type AuthBot } from '../helpers/auth-bot.js';

// Wednesday 25 November 2026, 10:00 in Copenhagen.
const NOW = new Date('2026-11-25T09:00:00Z');
const now = () => NOW;
const TENANT_A = 'aaaaaaaa-0000-0000-0000-00000000000a';
const TENANT_B = 'bbbbbbbb-0000-0000-0000-00000000000b';
const TENANT_X = 'eeeeeeee-0000-0000-0000-0000000000ee';
const CHANNEL = '19:access-channel@thread.tacv2';

const LEADER_BY_AAD = { userId: '29:mette', userName: 'Mette Leder', aadObjectId: 'aad-leader' };
const LEADER_BY_TEAMS_ID = { userId: '29:teams-leader', userName: 'Lars Leder', aadObjectId: 'aad-lars' };
const NON_LEADER = { userId: '29:someone', userName: 'Mette Leder', aadObjectId: 'aad-someone' };

describe('tenants and leaders, enforced over the authenticated endpoint', () => {
  let a: AuthBot | undefined;
  afterEach(async () => {
    await a?.close();
    a = undefined;
  });

  /** Says something in the shared channel and resolves with the bot's reply text. */
  async function say(bot: AuthBot, text: string, who: Partial<ActivityOptions>, tenantId = TENANT_A): Promise<string> {
    const before = bot.connector.activitiesIn(CHANNEL, 'message').length;
    const activity = channelMessage(text, { ...bot.at, ...who, tenantId, conversationId: CHANNEL });
    expect((await bot.post(activity)).status).toBe(200);
    const replies = await bot.connector.waitFor(before + 1, { conversationId: CHANNEL, type: 'message' });
    // A card reply is one message without text: what it shows is its summary and card text.
    const reply = replies[before]!.activity;
    return reply.text !== undefined ? String(reply.text) : `${String(reply.summary)}\n${replyText({ attachments: reply.attachments })}`;
  }

  /** Posts and expects the request to be accepted (200) but ignored: no reply at all. */
  async function ignored(bot: AuthBot, activity: WireActivity): Promise<void> {
    const before = bot.connector.received.length;
    const { status } = await bot.post(activity);
    expect(status).toBeLessThan(300);
    // A turn that ran would have replied before the HTTP answer (replies are sent inside the turn).
    expect(bot.connector.received.length).toBe(before);
  }

  it('ignores activities from tenants outside ALLOWED_TENANT_IDS, also when only one of the two tenant fields is foreign', async () => {
    a = await startAuthBot({ now, env: { ALLOWED_TENANT_IDS: `${TENANT_A},${TENANT_B}`, MicrosoftAppTenantId: TENANT_A } });
    expect(await say(a, 'opgave Budget', LEADER_BY_AAD)).toMatch(/^Opgave #1 oprettet: Budget/);

    await ignored(a, personalMessage('opgave Fremmed', { ...a.at, ...LEADER_BY_AAD, tenantId: TENANT_X }));
    const mixed = personalMessage('opgave Blandet', { ...a.at, ...LEADER_BY_AAD, tenantId: TENANT_A });
    mixed.channelData.tenant.id = TENANT_X;
    await ignored(a, mixed);
    const none = personalMessage('opgave Uden lejer', { ...a.at, ...LEADER_BY_AAD });
    delete none.conversation.tenantId;
    delete none.channelData.tenant;
    await ignored(a, none);
    // A foreign tenant's click on a task card changes nothing: the invoke is not handled at all.
    const click = cardAction('task.complete', { number: 1 }, { ...a.at, ...LEADER_BY_AAD, tenantId: TENANT_X, channel: true, conversationId: CHANNEL });
    const { status, body } = await a.post(click);
    expect(status).toBe(400);
    expect(JSON.stringify(body ?? '')).not.toMatch(/færdig/);

    const listed = await say(a, 'opgaver', LEADER_BY_AAD, TENANT_B);
    expect(listed).toMatch(/^Åbne opgaver \(1\)/);
    expect(listed).toContain('#1 Budget');
  });

  it('lets only LEADER_IDS (Entra object id or Teams id, never a display name) change tasks and add deadlines', async () => {
    a = await startAuthBot({ now, env: { LEADER_IDS: 'aad-leader, 29:teams-leader', ALLOWED_TENANT_IDS: TENANT_A, MicrosoftAppTenantId: TENANT_A } });
    expect(await say(a, 'opgave Budget', LEADER_BY_AAD)).toMatch(/^Opgave #1 oprettet: Budget/);
    expect(await say(a, 'opgave Kapacitet', LEADER_BY_TEAMS_ID)).toMatch(/^Opgave #2 oprettet: Kapacitet/);

    // Same display name as a leader, different ids.
    expect(await say(a, 'opgave Snydeopgave', NON_LEADER)).toMatch(/^Beklager, kun ledelsesteamet/);
    expect(await say(a, 'færdig 1', NON_LEADER)).toMatch(/^Beklager, kun ledelsesteamet/);
    expect(await say(a, 'frist Snydefrist 2026-12-15', NON_LEADER)).toBe('Kun ledelsen kan tilføje frister.');
    const { body } = await a.post(cardAction('task.complete', { number: 1 }, { ...a.at, ...NON_LEADER, tenantId: TENANT_A, channel: true, conversationId: CHANNEL }));
    expect(body).toMatchObject({ type: 'application/vnd.microsoft.activity.message', value: expect.stringMatching(/^Beklager, kun ledelsesteamet/) });

    // Anyone may look; nothing changed.
    const list = await say(a, 'opgaver', NON_LEADER);
    expect(list).toMatch(/^Åbne opgaver \(2\)/);
    expect(list).not.toContain('Snydeopgave');
    expect(await say(a, 'frister', NON_LEADER)).not.toContain('Snydefrist');

    // The leader's own click works.
    const done = await a.post(cardAction('task.complete', { number: 1 }, { ...a.at, ...LEADER_BY_AAD, tenantId: TENANT_A, channel: true, conversationId: CHANNEL }));
    expect(JSON.stringify(done.body)).toMatch(/Opgave #1 er færdig/);
  });
});
