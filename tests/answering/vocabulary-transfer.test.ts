/**
 * Vocabulary transfer: the words a leader uses for a knowledge base's own items are linked from the items' own names,
 * not from aliases an author happened to write. Each case removes the alias that would have named the item the way the
 * question does (so only the mechanism can find it), on several knowledge bases with vocabulary of their own. Our own
 * phrasings (batch A: worked on; batch B: written after the first fixes and scored once on arrival).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnswerer, readLexiconExtensions, renderAnswerText, type Answerer } from '../../src/answering/index.js';
import { loadLexicon, lexiconWords } from '../../src/answering/lexicon/lexicon.js';
import { createLinker, type Linker } from '../../src/answering/linking.js';
import { analyzeText, foldText } from '../../src/answering/normalize.js';
import { createKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { loadKnowledgeOrThrow } from '../../src/knowledge/load-knowledge.js';

const NOW = new Date('2026-11-30T09:00:00Z');
const UNKNOWN = /ved jeg ikke|don't know|nævner ikke|do not mention|ingen datoer|no dates/i;

interface Loaded {
  readonly kb: KnowledgeBase;
  readonly answerer: Answerer;
  readonly linker: Linker;
}

/** The knowledge base of a folder with the aliases `drop` (compared folded) taken out of every item's names. */
async function load(dir: string, drop: readonly string[] = []): Promise<Loaded> {
  const loaded = await loadKnowledgeOrThrow(dir);
  const dropped = new Set(drop.map((d) => foldText(d)));
  const data = structuredClone(loaded.data);
  for (const list of Object.values(data)) {
    if (!Array.isArray(list)) continue;
    for (const item of list as Array<Record<string, unknown>>) {
      for (const key of ['names', 'namesEn']) if (Array.isArray(item[key])) item[key] = (item[key] as string[]).filter((n) => !dropped.has(foldText(n)));
    }
  }
  const kb = dropped.size === 0 ? loaded : createKnowledgeBase(data);
  const lexicon = loadLexicon([]);
  return {
    kb,
    answerer: createAnswerer(kb, { now: () => NOW, lexicon: await readLexiconExtensions(dir) }),
    linker: createLinker(kb, lexicon.synonyms, () => false, new Set(), lexicon.nameEquivalents, lexiconWords(lexicon)),
  };
}
const text = (l: Loaded, q: string) => renderAnswerText(l.answerer.answer(q), { details: true });
const linkedIds = (l: Loaded, q: string) => l.linker.link(analyzeText(q)).map((k) => k.id);

describe('an item named by the proper-name part of its name ("Kløverengen" of "Børnehuset Kløverengen")', () => {
  it.each([
    ['tests/fixtures/kb-bakkekaer', ['Kløverengen', 'Kloeverengen'], 'hvem er souschef i kloeverengen', 'bkk-kloeverengen', /Jonas Eskildsen/],
    ['tests/fixtures/kb-solvang', ['Kastanjen'], 'hvor mange børn går der i kastanjen', 'slv-kastanjen', /\b78\b/],
    ['tests/fixtures/kb-havbjerg', ['Hede'], 'hvor mange institutioner er der i hede', 'hbj-enhed-hede', /\b5 institutioner/],
    ['tests/fixtures/kb-ulvedal', ['Nørreled'], 'who leads nørreled', 'uvd-bl-norreled', /Mette Kvist Rasmussen/],
    ['tests/fixtures/kb-ulvedal', ['Nørreled'], 'hvem er landsbyleder i noerreled', 'uvd-ll-norreled', /Mette Kvist Rasmussen/],
  ])('%s without the alias %j: "%s"', async (dir, drop, question, id, fact) => {
    const l = await load(dir, drop);
    expect(linkedIds(l, question)).toContain(id);
    const answer = text(l, question);
    expect(answer).not.toMatch(UNKNOWN);
    expect(answer).toMatch(fact);
  });

  it('links the part a little below the full name', async () => {
    const l = await load('tests/fixtures/kb-hjortsoe', ['Midt']);
    const part = l.linker.link(analyzeText('hvem er teamchef i midt')).find((k) => k.id === 'hjs-team-midt');
    expect(part?.quality).toBeLessThan(1);
    expect(part?.quality).toBeGreaterThanOrEqual(0.85);
  });

  it('never takes a common word of the domain in a name for the name ("Børn" of "Udvalget for Børn, …", "Videnscenter Børn")', async () => {
    const hjortsoe = await load('tests/fixtures/kb-hjortsoe');
    const committee = hjortsoe.kb.data.units.find((u) => /^Udvalget for Børn/.test(u.name));
    expect(committee).toBeDefined();
    expect(linkedIds(hjortsoe, 'hvor mange børn venter på en plads')).not.toContain(committee!.id);
    const ravnsholt = await load('tests/fixtures/kb-ravnsholt');
    expect(linkedIds(ravnsholt, 'hvor mange børn går der i alt')).not.toContain('rvs-vcb');
  });

  it('never links a part that another item bears in a name not of this one', async () => {
    // "Sandager" is a word of Børnelandsby Sandager's names only, and of roles *of* it: the village alone. With a
    // second, unrelated item bearing the word, the part names nothing.
    const l = await load('tests/fixtures/kb-ulvedal', ['Sandager']);
    expect(linkedIds(l, 'hvem leder sandager')).toContain('uvd-bl-sandager');
    const data = structuredClone(l.kb.data);
    data.programmes.push({ ...data.programmes[0]!, id: 'x-sandager-programme', name: 'Projekt Sandager', names: [], namesEn: [] });
    const lexicon = loadLexicon([]);
    const other = createLinker(createKnowledgeBase(data), lexicon.synonyms, () => false, new Set(), lexicon.nameEquivalents, lexiconWords(lexicon));
    const ids = other.link(analyzeText('hvem leder sandager')).map((k) => k.id);
    expect(ids).not.toContain('uvd-bl-sandager');
  });
});
