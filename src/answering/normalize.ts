/**
 * Text normalisation shared by the index and the questions: case, Danish letters and their ASCII
 * spellings, Teams mention markup, punctuation, and Danish + English stemming.
 */
import StemmerDa from '@nlpjs/lang-da/src/stemmer-da.js';
import StemmerEn from '@nlpjs/lang-en-min/src/stemmer-en.js';

/*
 * The Danish and English Snowball stemmers of nlp.js, imported file by file (not the packages' index, which loads
 * sentiment lexicons too). They give the stems snowball-stemmers gave (tests/answering/stemmer-parity.test.ts
 * compares them over every knowledge base and question bank), about 7x faster, without loading an 870 KB
 * module of every Snowball language at start. Called through setCurrent/innerStem/getCurrent, not `stemWord`,
 * whose own per-word cache grows without bound: ours (below) is bounded.
 */
const danishStemmer = new StemmerDa();
const englishStemmer = new StemmerEn();

function snowballStem(stemmer: StemmerDa | StemmerEn, word: string): string {
  stemmer.setCurrent(word);
  stemmer.innerStem();
  return stemmer.getCurrent();
}

/** Removes Teams markup: `<at>Bot</at>` mentions and any other tags, and HTML entities. */
export function stripMarkup(text: string): string {
  // Most texts (every knowledge base text, most questions) have neither tags nor entities.
  if (!text.includes('<') && !text.includes('&')) return text;
  return text
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/gi, ' ')
    .replace(/&amp;/gi, '&')
    .replace(/&lt;/gi, '<')
    .replace(/&gt;/gi, '>')
    .replace(/&quot;/gi, '"')
    .replace(/&#39;/gi, "'");
}

/**
 * Lower-cases and folds Danish letters to their ASCII spellings, so "Høje-Taastrup" and
 * "hoeje-taastrup" meet: æ -> ae, ø -> oe, å -> aa, accents dropped.
 */
export function foldText(text: string): string {
  // Text folded before (most callers fold, then tokenize, which folds again): ASCII without capitals is its own fold.
  if (!NOT_FOLDED.test(text)) return text;
  // Words and short phrases recur (every question's words are folded several times): remembered, bounded.
  const short = text.length <= FOLD_CACHE_LENGTH;
  if (short) {
    const cached = foldCache.get(text);
    if (cached !== undefined) return cached;
  }
  const lower = text.toLowerCase().replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa');
  // NFKD and dropping combining marks change nothing in ASCII text: skip them there (the costly steps).
  const folded = NON_ASCII.test(lower) ? lower.normalize('NFKD').replace(/[\u0300-\u036f]/g, '') : lower;
  if (short && foldCache.size < FOLD_CACHE_LIMIT) foldCache.set(text, folded);
  return folded;
}

/** Texts up to this long are remembered by {@link foldText}, at most this many. */
const FOLD_CACHE_LENGTH = 40;
const FOLD_CACHE_LIMIT = 50_000;
const foldCache = new Map<string, string>();

const NON_ASCII = /[^\u0000-\u007f]/;
/** A capital or a letter outside ASCII: what folding may change. */
const NOT_FOLDED = /[A-Z]|[^\u0000-\u007f]/;

/** Splits folded text into word tokens (letters and digits); hyphenated words give their parts. */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const word of foldText(text).match(/[a-z0-9]+(?:-[a-z0-9]+)*/g) ?? []) {
    if (!word.includes('-')) {
      tokens.push(word);
      continue;
    }
    const parts = word.split('-');
    tokens.push(...parts);
    // "MED-aftalen" is also "medaftalen": the joined form finds the compound.
    if (parts.length > 1) tokens.push(parts.join(''));
  }
  return tokens;
}

/** The index terms of one folded token: its Danish and its English stem (usually one or two). */
export function stemsOf(token: string): string[] {
  const cached = stemCache.get(token);
  if (cached) return cached;
  let stems: string[];
  if (/^\d+$/.test(token)) stems = [token];
  else {
    const da = snowballStem(danishStemmer, token);
    const en = snowballStem(englishStemmer, token);
    stems = da === en ? [da] : [da, en];
  }
  // Stemming is the costly step and the vocabulary is small: remember every word once.
  if (stemCache.size < STEM_CACHE_LIMIT) stemCache.set(token, stems);
  return stems;
}

