/**
 * Answers about time in the knowledge model: who stands in for whom and when, what a body decided
 * (when, from when, the vote), when and how often a meeting is held (from its recurrence), who
 * chairs and attends it, everything dated in a period (deadlines first, periods as first–last day,
 * meeting days, decisions), and figures as of a day. All relative to today from the injected clock.
 */
import type { KbItem } from '../knowledge/knowledge-base.js';
import type { Role } from '../knowledge/schemas.js';
import { meetingPeriod } from '../knowledge/meeting-period.js';
import { rolesByNameStart } from './relation-answers/role-name-starts.js';
import type { DatedItem, DeputyEntry, MeetingOccurrence } from '../knowledge/queries.js';
import { DEADLINE_KINDS, type DateEntry, type Decision, type Figure, type Meeting, type Source } from '../knowledge/schemas.js';
import { addDays, formatPartialDate } from '../time/format-date.js';
import { displayName, namesOf } from './facts.js';
import { capitalize, joinList } from './phrases.js';
import { analyzeText, foldText, GENERIC_WORDS, stemsOf, STOPWORDS, termsOf, tokenize } from './normalize.js';
import { deputyStatements } from './relation-answers/deputy-statements.js';
import { TEXTS as RELATION_TEXTS } from './relation-answers/texts.js';
import { compoundPost, describedPostLinks, markDescribed } from './relation-answers/described-post.js';
import type { Answer, Lang } from './types.js';
import { countedPositions, daysNamed, fitsDateKind } from './understand.js';
import { asksOtherDatedKind } from './relation-answers/meeting-days.js';
import { calendarChanges, describeChanges } from './relation-answers/meeting-changes.js';
import { composeAnswer, MAX_SUPPORT_LINES, NEAR_BEST, STRUCTURED_THRESHOLD, nameOf, shortDate, unique, unknown as unknownAnswer } from './answer-context.js';
import type { Link } from './linking.js';
import { inMeetingOrder, meetingIndexOf, type MeetingIndex } from './meeting-index.js';
import { figureOwnersOf, figureTermIndex, itemsStating, someFigure } from './figure-owners.js';
import { unitsOfPerson } from './relation-answers/context.js';
import { complementsSaid, countedPosts, countedRoleMetrics, countedWords, countsAsked, countSpan, describedNames, differenceOf, eachUnits, countLinkAt, countsJoined, countsOwnValue, measuresSaid, municipalityAt, personMetrics, scopeSuffix, subjectsOf, totalOf, type RelationContext } from './relation-answers/index.js';
import { countsWord } from './answer-general.js';
import { phrasesFor } from './phrases.js';
import { answerBodyChair, verbStems } from './relation-answers/decisions.js';
import { leadersByStatement } from './relation-answers/tasks.js';
import { explainsWords } from './relation-answers/org-changes.js';
import { measuredText, periodOf } from './relation-answers/figure-measures.js';

/** Which sides of a deputy relation are people (named as they are) rather than posts. */
interface DeputyPersons {
  readonly deputy: boolean;
  readonly for: boolean;
}

const TEXTS = {
  da: {
    standsIn: (deputy: string, forWhom: string, _persons?: DeputyPersons) => `${capitalize(deputy)} er stedfortræder for ${forWhom}.`,
    when: (condition: string) => `Hvornår: ${condition}.`,
    scope: (scope: string) => `Overtager: ${scope}.`,
    noDeputy: (who: string) => `Dokumenterne nævner ikke nogen stedfortræder for ${who}.`,
    itselfStandsIn: (who: string, forWhom: string) => `${capitalize(who)} er selv stedfortræder for ${forWhom}, ikke omvendt.`,
    decided: (body: string, date: string, name: string) => `${capitalize(body)} besluttede ${date}: ${name}.`,
    applies: (date: string) => `Gælder fra ${date}.`,
    vote: (text: string) => `Afstemning: ${text}`,
    votes: (f?: number, a?: number, x?: number) => [f !== undefined ? `${f} for` : '', a !== undefined ? `${a} imod` : '', x ? `${x} undlod at stemme` : ''].filter(Boolean).join(', '),
    unanimous: 'enstemmigt',
    noneAbstained: 'Ingen undlod at stemme.',
    noDecision: 'Jeg kender ingen beslutning, der passer til spørgsmålet.',
    held: (meeting: string, when: string) => `${capitalize(meeting)} holdes ${when}.`,
    next: (list: string) => `Næste gang: ${list}.`,
    none: (meeting: string) => `Jeg kender ingen kommende datoer for ${meeting}.`,
    noneIn: (meeting: string, period: string) => `Nej, der er ikke ${meeting} ${period}.`,
    noDays: (meeting: string, period: string) => `Dokumenterne giver ingen datoer for ${meeting} ${period}.`,
    endedBy: (meeting: string, period: string, last: string) => `Nej, der er ikke ${meeting} ${period}: det ophører efter ${last}.`,
    beyondDocument: (meeting: string, period: string, doc: string, last: string) => `Det ved jeg ikke ${period}: ${doc} giver kun datoer for ${meeting} til og med ${last}.`,
    startsAfter: (meeting: string, period: string, first: string) => `Nej, der er ikke ${meeting} ${period}: det begynder først ${first}.`,
    inYear: (year: string) => `i ${year}`,
    onTheDay: (day: string) => `den ${day}`,
    datesIn: (meeting: string, period: string, list: string) => `${capitalize(meeting)} ${period}: ${list}.`,
    notHeldOn: (list: string) => `Der holdes ikke møde ${list}.`,
    chair: (who: string) => `Mødeleder: ${who}.`,
    chairHeadline: (meeting: string, who: string) => `${capitalize(who)} leder ${meeting}.`,
    noChair: (meeting: string) => `Dokumenterne nævner ikke, hvem der leder ${meeting}.`,
    noAgenda: (meeting: string) => `Dokumenterne giver ingen dagsorden for ${meeting}.`,
    place: (place: string) => `Sted: ${place}.`,
    placeHeadline: (meeting: string, place: string) => `${capitalize(meeting)} holdes her: ${place}.`,
    nextHeadline: (meeting: string, date: string) => `Næste ${meeting}: ${date}.`,
    oneDay: (which: 'first' | 'last' | 'next', meeting: string, period: string, date: string) => `${which === 'first' ? 'Første' : which === 'last' ? 'Sidste' : 'Næste'} ${meeting}${period ? ` ${period}` : ''}: ${date}.`,
    participants: (list: string) => `Deltagere: ${list}.`,
    validity: (from?: string, until?: string) => (from && until ? `Gælder fra ${from} til ${until}.` : from ? `Fra ${from}.` : until ? `Til og med ${until}.` : ''),
    period: (count: number, period: string) => (count === 1 ? `Én ting ${period}:` : `${count} ting ${period}:`),
    periodMore: (count: number, period: string, shown: number, more: number) => `${count} ting ${period}; her er de første ${shown}, og ${more} mere under "Vis mere":`,
    placeOf: (place: string) => `sted: ${place}`,
    noPeriod: (period: string) => `Jeg kender ingen datoer ${period}.`,
    inMonth: (month: string) => `i ${month}`,
    between: (from: string, to: string) => `fra ${from} til ${to}`,
    meeting: 'møde',
    decision: 'beslutning',
    appliesFrom: 'træder i kraft',
    figure: (owner: string, text: string) => `${capitalize(owner)}: ${text}.`,
    asOf: (day: string) => `pr. ${day}`,
    noFigureOn: (owner: string, when: string, stated: string) => `Dokumenterne giver intet tal for ${owner} ${when}; de giver tal ${stated}.`,
    figuresDated: (when: string) => (when.startsWith('pr.') ? `Tallet er opgjort ${when}.` : `Tallet gælder ${when}.`),
    eventOn: (unit: string, from: boolean, day: string) => `${unit} ${from ? 'er med fra' : 'er med til og med'} ${day}.`,
    onDay: (day: string) => `pr. ${day}`,
    at: 'kl.',
    passed: ' (overstået)',
    times: (n: number) => `${n} gange`,
  },
  en: {
    // A person stands in by name ("Sanne Krog Thomsen stands in for the head of family day care"), a post with "the".
    standsIn: (deputy: string, forWhom: string, persons?: DeputyPersons) => `${persons?.deputy ? deputy : `The ${deputy}`} stands in for ${persons?.for ? forWhom : `the ${forWhom}`}.`,
    when: (condition: string) => `When: ${condition}.`,
    scope: (scope: string) => `Takes over: ${scope}.`,
    noDeputy: (who: string) => `The documents do not mention a deputy for the ${who}.`,
    itselfStandsIn: (who: string, forWhom: string) => `The ${who} is itself the deputy for the ${forWhom}, not the other way round.`,
    decided: (body: string, date: string, name: string) => `On ${date} the ${body} decided: ${name}.`,
    applies: (date: string) => `Applies from ${date}.`,
    vote: (text: string) => `Vote: ${text}`,
    votes: (f?: number, a?: number, x?: number) => [f !== undefined ? `${f} for` : '', a !== undefined ? `${a} against` : '', x ? `${x} abstained` : ''].filter(Boolean).join(', '),
    unanimous: 'unanimous',
    noneAbstained: 'No one abstained.',
    noDecision: 'I know of no decision that fits the question.',
    held: (meeting: string, when: string) => `${capitalize(meeting)} is held ${when}.`,
    next: (list: string) => `Next: ${list}.`,
    none: (meeting: string) => `I know of no coming dates for ${meeting}.`,
    noneIn: (meeting: string, period: string) => `No, ${meeting} is not held ${period} (I know of no dates then).`,
    noDays: (meeting: string, period: string) => `The documents give no dates for ${meeting} ${period}.`,
    endedBy: (meeting: string, period: string, last: string) => `No, ${meeting} is not held ${period}: it ends after ${last}.`,
    beyondDocument: (meeting: string, period: string, doc: string, last: string) => `I don't know ${period}: ${doc} gives dates for ${meeting} only up to ${last}.`,
    startsAfter: (meeting: string, period: string, first: string) => `No, ${meeting} is not held ${period}: it only starts on ${first}.`,
    inYear: (year: string) => `in ${year}`,
    onTheDay: (day: string) => `on ${day}`,
    datesIn: (meeting: string, period: string, list: string) => `${capitalize(meeting)} ${period}: ${list}.`,
    notHeldOn: (list: string) => `There is no meeting on ${list}.`,
    chair: (who: string) => `Chair: ${who}.`,
    chairHeadline: (meeting: string, who: string) => `The ${who} chairs ${meeting}.`,
    noChair: (meeting: string) => `The documents do not say who chairs ${meeting}.`,
    noAgenda: (meeting: string) => `The documents give no agenda for ${meeting}.`,
    place: (place: string) => `Place: ${place}.`,
    placeHeadline: (meeting: string, place: string) => `${capitalize(meeting)} is held at ${place}.`,
    nextHeadline: (meeting: string, date: string) => `The next ${meeting}: ${date}.`,
    oneDay: (which: 'first' | 'last' | 'next', meeting: string, period: string, date: string) => `The ${which} ${meeting}${period ? ` ${period}` : ''}: ${date}.`,
    participants: (list: string) => `Participants: ${list}.`,
    validity: (from?: string, until?: string) => (from && until ? `Valid from ${from} to ${until}.` : from ? `From ${from}.` : until ? `Until ${until}.` : ''),
    period: (count: number, period: string) => (count === 1 ? `One thing ${period}:` : `${count} things ${period}:`),
    periodMore: (count: number, period: string, shown: number, more: number) => `${count} things ${period}; here are the first ${shown}, and ${more} more under "Show more":`,
    placeOf: (place: string) => `place: ${place}`,
    noPeriod: (period: string) => `I know of no dates ${period}.`,
    inMonth: (month: string) => `in ${month}`,
    between: (from: string, to: string) => `from ${from} to ${to}`,
    meeting: 'meeting',
    decision: 'decision',
    appliesFrom: 'takes effect',
    figure: (owner: string, text: string) => `${capitalize(owner)}: ${text}.`,
    asOf: (day: string) => `as of ${day}`,
    noFigureOn: (owner: string, when: string, stated: string) => `The documents give no figure for ${owner} ${when}; they give figures ${stated}.`,
    figuresDated: (when: string) => `The figure is ${when}.`,
    eventOn: (unit: string, from: boolean, day: string) => `${unit} ${from ? 'is there from' : 'is there until'} ${day}.`,
    onDay: (day: string) => `as of ${day}`,
    at: 'at',
    passed: ' (passed)',
    times: (n: number) => `${n} times`,
  },
} as const;


function done(rc: RelationContext, kind: Answer['kind'], headline: string, lines: readonly string[], sources: readonly Source[], details: readonly string[] = [], complete = false): Answer {
  return composeAnswer(rc.kb, rc.u.lang, { kind, headline, groups: [{ title: '', lines }], sources, details, complete });
}

const nameIn = (rc: RelationContext, id: string, definite = false) => nameOf(rc.kb, id, rc.u.lang, definite);
const itemName = (rc: RelationContext, item: KbItem) => (item.kind === 'people' ? item.item.name : displayName(item, rc.u.lang));

// ---------------------------------------------------------------------------------------------
// Deputies

