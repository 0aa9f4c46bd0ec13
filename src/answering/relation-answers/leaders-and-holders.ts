/**
 * Who leads a unit, who holds a role (in a unit), what post a person holds.
 */
import type { Person, Source } from '../../knowledge/schemas.js';
import { holdsOn } from '../../knowledge/validity.js';
import { capitalize, joinList, phrasesFor } from '../phrases.js';
import { analyzeText, foldText, GENERIC_WORDS, STOPWORDS } from '../normalize.js';
import type { Answer } from '../types.js';
import { shortDate, unique } from '../answer-context.js';
import { askedDayOf, describedItems, done, name, sourceOf, subjectsOf, titleWordsOf, unitOn, unitsOfPerson, within, type RelationContext } from './context.js';
import { addDays, MONTH_NAMES } from '../../time/format-date.js';

export { titleWordsOf, unitsOfPerson, within } from './context.js';
import { unknownWith } from './partly-known.js';
import { TEXTS } from './texts.js';
import { actingLines } from './org-changes.js';
import { titleWithUnits } from './holder-units.js';
import { isLeaderRole } from '../relations.js';
import { compoundPost, markDescribed } from './described-post.js';
import { chairSaidPlainly } from './decisions.js';
import { compoundSplits } from '../compound.js';
import { rolesByNameStart } from './role-name-starts.js';
import { whoDoesAround } from './tasks.js';

// ---------------------------------------------------------------------------------------------
// Leaders and holders

export function answerLeaderRelation(rc: RelationContext): Answer | undefined {
  const { u, kb, relations } = rc;
  if (!u.intents.has('leader')) return undefined;
  const t = TEXTS[u.lang];
  const units = subjectsOf(rc, ['units'])[0];
  if (!units) return answerDescribedLeader(rc);
  const withLeaders = units.filter((l) => relations.leadersOf(l.id).length > 0);
  const unit = withLeaders[0];
  if (!unit) {
    // "Who is the leader of Børnehuset Myretuen?" when the documents do not say.
    const named = units[0]!;
    if (named.quality < 0.9 || rc.subjects.length > 1) return undefined;
    // "Who runs Børnehuset Mågen?" when the post that leads it is advertised: no one is named, but the post is.
    const isLeaderRoleId = (id: string) => {
      const e = kb.get(id);
      return e?.kind === 'roles' && isLeaderRole(e.item, rc.lexicon);
    };
    const advertised = unique(relations.postingsOf(named.id).map((id) => (kb.get(id)?.item as { role?: string } | undefined)?.role).filter((id): id is string => id !== undefined && isLeaderRoleId(id)));
    if (advertised.length > 0) {
      const postings = relations.postingsOf(named.id);
      const answer = done(rc, 'unknown', t.leaderAdvertised(name(kb, named.id, u.lang, false), joinList(advertised.map((id) => name(kb, id, u.lang, false)), u.lang)), [], postings.flatMap((id) => sourceOf(kb, id)));
      return { ...answer, suggestions: unknownWith(rc, answer.headline).suggestions };
    }
    return unknownWith(rc, t.noLeader(name(kb, named.id, u.lang, false)));
  }
  // A role that leads several units ("områdeleder" of Nord and of Syd): only its holders tied to this unit lead it.
  const holdersHere = (role: string) => {
    const all = relations.holders(role);
    if (relations.ledBy(role).length <= 1) return all;
    return all.filter((p) => [...unitsOfPerson(rc, p)].some((id) => within(kb, id, unit.id)));
  };
  // Who leads it on the day asked (today unless the question names a day).
  const leaderRoles = relations.leadersOf(unit.id);
  const here = new Map(leaderRoles.map((role) => [role, holdersHere(role)]));
  const day = askedHolderDay(rc, [...here.values()].flat(), leaderRoles);
  const ended = postEnded(rc, unit.id, day);
  if (ended) return ended;
  const held = new Map(leaderRoles.map((role) => [role, holdingOn(rc, here.get(role)!, role, day)]));
  const onDay = (role: string) => held.get(role)!;
  // Someone who begins later (no one holds the post on the day): with the day they begin.
  const since = (p: Person, role: string) => {
    const start = startOf(rc, p, role);
    return start !== undefined && start > day ? ` (${u.lang === 'da' ? 'fra' : 'from'} ${shortDate(start, u.lang)})` : '';
  };
  const leaders = relations.leadersOf(unit.id).map((role) => {
    const holders = onDay(role).map((p) => `${p.name}${since(p, role)}`);
    return `${name(kb, role, u.lang, false)}${holders.length > 0 ? ` (${joinList(holders, u.lang)})` : ''}`;
  });
  const holderPeople = relations.leadersOf(unit.id).flatMap(onDay);
  // A coming change of who leads it, in one line (of the post's holders tied to this unit).
  const coming = leaderRoles.flatMap((role) => comingHolderLine(rc, role, day, (p) => here.get(role)!.includes(p) && !onDay(role).includes(p)) ?? []);
  // "Who leads Kløverengen?" asks for someone: a post that no one the documents name holds is said to be unnamed.
  const unnamed = (u.askedWho || u.kinds.has('holder')) && holderPeople.length === 0 && coming.length === 0;
  const ledBy = t.ledBy(name(kb, unit.id, u.lang, false), joinList(leaders, u.lang));
  const headline = unnamed ? `${ledBy} ${t.noPersonIn(joinList(leaderRoles.map((role) => name(kb, role, u.lang, false)), u.lang))}` : ledBy;
  return done(
    rc,
    'answer',
    day === rc.today ? headline : `${u.lang === 'da' ? 'Pr.' : 'On'} ${shortDate(day, u.lang)}: ${headline}`,
    [...coming.map((c) => c.line), ...holderPeople.map((p) => phrasesFor(u.lang).contactLine(p.name, p.title[u.lang], p.phone, p.email))],
    [...sourceOf(kb, unit.id), ...holderPeople.map((p) => p.source), ...coming.flatMap((c) => c.sources)],
  );
}

