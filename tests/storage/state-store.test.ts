import { Memory } from 'lowdb';
import { describe, expect, it } from 'vitest';
import { z } from 'zod/v4';
import { createMemoryMedia, MemoryJournal } from '../../src/storage/memory-media.js';
import { createStateStore, StateUnrecoverableError } from '../../src/storage/state-store.js';
import type { StateStoreOptions } from '../../src/storage/state-store.js';
import type { StateMedia } from '../../src/storage/types.js';
import { createRecordingLogger } from './recording-logger.js';

const ItemSchema = z.object({ id: z.number().int().positive(), title: z.string().min(1) });
const StateSchema = z.object({ next: z.number().int().positive(), items: z.array(ItemSchema) });
type State = z.infer<typeof StateSchema>;
const DEFAULTS: State = { next: 1, items: [] };
const NOW = () => new Date('2026-11-25T09:00:00Z');

function options(media: StateMedia, extra: Partial<StateStoreOptions<State>> = {}) {
  const logger = createRecordingLogger();
  return { logger, options: { name: 'items', defaults: DEFAULTS, schema: StateSchema, logger, now: NOW, ...media, ...extra } };
}

function addItem(title: string) {
  return (draft: State) => {
    const item = { id: draft.next, title };
    draft.next += 1;
    draft.items.push(item);
    return item;
  };
}

/** A journal whose appends wait until the test lets them through. */
class GatedJournal extends MemoryJournal {
  readonly gates: Array<() => void> = [];
  appends = 0;
  failNext = false;
  override async append(text: string): Promise<void> {
    this.appends += 1;
    await new Promise<void>((resolve) => this.gates.push(resolve));
    if (this.failNext) {
      this.failNext = false;
      throw new Error('disk full');
    }
    await super.append(text);
  }
  release(): void {
    for (const open of this.gates.splice(0)) open();
  }
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setImmediate(resolve));
}

