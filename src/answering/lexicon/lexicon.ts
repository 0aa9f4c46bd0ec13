/**
 * The lexicon: question kinds and their cue phrases as data (lexicon.json), validated at start and
 * compiled into matchers over folded, stemmed tokens. See lexicon.json's `$comment` for the syntax.
 */
import { z } from 'zod/v4';
import lexiconJson from './lexicon.json' with { type: 'json' };
import { DateKindSchema, FigureSchema } from '../../knowledge/schemas.js';
import type { Figure } from '../../knowledge/schemas.js';
import { boundedEditDistance, foldText, stemsOf, tokenize, type Token } from '../normalize.js';

const CuesSchema = z
  .object({ da: z.array(z.string().min(1)).default([]), en: z.array(z.string().min(1)).default([]) })
  .describe('Cue phrases in Danish and English');

/** The question kinds the engine knows; the lexicon may add cues to them, not invent new ones. */
export const QUESTION_KINDS = [
  'reporting-up',
  'reporting-down',
  'reporting-chain',
  'holder',
  'leader',
  'dates',
  'contact',
  'figure',
  'total',
  'responsibility',
  'competence',
  'education',
  'requirement',
  'condition',
  'offer',
  'policy',
  'meeting',
  'programme',
  'membership',
  'definition',
  'when',
  'who',
  'upcoming',
  'next',
  'frequency',
  'deputy',
  'deputy-for',
  'decision',
  'chair',
  'after-change',
  'before-change',
  'change-compare',
] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const ATTRIBUTES = ['phone', 'email', 'salary', 'address', 'age', 'budget', 'period', 'opening-hours', 'responses', 'owner', 'expansion'] as const;
export type Attribute = (typeof ATTRIBUTES)[number];

/** What a question may ask of a decision besides what, when and who (see lexicon.json's `decisionWords`). */
export const DECISION_ASKS = ['for', 'against', 'abstained', 'unanimous', 'vote', 'agenda', 'noted', 'why', 'proposal', 'remit', 'yes-no', 'meeting'] as const;
export type DecisionAsk = (typeof DECISION_ASKS)[number];

/** What a question may ask of a meeting's calendar besides its days: the days it is not held, moved or held extra (see lexicon.json's `meetingChangeWords`). */
export const MEETING_CHANGES = ['cancelled', 'moved', 'extra'] as const;
export type MeetingChange = (typeof MEETING_CHANGES)[number];

/** What a question asks about who holds an office besides the chair: vice-chair, secretary, hiring committee, a leave. */
export const OFFICE_ASKS = ['vice-chair', 'secretary', 'hiring-committee', 'leave'] as const;
export type OfficeAsk = (typeof OFFICE_ASKS)[number];

export const SMALLTALK_KINDS = ['greeting', 'thanks', 'bye', 'ack'] as const;
export type SmalltalkKind = (typeof SMALLTALK_KINDS)[number];

const TextSchema = z.object({ da: z.string().min(1), en: z.string().min(1) });

