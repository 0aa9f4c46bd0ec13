/**
 * Conversation references as plain JSON: enough to message a user or a channel later (proactively).
 *
 * The Teams layer converts them to and from botbuilder's `ConversationReference`; the domain only stores them.
 */
import { z } from 'zod/v4';

/** A stored reference to a conversation the bot was part of. */
export const ConversationRefSchema = z.object({
  serviceUrl: z.string().min(1),
  channelId: z.string().min(1),
  conversation: z.object({
    id: z.string().min(1),
    conversationType: z.string().optional(),
    tenantId: z.string().optional(),
    isGroup: z.boolean().optional(),
    name: z.string().optional(),
  }),
  bot: z.object({ id: z.string().min(1), name: z.string().optional() }),
  /** The user the bot talked to (for a personal chat: the one person in it). */
  user: z
    .object({ id: z.string().min(1), name: z.string().optional(), aadObjectId: z.string().optional() })
    .optional(),
  locale: z.string().optional(),
});
export type ConversationRef = z.infer<typeof ConversationRefSchema>;

/** Where a conversation happens. */
export type ConversationKind = 'personal' | 'channel' | 'groupChat';

/** The conversation id without Teams' `;messageid=` thread suffix: the channel itself. */
export function baseConversationId(conversationId: string): string {
  const cut = conversationId.indexOf(';messageid=');
  return cut === -1 ? conversationId : conversationId.slice(0, cut);
}

/** The kind of conversation a reference points to. */
export function conversationKind(ref: ConversationRef): ConversationKind {
  const type = ref.conversation.conversationType;
  if (type === 'channel') return 'channel';
  if (type === 'groupChat' || (type === undefined && ref.conversation.isGroup === true)) return 'groupChat';
  return 'personal';
}

/**
 * The key a conversation is stored and subscribed under: `user:<id>` for a personal chat (one per user),
 * `channel:<id>` or `chat:<id>` for a channel or group chat.
 */
export function conversationKey(ref: ConversationRef): string {
  const kind = conversationKind(ref);
  if (kind === 'personal' && ref.user) return userKey(ref.user.id);
  return `${kind === 'channel' ? 'channel' : 'chat'}:${baseConversationId(ref.conversation.id)}`;
}

/** The key of a user's personal chat with the bot. */
export function userKey(userId: string): string {
  return `user:${userId}`;
}
