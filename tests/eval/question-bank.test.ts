/**
 * The evaluation question bank (tests/eval/questions) is well formed: every file parses, ids are unique,
 * every question names an existing knowledge base and a known kind, every regular expression compiles,
 * the split is the one scripts/eval-split.ts deals, and the bank is big and varied enough to measure
 * with. The made-up knowledge bases it asks about load and quote their sources word for word.
 * The matcher itself is checked against replies written out here (the semantics of the evaluation stand-in ask.mjs, which is not part of the repository).
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  answerText,
  dateRegex,
  judgeReply,
  judgeStrict,
  KINDS_NEEDING_DATA,
  knowledgeDirOf,
  listBankFiles,
  matches,
  normalizeReply,
  QUESTION_KINDS,
  readQuestionFile,
  replyText,
  saysDontKnow,
  splitOf,
  type Matcher,
  type Question,
  type QuestionKind,
} from '../../scripts/lib/eval-bank.js';
import { formatKnowledgeError, loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { checkSourceQuotes, readSourceTexts } from '../../src/knowledge/source-quotes.js';

/** Issue 11 asks for at least 300 questions across the knowledge bases. */
const MIN_QUESTIONS = 300;

interface Loaded {
  readonly file: string;
  readonly kb: string;
  readonly split: 'working' | 'test';
  readonly questions: readonly Question[];
}

async function loadBank(): Promise<Loaded[]> {
  const files = await listBankFiles();
  return Promise.all(files.map(async (f) => ({ ...f, questions: (await readQuestionFile(f.file)).questions })));
}

/**
 * The held-out knowledge bases: those with a test part and no working part. Nobody tunes the engine on
 * them, so every question is a test question, whatever part its seeded hash would deal it to.
 */
function heldOutKbs(files: readonly { readonly kb: string; readonly split: 'working' | 'test' }[]): Set<string> {
  const withWorking = new Set(files.filter((f) => f.split === 'working').map((f) => f.kb));
  return new Set(files.filter((f) => !withWorking.has(f.kb)).map((f) => f.kb));
}

/** The kinds of {@link KINDS_NEEDING_DATA} a knowledge base has the data for. */
async function kindsWithData(kb: string): Promise<Set<QuestionKind>> {
  const result = await loadKnowledge(knowledgeDirOf(kb));
  if (!result.ok) throw new Error(result.errors.map(formatKnowledgeError).join('\n'));
  const { data } = result.kb;
  const figures = [...data.municipalities, ...data.units].flatMap((owner) => owner.figures);
  const has: Partial<Record<QuestionKind, boolean>> = {
    policies: data.policies.length > 0,
    programmes: data.programmes.length > 0,
    'reporting-coming': data.reportingLines.some((line) => line.validFrom !== undefined || line.validUntil !== undefined),
    'reporting-conditional': data.reportingLines.some((line) => line.condition !== undefined),
    deputies: data.deputies.length > 0,
    meetings: data.meetings.some((meeting) => meeting.recurrence !== undefined),
    decisions: data.decisions.length > 0,
    'figures-as-of': figures.some((figure) => figure.asOf !== undefined || figure.validFrom !== undefined),
  };
  return new Set(QUESTION_KINDS.filter((kind) => has[kind] === true));
}

function allMatchers(q: Question): Matcher[] {
  return [...(q.must ?? []), ...(q.must_not ?? [])].flat();
}

