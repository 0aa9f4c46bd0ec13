/**
 * A set over a base set it never copies: what it adds and removes is kept on top. A question's words that ask (the
 * lexicon's question words and the question's own cue words) start as the lexicon's list and are changed a few times
 * per question; a copy of the list each time costs more than the question's other words together.
 */
export class OverlaySet<T> implements ReadonlySet<T> {
  private readonly added = new Set<T>();
  private removed: Set<T> | undefined;

  /** `base` is read, never changed; it must not change while this set is in use. */
  constructor(private readonly base: ReadonlySet<T>) {}

  has(value: T): boolean {
    return this.added.has(value) || (this.base.has(value) && this.removed?.has(value) !== true);
  }

  /** Adds a value; as with a `Set` copied from the base, a base value removed and added again comes last. */
  add(value: T): this {
    if (!this.has(value)) this.added.add(value);
    return this;
  }

  delete(value: T): boolean {
    if (this.added.delete(value)) return true;
    if (!this.base.has(value) || this.removed?.has(value) === true) return false;
    (this.removed ??= new Set()).add(value);
    return true;
  }

  get size(): number {
    let size = this.added.size;
    this.base.forEach((value) => {
      if (this.removed?.has(value) !== true && !this.added.has(value)) size++;
    });
    return size;
  }

  /** The base's values (less those removed), then those added, as a `Set` copied from the base and changed alike. */
  *values(): IterableIterator<T> {
    for (const value of this.base) if (this.removed?.has(value) !== true && !this.added.has(value)) yield value;
    yield* this.added;
  }

  keys(): IterableIterator<T> {
    return this.values();
  }

  *entries(): IterableIterator<[T, T]> {
    for (const value of this.values()) yield [value, value];
  }

  forEach(callback: (value: T, value2: T, set: ReadonlySet<T>) => void, thisArg?: unknown): void {
    for (const value of this.values()) callback.call(thisArg, value, value, this);
  }

  [Symbol.iterator](): IterableIterator<T> {
    return this.values();
  }
}
