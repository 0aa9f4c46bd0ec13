import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  MANIFEST_DIR,
  checkAppPackage,
  escapeLoneBrackets,
  fillPlaceholders,
  readManifestSources,
} from '../../scripts/lib/app-package.js';

const TEST_VALUES = {
  TEAMS_APP_ID: '0b6d1c2e-3f4a-4b5c-8d6e-7f8091a2b3c4',
  BOT_ID: '9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a',
  BOT_DOMAIN: 'bot.example.org',
};

type Json = Record<string, unknown>;
interface CommandList {
  scopes: string[];
  commands: { title: string; description?: string }[];
}

async function readJson(name: string): Promise<Json> {
  return JSON.parse(await readFile(join(MANIFEST_DIR, name), 'utf8')) as Json;
}

/** The committed package files with the placeholders filled by test GUIDs. */
async function filledPackageFiles(): Promise<Map<string, Buffer>> {
  const sources = await readManifestSources();
  if (!sources.ok) throw new Error(sources.errors.join('\n'));
  const filled = fillPlaceholders(sources.value.manifest, TEST_VALUES);
  if (!filled.ok) throw new Error(filled.errors.join('\n'));
  return new Map([['manifest.json', Buffer.from(JSON.stringify(filled.value))], ...sources.value.files]);
}

const schemaRoot = join(
  dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json')),
  'build/json-schemas/teams',
);

describe('manifest/manifest.json', () => {
  it('validates against the official schema offline once the ids are filled in', async () => {
    expect(await checkAppPackage(await filledPackageFiles())).toEqual([]);
  });

  it('uses the newest numbered schema version that @microsoft/app-manifest ships, at least 1.19', async () => {
    const manifest = await readJson('manifest.json');
    const shipped = (await readdir(schemaRoot))
      .filter((name) => /^v1\.\d+$/.test(name))
      .map((name) => Number(name.slice('v1.'.length)));
    const minor = Number(String(manifest.manifestVersion).split('.')[1]);
    expect(minor).toBeGreaterThanOrEqual(19);
    expect(minor).toBe(Math.max(...shipped));
    expect(manifest.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v1.${minor}/MicrosoftTeams.schema.json`);
  });

  it('commits placeholders, not ids', async () => {
    const text = await readFile(join(MANIFEST_DIR, 'manifest.json'), 'utf8');
    const manifest = JSON.parse(text) as Json & { bots: { botId: string }[] };
    expect(manifest.id).toBe('${{TEAMS_APP_ID}}');
    expect(manifest.bots[0]!.botId).toBe('${{BOT_ID}}');
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
  });

  it('offers the bot in personal, team and group chats, with a command list for each', async () => {
    const manifest = (await readJson('manifest.json')) as { bots: { scopes: string[]; commandLists: CommandList[] }[] };
    const bot = manifest.bots[0]!;
    expect([...bot.scopes].sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(bot.commandLists.flatMap((list) => list.scopes).sort()).toEqual(['groupChat', 'personal', 'team']);
    for (const list of bot.commandLists) {
      for (const command of list.commands) expect(command.description?.length ?? 0).toBeGreaterThan(10);
    }
  });

  it('has Danish command titles in the manifest and English ones in en.json', async () => {
    const manifest = (await readJson('manifest.json')) as { bots: { commandLists: CommandList[] }[] };
    const english = await readJson('en.json');
    const lists = manifest.bots[0]!.commandLists;
    const scopeOf = (scope: string) => lists.findIndex((list) => list.scopes.includes(scope));
    const titles = (scope: string) => lists[scopeOf(scope)]!.commands.map((command) => command.title);
    const englishTitles = (scope: string) =>
      lists[scopeOf(scope)]!.commands.map((_, c) => english[`bots[0].commandLists[${scopeOf(scope)}].commands[${c}].title`]);

    for (const scope of ['team', 'groupChat']) {
      expect(titles(scope)).toEqual(['hjælp', 'opgaver', 'mine opgaver', 'påmind mig', 'post opgaver her', 'frister']);
      expect(englishTitles(scope)).toEqual(['help', 'tasks', 'my tasks', 'remind me', 'post tasks here', 'deadlines']);
    }
    // Posting the task list subscribes a channel or group chat; in a personal chat it has no meaning.
    expect(titles('personal')).toEqual(['hjælp', 'opgaver', 'mine opgaver', 'påmind mig', 'frister']);
    expect(englishTitles('personal')).toEqual(['help', 'tasks', 'my tasks', 'remind me', 'deadlines']);
  });

  it('declares Danish as the default language and English in en.json', async () => {
    const manifest = await readJson('manifest.json');
    expect(manifest.localizationInfo).toEqual({
      defaultLanguageTag: 'da',
      additionalLanguages: [{ languageTag: 'en', file: 'en.json' }],
    });
    const english = await readJson('en.json');
    expect(english['name.short']).not.toBe((manifest.name as Json).short);
    expect(english['description.full']).not.toBe((manifest.description as Json).full);
  });

  it('uses clearly placeholder developer URLs on example.org', async () => {
    const developer = (await readJson('manifest.json')).developer as Record<string, string>;
    for (const key of ['websiteUrl', 'privacyUrl', 'termsOfUseUrl']) {
      expect(new URL(developer[key]!).hostname).toBe('www.example.org');
    }
  });
});

describe('manifest/en.json', () => {
  it('validates against the official localisation schema offline', async () => {
    const files = await filledPackageFiles();
    const errors = await checkAppPackage(files);
    expect(errors.filter((error) => error.startsWith('en.json'))).toEqual([]);
    expect((await readJson('en.json')).$schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${String((await readJson('manifest.json')).manifestVersion)}/MicrosoftTeams.Localization.schema.json`,
    );
  });

  it('is refused with a key the localisation schema does not allow', async () => {
    const files = await filledPackageFiles();
    const english = JSON.parse(files.get('en.json')!.toString('utf8')) as Json;
    files.set('en.json', Buffer.from(JSON.stringify({ ...english, 'name.nickname': 'Bot' })));
    const errors = await checkAppPackage(files);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^en\.json: .*must NOT have additional properties.*name\.nickname/);
  });

  it('is refused when it translates a command the manifest lacks, or misses a title', async () => {
    const files = await filledPackageFiles();
    const english = JSON.parse(files.get('en.json')!.toString('utf8')) as Json;
    delete english['bots[0].commandLists[1].commands[2].title'];
    english['bots[0].commandLists[0].commands[9].title'] = 'ghost';
    files.set('en.json', Buffer.from(JSON.stringify(english)));
    expect(await checkAppPackage(files)).toEqual([
      'en.json: "bots[0].commandLists[0].commands[9].title" translates a command title that manifest.json does not have',
      'en.json: no translation for "bots[0].commandLists[1].commands[2].title"',
    ]);
  });
});

