/**
 * Policies by role, unit or municipality, and a policy's own fields (who adopted it, what it requires).
 */
import type { Concept, DateEntry, Fact, Policy, Role, Source } from '../../knowledge/schemas.js';
import type { Link } from '../linking.js';
import { displayName, namesOf } from '../facts.js';
import { capitalize, joinList } from '../phrases.js';
import { analyzeText, foldText, GENERIC_WORDS, primaryStem, STOPWORDS } from '../normalize.js';
import { MONTH_NAMES } from '../../time/format-date.js';
import { countedPositions } from '../understand.js';
import type { Answer } from '../types.js';
import { shortDate, unique } from '../answer-context.js';
import { done, name, sourceOf, subjectsOf, type RelationContext } from './context.js';
import { unknownWith } from './partly-known.js';
import { leftoverWords } from './leftover-words.js';
import { TEXTS } from './texts.js';

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
  // "Which laws apply to day care?": with a kind asked for, other words ("apply" aside) must be in the names of those picked.
  const effectAt = new Set([...rc.lexicon.effectWords.match(u.tokens).values()].flatMap((m) => [...m.positions]));
  const words = leftoverWords(rc, effectAt).filter((w) => !STOPWORDS.has(w));
  if (rc.subjects.length > 0 || (words.length > 0 && u.policyTypes.size === 0)) return undefined;
  const places = rc.municipalities.size > 0 ? [...rc.municipalities] : kb.data.municipalities.length === 1 ? [kb.data.municipalities[0]!.id] : [];
  if (places.length !== 1) return undefined;
  const place = places[0]!;
  const named = (p: Policy) => {
    const stems = new Set([p.name, ...p.names, p.labelEn ?? '', ...(p.namesEn ?? [])].flatMap((n) => analyzeText(foldText(n)).map((w) => primaryStem(w.form))));
    return words.every((w) => stems.has(primaryStem(w)));
  };
  const ids = kb.data.policies.filter((p) => (p.municipality === place || p.owner === place) && typeOk(p.id) && named(p)).map((p) => p.id);
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
  // None named: the policy whose statement says every word the question asks about answers, if one does.
  if (!policy || policy.quality < 0.75) return answerPolicyTopic(rc);
  const item = kb.get(policy.id)!.item as Policy;
  // A role or unit named besides the policy asks about them ("which policies must X know"), unless the question asks
  // what the policy says about them ("what does the policy say about childminding"): then they are the topic.
  // ("… følges i et børnehus", "in a house": a word for a unit or a concept after an indefinite article is any place of that kind, no
  // unit named: the lexicon's `indefiniteWords`.)
  const anyOfKind = (l: Link) => (l.kind === 'units' || l.kind === 'concepts') && l.end - l.start === 1 && rc.lexicon.indefiniteWords.has(u.tokens[l.start - 1]?.form ?? '');
  const others = rc.subjects.flat().filter((l) => ['roles', 'units', 'people', 'postings', 'concepts'].includes(l.kind) && l.quality >= 0.9 && !anyOfKind(l));
  if (others.length > 0) return coveredBy(rc, item, others) ?? saysAbout(rc, item, others);
  const t = TEXTS[u.lang];
  const title = name(kb, policy.id, u.lang, false);
  // ("Who passed X": a word for adopting asks it as the decision's cues do.)
  if ((u.kinds.has('decision') || rc.lexicon.adoptWords.match(u.tokens).size > 0) && u.kinds.has('who')) {
    // "Hvem stemte imod X": who voted (for, against, abstained) is the vote of the decision that adopted it, which the
    // decision answer gives; the body that adopted it does not answer it (unless adopting is asked too: "who adopted").
    const voteAsks = rc.lexicon.decisionWords.match(u.tokens);
    const voteAsked = (['for', 'against', 'abstained', 'unanimous', 'vote'] as const).some((a) => voteAsks.has(a));
    if (voteAsked && rc.lexicon.adoptWords.match(u.tokens).size === 0 && rc.queries.decisionsChanging(policy.id).some((d) => d.vote !== undefined)) return undefined;
    const decision = kb.data.decisions.find((d) => d.changes.includes(policy.id));
    if (decision) return done(rc, 'answer', t.adoptedBy(title, name(kb, decision.body, u.lang, true), shortDate(decision.date, u.lang)), [], [decision.source]);
    const says = (text: string) => rc.lexicon.kinds.match(analyzeText(foldText(text))).has('decision');
    const statements: Array<{ text: string; source: Source }> = [
      ...item.requires.map((r) => ({ text: r[u.lang], source: r.source, both: `${r.da} ${r.en}` })),
      ...rc.relations.dates(policy.id).map((d) => ({ text: d.label[u.lang], source: d.source, both: `${d.label.da} ${d.label.en}` })),
      ...factsAbout(kb, policy.id).map((f) => ({ text: f.text[u.lang], source: f.source, both: `${f.text.da} ${f.text.en}` })),
      // The document's own words, quoted as they stand.
      { text: `»${item.source.quote}«`, source: item.source, both: item.source.quote },
    ].filter((x) => says(x.both));
    if (statements.length === 0) return unknownWith(rc, t.notAdopted(title));
    return done(rc, 'answer', `${capitalize(title)}: ${statements[0]!.text}`, statements.slice(1).map((x) => x.text), statements.map((x) => x.source));
  }
  // ("Who checks that the sun policy is followed": asked who, the post or statement that says who does it comes before
  // what the policy requires.)
  const responsible = whoSeesTo(rc, item, policy);
  if (responsible) return responsible;
  if (u.intents.has('requirement') && item.requires.length > 0) {
    return done(rc, 'answer', t.requires(title), item.requires.map((r) => r[u.lang]), item.requires.map((r) => r.source));
  }
  // "Who has to follow the early intervention policy?", "hvem gælder den for?": the roles and units it is relevant for;
  // asked who is responsible, a statement of the policy that says so leads.
  // ("Which houses does the policy cover", "hvilke institutioner gælder den for": asked which places, the same.)
  const asksWho = u.kinds.has('who') || u.askedWho || asksWhichPlaces(rc);
  if (asksWho && item.relevantFor.length > 0 && u.attributes.length === 0 && !u.intents.has('contact') && !u.intents.has('dates') && !u.kinds.has('decision') && rc.lexicon.audienceWords.match(u.tokens).size > 0) {
    const audience = joinList(item.relevantFor.map((id) => name(kb, id, u.lang, false)), u.lang);
    const line = t.appliesTo(title, audience);
    const isTask = (text: string) => rc.lexicon.kinds.match(analyzeText(foldText(text))).has('responsibility');
    // A statement that says who is responsible names one of the posts it is for ("Børnehuslederne ... har ansvaret").
    // (By the Danish names' own words, not the English labels' everyday ones: "children" is in many statements.)
    const audienceWords = item.relevantFor
      .flatMap((id) => {
        const e = kb.get(id)?.item as { name?: string; names?: string[] } | undefined;
        return e ? [e.name ?? '', ...(e.names ?? [])].flatMap((n) => analyzeText(foldText(n)).map((w) => primaryStem(w.form))) : [];
      })
      .filter((w) => w.length >= 6 && !GENERIC_WORDS.has(w));
    const namesAudience = (text: string) => analyzeText(foldText(text)).some((w) => audienceWords.includes(primaryStem(w.form)));
    const responsible = u.intents.has('responsibility') ? statementsOfPolicy(rc, item).filter((st) => isTask(`${st.da} ${st.en}`) && namesAudience(`${st.da} ${st.en}`)) : [];
    if (responsible.length > 0) return done(rc, 'answer', responsible[0]![u.lang], [line], unique([responsible[0]!.source, item.source]));
    // A statement of the policy that says whom it applies to ("Politikken gælder for alle børnehuse og for Dagplejen")
    // says it in the documents' own words: it leads, the posts and units it is relevant for follow.
    // (Not when responsibility is asked: then who sees to it is asked, not whom it covers.)
    const scope = u.intents.has('responsibility') ? undefined : item.requires.find((r) => rc.lexicon.audienceWords.match(analyzeText(foldText(r[u.lang]))).size > 0 && !rc.lexicon.kinds.match(analyzeText(foldText(r[u.lang]))).has('responsibility'));
    if (scope) return done(rc, 'answer', `${capitalize(title)}: ${scope[u.lang]}`, line.length > 200 ? item.relevantFor.map((id) => name(kb, id, u.lang, false)) : [line], unique([scope.source, item.source]));
    // A long list reads better one per line under a short first line that counts them.
    if (line.length > 200) return done(rc, 'answer', t.appliesToCount(title, item.relevantFor.length), item.relevantFor.map((id) => name(kb, id, u.lang, false)), [item.source], [], true);
    return done(rc, 'answer', line, [], [item.source]);
  }
  // "What does the inclusion strategy aim at?", "hvad er formålet med sprogpolitikken?": its own statements.
  const purpose = [...rc.lexicon.purposeWords.match(u.tokens).values()].flatMap((m) => [...m.positions]);
  // Other words ("hvad siger X om sprog") ask about part of it: the general search answers those.
  // (Another item named, a concept of the policy say, is what it asks about: only the policy's own name is covered.)
  const covered = new Set([...purpose, ...Array.from({ length: policy.end - policy.start }, (_, i) => policy.start + i)]);
  // "Hvad siger mobilretningslinjen om kontakt til forældre": a word for a contact or an attribute after the words asking
  // what the policy says (and outside its name) is what it says something about, not a contact or a value asked.
  const topicCues = asTopic(rc, purpose, policy);
  const other = [...leftoverWords(rc, covered).filter((w) => !STOPWORDS.has(w)), ...topicCues.words];
  // "Hvad siger læringsstrategien om sprog?", "what does the policy say about childminding": its own statements (and
  // those of the concepts it is built of) that say every other word; none saying them leaves it to the general search.
  if (purpose.length > 0 && other.length > 0 && (u.attributes.length === 0 || topicCues.attributes) && (!u.intents.has('contact') || topicCues.contact) && !u.intents.has('dates')) {
    const said = statementsOfPolicy(rc, item).filter((st) => saysEvery(`${st.da} ${st.en}`, other));
    if (said.length > 0) return done(rc, 'answer', said[0]![u.lang], said.slice(1).map((st) => st[u.lang]), unique(said.map((st) => st.source)).slice(0, 3));
  }
  if (purpose.length > 0 && other.length === 0 && u.attributes.length === 0 && !u.intents.has('contact') && !u.intents.has('dates')) {
    const statements = [
      ...item.requires.map((r) => ({ text: r[u.lang], source: r.source })),
      ...factsAbout(kb, policy.id).filter((f) => f.about[0] === policy.id).map((f) => ({ text: f.text[u.lang], source: f.source })),
    ];
    // What the documents say the policy is for leads, when they say it.
    if (item.description) return done(rc, 'answer', `${capitalize(title)}: ${item.description[u.lang]}`, statements.map((s) => s.text), unique([item.source, ...statements.map((s) => s.source)]).slice(0, 3));
    if (statements.length > 0) return done(rc, 'answer', t.requires(title), statements.map((s) => s.text), unique(statements.map((s) => s.source)).slice(0, 3));
  }
  // "Does the food policy say anything about allergies?", "må vuggestuebørnene bruge skærme efter politikken": the
  // policy's statements that say most of the question's other words.
  return statementsAnswer(rc, [item], covered);
}

