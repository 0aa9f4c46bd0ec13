/**
 * The answering engine: question -> Answer, derived from the knowledge base only.
 */
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { buildFacts, namesOf, type FactRecord } from './facts.js';
import { analyzeText, boundedEditDistance, foldText, GENERIC_WORDS, primaryStem, stemsOf, STOPWORDS, termsOf, tokenize } from './normalize.js';
import { detectLanguage } from './language.js';
import { withStatementPeriods } from './dated-statements.js';
import { phrasesFor } from './phrases.js';
import { createSearchIndex, type QueryTerm, type SearchIndex } from './search.js';
import type { Answer, Answerer, AnswererOptions, Lang } from './types.js';
import { countedPositions, daysNamed, understand, withoutKinds, withoutNameAttributes, withoutNameCues, type Understanding } from './understand.js';
import { ANSWER_THRESHOLD, factsByKind, relatedIndexOf, unknown, type Context } from './answer-context.js';
import { answerReporting, reportingSubjectsOf } from './answer-reporting.js';
import { answerContact, answerHolder, answerLeader, leaderIndexOf } from './answer-people.js';
import { answerDates } from './answer-dates.js';
import { answerPolicies } from './answer-policies.js';
import { answerGeneral, countsWord } from './answer-general.js';
import { someFigure, statesMetric } from './figure-owners.js';
import { OverlaySet } from './overlay-set.js';
import { createFloor, isFallback, markFallback, refusedWords } from './floor.js';
import { lexiconWords, loadLexicon, type Lexicon, type QuestionKind, type SmalltalkKind } from './lexicon/lexicon.js';
import { createLinker, type Link } from './linking.js';
import { buildRelations } from './relations.js';
import { createQueries } from '../knowledge/queries.js';
import { MONTH_NAMES, toLocalDate } from '../time/format-date.js';
import { SMALLTALK } from './phrases.js';
import { splitClauses, type Clause } from './clauses.js';
import {
  answerAttribute,
  answerAbbreviation,
  answerDifference,
  answerActingHolders,
  answerPolicyAdoption,
  answerUnitParent,
  answerUnitsUnder,
  answerComingLines,
  answerConditionalLine,
  answerContactsRelation,
  answerDocumentContact,
  answerNumberOwner,
  answerReachPerson,
  answerContactFor,
  answerPostingContacts,
  answerFiguresRelation,
  answerLeaderRelation,
  answerDescribedLeader,
  answerOtherTitleLeader,
  answerMeetingRelation,
  answerMembersRelation,
  answerMembershipOn,
  answerMembershipWhen,
  answerRoleMeetings,
  answerHolderRelation,
  answerPostingTerms,
  answerProgrammesRelation,
  answerCountInStatements,
  answerParts,
  answerProgrammeStatements,
  answerPoliciesRelation,
  answerPolicyFields,
  answerPolicyStatements,
  answerPersonRole,
  answerGenitiveBoss,
  answerReportingRelation,
  answerTasksRelation,
  taskIndexOf,
  titleWordsOf,
  answerWhoDoes,
  answerTitledPerson,
  answerPersonPost,
  describedItems,
  ownCuePositions,
  type RelationContext,
} from './relation-answers/index.js';
import { suggestQuestions } from './suggestions.js';
import { answerHiringCommittee, answerLeave, answerMeetingOffices } from './relation-answers/offices.js';
import { answerMeasuredFigure } from './relation-answers/figure-measures.js';
import { answerNamedFigure } from './relation-answers/figure-named.js';
import { answerCoveredFigure, coveringFigures, saysEveryWordAsked } from './relation-answers/figure-coverage.js';
import { countsEachApart } from './relation-answers/figure-counted-apart.js';
import { answerUnitCountOn, staleAgainstUnits, unitCountOn } from './relation-answers/figure-unit-counts.js';
import { prepareIndexes } from './prepare.js';
import { answerDecisionQuestion, decisionWordLinks } from './relation-answers/decisions.js';
import { answerDateComparison, answerDatedPlace, answerDecisionWhen, answerDeputies, answerFiguresOn, answerItemDates, answerMeetingTime, answerPeriodItems, deputyPostLinks } from './answer-time.js';
import { answerDocumentDate } from './relation-answers/document-dates.js';
import { explainsTheRest, wordToSetAside } from './unknown-word.js';


/** The relation answerers, tried in this order before the general search. */
const RELATION_ANSWERERS: ReadonlyArray<(rc: RelationContext) => Answer | undefined> = [
  answerDateComparison,
  answerNumberOwner,
  answerMeetingOffices,
  answerHiringCommittee,
  answerLeave,
  answerMeasuredFigure,
  answerPostingContacts,
  answerContactFor,
  answerReachPerson,
  answerDocumentContact,
  answerAttribute,
  answerAbbreviation,
  answerDifference,
  answerPolicyAdoption,
  answerPolicyFields,
  answerConditionalLine,
  answerComingLines,
  answerUnitParent,
  answerUnitsUnder,
  answerActingHolders,
  answerGenitiveBoss,
  answerTitledPerson,
  answerPersonPost,
  answerDeputies,
  answerOtherTitleLeader,
  answerHolderRelation,
  answerDescribedLeader,
  answerWhoDoes,
  answerMembershipWhen,
  answerMembershipOn,
  answerDecisionQuestion,
  answerDecisionWhen,
  answerDocumentDate,
  answerItemDates,
  answerReportingRelation,
  answerMeetingTime,
  answerDatedPlace,
  answerRoleMeetings,
  answerMembersRelation,
  answerLeaderRelation,
  answerContactsRelation,
  answerCountInStatements,
  answerFiguresOn,
  answerFiguresRelation,
  answerNamedFigure,
  answerPoliciesRelation,
  answerPolicyStatements,
  answerTasksRelation,
  answerPersonRole,
  answerPostingTerms,
  answerProgrammesRelation,
  answerParts,
  answerProgrammeStatements,
  answerMeetingRelation,
  answerPeriodItems,
];

/** How many readings after a refused first one the arbiter puts through the floor before the refusal stands. */
const MAX_LATER_READINGS = 4;

/** The answerers that answer with figures: their answer competes with the figures that say every word asked. */
const FIGURE_ANSWERERS: ReadonlySet<(rc: RelationContext) => Answer | undefined> = new Set([answerMeasuredFigure, answerCountInStatements, answerFiguresOn, answerFiguresRelation, answerNamedFigure]);

/** Creates the answering engine over a knowledge base. */
/** The most municipality scopes of the index kept at once (each holds one byte per fact). */
const MAX_SCOPES = 32;