/** The lexicon file's schema. */
export const LexiconSchema = z.object({
  $comment: z.unknown().optional(),
  kinds: z.array(
    z.object({
      kind: z.enum(QUESTION_KINDS),
      about: z.string().optional(),
      /** Kinds of one group exclude each other: the one with the longest cue wins. */
      group: z.string().optional(),
      /** The cue words still name what is asked about (e.g. "hvad er X"): keep them for matching. */
      keepWords: z.boolean().default(false),
      cues: CuesSchema,
    }),
  ),
  dateKinds: z.array(z.object({ kind: DateKindSchema, cues: CuesSchema })).default([]),
  dateKindOrder: z.array(z.string()).default([]),
  rounds: z.array(z.object({ round: z.number().int().positive(), cues: CuesSchema })).default([]),
  metrics: z
    .array(
      z.object({
        metric: FigureSchema.shape.metric,
        cues: CuesSchema,
      }),
    )
    .default([]),
  policyTypes: z.array(z.object({ type: z.string().min(1), cues: CuesSchema })).default([]),
  /** Everyday words for a kind of document ("referatet" for minutes, "the year planner" for a calendar): asked whom to contact about one. */
  documentKinds: z.array(z.object({ kind: z.string().min(1), cues: CuesSchema })).default([]),
  /** Words that ask who sees to something ("sørge for", "sikre", "make sure", "follow up"): asked of a policy, the duties that name it answer. */
  dutyWords: CuesSchema.default({ da: [], en: [] }),
  attributes: z.array(z.object({ attribute: z.enum(ATTRIBUTES), label: TextSchema, cues: CuesSchema })).default([]),
  smalltalk: z.array(z.object({ kind: z.enum(SMALLTALK_KINDS), cues: CuesSchema })).default([]),
  /** Words that address the bot or the channel ("bot", "assistant", "alle"): neutral in small talk. */
  addressees: CuesSchema.default({ da: [], en: [] }),
  /**
   * The words that ask ("hvem", "hvad", "when", "which"): a message of thanks or goodbye with none of them and no
   * question mark ("ok, det var lige det jeg skulle bruge. tak") asks nothing, whatever else it says.
   */
  interrogatives: CuesSchema.default({ da: [], en: [] }),
  /** Verbs that ask when they open a sentence ("tak. er der møde i morgen"). */
  askingVerbs: CuesSchema.default({ da: [], en: [] }),
  /**
   * Words that point back to a thing named earlier in the message ("den", "their"): a second question joined by "og" /
   * "and" is asked of the first one's thing ("hvor mange børn er der i Myretuen, og hvilket kvarter hører den til").
   */
  pronouns: CuesSchema.default({ da: [], en: [] }),
  /** Words for a change coming about ("oprettes", "merged", "set up"): asked "when", a decision's first day answers. */
  changeWords: CuesSchema.default({ da: [], en: [] }),
  /** Words for a reporting line ("linje", "reference", "line"): with an absence cue, the conditional line is asked. */
  lineWords: CuesSchema.default({ da: [], en: [] }),
  /** Words for whoever leads something ("leder", "leader", "head"): next to a unit's name ("the Mågen leader") they name its leader. */
  leaderWords: CuesSchema.default({ da: [], en: [] }),
  /** Words that ask for a whole list ("hvilke", "name", "parts", "consists of"): a concept's parts are then listed. */
  listWords: CuesSchema.default({ da: [], en: [] }),
  /** Words that ask about a topic ("om", "about", "regarding"): a contact question then asks for that topic's contacts. */
  topicWords: CuesSchema.default({ da: [], en: [] }),
  /** Words that ask from when something applies ("træder i kraft", "take effect"): a decision's first day answers. */
  effectWords: CuesSchema.default({ da: [], en: [] }),
  /** Words that ask where something takes place ("hvor holdes", "where", "venue"): a meeting's place then leads. */
  placeWords: CuesSchema.default({ da: [], en: [] }),
  /** Words that ask one attribute of a decision: the votes, the agenda item, what was noted, why, who proposed it. */
  decisionWords: z
    .object({ $comment: z.string().optional(), ...Object.fromEntries(DECISION_ASKS.map((ask) => [ask, CuesSchema.optional()])) } as Record<'$comment', z.ZodOptional<z.ZodString>> & Record<DecisionAsk, z.ZodOptional<typeof CuesSchema>>)
    .default({}),
  /** Words that ask which days a meeting is not held, moved to, or held besides its rule ("aflyst", "moved", "extra"). */
  meetingChangeWords: z
    .object({ $comment: z.string().optional(), ...Object.fromEntries(MEETING_CHANGES.map((c) => [c, CuesSchema.optional()])) } as Record<'$comment', z.ZodOptional<z.ZodString>> & Record<MeetingChange, z.ZodOptional<typeof CuesSchema>>)
    .default({}),
  /** Words for holding a post as acting ("konstitueret", "acting", "interim"): the acting holders (`actingAs`) then answer. */
  actingWords: CuesSchema.default({ da: [], en: [] }),
  leavingWords: CuesSchema.default({ da: [], en: [] }),
  /** Words for an office besides the chair (næstformand, referent), a hiring committee and a person's leave: those fields then answer. */
  officeWords: z
    .object({ $comment: z.string().optional(), ...Object.fromEntries(OFFICE_ASKS.map((ask) => [ask, CuesSchema.optional()])) } as Record<'$comment', z.ZodOptional<z.ZodString>> & Record<OfficeAsk, z.ZodOptional<typeof CuesSchema>>)
    .default({}),
  /** Words that ask who adopted something or when ("vedtog", "vedtaget", "adopted", "approved"): a policy's adoption answers. */
  adoptWords: CuesSchema.default({ da: [], en: [] }),
  /**
   * Words for being part of a unit ("hører under", "part of"): with a unit named before the cue's last word the unit's
   * parent is asked ("hvad hører dagplejen under"), after it the units under it ("what is part of District Engen").
   */
  partOfWords: CuesSchema.default({ da: [], en: [] }),
  /**
   * Words that ask for one day of a series or a period ("første", "first", "sidste", "last", "efter", "after"): with a
   * recurring meeting named, the first or last of its days in the period asked, or the first after the day named.
   */
  /** Words that open a question answered yes or no ("er", "deltager", "is", "does"): a role named beside a forum it takes part in is then answered "yes". */
  yesNoWords: CuesSchema.default({ da: [], en: [] }),
  sequenceWords: z
    .object({ first: CuesSchema.optional(), last: CuesSchema.optional(), after: CuesSchema.optional() })
    .default({}),
  /** Words that ask what a policy aims at or covers ('formålet med', 'aim at'): answered from its own statements. */
  purposeWords: CuesSchema.default({ da: [], en: [] }),
  /**
   * Words that set the dates of two things against each other: 'compare' ("først", "first", "before or after") and
   * 'or' ("eller", "or"), the word between the two things asked about.
   */
  compareWords: z.object({ compare: CuesSchema.optional(), or: CuesSchema.optional(), difference: CuesSchema.optional() }).default({}),
  /** Words that ask which of several things ('hvilke', 'which'): before a kind of thing ('which meetings') they ask for the list, not one. */
  whichWords: CuesSchema.default({ da: [], en: [] }),
  /** Words that ask whom a policy is for ('gælder for', 'skal følge', 'applies to'): asked "who", its `relevantFor` answers. */
  audienceWords: CuesSchema.default({ da: [], en: [] }),
  /** Words for a job posting ('stillingen', 'jobbet', 'the vacancy'): asked whom to contact with no post named, the postings in scope answer. */
  postingWords: CuesSchema.default({ da: [], en: [] }),
  /**
   * Everyday time phrases ("efter nytår", "next year", "til sommer"): the next day of the year they
   * point at (`month`/`day`), the first day of the month `monthsAhead` months from today, or the first
   * day of the year `yearsAhead` years from this one.
   */
  timePhrases: z
    .array(
      z.object({
        anchor: z.union([
          z.object({ month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) }),
          /** `wholeMonth`: the phrase names that whole month as a period ("next month", "denne måned"), not only its first day. */
          z.object({ monthsAhead: z.number().int().min(0).max(24), wholeMonth: z.boolean().optional() }),
          /** 1 January of the year `yearsAhead` from this one ("start of the year": 0); `wholeYear`: that whole year ("last year": -1). */
          z.object({ yearsAhead: z.number().int().min(-5).max(5), wholeYear: z.boolean().optional() }),
        ]),
        cues: CuesSchema,
      }),
    )
    .default([]),
  questionWords: z.object({ $comment: z.string().optional(), da: z.array(z.string()).default([]), en: z.array(z.string()).default([]) }).default({ da: [], en: [] }),
  synonyms: z.record(z.string(), z.string()).default({}),
  /** Words that stand for each other inside an item's name ("team" and "group", "management" and "leadership"), per language. */
  nameEquivalents: z
    .object({ $comment: z.string().optional(), da: z.array(z.array(z.string().min(1)).min(2)).default([]), en: z.array(z.array(z.string().min(1)).min(2)).default([]) })
    .default({ da: [], en: [] }),
  /** Short spoken forms and their full words ("who's" -> "who is", "whats" -> "what is"), expanded before a question is read. */
  contractions: z.record(z.string(), z.string()).default({}),
  /**
   * Words that open a message without asking anything, removed from its start before it is read:
   * `openers` (greetings, "quick q", "btw") always; `wrappers` ("can you tell me", "jeg skal lige vide")
   * unless a topic word follows ("can you tell me about X" asks what X is). Never the whole message.
   */
  preambles: z
    .object({ $comment: z.string().optional(), openers: CuesSchema.default({ da: [], en: [] }), wrappers: CuesSchema.default({ da: [], en: [] }) })
    .default({ openers: { da: [], en: [] }, wrappers: { da: [], en: [] } }),
  numbers: z.record(z.string(), z.number()).default({}),
  /**
   * Ordinal words and their numbers ("tredje": 3, "third": 3): "sygefraværet i tredje kvartal" names the round a figure
   * writes "3. kvartal"; like number words they are constraints the answer's own rounds must meet (floor.ts).
   */
  ordinals: z.record(z.string(), z.number()).default({}),
  /** Words that distribute a question over every unit of a kind ("hvert", "each"): see `$comment` in lexicon.json. */
  eachWords: CuesSchema.default({ da: [], en: [] }),
  /** Words that join two things asked in one question ("og", "samt", "and"): "hvor mange børn og medarbejdere". */
  andWords: CuesSchema.default({ da: [], en: [] }),
  /** Words that make the word after them a rate, not a thing counted ("om året", "a year", "per time"). */
  rateWords: CuesSchema.default({ da: [], en: [] }),
  /** Words for "the number of" ("antallet af", "the number of"): a figure numbers the word after them (read by figures.ts). */
  numberOfWords: CuesSchema.default({ da: [], en: [] }),
  /** Words that deny ("ikke", "not"). */
  negationWords: CuesSchema.default({ da: [], en: [] }),
  /** Words that, closing a deputy question, ask from the deputy's side ("hvem er X stedfortræder for"). */
  deputySideEnds: CuesSchema.default({ da: [], en: [] }),
  /** Words for a kind of unit, as the first part of another municipality's title for its head ("distriktsleder"). */
  unitKindWords: z
    .object({ $comment: z.string().optional(), levels: z.array(z.object({ types: z.array(z.string().min(1)).min(1), cues: CuesSchema })).default([]) })
    .default({ levels: [] }),
  /** Words that ask whether a relation holds only under a condition ("kun", "only"): a condition answers them. */
  restrictionWords: CuesSchema.default({ da: [], en: [] }),
  /** Words that only colour a sentence ("lige", "egentlig", "just", "actually"): a cue's "+" gap that holds only these holds nothing. */
  fillerWords: CuesSchema.default({ da: [], en: [] }),
  /** Words for one kind of place that stand for each other when a post is described by the place it leads ("dagtilbud", "institution"). */
  placeKinds: z
    .object({ $comment: z.string().optional(), da: z.array(z.array(z.string().min(1)).min(2)).default([]), en: z.array(z.array(z.string().min(1)).min(2)).default([]) })
    .default({ da: [], en: [] }),
  /** Words that spread a count over its groups ("per", "hver", "each"): they ask the size of one. */
  distributiveWords: CuesSchema.default({ da: [], en: [] }),
  /** Indefinite articles and words for any one of a kind ("et", "enhver", "a", "any"): the kind after one names no unit. */
  indefiniteWords: CuesSchema.default({ da: [], en: [] }),
  /** The words for "when" that also open a clause ("når", "when"). */
  whenWords: CuesSchema.default({ da: [], en: [] }),
  /** Words that ask who ("hvem", "who"): a "when" after one is part of that question. */
  whoWords: CuesSchema.default({ da: [], en: [] }),
  /** Words that join a second question to the first ("og", "eller", "and", "or"). */
  joiningWords: CuesSchema.default({ da: [], en: [] }),
  /** Words that join two things counted ("og", "samt", "plus", "and"). */
  countJoinWords: CuesSchema.default({ da: [], en: [] }),
  /** Words that join two things asked about ("og", "vs", "compared"), not a thing and its part. */
  pairJoinWords: CuesSchema.default({ da: [], en: [] }),
  /** Words between a thing and the number of it in a figure ("plads til 80", "capacity of 80"). */
  capacityLinkWords: CuesSchema.default({ da: [], en: [] }),
  /** Words between "how many" and what is counted that only qualify the count ("flere", "more"). */
  countModifiers: CuesSchema.default({ da: [], en: [] }),
  /** Verbs in the past tense ("var", "was"): a day asked about without a year is then the last one passed. */
  pastWords: CuesSchema.default({ da: [], en: [] }),
  /** Words that state a recurrence or amount of time in a text ("hvert", "dagligt", "every", "weekly"). */
  recurrenceWords: CuesSchema.default({ da: [], en: [] }),
  /** Words that bound an age or a length before its number ("under 1 år", "mindst fem års", "at least 3 years"). */
  limitWords: CuesSchema.default({ da: [], en: [] }),
  /** Words asking for the rest of a count ("uden", "without"): the figure of those with the thing answers it. */
  complementWords: CuesSchema.default({ da: [], en: [] }),
  /** Adjectives asking how big a thing is ("lang", "long", "høj"): with a figure's own words they ask for that figure. */
  sizeWords: CuesSchema.default({ da: [], en: [] }),
  /** The words for a figure's unit of measure ("procent" for "%", "kroner" for "kr."): a count of them asks for that figure. */
  measureWords: z
    .object({ $comment: z.string().optional(), units: z.array(z.object({ symbols: z.array(z.string().min(1)).min(1), da: z.array(z.string().min(1)).default([]), en: z.array(z.string().min(1)).default([]) })).default([]) })
    .default({ units: [] }),
  /** Verbs that only place a count in the unit it is of ("placeret i", "hører under", "attached to"): no other number. */
  countLinkWords: CuesSchema.default({ da: [], en: [] }),
  /** Words that count people of no one kind ("personer", "people", "employed"): a unit's figures of the metrics listed. */
  personWords: z
    .object({ $comment: z.string().optional(), da: z.array(z.string().min(1)).default([]), en: z.array(z.string().min(1)).default([]), metrics: z.array(FigureSchema.shape.metric).default([]) })
    .default({ da: [], en: [], metrics: [] }),
  /** The answer floor's words: chat words that never name what is asked, and verbs a date answer accounts for. */
  floor: z
    .object({
      $comment: z.string().optional(),
      chatWords: CuesSchema.default({ da: [], en: [] }),
      eventWords: CuesSchema.default({ da: [], en: [] }),
      /** Words that ask for a time of day ("what time"): an answer without a clock time does not answer them. */
      clockWords: CuesSchema.optional(),
      /**
       * What opens a question that asks for one thing by its name ("hvem er", "what is"): the words after it, up to the
       * first name or place word, say what is asked, and an answer that does not explain one of them answers another thing.
       */
      askedThingOpeners: CuesSchema.optional(),
      /** Kinds of question whose cue words ask for a relation ("stedfortræder", "chair"): a ranked answer that explains none of them speaks of something else. */
      fallbackAskedKinds: z.array(z.string()).optional(),
    })
    .default({ chatWords: { da: [], en: [] }, eventWords: { da: [], en: [] } }),
});
export type LexiconData = z.infer<typeof LexiconSchema>;

