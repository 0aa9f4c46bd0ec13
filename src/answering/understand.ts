/**
 * Question understanding: what kind of question it is (intent) and its date constraints.
 * The things it is about are found by the search index, not here.
 */
import type { DateEntry, Figure } from '../knowledge/schemas.js';
import { addDays, MONTH_NAMES, toLocalDate } from '../time/format-date.js';
import { detectLanguage } from './language.js';
import { analyzeText, boundedEditDistance, foldText, stripMarkup, type Token } from './normalize.js';
import type { Lang } from './types.js';

/** The kinds of question the engine answers. */
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

/** What the engine understood of a question. */
export interface Understanding {
  readonly lang: Lang;
  readonly text: string;
  readonly folded: string;
  readonly tokens: readonly Token[];
  readonly intents: ReadonlySet<Intent>;
  /** For reporting questions: `up` (whom X reports to), `down` (who reports to X), or unclear. */
  readonly direction?: 'up' | 'down';
  /** Date kinds the question names ("ansøgningsfrist", "interview", ...). */
  readonly dateKinds: ReadonlySet<DateEntry['kind']>;
  /** Interview round ("første samtale" -> 1). */
  readonly round?: number;
  /** A calendar range the question names ("i januar 2026", "in 2026"). */
  readonly range?: { readonly from: string; readonly to: string };
  /** "kommende", "upcoming": only dates from today on; "next": only the first of them. */
  readonly upcoming: boolean;
  readonly next: boolean;
  /** True when the question asks "when" (or for a date) in so many words. */
  readonly askedWhen: boolean;
  /** What a "how many" question counts (children, employees, ...), when it says. */
  readonly metric?: Figure['metric'];
  /** A count the question names ("Hvilke seks begreber", "which three capabilities"). */
  readonly cardinal?: number;
  /** Words that only served to recognise the intent or date constraint (not things to match). */
  readonly intentWords: ReadonlySet<string>;
}

const INTENT_PATTERNS: ReadonlyArray<[Intent, RegExp]> = [
  ['reporting', /\b(refer\w*|re?pr?o?r?t\w*|rapporter\w*|manage[sd]?|managing|boss|superior|overordnede?|naermeste leder|chef for|leder for|personaleansvar|personaleleder|line manager|reports?)\b/],
  ['holder', /^(hvem er|hvem var|who is|who s|who was)\b/],
  ['leader', /\b(who|hvem)\s+(leder|leads|heads|manages|runs|styrer)\b|\b(hvem|who)\s+(er|is)\s+(leder|lederen|chef|chefen|head|the head|leader|the leader|in charge)\s+(af|for|of)\b|\bi spidsen for\b/],
  // Deadlines and interviews join through their date kinds below (a "GRUS-samtale" is no interview date).
  ['dates', /\b(hvornaar|when|dato\w*|dates?|kalender|calendar|upcoming|kommende)\b/],
  ['contact', /\b(kontakt\w*|ring\w*|telefon\w*|tlf|phone|call|contact\w*|e-?mail|spoerge|sporge)\b|\b(who can i|hvem kan jeg) (ask|talk|tale|spoerge)/],
  ['figure', /\b(hvor mange|how many|antal\w*|number of|hvor stor\w*|how (big|large))\b/],
  ['responsibility', /\b(ansvar\w*|opgave\w*|responsib\w*|tasks?|duties|duty|what does .* do|hvad laver)\b/],
  ['competence', /\b(kompetence\w*|kvalifikation\w*|skills?|competenc\w*|qualifi\w*|evner|profil\w*)\b/],
  ['education', /\b(uddannelse\w*|education\w*|degree|erfaring\w*|experience)\b/],
  ['requirement', /\b(kraev\w*|krav\w*|require\w*|forudsaetning\w*|attest\w*|vedhaefte?|attach\w*|submit\w*|ansoeg\w*|apply|application)\b/],
  ['condition', /\b(vilkaar\w*|loen\w*|arbejdstid\w*|fuld ?tid\w*|conditions?|salary|pay|hours|full[- ]time)\b/],
  ['offer', /\b(tilbyde\w*|tilbud\w*|offers?|benefits?)\b/],
  ['policy', /\b(politik\w*|strategi|strategien|strategier\w*|lov|loven|love|lovgivning\w*|aftale\w*|ramme\w*|polic\w*|strategy|strategies|laws?|acts?|legislation|agreements?|frameworks?|regulat\w*)\b/],
  ['meeting', /\b(moede\w*|forum|fora|meetings?|meet)\b/],
  ['programme', /\b(program\w*|vaerktoej\w*|metode\w*|redskab\w*|tools?|methods?)\b/],
  ['membership', /\b(who is in|who are in|hvem er i|hvem er med|medlem\w*|members?|bestaar|consists?|sidder|sits?|organiseret|organi[sz]ed|sammensat|ledelsesgruppe\w*|ledergruppe\w*|ledelsesteam\w*|leadership (group|team))\b/],
  ['definition', /^(hvad er|hvad betyder|hvad staar|what is|what are|what does \w+ (mean|stand))\b/],
];

