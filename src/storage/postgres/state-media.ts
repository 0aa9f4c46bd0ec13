/**
 * The media of a durable state document (`src/storage/state-store.ts`) in PostgreSQL: the snapshot in
 * `state_snapshots`, the journal as rows of `state_journal`. Every write is fenced by the schedule lease: an
 * instance that no longer holds it cannot write, so a paused old holder cannot overwrite the new one's state.
 */
import type { Adapter } from 'lowdb';
import type { StateJournal, StateMedia } from '../types.js';
import type { Db } from './db.js';
import { leaseHeldCondition } from './lease.js';

/** Thrown by a write when this instance does not hold the lease (any more). */
export class LeaseLostError extends Error {
  override readonly name = 'LeaseLostError';
}

/** Who may write: the lease and this instance's holder id. */
export interface WriteFence {
  readonly lease: string;
  readonly holder: string;
}

class SnapshotRow implements Adapter<string> {
  constructor(
    private readonly db: Db,
    private readonly name: string,
    private readonly fence: WriteFence,
  ) {}

  async read(): Promise<string | null> {
    const { rows } = await this.db.query<{ body: string }>('SELECT body FROM state_snapshots WHERE name = $1', [this.name]);
    return rows[0]?.body ?? null;
  }

  async write(body: string): Promise<void> {
    const { rowCount } = await this.db.query(
      `INSERT INTO state_snapshots (name, body) SELECT $1, $2 WHERE ${leaseHeldCondition('$3', '$4')}
       ON CONFLICT (name) DO UPDATE SET body = EXCLUDED.body, saved_at = now()`,
      [this.name, body, this.fence.lease, this.fence.holder],
    );
    if (rowCount === 0) throw new LeaseLostError(`state ${this.name}: not written, this instance does not hold the ${this.fence.lease} lease`);
  }
}

class JournalRows implements StateJournal {
  readonly location: string;
  #segment: number | undefined;

  constructor(
    private readonly db: Db,
    private readonly name: string,
    private readonly fence: WriteFence,
  ) {
    this.location = `postgres state_journal "${name}"`;
  }

  async #current(): Promise<number> {
    if (this.#segment === undefined) {
      const { rows } = await this.db.query<{ max: number | null }>('SELECT max(segment) AS max FROM state_journal WHERE name = $1', [this.name]);
      this.#segment = (rows[0]?.max ?? 0) + 1;
    }
    return this.#segment;
  }

  async read(): Promise<readonly string[]> {
    await this.#current();
    const { rows } = await this.db.query<{ body: string }>(
      "SELECT string_agg(body, '' ORDER BY id) AS body FROM state_journal WHERE name = $1 GROUP BY segment ORDER BY segment",
      [this.name],
    );
    return rows.map((row) => row.body);
  }

  async append(text: string): Promise<void> {
    const segment = await this.#current();
    const { rowCount } = await this.db.query(
      `INSERT INTO state_journal (name, segment, body) SELECT $1, $2, $3 WHERE ${leaseHeldCondition('$4', '$5')}`,
      [this.name, segment, text, this.fence.lease, this.fence.holder],
    );
    if (rowCount === 0) throw new LeaseLostError(`state ${this.name}: change not written, this instance does not hold the ${this.fence.lease} lease`);
  }

  async rotate(): Promise<number> {
    const segment = await this.#current();
    this.#segment = segment + 1;
    return segment;
  }

  async drop(token: number): Promise<void> {
    await this.db.query(`DELETE FROM state_journal WHERE name = $1 AND segment <= $2 AND ${leaseHeldCondition('$3', '$4')}`, [
      this.name,
      token,
      this.fence.lease,
      this.fence.holder,
    ]);
  }

  async setAside(): Promise<readonly string[]> {
    const aside = `${this.name}:aside:${new Date().toISOString()}`;
    await this.db.query('UPDATE state_journal SET name = $2 WHERE name = $1', [this.name, aside]);
    return [`postgres state_journal "${aside}"`];
  }

  async close(): Promise<void> {}
}

/** The snapshot and journal of the document `name`, written only while `fence` holds. */
export function postgresStateMedia(db: Db, name: string, fence: WriteFence): StateMedia {
  return { adapter: new SnapshotRow(db, name, fence), journal: new JournalRows(db, name, fence), location: `postgres state "${name}"` };
}
