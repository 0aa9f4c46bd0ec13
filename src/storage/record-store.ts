/**
 * A {@link RecordStore} on a durable JSON state (`StateStore` from `./state-store.ts`): the records of one kind
 * in one state file, with ids `<prefix>-<n>`. Fine for the hundreds of records a retention period holds.
 */
import { z } from 'zod/v4';
import type { RecordStore, StoredRecord } from '../feedback/records.js';
import type { StateDefinition } from './state-dir.js';

/** The state file of a record store. */
export interface RecordState<T> {
  nextNumber: number;
  records: T[];
}

/** The state definition of a record store named `name` (for `StateDir.open`), its records checked by `schema`. */
export function recordStateDefinition<T extends StoredRecord>(name: string, schema: z.ZodType<T>): StateDefinition<RecordState<T>> {
  const StateSchema = z.object({ nextNumber: z.number().int().positive().default(1), records: z.array(schema).default([]) });
  // nextNumber is a counter: after a recovery, ids continue after the highest ever given.
  return { name, defaults: { nextNumber: 1, records: [] }, schema: StateSchema as unknown as z.ZodType<RecordState<T>>, counters: ['nextNumber'] };
}

/** The slice of a state store a record store uses. */
export interface RecordStateCell<T> {
  read(): unknown;
  update<R>(fn: (draft: RecordState<T>) => R): Promise<R>;
}

/**
 * Creates a record store over a state cell.
 * @example createStateRecordStore(await stateDir.open(recordStateDefinition('gaps', GapSchema)), 'gap')
 */
export function createStateRecordStore<T extends StoredRecord>(store: RecordStateCell<T>, prefix: string): RecordStore<T> {
  const records = () => (store.read() as RecordState<T>).records;
  return {
    add: (record) =>
      store.update((draft) => {
        const stored = { ...record, id: `${prefix}-${draft.nextNumber}` } as T;
        draft.nextNumber += 1;
        draft.records.push(stored);
        return stored;
      }),
    list: async () => [...records()],
    get: async (id) => records().find((record) => record.id === id),
    async update(id, patch) {
      if (!records().some((record) => record.id === id)) return undefined;
      return store.update((draft) => {
        const record = draft.records.find((candidate) => candidate.id === id);
        if (record) Object.assign(record, patch, { id });
        return record;
      });
    },
    async removeOlderThan(cutoff) {
      const limit = cutoff.toISOString();
      if (!records().some((record) => record.at < limit)) return 0;
      return store.update((draft) => {
        const before = draft.records.length;
        draft.records = draft.records.filter((record) => record.at >= limit);
        return before - draft.records.length;
      });
    },
  };
}
