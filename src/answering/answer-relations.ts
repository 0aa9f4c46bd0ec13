/**
 * Answers read straight off the knowledge base's relations, for the items the question names:
 * reporting lines (up, down, the whole chain), who leads what, members and participants, tasks,
 * contacts of a posting, figures by metric, policies by role/unit/municipality, a period's dates,
 * and what the documents do not say about a person (phone, salary). Each returns undefined when
 * the question is not of its kind or names nothing it can answer for, and the general search
 * takes over.
 */
import type { KbItem, KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { DateEntry, Figure, Person, Source } from '../knowledge/schemas.js';
import { addDays, formatPartialDate, toLocalDate } from '../time/format-date.js';
import { displayName } from './facts.js';
import type { Link } from './linking.js';
import type { Attribute, Lexicon } from './lexicon/lexicon.js';
import { capitalize, joinList, phrasesFor } from './phrases.js';
import type { Relations } from './relations.js';
import type { KnowledgeQueries } from '../knowledge/queries.js';
import type { Answer, AnswererOptions, Lang } from './types.js';
import { fitsDateKind, type Understanding } from './understand.js';
import { composeAnswer, nameOf, shortDate, unique, unknown as unknownAnswer, type Context } from './answer-context.js';

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
  /** The municipalities the question names. */
  readonly municipalities: ReadonlySet<string>;
  /** The time-aware queries of the knowledge model. */
  readonly queries: KnowledgeQueries;
  /** Today in Copenhagen (the injected clock). */
  readonly today: string;
}

