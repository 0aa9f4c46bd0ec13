/**
 * Recovery from damaged state files (issue 13): every intact entry is kept, damage is kept aside and reported with
 * file, offset and loss, a loss stops the start unless acknowledged, and counters never go back.
 */
import { appendFile, copyFile, mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStateHealth, openStateDir } from '../../src/storage/state-dir.js';
import type { StateDirOptions } from '../../src/storage/state-dir.js';
import { StateLossError } from '../../src/storage/state-store.js';
import { addItem, deadPid, dirOptions, ITEMS as PLAIN_ITEMS } from './state-dir-fixtures.js';

const ITEMS = { ...PLAIN_ITEMS, counters: ['next'] };

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'state-recovery-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Writes `titles` and "crashes" (no close, so the journal holds them and no snapshot covers them). */
async function crashAfter(titles: readonly string[], extra: Partial<StateDirOptions> = {}): Promise<void> {
  const stateDir = await openStateDir(dir, dirOptions({ lock: { pid: await deadPid() }, ...extra }).options);
  const store = await stateDir.open(ITEMS);
  for (const title of titles) await store.update(addItem(title));
}

const journalPath = () => join(dir, 'items.journal');
const keptJournals = async () => (await readdir(dir)).filter((n) => n.startsWith('items.journal.corrupt-'));
const titles = (state: { readonly items: readonly { readonly title: string }[] }) => state.items.map((i) => i.title);

describe('recovery of damaged journals', () => {
  it('keeps every entry before a bad line in the middle, refuses the loss naming file, offset and count', async () => {
    await crashAfter(['a', 'b', 'c', 'd', 'e']);
    const lines = (await readFile(journalPath(), 'utf8')).split('\n');
    const offset = Buffer.byteLength(`${lines.slice(0, 2).join('\n')}\n`);
    lines[2] = '{"seq":3,"changes":[[["items","2"],{"id":3,"ti#@!';
    await writeFile(journalPath(), lines.join('\n'));

    const attempt = openStateDir(dir, dirOptions().options).then((d) => d.open(ITEMS));
    await expect(attempt).rejects.toThrow(StateLossError);
    await expect(attempt).rejects.toThrow(
      new RegExp(`3 confirmed change\\(s\\) \\(seq 3–5\\).*items\\.journal at byte ${offset}.*3 lines from there unreadable.*ACCEPT_STATE_LOSS=1`),
    );
    // Nothing was changed: the damaged journal is still where it was.
    expect(await readFile(journalPath(), 'utf8')).toBe(lines.join('\n'));
  });

  it('with the loss acknowledged: keeps the good entries, moves the journal aside, never reuses a number, reports degraded', async () => {
    await crashAfter(['a', 'b', 'c', 'd', 'e']);
    const lines = (await readFile(journalPath(), 'utf8')).split('\n');
    lines[2] = 'garbage';
    const damaged = lines.join('\n');
    await writeFile(journalPath(), damaged);

    const health = createStateHealth();
    const { logger, options } = dirOptions({ acceptLoss: true, health, lock: { pid: await deadPid() } });
    const store = await (await openStateDir(dir, options)).open(ITEMS);
    expect(titles(store.read())).toEqual(['a', 'b']);
    expect(await store.update(addItem('f'))).toEqual({ id: 6, title: 'f' }); // 3, 4 and 5 were confirmed to someone
    const kept = await keptJournals();
    expect(kept).toHaveLength(1);
    expect(await readFile(join(dir, kept[0] as string), 'utf8')).toBe(damaged);
    expect(health.problems()).toEqual([expect.objectContaining({ store: 'items', kind: 'loss', reason: expect.stringMatching(/3 confirmed change\(s\)/) })]);
    expect(logger.messages('error').join('\n')).toMatch(/state loss accepted/);
  });

  it('takes a journal of NUL bytes for damage, not a torn write', async () => {
    await crashAfter(['a', 'b']);
    const size = (await readFile(journalPath())).length;
    await writeFile(journalPath(), Buffer.alloc(size));
    await expect(openStateDir(dir, dirOptions().options).then((d) => d.open(ITEMS))).rejects.toThrow(/2 confirmed change\(s\).*at byte 0/);
  });

  it('keeps all entries when only NUL bytes follow them, and keeps the file aside', async () => {
    await crashAfter(['a', 'b']);
    await appendFile(journalPath(), Buffer.alloc(4096));
    const { logger, options } = dirOptions({ lock: { pid: await deadPid() } });
    const store = await (await openStateDir(dir, options)).open(ITEMS);
    expect(titles(store.read())).toEqual(['a', 'b']);
    expect(await keptJournals()).toHaveLength(1);
    expect(logger.messages('error').join('\n')).toMatch(/state recovered: .*items\.journal at byte \d+/);
    expect(store.problems()).toEqual([]);
  });

  it('takes garbage without a newline for damage, not a torn write', async () => {
    await crashAfter(['a', 'b']);
    await appendFile(journalPath(), 'xK2\u0001garbage without newline');
    const { logger, options } = dirOptions({ lock: { pid: await deadPid() } });
    const store = await (await openStateDir(dir, options)).open(ITEMS);
    expect(titles(store.read())).toEqual(['a', 'b']);
    expect(await keptJournals()).toHaveLength(1);
    expect(logger.messages('warn').join('\n')).not.toMatch(/incomplete last journal entry/);
    expect(logger.messages('error').join('\n')).toMatch(/at byte \d+/);
  });

  it('takes only a cut-off next entry for a torn write', async () => {
    await crashAfter(['a', 'b']);
    await appendFile(journalPath(), '{"seq":3,"changes":[[["ite');
    const { logger, options } = dirOptions({ lock: { pid: await deadPid() } });
    const store = await (await openStateDir(dir, options)).open(ITEMS);
    expect(titles(store.read())).toEqual(['a', 'b']);
    expect(logger.messages('warn').join('\n')).toMatch(/incomplete last journal entry/);
    expect(await keptJournals()).toEqual([]);
  });

  it.each([
    ['emptied', () => truncate(journalPath(), 0)],
    ['cut at an entry boundary', async () => {
      const lines = (await readFile(journalPath(), 'utf8')).split('\n');
      await writeFile(journalPath(), `${lines.slice(0, 2).join('\n')}\n`);
    }],
    ['deleted', () => rm(journalPath())],
  ])('notices a journal %s after confirmed writes (the mark knows better)', async (_label, damage) => {
    await crashAfter(['a', 'b', 'c']);
    await damage();
    await expect(openStateDir(dir, dirOptions().options).then((d) => d.open(ITEMS))).rejects.toThrow(StateLossError);
  });
});

