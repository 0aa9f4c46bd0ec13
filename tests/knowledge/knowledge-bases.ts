/**
 * The knowledge bases the knowledge tests run on, with what each is expected to answer: the real
 * one in `data/` (sources in data/sources) and the made-up Fjordby one in tests/fixtures/kb-other.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DateEntry, Figure } from '../../src/knowledge/schemas.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const inRepo = (...parts: string[]) => path.resolve(repo, ...parts);

/** A reporting chain: from an id upward, the ids reached in order. */
interface ChainCase {
  readonly from: string;
  readonly chain: readonly string[];
}

/** What the queries must answer on one knowledge base (ids are that knowledge base's own). */
export interface QueryExpectations {
  /** A name as people write it and the ids it must find (at least these, or exactly these with `exact`). */
  readonly names: readonly { readonly name: string; readonly ids: readonly string[]; readonly exact?: boolean }[];
  readonly chains: readonly ChainCase[];
  readonly directReports: { readonly of: string; readonly include: readonly string[] };
  /** An indirect report and its depth (2 = reports to someone who reports to `of`). */
  readonly indirectReport: { readonly of: string; readonly id: string; readonly depth: number };
  readonly group: { readonly id: string; readonly members: readonly string[]; readonly exact: boolean };
  readonly groupsOf: { readonly id: string; readonly groups: readonly string[] };
  readonly datesForRole: { readonly role: string; readonly dates: readonly (readonly [string, DateEntry['kind']])[] };
  readonly datesBetween: { readonly from: string; readonly to: string; readonly ids: readonly string[] };
  /** A date that began before `on` and still runs then: found only when running dates count. */
  readonly runningDate?: { readonly on: string; readonly id: string };
  /** `from` is itself the day of the first interview listed: the start is inclusive. */
  readonly upcomingInterviews: { readonly from: string; readonly ids: readonly string[] };
  readonly policiesOfMunicipality: { readonly municipality: string; readonly include: readonly string[]; readonly exclude: readonly string[] };
  readonly policiesForRole: { readonly role: string; readonly include: readonly string[] };
  readonly policiesByTopic: readonly { readonly topic: string; readonly first: string }[];
  /** Whom to contact about a posting or role: name and phone digits. */
  readonly contacts: readonly { readonly of: string; readonly people: readonly (readonly [string, string])[] }[];
  readonly figures: readonly { readonly of: string; readonly metric: Figure['metric']; readonly value: number }[];
  readonly figureWithin: { readonly of: string; readonly metric: Figure['metric']; readonly value: number };
  readonly children: { readonly of: string; readonly include: readonly string[] };
  readonly conceptsIn: { readonly of: string; readonly include: readonly string[] };
  readonly meetingsOf: { readonly of: string; readonly include: readonly string[] };
  readonly municipalityOf: readonly (readonly [string, string])[];
  /** An item whose citation is checked. */
  readonly cited: string;
}

export interface KnowledgeBaseCase {
  readonly label: string;
  /** The knowledge folder. */
  readonly dir: string;
  /** The folder holding the source documents (a document's id is its file name there). */
  readonly sourcesDir: string;
  readonly expect: QueryExpectations;
}

