/**
 * The Adaptive Card for an answer: the answer first, a few supporting lines, the source document's title, and
 * the rest (further lines, the quoted wording) behind "Vis mere"/"Show more" (`Action.ToggleVisibility`).
 */
import type { Answer, AnswerSection, Lang } from '../../answering/types.js';
import { escapeCardText } from '../escape.js';
import { teamsPhrases } from '../phrases.js';
import type { AdaptiveCard, CardElement } from './adaptive-card.js';
import { ADAPTIVE_CARD_SCHEMA, ADAPTIVE_CARD_VERSION, imBackAction } from './adaptive-card.js';

/** Caps that keep the card well under Teams' 40 KB message limit and readable on a phone. */
export const ANSWER_CARD_LIMITS = {
  sections: 8,
  /** Supporting lines shown before "show more". */
  visibleLines: 5,
  linesPerSection: 12,
  lineChars: 600,
  headlineChars: 1_000,
  suggestions: 3,
  /** The serialized card stays under this many bytes; trailing sections are dropped to fit. */
  bytes: 8_000,
} as const;

/** The id of the hidden details container, toggled by "show more". */
export const ANSWER_DETAILS_ID = 'details';

const LABELS: Record<Lang, { source: string; sources: string; more: (n: number) => string; tryAsking: string; quoted: string }> = {
  da: {
    source: 'Kilde',
    sources: 'Kilder',
    more: (n) => `… og ${n} mere (spørg mere præcist for at se resten)`,
    tryAsking: 'Prøv fx at spørge:',
    quoted: 'Ordlyd i kilden',
  },
  en: {
    source: 'Source',
    sources: 'Sources',
    more: (n) => `… and ${n} more (ask more precisely to see the rest)`,
    tryAsking: 'You could ask:',
    quoted: 'Wording in the source',
  },
};

// "Label: value" with a short label reads best as a FactSet row.
const FACT_LINE = /^([^:\n]{1,40}):\s+(\S[\s\S]*)$/;

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** Says a value once: "Frist (mandag den 6. april 2026): mandag den 6. april 2026" becomes "Frist: mandag den 6. april 2026". */
export function withoutRepeatedValue(text: string): string {
  return text.replace(/\s*\(([^()]{3,})\):\s*\1/g, (_match, value: string) => `: ${value}`);
}

function linesElements(lines: readonly string[]): CardElement[] {
  const facts = lines.map((line) => FACT_LINE.exec(line));
  if (lines.length > 1 && facts.every((match) => match !== null)) {
    return [{ type: 'FactSet', facts: facts.map((match) => ({ title: escapeCardText(match![1]!.trim()), value: escapeCardText(match![2]!.trim()) })) }];
  }
  return lines.map((line) => ({ type: 'TextBlock', text: `• ${escapeCardText(line)}`, wrap: true, spacing: 'Small' }));
}

function sectionElements(section: AnswerSection, lines: readonly string[], first: boolean): CardElement[] {
  const elements: CardElement[] = [];
  if (section.title.trim() !== '' && lines.length === 0) {
    // What the answer is about, with nothing under it: context, not a heading.
    return [{ type: 'TextBlock', text: escapeCardText(withoutRepeatedValue(section.title)), wrap: true, isSubtle: true, spacing: 'Small' }];
  }
  if (section.title.trim() !== '') {
    elements.push({
      type: 'TextBlock',
      text: escapeCardText(withoutRepeatedValue(section.title)),
      weight: 'Bolder',
      wrap: true,
      spacing: first ? 'Medium' : 'Large',
      ...(first ? {} : { separator: true }),
    });
  }
  elements.push(...linesElements(lines));
  return elements;
}

/** The sections worth showing (a section with neither title nor lines is left out), lines cleaned and capped. */
function shownSections(answer: Answer): { section: AnswerSection; lines: string[] }[] {
  return answer.sections
    .map((section) => ({
      section,
      lines: section.lines.slice(0, ANSWER_CARD_LIMITS.linesPerSection).map((line) => truncate(withoutRepeatedValue(line), ANSWER_CARD_LIMITS.lineChars)),
    }))
    .filter(({ section, lines }) => lines.length > 0 || section.title.trim() !== '');
}

/** The distinct source documents, by id. */
function distinctSources(answer: Answer): Answer['sources'] {
  const seen = new Set<string>();
  return answer.sources.filter((source) => !seen.has(source.doc) && seen.add(source.doc));
}