/** A lexicon a knowledge base adds to the built-in one: extra cues for known kinds. */
export const LexiconExtensionSchema = LexiconSchema.partial();
export type LexiconExtension = z.infer<typeof LexiconExtensionSchema>;

type Element =
  | { readonly type: 'word'; readonly stem: string; readonly lang: 0 | 1; readonly form: string }
  | { readonly type: 'prefix'; readonly text: string }
  | { readonly type: 'suffix'; readonly text: string }
  | { readonly type: 'exact'; readonly text: string }
  | { readonly type: 'gap'; readonly min: number; readonly max: number };

/** A compiled cue phrase. */
interface Cue {
  readonly phrase: string;
  readonly elements: readonly Element[];
  readonly atStart: boolean;
  readonly atEnd: boolean;
  /** How many words it names literally: a longer cue is a surer sign. */
  readonly strength: number;
  /** Its elements besides the gaps, in order (the matched positions' elements). */
  readonly literals: readonly Element[];
}

/** Where a cue matched: the token positions it used. */
export interface CueMatch {
  readonly cue: string;
  readonly strength: number;
  readonly positions: readonly number[];
  /** Positions matched as a compound's head ('*møder' in "områdemøder"): the word still names something. */
  readonly heads: readonly number[];
}

const MAX_GAP = 8;

/** A token's stem in one language: 0 Danish, 1 English (the stemmers of the two must not mix: "leader" is no "lead"). */
function stemIn(terms: readonly string[], lang: 0 | 1): string {
  return terms[lang] ?? terms[0]!;
}

function compileCue(phrase: string, lang: 0 | 1): Cue {
  let words = phrase.trim().split(/\s+/);
  // "^" and "$" may stand alone or be written against the first or last word ("^hvem er").
  const atStart = words[0]!.startsWith('^');
  if (atStart) words = words[0] === '^' ? words.slice(1) : [words[0]!.slice(1), ...words.slice(1)];
  const atEnd = words[words.length - 1]!.endsWith('$');
  if (atEnd) words = words[words.length - 1] === '$' ? words.slice(0, -1) : [...words.slice(0, -1), words[words.length - 1]!.slice(0, -1)];
  const elements: Element[] = [];
  for (const raw of words) {
    if (raw === '*') elements.push({ type: 'gap', min: 0, max: MAX_GAP });
    else if (raw === '+') elements.push({ type: 'gap', min: 1, max: MAX_GAP });
    else if (raw.endsWith('*') && raw.length > 1) elements.push({ type: 'prefix', text: foldText(raw.slice(0, -1)) });
    else if (raw.startsWith('*') && raw.length > 1) elements.push({ type: 'suffix', text: foldText(raw.slice(1)) });
    else if (raw.startsWith('=') && raw.length > 1) elements.push({ type: 'exact', text: foldText(raw.slice(1)) });
    else {
      // "e-mail" and "0-25" are one cue word but several tokens: each part must follow.
      for (const form of tokenize(raw).filter((_, i, all) => all.length === 1 || i < all.length - 1)) {
        elements.push({ type: 'word', form, lang, stem: stemIn(stemsOf(form), lang) });
      }
    }
  }
  const literals = elements.filter((e) => e.type !== 'gap');
  return { phrase, elements, atStart, atEnd, strength: literals.length, literals };
}

function elementMatches(element: Element, token: Token): boolean {
  switch (element.type) {
    case 'word':
      return token.form === element.form || stemIn(token.terms, element.lang) === element.stem;
    case 'prefix':
      return token.form.startsWith(element.text);
    case 'suffix':
      return token.form.endsWith(element.text);
    case 'exact':
      return token.form === element.text;
    default:
      return false;
  }
}

/** Finds the first match of a cue in the tokens (backtracking over gaps), or undefined. */
function matchCue(cue: Cue, tokens: readonly Token[], fillers: ReadonlySet<string> = NO_FILLERS): { positions: number[]; heads: number[] } | undefined {
  const positions = matchPositions(cue, tokens, fillers);
  if (!positions) return undefined;
  const words = cue.literals;
  // A longer word matched by its head names something with its first part ("områdemøder").
  // A compound matched by a cue's head or first part ("områdemøder" by '*møder', "budgetopfølgning" by
  // 'budget*') still names a thing with its other part; an inflection ("ansøgningsfristen") does not.
  return {
    positions,
    heads: positions.filter((p, i) => {
      const w = words[i];
      const extra = w && (w.type === 'suffix' || w.type === 'prefix') ? tokens[p]!.form.length - w.text.length : 0;
      return (w?.type === 'suffix' && extra > 0) || (w?.type === 'prefix' && extra > 3);
    }),
  };
}

const NO_FILLERS: ReadonlySet<string> = new Set();

function matchPositions(cue: Cue, tokens: readonly Token[], fillers: ReadonlySet<string>): number[] | undefined {
  const last = cue.atStart ? 0 : tokens.length - 1;
  const used: number[] = [];
  for (let start = 0; start <= last; start++) {
    used.length = 0;
    if (matchFrom(cue, tokens, 0, start, used, fillers)) return [...used];
  }
  return undefined;
}

/** Backtracking match of the elements from `e` at token `t`; `used` collects the matched positions. */
function matchFrom(cue: Cue, tokens: readonly Token[], e: number, t: number, used: number[], fillers: ReadonlySet<string>): boolean {
  const { elements } = cue;
  // (Filler words only colour a sentence: "who actually runs X" says the cue "who runs", "hvem er det egentlig" ends on it.)
  if (e === elements.length) return !cue.atEnd || t === tokens.length || (fillers.size > 0 && onlyFillers(tokens, t, tokens.length, fillers));
  const element = elements[e]!;
  if (e > 0 && element.type !== 'gap' && t < tokens.length && fillers.has(tokens[t]!.form) && !elementMatches(element, tokens[t]!)) {
    let next = t;
    while (next < tokens.length && fillers.has(tokens[next]!.form)) next++;
    return matchFrom(cue, tokens, e, next, used, fillers);
  }
  if (element.type === 'gap') {
    for (let skip = element.min; skip <= element.max && t + skip <= tokens.length; skip++) {
      // A "+" gap stands for something ("hvem vikarierer + for": a name): filler words alone ("hvem vikarierer egentlig
      // for X") leave it empty.
      if (element.min > 0 && skip > 0 && fillers.size > 0 && onlyFillers(tokens, t, t + skip, fillers)) continue;
      const depth = used.length;
      if (matchFrom(cue, tokens, e + 1, t + skip, used, fillers)) return true;
      used.length = depth;
    }
    return false;
  }
  if (t >= tokens.length || !elementMatches(element, tokens[t]!)) return false;
  used.push(t);
  if (matchFrom(cue, tokens, e + 1, t + 1, used, fillers)) return true;
  used.pop();
  return false;
}

function onlyFillers(tokens: readonly Token[], from: number, to: number, fillers: ReadonlySet<string>): boolean {
  for (let i = from; i < to; i++) if (!fillers.has(tokens[i]!.form)) return false;
  return true;
}

/**
 * True when every literal element of a cue can match some token (a word or `=exact` occurs, a `word*` or `*word` has
 * a token it starts or ends): a cheap, exact precondition of {@link matchCue}, tested before the backtracking match.
 */
