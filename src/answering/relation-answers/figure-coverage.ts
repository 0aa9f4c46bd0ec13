/**
 * Which figure a question asks for, by how much of the question each figure's OWN words cover: every figure the
 * question can reach (the items it names, the units around them, the figures its words name) is scored by the question's
 * words its text, its metric, its unit of measure and its owner's names say. The lexicon's metric list is one way in,
 * not the only one: a figure named in words the lexicon never listed, but its own text uses, is found; a word no figure
 * says is not answered by another thing's figure.
 */
import type { Figure } from '../../knowledge/schemas.js';
import { analyzeText, foldText, GENERIC_WORDS, primaryStem, STOPWORDS, termsOf, tokenize } from '../normalize.js';
import type { Answer } from '../types.js';
import type { QuestionKind } from '../lexicon/lexicon.js';
import type { Token } from '../normalize.js';
import { shortDate, unique } from '../answer-context.js';
import { figureOwnersOf, figureTermIndex, figuresOfUnits } from '../figure-owners.js';
import { namesOf } from '../facts.js';
import { done, type RelationContext } from './context.js';
import { askedTogether, figureOwnerName, measuredText, measureWordsOf } from './figure-measures.js';
import { TEXTS } from './texts.js';
import { MONTH_NAMES } from '../../time/format-date.js';
import { countedApart, countsAt } from './figure-counted-apart.js';

/** A figure the question reaches, with the positions of the question's words it covers. */
export interface CoveredFigure {
  readonly owner: string;
  readonly figure: Figure;
  readonly covered: ReadonlySet<number>;
}

/** The most figures one question scores: the items named and their surroundings, never the whole knowledge base. */
const MOST_CANDIDATES = 160;
/** A word whose figures are more than this many says too little to bring figures in by itself (at 100x: "børn"). */
const MOST_BY_WORD = 48;

/**
 * The positions of the words that say WHAT is asked: not a cue of a kind of question (a metric's word is one: it says
 * what is counted), not a question word, a filler, a word of time or a number, a stopword or a generic word.
 */
export function askedWordPositions(rc: RelationContext): number[] {
  const { u, lexicon } = rc;
  const metricAt = new Set([...u.metricAt.values()].flat());
  const time = new Set([...lexicon.timePhrases.coverage(u.tokens), ...lexicon.changeWords.coverage(u.tokens)]);
  // The cues of counting and of time only: a cue of another kind ("ansøgere") may be the very thing counted.
  const cues = new Set([...COUNT_AND_TIME_KINDS].flatMap((k) => u.kinds.get(k)?.positions ?? []));
  return u.tokens.flatMap((tok, i) => {
    if (metricAt.has(i)) return [i];
    if (cues.has(i) || time.has(i)) return [];
    const form = tok.form;
    if (form.length < 3 || /\d/.test(form) || STOPWORDS.has(form) || GENERIC_WORDS.has(form)) return [];
    if (lexicon.questionWords.has(form) || lexicon.fillerWords.has(form) || lexicon.pastWords.has(form) || lexicon.sizeWords.has(form) || lexicon.countModifiers.has(form)) return [];
    if (MONTHS.has(form) || MONTHS.has(form.replace(/\.$/, '')) || MONTH_SHORT.has(form)) return [];
    return [i];
  });
}

/** Month names' short forms ("okt", "oct", "sept"). */
const MONTH_SHORT: ReadonlySet<string> = new Set(
  'jan feb mar apr maj jun jul aug sep sept okt oct nov dec'.split(' '),
);

/** The kinds of question whose cues say how or when a figure is asked, never what it counts. */
const COUNT_AND_TIME_KINDS: ReadonlySet<QuestionKind> = new Set(['figure', 'total', 'after-change', 'before-change', 'change-compare', 'next', 'upcoming', 'when']);

const MONTHS: ReadonlySet<string> = new Set(
  'januar februar marts april maj juni juli august september oktober november december january february march may june july october'.split(' '),
);

