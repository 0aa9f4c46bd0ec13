import { symlink } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KnowledgeError, LoadResult } from '../../src/knowledge/load-knowledge.js';
import {
  formatKnowledgeError,
  loadKnowledge,
  loadKnowledgeOrThrow,
  parseKnowledgeFiles,
} from '../../src/knowledge/load-knowledge.js';
import { inputs, organisationFile, postingFile, tempKnowledgeDir } from './knowledge-files.js';

function errorsOf(result: LoadResult): KnowledgeError[] {
  if (result.ok) throw new Error('expected the knowledge files to be rejected, but they loaded');
  return result.errors;
}

/** The one error reported, checked to be the only one. */
function onlyError(result: LoadResult): KnowledgeError {
  const errors = errorsOf(result);
  expect(errors.map(formatKnowledgeError)).toHaveLength(1);
  return errors[0] as KnowledgeError;
}

describe('parseKnowledgeFiles', () => {
  it('merges valid files whose references cross files', () => {
    const result = parseKnowledgeFiles(inputs(organisationFile(), postingFile()));
    if (!result.ok) throw new Error(result.errors.map(formatKnowledgeError).join('\n'));
    expect(result.files).toEqual(['a.json', 'b.json']);
    expect(result.kb.get('stilling')?.kind).toBe('postings');
    expect(result.kb.data.roles.map((role) => role.id)).toEqual(['chef', 'leder']);
    expect(result.kb.documents.get('doc-a.txt')?.title).toBe('Dokument A');
  });

  it('names the file, line and column of malformed JSON', () => {
    const text = '{\n  "roles": [\n    { "id": "chef" }\n    { "id": "leder" }\n  ]\n}\n';
    const error = onlyError(parseKnowledgeFiles([{ file: 'data/roles.json', text }]));
    expect(error.file).toBe('data/roles.json');
    expect(error.message).toMatch(/malformed JSON at line 4, column 5/);
    expect(error.message).toContain('expected "," or "]"');
  });

  it('reports a trailing comma where it is', () => {
    const error = onlyError(parseKnowledgeFiles([{ file: 'x.json', text: '{\n  "roles": [],\n}' }]));
    expect(error.message).toMatch(/line 3, column 1: a comma before "}"/);
  });

  it('reports a value of the wrong type with its JSON path', () => {
    const file = organisationFile();
    (file.roles[1] as Record<string, unknown>).name = 5;
    const error = onlyError(parseKnowledgeFiles(inputs(file)));
    expect(error).toMatchObject({ file: 'a.json', path: 'roles[1].name' });
    expect(error.message).toMatch(/expected string/);
    expect(error.message).toContain('(got 5)');
  });

  it('reports a missing required field', () => {
    const file = organisationFile();
    delete (file.units[0] as Record<string, unknown>).labelEn;
    const error = onlyError(parseKnowledgeFiles(inputs(file)));
    expect(error).toMatchObject({ file: 'a.json', path: 'units[0].labelEn' });
    expect(error.message).toMatch(/is missing/);
  });

  it('rejects an id that is not kebab-case, quoting it', () => {
    const file = organisationFile();
    file.roles[0]!.id = 'Dagtilbudschef';
    const errors = errorsOf(parseKnowledgeFiles(inputs(file)));
    expect(errors[0]).toMatchObject({ file: 'a.json', path: 'roles[0].id' });
    expect(errors[0]?.message).toMatch(/kebab-case id.*got "Dagtilbudschef"/);
  });

  it.each([
    ['2026-02-30', /not a real calendar date/],
    ['6. april 2026', /YYYY-MM-DD/],
  ])('rejects the date %s', (date, message) => {
    const file = postingFile();
    file.dates[0]!.date = date;
    const errors = errorsOf(parseKnowledgeFiles(inputs(organisationFile(), file)));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'b.json', path: 'dates[0].date' });
    expect(errors[0]?.message).toMatch(message);
  });

  it('rejects an unknown kind at the top of a file', () => {
    const error = onlyError(parseKnowledgeFiles(inputs({ ...organisationFile(), rolles: [] })));
    expect(error).toMatchObject({ file: 'a.json', path: 'rolles' });
    expect(error.message).toMatch(/unknown kind "rolles".*documents, municipalities/);
  });

  it('rejects a misspelt field inside an item instead of dropping it', () => {
    const file = organisationFile();
    (file.roles[1] as Record<string, unknown>).reportTo = ['chef'];
    const error = onlyError(parseKnowledgeFiles(inputs(file)));
    expect(error).toMatchObject({ file: 'a.json', path: 'roles[1].reportTo' });
    expect(error.message).toMatch(/unknown field "reportTo"/);
  });

  it('reports every schema problem of every file at once', () => {
    const a = organisationFile();
    a.roles[0]!.id = 'Bad Id';
    const b = postingFile();
    b.dates[0]!.date = '2026-13-01';
    const errors = errorsOf(parseKnowledgeFiles(inputs(a, b)));
    expect(errors.map((e) => `${e.file}:${e.path}`)).toEqual(['a.json:roles[0].id', 'b.json:dates[0].date']);
  });

  it('names a dangling reference, what it may point to and the closest id', () => {
    const file = organisationFile();
    file.roles[1]!.reportsTo = ['chefen'];
    const error = onlyError(parseKnowledgeFiles(inputs(file)));
    expect(error).toMatchObject({ file: 'a.json', path: 'roles[1].reportsTo[0]' });
    expect(error.message).toBe(
      'no role, unit or leadership group with id "chefen" (fix: add a role, unit or leadership group with this id, or correct the reference; did you mean "chef"?)',
    );
    expect(formatKnowledgeError(error)).toBe(`knowledge: a.json: roles[1].reportsTo[0]: ${error.message}`);
  });

  it('names a dangling reference in another file', () => {
    const file = postingFile();
    file.postings[0]!.role = 'pedel';
    const error = onlyError(parseKnowledgeFiles(inputs(organisationFile(), file)));
    expect(error).toMatchObject({ file: 'b.json', path: 'postings[0].role' });
    expect(error.message).toMatch(/^no role with id "pedel"/);
  });

  it('rejects a reference to an item of the wrong kind', () => {
    const file = postingFile();
    file.people[0]!.role = 'huset';
    const error = onlyError(parseKnowledgeFiles(inputs(organisationFile(), file)));
    expect(error).toMatchObject({ file: 'b.json', path: 'people[0].role' });
    expect(error.message).toMatch(/^"huset" is a unit, but role must name a role/);
  });

  it('checks references in lists of objects (leadership group members)', () => {
    const file = { ...organisationFile(), leadershipGroups: [{ id: 'ledelsen', name: 'Ledelsen', labelEn: 'management', members: [{ ref: 'chef' }, { ref: 'frist' }], source: { doc: 'doc-a.txt', quote: 'Lorem ipsum' } }] };
    const error = onlyError(parseKnowledgeFiles(inputs(file)));
    expect(error).toMatchObject({ file: 'a.json', path: 'leadershipGroups[0].members[1].ref' });
    expect(error.message).toMatch(/no role, unit or leadership group with id "frist"/);
  });

  it('names both files when an id is used twice', () => {
    const file = postingFile();
    file.people[0]!.id = 'chef';
    file.postings[0]!.contacts = ['chef'];
    const errors = errorsOf(parseKnowledgeFiles(inputs(organisationFile(), file)));
    expect(errors[0]).toMatchObject({ file: 'b.json', path: 'people[0].id' });
    expect(errors[0]?.message).toMatch(/duplicate id "chef": already used by roles\[0\] in a\.json/);
  });

  it('rejects a duplicate id across kinds in one file', () => {
    const file = organisationFile();
    file.units[1]!.id = 'leder';
    file.roles[1]!.unit = 'centret';
    const errors = errorsOf(parseKnowledgeFiles(inputs(file)));
    expect(errors[0]).toMatchObject({ file: 'a.json', path: 'roles[1].id' });
    expect(errors[0]?.message).toMatch(/duplicate id "leder": already used by units\[1\] in a\.json/);
  });

  it('rejects a document declared twice', () => {
    const error = onlyError(parseKnowledgeFiles(inputs(organisationFile(), { documents: organisationFile().documents })));
    expect(error).toMatchObject({ file: 'b.json', path: 'documents[0].id' });
    expect(error.message).toMatch(/duplicate document "doc-a.txt": already declared at documents\[0\] in a\.json/);
  });

  it('rejects a source that names an unknown document, wherever the source sits', () => {
    const file = organisationFile();
    file.roles[1]!.responsibilities![0]!.source.doc = 'doc-b.txt';
    const error = onlyError(parseKnowledgeFiles(inputs(file)));
    expect(error).toMatchObject({ file: 'a.json', path: 'roles[1].responsibilities[0].source.doc' });
    expect(error.message).toMatch(/^no document with id "doc-b.txt".*did you mean "doc-a.txt"/);
  });

  it('rejects a cycle of reporting lines across reportsTo and reportingLines', () => {
    const file = {
      ...organisationFile(),
      reportingLines: [
        { id: 'linje', from: 'chef', to: 'leder', text: { da: 'Chefen refererer til lederen', en: 'x' }, source: { doc: 'doc-a.txt', quote: 'Lorem' } },
      ],
    };
    const error = onlyError(parseKnowledgeFiles(inputs(file)));
    expect(error.file).toBe('a.json');
    expect(['roles[1].reportsTo[0]', 'reportingLines[0].to']).toContain(error.path);
    expect(error.message).toMatch(/^reporting cycle: (chef -> leder -> chef|leder -> chef -> leder)/);
  });

  it('rejects a role that reports to itself', () => {
    const file = organisationFile();
    file.roles[0] = { ...file.roles[0]!, reportsTo: ['chef'] } as (typeof file.roles)[number];
    const error = onlyError(parseKnowledgeFiles(inputs(file)));
    expect(error).toMatchObject({ file: 'a.json', path: 'roles[0].reportsTo[0]' });
    expect(error.message).toMatch(/^reporting cycle: chef -> chef/);
  });

  it('rejects units that are each inside the other', () => {
    const file = organisationFile();
    file.units[0]!.parent = 'huset';
    const error = onlyError(parseKnowledgeFiles(inputs(file)));
    expect(error.message).toMatch(/^unit parent cycle: (centret -> huset -> centret|huset -> centret -> huset)/);
    expect(error.path).toMatch(/^units\[[01]\]\.parent$/);
  });

  it('rejects a period that ends before it starts', () => {
    const file = postingFile();
    Object.assign(file.dates[0]!, { end: '2026-02-01' });
    const error = onlyError(parseKnowledgeFiles(inputs(organisationFile(), file)));
    expect(error).toMatchObject({ file: 'b.json', path: 'dates[0].end' });
    expect(error.message).toMatch(/ends \(2026-02-01\) before it starts \(2026-03-01\)/);
  });

  it('rejects an empty list of files', () => {
    expect(onlyError(parseKnowledgeFiles([])).message).toMatch(/no knowledge files/);
  });
});