/**
 * "Hvem står i spidsen for et dagtilbud?", "who heads a children's centre": a kind of place, not one place, is asked
 * about: the general post whose name says that kind of place leads it (with its holders when the documents name them).
 * Only when the question names no post, person or unit.
 */
export function answerDescribedLeader(rc: RelationContext): Answer | undefined {
  const { u, kb } = rc;
  if (!u.intents.has('leader') || u.attributes.length > 0) return undefined;
  if (rc.subjects.flat().some((l) => l.quality >= 0.9 && l.kind !== 'municipalities')) return undefined;
  const found = compoundPost(rc);
  if (!found) return undefined;
  // Only who leads the place is asked: a word besides ("who is responsible for the staff rota in the house") asks more.
  const asked = u.tokens.some((tok, p) => !found.positions.includes(p) && !u.cuePositions.has(p) && !STOPWORDS.has(tok.form) && !GENERIC_WORDS.has(tok.form) && tok.form.length >= 3 && !rc.lexicon.leaderWords.match([tok]).size);
  if (asked) return undefined;
  const role = found.link.id;
  // One holder of a post many places have is not who leads "a" place of that kind: the post, its holders after it.
  const holders = rc.relations.holders(role).slice(0, MAX_LISTED);
  const headline = u.lang === 'da' ? `Lederen er ${name(kb, role, u.lang, false)}.` : `The leader is the ${name(kb, role, u.lang, false)}.`;
  return done(rc, 'answer', headline, holders.map((p) => phrasesFor(u.lang).contactLine(p.name, p.title[u.lang], p.phone, p.email)), [...sourceOf(kb, role), ...holders.map((p) => p.source)]);
}

/**
 * "Hvem er distriktsleder for Område Vest?", "who is the district leader of Område Nord": another municipality's title
 * for the head of a unit (a kind of unit and a word for a leader, as one Danish compound or two English words), said
 * with the unit's name, asks who leads that unit, whatever the documents call the post. Only when the title is none
 * of this knowledge base's posts (no post linked) and one unit is named.
 */
