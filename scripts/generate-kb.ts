/**
 * A synthetic knowledge base N times the seed (default 100x), same schema, for the benchmark: copy 0 is the seed
 * itself; every other copy renames its municipalities (a made-up town per copy), its people (names, phones, emails)
 * and every id and source document, so the vocabulary, the index and the ids grow like a real country-wide base,
 * not just the posting lists. Deterministic for a given seed.
 *
 * Usage: `npx tsx scripts/generate-kb.ts [--factor 100] [--seed 1] [--source data] [--out <dir>]`; without `--out`
 * it writes to a new temporary folder and prints its path.
 */
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRandom, randomInt, shuffled } from '../bench/random.js';
import { foldText } from '../src/answering/normalize.js';
import { REFERENCE_FIELDS, type ItemKind } from '../src/knowledge/references.js';

/** A knowledge file as JSON: its name and its parsed content. */
export interface KnowledgeFileJson {
  readonly name: string;
  readonly data: Record<string, unknown>;
}

/** Options of {@link generateKnowledgeFiles}. */
export interface GenerateKnowledgeOptions {
  /** How many times the seed: 1 gives the seed alone. */
  readonly factor: number;
  /** The random seed (default 1). */
  readonly seed?: number;
}

/** Spellings of the seed municipalities' place names in the data; longest first is not needed (sorted below). */
const PLACE_ALIASES: Readonly<Record<string, readonly string[]>> = {
  ballerup: ['Ballerup'],
  'hoeje-taastrup': ['Høje-Taastrup', 'Høje Taastrup', 'Hoeje-Taastrup', 'Hoje-Taastrup', 'Taastrup', 'HTK'],
  koebenhavn: ['København', 'Koebenhavn', 'Kobenhavn', 'Copenhagen'],
};

const TOWN_PREFIXES = [
  'Ravns', 'Lyng', 'Egé', 'Sønder', 'Nør', 'Ask', 'Bøge', 'Hede', 'Mose', 'Strand', 'Skov', 'Fjord', 'Kirke', 'Vester',
  'Øster', 'Hvid', 'Sol', 'Ege', 'Birke', 'Gram', 'Hol', 'Vinde', 'Rø', 'Tange',
];
const TOWN_SUFFIXES = ['bjerg', 'by', 'sted', 'holm', 'lund', 'rup', 'strup', 'havn', 'købing', 'løse', 'høj', 'vig', 'balle', 'skov', 'ager', 'lev'];
const FIRST_NAMES = [
  'Anne', 'Birgitte', 'Camilla', 'Dorthe', 'Eva', 'Freja', 'Gitte', 'Hanne', 'Ida', 'Jette', 'Karen', 'Lene', 'Maja',
  'Nina', 'Pia', 'Rikke', 'Sofie', 'Tina', 'Ulla', 'Vibeke', 'Anders', 'Bo', 'Christian', 'Jens', 'Lars', 'Mads',
  'Niels', 'Ole', 'Peter', 'Søren',
];
const LAST_NAMES = [
  'Andersen', 'Bech', 'Christensen', 'Dahl', 'Eriksen', 'Frandsen', 'Gregersen', 'Holm', 'Iversen', 'Jensen',
  'Kjær', 'Larsen', 'Madsen', 'Nielsen', 'Olsen', 'Poulsen', 'Rasmussen', 'Sørensen', 'Thomsen', 'Vestergaard',
  'Østergaard', 'Ærø', 'Lund', 'Bruun',
];

/** Fields whose strings are prose or names (renamed); ids, enums, dates and urls are left alone. */
const TEXT_KEYS = new Set(['name', 'names', 'labelEn', 'namesEn', 'da', 'en', 'quote', 'title', 'titleEn']);

const ITEM_KINDS = Object.keys(REFERENCE_FIELDS) as ItemKind[];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function asciiSlug(text: string): string {
  return foldText(text).replace(/[^a-z0-9]+/g, '');
}

/** Unique made-up town names, in a random order. */
function townNames(random: () => number, count: number): string[] {
  const all = TOWN_PREFIXES.flatMap((prefix) => TOWN_SUFFIXES.map((suffix) => `${prefix}${suffix}`));
  const names = shuffled(random, all);
  // Beyond the combinations, number them: still unique, still one word.
  for (let i = 0; names.length < count; i++) names.push(`${all[i % all.length]}${Math.floor(i / all.length) + 2}`);
  return names.slice(0, count);
}

