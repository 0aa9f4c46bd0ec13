/**
 * The private feed tokens: one per leader, 32 random bytes (256 bits, URL-safe), revocable. A token presented in a
 * URL is compared with every stored one in constant time (`crypto.timingSafeEqual` over SHA-256 hashes, no early
 * exit), so response times tell nothing about how much of a guess was right.
 *
 * Tokens are kept as issued (not only hashed) so that `kalender` can show a leader the same link again without
 * breaking the subscription their calendar already has; the state directory holding them also holds the tasks the
 * feed shows, so it is no more exposed than they are.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod/v4';

/** A token as it appears in a URL: 43 URL-safe base64 characters. */
export const FEED_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** One leader's feed. */
export const FeedSubscriptionSchema = z.object({
  token: z.string().regex(FEED_TOKEN_PATTERN),
  /** The leader's Teams user id and Entra object id, to check at every fetch that they still are a leader. */
  userId: z.string().min(1),
  aadObjectId: z.string().optional(),
  name: z.string().optional(),
  lang: z.enum(['da', 'en']),
  createdAt: z.string(),
});
export type FeedSubscription = z.infer<typeof FeedSubscriptionSchema>;

/** The feeds by the leader's key (Entra object id, else Teams id). */
export const FeedTokenStateSchema = z.object({ feeds: z.record(z.string(), FeedSubscriptionSchema).default({}) });
export type FeedTokenState = z.infer<typeof FeedTokenStateSchema>;

/** No feeds. */
export function emptyFeedTokenState(): FeedTokenState {
  return { feeds: {} };
}

/** The durable state the tokens need (`src/storage`'s state store fits). */
export interface FeedTokenCell {
  read(): FeedTokenState;
  update<R>(fn: (draft: FeedTokenState) => R): Promise<R>;
}

/** Who a feed is for. */
export interface FeedOwner {
  /** The key feeds are stored under (Entra object id, else Teams id). */
  readonly key: string;
  readonly userId: string;
  readonly aadObjectId?: string;
  readonly name?: string;
  readonly lang: 'da' | 'en';
}

/** The leaders' feed tokens. */
export interface FeedTokens {
  /** The leader's feed, made on first use; `created` says whether it is new. */
  issue(owner: FeedOwner): Promise<{ readonly subscription: FeedSubscription; readonly created: boolean }>;
  /** Replaces the leader's token (the old link stops working at once); false when they had none. */
  reset(owner: FeedOwner): Promise<FeedSubscription | undefined>;
  /** The feed a presented token opens, if any. */
  find(token: string): Promise<FeedSubscription | undefined>;
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Creates the feed tokens over a state cell. */
export function createFeedTokens(options: { readonly cell: FeedTokenCell; readonly now: () => Date }): FeedTokens {
  const { cell, now } = options;
  const subscriptionFor = (owner: FeedOwner): FeedSubscription =>
    FeedSubscriptionSchema.parse({
      token: newToken(),
      userId: owner.userId,
      ...(owner.aadObjectId !== undefined && { aadObjectId: owner.aadObjectId }),
      ...(owner.name !== undefined && { name: owner.name }),
      lang: owner.lang,
      createdAt: now().toISOString(),
    });
  return {
    async issue(owner) {
      const existing = cell.read().feeds[owner.key];
      if (existing) return { subscription: existing, created: false };
      return cell.update((draft) => {
        const current = draft.feeds[owner.key];
        if (current) return { subscription: current, created: false };
        const subscription = subscriptionFor(owner);
        draft.feeds[owner.key] = subscription;
        return { subscription, created: true };
      });
    },
    async reset(owner) {
      if (!cell.read().feeds[owner.key]) return undefined;
      return cell.update((draft) => {
        const subscription = subscriptionFor(owner);
        draft.feeds[owner.key] = subscription;
        return subscription;
      });
    },
    async find(token) {
      if (!FEED_TOKEN_PATTERN.test(token)) return undefined;
      const presented = digest(token);
      let found: FeedSubscription | undefined;
      for (const subscription of Object.values(cell.read().feeds)) {
        // Every stored token is compared, matched or not.
        if (timingSafeEqual(presented, digest(subscription.token)) && found === undefined) found = subscription;
      }
      return found;
    },
  };
}
