/**
 * The floor every answer passes through: each content word of the question must be accounted for
 * (a cue word of the understood kind, part of a linked item's name, a function or chat word, a date
 * or number, or matched by the answer's own text). A word the whole knowledge base and lexicon do
 * not know, left unaccounted, means the question asks about something the documents do not hold:
 * the answer becomes "I don't know" (or "The documents name X but do not mention <word>" when the
 * question names an item the knowledge base knows). A general (fallback) answer must also account
 * for most of the question's weight, a date answer whose kind of date no cue names for part of the
 * words besides names and cues, and no answer may leave unexplained a word that modifies a cue
 * ("opening hours", "summer closing"). A wrong answer is worse than "I don't know".
 */
import lexiconJson from './lexicon/lexicon.json' with { type: 'json' };
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { DEADLINE_KINDS, UnitTypeSchema } from '../knowledge/schemas.js';
import { MONTH_NAMES } from '../time/format-date.js';
import { displayName, namesOf } from './facts.js';
import { analyzeText, boundedEditDistance, foldText, GENERIC_WORDS, primaryStem, STOPWORDS, termsOf, tokenize } from './normalize.js';
import type { SearchIndex, QueryTerm } from './search.js';
import type { Answer, Lang } from './types.js';
import { countedPositions, type Understanding } from './understand.js';
import type { Link } from './linking.js';
import { loadLexicon, type Attribute, type Lexicon, type LexiconExtension, type QuestionKind } from './lexicon/lexicon.js';
import { policyAppliesTo } from './policy-scope.js';
import { MEASURED } from './relation-answers/figure-measures.js';
import type { Figure } from '../knowledge/schemas.js';

/** The share of the words besides names and cues that an answer must explain (ranked / structured answers). */
const REST_SHARE_FALLBACK = 0.5;
/** The same for a date answer whose kind of date no cue names. */
const REST_SHARE_DATE = 0.35;
/** A word weighing at least this share of the question's heaviest word must be explained by a ranked answer. */
const HEAVY_SHARE = 0.9;
/** The share of a fallback answer's question weight that must be accounted for. */
const FALLBACK_SHARE = 0.6;
/** The quality of the surest partial match that still names the same thing (a compound's head, search.ts). */
const HEAD_QUALITY = 0.6;
/** How sure a match of a question word by the answer's text must be to account for it. */
const ACCOUNTED = 0.5;

/** Articles: a name without its article is the same name ("the committee", "den nye børnegård" is not "børnegård"). */
const ARTICLES: ReadonlySet<string> = new Set(['den', 'det', 'de', 'en', 'et', 'the', 'a', 'an']);

/** The kinds of thing whose name in a question an answer about another of the kind does not answer (not roles or people: a relation's answer names others). */
const RIVAL_KINDS: ReadonlySet<string> = new Set(['units', 'postings', 'meetings', 'leadershipGroups', 'policies', 'programmes']);

/**
 * The attributes a count cannot be (a salary, an age, an e-mail, an address, opening hours): a count of things (a sum of
 * money is: "850.000 kr." answers "hvor mange penge") answers none of them, unless its own words say the attribute.
 */
const NOT_COUNTS: ReadonlySet<Attribute> = new Set<Attribute>(['salary', 'age', 'email', 'address', 'opening-hours']);

/** Checks answers against the question they answer. */
export interface Floor {
  /** The answer, or "I don't know" / the partly-known form when the question asks about something the answer does not hold. */
  check(u: Understanding, links: readonly Link[], answer: Answer, unknown: (lang: Lang, headline?: string) => Answer): Answer;
  /**
   * A bare "I don't know" to a question that names an item the knowledge base knows becomes the
   * partly-known form: "The documents name X but do not mention <the words asked>".
   */
  explainUnknown(u: Understanding, links: readonly Link[], answer: Answer, unknown: (lang: Lang, headline?: string) => Answer): Answer;
}

const fallbackAnswers = new WeakSet<Answer>();

const answerSubjects = new WeakMap<Answer, { readonly owner: string; readonly related: ReadonlySet<string> }>();

/**
 * Notes the item a ranked answer is about and the items its facts relate to, so that the floor can tell a thing the
 * question names from the one the answer speaks of, and a refusal can say what the documents do speak of.
 */
export function markSubject(answer: Answer, owner: string, related: ReadonlySet<string>): Answer {
  answerSubjects.set(answer, { owner, related });
  return answer;
}

/** True when an answer comes from the general ranked search. */
export function isFallback(answer: Answer): boolean {
  return fallbackAnswers.has(answer);
}

/** Marks an answer as coming from the general ranked search: the floor then asks for more coverage. */
export function markFallback(answer: Answer): Answer {
  if (answer.kind === 'answer' || answer.kind === 'ambiguous') fallbackAnswers.add(answer);
  return answer;
}

/** What the floor says when it refuses (kept here so the floor stays one module). */
const SAYS: Readonly<Record<Lang, (item: string, words: string) => string>> = {
  da: (item, words) => `Dokumenterne nævner ${item}, men nævner ikke ${words}.`,
  en: (item, words) => `The documents name ${item} but do not mention ${words}.`,
};

const WORD_MAPS = new Set(['synonyms', 'numbers']);

/** No names (shared, never changed). */
const NO_NAMES: ReadonlyArray<ReadonlySet<string>> = [];

/** Collects the folded words of every string in a lexicon value (cue phrases, labels, word lists). */
function lexiconWords(value: unknown, out: Set<string>): void {
  if (typeof value === 'string') {
    for (const word of tokenize(value.replace(/[*+]/g, ' '))) out.add(word);
  } else if (Array.isArray(value)) {
    for (const v of value) lexiconWords(v, out);
  } else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === '$comment') continue;
      // The keys of word maps (synonyms, number words) are words the lexicon knows too.
      if (WORD_MAPS.has(key) && v && typeof v === 'object') for (const word of Object.keys(v)) if (word !== '$comment') out.add(foldText(word));
      lexiconWords(v, out);
    }
  }
}

/** Words that say something happens (the lexicon's `changeWords` and `floor.eventWords`): a date answer accounts for them. */
function eventWords(lexicon: Lexicon): Set<string> {
  const words = new Set<string>();
  const change = lexicon.phrases.changeWords;
  for (const phrase of [...change.da, ...change.en, ...lexicon.floorWords.events]) for (const w of tokenize(phrase.replace(/[*+]/g, ' '))) words.add(w);
  return words;
}

/** Words that only chat or ask (the lexicon's `floor.chatWords`), month names and their short forms. */
function functionWords(lexicon: Lexicon): Set<string> {
  const words = new Set<string>();
  for (const word of lexicon.floorWords.chat) for (const w of tokenize(word)) words.add(w);
  for (const month of [...MONTH_NAMES.da, ...MONTH_NAMES.en]) {
    const folded = foldText(month);
    words.add(folded);
    words.add(folded.slice(0, 3));
  }
  words.add('sept');
  // Number words ("tre", "five") are constraints like digits, answered by the answer's own structure.
  for (const word of Object.keys(lexicon.numbers)) words.add(foldText(word));
  // So are ordinal words ("tredje kvartal"): the answer's rounds are held to them (`roundsIn`).
  for (const word of lexicon.ordinals.keys()) words.add(word);
  return words;
}