describe('loadKnowledge', () => {
  it('loads every *.json in the folder and ignores sub-folders and other files', async () => {
    const dir = await tempKnowledgeDir({
      'a.json': JSON.stringify(organisationFile()),
      'b.json': JSON.stringify(postingFile()),
      'schema/knowledge-file.schema.json': '{"not": "a knowledge file"}',
      'sources/notes.json': '{ broken',
      'README.md': '# not knowledge',
    });
    const result = await loadKnowledge(dir);
    if (!result.ok) throw new Error(result.errors.map(formatKnowledgeError).join('\n'));
    expect(result.files).toEqual([path.join(dir, 'a.json'), path.join(dir, 'b.json')]);
    expect(result.kb.get('frist')?.kind).toBe('dates');
  });

  it('names the file that holds malformed JSON', async () => {
    const dir = await tempKnowledgeDir({ 'a.json': JSON.stringify(organisationFile()), 'b.json': '{ "people": [ }' });
    const error = onlyError(await loadKnowledge(dir));
    expect(error.file).toBe(path.join(dir, 'b.json'));
    expect(error.message).toMatch(/malformed JSON at line 1, column 15/);
  });

  it('reports a file it cannot read', async () => {
    const dir = await tempKnowledgeDir({ 'a.json': JSON.stringify(organisationFile()) });
    await symlink(path.join(dir, 'missing-target'), path.join(dir, 'broken.json'));
    const error = onlyError(await loadKnowledge(dir));
    expect(error.file).toBe(path.join(dir, 'broken.json'));
    expect(error.message).toMatch(/^cannot read the file/);
  });

  it('says plainly that a folder without knowledge files is empty', async () => {
    const dir = await tempKnowledgeDir({ 'schema/knowledge-file.schema.json': '{}' });
    const error = onlyError(await loadKnowledge(dir));
    expect(error.file).toBe(dir);
    expect(error.message).toMatch(/^no knowledge files \(\*\.json\) in this folder \(fix: /);
  });

  it('says plainly that the folder does not exist', async () => {
    const dir = path.join(await tempKnowledgeDir({}), 'nowhere');
    const error = onlyError(await loadKnowledge(dir));
    expect(error.file).toBe(dir);
    expect(error.message).toMatch(/^cannot read the knowledge folder: .*ENOENT.*KNOWLEDGE_DIR/);
  });
});

describe('loadKnowledgeOrThrow', () => {
  it('returns the knowledge base when the files are valid', async () => {
    const dir = await tempKnowledgeDir({ 'a.json': JSON.stringify(organisationFile()) });
    const kb = await loadKnowledgeOrThrow(dir);
    expect(kb.get('chef')?.kind).toBe('roles');
  });

  it('throws one error listing every problem, one per line', async () => {
    const a = organisationFile();
    a.roles[1]!.reportsTo = ['nobody'];
    const b = postingFile();
    b.postings[0]!.contacts = ['nobody-either'];
    const dir = await tempKnowledgeDir({ 'a.json': JSON.stringify(a), 'b.json': JSON.stringify(b) });
    const error = await loadKnowledgeOrThrow(dir).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(Error);
    const lines = error?.message.split('\n') ?? [];
    expect(lines[0]).toBe(`knowledge: 2 problem(s) in the knowledge files in ${dir}:`);
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(new RegExp(`^knowledge: ${path.join(dir, 'a.json')}: roles\\[1\\]\\.reportsTo\\[0\\]: no role, unit or leadership group with id "nobody"`)),
      expect.stringMatching(new RegExp(`^knowledge: ${path.join(dir, 'b.json')}: postings\\[0\\]\\.contacts\\[0\\]: no person with id "nobody-either"`)),
    ]);
  });

  it('checks every quote against <dir>/sources when that folder exists', async () => {
    const text = JSON.stringify(organisationFile());
    const good = await tempKnowledgeDir({ 'a.json': text, 'sources/doc-a.txt': 'Lorem ipsum dolor sit amet. Leder huset.' });
    expect((await loadKnowledgeOrThrow(good)).get('huset')?.kind).toBe('units');

    const bad = await tempKnowledgeDir({ 'a.json': text, 'sources/doc-a.txt': 'Something else entirely.' });
    const error = await loadKnowledgeOrThrow(bad).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toContain(`knowledge: ${path.join(bad, 'sources', 'doc-a.txt')}: testby: source: the quote does not occur in doc-a.txt`);
    expect((await loadKnowledgeOrThrow(bad, { sources: false })).get('huset')?.kind).toBe('units');
  });

  it('reports a source document missing from the sources folder given', async () => {
    const dir = await tempKnowledgeDir({ 'a.json': JSON.stringify(organisationFile()), 'docs/other.txt': 'x' });
    const error = await loadKnowledgeOrThrow(dir, { sources: path.join(dir, 'docs') }).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(/cannot read the source document .*doc-a\.txt/);
  });
});
