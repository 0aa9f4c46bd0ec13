/**
 * One day of a recurring meeting with its own time, place or note (`recurrence.occurrences`, issue 17: "no note for
 * a single moved or extra meeting"): answers that list the meeting's days tell that day's details, the other days
 * as usual, on the knowledge-loader tests' small timeline file.
 */
import { describe, expect, it } from 'vitest';
import { createAnswerer, renderAnswerText } from '../../src/answering/index.js';
import { formatKnowledgeError, parseKnowledgeFiles } from '../../src/knowledge/load-knowledge.js';
import { inputs, timelineFile } from '../knowledge/knowledge-files.js';

const NOW = new Date('2026-12-01T09:00:00Z');

function answererWith(occurrences: object[]) {
  const file = timelineFile();
  (file.meetings[0]!.recurrence as { occurrences?: object[] }).occurrences = occurrences;
  const result = parseKnowledgeFiles(inputs(file));
  if (!result.ok) throw new Error(result.errors.map(formatKnowledgeError).join('\n'));
  return createAnswerer(result.kb, { now: () => NOW });
}

const answerer = answererWith([{ date: '2027-03-02', time: '12:00', endTime: '14:00', place: 'Biblioteket', note: { da: 'med frokost', en: 'with lunch' } }]);
const ask = (q: string) => renderAnswerText(answerer.answer(q));

describe("a meeting's days tell one day's own time, place and note", () => {
  it.each([
    ['hvornår er der ledermøde i marts 2027', /2\. marts 2027 kl\. 12:00–14:00, sted: Biblioteket \(med frokost\)/],
    ['when is the leaders meeting in march 2027', /2 March 2027 at 12:00–14:00, place: Biblioteket \(with lunch\)/],
    ['what is on the calendar in march 2027', /with lunch/],
  ])('%s', (q, expected) => {
    expect(ask(q)).toMatch(expected);
  });
  it('the other days as usual, without the note', () => {
    const text = ask('when is the leaders meeting in february 2027');
    expect(text).toMatch(/2 February 2027 at 09:00–11:00/);
    expect(text).not.toMatch(/lunch|Biblioteket/);
  });
});
