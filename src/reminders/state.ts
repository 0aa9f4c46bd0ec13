/**
 * The slice of a durable state store the reminder modules need.
 *
 * `src/storage`'s `StateStore` fits through {@link stateCell}; {@link createMemoryState} is the
 * in-memory form for tests and for callers that want no persistence.
 */

/** A durable document of type `T`: read the current value, or change it and wait until it is written. */
export interface StateCell<T> {
  /** The current state (never mutate it outside `update`). */
  read(): T;
  /** Applies `fn` to a draft of the state and resolves with its result once the change is durable. */
  update<R>(fn: (draft: T) => R): Promise<R>;
}

/** Any store with a read-only `read()` and a draft-mutating `update()` (e.g. `src/storage`'s `StateStore`). */
export interface ReadonlyStateStore<T> {
  read(): unknown;
  update<R>(fn: (draft: T) => R): Promise<R>;
}

/** Views a state store as a {@link StateCell} (its `read()` is typed deeply read-only; ours relies on discipline). */
export function stateCell<T>(store: ReadonlyStateStore<T>): StateCell<T> {
  return { read: () => store.read() as T, update: (fn) => store.update(fn) };
}

/** A {@link StateCell} held in memory (a deep copy of `initial`). */
export function createMemoryState<T>(initial: T): StateCell<T> {
  let state = structuredClone(initial);
  let queue: Promise<unknown> = Promise.resolve();
  return {
    read: () => state,
    update<R>(fn: (draft: T) => R): Promise<R> {
      // Serialised like a file-backed store: each change sees the previous one; a throw changes nothing.
      const next = queue.then(() => {
        const draft = structuredClone(state);
        const result = fn(draft);
        state = draft;
        return result;
      });
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
