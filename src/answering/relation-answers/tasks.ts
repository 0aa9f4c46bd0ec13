/**
 * The responsibilities and tasks of a role or unit.
 */
import type { Source } from '../../knowledge/schemas.js';
import type { Link } from '../linking.js';
import { analyzeText, foldText, GENERIC_WORDS, primaryStem, STOPWORDS } from '../normalize.js';
import { capitalize, joinList } from '../phrases.js';
import { unique } from '../answer-context.js';
import { namesOf } from '../facts.js';
import type { Answer } from '../types.js';
import { done, name, sourceOf, subjectsOf, type RelationContext } from './context.js';
import { unknownWith } from './partly-known.js';
import { TEXTS } from './texts.js';
import { mostWordsInPolicies } from './policies.js';
import { leftoverWords } from './leftover-words.js';

// ---------------------------------------------------------------------------------------------
// Responsibilities and tasks

export function answerTasksRelation(rc: RelationContext): Answer | undefined {
  const { u, kb, relations } = rc;
  if (!u.intents.has('responsibility') || u.intents.has('reporting')) return undefined;
  const t = TEXTS[u.lang];
  // The content words besides the item's name: "ansvar for økonomien" asks for one task, not all.
  const groups = subjectsOf(rc, ['roles', 'units', 'leadershipGroups'], true);
  // "what does a viceleder do in a children's centre": a name every unit of a kind shares says where the one post named
  // sits; the post is asked about.
  const sharedName = (g: readonly Link[]) => new Set(g.map((l) => l.id)).size > 1 && g.every((l) => l.kind === 'units');
  const onePost = groups.find((g) => new Set(g.map((l) => l.id)).size === 1 && g[0]!.kind === 'roles' && g[0]!.quality >= 0.9);
  const first = groups[0] && sharedName(groups[0]) && onePost ? onePost : groups[0];
  if (!first) return undefined;
  // "what's Kasper Thorhauge's job": a person's job is their title (the person answer), a post's job its tasks.
  if (u.kinds.has('who') && first.some((l) => 'person' in l)) return undefined;
  // Several posts of one name ("head of day care"): the one in the municipality the question names.
  const inMunicipality = (l: Link) => rc.municipalities.has((kb.get(l.id)?.item as { municipality?: string } | undefined)?.municipality ?? '');
  const link = (rc.municipalities.size > 0 ? first.find(inMunicipality) : undefined) ?? first[0]!;
  const covered = new Set<number>();
  for (const g of rc.subjects) for (const l of g) for (let i = l.start; i < l.end; i++) covered.add(i);
  // Every cue of the kind asks what the tasks are ("the main job of": "main job" and "job of").
  for (const p of rc.lexicon.kinds.coverageOf(u.tokens, new Set(['responsibility']))) covered.add(p);
  // "hvad laver en souschef i et børnehus", "the deputy in a house": a word for a kind of place after "i"/"in" only says
  // where the post sits (the post is named); it asks for no task of its own.
  u.tokens.forEach((tok, i) => {
    if ((i > 0 && PLACE_PREPOSITIONS.has(u.tokens[i - 1]!.form)) || (i > 1 && PLACE_PREPOSITIONS.has(u.tokens[i - 2]!.form) && ARTICLES.has(u.tokens[i - 1]!.form))) {
      if (isUnitKindWord(rc, tok.form)) covered.add(i);
    }
  });
  if (leftoverWords(rc, covered).length > 0) return undefined;
  const own: Array<{ text: string; source: Source; leader?: boolean }> = [];
  const entry = kb.get(link.id);
  if (entry?.kind === 'roles' || entry?.kind === 'leadershipGroups') own.push(...entry.item.responsibilities.map((s) => ({ text: s[u.lang], source: s.source })));
  // A consultant without tasks of their own works in a team that has them.
  if (entry?.kind === 'roles' && own.length === 0 && entry.item.unit) {
    const unit = kb.get(entry.item.unit);
    if (unit?.kind === 'units') own.push(...unit.item.facts.map((s) => ({ text: s[u.lang], source: s.source })));
  }
  const staff: Array<{ text: string; source: Source }> = [];
  if (entry?.kind === 'units') {
    // A unit's own statements first (what the documents say it is for, "the section's staff unit for quality reports,
    // place forecasts and inspection", then its facts), then the tasks of the roles that lead it.
    const described = entry.item.description;
    if (described) own.push({ text: described[u.lang], source: entry.item.source });
    own.push(...entry.item.facts.map((s) => ({ text: s[u.lang], source: s.source })));
    const leaders = relations.leadersOf(link.id);
    for (const role of leaders) {
      const r = kb.get(role);
      if (r?.kind === 'roles') own.push(...r.item.responsibilities.map((s) => ({ text: s[u.lang], source: s.source, leader: true })));
    }
    // "What is the advisory team in charge of": the tasks of the posts that work in the unit (its advisers) are the
    // unit's work too, after its own task statements.
    for (const role of relations.rolesIn(link.id)) {
      if (leaders.includes(role)) continue;
      const r = kb.get(role);
      if (r?.kind === 'roles') staff.push(...r.item.responsibilities.map((s) => ({ text: s[u.lang], source: s.source })));
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
  const ordered = [...mine.filter((o) => isTask(o.text)), ...staff, ...mine.filter((o) => !isTask(o.text)), ...own.filter((o) => o.leader)];
  return done(rc, 'answer', t.tasks(name(kb, link.id, u.lang)), ordered.map((o) => o.text), ordered.slice(0, 3).map((o) => o.source));
}


/** Prepositions and articles before a kind of place ("i et børnehus", "in a house"). */
const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set(['i', 'paa', 'in', 'at']);
const ARTICLES: ReadonlySet<string> = new Set(['et', 'en', 'a', 'an', 'the', 'sit', 'sin', 'their', 'its']);

/** True when a word is one of the lexicon's words for a kind of unit ("børnehus", "houses"), by stem. */
function isUnitKindWord(rc: RelationContext, form: string): boolean {
  const stem = primaryStem(form);
  return rc.lexicon.unitKindWords.some((level) => [...level.words].some((w) => w === form || primaryStem(w) === stem));
}

/** Kinds of question a "who does X" question may also carry; any other kind asks something else. */
const WHO_DOES_KINDS: ReadonlySet<string> = new Set(['who', 'holder', 'responsibility', 'programme', 'definition']);
/** Kinds whose cues ("who is responsible for", "who is in charge of") a "who does X" question shares with who leads. */
const LEADING_KINDS: ReadonlySet<string> = new Set(['leader', 'reporting-up', 'reporting-down']);

/**
 * "Hvem står for vagtplanen i et børnehus?", "hvem godkender den årlige kvalitetsrapport?", "who helps the houses with
 * Sprogstart?": the responsibilities relation read backwards. No post, person or group is named; the question's other
 * words are matched against every post's and group's tasks and every unit's own statements (by stem, or as part of a
 * compound); the statements that say most of them (at least half, and at least two when there are three or more) name
 * who does it.
 */
export function answerWhoDoes(rc: RelationContext): Answer | undefined {
  const { u } = rc;
  if (!(u.kinds.has('who') || u.askedWho) || u.attributes.length > 0) return undefined;
  // "Who is responsible for / in charge of X" also reads as who leads or manages X: with no unit named, X is a task.
  // "Hvem godkender X?": a word for deciding asks who does it too, unless a day is asked ("when").
  const whenAsked = (u.kinds.get('when')?.positions ?? []).some((p) => rc.lexicon.questionWords.has(u.tokens[p]?.form ?? ''));
  const asLeader = [...u.kinds.keys()].filter((k) => !WHO_DOES_KINDS.has(k) && !(k === 'decision' || (k === 'when' && !whenAsked)));
  if (asLeader.some((k) => !LEADING_KINDS.has(k))) return undefined;
  // A reporting cue of its own ("report to", "boss", "refererer til"), not one it shares with who leads or is
  // responsible ("who is responsible for"), asks for a line, not for who does a task.
  const shared = new Set(['leader', 'responsibility'].flatMap((k) => u.kinds.get(k as never)?.positions ?? []));
  if (['reporting-up', 'reporting-down'].some((k) => (u.kinds.get(k as never)?.positions ?? []).some((p) => !shared.has(p)))) return undefined;
  const blocking = asLeader.length > 0 ? ['roles', 'people', 'leadershipGroups', 'meetings', 'postings', 'units'] : ['roles', 'people', 'leadershipGroups', 'meetings', 'postings'];
  const blockers = rc.subjects.flat().filter((l) => l.quality >= 0.9 && blocking.includes(l.kind));
  // (A word for leading or reporting with a post or unit named asks about its line, not someone's task.)
  if (blockers.length > 0) return asLeader.length === 0 ? whoDoesAround(rc, blockers) : undefined;
  // ("Hvem godkendte funktionsbeskrivelsen for viceledere?": a decision named and asked of is the decision's answer.)
  if (u.kinds.has('decision') && rc.subjects.flat().some((l) => l.kind === 'decisions' && l.quality >= 0.85)) return undefined;
  const words = unique(leftoverWords(rc, new Set()).filter((w) => w.length >= 4 && !STOPWORDS.has(w) && !GENERIC_WORDS.has(w)));
  if (words.length === 0) return undefined;
  const index = taskIndexOf(rc.kb, rc.lexicon);
  const { top, best } = bestStatements(index, words);
  if (top.length === 0) return undefined;
  if (best * 2 < words.length || (words.length >= 3 && best < 2)) return undefined;
  // A policy's statement that says every word says who does it there ("nærmeste leder holder en omsorgssamtale"): no
  // post's duty that says fewer answers.
  if (best < words.length && mostWordsInPolicies(rc, words) === words.length) return undefined;
  // (Owners counted before the statements are read: a word every copy of a unit says ties thousands of them.)
  const owners = new Set<string>();
  for (const i of top) if (owners.add(index.said[i]!.owner).size > 3) return undefined;
  const statements = top.map((i) => index.said[i]!);
  const lines = unique(statements.map((s) => `${capitalize(name(rc.kb, s.owner, u.lang, false))}: ${s.text[u.lang]}`));
  return done(rc, 'answer', lines[0]!, lines.slice(1), unique(statements.map((s) => s.source)).slice(0, 3));
}

/**
 * "Hvem tager referat i Kredsforum?", "hvem fører tilsyn med dagplejerne?": who does something with or in an item the
 * question names. The item's name does not say who: the statements of someone else's tasks that say every other
 * content word of the question and the item's own word do. Undefined when none does (the question is the item's own).
 */
export function whoDoesAround(rc: RelationContext, links: readonly Link[]): Answer | undefined {
  const { u } = rc;
  // (A word for whoever leads, "the PRC's leader", names a post with the item, not a task.)
  const covered = new Set<number>(rc.lexicon.leaderWords.coverage(u.tokens));
  for (const g of rc.subjects) for (const l of g) for (let i = l.start; i < l.end; i++) covered.add(i);
  const words = unique(leftoverWords(rc, covered).filter((w) => w.length >= 4 && !STOPWORDS.has(w) && !GENERIC_WORDS.has(w)));
  if (words.length === 0) return undefined;
  const index = taskIndexOf(rc.kb, rc.lexicon);
  const ids = new Set(links.map((l) => l.id));
  // The item's word as the question writes it ("dagplejerne", "kredsforum"): its longest word.
  const itemWords = unique(links.map((l) => u.tokens.slice(l.start, l.end).map((tok) => tok.form).sort((a, b) => b.length - a.length)[0] ?? '').filter((w) => w.length >= 4));
  if (itemWords.length === 0) return undefined;
  // Someone else's statements that say the item's word, by how many of the other words each says (at least half).
  const aboutItem = new Set(itemWords.flatMap((w) => statementsSaying(index, w)).filter((i) => !ids.has(index.said[i]!.owner)));
  if (aboutItem.size === 0) return undefined;
  // A word next to the item's name in the question ("tilsyn med dagplejerne") says more of the task than one further off.
  const near = (w: string) => {
    const at = u.tokens.findIndex((tok) => tok.form === w);
    const gap = Math.min(...links.map((l) => (at < l.start ? l.start - at : at - l.end + 1)));
    return at < 0 || !Number.isFinite(gap) ? 0 : 1 / Math.max(1, gap);
  };
  const hits = new Map<number, number>();
  const weights = new Map<number, number>();
  for (const w of words) {
    for (const i of statementsSaying(index, w)) {
      if (!aboutItem.has(i)) continue;
      hits.set(i, (hits.get(i) ?? 0) + 1);
      weights.set(i, (weights.get(i) ?? 0) + near(w));
    }
  }
  const best = Math.max(0, ...hits.values());
  if (best === 0 || best * 2 < words.length || (words.length >= 3 && best < 2)) return undefined;
  // Then one that says a word as the question writes it ("tilsyn", not only "tilsynet").
  const exact = (i: number) => {
    const forms = new Set(analyzeText(foldText(`${index.said[i]!.text.da} ${index.said[i]!.text.en}`)).map((w) => w.form));
    return words.filter((w) => forms.has(w)).length;
  };
  const fit = [...hits].filter(([, n]) => n === best).map(([i]) => i).sort((a, b) => weights.get(b)! - weights.get(a)! || exact(b) - exact(a) || a - b);
  const owners = new Set(fit.map((i) => index.said[i]!.owner));
  if (fit.length === 0 || owners.size > 3) return undefined;
  const statements = fit.map((i) => index.said[i]!);
  const lines = unique(statements.map((s) => `${capitalize(name(rc.kb, s.owner, u.lang, false))}: ${s.text[u.lang]}`));
  return done(rc, 'answer', lines[0]!, lines.slice(1), unique(statements.map((s) => s.source)).slice(0, 3));
}

/** A statement that says what someone does: its owner (role, group or unit), text and source. */
interface Said {
  readonly owner: string;
  readonly text: { readonly da: string; readonly en: string };
  readonly source: Source;
}

/** Every statement of what someone does, and each distinct word form they say with the statements saying it. */
interface TaskIndex {
  readonly said: readonly Said[];
  /** Each form once, with its primary stem and the indexes of the statements that say it. */
  readonly forms: readonly { readonly form: string; readonly stem: string; readonly said: readonly number[] }[];
  /** The statements that say a question word, as worked out for earlier questions. */
  readonly sayingWord: Map<string, readonly number[]>;
  /**
   * Scratch space of one number per statement, for scoring a question's words (reset after each use): a common word
   * at 100x is said by thousands of statements, and a map of sets per question cost more than the rest of the answer.
   */
  readonly hits: Int32Array;
  readonly scores: Float64Array;
}

/**
 * The statements and their words are the same for every question of an answerer: worked out once per knowledge
 * base and lexicon, when the answerer is built (a question then compares its few words with the distinct forms,
 * not every statement's text).
 */
const TASK_INDEXES = new WeakMap<object, WeakMap<object, TaskIndex>>();

export function taskIndexOf(kb: RelationContext['kb'], lexicon: RelationContext['lexicon']): TaskIndex {
  const byLexicon = TASK_INDEXES.get(kb) ?? new WeakMap<object, TaskIndex>();
  TASK_INDEXES.set(kb, byLexicon);
  const known = byLexicon.get(lexicon);
  if (known) return known;
  const said: Said[] = [];
  for (const r of kb.data.roles) for (const s of r.responsibilities) said.push({ owner: r.id, text: s, source: s.source });
  for (const g of kb.data.leadershipGroups) for (const s of g.responsibilities) said.push({ owner: g.id, text: s, source: s.source });
  for (const un of kb.data.units) for (const s of un.facts) if (isTask(lexicon, `${s.da} ${s.en}`)) said.push({ owner: un.id, text: s, source: s.source });
  const byForm = new Map<string, number[]>();
  said.forEach((s, i) => {
    for (const form of new Set(analyzeText(foldText(`${s.text.da} ${s.text.en}`)).map((w) => w.form))) {
      const list = byForm.get(form) ?? [];
      list.push(i);
      byForm.set(form, list);
    }
  });
  const index: TaskIndex = {
    said,
    forms: [...byForm].map(([form, list]) => ({ form, stem: primaryStem(form), said: list })),
    sayingWord: new Map(),
    hits: new Int32Array(said.length),
    scores: new Float64Array(said.length),
  };
  byLexicon.set(lexicon, index);
  return index;
}

/** True when a statement says what someone is responsible for (the responsibility kind's cue words). */
function isTask(lexicon: RelationContext['lexicon'], text: string): boolean {
  return lexicon.kinds.has(analyzeText(foldText(text)), 'responsibility');
}

/**
 * The statements that say most of the words, weighed: a word many statements say ("børnehus") tells them apart less
 * than a rare one ("vagtplan"), so each counts 1 / how many say it (summed in the words' order). Returns the
 * statements within a hair of the best score, in statement order, and how many of the words the first of them says.
 */
function bestStatements(index: TaskIndex, words: readonly string[]): { top: number[]; best: number } {
  const { hits, scores } = index;
  const touched: number[] = [];
  for (const word of words) {
    const saying = statementsSaying(index, word);
    // Each statement is listed once per word, so the number of statements saying the word is the list's length.
    const weight = 1 / saying.length;
    for (const i of saying) {
      if (hits[i] === 0) touched.push(i);
      hits[i]! += 1;
      scores[i]! += weight;
    }
  }
  let bestScore = -Infinity;
  for (const i of touched) if (scores[i]! > bestScore) bestScore = scores[i]!;
  const top: number[] = [];
  for (const i of touched) if (scores[i]! >= bestScore - 1e-9) top.push(i);
  top.sort((a, b) => a - b);
  const best = top.length > 0 ? hits[top[0]!]! : 0;
  for (const i of touched) {
    hits[i] = 0;
    scores[i] = 0;
  }
  return { top, best };
}

/** The statements that say a word: the word, its stem, or as part of a compound (five letters or more). */
function statementsSaying(index: TaskIndex, word: string): readonly number[] {
  let saying = index.sayingWord.get(word);
  if (!saying) {
    const stem = primaryStem(word);
    const found = new Set<number>();
    for (const f of index.forms) {
      if (f.form === word || f.stem === stem || (stem.length >= 5 && (f.form.startsWith(stem) || f.form.endsWith(stem)))) for (const i of f.said) found.add(i);
    }
    saying = [...found];
    // Bounded: one entry per distinct question word.
    if (index.sayingWord.size < 50_000) index.sayingWord.set(word, saying);
  }
  return saying;
}

/**
 * "Hvem leder områdeforum i Øst?", "who runs the area forum": a meeting or group whose data names no chair may still be
 * led by a post whose own task statement says so ("Leder områdeforum."). The statements that say every word of one of
 * the item's names and the question's own verb for it (`verbAt`: the cue words that asked, as written) name who leads it;
 * with a unit named in the question, the posts of that unit come first. Undefined when no statement says it.
 */
export function leadersByStatement(rc: RelationContext, itemId: string, verbAt: readonly number[]): { who: string; lines: string[]; sources: Source[] } | undefined {
  const { u, kb } = rc;
  const entry = kb.get(itemId);
  if (!entry) return undefined;
  const verbs = new Set(
    verbAt
      .map((p) => u.tokens[p]?.form ?? '')
      .filter((w) => w.length >= 3 && !STOPWORDS.has(w) && !rc.lexicon.questionWords.has(w)),
  );
  if (verbs.size === 0) return undefined;
  const index = taskIndexOf(kb, rc.lexicon);
  const found = new Set<number>();
  for (const itemName of namesOf(entry)) {
    const words = unique(analyzeText(foldText(itemName)).map((w) => w.form).filter((w) => w.length >= 4 && !STOPWORDS.has(w) && !GENERIC_WORDS.has(w)));
    if (words.length === 0) continue;
    let common: Set<number> | undefined;
    for (const w of words) {
      const saying = new Set(statementsSaying(index, w));
      common = common ? new Set([...common].filter((i) => saying.has(i))) : saying;
    }
    for (const i of common ?? []) if (index.said[i]!.owner !== itemId) found.add(i);
  }
  // The verb must govern the item's name ("Leder områdeforum.", "Leads the area forum."): the next word after it, past
  // function words, is a word of the name; the same word as a noun elsewhere ("de pædagogiske ledere") says nothing.
  const nameStems = new Set(namesOf(entry).flatMap((n) => analyzeText(foldText(n)).filter((w) => !STOPWORDS.has(w.form)).map((w) => primaryStem(w.form))));
  const saysVerb = (i: number) => {
    const forms = analyzeText(foldText(index.said[i]!.text[u.lang])).map((w) => w.form);
    return forms.some((form, k) => {
      // (The verb as the question writes it: "leads" is no "leader", "leder" no "ledere", though they share a stem.)
      if (!verbs.has(form)) return false;
      let next = k + 1;
      while (next < forms.length && next <= k + 3 && STOPWORDS.has(forms[next]!)) next++;
      const word = forms[next];
      return word !== undefined && nameStems.has(primaryStem(word));
    });
  };
  let fit = [...found].filter(saysVerb).sort((a, b) => a - b);
  if (fit.length === 0) return undefined;
  // "… i Øst": the posts of the unit the question names (or of a unit under it) before the others.
  const units = new Set(rc.subjects.flat().filter((l) => l.kind === 'units' && l.quality >= 0.9).map((l) => l.id));
  const unitOf = (owner: string) => (kb.get(owner)?.item as { unit?: string } | undefined)?.unit;
  const inUnit = fit.filter((i) => units.has(unitOf(index.said[i]!.owner) ?? ''));
  if (inUnit.length > 0) fit = inUnit;
  else {
    // (The unit may be said inside the item's own name, "områdeforum i Øst": a word that tells the posts' units apart.)
    const unitTerms = new Map(unique(fit.map((i) => unitOf(index.said[i]!.owner) ?? '')).map((unit) => [unit, rc.ctx.ownTerms(unit)]));
    const shared = [...unitTerms.values()].reduce<ReadonlySet<string> | undefined>((acc, terms) => (acc ? new Set([...acc].filter((t) => terms.has(t))) : terms), undefined) ?? new Set();
    const asked = new Set(u.tokens.flatMap((tok) => tok.terms));
    const told = fit.filter((i) => [...(unitTerms.get(unitOf(index.said[i]!.owner) ?? '') ?? [])].some((t) => !shared.has(t) && asked.has(t)));
    if (unitTerms.size > 1 && told.length > 0) fit = told;
  }
  const owners = unique(fit.map((i) => index.said[i]!.owner));
  if (owners.length > 3) return undefined;
  // Each post with the people who hold it ("områdechef for Område Øst (Kasper Thorhauge)").
  const who = owners.map((owner) => {
    const holders = kb.get(owner)?.kind === 'roles' ? rc.relations.holders(owner).map((p) => p.name) : [];
    return `${name(kb, owner, u.lang, false)}${holders.length > 0 && holders.length <= 2 ? ` (${holders.join(', ')})` : ''}`;
  });
  return {
    who: joinList(who, u.lang),
    lines: unique(fit.map((i) => `${capitalize(name(kb, index.said[i]!.owner, u.lang, false))}: ${index.said[i]!.text[u.lang]}`)),
    sources: unique(fit.map((i) => index.said[i]!.source)),
  };
}