export function answerOtherTitleLeader(rc: RelationContext): Answer | undefined {
  const { u } = rc;
  if (!u.kinds.has('holder') && !u.kinds.has('who') && !u.kinds.has('leader')) return undefined;
  if ([...u.kinds.keys()].some((k) => !['holder', 'who', 'leader', 'upcoming', 'before-change', 'after-change'].includes(k)) || u.attributes.length > 0) return undefined;
  const linked = rc.subjects.flat().filter((l) => l.quality >= 0.9 && l.kind !== 'municipalities');
  const units = unique(linked.filter((l) => l.kind === 'units').map((l) => l.id));
  if (units.length !== 1) return undefined;
  const inLink = (p: number) => rc.subjects.flat().some((l) => l.kind === 'units' && p >= l.start && p < l.end);
  const leaderWord = (w: string) => rc.lexicon.leaderWords.match(analyzeText(w)).size > 0;
  // The kind words of the named unit's level ("distrikt" for an area, "institution" for a house).
  const unitType = (rc.kb.get(units[0]!)?.item as { type?: string } | undefined)?.type ?? '';
  const kinds = rc.lexicon.unitKindWords.filter((level) => level.types.has(unitType)).flatMap((level) => [...level.words]);
  const kindWord = (w: string) => kinds.some((k) => w === k || (w.startsWith(k) && w.length <= k.length + 2));
  const forms = u.tokens.map((tok) => tok.form);
  const at: number[] = [];
  forms.forEach((f, p) => {
    if (inLink(p) || at.length > 0) return;
    // One Danish compound: "distrikts|leder", "område|chef".
    if (compoundSplits(f).some(({ modifier, head }) => kindWord(modifier) && leaderWord(head))) at.push(p);
    // Two words: "district leader", "area manager".
    else if (p + 1 < forms.length && !inLink(p + 1) && kindWord(f) && leaderWord(forms[p + 1]!)) at.push(p, p + 1);
  });
  if (at.length === 0) return undefined;
  // A title that is this knowledge base's own post ("distriktsleder" where there are districts) is the holder answer's.
  if (rc.subjects.flat().some((l) => l.kind === 'roles' && l.quality >= 0.9 && at[0]! >= l.start && at[0]! < l.end)) return undefined;
  // Nothing else named: a post linked only by the title's own leader word ("leader" read as "area leader") is the title.
  // So is the post that leads the unit, linked by the leader word beside the unit's name ("leader of Område Nord").
  const heads = new Set(rc.relations.leadersOf(units[0]!));
  if (linked.some((l) => l.kind !== 'units' && !heads.has(l.id) && !Array.from({ length: l.end - l.start }, (_, i) => l.start + i).every((p) => at.includes(p)))) return undefined;
  const asked = { ...rc, u: { ...u, intents: new Set([...u.intents, 'leader' as const]) } } as RelationContext;
  const answer = answerLeaderRelation(asked);
  if (!answer) return undefined;
  return markDescribed(answer, at.map((p) => ({ id: units[0]!, kind: 'units' as const, start: p, end: p + 1, quality: 0.8 })));
}

/** The most holders listed under a post described by the kind of place. */
const MAX_LISTED = 5;

/** The first day a person holds a role (their `role` within their validity, or one of their `posts`), if every holding of it is dated. */
function startOf(rc: RelationContext, p: Person, role: string): string | undefined {
  let first: string | undefined;
  for (const h of rc.queries.holdingsOf(p.id)) {
    if (h.role !== role) continue;
    if (h.validFrom === undefined) return undefined;
    if (first === undefined || h.validFrom < first) first = h.validFrom;
  }
  return first;
}

/**
 * The day whose holders a question asks about: the day it names, the first day of a coming period it names, the day
 * the next of `people` begins in the post when it asks for the state after a change ("hvem bliver kredsleder for
 * Skovbakken"), else today.
 */
function askedHolderDay(rc: RelationContext, people: readonly Person[], roles: readonly string[]): string {
  const { u } = rc;
  const named = u.day ?? (u.range && u.range.from > rc.today ? u.range.from : undefined);
  if (named !== undefined || !u.kinds.has('after-change')) return named ?? rc.today;
  let firstLater: string | undefined;
  for (const p of people) {
    for (const h of rc.queries.holdingsOf(p.id)) {
      if (roles.includes(h.role) && h.validFrom !== undefined && h.validFrom > rc.today && (firstLater === undefined || h.validFrom < firstLater)) firstLater = h.validFrom;
    }
  }
  if (firstLater !== undefined) return firstLater;
  // No one begins later: the day after the post or a place named ends ("hvem leder Skoven efter sammenlægningen").
  const ends = [...roles, ...rc.subjects.flat().filter((l) => l.kind === 'units' && l.quality >= 0.9).map((l) => l.id)]
    .map((id) => (rc.kb.get(id)?.item as { validUntil?: string } | undefined)?.validUntil)
    .filter((d): d is string => d !== undefined && d >= rc.today)
    .map((d) => addDays(d, 1))
    .sort();
  return ends[0] ?? rc.today;
}

/** Those of `people` who hold the post on `day` (by their `role` or `posts` then); all of them when none does (the documents may date no one). */
function holdingOn(rc: RelationContext, people: readonly Person[], role: string, day: string): Person[] {
  const now = people.filter((p) => rc.queries.holdingsOf(p.id).some((h) => h.role === role && holdsOn(h, day)));
  return now.length > 0 ? now : [...people];
}

/**
 * A coming change of who holds a post, in one line ("Fra 1. august 2027: Rasmus Kjeldgaard Bonde."), when the question
 * names no day: the next day the post's holders change after `day`.
 */