export function createAnswerer(knowledge: KnowledgeBase, options: AnswererOptions): Answerer {
  // Answers read statements with their period and condition (dated-statements.ts).
  const kb = withStatementPeriods(knowledge);
  const lexicon = loadLexicon(options.lexicon ?? []);
  const facts = buildFacts(kb);
  // (By the day they are read on: see daysInDateLabels.)
  const labelDays = new Map<string, ReadonlySet<string>>();
  const index = createSearchIndex(facts, lexicon.synonyms);
  const roleWords = new Set(lexicon.leaderWords.words().flatMap((w) => [w, ...stemsOf(w)]));
  const linker = createLinker(kb, lexicon.synonyms, index.knows, roleWords, lexicon.nameEquivalents, lexiconWords(lexicon));
  const relations = buildRelations(kb, lexicon);
  const queries = createQueries(kb);
  // Built now rather than by the first question that needs it.
  taskIndexOf(kb, lexicon);
  titleWordsOf(kb);
  prepareIndexes(kb, lexicon);
  // An item's own name terms; the facts already hold them for every item that owns a fact (the same set).
  const ownTermsCache = new Map<string, ReadonlySet<string>>();
  for (const fact of facts) if (!ownTermsCache.has(fact.owner)) ownTermsCache.set(fact.owner, fact.ownTerms);
  const ownTerms = (id: string): ReadonlySet<string> => {
    let terms = ownTermsCache.get(id);
    if (!terms) {
      const entry = kb.get(id);
      terms = new Set(entry ? namesOf(entry).flatMap((name) => [...termsOf(name)]) : []);
      ownTermsCache.set(id, terms);
    }
    return terms;
  };
  leaderIndexOf(kb, ownTerms);
  reportingSubjectsOf(kb, ownTerms);
  for (const id of [...namedCandidatesOf(kb), ...kb.data.concepts.map((c) => c.id), ...kb.data.decisions.map((d) => d.id)]) ancestryIn(kb, id);
  factsByKind(index.facts);
  relatedIndexOf(index.facts, 'date');
  // Computed once: the full names of items (for "named in full"), document order, list sizes.
  const fullNamesCache = new Map<string, string[]>();
  const fullNames = (id: string) => {
    let names = fullNamesCache.get(id);
    if (!names) {
      const entry = kb.get(id);
      names = (entry ? namesOf(entry) : [])
        .map((name) => tokenize(name))
        .filter((words) => words.length >= 2 || (words[0]?.length ?? 0) >= 6)
        .map((words) => words.join(' '));
      fullNamesCache.set(id, names);
    }
    return names;
  };
  const order = new Map(facts.map((fact, i) => [fact, i]));
  const detailCounts = new Map<string, number>();
  for (const fact of facts) if (fact.kind === 'detail') detailCounts.set(fact.owner, (detailCounts.get(fact.owner) ?? 0) + 1);
  const namedCandidates = namedCandidatesOf(kb);
  // Full names by their first word, so finding the names in a question looks only at its own words.
  // Items sharing a name (the same role in every unit) share one entry, so a name is compared once per position
  // however many items bear it; `at` keeps each item's place among its first word's names, the order found.
  const namesByFirstWord = new Map<string, Array<{ words: string[]; ids: string[]; at: number[] }>>();
  const nameEntries = new Map<string, { words: string[]; ids: string[]; at: number[] }>();
  const namesPerFirstWord = new Map<string, number>();
  for (const id of [...namedCandidates, ...kb.data.concepts.map((c) => c.id)]) {
    for (const name of fullNames(id)) {
      const words = name.split(' ');
      const first = words[0]!;
      const at = namesPerFirstWord.get(first) ?? 0;
      namesPerFirstWord.set(first, at + 1);
      let entry = nameEntries.get(name);
      if (!entry) {
        nameEntries.set(name, (entry = { words, ids: [], at: [] }));
        const list = namesByFirstWord.get(first);
        if (list) list.push(entry);
        else namesByFirstWord.set(first, [entry]);
      }
      entry.ids.push(id);
      entry.at.push(at);
    }
  }
  // Asked twice per question for the same text: the last answer is kept (read-only: no copy of a set that holds every
  // bearer of a post's name at 100x).
  let lastNames: { text: string; found: ReadonlySet<string> } | undefined;
  // Visits the items whose full name a text holds, in the order `namesIn` keeps them; an item may come more than once.
  const eachNameIn = (text: string, visit: (id: string) => void): void => {
    if (lastNames?.text === text) {
      lastNames.found.forEach((id) => visit(id));
      return;
    }
    const words = tokenize(text);
    for (let i = 0; i < words.length; i++) {
      const entries = namesByFirstWord.get(words[i]!);
      if (!entries) continue;
      const hits = entries.filter((entry) => entry.words.every((w, k) => words[i + k] === w));
      // (An indexed loop: a name every unit's role bears has thousands of bearers at 100x.)
      if (hits.length === 1) for (let k = 0, ids = hits[0]!.ids; k < ids.length; k++) visit(ids[k]!);
      else if (hits.length > 1) {
        // In the order found (each bearer's place is unique, and ascending within each name): the names' bearers merged,
        // without a copy of them (thousands at 100x).
        const next = hits.map(() => 0);
        for (;;) {
          let from = -1;
          for (let h = 0; h < hits.length; h++) if (next[h]! < hits[h]!.at.length && (from === -1 || hits[h]!.at[next[h]!]! < hits[from]!.at[next[from]!]!)) from = h;
          if (from === -1) break;
          visit(hits[from]!.ids[next[from]!]!);
          next[from]!++;
        }
      }
    }
  };
  const namesIn = (text: string): ReadonlySet<string> => {
    if (lastNames?.text === text) return lastNames.found;
    const found = new Set<string>();
    eachNameIn(text, (id) => found.add(id));
    lastNames = { text, found };
    return found;
  };
  // The kinds of date each dated fact's label names, read once per fact (at most one entry per date).
  const kindsSaid = new WeakMap<FactRecord, ReadonlySet<string>>();
  const context: Context = {
    kb,
    index,
    ownTerms,
    fullNames,
    namesIn,
    order,
    detailCounts,
    options,
    municipalities: new Set(),
    namedCandidates: new Set(namedCandidates),
    named: new Set(),
    namedAny: new Set(),
    saysAttribute: (text, attribute) => lexicon.attributes.match(analyzeText(foldText(text))).has(attribute),
    statesTime: (text) => tokenize(text).some((w) => /\d/.test(w) || Object.hasOwn(lexicon.numbers, w) || lexicon.recurrenceWords.has(w) || MONTH_WORDS.has(w)),
    sequenceAt: (tokens) => lexicon.sequenceWords.coverage(tokens),
    sequenceSaid: (tokens) => new Set(lexicon.sequenceWords.match(tokens).keys()),
    kindCuesAt: (tokens, kinds) => lexicon.kinds.coverageOf(tokens, kinds as ReadonlySet<QuestionKind>, undefined, false),
    dateKindsSaid: (fact) => {
      let said = kindsSaid.get(fact);
      if (!said) kindsSaid.set(fact, (said = new Set(fact.date ? lexicon.dateKinds.match(analyzeText(foldText(`${fact.date.label.da} ${fact.date.label.en}`))).keys() : [])));
      return said;
    },
  };
  const municipalityNames = kb.data.municipalities.map((m) => ({
    id: m.id,
    // "kommunen" / "the municipality" names every municipality: only names with a word of their own count.
    names: [m.name, m.labelEn, ...m.names, ...m.namesEn]
      .map((name) => tokenize(name))
      .filter((words) => words.some((w) => !GENERIC_WORDS.has(w) && !STOPWORDS.has(w)))
      .map((words) => words.map(primaryStem)),
  }));
  const municipalityOf = (fact: FactRecord) => kb.documents.get(fact.source.doc)?.municipality;
  // The positions of the index's facts by the municipality of their document, made with the answerer: one pass over
  // every fact, which the first question naming a municipality would otherwise pay for (~0.1 s at 100x).
  const byMunicipality = new Map<string | undefined, number[]>();
  for (const [i, fact] of index.facts.entries()) {
    const municipality = municipalityOf(fact);
    const list = byMunicipality.get(municipality);
    if (list) list.push(i);
    else byMunicipality.set(municipality, [i]);
  }
  const factsByMunicipality = (): Map<string | undefined, number[]> => byMunicipality;
  const municipalityWords = [...new Set(municipalityNames.flatMap((m) => m.names.flat()))];
  // Each word's place in the list under the word itself and under each of its one-letter deletions: a word within one
  // edit of a token (a letter changed, added, dropped, or two swapped) shares one of these keys with it, so only those
  // words are compared, not every word of three lengths (hundreds of municipalities at 100x). The first such word of
  // the list is the one taken.
  const municipalityWordsByKey = new Map<string, number[]>();
  municipalityWords.forEach((word, at) => {
    for (const key of new Set([word, ...deletionsOf(word)])) {
      const list = municipalityWordsByKey.get(key);
      if (list) list.push(at);
      else municipalityWordsByKey.set(key, [at]);
    }
  });
  // Question words recur ("kommune", "municipality"): each word's answer is remembered (bounded).
  const nearWords = new Map<string, string | undefined>();
  const nearMunicipalityWord = (form: string): string | undefined => {
    if (nearWords.has(form)) return nearWords.get(form);
    const near = findNearMunicipalityWord(form);
    if (nearWords.size < 50_000) nearWords.set(form, near);
    return near;
  };
  const findNearMunicipalityWord = (form: string): string | undefined => {
    let best = -1;
    for (const key of [form, ...deletionsOf(form)]) {
      // (Each key's places are in list order: none after the best found so far can be taken.)
      for (const at of municipalityWordsByKey.get(key) ?? []) {
        if (best !== -1 && at >= best) break;
        if (boundedEditDistance(form, municipalityWords[at]!, 1) <= 1) {
          best = at;
          break;
        }
      }
    }
    return best === -1 ? undefined : municipalityWords[best];
  };
  // Municipalities by the rarest word of each of their names ("kommune" is in every one): a name is said only when
  // all its words are, so only municipalities with such a word in the question are tested.
  const namesWithWord = new Map<string, number>();
  for (const m of municipalityNames) for (const words of m.names) for (const word of new Set(words)) namesWithWord.set(word, (namesWithWord.get(word) ?? 0) + 1);
  const municipalitiesByWord = new Map<string, Set<number>>();
  municipalityNames.forEach((m, i) => {
    for (const words of m.names) {
      if (words.length === 0) continue;
      const rarest = words.reduce((a, b) => (namesWithWord.get(b)! < namesWithWord.get(a)! ? b : a));
      const set = municipalitiesByWord.get(rarest);
      if (set) set.add(i);
      else municipalitiesByWord.set(rarest, new Set([i]));
    }
  });
  const scopes = new Map<string, SearchIndex>();
  const floor = createFloor(kb, index, options.lexicon, namesIn, lexicon, eachNameIn);
  // The lexicon's words and its words for kinds of unit, for telling an everyday word from what is asked (unknown-word.ts).
  const setAsideVocabulary = {
    lexiconWords: lexiconWords(lexicon),
    unitKindTerms: new Set(lexicon.unitKindWords.flatMap((level) => [...level.words]).flatMap((w) => [...termsOf(w)])),
  };
  // Every answer passes the floor: what the question asks about must be in the answer or known to be absent.
  const seen: { u?: Understanding; links?: readonly Link[] } = {};
  return {
    answer(question, localeHint) {
      const whole = withoutUnknownWord(answerChecked(question, localeHint));
      if (whole.reply.kind === 'smalltalk' || whole.reply.kind === 'ambiguous') return whole.reply;
      const chat = chatReply(question, whole);
      if (chat) return chat;
      const clauses = splitClauses(question, lexicon.interrogatives, lexicon.pronouns, lexicon.andWords);
      return clauses ? answerClauses(whole.reply, clauses, localeHint) : whole.reply;
    },
  };

  /**
   * The plain "I don't know" of a question that holds one everyday word the documents never use (unknown-word.ts):
   * asked again by ranking without that word, the answer stands when it explains every other word of the question, the
   * floor takes it as a ranked answer, and it comes from the municipalities the question names. Else "I don't know".
   */
  function withoutUnknownWord(whole: { reply: Answer; u?: Understanding; links: readonly Link[] }): typeof whole {
    const { reply, u, links } = whole;
    if (!u || reply.kind !== 'unknown' || reply.headline !== phrasesFor(reply.lang).unknown) return whole;
    const rest = context.index.queryTerms(u.tokens, u.intentWords);
    const word = wordToSetAside(u, rest, setAsideVocabulary);
    if (word === undefined) return whole;
    const asked = { ...u, intentWords: new Set([...u.intentWords, word]) };
    const namedAny = context.namesIn(u.text);
    const ctx: Context = { ...context, named: new Set([...namedAny].filter((id) => context.namedCandidates.has(id))), namedAny };
    const ranked = markFallback(answerGeneral(ctx, asked, ctx.index.queryTerms(asked.tokens, asked.intentWords)));
    if (ranked.kind !== 'answer') return whole;
    const said = [ranked.headline, ...ranked.sections.flatMap((s) => [s.title, ...s.lines])].join(' ');
    if (!explainsTheRest(rest, word, said, context.index.explainSurely)) return whole;
    const municipalities = new Set(links.filter((l) => l.kind === 'municipalities').map((l) => l.id));
    const inScope = (doc: string) => {
      const m = kb.documents.get(doc)?.municipality;
      return m === undefined || municipalities.has(m);
    };
    if (municipalities.size > 0 && !ranked.sources.every((s) => inScope(s.doc))) return whole;
    const checked = floor.check(asked, links, ranked, (lang, headline) => unknown(context, lang, headline));
    return checked.kind === 'answer' ? { ...whole, reply: checked } : whole;
  }

  /**
   * A message that asks nothing ("tak, det hjalp", "appreciate it", "nice one", "👍"): no question mark, no word that
   * asks, no verb opening a yes/no question, no cue of a kind of question, no date, and no name of anything the documents
   * hold. Its "I don't know" (or a ranked fact that merely shares a word with a greeting or thanks in it) is no reply: a
   * greeting, thanks or goodbye in it is answered as small talk; anything else gets "I don't know" with a hint of what
   * the bot can answer, and no suggested questions that would read as facts.
   */
  function chatReply(question: string, whole: { reply: Answer; u?: Understanding; links: readonly Link[] }): Answer | undefined {
    const { reply, u, links } = whole;
    if (!u) return undefined;
    const generic = reply.kind === 'unknown' && reply.headline === phrasesFor(reply.lang).unknown;
    if (!generic && !(reply.kind === 'answer' && isFallback(reply))) return undefined;
    // (Read from the whole message: a thanks that opens it is a preamble the question is read without.)
    const said = analyzeText(foldText(question));
    const talks = [...lexicon.smalltalk.match(said)].sort((a, b) => b[1].strength - a[1].strength);
    const smalltalk = (kind: SmalltalkKind): Answer => ({ kind: 'smalltalk', lang: u.lang, headline: SMALLTALK[u.lang][kind], sections: [], details: [], sources: [], suggestions: kind === 'greeting' || kind === 'ack' ? suggestQuestions(kb, u.lang) : [] });
    // A message that is small talk from end to end ("hvem er du", "what can you do?") asks the bot, not the documents.
    const covered = lexicon.smalltalk.coverage(said);
    for (const p of lexicon.addressees.coverage(said)) covered.add(p);
    // (Not when it names something the documents hold: "hvad går Start ud på" asks about the programme called Start.)
    const names = links.some((l) => l.kind !== 'municipalities' && l.quality >= 0.9);
    if (!names && talks.length > 0 && said.every((t, i) => covered.has(i) || STOPWORDS.has(t.form))) return smalltalk(talks[0]![0]);
    if (question.includes('?')) return undefined;
    const asks =
      u.tokens.some((t) => lexicon.interrogatives.has(t.form)) ||
      (u.tokens[0] !== undefined && lexicon.askingVerbs.has(u.tokens[0].form)) ||
      [...u.kinds.keys()].some((k) => !lexicon.keepWords.has(k)) ||
      u.range !== undefined ||
      u.day !== undefined ||
      names;
    if (asks) return undefined;
    // A message of no words at all (an emoji, a "+1") acknowledges.
    const kind = talks[0]?.[0] ?? (said.length === 0 ? 'ack' : undefined);
    if (kind) return smalltalk(kind);
    // (A ranked fact for words that are no greeting is kept: "onboarding af nye medarbejdere" is a question without its "?".)
    if (!generic) return undefined;
    return { ...reply, headline: phrasesFor(u.lang).notAsked, suggestions: [] };
  }

  /** One question through the engine and the floor, with what the engine understood of it and the names it linked. */
  function answerChecked(question: string, localeHint: string | undefined): { reply: Answer; u?: Understanding; links: readonly Link[] } {
    seen.u = undefined;
    // The readings are made lazily, in the engine's order: only the first is worked out unless the arbiter asks for more.
    const readings = readingsOf(question, localeHint);
    const next = readings.next().value as Reading | PendingSearch;
    const first = next.source === 'search' ? next.make() : next;
    // (Read through a cast: TypeScript keeps `seen.u` narrowed to undefined across the call above.)
    const u = seen.u as Understanding | undefined;
    if (!u) return { reply: first.answer, links: [] };
    const links = first.links ?? seen.links ?? [];
    const reply = checkReading(u, links, first.answer);
    if (first.source === 'final' || (first.answer.kind !== 'unknown' && reply === first.answer)) return { reply, u, links };
    // The first reading is refused by the floor for words no answer of it accounts for ("the documents name X but do not
    // mention <words>"): the next few readings compete, and the first the floor accepts that says those words answers.
    // Any other refusal stands: an answerer's own ("X is named but no phone number is given") knows the value is absent.
    // (An answerer's own refusal is read as an answer only once a later reading could replace it: most have none.)
    let missing = refusedWords(reply) ?? (isOwnRefusal(first.answer) && leavesWordOut(u, first.answer, index.knows) ? null : undefined);
    if (missing === undefined) return { reply, u, links };
    let tried = 0;
    for (const next of readings) {
      // (The general search comes last; only its "when" side path, one statement that states a time and says the kind of
      // date asked, may answer. Its ranked fallback says the words somewhere in a list about the thing named, which the
      // floor lets pass for a reading it would refuse on its own; measured, it answered unanswerable questions with a
      // fact. So the fallback is never worked out for the arbiter.)
      if (++tried > MAX_LATER_READINGS || (next.source === 'search' && !next.timed)) break;
      const reading = next.source === 'search' ? next.make() : next;
      if (reading.answer.kind !== 'answer') continue;
      if (missing === null) {
        missing = ownRefusalMisses(u, links, first.answer);
        if (!missing) break;
      }
      if (!saysWords(reading.answer, missing)) continue;
      const readingLinks = reading.links ?? seen.links ?? [];
      if (checkReading(u, readingLinks, reading.answer) === reading.answer) return { reply: reading.answer, u, links: readingLinks };
    }
    return { reply, u, links };
  }

  /**
   * The words of the question an answerer's own refusal ("the documents do not name the head of X") leaves unexplained,
   * read as the floor reads an answer: a refusal that explains every word asked about knows that what was asked is absent
   * and stands; one that leaves a word out refused another question than the one asked.
   */
  function ownRefusalMisses(u: Understanding, links: readonly Link[], refusal: Answer): readonly QueryTerm[] | undefined {
    return refusedWords(checkReading(u, links, { ...refusal, kind: 'answer' }));
  }

  /** A reading's answer through the floor: the answer, or the refusal the floor puts in its place. */
  function checkReading(u: Understanding, links: readonly Link[], reply: Answer): Answer {
    // Every cue of an understood kind says what is asked ("What competences … under <concept>" is a
    // competence question even when "profile" was the kind's strongest cue): none of them is a loose word.
    const cues = lexicon.kinds.coverageOf(u.tokens, new Set(u.kinds.keys()), undefined, false);
    // An answer that explains some words by what it answers (acting, adopted, part of: org-changes.ts) has them as cues.
    for (const p of ownCuePositions(reply) ?? []) cues.add(p);
    const understood = cues.size > 0 ? { ...u, cuePositions: new Set([...u.cuePositions, ...cues]) } : u;
    const say = (lang: Lang, headline?: string) => unknown(context, lang, headline);
    return floor.explainUnknown(understood, links, floor.check(understood, links, reply, say), say);
  }

  /**
   * Two or three questions in one message, each asked on its own (a word pointing back, "den", "their", read as the thing
   * the clause before names, unless that clause asks "who": then it points to the person answered). The whole message's
   * answer stands when it answers; a clause the documents cannot answer, about a thing they name, is said to be missing
   * beside it ("34 children; the documents name Myretuen but do not mention which district"). When the whole message
   * gets no answer, the clauses that have one are answered, and the others are said to be unknown.
   */
  function answerClauses(whole: Answer, clauses: readonly Clause[], localeHint: string | undefined): Answer {
    const parts: Array<{ clause: Clause; reply: Answer; names: boolean }> = [];
    let antecedent: string | undefined;
    for (const clause of clauses) {
      const asked = clause.pointsBack && antecedent !== undefined ? clause.resolved(antecedent) : clause.text;
      const { reply, u, links } = answerChecked(asked, localeHint ?? (whole.lang === 'da' ? 'da-DK' : 'en-US'));
      const sure = links.filter((l) => l.kind !== 'municipalities' && l.quality >= 0.9);
      parts.push({ clause, reply, names: sure.length > 0 });
      // The thing a later clause points back to: the first thing this one names (none after a "who": the answer is meant).
      if (antecedent === undefined && u && sure.length > 0 && !u.askedWho) antecedent = u.tokens.slice(sure[0]!.start, sure[0]!.end).map((t) => t.form).join(' ');
    }
    if (parts.some((p) => p.reply.lang !== whole.lang || p.reply.kind === 'smalltalk' || p.reply.kind === 'ambiguous')) return whole;
    const generic = (a: Answer) => a.kind === 'unknown' && a.headline === phrasesFor(a.lang).unknown;
    const missing = (p: (typeof parts)[number]) => (generic(p.reply) ? phrasesFor(whole.lang).clauseUnknown(p.clause.text) : p.reply.headline);
    if (whole.kind === 'answer') {
      // Only beside a clause that the answer answers, and for a clause that names the thing it asks about.
      if (!parts.some((p) => p.reply.kind === 'answer')) return whole;
      const unanswered = parts.filter((p) => p.reply.kind === 'unknown' && !generic(p.reply) && p.names);
      if (unanswered.length === 0) return whole;
      return { ...whole, headline: sentences([whole.headline, ...unanswered.map((p) => p.reply.headline)]) };
    }
    // (Only a clause that names what it asks about: "and what kind" alone is answered about anything.)
    const answered = parts.filter((p) => p.reply.kind === 'answer' && p.names);
    if (answered.length === 0) return whole;
    const base = answered[0]!.reply;
    const rest = parts.filter((p) => p.reply !== base);
    const sources = [...base.sources];
    for (const p of rest) for (const s of p.reply.sources) if (!sources.some((x) => x.doc === s.doc && x.quote === s.quote)) sources.push(s);
    return {
      ...base,
      headline: sentences([base.headline, ...rest.map((p) => (p.reply.kind === 'answer' ? p.reply.headline : missing(p)))]),
      sections: [...base.sections, ...rest.filter((p) => p.reply.kind === 'answer').flatMap((p) => p.reply.sections)],
      details: [...(base.details ?? []), ...rest.flatMap((p) => (p.reply.kind === 'answer' ? (p.reply.details ?? []) : []))],
      sources,
    };
  }

  /**
   * "the new Mågen leader", "lederen af Kløverengen", "head of Stjernehuset": a leader word right next to a unit's name
   * names the role that leads the unit (or, when the documents name none, the post a job posting there is for).
   * Returns links for those roles over the unit's name and the word, and the positions of the leader words.
   */
  function unitLeaderLinks(u: Understanding, found: readonly Link[]): { links: Link[]; words: number[]; ownLeaders: number[] } {
    const units = found.filter((l) => l.kind === 'units' && l.quality >= 0.9);
    if (units.length === 0) return { links: [], words: [], ownLeaders: [] };
    const leaderAt = lexicon.leaderWords.coverage(u.tokens);
    if (leaderAt.size === 0) return { links: [], words: [], ownLeaders: [] };
    const inLink = (p: number) => found.some((l) => p >= l.start && p < l.end);
    const isLeader = (p: number) => leaderAt.has(p) && !inLink(p) && !STOPWORDS.has(u.tokens[p]?.form ?? '');
    const out: Link[] = [];
    const words: number[] = [];
    // The leader words whose roles are the unit's own head ("the Area West manager" is the head of Area West), not a
    // post above it ("konsulentteamets chef": the head of day care, whom the team reports to).
    const ownLeaders: number[] = [];
    for (const unit of units) {
      let span: { start: number; end: number; word: number } | undefined;
      if (isLeader(unit.end)) span = { start: unit.start, end: unit.end + 1, word: unit.end };
      else if (leaderAt.has(unit.start - 1) && STOPWORDS.has(u.tokens[unit.start - 1]!.form) && isLeader(unit.start - 2)) span = { start: unit.start - 2, end: unit.end, word: unit.start - 2 };
      if (!span) continue;
      let roles = relations.leadersOf(unit.id);
      if (roles.length === 0) roles = [...new Set(relations.postingsOf(unit.id).map((id) => kb.get(id)).flatMap((e) => (e?.kind === 'postings' ? [e.item.role] : [])))];
      if (roles.length === 0) continue;
      for (const role of roles) out.push({ id: role, kind: 'roles', start: span.start, end: span.end, quality: unit.quality });
      words.push(span.word);
      // Only a head the documents name as the unit's own (`ledBy`): a team's one role may be a member reporting elsewhere.
      // So is the post above a team that the team is led from (relations.ts: "sprogvejleder" in Sprogteamet, under the
      // head of Fagligt Sekretariat): "hvem er chef for sprogteamet" asks for that head, not for the head's boss.
      const unitItem = kb.get(unit.id)?.item as { ledBy?: readonly string[]; parent?: string } | undefined;
      const ledBy = unitItem?.ledBy ?? [];
      const roleUnit = (role: string) => (kb.get(role)?.item as { unit?: string } | undefined)?.unit;
      const ledFromAbove = (role: string) => ledBy.length === 0 && unitItem?.parent !== undefined && roleUnit(role) === unitItem.parent && relations.rolesIn(unit.id).length === 1;
      if (roles.every((role) => (ledBy.includes(role) && roleUnit(role) === unit.id) || ledFromAbove(role))) ownLeaders.push(span.word);
    }
    return { links: out, words, ownLeaders };
  }

  /**
   * The readings of a question, as candidate answers in the engine's order of preference: the relation answerers', the
   * intent answerers', the side path's, the general search's. Made lazily: each is worked out only when asked for.
   * Sets `seen.u` and `seen.links` before the first reading of an understood question.
   */
  // The days the dated items' own labels and subjects name ("Budgetopfølgning pr. 30. juni"), as of a day (years resolve
  // from it).
  function daysInDateLabels(today: string): ReadonlySet<string> {
    let days = labelDays.get(today);
    if (!days) {
      days = new Set(kb.data.dates.flatMap((d) => daysNamed(`${d.label.da}. ${d.label.en}. ${d.subject?.da ?? ''}. ${d.subject?.en ?? ''}`, today)));
      if (labelDays.size > 8) labelDays.clear();
      labelDays.set(today, days);
    }
    return days;
  }

  function* readingsOf(question: string, localeHint: string | undefined): Generator<Reading | PendingSearch, void, undefined> {
      let u = understand(question, options.now(), lexicon, index.knows, localeHint);
      // "Hvad går Start ud på?": a question about an item whose name is also a word of small talk.
      if (u.smalltalk && u.smalltalk !== 'command' && (u.kinds.size > 0 || u.attributes.length > 0)) {
        const names = linker.link(u.tokens).filter((l) => !['municipalities', 'concepts'].includes(l.kind) && l.quality >= 0.9);
        if (names.length > 0) {
          const cuePositions = new Set(u.cuePositions);
          const intentWords = new OverlaySet(u.intentWords);
          for (const l of names) {
            for (const p of range(l)) {
              // A word of small talk only ("start"); a kind of date in it is settled with the other cues below.
              if (!lexicon.dateKinds.match([u.tokens[p]!]).size) cuePositions.delete(p);
              intentWords.delete(u.tokens[p]!.form);
            }
          }
          u = { ...u, smalltalk: undefined, cuePositions, intentWords };
        }
      }
      // "hvornår skal budgetopfølgningen pr. 30. juni indberettes": a day named that a dated item's own label or subject says
      // ("pr. 30. juni") is part of that item's name, not the day asked about: asked when, the question names no day.
      if (u.askedWhen && u.range && u.range.from === u.range.to && daysInDateLabels(toLocalDate(options.now())).has(u.range.from)) {
        const { day: _day, range: _range, ...undated } = u;
        u = undated;
      }
      if (u.smalltalk) {
        yield final({ kind: 'smalltalk', lang: u.lang, headline: SMALLTALK[u.lang][u.smalltalk], sections: [], details: [], sources: [], suggestions: u.smalltalk === 'greeting' || u.smalltalk === 'ack' ? suggestQuestions(kb, u.lang) : [] });
        return;
      }
      const linked = linker.link(u.tokens);
      const datePositions = new Set([...lexicon.dateKinds.match(u.tokens).values()].flatMap((m) => [...m.positions]));
      const nameLinks = linked.filter((l) => !NOT_NAME_CUES.has(l.kind) && l.quality >= 0.85);
      // Another cue of a kind outside the names still asks ("the staff unit manager's boss"), unless it is a word of the
      // name right next to it ("pay" in "New Pay (Ny Løn)").
      const otherCues = (kind: QuestionKind) =>
        new Set([...lexicon.kinds.coverageEverywhere(u.tokens, new Set([kind]))].filter((p) => !nameLinks.some((l) => (p === l.start - 1 || p === l.end) && linker.isOwnWord(l.id, u.tokens[p]!))));
      // (A name of several words, of any kind, that says a kind of date among words of its own names the item: "Sprog fra start".)
      const phrases = linked.filter((l) => l.kind !== 'municipalities' && l.quality >= 0.9 && l.end - l.start > 1);
      u = withoutNameCues(u, [...nameLinks, ...definedNames(u, linked)], datePositions, otherCues, phrases);
      u = withoutNameAttributes(u, nameLinks, lexicon);
      u = withoutTopicDates(u, lexicon);
      // (Loops over each link's positions rather than arrays of them: a name many items share links thousands.)
      // A name is widened over words of its own, never over a word any kind of question uses as a cue ("pay", "manage").
      const cueWords = new Set([...u.cuePositions, ...lexicon.kinds.coverage(u.tokens), ...(u.intents.has('figure') ? [...u.metricAt.values()].flat() : []), ...datePositions]);
      const found = linker.widen(u.tokens, linked, cueWords).filter((l) => {
        for (let i = l.start; i < l.end; i++) if (!u.cuePositions.has(i)) return true;
        return false;
      });
      // Names are not language: "Who leads Center for Børne- og Ungerådgivning?" is English.
      const nameWords = new Set<string>();
      // (Indexed loops over the links here and below: hundreds at 100x, in a function too long to be optimised soon, where
      // a `for…of` allocates an iterator result per link.)
      for (let k = 0; k < found.length; k++) for (let i = found[k]!.start; i < found[k]!.end; i++) nameWords.add(u.tokens[i]!.form);
      const rest = (u.text.toLowerCase().match(/[a-zæøåé]+/g) ?? []).filter((w) => !nameWords.has(foldText(w)));
      const lang = nameWords.size > 0 && rest.length > 0 ? detectLanguage(rest.join(' '), localeHint) : u.lang;
      if (lang !== u.lang) u = { ...u, lang };
      const led = unitLeaderLinks(u, found);
      let links = [...led.links, ...found];
      if (led.words.length > 0) {
        // "who is the Area West manager": the leader word names the unit's leader, it does not ask for a boss.
        // A kind stays when another of its cues asks ("the staff unit manager's boss").
        const leaderWords = new Set(led.ownLeaders);
        const named = [...u.kinds.keys()].filter((kind) => lexicon.groups.get(kind) === 'reporting').filter((kind) => {
          const words = [...lexicon.kinds.coverageEverywhere(u.tokens, new Set([kind]))].filter((p) => !STOPWORDS.has(u.tokens[p]!.form));
          return words.length > 0 && words.every((p) => leaderWords.has(p));
        });
        u = withoutKinds(u, named);
        const cuePositions = new Set(u.cuePositions);
        const intentWords = new OverlaySet(u.intentWords);
        for (const p of led.words) {
          cuePositions.add(p);
          intentWords.add(u.tokens[p]!.form);
        }
        u = { ...u, cuePositions, intentWords };
      }
      const namePositions = new Set<number>();
      for (let k = 0; k < links.length; k++) {
        const l = links[k]!;
        if (l.kind === 'municipalities') continue;
        for (let i = l.start; i < l.end; i++) namePositions.add(i);
      }
      u = { ...u, namePositions, namedAt: namedAtOf(links) };
      // "Hvor mange børn går i Distrikt Baltorp?" counts children: "distrikt" is part of a name there. A decision
      // named by what it changes ("flere souschefer", "more deputies") still counts that.
      const longNames = found.filter((l) => l.kind !== 'municipalities' && l.kind !== 'decisions' && l.end - l.start > 1);
      // "How many children go to day care in X": a metric word that names a place the question names ("day care", the
      // day-care area), away from every "how many", is where the counted thing is, when another metric is counted.
      const countedAt = new Set(countedPositions(u.tokens, u.kinds.get('figure')?.positions ?? [], lexicon));
      const isCounted = (m: string) => (u.metricAt.get(m) ?? []).some((p) => countedAt.has(p));
      const placeNames = found.filter((l) => l.kind === 'units' && l.quality >= 0.9);
      const metrics = u.metrics.filter((m) => {
        const at = u.metricAt.get(m) ?? [];
        if (longNames.some((l) => at.every((p) => p >= l.start && p < l.end) && l.end - l.start > at.length)) return false;
        return isCounted(m) || !u.metrics.some(isCounted) || !placeNames.some((l) => at.every((p) => p >= l.start && p < l.end));
      });
      if (metrics.length !== u.metrics.length) u = { ...u, metrics, metric: u.intents.has('figure') ? metrics[0] : undefined };
      // "how many kids go to the children's houses in Øst": a name that is wholly a word for what is counted (a house
      // glossed "children's house") is no subject beside another item the question names.
      if (u.intents.has('figure')) {
        const countedAt = lexicon.metrics.coverageOf(u.tokens, new Set(u.metricAt.keys()));
        const isCounted = (l: Link) => l.kind !== 'municipalities' && range(l).every((p) => countedAt.has(p));
        if (links.some(isCounted) && links.some((l) => l.kind !== 'municipalities' && !isCounted(l))) {
          // The words of such a name describe where the thing counted is, they count nothing of their own.
          const dropped = links.filter(isCounted);
          const first = countedPositions(u.tokens, u.kinds.get('figure')?.positions ?? [], lexicon);
          // A metric right after "and" is one more thing counted ("hvor mange børn og medarbejdere").
          const listed = (p: number) => lexicon.andWords.has(u.tokens[p - 1]?.form ?? '');
          const kept = u.metrics.filter((m) => {
            const at = u.metricAt.get(m) ?? [];
            return at.some((p) => first.includes(p) || listed(p)) || !dropped.some((l) => at.every((p) => p >= l.start && p < l.end));
          });
          if (kept.length > 0 && kept.length !== u.metrics.length) u = { ...u, metrics: kept, metric: kept[0] };
          links = links.filter((l) => !isCounted(l));
        }
      }
      // "Hvor mange dagtilbud har Lyngbakken": a metric that no figure of the knowledge base states (the lexicon's
      // "facilities") is not how these documents count the word; a figure whose own text counts it ("9 dagtilbud",
      // metric "institutions") does, so the word is counted by its own words.
      if (u.intents.has('figure')) {
        const unstated: string[] = u.metrics.filter((m) => !statesMetric(kb, m) && (u.metricAt.get(m) ?? []).some((p) => someFigure(kb, (f) => countsWord(f, u.tokens[p]!.form, 1))));
        if (unstated.length > 0) {
          const metrics = u.metrics.filter((m) => !unstated.includes(m));
          u = { ...u, metrics, metric: metrics[0], metricAt: new Map([...u.metricAt].filter(([m]) => !unstated.includes(m))) };
        }
      }
      // A municipality named in the question ("i Ballerup", "in Copenhagen", "kobenhavn") limits the answer to it.
      const said = new Set(u.tokens.map((t) => primaryStem(t.form)));
      for (const token of u.tokens) {
        const near = token.form.length >= 6 ? nearMunicipalityWord(token.form) : undefined;
        if (near) said.add(near);
      }
      const mayBeNamed = new Set<number>();
      for (const word of said) for (const i of municipalitiesByWord.get(word) ?? []) mayBeNamed.add(i);
      const named = new Set(
        [...mayBeNamed]
          .sort((a, b) => a - b)
          .map((i) => municipalityNames[i]!)
          .filter((m) => m.names.some((words) => words.length > 0 && words.every((w) => said.has(w))))
          .map((m) => m.id),
      );
      for (let k = 0; k < links.length; k++) if (links[k]!.kind === 'municipalities') named.add(links[k]!.id);
      seen.u = u;
      seen.links = links;
      const rc = relationContext({ kb, relations, queries, today: toLocalDate(options.now()), lexicon, options, u, links, municipalities: named, ctx: { ...context, municipalities: named } });
      for (const relationAnswer of relationAnswers(rc)) {
        // A role the question describes ("the new Mågen leader") is named by those words: the floor counts them as a name.
        // So are the words that a decision's own words explain ("flytte" of "flytningen af dagplejen").
        const described = [...describedItems(rc).flat(), ...decisionWordLinks(relationAnswer), ...deputyPostLinks(relationAnswer)];
        yield { answer: relationAnswer, links: described.length > 0 ? [...links, ...described] : links, source: 'relation' };
      }
      if (named.size === 0) {
        yield* understoodReadings(context, u);
        return;
      }
      // "Who is the head of day care in Copenhagen?": a role named in full that exists only in other
      // municipalities is not there; answering with something else from Copenhagen would mislead.
      if (onlyElsewhere(kb, namesIn(u.text), named)) {
        yield final(unknown(context, u.lang));
        return;
      }
      const key = [...named].sort().join(',');
      let scoped = scopes.get(key);
      if (!scoped) {
        // In scope: the facts of the municipalities named and those of no municipality. Decided once per set of
        // municipalities, from the facts grouped once by municipality, not per fact touched per question.
        const groups = factsByMunicipality();
        scoped = index.restrictTo([...(groups.get(undefined) ?? []), ...[...named].flatMap((m) => groups.get(m) ?? [])]);
        // Bounded: one entry per set of municipalities asked about; the oldest goes first.
        if (scopes.size >= MAX_SCOPES) scopes.delete(scopes.keys().next().value!);
        scopes.set(key, scoped);
      }
      // The scope answers for the municipality's name; matching it again would only touch every fact.
      const municipalityStems = new Set(
        municipalityNames.filter((m) => named.has(m.id)).flatMap((m) => m.names.filter((words) => words.every((w) => said.has(w))).flat()),
      );
      const intentWords = new OverlaySet(u.intentWords);
      for (const token of u.tokens) if (municipalityStems.has(primaryStem(token.form))) intentWords.add(token.form);
      yield* understoodReadings({ ...context, index: scoped, municipalities: named }, { ...u, intentWords });
  }
}

