/**
 * Answers from the model's finer fields: acting holders of a post (`people[].actingAs`), a unit's parent over
 * time (`units[].parents`) and the units under a unit on a day, and a policy's adoption and time in force
 * (`adoptedBy`, `adoptedOn`, `inForceFrom`, `inForceUntil`). Each answers only where the knowledge base holds
 * such a field for what the question names, so a knowledge base without them is answered as before.
 */
import type { RoleHolder } from '../../knowledge/queries.js';
import type { AppliesTo, Person, Policy, Source } from '../../knowledge/schemas.js';
import { capitalize, joinList, phrasesFor } from '../phrases.js';
import { foldText, STOPWORDS, termsOf } from '../normalize.js';
import { namesOf } from '../facts.js';
import { unknownWith } from './partly-known.js';
import type { Answer, Lang } from '../types.js';
import type { Link } from '../linking.js';
import { shortDate, unique } from '../answer-context.js';
import { askedDayOf, done, listedKindAt, name, subjectsOf, type RelationContext } from './context.js';
import { rolesByNameStart } from './role-name-starts.js';
import { policyStatementAnswers } from './policies.js';

/** The question words each answer of this file explains by what it is (its cue words), by answer. */
const OWN_CUES = new WeakMap<Answer, ReadonlySet<number>>();

/**
 * The positions of the question's words that an answer of this file explains by what it answers: the words for acting,
 * adopting, taking effect or being part of, and the kind of thing a "which" asks for ("which unit", "hvilke
 * institutioner"). The floor counts them as cues, as it does the cues of the question's kinds.
 */
export function ownCuePositions(answer: Answer): ReadonlySet<number> | undefined {
  return OWN_CUES.get(answer);
}

/** Records question words another answerer explains by what it answers (the words a figure counts: "places" for "room for 80"; "referatet" answered by the minutes' contact). */
export function explainsWords(answer: Answer, positions: Iterable<number>): Answer {
  OWN_CUES.set(answer, new Set([...(OWN_CUES.get(answer) ?? []), ...positions]));
  return answer;
}

function withCues(rc: RelationContext, answer: Answer, sets: ReadonlyArray<{ coverage(tokens: RelationContext['u']['tokens']): ReadonlySet<number> }>, listed = false): Answer {
  const positions = new Set<number>(sets.flatMap((set) => [...set.coverage(rc.u.tokens)]));
  if (listed) for (const p of listedKindAt(rc)) positions.add(p);
  OWN_CUES.set(answer, positions);
  return answer;
}

