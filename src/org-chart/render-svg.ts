/**
 * Draws an {@link OrgGraph} as SVG: boxes placed by dagre (a maintained layered-graph layout, so no hand-written
 * layout), superiors above (or left of) those who report to them, a line with an arrow from each box to whom it
 * reports. Text uses the font shipped in `src/org-chart/fonts` (see `render-png.ts`).
 */
// dagre is loaded on the first chart (dynamic import), so start-up and idle memory do not pay for it.
import type { Graph } from '@dagrejs/dagre';

type Dagre = (typeof import('@dagrejs/dagre'))['default'];
import { formatDate } from '../time/format-date.js';
import type { ChartLang, OrgGraph, OrgNode } from './graph.js';

/** The font family the SVG names; `render-png.ts` loads its files. */
export const CHART_FONT_FAMILY = 'DejaVu Sans Condensed';

const BOX_WIDTH = 220;
const PADDING = 10;
const TITLE_SIZE = 14;
const TEXT_SIZE = 12;
const LINE_GAP = 4;
// DejaVu Sans Condensed averages about 0.55 em per character; 0.6 keeps long words inside the box.
const CHAR_EM = 0.6;
// The official Danish name is canonical and shown whole: a post named in ten words ("assisterende universleder til
// Børneunivers Hedelund og Vestermarken (ny stilling)") needs five lines; the box grows with its lines.
const MAX_LINES = { name: 5, context: 2, en: 3 } as const;
const MARGIN = 24;
const HEADER = 40;
/** A chart wider than this is shrunk by Teams until its text is unreadable; then a left-to-right layout is tried. */
const READABLE_WIDTH = 1_400;

/** A laid-out chart. */
export interface OrgChartSvg {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
  /** `TB`: superiors on top; `LR`: superiors on the left (chosen for wide, flat organisations). */
  readonly direction: 'TB' | 'LR';
}

interface BoxText {
  readonly text: string;
  readonly size: number;
  readonly weight: 'bold' | 'normal';
  readonly color: string;
}

/** Wraps text into lines of at most `chars` characters, at most `max` lines, the last ending in "…" if cut. */
export function wrapText(text: string, chars: number, max: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    const pieces = word.length > chars ? (word.match(new RegExp(`.{1,${chars}}`, 'gu')) ?? [word]) : [word];
    for (const piece of pieces) {
      if (current === '') current = piece;
      else if (current.length + 1 + piece.length <= chars) current += ` ${piece}`;
      else {
        lines.push(current);
        current = piece;
      }
    }
  }
  if (current !== '') lines.push(current);
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  const last = kept[max - 1] as string;
  kept[max - 1] = `${last.length >= chars ? last.slice(0, chars - 1) : last}…`;
  return kept;
}

function boxLines(node: OrgNode, lang: ChartLang): BoxText[] {
  const fit = (size: number) => Math.floor((BOX_WIDTH - 2 * PADDING) / (size * CHAR_EM));
  const out: BoxText[] = [];
  for (const text of wrapText(node.name, fit(TITLE_SIZE), MAX_LINES.name)) out.push({ text, size: TITLE_SIZE, weight: 'bold', color: '#1b1b1b' });
  if (node.context) for (const text of wrapText(node.context, fit(TEXT_SIZE), MAX_LINES.context)) out.push({ text, size: TEXT_SIZE, weight: 'normal', color: '#444444' });
  if (lang === 'en') for (const text of wrapText(node.labelEn, fit(TEXT_SIZE), MAX_LINES.en)) out.push({ text, size: TEXT_SIZE, weight: 'normal', color: '#2f5597' });
  return out;
}

function boxHeight(lines: readonly BoxText[]): number {
  return 2 * PADDING + lines.reduce((sum, line) => sum + line.size + LINE_GAP, 0) - LINE_GAP;
}