/** A phone number with the same layout as `like` ("4477 1847", "+45 21 64 83 04"), random digits. */
function phoneLike(like: string, random: () => number): string {
  let position = 0;
  return like.replace(/\d/g, (digit) => {
    const first = position++ === 0;
    if (like.startsWith('+') && position <= 2) return digit; // keep the country code
    return String(first ? 2 + randomInt(random, 8) : randomInt(random, 10));
  });
}

/** Replaces text everywhere a {@link TEXT_KEYS} string occurs in a JSON value, in place. */
function rewriteText(value: unknown, rewrite: (text: string) => string, key?: string): unknown {
  if (typeof value === 'string') return key !== undefined && TEXT_KEYS.has(key) ? rewrite(value) : value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = rewriteText(value[i], rewrite, key);
    return value;
  }
  if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    for (const [childKey, child] of Object.entries(object)) object[childKey] = rewriteText(child, rewrite, childKey);
  }
  return value;
}

/** Renames every `source.doc` inside a JSON value, in place. */
function renameSources(value: unknown, doc: (id: string) => string): void {
  if (Array.isArray(value)) {
    for (const element of value) renameSources(element, doc);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const object = value as Record<string, unknown>;
  for (const [key, child] of Object.entries(object)) {
    const source = child as { doc?: unknown } | null;
    if (key === 'source' && source !== null && typeof source === 'object' && typeof source.doc === 'string') source.doc = doc(source.doc);
    else renameSources(child, doc);
  }
}

/** A text rewriter replacing whole-word names (a genitive "s" may follow), keeping lower case where it was. */
function createRewriter(replacements: ReadonlyMap<string, string>): (text: string) => string {
  if (replacements.size === 0) return (text) => text;
  const keys = [...replacements.keys()].sort((a, b) => b.length - a.length);
  const lookup = new Map([...replacements].map(([from, to]) => [from.toLowerCase(), to]));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${keys.map(escapeRegExp).join('|')})(?=s?(?![\\p{L}\\p{N}]))`, 'giu');
  return (text) =>
    text.replace(pattern, (match) => {
      const to = lookup.get(match.toLowerCase()) ?? match;
      if (match.length > 1 && match === match.toUpperCase()) return to.toUpperCase();
      return match === match.toLowerCase() ? to.toLowerCase() : to;
    });
}

/** One renamed copy of the seed files. */
function copyFiles(seed: readonly KnowledgeFileJson[], copy: number, towns: ReadonlyMap<string, string>, random: () => number): KnowledgeFileJson[] {
  const suffix = `-s${copy}`;
  const id = (value: string) => `${value}${suffix}`;
  const doc = (value: string) => value.replace(/(\.[a-z0-9]+)?$/i, (ext) => `${suffix}${ext}`);
  const replacements = new Map<string, string>();
  for (const [municipality, town] of towns) {
    for (const alias of PLACE_ALIASES[municipality] ?? []) replacements.set(alias, town);
  }
  const files = seed.map((file) => ({ name: file.name, data: structuredClone(file.data) }));

  for (const { data } of files) {
    for (const document of (data.documents as Array<{ id: string; municipality?: string }> | undefined) ?? []) {
      document.id = doc(document.id);
      if (document.municipality !== undefined) document.municipality = id(document.municipality);
    }
    for (const kind of ITEM_KINDS) {
      for (const item of (data[kind] as Array<Record<string, unknown>> | undefined) ?? []) {
        item.id = id(item.id as string);
        for (const spec of REFERENCE_FIELDS[kind]) {
          const value = item[spec.field];
          if (typeof value === 'string') item[spec.field] = id(value);
          else if (Array.isArray(value)) {
            item[spec.field] = value.map((element: unknown) => {
              if (typeof element === 'string') return id(element);
              if (spec.key && element !== null && typeof element === 'object') {
                const object = element as Record<string, unknown>;
                return { ...object, [spec.key]: id(object[spec.key] as string) };
              }
              return element;
            });
          }
        }
      }
    }
    renameSources(data, doc);
    for (const person of (data.people as Array<Record<string, unknown>> | undefined) ?? []) {
      const first = FIRST_NAMES[randomInt(random, FIRST_NAMES.length)] as string;
      const last = LAST_NAMES[randomInt(random, LAST_NAMES.length)] as string;
      const name = `${first} ${last}`;
      replacements.set(person.name as string, name);
      person.name = name;
      if (typeof person.phone === 'string') {
        const phone = phoneLike(person.phone, random);
        replacements.set(person.phone, phone);
        person.phone = phone;
      }
      if (typeof person.email === 'string') person.email = `${asciiSlug(first)}.${asciiSlug(last)}${copy}@example.dk`;
    }
  }
  const rewrite = createRewriter(replacements);
  for (const { data } of files) rewriteText(data, rewrite);
  return files;
}

/**
 * The seed files followed by `factor - 1` renamed copies (file names prefixed with the copy number).
 * @example generateKnowledgeFiles(await readKnowledgeFiles('data'), { factor: 100, seed: 1 })
 */
export function generateKnowledgeFiles(seed: readonly KnowledgeFileJson[], options: GenerateKnowledgeOptions): KnowledgeFileJson[] {
  if (!Number.isInteger(options.factor) || options.factor < 1) throw new Error(`generate-kb: factor must be a whole number >= 1 (got ${options.factor})`);
  const random = createRandom(options.seed ?? 1);
  const municipalities = seed.flatMap((file) => ((file.data.municipalities as Array<{ id: string }> | undefined) ?? []).map((m) => m.id));
  const towns = townNames(random, municipalities.length * (options.factor - 1));
  const out: KnowledgeFileJson[] = seed.map((file) => ({ name: `s000-${file.name}`, data: file.data }));
  for (let copy = 1; copy < options.factor; copy++) {
    const names = new Map(municipalities.map((municipality, i) => [municipality, towns[(copy - 1) * municipalities.length + i] as string]));
    for (const file of copyFiles(seed, copy, names, random)) out.push({ name: `s${String(copy).padStart(3, '0')}-${file.name}`, data: file.data });
  }
  return out;
}

/** Reads the `*.json` knowledge files directly in a folder. */
export async function readKnowledgeFiles(dir: string): Promise<KnowledgeFileJson[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  return Promise.all(names.map(async (name) => ({ name, data: JSON.parse(await readFile(path.join(dir, name), 'utf8')) as Record<string, unknown> })));
}

/** Options of {@link writeSyntheticKnowledge}. */
export interface WriteSyntheticOptions extends GenerateKnowledgeOptions {
  /** The seed folder (default `data`). */
  readonly sourceDir?: string;
  /** Where to write (created); default a new temporary folder. */
  readonly outDir?: string;
}

/** Generates the synthetic knowledge base and writes it; returns the folder, the files and the bytes written. */
export async function writeSyntheticKnowledge(options: WriteSyntheticOptions): Promise<{ dir: string; files: number; bytes: number }> {
  const seed = await readKnowledgeFiles(options.sourceDir ?? 'data');
  const dir = options.outDir ?? (await mkdtemp(path.join(os.tmpdir(), `kb-x${options.factor}-`)));
  await mkdir(dir, { recursive: true });
  let bytes = 0;
  for (const file of generateKnowledgeFiles(seed, options)) {
    const text = JSON.stringify(file.data);
    bytes += Buffer.byteLength(text);
    await writeFile(path.join(dir, file.name), text);
  }
  return { dir, files: seed.length * options.factor, bytes };
}

function parseArgs(argv: readonly string[]): WriteSyntheticOptions {
  let factor = 100;
  let seed = 1;
  let sourceDir: string | undefined;
  let outDir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === '--factor' && value) factor = Number(value);
    else if (arg === '--seed' && value) seed = Number(value);
    else if (arg === '--source' && value) sourceDir = value;
    else if (arg === '--out' && value) outDir = value;
    else throw new Error(`generate-kb: unknown or incomplete option ${arg}; usage: generate-kb [--factor 100] [--seed 1] [--source data] [--out dir]`);
    i++;
  }
  return { factor, seed, ...(sourceDir && { sourceDir }), ...(outDir && { outDir }) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const result = await writeSyntheticKnowledge(parseArgs(process.argv.slice(2)));
    console.log(`${result.dir} (${result.files} files, ${(result.bytes / 1e6).toFixed(1)} MB)`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
