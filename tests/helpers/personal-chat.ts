/**
 * A personal (1:1) chat with the test bot, as one user: `say` posts a message and resolves with the bot's reply.
 * `open` says "hjælp" first, so the first-contact welcome is out of the way.
 */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { personalMessage, type WireActivity } from './activities.js';
import type { TestBot } from './test-bot.js';

/** Who is chatting. */
export interface ChatUser {
  readonly userId: string;
  readonly aadObjectId: string;
  readonly userName: string;
  readonly locale?: string;
}

/** A chat with the bot. */
export interface PersonalChat {
  readonly conversationId: string;
  readonly user: ChatUser;
  /** Posts a message (optionally with a value, as an Action.Submit) and resolves with the next reply. */
  say(text: string, extra?: Partial<WireActivity>): Promise<WireActivity>;
}

/** A fresh user with a fresh conversation. */
export function newUser(locale = 'da-DK', name = 'Mette Leder'): ChatUser {
  return { userId: `29:user-${randomUUID()}`, aadObjectId: randomUUID(), userName: name, locale };
}

/** Opens a personal chat for `user` (default: a fresh one). */
export async function openPersonalChat(t: TestBot, user: ChatUser = newUser()): Promise<PersonalChat> {
  const conversationId = `a:personal-${randomUUID()}`;
  const replies = () => t.connector.activitiesIn(conversationId, 'message').filter((r) => r.status < 300);
  const chat: PersonalChat = {
    conversationId,
    user,
    async say(text, extra = {}) {
      const before = replies().length;
      const activity = { ...personalMessage(text, { ...t.at, ...user, conversationId }), ...extra };
      const { status } = await t.post(activity);
      expect(status).toBe(200);
      await t.connector.waitFor(before + 1, { conversationId, type: 'message' });
      return replies()[before]!.activity;
    },
  };
  await chat.say('hjælp');
  return chat;
}