const STEM_CACHE_LIMIT = 200_000;
const stemCache = new Map<string, string[]>();

/** The primary term of a token: its Danish stem (used for display-independent identity). */
export function primaryStem(token: string): string {
  return stemsOf(token)[0]!;
}

/** Words that carry no meaning for matching, in both languages (folded spelling). */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `
  af alle alt at bare blev bliver da de dem den denne der deres det dette dig din dine disse du efter eller en end er et
  for fra frem godt har hans hende hendes her hos hvad hvem hvilke hvilken hvilket hvis hvor hvordan hvorfor hvornaar i ikke ind
  jeg kan kun man mange med meget men mig min mine mit mod naar ned noget nogen nu og ogsaa om op os over paa sig sin
  sine sit skal skulle som saa til ud under var vi vil ville vores af aa hvormange gaar gaa faar faa hedder findes
  ligger siger sige stor store egentlig lige gerne kunne maa bor boer blive vaere vaeret have haft mens while whilst hun han selv she his
  a about all also an and any are as at be been being but by can could did do does doing for from had has have how i
  if in into is it its me my of on or our shall should so than that the their them there these they this those to
  was we were what when where which who whom whose why will with would you your yours please tell know get got
  much many there here does mean means meaning say says said exactly currently anyone someone something stand stands
  betyder betyde staar forkortelse abbreviation short
  bygger bygge build builds built baseret based handler omhandler omfatter include includes including indeholder contain
  contains daekker cover covers beskriver describe describes forventer forventes expect expects expected point pointed
  peger pege frame frames lyder sound sounds gaelder apply applies gives give given ofte often holdes afholdes held hold
  holds moedes need needs needed want wants must make makes take takes see use uses find look looking work works
  behoever behov bruge bruges goer goere laver lave finde ifoelge according ifht iflg kende kender kendt know knows
  knowing vide used brugt anvendt anvendes grund laa ny nye nyt new gav gave giver fik havde sagde lavede skrev naevnte
  naevner mentioned mention mentions wrote written through
  `
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Words too general to identify anything in this domain (every document is about day-care
 * leadership), folded; they neither count for nor against a match.
 */
export const GENERIC_WORDS: ReadonlySet<string> = new Set(
  `
  kommune kommunen kommunes stilling stillingen stillinger job jobbet position post role rolle rollen
  vacancy vacancies ledig ledige jobopslag stillingsopslag opslag opslaget posting
  municipality municipal danish danmark denmark bot
  `
    .split(/\s+/)
    .filter(Boolean),
);

/** A token of a question or text, with its terms. */
export interface Token {
  /** The folded surface form. */
  readonly form: string;
  /** Its stems (Danish and English). */
  readonly terms: readonly string[];
  /** Position in the text. */
  readonly index: number;
  /** Written as an abbreviation ("VIL", "LL'en", "vil'erne"): a function word's spelling may then be a name. */
  readonly abbreviation?: true;
}

/**
 * The folded forms of the words a text writes as abbreviations: in capitals ("VIL", "LL") or with a Danish ending after
 * an apostrophe ("LL'en", "vil'erne"). A text written in capitals throughout has none: its capitals say nothing.
 */
export function abbreviationForms(text: string): ReadonlySet<string> | undefined {
  // Most questions have neither two capitals in a row nor an apostrophe: nothing is allocated for them.
  const capitals = CAPITALS.test(text);
  const apostrophe = text.includes("'") || text.includes('’');
  if (!capitals && !apostrophe) return undefined;
  let out: Set<string> | undefined;
  if (capitals && !mostlyCapitals(text)) for (const m of text.matchAll(CAPITAL_WORDS)) (out ??= new Set()).add(foldText(m[0]));
  if (apostrophe) for (const m of text.matchAll(APOSTROPHE_ENDINGS)) (out ??= new Set()).add(foldText(m[1]!));
  // A form the text also writes as a plain lower-case word is no abbreviation there ("er X med i MED-udvalget": the
  // first "med" is the preposition); tokens are marked by form, so such a form is left unmarked.
  if (out) for (const m of text.matchAll(LOWER_WORDS)) if (out.has(m[0])) out.delete(m[0]);
  return out && out.size > 0 ? out : undefined;
}