/**
 * The cue words for a contact or an attribute ("kontakt", "phone") that all lie after the words asking what a policy says
 * and outside the policy's name: the topic of "what does X say about …". Says which of the two they wholly are, and
 * their words (matched against the policy's statements like the topic's other words).
 */
function asTopic(rc: RelationContext, purpose: readonly number[], policy: Link): { contact: boolean; attributes: boolean; words: string[] } {
  const { u } = rc;
  const none = { contact: false, attributes: false, words: [] };
  if (purpose.length === 0) return none;
  const after = Math.max(...purpose);
  const inName = (p: number) => p >= policy.start && p < policy.end;
  const topic = (positions: readonly number[]) => positions.length > 0 && positions.every((p) => p > after || inName(p)) && positions.some((p) => p > after);
  const contactAt = [...(u.kinds.get('contact')?.positions ?? [])].filter((p) => !STOPWORDS.has(u.tokens[p]?.form ?? ''));
  const attributeAt = [...rc.lexicon.attributes.match(u.tokens).values()].flatMap((m) => [...m.positions]).filter((p) => !STOPWORDS.has(u.tokens[p]?.form ?? ''));
  const contact = u.intents.has('contact') && topic(contactAt);
  const attributes = u.attributes.length > 0 && (topic(attributeAt) || attributeAt.every(inName));
  if (!contact && !attributes) return none;
  const words = unique([...(contact ? contactAt : []), ...(attributes ? attributeAt : [])].filter((p) => p > after && !inName(p))).map((p) => u.tokens[p]!.form);
  return { contact, attributes, words };
}