export const REAL_KB: KnowledgeBaseCase = {
  label: 'data/ (Høje-Taastrup, Ballerup, København)',
  dir: inRepo('data'),
  sourcesDir: inRepo('data', 'sources'),
  expect: {
    names: [
      { name: 'dagtilbudschefen', ids: ['htk-dagtilbudschef'], exact: true },
      { name: 'head of day care', ids: ['htk-dagtilbudschef'], exact: true },
      { name: 'PÆDAGOGISK LEDER', ids: ['bal-paedagogisk-leder', 'htk-paedagogisk-leder', 'kk-paedagogisk-leder'] },
      { name: 'hoeje-taastrup', ids: ['hoeje-taastrup'], exact: true },
      { name: 'Distrikt Baltorp', ids: ['bal-distrikt-baltorp'], exact: true },
      { name: 'Helle Kristensen', ids: ['bal-helle-kristensen'], exact: true },
    ],
    chains: [
      { from: 'kk-paedagogisk-leder', chain: ['kk-klyngeleder', 'kk-buf'] },
      { from: 'htk-konsulentteamet', chain: ['htk-dagtilbudschef'] },
      { from: 'bal-paedagogisk-leder-vuggestue-stjernehuset', chain: ['bal-distriktsleder-baltorp'] },
    ],
    directReports: { of: 'htk-dagtilbudschef', include: ['htk-klyngeleder', 'htk-konsulentteamet', 'htk-paedagogisk-udviklingsteam'] },
    indirectReport: { of: 'kk-buf', id: 'kk-paedagogisk-leder', depth: 2 },
    group: { id: 'htk-strategisk-ledelse-fdc', members: ['htk-centerchef', 'htk-dagtilbudschef', 'htk-leder-af-staben'], exact: false },
    groupsOf: { id: 'htk-leder-af-staben', groups: ['htk-strategisk-ledelse-fdc'] },
    datesForRole: {
      role: 'htk-leder-af-staben',
      dates: [
        ['2026-04-06', 'application-deadline'],
        ['2026-04-13', 'interview'],
        ['2026-04-20', 'interview'],
        ['2026-06-01', 'start'],
      ],
    },
    datesBetween: { from: '2026-01-01', to: '2026-01-31', ids: ['bal-dato-ansoegningsfrist', 'bal-dato-1-samtale', 'bal-dato-2-samtale'] },
    upcomingInterviews: { from: '2026-01-22', ids: ['bal-dato-2-samtale', 'htk-date-staben-1-samtale', 'htk-date-staben-2-samtale'] },
    policiesOfMunicipality: {
      municipality: 'hoeje-taastrup',
      include: ['htk-sprogstrategi', 'htk-inklusionsstrategi'],
      exclude: ['kk-dagtilbudsloven', 'bal-boerne-og-ungepolitik'],
    },
    policiesForRole: { role: 'htk-dagtilbudschef', include: ['htk-sprogstrategi', 'htk-inklusionsstrategi'] },
    policiesByTopic: [
      { topic: 'dagtilbudslov', first: 'kk-dagtilbudsloven' },
      { topic: 'inklusion', first: 'htk-inklusionsstrategi' },
    ],
    contacts: [
      { of: 'htk-posting-leder-af-staben', people: [['Tanja Steffe Nøhr', '21648304']] },
      {
        of: 'bal-paedagogisk-leder-vuggestue-stjernehuset',
        people: [
          ['Helle Kristensen', '44771847'],
          ['Charlotte Sønderhave', '24465945'],
        ],
      },
    ],
    figures: [
      { of: 'bal-distrikt-baltorp', metric: 'children', value: 750 },
      { of: 'htk-leder-af-staben', metric: 'employees', value: 8 },
    ],
    figureWithin: { of: 'hoeje-taastrup', metric: 'facilities', value: 49 },
    children: { of: 'htk-familie-og-dagtilbudscentret', include: ['htk-staben', 'htk-dagtilbudsomraadet'] },
    conceptsIn: { of: 'kk-med-noeglebegreber', include: ['kk-medindflydelse', 'kk-tillidsdagsordenen'] },
    meetingsOf: { of: 'bal-paedagogisk-leder-vuggestue-stjernehuset', include: ['bal-ugentlige-ledermoeder-stjernehuset'] },
    municipalityOf: [
      ['bal-stjernehuset', 'ballerup'],
      ['htk-date-staben-ansoegningsfrist', 'hoeje-taastrup'],
      ['kk-medindflydelse', 'koebenhavn'],
    ],
    cited: 'htk-dagtilbudschef',
  },
};

