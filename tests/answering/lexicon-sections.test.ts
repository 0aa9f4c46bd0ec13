/**
 * The lexicon's word lists that the engine used to read straight from lexicon.json (eachWords, negationWords,
 * countModifiers, pastWords, numbers, leaderWords, changeWords, floor) come through the validated, loaded lexicon, so a
 * knowledge base's own lexicon file extends them like any other section.
 */
import { describe, expect, it } from 'vitest';
import { loadLexicon } from '../../src/answering/lexicon/lexicon.js';
import { isLeaderRole } from '../../src/answering/relations.js';
import { countedPositions } from '../../src/answering/understand.js';
import { analyzeText, foldText } from '../../src/answering/normalize.js';

const EXTENSION = {
  eachWords: { da: ['samtlige'], en: ['every one of the'] },
  negationWords: { da: ['ej'], en: [] },
  countModifiers: { da: ['ekstra'], en: ['additional'] },
  pastWords: { da: ['fandtes der'], en: ['used to'] },
  numbers: { tolv: 12 },
  leaderWords: { da: ['bestyrerske'], en: ['warden'] },
  changeWords: { da: ['nedlægges'], en: [] },
  floor: { chatWords: { da: ['altså'], en: ['btw'] }, eventWords: { da: ['genåbnes'], en: [] } },
};

describe('loadLexicon: the word-list sections', () => {
  it('holds the built-in lists', () => {
    const lexicon = loadLexicon();
    expect(lexicon.negationWords.has('ikke')).toBe(true);
    expect(lexicon.countModifiers.has('flere')).toBe(true);
    expect(lexicon.pastWords.has('var')).toBe(true);
    expect(lexicon.eachWords).toContainEqual(['hvert']);
    expect(lexicon.floorWords.events).toContain('vedtaget');
    expect(lexicon.phrases.leaderWords.da.length).toBeGreaterThan(0);
  });

  it("adds a knowledge base's own words to each of them", () => {
    const base = loadLexicon();
    const lexicon = loadLexicon([EXTENSION]);
    expect(base.negationWords.has('ej')).toBe(false);
    expect(lexicon.negationWords.has('ej')).toBe(true);
    expect(lexicon.countModifiers.has('additional')).toBe(true);
    expect(lexicon.pastWords.has(foldText('fandtes der'))).toBe(true);
    expect(lexicon.eachWords).toContainEqual(['samtlige']);
    expect(lexicon.numbers['tolv']).toBe(12);
    expect(lexicon.phrases.changeWords.da).toContain('nedlægges');
    expect(lexicon.floorWords.chat).toContain('altså');
    expect(lexicon.floorWords.events).toContain('genåbnes');
  });

  it('reads leader words and count modifiers from the lexicon it is given', () => {
    const role = { name: 'Bestyrerske', labelEn: 'warden of the home' };
    expect(isLeaderRole(role, loadLexicon())).toBe(false);
    expect(isLeaderRole(role, loadLexicon([EXTENSION]))).toBe(true);
    const tokens = analyzeText(foldText('hvor mange ekstra pladser'));
    const cue = [0, 1];
    expect(countedPositions(tokens, cue, loadLexicon().countModifiers)).toEqual([2]);
    expect(countedPositions(tokens, cue, loadLexicon([EXTENSION]).countModifiers)).toEqual([3]);
  });
});
