/**
 * Figures by metric, for the items and municipalities named.
 */
import type { Figure } from '../../knowledge/schemas.js';
import { joinList } from '../phrases.js';
import { analyzeText, foldText, GENERIC_WORDS, primaryStem, STOPWORDS, termsOf, tokenize } from '../normalize.js';
import type { Link } from '../linking.js';
import type { Lexicon } from '../lexicon/lexicon.js';
import type { Answer, Lang } from '../types.js';
import { countedPositions } from '../understand.js';
import { countsWord } from '../answer-general.js';
import { figuresOfUnits, figureTermIndex, someFigure } from '../figure-owners.js';
import { shortDate, unique } from '../answer-context.js';
import { done, name, subjectsOf, type RelationContext } from './context.js';
import { unknownWith } from './partly-known.js';
import { namesOf } from '../facts.js';
import { explainsWords } from './org-changes.js';
import { TEXTS } from './texts.js';
import { unitsLedByRole } from './holder-units.js';
import { askedTogether, figureKey, figureOwnerName, measuredText, measureWordsOf } from './figure-measures.js';

// ---------------------------------------------------------------------------------------------
// Figures by metric

/**
 * "Hvor mange børnehuse er der i hvert kvarter?", "in each district": the units whose Danish or English name begins
 * with the word after an each-word ("Kvarter Åen", "District Skoven"), when two or more do; else none.
 */
export function eachUnits(rc: RelationContext): { ids: string[]; at?: number } {
  const forms = rc.u.tokens.map((t) => t.form);
  for (let i = 0; i < forms.length; i++) {
    const each = rc.lexicon.eachWords.find((words) => words.every((w, k) => forms[i + k] === w));
    if (!each) continue;
    let next = i + each.length;
    while (next < forms.length && STOPWORDS.has(forms[next]!)) next++;
    const token = rc.u.tokens[next];
    if (!token) continue;
    const stem = primaryStem(token.form);
    const units = rc.kb.data.units.filter((unit) => [unit.name, unit.labelEn].some((n) => {
      const first = tokenize(foldText(n))[0];
      return first !== undefined && primaryStem(first) === stem;
    }));
    if (units.length >= 2) return { ids: units.map((unit) => unit.id), at: next };
  }
  return { ids: [] };
}

/**
 * How far after a figure's number a word counted may stand: right after it when some figure counts the word so
 * ("47 dagplejere" before "186 børn i dagplejen"), else within the usual span.
 */
export function countSpan(rc: RelationContext, word: string): number | undefined {
  const known = SPANS.get(rc.kb) ?? new Map<string, number | undefined>();
  SPANS.set(rc.kb, known);
  if (known.has(word)) return known.get(word);
  const span = someFigure(rc.kb, (f) => countsWord(f, word, 1)) ? 1 : undefined;
  known.set(word, span);
  return span;
}

/**
 * True when a figure gives a number of a word the question counts: {@link countsWord}, or the word's everyday synonym
 * of the lexicon ("places": "pladser"), or the word said right before the number with a word of capacity between
 * ("plads til 80 børn", "room for 80 children" for "pladser", "places").
 */
export function countsAsked(rc: RelationContext, f: Figure, word: string, span: number | undefined): boolean {
  const synonym = rc.lexicon.synonyms.get(word);
  const words = synonym && !synonym.includes(' ') ? [word, synonym] : [word];
  return words.some((w) => countsWord(f, w, span) || countedBefore(f, w, rc.lexicon)) || measureWordsOf(rc, f).has(word);
}


/**
 * "plads til 80", "room for 80": the word, one of a few linking words (the lexicon's `capacityLinkWords`), then a number;
 * "Sygefravær 5,8" of an uncounted metric.
 */
function countedBefore(f: Figure, word: string, lexicon: Pick<Lexicon, 'capacityLinkWords' | 'numberOfWords'>): boolean {
  const stem = primaryStem(word);
  if (stem.length < 4) return false;
  return (['da', 'en'] as const).some((lang) => {
    const words = tokenize(foldText(f.text[lang]));
    return words.some((w, i) => {
      // A figure named by its noun ("Sygefravær 5,8 procent", metric `other`) may give the number right after it.
      const linked = /^\d/.test(words[i + 2] ?? '') && lexicon.capacityLinkWords.has(words[i + 1]!);
      // "antallet af børnetune falder fra 4 til 3", "the number of deputy leaders rises": the figure numbers the word.
      const numbered = i >= 2 && lexicon.numberOfWords.has(`${words[i - 2]} ${words[i - 1]}`);
      if (!linked && !numbered && !(f.metric === 'other' && /^\d/.test(words[i + 1] ?? ''))) return false;
      // Stems of one word's forms may differ by a letter ("plads", "pladser"): one begins the other.
      const other = primaryStem(w);
      return other.length >= 4 && (other.startsWith(stem) || stem.startsWith(other));
    });
  });
}

/** {@link countSpan} per knowledge base and word: the same for every question (the figures do not change). */
const SPANS = new WeakMap<object, Map<string, number | undefined>>();

