/**
 * Reporting lines: up, down, the whole chain, on a day, conditional lines.
 */
import type { Person } from '../../knowledge/schemas.js';
import { holdsOn } from '../../knowledge/validity.js';
import { holdsInUnit } from '../../knowledge/holdings.js';
import { addDays, MONTH_NAMES } from '../../time/format-date.js';
import type { Link } from '../linking.js';
import { joinList, phrasesFor } from '../phrases.js';
import type { Answer, Lang } from '../types.js';
import { HEADLINE_MAX, shortDate, unique } from '../answer-context.js';
import { askedDayOf, done, name, roleOnDay, sourceOf, subjectsOf, unitOn, type RelationContext } from './context.js';
import type { ReportingEdge } from '../../knowledge/queries.js';
import { unitsOfPerson, within } from './leaders-and-holders.js';
import { unknownWith } from './partly-known.js';
import { asksWhichMeetings } from './members-and-meetings.js';
import { answerLeaderRelation } from './leaders-and-holders.js';
import { TEXTS } from './texts.js';
import { deputyStatements } from './deputy-statements.js';
import { leftoverWords } from './leftover-words.js';
import { analyzeText, foldText, GENERIC_WORDS, primaryStem, STOPWORDS } from '../normalize.js';
import { holderName, scopeSuffix } from './org-changes.js';
import { countedByFigure } from './figures.js';
import { rolesByNameStart } from './role-name-starts.js';
import { figuresOfMetrics } from '../figure-owners.js';

// ---------------------------------------------------------------------------------------------
// Reporting lines

/** The day whose state a question asks about: the day it names, the day of a coming change ("after the reorganisation"), or today. */
function stateDay(rc: RelationContext, id: string): string {
  const named = rc.u.day !== undefined || (rc.u.range !== undefined && rc.u.range.from > rc.today);
  if (!named && rc.u.kinds.has('after-change')) return rc.queries.nextReportingChange(id, rc.today)?.date ?? nextChangeBelow(rc, id) ?? placeChange(rc) ?? rc.today;
  return askedDayOf(rc);
}

/**
 * The first day after today on which a unit the question names ends or begins ("the huschefer in Skoven after the
 * merger": Skoven ends with July 2027), for a question about the state after a change whose own line does not change.
 */
function placeChange(rc: RelationContext): string | undefined {
  const days: string[] = [];
  for (const l of rc.subjects.flat()) {
    if (l.kind !== 'units' || l.quality < 0.9) continue;
    const unit = rc.kb.get(l.id)?.item as { validFrom?: string; validUntil?: string } | undefined;
    if (unit?.validFrom && unit.validFrom > rc.today) days.push(unit.validFrom);
    if (unit?.validUntil && unit.validUntil >= rc.today) days.push(addDays(unit.validUntil, 1));
  }
  return days.sort()[0];
}

type UnitItem = { readonly validUntil?: string; readonly parent?: string };

/**
 * "Hvem refererer huscheferne i Skoven til?": a general post named beside a unit reports, there, to the post above
 * it that leads that unit or a unit around it (the kredsleder of Skoven, whose name begins with "kredsleder"), on the
 * day asked (a unit ended by then: the unit that carries it on). The general post above when none does.
 */
function placedBoss(rc: RelationContext, from: Link, to: string, day: string): string {
  if (from.kind !== 'roles') return to;
  const above = rc.kb.get(to);
  if (above?.kind !== 'roles') return to;
  const instances = (rolesByNameStart(rc.kb).get(foldText(above.item.name)) ?? []).filter((id) => id !== to);
  if (instances.length === 0) return to;
  const places = unique(rc.subjects.flat().filter((l) => l.kind === 'units' && l.quality >= 0.9).map((l) => l.id));
  const found = new Set<string>();
  for (const place of places) {
    let unit = unitOn(rc, place, day);
    for (let depth = 0; unit !== undefined && depth < MAX_UNIT_DEPTH; depth++) {
      const leading = rc.relations.leadersOf(unit).filter((id) => instances.includes(id));
      if (leading.length > 0) {
        for (const id of leading) found.add(id);
        break;
      }
      unit = (rc.kb.get(unit)?.item as UnitItem | undefined)?.parent;
    }
  }
  return found.size === 1 ? [...found][0]! : to;
}

/**
 * "Hvem refererer børnehuslederne i Område Vest til?": of the lines of a post to the heads of several places, those to
 * the head of the place named (or of a place around it); all of them when none leads it.
 */
function placeLines<E extends { readonly to: string }>(rc: RelationContext, edges: readonly E[]): E[] {
  if (edges.length < 2) return [...edges];
  const places = unique(rc.subjects.flat().filter((l) => l.kind === 'units' && l.quality >= 0.9).map((l) => l.id));
  if (places.length === 0) return [...edges];
  const leadsPlace = (to: string) => rc.relations.ledBy(to).some((unit) => places.some((place) => within(rc.kb, place, unit)));
  const there = edges.filter((e) => leadsPlace(e.to));
  return there.length > 0 ? there : [...edges];
}

/** True when a unit is `outer` or inside it on a day (its dated parents, else its parent). */
function withinOn(rc: RelationContext, id: string, outer: string, day: string): boolean {
  for (let current: string | undefined = id, depth = 0; current && depth < 8; depth++) {
    if (current === outer) return true;
    current = rc.kb.get(current)?.kind === 'units' ? rc.queries.parentOn(current, day) : undefined;
  }
  return false;
}