/** Words used only to ask (not things to match); folded. */
const QUESTION_WORDS = new Set(
  `refererer referere refererede reports report reporting reprot manages manage managed boss superior overordnet
  overordnede hvornaar when kontakte ringe call phone contact hvor mange how many antal number`
    .split(/\s+/)
    .filter(Boolean),
);

const DATE_KIND_PATTERNS: ReadonlyArray<[DateEntry['kind'], RegExp]> = [
  ['application-deadline', /\b(ansoegningsfrist\w*|frist\w*|application deadlines?|deadlines?|closing date|apply by)\b/],
  ['interview', /\b(samtale\w*|jobsamtale\w*|interview\w*)\b/],
  ['start', /\b(tiltraed\w*|ansaettelsesdato\w*|startdato\w*|start\w*|begin\w*|foerste arbejdsdag|first day)\b/],
  ['evaluation', /\b(evaluering\w*|evaluation\w*|evaluated)\b/],
];

const ROUND_PATTERNS: ReadonlyArray<[number, RegExp]> = [
  [1, /\b(1\.?|foerste|first|1st)\s*(samtale\w*|interview\w*|runde\w*|round\w*)/],
  [2, /\b(2\.?|anden|andet|second|2nd)\s*(samtale\w*|interview\w*|runde\w*|round\w*)/],
];

/** What a "how many" question counts. */
const FIGURE_METRICS: ReadonlyArray<[Figure['metric'], RegExp]> = [
  ['children', /\b(boern\w*|children|kids|child)\b/],
  ['employees', /\b(ansatte|medarbejder\w*|employees?|staff|personale\w*)\b/],
  ['consultants', /\b(konsulent\w*|consultants?)\b/],
  ['clusters', /\b(klynge\w*|clusters?)\b/],
  ['districts', /\b(distrikt\w*|districts?)\b/],
  ['houses', /\b(boernehuse\w*|huse|houses?)\b/],
  ['facilities', /\b(dagtilbud|institution\w*|facilit\w*|day[- ]care (centres?|centers?|facilities|institutions))\b/],
  ['citizens', /\b(borgere\w*|indbyggere\w*|citizens?|inhabitants?|population|befolkning\w*)\b/],
  ['leaders', /\b(ledere|lederne|leaders)\b/],
];

/** Counting words, Danish and English (folded). */
const CARDINALS: Readonly<Record<string, number>> = {
  to: 2, tre: 3, fire: 4, fem: 5, seks: 6, syv: 7, otte: 8, ni: 9, ti: 10,
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
};

/** Parses a month (and optional year) or a year alone into a date range. */
const MONTHS = [...MONTH_NAMES.da, ...MONTH_NAMES.en].map((m) => foldText(m));
const MONTH_PATTERN = new RegExp(`\\b(${[...new Set(MONTHS)].join('|')})\\b(?:\\s+(\\d{4}))?`);

