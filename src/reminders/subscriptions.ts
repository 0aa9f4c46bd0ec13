/**
 * Who wants what: users subscribed to deadline reminders, channels subscribed to the task digest.
 * Keys are conversation keys (`user:<id>`, `channel:<id>`); each subscription remembers the language
 * it was made in, which is the language the bot then writes in.
 */
import { z } from 'zod/v4';
import type { StateCell } from './state.js';

/** What one can subscribe to. */
export type SubscriptionTopic = 'reminders' | 'digest' | 'gaps';

const SubscriptionSchema = z.object({ lang: z.enum(['da', 'en']), since: z.string() });
export type Subscription = z.infer<typeof SubscriptionSchema>;

/** The subscriptions' durable state. */
export const SubscriptionStateSchema = z.object({
  reminders: z.record(z.string(), SubscriptionSchema).default({}),
  digest: z.record(z.string(), SubscriptionSchema).default({}),
  /** Channels that get the weekly knowledge-gap digest. */
  gaps: z.record(z.string(), SubscriptionSchema).default({}),
});
export type SubscriptionState = z.infer<typeof SubscriptionStateSchema>;

/** No subscriptions. */
export function emptySubscriptionState(): SubscriptionState {
  return { reminders: {}, digest: {}, gaps: {} };
}

/** Options of {@link createSubscriptions}. */
export interface SubscriptionsOptions {
  readonly store: StateCell<SubscriptionState>;
  readonly now: () => Date;
}

/** Subscriptions to reminders and digests. */
export interface Subscriptions {
  subscribe(topic: SubscriptionTopic, key: string, lang: 'da' | 'en'): Promise<'subscribed' | 'already-subscribed'>;
  unsubscribe(topic: SubscriptionTopic, key: string): Promise<'unsubscribed' | 'not-subscribed'>;
  isSubscribed(topic: SubscriptionTopic, key: string): Promise<boolean>;
  list(topic: SubscriptionTopic): Promise<Array<{ readonly key: string } & Subscription>>;
}

/** Creates the subscription registry over a state cell. */
export function createSubscriptions(options: SubscriptionsOptions): Subscriptions {
  const { store, now } = options;
  return {
    async subscribe(topic, key, lang) {
      const existing = store.read()[topic][key];
      if (existing && existing.lang === lang) return 'already-subscribed';
      await store.update((state) => {
        state[topic][key] = { lang, since: existing?.since ?? now().toISOString() };
      });
      return existing ? 'already-subscribed' : 'subscribed';
    },
    async unsubscribe(topic, key) {
      if (!store.read()[topic][key]) return 'not-subscribed';
      await store.update((state) => {
        delete state[topic][key];
      });
      return 'unsubscribed';
    },
    isSubscribed: async (topic, key) => store.read()[topic][key] !== undefined,
    list: async (topic) => Object.entries(store.read()[topic]).map(([key, sub]) => ({ key, ...sub })),
  };
}
