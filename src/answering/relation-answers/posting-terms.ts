/**
 * What a posting requires and offers, its terms; what a role requires.
 */
import type { Source } from '../../knowledge/schemas.js';
import { displayName } from '../facts.js';
import type { Answer } from '../types.js';
import { unique } from '../answer-context.js';
import { done, type RelationContext } from './context.js';
import { TEXTS } from './texts.js';
import { leftoverWords } from './leftover-words.js';
import { analyzeText, foldText, primaryStem, STOPWORDS } from '../normalize.js';

// ---------------------------------------------------------------------------------------------
// What a posting requires, offers, its terms; what a role requires

const POSTING_FIELDS = { requirement: 'requirements', offer: 'offers', condition: 'conditions' } as const;
const ROLE_FIELDS = { competence: 'competences', education: 'education', condition: 'conditions' } as const;

export function answerPostingTerms(rc: RelationContext): Answer | undefined {
  const { u, kb, relations } = rc;
  const asked = (['requirement', 'offer', 'condition', 'competence', 'education'] as const).filter((k) => u.intents.has(k));
  if (asked.length === 0 || u.intents.has('reporting') || u.intents.has('dates')) return undefined;
  // "Hvem skal jeg kontakte om løn i stillingen?": whom to contact about the terms is asked, not the terms.
  if (u.intents.has('contact') && u.kinds.has('who')) return undefined;
  // A posting named (or one at a unit named) answers before a role's own terms: "børnehuslederjobbet i Kløverengen".
  const order = (kind: string) => (kind === 'postings' ? 0 : kind === 'units' ? 1 : 2);
  const links = rc.subjects.flat().map((l, i) => ({ l, i })).sort((a, b) => order(a.l.kind) - order(b.l.kind) || a.i - b.i).map((x) => x.l);
  for (const link of links) {
    const postings = link.kind === 'postings' ? [link.id] : link.kind === 'roles' || link.kind === 'units' ? relations.postingsOf(link.id) : [];
    const statements: Array<{ text: string; both: string; source: Source; owner: string }> = [];
    for (const id of postings) {
      const posting = kb.get(id);
      if (posting?.kind !== 'postings') continue;
      // What is required before hiring is partly in the procedure (references, a criminal record check).
      const fields = unique([...asked.flatMap((k) => (k === 'requirement' ? ['requirement', 'condition'] : [k]))]);
      for (const k of fields) {
        const field = POSTING_FIELDS[k as keyof typeof POSTING_FIELDS];
        if (field) statements.push(...posting.item[field].map((s) => ({ text: s[u.lang], both: `${s.da} ${s.en}`, source: s.source, owner: id })));
      }
    }
    const role = link.kind === 'roles' ? kb.get(link.id) : undefined;
    if (role?.kind === 'roles') {
      for (const k of asked) {
        const field = ROLE_FIELDS[k as keyof typeof ROLE_FIELDS];
        if (field) statements.push(...role.item[field].map((s) => ({ text: s[u.lang], both: `${s.da} ${s.en}`, source: s.source, owner: link.id })));
      }
    }
    // "What are the opening hours of X?": only terms that state the attribute asked answer it.
    const says = rc.ctx.saysAttribute;
    if (u.attributes.length > 0 && says) statements.splice(0, statements.length, ...statements.filter((st) => u.attributes.some((a) => says(st.text, a))));
    // "How many applicants are there for the job?": a count is answered only by the terms that say the thing counted.
    const counted = countedStem(rc);
    if (counted !== undefined) statements.splice(0, statements.length, ...statements.filter((st) => analyzeText(foldText(st.both)).some((w) => primaryStem(w.form) === counted)));
    if (statements.length === 0) continue;
    // "Hvad kræves før ansættelse?": the terms that use the question's other words ("ansættelse") come first.
    const words = leftoverWords(rc, u.namePositions ?? new Set()).filter((w) => !STOPWORDS.has(w)).map(primaryStem);
    if (words.length > 0) {
      const hits = (st: (typeof statements)[number]) => {
        const stems = new Set(analyzeText(foldText(st.both)).map((w) => primaryStem(w.form)));
        return words.filter((w) => stems.has(w)).length;
      };
      const scored = statements.map((st, i) => ({ st, i, n: hits(st) }));
      scored.sort((a, b) => b.n - a.n || a.i - b.i);
      statements.splice(0, statements.length, ...scored.map((x) => x.st));
    }
    const owner = statements[0]!.owner;
    const t = TEXTS[u.lang];
    return done(rc, 'answer', t.posting(displayName(kb.get(owner)!, u.lang)), statements.map((s) => s.text), unique(statements.map((s) => s.source)).slice(0, 3));
  }
  return undefined;
}

/** The stem of the word a count asks about: the word right after the count's cue ("hvor mange ansøgere", "how many hours"). */
function countedStem(rc: RelationContext): string | undefined {
  const positions = rc.u.kinds.get('figure')?.positions;
  if (!positions || positions.length === 0) return undefined;
  const next = rc.u.tokens[Math.max(...positions) + 1];
  return next && !STOPWORDS.has(next.form) ? primaryStem(next.form) : undefined;
}
