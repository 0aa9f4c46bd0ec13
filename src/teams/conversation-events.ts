/**
 * What an incoming activity means for the conversations the bot can reach: the bot was installed,
 * removed, or simply met someone (every activity refreshes the stored reference).
 */
import type { Activity } from 'botbuilder';
import { conversationOf, conversationRefFromActivity, userOf } from './conversation-refs.js';
import type { ConversationEvent } from './handlers/types.js';

/** The conversation event of an activity; undefined when the activity does not name a conversation. */
export function conversationEventOf(activity: Partial<Activity>): ConversationEvent | undefined {
  if (!activity.conversation?.id || !activity.serviceUrl || !activity.recipient?.id) return undefined;
  const botId = activity.recipient.id;
  let kind: ConversationEvent['kind'] = 'activity';
  if (activity.type === 'installationUpdate') {
    kind = typeof activity.action === 'string' && activity.action.startsWith('remove') ? 'uninstalled' : 'installed';
  } else if (activity.type === 'conversationUpdate') {
    if (activity.membersRemoved?.some((member) => member.id === botId)) kind = 'uninstalled';
    else if (activity.membersAdded?.some((member) => member.id === botId)) kind = 'installed';
  }
  return { kind, ref: conversationRefFromActivity(activity), conversation: conversationOf(activity), user: userOf(activity) };
}
