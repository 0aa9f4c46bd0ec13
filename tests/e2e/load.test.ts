/**
 * Many conversations at once (the full 50 x 100 runs in `npx tsx bench/load.ts`): no errors, every message
 * answered, every task create stored.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runConversationLoad } from '../helpers/conversation-load.js';
import { startTestBot, type TestBot } from '../helpers/test-bot.js';

describe('concurrent conversations', () => {
  let t: TestBot | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('50 conversations x 20 messages at once: 0 errors, every message answered, every task stored', async () => {
    t = await startTestBot({ env: { LOG_LEVEL: 'warn' } });
    const outcome = await runConversationLoad(t, { conversations: 50, messagesPerConversation: 20 });
    expect(outcome.errors).toEqual([]);
    expect(outcome.ok).toBe(1_000);
    expect(outcome.unanswered).toEqual([]);
    const tasks = await t.bot.domain.tasks.openTasks();
    expect(tasks).toHaveLength(outcome.taskCreates);
    expect(new Set(tasks.map((task) => task.number)).size).toBe(tasks.length);
    expect(t.logs.filter((line) => line.level >= 50)).toEqual([]);
  }, 60_000);
});
