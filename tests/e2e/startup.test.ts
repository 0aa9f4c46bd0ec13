import { afterEach, describe, expect, it } from 'vitest';
import { createDefaultEngine } from '../../src/main.js';
import { personalMessage, replyText } from '../helpers/activities.js';
import { TEST_DOC } from '../helpers/test-knowledge.js';
import { startTestBot, type TestBot } from '../helpers/test-bot.js';

// The answering engine builds its index after the server listens: a question that comes first must wait for it.
const NOW = () => new Date('2026-03-10T09:00:00Z');

/** A gate the test opens: the real engine, whose build waits for the server (as in production) and for the gate. */
function gatedBuild() {
  let open: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  let built: Promise<void> | undefined;
  return {
    open,
    built: () => built,
    engine: (...[knowledge, deps]: Parameters<typeof createDefaultEngine>) => {
      const engine = createDefaultEngine(knowledge, { ...deps, buildAfter: Promise.all([deps.buildAfter, gate]).then(() => undefined) });
      built = engine.ready;
      return engine;
    },
  };
}

describe('start-up: the answering engine is built after the server listens', () => {
  let t: TestBot;
  afterEach(async () => t?.close());

  it('answers a question that arrives while the engine is still building, once it is built', async () => {
    const build = gatedBuild();
    t = await startTestBot({ now: NOW, engine: build.engine });
    let settled = false;
    void build.built()?.then(() => (settled = true));

    // The server listens and serves health while the engine waits.
    expect((await fetch(`${t.bot.url}/healthz`)).status).toBe(200);

    const activity = personalMessage('Who does the pedagogical leader report to?', { ...t.at, locale: 'en-US' });
    const pending = t.post(activity);
    // The question's HTTP request stays open and nothing is sent yet: it waits, it does not fail.
    const early = await Promise.race([pending.then(() => 'answered'), new Promise((resolve) => setTimeout(() => resolve('waiting'), 300))]);
    expect(early).toBe('waiting');
    expect(settled).toBe(false);
    expect(t.connector.activitiesIn(activity.conversation.id, 'message')).toHaveLength(0);

    build.open();
    const { status } = await pending;
    expect(status).toBe(200);
    expect(settled).toBe(true);
    const [answer] = await t.connector.waitFor(1, { conversationId: activity.conversation.id, type: 'message' });
    expect(replyText(answer!.activity)).toMatch(/reports to the head of day care/);
    expect(replyText(answer!.activity)).toContain(TEST_DOC.profile.titleEn);
    expect(t.logs.some((line) => line.msg === 'answering engine ready')).toBe(true);
  });

  it('answers several questions that all arrive before the engine is built, each with its own answer', async () => {
    const build = gatedBuild();
    t = await startTestBot({ now: NOW, engine: build.engine });
    const questions = [
      { text: 'Hvem refererer den pædagogiske leder til?', locale: 'da-DK', expected: /dagtilbudschef/i, userId: '29:early-da' },
      { text: 'Who does the pedagogical leader report to?', locale: 'en-US', expected: /reports to the head of day care/, userId: '29:early-en' },
    ];
    const activities = questions.map((q) => personalMessage(q.text, { ...t.at, locale: q.locale, userId: q.userId, conversationId: `a:${q.userId}` }));
    const pending = activities.map((activity) => t.post(activity));
    await new Promise((resolve) => setTimeout(resolve, 200));
    build.open();
    expect((await Promise.all(pending)).map((r) => r.status)).toEqual([200, 200]);
    for (const [i, activity] of activities.entries()) {
      const [answer] = await t.connector.waitFor(1, { conversationId: activity.conversation.id, type: 'message' });
      expect(replyText(answer!.activity)).toMatch(questions[i]!.expected);
    }
  });

  it('reports a failed build on /healthz and apologises for a question instead of answering', async () => {
    t = await startTestBot({
      now: NOW,
      engine: (knowledge, deps) =>
        createDefaultEngine(knowledge, { ...deps, buildAfter: deps.buildAfter?.then(() => Promise.reject(new Error('index could not be built'))) }),
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const health: any = await (await fetch(`${t.bot.url}/healthz`)).json();
    expect(health.status).toBe('degraded');
    expect(JSON.stringify(health)).toMatch(/index could not be built/);

    const activity = personalMessage('Who does the pedagogical leader report to?', { ...t.at, locale: 'en-US' });
    const { status } = await t.post(activity);
    expect(status).toBe(200);
    const [reply] = await t.connector.waitFor(1, { conversationId: activity.conversation.id, type: 'message' });
    expect(replyText(reply!.activity)).toMatch(/^Sorry, something went wrong/);
    expect(t.logs.some((line) => line.msg === 'turn failed')).toBe(true);
  });
});