function comingHolderLine(rc: RelationContext, role: string, day: string, people?: (p: Person) => boolean): { line: string; sources: Source[] } | undefined {
  if (rc.u.day !== undefined) return undefined;
  const change = rc.queries.nextHolderChange(role, day);
  if (!change) return undefined;
  // (A post no one is named in from then may be one that ends with its unit: no line, rather than a misleading one.)
  const holders = change.holders.filter((p) => !people || people(p)).map((p) => p.name);
  if (holders.length === 0) return undefined;
  const line = `${rc.u.lang === 'da' ? 'Fra' : 'From'} ${shortDate(change.date, rc.u.lang)}: ${joinList(holders, rc.u.lang)}.`;
  return { line, sources: [...change.sources] };
}

// ---------------------------------------------------------------------------------------------
// Who holds a role (in a unit)

export function answerHolderRelation(rc: RelationContext): Answer | undefined {
  const { u, kb, relations } = rc;
  const specific = [...u.kinds.keys()].some((k) => !['holder', 'who', 'definition', 'upcoming', 'before-change', 'after-change', 'change-compare', 'membership'].includes(k));
  // "Who are the three kvarterchefer?": a plain "who" about a role and nothing else asks who holds it.
  const whoAbout = u.kinds.has('who') && [...u.kinds.keys()].every((k) => k === 'who') && rc.subjects.length === 1;
  if (!(u.kinds.has('holder') || u.kinds.has('membership') || whoAbout) || specific || u.attributes.length > 0) return undefined;
  // "Who is in the souschef network?", "hvem er med i den strategiske ledelse i <unit>": a meeting or group
  // named or described is what the question asks about, not the holder of a role near it.
  if (describedItems(rc).some((g) => g[0]!.kind === 'meetings' || g[0]!.kind === 'leadershipGroups')) return undefined;
  if (u.kinds.has('membership') && rc.subjects.some((g) => g.some((l) => (l.kind === 'meetings' || l.kind === 'leadershipGroups') && l.quality >= 0.9))) return undefined;
  // "Hvem holder tilsyn med dagplejerne?": a word the post's name leaves over that someone's task says with it asks who
  // does that, not who the post's holders are.
  if (u.kinds.has('who') || u.askedWho) {
    const around = whoDoesAround(rc, rc.subjects.flat().filter((l) => l.quality >= 0.9 && l.kind === 'roles'));
    if (around) return around;
  }
  const t = TEXTS[u.lang];
  // A post named by its posting ("dagtilbudschefen" is also the job profile's name) is held through the posting's role.
  const posting = subjectsOf(rc, ['postings'])[0]?.[0];
  const postingRole = posting ? (kb.get(posting.id)?.item as { role?: string } | undefined)?.role : undefined;
  const role = subjectsOf(rc, ['roles'])[0]?.[0] ?? (posting && postingRole && kb.get(postingRole) ? { ...posting, id: postingRole, kind: 'roles' as const } : undefined);
  if (!role || role.quality < 0.9) return undefined;
  const unit = rc.subjects.flat().find((l) => l.kind === 'units' && l.quality >= 0.9);
  // "Which house leaders are in Kvarter Skoven?": people in a role in a unit.
  if (!u.kinds.has('holder') && !whoAbout && !unit) return undefined;
  const holders = relations.holders(role.id);
  const line = (p: Person) => phrasesFor(u.lang).contactLine(p.name, p.title[u.lang], p.phone, p.email);
  if (!unit) {
    // A person whose title names the role ("distriktsleder i Distrikt Baltorp") may hold it without saying so in data.
    const roleItem = kb.get(role.id)?.item as { name: string; names: string[] };
    const titled = kb.data.people.some((p) => [roleItem.name, ...roleItem.names].some((n) => n.length > 3 && p.title.da.toLowerCase().includes(n.toLowerCase())));
    // "Who are the unit heads?": a post with no one in it whose name the posts of each unit carry ("enhedschef for Enhed
    // Strand"): the people in those.
    if (holders.length === 0) {
      const each = specificRoles(rc, role.id).map((id) => ({ id, people: rc.queries.holdersOn(id, rc.today) })).filter((x) => x.people.length > 0);
      if (each.length > 0 && each.length <= 6) {
        const all = each.flatMap((x) => x.people);
        const headline = each.map(({ id, people }) => t.holders(name(kb, id, u.lang, false), joinList(people.map((p) => p.name), u.lang))).join(' ');
        return done(rc, 'answer', headline, all.map(line), all.map((p) => p.source));
      }
    }
    if (holders.length === 0 && titled) return undefined;
    if (holders.length === 0) {
      // The role exists but no one is named in it: say so, with where the role sits.
      const up = rc.queries.reportsToOn(role.id, rc.today, { unconditional: true });
      const lines = up.length > 0 ? [t.reportsToMany(name(kb, role.id, u.lang), joinList(up.map((e) => name(kb, e.to, u.lang)), u.lang))] : [];
      const answer = done(rc, 'unknown', t.noPersonIn(name(kb, role.id, u.lang, false)), lines, [...sourceOf(kb, role.id), ...up.map((e) => e.source)]);
      return { ...answer, suggestions: unknownWith(rc, answer.headline).suggestions };
    }
    // One name several posts bear equally ("the area heads", "områdecheferne" of West and of East), and no unit or
    // other municipality named to choose among them: each post with its holders.
    const peers = posting
      ? []
      : (subjectsOf(rc, ['roles'])[0] ?? []).filter(
          (l) =>
            l.start === role.start && l.end === role.end && l.quality >= role.quality &&
            (rc.municipalities.size === 0 || rc.municipalities.has((kb.get(l.id)?.item as { municipality?: string }).municipality ?? '')) &&
            relations.holders(l.id).length > 0,
        );
    const held = unique(peers.map((l) => l.id));
    if (held.length > 1 && held.length <= 4 && held.includes(role.id)) {
      const each = held.map((id) => ({ id, people: relations.holders(id) }));
      const headline = each.map(({ id, people }) => t.holders(name(kb, id, u.lang, false), joinList(people.map((p) => p.name), u.lang))).join(' ');
      const all = each.flatMap(({ people }) => people);
      return done(rc, 'answer', headline, all.map(line), all.map((p) => p.source));
    }
    return heldOn(rc, role.id, holders);
  }
  // "Hvem er områdeleder i Område Syd?": the holders tied to that unit (or to a unit inside it).
  const inside = (ids: Set<string>) => [...ids].some((id) => {
    for (let current: string | undefined = id, depth = 0; current && depth < 8; depth++) {
      if (current === unit.id) return true;
      const e = kb.get(current);
      current = e?.kind === 'units' ? e.item.parent : undefined;
    }
    return false;
  });
  const thereOf = (id: string) => {
    const roleUnit = (kb.get(id)?.item as { unit?: string }).unit;
    // (Where the data gives the unit of the person's holding of this post, that unit is where they hold it: a person who
    // leads one house today and becomes deputy in another later is no deputy of the first.)
    const placed = (p: Person) => unique(rc.queries.holdingsOf(p.id).flatMap((h) => (h.role === id && h.unit !== undefined ? [h.unit] : [])));
    return relations.holders(id).filter((p) => {
      const units = placed(p);
      if (units.length > 0) return inside(new Set(units));
      return inside(unitsOfPerson(rc, p)) || (roleUnit !== undefined && roleUnit === unit.id);
    });
  };
  // One name for several posts ("distriktsleder" in general and in Distrikt Baltorp): the reading with someone there.
  const readings = unique([role.id, ...(subjectsOf(rc, ['roles'])[0] ?? []).filter((l) => l.start === role.start && l.end === role.end && l.quality >= role.quality).map((l) => l.id), ...specificRoles(rc, role.id)]);
  for (const id of readings) {
    const there = thereOf(id);
    if (there.length > 0) return heldOn(rc, id, there);
  }
  const elsewhere = holders.map((p) => t.holderElsewhere(p.name, titleWithUnits(rc, p)));
  const answer = done(rc, 'unknown', t.noHolderIn(name(kb, role.id, u.lang, false), name(kb, unit.id, u.lang, false)), elsewhere, holders.map((p) => p.source));
  return { ...answer, suggestions: unknownWith(rc, answer.headline).suggestions };
}

