/**
 * Decisions: what a named body decided on a day, from when it applies, the items it changes and the vote.
 *
 * A question is linked to decisions by everything the data says of them: the decision's own names, its body,
 * its day and first day, its agenda item (read from the minutes' heading the decision quotes, "Punkt 5. ..."),
 * the items it changes (a changed reporting line counts for both its ends), and the words of what it decided.
 * The answer gives the attribute asked (what, when, from when, the votes for, against or abstaining, unanimity,
 * the chair, the body, why, who proposed it) and says plainly when the minutes do not give it.
 */
import type { KnowledgeBase } from '../../knowledge/knowledge-base.js';
import type { Decision, Fact, Person, Role, Source, Text } from '../../knowledge/schemas.js';
import { MONTH_NAMES } from '../../time/format-date.js';
import { composeAnswer, nameOf, shortDate, unique, unknown as unknownAnswer } from '../answer-context.js';
import { displayName, namesOf } from '../facts.js';
import { DECISION_ASKS, type DecisionAsk, type Lexicon } from '../lexicon/lexicon.js';
import { analyzeText, foldText, GENERIC_WORDS, STOPWORDS, stemsOf, tokenize } from '../normalize.js';
import { capitalize } from '../phrases.js';
import type { Answer } from '../types.js';
import type { Link } from '../linking.js';
import type { RelationContext } from './context.js';
import { titleWordOfDocument } from './document-index.js';

const TEXTS = {
  da: {
    decided: (body: string, date: string, name: string) => `${capitalize(body)} besluttede ${date}: ${name}.`,
    applies: (date: string) => `gælder fra ${date}`,
    appliesHeadline: (date: string, name: string) => `Gælder fra ${date}: ${name}.`,
    noAppliesFrom: (name: string, date: string) => `Referatet giver ingen dato for, hvornår ${name} træder i kraft; det blev besluttet ${date}.`,
    vote: (text: string) => `Afstemning: ${text}`,
    voteHeadline: (name: string, text: string) => `Afstemningen om ${name}: ${text}`,
    noneAbstained: 'Ingen undlod at stemme.',
    count: (n: number, what: 'for' | 'against' | 'abstained', name: string) =>
      what === 'for' ? `${n} stemte for ${name}.` : what === 'against' ? `${n === 0 ? 'Ingen' : n} stemte imod ${name}.` : `${n === 0 ? 'Ingen' : n} undlod at stemme om ${name}.`,
    noCount: (what: 'for' | 'against' | 'abstained', name: string) =>
      `Referatet siger ikke, hvor mange der ${what === 'for' ? 'stemte for' : what === 'against' ? 'stemte imod' : 'undlod at stemme om'} ${name}.`,
    noVote: (name: string) => `Referatet siger ikke, hvordan der blev stemt om ${name}.`,
    allFor: (name: string) => `Alle stemte for ${name}: det blev vedtaget enstemmigt.`,
    unanimousYes: (name: string) => `Ja, ${name} blev vedtaget enstemmigt.`,
    unanimousNo: (name: string, votes: string) => `Nej, ${name} blev ikke vedtaget enstemmigt: ${votes}.`,
    votes: (f?: number, a?: number, x?: number) => [f !== undefined ? `${f} for` : '', a !== undefined ? `${a} imod` : '', x ? `${x} undlod at stemme` : ''].filter(Boolean).join(', '),
    members: (body: string, n: number) => `${capitalize(body)} har ${n} medlemmer.`,
    chairHeadline: (who: string, body: string) => `${who} er formand for ${body}.`,
    hostHeadline: (who: string, body: string) => `${who} står for ${body}.`,
    noChair: (body: string) => `Dokumenterne nævner ikke, hvem der er formand for ${body}.`,
    meetingOf: (body: string, date: string, name: string) => `Mødet ${date}, hvor ${body} besluttede: ${name}.`,
    agenda: (n: number, body: string, date: string, name: string) => `Punkt ${n} på ${body}s møde ${date}: ${name}.`,
    noAgenda: (n: number) => `Jeg kender ingen beslutning under punkt ${n}.`,
    agendaList: (body: string, date: string, n: number) => `${capitalize(body)} behandlede ${n} punkter på mødet ${date}:`,
    noWhy: (name: string) => `Dokumenterne giver ingen begrundelse for ${name}.`,
    noProposal: (name: string) => `Referatet siger ikke, hvem der foreslog ${name}.`,
    yes: (text: string) => `Ja: ${text}`,
    noDecision: 'Jeg kender ingen beslutning, der passer til spørgsmålet.',
  },
  en: {
    decided: (body: string, date: string, name: string) => `On ${date} the ${body} decided: ${name}.`,
    applies: (date: string) => `applies from ${date}`,
    appliesHeadline: (date: string, name: string) => `Applies from ${date}: ${name}.`,
    noAppliesFrom: (name: string, date: string) => `The minutes give no date from which ${name} applies; it was decided on ${date}.`,
    vote: (text: string) => `Vote: ${text}`,
    voteHeadline: (name: string, text: string) => `The vote on ${name}: ${text}`,
    noneAbstained: 'No one abstained.',
    count: (n: number, what: 'for' | 'against' | 'abstained', name: string) =>
      what === 'for' ? `${n} voted for ${name}.` : what === 'against' ? `${n === 0 ? 'No one' : n} voted against ${name}.` : `${n === 0 ? 'No one' : n} abstained in the vote on ${name}.`,
    noCount: (what: 'for' | 'against' | 'abstained', name: string) =>
      `The minutes do not say how many ${what === 'for' ? 'voted for' : what === 'against' ? 'voted against' : 'abstained on'} ${name}.`,
    noVote: (name: string) => `The minutes do not say how the vote on ${name} went.`,
    allFor: (name: string) => `Everyone voted for ${name}: it was adopted unanimously.`,
    unanimousYes: (name: string) => `Yes, ${name} was adopted unanimously.`,
    unanimousNo: (name: string, votes: string) => `No, ${name} was not unanimous: ${votes}.`,
    votes: (f?: number, a?: number, x?: number) => [f !== undefined ? `${f} for` : '', a !== undefined ? `${a} against` : '', x ? `${x} abstained` : ''].filter(Boolean).join(', '),
    members: (body: string, n: number) => `The ${body} has ${n} members.`,
    chairHeadline: (who: string, body: string) => `${who} chairs the ${body}.`,
    hostHeadline: (who: string, body: string) => `${who} runs the ${body}.`,
    noChair: (body: string) => `The documents do not say who chairs the ${body}.`,
    meetingOf: (body: string, date: string, name: string) => `The meeting on ${date} where the ${body} decided: ${name}.`,
    agenda: (n: number, body: string, date: string, name: string) => `Item ${n} at the ${body}'s meeting on ${date}: ${name}.`,
    noAgenda: (n: number) => `I know of no decision under item ${n}.`,
    agendaList: (body: string, date: string, n: number) => `The ${body} dealt with ${n} items at its meeting on ${date}:`,
    noWhy: (name: string) => `The documents give no reason for ${name}.`,
    noProposal: (name: string) => `The minutes do not say who proposed ${name}.`,
    yes: (text: string) => `Yes: ${text}`,
    noDecision: 'I know of no decision that fits the question.',
  },
} as const;

