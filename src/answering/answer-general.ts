/**
 * Everything else: ranked facts, preferring the kinds the question asks for and the items it names.
 */
import lexiconJson from './lexicon/lexicon.json' with { type: 'json' };
import { displayName, namesOf, type FactKind, type FactRecord } from './facts.js';
import { foldText, GENERIC_WORDS, primaryStem, STOPWORDS, termsOf, tokenize } from './normalize.js';
import { capitalize, phrasesFor } from './phrases.js';
import { markSubject } from './floor.js';
import { byCoverage, type QueryTerm, type ScoredFact } from './search.js';
import type { Answer, Lang } from './types.js';
import type { Intent, Understanding } from './understand.js';
import { ANSWER_THRESHOLD, compose, MAX_LINES, namedShare, NEAR_BEST, sectionTitle, sharesName, shortDate, unique, unknown, weightedShare, type Context } from './answer-context.js';
import { formatPartialDate, MONTH_NAMES } from '../time/format-date.js';

const KINDS_BY_INTENT: Partial<Record<Intent, readonly FactKind[]>> = {
  responsibility: ['responsibility', 'detail'],
  competence: ['competence', 'detail'],
  education: ['education'],
  requirement: ['requirement', 'education'],
  condition: ['condition'],
  offer: ['offer'],
  policy: ['policy', 'detail'],
  meeting: ['meeting'],
  programme: ['programme'],
  membership: ['membership'],
  definition: ['description', 'policy', 'programme', 'meeting', 'detail', 'membership'],
  figure: ['figure'],
};

/** A number in digits or in the lexicon's number words (which leave out "en"/"one": they are also articles). */
const NUMBER = new RegExp(`\\b(\\d+|${Object.keys((lexiconJson as { numbers?: Record<string, number> }).numbers ?? {}).join('|')})\\b`);

/** Danish "one" written as the numeral it is ("højst én kage", "mindst ét møde"), not the article. */
const ONE = /(^|[^\p{L}])(én|ét)(?![\p{L}])/iu;
const ONES = /(^|[^\p{L}])(én|ét)(?![\p{L}])/giu;

