/**
 * The search-based message extension "Søg i vidensbasen" / "Search the knowledge base": while the user types in
 * the compose box, Teams sends `composeExtension/query` invokes and gets preview items (the answer's headline and
 * its source); choosing one sends `composeExtension/selectItem`, answered with the full answer card, which Teams
 * inserts into the message being written. The answer comes from the same engine as chat answers, so the card names
 * its source the same way; when the knowledge base does not say, the result says so and offers nothing to insert.
 *
 * Teams gives an invoke 5 seconds; the engine answers in milliseconds (`bench/message-extension.ts` prints the p99).
 */
import type { TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { z } from 'zod/v4';
import type { Answer, Lang } from '../../answering/types.js';
import type { QuestionEngine } from '../app.js';
import { buildAnswerCard } from '../cards/answer-card.js';
import { ADAPTIVE_CARD_CONTENT_TYPE } from '../cards/adaptive-card.js';
import { localeOf } from '../conversation-refs.js';
import { escapePlainText } from '../escape.js';
import type { CommandContext } from '../handlers/types.js';

/** The manifest's command ids (`composeExtensions[0].commands[].id`). */
export const MESSAGE_EXTENSION_COMMANDS = { search: 'searchKnowledge', createTask: 'createTask' } as const;

/** The query parameter's name in the manifest. */
export const SEARCH_PARAMETER = 'query';

/** Longest query answered; Teams' compose box sends what is typed, so longer input is cut, not refused. */
export const MAX_QUERY_CHARS = 500;

const THUMBNAIL_CARD = 'application/vnd.microsoft.card.thumbnail';

const PHRASES: Record<Lang, { hint: string; unknown: string; source: string; sources: string }> = {
  da: {
    hint: 'Skriv et spørgsmål, fx »Hvem refererer klyngelederne til?«',
    unknown: 'Det står ikke i vidensbasen, så der er intet svar at indsætte. Prøv at spørge anderledes.',
    source: 'Kilde',
    sources: 'Kilder',
  },
  en: {
    hint: 'Type a question, e.g. "Who do the cluster leaders report to?"',
    unknown: 'The knowledge base does not say, so there is no answer to insert. Try asking differently.',
    source: 'Source',
    sources: 'Sources',
  },
};

/** What a preview item carries back in `composeExtension/selectItem`. */
const SelectedSchema = z.object({ question: z.string().min(1).max(MAX_QUERY_CHARS), lang: z.enum(['da', 'en']) });

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function sourceLine(answer: Answer): string {
  const p = PHRASES[answer.lang];
  return `${answer.sources.length === 1 ? p.source : p.sources}: ${answer.sources.map((s) => s.title).join('; ')}`;
}

/** The preview of an answer: a thumbnail card (the kind Teams shows in the result list) that selects it on tap. */
function previewOf(answer: Answer, question: string) {
  return {
    contentType: THUMBNAIL_CARD,
    content: {
      title: escapePlainText(truncate(answer.headline, 200)),
      text: escapePlainText(truncate(sourceLine(answer), 300)),
      tap: { type: 'invoke', value: { question, lang: answer.lang } },
    },
  };
}

/** The answer card to insert: the chat card without its suggestion buttons (they would post as the inserting user). */
function insertable(answer: Answer) {
  const { actions: _actions, ...card } = buildAnswerCard(answer);
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card };
}

/** Options of {@link registerKnowledgeSearch}. */
export interface KnowledgeSearchOptions {
  readonly engine: () => QuestionEngine;
}

/** Registers the query and select-item routes on the Application. */
export function registerKnowledgeSearch(
  application: Application,
  contextOf: (turn: TurnContext, text?: string) => CommandContext,
  options: KnowledgeSearchOptions,
): void {
  application.messageExtensions.query(MESSAGE_EXTENSION_COMMANDS.search, async (context, _state, query) => {
    const raw = query.parameters[SEARCH_PARAMETER];
    const question = truncate(typeof raw === 'string' ? raw.replace(/\s+/g, ' ').trim() : '', MAX_QUERY_CHARS);
    const ctx = contextOf(context, question);
    const engine = options.engine();
    if (question === '') return { type: 'message', text: PHRASES[ctx.lang].hint };
    const answer = await engine.answer(question, localeOf(context.activity));
    ctx.logger.info({ route: 'search', answerKind: answer.kind, chars: question.length }, 'message extension query answered');
    if (answer.kind === 'unknown') return { type: 'message', text: PHRASES[answer.lang].unknown };
    return { type: 'result', attachmentLayout: 'list', attachments: [{ ...insertable(answer), preview: previewOf(answer, question) }] };
  });

  application.messageExtensions.selectItem(async (context, _state, item) => {
    const selected = SelectedSchema.safeParse(item);
    const ctx = contextOf(context);
    if (!selected.success) return { type: 'message', text: PHRASES[ctx.lang].hint };
    const answer = await options.engine().answer(selected.data.question, selected.data.lang === 'da' ? 'da-DK' : 'en-US');
    ctx.logger.info({ route: 'search.select', answerKind: answer.kind }, 'message extension item selected');
    if (answer.kind === 'unknown') return { type: 'message', text: PHRASES[answer.lang].unknown };
    return { type: 'result', attachmentLayout: 'list', attachments: [{ ...insertable(answer), preview: previewOf(answer, selected.data.question) }] };
  });
}
