/**
 * A proactive message as plain JSON: what the domains hand to messaging and what a channel posts.
 */

/** An Adaptive Card or other attachment, as plain JSON. */
export interface OutboundAttachment {
  readonly contentType: string;
  readonly content: unknown;
}

/** A message to post, as plain JSON. */
export interface OutboundMessage {
  readonly text?: string;
  /** Shown in notifications when the message is a card. */
  readonly summary?: string;
  readonly attachments?: readonly OutboundAttachment[];
}