/** Escapes text for SVG character data and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string);
}

interface Layout {
  readonly graph: Graph;
  readonly width: number;
  readonly height: number;
}

function layout(dagre: Dagre, graph: OrgGraph, lines: ReadonlyMap<string, BoxText[]>, direction: 'TB' | 'LR'): Layout {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: direction, nodesep: direction === 'TB' ? 24 : 14, ranksep: direction === 'TB' ? 56 : 64, marginx: MARGIN, marginy: MARGIN });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of graph.nodes) g.setNode(node.id, { width: BOX_WIDTH, height: boxHeight(lines.get(node.id) ?? []) });
  // The superior is the edge's source, so dagre ranks it above (or left of) those who report to it.
  for (const edge of graph.edges) g.setEdge(edge.to, edge.from);
  dagre.layout(g);
  const size = g.graph();
  return { graph: g, width: Math.ceil(size.width ?? 0), height: Math.ceil(size.height ?? 0) };
}

/**
 * Lays out and draws a chart. Top-down unless that is wider than a readable picture and left-to-right is narrower.
 * @example (await renderOrgChartSvg(buildOrgGraph(queries, { kind: 'municipality', municipality: 'ballerup' }, 'da')).svg
 */
export async function renderOrgChartSvg(graph: OrgGraph): Promise<OrgChartSvg> {
  const { default: dagre } = await import('@dagrejs/dagre');
  const lines = new Map(graph.nodes.map((node) => [node.id, boxLines(node, graph.lang)]));
  let chosen = layout(dagre, graph, lines, 'TB');
  let direction: 'TB' | 'LR' = 'TB';
  if (chosen.width > READABLE_WIDTH) {
    const sideways = layout(dagre, graph, lines, 'LR');
    if (sideways.width < chosen.width) {
      chosen = sideways;
      direction = 'LR';
    }
  }
  const g = chosen.graph;
  const titleLines = wrapText(graph.title, Math.floor((Math.max(chosen.width, 320) - 2 * MARGIN) / (16 * CHAR_EM)), 2);
  const header = HEADER + titleLines.length * 20;
  const asOf = graph.lang === 'da' ? `Referencelinjer pr. ${formatDate(graph.day, 'da')}` : `Reporting lines as of ${formatDate(graph.day, 'en')}`;
  const dashed = graph.edges.some((edge) => edge.condition !== undefined);
  const legend = dashed ? (graph.lang === 'da' ? ' · stiplet: kun under en betingelse' : ' · dashed: only under a condition') : '';
  const width = Math.max(chosen.width, 320);
  const height = chosen.height + header;

  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${CHART_FONT_FAMILY}">`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#5a5a5a"/></marker></defs>',
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
  );
  titleLines.forEach((text, i) => {
    parts.push(`<text x="${MARGIN}" y="${MARGIN + 4 + i * 20}" font-size="16" font-weight="bold" fill="#1b1b1b">${escapeXml(text)}</text>`);
  });
  parts.push(`<text x="${MARGIN}" y="${MARGIN + 2 + titleLines.length * 20}" font-size="12" fill="#444444">${escapeXml(asOf + legend)}</text>`);
  parts.push(`<g transform="translate(0 ${header})">`);
  for (const edge of graph.edges) {
    const points = (g.edge(edge.to, edge.from)?.points ?? []) as { x: number; y: number }[];
    if (points.length < 2) continue;
    // dagre's points run superior -> subordinate; drawn the other way, the arrow points at whom one reports to.
    const d = [...points].reverse().map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
    parts.push(`<path class="line" data-from="${escapeXml(edge.from)}" data-to="${escapeXml(edge.to)}" d="${d}" fill="none" stroke="#5a5a5a" stroke-width="1.5"${edge.condition ? ' stroke-dasharray="6 4"' : ''} marker-end="url(#arrow)"/>`);
  }
  for (const node of graph.nodes) {
    const box = g.node(node.id) as { x: number; y: number; width: number; height: number };
    const left = box.x - box.width / 2;
    const top = box.y - box.height / 2;
    const fill = node.kind === 'unit' ? '#eef3ea' : node.kind === 'group' ? '#f6efe4' : '#e9f0fa';
    parts.push(`<g class="box" data-id="${escapeXml(node.id)}">`);
    parts.push(`<rect x="${left.toFixed(1)}" y="${top.toFixed(1)}" width="${box.width}" height="${box.height}" rx="6" fill="${fill}" stroke="#7a8797" stroke-width="1"/>`);
    let y = top + PADDING;
    for (const line of lines.get(node.id) ?? []) {
      y += line.size;
      parts.push(
        `<text x="${box.x.toFixed(1)}" y="${(y - 2).toFixed(1)}" text-anchor="middle" font-size="${line.size}" font-weight="${line.weight}" fill="${line.color}">${escapeXml(line.text)}</text>`,
      );
      y += LINE_GAP;
    }
    parts.push('</g>');
  }
  parts.push('</g></svg>');
  return { svg: parts.join('\n'), width, height, direction };
}