/** True when the question asks "which" of a kind of place ("which houses", "hvilke institutioner"): the lexicon's unit kinds. */
function asksWhichPlaces(rc: RelationContext): boolean {
  const { u, lexicon } = rc;
  return [...lexicon.whichWords.match(u.tokens).values()].some((m) => {
    const next = u.tokens[Math.max(...m.positions) + 1];
    if (!next) return false;
    const stem = primaryStem(next.form);
    return lexicon.unitKindWords.some((level) => [...level.words].some((w) => primaryStem(w) === stem));
  });
}

/**
 * "Hvem på chefniveau skal sikre, at politikken for tidlig indsats bliver ført ud i alle huse?", "who follows up on the
 * meal policy at supervision": asked who does something about a policy, the posts whose duties name the policy and
 * the policy's statements that name a post, by how many of the question's other words they say ("sikre", "tilsyn").
 */
function whoSeesTo(rc: RelationContext, item: Policy, policy: Link): Answer | undefined {
  const { u, kb } = rc;
  if (!(u.kinds.has('who') || u.askedWho) || u.attributes.length > 0 || u.intents.has('contact') || u.intents.has('dates') || u.kinds.has('decision')) return undefined;
  // The question's own words: not the policy's name nor its words ("politikken"), nor the words asking whom it is for.
  // (The words asking who sees to it, "følger op", count once, as the duty asked, below.)
  const dutyAt = rc.lexicon.dutyWords.coverage(u.tokens);
  const own = new Set([...rc.lexicon.audienceWords.coverage(u.tokens), ...rc.lexicon.policyTypes.coverage(u.tokens), ...dutyAt]);
  const policyWords = [item.name, ...item.names].join(' ');
  const words = u.tokens
    .filter((tok, i) => (i < policy.start || i >= policy.end) && !own.has(i) && tok.form.length > 3 && !STOPWORDS.has(tok.form) && !GENERIC_WORDS.has(tok.form) && !rc.lexicon.questionWords.has(tok.form) && !/^\d+$/.test(tok.form) && !saysEvery(policyWords, [tok.form], true))
    .map((tok) => tok.form);
  // "Hvem skal sørge for, at rammen bliver fulgt": a duty that says whose responsibility it is answers the words asking it.
  const dutyAsked = rc.lexicon.dutyWords.match(u.tokens).size > 0;
  if (words.length === 0 && !dutyAsked) return undefined;
  const statesDuty = (text: string) => dutyAsked && (rc.lexicon.dutyWords.match(analyzeText(foldText(text))).size > 0 || rc.lexicon.kinds.match(analyzeText(foldText(text))).has('responsibility'));
  const policyNames = [item.name, ...item.names].map(foldText).filter((n) => n.length >= 8);
  const { roleStems } = roleWordsOf(kb);
  const namesPost = (text: string) => analyzeText(foldText(text)).some((w) => roleStems.has(primaryStem(w.form)));
  // The very duty asked ("følger op") is what is done: a statement saying it weighs more than one saying another duty.
  const dutyForms = [...dutyAt].sort((a, b) => a - b).map((i) => u.tokens[i]!.form);
  const sameDuty = (text: string) => dutyForms.length > 0 && saysEvery(text, dutyForms);
  // (A word, or the knowledge base's word for it: "inspections" -> "supervision".)
  const says = (text: string, w: string) => saysEvery(text, [w]) || (rc.lexicon.synonyms.has(w) && saysEvery(text, rc.lexicon.synonyms.get(w)!.split(' ')));
  const hits = (text: string) => words.filter((w) => says(text, w)).length + (statesDuty(text) ? 1 : 0) + (sameDuty(text) ? 1.5 : 0);
  const found: Array<{ text: string; source: Source; n: number; duty: boolean }> = [];
  // (Every post's duties, folded once per knowledge base.)
  for (const { role, duty, folded } of policyIndexOf(kb).duties) {
    if (!policyNames.some((n) => folded.includes(n))) continue;
    found.push({ text: `${capitalize(name(kb, role.id, u.lang, false))}: ${duty[u.lang]}`, source: duty.source, n: hits(`${duty.da} ${duty.en}`), duty: true });
  }
  // (What the policy is for is no one's duty.)
  for (const st of statementsOfPolicy(rc, item)) if (st.da !== item.description?.da && namesPost(st.da)) found.push({ text: st[u.lang], source: st.source, n: hits(`${st.da} ${st.en}`), duty: false });
  const best = Math.max(0, ...found.map((f) => f.n));
  if (best === 0) return undefined;
  // The policy's own words before the posts' duties that say as much.
  const top = found.filter((f) => f.n === best).sort((a, b) => Number(a.duty) - Number(b.duty));
  return done(rc, 'answer', top[0]!.text, top.slice(1, 3).map((f) => f.text), unique(top.map((f) => f.source)).slice(0, 3));
}

/** The stems of the words of the posts' Danish names (six letters or more): a statement that says one names a post. */
const ROLE_WORDS = new WeakMap<RelationContext['kb'], { roleStems: ReadonlySet<string> }>();
function roleWordsOf(kb: RelationContext['kb']): { roleStems: ReadonlySet<string> } {
  let known = ROLE_WORDS.get(kb);
  if (!known) {
    const roleStems = new Set(kb.data.roles.flatMap((r) => [r.name, ...r.names].flatMap((n) => analyzeText(foldText(n)).map((w) => w.form))).filter((w) => w.length >= 6 && !GENERIC_WORDS.has(w)).map(primaryStem));
    known = { roleStems };
    ROLE_WORDS.set(kb, known);
  }
  return known;
}

/**
 * "Hvad siger politikken om personalets mobiltelefoner?", "how much screen time can the kids have under the new
 * policy": a word for a policy and no policy named (nothing else named either): the statements of the policies in
 * scope that say most of the question's other words.
 */
export function answerPolicyStatements(rc: RelationContext): Answer | undefined {
  const { u, kb } = rc;
  if (!u.intents.has('policy') || rc.subjects.some((g) => g.some((l) => l.quality >= 0.75 && l.kind !== 'concepts'))) return undefined;
  const inScope = kb.data.policies.filter((p) => rc.municipalities.size === 0 || rc.municipalities.has(p.municipality ?? '') || rc.municipalities.has(p.owner ?? ''));
  return statementsAnswer(rc, inScope.length > 0 ? inScope : kb.data.policies, new Set());
}

/**
 * True when a statement of the policy named (`link`) answers the question's words besides the policy's name and the words
 * asking when it was adopted or applies: the statement's reading beats the policy's own dates.
 */
