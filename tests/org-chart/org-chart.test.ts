/**
 * The organisation chart over every knowledge base in the repository (data/ and tests/fixtures/kb-*): one box per
 * role or unit in the reporting lines, one line per reporting line, a PNG that decodes to a sensible size; and a
 * made-up organisation of more than 60 boxes that stays readable.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { createKnowledgeBase, createQueries, emptyKnowledgeData, loadKnowledgeOrThrow } from '../../src/knowledge/index.js';
import type { KnowledgeQueries } from '../../src/knowledge/index.js';
import { buildOrgGraph, describeLines, renderOrgChartSvg, renderPng, wrapText } from '../../src/org-chart/index.js';

/** A word as the SVG writes it (XML text: &, <, >, quotes escaped). */
const xmlText = (word: string) => word.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string);
import type { ChartLang, OrgGraph } from '../../src/org-chart/index.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));

async function knowledgeDirs(): Promise<string[]> {
  const fixtures = (await readdir(path.join(repo, 'tests/fixtures'), { withFileTypes: true }))
    .filter((entry) => entry.isDirectory() && entry.name.startsWith('kb-'))
    .map((entry) => path.join(repo, 'tests/fixtures', entry.name));
  return [path.join(repo, 'data'), ...fixtures];
}

const dirs = await knowledgeDirs();
const bases = await Promise.all(dirs.map(async (dir) => ({ dir: path.relative(repo, dir), queries: createQueries(await loadKnowledgeOrThrow(dir)) })));
/** A fixed day; the dated lines of the fixtures change on 2027-08-01. */
const DAY = '2026-11-30';
const cases = bases.flatMap(({ dir, queries }) =>
  queries.kb.data.municipalities.flatMap((m) => (['da', 'en'] as const).map((lang) => ({ dir, queries, municipality: m.id, lang }))),
);

/** The ids of the boxes and the [from, to] pairs of the lines drawn in an SVG. */
function drawn(svg: string): { boxes: string[]; lines: string[] } {
  return {
    boxes: [...svg.matchAll(/<g class="box" data-id="([^"]+)"/g)].map((m) => m[1] as string),
    lines: [...svg.matchAll(/<path class="line" data-from="([^"]+)" data-to="([^"]+)"/g)].map((m) => `${m[1]}>${m[2]}`),
  };
}

/**
 * The reporting lines the knowledge base states with an end in the municipality and holding on the day, read
 * straight from the data: dated lines on their days, undated lines and roles' `reportsTo` always.
 */
function statedLines(queries: KnowledgeQueries, municipality: string, day = DAY): Set<string> {
  const { data } = queries.kb;
  const holds = (l: { validFrom?: string | undefined; validUntil?: string | undefined }) => (l.validFrom ?? day) <= day && day <= (l.validUntil ?? day);
  const pairs = [
    ...data.reportingLines.filter(holds).map((l) => `${l.from}>${l.to}`),
    ...data.roles.flatMap((r) => r.reportsTo.map((to) => `${r.id}>${to}`)),
  ];
  const inside = (id: string) => queries.municipalityOf(id)?.id === municipality;
  return new Set(pairs.filter((pair) => {
    const [from, to] = pair.split('>') as [string, string];
    return from !== to && (inside(from) || inside(to));
  }));
}

async function checkPng(graph: OrgGraph) {
  const chart = await renderOrgChartSvg(graph);
  const png = PNG.sync.read(await renderPng(chart.svg, chart.width, chart.height));
  expect(png.width).toBeGreaterThanOrEqual(300);
  expect(png.height).toBeGreaterThanOrEqual(100);
  expect(Math.max(png.width, png.height)).toBeLessThanOrEqual(6_000);
  return { chart, png };
}

