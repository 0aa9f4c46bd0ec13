/**
 * The reminders feature in Teams: subscriptions (`påmind mig`, `post opgaver her`, ...), chat-added
 * deadlines (`frist`, `frister`), conversation references for every user and channel the bot meets,
 * and the scheduled reminder and digest jobs delivering through the persistent outbox.
 *
 * Its state lives in `<STATE_DIR>/reminders/` (a state directory of its own, with its own lock).
 */
import path from 'node:path';
import { ActivityTypes } from 'botbuilder';
import { parseReminderCommand, type ParsedCommand } from '../../reminders/commands.js';
import { conversationKey } from '../../reminders/conversation-ref.js';
import { ConversationStateSchema, createConversationStore, emptyConversationState } from '../../reminders/conversation-store.js';
import { collectUpcomingDeadlines, createDeadlineStore, DeadlineStateSchema, emptyDeadlineState } from '../../reminders/deadlines.js';
import { createOutbox, emptyOutboxState, OutboxStateSchema } from '../../reminders/outbox.js';
import { reminderPhrases } from '../../reminders/phrases.js';
import { createReminderService, type TaskSource } from '../../reminders/reminder-service.js';
import { createScheduler, firstRunAtOrAfter } from '../../reminders/scheduler.js';
import { stateCell } from '../../reminders/state.js';
import { createSubscriptions, emptySubscriptionState, SubscriptionStateSchema } from '../../reminders/subscriptions.js';
import { openStateDir } from '../../storage/index.js';
import { toLocalDate } from '../../time/format-date.js';
import { buildDeadlinesCard, renderDeadlinesText } from '../cards/deadlines-card.js';
import { buildDigestCard, buildDigestMessage, buildReminderMessage, renderDigestText } from '../cards/reminder-card.js';
import { escapePlainText } from '../escape.js';
import type { ConversationEvent, FeatureFactory, FeatureServices, TeamsFeature } from './index.js';
import type { CommandContext } from './types.js';

/** Options of {@link remindersFeature}. */
export interface RemindersFeatureOptions {
  /** Where open tasks come from; default: the first feature that offers `tasks`. */
  readonly tasks?: (services: FeatureServices) => TaskSource | undefined;
}

