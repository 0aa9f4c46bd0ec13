/**
 * The feedback domain's records and the one small store interface it needs. `src/storage` implements it on the
 * JSON state files (`createStateRecordStore`); a database backend implements the same five methods.
 */
import { z } from 'zod/v4';

/** Why a question is logged as a knowledge gap. */
export const GAP_REASONS = ['unknown', 'rated-down'] as const;

/** A question the bot could not answer, or whose answer was rated down. No user ids: only what was asked and said. */
export const GapSchema = z.object({
  id: z.string(),
  /** When it was asked or rated (ISO time). */
  at: z.string(),
  question: z.string().max(4_000),
  lang: z.enum(['da', 'en']),
  reason: z.enum(GAP_REASONS),
  /** What the bot answered (its first line). */
  answer: z.string().max(2_000),
  /** The comment given with a thumbs down, if any. */
  comment: z.string().max(2_000).optional(),
  /** `dismissed`: an editor set it aside; `task`: an editor turned it into a task (its number). */
  status: z.enum(['open', 'dismissed', 'task']).default('open'),
  taskNumber: z.number().int().positive().optional(),
});
export type Gap = z.infer<typeof GapSchema>;

/** A thumbs up or down on one of the bot's answers, with the optional comment. */
export const FeedbackSchema = z.object({
  id: z.string(),
  at: z.string(),
  reaction: z.enum(['like', 'dislike']),
  comment: z.string().max(2_000).optional(),
  /** The question and answer rated, when the bot still knows which message it was. */
  question: z.string().max(4_000).optional(),
  answer: z.string().max(2_000).optional(),
  lang: z.enum(['da', 'en']).optional(),
});
export type Feedback = z.infer<typeof FeedbackSchema>;

/** A record as the store keeps it: an id it assigns and the time it happened. */
export interface StoredRecord {
  readonly id: string;
  readonly at: string;
}

/** The store a log of records needs (one per record kind): add, list, get, update, remove-older-than. */
export interface RecordStore<T extends StoredRecord> {
  /** Stores a record and resolves with it, id assigned, once it is durable. */
  add(record: Omit<T, 'id'>): Promise<T>;
  /** Every record, oldest first. */
  list(): Promise<readonly T[]>;
  get(id: string): Promise<T | undefined>;
  /** Changes the given fields; resolves with the record, or undefined when there is none with that id. */
  update(id: string, patch: Partial<Omit<T, 'id'>>): Promise<T | undefined>;
  /** Removes the records whose `at` is before `cutoff`; resolves with how many were removed. */
  removeOlderThan(cutoff: Date): Promise<number>;
}