export function policyStatementAnswers(rc: RelationContext, policy: Policy, link: Link): boolean {
  const covered = new Set([...rc.lexicon.adoptWords.coverage(rc.u.tokens), ...rc.lexicon.effectWords.coverage(rc.u.tokens)]);
  for (let i = link.start; i < link.end; i++) covered.add(i);
  return statementsAnswer(rc, [policy], covered) !== undefined;
}

/**
 * The statements of the policies that say most of the question's words besides its cues, the policies' names and
 * `covered` (at least one, and a third of them); the one saying most first, at most three. Undefined when the
 * question asks something else of the policy (a contact, a date, a decision, an attribute, who).
 */
function statementsAnswer(rc: RelationContext, policies: readonly Policy[], covered: ReadonlySet<number>): Answer | undefined {
  return ownStatementsAnswer(rc, policies.map((policy) => ({ id: policy.id, statements: statementsOfPolicy(rc, policy) })), covered);
}

/** Statements of one item (a policy, a programme): what a question asked of the item may be answered by. */
export interface ItemStatements {
  readonly id: string;
  readonly statements: ReadonlyArray<{ da: string; en: string; source: Source }>;
}

/**
 * {@link statementsAnswer} over any items' own statements (a policy's, a programme's description and facts): those that
 * say most of the question's words besides its cues, the items' names and `covered`, filling the slot asked.
 */
export function ownStatementsAnswer(rc: RelationContext, policies: readonly ItemStatements[], covered: ReadonlySet<number>): Answer | undefined {
  const { u } = rc;
  // What the question asks of the statements (its slot): a time, a number, or what they say. A "when" or a "how many"
  // is answered by a statement that states one; a named kind of date or a period asks for a dated entry (another answer's).
  const slot = askedSlotOf(rc, policies);
  if (policies.length === 0 || slot === undefined || (u.attributes.length > 0 && !onlyAgeAsked(rc)) || u.intents.has('contact') || u.kinds.has('decision') || u.intents.has('reporting')) return undefined;
  // ("Name the parts of the policy" lists its parts: another answer's.)
  if (u.kinds.has('who') || u.askedWho || rc.lexicon.listWords.match(u.tokens).size > 0) return undefined;
  const asking = new Set([...covered, ...u.cuePositions, ...[...u.kinds.values()].flatMap((m) => [...m.positions]), ...rc.lexicon.policyTypes.coverage(u.tokens), ...rc.lexicon.purposeWords.coverage(u.tokens), ...rc.lexicon.yesNoWords.coverage(u.tokens)]);
  for (const l of rc.subjects.flat()) for (let i = l.start; i < l.end; i++) if (l.kind === 'policies' || l.kind === 'municipalities') asking.add(i);
  const content = (tok: (typeof u.tokens)[number]) => tok.form.length > 2 && !STOPWORDS.has(tok.form) && !GENERIC_WORDS.has(tok.form) && !rc.lexicon.questionWords.has(tok.form) && !/^\d+$/.test(tok.form);
  let words = u.tokens.filter((tok, i) => !asking.has(i) && content(tok));
  // ("Hvornår bliver Tumlestien evalueret": a time asked of a kind of date the item has no dated entry of, nothing else
  // asked: the statement that says that kind in its own words, "evalueres i foråret 2027", answers.)
  if (words.length === 0 && slot === 'time') {
    const kindAt = new Set([...rc.lexicon.dateKinds.match(u.tokens).values()].flatMap((m) => [...m.positions]));
    words = u.tokens.filter((tok, i) => kindAt.has(i) && !covered.has(i) && content(tok));
  }
  if (words.length === 0) return undefined;
  // A word, or the knowledge base's word for it ("personalet" -> "medarbejdere").
  const forms = words.map((tok) => [tok.form, ...(rc.lexicon.synonyms.has(tok.form) ? [rc.lexicon.synonyms.get(tok.form)!] : [])]);
  const fills = (st: { da: string; en: string }) => slot === 'what' || (slot === 'time' ? statesTime(rc, st) : statesNumber(rc, st));
  const said = policies.flatMap((policy) => policy.statements.map((st) => ({ st, policy }))).map(({ st, policy }, i) => {
    const text = statementForms(st);
    return { st, policy, i, n: fills(st) ? forms.filter((alternatives) => alternatives.some((w) => saysEveryOf(text, w.split(' ')))).length : 0 };
  });
  const best = Math.max(0, ...said.map((x) => x.n));
  if (best === 0 || best * 3 < words.length) return undefined;
  // (A time or a number is the best statement's: one that says fewer of the words gives another thing's.)
  const ranked = said.filter((x) => x.n > 0 && x.n >= (slot === 'what' ? best - 1 : best)).sort((a, b) => b.n - a.n || a.i - b.i).slice(0, 3);
  const top = ranked.map((x) => x.st);
  // A time or a number is the policy's: its title leads ("Retningslinje for vikarbrug: … højst 7 % …"), so that the
  // number is read as the policy's and not as a count of something else the question names.
  const headline = slot === 'what' ? top[0]![u.lang] : `${capitalize(name(rc.kb, ranked[0]!.policy.id, u.lang, false))}: ${top[0]![u.lang]}`;
  return done(rc, 'answer', headline, top.slice(1).map((st) => st[u.lang]), unique(top.map((st) => st.source)).slice(0, 3));
}

/**
 * The slot a question asks a policy's statements to fill: a time ("hvornår", "when", no named kind of date, month or
 * day: those ask for a dated entry), a number ("how many", "hvor mange"), or what they say. Undefined when it asks for
 * something a statement does not give as such (a dated entry).
 */
function askedSlotOf(rc: RelationContext, policies: ReadonlyArray<{ readonly id: string }>): 'time' | 'number' | 'what' | undefined {
  const { u } = rc;
  // (A kind of date named, "start" of "start-up talk", "interview", asks for a dated entry of the policies only when one
  // of them has one of that kind: else it names what their statements speak of, "when is the absence interview held".)
  const ofKind = policies.some((p) => rc.relations.dates(p.id).some((d) => u.dateKinds.has(d.kind)));
  const datedEntry = (u.dateKinds.size > 0 && ofKind) || u.range !== undefined || u.day !== undefined;
  // ("Hvor gamle er børnene, når de sprogvurderes": an age asked of what a statement says is a number of years.)
  if (u.intents.has('figure') || onlyAgeAsked(rc)) return datedEntry ? undefined : 'number';
  if (u.intents.has('dates') || u.askedWhen) return datedEntry ? undefined : 'time';
  return 'what';
}

/** True when the one attribute the question asks is an age. */
function onlyAgeAsked(rc: RelationContext): boolean {
  return rc.u.attributes.length > 0 && rc.u.attributes.every((a) => a === 'age');
}

