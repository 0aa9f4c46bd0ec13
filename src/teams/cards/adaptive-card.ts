/**
 * Minimal Adaptive Card types and helpers shared by the card builders (plain JSON, no SDK).
 */

export const ADAPTIVE_CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
/** The newest schema version Teams renders everywhere (desktop, web, mobile). */
export const ADAPTIVE_CARD_VERSION = '1.5';
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** An element of a card body (TextBlock, FactSet, Container, ...), kept open: builders own their shapes. */
export type CardElement = { readonly type: string } & Record<string, unknown>;

/** A card action (Action.Execute, Action.Submit, Action.OpenUrl, ...). */
export type CardAction = { readonly type: string; readonly title?: string } & Record<string, unknown>;

/** An Adaptive Card as sent to Teams. */
export interface AdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly $schema: string;
  readonly version: string;
  readonly body: readonly CardElement[];
  readonly actions?: readonly CardAction[];
  readonly msteams?: Record<string, unknown>;
  readonly refresh?: Record<string, unknown>;
  readonly [key: string]: unknown;
}

/** A full-width card (Teams `msteams.width: 'Full'`) with `body`, and `actions` when there are any. */
export function fullWidthCard(body: readonly CardElement[], actions: readonly CardAction[] = []): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: ADAPTIVE_CARD_VERSION,
    body,
    ...(actions.length > 0 && { actions }),
    msteams: { width: 'Full' },
  };
}

/** A button that posts `text` as if the user had typed it (Teams `imBack`). */
export function imBackAction(text: string, title: string = text): CardAction {
  return { type: 'Action.Submit', title, data: { msteams: { type: 'imBack', value: text } } };
}

/** Wraps a card as a message attachment. */
export function cardAttachment(card: AdaptiveCard): { contentType: string; content: AdaptiveCard } {
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card };
}
