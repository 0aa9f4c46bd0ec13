/**
 * The task model: quick follow-up tasks of the leadership team, numbered #1, #2, … per bot.
 */
import { z } from 'zod/v4';

/** Longest title accepted, in user-perceived characters (graphemes: 👩‍👩‍👧 or é written as e + ◌́ count as one). */
export const TITLE_MAX_LENGTH = 200;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The length of a text as a reader counts it: in graphemes, not UTF-16 units. */
export function titleLength(title: string): number {
  let count = 0;
  for (const _ of graphemes.segment(title)) count += 1;
  return count;
}

/**
 * Characters that show nothing on their own: spaces and separators, format characters (zero-width space and
 * joiners, bidi marks, the byte-order mark), control characters, combining marks without a base, variation
 * selectors, and the blank look-alikes (Hangul fillers, the braille blank, the Mongolian vowel separator).
 */
const INVISIBLE = /^[\p{White_Space}\p{Z}\p{Cf}\p{Cc}\p{M}\u115F\u1160\u3164\uFFA0\u2800\u180E\uFE00-\uFE0F]*$/u;

/** True when a title has at least one character a reader can see. */
export function hasVisibleCharacter(title: string): boolean {
  return !INVISIBLE.test(title);
}

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
  // Stored titles are not checked for visibility: a state written before that check must still load.
  title: z
    .string()
    .min(1)
    .refine((title) => titleLength(title) <= TITLE_MAX_LENGTH, { message: `at most ${TITLE_MAX_LENGTH} characters` }),
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