export function answerGeneral(ctx: Context, u: Understanding, rest: readonly QueryTerm[]): Answer {
  if (rest.length === 0) return unknown(ctx, u.lang);
  const preferred = new Set<FactKind>();
  // "Hvad er X's ansvar?" asks for responsibilities, not for a definition of X.
  const specific = [...u.intents].filter((intent) => intent !== 'definition' && KINDS_BY_INTENT[intent]);
  for (const intent of specific.length > 0 ? specific : [...u.intents]) for (const kind of KINDS_BY_INTENT[intent] ?? []) preferred.add(kind);
  // (Only facts that reach the threshold: the others are no answer, and a common word touches most facts at scale. Not
  // sorted: of the thousands a name shared by many items brings at scale, only the best and those near it are ordered.)
  const scored = ctx.index.scoreUnordered(rest, ANSWER_THRESHOLD);
  if (scored.length === 0) return unknown(ctx, u.lang);
  const ownerMatch = new Map<string, number>();
  const namedOwner = (owner: string) => {
    let value = ownerMatch.get(owner);
    if (value === undefined) {
      value = namedShare(ctx, rest, owner);
      ownerMatch.set(owner, value);
    }
    return value;
  };
  // A name written out in full ("head of day care") names its item more surely than its words apart.
  const namedInFull = (owner: string) => (ctx.namedAny.has(owner) ? 0.3 : 0);
  // "Hvad er X?" is about X itself: the item named X weighs most.
  const ownerWeight = specific.length === 0 && u.intents.has('definition') ? 0.8 : 0.4;
  // A fact whose owner the question names ("complex problem solving") beats a list that merely mentions it.
  // "Which six concepts ...": a list with exactly that many members is what is asked for.
  const listBonus = (owner: string) => (u.cardinal !== undefined && ctx.detailCounts.get(owner) === u.cardinal ? 0.3 : 0);
  const rank = (s: ScoredFact) => s.coverage + 0.2 * s.directCoverage + ownerWeight * namedOwner(s.fact.owner) + namedInFull(s.fact.owner) + listBonus(s.fact.owner);
  // "Hvor mange børn ..." counts children: figures of another metric are not the answer.
  // (No copy when no metric is asked: the scored facts run to tens of thousands when no municipality is named at 100x.)
  const all = u.metric === undefined ? scored : scored.filter((s) => s.fact.kind !== 'figure' || s.fact.figure?.metric === u.metric || s.fact.figure?.metric === 'other');
  // The kinds the question asks for ("ansvar", "strategi", ...) win when any of them answers.
  // "Hvad er Pædagogisk Udviklingsteam?": when no fact of the kinds a definition prefers is the one item's named in
  // full, what it says of itself (its facts and figures) comes before another item's fact that merely lists it.
  const preferredFacts = all.filter((s) => preferred.has(s.fact.kind));
  const definesNamed = specific.length === 0 && u.intents.has('definition') && ctx.namedAny.size === 1 && !preferredFacts.some((s) => ctx.namedAny.has(s.fact.owner));
  const ownFacts = definesNamed ? all.filter((s) => ctx.namedAny.has(s.fact.owner)) : [];
  const ofPreferredKind = ownFacts.length > 0 ? ownFacts : preferredFacts;
  const eligible = ofPreferredKind.length > 0 ? ofPreferredKind : all;
  // Each eligible fact's rank, by its place in `eligible` (tens of thousands of facts when no municipality is named at
  // scale: numbers in an array, not a map keyed by the scored facts).
  const ranks = new Float64Array(eligible.length);
  for (let i = 0; i < eligible.length; i++) ranks[i] = rank(eligible[i]!);
  // By rank, then as the search orders its facts (coverage, direct coverage, the order found).
  const ahead = (a: number, b: number) => ranks[b]! - ranks[a]! || byCoverage(eligible[a]!, eligible[b]!) || a - b;
  let bestAt = -1;
  for (let i = 0; i < eligible.length; i++) if (bestAt === -1 || ahead(i, bestAt) < 0) bestAt = i;
  if (bestAt === -1 || !coversQuestion(ctx, rest, eligible[bestAt]!.fact) || !coversAsked(ctx, u, eligible[bestAt]!.fact)) return unknown(ctx, u.lang);
  const bestRank = ranks[bestAt]!;
  const nearAt: number[] = [];
  for (let i = 0; i < eligible.length; i++) if (ranks[i]! >= bestRank - NEAR_BEST) nearAt.push(i);
  const near = nearAt.sort(ahead).map((i) => eligible[i]!);

  // Group by owner, best owner first; an owner's facts keep the document's order.
  const owners = unique(near.map((s) => s.fact.owner));
  const homonyms = owners.length > 1 && sharesName(ctx, owners[0]!, owners[1]!);
  // A second item comes along only when the question does not name the first one more than it.
  const shownOwners = owners
    .slice(0, homonyms ? 3 : 2)
    .filter((owner, i) => i === 0 || homonyms || namedOwner(owner) >= namedOwner(owners[0]!));
  const order = ctx.order;
  const groups = shownOwners.map((owner) => ({
    owner,
    // The chosen owner's other relevant facts come along: a list answers with all its members.
    facts: (owner === owners[0] ? eligible : near)
      .filter((s) => s.fact.owner === owner)
      .map((s) => s.fact)
      .sort((a, b) => order.get(a)! - order.get(b)!)
      .slice(0, MAX_LINES),
  }));
  const p = phrasesFor(u.lang);
  if (homonyms) {
    return compose(ctx, u.lang, {
      kind: 'ambiguous',
      headline: p.severalMatches,
      groups: groups.map((g) => ({ title: sectionTitle(ctx.kb, g.owner, u.lang), lines: g.facts.map((f) => ({ text: datedText(f, u.lang), fact: f })) })),
    });
  }
  const first = groups[0]!;
  // "Hvor mange ..." without a figure: only a fact that states a number answers it.
  if (u.intents.has('figure') && ofPreferredKind.length === 0 && !first.facts.some((f) => NUMBER.test(foldText(f.text[u.lang])) || ONE.test(f.text.da))) {
    return unknown(ctx, u.lang);
  }
  // "Hvor mange pædagoger ...?" with no metric the lexicon knows: a fact answers only when it gives a
  // number of that very thing ("6 udviklingskonsulenter"), not any number near the item's name.
  const counted = u.intents.has('figure') && (u.metrics.length === 0 || ofPreferredKind.length === 0) && !u.askedWhen ? countedWord(u) : undefined;
  // The word counted or the knowledge base's word for it ("kids": children), when the lexicon gives one.
  // (A clipped word the documents do not use, "physios", "fysioter", is the documents' word it opens: "physiotherapists".)
  const clipped = (q: QueryTerm, e: { term: string; quality: number }) => e.quality >= 0.8 && !ctx.index.knows(q.token.form) && q.token.terms.some((t) => t.length >= 5 && e.term.startsWith(t));
  const countedForms = counted === undefined ? [] : [counted, ...rest.filter((q) => q.token.form === counted).flatMap((q) => q.expansions.filter((e) => e.quality >= 0.9 || clipped(q, e)).map((e) => e.term))];
  if (counted !== undefined && !first.facts.some((f) => countedForms.some((w) => countsWord(f, w)))) return unknown(ctx, u.lang);
  // A named person's own title is all a ranked answer found: asked anything besides who they are ("X's office",
  // "X's arbejdstid"), the documents name the person but not what was asked.
  const unsaid = first.facts.every((f) => f.kind === 'contact' && f.person !== undefined) ? unsaidOfPerson(ctx, u, first.facts[0]!) : undefined;
  if (unsaid) return unknown(ctx, u.lang, NOT_SAID[u.lang](first.facts[0]!.person!.name, unsaid));
  const single = first.facts.length === 1;
  // A count asked for a time before every day its figures are stated for ("i 2024", "pr. 1. januar 2025"):
  // none then, and the days the documents have; the figures follow as details, never as the asked one.
  const askedTo = u.range?.to ?? u.day;
  const dated = first.facts.filter((f) => f.kind === 'figure' && f.figure?.asOf !== undefined);
  const before = u.intents.has('figure') && askedTo !== undefined && dated.length > 0 && first.facts.every((f) => f.kind !== 'figure' || (f.figure?.asOf !== undefined && f.figure.asOf > askedTo));
  const headline = before
    ? noFigureBefore(ctx, first.owner, u, unique(dated.map((f) => f.figure!.asOf!)).sort())
    : single
      ? singleHeadline(ctx, first.facts[0]!, u.lang)
      : `${capitalize(sectionTitle(ctx.kb, first.owner, u.lang))}:`;
  return markSubject(compose(ctx, u.lang, {
    kind: 'answer',
    headline,
    groups: groups.map((g, i) => ({
      title: i === 0 ? (single ? sectionTitle(ctx.kb, g.owner, u.lang) : '') : sectionTitle(ctx.kb, g.owner, u.lang),
      lines: (i === 0 && single && !before ? [] : g.facts).map((f) => ({ text: datedText(f, u.lang), fact: f })),
    })),
    cite: first.facts,
  }), first.owner, new Set(first.facts.flatMap((f) => [...f.related])));
}