const TEXTS = {
  da: {
    chainHeadline: (subject: string, chain: string) => `Linjen over ${subject}: ${chain}.`,
    chainStep: (from: string, to: string) => `${capitalize(from)} refererer til ${to}.`,
    top: (item: string) => `${capitalize(item)} er øverst i de linjer, dokumenterne beskriver.`,
    reportsToMany: (from: string, to: string) => `${capitalize(from)} refererer til ${to}.`,
    reportsToShort: (to: string) => `refererer til ${to}.`,
    conditionalLine: (condition: string, to: string) => `${capitalize(condition)}: refererer til ${to}.`,
    noOneReports: (to: string) => `Dokumenterne nævner ingen, der refererer til ${to}.`,
    staffOf: (person: string, role: string, froms: string) => `${person} er ${role}. Til ${role} refererer: ${froms}.`,
    leads: (role: string, units: string) => `${capitalize(role)} leder ${units}.`,
    holds: (person: string, role: string) => `${person} er ${role}.`,
    ledBy: (unit: string, leaders: string) => `${capitalize(unit)} ledes af ${leaders}.`,
    members: (group: string, list: string) => `${capitalize(group)}: ${list}.`,
    participants: (meeting: string, list: string) => `I ${meeting} deltager ${list}.`,
    noMembers: (group: string) => `Dokumenterne nævner ikke, hvem der deltager i ${group}.`,
    inUnit: (unit: string, list: string) => `I ${unit} er: ${list}.`,
    tasks: (subject: string) => `${capitalize(subject)} har blandt andet disse opgaver:`,
    contacts: (about: string, list: string) => `Om ${about} kan du kontakte ${list}.`,
    figure: (owner: string, text: string) => `${capitalize(owner)}: ${text}.`,
    policies: (subject: string, list: string) => `${capitalize(subject)} skal kende ${list}.`,
    policiesIn: (place: string, list: string) => `I ${place} gælder ${list}.`,
    period: (count: number, period: string) => (count === 1 ? `Én dato ${period}:` : `${count} datoer ${period}:`),
    noPeriod: (period: string) => `Jeg kender ingen datoer ${period}.`,
    inPeriod: (month: string) => `i ${month}`,
    between: (from: string, to: string) => `fra ${from} til ${to}`,
    notKnown: (name: string, what: string) => `Dokumenterne nævner ${name}, men giver ingen ${what}.`,
    noHolder: (role: string, what: string) => `Dokumenterne nævner ingen person i stillingen som ${role}, så jeg har ingen ${what}.`,
    phoneOf: (name: string, phone: string) => `${name}: tlf. ${phone}.`,
    emailOf: (name: string, email: string) => `${name}: ${email}.`,
    kinds: { 'application-deadline': 'ansøgningsfrist', interview: 'samtale', start: 'start', evaluation: 'evaluering', status: 'status', established: 'etableret', event: 'begivenhed', other: 'dato' } as Record<string, string>,
    passed: ' (overstået)',
    where: 'Sted',
    noFrequency: (meeting: string) => `Dokumenterne siger ikke, hvor ofte ${meeting} holdes.`,
    chat: 'frist oprettet i Teams',
  },
  en: {
    chainHeadline: (subject: string, chain: string) => `The line above the ${subject}: ${chain}.`,
    chainStep: (from: string, to: string) => `The ${from} reports to the ${to}.`,
    top: (item: string) => `The ${item} is at the top of the lines the documents describe.`,
    reportsToMany: (from: string, to: string) => `The ${from} reports to the ${to}.`,
    reportsToShort: (to: string) => `reports to the ${to}.`,
    conditionalLine: (condition: string, to: string) => `${capitalize(condition)}: reports to the ${to}.`,
    noOneReports: (to: string) => `The documents name no one who reports to the ${to}.`,
    staffOf: (person: string, role: string, froms: string) => `${person} is the ${role}. Reporting to the ${role}: ${froms}.`,
    leads: (role: string, units: string) => `The ${role} leads ${units}.`,
    holds: (person: string, role: string) => `${person} is the ${role}.`,
    ledBy: (unit: string, leaders: string) => `${capitalize(unit)} is led by the ${leaders}.`,
    members: (group: string, list: string) => `${capitalize(group)}: ${list}.`,
    participants: (meeting: string, list: string) => `Taking part in ${meeting}: ${list}.`,
    noMembers: (group: string) => `The documents do not say who takes part in ${group}.`,
    inUnit: (unit: string, list: string) => `In ${unit}: ${list}.`,
    tasks: (subject: string) => `The tasks of the ${subject} include:`,
    contacts: (about: string, list: string) => `About ${about}, you can contact ${list}.`,
    figure: (owner: string, text: string) => `${capitalize(owner)}: ${text}.`,
    policies: (subject: string, list: string) => `The ${subject} should know ${list}.`,
    policiesIn: (place: string, list: string) => `In ${place}: ${list}.`,
    period: (count: number, period: string) => (count === 1 ? `One date ${period}:` : `${count} dates ${period}:`),
    noPeriod: (period: string) => `I know of no dates ${period}.`,
    inPeriod: (month: string) => `in ${month}`,
    between: (from: string, to: string) => `from ${from} to ${to}`,
    notKnown: (name: string, what: string) => `The documents name ${name} but give no ${what}.`,
    noHolder: (role: string, what: string) => `The documents name no person in the post of ${role}, so I have no ${what}.`,
    phoneOf: (name: string, phone: string) => `${name}: phone ${phone}.`,
    emailOf: (name: string, email: string) => `${name}: ${email}.`,
    kinds: { 'application-deadline': 'application deadline', interview: 'interview', start: 'start', evaluation: 'evaluation', status: 'status', established: 'established', event: 'event', other: 'date' } as Record<string, string>,
    passed: ' (passed)',
    where: 'Where',
    noFrequency: (meeting: string) => `The documents do not say how often ${meeting} is held.`,
    chat: 'deadline added in Teams',
  },
} as const;

type Texts = (typeof TEXTS)['da'] | (typeof TEXTS)['en'];


function itemOf(kb: KnowledgeBase, id: string): KbItem | undefined {
  return kb.get(id);
}

/** An item's name in an answer: Danish definite form, or English label with the Danish name. */
function name(kb: KnowledgeBase, id: string, lang: Lang, definite = true): string {
  return nameOf(kb, id, lang, definite);
}

function sourceOf(kb: KnowledgeBase, id: string): Source[] {
  const entry = itemOf(kb, id);
  return entry && 'source' in entry.item ? [entry.item.source] : [];
}

/** The role a person holds, so that a person can be the subject of any relation of their role. */
function asRole(kb: KnowledgeBase, id: string): string {
  const entry = kb.get(id);
  return entry?.kind === 'people' && entry.item.role ? entry.item.role : id;
}

