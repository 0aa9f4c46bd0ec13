/**
 * The knowledge bases the knowledge tests run on, with what each is expected to answer: the real
 * one in `data/` (sources in data/sources), the made-up Fjordby one in tests/fixtures/kb-other, and
 * the made-up Hvidmose one in tests/fixtures/kb-hvidmose (a reorganisation with a date, an annual
 * calendar, a deputy's function description).
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

/** What the time-aware queries must answer on one knowledge base (days are ISO dates). */
export interface TimelineExpectations {
  /** Whom a role reports to on a day (unconditional lines). */
  readonly reportsOn: readonly { readonly id: string; readonly day: string; readonly to: readonly string[] }[];
  /** The first change after a day: when, and to whom the role reports from then. */
  readonly nextChange: { readonly id: string; readonly after: string; readonly date: string; readonly to: readonly string[] };
  readonly chainOn: { readonly from: string; readonly day: string; readonly chain: readonly string[] };
  /** A line that holds only under a condition, on a day. */
  readonly conditional: { readonly id: string; readonly day: string; readonly to: string; readonly condition: RegExp };
  readonly deputies: { readonly for: string; readonly deputies: readonly string[]; readonly condition: RegExp };
  /** Whom a role stands in for on a day (both ways). */
  readonly standsInFor: readonly { readonly id: string; readonly day: string; readonly for: readonly string[] }[];
  readonly occurrences: readonly { readonly meeting: string; readonly from: string; readonly to: string; readonly days: readonly string[]; readonly time?: string }[];
  readonly participants: { readonly meeting: string; readonly asNeeded: readonly string[]; readonly regular: readonly string[] };
  /** What is on the calendar in a range: date ids (periods overlapping it too) and meeting days. */
  readonly datedIn: { readonly from: string; readonly to: string; readonly dates: readonly string[]; readonly meetingDays: readonly string[] };
  readonly decisionsBy: { readonly body: string; readonly ids: readonly string[] };
  readonly decisionsChanging: { readonly item: string; readonly ids: readonly string[]; readonly vote: { readonly for?: number; readonly against?: number } };
  readonly figuresOn: readonly { readonly of: string; readonly metric: Figure['metric']; readonly day: string; readonly value: number | undefined }[];
  /** Whom to contact about a source document. */
  readonly documentContact: { readonly doc: string; readonly name: string };
}

export interface KnowledgeBaseCase {
  readonly label: string;
  /** The knowledge folder. */
  readonly dir: string;
  /** The folder holding the source documents (a document's id is its file name there). */
  readonly sourcesDir: string;
  /** True when some of its documents are job advertisements (each posting then needs a deadline and a contact). */
  readonly jobPostings: boolean;
  /** The general queries' expectations, for knowledge bases built around postings and profiles. */
  readonly expect?: QueryExpectations;
  /** The time-aware queries' expectations. */
  readonly timeline?: TimelineExpectations;
}

export const REAL_KB: KnowledgeBaseCase = {
  label: 'data/ (Høje-Taastrup, Ballerup, København)',
  dir: inRepo('data'),
  sourcesDir: inRepo('data', 'sources'),
  jobPostings: true,
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
  jobPostings: true,
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

export const HVIDMOSE_KB: KnowledgeBaseCase = {
  label: 'tests/fixtures/kb-hvidmose (Hvidmose)',
  dir: inRepo('tests', 'fixtures', 'kb-hvidmose'),
  sourcesDir: inRepo('tests', 'fixtures', 'kb-hvidmose', 'sources'),
  jobPostings: false,
  timeline: {
    reportsOn: [
      { id: 'hvm-husleder', day: '2026-11-30', to: ['hvm-boernechef'] },
      { id: 'hvm-husleder', day: '2027-07-31', to: ['hvm-boernechef'] },
      { id: 'hvm-husleder', day: '2027-08-01', to: ['hvm-kvarterchef'] },
      { id: 'hvm-dagplejeleder', day: '2028-01-01', to: ['hvm-kvarterchef'] },
      { id: 'hvm-kvarterchef', day: '2027-07-31', to: [] },
    ],
    nextChange: { id: 'hvm-husleder', after: '2026-11-30', date: '2027-08-01', to: ['hvm-kvarterchef'] },
    chainOn: { from: 'hvm-souschef', day: '2027-09-01', chain: ['hvm-husleder', 'hvm-kvarterchef', 'hvm-boernechef'] },
    conditional: { id: 'hvm-souschef', day: '2027-09-01', to: 'hvm-kvarterchef', condition: /mere end 5 sammenhængende arbejdsdage/ },
    deputies: { for: 'hvm-husleder', deputies: ['hvm-souschef'], condition: /fraværende/ },
    standsInFor: [
      { id: 'hvm-husleder', day: '2027-01-01', for: [] },
      { id: 'hvm-husleder', day: '2027-09-01', for: ['hvm-kvarterchef'] },
      { id: 'hvm-udviklingschef', day: '2027-01-01', for: ['hvm-boernechef'] },
    ],
    occurrences: [
      { meeting: 'hvm-ledermoede', from: '2027-01-01', to: '2027-12-31', days: ['2027-01-05', '2027-02-02', '2027-03-02', '2027-04-06', '2027-05-04', '2027-06-01'], time: '09:00' },
      { meeting: 'hvm-kvartermoede', from: '2027-08-01', to: '2027-08-31', days: ['2027-08-04', '2027-08-18'], time: '13:00' },
      { meeting: 'hvm-dialogmoede-udvalget', from: '2027-01-01', to: '2027-12-31', days: ['2027-03-16', '2027-09-21'], time: '16:00' },
      { meeting: 'hvm-souschefnetvaerk', from: '2027-01-01', to: '2027-12-31', days: [] },
    ],
    participants: { meeting: 'hvm-kvartermoede', asNeeded: ['hvm-souschef'], regular: ['hvm-husleder', 'hvm-dagplejeleder'] },
    datedIn: {
      from: '2027-10-01',
      to: '2027-10-31',
      dates: ['hvm-periode-tilsyn', 'hvm-periode-mus-souschefer', 'hvm-ledelsesseminar'],
      meetingDays: ['2027-10-13', '2027-10-27'],
    },
    decisionsBy: { body: 'hvm-udvalget', ids: ['hvm-beslutning-aarshjul', 'hvm-beslutning-kvarterer', 'hvm-beslutning-souschefer'] },
    decisionsChanging: { item: 'hvm-linje-husleder-kvarterchef', ids: ['hvm-beslutning-kvarterer'], vote: { for: 7, against: 2 } },
    figuresOn: [
      { of: 'hvm-dagtilbud', metric: 'deputies', day: '2026-11-30', value: 9 },
      { of: 'hvm-dagtilbud', metric: 'deputies', day: '2027-08-01', value: 13 },
      { of: 'hvm-dagtilbud', metric: 'districts', day: '2026-11-30', value: undefined },
      { of: 'hvm-dagtilbud', metric: 'districts', day: '2027-08-01', value: 3 },
    ],
    documentContact: { doc: 'hvm-ledelsesaarshjul-2027.txt', name: 'Lone Vestbjerg' },
  },
};

export const KNOWLEDGE_BASES: readonly KnowledgeBaseCase[] = [REAL_KB, FJORDBY_KB, HVIDMOSE_KB];
