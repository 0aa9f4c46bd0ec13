/**
 * The feature registry: each feature (tasks, reminders, ...) contributes command handlers and card
 * actions, and may have a lifecycle (open stores, start schedulers, close them on shutdown).
 *
 * To add a feature: write `src/teams/handlers/<feature>.ts` exporting a {@link FeatureFactory} and add it
 * to {@link DEFAULT_FEATURES} below (the only edit needed outside your files).
 */
import type { Logger } from 'pino';
import type { DeadlineSource } from '../../answering/index.js';
import type { Config } from '../../config/env.js';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.js';
import type { TaskSource } from '../../reminders/reminder-service.js';
import type { ProactiveNotifier } from '../proactive.js';
import { createFeedbackFeature } from './feedback.js';
import { createRemindersFeature } from './reminders.js';
import { createTasksFeature } from './tasks.js';
import type { AnswerListener, CardActionRegistration, CommandContext, CommandRegistration, ConversationObserver, FeedbackListener } from './types.js';

export type * from './types.js';

/** What a feature gets to build itself. */
export interface FeatureServices {
  readonly config: Config;
  readonly knowledge: KnowledgeBase;
  readonly now: () => Date;
  /** A child logger named after the feature. */
  readonly logger: Logger;
  /** Sends proactive messages (reminders, digests) to stored conversation references. */
  readonly notifier: ProactiveNotifier;
  /** Every feature of the bot, once all are built (call it at run time, not while building). */
  readonly features?: () => readonly TeamsFeature[];
}

/** Creates a task the way `opgave` does, for the person in `ctx` (e.g. a knowledge gap an editor takes on). */
export interface TaskCreator {
  create(title: string, ctx: CommandContext): Promise<{ readonly number: number; readonly title: string }>;
}

/** A feature plugged into the Teams app. */
export interface TeamsFeature {
  readonly name: string;
  /** Tried in feature order, then in array order, before the question answerer. */
  readonly commands?: readonly CommandRegistration[];
  readonly cardActions?: readonly CardActionRegistration[];
  /** Deadlines added in chat, which the answering engine should know about too. */
  readonly deadlines?: DeadlineSource;
  /** Open tasks, for reminders and the channel digest. */
  readonly tasks?: TaskSource;
  /** Creates tasks for other features. */
  readonly taskCreator?: TaskCreator;
  /** Sees every activity's conversation: installs, uninstalls, messages. */
  readonly observe?: ConversationObserver;
  /** Sees every answer the bot sends to a question. */
  readonly onAnswer?: AnswerListener;
  /** Receives thumbs up/down on the bot's answers. */
  readonly onFeedback?: FeedbackListener;
  /** Called once the server listens (e.g. start schedulers). */
  start?(): Promise<void> | void;
  /** Called on shutdown after in-flight turns have finished (stop schedulers, close stores). */
  close?(): Promise<void> | void;
}

/** Builds a feature; may open files under `services.config.stateDir`. */
export type FeatureFactory = (services: FeatureServices) => Promise<TeamsFeature> | TeamsFeature;

/** The features of the production bot, in the order their commands are tried. */
export const DEFAULT_FEATURES: readonly FeatureFactory[] = [createTasksFeature, createRemindersFeature, createFeedbackFeature];
