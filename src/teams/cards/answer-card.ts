/**
 * The Adaptive Card for an answer: headline, sections, the cited source documents, and suggestions.
 */
import type { Answer, AnswerSection, Lang } from '../../answering/types.js';
import { escapeCardText } from '../escape.js';
import type { AdaptiveCard, CardElement } from './adaptive-card.js';
import { ADAPTIVE_CARD_SCHEMA, ADAPTIVE_CARD_VERSION, imBackAction } from './adaptive-card.js';

/** Caps that keep the card well under Teams' 40 KB message limit and readable on a phone. */
export const ANSWER_CARD_LIMITS = {
  sections: 8,
  linesPerSection: 12,
  lineChars: 600,
  headlineChars: 1_000,
  suggestions: 3,
  /** The serialized card stays under this many bytes; trailing sections are dropped to fit. */
  bytes: 8_000,
} as const;

const LABELS: Record<Lang, { source: string; sources: string; more: (n: number) => string; tryAsking: string }> = {
  da: {
    source: 'Kilde',
    sources: 'Kilder',
    more: (n) => `… og ${n} mere (spørg mere præcist for at se resten)`,
    tryAsking: 'Prøv fx at spørge:',
  },
  en: {
    source: 'Source',
    sources: 'Sources',
    more: (n) => `… and ${n} more (ask more precisely to see the rest)`,
    tryAsking: 'You could ask:',
  },
};

// "Label: value" with a short label reads best as a FactSet row.
const FACT_LINE = /^([^:\n]{1,40}):\s+(\S[\s\S]*)$/;

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function sectionElements(section: AnswerSection, first: boolean): CardElement[] {
  const elements: CardElement[] = [];
  if (section.title.trim() !== '') {
    elements.push({
      type: 'TextBlock',
      text: escapeCardText(section.title),
      weight: 'Bolder',
      wrap: true,
      spacing: first ? 'Medium' : 'Large',
      ...(first ? {} : { separator: true }),
    });
  }
  const lines = section.lines.slice(0, ANSWER_CARD_LIMITS.linesPerSection).map((line) => truncate(line, ANSWER_CARD_LIMITS.lineChars));
  const facts = lines.map((line) => FACT_LINE.exec(line));
  if (lines.length > 0 && facts.every((match) => match !== null)) {
    elements.push({
      type: 'FactSet',
      facts: facts.map((match) => ({ title: escapeCardText(match![1]!.trim()), value: escapeCardText(match![2]!.trim()) })),
    });
  } else {
    for (const line of lines) {
      elements.push({ type: 'TextBlock', text: `• ${escapeCardText(line)}`, wrap: true, spacing: 'Small' });
    }
  }
  return elements;
}

function assemble(answer: Answer, sectionCount: number): AdaptiveCard {
  const labels = LABELS[answer.lang];
  const body: CardElement[] = [
    { type: 'TextBlock', text: escapeCardText(truncate(answer.headline, ANSWER_CARD_LIMITS.headlineChars)), wrap: true, weight: 'Bolder', size: 'Medium' },
  ];
  const sections = answer.sections.slice(0, sectionCount);
  sections.forEach((section, index) => body.push(...sectionElements(section, index === 0)));
  const hidden = answer.sections.length - sections.length;
  if (hidden > 0) body.push({ type: 'TextBlock', text: escapeCardText(labels.more(hidden)), wrap: true, isSubtle: true });

  // Each source with the words it says them in: the Danish wording is the official one.
  const cited = answer.sources.map((source) => `${escapeCardText(source.title)}${source.quote ? `: »${escapeCardText(source.quote)}«` : ''}`);
  if (cited.length > 0) {
    body.push({
      type: 'TextBlock',
      text: `${cited.length === 1 ? labels.source : labels.sources}: ${cited.join('; ')}`,
      wrap: true,
      isSubtle: true,
      size: 'Small',
      spacing: 'Large',
      separator: true,
    });
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