/**
 * What is counted, besides the metrics: the words of the question that a figure's own text counts ("38 dagplejere",
 * "92 childminders", "120 vuggestuepladser"): the schema's metrics differ between municipalities, the figure's words do not.
 */
export function countedWords(rc: RelationContext): string[] {
  const { u } = rc;
  const metricWords = new Set([...u.metricAt.values()].flat());
  // A municipality's name says whose figure it is, never what is counted ("dagplejere i Solvang" is no count of
  // "410 medarbejdere i Solvang Småbørn").
  const places = municipalityAt(rc);
  // The word right after a "how many" is what is counted even when it also names a unit ("how many dagplejere"); so is
  // the last word of a name that begins there ("how many children's universes": "universes").
  const countedAt = new Set(countedPositions(u.tokens, [...u.cuePositions], rc.lexicon));
  for (const l of rc.subjects.flat()) if (countedAt.has(l.start) && l.end - l.start > 1) countedAt.add(l.end - 1);
  // (A word that spreads the count over the things named, "each", counts nothing.)
  const each = new Set(rc.lexicon.eachWords.filter((words) => words.length === 1).map((words) => words[0]!));
  return u.tokens
    .filter((tok, i) => !u.cuePositions.has(i) && !places.has(i) && !rc.lexicon.complementWords.has(tok.form) && !each.has(tok.form) && (u.namePositions?.has(i) !== true || countedAt.has(i)) && !metricWords.has(i) && !STOPWORDS.has(tok.form) && !GENERIC_WORDS.has(tok.form) && tok.form.length >= 4 && !/\d/.test(tok.form))
    .map((tok) => tok.form);
}

/**
 * "Sundhedsplejersker og sprogkonsulenter, hvor mange af hver": with no metric named and no word counted that a figure
 * counts, the posts named in one word are what is counted, by the figures that count that word ("14 sundhedsplejersker").
 */
export function countedPosts(rc: RelationContext): string[] {
  const { u, kb } = rc;
  if (!u.intents.has('figure') || u.metrics.length > 0) return [];
  // (Only when nothing else is counted: "hvor mange timer er souschefen frikøbt" counts hours, not souschefs. A word that
  // spreads the count, "each", counts nothing.)
  const each = new Set(rc.lexicon.eachWords.flat());
  if (countedWords(rc).some((w) => !each.has(w) && !rc.lexicon.fillerWords.has(w))) return [];
  const counts = (w: string) => someFigure(kb, (f) => countsAsked(rc, f, w, countSpan(rc, w)));
  const posts = rc.subjects.filter((g) => g.some((l) => l.kind === 'roles' && l.quality >= 0.9 && l.end - l.start === 1));
  return unique(posts.map((g) => u.tokens[g[0]!.start]!.form)).filter((w) => w.length >= 4 && counts(w));
}

/** The positions of the lexicon's `countLinkWords` ("placeret", "attached"): they place the count in its unit, which the figure's owner answers. */
export function countLinkAt(rc: RelationContext): number[] {
  return rc.u.tokens.flatMap((tok, i) => (rc.lexicon.countLinkWords.has(tok.form) ? [i] : []));
}

/**
 * True when the things counted at these positions are counted apart: "and" between them ("børnehuse og børn"), or a
 * "how many" before each ("how many houses, and how many of them have a souschef").
 */
export function countsJoined(rc: RelationContext, positions: readonly number[]): boolean {
  if (positions.length < 2) return false;
  const { u } = rc;
  const from = Math.min(...positions);
  const to = Math.max(...positions);
  return u.tokens.slice(from, to).some((tok) => rc.lexicon.pairJoinWords.has(tok.form)) || [...u.cuePositions].some((p) => p > from && p < to && u.kinds.get('figure')?.positions.includes(p) === true);
}

/** The positions of the words for the answering figures' unit of measure ("procent" for "6,1 %"): the figures say them. */
export function measuresSaid(rc: RelationContext, figures: readonly Figure[]): number[] {
  const words = new Set(figures.flatMap((f) => [...measureWordsOf(rc, f)]));
  return rc.u.tokens.flatMap((tok, i) => (words.has(tok.form) ? [i] : []));
}

/**
 * "Hvor mange personer er der i Tværfagligt Team", "how many people are employed in the staff unit": words for people of
 * no one kind (the lexicon's `personWords`) counted, with no metric named and nothing else counted, count the figures
 * of the lexicon's person metrics that the items named state themselves (employees, consultants, leaders); with no item
 * named, the employees. So do employees asked of units with none below them that state their people by other person
 * metrics only ("hvor mange ansatte er der i dagplejen": "92 dagplejere"). Undefined when the question counts something else or the items
 * named state no such figure.
 */
