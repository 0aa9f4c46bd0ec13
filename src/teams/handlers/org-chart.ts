/**
 * The org chart feature in Teams: "vis organisationen [i Ballerup]" / "show the org chart [for Høje-Taastrup]" and
 * the "Vis som diagram" / "Show as chart" button under reporting-line answers reply with a card holding a picture
 * of the reporting lines, and `GET /images/org-chart/<id>.png` serves the pictures too large to travel inline.
 *
 * The chart links live in the domain's chart link store (`STATE_DIR/teams/chart-links.json` with the file backend).
 */
import type { Activity } from 'botbuilder';
import { ActivityTypes } from 'botbuilder';
import { z } from 'zod/v4';
import type { Answer } from '../../answering/index.js';
import { createQueries, IdSchema } from '../../knowledge/index.js';
import type { KnowledgeQueries } from '../../knowledge/index.js';
import {
  buildOrgGraph,
  describeLines,
  parseOrgChartCommand,
  renderOrgChartSvg,
  renderPng,
  resolveChartScope,
} from '../../org-chart/index.js';
import type { ChartLang, ChartScope } from '../../org-chart/index.js';
import type { HttpReply } from '../../server/server.js';
import { cardAttachment } from '../cards/adaptive-card.js';
import { buildOrgChartCard, showAsChartAction } from '../cards/org-chart-card.js';
import { toLocalDate } from '../../time/format-date.js';
import { escapePlainText } from '../escape.js';
import type { FeatureFactory, TeamsFeature } from './index.js';
import type { CommandContext } from './types.js';

/**
 * The longest picture sent inline, as base64 characters. Teams shows an Adaptive Card `Image` from an HTTPS URL or
 * a data URI (schema 1.2+). A data URI travels inside the message, and Teams caps a bot message at about 100 KB
 * (80 KB recommended), while some Adaptive Card renderers (.NET, UWP) cap data URIs at 65,500 characters. So a
 * small chart goes inline (nothing to fetch, and it shows even where the bot's address is not reachable, as in the
 * local playground), and a larger one is served from the bot's own endpoint under an unguessable link.
 */
export const MAX_DATA_URI_CHARS = 40_000;

/** The path of the chart pictures; `:file` is `<id>.png`. */
export const CHART_IMAGE_PATH = '/images/org-chart';

const PHRASES: Record<ChartLang, { unknown: (place: string, known: string) => string; none: (title: string) => string; help: string[] }> = {
  da: {
    unknown: (place, known) => `Jeg kender ikke »${place}« i vidensbasen, så jeg kan ikke tegne den. Prøv med en kommune: ${known}.`,
    none: (title) => `Vidensbasen nævner ingen referencelinjer for ${title}, så der er intet at tegne.`,
    help: ['vis organisationen [i <kommune, enhed eller rolle>] — tegner referencelinjerne som et diagram'],
  },
  en: {
    unknown: (place, known) => `I don't know "${place}" in the knowledge base, so I cannot draw it. Try a municipality: ${known}.`,
    none: (title) => `The knowledge base names no reporting lines for ${title}, so there is nothing to draw.`,
    help: ['show the org chart [for <municipality, unit or role>] — draws the reporting lines as a chart'],
  },
};

const ButtonDataSchema = z.object({
  orgChart: z.object({ ids: z.array(IdSchema).min(1).max(20), lang: z.enum(['da', 'en']) }),
});

const FILE = /^([A-Za-z0-9_-]{32})\.png$/;
const CACHE_SIZE = 20;

/** The ids of both ends of the reporting lines an answer cites (its sources are those lines' sources). */
function citedLineEnds(queries: KnowledgeQueries): (answer: Answer) => string[] {
  const bySource = new Map<string, Set<string>>();
  const { data } = queries.kb;
  for (const id of [...data.roles, ...data.units, ...data.leadershipGroups].map((item) => item.id)) {
    for (const edge of queries.reportsTo(id)) {
      const key = `${edge.source.doc}\u0000${edge.source.quote}`;
      const ends = bySource.get(key) ?? new Set<string>();
      ends.add(edge.from).add(edge.to);
      bySource.set(key, ends);
    }
  }
  return (answer) => {
    if (answer.kind === 'unknown') return [];
    const ids = answer.sources.flatMap((source) => [...(bySource.get(`${source.doc}\u0000${source.quote ?? ''}`) ?? [])]);
    return [...new Set(ids)].slice(0, 20);
  };
}

