/**
 * Remembers who the bot has already greeted, so the welcome comes once per person (across restarts).
 * The composition root backs it with the store backend's `GreetedStore` (`STATE_DIR/teams/contacts.json`
 * or a PostgreSQL table).
 */

/** The people the bot has greeted. */
export interface ContactBook {
  /** Records the person; resolves `true` only the first time the bot meets them. */
  firstContact(personKey: string): Promise<boolean>;
  /** Waits for pending writes and releases the store. */
  close(): Promise<void>;
}

/** A contact book held in memory (tests, or when nothing should persist). */
export function createMemoryContactBook(): ContactBook {
  const greeted = new Set<string>();
  return {
    firstContact: async (key) => {
      if (greeted.has(key)) return false;
      greeted.add(key);
      return true;
    },
    close: async () => undefined,
  };
}
