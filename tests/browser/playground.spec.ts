import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createAnswerer } from '../../src/answering/index.js';
import { loadKnowledgeOrThrow } from '../../src/knowledge/load-knowledge.js';
import { REPO_ROOT, startPlayground } from '../../scripts/lib/playground.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// From STACK.md: the flags that run Debian's chromium headless here, offline and without a sandbox (CI runs as root).
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const QUESTION = 'Hvem refererer klyngelederne i Høje-Taastrup til?';

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'playground-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function launchChromium(): Promise<BrowserContext> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`no chromium at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`);
  }
  const context = await chromium.launchPersistentContext(await tempDir(), { executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  onTestFinished(() => context.close());
  return context;
}

describe('npm run playground', () => {
  it('answers a question in the playground with an answer card that cites its source', async () => {
    // The answer the bot should give, from the same knowledge base, so the test follows the data.
    const expected = createAnswerer(await loadKnowledgeOrThrow(join(REPO_ROOT, 'data')), { now: () => new Date() }).answer(QUESTION);
    expect(expected.kind).not.toBe('unknown');

    const work = await tempDir();
    const lines: string[] = [];
    const playground = await startPlayground({
      env: { ...process.env, PLAYGROUND_STATE_DIR: join(work, 'state'), LOG_LEVEL: 'info' },
      botPort: 0,
      playgroundPort: 0,
      startBot: true,
      cwd: work,
      output: (line) => lines.push(line),
    });
    onTestFinished(() => playground.stop());
    expect(new URL(playground.url).hostname).toBe('127.0.0.1');

    const context = await launchChromium();
    const page = context.pages()[0] ?? (await context.newPage());
    // The playground's 5 MB client takes a while on a busy CI machine.
    page.setDefaultTimeout(60_000);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(playground.url);
    const input = page.getByRole('textbox').first();
    await input.click();
    await page.keyboard.type(QUESTION);
    await page.keyboard.press('Enter');

    const card = page.locator('.ac-adaptiveCard').filter({ hasText: expected.headline.slice(0, 40) }).last();
    try {
      await card.waitFor();
    } catch (error) {
      throw new Error(`no answer card appeared; bot and playground said:\n${lines.slice(-40).join('\n')}`, { cause: error });
    }
    const text = await card.innerText();
    expect(text).toContain(expected.headline);
    expect(text).toMatch(expected.sources.length === 1 ? /Kilde: / : /Kilder: /);
    expect(text).toContain(expected.sources[0]!.title);
    // Kept for the README and as a CI artifact; build/ is not committed.
    await page.screenshot({ path: join(REPO_ROOT, 'build', 'playground-answer.png') });
  });
});
