/**
 * The plug-in surface of the Teams app: command handlers (typed messages) and card action handlers
 * (Adaptive Card `Action.Execute` buttons). Feature modules register theirs in `./index.ts`.
 */
import type { Activity, TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import type { Logger } from 'pino';
import type { Answer, Lang } from '../../answering/types.js';
import type { ConversationRef } from '../../messaging/index.js';
import type { AdaptiveCard } from '../cards/adaptive-card.js';
import type { CardAlternatives } from '../cards/message.js';

/** Who wrote the message. */
export interface TurnUser {
  /** The Teams user id (`29:…`); stable per bot. */
  readonly id: string;
  /** The Entra ID object id, when Teams sends it (it does for real users). */
  readonly aadObjectId?: string;
  readonly name?: string;
}

/** Where the message was written. */
export interface TurnConversation {
  /** The conversation id as sent (a channel thread id may end in `;messageid=…`). */
  readonly id: string;
  readonly kind: 'personal' | 'channel' | 'groupChat';
  readonly tenantId?: string;
  /** The team's id, for channel messages. */
  readonly teamId?: string;
  /** The channel's id (without a thread suffix), for channel messages. */
  readonly channelId?: string;
}

/** What a handler knows about the turn and how it answers. */
export interface CommandContext {
  /** The botbuilder turn, for what the fields below do not cover. */
  readonly turn: TurnContext;
  /** The user's language (from the text, then the locale). */
  readonly lang: Lang;
  /** The client's locale, e.g. "da-DK", when sent. */
  readonly locale?: string;
  readonly user: TurnUser;
  readonly conversation: TurnConversation;
  /** A plain-JSON reference to this conversation, to message it later (proactively). */
  readonly ref: ConversationRef;
  /** True when the user is one of LEADER_IDS (or LEADER_IDS is empty). */
  readonly isLeader: boolean;
  /** True when the user is one of EDITOR_IDS (or, with EDITOR_IDS empty, a leader). */
  readonly isEditor: boolean;
  readonly now: () => Date;
  /** The turn's logger (carries the turn id); never log message text at info level. */
  readonly logger: Logger;
  /** Sends a message to the conversation (a reply in a channel thread). */
  reply(activityOrText: string | Partial<Activity>): Promise<void>;
  /** Sends a card as the one message of the reply (its summary for notifications), or its text where cards do not show. */
  replyCard(card: AdaptiveCard, alternatives: CardAlternatives): Promise<void>;
}

/** An answer the bot sent to a question. */
export interface AnsweredQuestion {
  /** The id the connector gave the bot's message (what feedback on it names), when it gave one. */
  readonly messageId?: string;
  readonly question: string;
  readonly answer: Answer;
}

/** Sees every answer sent (e.g. to log knowledge gaps and to know what feedback refers to). */
export type AnswerListener = (answered: AnsweredQuestion, ctx: CommandContext) => Promise<void>;

/** Thumbs up or down, with an optional comment, on one of the bot's messages (Teams' feedback loop). */
export interface FeedbackEvent {
  /** The bot message rated. */
  readonly messageId: string;
  readonly reaction: 'like' | 'dislike';
  readonly comment?: string;
}

/** Receives the feedback given on the bot's answers. */
export type FeedbackListener = (feedback: FeedbackEvent, ctx: CommandContext) => Promise<void>;

/**
 * Handles a typed message (the bot's @mention already removed, trimmed); resolves `true` when it
 * handled it, `false` to let the next handler (and finally the question answerer) try.
 */
export type CommandHandler = (text: string, ctx: CommandContext) => Promise<boolean>;

/** A command handler with a name (for logs) and the lines it adds to the help text. */
export interface CommandRegistration {
  readonly name: string;
  readonly handle: CommandHandler;
  /** One line per command, e.g. `opgave: <hvad> til <hvem> <hvornår> — opretter en opgave`. */
  readonly help?: (lang: Lang) => readonly string[];
}

/** What a card action answers: a card replacing the clicked one, or a short message. */
export type CardActionResult =
  | {
      readonly card: AdaptiveCard;
      /** Replace the card for everyone in the conversation (default: only for the user who clicked). */
      readonly forAll?: boolean;
    }
  | { readonly message: string };

/** Handles an Adaptive Card `Action.Execute` with a given verb; `data` is the action's data. */
export interface CardActionRegistration {
  /** The verb, e.g. `'task.complete'`. */
  readonly verb: string;
  readonly handle: (data: Readonly<Record<string, unknown>>, ctx: CommandContext) => Promise<CardActionResult>;
}

/** What an activity means for the conversations the bot can reach (see `conversation-events.ts`). */
export interface ConversationEvent {
  /** `installed`/`uninstalled`: the bot was added to or removed from the conversation; else `activity`. */
  readonly kind: 'activity' | 'installed' | 'uninstalled';
  readonly ref: ConversationRef;
  readonly conversation: TurnConversation;
  readonly user: TurnUser;
  /** For a message: the language it is written in (its words first, the client's locale only as a tie-break). */
  readonly lang?: Lang;
  /**
   * Hands the turn a write the observer has started (its change already applied in memory) and need not wait for:
   * the turn answers the HTTP request only once it is durable, but routing and answering go on meanwhile.
   * Absent outside a turn: then the observer awaits its own writes.
   */
  readonly waitUntil?: (write: Promise<unknown>) => void;
}

/** Sees every activity's conversation (before routing), e.g. to keep conversation references. */
export type ConversationObserver = (event: ConversationEvent) => Promise<void>;

/**
 * Registers a feature's invoke routes (message extensions, dialogs) on the teams-ai Application; `contextOf` gives
 * the same {@link CommandContext} a command gets (language from the activity's locale, leader check, logger).
 */
export type InvokeRegistrar = (application: Application, contextOf: (turn: TurnContext, text?: string) => CommandContext) => void;
