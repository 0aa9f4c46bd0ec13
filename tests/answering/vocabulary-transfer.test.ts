/**
 * Vocabulary transfer: the words a leader uses for a knowledge base's own items are linked from the items' own names,
 * not from aliases an author happened to write. Each case removes the alias that would have named the item the way the
 * question does (so only the mechanism can find it), on several knowledge bases with vocabulary of their own. Our own
 * phrasings (batch A: worked on; batch B: written after the first fixes and scored once on arrival).
 */
import { describe, expect, it } from 'vitest';
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

describe('an abbreviation of the knowledge base spelt like a function word ("VIL", "MED"), written as one', () => {
  it.each([
    ["who's the VIL in nørreled", /Mads Winther Lauridsen/],
    ["hvem er VIL'en i kildeskov", /Amina Yusuf Bak/],
    ['what does VIL mean', /vice head/i],
  ])('Ulvedal: "%s"', async (question, fact) => {
    const l = await load('tests/fixtures/kb-ulvedal');
    const answer = text(l, question);
    expect(answer).not.toMatch(UNKNOWN);
    expect(answer).toMatch(fact);
  });

  it.each([
    ['hvem sidder i MED', /Småbørns-MED/],
    ['hvornår mødes MED', /seks gange om året/],
  ])('Bakkekær: "%s"', async (question, fact) => {
    const l = await load('tests/fixtures/kb-bakkekaer');
    expect(text(l, question)).toMatch(fact);
  });

  it('the same word in lower case stays a function word ("hvem vil lede …", "er du med")', async () => {
    const l = await load('tests/fixtures/kb-ulvedal');
    expect(text(l, 'hvem vil lede nørreled')).toMatch(/Mette Kvist Rasmussen/);
    expect(text(l, 'hvem vil lede nørreled')).not.toMatch(/Mads Winther Lauridsen/);
    const b = await load('tests/fixtures/kb-bakkekaer');
    expect(text(b, 'hvem er med i ledergruppen')).not.toMatch(/Småbørns-MED/);
  });

  it('a message in capitals throughout reads no abbreviation from its capitals', async () => {
    const { abbreviationForms } = await import('../../src/answering/normalize.js');
    expect(abbreviationForms('HVEM ER VIL I NØRRELED')).toBeUndefined();
    expect([...(abbreviationForms("hvem er VIL'en og hvor mange vil'er er der") ?? [])]).toEqual(['vil']);
    expect(abbreviationForms('hvem er lederen')).toBeUndefined();
  });
});

describe('a name said in another form of its own words', () => {
  it('a definite name asked in its bare form ("vicelederkreds" for "Vicelederkredsen")', async () => {
    const l = await load('tests/fixtures/kb-ulvedal', ['Vicelederkreds']);
    expect(linkedIds(l, 'hvem deltager i vicelederkreds')).toContain('uvd-vil-netvaerket');
    expect(text(l, 'hvem deltager i vicelederkreds')).toMatch(/viceleder og holdleder/);
  });

  it.each([
    ['tests/fixtures/kb-ulvedal', ['rådet'], 'hvem sidder i rådet', 'uvd-landsbyraadet'],
    ['tests/fixtures/kb-ulvedal', ['holdet'], 'hvad laver holdet', 'uvd-inklusionholdet'],
    ['tests/fixtures/kb-bakkekaer', ['forvaltningen'], 'hvem leder forvaltningen', 'bkk-boerne-og-familieforvaltningen'],
  ])('the head of a compound name alone, when one item (or items of it) ends in it: %s "%s"', async (dir, drop, question, id) => {
    const l = await load(dir, drop);
    expect(linkedIds(l, question)).toEqual([id]);
  });

  it('a head that is a word of the lexicon names no one item ("politikker", "mødet")', async () => {
    const l = await load('tests/fixtures/kb-ulvedal');
    const ids = linkedIds(l, 'hvilke politikker skal landsbylederen kende');
    expect(ids.filter((id) => l.kb.get(id)?.kind === 'policies')).toEqual([]);
    expect(linkedIds(l, 'hvornår er mødet')).toEqual([]);
  });

  it.each([
    ['tests/fixtures/kb-ravnsholt', ['madpolitikken', 'madpolitik'], 'gælder madpolitikken også for bølgen', 'rvs-madpolitik'],
    ['data', ['stabsleder', 'stabslederen', 'stabsledere', 'stabslederens'], 'er stabslederjobbet på fuld tid', 'htk-posting-leder-af-staben'],
    ['tests/fixtures/kb-ulvedal', [], 'hvem er tilsynschefen', 'uvd-analysechef'],
    ['tests/fixtures/kb-ulvedal', [], 'hvem er inklusionsholdslederen', 'uvd-holdleder'],
  ])('"X for/af Y" said as the compound Y(s)X: %s "%s"', async (dir, drop, question, id) => {
    const l = await load(dir, drop);
    const link = l.linker.link(analyzeText(question)).find((k) => k.id === id);
    expect(link).toBeDefined();
    expect(link!.quality).toBeLessThan(1);
  });

  it('an adjective after the preposition makes no compound ("leder af Pædagogisk Ressourcecenter" is no "pædagogiskleder")', async () => {
    const l = await load('tests/fixtures/kb-solvang');
    expect(linkedIds(l, 'hvem refererer paedagogisk leder i stjernehuset til')).not.toContain('slv-ressourcecenterleder');
  });

  it('a compound that is another item\'s own name stays that item\'s ("konsulentteam", not "team af konsulenter")', async () => {
    const l = await load('data');
    const ids = linkedIds(l, 'hvor mange er der i konsulentteam');
    expect(ids).toContain('htk-konsulentteamet');
    expect(ids).not.toContain('htk-konsulent-staben');
  });

  it('answers through the compound: "er stabslederjobbet på fuld tid" without the alias "stabsleder"', async () => {
    const bare = await load('data', ['stabsleder', 'stabslederen', 'stabsledere', 'stabslederens']);
    const answer = text(bare, 'hvor mange timer om ugen er stabslederjobbet');
    expect(answer).toMatch(/fuld tid/);
    expect(answer).toBe(text(await load('data'), 'hvor mange timer om ugen er stabslederjobbet'));
  });
});

