/**
 * `npm run state:migrate` on a real state folder: everything copied, counts printed and checked, a second run
 * copies nothing, and the bot on PostgreSQL carries on where the files left off.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFileStores } from '../../src/storage/file-stores.js';
import { openPostgresStores } from '../../src/storage/postgres/index.js';
import { importFileState } from '../../src/storage/postgres/import-files.js';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const quiet = { info() {}, warn() {}, error() {} };
const now = () => new Date('2026-11-25T09:00:00Z');
const person = { id: 'aad-mette', name: 'Mette' };

let database: TestDatabase;
let temp: string;

beforeAll(async () => {
  database = await createTestDatabase();
  temp = await mkdtemp(path.join(os.tmpdir(), 'state-migrate-'));
});
afterAll(async () => {
  await database?.drop();
  await rm(temp, { recursive: true, force: true });
});

describe('importFileState / npm run state:migrate', () => {
  it('copies a state folder once, checks every item, and the PostgreSQL stores continue from it', async () => {
    const stateDir = path.join(temp, 'state');
    const files = await openFileStores({ stateDir, logger: quiet, now });
    for (let i = 1; i <= 12; i += 1) await files.tasks.create({ title: `Opgave ${i}`, createdBy: person, conversationId: 'a:1', ...(i % 3 === 0 && { due: '2026-12-01' }) });
    await files.tasks.complete(2, person);
    await files.conversations.remember({ serviceUrl: 'http://127.0.0.1:1/', channelId: 'msteams', conversation: { id: 'a:anne', conversationType: 'personal' }, bot: { id: '28:bot' }, user: { id: '29:anne', name: 'Anne' } });
    await files.conversations.remember({ serviceUrl: 'http://127.0.0.1:1/', channelId: 'msteams', conversation: { id: '19:c@thread.tacv2', conversationType: 'channel' }, bot: { id: '28:bot' } });
    await files.subscriptions.subscribe('reminders', 'user:29:anne', 'en');
    await files.subscriptions.subscribe('digest', 'channel:19:c@thread.tacv2', 'da');
    await files.subscriptions.subscribe('gaps', 'channel:19:c@thread.tacv2', 'en');
    await files.deadlines.add({ title: 'Budget', date: '2026-12-15', createdBy: '29:anne' });
    await files.deadlines.add({ title: 'Tilsyn', date: '2027-01-10', createdBy: '29:anne' });
    await files.greeted.firstContact('29:anne');
    const feed = await files.feedTokens.issue({ key: 'aad-anne', userId: '29:anne', lang: 'da' });
    const chart = await files.chartLinks.add({ kind: 'all' }, 'da', '2026-11-25');
    await files.gaps.add({ at: '2026-11-24T10:00:00.000Z', question: 'Hvem er chef?', lang: 'da', reason: 'unknown', answer: 'Det ved jeg ikke', status: 'open' });
    await files.feedback.add({ at: '2026-11-24T10:00:00.000Z', reaction: 'dislike', comment: 'forkert' });
    await files.answered.remember({ messageId: '1:answer', at: '2026-11-24T10:00:00.000Z', question: 'Hvem er chef?', answer: 'Anna.', lang: 'da' });
    await files.outbox.update((draft) => {
      draft.accepted['task|3|2026-12-01|7|user:29:anne'] = '2026-11-24T07:00:00.000Z';
    });
    const fileAll = await files.tasks.list('all');
    await files.close();

    // The command itself, as an operator runs it.
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/state-migrate.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', STATE_DIR: stateDir, DATABASE_URL: database.url },
      timeout: 60_000,
    });
    expect(stdout).toMatch(/tasks\s+12\s+12\s+12/);
    expect(stdout).toMatch(/conversations\s+2\s+2\s+2/);
    expect(stdout).toMatch(/subscriptions\s+3\s+3\s+3/);
    expect(stdout).toMatch(/deadlines\s+2\s+2\s+2/);
    expect(stdout).toMatch(/greeted\s+1\s+1\s+1/);
    expect(stdout).toMatch(/feed tokens\s+1\s+1\s+1/);
    expect(stdout).toMatch(/chart links\s+1\s+1\s+1/);
    expect(stdout).toMatch(/gaps\s+1\s+1\s+1/);
    expect(stdout).toMatch(/feedback\s+1\s+1\s+1/);
    expect(stdout).toMatch(/answers\s+1\s+1\s+1/);
    expect(stdout).toContain('outbox (queue and sent-log): copied');
    expect(stdout).toContain('check: every item of the files is in the database');

    const again = await importFileState({ stateDir, url: database.url, logger: quiet, now });
    expect(again.complete).toBe(true);
    expect(again.outbox).toBe('kept-existing');
    expect(again.counts.map((c) => [c.kind, c.inFiles, c.inserted, c.inDatabase])).toEqual([
      ['tasks', 12, 0, 12],
      ['conversations', 2, 0, 2],
      ['subscriptions', 3, 0, 3],
      ['deadlines', 2, 0, 2],
      ['greeted', 1, 0, 1],
      ['feed tokens', 1, 0, 1],
      ['chart links', 1, 0, 1],
      ['gaps', 1, 0, 1],
      ['feedback', 1, 0, 1],
      ['answers', 1, 0, 1],
    ]);

    const pg = await openPostgresStores({ url: database.url, leaseTtlMs: 2_000, logger: quiet, now });
    try {
      expect(await pg.tasks.list('all')).toEqual(fileAll);
      expect((await pg.tasks.create({ title: 'Ny', createdBy: person, conversationId: 'a:1' })).task.number).toBe(13);
      expect((await pg.deadlines.add({ title: 'Ny frist', date: '2027-02-01', createdBy: 'x' })).deadline.id).toBe('frist-3');
      expect(await pg.conversations.findUser('anne')).toBe('user:29:anne');
      expect(await pg.subscriptions.list('reminders')).toEqual([expect.objectContaining({ key: 'user:29:anne', lang: 'en' })]);
      expect(await pg.subscriptions.list('gaps')).toEqual([expect.objectContaining({ key: 'channel:19:c@thread.tacv2', lang: 'en' })]);
      expect(await pg.greeted.firstContact('29:anne')).toBe(false);
      expect(await pg.feedTokens.find(feed.subscription.token)).toEqual(feed.subscription);
      expect(await pg.chartLinks.find(chart)).toMatchObject({ scope: { kind: 'all' }, day: '2026-11-25' });
      expect((await pg.gaps.list()).map((gap) => gap.question)).toEqual(['Hvem er chef?']);
      expect((await pg.gaps.add({ at: '2026-11-25T10:00:00.000Z', question: 'q', lang: 'da', reason: 'unknown', answer: 'a', status: 'open' })).id).toBe('gap-2');
      expect(await pg.feedback.list()).toEqual([expect.objectContaining({ id: 'feedback-1', comment: 'forkert' })]);
      expect(await pg.answered.find('1:answer')).toMatchObject({ question: 'Hvem er chef?' });
      // The sent-log came along: the schedule holder sees the reminder as sent.
      const held = new Promise<void>((resolve) => pg.schedule.start({ acquired: () => resolve(), lost: () => undefined }));
      await held;
      expect(pg.outbox.read().accepted).toHaveProperty(['task|3|2026-12-01|7|user:29:anne']);
    } finally {
      await pg.close();
    }
  }, 120_000);
});
