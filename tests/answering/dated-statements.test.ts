/**
 * Statements that hold only for a period or under a condition (issue 17: "a unit's facts carry no validity dates")
 * are told with it wherever an answer reads them, on a small knowledge base of this test's own (the invented
 * municipality Egelund): a unit's fact from a date, a role's responsibility under a condition, a fact of the
 * knowledge base until a date. Undated statements are told as before, and an undated knowledge base is read as it is.
 */
import { describe, expect, it } from 'vitest';
import { createAnswerer, renderAnswerText } from '../../src/answering/index.js';
import { withStatementPeriods } from '../../src/answering/dated-statements.js';
import { formatKnowledgeError, parseKnowledgeFiles } from '../../src/knowledge/load-knowledge.js';

const NOW = new Date('2026-12-01T09:00:00Z');
const DOC = 'egl-organisation.txt';
const src = (quote: string) => ({ doc: DOC, quote });
const said = (da: string, en: string, extra: object = {}) => ({ da, en, source: src(da), ...extra });

const EGELUND = {
  documents: [{ id: DOC, title: 'Organisering af dagtilbud i Egelund', titleEn: 'Organisation of day care in Egelund', municipality: 'egl', kind: 'other' }],
  municipalities: [{ id: 'egl', name: 'Egelund Kommune', labelEn: 'Egelund Municipality', names: ['Egelund'], source: src('Egelund Kommune') }],
  units: [
    { id: 'egl-dagtilbud', name: 'Dagtilbud Egelund', labelEn: 'Day Care Egelund', type: 'centre', municipality: 'egl', source: src('Dagtilbud Egelund') },
    {
      id: 'egl-poppel',
      name: 'Børnehuset Poppel',
      labelEn: 'Poppel children\'s house',
      names: ['Poppel'],
      type: 'house',
      parent: 'egl-dagtilbud',
      municipality: 'egl',
      source: src('Børnehuset Poppel'),
      facts: [
        said('Børnehuset Poppel har en børnehavegruppe med 40 børn.', 'Poppel children\'s house has a kindergarten group of 40 children.'),
        said('Børnehuset Poppel får en vuggestuegruppe med 12 pladser.', 'Poppel children\'s house gets a nursery group with 12 places.', { validFrom: '2027-08-01' }),
      ],
    },
  ],
  roles: [
    {
      id: 'egl-husleder',
      name: 'husleder',
      labelEn: 'head of house',
      unit: 'egl-poppel',
      municipality: 'egl',
      source: src('husleder'),
      responsibilities: [
        said('Husledere har personaleansvar for medarbejderne i huset.', 'Heads of house manage the staff of the house.'),
        said('Husledere dækker vagtplanen i naboshuset.', "Heads of house cover the rota of the neighbouring house.", {
          condition: { da: 'når naboshusets leder er fraværende i mere end en uge', en: "while the neighbouring house's leader is away for more than a week" },
        }),
      ],
    },
  ],
  facts: [
    {
      id: 'egl-fakta-udbygning',
      about: ['egl-poppel'],
      text: { da: 'Børnehuset Poppel holder til i midlertidige pavilloner.', en: 'Poppel children\'s house is housed in temporary pavilions.' },
      source: src('Børnehuset Poppel holder til i midlertidige pavilloner.'),
      validUntil: '2027-07-31',
    },
  ],
};

function parse(data: object) {
  const result = parseKnowledgeFiles([{ file: 'egelund.json', text: JSON.stringify(data) }]);
  if (!result.ok) throw new Error(result.errors.map(formatKnowledgeError).join('\n'));
  return result.kb;
}
const kb = parse(EGELUND);
const answerer = createAnswerer(kb, { now: () => NOW });
const ask = (q: string) => {
  const answer = answerer.answer(q);
  return { kind: answer.kind, text: renderAnswerText(answer) };
};

describe('a dated or conditional statement says its period or condition in the text answers read', () => {
  const told = withStatementPeriods(kb);
  const poppel = told.get('egl-poppel');
  const facts = poppel?.kind === 'units' ? poppel.item.facts : [];
  it('a unit\'s fact from a date, in both languages; its undated neighbour as written', () => {
    expect(facts[1]?.da).toBe('Børnehuset Poppel får en vuggestuegruppe med 12 pladser. (fra 1. august 2027)');
    expect(facts[1]?.en).toBe('Poppel children\'s house gets a nursery group with 12 places. (from 1 August 2027)');
    expect(facts[0]?.en).toBe('Poppel children\'s house has a kindergarten group of 40 children.');
  });
  it('a responsibility under a condition', () => {
    const role = told.get('egl-husleder');
    const responsibility = role?.kind === 'roles' ? role.item.responsibilities[1] : undefined;
    expect(responsibility?.en).toMatch(/\(while the neighbouring house's leader is away for more than a week\)$/);
    expect(responsibility?.da).toMatch(/\(når naboshusets leder er fraværende i mere end en uge\)$/);
  });
  it('a fact of the knowledge base until a date', () => {
    expect(told.data.facts[0]?.text.da).toMatch(/\(til og med 31\. juli 2027\)$/);
    expect(told.data.facts[0]?.text.en).toMatch(/\(until 31 July 2027\)$/);
  });
  it('the knowledge base itself is left as it was', () => {
    expect(facts[1]).not.toBe(poppel);
    const own = kb.get('egl-poppel');
    expect(own?.kind === 'units' ? own.item.facts[1]?.da : '').toBe('Børnehuset Poppel får en vuggestuegruppe med 12 pladser.');
  });
  it('an undated knowledge base is read as it is (the same object)', () => {
    const undated = parse({ ...EGELUND, facts: [], roles: [], units: EGELUND.units.map((u) => ({ ...u, facts: [] })) });
    expect(withStatementPeriods(undated)).toBe(undated);
  });
});

describe('answers over the endpoint\'s answerer tell the period', () => {
  it.each([
    ['hvilke opgaver har husleder', /fraværende i mere end en uge/],
    ['what does the head of house do', /away for more than a week/],
  ])('%s', (q, expected) => {
    const a = ask(q);
    expect(a.kind, a.text).toBe('answer');
    expect(a.text).toMatch(expected);
  });
  it.each([
    ['får poppel en vuggestue', /fra 1\. august 2027/],
    ['will poppel get a nursery group', /from 1 August 2027/],
  ])('%s', (q, expected) => {
    const a = ask(q);
    expect(a.text).toMatch(expected);
  });
});
