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
  countJoinWords: { da: ['foruden'], en: [] },
};

/** The word lists that moved from code into the lexicon (session 20), each with the words the code held, folded. */
const MOVED_LISTS = {
  distributiveWords: ['per', 'pr', 'each', 'every', 'hver', 'hvert'],
  indefiniteWords: ['et', 'en', 'a', 'an', 'any', 'each', 'every', 'hvert', 'hver', 'ethvert', 'enhver'],
  whenWords: ['when', 'naar', 'hvornaar'],
  whoWords: ['who', 'whom', 'whose', 'hvem', 'hvis'],
  joiningWords: ['and', 'or', 'og', 'eller', 'samt'],
  countJoinWords: ['og', 'and', 'samt', 'plus', '&'],
  pairJoinWords: ['og', 'and', 'samt', 'eller', 'or', 'vs', 'versus', 'kontra', 'compared', 'sammenlignet', 'end', 'than'],
  capacityLinkWords: ['til', 'for', 'paa', 'of'],
} as const;

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

  it('holds, folded, exactly the words the code held before each list moved into the lexicon', () => {
    const lexicon = loadLexicon();
    for (const [key, words] of Object.entries(MOVED_LISTS)) expect([...lexicon[key as keyof typeof MOVED_LISTS]].sort(), key).toEqual([...words].sort());
  });

  it('reads leader words and count modifiers from the lexicon it is given', () => {
    const role = { name: 'Bestyrerske', labelEn: 'warden of the home' };
    expect(isLeaderRole(role, loadLexicon())).toBe(false);
    expect(isLeaderRole(role, loadLexicon([EXTENSION]))).toBe(true);
    const tokens = analyzeText(foldText('hvor mange ekstra pladser'));
    const cue = [0, 1];
    expect(countedPositions(tokens, cue, loadLexicon())).toEqual([2]);
    expect(countedPositions(tokens, cue, loadLexicon([EXTENSION]))).toEqual([3]);
    // Each thing listed after the count is counted, joined by a word of `countJoinWords`.
    const listed = analyzeText(foldText('hvor mange børn foruden pædagoger'));
    expect(countedPositions(listed, cue, loadLexicon())).toEqual([2]);
    expect(countedPositions(listed, cue, loadLexicon([EXTENSION]))).toEqual([2, 4]);
  });
});