/** The subjects of one kind (or kinds), first group first; people stand for their roles when asked. */
function subjectsOf(rc: RelationContext, kinds: ReadonlyArray<KbItem['kind']>, viaRole = false): Link[][] {
  const out: Link[][] = [];
  for (const group of rc.subjects) {
    const fit = group
      .map((link) => (viaRole && link.kind === 'people' && asRole(rc.kb, link.id) !== link.id ? { ...link, id: asRole(rc.kb, link.id), kind: 'roles' as const, person: link.id } : link))
      .filter((link) => kinds.includes(link.kind));
    if (fit.length > 0) out.push(fit);
  }
  return out;
}

function done(rc: RelationContext, kind: Answer['kind'], headline: string, lines: readonly string[], sources: readonly Source[], details: readonly string[] = []): Answer {
  return composeAnswer(rc.kb, rc.u.lang, { kind, headline, groups: [{ title: '', lines }], sources, details });
}

// ---------------------------------------------------------------------------------------------
// Reporting lines

/** The day whose state a question asks about: the day it names, the day of a coming change ("after the reorganisation"), or today. */
function stateDay(rc: RelationContext, id: string): string {
  if (rc.u.day) return rc.u.day;
  if (rc.u.range && rc.u.range.from > rc.today) return rc.u.range.from;
  if (rc.u.kinds.has('after-change')) return rc.queries.nextReportingChange(id, rc.today)?.date ?? nextChangeBelow(rc, id) ?? rc.today;
  return rc.today;
}

/** The first day after today on which the lines to an item change (a line begins or ends). */
function nextChangeBelow(rc: RelationContext, id: string): string | undefined {
  const days = rc.kb.data.reportingLines
    .filter((l) => l.to === id)
    .flatMap((l) => [l.validFrom, l.validUntil === undefined ? undefined : addDays(l.validUntil, 1)])
    .filter((d): d is string => d !== undefined && d > rc.today)
    .sort();
  return days[0];
}

/** "fra 1. august 2027" / "from 1 August 2027". */
function fromDay(lang: Lang, day: string): string {
  return lang === 'da' ? `Fra ${shortDate(day, lang)}` : `From ${shortDate(day, lang)}`;
}

/** A sentence about the state on a day other than today: "Pr. 1. september 2027: huslederen refererer ...". */
function onDay(rc: RelationContext, day: string, sentence: string, prefix?: 'from'): string {
  if (day === rc.today && !prefix) return sentence;
  const lead = prefix ? fromDay(rc.u.lang, day) : rc.u.lang === 'da' ? `Pr. ${shortDate(day, 'da')}` : `On ${shortDate(day, 'en')}`;
  // "The house leader ..." reads "On 1 August 2027: the house leader ..."; a proper name keeps its capital.
  const lowered = /^(The |[A-ZÆØÅ][a-zæøå]+(en|et|erne|ne)\b)/.test(sentence) && !/^[A-ZÆØÅ][a-zæøå]+ [A-ZÆØÅ]/.test(sentence) ? sentence.charAt(0).toLowerCase() + sentence.slice(1) : sentence;
  return `${lead}: ${lowered}`;
}