/** The org chart feature; {@link createOrgChartFeature} is the default. */
export function orgChartFeature(): FeatureFactory {
  return function orgChart(services): TeamsFeature {
    const { knowledge, config, now } = services;
    const today = () => toLocalDate(now(), config.timeZone);
    const queries = createQueries(knowledge);
    const links = services.domain.chartLinks;
    const linesCited = citedLineEnds(queries);
    const cache = new Map<string, Buffer>();
    const municipalities = () => knowledge.data.municipalities.map((m) => m.name).join(', ');

    async function draw(scope: ChartScope, lang: ChartLang, day: string) {
      const graph = buildOrgGraph(queries, scope, lang, day);
      const key = JSON.stringify([scope, lang, day]);
      let png = cache.get(key);
      if (png === undefined && graph.edges.length > 0) {
        const chart = await renderOrgChartSvg(graph);
        png = await renderPng(chart.svg, chart.width, chart.height);
        cache.set(key, png);
        if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      }
      return { graph, png };
    }

    async function chartMessage(scope: ChartScope, lang: ChartLang, ctx: CommandContext): Promise<Partial<Activity>> {
      const started = performance.now();
      const day = today();
      const { graph, png } = await draw(scope, lang, day);
      if (png === undefined) return { type: ActivityTypes.Message, text: escapePlainText(PHRASES[lang].none(graph.title)), textFormat: 'plain' };
      const base64 = png.toString('base64');
      const imageUrl =
        base64.length <= MAX_DATA_URI_CHARS
          ? `data:image/png;base64,${base64}`
          : `${(services.publicBaseUrl?.() ?? '').replace(/\/+$/, '')}${CHART_IMAGE_PATH}/${await links.add(scope, lang, day)}.png`;
      const lines = describeLines(graph);
      const sources = graph.sources.map((doc) => {
        const document = knowledge.documents.get(doc);
        return document ? (lang === 'da' ? document.title : document.titleEn) : doc;
      });
      ctx.logger.info({ boxes: graph.nodes.length, lines: lines.length, bytes: png.length, inline: imageUrl.startsWith('data:'), ms: Math.round(performance.now() - started) }, 'org chart drawn');
      return {
        type: ActivityTypes.Message,
        text: escapePlainText([graph.title, ...lines.map((line) => `- ${line}`)].join('\n')),
        textFormat: 'plain',
        attachments: [cardAttachment(buildOrgChartCard({ lang, title: graph.title, imageUrl, lines, sources }))],
      };
    }

    async function serveImage(params: Readonly<Record<string, string>>): Promise<HttpReply> {
      const id = FILE.exec(params.file ?? '')?.[1];
      const link = id === undefined ? undefined : await links.find(id);
      const png = link && (await draw(link.scope as ChartScope, link.lang, link.day)).png;
      if (png === undefined) return { status: 404, body: 'Not found' };
      return { status: 200, contentType: 'image/png', body: png };
    }

    return {
      name: 'org-chart',
      commands: [
        {
          name: 'org-chart',
          help: (lang) => PHRASES[lang].help,
          async handle(text, ctx) {
            if (text === '') {
              const button = ButtonDataSchema.safeParse(ctx.turn.activity.value);
              if (!button.success) return false;
              const ids = button.data.orgChart.ids.filter((id) => queries.get(id) !== undefined);
              if (ids.length === 0) return false;
              await ctx.reply(await chartMessage({ kind: 'around', ids }, button.data.orgChart.lang, ctx));
              return true;
            }
            const command = parseOrgChartCommand(text);
            if (command === null) return false;
            const resolved = resolveChartScope(queries, command.place);
            if (resolved.kind === 'unknown') {
              await ctx.reply({ type: ActivityTypes.Message, text: escapePlainText(PHRASES[command.lang].unknown(resolved.place, municipalities())), textFormat: 'plain' });
              return true;
            }
            await ctx.reply(await chartMessage(resolved.scope, command.lang, ctx));
            return true;
          },
        },
      ],
      routes: [{ path: `${CHART_IMAGE_PATH}/:file`, handle: serveImage }],
      answerActions(answer) {
        const ids = linesCited(answer);
        return ids.length > 0 ? [showAsChartAction(ids, answer.lang)] : [];
      },
    };
  };
}

/** The production org chart feature. */
export const createOrgChartFeature: FeatureFactory = orgChartFeature();
