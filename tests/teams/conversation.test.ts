import { describe, expect, it } from 'vitest';
import { commandLanguage, recognizeSmallTalk, suggestCommand } from '../../src/teams/conversation.js';

describe('recognizeSmallTalk', () => {
  it.each([
    ['Hej!', { kind: 'greeting', lang: 'da' }],
    ['hej Leder', { kind: 'greeting', lang: 'da' }],
    ['Good morning :)', { kind: 'greeting', lang: 'en' }],
    ['Mange tak!', { kind: 'thanks', lang: 'da' }],
    ['Thank you 🙏', { kind: 'thanks', lang: 'en' }],
  ])('reads %j', (text, expected) => {
    expect(recognizeSmallTalk(text, 'Leder')).toEqual(expected);
  });

  it.each(['tak for svaret om fristerne', 'Hej, hvem er leder i Solsikken?', 'hvad betyder tak'])('leaves a real message alone: %j', (text) => {
    expect(recognizeSmallTalk(text)).toBeUndefined();
  });
});

describe('suggestCommand', () => {
  it.each([
    ['slet opgave 2', 'en', { lang: 'da', command: 'færdig 2' }],
    ['fjern opgave 12', 'da', { lang: 'da', command: 'færdig 12' }],
    ['delete task 4', 'da', { lang: 'en', command: 'done 4' }],
    ['opgavr 3', 'da', { lang: 'da', command: 'opgave ‹titel› senest ‹dato›' }],
    ['/status', 'da', { lang: 'da', command: 'opgaver' }],
    ['/status', 'en', { lang: 'en', command: 'tasks' }],
    ['/hjælpe', 'en', { lang: 'da', command: 'hjælp' }],
    ['/zzzzzzzz', 'en', { lang: 'en' }],
  ] as const)('suggests for %j (fallback %s)', (text, fallback, expected) => {
    expect(suggestCommand(text, fallback)).toEqual(expected);
  });

  it.each(['Hvem refererer lederen til?', 'vis mig politikkerne for Ballerup', 'opgaver', 'done 3', 'slet opgave 2?', 'hvor mange børn går i Solsikken'])(
    'treats %j as no unknown command',
    (text) => {
      expect(suggestCommand(text, 'da')).toBeUndefined();
    },
  );
});

describe('commandLanguage', () => {
  it.each([
    ['frister?', 'da'],
    ['deadlines', 'en'],
    ['mine opgaver', 'da'],
    ['my tasks', 'en'],
    ['Hvem er leder?', undefined],
  ])('%j is %s', (text, lang) => {
    expect(commandLanguage(text)).toBe(lang);
  });
});
