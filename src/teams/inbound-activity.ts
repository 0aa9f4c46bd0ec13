/**
 * The shape of an inbound activity, checked at the edge: the fields the Bot Framework protocol requires
 * of every activity (and teams-ai relies on), and the type of every field the bot reads. Anything else
 * passes through untouched. Without this, a `recipient.name` that is an object or a `text` that is a
 * number would fail deep inside a turn, or inside the error handler itself.
 */
import { z } from 'zod/v4';

const MAX_ID_CHARS = 4_096;

/**
 * Ids become keys of stored records: "__proto__" or "constructor" as a key would reach Object.prototype
 * (no Teams id looks like that).
 */
const notPrototypeKey = (value: string | null | undefined) => value === undefined || value === null || !(value in Object.prototype);
const PROTOTYPE_KEY = 'must not be the name of an Object.prototype member';

// Ids end up in URLs and HTTP headers (x-ms-conversation-id): printable ASCII only, as Teams' ids are.
const id = z
  .string()
  .min(1)
  .max(1_024)
  .regex(/^[\x21-\x7e][\x20-\x7e]*$/, 'must be printable ASCII')
  .refine(notPrototypeKey, PROTOTYPE_KEY);
const optionalId = z.string().max(1_024).nullish().refine(notPrototypeKey, PROTOTYPE_KEY);
// Some clients send null for an absent field; the bot reads every such field with a truthiness check.
const optionalText = z.string().max(MAX_ID_CHARS).nullish();

const ChannelAccountSchema = z.looseObject({
  id,
  name: optionalText,
  aadObjectId: optionalId,
  role: optionalText,
});

const MemberSchema = z.looseObject({ id: optionalId, name: optionalText });

const EntitySchema = z
  .looseObject({
    type: z.string().max(256),
    text: z.string().nullish(),
    locale: optionalText,
    mentioned: z.looseObject({ id: optionalId, name: optionalText }).optional(),
  })
  .superRefine((entity, ctx) => {
    // botbuilder strips the bot's mention by replacing the mention's text in the message text.
    if (entity.type.toLowerCase() !== 'mention') return;
    if (typeof entity.text !== 'string') ctx.addIssue({ code: 'custom', path: ['text'], message: 'a mention needs its text' });
    if (!entity.mentioned) ctx.addIssue({ code: 'custom', path: ['mentioned'], message: 'a mention needs whom it mentions' });
  });

const ChannelDataSchema = z.looseObject({
  tenant: z.looseObject({ id: optionalId }).optional(),
  team: z.looseObject({ id: optionalId, name: optionalText }).optional(),
  channel: z.looseObject({ id: optionalId, name: optionalText }).optional(),
  eventType: optionalText,
});

/** An activity as the bot reads it; unknown fields are kept. */
export const InboundActivitySchema = z.looseObject({
  type: z.string().min(1).max(256),
  id: optionalText,
  name: optionalText,
  channelId: id,
  serviceUrl: z.string().max(2_048),
  timestamp: optionalText,
  localTimestamp: optionalText,
  locale: optionalText,
  text: z.string().nullish(),
  textFormat: optionalText,
  replyToId: optionalText,
  from: ChannelAccountSchema,
  recipient: ChannelAccountSchema,
  conversation: z.looseObject({
    id,
    conversationType: optionalText,
    tenantId: optionalId,
    isGroup: z.boolean().optional(),
    name: optionalText,
  }),
  channelData: ChannelDataSchema.optional(),
  entities: z.array(EntitySchema).max(256).optional(),
  membersAdded: z.array(MemberSchema).max(1_000).optional(),
  membersRemoved: z.array(MemberSchema).max(1_000).optional(),
}).refine((activity) => activity.type !== 'message' || typeof activity.text === 'string' || !activity.entities?.some((entity) => 'mentioned' in entity), {
  message: 'a message with mentions needs its text',
  path: ['text'],
});

export type InboundActivityCheck = { readonly ok: true } | { readonly ok: false; readonly problem: string };

/**
 * Checks a parsed request body against {@link InboundActivitySchema}; the problem names the first bad field.
 * @example checkInboundActivity({ type: 'message' }) // { ok: false, problem: 'channelId: Invalid input: expected string, received undefined' }
 */
export function checkInboundActivity(body: unknown): InboundActivityCheck {
  const parsed = InboundActivitySchema.safeParse(body);
  if (parsed.success) return { ok: true };
  const issue = parsed.error.issues[0]!;
  const at = issue.path.length > 0 ? issue.path.join('.') : '(activity)';
  return { ok: false, problem: `${at}: ${issue.message}` };
}