/**
 * Who of `people` (the post's holders the documents name) holds it on the day asked: the day the question names, the
 * first day of a coming period it names, the day the next holder begins when it asks for the state after a change
 * ("hvem bliver kredsleder for Skovbakken"), else today. Someone who begins later is not who holds it on the day
 * asked; when no one holds it on that day (the documents may date no one), all of them.
 */
function heldOn(rc: RelationContext, roleId: string, people: readonly Person[]): Answer {
  const { u, kb } = rc;
  const t = TEXTS[u.lang];
  const line = (p: Person) => phrasesFor(u.lang).contactLine(p.name, p.title[u.lang], p.phone, p.email);
  const day = askedHolderDay(rc, people, [roleId]);
  const ended = postEnded(rc, roleId, day);
  if (ended) return ended;
  const now = holdingOn(rc, people, roleId, day);
  // Only people who begin later ("Tobias Engholm Friis, kredsleder fra 1. august 2027"): the day they begin.
  const first = now.every((p) => (startOf(rc, p, roleId) ?? '') > day) ? now.map((p) => startOf(rc, p, roleId)).sort()[0] : undefined;
  const said = t.holders(name(kb, roleId, u.lang, false), joinList(now.map((p) => p.name), u.lang));
  const headline = first ? said.replace(/\.$/, ` (${u.lang === 'da' ? 'fra' : 'from'} ${shortDate(first, u.lang)}).`) : said;
  const dated = day !== rc.today;
  // A coming change of who holds it, in one line (of the people this answer is about).
  const coming = first ? undefined : comingHolderLine(rc, roleId, day, (p) => people.includes(p));
  return done(rc, 'answer', dated ? `${u.lang === 'da' ? 'Pr.' : 'On'} ${shortDate(day, u.lang)}: ${headline}` : headline, [...(coming ? [coming.line] : []), ...now.map(line)], [...now.map((p) => p.source), ...(coming?.sources ?? [])]);
}