export function answerDeputies(asked: RelationContext): Answer | undefined {
  const { u, queries } = asked;
  if (!u.kinds.has('deputy') && !u.kinds.has('deputy-for')) return undefined;
  const t = TEXTS[u.lang];
  // A sure name before a loose one: "træder" in "hvem træder til når børnechefen er på ferie" only
  // resembles a name ("stedfortræder"); the role named in full is whom the question is about.
  const named = asked.subjects.flat().filter((l) => l.kind === 'roles' || l.kind === 'people' || l.kind === 'postings');
  const found = named.length === 0 ? compoundPost(asked) : undefined;
  const described = found?.link;
  // A post described in two words names it as much as its name would (its words are no other thing asked).
  const rc: RelationContext = found
    ? { ...asked, subjects: [...asked.subjects, [found.link]], u: { ...u, namePositions: new Set([...(u.namePositions ?? []), ...found.positions]) } }
    : asked;
  const sure = named.filter((l) => l.quality >= 0.9);
  // "Hvem er stedfortræder i Hedelund?", "who is the deputy at Kirkebyen": only a place named, its deputy is the deputy
  // of the post that leads it (the one of its leading posts the documents name a deputy for).
  // (Only "who": "how many deputies in Dagtilbud Hvidmose" counts them.)
  const place = named.length === 0 && !described && u.askedWho && !u.intents.has('figure') ? asked.subjects.flat().find((l) => l.kind === 'units' && l.quality >= 0.9) : undefined;
  const placePosts = place ? asked.relations.leadersOf(place.id) : [];
  // (A post of the place with no deputy of its own may have its general post's: "børnehusleder i Kløverengen".)
  const placePost = placePosts.find((id) => queries.deputiesFor(id).length > 0) ?? placePosts[0];
  // (A post that leads several places, "netværksleder" of each network: the holder tied to the place named, when the
  // documents name that person's own deputy.)
  const placeHolder = place && placePost && asked.relations.ledBy(placePost).length > 1
    ? queries.holdersOn(placePost, u.day ?? asked.today).find((p) => unitsOfPerson(asked, p).has(place.id) && queries.deputiesFor(p.id, u.day).length > 0)
    : undefined;
  let subject = sure[0] ?? named[0] ?? described ?? (placeHolder ? { ...place!, id: placeHolder.id, kind: 'people' as const } : place && placePost ? { ...place, id: placePost, kind: 'roles' as const } : undefined);
  if (!subject) return undefined;
  // "Who takes over when Jesper Friis retires": leaving a post for good asks for the successor, not the deputy.
  // So does "who takes over after Grethe": a person named right after a word that places a day after ("efter", "after").
  const afterAt = rc.lexicon.sequenceWords.match(u.tokens).get('after')?.positions ?? [];
  const afterPerson = sure.some((l) => l.kind === 'people' && afterAt.includes(l.start - 1));
  const succeeded = rc.lexicon.leavingWords.match(u.tokens).size > 0 || afterPerson ? succession(rc, sure) : undefined;
  if (succeeded) return succeeded;
  // All relations, not only today's: one that begins later is told with its first day.
  const day = u.day;
  // A person stands for the role they hold; a job posting for the post it is for ("the head of Børnegården Rævehøj").
  const roleOf = (id: string) => {
    const e = rc.kb.get(id);
    if ((e?.kind === 'people' || e?.kind === 'postings') && e.item.role) return e.item.role;
    // A person the documents name by title only ("ledende pædagog i Børnegården Rævehøj"): the post the title begins with.
    if (e?.kind === 'people') {
      const title = tokenize(foldText(e.item.title.da));
      const posts = rc.kb.data.roles
        .map((r) => ({ id: r.id, words: tokenize(foldText(r.name)) }))
        .filter((r) => r.words.length > 0 && r.words.length <= title.length && r.words.every((w, i) => title[i] === w))
        .sort((a, b) => b.words.length - a.words.length);
      if (posts[0]) return posts[0].id;
    }
    return id;
  };
  // Two posts named ("when does the kredsleder in Åen take over for the børneområdechef"): the relation between them,
  // whichever way it runs; a general post named beside a unit is that unit's own post ("kredsleder" + "Åen").
  const pairs = relationBetween(rc, sure.map((l) => roleOf(l.id)), day);
  // Several posts named and none stands in for another ("kan dagplejelederen være kvarterchefens stedfortræder"):
  // the one the documents name a deputy for is whom the question is about.
  // Unless one post's own relation says the other post named ("må analysechefen føre lønforhandlinger med
  // landsbylederne, når han er stedfortræder": the analysechef stands in for the fagcenterchef "except in pay
  // negotiations with the heads of the villages"): that relation is the one asked about, from its side.
  const saysOther = pairs.length === 0 && sure.length > 1 ? sure.find((l) => relationSaysOther(rc, l, sure, roleOf, day)) : undefined;
  if (saysOther) subject = saysOther;
  else if (pairs.length === 0 && sure.length > 1 && !u.kinds.has('deputy-for')) subject = sure.find((l) => queries.deputiesFor(roleOf(l.id), day).length > 0) ?? subject;
  // A general post named beside a unit ("the fællesleder in Torvet") is that unit's own post when it has one.
  const own = relationOwnPost(rc, roleOf(subject.id));
  // (That unit's own post with a relation of its own is what the question names: "the universleder in Kirkebyen" is
  // Kirkebyen's universleder, whose named deputy comes before the general post's.)
  const ownRelated = own !== undefined && (queries.deputiesFor(own, day).length > 0 || queries.standsInFor(own, day).length > 0);
  const ids = unique([...(ownRelated ? [own] : []), subject.id, roleOf(subject.id), ...(own ? [own] : [])]);
  let forSubject = ids.flatMap((id) => queries.deputiesFor(id, day));
  let bySubject = ids.flatMap((id) => queries.standsInFor(id, day));
  // "Lederen i Kløverengen": a post in one unit whose name begins with a general post's name ("børnehusleder i
  // Børnehuset Kløverengen") has that post's deputy when it has none of its own; who holds the deputy post in the unit follows.
  const general = forSubject.length === 0 && bySubject.length === 0 ? generalRole(rc, roleOf(subject.id)) : undefined;
  if (general) {
    forSubject = queries.deputiesFor(general.id, day);
    bySubject = queries.standsInFor(general.id, day);
  }
  // "Whom does X stand in for" asks from the deputy's side; otherwise the subject is stood in for,
  // unless only the other side is known ("when does the deputy leader take over").
  // A subject named apart from the deputy cue ("stedfortræder for udviklingschefen", "who stands in for X") is the one
  // stood in for: relations where it is the deputy answer the other direction and are told as a second line only.
  const cueAt = new Set([...(u.kinds.get('deputy')?.positions ?? []), ...(u.kinds.get('deputy-for')?.positions ?? [])]);
  const subjectIsCue = Array.from({ length: subject.end - subject.start }, (_, i) => subject.start + i).some((p) => cueAt.has(p));
  // A question that ends on a preposition of the relation (the lexicon's `deputySideEnds`: "who is X the stand-in for",
  // "who is X the deputy to", "hvem er X stedfortræder for", "er en husleder stedfortræder for nogen") asks from the
  // deputy's side.
  const forms = u.tokens.map((tok) => tok.form);
  const endsOn = (words: readonly string[]) => words.length > 0 && words.length <= forms.length && words.every((w, i) => forms[forms.length - words.length + i] === w);
  const fromDeputySide = u.kinds.has('deputy-for') || rc.lexicon.deputySideEnds.some(endsOn);
  // The post stood in for is named after the question's "who" ("hvem er stedfortræder for X", "who covers for X when ..."); one
  // named before it ("myretuen har ingen souschef - hvem er så stedfortræder for lederen") is context, not whom it is about.
  const whoAt = u.kinds.get('who')?.positions ?? [];
  const namedAfterCue = whoAt.length > 0 && subject.start > Math.min(...whoAt);
  if (pairs.length === 0 && !fromDeputySide && forSubject.length === 0 && bySubject.length > 0 && !subjectIsCue && namedAfterCue && subject.quality >= 0.9 && u.askedWho && !u.askedWhen) {
    const answer = unknownAnswer(rc.ctx, u.lang, t.noDeputy(nameIn(rc, subject.id)));
    const lines = bySubject.map((e) => t.itselfStandsIn(itemName(rc, e.deputy), itemName(rc, e.for)));
    return { ...composeAnswer(rc.kb, u.lang, { kind: 'unknown', headline: answer.headline, groups: [{ title: '', lines }], sources: bySubject.map((e) => e.relation.source) }), suggestions: answer.suggestions };
  }
  let entries: DeputyEntry[] = pairs.length > 0 ? pairs : fromDeputySide ? (bySubject.length > 0 ? bySubject : forSubject) : forSubject.length > 0 ? forSubject : bySubject;
  // A person asked about: the relations of the place their title names first ("ledende pædagog i Børnegården Rævehøj").
  const person = rc.kb.get(subject.id);
  if (person?.kind === 'people' && entries.length > 1) {
    const title = foldText(`${person.item.title.da} ${person.item.title.en}`).toLowerCase();
    const unitOf = (e: DeputyEntry) => (e.for.item as { unit?: string }).unit ?? (e.deputy.item as { unit?: string }).unit;
    const says = (e: DeputyEntry) => {
      const unit = unitOf(e);
      const entry = unit ? rc.kb.get(unit) : undefined;
      return entry?.kind === 'units' && title.includes(foldText(entry.item.name).toLowerCase()) ? 1 : 0;
    };
    entries = [...entries].sort((a, b) => says(b) - says(a));
  }
  if (entries.length === 0) {
    // "Hvornår er teamchefen på orlov?": asked when, of a post with no deputy, the absence may be a dated item of its own.
    if (subject.quality < 0.9 || u.askedWhen) return undefined;
    return unknownAnswer(rc.ctx, u.lang, t.noDeputy(nameIn(rc, subject.id)));
  }
  const since = (e: DeputyEntry) => (e.relation.validFrom && e.relation.validFrom > rc.today ? ` (${u.lang === 'da' ? 'fra' : 'from'} ${shortDate(e.relation.validFrom, u.lang)})` : '');
  // Who holds the deputy post on the day asked about (today when none): "in January 2027" may be someone else than in summer.
  const onDay = u.day ?? u.range?.from ?? rc.today;
  const holderOf = (e: DeputyEntry) => {
    if (e.deputy.kind !== 'roles') return '';
    const people = queries.holdersOn(e.deputy.item.id, onDay);
    return people.length === 1 ? ` (${people[0]!.name})` : '';
  };
  const sentences = entries.map((e) => t.standsIn(`${itemName(rc, e.deputy)}${holderOf(e)}`, itemName(rc, e.for), { deputy: e.deputy.kind === 'people', for: e.for.kind === 'people' }).replace(/\.$/, `${since(e)}${scopeSuffix(rc, e.relation.appliesTo)}.`));
  const first = entries[0]!.relation;
  const lines = entries.flatMap((e, i) => [
    ...(i > 0 ? [sentences[i]!] : []),
    ...(e.relation.condition ? [t.when(e.relation.condition[u.lang])] : []),
    ...(e.relation.scope ? [t.scope(e.relation.scope[u.lang])] : []),
  ]);
  const headline = first.condition ? `${sentences[0]!.replace(/\.$/, '')} ${u.lang === 'da' ? '–' : '–'} ${first.condition[u.lang]}.` : sentences[0]!;
  const inUnit = general?.unit ? entries.flatMap((e) => rc.relations.holders(e.deputy.item.id).filter((p) => p.title.da.toLowerCase().includes(nameIn(rc, general.unit!).toLowerCase()) || p.title.en.toLowerCase().includes(nameIn(rc, general.unit!).toLowerCase()))) : [];
  const relationLines = [...inUnit.map((p) => `${p.name}, ${p.title[u.lang]}`), ...lines.filter((l) => !headline.includes(l.replace(/^[^:]+: /, '').replace(/\.$/, '')))];
  const sources = entries.map((e) => e.relation.source);
  const details = entries.map((e) => e.relation.text[u.lang]);
  // "Can the deputy hire staff while the leader is away?": what the question asks besides the relation is
  // answered by the statements about the two roles that say it (the deputy's own first), the relation after them.
  const powers = deputyStatements(rc, entries.map((e) => e.relation));
  if (powers.length > 0) {
    const said = powers.map((f) => f.text[u.lang]);
    return describedBy(rc, found, entries, done(rc, 'answer', said[0]!, [...said.slice(1), headline, ...relationLines], [...powers.map((f) => f.source), ...sources], details));
  }
  return describedBy(rc, found, entries, done(rc, 'answer', headline, relationLines, sources, details));
}

/**
 * The deputy relations between posts a question names (either may stand in for the other). A general post named
 * beside a unit the question also names stands for that unit's own post ("kredsleder" + "Åen": "kredsleder for
 * Børnekreds Åen"): the post of that unit whose name begins with the general post's name.
 */
function relationBetween(rc: RelationContext, roleIds: readonly string[], day: string | undefined): DeputyEntry[] {
  if (roleIds.length === 0) return [];
  const ids = new Set(roleIds);
  for (const id of roleIds) {
    const own = relationOwnPost(rc, id);
    if (own) ids.add(own);
  }
  if (ids.size < 2) return [];
  return [...ids].flatMap((id) => rc.queries.deputiesFor(id, day).filter((e) => e.deputy.item.id !== id && ids.has(e.deputy.item.id)));
}

/** The post of a unit the question names whose name begins with the general post's name ("kredsleder" + "Åen": "kredsleder for Børnekreds Åen"). */
function relationOwnPost(rc: RelationContext, id: string): string | undefined {
  const entry = rc.kb.get(id);
  if (entry?.kind !== 'roles') return undefined;
  const units = new Set(rc.subjects.flat().filter((l) => l.kind === 'units' && l.quality >= 0.9).map((l) => l.id));
  if (units.size === 0) return undefined;
  const words = (name: string) => tokenize(foldText(name));
  const general = words(entry.item.name);
  // (Only the roles whose name begins with the general post's name, looked up in the index built with the answerer.)
  const candidates = (rolesByNameStart(rc.kb).get(foldText(entry.item.name)) ?? []).map((r) => (rc.kb.get(r) as { item: Role }).item);
  const own = candidates.filter((r) => r.unit !== undefined && units.has(r.unit) && r.id !== id && words(r.name).length > general.length && general.every((w, i) => words(r.name)[i] === w));
  return own.length === 1 ? own[0]!.id : undefined;
}

/**
 * The next holder of the post a person named (or a post named) leaves on a day the documents give: "Fra 1. marts 2027
 * overtager Mette Valbjørn stillingen som sekretariatsleder efter Jesper Nørgaard Friis." Undefined when the documents
 * date no end or name no one after it.
 */
function succession(rc: RelationContext, named: readonly Link[]): Answer | undefined {
  const { u, queries, kb } = rc;
  for (const l of named) {
    const entry = kb.get(l.id);
    const leaving =
      entry?.kind === 'people'
        ? queries.holdingsOf(entry.item.id).filter((h) => h.validUntil !== undefined && h.validUntil >= rc.today).map((h) => ({ role: h.role, until: h.validUntil!, person: entry.item }))
        : entry?.kind === 'roles'
          ? queries.holdersOn(entry.item.id, rc.today).flatMap((p) => queries.holdingsOf(p.id).filter((h) => h.role === entry.item.id && h.validUntil !== undefined && h.validUntil >= rc.today).map((h) => ({ role: h.role, until: h.validUntil!, person: p })))
          : [];
    for (const { role, until, person } of leaving) {
      const next = addDays(until, 1);
      const after = queries.holdersOn(role, next).filter((p) => p.name !== person.name);
      if (after.length === 0) continue;
      const post = nameOf(kb, role, u.lang, false);
      const who = joinList(after.map((p) => p.name), u.lang);
      const headline = u.lang === 'da' ? `Fra ${shortDate(next, u.lang)} overtager ${who} stillingen som ${post} efter ${person.name}.` : `From ${shortDate(next, u.lang)} ${who} takes over as ${post} from ${person.name}.`;
      const lines = [RELATION_TEXTS[u.lang].untilDay(person.name, person.title[u.lang], shortDate(until, u.lang)), ...after.map((p) => `${p.name}, ${p.title[u.lang]}`)];
      return done(rc, 'answer', headline, lines, [person.source, ...after.map((p) => p.source)]);
    }
  }
  return undefined;
}

/**
 * True when a deputy relation of the post `l` names (says every word of) another post the question names, in its
 * text, scope or condition: that relation is about both, the other post only a word of what it covers.
 */
function relationSaysOther(rc: RelationContext, l: Link, named: readonly Link[], roleOf: (id: string) => string, day: string | undefined): boolean {
  const id = roleOf(l.id);
  const relations = [...rc.queries.deputiesFor(id, day), ...rc.queries.standsInFor(id, day)];
  if (relations.length === 0) return false;
  const others = named.filter((o) => roleOf(o.id) !== id);
  return relations.some((e) => {
    const said = termsOf([e.relation.text, e.relation.scope, e.relation.condition].flatMap((x) => (x ? [x.da, x.en] : [])).join(' '));
    return others.some((o) => {
      if (e.deputy.item.id === roleOf(o.id) || e.for.item.id === roleOf(o.id)) return false;
      const words = rc.u.tokens.slice(o.start, o.end).filter((tok) => !STOPWORDS.has(tok.form));
      return words.length > 0 && words.every((tok) => tok.terms.some((term) => said.has(term)));
    });
  });
}

function describedBy(rc: RelationContext, found: { link: Link; positions: number[] } | undefined, entries: readonly DeputyEntry[], answer: Answer): Answer {
  const links = found ? found.positions.map((p) => ({ ...found.link, start: p, end: p + 1 })) : [];
  // "Does the souschef only step in once ...": the relation's condition answers a word that asks whether it holds only then.
  const limited = entries.find((e) => e.relation.condition || e.relation.appliesTo);
  if (limited) {
    rc.u.tokens.forEach((tok, p) => {
      if (rc.lexicon.restrictionWords.has(tok.form)) links.push({ id: limited.for.item.id, kind: limited.for.kind, start: p, end: p + 1, quality: 0.8 });
    });
    // "Vi har 62 børn i huset, har vi så …", "a house with 70 kids": the asker's own size, told beside a number, is what
    // a relation that holds only above a size ("in institutions with more than 60 children") answers.
    const said = [limited.relation.condition, limited.relation.appliesTo?.text].flatMap((t) => (t ? [t.da, t.en] : [])).join(' ');
    const numberAt = rc.u.tokens.findIndex((tok) => /^\d+$/.test(tok.form));
    if (numberAt >= 0 && /\d/.test(said)) {
      const spans = unique(rc.subjects.flat().map((l) => `${l.start}:${l.end}`)).map((k) => k.split(':').map(Number) as [number, number]);
      const named = (p: number) => spans.some(([start, end]) => p >= start && p < end);
      for (let p = Math.max(0, numberAt - SIZE_WINDOW); p <= Math.min(rc.u.tokens.length - 1, numberAt + SIZE_WINDOW); p++) {
        if (!named(p) && !STOPWORDS.has(rc.u.tokens[p]!.form)) links.push({ id: limited.for.item.id, kind: limited.for.kind, start: p, end: p + 1, quality: 0.8 });
      }
    }
  }
  return markDescribed(answer, links);
}

/** How many words either side of a number the asker's size is told in ("62 børn i huset", "a house with 70 kids"). */
const SIZE_WINDOW = 3;

