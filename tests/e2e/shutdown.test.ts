import { describe, expect, it } from 'vitest';
import { personalMessage } from '../helpers/activities.js';
import { startTestBot } from '../helpers/test-bot.js';
import type { FeatureFactory } from '../../src/teams/handlers/index.js';

describe('graceful shutdown', () => {
  it('stops accepting, finishes the turn in flight, then closes the features', async () => {
    const events: string[] = [];
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow: FeatureFactory = () => ({
      name: 'slow',
      commands: [
        {
          name: 'slow',
          handle: async (text, ctx) => {
            if (text !== 'langsom') return false;
            entered();
            await gate;
            await ctx.reply('færdig');
            events.push('turn finished');
            return true;
          },
        },
      ],
      close: () => {
        events.push('feature closed');
      },
    });
    const t = await startTestBot({ features: [slow] });
    try {
      const activity = personalMessage('langsom', t.at);
      const pending = t.post(activity);
      await inside;

      const closed = t.bot.close().then(() => events.push('bot closed'));
      // New requests are refused while the old one finishes (closed socket or 503).
      const late = await t.post(personalMessage('hjælp', t.at)).catch(() => ({ status: 'refused' as const }));
      expect([503, 'refused']).toContain(late.status);

      release();
      expect((await pending).status).toBe(200);
      await closed;
      expect(events).toEqual(['turn finished', 'feature closed', 'bot closed']);
      const replies = t.connector.activitiesIn(activity.conversation.id, 'message').map((r) => r.activity.text);
      expect(replies.at(-1)).toBe('færdig');
    } finally {
      release();
      await t.close();
    }
  });
});
