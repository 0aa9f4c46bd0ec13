/**
 * Many conversations talking to the bot at once, each sending its messages one after the other (as people
 * do): questions, help, task creates and lists, in personal chats and channels. Reports every HTTP error
 * and every message that got no reply on the connector. Used by `tests/e2e/load.test.ts` (small) and
 * `bench/load.ts` (50 x 100).
 */
import { channelMessage, personalMessage } from './activities.js';
import type { WireActivity } from './activities.js';
import type { TestBot } from './test-bot.js';

/** Options of {@link runConversationLoad}. */
export interface ConversationLoadOptions {
  readonly conversations: number;
  readonly messagesPerConversation: number;
  /** Give up waiting for replies after this long once all requests are answered (default 10 s). */
  readonly replyTimeoutMs?: number;
}

/** What happened. */
export interface ConversationLoadOutcome {
  readonly sent: number;
  /** Requests answered 200. */
  readonly ok: number;
  /** Requests answered otherwise, or not at all: `status: text`. */
  readonly errors: readonly string[];
  /** Messages (by `conversation/text`) with no reply on the connector. */
  readonly unanswered: readonly string[];
  /** How many `opgave` creates were sent (each should be a stored task). */
  readonly taskCreates: number;
  /** Milliseconds from POST to HTTP answer (the reply is sent before the answer). */
  readonly latenciesMs: readonly number[];
  readonly elapsedMs: number;
}

const SCRIPT = [
  (c: number, i: number) => `opgave Opfølgning ${c}-${i}`,
  () => 'Hvem refererer den pædagogiske leder til?',
  () => 'Who does the pedagogical leader report to?',
  () => 'opgaver',
  () => 'hjælp',
  () => 'Hvornår er ansøgningsfristen?',
  () => 'frister',
];

function messageFor(t: TestBot, conversation: number, index: number): WireActivity {
  const text = SCRIPT[index % SCRIPT.length]!(conversation, index);
  const who = { ...t.at, userId: `29:load-user-${conversation}`, aadObjectId: `aad-load-${conversation}`, locale: index % 2 ? 'en-GB' : 'da-DK' };
  return conversation % 2 === 0
    ? channelMessage(text, { ...who, conversationId: `19:load-channel-${conversation}@thread.tacv2` })
    : personalMessage(text, { ...who, conversationId: `a:load-personal-${conversation}` });
}

/** Runs the load against a started test bot; never throws for bot failures, it reports them. */
export async function runConversationLoad(t: TestBot, options: ConversationLoadOptions): Promise<ConversationLoadOutcome> {
  const errors: string[] = [];
  const latenciesMs: number[] = [];
  const sentActivities: WireActivity[] = [];
  let ok = 0;
  let taskCreates = 0;
  const started = performance.now();

  const converse = async (conversation: number) => {
    for (let index = 0; index < options.messagesPerConversation; index++) {
      const activity = messageFor(t, conversation, index);
      sentActivities.push(activity);
      if (/^(?:<at>[^<]*<\/at> )?opgave /.test(activity.text)) taskCreates++;
      const before = performance.now();
      try {
        const { status } = await t.post(activity);
        latenciesMs.push(performance.now() - before);
        if (status === 200) ok++;
        else errors.push(`${status}: ${activity.conversation.id} ${activity.text}`);
      } catch (error) {
        errors.push(`no answer (${(error as Error).message}): ${activity.conversation.id} ${activity.text}`);
      }
    }
  };
  await Promise.all(Array.from({ length: options.conversations }, (_, conversation) => converse(conversation)));
  const elapsedMs = performance.now() - started;

  // Replies are POSTed to /v3/conversations/{id}/activities/{replyToId}: one per message at least.
  const deadline = Date.now() + (options.replyTimeoutMs ?? 10_000);
  let unanswered: string[] = [];
  for (;;) {
    const answered = new Set(t.connector.received.filter((record) => record.status < 300 && record.activityId !== undefined).map((record) => record.activityId));
    unanswered = sentActivities.filter((activity) => !answered.has(activity.id)).map((activity) => `${activity.conversation.id}/${activity.text}`);
    if (unanswered.length === 0 || Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { sent: sentActivities.length, ok, errors, unanswered, taskCreates, latenciesMs, elapsedMs };
}