function mayMatch(cue: Cue, forms: ReadonlySet<string>, stems: readonly ReadonlySet<string>[]): boolean {
  for (const element of cue.elements) {
    if (element.type === 'word' && !forms.has(element.form) && !stems[element.lang]!.has(element.stem)) return false;
    if (element.type === 'exact' && !forms.has(element.text)) return false;
    if (element.type === 'prefix' && !someStarts(forms, element.text)) return false;
    if (element.type === 'suffix' && !someEnds(forms, element.text)) return false;
  }
  return true;
}

function someStarts(forms: ReadonlySet<string>, text: string): boolean {
  for (const form of forms) if (form.startsWith(text)) return true;
  return false;
}

function someEnds(forms: ReadonlySet<string>, text: string): boolean {
  for (const form of forms) if (form.endsWith(text)) return true;
  return false;
}

/** The words of a question as the cue index looks them up, computed once per question. */
export interface TokenWords {
  readonly forms: ReadonlySet<string>;
  readonly stems: readonly ReadonlySet<string>[];
  /** The first and the last three letters of each word of three letters or more (the keys of `word*` and `*word` cues). */
  readonly firsts: ReadonlySet<string>;
  readonly lasts: ReadonlySet<string>;
  /**
   * The same words as lists, in the sets' order: the cue index walks them dozens of times per question, and a walk over
   * a list by position allocates no iterator (a walk over a set does, once per walk).
   */
  readonly lists: {
    readonly forms: readonly string[];
    readonly stems: readonly (readonly string[])[];
    readonly firsts: readonly string[];
    readonly lasts: readonly string[];
  };
}

/** The letters of a `word*` or `*word` element that index it: its first (or last) three. */
const AFFIX_KEY = 3;

/** Prepares a question's tokens for {@link CueSet.match}; kept per token list, which many cue sets look at in turn. */
export function tokenWords(tokens: readonly Token[]): TokenWords {
  let words = TOKEN_WORDS.get(tokens);
  if (!words) TOKEN_WORDS.set(tokens, (words = prepareWords(tokens)));
  return words;
}

const TOKEN_WORDS = new WeakMap<readonly Token[], TokenWords>();

function prepareWords(tokens: readonly Token[]): TokenWords {
  const forms = new Set<string>();
  const danish = new Set<string>();
  const english = new Set<string>();
  const firsts = new Set<string>();
  const lasts = new Set<string>();
  const lists = { forms: [] as string[], stems: [[], []] as string[][], firsts: [] as string[], lasts: [] as string[] };
  const add = (set: Set<string>, list: string[], value: string) => {
    if (set.has(value)) return;
    set.add(value);
    list.push(value);
  };
  for (const t of tokens) {
    add(forms, lists.forms, t.form);
    add(danish, lists.stems[0]!, stemIn(t.terms, 0));
    add(english, lists.stems[1]!, stemIn(t.terms, 1));
  }
  // The first and last letters of each word, for the cues indexed by a `word*` or `*word` element.
  for (const form of lists.forms) {
    if (form.length < AFFIX_KEY) continue;
    add(firsts, lists.firsts, form.slice(0, AFFIX_KEY));
    add(lasts, lists.lasts, form.slice(-AFFIX_KEY));
  }
  return { forms, stems: [danish, english], firsts, lasts, lists };
}

function addTo<T>(index: Map<string, T[]>, key: string, entry: T): void {
  const list = index.get(key);
  if (list) list.push(entry);
  else index.set(key, [entry]);
}

/** Shell sort's gaps (Ciura's), largest first; the last, 1, is an insertion sort. */
const SORT_GAPS = [701, 301, 132, 57, 23, 10, 4, 1];

/**
 * Sorts the first `length` entries by `order` (unique per cue) in place, by Shell sort: `Array.prototype.sort` allocates
 * a working copy on every call (and a slice would be another), and the cue sets are looked up dozens of times per
 * question. (A few entries are sorted by insertion alone: the gaps above their number are skipped.)
 */
function sortByOrder<T extends { readonly order: number }>(list: T[], length: number): void {
  for (const gap of SORT_GAPS) {
    if (gap >= length) continue;
    for (let i = gap; i < length; i++) {
      const entry = list[i]!;
      let j = i;
      while (j >= gap && list[j - gap]!.order > entry.order) {
        list[j] = list[j - gap]!;
        j -= gap;
      }
      list[j] = entry;
    }
  }
}

/** A set of cues for one label (a kind, a metric, ...), compiled once. */
/** A compiled cue of a {@link CueSet}; `seen` marks the last lookup that collected it (no per-lookup Set). */
interface CueEntry<L> {
  readonly label: L;
  readonly cue: Cue;
  readonly order: number;
  seen: number;
}

export class CueSet<L extends string | number> {
  /** @param fillers Words that alone do not fill a cue's "+" gap (the lexicon's `fillerWords`, folded). */
  constructor(private readonly fillers: ReadonlySet<string> = NO_FILLERS) {}

  private readonly entries: Array<CueEntry<L>> = [];
  /**
   * Cues by a literal word they need, its form (a word or `=exact`) or its stem in the cue's language: only those whose
   * word occurs are tried; without one, by the first (last) letters of a `word*` (`*word`) element. Each list is in added
   * order. (Four maps rather than one of prefixed keys: a question's words are looked up as they are, no key strings.)
   */
  private readonly byForm = new Map<string, Array<CueEntry<L>>>();
  private readonly byStem: ReadonlyArray<Map<string, Array<CueEntry<L>>>> = [new Map(), new Map()];
  private readonly byFirst = new Map<string, Array<CueEntry<L>>>();
  private readonly byLast = new Map<string, Array<CueEntry<L>>>();
  /**
   * The list {@link candidates} fills, reused (its callers read it at once, never two at a time): its first `found`
   * entries are the current lookup's. Never truncated, which would give up its storage and grow it again per lookup.
   */
  private readonly scratch: Array<CueEntry<L>> = [];
  private found = 0;
  /** Cues without a literal word (only `word*`, `*word`): always looked at, in added order. */
  private readonly always: Array<CueEntry<L>> = [];
  /** Counts lookups, for {@link CueEntry.seen}. */
  private lookup = 0;

  add(label: L, cues: { da: readonly string[]; en: readonly string[] }): void {
    const compiled = [...cues.da.map((p) => compileCue(p, 0)), ...cues.en.map((p) => compileCue(p, 1))];
    for (const cue of compiled) {
      const entry: CueEntry<L> = { label, cue, order: this.entries.length, seen: 0 };
      this.entries.push(entry);
      const anchor = cue.elements.find((e) => e.type === 'word' || e.type === 'exact');
      // Without a literal word, a `word*` or `*word` element of three letters or more indexes the cue by those
      // letters: a cue none of whose words starts (ends) so cannot match (the precondition of `mayMatch`).
      const affix = anchor ? undefined : cue.elements.find((e) => (e.type === 'prefix' || e.type === 'suffix') && e.text.length >= AFFIX_KEY);
      if (affix && (affix.type === 'prefix' || affix.type === 'suffix')) {
        if (affix.type === 'prefix') addTo(this.byFirst, affix.text.slice(0, AFFIX_KEY), entry);
        else addTo(this.byLast, affix.text.slice(-AFFIX_KEY), entry);
      } else if (!anchor) this.always.push(entry);
      else if (anchor.type === 'word') {
        addTo(this.byStem[anchor.lang]!, anchor.stem, entry);
        addTo(this.byForm, anchor.form, entry);
      } else addTo(this.byForm, anchor.text, entry);
    }
  }

  /**
   * The cues that may match the tokens, in the order they were added. Each index list is already in that order,
   * so only a lookup that collects from more than one list sorts (a few numbers, not the whole set).
   */
  private candidates(words: TokenWords): number {
    const lookup = ++this.lookup;
    this.found = 0;
    let lists = 0;
    if (this.always.length > 0) {
      lists++;
      for (const entry of this.always) {
        entry.seen = lookup;
        this.scratch[this.found++] = entry;
      }
    }
    lists += this.collect(this.byForm, words.lists.forms, lookup);
    lists += this.collect(this.byStem[0]!, words.lists.stems[0]!, lookup);
    lists += this.collect(this.byStem[1]!, words.lists.stems[1]!, lookup);
    lists += this.collect(this.byFirst, words.lists.firsts, lookup);
    lists += this.collect(this.byLast, words.lists.lasts, lookup);
    if (lists > 1) sortByOrder(this.scratch, this.found);
    return this.found;
  }

  /** Adds to {@link scratch} the cues of an index under the keys not collected yet; returns how many lists added some. */
  private collect(index: ReadonlyMap<string, ReadonlyArray<CueEntry<L>>>, keys: readonly string[], lookup: number): number {
    if (index.size === 0) return 0;
    let lists = 0;
    for (let k = 0; k < keys.length; k++) {
      const list = index.get(keys[k]!);
      if (list === undefined) continue;
      let added = false;
      for (let i = 0; i < list.length; i++) {
        const entry = list[i]!;
        if (entry.seen === lookup) continue;
        entry.seen = lookup;
        this.scratch[this.found++] = entry;
        added = true;
      }
      if (added) lists++;
    }
    return lists;
  }