describe('renderOrgChartSvg', () => {
  it('finds municipalities with reporting lines in every knowledge base', () => {
    expect(bases.map((b) => b.dir)).toEqual(expect.arrayContaining(['data', 'tests/fixtures/kb-other']));
    expect(cases.filter((c) => statedLines(c.queries, c.municipality).size > 0).length).toBeGreaterThanOrEqual(8);
  });

  it.each(cases.map((c) => [`${c.dir} ${c.municipality} (${c.lang})`, c] as const))('draws %s: a box per role or unit, a line per reporting line', async (_name, c) => {
    const graph = buildOrgGraph(c.queries, { kind: 'municipality', municipality: c.municipality }, c.lang, DAY);
    const stated = statedLines(c.queries, c.municipality);
    const ends = new Set([...stated].flatMap((pair) => pair.split('>')));
    const { chart } = await checkPng(graph);
    const { boxes, lines } = drawn(chart.svg);
    expect(new Set(lines)).toEqual(stated);
    expect(lines).toHaveLength(stated.size);
    expect(new Set(boxes)).toEqual(ends);
    expect(boxes).toHaveLength(ends.size);
    for (const node of graph.nodes) {
      // Each official Danish name is written (possibly over several lines) in its box, escaped as XML text.
      for (const word of node.name.split(' ')) expect(chart.svg).toContain(xmlText(word.length > 20 ? word.slice(0, 20) : word));
      if (c.lang === 'en') expect(chart.svg).toContain(xmlText(node.labelEn.split(' ')[0]!));
    }
    expect(describeLines(graph)).toHaveLength(stated.size);
  });

  it.each([
    ['da', 'refererer til'],
    ['en', 'reports to'],
  ] as const)('lists the lines as alternative text (%s)', (lang: ChartLang, verb) => {
    const real = bases.find((b) => b.dir === 'data')!.queries;
    const lines = describeLines(buildOrgGraph(real, { kind: 'municipality', municipality: 'ballerup' }, lang, DAY));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toContain(verb);
  });

  it('draws the chain above and everyone below a named role', () => {
    const real = bases.find((b) => b.dir === 'data')!.queries;
    const graph = buildOrgGraph(real, { kind: 'around', ids: ['htk-klyngeleder'] }, 'da', DAY);
    expect(graph.edges).toContainEqual({ from: 'htk-klyngeleder', to: 'htk-dagtilbudschef' });
    expect(graph.nodes.map((n) => n.id)).not.toContain('htk-leder-af-staben');
  });

  it('draws the lines that hold on the day asked for, and a line under a condition dashed with its condition', async () => {
    const hvidmose = bases.find((b) => b.dir === 'tests/fixtures/kb-hvidmose')!.queries;
    const scope = { kind: 'around', ids: ['hvm-souschef'] } as const;
    const before = buildOrgGraph(hvidmose, scope, 'da', '2027-07-31');
    const after = buildOrgGraph(hvidmose, scope, 'da', '2027-08-01');
    expect(before.edges).toContainEqual(expect.objectContaining({ from: 'hvm-souschef', to: 'hvm-boernechef', condition: expect.stringContaining('fraværende') }));
    expect(after.edges).toContainEqual(expect.objectContaining({ from: 'hvm-souschef', to: 'hvm-kvarterchef', condition: expect.stringContaining('fraværende') }));
    expect(after.edges.some((e) => e.from === 'hvm-souschef' && e.to === 'hvm-boernechef')).toBe(false);
    const svg = (await renderOrgChartSvg(after)).svg;
    expect(svg).toMatch(/data-from="hvm-souschef" data-to="hvm-kvarterchef"[^>]*stroke-dasharray/);
    expect(svg).toContain('Referencelinjer pr. søndag den 1. august 2027');
    expect(describeLines(after).join('\n')).toMatch(/refererer til .* \(når: .*fraværende/);
  });

  it('keeps more than 60 boxes readable: text at full size, no side longer than the PNG limit', async () => {
    const queries = bigOrganisation(6, 11);
    const graph = buildOrgGraph(queries, { kind: 'municipality', municipality: 'storby' }, 'en', DAY);
    expect(graph.nodes.length).toBeGreaterThanOrEqual(60);
    const { chart, png } = await checkPng(graph);
    expect(drawn(chart.svg).boxes).toHaveLength(graph.nodes.length);
    // Shown at most ~1,400 units wide, the 12-unit text keeps at least 12 px on a 1,400 px screen.
    expect(chart.width).toBeLessThanOrEqual(1_400);
    expect(png.width / chart.width).toBeGreaterThanOrEqual(1);
  });

  it('wraps long names and marks what it cuts', () => {
    expect(wrapText('pædagogisk leder af vuggestuen i Børnehuset Stjernehuset', 20, 2)).toEqual(['pædagogisk leder af', 'vuggestuen i…']);
  });
});

/** A made-up municipality: a head, `areas` area leaders, `perArea` leaders under each. */
function bigOrganisation(areas: number, perArea: number): KnowledgeQueries {
  const data = emptyKnowledgeData();
  const source = { doc: 'storby.txt', quote: 'Storby Kommune' };
  data.documents.push({ id: 'storby.txt', title: 'Storby', titleEn: 'Storby', municipality: 'storby', kind: 'other' });
  data.municipalities.push({ id: 'storby', name: 'Storby Kommune', names: [], labelEn: 'Storby Municipality', namesEn: [], figures: [], source });
  const role = (id: string, name: string, labelEn: string, reportsTo: string[]) => ({
    id, name, names: [], labelEn, namesEn: [], municipality: 'storby', reportsTo, responsibilities: [], competences: [], education: [], conditions: [], source,
  });
  data.roles.push(role('chef', 'dagtilbudschef', 'head of day care', []));
  for (let a = 1; a <= areas; a++) {
    data.roles.push(role(`omraade-${a}`, `områdeleder for Område ${a} Ærø Østergård`, `area leader of area ${a}`, ['chef']));
    for (let l = 1; l <= perArea; l++) data.roles.push(role(`leder-${a}-${l}`, `pædagogisk leder i Børnehuset Ålykke ${a}.${l}`, `pedagogical leader ${a}.${l}`, [`omraade-${a}`]));
  }
  return createQueries(createKnowledgeBase(data));
}