/** The owners a question's names reach: the units and municipalities named, a post's unit and the units it leads, a person's post's. */
function namedOwners(rc: RelationContext): string[] {
  const out: string[] = [];
  for (const l of rc.subjects.flat()) {
    const entry = rc.kb.get(l.id);
    if (!entry) continue;
    if (entry.kind === 'units' || entry.kind === 'municipalities') out.push(l.id);
    else if (entry.kind === 'roles') {
      const unit = (entry.item as { unit?: string }).unit;
      if (unit) out.push(unit);
      out.push(...rc.relations.ledBy(l.id));
    } else if (entry.kind === 'people') {
      const role = (entry.item as { role?: string }).role;
      if (role) out.push(...rc.relations.ledBy(role));
    }
  }
  return unique([...out, ...rc.municipalities]);
}

/** The figures a question can reach, bounded: of the owners named, the units above and below them, and those its rarer words name. */
function candidates(rc: RelationContext, asked: readonly number[]): Array<{ owner: string; figure: Figure }> {
  const { kb, relations, u } = rc;
  const seen = new Set<Figure>();
  const out: Array<{ owner: string; figure: Figure }> = [];
  const add = (owner: string, figure: Figure) => {
    if (out.length >= MOST_CANDIDATES || seen.has(figure)) return;
    seen.add(figure);
    out.push({ owner, figure });
  };
  const owners = namedOwners(rc);
  const only = kb.data.municipalities.length === 1 ? kb.data.municipalities[0]!.id : undefined;
  for (const id of owners) {
    for (const f of relations.figures(id)) add(f.owner, f.figure);
    for (const f of figuresOfUnits(kb, id)) add(f.owner, f.figure);
    // Above: a unit above may state the figure of the one named ("142 børn i Børnecenter Hasselbo").
    for (let current = (kb.get(id)?.item as { parent?: string } | undefined)?.parent, depth = 0; current && depth < 6; depth++) {
      for (const f of relations.figures(current)) add(f.owner, f.figure);
      current = (kb.get(current)?.item as { parent?: string } | undefined)?.parent;
    }
    // Below, two levels.
    for (const child of relations.childUnits(id)) {
      for (const f of relations.figures(child)) add(f.owner, f.figure);
      for (const grandchild of relations.childUnits(child)) for (const f of relations.figures(grandchild)) add(f.owner, f.figure);
    }
  }
  // With no place named, a knowledge base of one municipality: its own figures and those of its top units.
  if (owners.length === 0 && only) {
    for (const f of relations.figures(only)) add(f.owner, f.figure);
    for (const child of relations.childUnits(only)) for (const f of relations.figures(child)) add(f.owner, f.figure);
  }
  // The figures a rarer word of the question names by their own text.
  const index = figureTermIndex(kb);
  const { ownerOf } = figureOwnersOf(kb);
  for (const i of asked) {
    for (const term of u.tokens[i]!.terms) {
      for (const list of [index.byTerm.get(term), index.byPart.get(term)]) {
        if (!list || list.length > MOST_BY_WORD) continue;
        for (const f of list) add(ownerOf.get(f)!, f);
      }
    }
  }
  return out;
}

/** The terms of each name of the items the question links at each position asked (surely linked only). */
function linkedNameTerms(rc: RelationContext, asked: readonly number[]): Map<number, Array<readonly string[]>> {
  const out = new Map<number, Array<readonly string[]>>();
  const links = rc.subjects.flat().filter((l) => l.quality >= 0.9);
  for (const i of asked) {
    const ids = unique(links.filter((l) => l.start <= i && i < l.end).map((l) => l.id));
    const names = ids.flatMap((id) => {
      const entry = rc.kb.get(id);
      return entry ? namesOf(entry).map(phraseOf) : [];
    });
    if (names.length > 0) out.set(i, names);
  }
  return out;
}

/** A text's words as their first stems, in order (stopwords and all: a name is matched as a phrase). */
function phraseOf(text: string): string[] {
  return tokenize(foldText(text)).map(primaryStem);
}

const FIGURE_PHRASES = new WeakMap<Figure, ReadonlyArray<readonly string[]>>();

