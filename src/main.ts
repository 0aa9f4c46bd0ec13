/**
 * Builds the whole bot from configuration and starts it: the one place that wires objects together.
 * `src/index.ts` calls {@link startBot}; tests call it in-process with overrides.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pino from 'pino';
import type { Logger } from 'pino';
import { createAnswerer, detectLanguage, readLexiconExtensions, renderAnswerText, suggestQuestions, warmUpInTurns, type LexiconExtension, type WarmedUp } from './answering/index.js';
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
import { createNotifier, createOutbox } from './messaging/index.js';
import { createReminderService } from './reminders/reminder-service.js';
import { createScheduler, firstRunAtOrAfter } from './reminders/scheduler.js';
import { createGapLog } from './feedback/gap-log.js';
import { openFileStores } from './storage/file-stores.js';
import { createStateHealth } from './storage/index.js';
import type { StateHealth } from './storage/index.js';
import type { BotStores } from './storage/stores.js';
import { buildDigestMessage, buildReminderMessage } from './teams/cards/reminder-card.js';
import type { BotDomain, FeatureFactory, TeamsFeature } from './teams/handlers/index.js';
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
  readonly engine?: (knowledge: KnowledgeBase, deps: EngineDeps) => QuestionEngine;
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
  /** The stores and services the features were given. */
  readonly domain: BotDomain;
  readonly logger: Logger;
  /** Graceful stop: stop accepting, finish in-flight turns, close features and stores. Idempotent. */
  close(): Promise<void>;
}

/** What the engine is given: the clock, and the chat-added deadlines as the store has them. */
export interface EngineDeps {
  readonly now: () => Date;
  readonly deadlines?: { list(): Promise<ReturnType<DeadlineSource['list']>> };
  /** The knowledge base's own phrasings (`<knowledge folder>/lexicon/*.json`). */
  readonly lexicon?: readonly LexiconExtension[];
  /** The engine builds its index once this resolves (startBot: just after the server listens); default at once. */
  readonly buildAfter?: Promise<void>;
  /**
   * Once built, ask the engine's warm-up questions (src/answering/warm-up.ts), one per turn of the event loop, so the
   * first users' questions do not pay for compiling its code; default true.
   */
  readonly warmUp?: boolean;
}

/**
 * The production answering engine over a knowledge base. Its index is built once `deps.buildAfter` resolves; a
 * question that comes before waits for it (`ready` settles when it is built, or rejects with the build's error).
 */
export function createDefaultEngine(
  knowledge: KnowledgeBase,
  deps: EngineDeps,
): QuestionEngine & {
  readonly ready: Promise<void>;
  /** Settles after the warm-up (undefined without one or when the build failed). */
  readonly warmedUp: Promise<WarmedUp | undefined>;
  /** Ends the warm-up early (at shutdown). */
  stopWarmUp(): void;
} {
  // The answerer reads deadlines synchronously; each question reads the store first (another instance may
  // have added one) and hands the answerer that list. `answer` below is synchronous after the read, so
  // concurrent questions cannot see each other's list.
  let deadlines: ReturnType<DeadlineSource['list']> = [];
  const built = (deps.buildAfter ?? Promise.resolve()).then(() =>
    createAnswerer(knowledge, { now: deps.now, deadlines: { list: () => deadlines }, ...(deps.lexicon && { lexicon: deps.lexicon }) }),
  );
  // A failed build is reported by `ready` (startBot logs it) and to every question; never an unhandled rejection.
  built.catch(() => undefined);
  const stopping = new AbortController();
  const warmedUp = deps.warmUp === false ? Promise.resolve(undefined) : built.then((answerer) => warmUpInTurns(answerer, knowledge, stopping.signal), () => undefined);
  return {
    ready: built.then(() => undefined),
    warmedUp,
    stopWarmUp: () => stopping.abort(),
    async answer(question, localeHint) {
      const answerer = await built;
      const current = (await deps.deadlines?.list()) ?? [];
      deadlines = current;
      return answerer.answer(question, localeHint);
    },
    renderAnswerText,
    detectLanguage,
    suggestQuestions: (lang) => suggestQuestions(knowledge, lang),
  };
}

/**
 * The one line that says the bot is ready, readable by a person (and starting with "bot started" for scripts).
 * @example readyLine('http://127.0.0.1:3978/api/messages', 'local', { documents: 5, roles: 40 })
 * // 'bot started: listening on http://127.0.0.1:3978/api/messages, local mode (no Bot Framework tokens), knowledge base: 5 documents, 40 roles'
 */
