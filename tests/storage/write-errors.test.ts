/** Write failures through an injected journal (ENOSPC, EACCES): said plainly, reported, and recovered from. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod/v4';
import { createMemoryMedia, MemoryJournal } from '../../src/storage/memory-media.js';
import { createStateStore, StateWriteError } from '../../src/storage/state-store.js';
import { createRecordingLogger } from './recording-logger.js';

const StateSchema = z.object({ next: z.number().int().positive(), items: z.array(z.string()) });
type State = z.infer<typeof StateSchema>;

/** A journal whose appends fail with an errno code while `failing` is set. */
class FailingJournal extends MemoryJournal {
  failing: string | undefined;
  override async append(text: string): Promise<void> {
    if (this.failing !== undefined) throw Object.assign(new Error(`${this.failing}: simulated`), { code: this.failing });
    await super.append(text);
  }
  async probe(): Promise<void> {
    if (this.failing !== undefined) throw Object.assign(new Error(`${this.failing}: simulated`), { code: this.failing });
  }
}

async function open() {
  const journal = new FailingJournal();
  const store = await createStateStore<State>({
    ...createMemoryMedia(),
    journal,
    name: 'items',
    defaults: { next: 1, items: [] },
    schema: StateSchema,
    logger: createRecordingLogger(),
    now: () => new Date('2026-11-25T09:00:00Z'),
  });
  return { journal, store };
}

const add = (title: string) => (draft: State) => {
  draft.items.push(title);
  draft.next += 1;
};

describe('state write failures', () => {
  it.each([
    ['ENOSPC', 'full', /the disk is full \(ENOSPC\)/],
    ['EDQUOT', 'full', /the disk is full \(EDQUOT\)/],
    ['EACCES', 'denied', /no permission to write \(EACCES\)/],
    ['EROFS', 'denied', /no permission to write \(EROFS\)/],
    ['EIO', 'other', /the write failed \(EIO\)/],
  ])('rejects with a StateWriteError for %s (%s), undoes the change and reports it until a write works', async (code, failure, reason) => {
    const { journal, store } = await open();
    journal.failing = code;
    const attempt = store.update(add('lost'));
    await expect(attempt).rejects.toThrow(StateWriteError);
    await expect(attempt).rejects.toMatchObject({ failure, code });
    expect(store.read()).toEqual({ next: 1, items: [] });
    expect(store.problems()).toEqual([expect.objectContaining({ store: 'items', kind: 'write', reason: expect.stringMatching(reason) })]);
    journal.failing = undefined;
    await store.update(add('kept'));
    expect(store.problems()).toEqual([]);
    expect(store.read().items).toEqual(['kept']);
    await store.close();
  });
});
