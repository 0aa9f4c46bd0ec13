/**
 * A change PostgreSQL refuses is a StateWriteError that says why, as with the file store (the user is told
 * the change was not saved), and the store takes changes again once the database does.
 */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openPostgresStores } from '../../src/storage/postgres/index.js';
import { StateWriteError } from '../../src/storage/state-store.js';
import { quietLogger, useMigratedDatabase } from '../helpers/postgres.js';

const database = useMigratedDatabase();

async function setReadOnly(on: boolean): Promise<void> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    // This session itself may start read-only: lift it for the session before changing the database.
    await client.query('SET default_transaction_read_only = off');
    const name = (await client.query<{ name: string }>('SELECT current_database() AS name')).rows[0]!.name;
    await client.query(`ALTER DATABASE "${name}" SET default_transaction_read_only = ${on ? 'on' : 'off'}`);
  } finally {
    await client.end();
  }
}

const person = { id: 'aad-mette', name: 'Mette' };
const open = () => openPostgresStores({ url: database.url, leaseTtlMs: 1_500, logger: quietLogger, now: () => new Date('2026-11-25T09:00:00Z') });

describe('PostgreSQL write errors', () => {
  it('reports a refused change as not saved (denied) and saves again once the database takes writes', async () => {
    const before = await open();
    const first = await before.tasks.create({ title: 'Gemt', createdBy: person, conversationId: 'a:1' });
    await before.close();

    await setReadOnly(true);
    // New connections pick the setting up: a fresh pool, as after a failover to a read-only replica.
    const readOnly = await open();
    try {
      const refused = await readOnly.tasks.create({ title: 'Ikke gemt', createdBy: person, conversationId: 'a:1' }).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(refused).toBeInstanceOf(StateWriteError);
      expect((refused as StateWriteError).failure).toBe('denied');
      expect((refused as StateWriteError).code).toBe('25006');
    } finally {
      await readOnly.close();
      await setReadOnly(false);
    }

    const after = await open();
    try {
      // Nothing was lost and no number was skipped or reused.
      expect(await after.tasks.get(first.task.number)).toMatchObject({ title: 'Gemt' });
      expect((await after.tasks.create({ title: 'Gemt igen', createdBy: person, conversationId: 'a:1' })).task.number).toBe(first.task.number + 1);
    } finally {
      await after.close();
    }
  });
});
