/**
 * The feedback feature in Teams: thumbs up/down on answers (Teams' feedback loop), the knowledge-gap log
 * (`huller` / `gaps`, editors only) with buttons that turn a gap into a task or dismiss it, and the weekly gap
 * digest a channel can subscribe to (`post huller her` / `post gaps here`), on the digest schedule (DIGEST_CRON).
 *
 * The gap log, the tasks, the subscriptions and the conversation references come from the composition root
 * (`services.domain`), which also runs this feature's jobs (the gap digest, the nightly pruning) with the schedule.
 */
import { ActivityTypes } from 'botbuilder';
import { z } from 'zod/v4';
import { gapPhrases, parseGapCommand } from '../../feedback/index.js';
import type { GapCommand, GapLang } from '../../feedback/index.js';
import { conversationKey } from '../../messaging/index.js';
import { cardAttachment } from '../cards/adaptive-card.js';
import { buildGapListCard, GAP_CARD_VERBS, renderGapListText, type GapCardVerb } from '../cards/gap-card.js';
import { personKey } from '../conversation-refs.js';
import { escapePlainText } from '../escape.js';
import type { FeatureFactory, TeamsFeature } from './feature.js';
import type { CardActionRegistration, CardActionResult, CommandContext } from './types.js';

const CardDataSchema = z.object({ id: z.string().min(1).max(100), lang: z.enum(['da', 'en']).optional() });

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** The production feedback feature. */
export const createFeedbackFeature: FeatureFactory = function feedback(services): TeamsFeature {
  const { config, logger, notifier } = services;
  const { gaps: gapLog, tasks, subscriptions, conversations } = services.domain;
  const reply = (ctx: CommandContext, text: string) => ctx.reply({ type: ActivityTypes.Message, text, textFormat: 'plain' });

  async function listCard(lang: GapLang, notice?: string) {
    const groups = await gapLog.openGroups();
    return { groups, card: buildGapListCard(groups, lang, { timeZone: config.timeZone, ...(notice && { notice }) }) };
  }

  async function run(command: GapCommand, ctx: CommandContext): Promise<void> {
    const p = gapPhrases(command.lang);
    if (!ctx.isEditor) {
      ctx.logger.info({ command: command.kind }, 'gap log refused: not an editor');
      return reply(ctx, p.editorsOnly);
    }
    if (command.kind === 'list') {
      const { groups, card } = await listCard(command.lang);
      ctx.logger.info({ groups: groups.length }, 'gap log shown');
      return ctx.replyCard(card, { summary: p.listTitle(groups.length), text: escapePlainText(renderGapListText(groups, command.lang, config.timeZone)) });
    }
    if (ctx.conversation.kind !== 'channel') return reply(ctx, p.channelOnly);
    const key = conversationKey(ctx.ref);
    if (command.kind === 'unsubscribe') {
      const result = await subscriptions.unsubscribe('gaps', key);
      return reply(ctx, result === 'unsubscribed' ? p.unsubscribed : p.notSubscribed);
    }
    await conversations.remember(ctx.ref);
    const result = await subscriptions.subscribe('gaps', key, command.lang);
    return reply(ctx, result === 'subscribed' ? p.subscribed : p.alreadySubscribed);
  }

  function cardAction(verb: GapCardVerb): CardActionRegistration {
    return {
      verb,
      async handle(data, ctx): Promise<CardActionResult> {
        const parsed = CardDataSchema.safeParse(data);
        const lang: GapLang = (parsed.success ? parsed.data.lang : undefined) ?? ctx.lang;
        const p = gapPhrases(lang);
        if (!ctx.isEditor) {
          ctx.logger.info({ verb }, 'gap action refused: not an editor');
          return { message: p.editorsOnly };
        }
        const group = parsed.success ? await gapLog.group(parsed.data.id) : undefined;
        if (!group) return { card: (await listCard(lang, p.gone)).card, forAll: true };
        let notice: string;
        if (verb === 'gap.task') {
          // Through the tasks domain, as `opgave <titel>` does: the editor who clicked owns it.
          const { task } = await tasks.create({
            title: clip(p.taskTitle(group.question), 200),
            createdBy: { id: personKey(ctx.user), name: ctx.user.name ?? '' },
            creatorTeamsId: ctx.user.id,
            conversationId: ctx.conversation.id,
          });
          await gapLog.markTask(group.id, task.number);
          notice = p.taskCreated(task.number, clip(group.question, 200));
        } else {
          await gapLog.dismiss(group.id);
          notice = p.dismissed(clip(group.question, 200));
        }
        ctx.logger.info({ verb, gaps: group.count }, 'gap handled');
        return { card: (await listCard(lang, notice)).card, forAll: true };
      },
    };
  }

  async function sendGapDigest(): Promise<void> {
    const subscribed = await subscriptions.list('gaps');
    if (subscribed.length === 0) return;
    const groups = await gapLog.openGroups();
    for (const subscription of subscribed) {
      const target = await conversations.get(subscription.key);
      if (!target) {
        logger.warn({ key: subscription.key }, 'gap digest: no conversation reference for a subscribed channel');
        continue;
      }
      const p = gapPhrases(subscription.lang);
      const card = buildGapListCard(groups, subscription.lang, { timeZone: config.timeZone, title: `${p.digestTitle} (${groups.length})` });
      const result = await notifier.send(target.ref, { summary: p.digestTitle, attachments: [cardAttachment(card)] });
      if (!result.ok) logger.warn({ status: result.status }, 'gap digest not delivered');
    }
    logger.info({ channels: subscribed.length, groups: groups.length }, 'gap digest sent');
  }

  async function prune(): Promise<void> {
    const removed = await gapLog.prune();
    if (removed.gaps + removed.feedback + removed.answers > 0) logger.info(removed, 'old gaps, feedback and remembered answers removed');
  }


  return {
    name: 'feedback',
    commands: [
      {
        name: 'gaps',
        help: (lang) => gapPhrases(lang).help,
        async handle(text, ctx) {
          const command = parseGapCommand(text);
          if (!command) return false;
          await run(command, ctx);
          return true;
        },
      },
    ],
    cardActions: GAP_CARD_VERBS.map(cardAction),
    async onAnswer({ messageId, question, answer }, ctx) {
      // Feedback names the bot's message only by its id: remember what was asked and said (in the store, so a
      // restart or another instance still knows). Not awaited: the turn need not wait for it.
      if (messageId) {
        gapLog
          .rememberAnswer({ messageId, question, answer: answer.headline, lang: answer.lang })
          .catch((error: unknown) => ctx.logger.warn({ err: error }, 'answer not remembered for feedback'));
      }
      if (answer.kind === 'unknown') await gapLog.recordUnknown({ question, lang: answer.lang, answer: answer.headline });
    },
    async onFeedback(event, ctx) {
      const { feedback, gap } = await gapLog.recordFeedback({
        reaction: event.reaction,
        ...(event.comment && { comment: event.comment }),
        messageId: event.messageId,
      });
      ctx.logger.info({ reaction: event.reaction, known: feedback.question !== undefined, gap: gap !== undefined }, 'feedback stored');
    },
    // The gap digest on the digest schedule; old gaps and feedback pruned at start and every night.
    jobs: [
      { name: 'gap-digest', cron: config.digestCron, run: sendGapDigest },
      { name: 'gap-prune', cron: '0 3 * * *', runOnStart: true, run: prune },
    ],
  };
};
