import { describe, expect, it } from 'vitest';
import { applyChanges, ChangeTracker } from '../../src/storage/changes.js';

interface Item {
  id: number;
  title: string;
  tags?: string[];
  owner?: { name: string };
}
interface State {
  next: number;
  items: Item[];
  byKey: Record<string, { count: number }>;
}

function sample(): State {
  return {
    next: 3,
    items: [
      { id: 1, title: 'one', owner: { name: 'Tanja' } },
      { id: 2, title: 'two', tags: ['a'] },
    ],
    byKey: { a: { count: 1 } },
  };
}

describe('ChangeTracker', () => {
  it('records a push as the new element and the array length', () => {
    const state = sample();
    const tracker = new ChangeTracker(state);
    tracker.run((draft) => {
      draft.items.push({ id: draft.next, title: 'three' });
      draft.next += 1;
    });
    expect(tracker.changes()).toEqual([
      [['items', '2'], { id: 3, title: 'three' }],
      [['next'], 4],
      [['items', 'length'], 3],
    ]);
    expect(state.items).toHaveLength(3);
  });

  it('records a deep change as its whole element', () => {
    const state = sample();
    const tracker = new ChangeTracker(state);
    tracker.run((draft) => {
      (draft.items[0] as Item).owner = { name: 'Per' };
      (draft.items[1] as Item).tags?.push('b');
      delete (draft.byKey.a as { count?: number }).count;
    });
    expect(tracker.changes()).toEqual([
      [['items', '0'], { id: 1, title: 'one', owner: { name: 'Per' } }],
      [['items', '1'], { id: 2, title: 'two', tags: ['a', 'b'] }],
      [['byKey', 'a'], {}],
    ]);
  });

  it('records a deleted key as a deletion and a replaced collection once', () => {
    const tracker = new ChangeTracker(sample());
    tracker.run((draft) => {
      delete draft.byKey.a;
      (draft.items[0] as Item).title = 'changed first';
      draft.items = draft.items.filter((item) => item.id !== 2);
    });
    expect(tracker.changes()).toEqual([[['byKey', 'a']], [['items'], [{ id: 1, title: 'changed first', owner: { name: 'Tanja' } }]]]);
  });

  it('stores JSON copies, so later changes to the caller’s object do not leak in', () => {
    const state = sample();
    const tracker = new ChangeTracker(state);
    const mine = { id: 9, title: 'nine', when: new Date('2026-11-25T09:00:00Z') };
    tracker.run((draft) => {
      draft.items.push(mine);
    });
    mine.title = 'changed outside';
    expect(state.items[2]).toEqual({ id: 9, title: 'nine', when: '2026-11-25T09:00:00.000Z' });
  });

  it('returns a JSON copy of the result, not a live draft', () => {
    const state = sample();
    const tracker = new ChangeTracker(state);
    const item = tracker.run((draft) => draft.items[0] as Item);
    item.title = 'changed outside';
    expect(state.items[0]?.title).toBe('one');
  });

  it('refuses changes through a draft after its update ended', () => {
    const tracker = new ChangeTracker(sample());
    let leaked: State | undefined;
    tracker.run((draft) => {
      leaked = draft;
    });
    expect(() => {
      (leaked as State).next = 99;
    }).toThrow(/only be changed inside update/);
  });

  it('undoes only the changes of a function that throws', () => {
    const state = sample();
    const tracker = new ChangeTracker(state);
    tracker.run((draft) => {
      draft.next = 10;
    });
    expect(() =>
      tracker.run((draft) => {
        draft.items.push({ id: 10, title: 'ten' });
        (draft.items[0] as Item).title = 'half-way';
        throw new Error('bug');
      }),
    ).toThrow('bug');
    expect(state).toEqual({ ...sample(), next: 10 });
  });

  it('rolls back a whole batch', () => {
    const state = sample();
    const tracker = new ChangeTracker(state);
    tracker.run((draft) => {
      draft.items.push({ id: 3, title: 'three' });
      (draft.items[0] as Item).owner = { name: 'Per' };
    });
    tracker.run((draft) => {
      draft.items.splice(0, 1);
      draft.byKey.b = { count: 2 };
    });
    tracker.run((draft) => {
      draft.items.length = 0;
      draft.items = [];
    });
    tracker.rollback();
    expect(state).toEqual(sample());
  });

  it('rejects an async update function and undoes what it did before returning', () => {
    const state = sample();
    const tracker = new ChangeTracker(state);
    expect(() =>
      tracker.run(async (draft) => {
        draft.next = 42;
      }),
    ).toThrow(/synchronous/);
    expect(state.next).toBe(3);
  });

  it('produces changes that replay to the same state', () => {
    const live = sample();
    const replica = sample();
    const tracker = new ChangeTracker(live);
    tracker.run((draft) => {
      draft.items.push({ id: 3, title: 'three' }, { id: 4, title: 'four' });
      draft.items.splice(1, 1);
      (draft.items[0] as Item).tags = ['x'];
      draft.byKey.c = { count: 3 };
      delete draft.byKey.a;
      draft.items.pop();
    });
    applyChanges(replica as unknown as Record<string, unknown>, tracker.changes());
    expect(replica).toEqual(live);
  });

  it('refuses to replay a change whose parent is missing, changing nothing', () => {
    const state = sample();
    expect(() =>
      applyChanges(state as unknown as Record<string, unknown>, [
        [['next'], 100],
        [['missing', 'x'], 1],
      ]),
    ).toThrow(/no parent/);
    expect(state).toEqual(sample());
  });
});
