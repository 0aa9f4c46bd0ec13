/**
 * The feedback feature in Teams: thumbs up/down on answers (Teams' feedback loop), the knowledge-gap log
 * (`huller` / `gaps`, editors only) with buttons that turn a gap into a task or dismiss it, and the weekly gap
 * digest a channel can subscribe to (`post huller her` / `post gaps here`), on the digest schedule (DIGEST_CRON).
 *
 * Its state lives in `<STATE_DIR>/feedback/` (a state directory of its own, with its own lock): `gaps.json`,
 * `feedback.json` (no user ids) and `gap-digest.json` (the subscribed channels' conversation references).
 */
import path from 'node:path';
import { ActivityTypes } from 'botbuilder';
import { z } from 'zod/v4';
import { createGapLog, FeedbackSchema, gapPhrases, GapSchema, parseGapCommand } from '../../feedback/index.js';
import type { GapCommand, GapLang } from '../../feedback/index.js';
import { conversationKey, type ConversationRef } from '../../reminders/conversation-ref.js';
import { createScheduler } from '../../reminders/scheduler.js';
import { createStateRecordStore, openStateDir, recordStateDefinition } from '../../storage/index.js';
import { cardAttachment } from '../cards/adaptive-card.js';
import { buildGapListCard, GAP_CARD_VERBS, renderGapListText, type GapCardVerb } from '../cards/gap-card.js';
import { escapePlainText } from '../escape.js';
import type { FeatureFactory, TeamsFeature } from './index.js';
import type { CardActionRegistration, CardActionResult, CommandContext } from './types.js';

/** How many answered messages are remembered, so that feedback on them knows the question (kept in memory). */
export const REMEMBERED_ANSWERS = 2_000;

const GapDigestStateSchema = z.object({
  channels: z.record(z.string(), z.object({ lang: z.enum(['da', 'en']), since: z.string(), ref: z.custom<ConversationRef>((value) => typeof value === 'object' && value !== null) })).default({}),
});
type GapDigestState = z.infer<typeof GapDigestStateSchema>;

const CardDataSchema = z.object({ id: z.string().min(1).max(100), lang: z.enum(['da', 'en']).optional() });

/** What feedback needs to know about an answered message. */
interface AnsweredMessage {
  readonly question: string;
  readonly answer: string;
  readonly lang: GapLang;
}

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** The production feedback feature. */
export const createFeedbackFeature: FeatureFactory = async function feedback(services): Promise<TeamsFeature> {
  const { config, now, logger, notifier } = services;
  const stateDir = await openStateDir(path.join(config.stateDir, 'feedback'), { logger, now });
  try {
    const gapLog = createGapLog({
      gaps: createStateRecordStore(await stateDir.open(recordStateDefinition('gaps', GapSchema)), 'gap'),
      feedback: createStateRecordStore(await stateDir.open(recordStateDefinition('feedback', FeedbackSchema)), 'feedback'),
      now,
      retentionDays: config.gapRetentionDays,
    });
    const digestState = await stateDir.open<GapDigestState>({ name: 'gap-digest', defaults: { channels: {} }, schema: GapDigestStateSchema });
    // Feedback names the bot's message by id: remember the latest answers (a restart forgets them; feedback
    // is then stored without the question).
    const answered = new Map<string, AnsweredMessage>();
    const taskCreator = () => services.features?.().find((feature) => feature.taskCreator)?.taskCreator;

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
      const existing = digestState.read().channels[key];
      if (command.kind === 'unsubscribe') {
        if (!existing) return reply(ctx, p.notSubscribed);
        await digestState.update((draft) => {
          delete draft.channels[key];
        });
        return reply(ctx, p.unsubscribed);
      }
      await digestState.update((draft) => {
        draft.channels[key] = { lang: command.lang, since: existing?.since ?? now().toISOString(), ref: ctx.ref };
      });
      return reply(ctx, existing ? p.alreadySubscribed : p.subscribed);
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
            const creator = taskCreator();
            if (!creator) throw new Error('feedback: no feature creates tasks (the tasks feature is not plugged in)');
            const task = await creator.create(clip(p.taskTitle(group.question), 200), ctx);
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
      const channels = Object.values(digestState.read().channels);
      if (channels.length === 0) return;
      const groups = await gapLog.openGroups();
      for (const channel of channels) {
        const p = gapPhrases(channel.lang);
        const card = buildGapListCard(groups, channel.lang, { timeZone: config.timeZone, title: `${p.digestTitle} (${groups.length})` });
        const result = await notifier.send(channel.ref, { summary: p.digestTitle, attachments: [cardAttachment(card)] });
        if (!result.ok) logger.warn({ status: result.status }, 'gap digest not delivered');
      }
      logger.info({ channels: channels.length, groups: groups.length }, 'gap digest sent');
    }

    async function prune(): Promise<void> {
      const removed = await gapLog.prune();
      if (removed.gaps + removed.feedback > 0) logger.info(removed, 'old gaps and feedback removed');
    }

    const scheduler = createScheduler({
      logger,
      now,
      timeZone: config.timeZone,
      jobs: [
        { name: 'gap-digest', cron: config.digestCron, run: sendGapDigest },
        { name: 'gap-prune', cron: '0 3 * * *', runOnStart: true, run: prune },
      ],
    });

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
      async onAnswer({ messageId, question, answer }) {
        if (messageId) {
          answered.set(messageId, { question, answer: answer.headline, lang: answer.lang });
          if (answered.size > REMEMBERED_ANSWERS) answered.delete(answered.keys().next().value!);
        }
        if (answer.kind === 'unknown') await gapLog.recordUnknown({ question, lang: answer.lang, answer: answer.headline });
      },
      async onFeedback(event, ctx) {
        const about = answered.get(event.messageId);
        const { gap } = await gapLog.recordFeedback({
          reaction: event.reaction,
          ...(event.comment && { comment: event.comment }),
          ...(about && { question: about.question, answer: about.answer, lang: about.lang }),
        });
        ctx.logger.info({ reaction: event.reaction, known: about !== undefined, gap: gap !== undefined }, 'feedback stored');
      },
      start() {
        scheduler.start();
      },
      async close() {
        await scheduler.stop();
        await stateDir.close();
      },
    };
  } catch (error) {
    await stateDir.close();
    throw error;
  }
};