/** The links of the words that described the post a deputy answer is about ("lederen af et stort dagtilbud"). */
export const deputyPostLinks = describedPostLinks;

/** The general post a post in one unit is an instance of, by name ("børnehusleder i Børnehuset Kløverengen": "børnehusleder"), with that unit. */
function generalRole(rc: RelationContext, id: string): { id: string; unit?: string } | undefined {
  const entry = rc.kb.get(id);
  if (entry?.kind !== 'roles' || !entry.item.unit) return undefined;
  const words = tokenize(foldText(entry.item.name));
  const general = rc.kb.data.roles.find((r) => {
    if (r.id === id || r.unit) return false;
    const head = tokenize(foldText(r.name));
    return head.length < words.length && head.every((w, i) => words[i] === w);
  });
  return general && { id: general.id, unit: entry.item.unit };
}

// ---------------------------------------------------------------------------------------------
// Decisions

// What a body decided, the vote, the chair: relation-answers/decisions.ts.


/**
 * "Hvornår organiseres området i kvarterer?", "when are X and Y merged?": a "when" question about a
 * change a decision makes is answered by the day it applies from. The decision must change every
 * item the question names (or the question's own words must be in what it decided), and none of the
 * items named may have dates of their own (those answer "when" more surely).
 */
export function answerDecisionWhen(rc: RelationContext): Answer | undefined {
  const { u, kb } = rc;
  if (!u.askedWhen || u.intents.has('figure') || u.intents.has('reporting') || u.intents.has('meeting') || u.kinds.has('decision')) return undefined;
  // "Who will lead Ravneklit when it opens": a question that opens with "who" asks who; its "when" says when.
  if (u.askedWho && (u.kinds.get('who')?.positions ?? []).includes(0)) return undefined;
  const t = TEXTS[u.lang];
  const decisions = kb.data.decisions.filter((d) => d.appliesFrom !== undefined);
  if (decisions.length === 0) return undefined;
  // A kind of date named ("budgetfristen") is asked of the calendar; "hvornår starter X" may be a decision's.
  if ([...u.dateKinds].some((k) => k !== 'start')) return undefined;
  // "hvornår er SLG": a name that is also a meeting held on days of its own asks when that meeting is held.
  const heldOnDays = (id: string) => {
    const e = kb.get(id);
    return e?.kind === 'meetings' && e.item.recurrence !== undefined && (e.item.recurrence.rrule !== undefined || e.item.recurrence.dates.length > 0);
  };
  if (rc.subjects.some((group) => group.some((l) => l.quality >= 0.9 && heldOnDays(l.id)))) return undefined;
  // "hvad tid starter kredsforum": a time of day asked of a group whose own meeting is held on days of its own.
  const groupMeeting = meetingOfGroup(rc);
  if (groupMeeting && heldOnDays(groupMeeting.id) && (u.kinds.has('frequency') || clockAsked(rc))) return undefined;
  const named = rc.subjects.map((group) => group.map((l) => l.id));
  const nameTokens = new Set(rc.subjects.flat().flatMap((l) => Array.from({ length: l.end - l.start }, (_, i) => l.start + i)));
  const change = rc.lexicon.changeWords.coverage(u.tokens);
  const words = u.tokens.filter((tok, i) => !u.cuePositions.has(i) && !nameTokens.has(i) && !change.has(i) && tok.form.length > 2 && !/^\d+$/.test(tok.form) && !GENERIC_WORDS.has(tok.form) && !STOPWORDS.has(tok.form));
  // An item named counts as changed when the decision changes it or an item inside it (a district of the area).
  const inside = (changed: string, id: string) => {
    let current: string | undefined = changed;
    for (let depth = 0; current && depth < 8; depth++) {
      if (current === id) return true;
      const item = kb.get(current)?.item as { parent?: string; unit?: string } | undefined;
      current = item?.parent ?? item?.unit;
    }
    return false;
  };
  const termsCache = new Map<Decision, Set<string>>();
  const decisionTerms = (d: Decision) => {
    let terms = termsCache.get(d);
    if (!terms) {
      terms = new Set(
        [d.name, d.labelEn, ...d.names, ...d.namesEn, ...d.decided.flatMap((x) => [x.da, x.en])]
          .join(' ')
          .split(/[^\p{L}\p{N}]+/u)
          .filter((w) => w.length > 3)
          // "flyttes" of "flytningen af dagplejen": the verb a noun of action is made from.
          .flatMap((w) => [...stemsOf(foldText(w)), ...verbStems(foldText(w))]),
      );
      termsCache.set(d, terms);
    }
    return terms;
  };
  const scored = decisions.map((d) => {
    const text = decisionTerms(d);
    // ... or one the decision's own words name ("flyttes til Distrikt Engen"): every word the question names it by.
    const namedBy = (group: readonly Link[]) => group.some((l) => u.tokens.slice(l.start, l.end).every((tok) => STOPWORDS.has(tok.form) || tok.terms.some((term) => text.has(term))));
    const changed = (group: readonly Link[]) => group.some((l) => l.id === d.id || d.changes.some((c) => inside(c, l.id)));
    const said = words.filter((tok) => tok.terms.some((term) => text.has(term))).length;
    // (Only beside an item it changes and a word of its own: "hvornår flytter dagplejen til Engen".)
    const own = said > 0 && rc.subjects.some(changed);
    const covers = rc.subjects.filter((group) => changed(group) || (own && namedBy(group))).length;
    return { d, covers, said };
  });
  // A word of the question the decision does not explain ("vuggestue") asks about something else.
  const foreign = (d: Decision) => words.some((tok) => !tok.terms.some((term) => decisionTerms(d).has(term)));
  // A period the question names ("i sommerferien") that neither the decision's day nor the day it applies from falls in.
  const inRange = (d: Decision) => !u.range || [d.date, d.appliesFrom!].some((day) => u.range!.from <= day && day <= u.range!.to);
  const fit = scored.filter((s) => !foreign(s.d) && inRange(s.d) && (named.length > 0 ? s.covers === named.length : s.said >= Math.min(2, words.length) && words.length > 0));
  if (fit.length === 0) return undefined;
  fit.sort((a, b) => b.covers - a.covers || b.said - a.said || b.d.date.localeCompare(a.d.date));
  // "when are the institutions closed for summer 2027": a decision that changes nothing the question names by its exact
  // name yields to a dated item whose own label says every word asked ("the children's houses" are no head of house).
  const changesExact = rc.subjects.some((g) => g.some((l) => l.quality >= 0.95 && (l.id === fit[0]!.d.id || fit[0]!.d.changes.some((c) => inside(c, l.id)))));
  if (!changesExact && labelNamedIn(rc, u.range?.from ?? '0000-01-01', u.range?.to ?? '9999-12-31')) return undefined;
  if (fit.length > 1 && fit[1]!.covers === fit[0]!.covers && fit[1]!.said === fit[0]!.said) return undefined;
  const d = fit[0]!.d;
  const name = displayName({ kind: 'decisions', item: d } as KbItem, u.lang);
  const headline = `${t.applies(shortDate(d.appliesFrom!, u.lang)).replace(/\.$/, '')}: ${name}.`;
  const lines = [t.decided(nameIn(rc, d.body), shortDate(d.date, u.lang), name), ...d.decided.map((x) => x[u.lang])];
  const answer = done(rc, 'answer', headline, lines, [d.source, ...d.decided.slice(0, 2).map((x) => x.source)]);
  // The words the decision's own words explain ("flyttes" of "flytningen af dagplejen") are answered by it.
  return explainsWords(answer, words.filter((tok) => tok.terms.some((term) => decisionTerms(d).has(term))).map((tok) => u.tokens.indexOf(tok)));
}

// ---------------------------------------------------------------------------------------------
// Meetings: when and how often (from the recurrence), chair, place, participants

const DA_WEEKDAYS: Record<string, string> = { MO: 'mandag', TU: 'tirsdag', WE: 'onsdag', TH: 'torsdag', FR: 'fredag', SA: 'lørdag', SU: 'søndag' };
const EN_WEEKDAYS: Record<string, string> = { MO: 'Monday', TU: 'Tuesday', WE: 'Wednesday', TH: 'Thursday', FR: 'Friday', SA: 'Saturday', SU: 'Sunday' };
const DA_ORDINALS: Record<string, string> = { '1': 'første', '2': 'anden', '3': 'tredje', '4': 'fjerde', '-1': 'sidste' };
const EN_ORDINALS: Record<string, string> = { '1': 'first', '2': 'second', '3': 'third', '4': 'fourth', '-1': 'last' };

/** An RFC 5545 rule in words, for the common shapes an annual calendar uses; undefined otherwise. */
export function describeRule(rrule: string, lang: Lang): string | undefined {
  const parts = Object.fromEntries(rrule.split(';').map((p) => p.split('=') as [string, string]));
  const interval = Number(parts.INTERVAL ?? '1');
  const days = (parts.BYDAY ?? '').split(',').filter(Boolean).map((d) => d.match(/^([+-]?\d)?([A-Z]{2})$/));
  if (days.some((d) => !d)) return undefined;
  const weekdays = lang === 'da' ? DA_WEEKDAYS : EN_WEEKDAYS;
  const ordinals = lang === 'da' ? DA_ORDINALS : EN_ORDINALS;
  const dayWords = days.map((d) => (d![1] ? `${ordinals[d![1].replace('+', '')] ?? d![1]} ${weekdays[d![2]!]}` : weekdays[d![2]!]!));
  const list = joinList(dayWords, lang);
  switch (parts.FREQ) {
    case 'WEEKLY':
      if (lang === 'da') return interval === 1 ? `hver ${list || 'uge'}` : `hver ${interval === 2 ? 'anden' : `${interval}.`} uge${list ? ` om ${list}en` : ''}`;
      return interval === 1 ? `every ${list || 'week'}` : `every ${interval === 2 ? 'other' : `${interval}th`} week${list ? ` on ${list}` : ''}`;
    case 'MONTHLY':
      if (lang === 'da') return `${list ? `den ${list} ` : ''}${interval === 1 ? 'hver måned' : `hver ${interval === 2 ? 'anden' : `${interval}.`} måned`}`;
      return `${list ? `the ${list} of ` : ''}${interval === 1 ? 'every month' : `every ${interval === 2 ? 'other' : `${interval}th`} month`}`;
    case 'DAILY':
      return lang === 'da' ? 'hver dag' : 'every day';
    case 'YEARLY':
      return lang === 'da' ? 'hvert år' : 'every year';
    default:
      return undefined;
  }
}

function timeRange(rc: RelationContext, time?: string, endTime?: string): string {
  if (!time) return '';
  return ` ${TEXTS[rc.u.lang].at} ${time}${endTime ? `–${endTime}` : ''}`;
}

/** ", sted: Rådhuset (flyttet fra 10. marts)": what the documents say of one day of a meeting besides its time. */
function dayDetails(rc: RelationContext, o: MeetingOccurrence): string {
  return `${o.place ? `, ${TEXTS[rc.u.lang].placeOf(o.place)}` : ''}${o.note ? ` (${o.note[rc.u.lang]})` : ''}`;
}