export function answerReportingRelation(rc: RelationContext): Answer | undefined {
  const { u, kb, relations, queries } = rc;
  if (!u.intents.has('reporting')) return undefined;
  const t = TEXTS[u.lang];
  const groups = subjectsOf(rc, ['roles', 'units', 'leadershipGroups'], true);
  if (groups.length === 0) return undefined;
  const nm = (id: string, definite = true) => name(kb, id, u.lang, definite);
  if (u.direction === 'down') {
    // "Hvem har Helle Kristensen personaleansvar for?": the subject is the person's role.
    const person = rc.subjects.flat().find((l) => l.kind === 'people');
    for (const group of groups) {
      const chosen = group.filter((l) => relations.down(l.id).length > 0).slice(0, 3);
      if (chosen.length === 0) continue;
      const answers = chosen.map((l) => {
        const day = u.day ?? (u.kinds.has('after-change') ? (nextChangeBelow(rc, l.id) ?? rc.today) : rc.today);
        const edges = queries.directReportsOn(l.id, day);
        const froms = joinList(unique(edges.map((e) => `${nm(e.from, false)}${e.condition ? ` (${e.condition[u.lang]})` : ''}`)), u.lang);
        const personEntry = person ? kb.get(person.id) : undefined;
        const sentence = (list: string) =>
          personEntry?.kind === 'people' && personEntry.item.role === l.id ? t.staffOf(personEntry.item.name, nm(l.id, false), list) : phrasesFor(u.lang).reportToIt(nm(l.id), list);
        // A coming change of who reports here, in one line (or as the answer when no one does yet).
        const change = u.day ? undefined : nextChangeBelow(rc, l.id);
        const coming = change && change !== day ? queries.directReportsOn(l.id, change) : [];
        const comingList = joinList(unique(coming.map((e) => `${nm(e.from, false)}${e.condition ? ` (${e.condition[u.lang]})` : ''}`)), u.lang);
        const headline =
          edges.length > 0 ? onDay(rc, day, sentence(froms)) : coming.length > 0 ? onDay(rc, change!, sentence(comingList), 'from') : t.noOneReports(nm(l.id));
        const comingLine = coming.length > 0 && edges.length > 0 ? `${fromDay(u.lang, change!)}: ${comingList}.` : undefined;
        return { headline, edges: [...edges, ...coming], comingLine };
      });
      if (answers.length > 1) {
        return done(rc, 'ambiguous', phrasesFor(u.lang).severalMatches, answers.map((a) => a.headline), answers.flatMap((a) => a.edges.map((e) => e.source)));
      }
      const a = answers[0]!;
      const stated = a.edges.flatMap((e) => (e.text ? [e.text[u.lang]] : []));
      return done(rc, 'answer', a.headline, [...(a.comingLine ? [a.comingLine] : []), ...stated], a.edges.map((e) => e.source));
    }
    return undefined;
  }
  // Upwards: the first named item that has a line above it (several readings of one name: each).
  for (const group of groups) {
    const withLines = group.filter((l) => relations.up(l.id).length > 0);
    if (withLines.length === 0) continue;
    const targets = unique(withLines.map((l) => relations.up(l.id).map((e) => e.to).join(',')));
    const chosen = targets.length === 1 ? [withLines[0]!] : withLines.slice(0, 3);
    const parts = chosen.map((l) => {
      const day = stateDay(rc, l.id);
      const edges = queries.reportsToOn(l.id, day);
      const plain = edges.filter((e) => !e.condition);
      const conditional = edges.filter((e) => e.condition);
      const change = u.day ? undefined : queries.nextReportingChange(l.id, day);
      const direct =
        plain.length > 0
          ? onDay(rc, day, t.reportsToMany(nm(l.id), joinList(plain.map((e) => nm(e.to)), u.lang)))
          : change
            ? onDay(rc, change.date, t.reportsToMany(nm(l.id), joinList(change.lines.filter((e) => !e.condition).map((e) => nm(e.to)), u.lang)), 'from')
            : undefined;
      const lines = [
        ...conditional.map((e) => t.conditionalLine(e.condition![u.lang], nm(e.to))),
        ...(change && plain.length > 0 ? [`${fromDay(u.lang, change.date)}: ${t.reportsToShort(joinList(change.lines.map((e) => `${nm(e.to)}${e.condition ? ` (${e.condition[u.lang]})` : ''}`), u.lang))}`] : []),
      ];
      return { link: l, day, edges: [...edges, ...(change?.lines ?? [])], direct, lines };
    });
    const answered = parts.filter((p) => p.direct !== undefined);
    if (answered.length === 0) continue;
    if (answered.length > 1) {
      return done(rc, 'ambiguous', phrasesFor(u.lang).severalMatches, answered.map((p) => p.direct!), answered.flatMap((p) => p.edges.map((e) => e.source)));
    }
    const { link, day, edges, direct, lines } = answered[0]!;
    const chain = queries.reportingChainOn(link.id, day);
    const steps = chain.map((e) => t.chainStep(nm(e.from), nm(e.to)));
    const top = chain.length > 0 ? chain[chain.length - 1]!.to : undefined;
    if (u.chain && chain.length > 1) {
      const path = chain.map((e) => nm(e.to, false)).join(' → ');
      return done(rc, 'answer', onDay(rc, day, t.chainHeadline(nm(link.id, false), path)), [...steps, ...lines], chain.map((e) => e.source), top ? [t.top(nm(top, false))] : []);
    }
    // The line above the boss, one step at a time, as supporting lines.
    const stated = edges.flatMap((e) => (e.text ? [e.text[u.lang]] : []));
    return done(rc, 'answer', direct!, [...lines, ...steps.slice(1), ...stated], [...edges.map((e) => e.source), ...chain.slice(1).map((e) => e.source)]);
  }
  // "Hvem er dagtilbudschefens chef?" when the documents do not say: say so, with who reports to it.
  const first = groups[0]![0]!;
  if (first.quality < 0.9 || first.kind !== 'roles' || groups.length > 1) return undefined;
  const below = relations.down(first.id);
  const headline = phrasesFor(u.lang).noReporting(nm(first.id));
  if (below.length === 0) return unknownWith(rc, headline);
  const answer = done(rc, 'unknown', headline, [phrasesFor(u.lang).reportToIt(nm(first.id), joinList(unique(below.map((e) => nm(e.from, false))), u.lang))], below.map((e) => e.source));
  return { ...answer, suggestions: unknownWith(rc, headline).suggestions };
}