export function personMetrics(rc: RelationContext, ids: readonly string[]): { metrics: Figure['metric'][]; at: number[] } | undefined {
  const { u } = rc;
  if (!u.intents.has('figure')) return undefined;
  const { words, metrics } = rc.lexicon.personWords;
  const statedBy = (m: Figure['metric']) => ids.some((id) => rc.relations.figures(id).some((f) => f.figure.metric === m));
  const own = () => metrics.filter(statedBy);
  if (u.metrics.length > 0) {
    // (Of units with none below them: a department's employees are its units', not its head's direct reports.)
    if (u.metrics.length !== 1 || u.metrics[0] !== 'employees' || ids.length === 0 || statedBy('employees') || ids.some((id) => rc.relations.childUnits(id).length > 0)) return undefined;
    const stated = own();
    return stated.length > 0 ? { metrics: stated, at: [] } : undefined;
  }
  // A word for people right after "how many" is what is counted, even when it also links a post ("people": staff).
  const countedAt = new Set(countedPositions(u.tokens, [...u.cuePositions], rc.lexicon));
  const at = u.tokens.flatMap((tok, i) => (words.has(tok.form) && (countedAt.has(i) || u.namePositions?.has(i) !== true) ? [i] : []));
  if (at.length === 0) return undefined;
  if (!at.some((p) => countedAt.has(p)) && !countedWords(rc).every((w) => words.has(w))) return undefined;
  if (ids.length === 0) return metrics.includes('employees') ? { metrics: ['employees'], at } : undefined;
  const stated = own();
  return stated.length > 0 ? { metrics: stated, at } : undefined;
}

/**
 * True when the thing counted right after a "how many" is one some figure of the knowledge base counts ("how many
 * sprogvejledere report to X": "4 sprogvejledere"): the figures answer such a count, not the lines it is asked by.
 */
export function countedByFigure(rc: RelationContext): boolean {
  const { u, kb } = rc;
  if (!u.intents.has('figure')) return false;
  const countedAt = new Set(countedPositions(u.tokens, [...u.cuePositions], rc.lexicon));
  const words = countedWords(rc).filter((w) => u.tokens.some((tok, i) => tok.form === w && countedAt.has(i)));
  if (words.length === 0) return false;
  // (Each distinct figure once: `countsAsked` reads only a figure's metric and text.)
  return words.some((w) => someFigure(kb, (f) => countsAsked(rc, f, w, countSpan(rc, w))));
}

/**
 * "Hvor mange stedfortrædende husledere": a post counted right after a "how many" (named in words of its own, not the
 * metric's) counts the metrics its names name ("Souschef": deputies), by the lexicon's words for them, and a post that
 * stands in for another counts deputies.
 */
export function countedRoleMetrics(rc: RelationContext): Figure['metric'][] {
  const { u } = rc;
  if (!u.intents.has('figure') || u.metrics.length > 0) return [];
  const countedAt = new Set(countedPositions(u.tokens, [...u.cuePositions], rc.lexicon));
  const roles = rc.subjects.flat().filter((l) => l.kind === 'roles' && l.quality >= 0.9 && countedAt.has(l.start));
  // (Its own Danish name: a gloss or description says more words, "deputy leader" and "stedfortrædende husleder" are
  // no counts of leaders.)
  const danish = (id: string) => {
    const item = rc.kb.get(id)?.item as { name?: string } | undefined;
    return item?.name ? [item.name] : [];
  };
  // A post that stands in for another (the knowledge base's deputy relations: "assisterende universleder") is a deputy,
  // whatever its name.
  const deputies = roles.some((l) => rc.queries.standsInFor(l.id).length > 0) ? ['deputies'] : [];
  return unique([...roles.flatMap((l) => danish(l.id).flatMap((n) => [...rc.lexicon.metrics.match(analyzeText(foldText(n))).keys()])), ...deputies]) as Figure['metric'][];
}

/**
 * The positions of the words that name a municipality asked about: its links, and the words of the names of the
 * municipalities the question names ("i Solvang", "in htk"), by stem.
 */
export function municipalityAt(rc: RelationContext): ReadonlySet<number> {
  const out = new Set<number>();
  for (const l of rc.subjects.flat()) if (l.kind === 'municipalities') for (let i = l.start; i < l.end; i++) out.add(i);
  if (rc.municipalities.size === 0) return out;
  const stems = new Set(
    [...rc.municipalities].flatMap((id) => {
      const m = rc.kb.data.municipalities.find((x) => x.id === id);
      return m ? [m.name, m.labelEn, ...m.names, ...m.namesEn].flatMap((n) => tokenize(foldText(n))).filter((w) => !GENERIC_WORDS.has(w) && !STOPWORDS.has(w)).map(primaryStem) : [];
    }),
  );
  rc.u.tokens.forEach((tok, i) => {
    if (stems.has(primaryStem(tok.form))) out.add(i);
  });
  return out;
}

