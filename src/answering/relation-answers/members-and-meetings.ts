/**
 * Members of groups and participants of meetings; how often and where a meeting is held.
 */
import type { Source } from '../../knowledge/schemas.js';
import { meetingPeriod } from '../../knowledge/meeting-period.js';
import { namesOf } from '../facts.js';
import { capitalize, joinList } from '../phrases.js';
import { analyzeText, foldText, GENERIC_WORDS, primaryStem, stemsOf, STOPWORDS } from '../normalize.js';
import type { QuestionKind } from '../lexicon/lexicon.js';
import type { Link } from '../linking.js';
import type { Answer } from '../types.js';
import { periodPhrase, unique } from '../answer-context.js';
import { describedItems, done, listedKindAt, name, sourceOf, subjectsOf, type RelationContext } from './context.js';
import { TEXTS } from './texts.js';
import { describedNames } from './org-changes.js';

// ---------------------------------------------------------------------------------------------
// Members and participants

/** Kinds of question that ask something other than who takes part: a "who" about a meeting is then not about its members. */
const NOT_MEMBERSHIP = new Set(['chair', 'holder', 'leader', 'contact', 'deputy', 'deputy-for', 'decision', 'reporting-up', 'reporting-down', 'reporting-chain', 'responsibility', 'dates', 'when', 'frequency', 'figure', 'policy', 'programme']);

