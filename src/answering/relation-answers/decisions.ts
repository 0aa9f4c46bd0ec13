/**
 * Decisions of a named body: what was decided, when, from when it applies, how the vote went, and why (the background
 * the documents state about it). The decision is chosen by what the question names (the decision, the items it
 * changes, the items on the lines it changes), by the words of its points, vote, description and the statements the
 * documents make about it, and by the days the question names (the day decided, the day it applies from).
 */
import type { KbItem, KnowledgeBase } from '../../knowledge/knowledge-base.js';
import type { Decision, Source } from '../../knowledge/schemas.js';
import { displayName } from '../facts.js';
import { capitalize } from '../phrases.js';
import { GENERIC_WORDS, STOPWORDS, termsOf, tokenize } from '../normalize.js';
import { findDays } from '../understand.js';
import type { Answer } from '../types.js';
import { composeAnswer, nameOf, shortDate, unique, unknown as unknownAnswer } from '../answer-context.js';
import type { RelationContext } from './context.js';

const TEXTS = {
  da: {
    decided: (body: string, date: string, name: string) => `${capitalize(body)} besluttede ${date}: ${name}.`,
    applies: (date: string) => `gælder fra ${date}`,
    vote: (text: string) => `Afstemning: ${text}`,
    voteOn: (name: string, text: string) => `Afstemningen om ${name}: ${text}`,
    votes: (f?: number, a?: number, x?: number) => [f !== undefined ? `${f} for` : '', a !== undefined ? `${a} imod` : '', x ? `${x} undlod at stemme` : ''].filter(Boolean).join(', '),
    unanimous: 'enstemmigt',
    noneAbstained: 'Ingen undlod at stemme.',
    noneAgainst: 'Ingen stemte imod.',
    noAgainstGiven: 'Protokollen nævner ingen stemmer imod.',
    noVote: (name: string) => `Dokumenterne siger ikke, hvordan der blev stemt om ${name}.`,
    noDecision: 'Jeg kender ingen beslutning, der passer til spørgsmålet.',
  },
  en: {
    decided: (body: string, date: string, name: string) => `On ${date} the ${body} decided: ${name}.`,
    applies: (date: string) => `applies from ${date}`,
    vote: (text: string) => `Vote: ${text}`,
    voteOn: (name: string, text: string) => `The vote on ${name}: ${text}`,
    votes: (f?: number, a?: number, x?: number) => [f !== undefined ? `${f} for` : '', a !== undefined ? `${a} against` : '', x ? `${x} abstained` : ''].filter(Boolean).join(', '),
    unanimous: 'unanimous',
    noneAbstained: 'No one abstained.',
    noneAgainst: 'No one voted against.',
    noAgainstGiven: 'The minutes give no votes against.',
    noVote: (name: string) => `The documents do not say how the vote on ${name} went.`,
    noDecision: 'I know of no decision that fits the question.',
  },
} as const;

/** A statement the documents make about a decision besides its points: its background, or a fact of an item it changes. */
interface Said {
  readonly text: { readonly da: string; readonly en: string };
  readonly source: Source;
  readonly background: boolean;
  readonly terms: ReadonlySet<string>;
}

/** What is known of each decision for matching, worked out once per knowledge base. */
interface DecisionIndex {
  /** The terms of its names, points, vote, description and source quote. */
  readonly terms: ReadonlyMap<string, ReadonlySet<string>>;
  /** Its pairs of adjacent words (folded), from the same texts: "punkt 6" says more than "punkt" and "6" apart. */
  readonly pairs: ReadonlyMap<string, ReadonlySet<string>>;
  /** Each point's terms, in order. */
  readonly pointTerms: ReadonlyMap<string, ReadonlyArray<ReadonlySet<string>>>;
  /** The items it changes and the items at either end of the lines and deputies it changes. */
  readonly touches: ReadonlyMap<string, ReadonlySet<string>>;
  /** What the documents say about it besides its points. */
  readonly said: ReadonlyMap<string, readonly Said[]>;
  /** The bodies that decided anything. */
  readonly bodies: ReadonlySet<string>;
}

const INDEXES = new WeakMap<KnowledgeBase, DecisionIndex>();

