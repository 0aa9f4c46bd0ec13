/**
 * Small, valid knowledge files for loader tests. Each call returns fresh objects, so a test can
 * break its own copy without touching any other test's.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, onTestFinished } from 'vitest';
import type { KnowledgeError, KnowledgeFileInput, LoadResult } from '../../src/knowledge/load-knowledge.js';
import { formatKnowledgeError, parseKnowledgeFiles } from '../../src/knowledge/load-knowledge.js';

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

/**
 * `a.json` extended with time: a reorganisation on 2027-08-01 (the leader's line moves from the head
 * to a new district head), a deputy with a conditional line, a monthly meeting, a seminar, a budget
 * deadline, an appraisal period, the committee's decision and figures before and after.
 */
export function timelineFile() {
  const file = organisationFile();
  const leader = file.roles[1]!;
  leader.reportsTo = [];
  const text = (da: string, en: string) => ({ da, en });
  return {
    ...file,
    units: [
      ...file.units.map((unit) =>
        unit.id === 'centret'
          ? {
              ...unit,
              figures: [
                { metric: 'deputies' as const, value: 9, asOf: '2027-01-01', text: text('9 souschefer', '9 deputies'), source: source() },
                { metric: 'deputies' as const, value: 13, validFrom: '2027-08-01', text: text('13 souschefer', '13 deputies'), source: source() },
              ],
            }
          : unit,
      ),
      { id: 'udvalget', name: 'Udvalget', labelEn: 'the committee', type: 'committee' as const, parent: 'testby', source: source() },
      { id: 'distrikt', name: 'Distriktet', labelEn: 'the district', type: 'district' as const, parent: 'centret', validFrom: '2027-08-01', source: source() },
    ],
    roles: [
      ...file.roles,
      { id: 'distriktschef', name: 'distriktschef', labelEn: 'district head', unit: 'distrikt', validFrom: '2027-08-01', source: source() },
      { id: 'souschef', name: 'souschef', labelEn: 'deputy leader', unit: 'huset', source: source() },
    ],
    reportingLines: [
      { id: 'l-leder-chef', from: 'leder', to: 'chef', validUntil: '2027-07-31', text: text('Lederen refererer til chefen.', 'The leader reports to the head.'), source: source() },
      { id: 'l-leder-distrikt', from: 'leder', to: 'distriktschef', validFrom: '2027-08-01', text: text('Lederen refererer til distriktschefen.', 'The leader reports to the district head.'), source: source() },
      { id: 'l-distrikt-chef', from: 'distriktschef', to: 'chef', validFrom: '2027-08-01', text: text('Distriktschefen refererer til chefen.', 'The district head reports to the head.'), source: source() },
      { id: 'l-sous-leder', from: 'souschef', to: 'leder', text: text('Souschefen refererer til lederen.', 'The deputy reports to the leader.'), source: source() },
      {
        id: 'l-sous-distrikt',
        from: 'souschef',
        to: 'distriktschef',
        validFrom: '2027-08-01',
        condition: text('når lederen er fraværende i mere end fem arbejdsdage', 'while the leader is absent for more than five working days'),
        text: text('Souschefen refererer til distriktschefen under lederens fravær.', 'The deputy reports to the district head while the leader is away.'),
        source: source(),
      },
    ],
    people: [
      { id: 'anne', name: 'Anne Andersen', title: text('leder', 'leader'), role: 'leder', validUntil: '2027-07-31', source: source() },
      { id: 'bo', name: 'Bo Bech', title: text('leder', 'leader'), role: 'leder', validFrom: '2027-08-01', contactFor: ['doc-a.txt'], source: source() },
    ],
    deputies: [
      {
        id: 'd-sous-leder',
        deputy: 'souschef',
        for: 'leder',
        condition: text('når lederen er fraværende i mere end fem arbejdsdage', 'while the leader is absent for more than five working days'),
        text: text('Souschefen er lederens stedfortræder.', "The deputy stands in for the leader."),
        source: source(),
      },
    ],
    meetings: [
      {
        id: 'ledermoede',
        name: 'ledermøde',
        labelEn: 'leaders meeting',
        recurrence: { rrule: 'FREQ=MONTHLY;BYDAY=1TU', start: '2027-01-01', time: '09:00', endTime: '11:00', exceptDates: ['2027-06-01'] },
        validUntil: '2027-06-30',
        chair: 'chef',
        place: 'Rådhuset',
        participants: ['leder', { ref: 'souschef', asNeeded: true, note: text('efter behov', 'as needed') }],
        source: source(),
      },
      { id: 'seminar', name: 'seminar', labelEn: 'seminar', recurrence: { dates: ['2027-03-11'] }, participants: ['chef'], source: source() },
    ],
    dates: [
      { id: 'budgetfrist', date: '2027-03-15', kind: 'budget-deadline' as const, about: 'centret', label: text('Budgetønsker afleveres', 'Budget requests due'), subject: text('budgetønsker', 'budget requests'), source: source() },
      { id: 'mus', date: '2027-02-15', end: '2027-04-30', kind: 'period' as const, about: 'centret', label: text('MUS-periode', 'Appraisal period'), source: source() },
    ],
    decisions: [
      {
        id: 'beslutning',
        name: 'Beslutning om distrikter',
        labelEn: 'Decision on districts',
        body: 'udvalget',
        date: '2027-03-10',
        appliesFrom: '2027-08-01',
        decided: [{ ...text('Distriktet oprettes.', 'The district is created.'), source: source() }],
        changes: ['distrikt', 'l-leder-distrikt'],
        vote: { for: 6, against: 3 },
        source: source(),
      },
    ],
  };
}

