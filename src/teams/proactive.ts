/**
 * Proactive messages: implements messaging's {@link MessageChannel} on the Bot Framework adapter, turning
 * connector failures into {@link SendResult} values instead of exceptions, with Teams' status semantics:
 * 403/404 = the conversation is gone, 429 = throttled (Retry-After), 408/412/5xx/no answer = transient.
 */
import type { Activity, CloudAdapter } from 'botbuilder';
import { ActivityTypes } from 'botbuilder';
import type { Logger } from 'pino';
import type { ConversationRef, MessageChannel, OutboundMessage, SendFailure, SendResult } from '../messaging/index.js';
import { baseConversationId } from '../messaging/index.js';
import { toConversationReference } from './conversation-refs.js';

/** The part of botframework-connector's `ConnectorClient` used here. */
interface ConnectorClient {
  readonly conversations: { sendToConversation(conversationId: string, activity: Partial<Activity>): Promise<{ id?: string }> };
}

/** Options of {@link createProactiveNotifier}. */
export interface ProactiveNotifierOptions {
  readonly adapter: CloudAdapter;
  /** The bot's app id; empty in local mode. */
  readonly appId: string;
  readonly logger: Logger;
}

/** A message channel that also posts raw activities and returns the id of the posted activity. */
export interface ProactiveNotifier extends MessageChannel {
  /** Like `send`, with the connector's id for the new activity when it succeeded. */
  sendActivity(ref: ConversationRef, activity: Partial<Activity>): Promise<SendResult & { readonly activityId?: string }>;
}

/** Creates the Teams implementation of {@link MessageChannel}. */
export function createProactiveNotifier(options: ProactiveNotifierOptions): ProactiveNotifier {
  const { adapter, appId, logger } = options;

  async function sendActivity(ref: ConversationRef, activity: Partial<Activity>): Promise<SendResult & { activityId?: string }> {
    let activityId: string | undefined;
    let failure: unknown;
    let delivered = false;
    // A channel reference captured in a thread would reply into that thread: post to the channel itself.
    const target: ConversationRef =
      ref.conversation.conversationType === 'channel' ? { ...ref, conversation: { ...ref.conversation, id: baseConversationId(ref.conversation.id) } } : ref;
    try {
      await adapter.continueConversationAsync(appId, toConversationReference(target), async (context) => {
        // Caught here: an error escaping this callback would go to the adapter's onTurnError, not to us.
        try {
          const client = context.turnState.get<ConnectorClient>(adapter.ConnectorClientKey);
          withoutRetries(client);
          // Sent to the conversation, not as a reply: the continuation turn's activity id is made up.
          const response = await client.conversations.sendToConversation(target.conversation.id, {
            type: ActivityTypes.Message,
            ...activity,
            channelId: target.channelId,
            serviceUrl: target.serviceUrl,
            conversation: context.activity.conversation,
            from: context.activity.recipient,
            ...(context.activity.from?.id && { recipient: context.activity.from }),
          } as Activity);
          activityId = response?.id;
          delivered = true;
        } catch (error) {
          failure = error;
        }
      });
    } catch (error) {
      failure = error;
    }
    if (delivered) return { ok: true, ...(activityId && { activityId }) };
    const result = describeFailure(failure);
    logger.warn({ status: result.status, retryAfterMs: result.retryAfterMs, conversationKind: ref.conversation.conversationType }, 'proactive message not delivered');
    return result;
  }

  return {
    sendActivity,
    async send(ref, message: OutboundMessage) {
      const { activityId: _ignored, ...result } = await sendActivity(ref, {
        type: ActivityTypes.Message,
        ...(message.text !== undefined && { text: message.text }),
        ...(message.summary !== undefined && { summary: message.summary }),
        ...(message.attachments && { attachments: message.attachments.map((a) => ({ contentType: a.contentType, content: a.content })) }),
      });
      return result;
    },
  };
}

/**
 * Removes the HTTP pipeline's retry policy from a connector client: the outbox decides about retries
 * (and honours Retry-After across restarts); a hidden retry would block a send for minutes.
 */
function withoutRetries(client: ConnectorClient): void {
  const pipeline = (client as unknown as { client?: { pipeline?: { removePolicy(options: { phase: string }): unknown } } }).client?.pipeline;
  pipeline?.removePolicy({ phase: 'Retry' });
}

/** Reads the HTTP status and Retry-After from a connector error (an Azure `RestError`), if any. */
export function describeFailure(error: unknown): { ok: false; failure: SendFailure; status: number; retryAfterMs?: number; error: string } {
  const e = error as {
    statusCode?: unknown;
    response?: { status?: unknown; headers?: { get?: (name: string) => string | undefined } | Record<string, unknown> };
    message?: unknown;
  };
  const rawStatus = e?.statusCode ?? e?.response?.status;
  const status = typeof rawStatus === 'number' ? rawStatus : 0;
  const headers = e?.response?.headers;
  const retryAfter =
    headers && typeof (headers as { get?: unknown }).get === 'function'
      ? (headers as { get: (name: string) => string | undefined }).get('retry-after')
      : (headers as Record<string, unknown> | undefined)?.['retry-after'];
  const retryAfterMs = parseRetryAfter(typeof retryAfter === 'string' ? retryAfter : undefined);
  return {
    ok: false,
    failure: failureOf(status),
    status,
    ...(retryAfterMs !== undefined && { retryAfterMs }),
    error: typeof e?.message === 'string' ? e.message : String(error),
  };
}

/** What a connector status means for delivery (Teams' documented semantics). */
export function failureOf(status: number): SendFailure {
  if (status === 403 || status === 404) return 'gone';
  if (status === 429) return 'throttled';
  if (status === 0 || status === 408 || status === 412 || status >= 500) return 'transient';
  return 'rejected';
}

/** `Retry-After` as milliseconds: seconds, or an HTTP date (measured against the system clock). */
function parseRetryAfter(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