export function answerMeetingTime(rc: RelationContext): Answer | undefined {
  const { u, kb, queries } = rc;
  // "Who runs / leads / is in charge of the leadership forum?": whoever leads a meeting is its chair.
  const leadsMeeting = (u.kinds.has('leader') || u.intents.has('leader')) && (rc.subjects[0] ?? []).some((l) => l.kind === 'meetings' && l.quality >= 0.9);
  const chairAsked = u.kinds.has('chair') || leadsMeeting;
  // "where is the management meeting": a word that asks where, with a meeting named (its name may hold every other cue word).
  const placeAsked = rc.lexicon.placeWords.match(u.tokens).size > 0 && (rc.subjects[0] ?? []).some((l) => l.kind === 'meetings' && l.quality >= 0.9);
  // "Is there an extra Ledergruppe meeting": a word for a change to a meeting's calendar, with a meeting named.
  const changeAsked = rc.lexicon.meetingChangeWords.match(u.tokens);
  const calendarAsked = changeAsked.size > 0 && (rc.subjects[0] ?? []).some((l) => l.kind === 'meetings' && l.quality >= 0.9);
  const asked = chairAsked || placeAsked || calendarAsked || u.kinds.has('frequency') || u.next || u.kinds.has('next') || u.intents.has('dates') || u.intents.has('meeting') || u.intents.has('membership');
  if (!asked) return undefined;
  // "Hvornår skal forslagene være hos Universrådet": a deadline for sending something to a body is no day of its meeting.
  if (DEADLINE_KINDS.some((k) => u.dateKinds.has(k)) && !chairAsked && !placeAsked) return undefined;
  // (A group's meeting stands for the group only when what is asked is a meeting's: "hvornår godkendte universrådet
  // årshjulet" asks when the council decided something, which no day of its meetings answers.)
  const viaGroup = u.kinds.has('decision') && !chairAsked && !placeAsked;
  const link = rc.subjects.flat().find((l) => l.kind === 'meetings') ?? (leadsMeeting || viaGroup ? undefined : (meetingOfGroup(rc) ?? meetingOfParticipants(rc)));
  if (!link) {
    // "Hvem er formand for udvalget?": a body without a chair in the data.
    const body = rc.subjects.flat().find((l) => l.kind === 'units' || l.kind === 'leadershipGroups');
    // "Formand for Familie- og Sundhedsudvalget": a person whose title or the body's own statements say they chair it.
    if (chairAsked && body && body.quality >= 0.9) return answerBodyChair(rc, body.id) ?? unknownAnswer(rc.ctx, u.lang, TEXTS[u.lang].noChair(nameIn(rc, body.id)));
    return undefined;
  }
  const meeting = kb.get(link.id)!.item as Meeting;
  if (datedOfBodyAsked(rc, link, meeting)) return undefined;
  // "Hvad er dagsordenen for næste universrådsmøde": a meeting's agenda is no part of what the documents say of it (its
  // days, place, chair, participants); a decision's agenda item is the decisions answer's.
  const agendaAt = rc.lexicon.decisionWords.coverageEverywhere(u.tokens, new Set(['agenda' as const]));
  const numbered = [...agendaAt].some((p) => /^\d/.test(u.tokens[p + 1]?.form ?? '') || /^(nr|no)$/.test(u.tokens[p + 1]?.form ?? ''));
  if (agendaAt.size > 0 && !numbered && !u.kinds.has('decision')) return unknownAnswer(rc.ctx, u.lang, TEXTS[u.lang].noAgenda(nameIn(rc, meeting.id)));
  // A meeting without recurrence, chair or place: the simpler meeting answer (frequency text) serves.
  // Asked about a period, it has no days to give, unless dated items of the calendar are about it (the dates answer).
  const datedAbout = rc.relations.dates(meeting.id).length > 0;
  if (!meeting.recurrence && !meeting.chair && !meeting.place && !chairAsked && (!u.range || datedAbout)) return undefined;
  // Who takes part, asked without a when ("hvem kommer til kvartermøderne?"), is the members' answer.
  if (u.intents.has('membership') && !u.kinds.has('frequency') && !chairAsked && (!u.intents.has('dates') || (!u.askedWhen && !u.range && u.dateKinds.size === 0))) return undefined;
  const t = TEXTS[u.lang];
  const title = nameIn(rc, meeting.id);
  const participants = [
    ...queries.participantsOf(meeting.id).map((p) => `${itemName(rc, p.item)}${p.note ? ` (${p.note[u.lang]})` : p.asNeeded ? ` (${u.lang === 'da' ? 'efter behov' : 'as needed'})` : ''}`),
    ...describedNames(rc, meeting.id),
  ];
  const chair = meeting.chair ? kb.get(meeting.chair) : undefined;
  const chairName = chair ? itemName(rc, chair) : undefined;
  const rule = meeting.recurrence?.rrule ? describeRule(meeting.recurrence.rrule, u.lang) : undefined;
  const when = meeting.frequency?.[u.lang] ?? rule;
  const from = u.range && u.range.from > rc.today ? u.range.from : rc.today;
  const until = u.range ? u.range.to : addDays(from, 366);
  const upcoming = queries.meetingOccurrences(meeting.id, u.range ? u.range.from : from, until).slice(0, u.range ? 12 : 3);
  const occurrence = (o: (typeof upcoming)[number]) => `${shortDate(o.date, u.lang)}${timeRange(rc, o.time, o.endTime)}${dayDetails(rc, o)}`;
  const validity = t.validity(meeting.validFrom ? shortDate(meeting.validFrom, u.lang) : undefined, meeting.validUntil ? shortDate(meeting.validUntil, u.lang) : undefined);
  const lines = [
    ...(chairAsked ? [] : chairName ? [t.chair(chairName)] : []),
    ...(meeting.place ? [t.place(meeting.place)] : []),
    ...(upcoming.length > 0 && !u.range ? [t.next(joinList(upcoming.map(occurrence), u.lang))] : []),
    ...(u.range ? upcoming.map(occurrence) : []),
    ...(participants.length > 0 ? [t.participants(joinList(participants, u.lang))] : []),
    ...(validity ? [validity] : []),
  ];
  if (chairAsked) {
    if (!chairName) {
      // A meeting with no chair of its own may have one the documents name elsewhere ("Fagcenterchefen er formand for
      // CenterMED"), or a post whose own task statement says it leads the meeting, in the question's own verb.
      const named = answerBodyChair(rc, meeting.id);
      if (named) return named;
      const cueAt = [...(u.kinds.get('chair')?.positions ?? []), ...(u.kinds.get('leader')?.positions ?? [])];
      const by = leadersByStatement(rc, meeting.id, cueAt);
      if (by) return done(rc, 'answer', t.chairHeadline(title, by.who), by.lines, by.sources);
      return unknownAnswer(rc.ctx, u.lang, t.noChair(title));
    }
    // "Who is the chair": the post, and who holds it on the day asked.
    const holders = chair?.kind === 'roles' ? queries.holdersOn(chair.item.id, u.day ?? rc.today) : [];
    const who = holders.length > 0 && holders.length <= 3 ? `${chairName} (${joinList(holders.map((p) => p.name), u.lang)})` : chairName;
    return done(rc, 'answer', t.chairHeadline(title, who), lines, [meeting.source]);
  }
  // "Er der et ekstra ledergruppemøde", "which Ledersamråd meeting is moved", "hvilke møder er aflyst": the changes to its
  // calendar answer (the days not held, moved, held besides its rule), in the period asked when one is named.
  if (changeAsked.size > 0 && !chairAsked && !placeAsked && calendarChanges(meeting).length > 0) {
    const changes = calendarChanges(meeting, u.range?.from, u.range?.to);
    const said = describeChanges(changes, new Set(changeAsked.keys()), title, u.lang, () => timeRange(rc, meeting.recurrence?.time, meeting.recurrence?.endTime));
    const heldLine = when ? t.held(title, heldWhen(rc, meeting, when)) : undefined;
    const answer = done(rc, said.found ? 'answer' : 'unknown', said.lines[0]!, [...said.lines.slice(1), ...(heldLine ? [heldLine] : []), ...(meeting.place ? [t.place(meeting.place)] : [])], [meeting.source]);
    return explainsWords(answer, [...changeAsked.values()].flatMap((m) => [...m.positions]));
  }
  const one = oneOccurrence(rc, meeting.id);
  // No such day: the period answer below says why (no days given, ended, not begun, none then).
  if (one?.occurrence) {
    const heldLine = when ? t.held(title, heldWhen(rc, meeting, when)) : undefined;
    const headline = t.oneDay(one.which, title, one.period, occurrence(one.occurrence));
    // The coming days listed from today are another question's answer.
    const listed = new Set([t.next(joinList(upcoming.map(occurrence), u.lang)), ...upcoming.map(occurrence)]);
    const rest = lines.filter((l) => !listed.has(l));
    return done(rc, 'answer', headline, [...(heldLine ? [heldLine] : []), ...rest], [meeting.source]);
  }
  if (u.range) {
    const range = u.range;
    const month = range.from.endsWith('-01') && addDays(range.to, 1).endsWith('-01') && range.to.slice(0, 7) === range.from.slice(0, 7);
    const year = range.from.endsWith('-01-01') && range.to.endsWith('-12-31') && range.from.slice(0, 4) === range.to.slice(0, 4);
    // (Whole months, "i foråret 2027", "in spring 2027": said as the months asked, not as days no document gives.)
    const months = range.from.endsWith('-01') && addDays(range.to, 1).endsWith('-01');
    const period = month
      ? t.inMonth(formatPartialDate(range.from, 'month', u.lang))
      : year
        ? t.inYear(range.from.slice(0, 4))
        : months
          ? t.between(formatPartialDate(range.from, 'month', u.lang), formatPartialDate(range.to, 'month', u.lang))
          : range.from === range.to
          ? t.onTheDay(shortDate(range.from, u.lang))
          : t.between(shortDate(range.from, u.lang), shortDate(range.to, u.lang));
    // The days of the period its rule yields but the documents take out ("Der holdes ikke møde den 13. juli"): a
    // question about the period (the summer, a month, a year) is also about these, and a listing of the days held
    // would leave them unsaid. (A day taken out for a single date of the same month is a meeting moved, not one not
    // held: its new day is the answer; see meeting-changes.ts.)
    const skipped = calendarChanges(meeting, range.from, range.to).flatMap((c) => (c.kind === 'cancelled' ? [c.day] : []));
    const skippedLines = skipped.length > 0 ? [t.notHeldOn(joinList(skipped.map((d) => shortDate(d, u.lang)), u.lang))] : [];
    if (upcoming.length === 0) {
      const heldWhen = [...skippedLines, ...(when ? [t.held(title, when)] : []), ...(validity ? [validity] : [])];
      // A meeting the documents give no days for ("efter behov", "at least twice a year"): no day is known, not "no".
      const dated = meeting.recurrence !== undefined && (meeting.recurrence.rrule !== undefined || meeting.recurrence.dates.length > 0);
      if (!dated) return datedAbout ? undefined : done(rc, 'unknown', t.noDays(title, period), heldWhen, [meeting.source]);
      // A meeting that has ended or not yet begun then: say so, and which meetings of the same people are held then.
      // Its own validity within the period its calendar covers (an annual calendar's meetings end with its year).
      const held = meetingPeriod(meeting, kb.documents);
      const ended = held.validUntil !== undefined && held.validUntil < range.from;
      const later = held.validFrom !== undefined && held.validFrom > range.to;
      // Past the period its calendar covers, the documents do not say: not that it ends.
      const beyond = ended && held.validUntil !== meeting.validUntil;
      const doc = kb.documents.get(meeting.source.doc);
      const docTitle = doc ? (u.lang === 'da' ? doc.title : doc.titleEn) : meeting.source.doc;
      const headline = beyond
        ? t.beyondDocument(title, period, docTitle, shortDate(held.validUntil!, u.lang))
        : ended
          ? t.endedBy(title, period, shortDate(held.validUntil!, u.lang))
          : later ? t.startsAfter(title, period, shortDate(held.validFrom!, u.lang)) : t.noneIn(title, period);
      const instead = ended || later ? sameParticipantsMeetings(rc, meeting, range.from, range.to, period) : [];
      return done(rc, 'unknown', headline, [...instead, ...heldWhen], [meeting.source, ...instead.length > 0 ? kb.data.meetings.filter((m) => instead.some((l) => l.startsWith(capitalize(nameIn(rc, m.id))))).map((m) => m.source) : []]);
    }
    // "Hvor mange fællesledermøder er der i 2027?": how many, then which.
    const all = u.kinds.has('figure') || u.kinds.has('frequency') ? queries.meetingOccurrences(meeting.id, range.from, range.to) : upcoming;
    const counted = all.length > 1 && (u.kinds.has('figure') || u.kinds.has('frequency')) ? `${t.times(all.length)}: ` : '';
    return done(rc, 'answer', t.datesIn(title, period, `${counted}${joinList(upcoming.map(occurrence), u.lang)}`), [...skippedLines, ...lines.filter((l) => !upcoming.some((o) => l === occurrence(o)))], [meeting.source]);
  }
  const heldLine = when ? t.held(title, heldWhen(rc, meeting, when)) : undefined;
  // "Where is X held?" leads with the place; "when is the next X?" with its first coming day (the rule follows).
  if (meeting.place && rc.lexicon.placeWords.match(u.tokens).size > 0) {
    const placeLead = t.placeHeadline(title, meeting.place);
    return done(rc, 'answer', placeLead, [...(heldLine ? [heldLine] : []), ...lines.filter((l) => l !== t.place(meeting.place!))], [meeting.source]);
  }
  if (u.kinds.has('next') && upcoming.length > 0) {
    const nextLead = t.nextHeadline(title, occurrence(upcoming[0]!));
    return done(rc, 'answer', nextLead, [...(heldLine ? [heldLine] : []), ...lines], [meeting.source]);
  }
  const headline = when
    ? t.held(title, heldWhen(rc, meeting, when))
    : upcoming.length > 0
      ? t.next(joinList(upcoming.map(occurrence), u.lang))
      : t.none(title);
  return done(rc, upcoming.length > 0 || when ? 'answer' : 'unknown', headline, lines.filter((l) => l !== headline), [meeting.source]);
}

/**
 * "Hvornår skal forslagene til kompetenceplanen være hos Universrådet?": a body named, no meeting named, with words its
 * meeting does not say but a dated item of the body does ("Forslag til kompetenceplan for 2028 sendes til Universrådet"):
 * that dated item is asked about (the dates answer), not the body's meetings.
 */
function datedOfBodyAsked(rc: RelationContext, link: Link, meeting: Meeting): boolean {
  const { u } = rc;
  if (rc.subjects.flat().some((l) => l.kind === 'meetings' && l.quality >= 0.9)) return false;
  const bodies = rc.subjects.flat().filter((l) => (l.kind === 'leadershipGroups' || l.kind === 'units') && l.quality >= 0.9);
  if (bodies.length === 0) return false;
  // "Hvornår er seminaret for Ledersamrådet": a kind of date named that no meeting day is (a seminar, a period, an
  // evaluation, a step of a posting) asks for the body's date of that kind, when it has one.
  if (bodies.some((b) => asksOtherDatedKind(rc, rc.relations.dates(b.id)))) return true;
  const inName = (i: number) => bodies.some((b) => i >= b.start && i < b.end) || (i >= link.start && i < link.end);
  const words = u.tokens.filter((tok, i) => !inName(i) && !u.cuePositions.has(i) && !STOPWORDS.has(tok.form) && tok.form.length > 3 && !/^\d+$/.test(tok.form));
  if (words.length === 0) return false;
  const meetingTerms = termsOf(`${namesOf(rc.kb.get(meeting.id)!).join(' ')} ${meeting.frequency?.da ?? ''} ${meeting.frequency?.en ?? ''}`);
  const unsaid = words.filter((tok) => !tok.terms.some((t) => meetingTerms.has(t)));
  if (unsaid.length === 0) return false;
  return bodies.some((b) =>
    rc.relations.dates(b.id).some((d) => {
      const terms = termsOf(`${d.label.da} ${d.label.en}`);
      return unsaid.every((tok) => tok.terms.some((t) => terms.has(t)));
    }),
  );
}

/**
 * "Hvornår mødes kredsforum?", "what time does kredsforum start": a group the question names, no meeting named, is asked
 * about its meeting when exactly one meeting has that group among its participants and no other group or unit beside it
 * (a dialogue meeting of a committee and a leadership group is neither's own meeting).
 */
function meetingOfGroup(rc: RelationContext): Link | undefined {
  const groups = rc.subjects.flat().filter((l) => l.kind === 'leadershipGroups' && l.quality >= 0.9);
  if (groups.length === 0 || rc.subjects.length !== 1) return undefined;
  // The meetings whose one body taking part is the group, or whose own name holds the group's (an index, not every meeting).
  const index = meetingIndexOf(rc.kb);
  const own = unique(groups.flatMap((g) => inMeetingOrder(index, [index.bySoleBody.get(g.id), ...namedAfter(rc, index, g.id)]).map((meeting) => ({ meeting, group: g }))));
  if (own.length !== 1) return undefined;
  const { meeting, group } = own[0]!;
  return { ...group, id: meeting, kind: 'meetings' };
}

/**
 * "Hvornår mødes bestyrelserne med børneområdechefen?": a meeting asked about by who meets (a word for meeting, no
 * meeting named) is the one meeting whose participants or chair are every thing the question names (a person through
 * the post they hold).
 */
function meetingOfParticipants(rc: RelationContext): Link | undefined {
  const { u, kb } = rc;
  if (!u.kinds.has('meeting') || rc.subjects.length < 2) return undefined;
  const refsOf = (l: Link) => {
    const entry = kb.get(l.id);
    return entry?.kind === 'people' && entry.item.role ? [l.id, entry.item.role] : [l.id];
  };
  // The meetings each named thing takes part in or chairs (an index, not every meeting), those of every name.
  const index = meetingIndexOf(kb);
  const ofEach = rc.subjects.map((g) => new Set(g.filter((l) => l.quality >= 0.9).flatMap((l) => refsOf(l).flatMap((ref) => index.byTakingPart.get(ref) ?? []))));
  const found = inMeetingOrder(index, [[...ofEach[0]!]]).filter((id) => ofEach.every((set) => set.has(id)));
  if (found.length !== 1) return undefined;
  const first = rc.subjects[0]![0]!;
  return { ...first, id: found[0]!, kind: 'meetings' };
}

/** True when the question asks for a time of day (the lexicon's clock words: "hvad tid", "what time"). */
function clockAsked(rc: RelationContext): boolean {
  const padded = ` ${rc.u.tokens.map((t) => t.form).join(' ')} `;
  return rc.lexicon.floorWords.clock.some((phrase) => {
    const words = tokenize(phrase).join(' ');
    return words.length > 0 && padded.includes(` ${words} `);
  });
}

/** The meetings whose own name holds a name of the group ("møde i Lederkollegiet", "Lederkollegiets møder"): a list per name of the group. */
function namedAfter(rc: RelationContext, index: MeetingIndex, groupId: string): Array<readonly string[] | undefined> {
  const group = rc.kb.get(groupId);
  if (!group) return [];
  return namesOf(group)
    .map((n) => tokenize(n).join(' '))
    .filter((n) => n.length > 3)
    .map((n) => index.byNameWords.get(n));
}

/**
 * How often a meeting is held, with its time of day ("to gange om året kl. 16:00–18:00") unless the documents' own
 * words for it already say a time ("hver mandag kl. 8.30-10.00"): "what time does it finish" is answered in the headline.
 */
function heldWhen(rc: RelationContext, meeting: Meeting, when: string): string {
  const time = timeRange(rc, meeting.recurrence?.time, meeting.recurrence?.endTime);
  return meeting.frequency && /\d{1,2}[.:]\d{2}/.test(when) ? when : `${when}${time}`;
}

/**
 * "Første chefgruppemøde i 2027", "næste ELM efter 1. marts", "last network meeting this year": one day of a
 * recurring meeting, asked with a sequence word of the lexicon (`sequenceWords`) or "next" and a day or period.
 * After a day written out ("efter 1. marts") the first day after it; from an everyday time phrase ("after the
 * summer holidays", which holds the word "after" itself) the first day from the day it points at.
 */
function oneOccurrence(rc: RelationContext, meetingId: string): { which: 'first' | 'last' | 'next'; period: string; occurrence?: MeetingOccurrence } | undefined {
  const { u, queries } = rc;
  if (!u.range && !u.day) return wholeSeriesEdge(rc, meetingId);
  const said = rc.lexicon.sequenceWords.match(u.tokens);
  const first = said.has('first');
  const last = said.has('last') && !first;
  const after = said.get('after');
  const next = u.kinds.has('next') || u.next;
  if (!first && !last && !after && !next) return undefined;
  const t = TEXTS[u.lang];
  const phrase = rc.lexicon.timePhrases.coverage(u.tokens);
  // A day named after "after" (not inside a time phrase): the series from the day after it.
  if (u.day && (after || next || first) && (!u.range || u.range.from === u.range.to || after)) {
    const strictly = after !== undefined && after.positions.some((p) => !phrase.has(p));
    const from = strictly ? addDays(u.day, 1) : u.day;
    const found = queries.meetingOccurrences(meetingId, from, addDays(from, 366))[0];
    // The day asked is not said again: the answer is the day after it.
    return { which: first ? 'first' : 'next', period: '', ...(found && { occurrence: found }) };
  }
  if (!u.range || !(first || last)) return undefined;
  const { from, to } = u.range;
  const year = from.endsWith('-01-01') && to.endsWith('-12-31') && from.slice(0, 4) === to.slice(0, 4);
  const month = from.endsWith('-01') && addDays(to, 1).endsWith('-01') && to.slice(0, 7) === from.slice(0, 7);
  const period = year ? t.inYear(from.slice(0, 4)) : month ? t.inMonth(formatPartialDate(from, 'month', u.lang)) : t.between(shortDate(from, u.lang), shortDate(to, u.lang));
  const all = queries.meetingOccurrences(meetingId, from, to);
  const found = last ? all.at(-1) : all[0];
  return { which: last ? 'last' : 'first', period, ...(found && { occurrence: found }) };
}

