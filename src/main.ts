/**
 * Builds the whole bot from configuration and starts it: the one place that wires objects together.
 * `src/index.ts` calls {@link startBot}; tests call it in-process with overrides.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pino from 'pino';
import type { Logger } from 'pino';
import { createAnswerer, detectLanguage, renderAnswerText, suggestQuestions } from './answering/index.js';
import type { DeadlineSource } from './answering/index.js';
import type { Config } from './config/env.js';
import { loadConfig } from './config/env.js';
import type { KnowledgeBase } from './knowledge/knowledge-base.js';
import { loadKnowledgeOrThrow } from './knowledge/load-knowledge.js';
import { KNOWLEDGE_KINDS } from './knowledge/schemas.js';
import { createServer } from './server/server.js';
import type { BotApp, QuestionEngine } from './teams/app.js';
import type { AuthOverrides } from './teams/auth.js';
import { createBotApp } from './teams/app.js';
import type { ContactBook } from './teams/contacts.js';
import { openContactBook } from './teams/contacts.js';
import { openStateDir } from './storage/index.js';
import type { FeatureFactory, TeamsFeature } from './teams/handlers/index.js';
import { DEFAULT_FEATURES } from './teams/handlers/index.js';
import type { ProactiveNotifier } from './teams/proactive.js';
import { createProactiveNotifier } from './teams/proactive.js';
import { guardNotifier } from './teams/service-urls.js';

/** Options of {@link startBot}; everything defaults to the production wiring. */
export interface StartBotOptions {
  /** The environment the configuration is read from (default: the process environment, read by `src/config`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Configuration values that win over the environment, e.g. `{ port: 0, stateDir }`. */
  readonly config?: Partial<Config>;
  /** The clock (default: the system clock). */
  readonly now?: () => Date;
  /** A knowledge base to use instead of loading `config.knowledgeDir`. */
  readonly knowledge?: KnowledgeBase;
  /** Replaces the answering engine (default: `src/answering` over the knowledge base). */
  readonly engine?: (knowledge: KnowledgeBase, deps: { now: () => Date; deadlines?: DeadlineSource }) => QuestionEngine;
  /** The features to plug in (default {@link DEFAULT_FEATURES}). */
  readonly features?: readonly FeatureFactory[];
  /** The logger (default: pino to stdout at `config.logLevel`). */
  readonly logger?: Logger;
  /** Stop on SIGTERM/SIGINT (graceful shutdown, then exit). Default false; `src/index.ts` sets it. */
  readonly handleSignals?: boolean;
  /**
   * Tests only: validate tokens against a local OpenID configuration, get outbound tokens without Entra ID,
   * send to a local connector. Deliberately an option and not configuration: `src/index.ts` never sets it.
   */
  readonly authOverrides?: AuthOverrides;
}

/** A running bot. */
export interface RunningBot {
  /** Base URL, e.g. `http://127.0.0.1:3978`. */
  readonly url: string;
  /** `${url}/api/messages`. */
  readonly messagesUrl: string;
  readonly config: Config;
  readonly knowledge: KnowledgeBase;
  readonly app: BotApp;
  readonly notifier: ProactiveNotifier;
  readonly features: readonly TeamsFeature[];
  readonly logger: Logger;
  /** Graceful stop: stop accepting, finish in-flight turns, close features and stores. Idempotent. */
  close(): Promise<void>;
}

/** The production answering engine over a knowledge base. */
export function createDefaultEngine(knowledge: KnowledgeBase, deps: { now: () => Date; deadlines?: DeadlineSource }): QuestionEngine {
  const answerer = createAnswerer(knowledge, { now: deps.now, ...(deps.deadlines && { deadlines: deps.deadlines }) });
  return {
    answer: (question, localeHint) => answerer.answer(question, localeHint),
    renderAnswerText,
    detectLanguage,
    suggestQuestions: (lang) => suggestQuestions(knowledge, lang),
  };
}