/**
 * "Hvem er landsbyleder i Sandager efter 1. august 2027?": a post that exists only until before the day asked has no
 * holder then. Said so, with the place that carries its unit on from the next day and who leads it then (Børnelandsby
 * Sønderskov and its landsbyleder), rather than the holder it had before.
 */
function postEnded(rc: RelationContext, id: string, day: string): Answer | undefined {
  const { u, kb } = rc;
  const entry = kb.get(id);
  const post = entry?.item as { validUntil?: string; unit?: string; source: Source } | undefined;
  if (post?.validUntil === undefined || post.validUntil >= day) return undefined;
  const t = TEXTS[u.lang];
  // (A unit asked about itself: the unit that carries it on.)
  const unitId = entry?.kind === 'units' ? id : post.unit;
  const next = unitId === undefined ? undefined : unitOn(rc, unitId, day);
  const nextLeaders = next === undefined || next === unitId ? [] : rc.relations.leadersOf(next);
  const held = nextLeaders.map((id) => ({ id, people: rc.queries.holdersOn(id, day) }));
  const lines = [
    ...(next !== undefined && next !== unitId ? [t.carriesOn(name(kb, next, u.lang, false), name(kb, unitId!, u.lang, false), shortDate(addDays(post.validUntil, 1), u.lang))] : []),
    ...held.map(({ id, people }) => (people.length > 0 ? t.holders(name(kb, id, u.lang, false), joinList(people.map((p) => p.name), u.lang)) : t.noPersonIn(name(kb, id, u.lang, false)))),
  ];
  const ended = entry?.kind === 'units' ? t.unitEnded(name(kb, id, u.lang, false), shortDate(post.validUntil, u.lang)) : t.postEnded(name(kb, id, u.lang, false), shortDate(post.validUntil, u.lang));
  const headline = `${u.lang === 'da' ? 'Pr.' : 'On'} ${shortDate(day, u.lang)}: ${ended}`;
  return done(rc, 'answer', lines.length > 0 ? `${headline} ${lines[lines.length - 1]}` : headline, lines.slice(0, -1), [post.source, ...held.flatMap((h) => h.people.map((p) => p.source))]);
}

/**
 * "Is Tanja Steffe Nøhr the permanent head of centre?", "er X fastansat som centerchef": a yes-or-no question that names
 * one person and one post, and asks nothing else but whether they hold it (and how: acting, permanent), is answered by
 * the person's own title when it names that post ("konstitueret centerchef"), which says how they hold it.
 */
export function answerPersonPost(rc: RelationContext): Answer | undefined {
  const { u, kb } = rc;
  // (Cheapest first: read for most questions.)
  if (u.attributes.length > 0) return undefined;
  for (const k of u.kinds.keys()) if (k !== 'who' && k !== 'holder') return undefined;
  if (!rc.subjects.some((g) => g.some((l) => l.kind === 'people')) || rc.lexicon.yesNoWords.match(u.tokens).size === 0) return undefined;
  const sure = rc.subjects.flat().filter((l) => l.quality >= 0.9 && l.kind !== 'municipalities');
  const people = sure.filter((l) => l.kind === 'people');
  const posts = sure.filter((l) => l.kind === 'roles');
  if (people.length !== 1 || posts.length === 0 || sure.length !== people.length + posts.length) return undefined;
  const person = (kb.get(people[0]!.id) as { item: Person }).item;
  // (A general post named is held in the form of it the person holds: "kredsleder" by the kredsleder for Børnekreds Åen.)
  const forms = (id: string) => new Set([id, ...(rolesByNameStart(kb).get(foldText((kb.get(id)?.item as { name: string }).name)) ?? [])]);
  const held = [...(person.role ? [person.role] : []), ...queries(rc).holdingsOf(person.id).map((h) => h.role)];
  if (!posts.some((l) => held.some((role) => forms(l.id).has(role)))) return undefined;
  // Nothing asked besides the names, the opener and how the post is held.
  const named = new Set(sure.flatMap((l) => Array.from({ length: l.end - l.start }, (_, i) => l.start + i)));
  const how = rc.lexicon.actingWords.coverage(u.tokens);
  const opener = rc.lexicon.yesNoWords.coverage(u.tokens);
  if (u.tokens.some((tok, p) => !named.has(p) && !how.has(p) && !opener.has(p) && !STOPWORDS.has(tok.form) && !GENERIC_WORDS.has(tok.form))) return undefined;
  return done(rc, 'answer', TEXTS[u.lang].holds(person.name, person.title[u.lang]), [], [person.source]);
}

