import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FeatureFactory } from '../../src/teams/handlers/index.js';
import { startBot } from '../../src/main.js';
import { ConfigError } from '../../src/config/env.js';
import { installUpdate, personalMessage, TEST_TENANT_ID } from '../helpers/activities.js';
import type { WireActivity } from '../helpers/activities.js';
import { startAuthBot, TEST_APP_ID, type AuthBot } from '../helpers/auth-bot.js';
import { BOT_FRAMEWORK_ISSUER, OUTBOUND_TEST_TOKEN, unsignedToken, type TokenIssuer } from '../helpers/token-issuer.js';

/** Records every activity any handler or observer saw: none may run for a refused request. */
function recorder(seen: string[]): FeatureFactory {
  return () => ({
    name: 'recorder',
    observe: async (event) => void seen.push(`observe:${event.kind}`),
    commands: [
      {
        name: 'record',
        handle: async (text, ctx) => {
          seen.push(`command:${text}`);
          await ctx.reply(`ok: ${text}`);
          return true;
        },
      },
    ],
  });
}

const now = () => Math.floor(Date.now() / 1000);

/** Bad Authorization headers, each built for the activity's service URL. */
const BAD_HEADERS: { name: string; header: (issuer: TokenIssuer, serviceUrl: string) => Promise<string | null> }[] = [
  { name: 'no Authorization header', header: async () => null },
  { name: 'an empty Bearer', header: async () => 'Bearer ' },
  { name: 'garbage', header: async () => 'Bearer not-a-token-at-all' },
  { name: 'garbage in JWT shape', header: async () => 'Bearer aGVsbG8.d29ybGQ.c2lnbmF0dXJl' },
  {
    name: 'alg none (with the published key id)',
    header: async (issuer, serviceUrl) =>
      `Bearer ${unsignedToken({ alg: 'none', typ: 'JWT', kid: issuer.kid }, { iss: BOT_FRAMEWORK_ISSUER, aud: TEST_APP_ID, serviceurl: serviceUrl, exp: now() + 600 })}`,
  },
  {
    name: 'alg none without a signature part',
    header: async (_issuer, serviceUrl) =>
      `Bearer ${unsignedToken({ alg: 'none' }, { iss: BOT_FRAMEWORK_ISSUER, aud: TEST_APP_ID, serviceurl: serviceUrl, exp: now() + 600 }).slice(0, -1)}`,
  },
  {
    name: 'HS256 signed with the public key (algorithm confusion)',
    header: async (issuer, serviceUrl) =>
      `Bearer ${await new SignJWT({ serviceurl: serviceUrl })
        .setProtectedHeader({ alg: 'HS256', kid: issuer.kid })
        .setIssuer(BOT_FRAMEWORK_ISSUER)
        .setAudience(TEST_APP_ID)
        .setExpirationTime('10m')
        .sign(new TextEncoder().encode(await issuer.publicKeyPem()))}`,
  },
  { name: 'an unknown signing key', header: async (issuer, serviceUrl) => `Bearer ${await issuer.sign(TEST_APP_ID, serviceUrl, { key: 'unpublished', kid: 'unknown-key' })}` },
  {
    name: 'a forged signature under the published key id',
    header: async (issuer, serviceUrl) => `Bearer ${await issuer.sign(TEST_APP_ID, serviceUrl, { key: 'unpublished' })}`,
  },
  { name: 'a wrong audience', header: async (issuer, serviceUrl) => `Bearer ${await issuer.sign('some-other-bot', serviceUrl)}` },
  { name: 'no audience', header: async (issuer, serviceUrl) => `Bearer ${await issuer.sign(TEST_APP_ID, serviceUrl, { claims: { aud: undefined } })}` },
  { name: 'a wrong issuer', header: async (issuer, serviceUrl) => `Bearer ${await issuer.sign(TEST_APP_ID, serviceUrl, { claims: { iss: 'https://evil.example' } })}` },
  { name: 'an expired token', header: async (issuer, serviceUrl) => `Bearer ${await issuer.sign(TEST_APP_ID, serviceUrl, { expiresInSeconds: -3600 })}` },
  {
    name: 'a token not valid yet',
    header: async (issuer, serviceUrl) => `Bearer ${await issuer.sign(TEST_APP_ID, serviceUrl, { claims: { nbf: now() + 3600 }, expiresInSeconds: 7200 })}`,
  },
  { name: 'a token for another service URL', header: async (issuer) => `Bearer ${await issuer.sign(TEST_APP_ID, 'https://smba.trafficmanager.net/emea/')}` },
  {
    name: 'a token from another bot (skill)',
    header: async (issuer, serviceUrl) =>
      `Bearer ${await issuer.sign(TEST_APP_ID, serviceUrl, {
        claims: { iss: 'https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/', appid: 'another-bot', ver: '1.0' },
      })}`,
  },
  { name: 'Basic auth', header: async () => `Basic ${Buffer.from(`${TEST_APP_ID}:not-used-in-tests`).toString('base64')}` },
  { name: 'a valid token under the Basic scheme', header: async (issuer, serviceUrl) => `Basic ${await issuer.sign(TEST_APP_ID, serviceUrl)}` },
  { name: 'a valid token twice', header: async (issuer, serviceUrl) => `Bearer ${await issuer.sign(TEST_APP_ID, serviceUrl)} ${await issuer.sign(TEST_APP_ID, serviceUrl)}` },
];