/** What the index knows of one decision, computed once per knowledge base. */
interface DecisionEntry {
  readonly decision: Decision;
  /** The agenda item, from the minutes' heading the decision quotes ("Punkt 5. ..."). */
  readonly agendaItem?: number;
  /** Stems of every word of its names, what it decided, its description and its vote. */
  readonly terms: ReadonlySet<string>;
  /** The items it changes, the ends of the reporting lines it changes, and the units those lie in. */
  readonly touched: ReadonlySet<string>;
  /** The facts about it (its background, ...). */
  readonly facts: readonly Fact[];
  /** Statements of the same minutes about the items it changes (or items within them): "Myretuen still has no deputy". */
  readonly said: ReadonlyArray<{ readonly text: Text; readonly source: Source; readonly terms: ReadonlySet<string> }>;
  /** Stems of its names only. */
  readonly nameTerms: ReadonlySet<string>;
  /** Its own words as tokens (name and points), for the lexicon's cues ("til efterretning"). */
  readonly text: string;
}

interface DecisionIndex {
  readonly entries: readonly DecisionEntry[];
  readonly bodies: ReadonlySet<string>;
}

const INDEXES = new WeakMap<KnowledgeBase, DecisionIndex>();

/** A heading of minutes: "Punkt 5.", "Pkt. 5", "Dagsordenspunkt 5", "Item 5". */
const AGENDA_HEADING = /^\s*(?:punkt|pkt\.?|dagsordenspunkt|item|agenda item)\s*(\d{1,3})\b/i;

/** The decisions of a knowledge base, indexed once. */
export function decisionIndexOf(kb: KnowledgeBase): DecisionIndex {
  let index = INDEXES.get(kb);
  if (index) return index;
  const factsAbout = new Map<string, Fact[]>();
  for (const fact of kb.data.facts) for (const id of fact.about) factsAbout.set(id, [...(factsAbout.get(id) ?? []), fact]);
  const entries = kb.data.decisions.map((decision): DecisionEntry => {
    const touched = new Set<string>();
    const add = (id: string) => {
      // The item and the units it lies in ("a house of the district").
      for (let current: string | undefined = id, depth = 0; current && depth < 4 && !touched.has(current); depth++) {
        touched.add(current);
        const e = kb.get(current);
        // (A post lies in its unit: a changed line of "the team leader of Pædagogisk Udvikling" is about that unit too.)
        current = e?.kind === 'units' ? e.item.parent : e?.kind === 'roles' ? e.item.unit : undefined;
      }
    };
    for (const id of decision.changes) {
      add(id);
      const e = kb.get(id);
      if (e?.kind === 'reportingLines') {
        add(e.item.from);
        add(e.item.to);
      }
      if (e?.kind === 'deputies') {
        add(e.item.deputy);
        add(e.item.for);
      }
    }
    // The facts of the units it changes (or units within them) taken from the same minutes.
    const within = (id: string) => {
      for (let current: string | undefined = id, depth = 0; current && depth < 8; depth++) {
        if (decision.changes.includes(current)) return true;
        const e = kb.get(current);
        current = e?.kind === 'units' ? e.item.parent : undefined;
      }
      return false;
    };
    const said = kb.data.units
      .filter((unit) => within(unit.id))
      .flatMap((unit) => unit.facts.filter((f) => f.source.doc === decision.source.doc))
      .map((f) => ({ text: { da: f.da, en: f.en }, source: f.source, terms: new Set([...tokenize(f.da), ...tokenize(f.en)].flatMap((w) => stemsOf(w))) }));
    const facts = factsAbout.get(decision.id) ?? [];
    const words = [
      decision.name,
      decision.labelEn,
      ...decision.names,
      ...decision.namesEn,
      ...decision.decided.flatMap((s) => [s.da, s.en]),
      ...(decision.description ? [decision.description.da, decision.description.en] : []),
      ...(decision.vote?.text ? [decision.vote.text.da, decision.vote.text.en] : []),
    ];

    const terms = new Set(words.flatMap((w) => tokenize(w)).filter((w) => w.length > 2).flatMap((w) => [...stemsOf(w), ...verbStems(w)]));
    for (const x of said) for (const term of x.terms) terms.add(term);
    const nameTerms = new Set([decision.name, decision.labelEn, ...decision.names, ...decision.namesEn].flatMap((w) => tokenize(w)).filter((w) => w.length > 2).flatMap((w) => [...stemsOf(w), ...verbStems(w)]));
    const heading = decision.source.quote.match(AGENDA_HEADING);
    return {
      decision,
      ...(heading ? { agendaItem: Number(heading[1]) } : {}),
      terms,
      nameTerms,
      touched,
      facts,
      said,
      text: [decision.name, decision.labelEn, ...decision.decided.flatMap((s) => [s.da, s.en])].join(' . '),
    };
  });
  index = { entries, bodies: new Set(kb.data.decisions.map((d) => d.body)) };
  INDEXES.set(kb, index);
  return index;
}

const HEADS = new WeakMap<DecisionIndex, ReadonlySet<string>>();
/**
 * Every word the decisions and the names of their bodies say ("committee" of "Children and Schools Committee"), with
 * the last parts (three letters or more) of each ("hus" of "børnehus"), worked out on first use.
 */
function compoundHeadsOf(kb: KnowledgeBase, index: DecisionIndex): ReadonlySet<string> {
  let heads = HEADS.get(index);
  if (!heads) {
    const found = new Set<string>();
    const bodyTerms = [...index.bodies].flatMap((id) => {
      const e = kb.get(id);
      return e ? namesOf(e).flatMap((n) => tokenize(n).flatMap((w) => stemsOf(w))) : [];
    });
    for (const term of [...index.entries.flatMap((e) => [...e.terms]), ...bodyTerms]) for (let i = 0; i <= term.length - 3; i++) found.add(term.slice(i));
    HEADS.set(index, (heads = found));
  }
  return heads;
}

/**
 * The verb a Danish noun of action is made from ("flytningen" -> "flyt", "vedtagelsen" -> "vedtag"): a question asks
 * "hvem stemte for at flytte dagplejen" of the decision named "flytningen af dagplejen".
 */