function assemble(answer: Answer, sectionCount: number): AdaptiveCard {
  const labels = LABELS[answer.lang];
  const p = teamsPhrases(answer.lang);
  const body: CardElement[] = [
    { type: 'TextBlock', text: escapeCardText(truncate(withoutRepeatedValue(answer.headline), ANSWER_CARD_LIMITS.headlineChars)), wrap: true, weight: 'Bolder', size: 'Medium' },
  ];
  const all = shownSections(answer);
  const sections = all.slice(0, sectionCount);
  const visible: CardElement[] = [];
  const details: CardElement[] = [];
  let budget: number = ANSWER_CARD_LIMITS.visibleLines;
  sections.forEach(({ section, lines }, index) => {
    const shown = lines.slice(0, Math.max(budget, 0));
    budget -= shown.length;
    if (shown.length > 0 || lines.length === 0) visible.push(...sectionElements(section, shown, index === 0));
    const rest = lines.slice(shown.length);
    if (rest.length > 0) details.push(...sectionElements(shown.length > 0 ? { ...section, title: '' } : section, rest, details.length === 0 && shown.length > 0));
  });
  body.push(...visible);
  const hidden = all.length - sections.length;
  if (hidden > 0) details.push({ type: 'TextBlock', text: escapeCardText(labels.more(hidden)), wrap: true, isSubtle: true });

  // The source line names the documents by title; the quoted (official Danish) wording is a detail.
  const sources = distinctSources(answer);
  if (sources.length > 0) {
    body.push({
      type: 'TextBlock',
      text: `${sources.length === 1 ? labels.source : labels.sources}: ${sources.map((source) => escapeCardText(source.title)).join('; ')}`,
      wrap: true,
      isSubtle: true,
      size: 'Small',
      spacing: 'Medium',
      separator: true,
    });
  }
  // The engine's own details ("Vis mere") already carry the quoted wording; older Answer values have only quotes.
  for (const line of answer.details ?? []) {
    details.push({ type: 'TextBlock', text: escapeCardText(truncate(withoutRepeatedValue(line), ANSWER_CARD_LIMITS.lineChars)), wrap: true, size: 'Small', spacing: 'Small', ...(line.startsWith('»') && { isSubtle: true }) });
  }
  const quotes = answer.details === undefined ? answer.sources.filter((source) => source.quote) : [];
  if (quotes.length > 0) {
    details.push({ type: 'TextBlock', text: labels.quoted, weight: 'Bolder', size: 'Small', wrap: true, spacing: 'Medium' });
    for (const source of quotes) details.push({ type: 'TextBlock', text: `»${escapeCardText(source.quote!)}«`, wrap: true, size: 'Small', isSubtle: true, spacing: 'Small' });
  }
  if (details.length > 0) {
    const toggle = { type: 'Action.ToggleVisibility', targetElements: [ANSWER_DETAILS_ID, 'show-more', 'show-less'] };
    body.push(
      { type: 'Container', id: ANSWER_DETAILS_ID, isVisible: false, items: details },
      { type: 'ActionSet', id: 'show-more', actions: [{ ...toggle, title: p.showMore }] },
      { type: 'ActionSet', id: 'show-less', isVisible: false, actions: [{ ...toggle, title: p.showLess }] },
    );
  }

  const suggestions = answer.suggestions.slice(0, ANSWER_CARD_LIMITS.suggestions);
  if (suggestions.length > 0) {
    body.push({ type: 'TextBlock', text: labels.tryAsking, wrap: true, size: 'Small', spacing: 'Medium' });
  }
  return {
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: ADAPTIVE_CARD_VERSION,
    body,
    ...(suggestions.length > 0 && { actions: suggestions.map((text) => imBackAction(truncate(text, 120))) }),
    msteams: { width: 'Full' },
  };
}

/**
 * Builds the Adaptive Card (schema 1.5) for an answer; every text from the engine is escaped, since it may echo the question.
 * @example buildAnswerCard(answerer.answer('Hvem er dagtilbudschef i Ballerup?'))
 */
export function buildAnswerCard(answer: Answer): AdaptiveCard {
  const limit = Math.min(answer.sections.length, ANSWER_CARD_LIMITS.sections);
  for (let count = limit; count > 0; count--) {
    const card = assemble(answer, count);
    if (Buffer.byteLength(JSON.stringify(card)) <= ANSWER_CARD_LIMITS.bytes) return card;
  }
  return assemble(answer, 0);
}
