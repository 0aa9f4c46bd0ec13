/**
 * Dates: deadlines, interviews, starts, evaluations and chat-added deadlines, filtered by kind,
 * round, month and "upcoming", marked as passed relative to today in Copenhagen.
 */
import { DEADLINE_KINDS, type DateEntry } from '../knowledge/schemas.js';
import { formatPartialDate, toLocalDate } from '../time/format-date.js';
import type { FactRecord } from './facts.js';
import { analyzeText, foldText, STOPWORDS, termsOf } from './normalize.js';
import { capitalize, phrasesFor } from './phrases.js';
import type { QueryTerm } from './search.js';
import type { Answer } from './types.js';
import { explainsWords } from './relation-answers/org-changes.js';
import { fitsDateKind, type Understanding } from './understand.js';
import { ANSWER_THRESHOLD, compose, factsBelongingToNamed, relatedIndexOf, shortDate, factsOf, NEAR_BEST, sectionTitle, STRUCTURED_THRESHOLD, unique, unknown, weightedShare, type Context, type Line } from './answer-context.js';

interface DateCandidate {
  readonly owner: string;
  readonly label: string;
  readonly date: string;
  readonly precision: DateEntry['precision'];
  /** Last day of a period. */
  readonly end?: string;
  readonly coverage: number;
  readonly fact?: FactRecord;
  readonly chat?: boolean;
}

/** The time of day a dated item begins ("kl. 9.00", "at 09:00"), unless its label already says it ("Ansøgningsfrist (kl. 12.00)"). */
function timeOf(c: DateCandidate, lang: 'da' | 'en'): string {
  const time = c.fact?.date?.time;
  if (!time || c.label.includes(time) || c.label.includes(time.replace(':', '.'))) return '';
  // With its end where the documents give one: "kl. 9.00-14.30" reads "kl. 09.00–14.30".
  const end = c.fact?.date?.endTime;
  if (end) return lang === 'da' ? ` kl. ${time.replace(':', '.')}–${end.replace(':', '.')}` : ` at ${time}–${end}`;
  return lang === 'da' ? ` kl. ${time.replace(':', '.')}` : ` at ${time}`;
}

/**
 * "How many times a year does LUF meet?", "hvor ofte": asked how often, the dates of one item are counted
 * ("4 times in 2027"); the year is said when they all fall in one.
 */
function timesSaid(chosen: readonly DateCandidate[], u: Understanding): string {
  // "how many LUF meetings are there in 2027" counts them too.
  if (!(u.kinds.has('frequency') || u.kinds.has('figure')) || chosen.length < 2) return '';
  const years = new Set(chosen.map((c) => c.date.slice(0, 4)));
  const year = years.size === 1 ? [...years][0]! : undefined;
  if (u.lang === 'da') return ` – ${chosen.length} gange${year ? ` i ${year}` : ''}`;
  return ` – ${chosen.length} times${year ? ` in ${year}` : ''}`;
}

/** How far the dates that answer most of a question must lead those that say a telling word they lack. */
const CLEAR_LEAD = 0.3;

/** Marks the pass in which any kind of date fits (its edges are asked). */
const ALWAYS: ReadonlySet<string> = new Set();

/** Kinds of dated item that have a first and a last day, or are one day's event, rather than a deadline or a step of a posting. */
const EDGED_KINDS: ReadonlySet<DateEntry['kind']> = new Set(['period', 'seminar', 'event', 'evaluation', 'other']);

/** True when the question asks only for a start or a (general) deadline, which a period's first and last day answer. */
function edgesAsked(kinds: ReadonlySet<DateEntry['kind']>): boolean {
  return kinds.size > 0 && [...kinds].every((k) => k === 'start' || k === 'deadline');
}

/**
 * Kinds of date that are the first day of what they belong to: a thing that is established starts that day, and a start
 * establishes it ("when did the district structure start" is answered by the day it was established, and the other way).
 */
const BEGINNING_KINDS: ReadonlySet<DateEntry['kind']> = new Set(['start', 'established']);

