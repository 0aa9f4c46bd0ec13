/**
 * Session 20, answers from texts (policies, concepts, tasks), on a small knowledge base of this test's own (the invented
 * municipality Hasselby, so that no fixture's aliases can answer in the mechanism's place):
 * - a kind of date named that a policy has a dated entry of ("evaluated") asks for that entry, not for the policy's
 *   adoption or its first day in force (which still answer "from when does it apply");
 * - a kind of date said inside a name of several words ("Leg fra start", a concept's name) names the item: no date asked;
 * - what a policy says about a word for a contact ("kontakt til forældre") is its statements, not a contact refusal;
 * - a question asking which policy is about something names a kind of date only as its topic ("absence interviews");
 * - asked who sees to a policy with a word the lexicon maps onto the documents' word ("inspections" -> "supervision"),
 *   the statement that names the post answers before the list of what the policy requires.
 */
import { describe, expect, it } from 'vitest';
import { createAnswerer, renderAnswerText } from '../../src/answering/index.js';
import { formatKnowledgeError, parseKnowledgeFiles } from '../../src/knowledge/load-knowledge.js';

const NOW = new Date('2026-11-30T09:00:00Z');
const DOC = 'hsb-organisation.txt';
const src = (quote: string) => ({ doc: DOC, quote });
const said = (da: string, en: string) => ({ da, en, source: src(da) });

const HASSELBY = {
  documents: [{ id: DOC, title: 'Organisation af dagtilbud i Hasselby', titleEn: 'Organisation of day care in Hasselby', municipality: 'hsb', kind: 'other' }],
  municipalities: [{ id: 'hsb', name: 'Hasselby Kommune', labelEn: 'Hasselby Municipality', names: ['Hasselby'], source: src('Hasselby Kommune') }],
  units: [
    { id: 'hsb-center', name: 'Dagtilbudsenheden', labelEn: 'Day Care Unit', type: 'centre', municipality: 'hsb', source: src('Dagtilbudsenheden') },
    { id: 'hsb-udvalg', name: 'Børneudvalget', labelEn: 'Children\'s Committee', type: 'committee', municipality: 'hsb', source: src('Børneudvalget') },
    {
      id: 'hsb-kvalitet',
      name: 'Kvalitetsstaben',
      labelEn: 'Quality Staff Unit',
      type: 'staff-unit',
      parent: 'hsb-center',
      municipality: 'hsb',
      facts: [said('Kvalitetsstaben har ansvaret for pladsprognoser og kvalitetsrapporter.', 'The Quality Staff Unit is responsible for place forecasts and quality reports.')],
      source: src('Kvalitetsstaben'),
    },
    {
      id: 'hsb-sprogteam',
      name: 'Sprogteamet',
      labelEn: 'Language Team',
      type: 'team',
      parent: 'hsb-kvalitet',
      parents: [{ ref: 'hsb-kvalitet', validUntil: '2027-07-31' }, { ref: 'hsb-center', validFrom: '2027-08-01' }],
      municipality: 'hsb',
      source: src('Sprogteamet'),
    },
  ],
  roles: [
    { id: 'hsb-tilsynskonsulent', name: 'tilsynskonsulent', labelEn: 'supervision consultant', unit: 'hsb-center', municipality: 'hsb', source: src('tilsynskonsulent'), responsibilities: [said('Tilsynskonsulenten holder møder med forældrebestyrelserne og har ansvar for tilsynet.', 'The supervision consultant holds meetings with the parent boards and is responsible for supervision.')] },
  ],
  policies: [
    {
      id: 'hsb-skaerm',
      name: 'Retningslinje for skærmfri pædagogik',
      names: ['skærmretningslinjen'],
      labelEn: 'Guideline on screen-free pedagogy',
      namesEn: ['screen-free guideline'],
      type: 'policy',
      municipality: 'hsb',
      adoptedBy: 'hsb-udvalg',
      adoptedOn: '2026-11-10',
      inForceFrom: '2027-02-01',
      source: src('Retningslinje for skærmfri pædagogik'),
      requires: [
        said('Børnehusene bruger kun tablets til kontakt med forældre og til dokumentation.', 'The children\'s houses use tablets only for contact with parents and for documentation.'),
        said('Medarbejderne viser ikke film for børnene.', 'Staff do not show films to the children.'),
        said('Tilsynskonsulenten følger op på retningslinjen ved det pædagogiske tilsyn.', 'The supervision consultant follows up on the guideline at the pedagogical supervision.'),
      ],
    },
    {
      id: 'hsb-fravaer',
      name: 'Retningslinjer for fraværssamtaler',
      names: ['fraværsretningslinjerne'],
      labelEn: 'Guidelines for absence interviews',
      type: 'policy',
      municipality: 'hsb',
      inForceFrom: '2026-06-01',
      source: src('Retningslinjer for fraværssamtaler'),
      requires: [
        said('Ved 5 fraværsperioder på et år holder lederen en fraværssamtale.', 'With 5 periods of absence in a year the leader holds an absence interview.'),
        said('Nærmeste leder holder en omsorgssamtale senest 14 dage efter første fraværsdag.', 'The immediate manager holds a care conversation no later than 14 days after the first day of absence.'),
      ],
    },
  ],
  dates: [
    {
      id: 'hsb-evaluering-skaerm',
      date: '2028-03-01',
      precision: 'month',
      kind: 'evaluation',
      about: 'hsb-skaerm',
      label: { da: 'Dagtilbudsenheden evaluerer retningslinjen for skærmfri pædagogik', en: 'The Day Care Unit evaluates the screen-free guideline' },
      source: src('evaluerer retningslinjen i marts 2028'),
    },
  ],
  concepts: [
    {
      id: 'hsb-indsats',
      name: 'Leg fra start',
      names: ['leg fra start'],
      labelEn: 'Play from the start',
      municipality: 'hsb',
      description: { da: 'Alle børn skal lege udendørs hver formiddag.', en: 'Every child plays outdoors every morning.' },
      source: src('Leg fra start'),
    },
  ],
};