/** What the partly-known reply says when the documents name a person but not what was asked of them. */
const NOT_SAID: Readonly<Record<Lang, (person: string, words: string) => string>> = {
  da: (person, words) => `Dokumenterne nævner ${person}, men nævner ikke ${words}.`,
  en: (person, words) => `The documents name ${person} but do not mention ${words}.`,
};

/**
 * The words a question asks of a person named in full besides who they are, when the person's own fact (their title)
 * says none of them: the question's words that are neither the person's name, nor function or question words, nor
 * generic, nor stated by the title. Undefined when there are none (the title answers "Charlotte Sønderhave?").
 */
function unsaidOfPerson(ctx: Context, u: Understanding, fact: FactRecord): string | undefined {
  // (Named in full, in any inflection: "Mette Aalund Storms arbejdstid".)
  const questionTerms = new Set(u.tokens.flatMap((t) => t.terms));
  const nameTerms = termsOf(fact.person!.name);
  if (!ctx.namedAny.has(fact.owner) && (nameTerms.size < 2 || ![...nameTerms].every((term) => questionTerms.has(term)))) return undefined;
  const said = (t: { terms: readonly string[] }) => t.terms.some((term) => fact.ownTerms.has(term) || fact.textTerms.has(term));
  const asked = u.tokens.filter((t) => t.form.length > 2 && !STOPWORDS.has(t.form) && !GENERIC_WORDS.has(t.form) && !QUESTION_WORDS.has(t.form) && !/\d/.test(t.form) && !said(t));
  if (asked.length === 0) return undefined;
  const spelt = u.text.match(/[\p{L}\d-]+/gu) ?? [];
  return asked.map((t) => `"${spelt.find((w) => foldText(w) === t.form) ?? t.form}"`).join(u.lang === 'da' ? ' og ' : ' and ');
}