export function readyLine(endpoint: string, mode: 'authenticated' | 'local', counts: Readonly<Record<string, number>>): string {
  const kb = Object.entries(counts)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => `${count} ${kind.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`)}`)
    .join(', ');
  const modeText = mode === 'local' ? 'local mode (no Bot Framework tokens)' : 'authenticated mode';
  return `bot started: listening on ${endpoint}, ${modeText}, knowledge base: ${kb || 'empty'}`;
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

/** Opens the stores: PostgreSQL when DATABASE_URL is set, else lowdb files in STATE_DIR. */
export async function openStores(config: Config, deps: { readonly logger: Logger; readonly now: () => Date; readonly health?: StateHealth }): Promise<BotStores> {
  const { logger, now } = deps;
  if (config.databaseUrl !== undefined) {
    // Loaded only with a database (pg and node-pg-migrate), so a bot on files does not pay for them at start.
    const { openPostgresStores } = await import('./storage/postgres/index.js');
    return openPostgresStores({
      url: config.databaseUrl,
      poolMax: config.databasePoolMax,
      leaseTtlMs: config.scheduleLeaseSeconds * 1000,
      timeZone: config.timeZone,
      logger,
      now,
    });
  }
  return openFileStores({
    stateDir: config.stateDir,
    timeZone: config.timeZone,
    logger,
    now,
    acceptLoss: config.acceptStateLoss,
    ...(deps.health && { health: deps.health }),
  });
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
  const lexicon = await readLexiconExtensions(config.knowledgeDir);
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

    const stateHealth = createStateHealth();
    const stores = await openStores(config, { logger: logger.child({ component: 'state' }), now, health: stateHealth });
    opened.push(stores);

    const outbox = createOutbox({
      store: stores.outbox,
      channel: notifier,
      logger: logger.child({ component: 'outbox' }),
      delivery: { sendTimeoutMs: config.sendTimeoutMs, ratePerSecond: config.deliveryRatePerSecond },
      now,
      onGone: async (ref) => {
        const removed = await stores.conversations.forgetConversation(ref.conversation.id);
        logger.warn({ removed }, 'conversation reference removed: the conversation is gone');
      },
    });
    const reminders = createReminderService({
      now,
      leadDays: config.reminderDaysBefore,
      graceMs: config.reminderGraceHours * 3_600_000,
      firstRunAtOrAfter: firstRunAtOrAfter(config.reminderCron, config.timeZone),
      timeZone: config.timeZone,
      kb: knowledge,
      deadlines: stores.deadlines,
      tasks: stores.tasks,
      subscriptions: stores.subscriptions,
      notifier: createNotifier({ conversations: stores.conversations, outbox }),
      messages: { reminder: buildReminderMessage, digest: buildDigestMessage },
      logger: logger.child({ component: 'reminders' }),
    });
    const scheduler = createScheduler({
      logger: logger.child({ component: 'scheduler' }),
      now,
      timeZone: config.timeZone,
      jobs: [
        { name: 'reminders', cron: config.reminderCron, runOnStart: true, run: () => reminders.runReminders().then(() => undefined) },
        { name: 'digest', cron: config.digestCron, run: (at) => reminders.runDigest(at).then(() => undefined) },
      ],
    });
    // With PostgreSQL one instance at a time runs the schedule and the outbox (the lease); with files, this one.
    opened.push({ close: () => stores.schedule.stop() });
    const domain: BotDomain = {
      tasks: stores.tasks,
      deadlines: stores.deadlines,
      subscriptions: stores.subscriptions,
      conversations: stores.conversations,
      reminders,
      gaps: createGapLog({ gaps: stores.gaps, feedback: stores.feedback, answered: stores.answered, now, retentionDays: config.gapRetentionDays }),
      feedTokens: stores.feedTokens,
      chartLinks: stores.chartLinks,
    };

    // Known once the server listens (port 0 in tests) and once the engine is built: bound late, like the notifier.
    let listeningUrl: string | undefined;
    const publicBaseUrl = () => {
      const url = config.publicBaseUrl ?? listeningUrl;
      if (url === undefined) throw new Error('the public base URL was used before the server listened');
      return url;
    };
    let builtEngine: QuestionEngine | undefined;
    const engineLate = () => {
      if (builtEngine === undefined) throw new Error('the engine was used before it was built');
      return builtEngine;
    };
    const features: TeamsFeature[] = [];
    for (const factory of options.features ?? DEFAULT_FEATURES) {
      const feature = await factory({ config, knowledge, now, logger: logger.child({ feature: factory.name || 'feature' }), notifier, domain, publicBaseUrl, engine: engineLate });
      features.push(feature);
      if (feature.close) opened.push({ close: () => feature.close?.() });
    }
    // The features' own scheduled work (the gap digest, pruning) runs where the schedule runs: one instance at a time.
    const featureScheduler = createScheduler({
      logger: logger.child({ component: 'scheduler' }),
      now,
      timeZone: config.timeZone,
      jobs: features.flatMap((feature) => feature.jobs ?? []),
    });
    opened.push({ close: () => featureScheduler.stop() });
    // The engine's index is the largest piece of start-up work; it is built once the server listens (below), so
    // that start-up, the first request's own work (its fsyncs, the welcome) and the build overlap. A question
    // that arrives first waits for it.
    let startBuild: () => void = () => undefined;
    const buildAfter = new Promise<void>((resolve) => {
      startBuild = resolve;
    });
    const engine: QuestionEngine & { readonly warmedUp?: Promise<WarmedUp | undefined>; stopWarmUp?(): void } = (options.engine ?? createDefaultEngine)(knowledge, { now, deadlines: stores.deadlines, lexicon, buildAfter });
    builtEngine = engine;
    let engineProblem: string | undefined;

    app = createBotApp({
      ...(config.credentials && { credentials: config.credentials }),
      engine,
      commands: features.flatMap((feature) => feature.commands ?? []),
      cardActions: features.flatMap((feature) => feature.cardActions ?? []),
      observers: features.flatMap((feature) => (feature.observe ? [feature.observe] : [])),
      answerListeners: features.flatMap((feature) => (feature.onAnswer ? [feature.onAnswer] : [])),
      feedbackListeners: features.flatMap((feature) => (feature.onFeedback ? [feature.onFeedback] : [])),
      invokes: features.flatMap((feature) => (feature.invokes ? [feature.invokes] : [])),
      answerActions: features.flatMap((feature) => (feature.answerActions ? [feature.answerActions] : [])),
      contacts: { firstContact: (key) => stores.greeted.firstContact(key), close: async () => undefined },
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
      problems: () => [
        ...stateHealth.problems().map((problem) => `state ${problem.store}: ${problem.reason}`),
        ...(stores.problems?.() ?? []),
        ...(engineProblem ? [engineProblem] : []),
      ],
      uptimeSeconds: () => (performance.now() - startedAt) / 1000,
      routes: features.flatMap((feature) => feature.routes ?? []),
    });
    const address = await server.listen(config.port, config.host);
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}`;
    listeningUrl = url;
    stores.schedule.start({
      acquired() {
        outbox.start();
        scheduler.start();
        featureScheduler.start();
      },
      async lost() {
        await featureScheduler.stop();
        await scheduler.stop();
        await outbox.stop();
      },
    });
    for (const feature of features) await feature.start?.();
    const mode = config.credentials ? 'authenticated' : 'local';
    logger.info({ url, version, mode, storage: stores.backend, knowledge: knowledgeCounts }, readyLine(`${url}/api/messages`, mode, knowledgeCounts));
    // After the rest of start-up has run and any request already waiting has been read.
    const buildStarted = performance.now();
    setImmediate(startBuild);
    engine.ready?.then(
      () => {
        logger.info({ ms: Math.round(performance.now() - buildStarted) }, 'answering engine ready');
        void engine.warmedUp?.then((warmed) => warmed && logger.info({ questions: warmed.questions, ms: Math.round(warmed.ms) }, 'answering engine warmed up'));
      },
      (error: unknown) => {
        engineProblem = `answering engine: the build failed: ${error instanceof Error ? error.message : String(error)}`;
        logger.error({ err: error }, 'answering engine build failed: questions are answered with an apology');
      },
    );

    let closing: Promise<void> | undefined;
    const close = () =>
      (closing ??= (async () => {
        logger.info('shutting down: finishing turns in flight');
        engine.stopWarmUp?.();
        // Proactive delivery stops while the turns in flight finish: both are bounded (10 s, 3 s), so a slow
        // connector cannot hold the shutdown; unsent messages stay queued for the next start.
        // The schedule gate goes first, so that a lease taken meanwhile does not start the schedule here again.
        await Promise.all([server.close(), stores.schedule.stop(), scheduler.stop(), outbox.stop()]);
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

    return { url, messagesUrl: `${url}/api/messages`, config, knowledge, app, notifier, features, domain, logger, close };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