// ---------------------------------------------------------------------------------------------
// Leaders and holders

export function answerLeaderRelation(rc: RelationContext): Answer | undefined {
  const { u, kb, relations } = rc;
  if (!u.intents.has('leader')) return undefined;
  const t = TEXTS[u.lang];
  const units = subjectsOf(rc, ['units'])[0];
  if (!units) return undefined;
  const withLeaders = units.filter((l) => relations.leadersOf(l.id).length > 0);
  const unit = withLeaders[0];
  if (!unit) return undefined;
  const leaders = relations.leadersOf(unit.id).map((role) => {
    const holders = relations.holders(role).map((p) => p.name);
    return `${name(kb, role, u.lang, false)}${holders.length > 0 ? ` (${joinList(holders, u.lang)})` : ''}`;
  });
  const holderPeople = relations.leadersOf(unit.id).flatMap((role) => relations.holders(role));
  return done(
    rc,
    'answer',
    t.ledBy(name(kb, unit.id, u.lang, false), joinList(leaders, u.lang)),
    holderPeople.map((p) => phrasesFor(u.lang).contactLine(p.name, p.title[u.lang], p.phone, p.email)),
    [...sourceOf(kb, unit.id), ...holderPeople.map((p) => p.source)],
  );
}

// ---------------------------------------------------------------------------------------------
// Members and participants

export function answerMembersRelation(rc: RelationContext): Answer | undefined {
  const { u, kb, relations } = rc;
  if (!u.intents.has('membership')) return undefined;
  const t = TEXTS[u.lang];
  const groups = subjectsOf(rc, ['leadershipGroups', 'meetings', 'units']);
  for (const group of groups) {
    const link = group.find((l) => relations.members(l.id).length > 0) ?? group.find((l) => l.kind !== 'units');
    if (!link) continue;
    if (link.kind === 'units') continue;
    // "Hvordan er ledelsen i Stjernehuset organiseret?": a one-word name ("ledelsen") beside another
    // named item is too weak to pick a group by; the general search weighs both.
    if (link.end - link.start === 1 && rc.subjects.length > 1) return undefined;
    const list = relations.members(link.id);
    if (list.length === 0) {
      if (link.quality < 0.9) continue;
      return done(rc, 'unknown', t.noMembers(name(kb, link.id, u.lang, false)), [], sourceOf(kb, link.id));
    }
    const names = list.map((m) => `${name(kb, m.ref, u.lang, false)}${m.note ? ` (${m.note[u.lang]})` : ''}`);
    const headline = link.kind === 'meetings' ? t.participants(name(kb, link.id, u.lang, false), joinList(names, u.lang)) : t.members(name(kb, link.id, u.lang, false), joinList(names, u.lang));
    const holders = list.flatMap((m) => relations.holders(m.ref)).map((p) => `${p.name}, ${p.title[u.lang]}`);
    return done(rc, 'answer', headline, holders, sourceOf(kb, link.id));
  }
  // "Hvem er i staben?": the roles of a unit, and the people in them.
  const unit = groups.flat().find((l) => l.kind === 'units');
  if (!unit) return undefined;
  const roles = kb.data.roles.filter((r) => r.unit === unit.id);
  if (roles.length === 0) return undefined;
  return done(rc, 'answer', t.inUnit(name(kb, unit.id, u.lang, false), joinList(roles.map((r) => name(kb, r.id, u.lang, false)), u.lang)), [], [...sourceOf(kb, unit.id), ...roles.map((r) => r.source)]);
}

