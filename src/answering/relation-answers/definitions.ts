/**
 * Definitions: what a word the question asks about means, read from the item it names.
 */
import { namesOf } from '../facts.js';
import { foldText, STOPWORDS } from '../normalize.js';
import type { Answer } from '../types.js';
import type { Link } from '../linking.js';
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
  // "what does VIL mean": an abbreviation written in capitals that is an item's own name in capitals names it, also when
  // its small letters spell a function word ("vil", "er") that no name is linked by.
  if (sure.length === 0) sure.push(...capitalLinks(rc));
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
  for (const id of ids) {
    const entry = kb.get(id);
    if (!entry) continue;
    const names = namesOf(entry);
    if (!capitals(spelt) && !names.some((n) => foldText(n) === asked && capitals(n))) continue;
    const expansion = names.find((n) => spellsOut(asked, n));
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

/** Each knowledge base's names written in capitals ("VIL", "PRC"), folded, with the items that bear them. */
const CAPITAL_NAMES = new WeakMap<RelationContext['kb'], ReadonlyMap<string, readonly string[]>>();

export function capitalNamesOf(kb: RelationContext['kb']): ReadonlyMap<string, readonly string[]> {
  let known = CAPITAL_NAMES.get(kb);
  if (!known) {
    const map = new Map<string, string[]>();
    const d = kb.data;
    // Built once per knowledge base, with the answerer (answer.ts), not by a question.
    for (const item of [...d.roles, ...d.units, ...d.leadershipGroups, ...d.meetings, ...d.policies, ...d.programmes, ...d.concepts]) {
      const entry = kb.get(item.id);
      if (!entry) continue;
      for (const n of namesOf(entry)) {
        if (!isCapitals(n)) continue;
        const key = foldText(n);
        const ids = map.get(key) ?? [];
        if (!ids.includes(item.id)) ids.push(item.id);
        map.set(key, ids);
      }
    }
    CAPITAL_NAMES.set(kb, (known = map));
  }
  return known;
}

const isCapitals = (w: string): boolean => w.length >= 2 && w.length <= 6 && w === w.toUpperCase() && w !== w.toLowerCase();

/** Links for the words the question writes in capitals that are an item's name in capitals. */
function capitalLinks(rc: RelationContext): Link[] {
  const { u, kb } = rc;
  const written = (u.text.match(/[\p{L}\d-]+/gu) ?? []).filter(isCapitals);
  if (written.length !== 1) return [];
  const key = foldText(written[0]!);
  const ids = capitalNamesOf(kb).get(key) ?? [];
  const at = u.tokens.findIndex((t) => t.form === key);
  if (at < 0) return [];
  return ids.map((id) => ({ id, kind: kb.get(id)!.kind as Link['kind'], start: at, end: at + 1, quality: 1 }));
}
