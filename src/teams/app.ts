/**
 * The Teams app: a teams-ai `Application` on a `TeamsAdapter` (botbuilder's CloudAdapter) that routes
 * messages to help, the registered command handlers and finally the question answerer, and card actions
 * to the registered card action handlers.
 */
import { randomUUID } from 'node:crypto';
import type { Activity, InvokeResponse, Request as BotRequest, ResourceResponse, Response as BotResponse, TurnContext } from 'botbuilder';
import { ActivityTypes, ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import type { AuthenticateRequestResult } from 'botframework-connector';
import { Application, TeamsAdapter } from '@microsoft/teams-ai';
import type { Logger } from 'pino';
import type { Answer, Lang } from '../answering/types.js';
import type { BotCredentials } from '../config/env.js';
import type { AuthOverrides } from './auth.js';
import { botFrameworkAuthOptions, isAuthenticationOutage, screenAuthorizationHeader } from './auth.js';
import { buildAnswerCard } from './cards/answer-card.js';
import { cardAttachment, type AdaptiveCard, type CardAction } from './cards/adaptive-card.js';
import { buildHelpCard, renderHelpText } from './cards/help-card.js';
import { cardReply, supportsCards } from './cards/message.js';
import { commandLanguage, recognizeSmallTalk, suggestCommand } from './conversation.js';
import type { ContactBook } from './contacts.js';
import { conversationOf, conversationRefFromActivity, localeOf, personKey, userOf } from './conversation-refs.js';
import { escapePlainText } from './escape.js';
import type {
  AnswerListener,
  CardActionRegistration,
  CardActionResult,
  CommandContext,
  CommandRegistration,
  ConversationObserver,
  FeedbackListener,
  InvokeRegistrar,
} from './handlers/types.js';
import { conversationEventOf } from './conversation-events.js';
import { checkInboundActivity } from './inbound-activity.js';
import { isHelpRequest, MAX_MESSAGE_CHARS, teamsPhrases } from './phrases.js';
import type { ServiceUrlPolicy } from './service-urls.js';
import { StateWriteError } from '../storage/index.js';
import { createServiceUrlPolicy, GuardedCredentialsFactory } from './service-urls.js';

/** The answering engine as the Teams layer uses it (`src/answering` provides it). */
export interface QuestionEngine {
  answer(question: string, localeHint?: string): Answer | Promise<Answer>;
  renderAnswerText(answer: Answer): string;
  detectLanguage(text: string, localeHint?: string): Lang;
  /** Example questions the knowledge base can answer, for help and welcome. */
  suggestQuestions(lang: Lang): readonly string[];
  /** Settles when the engine can answer without waiting (its index is built); absent: it always can. */
  readonly ready?: Promise<void>;
}

/** Options of {@link createBotApp}. */
export interface BotAppOptions {
  /** Bot Framework credentials; absent in local mode (no token checks; never in production). */
  readonly credentials?: BotCredentials;
  readonly engine: QuestionEngine;
  /** Tried in order before the question answerer. */
  readonly commands?: readonly CommandRegistration[];
  readonly cardActions?: readonly CardActionRegistration[];
  /** Invoke routes of features (message extensions, dialogs). */
  readonly invokes?: readonly InvokeRegistrar[];
  /** Buttons features add under an answer card. */
  readonly answerActions?: readonly ((answer: Answer) => readonly CardAction[])[];
  /** See every activity's conversation (install, uninstall, any message) before routing. */
  readonly observers?: readonly ConversationObserver[];
  /** See every answer sent to a question (knowledge-gap log, feedback). */
  readonly answerListeners?: readonly AnswerListener[];
  /** Receive thumbs up/down on answers; with none, answers do not offer Teams' feedback buttons. */
  readonly feedbackListeners?: readonly FeedbackListener[];
  readonly contacts: ContactBook;
  /** Entra object ids or Teams user ids of the leadership team; empty: everyone counts as a leader. */
  readonly leaderIds?: readonly string[];
  /** Entra object ids or Teams user ids of the knowledge-base editors; empty: the leaders. */
  readonly editorIds?: readonly string[];
  /** Tenants served; empty: any tenant. */
  readonly allowedTenantIds?: readonly string[];
  readonly logger: Logger;
  readonly now: () => Date;
  /** Tests only: local signing keys and outbound tokens (see {@link AuthOverrides}). */
  readonly authOverrides?: AuthOverrides;
}

/** The wired Teams app. */
export interface BotApp {
  readonly adapter: BotFrameworkAdapter;
  readonly application: Application;
  /** The bot's app id; empty in local mode. */
  readonly appId: string;
  /** Where the bot may send messages (and its token). */
  readonly serviceUrls: ServiceUrlPolicy;
  /** Runs one HTTP request to `/api/messages` through the adapter and the app. */
  process(req: BotRequest, res: BotResponse, logger?: Logger): Promise<void>;
}

/**
 * The teams-ai adapter, with authentication and turn processing as separate steps, so that the app can
 * answer every authentication failure with 401 and check the activity before any handler runs.
 */
export class BotFrameworkAdapter extends TeamsAdapter {
  /** Validates the request's token for the activity (rejects when it is not valid). */
  authenticate(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.botFrameworkAuthentication.authenticateRequest(activity, authHeader);
  }

  /** Runs one authenticated activity; resolves with the invoke response, if the turn set one. */
  processAuthenticated(
    authentication: AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authentication, activity, logic);
  }
}

