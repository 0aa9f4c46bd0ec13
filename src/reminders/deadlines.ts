/**
 * Deadlines added in chat (`frist <titel> <dato>` / `deadline <title> <date>`): stored, listed soonest
 * first, reminded like knowledge-base dates, and offered to the question engine as a {@link DeadlineSource}.
 */
import { z } from 'zod/v4';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { IsoDateSchema, type Text } from '../knowledge/schemas.js';
import { TIME_ZONE, toLocalDate } from '../time/format-date.js';
import { remindedKnowledgeDates } from './knowledge-dates.js';
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

/** The deadline numbered `number` (id `frist-<number>`) for `input`, its title already normalized: both stores build it so. */
export function newChatDeadline(number: number, title: string, input: NewDeadline, createdAt: Date): ChatDeadline {
  return ChatDeadlineSchema.parse({
    id: `frist-${number}`,
    title,
    date: input.date,
    createdBy: input.createdBy,
    createdByName: input.createdByName,
    conversationId: input.conversationId,
    createdAt: createdAt.toISOString(),
  });
}

/** Deadlines soonest first, then by title (Danish order). */
export function sortDeadlines(items: readonly ChatDeadline[]): ChatDeadline[] {
  return [...items].sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title, 'da'));
}

/** Creates the deadline store over a state cell. */
export function createDeadlineStore(options: DeadlineStoreOptions): DeadlineStore {
  const { store, now } = options;
  const timeZone = options.timeZone ?? TIME_ZONE;
  // Every question reads the list (the engine answers date questions from it): sorted once per change, not per read.
  let sortedCache: { all: ChatDeadline[]; list: Array<{ id: string; title: string; date: string }> } | undefined;
  const cached = () =>
    (sortedCache ??= (() => {
      const all = sortDeadlines(store.read().deadlines);
      return { all, list: all.map(({ id, title, date }) => ({ id, title, date })) };
    })());
  return {
    async add(input) {
      const title = normalizeDeadlineTitle(input.title);
      const existing = store.read().deadlines.find((d) => d.date === input.date && deadlineTitleKey(d.title) === deadlineTitleKey(title));
      if (existing) return { kind: 'exists', deadline: existing };
      let added: ChatDeadline | undefined;
      try {
        await store.update((state) => {
          const deadline = newChatDeadline(state.nextNumber, title, input, now());
          state.nextNumber += 1;
          state.deadlines.push(deadline);
          added = deadline;
        });
      } finally {
        sortedCache = undefined;
      }
      if (!added) throw new Error('deadlines: the store did not apply the change');
      return { kind: 'added', deadline: added };
    },
    async upcoming() {
      const today = toLocalDate(now(), timeZone);
      return cached().all.filter((d) => d.date >= today);
    },
    all: async () => [...cached().all],
    list: async () => cached().list,
  };
}

/** An upcoming deadline from any source, for `frister` / `deadlines`. */
export interface UpcomingDeadline {
  /** `YYYY-MM-DD`. */
  readonly date: string;
  /** Last day of a period (knowledge-base dates only). */
  readonly end?: string;
  readonly title: Text;
  readonly source:
    | { readonly kind: 'chat' }
    | { readonly kind: 'task'; readonly number: number; readonly owner?: string }
    /** `document` is the source document's title (Danish and English). */
    | { readonly kind: 'knowledge'; readonly document?: Text };
}

/** Where upcoming deadlines come from. */
export interface UpcomingDeadlineSources {
  /** Deadlines added in chat. */
  readonly chat?: Pick<DeadlineStore, 'upcoming'>;
  /** Open tasks with their due dates. */
  readonly tasks?: () => Promise<ReadonlyArray<{ readonly number: number; readonly title: string; readonly due?: string | null; readonly status: string; readonly owner?: { readonly name?: string } | null }>>;
  /** The knowledge base's dates (read through its queries). */
  readonly knowledge?: KnowledgeBase;
}

/**
 * Every deadline from today on, from chat, open tasks' due dates and the knowledge base (the dated items that
 * reminders cover), soonest first (at most
 * `limit`; a tie keeps chat, then tasks, then the knowledge base).
 * @example collectUpcomingDeadlines({ chat: deadlines, tasks: () => tasks.openTasks(), knowledge }, '2026-03-01')
 */
export async function collectUpcomingDeadlines(sources: UpcomingDeadlineSources, today: string, limit = 20): Promise<UpcomingDeadline[]> {
  const found: UpcomingDeadline[] = [];
  for (const deadline of (await sources.chat?.upcoming()) ?? []) {
    found.push({ date: deadline.date, title: { da: deadline.title, en: deadline.title }, source: { kind: 'chat' } });
  }
  for (const task of (await sources.tasks?.()) ?? []) {
    if (task.status !== 'open' || !task.due || task.due < today) continue;
    const owner = task.owner?.name;
    found.push({ date: task.due, title: { da: task.title, en: task.title }, source: { kind: 'task', number: task.number, ...(owner && { owner }) } });
  }
  // Exactly what deadline reminders cover (knowledge-dates.ts): the list and the reminders agree.
  for (const entry of sources.knowledge ? remindedKnowledgeDates(sources.knowledge, today).slice(0, limit) : []) {
    found.push({
      date: entry.date,
      ...(entry.end && { end: entry.end }),
      title: entry.title,
      source: { kind: 'knowledge', ...(entry.document && { document: entry.document }) },
    });
  }
  const order = { chat: 0, task: 1, knowledge: 2 } as const;
  return found.sort((a, b) => a.date.localeCompare(b.date) || order[a.source.kind] - order[b.source.kind]).slice(0, limit);
}