const queries = (rc: RelationContext) => rc.queries;

/**
 * "Who is the deputy head at Kløverengen?", "who's the chair of the parents' board at Kløverengen?": every content
 * word of a "who is" question found in one person's title (in either language) names that person, also when no
 * post of the knowledge base is theirs. Two content words at least; exactly one person.
 */
/** The names of the months (folded), Danish and English. */
const MONTH_FORMS: ReadonlySet<string> = new Set([...MONTH_NAMES.da, ...MONTH_NAMES.en].map((m) => foldText(m)));

const TITLE_KINDS: ReadonlySet<string> = new Set(['holder', 'who', 'chair', 'deputy', 'definition', 'upcoming', 'before-change']);

export function answerTitledPerson(rc: RelationContext): Answer | undefined {
  const { u, kb } = rc;
  if (!(u.kinds.has('holder') || u.kinds.has('who')) || u.attributes.length > 0) return undefined;
  // Only "who is": not whom someone reports to or manages ("who works under the head of X"), nor anything else asked.
  if ([...u.kinds.keys()].some((k) => !TITLE_KINDS.has(k))) return undefined;
  if (rc.subjects.flat().some((l) => l.kind === 'people')) return undefined;
  // A post named in full is the holder answer's ("who is the head of day care"), unless a unit named with it narrows it
  // to someone whose title says both ("the deputy head at Kløverengen").
  const linked = rc.subjects.flat().filter((l) => l.quality >= 0.9);
  if (linked.some((l) => l.kind === 'roles') && !linked.some((l) => l.kind === 'units' && kb.get(l.id)?.item && (kb.get(l.id)!.item as { type?: string }).type !== 'department')) return undefined;
  // (A time the question names, "in December 2026", says when, not who: the day is checked below.)
  const timeAt = u.day !== undefined || u.range !== undefined ? rc.lexicon.timePhrases.coverage(u.tokens) : undefined;
  const content = u.tokens.filter((tok, p) => !STOPWORDS.has(tok.form) && !/^\d/.test(tok.form) && tok.form.length > 1 && !MONTH_FORMS.has(tok.form) && !timeAt?.has(p));
  if (content.length < 2) return undefined;
  const titles = titleWordsOf(kb);
  // (Every word in one part of the title: a title of several posts, "tunleder i X; fra 1. april næstleder i Y", names no
  // "næstleder i X".)
  const says = (words: ReadonlySet<string>) => content.every((tok) => words.has(tok.form) || tok.terms.some((term) => words.has(term)));
  const matching = kb.data.people.filter((p, i) => says(titles[i]!) && titlePartsOf(p).some(says));
  if (matching.length !== 1) return undefined;
  const person = matching[0]!;
  // "Who chairs CenterMED": a title that says "vice-chair of CenterMED" names another post than the one asked for.
  if (u.kinds.has('chair') && ![person.title.da, person.title.en].every((title) => chairSaidPlainly(rc, title))) return undefined;
  // (A day asked that the person's own dates leave out, "kredsleder for Skoven i 2028": not who holds it then.)
  // (Only its end: a title may say what the person is today besides the post their dates are of, "i dag daglig leder af
  // Børnegården Klitrosen" of an enhedschef from April.)
  const day = askedDayOf(rc);
  if (person.validUntil !== undefined && person.validUntil < day) return undefined;
  // "Who will stand in for the head of Vestermarken": a word of the deputy relation that the title does not say asks
  // for the relation, not for the person whose title names the rest.
  if ((u.kinds.has('deputy') || u.kinds.has('deputy-for')) && !rc.lexicon.kinds.match(analyzeText(foldText(`${person.title.da} ${person.title.en}`))).has('deputy')) return undefined;
  return done(rc, 'answer', TEXTS[u.lang].holds(person.name, person.title[u.lang]), [phrasesFor(u.lang).contactLine(person.name, person.title[u.lang], person.phone, person.email)], [person.source]);
}

const TITLE_PARTS = new WeakMap<Person, ReadonlyArray<ReadonlySet<string>>>();

