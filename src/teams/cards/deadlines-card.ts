/**
 * The upcoming deadlines (`frister` / `deadlines`) from every source as one card: date and how far off, what, and
 * where it comes from (added in chat, a task, or the knowledge base's document by title).
 */
import type { UpcomingDeadline } from '../../reminders/deadlines.js';
import { reminderPhrases, type PhraseLang } from '../../reminders/phrases.js';
import { daysBetween, formatDate } from '../../time/format-date.js';
import { escapeCardText } from '../escape.js';
import type { AdaptiveCard, CardElement } from './adaptive-card.js';
import { ADAPTIVE_CARD_SCHEMA, ADAPTIVE_CARD_VERSION } from './adaptive-card.js';

const SOURCE_LABELS = {
  da: { chat: 'Frist tilføjet i chatten', task: (n: number) => `Opgave #${n}`, knowledge: 'Kilde' },
  en: { chat: 'Deadline added in chat', task: (n: number) => `Task #${n}`, knowledge: 'Source' },
} as const;

/** Where a deadline comes from, in words (plain text: escape for the medium). */
export function deadlineSourceText(deadline: UpcomingDeadline, lang: PhraseLang): string {
  const labels = SOURCE_LABELS[lang];
  switch (deadline.source.kind) {
    case 'chat':
      return labels.chat;
    case 'task':
      return `${labels.task(deadline.source.number)}${deadline.source.owner ? ` · ${deadline.source.owner}` : ''}`;
    case 'knowledge':
      return deadline.source.document ? `${labels.knowledge}: ${deadline.source.document[lang]}` : labels.knowledge;
  }
}

function when(deadline: UpcomingDeadline, lang: PhraseLang, today: string): string {
  const p = reminderPhrases(lang);
  const end = deadline.end && deadline.end !== deadline.date ? `–${formatDate(deadline.end, lang)}` : '';
  return `${formatDate(deadline.date, lang)}${end} (${p.when(daysBetween(today, deadline.date))})`;
}

/** The deadlines card. */
export function buildDeadlinesCard(deadlines: readonly UpcomingDeadline[], lang: PhraseLang, today: string): AdaptiveCard {
  const p = reminderPhrases(lang);
  const body: CardElement[] = [{ type: 'TextBlock', text: p.deadlinesTitle, weight: 'Bolder', size: 'Medium', wrap: true }];
  if (deadlines.length === 0) body.push({ type: 'TextBlock', text: p.noDeadlines, wrap: true, isSubtle: true });
  for (const deadline of deadlines) {
    body.push({
      type: 'Container',
      separator: true,
      items: [
        { type: 'TextBlock', text: escapeCardText(when(deadline, lang, today)), size: 'Small', weight: 'Bolder', wrap: true },
        { type: 'TextBlock', text: escapeCardText(deadline.title[lang]), wrap: true, spacing: 'None' },
        { type: 'TextBlock', text: escapeCardText(deadlineSourceText(deadline, lang)), size: 'Small', isSubtle: true, wrap: true, spacing: 'None' },
      ],
    });
  }
  return { type: 'AdaptiveCard', $schema: ADAPTIVE_CARD_SCHEMA, version: ADAPTIVE_CARD_VERSION, body, msteams: { width: 'Full' } };
}

/** The same list as plain text (for channels without cards); user text is not escaped here. */
export function renderDeadlinesText(deadlines: readonly UpcomingDeadline[], lang: PhraseLang, today: string): string {
  const p = reminderPhrases(lang);
  if (deadlines.length === 0) return p.noDeadlines;
  return [`${p.deadlinesTitle}:`, ...deadlines.map((d) => `- ${when(d, lang, today)}: ${d.title[lang]} (${deadlineSourceText(d, lang)})`)].join('\n');
}