  /**
   * The matches of a frozen token list (a text's {@link analyzeText}, read by many questions alike: a statement's or a
   * title's cue words), kept with the list. A list that may still change is matched each time.
   */
  private readonly matched = new WeakMap<readonly Token[], ReadonlyMap<L, CueMatch>>();

  /** True when a cue of `label` matches the tokens: what `match(tokens).has(label)` says, trying that label's cues only. */
  has(tokens: readonly Token[], label: L): boolean {
    const known = Object.isFrozen(tokens) ? this.matched.get(tokens) : undefined;
    if (known) return known.has(label);
    const words = tokenWords(tokens);
    for (let i = 0, n = this.candidates(words); i < n; i++) {
      const { label: own, cue } = this.scratch[i]!;
      if (own === label && mayMatch(cue, words.forms, words.stems) && matchCue(cue, tokens, this.fillers)) return true;
    }
    return false;
  }

  /** Every label with its strongest match in the tokens. */
  match(tokens: readonly Token[], words?: TokenWords): ReadonlyMap<L, CueMatch> {
    if (!Object.isFrozen(tokens)) return this.matchNow(tokens, words ?? tokenWords(tokens));
    let found = this.matched.get(tokens);
    if (!found) this.matched.set(tokens, (found = this.matchNow(tokens, words ?? tokenWords(tokens))));
    return found;
  }

  private matchNow(tokens: readonly Token[], words: TokenWords): Map<L, CueMatch> {
    const found = new Map<L, CueMatch>();
    const { forms, stems } = words;
    for (let i = 0, n = this.candidates(words); i < n; i++) {
      const { label, cue } = this.scratch[i]!;
      const previous = found.get(label);
      if (previous && previous.strength >= cue.strength) continue;
      if (!mayMatch(cue, forms, stems)) continue;
      const m = matchCue(cue, tokens, this.fillers);
      if (m) found.set(label, { cue: cue.phrase, strength: cue.strength, ...m });
    }
    return found;
  }

  /** Every token position a cue of one of `labels` covers (not only each label's strongest cue). */
  coverageOf(tokens: readonly Token[], labels: ReadonlySet<L>, words: TokenWords = tokenWords(tokens), heads = true): Set<number> {
    const covered = new Set<number>();
    const { forms, stems } = words;
    for (let i = 0, n = this.candidates(words); i < n; i++) {
      const { label, cue } = this.scratch[i]!;
      if (!labels.has(label) || !mayMatch(cue, forms, stems)) continue;
      const m = matchCue(cue, tokens, this.fillers);
      // Without `heads`, a compound matched by its head ("forældremøde" by '*møde') is left out: it names a thing.
      for (const p of m?.positions ?? []) if (heads || !m!.heads.includes(p)) covered.add(p);
    }
    return covered;
  }

  /**
   * Every token position a cue of one of `labels` covers, at each place it occurs ("the childminding boss's boss": both
   * "boss"): {@link coverageOf} takes each cue's first match only.
   */
  coverageEverywhere(tokens: readonly Token[], labels: ReadonlySet<L>): Set<number> {
    const covered = new Set<number>();
    const masked = [...tokens];
    // A matched word is blanked (same position, so anchored cues keep their meaning) and the cues are read again.
    for (let round = 0; round < 4; round++) {
      const fresh = [...this.coverageOf(masked, labels)].filter((p) => !covered.has(p));
      if (fresh.length === 0) break;
      for (const p of fresh) {
        covered.add(p);
        masked[p] = { form: '', terms: [''], index: masked[p]!.index };
      }
    }
    return covered;
  }

  /** Every token position any cue of any label covers. */
  coverage(tokens: readonly Token[], words: TokenWords = tokenWords(tokens)): Set<number> {
    const covered = new Set<number>();
    const { forms, stems } = words;
    for (let i = 0, n = this.candidates(words); i < n; i++) {
      const { cue } = this.scratch[i]!;
      if (!mayMatch(cue, forms, stems)) continue;
      for (const p of matchCue(cue, tokens, this.fillers)?.positions ?? []) covered.add(p);
    }
    return covered;
  }

  /** The stems of the cues written as 'word*' (folded), for typo correction. */
  prefixes(): string[] {
    const out: string[] = [];
    for (const { cue } of this.entries) for (const e of cue.elements) if (e.type === 'prefix') out.push(e.text);
    return out;
  }

  /** The literal single words of the cues (folded), for typo correction. */
  words(): string[] {
    // Not the '=exact' forms: they tell one inflection from another ("=oprettet", not "oprettes"), so a near miss is no typo of them.
    const out: string[] = [];
    for (const { cue } of this.entries) {
      for (const e of cue.elements) {
        if (e.type === 'word') out.push(e.form);
        else if (e.type === 'prefix') out.push(e.text);
      }
    }
    return out;
  }
}

