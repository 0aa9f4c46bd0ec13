/**
 * Danish compounds in entity linking (src/answering/compound.ts, linking.ts) and in the floor (floor.ts): a question
 * word made of a knowledge base's own name words, head last, links the item whose names hold those words, below an
 * exact name; a role's name + a word for a post names that role's posting; a compound whose parts are known but
 * meet in no one item's names names nothing, and the floor does not take its parts for it ("I don't know").
 * Our own phrasings, on four knowledge bases.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnswerer, renderAnswerText, type Answerer } from '../../src/answering/index.js';
import { createLinker, type Linker } from '../../src/answering/linking.js';
import { analyzeText } from '../../src/answering/normalize.js';
import { compoundSplits } from '../../src/answering/compound.js';
import { loadKnowledgeOrThrow } from '../../src/knowledge/load-knowledge.js';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';

const NOW = new Date('2026-11-30T09:00:00Z');
const UNKNOWN = /ved jeg ikke|don't know|nævner ikke|do not mention|kender ingen beslutning|know of no decision/i;

interface Loaded {
  kb: KnowledgeBase;
  answerer: Answerer;
  linker: Linker;
}
async function load(dir: string): Promise<Loaded> {
  const kb = await loadKnowledgeOrThrow(dir);
  return { kb, answerer: createAnswerer(kb, { now: () => NOW }), linker: createLinker(kb) };
}
const text = (l: Loaded, q: string) => renderAnswerText(l.answerer.answer(q), { details: true });
const linked = (l: Loaded, q: string) => l.linker.link(analyzeText(q));

describe('compound splits', () => {
  it('reads a word as first part + head, with and without a linking element', () => {
    const splits = compoundSplits('stabslederstillingen');
    expect(splits.some((s) => s.modifier === 'stabsleder' && s.head === 'stillingen')).toBe(true);
    expect(splits.some((s) => s.modifier === 'stab' && s.head === 'lederstillingen')).toBe(true);
    expect(compoundSplits('kvarterstrukturen').some((s) => s.modifier === 'kvarter' && s.headStems.includes('struktur'))).toBe(true);
    expect(compoundSplits('kort')).toEqual([]);
  });
});

describe('the seed knowledge base (data/)', () => {
  let l: Loaded;
  beforeAll(async () => (l = await load('data')));

  it('a role name + "-stillingen" names the role and its posting, below the exact name', () => {
    const links = linked(l, 'hvornår er ansøgningsfristen for stabslederstillingen');
    const posting = l.kb.data.postings.find((p) => links.some((k) => k.id === p.id));
    expect(posting).toBeDefined();
    expect(links.every((k) => k.quality < 1)).toBe(true);
    // The deadline as the posting's own description gives it ("ansøgningsfrist 6. april 2026").
    const deadline = (posting!.description as { da: string }).da.match(/ansøgningsfrist (\d+\. \p{L}+ \d{4})/u)?.[1];
    expect(deadline).toBeDefined();
    const answer = text(l, 'hvornår er ansøgningsfristen for stabslederstillingen');
    expect(answer).not.toMatch(UNKNOWN);
    expect(answer).toContain(deadline!);
  });

  it('the exact name still wins over a compound reading', () => {
    const links = linked(l, 'hvem refererer stabslederen til');
    expect(links[0]?.quality).toBe(1);
  });

  it('a compound of known parts that names nothing known gets no fact', () => {
    for (const q of ['Hvilke politikker gælder for skolelægen?', 'hvilke politikker gælder for klyngesygeplejersken']) {
      expect(text(l, q)).toMatch(UNKNOWN);
    }
  });
});

describe('Hvidmose (kb-hvidmose)', () => {
  let l: Loaded;
  beforeAll(async () => (l = await load('tests/fixtures/kb-hvidmose')));

  it('"kvarterstrukturen" names the decision whose names hold "-struktur" and "kvarter-"', () => {
    const decision = l.kb.data.decisions.find((d) => linked(l, 'hvornår besluttede udvalget kvarterstrukturen').some((k) => k.id === d.id));
    expect(decision).toBeDefined();
    const [y, m, d] = decision!.date.split('-').map(Number);
    const answer = text(l, 'hvornår besluttede udvalget kvarterstrukturen');
    expect(answer).toContain(`${d}. ${['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'][m! - 1]} ${y}`);
    expect(text(l, 'when did the committee decide the kvarterstruktur')).toContain(String(y));
  });

  it('a compound without its middle part ("sommerlukningen") finds the dated item labelled with it ("Sommerferielukning")', () => {
    const dated = l.kb.data.dates.find((d) => /^sommerferielukning/i.test(d.label.da));
    expect(dated).toBeDefined();
    const answer = text(l, 'hvornår er sommerlukningen');
    expect(answer).toContain(dated!.label.da);
    // Another season's closing is no summer closing.
    expect(text(l, 'hvornår er vinterlukningen')).not.toContain(dated!.label.da);
  });

  it('a compound whose parts meet in no item is not linked and gets no fact', () => {
    for (const q of ['hvornår besluttede udvalget kvarterbudgettet', 'hvornår besluttede udvalget kvarterskolen']) {
      expect(linked(l, q).some((k) => k.kind === 'decisions')).toBe(false);
      expect(text(l, q)).toMatch(UNKNOWN);
    }
  });
});

describe('Fjordby (kb-other)', () => {
  let l: Loaded;
  beforeAll(async () => (l = await load('tests/fixtures/kb-other')));

  it('a Danish name\'s head before its preposition ("direktøren" of "direktøren for dagtilbud") names the role', () => {
    const role = l.kb.data.roles.find((r) => r.names.some((n) => /^direktøren for /i.test(n)));
    expect(role).toBeDefined();
    expect(linked(l, 'hvem refererer direktøren til').some((k) => k.id === role!.id)).toBe(true);
    const boss = l.kb.get(role!.reportsTo[0]!)!.item as { name: string };
    expect(text(l, 'hvem refererer direktøren til').toLowerCase()).toContain(boss.name.toLowerCase());
  });

  it('a compound of a known word and a known name head names nothing', () => {
    for (const q of ['hvem refererer skoledirektøren til', 'hvilke politikker gælder for skoleinstitutionslederen']) {
      expect(text(l, q)).toMatch(UNKNOWN);
    }
  });
});

describe('Bakkekær (kb-bakkekaer)', () => {
  let l: Loaded;
  beforeAll(async () => (l = await load('tests/fixtures/kb-bakkekaer')));

  it('"småbørnsledermødet" names the meeting whose names hold "ledermøde" and "Småbørns-"', () => {
    const meeting = l.kb.data.meetings.find((m) => linked(l, 'hvem deltager i småbørnsledermødet').some((k) => k.id === m.id));
    expect(meeting).toBeDefined();
    expect(meeting!.names.some((n) => /ledermøde/i.test(n))).toBe(true);
    expect(text(l, 'hvem deltager i småbørnsledermødet')).not.toMatch(UNKNOWN);
  });

  it('a role name + "-stillingen" reaches the posting of that role', () => {
    const answer = text(l, 'hvornår er ansøgningsfristen for børnehuslederstillingen');
    const posting = l.kb.data.postings[0]!;
    expect(answer).toContain(posting.name.split(' – ')[0]!);
  });

  it('a compound of known parts naming no meeting gets no fact', () => {
    expect(text(l, 'hvem deltager i dagplejeledermødet')).toMatch(UNKNOWN);
    expect(text(l, 'hvilke politikker gælder for sprogdirektøren')).toMatch(UNKNOWN);
  });
});
