/**
 * Deadlines added in chat (`frist <titel> <dato>` / `deadline <title> <date>`): stored, listed soonest
 * first, reminded like knowledge-base dates, and offered to the question engine as a {@link DeadlineSource}.
 */
import { z } from 'zod/v4';
import { IsoDateSchema } from '../knowledge/schemas.js';
import { TIME_ZONE, toLocalDate } from '../time/format-date.js';
import type { StateCell } from './state.js';

/** What the question engine reads to answer about chat-added deadlines. */
export interface DeadlineSource {
  list(): Promise<ReadonlyArray<{ readonly id: string; readonly title: string; readonly date: string }>>;
}

/** A deadline added in chat. */
export const ChatDeadlineSchema = z.object({
  id: z.string(),
  title: z.string().min(1).max(200),
  date: IsoDateSchema,
  /** Teams user id (or AAD object id) of the leader who added it. */
  createdBy: z.string(),
  createdByName: z.string().optional(),
  conversationId: z.string().optional(),
  createdAt: z.string(),
});
export type ChatDeadline = z.infer<typeof ChatDeadlineSchema>;

/** The deadlines' durable state. */
export const DeadlineStateSchema = z.object({
  nextNumber: z.number().int().positive().default(1),
  deadlines: z.array(ChatDeadlineSchema).default([]),
});
export type DeadlineState = z.infer<typeof DeadlineStateSchema>;

/** No deadlines. */
export function emptyDeadlineState(): DeadlineState {
  return { nextNumber: 1, deadlines: [] };
}

/** Options of {@link createDeadlineStore}. */
export interface DeadlineStoreOptions {
  readonly store: StateCell<DeadlineState>;
  readonly now: () => Date;
  readonly timeZone?: string;
}

/** The input of {@link DeadlineStore.add}. */
export interface NewDeadline {
  readonly title: string;
  readonly date: string;
  readonly createdBy: string;
  readonly createdByName?: string;
  readonly conversationId?: string;
}

/** Chat-added deadlines. */
export interface DeadlineStore extends DeadlineSource {
  /** Adds a deadline; the same title on the same date is not added twice. */
  add(input: NewDeadline): Promise<{ readonly kind: 'added' | 'exists'; readonly deadline: ChatDeadline }>;
  /** Deadlines from today on (Copenhagen), soonest first. */
  upcoming(): Promise<ChatDeadline[]>;
  all(): Promise<readonly ChatDeadline[]>;
}

/** A deadline title as stored: single spaces, trimmed. */
export function normalizeDeadlineTitle(title: string): string {
  return title.replace(/\s+/g, ' ').trim();
}

/** What makes two titles the same deadline (on the same date): case does not count. */
export function deadlineTitleKey(title: string): string {
  return title.trim().toLowerCase();
}

/** Deadlines soonest first, then by title (Danish order). */
export function sortDeadlines(items: readonly ChatDeadline[]): ChatDeadline[] {
  return [...items].sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title, 'da'));
}

/** Creates the deadline store over a state cell. */
export function createDeadlineStore(options: DeadlineStoreOptions): DeadlineStore {
  const { store, now } = options;
  const timeZone = options.timeZone ?? TIME_ZONE;
  const sorted = sortDeadlines;
  return {
    async add(input) {
      const title = normalizeDeadlineTitle(input.title);
      const existing = store.read().deadlines.find((d) => d.date === input.date && deadlineTitleKey(d.title) === deadlineTitleKey(title));
      if (existing) return { kind: 'exists', deadline: existing };
      let added: ChatDeadline | undefined;
      await store.update((state) => {
        const deadline = ChatDeadlineSchema.parse({
          id: `frist-${state.nextNumber}`,
          title,
          date: input.date,
          createdBy: input.createdBy,
          createdByName: input.createdByName,
          conversationId: input.conversationId,
          createdAt: now().toISOString(),
        });
        state.nextNumber += 1;
        state.deadlines.push(deadline);
        added = deadline;
      });
      if (!added) throw new Error('deadlines: the store did not apply the change');
      return { kind: 'added', deadline: added };
    },
    async upcoming() {
      const today = toLocalDate(now(), timeZone);
      return sorted(store.read().deadlines.filter((d) => d.date >= today));
    },
    all: async () => sorted(store.read().deadlines),
    list: async () => sorted(store.read().deadlines).map(({ id, title, date }) => ({ id, title, date })),
  };
}