/** The compiled lexicon the engine uses. */
export interface Lexicon {
  readonly kinds: CueSet<QuestionKind>;
  readonly groups: ReadonlyMap<QuestionKind, string>;
  readonly keepWords: ReadonlySet<QuestionKind>;
  readonly dateKinds: CueSet<string>;
  readonly dateKindOrder: readonly string[];
  readonly rounds: CueSet<number>;
  readonly metrics: CueSet<string>;
  readonly policyTypes: CueSet<string>;
  readonly documentKinds: CueSet<string>;
  readonly dutyWords: CueSet<'duty'>;
  readonly attributes: CueSet<Attribute>;
  readonly attributeLabels: ReadonlyMap<Attribute, { da: string; en: string }>;
  readonly smalltalk: CueSet<SmalltalkKind>;
  readonly addressees: CueSet<'addressee'>;
  readonly changeWords: CueSet<'change'>;
  readonly lineWords: CueSet<'line'>;
  readonly leaderWords: CueSet<'leader'>;
  readonly listWords: CueSet<'list'>;
  readonly topicWords: CueSet<'topic'>;
  readonly effectWords: CueSet<'effect'>;
  readonly placeWords: CueSet<'place'>;
  /** What a question asks of a decision (the votes, the agenda item, ...), see {@link DECISION_ASKS}. */
  readonly decisionWords: CueSet<DecisionAsk>;
  /** What a question asks of a meeting's calendar besides its days, see {@link MEETING_CHANGES}. */
  readonly meetingChangeWords: CueSet<MeetingChange>;
  readonly actingWords: CueSet<'acting'>;
  /** Words that say someone leaves a post for good (retires, quits): asked with "who takes over", the successor, no deputy. */
  readonly leavingWords: CueSet<'leaving'>;
  /** Vice-chair, secretary, hiring committee and leave words, see {@link OFFICE_ASKS}. */
  readonly officeWords: CueSet<OfficeAsk>;
  readonly adoptWords: CueSet<'adopt'>;
  readonly partOfWords: CueSet<'part-of'>;
  /** `fillerWords`, folded: words that only colour a sentence ("egentlig", "actually"). */
  readonly fillerWords: ReadonlySet<string>;
  /** "første" / "sidste" / "efter": one day of a series (the first, the last, the first after a day). */
  readonly sequenceWords: CueSet<'first' | 'last' | 'after'>;
  readonly compareWords: CueSet<'compare' | 'or' | 'difference'>;
  readonly yesNoWords: CueSet<'yes-no'>;
  readonly purposeWords: CueSet<'purpose'>;
  readonly whichWords: CueSet<'which'>;
  readonly audienceWords: CueSet<'audience'>;
  readonly postingWords: CueSet<'posting'>;
  /** Everyday time phrases, by the index of their anchor in `timeAnchors`. */
  readonly timePhrases: CueSet<number>;
  readonly timeAnchors: ReadonlyArray<LexiconData['timePhrases'][number]['anchor']>;
  readonly questionWords: ReadonlySet<string>;
  /** `interrogatives`, folded. */
  readonly interrogatives: ReadonlySet<string>;
  /** `askingVerbs`, folded. */
  readonly askingVerbs: ReadonlySet<string>;
  /** `pronouns`, folded. */
  readonly pronouns: ReadonlySet<string>;
  readonly numbers: Readonly<Record<string, number>>;
  /** `ordinals`, folded. */
  readonly ordinals: ReadonlyMap<string, number>;
  /** `eachWords`, folded, as word sequences (Danish first, then English; built-in first, then extensions). */
  readonly eachWords: ReadonlyArray<readonly string[]>;
  /** `andWords`, folded. */
  readonly andWords: ReadonlySet<string>;
  /** `rateWords`, folded. */
  readonly rateWords: ReadonlySet<string>;
  /** `negationWords`, folded. */
  readonly negationWords: ReadonlySet<string>;
  /** `deputySideEnds`, folded, as word sequences. */
  readonly deputySideEnds: ReadonlyArray<readonly string[]>;
  /** `unitKindWords`: each level's unit types and its words (folded). */
  readonly unitKindWords: ReadonlyArray<{ readonly types: ReadonlySet<string>; readonly words: ReadonlySet<string> }>;
  /** `restrictionWords`, folded. */
  readonly restrictionWords: ReadonlySet<string>;
  /** `numberOfWords`, folded, each phrase's words joined by a space ("antallet af"). */
  readonly numberOfWords: ReadonlySet<string>;
  /** `distributiveWords`, folded. */
  readonly distributiveWords: ReadonlySet<string>;
  /** `indefiniteWords`, folded. */
  readonly indefiniteWords: ReadonlySet<string>;
  /** `whenWords`, folded. */
  readonly whenWords: ReadonlySet<string>;
  /** `whoWords`, folded. */
  readonly whoWords: ReadonlySet<string>;
  /** `joiningWords`, folded. */
  readonly joiningWords: ReadonlySet<string>;
  /** `countJoinWords`, folded. */
  readonly countJoinWords: ReadonlySet<string>;
  /** `pairJoinWords`, folded. */
  readonly pairJoinWords: ReadonlySet<string>;
  /** `capacityLinkWords`, folded. */
  readonly capacityLinkWords: ReadonlySet<string>;
  /** `placeKinds`: a word (folded) -> the words that stand for it (folded), both directions. */
  readonly placeKinds: ReadonlyMap<string, readonly string[]>;
  /** `countModifiers`, folded. */
  readonly countModifiers: ReadonlySet<string>;
  /** `pastWords`, folded. */
  readonly pastWords: ReadonlySet<string>;
  /** `recurrenceWords`, folded. */
  readonly recurrenceWords: ReadonlySet<string>;
  /** `limitWords`, folded (one word each). */
  readonly limitWords: ReadonlySet<string>;
  /** `complementWords`, folded. */
  readonly complementWords: ReadonlySet<string>;
  /** `sizeWords`, folded. */
  readonly sizeWords: ReadonlySet<string>;
  /** `measureWords`: each unit of measure's symbols and words, folded. */
  readonly measureWords: ReadonlyArray<{ readonly symbols: readonly string[]; readonly words: ReadonlySet<string> }>;
  /** `countLinkWords`, folded. */
  readonly countLinkWords: ReadonlySet<string>;
  /** `personWords`: the words (folded) and the metrics that count people. */
  readonly personWords: { readonly words: ReadonlySet<string>; readonly metrics: readonly Figure['metric'][] };
  /** `floor.chatWords`, `floor.eventWords`, `floor.clockWords` and `floor.askedThingOpeners`, as written. */
  readonly floorWords: { readonly chat: readonly string[]; readonly events: readonly string[]; readonly clock: readonly string[]; readonly askedThingOpeners: readonly string[]; readonly fallbackAskedKinds: readonly string[] };
  /** The cue phrases of `changeWords` and `leaderWords` as written, Danish and English apart (built-in first). */
  readonly phrases: { readonly changeWords: { readonly da: readonly string[]; readonly en: readonly string[] }; readonly leaderWords: { readonly da: readonly string[]; readonly en: readonly string[] } };
  /** Everyday word -> the knowledge base's word for it (folded). */
  readonly synonyms: ReadonlyMap<string, string>;
  /** A word (folded) -> the words that stand for it inside a name (folded), both directions. */
  readonly nameEquivalents: ReadonlyMap<string, readonly string[]>;
  /** Expands the lexicon's contractions ("who's" -> "who is", "whats" -> "what is"); a possessive "'s" stays (names hold it too). */
  expand(text: string): string;
  /** Removes what opens a message without asking ("@Bot", "hi,", "quick q:", "can you tell me"), never all of it. */
  stripPreamble(text: string): string;
  /** Replaces a near miss of a cue word ("ansøgningsfrsten") by the word, unless `known` knows it. */
  correct(form: string, known: (form: string) => boolean): string;
}

/** Validates lexicon data, throwing a message that names the path and the fix. */
export function parseLexicon(data: unknown, origin: string): LexiconData {
  const result = LexiconSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`lexicon: ${origin}: ${issue.path.join('.')}: ${issue.message} (fix: see the $comment at the top of src/answering/lexicon/lexicon.json)`);
  }
  return result.data;
}

/**
 * Every word of the lexicon's cues (folded), with their stems: the domain's common words ("børn", "team", "dagtilbud"),
 * which a knowledge base's names use too but which never make a name this one.
 */
export function lexiconWords(lexicon: Lexicon): Set<string> {
  const out = new Set<string>();
  for (const value of Object.values(lexicon)) {
    if (!(value instanceof CueSet)) continue;
    for (const word of value.words()) {
      out.add(word);
      for (const stem of stemsOf(word)) out.add(stem);
    }
  }
  return out;
}