function findRange(folded: string, today: string): { from: string; to: string } | undefined {
  const months = MONTHS;
  const match = folded.match(MONTH_PATTERN);
  if (match) {
    const monthIndex = months.indexOf(match[1]!) % 12;
    const year = match[2] ? Number(match[2]) : Number(today.slice(0, 4));
    const from = `${year}-${String(monthIndex + 1).padStart(2, '0')}-01`;
    const to = addDays(`${monthIndex === 11 ? year + 1 : year}-${String(((monthIndex + 1) % 12) + 1).padStart(2, '0')}-01`, -1);
    return { from, to };
  }
  const year = folded.match(/\b(?:i|in|during|under)\s+(20\d{2}|19\d{2})\b/);
  if (year) return { from: `${year[1]}-01-01`, to: `${year[1]}-12-31` };
  return undefined;
}

const REPORTS_TO = '\\b(refer\\w*|re?pr?o?r?t\\w*|rapporter\\w*)\\s+(direkte\\s+|directly\\s+)?(til|to)';
/** "... report to?" or "... report to in Ballerup?": the subject asks upward. */
const REPORTS_TO_END = new RegExp(`${REPORTS_TO}\\s*($|\\b(i|in|paa|at|within|inden for|hos)\\b)`);
/** "... reports to the head of day care": who reports to someone. */
const REPORTS_TO_SOMEONE = new RegExp(`${REPORTS_TO}\\s+\\w`);

/** Words that decide what kind of question it is, worth recognising through a typo (folded). */
const KEYWORDS = [
  'ansoegningsfristen',
  'ansoegningsfrist',
  'refererer',
  'samtale',
  'samtaler',
  'interview',
  'deadline',
  'kontaktperson',
  'telefonnummer',
  'hvornaar',
  'ansvar',
  'kompetencer',
  'politikker',
  'strategier',
];

/** Replaces a near miss of a keyword ("ansøgningsfrsten") by the keyword itself. */
function correctKeywords(folded: string): string {
  return folded
    .split(' ')
    .map((word) => {
      if (word.length < 6 || KEYWORDS.includes(word)) return word;
      const max = word.length >= 8 ? 2 : 1;
      return KEYWORDS.find((keyword) => boundedEditDistance(word, keyword, max) <= max) ?? word;
    })
    .join(' ');
}

const globals = new Map<RegExp, RegExp>();
/** The global twin of a pattern, compiled once (for `matchAll`). */
function globalOf(pattern: RegExp): RegExp {
  let global = globals.get(pattern);
  if (!global) globals.set(pattern, (global = new RegExp(pattern.source, 'g')));
  return global;
}

