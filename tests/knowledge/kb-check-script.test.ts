import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { organisationFile, tempKnowledgeDir } from './knowledge-files.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const tsx = path.join(repo, 'node_modules', '.bin', 'tsx');
const script = path.join(repo, 'scripts', 'kb-check.ts');

async function kbCheck(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(tsx, [script, ...args], { cwd: repo });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run kb:check', () => {
  it('prints the counts per kind and exits 0 for a valid folder, checking quotes with --sources', async () => {
    const fixture = path.join(repo, 'tests', 'fixtures', 'kb-other');
    const result = await kbCheck(fixture, '--sources', path.join(fixture, 'sources'));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('knowledge: OK: 2 file(s)');
    expect(result.stdout).toMatch(/^ {2}roles: 6$/m);
    expect(result.stdout).toMatch(/^ {2}postings: 2$/m);
  });

  it('prints each problem on its own line with file and JSON path, and exits 1', async () => {
    const file = organisationFile();
    file.roles[1]!.reportsTo = ['nobody'];
    file.units[1]!.parent = 'nowhere';
    const dir = await tempKnowledgeDir({ 'a.json': JSON.stringify(file) });
    const result = await kbCheck(dir);
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(new RegExp(`^knowledge: ${path.join(dir, 'a.json')}: units\\[1\\]\\.parent: no unit or municipality with id "nowhere"`)),
      expect.stringMatching(new RegExp(`^knowledge: ${path.join(dir, 'a.json')}: roles\\[1\\]\\.reportsTo\\[0\\]: no role, unit or leadership group with id "nobody"`)),
      `kb-check: 2 problem(s) in ${dir}`,
    ]);
  });

  it('reports a quote that is not in its source document and exits 1', async () => {
    const dir = await tempKnowledgeDir({ 'a.json': JSON.stringify(organisationFile()), 'sources/doc-a.txt': 'Something else entirely.' });
    const result = await kbCheck(dir, '--sources', path.join(dir, 'sources'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`knowledge: ${path.join(dir, 'sources', 'doc-a.txt')}: testby: source: the quote does not occur in doc-a.txt`);
  });

  it('checks the quotes against <dir>/sources by default, and says so when that folder is missing', async () => {
    const text = JSON.stringify(organisationFile());
    const withSources = await tempKnowledgeDir({ 'a.json': text, 'sources/doc-a.txt': 'Lorem ipsum dolor. Leder huset.' });
    const ok = await kbCheck(withSources);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(`every quote found in ${path.join(withSources, 'sources')}`);

    const without = await tempKnowledgeDir({ 'a.json': text });
    const missing = await kbCheck(without);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`knowledge: ${path.join(without, 'sources')}: the source documents folder is missing (fix:`);
    expect((await kbCheck(without, '--no-sources')).code).toBe(0);
  });

  it('passes on the shipped knowledge base with its own documents in data/sources', async () => {
    const result = await kbCheck(path.join(repo, 'data'));
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(`every quote found in ${path.join(repo, 'data', 'sources')}`);
  });
});