export function verbStems(form: string): string[] {
  const m = form.match(/^(.{3,}?)(?:ning|else)(?:en|er|erne)?$/);
  return m ? [m[1]!, ...stemsOf(m[1]!)] : [];
}

/** Month words (folded, with their three-letter forms) -> month number. */
const MONTHS = new Map<string, number>();
for (const names of [MONTH_NAMES.da, MONTH_NAMES.en]) {
  names.forEach((m, i) => {
    MONTHS.set(foldText(m), i + 1);
    MONTHS.set(foldText(m).slice(0, 3), i + 1);
  });
}
MONTHS.set('sept', 9);
const MONTH_WORD = [...MONTHS.keys()].sort((a, b) => b.length - a.length).join('|');
const DAY_FORMS: ReadonlyArray<{ re: RegExp; parts: (m: RegExpExecArray) => [number, number, number | undefined] }> = [
  { re: /\b(\d{4})-(\d{2})-(\d{2})\b/g, parts: (m) => [Number(m[3]), Number(m[2]), Number(m[1])] },
  { re: new RegExp(`\\b(\\d{1,2})\\.?\\s+(${MONTH_WORD})\\b\\.?(?:\\s+(\\d{4}))?`, 'g'), parts: (m) => [Number(m[1]), MONTHS.get(m[2]!)!, m[3] ? Number(m[3]) : undefined] },
  { re: new RegExp(`\\b(${MONTH_WORD})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b,?(?:\\s+(\\d{4}))?`, 'g'), parts: (m) => [Number(m[2]), MONTHS.get(m[1]!)!, m[3] ? Number(m[3]) : undefined] },
  { re: /\b(\d{1,2})[./](\d{1,2})(?:[./]\s?|\s)(\d{4})\b/g, parts: (m) => [Number(m[1]), Number(m[2]), Number(m[3])] },
];

/** A day the question names: month and day, and the year when written. */
interface NamedDay {
  readonly monthDay: string;
  readonly year?: number;
}

