/**
 * Policies, strategies, laws, agreements and frameworks: one line per policy.
 */
import { displayName, type FactRecord } from './facts.js';
import { joinList } from './phrases.js';
import type { QueryTerm, ScoredFact } from './search.js';
import type { Answer } from './types.js';
import type { Understanding } from './understand.js';
import { ANSWER_THRESHOLD, compose, factsOf, MAX_LINES, NEAR_BEST, STRUCTURED_THRESHOLD, type Context } from './answer-context.js';

export function answerPolicies(ctx: Context, u: Understanding, rest: readonly QueryTerm[]): Answer | undefined {
  // The types the question names, from the lexicon's `policyTypes` ("politik" is every type, so it filters nothing).
  const asked = u.policyTypes;
  const typeOf = (f: FactRecord) => {
    const entry = ctx.kb.get(f.owner);
    return entry?.kind === 'policies' ? entry.item.type : undefined;
  };
  const isPolicy = (f: FactRecord) => f.kind === 'policy' && typeOf(f) !== undefined;
  // "Hvilke politikker gælder i København?": nothing but the kind and the place, so every one of them.
  const all: ScoredFact[] =
    rest.length > 0
      ? ctx.index.score(rest, isPolicy, 'policy', Math.min(STRUCTURED_THRESHOLD, ANSWER_THRESHOLD))
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
