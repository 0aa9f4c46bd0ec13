/**
 * The tasks feature in Teams: the task commands (`opgave …`, `opgaver`, `færdig 3`, …), the task list card with
 * Done/Reopen buttons, and the open tasks for the reminders feature.
 *
 * The task store comes from the composition root (`services.domain.tasks`). Who may change tasks is decided by id (`canChangeTasks`: LEADER_IDS); tenants are checked by the app
 * (ALLOWED_TENANT_IDS) before any handler runs.
 */
import type { Activity } from 'botbuilder';
import { ActivityTypes } from 'botbuilder';
import { z } from 'zod/v4';
import {
  canChangeTasks,
  createPersonFinder,
  parseTaskCommand,
  renderChange,
  renderCreated,
  renderTaskList,
  renderUsage,
  taskPhrases,
} from '../../tasks/index.js';
import type { TaskCommand, TaskLang, TaskMention, TaskPerson, TaskResult, TaskStore } from '../../tasks/index.js';
import { toLocalDate } from '../../time/format-date.js';
import { buildTaskCard, buildTaskListCard, TASK_CARD_MAX_TASKS, TASK_CARD_VERBS } from '../cards/task-card.js';
import type { TaskCardVerb, TaskCardView } from '../cards/task-card.js';
import { personKey } from '../conversation-refs.js';
import { escapeCardText, escapePlainText } from '../escape.js';
import type { FeatureFactory, TeamsFeature } from './feature.js';
import type { CardActionRegistration, CardActionResult, CommandContext } from './types.js';

const ViewerSchema = z.object({ id: z.string(), aadObjectId: z.string().optional(), name: z.string().optional() });
const CardDataSchema = z.object({
  number: z.coerce.number().int().positive(),
  lang: z.enum(['da', 'en']).optional(),
  view: z.object({ scope: z.enum(['open', 'mine', 'all']), viewer: ViewerSchema.optional() }).optional(),
});

/** The Teams mentions of a message, without the bot's own. */
export function mentionsOf(activity: Partial<Activity>): TaskMention[] {
  const botId = activity.recipient?.id;
  return (activity.entities ?? []).flatMap((entity) => {
    const mentioned = (entity as { mentioned?: { id?: unknown; name?: unknown } }).mentioned;
    if (entity.type !== 'mention' || typeof mentioned?.id !== 'string' || mentioned.id === botId) return [];
    const name = typeof mentioned.name === 'string' && mentioned.name.trim() !== '' ? mentioned.name.trim() : mentioned.id;
    const text = (entity as { text?: unknown }).text;
    return [{ id: mentioned.id, name, ...(typeof text === 'string' && { text }) }];
  });
}

function actorOf(ctx: CommandContext): TaskPerson {
  return { id: personKey(ctx.user), name: ctx.user.name ?? '' };
}

function mayChange(ctx: CommandContext, leaderIds: readonly string[]): boolean {
  return canChangeTasks(ctx.user.aadObjectId, leaderIds, ctx.user.id);
}

/** Options of {@link tasksFeature} (tests). */
export interface TasksFeatureOptions {
  /** Tasks per list card (default {@link TASK_CARD_MAX_TASKS}). */
  readonly maxTasks?: number;
}