/** Every day the question names ("12. november", "1 August 2027", "2026-11-18"), in order. */
function namedDays(folded: string): NamedDay[] {
  const found: Array<NamedDay & { at: number }> = [];
  const taken: Array<[number, number]> = [];
  for (const { re, parts } of DAY_FORMS) {
    re.lastIndex = 0;
    for (let m = re.exec(folded); m; m = re.exec(folded)) {
      const [from, to] = [m.index, m.index + m[0].length];
      if (taken.some(([a, b]) => from < b && to > a)) continue;
      const [day, month, year] = parts(m);
      if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31)) continue;
      taken.push([from, to]);
      found.push({ monthDay: `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, ...(year !== undefined ? { year } : {}), at: from });
    }
  }
  return found.sort((a, b) => a.at - b.at).map(({ monthDay, year }) => ({ monthDay, ...(year !== undefined ? { year } : {}) }));
}

const dayFits = (day: NamedDay, iso: string | undefined) => iso !== undefined && iso.slice(5) === day.monthDay && (day.year === undefined || Number(iso.slice(0, 4)) === day.year);

/** The number of the agenda item the question names ("punkt 7", "item 4", "pkt. 5"), if any. */
function agendaNumber(rc: RelationContext, asks: ReadonlyMap<DecisionAsk, unknown>): number | undefined {
  if (!asks.has('agenda')) return undefined;
  const { tokens } = rc.u;
  const at = [...rc.lexicon.decisionWords.coverageEverywhere(tokens, new Set<DecisionAsk>(['agenda']))].sort((a, b) => a - b);
  const isMonth = (q: number) => MONTHS.has(tokens[q]?.form ?? '');
  for (const p of at) {
    // "punkt 7", "item no. 4", "sag nr 3": the number right after the word; never a day ("18 november").
    const q = ['nr', 'no', 'number', 'nummer'].includes(tokens[p + 1]?.form ?? '') ? p + 2 : p + 1;
    const form = tokens[q]?.form;
    if (form && /^\d{1,3}$/.test(form) && !isMonth(q + 1) && !isMonth(q - 1)) return Number(form);
  }
  return undefined;
}

/** The person or role that chairs a body: from a person's title, the body's own statements, a role's duties. */
export function chairOfBody(kb: KnowledgeBase, lexicon: Lexicon, bodyId: string, plain: (title: string) => boolean = () => true): { who: string; source: Source; host?: true } | undefined {
  const entry = kb.get(bodyId);
  if (!entry) return undefined;
  if (entry.kind === 'meetings' && entry.item.chair) {
    const chair = kb.get(entry.item.chair);
    if (chair) return { who: chair.kind === 'people' ? chair.item.name : displayName(chair, 'da'), source: entry.item.source };
  }
  const saysChair = (text: string) => lexicon.kinds.match(analyzeText(text)).has('chair');
  const bodyNames = ('names' in entry.item ? [entry.item.name, ...entry.item.names, entry.item.labelEn, ...entry.item.namesEn] : [])
    .map((n) => ` ${tokenize(n.replace(/\s*\(.*\)/, '')).join(' ')} `)
    .filter((n) => n.trim().length > 3);
  const namesBody = (text: string) => {
    const words = ` ${tokenize(text).join(' ')} `;
    return bodyNames.some((n) => words.includes(n));
  };
  // "Pædagogisk Udvikling er vært": a meeting's own words that say its unit hosts or chairs it.
  // (The chair's word next to the unit's name, within two words: "X er vært", "vært: X"; a unit named only as where it is
  // held, "holdes i Børnehuset Mågen; formand er ...", is not said to chair it.)
  if (entry.kind === 'meetings' && entry.item.unit && saysChair(entry.item.source.quote)) {
    const unit = kb.get(entry.item.unit);
    const words = analyzeText(foldText(entry.item.source.quote));
    const chairAt = [...lexicon.kinds.coverageOf(words, new Set(['chair' as const]))];
    const forms = words.map((w) => w.form);
    const spans = (unit ? namesOf(unit) : []).map((n) => tokenize(foldText(n))).filter((n) => n.length > 0 && n.join(' ').length > 2);
    const near = spans.some((name) => forms.some((_, i) => name.every((w, k) => forms[i + k] === w) && chairAt.some((c) => (c >= i + name.length && c <= i + name.length + 2) || (c < i && c >= i - 2))));
    if (unit && near) return { who: displayName(unit, 'da'), source: entry.item.source, host: true };
  }
  const chairs = chairIndexOf(kb, lexicon);
  // "formand for Familie- og Sundhedsudvalget": a person whose title says they chair the body.
  // (Only a title that names the chair plainly: "vice-chair of CenterMED" is another post.)
  const titled = chairs.titled.filter((p) => p.titles.some(namesBody) && p.titles.filter(namesBody).every(plain)).map((p) => p.person);
  if (titled.length === 1) return { who: titled[0]!.name, source: titled[0]!.source };
  // "Formand: Gitte Lassen", "Formand for udvalget er X": the body's own statements name the person.
  const own = [
    ...('description' in entry.item && entry.item.description ? [{ text: entry.item.description.da, source: entry.item.source }] : []),
    ...('facts' in entry.item ? (entry.item.facts as ReadonlyArray<{ da: string; source: Source }>).map((f) => ({ text: f.da, source: f.source })) : []),
  ];
  for (const statement of own) {
    if (!saysChair(statement.text)) continue;
    const words = ` ${tokenize(statement.text).join(' ')} `;
    const people = chairs.people.filter((p) => words.includes(p.words)).map((p) => p.person);
    if (people.length === 1) return { who: people[0]!.name, source: statement.source };
  }
  // "Sektorchefen er formand for Sektor-MED": a role whose duties say it chairs the body.
  const roles = chairs.chairing.filter((r) => r.duties.some(namesBody));
  if (roles.length === 1) {
    const { role, source } = roles[0]!;
    const holder = kb.data.people.find((p) => p.role === role.id);
    return { who: holder ? `${holder.name} (${role.name})` : role.name, source };
  }
  return undefined;
}

/** What `chairOfBody` reads of every person and role, worked out once per knowledge base and lexicon. */
interface ChairIndex {
  /** The people whose title says they chair something, with those titles (Danish, English), in order. */
  readonly titled: ReadonlyArray<{ readonly person: Person; readonly titles: readonly string[] }>;
  /** Every person with their name's words, padded (" gitte lassen "). */
  readonly people: ReadonlyArray<{ readonly person: Person; readonly words: string }>;
  /** The roles with a duty that says they chair something: those duties (Danish), and the first one's source. */
  readonly chairing: ReadonlyArray<{ readonly role: Role; readonly duties: readonly string[]; readonly source: Source }>;
}
const CHAIRS = new WeakMap<Lexicon, WeakMap<KnowledgeBase, ChairIndex>>();

/**
 * The people and roles that say they chair something, built once per knowledge base and lexicon, by the first question
 * that asks who chairs a body (not with the answerer: a lexicon match of every post's duties, 13-28 ms of the seed's build).
 */
export function chairIndexOf(kb: KnowledgeBase, lexicon: Lexicon): ChairIndex {
  let byKb = CHAIRS.get(lexicon);
  if (!byKb) CHAIRS.set(lexicon, (byKb = new WeakMap()));
  let index = byKb.get(kb);
  if (index) return index;
  const saysChair = (text: string) => lexicon.kinds.match(analyzeText(text)).has('chair');
  index = {
    titled: kb.data.people.map((person) => ({ person, titles: [person.title.da, person.title.en].filter(saysChair) })).filter((p) => p.titles.length > 0),
    people: kb.data.people.map((person) => ({ person, words: ` ${tokenize(person.name).join(' ')} ` })),
    chairing: kb.data.roles.flatMap((role) => {
      const duties = role.responsibilities.filter((d) => saysChair(d.da));
      return duties.length > 0 ? [{ role, duties: duties.map((d) => d.da), source: duties[0]!.source }] : [];
    }),
  };
  byKb.set(kb, index);
  return index;
}

/**
 * True when the word for a chair in the question is not narrowed by a word before it that the documents' own words for
 * the chair do not hold: a "vice chair" ("næstformand") is not the chair.
 */
function chairAskedPlainly(rc: RelationContext, said: string): boolean {
  const { tokens } = rc.u;
  const words = new Set(tokenize(said));
  const named = new Set(rc.subjects.flat().flatMap((l) => Array.from({ length: l.end - l.start }, (_, i) => l.start + i)));
  for (const p of rc.lexicon.kinds.coverageOf(tokens, new Set(['chair' as const]))) {
    const before = tokens[p - 1];
    if (!before || named.has(p - 1) || STOPWORDS.has(before.form) || rc.u.cuePositions.has(p - 1) || rc.lexicon.questionWords.has(before.form)) continue;
    if (!words.has(before.form)) return false;
  }
  return true;
}

/**
 * True when a text (a person's title) names the chair with no word before the chair's word that the question does not
 * say: "vice-chair of CenterMED" does not answer "who chairs CenterMED"; "chair of CenterMED" and "formand for" do.
 */
export function chairSaidPlainly(rc: RelationContext, text: string): boolean {
  const asked = new Set(rc.u.tokens.flatMap((tok) => [tok.form, ...tok.terms]));
  const words = analyzeText(foldText(text));
  for (const p of rc.lexicon.kinds.coverageOf(words, new Set(['chair' as const]))) {
    const before = words[p - 1];
    if (before && !STOPWORDS.has(before.form) && !asked.has(before.form) && !before.terms.some((t) => asked.has(t)) && !rc.lexicon.kinds.coverageOf(words, new Set(['chair' as const])).has(p - 1)) return false;
  }
  return true;
}

/** "Hvem er formand for udvalget?": the chair of a body the documents name in a title or statement. */
export function answerBodyChair(rc: RelationContext, bodyId: string): Answer | undefined {
  const chair = chairOfBody(rc.kb, rc.lexicon, bodyId, (title) => chairSaidPlainly(rc, title));
  if (!chair || !chairAskedPlainly(rc, chair.source.quote)) return undefined;
  const t = TEXTS[rc.u.lang];
  // (A unit that hosts a meeting is no chairperson: it runs it.)
  const headline = chair.host ? t.hostHeadline(chair.who, nameOf(rc.kb, bodyId, rc.u.lang, true)) : t.chairHeadline(chair.who, nameOf(rc.kb, bodyId, rc.u.lang, true));
  return composeAnswer(rc.kb, rc.u.lang, { kind: 'answer', headline, groups: [{ title: '', lines: [] }], sources: [chair.source], details: [], complete: false });
}

/** The vote asks in the order a question's headline answers them. */
const COUNT_ASKS = ['against', 'abstained', 'for'] as const;

/**
 * Answers a question about decisions; undefined when the question is not about one (or names items no decision
 * concerns, so that the other answerers and the search may try).
 */
export function answerDecisionQuestion(rc: RelationContext): Answer | undefined {
  const picked: DecisionEntry[] = [];
  const answer = decisionAnswer(rc, picked);
  if (answer && picked.length > 0) {
    const links: Link[] = [];
    // The words that asked for an attribute of it ("punkt", "stemte imod") are answered by it too.
    const askAt = rc.lexicon.decisionWords.coverageEverywhere(rc.u.tokens, new Set(DECISION_ASKS));
    rc.u.tokens.forEach((tok, i) => {
      if (askAt.has(i) || tok.form.length > 3 && !STOPWORDS.has(tok.form) && picked.some((e) => tok.terms.some((term) => e.terms.has(term)))) links.push({ id: picked[0]!.decision.id, kind: 'decisions', start: i, end: i + 1, quality: 0.9 });
    });
    DECISION_WORDS.set(answer, links);
  }
  return answer;
}

function decisionAnswer(rc: RelationContext, picked: DecisionEntry[]): Answer | undefined {
  const { u, kb } = rc;
  const asks = rc.lexicon.decisionWords.match(u.tokens);
  // "What does Chefgruppen decide on?": the body's own remit, before any decision that merely mentions it.
  const remit = asks.has('remit') ? remitAnswer(rc, asks) : undefined;
  if (remit) return remit;
  if (kb.data.decisions.length === 0) return undefined;
  const index = decisionIndexOf(kb);
  const decisionCue = u.kinds.has('decision');
  const voteAsked = asks.has('for') || asks.has('against') || asks.has('abstained') || asks.has('unanimous') || asks.has('vote');
  const links = rc.subjects.flat();
  const linked = new Set(links.filter((l) => l.quality >= 0.85).map((l) => l.id));
  const looseLinked = new Set(links.filter((l) => l.quality < 0.85 && l.kind !== 'decisions').map((l) => l.id));
  const namedDecision = new Set(links.filter((l) => l.kind === 'decisions' && l.quality >= 0.85).map((l) => l.id));
  // A decision read only loosely ("kvarterstrukturen" for its name with one word off) counts for less.
  const looselyNamed = new Set(links.filter((l) => l.kind === 'decisions' && l.quality < 0.85).map((l) => l.id));
  const agenda = agendaNumber(rc, asks);
  const days = namedDays(u.folded);
  // A question with a decision's word ("besluttede", "stemte") or one that names a decision, or one that asks an
  // attribute only a decision has (the vote, an agenda item, what was noted) of a body that decides or an item changed.
  // A body named as the one deciding ("hvad har Kontorledelsen godkendt") is not also the topic of the decisions that
  // change it; named after a topic word ("decided about Kredsforum") it is.
  const topicAt = rc.lexicon.topicWords.coverage(u.tokens);
  const bodyRead = new Set(links.filter((l) => l.quality >= 0.85 && index.bodies.has(l.id) && !topicAt.has(l.start - 1)).map((l) => l.id));
  const topics = [...linked].filter((id) => !bodyRead.has(id) || links.some((l) => l.id === id && topicAt.has(l.start - 1)));
  const bodyNamed = [...linked].some((id) => index.bodies.has(id));
  const touchedNamed = index.entries.some((e) => topics.some((id) => e.touched.has(id)));
  const attributeAsked = voteAsked || asks.has('noted');
  const dayOfDecision = days.length > 0 && index.entries.some((e) => days.some((day) => dayFits(day, e.decision.date)));
  // "Who chaired the FSU meeting where they moved dagplejen": a chair asked of a body's meeting about an item it changed.
  const chairOfMeeting = u.kinds.has('chair') && ((bodyNamed && (touchedNamed || dayOfDecision)) || dayOfDecision || (decisionCue && (touchedNamed || namedDecision.size > 0)));
  // An agenda item asked by its number, or the agenda of a day decisions were made.
  const agendaAsked = agenda !== undefined || (asks.has('agenda') && dayOfDecision);
  // A decision's name alone ("årshjulet", "the reorganisation") may be asked about as a thing: its definition, its parts.
  const effectAsked = rc.lexicon.effectWords.match(u.tokens).size > 0;
  // Why, who proposed it, from when: asked of a decision named ("did they follow the recommendation on the kvarterer").
  const namedAttribute = namedDecision.size > 0 && (effectAsked || asks.has('why') || asks.has('proposal'));
  // "Hvad sker der med Kyst", "what happens to the departments of Kyst": a word that something happens, asked (not when)
  // of an item a decision changes, is answered by that decision.
  // (Not a question about a time or a meeting: "what time does the dialogue meeting start" asks for its hour.)
  const changeAsked = touchedNamed && !u.askedWhen && !u.kinds.has('when') && u.dateKinds.size === 0 && !u.intents.has('meeting') && rc.lexicon.changeWords.match(u.tokens).size > 0;
  if (!decisionCue && !chairOfMeeting && !agendaAsked && !(attributeAsked && (namedDecision.size > 0 || bodyNamed || touchedNamed || dayOfDecision)) && !namedAttribute && !changeAsked) return undefined;
  // "How many deputies after the reorganisation?" counts; "who reports to X after it?" is a line: not the decision's.
  if ((u.intents.has('figure') && !voteAsked && !asks.has('agenda')) || (u.intents.has('reporting') && !voteAsked && agenda === undefined && !asks.has('noted'))) return undefined;
  // A chair asked of a meeting or body without a decision's day or item: the meeting answer gives it.
  if (u.kinds.has('chair') && !chairOfMeeting && namedDecision.size === 0 && agenda === undefined) return undefined;
  const t = TEXTS[u.lang];

  // The words of the question that say what it is about, besides cues and names.
  const nameAt = new Set(links.flatMap((l) => Array.from({ length: l.end - l.start }, (_, i) => l.start + i)));
  const askAt = new Set([...asks.values()].flatMap((m) => [...m.positions]));
  // A cue word of another kind may name the subject too ("årshjulet" is a word for dates) when a decision's words hold it;
  // a decision's own cue ("the restructuring") names one only as one of its names.
  const decisionCueAt = new Set(u.kinds.get('decision')?.positions ?? []);
  const effectAt = rc.lexicon.effectWords.coverage(u.tokens);
  const hitsAny = (terms: readonly string[]) => index.entries.some((e) => terms.some((term) => e.terms.has(term)));
  const words = u.tokens.filter((tok, i) => !decisionCueAt.has(i) && !effectAt.has(i) && (!u.cuePositions.has(i) || hitsAny(tok.terms)) && !askAt.has(i) && !nameAt.has(i) && tok.form.length > 3 && !STOPWORDS.has(tok.form) && !GENERIC_WORDS.has(tok.form) && !/^\d+$/.test(tok.form) && !rc.lexicon.questionWords.has(tok.form));
  const cueNames = (e: DecisionEntry) => u.tokens.some((tok, i) => decisionCueAt.has(i) && tok.terms.some((term) => e.nameTerms.has(term)));
  // "Hvornår blev årshjulet godkendt", "when was the årshjul approved" where no decision is about the annual calendar: a
  // word another kind of question uses as its cue ("årshjul" asks for dates) that names a thing the knowledge base knows
  // and that no decision says is what the question is about; with no decision named, another answer says it (the
  // document's own date), not a decision about something else.
  // (The words that ask when or for a date are no thing asked about, unless they name a document: "årshjulet".)
  const whenAt = new Set([...rc.lexicon.kinds.coverageOf(u.tokens, new Set(['when', 'dates'] as const))].filter((i) => !titleWordOfDocument(kb, u.tokens[i]!.form)));
  // (Said in any form the index reads it in: "husene" is the head of "børnehuse".)
  const saidByAny = (tok: (typeof u.tokens)[number]) => {
    if (hitsAny(tok.terms) || rc.ctx.index.queryTerms([tok]).some((q) => hitsAny(q.expansions.map((e) => e.term)))) return true;
    const heads = compoundHeadsOf(kb, index);
    return tok.terms.some((term) => term.length >= 3 && heads.has(term));
  };
  const unsaid = u.tokens.filter((tok, i) => u.cuePositions.has(i) && !whenAt.has(i) && !decisionCueAt.has(i) && !effectAt.has(i) && !askAt.has(i) && !nameAt.has(i) && tok.form.length > 3 && !STOPWORDS.has(tok.form) && !GENERIC_WORDS.has(tok.form) && !/^\d+$/.test(tok.form) && !MONTHS.has(tok.form) && !rc.lexicon.questionWords.has(tok.form) && rc.ctx.index.knows(tok.form) && !saidByAny(tok));
  // (So is a word of the question's own that no decision says, beside an item a decision changes: "hvornår godkendte
  // universrådet årshjulet" asks about the calendar, not the merger that changes the council.)
  for (const tok of words) if (!whenAt.has(u.tokens.indexOf(tok)) && rc.ctx.index.knows(tok.form) && !unsaid.includes(tok) && !saidByAny(tok)) unsaid.push(tok);
  if (unsaid.length > 0 && namedDecision.size === 0 && looselyNamed.size === 0 && agenda === undefined && days.length === 0 && !attributeAsked && !chairOfMeeting) return undefined;
  const said = (e: DecisionEntry) => words.filter((tok) => tok.terms.some((term) => e.terms.has(term))).length;
  const score = (e: DecisionEntry) =>
    (namedDecision.has(e.decision.id) ? 4 : looselyNamed.has(e.decision.id) ? 1.5 : 0) +
    [...linked].filter((id) => e.touched.has(id)).length * 2 +
    // A name read only loosely ("dialogue meetings" for the committee's dialogue meeting) says less.
    [...looseLinked].filter((id) => e.touched.has(id)).length * 0.5 +
    (linked.has(e.decision.body) ? 1 : 0) +
    said(e) +
    (agenda !== undefined && e.agendaItem === agenda ? 6 : 0) +
    (cueNames(e) ? 1 : 0);

  let candidates = [...index.entries];
  if (rc.municipalities.size > 0) {
    const inScope = candidates.filter((e) => !e.decision.municipality || rc.municipalities.has(e.decision.municipality));
    if (inScope.length > 0) candidates = inScope;
  }
  // The day(s) named: each must be the day of the decision or the day it applies from.
  if (days.length > 0) candidates = candidates.filter((e) => days.every((day) => dayFits(day, e.decision.date) || dayFits(day, e.decision.appliesFrom)));
  else if (u.range) {
    const { from, to } = u.range;
    const within = (iso: string | undefined, a: string, b: string) => iso !== undefined && iso >= a && iso <= b;
    let fit = candidates.filter((e) => within(e.decision.date, from, to) || within(e.decision.appliesFrom, from, to));
    // "Hvad besluttede udvalget i november?": a period without a year is whichever year the data has it in.
    if (fit.length === 0 && !u.tokens.some((tok) => /^(19|20)\d{2}$/.test(tok.form)) && from.slice(5) <= to.slice(5)) {
      const [a, b] = [from.slice(5), to.slice(5)];
      fit = candidates.filter((e) => within(e.decision.date.slice(5), a, b) || within(e.decision.appliesFrom?.slice(5), a, b));
    }
    candidates = fit;
  }
  if (agenda !== undefined) {
    candidates = candidates.filter((e) => e.agendaItem === agenda);
    if (candidates.length === 0) return unknownAnswer(rc.ctx, u.lang, t.noAgenda(agenda));
  }
  // What was only taken note of ("til efterretning", "orientering"): the decisions whose own words say so.
  if (asks.has('noted')) {
    const noted = candidates.filter((e) => rc.lexicon.decisionWords.match(analyzeText(e.text)).has('noted'));
    if (noted.length > 0) candidates = noted;
  }
  // A body or changed item named narrows to its decisions; a decision named to itself.
  if (namedDecision.size > 0 && candidates.some((e) => namedDecision.has(e.decision.id))) candidates = candidates.filter((e) => namedDecision.has(e.decision.id) || [...linked].some((id) => e.touched.has(id)));
  else if (touchedNamed && candidates.some((e) => topics.some((id) => e.touched.has(id)))) {
    // The decisions about an item named, and those the question's own words or a loose name point at as well.
    candidates = candidates.filter((e) => [...topics, ...looseLinked].some((id) => e.touched.has(id)) || said(e) >= 2);
  }
  else if (bodyNamed && candidates.some((e) => linked.has(e.decision.body))) candidates = candidates.filter((e) => linked.has(e.decision.body));
  else if (links.some((l) => l.quality >= 0.9 && l.kind !== 'municipalities') && agenda === undefined && days.length === 0 && words.every((w) => !index.entries.some((e) => w.terms.some((term) => e.terms.has(term))))) {
    // Items named that no decision concerns, and no word of any decision: another answerer's question.
    return undefined;
  }
  if (candidates.length === 0) return unknownAnswer(rc.ctx, u.lang, t.noDecision);

  // "From when does the reorganisation apply?": a decision with a first day, the one that changes most.
  const fromWhen = rc.lexicon.effectWords.match(u.tokens).size > 0;
  const rank = (e: DecisionEntry) => score(e) + (fromWhen && e.decision.appliesFrom ? 1 + e.decision.changes.length / 10 : 0);
  candidates.sort((a, b) => rank(b) - rank(a) || b.decision.date.localeCompare(a.decision.date));
  // "Which of the decisions were unanimous / had votes against": the list, filtered by the vote.
  const listAsked = rc.lexicon.whichWords.match(u.tokens).size > 0 && (decisionWordPlural(u.folded) || days.length > 0) && !namedDecision.size;
  if (listAsked && voteAsked) {
    const fits = (e: DecisionEntry) => {
      const v = e.decision.vote;
      if (asks.has('unanimous')) return v?.unanimous === true;
      if (asks.has('against')) return (v?.against ?? 0) > 0;
      if (asks.has('abstained')) return (v?.abstained ?? 0) > 0;
      return v !== undefined;
    };
    const chosen = candidates.filter(fits);
    picked.push(...chosen);
    if (chosen.length === 0) return unknownAnswer(rc.ctx, u.lang, t.noDecision);
    const lines = chosen.map((e) => `${describe(rc, e.decision)} ${voteLine(rc, e.decision) ?? ''}`.trim());
    return answerWith(rc, lines[0]!, lines.slice(1), chosen.map((e) => e.decision.source));
  }
  // "Which of the 18 Nov decisions take effect on 1 August": every decision that fits, each with its first day.
  if (listAsked && !voteAsked && candidates.length > 1 && agenda === undefined && !u.kinds.has('chair')) {
    picked.push(...candidates);
    const lines = candidates.map((e) => (fromWhen && e.decision.appliesFrom ? t.appliesHeadline(shortDate(e.decision.appliesFrom, u.lang), displayName({ kind: 'decisions', item: e.decision }, u.lang)) : describe(rc, e.decision)));
    return answerWith(rc, lines[0]!, [...lines.slice(1), ...candidates.flatMap((e) => e.decision.decided.map((s) => s[u.lang]))], candidates.map((e) => e.decision.source));
  }
  const best = candidates[0]!;
  // Only the body named ("hvad besluttede udvalget om X") and none of the question's own words in the decision: the
  // documents hold no decision about X, and the body's other decisions would answer something else.
  const specific = namedDecision.has(best.decision.id) || looselyNamed.has(best.decision.id) || [...linked].some((id) => best.touched.has(id)) || agenda !== undefined || days.length > 0 || u.range !== undefined;
  // Asked of a decision's attribute (the vote, an agenda item), no decision fits; otherwise another answerer may.
  // (Asked what a body decided about a thing none of its decisions concerns: none of them.)
  if (!specific && words.length > 0 && said(best) === 0 && !cueNames(best)) return attributeAsked || agendaAsked || (decisionCue && bodyNamed) ? unknownAnswer(rc.ctx, u.lang, t.noDecision) : undefined;
  picked.push(best);
  const top = rank(best);
  const tied = candidates.filter((e) => rank(e) === top);
  const d = best.decision;
  const name = displayName({ kind: 'decisions', item: d }, u.lang);
  const body = nameOf(kb, d.body, u.lang, true);
  const day = shortDate(d.date, u.lang);
  const vote = voteLine(rc, d);
  // The points that name an item the question is about come first ("what was decided about Pædagogisk Udvikling": the
  // point on its team leader's line before those on the networks).
  const topicNames = topics.flatMap((id) => { const e = kb.get(id); return e ? namesOf(e).map((n) => foldText(n)).filter((n) => n.length > 2) : []; });
  const namesTopic = (text: string) => topicNames.some((n) => foldText(text).includes(n));
  const points = [...d.decided.filter((s) => namesTopic(`${s.da} ${s.en}`)), ...d.decided.filter((s) => !namesTopic(`${s.da} ${s.en}`))].map((s) => s[u.lang]);
  const others = candidates.slice(1).map((e) => describe(rc, e.decision));
  const sources = [d.source, ...d.decided.slice(0, 2).map((s) => s.source)];
  const membersLine = membersOf(rc, d.body);
  const yesNo = asks.has('yes-no') && (namedDecision.has(d.id) || [...linked].some((id) => best.touched.has(id)) || said(best) > 0);

  // The votes: for, against, abstained; unanimity.
  const counted = COUNT_ASKS.filter((a) => asks.has(a));
  if (asks.has('unanimous') && counted.length === 0) {
    const v = d.vote;
    const headline = !v || (v.unanimous === undefined && v.against === undefined && v.abstained === undefined)
      ? t.noVote(name)
      : v.unanimous
        ? t.unanimousYes(name)
        : t.unanimousNo(name, t.votes(v.for, v.against, v.abstained));
    return answerWith(rc, headline, [describe(rc, d), ...(vote && !v?.unanimous ? [vote] : []), ...others], sources, !v ? 'unknown' : 'answer');
  }
  if (counted.length > 0) {
    const v = d.vote;
    const value = (a: (typeof COUNT_ASKS)[number]) => {
      const n = v?.[a];
      if (n !== undefined) return n;
      // Unanimous: everyone voted for, no one against or abstaining.
      return v?.unanimous && a !== 'for' ? 0 : undefined;
    };
    // (Unanimous without a count: everyone voted for it, which the minutes do say.)
    const sentences = counted.map((a) => (value(a) !== undefined ? t.count(value(a)!, a, name) : a === 'for' && v?.unanimous ? t.allFor(name) : t.noCount(a, name)));
    // The count first, then the vote as the minutes give it (which may say what the counts leave open).
    const headline = vote ? `${sentences.join(' ')} ${vote}` : sentences.join(' ');
    const known = counted.some((a) => value(a) !== undefined) || vote !== undefined;
    return answerWith(rc, headline, [describe(rc, d), ...(membersLine ? [membersLine] : [])], sources, known ? 'answer' : 'unknown');
  }
  if (asks.has('vote')) {
    if (!vote) return answerWith(rc, t.noVote(name), [describe(rc, d)], sources, 'unknown');
    return answerWith(rc, t.voteHeadline(name, voteText(rc, d)), [describe(rc, d), ...(membersLine ? [membersLine] : []), ...points], sources);
  }
  // The chair of the meeting where it was decided: the body's chair.
  if (u.kinds.has('chair')) {
    const found = chairOfBody(kb, rc.lexicon, d.body);
    const chair = found && chairAskedPlainly(rc, found.source.quote) ? found : undefined;
    if (!chair) return answerWith(rc, t.noChair(body), [t.meetingOf(body, day, name)], sources, 'unknown');
    return answerWith(rc, t.chairHeadline(chair.who, body), [t.meetingOf(body, day, name)], [chair.source, ...sources]);
  }
  // Why: the facts about the decision (its background); the vote's own words may give a reason too.
  if (asks.has('why') && !fromWhen) {
    const background = best.facts.map((f) => f.text[u.lang]);
    if (background.length > 0) return answerWith(rc, background[0]!, [...background.slice(1), describe(rc, d), ...points], [...best.facts.map((f) => f.source), ...sources]);
  }
  // Who proposed it: the minutes' decision gives the body only; a fact about the decision may say more.
  if (asks.has('proposal') && u.askedWho) return answerWith(rc, t.noProposal(name), [describe(rc, d), ...points], sources, 'unknown');
  // From when it applies.
  if (fromWhen && !u.askedWho) {
    if (!d.appliesFrom) return answerWith(rc, t.noAppliesFrom(name, day), points, sources, 'unknown');
    const lines = [describe(rc, d), ...points];
    const headline = t.appliesHeadline(shortDate(d.appliesFrom, u.lang), name);
    const also = tied.slice(1).filter((e) => e.decision.appliesFrom).map((e) => t.appliesHeadline(shortDate(e.decision.appliesFrom!, u.lang), displayName({ kind: 'decisions', item: e.decision }, u.lang)));
    return answerWith(rc, headline, [...also, ...lines, ...(vote ? [vote] : [])], sources);
  }
  if (agenda !== undefined) {
    return answerWith(rc, t.agenda(agenda, body, day, name), [...points, ...(vote ? [vote] : []), ...others], sources);
  }
  // "What was on the agenda on 18 November?": every item decided that day, in the order of the agenda.
  if (asks.has('agenda') && candidates.length > 1) {
    const items = [...candidates].sort((a, b) => (a.agendaItem ?? 999) - (b.agendaItem ?? 999));
    picked.push(...items);
    const lines = items.map((e) => `${e.agendaItem !== undefined ? `${u.lang === 'da' ? 'Punkt' : 'Item'} ${e.agendaItem}: ` : ''}${displayName({ kind: 'decisions', item: e.decision }, u.lang)}`);
    return answerWith(rc, t.agendaList(body, day, items.length), lines, items.map((e) => e.decision.source), 'answer', true);
  }
  // A statement of the minutes about a changed item that says more of what is asked than any point leads
  // ("which house won't get a deputy": "Myretuen still has no deputy after the change").
  const hitsOf = (terms: ReadonlySet<string>) => words.filter((tok) => tok.terms.some((term) => terms.has(term))).length;
  const pointHits = Math.max(0, ...d.decided.map((p) => hitsOf(new Set([...tokenize(p.da), ...tokenize(p.en)].flatMap((w) => stemsOf(w))))));
  const leading = [...best.said].map((x) => ({ x, hits: hitsOf(x.terms) })).filter((x) => x.hits > pointHits).sort((a, b) => b.hits - a.hits)[0];
  if (leading) return answerWith(rc, leading.x.text[u.lang], [describe(rc, d), ...points, ...(vote ? [vote] : [])], [leading.x.source, ...sources]);
  // What was decided (with when, from when and the vote).
  const headline = describe(rc, d);
  // Decisions that fit as well (all of a day when nothing tells them apart) come before the first one's points.
  const alike = tied.slice(1).map((e) => describe(rc, e.decision));
  return answerWith(rc, yesNo ? t.yes(headline) : headline, [...alike, ...(vote ? [vote] : []), ...points, ...others], sources);
}

/**
 * "Hvad beslutter Chefgruppen?", "what does Sektorledelsen decide on": a body's standing remit, asked in the present
 * tense, is what its own statements (a group's or post's responsibilities, a unit's facts) say it decides. Undefined
 * when the question is in the past tense, asks a vote, an agenda item or a day, or no item named has such a statement.
 */
function remitAnswer(rc: RelationContext, asks: ReadonlyMap<DecisionAsk, unknown>): Answer | undefined {
  const { u, kb } = rc;
  if (u.tokens.some((tok) => rc.lexicon.pastWords.has(tok.form)) || u.range !== undefined || namedDays(u.folded).length > 0) return undefined;
  if (['for', 'against', 'abstained', 'unanimous', 'vote', 'agenda', 'noted'].some((a) => asks.has(a as DecisionAsk))) return undefined;
  const links = rc.subjects.flat().filter((l) => l.quality >= 0.85);
  if (links.some((l) => l.kind === 'decisions')) return undefined;
  const decides = (text: string) => {
    const tokens = analyzeText(foldText(text));
    return rc.lexicon.kinds.match(tokens).has('decision') || rc.lexicon.decisionWords.match(tokens).has('remit');
  };
  for (const link of links) {
    const entry = kb.get(link.id);
    const own = entry?.kind === 'roles' || entry?.kind === 'leadershipGroups' ? entry.item.responsibilities : entry?.kind === 'units' ? entry.item.facts : [];
    const fit = own.filter((s) => decides(s.da) || decides(s.en));
    if (fit.length === 0) continue;
    const lines = fit.map((s) => s[u.lang]);
    return composeAnswer(kb, u.lang, { kind: 'answer', headline: lines[0]!, groups: [{ title: '', lines: lines.slice(1) }], sources: fit.map((s) => s.source), details: [] });
  }
  return undefined;
}

/** True when the question speaks of decisions in the plural ("beslutninger", "decisions"). */
function decisionWordPlural(folded: string): boolean {
  return /\b(?:beslutning(?:er|erne)|decisions|vedtagelser|resolutions)\b/.test(folded);
}

function describe(rc: RelationContext, d: Decision): string {
  const t = TEXTS[rc.u.lang];
  const line = t.decided(nameOf(rc.kb, d.body, rc.u.lang, true), shortDate(d.date, rc.u.lang), displayName({ kind: 'decisions', item: d }, rc.u.lang));
  return d.appliesFrom ? line.replace(/\.$/, ` (${t.applies(shortDate(d.appliesFrom, rc.u.lang))}).`) : line;
}

/** The vote as the minutes give it, or as counts; that no one abstained when they count it. */
function voteText(rc: RelationContext, d: Decision): string {
  const t = TEXTS[rc.u.lang];
  const v = d.vote!;
  const none = v.abstained === 0 ? ` ${t.noneAbstained}` : '';
  if (v.text) return `${v.text[rc.u.lang]}${none}`;
  return `${v.unanimous ? (rc.u.lang === 'da' ? 'enstemmigt' : 'unanimous') : t.votes(v.for, v.against, v.abstained)}.${none}`;
}

function voteLine(rc: RelationContext, d: Decision): string | undefined {
  return d.vote ? TEXTS[rc.u.lang].vote(voteText(rc, d)) : undefined;
}

/** "Udvalget har 9 medlemmer": the body's own count of members, beside a vote. */
function membersOf(rc: RelationContext, bodyId: string): string | undefined {
  const entry = rc.kb.get(bodyId);
  if (entry?.kind !== 'units') return undefined;
  const figure = entry.item.figures.find((f) => f.metric === 'members');
  return figure ? TEXTS[rc.u.lang].members(nameOf(rc.kb, bodyId, rc.u.lang, true), figure.value) : undefined;
}

/** The question's words that an answer's decision explains (its own words), by answer: the floor counts them as naming it. */
const DECISION_WORDS = new WeakMap<Answer, Link[]>();

/** The links for the question's words that name the decision an answer is about ("flytte" of "flytningen"), if any. */
export function decisionWordLinks(answer: Answer): readonly Link[] {
  return DECISION_WORDS.get(answer) ?? [];
}

function answerWith(rc: RelationContext, headline: string, lines: readonly string[], sources: readonly Source[], kind: Answer['kind'] = 'answer', complete = false): Answer {
  const shown = unique(lines.filter((l) => l && l !== headline));
  return composeAnswer(rc.kb, rc.u.lang, { kind, headline, groups: [{ title: '', lines: shown }], sources, details: [], complete });
}

