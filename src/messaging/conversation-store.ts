/**
 * Conversation references for every user and channel the bot meets, kept in the state store so
 * proactive messages still reach them after a restart; removed when the bot is uninstalled.
 */
import { z } from 'zod/v4';
import {
  ConversationRefSchema,
  baseConversationId,
  conversationKey,
  conversationKind,
  type ConversationKind,
  type ConversationRef,
} from './conversation-ref.js';
import type { StateCell } from './state-cell.js';

/** A stored reference under its key. */
export const StoredConversationSchema = z.object({
  key: z.string(),
  kind: z.enum(['personal', 'channel', 'groupChat']),
  ref: ConversationRefSchema,
  updatedAt: z.string(),
});
export type StoredConversation = z.infer<typeof StoredConversationSchema>;

/** The conversation store's durable state. */
export const ConversationStateSchema = z.object({
  conversations: z.record(z.string(), StoredConversationSchema).default({}),
});
export type ConversationState = z.infer<typeof ConversationStateSchema>;

/** An empty conversation state. */
export function emptyConversationState(): ConversationState {
  return { conversations: {} };
}

/** Options of {@link createConversationStore}. */
export interface ConversationStoreOptions {
  readonly store: StateCell<ConversationState>;
  readonly now: () => Date;
}

/** Where the bot can reach users and channels. */
export interface ConversationStore {
  /** Stores (or refreshes) a reference; writes only when something changed. Returns its key. */
  remember(ref: ConversationRef): Promise<{ readonly key: string; readonly changed: boolean }>;
  /** Removes the reference under a key; false when there was none. */
  forget(key: string): Promise<boolean>;
  /** Removes every reference to a conversation (uninstall, 403/404). Returns the keys removed. */
  forgetConversation(conversationId: string): Promise<string[]>;
  get(key: string): Promise<StoredConversation | undefined>;
  /**
   * The personal-chat key of a user, found by Teams id, AAD object id or display name (case-insensitive);
   * undefined when the bot has no personal chat with them.
   */
  findUser(idOrName: string): Promise<string | undefined>;
  list(kind?: ConversationKind): Promise<StoredConversation[]>;
}

const sameRef = (a: ConversationRef, b: ConversationRef) => JSON.stringify(a) === JSON.stringify(b);

/** Creates the conversation store over a state cell. */
export function createConversationStore(options: ConversationStoreOptions): ConversationStore {
  const { store, now } = options;
  const all = () => Object.values(store.read().conversations);
  return {
    async remember(ref) {
      const parsed = ConversationRefSchema.parse(ref);
      const key = conversationKey(parsed);
      // The channel itself, not the thread a message came from.
      const stored: ConversationRef = {
        ...parsed,
        conversation: { ...parsed.conversation, id: baseConversationId(parsed.conversation.id) },
      };
      const existing = store.read().conversations[key];
      if (existing && sameRef(existing.ref, stored)) return { key, changed: false };
      await store.update((state) => {
        state.conversations[key] = { key, kind: conversationKind(stored), ref: stored, updatedAt: now().toISOString() };
      });
      return { key, changed: true };
    },
    async forget(key) {
      if (!store.read().conversations[key]) return false;
      await store.update((state) => {
        delete state.conversations[key];
      });
      return true;
    },
    async forgetConversation(conversationId) {
      const id = baseConversationId(conversationId);
      const keys = all()
        .filter((c) => c.ref.conversation.id === id)
        .map((c) => c.key);
      if (keys.length === 0) return [];
      await store.update((state) => {
        for (const key of keys) delete state.conversations[key];
      });
      return keys;
    },
    get: async (key) => store.read().conversations[key],
    async findUser(idOrName) {
      const wanted = idOrName.trim().toLowerCase();
      if (wanted === '') return undefined;
      const personal = all().filter((c) => c.kind === 'personal' && c.ref.user);
      const byId = personal.find(
        (c) => c.ref.user?.id.toLowerCase() === wanted || c.ref.user?.aadObjectId?.toLowerCase() === wanted,
      );
      if (byId) return byId.key;
      const byName = personal.filter((c) => c.ref.user?.name?.trim().toLowerCase() === wanted);
      // A name shared by two people identifies neither.
      return byName.length === 1 ? byName[0]?.key : undefined;
    },
    list: async (kind) => all().filter((c) => kind === undefined || c.kind === kind),
  };
}
