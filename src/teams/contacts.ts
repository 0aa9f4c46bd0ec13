/**
 * Remembers who the bot has already greeted, so the welcome comes once per person (across restarts).
 * Kept in the durable state store under `STATE_DIR/teams/contacts.json`.
 */
import { z } from 'zod/v4';
import type { StateDir } from '../storage/index.js';

/** The people the bot has greeted. */
export interface ContactBook {
  /** Records the person; resolves `true` only the first time the bot meets them. */
  firstContact(personKey: string): Promise<boolean>;
  /** Waits for pending writes and releases the store. */
  close(): Promise<void>;
}

export const ContactsStateSchema = z.object({
  greeted: z.record(z.string(), z.string().describe('ISO time of the first contact')),
});
export type ContactsState = z.infer<typeof ContactsStateSchema>;

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

/** Opens the contact book in a state directory (`openStateDir`), which it then owns and closes. */
export async function openContactBook(stateDir: StateDir, now: () => Date): Promise<ContactBook> {
  const store = await stateDir.open<ContactsState>({ name: 'contacts', defaults: { greeted: {} }, schema: ContactsStateSchema });
  // Greetings decided but not yet written: two turns at once still greet only once.
  const pending = new Set<string>();
  return {
    async firstContact(key) {
      if (pending.has(key) || Object.hasOwn(store.read().greeted, key)) return false;
      pending.add(key);
      try {
        await store.update((draft) => {
          draft.greeted[key] = now().toISOString();
        });
      } finally {
        pending.delete(key);
      }
      return true;
    },
    close: () => stateDir.close(),
  };
}
