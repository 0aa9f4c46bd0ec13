import { describe, expect, it } from 'vitest';
import { formatKnowledgeError, parseKnowledgeFiles } from '../../src/knowledge/load-knowledge.js';
import { checkSourceQuotes, quoteOccurs } from '../../src/knowledge/source-quotes.js';
import { inputs, organisationFile } from './knowledge-files.js';

const text = [
  'Som leder af staben vil du have ansvaret for den faglige og strategiske understøttelse af en',
  'afdeling med ca. 8 medarbejdere. Du bliver del af Familie-',
  'og Dagtilbudscentret og varetager kapaci-',
  'tetsstyring på dagtilbudsområdet●',
  '',
  'At skabe et stærkt ',
  ' skaber rammer for systematisk inddragelse af forældre, skole ',
  ' samarbejde på tværs af ',
  'fagligheder ',
].join('\n');

describe('quoteOccurs', () => {
  it.each([
    ['a quote as written', 'ansvaret for den faglige og strategiske understøttelse'],
    ['a quote across a line break', 'af en afdeling med ca. 8 medarbejdere'],
    ['different case and punctuation', 'AFDELING MED CA 8 MEDARBEJDERE'],
    ['a hyphenated compound broken at a line end', 'Familie- og Dagtilbudscentret'],
    ['a word hyphenated across lines', 'varetager kapacitetsstyring på dagtilbudsområdet'],
    ['a cut marked with an ellipsis', 'Som leder af staben ... ca. 8 medarbejdere'],
    ['a cut marked with […]', 'Som leder af staben […] ca. 8 medarbejdere'],
    ['table columns interleaved by text extraction', 'At skabe et stærkt samarbejde på tværs af fagligheder'],
  ])('finds %s', (_, quote) => {
    expect(quoteOccurs(quote, text)).toBe(true);
  });

  it.each([
    ['a changed word', 'ansvaret for den faglige og politiske understøttelse'],
    ['a changed number', 'afdeling med ca. 9 medarbejdere'],
    ['words in another order', 'strategiske og faglige understøttelse'],
    ['a paraphrase', 'leder af en stab på otte medarbejdere'],
  ])('rejects %s', (_, quote) => {
    expect(quoteOccurs(quote, text)).toBe(false);
  });
});

describe('checkSourceQuotes', () => {
  it('names the item and the path of each quote that is not in its document', () => {
    const file = organisationFile();
    file.roles[1]!.responsibilities![0]!.source.quote = 'Leder hele verden';
    const result = parseKnowledgeFiles(inputs(file));
    if (!result.ok) throw new Error(result.errors.map(formatKnowledgeError).join('\n'));
    const problems = checkSourceQuotes(result.kb, new Map([['doc-a.txt', 'Lorem ipsum dolor sit amet. Leder huset.']]));
    expect(problems).toEqual([
      expect.objectContaining({ item: 'leder', path: 'responsibilities[0].source', doc: 'doc-a.txt', quote: 'Leder hele verden' }),
    ]);
  });
});