export function answerFiguresRelation(rc: RelationContext): Answer | undefined {
  const { u, kb, relations } = rc;
  if (!u.intents.has('figure')) return undefined;
  const t = TEXTS[u.lang];
  // Each item named is asked about ("Område Vest og Område Øst"); within one name, the first reading that states the figure.
  // A role stands for its own team and, after it, for the unit it sits in ("dagplejere": the childminding's figures).
  const unitOfRole = (id: string) => (kb.get(id)?.item as { unit?: string } | undefined)?.unit;
  // The word right after a "how many" is what is counted even when it also names a unit ("how many dagplejere").
  const countedAt = new Set(countedPositions(u.tokens, [...u.cuePositions], rc.lexicon));
  // "Hvor mange pædagoger skal der være i Sandflugten": a role right after "how many" is what is counted, not the
  // item asked about, when the question names a unit too.
  // A person named stands for the units their post leads ("hvor mange børnehuse har Kasper Thorhauge ansvar for":
  // the area head's area); a person whose post leads no unit is no subject of a count (a unit's total is not theirs).
  const named = subjectsOf(rc, ['units', 'roles', 'municipalities', 'people'])
    .map((g) => g.filter((l) => l.kind !== 'people' || ledByPerson(rc, l.id).length > 0))
    .filter((g) => g.length > 0);
  const atCount = (l: Link) => [...countedAt].some((p) => p >= l.start && p < l.end);
  // A word right after "how many" that names a post and also a unit ("childminders": the childminders and the
  // childminding service) counts the post's people when another unit is named ("how many childminders are in Åen"):
  // that unit is whose figure it is, never the childminding's.
  const otherUnit = (g: readonly Link[]) => named.some((h) => h !== g && h.some((l) => l.kind === 'units' && !atCount(l)));
  const countedRole = (g: readonly Link[]) =>
    g.every((l) => l.kind === 'roles' && atCount(l)) || (g.every((l) => Array.from({ length: l.end - l.start }, (_, k) => l.start + k).every((p) => countedAt.has(p))) && g.some((l) => l.kind === 'roles') && otherUnit(g));
  const subjects = named.some((g) => !countedRole(g)) ? named.filter((g) => !countedRole(g)) : named;
  const groups = subjects.map((g) => unique(g.flatMap((l) => (l.kind === 'people' ? ledByPerson(rc, l.id) : l.kind === 'roles' && unitOfRole(l.id) ? [l.id, unitOfRole(l.id)!] : [l.id]))));
  const each = groups.length === 0 ? eachUnits(rc).ids.map((id) => [id]) : [];
  if (each.length > 0) groups.push(...each);
  // No place named in a knowledge base of one municipality ("hvor mange huse er der i alt"): that municipality's
  // figure, when every word counted is one some figure counts (an unknown house's name counts nothing: no answer).
  const only = kb.data.municipalities.length === 1 ? kb.data.municipalities[0]!.id : undefined;
  const everyWordCounted = () => {
    return countedWords(rc).every((w) => someFigure(kb, (f) => countsAsked(rc, f, w, countSpan(rc, w))));
  };
  const municipalities = rc.municipalities.size === 0 && groups.length === 0 && only && (u.metrics.length > 0 || countedWords(rc).length > 0) && everyWordCounted() ? new Set([only]) : rc.municipalities;
  const scope = groups.length > 0 ? groups : [...municipalities].map((id) => [id]);
  if (scope.length === 0) return undefined;
  const askedIds = new Set(groups.flat());
  // "Hvad er tallene for Mågen?", "the figures for Area South": no word says what is counted, so every figure of the item.
  // ("How many landsbyledere are there": a post counted is what is counted, not whose figures are asked for.)
  const unsaid =
    u.attributes.length === 0 &&
    !(named.length > 0 && named.every(countedRole)) &&
    // "hvor mange pædagoger ... i Sandflugten" says what is counted; "hvor mange er der i sekretariatet" does not.
    (subjects.length === named.length || named.some((g) => !countedRole(g) && g.some((l) => l.kind !== 'roles' && atCount(l)))) &&
    u.tokens.every((tok, i) => u.cuePositions.has(i) || u.namePositions?.has(i) === true || STOPWORDS.has(tok.form) || GENERIC_WORDS.has(tok.form) || /\d/.test(tok.form));
  // (A word for people counted is no post's name: "people" is no count of the posts it links, "staff".)
  const persons = personMetrics(rc, groups.flat());
  const roleMetrics = persons ? [] : countedRoleMetrics(rc);
  const metrics = persons ? persons.metrics : u.metrics.length > 0 ? u.metrics : roleMetrics.length > 0 ? roleMetrics : unsaid && groups.length > 0 ? unique(groups.flat().flatMap((id) => relations.figures(id).map((f) => f.figure.metric))) : [];
  const posts = persons ? [] : countedPosts(rc);
  const words = persons ? [] : [...countedWords(rc), ...posts];
  const byWord = new Map<(f: Figure) => boolean, string>();
  const counted: Array<(f: Figure) => boolean> = [
    ...unique(metrics).map((m) => (f: Figure) => f.metric === m),
    ...unique(words).map((w) => {
      const span = countSpan(rc, w);
      const fits = (f: Figure) => !metrics.includes(f.metric) && countsAsked(rc, f, w, span);
      byWord.set(fits, w);
      return fits;
    }),
  ];
  // "The phone number of X" asks for an attribute, not a count: only a metric named makes it one.
  if (metrics.length === 0 && (words.length === 0 || u.attributes.length > 0)) return undefined;
  const found: Array<{ owner: string; figure: Figure }> = [];
  const first: Array<{ owner: string; figure: Figure }> = [];
  const below = new Set<string>();
  let fromNamed = false;
  const askedOwners = new Set<string>();
  const answeredGroups = new Set<readonly string[]>();
  for (const isCounted of counted) {
    const before = found.length;
    // The items named first; the municipality named when none of them states such a figure.
    const scopes = [...scope, ...(groups.length > 0 ? [...rc.municipalities].map((id) => [id]) : [])];
    for (const group of scopes) {
      if (groups.length > 0 && found.length > before && !scope.includes(group)) break;
      // The item's own figure, else the nearest units below it that state one (breadth first). Of the readings of
      // one name ("dagtilbudsområdet" of two municipalities), the one that states the figure itself comes first.
      const nearest = group.map((id) => {
        let frontier = [id];
        const seen = new Set<string>();
        for (let depth = 0; depth < 4 && frontier.length > 0; depth++) {
          // (A figure of several units together, stated on their common parent, is each one's own when all are asked about.)
          const together = depth === 0 ? figuresOfUnits(kb, id).filter((x) => isCounted(x.figure) && askedTogether(x.figure, askedIds)).map((x) => ({ owner: id, figure: x.figure })) : [];
          const hits = [...together, ...frontier.flatMap((f) => relations.figures(f).filter((x) => isCounted(x.figure) && askedTogether(x.figure, askedIds)))];
          if (hits.length > 0) return { id, hits, depth };
          frontier.forEach((f) => seen.add(f));
          frontier = frontier.flatMap((f) => relations.childUnits(f)).filter((f) => !seen.has(f));
        }
        return { id, hits: [] as Array<{ owner: string; figure: Figure }>, depth: 4 };
      });
      const closest = Math.min(...nearest.map((n) => n.depth));
      for (const { id, hits, depth } of nearest) {
        if (hits.length === 0 || depth > closest) continue;
        if (scope.includes(group)) {
          fromNamed = true;
          answeredGroups.add(group);
        }
        found.push(...hits);
        // A figure of a unit below the one asked about is no total of it ("children in Område Vest" is not one house's count).
        // A municipality's top-most unit that states the figure, itself made of units (its day-care department),
        // speaks for the municipality; a single house does not.
        // (Not one of several such units a unit above it counts: "5 distriktsinstitutioner" above Distrikt Baltorp.)
        // A thing counted by its own word ("sprogvejledere") that one unit below alone counts is counted there in full.
        const speaksFor =
          (hits.length === 1 && kb.get(id)?.kind === 'municipalities' && relations.childUnits(hits[0]!.owner).length > 0 && !oneOfSeveral(rc, hits[0]!.owner)) ||
          (hits.length === 1 && byWord.has(isCounted) && countsExactly(hits[0]!.figure, byWord.get(isCounted)!) && soleBelow(rc, id, isCounted));
        if (!hits.some((h) => h.owner === id) && !speaksFor) hits.forEach((h) => below.add(h.owner));
        else if (hits.length === 1 && !below.has(hits[0]!.owner)) first.push(hits[0]!);
        if (!hits.some((h) => h.owner === id) && !speaksFor) askedOwners.add(id);
        break;
      }
    }
  }
  if (found.length === 0) return groups.length >= 2 && groups === scope ? answerWhole(rc, groups, counted) : undefined;
  // "Hvor mange børn står på venteliste til X": a word of the question that no figure found says, but a number among
  // the named item's own facts does ("Ventelisten til dagplejen er faldet fra 41 til 12 børn"), asks for that number:
  // the general answer gives it. (A word of its facts without a number, "tilsyn", only says how the item counts.)
  const termsAt = new Map(u.tokens.map((tok) => [tok.form, tok.terms]));
  // (The figure's terms by the index: its own, its compounds' parts and its words' other stems, "legeplad" of "legepladser".)
  const termIndex = figureTermIndex(kb);
  const figureTerms = new Set(found.flatMap((f) => [...(termIndex.terms.get(f.figure) ?? []), ...(termIndex.parts.get(f.figure) ?? [])]));
  const qualifiers = unique(words).filter((w) => !(termsAt.get(w) ?? []).some((term) => figureTerms.has(term)));
  const ownFacts = groups.flat().flatMap((id) => ((kb.get(id)?.item as { facts?: ReadonlyArray<{ da: string; en: string }> } | undefined)?.facts ?? []));
  const statesQualifier = (fact: { da: string; en: string }) => {
    if (!/\d/.test(fact.da)) return false;
    const terms = new Set([...termsOf(fact.da), ...termsOf(fact.en)]);
    return qualifiers.some((w) => (termsAt.get(w) ?? []).some((term) => terms.has(term)));
  };
  if (qualifiers.length > 0 && ownFacts.some(statesQualifier)) return undefined;
  // A count "in" a unit the question names ("how many children go to day care in X") that only the municipality around
  // it states counts something else (the children moving to the municipality), not the unit's: say so.
  const namedUnits = groups.length > 0 ? subjectsOf(rc, ['units']).flat().filter((l) => !(l.start <= Math.max(-1, ...countedAt) && Math.max(-1, ...countedAt) < l.end)) : [];
  if (namedUnits.length > 0 && !fromNamed) {
    const subject = joinList(unique(namedUnits.map((l) => name(kb, l.id, u.lang, false))).slice(0, 1), u.lang);
    const at = [...(u.metricAt.get(metrics[0]!) ?? []), ...countedAt].sort((a, b) => a - b)[0];
    const what = at !== undefined ? spelledAs(u.text, u.tokens[at]!.form) : undefined;
    if (what) return unknownWith(rc, t.noCountIn(what, subject));
  }
  // "Hvor mange børn går i Distrikt Baltorps vuggestuer", "kids in Område Nord in nurseries": a second unit named right
  // after the first, with no "og"/"and" between them, says which part of the first is asked about. The first's total
  // is no count of that part, nor is the figure of a unit elsewhere: say that no such figure is given.
  const units = subjects.map((g) => g.filter((l) => l.kind === 'units')).filter((g) => g.length > 0);
  if (units.length === 2 && units.length === subjects.length && counted.length === 1) {
    const [whole, part] = [...units].sort((a, b) => a[0]!.start - b[0]!.start) as unknown as [readonly Link[], readonly Link[]];
    const between = u.tokens.slice(whole[0]!.end, part[0]!.start).map((tok) => tok.form);
    const within = (id: string, of: readonly Link[]) => {
      for (let current: string | undefined = id, depth = 0; current && depth < 8; depth++) {
        if (of.some((l) => l.id === current)) return true;
        current = (kb.get(current)?.item as { parent?: string } | undefined)?.parent;
      }
      return false;
    };
    const at = [...(u.metricAt.get(metrics[0]!) ?? []), ...countedAt].sort((a, b) => a - b)[0];
    const what = at !== undefined ? spelledAs(u.text, u.tokens[at]!.form) : undefined;
    if (what && !between.some((w) => rc.lexicon.pairJoinWords.has(w))) {
      if (whole.some((l) => within(l.id, part))) {
        // "i Stjernehuset i Distrikt Baltorp": the second only says where the first is; the first is asked about.
        if (!found.some((f) => within(f.owner, whole))) return unknownWith(rc, t.noCountIn(what, name(kb, whole[0]!.id, u.lang, false)));
        const outside = found.filter((f) => !within(f.owner, whole));
        for (const f of outside) found.splice(found.indexOf(f), 1);
        for (let i = first.length - 1; i >= 0; i--) if (!within(first[i]!.owner, whole)) first.splice(i, 1);
      } else {
        const partFigures = found.filter((f) => part.some((l) => l.id === f.owner));
        if (partFigures.length === 0 || !partFigures.every((f) => within(f.owner, whole))) {
          const partWords = u.tokens.slice(part[0]!.start, part[0]!.end).map((tok) => spelledAs(u.text, tok.form)).join(' ');
          return unknownWith(rc, t.noCountInPart(what, partWords, name(kb, whole[0]!.id, u.lang, false)));
        }
      }
    }
  }
  const key = (f: { owner: string; figure: Figure }) => figureKey(f.owner, f.figure);
  const unique_ = [...new Map(found.map((f) => [key(f), f])).values()];
  // A figure stated as of a day says so ("pr. 1. september 2026").
  // So does one that holds only from a coming day ("plads til 80 børn (fra 1. august 2027)").
  const asOf = (f: Figure) => {
    const text = f.text[u.lang].replace(/\.$/, '');
    if (f.validFrom && f.validFrom > rc.today && !text.includes(shortDate(f.validFrom, u.lang))) return `${text} (${u.lang === 'da' ? 'fra' : 'from'} ${shortDate(f.validFrom, u.lang)})`;
    return f.asOf && !text.includes(shortDate(f.asOf, u.lang)) ? `${text} (${u.lang === 'da' ? 'pr.' : 'as of'} ${shortDate(f.asOf, u.lang)})` : text;
  };
  const line = (f: { owner: string; figure: Figure }) => t.figure(figureOwnerName(kb, f.owner, f.figure, u.lang), measuredText(f.figure, asOf(f.figure), u.lang));
  // Every figure asked for directly (each item, each metric) is in the headline; figures of the units below follow.
  const direct = [...new Map(first.map((f) => [key(f), f])).values()];
  if (direct.length === 0 && unique_.every((f) => below.has(f.owner))) {
    const subject = joinList([...askedOwners].map((id) => name(kb, id, u.lang, false)), u.lang);
    return unknownWith(rc, t.noTotal(subject));
  }
  const headed = direct.length >= 2 && direct.length <= 4 ? direct : unique_.length <= 2 ? unique_ : unique_.slice(0, 1);
  const headedKeys = new Set(headed.map(key));
  const rest = unique_.filter((f) => !headedKeys.has(key(f)));
  // "Hvor mange flere børn er der i Syd end i Nord": the difference of the two figures first.
  const sum = u.kinds.has('total') ? totalOf(headed, u.lang) : u.kinds.has('change-compare') ? differenceOf(headed.map((f) => f.figure), u.lang) : undefined;
  // "Hvor mange medarbejdere har Mågen og Ålekisten": an item named beside others that states no such figure is said so.
  const unanswered = groups.length >= 2 && groups === scope ? groups.filter((g) => !answeredGroups.has(g) && !each.includes(g)) : [];
  const firstAt = [...metrics.flatMap((m) => u.metricAt.get(m) ?? []), ...countedAt].sort((a, b) => a - b)[0];
  const countedSaid = firstAt !== undefined ? spelledAs(u.text, u.tokens[firstAt]!.form) : undefined;
  const none = countedSaid ? unanswered.map((g) => t.noCountIn(countedSaid, name(kb, g[0]!, u.lang, false))) : [];
  // The words counted are explained by the figures that count them ("places" by "room for 80 children").
  const wordsAt = new Set(words.filter((w) => unique_.some((f) => countsAsked(rc, f.figure, w, countSpan(rc, w)))));
  return explainsWords(done(rc, 'answer', [...(sum ? [sum] : []), ...headed.map(line), ...none].join(' '), rest.map(line), unique_.map((f) => f.figure.source)), [
    ...u.tokens.flatMap((tok, i) => (wordsAt.has(tok.form) ? [i] : [])),
    ...(persons?.at ?? []),
    ...countLinkAt(rc),
    ...measuresSaid(rc, unique_.map((f) => f.figure)),
    ...complementsSaid(rc, unique_.map((f) => f.figure)),
  ]);
}