export function answerMembersRelation(rc: RelationContext): Answer | undefined {
  const { u, kb, relations } = rc;
  // "Who comes to the leadership forum?": a "who" question about a meeting or group asks who takes part in it.
  const whoAbout = u.kinds.has('who') && ![...u.kinds.keys()].some((k) => NOT_MEMBERSHIP.has(k)) && u.attributes.length === 0 && rc.subjects.length === 1 && rc.subjects[0]!.some((l) => (l.kind === 'meetings' || l.kind === 'leadershipGroups') && l.quality >= 0.9);
  if (!u.intents.has('membership') && !whoAbout) return undefined;
  // "What leadership teams does the coordinator sit on": a body's name asked which of, beside a post, asks the post's bodies.
  if (listedBodies(rc).length > 0 && subjectsOf(rc, ['roles'], true).some((g) => g.some((l) => l.quality >= 0.9))) return undefined;
  const t = TEXTS[u.lang];
  const groups = subjectsOf(rc, ['leadershipGroups', 'meetings', 'units']);
  for (const group of groups) {
    const link = group.find((l) => relations.members(l.id).length > 0 || rc.queries.describedParticipantsOf(l.id).length > 0) ?? group.find((l) => l.kind !== 'units');
    if (!link) continue;
    if (link.kind === 'units') continue;
    // "Skal de ledende pædagoger med til enhedsledermødet?": a role named beside a meeting or group it takes part in
    // asks whether (and how) it takes part: the participants, with their notes ("efter behov").
    const roles = rc.subjects.flat().flatMap((l) => (l.kind === 'roles' ? [l.id] : l.kind === 'people' ? [l.id, ...roleOf(rc, l.id)] : []));
    // Asked yes or no ("er institutionslederne med i ledelsesforum?"): yes, then who takes part.
    if (roles.length > 0 && relations.members(link.id).some((m) => roles.includes(m.ref))) return membersOf(rc, link.id, rc.lexicon.yesNoWords.match(u.tokens).size > 0 ? t.yes : '');
    // "Hvordan er ledelsen i Stjernehuset organiseret?": a one-word name ("ledelsen") beside another
    // named item is too weak to pick a group by; the general search weighs both.
    if (link.end - link.start === 1 && rc.subjects.length > 1) {
      // ... unless every other thing named is the place the meeting is held ("ledermøderne i Stjernehuset"): the two
      // names confirm each other, and the one-word name is that place's own meeting.
      const place = placeOf(rc, link.id);
      const others = rc.subjects.filter((g) => !g.some((l) => l.id === link.id));
      if (place !== undefined && others.length > 0 && others.every((g) => g.some((l) => l.id === place && l.quality >= 0.9))) return membersOf(rc, link.id);
      // ... unless the other item is a unit with one leadership group of its own: "the leadership in <unit>".
      const unit = groups.flat().find((l) => l.kind === 'units' && l.quality >= 0.9);
      const own = unit ? groupsOfUnit(rc, unit.id) : [];
      return own.length === 1 && looseWords(rc).length === 0 ? membersOf(rc, own[0]!) : undefined;
    }
    const list = relations.members(link.id);
    if (list.length === 0 && rc.queries.describedParticipantsOf(link.id).length === 0) {
      if (link.quality < 0.9) continue;
      return done(rc, 'unknown', t.noMembers(name(kb, link.id, u.lang, false)), [], sourceOf(kb, link.id));
    }
    return membersOf(rc, link.id);
  }
  // "Who goes to the network for the PFLs?": nothing named, the body whose own names say every other word of the question.
  // (A post in the body's name, "the network for the PFLs", names it with the rest: its words count with the others.)
  if (!rc.subjects.some((g) => g.some((l) => !['municipalities', 'roles', 'concepts'].includes(l.kind) && l.quality >= 0.9))) {
    const body = bodyByWords(rc);
    if (body) return membersOf(rc, body);
  }
  // "Hvem er i staben?": the roles of a unit, and the people in them ("who is in charge of" it asks for its leader).
  const unit = groups.flat().find((l) => l.kind === 'units');
  if (!unit || (u.intents.has('leader') && relations.leadersOf(unit.id).length > 0)) return undefined;
  // "Hvor mange børnehuse består Område Øst af", "how many houses belong to Area East": a count of a metric in a unit
  // asks for its figure, not for who is in it (the figures answerers follow).
  if (u.intents.has('figure') && u.metrics.length > 0) return undefined;
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

/** Where a meeting is held (its unit), when the documents say. */
function placeOf(rc: RelationContext, id: string): string | undefined {
  const entry = rc.kb.get(id);
  return entry?.kind === 'meetings' ? entry.item.unit : undefined;
}

/** The role a person holds, when the id is a person's. */
function roleOf(rc: RelationContext, id: string): string[] {
  const entry = rc.kb.get(id);
  return entry?.kind === 'people' && entry.item.role ? [entry.item.role] : [];
}

/** The members of a group or the participants of a meeting, with the people who hold those roles and the chair. */
function membersOf(rc: RelationContext, id: string, lead = ''): Answer {
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
  // Those the documents describe in words ("de valgte medarbejderrepræsentanter") are listed after the items.
  const described = describedNames(rc, id);
  short.push(...described.map((d) => d.replace(/ \(.*\)$/, '')));
  // A member the group has only from a later day, or only until a day still to come, is said with that day (when its
  // note does not already say it): "teamleder for dagplejen (fra 1. august 2027)".
  // (Asked when of one member, "hvornår kommer X med", another member's days would read as the answer: not then.)
  const dated = entry?.kind === 'leadershipGroups' && !u.askedWhen ? entry.item.members : [];
  const daysOf = (ref: string): string => {
    const own = dated.filter((d) => d.ref === ref);
    if (own.length !== 1) return '';
    const d = own[0]!;
    return periodPhrase(d.validFrom !== undefined && d.validFrom > rc.today ? d.validFrom : undefined, d.validUntil !== undefined && d.validUntil >= rc.today ? d.validUntil : undefined, u.lang);
  };
  const notes = list.map((m) => {
    const days = daysOf(m.ref);
    const note = m.note?.[u.lang];
    const said = note !== undefined && days !== '' && days.split(' ').slice(-3).every((w) => note.includes(w));
    return [note, said ? '' : days].filter((x) => x !== undefined && x !== '').join('; ');
  });
  const names = [...list.map((m, i) => `${short[i]}${notes[i] ? ` (${notes[i]})` : ''}`), ...described];
  const sentence = (l: string) => (entry?.kind === 'meetings' ? t.participants(name(kb, id, u.lang, false), l) : t.members(name(kb, id, u.lang, false), l));
  const holders = list.flatMap((m) => relations.holders(m.ref)).map((p) => `${p.name}, ${p.title[u.lang]}`);
  // A group taking part as a whole: who sits in it.
  for (const m of list) {
    const inner = kb.get(m.ref)?.kind === 'leadershipGroups' ? relations.members(m.ref) : [];
    if (inner.length > 0) holders.push(`${capitalize(name(kb, m.ref, u.lang, false))}: ${joinList(inner.map((x) => name(kb, x.ref, u.lang, false)), u.lang)}`);
  }
  // Who chairs a meeting is part of who takes part in it.
  const chair = entry?.kind === 'meetings' && entry.item.chair ? entry.item.chair : undefined;
  if (chair && kb.get(chair)) holders.unshift(t.chairOf(name(kb, chair, u.lang, false)));
  // What the documents say about the group itself often names who else takes part.
  const about = (entry?.item as { description?: { da: string; en: string } } | undefined)?.description;
  if (about) holders.push(about[u.lang]);
  // A long list reads better one per line under a short first line.
  const headline = `${lead}${sentence(joinList(names, u.lang))}`;
  if (headline.length > 200) {
    // Without the notes the names may still fit in the first line; the notes follow one per line.
    const bare = `${lead}${sentence(joinList(short, u.lang))}`;
    if (bare.length <= 200) return done(rc, 'answer', bare, [...names.filter((n, i) => n !== short[i]), ...holders], sourceOf(kb, id), [], true);
    return done(rc, 'answer', lead + t.memberCount(name(kb, id, u.lang, false), names.length, entry?.kind === 'meetings'), [...names, ...holders], sourceOf(kb, id), [], true);
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

/**
 * The one group or meeting (with members or participants) whose own names, Danish and English, say every content word
 * of the question (by stem, or as part of a compound), looked up through an index of those names' words built once per
 * knowledge base. Undefined when none does, or when more than one does (and none of them says more exact words).
 */
function bodyByWords(rc: RelationContext): string | undefined {
  const { u } = rc;
  const place = new Set<number>();
  for (const g of rc.subjects) for (const l of g) if (l.kind === 'municipalities') for (let i = l.start; i < l.end; i++) place.add(i);
  const words = unique(
    u.tokens
      .filter((tok, i) => !place.has(i) && !u.cuePositions.has(i) && !u.intentWords.has(tok.form) && tok.form.length > 2 && !STOPWORDS.has(tok.form) && !GENERIC_WORDS.has(tok.form) && !rc.lexicon.questionWords.has(tok.form) && !rc.lexicon.fillerWords.has(tok.form) && !/^\d+$/.test(tok.form))
      .map((tok) => tok.form),
  ).map((form) => ({ form, stem: primaryStem(form) }));
  // (One word, "who is on the all leaders forum", is too little to tell one body by: many names say "leaders".)
  if (words.length < 2) return undefined;
  const index = bodyIndexOf(rc.kb);
  let found: Set<string> | undefined;
  for (const w of words) {
    const saying = new Set<string>();
    // (By either language's stem, or an abbreviation's English plural: "pfls" of "PFL", which no stemmer strips.)
    const stems = stemsOf(w.form);
    const singular = w.form.length <= 5 && w.form.endsWith('s') ? w.form.slice(0, -1) : undefined;
    for (const f of index.forms) if (f.form === w.form || f.form === singular || f.stems.some((x) => stems.includes(x)) || (w.stem.length >= 5 && f.form.includes(w.stem))) for (const id of f.ids) saying.add(id);
    found = found ? new Set([...found].filter((id) => saying.has(id))) : saying;
    if (found.size === 0) return undefined;
  }
  const bodies = [...found!].filter((id) => rc.relations.members(id).length > 0).filter((id) => rc.municipalities.size === 0 || [...rc.municipalities].some((m) => (rc.kb.get(id)?.item as { municipality?: string } | undefined)?.municipality === m));
  return bodies.length === 1 ? bodies[0] : undefined;
}

/** The words of every group's and meeting's names (with members or participants), once per knowledge base. */
const BODY_INDEXES = new WeakMap<RelationContext['kb'], BodyIndex>();
/** The words of the groups' and meetings' names, each with the bodies whose names say it. */
export interface BodyIndex {
  readonly forms: ReadonlyArray<{ readonly form: string; readonly stems: readonly string[]; readonly ids: readonly string[] }>;
}

/** The bodies by the words of their names, built with the answerer (`prepare.ts`). */
export function bodyIndexOf(kb: RelationContext['kb']): BodyIndex {
  let index = BODY_INDEXES.get(kb);
  if (index) return index;
  const byForm = new Map<string, Set<string>>();
  for (const item of [...kb.data.leadershipGroups, ...kb.data.meetings]) {
    const entry = kb.get(item.id);
    if (!entry) continue;
    for (const n of namesOf(entry)) {
      for (const w of analyzeText(foldText(n))) {
        if (STOPWORDS.has(w.form)) continue;
        const ids = byForm.get(w.form) ?? new Set<string>();
        ids.add(item.id);
        byForm.set(w.form, ids);
      }
    }
  }
  index = { forms: [...byForm].map(([form, ids]) => ({ form, stems: stemsOf(form), ids: [...ids] })) };
  BODY_INDEXES.set(kb, index);
  return index;
}

/** The question's content words that no name, cue or function word explains. */
function looseWords(rc: RelationContext): Array<{ form: string; stem: string }> {
  const { u } = rc;
  const covered = new Set<number>();
  for (const g of [...rc.subjects, ...describedItems(rc)]) for (const l of g) for (let i = l.start; i < l.end; i++) covered.add(i);
  return u.tokens
    .filter((tok, i) => !covered.has(i) && !u.cuePositions.has(i) && !u.intentWords.has(tok.form) && tok.form.length > 3 && !STOPWORDS.has(tok.form) && !GENERIC_WORDS.has(tok.form) && !/^\d+$/.test(tok.form))
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
// The meetings and groups a role (or the person in it) takes part in

/** Kinds of question that ask something else of a role's meetings (when, how often, where) or of the role itself. */
const NOT_ROLE_MEETINGS = new Set(['frequency', 'dates', 'when', 'contact', 'deputy', 'deputy-for', 'decision', 'reporting-up', 'reporting-down', 'reporting-chain', 'figure', 'policy', 'programme', 'responsibility']);

/**
 * "Hvilke møder deltager småbørnschefen i?", "what meetings does the district head go to", "which groups is X on":
 * the members relation read backwards. A role (or a person, through the post they hold) is named, no meeting or
 * group is named or described, and the question asks which meetings (a word for a meeting right after a word that
 * asks which) or asks about membership with a word that asks which. The groups it is a member of, the meetings it or
 * one of those groups takes part in, and those it chairs; asked who chairs ("which meetings does X chair"), only those.
 */
export function answerRoleMeetings(rc: RelationContext): Answer | undefined {
  const { u, kb, relations } = rc;
  const asksMeetings = asksWhichMeetings(rc);
  // "Which forum does the area head lead": asked which meetings, a cue for whom someone leads asks which it chairs.
  const leadsAsked = asksMeetings && LEADING_KINDS.some((k) => u.kinds.has(k));
  if ([...u.kinds.keys()].some((k) => NOT_ROLE_MEETINGS.has(k) && !(leadsAsked && LEADING_KINDS.includes(k))) || u.attributes.length > 0) return undefined;
  const asksWhich = u.intents.has('membership') && rc.lexicon.whichWords.match(u.tokens).size > 0;
  if (!asksMeetings && !asksWhich) return undefined;
  const listedBody = new Set(listedBodies(rc).map((l) => `${l.id}@${l.start}`));
  const named = (l: Link) => (l.kind === 'meetings' || l.kind === 'leadershipGroups') && !listedBody.has(`${l.id}@${l.start}`);
  if (rc.subjects.some((g) => g.some((l) => named(l) && l.quality >= 0.9))) return undefined;
  if (describedItems(rc).some((g) => named(g[0]!))) return undefined;
  const roleGroups = subjectsOf(rc, ['roles'], true);
  if (roleGroups.length !== 1) return undefined;
  const role = roleGroups[0]![0]!;
  if (role.quality < 0.9) return undefined;
  const t = TEXTS[u.lang];
  const takesPart = (id: string, ref: string) => relations.members(id).some((m) => m.ref === ref);
  // (With the groups it sits in through a group that sits in them as a whole.)
  const groups = relations.groupsWith(role.id).map((id) => ({ id, via: takesPart(id, role.id) ? undefined : relations.members(id).find((m) => relations.groupsWith(role.id).includes(m.ref))?.ref }));
  const chairOnly = u.kinds.has('chair') || leadsAsked;
  const meetings = kb.data.meetings
    .map((m) => {
      const chair = m.chair === role.id;
      const direct = takesPart(m.id, role.id);
      const via = groups.find((g) => takesPart(m.id, g.id));
      return { id: m.id, chair, direct, via: via?.id };
    })
    .filter((m) => (chairOnly ? m.chair : m.chair || m.direct || m.via !== undefined))
    // "In autumn 2027": only the meetings held then (valid then, and with a day then when their days are known).
    .filter((m) => !u.range || heldBetween(rc, m.id, u.range.from, u.range.to));
  const roleName = name(kb, role.id, u.lang);
  // Asked which it chairs where no meeting names a chair: the post's own duties that name a meeting it takes part in
  // ("leder områdeforum") say it.
  const duties = chairOnly && meetings.length === 0 ? dutiesNamingMeetings(rc, role.id, groups.map((g) => g.id)) : [];
  if (duties.length > 0) return done(rc, 'answer', `${capitalize(roleName)}: ${duties.map((d) => d[u.lang]).join(' ')}`, [], unique(duties.flatMap((d) => (d.source ? [d.source] : sourceOf(kb, role.id)))).slice(0, 3));
  if (meetings.length === 0 && (groups.length === 0 || chairOnly)) {
    return done(rc, 'unknown', t.noMeetings(roleName), [], sourceOf(kb, role.id));
  }
  const meetingList = meetings.map((m) => `${name(kb, m.id, u.lang, false)}${m.chair ? ` (${t.asChair})` : !m.direct && m.via ? ` (${t.through(name(kb, m.via, u.lang, false))})` : ''}`);
  const groupList = groups.map((g) => `${name(kb, g.id, u.lang, false)}${g.via ? ` (${t.through(name(kb, g.via, u.lang, false))})` : ''}`);
  const sources = [...meetings.map((m) => m.id), ...groups.map((g) => g.id)].flatMap((id) => sourceOf(kb, id));
  const meetingLine = meetingList.length > 0 ? t.takesPartIn(roleName, joinList(meetingList, u.lang)) : undefined;
  const groupLine = groupList.length > 0 && !chairOnly ? t.memberOf(roleName, joinList(groupList, u.lang)) : undefined;
  // Asked for meetings, the meetings lead; asked which groups, the groups.
  // ("What leadership teams is X on": a group's name asked which of asks for groups.)
  const groupsAsked = listedBodies(rc).some((l) => l.kind === 'leadershipGroups');
  const [first, second] = (asksMeetings && !groupsAsked) || !groupLine ? [meetingLine ?? groupLine!, meetingLine ? groupLine : undefined] : [groupLine, meetingLine];
  // A long list reads better one per line under a short first line.
  if (first.length > 200 && first === meetingLine) {
    return done(rc, 'answer', t.takesPartInCount(roleName, meetingList.length), [...meetingList, ...(second ? [second] : [])], unique(sources).slice(0, 3), [], true);
  }
  return done(rc, 'answer', first, second ? [second] : [], unique(sources).slice(0, 3));
}

/** Kinds whose cue asks whom someone leads ("which staff does X lead"); asked of meetings, which ones it leads. */
const LEADING_KINDS: ReadonlyArray<QuestionKind> = ['reporting-down', 'leader'];

/**
 * True when the question asks which meetings or groups: a word for a meeting, or a name of a body, right after a word
 * that asks which ("which forum", "what leadership teams").
 */
export function asksWhichMeetings(rc: RelationContext): boolean {
  const listed = listedKindAt(rc);
  return [...(rc.u.kinds.get('meeting')?.positions ?? [])].some((p) => listed.has(p)) || listedBodies(rc).length > 0;
}

/** Meetings and groups named right after a word that asks which ("what leadership teams"): the kind asked for, not a body named. */
function listedBodies(rc: RelationContext): Link[] {
  const listed = listedKindAt(rc);
  return [...rc.subjects.flat(), ...describedItems(rc).flat()].filter((l) => (l.kind === 'meetings' || l.kind === 'leadershipGroups') && listed.has(l.start));
}

/**
 * The duties of a post that name a meeting it (or a group it is in) takes part in, by one of the meeting's names as
 * whole words: "Leder områdeforum." of the area head who takes part in områdeforum.
 */
function dutiesNamingMeetings(rc: RelationContext, roleId: string, groupIds: readonly string[]) {
  const entry = rc.kb.get(roleId);
  if (entry?.kind !== 'roles') return [];
  const takesPart = (id: string) => rc.relations.members(id).some((m) => m.ref === roleId || groupIds.includes(m.ref));
  const names = rc.kb.data.meetings
    .filter((m) => takesPart(m.id))
    .flatMap((m) => [m.name, ...(m.names ?? []), ...(m.labelEn ? [m.labelEn] : []), ...(m.namesEn ?? [])])
    .map((n) => n.toLowerCase())
    .filter((n) => n.length >= 3);
  const saysName = (text: string) => {
    const lower = text.toLowerCase();
    return names.some((n) => new RegExp(`(^|[^\\p{L}])${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u').test(lower));
  };
  return entry.item.responsibilities.filter((d) => saysName(d.da) || saysName(d.en));
}

/** True when a meeting may be held between two days: valid then, and with a day then when its recurrence gives days. */
function heldBetween(rc: RelationContext, id: string, from: string, to: string): boolean {
  const meeting = rc.kb.get(id);
  if (meeting?.kind !== 'meetings') return false;
  const m = meeting.item;
  const held = meetingPeriod(m, rc.kb.documents);
  if ((held.validUntil !== undefined && held.validUntil < from) || (held.validFrom !== undefined && held.validFrom > to)) return false;
  const dated = m.recurrence !== undefined && (m.recurrence.rrule !== undefined || m.recurrence.dates.length > 0);
  return !dated || rc.queries.meetingOccurrences(id, from, to).length > 0;
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
  const participants = [...relations.members(meeting.id).map((m) => `${name(kb, m.ref, u.lang, false)}${m.note ? ` (${m.note[u.lang]})` : ''}`), ...describedNames(rc, meeting.id)];
  const lines = [
    ...(participants.length > 0 ? [t.participants(name(kb, meeting.id, u.lang, false), joinList(participants, u.lang))] : []),
    ...(meeting.unit ? [`${t.where}: ${name(kb, meeting.unit, u.lang, false)}`] : []),
    ...(meeting.purpose ? [meeting.purpose[u.lang]] : []),
    ...(meeting.description ? [meeting.description[u.lang]] : []),
  ];
  // "Where is X held?" of a meeting whose place (or unit) the documents do not give: say so, with what they do say.
  const sure = link.quality >= 0.9 && !meeting.recurrence;
  if (sure && !meeting.place && !meeting.unit && rc.lexicon.placeWords.match(u.tokens).size > 0) {
    return done(rc, 'unknown', t.noPlace(name(kb, meeting.id, u.lang, false)), [...(meeting.frequency ? [`${title}: ${meeting.frequency[u.lang]}.`] : []), ...lines], [meeting.source]);
  }
  // Asked how often, of a meeting the documents name but give no frequency for: say so. Asked less directly,
  // the meeting's own texts may still say it ("ugentlige ledermøder"): the search decides.
  if (!meeting.frequency && sure && u.kinds.has('frequency')) return done(rc, 'unknown', t.noFrequency(name(kb, meeting.id, u.lang, false)), lines, [meeting.source]);
  if (!meeting.frequency) return undefined;
  return done(rc, 'answer', `${title}: ${meeting.frequency[u.lang]}.`, lines, [meeting.source]);
}
