/**
 * Question understanding: what kind of question it is and its date constraints, from the lexicon's
 * cue phrases (src/answering/lexicon/lexicon.json) matched on folded, stemmed tokens. The things it
 * is about are found by entity linking and the search index, not here.
 */
import { DEADLINE_KINDS, type DateEntry, type Figure } from '../knowledge/schemas.js';
import { addDays, MONTH_NAMES, toLocalDate } from '../time/format-date.js';
import { isoWeekDays } from '../time/parse-date.js';
import { detectLanguage } from './language.js';
import { tokenWords, type Attribute, type TokenWords, type CueMatch, type Lexicon, type QuestionKind, type SmalltalkKind } from './lexicon/lexicon.js';
import { abbreviationForms, analyzeText, foldText, STOPWORDS, stripMarkup, type Token } from './normalize.js';
import { OverlaySet } from './overlay-set.js';
import type { Lang } from './types.js';

/** The kinds of question the older answerers dispatch on (derived from the lexicon's kinds). */
export type Intent =
  | 'reporting'
  | 'holder'
  | 'leader'
  | 'dates'
  | 'contact'
  | 'figure'
  | 'responsibility'
  | 'competence'
  | 'education'
  | 'requirement'
  | 'condition'
  | 'offer'
  | 'policy'
  | 'meeting'
  | 'programme'
  | 'membership'
  | 'definition';

const INTENT_OF: Partial<Record<QuestionKind, Intent>> = {
  'reporting-up': 'reporting',
  'reporting-down': 'reporting',
  'reporting-chain': 'reporting',
  holder: 'holder',
  leader: 'leader',
  dates: 'dates',
  contact: 'contact',
  figure: 'figure',
  responsibility: 'responsibility',
  competence: 'competence',
  education: 'education',
  requirement: 'requirement',
  condition: 'condition',
  offer: 'offer',
  policy: 'policy',
  meeting: 'meeting',
  programme: 'programme',
  membership: 'membership',
  definition: 'definition',
};

/** What the engine understood of a question. */
export interface Understanding {
  readonly lang: Lang;
  readonly text: string;
  readonly folded: string;
  readonly tokens: readonly Token[];
  /** The lexicon's kinds whose cues the question contains, with where. */
  readonly kinds: ReadonlyMap<QuestionKind, CueMatch>;
  readonly intents: ReadonlySet<Intent>;
  /** For reporting questions: `up` (whom X reports to), `down` (who reports to X). */
  readonly direction?: 'up' | 'down';
  /** The whole line above, step by step. */
  readonly chain: boolean;
  /** Date kinds the question names ("ansøgningsfrist", "interview", ...). */
  readonly dateKinds: ReadonlySet<DateEntry['kind']>;
  /** The terms of the words that named those kinds ("interviews"): a date whose label holds one is of the kind asked. */
  readonly dateKindTerms: ReadonlySet<string>;
  /** Interview round ("første samtale" -> 1). */
  readonly round?: number;
  /** A day the question names ("pr. 1. august 2027"): the state asked about. */
  readonly day?: string;
  /** A calendar range the question names ("i januar 2026", "in 2026"). */
  readonly range?: { readonly from: string; readonly to: string };
  /** "kommende", "upcoming": only dates from today on; "next": only the first of them. */
  readonly upcoming: boolean;
  readonly next: boolean;
  /** True when the question asks "when" (or for a date) in so many words. */
  readonly askedWhen: boolean;
  readonly askedWho: boolean;
  /** What a "how many" question counts (children, employees, ...), when it says; the first of `metrics`. */
  readonly metric?: Figure['metric'];
  readonly metrics: readonly Figure['metric'][];
  /** Where each metric is named (token positions), so that a metric inside a name ("Distrikt Baltorp") can be dropped. */
  readonly metricAt: ReadonlyMap<string, readonly number[]>;
  /** Policy types asked for by name ("law", "strategy"). */
  readonly policyTypes: ReadonlySet<string>;
  /** A property of a person asked for (phone, e-mail, salary, ...). */
  readonly attributes: readonly Attribute[];
  /** Set when the message is not a question but a greeting, thanks or command-like word. */
  readonly smalltalk?: SmalltalkKind | 'command';
  /** A count the question names ("Hvilke seks begreber", "which three capabilities"). */
  readonly cardinal?: number;
  /** Words that only served to recognise the kind of question (not things to match); folded. */
  readonly intentWords: ReadonlySet<string>;
  /** Token positions used by cues (not names of things). */
  /** Positions of the words that name items of the knowledge base (set once names are linked). */
  readonly namePositions?: ReadonlySet<number>;
  /** The items each of those positions names, surely (a link of quality 0.9 or more). */
  readonly namedAt?: ReadonlyMap<number, readonly string[]>;
  readonly cuePositions: ReadonlySet<number>;
}

const MONTHS = [...MONTH_NAMES.da, ...MONTH_NAMES.en].map((m) => foldText(m));
/** Month names and their short forms (folded) -> month number 1..12. */
const MONTH_WORDS = new Map<string, number>();
for (const [i, m] of MONTHS.entries()) {
  MONTH_WORDS.set(m, (i % 12) + 1);
  MONTH_WORDS.set(m.slice(0, 3), (i % 12) + 1);
}
MONTH_WORDS.set('sept', 9);
const MONTH_ALTERNATION = [...MONTH_WORDS.keys()].sort((a, b) => b.length - a.length).join('|');
const DAY_PATTERNS: ReadonlyArray<{ readonly re: RegExp; readonly parts: (m: RegExpMatchArray) => [number, number, number | undefined] }> = [
  { re: /\b(\d{4})-(\d{2})-(\d{2})\b/, parts: (m) => [Number(m[3]), Number(m[2]), Number(m[1])] },
  { re: new RegExp(`\\b(\\d{1,2})\\.?\\s+(${MONTH_ALTERNATION})\\.?(?:\\s+(\\d{4}))?\\b`), parts: (m) => [Number(m[1]), MONTH_WORDS.get(m[2]!)!, m[3] ? Number(m[3]) : undefined] },
  { re: new RegExp(`\\b(${MONTH_ALTERNATION})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?(?:\\s+(\\d{4}))?\\b`), parts: (m) => [Number(m[2]), MONTH_WORDS.get(m[1]!)!, m[3] ? Number(m[3]) : undefined] },
  { re: /\b(\d{1,2})[./](\d{1,2})(?:[./]\s?|\s)(\d{4})\b/, parts: (m) => [Number(m[1]), Number(m[2]), Number(m[3])] },
  { re: /\b(\d{1,2})\/(\d{1,2})\b/, parts: (m) => [Number(m[1]), Number(m[2]), undefined] },
];

/** Words that introduce a day ("pr. 1. marts", "per 1 March") and mean nothing else there. */
const DAY_INTRODUCERS = new Set(['pr', 'per', 'pa', 'paa', 'den', 'd', 'as', 'of', 'on']);