/**
 * "Hvad er personaleledelse?", "what is meant by line of management": a definition asks about a name, and when one
 * item's name (a concept's too) is all the question says besides the definition's cue, the name is what is asked
 * about, even where its words are another kind's cue.
 */
/**
 * "Which guideline is about absence interviews", "hvilken politik handler om frister": a question asking which policy
 * (a word asking which right before the word for a policy) and not when names a kind of date only as the topic the
 * policy is about: it asks for the policy, and the kind of date is a word of that topic.
 */
function withoutTopicDates(u: Understanding, lexicon: Lexicon): Understanding {
  if (u.dateKinds.size === 0 || u.askedWhen || u.kinds.has('when') || u.kinds.has('dates') || u.range !== undefined || u.day !== undefined) return u;
  const policy = u.kinds.get('policy');
  if (!policy) return u;
  const whichAt = new Set([...lexicon.whichWords.match(u.tokens).values()].flatMap((m) => [...m.positions]));
  const first = Math.min(...policy.positions);
  if (!whichAt.has(first - 1)) return u;
  const dateAt = new Set([...lexicon.dateKinds.match(u.tokens).values()].flatMap((m) => [...m.positions]));
  const cuePositions = new Set(u.cuePositions);
  const intentWords = new OverlaySet(u.intentWords);
  for (const p of dateAt) {
    if (policy.positions.includes(p)) continue;
    cuePositions.delete(p);
    intentWords.delete(u.tokens[p]!.form);
  }
  const intents = new Set(u.intents);
  intents.delete('dates');
  return { ...u, cuePositions, intentWords, intents, dateKinds: new Set(), dateKindTerms: new Set() };
}