/** The kinds of date that are steps of a job posting: only a posting has them (through its role or unit, for those). */
const POSTING_STEPS: ReadonlySet<DateEntry['kind']> = new Set(['application-deadline', 'interview']);
/** The kinds of item a posting may belong to, or be asked of through (its role, its unit, the person holding the role). */
const POSTING_OWNERS: ReadonlySet<string> = new Set(['postings', 'roles', 'units', 'people', 'municipalities']);

/** A dated item with a first and a last day, or a one-day event ("Lederdag"): its edges answer "start" and "last day". */
function isEdged(d: DateEntry): boolean {
  return d.end !== undefined || EDGED_KINDS.has(d.kind);
}

/** Kinds of date that come as a series of one item (interviews, meetings, events), whose first or last may be asked. */
const SERIES_KINDS: ReadonlySet<DateEntry['kind']> = new Set(['interview', 'event', 'seminar', 'evaluation']);

/** True when a role's name begins with a general role's name ("assisterende universleder til Børneunivers Hedelund"). */
function isInstanceOf(ctx: Context, specific: string, general: string): boolean {
  const a = ctx.kb.get(specific);
  const b = ctx.kb.get(general);
  if (a?.kind !== 'roles' || b?.kind !== 'roles' || a === b) return false;
  const name = foldText(a.item.name);
  const prefix = foldText(b.item.name);
  return name.length > prefix.length && name.startsWith(`${prefix} `);
}

/** How surely a word must match a word of the knowledge base to count as known (not a compound's loose head: "things" in "something"). */
const KNOWN_QUALITY = 0.8;

/** True when the knowledge base has a trace of a word: itself, a form of it or a compound it is a sure part of. */
const knownWord = (q: QueryTerm) => q.expansions.some((e) => e.quality >= KNOWN_QUALITY);

/**
 * The dates of `chosen` with a round asked: an interview with a round number is that round (it fits only when the
 * numbers agree); each item's interviews without one are its rounds in date order, and only the one at place `round`
 * stays.
 */
function inRoundOrder(chosen: readonly DateCandidate[], round: number): DateCandidate[] {
  const roundless = (c: DateCandidate) => c.fact?.date?.kind === 'interview' && c.fact.date.round === undefined;
  const byOwner = new Map<string, DateCandidate[]>();
  for (const c of chosen) if (roundless(c)) byOwner.set(c.owner, [...(byOwner.get(c.owner) ?? []), c]);
  const kept = new Set([...byOwner.values()].flatMap((list) => list.sort((a, b) => a.date.localeCompare(b.date)).slice(round - 1, round)));
  return chosen.filter((c) => !roundless(c) || kept.has(c));
}

