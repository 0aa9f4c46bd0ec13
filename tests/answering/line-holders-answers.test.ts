/**
 * Answers on a knowledge base of the test's own where one house's coordinator moves, on a day, to another
 * cluster's holder of the one klyngeleder post (a line with `toUnit` for the holders in `appliesTo.units`), and
 * whose calendar covers only 2027: whom the coordinator there reports to now and from the day, the coming change
 * in one line, who reports to the new holder, the chain, and a meeting asked past the calendar's year.
 */
import { describe, expect, it } from 'vitest';
import { createAnswerer, renderAnswerText } from '../../src/answering/index.js';
import { parseKnowledgeFiles } from '../../src/knowledge/load-knowledge.js';
import { clusterFile, inputs } from '../knowledge/knowledge-files.js';

const NOW = new Date('2026-12-01T09:00:00Z');

function answerer() {
  const result = parseKnowledgeFiles(inputs(clusterFile()));
  if (!result.ok) throw new Error('the test knowledge base does not load');
  return createAnswerer(result.kb, { now: () => NOW });
}

const ask = (question: string) => renderAnswerText(answerer().answer(question));

describe('a line to one unit\'s holder of a post, for the holders in one house', () => {
  it('names today\'s holder for the house, and the new one from the day in one line', () => {
    const reply = ask('hvem refererer koordinatoren i strand til');
    const [headline, ...rest] = reply.split('\n');
    expect(headline).toContain('Lone Lyng');
    expect(headline).not.toContain('Sanne Sand');
    expect(rest.join('\n')).toMatch(/Fra 1\. marts 2027: refererer til klyngeleder(en)? for Klynge Nord, Sanne Sand\./);
  });

  it('answers a question about the day itself with that unit\'s holder only, in both languages', () => {
    const da = ask('hvem skal koordinatoren i strand referere til fra 1. marts 2027').split('\n')[0]!;
    expect(da).toMatch(/klyngeleder(en)? for Klynge Nord, Sanne Sand/);
    expect(da).not.toContain('Lone Lyng');
    const en = ask('who will the coordinator in strand report to from 1 march 2027').split('\n')[0]!;
    expect(en).toMatch(/cluster leader( \(klyngeleder\))? of Cluster North( \(Klynge Nord\))?, Sanne Sand/);
  });

  it('leaves the coordinator of another house on the general line, without a coming change', () => {
    const reply = ask('hvem refererer koordinatoren i bakke til');
    expect(reply.split('\n')[0]).toContain('Sanne Sand');
    expect(reply).not.toMatch(/Fra 1\. marts 2027/);
  });

  it('says who reports to the new holder from the day, with the house the line concerns', () => {
    const reply = ask('hvem refererer til sanne sand fra 1. marts 2027');
    expect(reply.split('\n')[0]).toMatch(/koordinator \(i Huset Strand\)/);
  });

  it('follows the chain from the post above to the top', () => {
    const reply = ask('hvad er kommandovejen fra koordinatoren i strand');
    expect(reply).toMatch(/chef/);
  });
});

describe('a meeting asked past the period its calendar covers', () => {
  it('says the calendar gives dates only up to its end, not that the meeting ends', () => {
    const reply = ask('hvornår er klyngemøderne i 2028');
    expect(reply.split('\n')[0]).toBe('Det ved jeg ikke i 2028: Årshjul 2027 giver kun datoer for klyngemøde til og med 31. december 2027.');
  });

  it('gives the days inside it', () => {
    expect(ask('hvornår er klyngemøderne i december 2027')).toMatch(/7\. december 2027/);
  });
});
