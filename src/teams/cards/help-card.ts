/**
 * The help reply: what the bot can do, example questions from the knowledge base, and the commands
 * registered by feature handlers; as an Adaptive Card and as plain text.
 */
import type { Lang } from '../../answering/types.js';
import { escapeCardText } from '../escape.js';
import { teamsPhrases } from '../phrases.js';
import type { AdaptiveCard, CardElement } from './adaptive-card.js';
import { ADAPTIVE_CARD_SCHEMA, ADAPTIVE_CARD_VERSION, imBackAction } from './adaptive-card.js';

/** What the help shows. */
export interface HelpContent {
  readonly lang: Lang;
  /** Example questions, derived from the knowledge base. */
  readonly examples: readonly string[];
  /** One line per command, from the registered handlers (built-in help line excluded). */
  readonly commands: readonly string[];
}

/**
 * Writes placeholders as ‹titel›: Teams' card renderer takes `<titel>` for an HTML tag and shows nothing.
 * @example visiblePlaceholders('opgave <titel> [senest <dato>]') // 'opgave ‹titel› [senest ‹dato›]'
 */
export function visiblePlaceholders(text: string): string {
  return text.replace(/<([^<>\n]{1,40})>/g, '‹$1›');
}

/** Teams shows at most six buttons on a card. */
const MAX_EXAMPLE_BUTTONS = 5;

/** Builds the help card; each example question is a button that asks it. */
export function buildHelpCard(content: HelpContent): AdaptiveCard {
  const p = teamsPhrases(content.lang);
  const body: CardElement[] = [
    { type: 'TextBlock', text: p.helpTitle, weight: 'Bolder', size: 'Medium', wrap: true },
    { type: 'TextBlock', text: p.helpIntro, wrap: true },
  ];
  const examples = content.examples.slice(0, MAX_EXAMPLE_BUTTONS);
  if (examples.length > 0) {
    body.push({ type: 'TextBlock', text: p.helpQuestionsTitle, weight: 'Bolder', wrap: true, spacing: 'Medium' });
    for (const example of examples) body.push({ type: 'TextBlock', text: `• ${escapeCardText(example)}`, wrap: true, spacing: 'Small' });
  }
  body.push({ type: 'TextBlock', text: p.helpCommandsTitle, weight: 'Bolder', wrap: true, spacing: 'Medium' });
  for (const line of [p.helpHelpLine, ...content.commands]) {
    body.push({ type: 'TextBlock', text: `• ${escapeCardText(visiblePlaceholders(line))}`, wrap: true, spacing: 'Small' });
  }
  body.push({ type: 'TextBlock', text: p.helpFooter, wrap: true, isSubtle: true, size: 'Small', spacing: 'Medium' });
  return {
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: ADAPTIVE_CARD_VERSION,
    body,
    ...(examples.length > 0 && { actions: examples.map((example) => imBackAction(example)) }),
    msteams: { width: 'Full' },
  };
}

/** The same help as plain text. */
export function renderHelpText(content: HelpContent): string {
  const p = teamsPhrases(content.lang);
  const parts = [`${p.helpTitle}\n${p.helpIntro}`];
  if (content.examples.length > 0) {
    parts.push([`${p.helpQuestionsTitle}:`, ...content.examples.map((example) => `- ${example}`)].join('\n'));
  }
  parts.push([`${p.helpCommandsTitle}:`, ...[p.helpHelpLine, ...content.commands].map((line) => `- ${visiblePlaceholders(line)}`)].join('\n'));
  parts.push(p.helpFooter);
  return parts.join('\n\n');
}
