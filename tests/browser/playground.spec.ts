/**
 * The bot in the Microsoft 365 Agents Playground, driven in headless Chromium: every kind of card is checked as the
 * renderer shows it, in Danish and in English, and screenshotted into build/ (a few are copied to docs/ for the
 * README): an answer, a task list before and after Færdig/Done, the help card, a reminder and a channel digest.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
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
const BUILD = join(REPO_ROOT, 'build');

/** What is typed and what must appear, per language. */
const LANGS = [
  {
    lang: 'da',
    question: 'Hvem refererer klyngelederne i Høje-Taastrup til?',
    sourceLabel: /Kilde: |Kilder: /,
    showMore: 'Vis mere',
    help: 'hjælp',
    helpTitle: 'Det kan jeg hjælpe med',
    placeholder: 'opgave ‹titel›',
    tasks: ['opgave Ring til forældrerådet senest i morgen', 'opgave Bestil legetøj til vuggestuen'],
    list: 'opgaver',
    listTitle: 'Åbne opgaver (2)',
    done: 'Færdig',
    afterDone: 'er færdig',
    listAfter: 'Åbne opgaver (1)',
    remind: 'påmind mig',
    reminderTitle: 'Påmindelse om opgave',
    digest: 'post opgaver her',
    digestTitle: 'Åbne opgaver pr.',
  },
  {
    lang: 'en',
    question: 'Who do the cluster leaders in Høje-Taastrup report to?',
    sourceLabel: /Source: |Sources: /,
    showMore: 'Show more',
    help: 'help',
    helpTitle: 'What I can help with',
    placeholder: 'task ‹title›',
    tasks: ['task Call the parents council due tomorrow', 'task Order toys for the nursery'],
    list: 'tasks',
    listTitle: 'Open tasks (3)',
    done: 'Done',
    afterDone: 'is done',
    listAfter: 'Open tasks (2)',
    remind: 'remind me',
    reminderTitle: 'Task reminder',
    digest: 'post tasks here',
    digestTitle: 'Open tasks as of',
  },
] as const;

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

/** Writes a message into the open chat. */
async function send(page: Page, text: string): Promise<void> {
  const input = page.getByRole('textbox').first();
  await input.click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** The newest card that shows `text`, once it is there. */
async function cardWith(page: Page, text: string | RegExp, context: () => string): Promise<Locator> {
  const card = page.locator('.ac-adaptiveCard').filter({ hasText: text }).last();
  try {
    await card.waitFor();
  } catch (error) {
    await page.screenshot({ path: join(BUILD, 'playground-failure.png') });
    throw new Error(`no card with ${String(text)} appeared (see build/playground-failure.png); bot and playground said:\n${context()}`, { cause: error });
  }
  await card.scrollIntoViewIfNeeded();
  return card;
}

async function shoot(card: Locator, name: string): Promise<void> {
  // The renderer lays the card out after it appears: let it settle before the picture.
  await card.page().waitForTimeout(300);
  await card.screenshot({ path: join(BUILD, `playground-${name}.png`) });
}

describe('npm run playground', () => {
  it('shows every card readably in Danish and English, with one message per reply', { timeout: 400_000 }, async () => {
    // The answers the bot should give, from the same knowledge base, so the test follows the data.
    const answerer = createAnswerer(await loadKnowledgeOrThrow(join(REPO_ROOT, 'data')), { now: () => new Date() });
    await mkdir(BUILD, { recursive: true });

    const work = await tempDir();
    const lines: string[] = [];
    const playground = await startPlayground({
      // Reminders every 5 seconds, so that a task due tomorrow is reminded while the test runs.
      env: { ...process.env, PLAYGROUND_STATE_DIR: join(work, 'state'), LOG_LEVEL: 'info', REMINDER_CRON: '*/5 * * * * *', DIGEST_CRON: '0 9 1 1 *' },
      botPort: 0,
      playgroundPort: 0,
      startBot: true,
      cwd: work,
      output: (line) => lines.push(line),
    });
    onTestFinished(() => playground.stop());
    expect(new URL(playground.url).hostname).toBe('127.0.0.1');
    const said = () => lines.slice(-40).join('\n');

    const context = await launchChromium();
    const page = context.pages()[0] ?? (await context.newPage());
    // The playground's 5 MB client takes a while on a busy CI machine.
    page.setDefaultTimeout(60_000);
    await page.setViewportSize({ width: 1280, height: 1000 });
    await page.goto(playground.url);
    await page.getByRole('textbox').first().waitFor();
    // The log panel takes a third of the width: close it for the pictures.
    await page.getByRole('button', { name: /close/i }).last().click().catch(() => undefined);

    for (const l of LANGS) {
      await page.getByText('Personal Chat', { exact: true }).click();

      // Help: the placeholders are visible (the renderer would swallow "<titel>").
      await send(page, l.help);
      const help = await cardWith(page, l.helpTitle, said);
      expect(await help.innerText()).toContain(l.placeholder);
      await shoot(help, `help-${l.lang}`);

      // An answer: the answer first, the source by title, details behind "show more".
      const expected = answerer.answer(l.question);
      expect(expected.kind).not.toBe('unknown');
      await send(page, l.question);
      const answer = await cardWith(page, expected.headline.slice(0, 40), said);
      const text = await answer.innerText();
      expect(text).toMatch(l.sourceLabel);
      expect(text).toContain(expected.sources[0]!.title);
      const more = answer.getByRole('button', { name: l.showMore });
      if (await more.count()) await more.click();
      await shoot(answer, `answer-${l.lang}`);

      // Tasks: one card per list; after Done the same card shows the new state and no copy of the old one stays.
      for (const task of l.tasks) {
        await send(page, task);
        await page.getByText(task.split(' ').slice(1, 3).join(' '), { exact: false }).last().waitFor();
      }
      await send(page, l.list);
      const before = await cardWith(page, l.listTitle, said);
      await shoot(before, `tasks-before-${l.lang}`);
      // The task without a due date; the one due tomorrow stays open for the reminder below.
      await before.getByRole('button', { name: l.done }).last().click();
      const after = await cardWith(page, l.afterDone, said);
      expect(await after.innerText()).toContain(l.listAfter);
      await shoot(after, `tasks-after-${l.lang}`);
      expect(await page.locator('.ac-adaptiveCard').filter({ hasText: l.listTitle }).count()).toBe(0);

      // A reminder: subscribe, and the task due tomorrow is reminded on the 5-second schedule.
      await send(page, l.remind);
      const reminder = await cardWith(page, l.reminderTitle, said);
      expect(await reminder.getByRole('button', { name: l.done }).count()).toBe(1);
      await shoot(reminder, `reminder-${l.lang}`);

      // A digest in a team channel: one message, the confirmation on top of the open tasks.
      await page.getByText('General', { exact: true }).click();
      // A channel starts a new post (the first text box) that @mentions the bot, with the Post button.
      await page.getByRole('textbox').first().click();
      await page.keyboard.type('@Test');
      await page.getByRole('menuitem', { name: /Test Bot/ }).click();
      await page.keyboard.type(` ${l.digest}`);
      await page.getByRole('button', { name: 'Post', exact: true }).click();
      const digest = await cardWith(page, l.digestTitle, said);
      await shoot(digest, `digest-${l.lang}`);
    }
  });
});
