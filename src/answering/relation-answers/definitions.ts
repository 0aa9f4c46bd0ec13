/**
 * Definitions: what a word the question asks about means, read from the item it names.
 */
import { displayName, namesOf } from '../facts.js';
import { capitalize } from '../phrases.js';
import { explainsWords } from './org-changes.js';
import { foldText, STOPWORDS } from '../normalize.js';
import type { Answer } from '../types.js';
import { unique } from '../answer-context.js';
import { done, name, sourceOf, type RelationContext } from './context.js';
import { spellsOut } from './partly-known.js';
import { policyIndexOf } from './policies.js';
import { TEXTS } from './texts.js';

/**
 * "Hvad betyder AUL?", "hvad er PRC", "what does RT mean": asked what an abbreviation is, when the abbreviation is one of
 * an item's own names and another of its names spells it out, the full name answers first ("AUL står for assisterende
 * universleder"), with what the documents say the item is (its description, its own facts). Facts that merely mention
 * the abbreviation (a forum one of its posts sits in, a meeting named after it) do not define it.
 */
export function answerAbbreviation(rc: RelationContext): Answer | undefined {
  const { u, kb } = rc;
  if (!u.kinds.has('definition') || u.kinds.size !== 1 || u.attributes.length > 0) return undefined;
  const cue = new Set(u.kinds.get('definition')!.positions);
  const sure = (rc.links ?? []).filter((l) => l.kind !== 'municipalities' && l.quality >= 0.9);
  // ("what does VIL mean": an abbreviation written in capitals whose small letters spell a function word is linked like
  // any name: the linker reads words written as abbreviations, normalize.ts `abbreviationForms`.)
  // One word, and every other word of the question a cue or a small word ("hvad er en PRC for noget").
  const first = sure[0];
  if (!first || first.end - first.start !== 1 || sure.some((l) => l.start !== first.start || l.end !== first.end)) return undefined;
  const place = new Set((rc.links ?? []).filter((l) => l.kind === 'municipalities').flatMap((l) => Array.from({ length: l.end - l.start }, (_, k) => l.start + k)));
  const loose = u.tokens.some(
    (t, i) => i !== first.start && !cue.has(i) && !u.cuePositions.has(i) && !place.has(i) && !u.intentWords.has(t.form) && !rc.lexicon.fillerWords.has(t.form) && !STOPWORDS.has(t.form) && t.form.length > 2,
  );
  if (loose) return undefined;
  const asked = u.tokens[first.start]!.form;
  const spelt = (u.text.match(/[\p{L}\d-]+/gu) ?? []).find((w) => foldText(w) === asked) ?? asked;
  const capitals = (w: string) => w.length >= 2 && w.length <= 6 && w === w.toUpperCase() && w !== w.toLowerCase();
  // Every item the word names (a post and its meeting may share it): the first whose names spell it out.
  const ids = unique(sure.map((l) => l.id));
  // (Each name tested once: at 100x hundreds of items bear the same abbreviation and names.)
  const spelledOut = new Map<string, boolean>();
  const spellsOutOnce = (n: string) => {
    let found = spelledOut.get(n);
    if (found === undefined) spelledOut.set(n, (found = spellsOut(asked, n)));
    return found;
  };
  for (const id of ids) {
    const entry = kb.get(id);
    if (!entry) continue;
    const names = namesOf(entry);
    if (!capitals(spelt) && !names.some((n) => foldText(n) === asked && capitals(n))) continue;
    const expansion = names.find(spellsOutOnce);
    if (!expansion) continue;
    const t = TEXTS[u.lang];
    const full = name(kb, id, u.lang, false);
    const headline = t.standsFor(spelt, foldText(full).includes(foldText(expansion)) ? full : `${expansion} (${full})`);
    const item = entry.item as { description?: { da: string; en: string } };
    const facts = policyIndexOf(kb).factsAbout.get(id) ?? [];
    const lines = [...(item.description ? [item.description[u.lang]] : []), ...facts.slice(0, 3).map((f) => f.text[u.lang])];
    return done(rc, 'answer', headline, lines, unique([...sourceOf(kb, id), ...facts.slice(0, 3).map((f) => f.source)]).slice(0, 3));
  }
  return undefined;
}

/** The kinds of item whose description says what they are. */
const DESCRIBED_KINDS: ReadonlySet<string> = new Set(['concepts', 'programmes', 'units', 'roles', 'policies', 'leadershipGroups']);

/**
 * "Hvad er forskellen på et børnefællesskab og en afdeling?", "what's the difference between X and Y": two or more
 * things named surely, asked how they differ (the lexicon's `compareWords.difference`) and nothing else: what the
 * documents say each is, one line each. Undefined when one of them has no description (the documents do not say it).
 */
export function answerDifference(rc: RelationContext): Answer | undefined {
  const { u, kb } = rc;
  const asked = rc.lexicon.compareWords.match(u.tokens).get('difference');
  if (!asked || [...u.kinds.keys()].some((k) => k !== 'definition') || u.attributes.length > 0) return undefined;
  // Each thing named by its best link; the same thing named twice is one.
  const ids = unique(rc.subjects.map((g) => g[0]).filter((l) => l !== undefined && l.quality >= 0.9 && l.kind !== 'municipalities').map((l) => l!.id));
  if (ids.length < 2 || ids.length > 3) return undefined;
  const entries = ids.map((id) => kb.get(id));
  if (entries.some((e) => !e || !DESCRIBED_KINDS.has(e.kind) || !(e.item as { description?: unknown }).description)) return undefined;
  const lines = entries.map((e) => `${capitalize(displayName(e!, u.lang))}: ${(e!.item as { description: { da: string; en: string } }).description[u.lang]}`);
  const answer = done(rc, 'answer', lines[0]!, lines.slice(1), unique(ids.flatMap((id) => sourceOf(kb, id))).slice(0, 3));
  return explainsWords(answer, asked.positions);
}
