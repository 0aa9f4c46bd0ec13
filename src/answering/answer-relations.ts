/**
 * Answers read straight off the knowledge base's relations, for the items the question names:
 * reporting lines (up, down, the whole chain), who leads what, members and participants, tasks,
 * contacts of a posting, figures by metric, policies by role/unit/municipality, a period's dates,
 * and what the documents do not say about a person (phone, salary). Each returns undefined when
 * the question is not of its kind or names nothing it can answer for, and the general search
 * takes over.
 */
import type { KbItem, KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Figure, Person, Policy, Source } from '../knowledge/schemas.js';
import { addDays } from '../time/format-date.js';
import { displayName, namesOf } from './facts.js';
import type { Link } from './linking.js';
import type { Attribute, Lexicon } from './lexicon/lexicon.js';
import { capitalize, joinList, phrasesFor } from './phrases.js';
import type { Relations } from './relations.js';
import { analyzeText, foldText, GENERIC_WORDS, primaryStem, STOPWORDS, tokenize } from './normalize.js';
import type { KnowledgeQueries } from '../knowledge/queries.js';
import type { Answer, AnswererOptions, Lang } from './types.js';
import { countedPositions, type Understanding } from './understand.js';
import { countsWord } from './answer-general.js';
import { composeAnswer, HEADLINE_MAX, nameOf, shortDate, unique, unknown as unknownAnswer, type Context } from './answer-context.js';

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
    reportTo: (from: string, to: string) => `${capitalize(from)} refererer til ${to}.`,
    reportsToShort: (to: string) => `refererer til ${to}.`,
    conditionalLine: (condition: string, to: string) => `${capitalize(condition)}: refererer til ${to}.`,
    reportsToWhen: (from: string, to: string, condition: string) => `${capitalize(from)} refererer til ${to}, ${condition}.`,
    noOneReports: (to: string) => `Dokumenterne nævner ikke nogen, der refererer til ${to}.`,
    staffOf: (person: string, role: string, froms: string) => `${person} er ${role}. Til ${role} refererer: ${froms}.`,
    leads: (role: string, units: string) => `${capitalize(role)} leder ${units}.`,
    holds: (person: string, role: string) => `${person} er ${role}.`,
    ledBy: (unit: string, leaders: string) => `${capitalize(unit)} ledes af ${leaders}.`,
    members: (group: string, list: string) => `${capitalize(group)}: ${list}.`,
    participants: (meeting: string, list: string) => `I ${meeting} deltager ${list}.`,
    chairOf: (who: string) => `Mødeleder: ${who}.`,
    more: (n: number) => `${n} mere`,
    memberCount: (group: string, n: number, meeting: boolean) => (meeting ? `I ${group} deltager ${n}:` : `${capitalize(group)} har ${n} medlemmer:`),
    noMembers: (group: string) => `Dokumenterne nævner ikke, hvem der deltager i ${group}.`,
    inUnit: (unit: string, list: string) => `I ${unit} er: ${list}.`,
    tasks: (subject: string) => `${capitalize(subject)} har blandt andet disse opgaver:`,
    noTasks: (subject: string) => `Dokumenterne beskriver ikke opgaverne for ${subject}.`,
    contacts: (about: string, list: string) => `Om ${about} kan du kontakte ${list}.`,
    figure: (owner: string, text: string) => `${capitalize(owner)}: ${text}.`,
    noTotal: (subject: string) => `Dokumenterne nævner ${subject}, men giver intet samlet tal for hele ${subject}.`,
    policies: (subject: string, list: string) => `${capitalize(subject)} skal kende ${list}.`,
    policiesIn: (place: string, list: string) => `I ${place} gælder ${list}.`,
    period: (count: number, period: string) => (count === 1 ? `Én dato ${period}:` : `${count} datoer ${period}:`),
    noPeriod: (period: string) => `Jeg kender ingen datoer ${period}.`,
    inPeriod: (month: string) => `i ${month}`,
    between: (from: string, to: string) => `fra ${from} til ${to}`,
    notKnown: (name: string, what: string) => `Dokumenterne nævner ${name}, men giver ingen ${what}.`,
    since: (name: string, title: string, day: string) => `${name} har været ${title} siden ${day}.`,
    adoptedBy: (policy: string, body: string, day: string) => `${capitalize(policy)} blev vedtaget af ${body} den ${day}.`,
    notAdopted: (policy: string) => `Dokumenterne nævner ${policy}, men siger ikke, hvem der har vedtaget den.`,
    requires: (policy: string) => `${capitalize(policy)}:`,
    startDate: 'startdato',
    dateOf: 'dato',
    noHolder: (role: string, what: string) => `Dokumenterne nævner ikke nogen person i stillingen som ${role}, så jeg har ingen ${what}.`,
    phoneOf: (name: string, phone: string) => `${name}: tlf. ${phone}.`,
    periodOf: (policy: string, period: string) => `${capitalize(policy)} gælder for ${period}.`,
    noLeader: (unit: string) => `Dokumenterne nævner ikke, hvem der leder ${unit}.`,
    holders: (role: string, people: string) => `${capitalize(people)} er ${role}.`,
    noHolderIn: (role: string, unit: string) => `Dokumenterne nævner ikke nogen ${role} i ${unit}.`,
    noPersonIn: (role: string) => `Dokumenterne nævner ikke, hvem der er ${role}; der står ikke noget navn.`,
    holderElsewhere: (person: string, title: string) => `${person} er ${title}.`,
    posting: (posting: string) => `${capitalize(posting)}:`,
    programmesOf: (subject: string, list: string) => `${capitalize(subject)} bruger ${list}.`,
    parts: (whole: string, list: string) => `${capitalize(whole)}: ${list}.`,
    emailOf: (name: string, email: string) => `${name}: ${email}.`,
    kinds: { 'application-deadline': 'ansøgningsfrist', interview: 'samtale', start: 'start', evaluation: 'evaluering', status: 'status', established: 'etableret', event: 'begivenhed', other: 'dato' } as Record<string, string>,
    passed: ' (overstået)',
    where: 'Sted',
    chat: 'frist oprettet i Teams',
  },
  en: {
    chainHeadline: (subject: string, chain: string) => `The line above the ${subject}: ${chain}.`,
    chainStep: (from: string, to: string) => `The ${from} reports to the ${to}.`,
    top: (item: string) => `The ${item} is at the top of the lines the documents describe.`,
    reportsToMany: (from: string, to: string) => `The ${from} reports to the ${to}.`,
    reportTo: (from: string, to: string) => `The ${from} report to the ${to}.`,
    reportsToShort: (to: string) => `reports to the ${to}.`,
    conditionalLine: (condition: string, to: string) => `${capitalize(condition)}: reports to the ${to}.`,
    reportsToWhen: (from: string, to: string, condition: string) => `The ${from} reports to the ${to} ${condition}.`,
    noOneReports: (to: string) => `The documents do not mention anyone who reports to the ${to}.`,
    staffOf: (person: string, role: string, froms: string) => `${person} is the ${role}. Reporting to the ${role}: ${froms}.`,
    leads: (role: string, units: string) => `The ${role} leads ${units}.`,
    holds: (person: string, role: string) => `${person} is the ${role}.`,
    ledBy: (unit: string, leaders: string) => `${capitalize(unit)} is led by the ${leaders}.`,
    members: (group: string, list: string) => `${capitalize(group)}: ${list}.`,
    participants: (meeting: string, list: string) => `Taking part in ${meeting}: ${list}.`,
    chairOf: (who: string) => `Chair: the ${who}.`,
    more: (n: number) => `${n} more`,
    memberCount: (group: string, n: number, meeting: boolean) => (meeting ? `${n} take part in ${group}:` : `${capitalize(group)} has ${n} members:`),
    noMembers: (group: string) => `The documents do not say who takes part in ${group}.`,
    inUnit: (unit: string, list: string) => `In ${unit}: ${list}.`,
    tasks: (subject: string) => `The tasks of the ${subject} include:`,
    noTasks: (subject: string) => `The documents do not describe the tasks of the ${subject}.`,
    contacts: (about: string, list: string) => `About ${about}, you can contact ${list}.`,
    figure: (owner: string, text: string) => `${capitalize(owner)}: ${text}.`,
    noTotal: (subject: string) => `The documents name ${subject} but give no figure for ${subject} as a whole.`,
    policies: (subject: string, list: string) => `The ${subject} should know ${list}.`,
    policiesIn: (place: string, list: string) => `In ${place}: ${list}.`,
    period: (count: number, period: string) => (count === 1 ? `One date ${period}:` : `${count} dates ${period}:`),
    noPeriod: (period: string) => `I know of no dates ${period}.`,
    inPeriod: (month: string) => `in ${month}`,
    between: (from: string, to: string) => `from ${from} to ${to}`,
    notKnown: (name: string, what: string) => `The documents name ${name} but give no ${what}.`,
    since: (name: string, title: string, day: string) => `${name} has been ${title} since ${day}.`,
    adoptedBy: (policy: string, body: string, day: string) => `${capitalize(policy)} was adopted by ${body} on ${day}.`,
    notAdopted: (policy: string) => `The documents name ${policy} but do not say who adopted it.`,
    requires: (policy: string) => `${capitalize(policy)}:`,
    startDate: 'start date',
    dateOf: 'date',
    noHolder: (role: string, what: string) => `The documents do not mention a person in the post of ${role}, so I have no ${what}.`,
    phoneOf: (name: string, phone: string) => `${name}: phone ${phone}.`,
    periodOf: (policy: string, period: string) => `${capitalize(policy)} covers ${period}.`,
    noLeader: (unit: string) => `The documents do not mention who leads ${unit}.`,
    holders: (role: string, people: string) => `${capitalize(people)} is the ${role}.`,
    noHolderIn: (role: string, unit: string) => `The documents do not mention a ${role} in ${unit}.`,
    noPersonIn: (role: string) => `The documents do not give the name of the ${role}: no person is mentioned.`,
    holderElsewhere: (person: string, title: string) => `${person} is ${title}.`,
    posting: (posting: string) => `${capitalize(posting)}:`,
    programmesOf: (subject: string, list: string) => `${capitalize(subject)} uses ${list}.`,
    parts: (whole: string, list: string) => `${capitalize(whole)}: ${list}.`,
    emailOf: (name: string, email: string) => `${name}: ${email}.`,
    kinds: { 'application-deadline': 'application deadline', interview: 'interview', start: 'start', evaluation: 'evaluation', status: 'status', established: 'established', event: 'event', other: 'date' } as Record<string, string>,
    passed: ' (passed)',
    where: 'Where',
    chat: 'deadline added in Teams',
  },
} as const;


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
  const meetingAt = new Set(u.kinds.get('meeting')?.positions ?? []);
  const free = u.tokens
    .map((tok, i) => ({ tok, i }))
    .filter(({ tok, i }) => !covered.has(i) && (leaderAt.has(i) || ((!u.cuePositions.has(i) || meetingAt.has(i)) && tok.form.length >= 3 && !STOPWORDS.has(tok.form) && !GENERIC_WORDS.has(tok.form) && !/^\d+$/.test(tok.form))));
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
      candidates = unique([...kb.data.roles.filter((r) => r.unit === anchor.id).map((r) => r.id), ...leaders, ...postingRoles]).filter((id) => kb.get(id)?.kind === 'roles');
    } else {
      const takesPart = (id: string) => relations.members(id).some((m) => m.ref === anchor.id);
      candidates = [...kb.data.meetings.filter((m) => takesPart(m.id) || m.chair === anchor.id).map((m) => m.id), ...kb.data.leadershipGroups.filter((g) => takesPart(g.id)).map((g) => g.id)];
    }
    if (candidates.length === 0) continue;
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

