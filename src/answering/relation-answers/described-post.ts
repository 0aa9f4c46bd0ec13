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

/** One reading of a post's one-word name as first part + head, with what a question is compared with. */
interface CompoundReading {
  /** The head as written ("leder"). */
  readonly tail: string;
  /** The first part and the words the lexicon's `placeKinds` lets stand for it. */
  readonly modifierForms: readonly string[];
  /** Whether the head is a word for a leader (the lexicon's `leaderWords`). */
  readonly leaderHead: boolean;
}

/** A description many posts may share (the same post in every municipality at scale): compared once per question. */
interface DescriptionGroup {
  /** The first post bearing it, in the knowledge base's order (the one an answer names). */
  readonly id: string;
  /** How many posts bear it. */
  readonly count: number;
  readonly readings?: readonly CompoundReading[];
  /** Each place word's forms (itself and the words `placeKinds` lets stand for it). */
  readonly placeForms?: ReadonlyArray<readonly string[]>;
}

/** The general posts' descriptions, each distinct one once, in the order of its first post. */
interface DescribedPosts {
  /** Distinct one-word names. */
  readonly byCompound: readonly DescriptionGroup[];
  /** Distinct English places. */
  readonly byPlace: readonly DescriptionGroup[];
  /** Distinct (one-word name, English place) pairs. */
  readonly byBoth: readonly DescriptionGroup[];
}

// Per lexicon and knowledge base: the place words and the leader heads are the lexicon's.
const describedPosts = new WeakMap<object, WeakMap<object, DescribedPosts>>();

/** The general posts' descriptions, built once per knowledge base and lexicon (with the answerer, `prepare.ts`). */
export function describedPostsOf(kb: RelationContext['kb'], lexicon: RelationContext['lexicon']): DescribedPosts {
  let byData = describedPosts.get(lexicon);
  if (!byData) describedPosts.set(lexicon, (byData = new WeakMap()));
  let found = byData.get(kb.data);
  if (found) return found;
  // A post of its own unit's head ("huschef i Børnehuset Kastanjen", the unit's `ledBy`) is no general post.
  const heads = new Set(kb.data.units.flatMap((unit) => unit.ledBy));
  const posts: PostDescription[] = kb.data.roles
    .filter((r) => !r.unit || !heads.has(r.id))
    .map((r) => {
      const name = tokenize(foldText(r.name));
      const place = placeOfEnglishName(lexicon, r.labelEn);
      return { id: r.id, ...(name.length === 1 ? { compound: name[0]! } : {}), ...(place ? { place } : {}) };
    })
    .filter((r) => r.compound !== undefined || r.place !== undefined);
  const readings = new Map<string, CompoundReading[]>();
  const readingsOf = (compound: string) => {
    let list = readings.get(compound);
    if (!list) {
      list = compoundSplits(compound).map(({ modifier, head }) => ({
        tail: head,
        modifierForms: placeForms(lexicon, modifier),
        leaderHead: lexicon.leaderWords.match(analyzeText(head)).size > 0,
      }));
      readings.set(compound, list);
    }
    return list;
  };
  const group = (key: (post: PostDescription) => string | undefined) => {
    const groups = new Map<string, { id: string; count: number; readings?: CompoundReading[]; placeForms?: string[][] }>();
    for (const post of posts) {
      const k = key(post);
      if (k === undefined) continue;
      const g = groups.get(k);
      if (g) g.count += 1;
      else
        groups.set(k, {
          id: post.id,
          count: 1,
          ...(post.compound !== undefined && { readings: readingsOf(post.compound) }),
          ...(post.place !== undefined && { placeForms: post.place.map((w) => placeForms(lexicon, w)) }),
        });
    }
    return [...groups.values()];
  };
  const placeKey = (post: PostDescription) => post.place?.join(' ');
  found = {
    byCompound: group((post) => post.compound).map(({ placeForms: _, ...g }) => g),
    byPlace: group(placeKey).map(({ readings: _, ...g }) => g),
    byBoth: group((post) => `${post.compound ?? ''}\u0000${placeKey(post) ?? '\u0000'}`),
  };
  byData.set(kb.data, found);
  return found;
}

