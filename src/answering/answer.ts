/**
 * The answering engine: question -> Answer, derived from the knowledge base only.
 */
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { buildFacts, namesOf, type FactRecord } from './facts.js';
import { boundedEditDistance, primaryStem, termsOf, tokenize } from './normalize.js';
import { phrasesFor } from './phrases.js';
import { createSearchIndex, type SearchIndex } from './search.js';
import type { Answer, Answerer, AnswererOptions } from './types.js';
import { understand, type Understanding } from './understand.js';
import { unknown, type Context } from './answer-context.js';
import { answerReporting } from './answer-reporting.js';
import { answerContact, answerHolder, answerLeader } from './answer-people.js';
import { answerDates } from './answer-dates.js';
import { answerPolicies } from './answer-policies.js';
import { answerGeneral } from './answer-general.js';

/** Creates the answering engine over a knowledge base. */
export function createAnswerer(kb: KnowledgeBase, options: AnswererOptions): Answerer {
  const facts = buildFacts(kb);
  const index = createSearchIndex(facts);
  const ownTermsCache = new Map<string, Set<string>>();
  const ownTerms = (id: string): Set<string> => {
    let terms = ownTermsCache.get(id);
    if (!terms) {
      const entry = kb.get(id);
      terms = new Set(entry ? namesOf(entry).flatMap((name) => [...termsOf(name)]) : []);
      ownTermsCache.set(id, terms);
    }
    return terms;
  };
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
  const namedCandidates = [
    ...kb.data.roles,
    ...kb.data.units,
    ...kb.data.postings,
    ...kb.data.people,
    ...kb.data.leadershipGroups,
    ...kb.data.meetings,
    ...kb.data.policies,
    ...kb.data.programmes,
  ].map((item) => item.id);
  // Full names by their first word, so finding the names in a question looks only at its own words.
  const namesByFirstWord = new Map<string, Array<{ id: string; words: string[] }>>();
  for (const id of [...namedCandidates, ...kb.data.concepts.map((c) => c.id)]) {
    for (const name of fullNames(id)) {
      const words = name.split(' ');
      const list = namesByFirstWord.get(words[0]!) ?? [];
      list.push({ id, words });
      namesByFirstWord.set(words[0]!, list);
    }
  }
  const namesIn = (text: string): Set<string> => {
    const words = tokenize(text);
    const found = new Set<string>();
    words.forEach((word, i) => {
      for (const candidate of namesByFirstWord.get(word) ?? []) {
        if (candidate.words.every((w, k) => words[i + k] === w)) found.add(candidate.id);
      }
    });
    return found;
  };
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
  };
  const municipalityNames = kb.data.municipalities.map((m) => ({
    id: m.id,
    names: [m.name, m.labelEn, ...m.names, ...m.namesEn].map((name) => tokenize(name).map(primaryStem)),
  }));
  const municipalityOf = (fact: FactRecord) => kb.documents.get(fact.source.doc)?.municipality;
  const municipalityWords = [...new Set(municipalityNames.flatMap((m) => m.names.flat()))];
  const scopes = new Map<string, SearchIndex>();
  return {
    answer(question, localeHint) {
      const u = understand(question, options.now(), localeHint);
      // A municipality named in the question ("i Ballerup", "in Copenhagen", "kobenhavn") limits the answer to it.
      const said = new Set(u.tokens.map((t) => primaryStem(t.form)));
      for (const token of u.tokens) {
        const near = municipalityWords.find((w) => token.form.length >= 6 && boundedEditDistance(token.form, w, 1) <= 1);
        if (near) said.add(near);
      }
      const named = new Set(
        municipalityNames.filter((m) => m.names.some((words) => words.length > 0 && words.every((w) => said.has(w)))).map((m) => m.id),
      );
      if (named.size === 0) return answerUnderstood(context, u);
      // "Who is the head of day care in Copenhagen?": a role named in full that exists only in other
      // municipalities is not there; answering with something else from Copenhagen would mislead.
      const fullyNamed = [...namesIn(u.text)].map((id) => kb.get(id)).filter((e) => e?.kind === 'roles');
      if (fullyNamed.length > 0 && fullyNamed.every((e) => e!.item.municipality !== undefined && !named.has(e!.item.municipality))) {
        return unknown(context, u.lang);
      }
      const inScope = (fact: FactRecord) => {
        const municipality = municipalityOf(fact);
        return municipality === undefined || named.has(municipality);
      };
      const key = [...named].sort().join(',');
      let scoped = scopes.get(key);
      if (!scoped) {
        scoped = {
          ...index,
          facts: index.facts.filter(inScope),
          score: (query, filter) => index.score(query, (fact) => inScope(fact) && (!filter || filter(fact))),
        };
        scopes.set(key, scoped);
      }
      // The scope answers for the municipality's name; matching it again would only touch every fact.
      const municipalityStems = new Set(
        municipalityNames.filter((m) => named.has(m.id)).flatMap((m) => m.names.filter((words) => words.every((w) => said.has(w))).flat()),
      );
      const intentWords = new Set(u.intentWords);
      for (const token of u.tokens) if (municipalityStems.has(primaryStem(token.form))) intentWords.add(token.form);
      return answerUnderstood({ ...context, index: scoped, municipalities: named }, { ...u, intentWords });
    },
  };
}

