/**
 * The calendar feature in Teams: `kalender` / `calendar` gives a leader, in a personal chat, a private feed URL of
 * upcoming deadlines (`GET /calendar/<token>.ics`); `nulstil kalender` / `reset calendar` replaces the token, and
 * the old link stops working at once. The feed holds the knowledge base's dates, the deadlines added in chat and the
 * leader's own open tasks' due dates, and nothing else; unknown tokens, and leaders no longer in LEADER_IDS, get 404.
 *
 * The tokens live in the domain's feed token store (`STATE_DIR/teams/calendar-feeds.json` with the file backend).
 */
import { ActivityTypes } from 'botbuilder';
import { buildCalendarEvents, renderCalendar } from '../../calendar/index.js';
import type { FeedLang, FeedSubscription } from '../../calendar/index.js';
import type { HttpReply } from '../../server/server.js';
import { isOwnedBy } from '../../tasks/index.js';
import { toLocalDate } from '../../time/format-date.js';
import { personKey } from '../conversation-refs.js';
import type { FeatureFactory, TeamsFeature } from './index.js';
import type { CommandContext } from './types.js';

/** The path of the feeds; `:file` is `<token>.ics`. */
export const CALENDAR_PATH = '/calendar';

const COMMANDS: ReadonlyArray<readonly [RegExp, 'show' | 'reset', FeedLang]> = [
  [/^(?:vis )?(?:min )?kalender(?:en|link|linket|feed)?$/, 'show', 'da'],
  [/^(?:show )?(?:my )?calendar(?: link| feed)?$/, 'show', 'en'],
  [/^(?:nulstil|forny|luk) (?:min )?kalender(?:en|link|linket|feed)?$/, 'reset', 'da'],
  [/^(?:reset|renew|revoke) (?:my )?calendar(?: link| feed)?$/, 'reset', 'en'],
];

const PHRASES: Record<FeedLang, {
  link: (url: string, renewed: boolean) => string;
  notLeader: string;
  personalOnly: string;
  help: string[];
}> = {
  da: {
    link: (url, renewed) =>
      [
        renewed ? 'Dit kalenderlink er nulstillet: det gamle link virker ikke længere. Dit nye private link:' : 'Dit private kalenderlink med kommende frister (vidensbasens datoer, frister fra chatten og dine åbne opgaver):',
        url,
        'I Outlook: Tilføj kalender → Abonner fra internettet → indsæt linket. Linket er personligt: del det ikke. Skriv »nulstil kalender« for at lukke det og få et nyt.',
      ].join('\n'),
    notLeader: 'Kalenderlinket er kun for ledelsen.',
    personalOnly: 'Kalenderlinket er personligt: skriv »kalender« til mig i en privat chat, så får du det der.',
    help: ['kalender — dit private kalenderlink med kommende frister (til Outlook)', 'nulstil kalender — lukker linket og giver dig et nyt'],
  },
  en: {
    link: (url, renewed) =>
      [
        renewed ? 'Your calendar link has been reset: the old link no longer works. Your new private link:' : 'Your private calendar link with upcoming deadlines (the knowledge base’s dates, deadlines added in chat and your open tasks):',
        url,
        'In Outlook: Add calendar → Subscribe from web → paste the link. The link is personal: do not share it. Write "reset calendar" to close it and get a new one.',
      ].join('\n'),
    notLeader: 'The calendar link is for the leadership team only.',
    personalOnly: 'The calendar link is personal: write "calendar" to me in a private chat and you will get it there.',
    help: ['calendar — your private calendar link with upcoming deadlines (for Outlook)', 'reset calendar — closes the link and gives you a new one'],
  },
};

const FILE = /^([A-Za-z0-9_-]{43})\.ics$/;

