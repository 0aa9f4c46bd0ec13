/**
 * The Adaptive Card holding an organisation chart: its title, the picture (alternative text: every reporting line),
 * the documents the lines come from, and a button to open the picture full size when it is served by URL.
 */
import type { ChartLang } from '../../org-chart/index.js';
import { escapeCardText } from '../escape.js';
import type { AdaptiveCard, CardAction, CardElement } from './adaptive-card.js';
import { fullWidthCard } from './adaptive-card.js';

/** What the card shows. */
export interface OrgChartCardContent {
  readonly lang: ChartLang;
  readonly title: string;
  /** An `https:`/`http:` URL or a `data:image/png;base64,` URI. */
  readonly imageUrl: string;
  /** One sentence per reporting line ("X refererer til Y"). */
  readonly lines: readonly string[];
  /** Titles of the source documents. */
  readonly sources: readonly string[];
}

const LABELS: Record<ChartLang, { heading: (title: string) => string; source: string; sources: string; open: string; lines: (n: number) => string }> = {
  da: {
    heading: (title) => `Organisationen: ${title}`,
    source: 'Kilde',
    sources: 'Kilder',
    open: 'Åbn billedet',
    lines: (n) => (n === 1 ? '1 referencelinje' : `${n} referencelinjer`),
  },
  en: {
    heading: (title) => `Org chart: ${title}`,
    source: 'Source',
    sources: 'Sources',
    open: 'Open the picture',
    lines: (n) => (n === 1 ? '1 reporting line' : `${n} reporting lines`),
  },
};

/** Alternative text is read aloud by screen readers; beyond this the lines are cut (the message text has them all). */
export const ALT_TEXT_MAX_CHARS = 2_000;

/** The button that asks for a chart of the parts an answer is about (an `Action.Submit`, so the answer stays). */
export function showAsChartAction(ids: readonly string[], lang: ChartLang): CardAction {
  return { type: 'Action.Submit', title: lang === 'da' ? 'Vis som diagram' : 'Show as chart', data: { orgChart: { ids, lang } } };
}

/** The chart's card. */
export function buildOrgChartCard(content: OrgChartCardContent): AdaptiveCard {
  const labels = LABELS[content.lang];
  const alt = content.lines.join('; ');
  const body: CardElement[] = [
    { type: 'TextBlock', text: escapeCardText(labels.heading(content.title)), weight: 'Bolder', size: 'Medium', wrap: true },
    {
      type: 'Image',
      url: content.imageUrl,
      altText: alt.length <= ALT_TEXT_MAX_CHARS ? alt : `${alt.slice(0, ALT_TEXT_MAX_CHARS - 1)}…`,
      size: 'Stretch',
      // Teams lets the user open the picture full screen.
      msTeams: { allowExpand: true },
    },
    { type: 'TextBlock', text: escapeCardText(labels.lines(content.lines.length)), isSubtle: true, size: 'Small', wrap: true },
  ];
  if (content.sources.length > 0) {
    body.push({
      type: 'TextBlock',
      text: `${content.sources.length === 1 ? labels.source : labels.sources}: ${content.sources.map(escapeCardText).join('; ')}`,
      isSubtle: true,
      size: 'Small',
      wrap: true,
      separator: true,
    });
  }
  const actions: CardAction[] = content.imageUrl.startsWith('data:') ? [] : [{ type: 'Action.OpenUrl', title: labels.open, url: content.imageUrl }];
  return fullWidthCard(body, actions);
}
