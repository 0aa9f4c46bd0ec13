/**
 * A count on a day that no figure states, read from the organisation itself: "hvor mange børnekredse er der efter 1.
 * august 2027", "how many districts will there be after the reorganisation, and what are they called". The units whose
 * name begins with the word counted ("Børnekreds Åen", "Kvarter Skoven") are counted as they stand on the day asked,
 * by their own validity (`validFrom`/`validUntil`), and named. Only for units of a level the documents list in full
 * (districts, areas, clusters, teams, centres: few, and each one described), and only when the knowledge base gives
 * that kind of unit a time of its own (some of them begin or end on a day): houses and institutions are often only a
 * few of many.
 */
import type { KnowledgeBase } from '../../knowledge/knowledge-base.js';
import type { Unit } from '../../knowledge/schemas.js';
import { foldText, STOPWORDS, stemsOf, tokenize } from '../normalize.js';
import { joinList } from '../phrases.js';
import { addDays } from '../../time/format-date.js';
import { shortDate, unique } from '../answer-context.js';
import { countedPositions } from '../understand.js';
import type { Answer } from '../types.js';
import { done, name, within, type RelationContext } from './context.js';
import { explainsWords } from './org-changes.js';
import { askedWordPositions } from './figure-coverage.js';
import { municipalityAt } from './figures.js';

/** The unit types whose units the documents list in full (a level of the organisation, not its many houses). */
const LISTED_LEVELS: ReadonlySet<Unit['type']> = new Set(['centre', 'area', 'district', 'cluster', 'team']);

const BY_FIRST_WORD = new WeakMap<KnowledgeBase, ReadonlyMap<string, readonly Unit[]>>();

/** The units by the stem of the first word of their Danish or English name, made once per knowledge base. */
function unitsByFirstWord(kb: KnowledgeBase): ReadonlyMap<string, readonly Unit[]> {
  let index = BY_FIRST_WORD.get(kb);
  if (!index) {
    const map = new Map<string, Unit[]>();
    for (const unit of kb.data.units) {
      // (The kind's word begins a Danish name, "Børnekreds Åen", and begins or ends an English one: "Åen children's circle".)
      const danish = tokenize(foldText(unit.name));
      const english = tokenize(foldText(unit.labelEn.replace(/\([^)]*\)/g, ' ')));
      for (const word of unique([danish[0], english[0], english.at(-1)])) {
        if (word === undefined || word.length < 4) continue;
        for (const stem of keysOf(word)) {
          const list = map.get(stem) ?? [];
          if (!list.includes(unit)) list.push(unit);
          map.set(stem, list);
        }
      }
    }
    BY_FIRST_WORD.set(kb, (index = map));
  }
  return index;
}

/**
 * The keys a word is found by: its stems, each also without a final "s" (the Danish stemmer leaves "børnekreds" and
 * "børnekredse" a letter apart).
 */
function keysOf(word: string): string[] {
  return unique(stemsOf(word).flatMap((stem) => (stem.length > 4 && stem.endsWith('s') ? [stem, stem.slice(0, -1)] : [stem])));
}

/** The words that say something happens (the lexicon's `changeWords` and `floor.eventWords`), folded. */
function eventWordsOf(rc: RelationContext): ReadonlySet<string> {
  let words = EVENT_WORDS.get(rc.lexicon);
  if (!words) EVENT_WORDS.set(rc.lexicon, (words = new Set([...rc.lexicon.phrases.changeWords.da, ...rc.lexicon.phrases.changeWords.en, ...rc.lexicon.floorWords.events].flatMap((p) => tokenize(p.replace(/[*+]/g, ' '))))));
  return words;
}

/** {@link eventWordsOf} per lexicon: made once, not per question. */
const EVENT_WORDS = new WeakMap<object, ReadonlySet<string>>();

const holdsOn = (unit: Unit, day: string) => (unit.validFrom === undefined || unit.validFrom <= day) && (unit.validUntil === undefined || day <= unit.validUntil);

const TEXTS = {
  da: (day: string, n: number, what: string, names: string) => `Pr. ${day}: ${n} ${what}: ${names}.`,
  en: (day: string, n: number, what: string, names: string) => `As of ${day}: ${n} ${what}: ${names}.`,
} as const;

/** The units a "how many" counts on the day asked, and whether they differ from today's. */
export interface UnitCountOn {
  readonly answer: Answer;
  /** How many units stand on the day asked. */
  readonly count: number;
  /** True when the units counted on that day are not today's (a merger, a new district). */
  readonly changed: boolean;
}

/**
 * The units of the kind a "how many" counts, as they stand on the day the question names (or the first day they change
 * after today, when it asks "after the change"), within the places it names; undefined when the question names no day,
 * the kind is no listed level with a time of its own, or the knowledge base has fewer than two such units.
 */
