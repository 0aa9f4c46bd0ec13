/**
 * The knowledge-gap list for the editors: each group of like questions with how often and how lately it was asked,
 * what the bot answered, the comments given, and buttons to turn it into a task or dismiss it.
 */
import type { GapGroup } from '../../feedback/gap-log.js';
import { gapPhrases, type GapLang } from '../../feedback/phrases.js';
import { toLocalDate } from '../../time/format-date.js';
import { escapeCardText } from '../escape.js';
import type { AdaptiveCard, CardAction, CardElement } from './adaptive-card.js';
import { ADAPTIVE_CARD_SCHEMA, ADAPTIVE_CARD_VERSION } from './adaptive-card.js';

/** The verbs of the gap buttons. */
export const GAP_CARD_VERBS = ['gap.task', 'gap.dismiss'] as const;
export type GapCardVerb = (typeof GAP_CARD_VERBS)[number];

/** The data of a gap button. */
export interface GapCardData {
  readonly id: string;
  readonly lang: GapLang;
}

/** At most this many groups on one card (most frequent first). */
export const GAP_CARD_MAX_GROUPS = 10;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function gapButtons(group: GapGroup, lang: GapLang): CardAction[] {
  const p = gapPhrases(lang);
  const data: GapCardData = { id: group.id, lang };
  return [
    { type: 'Action.Execute', title: p.createTask, verb: 'gap.task', data },
    { type: 'Action.Execute', title: p.dismiss, verb: 'gap.dismiss', data },
  ];
}

function groupElement(group: GapGroup, lang: GapLang, timeZone: string, withButtons: boolean): CardElement {
  const p = gapPhrases(lang);
  const items: CardElement[] = [
    { type: 'TextBlock', text: escapeCardText(clip(group.question, 300)), weight: 'Bolder', wrap: true },
    { type: 'TextBlock', text: p.asked(group.count, toLocalDate(new Date(group.lastAt), timeZone), group.ratedDown), size: 'Small', isSubtle: true, wrap: true, spacing: 'None' },
  ];
  if (group.answer.trim() !== '') {
    items.push({ type: 'TextBlock', text: `${p.botAnswered}: ${escapeCardText(clip(group.answer, 200))}`, size: 'Small', isSubtle: true, wrap: true, spacing: 'Small' });
  }
  if (group.comments.length > 0) {
    items.push({ type: 'TextBlock', text: `${p.comments}: ${group.comments.slice(0, 3).map((c) => `»${escapeCardText(clip(c, 200))}«`).join(' ')}`, size: 'Small', wrap: true, spacing: 'Small' });
  }
  if (withButtons) items.push({ type: 'ActionSet', actions: gapButtons(group, lang) });
  return { type: 'Container', separator: true, spacing: 'Medium', items };
}

/** Options of {@link buildGapListCard}. */
export interface GapListCardOptions {
  readonly timeZone: string;
  /** Plain text (escaped here) topping the card, e.g. after a button click. */
  readonly notice?: string;
  /** The title (default: the list title with the count). */
  readonly title?: string;
  /** Buttons to create a task or dismiss (default true). */
  readonly buttons?: boolean;
}

/** The gap list card. */
export function buildGapListCard(groups: readonly GapGroup[], lang: GapLang, options: GapListCardOptions): AdaptiveCard {
  const p = gapPhrases(lang);
  const body: CardElement[] = [{ type: 'TextBlock', text: options.title ?? p.listTitle(groups.length), weight: 'Bolder', size: 'Medium', wrap: true }];
  if (options.notice) body.push({ type: 'TextBlock', text: escapeCardText(options.notice), wrap: true, color: 'Accent' });
  if (groups.length === 0) body.push({ type: 'TextBlock', text: p.empty, wrap: true, isSubtle: true });
  for (const group of groups.slice(0, GAP_CARD_MAX_GROUPS)) body.push(groupElement(group, lang, options.timeZone, options.buttons ?? true));
  if (groups.length > GAP_CARD_MAX_GROUPS) body.push({ type: 'TextBlock', text: p.more(groups.length - GAP_CARD_MAX_GROUPS), wrap: true, isSubtle: true });
  return { type: 'AdaptiveCard', $schema: ADAPTIVE_CARD_SCHEMA, version: ADAPTIVE_CARD_VERSION, body, msteams: { width: 'Full' } };
}

/** The gap list as plain text, for channels without cards (user text not escaped here). */
export function renderGapListText(groups: readonly GapGroup[], lang: GapLang, timeZone: string, title?: string): string {
  const p = gapPhrases(lang);
  if (groups.length === 0) return `${title ?? p.listTitle(0)}\n${p.empty}`;
  const lines = groups.slice(0, GAP_CARD_MAX_GROUPS).map((g) => `- ${clip(g.question, 300)} (${p.asked(g.count, toLocalDate(new Date(g.lastAt), timeZone), g.ratedDown)})`);
  return [title ?? p.listTitle(groups.length), ...lines].join('\n');
}
