import { createServer, type Server } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { findFreePort, localBotEnv, startPlayground } from '../../scripts/lib/playground.js';

/** A stand-in bot that answers every request with 200, on a free loopback port. */
async function fakeBot(): Promise<number> {
  const server: Server = createServer((_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('no address');
  return address.port;
}

describe('startPlayground', () => {
  it('serves the playground on 127.0.0.1 against the given bot', async () => {
    const botPort = await fakeBot();
    const work = await mkdtemp(join(tmpdir(), 'playground-'));
    onTestFinished(() => rm(work, { recursive: true, force: true }));
    const lines: string[] = [];
    const playground = await startPlayground({
      env: {},
      botPort,
      playgroundPort: 0,
      startBot: false,
      cwd: work,
      output: (line) => lines.push(line),
    });
    onTestFinished(() => playground.stop());

    const url = new URL(playground.url);
    expect(url.hostname).toBe('127.0.0.1');
    expect(playground.botEndpoint).toBe(`http://127.0.0.1:${botPort}/api/messages`);
    const page = await (await fetch(playground.url)).text();
    expect(page).toContain('<title>Microsoft 365 Agents Playground</title>');
    expect(lines).toContain(`[playground] [bind-loopback] listening on 127.0.0.1:${url.port}`);
    expect(lines.some((line) => /listening on (?!127\.0\.0\.1:)/.test(line))).toBe(false);
  });

  it('fails clearly when no bot answers', async () => {
    const botPort = await findFreePort();
    const work = await mkdtemp(join(tmpdir(), 'playground-'));
    onTestFinished(() => rm(work, { recursive: true, force: true }));
    await expect(
      startPlayground({ env: {}, botPort, playgroundPort: 0, startBot: false, cwd: work, output: () => undefined, startTimeoutMs: 1000 }),
    ).rejects.toThrow(`nothing answered at http://127.0.0.1:${botPort}/healthz within 1000 ms`);
  });
});

describe('localBotEnv', () => {
  it('runs the bot in local mode on loopback, in its own state folder', () => {
    const env = localBotEnv(
      { MicrosoftAppId: 'id', MicrosoftAppPassword: 'secret', ALLOWED_TENANT_IDS: 't', LEADER_IDS: 'a', KNOWLEDGE_DIR: 'kb', UNSET: undefined },
      4000,
    );
    expect(env).toEqual({
      MicrosoftAppId: '',
      MicrosoftAppPassword: '',
      MicrosoftAppType: '',
      MicrosoftAppTenantId: '',
      ALLOWED_TENANT_IDS: '',
      LEADER_IDS: '',
      KNOWLEDGE_DIR: 'kb',
      HOST: '127.0.0.1',
      PORT: '4000',
      STATE_DIR: join('.state', 'playground'),
    });
  });
});
