/**
 * Versioned schema migrations (node-pg-migrate, SQL files in `src/storage/postgres/migrations/`), run at start. Concurrent
 * starts are safe: node-pg-migrate holds an advisory lock while it migrates, and the second instance waits for
 * it (`advisoryLockMode: 'wait'`), then finds nothing left to do.
 */
import { fileURLToPath } from 'node:url';
import { runner } from 'node-pg-migrate';
import type { StateLogger } from '../types.js';

/** The migration files (`src/storage/postgres` and `dist/storage/postgres` both sit three levels below the root). */
// From the repository root, so the same path serves `src/` (tsx) and `dist/` (tsc copies no SQL files).
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../src/storage/postgres/migrations/', import.meta.url));

/** Applies every migration not yet applied; returns the names applied now. */
export async function migrateDatabase(url: string, logger: StateLogger): Promise<string[]> {
  const applied = await runner({
    databaseUrl: url,
    dir: MIGRATIONS_DIR,
    direction: 'up',
    migrationsTable: 'pgmigrations',
    count: Infinity,
    checkOrder: true,
    singleTransaction: true,
    // Two instances starting together: the second waits for the first's migration instead of failing.
    advisoryLockMode: 'wait',
    logger: { debug: () => undefined, info: () => undefined, warn: (message: string) => logger.warn({}, message), error: (message: string) => logger.error({}, message) },
  });
  const names = applied.map((migration) => migration.name);
  if (names.length > 0) logger.info({ migrations: names }, 'database migrated');
  return names;
}