/** Creates the structured logger: JSON lines, never message text at info level, secrets redacted. */
export function createLogger(config: Pick<Config, 'logLevel'>, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level: config.logLevel,
      base: { service: 'dagtilbud-bot' },
      redact: { paths: ['*.MicrosoftAppPassword', '*.appPassword', 'req.headers.authorization'], censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

async function readVersion(): Promise<string> {
  // src/main.ts and dist/main.js both sit one level below package.json.
  const file = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'package.json');
  try {
    return (JSON.parse(await readFile(file, 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * Loads configuration and knowledge, builds the app and starts the server.
 * @example const bot = await startBot({ env: { NODE_ENV: 'test' }, config: { port: 0, stateDir } }); await bot.close();
 */
export async function startBot(options: StartBotOptions = {}): Promise<RunningBot> {
  const config: Config = { ...loadConfig(options.env), ...options.config };
  const logger = options.logger ?? createLogger(config);
  const now = options.now ?? (() => new Date());
  for (const warning of config.warnings) logger.warn({ config: true }, warning);
  const startedAt = performance.now();

  const knowledge = options.knowledge ?? (await loadKnowledgeOrThrow(config.knowledgeDir));
  const version = await readVersion();

  const opened: { close(): Promise<void> | void }[] = [];
  const closeAll = async () => {
    for (const item of opened.reverse()) {
      try {
        await item.close();
      } catch (error) {
        logger.error({ err: error }, 'error while closing');
      }
    }
  };

  try {
    // The adapter is created by the app, but features need the notifier first: bind it late.
    let app: BotApp | undefined;
    const notifier: ProactiveNotifier = {
      send: (ref, message) => requireApp().send(ref, message),
      sendActivity: (ref, activity) => requireApp().sendActivity(ref, activity),
    };
    let realNotifier: ProactiveNotifier | undefined;
    function requireApp(): ProactiveNotifier {
      if (!realNotifier) throw new Error('the notifier was used before the bot app was built');
      return realNotifier;
    }

    const features: TeamsFeature[] = [];
    for (const factory of options.features ?? DEFAULT_FEATURES) {
      const feature = await factory({ config, knowledge, now, logger: logger.child({ feature: factory.name || 'feature' }), notifier, features: () => features });
      features.push(feature);
      if (feature.close) opened.push({ close: () => feature.close?.() });
    }
    // After the features: the tasks feature takes the lock on STATE_DIR itself, and its error names that folder.
    const contacts: ContactBook = await openContactBook(
      await openStateDir(path.join(config.stateDir, 'teams'), { logger: logger.child({ component: 'contacts' }), now }),
      now,
    );
    opened.push(contacts);
    const deadlines = features.find((feature) => feature.deadlines)?.deadlines;
    const engine = (options.engine ?? createDefaultEngine)(knowledge, { now, ...(deadlines && { deadlines }) });

    app = createBotApp({
      ...(config.credentials && { credentials: config.credentials }),
      engine,
      commands: features.flatMap((feature) => feature.commands ?? []),
      cardActions: features.flatMap((feature) => feature.cardActions ?? []),
      observers: features.flatMap((feature) => (feature.observe ? [feature.observe] : [])),
      answerListeners: features.flatMap((feature) => (feature.onAnswer ? [feature.onAnswer] : [])),
      feedbackListeners: features.flatMap((feature) => (feature.onFeedback ? [feature.onFeedback] : [])),
      contacts,
      leaderIds: config.leaderIds,
      editorIds: config.editorIds,
      allowedTenantIds: config.allowedTenantIds,
      logger,
      now,
      ...(options.authOverrides && { authOverrides: options.authOverrides }),
    });
    const proactiveLogger = logger.child({ component: 'proactive' });
    realNotifier = guardNotifier(createProactiveNotifier({ adapter: app.adapter, appId: app.appId, logger: proactiveLogger }), app.serviceUrls, proactiveLogger);

    const knowledgeCounts = Object.fromEntries(KNOWLEDGE_KINDS.map((kind) => [kind, knowledge.data[kind].length]));
    const botApp = app;
    const server = createServer({
      logger,
      processActivity: (req, res, log) => botApp.process(req, res, log),
      health: () => ({ version, knowledge: knowledgeCounts, mode: config.credentials ? 'authenticated' : 'local' }),
      uptimeSeconds: () => (performance.now() - startedAt) / 1000,
    });
    const address = await server.listen(config.port, config.host);
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}`;
    for (const feature of features) await feature.start?.();
    logger.info({ url, version, mode: config.credentials ? 'authenticated' : 'local', knowledge: knowledgeCounts }, 'bot started');

    let closing: Promise<void> | undefined;
    const close = () =>
      (closing ??= (async () => {
        logger.info('shutting down: finishing turns in flight');
        await server.close();
        await closeAll();
        logger.info('stopped');
      })());

    if (options.handleSignals) {
      const onSignal = (signal: NodeJS.Signals) => {
        logger.info({ signal }, 'signal received');
        close().then(
          () => process.exit(0),
          (error: unknown) => {
            logger.error({ err: error }, 'shutdown failed');
            process.exit(1);
          },
        );
      };
      process.once('SIGTERM', onSignal);
      process.once('SIGINT', onSignal);
    }

    return { url, messagesUrl: `${url}/api/messages`, config, knowledge, app, notifier, features, logger, close };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
