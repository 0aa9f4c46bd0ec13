/**
 * What a feature is and what it is given: the domain's stores and services, built by the composition root.
 */
import type { Logger } from 'pino';
import type { Answer } from '../../answering/types.js';
import type { FeedTokens } from '../../calendar/index.js';
import type { ChartLinks } from '../../org-chart/index.js';
import type { HttpRoute } from '../../server/server.js';
import type { QuestionEngine } from '../app.js';
import type { CardAction } from '../cards/adaptive-card.js';
import type { Config } from '../../config/env.js';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.js';
import type { ConversationStore } from '../../messaging/index.js';
import type { DeadlineStore } from '../../reminders/deadlines.js';
import type { ReminderService } from '../../reminders/reminder-service.js';
import type { Subscriptions } from '../../reminders/subscriptions.js';
import type { TaskStore } from '../../tasks/index.js';
import type { ProactiveNotifier } from '../proactive.js';
import type { GapLog } from '../../feedback/gap-log.js';
import type { ScheduledJob } from '../../reminders/scheduler.js';
import type { AnswerListener, CardActionRegistration, CommandRegistration, ConversationObserver, FeedbackListener, InvokeRegistrar } from './types.js';

/** The domain's stores and services, built by the composition root (`src/main.ts`) and handed to every feature. */
export interface BotDomain {
  readonly tasks: TaskStore;
  readonly deadlines: DeadlineStore;
  readonly subscriptions: Subscriptions;
  readonly conversations: ConversationStore;
  /** The reminder and digest work (its schedule is run by the composition root). */
  readonly reminders: ReminderService;
  /** Questions the bot could not answer or whose answers were rated down, and the feedback on answers. */
  readonly gaps: GapLog;
  /** The leaders' private calendar feed tokens. */
  readonly feedTokens: FeedTokens;
  /** The unguessable links to chart pictures. */
  readonly chartLinks: ChartLinks;
}

/** What a feature gets to build itself. */
export interface FeatureServices {
  readonly config: Config;
  readonly knowledge: KnowledgeBase;
  readonly now: () => Date;
  /** A child logger named after the feature. */
  readonly logger: Logger;
  /** Sends proactive messages (reminders, digests) to stored conversation references. */
  readonly notifier: ProactiveNotifier;
  /** The stores and services of the domain; a feature never opens state itself. */
  readonly domain: BotDomain;
  /** The bot's public origin for links it hands out (PUBLIC_BASE_URL, else where it listens); call it at run time. */
  readonly publicBaseUrl?: () => string;
  /** The question engine (built after the features); call it at run time. */
  readonly engine?: () => QuestionEngine;
}

/** A feature plugged into the Teams app. */
export interface TeamsFeature {
  readonly name: string;
  /** Tried in feature order, then in array order, before the question answerer. */
  readonly commands?: readonly CommandRegistration[];
  readonly cardActions?: readonly CardActionRegistration[];
  /** GET routes served besides `/api/messages` (calendar feeds, chart images). */
  readonly routes?: readonly HttpRoute[];
  /** Registers invoke handlers (message extensions, dialogs) on the teams-ai Application. */
  readonly invokes?: InvokeRegistrar;
  /** Buttons to add under an answer card (e.g. "Vis som diagram" on a reporting-line answer). */
  readonly answerActions?: (answer: Answer) => readonly CardAction[];
  /** Sees every activity's conversation: installs, uninstalls, messages. */
  readonly observe?: ConversationObserver;
  /** Sees every answer the bot sends to a question. */
  readonly onAnswer?: AnswerListener;
  /** Receives thumbs up/down on the bot's answers (Teams' feedback loop). */
  readonly onFeedback?: FeedbackListener;
  /** Scheduled work, run by the composition root on the instance that runs the schedule (one at a time). */
  readonly jobs?: readonly ScheduledJob[];
  /** Called once the server listens. */
  start?(): Promise<void> | void;
  /** Called on shutdown after in-flight turns have finished. */
  close?(): Promise<void> | void;
}

/** Builds a feature from the services it is given (it opens no state of its own). */
export type FeatureFactory = (services: FeatureServices) => Promise<TeamsFeature> | TeamsFeature;