/**
 * The units whose holders of a post the question is about: the units it names, and the units of the person asked
 * about ("Strandeng's coordinator", "Tove's boss"): their lines replace the lines for every holder of the post.
 */
function placesOf(rc: RelationContext, from?: Link & { person?: string }): string[] {
  const named = rc.subjects.flat().filter((l) => l.kind === 'units' && l.quality >= 0.9).map((l) => l.id);
  const person = from?.person ? rc.kb.get(from.person) : from?.kind === 'people' ? rc.kb.get(from.id) : undefined;
  return unique([...named, ...(person?.kind === 'people' ? unitsOfPerson(rc, person.item) : [])]);
}

/** The post a line goes to, with the unit whose holder it is when the line names one: "fællesskabslederen (Børnefællesskab Nord)". */
function bossName(rc: RelationContext, edge: { readonly to: string; readonly toUnit?: string }, definite = true): string {
  const post = name(rc.kb, edge.to, rc.u.lang, definite);
  return edge.toUnit === undefined ? post : `${post} ${rc.u.lang === 'da' ? 'for' : 'of'} ${name(rc.kb, edge.toUnit, rc.u.lang, false)}`;
}

/**
 * The lines from a coming change that are new then (not those that hold the day before too, such as a conditional
 * line that stays); all of them when none is new.
 */
function freshLines<E extends { readonly line?: string; readonly to: string }>(change: { readonly lines: readonly E[] }, before: readonly { readonly line?: string; readonly to: string }[]): E[] {
  const fresh = change.lines.filter((e) => !before.some((b) => b.line === e.line && b.to === e.to));
  return fresh.length > 0 ? fresh : [...change.lines];
}

/** Where a line applies, said only when the question did not name the place itself and the boss's unit does not say it. */
function scopeOf(rc: RelationContext, places: readonly string[], edge: { readonly appliesTo?: Parameters<typeof scopeSuffix>[1]; readonly toUnit?: string }): string {
  const units = edge.appliesTo?.units ?? [];
  if (places.length > 0 || (edge.toUnit !== undefined && units.length > 0 && units.every((unit) => unit === edge.toUnit))) return '';
  return scopeSuffix(rc, edge.appliesTo);
}

