/**
 * Entity linking: finds the items a question names (roles, units, groups, meetings, postings,
 * policies, programmes, concepts, municipalities, people by their own names) in its tokens, through
 * Danish inflection (stems), compounds (a name as the first part of a longer word), ASCII spellings
 * (folding) and small typos. Names come only from the knowledge base (`name`, `names`, `labelEn`,
 * `namesEn`), so a municipality's own words are taught there, never in code.
 */
import type { KbItem, KnowledgeBase } from '../knowledge/knowledge-base.js';
import { compoundSplits, MIN_PART } from './compound.js';
import { boundedEditDistance, foldText, GENERIC_WORDS, stemsOf, STOPWORDS, tokenize, type Token } from './normalize.js';

/** An item named in a question, and where. */
export interface Link {
  readonly id: string;
  readonly kind: KbItem['kind'];
  /** First and one-past-last token position. */
  readonly start: number;
  readonly end: number;
  /** 0..1: 1 for an exact (stemmed) match of every word. */
  readonly quality: number;
}

/**
 * One per named item, shared by its variants: where `link` keeps the item's best match of the current call (`stamp`
 * says which call), so choosing the best match per item needs no map of links.
 */
interface ItemSlot {
  readonly id: string;
  readonly kind: KbItem['kind'];
  stamp: number;
  start: number;
  end: number;
  quality: number;
}

interface Variant {
  readonly id: string;
  readonly kind: KbItem['kind'];
  /** The item's slot (see {@link ItemSlot}). */
  readonly slot: ItemSlot;
  readonly words: ReadonlyArray<{ readonly form: string; readonly stems: readonly string[] }>;
  /** Below 1 for a shortened name (a role's head noun alone): a weaker link than the full name. */
  readonly weight?: number;
  /**
   * A gloss of a proper name ("children's house" in "Børnehuset Kløverengen (children's house)"): a word for the kind of
   * place, which names this one only when said as written ("the children's house"), never inflected ("children's houses").
   */
  readonly exact?: boolean;
  /** The last lookup of {@link Linker.link} that collected this variant (a stamp instead of a Set per lookup). */
  seen: number;
}

/** The items a position may name, with their distinct names (items sharing a name share its word list). */
interface Candidates {
  readonly variants: readonly Variant[];
  /** Each distinct word list once, in first-found order. */
  readonly names: ReadonlyArray<Variant['words']>;
  /** For each variant, the position of its word list in `names`. */
  readonly nameOf: Int32Array;
  /** For each name of `names`, the positions of the variants that bear it, in order. */
  readonly bearers: ReadonlyArray<readonly number[]>;
}

const NO_CANDIDATES: Candidates = { variants: [], names: [], nameOf: new Int32Array(0), bearers: [] };

/** Groups candidates by their word lists. */
function withNames(variants: readonly Variant[]): Candidates {
  const names: Array<Variant['words']> = [];
  const bearers: number[][] = [];
  const at = new Map<Variant['words'], number>();
  const nameOf = new Int32Array(variants.length);
  variants.forEach((v, k) => {
    let i = at.get(v.words);
    if (i === undefined) {
      at.set(v.words, (i = names.length));
      names.push(v.words);
      bearers.push([]);
    }
    bearers[i]!.push(k);
    nameOf[k] = i;
  });
  return { variants, names, nameOf, bearers };
}

/** A word that stands for the name's own word ("management" for "leadership"): below the name's own word. */
const EQUIVALENT_QUALITY = 0.9;

/** A role's head noun alone ("coordinator" for "pedagogical coordinator") links a little less surely than its full name. */
const HEAD_NOUN_WEIGHT = 0.9;

/** The kinds of item that can be named. */
const LINKABLE: ReadonlyArray<KbItem['kind']> = [
  'municipalities',
  'units',
  'roles',
  'leadershipGroups',
  'people',
  'postings',
  'meetings',
  'decisions',
  'policies',
  'programmes',
  'concepts',
];

/** True when the token `k` places on is the `k` tokens from `start` written together (a hyphenated word's joined form). */
/** The endings of a Danish noun in the definite form ("rådet", "forvaltningen", "holdene", "udvalgene"). */
const DEFINITE_ENDING = /(?:et|en|ne)$/;

function joinedAt(tokens: readonly Token[], start: number, k: number): boolean {
  const whole = tokens[start + k]?.form;
  if (whole === undefined) return false;
  let at = 0;
  for (let i = start; i < start + k; i++) {
    const form = tokens[i]!.form;
    if (!whole.startsWith(form, at)) return false;
    at += form.length;
  }
  return at === whole.length;
}

/** True when the lists share a word (loops, not closures: called per name and position, thousands of times at 100x). */
function sharesAny(a: readonly string[], b: readonly string[]): boolean {
  for (const x of a) for (const y of b) if (x === y) return true;
  return false;
}

/** True when one of the words is the name's word or one of its stems. */
function standsFor(words: readonly string[], word: { readonly form: string; readonly stems: readonly string[] }): boolean {
  for (const e of words) if (e === word.form || word.stems.includes(e)) return true;
  return false;
}

/** Sorts the first `length` numbers of a list in place, ascending. */
function sortPrefix(list: Int32Array, length: number): void {
  list.subarray(0, length).sort();
}