// ---------------------------------------------------------------------------------------------
// Meetings: how often, where, who takes part, what for

export function answerMeetingRelation(rc: RelationContext): Answer | undefined {
  const { u, kb, relations } = rc;
  const asked = u.kinds.has('frequency') || ((u.intents.has('dates') || u.intents.has('meeting')) && !u.range);
  if (!asked) return undefined;
  const link = subjectsOf(rc, ['meetings'])[0]?.[0];
  if (!link || relations.dates(link.id).length > 0) return undefined;
  const entry = kb.get(link.id);
  if (entry?.kind !== 'meetings') return undefined;
  const meeting = entry.item;
  const t = TEXTS[u.lang];
  const title = capitalize(name(kb, meeting.id, u.lang, false));
  const participants = relations.members(meeting.id).map((m) => name(kb, m.ref, u.lang, false));
  const lines = [
    ...(participants.length > 0 ? [t.participants(name(kb, meeting.id, u.lang, false), joinList(participants, u.lang))] : []),
    ...(meeting.unit ? [`${t.where}: ${name(kb, meeting.unit, u.lang, false)}`] : []),
    ...(meeting.purpose ? [meeting.purpose[u.lang]] : []),
    ...(meeting.description ? [meeting.description[u.lang]] : []),
  ];
  if (!meeting.frequency) {
    if (!u.kinds.has('frequency')) return undefined;
    return done(rc, 'unknown', t.noFrequency(title), lines, [meeting.source]);
  }
  return done(rc, 'answer', `${title}: ${meeting.frequency[u.lang]}.`, lines, [meeting.source]);
}

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
  const link = first[0]!;
  const covered = new Set<number>();
  for (const g of rc.subjects) for (const l of g) for (let i = l.start; i < l.end; i++) covered.add(i);
  const leftover = u.tokens.filter((tok, i) => !covered.has(i) && !u.cuePositions.has(i) && !u.intentWords.has(tok.form) && tok.form.length > 2 && !isStop(tok.form));
  if (leftover.length > 0) return undefined;
  const own: Array<{ text: string; source: Source }> = [];
  const entry = kb.get(link.id);
  if (entry?.kind === 'roles' || entry?.kind === 'leadershipGroups') own.push(...entry.item.responsibilities.map((s) => ({ text: s[u.lang], source: s.source })));
  if (entry?.kind === 'units') {
    // A unit's own statements first, then the tasks of the roles that lead it.
    own.push(...entry.item.facts.map((s) => ({ text: s[u.lang], source: s.source })));
    for (const role of relations.leadersOf(link.id)) {
      const r = kb.get(role);
      if (r?.kind === 'roles') own.push(...r.item.responsibilities.map((s) => ({ text: s[u.lang], source: s.source })));
    }
  }
  if (own.length === 0) return undefined;
  return done(rc, 'answer', t.tasks(name(kb, link.id, u.lang)), own.map((o) => o.text), own.slice(0, 3).map((o) => o.source));
}

let stopwords: ReadonlySet<string> | undefined;
function isStop(form: string): boolean {
  return (stopwords ??= STOP).has(form);
}
const STOP: ReadonlySet<string> = new Set(['the', 'of', 'in', 'for', 'af', 'i', 'for', 'har', 'er', 'is', 'are', 'what', 'hvad', 'hvilke', 'which', 'den', 'det', 'de']);

// ---------------------------------------------------------------------------------------------
// Contacts of a posting (or of the unit or role a posting is for)

