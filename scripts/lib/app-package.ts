import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppManifestUtils } from '@microsoft/app-manifest';
import JSZip from 'jszip';
import { decodePng, type RgbaImage } from './icons.js';

/** The folder holding manifest.json, the localisation files and the icons. */
export const MANIFEST_DIR = fileURLToPath(new URL('../../manifest/', import.meta.url));

/** The placeholders the committed manifest may contain, written `${{NAME}}`, filled in when packaging. */
export const PLACEHOLDERS = ['TEAMS_APP_ID', 'BOT_ID', 'BOT_DOMAIN'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type PlaceholderValues = Readonly<Record<Placeholder, string>>;

/** An outcome that is either a value or the list of reasons it could not be produced. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: readonly string[] };

/** The files of an app package, by their name inside the zip. */
export type AppPackageFiles = ReadonlyMap<string, Buffer>;

export interface ResolvePlaceholderOptions {
  /** Fill missing ids with random GUIDs and a missing domain with `localhost`: a local dry run, not installable. */
  readonly dev: boolean;
}

export interface BuildAppPackageOptions extends ResolvePlaceholderOptions {
  /** The environment to read the ids from (the script passes `process.env`). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Where manifest.json lives; defaults to the repository's `manifest/`. */
  readonly manifestDir?: string;
}

export interface AppPackage {
  /** The zip bytes, ready to upload to Teams. */
  readonly zip: Buffer;
  /** The names of the files in the zip, manifest.json first. */
  readonly fileNames: readonly string[];
  /** The filled-in values, so the caller can show them. */
  readonly values: PlaceholderValues;
  /** The placeholders that `dev` mode made up because the environment lacked them. */
  readonly generated: readonly Placeholder[];
}

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const DOMAIN = /^(\*\.)?[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*(:[0-9]{1,5})?$/;
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
const SCHEMA_URL = /^https:\/\/developer\.microsoft\.com\/json-schemas\/teams\/(v1\.[0-9]+)\/(MicrosoftTeams(?:\.Localization)?\.schema\.json)$/;
// The schema files of @microsoft/app-manifest: validation never goes to the network.
const SCHEMA_ROOT = join(
  dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json')),
  'build',
  'json-schemas',
  'teams',
);

const nonEmpty = (value: string | undefined): string | undefined => (value?.trim() ? value.trim() : undefined);

/**
 * Reads the placeholder values from the environment: `TEAMS_APP_ID`, `BOT_ID` (or else `MicrosoftAppId`, the bot's
 * Entra app id that the server uses too) and `BOT_DOMAIN` (the host name of the messaging endpoint).
 */
export function resolvePlaceholderValues(
  env: Readonly<Record<string, string | undefined>>,
  options: ResolvePlaceholderOptions,
): Result<{ values: PlaceholderValues; generated: Placeholder[] }> {
  const botId = nonEmpty(env.BOT_ID);
  const appId = nonEmpty(env.MicrosoftAppId);
  const errors: string[] = [];
  if (botId && appId && botId.toLowerCase() !== appId.toLowerCase()) {
    errors.push(`BOT_ID (${botId}) and MicrosoftAppId (${appId}) differ: the bot id in the manifest must be the app id the bot signs in with`);
  }
  const found: Partial<Record<Placeholder, string>> = {
    TEAMS_APP_ID: nonEmpty(env.TEAMS_APP_ID),
    BOT_ID: botId ?? appId,
    BOT_DOMAIN: nonEmpty(env.BOT_DOMAIN),
  };
  const generated: Placeholder[] = [];
  const values = {} as Record<Placeholder, string>;
  for (const name of PLACEHOLDERS) {
    const value = found[name];
    if (value !== undefined) {
      values[name] = value;
    } else if (options.dev) {
      values[name] = name === 'BOT_DOMAIN' ? 'localhost' : randomUUID();
      generated.push(name);
    } else {
      errors.push(`${name} is not set${name === 'BOT_ID' ? ' (nor MicrosoftAppId)' : ''}: ${PLACEHOLDER_HELP[name]}`);
    }
  }
  for (const name of ['TEAMS_APP_ID', 'BOT_ID'] as const) {
    const value = values[name];
    if (value !== undefined && !GUID.test(value)) errors.push(`${name} must be a GUID like 00000000-0000-0000-0000-000000000000, got "${value}"`);
  }
  if (values.BOT_DOMAIN !== undefined && !DOMAIN.test(values.BOT_DOMAIN)) {
    errors.push(`BOT_DOMAIN must be a host name without scheme or path, like bot.example.org, got "${values.BOT_DOMAIN}"`);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: { values, generated } };
}

const PLACEHOLDER_HELP: Readonly<Record<Placeholder, string>> = {
  TEAMS_APP_ID: 'a GUID of your choice that identifies the Teams app (keep it across versions)',
  BOT_ID: 'the Application (client) id of the bot\'s Entra app registration',
  BOT_DOMAIN: 'the host name of the messaging endpoint, like dagtilbud-bot.azurewebsites.net',
};

/** Replaces every `${{NAME}}` in the strings of a JSON value; unknown names are reported, not left in. */
export function fillPlaceholders(value: unknown, values: Readonly<Record<string, string>>): Result<unknown> {
  const unknown = new Set<string>();
  const fill = (node: unknown): unknown => {
    if (typeof node === 'string') {
      return node.replace(PLACEHOLDER, (whole, name: string) => {
        const replacement = values[name];
        if (replacement === undefined) unknown.add(name);
        return replacement ?? whole;
      });
    }
    if (Array.isArray(node)) return node.map(fill);
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, fill(child)]));
    }
    return node;
  };
  const filled = fill(value);
  return unknown.size > 0
    ? { ok: false, errors: [...unknown].map((name) => `unknown placeholder \${{${name}}}: fill it in or remove it`) }
    : { ok: true, value: filled };
}