const CAPITALS = /\p{Lu}\p{Lu}/u;
const LOWER_WORDS = /(?<![\p{L}\d'’])[a-z]{2,6}(?![\p{L}\d'’])/gu;
const CAPITAL_WORDS = /(?<![\p{L}\d])\p{Lu}{2,6}(?![\p{Ll}\d])/gu;
const APOSTROPHE_ENDINGS = /(?<![\p{L}\d])(\p{L}{2,6})['’](?:e|en|et|er|ere|erne|ernes|ene|enes|ens|ets|ne|nes|s)(?![\p{L}\d])/giu;

/** True when at least half the letters of a text are capitals (counted by code, without a string per letter). */
function mostlyCapitals(text: string): boolean {
  let upper = 0;
  let letters = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const lower = (c >= 97 && c <= 122) || (c >= 223 && c <= 255 && c !== 247);
    const capital = (c >= 65 && c <= 90) || (c >= 192 && c <= 222 && c !== 215);
    if (capital) upper++;
    if (lower || capital) letters++;
  }
  return upper * 2 >= letters;
}

/**
 * Tokenises and stems a text. The list is frozen and shared: answerers read the same knowledge-base texts for many
 * questions (a statement's words, a title's cue words), so each text is analysed once (bounded) and what is worked out
 * from its tokens (the lexicon's cue matches, `CueSet.match`) is kept with the list.
 */
export function analyzeText(text: string): readonly Token[] {
  const cacheable = text.length <= ANALYZE_CACHE_LENGTH;
  if (cacheable) {
    const known = analyzeCache.get(text);
    if (known !== undefined) return known;
  }
  const tokens: readonly Token[] = Object.freeze(tokenize(stripMarkup(text)).map((form, index) => ({ form, terms: stemsOf(form), index })));
  if (cacheable) {
    // Emptied when full rather than closed to new texts: the texts asked about recur, a question's own text rarely does.
    if (analyzeCache.size >= ANALYZE_CACHE_LIMIT) analyzeCache.clear();
    analyzeCache.set(text, tokens);
  }
  return tokens;
}

/** Texts up to this long are remembered by {@link analyzeText}, at most this many at once. */
const ANALYZE_CACHE_LENGTH = 2_000;
const ANALYZE_CACHE_LIMIT = 20_000;
const analyzeCache = new Map<string, readonly Token[]>();

/** The set of terms (stems) of a text. */
export function termsOf(text: string): Set<string> {
  // analyzeText's terms, without building a Token per word.
  const terms = new Set<string>();
  for (const form of tokenize(stripMarkup(text))) for (const term of stemsOf(form)) terms.add(term);
  return terms;
}

/** Edit distance with transpositions, bounded: returns `max + 1` as soon as it is exceeded. */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const cols = b.length + 1;
  // Three rolling rows (the transposition looks two rows back) instead of the whole matrix: no allocation per row.
  // Longer words than the scratch rows hold (rare: words are a few dozen letters) get rows of their own.
  const rows = cols <= EDIT_ROW_LENGTH ? editRows : [new Int32Array(cols), new Int32Array(cols), new Int32Array(cols)];
  let before = rows[0]!;
  let previous = rows[1]!;
  let current = rows[2]!;
  for (let j = 0; j < cols; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = Infinity;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current[j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    const spare = before;
    before = previous;
    previous = current;
    current = spare;
  }
  return previous[b.length]!;
}

/** Scratch rows of {@link boundedEditDistance}, allocated once. */
const EDIT_ROW_LENGTH = 128;
const editRows: readonly Int32Array[] = [new Int32Array(EDIT_ROW_LENGTH), new Int32Array(EDIT_ROW_LENGTH), new Int32Array(EDIT_ROW_LENGTH)];
