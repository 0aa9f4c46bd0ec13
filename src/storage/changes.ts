/**
 * Change tracking for `update(fn)`: the function mutates a draft (a proxy over the live state) and we record
 * which parts changed, so a write can append only those parts to the journal instead of rewriting everything.
 *
 * The unit of change is a path of at most two keys: `['tasks', '17']` for one element of a top-level collection,
 * `['nextNumber']` for a top-level value. Mutating anything deeper (`draft.tasks[17].owner.name = …`) marks its
 * unit; replacing a whole top-level value marks that value. So keep big collections at the top level of the state
 * (arrays or keyed records) and change them element by element: `draft.tasks.push(task)` journals one task, while
 * `draft.tasks = draft.tasks.filter(…)` journals the whole array.
 */

/** A path into the state, as property keys (array indices as strings). */
export type StatePath = readonly string[];

/** One recorded change: the new JSON value at a path, or a deletion when there is no value. */
export type StateChange = readonly [path: StatePath, value: unknown] | readonly [path: StatePath];

type Container = Record<string, unknown>;

interface UndoEntry {
  readonly unit: StatePath;
  readonly had: boolean;
  readonly value: unknown;
}

const UNIT_DEPTH = 2;

/** A JSON copy of a value (what a write stores and a read gets back); `undefined` stays `undefined`. */
export function jsonCopy<V>(value: V): V {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as V);
}

function isObject(value: unknown): value is Container {
  return typeof value === 'object' && value !== null;
}

function unitKey(unit: StatePath): string {
  return unit.join('\u0000');
}

function parentOf(root: Container, path: StatePath): Container | undefined {
  let node: unknown = root;
  for (const key of path.slice(0, -1)) {
    if (!isObject(node)) return undefined;
    node = node[key];
  }
  return isObject(node) ? node : undefined;
}

/**
 * Applies recorded changes to a state, as when replaying the journal. Throws when a change does not fit the state
 * (its parent is missing), before applying any change of the list.
 */
export function applyChanges(root: Container, changes: readonly StateChange[]): void {
  const parents = changes.map((change) => {
    const parent = parentOf(root, change[0]);
    if (parent === undefined || change[0].length === 0) throw new Error(`no parent for path ${JSON.stringify(change[0])}`);
    return parent;
  });
  changes.forEach((change, i) => {
    const parent = parents[i] as Container;
    const key = change[0][change[0].length - 1] as string;
    if (change.length === 2) parent[key] = change[1];
    else delete parent[key];
  });
}

/**
 * Tracks the changes that update functions make to one state during one batch of writes, and can undo them.
 * The draft handed to a function is a proxy: every value written through it is stored as a JSON copy, so memory
 * holds exactly what the journal holds (no shared objects, no `Date`s, no `undefined` in arrays).
 */
export class ChangeTracker<T extends object> {
  readonly #root: Container;
  readonly #dirty = new Map<string, StatePath>();
  readonly #undo: UndoEntry[] = [];
  readonly #proxies = new WeakMap<object, Map<string, object>>();
  #touchedByCurrent = new Set<string>();
  #open = false;

  constructor(root: T) {
    this.#root = root as unknown as Container;
  }