describe('createStateStore', () => {
  it('starts a new store with the defaults, says so, and writes a first snapshot and backup', async () => {
    const media = createMemoryMedia();
    const { logger, options: o } = options(media);
    const store = await createStateStore(o);
    expect(store.read()).toEqual(DEFAULTS);
    expect(logger.messages('info')).toContain('no state file yet: starting with an empty state');
    expect(JSON.parse((await media.adapter.read()) as string)).toMatchObject({ seq: 0, data: DEFAULTS });
    expect(media.backups.saved).toHaveLength(1);
  });

  it('confirms an update only after its journal entry is written', async () => {
    const journal = new GatedJournal();
    const media = { ...createMemoryMedia(), journal };
    const store = await createStateStore(options(media).options);
    let confirmed = false;
    const pending = store.update(addItem('first')).then((item) => {
      confirmed = true;
      return item;
    });
    await settle();
    expect(journal.appends).toBe(1);
    expect(confirmed).toBe(false);
    journal.release();
    await expect(pending).resolves.toEqual({ id: 1, title: 'first' });
    expect(journal.active).toContain('"first"');
  });

  it('writes the updates queued during a write together, confirming each', async () => {
    const journal = new GatedJournal();
    const store = await createStateStore(options({ ...createMemoryMedia(), journal }).options);
    const first = store.update(addItem('a'));
    await settle();
    const rest = Array.from({ length: 20 }, (_, i) => store.update(addItem(`b${i}`)));
    await settle();
    expect(journal.appends).toBe(1);
    journal.release();
    await first;
    await settle();
    expect(journal.appends).toBe(2);
    journal.release();
    const items = await Promise.all(rest);
    expect(items.map((i) => i.id)).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
  });

  it('keeps all of 500 concurrent creates, numbered without gaps', async () => {
    const media = createMemoryMedia();
    const store = await createStateStore(options(media).options);
    const created = await Promise.all(Array.from({ length: 500 }, (_, i) => store.update(addItem(`task ${i}`))));
    expect(new Set(created.map((c) => c.id)).size).toBe(500);
    expect(store.read().items).toHaveLength(500);
    expect(store.read().next).toBe(501);
    await store.close();
    const reopened = await createStateStore(options(media).options);
    expect(reopened.read().items).toHaveLength(500);
  });

  it('rejects every update of a batch whose write failed, and undoes them', async () => {
    const journal = new GatedJournal();
    const store = await createStateStore(options({ ...createMemoryMedia(), journal }).options);
    journal.failNext = true;
    const failing = [store.update(addItem('lost 1')), store.update(addItem('lost 2'))];
    await settle();
    journal.release();
    for (const p of failing) await expect(p).rejects.toThrow(/could not be saved \(disk full\)/);
    expect(store.read()).toEqual(DEFAULTS);
    const next = store.update(addItem('kept'));
    await settle();
    journal.release();
    await expect(next).resolves.toEqual({ id: 1, title: 'kept' });
  });

  it('rejects an update that throws and still writes the others of its batch', async () => {
    const store = await createStateStore(options(createMemoryMedia()).options);
    const results = await Promise.allSettled([
      store.update(addItem('one')),
      store.update((draft) => {
        draft.next = 1000;
        throw new Error('bug in update');
      }),
      store.update(addItem('two')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(store.read()).toEqual({ next: 3, items: [{ id: 1, title: 'one' }, { id: 2, title: 'two' }] });
  });

  it('replays the journal at start, then writes a snapshot and empties the journal', async () => {
    const media = createMemoryMedia();
    const store = await createStateStore(options(media).options);
    await store.update(addItem('one'));
    await store.update(addItem('two'));
    // No close: as after a crash, the changes are only in the journal.
    expect(JSON.parse((await media.adapter.read()) as string).data).toEqual(DEFAULTS);
    const { logger, options: o } = options(media);
    const reopened = await createStateStore(o);
    expect(reopened.read().items.map((i) => i.title)).toEqual(['one', 'two']);
    expect(logger.messages('info')).toContain('replayed the journal since the last snapshot');
    expect(JSON.parse((await media.adapter.read()) as string)).toMatchObject({ seq: 2, data: reopened.read() });
    expect(await media.journal.read()).toEqual([]);
  });

  it('checkpoints every so many entries: snapshot, backup, journal dropped', async () => {
    const media = createMemoryMedia();
    const store = await createStateStore(options(media, { checkpointEvery: 3 }).options);
    for (const title of ['a', 'b', 'c', 'd']) await store.update(addItem(title));
    await store.checkpoint();
    expect(JSON.parse((await media.adapter.read()) as string)).toMatchObject({ seq: 4 });
    expect(media.backups.saved.map((b) => b.seq)).toEqual([0, 3, 4]);
    expect(await media.journal.read()).toEqual([]);
  });

  it('ignores a torn last journal line (never confirmed) with a warning', async () => {
    const media = createMemoryMedia();
    const store = await createStateStore(options(media).options);
    await store.update(addItem('confirmed'));
    media.journal.active += '{"seq":2,"changes":[[["items","1"],{"id":2,';
    const { logger, options: o } = options(media);
    const reopened = await createStateStore(o);
    expect(reopened.read().items).toEqual([{ id: 1, title: 'confirmed' }]);
    expect(logger.messages('warn').join('\n')).toMatch(/incomplete last journal entry/);
    expect(await reopened.update(addItem('next'))).toEqual({ id: 2, title: 'next' });
  });

  it('fills top-level keys an older state lacks from the defaults', async () => {
    const media = createMemoryMedia();
    await media.adapter.write(JSON.stringify({ format: 'dagtilbud-state', version: 1, seq: 7, savedAt: 'x', data: { next: 2, items: [{ id: 1, title: 'old' }] } }));
    const Extended = StateSchema.extend({ tags: z.array(z.string()) });
    const store = await createStateStore({ ...options(media).options, schema: Extended, defaults: { ...DEFAULTS, tags: ['new'] } });
    expect(store.read()).toEqual({ next: 2, items: [{ id: 1, title: 'old' }], tags: ['new'] });
  });

  it.each([
    ['truncated', (text: string) => text.slice(0, Math.floor(text.length / 2))],
    ['not matching the schema', (text: string) => text.replace('"title":"two"', '"title":""')],
    ['empty', () => ''],
  ])('recovers a %s snapshot from the newest good backup plus the journal, keeping the bad one', async (_label, damage) => {
    const media = createMemoryMedia();
    const store = await createStateStore(options(media).options);
    await store.update(addItem('one'));
    await store.update(addItem('two'));
    await store.close();
    await store.update(addItem('after close')).catch(() => undefined);
    const good = (await media.adapter.read()) as string;
    await media.adapter.write(damage(good));
    const { logger, options: o } = options(media);
    const reopened = await createStateStore(o);
    expect(reopened.read().items.map((i) => i.title)).toEqual(['one', 'two']);
    expect(media.backups.setAsideTexts).toEqual([damage(good)]);
    expect(logger.messages('error').join('\n')).toMatch(/state restored from backup/);
  });

  it('recovers from an older backup and replays the journal written since', async () => {
    const media = createMemoryMedia();
    const store = await createStateStore(options(media, { checkpointEvery: 2 }).options);
    for (const title of ['a', 'b', 'c']) await store.update(addItem(title));
    // Crash now: snapshot and newest backup hold a, b; the journal holds c.
    await media.adapter.write('{"format":"dagtilbud-state","vers');
    const reopened = await createStateStore(options(media).options);
    expect(reopened.read().items.map((i) => i.title)).toEqual(['a', 'b', 'c']);
  });

  it('refuses to start, leaving the file alone, when no backup is good', async () => {
    const adapter = new Memory<string>();
    await adapter.write('{"format":"dagtilbud-state"');
    const { options: o } = options({ adapter, location: 'memory' });
    await expect(createStateStore(o)).rejects.toThrow(StateUnrecoverableError);
    await expect(createStateStore(o)).rejects.toThrow(/no good backup was found.*Refusing to start with an empty state/);
    expect(await adapter.read()).toBe('{"format":"dagtilbud-state"');
  });

  it('rewrites the snapshot on every write when it has no journal', async () => {
    const adapter = new Memory<string>();
    const store = await createStateStore(options({ adapter, location: 'memory' }).options);
    await Promise.all([store.update(addItem('x')), store.update(addItem('y'))]);
    expect(JSON.parse((await adapter.read()) as string)).toMatchObject({ seq: 1, data: { next: 3 } });
    const reopened = await createStateStore(options({ adapter, location: 'memory' }).options);
    expect(reopened.read().items).toHaveLength(2);
  });

  it('rejects updates after close', async () => {
    const store = await createStateStore(options(createMemoryMedia()).options);
    await store.close();
    await expect(store.update(addItem('late'))).rejects.toThrow(/closed/);
  });
});