/** True when a statement states a time: a number, a month, a cadence word (the answerer's own test, `statesTime`). */
function statesTime(rc: RelationContext, st: { da: string; en: string }): boolean {
  return rc.ctx.statesTime?.(`${st.da} ${st.en}`) ?? false;
}

/** True when a statement states a number: digits or a number word of the lexicon ("tre", "three", "ét"). */
function statesNumber(rc: RelationContext, st: { da: string; en: string }): boolean {
  // The word a "how many" counts ("hvor mange forældremøder", "how many cakes"): the number must count it, so one of
  // the three words after the number says it ("mindst ét forældremøde", "one cake", "7 %" for "procent").
  const counted = countedPositions(rc.u.tokens, rc.u.kinds.get('figure')?.positions ?? [], rc.lexicon).map((p) => rc.u.tokens[p]!.form);
  const countsIt = (word: string) => counted.length === 0 || counted.some((c) => saysEveryOf({ forms: [word], stems: [primaryStem(word)] }, [c]));
  return (['da', 'en'] as const).some((lang) => {
    // (A day or a year, "12. november 2026", "2027-2030", says when, not how many.)
    const words = (st[lang].replace(DAY_OR_YEAR, ' ').toLowerCase().match(/[\p{L}\d]+|%/gu) ?? []).map((w) => (w === '%' ? (lang === 'da' ? 'procent' : 'percent') : w));
    // (Number words of the Danish text only: the English "to" of "applies to" is the Danish "two".)
    const isNumber = (w: string) => /^\d+$/.test(w) || (lang === 'da' ? Object.hasOwn(rc.lexicon.numbers, foldText(w)) || w === 'én' || w === 'ét' : w === 'one');
    return words.some((w, i) => isNumber(w) && words.slice(i + 1, i + 4).some((next) => countsIt(foldText(next))));
  });
}

/** A day with its month ("12. november", "1 January"), or a year: dates in a statement, no amounts. */
const DAY_OR_YEAR = new RegExp(`\\b\\d{1,2}\\.?\\s+(?:${[...MONTH_NAMES.da, ...MONTH_NAMES.en].join('|')})\\b|\\b(?:19|20)\\d\\d\\b`, 'giu');


/**
 * "Gælder madpolitikken også for sundhedsplejen?", "does the meal policy cover the childminders": asked yes or no
 * whether a policy applies to a role or unit it is relevant for (`relevantFor`: the item itself, a unit it lies in, or
 * the general post of a post made specific): yes, with the statement of the policy that names the item, if any. Not
 * among them: the statements answer (or no one does): the documents may say it elsewhere.
 */
function coveredBy(rc: RelationContext, item: Policy, topics: readonly Link[]): Answer | undefined {
  const { u, kb } = rc;
  if (rc.lexicon.audienceWords.match(u.tokens).size === 0 || rc.lexicon.yesNoWords.match(u.tokens).size === 0) return undefined;
  // ("Does X cover Y": the word asking whom it is for is no period asked.)
  const audienceAt = rc.lexicon.audienceWords.coverage(u.tokens);
  const attributeAt = rc.lexicon.attributes.match(u.tokens);
  const asked = u.attributes.filter((a) => ![...(attributeAt.get(a)?.positions ?? [])].every((p) => audienceAt.has(p)));
  if (asked.length > 0 || u.intents.has('contact') || u.intents.has('dates') || u.kinds.has('decision')) return undefined;
  const places = topics.filter((l) => l.kind === 'roles' || l.kind === 'units');
  if (places.length !== topics.length) return undefined;
  const generalNames = item.relevantFor.flatMap((id) => {
    const e = kb.get(id);
    return e?.kind === 'roles' ? [foldText(e.item.name)] : [];
  });
  // A unit led by a post the policy is for ("Bølgen", led by its bestyrer) is one it covers, for the reason its own
  // description gives ("a self-governing institution").
  const why: string[] = [];
  const covers = (id: string) => {
    for (let current: string | undefined = id, depth = 0; current && depth < 6; depth++) {
      if (item.relevantFor.includes(current)) return true;
      const e = kb.get(current);
      if (e?.kind === 'units' && (e.item.ledBy ?? []).some((r) => item.relevantFor.includes(r))) {
        if (e.item.description) why.push(`${displayName(e, u.lang)}: ${e.item.description[u.lang]}`);
        return true;
      }
      // "Børnehusleder i Børnehuset Kløverengen" is a "børnehusleder".
      if (e?.kind === 'roles' && generalNames.some((n) => foldText(e.item.name).startsWith(`${n} `))) return true;
      current = e?.kind === 'units' ? e.item.parent : undefined;
    }
    return false;
  };
  // Each named item by its best link (a role's head noun may link several posts of the same words: any one covered).
  const groups = rc.subjects.filter((g) => g.some((l) => places.includes(l)));
  const covered = groups.map((g) => g.find((l) => places.includes(l) && covers(l.id)));
  if (covered.some((l) => l === undefined)) return undefined;
  const title = name(kb, item.id, u.lang, false);
  const who = joinList(covered.map((l) => name(kb, l!.id, u.lang, false)), u.lang);
  const said = saysAbout(rc, item, covered as Link[], true);
  const lines = said ? [said.headline, ...said.sections.flatMap((s) => s.lines)] : [];
  return done(rc, 'answer', TEXTS[u.lang].appliesYes(title, who), [...why, ...lines].slice(0, 3), [item.source]);
}