/** Builds the floor from the knowledge base's index and the lexicon (including a knowledge base's own extensions). */
export function createFloor(
  kb: KnowledgeBase,
  index: SearchIndex,
  extensions: readonly LexiconExtension[] = [],
  namesIn: (text: string) => ReadonlySet<string> = () => new Set(),
  loaded: Lexicon = loadLexicon(extensions),
  /** Visits what `namesIn` holds in its order, repeats allowed, without making the set (thousands of bearers at 100x). */
  eachNameIn: (text: string, visit: (id: string) => void) => void = (text, visit) => namesIn(text).forEach((id) => visit(id)),
): Floor {
  const lexicon = new Set<string>();
  lexiconWords(lexiconJson, lexicon);
  lexiconWords(extensions, lexicon);
  const chat = functionWords(loaded);
  const questionWords = loaded.questionWords;
  const deputyParties = [...new Set(kb.data.deputies.flatMap((d) => [d.deputy, d.for]))];
  // The words of the deputy cues ("på ferie", "på barsel", "på orlov", "til konference"): a compound whose head is one
  // ("juleferien", "barselsorlov", "lederkonferencen") is that kind of absence, which a deputy's or a conditional line's
  // answer covers by its condition (or by having none: the deputy stands in whenever the post holder is away).
  const absenceHeads = new Set(
    lexiconJson.kinds
      .filter((k) => k.kind === 'deputy')
      .flatMap((k) => [...k.cues.da, ...k.cues.en])
      .flatMap((phrase) => tokenize(phrase.replace(/[*+$]/g, ' ')))
      .filter((w) => w.length >= 5 && !STOPWORDS.has(w))
      .flatMap((w) => [...termsOf(w)]),
  );
  // (Read from the word's letters: its first part need not be a word the knowledge base knows, "jule" of "juleferien".)
  const absenceCompound = (u: Understanding, q: QueryTerm) => {
    if (!(u.kinds.has('deputy') || u.kinds.has('deputy-for') || u.intents.has('condition'))) return false;
    const form = q.token.form;
    for (let cut = 3; cut <= form.length - 5; cut++) for (const t of termsOf(form.slice(cut))) if (absenceHeads.has(t)) return true;
    return false;
  };
  // The counts of several units together (`ofUnits`), which count none of them alone. (Not an amount granted to them
  // together: that is what each was granted with the others.)
  const jointFigures = [...kb.data.municipalities, ...kb.data.units].flatMap((x) =>
    (x.figures ?? []).flatMap((f) => (f.ofUnits !== undefined && f.ofUnits.length > 1 && f.metric !== 'amount' ? [{ value: f.value, ofUnits: f.ofUnits }] : [])),
  );
  const chairs = [...new Set(kb.data.meetings.flatMap((m) => (m.chair === undefined ? [] : [m.chair])))];
  const fallbackAskedKinds = new Set(loaded.floorWords.fallbackAskedKinds as readonly QuestionKind[]);
  const events = eventWords(loaded);
  // The words the lexicon's interview rounds are of ("samtale", "interview", "runde"), by stem.
  const roundWords = new Set(loaded.rounds.words().flatMap((w) => tokenize(w).filter((x) => !/\d/.test(x)).map(primaryStem)));
  // A word is known when the knowledge base's texts or names hold it (its stem, a compound of known
  // words, a small typo of a known word), or when the lexicon uses it. The qualities are the search
  // index's: >= 0.9 an exact term, synonym or compound split, 0.75 a typo within a bounded edit
  // distance, 0.8 a prefix (an inflection only when the known term is at most 3 letters longer).
  // A compound known only as its parts ("skolelægen": "skole" + "læge") is no known word: the whole names nothing
  // the documents hold, and an answer that explains only some parts answers about them, not about it.
  const knownForm = (q: QueryTerm) =>
    lexicon.has(q.token.form) ||
    (q.parts === undefined &&
      (index.knows(q.token.form) || q.expansions.some((e) => e.quality >= 0.9 || e.quality === 0.75 || (e.quality === 0.8 && e.term.length - q.token.form.length <= 3))));

  // A municipality's names are answered by the scope the engine limits the answer to.
  const municipalityWords = new Set(
    kb.data.municipalities.flatMap((m) => [m.name, m.labelEn, ...m.names, ...m.namesEn].filter((n): n is string => typeof n === 'string').flatMap((n) => tokenize(n))),
  );
  // Short function words are often mistyped ("teh", "hvme"): a near miss of one is no unknown thing.
  const shortFunction = [...STOPWORDS, ...chat].filter((w) => w.length >= 2 && w.length <= 5);
  const functionTypo = (form: string) => form.length <= 5 && shortFunction.some((w) => Math.abs(w.length - form.length) <= 1 && boundedEditDistance(form, w, 1) <= 1);

  /** The question's words that say what is asked, besides cues, names, chat and constraints. */
  const contentOf = (u: Understanding, links: readonly Link[], named: ReadonlySet<number> = new Set()) => {
    const linked = new Set<number>(named);
    for (const l of links) for (let i = l.start; i < l.end; i++) linked.add(i);
    const position = new Map(u.tokens.map((t, i) => [t, i]));
    const content = index.queryTerms(u.tokens, u.intentWords).filter((q) => {
      const form = q.token.form;
      const i = position.get(q.token) ?? u.tokens.findIndex((t) => t.form === form);
      // (A near miss of a function word right after a word that opens units' names is a name: "børnekreds engen".)
      const typo = functionTypo(form) && !(i > 0 && unitOpener(u.tokens[i - 1]!.form));
      if (u.cuePositions.has(i) || linked.has(i) || chat.has(form) || municipalityWords.has(form) || typo || absenceCompound(u, q)) return false;
      if (u.intents.has('dates') && events.has(form)) return false;
      // Dates, times and numbers are the question's constraints, answered by the answer's own structure.
      return !/\d/.test(form) && form.length > 1;
    });
    return { content, position };
  };
  /**
   * The positions of the words that name a document the answer cites, by its kind ("statusnotatet", "the function
   * description", the lexicon's `documentKinds`) or by a word of its title: "what does the 2024 status say about X" asks
   * what that document says, and an answer quoting it answers that.
   */
  const sourceNamedAt = (u: Understanding, answer: Answer): ReadonlySet<number> => {
    const docs = answer.sources.flatMap((s) => kb.documents.get(s.doc) ?? []);
    if (docs.length === 0) return new Set();
    const out = new Set<number>();
    const kinds = new Set<string>(docs.map((d) => d.kind));
    for (const [kind, m] of loaded.documentKinds.match(u.tokens)) if (kinds.has(kind)) for (const p of m.positions) out.add(p);
    const titles = docs.map(titleTerms);
    u.tokens.forEach((t, i) => {
      if (!STOPWORDS.has(t.form) && t.terms.some((term) => titles.some((terms) => terms.has(term)))) out.add(i);
    });
    return out;
  };
  // Each document's title terms (Danish and English), once per document cited.
  const titleTermsOf = new Map<string, ReadonlySet<string>>();
  const titleTerms = (d: { id: string; title: string; titleEn: string }): ReadonlySet<string> => {
    let terms = titleTermsOf.get(d.id);
    if (!terms) titleTermsOf.set(d.id, (terms = termsOf(`${d.title} . ${d.titleEn}`)));
    return terms;
  };
  // Each item's line upwards (its unit, parent unit, role, programme), made once per item asked about.
  const aboveCache = new Map<string, ReadonlySet<string>>();
  const above = (id: string): ReadonlySet<string> => {
    let found = aboveCache.get(id);
    if (found) return found;
    const out = new Set<string>();
    const queue = [id];
    while (queue.length > 0 && out.size < 32) {
      const item = kb.get(queue.shift()!)?.item as Partial<Record<'unit' | 'parent' | 'role' | 'partOf', unknown>> | undefined;
      for (const key of ['unit', 'parent', 'role', 'partOf'] as const) {
        const next = item?.[key];
        if (typeof next === 'string' && !out.has(next)) {
          out.add(next);
          queue.push(next);
        }
      }
    }
    aboveCache.set(id, (found = out));
    return found;
  };
  /**
   * True when what an item says holds for another item: a policy owned by the other's municipality or by a unit above it,
   * or meant for it or a unit above it (`relevantFor`); a programme used there. "Må vi servere saftevand i Ræven" is
   * answered by the municipality's meal policy, which holds for every house in it. (A figure or fact of a unit around it
   * says nothing of it: the municipality's population is no count of its day-care area.)
   */
  const reaches = (owner: string, id: string): boolean => {
    // (A concept of a policy, or the post that leads the item: policy-scope.ts.)
    if (policyAppliesTo(kb, owner, id)) return true;
    const scope = new Set([id, ...above(id)]);
    const municipality = (kb.get(id)?.item as { municipality?: string } | undefined)?.municipality;
    if (municipality !== undefined) scope.add(municipality);
    const entry = kb.get(owner);
    // (A committee acts for its municipality: its policy holds in every unit there; a policy of no owner holds where its
    // municipality is, or everywhere when it has none, as a law does.)
    const actsFor = (x: string) => {
      const unit = kb.get(x);
      return unit?.kind === 'units' && unit.item.type === 'committee' && unit.item.parent !== undefined ? unit.item.parent : x;
    };
    if (entry?.kind === 'policies') {
      const own = entry.item.owner ?? (entry.item as { municipality?: string }).municipality;
      return own === undefined || [own, ...entry.item.relevantFor].some((x) => scope.has(actsFor(x)));
    }
    if (entry?.kind === 'programmes') return entry.item.usedBy.some((x) => scope.has(x));
    return false;
  };
  // Each item's names as sets of terms (the words that identify it), made once per item asked about.
  const nameTermSets = new Map<string, ReadonlyArray<ReadonlySet<string>>>();
  // Each name's terms once, however many items bear it (the same post in every unit, at scale in every municipality).
  const termsOfName = new Map<string, ReadonlySet<string>>();
  // The names of several words that leave one word when their other words go ("den nye børnegård" of Sandflugten is said
  // by any "Børnegården"): they identify nothing ("the committee" is the committee's name without its article).
  const reducedNames = new WeakSet<ReadonlySet<string>>();
  const nameAsTerms = (name: string): ReadonlySet<string> => {
    let terms = termsOfName.get(name);
    if (!terms) {
      const words = tokenize(name);
      termsOfName.set(name, (terms = new Set(words.filter((w) => !STOPWORDS.has(w) && !GENERIC_WORDS.has(w)).flatMap((w) => [...termsOf(w)]))));
      if (terms.size === 1 && words.filter((w) => !ARTICLES.has(w)).length > 1) reducedNames.add(terms);
    }
    return terms;
  };
  const namesAsTerms = (id: string): ReadonlyArray<ReadonlySet<string>> => {
    let sets = nameTermSets.get(id);
    if (!sets) {
      const entry = kb.get(id);
      sets = (entry ? namesOf(entry) : []).map(nameAsTerms).filter((terms) => terms.size > 0);
      nameTermSets.set(id, sets);
    }
    return sets;
  };
  // How many items bear each name (its terms as a key): a name many items share ("områdechef") names none of them.
  const nameOwners = new Map<string, number>();
  // A name's key once per set of terms (the sets are shared per distinct name, `nameAsTerms`): at scale a question
  // checks hundreds of items bearing the same few names.
  const nameKeys = new Map<ReadonlySet<string>, string>();
  const nameKey = (terms: ReadonlySet<string>) => {
    let key = nameKeys.get(terms);
    if (key === undefined) nameKeys.set(terms, (key = [...terms].sort().join(' ')));
    return key;
  };
  const allIn = (name: ReadonlySet<string>, terms: ReadonlySet<string>) => {
    for (const t of name) if (!terms.has(t)) return false;
    return true;
  };
  let ownersCounted = false;
  const countOwners = () => {
    if (ownersCounted) return;
    ownersCounted = true;
    for (const list of Object.values(kb.data) as unknown[]) {
      if (!Array.isArray(list)) continue;
      for (const item of list as Array<{ id?: unknown }>) {
        if (typeof item?.id !== 'string') continue;
        for (const key of new Set(namesAsTerms(item.id).map(nameKey))) nameOwners.set(key, (nameOwners.get(key) ?? 0) + 1);
      }
    }
  };
  // Counted with the floor (the answerer's build), not by the first question that needs it (tens of ms at 100x).
  countOwners();
  // Each item's names that no other item bears, once per item: a question's text names hundreds of bearers of a shared
  // name at 100x, most with no name of their own (the owners are counted with the floor and do not change).
  const ownNames = new Map<string, ReadonlyArray<ReadonlySet<string>>>();
  const ownNamesOf = (id: string): ReadonlyArray<ReadonlySet<string>> => {
    let names = ownNames.get(id);
    if (!names) {
      countOwners();
      const own = namesAsTerms(id).filter((name) => nameOwners.get(nameKey(name)) === 1);
      ownNames.set(id, (names = own.length > 0 ? own : NO_NAMES));
    }
    return names;
  };
  /** True when a text's terms hold a name of the item that no other item bears. */
  const namesOnly = (id: string, terms: ReadonlySet<string>): boolean => {
    for (const name of ownNamesOf(id)) if (allIn(name, terms)) return true;
    return false;
  };
  /** The items a text names by a name of their own, with those a named person's title names ("områdeleder, Område Nord"). */
  const namedBy = (text: string): ReadonlySet<string> => {
    const terms = termsOf(text);
    const out = new Set<string>();
    // (Visited, not copied: most bearers of a shared name have no name of their own, and a repeat adds nothing.)
    eachNameIn(text, (id) => {
      if (namesOnly(id, terms)) out.add(id);
    });
    for (const id of [...out]) {
      const entry = kb.get(id);
      if (entry?.kind !== 'people') continue;
      const title = `${entry.item.title.da} . ${entry.item.title.en}`;
      const titleTerms = termsOf(title);
      eachNameIn(title, (other) => {
        if (namesOnly(other, titleTerms)) out.add(other);
      });
    }
    return out;
  };
  /**
   * A thing the question names surely that the answer neither names nor is about, when the answer names another thing
   * of the same kind in its stead (`rival`): the answer speaks of something else.
   */
  const absentName = (
    cues: ReadonlySet<number>,
    links: readonly Link[],
    answerTerms: ReadonlySet<string>,
    subject: { readonly owner: string; readonly related: ReadonlySet<string> } | undefined,
    text: string,
    focus: string,
  ): { asked: string; rival: string } | undefined => {
    // The municipalities the question names, or else those of the other things it names ("ledelsen i Stjernehuset" is
    // Stjernehuset's, not the leadership team another municipality calls "ledelsen").
    const municipalityOf = (id: string) => (kb.get(id)?.item as { municipality?: string } | undefined)?.municipality;
    const named = links.filter((l) => l.kind === 'municipalities').map((l) => l.id);
    // The municipalities of the sure names outside a span, once per span: a name many items share links thousands.
    const outside = new Map<number, ReadonlySet<string>>();
    const municipalitiesOutside = (l: Link): ReadonlySet<string> => {
      const key = spanKey(l);
      let found = outside.get(key);
      if (!found) {
        const set = new Set<string>();
        for (const o of links) {
          if (o.kind === 'municipalities' || o.quality < 0.9 || !(o.end <= l.start || o.start >= l.end)) continue;
          const m = municipalityOf(o.id);
          if (m !== undefined) set.add(m);
        }
        outside.set(key, (found = set));
      }
      return found;
    };
    const inScope = (l: Link) => {
      const municipality = municipalityOf(l.id);
      if (municipality === undefined) return true;
      if (named.length > 0) return named.includes(municipality);
      // (No other municipality among them: at most this one. Not a pass over hundreds per link at 100x.)
      const others = municipalitiesOutside(l);
      return others.size === 0 || (others.size === 1 && others.has(municipality));
    };
    // (Spans by a number, not a string per link.)
    const spans = new Map<number, Link[]>();
    for (const l of links) {
      // A name that is also the question's cue ("which policies") asks for a kind of thing, not that thing.
      if (!RIVAL_KINDS.has(l.kind) || l.quality < 0.9 || !inScope(l) || spansOnly(l, cues)) continue;
      const span = spans.get(spanKey(l));
      if (span) span.push(l);
      else spans.set(spanKey(l), [l]);
    }
    // Asked for every link (hundreds share a name at 100x) and again per span. (A loop, no closure per item, and not
    // remembered per item: the test allocates nothing, a map of hundreds of items would.)
    const says = (id: string) => {
      if (id === subject?.owner || subject?.related.has(id) === true) return true;
      const names = namesAsTerms(id);
      for (let k = 0; k < names.length; k++) if (!reducedNames.has(names[k]!) && everyIn(names[k]!, answerTerms)) return true;
      return false;
    };
    const said = (l: Link) => says(l.id);
    // A name inside or across another that the answer names is part of that name ("the pedagogical leader of the
    // nursery in Stjernehuset"): the answer names it with it.
    const saidSpans = links.filter((l) => l.kind !== 'municipalities' && said(l));
    let inAnswer: ReadonlySet<string> | undefined;
    let inFocus: ReadonlySet<string> | undefined;
    for (const span of spans.values()) {
      if (span.some(said)) continue;
      const { start, end } = span[0]!;
      if (saidSpans.some((l) => l.start < end && start < l.end)) continue;
      // Only an answer that names another thing of the same kind instead, one neither inside nor above the thing asked
      // about, speaks of something else ("Ålekisten" for "Mågen"); one that names no such thing answers for a kind
      // of post or place the thing asked about is one of, and one that names a thing inside or above it speaks of it
      // ("the area leader of Area West" for a house in Area West). A person named speaks of the units their title
      // names ("Mette, area leader of Area North").
      inAnswer ??= namedBy(text);
      inFocus ??= namedBy(focus);
      const near = (a: string, b: string) => above(a).has(b) || above(b).has(a);
      const named = [...inFocus];
      if ([...inAnswer].some((id) => span.some((l) => near(id, l.id)))) continue;
      if (saidSpans.some((s) => span.some((l) => near(s.id, l.id)))) continue;
      const rival = named.find((id) => {
        const kind = kb.get(id)?.kind;
        return span.every((l) => kind === l.kind && id !== l.id && !near(id, l.id));
      });
      if (rival) return { asked: span[0]!.id, rival };
    }
    // A post asked about ("områdeleder stillingen") is not answered by a posting for another post only.
    // (The first such role found before every role's scope is asked: a post's name links thousands of roles at 100x.)
    const isRole = (l: Link) => l.kind === 'roles' && l.quality >= 0.9;
    const unsaid = links.find((l) => isRole(l) && !said(l) && inScope(l));
    if (unsaid) {
      inFocus ??= namedBy(focus);
      const postings = [...inFocus].map((id) => kb.get(id)).filter((e) => e?.kind === 'postings');
      const forRole = (e: (typeof postings)[number], l: Link) => e?.kind === 'postings' && (e.item.role === l.id || above(e.item.role).has(l.id));
      if (postings.length > 0) {
        const roles = links.filter((l) => isRole(l) && inScope(l));
        if (!postings.some((e) => roles.some((l) => forRole(e, l)))) return { asked: unsaid.id, rival: postings[0]!.item.id };
      }
    }
    return undefined;
  };
  /**
   * A thing a count question names (a person, post, unit, group) that the count's answer neither names nor counts
   * inside of: the answer counts something else. `owner`: the thing the answer's count is of, when it names one.
   */
  const uncountedName = (u: Understanding, links: readonly Link[], answerTerms: ReadonlySet<string>, focus: string): { asked: string; owner?: string } | undefined => {
    const counted = new Set([...u.metricAt.values()].flat().concat(countedPositions(u.tokens, u.kinds.get('figure')?.positions ?? [], loaded)));
    // (A name made of words the lexicon uses ("leaders") is a word of the question more often than that thing's name.)
    const sure = links.filter((l) => l.kind !== 'municipalities' && l.quality >= 0.9 && !range(l).every((p) => counted.has(p) || u.cuePositions.has(p) || lexicon.has(u.tokens[p]!.form)));
    if (sure.length === 0) return undefined;
    const said = (id: string) => namesAsTerms(id).some((terms) => [...terms].every((t) => answerTerms.has(t)));
    const inFocus = [...namedBy(focus)];
    // Counted inside it ("Kløverengen" for Område Vest), or the post a person named holds, or the unit their post leads.
    const ledBy = (id: string) => (kb.get(id)?.item as { ledBy?: readonly string[] } | undefined)?.ledBy ?? [];
    const countedIn = (l: Link) => {
      const role = kb.get(l.id)?.kind === 'people' ? (kb.get(l.id)!.item as { role?: string }).role : kb.get(l.id)?.kind === 'roles' ? l.id : undefined;
      // (A unit inside the one their post leads is counted inside it too: "sprogvejledere" under the secretariat's head.)
      return inFocus.some((id) => id === l.id || above(id).has(l.id) || id === role || (role !== undefined && [id, ...above(id)].some((x) => ledBy(x).includes(role))));
    };
    for (const l of sure) {
      // (A name across one the answer names is read around it: "leaders report directly to the børnechef".)
      if (said(l.id) || links.some((o) => o !== l && (o.start < l.end && l.start < o.end) && said(o.id))) continue;
      // (Another reading of the same words that the count is of answers them when the question names what the count
      // is of too: "områdechefen for øst" is the head of Område Øst, not the other area's head of the same title.)
      if (countedIn(l) || (sure.some((o) => o.start === l.start && o.end === l.end && countedIn(o)) && sure.some((o) => o !== l && inFocus.includes(o.id)))) continue;
      // Another thing the question names with it that the answer names and that it belongs to or leads ("the leader of
      // Ålekisten", "souschef i Stjernehuset"): the count is of that.
      if (sure.some((o) => o !== l && said(o.id) && (above(l.id).has(o.id) || above(o.id).has(l.id) || ledBy(o.id).includes(l.id)))) continue;
      return { asked: l.id, owner: inFocus.find((id) => kb.get(id)?.kind !== 'people') };
    }
    return undefined;
  };
  // The phrases that ask for a time of day, folded and padded so that they match whole words.
  const clockPhrases = loaded.floorWords.clock.map((phrase) => ` ${tokenize(phrase).join(' ')} `).filter((phrase) => phrase.trim().length > 0);
  const clockAsked = (folded: string) => {
    const padded = ` ${tokenize(folded).join(' ')} `;
    return clockPhrases.some((phrase) => padded.includes(phrase));
  };
  // The lexicon's words by length, for near misses of them ("telefonnumeret", "kontaktinfo").
  const lexiconByLength = new Map<number, string[]>();
  for (const word of lexicon) {
    if (word.length < 4) continue;
    const list = lexiconByLength.get(word.length);
    if (list) list.push(word);
    else lexiconByLength.set(word.length, [word]);
  }
  // The stems of the cues written 'word*' ("telefon*"): a word they open is the cue's, however it ends.
  const cueStems = [...new Set([loaded.kinds, loaded.dateKinds, loaded.metrics, loaded.attributes].flatMap((set) => set.prefixes()))].filter((p) => p.length >= 5);
  /** True when a word is a typo of a lexicon word, a cue stem's word, or a compound that opens with a lexicon word and ends in a known one. */
  const nearLexicon = (form: string): boolean => {
    if (cueStems.some((stem) => form.startsWith(stem))) return true;
    const limit = form.length >= 8 ? 2 : 1;
    for (let length = form.length - limit; length <= form.length + limit; length++) {
      for (const word of lexiconByLength.get(length) ?? []) if (boundedEditDistance(form, word, limit) <= limit) return true;
    }
    // (A head of five letters at least: "turn" + "over" is no compound of the lexicon's "turn in" and "over".)
    for (let cut = 5; cut <= form.length - 3; cut++) {
      const head = form.slice(0, cut);
      const tail = form.slice(cut);
      if (lexicon.has(head) && (lexicon.has(tail) || index.knows(tail))) return true;
    }
    return false;
  };
  // The words for whoever leads ("leder", "chef"), and the schema's kinds of unit ("district", "area"), for titles.
  const leaderHeads = [...new Set(loaded.phrases.leaderWords.da.concat(loaded.phrases.leaderWords.en).filter((w) => !w.includes(' ')).map(foldText))].filter((w) => w.length >= 4);
  const unitKinds = new Set(UnitTypeSchema.options.map((t) => t.replace(/-/g, ' ')));
  /** A word the documents, the lexicon or the schema's kinds of unit know: it can name a kind of place. */
  const placeWord = (form: string) => unitKinds.has(form) || lexicon.has(form) || index.knows(form);
  // The words for a kind of unit (the schema's types, the lexicon's `unitKindWords`) by their terms, inflections included.
  // (A type of two words, "staff unit", is no word for a kind of unit word by word: "staff reps" names no unit.)
  const unitKindTerms = new Set([...unitKinds, ...loaded.unitKindWords.flatMap((level) => [...level.words])].filter((w) => !/[\s-]/.test(w)).flatMap((w) => [...termsOf(w)]));
  // (So is a word that opens the names of several of the knowledge base's units, "Børnetun" of "Børnetun Øen" and
  // "Børnetun Havnen", "Ring" of "Ring Højen": the word after it names which one.)
  const openers = new Map<string, Set<string>>();
  for (const unit of kb.data.units) {
    for (const name of [unit.name, ...unit.names]) {
      const words = tokenize(name);
      // (Not the first part of words written together by a hyphen, "Børne- og Ungeudvalget", nor a word joined to the next
      // by "og", "Børn og Læring": it names no kind of unit.)
      if (words.length < 2 || STOPWORDS.has(words[0]!) || STOPWORDS.has(words[1]!) || /^\s*[\p{L}\d]+-/u.test(name)) continue;
      openers.set(words[0]!, (openers.get(words[0]!) ?? new Set()).add(unit.id));
    }
  }
  // (As written before the names, not its other forms: "børnecentrene får" names no unit.)
  const unitOpeners = new Set([...openers].filter(([, units]) => units.size >= 2).map(([form]) => form));
  const unitKindWord = (form: string) => unitOpeners.has(form) || [...termsOf(form)].some((t) => unitKindTerms.has(t));
  /** True when a word opens the names of several units ("børnekreds" of "Børnekreds Bakken" and "Børnekreds Skoven"). */
  const unitOpener = (form: string) => unitOpeners.has(form);
  /** "distriktsleder", "klyngechef": a known word joined to a word for whoever leads, with or without a linking "s". */
  const leaderCompound = (form: string) =>
    leaderHeads.some((head) => {
      if (!form.endsWith(head) || form.length < head.length + 4) return false;
      const first = form.slice(0, -head.length);
      return placeWord(first) || (first.endsWith('s') && placeWord(first.slice(0, -1)));
    });
  const leaderTerms = new Set(leaderHeads.flatMap((w) => [...termsOf(w)]));
  const openerPhrases = loaded.floorWords.askedThingOpeners.map((phrase) => tokenize(phrase)).filter((words) => words.length > 0);
  /**
   * The positions of the words a "who is / what is" question asks for, before the first name it places them by or a cue
   * word ("the union rep in Område Syd", "sygefraværet i Småbørn & Læring"): empty when the question opens otherwise.
   */
  const askedThing = (u: Understanding, links: readonly Link[]): ReadonlySet<number> => {
    const forms = u.tokens.map((t) => t.form);
    let from = -1;
    for (const words of openerPhrases) {
      for (let i = 0; i + words.length <= forms.length && i <= 3; i++) {
        if (words.every((w, k) => forms[i + k] === w)) from = Math.max(from, i + words.length);
      }
    }
    const out = new Set<number>();
    if (from < 0) return out;
    const linked = (p: number) => links.some((l) => l.kind !== 'municipalities' && p >= l.start && p < l.end);
    // (A cue word of the question's kind is what is asked, and the words after it qualify it: "what is required before
    // employment at Mågen" asks for requirements.)
    for (let p = from; p < forms.length; p++) {
      if (linked(p) || NAMING_PREPOSITIONS.has(forms[p]!) || u.cuePositions.has(p)) break;
      out.add(p);
    }
    return out;
  };
  /**
   * The positions of what the question asks for (its asked slot): the words a "who is / what is" opener governs, the
   * things a count counts, and the words the question word opens ("when is the christmas lunch for X", "hvornår holder
   * X temadag"), past the names it places them by, up to a naming preposition or a cue word. A word elsewhere (a verb
   * of a subordinate clause, an adjective, an incidental noun) is not what is asked.
   */
  // The words that ask: the lexicon's question words and the first word of each asked-thing opener ("who", "hvem").
  const askingWords = new Set([...questionWords, ...openerPhrases.map((words) => words[0]!)]);
  const askedSlot = (u: Understanding, links: readonly Link[]): ReadonlySet<number> => {
    const out = new Set(askedThing(u, links));
    for (const p of [...u.metricAt.values()].flat().concat(countedPositions(u.tokens, u.kinds.get('figure')?.positions ?? [], loaded))) out.add(p);
    const forms = u.tokens.map((t) => t.form);
    const opener = forms.findIndex((f, i) => i <= 3 && askingWords.has(f));
    if (opener < 0) return out;
    const linked = (p: number) => links.some((l) => l.kind !== 'municipalities' && p >= l.start && p < l.end);
    let p = opener + 1;
    while (p < forms.length && !NAMING_PREPOSITIONS.has(forms[p]!) && (STOPWORDS.has(forms[p]!) || chat.has(forms[p]!) || askingWords.has(forms[p]!))) p++;
    // (A cue word right there is what is asked, "who will lead X"; one after it qualifies it.)
    // (The thing a word asked for is of is asked for with it, up to its name: "the head of the fire brigade".)
    let of = false;
    for (const first = p; p < forms.length; p++) {
      if (OF_PREPOSITIONS.has(forms[p]!) && p > first) {
        of = true;
        continue;
      }
      if (NAMING_PREPOSITIONS.has(forms[p]!) || (u.cuePositions.has(p) && p > first) || askingWords.has(forms[p]!)) break;
      if (linked(p) && of) break;
      if (!linked(p)) out.add(p);
    }
    return out;
  };
  return {
    explainUnknown(u, links, answer, unknown) {
      if (answer.kind !== 'unknown' || answer.headline !== unknown(u.lang).headline) return answer;
      const sure = links.filter((l) => l.kind !== 'municipalities' && l.quality >= 0.9);
      if (sure.length === 0) return answer;
      const { content } = contentOf(u, sure);
      if (content.length === 0) return answer;
      return refuse(kb, u, sure, content, unknown);
    },
    check(u, links, answer, unknown) {
      if (answer.kind !== 'answer' && answer.kind !== 'ambiguous') return answer;
      const { content, position } = contentOf(u, links, sourceNamedAt(u, answer));
      const text = [answer.headline, ...answer.sections.flatMap((s) => [s.title, ...s.lines]), ...(answer.details ?? [])].join(' ');
      const answerTerms = termsOf(text);
      // Every thing the question names must be what the answer speaks of ("the pedagogical coordinator in Mågen" is
      // not answered by the coordinator post in Ålekisten): its words, or one of its own names, are in the answer.
      // (What the answer is about is in its headline and section titles; its lines may mention others in passing.)
      // "Who leads Familiesporet" is not answered by "Familiesporet is led by the leader of Familiesporet": a post whose
      // name is only the place's name and a word for whoever leads, held by no one the documents name, says no who.
      if (u.askedWho && (u.intents.has('leader') || u.intents.has('holder'))) {
        const named = [...namedBy(answer.headline)].map((id) => kb.get(id));
        const units = links.filter((l) => l.kind === 'units' && l.quality >= 0.9).map((l) => l.id);
        const roles = named.filter((e) => e?.kind === 'roles').map((e) => e!.item.id);
        const onlyTitle = (role: string) =>
          !kb.data.people.some((p) => p.role === role) &&
          namesAsTerms(role).length > 0 &&
          namesAsTerms(role).every((terms) => units.some((unit) => [...terms].every((t) => leaderTerms.has(t) || namesAsTerms(unit).some((unitTerms) => unitTerms.has(t)))));
        if (!named.some((e) => e?.kind === 'people') && roles.length > 0 && roles.every(onlyTitle)) {
          const role = kb.get(roles[0]!)!;
          return unknown(u.lang, NO_NAME[u.lang](displayName(role, u.lang)));
        }
      }
      const absent = absentName(u.cuePositions, links, answerTerms, answerSubjects.get(answer), text, [answer.headline, ...answer.sections.map((s) => s.title)].join(' . '));
      if (absent) {
        const asked = kb.get(absent.asked);
        const rival = kb.get(absent.rival);
        if (asked && rival) return unknown(u.lang, OTHER[u.lang](displayName(asked, u.lang), displayName(rival, u.lang)));
      }
      // A count is of the thing counted where the question places it: a count the answer gives for a unit around the
      // person, post or place asked about ("how many employees does the head of childminding lead": the department's
      // 430) or beside it is no count of theirs.
      if (u.intents.has('figure') && !u.askedWhen) {
        const uncounted = uncountedName(u, links, answerTerms, [answer.headline, answer.sections[0]?.lines[0] ?? ''].join(' . '));
        if (uncounted) {
          const asked = kb.get(uncounted.asked);
          const owner = uncounted.owner === undefined ? undefined : kb.get(uncounted.owner);
          if (asked) return unknown(u.lang, owner ? OTHER[u.lang](displayName(asked, u.lang), displayName(owner, u.lang)) : SAYS[u.lang](displayName(asked, u.lang), quotedWords(u, u.tokens.filter((_, i) => (u.kinds.get('figure')?.positions ?? []).includes(i)).map((token) => ({ token, weight: 1, expansions: [] })))));
        }
      }
      // A ranked answer's count of several units together ("Bakken og Skoven har tilsammen 598 børn") is no count of one
      // of them asked alone: the documents do not give that one's own.
      if (u.intents.has('figure') && !u.askedWhen && fallbackAnswers.has(answer) && jointFigures.length > 0) {
        const asked = new Set(links.filter((l) => l.kind === 'units' && l.quality >= 0.9).map((l) => l.id));
        const joint = jointFigures.find((f) => f.ofUnits.some((id) => asked.has(id)) && f.ofUnits.some((id) => !asked.has(id)) && valueIn(text, f.value));
        const alone = joint?.ofUnits.find((id) => asked.has(id));
        if (joint && alone !== undefined) {
          const name = (id: string) => {
            const entry = kb.get(id);
            return entry ? displayName(entry, u.lang) : id;
          };
          return unknown(u.lang, ALONE[u.lang](name(alone), joint.ofUnits.map(name).join(u.lang === 'da' ? ' og ' : ' and ')));
        }
      }
      // A year the question names ("the budget wishes for 2029", "MUS in 2026") must be the answer's: an answer that
      // gives other years only speaks of another round of the thing asked about.
      const askedYears = yearsIn(u.text);
      if (askedYears.size > 0) {
        // A year after "for" names a round of the thing ("budget for 2028"), which the day it is done on does not.
        const named = [...u.text.toLowerCase().matchAll(/\b(?:for|til)\s+((?:19|20)\d\d)\b/g)].length > 0;
        const givenYears = yearsIn(named ? withoutDays(text) : text);
        // (A state that holds from a year on answers for the years after it: only a "when" or a round is held to it.)
        const when = u.askedWhen && !u.askedWho;
        // (A measure asked of a year, "sygefraværet i 2025", is not answered by one stated only as of later years: a state
        // holds from its day on, never before it.)
        const measured = !u.askedWho && givenYears.size > 0 && (u.intents.has('figure') || [...loaded.metrics.match(u.tokens).keys()].some((m) => MEASURED.has(m as Figure['metric']))) && [...askedYears].every((y) => [...givenYears].every((g) => g > y));
        if ((named || when || measured) && ![...askedYears].some((y) => givenYears.has(y)) && (givenYears.size > 0 || (when && u.range !== undefined))) {
          return unknown(u.lang, YEAR[u.lang]([...askedYears].join(u.lang === 'da' ? ' og ' : ' and '), [...givenYears].sort().join(', ')));
        }
      }
      // A round the question names by its number ("3. samtale", "2. kvartal", "the 3rd interview") must be the answer's: an
      // answer that gives other rounds of the same thing only ("1. samtaler", "3. kvartal") speaks of those.
      // (An interview round the answer gives in words, "Første samtale", "First interview", is read by the lexicon's `rounds`.)
      const askedRounds = roundsIn(u.text, loaded.ordinals);
      if (askedRounds.size > 0) {
        const givenRounds = roundsIn(text, loaded.ordinals);
        let inWords: number[] | undefined;
        for (const [word, numbers] of askedRounds) {
          const given = givenRounds.get(word) ?? (roundWords.has(word) ? { numbers: (inWords ??= [...loaded.rounds.match(analyzeText(foldText(text))).keys()]), spelled: numbers.spelled } : undefined);
          const said = (r: { numbers: readonly number[]; spelled: string }) => r.numbers.map((n) => `${n}. ${r.spelled}`).join(', ');
          if (given && given.numbers.length > 0 && !given.numbers.some((n) => numbers.numbers.includes(n))) return unknown(u.lang, YEAR[u.lang](said(numbers), said(given)));
          // (An answer that numbers none, when a later round is asked ("3. samtale" against the leaders' wellbeing talks),
          // does not say that round; a first one may be the only one.)
          // (Not a round named by an ordinal word, "the second meeting": an answer that numbers none may list it.)
          if ((!given || given.numbers.length === 0) && numbers.numbers.every((n) => n >= 2) && !numbers.inWords) return unknown(u.lang, YEAR[u.lang](said(numbers), ''));
        }
      }
      // (An answer that already says what the documents do not give is held to neither.)
      const saysUnknown = SAYS_UNKNOWN.test([answer.headline, ...answer.sections.flatMap((s) => s.lines), ...(answer.details ?? [])].join(' '));
      // "Hvor stor er lønnen for X" is not answered by a count of X: an attribute no count is must be said by the answer.
      if (!saysUnknown && u.intents.has('figure')) {
        const asked = u.attributes.filter((a) => NOT_COUNTS.has(a));
        const given = asked.length > 0 ? loaded.attributes.match(analyzeText(foldText(text))) : undefined;
        // (An amount of money, "850.000 kr. bevilget til ...", "DKK 62 million", says what a budget is.)
        const money = (a: Attribute) => a === 'budget' && loaded.metrics.match(analyzeText(foldText(text))).has('amount');
        if (given && !asked.some((a) => given.has(a) || money(a))) {
          const at = [...loaded.attributes.coverage(u.tokens)].sort((a, b) => a - b);
          return refuse(kb, u, links, at.map((p) => ({ token: u.tokens[p]!, weight: 1, expansions: [] })), unknown);
        }
      }
      // "What time" is answered by a time of day ("kl. 9.00", "09:00"): a day alone does not say it.
      if (!saysUnknown && clockAsked(u.folded) && !/\b\d{1,2}[.:]\d{2}\b/.test([answer.headline, ...answer.sections.flatMap((s) => s.lines)].join(' '))) {
        return unknown(u.lang, CLOCK[u.lang]);
      }
      // A deadline asked for ("deadline to sign up for X", "tilmeldingsfrist") is answered by a deadline: an answer that
      // names no kind of deadline (a meeting's days, a unit's figures) gives another date of the thing asked about.
      const deadlinesAsked = DEADLINE_KINDS.filter((k) => u.dateKinds.has(k));
      // (Only an answer about a meeting or group: a date answer, or a ranked fact ("before 1 July 2028"), may give a
      // deadline in the words of what is due.)
      const aboutMeeting = () => [...namedBy(answer.headline)].some((id) => MEETING_KINDS.has(kb.get(id)?.kind ?? ''));
      if (!saysUnknown && deadlinesAsked.length > 0 && !u.intents.has('reporting') && aboutMeeting()) {
        const given = loaded.dateKinds.match(analyzeText(foldText(text)));
        if (!DEADLINE_KINDS.some((k) => given.has(k))) {
          const at = [...loaded.dateKinds.match(u.tokens)].filter(([k]) => DEADLINE_KINDS.includes(k as (typeof DEADLINE_KINDS)[number])).flatMap(([, m]) => [...m.positions]);
          return refuse(kb, u, links, [...new Set(at)].sort((a, b) => a - b).map((p) => ({ token: u.tokens[p]!, weight: 1, expansions: [] })), unknown);
        }
      }
      // "When" is answered by a time: a day, a month, a weekday, a time of day, how often or on what condition. An answer that gives none
      // speaks of the thing asked about, not of when.
      // (When a line or a deputy applies is answered by a condition in the relation's own words: not checked here.)
      const conditional = u.intents.has('reporting') || u.intents.has('condition') || u.kinds.has('deputy') || u.kinds.has('deputy-for');
      // (A count asked for is answered by its number: "how many 0-3 year olds" asks no when.)
      if (!saysUnknown && u.askedWhen && !u.askedWho && !conditional && !u.intents.has('figure') && !TIMED.test(foldText([answer.headline, ...answer.sections.flatMap((s) => s.lines.slice(0, 2))].join(' ')))) {
        return refuse(kb, u, links, u.tokens.filter((_, i) => (u.kinds.get('when')?.positions ?? []).includes(i)).map((token) => ({ token, weight: 1, expansions: [] })), unknown);
      }
      // A ranked answer must speak of the relation the question's cue words ask for ("who is the deputy of Mågen" is not
      // answered by Mågen's figures): a cue word of a relation kind (`floor.fallbackAskedKinds`) must be explained by it.
      // "Hvornår holder udvalget næste møde": a date asked of a meeting is answered by a meeting's date. An answer that
      // neither speaks of a meeting (a cue of the kind in its words) nor names a meeting, forum or group gives the date of
      // something else the thing asked about did (a deadline in its minutes).
      if (!fallbackAnswers.has(answer) && u.intents.has('dates') && u.kinds.has('meeting') && !u.intents.has('figure')) {
        const meetingCues = loaded.kinds.coverageOf(u.tokens, new Set<QuestionKind>(['meeting']), undefined, false);
        const speaksOfMeeting =
          loaded.kinds.match(analyzeText(foldText(text))).has('meeting') ||
          [...namedBy(text)].some((id) => MEETING_KINDS.has(kb.get(id)?.kind ?? '')) ||
          links.some((l) => MEETING_KINDS.has(l.kind) && l.quality >= 0.9 && namesAsTerms(l.id).some((terms) => everyIn(terms, answerTerms)));
        if (!speaksOfMeeting && meetingCues.size > 0) return refuse(kb, u, links, [...meetingCues].sort((a, b) => a - b).map((p) => ({ token: u.tokens[p]!, weight: 1, expansions: [] })), unknown);
      }
      // "Hvad er de seks læreplanstemaer", "which five principles": a ranked answer must list that many things; one that
      // only mentions the group ("… forholder sig til de seks læreplanstemaer") does not say which they are.
      if (fallbackAnswers.has(answer) && u.cardinal !== undefined && u.cardinal >= MIN_LISTED) {
        const lines = [...answer.sections.flatMap((s) => s.lines), ...(answer.details ?? []).filter((d) => !/^[»"“]/.test(d))];
        const listed = Math.max(lines.length, ...[answer.headline, ...lines].map((line) => line.split(/[,;]| og | and /).length));
        if (listed < u.cardinal) {
          const at = u.tokens.findIndex((t) => loaded.numbers[t.form] === u.cardinal);
          const group = u.tokens.slice(at, at + 2).map((t) => t.form);
          const mentioned = at >= 0 && group.length === 2 && group.every((w) => tokenize(text).includes(w));
          return unknown(u.lang, mentioned ? NOT_LISTED[u.lang](quotedWords(u, u.tokens.slice(at, at + 2).map((token) => ({ token, weight: 1, expansions: [] })))) : undefined);
        }
      }
      if (fallbackAnswers.has(answer)) {
        // (An answer that says the relation in its own words, another cue of the kind ("stedfortræder" for "dækker for"), speaks of it.)
        // So does one that names a party to the relation the knowledge base holds (a deputy or the one stood in for, a chair).
        const answerKinds = loaded.kinds.match(analyzeText(foldText(text)));
        const names = (ids: readonly string[]) => ids.some((id) => namesAsTerms(id).some((terms) => everyIn(terms, answerTerms)));
        const spoken = (kind: QuestionKind) =>
          answerKinds.has(kind) || (kind.startsWith('deputy') && names(deputyParties)) || (kind === 'chair' && names(chairs));
        const relationCues = loaded.kinds.coverageOf(u.tokens, new Set([...fallbackAskedKinds].filter((k) => !spoken(k))), undefined, false);
        const asked = index
          .queryTerms(u.tokens.filter((t, i) => relationCues.has(i) && !chat.has(t.form) && !questionWords.has(t.form) && !STOPWORDS.has(t.form) && !/\d/.test(t.form) && t.form.length > 2))
          .filter((q) => knownForm(q));
        const explainedCues = index.explainSurely(asked, answerTerms).map((v, i) => (asked[i]!.token.terms.some((t) => answerTerms.has(t)) ? 1 : v));
        const unexplained = asked.filter((_, i) => explainedCues[i]! < ACCOUNTED);
        if (unexplained.length > 0) return refuse(kb, u, links, unexplained, unknown);
      }
      // A count of a compound's head does not count the compound ("plads til 80 børn" for "vuggestuebørn"): the
      // compound's first part must be in the answer too.
      const countedHere = u.intents.has('figure') && !u.askedWhen && /\d/.test(answer.headline) ? [...u.metrics.flatMap((m) => u.metricAt.get(m) ?? []), ...countedPositions(u.tokens, u.kinds.get('figure')?.positions ?? [], loaded)] : [];
      const narrower = [...new Set(countedHere)].filter((p) => narrowerThanCounted(u.tokens[p]?.form ?? '', text));
      if (narrower.length > 0) return refuse(kb, u, links, narrower.map((p) => ({ token: u.tokens[p]!, weight: 1, expansions: [] })), unknown);
      if (content.length === 0) return answer;
      // The answer's own words account for a question word directly, even one the index does not know
      // (a deadline added in chat).
      const fallback = fallbackAnswers.has(answer);
      // The word for what a count counts ("kids" in "how many kids …") is answered by a count of that metric: a
      // structured answer whose headline gives a number.
      const counted = new Set(!fallback && u.intents.has('figure') && /\d/.test(answer.headline) ? u.metrics.flatMap((m) => u.metricAt.get(m) ?? []) : []);
      // A word that is the head of a compound of a structured answer ("husene" for "børnehuse", "planen" for
      // "handleplanen") names the thing the answer speaks of, a kind of it: the answer explains it.
      let heads: ReadonlySet<string> | undefined;
      const headOfAnswer = (q: QueryTerm) => !fallback && q.token.terms.some((t) => t.length >= MIN_HEAD && (heads ??= compoundHeads(answerTerms)).has(t));
      // A word of the name of an item the answer's facts relate to ("the director" of a forum's participants) is what the
      // answer speaks of, though its lines do not spell the name (bounded: the items the answer's facts name). Not when
      // a word before it that the name does not say narrows it to something else: "the staff leader position" asks of
      // no house leader.
      let relatedTerms: ReadonlySet<string> | undefined;
      const relatedName = (q: QueryTerm) => {
        const subject = answerSubjects.get(answer);
        if (!subject) return false;
        relatedTerms ??= new Set([...subject.related].slice(0, 64).flatMap((id) => namesAsTerms(id).flatMap((terms) => [...terms])));
        if (!q.token.terms.some((t) => relatedTerms!.has(t))) return false;
        const before = u.tokens[q.token.index - 1];
        return before === undefined || STOPWORDS.has(before.form) || chat.has(before.form) || before.terms.some((t) => relatedTerms!.has(t));
      };
      // A compound known only as parts whose every part one line of the answer says ("ledererfaring": "fem års erfaring
      // som leder") is said by that line in other words; parts spread over unrelated lines are not.
      let lineTerms: ReadonlyArray<ReadonlySet<string>> | undefined;
      const partsSaid = (q: QueryTerm) =>
        q.parts !== undefined &&
        (lineTerms ??= [answer.headline, ...answer.sections.flatMap((s) => [s.title, ...s.lines]), ...(answer.details ?? [])].map((line) => termsOf(line))).some((terms) =>
          q.parts!.every((part) => part.some((t) => terms.has(t))),
        );
      const explained = index
        .explainSurely(content, answerTerms)
        .map((v, i) => (content[i]!.token.terms.some((t) => answerTerms.has(t)) || counted.has(position.get(content[i]!.token) ?? -1) || headOfAnswer(content[i]!) || partsSaid(content[i]!) || relatedName(content[i]!) ? 1 : v));
      const loose = content.filter((_, i) => explained[i]! < ACCOUNTED);
      // A date answer whose kind of date the question names in words the lexicon does not know ("when is
      // the summer closing of X"): any date of X would mislead, so it is held to the ranked answer's floor.
      // So is "when is X in 2026": the period's dates answer it only when they are X's.
      const unnamedDate = !fallback && u.intents.has('dates') && u.dateKinds.size === 0 && (u.range === undefined || u.askedWhen) && u.day === undefined;
      // A ranked answer must explain every word the knowledge base does not know; a structured one
      // (its kind understood from cue words) only the words that name a thing: a name written with a
      // capital inside the sentence, or the word after a place or topic preposition ("in Nordby").
      // A compound the documents know only as parts ("løntrin": "løn" + "trin") names something they do not hold.
      const asked = askedThing(u, links);
      // (A date answer whose kind no cue names is held to the unknown words of what the question asks for only: "when
      // is the christmas lunch", not an adverb or verb beside it.)
      const slot = askedSlot(u, links);
      const inSlot = (q: QueryTerm) => slot.has(position.get(q.token) ?? -1);
      // (A compound of known parts whose head a structured answer says as a word of its own, "vuggestuebørnene" of "børn
      // under 3 år", is a kind of what the answer speaks of; one whose head it does not say, "skolelægen", or says only in
      // another compound, "skoledirektøren" of "dagtilbudsdirektøren", names a thing it does not hold.)
      const saysHead = (q: QueryTerm) => !fallback && q.parts !== undefined && q.parts[q.parts.length - 1]!.some((t) => answerTerms.has(t));
      const unknownWords = loose.filter((q) => !knownForm(q) && !saysHead(q) && (fallback || q.parts !== undefined || namesThing(u, q, position.get(q.token) ?? -1, unitKindWord) || (unnamedDate && inSlot(q))));
      if (unknownWords.length > 0) return refuse(kb, u, links, unknownWords, unknown);
      // A word the question places a thing by ("the network leader of Molen") that is on its own the name of an item the
      // documents hold, and that the answer does not say, asks about that item: an answer about the post in general, or
      // in other units, is about something else. (The linker may leave it unlinked when a longer name wins beside it.)
      const placedName = loose.filter((q) => {
        if (!namesThing(u, q, position.get(q.token) ?? -1, unitKindWord)) return false;
        const terms = nameAsTerms(q.token.form);
        return terms.size > 0 && (nameOwners.get(nameKey(terms)) ?? 0) > 0;
      });
      if (placedName.length > 0) return refuse(kb, u, links, placedName, unknown);
      // A word right after one that opens the names of several units ("børnekreds engen" beside Børnekreds Bakken and
      // Børnekreds Skoven), that no unit's name links and the answer does not say, names a unit the documents do not
      // hold: an answer about the units around it does not answer for it. (Not a word of the lexicon: "i alt", "samlet".)
      const unheldUnit = loose.filter((q) => {
        const p = position.get(q.token) ?? -1;
        return p > 0 && unitOpener(u.tokens[p - 1]!.form) && !lexicon.has(q.token.form) && !nearLexicon(q.token.form);
      });
      if (unheldUnit.length > 0) return refuse(kb, u, links, unheldUnit, unknown);
      // What a "who is / what is" question asks for ("sygefraværet i Team Midt", "the union rep in Område Syd") must be
      // what the answer speaks of: a word there that the answer does not explain, and that is no cue word of the lexicon
      // (nor a typo or compound of one), asks for something else than the thing it is placed by.
      // (A word for whoever leads, or a known kind of place before one, "distriktsleder", "the district leader", names the
      // leader of the place named: another municipality's title for the post.)
      const leaderAt = loaded.leaderWords.coverage(u.tokens);
      const leads = (p: number) => leaderAt.has(p) || leaderCompound(u.tokens[p]!.form) || (placeWord(u.tokens[p]!.form) && (leaderAt.has(p + 1) || leaderCompound(u.tokens[p + 1]?.form ?? '')));
      const askedLoose = loose.filter((q) => {
        const p = position.get(q.token) ?? -1;
        return asked.has(p) && !lexicon.has(q.token.form) && !nearLexicon(q.token.form) && !leads(p);
      });
      if (askedLoose.length > 0) return refuse(kb, u, links, askedLoose, unknown);
      // A ranked answer must explain every word that names a thing the documents know ("børnehusene"): a fact
      // about another thing ("the waiting list for childminding") is no answer about it.
      // A compound's head in the answer ("nøglebegreber" for "begreber") is the same thing; its first part alone
      // ("børn" for "børnehusene") is not.
      const byHead = fallback ? index.explain(content, answerTerms, HEAD_QUALITY) : [];
      // (A word that names an item the answer's subject holds for, "i Ræven" of the municipality's meal policy, is answered.)
      const reachedAt = (q: QueryTerm) => {
        const subject = answerSubjects.get(answer);
        const p = position.get(q.token) ?? -1;
        return subject !== undefined && links.some((l) => l.kind !== 'municipalities' && p >= l.start && p < l.end && reaches(subject.owner, l.id));
      };
      // (A word of a name counts where the question asks for it or names a thing by it, "for the houses": a verb or
      // preposition that some name happens to hold, "go through", "relate to", names nothing.)
      const naming = (q: QueryTerm) => inSlot(q) || namesThing(u, q, position.get(q.token) ?? -1, unitKindWord);
      const otherThings = fallback ? content.filter((q, i) => explained[i]! < ACCOUNTED && byHead[i] === 0 && index.isName(q) && naming(q) && !reachedAt(q)) : [];
      // So must it explain the things the question names, unless it is about one of them: "the waiting list for the
      // houses" is not answered by the waiting list for childminding.
      if (fallback) {
        const subject = answerSubjects.get(answer);
        // (Pushed, not copied per link: hundreds of links share a span at 100x.)
        const spans = new Map<number, Link[]>();
        for (const l of links) {
          if (l.kind === 'municipalities' || l.quality < 0.9) continue;
          const span = spans.get(spanKey(l));
          if (span) span.push(l);
          else spans.set(spanKey(l), [l]);
        }
        for (const span of spans.values()) {
          if (span.some((l) => l.id === subject?.owner || subject?.related.has(l.id) || (subject !== undefined && reaches(subject.owner, l.id)))) continue;
          // (An item named by a short alias, "UL", is spoken of by an answer that says one of its own names.)
          if (span.some((l) => namesAsTerms(l.id).some((terms) => !reducedNames.has(terms) && everyIn(terms, answerTerms)))) continue;
          const { start, end } = span[0]!;
          const words = index.queryTerms(u.tokens.slice(start, end));
          if (words.length === 0) continue;
          const sure = index.explainSurely(words, answerTerms).map((v, i) => (words[i]!.token.terms.some((t) => answerTerms.has(t)) ? 1 : v));
          if (sure.every((v) => v < ACCOUNTED)) otherThings.push(...words);
        }
      }
      // Nor may it leave out a word as telling as the most telling one it explains ("parent satisfaction" is not
      // answered by the parents' board): it would answer about a neighbouring thing.
      if (fallback && content.length > 1) {
        const heaviest = Math.max(...content.map((q) => q.weight));
        content.forEach((q, i) => {
          // (Only a word of what the question asks for, or one that names a thing: a verb or preposition beside them, "go
          // through", "relate to", asks for nothing else.)
          if (explained[i]! < ACCOUNTED && byHead[i] === 0 && q.weight >= heaviest * HEAVY_SHARE && naming(q) && !otherThings.includes(q)) otherThings.push(q);
        });
      }
      if (otherThings.length > 0) return refuseOther(kb, u, links, otherThings, answerSubjects.get(answer)?.owner, unknown);
      // A count answers a question about that count only: a word besides the names, cues and the thing counted
      // that the answer does not explain ("on the waiting list") asks for another number.
      // The word right after a "how many" is the thing counted, matched by the figure's own words ("ppl": employees).
      const metricPositions = new Set([...u.metricAt.values()].flat().concat(countedPositions(u.tokens, u.kinds.get('figure')?.positions ?? [], loaded)));
      // A word the named items' own facts use ("tilsyn" of the childminding supervisor) says how they count, not what.
      const named = new Set(links.map((l) => l.id));
      const own = () => new Set([...named].flatMap((id) => index.ownedBy(id)).flatMap((f) => [...f.textTerms]));
      let ownTerms: Set<string> | undefined;
      // (A count the general search found is held to it too: "how many kids are waiting for a kindergarten place" is
      // not answered by the waiting list for a nursery.)
      const uncounted =
        u.intents.has('figure')
          ? loose.filter(
              (q) =>
                !metricPositions.has(position.get(q.token) ?? -1) &&
                knownForm(q) &&
                // (Not a name the question places the count by, "i Børnesundhed": an answer that does not say it counts elsewhere.)
                (!q.token.terms.some((t) => (ownTerms ??= own()).has(t)) || (index.isName(q) && namesThing(u, q, position.get(q.token) ?? -1, unitKindWord))),
            )
          : [];
      if (uncounted.length > 0) return refuse(kb, u, links, uncounted, unknown);
      // Every linked name and cue counts as accounted; the rest by how much the answer explains it.
      const all = index.queryTerms(u.tokens, u.intentWords);
      const total = all.reduce((sum, q) => sum + q.weight, 0);
      const missing = content.reduce((sum, q, i) => sum + q.weight * (1 - Math.min(1, explained[i]!)), 0);
      const share = total > 0 ? (total - missing) / total : 1;
      if (fallback && share < FALLBACK_SHARE) return unknown(u.lang);
      // The words besides the names and cues say what about the item is asked ("opening hours of X"):
      // an answer that explains little of them answers about the item, not the question.
      const restTotal = content.reduce((sum, q) => sum + q.weight, 0);
      const restShare = restTotal > 0 ? 1 - missing / restTotal : 1;
      if (restShare < (fallback ? REST_SHARE_FALLBACK : unnamedDate ? REST_SHARE_DATE : 0) && (fallback || loose.some(inSlot))) return refuse(kb, u, links, fallback ? loose : loose.filter(inSlot), unknown);
      // A word right before a cue word that the answer does not explain changes what the cue asks
      // ("opening hours" are no working hours, a "summer closing" no deadline): the cue's answer would mislead.
      // (A kind of place before a word for whoever leads, "the district leader of Område Nord", names a title: the leader's.)
      // (Only a word of what the question asks for: a verb or adverb before a cue asks for nothing else.)
      // (Nor does a word before a cue that opens a clause, "who takes charge when X is away": it modifies no word.)
      const modifies = (p: number) => u.cuePositions.has(p) && !STOPWORDS.has(u.tokens[p]!.form) && !questionWords.has(u.tokens[p]!.form);
      const modifiers = loose.filter((q) => {
        const p = position.get(q.token) ?? -2;
        return modifies(p + 1) && inSlot(q) && !(placeWord(q.token.form) && (leaderAt.has(p + 1) || leaderCompound(u.tokens[p + 1]?.form ?? '')));
      });
      if (!fallback && modifiers.length > 0) return refuse(kb, u, links, modifiers, unknown);
      return answer;
    },
  };
}

/** The smallest number of things a question asks to have listed ("de tre", "the five"; "to"/"two" is also a preposition). */
const MIN_LISTED = 3;

/** What the floor says when a group asked for by its number is mentioned but not listed. */
const NOT_LISTED: Readonly<Record<Lang, (words: string) => string>> = {
  da: (words) => `Det ved jeg ikke: dokumenterne nævner ${words}, men oplister dem ikke.`,
  en: (words) => `I don't know: the documents mention ${words} but do not list them.`,
};

/**
 * True when a word counted is a compound whose head the answer counts but whose first part it never says ("vuggestuebørn"
 * against "80 børn"): the count is of a wider group.
 */
function narrowerThanCounted(form: string, answerText: string): boolean {
  const words = new Set(tokenize(answerText));
  if (words.has(form)) return false;
  let head = '';
  for (const w of words) if (w.length >= MIN_HEAD && form.length >= w.length + MIN_HEAD && form.endsWith(w) && w.length > head.length) head = w;
  if (!head) return false;
  // (A linking "s" or "e" belongs to the first part: "børnehus-", "dagplejes-".)
  const first = form.slice(0, -head.length).replace(/[se]$/, '');
  if (first.length < MIN_HEAD) return false;
  for (const w of words) if (w.includes(first)) return false;
  return true;
}

/** The kinds of item that meet: a date of one answers "when do they meet". */
const MEETING_KINDS: ReadonlySet<string> = new Set(['meetings', 'leadershipGroups']);

/** The shortest head of a compound that names a thing ("hus" of "børnehus"). */
const MIN_HEAD = 3;

/** The heads of an answer's compound terms: every ending of a term that leaves at least as many letters before it. */
function compoundHeads(terms: ReadonlySet<string>): Set<string> {
  const heads = new Set<string>();
  for (const term of terms) for (let k = MIN_HEAD; k <= term.length - MIN_HEAD; k++) heads.add(term.slice(term.length - k));
  return heads;
}

/**
 * The numbered rounds a text names, by the stem of the word numbered ("3. samtale", "2. kvartal", "3rd interview"; not a
 * day of a month, "15. december"), each with its numbers and the word as first written.
 */
function roundsIn(text: string, ordinals: ReadonlyMap<string, number>): Map<string, { numbers: number[]; spelled: string; inWords?: true }> {
  const out = new Map<string, { numbers: number[]; spelled: string; inWords?: true }>();
  const months = DAY_WORDS;
  const add = (n: number, written: string, inWords = false) => {
    const word = foldText(written);
    if (months.has(word) || months.has(word.slice(0, 3))) return;
    const key = primaryStem(word);
    const round = out.get(key) ?? { numbers: [], spelled: written.toLowerCase(), ...(inWords ? { inWords: true as const } : {}) };
    if (!round.numbers.includes(n)) round.numbers.push(n);
    out.set(key, round);
  };
  // (Not the minutes of a time of day that ends a sentence: "kl. 19:00–21:00. Chair: ..." names no round 0.)
  for (const m of text.matchAll(/(?<![\d.,/:-])(\d{1,2})(?:\.|st|nd|rd|th)\s+(\p{L}{3,})/gu)) add(Number(m[1]), m[2]!);
  // In words: "tredje kvartal", "the third quarter" (a word that is no ordinal is passed over at once).
  for (const m of text.matchAll(/(?<![\p{L}\d])(\p{L}{4,7})\s+(\p{L}{3,})/gu)) {
    const n = ordinals.get(foldText(m[1]!));
    if (n !== undefined) add(n, m[2]!, true);
  }
  return out;
}

/** The years a text names ("2027", "2026-2029" as each year of the span). */
function yearsIn(text: string): Set<number> {
  const years = new Set<number>();
  for (const m of text.matchAll(/\b((?:19|20)\d\d)(?:\s*[-–]\s*((?:19|20)\d\d))?\b/g)) {
    const from = Number(m[1]);
    const to = m[2] ? Number(m[2]) : from;
    for (let y = from; y <= Math.min(to, from + 20); y++) years.add(y);
  }
  return years;
}

/** A text without its days ("15. december 2027", "15 December 2027", "December 15, 2027"): the years left name things. */
function withoutDays(text: string): string {
  const months = [...MONTH_NAMES.da, ...MONTH_NAMES.en].join('|');
  return text
    .replace(new RegExp(`\\b\\d{1,2}\\.?\\s+(?:${months})\\.?\\s+(?:19|20)\\d\\d\\b`, 'giu'), ' ')
    .replace(new RegExp(`\\b(?:${months})\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+(?:19|20)\\d\\d\\b`, 'giu'), ' ')
    .replace(/\b(?:19|20)\d\d-\d\d-\d\d\b/g, ' ');
}

/** What the floor says when the post asked about is named only by its title and held by no one the documents name. */
const NO_NAME: Readonly<Record<Lang, (role: string) => string>> = {
  da: (role) => `Det ved jeg ikke: dokumenterne nævner ikke, hvem der er ${role}; der står ikke noget navn.`,
  en: (role) => `I don't know: the documents do not name the ${role}.`,
};

/** What the floor says when a count asked of one unit is given only for it and others together. */
const ALONE: Readonly<Record<Lang, (item: string, all: string) => string>> = {
  da: (item, all) => `Det ved jeg ikke for ${item} alene: dokumenterne giver kun tallet for ${all} tilsammen.`,
  en: (item, all) => `I don't know that for ${item} alone: the documents give the figure only for ${all} together.`,
};

/** True when a text writes a number ("598", "1.084", "1,084", "5,8"), not as part of a longer one. */
function valueIn(text: string, value: number): boolean {
  const [whole, fraction] = String(value).split('.');
  const digits = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, '[.,]?') + (fraction === undefined ? '' : `[.,]${fraction}`);
  return new RegExp(`(?<![\\d.,])${digits}(?![\\d]|[.,]\\d)`).test(text);
}

/** What the floor says when a time of day is asked and the documents give only the day. */
const CLOCK: Readonly<Record<Lang, string>> = {
  da: 'Det ved jeg ikke: dokumenterne giver intet klokkeslæt for det.',
  en: "I don't know: the documents give no time of day for it.",
};

/** What the floor says when the answer is about another year than the one asked about. */
const YEAR: Readonly<Record<Lang, (asked: string, given: string) => string>> = {
  da: (asked, given) => (given ? `Det ved jeg ikke for ${asked}: dokumenterne siger det kun for ${given}.` : `Det ved jeg ikke for ${asked}: dokumenterne siger det ikke.`),
  en: (asked, given) => (given ? `I don't know that for ${asked}: the documents say it for ${given} only.` : `I don't know that for ${asked}: the documents do not say.`),
};

const WEEKDAYS = ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
/** Month and weekday names, folded: a number before one is a day, not a round. */
const DAY_WORDS: ReadonlySet<string> = new Set([...MONTH_NAMES.da, ...MONTH_NAMES.en, ...WEEKDAYS].map(foldText));
/**
 * A time in an answer: digits that write a time (a year, a day "1.", "1/3", a time of day), a month or weekday, a word for
 * how often, or a condition ("when the leader is away"). A count ("34 children", "20 minutes of play") says no when.
 */
const TIMED = new RegExp(
  `\\b(?:19|20)\\d\\d\\b|\\b\\d{1,2}[.:]\\d{2}\\b|\\b\\d{1,2}\\.(?:\\s|$)|\\b\\d{1,2}/\\d{1,2}\\b|\\bkl\\b|\\b(?:${[...MONTH_NAMES.da, ...MONTH_NAMES.en, ...WEEKDAYS]
    .map(foldText)
    .join('|')}|hver|every|each|gang|gange|times?|ugentlig\\w*|weekly|maanedlig\\w*|monthly|kvartal\\w*|quarterly|aarlig\\w*|annual\\w*|yearly|behov|needed|daglig\\w*|daily|dag|dage|dagen|days?|senest|latest|within|uge\\w*|weeks?|maaned\\w*|months?|aar|aaret|years?|sommer\\w*|summer|jul\\w*|christmas|ferie\\w*|holidays?|vinter\\w*|winter|foraar\\w*|spring|efteraar\\w*|autumn|fall|naar|hvis|mens|when|whenever|if|while|during)\\b`,
);

/** The engine's own words for what the documents do not give (relation-answers/texts.ts, answer-time.ts). */
const SAYS_UNKNOWN =
  /ved jeg ikke|vides ikke|kender (?:jeg )?ikke|kender ingen|har ingen|har ikke (?:oplysning|information|noget)|står ikke|fremgår ikke|nævner ikke|beskriver ikke|oplyser ikke|men (?:ikke|giver ingen|ingen)|giver (?:ingen|intet)|ingen (?:telefon|e-?mail|mail|oplysning)|ikke (?:nævnt|oplyst|angivet|beskrevet)|kan ikke (?:svare|finde)|don'?t know|do not know|know of no|have no\b|(?:is|are) not (?:in|stated|mentioned|given|listed)|not (?:stated|mentioned|given|listed|described)|do(?:es)?(?:n'?t| not) (?:say|mention|give|state|describe)|gives? no\b|no (?:information|phone|mention|record)|could(?:n'?t| not) find|can(?:not|'?t) (?:answer|find)/i;

/** A link's span as one number (a question has far fewer than 65,536 tokens). */
function spanKey(link: Link): number {
  return link.start * 65_536 + link.end;
}

/** True when every position a link spans is in a set (no array of its positions: hundreds of links at 100x). */
function spansOnly(link: Link, positions: ReadonlySet<number>): boolean {
  for (let p = link.start; p < link.end; p++) if (!positions.has(p)) return false;
  return true;
}

/** The positions a link spans. */
function range(link: Link): number[] {
  return Array.from({ length: link.end - link.start }, (_, i) => link.start + i);
}

/** Words after which a question names a place or a thing ("i Nordby", "in Nordby", "om sommerlukning"). */
export const NAMING_PREPOSITIONS: ReadonlySet<string> = new Set(['i', 'in', 'paa', 'at', 'ved', 'near', 'fra', 'from', 'om', 'about', 'af', 'of', 'for']);

/** Words after which a question names what the word before is of ("the head of the fire brigade", "lederen af X"). */
const OF_PREPOSITIONS = new Set(['of', 'af']);

/** How many function words ("the", "den") may stand between a naming preposition and a name. */
const WORDS_BEFORE_NAME = 2;

/**
 * True when an unknown word probably names a thing: capitalised inside the sentence, after a naming preposition (past an
 * article or two: "in the Skovlunde district"), or right after a word for a kind of unit ("i distrikt Skovlunde").
 */
function namesThing(u: Understanding, q: QueryTerm, i: number, unitKindWord: (form: string) => boolean): boolean {
  // (Right after a word for a kind of unit, "the house Kornblomsten", "børnehuset Solsikken", it is that unit's name.)
  if (i > 0 && unitKindWord(u.tokens[i - 1]!.form)) return true;
  for (let k = i - 1; k >= 0 && k >= i - 1 - WORDS_BEFORE_NAME; k--) {
    const previous = u.tokens[k]!.form;
    if (NAMING_PREPOSITIONS.has(previous)) return true;
    if (!STOPWORDS.has(previous)) break;
  }
  const raw = u.text.match(/[\p{L}\d-]+/gu) ?? [];
  return raw.some((w, k) => k > 0 && /^\p{Lu}/u.test(w) && foldText(w) === q.token.form);
}

/** What the floor says when a ranked answer is about another thing than the one asked about. */
const OTHER: Readonly<Record<Lang, (words: string, other: string) => string>> = {
  da: (words, other) => `Det ved jeg ikke for ${words}: det nærmeste, dokumenterne siger, handler om ${other}.`,
  en: (words, other) => `I don't know that for ${words}: the nearest the documents say is about ${other}.`,
};

/**
 * "I don't know" for the thing asked about, naming the thing the ranked answer was about instead ("the waiting list
 * for the children's houses": the documents give one for childminding only), without its facts.
 */
function refuseOther(kb: KnowledgeBase, u: Understanding, links: readonly Link[], words: readonly QueryTerm[], subject: string | undefined, unknown: (lang: Lang, headline?: string) => Answer): Answer {
  const entry = subject === undefined ? undefined : kb.get(subject);
  if (!entry || entry.kind === 'municipalities' || links.some((l) => l.id === subject)) return refuse(kb, u, links, words, unknown);
  return unknown(u.lang, OTHER[u.lang](quotedWords(u, words), displayName(entry, u.lang)));
}

/** The words as the user wrote them, neighbours quoted together ("summer closing"), joined with "and". */
function quotedWords(u: Understanding, words: readonly QueryTerm[]): string {
  const asked = u.text.match(/[\p{L}\d-]+/gu) ?? [];
  const spelled = (q: QueryTerm) => asked.find((w) => foldText(w) === q.token.form) ?? q.token.form;
  const phrases: string[][] = [];
  let last = -2;
  for (const q of [...words].sort((a, b) => a.token.index - b.token.index)) {
    if (q.token.index === last + 1 && phrases.length > 0) phrases[phrases.length - 1]!.push(spelled(q));
    else phrases.push([spelled(q)]);
    last = q.token.index;
  }
  return phrases.map((p) => `"${p.join(' ')}"`).join(u.lang === 'da' ? ' og ' : ' and ');
}

/** "I don't know", or the partly-known form when the question names an item the knowledge base knows. */
function refuse(kb: KnowledgeBase, u: Understanding, links: readonly Link[], words: readonly QueryTerm[], unknown: (lang: Lang, headline?: string) => Answer): Answer {
  const item = [...links]
    .filter((l) => l.kind !== 'municipalities')
    .sort((a, b) => b.end - b.start - (a.end - a.start) || b.quality - a.quality)[0];
  const entry = item && kb.get(item.id);
  // The user's own spelling of the words; neighbouring words are one phrase ("summer closing"), quoted together.
  const refusal = entry ? unknown(u.lang, SAYS[u.lang](displayName(entry, u.lang), quotedWords(u, words))) : unknown(u.lang);
  refusals.set(refusal, words);
  return refusal;
}

/** The words of the question each refusal of the floor says no answer accounted for. */
const refusals = new WeakMap<Answer, readonly QueryTerm[]>();

/**
 * The words of the question the floor refused an answer for, when the answer is such a refusal ("the documents name X but
 * do not mention <words>"): another reading answers the question only if it says them. Undefined for any other answer.
 */
export function refusedWords(answer: Answer): readonly QueryTerm[] | undefined {
  return refusals.get(answer);
}

/** True when every term of a set is in another (no array per test). */
function everyIn(terms: ReadonlySet<string>, all: ReadonlySet<string>): boolean {
  for (const term of terms) if (!all.has(term)) return false;
  return true;
}
