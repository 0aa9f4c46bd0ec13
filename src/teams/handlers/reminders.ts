/**
 * The reminders feature in Teams: subscriptions (`påmind mig`, `post opgaver her`, ...), chat-added
 * deadlines (`frist`, `frister`) and conversation references for every user and channel the bot meets.
 *
 * The stores and the reminder service come from the composition root (`services.domain`), which also
 * runs the reminder and digest schedule.
 */
import { ActivityTypes } from 'botbuilder';
import { parseReminderCommand, type ParsedCommand } from '../../reminders/commands.js';
import { conversationKey } from '../../messaging/index.js';
import { reminderPhrases } from '../../reminders/phrases.js';
import { collectUpcomingDeadlines } from '../../reminders/deadlines.js';
import { toLocalDate } from '../../time/format-date.js';
import { buildDeadlinesCard, renderDeadlinesText } from '../cards/deadlines-card.js';
import { buildDigestCard, renderDigestText } from '../cards/reminder-card.js';
import { escapePlainText } from '../escape.js';
import type { FeatureFactory, TeamsFeature } from './feature.js';
import type { CommandContext, ConversationEvent } from './types.js';

/** The locale a language is remembered as, for a stored conversation reference. */
const LOCALE_OF = { da: 'da-DK', en: 'en-US' } as const;

/** The reminders feature; {@link createRemindersFeature} is the default. */
export function remindersFeature(): FeatureFactory {
  return function reminders(services): TeamsFeature {
    const { config, now, logger, knowledge } = services;
    const { conversations, subscriptions, deadlines, tasks } = services.domain;
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
          const open = await tasks.openTasks();
          return ctx.replyCard(buildDigestCard(open, lang, today, notice), { summary: notice, text: `${notice}\n\n${renderDigestText(open, lang, today)}` });
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
          const upcoming = await collectUpcomingDeadlines({ chat: deadlines, tasks: () => tasks.openTasks(), knowledge }, today);
          ctx.logger.info({ deadlines: upcoming.length }, 'deadlines listed');
          return ctx.replyCard(buildDeadlinesCard(upcoming, lang, today), { summary: p.deadlinesTitle, text: escapePlainText(renderDeadlinesText(upcoming, lang, today)) });
        }
      }
    }

    // The stored reference carries the language last written in (not only the client's locale): proactive messages to
    // someone who is not subscribed (a task's owner) follow it.
    const remember = async (event: Pick<ConversationEvent, 'ref' | 'lang' | 'waitUntil'>) => {
      if (!event.ref.serviceUrl || !event.ref.conversation.id || !event.ref.bot.id) return;
      const known = await conversations.get(conversationKey(event.ref));
      // An activity without words of its own (a card click, an install) keeps the language remembered before.
      const locale = event.lang ? LOCALE_OF[event.lang] : known?.ref.locale;
      const ref = locale && locale !== event.ref.locale && !(event.lang && event.ref.locale?.toLowerCase().startsWith(event.lang)) ? { ...event.ref, locale } : event.ref;
      const written = conversations.remember(ref).then(({ key, changed }) => {
        if (changed) logger.debug({ key }, 'conversation reference stored');
      });
      // A new reference is waited for: a command of this very turn may look it up. Refreshing a known one (the
      // language last written in, a renamed chat) is a durable write (an fsync) that need not precede the answer:
      // the turn hands it over and ends only once it is written.
      if (known && event.waitUntil) event.waitUntil(written);
      else await written;
    };

    // Reminders and digests go out in the language the person or channel last wrote in.
    const rememberLanguage = async (event: Pick<ConversationEvent, 'ref' | 'lang'>) => {
      if (!event.lang) return;
      const key = conversationKey(event.ref);
      for (const topic of ['reminders', 'digest'] as const) {
        const current = (await subscriptions.list(topic)).find((subscription) => subscription.key === key);
        if (current && current.lang !== event.lang) {
          await subscriptions.subscribe(topic, key, event.lang);
          logger.debug({ key, topic, lang: event.lang }, 'subscription language changed');
        }
      }
    };

    return {
      name: 'reminders',
      commands: [
        {
          name: 'reminders',
          help: (lang) => reminderPhrases(lang).help,
          async handle(text, ctx) {
            const parsed = parseReminderCommand(text, now());
            if (!parsed) return false;
            await remember({ ref: ctx.ref, lang: ctx.lang });
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
    };
  };
}

/** The production reminders feature. */
export const createRemindersFeature: FeatureFactory = remindersFeature();
