/**
 * A general post described by the kind of place it leads ("lederen af et stort børnehus", "the head of a big
 * institution", "second in command in a big børnehus"), read from the posts' own names in both languages.
 */
import type { Link } from '../linking.js';
import { compoundSplits } from '../compound.js';
import { analyzeText, foldText, STOPWORDS, tokenize } from '../normalize.js';
import type { RelationContext } from './context.js';
import type { Answer } from '../types.js';

/** The words of a question that described what an answer is about, by answer (the floor counts them as a name). */
const DESCRIBED = new WeakMap<Answer, readonly Link[]>();

/** Records the links of the words that described what `answer` is about; returns the answer. */
export function markDescribed(answer: Answer, links: readonly Link[]): Answer {
  if (links.length > 0) DESCRIBED.set(answer, links);
  return answer;
}

/** The links of the words that described what an answer is about ("lederen af et stort dagtilbud", "distriktsleder"). */
export function describedPostLinks(answer: Answer): readonly Link[] {
  return DESCRIBED.get(answer) ?? [];
}

/** How a general post (no unit of its own) is described by the kind of place it leads: from its one-word Danish name or its English name. */
interface PostDescription {
  readonly id: string;
  /** The Danish name as one folded compound word ("boernehusleder"). */
  readonly compound?: string;
  /** The English name's words for the kind of place ("children", "house" in "head of children's house"). */
  readonly place?: readonly string[];
}
const postDescriptions = new WeakMap<object, PostDescription[]>();

/** The English name's words for the place it leads: "head of children's house" -> children, house; "site leader" -> site. */
function placeOfEnglishName(rc: RelationContext, label: string): string[] | undefined {
  const words = tokenize(foldText(label.replace(/\([^)]*\)/g, ' ')));
  const leader = (w: string | undefined) => w !== undefined && rc.lexicon.leaderWords.match(analyzeText(w)).size > 0;
  const place = leader(words[0]) && words[1] === 'of' ? words.slice(2) : words.length > 1 && leader(words.at(-1)) ? words.slice(0, -1) : undefined;
  const content = place?.filter((w) => w.length >= 3 && !STOPWORDS.has(w));
  return content && content.length > 0 ? content : undefined;
}

/** A place word as the question may say it: itself, or a word the lexicon's `placeKinds` lets stand for it ("dagtilbud" for "institution"). */
function placeForms(rc: RelationContext, word: string): string[] {
  return [word, ...(rc.lexicon.placeKinds.get(word) ?? [])];
}

/**
 * "Hvem tager over i et stort børnehus, når lederen holder ferie?", "who takes over in a big children's house when the
 * head is away?": a post described by the kind of place and its head ("børnehus" ... "lederen") is the general post
 * whose name joins them. Danish: the one-word name ("børnehusleder", "institutionsleder"): one word of the question
 * begins with the name's head part (a linking "s" dropped), another with its first part. English: the name "head of
 * <place>" or "<place> leader": every word of the place is in the question and a word for a leader (the lexicon's
 * `leaderWords`) besides. The kind of place may be said in another word the lexicon's `placeKinds` lets stand for it
 * ("lederen af et stort dagtilbud": "institutionsleder"). Only when the question names no post or person; told as a
 * looser link than a name said in full.
 */
export function compoundPost(rc: RelationContext): { link: Link; positions: number[] } | undefined {
  let posts = postDescriptions.get(rc.kb.data);
  if (!posts) {
    // A post of its own unit's head ("huschef i Børnehuset Kastanjen", the unit's `ledBy`) is no general post.
    const heads = new Set(rc.kb.data.units.flatMap((unit) => unit.ledBy));
    posts = rc.kb.data.roles
      .filter((r) => !r.unit || !heads.has(r.id))
      .map((r) => {
        const name = tokenize(foldText(r.name));
        const place = placeOfEnglishName(rc, r.labelEn);
        return { id: r.id, ...(name.length === 1 ? { compound: name[0]! } : {}), ...(place ? { place } : {}) };
      })
      .filter((r) => r.compound !== undefined || r.place !== undefined);
    postDescriptions.set(rc.kb.data, posts);
  }
  const forms = rc.u.tokens.map((t) => t.form);
  const found = (at: number[], post: PostDescription) => ({ link: { id: post.id, kind: 'roles' as const, start: Math.min(...at), end: Math.max(...at) + 1, quality: 0.8 }, positions: at });
  for (const post of posts) {
    if (!post.compound) continue;
    // Each reading of the name as first part (its linking "s"/"e" dropped or kept) + head.
    for (const { modifier, head: tail } of compoundSplits(post.compound)) {
      const j = forms.findIndex((f) => f.startsWith(tail) && f.length <= tail.length + 3);
      if (j < 0) continue;
      const i = forms.findIndex((f, k) => k !== j && placeForms(rc, modifier).some((m) => f.startsWith(m)) && !f.includes(tail));
      if (i < 0) continue;
      return found([i, j], post);
    }
  }
  // The English name: the place's words (a plural or genitive ending allowed), and a leader word elsewhere.
  const leaderAt = [...rc.lexicon.leaderWords.match(rc.u.tokens).values()].flatMap((m) => [...m.positions]);
  let best: { at: number[]; post: PostDescription } | undefined;
  for (const post of posts) {
    if (!post.place) continue;
    const at = post.place.map((w) => forms.findIndex((f) => placeForms(rc, w).some((m) => f.startsWith(m) && f.length <= m.length + 3)));
    if (at.some((k) => k < 0)) continue;
    const leader = leaderAt.find((k) => !at.includes(k));
    if (leader === undefined) continue;
      if (!best || at.length > best.at.length) best = { at: [...at, leader], post };
  }
  if (best) return found(best.at, best.post);
  // "Who's second in command in a big børnehus": in a deputy question the head of the place may go unsaid. The kind
  // of place alone then describes the post, when it is no unit's name and one post alone is described by it.
  const unitAt = new Set(rc.subjects.flat().filter((l) => l.kind === 'units' && l.quality >= 0.9).flatMap((l) => Array.from({ length: l.end - l.start }, (_, i) => l.start + i)));
  const placeOnly = posts.flatMap((post) => {
    const fromCompound = post.compound
      ? compoundSplits(post.compound).flatMap(({ modifier, head }) => (rc.lexicon.leaderWords.match(analyzeText(head)).size > 0 ? [forms.findIndex((f, k) => !unitAt.has(k) && placeForms(rc, modifier).some((m) => f.startsWith(m) && f.length <= m.length + 3))] : [])).filter((k) => k >= 0).slice(0, 1)
      : [];
    const fromEnglish = post.place ? post.place.map((w) => forms.findIndex((f, k) => !unitAt.has(k) && placeForms(rc, w).some((m) => f.startsWith(m) && f.length <= m.length + 3))) : [];
    const at = fromCompound.length > 0 ? fromCompound : fromEnglish.length > 0 && fromEnglish.every((k) => k >= 0) ? fromEnglish : [];
    return at.length > 0 ? [{ at, post }] : [];
  });
  return placeOnly.length === 1 ? found(placeOnly[0]!.at, placeOnly[0]!.post) : undefined;
}