/** The lexicon's words that only ask (folded). */
const QUESTION_WORDS: ReadonlySet<string> = new Set(
  Object.entries((lexiconJson as { questionWords?: Record<string, unknown> }).questionWords ?? {})
    .filter(([key]) => key !== '$comment')
    .flatMap(([, words]) => (Array.isArray(words) ? words : []).flatMap((w: string) => tokenize(w))),
);

/** The thing a "how many" question counts: the first word after its cue words that is not a function word. */
function countedWord(u: Understanding): string | undefined {
  const cues = [...u.cuePositions].sort((a, b) => a - b);
  if (cues.length === 0) return undefined;
  let i = cues[0]!;
  while (u.cuePositions.has(i)) i++;
  for (; i < u.tokens.length; i++) {
    const form = u.tokens[i]!.form;
    if (u.cuePositions.has(i) || STOPWORDS.has(form) || /\d/.test(form) || form.length < 3) continue;
    return form;
  }
  return undefined;
}

/** How many words (besides function words) after a number may name what it counts ("750 børn", "6 pædagogiske konsulenter"). */
const COUNT_SPAN = 2;

/** The names of the months, folded (both languages). */
const MONTH_WORDS: ReadonlySet<string> = new Set([...MONTH_NAMES.da, ...MONTH_NAMES.en].map((m) => foldText(m)));

/** The words of a fact's text, tokenized once per text (facts are asked about by many questions). */
const TOKENS = new WeakMap<object, { da?: string[]; en?: string[] }>();
function tokensOf(text: { readonly da: string; readonly en: string }, lang: 'da' | 'en'): string[] {
  const known = TOKENS.get(text) ?? {};
  TOKENS.set(text, known);
  return (known[lang] ??= tokenize(text[lang]));
}

/**
 * True when the fact gives a number of the word (its stem, or a compound ending in it: "sprogvejledere" for "vejledere"),
 * within `span` words after the number (1: the word the number counts, "47 dagplejere", not "186 børn i dagplejen").
 */
export function countsWord(fact: { readonly text: { readonly da: string; readonly en: string } }, word: string, span = COUNT_SPAN): boolean {
  // The same fact is asked about the same word by many questions: each answer is worked out once.
  const key = `${span} ${word}`;
  const known = COUNTS.get(fact.text);
  const cached = known?.get(key);
  if (cached !== undefined) return cached;
  const result = countsWordOnce(fact.text, word, span);
  if (known) {
    if (known.size < 1_000) known.set(key, result);
  } else COUNTS.set(fact.text, new Map([[key, result]]));
  return result;
}

const COUNTS = new WeakMap<object, Map<string, boolean>>();

/** The lexicon's words that make the word after them a rate, not a thing counted ("om året", "a year", "per time"). */
const RATE_WORDS: ReadonlySet<string> = new Set(Object.values((lexiconJson as { rateWords?: Record<string, string[] | string> }).rateWords ?? {}).filter(Array.isArray).flat());

function countsWordOnce(text: { readonly da: string; readonly en: string }, word: string, span: number): boolean {
  const stem = primaryStem(word);
  const fits = (form: string) => {
    const other = primaryStem(form);
    return other === stem || (stem.length >= 4 && other.endsWith(stem)) || (other.length >= 4 && stem.endsWith(other));
  };
  return (['da', 'en'] as const).some((lang) => {
    // (A Danish "én"/"ét" is the numeral: "højst én kage" gives a number of cakes.)
    const words = lang === 'da' && ONE.test(text.da) ? tokenize(text.da.replace(ONES, '$11')) : tokensOf(text, lang);
    return words.some((w, i) => {
      if (!NUMBER.test(w)) return false;
      // The day and the year of a date count nothing ("fra 1. august 2027, når Børnegården Sandflugten åbner").
      if (MONTH_WORDS.has(words[i + 1] ?? '') || (/^(19|20)\d\d$/.test(w) && MONTH_WORDS.has(words[i - 1] ?? ''))) return false;
      // A number word that is also a function word ("to": Danish two, English to) counts only the word right after it:
      // "reports to the head of children's services" counts no children.
      if (!/\d/.test(w) && STOPWORDS.has(w)) return i + 1 < words.length && fits(words[i + 1]!);
      // (A word of a rate after the number, "28.000 kr. om året", "30,000 a year", counts no years.)
      const after: number[] = [];
      for (let k = i + 1; k < words.length && after.length < span; k++) if (!STOPWORDS.has(words[k]!)) after.push(k);
      return after.some((k) => fits(words[k]!) && !RATE_WORDS.has(words[k - 1]!));
    });
  });
}

