/**
 * A small JSON document shared by every instance, for the domain stores written over a state cell (`read()` and
 * `update(fn)`): each `update` locks the row, applies `fn` to the body as it is in the database and writes it
 * back in one transaction, so concurrent changes from two instances never overwrite each other. `read()` answers
 * from the copy of the last `refresh` or `update`; {@link freshBeforeEachCall} refreshes it before every method of
 * the store built on the cell, so a store sees what another instance wrote a moment ago.
 *
 * Meant for documents of a few hundred entries (each access reads the whole body); large or hot data gets tables.
 */
import type { z } from 'zod/v4';
import { inTransaction } from './db.js';
import type { Db } from './db.js';

/** A state cell over one row of `documents`. */
export interface SharedCell<T> {
  /** The body as of the last refresh or update. */
  read(): T;
  /** Applies `fn` to the current body under a row lock and resolves with its result once committed. */
  update<R>(fn: (draft: T) => R): Promise<R>;
  /** Reloads the body from the database. */
  refresh(): Promise<void>;
}

/** Opens the document `name` (created with `defaults` on first write). */
export async function openSharedCell<T extends object>(db: Db, name: string, defaults: T, schema: z.ZodType<T>): Promise<SharedCell<T>> {
  const parse = (body: unknown): T => {
    const merged = body !== null && typeof body === 'object' && !Array.isArray(body) ? { ...structuredClone(defaults), ...(body as object) } : structuredClone(defaults);
    const parsed = schema.safeParse(merged);
    if (!parsed.success) throw new Error(`document ${name}: the stored body does not match its schema: ${parsed.error.message}`);
    return parsed.data;
  };
  const load = async (): Promise<T> => {
    const { rows } = await db.query<{ body: unknown }>('SELECT body FROM documents WHERE name = $1', [name]);
    return parse(rows[0]?.body);
  };
  let current: T = await load();
  return {
    read: () => current,
    async refresh() {
      current = await load();
    },
    update<R>(fn: (draft: T) => R): Promise<R> {
      return inTransaction(db, async (tx) => {
        await tx.query("INSERT INTO documents (name, body) VALUES ($1, '{}'::jsonb) ON CONFLICT (name) DO NOTHING", [name]);
        const { rows } = await tx.query<{ body: unknown }>('SELECT body FROM documents WHERE name = $1 FOR UPDATE', [name]);
        const draft = parse(rows[0]?.body);
        const result = fn(draft);
        const checked: T = parse(draft);
        await tx.query('UPDATE documents SET body = $2, version = version + 1 WHERE name = $1', [name, JSON.stringify(checked)]);
        current = checked;
        return (result === undefined ? result : JSON.parse(JSON.stringify(result))) as R;
      });
    },
  };
}

/** Wraps a store built on `cell` so that each of its methods first reloads the cell (the store's logic is unchanged). */
export function freshBeforeEachCall<S extends object>(cell: Pick<SharedCell<unknown>, 'refresh'>, store: S): S {
  const wrapped = {} as Record<string, unknown>;
  for (const [key, value] of Object.entries(store)) {
    wrapped[key] =
      typeof value === 'function'
        ? async (...args: unknown[]) => {
            await cell.refresh();
            return (value as (...a: unknown[]) => unknown).apply(store, args);
          }
        : value;
  }
  return wrapped as S;
}
