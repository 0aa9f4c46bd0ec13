/**
 * The answers feedback can still refer to. Teams' thumbs up/down names the bot's message only by its id, so the
 * question and answer behind each answered message are kept for a while: in the state files, or in PostgreSQL
 * where any instance may receive the feedback on another instance's answer. No user ids, only what was asked
 * and said (as in the gap log).
 */
import { z } from 'zod/v4';

/** How long an answer can still be rated with its question known. Teams users rate right after reading. */
export const ANSWER_MEMORY_DAYS = 14;

/** An answered message as remembered for feedback. */
export const AnsweredSchema = z.object({
  /** The id the channel gave the bot's reply (what the feedback names). */
  messageId: z.string().min(1).max(500),
  /** When it was answered (ISO time). */
  at: z.string(),
  question: z.string().max(4_000),
  /** The answer's first line. */
  answer: z.string().max(2_000),
  lang: z.enum(['da', 'en']),
});
export type Answered = z.infer<typeof AnsweredSchema>;

/** The store the remembered answers need (one per backend). */
export interface AnsweredStore {
  /** Remembers an answered message; the same message id again keeps the first. Resolves once durable. */
  remember(entry: Answered): Promise<void>;
  find(messageId: string): Promise<Answered | undefined>;
  /** Forgets the answers from before `cutoff`; resolves with how many. */
  removeOlderThan(cutoff: Date): Promise<number>;
}
