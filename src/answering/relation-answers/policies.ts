/**
 * Policies by role, unit or municipality, and a policy's own fields (who adopted it, what it requires).
 */
import type { Policy, Source } from '../../knowledge/schemas.js';
import type { Link } from '../linking.js';
import { displayName, namesOf } from '../facts.js';
import { capitalize, joinList } from '../phrases.js';
import { analyzeText, foldText, GENERIC_WORDS, primaryStem, STOPWORDS } from '../normalize.js';
import type { Answer } from '../types.js';
import { shortDate, unique } from '../answer-context.js';
import { done, name, sourceOf, subjectsOf, type RelationContext } from './context.js';
import { unknownWith } from './partly-known.js';
import { leftoverWords } from './tasks.js';
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
  if (!policy || policy.quality < 0.75) return undefined;
  const item = kb.get(policy.id)!.item as Policy;
  // A role or unit named besides the policy asks about them ("which policies must X know"), unless the question asks
  // what the policy says about them ("what does the policy say about childminding"): then they are the topic.
  const others = rc.subjects.flat().filter((l) => ['roles', 'units', 'people', 'postings', 'concepts'].includes(l.kind) && l.quality >= 0.9);
  if (others.length > 0) return coveredBy(rc, item, others) ?? saysAbout(rc, item, others);
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
  // "Who has to follow the early intervention policy?", "hvem gælder den for?": the roles and units it is relevant for;
  // asked who is responsible, a statement of the policy that says so leads.
  const asksWho = u.kinds.has('who') || u.askedWho;
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
    // A long list reads better one per line under a short first line that counts them.
    if (line.length > 200) return done(rc, 'answer', t.appliesToCount(title, item.relevantFor.length), item.relevantFor.map((id) => name(kb, id, u.lang, false)), [item.source], [], true);
    return done(rc, 'answer', line, [], [item.source]);
  }
  // "What does the inclusion strategy aim at?", "hvad er formålet med sprogpolitikken?": its own statements.
  const purpose = [...rc.lexicon.purposeWords.match(u.tokens).values()].flatMap((m) => [...m.positions]);
  // Other words ("hvad siger X om sprog") ask about part of it: the general search answers those.
  // (Another item named, a concept of the policy say, is what it asks about: only the policy's own name is covered.)
  const covered = new Set([...purpose, ...Array.from({ length: policy.end - policy.start }, (_, i) => policy.start + i)]);
  const other = leftoverWords(rc, covered).filter((w) => !STOPWORDS.has(w));
  // "Hvad siger læringsstrategien om sprog?", "what does the policy say about childminding": its own statements (and
  // those of the concepts it is built of) that say every other word; none saying them leaves it to the general search.
  if (purpose.length > 0 && other.length > 0 && u.attributes.length === 0 && !u.intents.has('contact') && !u.intents.has('dates')) {
    const said = statementsOfPolicy(rc, item).filter((st) => saysEvery(`${st.da} ${st.en}`, other));
    if (said.length > 0) return done(rc, 'answer', said[0]![u.lang], said.slice(1).map((st) => st[u.lang]), unique(said.map((st) => st.source)).slice(0, 3));
  }
  if (purpose.length > 0 && other.length === 0 && u.attributes.length === 0 && !u.intents.has('contact') && !u.intents.has('dates')) {
    const statements = [
      ...item.requires.map((r) => ({ text: r[u.lang], source: r.source })),
      ...kb.data.facts.filter((f) => f.about[0] === policy.id).map((f) => ({ text: f.text[u.lang], source: f.source })),
    ];
    // What the documents say the policy is for leads, when they say it.
    if (item.description) return done(rc, 'answer', `${capitalize(title)}: ${item.description[u.lang]}`, statements.map((s) => s.text), unique([item.source, ...statements.map((s) => s.source)]).slice(0, 3));
    if (statements.length > 0) return done(rc, 'answer', t.requires(title), statements.map((s) => s.text), unique(statements.map((s) => s.source)).slice(0, 3));
  }
  return undefined;
}

/**
 * "Gælder madpolitikken også for sundhedsplejen?", "does the meal policy cover the childminders": asked yes or no
 * whether a policy applies to a role or unit it is relevant for (`relevantFor`: the item itself, a unit it lies in, or
 * the general post of a post made specific): yes, with the statement of the policy that names the item, if any. Not
 * among them: the statements answer (or no one does): the documents may say it elsewhere.
 */
function coveredBy(rc: RelationContext, item: Policy, topics: readonly Link[]): Answer | undefined {
  const { u, kb } = rc;
  if (rc.lexicon.audienceWords.match(u.tokens).size === 0 || rc.lexicon.yesNoWords.match(u.tokens).size === 0) return undefined;
  if (u.attributes.length > 0 || u.intents.has('contact') || u.intents.has('dates') || u.kinds.has('decision')) return undefined;
  const places = topics.filter((l) => l.kind === 'roles' || l.kind === 'units');
  if (places.length !== topics.length) return undefined;
  const generalNames = item.relevantFor.flatMap((id) => {
    const e = kb.get(id);
    return e?.kind === 'roles' ? [foldText(e.item.name)] : [];
  });
  const covers = (id: string) => {
    for (let current: string | undefined = id, depth = 0; current && depth < 6; depth++) {
      if (item.relevantFor.includes(current)) return true;
      const e = kb.get(current);
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
  return done(rc, 'answer', TEXTS[u.lang].appliesYes(title, who), lines.slice(0, 3), [item.source]);
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

/** What a policy states: what it is for, what it requires, the facts about it, and the concepts it is built of (their details). */
function statementsOfPolicy(rc: RelationContext, item: Policy): Array<{ da: string; en: string; source: Source }> {
  const { kb } = rc;
  const out: Array<{ da: string; en: string; source: Source }> = [];
  if (item.description) out.push({ ...item.description, source: item.source });
  out.push(...item.requires, ...kb.data.facts.filter((f) => f.about.includes(item.id)).map((f) => ({ ...f.text, source: f.source })));
  // Concepts part of the policy, and their parts, a few levels down: "Sprog for alle: Alle børn skal have ...".
  let parents = new Set([item.id]);
  for (let depth = 0; depth < 3 && parents.size > 0; depth++) {
    const parts = kb.data.concepts.filter((c) => c.partOf !== undefined && parents.has(c.partOf));
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
  return words.every((word) => {
    const stem = primaryStem(word);
    return forms.some((f) => f === word || primaryStem(f) === stem || (!exact && stem.length >= 5 && (f.startsWith(stem) || f.endsWith(stem))));
  });
}