/**
 * Lines to one unit's holder: clusters Nord and Kyst (one klyngeleder each), houses Strand (Kyst, to Nord on
 * 2027-03-01, when its coordinator reports to Nord's klyngeleder) and Bakke (Nord), and a calendar for 2027.
 */
export function clusterFile() {
  const source = (quote = 'Lorem ipsum dolor', doc = 'doc-a.txt') => ({ doc, quote });
  const text = (da: string, en: string) => ({ da, en });
  return {
    documents: [
      { id: 'doc-a.txt', title: 'Dokument A', titleEn: 'Document A', municipality: 'testby', kind: 'other' as const },
      {
        id: 'aarshjul.txt',
        title: 'Årshjul 2027',
        titleEn: 'Annual calendar 2027',
        municipality: 'testby',
        kind: 'calendar' as const,
        covers: { validFrom: '2027-01-01', validUntil: '2027-12-31', quote: 'Årshjul 2027' },
      },
    ],
    municipalities: [{ id: 'testby', name: 'Testby Kommune', labelEn: 'Testby Municipality', source: source() }],
    units: [
      { id: 'centret', name: 'Centret', labelEn: 'the centre', type: 'centre' as const, parent: 'testby', ledBy: ['chef'], source: source() },
      { id: 'nord', name: 'Klynge Nord', names: ['Nord'], labelEn: 'Cluster North', type: 'cluster' as const, parent: 'centret', ledBy: ['klyngeleder'], source: source() },
      { id: 'kyst', name: 'Klynge Kyst', names: ['Kyst'], labelEn: 'Cluster Coast', type: 'cluster' as const, parent: 'centret', ledBy: ['klyngeleder'], validUntil: '2027-02-28', source: source() },
      {
        id: 'strand',
        name: 'Huset Strand',
        names: ['Strand'],
        labelEn: 'House Strand',
        type: 'house' as const,
        parent: 'kyst',
        parents: [{ ref: 'kyst', validUntil: '2027-02-28' }, { ref: 'nord', validFrom: '2027-03-01' }],
        ledBy: ['koordinator'],
        source: source(),
      },
      { id: 'bakke', name: 'Huset Bakke', names: ['Bakke'], labelEn: 'House Bakke', type: 'house' as const, parent: 'nord', ledBy: ['koordinator'], source: source() },
    ],
    roles: [
      { id: 'chef', name: 'chef', labelEn: 'head', unit: 'centret', source: source() },
      { id: 'klyngeleder', name: 'klyngeleder', labelEn: 'cluster leader', unit: 'centret', source: source() },
      { id: 'koordinator', name: 'koordinator', labelEn: 'coordinator', unit: 'centret', source: source() },
    ],
    reportingLines: [
      { id: 'l-klynge-chef', from: 'klyngeleder', to: 'chef', text: text('Klyngelederne refererer til chefen.', 'The cluster leaders report to the head.'), source: source() },
      { id: 'l-koord-klynge', from: 'koordinator', to: 'klyngeleder', text: text('Koordinatoren refererer til klyngelederen.', 'The coordinator reports to the cluster leader.'), source: source() },
      {
        id: 'l-strand-nord',
        from: 'koordinator',
        to: 'klyngeleder',
        toUnit: 'nord',
        appliesTo: { units: ['strand'] },
        validFrom: '2027-03-01',
        text: text('Fra 1. marts 2027 refererer koordinatoren i Strand til klyngelederen for Nord.', 'From 1 March 2027 the coordinator in Strand reports to the cluster leader of Nord.'),
        source: source(),
      },
    ],
    people: [
      { id: 'sanne', name: 'Sanne Sand', title: text('klyngeleder', 'cluster leader'), role: 'klyngeleder', unit: 'nord', source: source() },
      { id: 'lone', name: 'Lone Lyng', title: text('klyngeleder', 'cluster leader'), role: 'klyngeleder', unit: 'kyst', validUntil: '2027-02-28', source: source() },
      { id: 'tove', name: 'Tove Tang', title: text('koordinator', 'coordinator'), role: 'koordinator', unit: 'strand', source: source() },
    ],
    meetings: [
      {
        id: 'klyngemoede',
        name: 'klyngemøde',
        labelEn: 'cluster meeting',
        recurrence: { rrule: 'FREQ=MONTHLY;BYDAY=1TU', start: '2027-01-01', time: '09:00' },
        participants: ['klyngeleder'],
        source: source('Klyngemøde første tirsdag i måneden', 'aarshjul.txt'),
      },
    ],
  };
}

/** The errors of a load that was expected to fail. */
export function errorsOf(result: LoadResult): KnowledgeError[] {
  if (result.ok) throw new Error('expected the knowledge files to be rejected, but they loaded');
  return result.errors;
}

/** The one error a knowledge file is rejected with (fails when it loads or has several). */
export function onlyError(file: unknown): KnowledgeError {
  const errors = errorsOf(parseKnowledgeFiles(inputs(file)));
  expect(errors.map(formatKnowledgeError)).toHaveLength(1);
  return errors[0] as KnowledgeError;
}