/** A number for a span of token positions (a map key without a string per link). */
function spanKey(start: number, end: number): number {
  return start * 65_536 + end;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** The shortest one-word name linked through a typo, or as the first part of a compound. */
const MIN_FUZZY = 5;
const MIN_COMPOUND = 6;
/** A compound read through the names' own words ("kvarterstrukturen" for "ledelsesstruktur" + "kvarterer"): below an exact name. */
const COMPOUND_QUALITY = 0.8;
/** Words after a Danish name's head ("direktøren for dagtilbud", "leder af staben"). */
const NAME_PREPOSITIONS: ReadonlySet<string> = new Set(['for', 'af', 'i', 'paa', 'ved']);
/** A compound whose head is a word for a post ("-stillingen", "-jobbet", "-opslaget") names a posting of the role before it. */
const POSTING_HEAD = /(stilling|stillingen|stillinger|stillingerne|jobbet|job|opslag|opslaget|stillingsopslaget|jobopslaget)$/;
/** A compound written as two words ("mad politik"): a little below the name written as one. */
const SPLIT_COMPOUND_WEIGHT = 0.95;
/** The shortest question word analysed as a compound of name words. */
const MIN_COMPOUND_WORD = 8;

export interface Linker {
  /** Every item named in the tokens, longest names first; names inside a longer name are dropped. */
  link(tokens: readonly Token[]): Link[];
  /**
   * The links widened over the words next to them that are words of the same item's other names ("the childrens
   * house leaders"), never over a `blocked` position (a cue word).
   */
  widen(tokens: readonly Token[], links: readonly Link[], blocked: ReadonlySet<number>): Link[];
  /** True when the token is a word of one of the item's names ("pay" of "New Pay (Ny Løn)"). */
  isOwnWord(id: string, token: Token): boolean;
}

/** The name forms of an item: its names, and the parts of labels like "cluster leader (klyngeleder)". */
function nameForms(entry: KbItem): string[] {
  const item = entry.item as unknown as Record<string, unknown>;
  if (entry.kind === 'people') {
    const parts = (item.name as string).split(/\s+/);
    const forms = [item.name as string];
    if (parts.length > 2) forms.push(`${parts[0]} ${parts[parts.length - 1]}`);
    return forms;
  }
  const forms: string[] = [];
  for (const key of ['name', 'labelEn']) if (typeof item[key] === 'string') forms.push(item[key] as string);
  for (const key of ['names', 'namesEn']) if (Array.isArray(item[key])) forms.push(...(item[key] as string[]));
  const split: string[] = [];
  for (const form of forms) {
    split.push(form);
    // "pedagogical leader (pædagogisk leder)": the label and the name in brackets are names too.
    const bracket = form.match(/^([^(]+)\(([^)]+)\)\s*(.*)$/);
    if (bracket) {
      split.push(bracket[1]!.trim(), ...bracket[2]!.split(/[,;]/).map((s) => s.trim()));
    }
    // "children's house" is often typed without its apostrophe ("childrens house").
    if (/\p{L}['’]s\b/u.test(form)) split.push(form.replace(/(\p{L})['’]s\b/gu, '$1s'));
    // "Children and Youth Policy 2025-2028": asked without its years ("the children and youth policy").
    const undated = form.replace(/\s*\(?\b(?:19|20)\d\d(?:\s*[-–]\s*(?:(?:19|20)\d\d)?)?\)?\s*$/, '').trim();
    if (undated !== form && (undated.split(/\s+/).length >= 2 || undated.length >= 8)) split.push(undated);
  }
  return split.map((f) => f.replace(/^(the|den|det|de)\s+/i, '')).filter((f) => f.length > 1);
}

/**
 * The glosses among an item's names (folded): the lower-case words in brackets after a proper name ("Børnehuset
 * Kløverengen (children's house)", "Vuggestuen Ålekisten (nursery)") that say what kind of place it is, unless the item
 * also bears them as a name of their own.
 */
