/**
 * The message action "Opret opgave" / "Create task" (a `composeExtensions` action command with context `message`):
 * `composeExtension/fetchTask` opens a dialog prefilled from the message (title shortened, a link back to it), the
 * owner and due date to choose; `composeExtension/submitAction` records the task in the same store and the same way
 * as the `opgave` command (same leader check, same numbering) and posts the task card in the conversation.
 */
import type { TurnContext } from 'botbuilder';
import { ActivityTypes } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { z } from 'zod/v4';
import type { KnowledgeBase } from '../../knowledge/index.js';
import { canChangeTasks, renderCreated, taskPhrases, TITLE_MAX_LENGTH } from '../../tasks/index.js';
import type { TaskLang, TaskOwner, TaskStore } from '../../tasks/index.js';
import { toLocalDate } from '../../time/format-date.js';
import { cardAttachment, type AdaptiveCard } from '../cards/adaptive-card.js';
import { buildTaskCard } from '../cards/task-card.js';
import { buildTaskDialogCard, taskDialogTitle, type OwnerChoice } from '../cards/task-dialog-card.js';
import { personKey } from '../conversation-refs.js';
import { escapeCardText, escapePlainText } from '../escape.js';
import type { CommandContext } from '../handlers/types.js';
import { MESSAGE_EXTENSION_COMMANDS } from './knowledge-search.js';

/** The title proposed from a message: its first line, at most this long, cut at a word. */
export const PROPOSED_TITLE_CHARS = 120;

const PHRASES: Record<TaskLang, { me: (name: string) => string; author: (name: string) => string; noTitle: string; badDate: string; unavailable: string; open: string }> = {
  da: {
    me: (name) => `Mig selv${name ? ` (${name})` : ''}`,
    author: (name) => `Beskedens afsender (${name})`,
    noTitle: 'Opgaven skal have en titel.',
    badDate: 'Fristen skal være en dato (ÅÅÅÅ-MM-DD).',
    unavailable: 'Opgaver kan ikke oprettes lige nu.',
    open: 'Åbn beskeden',
  },
  en: {
    me: (name) => `Me${name ? ` (${name})` : ''}`,
    author: (name) => `The message's author (${name})`,
    noTitle: 'The task needs a title.',
    badDate: 'The due date must be a date (YYYY-MM-DD).',
    unavailable: 'Tasks cannot be created right now.',
    open: 'Open the message',
  },
};

/** The message the action was started on, as Teams sends it in `value.messagePayload`. */
const MessagePayloadSchema = z
  .object({
    body: z.object({ contentType: z.string().optional(), content: z.string().optional() }).partial().optional(),
    from: z.object({ user: z.object({ id: z.string().optional(), displayName: z.string().optional() }).partial().optional() }).partial().optional(),
    linkToMessage: z.string().optional(),
  })
  .partial();

const SubmitSchema = z.object({
  title: z.string().optional(),
  owner: z.string().optional(),
  due: z.string().optional(),
  lang: z.enum(['da', 'en']).optional(),
  link: z.string().optional(),
  author: z.object({ id: z.string().min(1), name: z.string().min(1) }).optional(),
});

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * The plain text of a Teams message body. Teams sends simple HTML (paragraphs, line breaks, mentions, emphasis):
 * only its text is needed for a title, so tags are dropped and entities decoded rather than parsing the HTML.
 */
export function messageText(content: string, contentType = 'html'): string {
  if (contentType !== 'html') return content.trim();
  return content
    .replace(/<br\s*\/?>|<\/(?:p|div|li|h\d)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
      return ENTITIES[name.toLowerCase()] ?? entity;
    })
    .replace(/[ \t\u00a0]+/g, ' ')
    .trim();
}