/**
 * "Hvor mange medarbejdere er der i Mågen og Ankeret tilsammen": units asked about together that state no such figure,
 * and that are, today or from the day they move, exactly the units of one unit that states it ("Netværk Molen får
 * Mågen og Ankeret": "Netværk Molen har 41 medarbejdere"): that unit's figure is theirs together.
 */
function answerWhole(rc: RelationContext, groups: ReadonlyArray<readonly string[]>, counted: ReadonlyArray<(f: Figure) => boolean>): Answer | undefined {
  const { kb, queries, u } = rc;
  const asked = groups.map((g) => g.find((id) => kb.get(id)?.kind === 'units'));
  if (asked.some((id) => id === undefined)) return undefined;
  const ids = new Set(asked as string[]);
  const first = asked[0]!;
  // The days its parent is or becomes another: today, and each day a dated parent begins.
  const days = [rc.today];
  for (let change = queries.nextParentChange(first, rc.today), n = 0; change && n < 4; change = queries.nextParentChange(first, change.date), n++) days.push(change.date);
  for (const day of days) {
    const whole = queries.parentOn(first, day);
    if (whole === undefined) continue;
    const children = queries.childrenOn(whole, day).map((unit) => unit.id);
    if (children.length !== ids.size || !children.every((id) => ids.has(id))) continue;
    const figures = rc.relations.figures(whole).filter((f) => counted.some((c) => c(f.figure)));
    if (figures.length === 0) continue;
    const t = TEXTS[u.lang];
    const names = joinList(asked.map((id) => name(kb, id!, u.lang, false)), u.lang);
    const lines = figures.map((f) => t.figure(`${figureOwnerName(kb, whole, f.figure, u.lang)} (${names})`, measuredText(f.figure, f.figure.text[u.lang].replace(/\.$/, ''), u.lang)));
    return done(rc, 'answer', lines.join(' '), [], figures.map((f) => f.figure.source));
  }
  return undefined;
}