function glossesOf(entry: KbItem): Set<string> {
  const item = entry.item as unknown as Record<string, unknown>;
  const direct: string[] = [];
  for (const key of ['name', 'labelEn']) if (typeof item[key] === 'string') direct.push(item[key] as string);
  for (const key of ['names', 'namesEn']) if (Array.isArray(item[key])) direct.push(...(item[key] as string[]));
  const own = new Set(direct.map((d) => foldText(d)));
  const out = new Set<string>();
  for (const form of direct) {
    const bracket = form.match(/^\s*(\p{Lu}[^(]*)\(([^)]+)\)\s*$/u);
    if (!bracket || !/^\p{Ll}/u.test(bracket[2]!.trim())) continue;
    for (const part of bracket[2]!.split(/[,;]/).map((p) => foldText(p.trim()).replace(/^(the|den|det|de)\s+/, ''))) {
      if (part && !own.has(part)) {
        out.add(part);
        out.add(part.replace(/(\p{L})'s\b/gu, '$1s'));
      }
    }
  }
  return out;
}

/** The Danish names of an item as written (`name`, `names`). */
function danishNames(entry: KbItem): Set<string> {
  const item = entry.item as unknown as { name?: unknown; names?: unknown };
  const out = new Set<string>();
  if (typeof item.name === 'string') out.add(item.name);
  if (Array.isArray(item.names)) for (const n of item.names) if (typeof n === 'string') out.add(n);
  return out;
}

/** The most items whose names may hold a proper-name part (the item and the roles, postings and meetings of it). */
const MAX_PART_HOLDERS = 32;

/** An item's name said by its proper-name part alone ("Kløverengen" for "Børnehuset Kløverengen"): below the full name. */
const PROPER_PART_WEIGHT = 0.9;

/**
 * The proper-name word of a name of two words, written with a capital letter after the first ("Børnehuset Kløverengen",
 * "Område Vest", "Dagtilbudsteam Midt"): the word that makes it this one, where the first word often says only what kind
 * of place it is. Abbreviations in capitals ("BL Nørreled") are names of their own, not parts.
 */
function properWordsOf(form: string): string[] {
  const out: string[] = [];
  const words = form.trim().split(/\s+/);
  // A kind word + a proper name ("Område Vest"); in a longer name a capital word is as often a common noun ("Udvalget for
  // Børn, Familier og Fritid").
  if (words.length !== 2) return out;
  words.forEach((word, i) => {
    if (i === 0 || !/^\p{Lu}\p{Ll}/u.test(word)) return;
    const folded = tokenize(word);
    if (folded.length === 1 && folded[0]!.length >= 4 && !STOPWORDS.has(folded[0]!) && !GENERIC_WORDS.has(folded[0]!)) out.push(folded[0]!);
  });
  return out;
}

/**
 * "hvem leder Kløverengen", "the new team head in Midt": a proper-name word of a name of several words names that item
 * alone when every other name that holds the word holds one of that item's names whole ("børnehusleder i Børnehuset
 * Kløverengen" is a name of a role *of* Børnehuset Kløverengen) and no name is that word alone. Read once per
 * knowledge base from its own names, over the few proper-name words there are.
 */
function addProperParts(
  variants: readonly Variant[],
  parts: ReadonlyArray<{ variant: Variant; words: string[] }>,
  wordsOf: (forms: readonly string[]) => Variant['words'],
  register: (variant: Variant) => void,
): void {
  if (parts.length === 0) return;
  // By stem: "Sandagers" in a genitive name is the word "Sandager" of another item's name.
  const wanted = new Set(parts.flatMap((p) => p.words.flatMap((w) => stemsOf(w))));
  // The items whose names hold each proper-name word's stems, and every name of those items.
  const holders = new Map<string, Set<string>>();
  const alone = new Set<string>();
  for (const v of variants) {
    if (v.words.length === 1) alone.add(v.words[0]!.form);
    for (const w of v.words) {
      for (const stem of w.stems) {
        if (!wanted.has(stem)) continue;
        const ids = holders.get(stem);
        if (!ids) holders.set(stem, new Set([v.id]));
        else ids.add(v.id);
      }
    }
  }
  const holderIds = new Set([...holders.values()].flatMap((ids) => [...ids]));
  const variantsOf = new Map<string, Variant[]>();
  for (const v of variants) {
    if (!holderIds.has(v.id)) continue;
    const list = variantsOf.get(v.id);
    if (!list) variantsOf.set(v.id, [v]);
    else list.push(v);
  }
  const namesOf = new Map<string, Array<readonly string[]>>();
  for (const { variant } of parts) {
    const list = namesOf.get(variant.id) ?? [];
    list.push(variant.words.map((w) => w.form));
    namesOf.set(variant.id, list);
  }
  const holds = (words: Variant['words'], name: readonly string[]) => {
    for (let i = 0; i + name.length <= words.length; i++) if (name.every((f, k) => words[i + k]!.form === f)) return true;
    return false;
  };
  const added = new Set<string>();
  for (const { variant, words } of parts) {
    for (const word of words) {
      const key = `${variant.id} ${word}`;
      if (added.has(key) || alone.has(word)) continue;
      const own = namesOf.get(variant.id)!;
      // (A word many items' names hold is no proper name of one: not weighed item by item.)
      if (stemsOf(word).some((stem) => holders.get(stem)!.size > MAX_PART_HOLDERS)) continue;
      const ofIt = (id: string) => id === variant.id || variantsOf.get(id)!.some((h) => own.some((name) => holds(h.words, name)));
      if (!stemsOf(word).every((stem) => [...holders.get(stem)!].every(ofIt))) continue;
      added.add(key);
      register({ id: variant.id, kind: variant.kind, slot: variant.slot, words: wordsOf([word]), weight: PROPER_PART_WEIGHT, seen: 0 });
    }
  }
}

/** A Danish name said as the compound it paraphrases ("stabsleder" for "leder af staben"): below the name as written. */
const REVERSED_COMPOUND_WEIGHT = 0.85;

/**
 * "stabslederjobbet", "madpolitikken", "tilsynschefen": a Danish name "X for/af Y …" ("leder af staben", "Politikken for
 * mad og bordkultur", "chefen for Tilsyn og Analyse") is as often said as the compound Y(s)X, the head last. Each such
 * name of the knowledge base's own gives that compound as a weaker name of its item, with and without the linking "s".
 */
function addReversedCompounds(variants: readonly Variant[], wordsOf: (forms: readonly string[]) => Variant['words'], register: (variant: Variant) => void): void {
  const seen = new Set<string>();
  // A compound that is another item's own name ("konsulentteam") names that item, not this one ("team af konsulenter").
  const ownNames = new Set<string>();
  for (const v of variants) if (v.words.length === 1) for (const t of [v.words[0]!.form, ...v.words[0]!.stems]) ownNames.add(t);
  for (const v of [...variants]) {
    if (v.kind === 'people' || v.exact || v.words.length < 3 || !REVERSIBLE.has(v.words[1]!.form)) continue;
    const head = v.words[0]!.form;
    const modifier = v.words[2]!;
    // One word after the preposition ("af staben", "for mad og …"); of a longer phrase ("af Pædagogisk Ressourcecenter")
    // the first word may be an adjective, no first part of a compound.
    const next = v.words[3]?.form;
    if (next !== undefined && next !== 'og') continue;
    if (head.length < MIN_PART || modifier.form.length < 3 || STOPWORDS.has(modifier.form) || GENERIC_WORDS.has(head) || /\d/.test(modifier.form + head)) continue;
    for (const first of new Set([modifier.form, modifier.stems[0]!])) {
      if (first.length < 3) continue;
      for (const joined of new Set([first + head, first.endsWith('s') ? first + head : `${first}s${head}`])) {
        const key = `${v.id} ${joined}`;
        if (seen.has(key) || [joined, ...stemsOf(joined)].some((t) => ownNames.has(t))) continue;
        seen.add(key);
        register({ id: v.id, kind: v.kind, slot: v.slot, words: wordsOf([joined]), weight: (v.weight ?? 1) * REVERSED_COMPOUND_WEIGHT, seen: 0 });
      }
    }
  }
}

/** The prepositions of a Danish name that a compound turns around ("leder af staben" -> "stabsleder"). */
const REVERSIBLE: ReadonlySet<string> = new Set(['for', 'af']);

/** The kinds whose English labels are often shortened in questions to the words before "of the …". */
const HEAD_KINDS: ReadonlyArray<KbItem['kind']> = ['leadershipGroups', 'meetings', 'units'];

/**
 * The head of an English label: "strategic leadership of the Family and Day-Care Centre" -> "strategic leadership",
 * "leadership team meetings in Baltorp District" -> "leadership team meetings". Two words at least.
 */
function headForms(entry: KbItem): string[] {
  if (!HEAD_KINDS.includes(entry.kind)) return [];
  const item = entry.item as unknown as { labelEn?: string; namesEn?: string[] };
  const out: string[] = [];
  for (const label of [item.labelEn, ...(item.namesEn ?? [])]) {
    if (!label) continue;
    const head = label.replace(/\s*\([^)]*\)/g, '').split(/\s+(?:of|in|for|at)\s+/i)[0]!.replace(/^(the)\s+/i, '').trim();
    if (head !== label && head.split(/\s+/).length >= 2) out.push(head);
  }
  return out;
}

/** Builds the linker over every named item of the knowledge base. */
export function createLinker(
  kb: KnowledgeBase,
  synonyms: ReadonlyMap<string, string> = new Map(),
  knows: (form: string) => boolean = () => false,
  /** Everyday words for a post ("leader", "chef"): never a role's name alone. */
  roleWords: ReadonlySet<string> = new Set(),
  /** Words that stand for each other inside a name ("team" and "group"): the lexicon's `nameEquivalents`. */
  equivalents: ReadonlyMap<string, readonly string[]> = new Map(),
  /** The lexicon's own words ("børn", "team", "dagtilbud"): common nouns, never a proper-name part of a name. */
  commonWords: ReadonlySet<string> = new Set(),
): Linker {
  const variants: Variant[] = [];
  const slots = new Map<string, ItemSlot>();
  const slotOf = (id: string, kind: KbItem['kind']): ItemSlot => {
    let slot = slots.get(id);
    if (!slot) slots.set(id, (slot = { id, kind, stamp: 0, start: 0, end: 0, quality: 0 }));
    return slot;
  };
  const byFirst = new Map<string, Variant[]>();
  const firstWords = new Map<string, Set<string>>();
  const surnames = new Map<string, string[]>();
  const shortFirstNames = new Set<string>();
  // Items often share a name ("pædagogisk leder" in every unit): one word list per distinct name, so that
  // linking matches each name once per position, however many items bear it.
  const wordLists = new Map<string, Variant['words']>();
  const wordsOf = (forms: readonly string[]): Variant['words'] => {
    const key = forms.join(' ');
    let words = wordLists.get(key);
    if (!words) wordLists.set(key, (words = forms.map((form) => ({ form, stems: stemsOf(form) }))));
    return words;
  };
  // Abbreviations spelt as function words ("VIL", "MED"), by their folded form.
  const abbreviated = new Map<string, Variant[]>();
  // The proper-name words of names of several words ("Kløverengen" of "Børnehuset Kløverengen"), read below.
  const properParts: Array<{ variant: Variant; words: string[] }> = [];
  for (const kind of LINKABLE) {
    for (const item of kb.data[kind] as ReadonlyArray<{ id: string }>) {
      const entry = { kind, item } as KbItem;
      const seen = new Set<string>();
      // A hyphenated name ("the early-years leadership team") is also asked with spaces ("early years leadership team").
      // Asked hyphenated ("MED-aftalen"), it is read whole: a name beginning with a function word ("med") links from
      // its joined form ("medaftalen"), which the question's tokens hold too.
      const full = nameForms(entry).flatMap((form) => (form.includes('-') ? [form, form.replace(/-/g, ' '), form.replace(/(\p{L})-(\p{L})/gu, '$1$2')] : [form]));
      // "the strategic leadership in Familie- og Dagtilbudscentret": an English label's head before "of the …", a weaker name.
      const heads = headForms(entry).filter((h) => !full.some((f) => foldText(f) === foldText(h)));
      const forms = [...full, ...heads];
      const glosses = glossesOf(entry);
      const danish = danishNames(entry);
      for (const form of forms) {
        const weight = heads.includes(form) && !full.includes(form) ? HEAD_NOUN_WEIGHT : undefined;
        const exact = glosses.has(foldText(form).replace(/^(the|den|det|de)\s+/, ''));
        const words = tokenize(form).filter((w, i, all) => !(all.length > 1 && w.includes('-')));
        // One generic or function word alone ("dagtilbud" aside) names nothing in particular, unless it is an
        // abbreviation in capitals ("VIL"): that names the item when the question writes it as one.
        const content = words.filter((w) => !STOPWORDS.has(w) && !GENERIC_WORDS.has(w));
        if (content.length === 0) {
          if (words.length === 1 && STOPWORDS.has(words[0]!) && /^\p{Lu}{2,6}$/u.test(form.trim())) {
            const list = abbreviated.get(words[0]!) ?? [];
            if (!list.some((v) => v.id === item.id)) list.push({ id: item.id, kind, slot: slotOf(item.id, kind), words: wordsOf(words), seen: 0 });
            abbreviated.set(words[0]!, list);
          }
          continue;
        }
        const key = words.join(' ');
        if (seen.has(key)) continue;
        seen.add(key);
        const variant: Variant = { id: item.id, kind, slot: slotOf(item.id, kind), words: wordsOf(words), seen: 0, ...(weight !== undefined && { weight }), ...(exact && { exact }) };
        variants.push(variant);
        // (Danish names only: an English label capitalises every word, "Language Strategy".)
        if (kind !== 'people' && weight === undefined && !exact && words.length > 1 && danish.has(form)) {
          const proper = properWordsOf(form).filter((w) => !equivalents.has(w) && !commonWords.has(w) && !stemsOf(w).some((t) => t.length >= 4 && (commonWords.has(t) || roleWords.has(t))));
          if (proper.length > 0) properParts.push({ variant, words: proper });
        }
        for (const key of new Set([words[0]!, ...stemsOf(words[0]!)])) {
          const list = byFirst.get(key) ?? [];
          list.push(variant);
          byFirst.set(key, list);
        }
        const bucket = `${words[0]![0]}${Math.min(words[0]!.length, 20)}`;
        if (!firstWords.has(bucket)) firstWords.set(bucket, new Set());
        firstWords.get(bucket)!.add(words[0]!);
      }
      if (kind === 'people') {
        // A surname alone names the person when no one else has it.
        const parts = tokenize((item as unknown as { name: string }).name);
        const last = parts[parts.length - 1];
        if (last && last.length >= 4) surnames.set(last, [...(surnames.get(last) ?? []), item.id]);
        // So does a first name ("who does Birgitte report to?"), under the same condition.
        const first = parts.length > 1 ? parts[0] : undefined;
        if (first && first.length >= 4 && !STOPWORDS.has(first) && !GENERIC_WORDS.has(first)) surnames.set(first, [...(surnames.get(first) ?? []), item.id]);
        // A short first name ("Per", "Pia", "Bo") too, unless it is a word of the language ("per", "jan"): of three
        // letters as written and in the genitive ("hvem er Pias chef"), of two only in the genitive ("Bos mail").
        else if (first && first.length >= 2 && !STOPWORDS.has(first) && !GENERIC_WORDS.has(first) && !commonWords.has(first) && !roleWords.has(first)) {
          shortFirstNames.add(first);
          surnames.set(first, [...(surnames.get(first) ?? []), item.id]);
        }
      }
    }
  }
  // "the coordinator in Ålekisten": the last word of a role's name of several words ("pedagogical coordinator")
  // names the role alone when no other item's name has that word anywhere and it is not a generic word.
  // A posting or a person stands for its role here: "Pedagogical coordinator for Ålekisten" is that role's posting.
  const roleOf = (v: Variant): string => {
    const item = kb.get(v.id)?.item as { role?: string } | undefined;
    return (v.kind === 'postings' || v.kind === 'people') && item?.role ? item.role : v.id;
  };
  const itemsByWord = new Map<string, Set<string>>();
  for (const v of variants) {
    for (const w of v.words) {
      const ids = itemsByWord.get(w.form) ?? new Set<string>();
      ids.add(roleOf(v));
      itemsByWord.set(w.form, ids);
    }
  }
  for (const v of [...variants]) {
    if (v.kind !== 'roles' || v.words.length < 2) continue;
    // The head of a Danish name is its first word when a preposition follows ("direktøren for dagtilbud"),
    // else its last ("pædagogisk koordinator").
    const head = v.words.length >= 3 && NAME_PREPOSITIONS.has(v.words[1]!.form) ? v.words[0]! : v.words[v.words.length - 1]!;
    if (head.form.length < 6 || STOPWORDS.has(head.form) || GENERIC_WORDS.has(head.form) || roleWords.has(head.form) || head.stems.some((t) => roleWords.has(t)) || itemsByWord.get(head.form)!.size !== 1) continue;
    const variant: Variant = { id: v.id, kind: v.kind, slot: v.slot, words: wordsOf([head.form]), weight: HEAD_NOUN_WEIGHT, seen: 0 };
    if (variants.some((o) => o.id === v.id && o.words.length === 1 && o.words[0]!.form === head.form)) continue;
    variants.push(variant);
    for (const key of new Set([head.form, ...head.stems])) {
      const list = byFirst.get(key) ?? [];
      list.push(variant);
      byFirst.set(key, list);
    }
    const bucket = `${head.form[0]}${Math.min(head.form.length, 20)}`;
    if (!firstWords.has(bucket)) firstWords.set(bucket, new Set());
    firstWords.get(bucket)!.add(head.form);
  }
  const register = (variant: Variant) => {
    variants.push(variant);
    for (const key of new Set([variant.words[0]!.form, ...variant.words[0]!.stems])) {
      const list = byFirst.get(key) ?? [];
      list.push(variant);
      byFirst.set(key, list);
    }
    const form = variant.words[0]!.form;
    const bucket = `${form[0]}${Math.min(form.length, 20)}`;
    if (!firstWords.has(bucket)) firstWords.set(bucket, new Set());
    firstWords.get(bucket)!.add(form);
  };
  addReversedCompounds(variants, wordsOf, register);
  addProperParts(variants, properParts, wordsOf, register);
  // A name part that is also a word of another item's name ("Åen" in "Kvarter Åen") names that item instead.
  const otherNameWords = new Set(variants.filter((v) => v.kind !== 'people').flatMap((v) => v.words.map((w) => w.form)));
  for (const [surname, ids] of surnames) {
    if (unique(ids).length !== 1 || otherNameWords.has(surname)) continue;
    const variant: Variant = { id: ids[0]!, kind: 'people', slot: slotOf(ids[0]!, 'people'), words: wordsOf([surname]), seen: 0 };
    if (!shortFirstNames.has(surname) || surname.length >= 3) byFirst.set(surname, [...(byFirst.get(surname) ?? []), variant]);
    // And in the Danish genitive ("hvem er Mettes chef"), unless that form is a word of another name.
    const genitive = `${surname}s`;
    if (surname.endsWith('s') || otherNameWords.has(genitive) || surnames.has(genitive)) continue;
    byFirst.set(genitive, [...(byFirst.get(genitive) ?? []), { id: ids[0]!, kind: 'people', slot: slotOf(ids[0]!, 'people'), words: wordsOf([genitive]), seen: 0 }]);
  }

  // A function word starts only a name of several words that begins with that very word ("works council"), and only
  // one its item cannot be named by without that word: no stem, compound or typo of it. Decided once per word.
  const stopCandidates = new Map<string, Candidates>();
  const idsByFirst = new Map<string, Set<string>>();
  const idsFirstWith = (form: string): Set<string> => {
    let ids = idsByFirst.get(form);
    if (!ids) idsByFirst.set(form, (ids = new Set((byFirst.get(form) ?? []).map((o) => o.id))));
    return ids;
  };
  for (const [key, list] of byFirst) {
    if (!STOPWORDS.has(key)) continue;
    const fit = list.filter((v) => v.words.length > 1 && v.words[0]!.form === key && !STOPWORDS.has(v.words[1]!.form) && !idsFirstWith(v.words[1]!.form).has(v.id));
    stopCandidates.set(key, withNames(fit));
  }
  const abbreviationCandidates = new Map<string, Candidates>();
  for (const [form, list] of abbreviated) abbreviationCandidates.set(form, withNames([...list, ...(stopCandidates.get(form)?.variants ?? [])]));

  const nameWords = new Set<string>();
  for (const v of variants) for (const w of v.words) {
    nameWords.add(w.form);
    for (const stem of w.stems) nameWords.add(stem);
  }
  const isNameWord = (token: Token) => {
    if (nameWords.has(token.form)) return true;
    for (const t of token.terms) if (nameWords.has(t)) return true;
    return false;
  };

  // The equivalents of a word and of its stems ("teams" -> "group"), with their stems, read once per word form.
  const equivalentCache = new Map<string, string[]>();
  const equivalentOf = (token: Token): string[] => {
    if (equivalents.size === 0) return [];
    let found = equivalentCache.get(token.form);
    if (!found) {
      const words = [token.form, ...token.terms].flatMap((w) => equivalents.get(w) ?? []);
      found = [...new Set(words.flatMap((w) => [w, ...stemsOf(w)]))];
      if (equivalentCache.size < 10_000) equivalentCache.set(token.form, found);
    }
    return found;
  };

  /** How well a question token matches a name word: 1 exact/stem, less through a compound or a typo. */
  const wordMatch = (token: Token, word: Variant['words'][number], last: boolean, inside = false, several = false): number => {
    if (token.form === word.form) return 1;
    if (sharesAny(token.terms, word.stems)) {
      // An inflection adds an ending ("klyngeleder" -> "klyngelederne"); the stemmer also conflates
      // words that differ before it ("klyngeleder" and "klyngeledelse" -> "klyngeled"): a weaker match.
      return token.form.startsWith(word.form) || word.form.startsWith(token.form) ? 1 : 0.85;
    }
    // The name's word in its definite form, asked in its bare one: the name's stem is the question's word as written
    // ("Vicelederkredsen" asked "vicelederkreds", which the stemmer cuts to "vicelederkred").
    if (token.form.length >= MIN_PART && word.stems.includes(token.form)) return 1;
    // An everyday word for the name's word ("economic" for "financial").
    const synonym = synonyms.get(token.form);
    if (synonym !== undefined && (synonym === word.form || sharesAny(stemsOf(synonym), word.stems))) return 0.9;
    // A word that stands for the name's word there ("the area management team" for "the area leadership team"),
    // inside a name of several words: alone, "leaders" is no name "head".
    if (several && equivalents.size > 0 && standsFor(equivalentOf(token), word)) return EQUIVALENT_QUALITY;
    // "stabslederstillingen": a name as the first part of a compound (the last word of the name only).
    // Only when the rest is a word itself: "klyngeledrne" is a misspelt "klyngelederne", not "klynge" + "ledrne".
    if (last && word.form.length >= MIN_COMPOUND && token.form.startsWith(word.form) && token.form.length - word.form.length >= 3) {
      // With or without a linking "s" ("stabsleder-stillingen", "leder-s-mødet").
      const rest = token.form.slice(word.form.length);
      const isWord = (part: string) => knows(part) || GENERIC_WORDS.has(part) || nameWords.has(part);
      if (isWord(rest) || (/^s[a-z]{3}/.test(rest) && isWord(rest.slice(1)))) return 0.8;
    }
    // Inside a name whose first word matched, a typo may touch the first letter ("pædagogisk okordinator")
    // and a short word may have one wrong or swapped letter ("Område Vset").
    if (inside && word.form.length >= 4 && !isNameWord(token) && token.form.length === word.form.length && boundedEditDistance(token.form, word.form, 1) <= 1) return 0.75;
    if (inside && word.form.length >= MIN_COMPOUND && !isNameWord(token) && boundedEditDistance(token.form, word.form, 2) <= (word.form.length >= 9 ? 2 : 1)) return 0.75;
    // A word that is itself a name word ("klyngeleder") is no typo of another ("klyngeledelse").
    if (word.form.length >= MIN_FUZZY && token.form[0] === word.form[0] && !isNameWord(token)) {
      const max = word.form.length >= 9 ? 2 : 1;
      if (boundedEditDistance(token.form, word.form, max) <= max) return 0.75;
      // A misspelt inflected form ("klyngeldernes"): compare the stems.
      const stem = word.stems[0]!;
      if (stem.length >= MIN_FUZZY) for (const t of token.terms) if (boundedEditDistance(t, stem, 1) <= 1) return 0.75;
    }
    return 0;
  };

  // Many items share a first word (a role in every unit): each variant is collected once per lookup by a stamp,
  // in first-found order, instead of through a Set of thousands of objects.
  let lookup = 0;
  const collectCandidates = (token: Token): Variant[] => {
    const stamp = ++lookup;
    const collected: Variant[] = [];
    const found = {
      add(v: Variant) {
        if (v.seen === stamp) return;
        v.seen = stamp;
        collected.push(v);
      },
    };
    const synonym = synonyms.get(token.form);
    const keys = synonym ? [token.form, ...token.terms, synonym, ...stemsOf(synonym)] : [token.form, ...token.terms];
    keys.push(...equivalentOf(token));
    // (Indexed loops over the lists, thousands of items at 100x: this runs once per new word, mostly before it is
    // optimised, and a `for…of` allocates an iterator result per item until then.)
    const addAll = (list: readonly Variant[] | undefined) => {
      if (list) for (let i = 0; i < list.length; i++) found.add(list[i]!);
    };
    for (const key of keys) addAll(byFirst.get(key));
    // A compound whose first part is a name ("stabslederstillingen").
    for (let len = MIN_COMPOUND; len < token.form.length - 2; len++) addAll(byFirst.get(token.form.slice(0, len)));
    // A typo in the first word: first words of similar length within a small edit distance. A name
    // word, or a word the documents use, is no typo.
    if (token.form.length >= MIN_FUZZY && !isNameWord(token) && !knows(token.form)) {
      const max = token.form.length >= 9 ? 2 : 1;
      for (let len = token.form.length - max; len <= Math.min(token.form.length + max, 20); len++) {
        for (const word of firstWords.get(`${token.form[0]}${len}`) ?? []) {
          if (word === token.form || boundedEditDistance(token.form, word, max) > max) continue;
          addAll(byFirst.get(word));
        }
      }
    }
    return collected;
  };

  // A token's candidates depend on its form only (its terms are its form's stems) and on the names, which do not
  // change: worked out once per form (bounded), with the distinct names among them, so a position matches each name
  // once by its number instead of looking it up per item (a role name in every unit of 100 municipalities).
  const candidateCache = new Map<string, Candidates>();
  let cachedVariants = 0;
  const candidatesAt = (token: Token): Candidates => {
    let found = candidateCache.get(token.form);
    if (!found) {
      found = withNames(collectCandidates(token));
      if (candidateCache.size < 20_000 && cachedVariants < 2_000_000) {
        candidateCache.set(token.form, found);
        cachedVariants += found.variants.length;
      }
    }
    return found;
  };

  // Compounds of the names' own words. The words of the names of things (not people), with the variants holding them.
  const thingWords = new Map<string, Variant[]>();
  for (const v of variants) {
    if (v.kind === 'people') continue;
    for (const w of v.words) {
      if (w.form.length < MIN_PART || STOPWORDS.has(w.form) || GENERIC_WORDS.has(w.form)) continue;
      const list = thingWords.get(w.form) ?? [];
      if (!list.includes(v)) list.push(v);
      thingWords.set(w.form, list);
    }
  }
  // The name words by each ending (of the word and of its stems) and each beginning of four letters or more, so a
  // compound is read by lookups, not by a pass over every name word (the 100x knowledge base has many).
  const byEnding = new Map<string, string[]>();
  const byBeginning = new Map<string, string[]>();
  const addTo = (map: Map<string, string[]>, key: string, form: string) => {
    const list = map.get(key);
    if (!list) map.set(key, [form]);
    else if (list[list.length - 1] !== form) list.push(form);
  };
  for (const form of thingWords.keys()) {
    for (const whole of new Set([form, ...stemsOf(form)])) for (let k = MIN_PART; k <= whole.length; k++) addTo(byEnding, whole.slice(whole.length - k), form);
    for (let k = MIN_PART; k <= form.length; k++) addTo(byBeginning, form.slice(0, k), form);
    for (const stem of stemsOf(form)) addTo(byBeginning, stem, form);
  }
  const compoundCache = new Map<string, Array<{ variant: Variant; quality: number }>>();
  /**
   * Of several items a word names, the one the others' names are names *of* ("møde i Landsbyrådet" is a meeting of
   * Landsbyrådet): its variants, when there is exactly one such item; else all of them.
   */
  const ofOne = (found: ReadonlySet<Variant>): ReadonlySet<Variant> => {
    const ids = new Set([...found].map((v) => v.id));
    if (ids.size < 2) return found;
    const holds = (words: Variant['words'], name: Variant['words']) => {
      for (let i = 0; i + name.length <= words.length; i++) if (name.every((w, k) => words[i + k]!.form === w.form)) return true;
      return false;
    };
    // (Each item's own variants looked up by id: a word borne by hundreds of items at scale is no quadratic pass.)
    const byId = new Map<string, Variant[]>();
    for (const v of found) {
      const list = byId.get(v.id);
      if (list) list.push(v);
      else byId.set(v.id, [v]);
    }
    const owners = [...ids].filter((id) => {
      const own = byId.get(id)!;
      for (const v of found) if (v.id !== id && !own.some((o) => holds(v.words, o.words))) return false;
      return true;
    });
    return owners.length === 1 ? new Set([...found].filter((v) => v.id === owners[0])) : found;
  };
  /**
   * The items a question word names as a Danish compound of their names' words, head last: "kvarterstrukturen"
   * names the decision whose names hold a word ending in the head ("ledelsesstruktur") and a word beginning with
   * the first part ("kvarterer"); "direktøren" alone names the one role whose name ends in it ("dagtilbudsdirektør").
   * Only a word that is no name word and no word of the documents; a compound whose parts meet in no one item's
   * names ("skolelægen") names nothing here, and the floor does not take its parts for it.
   */
  const compoundOf = (token: Token): Array<{ variant: Variant; quality: number }> => {
    const cached = compoundCache.get(token.form);
    if (cached) return cached;
    let found: Array<{ variant: Variant; quality: number }> = [];
    const endingIn = (heads: readonly string[]) => heads.filter((h) => h.length >= MIN_PART).flatMap((h) => byEnding.get(h) ?? []);
    if (token.form.length >= MIN_COMPOUND_WORD && !isNameWord(token) && !knows(token.form)) {
      for (const split of compoundSplits(token.form)) {
        if (STOPWORDS.has(split.modifier) || GENERIC_WORDS.has(split.modifier)) continue;
        // A variant holds the head when one of its words is a thing word ending in it: decided by those words, not by a
        // set of every variant that holds one (a role's name in every unit at 100x).
        const headForms = new Set(endingIn(split.headStems));
        if (headForms.size === 0) continue;
        const hasHead = (v: Variant) => {
          for (let i = 0; i < v.words.length; i++) if (headForms.has(v.words[i]!.form)) return true;
          return false;
        };
        const both = new Set<Variant>();
        for (const key of new Set([split.modifier, ...stemsOf(split.modifier)])) {
          for (const form of byBeginning.get(key) ?? []) {
            const list = thingWords.get(form)!;
            for (let i = 0; i < list.length; i++) if (hasHead(list[i]!)) both.add(list[i]!);
          }
        }
        if (both.size > 0) {
          found = [...both].map((variant) => ({ variant, quality: COMPOUND_QUALITY }));
          break;
        }
      }
    }
    // The head alone: one role's compound name ends in it, and it is no everyday word for a post ("leder").
    if (found.length === 0 && token.form.length >= MIN_COMPOUND && !isNameWord(token) && !roleWords.has(token.form) && !token.terms.some((t) => roleWords.has(t))) {
      const heads = token.terms.filter((t) => t.length >= MIN_COMPOUND);
      const shortest = heads.reduce((m, h) => Math.min(m, h.length), Infinity);
      const roles = new Set<Variant>();
      // "rådet", "holdet", "udvalget": so does any other thing's name that ends in it ("Landsbyrådet", "Børne- og
      // Familieforvaltningen"), when it is the one such item and the word is none of the lexicon's ("politikken" is
      // any policy, "mødet" any meeting).
      const others = new Set<Variant>();
      // (Only a word in the definite form, which points at a thing both sides know: "rådet", "holdet", "udvalget",
      // "forvaltningen"; "pladser" is any places, not the one decision "om legepladser".)
      const common = !DEFINITE_ENDING.test(token.form) || commonWords.has(token.form) || token.terms.some((t) => t.length > MIN_PART && commonWords.has(t));
      for (const form of endingIn(heads)) {
        if (form.length < shortest + MIN_PART) continue;
        for (const v of thingWords.get(form)!) {
          if (v.kind === 'roles' && v.words.length === 1) roles.add(v);
          else if (!common && v.kind !== 'roles' && !v.exact && v.words[v.words.length - 1]!.form === form) others.add(v);
        }
      }
      const only = roles.size > 0 ? roles : ofOne(others);
      if (new Set([...only].map((v) => v.id)).size === 1) found = [...only].map((variant) => ({ variant, quality: COMPOUND_QUALITY * HEAD_NOUN_WEIGHT }));
    }
    if (compoundCache.size < 10_000) compoundCache.set(token.form, found);
    return found;
  };

  // The words of each item's names (forms and stems), for a name said with more of its words than one form holds.
  const ownWords = new Map<string, Set<string>>();
  for (const v of variants) {
    let set = ownWords.get(v.id);
    if (!set) ownWords.set(v.id, (set = new Set()));
    for (const w of v.words) {
      if (STOPWORDS.has(w.form) || GENERIC_WORDS.has(w.form)) continue;
      set.add(w.form);
      for (const stem of w.stems) set.add(stem);
    }
  }
  const isOwnWord = (id: string, token: Token): boolean => {
    const words = ownWords.get(id);
    return words !== undefined && (words.has(token.form) || token.terms.some((t) => words.has(t)));
  };
  /**
   * "the childrens house leaders": a word right before or after a name that is a word of the same item's other names
   * ("head of children's houses") belongs to the name; the links of one span widen together, never over another
   * link's words or a function word.
   */
  const widenOverOwnWords = (tokens: readonly Token[], kept: readonly Link[], blocked: ReadonlySet<number>): Link[] => {
    const spans = new Map<number, Link[]>();
    for (const link of kept) {
      const key = spanKey(link.start, link.end);
      const group = spans.get(key);
      if (group) group.push(link);
      else spans.set(key, [link]);
    }
    // A position is taken when a link of another span covers it (a span's links are all of `own`): decided over the
    // few distinct spans, not every link against every link of the group (thousands share a role's name at 100x).
    const spanList = [...spans.values()].map((group) => ({ start: group[0]!.start, end: group[0]!.end, group }));
    const taken = (p: number, own: readonly Link[]) => spanList.some((span) => span.group !== own && p >= span.start && p < span.end);
    const fits = (p: number, group: readonly Link[]) => {
      const token = tokens[p];
      // (Not a possessive "s" or another single letter: "Lone Vestbjerg's boss" is no longer name of "the boss".)
      if (!token || token.form.length < 2 || blocked.has(p) || STOPWORDS.has(token.form) || GENERIC_WORDS.has(token.form) || taken(p, group)) return false;
      return group.some((l) => isOwnWord(l.id, token));
    };
    // "the head of a childrens house": up to two function words between the name and a word of its own.
    const across = (from: number, step: 1 | -1, group: readonly Link[]): number | undefined => {
      for (let k = 0, p = from; k <= 2; k++, p += step) {
        const token = tokens[p];
        if (!token || blocked.has(p) || taken(p, group)) return undefined;
        if (fits(p, group)) return p;
        if (!STOPWORDS.has(token.form)) return undefined;
      }
      return undefined;
    };
    const out: Link[] = [];
    for (const group of spans.values()) {
      let { start, end } = group[0]!;
      for (let p = across(start - 1, -1, group); p !== undefined; p = across(start - 1, -1, group)) start = p;
      for (let p = across(end, 1, group); p !== undefined; p = across(end, 1, group)) end = p + 1;
      for (const l of group) out.push(l.start === start && l.end === end ? l : { ...l, start, end });
    }
    return out;
  };

  const postingsOf = new Map<string, string[]>();
  for (const posting of kb.data.postings) if (posting.role) postingsOf.set(posting.role, [...(postingsOf.get(posting.role) ?? []), posting.id]);

  /**
   * "den nye mad politik", "bevægelses politikken": a Danish compound written as two words names what the one word
   * names ("madpolitik", "bevægelsespolitikken"), when the joined word is a name's word as it stands or inflected (no
   * typo of one), and no name already covers both words. A little below the name written as one word.
   */
  // The matches of one `link` call, before the best per item is chosen: a name many items share matches hundreds of
  // items at once at 100x, most of them later dropped for a longer name of the same item or around it. Kept as numbers
  // in reused arrays (the item's slot, span and quality), not as a link object each; a link is made only for what stays.
  let rawCount = 0;
  const rawSlots: ItemSlot[] = [];
  let rawStarts = new Int32Array(256);
  let rawEnds = new Int32Array(256);
  let rawQualities = new Float64Array(256);
  const emit = (slot: ItemSlot, start: number, end: number, quality: number) => {
    if (rawCount === rawStarts.length) {
      const starts = new Int32Array(rawCount * 2);
      const ends = new Int32Array(rawCount * 2);
      const qualities = new Float64Array(rawCount * 2);
      starts.set(rawStarts);
      ends.set(rawEnds);
      qualities.set(rawQualities);
      [rawStarts, rawEnds, rawQualities] = [starts, ends, qualities];
    }
    rawSlots[rawCount] = slot;
    rawStarts[rawCount] = start;
    rawEnds[rawCount] = end;
    rawQualities[rawCount] = quality;
    rawCount++;
  };

  /**
   * "den nye mad politik", "bevægelses politikken": a Danish compound written as two words names what the one word
   * names ("madpolitik", "bevægelsespolitikken"), when the joined word is a name's word as it stands or inflected (no
   * typo of one), and no name already covers both words (`reach`: the furthest end of a name starting at or before each
   * position). A little below the name written as one word.
   */
  const splitCompoundLinks = (tokens: readonly Token[], reach: Int32Array): void => {
    for (let start = 0; start + 1 < tokens.length; start++) {
      const [a, b] = [tokens[start]!, tokens[start + 1]!];
      if (a.form.length < 3 || b.form.length < 3 || STOPWORDS.has(a.form) || STOPWORDS.has(b.form) || /\d/.test(a.form + b.form)) continue;
      if (reach[start]! >= start + 2) continue;
      const form = a.form + b.form;
      const joined: Token = { form, terms: stemsOf(form), index: a.index };
      const { variants, names, nameOf, bearers } = candidatesAt(joined);
      names.forEach((words, k) => {
        const first = wordMatch(joined, words[0]!, words.length === 1, false, words.length > 1);
        if (first < 0.85) return;
        let total = first;
        for (let i = 1; i < words.length; i++) {
          const t = tokens[start + 1 + i];
          const q = t ? wordMatch(t, words[i]!, i === words.length - 1, true, true) : 0;
          if (q === 0) return;
          total += q;
        }
        for (const at of bearers[k]!) {
          const variant = variants[at]!;
          if (variant.exact || nameOf[at] !== k) continue;
          emit(variant.slot, start, start + 1 + words.length, (total / words.length) * (variant.weight ?? 1) * SPLIT_COMPOUND_WEIGHT);
        }
      });
    }
  };

  // Scratch space of `link`, one entry per distinct name at a position (thousands at 100x): reused, not allocated per
  // position. Only the entries of the names that match are written, and only those are read.
  let totalsScratch = new Float64Array(64);
  let matchedScratch = new Int32Array(64);
  const bestOrder: ItemSlot[] = [];
  let linkLookup = 0;

  return {
    widen: widenOverOwnWords,
    isOwnWord,
    link(tokens) {
      rawCount = 0;
      tokens.forEach((token, start) => {
        // A function word starts only the names chosen for it above (`stopCandidates`), and not as the first part of a
        // hyphenated word: "MED-aftalen" is read as a whole, as before.
        const hyphenPart = joinedAt(tokens, start, 2) || joinedAt(tokens, start, 3) || joinedAt(tokens, start, 4);
        const stop = STOPWORDS.has(token.form);
        if (stop && hyphenPart) return;
        const { variants: candidates, names, nameOf, bearers } = stop
          ? ((token.abbreviation && abbreviationCandidates.get(token.form)) || (stopCandidates.get(token.form) ?? NO_CANDIDATES))
          : candidatesAt(token);
        const before = rawCount;
        // The match of each distinct name at this position, shared by the items that bear it; only the bearers of the
        // names that match are visited, in the candidates' order.
        if (totalsScratch.length < names.length) totalsScratch = new Float64Array(Math.max(names.length, 2 * totalsScratch.length));
        // (Each candidate bears one name: at most every candidate matches.)
        if (matchedScratch.length < candidates.length) matchedScratch = new Int32Array(Math.max(candidates.length, 2 * matchedScratch.length));
        const totals = totalsScratch;
        const matched = matchedScratch;
        let matchedCount = 0;
        let matchedNames = 0;
        names.forEach((words, k) => {
          let total = 0;
          let i = 0;
          for (; i < words.length; i++) {
            const t = tokens[start + i];
            const q = t ? wordMatch(t, words[i]!, i === words.length - 1, i > 0, words.length > 1) : 0;
            if (q === 0) break;
            total += q;
          }
          if (i < words.length) return;
          totals[k] = total;
          matchedNames++;
          for (const at of bearers[k]!) matched[matchedCount++] = at;
        });
        // (The list is reused, never truncated: only its first `matchedCount` entries are this position's.)
        if (matchedNames > 1) sortPrefix(matched, matchedCount);
        for (let m = 0; m < matchedCount; m++) {
          const k = matched[m]!;
          const variant = candidates[k]!;
          const total = totals[nameOf[k]!]!;
          if (variant.exact && variant.words.some((w, i) => tokens[start + i]?.form !== w.form)) continue;
          emit(variant.slot, start, start + variant.words.length, (total / variant.words.length) * (variant.weight ?? 1));
        }
        // No name starts here: a compound of the names' words, below any exact name.
        if (!stop && rawCount === before) for (const { variant, quality } of compoundOf(token)) emit(variant.slot, start, start + 1, quality);
        // "stabslederstillingen": a role's name + a word for a post names that role's postings too (the head carries the kind).
        if (POSTING_HEAD.test(token.form)) {
          for (let r = before, end = rawCount; r < end; r++) {
            const slot = rawSlots[r]!;
            const quality = rawQualities[r]!;
            if (slot.kind !== 'roles' || rawEnds[r] !== start + 1 || quality >= 1) continue;
            for (const posting of postingsOf.get(slot.id) ?? []) emit(slotOf(posting, 'postings'), start, start + 1, quality);
          }
        }
      });
      const reach = new Int32Array(tokens.length);
      for (let r = 0; r < rawCount; r++) reach[rawStarts[r]!] = Math.max(reach[rawStarts[r]!]!, rawEnds[r]!);
      for (let p = 1; p < reach.length; p++) reach[p] = Math.max(reach[p]!, reach[p - 1]!);
      splitCompoundLinks(tokens, reach);
      // The best match per item (the first found of the longest, then best, spans), in the order the items were first
      // found; then drop links inside a longer or better one of another item.
      const stamp = ++linkLookup;
      // (`bestOrder` is reused, never truncated: its first `items` entries are this call's items.)
      const all = bestOrder;
      let items = 0;
      for (let r = 0; r < rawCount; r++) {
        const slot = rawSlots[r]!;
        const start = rawStarts[r]!;
        const end = rawEnds[r]!;
        const quality = rawQualities[r]!;
        if (slot.stamp !== stamp) {
          slot.stamp = stamp;
          all[items++] = slot;
        } else if (!(end - start > slot.end - slot.start || (end - start === slot.end - slot.start && quality > slot.quality))) continue;
        slot.start = start;
        slot.end = end;
        slot.quality = quality;
      }
      // A link is dropped when another covers its span and is longer and at least as good, or as long (so the same
      // span) and better. Compared span by span with each span's best quality: many items may share a span.
      // A glossary term (a concept) does not put out a concrete item of the same words named less surely ("strategic
      // leadership", a concept, and "the strategic leadership of the centre", a group): both readings stay.
      const spans = new Map<number, { start: number; end: number; quality: number; items: number }>();
      for (let i = 0; i < items; i++) {
        const link = all[i]!;
        const key = spanKey(link.start, link.end);
        const span = spans.get(key);
        const named = link.kind === 'concepts' ? 0 : link.quality;
        if (!span) spans.set(key, { start: link.start, end: link.end, quality: link.quality, items: named });
        else {
          if (link.quality > span.quality) span.quality = link.quality;
          if (named > span.items) span.items = named;
        }
      }
      const spanList = [...spans.values()];
      const kept: Link[] = [];
      for (let i = 0; i < items; i++) {
        const link = all[i]!;
        const dropped = spanList.some(
          (span) =>
            span.start <= link.start &&
            span.end >= link.end &&
            ((span.end - span.start > link.end - link.start && span.quality >= link.quality) ||
              (span.end - span.start === link.end - link.start && (link.kind === 'concepts' ? span.quality : span.items) > link.quality)),
        );
        if (!dropped) kept.push({ id: link.id, kind: link.kind, start: link.start, end: link.end, quality: link.quality });
      }
      return kept.sort((a, b) => b.end - b.start - (a.end - a.start) || b.quality - a.quality || a.start - b.start);
    },
  };
}