/** A day the question names ("1. august 2027", "August 1", "1/8 2027"); without a year, the next such day. */
function findDay(folded: string, today: string): { day: string; words: string[] } | undefined {
  for (const { re, parts } of DAY_PATTERNS) {
    const m = folded.match(re);
    if (!m) continue;
    const [day, month, givenYear] = parts(m);
    if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31)) continue;
    const iso = (year: number) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    let year = givenYear ?? Number(today.slice(0, 4));
    if (givenYear === undefined && iso(year) < today) year += 1;
    const value = iso(year);
    if (addDays(value, 0) !== value) continue;
    return { day: value, words: m[0].split(/[\s./,-]+/).filter(Boolean) };
  }
  return undefined;
}

/**
 * Every day a question names ("on 1 oct and on 1 nov 2026"), in the order said; a day without a year takes the year
 * another day of the question gives, else the next such day (`passed`: the last one passed).
 */
export function daysNamed(text: string, today: string, passed = false): string[] {
  let folded = foldText(text);
  const found: Array<{ at: number; day: number; month: number; year?: number }> = [];
  for (let guard = 0; guard < 6; guard++) {
    let hit: { at: number; length: number; day: number; month: number; year?: number } | undefined;
    for (const { re, parts } of DAY_PATTERNS) {
      const m = folded.match(re);
      if (!m || m.index === undefined) continue;
      const [day, month, year] = parts(m);
      if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31)) continue;
      hit = { at: m.index, length: m[0].length, day, month, ...(year !== undefined && { year }) };
      break;
    }
    if (!hit) break;
    found.push(hit);
    folded = `${folded.slice(0, hit.at)}${' '.repeat(hit.length)}${folded.slice(hit.at + hit.length)}`;
  }
  const given = found.find((d) => d.year !== undefined)?.year;
  const iso = (year: number, d: { day: number; month: number }) => `${year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
  return found
    .sort((a, b) => a.at - b.at)
    .map((d) => {
      let year = d.year ?? given ?? Number(today.slice(0, 4));
      // (`passed`: the last such day that has passed instead, for figures stated before today.)
      if (d.year === undefined && given === undefined && !passed && iso(year, d) < today) year += 1;
      if (d.year === undefined && given === undefined && passed && iso(year, d) > today) year -= 1;
      return iso(year, d);
    })
    .filter((d) => addDays(d, 0) === d);
}

/**
 * Two days that bound a period ("between 1 and 15 March 2027", "fra 1. til 15. marts", "from 3 May to 2 June"), in
 * the question's tokens joined by spaces: the period from the first to the second, with the words that say it.
 */
function findSpan(joined: string, today: string): { from: string; to: string; words: string[] } | undefined {
  const m = /\b(between|from|fra|mellem) (?:the )?(\d{1,2})(?: ([a-z]+))? (?:and|to|til|og|until) (?:the )?(\d{1,2}) ([a-z]+)(?: ((?:19|20)\d{2}))?\b/.exec(joined);
  if (!m) return undefined;
  const endMonth = MONTH_WORDS.get(m[5]!);
  const startMonth = m[3] === undefined ? endMonth : MONTH_WORDS.get(m[3]);
  if (endMonth === undefined || startMonth === undefined) return undefined;
  const iso = (year: number, month: number, day: number) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  let year = m[6] ? Number(m[6]) : Number(today.slice(0, 4));
  if (!m[6] && iso(year, endMonth, Number(m[4])) < today) year += 1;
  const from = iso(startMonth > endMonth ? year - 1 : year, startMonth, Number(m[2]));
  const to = iso(year, endMonth, Number(m[4]));
  if (addDays(from, 0) !== from || addDays(to, 0) !== to || from > to) return undefined;
  return { from, to, words: m[0].split(' ') };
}

/**
 * Every day a text names ("besluttede 12. november, træder i kraft 1. august 2027"), in the order written, each as
 * month-day and year when given: a question may set two days against each other.
 */
export function findDays(text: string): Array<{ monthDay: string; year?: number; at: number }> {
  const folded = foldText(text);
  const found: Array<{ monthDay: string; year?: number; at: number; end: number }> = [];
  for (const { re, parts } of DAY_PATTERNS) {
    for (const m of folded.matchAll(new RegExp(re.source, 'g'))) {
      const at = m.index ?? 0;
      const end = at + m[0].length;
      if (found.some((f) => at < f.end && end > f.at)) continue;
      const [day, month, year] = parts(m);
      if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31)) continue;
      found.push({ monthDay: `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, ...(year !== undefined && { year }), at, end });
    }
  }
  return found.sort((a, b) => a.at - b.at).map(({ end: _end, ...rest }) => rest);
}

