/**
 * The plain-text form of an answer (the activity's `text`, and the fallback where cards don't show).
 */
import { phrasesFor } from './phrases.js';
import type { Answer } from './types.js';

/** Renders an answer as plain text: headline, sections, suggestions, the source titles (`details` when asked). */
export function renderAnswerText(answer: Answer, options: { readonly details?: boolean } = {}): string {
  const p = phrasesFor(answer.lang);
  const parts: string[] = [answer.headline];
  for (const section of answer.sections) {
    const lines = section.lines.map((line) => `- ${line}`);
    parts.push([section.title, ...lines].filter(Boolean).join('\n'));
  }
  if (answer.suggestions.length > 0) {
    parts.push([p.suggestionsIntro, ...answer.suggestions.map((s) => `- ${s}`)].join('\n'));
  }
  if (options.details && answer.details && answer.details.length > 0) parts.push(answer.details.map((line) => `- ${line}`).join('\n'));
  if (answer.sources.length > 0) {
    const label = answer.sources.length === 1 ? p.source : p.sources;
    parts.push(`${label}: ${answer.sources.map((s) => s.title).join('; ')}`);
  }
  return parts.join('\n\n');
}

/** Cuts a quote to a readable length at a word boundary. */
export function shorten(text: string, max = 160): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(' '))} …`;
}
