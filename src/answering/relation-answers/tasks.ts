/**
 * The responsibilities and tasks of a role or unit.
 */
import type { Source } from '../../knowledge/schemas.js';
import type { Link } from '../linking.js';
import { analyzeText, foldText } from '../normalize.js';
import type { Answer } from '../types.js';
import { done, name, sourceOf, subjectsOf, type RelationContext } from './context.js';
import { unknownWith } from './partly-known.js';
import { TEXTS } from './texts.js';

// ---------------------------------------------------------------------------------------------
// Responsibilities and tasks

export function answerTasksRelation(rc: RelationContext): Answer | undefined {
  const { u, kb, relations } = rc;
  if (!u.intents.has('responsibility') || u.intents.has('reporting')) return undefined;
  const t = TEXTS[u.lang];
  // The content words besides the item's name: "ansvar for økonomien" asks for one task, not all.
  const groups = subjectsOf(rc, ['roles', 'units', 'leadershipGroups'], true);
  const first = groups[0];
  if (!first) return undefined;
  // "what's Kasper Thorhauge's job": a person's job is their title (the person answer), a post's job its tasks.
  if (u.kinds.has('who') && first.some((l) => 'person' in l)) return undefined;
  // Several posts of one name ("head of day care"): the one in the municipality the question names.
  const inMunicipality = (l: Link) => rc.municipalities.has((kb.get(l.id)?.item as { municipality?: string } | undefined)?.municipality ?? '');
  const link = (rc.municipalities.size > 0 ? first.find(inMunicipality) : undefined) ?? first[0]!;
  const covered = new Set<number>();
  for (const g of rc.subjects) for (const l of g) for (let i = l.start; i < l.end; i++) covered.add(i);
  // Every cue of the kind asks what the tasks are ("the main job of": "main job" and "job of").
  for (const p of rc.lexicon.kinds.coverageOf(u.tokens, new Set(['responsibility']))) covered.add(p);
  if (leftoverWords(rc, covered).length > 0) return undefined;
  const own: Array<{ text: string; source: Source; leader?: boolean }> = [];
  const entry = kb.get(link.id);
  if (entry?.kind === 'roles' || entry?.kind === 'leadershipGroups') own.push(...entry.item.responsibilities.map((s) => ({ text: s[u.lang], source: s.source })));
  // A consultant without tasks of their own works in a team that has them.
  if (entry?.kind === 'roles' && own.length === 0 && entry.item.unit) {
    const unit = kb.get(entry.item.unit);
    if (unit?.kind === 'units') own.push(...unit.item.facts.map((s) => ({ text: s[u.lang], source: s.source })));
  }
  if (entry?.kind === 'units') {
    // A unit's own statements first, then the tasks of the roles that lead it.
    own.push(...entry.item.facts.map((s) => ({ text: s[u.lang], source: s.source })));
    for (const role of relations.leadersOf(link.id)) {
      const r = kb.get(role);
      if (r?.kind === 'roles') own.push(...r.item.responsibilities.map((s) => ({ text: s[u.lang], source: s.source, leader: true })));
    }
  }
  if (own.length === 0) {
    // A post named in full with no tasks in the documents: say so (with what the documents state about it), rather
    // than another post's tasks that merely mention it.
    if (entry?.kind !== 'roles' || link.quality < 0.9 || groups.length > 1 || first.some((l) => l.id !== link.id && (kb.get(l.id)?.item as { responsibilities?: unknown[] })?.responsibilities?.length)) return undefined;
    const about = (kb.data.facts ?? []).filter((f) => f.about.includes(link.id));
    const leads = relations.ledBy(link.id).map((unit) => t.ledBy(name(kb, unit, u.lang, false), name(kb, link.id, u.lang, false)));
    const answer = done(rc, 'unknown', t.noTasks(name(kb, link.id, u.lang, false)), [...leads, ...about.map((f) => f.text[u.lang])], [...sourceOf(kb, link.id), ...about.map((f) => f.source)]);
    return { ...answer, suggestions: unknownWith(rc, answer.headline).suggestions };
  }
  // Statements that say what the unit is responsible for come before those that describe it.
  const isTask = (text: string) => rc.lexicon.kinds.match(analyzeText(foldText(text))).has('responsibility');
  // The unit's own statements first (its tasks before its descriptions), then those of the roles that lead it.
  const mine = own.filter((o) => !o.leader);
  const ordered = [...mine.filter((o) => isTask(o.text)), ...mine.filter((o) => !isTask(o.text)), ...own.filter((o) => o.leader)];
  return done(rc, 'answer', t.tasks(name(kb, link.id, u.lang)), ordered.map((o) => o.text), ordered.slice(0, 3).map((o) => o.source));
}

/**
 * The content words of a question that neither a linked item, a cue, an intent word nor the municipality it names
 * ("in Høje-Taastrup": its words are accounted for by it) accounts for.
 */
export function leftoverWords(rc: RelationContext, covered: ReadonlySet<number>): string[] {
  const { u, kb } = rc;
  const municipalityWords = new Set(
    [...rc.municipalities].flatMap((id) => {
      const m = kb.get(id)?.item as { name?: string; names?: string[]; namesEn?: string[] } | undefined;
      return m ? [m.name ?? '', ...(m.names ?? []), ...(m.namesEn ?? [])].flatMap((n) => analyzeText(foldText(n)).map((w) => w.form)) : [];
    }),
  );
  return u.tokens
    .filter((tok, i) => !covered.has(i) && !u.cuePositions.has(i) && !u.intentWords.has(tok.form) && !municipalityWords.has(tok.form) && tok.form.length > 2 && !FUNCTION_WORDS.has(tok.form))
    .map((tok) => tok.form);
}

/**
 * The few function words a task question's leftover words may not be. Deliberately narrower than `STOPWORDS`, which
 * also drops content-bearing verbs ("work", "use", "have", "lave", "bruge"): those stay here, so a post's own task
 * lines can be picked by them (using `STOPWORDS` here changes which task lines lead).
 */
const FUNCTION_WORDS: ReadonlySet<string> = new Set(['the', 'of', 'in', 'for', 'af', 'i', 'har', 'er', 'is', 'are', 'what', 'hvad', 'hvilke', 'which', 'den', 'det', 'de']);