describe('checkAppPackage', () => {
  it('refuses a manifest that breaks the official schema', async () => {
    const files = await filledPackageFiles();
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as Json;
    manifest.accentColor = 'blue';
    (manifest.name as Json).short = 'A name that is far too long for the Teams app bar';
    files.set('manifest.json', Buffer.from(JSON.stringify(manifest)));
    const errors = await checkAppPackage(files);
    expect(errors).toHaveLength(2);
    expect(errors.some((error) => error.startsWith('manifest.json: /accentColor must match pattern'))).toBe(true);
    expect(errors.some((error) => error.startsWith('manifest.json: /name/short must NOT have more than 30 characters'))).toBe(true);
  });

  it('refuses a manifest whose ids are not GUIDs', async () => {
    const sources = await readManifestSources();
    if (!sources.ok) throw new Error(sources.errors.join('\n'));
    const filled = fillPlaceholders(sources.value.manifest, { ...TEST_VALUES, BOT_ID: 'my-bot' });
    if (!filled.ok) throw new Error(filled.errors.join('\n'));
    const files = new Map([['manifest.json', Buffer.from(JSON.stringify(filled.value))], ...sources.value.files]);
    const errors = await checkAppPackage(files);
    // The bot and its message extensions name the same bot id.
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^manifest\.json: \/bots\/0\/botId must match pattern/);
    expect(errors[1]).toMatch(/^manifest\.json: \/composeExtensions\/0\/botId must match pattern/);
  });

  it('refuses a manifest with placeholders left in', async () => {
    const sources = await readManifestSources();
    if (!sources.ok) throw new Error(sources.errors.join('\n'));
    const files = new Map([['manifest.json', Buffer.from(JSON.stringify(sources.value.manifest))], ...sources.value.files]);
    const errors = await checkAppPackage(files);
    expect(errors[0]).toBe('manifest.json: placeholders not filled in: ${{TEAMS_APP_ID}}, ${{BOT_ID}}, ${{BOT_DOMAIN}}');
  });

  it('refuses a manifest pointing at a schema that is not shipped, rather than fetching it', async () => {
    const files = await filledPackageFiles();
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as Json;
    manifest.$schema = 'https://example.org/MicrosoftTeams.schema.json';
    files.set('manifest.json', Buffer.from(JSON.stringify(manifest)));
    expect((await checkAppPackage(files))[0]).toMatch(/^manifest\.json: \$schema must be https:\/\/developer\.microsoft\.com/);
  });

  it('refuses missing and stray files', async () => {
    const files = await filledPackageFiles();
    files.delete('outline.png');
    files.set('notes.txt', Buffer.from('hello'));
    expect(await checkAppPackage(files)).toEqual([
      'outline.png: missing',
      'notes.txt: not referenced by manifest.json; it does not belong in the package',
    ]);
  });
});

describe('fillPlaceholders', () => {
  it('fills placeholders anywhere in strings and reports unknown ones', () => {
    expect(fillPlaceholders({ a: ['x-${{BOT_ID}}'], b: 1 }, { BOT_ID: 'id' })).toEqual({ ok: true, value: { a: ['x-id'], b: 1 } });
    expect(fillPlaceholders({ a: '${{NOPE}}' }, {})).toEqual({
      ok: false,
      errors: ['unknown placeholder ${{NOPE}}: fill it in or remove it'],
    });
  });
});

describe('escapeLoneBrackets', () => {
  it.each([
    ['^a\\[\\b([0-9])\\b]$', '^a\\[\\b([0-9])\\b\\]$'],
    ['^[a-z]]$', '^[a-z]\\]$'],
    ['^[\\]a]$', '^[\\]a]$'],
    ['^x$', '^x$'],
  ])('turns %s into %s, valid with the u flag', (pattern, expected) => {
    expect(escapeLoneBrackets(pattern)).toBe(expected);
    expect(() => new RegExp(expected, 'u')).not.toThrow();
  });
});