function parseJson(fileName: string, bytes: Buffer): Result<unknown> {
  try {
    return { ok: true, value: JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, '')) };
  } catch (error) {
    return { ok: false, errors: [`${fileName}: not valid JSON: ${(error as Error).message}`] };
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The file names a manifest refers to: icons and localisation files, in a stable order. */
export function referencedFiles(manifest: Record<string, unknown>): { icons: string[]; localizations: string[] } {
  const icons = isRecord(manifest.icons)
    ? (['color', 'outline', 'color32x32'] as const).flatMap((key) => {
        const file = (manifest.icons as Record<string, unknown>)[key];
        return typeof file === 'string' ? [file] : [];
      })
    : [];
  const info = isRecord(manifest.localizationInfo) ? manifest.localizationInfo : {};
  const localizations = [
    ...(typeof info.defaultLanguageFile === 'string' ? [info.defaultLanguageFile] : []),
    ...(Array.isArray(info.additionalLanguages)
      ? info.additionalLanguages.flatMap((language: unknown) =>
          isRecord(language) && typeof language.file === 'string' ? [language.file] : [],
        )
      : []),
  ];
  return { icons, localizations };
}

/**
 * Escapes a `]` that stands outside a character class in a regular expression. Without the `u` flag such a `]` is
 * a literal; Ajv compiles patterns with `u`, where it is a syntax error. The localisation schemas shipped in
 * @microsoft/app-manifest (v1.8 to v1.30) contain one (`activities.activityTypes[...\\b]`), so this keeps their
 * meaning and lets Ajv compile them.
 */
export function escapeLoneBrackets(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === '\\') {
      out += char + (pattern[i + 1] ?? '');
      i++;
    } else if (char === '[') {
      inClass = true;
      out += char;
    } else if (char === ']') {
      out += inClass ? char : '\\]';
      inClass = false;
    } else {
      out += char;
    }
  }
  return out;
}

function makePatternsUnicodeSafe(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(makePatternsUnicodeSafe);
  if (!isRecord(schema)) return schema;
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) => {
      if (key === 'pattern' && typeof value === 'string') return [key, escapeLoneBrackets(value)];
      if (key === 'patternProperties' && isRecord(value)) {
        return [key, Object.fromEntries(Object.entries(value).map(([p, v]) => [escapeLoneBrackets(p), makePatternsUnicodeSafe(v)]))];
      }
      return [key, makePatternsUnicodeSafe(value)];
    }),
  );
}

async function loadShippedSchema(fileName: string, schemaUrl: unknown, expected: string): Promise<Result<object>> {
  const match = typeof schemaUrl === 'string' ? SCHEMA_URL.exec(schemaUrl) : null;
  if (!match || match[2] !== expected) {
    return {
      ok: false,
      errors: [`${fileName}: $schema must be https://developer.microsoft.com/json-schemas/teams/v1.<n>/${expected}, got ${JSON.stringify(schemaUrl)}`],
    };
  }
  const path = join(SCHEMA_ROOT, match[1]!, expected);
  try {
    // The same clean-up AppManifestUtils.fetchSchema applies: some shipped schemas contain \a and \v escapes.
    const text = (await readFile(path, 'utf8')).replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
    return { ok: true, value: makePatternsUnicodeSafe(JSON.parse(text)) as object };
  } catch (error) {
    return { ok: false, errors: [`${fileName}: schema ${match[1]} is not shipped with @microsoft/app-manifest (${(error as Error).message})`] };
  }
}