/** True when a name's words stand together, in order, in the figure's text (either language). */
function saysPhrase(f: Figure, name: readonly string[]): boolean {
  let phrases = FIGURE_PHRASES.get(f);
  if (!phrases) FIGURE_PHRASES.set(f, (phrases = [phraseOf(f.text.da), phraseOf(f.text.en)]));
  if (name.length === 0) return false;
  return phrases.some((words) => words.some((_, k) => name.every((w, j) => words[k + j] === w)));
}

/** The terms of an owner's names (and of the units a figure is of together), made once per knowledge base and owner. */
function ownerTerms(rc: RelationContext, owner: string, f: Figure): ReadonlySet<string> {
  const key = f.ofUnits ? `${owner}+${f.ofUnits.join('+')}` : owner;
  let byOwner = OWNER_TERMS.get(rc.kb);
  if (!byOwner) OWNER_TERMS.set(rc.kb, (byOwner = new Map()));
  let terms = byOwner.get(key);
  if (!terms) {
    const ids = [owner, ...(f.ofUnits ?? [])];
    terms = new Set(ids.flatMap((id) => {
      const entry = rc.kb.get(id);
      return entry ? namesOf(entry).flatMap((n) => [...termsOf(n)]) : [];
    }));
    byOwner.set(key, terms);
  }
  return terms;
}

const OWNER_TERMS = new WeakMap<object, Map<string, ReadonlySet<string>>>();

/**
 * How surely the figure says the question's word at `i`: 3 when its metric is the one the word names; 2 when its own text, its metric, its unit of measure or a
 * synonym of the lexicon says it; 1 when only its owner's name says it, or only a part of one of its compounds does
 * (never for a word that names a metric: "kids" is no word of "14 børnecentre"); 0 when it does not.
 */
function saysWord(rc: RelationContext, c: { owner: string; figure: Figure }, i: number, own: ReadonlySet<string>, metricOf: ReadonlyMap<number, readonly string[]>, askedMetrics: ReadonlySet<string>, namesAt: ReadonlyMap<number, ReadonlyArray<readonly string[]>>): number {
  const tok: Token = rc.u.tokens[i]!;
  const index = figureTermIndex(rc.kb);
  const terms = index.terms.get(c.figure);
  const parts = index.parts.get(c.figure);
  const metrics = metricOf.get(i) ?? [];
  // (Its metric and its text both: the surest, "børn" of "810 børn" beside "17 børn på venteliste", metric other.)
  if (metrics.includes(c.figure.metric)) return 3;
  // A word that names a metric is said only by a figure of that metric ("children" in "6 children's houses" counts
  // houses), or by the text of a figure whose own metric another word asked names ("how many houses have a souschef":
  // "9 af de 14 børnehuse har en souschef", deputies), or whose text says another word asked that names no metric
  // ("children's centres had a vice head": "9 of the 14 children's centres have a deputy leader (viceleder)"):
  // the caller decides the last (OTHER_METRIC).
  if (metrics.length > 0 && !askedMetrics.has(c.figure.metric)) return tok.terms.some((t) => terms?.has(t) === true) ? OTHER_METRIC : 0;
  if (tok.terms.some((t) => terms?.has(t) === true)) return 2;
  if (measureWordsOf(rc, c.figure).has(tok.form)) return 2;
  const synonym = rc.lexicon.synonyms.get(tok.form);
  if (synonym && [...termsOf(synonym)].every((t) => terms?.has(t) === true)) return 2;
  // A word of a name the question links is said by any name of the item it links ("vice head": "viceleder").
  if ((namesAt.get(i) ?? []).some((name) => saysPhrase(c.figure, name))) return 2;
  if (tok.terms.some((t) => own.has(t))) return 1;
  if (tok.terms.some((t) => parts?.has(t) === true)) return 1;
  return 0;
}

/** A metric's word said by the text of a figure of another metric: said only when the figure says a word that names no metric. */
const OTHER_METRIC = -1;

/** A figure the question reaches, with how surely it says each of the question's words. */
export interface ScoredFigure extends CoveredFigure {
  /** The sum of {@link saysWord} over the words asked. */
  readonly score: number;
  /** How many words asked the figure itself says (not only its owner's name or a part of a compound). */
  readonly ownSaid: number;
  /** True when it says every word asked surely: by its own text, metric or measure, a place's name by being that place's. */
  readonly surely: boolean;
  /** The positions of the words asked it says surely (by its own text, metric or measure), or as the place it is of. */
  readonly said: ReadonlySet<number>;
}

