/**
 * The work the answerers share instead of redoing per question (issue 11.6, speed): a text is analysed once and its
 * token list shared (frozen, so no answerer can change it under another), the lexicon's matches of a shared list are
 * kept with it, a text already folded is its own fold, and testing one kind's cues agrees with matching them all.
 * Each remembered result must be exactly what working it out again gives.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadLexicon, QUESTION_KINDS, type QuestionKind } from '../../src/answering/lexicon/lexicon.js';
import { analyzeText, foldText, stemsOf, tokenize, type Token } from '../../src/answering/normalize.js';

const lexicon = loadLexicon();

/** Every working question of the seed's and Fjordby's banks, and some texts written here (typos, hyphens, capitals). */
async function texts(): Promise<string[]> {
  const own = ['Hvem er MED-udvalgets formand?', 'who does the pedagogical leader report to', 'HVORNÅR er ansøgningsfristen', 'Børnehuset Kløverengen (children’s house)', 'refererer til', 'tak for hjælpen', ''];
  const bank: string[] = [];
  for (const file of ['data.working.json', 'kb-other.working.json']) {
    const { questions } = JSON.parse(await readFile(new URL(`../eval/questions/${file}`, import.meta.url), 'utf8')) as { questions: Array<{ text: string }> };
    bank.push(...questions.map((q) => q.text));
  }
  return [...own, ...bank];
}

/** The tokens of a text worked out afresh (a new list each time). */
function fresh(text: string): Token[] {
  return tokenize(text).map((form, index) => ({ form, terms: stemsOf(form), index }));
}

describe('analyzeText', () => {
  it('gives the same frozen list for the same text, equal to the tokens worked out afresh', async () => {
    for (const text of await texts()) {
      const first = analyzeText(text);
      expect(Object.isFrozen(first)).toBe(true);
      expect(analyzeText(text)).toBe(first);
      expect(first).toEqual(fresh(text));
    }
  });

  it('cannot be changed by one answerer under another', () => {
    const list = analyzeText('hvem leder klyngen') as Token[];
    expect(() => list.push({ form: 'x', terms: ['x'], index: 3 })).toThrow(TypeError);
    expect(analyzeText('hvem leder klyngen')).toHaveLength(3);
  });
});

describe('foldText', () => {
  it.each([
    ['Høje-Taastrup', 'hoeje-taastrup'],
    ['ÆBLE og Ålekisten', 'aeble og aalekisten'],
    ['café – résumé', 'cafe – resume'],
    ['already folded 2026', 'already folded 2026'],
  ])('folds %s as before', (text, folded) => {
    expect(foldText(text)).toBe(folded);
  });

  it('leaves a folded text as it is (the same string), and folding twice changes nothing for the bank', async () => {
    const folded = 'hvem er klyngelederen i distrikt baltorp';
    expect(foldText(folded)).toBe(folded);
    for (const text of await texts()) expect(foldText(foldText(text))).toBe(foldText(text));
  });
});

describe('CueSet', () => {
  it("says a kind's cues match exactly when matching every kind's cues finds that kind", async () => {
    for (const text of await texts()) {
      const shared = analyzeText(foldText(text));
      // A list of the same tokens that is not shared (not frozen) is matched afresh each time.
      const own = [...shared];
      const all = lexicon.kinds.match(own);
      expect(lexicon.kinds.match(shared)).toEqual(all);
      for (const kind of QUESTION_KINDS as readonly QuestionKind[]) {
        expect(lexicon.kinds.has(shared, kind), `${kind} in "${text}"`).toBe(all.has(kind));
        expect(lexicon.kinds.has(own, kind), `${kind} in "${text}"`).toBe(all.has(kind));
      }
    }
  });

  it('keeps the matches of a shared list and works out a changing list afresh', () => {
    const shared = analyzeText('hvem refererer klyngelederne til');
    expect(lexicon.kinds.match(shared)).toBe(lexicon.kinds.match(shared));
    const own = [...shared];
    const before = lexicon.kinds.match(own);
    own[1] = { form: '', terms: [''], index: 1 };
    expect(lexicon.kinds.match(own)).not.toEqual(before);
  });
});
