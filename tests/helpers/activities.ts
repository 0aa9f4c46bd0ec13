/**
 * Builders for the activities Teams sends a bot, shaped like real Teams traffic (and like
 * `shared/eval/ask.mjs`): `channelId: 'msteams'`, tenant in `conversation` and `channelData`,
 * `recipient` set to the bot, `serviceUrl` pointing at the fake connector.
 */
import { randomUUID } from 'node:crypto';

export const TEST_TENANT_ID = '11111111-2222-3333-4444-555555555555';
export const TEST_BOT = { id: '28:test-bot', name: 'Leder' } as const;

/** A loosely typed activity, as JSON on the wire. */
export type WireActivity = Record<string, any>;

/** Who and where; every field has a fresh default so tests never share a conversation by accident. */
export interface ActivityOptions {
  readonly serviceUrl: string;
  readonly locale?: string;
  readonly conversationId?: string;
  readonly userId?: string;
  readonly userName?: string;
  readonly aadObjectId?: string;
  readonly tenantId?: string;
  readonly bot?: { readonly id: string; readonly name: string };
  /** The activity id (default a fresh UUID). */
  readonly id?: string;
}

function base(options: ActivityOptions, type: string): WireActivity {
  const now = new Date().toISOString();
  const locale = options.locale ?? 'da-DK';
  return {
    type,
    id: options.id ?? randomUUID(),
    timestamp: now,
    localTimestamp: now,
    channelId: 'msteams',
    serviceUrl: options.serviceUrl,
    locale,
    from: {
      id: options.userId ?? `29:user-${randomUUID()}`,
      name: options.userName ?? 'Test Leder',
      aadObjectId: options.aadObjectId ?? randomUUID(),
      role: 'user',
    },
    recipient: { id: (options.bot ?? TEST_BOT).id, name: (options.bot ?? TEST_BOT).name, role: 'bot' },
    entities: [{ type: 'clientInfo', locale }],
  };
}

/** A message in the personal (1:1) chat with the bot. */
export function personalMessage(text: string, options: ActivityOptions): WireActivity {
  const tenantId = options.tenantId ?? TEST_TENANT_ID;
  return {
    ...base(options, 'message'),
    text,
    textFormat: 'plain',
    conversation: { id: options.conversationId ?? `a:personal-${randomUUID()}`, conversationType: 'personal', tenantId },
    channelData: { tenant: { id: tenantId } },
  };
}

/** A message in a team channel that @mentions the bot (the mention is in the text and in `entities`). */
export function channelMessage(text: string, options: ActivityOptions & { readonly teamId?: string }): WireActivity {
  const tenantId = options.tenantId ?? TEST_TENANT_ID;
  const bot = options.bot ?? TEST_BOT;
  const channelId = options.conversationId ?? `19:channel-${randomUUID()}@thread.tacv2`;
  const activity = base(options, 'message');
  const mention = `<at>${bot.name}</at>`;
  return {
    ...activity,
    text: `${mention} ${text}`,
    textFormat: 'plain',
    conversation: { id: channelId, conversationType: 'channel', isGroup: true, tenantId },
    channelData: {
      tenant: { id: tenantId },
      team: { id: options.teamId ?? `19:team-${randomUUID()}@thread.tacv2` },
      channel: { id: channelId },
    },
    entities: [{ type: 'mention', text: mention, mentioned: { id: bot.id, name: bot.name } }, ...activity.entities],
  };
}

/** The conversationUpdate Teams sends when the bot is installed (added to a personal chat or a team). */
export function installUpdate(options: ActivityOptions & { readonly scope?: 'personal' | 'team' }): WireActivity {
  const tenantId = options.tenantId ?? TEST_TENANT_ID;
  const bot = options.bot ?? TEST_BOT;
  const activity = base(options, 'conversationUpdate');
  const team = options.scope === 'team';
  const conversationId = options.conversationId ?? (team ? `19:team-${randomUUID()}@thread.tacv2` : `a:personal-${randomUUID()}`);
  return {
    ...activity,
    membersAdded: [{ id: bot.id }],
    conversation: team
      ? { id: conversationId, conversationType: 'channel', isGroup: true, tenantId }
      : { id: conversationId, conversationType: 'personal', tenantId },
    channelData: team
      ? { tenant: { id: tenantId }, team: { id: conversationId }, channel: { id: conversationId }, eventType: 'teamMemberAdded' }
      : { tenant: { id: tenantId } },
  };
}

/** An Adaptive Card `Action.Execute` click: an `invoke` named `adaptiveCard/action`. */
export function cardAction(
  verb: string,
  data: Record<string, unknown>,
  options: ActivityOptions & { readonly replyToId?: string; readonly channel?: boolean },
): WireActivity {
  const tenantId = options.tenantId ?? TEST_TENANT_ID;
  return {
    ...base(options, 'invoke'),
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    replyToId: options.replyToId ?? `card-${randomUUID()}`,
    conversation: options.channel
      ? { id: options.conversationId ?? `19:channel-${randomUUID()}@thread.tacv2`, conversationType: 'channel', isGroup: true, tenantId }
      : { id: options.conversationId ?? `a:personal-${randomUUID()}`, conversationType: 'personal', tenantId },
    channelData: { tenant: { id: tenantId } },
  };
}

/** Teams' feedback loop: thumbs up/down (and an optional comment) on the bot's message `replyToId`. */
export function feedbackInvoke(
  reaction: 'like' | 'dislike',
  comment: string | undefined,
  options: ActivityOptions & { readonly replyToId: string; readonly conversationId: string },
): WireActivity {
  const tenantId = options.tenantId ?? TEST_TENANT_ID;
  return {
    ...base(options, 'invoke'),
    name: 'message/submitAction',
    value: { actionName: 'feedback', actionValue: { reaction, feedback: JSON.stringify({ feedbackText: comment ?? '' }) } },
    replyToId: options.replyToId,
    conversation: { id: options.conversationId, conversationType: 'personal', tenantId },
    channelData: { tenant: { id: tenantId } },
  };
}

/** All text a reply shows (text and card contents), like the eval script reads it. */
export function replyText(activity: WireActivity): string {
  const strings: string[] = [];
  const walk = (value: unknown) => {
    if (typeof value === 'string') strings.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(activity.attachments ?? []);
  return [activity.text ?? '', ...strings].join('\n');
}

/** The first Adaptive Card attached to an activity, if any. */
export function adaptiveCardOf(activity: WireActivity): Record<string, any> | undefined {
  return (activity.attachments as { contentType: string; content: Record<string, any> }[] | undefined)?.find(
    (attachment) => attachment.contentType === 'application/vnd.microsoft.card.adaptive',
  )?.content;
}

/** The Action.Execute buttons of an Adaptive Card, wherever they sit in it. */
export function buttonsOf(card: unknown): { title: string; verb: string; data: Record<string, unknown> }[] {
  const found: { title: string; verb: string; data: Record<string, unknown> }[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const v = value as Record<string, any>;
      if (v.type === 'Action.Execute') found.push({ title: v.title, verb: v.verb, data: v.data });
      Object.values(v).forEach(walk);
    }
  };
  walk(card);
  return found;
}
