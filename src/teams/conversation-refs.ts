/**
 * Converts between botbuilder activities / conversation references and the plain-JSON
 * {@link ConversationRef} the domain stores, and reads who and where a turn is.
 */
import type { Activity, ConversationReference } from 'botbuilder';
import type { ConversationRef } from '../messaging/index.js';
import { baseConversationId } from '../messaging/index.js';
import type { TurnConversation, TurnUser } from './handlers/types.js';

/** The tenant of an activity: Teams sends it in `conversation.tenantId` and in `channelData.tenant.id`. */
export function tenantOf(activity: Partial<Activity>): string | undefined {
  const fromChannelData = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  return activity.conversation?.tenantId ?? (typeof fromChannelData === 'string' ? fromChannelData : undefined);
}

/** The client's locale: the activity's `locale`, else the `clientInfo` entity's. */
export function localeOf(activity: Partial<Activity>): string | undefined {
  if (activity.locale) return activity.locale;
  const clientInfo = activity.entities?.find((entity) => entity.type === 'clientInfo') as { locale?: unknown } | undefined;
  return typeof clientInfo?.locale === 'string' ? clientInfo.locale : undefined;
}

/** The user who sent the activity. */
export function userOf(activity: Partial<Activity>): TurnUser {
  const from = activity.from;
  return {
    id: from?.id ?? '',
    ...(from?.aadObjectId && { aadObjectId: from.aadObjectId }),
    ...(from?.name && { name: from.name }),
  };
}

/** A stable key for "this person": the Entra object id when sent, else the Teams user id. */
export function personKey(user: TurnUser): string {
  return user.aadObjectId ?? user.id;
}

/** Where the activity was sent. */
export function conversationOf(activity: Partial<Activity>): TurnConversation {
  const conversation = activity.conversation;
  const channelData = activity.channelData as { team?: { id?: string }; channel?: { id?: string } } | undefined;
  const type = conversation?.conversationType;
  const kind = type === 'channel' ? 'channel' : type === 'groupChat' || (type === undefined && conversation?.isGroup) ? 'groupChat' : 'personal';
  const tenantId = tenantOf(activity);
  const id = conversation?.id ?? '';
  return {
    id,
    kind,
    ...(tenantId && { tenantId }),
    ...(channelData?.team?.id && { teamId: channelData.team.id }),
    ...(kind === 'channel' && { channelId: channelData?.channel?.id ?? baseConversationId(id) }),
  };
}

/** The plain-JSON reference to the activity's conversation (the bot is the activity's recipient). */
export function conversationRefFromActivity(activity: Partial<Activity>): ConversationRef {
  const conversation = activity.conversation;
  const tenantId = tenantOf(activity);
  const locale = localeOf(activity);
  return {
    serviceUrl: activity.serviceUrl ?? '',
    channelId: activity.channelId ?? 'msteams',
    conversation: {
      id: conversation?.id ?? '',
      ...(conversation?.conversationType && { conversationType: conversation.conversationType }),
      ...(tenantId && { tenantId }),
      ...(conversation?.isGroup !== undefined && { isGroup: conversation.isGroup }),
      ...(conversation?.name && { name: conversation.name }),
    },
    bot: { id: activity.recipient?.id ?? '', ...(activity.recipient?.name && { name: activity.recipient.name }) },
    ...(activity.from?.id && {
      user: {
        id: activity.from.id,
        ...(activity.from.name && { name: activity.from.name }),
        ...(activity.from.aadObjectId && { aadObjectId: activity.from.aadObjectId }),
      },
    }),
    ...(locale && { locale }),
  };
}

/** The botbuilder reference for a stored one, for `continueConversationAsync`. */
export function toConversationReference(ref: ConversationRef): Partial<ConversationReference> {
  return {
    serviceUrl: ref.serviceUrl,
    channelId: ref.channelId,
    conversation: {
      id: ref.conversation.id,
      isGroup: ref.conversation.isGroup ?? ref.conversation.conversationType !== 'personal',
      conversationType: ref.conversation.conversationType ?? 'personal',
      name: ref.conversation.name ?? '',
      ...(ref.conversation.tenantId && { tenantId: ref.conversation.tenantId }),
    },
    bot: { id: ref.bot.id, name: ref.bot.name ?? '' },
    ...(ref.user && { user: { id: ref.user.id, name: ref.user.name ?? '', ...(ref.user.aadObjectId && { aadObjectId: ref.user.aadObjectId }) } }),
    ...(ref.locale && { locale: ref.locale }),
  };
}
