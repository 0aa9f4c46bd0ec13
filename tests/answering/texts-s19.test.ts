/**
 * Session 19, answers from texts (policies and programmes), on a small knowledge base of this test's own (the invented
 * municipality Birkedal, so that no fixture's aliases can answer in the mechanism's place):
 * - a policy named with another word for a policy document ("the excursion guideline" for "Excursion policy",
 *   "politikken for udflugter" for "Retningslinje for udflugter") is the policy (the lexicon's `nameEquivalents`);
 * - a statement says a word as the head of a compound as written ("trivselsvurderes" says "vurderes"), or a word of the
 *   same root the stemmer leaves apart ("bekymrede" and "bekymringer");
 * - a kind of date named ("interview") asks for a dated entry only of a policy that has one of that kind: else the
 *   statement saying the question's words and stating a time answers; "no later than" states a time;
 * - asked yes or no whether a unit is part of (or uses) a programme named, the programme's use answers, "yes" first;
 *   a unit the programme is not used in gets no "yes";
 * - asked the difference between two things named, what the documents say each is answers (none when one is not
 *   described).
 */
import { describe, expect, it } from 'vitest';
import { createAnswerer, renderAnswerText } from '../../src/answering/index.js';
import { formatKnowledgeError, parseKnowledgeFiles } from '../../src/knowledge/load-knowledge.js';

const NOW = new Date('2026-11-30T09:00:00Z');
const DOC = 'bkd-organisation.txt';
const src = (quote: string) => ({ doc: DOC, quote });
const said = (da: string, en: string) => ({ da, en, source: src(da) });

const BIRKEDAL = {
  documents: [{ id: DOC, title: 'Organisation af dagtilbud i Birkedal', titleEn: 'Organisation of day care in Birkedal', municipality: 'bkd', kind: 'other' }],
  municipalities: [{ id: 'bkd', name: 'Birkedal Kommune', labelEn: 'Birkedal Municipality', names: ['Birkedal'], source: src('Birkedal Kommune') }],
  units: [
    { id: 'bkd-center', name: 'Dagtilbudscentret', labelEn: 'Day Care Centre', type: 'centre', municipality: 'bkd', source: src('Dagtilbudscentret') },
    { id: 'bkd-ahorn', name: 'Børnehus Ahorn', labelEn: 'Ahorn children\'s house', names: ['Ahorn'], type: 'house', parent: 'bkd-center', municipality: 'bkd', source: src('Børnehus Ahorn') },
    { id: 'bkd-boegen', name: 'Børnehus Bøgen', labelEn: 'Bøgen children\'s house', names: ['Bøgen'], type: 'house', parent: 'bkd-center', municipality: 'bkd', source: src('Børnehus Bøgen') },
  ],
  policies: [
    {
      id: 'bkd-udflugter',
      name: 'Retningslinje for udflugter',
      names: ['udflugtsretningslinjen'],
      labelEn: 'Excursion policy',
      type: 'policy',
      municipality: 'bkd',
      source: src('Retningslinje for udflugter'),
      requires: [
        said('Ved udflugter med bus skal der altid være mindst 3 voksne med.', 'On excursions by bus there must always be at least 3 adults.'),
        said('Alle børn skal have refleksvest på ved udflugter i trafikken.', 'All children must wear a reflective vest on excursions in traffic.'),
      ],
    },
    {
      id: 'bkd-trivsel',
      name: 'Trivselspolitik',
      names: ['trivselspolitikken'],
      labelEn: 'Well-being policy',
      type: 'policy',
      municipality: 'bkd',
      source: src('Trivselspolitik'),
      requires: [
        said('Alle børn trivselsvurderes to gange om året.', "Every child's well-being is assessed twice a year."),
        said('Bekymringer om et barn drøftes med forældrene inden for 14 dage.', 'Concerns about a child are discussed with the parents within 14 days.'),
      ],
    },
    {
      id: 'bkd-fravaer',
      name: 'Fraværspolitik',
      names: ['fraværspolitikken'],
      labelEn: 'Absence policy',
      type: 'policy',
      municipality: 'bkd',
      source: src('Fraværspolitik'),
      requires: [
        said('Efter 10 sammenhængende sygedage holdes en fraværssamtale.', 'After 10 consecutive days of sickness an absence interview is held.'),
        said('Fravær registreres i lønsystemet senest dagen efter raskmelding.', 'Absence is registered in the payroll system no later than the day after the employee reports fit.'),
      ],
    },
  ],
  concepts: [
    { id: 'bkd-klynge', name: 'klynge', names: ['klynger', 'klyngen'], labelEn: 'cluster', municipality: 'bkd', description: { da: 'En gruppe børnehuse med fælles leder.', en: 'A group of children\'s houses with a shared leader.' }, source: src('klynge') },
    { id: 'bkd-matrikel', name: 'matrikel', names: ['matrikler', 'matriklen'], labelEn: 'site', municipality: 'bkd', description: { da: 'Et børnehus på én adresse.', en: "A children's house at one address." }, source: src('matrikel') },
    { id: 'bkd-spor', name: 'spor', names: ['sporet', 'sporene'], labelEn: 'track', municipality: 'bkd', source: src('spor') },
  ],
  programmes: [
    {
      id: 'bkd-laesefroe',
      name: 'Læsefrø',
      names: ['læsefrø'],
      labelEn: 'Læsefrø (reading seeds)',
      type: 'programme',
      municipality: 'bkd',
      usedBy: ['bkd-ahorn'],
      description: { da: 'Et læseforløb for børn fra 3 år.', en: 'A reading programme for children from age 3.' },
      source: src('Læsefrø'),
    },
  ],
};