/** How many units up from a place named its boss's post is looked for. */
const MAX_UNIT_DEPTH = 4;

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
  // "Hvordan er linjen fra souschefen op til børnechefen": the whole line is asked, its conditional steps beside it.
  if (u.kinds.has('deputy-for') || u.chain) return undefined;
  const absence = u.kinds.has('deputy');
  const lineSaid = rc.lexicon.lineWords.match(u.tokens).size > 0;
  if (!u.intents.has('reporting') && !lineSaid) return undefined;
  // Without an absence said, a line asked about together with its other end ("what is the condition for the deputy
  // reporting straight to the district head", "hvornår refererer souschefen til kvarterchefen") is that line when it
  // holds only under a condition.
  const targets = absence ? undefined : new Set(rc.subjects.flat().flatMap((l) => [l.id, ...roleOfPerson(rc, l.id)]));
  // "Kan souschefen afskedige medarbejdere under husleders fravær?": staff asked about with an absence, and no word
  // of a line, is what the deputy may do when the documents say it.
  if (!lineSaid) {
    const roles = subjectsOf(rc, ['roles'], true).flat().map((l) => l.id);
    const entries = roles.flatMap((id) => [...queries.deputiesFor(id), ...queries.standsInFor(id)]);
    if (entries.length > 0 && deputyStatements(rc, entries.map((e) => e.relation)).length > 0) return undefined;
  }
  const t = TEXTS[u.lang];
  const nm = (id: string, definite = true) => name(kb, id, u.lang, definite);
  const covered = new Set<number>();
  for (const g of rc.subjects) for (const x of g) for (let i = x.start; i < x.end; i++) covered.add(i);
  const loose = leftoverWords(rc, covered).filter((w) => w.length >= 4 && !STOPWORDS.has(w) && !GENERIC_WORDS.has(w)).map(primaryStem);
  for (const group of subjectsOf(rc, ['roles'], true)) {
    for (const l of group) {
      const day = stateDay(rc, l.id);
      const edges = queries.reportsToOn(l.id, day);
      const change = u.day ? undefined : queries.nextReportingChange(l.id, day);
      // "Hvem refererer forstanderen til ved tilsyn?": a word of the question that no name explains and the condition
      // says ("i pædagogiske spørgsmål og ved tilsyn") asks for that line.
      const saysCondition = (e: (typeof edges)[number]) => {
        if (!e.condition || loose.length === 0) return false;
        const forms = analyzeText(foldText(`${e.condition.da} ${e.condition.en}`)).map((w) => primaryStem(w.form));
        return loose.some((w) => forms.includes(w));
      };
      // (A post whose only lines hold under a condition, "den stedfortrædende netværksleder", reports as the condition says:
      // "hvornår refererer SNL direkte til chefen" is that line, however the post above is named.)
      const onlyConditional = edges.length > 0 && edges.every((e) => e.condition !== undefined);
      const asked = (e: (typeof edges)[number]) => e.condition !== undefined && (targets === undefined || (targets.has(e.to) && e.to !== l.id) || saysCondition(e) || onlyConditional);
      const conditional = edges.filter(asked);
      const comingConditional = (change?.lines ?? []).filter((e) => asked(e) && !conditional.some((c) => c.to === e.to));
      // "Does the PFL always report to the huschef?": asked yes or no of its usual line, when another line holds under a
      // condition: yes, and when the other one holds.
      if (conditional.length === 0 && comingConditional.length === 0 && targets && rc.lexicon.yesNoWords.match(u.tokens).size > 0) {
        const usual = edges.filter((e) => !e.condition && targets.has(e.to) && e.to !== l.id);
        const otherwise = edges.filter((e) => e.condition);
        if (usual.length > 0 && otherwise.length > 0) {
          const when = otherwise.map((e) => t.reportsToWhen(nm(l.id), nm(e.to), e.condition![u.lang]));
          const stated = [...usual, ...otherwise].flatMap((e) => (e.text ? [e.text[u.lang]] : []));
          return done(rc, 'answer', `${t.reportsToMany(nm(l.id), joinList(usual.map((e) => nm(e.to)), u.lang))} ${when.join(' ')}`, [], [...usual, ...otherwise].map((e) => e.source), stated);
        }
      }
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

/**
 * A person asked about through their post who moves to another post later (`posts`), when the question names no day:
 * the new post and whom it reports to then, in one line ("Fra 1. august 2027: korpslederen refererer til sektionschefen.").
 */
function personMoves(rc: RelationContext, link: Link & { person?: string }, day: string): { date: string; line: string; edges: ReportingEdge[] } | undefined {
  if (rc.u.day !== undefined || link.person === undefined) return undefined;
  const entry = rc.kb.get(link.person);
  if (entry?.kind !== 'people') return undefined;
  const next = rc.queries
    .holdingsOf(entry.item.id)
    .filter((h) => h.validFrom !== undefined && h.validFrom > day && h.role !== link.id)
    .sort((a, b) => a.validFrom!.localeCompare(b.validFrom!))[0];
  if (!next) return undefined;
  const edges = rc.queries.reportsToOn(next.role, next.validFrom!).filter((e) => !e.condition);
  if (edges.length === 0) return undefined;
  const t = TEXTS[rc.u.lang];
  const sentence = t.reportsToMany(name(rc.kb, next.role, rc.u.lang), joinList(unique(edges.map((e) => name(rc.kb, e.to, rc.u.lang))), rc.u.lang));
  return { date: next.validFrom!, line: onDay(rc, next.validFrom!, sentence, 'from'), edges };
}

/** The role a person holds, when the id is a person's. */
function roleOfPerson(rc: RelationContext, id: string): string[] {
  const entry = rc.kb.get(id);
  const role = entry?.kind === 'people' ? roleOnDay(rc, entry.item, askedDayOf(rc)) : undefined;
  return role ? [role] : [];
}

/**
 * "Hvem er huslederens leder?", "who is Rikke's leader": a word for whoever leads right after a post or person in the
 * genitive asks for the one above them (their boss), not who holds the post or leads a unit. Only a post or person
 * (a unit in the genitive, "Skovens leder", is the leader answer's) and nothing asked besides.
 */
export function answerGenitiveBoss(rc: RelationContext): Answer | undefined {
  const { u } = rc;
  if (u.intents.has('reporting') || ![...u.kinds.keys()].every((k) => GENITIVE_BOSS_KINDS.has(k)) || u.attributes.length > 0) return undefined;
  const forms = u.tokens.map((tok) => tok.form);
  const sure = rc.subjects.flat().filter((l) => l.quality >= 0.9 && l.kind !== 'municipalities');
  const leaderWord = (p: number) => p < forms.length && rc.lexicon.leaderWords.match([u.tokens[p]!]).size > 0;
  // The word in the genitive and the leader word after it (the linker may read the leader word as part of the name).
  const genitiveAt = (l: (typeof sure)[number]): number | undefined => {
    const at = (g: number) => (forms[g + 1] === 's' ? g + 2 : g + 1);
    for (const g of [l.end - 2, l.end - 1]) {
      if (g < l.start || g >= forms.length) continue;
      const english = forms[g + 1] === 's';
      const genitive = english || (forms[g]!.endsWith('s') && (l.kind === 'people' || postWordOf(rc, l.id, forms[g]!)));
      // (A name of the post that says the leader word itself, "Kløverengens leder", is the post, not its boss.)
      const said = forms.slice(l.start, at(g) + 1).join(' ');
      if (genitive && leaderWord(at(g)) && at(g) >= l.end - 1 && at(g) <= l.end + 1 && !rc.ctx.fullNames(l.id).some((n) => foldText(n) === said)) return at(g);
    }
    return undefined;
  };
  // A post read from a unit's name and the leader word ("Kløverengens leder": the post that leads Kløverengen) is the
  // unit's leader asked for, not the boss of its post.
  const unitAt = (l: (typeof sure)[number]) => (rc.links ?? rc.subjects.flat()).some((o) => o.kind === 'units' && o.start < l.end && o.end > l.start);
  const owner = sure.find((l) => (l.kind === 'roles' || l.kind === 'people') && !unitAt(l) && genitiveAt(l) !== undefined);
  if (!owner) return undefined;
  const at = genitiveAt(owner)!;
  // Nothing asked after the leader word but a time ("lige nu", "fra maj 2027").
  if (u.tokens.some((tok, p) => p > at && !u.cuePositions.has(p) && !STOPWORDS.has(tok.form) && !GENERIC_WORDS.has(tok.form) && !/\d/.test(tok.form) && !isTimeWord(rc, p))) return undefined;
  const cuePositions = new Set([...u.cuePositions, at]);
  const subjects = rc.subjects.map((g) => g.map((l) => (l === owner && l.end > at ? { ...l, end: at } : l)));
  return answerReportingRelation({ ...rc, subjects, u: { ...u, intents: new Set([...u.intents, 'reporting' as const]), direction: 'up', cuePositions } });
}

/** Kinds of question a genitive boss question may also be read as ("hvem er": who holds a post). */
const GENITIVE_BOSS_KINDS: ReadonlySet<string> = new Set(['holder', 'who', 'leader', 'upcoming', 'after-change', 'before-change']);

/** True when the word at `p` belongs to a time the question names ("lige nu", "i dag", "fra maj") or only chats. */
function isTimeWord(rc: RelationContext, p: number): boolean {
  const form = rc.u.tokens[p]!.form;
  return MONTH_WORDS.has(form) || rc.lexicon.floorWords.chat.some((w) => foldText(w) === form) || rc.lexicon.timePhrases.coverage(rc.u.tokens).has(p);
}

/** The names of the months (folded), Danish and English. */
const MONTH_WORDS: ReadonlySet<string> = new Set([...MONTH_NAMES.da, ...MONTH_NAMES.en].map((m) => foldText(m)));

/** Words that end the post word of a name and begin the place it is held in ("leder i Kløverengen", "head of X"). */
const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set(['i', 'for', 'af', 'ved', 'paa', 'til', 'in', 'of', 'at', 'to']);

/**
 * True when a word in the genitive is the post word of one of a post's names, inflected ("huslederens" of
 * "husleder", "koordinatorens" of "pædagogisk koordinator"), not the place the post is named by ("Kløverengens" of
 * "børnehusleder i Børnehuset Kløverengen").
 */
function postWordOf(rc: RelationContext, id: string, form: string): boolean {
  return rc.ctx.fullNames(id).some((n) => {
    const words = foldText(n).split(/\s+/);
    const cut = words.findIndex((w, i) => i > 0 && PLACE_PREPOSITIONS.has(w));
    const head = (cut < 0 ? words : words.slice(0, cut)).pop() ?? '';
    return head.length > 2 && form.startsWith(head) && form.length > head.length && form.length <= head.length + 5;
  });
}


/**
 * "Will the dagplejekonsulenter still report to Tove after May 2027?", "skal Tobias stadig referere til Kristian efter
 * sammenlægningen?": a yes-or-no question that names the one reporting and, after them, the one reported to: yes when
 * the line holds on the day asked (a person read as the post they hold that day), no with the line that holds instead.
 */
function answerLineHolds(rc: RelationContext): Answer | undefined {
  const { u, kb, queries } = rc;
  if (u.direction === 'down' || u.chain || rc.subjects.length < 2 || rc.lexicon.yesNoWords.match(u.tokens).size === 0) return undefined;
  const sure = rc.subjects.flat().filter((l) => l.quality >= 0.9 && (l.kind === 'roles' || l.kind === 'people')).sort((a, b) => a.start - b.start);
  const first = sure[0];
  if (!first) return undefined;
  const last = [...sure].reverse().find((l) => l.start >= first.end);
  if (!last) return undefined;
  // (A name the documents give two entries, one per post held in turn, is read as the one that holds a post that day.)
  const readings = (l: Link) => sure.filter((o) => o.start === l.start && o.end === l.end);
  // (A general post named beside a unit is that unit's own post: "enhedslederen i Kildebo".)
  const units = new Set(rc.subjects.flat().filter((o) => o.kind === 'units' && o.quality >= 0.9).map((o) => o.id));
  const ownPost = (id: string) => {
    const entry = kb.get(id);
    if (entry?.kind !== 'roles' || units.size === 0) return id;
    const own = (rolesByNameStart(kb).get(`${foldText(entry.item.name)} `.trim()) ?? []).filter((r) => r !== id && units.has((kb.get(r)?.item as { unit?: string } | undefined)?.unit ?? ''));
    return own.length === 1 ? own[0]! : id;
  };
  const postOf = (l: Link, day: string) => {
    const people = readings(l).flatMap((o) => {
      const entry = kb.get(o.id);
      return entry?.kind === 'people' ? [entry.item] : [];
    });
    if (people.length === 0) return ownPost(l.id);
    const holding = people.find((p) => queries.holdingsOf(p.id).some((h) => holdsOn(h, day)));
    return roleOnDay(rc, holding ?? people[0]!, day);
  };
  const day = stateDay(rc, postOf(first, rc.today) ?? first.id);
  const from = postOf(first, day);
  const to = postOf(last, day);
  if (!from || !to || from === to) return undefined;
  const places = placesOf(rc, first);
  const edges = queries.reportsToOn(from, day, { units: places }).filter((e) => !e.condition);
  if (edges.length === 0) return undefined;
  const t = TEXTS[u.lang];
  const sentence = onDay(rc, day, t.reportsToMany(name(kb, from, u.lang), joinList(unique(edges.map((e) => bossName(rc, e))), u.lang)));
  const holds = edges.some((e) => e.to === to);
  // Asked of today, a coming change of the line in one line ("Fra 1. august 2027: refererer til kvarterchefen").
  const change = u.day === undefined && u.range === undefined ? queries.nextReportingChange(from, day, { units: places }) : undefined;
  const coming = change && change.lines.length > 0 ? [`${fromDay(u.lang, change.date)}: ${t.reportsToShort(joinList(unique(freshLines(change, edges).map((e) => `${bossName(rc, e)}${e.condition ? ` (${e.condition[u.lang]})` : ''}`)), u.lang))}`] : [];
  return done(rc, 'answer', `${holds ? t.yes : t.no}${sentence}`, coming, [...edges, ...(change?.lines ?? [])].map((e) => e.source), edges.flatMap((e) => (e.text ? [e.text[u.lang]] : [])));
}

export function answerReportingRelation(asked: RelationContext): Answer | undefined {
  const rc = lineChangeAsked(asked) ? { ...asked, u: { ...asked.u, intents: new Set([...asked.u.intents, 'reporting' as const]), direction: 'up' as const } } : asked;
  const { u, kb, relations, queries } = rc;
  if (!u.intents.has('reporting')) return undefined;
  // "Hvornår er lederdagen for alle ledere", "when is the deadline for the quality reports to the coordinator": asked when,
  // with a kind of date named other than a beginning ("from when does X report to Y"), the date is asked, not a line.
  if (u.askedWhen && [...u.dateKinds].some((k) => k !== 'start')) return undefined;
  // "Which forum does she lead": asked which meetings, the meetings answer (whom she leads is not asked).
  if (u.direction === 'down' && asksWhichMeetings(rc)) return undefined;
  const holds = answerLineHolds(rc);
  if (holds) return holds;
  // "Hvor mange ledere refererer til børnechefen?" where the documents state that count as a figure: the figure answers.
  if (u.intents.has('figure') && u.metrics.length > 0 && figuresOfMetrics(kb, u.metrics).length > 0) return undefined;
  // So does a figure of the thing counted ("how many sprogvejledere report to X": "4 sprogvejledere").
  if (countedByFigure(rc)) return undefined;
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
        // Of the lines to one unit's holder of the post (Nord's fællesskabsleder), those of the unit or person asked about.
        const places = placesOf(rc, l);
        const toPlace = <E extends { readonly toUnit?: string }>(list: readonly E[]) =>
          places.length === 0 ? [...list] : list.filter((e) => e.toUnit === undefined || places.some((place) => within(kb, place, e.toUnit!)));
        const edges = toPlace(queries.directReportsOn(l.id, day));
        const froms = joinList(unique(edges.map((e) => `${nm(e.from, false)}${e.condition ? ` (${e.condition[u.lang]})` : ''}${scopeOf(rc, [], e)}`)), u.lang);
        const personEntry = person ? kb.get(person.id) : undefined;
        const sentence = (list: string) =>
          personEntry?.kind === 'people' && roleOnDay(rc, personEntry.item, day) === l.id ? t.staffOf(personEntry.item.name, nm(l.id, false), list) : phrasesFor(u.lang).reportToIt(nm(l.id), list);
        // A coming change of who reports here, in one line (or as the answer when no one does yet).
        const change = u.day ? undefined : nextChangeBelow(rc, l.id);
        const coming = change && change !== day ? toPlace(queries.directReportsOn(l.id, change)) : [];
        const comingList = joinList(unique(coming.map((e) => `${nm(e.from, false)}${e.condition ? ` (${e.condition[u.lang]})` : ''}${scopeOf(rc, [], e)}`)), u.lang);
        let headline =
          edges.length > 0 ? onDay(rc, day, sentence(froms)) : coming.length > 0 ? onDay(rc, change!, sentence(comingList), 'from') : t.noOneReports(nm(l.id));
        // A long list reads better one per line under a short first line that counts them.
        const each = unique(edges.map((e) => `${nm(e.from, false)}${e.condition ? ` (${e.condition[u.lang]})` : ''}${scopeOf(rc, [], e)}`));
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
    // "Hvem har Hanne Grøndahl som chef?" of a post no line runs to: the documents name no one under it.
    const first = groups[0]![0]!;
    if (groups.length === 1 && first.quality >= 0.9 && first.kind === 'roles' && relations.down(first.id).length === 0 && relations.ledBy(first.id).every((unit) => relations.down(unit).length === 0)) return unknownWith(rc, t.noOneReports(nm(first.id)));
    return undefined;
  }
  // "Who will PRC's leader report to", "hvem refererer Skovens leder til": a unit with no line of its own, named beside a
  // word for whoever leads it, stands for the posts that lead it.
  const leaderAt = rc.lexicon.leaderWords.coverage(u.tokens);
  // (A word of a leader phrase that is a function word, "i" of "leder i", is no leader word beside it: "den daglige leder i
  // Enhed Hede" names the post "daglig leder" in that unit.)
  const beside = (l: Link) => [l.start - 1, l.start - 2, l.end, l.end + 1].some((p) => leaderAt.has(p) && !STOPWORDS.has(u.tokens[p]!.form) && !rc.subjects.flat().some((o) => o.quality >= 0.9 && p >= o.start && p < o.end));
  // So does a unit named alone ("hvem refererer Kildebo til efter 1. maj"): a place reports through the head it has.
  // (Read once: a name many units share links thousands of them at scale.)
  const othersNamed = rc.subjects.some((g) => g.some((o) => o.quality >= 0.9 && o.kind !== 'units' && o.kind !== 'municipalities'));
  const alone = (l: Link) => l.quality >= 0.9 && !othersNamed;
  // "Hvem er chef i Skrænten?", "who's the boss at Havnen": when the only words asking upwards are a word for whoever
  // leads the unit beside it, who leads the unit is asked (the leader's answer), not whom its leader reports to.
  const upAt = u.kinds.get('reporting-up')?.positions ?? [];
  const units = groups.flat().filter((l) => l.kind === 'units' && l.quality >= 0.9 && relations.leadersOf(l.id).length > 0);
  // (Or the leader word and the unit name one post together, "the boss of Havnen": the post that leads that unit.)
  const leadingPost = (l: Link) => l.kind === 'roles' && upAt.every((p) => p >= l.start && p < l.end) && units.some((x) => x.start >= l.start && x.end <= l.end && relations.leadersOf(x.id).includes(l.id));
  const ledUnit = units.some((l) => beside(l) && !othersNamed) || groups.flat().some(leadingPost);
  // (Two leader words ask a boss's boss, "who's the childminding boss's boss", "chefens chef": whom the leader reports to.)
  const leaderWords = u.tokens.filter((t) => !STOPWORDS.has(t.form) && rc.lexicon.leaderWords.coverage([t]).size > 0).length;
  if (!u.chain && ledUnit && leaderWords < 2 && upAt.length > 0 && upAt.every((p) => leaderAt.has(p) || STOPWORDS.has(u.tokens[p]!.form))) {
    return answerLeaderRelation({ ...rc, u: { ...u, intents: new Set([...u.intents].filter((i) => i !== 'reporting').concat('leader')) } });
  }
  const upGroups = groups.map((group) =>
    group.flatMap((l) =>
      l.kind === 'units' && relations.up(l.id).length === 0 && (beside(l) || alone(l)) ? relations.leadersOf(l.id).map((id) => ({ ...l, id, kind: 'roles' as const })) : [l],
    ),
  );
  // Upwards: the first named item that has a line above it (several readings of one name: each).
  for (const group of upGroups) {
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
    const nmHeld = (id: string, day: string, from: Link & { person?: string }, toUnit?: string): string => {
      // A line to one unit's holder of the post: that unit's holders only.
      if (toUnit !== undefined) {
        const there = queries.holdersOn(id, day).filter((p) => holdsInUnit(p, id, toUnit, day) || (p.role === id && p.unit === toUnit));
        const post = bossName(rc, { to: id, toUnit });
        return there.length > 0 ? `${post}, ${joinList(unique(there.map((p) => p.name)), u.lang)}` : post;
      }
      // A line to a unit ("dagplejelederen refererer til Netværk Engen") runs to whoever leads it: the unit, then its
      // leading post and the holders tied to that unit.
      if (kb.get(id)?.kind === 'units') {
        const leads = relations.leadersOf(id);
        const there = leads.flatMap((role) => queries.holdersOn(role, day).filter((p) => [...unitsOfPerson(rc, p)].some((theirs) => within(kb, theirs, id))));
        const head = joinList(leads.map((role) => nm(role, false)), u.lang);
        return leads.length === 0 ? nm(id) : `${nm(id)} (${head}${there.length > 0 ? `, ${joinList(unique(there.map((p) => p.name)), u.lang)}` : ''})`;
      }
      let holders = queries.holdersOn(id, day);
      let post = nm(id);
      if (relations.ledBy(id).length > 1) {
        const person = from.person ? (kb.get(from.person)?.item as Person | undefined) : undefined;
        const own = new Set<string>([...(person ? unitsOfPerson(rc, person) : []), ...rc.subjects.flat().filter((x) => x.kind === 'units' && x.quality >= 0.9).map((x) => x.id)]);
        const roleUnit = (kb.get(from.id)?.item as { unit?: string } | undefined)?.unit;
        if (roleUnit) own.add(roleUnit);
        // The one of the units the post leads that the asker's own unit is in on that day (a house that moves to another
        // network then): named with the post, and only its holders.
        const ledHere = day === rc.today ? [] : relations.ledBy(id).filter((unit) => [...own].some((mine) => withinOn(rc, mine, unit, day)));
        holders = holders.filter((p) => [...unitsOfPerson(rc, p)].some((theirs) => (ledHere.length > 0 ? ledHere.includes(theirs) : [...own].some((mine) => within(kb, mine, theirs)))));
        if (ledHere.length === 1) post = `${nm(id)} (${name(kb, ledHere[0]!, u.lang, false)})`;
      } else if (holders.length > 1) {
        // A post held by several people, each tied to a place of their own (a board's chair in each self-governing
        // institution): for a person asked about, or a place the question names, the holders tied to a place around it.
        const person = from.person ? (kb.get(from.person)?.item as Person | undefined) : undefined;
        const own = [...(person ? unitsOfPerson(rc, person) : []), ...rc.subjects.flat().filter((x) => x.kind === 'units' && x.quality >= 0.9).map((x) => x.id)];
        const near = holders.filter((p) => [...unitsOfPerson(rc, p)].some((theirs) => own.some((mine) => within(kb, mine, theirs))));
        if (near.length > 0) holders = near;
      }
      // Asked for a number or an e-mail too ("… og hvad er hans nummer"), each holder's.
      const reach = u.attributes.some((a) => a === 'phone' || a === 'email');
      // A holder on leave that day, and the one acting meanwhile, marked ("Sofie Dalgaard Brix (på orlov til og med …) og Anders Vium Kjær (konstitueret)").
      const marked = new Map(queries.roleHoldersOn(id, day).filter((h) => h.leave || h.acting).map((h) => [h.person, h.leave ? holderName(u.lang, h) : `${h.person.name} (${u.lang === 'da' ? 'konstitueret' : 'acting'})`]));
      const names = holders.map((person) => (reach && (person.phone || person.email) ? phrasesFor(u.lang).contactLine(person.name, '', person.phone, person.email).replace(/, , /, ', ') : (marked.get(person) ?? person.name)));
      return names.length > 0 ? `${post}, ${joinList(names, u.lang)}` : post;
    };
    const parts = chosen.map((l) => {
      const day = stateDay(rc, l.id);
      const units = placesOf(rc, l);
      const edges = placeLines(rc, queries.reportsToOn(l.id, day, { units }));
      const plain = edges.filter((e) => !e.condition);
      const conditional = edges.filter((e) => e.condition);
      // A period asked ("i januar 2027") names no change after its end: only one within it is told.
      const coming = u.day ? undefined : queries.nextReportingChange(l.id, day, { units });
      const change = coming && u.range && u.range.from > rc.today && coming.date > u.range.to ? undefined : coming;
      const direct =
        plain.length > 0
          ? onDay(rc, day, reportsTo(subjectOf(l), joinList(unique(plain.map((e) => `${e.toUnit ? nmHeld(e.to, day, l, e.toUnit) : nmHeld(placedBoss(rc, l, e.to, day), day, l)}${scopeOf(rc, units, e)}`)), u.lang)))
          : change
            ? onDay(rc, change.date, reportsTo(subjectOf(l), joinList(change.lines.filter((e) => !e.condition).map((e) => bossName(rc, e)), u.lang)), 'from')
            : undefined;
      // (A post whose lines end with no line after it says no change of boss: the post itself ends.)
      const moved = personMoves(rc, l, day);
      // The place named changes later (Skoven merges into Skovbakken): the boss there from that day, in one line.
      const placeDay = u.day === undefined && !change ? placeChange(rc) : undefined;
      const placedLater = placeDay && placeDay > day ? unique(plain.map((e) => placedBoss(rc, l, e.to, placeDay))) : [];
      const placeMoves = placedLater.length > 0 && placedLater.some((id) => !plain.some((e) => placedBoss(rc, l, e.to, day) === id));
      // A place named that has ended by the day asked is carried on by another: said, so the answer names both.
      const carried = (plain.length === 0 || !rc.subjects.some((g) => g.some((x) => x.kind === 'units')) ? [] : unique(rc.subjects.flat().filter((x) => x.kind === 'units' && x.quality >= 0.9).map((x) => x.id))).flatMap((place) => {
        const next = plain.length > 0 ? unitOn(rc, place, day) : undefined;
        const ended = (kb.get(place)?.item as UnitItem | undefined)?.validUntil;
        return next !== undefined && next !== place && ended !== undefined ? [t.carriesOn(nm(next, false), nm(place, false), shortDate(addDays(ended, 1), u.lang))] : [];
      });
      const lines = [
        ...carried,
        ...(placeMoves ? [`${fromDay(u.lang, placeDay!)}: ${t.reportsToShort(joinList(placedLater.map((id) => nmHeld(id, placeDay!, l)), u.lang))}`] : []),
        ...conditional.map((e) => t.conditionalLine(e.condition![u.lang], nm(e.to))),
        ...(change && plain.length > 0 && change.lines.length > 0 && !(moved && moved.date <= change.date)
          ? [`${fromDay(u.lang, change.date)}: ${t.reportsToShort(joinList(freshLines(change, edges).map((e) => `${e.toUnit ? nmHeld(e.to, change.date, l, e.toUnit) : nm(e.to)}${e.condition ? ` (${e.condition[u.lang]})` : ''}${scopeOf(rc, units, e)}`), u.lang))}`]
          : []),
        ...(moved ? [moved.line] : []),
      ];
      return { link: l, day, edges: [...edges, ...(change?.lines ?? []), ...(moved?.edges ?? [])], direct, lines, change };
    });
    const answered = parts.filter((p) => p.direct !== undefined);
    if (answered.length === 0) continue;
    if (answered.length > 1) {
      return done(rc, 'ambiguous', phrasesFor(u.lang).severalMatches, answered.map((p) => p.direct!), answered.flatMap((p) => p.edges.map((e) => e.source)));
    }
    const { link, day, edges, direct, lines, change } = answered[0]!;
    // (Through the place named only: "børnehuslederne i Område Vest" go up through Vest's head, not Øst's.)
    const wholeChain = queries.reportingChainOn(link.id, day);
    const fromHere = wholeChain.filter((e) => e.from === link.id);
    const firstSteps = fromHere.length > 1 ? new Set(placeLines(rc, fromHere).map((e) => e.to)) : undefined;
    const reached = firstSteps ? new Set([link.id, ...firstSteps]) : undefined;
    const chain = firstSteps && reached ? wholeChain.filter((e) => (e.from === link.id ? firstSteps.has(e.to) : reached.has(e.from) && (reached.add(e.to), true))) : wholeChain;
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
    const units = placesOf(rc, link);
    const coming = asksWhen && above.length > 0 && !queries.reportsToOn(link.id, day, { units }).some((e) => above.includes(e.to)) ? queries.nextReportingChange(link.id, day, { units }) : undefined;
    const toAbove = coming?.lines.filter((e) => above.includes(e.to) && !e.condition) ?? [];
    if (coming && toAbove.length > 0) {
      const headline = onDay(rc, coming.date, t.reportsToMany(nm(link.id), joinList(unique(toAbove.map((e) => bossName(rc, e))), u.lang)), 'from');
      return done(rc, 'answer', headline, [direct!, ...stated], [...toAbove.map((e) => e.source), ...edges.map((e) => e.source)]);
    }
    // "Ændrer holdlederens reference sig?": the change asked leads, today's line after it.
    const newLines = change?.lines.filter((e) => !e.condition) ?? [];
    if (rc !== asked && newLines.length > 0) {
      const headline = onDay(rc, change!.date, t.reportsToMany(nm(link.id), joinList(unique(newLines.map((e) => bossName(rc, e))), u.lang)), 'from');
      return done(rc, 'answer', headline, [direct!, ...steps.slice(1), ...stated], [...newLines.map((e) => e.source), ...edges.map((e) => e.source)]);
    }
    return done(rc, 'answer', direct!, [...lines, ...steps.slice(1), ...stated], [...edges.map((e) => e.source), ...chain.slice(1).map((e) => e.source)]);
  }
  // "Hvem er dagtilbudschefens chef?" when the documents do not say: say so, with who reports to it.
  const first = groups[0]![0]!;
  if (first.quality < 0.9 || first.kind !== 'roles' || groups.length > 1) return undefined;
  // "Hvem er chef for konsulenterne i Pædagogisk Udviklingsteam?": no line of its own, but the post belongs to a unit
  // that another post leads: that is the post above it.
  const ownUnit = (kb.get(first.id)?.item as { unit?: string } | undefined)?.unit;
  const unitLeaders = ownUnit ? relations.leadersOf(ownUnit).filter((id) => id !== first.id) : [];
  if (u.direction === 'up' && ownUnit && unitLeaders.length > 0) {
    const held = unitLeaders.flatMap((id) => relations.holders(id));
    const leaders = joinList(unitLeaders.map((id) => nm(id, false)), u.lang);
    return done(rc, 'answer', t.inUnitLedBy(nm(first.id), name(kb, ownUnit, u.lang, false), leaders), held.map((p) => phrasesFor(u.lang).contactLine(p.name, p.title[u.lang], p.phone, p.email)), [...sourceOf(kb, first.id), ...sourceOf(kb, ownUnit)]);
  }
  const below = relations.down(first.id);
  const headline = phrasesFor(u.lang).noReporting(nm(first.id));
  if (below.length === 0) return unknownWith(rc, headline);
  const answer = done(rc, 'unknown', headline, [phrasesFor(u.lang).reportToIt(nm(first.id), joinList(unique(below.map((e) => nm(e.from, false))), u.lang))], below.map((e) => e.source));
  return { ...answer, suggestions: unknownWith(rc, headline).suggestions };
}

/**
 * "Ændrer holdlederens reference sig, og hvornår?": a word for a line ("reference", "linje") and a change asked of a post
 * named whose line changes on a day: that post's line (today's and the coming one), not a date of something else.
 */
function lineChangeAsked(rc: RelationContext): boolean {
  const { u } = rc;
  // (Cheapest first: most questions name no post.)
  if (u.intents.has('reporting') || !rc.subjects.some((g) => g.some((l) => l.kind === 'roles' && l.quality >= 0.9))) return false;
  if (!(u.kinds.has('after-change') || u.kinds.has('change-compare') || rc.lexicon.changeWords.coverage(u.tokens).size > 0)) return false;
  if (rc.lexicon.lineWords.match(u.tokens).size === 0) return false;
  return rc.subjects.some((g) => g.some((l) => l.kind === 'roles' && l.quality >= 0.9 && rc.queries.nextReportingChange(l.id, rc.today) !== undefined));
}

/**
 * "What changes in the reporting lines?", "hvad ændrer sig i referencerne?": asked of the lines as such (no
 * role or person named), every line that begins or ends after today, first day first.
 */
export function answerComingLines(rc: RelationContext): Answer | undefined {
  const { u, kb } = rc;
  if (rc.lexicon.lineWords.match(u.tokens).size === 0) return undefined;
  const changeAsked = rc.lexicon.changeWords.coverage(u.tokens).size > 0 || u.kinds.has('after-change') || u.kinds.has('change-compare');
  if (!changeAsked) return undefined;
  // A role, person or unit named: the line of that one is asked (the reporting answers).
  if (rc.subjects.flat().some((l) => l.quality >= 0.9 && l.kind !== 'municipalities')) return undefined;
  const coming = kb.data.reportingLines
    .flatMap((l) => [
      ...(l.validFrom && l.validFrom > rc.today ? [{ day: l.validFrom, line: l, begins: true }] : []),
      ...(l.validUntil && l.validUntil >= rc.today ? [{ day: addDays(l.validUntil, 1), line: l, begins: false }] : []),
    ])
    .sort((a, b) => a.day.localeCompare(b.day) || Number(b.begins) - Number(a.begins));
  if (coming.length === 0) return undefined;
  const begin = coming.filter((c) => c.begins);
  const ends = coming.filter((c) => !c.begins);
  const first = (begin[0] ?? coming[0]!).day;
  const lang = u.lang;
  const headline =
    lang === 'da'
      ? `${begin.length === 1 ? 'Én referencelinje' : `${begin.length} referencelinjer`} begynder fra ${shortDate(first, lang)}${ends.length > 0 ? `, og ${ends.length} ophører` : ''}:`
      : `${begin.length === 1 ? 'One reporting line begins' : `${begin.length} reporting lines begin`} from ${shortDate(first, lang)}${ends.length > 0 ? `, and ${ends.length} end` : ''}:`;
  // A line whose own text does not say its day is told with it.
  const dated = (c: (typeof coming)[number]) => {
    const text = c.line.text[lang];
    const day = c.begins ? c.day : c.line.validUntil!;
    if (text.includes(day.slice(0, 4))) return text;
    return c.begins ? `${fromDay(lang, day)}: ${text}` : `${lang === 'da' ? `Til og med ${shortDate(day, lang)}` : `Until ${shortDate(day, lang)}`}: ${text}`;
  };
  const lines = unique([...begin, ...ends].map(dated));
  return done(rc, 'answer', headline, lines, unique(coming.map((c) => c.line.source)));
}