/** The subjects of one kind (or kinds), first group first; people stand for their roles when asked; described items come first. */
export function subjectsOf(rc: RelationContext, kinds: ReadonlyArray<KbItem['kind']>, viaRole = false): Link[][] {
  const out: Link[][] = describedItems(rc).filter((g) => kinds.includes(g[0]!.kind)).map((g) => [...g]);
  for (const group of rc.subjects) {
    const fit = group
      .map((link) => (viaRole && link.kind === 'people' && asRole(rc.kb, link.id) !== link.id ? { ...link, id: asRole(rc.kb, link.id), kind: 'roles' as const, person: link.id } : link))
      .filter((link) => kinds.includes(link.kind));
    if (fit.length > 0) out.push(fit);
  }
  return out;
}

/** Composes a relation answer; `complete` keeps every line of a list (the rest behind "Show more"). */
function done(rc: RelationContext, kind: Answer['kind'], headline: string, lines: readonly string[], sources: readonly Source[], details: readonly string[] = [], complete = false): Answer {
  return composeAnswer(rc.kb, rc.u.lang, { kind, headline, groups: [{ title: '', lines }], sources, details, complete });
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

/**
 * "Hvem refererer souschefen til, når husleder er væk?", "what happens to X's line when their leader
 * is away?": an absence asked together with a line is the conditional line, not the deputy relation.
 */
export function answerConditionalLine(rc: RelationContext): Answer | undefined {
  const { u, kb, queries } = rc;
  if (!u.kinds.has('deputy') || u.kinds.has('deputy-for')) return undefined;
  if (!u.intents.has('reporting') && rc.lexicon.lineWords.match(u.tokens).size === 0) return undefined;
  const t = TEXTS[u.lang];
  const nm = (id: string, definite = true) => name(kb, id, u.lang, definite);
  for (const group of subjectsOf(rc, ['roles'], true)) {
    for (const l of group) {
      const day = stateDay(rc, l.id);
      const edges = queries.reportsToOn(l.id, day);
      const change = u.day ? undefined : queries.nextReportingChange(l.id, day);
      const conditional = edges.filter((e) => e.condition);
      const comingConditional = (change?.lines ?? []).filter((e) => e.condition && !conditional.some((c) => c.to === e.to));
      if (conditional.length === 0 && comingConditional.length === 0) continue;
      const when = (e: (typeof edges)[number]) => t.reportsToWhen(nm(l.id), nm(e.to), e.condition![u.lang]);
      const now = conditional.map(when);
      const coming = comingConditional.map((e) => onDay(rc, change!.date, when(e), 'from'));
      const plain = edges.filter((e) => !e.condition);
      const usual = plain.length > 0 ? [t.reportsToMany(nm(l.id), joinList(plain.map((e) => nm(e.to)), u.lang))] : [];
      const headline = now.length > 0 ? now.join(' ') : coming.join(' ');
      const stated = [...conditional, ...comingConditional].flatMap((e) => (e.text ? [e.text[u.lang]] : []));
      return done(rc, 'answer', headline, [...(now.length > 0 ? coming : []), ...usual], [...conditional, ...comingConditional].map((e) => e.source), stated);
    }
  }
  return undefined;
}

export function answerReportingRelation(rc: RelationContext): Answer | undefined {
  const { u, kb, relations, queries } = rc;
  if (!u.intents.has('reporting')) return undefined;
  const t = TEXTS[u.lang];
  const groups = subjectsOf(rc, ['roles', 'units', 'leadershipGroups'], true);
  if (groups.length === 0) return undefined;
  // "Who is in charge of / oversees / manages X": of a unit that has a leader, its leader (the leader answerer);
  // of a person or a role, the one they report to.
  if (u.direction === 'up' && !u.chain && u.intents.has('leader') && rc.subjects[0]?.some((l) => l.kind === 'units' && relations.leadersOf(l.id).length > 0)) return undefined;
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
        let headline =
          edges.length > 0 ? onDay(rc, day, sentence(froms)) : coming.length > 0 ? onDay(rc, change!, sentence(comingList), 'from') : t.noOneReports(nm(l.id));
        // A long list reads better one per line under a short first line that counts them.
        const each = unique(edges.map((e) => `${nm(e.from, false)}${e.condition ? ` (${e.condition[u.lang]})` : ''}`));
        const listed = headline.length > HEADLINE_MAX && edges.length > 0;
        if (listed) {
          // The first names that fit, then how many more (all of them follow one per line).
          for (let k = each.length - 1; k >= 0; k--) {
            headline = onDay(rc, day, sentence(joinList([...each.slice(0, k), t.more(each.length - k)], u.lang)));
            if (headline.length <= HEADLINE_MAX) break;
          }
        }
        const comingLine = coming.length > 0 && edges.length > 0 ? `${fromDay(u.lang, change!)}: ${comingList}.` : undefined;
        return { headline, edges: [...edges, ...coming], comingLine, each: listed ? each : [] };
      });
      if (answers.length > 1) {
        return done(rc, 'ambiguous', phrasesFor(u.lang).severalMatches, answers.map((a) => a.headline), answers.flatMap((a) => a.edges.map((e) => e.source)));
      }
      const a = answers[0]!;
      const stated = a.edges.flatMap((e) => (e.text ? [e.text[u.lang]] : []));
      return done(rc, 'answer', a.headline, [...a.each, ...(a.comingLine ? [a.comingLine] : []), ...stated], a.edges.map((e) => e.source), [], a.each.length > 0);
    }
    return undefined;
  }
  // Upwards: the first named item that has a line above it (several readings of one name: each).
  for (const group of groups) {
    const withLines = group.filter((l) => relations.up(l.id).length > 0);
    if (withLines.length === 0) continue;
    const targets = unique(withLines.map((l) => relations.up(l.id).map((e) => e.to).join(',')));
    const chosen = targets.length === 1 ? [withLines[0]!] : withLines.slice(0, 3);
    // One name for several posts of one kind with the same line above ("the area heads", "områdecheferne"): all of them.
    const sharing = targets.length === 1 && withLines.length > 1 && withLines.every((l) => l.kind === withLines[0]!.kind) ? withLines : [];
    const subjectOf = (l: Link) => (sharing.length > 0 ? joinList(unique(sharing.map((x) => nm(x.id))), u.lang) : nm(l.id));
    const reportsTo = (from: string, to: string) => (sharing.length > 0 ? t.reportTo(from, to) : t.reportsToMany(from, to));
    // A post reported to, with the people the documents name in it on that day: "who does X answer to" asks for someone.
    // A post that leads several units ("områdeleder" of Nord and of Syd) is held, for the one asked about, only by
    // those of its holders tied to a unit around the asker's own (the person's, the role's, or a unit the question names).
    const nmHeld = (id: string, day: string, from: Link & { person?: string }) => {
      let holders = queries.holdersOn(id, day);
      if (relations.ledBy(id).length > 1) {
        const person = from.person ? (kb.get(from.person)?.item as Person | undefined) : undefined;
        const own = new Set<string>([...(person ? unitsOfPerson(rc, person) : []), ...rc.subjects.flat().filter((x) => x.kind === 'units' && x.quality >= 0.9).map((x) => x.id)]);
        const roleUnit = (kb.get(from.id)?.item as { unit?: string } | undefined)?.unit;
        if (roleUnit) own.add(roleUnit);
        holders = holders.filter((p) => [...unitsOfPerson(rc, p)].some((theirs) => [...own].some((mine) => within(kb, mine, theirs))));
      }
      const names = holders.map((person) => person.name);
      return names.length > 0 ? `${nm(id)}, ${joinList(names, u.lang)}` : nm(id);
    };
    const parts = chosen.map((l) => {
      const day = stateDay(rc, l.id);
      const edges = queries.reportsToOn(l.id, day);
      const plain = edges.filter((e) => !e.condition);
      const conditional = edges.filter((e) => e.condition);
      const change = u.day ? undefined : queries.nextReportingChange(l.id, day);
      const direct =
        plain.length > 0
          ? onDay(rc, day, reportsTo(subjectOf(l), joinList(plain.map((e) => nmHeld(e.to, day, l)), u.lang)))
          : change
            ? onDay(rc, change.date, reportsTo(subjectOf(l), joinList(change.lines.filter((e) => !e.condition).map((e) => nm(e.to)), u.lang)), 'from')
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
      // One step per level: two bosses on one level ("område Vest" or "Øst") are one step.
      const levels = new Map<number, string[]>();
      // The path in the official Danish names (canonical in English too): short enough for a first line.
      const official = (id: string) => (kb.get(id)?.item as { name?: string } | undefined)?.name ?? nm(id, false);
      for (const e of chain) levels.set(e.depth, unique([...(levels.get(e.depth) ?? []), official(e.to)]));
      const path = [...levels.values()].map((names) => names.join(' / ')).join(' → ');
      // In Danish the path already names every step in the reader's words: the steps would only repeat it. In
      // English they give each official name its English one.
      const restated = u.lang === 'da' ? [] : steps;
      return done(rc, 'answer', onDay(rc, day, t.chainHeadline(nm(link.id, false), path)), [...restated, ...lines], chain.map((e) => e.source), top ? [t.top(nm(top, false))] : []);
    }
    // The line above the boss, one step at a time, as supporting lines.
    const stated = edges.flatMap((e) => (e.text ? [e.text[u.lang]] : []));
    // "From when do house leaders report to the district heads?": the post above named and a when asked, and the
    // line to it a coming one: the day it starts leads.
    const asksWhen = u.askedWhen || rc.lexicon.effectWords.match(u.tokens).size > 0;
    const above = rc.subjects.flat().filter((l) => l.kind === 'roles' && l.id !== link.id && l.quality >= 0.9).map((l) => l.id);
    const coming = asksWhen && above.length > 0 && !queries.reportsToOn(link.id, day).some((e) => above.includes(e.to)) ? queries.nextReportingChange(link.id, day) : undefined;
    const toAbove = coming?.lines.filter((e) => above.includes(e.to) && !e.condition) ?? [];
    if (coming && toAbove.length > 0) {
      const headline = onDay(rc, coming.date, t.reportsToMany(nm(link.id), joinList(unique(toAbove.map((e) => nm(e.to))), u.lang)), 'from');
      return done(rc, 'answer', headline, [direct!, ...stated], [...toAbove.map((e) => e.source), ...edges.map((e) => e.source)]);
    }
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
  if (!unit) {
    // "Who is the leader of Børnehuset Myretuen?" when the documents do not say.
    const named = units[0]!;
    if (named.quality < 0.9 || rc.subjects.length > 1) return undefined;
    return unknownWith(rc, t.noLeader(name(kb, named.id, u.lang, false)));
  }
  // A role that leads several units ("områdeleder" of Nord and of Syd): only its holders tied to this unit lead it.
  const holdersHere = (role: string) => {
    const all = relations.holders(role);
    if (relations.ledBy(role).length <= 1) return all;
    return all.filter((p) => [...unitsOfPerson(rc, p)].some((id) => within(kb, id, unit.id)));
  };
  const leaders = relations.leadersOf(unit.id).map((role) => {
    const holders = holdersHere(role).map((p) => p.name);
    return `${name(kb, role, u.lang, false)}${holders.length > 0 ? ` (${joinList(holders, u.lang)})` : ''}`;
  });
  const holderPeople = relations.leadersOf(unit.id).flatMap(holdersHere);
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

/** Kinds of question that ask something other than who takes part: a "who" about a meeting is then not about its members. */
const NOT_MEMBERSHIP = new Set(['chair', 'holder', 'leader', 'contact', 'deputy', 'deputy-for', 'decision', 'reporting-up', 'reporting-down', 'reporting-chain', 'responsibility', 'dates', 'when', 'frequency', 'figure', 'policy', 'programme']);

export function answerMembersRelation(rc: RelationContext): Answer | undefined {
  const { u, kb, relations } = rc;
  // "Who comes to the leadership forum?": a "who" question about a meeting or group asks who takes part in it.
  const whoAbout = u.kinds.has('who') && ![...u.kinds.keys()].some((k) => NOT_MEMBERSHIP.has(k)) && u.attributes.length === 0 && rc.subjects.length === 1 && rc.subjects[0]!.some((l) => (l.kind === 'meetings' || l.kind === 'leadershipGroups') && l.quality >= 0.9);
  if (!u.intents.has('membership') && !whoAbout) return undefined;
  const t = TEXTS[u.lang];
  const groups = subjectsOf(rc, ['leadershipGroups', 'meetings', 'units']);
  for (const group of groups) {
    const link = group.find((l) => relations.members(l.id).length > 0) ?? group.find((l) => l.kind !== 'units');
    if (!link) continue;
    if (link.kind === 'units') continue;
    // "Hvordan er ledelsen i Stjernehuset organiseret?": a one-word name ("ledelsen") beside another
    // named item is too weak to pick a group by; the general search weighs both.
    if (link.end - link.start === 1 && rc.subjects.length > 1) {
      // ... unless the other item is a unit with one leadership group of its own: "the leadership in <unit>".
      const unit = groups.flat().find((l) => l.kind === 'units' && l.quality >= 0.9);
      const own = unit ? groupsOfUnit(rc, unit.id) : [];
      return own.length === 1 && looseWords(rc).length === 0 ? membersOf(rc, own[0]!) : undefined;
    }
    const list = relations.members(link.id);
    if (list.length === 0) {
      if (link.quality < 0.9) continue;
      return done(rc, 'unknown', t.noMembers(name(kb, link.id, u.lang, false)), [], sourceOf(kb, link.id));
    }
    return membersOf(rc, link.id);
  }
  // "Hvem er i staben?": the roles of a unit, and the people in them ("who is in charge of" it asks for its leader).
  const unit = groups.flat().find((l) => l.kind === 'units');
  if (!unit || (u.intents.has('leader') && relations.leadersOf(unit.id).length > 0)) return undefined;
  // "Hvem sidder i ansættelsesudvalget til Kløverengen?": a body the data names only in the texts of the
  // unit, its roles and its postings; what those texts say about it answers, and nothing else does.
  const loose = looseWords(rc);
  // "Who are the members of the leadership of the centre?": the one leadership group of that unit, when its names say the other words.
  const own = groupsOfUnit(rc, unit.id);
  if (own.length === 1 && loose.every((w) => namesSay(rc, own[0]!, w))) return membersOf(rc, own[0]!);
  if (loose.length > 0) return statementsAbout(rc, unit.id, loose);
  const roles = kb.data.roles.filter((r) => r.unit === unit.id);
  if (roles.length === 0) return undefined;
  return done(rc, 'answer', t.inUnit(name(kb, unit.id, u.lang, false), joinList(roles.map((r) => name(kb, r.id, u.lang, false)), u.lang)), [], [...sourceOf(kb, unit.id), ...roles.map((r) => r.source)]);
}

/** The members of a group or the participants of a meeting, with the people who hold those roles and the chair. */
function membersOf(rc: RelationContext, id: string): Answer {
  const { u, kb, relations } = rc;
  const t = TEXTS[u.lang];
  const entry = kb.get(id);
  const list = relations.members(id);
  // Two members of one name ("pædagogisk leder" of the nursery and of the kindergarten) are told apart by their unit.
  const plain = list.map((m) => name(kb, m.ref, u.lang, false));
  const short = list.map((m, i) => {
    const unit = (kb.get(m.ref)?.item as { unit?: string } | undefined)?.unit;
    const twin = plain.filter((n) => n === plain[i]).length > 1 && unit ? ` (${name(kb, unit, u.lang, false)})` : '';
    return `${plain[i]}${twin}`;
  });
  const names = list.map((m, i) => `${short[i]}${m.note ? ` (${m.note[u.lang]})` : ''}`);
  const sentence = (l: string) => (entry?.kind === 'meetings' ? t.participants(name(kb, id, u.lang, false), l) : t.members(name(kb, id, u.lang, false), l));
  const holders = list.flatMap((m) => relations.holders(m.ref)).map((p) => `${p.name}, ${p.title[u.lang]}`);
  // Who chairs a meeting is part of who takes part in it.
  const chair = entry?.kind === 'meetings' && entry.item.chair ? entry.item.chair : undefined;
  if (chair && kb.get(chair)) holders.unshift(t.chairOf(name(kb, chair, u.lang, false)));
  // What the documents say about the group itself often names who else takes part.
  const about = (entry?.item as { description?: { da: string; en: string } } | undefined)?.description;
  if (about) holders.push(about[u.lang]);
  // A long list reads better one per line under a short first line.
  const headline = sentence(joinList(names, u.lang));
  if (headline.length > 200) {
    // Without the notes the names may still fit in the first line; the notes follow one per line.
    const bare = sentence(joinList(short, u.lang));
    if (bare.length <= 200) return done(rc, 'answer', bare, [...names.filter((n, i) => n !== short[i]), ...holders], sourceOf(kb, id), [], true);
    return done(rc, 'answer', t.memberCount(name(kb, id, u.lang, false), names.length, entry?.kind === 'meetings'), [...names, ...holders], sourceOf(kb, id), [], true);
  }
  return done(rc, 'answer', headline, holders, sourceOf(kb, id));
}

/** The leadership groups of a unit: those whose name names it ("den strategiske ledelse af Familie- og Dagtilbudscentret"). */
function groupsOfUnit(rc: RelationContext, unitId: string): string[] {
  const unit = rc.kb.get(unitId);
  if (unit?.kind !== 'units') return [];
  const unitNames = [unit.item.name, ...unit.item.names].map((n) => foldText(n)).filter((n) => n.length > 3);
  return rc.kb.data.leadershipGroups
    .filter((g) => rc.relations.members(g.id).length > 0 && [g.name, g.labelEn].some((n) => unitNames.some((un) => ` ${foldText(n)} `.includes(` ${un} `))))
    .map((g) => g.id);
}

/** A word is said by an item's names (by stem, or as part of a compound: "ledelse" in "centerledelsen"). */
function namesSay(rc: RelationContext, id: string, word: { form: string; stem: string }): boolean {
  const entry = rc.kb.get(id);
  if (!entry) return false;
  const forms = namesOf(entry).flatMap((n) => analyzeText(foldText(n)).map((w) => w.form));
  return forms.some((f) => f === word.form || primaryStem(f) === word.stem || (word.stem.length >= 5 && f.includes(word.stem)));
}

/** The question's content words that no name, cue or function word explains. */
function looseWords(rc: RelationContext): Array<{ form: string; stem: string }> {
  const { u } = rc;
  const covered = new Set<number>();
  for (const g of [...rc.subjects, ...describedItems(rc)]) for (const l of g) for (let i = l.start; i < l.end; i++) covered.add(i);
  return u.tokens
    .filter((tok, i) => !covered.has(i) && !u.cuePositions.has(i) && !u.intentWords.has(tok.form) && tok.form.length > 3 && !STOPWORDS.has(tok.form) && !GENERIC_WORDS.has(tok.form) && !isStop(tok.form) && !/^\d+$/.test(tok.form))
    .map((tok) => ({ form: tok.form, stem: primaryStem(tok.form) }));
}

/** What the texts of a unit, its roles and the postings for it say about the words asked (by stem or as a compound's head). */
function statementsAbout(rc: RelationContext, unitId: string, words: ReadonlyArray<{ form: string; stem: string }>): Answer | undefined {
  const { u, kb, relations } = rc;
  type Statement = { da: string; en: string; source: Source };
  const statements: Statement[] = [];
  const unit = kb.get(unitId);
  if (unit?.kind === 'units') statements.push(...unit.item.facts);
  for (const role of kb.data.roles.filter((r) => r.unit === unitId || relations.leadersOf(unitId).includes(r.id))) statements.push(...role.responsibilities, ...role.conditions);
  for (const id of relations.postingsOf(unitId)) {
    const posting = kb.get(id);
    if (posting?.kind === 'postings') statements.push(...posting.item.requirements, ...posting.item.offers, ...posting.item.conditions);
  }
  const says = (text: string) => {
    const forms = analyzeText(foldText(text)).map((w) => w.form);
    return words.every((w) => forms.some((f) => f === w.form || primaryStem(f) === w.stem || (w.stem.length >= 5 && (f.startsWith(w.stem) || f.endsWith(w.stem)))));
  };
  const found = unique(statements).filter((st) => says(`${st.da} ${st.en}`));
  if (found.length === 0) return undefined;
  return done(rc, 'answer', found[0]![u.lang], found.slice(1).map((st) => st[u.lang]), unique(found.map((st) => st.source)).slice(0, 3));
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
  const participants = relations.members(meeting.id).map((m) => `${name(kb, m.ref, u.lang, false)}${m.note ? ` (${m.note[u.lang]})` : ''}`);
  const lines = [
    ...(participants.length > 0 ? [t.participants(name(kb, meeting.id, u.lang, false), joinList(participants, u.lang))] : []),
    ...(meeting.unit ? [`${t.where}: ${name(kb, meeting.unit, u.lang, false)}`] : []),
    ...(meeting.purpose ? [meeting.purpose[u.lang]] : []),
    ...(meeting.description ? [meeting.description[u.lang]] : []),
  ];
  // Without a stated frequency, the meeting's own texts may still say it ("ugentlige ledermøder"): the search decides.
  if (!meeting.frequency) return undefined;
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
  // Several posts of one name ("head of day care"): the one in the municipality the question names.
  const inMunicipality = (l: Link) => rc.municipalities.has((kb.get(l.id)?.item as { municipality?: string } | undefined)?.municipality ?? '');
  const link = (rc.municipalities.size > 0 ? first.find(inMunicipality) : undefined) ?? first[0]!;
  const covered = new Set<number>();
  for (const g of rc.subjects) for (const l of g) for (let i = l.start; i < l.end; i++) covered.add(i);
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
function leftoverWords(rc: RelationContext, covered: ReadonlySet<number>): string[] {
  const { u, kb } = rc;
  const municipalityWords = new Set(
    [...rc.municipalities].flatMap((id) => {
      const m = kb.get(id)?.item as { name?: string; names?: string[]; namesEn?: string[] } | undefined;
      return m ? [m.name ?? '', ...(m.names ?? []), ...(m.namesEn ?? [])].flatMap((n) => analyzeText(foldText(n)).map((w) => w.form)) : [];
    }),
  );
  return u.tokens
    .filter((tok, i) => !covered.has(i) && !u.cuePositions.has(i) && !u.intentWords.has(tok.form) && !municipalityWords.has(tok.form) && tok.form.length > 2 && !isStop(tok.form))
    .map((tok) => tok.form);
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
      const postings = link.kind === 'postings' ? [link.id] : unique([link.id, ...relations.childUnits(link.id), ...relations.childUnits(link.id).flatMap((c) => relations.childUnits(c)), ...(link.kind === 'roles' ? titledRoles(kb, link.id) : [])].flatMap((id) => relations.postingsOf(id)));
      const people = unique(postings.flatMap((p) => relations.contacts(p)));
      if (people.length === 0) continue;
      const about = postings.length === 1 ? displayName(kb.get(postings[0]!)!, u.lang) : name(kb, link.id, u.lang, false);
      const list = people.map((p) => phrasesFor(u.lang).contactLine(p.name, p.title[u.lang], p.phone, p.email));
      return done(rc, 'answer', t.contacts(about, joinList(people.map((p) => p.name), u.lang)), list, people.map((p) => p.source));
    }
  }
  return answerDocumentContacts(rc);
}

/**
 * The roles whose official name is a role's name made specific ("børnehusleder i Børnehuset Kløverengen" for
 * "børnehusleder"): "the børnehusleder job" is the posting for one of them.
 */
function titledRoles(kb: KnowledgeBase, roleId: string): string[] {
  const role = kb.get(roleId);
  if (role?.kind !== 'roles') return [];
  const base = foldText(role.item.name);
  return kb.data.roles.filter((r) => r.id !== roleId && (foldText(r.name) === base || foldText(r.name).startsWith(`${base} `))).map((r) => r.id);
}

/**
 * "Hvem skal jeg spørge om årshjulet?": a document asked about as a topic reaches the people whose
 * `contactFor` lists it. The document is known by the words of its title that are not the names of
 * items ("Dagtilbud Hvidmose" names a unit, not the calendar); one such word of the question must be
 * in exactly one document's title, by stem or as a compound's head ("årshjulet" in "Ledelsesårshjul").
 */
function answerDocumentContacts(rc: RelationContext): Answer | undefined {
  const { u, kb } = rc;
  const t = TEXTS[u.lang];
  const contactsOf = new Map<string, Person[]>();
  for (const person of kb.data.people) {
    for (const id of person.contactFor) if (kb.documents.has(id)) contactsOf.set(id, [...(contactsOf.get(id) ?? []), person]);
  }
  if (contactsOf.size === 0) return undefined;
  const nameWords = new Set(
    [...kb.data.units, ...kb.data.roles, ...kb.data.municipalities].flatMap((item) => [item.name, ...item.names].flatMap((n) => analyzeText(foldText(n)).map((w) => w.form))),
  );
  const asked = u.tokens.filter((tok) => tok.form.length >= 4 && !STOPWORDS.has(tok.form) && !GENERIC_WORDS.has(tok.form) && !nameWords.has(tok.form) && !/^\d+$/.test(tok.form));
  const fits = (word: string, tok: (typeof asked)[number]) =>
    word === tok.form || primaryStem(word) === primaryStem(tok.form) || (tok.form.length >= 5 && word.endsWith(primaryStem(tok.form)));
  const scored = [...contactsOf.keys()].map((id) => {
    const doc = kb.documents.get(id)!;
    const words = analyzeText(foldText(`${doc.title} ${doc.titleEn}`))
      .map((w) => w.form)
      .filter((w) => w.length >= 4 && !STOPWORDS.has(w) && !nameWords.has(w) && !/^\d+$/.test(w));
    return { id, hits: asked.filter((tok) => words.some((w) => fits(w, tok))).length };
  });
  const best = Math.max(...scored.map((s) => s.hits));
  const top = scored.filter((s) => s.hits === best);
  if (best === 0 || top.length !== 1) return undefined;
  const doc = kb.documents.get(top[0]!.id)!;
  const people = contactsOf.get(doc.id)!;
  const about = u.lang === 'da' ? doc.title : doc.titleEn;
  const list = people.map((p) => phrasesFor(u.lang).contactLine(p.name, p.title[u.lang], p.phone, p.email));
  return done(rc, 'answer', t.contacts(about, joinList(people.map((p) => p.name), u.lang)), list, people.map((p) => p.source));
}

// ---------------------------------------------------------------------------------------------
// Partly known: a person (or a role's holder) asked for what the documents do not give

export function answerAttribute(rc: RelationContext): Answer | undefined {
  const { u, kb, relations } = rc;
  const started = answerPersonStart(rc);
  if (started) return started;
  if (u.attributes.length === 0 || u.intents.has('figure')) return undefined;
  // "Who calls the meetings?": a word of the chair's cue ("calls the meeting") is not the phone asked for.
  const chairAt = u.kinds.get('chair')?.positions;
  const attributeAt = chairAt ? rc.lexicon.attributes.match(u.tokens) : undefined;
  const attributes = u.attributes.filter((a) => {
    const at = attributeAt?.get(a)?.positions;
    return !at || !at.every((p) => chairAt!.includes(p));
  });
  if (attributes.length === 0) return undefined;
  const t = TEXTS[u.lang];
  const attribute = attributes[0]!;
  const label = rc.lexicon.attributeLabels.get(attribute)![u.lang];
  const person = rc.subjects.flat().find((l) => l.kind === 'people');
  const value = (p: Person, a: Attribute) => (a === 'phone' ? p.phone : a === 'email' ? p.email : undefined);
  if (person) {
    const p = (kb.get(person.id) as { item: Person }).item;
    const v = value(p, attribute);
    if (v) return done(rc, 'answer', attribute === 'phone' ? t.phoneOf(p.name, v) : t.emailOf(p.name, v), [`${p.name}, ${p.title[u.lang]}`], [p.source]);
    return done(rc, 'unknown', t.notKnown(p.name, label), [`${p.name}, ${p.title[u.lang]}`], [p.source]);
  }
  // "Who can I call about the X post?" asks for its contacts, not for X's number.
  if (u.kinds.has('contact') && rc.lexicon.topicWords.match(u.tokens).size > 0) return undefined;
  const first = rc.subjects[0]?.[0];
  // "Which period does the learning strategy cover?": a policy's period, when the data gives it.
  if (attribute === 'period' && first?.kind === 'policies') {
    const policy = kb.get(first.id)!.item as { period?: string; source: Source };
    if (policy.period) return done(rc, 'answer', t.periodOf(name(kb, first.id, u.lang, false), policy.period), [], [policy.source]);
    return done(rc, 'unknown', t.notKnown(name(kb, first.id, u.lang, false), label), [], [policy.source]);
  }
  // "Hvad er telefonnummeret til PPR?", "What is the budget of the centre?": a known item, an unknown value.
  if (first && (attribute === 'budget' || ((attribute === 'phone' || attribute === 'email') && ['units', 'leadershipGroups', 'meetings', 'municipalities'].includes(first.kind)))) {
    if (first.quality < 0.9) return undefined;
    // A budget the item's own facts or figures state is answered from them.
    if (attribute === 'budget') {
      // A budget stated as a figure of the item ("Budget 2027: 412,5 mio. kr."): the year asked for first.
      const label = rc.lexicon.attributeLabels.get(attribute)!;
      const stems = new Set([label.da, label.en].flatMap((l) => tokenize(l).map(primaryStem)));
      const year = u.range?.from.slice(0, 4);
      const figures = relations
        .figures(first.id)
        .filter((f) => tokenize(`${f.figure.text.da} ${f.figure.text.en}`).some((w) => stems.has(primaryStem(w))))
        .sort((a, b) => Number(year !== undefined && b.figure.text.da.includes(year)) - Number(year !== undefined && a.figure.text.da.includes(year)));
      if (figures.length > 0) {
        const lines = figures.map((f) => t.figure(name(kb, first.id, u.lang, false), f.figure.text[u.lang].replace(/\.$/, '')));
        return done(rc, 'answer', lines[0]!, lines.slice(1), figures.map((f) => f.figure.source));
      }
      if (statesAttribute(rc, first.id, attribute)) return undefined;
    }
    const holders = first.kind === 'units' ? relations.leadersOf(first.id).flatMap((r) => relations.holders(r)).filter((p) => value(p, attribute)) : [];
    if (holders.length > 0) {
      const lines = holders.map((p) => (attribute === 'phone' ? t.phoneOf(p.name, value(p, attribute)!) : t.emailOf(p.name, value(p, attribute)!)));
      return done(rc, 'answer', lines[0]!, lines.slice(1), holders.map((p) => p.source));
    }
    return done(rc, 'unknown', t.notKnown(name(kb, first.id, u.lang, false), label), [], sourceOf(kb, first.id));
  }
  if (attribute === 'salary' && first && (first.kind === 'roles' || first.kind === 'postings') && first.quality >= 0.9) {
    // A post's pay: what its terms and its postings' terms say about pay, or that they say nothing.
    const roleId = first.kind === 'postings' ? (kb.get(first.id)!.item as { role: string }).role : first.id;
    const role = kb.get(roleId);
    const postings = first.kind === 'postings' ? [first.id] : relations.postingsOf(roleId);
    const terms = [
      ...(role?.kind === 'roles' ? role.item.conditions : []),
      ...postings.flatMap((id) => {
        const e = kb.get(id);
        return e?.kind === 'postings' ? e.item.conditions : [];
      }),
    ];
    const about = terms.filter((s) => rc.lexicon.attributes.match(analyzeText(foldText(`${s.da} ${s.en}`))).has('salary'));
    if (about.length > 0) return done(rc, 'answer', about[0]![u.lang], about.slice(1).map((s) => s[u.lang]), about.map((s) => s.source));
    return done(rc, 'unknown', t.notKnown(name(kb, first.id, u.lang, false), label), [], sourceOf(kb, first.id));
  }
  // An attribute no field of the schema holds ("the address of X", "X's opening hours"): known only when
  // one of X's own facts states it; otherwise the documents name X but not that.
  if (!FIELD_ATTRIBUTES.has(attribute) && first && first.quality >= 0.9 && first.kind !== 'municipalities') {
    if (statesAttribute(rc, first.id, attribute)) return undefined;
    return unknownWith(rc, t.notKnown(name(kb, first.id, u.lang, false), label));
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

/** True when one of the item's own facts states the attribute: by its cue phrases, or by its label's word ("Budget 2027: 412,5 mio. kr."). */
function statesAttribute(rc: RelationContext, id: string, attribute: Attribute): boolean {
  const label = rc.lexicon.attributeLabels.get(attribute);
  const labelStems = new Set([label?.da, label?.en].flatMap((l) => (l ? tokenize(l).map(primaryStem) : [])));
  return rc.ctx.index.facts.some((f) => {
    if (f.owner !== id) return false;
    const text = `${f.text.da} ${f.text.en}`;
    return rc.ctx.saysAttribute?.(text, attribute) === true || tokenize(text).some((w) => labelStems.has(primaryStem(w)));
  });
}

/** Attributes the schema has a field or a relation for (a person's phone and e-mail, a post's pay terms, a policy's period, a survey's responses). */
const FIELD_ATTRIBUTES: ReadonlySet<Attribute> = new Set<Attribute>(['phone', 'email', 'salary', 'period', 'responses']);

/**
 * "Hvornår startede X?", "when did X start": a person's first day in the post is the person's
 * `validFrom`; a date entry about the person answers too. Otherwise the documents name X but give no date.
 */
function answerPersonStart(rc: RelationContext): Answer | undefined {
  const { u, kb, relations } = rc;
  if (!u.intents.has('dates') || !u.askedWhen) return undefined;
  const links = rc.subjects.flat().filter((l) => l.quality >= 0.9);
  const person = links.find((l) => l.kind === 'people');
  // Only a question about the person alone: "the interview for the post X is contact for" is the posting's.
  if (!person || links.some((l) => l.kind !== 'people' && l.kind !== 'municipalities' && l.kind !== 'roles')) return undefined;
  if (relations.dates(person.id).length > 0) return undefined;
  const p = (kb.get(person.id) as { item: Person }).item;
  const t = TEXTS[u.lang];
  const line = `${p.name}, ${p.title[u.lang]}`;
  if (p.validFrom && (u.dateKinds.size === 0 || u.dateKinds.has('start'))) return done(rc, 'answer', t.since(p.name, p.title[u.lang], shortDate(p.validFrom, u.lang)), [], [p.source]);
  const label = u.dateKinds.has('start') || u.dateKinds.size === 0 ? t.startDate : t.dateOf;
  return done(rc, 'unknown', t.notKnown(p.name, label), [line], [p.source]);
}

function unknownWith(rc: RelationContext, headline: string): Answer {
  return unknownAnswer(rc.ctx, rc.u.lang, headline);
}

// ---------------------------------------------------------------------------------------------
// Figures by metric

export function answerFiguresRelation(rc: RelationContext): Answer | undefined {
  const { u, kb, relations } = rc;
  if (!u.intents.has('figure')) return undefined;
  const t = TEXTS[u.lang];
  // Each item named is asked about ("Område Vest og Område Øst"); within one name, the first reading that states the figure.
  // A role stands for its own team and, after it, for the unit it sits in ("dagplejere": the childminding's figures).
  const unitOfRole = (id: string) => (kb.get(id)?.item as { unit?: string } | undefined)?.unit;
  const groups = subjectsOf(rc, ['units', 'roles', 'municipalities']).map((g) => unique(g.flatMap((l) => (l.kind === 'roles' && unitOfRole(l.id) ? [l.id, unitOfRole(l.id)!] : [l.id]))));
  const scope = groups.length > 0 ? groups : [...rc.municipalities].map((id) => [id]);
  if (scope.length === 0) return undefined;
  // "Hvad er tallene for Mågen?", "the figures for Area South": no word says what is counted, so every figure of the item.
  const unsaid = u.attributes.length === 0 && u.tokens.every((tok, i) => u.cuePositions.has(i) || u.namePositions?.has(i) === true || STOPWORDS.has(tok.form) || GENERIC_WORDS.has(tok.form) || /\d/.test(tok.form));
  const metrics = u.metrics.length > 0 ? u.metrics : unsaid && groups.length > 0 ? unique(groups.flat().flatMap((id) => relations.figures(id).map((f) => f.figure.metric))) : [];
  // What is counted, by metric, or by a word of the question that a figure's own text counts ("38 dagplejere",
  // "92 childminders"): the schema's metrics differ between municipalities, the figure's words do not.
  const metricWords = new Set([...u.metricAt.values()].flat());
  // The word right after a "how many" is what is counted even when it also names a unit ("how many dagplejere").
  const countedAt = new Set(countedPositions(u.tokens, [...u.cuePositions]));
  const words = u.tokens
    .filter((tok, i) => !u.cuePositions.has(i) && (u.namePositions?.has(i) !== true || countedAt.has(i)) && !metricWords.has(i) && !STOPWORDS.has(tok.form) && !GENERIC_WORDS.has(tok.form) && tok.form.length >= 4 && !/\d/.test(tok.form))
    .map((tok) => tok.form);
  const counted: Array<(f: Figure) => boolean> = [
    ...unique(metrics).map((m) => (f: Figure) => f.metric === m),
    ...unique(words).map((w) => (f: Figure) => !metrics.includes(f.metric) && countsWord(f, w)),
  ];
  // "The phone number of X" asks for an attribute, not a count: only a metric named makes it one.
  if (metrics.length === 0 && (words.length === 0 || u.attributes.length > 0)) return undefined;
  const found: Array<{ owner: string; figure: Figure }> = [];
  const first: Array<{ owner: string; figure: Figure }> = [];
  const below = new Set<string>();
  const askedOwners = new Set<string>();
  for (const isCounted of counted) {
    const before = found.length;
    // The items named first; the municipality named when none of them states such a figure.
    const scopes = [...scope, ...(groups.length > 0 ? [...rc.municipalities].map((id) => [id]) : [])];
    for (const group of scopes) {
      if (groups.length > 0 && found.length > before && !scope.includes(group)) break;
      for (const id of group) {
        // The item's own figure, else the nearest units below it that state one (breadth first).
        let frontier = [id];
        const seen = new Set<string>();
        let hits: Array<{ owner: string; figure: Figure }> = [];
        for (let depth = 0; depth < 4 && frontier.length > 0; depth++) {
          hits = frontier.flatMap((f) => relations.figures(f).filter((x) => isCounted(x.figure)));
          if (hits.length > 0) break;
          frontier.forEach((f) => seen.add(f));
          frontier = frontier.flatMap((f) => relations.childUnits(f)).filter((f) => !seen.has(f));
        }
        if (hits.length === 0) continue;
        found.push(...hits);
        // A figure of a unit below the one asked about is no total of it ("children in Område Vest" is not one house's count).
        // A municipality's top-most unit that states the figure, itself made of units (its day-care department),
        // speaks for the municipality; a single house does not.
        const speaksFor = hits.length === 1 && kb.get(id)?.kind === 'municipalities' && relations.childUnits(hits[0]!.owner).length > 0;
        if (!hits.some((h) => h.owner === id) && !speaksFor) hits.forEach((h) => below.add(h.owner));
        else if (hits.length === 1 && !below.has(hits[0]!.owner)) first.push(hits[0]!);
        if (!hits.some((h) => h.owner === id) && !speaksFor) askedOwners.add(id);
        break;
      }
    }
  }
  if (found.length === 0) return undefined;
  const key = (f: { owner: string; figure: Figure }) => `${f.owner}|${f.figure.metric}|${f.figure.value}`;
  const unique_ = [...new Map(found.map((f) => [key(f), f])).values()];
  // A figure stated as of a day says so ("pr. 1. september 2026").
  const asOf = (f: Figure) => {
    const text = f.text[u.lang].replace(/\.$/, '');
    return f.asOf && !text.includes(shortDate(f.asOf, u.lang)) ? `${text} (${u.lang === 'da' ? 'pr.' : 'as of'} ${shortDate(f.asOf, u.lang)})` : text;
  };
  const line = (f: { owner: string; figure: Figure }) => t.figure(name(kb, f.owner, u.lang, false), asOf(f.figure));
  // Every figure asked for directly (each item, each metric) is in the headline; figures of the units below follow.
  const direct = [...new Map(first.map((f) => [key(f), f])).values()];
  if (direct.length === 0 && unique_.every((f) => below.has(f.owner))) {
    const subject = joinList([...askedOwners].map((id) => name(kb, id, u.lang, false)), u.lang);
    return unknownWith(rc, t.noTotal(subject));
  }
  const headed = direct.length >= 2 && direct.length <= 4 ? direct : unique_.length <= 2 ? unique_ : unique_.slice(0, 1);
  const headedKeys = new Set(headed.map(key));
  const rest = unique_.filter((f) => !headedKeys.has(key(f)));
  return done(rc, 'answer', headed.map(line).join(' '), rest.map(line), unique_.map((f) => f.figure.source));
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
    // Policies named for the item, else for the units it belongs to, nearest first.
    let ids: string[] = [];
    // A unit's policies are also those its leaders must know and those it owns ("the childminding service": its head's).
    const forItem = (id: string) => {
      const entry = kb.get(id);
      const leaders = entry?.kind === 'units' ? relations.leadersOf(id) : [];
      const owned = entry?.kind === 'units' ? kb.data.policies.filter((p) => p.owner === id).map((p) => p.id) : [];
      return unique([...relations.policiesFor(id), ...leaders.flatMap((r) => relations.policiesFor(r)), ...owned]);
    };
    for (let current: string | undefined = subject.id, depth = 0; current && ids.length === 0 && depth < 6; depth++) {
      ids = forItem(current).filter(typeOk);
      const item = kb.get(current)?.item as { unit?: string; parent?: string } | undefined;
      current = item?.unit ?? item?.parent;
    }
    if (ids.length === 0) return undefined;
    const names = ids.map((id) => displayName(kb.get(id)!, u.lang));
    const headline = subject.kind === 'units' ? t.policiesIn(name(kb, subject.id, u.lang, false), joinList(names.slice(0, 6), u.lang)) : t.policies(name(kb, subject.id, u.lang), joinList(names.slice(0, 6), u.lang));
    return done(rc, 'answer', headline, names.length > 6 ? names.slice(6) : [], ids.flatMap((id) => sourceOf(kb, id)).slice(0, 3));
  }
  // "What policies does Bakkekær have?", "which strategies are there?": nothing but the kind of policy and the
  // municipality (the one named, or the only one the documents know) asked about: its policies.
  if (rc.subjects.length > 0 || leftoverWords(rc, new Set()).some((w) => !STOPWORDS.has(w))) return undefined;
  const places = rc.municipalities.size > 0 ? [...rc.municipalities] : kb.data.municipalities.length === 1 ? [kb.data.municipalities[0]!.id] : [];
  if (places.length !== 1) return undefined;
  const place = places[0]!;
  const ids = kb.data.policies.filter((p) => (p.municipality === place || p.owner === place) && typeOk(p.id)).map((p) => p.id);
  if (ids.length === 0) return undefined;
  const names = ids.map((id) => displayName(kb.get(id)!, u.lang));
  return done(rc, 'answer', t.policiesIn(name(kb, place, u.lang, false), joinList(names.slice(0, 6), u.lang)), names.length > 6 ? names.slice(6) : [], ids.flatMap((id) => sourceOf(kb, id)).slice(0, 3));
}

// ---------------------------------------------------------------------------------------------
// A policy's own fields: who adopted it, what it requires

/**
 * "Hvem har vedtaget X?", "who adopted X": a decision that changes the policy names its body; else a
 * statement about the policy (its requirements, dates, facts, the quote it comes from) that says it
 * was adopted. "Hvad kræver X?", "what does X require": the policy's `requires`. Otherwise the
 * documents name the policy but not that.
 */
export function answerPolicyFields(rc: RelationContext): Answer | undefined {
  const { u, kb } = rc;
  const policy = subjectsOf(rc, ['policies'])[0]?.[0];
  // A policy named in part ("the language policy" for "language policy for day care") still names it.
  if (!policy || policy.quality < 0.75) return undefined;
  // A role or unit named besides the policy asks about them ("which policies must X know").
  if (rc.subjects.flat().some((l) => ['roles', 'units', 'people', 'postings'].includes(l.kind) && l.quality >= 0.9)) return undefined;
  const item = kb.get(policy.id)!.item as Policy;
  const t = TEXTS[u.lang];
  const title = name(kb, policy.id, u.lang, false);
  if (u.kinds.has('decision') && u.kinds.has('who')) {
    const decision = kb.data.decisions.find((d) => d.changes.includes(policy.id));
    if (decision) return done(rc, 'answer', t.adoptedBy(title, name(kb, decision.body, u.lang, true), shortDate(decision.date, u.lang)), [], [decision.source]);
    const says = (text: string) => rc.lexicon.kinds.match(analyzeText(foldText(text))).has('decision');
    const statements: Array<{ text: string; source: Source }> = [
      ...item.requires.map((r) => ({ text: r[u.lang], source: r.source, both: `${r.da} ${r.en}` })),
      ...rc.relations.dates(policy.id).map((d) => ({ text: d.label[u.lang], source: d.source, both: `${d.label.da} ${d.label.en}` })),
      ...kb.data.facts.filter((f) => f.about.includes(policy.id)).map((f) => ({ text: f.text[u.lang], source: f.source, both: `${f.text.da} ${f.text.en}` })),
      // The document's own words, quoted as they stand.
      { text: `»${item.source.quote}«`, source: item.source, both: item.source.quote },
    ].filter((x) => says(x.both));
    if (statements.length === 0) return unknownWith(rc, t.notAdopted(title));
    return done(rc, 'answer', `${capitalize(title)}: ${statements[0]!.text}`, statements.slice(1).map((x) => x.text), statements.map((x) => x.source));
  }
  if (u.intents.has('requirement') && item.requires.length > 0) {
    return done(rc, 'answer', t.requires(title), item.requires.map((r) => r[u.lang]), item.requires.map((r) => r.source));
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Who holds a role (in a unit)

/** True when a unit is the other or lies inside it (through `parent`). */
function within(kb: KnowledgeBase, id: string, outer: string): boolean {
  for (let current: string | undefined = id, depth = 0; current && depth < 8; depth++) {
    if (current === outer) return true;
    const e = kb.get(current);
    current = e?.kind === 'units' ? e.item.parent : undefined;
  }
  return false;
}

/** The units a person is tied to: named in their title, or where the posting they answer for is. */
function unitsOfPerson(rc: RelationContext, person: Person): Set<string> {
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
    return done(rc, 'answer', t.holders(name(kb, role.id, u.lang, false), joinList(holders.map((p) => p.name), u.lang)), holders.map(line), holders.map((p) => p.source));
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
  const roleUnit = (kb.get(role.id)?.item as { unit?: string }).unit;
  const there = holders.filter((p) => inside(unitsOfPerson(rc, p)) || (roleUnit !== undefined && roleUnit === unit.id));
  if (there.length > 0) {
    return done(rc, 'answer', t.holders(name(kb, role.id, u.lang, false), joinList(there.map((p) => p.name), u.lang)), there.map(line), there.map((p) => p.source));
  }
  const elsewhere = holders.map((p) => t.holderElsewhere(p.name, p.title[u.lang]));
  const answer = done(rc, 'unknown', t.noHolderIn(name(kb, role.id, u.lang, false), name(kb, unit.id, u.lang, false)), elsewhere, holders.map((p) => p.source));
  return { ...answer, suggestions: unknownWith(rc, answer.headline).suggestions };
}

/**
 * "Who is the deputy head at Kløverengen?", "who's the chair of the parents' board at Kløverengen?": every content
 * word of a "who is" question found in one person's title (in either language) names that person, also when no
 * post of the knowledge base is theirs. Two content words at least; exactly one person.
 */
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
  const content = u.tokens.filter((tok) => !STOPWORDS.has(tok.form) && !/^\d/.test(tok.form) && tok.form.length > 1);
  if (content.length < 2) return undefined;
  const wordsOf = (text: string) => new Set(analyzeText(foldText(text)).flatMap((w) => [w.form, ...w.terms]));
  const matching = kb.data.people.filter((p) => {
    const words = wordsOf(`${p.title.da} ${p.title.en}`);
    return content.every((tok) => words.has(tok.form) || tok.terms.some((term) => words.has(term)));
  });
  if (matching.length !== 1) return undefined;
  const person = matching[0]!;
  return done(rc, 'answer', TEXTS[u.lang].holds(person.name, person.title[u.lang]), [phrasesFor(u.lang).contactLine(person.name, person.title[u.lang], person.phone, person.email)], [person.source]);
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
  const loose = u.tokens.filter((tok, i) => (i < link.start || i >= link.end) && !cues.has(i) && !u.cuePositions.has(i) && !u.intentWords.has(tok.form) && tok.form.length > 2 && !STOPWORDS.has(tok.form) && !isStop(tok.form));
  if (loose.length > 0) return undefined;
  const person = entry.item;
  const title = person.title;
  const headline =
    u.lang === 'da'
      ? `${person.name} er ${title.da}.`
      : `${person.name} is the ${title.en}${foldText(title.en).includes(foldText(title.da)) ? '' : ` (${title.da})`}.`;
  const lines = [phrasesFor(u.lang).contactLine(person.name, title[u.lang], person.phone, person.email)];
  if (person.role && relations.holders(person.role).includes(person)) {
    const roleName = name(kb, person.role, u.lang, false);
    if (!foldText(headline).includes(foldText(roleName))) lines.push(capitalize(roleName));
  }
  return done(rc, 'answer', headline, lines, [person.source]);
}

// ---------------------------------------------------------------------------------------------
// What a posting requires, offers, its terms; what a role requires

const POSTING_FIELDS = { requirement: 'requirements', offer: 'offers', condition: 'conditions' } as const;
const ROLE_FIELDS = { competence: 'competences', education: 'education', condition: 'conditions' } as const;

export function answerPostingTerms(rc: RelationContext): Answer | undefined {
  const { u, kb, relations } = rc;
  const asked = (['requirement', 'offer', 'condition', 'competence', 'education'] as const).filter((k) => u.intents.has(k));
  if (asked.length === 0 || u.intents.has('reporting') || u.intents.has('dates')) return undefined;
  for (const link of rc.subjects.flat()) {
    const postings = link.kind === 'postings' ? [link.id] : link.kind === 'roles' || link.kind === 'units' ? relations.postingsOf(link.id) : [];
    const statements: Array<{ text: string; source: Source; owner: string }> = [];
    for (const id of postings) {
      const posting = kb.get(id);
      if (posting?.kind !== 'postings') continue;
      // What is required before hiring is partly in the procedure (references, a criminal record check).
      const fields = unique([...asked.flatMap((k) => (k === 'requirement' ? ['requirement', 'condition'] : [k]))]);
      for (const k of fields) {
        const field = POSTING_FIELDS[k as keyof typeof POSTING_FIELDS];
        if (field) statements.push(...posting.item[field].map((s) => ({ text: s[u.lang], source: s.source, owner: id })));
      }
    }
    const role = link.kind === 'roles' ? kb.get(link.id) : undefined;
    if (role?.kind === 'roles') {
      for (const k of asked) {
        const field = ROLE_FIELDS[k as keyof typeof ROLE_FIELDS];
        if (field) statements.push(...role.item[field].map((s) => ({ text: s[u.lang], source: s.source, owner: link.id })));
      }
    }
    // "What are the opening hours of X?": only terms that state the attribute asked answer it.
    const says = rc.ctx.saysAttribute;
    if (u.attributes.length > 0 && says) statements.splice(0, statements.length, ...statements.filter((st) => u.attributes.some((a) => says(st.text, a))));
    if (statements.length === 0) continue;
    const owner = statements[0]!.owner;
    const t = TEXTS[u.lang];
    return done(rc, 'answer', t.posting(displayName(kb.get(owner)!, u.lang)), statements.map((s) => s.text), unique(statements.map((s) => s.source)).slice(0, 3));
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Programmes and tools a unit, role or municipality uses

export function answerProgrammesRelation(rc: RelationContext): Answer | undefined {
  const { u, kb } = rc;
  if (!u.intents.has('programme') || u.intents.has('reporting')) return undefined;
  const t = TEXTS[u.lang];
  const subject = rc.subjects.flat().find((l) => l.kind === 'units' || l.kind === 'roles') ?? undefined;
  const ids = subject ? [subject.id] : [...rc.municipalities];
  if (ids.length === 0) return undefined;
  const programmes = kb.data.programmes.filter((p) =>
    ids.some((id) => p.usedBy.includes(id) || p.municipality === id || (!subject && kb.documents.get(p.source.doc)?.municipality === id)),
  );
  if (programmes.length === 0) return undefined;
  // "Hvad bruger de KIDS til i Ballerup?": a programme named is asked about itself, not listed among the others.
  const named = new Set(rc.subjects.flat().filter((l) => l.kind === 'programmes' && l.quality >= 0.9).map((l) => l.id));
  const own = programmes.filter((p) => named.has(p.id));
  if (own.length > 0) {
    const line = (p: (typeof own)[number]) => `${displayName({ kind: 'programmes', item: p }, u.lang)}: ${(p.description ?? { da: p.name, en: p.labelEn })[u.lang]}`;
    return done(rc, 'answer', line(own[0]!), own.slice(1).map(line), own.map((p) => p.source).slice(0, 3));
  }
  const subjectName = subject ? name(kb, subject.id, u.lang, false) : name(kb, ids[0]!, u.lang, false);
  const names = programmes.map((p) => displayName({ kind: 'programmes', item: p }, u.lang));
  const lines = programmes.map((p) => `${displayName({ kind: 'programmes', item: p }, u.lang)}: ${(p.description ?? { da: p.name, en: p.labelEn })[u.lang]}`);
  return done(rc, 'answer', t.programmesOf(subjectName, joinList(names, u.lang)), lines, programmes.map((p) => p.source).slice(0, 3));
}

// ---------------------------------------------------------------------------------------------
// The parts of a concept or policy ("de tre pejlemærker i læringsstrategien")

export function answerParts(rc: RelationContext): Answer | undefined {
  const { u, kb, queries } = rc;
  if (u.intents.has('reporting') || u.intents.has('dates') || u.intents.has('contact')) return undefined;
  for (const link of rc.subjects.flat()) {
    if (link.kind !== 'concepts' && link.kind !== 'policies' && link.kind !== 'programmes') continue;
    const parts = queries.conceptsIn(link.id);
    if (parts.length === 0) continue;
    // "Hvad er leg og læring i læringsstrategien?": one of the parts named asks about that part, not the whole.
    const within = (id: string) => {
      for (let current: string | undefined = id, depth = 0; current && depth < 6; depth++) {
        const e = kb.get(current);
        current = e?.kind === 'concepts' ? e.item.partOf : undefined;
        if (current === link.id) return true;
      }
      return false;
    };
    if (rc.subjects.flat().some((l) => l.kind === 'concepts' && l.id !== link.id && l.quality >= 0.9 && within(l.id))) return undefined;
    // A list question, or the number of parts named ("de tre pejlemærker").
    if (u.cardinal !== undefined && u.cardinal !== parts.length) continue;
    if (u.cardinal === undefined && rc.lexicon.listWords.match(u.tokens).size === 0) continue;
    const t = TEXTS[u.lang];
    const names = parts.map((c) => displayName({ kind: 'concepts', item: c }, u.lang));
    const lines = parts.filter((c) => c.description).map((c) => `${displayName({ kind: 'concepts', item: c }, u.lang)}: ${c.description![u.lang]}`);
    return done(rc, 'answer', t.parts(name(kb, link.id, u.lang, false), joinList(names, u.lang)), lines, [...sourceOf(kb, link.id), ...parts.map((c) => c.source)].slice(0, 3));
  }
  return undefined;
}
