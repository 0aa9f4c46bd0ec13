/**
 * People and leaders: who someone is, who holds a role, who leads a unit, whom to contact.
 */
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { FactRecord } from './facts.js';
import { joinList, phrasesFor } from './phrases.js';
import type { QueryTerm, ScoredFact } from './search.js';
import type { Answer } from './types.js';
import type { Understanding } from './understand.js';
import { ANSWER_THRESHOLD, belongsToNamed, compose, factsOf, NAME_MATCH_QUALITY, namedShare, nameOf, nameOrEmpty, NEAR_BEST, sectionTitle, STRUCTURED_THRESHOLD, unique, type Context, type Line } from './answer-context.js';
import { createNameTermIndex, type NameTermIndex } from './name-term-index.js';

export function answerHolder(ctx: Context, u: Understanding, rest: readonly QueryTerm[]): Answer | undefined {
  const p = phrasesFor(u.lang);
  const contacts = factsOf(ctx, 'contact');
  const personLine = (f: FactRecord) => {
    const person = f.person!;
    const about = person.contactFor.map((id) => nameOf(ctx.kb, id, u.lang));
    return `${p.contactLine(person.name, person.title[u.lang], person.phone, person.email)}${about.length > 0 ? ` (${p.contactAbout} ${joinList(about, u.lang)})` : ''}`;
  };
  // "Hvem er Helle Kristensen?": the person, or "Who is the district leader in Baltorp?": who holds the role.
  const people = contacts.filter((f) => ctx.named.has(f.owner));
  // The role asked about: named in full, or all of its words in the question.
  const namesRole = [...ctx.named].some((id) => ctx.kb.get(id)?.kind === 'roles');
  const roleNamed = (role: string) =>
    namesRole
      ? ctx.named.has(role)
      : namedShare(ctx, rest, role) >= 0.99;
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

export function answerLeader(ctx: Context, u: Understanding, rest: readonly QueryTerm[]): Answer | undefined {
  // "Who is the head of day care?" names a role, not a unit to find the leader of.
  if (rest.length === 0 || [...ctx.named].some((id) => ctx.kb.get(id)?.kind === 'roles')) return undefined;
  // Only a unit whose own names hold a word of the question can score (the others explain nothing): those are read
  // from the index by the question's words, in the data's order, instead of scoring every unit.
  const named = leaderIndexOf(ctx.kb, ctx.ownTerms)
    .candidates(rest, NAME_MATCH_QUALITY)
    .filter(({ unit }) => ctx.municipalities.size === 0 || (unit.municipality !== undefined && ctx.municipalities.has(unit.municipality)))
    .map(({ unit, leaders }) => ({
      unit,
      leaders,
      score: namedShare(ctx, rest, unit.id),
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
  // The chosen units' own descriptions, in the index's order (from each unit's facts, not a pass over every description).
  const cite = chosen
    .flatMap((c) => ctx.index.ownedBy(c.unit.id).filter((f) => f.kind === 'description'))
    .sort((a, b) => ctx.order.get(a)! - ctx.order.get(b)!);
  return compose(ctx, u.lang, {
    kind: groups.length > 1 ? 'ambiguous' : 'answer',
    headline: groups.length > 1 ? p.severalMatches : groups[0]!.text,
    groups: groups.map((g) => ({ title: groups.length > 1 ? sectionTitle(ctx.kb, g.unit.id, u.lang) : '', lines: groups.length > 1 ? [{ text: g.text }] : [] })),
    cite: cite.length > 0 ? cite : [],
    fallbackSource: chosen[0]!.unit.source,
  });
}

type Unit = KnowledgeBase['data']['units'][number];

const LEADER_INDEXES = new WeakMap<KnowledgeBase, NameTermIndex<{ readonly unit: Unit; readonly leaders: readonly string[] }>>();

/**
 * The units that have leaders, by their name terms, once per knowledge base (the answerer builds it): "who leads X"
 * then scores only the units whose names hold a word of the question.
 */
export function leaderIndexOf(kb: KnowledgeBase, ownTerms: (id: string) => ReadonlySet<string>): NameTermIndex<{ readonly unit: Unit; readonly leaders: readonly string[] }> {
  let index = LEADER_INDEXES.get(kb);
  if (!index) {
    const units = kb.data.units.map((unit) => ({ unit, leaders: leadersOf(kb, unit.id, unit.ledBy) })).filter((c) => c.leaders.length > 0);
    LEADER_INDEXES.set(kb, (index = createNameTermIndex(units, (c) => c.unit.id, ownTerms)));
  }
  return index;
}

/**
 * The roles that lead a unit: those the data names (`ledBy`); otherwise the role within the unit
 * that the unit's other roles report to, or its only role.
 */
function leadersOf(kb: KnowledgeBase, unitId: string, ledBy: readonly string[]): string[] {
  if (ledBy.length > 0) return [...ledBy];
  const inUnit = rolesByUnit(kb).get(unitId) ?? [];
  if (inUnit.length === 1) return [inUnit[0]!.id];
  const ids = new Set(inUnit.map((role) => role.id));
  return inUnit.filter((role) => inUnit.some((other) => other.reportsTo.includes(role.id) && ids.has(other.id))).map((role) => role.id);
}

export function answerContact(ctx: Context, u: Understanding, rest: readonly QueryTerm[]): Answer | undefined {
  const p = phrasesFor(u.lang);
  const people = factsOf(ctx, 'contact').filter((f) => belongsToNamed(ctx, f));
  if (people.length === 0) return undefined;
  let chosen: FactRecord[];
  if (rest.length === 0) chosen = people;
  else {
    // People named as contacts for something come before people who merely work there.
    const rank = (s: ScoredFact) => s.coverage + (s.fact.person!.contactFor.length > 0 ? 0.15 : 0);
    const scored = ctx.index.score(rest, (f) => belongsToNamed(ctx, f), 'contact').sort((a, b) => rank(b) - rank(a));
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

/** Each knowledge base's roles by their unit, in the data's order: asked for every unit by {@link answerLeader}. */
const ROLES_BY_UNIT = new WeakMap<KnowledgeBase, Map<string, Array<KnowledgeBase['data']['roles'][number]>>>();

function rolesByUnit(kb: KnowledgeBase): Map<string, Array<KnowledgeBase['data']['roles'][number]>> {
  let byUnit = ROLES_BY_UNIT.get(kb);
  if (!byUnit) {
    byUnit = new Map();
    for (const role of kb.data.roles) {
      if (role.unit === undefined) continue;
      const list = byUnit.get(role.unit);
      if (list) list.push(role);
      else byUnit.set(role.unit, [role]);
    }
    ROLES_BY_UNIT.set(kb, byUnit);
  }
  return byUnit;
}
