/**
 * The context every relation answerer works with, and the helpers they share (names, sources, the subjects a question names, the answer shape).
 */
import type { KbItem, KnowledgeBase } from '../../knowledge/knowledge-base.js';
import type { Person, Source } from '../../knowledge/schemas.js';
import { namesOf } from '../facts.js';
import type { Link } from '../linking.js';
import type { Lexicon } from '../lexicon/lexicon.js';
import type { Relations } from '../relations.js';
import { analyzeText, foldText, GENERIC_WORDS, primaryStem, STOPWORDS } from '../normalize.js';
import type { KnowledgeQueries } from '../../knowledge/queries.js';
import type { Answer, AnswererOptions, Lang } from '../types.js';
import type { Understanding } from '../understand.js';
import { composeAnswer, nameOf, unique, type Context } from '../answer-context.js';
import { heldUnits } from './holder-units.js';
import { holdsOn } from '../../knowledge/validity.js';
import { addDays } from '../../time/format-date.js';

/** What the relation answerers work with. */
export interface RelationContext {
  readonly ctx: Context;
  readonly kb: KnowledgeBase;
  readonly relations: Relations;
  readonly lexicon: Lexicon;
  readonly options: AnswererOptions;
  readonly u: Understanding;
  /** The items named, grouped by where: each group holds the items one name could mean, best first. */
  readonly subjects: ReadonlyArray<readonly Link[]>;
  /** Every item named, before the municipalities named narrow them (a question may name things in two municipalities). */
  readonly links?: readonly Link[];
  /** The municipalities the question names. */
  readonly municipalities: ReadonlySet<string>;
  /** The time-aware queries of the knowledge model. */
  readonly queries: KnowledgeQueries;
  /** Today in Copenhagen (the injected clock). */
  readonly today: string;
}



function itemOf(kb: KnowledgeBase, id: string): KbItem | undefined {
  return kb.get(id);
}

/** An item's name in an answer: Danish definite form, or English label with the Danish name. */
export function name(kb: KnowledgeBase, id: string, lang: Lang, definite = true): string {
  return nameOf(kb, id, lang, definite);
}

export function sourceOf(kb: KnowledgeBase, id: string): Source[] {
  const entry = itemOf(kb, id);
  return entry && 'source' in entry.item ? [entry.item.source] : [];
}

/**
 * The role a person holds on the day the question asks about (their `role`, or the one of their `posts` held then), so
 * that a person can be the subject of any relation of their role.
 */
function asRole(rc: RelationContext, id: string): string {
  const entry = rc.kb.get(id);
  return entry?.kind === 'people' ? (roleOnDay(rc, entry.item, askedDayOf(rc)) ?? id) : id;
}

/**
 * The role a person holds on a day (not as acting): the first post held then; when none is (a day before or after all
 * of them), the person's own `role`, else their first post's. From the posts indexed once per knowledge base.
 */
export function roleOnDay(rc: RelationContext, person: Person, day: string): string | undefined {
  for (const h of rc.queries.holdingsOf(person.id)) if (holdsOn(h, day)) return h.role;
  return person.role ?? person.posts?.[0]?.role;
}

/** The day a question asks about: the day it names, the first day of a coming period it names, else today. */
export function askedDayOf(rc: RelationContext): string {
  return rc.u.day ?? (rc.u.range && rc.u.range.from > rc.today ? rc.u.range.from : rc.today);
}

/**
 * Items a question describes by a related item rather than names: a role by its place ("the coordinator
 * in Ålekisten", "the new Mågen leader", "en pæd leder i en klynge"), a meeting or group by a role that
 * takes part in it ("the souschef network"). The items tied to a place the question names (the roles of
 * the unit, those that lead it, those of its postings), or to a role it names (the meetings and groups it
 * takes part in or chairs), are matched against the question's words that no name explains: a word of
 * the item's name (by stem, as a compound's head, or as an abbreviation of a longer word), or a word for a
 * leader ("lederen", "leader") for the roles that lead the place. Only a single best item per anchor
 * counts; a tie describes nothing.
 */
