/**
 * A small, invented knowledge base for end-to-end tests (not real data): one municipality, two roles,
 * a reporting line, a posting with an application deadline, a policy. Written to a temp dir so the
 * real loader reads it.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { KnowledgeFile } from '../../src/knowledge/schemas.js';

export const TEST_DOC = {
  profile: { id: 'test-001-lederprofil.txt', title: 'Lederprofil for Testrup Dagtilbud', titleEn: 'Leadership profile of Testrup Day Care' },
  posting: { id: 'test-002-stillingsopslag.txt', title: 'Stillingsopslag: Pædagogisk leder til Solsikken', titleEn: 'Job posting: Pedagogical leader for Solsikken' },
} as const;

const profileSource = (quote: string) => ({ doc: TEST_DOC.profile.id, quote });
const postingSource = (quote: string) => ({ doc: TEST_DOC.posting.id, quote });

/** The fixture as a knowledge file. */
export const TEST_KNOWLEDGE: KnowledgeFile = {
  documents: [
    { ...TEST_DOC.profile, municipality: 'testrup', kind: 'leadership-profile' },
    { ...TEST_DOC.posting, municipality: 'testrup', kind: 'job-posting', date: '2026-03-02' },
  ],
  municipalities: [
    {
      id: 'testrup',
      name: 'Testrup Kommune',
      names: ['Testrup'],
      labelEn: 'Testrup Municipality',
      namesEn: [],
      figures: [],
      source: profileSource('Testrup Kommune har 12 dagtilbud'),
    },
  ],
  units: [
    {
      id: 'testrup-dagtilbud',
      name: 'Testrup Dagtilbud',
      names: [],
      labelEn: 'Testrup Day Care',
      namesEn: [],
      municipality: 'testrup',
      type: 'centre',
      ledBy: ['testrup-dagtilbudschef'],
      figures: [],
      facts: [],
      source: profileSource('Testrup Dagtilbud ledes af dagtilbudschefen'),
    },
    {
      id: 'testrup-solsikken',
      name: 'Solsikken',
      names: ['Børnehuset Solsikken'],
      labelEn: 'Solsikken',
      namesEn: [],
      municipality: 'testrup',
      type: 'institution',
      parent: 'testrup-dagtilbud',
      ledBy: ['testrup-paedagogisk-leder'],
      figures: [],
      facts: [],
      source: postingSource('Solsikken er et børnehus med 80 børn'),
    },
  ],
  roles: [
    {
      id: 'testrup-dagtilbudschef',
      name: 'Dagtilbudschef',
      names: ['dagtilbudschefen'],
      labelEn: 'head of day care',
      namesEn: [],
      municipality: 'testrup',
      unit: 'testrup-dagtilbud',
      reportsTo: [],
      responsibilities: [],
      competences: [],
      education: [],
      conditions: [],
      source: profileSource('Dagtilbudschefen har det overordnede ansvar'),
    },
    {
      id: 'testrup-paedagogisk-leder',
      name: 'Pædagogisk leder',
      names: ['pædagogiske leder', 'pædagogisk leder'],
      labelEn: 'pedagogical leader',
      namesEn: [],
      municipality: 'testrup',
      unit: 'testrup-solsikken',
      reportsTo: ['testrup-dagtilbudschef'],
      responsibilities: [
        {
          da: 'Den daglige pædagogiske ledelse af Solsikken',
          en: 'The daily pedagogical leadership of Solsikken',
          source: postingSource('den daglige pædagogiske ledelse af Solsikken'),
        },
      ],
      competences: [],
      education: [],
      conditions: [],
      source: postingSource('Pædagogisk leder til Solsikken'),
    },
  ],
  reportingLines: [
    {
      id: 'testrup-leder-til-chef',
      from: 'testrup-paedagogisk-leder',
      to: 'testrup-dagtilbudschef',
      text: { da: 'Den pædagogiske leder refererer til dagtilbudschefen.', en: 'The pedagogical leader reports to the head of day care.' },
      source: profileSource('Den pædagogiske leder refererer til dagtilbudschefen'),
    },
  ],
  postings: [
    {
      id: 'testrup-opslag-solsikken',
      name: 'Pædagogisk leder til Solsikken',
      names: [],
      labelEn: 'pedagogical leader for Solsikken',
      namesEn: [],
      municipality: 'testrup',
      role: 'testrup-paedagogisk-leder',
      unit: 'testrup-solsikken',
      requirements: [],
      offers: [],
      conditions: [],
      contacts: [],
      source: postingSource('Pædagogisk leder til Solsikken'),
    },
  ],
  dates: [
    {
      id: 'testrup-frist-solsikken',
      date: '2026-04-06',
      precision: 'day',
      kind: 'application-deadline',
      about: 'testrup-opslag-solsikken',
      label: { da: 'Ansøgningsfrist', en: 'Application deadline' },
      source: postingSource('Ansøgningsfrist mandag den 6. april 2026'),
    },
  ],
};

/** Writes the fixture into `dir` (created if needed) and returns `dir`. */
export async function writeTestKnowledge(dir: string, file: KnowledgeFile = TEST_KNOWLEDGE): Promise<string> {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'testrup.json'), JSON.stringify(file, null, 2));
  return dir;
}