function hasselby() {
  const result = parseKnowledgeFiles([{ file: 'hasselby.json', text: JSON.stringify(HASSELBY) }]);
  if (!result.ok) throw new Error(result.errors.map(formatKnowledgeError).join('\n'));
  return createAnswerer(result.kb, { now: () => NOW });
}
const answerer = hasselby();
const ask = (q: string) => {
  const answer = answerer.answer(q);
  return { kind: answer.kind, text: renderAnswerText(answer) };
};

describe('a kind of date a policy has a dated entry of asks for that entry', () => {
  it.each([
    ['when does the screen-free guideline get evaluated', /March 2028/],
    ['hvornår bliver skærmretningslinjen evalueret', /marts 2028/],
  ])('%s', (q, fact) => {
    const a = ask(q);
    expect(a.kind, a.text).toBe('answer');
    expect(a.text).toMatch(fact);
    expect(a.text).not.toMatch(/applies from|gælder fra/);
  });
  it('a policy without a dated entry of the kind: its first day in force still answers from when it applies', () => {
    expect(ask('fra hvornår gælder fraværsretningslinjerne').text).toMatch(/1\. juni 2026/);
  });
  it('from when it applies is still its first day in force', () => {
    expect(ask('fra hvornår gælder skærmretningslinjen').text).toMatch(/1\. februar 2027/);
  });
});

describe('a kind of date said inside a name of several words names the item', () => {
  it.each([
    ['hvad går leg fra start ud på', /udendørs hver formiddag/],
    ['hvad går leg fra start for børnene ud på', /udendørs hver formiddag/],
    ['what is play from the start', /outdoors every morning/],
  ])('%s', (q, fact) => {
    const a = ask(q);
    expect(a.kind, a.text).toBe('answer');
    expect(a.text).toMatch(fact);
  });
});

describe('what a policy says about a word for a contact is its statements', () => {
  it.each([
    ['hvad siger skærmretningslinjen om kontakt til forældre', /kontakt med forældre/],
    ['what does the screen-free guideline say about contact with parents', /contact with parents/],
  ])('%s', (q, fact) => {
    const a = ask(q);
    expect(a.kind, a.text).toBe('answer');
    expect(a.text).toMatch(fact);
  });
  it('a topic the policy does not speak of gets none of its statements', () => {
    expect(ask('hvad siger skærmretningslinjen om kontakt til lægen').text).not.toMatch(/tablets/);
  });
});

describe('asked which policy is about something, a kind of date is its topic', () => {
  it.each([
    ['which guideline is about absence interviews', /absence interview/],
    ['hvilken retningslinje handler om fraværssamtaler', /fraværssamtale/],
  ])('%s', (q, fact) => {
    const a = ask(q);
    expect(a.kind, a.text).toBe('answer');
    expect(a.text).toMatch(fact);
    expect(a.text).not.toMatch(/no dates|ingen datoer/);
  });
});

describe('asked who sees to a policy, the statement naming the post answers before the requirements', () => {
  it.each([
    ['who checks that the screen-free guideline is followed at supervision', /^The supervision consultant follows up/],
    ['who checks that the screen-free guideline is followed at inspections', /^The supervision consultant follows up/],
  ])('%s', (q, fact) => {
    const a = ask(q);
    expect(a.kind, a.text).toBe('answer');
    expect(a.text).toMatch(fact);
  });
  it('asked what it requires, the requirements', () => {
    expect(ask('what does the screen-free guideline require').text).toMatch(/films/);
  });
});

describe('asked who does something a policy statement says in full, not a post duty that says part of it', () => {
  it('hvem holder omsorgssamtalen', () => {
    const a = ask('hvem holder omsorgssamtalen');
    expect(a.kind, a.text).toBe('answer');
    expect(a.text).toMatch(/^Nærmeste leder holder en omsorgssamtale/);
  });
  it('a duty that says every word still answers', () => {
    expect(ask('hvem holder møder med forældrebestyrelserne').text).toMatch(/Tilsynskonsulent/);
  });
});

describe('asked what a unit does, its tasks answer, not what lies under it', () => {
  it('what does kvalitetsstaben do', () => {
    const a = ask('what does kvalitetsstaben do');
    expect(a.kind, a.text).toBe('answer');
    expect(a.text).toMatch(/place forecasts/);
  });
  it('asked what is under it, what is under it', () => {
    expect(ask('which teams are under kvalitetsstaben').text).toMatch(/Sprogteamet/);
  });
});
