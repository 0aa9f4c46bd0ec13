/**
 * What a figure says besides its number: its unit of measure ("62 mio. kr."), the period it is for ("oktober 2026")
 * and, for a figure of several units together, those units. The figures answer shows each (when the figure's own text
 * does not already say it) and gives a figure of several units only for a question about all of them.
 */
import type { KnowledgeBase } from '../../knowledge/knowledge-base.js';
import type { Figure } from '../../knowledge/schemas.js';
import { nameOf, shortDate } from '../answer-context.js';
import { foldText } from '../normalize.js';
import { joinList } from '../phrases.js';
import type { Lang } from '../types.js';

/** A figure of several units together is asked about only when every one of them is among the items asked about. */
export function askedTogether(figure: Figure, asked: ReadonlySet<string>): boolean {
  return figure.ofUnits === undefined || figure.ofUnits.every((id) => asked.has(id));
}

/** One key per figure stated: a figure of several units is the same figure whichever of them found it. */
export function figureKey(owner: string, figure: Figure): string {
  return figure.ofUnits === undefined ? `${owner}|${figure.metric}|${figure.value}` : `${figure.ofUnits.join('+')}|${figure.metric}|${figure.value}`;
}

/** Whose figure it is, as the answer names it: the units together ("Børnekreds Bakken og Børnekreds Skoven"), else the owner. */
export function figureOwnerName(kb: KnowledgeBase, owner: string, figure: Figure, lang: Lang): string {
  if (figure.ofUnits === undefined) return nameOf(kb, owner, lang);
  return joinList(figure.ofUnits.map((id) => nameOf(kb, id, lang)), lang);
}

/** The figure's text, with its period and unit of measure added where the text does not say them. */
export function measuredText(figure: Figure, text: string, lang: Lang): string {
  const folded = foldText(text);
  const adds: string[] = [];
  const measure = figure.unitOfMeasure?.[lang];
  // Every word of the measure said somewhere ("DKK million" in "DKK 62 million") is the measure said.
  const said = (words: string) => foldText(words).split(/\s+/).map((w) => w.replace(/\.$/, '')).every((w) => w === '' || folded.includes(w));
  if (measure !== undefined && !said(measure)) adds.push(measure);
  const period = figure.period?.text?.[lang];
  if (period !== undefined && !said(period)) adds.push(period);
  return adds.length === 0 ? text : `${text} (${adds.join(', ')})`;
}

/** A figure's period as the answer says it: its own words ("oktober 2026"), else its first and last day. */
export function periodOf(period: NonNullable<Figure['period']>, lang: Lang): string {
  const text = period.text?.[lang];
  if (text !== undefined) return `${lang === 'da' ? 'i' : 'in'} ${text}`;
  return `${shortDate(period.from, lang)}–${shortDate(period.until, lang)}`;
}