/** "What does the early intervention policy say about childminding": the policy's statements that say the item's words. */
function saysAbout(rc: RelationContext, item: Policy, topics: readonly Link[], always = false): Answer | undefined {
  const { u } = rc;
  // "Hvad siger X om …", or "hvad kræver X af børnehuslederne", "what does X expect of the childminders".
  // ... or "does X cover / apply to the self-governing institutions": what it says of them answers.
  const coversAsked = rc.lexicon.audienceWords.match(u.tokens).size > 0 && rc.lexicon.yesNoWords.match(u.tokens).size > 0;
  const asksWhat = rc.lexicon.purposeWords.match(u.tokens).size > 0 || u.intents.has('requirement') || u.intents.has('responsibility') || coversAsked;
  if (!always && (!asksWhat || u.attributes.some((a) => a !== 'period') || u.intents.has('contact') || u.intents.has('dates'))) return undefined;
  // A statement names the item by the words the question uses, or by one of the item's own names.
  const namesOfTopic = (l: Link) => {
    const e = rc.kb.get(l.id);
    const own = e ? namesOf(e).map((n) => analyzeText(foldText(n)).map((w) => w.form).filter((w) => !STOPWORDS.has(w))) : [];
    return [u.tokens.slice(l.start, l.end).map((t) => t.form).filter((w) => !STOPWORDS.has(w)), ...own].filter((words) => words.length > 0);
  };
  // How many of the item's names (and the question's words for it) a statement says: the one saying most leads, and
  // one that says them only inside a compound ("dagplejeafdelingen" for "dagplejer") comes last.
  const named = topics.map(namesOfTopic);
  const strength = (st: { da: string; en: string }) => {
    const text = `${st.da} ${st.en}`;
    const exact = named.reduce((n, lists) => n + lists.filter((words) => saysEvery(text, words, true)).length, 0);
    return exact > 0 ? exact + 1 : named.some((lists) => lists.some((words) => saysEvery(text, words))) ? 1 : 0;
  };
  const said = statementsOfPolicy(rc, item)
    .map((st, i) => ({ st, i, n: strength(st) }))
    .filter((x) => x.n > 0)
    .sort((a, b) => b.n - a.n || a.i - b.i)
    .map((x) => x.st);
  if (said.length === 0) return undefined;
  return done(rc, 'answer', said[0]![u.lang], said.slice(1).map((st) => st[u.lang]), unique(said.map((st) => st.source)).slice(0, 3));
}

/**
 * How many of the words the policy statement that says most of them says (a policy of the municipalities asked about,
 * or any when none is named): "hvem holder omsorgssamtalen" is said by a guideline's statement, not by a post's duty
 * that says "holder" alone.
 */
export function mostWordsInPolicies(rc: RelationContext, words: readonly string[]): number {
  let most = 0;
  for (const p of rc.kb.data.policies) {
    if (rc.municipalities.size > 0 && !rc.municipalities.has(p.municipality ?? '') && !rc.municipalities.has(p.owner ?? '')) continue;
    for (const st of statementsOfPolicy(rc, p)) {
      const text = statementForms(st);
      const n = words.filter((w) => saysEveryOf(text, [w])).length;
      if (n > most) most = n;
    }
  }
  return most;
}

/** What a policy states: what it is for, what it requires, the facts about it, and the concepts it is built of (their details). */
function statementsOfPolicy(rc: RelationContext, item: Policy): ReadonlyArray<{ da: string; en: string; source: Source }> {
  return statementsIn(rc.kb, item);
}

/** {@link statementsOfPolicy} by knowledge base. */
function statementsIn(kb: RelationContext['kb'], item: Policy): ReadonlyArray<{ da: string; en: string; source: Source }> {
  // The same for every question: worked out once per policy, from the knowledge base's indexes (no pass over every fact and concept).
  const index = policyIndexOf(kb);
  let out = index.statements.get(item);
  if (!out) index.statements.set(item, (out = statementsOfPolicyOnce(kb, index, item)));
  return out;
}

function statementsOfPolicyOnce(kb: RelationContext['kb'], index: PolicyIndex, item: Policy): Array<{ da: string; en: string; source: Source }> {
  const out: Array<{ da: string; en: string; source: Source }> = [];
  if (item.description) out.push({ ...item.description, source: item.source });
  out.push(...item.requires, ...factsAbout(kb, item.id).map((f) => ({ ...f.text, source: f.source })));
  // Concepts part of the policy, and their parts, a few levels down: "Sprog for alle: Alle børn skal have ...".
  let parents = new Set([item.id]);
  for (let depth = 0; depth < 3 && parents.size > 0; depth++) {
    const parts = [...parents].flatMap((id) => index.partsOf.get(id) ?? []).sort((a, b) => index.conceptOrder.get(a)! - index.conceptOrder.get(b)!);
    for (const c of parts) {
      for (const d of c.details) out.push({ da: `${capitalize(c.name)}: ${d.da}`, en: `${capitalize(c.labelEn)}: ${d.en}`, source: d.source });
      if (c.description) out.push({ da: `${capitalize(c.name)}: ${c.description.da}`, en: `${capitalize(c.labelEn)}: ${c.description.en}`, source: c.source });
    }
    parents = new Set(parts.map((c) => c.id));
  }
  return out;
}

/** True when a text says every word: the word itself, its stem, or (unless `exact`) as part of a compound (five letters or more). */
function saysEvery(text: string, words: readonly string[], exact = false): boolean {
  const forms = analyzeText(foldText(text)).map((w) => w.form);
  return saysEveryOf({ forms, stems: forms.map(primaryStem) }, words, exact);
}

/** {@link saysEvery} over a text's word forms and their stems worked out before. */
function saysEveryOf(text: { readonly forms: readonly string[]; readonly stems: readonly string[] }, words: readonly string[], exact = false): boolean {
  const { forms, stems } = text;
  return words.every((word) => {
    const stem = primaryStem(word);
    return forms.some((f, i) => f === word || stems[i] === stem || (!exact && (compoundSays(f, word, stem) || sameRoot(stems[i]!, stem))));
  });
}

/** A statement's words (Danish and English) and their stems, once per statement. */
const STATEMENT_FORMS = new WeakMap<object, { readonly forms: readonly string[]; readonly stems: readonly string[] }>();
/** A dated entry's own words (its label and, for a deadline, its subject), as {@link statementForms}, once per entry. */
const DATE_FORMS = new WeakMap<DateEntry, { readonly forms: readonly string[]; readonly stems: readonly string[] }>();
function dateForms(d: DateEntry): { readonly forms: readonly string[]; readonly stems: readonly string[] } {
  let known = DATE_FORMS.get(d);
  if (!known) DATE_FORMS.set(d, (known = statementForms(d.subject ? { da: `${d.label.da} ${d.subject.da}`, en: `${d.label.en} ${d.subject.en}` } : d.label)));
  return known;
}

function statementForms(st: { readonly da: string; readonly en: string }): { readonly forms: readonly string[]; readonly stems: readonly string[] } {
  let known = STATEMENT_FORMS.get(st);
  if (!known) {
    const forms = analyzeText(foldText(`${st.da} ${st.en}`)).map((w) => w.form);
    STATEMENT_FORMS.set(st, (known = { forms, stems: forms.map(primaryStem) }));
  }
  return known;
}

