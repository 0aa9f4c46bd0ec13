/**
 * One message per reply: a card reply is the Adaptive Card alone, with a `summary` for notifications and previews;
 * a channel that cannot show cards gets the text alternative instead (never both).
 *
 * The rule: the Teams clients (`msteams`, which the Agents Playground also uses) and Bot Framework's own web
 * clients (`webchat`, `directline`, `emulator`) render Adaptive Cards; any other channel (SMS, e-mail, Slack, …)
 * gets the plain text.
 */
import type { AdaptiveCard } from './adaptive-card.js';
import { cardAttachment } from './adaptive-card.js';

/** The channels whose clients render Adaptive Cards 1.5. */
export const CARD_CHANNELS: ReadonlySet<string> = new Set(['msteams', 'webchat', 'directline', 'emulator']);

/** True when the channel's clients show Adaptive Cards. */
export function supportsCards(channelId: string | undefined): boolean {
  return channelId !== undefined && CARD_CHANNELS.has(channelId);
}

/** A card reply's text forms: the notification summary and the full text for channels without cards. */
export interface CardAlternatives {
  /** One line for notifications and chat previews (plain text). */
  readonly summary: string;
  /** The whole reply as plain text (already escaped for plain text). */
  readonly text: string;
}

/** A message activity as plain JSON. */
export interface CardReply {
  readonly type: 'message';
  readonly summary?: string;
  readonly text?: string;
  readonly textFormat?: 'plain';
  readonly attachments?: ReadonlyArray<ReturnType<typeof cardAttachment>>;
  readonly channelData?: Record<string, unknown>;
}

/** The message for a card reply on a channel: the card with its summary, or the text alone. */
export function cardReply(card: AdaptiveCard, alternatives: CardAlternatives, channelId: string | undefined): CardReply {
  if (!supportsCards(channelId)) return { type: 'message', text: alternatives.text, textFormat: 'plain' };
  return { type: 'message', summary: oneLine(alternatives.summary), attachments: [cardAttachment(card)] };
}

/** The first line of a text, shortened for a notification. */
export function oneLine(text: string, max = 200): string {
  const line = text.split('\n').find((part) => part.trim() !== '')?.trim() ?? '';
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}
