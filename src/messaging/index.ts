/**
 * Channel-neutral proactive delivery: conversation references, the persistent outbox (retries, rate limits,
 * dedupe) and the {@link Notifier} the domains use. A channel (`src/teams/proactive.ts`) implements
 * {@link MessageChannel}.
 */
export type { MessageChannel, SendFailure, SendResult } from './channel.js';
export type { ConversationKind, ConversationRef } from './conversation-ref.js';
export { baseConversationId, conversationKey, conversationKind, ConversationRefSchema, userKey } from './conversation-ref.js';
export type { ConversationState, ConversationStore, StoredConversation } from './conversation-store.js';
export { ConversationStateSchema, createConversationStore, emptyConversationState } from './conversation-store.js';
export type { Logger, LogMethod } from './logger.js';
export type { OutboundAttachment, OutboundMessage } from './message.js';
export type { Notice, Notifier, NotifyReport } from './notifier.js';
export { createNotifier } from './notifier.js';
export type { DeliveryReport, Outbox, OutboxEntry, OutboxItem, OutboxOptions, OutboxState } from './outbox.js';
export { createOutbox, emptyOutboxState, OutboxStateSchema } from './outbox.js';
export type { StateCell } from './state-cell.js';