/** Understands a question. */
export function understand(question: string, now: Date, localeHint?: string): Understanding {
  const text = stripMarkup(question).trim();
  const folded = correctKeywords(foldText(text).replace(/[^a-z0-9\s-]/g, ' ').replace(/\s+/g, ' ').trim());
  const lang = detectLanguage(text, localeHint);
  const tokens = analyzeText(folded);
  const intents = new Set<Intent>();
  for (const [intent, pattern] of INTENT_PATTERNS) if (pattern.test(folded)) intents.add(intent);

  const dateKinds = new Set<DateEntry['kind']>();
  for (const [kind, pattern] of DATE_KIND_PATTERNS) if (pattern.test(folded)) dateKinds.add(kind);
  const round = ROUND_PATTERNS.find(([, pattern]) => pattern.test(folded))?.[0];
  const today = toLocalDate(now);
  const range = findRange(folded, today);
  const upcoming = /\b(kommende|upcoming|naeste|next|fremtidige?|future|snart|soon)\b/.test(folded);
  const next = /\b(naeste|next)\b/.test(folded);
  if (range || (upcoming && (dateKinds.size > 0 || /\b(dato\w*|dates?|frist\w*|deadlines?)\b/.test(folded)))) intents.add('dates');
  // Deadlines and interviews are dates by nature; a start or an evaluation only when asked "when".
  const askedWhen = /\b(hvornaar|when|dato\w*|dates?|aar|year|hvilken dag|what day)\b/.test(folded);
  // "Hvem deltager i GRUS-samtalerne?" is about a meeting, not an interview date.
  const askedWho = /\b(hvem|who|whom)\b/.test(folded);
  if ((dateKinds.has('application-deadline') || (dateKinds.has('interview') && !askedWho) || askedWhen || dateKinds.has('start')) && !intents.has('reporting')) {
    intents.add('dates');
  }
  if (!intents.has('dates')) dateKinds.clear();

  let direction: 'up' | 'down' | undefined;
  if (intents.has('reporting')) {
    if (REPORTS_TO_END.test(folded)) direction = 'up';
    else if (REPORTS_TO_SOMEONE.test(folded)) direction = 'down';
    else if (/\b(who|hvem)\b.*\b(does|do|did|har)\b.*\b(manage|lead|personaleansvar)\b/.test(folded)) direction = 'down';
    else if (/\b(direct reports|underordnede|medarbejdere under)\b/.test(folded)) direction = 'down';
    else direction = 'up';
  }

  const intentWords = new Set(QUESTION_WORDS);
  // Words that asked for a kind of answer (a date kind, a contact, responsibilities, ...) are
  // handled by choosing that kind of fact, so they must not also be matched as things.
  for (const [intent, pattern] of INTENT_PATTERNS) {
    if (!intents.has(intent) || intent === 'definition') continue;
    for (const match of folded.matchAll(globalOf(pattern))) {
      // Phrases with a gap ("what does X do") keep their middle: X is the thing asked about.
      const words = match[0].split(/\s+/);
      if (words.length <= 3) for (const word of words) intentWords.add(word);
    }
  }
  for (const [kind, pattern] of DATE_KIND_PATTERNS) {
    if (!dateKinds.has(kind)) continue;
    for (const match of folded.matchAll(globalOf(pattern))) for (const word of match[0].split(/\s+/)) intentWords.add(word);
  }
  if (intents.has('contact')) for (const word of ['person', 'personen', 'kontaktperson', 'kontaktpersonen']) intentWords.add(word);
  if (range) for (const m of [...MONTH_NAMES.da, ...MONTH_NAMES.en]) intentWords.add(foldText(m));
  if (range) for (const t of tokens) if (/^\d{4}$/.test(t.form)) intentWords.add(t.form);
  for (const word of ['kommende', 'upcoming', 'naeste', 'next', 'fremtidige', 'future', 'datoer', 'dato', 'dates', 'date'])
    intentWords.add(word);
  if (intents.has('membership'))
    for (const word of ['organiseret', 'organised', 'organized', 'organisation', 'organiseringen', 'sammensat', 'bestaar', 'consist', 'consists', 'made', 'up'])
      intentWords.add(word);
  if (round !== undefined) for (const word of ['1', '2', 'foerste', 'first', '1st', 'anden', 'andet', 'second', '2nd', 'runde', 'round'])
    intentWords.add(word);

  // Own keys only: "constructor" is no number.
  const cardinalWord = tokens.find((t) => Object.hasOwn(CARDINALS, t.form));
  const cardinal = cardinalWord && !intents.has('figure') ? CARDINALS[cardinalWord.form] : undefined;
  if (cardinalWord && cardinal !== undefined) intentWords.add(cardinalWord.form);

  const metric = intents.has('figure') ? FIGURE_METRICS.find(([, pattern]) => pattern.test(folded))?.[0] : undefined;

  return { lang, text, folded, tokens, intents, direction, dateKinds, round, range, upcoming, next, askedWhen, metric, cardinal, intentWords };
}
