/**
 * The knowledge bases as shipped: they load, every quote is really in its source document, and the
 * data hangs together the way the answering engine relies on. Runs on data/ (sources in
 * data/sources) and on the made-up fixtures (each with its own sources folder).
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { formatKnowledgeError, loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { createQueries } from '../../src/knowledge/queries.js';
import { ITEM_KINDS, sourcesIn } from '../../src/knowledge/references.js';
import { checkSourceQuotes, readSourceTexts } from '../../src/knowledge/source-quotes.js';
import { MONTH_NAMES } from '../../src/time/format-date.js';
import { KNOWLEDGE_BASES } from './knowledge-bases.js';

describe.each(KNOWLEDGE_BASES)('knowledge base $label', ({ dir, sourcesDir, jobPostings }) => {
  async function load(): Promise<KnowledgeBase> {
    const result = await loadKnowledge(dir);
    if (!result.ok) throw new Error(`the knowledge base in ${dir} does not load:\n${result.errors.map(formatKnowledgeError).join('\n')}`);
    return result.kb;
  }

  async function sourceFiles(): Promise<string[]> {
    if (!existsSync(sourcesDir)) {
      throw new Error(`the source documents folder ${sourcesDir} is missing: every quote must be checked against it, so the test cannot pass without it`);
    }
    return (await readdir(sourcesDir)).filter((name) => name.endsWith('.txt')).sort();
  }

  it('loads without problems', async () => {
    const result = await loadKnowledge(dir);
    expect(result.ok ? [] : result.errors.map(formatKnowledgeError)).toEqual([]);
  });

  it('declares exactly the source documents of its sources folder', async () => {
    const files = await sourceFiles();
    const kb = await load();
    expect(files.length).toBeGreaterThan(0);
    expect([...kb.documents.keys()].sort()).toEqual(files);
  });

  it('quotes every source word for word from the document it names', async () => {
    await sourceFiles();
    const kb = await load();
    const { texts, problems: unreadable } = await readSourceTexts(kb, sourcesDir);
    const problems = [...unreadable, ...checkSourceQuotes(kb, texts)];
    expect(problems.map((p) => `${p.doc}: ${p.item}: ${p.path}: ${p.message}: "${p.quote}"`)).toEqual([]);
  });

  it('cites every declared document somewhere', async () => {
    const kb = await load();
    const cited = new Set(ITEM_KINDS.flatMap((kind) => kb.data[kind].flatMap((item) => sourcesIn(item).map((source) => source.doc))));
    expect([...kb.documents.keys()].filter((doc) => !cited.has(doc))).toEqual([]);
  });

  it('places every item in the municipality its source document belongs to', async () => {
    const kb = await load();
    const q = createQueries(kb);
    const misplaced = ITEM_KINDS.flatMap((kind) =>
      kb.data[kind].flatMap((item) => {
        const municipality = q.municipalityOf(item.id)?.id;
        const documentMunicipality = kb.documents.get(item.source.doc)?.municipality;
        return municipality === documentMunicipality ? [] : [`${kind} ${item.id}: in ${municipality ?? 'no municipality'}, cites ${item.source.doc} of ${documentMunicipality}`];
      }),
    );
    expect(misplaced).toEqual([]);
  });

  it('gives every role a source with a quote', async () => {
    const kb = await load();
    expect(kb.data.roles.length).toBeGreaterThan(0);
    const unsourced = kb.data.roles.filter((role) => !kb.documents.has(role.source.doc) || role.source.quote.trim().length < 3);
    expect(unsourced.map((role) => role.id)).toEqual([]);
  });

  it('gives every posting from a job advertisement an application deadline', async () => {
    const kb = await load();
    const q = createQueries(kb);
    const advertised = kb.data.postings.filter((posting) => kb.documents.get(posting.source.doc)?.kind === 'job-posting');
    expect(advertised.length > 0).toBe(jobPostings);
    const without = advertised.filter((posting) => !q.datesAbout(posting.id).some((date) => date.kind === 'application-deadline'));
    expect(without.map((posting) => posting.id)).toEqual([]);
  });

  it('gives every posting from a job advertisement someone to contact, with a phone number or an email', async () => {
    const kb = await load();
    const q = createQueries(kb);
    const advertised = kb.data.postings.filter((posting) => kb.documents.get(posting.source.doc)?.kind === 'job-posting');
    const without = advertised.filter((posting) => !q.contactsFor(posting.id).some((person) => person.phone ?? person.email));
    expect(without.map((posting) => posting.id)).toEqual([]);
  });

  it('states the day, month or year of every date in its quote', async () => {
    const kb = await load();
    const unstated = kb.data.dates.filter((entry) => {
      const [year, month, day] = entry.date.split('-').map(Number) as [number, number, number];
      const quote = entry.source.quote.toLowerCase();
      if (entry.precision === 'year') return !quote.includes(String(year));
      if (entry.precision === 'month') {
        return ![MONTH_NAMES.da[month - 1], MONTH_NAMES.en[month - 1]].some((name) => name !== undefined && quote.includes(name.toLowerCase()));
      }
      return !new RegExp(`(^|\\D)0?${day}(\\D|$)`).test(quote);
    });
    expect(unstated.map((entry) => `${entry.id} (${entry.date}): "${entry.source.quote}"`)).toEqual([]);
  });
});