/** The parsed body as an activity, timestamps as dates (as botbuilder's own request handling does). */
function toActivity(body: unknown): Activity {
  const activity = body as Activity & { rawTimestamp?: string; rawLocalTimestamp?: string; rawExpiration?: string };
  if (typeof activity !== 'object' || activity === null || typeof activity.type !== 'string') {
    throw new Error('the request body is not an activity');
  }
  for (const [field, raw] of [['timestamp', 'rawTimestamp'], ['localTimestamp', 'rawLocalTimestamp'], ['expiration', 'rawExpiration']] as const) {
    const value = (activity as unknown as Record<string, unknown>)[field];
    if (typeof value === 'string') {
      (activity as unknown as Record<string, unknown>)[raw] = value;
      (activity as unknown as Record<string, unknown>)[field] = new Date(value);
    }
  }
  return activity;
}

function headerValue(headers: Record<string, string | string[] | undefined>, name: string): string {
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
}

/** Creates the Teams app. Registers nothing global; several can live in one process (tests). */
export function createBotApp(options: BotAppOptions): BotApp {
  const { engine, contacts, now } = options;
  const commands = options.commands ?? [];
  const leaderIds = new Set(options.leaderIds ?? []);
  const editorIds = new Set(options.editorIds ?? []);
  const feedbackListeners = options.feedbackListeners ?? [];
  const allowedTenants = new Set(options.allowedTenantIds ?? []);
  const credentials = options.credentials;
  const serviceUrls = createServiceUrlPolicy({
    local: credentials === undefined,
    ...(options.authOverrides?.extraServiceOrigins && { extraOrigins: options.authOverrides.extraServiceOrigins }),
  });

  // With no MicrosoftAppId the adapter neither checks incoming tokens nor sends any (local mode).
  const authOptions = botFrameworkAuthOptions(credentials, options.authOverrides);
  const adapter = new BotFrameworkAdapter(
    authOptions,
    new GuardedCredentialsFactory(options.authOverrides?.credentialsFactory ?? new ConfigurationServiceClientCredentialFactory(authOptions), serviceUrls),
  );
  const application = new Application({
    adapter,
    ...(credentials && { botAppId: credentials.appId }),
    removeRecipientMention: true,
    // teams-ai keeps one typing timer per Application, shared by concurrent turns: leave it off.
    startTypingTimer: false,
    longRunningMessages: false,
  });

  const turnLoggers = new WeakMap<TurnContext, Logger>();
  const loggerFor = (context: TurnContext): Logger => turnLoggers.get(context) ?? options.logger;
  // Writes observers handed over (see ConversationEvent.waitUntil): awaited before the turn answers the request.
  const turnWrites = new WeakMap<TurnContext, Promise<unknown>[]>();
  // The observers and the message route both need the message's text and language: worked out once per turn.
  const turnTexts = new WeakMap<TurnContext, string>();
  const turnLangs = new WeakMap<TurnContext, { readonly input: string; readonly lang: Lang }>();

  function messageTextOf(context: TurnContext): string {
    let text = turnTexts.get(context);
    if (text === undefined) {
      text = normalizeMessageText(context.activity.text ?? '', context.activity.recipient?.name);
      turnTexts.set(context, text);
    }
    return text;
  }

  function turnLanguage(context: TurnContext, input: string): Lang {
    const known = turnLangs.get(context);
    if (known?.input === input) return known.lang;
    const lang = languageOf(input, localeOf(context.activity));
    turnLangs.set(context, { input, lang });
    return lang;
  }

  async function settleWrites(context: TurnContext): Promise<void> {
    const writes = turnWrites.get(context);
    if (writes) await Promise.all(writes);
  }

  const isIn = (ids: ReadonlySet<string>, user: ReturnType<typeof userOf>) => ids.has(user.id) || (user.aadObjectId !== undefined && ids.has(user.aadObjectId));

  /** The language of a message: its command words, then its own words; the client's locale only breaks a tie. */
  function languageOf(text: string, locale: string | undefined): Lang {
    return commandLanguage(text) ?? recognizeSmallTalk(text)?.lang ?? engine.detectLanguage(text, locale);
  }

  function commandContext(context: TurnContext, lang: Lang): CommandContext {
    const activity = context.activity;
    const user = userOf(activity);
    const locale = localeOf(activity);
    const isLeader = leaderIds.size === 0 || isIn(leaderIds, user);
    return {
      turn: context,
      lang,
      ...(locale && { locale }),
      user,
      conversation: conversationOf(activity),
      ref: conversationRefFromActivity(activity),
      isLeader,
      isEditor: editorIds.size === 0 ? isLeader : isIn(editorIds, user),
      now,
      logger: loggerFor(context),
      reply: async (activityOrText) => {
        await context.sendActivity(activityOrText);
      },
      replyCard: async (card, alternatives) => {
        await context.sendActivity(cardReply(card, alternatives, activity.channelId) as Partial<Activity>);
      },
    };
  }

  const replyText = (context: TurnContext, text: string) => context.sendActivity({ type: ActivityTypes.Message, text, textFormat: 'plain' });

  async function sendWelcome(context: TurnContext, lang: Lang): Promise<void> {
    await context.sendActivity({ type: ActivityTypes.Message, text: teamsPhrases(lang).welcome, textFormat: 'plain' });
  }

  async function sendHelp(ctx: CommandContext): Promise<void> {
    const content = {
      lang: ctx.lang,
      examples: engine.suggestQuestions(ctx.lang),
      commands: commands.flatMap((command) => command.help?.(ctx.lang) ?? []),
    };
    await ctx.replyCard(buildHelpCard(content), { summary: teamsPhrases(ctx.lang).helpTitle, text: renderHelpText(content) });
  }

  async function answerQuestion(text: string, ctx: CommandContext): Promise<void> {
    // The words decide the language; the engine gets the locale only for text with no language of its own.
    const answer = await engine.answer(text, ctx.lang === 'da' ? 'da-DK' : 'en-US');
    ctx.logger.info({ answerKind: answer.kind, lang: answer.lang, sources: answer.sources.length }, 'question answered');
    if (answer.kind === 'smalltalk') {
      // Not a question (the engine's own small talk): a short text, no card, nothing to rate.
      await replyText(ctx.turn, escapePlainText(answer.headline));
      return;
    }
    // The engine may echo the question: plain text, with links and mentions broken.
    const plain = escapePlainText(engine.renderAnswerText(answer));
    const card = withActions(buildAnswerCard(answer), (options.answerActions ?? []).flatMap((actionsFor) => actionsFor(answer)));
    const reply = cardReply(card, { summary: escapePlainText(answer.headline), text: plain }, ctx.turn.activity.channelId);
    // Teams shows its thumbs up/down under a message that enables the feedback loop (teams-ai's `feedbackLoopEnabled`).
    const withFeedback = feedbackListeners.length > 0 && supportsCards(ctx.turn.activity.channelId) ? { ...reply, channelData: { feedbackLoopEnabled: true } } : reply;
    const sent: ResourceResponse | undefined = await ctx.turn.sendActivity(withFeedback as Partial<Activity>);
    for (const listener of options.answerListeners ?? []) {
      try {
        await listener({ ...(sent?.id && { messageId: sent.id }), question: text, answer }, ctx);
      } catch (error) {
        ctx.logger.error({ err: error }, 'answer listener failed');
      }
    }
  }

  // Greeting is a courtesy: a failure to remember it must not cost the user the answer.
  async function isFirstContact(context: TurnContext): Promise<boolean> {
    try {
      return await contacts.firstContact(personKey(userOf(context.activity)));
    } catch (error) {
      loggerFor(context).error({ err: error }, 'could not record first contact');
      return false;
    }
  }

  // Features keeping conversation references see every activity; their failure must not cost the turn.
  async function notifyObservers(context: TurnContext): Promise<void> {
    const found = options.observers?.length ? conversationEventOf(context.activity) : undefined;
    if (!found) return;
    const activity = context.activity;
    const text = activity.type === ActivityTypes.Message ? messageTextOf(context) : '';
    const waitUntil = (write: Promise<unknown>) => {
      // Handled at once, so that a failed write is logged even on a path that never settles the turn's writes.
      const handled = write.then(
        () => undefined,
        (error: unknown) => loggerFor(context).error({ err: error, event: found.kind }, 'conversation observer failed'),
      );
      const writes = turnWrites.get(context);
      if (writes) writes.push(handled);
      else turnWrites.set(context, [handled]);
    };
    const event = text === '' ? { ...found, waitUntil } : { ...found, lang: turnLanguage(context, text.slice(0, 1_000)), waitUntil };
    for (const observe of options.observers ?? []) {
      try {
        await observe(event);
      } catch (error) {
        loggerFor(context).error({ err: error, event: event.kind }, 'conversation observer failed');
      }
    }
  }

  application.turn('beforeTurn', async (context) => {
    const tenantIds = tenantsOf(context.activity);
    // Teams names the tenant twice (conversation and channelData): every one named must be allowed.
    if (allowedTenants.size > 0 && (tenantIds.length === 0 || tenantIds.some((id) => !allowedTenants.has(id)))) {
      loggerFor(context).warn({ tenantId: tenantIds.join(',') || undefined }, 'activity from a tenant that is not allowed: ignored');
      return false;
    }
    await notifyObservers(context);
    return true;
  });

  application.conversationUpdate('membersAdded', async (context) => {
    const activity = context.activity;
    const botId = activity.recipient?.id;
    if (!botId || !activity.membersAdded?.some((member) => member.id === botId)) return;
    const lang = engine.detectLanguage('', localeOf(activity));
    loggerFor(context).info({ conversationKind: conversationOf(activity).kind }, 'bot installed: welcome sent');
    await sendWelcome(context, lang);
    // The person who installed the bot in a personal chat has now been greeted.
    if (conversationOf(activity).kind === 'personal' && activity.from?.id) await isFirstContact(context);
  });

  application.activity(ActivityTypes.Message, async (context) => {
    const activity = context.activity;
    const log = loggerFor(context);
    const text = messageTextOf(context);

    if (text.length > MAX_MESSAGE_CHARS) {
      const lang = turnLanguage(context, text.slice(0, 1_000));
      log.info({ chars: text.length }, 'message too long: refused');
      await context.sendActivity({ type: ActivityTypes.Message, text: teamsPhrases(lang).tooLong(text.length), textFormat: 'plain' });
      return;
    }
    const lang = turnLanguage(context, text);
    const ctx = commandContext(context, lang);
    const help = isHelpRequest(text);
    const smallTalk = recognizeSmallTalk(text, activity.recipient?.name);

    const hasValue = activity.value !== undefined && activity.value !== null;
    // The welcome is for someone who opens the chat without asking anything ("hej", "tak", an empty message).
    // A first message that asks or commands gets its answer first, with no introduction in front of it: a busy
    // leader wants the answer, and the install (membersAdded) has already sent the welcome.
    // Help introduces the bot itself, so it counts as the welcome (and is not preceded by one).
    const opensWithoutAsking = smallTalk !== undefined || (text === '' && !hasValue);
    const firstIntroduction = ctx.conversation.kind === 'personal' && (help || opensWithoutAsking) && (await isFirstContact(context));
    const welcomed = firstIntroduction && !help;
    if (welcomed) await sendWelcome(context, lang);
    if (help) {
      log.info({ route: 'help' }, 'help shown');
      await sendHelp(ctx);
      return;
    }
    if (text === '' && !hasValue) {
      await ctx.reply({ type: ActivityTypes.Message, text: teamsPhrases(lang).empty, textFormat: 'plain' });
      return;
    }
    for (const command of commands) {
      if (await command.handle(text, ctx)) {
        log.info({ route: command.name }, 'command handled');
        return;
      }
    }
    if (text === '') {
      // A card's Action.Submit that no handler claimed: nothing to answer.
      log.debug('message with a value and no text: not handled');
      return;
    }
    if (smallTalk) {
      // The welcome already greeted and gave the hint: a second greeting would only repeat it.
      if (welcomed && smallTalk.kind === 'greeting') return;
      log.info({ route: smallTalk.kind }, 'small talk answered');
      const p = teamsPhrases(smallTalk.lang);
      await replyText(context, smallTalk.kind === 'greeting' ? p.greetingReply(engine.suggestQuestions(smallTalk.lang)[0]) : p.thanksReply);
      return;
    }
    const unknown = suggestCommand(text, lang);
    if (unknown) {
      log.info({ route: 'unknown-command', suggested: unknown.command !== undefined }, 'unknown command');
      await replyText(context, teamsPhrases(unknown.lang).unknownCommand(unknown.command));
      return;
    }
    await answerQuestion(text, ctx);
  });

  for (const registration of options.cardActions ?? []) {
    // teams-ai routes the Action.Execute invoke by verb and sends the invoke response (card or message).
    application.adaptiveCards.actionExecute(registration.verb, async (context, _state, data) => {
      const lang = engine.detectLanguage('', localeOf(context.activity));
      const result = await registration.handle((data ?? {}) as Record<string, unknown>, commandContext(context, lang));
      loggerFor(context).info({ route: registration.verb }, 'card action handled');
      return respondToCardAction(context, result);
    });
  }

  if (feedbackListeners.length > 0) {
    // Thumbs up/down under an answer arrive as the `message/submitAction` invoke; teams-ai answers it with 200.
    application.feedbackLoop(async (context, _state, data) => {
      const value = data.actionValue;
      const ctx = commandContext(context, engine.detectLanguage('', localeOf(context.activity)));
      const event = { messageId: data.replyToId ?? '', reaction: value?.reaction === 'like' ? 'like' : 'dislike', ...withComment(value?.feedback) } as const;
      for (const listener of feedbackListeners) await listener(event, ctx);
      loggerFor(context).info({ route: 'feedback', reaction: event.reaction, comment: event.comment !== undefined }, 'feedback received');
    });
  }

  // Features' invoke routes (message extensions, dialogs): each registers its own on the Application.
  for (const register of options.invokes ?? []) {
    register(application, (context, text = '') => commandContext(context, engine.detectLanguage(text, localeOf(context.activity))));
  }

  application.error(async (context, error) => {
    const errorId = randomUUID().slice(0, 8);
    const log = loggerFor(context);
    log.error({ err: error, errorId, activityType: context.activity.type }, 'turn failed');
    const text = normalizeMessageText(context.activity.text ?? '', context.activity.recipient?.name);
    const phrases = teamsPhrases(engine.detectLanguage(text.slice(0, 1_000), localeOf(context.activity)));
    // A change that could not be written is said plainly: the user must know it did not happen.
    const notSaved = error instanceof StateWriteError ? error : (error as { cause?: unknown } | undefined)?.cause instanceof StateWriteError ? ((error as { cause: StateWriteError }).cause) : undefined;
    const apology = notSaved ? phrases.notSaved(notSaved.failure, errorId) : phrases.apology(errorId);
    try {
      if (context.activity.type === ActivityTypes.Invoke) {
        await sendInvokeResponse(context, { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: apology } });
      } else {
        await context.sendActivity({ type: ActivityTypes.Message, text: apology, textFormat: 'plain' });
      }
    } catch (sendError) {
      log.error({ err: sendError, errorId }, 'could not send the apology');
    }
  });

  return {
    adapter,
    application,
    appId: credentials?.appId ?? '',
    serviceUrls,
    async process(req, res, logger = options.logger) {
      // Checked before the timestamps are converted, reported only after authentication.
      const shape = checkInboundActivity(req.body);
      const activity = toActivity(req.body);
      const authHeader = headerValue(req.headers, 'authorization');
      const refuse = (status: 400 | 401 | 403, code: string, message: string) => {
        res.status(status);
        res.send({ code, message });
        res.end();
      };

      // Authentication first, before anything else reads the activity: every failure is a 401.
      const screen = credentials ? screenAuthorizationHeader(authHeader, Date.now()) : ({ ok: true } as const);
      if (!screen.ok) {
        logger.warn({ reason: screen.reason }, 'request not authenticated');
        return refuse(401, 'Unauthorized', 'The request is not authorized.');
      }
      let authentication: AuthenticateRequestResult;
      try {
        authentication = await adapter.authenticate(activity, authHeader);
      } catch (error) {
        // botbuilder's own handling would answer 500 for some bad tokens and when keys cannot be fetched.
        if (isAuthenticationOutage(error)) logger.error({ err: error }, 'request could not be authenticated: signing keys unavailable');
        else logger.warn({ reason: (error as Error)?.message }, 'request not authenticated');
        return refuse(401, 'Unauthorized', 'The request is not authorized.');
      }
      if (!shape.ok) {
        logger.warn({ problem: shape.problem, activityType: activity.type.slice(0, 64) }, 'malformed activity: refused');
        return refuse(400, 'BadRequest', `The activity is malformed: ${shape.problem}`);
      }
      // Replies go to the activity's serviceUrl with the bot's token: only to the connector's hosts.
      if (!serviceUrls.allows(activity.serviceUrl)) {
        logger.warn({ serviceUrlHost: hostOf(activity.serviceUrl), allowed: serviceUrls.description }, 'activity with a service URL that is not allowed: refused');
        return refuse(403, 'ServiceUrlNotAllowed', 'The activity names a service URL this bot does not send to.');
      }

      const invokeResponse = await adapter.processAuthenticated(authentication, activity, async (context) => {
        const turnLog = logger.child({
          turnId: activity.id ?? randomUUID(),
          activityType: activity.type,
          ...(activity.name && { activityName: activity.name }),
          conversationKind: conversationOf(activity).kind,
        });
        turnLoggers.set(context, turnLog);
        const started = performance.now();
        let handled: boolean;
        try {
          handled = await application.run(context);
        } finally {
          await settleWrites(context);
        }
        turnLog.debug({ handled, ms: Math.round(performance.now() - started), chars: activity.text?.length ?? 0 }, 'turn done');
      });
      // botbuilder answers an invoke nobody handled with 501; it is the caller's request that has no handler.
      if (invokeResponse?.status === 501 && activity.type === ActivityTypes.Invoke) {
        logger.info({ activityName: activity.name?.slice(0, 64) }, 'invoke not handled');
        return refuse(400, 'NotHandled', 'This bot does not handle this invoke.');
      }
      res.status(invokeResponse?.status ?? 200);
      if (invokeResponse?.body !== undefined) res.send(invokeResponse.body);
      res.end();
    },
  };
}