/**
 * "Hvornår er sidste ledermøde?", "when is the first district meeting?": with no period named, the last day of a
 * series that ends (a last day of validity, or days listed one by one) or the first day of one that has not begun.
 */
function wholeSeriesEdge(rc: RelationContext, meetingId: string): { which: 'first' | 'last'; period: string; occurrence?: MeetingOccurrence } | undefined {
  const said = rc.lexicon.sequenceWords.match(rc.u.tokens);
  const first = said.has('first');
  const last = said.has('last') && !first;
  if (!first && !last) return undefined;
  const entry = rc.kb.get(meetingId);
  if (entry?.kind !== 'meetings' || !entry.item.recurrence) return undefined;
  const meeting = entry.item;
  const recurrence = meeting.recurrence!;
  const begins = meeting.validFrom ?? recurrence.start ?? recurrence.dates[0];
  if (first && !(begins && begins > rc.today)) return undefined;
  const ends = meetingPeriod(meeting, rc.kb.documents).validUntil ?? (recurrence.rrule === undefined ? recurrence.dates.at(-1) : /UNTIL=(\d{4})(\d{2})(\d{2})/.exec(recurrence.rrule)?.slice(1).join('-'));
  if (last && !ends) return undefined;
  const from = first ? begins! : rc.today;
  const all = rc.queries.meetingOccurrences(meetingId, from, last ? ends! : addDays(from, 366));
  const found = last ? all.at(-1) : all[0];
  return found ? { which: last ? 'last' : 'first', period: '', occurrence: found } : undefined;
}

/** The other meetings held in a period that share a participant with `meeting`, each with its days then. */
function sameParticipantsMeetings(rc: RelationContext, meeting: Meeting, from: string, to: string, period: string): string[] {
  const { queries, kb, u } = rc;
  const who = new Set(queries.participantsOf(meeting.id).filter((p) => !p.asNeeded).map((p) => p.item.item.id));
  if (who.size === 0) return [];
  // (The meetings of each participant from an index, not every meeting.)
  const index = meetingIndexOf(kb);
  return inMeetingOrder(index, [...who].map((id) => index.byRegular.get(id)))
    .filter((id) => id !== meeting.id)
    .map((id) => kb.get(id)!.item as Meeting)
    .flatMap((m) => {
      const days = queries.meetingOccurrences(m.id, from, to);
      if (days.length === 0) return [];
      const list = joinList(days.map((o) => `${shortDate(o.date, u.lang)}${timeRange(rc, o.time, o.endTime)}${dayDetails(rc, o)}`), u.lang);
      return [TEXTS[u.lang].datesIn(nameIn(rc, m.id), period, list)];
    });
}

// ---------------------------------------------------------------------------------------------
// Everything dated in a period

export function answerPeriodItems(rc: RelationContext): Answer | undefined {
  const answer = periodItems(rc);
  // A month named without a year is its coming occurrence; when that holds nothing, the one before it may
  // (documents of a past spring asked about in the autumn).
  const { range } = rc.u;
  const yearNamed = rc.u.tokens.some((tok) => /^(19|20)\d{2}$/.test(tok.form));
  if (answer?.kind === 'unknown' && range && range.from > rc.today && !yearNamed) {
    const yearBefore = (day: string) => `${Number(day.slice(0, 4)) - 1}${day.slice(4)}`;
    const earlier = periodItems({ ...rc, u: { ...rc.u, range: { ...range, from: yearBefore(range.from), to: yearBefore(range.to) } } });
    if (earlier && earlier.kind !== 'unknown') return earlier;
  }
  return answer;
}

function periodItems(rc: RelationContext): Answer | undefined {
  const { u, kb, queries } = rc;
  if (!u.range || !(u.intents.has('dates') || u.intents.has('meeting'))) return undefined;
  if (u.day && rc.subjects.length > 0) return undefined;
  // A named item narrows the dates to its own (the date answerer does that better).
  if (rc.subjects.some((g) => g.some((l) => l.kind !== 'municipalities'))) return undefined;
  const { from, to } = u.range;
  // "Hvornår er sommerlukningen i 2027?", "when are the institutions closed for summer 2027": a "when" asked of a thing
  // that a dated item of the period names in its own words is that item's date (the dates answer weighs the words).
  // (Half its words will do: "when are the houses closed in the summer" is the summer closure's date, weighed there.)
  if (u.askedWhen && u.dateKinds.size === 0 && labelNamedIn(rc, from, to, STRUCTURED_THRESHOLD)) return undefined;
  const t = TEXTS[u.lang];
  const inScope = (source: Source) => {
    if (rc.municipalities.size === 0) return true;
    const m = kb.documents.get(source.doc)?.municipality;
    return m === undefined || rc.municipalities.has(m);
  };
  const kindWord = (kind: string) => (TEXTS_KINDS[u.lang][kind] ?? kind);
  const entries: Array<{ kind: string; date: string; text: string; source?: Source }> = [];
  const onlyMeetings = u.intents.has('meeting') && u.dateKinds.size === 0 && !u.intents.has('dates');
  // A recurring meeting is one item of the period with all its days, so the count is what is listed.
  const occurrences = new Map<string, Array<Extract<DatedItem, { kind: 'meeting' }>>>();
  for (const item of queries.datedItemsBetween(from, to)) {
    const entry = describeDated(rc, item, kindWord);
    if (!entry || !inScope(entry.source)) continue;
    if (onlyMeetings && entry.kind !== 'meeting') continue;
    // "first day the houses are closed in summer 2027": a period's first (or last) day answers a start (or deadline) asked.
    const edge = item.kind === 'date' && item.entry.end !== undefined && [...u.dateKinds].every((k) => k === 'start' || k === 'deadline');
    if (u.dateKinds.size > 0 && (item.kind !== 'date' || !(fitsDateKind(u.dateKinds, item.entry.kind) || labelSays(rc, item.entry) || edge))) continue;
    if (u.upcoming && item.last < rc.today) continue;
    if (item.kind === 'meeting') {
      const list = occurrences.get(item.occurrence.meeting.id) ?? [];
      if (list.length === 0) entries.push({ ...entry, text: item.occurrence.meeting.id });
      list.push(item);
      occurrences.set(item.occurrence.meeting.id, list);
      continue;
    }
    entries.push(entry);
  }
  for (const entry of entries) {
    const list = entry.kind === 'meeting' ? occurrences.get(entry.text) : undefined;
    if (!list) continue;
    if (list.length === 1) {
      entry.text = describeDated(rc, list[0]!, kindWord)!.text;
      continue;
    }
    // One time of day for all the days is said once.
    const times = unique(list.map((o) => timeRange(rc, o.occurrence.time, o.occurrence.endTime)));
    const once = times.length === 1 ? times[0]! : '';
    const days = list.map((o) => `${shortDate(o.date, u.lang)}${once ? '' : timeRange(rc, o.occurrence.time, o.occurrence.endTime)}${dayDetails(rc, o.occurrence)}${o.last < rc.today ? t.passed : ''}`);
    entry.text = `${capitalize(nameOf(kb, list[0]!.occurrence.meeting.id, u.lang))} (${kindWord('meeting')}): ${joinList(days, u.lang)}${once}`;
  }
  for (const c of (rc.options.deadlines?.list() ?? [])) {
    if (c.date < from || c.date > to || !fitsDateKind(u.dateKinds, 'application-deadline')) continue;
    entries.push({ kind: 'deadline', date: c.date, text: `${shortDate(c.date, u.lang)}: ${c.title} (${kindWord('chat')})` });
  }
  const wholeMonth = from.endsWith('-01') && to.slice(0, 7) === from.slice(0, 7) && addDays(to, 1).endsWith('-01');
  const period = wholeMonth ? t.inMonth(formatPartialDate(from, 'month', u.lang)) : from === to ? (u.lang === 'da' ? `den ${shortDate(from, 'da')}` : `on ${shortDate(from, 'en')}`) : t.between(shortDate(from, u.lang), shortDate(to, u.lang));
  if (entries.length === 0) return unknownAnswer(rc.ctx, u.lang, t.noPeriod(period));
  const order = rc.lexicon.dateKindOrder;
  const rank = (kind: string) => {
    const i = order.indexOf(DEADLINE_KINDS.includes(kind as never) ? 'deadline' : kind);
    return i < 0 ? order.length : i;
  };
  entries.sort((a, b) => rank(a.kind) - rank(b.kind) || a.date.localeCompare(b.date));
  // The headline's count is what the list holds; when the card shows only the first lines, it says so.
  const hidden = Math.max(0, entries.length - MAX_SUPPORT_LINES);
  const headline = hidden > 0 ? t.periodMore(entries.length, period, MAX_SUPPORT_LINES, hidden) : t.period(entries.length, period);
  return done(rc, 'answer', headline, entries.map((e) => e.text), entries.flatMap((e) => (e.source ? [e.source] : [])), [], true);
}

/** True when the content words of the question are said (a synonym's or a compound part's match will do; all, or `share` of their weight) by the label of one dated item that falls between two days. */
function labelNamedIn(rc: RelationContext, from: string, to: string, share = 1 - NEAR_BEST): boolean {
  // (Every word that asks when or for the calendar is no part of the thing named.)
  // (Nor is a word for its first or last day: "hvornår er tilsynet færdigt i 2027" names the inspection.)
  const whenAt = rc.ctx.kindCuesAt?.(rc.u.tokens, new Set([...rc.u.kinds.keys()].filter((k) => k === 'when' || k === 'dates'))) ?? new Set<number>();
  const edgeAt = rc.lexicon.sequenceWords.coverage(rc.u.tokens);
  const rest = rc.ctx.index.queryTerms(rc.u.tokens, rc.u.intentWords).filter((q) => !whenAt.has(q.token.index) && !edgeAt.has(q.token.index));
  if (rest.length === 0) return false;
  return rc.ctx.index.score(rest, undefined, 'date', share).some((s) => s.fact.date !== undefined && (s.fact.date.end ?? s.fact.date.date) >= from && s.fact.date.date <= to);
}

/** A date of a general kind whose label names the kind asked for ("Deadline for reporting ..." written as `other`). */
function labelSays(rc: RelationContext, entry: DateEntry): boolean {
  const said = rc.lexicon.dateKinds.match(analyzeText(foldText(`${entry.label.da} ${entry.label.en}`)));
  return [...said.keys()].some((kind) => fitsDateKind(rc.u.dateKinds, kind as DateEntry['kind']));
}

const TEXTS_KINDS: Record<Lang, Record<string, string>> = {
  da: {
    'application-deadline': 'ansøgningsfrist', deadline: 'frist', 'budget-deadline': 'budgetfrist', 'reporting-deadline': 'indberetningsfrist',
    'registration-deadline': 'tilmeldingsfrist', interview: 'samtale', start: 'start', period: 'periode', seminar: 'seminar', evaluation: 'evaluering',
    status: 'status', established: 'etableret', event: 'begivenhed', other: 'dato', meeting: 'møde', decision: 'beslutning', chat: 'frist oprettet i Teams',
  },
  en: {
    'application-deadline': 'application deadline', deadline: 'deadline', 'budget-deadline': 'budget deadline', 'reporting-deadline': 'reporting deadline',
    'registration-deadline': 'registration deadline', interview: 'interview', start: 'start', period: 'period', seminar: 'seminar', evaluation: 'evaluation',
    status: 'status', established: 'established', event: 'event', other: 'date', meeting: 'meeting', decision: 'decision', chat: 'deadline added in Teams',
  },
};

/** One dated item as a line: "9. april 2027: Budgetønsker for 2028 ... (budgetfrist)"; a period as first–last day. */
function describeDated(rc: RelationContext, item: DatedItem, kindWord: (kind: string) => string): { kind: string; date: string; text: string; source: Source } | undefined {
  const { u, kb } = rc;
  const t = TEXTS[u.lang];
  const passed = (last: string) => (last < rc.today ? t.passed : '');
  if (item.kind === 'date') {
    const d = item.entry;
    // A date the documents give only as a month ("i marts 2027") belongs in a listing of that whole month or more.
    const coversMonth = d.precision === 'month' && u.range !== undefined && u.range.from <= d.date && u.range.to >= item.last;
    if (d.precision !== 'day' && !coversMonth) return undefined;
    const when = d.end ? `${shortDate(d.date, u.lang)}–${shortDate(d.end, u.lang)}` : coversMonth ? formatPartialDate(d.date, 'month', u.lang) : shortDate(d.date, u.lang);
    const about = kb.get(d.about);
    const owner = about && about.kind === 'postings' ? `, ${displayName(about, u.lang)}` : '';
    const place = d.place ? `, ${t.placeOf(d.place)}` : '';
    return { kind: d.kind, date: d.date, text: `${when}${timeRange(rc, d.time, d.endTime)}${passed(item.last)}: ${d.label[u.lang]} (${kindWord(d.kind)}${owner})${place}`, source: d.source };
  }
  if (item.kind === 'meeting') {
    const o = item.occurrence;
    return { kind: 'meeting', date: o.date, text: `${shortDate(o.date, u.lang)}${timeRange(rc, o.time, o.endTime)}${passed(item.last)}: ${nameOf(kb, o.meeting.id, u.lang)} (${kindWord('meeting')})${dayDetails(rc, o)}`, source: o.meeting.source };
  }
  const d = item.decision;
  const what = item.what === 'applies' ? `${displayName({ kind: 'decisions', item: d } as KbItem, u.lang)} ${TEXTS[u.lang].appliesFrom}` : displayName({ kind: 'decisions', item: d } as KbItem, u.lang);
  return { kind: 'decision', date: item.date, text: `${shortDate(item.date, u.lang)}${passed(item.last)}: ${what} (${kindWord('decision')})`, source: d.source };
}

// ---------------------------------------------------------------------------------------------
// Two things' dates set against each other

/**
 * "Hvem starter først, den nye vuggestueleder i Stjernehuset eller den nye leder af staben?", "which job closed for
 * applications first, X or Y", "is the theme day before or after the quality report goes to the committee": the
 * question falls in two parts at the word between them ("eller", "or", or "before or after" itself); each part names
 * one dated thing, by the items it names (a posting, the post or place a posting is for: their dates of the kind
 * asked) or by a dated item's own label. Both days are given, the earlier first. Any part without exactly one day:
 * no answer here.
 */
export function answerDateComparison(rc: RelationContext): Answer | undefined {
  const { u } = rc;
  const said = rc.lexicon.compareWords.match(u.tokens);
  const compare = said.get('compare');
  const or = said.get('or');
  if (!compare || !or) return undefined;
  const comparePositions = new Set(compare.positions);
  const between = or.positions.filter((p) => !comparePositions.has(p));
  let parts: Array<[number, number]>;
  if (between.length === 0) {
    // "A before or after B": the cue itself stands between them.
    const first = Math.min(...compare.positions);
    const last = Math.max(...compare.positions);
    parts = [[0, first], [last + 1, u.tokens.length]];
  } else {
    const at = between[0]!;
    const cueAt = Math.min(...compare.positions);
    // "who starts first, X or Y" (the cue before both), "X or Y, which comes first" (the cue after both).
    parts = cueAt < at ? [[Math.max(...compare.positions) + 1, at], [at + 1, u.tokens.length]] : [[0, at], [at + 1, cueAt]];
  }
  // The kinds of date each part asks: its own words for one ("the interviews in Ålekisten"), else those outside both
  // parts ("who starts first, X or Y").
  const kindsIn = (from: number, to: number) => new Set([...rc.lexicon.dateKinds.match(u.tokens.slice(from, to)).keys()] as DateEntry['kind'][]);
  const outside = kindsIn(0, u.tokens.length);
  for (const [from, to] of parts) for (const k of kindsIn(from, to)) outside.delete(k);
  const dated = parts.map(([from, to]) => {
    const own = kindsIn(from, to);
    return datedIn(rc, from, to, own.size > 0 ? own : outside);
  });
  if (dated.some((d) => d === undefined)) return undefined;
  const [a, b] = dated as [{ date: DateEntry; name: string }, { date: DateEntry; name: string }];
  if (a.date === b.date) return undefined;
  const [first, second] = (a.date.end ?? a.date.date) <= b.date.date || a.date.date < b.date.date ? [a, b] : [b, a];
  const day = (d: DateEntry) => (d.end ? `${shortDate(d.date, u.lang)}–${shortDate(d.end, u.lang)}` : formatPartialDate(d.date, d.precision, u.lang));
  const same = first.date.date === second.date.date;
  const headline =
    u.lang === 'da'
      ? same
        ? `Samme dag: ${first.name} og ${second.name}, ${day(first.date)}.`
        : `Først: ${first.name}, ${day(first.date)}. Derefter: ${second.name}, ${day(second.date)}.`
      : same
        ? `The same day: ${first.name} and ${second.name}, ${day(first.date)}.`
        : `First: ${first.name}, ${day(first.date)}. Then: ${second.name}, ${day(second.date)}.`;
  return done(rc, 'answer', headline, [], [first.date.source, second.date.source]);
}

