import { mkdtemp, readdir, readFile, rm, truncate, writeFile, appendFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCK_FILE, StateDirInUseError } from '../../src/storage/dir-lock.js';
import { openStateDir } from '../../src/storage/state-dir.js';
import { StateUnrecoverableError } from '../../src/storage/state-store.js';
import { addItem, deadPid, dirOptions, ITEMS } from './state-dir-fixtures.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'state-dir-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('openStateDir', () => {
  it('keeps 500 concurrent creates across a restart', async () => {
    const stateDir = await openStateDir(dir, dirOptions().options);
    const store = await stateDir.open(ITEMS);
    const created = await Promise.all(Array.from({ length: 500 }, (_, i) => store.update(addItem(`task ${i}`))));
    expect(new Set(created.map((c) => c.id)).size).toBe(500);
    await stateDir.close();

    const again = await openStateDir(dir, dirOptions().options);
    const reopened = await again.open(ITEMS);
    expect(reopened.read().items).toHaveLength(500);
    expect(reopened.read().items.map((i) => i.id)).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
    await again.close();
  });

  it('keeps confirmed writes after a crash (no close), from the journal', async () => {
    const first = await openStateDir(dir, dirOptions({ lock: { pid: await deadPid() } }).options);
    const store = await first.open(ITEMS);
    for (const title of ['one', 'two', 'three']) await store.update(addItem(title));
    // The process "dies" here: no close, the lock stays behind with a pid that no longer runs.
    const { logger, options } = dirOptions();
    const second = await openStateDir(dir, options);
    const reopened = await second.open(ITEMS);
    expect(reopened.read().items.map((i) => i.title)).toEqual(['one', 'two', 'three']);
    expect(logger.messages('warn').join('\n')).toMatch(/taking over a stale lock/);
    await second.close();
  });

  it('recovers a truncated state file from the newest backup and keeps the damaged file', async () => {
    const first = await openStateDir(dir, dirOptions().options);
    const store = await first.open(ITEMS);
    await Promise.all(['a', 'b', 'c'].map((t) => store.update(addItem(t))));
    await first.close();
    const statePath = join(dir, 'items.json');
    const good = await readFile(statePath, 'utf8');
    await truncate(statePath, Math.floor(good.length / 2));

    const { logger, options } = dirOptions();
    const second = await openStateDir(dir, options);
    const reopened = await second.open(ITEMS);
    expect(reopened.read().items.map((i) => i.title).sort()).toEqual(['a', 'b', 'c']);
    const kept = (await readdir(dir)).filter((n) => n.startsWith('items.json.corrupt-'));
    expect(kept).toHaveLength(1);
    expect(await readFile(join(dir, kept[0] as string), 'utf8')).toBe(good.slice(0, Math.floor(good.length / 2)));
    const errors = logger.entries.filter((e) => e.level === 'error');
    expect(errors.map((e) => e.message).join('\n')).toMatch(/state file unreadable[\s\S]*state restored from backup/);
    expect(errors.at(-1)?.details).toMatchObject({ corruptFileKeptAt: join(dir, kept[0] as string) });
    await second.close();
  });

  it('replays the journal on top of the backup when the snapshot is damaged after a crash', async () => {
    const first = await openStateDir(dir, dirOptions({ checkpointEvery: 2, lock: { pid: await deadPid() } }).options);
    const store = await first.open(ITEMS);
    for (const title of ['a', 'b', 'c']) await store.update(addItem(title));
    await store.checkpoint().catch(() => undefined);
    await store.update(addItem('d'));
    await writeFile(join(dir, 'items.json'), '');

    const second = await openStateDir(dir, dirOptions().options);
    const reopened = await second.open(ITEMS);
    expect(reopened.read().items.map((i) => i.title)).toEqual(['a', 'b', 'c', 'd']);
    await second.close();
  });

  it('ignores a torn journal tail and keeps appending cleanly', async () => {
    const first = await openStateDir(dir, dirOptions({ lock: { pid: await deadPid() } }).options);
    const store = await first.open(ITEMS);
    await store.update(addItem('kept'));
    await appendFile(join(dir, 'items.journal'), '{"seq":2,"chan');

    const second = await openStateDir(dir, dirOptions({ lock: { pid: await deadPid() } }).options);
    const reopened = await second.open(ITEMS);
    expect(reopened.read().items.map((i) => i.title)).toEqual(['kept']);
    await reopened.update(addItem('after'));

    const third = await openStateDir(dir, dirOptions().options);
    expect((await third.open(ITEMS)).read().items.map((i) => i.title)).toEqual(['kept', 'after']);
    await third.close();
  });

  it('takes checkpoints while writes keep coming, losing none', async () => {
    const stateDir = await openStateDir(dir, dirOptions({ checkpointEvery: 7 }).options);
    const store = await stateDir.open(ITEMS);
    const writes = Array.from({ length: 200 }, (_, i) => store.update(addItem(`t${i}`)));
    const checkpoints = [store.checkpoint(), store.checkpoint()];
    const more = Array.from({ length: 100 }, (_, i) => store.update(addItem(`u${i}`)));
    await Promise.all([...writes, ...checkpoints, ...more]);
    await stateDir.close();
    const again = await openStateDir(dir, dirOptions().options);
    expect((await again.open(ITEMS)).read().items).toHaveLength(300);
    await again.close();
  });

  it('keeps at most the configured number of backups', async () => {
    const stateDir = await openStateDir(dir, dirOptions({ keepBackups: 3 }).options);
    const store = await stateDir.open(ITEMS);
    for (let i = 0; i < 6; i += 1) {
      await store.update(addItem(`t${i}`));
      await store.checkpoint();
    }
    await stateDir.close();
    const backups = (await readdir(join(dir, 'backups'))).filter((n) => n.endsWith('.json'));
    expect(backups).toHaveLength(3);
    expect(backups.sort().at(-1)).toMatch(/^items\.s000000000006\./);
  });

  it('refuses to start when the state file is unreadable and no backup is good, leaving it in place', async () => {
    await writeFile(join(dir, 'items.json'), '{"format":"dagtilbud-state","seq":3,"data":{"ne');
    const stateDir = await openStateDir(dir, dirOptions().options);
    const opening = stateDir.open(ITEMS);
    await expect(opening).rejects.toThrow(StateUnrecoverableError);
    await expect(opening).rejects.toThrow(`${join(dir, 'items.json')}: the state file is unreadable`);
    expect(await readFile(join(dir, 'items.json'), 'utf8')).toBe('{"format":"dagtilbud-state","seq":3,"data":{"ne');
    await stateDir.close();
  });

  it('refuses a state dir held by a live process, naming it', async () => {
    const livePid = process.ppid;
    await writeFile(join(dir, LOCK_FILE), JSON.stringify({ pid: livePid, hostname: hostname(), processStartedAt: 1, acquiredAt: '2026-11-25T08:00:00.000Z', token: 'x' }));
    const opening = openStateDir(dir, dirOptions().options);
    await expect(opening).rejects.toThrow(StateDirInUseError);
    await expect(opening).rejects.toThrow(`state dir ${dir} is in use by process ${livePid}`);
  });

  it('refuses a second open in the same process until the first is closed', async () => {
    const first = await openStateDir(dir, dirOptions().options);
    await expect(openStateDir(dir, dirOptions().options)).rejects.toThrow(`is in use by process ${process.pid}`);
    await first.close();
    const second = await openStateDir(dir, dirOptions().options);
    await second.close();
  });

  it('takes over a lock whose pid was reused by this process after a restart', async () => {
    await writeFile(join(dir, LOCK_FILE), JSON.stringify({ pid: process.pid, hostname: hostname(), processStartedAt: 1, acquiredAt: '2026-11-25T08:00:00.000Z', token: 'x' }));
    const { logger, options } = dirOptions();
    const stateDir = await openStateDir(dir, options);
    expect(logger.messages('warn').join('\n')).toMatch(/stale lock/);
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid });
    await stateDir.close();
    await expect(readFile(join(dir, LOCK_FILE), 'utf8')).rejects.toThrow(/ENOENT/);
  });

  it('refuses a lock held on another host, since it cannot check that process', async () => {
    await writeFile(join(dir, LOCK_FILE), JSON.stringify({ pid: await deadPid(), hostname: 'other-host', processStartedAt: 1, acquiredAt: '2026-11-25T08:00:00.000Z', token: 'x' }));
    await expect(openStateDir(dir, dirOptions().options)).rejects.toThrow(/on host other-host/);
  });
});
