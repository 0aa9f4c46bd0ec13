/**
 * How messaging posts one message to one conversation: a channel (the Teams layer's `src/teams/proactive.ts`)
 * implements {@link MessageChannel} and says what a failure means in channel-neutral terms, so the outbox never
 * reads HTTP statuses.
 */
import type { ConversationRef } from './conversation-ref.js';
import type { OutboundMessage } from './message.js';

/**
 * What a failed send means for the outbox:
 * - `transient`: try again later with backoff (connection failed, timed out, server error);
 * - `throttled`: the channel asked the bot to slow down: wait at least `retryAfterMs`, and slow every send down;
 * - `gone`: the conversation cannot be reached any more (bot removed or blocked, conversation deleted):
 *   drop its messages and forget its reference;
 * - `rejected`: this message will never be accepted (bad request): drop it.
 */
export type SendFailure = 'transient' | 'throttled' | 'gone' | 'rejected';

/**
 * The result of one delivery attempt. `status` is the channel's own code (an HTTP status for Teams; 0 when no
 * answer came), kept for logs and dead letters only.
 */
export type SendResult =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly failure: SendFailure;
      readonly status: number;
      /** From the channel (e.g. a `Retry-After` header): wait at least this long before the next try. */
      readonly retryAfterMs?: number;
      readonly error?: string;
    };

/** Posts one message to one conversation. Expected failures are results, not exceptions. */
export interface MessageChannel {
  /**
   * Sends `message` to `ref`'s conversation. `signal` aborts a send that takes too long (the outbox's send timeout):
   * the channel should stop waiting and answer a `transient` failure.
   */
  send(ref: ConversationRef, message: OutboundMessage, signal?: AbortSignal): Promise<SendResult>;
}