const describedCache = new WeakMap<RelationContext, Link[][]>();
export function describedItems(rc: RelationContext): Link[][] {
  const cached = describedCache.get(rc);
  if (cached) return cached;
  const { u, kb, relations } = rc;
  const covered = new Set<number>();
  // A weak reading ("leder" as a typo of a group's name) does not explain a word of a description.
  for (const g of rc.subjects) for (const l of g) if (l.quality >= 0.9) for (let i = l.start; i < l.end; i++) covered.add(i);
  const leaderAt = new Set([...rc.lexicon.leaderWords.match(u.tokens).values()].flatMap((m) => [...m.positions]));
  // A word for a meeting ("forum", "møde") is a cue and also describes which meeting.
  // ... but not one asked for as a kind ("hvilke møder", "which meetings"): that asks for the list of them.
  const meetingAt = new Set([...(u.kinds.get('meeting')?.positions ?? [])].filter((i) => !listedKindAt(rc).has(i)));
  const free = u.tokens
    .map((tok, i) => ({ tok, i }))
    // (A function word of a leader phrase, "i" of "leder i", describes nothing: "den daglige leder i Enhed Hede" names the
    // post "daglig leder", its leader word inside that name.)
    .filter(({ tok, i }) => !covered.has(i) && ((leaderAt.has(i) && !STOPWORDS.has(tok.form)) || ((!u.cuePositions.has(i) || meetingAt.has(i)) && tok.form.length >= 3 && !STOPWORDS.has(tok.form) && !GENERIC_WORDS.has(tok.form) && !/^\d+$/.test(tok.form))));
  const out: Link[][] = [];
  const seen = new Set<string>();
  const leaderWord = (w: string) => rc.lexicon.leaderWords.match(analyzeText(w)).size > 0;
  for (const group of rc.subjects) {
    const anchor = group.find((l) => (l.kind === 'units' || l.kind === 'roles') && l.quality >= 0.9);
    if (!anchor) continue;
    const leaders = new Set(anchor.kind === 'units' ? relations.leadersOf(anchor.id) : []);
    let candidates: string[];
    if (anchor.kind === 'units') {
      const postingRoles = relations.postingsOf(anchor.id).map((id) => (kb.get(id)?.item as { role?: string } | undefined)?.role).filter((id): id is string => id !== undefined);
      candidates = unique([...relations.rolesIn(anchor.id), ...leaders, ...postingRoles]).filter((id) => kb.get(id)?.kind === 'roles');
    } else {
      candidates = [...relations.meetingsWith(anchor.id), ...relations.groupsWith(anchor.id)];
    }
    if (candidates.length === 0) continue;
    // "The new huschef in Kastanjen", "the Kastanjen huschef": a role named right beside the place, whose name made
    // specific ("huschef i Børnehuset Kastanjen") is the one post of the place, is that post.
    if (anchor.kind === 'units') {
      const titled = titledAt(rc, group, anchor, candidates);
      if (titled) {
        if (!seen.has(titled.id)) {
          seen.add(titled.id);
          out.push([titled]);
        }
        continue;
      }
    }
    const anchorWords = new Set(namesOf(kb.get(anchor.id)!).flatMap((n) => analyzeText(foldText(n)).map((w) => w.form)));
    // Words near the anchor: "koordinatoren i Ålekisten", "the new Mågen leader", "the souschef network".
    const near = free.filter(({ i }) => i >= anchor.start - 5 && i < anchor.end + 4);
    if (near.length === 0) continue;
    const score = (id: string) => {
      const entry = kb.get(id)!;
      const words = unique(namesOf(entry).flatMap((n) => analyzeText(foldText(n)).map((w) => w.form))).filter((w) => !anchorWords.has(w) && !STOPWORDS.has(w));
      // A role that leads the place, or whose name is a word for a leader or ends in one ("institutionsleder").
      const isLeader = entry.kind === 'roles' && (leaders.has(id) || words.some((w) => leaderWord(w) || Array.from({ length: Math.max(0, w.length - 6) }, (_, k) => w.slice(k + 3)).some(leaderWord)));
      let hits = 0;
      let from = anchor.start;
      let to = anchor.end;
      for (const { tok, i } of near) {
        const stem = primaryStem(tok.form);
        const fits = words.some(
          (w) =>
            w === tok.form ||
            primaryStem(w) === stem ||
            (tok.form.length >= 4 && w.length > tok.form.length + 2 && w.endsWith(tok.form)) ||
            (tok.form.length >= 3 && w.length > tok.form.length + 2 && w.startsWith(tok.form) && !rc.ctx.index.knows(tok.form)),
        );
        if (fits || (leaderAt.has(i) && isLeader)) {
          hits++;
          from = Math.min(from, i);
          to = Math.max(to, i + 1);
        }
      }
      return { id, kind: entry.kind, hits, from, to };
    };
    const scored = candidates.map(score).filter((s) => s.hits > 0).sort((a, b) => b.hits - a.hits);
    if (scored.length === 0 || (scored.length > 1 && scored[1]!.hits === scored[0]!.hits)) continue;
    const best = scored[0]!;
    if (seen.has(best.id)) continue;
    seen.add(best.id);
    out.push([{ id: best.id, kind: best.kind, start: best.from, end: best.to, quality: 0.9 }]);
  }
  describedCache.set(rc, out);
  return out;
}

/** A role linked next to a unit (at most one word between) whose specific form is the one role of the unit's candidates named so. */
function titledAt(rc: RelationContext, group: readonly Link[], anchor: Link, candidates: readonly string[]): Link | undefined {
  const roles = rc.subjects
    .filter((g) => g !== group)
    .flat()
    .filter((l) => l.kind === 'roles' && l.quality >= 0.9 && ((l.end <= anchor.start && anchor.start - l.end <= 2) || (l.start >= anchor.end && l.start - anchor.end <= 2)));
  for (const role of roles) {
    const entry = rc.kb.get(role.id);
    if (entry?.kind !== 'roles') continue;
    const start = `${foldText(entry.item.name)} `;
    const titled = candidates.filter((id) => {
      const e = rc.kb.get(id);
      return id !== role.id && e?.kind === 'roles' && foldText(e.item.name).startsWith(start);
    });
    if (titled.length === 1) return { id: titled[0]!, kind: 'roles', start: Math.min(role.start, anchor.start), end: Math.max(role.end, anchor.end), quality: 0.9 };
  }
  return undefined;
}