async function validateAgainst(fileName: string, document: Record<string, unknown>, expectedSchema: string): Promise<string[]> {
  const schema = await loadShippedSchema(fileName, document.$schema, expectedSchema);
  if (!schema.ok) return [...schema.errors];
  // validateAgainstSchema is plain Ajv (draft-04) over the given schema; its types only know manifests.
  const errors = await AppManifestUtils.validateAgainstSchema(
    document as unknown as Parameters<typeof AppManifestUtils.validateAgainstSchema>[0],
    schema.value as Parameters<typeof AppManifestUtils.validateAgainstSchema>[1],
  );
  return errors.map((error) => `${fileName}: ${error.trim() || '(root)'}`);
}

/** Checks that an icon is a PNG of the given size, and for the outline icon that it is white on transparent. */
export function checkIcon(fileName: string, bytes: Buffer | undefined, kind: 'color' | 'outline'): string[] {
  if (bytes === undefined) return [`${fileName}: missing`];
  let image: RgbaImage;
  try {
    image = decodePng(bytes);
  } catch (error) {
    return [`${fileName}: not a PNG: ${(error as Error).message}`];
  }
  const size = kind === 'color' ? 192 : 32;
  if (image.width !== size || image.height !== size) {
    return [`${fileName}: the ${kind} icon must be ${size}x${size} pixels, it is ${image.width}x${image.height}`];
  }
  if (kind === 'outline') {
    const offending = countNonWhiteOpaquePixels(image);
    if (offending > 0) return [`${fileName}: the outline icon must be white on transparent; ${offending} pixels are neither`];
  }
  return [];
}

/** Counts pixels that are neither fully transparent nor pure white (at any opacity). */
export function countNonWhiteOpaquePixels(image: RgbaImage): number {
  let count = 0;
  for (let i = 0; i < image.data.length; i += 4) {
    const transparent = image.data[i + 3] === 0;
    const white = image.data[i] === 255 && image.data[i + 1] === 255 && image.data[i + 2] === 255;
    if (!transparent && !white) count++;
  }
  return count;
}

const COMMAND_KEY = /^bots\[(\d+)\]\.commandLists\[(\d+)\]\.commands\[(\d+)\]\.(title|description|prompt)$/;

/**
 * Checks what the schemas cannot: that the localisation keys for bot commands point at commands that exist, and
 * that every command title has a translation, so users of each language see their own command names.
 */
export function checkCommandLocalization(
  manifest: Record<string, unknown>,
  localizationName: string,
  localization: Record<string, unknown>,
): string[] {
  const errors: string[] = [];
  const commandAt = (bot: number, list: number, command: number): Record<string, unknown> | undefined => {
    const value = (manifest.bots as { commandLists?: { commands?: unknown[] }[] }[] | undefined)?.[bot]?.commandLists?.[list]
      ?.commands?.[command];
    return isRecord(value) ? value : undefined;
  };
  for (const key of Object.keys(localization)) {
    const match = COMMAND_KEY.exec(key);
    if (match && commandAt(Number(match[1]), Number(match[2]), Number(match[3]))?.[match[4]!] === undefined) {
      errors.push(`${localizationName}: "${key}" translates a command ${match[4]} that manifest.json does not have`);
    }
  }
  const bots = Array.isArray(manifest.bots) ? manifest.bots : [];
  bots.forEach((bot: unknown, b) => {
    const lists = isRecord(bot) && Array.isArray(bot.commandLists) ? bot.commandLists : [];
    lists.forEach((list: unknown, l) => {
      const commands = isRecord(list) && Array.isArray(list.commands) ? list.commands : [];
      commands.forEach((_command: unknown, c) => {
        const key = `bots[${b}].commandLists[${l}].commands[${c}].title`;
        if (typeof localization[key] !== 'string') errors.push(`${localizationName}: no translation for "${key}"`);
      });
    });
  });
  return errors;
}

/**
 * Checks a complete, filled-in app package offline: manifest.json and every localisation file against the official
 * schemas shipped in @microsoft/app-manifest, the icons' sizes and colours, the command translations and that no
 * placeholder is left. Returns the problems found; an empty list means the package is valid.
 */
