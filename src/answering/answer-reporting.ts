/**
 * Reporting lines: whom a role reports to (and up the chain), who reports to it, and an honest
 * "not stated" when the documents do not say.
 */
import { joinList, phrasesFor } from './phrases.js';
import type { QueryTerm } from './search.js';
import type { Answer } from './types.js';
import type { Understanding } from './understand.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { createNameTermIndex, type NameTermIndex } from './name-term-index.js';
import { ANSWER_THRESHOLD, compose, factsOf, NAME_MATCH_QUALITY, namedShare, nameOf, NEAR_BEST, sectionTitle, sharesName, STRUCTURED_THRESHOLD, unique, unknown, weightedShare, type Context, type Line } from './answer-context.js';

export function answerReporting(ctx: Context, u: Understanding, rest: readonly QueryTerm[]): Answer | undefined {
  // (Only lines that can pass the threshold below: their sides are measured for each.)
  const scored = ctx.index.score(rest, undefined, 'reporting', STRUCTURED_THRESHOLD);
  const candidates = scored
    .map((s) => {
      const line = s.fact.line!;
      const fromScore = weightedShare(rest, ctx.index.explain(rest, ctx.ownTerms(line.from)));
      const toScore = weightedShare(rest, ctx.index.explain(rest, ctx.ownTerms(line.to)));
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

type Subject = KnowledgeBase['data']['roles'][number] | KnowledgeBase['data']['units'][number];

const SUBJECT_INDEXES = new WeakMap<KnowledgeBase, NameTermIndex<Subject>>();

/** The roles, then the units, by their name terms, once per knowledge base (the answerer builds it). */
export function reportingSubjectsOf(kb: KnowledgeBase, ownTerms: (id: string) => ReadonlySet<string>): NameTermIndex<Subject> {
  let index = SUBJECT_INDEXES.get(kb);
  if (!index) SUBJECT_INDEXES.set(kb, (index = createNameTermIndex<Subject>([...kb.data.roles, ...kb.data.units], (item) => item.id, ownTerms)));
  return index;
}

/**
 * "Hvem refererer dagtilbudschefen til?" when the documents do not say: say so plainly, rather
 * than answer with something else about the role.
 */
function noReportingLine(ctx: Context, u: Understanding, rest: readonly QueryTerm[]): Answer | undefined {
  if (rest.length === 0) return undefined;
  // Only roles and units whose own names hold a word of the question can score: read from the index by its words.
  const subjects = reportingSubjectsOf(ctx.kb, ctx.ownTerms)
    .candidates(rest, NAME_MATCH_QUALITY)
    .filter((item) => ctx.municipalities.size === 0 || (item.municipality !== undefined && ctx.municipalities.has(item.municipality)))
    .map((item) => ({
      id: item.id,
      score: namedShare(ctx, rest, item.id),
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