/**
 * True when the word follows the figure's own number ("3 børneuniverser" of value 3), within two words: "2 af de 3
 * børneuniverser har en AUL" (value 2) counts some of them, not them.
 */
export function countsOwnValue(f: Figure, word: string): boolean {
  const stem = primaryStem(word);
  const value = String(f.value);
  return (['da', 'en'] as const).some((lang) => {
    const words = tokenize(foldText(f.text[lang]));
    return words.some((w, i) => w.replace(/[.,]/g, '') === value && words.slice(i + 1, i + 3).some((next) => primaryStem(next) === stem || primaryStem(next).endsWith(stem)));
  });
}

/** True when the word right after one of the figure's numbers is the word itself ("4 sprogvejledere"), not a compound of it. */
function countsExactly(f: Figure, word: string): boolean {
  const stem = primaryStem(word);
  return (['da', 'en'] as const).some((lang) => {
    const words = tokenize(foldText(f.text[lang]));
    return words.some((w, i) => /^\d/.test(w) && words[i + 1] !== undefined && primaryStem(words[i + 1]!) === stem);
  });
}

/** True when, of every unit below this one, a single one states figures that fit (the whole subtree, indexed by relations). */
function soleBelow(rc: RelationContext, id: string, fits: (f: Figure) => boolean): boolean {
  const owners = new Set<string>();
  let frontier = [...rc.relations.childUnits(id)];
  const seen = new Set<string>(frontier);
  for (let depth = 0; depth < 8 && frontier.length > 0; depth++) {
    for (const unit of frontier) if (rc.relations.figures(unit).some((f) => fits(f.figure))) owners.add(unit);
    frontier = frontier.flatMap((unit) => rc.relations.childUnits(unit)).filter((unit) => !seen.has(unit) && (seen.add(unit), true));
  }
  return owners.size === 1;
}