describe('recovery of stale or damaged snapshots', () => {
  it('uses a newer backup over a valid but stale state file', async () => {
    const first = await openStateDir(dir, dirOptions().options);
    const store = await first.open(ITEMS);
    await store.update(addItem('a'));
    await store.checkpoint();
    await copyFile(join(dir, 'items.json'), join(dir, 'stale.json'));
    await store.update(addItem('b'));
    await store.update(addItem('c'));
    await first.close();
    await copyFile(join(dir, 'stale.json'), join(dir, 'items.json'));

    const { logger, options } = dirOptions();
    const reopened = await (await openStateDir(dir, options)).open(ITEMS);
    expect(titles(reopened.read())).toEqual(['a', 'b', 'c']);
    expect(logger.messages('error').join('\n')).toMatch(/restored from backup .*items\.json is stale \(seq 1\); backup .* is newer \(seq 3\)/);
  });

  it('refuses a stale state file when no copy holds the later changes', async () => {
    const first = await openStateDir(dir, dirOptions({ keepBackups: 1 }).options);
    const store = await first.open(ITEMS);
    await store.update(addItem('a'));
    await store.checkpoint();
    await copyFile(join(dir, 'items.json'), join(dir, 'stale.json'));
    await store.update(addItem('b'));
    await first.close();
    await copyFile(join(dir, 'stale.json'), join(dir, 'items.json'));
    for (const name of await readdir(join(dir, 'backups'))) await rm(join(dir, 'backups', name));
    await expect(openStateDir(dir, dirOptions().options).then((d) => d.open(ITEMS))).rejects.toThrow(/1 confirmed change\(s\) \(seq 2–2\)/);
  });

  it('raises the counter to its mark even when the state itself was rolled back on purpose', async () => {
    await crashAfter(['a', 'b', 'c']);
    await rm(journalPath());
    const store = await (await openStateDir(dir, dirOptions({ acceptLoss: true, lock: { pid: await deadPid() } }).options)).open(ITEMS);
    expect(store.read().items).toEqual([]);
    expect(await store.update(addItem('d'))).toEqual({ id: 4, title: 'd' });
  });
});
