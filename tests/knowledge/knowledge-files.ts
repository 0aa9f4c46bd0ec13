/**
 * Small, valid knowledge files for loader tests. Each call returns fresh objects, so a test can
 * break its own copy without touching any other test's.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import type { KnowledgeFileInput } from '../../src/knowledge/load-knowledge.js';

const source = (quote = 'Lorem ipsum dolor') => ({ doc: 'doc-a.txt', quote });

/** `a.json`: a document, a municipality, two units and two roles in a reporting line. */
export function organisationFile() {
  return {
    documents: [
      { id: 'doc-a.txt', title: 'Dokument A', titleEn: 'Document A', municipality: 'testby', kind: 'other' as const },
    ],
    municipalities: [{ id: 'testby', name: 'Testby Kommune', labelEn: 'Testby Municipality', source: source() }],
    units: [
      { id: 'centret', name: 'Centret', labelEn: 'the centre', type: 'centre' as const, parent: 'testby', source: source() },
      { id: 'huset', name: 'Huset', labelEn: 'the house', type: 'house' as const, parent: 'centret', source: source() },
    ],
    roles: [
      { id: 'chef', name: 'chef', labelEn: 'head', unit: 'centret', source: source() },
      {
        id: 'leder',
        name: 'leder',
        labelEn: 'leader',
        unit: 'huset',
        reportsTo: ['chef'],
        responsibilities: [{ da: 'Leder huset.', en: 'Leads the house.', source: source('Leder huset') }],
        source: source(),
      },
    ],
  };
}

/** `b.json`: a person, a posting and its dates, all pointing into `a.json`. */
export function postingFile() {
  return {
    people: [
      {
        id: 'kontakt',
        name: 'Kim Kontakt',
        title: { da: 'chef', en: 'head' },
        role: 'chef',
        phone: '12 34 56 78',
        contactFor: ['stilling'],
        source: source(),
      },
    ],
    postings: [
      { id: 'stilling', name: 'Leder til Huset', labelEn: 'Leader for the house', role: 'leder', unit: 'huset', contacts: ['kontakt'], source: source() },
    ],
    dates: [
      {
        id: 'frist',
        date: '2026-03-01',
        kind: 'application-deadline' as const,
        about: 'stilling',
        label: { da: 'Ansøgningsfrist', en: 'Application deadline' },
        source: source(),
      },
    ],
  };
}

/** Knowledge file inputs as the loader sees them, one per object, named `a.json`, `b.json`, ... */
export function inputs(...files: unknown[]): KnowledgeFileInput[] {
  return files.map((file, index) => ({ file: `${String.fromCharCode(97 + index)}.json`, text: JSON.stringify(file, null, 2) }));
}

/** A fresh temporary folder holding the given files (name -> text), removed when the test finishes. */
export async function tempKnowledgeDir(files: Readonly<Record<string, string>>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'kb-test-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text, 'utf8');
  }
  return dir;
}