export function answerDates(ctx: Context, u: Understanding, terms: readonly QueryTerm[]): Answer | undefined {
  const today = toLocalDate(ctx.options.now());
  // Every word that asks when ("hvilken ugedag … og hvornår slutter den": both "ugedag" and "hvornår") is no part of what is dated.
  const whenAt = ctx.kindCuesAt?.(u.tokens, new Set([...u.kinds.keys()].filter((k) => k === 'when' || k === 'dates'))) ?? new Set<number>();
  const rest = terms.filter((q) => !whenAt.has(q.token.index));
  const p = phrasesFor(u.lang);
  // "Until when does the policy apply": a step of a job posting asked of things named that never have a posting (a policy,
  // a programme, a meeting) is a word misread as the kind ("apply"); what it asks is when the thing applies: a period of
  // theirs answers, whatever its kind (not a day within it, an evaluation, that says nothing of how long it applies).
  const stepMisread = u.dateKinds.size > 0 && [...u.dateKinds].every((k) => POSTING_STEPS.has(k)) && ctx.named.size > 0 && [...ctx.named].every((id) => !POSTING_OWNERS.has(ctx.kb.get(id)?.kind ?? 'postings'));
  const fits = (
    kind: DateEntry['kind'],
    date: string,
    end: string | undefined,
    round: number | undefined,
    precision: DateEntry['precision'] = 'day',
    labelTerms?: ReadonlySet<string>,
    labelKinds?: ReadonlySet<string>,
  ) =>
    (fitsDateKind(u.dateKinds, kind) ||
      (stepMisread && end !== undefined) ||
      labelTerms === ALWAYS ||
      (labelTerms !== undefined && [...u.dateKindTerms].some((term) => labelTerms.has(term))) ||
      (labelKinds !== undefined && [...labelKinds].some((k) => fitsDateKind(u.dateKinds, k as DateEntry['kind'])))) &&
    (u.round === undefined || kind !== 'interview' || round === u.round || round === undefined) &&
    (!u.range || ((end ?? date) >= u.range.from && date <= u.range.to)) &&
    (!u.range || u.range.from.slice(0, 4) !== u.range.to.slice(0, 4) || precision !== 'year' || u.range.to.endsWith('-12-31')) &&
    (!u.upcoming || (end ?? date) >= today || ignoreUpcoming);
  // "Hvornår kommer BLIK til Område Nord": a word for "coming" beside a thing named asks when that thing is, even when it
  // has passed; the dates that fit but for having passed are kept apart and answer (marked passed) when no coming one does.
  let ignoreUpcoming = false;

  const candidates: DateCandidate[] = [];
  // (Looked up, never listed: not sorted.)
  const coverageFor = (terms: readonly QueryTerm[]) => new Map((terms.length > 0 ? ctx.index.scoreUnordered(terms, 0, 'date') : []).map((s) => [s.fact, s.coverage]));
  const allCoverage = coverageFor(rest);
  // Asked for a period's edges ("first and last day of LUS"), the words that say which edge are no part of what is dated.
  const sequence = ctx.sequenceAt?.(u.tokens) ?? new Set<number>();
  // A year is judged against the date itself (below), not its label ("last day of the supervision period 2027").
  // (A word the knowledge base has no trace of, "round" in "when does the MUS round for the deputies start", can tell no
  // period apart: the edges are judged on the known words, and the floor judges the rest.)
  const edgeWords0 = rest.filter((q) => !sequence.has(q.token.index) && !/^(19|20)\d{2}$/.test(q.token.form));
  const edgeKnown = edgeWords0.filter(knownWord);
  // (Only beside a known word that says what is dated, not the name of whose it is: "the swimming round for the deputies"
  // names nothing dated but the deputies.)
  const edgeRest = edgeKnown.some((q) => !u.namePositions?.has(q.token.index)) ? edgeKnown : edgeWords0;
  // "Appraisal interviews (MUS)" are dated as a period: when no date is of the kind asked for, one whose label says the kind's word fits;
  // when none does either, a period's or an event's first day answers "start" and its last day "deadline" ("sidste frist for MUS").
  // "hvornår er tilsynet færdigt", "when does the theme week end": a word for a first or last day asks for an edge too.
  const edgeWords = sequence.size > 0 && u.dateKinds.size === 0 && u.askedWhen;
  // (Only a question that asks for nothing but a beginning: "the deadline for starting" asks for a deadline. And only of
  // a thing named that is no post nor person: the start of a role or a person is someone's first day in the job.)
  const namesHolder = [...ctx.named].some((id) => ['roles', 'people', 'postings'].includes(ctx.kb.get(id)?.kind ?? ''));
  const beginningAsked = u.dateKinds.size > 0 && [...u.dateKinds].every((k) => BEGINNING_KINDS.has(k)) && !namesHolder;
  // (The beginning of the thing itself: a date of the thing named.)
  const beginningOf = (d: DateEntry) => beginningAsked && BEGINNING_KINDS.has(d.kind) && ctx.named.has(d.about);
  const periodEdges = edgesAsked(u.dateKinds) || edgeWords;
  const passes: ReadonlyArray<'kind' | 'label' | 'edge'> = [...(['kind'] as const), ...(u.dateKindTerms.size > 0 ? (['label'] as const) : []), ...(periodEdges || beginningAsked ? (['edge'] as const) : [])];
  let edgeCoverage: Map<FactRecord, number> | undefined;
  let edges = false;
  // The pass whose dates answer most of the question: a later pass may fit it better ("last day of the summer closure"
  // is a period's edge, not a deadline that shares the word "summer"); the first pass that answers it wholly ends the search.
  let bestPass: { candidates: DateCandidate[]; best: number; edges: boolean } | undefined;
  const belonging = factsBelongingToNamed(ctx, 'date');
  // A person named stands for the post they hold: a date that names the post ("Tilsynsrapporterne sendes til
  // børneområdechefen") is one of the person's too, its other words judged without the person's name.
  const heldPost = (id: string) => {
    const e = ctx.kb.get(id);
    return e?.kind === 'people' ? e.item.role : undefined;
  };
  const posts = [...ctx.named].flatMap((id) => heldPost(id) ?? []);
  const byPost = posts.length > 0 ? relatedIndexOf(ctx.index.facts, 'date') : undefined;
  const viaPost = new Set(posts.flatMap((id) => byPost?.get(id) ?? []));
  const postRest = viaPost.size > 0 ? rest.filter((q) => !(u.namedAt?.get(q.token.index) ?? []).some((id) => heldPost(id) !== undefined)) : rest;
  let postCoverage: Map<FactRecord, number> | undefined;
  // A date of a decision belongs to what the decision changes too ("when is the early opening trial in Mælkebøtten evaluated").
  const changesNamed = (about: string): boolean => {
    const e = ctx.kb.get(about);
    return e?.kind === 'decisions' && e.item.changes.some((id) => ctx.named.has(id));
  };
  // Words the knowledge base has no trace of ("køkkenfolkene") beside the name of an item that owns dates: noise, when
  // the known words alone make one of that item's dates answer wholly (judged on the named items' dates only).
  const knownRest = rest.filter(knownWord);
  // So are such words right after the word of a kind of date more telling than "deadline" ("budget thingies for 2028", "budget
  // input"): the kind's word says what they are, and the kind's dates that say every known word answer.
  // (Not a word after a preposition, nor one compound with the kind's word: "tilmeldingsfristen til sommerfesten" and
  // "julefrokosttilmeldingen" ask for the deadline of another thing.)
  const kindWordAt = (i: number) => i >= 0 && u.tokens[i] !== undefined && u.tokens[i]!.terms.some((t) => u.dateKindTerms.has(t));
  const kindNoise = [...u.dateKinds].some((k) => k !== 'deadline') && knownRest.length < rest.length && rest.every((q) => knownWord(q) || kindWordAt(q.token.index - 1));
  let knownCoverage: Map<FactRecord, number> | undefined;
  const passed: DateCandidate[] = [];
  let passedBest: { candidates: DateCandidate[]; best: number; edges: boolean } | undefined;
  for (const pass of passes) {
    edges = pass === 'edge';
    for (const fact of factsOf(ctx, 'date')) {
      const d = fact.date!;
      const ofPost = viaPost.has(fact);
      if (belonging && !belonging.has(fact) && !changesNamed(d.about) && !ofPost) continue;
      // An edge answers only for an item every word of the question explains ("the new head's start" is no policy's first day).
      const fitting = (): boolean => (pass === 'edge' ? ((periodEdges && isEdged(d) && d.precision === 'day') || beginningOf(d)) && fits(d.kind, d.date, d.end, d.round, d.precision, ALWAYS) && ctx.index.explainSurely(edgeRest, new Set([...fact.textTerms, ...fact.ownTerms])).every((x) => x > 0) : fits(d.kind, d.date, d.end, d.round, d.precision, pass === 'label' ? fact.textTerms : undefined, pass === 'label' ? ctx.dateKindsSaid?.(fact) : undefined));
      let into = candidates;
      if (!fitting()) {
        if (!u.upcoming || rest.length === 0) continue;
        ignoreUpcoming = true;
        const fitsOnceCome = fitting();
        ignoreUpcoming = false;
        if (!fitsOnceCome) continue;
        into = passed;
      }
      const terms = pass === 'edge' ? edgeRest : rest;
      let coverage = terms.length === 0 ? 1 : ((pass === 'edge' ? (edgeCoverage ??= coverageFor(edgeRest)) : allCoverage).get(fact) ?? 0);
      if (ofPost && pass !== 'edge') coverage = Math.max(belonging?.has(fact) ? coverage : 0, postRest.length === 0 ? 1 : ((postCoverage ??= coverageFor(postRest)).get(fact) ?? 0));
      if (pass !== 'edge' && !belonging && kindNoise && coverage < STRUCTURED_THRESHOLD) {
        if (knownRest.length === 0 || (((knownCoverage ??= coverageFor(knownRest)).get(fact) ?? 0) >= 1 && ctx.index.explainSurely(knownRest, fact.textTerms).every((x) => x > 0))) coverage = 1;
      }
      if (pass !== 'edge' && belonging && knownRest.length > 0 && knownRest.length < rest.length && coverage < STRUCTURED_THRESHOLD) {
        // (Said by the date's own label, not only by what it belongs to: "forældremøde i Kastanjen" is no date of Kastanjen's posting.)
        if (((knownCoverage ??= coverageFor(knownRest)).get(fact) ?? 0) >= 1 && ctx.index.explainSurely(knownRest, fact.textTerms).every((x) => x > 0)) coverage = 1;
      }
      into.push({ owner: d.about, label: d.label[u.lang], date: d.date, precision: d.precision, ...(d.end && { end: d.end }), coverage, fact });
    }
    const best = Math.max(0, ...candidates.map((c) => c.coverage));
    if (best >= STRUCTURED_THRESHOLD && (!bestPass || best > bestPass.best)) bestPass = { candidates: [...candidates], best, edges };
    const bestPassed = Math.max(0, ...passed.map((c) => c.coverage));
    if (bestPassed >= STRUCTURED_THRESHOLD && (!passedBest || bestPassed > passedBest.best)) passedBest = { candidates: [...passed], best: bestPassed, edges };
    candidates.length = 0;
    passed.length = 0;
    if (best >= 1) break;
  }
  // Nothing to come fits, but something named has passed: its dates, each marked as passed.
  if (!bestPass && passedBest && passedBest.best >= 1) bestPass = passedBest;
  // (So when the coming dates answer only through what they relate to, none of their own words saying the question's
  // ("the coming dates for the stab leader job": a policy period that the posting's document mentions), and passed dates
  // say it in their own words: those are the ones asked about.)
  else if (bestPass && passedBest && passedBest.best >= 1 && rest.length > 0) {
    const ownShare = (pass: { candidates: readonly DateCandidate[]; best: number }) =>
      Math.max(0, ...pass.candidates.filter((c) => c.coverage >= pass.best - NEAR_BEST).map((c) => (c.fact ? weightedShare(rest, ctx.index.explainSurely(rest, c.fact.textTerms)) : 1)));
    if (ownShare(bestPass) === 0 && ownShare(passedBest) > 0) bestPass = passedBest;
  }
  if (bestPass) {
    candidates.push(...bestPass.candidates);
    edges = bestPass.edges;
  }
  for (const deadline of ctx.options.deadlines?.list() ?? []) {
    if (!fits('application-deadline', deadline.date, undefined, undefined) || u.round !== undefined) continue;
    const terms = termsOf(`${deadline.title} frist deadline`);
    // Chat deadlines are not in the index, so their words are matched directly.
    const explained = rest.map((q): number =>
      q.token.terms.some((t) => terms.has(t))
        ? 1
        : [...terms].some((t) => q.token.terms.some((qt) => qt.length >= 5 && (t.startsWith(qt) || qt.startsWith(t))))
          ? 0.8
          : 0,
    );
    const coverage = rest.length === 0 ? 1 : weightedShare(rest, explained);
    candidates.push({ owner: `chat:${deadline.id}`, label: deadline.title, date: deadline.date, precision: 'day', coverage, chat: true });
  }
  // "When will the budget for 2028 be approved": a decision asked about (approved, decided, in force) is no deadline for
  // handing something in; a deadline answers it only when its own label says the decision's word, or a deadline is asked.
  const decisionCue = u.kinds.get('decision');
  if (decisionCue && !u.dateKinds.has('deadline')) {
    const cueTerms = decisionCue.positions.flatMap((i) => u.tokens[i]?.terms ?? []);
    const unsaid = (c: DateCandidate) => c.fact?.date !== undefined && DEADLINE_KINDS.includes(c.fact.date.kind) && !cueTerms.some((t) => c.fact!.textTerms.has(t));
    candidates.splice(0, candidates.length, ...candidates.filter((c) => !unsaid(c)));
  }
  // (A thing named that no date wholly answers, coming or passed: another answer may say when, "indføres i 2026".)
  if (candidates.length === 0) return u.upcoming && rest.length === 0 ? unknown(ctx, u.lang, p.noUpcoming) : undefined;
  // A chat deadline named in full ("fristen for budgetopfølgning") is the one asked about, even when
  // its name is also a cue word of the question (a budget deadline): the others do not answer it.
  const asked = new Set(u.tokens.flatMap((t) => t.terms));
  const namedChat = candidates.filter((c) => {
    if (!c.chat) return false;
    const title = analyzeText(c.label);
    return title.length > 0 && title.every((t) => STOPWORDS.has(t.form) || t.terms.some((term) => asked.has(term)));
  });
  if (namedChat.length > 0) candidates.splice(0, candidates.length, ...namedChat.map((c) => ({ ...c, coverage: 1 })));
  // "last day to sign up for the leaders' day": a general word for a deadline beside a specific kind of deadline asks for
  // that kind; the dates of it (by kind, or by what their label says) answer, not another deadline sharing a word.
  const specific = [...u.dateKinds].filter((k) => k !== 'deadline' && DEADLINE_KINDS.includes(k));
  if (u.dateKinds.has('deadline') && specific.length > 0) {
    const ofKind = (c: DateCandidate) => c.fact?.date !== undefined && (specific.includes(c.fact.date.kind) || specific.some((k) => ctx.dateKindsSaid?.(c.fact!).has(k)));
    if (candidates.some(ofKind)) candidates.splice(0, candidates.length, ...candidates.filter((c) => c.chat || ofKind(c)));
  }
  // A word that tells dates apart ("MUS" in "Hvornår er der MUS for kvartercheferne?") must be in the
  // date given: a date that fits the rest of the question but not that word answers another question.
  const judged = edges ? edgeRest : rest;
  if (judged.length > 1) {
    // A date answers for a word through its label or through what it belongs to (the posting's name).
    // A word of a name the question links surely ("the assistant universe leader job") is said by every date of that item,
    // in whatever words the date's own texts name it ("assistant head").
    // (So by the dates of a post whose name begins with the post named: "assisterende universleder til Hedelund" is one.)
    // (A person named is said by a date that names the post the person holds: "sendes til Kristian Vedel Mørch".)
    const namesIt = (c: DateCandidate, id: string) => {
      const post = heldPost(id);
      return c.fact!.related.has(id) || (post !== undefined && c.fact!.related.has(post)) || [...c.fact!.related].some((r) => isInstanceOf(ctx, r, id));
    };
    const allHits = (c: DateCandidate) =>
      c.fact
        ? ctx.index.explainSurely(judged, new Set([...c.fact.textTerms, ...c.fact.ownTerms, ...c.fact.contextTerms])).map((x, i) => (x > 0 || !(u.namedAt?.get(judged[i]!.token.index) ?? []).some((id) => namesIt(c, id)) ? x : 1))
        : judged.map(() => 1);
    const covered = candidates.map(allHits);
    // Telling words are judged against every date in scope, also those of other items.
    const every = factsOf(ctx, 'date').map((f) => ctx.index.explainSurely(judged, f.textTerms));
    const telling = judged.map((_, i) => every.some((h) => h[i]! > 0));
    let fitting = candidates.filter((_, k) => telling.every((tells, i) => !tells || covered[k]![i]! > 0));
    if (fitting.length === 0) {
      // "when do the houses have to submit budget requests": a telling word ("houses") that only dates answering far
      // less of the question say is no part of what is asked about; the dates that answer the rest still fit.
      const top = Math.max(...candidates.map((c) => c.coverage));
      const lacking = new Set(judged.flatMap((_, i) => (telling[i] && candidates.some((c, k) => c.coverage >= top - NEAR_BEST && covered[k]![i]! === 0) ? [i] : [])));
      const sayer = Math.max(0, ...candidates.filter((_, k) => [...lacking].some((i) => covered[k]![i]! > 0)).map((c) => c.coverage));
      // Only a word some fitting date says: one said only by dates of another kind or item asks about those.
      const saidByOthers = [...lacking].some((i) => !candidates.some((_, k) => covered[k]![i]! > 0));
      if (top >= STRUCTURED_THRESHOLD && sayer > 0 && !saidByOthers && top - sayer >= CLEAR_LEAD) fitting = candidates.filter((c) => c.coverage >= top - NEAR_BEST);
      // A date that by itself answers as much of the question as the general search asks of any fact ranks above the
      // telling words it lacks: they are the question's lesser words ("the LTS round", "each centre"), when every date
      // that says one of them answers less of the question than it does.
      else if (top >= ANSWER_THRESHOLD && top - sayer >= NEAR_BEST) fitting = candidates.filter((c) => c.coverage >= top - NEAR_BEST && c.coverage > sayer);
    }
    if (fitting.length === 0 && telling.some(Boolean) && candidates.some((c) => c.coverage >= STRUCTURED_THRESHOLD)) return unknown(ctx, u.lang, p.noDates);
    if (fitting.length > 0) candidates.splice(0, candidates.length, ...fitting);
  }
  candidates.sort((a, b) => b.coverage - a.coverage || a.date.localeCompare(b.date));
  const best = candidates[0]!.coverage;
  if (best < STRUCTURED_THRESHOLD) return undefined;
  let chosen = candidates.filter((c) => c.coverage >= best - NEAR_BEST).sort((a, b) => a.date.localeCompare(b.date));
  const listQuestion = u.range !== undefined || u.upcoming;
  // "Hvornår holdes lederdagen", "when is the summer closure": asked when a thing is, with no kind of date named, the
  // thing's own dates answer, not a deadline for it that names it ("Tilmelding til Lederdagen").
  // (So when the thing is asked of a year or month, "when is the leaders' gathering in 2027": the period narrows, it lists nothing.)
  if (u.dateKinds.size === 0 && (!listQuestion || (u.askedWhen && rest.length > 0))) {
    const own = chosen.filter((c) => c.fact?.date !== undefined && !DEADLINE_KINDS.includes(c.fact.date.kind));
    if (own.length > 0 && own.length < chosen.length && chosen.every((c) => c.fact?.date !== undefined)) chosen = own;
  }
  // "Hvornår er teamchefen på orlov": a word another kind of question uses as its cue ("orlov" asks for a deputy too) that
  // the labels of some of the dates that fit say, and others not, tells them apart.
  if (chosen.length > 1 && !listQuestion) {
    const cueWords = u.tokens.filter((tok, i) => u.intentWords.has(tok.form) && !whenAt.has(i) && !sequence.has(i) && tok.form.length > 3 && !STOPWORDS.has(tok.form));
    const says = (c: DateCandidate) => cueWords.filter((tok) => tok.terms.some((term) => c.fact?.textTerms.has(term))).length;
    const most = Math.max(0, ...chosen.map(says));
    if (most > 0) chosen = chosen.filter((c) => says(c) === most);
  }
  // "Hvornår godkendte universrådet årshjulet": a word that asks when something was decided, approved or took effect (the
  // decision kind's cue) must be said by the date given; a date of the body named that records no such act ("proposals
  // are sent to the council") answers another question.
  const actAt = u.kinds.get('decision')?.positions ?? [];
  if (actAt.length > 0 && !listQuestion) {
    const acts = ctx.index.queryTerms(actAt.map((i) => u.tokens[i]!));
    // (Or by its kind, when the word names that kind: "vedtaget" asks for an `established` date.)
    // (Any word for such an act will do: "passed" is said by "adopted by the committee"; so will an `established` date.)
    const actKind: ReadonlySet<string> = new Set(['decision']);
    const recorded = (c: DateCandidate) =>
      c.fact?.date !== undefined &&
      (ctx.index.explainSurely(acts, c.fact.textTerms).some((x) => x > 0) ||
        c.fact.date.kind === 'established' ||
        (u.dateKinds.size > 0 && fitsDateKind(u.dateKinds, c.fact.date.kind)) ||
        [c.fact.date.label.da, c.fact.date.label.en].some((label) => (ctx.kindCuesAt?.(analyzeText(foldText(label)), actKind).size ?? 0) > 0));
    if (acts.length > 0 && !chosen.some(recorded)) return undefined;
  }
  // "when is the first interview for the job": interviews the documents give no round number ("Samtaler" on two days)
  // are rounds in the order of their days; the round asked is the one at its place, and none when the posting has fewer.
  if (u.round !== undefined) chosen = inRoundOrder(chosen, u.round);
  if (chosen.length === 0) return unknown(ctx, u.lang, p.noDates);
  if (u.next) chosen = chosen.slice(0, 1);
  // "Hvornår er sidste LUF-møde", "the first theme day": a word for the first or last of a series of one item's dates of
  // one kind (no kind of date asked, no round) picks that one; the edges of a period are answered by the edge pass.
  // ("the last interview for the Mågen job": a kind of event named with it is the series; "sidste frist" is a deadline's own word.)
  const said = chosen.length > 1 && [...u.dateKinds].every((k) => SERIES_KINDS.has(k)) && u.round === undefined ? ctx.sequenceSaid?.(u.tokens) : undefined;
  const series = said !== undefined && said.size === 1 && !said.has('after') && unique(chosen.map((c) => c.owner)).length === 1 && unique(chosen.map((c) => c.fact?.date?.kind)).length === 1 && chosen.every((c) => !c.end);
  if (series) chosen = said.has('first') ? chosen.slice(0, 1) : chosen.slice(-1);

  const lineOf = (c: DateCandidate): Line => ({
    // A period shows its first and last day.
    // Where a dated event takes place, when the data says.
    text: `${p.dateLine(
      c.label,
      `${c.end ? `${shortDate(c.date, u.lang)}–${shortDate(c.end, u.lang)}` : formatPartialDate(c.date, c.precision, u.lang)}${timeOf(c, u.lang)}`,
      (c.end ?? c.date) < today && c.precision === 'day',
    )}${c.fact?.date?.place ? `, ${u.lang === 'da' ? 'sted' : 'place'}: ${c.fact.date.place}` : ''}`,
    fact: c.fact,
    chat: c.chat,
  });
  // "Hvornår går Lone Birkmose Ravn af": the dates of several things answer alike through what they belong to (her post,
  // the posting for the house she led); those whose own words (label, kind, subject) say most of the question are the
  // ones asked about.
  if (!listQuestion && rest.length > 0 && unique(chosen.map((c) => c.owner)).length > 1) {
    const ownSaid = (c: DateCandidate) => (c.fact ? weightedShare(rest, ctx.index.explainSurely(rest, c.fact.textTerms)) : 0);
    const most = Math.max(...chosen.map(ownSaid));
    if (most > 0) chosen = chosen.filter((c) => ownSaid(c) >= most - NEAR_BEST);
  }
  const owners = unique(chosen.map((c) => c.owner));
  const titleOf = (owner: string) => (owner.startsWith('chat:') ? p.chatDeadline : sectionTitle(ctx.kb, owner, u.lang));
  // The words the dates given explain in either language ("lederdagen" of "Leaders' day", whose Danish label says it) are
  // answered by them: the reply shows one language's label only.
  const cited = chosen.flatMap((c) => (c.fact ? [c.fact] : []));
  const saidBy = new Set(cited.flatMap((f) => [...f.textTerms]));
  const explained = rest.filter((q, i) => ctx.index.explainSurely(rest, saidBy)[i]! > 0).map((q) => q.token.index);
  if (owners.length === 1) {
    const lines = chosen.map(lineOf);
    const title = titleOf(owners[0]!);
    return explainsWords(compose(ctx, u.lang, {
      kind: 'answer',
      headline: lines.length === 1 ? `${lines[0]!.text} (${title})` : `${capitalize(title)}${timesSaid(chosen, u)}:`,
      groups: [{ title: '', lines: lines.length === 1 ? [] : lines }],
      cite: chosen.map((c) => c.fact).filter((f): f is FactRecord => f !== undefined),
    }), explained);
  }
  return compose(ctx, u.lang, {
    kind: listQuestion ? 'answer' : 'ambiguous',
    headline: listQuestion ? p.datesHeadline(chosen.length) : p.severalMatches,
    groups: owners.map((owner) => ({
      title: titleOf(owner),
      lines: chosen.filter((c) => c.owner === owner).map(lineOf),
    })),
  });
}