/**
 * The words (forms and stems) of each part of a person's title that names a post of its own (parts split at ";"), the
 * Danish and English parts of the same place together.
 */
function titlePartsOf(person: Person): ReadonlyArray<ReadonlySet<string>> {
  let parts = TITLE_PARTS.get(person);
  if (!parts) {
    const da = person.title.da.split(';');
    const en = person.title.en.split(';');
    const aligned = da.length === en.length;
    const texts = aligned ? da.map((d, i) => `${d} ${en[i]}`) : [...da, ...en];
    parts = texts.map((text) => new Set(analyzeText(foldText(text)).flatMap((w) => [w.form, ...w.terms])));
    TITLE_PARTS.set(person, parts);
  }
  return parts;
}

/** Kinds of question that ask who or what a person is ("who is X", "what is X's job title", "hvad laver X"). */
const PERSON_KINDS: ReadonlySet<string> = new Set(['holder', 'who', 'definition', 'responsibility']);

/**
 * "Who is Kasper Thorhauge?", "what does X do for a living", "hvilken stilling har X": a person named (also through a
 * typo in the name) and nothing else asked about: their title, as the documents give it, and how to reach them.
 */
export function answerPersonRole(rc: RelationContext): Answer | undefined {
  const { u, kb, relations } = rc;
  if (u.attributes.length > 0 || u.kinds.size === 0 || ![...u.kinds.keys()].every((k) => PERSON_KINDS.has(k))) return undefined;
  if (rc.subjects.length !== 1) return undefined;
  const link = rc.subjects[0]!.find((l) => l.kind === 'people');
  if (!link || rc.subjects[0]!.length > 1) return undefined;
  const entry = kb.get(link.id);
  if (entry?.kind !== 'people') return undefined;
  // Every other word must be a cue of the question's kinds or a word that only asks.
  const cues = rc.lexicon.kinds.coverageOf(u.tokens, new Set(u.kinds.keys()));
  const loose = u.tokens.filter((tok, i) => (i < link.start || i >= link.end) && !cues.has(i) && !u.cuePositions.has(i) && !u.intentWords.has(tok.form) && tok.form.length > 2 && !STOPWORDS.has(tok.form));
  if (loose.length > 0) return undefined;
  const person = entry.item;
  const title = person.title;
  const headline =
    u.lang === 'da'
      ? `${person.name} er ${title.da}.`
      : `${person.name} is the ${title.en}${foldText(title.en).includes(foldText(title.da)) ? '' : ` (${title.da})`}.`;
  const lines = [phrasesFor(u.lang).contactLine(person.name, title[u.lang], person.phone, person.email)];
  // A post held as acting (konstitueret) now or later is part of who the person is.
  const acting = actingLines(rc, { ...person, actingAs: (person.actingAs ?? []).filter((a) => a.validUntil === undefined || a.validUntil >= rc.today) });
  if (acting.length > 0) return done(rc, 'answer', `${headline} ${acting.join('. ')}.`, lines, [person.source, ...(person.actingAs ?? []).flatMap((a) => (a.source ? [a.source] : []))]);
  if (person.role && relations.holders(person.role).includes(person)) {
    const roleName = name(kb, person.role, u.lang, false);
    if (!foldText(headline).includes(foldText(roleName))) lines.push(capitalize(roleName));
  }
  // A post the person begins later (`posts`, or their `role` from a later day), in one line: "Fra 1. august 2027: ...".
  const next = rc.queries.holdingsOf(person.id).filter((h) => h.validFrom !== undefined && h.validFrom > rc.today).sort((a, b) => a.validFrom!.localeCompare(b.validFrom!))[0];
  if (next) {
    const post = name(kb, next.role, u.lang, false);
    const unit = next.unit === undefined ? undefined : name(kb, next.unit, u.lang, false);
    const where = unit && !foldText(post).includes(foldText(unit)) ? ` (${unit})` : '';
    lines.unshift(`${u.lang === 'da' ? 'Fra' : 'From'} ${shortDate(next.validFrom!, u.lang)}: ${post}${where}.`);
    return done(rc, 'answer', headline, lines, [person.source, next.source]);
  }
  return done(rc, 'answer', headline, lines, [person.source]);
}

/** The posts whose official name is a post's name made specific ("enhedschef for Enhed Strand" for "enhedschef"). */
function specificRoles(rc: RelationContext, roleId: string): string[] {
  const role = rc.kb.get(roleId);
  if (role?.kind !== 'roles') return [];
  const base = foldText(role.item.name);
  return rc.kb.data.roles.filter((r) => r.id !== roleId && foldText(r.name).startsWith(`${base} `)).map((r) => r.id);
}