/** A title from a message's text: the first non-empty line, cut at a word to {@link PROPOSED_TITLE_CHARS}. */
export function proposeTitle(text: string): string {
  const line = text.split('\n').map((l) => l.trim()).find((l) => l !== '') ?? '';
  if (line.length <= PROPOSED_TITLE_CHARS) return line;
  const cut = line.slice(0, PROPOSED_TITLE_CHARS - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > PROPOSED_TITLE_CHARS / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Links back to a message are Teams links; anything else is not offered as one. */
function teamsLink(link: string | undefined): string | undefined {
  if (link === undefined) return undefined;
  try {
    const url = new URL(link);
    return url.protocol === 'https:' && (url.hostname === 'teams.microsoft.com' || url.hostname.endsWith('.teams.microsoft.com') || url.hostname === 'teams.cloud.microsoft') ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

/** Options of {@link registerCreateTask}. */
export interface CreateTaskOptions {
  readonly knowledge: KnowledgeBase;
  /** The tasks feature's store; absent when the bot runs without tasks. */
  readonly taskStore: () => TaskStore | undefined;
  readonly leaderIds: readonly string[];
  readonly timeZone: string;
  readonly now: () => Date;
}

/** Registers the fetch-task and submit-action routes of the "create task" message action. */
export function registerCreateTask(
  application: Application,
  contextOf: (turn: TurnContext, text?: string) => CommandContext,
  options: CreateTaskOptions,
): void {
  const people = [...options.knowledge.data.people].sort((a, b) => a.name.localeCompare(b.name, 'da'));

  application.messageExtensions.fetchTask(MESSAGE_EXTENSION_COMMANDS.createTask, async (context) => {
    const payload = MessagePayloadSchema.safeParse((context.activity.value as { messagePayload?: unknown } | undefined)?.messagePayload ?? {});
    const message = payload.success ? payload.data : {};
    const text = messageText(message.body?.content ?? '', message.body?.contentType ?? 'html');
    // The dialog speaks the user's language (their locale), whatever language the message was written in.
    const ctx = contextOf(context);
    const lang: TaskLang = ctx.lang;
    const p = PHRASES[lang];
    if (!canChangeTasks(ctx.user.aadObjectId, options.leaderIds, ctx.user.id)) return taskPhrases(lang).notAllowed;
    const author = message.from?.user;
    const owners: OwnerChoice[] = [
      { value: 'me', title: p.me(ctx.user.name ?? '') },
      ...(author?.id && author.displayName && author.id !== ctx.user.aadObjectId ? [{ value: 'author', title: p.author(author.displayName) }] : []),
      ...people.map((person) => ({ value: `kb:${person.id}`, title: `${person.name} (${person.title[lang]})` })),
    ];
    const link = teamsLink(message.linkToMessage);
    const card: AdaptiveCard = buildTaskDialogCard({
      lang,
      title: proposeTitle(text).slice(0, TITLE_MAX_LENGTH),
      owners,
      ...(link !== undefined && { link }),
      excerpt: escapeCardText(text.length > 600 ? `${text.slice(0, 599)}…` : text),
      titleMaxLength: TITLE_MAX_LENGTH,
    });
    // The author travels with the submit (the dialog cannot ask Teams again who wrote the message).
    const submit = card.actions?.[0];
    if (submit && author?.id && author.displayName) (submit.data as Record<string, unknown>).author = { id: author.id, name: author.displayName };
    ctx.logger.info({ route: 'createTask.fetch', owners: owners.length, link: link !== undefined }, 'task dialog opened');
    return { title: taskDialogTitle(lang), height: 'medium', width: 'medium', card: cardAttachment(card) };
  });

  application.messageExtensions.submitAction(MESSAGE_EXTENSION_COMMANDS.createTask, async (context, _state, data) => {
    const parsed = SubmitSchema.safeParse(data);
    const ctx = contextOf(context);
    const lang: TaskLang = (parsed.success ? parsed.data.lang : undefined) ?? ctx.lang;
    const p = PHRASES[lang];
    if (!canChangeTasks(ctx.user.aadObjectId, options.leaderIds, ctx.user.id)) {
      ctx.logger.info({ route: 'createTask.submit' }, 'task change refused: not a leader');
      return taskPhrases(lang).notAllowed;
    }
    const store = options.taskStore();
    if (store === undefined) return p.unavailable;
    if (!parsed.success) return p.noTitle;
    const input = parsed.data;
    const title = (input.title ?? '').replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, ' ').replace(/\s+/g, ' ').trim();
    if (title === '' || title.length > TITLE_MAX_LENGTH) return p.noTitle;
    const due = input.due?.trim() ?? '';
    if (due !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(due)) return p.badDate;

    let owner: TaskOwner | undefined;
    if (input.owner?.startsWith('kb:')) {
      const person = people.find((candidate) => candidate.id === input.owner!.slice(3));
      if (person) owner = { id: person.id, name: person.name, source: 'knowledge' };
    } else if (input.owner === 'author' && input.author) {
      owner = { id: input.author.id, name: input.author.name, source: 'mention' };
    }
    const { task } = await store.create({
      title,
      ...(owner !== undefined && { owner }),
      ...(due !== '' && { due }),
      createdBy: { id: personKey(ctx.user), name: ctx.user.name ?? '' },
      creatorTeamsId: ctx.user.id,
      conversationId: ctx.conversation.id,
    });
    ctx.logger.info({ task: task.number, ownerSource: task.owner.source, due: task.due !== undefined }, 'task created from a message');
    const card = buildTaskCard(task, lang, toLocalDate(options.now(), options.timeZone));
    const link = teamsLink(input.link);
    const withLink: AdaptiveCard = link ? { ...card, actions: [...(card.actions ?? []), { type: 'Action.OpenUrl', title: p.open, url: link }] } : card;
    await context.sendActivity({ type: ActivityTypes.Message, text: renderCreated(task, lang, escapePlainText), textFormat: 'plain', attachments: [cardAttachment(withLink)] });
    // Nothing more for the dialog: it closes.
    return null;
  });
}