  /**
   * Runs an update function against a draft of the state and returns a JSON copy of its result. If the function
   * throws, its own changes are undone and the error is rethrown; earlier functions' changes stay.
   */
  run<R>(fn: (draft: T) => R): R {
    const mark = this.#undo.length;
    this.#open = true;
    this.#touchedByCurrent = new Set();
    try {
      const result = fn(this.#proxy(this.#root, []) as T);
      if (isObject(result) && typeof (result as { then?: unknown }).then === 'function') {
        throw new TypeError('update() takes a synchronous function: do async work before or after it');
      }
      return jsonCopy(result);
    } catch (err) {
      this.#undoTo(mark);
      throw err;
    } finally {
      this.#open = false;
    }
  }

  /** Undoes every change of the batch (when its write failed). */
  rollback(): void {
    this.#undoTo(0);
  }

  /** The batch's changes, as the journal stores them: parents before children, array lengths last. */
  changes(): StateChange[] {
    const units = [...this.#dirty.values()];
    const topLevel = new Set(units.filter((u) => u.length === 1).map((u) => u[0]));
    const kept = units.filter((u) => u.length === 1 || !topLevel.has(u[0] as string));
    const isLength = (u: StatePath) => u.length === UNIT_DEPTH && u[1] === 'length' && Array.isArray(this.#root[u[0] as string]);
    const ordered = [...kept.filter((u) => !isLength(u)), ...kept.filter(isLength)];
    return ordered.map((unit) => {
      const parent = parentOf(this.#root, unit);
      const key = unit[unit.length - 1] as string;
      return parent !== undefined && Object.prototype.hasOwnProperty.call(parent, key) ? [unit, parent[key]] : [unit];
    });
  }

  #undoTo(mark: number): void {
    for (let i = this.#undo.length - 1; i >= mark; i -= 1) {
      const { unit, had, value } = this.#undo[i] as UndoEntry;
      const parent = parentOf(this.#root, unit);
      const key = unit[unit.length - 1] as string;
      if (parent === undefined) continue;
      if (had) parent[key] = value;
      else delete parent[key];
    }
    this.#undo.length = mark;
  }

  #touch(path: StatePath): void {
    if (!this.#open) throw new Error('the state can only be changed inside update()');
    const unit = path.slice(0, UNIT_DEPTH);
    const key = unitKey(unit);
    if (!this.#dirty.has(key)) this.#dirty.set(key, unit);
    if (this.#touchedByCurrent.has(key)) return;
    this.#touchedByCurrent.add(key);
    const parent = parentOf(this.#root, unit);
    const last = unit[unit.length - 1] as string;
    const had = parent !== undefined && Object.prototype.hasOwnProperty.call(parent, last);
    const current = had ? (parent as Container)[last] : undefined;
    // A whole top-level value is replaced, never changed in place, so keeping the reference is enough (and cheap
    // for a big collection); an element may be changed in place, so it is copied.
    const value = unit.length === 1 || !isObject(current) ? current : structuredClone(current);
    this.#undo.push({ unit, had, value });
  }

  #proxy(target: Container, path: StatePath): object {
    let byPath = this.#proxies.get(target);
    if (byPath === undefined) {
      byPath = new Map();
      this.#proxies.set(target, byPath);
    }
    const cacheKey = unitKey(path);
    const cached = byPath.get(cacheKey);
    if (cached !== undefined) return cached;

    const write = (obj: Container, key: string, value: unknown): boolean => {
      if (Array.isArray(obj)) {
        // Writing past the end grows the length, and shortening it drops elements, without a trap of their own:
        // touch them first so undo knows their old values.
        if (/^\d+$/.test(key) && Number(key) >= obj.length) this.#touch([...path, 'length']);
        if (key === 'length' && typeof value === 'number') {
          for (let i = value; i < obj.length; i += 1) this.#touch([...path, String(i)]);
        }
      }
      this.#touch([...path, key]);
      const stored = jsonCopy(value);
      if (stored === undefined && !Array.isArray(obj)) delete obj[key];
      else obj[key] = stored === undefined ? null : stored;
      return true;
    };
    const proxy = new Proxy(target, {
      get: (obj, key) => {
        const value = Reflect.get(obj, key);
        return typeof key === 'string' && isObject(value) ? this.#proxy(value, [...path, key]) : value;
      },
      set: (obj, key, value) => (typeof key === 'string' ? write(obj, key, value) : Reflect.set(obj, key, value)),
      deleteProperty: (obj, key) => {
        if (typeof key !== 'string') return Reflect.deleteProperty(obj, key);
        this.#touch([...path, key]);
        return Reflect.deleteProperty(obj, key);
      },
      defineProperty: (obj, key, descriptor) => {
        if (typeof key !== 'string' || !('value' in descriptor)) throw new TypeError('the state holds plain JSON values only');
        return write(obj, key, descriptor.value);
      },
    });
    byPath.set(cacheKey, proxy);
    return proxy;
  }
}
