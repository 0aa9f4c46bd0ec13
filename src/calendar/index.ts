/** Calendar feeds: a leader's upcoming deadlines as iCalendar, behind a private, revocable token. */
export type { CalendarEvent, FeedDeadline, FeedInput, FeedLang, FeedTask } from './feed.js';
export { buildCalendarEvents, renderCalendar, UID_DOMAIN } from './feed.js';
export type { FeedOwner, FeedSubscription, FeedTokenCell, FeedTokens, FeedTokenState } from './feed-tokens.js';
export { createFeedTokens, emptyFeedTokenState, FEED_TOKEN_PATTERN, FeedTokenStateSchema } from './feed-tokens.js';
