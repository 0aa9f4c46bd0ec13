/**
 * How the outbox delivers a message: the Teams layer implements it (`src/teams/proactive.ts`).
 */
import type { ConversationRef } from './conversation-ref.js';

/** An Adaptive Card or other attachment, as plain JSON. */
export interface OutboundAttachment {
  readonly contentType: string;
  readonly content: unknown;
}

/** A message activity to post, as plain JSON. */
export interface OutboundMessage {
  readonly text?: string;
  /** Shown in notifications when the message is a card. */
  readonly summary?: string;
  readonly attachments?: readonly OutboundAttachment[];
}

/**
 * The result of one delivery attempt: `status` is the connector's HTTP status (0 when no answer came,
 * e.g. the connection failed); `retryAfterMs` from a `Retry-After` header.
 */
export type SendResult = { readonly ok: true } | { readonly ok: false; readonly status: number; readonly retryAfterMs?: number; readonly error?: string };

/** Sends one message to one conversation. Expected failures are results, not exceptions. */
export interface Notifier {
  send(ref: ConversationRef, message: OutboundMessage): Promise<SendResult>;
}