/** The first posting, role and unit among the question's groups of links (each group's surest reading first). */
function firstOwners(groups: ReadonlyArray<readonly Link[]>): { posting?: Link; role?: Link; unit?: Link } {
  const first = (kind: KbItem['kind']) => groups.find((g) => g[0]!.kind === kind)?.[0];
  return { posting: first('postings'), role: first('roles'), unit: first('units') };
}

/** A unit with the units under it, two levels down: whose postings and dates count as the unit's. */
function unitsBelow(relations: RelationContext['relations'], id: string): string[] {
  return unique([id, ...relations.childUnits(id), ...relations.childUnits(id).flatMap((c) => relations.childUnits(c))]);
}

/** The one dated item a part of the question (tokens `from`..`to`) names, with a name for it; undefined unless exactly one. */
function datedIn(rc: RelationContext, from: number, to: number, kinds: ReadonlySet<DateEntry['kind']>): { date: DateEntry; name: string } | undefined {
  const { u, relations, kb } = rc;
  if (to <= from) return undefined;
  const inPart = (l: Link) => l.start >= from && l.end <= to && l.quality >= 0.9 && l.kind !== 'municipalities';
  // The items named in the part, read from all links: "X in Ballerup or Y in HTK" names things in two municipalities.
  const spans = new Map<string, Link[]>();
  for (const l of (rc.links ?? rc.subjects.flat()).filter(inPart)) spans.set(`${l.start}:${l.end}`, [...(spans.get(`${l.start}:${l.end}`) ?? []), l]);
  const links = [...spans.values()].map((g) => [...g].sort((x, y) => y.quality - x.quality));
  const fitting = (d: DateEntry) => fitsDateKind(kinds, d.kind) && d.precision !== 'year';
  // A posting's date is told apart by the place the post is at ("Tiltrædelse (Børnehuset Mågen)").
  const label = (d: DateEntry) => {
    const owner = kb.get(d.about);
    const place = owner?.kind === 'postings' && owner.item.unit ? nameIn(rc, owner.item.unit) : undefined;
    return place ? `${d.label[u.lang]} (${place})` : d.label[u.lang];
  };
  const one = (dates: readonly DateEntry[]) => {
    let list = unique(dates.filter(fitting));
    // "the leaders' day" names the day itself, not the deadline for signing up to it, unless a deadline is asked.
    const events = list.filter((d) => !DEADLINE_KINDS.includes(d.kind));
    if (list.length > 1 && events.length === 1 && ![...kinds].some((k) => DEADLINE_KINDS.includes(k))) list = events;
    return list.length === 1 ? { date: list[0]!, name: label(list[0]!) } : undefined;
  };
  if (links.length > 0) {
    const { posting, role, unit } = firstOwners(links);
    const below = (id: string) => unitsBelow(relations, id);
    let owners: string[];
    if (posting) owners = [posting.id];
    else if (role || unit) {
      const ofRole = role ? relations.postingsOf(role.id) : [];
      const ofUnit = unit ? unique(below(unit.id).flatMap((id) => relations.postingsOf(id))) : [];
      owners = role && unit ? ofRole.filter((id) => ofUnit.includes(id)) : [...ofRole, ...ofUnit];
      if (owners.length === 0) owners = [role?.id ?? unit!.id];
    } else owners = links.map((g) => g[0]!.id);
    const found = one(unique(owners).flatMap((id) => relations.dates(id)));
    if (found) return found;
  }
  // No item named that has such a date: a dated item whose label says every content word of the part.
  const terms = rc.ctx.index.queryTerms(u.tokens.slice(from, to), u.intentWords);
  if (terms.length === 0) return undefined;
  const scored = rc.ctx.index.score(terms, undefined, 'date').filter((s) => s.fact.date !== undefined && fitting(s.fact.date));
  const best = Math.max(0, ...scored.map((s) => s.coverage));
  if (best < 1 - NEAR_BEST) return undefined;
  return one(scored.filter((s) => s.coverage >= best - NEAR_BEST / 2).map((s) => s.fact.date!));
}

// ---------------------------------------------------------------------------------------------
// Where a dated event is held

/**
 * "Hvor holdes lederdagen?", "where is the theme day": a word that asks where, and a dated item of the calendar whose
 * label says every other content word of the question; the place the documents give for it leads, with its day.
 * Of several dated items that say the words (the leaders' day and the registration for it), those with a place.
 */
export function answerDatedPlace(rc: RelationContext): Answer | undefined {
  const { u } = rc;
  const placeAt = rc.lexicon.placeWords.coverage(u.tokens);
  if (placeAt.size === 0) return undefined;
  // A meeting or another item named has a place answer of its own.
  if (rc.subjects.some((g) => g.some((l) => l.quality >= 0.9 && l.kind !== 'municipalities'))) return undefined;
  const rest = rc.ctx.index.queryTerms(u.tokens.filter((_, i) => !placeAt.has(i)), u.intentWords);
  if (rest.length === 0) return undefined;
  const scored = rc.ctx.index.score(rest, undefined, 'date').filter((s) => s.fact.date !== undefined);
  const best = Math.max(0, ...scored.map((s) => s.coverage));
  if (best < 1 - NEAR_BEST) return undefined;
  const placed = unique(scored.filter((s) => s.coverage >= best - NEAR_BEST && s.fact.date!.place).map((s) => s.fact.date!));
  if (placed.length === 0) return undefined;
  const t = TEXTS[u.lang];
  // Times of day as the calendar's dates are written ("kl. 09.00–15.30", "at 09:00–15:30").
  const clock = (time?: string, end?: string) => (time ? (u.lang === 'da' ? ` kl. ${time.replace(':', '.')}${end ? `–${end.replace(':', '.')}` : ''}` : ` at ${time}${end ? `–${end}` : ''}`) : '');
  const day = (d: DateEntry) => `${d.end ? `${shortDate(d.date, u.lang)}–${shortDate(d.end, u.lang)}` : formatPartialDate(d.date, d.precision, u.lang)}${clock(d.time, d.endTime)}`;
  // An English answer keeps the documents' Danish name for the event ("Leaders' day … (Lederdag …)").
  const label = (d: DateEntry) => (u.lang === 'en' && [...termsOf(d.label.da)].some((term) => !termsOf(d.label.en).has(term)) ? `${d.label.en} (${d.label.da})` : d.label[u.lang]);
  const [first, ...others] = placed;
  const both = (d: DateEntry) => `${capitalize(label(d))}: ${day(d)}, ${t.placeOf(d.place!)}.`;
  // Asked when as well ("when and where is the lederdag"), the day and the place are one line.
  const headline = u.askedWhen || u.intents.has('dates') ? both(first!) : t.placeHeadline(label(first!), first!.place!);
  return done(rc, 'answer', headline, [...(headline === both(first!) ? [] : [`${capitalize(label(first!))}: ${day(first!)}.`]), ...others.map(both)], placed.map((d) => d.source));
}

// ---------------------------------------------------------------------------------------------
// Dates by item: a posting's dates are the dated items of its role, its unit and whoever holds or describes them

/**
 * "Hvornår starter den nye leder i Mågen?", "start date for the new Kløverengen leader", "what time is
 * the application deadline for Kløverengen": the kind of date asked, of the items the question names
 * and of the postings for them (`postings.role`, `postings.unit`, read backwards, and `dates.about`).
 * A role and a place named together mean the postings for that role at that place.
 */
export function answerItemDates(rc: RelationContext): Answer | undefined {
  const { u, kb, relations } = rc;
  // "Every date in the recruitment for the stab leader", "alle datoer for stillingen": the dates of a posting, of any kind.
  const wholePosting = u.dateKinds.size === 0 && u.kinds.has('dates') && rc.lexicon.postingWords.match(u.tokens).size > 0;
  if (!u.intents.has('dates') || (u.dateKinds.size === 0 && !wholePosting) || u.range || u.day) return undefined;
  if (['reporting', 'contact', 'leader', 'holder', 'figure', 'policy', ...(wholePosting ? [] : ['membership'])].some((i) => u.intents.has(i as never))) return undefined;
  const groups = subjectsOf(rc, ['postings', 'roles', 'units'], true);
  if (groups.length === 0) return undefined;
  // "When does the KLAR model start in Område Vest": another item named with dates of the kind asked (a programme, a
  // policy) is what is dated, the unit where; the dates answer weighs every word of the question against them.
  // A round ("første samtale") is of the interviews; a deadline asked beside it has none.
  const inRound = (d: DateEntry) => u.round === undefined || d.kind !== 'interview' || d.round === u.round;
  const fitting = (d: DateEntry) => fitsDateKind(u.dateKinds, d.kind) && inRound(d);
  const otherDated = rc.subjects.flat().some((l) => l.quality >= 0.9 && !['postings', 'roles', 'units', 'people', 'municipalities'].includes(l.kind) && relations.dates(l.id).some(fitting));
  if (otherDated) return undefined;
  const { posting, role, unit } = firstOwners(groups);
  const below = (id: string) => unitsBelow(relations, id);
  let owners: string[];
  if (posting) owners = [posting.id];
  else {
    const ofRole = role ? relations.postingsOf(role.id) : [];
    const ofUnit = unit ? unique(below(unit.id).flatMap((id) => relations.postingsOf(id))) : [];
    const postings = role && unit ? ofRole.filter((id) => ofUnit.includes(id)) : [...ofRole, ...ofUnit];
    owners = [...(role && !unit ? [role.id] : []), ...(unit && !role ? [unit.id] : []), ...postings];
  }
  const today = rc.today;
  let dates = unique(owners)
    .flatMap((id) => relations.dates(id))
    .filter((d) => fitting(d) && (!u.upcoming || (d.end ?? d.date) >= today))
    .sort((a, b) => a.date.localeCompare(b.date));
  if (dates.length === 0) return undefined;
  // "Hvornår holdes LUS-samtalerne med netværkslederne": a word the knowledge base knows, besides the names and the cues,
  // that none of these dates says ("LUS") asks for another dated thing of the item (its appraisal talks, not the posting's
  // interviews): the dates answer weighs every word.
  // (Only a word another date of the same items says: "the hiring process", "lukker" tell no dates apart.)
  const extra = rc.ctx.index.queryTerms(u.tokens, u.intentWords).filter((q) => !u.namePositions?.has(q.token.index) && !u.cuePositions.has(q.token.index) && q.expansions.length > 0);
  if (extra.length > 0) {
    const termsOfDates = (list: readonly DateEntry[]) => new Set(list.flatMap((d) => [...termsOf(`${d.label.da} ${d.label.en}`)]));
    const said = rc.ctx.index.explainSurely(extra, termsOfDates(dates));
    const others = unique(owners).flatMap((id) => relations.dates(id)).filter((d) => !dates.includes(d));
    const saidByOthers = others.length > 0 ? rc.ctx.index.explainSurely(extra, termsOfDates(others)) : [];
    if (said.some((x, i) => x === 0 && (saidByOthers[i] ?? 0) > 0)) return undefined;
  }
  // "When is the last interview for the Mågen job": the first or last of a series of one kind (no round named).
  const said = u.round === undefined && dates.length > 1 && [...u.dateKinds].every((k) => k === 'interview') ? rc.lexicon.sequenceWords.match(u.tokens) : undefined;
  if (said && said.size === 1 && !said.has('after') && unique(dates.map((d) => d.kind)).length === 1 && dates.every((d) => !d.end)) dates = said.has('first') ? dates.slice(0, 1) : dates.slice(-1);
  const p = phrasesFor(u.lang);
  const t = TEXTS[u.lang];
  const line = (d: DateEntry) => {
    const when = d.end ? `${shortDate(d.date, u.lang)}–${shortDate(d.end, u.lang)}` : formatPartialDate(d.date, d.precision, u.lang);
    // The time of day, unless the label already says it ("Ansøgningsfrist (kl. 12.00)").
    const clock = (hhmm: string) => (u.lang === 'da' ? hhmm.replace(':', '.') : hhmm);
    const time = d.time && !d.label[u.lang].includes(d.time.replace(':', '.')) && !d.label[u.lang].includes(d.time) ? ` ${t.at} ${clock(d.time)}${d.endTime ? `–${clock(d.endTime)}` : ''}` : '';
    const passed = (d.end ?? d.date) < today && d.precision === 'day';
    return `${p.dateLine(d.label[u.lang], `${when}${time}`, passed)}${d.place ? `, ${t.placeOf(d.place)}` : ''}`;
  };
  const about = unique(dates.map((d) => d.about));
  const title = (id: string) => displayName(kb.get(id)!, u.lang);
  // The words for the posting ("the recruitment", "stillingen") are answered by its dates.
  const explained = (answer: Answer) => (wholePosting ? explainsWords(answer, rc.lexicon.postingWords.coverage(u.tokens)) : answer);
  if (about.length === 1) {
    const lines = dates.map(line);
    const headline = lines.length === 1 ? `${lines[0]!} (${title(about[0]!)})` : `${capitalize(title(about[0]!))}${spanSaid(rc, dates)}:`;
    return explained(done(rc, 'answer', headline, lines.length === 1 ? [] : lines, dates.map((d) => d.source)));
  }
  return explained(done(rc, 'answer', p.datesHeadline(dates.length), dates.map((d) => `${line(d)} (${title(d.about)})`), dates.map((d) => d.source), [], true));
}

/**
 * "Hvor lang tid er der fra ansøgningsfristen til de første samtaler?", "how many days between …": asked how long,
 * the days from the first date given to the last ("– 7 dage").
 */