/** An everyday time phrase of the lexicon ("efter nytår", "next year") as the day it points at. */
function findTimePhrase(
  tokens: readonly Token[],
  words: TokenWords,
  lexicon: Lexicon,
  today: string,
): { day: string; positions: readonly number[]; period?: { from: string; to: string; positions: number[] } } | undefined {
  const best = [...lexicon.timePhrases.match(tokens, words)].sort((a, b) => b[1].strength - a[1].strength)[0];
  if (!best) return undefined;
  const anchor = lexicon.timeAnchors[best[0]]!;
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  let day: string;
  if ('yearsAhead' in anchor) {
    day = `${year + anchor.yearsAhead}-01-01`;
  } else if ('monthsAhead' in anchor) {
    const index = month - 1 + anchor.monthsAhead;
    day = `${year + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
  } else {
    const on = (y: number) => `${y}-${String(anchor.month).padStart(2, '0')}-${String(anchor.day).padStart(2, '0')}`;
    day = on(year) > today ? on(year) : on(year + 1);
  }
  // "næste måned", "this month": the whole month is the period asked about.
  const period =
    'monthsAhead' in anchor && anchor.wholeMonth
      ? { from: day, to: addDays(nextMonthStart(day), -1), positions: [...best[1].positions] }
      : 'yearsAhead' in anchor && anchor.wholeYear
        ? { from: day, to: `${day.slice(0, 4)}-12-31`, positions: [...best[1].positions] }
        : undefined;
  return { day, positions: best[1].positions, ...(period && { period }) };
}

/** The first day of the month after the one `day` (a month's first day) is in. */
function nextMonthStart(day: string): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
}

/** True when the question names a metric ("børn", "employees"): what a count is of. */
function metricNamed(lexicon: Lexicon, tokens: readonly Token[], words: TokenWords): boolean {
  return lexicon.metrics.match(tokens, words).size > 0;
}

/** Seasons (folded) and their first and last month: spring March–May, summer June–August, autumn September–November, winter December–February. */
const SEASONS: ReadonlyMap<string, readonly [number, number]> = new Map<string, readonly [number, number]>(
  (
    [
      [['foraar', 'foraaret', 'spring'], [3, 5]],
      [['sommer', 'sommeren', 'summer'], [6, 8]],
      [['efteraar', 'efteraaret', 'autumn', 'fall'], [9, 11]],
      [['vinter', 'vinteren', 'winter'], [12, 2]],
      [['sommerferie', 'sommerferien', 'sommerferierne'], [7, 7]],
    ] as Array<[string[], readonly [number, number]]>
  ).flatMap(([words, months]) => words.map((w) => [w, months] as [string, readonly [number, number]])),
);

/** Words that place a season named without a year in time ("i efteråret", "in the autumn", "this summer"), folded. */
const SEASON_INTRODUCERS: ReadonlySet<string> = new Set(['i', 'in', 'during', 'this', 'denne', 'til', 'over']);

/** Words for the start or the end of a year ("the beginning of 2025", "udgangen af 2025"), folded. */
const YEAR_EDGES: ReadonlySet<string> = new Set(['beginning', 'start', 'end', 'begyndelsen', 'starten', 'slutningen', 'udgangen']);

/**
 * Finds a month (and optional year) or a year alone in the tokens, as a date range. (Indexed loops: asked once per
 * question, this code seldom runs optimised, and there `entries()` allocates per word.)
 */
function findRange(tokens: readonly Token[], today: string, seasonAlone = true): { from: string; to: string; positions: number[] } | undefined {
  const months: Array<{ i: number; month: number; year?: number }> = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const month = MONTH_WORDS.get(token.form);
    if (month === undefined) continue;
    const next = tokens[i + 1]?.form;
    const hasYear = next !== undefined && /^(19|20)\d{2}$/.test(next);
    // "may" is also a verb, and a short form ("feb", "okt") could be a word: a month only with a year or after "in".
    const short = !MONTHS.includes(token.form) || token.form === 'may';
    if (short && !hasYear && !['in', 'i', 'during', 'for', 'from', 'fra', 'after', 'efter', 'until', 'til', 'before', 'foer', 'since', 'by'].includes(tokens[i - 1]?.form ?? '')) continue;
    months.push({ i, month: month - 1, ...(hasYear && { year: Number(next) }) });
  }
  const lastDayOf = (year: number, month: number) => addDays(`${month === 11 ? year + 1 : year}-${String(((month + 1) % 12) + 1).padStart(2, '0')}-01`, -1);
  const first = months[0];
  if (first) {
    // "fra januar til juni 2027", "from January to June 2027": one range; a year given once serves both.
    const second = months[1];
    // A month named without a year is its coming occurrence: in November, "March" is next year's March.
    const thisYear = Number(today.slice(0, 4));
    const year = first.year ?? second?.year ?? (first.month + 1 < Number(today.slice(5, 7)) ? thisYear + 1 : thisYear);
    const positions = months.slice(0, 2).flatMap((m) => (m.year ? [m.i, m.i + 1] : [m.i]));
    const from = `${year}-${String(first.month + 1).padStart(2, '0')}-01`;
    if (second && second.i - first.i <= 3) {
      const endYear = second.year ?? (second.month < first.month ? year + 1 : year);
      return { from, to: lastDayOf(endYear, second.month), positions };
    }
    return { from, to: lastDayOf(year, first.month), positions: first.year ? [first.i, first.i + 1] : [first.i] };
  }
  // "uge 29 2027", "in week 29": the ISO week, Monday to Sunday; without a year the coming such week (this one included).
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (!['uge', 'week', 'ugen'].includes(token.form)) continue;
    const number = tokens[i + 1]?.form;
    if (!number || !/^\d{1,2}$/.test(number)) continue;
    const yearWord = tokens[i + 2]?.form;
    const hasYear = yearWord !== undefined && /^(19|20)\d{2}$/.test(yearWord);
    const thisYear = Number(today.slice(0, 4));
    const week = hasYear
      ? isoWeekDays(Number(yearWord), Number(number))
      : [thisYear, thisYear + 1].map((y) => isoWeekDays(y, Number(number))).find((w) => w !== undefined && w.to >= today);
    if (week) return { ...week, positions: hasYear ? [i, i + 1, i + 2] : [i, i + 1] };
  }
  // "Efteråret 2027", "autumn 2027", "in the spring of 2027": the season's months of that year (winter into the next).
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    let season = SEASONS.get(token.form);
    if (season === undefined) continue;
    // "The summer holidays 2027": the holidays of the season (July).
    const holidays = ['holidays', 'holiday', 'vacation', 'break'].includes(tokens[i + 1]?.form ?? '');
    if (holidays && token.form === 'summer') season = [7, 7];
    const after = holidays ? i + 1 : i;
    let year = [tokens[after + 1]?.form, tokens[after + 1]?.form === 'of' ? tokens[after + 2]?.form : undefined].find((f) => f !== undefined && /^(19|20)\d{2}$/.test(f));
    // "i efteråret", "in the autumn", "this summer": without a year, the coming season (one ending within a month is
    // over for planning: late in November "the autumn" is next year's).
    const before = tokens[i - 1]?.form ?? '';
    const introduced = SEASON_INTRODUCERS.has(before) || (before === 'the' && SEASON_INTRODUCERS.has(tokens[i - 2]?.form ?? ''));
    // (Beside a kind of date the season says what the date is for: "the deadline for care in the summer holidays".)
    if (!year && introduced && seasonAlone) {
      const thisYear = Number(today.slice(0, 4));
      const [first, last] = season;
      const endOf = (y: number) => addDays(`${last < first ? y + 1 : y}-${String((last % 12) + 1).padStart(2, '0')}-01`, -1);
      year = String([thisYear, thisYear + 1].find((y) => endOf(y) >= addDays(today, 30)) ?? thisYear + 1);
      const endYear = last < first ? Number(year) + 1 : Number(year);
      const to = addDays(`${last === 12 ? endYear + 1 : endYear}-${String((last % 12) + 1).padStart(2, '0')}-01`, -1);
      return { from: `${year}-${String(first).padStart(2, '0')}-01`, to, positions: holidays ? [i, i + 1] : [i] };
    }
    if (!year) continue;
    const [first, last] = season;
    const endYear = last < first ? Number(year) + 1 : Number(year);
    const to = addDays(`${last === 12 ? endYear + 1 : endYear}-${String((last % 12) + 1).padStart(2, '0')}-01`, -1);
    return { from: `${year}-${String(first).padStart(2, '0')}-01`, to, positions: [i, tokens.findIndex((t, k) => k > i && t.form === year)] };
  }
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    // "i 2025", "in 2025", and the year's edges ("primo 2025", "at the beginning of 2025", "i slutningen af 2025").
    const before = tokens[i - 1]?.form ?? '';
    const edge = ['primo', 'ultimo'].includes(before) || (['of', 'af'].includes(before) && YEAR_EDGES.has(tokens[i - 2]?.form ?? ''));
    // "the last kvartermøde of 2027": after a word for one day of a series, "of" names the year as "in" does.
    const ofSeries = before === 'of' && tokens.some((t) => ['first', 'last', 'final'].includes(t.form));
    if (/^(19|20)\d{2}$/.test(token.form) && (['i', 'in', 'during', 'under'].includes(before) || edge || ofSeries)) {
      return { from: `${token.form}-01-01`, to: `${token.form}-12-31`, positions: [i] };
    }
  }
  return undefined;
}

/**
 * True when a token belongs to a hyphenated word: the tokenizer gives "day-care" as "day", "care" and
 * the joined "daycare", so a part is followed by a join of it, and a join follows its parts.
 */
/**
 * The positions of the things a count question counts: the first word after each occurrence of its
 * "how many" cue ("how many childminders and how many kids": childminders, kids), past function words
 * and hyphenated modifiers.
 */
/**
 * `words`: the lexicon's words that only qualify a count (`countModifiers`: "flere", "more") and that join two things
 * counted (`countJoinWords`: "og", "and").
 */
export function countedPositions(tokens: readonly Token[], cue: readonly number[], words: Pick<Lexicon, 'countModifiers' | 'countJoinWords'>): number[] {
  const { countModifiers: modifiers, countJoinWords: joins } = words;
  if (cue.length === 0) return [];
  const first = Math.min(...cue);
  let last = first;
  while (cue.includes(last + 1)) last++;
  const phrase = tokens.slice(first, last + 1).map((t) => t.form);
  const out: number[] = [];
  for (let i = 0; i + phrase.length <= tokens.length; i++) {
    if (!phrase.every((w, k) => tokens[i + k]!.form === w)) continue;
    let next = i + phrase.length;
    while (next < tokens.length && (STOPWORDS.has(tokens[next]!.form) || modifiers.has(tokens[next]!.form) || isHyphenPart(tokens, next))) next++;
    if (next < tokens.length) out.push(next);
    // "hvor mange sprogvejledere og trivselskonsulenter", "how many speech therapists and consultants": each thing
    // listed after the count is counted (a word of one or two parts: "speech therapists").
    for (let at = next; at < tokens.length; ) {
      const join = [at + 1, at + 2].find((k) => joins.has(tokens[k]?.form ?? ''));
      if (join === undefined) break;
      let after = join + 1;
      while (after < tokens.length && (STOPWORDS.has(tokens[after]!.form) || modifiers.has(tokens[after]!.form))) after++;
      if (after >= tokens.length || /^\d+$/.test(tokens[after]!.form)) break;
      out.push(after);
      at = after;
    }
  }
  return out;
}


function isHyphenPart(tokens: readonly Token[], i: number): boolean {
  const joinOf = (k: number) => {
    for (let j = k - 2; j >= Math.max(0, k - 4); j--) if (tokens.slice(j, k).map((t) => t.form).join('') === tokens[k]!.form) return j;
    return -1;
  };
  if (joinOf(i) >= 0) return true;
  for (let k = i + 1; k <= i + 4 && k < tokens.length; k++) {
    const j = joinOf(k);
    if (j >= 0 && j <= i) return true;
  }
  return false;
}

/** True when a date of this kind answers a question that names these kinds ("frist" is any deadline). */
export function fitsDateKind(asked: ReadonlySet<DateEntry['kind']>, kind: DateEntry['kind']): boolean {
  return asked.size === 0 || asked.has(kind) || (asked.has('deadline') && DEADLINE_KINDS.includes(kind));
}

/** Understands a question with the lexicon; `known` tells which words the knowledge base knows (not typos). */
export function understand(question: string, now: Date, lexicon: Lexicon, known: (form: string) => boolean, localeHint?: string): Understanding {
  const text = lexicon.expand(lexicon.stripPreamble(stripMarkup(question).trim()));
  const lang = detectLanguage(text, localeHint);
  const abbreviations = abbreviationForms(text);
  const analysed = analyzeText(foldText(text));
  const rawTokens = abbreviations ? analysed.map((t) => (abbreviations.has(t.form) ? { ...t, abbreviation: true as const } : t)) : analysed;
  // Near misses of cue words ("ansøgningsfrsten", "refererr") count as the words.
  const read = rawTokens.map((t) => {
    const corrected = lexicon.correct(t.form, known);
    return corrected === t.form ? t : { ...analyzeText(corrected)[0]!, index: t.index };
  });
  // Frozen, so the answerers that read the question's cue words alike share the lexicon's matches (`CueSet.match`).
  const tokens = read.every((t, i) => t === rawTokens[i]) ? rawTokens : Object.freeze(read);
  const folded = tokens.map((t) => t.form).join(' ');

  const words = tokenWords(tokens);
  const matched = new Map(lexicon.kinds.match(tokens, words));
  // Kinds of one group exclude each other ("hvem refererer til X" is down, not up): the strongest cue wins.
  const best = new Map<string, { kind: QuestionKind; strength: number }>();
  for (const [kind, m] of matched) {
    const group = lexicon.groups.get(kind);
    if (!group) continue;
    const current = best.get(group);
    if (!current || m.strength > current.strength) best.set(group, { kind, strength: m.strength });
  }
  for (const kind of [...matched.keys()]) {
    const group = lexicon.groups.get(kind);
    if (group && best.get(group)!.kind !== kind) matched.delete(kind);
  }
  // "who covers for X when he is on holiday": the "when" of an absence is the deputy's condition, no date asked for;
  // "how many times a year does X meet" asks how often, no count and no date.
  for (const [asking, within] of [
    [['deputy', 'deputy-for'], ['when', 'dates']],
    [['frequency'], ['when', 'dates', 'figure']],
  ] as const) {
    if (!asking.some((k) => matched.has(k))) continue;
    const covered = lexicon.kinds.coverageOf(tokens, new Set<QuestionKind>(asking), words);
    for (const kind of within) {
      const m = matched.get(kind);
      // A "when" that asks in so many words ("hvornår holder chefgruppen temadag") still asks for a date.
      const asksWhen = (asking as readonly string[]).includes('frequency') && /\b(when|hvornaar|hvornår)\b/.test(m?.cue ?? '');
      if (m && !asksWhen && m.positions.every((p) => covered.has(p))) matched.delete(kind);
    }
  }
  // "hvor mange dage er der fra fristen til samtalen": a count of days asks how long between two dates, not a figure.
  const whenMatch = matched.get('when');
  const figureMatch = matched.get('figure');
  if (whenMatch && figureMatch && figureMatch.positions.every((p) => whenMatch.positions.includes(p))) matched.delete('figure');
  // "et barn under 1 år", "mindst tre års erfaring", "children over 3 years": a word of time right after a number that a
  // limit word bounds is an amount of time (an age, a length), not a "when" the question asks. ("Hvor mange år har X været
  // leder" still asks since when; "om 2 år" and "for 2 år siden" say when; beside a count of something else, "how many
  // 0-3 year olds", the age is read with the figure's own cues; a year, "oktober 2027 dato", is no amount.)
  // (Its word stays a word of the question: "Børn under 1 år får …" says it.)
  const isNumber = (p: number) => /^\d{1,2}$/.test(tokens[p]!.form) || Object.hasOwn(lexicon.numbers, tokens[p]!.form);
  // ("a sleeping 2 year old", "3 år gammel": an age word after the word of time bounds it too.)
  const isBounded = (p: number, after: number) =>
    p > 0 && !figureMatch && isNumber(p) && (lexicon.limitWords.has(tokens[p - 1]!.form) || lexicon.limitWords.has(tokens[after]?.form ?? ''));
  for (const kind of ['when', 'dates'] as const) {
    const m = matched.get(kind);
    if (m && m.positions.every((p) => isBounded(p - 1, p + 1))) matched.delete(kind);
  }
  // "hvor mange års ledererfaring", "how many years of experience": a word of time counted right after "how many" that is
  // of something else (a genitive "års", or "of"/"af" and a word) measures that thing, an amount; it asks no "when".
  // ("Hvor mange år har X været leder" still asks how long.)
  const countWhen = matched.get('when');
  const countCueAt = matched.get('figure')?.positions ?? [];
  // (A genitive: the word without its "s" is itself a word of time, "års" of "år".)
  const genitive = (form: string) => form.length > 2 && form.endsWith('s') && lexicon.kinds.has(analyzeText(form.slice(0, -1)), 'when');
  const content = (p: number) => tokens[p] !== undefined && !STOPWORDS.has(tokens[p]!.form);
  const measures = (p: number) =>
    countCueAt.includes(p - 1) && ((genitive(tokens[p]!.form) && content(p + 1)) || (['of', 'af'].includes(tokens[p + 1]?.form ?? '') && content(p + 2)));
  if (countWhen && countWhen.positions.length > 0 && countWhen.positions.every(measures)) matched.delete('when');
  // "what happens when a child moves", "hvad sker der, når barnet skifter": a "when" after another word that asks (not "who"), with
  // no "and"/"or" joining a second question, opens a clause of the question asked; it asks no date itself.
  const clauseWhen = matched.get('when');
  // (The lexicon's `whenWords`, `whoWords` and `joiningWords`.)
  const asksBefore = (p: number) => tokens.slice(0, p).some((t) => lexicon.interrogatives.has(t.form) && !lexicon.whenWords.has(t.form) && !lexicon.whoWords.has(t.form));
  const conjunction = (p: number) => lexicon.whenWords.has(tokens[p]!.form) && asksBefore(p) && !lexicon.joiningWords.has(tokens[p - 1]?.form ?? '');
  if (clauseWhen && clauseWhen.positions.length > 0 && clauseWhen.positions.every(conjunction)) matched.delete('when');
  const has = (kind: QuestionKind) => matched.has(kind);

  const smalltalkMatches = lexicon.smalltalk.match(tokens, words);
  const smalltalkPositions = smalltalkMatches.size > 0 ? lexicon.smalltalk.coverage(tokens, words) : new Set<number>();
  // "hej bot", "hi there assistant": words that address the bot or the channel are neutral in small talk.
  if (smalltalkMatches.size > 0) for (const p of lexicon.addressees.coverage(tokens, words)) smalltalkPositions.add(p);
  let smalltalk: Understanding['smalltalk'];
  if (/^\//.test(text)) smalltalk = 'command';
  else if (
    smalltalkMatches.size > 0 &&
    tokens.every((t, i) => smalltalkPositions.has(i) || STOPWORDS.has(t.form)) &&
    ![...matched.keys()].some((k) => !lexicon.keepWords.has(k))
  ) {
    // The strongest kind of small talk: thanks beat a greeting in "hej og tak".
    smalltalk = [...smalltalkMatches].sort((a, b) => b[1].strength - a[1].strength)[0]![0];
  } else {
    smalltalk = closesConversation(lexicon.expand(stripMarkup(question).trim()), lexicon);
  }

  // "Phone number of the leaders of X": "number" is the phone's when a word of its own ("phone", "telefon") says so,
  // not a count of the leaders. (Only a count cue that shares a word with the phone's: "hvor mange børn går i Ring X"
  // counts, whatever else "ring" may ask.)
  const phoneAt = lexicon.attributes.match(tokens, words).has('phone') ? [...lexicon.attributes.coverage(tokens, words)] : undefined;
  const countAt = matched.get('figure')?.positions;
  if (phoneAt && countAt && phoneAt.some((p) => !countAt.includes(p)) && countAt.some((p) => phoneAt.includes(p)) && countAt.every((p) => phoneAt.includes(p) || STOPWORDS.has(tokens[p]!.form))) matched.delete('figure');
  const intents = new Set<Intent>();
  for (const kind of matched.keys()) {
    const intent = INTENT_OF[kind];
    if (intent) intents.add(intent);
  }
  const dateKindMatches = new Map(lexicon.dateKinds.match(tokens, words));
  // "registration deadline": a kind whose cue lies inside a longer kind's cue is that kind ("deadline" goes).
  for (const [kind, m] of [...dateKindMatches]) {
    if ([...dateKindMatches].some(([other, o]) => other !== kind && o.positions.length > m.positions.length && m.positions.every((p) => o.positions.includes(p)))) dateKindMatches.delete(kind);
    // "ansøgningsfristen": the word a specific deadline's cue matches ('ansøgningsfrist*') is no general deadline ('*fristen') too.
    else if (kind === 'deadline' && [...dateKindMatches].some(([other, o]) => other !== kind && DEADLINE_KINDS.includes(other as DateEntry['kind']) && m.positions.every((p) => o.positions.includes(p)))) dateKindMatches.delete(kind);
  }
  // "the registration deadline for the seminar", "fristen for tilmelding til seminaret": a kind named after a
  // deadline is what the deadline is for, a word that names the thing, not a second kind of date asked for.
  const deadlineAt = Math.min(...[...dateKindMatches].filter(([kind]) => DEADLINE_KINDS.includes(kind as DateEntry['kind'])).map(([, m]) => Math.min(...m.positions)));
  // "hvornår var fristen …, og hvornår skulle vedkommende starte": a kind after a second "when" is a second question.
  const whenAt = tokens.flatMap((t, i) => (['hvornaar', 'when'].includes(t.form) ? [i] : []));
  // "fra ansøgningsfristen til første samtale", "between the deadline and the first interview": the second end of a span.
  const spanAt = tokens.findIndex((t) => ['fra', 'from', 'between', 'mellem'].includes(t.form));
  const spanEnds = (at: number) => spanAt >= 0 && spanAt < deadlineAt && tokens.some((t, i) => i > deadlineAt && i < at && ['til', 'to', 'and', 'og'].includes(t.form));
  // "frist og startdato for jobbet", "deadline and start date": a kind joined to the deadline by "og"/"and" alone is a
  // second kind asked, not the thing the deadline is for ("fristen for tilmelding").
  const deadlineEnd = Math.max(...[...dateKindMatches].filter(([kind]) => DEADLINE_KINDS.includes(kind as DateEntry['kind'])).flatMap(([, m]) => m.positions));
  const joined = (at: number) => at > deadlineEnd && tokens.slice(deadlineEnd + 1, at).length > 0 && tokens.slice(deadlineEnd + 1, at).every((t) => ['og', 'and', 'samt', 'plus', 'eller', 'or'].includes(t.form));
  const askedAgain = (at: number) => whenAt.some((w) => w > deadlineAt && w < at) || spanEnds(at) || joined(at);
  const namesThing = new Set([...dateKindMatches].filter(([kind, m]) => !DEADLINE_KINDS.includes(kind as DateEntry['kind']) && Math.min(...m.positions) > deadlineAt && !askedAgain(Math.min(...m.positions))).map(([kind]) => kind));
  for (const kind of namesThing) dateKindMatches.delete(kind);
  const dateKinds = new Set([...dateKindMatches.keys()] as DateEntry['kind'][]);
  // The question's own words for kinds of date ("interviews"): a date whose label says the word is of that kind too.
  const dateKindTerms = new Set([...dateKindMatches.values()].flatMap((m) => m.positions.flatMap((p) => tokens[p]!.terms)));
  const roundMatch = [...lexicon.rounds.match(tokens, words)].sort((a, b) => b[1].strength - a[1].strength)[0];
  const round = roundMatch?.[0];
  const today = toLocalDate(now);
  const named = findDay(tokens.map((t) => t.form).join(' ').replace(/\b(\d{1,2}) (\d{1,2}) ((19|20)\d{2})\b/, '$1/$2/$3'), today) ?? findDay(foldText(text), today);
  const phrase = findTimePhrase(tokens, words, lexicon, today);
  const monthRange = findRange(tokens, today, dateKindMatches.size === 0) ?? phrase?.period;
  // A named day is a range of one day; a month or year alone a longer one.
  const dayPositions = named ? tokens.flatMap((t, i) => (named.words.includes(t.form) ? [i] : [])) : [];
  // "pr. 1. marts", "per 1 March": the word that introduces the day belongs to it.
  const before = dayPositions.length > 0 ? Math.min(...dayPositions) - 1 : -1;
  if (before >= 0 && DAY_INTRODUCERS.has(tokens[before]!.form)) dayPositions.push(before);
  const span = findSpan(tokens.map((t) => t.form).join(' '), today);
  const spanPositions = span ? tokens.flatMap((t, i) => (span.words.includes(t.form) ? [i] : [])) : [];
  const range = span ? { from: span.from, to: span.to, positions: spanPositions } : named ? { from: named.day, to: named.day, positions: dayPositions } : monthRange;
  const upcoming = has('upcoming');
  const next = has('next');
  // "Hvor mange børn er der pr. 1. marts?" asks for a figure as of that day, not for the calendar of it.
  const figureOnDay = has('figure') && dateKinds.size === 0 && !has('when') && (named !== undefined || metricNamed(lexicon, tokens, words));
  if ((range && !figureOnDay) || (upcoming && (dateKinds.size > 0 || has('dates')))) intents.add('dates');
  const askedWhen = has('when');
  const askedWho = has('who');
  // Deadlines and interviews are dates by nature ("Hvem deltager i GRUS-samtalerne?" is a meeting, not a date).
  // "what is the budget responsibility of X", "do the clusters have their own budget responsibility": a topic named like a
  // kind of deadline ("budget") in a question about a responsibility is no date asked for, unless a date is asked too.
  const topicOnly = has('responsibility') && !askedWhen && !has('dates') && range === undefined && !dateKinds.has('deadline');
  const deadline = !topicOnly && DEADLINE_KINDS.some((k) => dateKinds.has(k));
  if ((deadline || (dateKinds.has('interview') && !askedWho) || askedWhen || dateKinds.has('start')) && !intents.has('reporting')) {
    intents.add('dates');
  }
  if (!intents.has('dates')) {
    dateKinds.clear();
    dateKindTerms.clear();
  }

  let direction: 'up' | 'down' | undefined;
  if (intents.has('reporting')) direction = has('reporting-down') ? 'down' : 'up';
  const chain = has('reporting-chain');

  // "how many rings are there": a word counted right after a "how many" is the thing counted, no one to contact.
  const countedFirst = matched.has('figure') ? countedPositions(tokens, matched.get('figure')!.positions, lexicon) : [];
  const contactAt = matched.get('contact')?.positions.filter((p) => !STOPWORDS.has(tokens[p]!.form)) ?? [];
  if (contactAt.length > 0 && contactAt.every((p) => countedFirst.includes(p))) {
    matched.delete('contact');
    if (![...matched.keys()].some((k) => INTENT_OF[k] === 'contact')) intents.delete('contact');
  }
  // (Over the lexicon's list, not a copy of it per question.)
  const intentWords = new OverlaySet(lexicon.questionWords);
  // A word that only colours the sentence ("egentlig", "actually": the lexicon's fillers) asks for nothing an answer
  // must say, whether or not the documents use it.
  for (const token of tokens) if (lexicon.fillerWords.has(token.form)) intentWords.add(token.form);
  const cuePositions = new Set<number>();
  const consume = (positions: readonly number[], keep: readonly number[] = []) => {
    for (const p of positions) {
      if (keep.includes(p)) continue;
      cuePositions.add(p);
      intentWords.add(tokens[p]!.form);
    }
  };
  for (const [kind, m] of matched) {
    if (lexicon.keepWords.has(kind)) continue;
    // A compound matched by its head ("områdemøder" by '*møder') still names a thing.
    consume(m.positions, m.heads);
  }
  if (intents.has('dates')) {
    for (const m of dateKindMatches.values()) consume(m.positions, m.heads);
    // Every cue of a kind asked for says what is asked, not only its strongest ("hvornår skal vi senest sende …":
    // "senest" as well as "skal … sende"); a compound matched by its head still names a thing, and so does a word the
    // strongest cue of a kind matched as a compound ("budgetønskerne" by 'budget*': what is due).
    const compounds = new Set([...dateKindMatches.values()].flatMap((m) => m.heads));
    if (dateKinds.size > 0) consume([...lexicon.dateKinds.coverageOf(tokens, new Set<string>(dateKinds), words, false)].filter((p) => !compounds.has(p)));
  }
  if (range) consume(range.positions);
  if (phrase) consume(phrase.positions);
  if (roundMatch) consume(roundMatch[1].positions);
  if (smalltalk) consume([...smalltalkPositions]);

  const strongest = [...lexicon.metrics.match(tokens, words)];
  // The words right after each "how many": what is counted.
  const countedAt = matched.has('figure') ? countedPositions(tokens, matched.get('figure')!.positions, lexicon) : [];
  const metricMatches = strongest
    .map(([metric, m]): [string, CueMatch] => {
      // "how many consultants are in the konsulentteam": the metric is named where it is counted, not where its
      // strongest cue happens to match ('konsulent*' in a team's name).
      if (!m.positions.some((p) => countedAt.includes(p))) {
        const there = [...lexicon.metrics.coverageOf(tokens, new Set([metric]), words)].filter((p) => countedAt.includes(p));
        if (there.length > 0 && !strongest.some(([, o]) => o !== m && o.positions.some((p) => there.includes(p)))) return [metric, { ...m, positions: there }];
      }
      const stronger = strongest.filter(([, o]) => o !== m && o.strength >= m.strength && o.cue.length > m.cue.length);
      const others = new Set(stronger.flatMap(([, o]) => o.positions));
      if (!m.positions.some((p) => others.has(p))) return [metric, m];
      // "how many kids go to the children's houses": a metric's strongest cue lies inside another's ("children" in
      // "children's houses"), but another of its words stands alone ("kids"): that word is where it is named.
      const elsewhere = [...lexicon.metrics.coverageOf(tokens, new Set([metric]), words)].filter((p) => !others.has(p)).sort((a, b) => a - b);
      return elsewhere.length > 0 ? [metric, { ...m, positions: elsewhere }] : [metric, m];
    })
    .sort((a, b) => Math.min(...a[1].positions) - Math.min(...b[1].positions));
  // "børnehuse" is a count of houses, not of children: a metric whose cue is inside a stronger one's word is dropped.
  const metrics = metricMatches.filter(([, m]) => !metricMatches.some(([, o]) => o !== m && o.strength >= m.strength && o.positions.some((p) => m.positions.includes(p)) && o.cue.length > m.cue.length)).map(([metric]) => metric as Figure['metric']);
  // "hvor mange timer er souschefen frikøbt": the thing counted comes right after "how many"; a metric
  // named later in the question is not what is counted. A hyphenated modifier ("day-care facilities") may come between.
  const howMany = matched.get('figure');
  // A word that is both ("børnetallet") names the count and what it counts.
  // "the children figure", "børn-tallet": a metric right before the cue is what it counts.
  const countedBefore = howMany !== undefined && metricMatches.some(([, m]) => m.positions.includes(Math.min(...howMany.positions) - 1));
  if (howMany && metrics.length > 0 && !countedBefore && !metricMatches.some(([, m]) => m.positions.some((p) => howMany.positions.includes(p)))) {
    // Each "how many" of the question ("how many childminders and how many kids") names a thing counted.
    const nexts = countedPositions(tokens, howMany.positions, lexicon);
    const metricStarts = metricMatches.map(([, m]) => Math.min(...m.positions));
    // A metric said in the hyphenated modifier before the word ("day-care facilities": "day cares") is counted too.
    const isMetric = (next: number) => metricStarts.includes(next) || metricMatches.some(([, m]) => m.positions.some((p) => p === next || (p < next && p >= next - 4 && isHyphenPart(tokens, p))));
    // ("Kids in X and Y, how many in each": a word that spreads the count over units counts nothing itself.)
    const eachAt = (next: number) => lexicon.eachWords.some((words) => words.every((w, k) => tokens[next + k]?.form === w));
    const counted = nexts.filter((next) => !eachAt(next));
    if (counted.length > 0 && !counted.some(isMetric)) metrics.splice(0, metrics.length);
  }
  const metric = intents.has('figure') ? metrics[0] : undefined;
  const policyTypes = new Set(lexicon.policyTypes.match(tokens, words).keys());
  // "number of consultants": the "number" of a count is no phone number.
  const figureAt = new Set(howMany?.positions ?? []);
  // "who covers for X when he is on holiday": "covers" asks for a stand-in, not the period a policy covers.
  const deputyAt = matched.has('deputy') || matched.has('deputy-for') ? lexicon.kinds.coverageOf(tokens, new Set<QuestionKind>(['deputy', 'deputy-for']), words) : new Set<number>();
  const attributes = [...lexicon.attributes.match(tokens, words)]
    .filter(([, m]) => !(metrics.length > 0 && m.positions.every((p) => figureAt.has(p))))
    // "how many rings are there": a word counted right after a "how many" is the thing counted, no attribute asked.
    // (The phone's only: "hvor stor er lønnen" asks the pay.)
    .filter(([attribute, m]) => !(attribute === 'phone' && m.positions.every((p) => countedAt.includes(p))))
    .filter(([attribute, m]) => !(attribute === 'period' && m.positions.every((p) => deputyAt.has(p))))
    // "what is the budget responsibility of X": the budget is the topic of a responsibility, not a figure asked for.
    .filter(([attribute]) => !(attribute === 'budget' && topicOnly))
    .map(([attribute]) => attribute);

  // Own keys only: "constructor" is no number.
  const cardinalWord = tokens.find((t) => Object.hasOwn(lexicon.numbers, t.form));
  const cardinal = cardinalWord && !intents.has('figure') ? lexicon.numbers[cardinalWord.form] : undefined;
  if (cardinalWord && cardinal !== undefined) intentWords.add(cardinalWord.form);

  return {
    lang,
    text,
    folded,
    tokens,
    kinds: matched,
    intents,
    direction,
    chain,
    dateKinds,
    dateKindTerms,
    round,
    range: range && { from: range.from, to: range.to },
    // A figure asked "from <month>" is the state on its first day; an everyday phrase names a day too.
    day: named?.day ?? (figureOnDay && monthRange ? monthRange.from : phrase?.day),
    upcoming,
    next,
    askedWhen,
    askedWho,
    metric,
    metrics: intents.has('figure') ? metrics : [],
    metricAt: new Map(metricMatches.map(([metric, m]) => [metric, m.positions])),
    policyTypes,
    attributes,
    smalltalk,
    cardinal,
    intentWords,
    cuePositions,
  };
}

/**
 * The words of a name the question uses are not cue words: in "who is the head of development",
 * "head of" belongs to the role's name and does not ask for a unit's leader; in "hvad går
 * Godt i gang/Start ud på", "start" names the policy. A kind whose cue lies wholly inside a longer
 * name is dropped, with the intent it alone gave.
 */
export function withoutNameCues(
  u: Understanding,
  names: ReadonlyArray<{ readonly start: number; readonly end: number; readonly whole?: boolean }>,
  datePositions: ReadonlySet<number> = new Set(),
  /** Every position a cue of the kind covers (not only its strongest cue's), when known. */
  coverage?: (kind: QuestionKind) => ReadonlySet<number>,
  /** Names of several words of any kind (concepts too), read only for a kind of date said inside one. */
  phrases: ReadonlyArray<{ readonly start: number; readonly end: number }> = [],
): Understanding {
  const dropped: QuestionKind[] = [];
  const inAnyName = (p: number) => names.some((n) => p >= n.start && p < n.end);
  for (const [kind, m] of u.kinds) {
    // Function words of the cue ("who is the head of") say nothing of their own.
    const words = m.positions.filter((p) => !STOPWORDS.has(u.tokens[p]?.form ?? ''));
    if (words.length === 0) continue;
    // A name that is the whole of what a definition asks about ("hvad er personaleledelse") is that name even when
    // it is no longer than another kind's cue.
    // So is a cue that matched only a part of a compound the name is ("funktion*" in "funktionschefen").
    const partOfWord = words.every((p) => m.heads.includes(p));
    const inside = names.some((n) => (n.end - n.start > words.length || (n.whole === true && kind !== 'definition') || partOfWord) && words.every((p) => p >= n.start && p < n.end));
    // "the staff unit manager's boss": another cue of the kind outside every name still asks.
    const elsewhere = inside && coverage !== undefined && [...coverage(kind)].some((p) => !STOPWORDS.has(u.tokens[p]?.form ?? '') && !inAnyName(p));
    if (inside && !elsewhere) dropped.push(kind);
  }
  // "Hvad går Start ud på?": a whole name that is also a kind of date ("start") names the item unless
  // the question asks when or names a day. So does a name of several words that says a kind of date among words of its
  // own ("hvad går Sprog fra start ud på": a focus area's name, `phrases` also holds names of concepts).
  const positionsOf = (n: { readonly start: number; readonly end: number }) => Array.from({ length: n.end - n.start }, (_, i) => n.start + i);
  const wholeDate = (n: { readonly start: number; readonly end: number }) => positionsOf(n).every((p) => datePositions.has(p));
  const saysOwnWords = (n: { readonly start: number; readonly end: number }) =>
    positionsOf(n).filter((p) => !datePositions.has(p) && !STOPWORDS.has(u.tokens[p]?.form ?? '')).length > 0 && positionsOf(n).some((p) => datePositions.has(p));
  const carriers = [...names.filter(wholeDate), ...phrases.filter(saysOwnWords)];
  const inName = (p: number) => carriers.some((n) => p >= n.start && p < n.end);
  const dateNamed =
    !u.askedWhen && u.range === undefined && !u.kinds.has('dates') && u.dateKinds.size > 0 && datePositions.size > 0 && [...datePositions].every(inName) ? carriers : [];
  if (dateNamed.length > 0) {
    const cuePositions = new Set(u.cuePositions);
    const intentWords = new OverlaySet(u.intentWords);
    for (const n of dateNamed) {
      for (const p of positionsOf(n)) {
        // (Only the date words of a longer name: its other words may still be cues of their own.)
        if (!wholeDate(n) && !datePositions.has(p)) continue;
        cuePositions.delete(p);
        intentWords.delete(u.tokens[p]!.form);
      }
    }
    const intents = new Set(u.intents);
    intents.delete('dates');
    u = { ...u, cuePositions, intentWords, intents, dateKinds: new Set(), dateKindTerms: new Set() };
  }
  // The words of a whole name are matched again ("personaleledelse" finds the concept's facts).
  return withoutKinds(u, dropped, (p) => names.some((n) => n.whole === true && p >= n.start && p < n.end));
}

/**
 * "hvor mange børn har Ring Højen", "who leads Ring Bækkedal": a word that asks for an attribute ("ring": a phone
 * number) that lies wholly inside a longer name the question links is part of that name, not the attribute asked.
 * Such attributes go; a count the attribute had silenced ("number" read as the phone's) is a count again.
 */
export function withoutNameAttributes(u: Understanding, names: ReadonlyArray<{ readonly start: number; readonly end: number }>, lexicon: Lexicon): Understanding {
  if (u.attributes.length === 0 || names.length === 0) return u;
  const inside = (positions: ReadonlySet<number>) => {
    const words = [...positions].filter((p) => !STOPWORDS.has(u.tokens[p]?.form ?? ''));
    return words.length > 0 && names.some((n) => n.end - n.start > words.length && words.every((p) => p >= n.start && p < n.end));
  };
  // (The phone's only: its everyday cue words, "ring", "call", begin names; a pay or a period named stays asked.)
  const dropped = u.attributes.filter((a) => a === 'phone' && inside(lexicon.attributes.coverageOf(u.tokens, new Set([a]))));
  if (dropped.length === 0) return u;
  const attributes = u.attributes.filter((a) => !dropped.includes(a));
  if (!dropped.includes('phone') || u.kinds.has('figure')) return { ...u, attributes };
  const figure = lexicon.kinds.match(u.tokens).get('figure');
  if (!figure) return { ...u, attributes };
  const kinds = new Map(u.kinds);
  kinds.set('figure', figure);
  const cuePositions = new Set(u.cuePositions);
  for (const p of figure.positions) cuePositions.add(p);
  return { ...u, attributes, kinds, intents: new Set([...u.intents, 'figure']), cuePositions };
}

/**
 * The understanding without some of its kinds (their cue words and the intents they alone gave); `restored` says which
 * of their cue words are search words again.
 */
export function withoutKinds(u: Understanding, dropped: readonly QuestionKind[], restored: (position: number) => boolean = () => false): Understanding {
  if (dropped.length === 0) return u;
  const kinds = new Map(u.kinds);
  for (const kind of dropped) kinds.delete(kind);
  const intents = new Set(u.intents);
  for (const kind of dropped) {
    const intent = INTENT_OF[kind];
    if (!intent || [...kinds.keys()].some((k) => INTENT_OF[k] === intent)) continue;
    // A day, a month or a kind of date still asks for dates.
    if (intent === 'dates' && (u.range !== undefined || u.dateKinds.size > 0)) continue;
    intents.delete(intent);
  }
  // "how many kids in the early years area": a "when" cue inside a name ("years") asked for no date, unless
  // something else still does (a day, a month, a kind of date, a dates cue).
  if (dropped.includes('when') && !kinds.has('when') && !kinds.has('dates') && u.range === undefined && u.dateKinds.size === 0) intents.delete('dates');
  const cuePositions = new Set(u.cuePositions);
  const intentWords = new OverlaySet(u.intentWords);
  for (const kind of dropped) {
    for (const p of u.kinds.get(kind)!.positions) {
      if ([...kinds.values()].some((m) => m.positions.includes(p))) continue;
      cuePositions.delete(p);
      if (restored(p)) intentWords.delete(u.tokens[p]!.form);
    }
  }
  return {
    ...u,
    kinds,
    intents,
    cuePositions,
    intentWords,
    direction: intents.has('reporting') ? u.direction : undefined,
    askedWhen: kinds.has('when') && u.askedWhen,
    askedWho: kinds.has('who') && u.askedWho,
  };
}

/**
 * "ok, det var lige det jeg skulle bruge. tak", "tak for svaret om budgettet": a message that ends with thanks or a
 * goodbye, or opens with thanks for something, and asks nothing (no question mark, no sentence that opens with a word
 * that asks: "tak. er der møde i morgen", "ok tak hvad med fristen") closes the conversation, whatever else it says.
 */
function closesConversation(text: string, lexicon: Lexicon): 'thanks' | 'bye' | undefined {
  // (Read from the whole message: the thanks that opens it is a preamble the question is read without.)
  const tokens = analyzeText(foldText(text));
  const matches = lexicon.smalltalk.match(tokens);
  const kind = matches.has('thanks') ? 'thanks' : matches.has('bye') ? 'bye' : undefined;
  if (kind === undefined || text.includes('?')) return undefined;
  // Each sentence's (or clause's) first word besides the small talk: a word that asks there makes it a question.
  for (const part of text.split(/[.!;:,\n]+|\s[-–]\s/)) {
    const sentence = analyzeText(foldText(part));
    const talk = lexicon.smalltalk.coverage(sentence);
    const first = sentence.find((_, i) => !talk.has(i));
    if (first && (lexicon.interrogatives.has(first.form) || lexicon.askingVerbs.has(first.form))) return undefined;
  }
  const positions = lexicon.smalltalk.coverage(tokens);
  for (const p of lexicon.addressees.coverage(tokens)) positions.add(p);
  const words = tokens.map((_, i) => i).filter((i) => !STOPWORDS.has(tokens[i]!.form));
  if (words.length === 0) return undefined;
  const last = words[words.length - 1]!;
  // Thanks for something ("tak for svaret", "thanks for the help"): the thanks opens it and "for" follows.
  const thanksFor = matches.has('thanks') && positions.has(words[0]!) && tokens.some((t, i) => t.form === 'for' && positions.has(i - 1));
  return positions.has(last) || thanksFor ? kind : undefined;
}