export function unitCountOn(rc: RelationContext): UnitCountOn | undefined {
  const { u, kb } = rc;
  if (!u.intents.has('figure')) return undefined;
  const first = countedPositions(u.tokens, u.kinds.get('figure')?.positions ?? [], rc.lexicon)[0];
  if (first === undefined) return undefined;
  const index = unitsByFirstWord(kb);
  // The word counted, or the next of a phrase counted ("children's circles": "circles").
  let at = first;
  let all: Unit[] = [];
  for (let i = first; i < Math.min(first + 3, u.tokens.length) && (i === first || !STOPWORDS.has(u.tokens[i]!.form) || u.tokens[i]!.form === 's'); i++) {
    all = unique(keysOf(u.tokens[i]!.form).flatMap((key) => index.get(key) ?? []));
    at = i;
    if (all.length > 0) break;
  }
  const word = u.tokens[at]!.form;
  if (all.length < 2 || !all.every((unit) => LISTED_LEVELS.has(unit.type)) || !all.some((unit) => unit.validFrom !== undefined || unit.validUntil !== undefined)) return undefined;
  // Only the units themselves counted: another word asked ("how many universes have an AUL") counts something of them.
  // (Not the places counted in, nor a word that says something happens: "tilbage", "merged".)
  const placeAt = new Set([...municipalityAt(rc), ...rc.subjects.flat().filter((l) => l.kind === 'units' || l.kind === 'municipalities').flatMap((l) => Array.from({ length: l.end - l.start }, (_, k) => l.start + k))]);
  const events = eventWordsOf(rc);
  if (askedWordPositions(rc).some((i) => (i < first || i > at) && !placeAt.has(i) && !events.has(u.tokens[i]!.form))) return undefined;
  // The day: the one named, the end of the period named, else (a change asked about) the first day the units change.
  const changes = unique(all.flatMap((unit) => [unit.validFrom, unit.validUntil ? addDays(unit.validUntil, 1) : undefined]).filter((d): d is string => d !== undefined && d > rc.today)).sort();
  const afterChange = u.kinds.has('after-change') || rc.lexicon.changeWords.match(u.tokens).size > 0;
  const day = u.day ?? u.range?.to ?? (afterChange ? changes[0] : undefined);
  if (day === undefined) return undefined;
  // Within the places named (not the word counted itself).
  // (One of the units counted, named elsewhere in the question, is no place they are counted in.)
  const places = unique(rc.subjects.flat().filter((l) => (l.kind === 'units' || l.kind === 'municipalities') && !(l.start <= at && at < l.end) && !all.some((unit) => unit.id === l.id)).map((l) => l.id));
  const inPlace = (unit: Unit, on: string) => places.length === 0 || places.some((p) => (kb.get(p)?.kind === 'municipalities' ? (unit.municipality ?? p) === p : within(kb, unit.id, p) || rc.queries.parentOn(unit.id, on) === p));
  const then = all.filter((unit) => holdsOn(unit, day) && inPlace(unit, day));
  if (then.length === 0) return undefined;
  const now = all.filter((unit) => holdsOn(unit, rc.today) && inPlace(unit, rc.today));
  const changed = now.length !== then.length || now.some((unit) => !then.includes(unit));
  const spelled = (u.text.match(/[\p{L}\d-]+/gu) ?? []).find((w) => foldText(w) === word) ?? word;
  const names = joinList(then.map((unit) => name(kb, unit.id, u.lang, false)), u.lang);
  // (The words that say something happens, "tilbage", "merged", are answered by the day the units are counted on.)
  const answer = explainsWords(
    done(rc, 'answer', TEXTS[u.lang](shortDate(day, u.lang), then.length, spelled, names), [], then.map((unit) => unit.source)),
    u.tokens.flatMap((tok, i) => (i === at || events.has(tok.form) ? [i] : [])),
  );
  return { answer, count: then.length, changed };
}

/** {@link unitCountOn}'s answer. */
export function answerUnitCountOn(rc: RelationContext): Answer | undefined {
  return unitCountOn(rc)?.answer;
}

/**
 * True when a figure answer gives a count the organisation contradicts on the day asked: the units counted change by
 * then ("16 børnehuse i de tre børnekredse" as of September 2026, asked after the merger that leaves two) and the
 * answer's headline does not say their number on that day.
 */
export function staleAgainstUnits(rc: RelationContext, answer: Answer, units: UnitCountOn): boolean {
  if (!units.changed) return false;
  const words = tokenize(foldText(answer.headline));
  const spoken = Object.entries(rc.lexicon.numbers).filter(([, n]) => n === units.count).map(([w]) => w);
  return !words.some((w) => w === String(units.count) || spoken.includes(w));
}
