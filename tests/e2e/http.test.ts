import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { personalMessage } from '../helpers/activities.js';
import { startTestBot, type TestBot } from '../helpers/test-bot.js';

describe('the HTTP endpoint', () => {
  let t: TestBot;
  afterEach(async () => t?.close());

  it('reports health as JSON: status, version, uptime and knowledge counts', async () => {
    t = await startTestBot();
    const response = await fetch(`${t.bot.url}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    const body: any = await response.json();
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(body).toMatchObject({ status: 'ok', version, mode: 'local', knowledge: { roles: 2, postings: 1, documents: 2 } });
    expect(typeof body.uptime).toBe('number');
  });

  it('rejects a body over 1 MB with 413', async () => {
    t = await startTestBot();
    const activity = personalMessage('x'.repeat(1024 * 1024 + 100), t.at);
    const { status, body } = await t.post(activity);
    expect(status).toBe(413);
    expect(body).toMatchObject({ code: 'PayloadTooLarge' });
    expect(t.connector.received).toHaveLength(0);
  });

  it('rejects malformed JSON with 400 and a JSON error', async () => {
    t = await startTestBot();
    const { status, body } = await t.post('{"type": "message", "text": ');
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'InvalidContent' });
    expect(body.message).toMatch(/JSON/);
  });

  it.each([['[]'], ['{"text": "no type"}'], ['"just a string"']])('rejects JSON that is not an activity (%s) with 400', async (raw) => {
    t = await startTestBot();
    const { status, body } = await t.post(raw);
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'BadRequest' });
  });

  it('ignores an unknown activity type: 200 and no reply', async () => {
    t = await startTestBot();
    const activity = { ...personalMessage('', t.at), type: 'somethingNew', text: undefined };
    const { status } = await t.post(activity);
    expect(status).toBe(200);
    expect(t.connector.received).toHaveLength(0);
  });

  it('answers 400 (not botbuilder\'s 501) to a card action nobody handles', async () => {
    t = await startTestBot();
    const activity = { ...personalMessage('', t.at), type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'nobody.handles.this', data: {} } } };
    const { status, body } = await t.post(activity);
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'NotHandled' });
    expect(t.connector.received).toHaveLength(0);
  });

  it('needs no token in local mode but refuses requests without one when an app id is set', async () => {
    t = await startTestBot({
      env: { MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-a-real-secret', MicrosoftAppTenantId: '11111111-2222-3333-4444-555555555555' },
    });
    const activity = personalMessage('hjælp', t.at);
    const { status } = await t.post(activity);
    expect(status).toBe(401);
    expect(t.connector.received).toHaveLength(0);
  });
});
