/**
 * The lexicon (question kinds as data): it validates, its cue syntax matches on folded, stemmed
 * tokens, a bad file fails with the path and the fix, and a knowledge base can add a phrasing
 * (lexicon/*.json in its folder) or an alias (names on an item) without code.
 */
import { cp, mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnswerer, readLexiconExtensions } from '../../src/answering/index.js';
import { CueSet, loadLexicon, parseLexicon, QUESTION_KINDS, LexiconSchema } from '../../src/answering/lexicon/lexicon.js';
import { analyzeText, foldText } from '../../src/answering/normalize.js';
import { understand } from '../../src/answering/understand.js';
import { loadKnowledgeOrThrow } from '../../src/knowledge/load-knowledge.js';
import lexiconJson from '../../src/answering/lexicon/lexicon.json' with { type: 'json' };

const NOW = new Date('2026-11-24T09:00:00Z');
const tokens = (text: string) => analyzeText(foldText(text));
const matches = (cue: string, text: string, lang: 'da' | 'en' = 'da') => {
  const set = new CueSet<string>();
  set.add('x', lang === 'da' ? { da: [cue], en: [] } : { da: [], en: [cue] });
  return set.match(tokens(text)).has('x');
};

describe('the lexicon', () => {
  it('gives every question kind cues in Danish and in English', () => {
    const data = LexiconSchema.parse(lexiconJson);
    for (const kind of QUESTION_KINDS) {
      const entries = data.kinds.filter((k) => k.kind === kind);
      expect(entries.flatMap((e) => e.cues.da).length, `${kind}: Danish cues`).toBeGreaterThan(0);
      expect(entries.flatMap((e) => e.cues.en).length, `${kind}: English cues`).toBeGreaterThan(0);
    }
  });

  it.each([
    ['refererer til', 'hvem refererede til chefen', true],
    ['refererer + til', 'hvem refererer klyngelederne til', true],
    ['refererer + til', 'hvem refererer til', false],
    ['*fristen', 'hvornår er ansøgningsfristen', true],
    ['*frist', 'hvornår er ansøgningsfristen', false],
    ['kontakt*', 'hvem er kontaktpersonen', true],
    ['^hvem er', 'ved du hvem er', false],
    ['^hvem er', 'Hvem er dagtilbudschefen', true],
    ['hvem leder + $', 'hvem leder område nord', true],
    ['nærmeste leder', 'naermeste leder', true],
  ] as const)('matches "%s" in "%s": %s', (cue, text, expected) => {
    expect(matches(cue, text)).toBe(expected);
  });

  it('keeps the stemmers of the two languages apart, and "=word" matches only that word', () => {
    // The Danish stemmer makes "leader" "lead": an English cue "lead" must not match it.
    expect(matches('who does + lead', 'who does the area leader report to', 'en')).toBe(false);
    expect(matches('who does + =manage', 'who does the childminding manager answer to', 'en')).toBe(false);
    expect(matches('who does + =manage', 'who does the district leader manage', 'en')).toBe(true);
  });

  it('refuses a bad lexicon with the path and the fix', () => {
    expect(() => parseLexicon({ kinds: [{ kind: 'no-such-kind', cues: { da: ['x'] } }] }, 'test.json')).toThrow(/lexicon: test\.json: kinds\.0\.kind: .*fix/);
  });

  it('recognises the kind of question from the lexicon, through typos of its words', () => {
    const lexicon = loadLexicon();
    const u = understand('hvornår er ansøgningsfrsten for stillingen', NOW, lexicon, () => false);
    expect(u.intents.has('dates')).toBe(true);
    expect(u.dateKinds.has('application-deadline')).toBe(true);
    expect(understand('Hvem refererer til dagtilbudschefen?', NOW, lexicon, () => false).direction).toBe('down');
    expect(understand('Hvem refererer klyngelederne til?', NOW, lexicon, () => false).direction).toBe('up');
    expect(understand('hej', NOW, lexicon, () => false).smalltalk).toBe('greeting');
    expect(understand('hej, hvem refererer klyngelederne til?', NOW, lexicon, () => false).smalltalk).toBeUndefined();
  });

  it('does not correct a word a cue stem covers into another cue word, while a typo inside the stem is still corrected', () => {
    const lexicon = loadLexicon();
    // Every word a stem cue covers, with an ending added, stays itself (or a word of the same stem): never another cue word.
    const stems = [...new Set(lexiconJson.metrics.flatMap((m) => [...m.cues.da, ...m.cues.en]).filter((c) => /^[\p{L}]+\*$/u.test(c)).map((c) => foldText(c.slice(0, -1))))].filter((s) => s.length >= 4);
    expect(stems.length).toBeGreaterThan(5);
    for (const stem of stems) {
      for (const ending of ['s', 'es', 'ne', 'erne']) {
        const form = stem + ending;
        if (form.length < 6) continue;
        expect(lexicon.correct(form, () => false).startsWith(stem), form).toBe(true);
      }
    }
    expect(understand('how many employees in the childminding', NOW, lexicon, () => false).metrics).toContain('employees');
    expect(understand('hvornår er ansøgningsfrsten', NOW, lexicon, () => false).dateKinds.has('application-deadline')).toBe(true);
  });
});

