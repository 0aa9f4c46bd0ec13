/**
 * Remembers who the bot has already greeted, so the welcome comes once per person (across restarts).
 */
import { mkdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { z } from 'zod/v4';

/** The people the bot has greeted. */
export interface ContactBook {
  /** Records the person; resolves `true` only the first time the bot meets them. */
  firstContact(personKey: string): Promise<boolean>;
  /** Waits for pending writes. */
  close(): Promise<void>;
}

const ContactsFileSchema = z.object({
  version: z.literal(1),
  greeted: z.record(z.string(), z.string().describe('ISO time of the first contact')),
});
type ContactsFile = z.infer<typeof ContactsFileSchema>;

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

/** Options of {@link openContactBook}. */
export interface ContactBookOptions {
  /** The JSON file, e.g. `.state/teams-contacts.json`. */
  readonly file: string;
  readonly now: () => Date;
  /** Told when an unreadable file was moved aside and the book started empty. */
  readonly onRecovered?: (movedTo: string, error: unknown) => void;
}

/** Opens (or creates) the contact book file; an unreadable file is moved aside, never lost. */
export async function openContactBook(options: ContactBookOptions): Promise<ContactBook> {
  await mkdir(path.dirname(options.file), { recursive: true });
  const db = new Low<ContactsFile>(new JSONFile<ContactsFile>(options.file), { version: 1, greeted: {} });
  try {
    await db.read();
    db.data = ContactsFileSchema.parse(db.data);
  } catch (error) {
    const movedTo = `${options.file}.corrupt-${options.now().toISOString().replace(/[:.]/g, '-')}`;
    await rename(options.file, movedTo);
    options.onRecovered?.(movedTo, error);
    db.data = { version: 1, greeted: {} };
  }
  let pending: Promise<void> = Promise.resolve();
  return {
    async firstContact(key) {
      // Checked and set synchronously, so two turns at once still greet only once.
      if (Object.hasOwn(db.data.greeted, key)) return false;
      db.data.greeted[key] = options.now().toISOString();
      const write = pending.then(() => db.write());
      pending = write.catch(() => undefined);
      await write;
      return true;
    },
    async close() {
      await pending;
    },
  };
}
