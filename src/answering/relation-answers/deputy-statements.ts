/**
 * What a deputy question asks besides the relation ("can the deputy hire staff while the leader is away?",
 * "må souschefen ansætte folk når husleder er væk?"): the statements about the deputy's role or the role
 * stood in for that hold the question's other words.
 */
import type { Deputy } from '../../knowledge/schemas.js';
import type { FactRecord } from '../facts.js';
import { GENERIC_WORDS, STOPWORDS, termsOf, tokenize } from '../normalize.js';
import { MAX_SUPPORT_LINES, unique } from '../answer-context.js';
import type { RelationContext } from './context.js';
import type { QuestionKind } from '../lexicon/lexicon.js';
import { MONTH_NAMES } from '../../time/format-date.js';


/** The names of the months (folded), Danish and English. */
const MONTHS: ReadonlySet<string> = new Set([...MONTH_NAMES.da, ...MONTH_NAMES.en].map((m) => m.toLowerCase()));

/** The kinds of question that ask for the deputy relation. */
const DEPUTY_KINDS: ReadonlySet<QuestionKind> = new Set<QuestionKind>(['deputy', 'deputy-for']);

/** Kinds of statement that say what a role does, may do or may not do. */
const POWER_KINDS: ReadonlySet<string> = new Set(['responsibility', 'competence', 'condition', 'fact', 'detail', 'description']);

/**
 * The statements that answer the words of a deputy question that are neither the deputy cue nor a name:
 * statements of the deputy's role or the role stood in for, or statements that name one of them, holding the
 * most of those words (at least half, and a word that is no other kind's cue or two words). The deputy's own
 * statements first. Empty when the question asks nothing besides the relation.
 */
export function deputyStatements(rc: RelationContext, relations: readonly Deputy[]): FactRecord[] {
  const deputies = relations.map((r) => r.deputy);
  const stoodInFor = relations.map((r) => r.for);
  const { u, ctx } = rc;
  // The deputy cue's own words ("while + is away", "når + er væk") ask for the relation; another kind's cue may
  // be what is asked ("medarbejdere" is a cue of who reports to whom, and what a deputy may do with staff).
  // (So are the words of its other cue phrases, "who stands in for X in case of illness": "case" is no word asked. A word
  // that is a cue alone, "overtager", may still be what is asked: "overtager souschefen personaleledelsen".)
  const phraseWords = [...rc.lexicon.kinds.coverageOf(u.tokens, DEPUTY_KINDS)].filter((p) => rc.lexicon.kinds.coverageOf([u.tokens[p]!], DEPUTY_KINDS).size === 0);
  const relationAt = new Set([...['deputy', 'deputy-for'].flatMap((k) => u.kinds.get(k as never)?.positions ?? []), ...phraseWords]);
  // A word the relation itself says ("the house" in "who is in charge of the house when the leader is away": the
  // deputy takes over the management of the house) is answered by the relation.
  const relationTerms = termsOf(relations.flatMap((r) => [r.text, r.scope, r.condition]).flatMap((x) => (x ? [x.da, x.en] : [])).join(' '));
  // A time the question names ("efter august 2027", "i sommerferien") says when, not what the deputy may do.
  const timeAt = rc.lexicon.timePhrases.coverage(u.tokens);
  const positions = u.tokens.flatMap((tok, i) =>
    !relationAt.has(i) && !timeAt.has(i) && !MONTHS.has(tok.form) && u.namePositions?.has(i) !== true && !STOPWORDS.has(tok.form) && !GENERIC_WORDS.has(tok.form) && tok.form.length >= 3 && !/\d/.test(tok.form) && !tok.terms.some((term) => relationTerms.has(term)) ? [i] : [],
  );
  // "Hvad må souschefen ikke?": a word that denies asks for the statements that deny, and counts as one word asked.
  const negation = rc.lexicon.negationWords;
  const negated = u.tokens.some((tok) => negation.has(tok.form));
  if (positions.length === 0 && !negated) return [];
  const own = new Set(deputies);
  const roles = new Set([...deputies, ...stoodInFor]);
  const nameTerms = [...roles].flatMap((id) => ctx.fullNames(id).map((n) => [...termsOf(n)]));
  const mentions = (f: FactRecord) => roles.has(f.owner) || nameTerms.some((terms) => terms.length > 0 && terms.every((term) => f.textTerms.has(term)));
  const heldAt = (f: FactRecord) => positions.filter((p) => u.tokens[p]!.terms.some((term) => f.textTerms.has(term)));
  const denies = (f: FactRecord) => tokenize(`${f.text.da} ${f.text.en}`).some((w) => negation.has(w));
  const need = Math.ceil((positions.length + (negated ? 1 : 0)) / 2);
  const found = ctx.index.facts.flatMap((f) => {
    if (!POWER_KINDS.has(f.kind)) return [];
    const held = heldAt(f);
    const deny = negated && denies(f) ? 1 : 0;
    const count = held.length + deny;
    if (count < need || (count < 2 && deny === 0 && held.every((p) => u.cuePositions.has(p))) || !mentions(f)) return [];
    // A denial alone is answered by the deputy's own statements only.
    if (held.length === 0 && !own.has(f.owner)) return [];
    return [{ f, held: count, own: own.has(f.owner) ? 1 : 0 }];
  });
  // Only the statements that hold the most of the words: one word shared ("staff") is no answer beside two.
  const most = Math.max(0, ...found.map((x) => x.held));
  const best = found.filter((x) => x.held === most).sort((a, b) => b.own - a.own);
  return unique(best.map((x) => x.f)).slice(0, MAX_SUPPORT_LINES);
}
