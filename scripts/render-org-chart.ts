/**
 * Draws the org chart of a municipality (or of everything) to a PNG file, as the bot does: for the README picture
 * and for checking a knowledge base by eye.
 *
 * Usage: `npx tsx scripts/render-org-chart.ts [--knowledge data] [--municipality hoeje-taastrup] [--lang en] [--day 2026-12-01] [--out build/org-chart.png]`
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createQueries, loadKnowledgeOrThrow } from '../src/knowledge/index.js';
import { buildOrgGraph, renderOrgChartSvg, renderPng } from '../src/org-chart/index.js';
import { toLocalDate } from '../src/time/format-date.js';

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 && process.argv[at + 1] !== undefined ? (process.argv[at + 1] as string) : fallback;
}

const queries = createQueries(await loadKnowledgeOrThrow(option('knowledge', 'data')));
const municipality = option('municipality', '');
const lang = option('lang', 'da') === 'en' ? 'en' : 'da';
const out = option('out', 'build/org-chart.png');
const day = option('day', toLocalDate(new Date()));
const graph = buildOrgGraph(queries, municipality ? { kind: 'municipality', municipality } : { kind: 'all' }, lang, day);
const chart = await renderOrgChartSvg(graph);
await mkdir(path.dirname(out), { recursive: true });
await writeFile(out, await renderPng(chart.svg, chart.width, chart.height));
console.log(`${out}: ${graph.nodes.length} boxes, ${graph.edges.length} lines, ${chart.direction}`);