/** Compiles the built-in lexicon, plus any extensions (extra cues a knowledge base brings). */
export function loadLexicon(extensions: readonly LexiconExtension[] = []): Lexicon {
  const base = parseLexicon(lexiconJson, 'src/answering/lexicon/lexicon.json');
  const all = [base, ...extensions];
  const fillers = new Set(all.flatMap((lexicon) => [...(lexicon.fillerWords?.da ?? []), ...(lexicon.fillerWords?.en ?? [])]).map((w) => foldText(w)));
  const kinds = new CueSet<QuestionKind>(fillers);
  const groups = new Map<QuestionKind, string>();
  const keepWords = new Set<QuestionKind>();
  const dateKinds = new CueSet<string>();
  const rounds = new CueSet<number>();
  const metrics = new CueSet<string>();
  const policyTypes = new CueSet<string>();
  const documentKinds = new CueSet<string>();
  const dutyWords = new CueSet<'duty'>();
  const attributes = new CueSet<Attribute>();
  const attributeLabels = new Map<Attribute, { da: string; en: string }>();
  const smalltalk = new CueSet<SmalltalkKind>();
  const addressees = new CueSet<'addressee'>();
  const changeWords = new CueSet<'change'>();
  const lineWords = new CueSet<'line'>();
  const leaderWords = new CueSet<'leader'>();
  const listWords = new CueSet<'list'>();
  const topicWords = new CueSet<'topic'>();
  const effectWords = new CueSet<'effect'>();
  const placeWords = new CueSet<'place'>();
  const decisionWords = new CueSet<DecisionAsk>();
  const meetingChangeWords = new CueSet<MeetingChange>();
  const actingWords = new CueSet<'acting'>();
  const leavingWords = new CueSet<'leaving'>();
  const officeWords = new CueSet<OfficeAsk>();
  const adoptWords = new CueSet<'adopt'>();
  const partOfWords = new CueSet<'part-of'>();
  const sequenceWords = new CueSet<'first' | 'last' | 'after'>();
  const compareWords = new CueSet<'compare' | 'or' | 'difference'>();
  const yesNoWords = new CueSet<'yes-no'>();
  const purposeWords = new CueSet<'purpose'>();
  const whichWords = new CueSet<'which'>();
  const audienceWords = new CueSet<'audience'>();
  const postingWords = new CueSet<'posting'>();
  const timePhrases = new CueSet<number>();
  const timeAnchors: Array<LexiconData['timePhrases'][number]['anchor']> = [];
  const questionWords = new Set<string>();
  const interrogatives = new Set<string>();
  const pronouns = new Set<string>();
  const askingVerbs = new Set<string>();
  const numbers: Record<string, number> = {};
  const ordinals = new Map<string, number>();
  const eachWords: string[][] = [];
  const andWords = new Set<string>();
  const rateWords = new Set<string>();
  const negationWords = new Set<string>();
  const deputySideEnds: string[][] = [];
  const placeKinds = new Map<string, string[]>();
  const restrictionWords = new Set<string>();
  const numberOfWords = new Set<string>();
  const distributiveWords = new Set<string>();
  const indefiniteWords = new Set<string>();
  const whenWords = new Set<string>();
  const whoWords = new Set<string>();
  const joiningWords = new Set<string>();
  const countJoinWords = new Set<string>();
  const pairJoinWords = new Set<string>();
  const capacityLinkWords = new Set<string>();
  const unitKindWords: Array<{ types: Set<string>; words: Set<string> }> = [];
  const countModifiers = new Set<string>();
  const pastWords = new Set<string>();
  const recurrenceWords = new Set<string>();
  const limitWords = new Set<string>();
  const complementWords = new Set<string>();
  const sizeWords = new Set<string>();
  const countLinkWords = new Set<string>();
  const measureWords: Array<{ symbols: string[]; words: Set<string> }> = [];
  const personWords = { words: new Set<string>(), metrics: [] as Figure['metric'][] };
  const floorWords = { chat: [] as string[], events: [] as string[], clock: [] as string[], askedThingOpeners: [] as string[], fallbackAskedKinds: [] as string[] };
  const phrases = { changeWords: { da: [] as string[], en: [] as string[] }, leaderWords: { da: [] as string[], en: [] as string[] } };
  const synonyms = new Map<string, string>();
  const contractions = new Map<string, string>();
  const nameEquivalents = new Map<string, string[]>();
  const openers: string[] = [];
  const wrappers: string[] = [];
  const topics: string[] = [];
  const addressed: string[] = [];
  for (const lexicon of all) {
    openers.push(...(lexicon.preambles?.openers.da ?? []), ...(lexicon.preambles?.openers.en ?? []));
    wrappers.push(...(lexicon.preambles?.wrappers.da ?? []), ...(lexicon.preambles?.wrappers.en ?? []));
    topics.push(...(lexicon.topicWords?.da ?? []), ...(lexicon.topicWords?.en ?? []));
    addressed.push(...(lexicon.addressees?.da ?? []), ...(lexicon.addressees?.en ?? []));
    for (const [short, full] of Object.entries(lexicon.contractions ?? {})) if (short !== '$comment') contractions.set(short.toLowerCase().replace(/’/g, "'"), full);
    for (const [word, meaning] of Object.entries(lexicon.synonyms ?? {})) if (word !== '$comment') synonyms.set(foldText(word), foldText(meaning));
    for (const set of [...(lexicon.nameEquivalents?.da ?? []), ...(lexicon.nameEquivalents?.en ?? [])]) {
      const words = set.map(foldText);
      for (const word of words) nameEquivalents.set(word, [...new Set([...(nameEquivalents.get(word) ?? []), ...words.filter((w) => w !== word)])]);
    }
    for (const k of lexicon.kinds ?? []) {
      kinds.add(k.kind, k.cues);
      if (k.group) groups.set(k.kind, k.group);
      if (k.keepWords) keepWords.add(k.kind);
    }
    for (const d of lexicon.dateKinds ?? []) dateKinds.add(d.kind, d.cues);
    for (const r of lexicon.rounds ?? []) rounds.add(r.round, r.cues);
    for (const m of lexicon.metrics ?? []) metrics.add(m.metric, m.cues);
    for (const p of lexicon.policyTypes ?? []) policyTypes.add(p.type, p.cues);
    for (const d of lexicon.documentKinds ?? []) documentKinds.add(d.kind, d.cues);
    if (lexicon.dutyWords) dutyWords.add('duty', lexicon.dutyWords);
    for (const a of lexicon.attributes ?? []) {
      attributes.add(a.attribute, a.cues);
      attributeLabels.set(a.attribute, a.label);
    }
    for (const s of lexicon.smalltalk ?? []) smalltalk.add(s.kind, s.cues);
    if (lexicon.addressees) addressees.add('addressee', lexicon.addressees);
    if (lexicon.changeWords) changeWords.add('change', lexicon.changeWords);
    if (lexicon.lineWords) lineWords.add('line', lexicon.lineWords);
    if (lexicon.leaderWords) leaderWords.add('leader', lexicon.leaderWords);
    if (lexicon.listWords) listWords.add('list', lexicon.listWords);
    if (lexicon.topicWords) topicWords.add('topic', lexicon.topicWords);
    if (lexicon.effectWords) effectWords.add('effect', lexicon.effectWords);
    if (lexicon.placeWords) placeWords.add('place', lexicon.placeWords);
    for (const ask of DECISION_ASKS) {
      const cues = lexicon.decisionWords?.[ask];
      if (cues) decisionWords.add(ask, cues);
    }
    for (const change of MEETING_CHANGES) {
      const cues = lexicon.meetingChangeWords?.[change];
      if (cues) meetingChangeWords.add(change, cues);
    }
    if (lexicon.actingWords) actingWords.add('acting', lexicon.actingWords);
    if (lexicon.leavingWords) leavingWords.add('leaving', lexicon.leavingWords);
    for (const ask of OFFICE_ASKS) {
      const cues = lexicon.officeWords?.[ask];
      if (cues) officeWords.add(ask, cues);
    }
    if (lexicon.adoptWords) adoptWords.add('adopt', lexicon.adoptWords);
    if (lexicon.partOfWords) partOfWords.add('part-of', lexicon.partOfWords);
    if (lexicon.yesNoWords) yesNoWords.add('yes-no', lexicon.yesNoWords);
    for (const which of ['first', 'last', 'after'] as const) {
      const cues = lexicon.sequenceWords?.[which];
      if (cues) sequenceWords.add(which, cues);
    }
    for (const which of ['compare', 'or', 'difference'] as const) {
      const cues = lexicon.compareWords?.[which];
      if (cues) compareWords.add(which, cues);
    }
    if (lexicon.purposeWords) purposeWords.add('purpose', lexicon.purposeWords);
    if (lexicon.whichWords) whichWords.add('which', lexicon.whichWords);
    if (lexicon.audienceWords) audienceWords.add('audience', lexicon.audienceWords);
    if (lexicon.postingWords) postingWords.add('posting', lexicon.postingWords);
    for (const t of lexicon.timePhrases ?? []) {
      timePhrases.add(timeAnchors.length, t.cues);
      timeAnchors.push(t.anchor);
    }
    for (const w of [...(lexicon.questionWords?.da ?? []), ...(lexicon.questionWords?.en ?? [])]) for (const t of tokenize(w)) questionWords.add(t);
    Object.assign(numbers, lexicon.numbers ?? {});
    for (const [word, n] of Object.entries(lexicon.ordinals ?? {})) ordinals.set(foldText(word), n);
    const both = (cues: { da?: string[]; en?: string[] } | undefined) => [...(cues?.da ?? []), ...(cues?.en ?? [])];
    for (const w of both(lexicon.eachWords)) eachWords.push(tokenize(foldText(w)));
    for (const w of both(lexicon.andWords)) andWords.add(foldText(w));
    for (const w of both(lexicon.rateWords)) rateWords.add(foldText(w));
    for (const w of both(lexicon.negationWords)) negationWords.add(foldText(w));
    for (const w of both(lexicon.deputySideEnds)) deputySideEnds.push(tokenize(foldText(w)));
    for (const w of both(lexicon.restrictionWords)) restrictionWords.add(foldText(w));
    for (const w of both(lexicon.numberOfWords)) numberOfWords.add(tokenize(foldText(w)).join(' '));
    for (const w of both(lexicon.distributiveWords)) distributiveWords.add(foldText(w));
    for (const w of both(lexicon.indefiniteWords)) indefiniteWords.add(foldText(w));
    for (const w of both(lexicon.whenWords)) whenWords.add(foldText(w));
    for (const w of both(lexicon.whoWords)) whoWords.add(foldText(w));
    for (const w of both(lexicon.joiningWords)) joiningWords.add(foldText(w));
    for (const w of both(lexicon.countJoinWords)) countJoinWords.add(foldText(w));
    for (const w of both(lexicon.pairJoinWords)) pairJoinWords.add(foldText(w));
    for (const w of both(lexicon.capacityLinkWords)) capacityLinkWords.add(foldText(w));
    for (const level of lexicon.unitKindWords?.levels ?? []) unitKindWords.push({ types: new Set(level.types), words: new Set(both(level.cues).map(foldText)) });
    for (const set of [...(lexicon.placeKinds?.da ?? []), ...(lexicon.placeKinds?.en ?? [])]) {
      const words = set.map((w) => foldText(w).replace(/[^a-z0-9]/g, ''));
      for (const word of words) placeKinds.set(word, [...new Set([...(placeKinds.get(word) ?? []), ...words.filter((w) => w !== word)])]);
    }
    for (const w of both(lexicon.countModifiers)) countModifiers.add(foldText(w));
    for (const w of both(lexicon.pastWords)) pastWords.add(foldText(w));
    for (const w of both(lexicon.recurrenceWords)) recurrenceWords.add(foldText(w));
    for (const w of both(lexicon.limitWords)) limitWords.add(foldText(w));
    for (const w of both(lexicon.complementWords)) complementWords.add(foldText(w));
    for (const w of both(lexicon.sizeWords)) sizeWords.add(foldText(w));
    for (const w of both(lexicon.countLinkWords)) countLinkWords.add(foldText(w));
    for (const m of lexicon.measureWords?.units ?? []) measureWords.push({ symbols: m.symbols.map((x) => foldText(x)), words: new Set(both(m).map(foldText)) });
    for (const w of both(lexicon.personWords)) personWords.words.add(foldText(w));
    for (const m of lexicon.personWords?.metrics ?? []) if (!personWords.metrics.includes(m)) personWords.metrics.push(m);
    for (const w of both(lexicon.interrogatives)) interrogatives.add(foldText(w));
    for (const w of both(lexicon.askingVerbs)) askingVerbs.add(foldText(w));
    for (const w of both(lexicon.pronouns)) pronouns.add(foldText(w));
    floorWords.chat.push(...both(lexicon.floor?.chatWords));
    floorWords.events.push(...both(lexicon.floor?.eventWords));
    floorWords.clock.push(...both(lexicon.floor?.clockWords));
    floorWords.askedThingOpeners.push(...both(lexicon.floor?.askedThingOpeners));
    floorWords.fallbackAskedKinds.push(...(lexicon.floor?.fallbackAskedKinds ?? []));
    for (const section of ['changeWords', 'leaderWords'] as const) {
      phrases[section].da.push(...(lexicon[section]?.da ?? []));
      phrases[section].en.push(...(lexicon[section]?.en ?? []));
    }
  }
  const dateKindOrder = base.dateKindOrder;
  // Words worth recognising through a typo: the longer cue words of every cue set.
  const vocabulary = [...new Set([...kinds.words(), ...dateKinds.words(), ...metrics.words(), ...attributes.words()])].filter((w) => w.length >= 6);
  const vocabularySet = new Set(vocabulary);
  // Cue stems ('polic*', 'strategi*') long enough to recognise through one typo, longest first.
  const stems = [...new Set([kinds, dateKinds, metrics, attributes].flatMap((set) => set.prefixes()))].filter((p) => p.length >= 5).sort((a, b) => b.length - a.length);
  // A word a cue stem already covers ('employees' under 'employee*') is no typo of a cue word outside that stem
  // ('employed'); a typo inside it still is ('ansøgningsfrsten' under 'ansøgning*').
  const coveredBy = [...new Set([kinds, dateKinds, metrics, attributes].flatMap((set) => set.prefixes()))].filter((p) => p.length >= 4);
  // Every single cue word of every cue set (document kinds and attributes included), for the first parts of compounds.
  const cueWords = new Set([kinds, dateKinds, metrics, attributes, documentKinds].flatMap((set) => [...set.words()]));
  /** True when a word opens with a known word of five letters or more and goes on for three letters more. */
  const opensWithKnownWord = (form: string, known: (form: string) => boolean): boolean => {
    for (let cut = 5; cut <= form.length - 3; cut++) {
      const first = form.slice(0, cut);
      if (cueWords.has(first) || known(first)) return true;
    }
    return false;
  };
  // The cue words and stems by first letter, each list in its own order: a typo keeps its first letter, so only those
  // are compared (the first that fits is the one a pass over the whole list finds).
  const byFirstLetter = (words: readonly string[]): Map<string, string[]> => {
    const out = new Map<string, string[]>();
    for (const w of words) {
      const list = out.get(w[0]!);
      if (list) list.push(w);
      else out.set(w[0]!, [w]);
    }
    return out;
  };
  const vocabularyByFirst = byFirstLetter(vocabulary);
  const stemsByFirst = byFirstLetter(stems);
  const corrections = new Map<string, string>();
  const correct = (form: string, known: (form: string) => boolean): string => {
    // A word the lexicon lists as asking ("foråret", "udgangen") is no typo of a cue word.
    if (form.length < 6 || vocabularySet.has(form) || questionWords.has(form)) return form;
    const cached = corrections.get(form);
    if (cached !== undefined) return cached;
    let result = form;
    if (!known(form)) {
      const max = form.length >= 8 ? 2 : 1;
      const cover = coveredBy.find((p) => form.startsWith(p));
      result = (vocabularyByFirst.get(form[0]!) ?? []).find((w) => (cover === undefined || w.startsWith(cover)) && boundedEditDistance(form, w, max) <= max) ?? form;
      // A typo in the stem of a cue written as a stem ('polic*' in "polciies", 'politik*' in "poltiikker"): the stem, then the ending.
      // A letter left out or typed twice in the stem ("telfonnummeret", "telleefon") shifts the ending by one: the stem's
      // length, one less and one more are each read as the stem.
      // (Nor is a compound that opens with a word the documents or the lexicon's cues know: "statusnotatet" is "status" +
      // "notatet", no typo of the cue stem "start*".)
      if (result === form && cover === undefined && !opensWithKnownWord(form, known)) {
        for (const shift of [0, -1, 1]) {
          // (A compound whose first part is a known word, "ledererfaring", is no typo of a cue stem, "leader*".)
          const stem = (stemsByFirst.get(form[0]!) ?? []).find((p) => form.length > p.length + shift && !form.startsWith(p) && boundedEditDistance(form.slice(0, p.length + shift), p, 1) <= 1 && !known(form.slice(0, p.length + shift)));
          if (stem) {
            result = stem + form.slice(stem.length + shift);
            break;
          }
        }
      }
    }
    if (corrections.size < 10_000) corrections.set(form, result);
    return result;
  };
  // (An abbreviation's English plural, "PFLs", "AULs", names what "PFL" names: read as the abbreviation itself.)
  const expand = (text: string): string =>
    text
      .replace(/[\u2019\u2018`´]/g, "'")
      .replace(/[\p{L}']+/gu, (word) => contractions.get(word.toLowerCase()) ?? word)
      .replace(/(?<![\p{L}\d'])(\p{Lu}{2,6})s(?![\p{L}\d'])/gu, '$1');
  const stripPreamble = compilePreambles(openers, wrappers, topics, addressed);
  return { stripPreamble, fillerWords: fillers, kinds, groups, keepWords, dateKinds, dateKindOrder, rounds, metrics, policyTypes, documentKinds, dutyWords, attributes, attributeLabels, smalltalk, addressees, changeWords, lineWords, leaderWords, listWords, topicWords, effectWords, placeWords, decisionWords, meetingChangeWords, actingWords, leavingWords, officeWords, adoptWords, partOfWords, sequenceWords, compareWords, yesNoWords, purposeWords, whichWords, audienceWords, postingWords, timePhrases, timeAnchors, questionWords, interrogatives, askingVerbs, pronouns, numbers, ordinals, eachWords, andWords, rateWords, negationWords, deputySideEnds, placeKinds, restrictionWords, numberOfWords, distributiveWords, indefiniteWords, whenWords, whoWords, joiningWords, countJoinWords, pairJoinWords, capacityLinkWords, unitKindWords, countModifiers, pastWords, recurrenceWords, limitWords, complementWords, sizeWords, countLinkWords, measureWords, personWords, floorWords, phrases, synonyms, nameEquivalents, expand, correct };
}

/** A letter as typed with or without the Danish letters ("æ" as "ae"), in a regular expression. */
const LETTER_FORMS: Readonly<Record<string, string>> = { æ: '(?:æ|ae)', ø: '(?:ø|oe|o)', å: '(?:å|aa)' };

/** A phrase of words as a regular expression over raw text: any case, any punctuation between words. */
function phrasePattern(phrase: string): string {
  return phrase
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .map((word) => [...word].map((ch) => LETTER_FORMS[ch] ?? ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join(''))
    .join('[\\s,;:.!-]+');
}

/**
 * Compiles the preambles: a leading @mention ("@Dagtilbudsledelse" typed as text), then openers and wrappers, longest first,
 * as often as they occur; a wrapper only when no topic word follows it. What remains must hold two words at least
 * ("hej hej" is a goodbye, "hi thanks" thanks).
 */
function compilePreambles(openers: readonly string[], wrappers: readonly string[], topics: readonly string[], addressees: readonly string[] = []): (text: string) => string {
  const alternation = (phrases: readonly string[]) => [...new Set(phrases)].sort((a, b) => b.length - a.length).map(phrasePattern).join('|');
  const end = '(?:[\\s,;:.!?-]+|$)';
  const opener = openers.length > 0 ? new RegExp(`^\\s*(?:${alternation(openers)})${end}`, 'iu') : undefined;
  const wrapper = wrappers.length > 0 ? new RegExp(`^\\s*(?:${alternation(wrappers)})${end}`, 'iu') : undefined;
  const topic = topics.length > 0 ? new RegExp(`^(?:${alternation(topics)})${end}`, 'iu') : undefined;
  const mention = /^\s*@[\p{L}\p{N}._-]+[\s,:;]*/u;
  const words = (text: string) => text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  // "godmorgen alle sammen", "hi all of you": what follows the opener only addresses people, so nothing is asked.
  const onlyAddressed = addressees.length > 0 ? new RegExp(`^\\s*(?:(?:${alternation(addressees)})${end})+$`, 'iu') : undefined;
  return (text) => {
    let rest = text;
    for (let round = 0; round < 6; round++) {
      const unmentioned = rest.replace(mention, '');
      if (unmentioned !== rest && words(unmentioned) >= 1) {
        rest = unmentioned;
        continue;
      }
      let next = opener ? rest.replace(opener, '') : rest;
      if (next === rest && wrapper) {
        const m = next.match(wrapper);
        if (m && !(topic && topic.test(next.slice(m[0].length)))) next = next.slice(m[0].length);
      }
      if (next === rest || words(next) < 2 || onlyAddressed?.test(next)) break;
      rest = next;
    }
    return rest;
  };
}