function indexOf(kb: KnowledgeBase): DecisionIndex {
  const known = INDEXES.get(kb);
  if (known) return known;
  const terms = new Map<string, Set<string>>();
  const pointTerms = new Map<string, Array<Set<string>>>();
  const pairs = new Map<string, Set<string>>();
  const touches = new Map<string, Set<string>>();
  const said = new Map<string, Said[]>();
  const textTerms = (text: { da: string; en: string }) => new Set([...termsOf(text.da), ...termsOf(text.en)]);
  // An item inside a changed unit (a house of the area reorganised) is one the decision concerns.
  const within = (id: string, of: ReadonlySet<string>) => {
    let current: string | undefined = id;
    for (let depth = 0; current && depth < 8; depth++) {
      if (of.has(current)) return true;
      current = (kb.get(current)?.item as { parent?: string; unit?: string } | undefined)?.parent ?? (kb.get(current)?.item as { unit?: string } | undefined)?.unit;
    }
    return false;
  };
  for (const d of kb.data.decisions) {
    const all = new Set<string>();
    const adjacent = new Set<string>();
    const texts = [d.name, d.labelEn, ...d.names, ...d.namesEn, d.source.quote, ...(d.description ? [d.description.da, d.description.en] : []), ...(d.vote?.text ? [d.vote.text.da, d.vote.text.en] : [])];
    for (const text of [...texts, ...d.decided.flatMap((x) => [x.da, x.en])]) {
      const forms = tokenize(text);
      forms.forEach((form, i) => i > 0 && adjacent.add(`${forms[i - 1]} ${form}`));
    }
    for (const text of texts) for (const term of termsOf(text)) all.add(term);
    const points = d.decided.map(textTerms);
    for (const p of points) for (const term of p) all.add(term);
    const touched = new Set<string>(d.changes);
    for (const id of d.changes) {
      const entry = kb.get(id);
      if (entry?.kind === 'reportingLines') [entry.item.from, entry.item.to].forEach((x) => touched.add(x));
      if (entry?.kind === 'deputies') [entry.item.deputy, entry.item.for].forEach((x) => touched.add(x));
    }
    // The background and other facts stated about the decision, and the facts of the items it changes (or items within
    // them) taken from the same minutes ("Myretuen still has no deputy after the change").
    const statements: Said[] = [];
    for (const fact of kb.data.facts) {
      if (!fact.about.includes(d.id)) continue;
      statements.push({ text: fact.text, source: fact.source, background: fact.topic === 'background', terms: textTerms(fact.text) });
    }
    for (const unit of kb.data.units) {
      if (!within(unit.id, touched)) continue;
      for (const fact of unit.facts) {
        if (fact.source.doc !== d.source.doc) continue;
        statements.push({ text: fact, source: fact.source, background: false, terms: textTerms(fact) });
      }
    }
    for (const s of statements) for (const term of s.terms) all.add(term);
    terms.set(d.id, all);
    pointTerms.set(d.id, points);
    pairs.set(d.id, adjacent);
    touches.set(d.id, touched);
    said.set(d.id, statements);
  }
  const index: DecisionIndex = { terms, pairs, pointTerms, touches, said, bodies: new Set(kb.data.decisions.map((d) => d.body)) };
  INDEXES.set(kb, index);
  return index;
}

