/**
 * The remembered answers ({@link AnsweredStore}) on a durable JSON state: one keyed record per answered message,
 * so remembering one journals one entry and forgetting one journals its removal (see `changes.ts`).
 */
import { z } from 'zod/v4';
import { AnsweredSchema } from '../feedback/answered.js';
import type { Answered, AnsweredStore } from '../feedback/answered.js';
import type { StateDefinition } from './state-dir.js';

/** The state file of the remembered answers, by message id. */
export interface AnsweredState {
  answers: Record<string, Answered>;
}

/** The state definition of the remembered answers (`STATE_DIR/teams/answered.json`). */
export const ANSWERED_STATE: StateDefinition<AnsweredState> = {
  name: 'answered',
  defaults: { answers: {} },
  schema: z.object({ answers: z.record(z.string(), AnsweredSchema).default({}) }) as unknown as z.ZodType<AnsweredState>,
};

/** The slice of a state store the remembered answers use. */
export interface AnsweredStateCell {
  read(): unknown;
  update<R>(fn: (draft: AnsweredState) => R): Promise<R>;
}

/** Creates the remembered answers over a state cell. */
export function createStateAnsweredStore(store: AnsweredStateCell): AnsweredStore {
  const answers = () => (store.read() as AnsweredState).answers;
  return {
    async remember(entry) {
      if (Object.hasOwn(answers(), entry.messageId)) return;
      await store.update((draft) => {
        if (!Object.hasOwn(draft.answers, entry.messageId)) draft.answers[entry.messageId] = entry;
      });
    },
    find: async (messageId) => (Object.hasOwn(answers(), messageId) ? answers()[messageId] : undefined),
    async removeOlderThan(cutoff) {
      const limit = cutoff.toISOString();
      const old = Object.values(answers()).filter((entry) => entry.at < limit).map((entry) => entry.messageId);
      if (old.length === 0) return 0;
      return store.update((draft) => {
        let removed = 0;
        for (const id of old) {
          if (Object.hasOwn(draft.answers, id)) {
            delete draft.answers[id];
            removed += 1;
          }
        }
        return removed;
      });
    },
  };
}