function definedNames(u: Understanding, linked: readonly Link[]): Array<{ start: number; end: number; whole: true }> {
  const definition = u.kinds.get('definition');
  if (!definition) return [];
  const cue = new Set(definition.positions);
  const rest = u.tokens.flatMap((t, i) => (cue.has(i) || STOPWORDS.has(t.form) ? [] : [i]));
  if (rest.length === 0) return [];
  const covers = (l: Link) => l.kind !== 'municipalities' && l.quality >= 0.9 && rest.every((p) => p >= l.start && p < l.end) && !definition.positions.some((p) => p >= l.start && p < l.end);
  return linked.filter(covers).slice(0, 1).map((l) => ({ start: l.start, end: l.end, whole: true }));
}

/**
 * The items each position names surely (the links over it, in their order), worked out when first read: few questions
 * read it, and a name many items share links thousands at scale.
 */
function namedAtOf(links: readonly Link[]): ReadonlyMap<number, readonly string[]> {
  let map: Map<number, string[]> | undefined;
  const built = (): ReadonlyMap<number, readonly string[]> => {
    if (map) return map;
    map = new Map();
    for (let k = 0; k < links.length; k++) {
      const l = links[k]!;
      if (l.kind === 'municipalities' || l.quality < 0.9) continue;
      for (let i = l.start; i < l.end; i++) {
        // (Pushed, not copied: a name many items share links thousands at scale.)
        const ids = map.get(i);
        if (ids) ids.push(l.id);
        else map.set(i, [l.id]);
      }
    }
    return map;
  };
  return {
    get: (key) => built().get(key),
    has: (key) => built().has(key),
    get size() {
      return built().size;
    },
    forEach: (callback, thisArg) => built().forEach(callback, thisArg),
    entries: () => built().entries(),
    keys: () => built().keys(),
    values: () => built().values(),
    [Symbol.iterator]: () => built()[Symbol.iterator](),
  };
}

