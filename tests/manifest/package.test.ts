import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { describe, expect, it, onTestFinished } from 'vitest';
import { MANIFEST_DIR, buildAppPackage, resolvePlaceholderValues } from '../../scripts/lib/app-package.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const ENV = {
  TEAMS_APP_ID: '0b6d1c2e-3f4a-4b5c-8d6e-7f8091a2b3c4',
  MicrosoftAppId: '9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a',
  BOT_DOMAIN: 'bot.example.org',
};
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A fresh temporary folder, removed when the current test ends. */
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'app-package-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

describe('buildAppPackage', () => {
  it('zips exactly manifest.json, en.json and the two icons, with the ids filled in', async () => {
    const result = await buildAppPackage({ env: ENV, dev: false });
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const zip = await JSZip.loadAsync(result.value.zip);
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'en.json', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as {
      id: string;
      bots: { botId: string }[];
      validDomains: string[];
    };
    expect(manifest.id).toBe(ENV.TEAMS_APP_ID);
    expect(manifest.bots[0]!.botId).toBe(ENV.MicrosoftAppId);
    expect(manifest.validDomains).toEqual(['bot.example.org']);
    expect(await zip.file('color.png')!.async('nodebuffer')).toEqual(await readFile(join(MANIFEST_DIR, 'color.png')));
    expect(await zip.file('en.json')!.async('string')).toBe(await readFile(join(MANIFEST_DIR, 'en.json'), 'utf8'));
  });

  it('builds the same bytes from the same inputs', async () => {
    const first = await buildAppPackage({ env: ENV, dev: false });
    const second = await buildAppPackage({ env: ENV, dev: false });
    if (!first.ok || !second.ok) throw new Error('package not built');
    expect(first.value.zip.equals(second.value.zip)).toBe(true);
  });

  it('refuses to build from an invalid manifest', async () => {
    const dir = await tempDir();
    await cp(MANIFEST_DIR, dir, { recursive: true });
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    delete manifest.developer;
    await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
    const result = await buildAppPackage({ env: ENV, dev: false, manifestDir: dir });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual([expect.stringMatching(/^manifest\.json: .*must have required property 'developer'/)]);
  });

  it('refuses to build without the ids, naming each one missing', async () => {
    const result = await buildAppPackage({ env: {}, dev: false });
    expect(!result.ok && result.errors.map((error) => error.split(' ')[0])).toEqual(['TEAMS_APP_ID', 'BOT_ID', 'BOT_DOMAIN']);
  });
});

describe('resolvePlaceholderValues', () => {
  it('prefers BOT_ID and falls back to MicrosoftAppId', () => {
    const both = resolvePlaceholderValues({ ...ENV, BOT_ID: ENV.MicrosoftAppId.toUpperCase() }, { dev: false });
    expect(both.ok && both.value.values.BOT_ID).toBe(ENV.MicrosoftAppId.toUpperCase());
    const fallback = resolvePlaceholderValues(ENV, { dev: false });
    expect(fallback.ok && fallback.value.values.BOT_ID).toBe(ENV.MicrosoftAppId);
  });

  it('refuses a BOT_ID that differs from MicrosoftAppId', () => {
    const result = resolvePlaceholderValues({ ...ENV, BOT_ID: ENV.TEAMS_APP_ID }, { dev: false });
    expect(!result.ok && result.errors).toEqual([expect.stringMatching(/^BOT_ID .* and MicrosoftAppId .* differ/)]);
  });

  it.each([
    [{ TEAMS_APP_ID: 'app' }, /^TEAMS_APP_ID must be a GUID/],
    [{ BOT_DOMAIN: 'https://bot.example.org/api/messages' }, /^BOT_DOMAIN must be a host name/],
  ])('refuses malformed values %o', (override, message) => {
    const result = resolvePlaceholderValues({ ...ENV, ...override }, { dev: false });
    expect(!result.ok && result.errors).toEqual([expect.stringMatching(message)]);
  });

  it('makes up only the missing values with --dev', () => {
    const result = resolvePlaceholderValues({ TEAMS_APP_ID: ENV.TEAMS_APP_ID }, { dev: true });
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.value.generated).toEqual(['BOT_ID', 'BOT_DOMAIN']);
    expect(result.value.values.TEAMS_APP_ID).toBe(ENV.TEAMS_APP_ID);
    expect(result.value.values.BOT_ID).toMatch(GUID);
    expect(result.value.values.BOT_DOMAIN).toBe('localhost');
  });
});

describe('npm run package (scripts/package-app.ts)', () => {
  const script = ['--import', 'tsx', join(root, 'scripts/package-app.ts')];
  const baseEnv = { PATH: process.env.PATH, HOME: process.env.HOME };

  it('writes the zip when the ids are set', async () => {
    const out = join(await tempDir(), 'nested', 'appPackage.zip');
    const { stdout } = await run(process.execPath, [...script, '--out', out], { cwd: root, env: { ...baseEnv, ...ENV } });
    expect(stdout).toContain(`Wrote ${out} (manifest.json, en.json, color.png, outline.png)`);
    const zip = await JSZip.loadAsync(await readFile(out));
    expect(Object.keys(zip.files)).toHaveLength(4);
  });

  it('exits with 1, lists the problems and writes nothing when the ids are missing', async () => {
    const out = join(await tempDir(), 'appPackage.zip');
    const failure = await run(process.execPath, [...script, '--out', out], { cwd: root, env: baseEnv }).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('The app package was not built:');
    expect(failure?.stderr).toContain('TEAMS_APP_ID is not set');
    await expect(readFile(out)).rejects.toThrow(/ENOENT/);
  });

  it('builds a dry-run package with --dev and says so', async () => {
    const out = join(await tempDir(), 'appPackage.zip');
    const { stdout, stderr } = await run(process.execPath, [...script, '--dev', '--out', out], { cwd: root, env: baseEnv });
    expect(stdout).toContain('Wrote');
    expect(stderr).toContain('--dev: made up TEAMS_APP_ID, BOT_ID, BOT_DOMAIN');
  });
});