export function answerContactsRelation(rc: RelationContext): Answer | undefined {
  const { u, kb, relations } = rc;
  if (!u.intents.has('contact') || u.attributes.some((a) => a === 'salary' || a === 'address' || a === 'age')) return undefined;
  if (rc.subjects.flat().some((l) => l.kind === 'people')) return undefined;
  const t = TEXTS[u.lang];
  for (const group of subjectsOf(rc, ['postings', 'units', 'roles'])) {
    for (const link of group) {
      const postings = link.kind === 'postings' ? [link.id] : unique([link.id, ...relations.childUnits(link.id), ...relations.childUnits(link.id).flatMap((c) => relations.childUnits(c))].flatMap((id) => relations.postingsOf(id)));
      const people = unique(postings.flatMap((p) => relations.contacts(p)));
      if (people.length === 0) continue;
      const about = postings.length === 1 ? displayName(kb.get(postings[0]!)!, u.lang) : name(kb, link.id, u.lang, false);
      const list = people.map((p) => phrasesFor(u.lang).contactLine(p.name, p.title[u.lang], p.phone, p.email));
      return done(rc, 'answer', t.contacts(about, joinList(people.map((p) => p.name), u.lang)), list, people.map((p) => p.source));
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Partly known: a person (or a role's holder) asked for what the documents do not give

export function answerAttribute(rc: RelationContext): Answer | undefined {
  const { u, kb, relations } = rc;
  if (u.attributes.length === 0 || u.intents.has('figure')) return undefined;
  const t = TEXTS[u.lang];
  const attribute = u.attributes[0]!;
  const label = rc.lexicon.attributeLabels.get(attribute)![u.lang];
  const person = rc.subjects.flat().find((l) => l.kind === 'people');
  const value = (p: Person, a: Attribute) => (a === 'phone' ? p.phone : a === 'email' ? p.email : undefined);
  if (person) {
    const p = (kb.get(person.id) as { item: Person }).item;
    const v = value(p, attribute);
    if (v) return done(rc, 'answer', attribute === 'phone' ? t.phoneOf(p.name, v) : t.emailOf(p.name, v), [`${p.name}, ${p.title[u.lang]}`], [p.source]);
    return done(rc, 'unknown', t.notKnown(p.name, label), [`${p.name}, ${p.title[u.lang]}`], [p.source]);
  }
  if (attribute !== 'phone' && attribute !== 'email') return undefined;
  // "What is the phone number of the head of day care?": through the person holding the role.
  const role = subjectsOf(rc, ['roles'])[0]?.[0];
  if (!role || rc.subjects.flat().some((l) => l.kind === 'postings')) return undefined;
  const holders = relations.holders(role.id);
  if (holders.length === 0) {
    if (role.quality < 0.9) return undefined;
    return unknownWith(rc, t.noHolder(name(kb, role.id, u.lang, false), label));
  }
  const withValue = holders.filter((p) => value(p, attribute));
  if (withValue.length === 0) return done(rc, 'unknown', t.notKnown(joinList(holders.map((p) => p.name), u.lang), label), [], holders.map((p) => p.source));
  const lines = withValue.map((p) => (attribute === 'phone' ? t.phoneOf(p.name, value(p, attribute)!) : t.emailOf(p.name, value(p, attribute)!)));
  return done(rc, 'answer', lines[0]!, lines.slice(1), withValue.map((p) => p.source));
}

function unknownWith(rc: RelationContext, headline: string): Answer {
  return unknownAnswer(rc.ctx, rc.u.lang, headline);
}

// ---------------------------------------------------------------------------------------------
// Figures by metric

export function answerFiguresRelation(rc: RelationContext): Answer | undefined {
  const { u, kb, relations } = rc;
  if (!u.intents.has('figure') || u.metrics.length === 0) return undefined;
  const t = TEXTS[u.lang];
  const subjects = subjectsOf(rc, ['units', 'roles', 'municipalities']).flat();
  const scope = subjects.length > 0 ? subjects.map((l) => l.id) : [...rc.municipalities];
  if (scope.length === 0) return undefined;
  const found: Array<{ owner: string; figure: Figure }> = [];
  for (const metric of unique(u.metrics)) {
    for (const id of scope) {
      // The item's own figure, else the nearest units below it that state one (breadth first).
      let frontier = [id];
      const seen = new Set<string>();
      for (let depth = 0; depth < 4 && frontier.length > 0; depth++) {
        const hits = frontier.flatMap((f) => relations.figures(f).filter((x) => x.figure.metric === metric));
        if (hits.length > 0) {
          found.push(...hits);
          break;
        }
        frontier.forEach((f) => seen.add(f));
        frontier = frontier.flatMap((f) => relations.childUnits(f)).filter((f) => !seen.has(f));
      }
      if (found.some((x) => x.figure.metric === metric)) break;
    }
  }
  if (found.length === 0) return undefined;
  const unique_ = [...new Map(found.map((f) => [`${f.owner}|${f.figure.metric}|${f.figure.value}`, f])).values()];
  const lines = unique_.map((f) => t.figure(name(kb, f.owner, u.lang, false), f.figure.text[u.lang].replace(/\.$/, '')));
  const headline = lines.length <= 2 ? lines.join(' ') : lines[0]!;
  return done(rc, 'answer', headline, lines.length <= 2 ? [] : lines.slice(1), unique_.map((f) => f.figure.source));
}

// ---------------------------------------------------------------------------------------------
// Policies by role, unit or municipality

export function answerPoliciesRelation(rc: RelationContext): Answer | undefined {
  const { u, kb, relations } = rc;
  if (!u.intents.has('policy')) return undefined;
  const t = TEXTS[u.lang];
  const subject = subjectsOf(rc, ['roles', 'units', 'leadershipGroups'], true)[0]?.[0];
  const typeOk = (id: string) => {
    const e = kb.get(id);
    return u.policyTypes.size === 0 || (e?.kind === 'policies' && u.policyTypes.has(e.item.type));
  };
  if (subject) {
    const ids = relations.policiesFor(subject.id).filter(typeOk);
    if (ids.length === 0) return undefined;
    const names = ids.map((id) => displayName(kb.get(id)!, u.lang));
    return done(rc, 'answer', t.policies(name(kb, subject.id, u.lang), joinList(names.slice(0, 6), u.lang)), names.length > 6 ? names.slice(6) : [], ids.flatMap((id) => sourceOf(kb, id)).slice(0, 3));
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Everything dated in a period ("hvad skal vi huske i april", "what's on the calendar in March")

export function answerPeriod(rc: RelationContext): Answer | undefined {
  const { u, kb } = rc;
  if (!u.range || !u.intents.has('dates')) return undefined;
  // A named item narrows the dates to its own (the date answerer does that better).
  if (rc.subjects.some((g) => g.some((l) => l.kind !== 'municipalities'))) return undefined;
  const t = TEXTS[u.lang];
  const today = toLocalDate(rc.options.now());
  const { from, to } = u.range;
  const inScope = (d: DateEntry) => {
    if (rc.municipalities.size === 0) return true;
    const m = kb.documents.get(d.source.doc)?.municipality;
    return m === undefined || rc.municipalities.has(m);
  };
  const entries: Array<{ kind: string; date: string; text: string; source?: Source }> = [];
  for (const d of kb.data.dates) {
    if (!inScope(d) || d.precision !== 'day') continue;
    if ((d.end ?? d.date) < from || d.date > to) continue;
    if (!fitsDateKind(u.dateKinds, d.kind)) continue;
    if (u.upcoming && (d.end ?? d.date) < today) continue;
    const about = kb.get(d.about);
    const owner = about ? displayName(about, u.lang) : '';
    const when = d.end ? `${shortDate(d.date, u.lang)}–${shortDate(d.end, u.lang)}` : shortDate(d.date, u.lang);
    const passed = (d.end ?? d.date) < today ? t.passed : '';
    entries.push({ kind: d.kind, date: d.date, text: `${when}${passed}: ${d.label[u.lang]} (${t.kinds[d.kind] ?? d.kind}${owner ? `, ${owner}` : ''})`, source: d.source });
  }
  for (const c of rc.options.deadlines?.list() ?? []) {
    if (c.date < from || c.date > to || !fitsDateKind(u.dateKinds, 'application-deadline')) continue;
    entries.push({ kind: 'application-deadline', date: c.date, text: `${shortDate(c.date, u.lang)}: ${c.title} (${t.chat})` });
  }
  const wholeMonth = from.endsWith('-01') && to.slice(0, 7) === from.slice(0, 7) && addDays(to, 1).endsWith('-01');
  const period = wholeMonth ? t.inPeriod(formatPartialDate(from, 'month', u.lang)) : t.between(shortDate(from, u.lang), shortDate(to, u.lang));
  if (entries.length === 0) return unknownWith(rc, t.noPeriod(period));
  const order = rc.lexicon.dateKindOrder;
  const rank = (kind: string) => (order.indexOf(kind) < 0 ? order.length : order.indexOf(kind));
  entries.sort((a, b) => rank(a.kind) - rank(b.kind) || a.date.localeCompare(b.date));
  return done(rc, 'answer', t.period(entries.length, period), entries.map((e) => e.text), entries.flatMap((e) => (e.source ? [e.source] : [])));
}
