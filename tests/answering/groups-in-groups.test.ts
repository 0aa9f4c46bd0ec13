/**
 * A leadership group that sits in another as a whole (kb-tornhoej's writer: "TÅ-MED is Styregruppen plus the elected
 * staff representatives"): kb:check accepts it and rejects a group inside itself; "who sits on" the outer group names
 * the inner group and who sits in it; the inner group's members sit on the outer group too. On a small knowledge base
 * of this test's own (the invented municipality Askby).
 */
import { describe, expect, it } from 'vitest';
import { createAnswerer, renderAnswerText } from '../../src/answering/index.js';
import { formatKnowledgeError, parseKnowledgeFiles } from '../../src/knowledge/load-knowledge.js';

const NOW = new Date('2026-12-01T09:00:00Z');
const DOC = 'ask-organisation.txt';
const src = (quote: string) => ({ doc: DOC, quote });

function askby() {
  return {
    documents: [{ id: DOC, title: 'Organisering af dagtilbud i Askby', titleEn: 'Organisation of day care in Askby', municipality: 'ask', kind: 'other' }],
    municipalities: [{ id: 'ask', name: 'Askby Kommune', labelEn: 'Askby Municipality', names: ['Askby'], source: src('Askby Kommune') }],
    units: [{ id: 'ask-dagtilbud', name: 'Dagtilbud Askby', labelEn: 'Day Care Askby', type: 'centre', municipality: 'ask', ledBy: ['ask-chef'], source: src('Dagtilbud Askby') }],
    roles: [
      { id: 'ask-chef', name: 'dagtilbudsdirektør', labelEn: 'director of day care', unit: 'ask-dagtilbud', municipality: 'ask', source: src('dagtilbudsdirektør') },
      { id: 'ask-egnschef', name: 'egnschef', labelEn: 'district head', unit: 'ask-dagtilbud', municipality: 'ask', reportsTo: ['ask-chef'], source: src('egnschef') },
    ],
    leadershipGroups: [
      { id: 'ask-styregruppe', name: 'Styregruppen', labelEn: 'the steering group', municipality: 'ask', members: [{ ref: 'ask-chef' }, { ref: 'ask-egnschef' }], source: src('Styregruppen') },
      {
        id: 'ask-med',
        name: 'Dagtilbuds-MED',
        labelEn: 'day-care co-determination committee',
        municipality: 'ask',
        members: [{ ref: 'ask-styregruppe' }],
        otherMembers: [{ text: { da: 'de valgte medarbejderrepræsentanter', en: 'the elected staff representatives' } }],
        source: src('Dagtilbuds-MED'),
      },
    ],
  };
}

function parse(data: object) {
  return parseKnowledgeFiles([{ file: 'askby.json', text: JSON.stringify(data) }]);
}

describe('kb:check on a group inside a group', () => {
  it('accepts a group as a member of another', () => {
    const result = parse(askby());
    expect(result.ok ? [] : result.errors.map(formatKnowledgeError)).toEqual([]);
  });
  it('rejects a group inside itself, with the path and the fix', () => {
    const data = askby();
    data.leadershipGroups[0]!.members.push({ ref: 'ask-med' });
    const result = parse(data);
    expect(result.ok).toBe(false);
    const messages = result.ok ? [] : result.errors.map(formatKnowledgeError);
    expect(messages).toEqual([expect.stringMatching(/group membership cycle: .*ask-med.*ask-styregruppe.* \(fix: a group cannot sit in itself/)]);
  });
});

describe('answers', () => {
  const result = parse(askby());
  if (!result.ok) throw new Error(result.errors.map(formatKnowledgeError).join('\n'));
  const answerer = createAnswerer(result.kb, { now: () => NOW });
  const ask = (q: string) => renderAnswerText(answerer.answer(q));
  it.each([
    ['hvem sidder i dagtilbuds-med', /Styregruppen[^]*dagtilbudsdirektør og egnschef/],
    ['who are the members of the day-care co-determination committee', /steering group[^]*director of day care \(dagtilbudsdirektør\) and district head \(egnschef\)/],
  ])('%s: the inner group and who sits in it', (q, expected) => {
    expect(ask(q)).toMatch(expected);
  });
  it.each([
    ['hvilke grupper sidder egnschefen i', /Dagtilbuds-MED \(som medlem af Styregruppen\)/],
    ['which groups is the district head on', /co-determination/],
  ])('%s: the inner group\'s member sits on the outer group too', (q, expected) => {
    expect(ask(q)).toMatch(expected);
  });
});
