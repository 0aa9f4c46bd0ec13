/** The organisation chart: the knowledge base's reporting lines as a graph, laid out and drawn as SVG and PNG. */
export type { ChartLang, ChartScope, OrgEdge, OrgGraph, OrgNode } from './graph.js';
export { buildOrgGraph, describeLines, describeNode } from './graph.js';
export type { OrgChartSvg } from './render-svg.js';
export { CHART_FONT_FAMILY, escapeXml, renderOrgChartSvg, wrapText } from './render-svg.js';
export { CHART_FONT_FILES, MAX_PNG_SIDE, renderPng } from './render-png.js';
export type { ChartLink, ChartLinkCell, ChartLinks, ChartLinkState } from './chart-links.js';
export { ChartLinkStateSchema, createChartLinks, emptyChartLinkState, MAX_CHART_LINKS } from './chart-links.js';
export type { OrgChartCommand, ResolvedScope } from './command.js';
export { parseOrgChartCommand, resolveChartScope } from './command.js';
