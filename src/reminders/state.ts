/**
 * The slice of a durable state store the reminder modules need.
 *
 * `src/storage`'s `createStateStore` satisfies it; {@link createMemoryState} is the in-memory form for
 * tests and for callers that want no persistence.
 */

/** A durable document of type `T`: read the current value, or change it and wait until it is written. */
export interface StateCell<T> {
  /** The current state (do not mutate it outside `update`). */
  read(): T;
  /** Applies `mutate` to the state and resolves once the change is durable. */
  update(mutate: (draft: T) => void): Promise<void>;
}

/** A {@link StateCell} held in memory (a deep copy of `initial`). */
export function createMemoryState<T>(initial: T): StateCell<T> {
  let state = structuredClone(initial);
  let queue: Promise<void> = Promise.resolve();
  return {
    read: () => state,
    update(mutate) {
      // Serialised like a file-backed store: each change sees the previous one.
      const next = queue.then(() => {
        const draft = structuredClone(state);
        mutate(draft);
        state = draft;
      });
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