/** The reminders feature with options (tests); {@link createRemindersFeature} is the default. */
export function remindersFeature(options: RemindersFeatureOptions = {}): FeatureFactory {
  return async function reminders(services): Promise<TeamsFeature> {
    const { config, knowledge, now, logger, notifier } = services;
    const stateDir = await openStateDir(path.join(config.stateDir, 'reminders'), { logger, now });
    try {
      const conversationState = stateCell(await stateDir.open({ name: 'conversations', defaults: emptyConversationState(), schema: ConversationStateSchema }));
      const subscriptionState = stateCell(await stateDir.open({ name: 'subscriptions', defaults: emptySubscriptionState(), schema: SubscriptionStateSchema }));
      const deadlineState = stateCell(await stateDir.open({ name: 'deadlines', defaults: emptyDeadlineState(), schema: DeadlineStateSchema }));
      const outboxState = stateCell(await stateDir.open({ name: 'outbox', defaults: emptyOutboxState(), schema: OutboxStateSchema }));

      const conversations = createConversationStore({ store: conversationState, now });
      const subscriptions = createSubscriptions({ store: subscriptionState, now });
      const deadlines = createDeadlineStore({ store: deadlineState, now, timeZone: config.timeZone });
      const outbox = createOutbox({
        store: outboxState,
        notifier,
        logger: logger.child({ component: 'outbox' }),
        now,
        onGone: async (ref) => {
          const removed = await conversations.forgetConversation(ref.conversation.id);
          logger.warn({ removed }, 'conversation reference removed after 403/404');
        },
      });
      const taskSource = (): TaskSource | undefined =>
        options.tasks ? options.tasks(services) : services.features?.().find((feature) => feature.tasks)?.tasks;
      const service = createReminderService({
        now,
        leadDays: config.reminderDaysBefore,
        graceMs: config.reminderGraceHours * 3_600_000,
        firstRunAtOrAfter: firstRunAtOrAfter(config.reminderCron, config.timeZone),
        timeZone: config.timeZone,
        kb: knowledge,
        deadlines,
        tasks: { openTasks: () => taskSource()?.openTasks() ?? [] },
        subscriptions,
        conversations,
        outbox,
        messages: { reminder: buildReminderMessage, digest: buildDigestMessage },
        logger,
      });
      const scheduler = createScheduler({
        logger,
        now,
        timeZone: config.timeZone,
        jobs: [
          { name: 'reminders', cron: config.reminderCron, runOnStart: true, run: () => service.runReminders().then(() => undefined) },
          { name: 'digest', cron: config.digestCron, run: (at) => service.runDigest(at).then(() => undefined) },
        ],
      });

      const reply = (ctx: CommandContext, text: string) => ctx.reply({ type: ActivityTypes.Message, text, textFormat: 'plain' });

      async function run(parsed: ParsedCommand, ctx: CommandContext): Promise<void> {
        const { command, lang } = parsed;
        const p = reminderPhrases(lang);
        const key = conversationKey(ctx.ref);
        switch (command.kind) {
          case 'subscribe-reminders':
          case 'unsubscribe-reminders': {
            if (ctx.conversation.kind !== 'personal') return reply(ctx, p.personalOnly);
            if (command.kind === 'subscribe-reminders') {
              const result = await subscriptions.subscribe('reminders', key, lang);
              return reply(ctx, result === 'subscribed' ? p.subscribed : p.alreadySubscribed);
            }
            const result = await subscriptions.unsubscribe('reminders', key);
            return reply(ctx, result === 'unsubscribed' ? p.unsubscribed : p.notSubscribed);
          }
          case 'subscribe-digest': {
            if (ctx.conversation.kind !== 'channel') return reply(ctx, p.channelOnly);
            const result = await subscriptions.subscribe('digest', key, lang);
            // One message: the confirmation tops the digest card.
            const notice = result === 'subscribed' ? p.digestSubscribed : p.digestAlreadySubscribed;
            const today = toLocalDate(now(), config.timeZone);
            const tasks = taskSource()?.openTasks() ?? [];
            return ctx.replyCard(buildDigestCard(tasks, lang, today, notice), { summary: notice, text: `${notice}\n\n${renderDigestText(tasks, lang, today)}` });
          }
          case 'unsubscribe-digest': {
            if (ctx.conversation.kind !== 'channel') return reply(ctx, p.channelOnly);
            const result = await subscriptions.unsubscribe('digest', key);
            return reply(ctx, result === 'unsubscribed' ? p.digestUnsubscribed : p.digestNotSubscribed);
          }
          case 'add-deadline': {
            if (!ctx.isLeader) return reply(ctx, p.leadersOnly);
            const title = command.title;
            if (command.date < toLocalDate(now(), config.timeZone)) return reply(ctx, p.deadlinePast(command.date));
            const result = await deadlines.add({
              title,
              date: command.date,
              createdBy: ctx.user.aadObjectId ?? ctx.user.id,
              ...(ctx.user.name && { createdByName: ctx.user.name }),
              conversationId: ctx.conversation.id,
            });
            ctx.logger.info({ deadline: result.deadline.id, kind: result.kind }, 'chat deadline');
            const shown = escapePlainText(result.deadline.title);
            return reply(ctx, result.kind === 'added' ? p.deadlineAdded(shown, result.deadline.date) : p.deadlineExists(shown, result.deadline.date));
          }
          case 'add-deadline-invalid':
            return reply(ctx, command.problem === 'no-title' ? p.deadlineNoTitle : p.deadlineNoDate(escapePlainText(command.dateText ?? '')));
          case 'list-deadlines': {
            // Every source: deadlines added in chat, open tasks' due dates and the knowledge base's dates.
            const today = toLocalDate(now(), config.timeZone);
            const upcoming = collectUpcomingDeadlines({ chat: deadlines, tasks: () => taskSource()?.openTasks() ?? [], knowledge }, today);
            ctx.logger.info({ deadlines: upcoming.length }, 'deadlines listed');
            return ctx.replyCard(buildDeadlinesCard(upcoming, lang, today), { summary: p.deadlinesTitle, text: escapePlainText(renderDeadlinesText(upcoming, lang, today)) });
          }
        }
      }

      const remember = async (event: Pick<ConversationEvent, 'ref'>) => {
        if (!event.ref.serviceUrl || !event.ref.conversation.id || !event.ref.bot.id) return;
        const { key, changed } = await conversations.remember(event.ref);
        if (changed) logger.debug({ key }, 'conversation reference stored');
      };

      // Reminders and digests go out in the language the person or channel last wrote in.
      const rememberLanguage = async (event: Pick<ConversationEvent, 'ref' | 'lang'>) => {
        if (!event.lang) return;
        const key = conversationKey(event.ref);
        for (const topic of ['reminders', 'digest'] as const) {
          const current = subscriptions.list(topic).find((subscription) => subscription.key === key);
          if (current && current.lang !== event.lang) {
            await subscriptions.subscribe(topic, key, event.lang);
            logger.debug({ key, topic, lang: event.lang }, 'subscription language changed');
          }
        }
      };

      return {
        name: 'reminders',
        deadlines,
        commands: [
          {
            name: 'reminders',
            help: (lang) => reminderPhrases(lang).help,
            async handle(text, ctx) {
              const parsed = parseReminderCommand(text, now());
              if (!parsed) return false;
              await remember(ctx);
              await run(parsed, ctx);
              return true;
            },
          },
        ],
        async observe(event) {
          if (event.kind === 'uninstalled') {
            const removed = await conversations.forgetConversation(event.ref.conversation.id);
            logger.info({ removed }, 'bot removed: conversation references forgotten');
            return;
          }
          await remember(event);
          await rememberLanguage(event);
        },
        start() {
          outbox.start();
          scheduler.start();
        },
        async close() {
          await scheduler.stop();
          await outbox.stop();
          await stateDir.close();
        },
      };
    } catch (error) {
      await stateDir.close();
      throw error;
    }
  };
}

/** The production reminders feature. */
export const createRemindersFeature: FeatureFactory = remindersFeature();