function spanSaid(rc: RelationContext, dates: readonly DateEntry[]): string {
  const cue = rc.u.kinds.get('when')?.cue ?? '';
  if (dates.length < 2 || !/\b(lang tid|how long|mange =?dage|many =?days)\b/.test(foldText(cue))) return '';
  const first = dates[0]!.date;
  const last = dates.at(-1)!.date;
  const days = Math.round((Date.parse(`${last}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / 86_400_000);
  return rc.u.lang === 'da' ? ` – ${days} dage fra første til sidste dato` : ` – ${days} days from the first date to the last`;
}

// ---------------------------------------------------------------------------------------------
// Figures as of a day

/**
 * The figures of the units above an item, stated for a day (`exact`; else the latest stated by then), whose text names
 * the item by a word of its own names that the unit above does not have ("dagplejen" for Dagplejen Havbjerg under
 * Dagtilbud & Sundhed).
 */
function aboveAbout(rc: RelationContext, id: string, day: string, isCounted: (f: Figure) => boolean, exact = true): Array<{ figure: Figure }> {
  const { kb, queries, ctx } = rc;
  const generic = new Set([...GENERIC_WORDS].flatMap((w) => [w, ...stemsOf(w)]));
  const own = [...ctx.ownTerms(id)].filter((term) => term.length >= 5 && !generic.has(term));
  let current = (kb.get(id)?.item as { parent?: string } | undefined)?.parent;
  for (let depth = 0; current && depth < 4; depth++) {
    const above = ctx.ownTerms(current);
    const words = own.filter((term) => !above.has(term));
    // With no day asked, the figure must name the item in full (every word of one of its names, "Hjortsø Dagpleje"):
    // a word of its kind alone ("børnecentrene" for Børnecenter Rosenhaven) names every item of the kind.
    // (The figure's terms from the index made once per knowledge base.)
    const says = (f: Figure, term: string) => figureTermIndex(kb).terms.get(f)?.has(term) === true;
    const fullNames = exact ? [] : namesOf(kb.get(id)!).map((n) => [...termsOf(n)].filter((term) => !generic.has(term))).filter((terms) => terms.some((term) => !above.has(term)));
    const names = (f: Figure) => (exact ? words.some((term) => says(f, term)) : fullNames.some((terms) => terms.every((term) => says(f, term))));
    const found = queries
      .figuresOn(current, day)
      .filter((f) => isCounted(f.figure) && (!exact || f.figure.asOf === undefined || f.figure.asOf === day))
      .filter((f) => names(f.figure));
    if (found.length > 0) return found;
    current = (kb.get(current)?.item as { parent?: string } | undefined)?.parent;
  }
  return [];
}


/**
 * A count of a metric qualified by more words of the question ("børn ... på venteliste", "børnehuse ... har en pædagogisk
 * faglig leder"): the figures that count the metric's word (or have the metric) and whose text says the most of those
 * words, when some say them all; else undefined. Words naming a place (whose figure it is) or a day qualify nothing.
 */
function qualifiedCounts(rc: RelationContext): { key: string; fits: (f: Figure) => boolean } | undefined {
  const { u, kb } = rc;
  if (u.metrics.length !== 1) return undefined;
  const metric = u.metrics[0]!;
  const metricAt = new Set(u.metricAt.get(metric) ?? []);
  const metricForm = [...metricAt].map((p) => u.tokens[p]?.form).find((f) => f !== undefined);
  if (!metricForm) return undefined;
  const placeAt = new Set([...rc.subjects.flat().filter((l) => l.kind === 'units' || l.kind === 'municipalities').flatMap((l) => Array.from({ length: l.end - l.start }, (_, i) => l.start + i)), ...municipalityAt(rc)]);
  const timeAt = new Set([...rc.lexicon.timePhrases.coverage(u.tokens), ...rc.lexicon.sequenceWords.coverage(u.tokens)]);
  // A post named ("har en PFL", "reporting to the børnechef") qualifies by any of its names ("pædagogisk faglig leder").
  // A word right after another "how many" is one more thing counted ("how many kids and how many dagplejere"), no qualifier.
  const countedAt = new Set(countedPositions(u.tokens, [...u.cuePositions], rc.lexicon));
  const roles = rc.subjects.flat().filter((l) => l.kind === 'roles' && l.quality >= 0.9 && !Array.from({ length: l.end - l.start }, (_, k) => l.start + k).some((p) => metricAt.has(p) || countedAt.has(p)));
  const roleAt = new Set(roles.flatMap((l) => Array.from({ length: l.end - l.start }, (_, k) => l.start + k)));
  const eachWord = new Set(rc.lexicon.eachWords.filter((words) => words.length === 1).map((words) => words[0]!));
  const plain = u.tokens.filter((tok, i) => !metricAt.has(i) && !roleAt.has(i) && !countedAt.has(i) && !u.cuePositions.has(i) && !placeAt.has(i) && !timeAt.has(i) && tok.form.length >= 4 && !/\d/.test(tok.form) && !STOPWORDS.has(tok.form) && !GENERIC_WORDS.has(tok.form) && !rc.lexicon.pastWords.has(tok.form) && !rc.lexicon.complementWords.has(tok.form) && !eachWord.has(tok.form) && !/^(19|20)\d\d$/.test(tok.form));
  // (A word of the name of an item the question names, "dagplejen" written again after "childminders", says whose
  // figure it is: not read inside the figures' compounds, "dagplejekonsulenter".)
  const subjectTerms = new Set(rc.subjects.flat().flatMap((l) => [...rc.ctx.ownTerms(l.id)]));
  const namesSubject = (terms: readonly string[]) => terms.some((term) => subjectTerms.has(term));
  const synonymTerms = (form: string): Array<Array<readonly string[]>> => {
    const synonym = rc.lexicon.synonyms.get(form);
    return synonym === undefined ? [] : [analyzeText(synonym).map((t) => t.terms)];
  };
  // Each qualifier: its alternatives, each a list of words (terms of each) that a figure must all say.
  const words: Array<{ alternatives: Array<Array<readonly string[]>>; parts?: true }> = [
    // (Or by the knowledge base's word for it, the lexicon's synonym: "afsat" for "bevilget".)
    ...plain.map((tok) => ({ alternatives: [[tok.terms], ...synonymTerms(tok.form)], ...(namesSubject(tok.terms) ? {} : { parts: true as const }) })),
    ...unique(roles.map((l) => l.id)).map((id) => ({
      alternatives: namesOf(kb.get(id)!).map((n) => analyzeText(foldText(n)).filter((t) => !STOPWORDS.has(t.form)).map((t) => t.terms)).filter((ws) => ws.length > 0),
    })),
  ];
  if (words.length === 0) return undefined;
  // The figure's own words name the metric ("48 børn på venteliste" counts children, whatever its metric field says).
  const countsMetric = (f: Figure) => f.metric === metric || countsWord(f, metricForm) || metricsNamedIn(rc, f).has(metric);
  const index = figureTermIndex(kb);
  // A word is said as a word of the figure, or as a part of one of its compounds ("vuggestue" of "en vuggestueplads",
  // "venter" of "venteliste"): the knowledge base's own compounds carry the qualifiers a leader writes apart.
  const said = (f: Figure) => {
    const terms = index.terms.get(f)!;
    const parts = index.parts.get(f)!;
    return words.filter((w) => w.alternatives.some((ws) => ws.every((word) => word.some((term) => terms.has(term) || (w.parts === true && term.length >= 4 && parts.has(term)))))).length;
  };
  // Only the figures that say one of the words are looked at (found through the index made once per knowledge base).
  // (Each distinct figure once: both tests read only a figure's metric and text.)
  const { distinct, place } = figureOwnersOf(kb);
  const saying = (term: string, parts: boolean) => [...(index.byTerm.get(term) ?? []), ...(parts && term.length >= 4 ? index.byPart.get(term) ?? [] : [])];
  const figures = unique(words.flatMap((w) => w.alternatives.flatMap((ws) => (ws[0] ?? []).flatMap((term) => saying(term, w.parts === true).map((f) => distinct[place.get(f)!]!))))).filter(countsMetric);
  // Every such word, or it is a count of something else ("the waiting list for a school" is not the nursery one).
  if (!figures.some((f) => said(f) === words.length)) return undefined;
  return { key: `qualified:${metric}`, fits: (f: Figure) => countsMetric(f) && said(f) === words.length };
}

/**
 * The days a count is asked for when it names two or more: days said ("1 oct and 1 nov 2026"), or a span of months
 * said with a word of change ("færre ... fra oktober til november": the last day of the first month and of the last).
 */
function severalDays(rc: RelationContext): string[][] {
  const { u } = rc;
  // Days without a year: the coming ones, else the ones passed (the figures may be stated only for those).
  const days = unique(daysNamed(u.text, rc.today));
  if (days.length >= 2) return [days, unique(daysNamed(u.text, rc.today, true))];
  const range = u.range;
  if (!range || range.from.slice(0, 7) === range.to.slice(0, 7)) return [];
  const changeSaid = u.kinds.has('change-compare') || u.tokens.some((tok) => rc.lexicon.countModifiers.has(tok.form));
  if (!changeSaid) return [];
  // (A year's span ("i 2026") is one period, not a change between months.)
  if (range.from.slice(5) === '01-01' && range.to.slice(5) === '12-31') return [];
  const month = Number(range.from.slice(5, 7));
  const lastOfFirst = month === 12 ? `${range.from.slice(0, 4)}-12-31` : addDays(`${range.from.slice(0, 4)}-${String(month + 1).padStart(2, '0')}-01`, -1);
  const yearBack = (iso: string) => `${Number(iso.slice(0, 4)) - 1}${iso.slice(4)}`;
  return [[lastOfFirst, range.to], [yearBack(lastOfFirst), yearBack(range.to)]];
}

/** The metrics a figure's text names by the lexicon's words for them, per figure (the same for every question). */
const FIGURE_METRICS = new WeakMap<Figure, ReadonlySet<string>>();
function metricsNamedIn(rc: RelationContext, f: Figure): ReadonlySet<string> {
  let known = FIGURE_METRICS.get(f);
  if (!known) {
    known = new Set([...rc.lexicon.metrics.match(analyzeText(foldText(f.text.da))).keys(), ...rc.lexicon.metrics.match(analyzeText(foldText(f.text.en))).keys()]);
    FIGURE_METRICS.set(f, known);
  }
  return known;
}

/**
 * "How many kids and how many dagplejere", "childminders and consultants": beside the metrics named, a thing counted
 * after its own "how many" or joined to them by "and" that some figure counts by the word itself ("54 dagplejere"),
 * of another metric than those named, is one more count asked.
 */
function countedBeside(rc: RelationContext): string[] {
  const { u, kb } = rc;
  const countedAt = new Set(countedPositions(u.tokens, [...u.cuePositions], rc.lexicon));
  // Joined by "and" to a metric or a thing counted ("kids and dagplejere"), not to a place ("in the børnecentre and ...").
  const counting = new Set([...countedAt, ...[...u.metricAt.values()].flat()]);
  const and = (i: number) => rc.lexicon.andWords.has(u.tokens[i]?.form ?? '');
  const joined = (i: number) => (and(i + 1) && counting.has(i + 2)) || (and(i - 1) && counting.has(i - 2));
  // (Not a place's name: "how many in dagplejen" asks of the childminding; a post's people are counted, "dagplejere".)
  const place = (i: number) => rc.subjects.some((g) => g.some((l) => l.start <= i && i < l.end) && g.every((l) => l.kind !== 'roles'));
  const words = countedWords(rc).filter((w) => u.tokens.some((tok, i) => tok.form === w && (countedAt.has(i) || joined(i)) && !place(i)));
  return words.filter((w) => someFigure(kb, (f) => !u.metrics.includes(f.metric) && countsAsked(rc, f, w, countSpan(rc, w))));
}

export function answerFiguresOn(rc: RelationContext): Answer | undefined {
  const { u, kb, queries } = rc;
  if (!u.intents.has('figure')) return undefined;
  // What is counted: the metrics named, else the words of the question a figure's own text counts
  // ("vuggestuepladser", "nursery places": a municipality's own counts are metric `other`).
  const byWord = (w: string) => {
    const span = countSpan(rc, w);
    return { key: `word:${w}`, fits: (f: Figure) => countsAsked(rc, f, w, span) };
  };
  // "How many people in Tværfagligt Team": its own figures of people, of whichever metric.
  const persons = personMetrics(rc, rc.subjects.flat().filter((l) => l.kind === 'units' || l.kind === 'municipalities').map((l) => l.id));
  const roleMetrics = persons ? [] : countedRoleMetrics(rc);
  const counts: Array<{ key: string; fits: (f: Figure) => boolean }> = roleMetrics.length > 0
    ? roleMetrics.map((m) => ({ key: m, fits: (f: Figure) => f.metric === m }))
    : persons
      ? persons.metrics.map((m) => ({ key: m, fits: (f: Figure) => f.metric === m }))
      : u.metrics.length > 0
        ? [...unique(u.metrics).map((m) => ({ key: m, fits: (f: Figure) => f.metric === m })), ...countedBeside(rc).map(byWord)]
        : [...countedWords(rc), ...countedPosts(rc)].map(byWord);
  if (counts.length === 0) return undefined;
  // "Hvor mange børn står på venteliste", "how many houses had a pædagogisk faglig leder": more words than the metric
  // say which count of it; a figure that counts the metric's word and says those words is that count.
  const qualified = qualifiedCounts(rc);
  if (qualified) counts.splice(0, counts.length, qualified);
  const isCounted = (f: Figure) => counts.some((c) => c.fits(f));
  const t = TEXTS[u.lang];
  const subjects = rc.subjects.flat().filter((l) => l.kind === 'units' || l.kind === 'municipalities' || l.kind === 'roles');
  // The top-most items that state such a figure (a district's houses are counted again in its department).
  // (Each distinct figure tested once: `isCounted` reads only a figure's metric and text.)
  const stating = itemsStating(kb, isCounted);
  const stated = new Set(stating.map((x) => x.id));
  const owners = stating.filter((x) => !('parent' in x && typeof x.parent === 'string' && stated.has(x.parent))).map((x) => x.id);
  // The items named, else the municipality named, else the one or two items that state the figure at all.
  // A word counted ("nursery places"), or a name made of the metric's words alone ("children's houses" read as one
  // house's name), names what is counted, not whose figure it is.
  const countedForms = new Set(counts.flatMap((c) => (c.key.startsWith('word:') ? [c.key.slice(5)] : [])));
  const metricAt = new Set(u.metrics.flatMap((m) => u.metricAt.get(m) ?? []));
  const countedName = (l: { start: number; end: number }) =>
    u.tokens.slice(l.start, l.end).some((tok) => countedForms.has(tok.form)) || Array.from({ length: l.end - l.start }, (_, k) => l.start + k).every((p) => metricAt.has(p));
  // "Når Sandflugten er åbnet", "when X opens": a unit named with a word of change that begins or ends on a coming
  // day is when the figure is asked for, not whose figure it is.
  const changeSaid = !u.day && !u.range && rc.lexicon.changeWords.match(u.tokens).size > 0;
  const eventDayOf = (id: string): string | undefined => {
    const item = kb.get(id)?.item as { validFrom?: string; validUntil?: string } | undefined;
    if (item?.validFrom && item.validFrom > rc.today) return item.validFrom;
    if (item?.validUntil && item.validUntil >= rc.today) return addDays(item.validUntil, 1);
    return undefined;
  };
  // A unit that states such a figure itself is whose figure it is ("hvor mange børnehuse kommer der i Kvarter Skoven").
  const events = changeSaid ? subjects.filter((l) => l.kind === 'units' && eventDayOf(l.id) !== undefined && !queries.figuresOf(l.id).some((f) => isCounted(f.figure))) : [];
  const eventDay = events.length === 1 ? eventDayOf(events[0]!.id) : undefined;
  const namedItems = subjects.filter((l) => l.kind !== 'roles' && !countedName(l) && !(eventDay && l === events[0])).map((l) => l.id);
  // "I hvert kvarter", "in each district": every unit of that kind; the kind's word ("kvarter") is then no count.
  const each = namedItems.length > 0 ? { ids: [] } : eachUnits(rc);
  const named = namedItems.length > 0 ? namedItems : each.ids;
  if (each.at !== undefined) {
    const kindWord = each.at;
    const kept = counts.filter((c) => !(u.metricAt.get(c.key) ?? []).every((p) => p === kindWord) || (u.metricAt.get(c.key) ?? []).length === 0);
    if (kept.length > 0 && kept.length < counts.length) counts.splice(0, counts.length, ...kept);
  }
  // A metric none of the items named states ("how many districts will there be, and how many houses in Åen")
  // is answered by the one or two items that state it at all.
  // (One a unit above states about the item named, "128 børn i Hjortsø Dagpleje", is stated for it.)
  const unstated = named.length > 0 ? counts.filter((c) => !named.some((id) => queries.figuresOf(id).some((f) => c.fits(f.figure)) || aboveAbout(rc, id, u.day ?? rc.today, c.fits, false).length > 0)) : [];
  const ownersOf = (asked: typeof counts) => stating.filter((x) => !('parent' in x && typeof x.parent === 'string' && stated.has(x.parent)) && x.figures.some((f) => asked.some((c) => c.fits(f)))).map((x) => x.id);
  // (Only beside a count the items named do state: a count none of them states is not theirs to answer by another's.)
  const extra = unstated.length > 0 && unstated.length < counts.length && ownersOf(unstated).length <= 2 ? ownersOf(unstated) : [];
  const scope = unique(named.length > 0 ? [...named, ...extra] : [...rc.municipalities, ...(owners.length <= 2 ? owners : [])]);
  if (scope.length === 0) return undefined;
  // "How many deputy heads do the houses have", "hvor mange børn er der i institutionerne": two metrics named with no
  // "and" between them are one count, the one a figure names both of ("9 af de 14 børnehuse har en souschef").
  // (Not when anything is joined after them: "children in the institutions and in dagplejen" asks of two places.)
  const metricPositions = u.metrics.flatMap((m) => u.metricAt.get(m) ?? []);
  if (!persons && roleMetrics.length === 0 && u.metrics.length >= 2 && !qualified && !countsJoined(rc, [...metricPositions, u.tokens.length])) {
    const both = (f: Figure) => u.metrics.every((m) => f.metric === m || metricsNamedIn(rc, f).has(m));
    if (scope.some((id) => queries.figuresOf(id).some((f) => both(f.figure)))) counts.splice(0, counts.length, { key: 'both', fits: both });
  }
  // A figure for a period ("sygefraværet i oktober 2026") carries time too.
  const dated = (f: Figure) => f.asOf !== undefined || f.validFrom !== undefined || f.validUntil !== undefined || f.period !== undefined;
  // "On 1 October and on 1 November", "fra oktober til november" with a word of change: the figure stated for each
  // day (each month's last figure), in order, and their difference when asked how it changed.
  for (const several of severalDays(rc)) {
    const lines: string[] = [];
    const shown: Figure[] = [];
    const sources: Source[] = [];
    for (const id of scope) {
      for (const day of several) {
        // (A day the item states none for, where a unit above it states one about it: that one.)
        const stated = queries.figuresOn(id, day).filter((x) => isCounted(x.figure) && dated(x.figure) && (x.figure.asOf === undefined || x.figure.asOf <= day));
        for (const f of stated.length > 0 ? stated : aboveAbout(rc, id, day, isCounted)) {
          if (shown.includes(f.figure)) continue;
          shown.push(f.figure);
          const text = f.figure.text[u.lang].replace(/\.$/, '');
          const on = f.figure.asOf ?? f.figure.validFrom;
          lines.push(t.figure(nameIn(rc, id), on && !text.includes(shortDate(on, u.lang)) ? `${text} (${t.asOf(shortDate(on, u.lang))})` : text));
          sources.push(f.figure.source);
        }
      }
    }
    if (shown.length >= 2) {
      const change = u.kinds.has('change-compare') || u.tokens.some((tok) => rc.lexicon.countModifiers.has(tok.form)) ? differenceOf(shown.slice(0, 2), u.lang) : undefined;
      return done(rc, 'answer', [...(change ? [change] : []), ...lines].join(' '), [], sources);
    }
  }
  // A whole period asked about ("i 2024", "in March 2025"): the figure stated for a day in it, the latest.
  // "I dag, og hvor mange efter omlægningen": both states asked for apart are a comparison too.
  const said = rc.lexicon.kinds.match(u.tokens);
  // "Today, and how many from August 2027": today's state said with a coming day asked for is a comparison too.
  const comingDayAsked = (u.day !== undefined && u.day > rc.today) || (u.range !== undefined && u.range.from > rc.today);
  // "More or less than last year?": a past day or period set against today's figure.
  const sincePast = u.kinds.has('change-compare') && ((u.range !== undefined && u.range.to < rc.today) || (u.day !== undefined && u.day < rc.today));
  const compare = !sincePast && (u.kinds.has('change-compare') || (said.has('before-change') && (said.has('after-change') || comingDayAsked)));
  // "Pr. 1. september", "in March" without a year is the next such day; asked in the past tense about figures
  // that have no coming change, it is the last one that has passed ("hvor mange børn var der pr. 1. september").
  const yearless = !/\b(19|20)\d{2}\b/.test(u.text) && u.tokens.some((tok) => rc.lexicon.pastWords.has(tok.form));
  const coming = scope.some((id) => queries.figuresOf(id).some((f) => isCounted(f.figure) && f.figure.validFrom !== undefined && f.figure.validFrom > rc.today));
  const past = (d: string) => (yearless && !coming && d > rc.today ? `${Number(d.slice(0, 4)) - 1}${d.slice(4)}` : d);
  const range = u.range && { from: past(u.range.from), to: u.range.from > rc.today ? past(u.range.to) : u.range.to };
  const askedDay = (u.day && past(u.day)) || eventDay;
  const period = range !== undefined && range.from !== range.to && !compare ? range : undefined;
  // Today's figure with the coming one in a line when both are asked for ("nu og efter", "will it change").
  const day = period ? period.to : compare ? rc.today : (askedDay ?? (u.kinds.has('after-change') ? undefined : rc.today));
  const asked = period !== undefined || (askedDay !== undefined && !compare);
  const when = (f: Figure) => f.validFrom && f.validFrom > rc.today ? `${u.lang === 'da' ? 'fra' : 'from'} ${shortDate(f.validFrom, u.lang)}` : f.asOf ? t.asOf(shortDate(f.asOf, u.lang)) : f.validFrom ? `${u.lang === 'da' ? 'fra' : 'from'} ${shortDate(f.validFrom, u.lang)}` : f.period ? periodOf(f.period, u.lang) : '';
  // Each item asked about gets its figure ("Kvarter Åen og Kvarter Bakken").
  const headlines: string[] = [];
  const supporting: string[] = [];
  const sources: Source[] = [];
  const missing: Array<{ id: string; figures: Figure[] }> = [];
  const answered = new Set<string>();
  // The day or days the figures answering are stated for ("pr. 15. august 2026", "from 1 August 2027").
  const onDays: string[] = [];
  const headFigures: Array<{ owner: string; figure: Figure }> = [];
  let afterDay: string | undefined;
  const comingOf: Figure[] = [];
  // A figure of several units together ("850.000 kr. ... til legepladser i Bøgely og Hasselbo") answers when no item is
  // named and the question's own words single it out ("hvor mange penge er bevilget til legepladser").
  const together = (id: string) => {
    const entry = qualified && named.length === 0 ? kb.get(id) : undefined;
    const figures = entry?.kind === 'units' || entry?.kind === 'municipalities' ? entry.item.figures : [];
    return figures.filter((figure) => figure.ofUnits !== undefined).map((figure) => ({ owner: entry!, figure }));
  };
  for (const id of scope) {
    const all = [...queries.figuresOf(id), ...together(id)].filter((f) => isCounted(f.figure));
    // An item that states no such figure itself, where a unit above it states one that names it ("128 børn i Hjortsø
    // Dagpleje" of Dagtilbudskontoret): that figure, as of the day asked (else the latest).
    if (all.length === 0 && named.includes(id)) {
      const above = aboveAbout(rc, id, day ?? rc.today, isCounted, asked);
      if (above.length === 0) continue;
      answered.add(id);
      headlines.push(...above.map((f) => t.figure(nameIn(rc, id), measuredText(f.figure, f.figure.text[u.lang].replace(/\.$/, ''), u.lang))));
      headFigures.push(...above.map((f) => ({ owner: id, figure: f.figure })));
      sources.push(...above.map((f) => f.figure.source));
      continue;
    }
    // Only figures that carry time are this answerer's; others are answered as stated.
    if (!all.some((f) => dated(f.figure))) continue;
    const future = all.filter((f) => f.figure.validFrom !== undefined && f.figure.validFrom > rc.today).sort((a, b) => a.figure.validFrom!.localeCompare(b.figure.validFrom!));
    const inPeriod = period
      ? // A figure stated as of a day counts for the period that day is in; one valid until a day for any period it covers.
        // One that ends inside the period ("9 until 31 July 2027", asked "in 2027") comes first, before the one that follows it.
        unique([
          ...all.filter((f) => f.figure.period !== undefined && f.figure.period.from <= period.to && period.from <= f.figure.period.until),
          ...all.filter((f) => f.figure.validUntil !== undefined && f.figure.validUntil >= period.from && f.figure.validUntil < period.to && (f.figure.asOf ?? f.figure.validFrom ?? '') <= period.to),
          ...queries.figuresOn(id, period.to).filter((f) => isCounted(f.figure) && f.figure.period === undefined && (f.figure.asOf === undefined || f.figure.asOf >= period.from || f.figure.validUntil !== undefined)),
        ])
      : undefined;
    // A figure for a period answers a day inside that period only.
    const coversDay = (f: Figure, on: string) => f.period === undefined || (f.period.from <= on && on <= f.period.until);
    // The first coming figure of each thing counted ("how many kids and how many staff after the merger": both).
    const firstComing = unique(counts.flatMap((c) => future.filter((f) => c.fits(f.figure)).slice(0, 1)));
    const stated = inPeriod ?? (day ? queries.figuresOn(id, day).filter((f) => isCounted(f.figure) && coversDay(f.figure, day)) : firstComing);
    // An item that exists only from a coming day ("Kvarter Åen" from 1 August) is answered with that day's figure.
    // A day asked that the item states no figure for, where a unit above it states one about it ("212 børn i dagplejen
    // pr. 1. oktober" of the department, asked of the childminding): that figure.
    const fromAbove = stated.length === 0 && asked && day !== undefined ? aboveAbout(rc, id, day, isCounted) : [];
    // No time asked, and the item states such a figure only for a period ("850.000 kr. ... i 2027"): the period's figure,
    // the last one begun (else the first to come).
    const periods = stated.length === 0 && fromAbove.length === 0 && !asked && day === rc.today && future.length === 0 ? all.filter((f) => f.figure.period !== undefined) : [];
    const periodFrom = periods.map((f) => f.figure.period!.from).sort();
    const nearest = periodFrom.filter((from) => from <= rc.today).at(-1) ?? periodFrom[0];
    const ofPeriod = periods.filter((f) => f.figure.period!.from === nearest);
    const then = stated.length > 0 ? stated : fromAbove.length > 0 ? fromAbove : day === rc.today ? (future.length > 0 ? firstComing : ofPeriod) : [];
    // Set against a past day: today's figure follows the one stated then.
    const onAll = sincePast ? unique([...then, ...queries.figuresOn(id, rc.today).filter((f) => isCounted(f.figure))]) : then;
    // "Hvor mange børneuniverser": "3 børneuniverser" counts them, "2 af de 3 børneuniverser har ..." counts some of them.
    // (Not when a post or the rest of a count is asked: "how many of the børnecentre had a viceleder" asks for some of them.)
    const plainCount = countedForms.size > 0 && !rc.subjects.flat().some((l) => l.kind === 'roles') && !u.tokens.some((tok) => rc.lexicon.complementWords.has(tok.form));
    const ownCount = plainCount ? onAll.filter((f) => [...countedForms].some((w) => countsOwnValue(f.figure, w))) : [];
    const on = ownCount.length > 0 && ownCount.length < onAll.length ? ownCount : onAll;
    // A day or period asked about that no figure is stated for: say which days the documents have.
    // After a change asked about ("after the reorganisation") where the figures end before it and none follows: none then.
    const endsBefore = day === undefined && !asked ? all.filter((f) => f.figure.validUntil !== undefined).map((f) => f.figure.validUntil!).sort().at(-1) : undefined;
    if (endsBefore !== undefined && on.length === 0) afterDay = afterDay === undefined || endsBefore > afterDay ? endsBefore : afterDay;
    const lacking = asked || (endsBefore !== undefined && on.length === 0) ? counts.filter((c) => all.some((f) => c.fits(f.figure)) && !then.some((f) => c.fits(f.figure))) : [];
    if (lacking.length > 0) missing.push({ id, figures: all.filter((f) => lacking.some((c) => c.fits(f.figure))).map((f) => f.figure) });
    if (on.length === 0) continue;
    answered.add(id);
    const line = (f: { figure: Figure }) => {
      const w = when(f.figure);
      const text = f.figure.text[u.lang].replace(/\.$/, '');
      const day = f.figure.validFrom ?? f.figure.asOf;
      if (day === undefined) return t.figure(nameIn(rc, id), measuredText(f.figure, text, u.lang));
      const shown = w && !text.includes(shortDate(day, u.lang)) ? ` (${w})` : '';
      return t.figure(nameIn(rc, id), `${text}${shown}`);
    };
    const coming = day === rc.today ? future.filter((f) => !on.includes(f)) : [];
    headlines.push(...on.map(line));
    headFigures.push(...on.map((f) => ({ owner: id, figure: f.figure })));
    onDays.push(...on.map((f) => when(f.figure)).filter((w) => w !== ''));
    supporting.push(...coming.map(line));
    comingOf.push(...coming.map((f) => f.figure));
    sources.push(...[...on, ...coming].map((f) => f.figure.source));
  }
  if (missing.length > 0) {
    const wholeYear = period !== undefined && period.from.slice(5) === '01-01' && period.to.slice(5) === '12-31' && period.from.slice(0, 4) === period.to.slice(0, 4);
    const wholeMonth = period !== undefined && period.from.slice(8) === '01' && period.from.slice(0, 7) === period.to.slice(0, 7) && addDays(period.to, 1).slice(8) === '01';
    const askedWhen = afterDay !== undefined && askedDay === undefined && !period
      ? `${u.lang === 'da' ? 'efter' : 'after'} ${shortDate(afterDay, u.lang)}`
      : !period
      ? t.onDay(shortDate(askedDay!, u.lang))
      : wholeYear
        ? `${u.lang === 'da' ? 'i' : 'in'} ${period.from.slice(0, 4)}`
        : wholeMonth
          ? t.inMonth(formatPartialDate(period.from, 'month', u.lang))
          : t.between(shortDate(period.from, u.lang), shortDate(period.to, u.lang));
    for (const { id, figures } of missing) {
      // The days in the order they come ("pr. 1. januar 2025 og pr. 1. januar 2026").
      const days = unique([...figures].sort((a, b) => (a.asOf ?? a.validFrom ?? '').localeCompare(b.asOf ?? b.validFrom ?? '')).map((f) => when(f)).filter((w) => w !== ''));
      const lines = figures.map((f) => {
        const text = f.text[u.lang].replace(/\.$/, '');
        const w = when(f);
        const day = f.validFrom ?? f.asOf;
        return t.figure(nameIn(rc, id), day !== undefined ? (w && !text.includes(shortDate(day, u.lang)) ? `${text} (${w})` : text) : measuredText(f, text, u.lang));
      });
      headlines.unshift(t.noFigureOn(nameIn(rc, id), askedWhen, joinList(days, u.lang)));
      supporting.unshift(...lines);
      sources.push(...figures.map((f) => f.source));
    }
  }
  if (headlines.length === 0) return undefined;
  // An item named that states none of these dated figures ("how many dagplejere"): the figures by metric and by word answer.
  if (named.some((id) => !answered.has(id) && !missing.some((m) => m.id === id))) return undefined;
  // "Hvornår er tallet opgjort?", "when is the figure from": the day it is stated for leads.
  if (u.askedWhen && !asked && missing.length === 0 && onDays.length > 0) headlines.unshift(t.figuresDated(joinList(unique(onDays), u.lang)));
  // "Når Sandflugten er åbnet": the day the unit named comes (or goes) is the day of the figures, said first.
  if (eventDay !== undefined && askedDay === eventDay && missing.length === 0) {
    const item = kb.get(events[0]!.id)?.item as { validFrom?: string } | undefined;
    const from = item?.validFrom === eventDay;
    headlines.unshift(capitalize(t.eventOn(nameIn(rc, events[0]!.id), from, shortDate(from ? eventDay : addDays(eventDay, -1), u.lang))));
  }
  // "Kvarter Åen og Kvarter Bakken tilsammen": the sum first.
  // "Hvor mange flere souschefer kommer der": today's figure and the coming one, and their difference.
  const comingFigures = compare && headFigures.length === 1 ? [headFigures[0]!.figure, ...comingOf.filter((f) => f.metric === headFigures[0]!.figure.metric).slice(0, 1)] : headFigures.map((f) => f.figure);
  const sum = u.kinds.has('total') && missing.length === 0 ? totalOf(headFigures, u.lang) : u.kinds.has('change-compare') && missing.length === 0 ? differenceOf(comingFigures, u.lang) : undefined;
  if (sum) headlines.unshift(sum);
  // The words counted are explained by the figures that count them ("places" by "room for 80 children").
  const answering = [...headFigures.map((f) => f.figure), ...comingOf];
  const countedForm = new Set(counts.flatMap((c) => (c.key.startsWith('word:') && answering.some(c.fits) ? [c.key.slice(5)] : [])));
  // So are the words asking for the rest of a count ("uden souschef": "9 af de 14 børnehuse har en souschef").
  return explainsWords(done(rc, 'answer', headlines.join(' '), supporting, sources), [...u.tokens.flatMap((tok, i) => (countedForm.has(tok.form) ? [i] : [])), ...(persons?.at ?? []), ...countLinkAt(rc), ...measuresSaid(rc, answering), ...complementsSaid(rc, answering)]);
}
