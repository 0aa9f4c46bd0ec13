/**
 * A figure named by its own words: "ventelisten pr. 1. november 2026?", "hvor stor er ventelisten", "waiting list in
 * Havbjerg". No metric says what is counted, yet every word of the question besides its places, its day, its cues and
 * its question words is a word of one or a few figures: those figures are what is asked for.
 */
import type { Figure } from '../../knowledge/schemas.js';
import { GENERIC_WORDS, STOPWORDS } from '../normalize.js';
import type { Answer } from '../types.js';
import { shortDate, unique } from '../answer-context.js';
import { figureOwnersOf, figureTermIndex } from '../figure-owners.js';
import { done, name, within, type RelationContext } from './context.js';
import { figureOwnerName, measuredText } from './figure-measures.js';
import { municipalityAt } from './figures.js';

/** The most figures one question may name this way: more say that its words are too common to name one. */
const MOST = 3;

const TEXTS = {
  da: {
    asOf: (day: string) => `pr. ${day}`,
    none: (owner: string, day: string, stated: string) => `Dokumenterne giver intet tal for ${owner} pr. ${day}; de giver tal ${stated}.`,
  },
  en: {
    asOf: (day: string) => `as of ${day}`,
    none: (owner: string, day: string, stated: string) => `The documents give no figure for ${owner} on ${day}; they give figures ${stated}.`,
  },
} as const;

/**
 * The figures a question names by their own words, as of the day it names (else today's), when it asks no kind of
 * thing besides that day; undefined otherwise.
 */
export function answerNamedFigure(rc: RelationContext): Answer | undefined {
  const { u, kb, lexicon } = rc;
  // ("Hvor stor er ventelisten": a count asked with no metric and nothing a figure counts by its number.)
  if ((u.intents.has('figure') && u.metrics.length > 0) || [...u.intents].some((i) => i !== 'dates' && i !== 'figure')) return undefined;
  // A day named may be all that made it a question of dates ("pr. 1. november"); a kind of date or "when" asks for dates.
  // ("How long is the waiting list": a "when" read in a word that asks how big a thing is, asks no date.)
  const whenAt = u.kinds.get('when')?.positions ?? [];
  const sizeAsked = u.askedWhen && whenAt.some((p) => lexicon.sizeWords.has(u.tokens[p]!.form)) && whenAt.every((p) => lexicon.sizeWords.has(u.tokens[p]!.form) || lexicon.questionWords.has(u.tokens[p]!.form) || STOPWORDS.has(u.tokens[p]!.form));
  if ((u.askedWhen && !sizeAsked) || u.askedWho || u.dateKinds.size > 0) return undefined;
  if (u.intents.has('dates') && u.day === undefined && u.range === undefined && !sizeAsked) return undefined;
  const named = rc.subjects.flat().filter((l) => l.quality >= 0.9);
  // Only places say whose figure it is; a post, a person or a meeting named asks about that.
  if (rc.subjects.some((g) => g.some((l) => l.quality >= 0.9) && g.every((l) => l.kind !== 'units' && l.kind !== 'municipalities'))) return undefined;
  const places = unique(named.filter((l) => l.kind === 'units' || l.kind === 'municipalities').map((l) => l.id));
  const placeAt = new Set(municipalityAt(rc));
  // (A loose reading, "skolen" for Skoven, names no place: its words must be the figure's.)
  for (const l of named) for (let i = l.start; i < l.end; i++) placeAt.add(i);
  const content = u.tokens.filter(
    (tok, i) =>
      !placeAt.has(i) &&
      !u.cuePositions.has(i) &&
      !lexicon.questionWords.has(tok.form) &&
      !STOPWORDS.has(tok.form) &&
      !GENERIC_WORDS.has(tok.form) &&
      !lexicon.fillerWords.has(tok.form) &&
      !lexicon.pastWords.has(tok.form) &&
      !lexicon.sizeWords.has(tok.form) &&
      !/\d/.test(tok.form) &&
      tok.form.length >= 3,
  );
  if (content.length === 0 || !content.some((tok) => tok.form.length >= 5)) return undefined;
  const index = figureTermIndex(kb);
  const says = (f: Figure, terms: readonly string[]) => terms.some((t) => index.terms.get(f)?.has(t) === true);
  const { ownerOf } = figureOwnersOf(kb);
  const inScope = (f: Figure) => {
    const owner = ownerOf.get(f);
    return owner !== undefined && (places.length === 0 || places.some((id) => owner === id || within(kb, owner, id) || f.ofUnits?.includes(id) === true));
  };
  const found = unique(content[0]!.terms.flatMap((t) => index.byTerm.get(t) ?? [])).filter((f) => content.every((tok) => says(f, tok.terms)) && inScope(f));
  if (found.length === 0 || found.length > MOST) return undefined;
  const t = TEXTS[u.lang];
  const day = u.day ?? (u.range && u.range.from === u.range.to ? u.range.from : undefined);
  const holds = (f: Figure, on: string) => (f.validFrom === undefined || f.validFrom <= on) && (f.validUntil === undefined || on <= f.validUntil) && (f.period === undefined || (f.period.from <= on && on <= f.period.until));
  // On the day asked: a figure stated for that day, else one that holds then; with no day, those that hold today.
  const then = day !== undefined ? (found.some((f) => f.asOf === day) ? found.filter((f) => f.asOf === day) : found.filter((f) => f.asOf === undefined && holds(f, day))) : found.filter((f) => holds(f, rc.today));
  const line = (f: Figure) => {
    const owner = figureOwnerName(kb, ownerOf.get(f)!, f, u.lang);
    const text = f.text[u.lang].replace(/\.$/, '');
    const on = f.asOf && !text.includes(shortDate(f.asOf, u.lang)) ? ` (${t.asOf(shortDate(f.asOf, u.lang))})` : '';
    return `${owner.charAt(0).toUpperCase()}${owner.slice(1)}: ${measuredText(f, `${text}${on}`, u.lang)}.`;
  };
  if (then.length === 0) {
    if (day === undefined) return undefined;
    const owners = unique(found.map((f) => ownerOf.get(f)!));
    const stated = unique(found.flatMap((f) => (f.asOf ? [t.asOf(shortDate(f.asOf, u.lang))] : []))).join(u.lang === 'da' ? ' og ' : ' and ');
    if (stated === '') return undefined;
    return done(rc, 'unknown', t.none(name(kb, owners[0]!, u.lang, false), shortDate(day, u.lang), stated), found.map(line), found.map((f) => f.source));
  }
  return done(rc, 'answer', then.slice(0, 2).map(line).join(' '), then.slice(2).map(line), then.map((f) => f.source));
}