/** Every figure the question reaches, with what it covers, the best first (ties: the order found). */
export function coveringFigures(rc: RelationContext): { asked: number[]; ranked: ScoredFigure[]; placeAt: ReadonlySet<number> } {
  const asked = askedWordPositions(rc);
  if (asked.length === 0) return { asked, ranked: [], placeAt: new Set() };
  const metricOf = new Map<number, string[]>();
  for (const [m, positions] of rc.u.metricAt) for (const p of positions) metricOf.set(p, [...(metricOf.get(p) ?? []), m]);
  const askedMetrics = new Set(asked.flatMap((i) => metricOf.get(i) ?? []));
  const namesAt = linkedNameTerms(rc, asked);
  // (A place's name singles out no figure of another metric: "children in Netværk Engen" is no "6 children's houses".)
  const placeLinks = rc.subjects.flat().filter((l) => l.kind === 'units' || l.kind === 'municipalities');
  // (A thing counted apart from another is counted, not the place whose figure it is: "how many childminders and kids".)
  const apart = new Set(countedApart(rc));
  const placeAt = new Set(placeLinks.flatMap((l) => Array.from({ length: l.end - l.start }, (_, k) => l.start + k)).filter((i) => !apart.has(i)));
  // A figure of several units together answers only when all of them are asked about.
  const named = new Set(rc.subjects.flat().map((l) => l.id));
  const ranked = candidates(rc, asked).filter((c) => askedTogether(c.figure, named)).map((c) => {
    const own = ownerTerms(rc, c.owner, c.figure);
    // A place the question names is said by a figure of that place only (its owner, or one of the units it is of):
    // "38 dagplejere i Hvidmose Dagpleje" says "Hvidmose" but is no figure of Dagtilbud Hvidmose.
    const ofPlace = (i: number) => {
      const ids = placeLinks.filter((l) => l.start <= i && i < l.end).map((l) => l.id);
      return ids.length === 0 || ids.some((id) => id === c.owner || c.figure.ofUnits?.includes(id) === true);
    };
    // (A thing counted apart from another is said only by a figure that counts it: figure-counted-apart.ts.)
    const raw = asked.map((i) => (ofPlace(i) && (!apart.has(i) || countsAt(rc, c.figure, i)) ? saysWord(rc, c, i, own, metricOf, askedMetrics, namesAt) : 0));
    const singled = asked.some((i, k) => raw[k]! >= 2 && (metricOf.get(i) ?? []).length === 0 && !placeAt.has(i));
    const sure = raw.map((x) => (x === OTHER_METRIC ? (singled ? 2 : 0) : x));
    const surely = asked.every((i, k) => sure[k]! >= 2 || (sure[k]! > 0 && placeAt.has(i)));
    const said = new Set(asked.filter((i, k) => sure[k]! >= 2 || (sure[k]! > 0 && placeAt.has(i))));
    return { ...c, covered: new Set(asked.filter((_, k) => sure[k]! > 0)), score: sure.reduce((a, b) => a + b, 0), ownSaid: sure.filter((x) => x >= 2).length, surely, said };
  });
  ranked.sort((a, b) => b.covered.size - a.covered.size || b.score - a.score);
  return { asked, ranked, placeAt };
}

/** True when the figure holds on the day (its validity, its period). */
function holdsOn(f: Figure, day: string): boolean {
  return (f.validFrom === undefined || f.validFrom <= day) && (f.validUntil === undefined || day <= f.validUntil) && (f.period === undefined || (f.period.from <= day && day <= f.period.until));
}

/**
 * Of the figures that say every word asked, the ones to answer with: the best said; of those, the ones stated for the
 * day asked (else holding then), else holding today, else the first to come. Several only when they tie in everything.
 */