/**
 * True when a unit above this one counts units of its kind, two or more ("5 distriktsinstitutioner" above "Distrikt
 * Baltorp"): the unit is one of several, its figures no total of what lies above it. Its kind is read from its name by
 * the lexicon's words for the metrics.
 */
function oneOfSeveral(rc: RelationContext, unit: string): boolean {
  const entry = rc.kb.get(unit);
  if (entry?.kind !== 'units') return false;
  const kinds = new Set([entry.item.name, entry.item.labelEn].flatMap((n) => [...rc.lexicon.metrics.match(analyzeText(foldText(n))).keys()]));
  if (kinds.size === 0) return false;
  for (let current = entry.item.parent, depth = 0; current && depth < 8; depth++) {
    if (rc.relations.figures(current).some((f) => kinds.has(f.figure.metric) && f.figure.value >= 2)) return true;
    current = (rc.kb.get(current)?.item as { parent?: string } | undefined)?.parent;
  }
  return false;
}

/**
 * The words asking for the rest of a count ("uden souschef", "without a PFL") whose thing an answering figure says
 * ("9 af de 14 børnehuse har en souschef"): that figure answers them, so they are explained.
 */
export function complementsSaid(rc: RelationContext, figures: readonly Figure[]): number[] {
  const { tokens } = rc.u;
  const out: number[] = [];
  tokens.forEach((tok, i) => {
    if (!rc.lexicon.complementWords.has(tok.form)) return;
    let next = i + 1;
    while (next < tokens.length && STOPWORDS.has(tokens[next]!.form)) next++;
    const thing = tokens[next];
    if (!thing) return;
    // The thing by its terms, or (a post's short name, "PFL") by the name of a post linked there.
    const post = rc.subjects.flat().find((l) => l.kind === 'roles' && l.start <= next && next < l.end);
    const names = post ? namesOf(rc.kb.get(post.id)!) : [];
    const says = (f: Figure) => {
      const terms = new Set([...termsOf(f.text.da), ...termsOf(f.text.en)]);
      return thing.terms.some((t) => terms.has(t)) || names.some((n) => [...termsOf(n)].every((t) => terms.has(t)));
    };
    if (figures.some(says)) out.push(i);
  });
  return out;
}