describe('a knowledge base teaches its own words without code', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kb-words-'));
    await cp('tests/fixtures/kb-other', dir, { recursive: true });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('answers a new phrasing once the knowledge folder has a lexicon file for it', async () => {
    const kb = await loadKnowledgeOrThrow(dir);
    const q = 'Hvem er områdelederens chefperson?';
    // Without the phrasing the question is not answered (the questions suggested with "I don't know" may name anyone).
    const answer = createAnswerer(kb, { now: () => NOW }).answer(q);
    const before = [answer.headline, ...answer.sections.flatMap((s) => s.lines), ...(answer.details ?? [])].join(' ').toLowerCase();
    expect(before).not.toContain('dagtilbudsdirektør');
    await mkdir(path.join(dir, 'lexicon'), { recursive: true });
    await writeFile(path.join(dir, 'lexicon', 'fjordby.json'), JSON.stringify({ kinds: [{ kind: 'reporting-up', cues: { da: ['chefperson'], en: [] } }] }));
    const lexicon = await readLexiconExtensions(dir);
    const after = createAnswerer(kb, { now: () => NOW, lexicon }).answer(q);
    expect(after.headline.toLowerCase()).toContain('dagtilbudsdirektør');
  });

  it('refuses a lexicon file with an unknown kind, naming the file', async () => {
    const bad = await mkdtemp(path.join(os.tmpdir(), 'kb-bad-lexicon-'));
    await mkdir(path.join(bad, 'lexicon'));
    await writeFile(path.join(bad, 'lexicon', 'x.json'), JSON.stringify({ kinds: [{ kind: 'gossip', cues: { da: ['sladder'] } }] }));
    await expect(readLexiconExtensions(bad)).rejects.toThrow(/x\.json: kinds\.0\.kind/);
    await rm(bad, { recursive: true, force: true });
  });

  it('links an alias added to an item in the knowledge file', async () => {
    const file = path.join(dir, 'fjordby-organisation.json');
    const data = JSON.parse(await readFile(file, 'utf8'));
    const q = 'Hvem refererer pædkoordinatoren til?';
    const before = createAnswerer(await loadKnowledgeOrThrow(dir), { now: () => NOW }).answer(q);
    expect(before.kind).toBe('unknown');
    const role = data.roles.find((r: { id: string }) => r.id === 'fjb-paedagogisk-koordinator');
    role.names.push('pædkoordinator', 'pædkoordinatoren');
    await writeFile(file, JSON.stringify(data, null, 2));
    const after = createAnswerer(await loadKnowledgeOrThrow(dir), { now: () => NOW }).answer(q);
    expect(after.headline.toLowerCase()).toContain('institutionsleder');
  });
});
