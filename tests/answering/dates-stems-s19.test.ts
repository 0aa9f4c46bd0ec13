/**
 * Session 19: a Danish definite or plural form the stemmer cuts to a stem of under four letters ("sommeren" -> "som",
 * "vinteren" -> "vint") reaches no compound by its stem; the form without its ending ("sommer") is looked up as the
 * first part of the documents' compounds ("sommerlukning"), also when the short stem is itself a word of the documents.
 * On a small knowledge base of this test's own: an annual calendar whose dates are written as compounds, plus a
 * standalone "som"-word so the over-cut stem is known.
 */
import { describe, expect, it } from 'vitest';
import { createAnswerer, renderAnswerText } from '../../src/answering/index.js';
import { analyzeText, foldText } from '../../src/answering/normalize.js';
import { buildFacts } from '../../src/answering/facts.js';
import { createSearchIndex } from '../../src/answering/search.js';
import { loadLexicon } from '../../src/answering/lexicon/lexicon.js';
import { createKnowledgeBase, emptyKnowledgeData } from '../../src/knowledge/knowledge-base.js';
import { DateEntrySchema, MunicipalitySchema, UnitSchema } from '../../src/knowledge/schemas.js';

const NOW = new Date('2026-11-30T09:00:00Z');
const source = { doc: 'kildeby-aarshjul.txt', quote: 'Årshjul for Dagtilbud Kildeby 2027' };

function kildeby() {
  const data = emptyKnowledgeData();
  data.municipalities.push(MunicipalitySchema.parse({ id: 'kildeby', name: 'Kildeby Kommune', labelEn: 'Kildeby Municipality', source }));
  data.units.push(
    UnitSchema.parse({
    id: 'kby-dagtilbud',
    name: 'Dagtilbud Kildeby',
    labelEn: 'Day care Kildeby',
    municipality: 'kildeby',
    type: 'area',
    description: { da: 'Dagtilbud Kildeby er en afdeling, som samler alle vuggestuer og børnehaver.', en: 'Day care Kildeby gathers all nurseries and kindergartens.' },
    source,
    }),
  );
  const date = (id: string, d: string, end: string, da: string, en: string) =>
    DateEntrySchema.parse({
    id,
    date: d,
    end,
    kind: 'period',
    about: 'kby-dagtilbud',
    label: { da, en },
    source,
    });
  data.dates.push(
    date('kby-sommerlukning', '2027-07-12', '2027-07-23', 'Sommerlukning i alle vuggestuer og børnehaver (uge 28 og 29)', 'Summer closure of all nurseries and kindergartens (weeks 28 and 29)'),
    date('kby-vinterlukning', '2027-12-27', '2027-12-31', 'Vinterlukning mellem jul og nytår; nødpasning i Børnehuset Spiren', 'Winter closure between Christmas and New Year; emergency care at Børnehuset Spiren'),
    date('kby-efteraarstilsyn', '2027-09-06', '2027-10-29', 'Efterårstilsyn i alle huse', 'Autumn supervision in all houses'),
  );
  return createKnowledgeBase(data);
}

const kb = kildeby();
const answerer = createAnswerer(kb, { now: () => NOW });
const text = (q: string) => renderAnswerText(answerer.answer(q));

describe('a word the stemmer cuts too short is looked up as its form without the ending', () => {
  it('the over-cut stem is a word of the documents ("som"), and still the form reaches the compound', () => {
    const index = createSearchIndex(buildFacts(kb), loadLexicon().synonyms);
    const [sommeren] = index.queryTerms(analyzeText(foldText('sommeren')));
    const terms = sommeren!.expansions.map((e) => e.term);
    expect(terms).toContain('som');
    expect(terms).toContain('sommerlukning');
  });

  it.each([
    ['hvornår lukker vuggestuerne om sommeren', /12\. juli 2027/],
    ['hvornår lukker de om sommeren', /12\. juli 2027/],
    ['hvornår er der tilsyn i husene om efteråret', /6\. september 2027/],
  ])('"%s" is answered by the compound\'s date', (question, date) => {
    expect(text(question)).toMatch(date);
  });
});