export function answerDecisions(rc: RelationContext): Answer | undefined {
  const { u, kb, queries } = rc;
  const voteAsked = rc.lexicon.voteWords.match(u.tokens).size > 0;
  const reasonAsked = rc.lexicon.reasonWords.match(u.tokens).size > 0;
  // "Hvorfor skal dagplejen under Hede?": a decision named by its own name asked why or how the vote went.
  const decisionNamed = rc.subjects.some((g) => g.some((l) => l.kind === 'decisions' && l.quality >= 0.9));
  if (!u.kinds.has('decision') && !(decisionNamed && (voteAsked || reasonAsked))) return undefined;
  // "How many deputies after the reorganisation?" counts; "who reports to X after it?" is a line. "How many voted
  // against?" asks for the vote.
  if ((u.intents.has('figure') && !voteAsked) || u.intents.has('reporting')) return undefined;
  const all = kb.data.decisions;
  if (all.length === 0) return undefined;
  const t = TEXTS[u.lang];
  const index = indexOf(kb);
  const links = rc.subjects.flat();
  // A decision named surely ("kvarterbeslutningen") or loosely ("kvarterstrukturen", read as its name with one word off).
  const named = links.filter((l) => l.kind === 'decisions' && l.quality >= 0.9).map((l) => l.id);
  const looselyNamed = links.filter((l) => l.kind === 'decisions' && l.quality < 0.9).map((l) => l.id);
  // The body that decided limits the decisions; its name says nothing about which of them.
  const bodyLinks = links.filter((l) => index.bodies.has(l.id));
  const bodies = new Set(bodyLinks.map((l) => l.id));
  let candidates = bodies.size > 0 ? all.filter((d) => bodies.has(d.body)) : [...all];
  if (candidates.length === 0) candidates = [...all];
  if (rc.municipalities.size > 0) {
    const inScope = candidates.filter((d) => !d.municipality || rc.municipalities.has(d.municipality));
    if (inScope.length > 0) candidates = inScope;
  }
  // Other items the question names: a decision that changes them, or a line or deputy of theirs, concerns them.
  const groups = rc.subjects.map((g) => g.filter((l) => l.kind !== 'decisions' && l.kind !== 'municipalities' && !bodies.has(l.id))).filter((g) => g.length > 0);
  const bodyAt = new Set(bodyLinks.flatMap((l) => Array.from({ length: l.end - l.start }, (_, i) => l.start + i)));
  const decisionAt = new Set(links.filter((l) => l.kind === 'decisions').flatMap((l) => Array.from({ length: l.end - l.start }, (_, i) => l.start + i)));
  // The days the question names: a decision fits when each is the day it was made or the day it applies from.
  const days = findDays(u.text);
  const monthAt = (i: number) => isMonthLike(u.tokens[i]?.form ?? '');
  const dayWords = new Set(
    days.length > 0 ? u.tokens.flatMap((tok, i) => (monthAt(i) || (/^\d+$/.test(tok.form) && (monthAt(i - 1) || monthAt(i + 1) || monthAt(i - 2))) ? [i] : [])) : [],
  );
  // The question's own words (not its cue, the body's name, a stop word or a day) against each decision's words.
  const words = u.tokens.filter((tok, i) => !u.cuePositions.has(i) && !bodyAt.has(i) && !decisionAt.has(i) && !dayWords.has(i) && !STOPWORDS.has(tok.form) && !GENERIC_WORDS.has(tok.form) && (tok.form.length > 3 || /^\d+$/.test(tok.form)));
  const wordTerms = words.map((tok) => tok.terms);
  const hits = (terms: ReadonlySet<string>) => wordTerms.filter((ts) => ts.some((term) => terms.has(term))).length;
  const kept = new Set(words);
  const questionPairs = u.tokens.flatMap((tok, i) => (i > 0 && kept.has(tok) && kept.has(u.tokens[i - 1]!) ? [`${u.tokens[i - 1]!.form} ${tok.form}`] : []));
  const fitsDay = (d: Decision, day: { monthDay: string; year?: number }) =>
    [d.date, d.appliesFrom].some((iso) => iso !== undefined && iso.slice(5) === day.monthDay && (day.year === undefined || Number(iso.slice(0, 4)) === day.year));
  if (days.length > 0) {
    const fit = candidates.filter((d) => days.every((day) => fitsDay(d, day)));
    if (fit.length === 0) return unknownAnswer(rc.ctx, u.lang, t.noDecision);
    candidates = fit;
  }
  // A month or a year asked about ("which decisions take effect in May 2027"): made or applying from a day in it. A
  // period without a year is whichever year the data has it in.
  if (days.length === 0 && u.range) {
    const range = u.range;
    const within = (iso: string | undefined, from: string, to: string) => iso !== undefined && iso >= from && iso <= to;
    let fit = candidates.filter((d) => within(d.date, range.from, range.to) || within(d.appliesFrom, range.from, range.to));
    if (fit.length === 0 && !u.tokens.some((tok) => /^(19|20)\d{2}$/.test(tok.form)) && range.from.slice(5) <= range.to.slice(5)) {
      const [from, to] = [range.from.slice(5), range.to.slice(5)];
      fit = candidates.filter((d) => within(d.date.slice(5), from, to) || within(d.appliesFrom?.slice(5), from, to));
    }
    if (fit.length === 0) return unknownAnswer(rc.ctx, u.lang, t.noDecision);
    candidates = fit;
  }
  const fromWhen = rc.lexicon.effectWords.match(u.tokens).size > 0;
  const score = (d: Decision) =>
    (named.includes(d.id) ? 10 : looselyNamed.includes(d.id) ? 3 : 0) +
    // A name read only loosely ("udvalgsmødet" for the committee's dialogue meeting) says less than one read surely.
    groups.reduce((sum, g) => sum + Math.max(0, ...g.filter((l) => index.touches.get(d.id)!.has(l.id)).map((l) => (l.quality >= 0.9 ? 2 : 0.5))), 0) +
    hits(index.terms.get(d.id)!) +
    questionPairs.filter((pair) => index.pairs.get(d.id)!.has(pair)).length +
    (fromWhen && d.appliesFrom ? 0.5 : 0);
  // Items named that no decision concerns ("from when does the learning strategy apply"): another answerer's question.
  const touchedAny = groups.some((g) => g.some((l) => candidates.some((d) => index.touches.get(d.id)!.has(l.id))));
  if (named.length === 0 && looselyNamed.length === 0 && groups.length > 0 && !touchedAny && bodyLinks.length === 0) return undefined;
  const ranked = candidates.map((d) => ({ d, score: score(d) })).sort((a, b) => b.score - a.score || b.d.date.localeCompare(a.d.date));
  // Something named that no decision concerns ("the decision about the budget"): none of them answers.
  if (named.length === 0 && looselyNamed.length === 0 && (groups.length > 0 || words.length > 0) && ranked[0]!.score === 0 && days.length === 0) {
    // Asked of a body that decided things, or about an item named surely: none of its decisions is about that.
    return bodyLinks.length > 0 || groups.some((g) => g.some((l) => l.quality >= 0.9)) ? unknownAnswer(rc.ctx, u.lang, t.noDecision) : undefined;
  }
  const best = ranked[0]!;
  const d = best.d;
  const name = (x: Decision) => displayName({ kind: 'decisions', item: x } as KbItem, u.lang);
  const describe = (x: Decision) => {
    const base = t.decided(nameOf(kb, x.body, u.lang, true), shortDate(x.date, u.lang), name(x));
    return x.appliesFrom ? base.replace(/\.$/, ` (${t.applies(shortDate(x.appliesFrom, u.lang))}).`) : base;
  };
  const voteOf = (x: Decision) => {
    if (!x.vote) return undefined;
    const count = x.vote.unanimous ? t.unanimous : t.votes(x.vote.for, x.vote.against, x.vote.abstained);
    // The minutes' own words, and that no one abstained when they count it ("Ingen undlod at stemme").
    // Unanimous: no one voted against; votes for counted without any against: the minutes give none.
    const against = x.vote.unanimous ? ` ${t.noneAgainst}` : x.vote.against === undefined && x.vote.for !== undefined ? ` ${t.noAgainstGiven}` : '';
    const none = `${x.vote.abstained === 0 ? ` ${t.noneAbstained}` : ''}${against}`;
    return `${x.vote.text ? x.vote.text[u.lang] : `${capitalize(count)}.`}${none}`;
  };
  // The points that say what the question asks first, then the rest in the minutes' order.
  const points = d.decided.map((s, i) => ({ s, hits: hits(index.pointTerms.get(d.id)![i]!) })).sort((a, b) => b.hits - a.hits);
  const statements = index.said.get(d.id)!.map((s) => ({ s, hits: hits(s.terms) }));
  const backgrounds = statements.filter((x) => x.s.background);
  // A statement about the decision that says more of what the question asks than any of its points leads.
  const bestPoint = points[0]?.hits ?? 0;
  const leading = reasonAsked && backgrounds.length > 0 ? [...backgrounds].sort((a, b) => b.hits - a.hits)[0] : [...statements].filter((x) => x.hits > bestPoint).sort((a, b) => b.hits - a.hits)[0];
  // Decisions that fit as well (all of them when nothing tells them apart: "what did the committee decide on 12 November").
  const others = ranked.slice(1).filter((x) => x.score === best.score).map((x) => describe(x.d));
  const vote = voteOf(d);
  const sources: Source[] = [d.source];
  let headline: string;
  const lines: string[] = [];
  if (voteAsked) {
    headline = vote ? t.voteOn(name(d), vote) : t.noVote(name(d));
    lines.push(describe(d));
  } else if (leading) {
    headline = leading.s.text[u.lang];
    sources.unshift(leading.s.source);
    lines.push(describe(d));
  } else {
    headline = describe(d);
    if (vote) lines.push(t.vote(vote));
  }
  const pointLines = points.map((p) => p.s[u.lang]);
  // The points that answer what was asked come before the vote when something besides the decision is asked about.
  if (!voteAsked && !leading && points[0] && points[0].hits > 0 && lines.length > 0) lines.unshift(pointLines.shift()!);
  lines.push(...pointLines);
  lines.push(...statements.filter((x) => x !== leading && x.hits > 0).map((x) => x.s.text[u.lang]));
  // Decisions as fitting as the first are named before the first one's points.
  lines.unshift(...others);
  sources.push(...unique(points.slice(0, 2).map((p) => p.s.source)));
  return composeAnswer(kb, u.lang, { kind: 'answer', headline, groups: [{ title: '', lines: unique(lines).filter((l) => l !== headline) }], sources, details: [], complete: false });
}

/** A word that may be part of a day written out ("nov", "november", "2027"). */
function isMonthLike(form: string): boolean {
  return /^(jan|feb|mar|apr|maj|may|jun|jul|aug|sep|okt|oct|nov|dec)/.test(form);
}
