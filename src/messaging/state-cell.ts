/**
 * The slice of a durable state store that messaging's file-backed stores need (`src/storage`'s `StateStore` fits
 * through `stateCell`; tests use an in-memory cell).
 */

/** A durable document of type `T`: read the current value, or change it and wait until it is written. */
export interface StateCell<T> {
  /** The current state (never mutate it outside `update`). */
  read(): T;
  /** Applies `fn` to a draft of the state and resolves with its result once the change is durable. */
  update<R>(fn: (draft: T) => R): Promise<R>;
}