function parseCommand(text: string): { kind: 'show' | 'reset'; lang: FeedLang } | null {
  const bare = text.replace(/\s+/g, ' ').trim().replace(/^\/\s*/, '').toLocaleLowerCase('da').replace(/[.!]+$/, '');
  for (const [pattern, kind, lang] of COMMANDS) if (pattern.test(bare)) return { kind, lang };
  return null;
}

/** The calendar feature; {@link createCalendarFeature} is the default. */
export function calendarFeature(): FeatureFactory {
  return function calendar(services): TeamsFeature {
    const { config, knowledge, now, logger } = services;
    const tokens = services.domain.feedTokens;
    const leaderIds = new Set(config.leaderIds);
    const stillLeader = (s: FeedSubscription) => leaderIds.size === 0 || leaderIds.has(s.userId) || (s.aadObjectId !== undefined && leaderIds.has(s.aadObjectId));
    const feedUrl = (token: string) => `${(services.publicBaseUrl?.() ?? '').replace(/\/+$/, '')}${CALENDAR_PATH}/${token}.ics`;

    async function run(kind: 'show' | 'reset', lang: FeedLang, ctx: CommandContext): Promise<void> {
      const say = (text: string) => ctx.reply({ type: ActivityTypes.Message, text, textFormat: 'plain' });
      if (!ctx.isLeader) {
        ctx.logger.info({ command: `calendar.${kind}` }, 'calendar refused: not a leader');
        await say(PHRASES[lang].notLeader);
        return;
      }
      // The link opens the leader's tasks to whoever has it: never post it where others read.
      if (ctx.conversation.kind !== 'personal') {
        await say(PHRASES[lang].personalOnly);
        return;
      }
      const owner = {
        key: personKey(ctx.user),
        userId: ctx.user.id,
        ...(ctx.user.aadObjectId !== undefined && { aadObjectId: ctx.user.aadObjectId }),
        ...(ctx.user.name !== undefined && { name: ctx.user.name }),
        lang,
      };
      const subscription = kind === 'reset' ? ((await tokens.reset(owner)) ?? (await tokens.issue(owner)).subscription) : (await tokens.issue(owner)).subscription;
      ctx.logger.info({ command: `calendar.${kind}` }, kind === 'reset' ? 'calendar link reset' : 'calendar link shown');
      await say(PHRASES[lang].link(feedUrl(subscription.token), kind === 'reset'));
    }

    async function serveFeed(params: Readonly<Record<string, string>>): Promise<HttpReply> {
      const token = FILE.exec(params.file ?? '')?.[1];
      const subscription = token === undefined ? undefined : await tokens.find(token);
      if (subscription === undefined || !stillLeader(subscription)) return { status: 404, body: 'Not found' };
      const deadlines = await services.domain.deadlines.list();
      const viewer = { id: subscription.userId, ...(subscription.aadObjectId !== undefined && { aadObjectId: subscription.aadObjectId }), ...(subscription.name !== undefined && { name: subscription.name }) };
      const tasks = (await services.domain.tasks.openTasks()).filter((task) => isOwnedBy(task, viewer));
      const events = buildCalendarEvents({ knowledge, deadlines, tasks, today: toLocalDate(now(), config.timeZone), lang: subscription.lang });
      logger.info({ events: events.length }, 'calendar feed served');
      return {
        status: 200,
        contentType: 'text/calendar; charset=utf-8',
        headers: { 'content-disposition': 'inline; filename="frister.ics"' },
        body: await renderCalendar(events, { lang: subscription.lang, now: now() }),
      };
    }

    return {
      name: 'calendar',
      commands: [
        {
          name: 'calendar',
          help: (lang) => PHRASES[lang].help,
          async handle(text, ctx) {
            const command = parseCommand(text);
            if (command === null) return false;
            await run(command.kind, command.lang, ctx);
            return true;
          },
        },
      ],
      routes: [{ path: `${CALENDAR_PATH}/:file`, handle: serveFeed }],
    };
  };
}

/** The production calendar feature. */
export const createCalendarFeature: FeatureFactory = calendarFeature();