function answerUnderstood(base: Context, u: Understanding): Answer {
  // Things the question names in full ("head of day care", "Stjernehuset"): a date or a contact
  // must belong to one of them, not merely share words with them.
  const namedAny = base.namesIn(u.text);
  const named = new Set([...namedAny].filter((id) => base.namedCandidates.has(id)));
  const ctx: Context = { ...base, named, namedAny };
  const query = ctx.index.queryTerms(u.tokens);
  const rest = ctx.index.queryTerms(u.tokens, u.intentWords);
  if (query.length === 0 && u.intents.size === 0) return unknown(ctx, u.lang);
  const structured: Array<() => Answer | undefined> = [];
  // A named kind of date ("ansøgningsfristen", "first interview") or a month is the surest sign.
  const datesFirst = u.dateKinds.size > 0 || u.range !== undefined;
  if (u.intents.has('dates') && datesFirst) structured.push(() => answerDates(ctx, u, rest));
  if (u.intents.has('holder')) structured.push(() => answerHolder(ctx, u, rest));
  if (u.intents.has('leader')) structured.push(() => answerLeader(ctx, u, rest));
  if (u.intents.has('reporting')) structured.push(() => answerReporting(ctx, u, rest));
  if (u.intents.has('dates') && !datesFirst) structured.push(() => answerDates(ctx, u, rest));
  if (u.intents.has('contact')) structured.push(() => answerContact(ctx, u, rest));
  if (u.intents.has('policy') && !u.intents.has('definition') && u.cardinal === undefined) structured.push(() => answerPolicies(ctx, u, rest));
  for (const attempt of structured) {
    const answer = attempt();
    if (answer) return answer;
  }
  if (u.intents.has('dates') && u.dateKinds.size > 0 && !u.intents.has('reporting') && rest.length > 0) {
    // A deadline or an interview for something the knowledge base has none for: any other would mislead.
    return unknown(ctx, u.lang, phrasesFor(u.lang).noDates);
  }
  if (u.intents.has('contact') && ctx.named.size > 0) return unknown(ctx, u.lang, phrasesFor(u.lang).noContact);
  const general = answerGeneral(ctx, u, rest);
  // "Hvornår blev X etableret?" may be answered by a fact that says when, even without a date entry.
  if (general.kind === 'unknown' && u.askedWhen && u.intents.has('dates') && rest.length > 0) {
    return unknown(ctx, u.lang, phrasesFor(u.lang).noDates);
  }
  return general;
}

