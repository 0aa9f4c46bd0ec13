/**
 * "Notify this person or channel": the one thing the domains (reminders, digests) ask of messaging. Recipients are
 * conversation keys (`user:<id>`, `channel:<id>`, `chat:<id>`); messaging finds the stored reference and queues the
 * message in the outbox, which delivers it whatever the channel.
 */
import type { ConversationStore } from './conversation-store.js';
import type { OutboundMessage } from './message.js';
import type { Outbox, OutboxEntry } from './outbox.js';

/** One message for one recipient, sent at most once per `dedupeKey`. */
export interface Notice {
  readonly dedupeKey: string;
  /** The recipient's conversation key. */
  readonly to: string;
  readonly message: OutboundMessage;
}

/** What became of a batch of notices. */
export interface NotifyReport {
  /** Keys queued for delivery now. */
  readonly accepted: readonly string[];
  /** Keys handed over before (sent, pending or given up): not queued again. */
  readonly duplicates: readonly string[];
  /** Keys whose recipient the bot cannot reach (no conversation reference). */
  readonly unreachable: readonly string[];
}

/** Proactive notifications, as the domains see them. */
export interface Notifier {
  /** Queues the notices (durably) for delivery; each dedupe key is accepted once. */
  notify(notices: readonly Notice[]): Promise<NotifyReport>;
  /** True when a dedupe key was handed over before. */
  wasNotified(dedupeKey: string): boolean;
  /** The key of a person's personal chat with the bot, by id, Entra object id or a display name only one user has. */
  findPerson(idOrName: string): Promise<string | undefined>;
  /** The locale a recipient's client last reported (e.g. `da-DK`), when known. */
  localeOf(to: string): Promise<string | undefined>;
}

/** Options of {@link createNotifier}. */
export interface NotifierOptions {
  readonly conversations: ConversationStore;
  readonly outbox: Outbox;
}

/** The {@link Notifier} over the conversation store and the outbox. */
export function createNotifier(options: NotifierOptions): Notifier {
  const { conversations, outbox } = options;
  return {
    async notify(notices) {
      const unreachable: string[] = [];
      const entries: OutboxEntry[] = [];
      for (const notice of notices) {
        const target = await conversations.get(notice.to);
        if (target === undefined) unreachable.push(notice.dedupeKey);
        else entries.push({ dedupeKey: notice.dedupeKey, ref: target.ref, message: notice.message });
      }
      const { accepted, duplicates } = await outbox.enqueue(entries);
      return { accepted, duplicates, unreachable };
    },
    wasNotified: (dedupeKey) => outbox.isAccepted(dedupeKey),
    findPerson: (idOrName) => conversations.findUser(idOrName),
    localeOf: async (to) => (await conversations.get(to))?.ref.locale,
  };
}
