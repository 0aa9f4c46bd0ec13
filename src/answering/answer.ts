/**
 * The answering engine: question -> Answer, derived from the knowledge base only.
 */
import type { KbItem, KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { DateEntry, Source } from '../knowledge/schemas.js';
import { formatPartialDate, toLocalDate } from '../time/format-date.js';
import { buildFacts, definiteName, displayName, namesOf, type FactKind, type FactRecord } from './facts.js';
import { boundedEditDistance, foldText, primaryStem, termsOf, tokenize } from './normalize.js';
import { capitalize, joinList, phrasesFor } from './phrases.js';
import { shorten } from './render.js';
import { createSearchIndex, type QueryTerm, type ScoredFact, type SearchIndex } from './search.js';
import type { Answer, AnswerSection, AnswerSource, Lang } from './types.js';
import { understand, type Intent, type Understanding } from './understand.js';

/** A deadline added in chat (not in the knowledge base). */
export interface ChatDeadline {
  readonly id: string;
  readonly title: string;
  /** `YYYY-MM-DD`. */
  readonly date: string;
}

/** Where chat-added deadlines come from. */
export interface DeadlineSource {
  list(): readonly ChatDeadline[];
}

/** Options of {@link createAnswerer}. */
export interface AnswererOptions {
  readonly now: () => Date;
  readonly deadlines?: DeadlineSource;
}

/** Answers questions over one knowledge base. */
export interface Answerer {
  answer(question: string, localeHint?: string): Answer;
}

/** A question is answered only when the best facts explain at least this share of it. */
const ANSWER_THRESHOLD = 0.6;
/** Structured answers (dates, contacts, reporting lines, figures) may explain less of the rest. */
const STRUCTURED_THRESHOLD = 0.45;
/** Facts within this distance of the best are answered together. */
const NEAR_BEST = 0.1;
/** The most lines one section shows. */
const MAX_LINES = 8;

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

/** A number in digits or words (not "en"/"one", which are also articles). */
const NUMBER = /\b(\d+|to|tre|fire|fem|seks|syv|otte|ni|ti|elleve|tolv|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b/;

/** Types a question can ask for by name ("politik" is every kind, so it filters nothing). */
const POLICY_TYPES: ReadonlyArray<[string, RegExp]> = [
  ['law', /\b(lov|loven|love|lovgivning\w*|laws?|acts?|legislation)\b/],
  ['strategy', /\b(strategi\w*|strateg\w*)\b/],
  ['agreement', /\b(aftale\w*|agreements?)\b/],
  ['framework', /\b(ramme\w*|frameworks?)\b/],
];

/** A line of an answer with the fact it came from. */
interface Line {
  readonly text: string;
  readonly fact?: FactRecord;
  readonly chat?: boolean;
}

/** Creates the answering engine over a knowledge base. */
export function createAnswerer(kb: KnowledgeBase, options: AnswererOptions): Answerer {
  const facts = buildFacts(kb);
  const index = createSearchIndex(facts);
  const ownTermsCache = new Map<string, Set<string>>();
  const ownTerms = (id: string): Set<string> => {
    let terms = ownTermsCache.get(id);
    if (!terms) {
      const entry = kb.get(id);
      terms = new Set(entry ? namesOf(entry).flatMap((name) => [...termsOf(name)]) : []);
      ownTermsCache.set(id, terms);
    }
    return terms;
  };
  // Computed once: the full names of items (for "named in full"), document order, list sizes.
  const fullNamesCache = new Map<string, string[]>();
  const fullNames = (id: string) => {
    let names = fullNamesCache.get(id);
    if (!names) {
      const entry = kb.get(id);
      names = (entry ? namesOf(entry) : [])
        .map((name) => tokenize(name))
        .filter((words) => words.length >= 2 || (words[0]?.length ?? 0) >= 6)
        .map((words) => words.join(' '));
      fullNamesCache.set(id, names);
    }
    return names;
  };
  const order = new Map(facts.map((fact, i) => [fact, i]));
  const detailCounts = new Map<string, number>();
  for (const fact of facts) if (fact.kind === 'detail') detailCounts.set(fact.owner, (detailCounts.get(fact.owner) ?? 0) + 1);
  const namedCandidates = [
    ...kb.data.roles,
    ...kb.data.units,
    ...kb.data.postings,
    ...kb.data.people,
    ...kb.data.leadershipGroups,
    ...kb.data.meetings,
    ...kb.data.policies,
    ...kb.data.programmes,
  ].map((item) => item.id);
  // Full names by their first word, so finding the names in a question looks only at its own words.
  const namesByFirstWord = new Map<string, Array<{ id: string; words: string[] }>>();
  for (const id of [...namedCandidates, ...kb.data.concepts.map((c) => c.id)]) {
    for (const name of fullNames(id)) {
      const words = name.split(' ');
      const list = namesByFirstWord.get(words[0]!) ?? [];
      list.push({ id, words });
      namesByFirstWord.set(words[0]!, list);
    }
  }
  const namesIn = (text: string): Set<string> => {
    const words = tokenize(text);
    const found = new Set<string>();
    words.forEach((word, i) => {
      for (const candidate of namesByFirstWord.get(word) ?? []) {
        if (candidate.words.every((w, k) => words[i + k] === w)) found.add(candidate.id);
      }
    });
    return found;
  };
  const context: Context = {
    kb,
    index,
    ownTerms,
    fullNames,
    namesIn,
    order,
    detailCounts,
    options,
    municipalities: new Set(),
    namedCandidates: new Set(namedCandidates),
    named: new Set(),
    namedAny: new Set(),
  };
  const municipalityNames = kb.data.municipalities.map((m) => ({
    id: m.id,
    names: [m.name, m.labelEn, ...m.names, ...m.namesEn].map((name) => tokenize(name).map(primaryStem)),
  }));
  const municipalityOf = (fact: FactRecord) => kb.documents.get(fact.source.doc)?.municipality;
  const municipalityWords = [...new Set(municipalityNames.flatMap((m) => m.names.flat()))];
  const scopes = new Map<string, SearchIndex>();
  return {
    answer(question, localeHint) {
      const u = understand(question, options.now(), localeHint);
      // A municipality named in the question ("i Ballerup", "in Copenhagen", "kobenhavn") limits the answer to it.
      const said = new Set(u.tokens.map((t) => primaryStem(t.form)));
      for (const token of u.tokens) {
        const near = municipalityWords.find((w) => token.form.length >= 6 && boundedEditDistance(token.form, w, 1) <= 1);
        if (near) said.add(near);
      }
      const named = new Set(
        municipalityNames.filter((m) => m.names.some((words) => words.length > 0 && words.every((w) => said.has(w)))).map((m) => m.id),
      );
      if (named.size === 0) return answerUnderstood(context, u);
      // "Who is the head of day care in Copenhagen?": a role named in full that exists only in other
      // municipalities is not there; answering with something else from Copenhagen would mislead.
      const fullyNamed = [...namesIn(u.text)].map((id) => kb.get(id)).filter((e) => e?.kind === 'roles');
      if (fullyNamed.length > 0 && fullyNamed.every((e) => e!.item.municipality !== undefined && !named.has(e!.item.municipality))) {
        return unknown(context, u.lang);
      }
      const inScope = (fact: FactRecord) => {
        const municipality = municipalityOf(fact);
        return municipality === undefined || named.has(municipality);
      };
      const key = [...named].sort().join(',');
      let scoped = scopes.get(key);
      if (!scoped) {
        scoped = {
          ...index,
          facts: index.facts.filter(inScope),
          score: (query, filter) => index.score(query, (fact) => inScope(fact) && (!filter || filter(fact))),
        };
        scopes.set(key, scoped);
      }
      // The scope answers for the municipality's name; matching it again would only touch every fact.
      const municipalityStems = new Set(
        municipalityNames.filter((m) => named.has(m.id)).flatMap((m) => m.names.filter((words) => words.every((w) => said.has(w))).flat()),
      );
      const intentWords = new Set(u.intentWords);
      for (const token of u.tokens) if (municipalityStems.has(primaryStem(token.form))) intentWords.add(token.form);
      return answerUnderstood({ ...context, index: scoped, municipalities: named }, { ...u, intentWords });
    },
  };
}

interface Context {
  readonly kb: KnowledgeBase;
  /** The facts in scope of this question (all, or those of the municipalities it names). */
  readonly index: SearchIndex;
  readonly ownTerms: (id: string) => Set<string>;
  /** An item's names of two words or more (or one long word), as folded token strings. */
  readonly fullNames: (id: string) => readonly string[];
  /** Each fact's position in the knowledge base (document order). */
  readonly order: ReadonlyMap<FactRecord, number>;
  /** How many `detail` facts each item has (the size of a list). */
  readonly detailCounts: ReadonlyMap<string, number>;
  readonly options: AnswererOptions;
  /** Municipalities the question names; empty when it names none. */
  readonly municipalities: ReadonlySet<string>;
  /** Items that can be named in full (roles, units, postings, people, ...), by id. */
  readonly namedCandidates: ReadonlySet<string>;
  /** The items (those and concepts) whose full name the text contains. */
  readonly namesIn: (text: string) => Set<string>;
  /** Items this question names in full; empty when none. */
  readonly named: ReadonlySet<string>;
  /** The same, concepts included ("kompleks problemløsning"): for ranking, not for filtering. */
  readonly namedAny: ReadonlySet<string>;
}

/** True when a fact belongs to one of the items the question names (or it names none). */
function belongsToNamed(ctx: Context, fact: FactRecord): boolean {
  if (ctx.named.size === 0) return true;
  for (const id of ctx.named) if (fact.related.has(id)) return true;
  return false;
}

function answerUnderstood(base: Context, u: Understanding): Answer {
  // Things the question names in full ("head of day care", "Stjernehuset"): a date or a contact
  // must belong to one of them, not merely share words with them.
  const namedAny = base.namesIn(u.text);
  const named = new Set([...namedAny].filter((id) => base.namedCandidates.has(id)));
  const ctx: Context = { ...base, named, namedAny };
  const query = ctx.index.queryTerms(u.tokens);
  const rest = ctx.index.queryTerms(u.tokens, u.intentWords);
  if (query.length === 0 && u.intents.size === 0) return unknown(ctx, u.lang);
  const structured: Array<() => Answer | undefined> = [];
  // A named kind of date ("ansøgningsfristen", "first interview") or a month is the surest sign.
  const datesFirst = u.dateKinds.size > 0 || u.range !== undefined;
  if (u.intents.has('dates') && datesFirst) structured.push(() => answerDates(ctx, u, rest));
  if (u.intents.has('holder')) structured.push(() => answerHolder(ctx, u, rest));
  if (u.intents.has('leader')) structured.push(() => answerLeader(ctx, u, rest));
  if (u.intents.has('reporting')) structured.push(() => answerReporting(ctx, u, rest));
  if (u.intents.has('dates') && !datesFirst) structured.push(() => answerDates(ctx, u, rest));
  if (u.intents.has('contact')) structured.push(() => answerContact(ctx, u, rest));
  if (u.intents.has('policy') && !u.intents.has('definition') && u.cardinal === undefined) structured.push(() => answerPolicies(ctx, u, rest));
  for (const attempt of structured) {
    const answer = attempt();
    if (answer) return answer;
  }
  if (u.intents.has('dates') && u.dateKinds.size > 0 && !u.intents.has('reporting') && hasSubject(rest)) {
    // A deadline or an interview for something the knowledge base has none for: any other would mislead.
    return unknown(ctx, u.lang, phrasesFor(u.lang).noDates);
  }
  if (u.intents.has('contact') && ctx.named.size > 0) return unknown(ctx, u.lang, phrasesFor(u.lang).noContact);
  const general = answerGeneral(ctx, u, rest);
  // "Hvornår blev X etableret?" may be answered by a fact that says when, even without a date entry.
  if (general.kind === 'unknown' && u.askedWhen && u.intents.has('dates') && hasSubject(rest)) {
    return unknown(ctx, u.lang, phrasesFor(u.lang).noDates);
  }
  return general;
}

/** True when the question names something beyond the words that ask. */
function hasSubject(rest: readonly QueryTerm[]): boolean {
  return rest.length > 0;
}

// ---------------------------------------------------------------------------------------------
// Reporting lines

function answerReporting(ctx: Context, u: Understanding, rest: readonly QueryTerm[]): Answer | undefined {
  const scored = ctx.index.score(rest, (fact) => fact.kind === 'reporting');
  const weight = (terms: readonly number[]) => terms.reduce((sum, v, i) => sum + v * rest[i]!.weight, 0);
  const candidates = scored
    .map((s) => {
      const line = s.fact.line!;
      const fromScore = weight(ctx.index.explain(rest, ctx.ownTerms(line.from)));
      const toScore = weight(ctx.index.explain(rest, ctx.ownTerms(line.to)));
      return { s, line, fromScore, toScore };
    })
    // The question must name the side it asks from: X in "whom does X report to", Y in "who reports to Y".
    .filter((c) => (u.direction === 'down' ? c.toScore > 0 && c.toScore >= c.fromScore / 2 : c.fromScore > 0 && c.fromScore >= c.toScore / 2))
    .filter((c) => c.s.coverage >= STRUCTURED_THRESHOLD);
  if (candidates.length === 0) return u.direction === 'down' ? undefined : noReportingLine(ctx, u, rest);
  const sideScore = (c: (typeof candidates)[number]) => c.s.coverage + (u.direction === 'down' ? c.toScore : c.fromScore) / 100;
  candidates.sort((a, b) => sideScore(b) - sideScore(a));
  // A subject named in full ("the pedagogical leader") beats one that merely shares a word with it.
  const fullyNamed = candidates.filter((c) => ctx.namedAny.has(u.direction === 'down' ? c.line.to : c.line.from));
  if (fullyNamed.length > 0) candidates.splice(0, candidates.length, ...fullyNamed);
  const best = candidates[0]!.s.coverage;
  let chosen = candidates.filter((c) => c.s.coverage >= best - NEAR_BEST);
  // Several subjects that all report to the same place are one answer, about the best-named one.
  const firstTo = chosen[0]!.line.to;
  if (u.direction !== 'down' && chosen.every((c) => c.line.to === firstTo || sharesName(ctx, c.line.to, firstTo))) {
    const top = chosen[0]!.line.from;
    chosen = chosen.filter((c) => c.line.from === top);
  }
  const p = phrasesFor(u.lang);
  const name = (id: string) => nameOf(ctx.kb, id, u.lang, true);

  if (u.direction === 'down') {
    const targets = unique(chosen.map((c) => c.line.to));
    const sections = targets.map((to) => {
      const lines = factsOf(ctx, 'reporting').filter((f) => f.line!.to === to);
      return {
        to,
        lines,
        text: p.reportToIt(name(to), joinList(unique(lines.map((f) => name(f.line!.from))), u.lang)),
      };
    });
    return compose(ctx, u.lang, {
      kind: sections.length > 1 ? 'ambiguous' : 'answer',
      headline: sections.length > 1 ? p.severalMatches : sections[0]!.text,
      groups: sections.map((s) => ({
        title: sections.length > 1 ? sectionTitle(ctx.kb, s.to, u.lang) : '',
        lines: [
          ...(sections.length > 1 ? [{ text: s.text }] : []),
          ...s.lines.map((f) => ({ text: f.text[u.lang], fact: f })),
        ],
      })),
    });
  }

  const froms = unique(chosen.map((c) => c.line.from));
  const groups = froms.map((from) => {
    const lines = chosen.filter((c) => c.line.from === from);
    const direct = lines.map((c) => ({ text: p.reportsTo(name(from), name(c.line.to)), fact: c.s.fact }));
    const chain: Line[] = [];
    let current = lines[0]!.line.to;
    const seen = new Set([from, current]);
    for (let depth = 0; depth < 3; depth++) {
      const up = factsOf(ctx, 'reporting').find((f) => f.line!.from === current && !seen.has(f.line!.to));
      if (!up) break;
      chain.push({ text: `${p.reportsToChain(name(current))} ${name(up.line!.to)}.`, fact: up });
      current = up.line!.to;
      seen.add(current);
    }
    const supporting = lines.map((c) => ({ text: c.s.fact.text[u.lang], fact: c.s.fact }));
    return { from, headline: direct.map((d) => d.text).join(' '), lines: [...supporting, ...chain] };
  });
  return compose(ctx, u.lang, {
    kind: groups.length > 1 ? 'ambiguous' : 'answer',
    headline: groups.length > 1 ? p.severalMatches : groups[0]!.headline,
    groups: groups.map((g) => ({
      title: groups.length > 1 ? sectionTitle(ctx.kb, g.from, u.lang) : '',
      lines: groups.length > 1 ? [{ text: g.headline }, ...g.lines] : g.lines,
    })),
  });
}

/**
 * "Hvem refererer dagtilbudschefen til?" when the documents do not say: say so plainly, rather
 * than answer with something else about the role.
 */
function noReportingLine(ctx: Context, u: Understanding, rest: readonly QueryTerm[]): Answer | undefined {
  const restWeight = rest.reduce((sum, q) => sum + q.weight, 0);
  if (restWeight === 0) return undefined;
  const subjects = [...ctx.kb.data.roles, ...ctx.kb.data.units]
    .filter((item) => ctx.municipalities.size === 0 || (item.municipality !== undefined && ctx.municipalities.has(item.municipality)))
    .map((item) => ({
      id: item.id,
      score: ctx.index.explain(rest, ctx.ownTerms(item.id), 0.9).reduce((sum, v, i) => sum + v * rest[i]!.weight, 0) / restWeight,
    }))
    .filter((c) => c.score >= ANSWER_THRESHOLD)
    .sort((a, b) => b.score - a.score);
  const subject = subjects[0];
  if (!subject) return undefined;
  const p = phrasesFor(u.lang);
  const name = nameOf(ctx.kb, subject.id, u.lang, true);
  const below = factsOf(ctx, 'reporting').filter((f) => f.line!.to === subject.id);
  const answer = unknown(ctx, u.lang, p.noReporting(name));
  if (below.length === 0) return answer;
  // What the documents do say about its reporting lines is worth showing.
  const known = compose(ctx, u.lang, {
    kind: 'unknown',
    headline: p.noReporting(name),
    groups: [{ title: '', lines: [{ text: p.reportToIt(name, joinList(unique(below.map((f) => nameOf(ctx.kb, f.line!.from, u.lang))), u.lang)), fact: below[0] }] }],
  });
  return { ...known, suggestions: answer.suggestions };
}

// ---------------------------------------------------------------------------------------------
// Who is someone, and who holds a role

function answerHolder(ctx: Context, u: Understanding, rest: readonly QueryTerm[]): Answer | undefined {
  const p = phrasesFor(u.lang);
  const contacts = factsOf(ctx, 'contact');
  const personLine = (f: FactRecord) => {
    const person = f.person!;
    const about = person.contactFor.map((id) => nameOf(ctx.kb, id, u.lang));
    return `${p.contactLine(person.name, person.title[u.lang], person.phone, person.email)}${about.length > 0 ? ` (${p.contactAbout} ${joinList(about, u.lang)})` : ''}`;
  };
  // "Hvem er Helle Kristensen?": the person, or "Who is the district leader in Baltorp?": who holds the role.
  const people = contacts.filter((f) => ctx.named.has(f.owner));
  const restWeight = rest.reduce((sum, q) => sum + q.weight, 0);
  // The role asked about: named in full, or all of its words in the question.
  const namesRole = [...ctx.named].some((id) => ctx.kb.get(id)?.kind === 'roles');
  const roleNamed = (role: string) =>
    namesRole
      ? ctx.named.has(role)
      : restWeight > 0 && ctx.index.explain(rest, ctx.ownTerms(role), 0.9).reduce((sum, v, i) => sum + v * rest[i]!.weight, 0) / restWeight >= 0.99;
  const holders = people.length > 0 ? people : contacts.filter((f) => f.person!.role !== undefined && roleNamed(f.person!.role));
  if (holders.length === 0) return undefined;
  const lines = holders.map((f) => ({ text: personLine(f), fact: f }));
  return compose(ctx, u.lang, {
    kind: 'answer',
    headline: lines.length === 1 ? `${lines[0]!.text}.` : `${joinList(holders.map((f) => f.person!.name), u.lang)}:`,
    groups: [{ title: '', lines: lines.length === 1 ? [] : lines }],
    cite: holders,
  });
}

// ---------------------------------------------------------------------------------------------
// Who leads a unit

function answerLeader(ctx: Context, u: Understanding, rest: readonly QueryTerm[]): Answer | undefined {
  const restWeight = rest.reduce((sum, q) => sum + q.weight, 0);
  // "Who is the head of day care?" names a role, not a unit to find the leader of.
  if (restWeight === 0 || [...ctx.named].some((id) => ctx.kb.get(id)?.kind === 'roles')) return undefined;
  const named = ctx.kb.data.units
    .filter((unit) => ctx.municipalities.size === 0 || (unit.municipality !== undefined && ctx.municipalities.has(unit.municipality)))
    .map((unit) => ({ unit, leaders: leadersOf(ctx.kb, unit.id, unit.ledBy) }))
    .filter((c) => c.leaders.length > 0)
    .map(({ unit, leaders }) => ({
      unit,
      leaders,
      score: ctx.index.explain(rest, ctx.ownTerms(unit.id), 0.9).reduce((sum, v, i) => sum + v * rest[i]!.weight, 0) / restWeight,
    }))
    .filter((c) => c.score >= ANSWER_THRESHOLD)
    .sort((a, b) => b.score - a.score);
  if (named.length === 0) return undefined;
  const best = named[0]!.score;
  const chosen = named.filter((c) => c.score >= best - NEAR_BEST / 2);
  const p = phrasesFor(u.lang);
  const groups = chosen.map(({ unit, leaders: leaderIds }) => {
    const leaders = leaderIds.map((id) => {
      const holders = ctx.kb.data.people.filter((person) => person.role === id).map((person) => person.name);
      return `${nameOf(ctx.kb, id, u.lang)}${holders.length > 0 ? ` (${joinList(holders, u.lang)})` : ''}`;
    });
    return { unit, text: p.ledBy(nameOf(ctx.kb, unit.id, u.lang), joinList(leaders, u.lang)) };
  });
  const cite = factsOf(ctx, 'description').filter((f) => chosen.some((c) => c.unit.id === f.owner));
  return compose(ctx, u.lang, {
    kind: groups.length > 1 ? 'ambiguous' : 'answer',
    headline: groups.length > 1 ? p.severalMatches : groups[0]!.text,
    groups: groups.map((g) => ({ title: groups.length > 1 ? sectionTitle(ctx.kb, g.unit.id, u.lang) : '', lines: groups.length > 1 ? [{ text: g.text }] : [] })),
    cite: cite.length > 0 ? cite : [],
    fallbackSource: chosen[0]!.unit.source,
  });
}

/**
 * The roles that lead a unit: those the data names (`ledBy`); otherwise the role within the unit
 * that the unit's other roles report to, or its only role.
 */
function leadersOf(kb: KnowledgeBase, unitId: string, ledBy: readonly string[]): string[] {
  if (ledBy.length > 0) return [...ledBy];
  const inUnit = kb.data.roles.filter((role) => role.unit === unitId);
  if (inUnit.length === 1) return [inUnit[0]!.id];
  const ids = new Set(inUnit.map((role) => role.id));
  return inUnit.filter((role) => inUnit.some((other) => other.reportsTo.includes(role.id) && ids.has(other.id))).map((role) => role.id);
}

// ---------------------------------------------------------------------------------------------
// Dates

interface DateCandidate {
  readonly owner: string;
  readonly label: string;
  readonly date: string;
  readonly precision: DateEntry['precision'];
  readonly coverage: number;
  readonly fact?: FactRecord;
  readonly chat?: boolean;
}

function answerDates(ctx: Context, u: Understanding, rest: readonly QueryTerm[]): Answer | undefined {
  const today = toLocalDate(ctx.options.now());
  const p = phrasesFor(u.lang);
  const fits = (
    kind: DateEntry['kind'],
    date: string,
    end: string | undefined,
    round: number | undefined,
    precision: DateEntry['precision'] = 'day',
  ) =>
    (u.dateKinds.size === 0 || u.dateKinds.has(kind)) &&
    (u.round === undefined || round === u.round) &&
    (!u.range || ((end ?? date) >= u.range.from && date <= u.range.to)) &&
    (!u.range || u.range.from.slice(0, 4) !== u.range.to.slice(0, 4) || precision !== 'year' || u.range.to.endsWith('-12-31')) &&
    (!u.upcoming || (end ?? date) >= today);

  const restWeight = rest.reduce((sum, q) => sum + q.weight, 0);
  const candidates: DateCandidate[] = [];
  const scored = rest.length > 0 ? ctx.index.score(rest, (f) => f.kind === 'date') : [];
  const coverageOf = new Map(scored.map((s) => [s.fact, s.coverage]));
  for (const fact of factsOf(ctx, 'date')) {
    if (!belongsToNamed(ctx, fact)) continue;
    const d = fact.date!;
    if (!fits(d.kind, d.date, d.end, d.round, d.precision)) continue;
    const coverage = rest.length === 0 ? 1 : (coverageOf.get(fact) ?? 0);
    candidates.push({ owner: d.about, label: d.label[u.lang], date: d.date, precision: d.precision, coverage, fact });
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
    const coverage = rest.length === 0 ? 1 : explained.reduce((sum, v, i) => sum + v * rest[i]!.weight, 0) / restWeight;
    candidates.push({ owner: `chat:${deadline.id}`, label: deadline.title, date: deadline.date, precision: 'day', coverage, chat: true });
  }
  if (candidates.length === 0) return u.upcoming ? unknown(ctx, u.lang, p.noUpcoming) : undefined;
  candidates.sort((a, b) => b.coverage - a.coverage || a.date.localeCompare(b.date));
  const best = candidates[0]!.coverage;
  if (best < STRUCTURED_THRESHOLD) return undefined;
  let chosen = candidates.filter((c) => c.coverage >= best - NEAR_BEST).sort((a, b) => a.date.localeCompare(b.date));
  if (u.next) chosen = chosen.slice(0, 1);

  const lineOf = (c: DateCandidate): Line => ({
    text: p.dateLine(c.label, formatPartialDate(c.date, c.precision, u.lang), c.date < today && c.precision === 'day'),
    fact: c.fact,
    chat: c.chat,
  });
  const owners = unique(chosen.map((c) => c.owner));
  const titleOf = (owner: string) => (owner.startsWith('chat:') ? p.chatDeadline : sectionTitle(ctx.kb, owner, u.lang));
  const listQuestion = u.range !== undefined || u.upcoming;
  if (owners.length === 1) {
    const lines = chosen.map(lineOf);
    const title = titleOf(owners[0]!);
    return compose(ctx, u.lang, {
      kind: 'answer',
      headline: lines.length === 1 ? `${lines[0]!.text} (${title})` : `${capitalize(title)}:`,
      groups: [{ title: '', lines: lines.length === 1 ? [] : lines }],
      cite: chosen.map((c) => c.fact).filter((f): f is FactRecord => f !== undefined),
    });
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

// ---------------------------------------------------------------------------------------------
// Contacts

function answerContact(ctx: Context, u: Understanding, rest: readonly QueryTerm[]): Answer | undefined {
  const p = phrasesFor(u.lang);
  const people = factsOf(ctx, 'contact').filter((f) => belongsToNamed(ctx, f));
  if (people.length === 0) return undefined;
  let chosen: FactRecord[];
  if (rest.length === 0) chosen = people;
  else {
    // People named as contacts for something come before people who merely work there.
    const rank = (s: ScoredFact) => s.coverage + (s.fact.person!.contactFor.length > 0 ? 0.15 : 0);
    const scored = ctx.index.score(rest, (f) => f.kind === 'contact' && belongsToNamed(ctx, f)).sort((a, b) => rank(b) - rank(a));
    if (scored.length === 0 || scored[0]!.coverage < STRUCTURED_THRESHOLD) return undefined;
    const best = rank(scored[0]!);
    chosen = scored.filter((s) => rank(s) >= best - NEAR_BEST).map((s) => s.fact);
  }
  const lineOf = (f: FactRecord): Line => {
    const person = f.person!;
    return { text: p.contactLine(person.name, person.title[u.lang], person.phone, person.email), fact: f };
  };
  const topicOf = (f: FactRecord) => f.person!.contactFor[0] ?? f.person!.role ?? f.owner;
  const topics = unique(chosen.map(topicOf));
  if (topics.length === 1) {
    const lines = chosen.map(lineOf);
    return compose(ctx, u.lang, {
      kind: 'answer',
      headline: p.contactHeadline(joinList(lines.map((l) => l.text), u.lang)),
      groups: [{ title: nameOrEmpty(ctx.kb, topics[0]!, u.lang), lines: [] }],
      cite: chosen,
    });
  }
  return compose(ctx, u.lang, {
    kind: 'ambiguous',
    headline: p.severalMatches,
    groups: topics.map((topic) => ({
      title: sectionTitle(ctx.kb, topic, u.lang),
      lines: chosen.filter((f) => topicOf(f) === topic).map(lineOf),
    })),
  });
}

// ---------------------------------------------------------------------------------------------
// Policies, strategies, laws: one line per policy

function answerPolicies(ctx: Context, u: Understanding, rest: readonly QueryTerm[]): Answer | undefined {
  const asked = new Set(POLICY_TYPES.filter(([, pattern]) => pattern.test(u.folded)).map(([type]) => type));
  const typeOf = (f: FactRecord) => {
    const entry = ctx.kb.get(f.owner);
    return entry?.kind === 'policies' ? entry.item.type : undefined;
  };
  const isPolicy = (f: FactRecord) => f.kind === 'policy' && typeOf(f) !== undefined;
  // "Hvilke politikker gælder i København?": nothing but the kind and the place, so every one of them.
  const all: ScoredFact[] =
    rest.length > 0
      ? ctx.index.score(rest, isPolicy)
      : factsOf(ctx, 'policy')
          .filter(isPolicy)
          .map((fact) => ({ fact, coverage: 1, directCoverage: 1 }));
  // "Which law ..." wants laws: the type asked for wins when a policy of that type answers at all.
  const ofType = all.filter((s) => asked.has(typeOf(s.fact)!) && s.coverage >= STRUCTURED_THRESHOLD);
  const scored = ofType.length > 0 ? ofType : all.filter((s) => s.coverage >= ANSWER_THRESHOLD);
  if (scored.length === 0) return undefined;
  const best = scored[0]!.coverage;
  const chosen = scored.filter((s) => s.coverage >= best - NEAR_BEST).slice(0, MAX_LINES);
  // One policy is better answered with everything known about it than with a one-line list.
  if (chosen.length === 1 && ofType.length === 0) return undefined;
  const lines = chosen.map((s) => {
    const entry = ctx.kb.get(s.fact.owner)!;
    const period = entry.kind === 'policies' && entry.item.period && !displayName(entry, u.lang).includes(entry.item.period) ? ` (${entry.item.period})` : '';
    return { text: `${displayName(entry, u.lang)}${period}: ${s.fact.text[u.lang]}`, fact: s.fact };
  });
  return compose(ctx, u.lang, {
    kind: 'answer',
    headline: joinList(chosen.map((s) => displayName(ctx.kb.get(s.fact.owner)!, u.lang)), u.lang) + '.',
    groups: [{ title: '', lines }],
  });
}

// ---------------------------------------------------------------------------------------------
// Everything else: ranked facts, preferring the kinds the question asks for

function answerGeneral(ctx: Context, u: Understanding, rest: readonly QueryTerm[]): Answer {
  if (rest.length === 0) return unknown(ctx, u.lang);
  const preferred = new Set<FactKind>();
  // "Hvad er X's ansvar?" asks for responsibilities, not for a definition of X.
  const specific = [...u.intents].filter((intent) => intent !== 'definition' && KINDS_BY_INTENT[intent]);
  for (const intent of specific.length > 0 ? specific : [...u.intents]) for (const kind of KINDS_BY_INTENT[intent] ?? []) preferred.add(kind);
  const scored = ctx.index.score(rest);
  if (scored.length === 0 || scored[0]!.coverage < ANSWER_THRESHOLD) return unknown(ctx, u.lang);
  const restWeight = rest.reduce((sum, q) => sum + q.weight, 0);
  const ownerMatch = new Map<string, number>();
  const namedOwner = (owner: string) => {
    let value = ownerMatch.get(owner);
    if (value === undefined) {
      // Only whole words count here: "ledelse" does not name "ledelsesprofil".
      value = ctx.index.explain(rest, ctx.ownTerms(owner), 0.9).reduce((sum, v, i) => sum + v * rest[i]!.weight, 0) / restWeight;
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
  const ranks = new Map<ScoredFact, number>();
  const rank = (s: ScoredFact) => {
    let value = ranks.get(s);
    if (value === undefined) {
      value = s.coverage + 0.2 * s.directCoverage + ownerWeight * namedOwner(s.fact.owner) + namedInFull(s.fact.owner) + listBonus(s.fact.owner);
      ranks.set(s, value);
    }
    return value;
  };
  // "Hvor mange børn ..." counts children: figures of another metric are not the answer.
  const all = scored.filter(
    (s) => s.coverage >= ANSWER_THRESHOLD && (u.metric === undefined || s.fact.kind !== 'figure' || s.fact.figure?.metric === u.metric || s.fact.figure?.metric === 'other'),
  );
  // The kinds the question asks for ("ansvar", "strategi", ...) win when any of them answers.
  const ofPreferredKind = all.filter((s) => preferred.has(s.fact.kind));
  const eligible = ofPreferredKind.length > 0 ? ofPreferredKind : all;
  eligible.sort((a, b) => rank(b) - rank(a));
  const bestRank = rank(eligible[0]!);
  const near = eligible.filter((s) => rank(s) >= bestRank - NEAR_BEST);

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
      groups: groups.map((g) => ({ title: sectionTitle(ctx.kb, g.owner, u.lang), lines: g.facts.map((f) => ({ text: f.text[u.lang], fact: f })) })),
    });
  }
  const first = groups[0]!;
  // "Hvor mange ..." without a figure: only a fact that states a number answers it.
  if (u.intents.has('figure') && ofPreferredKind.length === 0 && !first.facts.some((f) => NUMBER.test(foldText(f.text[u.lang])))) {
    return unknown(ctx, u.lang);
  }
  const single = first.facts.length === 1;
  return compose(ctx, u.lang, {
    kind: 'answer',
    headline: single ? singleHeadline(ctx, first.facts[0]!, u.lang) : `${capitalize(sectionTitle(ctx.kb, first.owner, u.lang))}:`,
    groups: groups.map((g, i) => ({
      title: i === 0 ? (single ? sectionTitle(ctx.kb, g.owner, u.lang) : '') : sectionTitle(ctx.kb, g.owner, u.lang),
      lines: (i === 0 && single ? [] : g.facts).map((f) => ({ text: f.text[u.lang], fact: f })),
    })),
    cite: first.facts,
  });
}

/** A lone fact as the answer; a bare figure ("ca. 750 børn") gets the name of what it counts. */
function singleHeadline(ctx: Context, fact: FactRecord, lang: Lang): string {
  const text = fact.text[lang];
  if (fact.kind !== 'figure') return text;
  const owner = ctx.kb.get(fact.owner);
  if (!owner) return text;
  const mentioned = namesOf(owner).some((name) => text.toLowerCase().includes(name.toLowerCase()));
  return mentioned ? text : `${capitalize(displayName(owner, lang))}: ${text}`;
}

/** True when two items share a name (the same role in two municipalities, say). */
function sharesName(ctx: Context, a: string, b: string): boolean {
  const ea = ctx.kb.get(a);
  const eb = ctx.kb.get(b);
  if (!ea || !eb || ea.kind !== eb.kind) return false;
  const na = new Set(namesOf(ea).map((n) => n.toLowerCase()));
  return namesOf(eb).some((n) => na.has(n.toLowerCase()));
}

// ---------------------------------------------------------------------------------------------
// Composition

interface Draft {
  readonly kind: Answer['kind'];
  readonly headline: string;
  readonly groups: ReadonlyArray<{ readonly title: string; readonly lines: readonly Line[] }>;
  /** Facts to cite besides those behind the lines. */
  readonly cite?: readonly FactRecord[];
  /** The source to cite when no fact is behind the answer (an item's own source). */
  readonly fallbackSource?: Source;
}

function compose(ctx: Context, lang: Lang, draft: Draft): Answer {
  const cited = [...(draft.cite ?? []), ...draft.groups.flatMap((g) => g.lines.map((l) => l.fact))].filter(
    (f): f is FactRecord => f !== undefined,
  );
  // Each document once, with the first distinct quotes that back the answer. English answers quote
  // one more: the Danish wording is the official one, and the reader may need it.
  const maxQuotes = lang === 'en' ? 3 : 2;
  const quotes = new Map<string, string[]>();
  const backing = cited.length > 0 || !draft.fallbackSource ? cited : [{ source: draft.fallbackSource }];
  for (const fact of backing) {
    const list = quotes.get(fact.source.doc) ?? [];
    if (list.length < maxQuotes && !list.includes(fact.source.quote)) list.push(fact.source.quote);
    quotes.set(fact.source.doc, list);
  }
  const sources: AnswerSource[] = [...quotes].map(([docId, list]) => {
    const doc = ctx.kb.documents.get(docId);
    return {
      doc: docId,
      title: doc ? (lang === 'da' ? doc.title : doc.titleEn) : docId,
      quote: list.map((q) => shorten(q, 140)).join(' … '),
    };
  });
  const sections: AnswerSection[] = draft.groups
    .filter((g) => g.lines.length > 0 || g.title)
    .map((g) => ({ title: g.title, lines: unique(g.lines.map((l) => l.text)).filter((text) => text !== draft.headline) }));
  return { kind: draft.kind, lang, headline: draft.headline, sections, sources, suggestions: [] };
}

function unknown(ctx: Context, lang: Lang, headline?: string): Answer {
  const p = phrasesFor(lang);
  return {
    kind: 'unknown',
    lang,
    headline: headline ?? p.unknown,
    sections: [],
    sources: [],
    suggestions: suggestQuestions(ctx.kb, lang),
  };
}

/** Two or three questions the knowledge base can answer, built from its own items. */
export function suggestQuestions(kb: KnowledgeBase, lang: Lang): string[] {
  const p = phrasesFor(lang);
  // Short names read best in a suggestion: the shortest name of the kind that is meant.
  const shortName = (entry: KbItem) => {
    if (lang === 'da') return definiteName(entry, lang);
    const label = (entry.item as { labelEn?: string }).labelEn ?? displayName(entry, lang);
    return label.replace(/\s*\([^)]*\)/g, '').trim() || label;
  };
  // The roles most referred to (managers, roles policies are written for) make the best examples.
  const references = new Map<string, number>();
  const refer = (id: string) => references.set(id, (references.get(id) ?? 0) + 1);
  for (const line of kb.data.reportingLines) refer(line.to);
  for (const role of kb.data.roles) role.reportsTo.forEach(refer);
  for (const policy of kb.data.policies) policy.relevantFor.forEach(refer);
  for (const unit of kb.data.units) unit.ledBy.forEach(refer);
  const byShortName = (a: KbItem, b: KbItem) =>
    (references.get(b.item.id) ?? 0) - (references.get(a.item.id) ?? 0) || shortName(a).length - shortName(b).length;
  const suggestions: string[] = [];
  const roles = kb.data.roles.map((item): KbItem => ({ kind: 'roles', item }));
  const withBoss = roles.filter((e) => e.kind === 'roles' && e.item.reportsTo.length > 0).sort(byShortName)[0];
  if (withBoss) suggestions.push(p.suggestReporting(shortName(withBoss)));
  // A posting is asked about by the post it fills: "the deadline for the head of the staff unit position".
  const postedRoles = kb.data.dates
    .filter((d) => d.kind === 'application-deadline')
    .map((d) => kb.get(d.about))
    .map((e) => (e?.kind === 'postings' ? kb.get(e.item.role) : undefined))
    .filter((e): e is KbItem => e?.kind === 'roles')
    .sort(byShortName);
  const posted = postedRoles[0];
  if (posted) suggestions.push(p.suggestDeadline(lang === 'da' ? displayName(posted, lang) : shortName(posted)));
  const policyRoles = kb.data.policies
    .flatMap((policy) => policy.relevantFor)
    .map((id) => kb.get(id))
    .filter((e): e is KbItem => e?.kind === 'roles')
    .sort(byShortName);
  if (policyRoles[0]) suggestions.push(p.suggestPolicy(shortName(policyRoles[0])));
  else if (kb.data.programmes[0]) suggestions.push(p.suggestWhat(kb.data.programmes[0].name));
  return suggestions.slice(0, 3);
}

// ---------------------------------------------------------------------------------------------
// Helpers

function facts(ctx: Context): readonly FactRecord[] {
  return ctx.index.facts;
}

const byKindCache = new WeakMap<readonly FactRecord[], Map<FactKind, FactRecord[]>>();
/** The facts of one kind in scope, grouped once per fact list rather than filtered per question. */
function factsOf(ctx: Context, kind: FactKind): readonly FactRecord[] {
  const all = ctx.index.facts;
  let groups = byKindCache.get(all);
  if (!groups) {
    groups = new Map();
    for (const fact of all) {
      const list = groups.get(fact.kind);
      if (list) list.push(fact);
      else groups.set(fact.kind, [fact]);
    }
    byKindCache.set(all, groups);
  }
  return groups.get(kind) ?? [];
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

function nameOf(kb: KnowledgeBase, id: string, lang: Lang, definite = false): string {
  const entry = kb.get(id);
  if (!entry) return id;
  return definite ? definiteName(entry, lang) : displayName(entry, lang);
}

function nameOrEmpty(kb: KnowledgeBase, id: string, lang: Lang): string {
  return kb.get(id) ? sectionTitle(kb, id, lang) : '';
}

/** "pædagogisk leder, Ballerup Kommune": an item's name with the municipality it belongs to. */
function sectionTitle(kb: KnowledgeBase, id: string, lang: Lang): string {
  const entry = kb.get(id);
  if (!entry) return id;
  const name = displayName(entry, lang);
  const municipalityId = (entry.item as { municipality?: string }).municipality;
  const municipality = municipalityId ? kb.get(municipalityId) : undefined;
  return municipality && municipality.item.id !== id ? `${name}, ${(municipality as KbItem & { kind: 'municipalities' }).item.name}` : name;
}