describe('the evaluation question bank', () => {
  it('has files for the seed knowledge base and at least two made-up ones with both parts; a held-out one has the test part only', async () => {
    const files = await listBankFiles();
    const kbs = [...new Set(files.map((f) => f.kb))];
    const heldOut = heldOutKbs(files);
    expect(kbs).toContain('data');
    expect(heldOut).not.toContain('data');
    expect(kbs.filter((kb) => kb !== 'data' && !heldOut.has(kb)).length).toBeGreaterThanOrEqual(2);
    for (const kb of kbs) expect(files.filter((f) => f.kb === kb).map((f) => f.split).sort(), kb).toEqual(heldOut.has(kb) ? ['test'] : ['test', 'working']);
  });

  it('parses every file against the question schema (ids, kinds, languages, groups)', async () => {
    // readQuestionFile throws with the file and the problem; loading the bank is the assertion.
    const bank = await loadBank();
    expect(bank.length).toBeGreaterThan(0);
  });

  it('has unique ids across all files', async () => {
    const ids = (await loadBank()).flatMap((f) => f.questions.map((q) => q.id));
    const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(duplicates).toEqual([]);
  });

  it('names, in each question, the knowledge base of its file, and that knowledge base exists', async () => {
    for (const f of await loadBank()) {
      expect(existsSync(knowledgeDirOf(f.kb)), `${f.kb}: no folder ${knowledgeDirOf(f.kb)}`).toBe(true);
      expect(f.questions.filter((q) => q.kb !== f.kb).map((q) => q.id), path.basename(f.file)).toEqual([]);
    }
  });

  it('uses only the fixed kinds and compiles every regular expression', async () => {
    for (const q of (await loadBank()).flatMap((f) => f.questions)) {
      expect(QUESTION_KINDS).toContain(q.kind);
      for (const alt of allMatchers(q)) {
        if (typeof alt === 'object' && 're' in alt) expect(() => new RegExp(alt.re, 'i'), `${q.id}: ${alt.re}`).not.toThrow();
      }
    }
  });

  it('puts every question in the part its seeded hash deals it to (the split is made once), except on a held-out knowledge base', async () => {
    const bank = await loadBank();
    const heldOut = heldOutKbs(bank);
    const misplaced = bank.filter((f) => !heldOut.has(f.kb)).flatMap((f) => f.questions.filter((q) => splitOf(q.id) !== f.split).map((q) => `${q.id} in ${f.split}`));
    expect(misplaced).toEqual([]);
  });

  it('has a test part of at least a quarter of each knowledge base\'s questions, in both languages', async () => {
    const bank = await loadBank();
    for (const kb of new Set(bank.map((f) => f.kb))) {
      const all = bank.filter((f) => f.kb === kb).flatMap((f) => f.questions);
      const test = bank.filter((f) => f.kb === kb && f.split === 'test').flatMap((f) => f.questions);
      expect(test.length / all.length, kb).toBeGreaterThanOrEqual(0.25);
      for (const lang of ['da', 'en'] as const) expect(test.filter((q) => q.lang === lang).length, `${kb} ${lang}`).toBeGreaterThanOrEqual(5);
    }
  });

  it(`holds at least ${MIN_QUESTIONS} questions, about 60 % of them in the working part (held-out knowledge bases aside)`, async () => {
    const all = await loadBank();
    const heldOut = heldOutKbs(all);
    const bank = all.filter((f) => !heldOut.has(f.kb));
    const total = bank.reduce((n, f) => n + f.questions.length, 0);
    const working = bank.filter((f) => f.split === 'working').reduce((n, f) => n + f.questions.length, 0);
    expect(total).toBeGreaterThanOrEqual(MIN_QUESTIONS);
    expect(working / total).toBeGreaterThan(0.5);
    expect(working / total).toBeLessThan(0.7);
  });

  it('asks in both languages, about half each, and about every kind on every knowledge base with 100 or more questions', async () => {
    const questions = (await loadBank()).flatMap((f) => f.questions);
    const danish = questions.filter((q) => q.lang === 'da').length / questions.length;
    expect(danish).toBeGreaterThan(0.4);
    expect(danish).toBeLessThan(0.6);
    for (const kb of new Set(questions.map((q) => q.kb))) {
      const own = questions.filter((q) => q.kb === kb);
      if (own.length < 100) continue;
      const kinds = new Set(own.map((q) => q.kind));
      const writesDown = await kindsWithData(kb);
      expect(QUESTION_KINDS.filter((kind) => !kinds.has(kind) && (!(kind in KINDS_NEEDING_DATA) || writesDown.has(kind))), kb).toEqual([]);
    }
  });

  it('has about 15 % questions the documents cannot answer, each expecting "I don\'t know"', async () => {
    const questions = (await loadBank()).flatMap((f) => f.questions);
    const unanswerable = questions.filter((q) => q.kind === 'unanswerable');
    expect(unanswerable.length / questions.length).toBeGreaterThan(0.08);
    expect(unanswerable.length / questions.length).toBeLessThan(0.25);
    for (const q of unanswerable) {
      expect(judgeReply(q, normalizeReply("I don't know. It is not in the documents I know, and I won't guess.")), q.id).toEqual([]);
      expect(judgeReply(q, normalizeReply('Det ved jeg ikke. Det står ikke i de dokumenter, jeg kender, og jeg gætter ikke.')), q.id).toEqual([]);
    }
  });

  it('accepts a friendly reply without facts to every not-a-question, and rejects a sourced fact', async () => {
    const questions = (await loadBank()).flatMap((f) => f.questions).filter((q) => q.kind === 'not-a-question');
    expect(questions.length).toBeGreaterThan(0);
    for (const q of questions) {
      expect(judgeReply(q, normalizeReply('Hej! Skriv "hjælp" for at se, hvad jeg kan.')), q.id).toEqual([]);
      expect(judgeReply(q, normalizeReply('Hello! Type "help" to see what I can do.')), q.id).toEqual([]);
      expect(judgeReply(q, normalizeReply('Klyngelederne refererer til dagtilbudschefen. Kilde: Jobprofil, 1. maj 2026')).length, q.id).toBeGreaterThan(0);
    }
  });
});

