/**
 * Things counted apart: "how many childminders and how many kids are there in Dagplejen", "hvor mange dagplejere og
 * dagplejepædagoger har dagplejen". Each thing counted is answered only by a figure that counts it (its metric, or the
 * word right after its number), never by one that merely says the word ("148 children in childminding" counts no
 * childminders): two things counted apart are two figures.
 */
import type { Figure } from '../../knowledge/schemas.js';
import type { Answer } from '../types.js';
import { foldText, STOPWORDS } from '../normalize.js';
import { countedPositions } from '../understand.js';
import { someFigure } from '../figure-owners.js';
import type { RelationContext } from './context.js';
import { countsAsked, countsJoined, countSpan } from './figures.js';

/**
 * The positions of the things a question counts apart: two or more words counted (right after a "how many", or listed
 * after one with an and-word), joined by an and-word, each of which some figure of the knowledge base counts. Empty
 * otherwise (a thing no figure counts is left to the other readings: it may be a name, a filler, or unknown).
 */
export function countedApart(rc: RelationContext): number[] {
  const known = APART.get(rc.u);
  if (known) return known;
  const found = findApart(rc);
  APART.set(rc.u, found);
  return found;
}

const APART = new WeakMap<object, number[]>();

function findApart(rc: RelationContext): number[] {
  const { u } = rc;
  if (!u.intents.has('figure')) return [];
  const at = [...new Set(countedPositions(u.tokens, [...u.cuePositions], rc.lexicon))].sort((a, b) => a - b);
  if (at.length < 2 || !countsJoined(rc, at)) return [];
  // Only words can be things counted: "og hvor mange fra 1. august" counts the first thing again, at another time.
  const time = rc.lexicon.timePhrases.coverage(u.tokens);
  if (at.some((i) => /\d/.test(u.tokens[i]!.form) || u.tokens[i]!.form.length < 3 || time.has(i))) return [];
  // (A place named is whose figure it is, never a thing counted: "and how many in dagplejen" counts the first thing
  // again, in that place. Right after its "how many" or an and-word, a name that a figure counts is counted:
  // "how many childminders", "dagplejere og dagplejepædagoger".)
  const places = new Set(rc.subjects.flat().filter((l) => l.kind === 'units' || l.kind === 'municipalities').flatMap((l) => Array.from({ length: l.end - l.start }, (_, k) => l.start + k)));
  const placed = (i: number) => {
    const before = u.tokens[i - 1]?.form ?? '';
    return STOPWORDS.has(before) && !u.cuePositions.has(i - 1) && !rc.lexicon.andWords.has(before);
  };
  if (at.some((i) => places.has(i) && (placed(i) || !isCountedName(rc, i)))) return [];
  if (!at.every((i) => someFigure(rc.kb, (f) => countsAt(rc, f, i)))) return [];
  return at;
}

/** A word that names a unit and is itself counted by a figure ("dagplejere": the childminding and its childminders). */
function isCountedName(rc: RelationContext, i: number): boolean {
  const word = rc.u.tokens[i]!.form;
  return someFigure(rc.kb, (f) => countsAsked(rc, f, word, countSpan(rc, word)));
}

/** True when the figure counts the word at the position: by its metric, or the word counted in its own text. */
export function countsAt(rc: RelationContext, f: Figure, i: number): boolean {
  const word = rc.u.tokens[i]!.form;
  for (const [metric, positions] of rc.u.metricAt) if (positions.includes(i) && metric === f.metric) return true;
  return countsAsked(rc, f, word, countSpan(rc, word));
}

/**
 * True unless the question counts things apart and the answer, a figure answer, leaves one of them uncounted: the
 * figures (of those the question reaches) whose sentences the answer gives must between them count each thing.
 */
export function countsEachApart(rc: RelationContext, answer: Answer, reached: ReadonlyArray<{ figure: Figure }>): boolean {
  const apart = countedApart(rc);
  if (apart.length === 0 || answer.kind !== 'answer') return true;
  const said = foldText(answer.headline);
  const given = reached.filter((c) => said.includes(foldText(c.figure.text[rc.u.lang].replace(/\.$/, ''))));
  return apart.every((i) => given.some((c) => countsAt(rc, c.figure, i)));
}