/** The positions of words for a kind of thing asked for as a list: right after a word that asks which ("hvilke møder", "which meetings"). */
export function listedKindAt(rc: RelationContext): ReadonlySet<number> {
  const which = new Set([...rc.lexicon.whichWords.match(rc.u.tokens).values()].flatMap((m) => [...m.positions]));
  const out = new Set<number>();
  for (const p of which) if (!which.has(p + 1)) out.add(p + 1);
  return out;
}

/** The subjects of one kind (or kinds), first group first; people stand for their roles when asked; described items come first. */
export function subjectsOf(rc: RelationContext, kinds: ReadonlyArray<KbItem['kind']>, viaRole = false): Link[][] {
  const out: Link[][] = describedItems(rc).filter((g) => kinds.includes(g[0]!.kind)).map((g) => [...g]);
  for (const group of rc.subjects) {
    const fit = group
      .map((link) => (viaRole && link.kind === 'people' && asRole(rc, link.id) !== link.id ? { ...link, id: asRole(rc, link.id), kind: 'roles' as const, person: link.id } : link))
      .filter((link) => kinds.includes(link.kind));
    if (fit.length > 0) out.push(fit);
  }
  return out;
}

/** Composes a relation answer; `complete` keeps every line of a list (the rest behind "Show more"). */
export function done(rc: RelationContext, kind: Answer['kind'], headline: string, lines: readonly string[], sources: readonly Source[], details: readonly string[] = [], complete = false): Answer {
  return composeAnswer(rc.kb, rc.u.lang, { kind, headline, groups: [{ title: '', lines }], sources, details, complete });
}

/** True when a unit is the other or lies inside it (through `parent`). */
export function within(kb: KnowledgeBase, id: string, outer: string): boolean {
  for (let current: string | undefined = id, depth = 0; current && depth < 8; depth++) {
    if (current === outer) return true;
    const e = kb.get(current);
    current = e?.kind === 'units' ? e.item.parent : undefined;
  }
  return false;
}

/**
 * The units a person is tied to: the units the data gives for their posts on the day asked about (a holder of a role
 * shared by several units: `unit`, `posts`); else the units named in their title, or where the posting they answer for is.
 */
export function unitsOfPerson(rc: RelationContext, person: Person): Set<string> {
  const held = heldUnits(person, rc.u.day ?? rc.today);
  if (held.length > 0) return new Set(held);
  const units = new Set<string>();
  for (const id of person.contactFor) {
    const e = rc.kb.get(id);
    const unit = e?.kind === 'postings' ? e.item.unit : undefined;
    if (unit) units.add(unit);
  }
  const title = `${person.title.da} ${person.title.en}`.toLowerCase();
  for (const unit of rc.kb.data.units) {
    if ([unit.name, ...unit.names].some((n) => n.length > 3 && title.includes(n.toLowerCase()))) units.add(unit.id);
  }
  return units;
}

const TITLE_WORDS = new WeakMap<RelationContext['kb'], ReadonlyArray<ReadonlySet<string>>>();

/** The words (forms and stems) of each person's title in both languages, in the order of the people: once per knowledge base. */
export function titleWordsOf(kb: RelationContext['kb']): ReadonlyArray<ReadonlySet<string>> {
  let titles = TITLE_WORDS.get(kb);
  if (!titles) {
    titles = kb.data.people.map((p) => new Set(analyzeText(foldText(`${p.title.da} ${p.title.en}`)).flatMap((w) => [w.form, ...w.terms])));
    TITLE_WORDS.set(kb, titles);
  }
  return titles;
}

type DatedUnit = { readonly id: string; readonly type?: string; readonly parent?: string; readonly validFrom?: string; readonly validUntil?: string };

/**
 * The unit that carries on a unit ended by `day`: the one unit of the same kind under the same parent that begins the
 * day after it ends (Børnekreds Skovbakken for Skoven and Bakken), or among several, the one a decision changes with it.
 */
export function unitOn(rc: RelationContext, id: string, day: string): string | undefined {
  const unit = rc.kb.get(id)?.item as DatedUnit | undefined;
  if (!unit || unit.validUntil === undefined || unit.validUntil >= day) return id;
  if (unit.parent === undefined) return undefined;
  const next = addDays(unit.validUntil, 1);
  const heirs = rc.relations.childUnits(unit.parent).filter((c) => {
    const other = rc.kb.get(c)?.item as DatedUnit | undefined;
    return c !== id && other?.validFrom === next && other.type === unit.type && holdsOn(other, day);
  });
  if (heirs.length <= 1) return heirs[0];
  const decided = heirs.filter((h) => rc.kb.data.decisions.some((d) => (d.changes ?? []).includes(id) && (d.changes ?? []).includes(h)));
  return decided.length === 1 ? decided[0] : undefined;
}