/** The phrases of this file, in both languages. */
const SAY = {
  da: {
    acting: 'konstitueret',
    actingAs: (person: string, role: string, period: string) => `${person} er konstitueret ${role}${period}.`,
    holders: (role: string, people: string) => `${capitalize(role)}: ${people}.`,
    from: (day: string) => `fra ${day}`,
    until: (day: string) => `til og med ${day}`,
    on: (day: string) => `Pr. ${day}`,
    fromDay: (day: string) => `Fra ${day}`,
    partOf: (unit: string, parent: string) => `${capitalize(unit)} hører under ${parent}.`,
    partOfNotSaid: (unit: string, asked: string) => `Dokumenterne nævner ${unit}, men ikke, ${asked} det hører under.`,
    partOfFrom: (unit: string, parent: string, day: string) => `Fra ${day} hører ${unit} under ${parent}.`,
    partOfOn: (unit: string, parent: string, day: string) => `Pr. ${day} hører ${unit} under ${parent}.`,
    chain: (path: string) => `Hele vejen op: ${path}.`,
    under: (unit: string, list: string) => `Under ${unit} ligger ${list}.`,
    underOn: (unit: string, list: string, day: string) => `Pr. ${day} ligger under ${unit}: ${list}.`,
    nothingUnder: (unit: string, day: string) => `Pr. ${day} ligger der ingen enheder under ${unit} i dokumenterne.`,
    joins: (list: string, day: string) => `Fra ${day} kommer ${list} med.`,
    leaves: (list: string, day: string) => `Fra ${day} hører ${list} ikke længere under.`,
    adoptedBy: (policy: string, body: string, day?: string) => `${capitalize(policy)} blev vedtaget af ${body}${day ? ` den ${day}` : ''}.`,
    adoptedOn: (policy: string, day: string) => `${capitalize(policy)} blev vedtaget den ${day}.`,
    inForce: (policy: string, from?: string, until?: string) =>
      `${capitalize(policy)} gælder${from ? ` fra ${from}` : ''}${until ? ` til og med ${until}` : ''}.`,
  },
  en: {
    acting: 'acting',
    actingAs: (person: string, role: string, period: string) => `${person} is acting ${role}${period}.`,
    holders: (role: string, people: string) => `${capitalize(role)}: ${people}.`,
    from: (day: string) => `from ${day}`,
    until: (day: string) => `until ${day}`,
    on: (day: string) => `On ${day}`,
    fromDay: (day: string) => `From ${day}`,
    partOf: (unit: string, parent: string) => `${capitalize(unit)} is part of ${parent}.`,
    partOfNotSaid: (unit: string, asked: string) => `The documents name ${unit} but do not say ${asked} it is part of.`,
    partOfFrom: (unit: string, parent: string, day: string) => `From ${day}, ${unit} is part of ${parent}.`,
    partOfOn: (unit: string, parent: string, day: string) => `On ${day}, ${unit} is part of ${parent}.`,
    chain: (path: string) => `All the way up: ${path}.`,
    under: (unit: string, list: string) => `Under ${unit}: ${list}.`,
    underOn: (unit: string, list: string, day: string) => `On ${day}, under ${unit}: ${list}.`,
    nothingUnder: (unit: string, day: string) => `On ${day}, the documents place no units under ${unit}.`,
    joins: (list: string, day: string) => `From ${day}, ${list} joins.`,
    leaves: (list: string, day: string) => `From ${day}, ${list} is no longer part of it.`,
    adoptedBy: (policy: string, body: string, day?: string) => `${capitalize(policy)} was adopted by ${body}${day ? ` on ${day}` : ''}.`,
    adoptedOn: (policy: string, day: string) => `${capitalize(policy)} was adopted on ${day}.`,
    inForce: (policy: string, from?: string, until?: string) =>
      `${capitalize(policy)} applies${from ? ` from ${from}` : ''}${until ? ` until ${until}` : ''}.`,
  },
} as const;

/** " fra 1. februar 2027 til og med 31. juli 2027" / "" for an open period. */
export function periodText(lang: Lang, period: { readonly validFrom?: string | undefined; readonly validUntil?: string | undefined }): string {
  const s = SAY[lang];
  const from = period.validFrom === undefined ? undefined : shortDate(period.validFrom, lang);
  const until = period.validUntil === undefined ? undefined : shortDate(period.validUntil, lang);
  if (from && until) return ` ${s.from(from)} ${s.until(until)}`;
  if (from) return ` ${s.from(from)}`;
  if (until) return ` ${s.until(until)}`;
  return '';
}

/** "Maja Friis Holt (konstitueret fra 1. februar 2027 til og med 31. juli 2027)" for an acting holder, else the name. */
export function holderName(lang: Lang, holder: RoleHolder): string {
  // A holder on leave keeps the post: said with the leave ("Henrik Lund Pallesen (på orlov til og med 31. juli 2027)").
  if (holder.leave) {
    const what = holder.leave.kind === 'absence' ? (lang === 'da' ? 'fraværende' : 'absent') : lang === 'da' ? 'på orlov' : 'on leave';
    return `${holder.person.name} (${what}${periodText(lang, { validUntil: holder.leave.validUntil })})`;
  }
  if (!holder.acting) return holder.person.name;
  return `${holder.person.name} (${SAY[lang].acting}${periodText(lang, holder.acting)})`;
}