/** The units led by the post a person holds (`relations.ledBy`), narrowed to the holder's own unit where the data gives one. */
function ledByPerson(rc: RelationContext, person: string): readonly string[] {
  const entry = rc.kb.get(person);
  if (entry?.kind !== 'people' || entry.item.role === undefined) return [];
  return unitsLedByRole(rc.relations, entry.item, entry.item.role);
}

const TOTAL = {
  da: (value: string, what: string) => `I alt ${value} ${what}.`,
  en: (value: string, what: string) => `In total ${value} ${what}.`,
} as const;

/**
 * "Hvor mange dagtilbud har Område Nord og Syd tilsammen?": the sum of one count stated for two or more items,
 * named by the words after the first figure's number ("11 dagtilbud": "dagtilbud"); "ca." when one is approximate.
 * Undefined unless every figure counts the same thing for a different item.
 */
export function totalOf(figures: ReadonlyArray<{ owner: string; figure: Figure }>, lang: Lang): string | undefined {
  if (figures.length < 2 || new Set(figures.map((f) => f.owner)).size !== figures.length) return undefined;
  const metric = figures[0]!.figure.metric;
  const what = (f: Figure) => f.text[lang].replace(/\.$/, '').match(/\d[\d.,]*\s+(.+)$/)?.[1]?.trim();
  const words = figures.map((f) => what(f.figure));
  if (words.some((w) => w === undefined || w !== words[0]) || figures.some((f) => f.figure.metric !== metric)) return undefined;
  const sum = figures.reduce((total, f) => total + f.figure.value, 0);
  const approximate = figures.some((f) => f.figure.approximate);
  const value = `${approximate ? (lang === 'da' ? 'ca. ' : 'about ') : ''}${sum.toLocaleString(lang === 'da' ? 'da-DK' : 'en-GB')}`;
  return TOTAL[lang](value, words[0]!);
}

/**
 * The difference between two figures of one metric ("how many more children in Syd than in Nord", "how many more deputies
 * after the change"), as a sentence; undefined unless exactly two figures of the same metric, both exact, differ.
 */
export function differenceOf(figures: readonly Figure[], lang: Lang): string | undefined {
  if (figures.length !== 2) return undefined;
  const [a, b] = figures as [Figure, Figure];
  if (a.metric !== b.metric || a.value === b.value) return undefined;
  const value = Math.abs(a.value - b.value).toLocaleString(lang === 'da' ? 'da-DK' : 'en-GB');
  const approximate = a.approximate || b.approximate;
  return lang === 'da' ? `Forskellen er ${approximate ? 'ca. ' : ''}${value}.` : `The difference is ${approximate ? 'about ' : ''}${value}.`;
}


/** The user's own spelling of a folded question word ("børn" for "boern"). */
function spelledAs(text: string, form: string): string {
  return (text.match(/[\p{L}\d-]+/gu) ?? []).find((w) => foldText(w) === form) ?? form;
}