/** The share of the question's weight the best fact must explain surely. */
const SURE_SHARE = 0.5;

/**
 * The floor under the general answer: the best fact must explain the question's content words
 * surely (not through a typo guess: "mayor" is no "major"), and more than one of them when the
 * question has several. Prefer no answer to a wrong one.
 */
function coversQuestion(ctx: Context, rest: readonly QueryTerm[], fact: FactRecord): boolean {
  const terms = new Set([...fact.textTerms, ...fact.ownTerms, ...fact.contextTerms]);
  const sure = ctx.index.explainSurely(rest, terms);
  if (weightedShare(rest, sure) < SURE_SHARE) return false;
  return sure.filter((v) => v > 0).length >= Math.min(2, rest.length);
}

/**
 * The attribute asked for ("åbningstiden", "how many answered", "the salary") must be what the fact
 * states, not merely the item it is about: a fact that only names the institution does not answer
 * its opening hours.
 */
function coversAsked(ctx: Context, u: Understanding, fact: FactRecord): boolean {
  // What an abbreviation stands for is in an item's names, not in its facts' words (and "hvad står X for" of a theme
  // asks what it is about).
  const asked = u.attributes.filter((a) => a !== 'expansion');
  if (asked.length === 0 || !ctx.saysAttribute) return true;
  const text = `${fact.text.da} ${fact.text.en}`;
  return asked.some((a) => ctx.saysAttribute!(text, a));
}

/** "No figure for X in 2024; they give figures as of 18 November 2026." */
function noFigureBefore(ctx: Context, owner: string, u: Understanding, days: readonly string[]): string {
  const da = u.lang === 'da';
  const range = u.range;
  const wholeYear = range !== undefined && range.from.slice(5) === '01-01' && range.to.slice(5) === '12-31' && range.from.slice(0, 4) === range.to.slice(0, 4);
  const when = wholeYear
    ? `${da ? 'i' : 'in'} ${range.from.slice(0, 4)}`
    : range !== undefined && range.from !== range.to
      ? `${da ? 'fra' : 'from'} ${shortDate(range.from, u.lang)} ${da ? 'til' : 'to'} ${shortDate(range.to, u.lang)}`
      : `${da ? 'pr.' : 'as of'} ${shortDate((range?.from ?? u.day)!, u.lang)}`;
  const stated = days.map((d) => `${da ? 'pr.' : 'as of'} ${shortDate(d, u.lang)}`);
  const list = stated.length > 1 ? `${stated.slice(0, -1).join(', ')} ${da ? 'og' : 'and'} ${stated.at(-1)}` : stated[0]!;
  const entry = ctx.kb.get(owner);
  const name = entry ? displayName(entry, u.lang) : sectionTitle(ctx.kb, owner, u.lang);
  return da ? `Dokumenterne giver intet tal for ${name} ${when}; de giver tal ${list}.` : `The documents give no figure for ${name} ${when}; they give figures ${list}.`;
}

/** A fact's text; a figure stated as of a day says so ("38 dagplejere (pr. 18. november 2026)"). */
function datedText(fact: FactRecord, lang: Lang): string {
  const text = fact.text[lang];
  // A dated item found by its words ("når er ledelsesseminaret") is no answer without its day or period.
  const d = fact.kind === 'date' ? fact.date : undefined;
  if (d) {
    const when = d.end ? `${shortDate(d.date, lang)}–${shortDate(d.end, lang)}` : formatPartialDate(d.date, d.precision, lang);
    return text.includes(when) ? text : `${text.replace(/\.$/, '')}: ${when}`;
  }
  const asOf = fact.kind === 'figure' ? fact.figure?.asOf : undefined;
  if (!asOf || text.includes(shortDate(asOf, lang))) return text;
  return `${text.replace(/\.$/, '')} (${lang === 'da' ? 'pr.' : 'as of'} ${shortDate(asOf, lang)})`;
}

/** A lone fact as the answer; a bare figure ("ca. 750 børn") gets the name of what it counts. */
function singleHeadline(ctx: Context, fact: FactRecord, lang: Lang): string {
  const text = datedText(fact, lang);
  if (fact.kind !== 'figure') return text;
  const owner = ctx.kb.get(fact.owner);
  if (!owner) return text;
  const mentioned = namesOf(owner).some((name) => text.toLowerCase().includes(name.toLowerCase()));
  return mentioned ? text : `${capitalize(displayName(owner, lang))}: ${text}`;
}
