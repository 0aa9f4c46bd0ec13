import { describe, expect, it } from 'vitest';
import { normalizeName } from '../../src/knowledge/normalize-name.js';

describe('normalizeName', () => {
  it.each([
    ['Pædagogisk leder', 'paedagogisk leder'],
    ['PÆDAGOGISK LEDER', 'paedagogisk leder'],
    ['paedagogisk leder', 'paedagogisk leder'],
    ['Høje-Taastrup', 'hoeje taastrup'],
    ['hoeje taastrup', 'hoeje taastrup'],
    ['Område Nord', 'omraade nord'],
    ['Ålekisten', 'aalekisten'],
    ['Ålekisten', 'aalekisten'],
    ['Café   Éclair', 'cafe eclair'],
    ['Familie- og Dagtilbudscentret', 'familie og dagtilbudscentret'],
    ['Ballerup’s  «dagtilbud»!', 'ballerups dagtilbud'],
    ['  KIDS, NEST & ICDP ', 'kids nest icdp'],
    ['0-25-årsområdet', '0 25 aarsomraadet'],
  ])('normalises %j to %j', (input, expected) => {
    expect(normalizeName(input)).toBe(expected);
  });

  it('gives the same form for the Danish and the folded spelling', () => {
    expect(normalizeName('Børnehuset Mågen')).toBe(normalizeName('boernehuset maagen'));
  });

  it('keeps different names apart', () => {
    expect(normalizeName('områdeleder')).not.toBe(normalizeName('områdeledelse'));
  });
});