/*
 * Batch B: written after the first fixes, on knowledge bases batch A did not use (Lindholt, Hvidmose, Egeskov, Fjordby),
 * scored once on arrival (see the final report), then fixed by class.
 */
describe('batch B: vocabulary of other municipalities', () => {
  it.each([
    // proper-name parts
    ['tests/fixtures/kb-lindholt', ['Lyngtoppen', 'Lyngtoppens'], 'hvilket børneunivers hører lyngtoppen til', 'lht-lyngtoppen'],
    ['tests/fixtures/kb-hvidmose', ['Myretuen'], 'hvem er husleder i myretuen', 'hvm-myretuen'],
    ['tests/fixtures/kb-hvidmose', ['Åen', 'Kvarter Aaen', 'kvarteret Åen'], 'hvem er kvarterchef i aaen', 'hvm-kvarter-aaen'],
    ['tests/fixtures/kb-egeskov', ['Mælkebøtten'], 'hvor mange børn er der i mælkebøtten', 'egs-maelkeboetten'],
    ['tests/fixtures/kb-egeskov', ['Engen', 'distriktslederen i Engen'], 'who is the district leader in engen', 'egs-engen'],
    ['tests/fixtures/kb-other', ['Mågen', 'Maagen', 'stillingen i Mågen'], 'hvornår er ansøgningsfristen i maagen', 'fjb-maagen'],
    // compound heads alone
    ['tests/fixtures/kb-lindholt', ['korpset', 'støttekorpset'], 'hvem leder korpset', 'lht-stoettekorpset'],
    ['tests/fixtures/kb-lindholt', ['rådet', 'universrådet'], 'hvem er med i rådet', 'lht-universraadet'],
    // "X for/af Y" as a compound
    ['tests/fixtures/kb-lindholt', [], 'hvem er støttekorpslederen', 'lht-korpsleder'],
    ['tests/fixtures/kb-other', ['centret'], 'hvem leder dagtilbudscentret', 'fjb-center-for-dagtilbud'],
    // definite names asked bare
    ['tests/fixtures/kb-egeskov', ['distriktsmøde', 'distriktsmøder'], 'hvornår holdes distriktsmøde', 'egs-distriktsmoede'],
    ['tests/fixtures/kb-other', ['Dagtilbudsledelsen', 'dagtilbudsledelsen'], 'hvem sidder i dagtilbudsledelse', 'fjb-dagtilbudsledelsen'],
    // abbreviations inflected or in lower case
    ['tests/fixtures/kb-hvidmose', [], "hvem sidder i SLG'en", 'hvm-strategisk-ledergruppe'],
    ['tests/fixtures/kb-hvidmose', [], 'hvornår mødes slg', 'hvm-slg-moede'],
    // genitive and plural of names without those forms as aliases
    ['tests/fixtures/kb-egeskov', ['småbørnschefen'], 'hvem er småbørnschefens chef', 'egs-smaaboernschef'],
    ['tests/fixtures/kb-other', ['områdelederne', 'områdeledere'], 'hvem refererer områdelederne til', 'fjb-omraadeleder'],
    ['tests/fixtures/kb-hvidmose', ['udviklingschefens'], 'hvad er udviklingschefens opgaver', 'hvm-udviklingschef'],
    // typos and ASCII
    ['tests/fixtures/kb-lindholt', [], 'hvem er korpslderen', 'lht-korpsleder'],
    ['tests/fixtures/kb-egeskov', ['Kløverhøj'], 'hvem er souschef i kloeverhoej', 'egs-kloeverhoej'],
  ])('%s without %j: "%s" names %s', async (dir, drop, question, id) => {
    const l = await load(dir, drop);
    expect(linkedIds(l, question)).toContain(id);
  });

  // (Scored on arrival as links of the composed role, which the engine forms in the answer, from the role and the place.)
  it.each([
    ["hvem er UL'en i kirkebyen", /Dorte Bjerregaard Lind/],
    ['hvem er aul i hedelund', /Fatima Ali Nørgaard/],
  ])('Lindholt: an abbreviation + a place: "%s"', async (question, person) => {
    const l = await load('tests/fixtures/kb-lindholt');
    expect(linkedIds(l, question)).toHaveLength(2);
    expect(text(l, question)).toMatch(person);
  });

  it.each([
    ['tests/fixtures/kb-egeskov', [], 'hvor mange børn går der i alt', 'egs-bestyrelse'],
    ['tests/fixtures/kb-hvidmose', [], 'hvad er et børnehus', 'hvm-myretuen'],
    ['tests/fixtures/kb-other', [], 'what is the policy on language', 'fjb-center-for-dagtilbud'],
  ])('%s without %j: "%s" does not name %s', async (dir, drop, question, id) => {
    const l = await load(dir, drop);
    expect(linkedIds(l, question)).not.toContain(id);
  });
});