/**
 * True when the items named in full include roles and every one of them is of a municipality other than those named
 * (looked at one by one, no list of the thousands of bearers a post's name has at 100x).
 */
function onlyElsewhere(kb: KnowledgeBase, items: ReadonlySet<string>, municipalities: ReadonlySet<string>): boolean {
  let roles = 0;
  for (const id of items) {
    const entry = kb.get(id);
    if (entry?.kind !== 'roles') continue;
    roles++;
    if (entry.item.municipality === undefined || municipalities.has(entry.item.municipality)) return false;
  }
  return roles > 0;
}

/**
 * The items of a set that are among the candidates, in its order: the set itself when all are (the usual case, and no
 * copy of the thousands of bearers a shared name has at 100x).
 */
function candidatesAmong(items: ReadonlySet<string>, candidates: ReadonlySet<string>): ReadonlySet<string> {
  let all = true;
  for (const id of items) {
    if (candidates.has(id)) continue;
    all = false;
    break;
  }
  if (all) return items;
  const out = new Set<string>();
  for (const id of items) if (candidates.has(id)) out.add(id);
  return out;
}

/** A word with one letter left out, at each place. */
function deletionsOf(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/**
 * True when an answer's headline states a time: the one statement it gives, not a title over a list of another item's
 * facts that merely share a word with the question.
 */
function statesTimeIn(ctx: Context, answer: Answer): boolean {
  return !answer.headline.trim().endsWith(':') && (ctx.statesTime?.(answer.headline) ?? false);
}

/**
 * True when a fact, as the general answer's one statement, may state a time: a dated fact always does (its day is
 * shown), a figure may (its day, or its owner's name, is put in front), any other when its own text does.
 */
function mayStateTime(ctx: Context, fact: FactRecord, lang: Lang): boolean {
  return fact.kind === 'date' || fact.kind === 'figure' || (ctx.statesTime?.(fact.text[lang]) ?? false);
}

/** Headlines one after another, each ending as a sentence. */
function sentences(headlines: readonly string[]): string {
  return headlines.map((h) => (/[.!?:]$/.test(h.trim()) ? h.trim() : `${h.trim()}.`)).join(' ');
}

/** The items a question can name in full (for "named in full"), in this order. */
function namedCandidatesOf(kb: KnowledgeBase): string[] {
  return [
    ...kb.data.roles,
    ...kb.data.units,
    ...kb.data.postings,
    ...kb.data.people,
    ...kb.data.leadershipGroups,
    ...kb.data.meetings,
    ...kb.data.policies,
    ...kb.data.programmes,
  ].map((item) => item.id);
}

/** The month names of both languages, folded: a text that names one states a time. */
const MONTH_WORDS: ReadonlySet<string> = new Set([...MONTH_NAMES.da, ...MONTH_NAMES.en].map((m) => foldText(m)));

/** Kinds of link that are no name of what is asked about when cue words are settled. */
const NOT_NAME_CUES: ReadonlySet<string> = new Set(['municipalities', 'concepts', 'decisions']);

function range(link: Link): number[] {
  return Array.from({ length: link.end - link.start }, (_, i) => link.start + i);
}

/** Each item's ancestry (itself, its role, unit or parent up the line, and their municipalities), per knowledge base. */
const ANCESTRIES = new WeakMap<KnowledgeBase, Map<string, ReadonlySet<string>>>();

/**
 * An item's ancestry depends on the knowledge base only: worked out once per item and kept with the knowledge base (at
 * most one entry per item), not once per question (a name shared by many items links to all of them). The answerer
 * works it out for every nameable item when it is built, so no question pays for thousands at once.
 */
function ancestryIn(kb: KnowledgeBase, id: string): ReadonlySet<string> {
  let known = ANCESTRIES.get(kb);
  if (!known) ANCESTRIES.set(kb, (known = new Map()));
  let found = known.get(id);
  if (!found) {
    const out = new Set<string>();
    let current: string | undefined = id;
    for (let depth = 0; current && depth < 8 && !out.has(current); depth++) {
      out.add(current);
      const entry = kb.get(current);
      const item = entry?.item as { unit?: string; parent?: string; municipality?: string; role?: string; source?: { doc: string } } | undefined;
      if (item?.municipality) out.add(item.municipality);
      // An item belongs to the municipality of the document it comes from, stated or not.
      const documentMunicipality = item?.source ? kb.documents.get(item.source.doc)?.municipality : undefined;
      if (documentMunicipality) out.add(documentMunicipality);
      current = item?.role ?? item?.unit ?? item?.parent;
    }
    known.set(id, (found = out));
  }
  return found;
}

/** True when links are in order of quality, best first. */
function byQuality(links: readonly Link[]): boolean {
  for (let k = 1; k < links.length; k++) if (links[k]!.quality > links[k - 1]!.quality) return false;
  return true;
}

/** The last `subjectGroups` call that linked each item (at most one entry per item), per knowledge base. */
const LINK_STAMPS = new WeakMap<KnowledgeBase, { call: number; of: Map<string, number> }>();

/** The items named, grouped by where they are named, limited to the municipalities named, best reading first. */
function subjectGroups(kb: KnowledgeBase, links: readonly Link[], municipalities: ReadonlySet<string>): Link[][] {
  const groups = new Map<number, Link[]>();
  for (const link of links) {
    if (link.kind === 'municipalities') continue;
    // (A number per span, not a string per link: hundreds of links share a span at 100x.)
    const key = link.start * 65_536 + link.end;
    const group = groups.get(key);
    if (group) group.push(link);
    else groups.set(key, [link]);
  }
  // Which items are linked, by a stamp per call kept with the knowledge base: no set of the hundreds of items a shared
  // name links at 100x per question.
  let stamps = LINK_STAMPS.get(kb);
  if (!stamps) LINK_STAMPS.set(kb, (stamps = { call: 0, of: new Map() }));
  const call = ++stamps.call;
  const linkedAt = stamps.of;
  for (let k = 0; k < links.length; k++) linkedAt.set(links[k]!.id, call);
  const linked = { has: (id: string) => linkedAt.get(id) === call };
  const ancestry = (id: string): ReadonlySet<string> => ancestryIn(kb, id);
  const municipalityOf = (id: string) => ancestry(id);
  const result: Link[][] = [];
  for (const group of groups.values()) {
    let fit = group;
    if (municipalities.size > 0) {
      const inside = group.filter((l) => {
        const ancestors = municipalityOf(l.id);
        for (const m of municipalities) if (ancestors.has(m)) return true;
        return false;
      });
      if (inside.length === 0) continue;
      fit = inside;
    }
    // A reading related to another item the question names ("pædagogisk leder i Stjernehuset") first.
    // Another reading of the same words is no other item named ("family day care": the childminding and its childminders).
    // (Only for sure readings of another kind: of loose ones, or of a post and the same post in one place, the narrower
    // is the likelier reading.)
    // (The same for every link of a kind: made once per kind, not once per link of a group hundreds share at 100x.)
    const sameByKind = new Map<string, ReadonlySet<string>>();
    const sameWords = (l: Link): ReadonlySet<string> => {
      let same = sameByKind.get(l.kind);
      if (!same) sameByKind.set(l.kind, (same = new Set(group.filter((x) => x.quality >= 0.9 && x.kind !== l.kind).map((x) => x.id))));
      return same;
    };
    const isRelated = (l: Link) => {
      const same = sameWords(l);
      for (const id of ancestry(l.id)) if (id !== l.id && linked.has(id) && !same.has(id) && !municipalities.has(id)) return true;
      return false;
    };
    // Decided once per link, not once per comparison of the sort.
    const relatedLinks = new Set(fit.filter(isRelated));
    const related = (l: Link) => relatedLinks.has(l);
    // (Already in order, the usual case when none is related: hundreds of links of one name share a group at 100x,
    // and a sorted copy of them changes nothing.)
    if (relatedLinks.size > 0 || !byQuality(fit)) fit = [...fit].sort((a, b) => Number(related(b)) - Number(related(a)) || b.quality - a.quality);
    if (relatedLinks.size > 0) fit = fit.filter(related);
    result.push(fit);
  }
  return result.sort((a, b) => b[0]!.end - b[0]!.start - (a[0]!.end - a[0]!.start) || a[0]!.start - b[0]!.start);
}

/**
 * A name followed or preceded by a content word of the question that nothing explains ("staff" in
 * "the staff leader job") is probably part of a longer name the knowledge base does not know: the
 * item it links to is not what the question is about.
 */
function wholeNames(u: Understanding, links: readonly Link[], leaderAt: ReadonlySet<number>, timeWords: ReadonlySet<number> = new Set(), fillers: ReadonlySet<string> = new Set()): Link[] {
  const covered = new Set<number>(timeWords);
  for (let k = 0; k < links.length; k++) for (let i = links[k]!.start; i < links[k]!.end; i++) covered.add(i);
  const loose = (i: number) => {
    const token = u.tokens[i];
    // (A filler, "actually", "egentlig", only colours the sentence: no part of a name.)
    if (!token || covered.has(i) || u.cuePositions.has(i) || u.intentWords.has(token.form) || fillers.has(token.form)) return false;
    return token.form.length > 2 && !STOPWORDS.has(token.form) && !GENERIC_WORDS.has(token.form) && !/^\d+$/.test(token.form);
  };
  // "the new Mågen leader": a word for a leader after a place (a unit) describes its leader, not a longer name.
  const describesLeader = (l: Link) => l.kind === 'units' && leaderAt.has(l.end);
  return links.filter((l) => l.kind === 'municipalities' || l.kind === 'people' || describesLeader(l) || !(loose(l.end) && !loose(l.start - 1) && l.end - l.start === 1 && isCommonWord(u.tokens[l.start]!.form)));
}

/** A word that is also everyday language ("staff", "team"): only such one-word names can be part of a longer one. */
function isCommonWord(form: string): boolean {
  return form.length <= 6;
}

function relationContext(input: Omit<RelationContext, 'subjects'> & { links: readonly Link[] }): RelationContext {
  const leaderAt = new Set([...input.lexicon.leaderWords.match(input.u.tokens).values()].flatMap((m) => [...m.positions]));
  // "next ELM after 1 March": a word that places a day in a series or a period ("after", "first") is no part of a name.
  const timeWords = new Set([...input.lexicon.sequenceWords.coverage(input.u.tokens), ...input.lexicon.timePhrases.coverage(input.u.tokens)]);
  return { ...input, subjects: subjectGroups(input.kb, wholeNames(input.u, input.links, leaderAt, timeWords, looseWords(input.lexicon)), input.municipalities) };
}

/** Words that are no part of a name: fillers, and a word that spreads the question over the things named ("klinten and
 * molen each"). Made once per lexicon, not per question. */
const looseWordsOf = new WeakMap<RelationContext['lexicon'], ReadonlySet<string>>();
function looseWords(lexicon: RelationContext['lexicon']): ReadonlySet<string> {
  let loose = looseWordsOf.get(lexicon);
  if (!loose) looseWordsOf.set(lexicon, (loose = new Set([...lexicon.fillerWords, ...lexicon.eachWords.filter((words) => words.length === 1).map((words) => words[0]!)])));
  return loose;
}

/** Where a reading comes from; a final one is the engine's last word for the question (no reading follows it). */
type ReadingSource = 'relation' | 'intent' | 'side' | 'general' | 'final';

/** One candidate answer to a question, with the links the floor holds it to (the question's own when absent). */
interface Reading {
  readonly answer: Answer;
  readonly links?: readonly Link[];
  readonly source: ReadingSource;
}

/**
 * The general search's reading (the "when" side path's or the ranked fallback's), not yet worked out: the costliest
 * reading, made only when it is the first (the arbiter never lets the general search replace a refused reading).
 */
interface PendingSearch {
  readonly source: 'search';
  /** True when the search is the "when" side path's: only statements that state a time and say the kind of date asked. */
  readonly timed: boolean;
  readonly make: () => Reading;
}

function final(answer: Answer): Reading {
  return { answer, source: 'final' };
}

/** True when an answer is an answerer's own refusal ("the documents name X but give no e-mail address"), not the bare "I don't know". */
function isOwnRefusal(answer: Answer): boolean {
  return answer.kind === 'unknown' && answer.headline !== phrasesFor(answer.lang).unknown;
}

/**
 * True when a question has a content word that is no cue of its kind, no part of a name and no question word, that the
 * knowledge base knows (another reading could say it) and that an answer does not say: a cheap test before the floor
 * reads an answerer's own refusal as an answer.
 */
function leavesWordOut(u: Understanding, answer: Answer, knows: (form: string) => boolean): boolean {
  let said: ReadonlySet<string> | undefined;
  for (let i = 0; i < u.tokens.length; i++) {
    const token = u.tokens[i]!;
    if (STOPWORDS.has(token.form) || u.cuePositions.has(i) || u.namePositions?.has(i) || u.intentWords.has(token.form) || !knows(token.form)) continue;
    said ??= termsOf([answer.headline, ...answer.sections.flatMap((s) => [s.title, ...s.lines]), ...(answer.details ?? [])].join(' '));
    if (!token.terms.some((t) => said!.has(t))) return true;
  }
  return false;
}

/** True when an answer's own text says each of the words (one of its stems). */
function saysWords(answer: Answer, words: readonly QueryTerm[]): boolean {
  const said = termsOf([answer.headline, ...answer.sections.flatMap((s) => [s.title, ...s.lines]), ...(answer.details ?? [])].join(' '));
  return words.every((q) => q.token.terms.some((t) => said.has(t)));
}

/** The relation answerers' answers, in the list's order, each worked out only when asked for. */
function* relationAnswers(rc: RelationContext): Generator<Answer, void, undefined> {
  let any = false;
  for (const answerer of RELATION_ANSWERERS) {
    const answer = answerer(rc);
    if (!answer) continue;
    any = true;
    yield withFigureCoverage(rc, answerer, answer);
  }
  if (any) return;
  const figure = answerCoveredFigure(rc) ?? answerUnitCountOn(rc);
  if (figure) yield figure;
}

/**
 * A figure answer (or refusal) that leaves a word asked unsaid competes with the figure that says every word, then with
 * the units counted as they stand on the day asked.
 */
function withFigureCoverage(rc: RelationContext, answerer: (rc: RelationContext) => Answer | undefined, answer: Answer): Answer {
  if (!FIGURE_ANSWERERS.has(answerer) || !rc.u.intents.has('figure') || rc.u.attributes.length > 0) return answer;
  // (A count of units the organisation changes by the day asked: the units as they stand then, unless it says their number.)
  const units = unitCountOn(rc);
  if (units && staleAgainstUnits(rc, answer, units)) return units.answer;
  // (Things counted apart, "how many childminders and how many kids", are each counted by a figure the answer gives.)
  const countsEach = countsEachApart(rc, answer, coveringFigures(rc).ranked);
  if (countsEach && saysEveryWordAsked(rc, answer)) return answer;
  if (!countsEach) return (answerCoveredFigure(rc) ?? answer);
  // (An answer gives way only to a figure that says every word surely; a refusal also to one that says some by a part.)
  return answerCoveredFigure(rc, answer.kind === 'answer') ?? units?.answer ?? answer;
}

/** The readings of an understood question that no relation answerer took: the intent answerers, the side path, the search. */
function* understoodReadings(base: Context, u: Understanding): Generator<Reading | PendingSearch, void, undefined> {
  // Things the question names in full ("head of day care", "Stjernehuset"): a date or a contact
  // must belong to one of them, not merely share words with them.
  const namedAny = base.namesIn(u.text);
  const named = candidatesAmong(namedAny, base.namedCandidates);
  const ctx: Context = { ...base, named, namedAny };
  const query = ctx.index.queryTerms(u.tokens);
  const rest = ctx.index.queryTerms(u.tokens, u.intentWords);
  if (query.length === 0 && u.intents.size === 0) {
    yield final(unknown(ctx, u.lang));
    return;
  }
  const structured: Array<() => Answer | undefined> = [];
  // A named kind of date ("ansøgningsfristen", "first interview") or a month is the surest sign.
  const datesFirst = u.dateKinds.size > 0 || u.range !== undefined;
  // "How many answered the survey?" asks for a number: a date of the thing counted does not answer it.
  const countAsked = u.intents.has('figure') && !u.askedWhen;
  if (u.intents.has('dates') && datesFirst && !countAsked) structured.push(() => answerDates(ctx, u, rest));
  if (u.intents.has('holder')) structured.push(() => answerHolder(ctx, u, rest));
  if (u.intents.has('leader')) structured.push(() => answerLeader(ctx, u, rest));
  if (u.intents.has('reporting')) structured.push(() => answerReporting(ctx, u, rest));
  if (u.intents.has('dates') && !datesFirst && !countAsked) structured.push(() => answerDates(ctx, u, rest));
  if (u.intents.has('contact')) structured.push(() => answerContact(ctx, u, rest));
  if (u.intents.has('policy') && !u.intents.has('definition') && u.cardinal === undefined) structured.push(() => answerPolicies(ctx, u, rest));
  for (const attempt of structured) {
    const answer = attempt();
    if (answer) yield { answer, source: 'intent' };
  }
  yield { source: 'search', timed: isTimed(u, rest), make: () => searchReading(ctx, u, rest) };
}

/**
 * "inden hvor lang tid skal nye familier have en opstartssamtale", "by when must each house have a trained X": a "when"
 * of a named kind of date that no dated entry answers may be answered by a statement that says when, how often or how
 * long in its own words ("inden for de første tre måneder", "inden 1. juli 2028").
 */
function isTimed(u: Understanding, rest: readonly QueryTerm[]): boolean {
  return u.intents.has('dates') && u.dateKinds.size > 0 && !u.intents.has('reporting') && rest.length > 0;
}

/** The general search's reading of an understood question: the "when" side path's, or the ranked fallback's. */
function searchReading(ctx: Context, u: Understanding, rest: readonly QueryTerm[]): Reading {
  // (A statement that states no time does not answer a "when" of a named kind of date: isTimed.)
  if (isTimed(u, rest)) {
    // Only a statement that states a time can answer, as one fact: when no fact the general search would take states
    // one, its ranking (every fact its common words touch, thousands at scale) cannot change the reply.
    const general = ctx.index.reaches(rest, ANSWER_THRESHOLD, `time ${u.lang}`, (fact) => mayStateTime(ctx, fact, u.lang)) ? markFallback(answerGeneral(ctx, u, rest)) : undefined;
    // (The kind of date the question names in words of its own, "starter", "vedtaget", must be what the statement says:
    // a length of an introduction answers no "when does X start".)
    const kindWords = [...u.dateKindTerms].filter((t) => t.length >= 4 && !STOPWORDS.has(t) && !u.intentWords.has(t));
    const saysKind = (headline: string) => kindWords.length === 0 || kindWords.some((t) => foldText(headline).includes(t));
    if (general?.kind === 'answer' && saysKind(general.headline) && statesTimeIn(ctx, general)) return { answer: general, source: 'side' };
    // A deadline or an interview for something the knowledge base has none for: any other would mislead.
    return final(unknown(ctx, u.lang, phrasesFor(u.lang).noDates));
  }
  if (u.intents.has('contact') && ctx.named.size > 0) return final(unknown(ctx, u.lang, phrasesFor(u.lang).noContact));
  const general = markFallback(answerGeneral(ctx, u, rest));
  // "Hvornår blev X etableret?" may be answered by a fact that says when, even without a date entry.
  if (general.kind === 'unknown' && u.askedWhen && u.intents.has('dates') && rest.length > 0) return final(unknown(ctx, u.lang, phrasesFor(u.lang).noDates));
  return { answer: general, source: general.kind === 'unknown' ? 'final' : 'general' };
}