describe('made-up knowledge bases the bank asks about', () => {
  it('include the made-up municipality of this bank, Bakkekær', async () => {
    expect((await listBankFiles()).map((f) => f.kb)).toContain('kb-bakkekaer');
  });

  it.each(['kb-bakkekaer', 'kb-other', 'kb-hvidmose', 'kb-storaalund', 'kb-mosevang', 'kb-havbjerg', 'kb-ravnsholt', 'kb-solvang', 'kb-hjortsoe', 'kb-lindholt', 'kb-ulvedal', 'kb-tranekilde', 'kb-skarnborg', 'kb-brinkeby', 'kb-lyngmark', 'kb-kragsoe'])('%s loads and quotes every source word for word', async (kb) => {
    const dir = knowledgeDirOf(kb);
    const result = await loadKnowledge(dir);
    if (!result.ok) throw new Error(result.errors.map(formatKnowledgeError).join('\n'));
    const sources = path.join(dir, 'sources');
    const files = (await readdir(sources)).filter((name) => name.endsWith('.txt')).sort();
    expect([...result.kb.documents.keys()].sort()).toEqual(files);
    const { texts, problems } = await readSourceTexts(result.kb, sources);
    expect([...problems, ...checkSourceQuotes(result.kb, texts)].map((p) => `${p.item}: ${p.path}: ${p.message}`)).toEqual([]);
  });
});