export const FJORDBY_KB: KnowledgeBaseCase = {
  label: 'tests/fixtures/kb-other (Fjordby)',
  dir: inRepo('tests', 'fixtures', 'kb-other'),
  sourcesDir: inRepo('tests', 'fixtures', 'kb-other', 'sources'),
  expect: {
    names: [
      { name: 'områdelederne', ids: ['fjb-omraadeleder'], exact: true },
      { name: 'omraadeleder', ids: ['fjb-omraadeleder'], exact: true },
      { name: 'Area Leaders', ids: ['fjb-omraadeleder'], exact: true },
      { name: 'aalekisten', ids: ['fjb-aalekisten'], exact: true },
      { name: 'Børnehuset Mågen', ids: ['fjb-maagen'], exact: true },
      { name: 'fjordby', ids: ['fjordby'], exact: true },
      { name: 'Jens Ærø Dahl', ids: ['fjb-jens-aeroe-dahl'], exact: true },
    ],
    chains: [
      {
        from: 'fjb-paedagogisk-koordinator',
        chain: ['fjb-institutionsleder', 'fjb-omraadeleder', 'fjb-dagtilbudsdirektoer', 'fjb-kommunaldirektoer'],
      },
      { from: 'fjb-udviklingskonsulent', chain: ['fjb-udviklingsteam', 'fjb-dagtilbudsdirektoer', 'fjb-kommunaldirektoer'] },
    ],
    directReports: { of: 'fjb-dagtilbudsdirektoer', include: ['fjb-omraadeleder', 'fjb-udviklingsteam'] },
    indirectReport: { of: 'fjb-dagtilbudsdirektoer', id: 'fjb-paedagogisk-koordinator', depth: 3 },
    group: { id: 'fjb-dagtilbudsledelsen', members: ['fjb-dagtilbudsdirektoer', 'fjb-omraadeleder', 'fjb-udviklingsteam'], exact: true },
    groupsOf: { id: 'fjb-omraadeleder', groups: ['fjb-dagtilbudsledelsen', 'fjb-omraadeledelsen'] },
    datesForRole: {
      role: 'fjb-institutionsleder',
      dates: [
        ['2026-02-20', 'application-deadline'],
        ['2026-02-26', 'interview'],
        ['2026-03-04', 'interview'],
        ['2026-04-01', 'start'],
      ],
    },
    datesBetween: {
      from: '2026-03-01',
      to: '2026-03-31',
      ids: ['fjb-dato-temauge-sprog', 'fjb-dato-maagen-samtale-2', 'fjb-dato-aalekisten-frist', 'fjb-dato-aalekisten-samtale'],
    },
    runningDate: { on: '2026-03-05', id: 'fjb-dato-temauge-sprog' },
    upcomingInterviews: { from: '2026-03-04', ids: ['fjb-dato-maagen-samtale-2', 'fjb-dato-aalekisten-samtale'] },
    policiesOfMunicipality: {
      municipality: 'fjordby',
      include: ['fjb-laeringsstrategi', 'fjb-sprogpolitik', 'fjb-dagtilbudsloven'],
      exclude: [],
    },
    policiesForRole: { role: 'fjb-dagtilbudsdirektoer', include: ['fjb-dagtilbudsloven', 'fjb-sprogpolitik'] },
    policiesByTopic: [
      { topic: 'sprog', first: 'fjb-sprogpolitik' },
      { topic: 'Læring', first: 'fjb-laeringsstrategi' },
    ],
    contacts: [
      { of: 'fjb-stilling-institutionsleder-maagen', people: [['Mette Kjærgaard Holm', '61223344']] },
      {
        of: 'fjb-paedagogisk-koordinator',
        people: [
          ['Sofie Brønd', '23456789'],
          ['Jens Ærø Dahl', '72104500'],
        ],
      },
    ],
    figures: [
      { of: 'fjb-center-for-dagtilbud', metric: 'facilities', value: 24 },
      { of: 'fjb-dagtilbudsdirektoer', metric: 'leaders', value: 2 },
    ],
    figureWithin: { of: 'fjordby', metric: 'children', value: 96 },
    children: { of: 'fjb-center-for-dagtilbud', include: ['fjb-omraade-nord', 'fjb-omraade-syd', 'fjb-udviklingsteam'] },
    conceptsIn: { of: 'fjb-pejlemaerker', include: ['fjb-leg-og-laering', 'fjb-sprog-for-alle', 'fjb-trygge-overgange'] },
    meetingsOf: { of: 'fjb-institutionsleder', include: ['fjb-ledelsesforum', 'fjb-omraademoeder'] },
    municipalityOf: [
      ['fjb-maagen', 'fjordby'],
      ['fjb-dato-maagen-frist', 'fjordby'],
      ['fjb-overgang-til-skole', 'fjordby'],
    ],
    cited: 'fjb-dagtilbudsdirektoer',
  },
};

export const KNOWLEDGE_BASES: readonly KnowledgeBaseCase[] = [REAL_KB, FJORDBY_KB];