/** A role's name inside a sentence: lower-case first letter unless it is a proper name ("Distriktsleder for ..."). */
function roleWords(rc: RelationContext, id: string): string {
  const text = name(rc.kb, id, rc.u.lang, false);
  return /^[A-ZÆØÅ][a-zæøå]+(?: |$)/.test(text) && !/^[A-ZÆØÅ][a-zæøå]+ [A-ZÆØÅ]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** The posts a question names: roles it names (also the posts whose name makes the one named specific), and the posts that lead a unit it names. */
function namedPosts(rc: RelationContext): { posts: string[]; unit: string | undefined } {
  const { kb, relations } = rc;
  const unit = rc.subjects.flat().find((l) => l.kind === 'units' && l.quality >= 0.9)?.id;
  const roles = subjectsOf(rc, ['roles']).flatMap((g) => g.filter((l) => l.quality >= 0.9).map((l) => l.id));
  const specific = (id: string) => {
    const role = kb.get(id);
    if (role?.kind !== 'roles') return [];
    const base = foldText(role.item.name);
    // (Only the roles whose name begins with the same words, from the index made once per knowledge base.)
    return (rolesByNameStart(kb).get(base) ?? []).filter((r) => r !== id && foldText((kb.get(r)!.item as { name: string }).name).startsWith(`${base} `));
  };
  let posts = unique([...roles, ...roles.flatMap(specific)]);
  if (unit !== undefined) {
    const here = (id: string) => relations.leadersOf(unit).includes(id) || (kb.get(id)?.item as { unit?: string } | undefined)?.unit === unit;
    const leaders = relations.leadersOf(unit);
    posts = posts.length > 0 ? posts.filter(here) : [...leaders];
  }
  return { posts, unit };
}

/**
 * "Hvem er konstitueret distriktsleder i Bakken?", "who is acting head of Unit Midtby", and any "who is <post>" of a
 * post someone holds as acting at some time: the holders on the day asked (today by default), the acting ones marked
 * with their period (an acting period still to come only when no one holds the post on that day).
 */
export function answerActingHolders(rc: RelationContext): Answer | undefined {
  const { u, queries } = rc;
  if (u.attributes.length > 0) return undefined;
  const actingSaid = rc.lexicon.actingWords.match(u.tokens).size > 0;
  const holderAsked = u.kinds.has('holder') || u.kinds.has('leader') || (u.kinds.has('who') && [...u.kinds.keys()].every((k) => k === 'who'));
  if (!actingSaid && !holderAsked) return undefined;
  // Asked in so many words for the acting holder, a stray cue ("acting" is also a word of laws) does not count.
  const allowed = actingSaid ? (k: string) => !k.startsWith('reporting') && !['contact', 'deputy', 'deputy-for', 'membership', 'responsibility'].includes(k) : (k: string) => ['holder', 'who', 'leader', 'upcoming', 'before-change', 'after-change', 'change-compare', 'definition', 'when'].includes(k);
  if (![...u.kinds.keys()].every(allowed)) return undefined;
  if (rc.subjects.flat().some((l) => l.kind === 'people' || l.kind === 'meetings' || l.kind === 'leadershipGroups')) return undefined;
  const { posts } = namedPosts(rc);
  const withActing = posts.filter((id) => queries.actingHoldersOf(id).length > 0);
  if (withActing.length === 0) return undefined;
  const s = SAY[u.lang];
  // "Hvem bliver leder af Enhed Midtby?": asked for the state after a coming change and naming no day, the day the
  // next holder of one of the posts begins.
  const nextStart = (role: string) =>
    queries
      .actingHoldersOf(role)
      .flatMap((person) => queries.actingOf(person.id, role).map((entry) => entry.validFrom))
      .filter((from): from is string => from !== undefined && from > rc.today)
      .sort()[0];
  const comingDay = u.kinds.has('after-change') && !u.day && !u.range ? posts.map(nextStart).filter((d): d is string => d !== undefined).sort()[0] : undefined;
  const day = comingDay ?? askedDayOf(rc);
  const sources: Source[] = [];
  // Asked for the acting holder in so many words: each acting period of those posts, the one that holds on the day first.
  if (actingSaid) {
    const periods = withActing.flatMap((role) =>
      queries.actingHoldersOf(role).flatMap((person) => queries.actingOf(person.id, role).map((entry) => ({ role, person, entry }))),
    );
    const ordered = [
      ...periods.filter((p) => (p.entry.validFrom ?? '') <= day && (p.entry.validUntil ?? '9999') >= day),
      ...periods.filter((p) => (p.entry.validFrom ?? '') > day),
      ...periods.filter((p) => (p.entry.validUntil ?? '9999') < day),
    ];
    const sentences = unique(ordered.map((p) => s.actingAs(p.person.name, roleWords(rc, p.role), periodText(u.lang, p.entry))));
    sources.push(...ordered.map((p) => p.entry.source ?? p.person.source));
    const contact = unique(ordered.map((p) => p.person)).map((p: Person) => phrasesFor(u.lang).contactLine(p.name, p.title[u.lang], p.phone, p.email));
    return withCues(rc, done(rc, 'answer', sentences[0]!, [...sentences.slice(1), ...contact], unique(sources)), [rc.lexicon.actingWords, rc.lexicon.leaderWords]);
  }
  // Asked who holds the post: who holds it on the day, acting ones marked, and an acting period still to come (for
  // every post named, "the unit heads": each unit's head, also those without an acting one).
  const parts = posts.map((role) => {
    const now = queries.roleHoldersOn(role, day);
    const coming = queries
      .actingHoldersOf(role)
      .flatMap((person) => queries.actingOf(person.id, role).filter((entry) => entry.validFrom !== undefined && entry.validFrom > day).map((entry) => ({ person, entry })));
    sources.push(...now.map((h) => h.acting?.source ?? h.person.source), ...coming.map((c) => c.entry.source ?? c.person.source));
    const headline = now.length > 0 ? s.holders(name(rc.kb, role, u.lang, false), joinList(now.map((h) => holderName(u.lang, h)), u.lang)) : undefined;
    const later = coming.map((c) => `${s.fromDay(shortDate(c.entry.validFrom!, u.lang))}: ${s.actingAs(c.person.name, roleWords(rc, role), periodText(u.lang, { validUntil: c.entry.validUntil }))}`);
    return { headline, later, people: now.map((h) => h.person) };
  });
  const answered = parts.filter((p) => p.headline !== undefined || p.later.length > 0);
  if (answered.length === 0) return undefined;
  const headline = answered.map((p) => p.headline ?? p.later[0]!).join(' ');
  // Someone acting only later is not who holds the post on the day asked: named only when no one holds it then.
  const lines = answered.flatMap((p) => (p.headline ? [] : p.later.slice(1)));
  const people = unique(answered.flatMap((p) => p.people)).map((p) => phrasesFor(u.lang).contactLine(p.name, p.title[u.lang], p.phone, p.email));
  return withCues(rc, done(rc, 'answer', day === rc.today ? headline : `${s.on(shortDate(day, u.lang))}: ${headline}`, [...lines, ...people], unique(sources)), [rc.lexicon.actingWords, rc.lexicon.leaderWords]);
}

/** The participants of a meeting, or members of a group, that the documents describe in words: "de valgte medarbejderrepræsentanter (efter behov)". */
export function describedNames(rc: RelationContext, id: string): string[] {
  return rc.queries.describedParticipantsOf(id).map((p) => {
    const note = p.note ? p.note[rc.u.lang] : p.asNeeded ? (rc.u.lang === 'da' ? 'efter behov' : 'as needed') : undefined;
    const where = p.appliesTo?.text ? p.appliesTo.text[rc.u.lang] : undefined;
    const extra = [note, where].filter((x): x is string => x !== undefined);
    return `${p.text[rc.u.lang]}${extra.length > 0 ? ` (${extra.join(', ')})` : ''}`;
  });
}

/** Where a line applies, to follow it in parentheses: " (i de selvejende institutioner)"; empty where it applies everywhere. */
export function scopeSuffix(rc: RelationContext, appliesTo: AppliesTo | undefined): string {
  if (!appliesTo) return '';
  if (appliesTo.text) return ` (${appliesTo.text[rc.u.lang]})`;
  if (appliesTo.units.length === 0) return '';
  return ` (${rc.u.lang === 'da' ? 'i' : 'in'} ${joinList(appliesTo.units.map((id) => name(rc.kb, id, rc.u.lang, false)), rc.u.lang)})`;
}

/** A person's acting periods, as lines ("Konstitueret distriktsleder for Distrikt Bakken fra ... til og med ..."). */
export function actingLines(rc: RelationContext, person: Person): string[] {
  return (person.actingAs ?? []).map((entry) => capitalize(`${SAY[rc.u.lang].acting} ${roleWords(rc, entry.role)}${periodText(rc.u.lang, entry)}`));
}

/**
 * Which way a word for being part of a unit asks, by where the unit is named: ending by the cue's last word its parent
 * ("hvad hører dagplejen under", "which district is the day care part of"), after it what is under it.
 */
function partOfAsked(rc: RelationContext, unitEnd: number): 'up' | 'down' | undefined {
  const match = rc.lexicon.partOfWords.match(rc.u.tokens).get('part-of');
  if (!match || match.positions.length === 0) return undefined;
  // (By where the name ends: a loose reading of a name may take in the cue's words, "units are under Enhed Hede".)
  return unitEnd - 1 > Math.max(...match.positions) ? 'down' : 'up';
}

/**
 * The kind of unit a "which" asks for before or after the unit's name ("hvilket kvarter", "which team"): the word right
 * after the lexicon's which-word, as the user wrote it with the which-word, and its terms.
 */
function askedKindWord(rc: RelationContext, link: { start: number; end: number }): { asked: string; terms: readonly string[] } | undefined {
  const { u } = rc;
  const which = rc.lexicon.whichWords.coverage(u.tokens);
  for (const p of [...which].sort((a, b) => a - b)) {
    const next = p + 1;
    if (which.has(next) || next >= u.tokens.length || (next >= link.start && next < link.end)) continue;
    const token = u.tokens[next]!;
    if (STOPWORDS.has(token.form) || rc.lexicon.partOfWords.match([token]).size > 0) continue;
    return { asked: `${u.tokens[p]!.form} ${token.form}`, terms: token.terms };
  }
  return undefined;
}

/** A date named without asking when: the state on that day is asked, not a date. */
function onlyDayNamed(rc: RelationContext): boolean {
  return (rc.u.day !== undefined || rc.u.range !== undefined) && !rc.u.askedWhen && rc.u.dateKinds.size === 0;
}

/** True when a unit's parent changes over time (it has dated parents), or a unit moves under it or away from it. */
function movesAround(rc: RelationContext, unitId: string): boolean {
  return rc.kb.data.units.some((unit) => (unit.parents ?? []).length > 0 && (unit.id === unitId || unit.parent === unitId || (unit.parents ?? []).some((p) => p.ref === unitId)));
}

/**
 * "Hvem hører dagplejen under?", "which unit is the family day care part of from May 2027?": of a unit whose parent
 * changes on a date (dated `parents`), or asked what it is part of in so many words, and that has no reporting line of
 * its own, the parent on the day asked, the coming change in one line, and the chain of parents on that day.
 */
export function answerUnitParent(rc: RelationContext): Answer | undefined {
  const { u, kb, queries, relations } = rc;
  // (A word for a kind of unit that names several units and a concept alike, "which network": the kind asked for, no unit.)
  // (So is one right after a which-word that names several units, "which district": "hvilket distrikt hører X til".)
  let whichAt: ReadonlySet<number> | undefined;
  const kindWord = (g: readonly Link[]) =>
    g.length > 1 && ((whichAt ??= rc.lexicon.whichWords.coverage(rc.u.tokens)).has(g[0]!.start - 1) || rc.subjects.some((o) => o.some((l) => l.kind === 'concepts' && l.quality >= 0.9 && l.start === g[0]!.start && l.end === g[0]!.end)));
  const unitGroups = subjectsOf(rc, ['units']);
  const groups = unitGroups.some((g) => g.length > 1) ? unitGroups.filter((g) => !kindWord(g)) : unitGroups;
  // (A programme named besides the unit, "is Havnen part of Sprogkufferten", is what it is asked to be part of.)
  if (groups.length !== 1 || rc.subjects.flat().some((l) => (l.kind === 'roles' || l.kind === 'people' || l.kind === 'programmes') && l.quality >= 0.9)) return undefined;
  const link = groups[0]![0]!;
  const partOf = partOfAsked(rc, link.end);
  if (partOf === 'down' || !(partOf === 'up' || u.direction === 'up' || u.kinds.has('reporting-up') || u.kinds.has('reporting-chain'))) return undefined;
  // "Hvem refererer dagplejen til?" of a unit whose leader has a reporting line asks for that line (the reporting answer).
  if (partOf === undefined && relations.leadersOf(link.id).some((role) => relations.up(role).length > 0)) return undefined;
  if (u.intents.has('dates') && !onlyDayNamed(rc)) return undefined;
  const unit = kb.get(link.id);
  // (A unit with one undated parent is answered when the question asks what it is part of in so many words; when it
  // asks which, not who ("hvilken enhed hører Grankoglen til", "which team is Hasselbo part of"), the kind of unit asked
  // for must fit the unit above, below.)
  const parentKnown = (unit?.kind === 'units' && (unit.item.parents ?? []).length > 0) || (partOf === 'up' && unit?.kind === 'units' && unit.item.parent !== undefined);
  const staticAsked = partOf === 'up' && !u.askedWho && unit?.kind === 'units' && unit.item.parent !== undefined;
  if (link.quality < 0.9 || unit?.kind !== 'units' || !parentKnown || relations.up(link.id).length > 0) return undefined;
  const s = SAY[u.lang];
  const day = askedDayOf(rc);
  let parent = queries.parentOn(link.id, day);
  // "Hvilket kvarter hører Myretuen til": the kind of unit asked for names the unit above that answers; one above of
  // another kind ("Dagtilbud Hvidmose") does not say it.
  if (staticAsked && (unit.item.parents ?? []).length === 0) {
    const kindWord = askedKindWord(rc, link);
    if (kindWord) {
      const above: string[] = [];
      for (let current = parent; current !== undefined && !above.includes(current) && above.length < 8; current = kb.get(current)?.kind === 'units' ? queries.parentOn(current, day) : undefined) above.push(current);
      const fits = above.find((id) => {
        const entry = kb.get(id);
        const names = entry ? namesOf(entry).flatMap((n) => [...termsOf(n)]) : [];
        return kindWord.terms.some((t) => names.some((n) => n === t || (t.length >= 3 && n.length >= t.length + 3 && n.endsWith(t))));
      });
      if (!fits) return unknownWith(rc, s.partOfNotSaid(name(kb, link.id, u.lang, false), kindWord.asked));
      parent = fits;
    }
  }
  const change = u.day ? undefined : queries.nextParentChange(link.id, day);
  const unitName = name(kb, link.id, u.lang, true);
  const sources: Source[] = [];
  const entryOn = (d: string) => (unit.item.parents ?? []).find((p) => (p.validFrom ?? '') <= d && (p.validUntil ?? '9999') >= d);
  sources.push(entryOn(day)?.source ?? unit.item.source);
  let headline: string;
  if (parent === undefined) {
    if (!change?.parent) return undefined;
    headline = s.partOfFrom(unitName, name(kb, change.parent, u.lang, false), shortDate(change.date, u.lang));
  } else {
    headline = day === rc.today ? s.partOf(unitName, name(kb, parent, u.lang, false)) : s.partOfOn(unitName, name(kb, parent, u.lang, false), shortDate(day, u.lang));
  }
  const lines: string[] = [];
  if (parent !== undefined && change?.parent !== undefined) {
    lines.push(s.partOfFrom(unitName, name(kb, change.parent, u.lang, false), shortDate(change.date, u.lang)));
    sources.push(change.source);
  }
  // The units above on that day, one step at a time.
  const path: string[] = [];
  for (let current = parent; current !== undefined && !path.includes(current) && path.length < 8; current = kb.get(current)?.kind === 'units' ? queries.parentOn(current, day) : undefined) path.push(current);
  if (path.length > 1) lines.push(s.chain([name(kb, link.id, u.lang, false), ...path.map((id) => name(kb, id, u.lang, false))].join(' → ')));
  for (const decision of queries.decisionsChanging(link.id).slice(0, 1)) {
    lines.push(decision.decided[0]![u.lang]);
    sources.push(decision.decided[0]!.source);
  }
  return withCues(rc, done(rc, 'answer', headline, lines, unique(sources)), [rc.lexicon.partOfWords], true);
}

/**
 * "Hvilke enheder ligger under Enhed Hede fra 1. maj 2027?", "what is part of District Engen": of a unit that units
 * move under or away from on a date, the units under it on the day asked, and who joins or leaves later.
 */
export function answerUnitsUnder(rc: RelationContext): Answer | undefined {
  const { u, kb, queries } = rc;
  if (rc.subjects.flat().some((l) => l.kind !== 'units' && l.kind !== 'municipalities' && l.quality >= 0.9)) return undefined;
  const groups = subjectsOf(rc, ['units']);
  if (groups.length !== 1) return undefined;
  const link = groups[0]![0]!;
  const partOf = partOfAsked(rc, link.end);
  const asksList = partOf === 'down' || u.direction === 'down' || u.intents.has('membership') || rc.lexicon.whichWords.match(u.tokens).size > 0 || rc.lexicon.listWords.match(u.tokens).size > 0;
  if (!asksList || partOf === 'up' || u.direction === 'up' || u.intents.has('figure') || u.intents.has('leader') || u.intents.has('holder')) return undefined;
  // ("What does Tilsyn og Analyse do": asked what a unit does, with no word asking what is part of it, its tasks answer.)
  if (u.intents.has('responsibility') && partOf !== 'down' && u.direction !== 'down') return undefined;
  if (u.intents.has('dates') && !onlyDayNamed(rc)) return undefined;
  if (link.quality < 0.9 || !movesAround(rc, link.id)) return undefined;
  // Only a unit that units move under or away from, and only when no moved unit is the one asked about.
  if (!kb.data.units.some((unit) => unit.id !== link.id && ((unit.parents ?? []).some((p) => p.ref === link.id) || ((unit.parents ?? []).length > 0 && unit.parent === link.id)))) return undefined;
  const s = SAY[u.lang];
  const day = askedDayOf(rc);
  const now = queries.childrenOn(link.id, day);
  const unitName = name(kb, link.id, u.lang, false);
  const listed = joinList(now.map((c) => name(kb, c.id, u.lang, false)), u.lang);
  // Fewer units named than a count says there are: the ones named are some of them.
  const partial = queries.figuresOn(link.id, day).some(({ figure }) => ['institutions', 'facilities', 'houses'].includes(figure.metric) && figure.value > now.length);
  const list = partial ? `${u.lang === 'da' ? 'blandt andre' : 'among others'} ${listed}` : listed;
  const headline = now.length === 0 ? s.nothingUnder(unitName, shortDate(day, u.lang)) : day === rc.today ? s.under(unitName, list) : s.underOn(unitName, list, shortDate(day, u.lang));
  // Who joins or leaves later: the next day the list changes.
  const changes = unique(
    kb.data.units
      .flatMap((unit) => (unit.parents ?? []).flatMap((p) => [p.validFrom, p.validUntil === undefined ? undefined : addDay(p.validUntil)]))
      .filter((d): d is string => d !== undefined && d > day),
  ).sort();
  const lines: string[] = [];
  const sources: Source[] = [kb.get(link.id)!.item.source, ...now.map((c) => c.source)];
  // A count the documents state for the unit on that day ("Fællesledelse Mosen har 5 institutioner") may name more
  // units than the knowledge base lists: the count says how many there are.
  const counts = queries.figuresOn(link.id, day).filter(({ figure }) => ['institutions', 'facilities', 'houses', 'clusters', 'districts'].includes(figure.metric));
  for (const { figure } of counts) {
    lines.push(capitalize(figure.text[u.lang]));
    sources.push(figure.source);
  }
  for (const date of changes) {
    const later = queries.childrenOn(link.id, date);
    const joins = later.filter((c) => !now.some((n) => n.id === c.id));
    const leaves = now.filter((c) => !later.some((n) => n.id === c.id));
    if (joins.length === 0 && leaves.length === 0) continue;
    if (joins.length > 0) lines.push(s.joins(joinList(joins.map((c) => name(kb, c.id, u.lang, false)), u.lang), shortDate(date, u.lang)));
    if (leaves.length > 0) lines.push(s.leaves(joinList(leaves.map((c) => name(kb, c.id, u.lang, false)), u.lang), shortDate(date, u.lang)));
    for (const c of [...joins, ...leaves]) {
      const entry = (c.parents ?? []).find((p) => p.validFrom === date || (p.validUntil !== undefined && addDay(p.validUntil) === date));
      if (entry?.source) sources.push(entry.source);
    }
    break;
  }
  return withCues(rc, done(rc, 'answer', headline, lines, unique(sources).slice(0, 4)), [rc.lexicon.partOfWords], true);
}

function addDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/**
 * "Hvem vedtog legepladspolitikken?", "when was the meal policy adopted?", "fra hvornår gælder politikken?": a policy
 * named that records who adopted it, when, or from when it applies: the fields asked, the others in a line.
 */
export function answerPolicyAdoption(rc: RelationContext): Answer | undefined {
  const { u, kb } = rc;
  const link = subjectsOf(rc, ['policies'])[0]?.[0];
  if (!link || link.quality < 0.75) return undefined;
  // (A word many items share, "which committee", names none of them; a group of readings that holds the body that
  // adopted the policy names that body.)
  const otherNamed = (g: readonly Link[]) => new Set(g.map((l) => l.id)).size === 1 && !g.some((l) => isBody(rc, l.id, link.id));
  if (rc.subjects.some((g) => otherNamed(g) && g.some((l) => ['roles', 'units', 'people', 'postings'].includes(l.kind) && l.quality >= 0.9))) return undefined;
  const policy = kb.get(link.id)!.item as Policy;
  if (policy.adoptedBy === undefined && policy.adoptedOn === undefined && policy.inForceFrom === undefined && policy.inForceUntil === undefined) return undefined;
  // "Was it adopted unanimously", "who voted against the policy": how the vote went is an attribute of the decision that
  // adopted it, which the decision answer states first; the adoption's day and body do not answer it. (Asked who or when
  // adopted it as well, the adoption answers, with the vote beside it.)
  const voteAsks = rc.lexicon.decisionWords.match(u.tokens);
  const adoptionToo = rc.lexicon.adoptWords.match(u.tokens).size > 0 && (u.kinds.has('who') || u.askedWho || u.askedWhen || u.kinds.has('when'));
  if (!adoptionToo && VOTE_ASKS.some((a) => voteAsks.has(a)) && rc.queries.decisionsChanging(policy.id).some((d) => d.vote !== undefined)) return undefined;
  const effectSaid = rc.lexicon.effectWords.match(u.tokens).size > 0 || u.kinds.has('after-change');
  // Only a word for adopting asks about the adoption: what a body decided about the policy is the decision answer's.
  const adoptSaid = rc.lexicon.adoptWords.match(u.tokens).size > 0;
  const who = u.kinds.has('who') || u.askedWho;
  const when = u.askedWhen || u.kinds.has('when') || u.intents.has('dates');
  if (!adoptSaid && !effectSaid && !when) return undefined;
  // "Hvem gælder politikken for?": asked who without a word for adopting asks whom it applies to, not from when.
  if (!adoptSaid && who) return undefined;
  if (!adoptSaid && !effectSaid && !(when && policy.inForceFrom !== undefined)) return undefined;
  // "Hvor lang tid varer kurset om digital dannelse", "when must the kids be checked under the sleep policy": words
  // besides the policy's name and the words asking when it applies that one of its statements says ask about that
  // statement's subject, not about the policy's own dates: the statements answer (policies.ts).
  if (!adoptSaid && !effectSaid && policyStatementAnswers(rc, policy, link)) return undefined;
  // "When does the phone-free guideline get evaluated": a kind of date named that the policy has a dated entry of asks for
  // that entry (the dates answer), not for the policy's adoption or its first day in force.
  if (!adoptSaid && !effectSaid && rc.relations.dates(policy.id).some((d) => u.dateKinds.has(d.kind))) return undefined;
  const s = SAY[u.lang];
  const title = name(kb, link.id, u.lang, false);
  const body = policy.adoptedBy === undefined ? undefined : name(kb, policy.adoptedBy, u.lang, true);
  const adopted = policy.adoptedOn === undefined ? undefined : shortDate(policy.adoptedOn, u.lang);
  const adoption = body ? s.adoptedBy(title, body, adopted) : adopted ? s.adoptedOn(title, adopted) : undefined;
  const force =
    policy.inForceFrom !== undefined || policy.inForceUntil !== undefined
      ? s.inForce(title, policy.inForceFrom && shortDate(policy.inForceFrom, u.lang), policy.inForceUntil && shortDate(policy.inForceUntil, u.lang))
      : undefined;
  // What is asked leads: who or when it was adopted, or from when it applies.
  const adoptionAsked = adoptSaid && (who || when || !effectSaid);
  if (adoptionAsked && (who ? body === undefined : adoption === undefined)) return undefined;
  if (!adoptionAsked && force === undefined) return undefined;
  const [headline, other] = adoptionAsked ? [adoption!, force] : [force!, adoption];
  const sources = [policy.adoptionSource ?? policy.source];
  // The decision that adopted it, where the minutes are encoded: how the vote went.
  const decision = rc.queries.decisionsChanging(policy.id).find((d) => policy.adoptedBy === undefined || d.body === policy.adoptedBy);
  const vote = decision?.vote?.text?.[u.lang];
  if (decision) sources.push(decision.source);
  return withCues(rc, done(rc, 'answer', headline, [...(other ? [other] : []), ...(vote ? [vote] : [])], sources), [rc.lexicon.adoptWords, rc.lexicon.effectWords]);
}

/** What a question about a decision's vote asks (the decision words' kinds). */
const VOTE_ASKS = ['for', 'against', 'abstained', 'unanimous', 'vote'] as const;

/** True when an item is the body that adopted the policy (named in the question beside it: "did the committee adopt it"). */
function isBody(rc: RelationContext, id: string, policyId: string): boolean {
  const policy = rc.kb.get(policyId)?.item as Policy | undefined;
  return policy?.adoptedBy === id;
}