describe('inbound authentication (MicrosoftAppId set)', () => {
  let a: AuthBot | undefined;
  afterEach(async () => {
    await a?.close();
    a = undefined;
  });

  it('accepts a valid Bot Framework token, runs the turn and replies with the bot token', async () => {
    const seen: string[] = [];
    a = await startAuthBot({ features: [recorder(seen)] });
    const activity = personalMessage('hej', a.at);
    const { status } = await a.post(activity);
    expect(status).toBe(200);
    // A first message in a personal chat is welcomed, then answered.
    const replies = await a.connector.waitFor(2, { conversationId: activity.conversation.id, type: 'message' });
    expect(replies.map((r) => r.activity.text)).toEqual([expect.stringMatching(/^Hej! Jeg er/), 'ok: hej']);
    expect(replies.map((r) => r.authorization)).toEqual([`Bearer ${OUTBOUND_TEST_TOKEN}`, `Bearer ${OUTBOUND_TEST_TOKEN}`]);
    expect(seen).toEqual(['observe:activity', 'command:hej']);
    expect(a.issuer.fetches).toEqual({ metadata: 1, keys: 1 });
  });

  describe('refused tokens (one bot for all)', () => {
    const seen: string[] = [];
    let shared: AuthBot;
    beforeAll(async () => {
      shared = await startAuthBot({ features: [recorder(seen)] });
    });
    afterAll(async () => shared?.close());

    it.each(BAD_HEADERS)('refuses $name with 401; no handler runs', async ({ header }) => {
      seen.length = 0;
      const refusalsBefore = shared.t.logs.filter((line) => line.msg === 'request not authenticated').length;
      const activity = personalMessage('hej', shared.at);
      const { status, body } = await shared.post(activity, await header(shared.issuer, activity.serviceUrl));
      expect(status).toBe(401);
      expect(body).toEqual({ code: 'Unauthorized', message: 'The request is not authorized.' });
      expect(seen).toEqual([]);
      expect(shared.connector.activitiesIn(activity.conversation.id)).toEqual([]);
      expect(shared.t.connector.received).toEqual([]);
      expect(shared.t.logs.filter((line) => line.msg === 'request not authenticated').length).toBe(refusalsBefore + 1);
      // The same bot still serves a valid request.
      const ok = personalMessage('igen', shared.at);
      expect((await shared.post(ok)).status).toBe(200);
      expect(seen).toContain('command:igen');
    });
  });

  it('refuses an install update without a valid token too (no welcome, no reference)', async () => {
    const seen: string[] = [];
    a = await startAuthBot({ features: [recorder(seen)] });
    const install = installUpdate(a.at);
    expect((await a.post(install, await a.issuer.sign('some-other-bot', a.at.serviceUrl).then((token) => `Bearer ${token}`))).status).toBe(401);
    expect(seen).toEqual([]);
    expect(a.connector.received).toEqual([]);
  });

  it.each([
    { name: 'cannot be reached', serve: null },
    { name: 'answers 500', serve: 500 },
    { name: 'answers with something that is not JSON', serve: 200 },
  ])('answers 401, not 500, when the signing-key metadata $name', async ({ serve }) => {
    const down = http.createServer((_req, res) => {
      res.writeHead(serve ?? 500, { 'content-type': 'application/json' });
      res.end(serve === 200 ? '<html>maintenance</html>' : '{}');
    });
    await new Promise<void>((resolve) => down.listen(0, '127.0.0.1', resolve));
    const { port } = down.address() as AddressInfo;
    if (serve === null) await new Promise<void>((resolve) => down.close(() => resolve()));
    try {
      const seen: string[] = [];
      a = await startAuthBot({ features: [recorder(seen)], openIdMetadataUrl: `http://127.0.0.1:${port}/${serve}/.well-known/openidconfiguration` });
      const activity = personalMessage('hej', a.at);
      const { status } = await a.post(activity);
      expect(status).toBe(401);
      expect(seen).toEqual([]);
      expect(a.t.logs.some((line) => line.msg === 'request could not be authenticated: signing keys unavailable' && line.level === 50)).toBe(true);
    } finally {
      if (down.listening) await new Promise<void>((resolve) => down.close(() => resolve()));
    }
  });

  it('serves a SingleTenant bot in its own tenant only (ALLOWED_TENANT_IDS unset)', async () => {
    const seen: string[] = [];
    a = await startAuthBot({ features: [recorder(seen)], env: { MicrosoftAppType: 'SingleTenant' } });
    expect(a.t.bot.config.allowedTenantIds).toEqual([TEST_TENANT_ID]);
    const foreign = personalMessage('fremmed', { ...a.at, tenantId: '99999999-0000-0000-0000-000000000000' });
    expect((await a.post(foreign)).status).toBe(200);
    const own = personalMessage('egen', a.at);
    expect((await a.post(own)).status).toBe(200);
    await a.connector.waitFor(1, { conversationId: own.conversation.id, type: 'message' });
    expect(seen).toEqual(['observe:activity', 'command:egen']);
    expect(a.connector.activitiesIn(foreign.conversation.id)).toEqual([]);
  });

  it('serves a MultiTenant bot with a valid token', async () => {
    const seen: string[] = [];
    a = await startAuthBot({ features: [recorder(seen)], env: { MicrosoftAppType: 'MultiTenant', MicrosoftAppTenantId: '' } });
    const activity: WireActivity = personalMessage('hej', a.at);
    expect((await a.post(activity)).status).toBe(200);
    expect(seen).toContain('command:hej');
  });

  it('refuses to start in production without MicrosoftAppId, saying why', async () => {
    await expect(startBot({ env: { NODE_ENV: 'production', PORT: '0' } })).rejects.toThrow(ConfigError);
    await expect(startBot({ env: { NODE_ENV: 'production', PORT: '0' } })).rejects.toThrow(/MicrosoftAppId: is required when NODE_ENV=production/);
  });
});