export async function checkAppPackage(files: AppPackageFiles): Promise<string[]> {
  const manifestBytes = files.get('manifest.json');
  if (manifestBytes === undefined) return ['manifest.json: missing'];
  const parsed = parseJson('manifest.json', manifestBytes);
  if (!parsed.ok) return [...parsed.errors];
  if (!isRecord(parsed.value)) return ['manifest.json: must be a JSON object'];
  const manifest = parsed.value;
  const errors: string[] = [];

  const leftover = manifestBytes.toString('utf8').match(PLACEHOLDER);
  if (leftover) errors.push(`manifest.json: placeholders not filled in: ${[...new Set(leftover)].join(', ')}`);

  errors.push(...(await validateAgainst('manifest.json', manifest, 'MicrosoftTeams.schema.json')));
  const version = typeof manifest.$schema === 'string' ? SCHEMA_URL.exec(manifest.$schema)?.[1] : undefined;
  if (version !== undefined && `v${String(manifest.manifestVersion)}` !== version) {
    errors.push(`manifest.json: manifestVersion ${String(manifest.manifestVersion)} does not match $schema ${version}`);
  }

  const { icons, localizations } = referencedFiles(manifest);
  const iconRecord = isRecord(manifest.icons) ? manifest.icons : {};
  if (typeof iconRecord.color === 'string') errors.push(...checkIcon(iconRecord.color, files.get(iconRecord.color), 'color'));
  if (typeof iconRecord.outline === 'string') errors.push(...checkIcon(iconRecord.outline, files.get(iconRecord.outline), 'outline'));

  for (const name of localizations) {
    const bytes = files.get(name);
    if (bytes === undefined) {
      errors.push(`${name}: missing (named in localizationInfo)`);
      continue;
    }
    const localization = parseJson(name, bytes);
    if (!localization.ok) {
      errors.push(...localization.errors);
    } else if (!isRecord(localization.value)) {
      errors.push(`${name}: must be a JSON object`);
    } else {
      errors.push(...(await validateAgainst(name, localization.value, 'MicrosoftTeams.Localization.schema.json')));
      errors.push(...checkCommandLocalization(manifest, name, localization.value));
    }
  }

  const expected = new Set(['manifest.json', ...icons, ...localizations]);
  for (const name of files.keys()) {
    if (!expected.has(name)) errors.push(`${name}: not referenced by manifest.json; it does not belong in the package`);
  }
  return errors;
}

/** Reads the committed manifest (placeholders unfilled) and the files it refers to from a folder. */
export async function readManifestSources(manifestDir: string = MANIFEST_DIR): Promise<Result<{ manifest: unknown; files: Map<string, Buffer> }>> {
  let manifestBytes: Buffer;
  try {
    manifestBytes = await readFile(join(manifestDir, 'manifest.json'));
  } catch (error) {
    return { ok: false, errors: [`manifest.json: cannot read it in ${manifestDir}: ${(error as Error).message}`] };
  }
  const parsed = parseJson('manifest.json', manifestBytes);
  if (!parsed.ok) return parsed;
  if (!isRecord(parsed.value)) return { ok: false, errors: ['manifest.json: must be a JSON object'] };
  const { icons, localizations } = referencedFiles(parsed.value);
  const files = new Map<string, Buffer>();
  const errors: string[] = [];
  for (const name of [...localizations, ...icons]) {
    if (name.includes('/') || name.includes('\\')) {
      errors.push(`manifest.json: "${name}" must be a file next to manifest.json (the package is flat)`);
      continue;
    }
    try {
      files.set(name, await readFile(join(manifestDir, name)));
    } catch (error) {
      errors.push(`${name}: cannot read it in ${manifestDir}: ${(error as Error).message}`);
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: { manifest: parsed.value, files } };
}

// A fixed timestamp makes the zip byte-for-byte the same for the same inputs.
const ZIP_DATE = new Date(Date.UTC(2026, 0, 1));

/** Zips files flat at the root, as Teams expects, manifest.json first. */
export async function zipFiles(files: AppPackageFiles): Promise<Buffer> {
  const zip = new JSZip();
  const names = [...files.keys()].sort((a, b) => (a === 'manifest.json' ? -1 : b === 'manifest.json' ? 1 : a.localeCompare(b)));
  for (const name of names) zip.file(name, files.get(name)!, { date: ZIP_DATE, createFolders: false });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 }, platform: 'UNIX' });
}

/**
 * Builds the Teams app package: fills the ids into the committed manifest, checks everything offline and zips
 * manifest.json, the localisation files and the icons. An invalid package is never built: the result lists why.
 */
export async function buildAppPackage(options: BuildAppPackageOptions): Promise<Result<AppPackage>> {
  const resolved = resolvePlaceholderValues(options.env, options);
  if (!resolved.ok) return resolved;
  const sources = await readManifestSources(options.manifestDir ?? MANIFEST_DIR);
  if (!sources.ok) return sources;
  const filled = fillPlaceholders(sources.value.manifest, resolved.value.values);
  if (!filled.ok) return filled;

  const files = new Map<string, Buffer>([['manifest.json', Buffer.from(`${JSON.stringify(filled.value, null, 2)}\n`)]]);
  for (const [name, bytes] of sources.value.files) files.set(name, bytes);
  const errors = await checkAppPackage(files);
  if (errors.length > 0) return { ok: false, errors };

  const zip = await zipFiles(files);
  return {
    ok: true,
    value: { zip, fileNames: [...files.keys()], values: resolved.value.values, generated: resolved.value.generated },
  };
}
