/**
 * The floor's "The documents name X but do not mention <word>" refusal fires only on what the question asks for (its
 * asked slot: the thing after "how many", the words a "who is / when is" opens), or on a general (fallback) answer.
 * A word the documents and the lexicon do not know elsewhere in the question (an adverb, a verb, a time phrase) must
 * not turn a structured answer into a refusal; an unknown thing asked for still refuses, without the unit's figures.
 * Phrasings are our own, on three knowledge bases.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderAnswerText, type Answer } from '../../src/answering/index.js';
import { loadAnswerers, type Data, type Loaded, saidBy } from '../helpers/answerers.js';

const NOW = new Date('2026-11-30T09:00:00Z');
const FJORDBY = 'tests/fixtures/kb-other';
const BAKKEKAER = 'tests/fixtures/kb-bakkekaer';
const HVIDMOSE = 'tests/fixtures/kb-hvidmose';

let bases: Map<string, Loaded>;
beforeAll(async () => {
  bases = await loadAnswerers([FJORDBY, BAKKEKAER, HVIDMOSE], NOW);
});

const ask = (dir: string, question: string): Answer => bases.get(dir)!.answerer.answer(question);
/** What the answer says, without the questions it suggests. */
const said = (answer: Answer) => saidBy(answer).toLowerCase();

/** The children a unit's own record counts. */
const childrenOf = (d: Data, name: string): number => {
  const unit = d.units.find((u) => u.name === name)!;
  return unit.figures!.find((f) => f.metric === 'children')!.value;
};
/** Every figure a unit's own record gives. */
const figuresOf = (d: Data, name: string): number[] => (d.units.find((u) => u.name === name)!.figures ?? []).map((f) => f.value);
/** The names of what a role reports to, as the documents write them (lower case). */
const superiorsOf = (d: Data, roleId: string): string[] => {
  const role = d.roles.find((r) => r.id === roleId)!;
  const to = [...role.reportsTo, ...d.reportingLines.filter((l) => l.from === role.id).map((l) => l.to)];
  return [...d.roles, ...d.units].filter((x) => to.includes(x.id)).map((x) => x.name.toLowerCase());
};
/** The role that leads a unit. */
const leaderOf = (d: Data, unitName: string): string => d.units.find((u) => u.name === unitName)!.ledBy[0]!;

describe('the floor: an unknown word outside the asked slot keeps the answer', () => {
  it.each<[string, string, string]>([
    [FJORDBY, 'hvor mange børn er der mon i mågen for tiden', 'Børnehuset Mågen'],
    [FJORDBY, 'how many children are enrolled in mågen', 'Børnehuset Mågen'],
    [BAKKEKAER, 'hvor mange børn er der mon i kløverengen for tiden', 'Børnehuset Kløverengen'],
    [BAKKEKAER, 'how many children does kløverengen currently look after', 'Børnehuset Kløverengen'],
    [HVIDMOSE, 'hvor mange børn er der mon i myretuen for tiden', 'Børnehuset Myretuen'],
    [HVIDMOSE, 'how many kids are looked after in myretuen', 'Børnehuset Myretuen'],
  ])('%s: "%s" gives the count of children', (dir, question, unit) => {
    const answer = ask(dir, question);
    expect(answer.kind).not.toBe('unknown');
    expect(said(answer)).toMatch(new RegExp(`\\b${childrenOf(bases.get(dir)!.data, unit)}\\b`));
    expect(said(answer)).not.toMatch(/do not mention|nævner ikke/);
  });

  it.each<[string, string, (d: Data) => string]>([
    // (Fjordby's institutions are led by the one post of institution leader, which no unit lists as its leader.)
    [FJORDBY, 'who does the leader of mågen formally report to', (d) => d.roles.find((r) => r.name === 'institutionsleder')!.id],
    [BAKKEKAER, 'who does the leader of kløverengen formally report to', (d) => leaderOf(d, 'Børnehuset Kløverengen')],
  ])('%s: "%s" gives the line upwards', (dir, question, role) => {
    const answer = ask(dir, question);
    expect(answer.kind).not.toBe('unknown');
    const d = bases.get(dir)!.data;
    const superiors = superiorsOf(d, role(d));
    expect(superiors.length).toBeGreaterThan(0);
    expect(superiors.some((name) => renderAnswerText(answer).toLowerCase().includes(name))).toBe(true);
  });
});

describe('the floor: an unknown thing asked for still refuses', () => {
  it.each<[string, string, string]>([
    [FJORDBY, 'how many goats are in mågen', 'Børnehuset Mågen'],
    [FJORDBY, 'how many fishermen are in mågen', 'Børnehuset Mågen'],
    [BAKKEKAER, 'hvor mange fodboldtrænere er der i kløverengen', 'Børnehuset Kløverengen'],
    [BAKKEKAER, 'hvem er gartneren i kløverengen', 'Børnehuset Kløverengen'],
    [HVIDMOSE, 'how many goats does myretuen have', 'Børnehuset Myretuen'],
  ])('%s: "%s" gets "I don\'t know" without the unit\'s figures', (dir, question, unit) => {
    const answer = ask(dir, question);
    expect(answer.kind).toBe('unknown');
    for (const value of figuresOf(bases.get(dir)!.data, unit)) expect(said(answer)).not.toMatch(new RegExp(`\\b${value}\\b`));
  });
});
