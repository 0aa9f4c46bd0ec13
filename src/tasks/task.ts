/**
 * The task model: quick follow-up tasks of the leadership team, numbered #1, #2, … per bot.
 */
import { z } from 'zod/v4';

/** Longest title accepted, in characters. */
export const TITLE_MAX_LENGTH = 200;

/** A calendar date, `YYYY-MM-DD` (a day in Europe/Copenhagen). */
export const IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');

/** A Teams user as the task records them: the id is the Entra object id when Teams sent one, else the Teams id. */
export const TaskPersonSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
});
export type TaskPerson = z.infer<typeof TaskPersonSchema>;

/**
 * Who is responsible. `source` says how they were named: an @mention in Teams (id: the Teams user id), a person of
 * the knowledge base by name (id: the knowledge-base person id), or nobody named, so the creator.
 */
export const TaskOwnerSchema = z.object({
  id: z.string().min(1).optional(),
  name: z.string().min(1),
  source: z.enum(['mention', 'knowledge', 'creator']),
});
export type TaskOwner = z.infer<typeof TaskOwnerSchema>;

export const TaskStatusSchema = z.enum(['open', 'done']);
export type TaskStatus = z.infer<typeof TaskStatusSchema>;

/** One task. */
export const TaskSchema = z.object({
  number: z.number().int().positive(),
  title: z.string().min(1).max(TITLE_MAX_LENGTH),
  owner: TaskOwnerSchema,
  due: IsoDateSchema.optional(),
  status: TaskStatusSchema,
  createdBy: TaskPersonSchema,
  createdAt: z.iso.datetime(),
  completedBy: TaskPersonSchema.optional(),
  completedAt: z.iso.datetime().optional(),
  /** The conversation the task was created in. */
  conversationId: z.string().min(1),
});
export type Task = z.infer<typeof TaskSchema>;

/** The persisted task state: the tasks in number order, and the next number (never reused). */
export const TaskStateSchema = z.object({
  nextNumber: z.number().int().positive(),
  tasks: z.array(TaskSchema),
});
export type TaskState = z.infer<typeof TaskStateSchema>;

/** A fresh task state. */
export function emptyTaskState(): TaskState {
  return { nextNumber: 1, tasks: [] };
}