export function bestCovering(rc: RelationContext, surely = false): ScoredFigure[] {
  const { asked, ranked } = coveringFigures(rc);
  // The figure itself must say something asked: its owner's name alone says no figure ("how many X in Mågen").
  const full = ranked.filter((c) => c.covered.size === asked.length && c.ownSaid > 0 && (!surely || c.surely));
  if (full.length === 0) return [];
  return onTheDay(rc, full.filter((c) => c.score === full[0]!.score));
}

/**
 * Of figures that say the same words equally well, the ones to answer with: those stated for the day asked (else holding
 * then), else holding today, else the first to come; the latest stated of those.
 */
function onTheDay(rc: RelationContext, top: readonly ScoredFigure[]): ScoredFigure[] {
  const day = rc.u.day ?? (rc.u.range ? rc.u.range.to : undefined);
  // A figure whose own text says the month asked ("23 af børnene ... før 1. februar 2027", asked "before february")
  // is about that month: the day is part of what it counts, not the day it is asked for.
  const saysMonth = (f: Figure) => {
    if (day === undefined) return false;
    const month = Number(day.slice(5, 7)) - 1;
    const text = tokenize(foldText(`${f.text.da} ${f.text.en}`));
    return [MONTH_NAMES.da[month]!, MONTH_NAMES.en[month]!].some((m) => text.includes(foldText(m))) && text.includes(day.slice(0, 4));
  };
  const onDay = day !== undefined ? top.filter((c) => c.figure.asOf === day || (c.figure.asOf === undefined && holdsOn(c.figure, day)) || saysMonth(c.figure)) : [];
  const today = top.filter((c) => holdsOn(c.figure, rc.today) && (c.figure.asOf === undefined || c.figure.asOf <= rc.today));
  const coming = top.filter((c) => c.figure.validFrom !== undefined && c.figure.validFrom > rc.today).sort((a, b) => a.figure.validFrom!.localeCompare(b.figure.validFrom!));
  // "After the change" with no day: a figure that begins after today, else one of today's that does not end (one
  // that ends before the change is no answer).
  const afterChange = rc.u.kinds.has('after-change') && !rc.u.kinds.has('before-change') && !rc.u.kinds.has('change-compare');
  const lasting = today.filter((c) => c.figure.validUntil === undefined && c.figure.period === undefined);
  const then = day !== undefined ? (onDay.length > 0 ? onDay : day > rc.today ? coming.slice(0, 1) : []) : afterChange ? (coming.length > 0 ? coming.slice(0, 1) : lasting) : today.length > 0 ? today : coming.slice(0, 1);
  // The latest stated of those ("pr. 1. november" after "pr. 1. oktober").
  const latest = then.map((c) => c.figure.asOf ?? '').sort().at(-1);
  return then.filter((c) => (c.figure.asOf ?? '') === latest);
}

/** The most figures scored for a pair of them: the best covering ones (a pair is checked for every two of them). */
const MOST_PAIRED = 40;

/**
 * "hvor mange børn og hvor mange vuggestuer er der i Vuggesporet", "kids in Havnen and how many matrikler": two things
 * asked, joined by an and-word, that no one figure says together: the two figures that between them say every word
 * asked surely, one a word before the and-word that the other does not say, the other one after it; each of a place
 * named (when one is). (Said surely by one of the two, every word is: a pair answers in place of an answer too.) Of the pairs, the best said; each side chosen for the day as one figure is. Empty when none.
 */