/** What the policy answers read of the whole knowledge base, once per knowledge base (with the answerer, `prepare.ts`). */
interface PolicyIndex {
  /** The facts about each item, in the knowledge base's order. */
  readonly factsAbout: ReadonlyMap<string, readonly Fact[]>;
  /** The concepts part of each item, in the knowledge base's order. */
  readonly partsOf: ReadonlyMap<string, readonly Concept[]>;
  readonly conceptOrder: ReadonlyMap<Concept, number>;
  /** Every post's duties with their Danish text folded, in the knowledge base's order. */
  readonly duties: ReadonlyArray<{ readonly role: Role; readonly duty: Role['responsibilities'][number]; readonly folded: string }>;
  /** Each policy's statements, worked out on first use. */
  readonly statements: Map<Policy, ReadonlyArray<{ da: string; en: string; source: Source }>>;
}
const POLICY_INDEXES = new WeakMap<RelationContext['kb'], PolicyIndex>();

/** The policy answers' index of a knowledge base, built on first use. */
export function policyIndexOf(kb: RelationContext['kb']): PolicyIndex {
  let index = POLICY_INDEXES.get(kb);
  if (index) return index;
  const factsAbout = new Map<string, Fact[]>();
  for (const f of kb.data.facts) {
    for (const id of new Set(f.about)) {
      const list = factsAbout.get(id);
      if (list) list.push(f);
      else factsAbout.set(id, [f]);
    }
  }
  const partsOf = new Map<string, Concept[]>();
  const conceptOrder = new Map<Concept, number>();
  kb.data.concepts.forEach((c, i) => {
    conceptOrder.set(c, i);
    if (c.partOf === undefined) return;
    const list = partsOf.get(c.partOf);
    if (list) list.push(c);
    else partsOf.set(c.partOf, [c]);
  });
  const duties = kb.data.roles.flatMap((role) => role.responsibilities.map((duty) => ({ role, duty, folded: foldText(duty.da) })));
  index = { factsAbout, partsOf, conceptOrder, duties, statements: new Map() };
  POLICY_INDEXES.set(kb, index);
  roleWordsOf(kb);
  return index;
}

/** The facts about an item, in the knowledge base's order. */
function factsAbout(kb: RelationContext['kb'], id: string): readonly Fact[] {
  return policyIndexOf(kb).factsAbout.get(id) ?? [];
}

// ---------------------------------------------------------------------------------------------
// A policy found by what the question asks about, not by its name

/** Kinds of question a policy's statement may answer when no policy is named: what it asks, when, how many. */
const TOPIC_KINDS: ReadonlySet<string> = new Set(['policy', 'requirement', 'figure', 'total', 'when', 'dates', 'frequency', 'condition', 'offer', 'upcoming', 'next']);
/**
 * Kinds whose cue words are things a statement may speak of ("møde", "ansvarlig"): no slot of their own, so their words
 * count among those a statement must say. Any other kind asks a relation (who leads, reports, stands in, decided).
 */
const TOPIC_WORD_KINDS: ReadonlySet<string> = new Set(['meeting', 'responsibility']);

/**
 * "Må børnene sove ude ved minus 12 grader", "how many parents' meetings must each house hold a year", "does every
 * daycare need someone responsible for sleep": no policy (nor anything else) named, and nothing asked but what, when or
 * how many: the policies' statements (and their concepts'), ranked by how many of the question's own words each says
 * (through an index of the statements' words built once per knowledge base), answer when one says every word (all but
 * one of four or more) and fills the slot asked (a time, a number). Undefined otherwise: the general search answers.
 */
function answerPolicyTopic(rc: RelationContext): Answer | undefined {
  const { u, kb } = rc;
  if (kb.data.policies.length === 0 || (u.attributes.length > 0 && !onlyAgeAsked(rc))) return undefined;
  if ([...u.kinds.keys()].some((k) => !TOPIC_KINDS.has(k) && !TOPIC_WORD_KINDS.has(k)) || u.askedWho) return undefined;
  // ("Which laws apply to day care": a type of policy asked for asks which policies, not what one says; "what did the
  // status report point to": a document named by its kind is what the question reads.)
  if (u.policyTypes.size > 0) return undefined;
  // Anything named besides a municipality or a concept is what the question is about: its own answers.
  if (rc.subjects.some((g) => g.some((l) => l.quality >= 0.75 && l.kind !== 'concepts'))) return undefined;
  if (rc.lexicon.documentKinds.match(u.tokens).size > 0) return undefined;
  // (Read first over every policy: a question that asks for no slot a statement fills needs no index.)
  if (askedSlotOf(rc, kb.data.policies) === undefined && askedSlotOf(rc, []) === undefined) return undefined;
  const topicWords = new Set([...u.kinds].filter(([k]) => TOPIC_WORD_KINDS.has(k)).flatMap(([, m]) => [...m.positions]));
  const asking = new Set([...u.cuePositions, ...[...u.kinds.values()].flatMap((m) => [...m.positions]), ...rc.lexicon.policyTypes.coverage(u.tokens), ...rc.lexicon.purposeWords.coverage(u.tokens), ...rc.lexicon.yesNoWords.coverage(u.tokens), ...rc.lexicon.effectWords.coverage(u.tokens), ...eachWordsAt(rc)].filter((p) => !topicWords.has(p)));
  for (const l of rc.links ?? []) if (l.kind === 'municipalities') for (let i = l.start; i < l.end; i++) asking.add(i);
  const words = unique(
    u.tokens
      .filter((tok, i) => !asking.has(i) && tok.form.length > 2 && !STOPWORDS.has(tok.form) && !GENERIC_WORDS.has(tok.form) && !rc.lexicon.questionWords.has(tok.form) && !rc.lexicon.fillerWords.has(tok.form) && !/\d/.test(tok.form))
      .map((tok) => tok.form),
  );
  if (words.length < 2) return undefined;
  const index = policyTopicIndexOf(kb);
  // Every word of two or three; of more, all but one in three (a modal, a verb the statement says in other words).
  const needed = words.length <= 3 ? words.length : words.length - Math.max(1, Math.floor(words.length / 3));
  // A word, or the knowledge base's word for it.
  const alternatives = words.map((w) => [w, ...(rc.lexicon.synonyms.has(w) ? [rc.lexicon.synonyms.get(w)!] : [])]);
  // A statement that says enough words says one of the rarest (misses + 1) of them: only those words' statements are
  // read (none when even they are said by many: a word that common tells no statement apart).
  const counts = alternatives.map((alts) => alts.reduce((n, a) => n + statementCount(index, a), 0));
  const rarest = counts.map((n, i) => ({ n, i })).sort((a, b) => a.n - b.n).slice(0, words.length - needed + 1);
  if (rarest.reduce((n, r) => n + r.n, 0) > MAX_TOPIC_CANDIDATES) return undefined;
  const candidates = new Set<number>();
  for (const r of rarest) for (const a of alternatives[r.i]!) for (const i of entriesSaying(index, a)) candidates.add(i);
  const hits = new Map<number, number>();
  for (const i of candidates) {
    const text = statementForms(index.entries[i]!.st);
    hits.set(i, alternatives.filter((alts) => alts.some((a) => saysEveryOf(text, a.split(' ')))).length);
  }
  // (A policy's municipality is its own, its owner's, or its document's.)
  const inScope = (policy: Policy) =>
    rc.municipalities.size === 0 || rc.municipalities.has(policy.municipality ?? '') || rc.municipalities.has(policy.owner ?? '') || rc.municipalities.has(kb.documents.get(policy.source.doc)?.municipality ?? '');
  const saying = [...hits].filter(([i, n]) => n >= needed && inScope(index.entries[i]!.policy));
  // The slot asked of the policies whose statements say the words: a kind of date named asks for a dated entry only of
  // those that have one of that kind ("when is the absence interview held" of a policy with no dated interview).
  const slot = askedSlotOf(rc, unique(saying.map(([i]) => index.entries[i]!.policy)));
  if (slot === undefined) return undefined;
  const fit = saying
    .filter(([i]) => slot === 'what' || (slot === 'time' ? statesTime(rc, index.entries[i]!.st) : statesNumber(rc, index.entries[i]!.st)))
    .sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  if (fit.length === 0) return undefined;
  // (A time asked of words that a dated entry's own label or subject says as fully, "hvornår skal sprogvurderingerne af
  // 3-årige være færdige" of the period "Sprogvurdering af 3-årige", is that entry's: the dates answer it, not a statement.)
  if (slot === 'time' && kb.data.dates.some((d) => alternatives.filter((alts) => alts.some((a) => saysEveryOf(dateForms(d), a.split(' ')))).length >= fit[0]![1])) return undefined;
  const best = fit.filter(([, n]) => n === fit[0]![1]).slice(0, 3).map(([i]) => index.entries[i]!);
  // (Statements of more than two policies saying as much say nothing of one of them.)
  if (new Set(best.map((e) => e.policy)).size > 2) return undefined;
  const title = capitalize(name(kb, best[0]!.policy.id, u.lang, false));
  return done(rc, 'answer', `${title}: ${best[0]!.st[u.lang]}`, best.slice(1).map((e) => e.st[u.lang]), unique(best.map((e) => e.st.source)).slice(0, 3));
}

