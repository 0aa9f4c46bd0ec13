import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConversationRef } from '../../src/messaging/conversation-ref.js';
import { toConversationReference } from '../../src/teams/conversation-refs.js';
import type { FeatureFactory } from '../../src/teams/handlers/index.js';
import { installUpdate, personalMessage } from '../helpers/activities.js';
import { startAuthBot, TEST_APP_ID, type AuthBot } from '../helpers/auth-bot.js';
import { startFakeConnector, type FakeConnector } from '../helpers/fake-connector.js';
import { startTestBot, type TestBot } from '../helpers/test-bot.js';

/** Every text file under a folder, concatenated (to look for a stored conversation id). */
async function allText(dir: string): Promise<string> {
  const parts: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) parts.push(await readFile(path.join(entry.parentPath, entry.name), 'utf8'));
  }
  return parts.join('\n');
}

/**
 * A feature whose command `send to <serviceUrl>` makes the bot post to another service URL through the
 * adapter (as a buggy or tricked handler might), and that keeps the references it sees.
 */
function redirecting(refs: ConversationRef[], outcomes: string[]): FeatureFactory {
  return () => ({
    name: 'redirecting',
    observe: async (event) => void refs.push(event.ref),
    commands: [
      {
        name: 'send-to',
        handle: async (text, ctx) => {
          const target = /^send to (\S+)$/.exec(text)?.[1];
          if (!target) return false;
          await ctx.turn.adapter.continueConversationAsync(TEST_APP_ID, toConversationReference({ ...ctx.ref, serviceUrl: target }), async (context) => {
            // Caught here: an error escaping this callback would go to the adapter's turn error handler.
            try {
              await context.sendActivity('redirected');
              outcomes.push('sent');
            } catch (error) {
              outcomes.push(`refused: ${(error as Error).name}`);
            }
          });
          await ctx.reply('done');
          return true;
        },
      },
    ],
  });
}

describe('outbound: where the bot sends messages and its token', () => {
  let a: AuthBot | undefined;
  let t: TestBot | undefined;
  let evil: FakeConnector | undefined;
  afterEach(async () => {
    await a?.close();
    await t?.close();
    await evil?.close();
    a = t = evil = undefined;
  });

  it('refuses (403) an authenticated activity whose service URL is not a connector host, and sends nothing there', async () => {
    const refs: ConversationRef[] = [];
    a = await startAuthBot({ features: [redirecting(refs, [])] });
    evil = await startFakeConnector();
    // The token is valid and names the same service URL, so only the allow-list stands in the way.
    const activity = personalMessage('hej', { ...a.at, serviceUrl: evil.serviceUrl });
    const { status, body } = await a.post(activity);
    expect(status).toBe(403);
    expect(body).toMatchObject({ code: 'ServiceUrlNotAllowed' });
    expect(evil.received).toEqual([]);
    expect(a.connector.received).toEqual([]);
    expect(refs).toEqual([]);
  });

  it.each(['https://smba.trafficmanager.net.evil.example/emea/', 'https://evil.trafficmanager.net/', 'https://x@smba.trafficmanager.net/emea/'])(
    'refuses the look-alike service URL %s',
    async (serviceUrl) => {
      a = await startAuthBot();
      const { status } = await a.post(personalMessage('hej', { ...a.at, serviceUrl }));
      expect(status).toBe(403);
    },
  );

  it('never signs a request to another service URL, whatever path a handler takes', async () => {
    const outcomes: string[] = [];
    a = await startAuthBot({ features: [redirecting([], outcomes)] });
    evil = await startFakeConnector();
    const activity = personalMessage(`send to ${evil.serviceUrl}`, a.at);
    expect((await a.post(activity)).status).toBe(200);
    await a.connector.waitFor(1, { conversationId: activity.conversation.id, type: 'message' });
    expect(outcomes).toEqual(['refused: ServiceUrlNotAllowedError']);
    expect(evil.received).toEqual([]);
    // The allowed connector got the reply, with the bot token.
    expect(a.connector.activitiesIn(activity.conversation.id, 'message').map((r) => r.activity.text)).toContain('done');
  });

  it('does not send proactive messages to a stored reference outside the allowed hosts (403, no request)', async () => {
    const refs: ConversationRef[] = [];
    a = await startAuthBot({ features: [redirecting(refs, [])] });
    evil = await startFakeConnector();
    await a.post(personalMessage('hej', a.at));
    expect(refs).toHaveLength(1);
    expect(await a.t.bot.notifier.send(refs[0]!, { text: 'til den rigtige' })).toEqual({ ok: true });
    const result = await a.t.bot.notifier.send({ ...refs[0]!, serviceUrl: evil.serviceUrl }, { text: 'til den forkerte' });
    expect(result).toMatchObject({ ok: false, status: 403 });
    expect(evil.received).toEqual([]);
  });

  it('in local mode sends to loopback only', async () => {
    const refs: ConversationRef[] = [];
    t = await startTestBot({ features: [redirecting(refs, [])] });
    const outside = personalMessage('hej', { serviceUrl: 'https://smba.trafficmanager.net/emea/' });
    expect((await t.post(outside)).status).toBe(403);
    expect(refs).toEqual([]);
    await t.post(personalMessage('hej', t.at));
    expect(refs).toHaveLength(1);
    const result = await t.bot.notifier.send({ ...refs[0]!, serviceUrl: 'https://example.com/' }, { text: 'x' });
    expect(result).toMatchObject({ ok: false, status: 403 });
  });

  it('stores a conversation reference only from an authenticated activity', async () => {
    a = await startAuthBot();
    const forged = installUpdate({ ...a.at, conversationId: 'a:forged-conversation', userId: '29:forger' });
    expect((await a.post(forged, null)).status).toBe(401);
    expect((await a.post(personalMessage('påmind mig', { ...a.at, conversationId: 'a:forged-conversation' }), 'Bearer x.y.z')).status).toBe(401);
    const elsewhere = installUpdate({ ...a.at, serviceUrl: 'https://evil.example/', conversationId: 'a:elsewhere-conversation' });
    expect((await a.post(elsewhere)).status).toBe(403);
    const genuine = installUpdate({ ...a.at, conversationId: 'a:genuine-conversation' });
    expect((await a.post(genuine)).status).toBe(200);
    await a.connector.waitFor(1, { conversationId: 'a:genuine-conversation', type: 'message' });

    await a.t.bot.close();
    const stored = await allText(path.join(a.t.stateDir, 'reminders'));
    expect(stored).toContain('a:genuine-conversation');
    expect(stored).not.toContain('a:forged-conversation');
    expect(stored).not.toContain('a:elsewhere-conversation');
  });
});