export function coveringPair(rc: RelationContext): ScoredFigure[] {
  const { u, lexicon } = rc;
  const joins = u.tokens.flatMap((tok, i) => (lexicon.andWords.has(tok.form) ? [i] : []));
  if (joins.length !== 1) return [];
  const join = joins[0]!;
  const { asked, ranked, placeAt } = coveringFigures(rc);
  if (asked.length < 2) return [];
  const places = asked.filter((i) => placeAt.has(i));
  const ofPlace = (c: ScoredFigure) => places.length === 0 || places.some((i) => c.said.has(i));
  const own = (c: ScoredFigure) => [...c.said].filter((i) => !placeAt.has(i));
  const parts = ranked.filter((c) => c.ownSaid > 0 && c.said.size < asked.length && own(c).length > 0 && ofPlace(c)).slice(0, MOST_PAIRED);
  let best: [ScoredFigure, ScoredFigure] | undefined;
  for (let a = 0; a < parts.length; a++) {
    for (let b = a + 1; b < parts.length; b++) {
      const [x, y] = [parts[a]!, parts[b]!];
      if (!asked.every((i) => x.said.has(i) || y.said.has(i))) continue;
      const only = (p: ScoredFigure, q: ScoredFigure) => own(p).filter((i) => !q.said.has(i));
      const sides = (p: ScoredFigure, q: ScoredFigure) => only(p, q).some((i) => i < join) && only(q, p).some((i) => i > join);
      if (!sides(x, y) && !sides(y, x)) continue;
      if (!best || x.score + y.score > best[0].score + best[1].score) best = [x, y];
    }
  }
  if (!best) return [];
  // Each side: the figures that say the same words as well as it, for the day asked.
  const alike = (c: ScoredFigure) => parts.filter((o) => o.score === c.score && o.said.size === c.said.size && [...o.said].every((i) => c.said.has(i)));
  // (In the order the question asks them.)
  const sides = [...best].sort((a, b) => Math.min(...own(a)) - Math.min(...own(b))).map((c) => onTheDay(rc, alike(c)));
  if (sides.some((side) => side.length !== 1)) return [];
  return sides.flat();
}

/** The figures that say every word a "how many" asks, as an answer; undefined when no figure does. */
export function answerCoveredFigure(rc: RelationContext, surely = false): Answer | undefined {
  if (!rc.u.intents.has('figure') || rc.u.attributes.length > 0) return undefined;
  const single = bestCovering(rc, surely);
  const best = single.length > 0 ? single : coveringPair(rc);
  if (best.length === 0 || best.length > 2) return undefined;
  const { u, kb } = rc;
  const t = TEXTS[u.lang];
  const line = (c: ScoredFigure) => {
    const f = c.figure;
    const text = f.text[u.lang].replace(/\.$/, '');
    const when = f.validFrom && f.validFrom > rc.today && !text.includes(shortDate(f.validFrom, u.lang))
      ? ` (${u.lang === 'da' ? 'fra' : 'from'} ${shortDate(f.validFrom, u.lang)})`
      : f.asOf && !text.includes(shortDate(f.asOf, u.lang)) ? ` (${u.lang === 'da' ? 'pr.' : 'as of'} ${shortDate(f.asOf, u.lang)})` : '';
    return t.figure(figureOwnerName(kb, c.owner, f, u.lang), measuredText(f, `${text}${when}`, u.lang));
  };
  return done(rc, 'answer', best.map(line).join(' '), [], best.map((c) => c.figure.source));
}

/**
 * True when a figure answer's headline says every word asked: its terms, a metric it names, or a name of the item a
 * word links. A refusal says none.
 */
export function saysEveryWordAsked(rc: RelationContext, answer: Answer): boolean {
  if (answer.kind !== 'answer') return false;
  const asked = askedWordPositions(rc);
  const text = foldText(answer.headline);
  const terms = termsOf(text);
  const metrics = new Set(rc.lexicon.metrics.match(analyzeText(text)).keys());
  const metricOf = new Map<number, string[]>();
  for (const [m, positions] of rc.u.metricAt) for (const p of positions) metricOf.set(p, [...(metricOf.get(p) ?? []), m]);
  // (A name the question links is said by any name of the item it links, whole: "FaDa" by "Fagcenter Dagtilbud".)
  const linkedAt = (i: number) => rc.subjects.flat().filter((l) => l.start <= i && i < l.end);
  const namedIn = (i: number) => linkedAt(i).some((l) => {
    const entry = rc.kb.get(l.id);
    return entry !== undefined && namesOf(entry).some((n) => {
      const own = [...termsOf(n)];
      return own.length > 0 && own.every((term) => terms.has(term));
    });
  });
  const said = (i: number) => namedIn(i) || rc.u.tokens[i]!.terms.some((term) => terms.has(term)) || (metricOf.get(i) ?? []).some((m) => metrics.has(m));
  return asked.every(said);
}