describe('matching a reply (as the evaluation stand-in ask.mjs does)', () => {
  it.each([
    ['2026-01-10', ['10. januar 2026', '10 January 2026', 'January 10, 2026', '2026-01-10', '10/1/26', '10.01.2026']],
    ['2027-03-01', ['1. marts 2027', 'March 1st', '1 Mar 2027']],
  ])('finds %s written as %j', (iso, forms) => {
    for (const form of forms) expect(dateRegex(iso).test(normalizeReply(form)), form).toBe(true);
  });

  it('does not take another day of the month for the date', () => {
    expect(dateRegex('2026-01-10').test(normalizeReply('11. januar 2026'))).toBe(false);
  });

  it('matches phone digits with any spacing, strings case-insensitively, and regular expressions', () => {
    const reply = normalizeReply('Ring til **Helle Kristensen** på tlf. 4477 1847.');
    expect(matches(reply, { digits: '44771847' })).toBe(true);
    expect(matches(reply, 'helle KRISTENSEN')).toBe(true);
    expect(matches(reply, { re: 'tlf\\.\\s*\\d{4}' })).toBe(true);
    expect(matches(reply, { digits: '24465945' })).toBe(false);
  });

  it('fails a missing must group and a present must_not group, and passes otherwise', () => {
    const q = { must: [['dagtilbudschef', 'head of day care']], must_not: [['centerchef']] };
    expect(judgeReply(q, normalizeReply('The cluster leaders report to the head of day care (dagtilbudschef).'))).toEqual([]);
    expect(judgeReply(q, normalizeReply('De refererer til centerchefen.'))).toHaveLength(2);
  });

  it('reads text, Adaptive Card text and suggested actions, but not layout keys', () => {
    const text = replyText([
      {
        type: 'message',
        text: 'Svar',
        attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'Kortets tekst', weight: 'Bolder' }] } }],
        suggestedActions: { actions: [{ type: 'imBack', title: 'Hjælp', value: 'hjælp' }] },
      },
    ]);
    expect(text).toContain('Kortets tekst');
    expect(text).toContain('Hjælp');
    expect(text).not.toContain('Bolder');
    expect(text).not.toContain('AdaptiveCard');
  });

  it.each([
    "I don't know. It is not in the documents I know.",
    'Det ved jeg ikke.',
    'The documents name Kasper Thorhauge but give no phone number.',
    'Dokumenterne nævner Kasper Thorhauge, men giver intet telefonnummer.',
    'I know of no contact person for what you ask about.',
  ])('recognises "%s" as not knowing', (reply) => {
    expect(saysDontKnow(normalizeReply(reply))).toBe(true);
  });

  it('does not take a plain fact for not knowing', () => {
    expect(saysDontKnow(normalizeReply('Klyngelederne refererer til dagtilbudschefen. Kilde: Job og Kompetenceprofil.'))).toBe(false);
  });
});

describe('the strict judgement (a role named only in a suggested question does not count)', () => {
  const idkWithSuggestions = [
    {
      type: 'message',
      text: "I don't know. It is not in the documents I know.\n\nYou could ask, for example:\n- Who does the cluster leader report to?",
      suggestedActions: { actions: [{ type: 'imBack', title: 'Who does the cluster leader report to?' }] },
    },
  ];

  it('fails a must group met only by the suggested questions, which the ask.mjs judgement passes', () => {
    const q = { must: [['klyngeleder', 'cluster leader']] };
    const reply = normalizeReply(replyText(idkWithSuggestions));
    expect(judgeReply(q, reply)).toEqual([]);
    expect(judgeStrict(q, normalizeReply(answerText(idkWithSuggestions)), reply)).toHaveLength(1);
  });

  it('passes a must group met by the answer before the suggestions', () => {
    const activities = [{ type: 'message', text: 'The pedagogical leaders report to the cluster leader (klyngeleder).\n\nYou could ask:\n- What is KIDS?' }];
    const q = { must: [['klyngeleder']] };
    expect(judgeStrict(q, normalizeReply(answerText(activities)), normalizeReply(replyText(activities)))).toEqual([]);
  });

  it('matches must_not groups against the whole reply, suggestions included', () => {
    const q = { must_not: [['cluster leader']] };
    expect(judgeStrict(q, normalizeReply(answerText(idkWithSuggestions)), normalizeReply(replyText(idkWithSuggestions)))).toHaveLength(1);
  });
});

describe('the strict judgement and source citations', () => {
  it('does not count a figure or role that only the cited source names', () => {
    const activities = [
      {
        type: 'message',
        text: 'Område Vest: ca. 1.300 børn\n\nKilde: Status: »Område Vest har 17 børnehuse med ca. 1.300 børn«',
        attachments: [{ content: { body: [{ type: 'TextBlock', text: 'Område Vest: ca. 1.300 børn' }, { type: 'TextBlock', text: 'Kilde: Status: »Område Vest har 17 børnehuse med ca. 1.300 børn«' }] } }],
      },
    ];
    const q = { must: [[{ re: '\\b17\\b' }], [{ re: '1[.,]?300' }]] };
    const reply = normalizeReply(replyText(activities));
    expect(judgeReply(q, reply)).toEqual([]);
    expect(judgeStrict(q, normalizeReply(answerText(activities)), reply)).toHaveLength(1);
  });
});