/** The positions of the lexicon's words spreading a question over every one ("every", "hver"): they name no topic. */
function eachWordsAt(rc: RelationContext): number[] {
  const forms = rc.u.tokens.map((t) => t.form);
  const out: number[] = [];
  for (const words of rc.lexicon.eachWords) {
    for (let i = 0; i + words.length <= forms.length; i++) if (words.every((w, k) => forms[i + k] === w)) for (let k = 0; k < words.length; k++) out.push(i + k);
  }
  return out;
}

/** Every policy's statements, and each distinct word form they say with the statements saying it, once per knowledge base. */
export interface TopicIndex {
  readonly entries: ReadonlyArray<{ readonly policy: Policy; readonly st: { da: string; en: string; source: Source } }>;
  readonly forms: ReadonlyArray<{ readonly form: string; readonly stem: string; readonly entries: readonly number[] }>;
  /** How many entries say a question word, as worked out for earlier questions (bounded). */
  readonly countOfWord: Map<string, number>;
}
const TOPIC_INDEXES = new WeakMap<RelationContext['kb'], TopicIndex>();

/** The policies' statements by their words, built with the answerer (`prepare.ts`). */
export function policyTopicIndexOf(kb: RelationContext['kb']): TopicIndex {
  let index = TOPIC_INDEXES.get(kb);
  if (index) return index;
  const entries: Array<TopicIndex['entries'][number]> = [];
  for (const policy of kb.data.policies) for (const st of statementsIn(kb, policy)) entries.push({ policy, st });
  const byForm = new Map<string, number[]>();
  entries.forEach((e, i) => {
    for (const form of new Set(statementForms(e.st).forms)) {
      const list = byForm.get(form);
      if (list) list.push(i);
      else byForm.set(form, [i]);
    }
  });
  index = { entries, forms: [...byForm].map(([form, list]) => ({ form, stem: primaryStem(form), entries: list })), countOfWord: new Map() };
  TOPIC_INDEXES.set(kb, index);
  return index;
}

/** The most statements a question's rarest words may name before none is told apart (read one by one). */
const MAX_TOPIC_CANDIDATES = 64;

/** True when a form of the statements says a word: the word, its stem, or as part of a compound (five letters or more), as `saysEveryOf`. */
function formSays(f: TopicIndex['forms'][number], word: string, stem: string): boolean {
  return f.form === word || f.stem === stem || compoundSays(f.form, word, stem) || sameRoot(f.stem, stem);
}

/**
 * True when two stems are words of one root that the stemmer leaves apart ("bekymred" of "bekymrede", "bekymring" of
 * "bekymringer"): they open with the same six letters or more, three quarters of the shorter (of seven letters or more: "kommun" of
 * "kommunen" is no root of "kommunal").
 */
function sameRoot(a: string, b: string): boolean {
  const shorter = Math.min(a.length, b.length);
  if (shorter < 7) return false;
  let n = 0;
  while (n < shorter && a[n] === b[n]) n++;
  return n >= 6 && n * 4 >= shorter * 3;
}

/**
 * True when a longer word says a word as a part of a compound: it opens with the word's stem or ends with it (five
 * letters or more), or ends with the word as written, inflection and all ("trivselsvurderes" says "vurderes").
 */
function compoundSays(form: string, word: string, stem: string): boolean {
  return (stem.length >= 5 && (form.startsWith(stem) || form.endsWith(stem))) || (word.length >= 5 && form.length > word.length + 2 && form.endsWith(word));
}

/** How many statements say a word (counted over the forms, at most once per form; remembered per word, bounded). */
function statementCount(index: TopicIndex, word: string): number {
  let n = index.countOfWord.get(word);
  if (n === undefined) {
    const stem = primaryStem(word);
    n = 0;
    for (const f of index.forms) if (formSays(f, word, stem)) n += f.entries.length;
    if (index.countOfWord.size < 50_000) index.countOfWord.set(word, n);
  }
  return n;
}

/** The statements that say a word (read only for a question's rarest words, a few statements each). */
function entriesSaying(index: TopicIndex, word: string): number[] {
  const stem = primaryStem(word);
  const out: number[] = [];
  for (const f of index.forms) if (formSays(f, word, stem)) out.push(...f.entries);
  return out;
}