/** The English name's words for the place it leads: "head of children's house" -> children, house; "site leader" -> site. */
function placeOfEnglishName(lexicon: RelationContext['lexicon'], label: string): string[] | undefined {
  const words = tokenize(foldText(label.replace(/\([^)]*\)/g, ' ')));
  const leader = (w: string | undefined) => w !== undefined && lexicon.leaderWords.match(analyzeText(w)).size > 0;
  const place = leader(words[0]) && words[1] === 'of' ? words.slice(2) : words.length > 1 && leader(words.at(-1)) ? words.slice(0, -1) : undefined;
  const content = place?.filter((w) => w.length >= 3 && !STOPWORDS.has(w));
  return content && content.length > 0 ? content : undefined;
}

/** A place word as the question may say it: itself, or a word the lexicon's `placeKinds` lets stand for it ("dagtilbud" for "institution"). */
function placeForms(lexicon: RelationContext['lexicon'], word: string): string[] {
  return [word, ...(lexicon.placeKinds.get(word) ?? [])];
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
  const posts = describedPostsOf(rc.kb, rc.lexicon);
  const forms = rc.u.tokens.map((t) => t.form);
  const found = (at: number[], id: string) => ({ link: { id, kind: 'roles' as const, start: Math.min(...at), end: Math.max(...at) + 1, quality: 0.8 }, positions: at });
  const startsWithAny = (f: string, starts: readonly string[]) => starts.some((m) => f.startsWith(m));
  const inflectionOf = (f: string, starts: readonly string[]) => starts.some((m) => f.startsWith(m) && f.length <= m.length + 3);
  for (const post of posts.byCompound) {
    // Each reading of the name as first part (its linking "s"/"e" dropped or kept) + head.
    for (const { tail, modifierForms } of post.readings!) {
      const j = forms.findIndex((f) => f.startsWith(tail) && f.length <= tail.length + 3);
      if (j < 0) continue;
      const i = forms.findIndex((f, k) => k !== j && startsWithAny(f, modifierForms) && !f.includes(tail));
      if (i < 0) continue;
      return found([i, j], post.id);
    }
  }
  // The English name: the place's words (a plural or genitive ending allowed), and a leader word elsewhere.
  const leaderAt = [...rc.lexicon.leaderWords.match(rc.u.tokens).values()].flatMap((m) => [...m.positions]);
  let best: { at: number[]; id: string } | undefined;
  for (const post of posts.byPlace) {
    const at = post.placeForms!.map((starts) => forms.findIndex((f) => inflectionOf(f, starts)));
    if (at.some((k) => k < 0)) continue;
    const leader = leaderAt.find((k) => !at.includes(k));
    if (leader === undefined) continue;
    if (!best || at.length > best.at.length) best = { at: [...at, leader], id: post.id };
  }
  if (best) return found(best.at, best.id);
  // "Who's second in command in a big børnehus": in a deputy question the head of the place may go unsaid. The kind
  // of place alone then describes the post, when it is no unit's name and one post alone is described by it.
  const unitAt = new Set(rc.subjects.flat().filter((l) => l.kind === 'units' && l.quality >= 0.9).flatMap((l) => Array.from({ length: l.end - l.start }, (_, i) => l.start + i)));
  let described = 0;
  let only: { at: number[]; id: string } | undefined;
  for (const post of posts.byBoth) {
    const fromCompound = post.readings
      ? post.readings.flatMap(({ modifierForms, leaderHead }) => (leaderHead ? [forms.findIndex((f, k) => !unitAt.has(k) && inflectionOf(f, modifierForms))] : [])).filter((k) => k >= 0).slice(0, 1)
      : [];
    const fromEnglish = post.placeForms ? post.placeForms.map((starts) => forms.findIndex((f, k) => !unitAt.has(k) && inflectionOf(f, starts))) : [];
    const at = fromCompound.length > 0 ? fromCompound : fromEnglish.length > 0 && fromEnglish.every((k) => k >= 0) ? fromEnglish : [];
    if (at.length === 0) continue;
    described += post.count;
    only = { at, id: post.id };
  }
  return described === 1 ? found(only!.at, only!.id) : undefined;
}
