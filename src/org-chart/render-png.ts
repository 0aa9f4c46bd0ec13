/**
 * SVG to PNG with resvg (a prebuilt native renderer from npm) and the font shipped in the repository, so that
 * Danish letters (æ, ø, å) render the same on every machine whatever fonts it has installed.
 *
 * The font is DejaVu Sans Condensed (Debian's fonts-dejavu-core, `src/org-chart/fonts/`): its licence (Bitstream Vera,
 * DejaVu changes in the public domain; `src/org-chart/fonts/LICENSE-DejaVu.txt`) allows redistribution with the notice.
 * resvg reads TrueType files, not the WOFF/WOFF2 files of the @fontsource packages, hence the copied .ttf.
 */
import { fileURLToPath } from 'node:url';
// resvg (a native module) is loaded on the first chart (dynamic import), not at start.
import { CHART_FONT_FAMILY } from './render-svg.js';

// src/org-chart/ and dist/org-chart/ both sit two levels below the repository root.
// From the repository root, so the same path serves `src/org-chart/` (tsx) and `dist/org-chart/` (tsc copies no fonts).
const FONT_DIR = fileURLToPath(new URL('../../src/org-chart/fonts/', import.meta.url));

/** The font files the renderer loads (regular and bold). */
export const CHART_FONT_FILES: readonly string[] = [`${FONT_DIR}DejaVuSansCondensed.ttf`, `${FONT_DIR}DejaVuSansCondensed-Bold.ttf`];

/** Largest side of the PNG in pixels; larger charts are drawn at a smaller scale. */
export const MAX_PNG_SIDE = 6_000;

/** Options of {@link renderPng}. */
export interface RenderPngOptions {
  /** Pixels per SVG unit (default 1.5, sharp on high-density screens), reduced to fit {@link MAX_PNG_SIDE}. */
  readonly scale?: number;
}

/**
 * Renders SVG to PNG bytes with the shipped font only (no system fonts: the same picture everywhere).
 * @example const chart = await renderOrgChartSvg(graph); const png = await renderPng(chart.svg, chart.width, chart.height)
 */
export async function renderPng(svg: string, width: number, height: number, options: RenderPngOptions = {}): Promise<Buffer> {
  const { Resvg } = await import('@resvg/resvg-js');
  const scale = Math.min(options.scale ?? 1.5, MAX_PNG_SIDE / Math.max(width, height, 1));
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: Math.max(1, Math.round(width * scale)) },
    font: { fontFiles: [...CHART_FONT_FILES], loadSystemFonts: false, defaultFontFamily: CHART_FONT_FAMILY },
    background: '#ffffff',
  });
  return resvg.render().asPng();
}