/** The comment of a feedback-loop submission: Teams sends `{"feedbackText": "..."}` as a JSON string. */
function withComment(feedback: unknown): { comment?: string } {
  let value = feedback;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      // A plain string is the comment itself.
    }
  }
  const text = typeof value === 'string' ? value : (value as { feedbackText?: unknown } | undefined)?.feedbackText;
  return typeof text === 'string' && text.trim() !== '' ? { comment: text.trim().slice(0, 2_000) } : {};
}

/** Every tenant id an activity names (conversation and channelData), without duplicates; non-strings as text. */
function tenantsOf(activity: Partial<Activity>): string[] {
  const named: unknown[] = [activity.conversation?.tenantId, (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id];
  return [...new Set(named.filter((id) => id !== undefined && id !== null && id !== '').map((id) => (typeof id === 'string' ? id : JSON.stringify(id))))];
}

function hostOf(url: unknown): string | undefined {
  try {
    return typeof url === 'string' ? new URL(url).host : undefined;
  } catch {
    return undefined;
  }
}

// A bot has one name: its mention pattern is compiled once, not per message (bounded for tests that use several).
const mentionPatterns = new Map<string, RegExp>();

function mentionPattern(botName: string): RegExp {
  let pattern = mentionPatterns.get(botName);
  if (pattern === undefined) {
    const escaped = botName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    pattern = new RegExp(`^\\s*<at>${escaped}</at>`, 'i');
    if (mentionPatterns.size >= 64) mentionPatterns.clear();
    mentionPatterns.set(botName, pattern);
  }
  return pattern;
}

/** The message text without the bot's mention (teams-ai strips the exact mention; Teams also sends `&nbsp;`). */
export function normalizeMessageText(text: string, botName?: string): string {
  let clean = text.replace(/&nbsp;|\u00a0/g, ' ');
  if (botName) clean = clean.replace(mentionPattern(botName), '');
  return clean.trim();
}

/** The card with extra buttons after its own. */
function withActions(card: AdaptiveCard, extra: readonly CardAction[]): AdaptiveCard {
  return extra.length === 0 ? card : { ...card, actions: [...(card.actions ?? []), ...extra] };
}

async function sendInvokeResponse(context: TurnContext, response: InvokeResponse): Promise<void> {
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: response } as Partial<Activity>);
}

async function respondToCardAction(context: TurnContext, result: CardActionResult): Promise<AdaptiveCard | string> {
  if ('message' in result) return result.message;
  if (result.forAll && context.activity.replyToId) {
    // Replace the card in the conversation so everyone sees the new state, not only the one who clicked.
    await context.updateActivity({
      type: ActivityTypes.Message,
      id: context.activity.replyToId,
      attachments: [cardAttachment(result.card)],
    });
  }
  return result.card;
}
