/**
 * A fresh database per test file on the run's test server (started by `postgres-setup.ts`).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { migrateDatabase } from '../../src/storage/postgres/index.js';

/** A database made for one test file. */
export interface TestDatabase {
  readonly url: string;
  /** Drops it (ends its connections first). */
  drop(): Promise<void>;
}

/** Creates an empty database `t_<random>` on the test server. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('pgAdminUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** Logs nothing: the stores' and migrations' logger in tests. */
export const quietLogger = { info() {}, warn() {}, error() {} };

/**
 * A fresh, migrated database for the test file that calls it (made in `beforeAll`, dropped in `afterAll`);
 * read `.url` inside the tests.
 */
export function useMigratedDatabase(): { readonly url: string } {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    await migrateDatabase(database.url, quietLogger);
  });
  afterAll(async () => {
    await database?.drop();
  });
  return {
    get url() {
      if (!database) throw new Error('useMigratedDatabase: the database is made in beforeAll; read .url inside a test');
      return database.url;
    },
  };
}