function birkedal() {
  const result = parseKnowledgeFiles([{ file: 'birkedal.json', text: JSON.stringify(BIRKEDAL) }]);
  if (!result.ok) throw new Error(result.errors.map(formatKnowledgeError).join('\n'));
  return createAnswerer(result.kb, { now: () => NOW });
}
const answerer = birkedal();
const ask = (q: string) => {
  const answer = answerer.answer(q);
  return { kind: answer.kind, text: renderAnswerText(answer) };
};

describe('a policy named with another word for a policy document is the policy', () => {
  it.each([
    ['what does the excursion guideline say about the bus', /at least 3 adults/],
    ['hvad siger politikken for udflugter om bus', /mindst 3 voksne/],
  ])('%s', (q, fact) => {
    const a = ask(q);
    expect(a.kind, a.text).toBe('answer');
    expect(a.text).toMatch(fact);
  });
  it('the policy named does not say it: not the other policy\'s statement', () => {
    expect(ask('what does the excursion guideline say about the payroll system').text).not.toMatch(/day after/);
  });
});

describe('a statement says a word as the head of a compound, or by a word of the same root', () => {
  it.each([
    ['hvor tit skal børnenes trivsel vurderes', /to gange om året/],
    ['hvor hurtigt skal bekymringer om et barn drøftes med forældrene', /14 dage/],
  ])('%s', (q, fact) => {
    const a = ask(q);
    expect(a.kind, a.text).toBe('answer');
    expect(a.text).toMatch(fact);
  });
});

describe('a kind of date named that no policy has a dated entry of: the statement stating a time answers', () => {
  it.each([
    ['when is the absence interview held after sickness', /10 consecutive days/],
    ['when should absence be registered in the payroll system', /no later than the day after/],
    ['hvornår skal fravær registreres i lønsystemet', /senest dagen efter/],
  ])('%s', (q, fact) => {
    const a = ask(q);
    expect(a.kind, a.text).toBe('answer');
    expect(a.text).toMatch(fact);
  });
  it('a time asked of a statement that states none: no statement', () => {
    expect(ask('when must the children wear a reflective vest').text).not.toMatch(/reflective vest/);
  });
});

describe('asked whether a unit is part of a programme named: its use answers', () => {
  it.each([
    ['is ahorn part of læsefrø', /^Yes\. .*used in Ahorn/],
    ['er ahorn med i læsefrø', /^Ja\. Læsefrø bruges i Børnehus Ahorn/],
    ['bruger ahorn læsefrø', /^Ja\. Læsefrø bruges i Børnehus Ahorn/],
  ])('%s', (q, fact) => {
    const a = ask(q);
    expect(a.kind, a.text).toBe('answer');
    expect(a.text).toMatch(fact);
  });
  it.each(['is bøgen part of læsefrø', 'er bøgen med i læsefrø'])('a unit it is not used in gets no yes: %s', (q) => {
    expect(ask(q).text).not.toMatch(/^(Yes|Ja)\b/);
  });
  it('what a unit is part of is still its parent', () => {
    expect(ask('hvad hører ahorn under').text).toMatch(/Dagtilbudscentret/);
  });
});

describe('asked the difference between two things named: what each is', () => {
  it.each([
    ["what's the difference between a klynge and a matrikel", /shared leader/, /one address/],
    ['hvad er forskellen på en klynge og en matrikel', /fælles leder/, /én adresse/],
  ])('%s', (q, first, second) => {
    const a = ask(q);
    expect(a.kind, a.text).toBe('answer');
    expect(a.text).toMatch(first);
    expect(a.text).toMatch(second);
  });
  it('one of them not described: no half answer passed off as the difference', () => {
    expect(ask('hvad er forskellen på en klynge og et spor').text).not.toMatch(/fælles leder/);
  });
});
