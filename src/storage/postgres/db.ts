/**
 * The connection pool (the `pg` client) and transactions.
 */
import pg from 'pg';
import { StateWriteError } from '../state-store.js';

/** A pool of connections to one database. */
export type Db = pg.Pool;
/** One connection, inside a transaction. */
export type Tx = pg.PoolClient;

/** Options of {@link createDb}. */
export interface DbOptions {
  readonly url: string;
  /** Connections at most (default 5). */
  readonly max?: number;
  /** Shown in `pg_stat_activity`. */
  readonly applicationName?: string;
}

/** Opens a pool; connections are made on first use. */
export function createDb(options: DbOptions): Db {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.max ?? 5,
    application_name: options.applicationName ?? 'dagtilbud-bot',
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle connection dropped by the server (failover, restart) must not crash the process: the next query reconnects.
  pool.on('error', () => undefined);
  return pool;
}

/** Runs `fn` in a transaction: committed when it resolves, rolled back when it throws. */
export async function inTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw asWriteError(error);
  } finally {
    client.release();
  }
}

/** Network failures on the way to the database: the change did not reach it. */
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH']);

/**
 * The database refused or never got a change (disk full, read-only, no permission, unreachable): a
 * {@link StateWriteError}, so the user is told the change was not saved and why, as with the files.
 * Anything else (a store's own signal, a bug) passes unchanged.
 */
export function asWriteError(error: unknown): unknown {
  if (error instanceof StateWriteError) return error;
  const code = (error as { code?: unknown } | undefined)?.code;
  const connection = typeof code === 'string' && CONNECTION_CODES.has(code);
  const terminated = error instanceof Error && /connection terminated|timeout exceeded when trying to connect/i.test(error.message);
  return error instanceof pg.DatabaseError || connection || terminated ? new StateWriteError('postgres', error) : error;
}

/** Takes the next number of a counter (1, 2, …); the counter row stays locked until the transaction ends. */
export async function nextNumber(tx: Tx, name: string): Promise<number> {
  const { rows } = await tx.query<{ value: number }>(
    `INSERT INTO counters (name, next_value) VALUES ($1, 2)
     ON CONFLICT (name) DO UPDATE SET next_value = counters.next_value + 1
     RETURNING next_value - 1 AS value`,
    [name],
  );
  return (rows[0] as { value: number }).value;
}
