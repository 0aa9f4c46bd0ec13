/**
 * Programmes and tools a unit, role or municipality uses; the parts of a concept or policy.
 */
import { displayName } from '../facts.js';
import { capitalize, joinList } from '../phrases.js';
import type { Answer } from '../types.js';
import type { Programme } from '../../knowledge/schemas.js';
import { done, name, sourceOf, within, type RelationContext } from './context.js';
import { TEXTS } from './texts.js';
import { analyzeText, primaryStem, STOPWORDS, tokenize } from '../normalize.js';
import { countedPositions } from '../understand.js';
import { unique } from '../answer-context.js';
import { ownStatementsAnswer, policyIndexOf } from './policies.js';
import { statesMetric } from '../figure-owners.js';
import type { Link } from '../linking.js';

// ---------------------------------------------------------------------------------------------
// Programmes and tools a unit, role or municipality uses

export function answerProgrammesRelation(rc: RelationContext): Answer | undefined {
  const { u, kb } = rc;
  const audience = answerProgrammeAudience(rc);
  if (audience) return audience;
  const t = TEXTS[u.lang];
  const subject = rc.subjects.flat().find((l) => l.kind === 'units' || l.kind === 'roles') ?? undefined;
  // "Bruges BLIK i Ålekisten?": a programme named with a unit: used there when used by it or a unit it belongs to.
  const programme = rc.subjects.flat().find((l) => l.kind === 'programmes' && l.quality >= 0.9);
  const withUnit = programme !== undefined && subject?.kind === 'units' && subject.quality >= 0.9;
  // "Er Havnen med i Sprogkufferten?", "is X part of <programme>": asked yes or no whether a unit is part of a programme
  // named (nothing else asked) is asked whether it uses it.
  const partAsked = withUnit && programmePartAsked(rc);
  if (!u.intents.has('programme') && !partAsked) return undefined;
  if (u.intents.has('reporting')) return undefined;
  // "From when will Område Vest use KLAR": a day asked for (a kind of date named) is the calendar's, not where it is used.
  if (u.askedWhen && u.dateKinds.size > 0) return undefined;
  if (programme && withUnit && subject) {
    const item = kb.get(programme.id)?.item as Programme;
    const facts = item.facts.map((f) => f[u.lang]);
    const where = item.usedBy.includes(subject.id) ? subject.id : item.usedBy.find((id) => within(kb, subject.id, id));
    const title = displayName({ kind: 'programmes', item }, u.lang);
    if (where) {
      const headline = where === subject.id ? t.usedIn(title, name(kb, where, u.lang, false)) : t.usedInAbove(title, name(kb, where, u.lang, false), name(kb, subject.id, u.lang, false));
      // (Asked yes or no, "bruges X i Y", "is Y part of X": the answer says yes first, when the unit itself uses it; used
      // by a unit above it is no yes for every unit under that.)
      // (Not when it asks which of two: "is X something PU uses or the houses".)
      const yes = partAsked && where === subject.id && !rc.lexicon.compareWords.match(u.tokens).has('or') ? t.yes : '';
      return done(rc, 'answer', `${yes}${headline}`, facts, [item.source, ...item.facts.map((f) => f.source)].slice(0, 3));
    }
    if (item.usedBy.length > 0) return done(rc, 'answer', t.usedIn(title, joinList(item.usedBy.map((id) => name(kb, id, u.lang, false)), u.lang)), facts, [item.source, ...item.facts.map((f) => f.source)].slice(0, 3));
  }
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

/**
 * True when the question asks yes or no whether something is part of or takes part in what it names ("er X med i Y",
 * "is X part of Y", "bruger X Y"): a yes/no opening, with no kind asked but membership.
 */
function programmePartAsked(rc: RelationContext): boolean {
  const { u } = rc;
  if ([...u.kinds.keys()].some((k) => k !== 'membership') || u.attributes.length > 0) return false;
  return rc.lexicon.yesNoWords.match(u.tokens).size > 0;
}

/**
 * "Hvad er Madværkstedet og hvem skal tage det?", "who is X for": a programme named, asked what it is and who it is for
 * (or only who): what the documents say it is, who uses it, and its facts.
 */
function answerProgrammeAudience(rc: RelationContext): Answer | undefined {
  const { u, kb } = rc;
  // "Which houses use Legeløftet?", "hvor bruges X": where it is used, asked of it alone (a which-word before the kind of
  // thing asked for, whatever that word may also name, or a word asking where).
  const thingAt = [...rc.lexicon.whichWords.match(u.tokens).values()]
    .map((m) => Math.max(...m.positions) + 1)
    .filter((p) => u.tokens[p] !== undefined && !STOPWORDS.has(u.tokens[p]!.form) && !u.cuePositions.has(p));
  const links = rc.subjects.flat().filter((l) => l.quality >= 0.9 && !thingAt.some((p) => p >= l.start && p < l.end));
  const whereAsked = thingAt.length > 0 || rc.lexicon.placeWords.match(u.tokens).size > 0;
  if (!(u.kinds.has('who') || u.askedWho || whereAsked) || [...u.kinds.keys()].some((k) => !['who', 'definition', 'programme', 'holder'].includes(k)) || u.attributes.length > 0) return undefined;
  if (links.length === 0 || links.some((l) => l.kind !== 'programmes') || new Set(links.map((l) => l.id)).size !== 1) return undefined;
  const item = kb.get(links[0]!.id)?.item as Programme;
  if (!item.description && item.usedBy.length === 0) return undefined;
  const t = TEXTS[u.lang];
  const title = displayName({ kind: 'programmes', item }, u.lang);
  const posts = item.usedBy.filter((id) => kb.get(id)?.kind === 'roles');
  const places = item.usedBy.filter((id) => !posts.includes(id));
  const byPosts = posts.length > 0 ? [t.usedBy(title, joinList(posts.map((id) => name(kb, id, u.lang, false)), u.lang))] : [];
  const inPlaces = places.length > 0 ? [t.usedIn(title, joinList(places.map((id) => name(kb, id, u.lang, false)), u.lang))] : [];
  const used = whereAsked && !u.askedWho ? [...inPlaces, ...byPosts] : [...byPosts, ...inPlaces];
  if (whereAsked && !(u.kinds.has('who') || u.askedWho)) {
    if (used.length === 0) return undefined;
    return done(rc, 'answer', used.join(' '), [...(item.description ? [`${capitalize(title)}: ${item.description[u.lang]}`] : []), ...item.facts.map((f) => f[u.lang])], [item.source, ...item.facts.map((f) => f.source)].slice(0, 3));
  }
  const headline = item.description ? `${capitalize(title)}: ${item.description[u.lang]}` : used[0]!;
  return done(rc, 'answer', headline, [...(item.description ? used : []), ...item.facts.map((f) => f[u.lang])], [item.source, ...item.facts.map((f) => f.source)].slice(0, 3));
}

// ---------------------------------------------------------------------------------------------
// The parts of a concept or policy ("de tre pejlemærker i læringsstrategien")

export function answerParts(rc: RelationContext): Answer | undefined {
  const { u, kb, queries } = rc;
  if (u.intents.has('reporting') || u.intents.has('dates') || u.intents.has('contact')) return undefined;
  for (const link of rc.subjects.flat()) {
    if (link.kind !== 'concepts' && link.kind !== 'policies' && link.kind !== 'programmes') continue;
    let whole = link.id;
    let parts = queries.conceptsIn(link.id);
    if (parts.length === 0) continue;
    // A policy whose one part is a list ("MED-aftalen" -> "seks nøglebegreber"): asked for six, that list's parts answer.
    while (parts.length === 1 && u.cardinal !== undefined && u.cardinal !== 1 && queries.conceptsIn(parts[0]!.id).length > 0) {
      whole = parts[0]!.id;
      parts = queries.conceptsIn(whole);
    }
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
    // One part is no list: "hvad er MED-aftalen?" asks what the whole is, not the name of its one part.
    if (u.cardinal === undefined && parts.length === 1 && u.kinds.has('definition')) continue;
    const t = TEXTS[u.lang];
    const names = parts.map((c) => displayName({ kind: 'concepts', item: c }, u.lang));
    const lines = parts.filter((c) => c.description).map((c) => `${displayName({ kind: 'concepts', item: c }, u.lang)}: ${c.description![u.lang]}`);
    return done(rc, 'answer', t.parts(name(kb, whole, u.lang, false), joinList(names, u.lang)), lines, [...sourceOf(kb, whole), ...parts.map((c) => c.source)].slice(0, 3));
  }
  return undefined;
}

/** The kinds of item that state counts only in their own words (no figures of their own). */
const STATEMENT_KINDS: ReadonlySet<string> = new Set(['programmes', 'policies', 'concepts']);
/**
 * The kinds of item whose own statements give numbers of a post rather than counts of a thing: a role's conditions and
 * a posting's ("mindst 12 timer om ugen i børnegrupperne", "a function allowance of DKK 28,000 a year", "37 timer om
 * ugen"). A unit named beside one says where the post is, not whose count is asked.
 */
const POST_KINDS: ReadonlySet<string> = new Set(['roles', 'postings']);
/** How many words (besides function words) after a number may name what it counts ("4-6 børn", "at most 4 children"). */
const COUNT_SPAN = 2;
/** A year, in a post's statements: no count of anything. */
const YEAR = /^(19|20)\d{2}$/;
/** How many words before a number may name what it measures ("et funktionstillæg på 28.000 kr.", "an allowance of DKK 28,000"). */
const MEASURE_SPAN = 3;

/**
 * "how many kids per group in Læsekrogen", "hvor mange børn er der i en legegruppe i Legeløftet": a count asked of a
 * programme, policy or concept named surely, which have no figures of their own: its own statements that give a number
 * of the thing counted (the metric asked for, or the word counted, by stem) answer, before any figure of a unit around
 * it. Undefined when another item is named surely beside it (that item's count is asked) or no statement gives one.
 * So for a post (a role, or a posting) named surely: "hvor mange timer om ugen skal vicelederen være i børnegrupperne",
 * "hvor stort er funktionstillægget": its statements, and its postings', that give a number of the word counted, or a
 * number right after the word measured ("how big" of a word that no figure counts).
 */
export function answerCountInStatements(rc: RelationContext): Answer | undefined {
  const { u, kb } = rc;
  if (!u.intents.has('figure') || u.askedWhen) return undefined;
  const sure = rc.subjects.flat().filter((l) => l.quality >= 0.9);
  // (A post is one only as the best reading of its words: "vuggestuer" names a house before the post of its leader.)
  const posts = rc.subjects.filter((g) => g[0] !== undefined && POST_KINDS.has(g[0].kind) && g[0].quality >= 0.9).map((g) => g[0]!);
  const link = sure.find((l) => STATEMENT_KINDS.has(l.kind)) ?? (posts.length === 1 ? posts[0] : undefined);
  if (!link) return undefined;
  const post = POST_KINDS.has(link.kind);
  const besides = (l: Link) => l.kind === 'municipalities' || (post && (l.kind === 'units' || l === link || rc.subjects.some((g) => g.includes(l) && g[0] !== l)));
  if (sure.some((l) => !STATEMENT_KINDS.has(l.kind) && !besides(l))) return undefined;
  const countedByCue = countedPositions(u.tokens, u.kinds.get('figure')?.positions ?? [], rc.lexicon);
  const countedAt = [...new Set([...[...u.metricAt.values()].flat(), ...countedByCue])];
  const units = sure.filter((l) => l.kind === 'units' && rc.subjects.some((g) => g[0] === l)).map((l) => l.id);
  if (post) {
    // "Hvor mange områdeledere", "how many children in Engly": the post's people counted, or a count a unit named states
    // itself, is the figures' to answer, not a number in the post's statements.
    if (countedByCue.some((p) => p >= link.start && p < link.end)) return undefined;
    // (So is a metric some figure states, "hvor mange ledere har børnechefen": a figure has its day, a statement none; and
    // a day or a change asked about, which a post's statements do not date.)
    if (u.metrics.some((m) => statesMetric(kb, m))) return undefined;
    if (u.day !== undefined || u.range !== undefined || u.kinds.has('after-change') || u.kinds.has('before-change')) return undefined;
  }
  // "Hvor stort er funktionstillægget", "how big is the allowance": of a post, the word a size word asks about is measured.
  const measuredAt = post ? sizedPositions(rc) : [];
  const stems = new Set(countedAt.map((p) => primaryStem(u.tokens[p]?.form ?? '')).filter((s) => s.length >= 3));
  const measured = new Set(measuredAt.map((p) => primaryStem(u.tokens[p]!.form)).filter((s) => s.length >= 4));
  if (stems.size === 0 && measured.size === 0 && u.metric === undefined) return undefined;
  // (A year is no count: "evalueringen fra 2025 viste, at områdelederne ...".)
  const isNumber = (w: string) => (/^\d+$/.test(w) && !(post && YEAR.test(w))) || Object.hasOwn(rc.lexicon.numbers, w);
  const fits = (w: string) => stems.has(primaryStem(w)) || (u.metric !== undefined && rc.lexicon.metrics.match(analyzeText(w)).has(u.metric));
  const names = (w: string) => [...measured].some((stem) => partOf(w, stem));
  const counts = (text: string) => {
    const words = tokenize(text);
    return words.some((w, i) => {
      if (!isNumber(w) || (!/\d/.test(w) && STOPWORDS.has(w))) return false;
      const after: string[] = [];
      // (A word of a rate after the number, "30.000 kr. om året", "a function allowance of DKK 28,000 a year", counts nothing.)
      for (let k = i + 1; k < words.length && after.length < COUNT_SPAN; k++) if (!STOPWORDS.has(words[k]!) && !isNumber(words[k]!)) after.push(rc.lexicon.rateWords.has(words[k - 1]!) ? '' : words[k]!);
      if (after.some(fits)) return true;
      return measured.size > 0 && words.slice(Math.max(0, i - MEASURE_SPAN), i).some(names);
    });
  };
  // The question's other words ("per group", "i en legegruppe") say which number of the statement is asked: each must be
  // said by it (by stem, or as a compound's part). With none, a number of the thing in a statement ("a group of 4
  // children") is no count of all of it ("how many children use Legeløftet").
  // (A word the link was widened over that is no word of the item's own names, "legegruppe i Legeløftet", is one of them.
  // Of a post, the words that name it or its unit, and the words asked about by size, are said by the post; a word of
  // three letters or fewer only places it: "være ude i børnegrupperne".)
  const own = rc.ctx.ownTerms(link.id);
  const inLink = (p: number) => p >= link.start && p < link.end && u.tokens[p]!.terms.some((t) => own.has(t));
  const namedAt = (p: number) => post && sure.some((l) => besides(l) && p >= l.start && p < l.end);
  const metricAt = new Set([...u.metricAt.values()].flat());
  const other = u.tokens
    .filter((t, p) => !inLink(p) && !namedAt(p) && !measuredAt.includes(p) && !u.cuePositions.has(p) && !metricAt.has(p) && !STOPWORDS.has(t.form) && !rc.lexicon.distributiveWords.has(t.form) && !u.intentWords.has(t.form) && !(post && asking(rc, t.form)) && t.form.length >= (post ? 4 : 3) && !/\d/.test(t.form))
    .map((t) => t.form);
  if (other.length === 0 && !post) return undefined;
  const says = (text: string, w: string) => {
    const stem = primaryStem(w);
    return tokenize(text).some((x) => primaryStem(x) === stem || (stem.length >= 4 && x.length > stem.length && (x.endsWith(stem) || x.startsWith(stem))));
  };
  // A post's statements, and those of the postings for it (of the unit named, when one is): the hours and pay of a post
  // are often said only in its posting.
  const postings = link.kind === 'roles' ? kb.data.postings.filter((p) => p.role === link.id && (units.length === 0 || (p.unit !== undefined && units.includes(p.unit)))).map((p) => p.id) : [];
  const owners = post ? unique([link.id, ...sure.filter((l) => POST_KINDS.has(l.kind)).map((l) => l.id), ...postings]) : [link.id];
  const facts = owners
    .flatMap((id) => rc.ctx.index.ownedBy(id))
    .filter((f) => (counts(f.text.da) || counts(f.text.en)) && other.every((w) => says(f.text.da, w) || says(f.text.en, w)));
  if (facts.length === 0) return undefined;
  // (Named by the item whose statement answers: a posting's name says the unit it is at.)
  const title = name(kb, facts[0]!.owner, u.lang, false);
  return done(rc, 'answer', `${capitalize(title)}: ${facts[0]!.text[u.lang]}`, facts.slice(1).map((f) => f.text[u.lang]), unique(facts.map((f) => f.source)).slice(0, 3));
}

/** Kinds of question a programme's own statements may answer: when, how often, how long, how many (of it, no relation). */
const STATEMENT_SLOT_KINDS: ReadonlySet<string> = new Set(['when', 'dates', 'frequency', 'figure', 'total', 'programme', 'responsibility', 'requirement', 'condition']);

/**
 * "Hvor tit laver børnene Tumlestien?", "hvornår bliver Tumlestien evalueret", "how long are the kids out in Udeliv": a
 * programme named surely (nothing else), asked when, how often or how many: its own statements (what it is, its facts
 * and the facts about it) that state a time or a number and say the question's other words, as a policy's statements
 * answer (policies.ts `ownStatementsAnswer`).
 */
export function answerProgrammeStatements(rc: RelationContext): Answer | undefined {
  const { u, kb } = rc;
  if (!(u.askedWhen || u.intents.has('dates') || u.intents.has('figure') || u.kinds.has('frequency'))) return undefined;
  if ([...u.kinds.keys()].some((k) => !STATEMENT_SLOT_KINDS.has(k))) return undefined;
  const sure = rc.subjects.flat().filter((l) => l.quality >= 0.9 && l.kind !== 'municipalities');
  const link = sure[0];
  if (!link || link.kind !== 'programmes' || sure.some((l) => l.id !== link.id)) return undefined;
  // (A programme with dated entries is asked when by them: the dates answer.)
  if ((u.askedWhen || u.intents.has('dates')) && rc.relations.dates(link.id).length > 0) return undefined;
  const item = kb.get(link.id)?.item as Programme;
  const statements = [
    ...(item.description ? [{ ...item.description, source: item.source }] : []),
    ...item.facts,
    ...(policyIndexOf(kb).factsAbout.get(item.id) ?? []).map((f) => ({ ...f.text, source: f.source })),
  ];
  const covered = new Set<number>();
  for (const l of sure) for (let i = l.start; i < l.end; i++) covered.add(i);
  return ownStatementsAnswer(rc, [{ id: item.id, statements }], covered);
}

/** True when a word is the stem or a compound's part beginning or ending it ("funktionstillæg" of "tillæg"). */
function partOf(word: string, stem: string): boolean {
  const own = primaryStem(word);
  return own === stem || (word.length > stem.length && (word.startsWith(stem) || word.endsWith(stem)));
}

/** The positions of the word or two right after a size word ("hvor stort er funktionstillægget", "how big is the function allowance"), past function words. */
function sizedPositions(rc: RelationContext): number[] {
  const { tokens } = rc.u;
  const out: number[] = [];
  tokens.forEach((tok, i) => {
    if (!rc.lexicon.sizeWords.has(tok.form)) return;
    let next = i + 1;
    while (next < tokens.length && (STOPWORDS.has(tokens[next]!.form) || rc.lexicon.countModifiers.has(tokens[next]!.form))) next++;
    // (The noun asked about may be of two words: "the function allowance".)
    for (let k = next; k < Math.min(tokens.length, next + 2) && !STOPWORDS.has(tokens[k]!.form); k++) if (tokens[k]!.form.length >= 4) out.push(k);
  });
  return out;
}

/** Words that only ask (fillers, question words, size words): no word a post's statement must say. */
function asking(rc: RelationContext, form: string): boolean {
  return rc.lexicon.fillerWords.has(form) || rc.lexicon.questionWords.has(form) || rc.lexicon.sizeWords.has(form);
}