/** The tasks feature with options; {@link createTasksFeature} is the default. */
export function tasksFeature(options: TasksFeatureOptions = {}): FeatureFactory {
  return function tasks(services): TeamsFeature {
    const { config, knowledge, now } = services;
    const limit = options.maxTasks ?? TASK_CARD_MAX_TASKS;
    const store: TaskStore = services.domain.tasks;
    const findPerson = createPersonFinder(knowledge.data.people.map((person) => ({ id: person.id, name: person.name })));
    const today = () => toLocalDate(now(), config.timeZone);

    const reply = (ctx: CommandContext, text: string) => ctx.reply({ type: ActivityTypes.Message, text, textFormat: 'plain' });

    async function replyList(ctx: CommandContext, view: TaskCardView, lang: TaskLang): Promise<void> {
      const listing = await store.list(view.scope, { ...(view.viewer !== undefined && { viewer: view.viewer }), limit });
      const summary = taskPhrases(lang).listTitle(listing.scope, listing.total);
      return ctx.replyCard(buildTaskListCard(listing, lang, { view }), { summary, text: renderTaskList(listing, lang, escapePlainText) });
    }

    async function run(command: TaskCommand, ctx: CommandContext): Promise<void> {
      const { lang } = command;
      if (command.kind === 'list') {
        const viewer = { id: ctx.user.id, ...(ctx.user.aadObjectId && { aadObjectId: ctx.user.aadObjectId }), ...(ctx.user.name && { name: ctx.user.name }) };
        await replyList(ctx, { scope: command.scope, ...(command.scope === 'mine' && { viewer }) }, lang);
        return;
      }
      if (command.kind === 'usage') {
        await reply(ctx, renderUsage(command, escapePlainText));
        return;
      }
      if (!mayChange(ctx, config.leaderIds)) {
        ctx.logger.info({ command: command.kind }, 'task change refused: not a leader');
        await reply(ctx, taskPhrases(lang).notAllowed);
        return;
      }
      switch (command.kind) {
        case 'create': {
          const { task } = await store.create({
            title: command.title,
            ...(command.owner !== undefined && { owner: command.owner }),
            ...(command.due !== undefined && { due: command.due }),
            createdBy: actorOf(ctx),
            creatorTeamsId: ctx.user.id,
            conversationId: ctx.conversation.id,
          });
          ctx.logger.info({ task: task.number, ownerSource: task.owner.source, due: task.due !== undefined }, 'task created');
          await reply(ctx, renderCreated(task, lang, escapePlainText));
          return;
        }
        case 'complete':
        case 'reopen':
        case 'move':
        case 'assign': {
          const result = await change(command, ctx);
          ctx.logger.info({ task: command.number, command: command.kind, outcome: result.ok ? 'ok' : result.reason }, 'task changed');
          await reply(ctx, renderChange(command.kind, result, lang, escapePlainText));
          return;
        }
      }
    }

    function change(command: Extract<TaskCommand, { kind: 'complete' | 'reopen' | 'move' | 'assign' }>, ctx: CommandContext): Promise<TaskResult> {
      switch (command.kind) {
        case 'complete':
          return store.complete(command.number, actorOf(ctx));
        case 'reopen':
          return store.reopen(command.number);
        case 'move':
          return store.move(command.number, command.due);
        case 'assign':
          return store.assign(command.number, command.owner);
      }
    }

    function cardAction(verb: TaskCardVerb): CardActionRegistration {
      return {
        verb,
        async handle(data, ctx): Promise<CardActionResult> {
          const parsed = CardDataSchema.safeParse(data);
          const lang: TaskLang = (parsed.success ? parsed.data.lang : undefined) ?? ctx.lang;
          const p = taskPhrases(lang);
          if (!parsed.success) return { message: p.usage(verb === 'task.complete' ? 'complete' : 'reopen') };
          if (!mayChange(ctx, config.leaderIds)) {
            ctx.logger.info({ verb }, 'task card action refused: not a leader');
            return { message: p.notAllowed };
          }
          const { number, view } = parsed.data;
          const result = verb === 'task.complete' ? await store.complete(number, actorOf(ctx)) : await store.reopen(number);
          ctx.logger.info({ task: number, verb, outcome: result.ok ? 'ok' : result.reason }, 'task card action');
          const notice = renderChange(verb === 'task.complete' ? 'complete' : 'reopen', result, lang, escapeCardText);
          if (view !== undefined) {
            const listing = await store.list(view.scope, { ...(view.viewer !== undefined && { viewer: view.viewer }), limit });
            return { card: buildTaskListCard(listing, lang, { view, notice }), forAll: true };
          }
          const task = await store.get(number);
          return task === undefined ? { message: notice } : { card: buildTaskCard(task, lang, today(), notice), forAll: true };
        },
      };
    }

    return {
      name: 'tasks',
      commands: [
        {
          name: 'tasks',
          help: (lang) => taskPhrases(lang).help,
          async handle(text, ctx) {
            const command = parseTaskCommand(text, mentionsOf(ctx.turn.activity), { now: now(), findPerson });
            if (command === null) return false;
            await run(command, ctx);
            return true;
          },
        },
      ],
      cardActions: TASK_CARD_VERBS.map(cardAction),
    };
  };
}

/** The production tasks feature. */
export const createTasksFeature: FeatureFactory = tasksFeature();
