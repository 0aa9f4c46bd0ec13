/**
 * The Hvidmose questions of the shared question bank are well formed: the eval's format, the knowledge
 * base they name exists, ids are unique, the working and test parts do not overlap, every regular
 * expression compiles, and about one in seven cannot be answered from the documents.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod/v4';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const PARTS = ['working', 'test'] as const;

const MatcherSchema = z.union([
  z.string().min(1),
  z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }).strict(),
  z.object({ digits: z.string().regex(/^\d+$/) }).strict(),
  z.object({ re: z.string().min(1) }).strict(),
]);
const GroupsSchema = z.array(z.array(MatcherSchema).min(1)).min(1);
const QuestionSchema = z
  .object({
    id: z.string().min(1),
    lang: z.enum(['da', 'en']),
    text: z.string().min(3),
    channel: z.boolean().optional(),
    must: GroupsSchema.optional(),
    must_not: GroupsSchema.optional(),
    kb: z.string().regex(/^kb-[a-z0-9-]+$/),
    kind: z.string().min(1),
  })
  .strict()
  .refine((q) => q.must !== undefined || q.must_not !== undefined, 'needs must or must_not groups');
const FileSchema = z.object({ about: z.string().min(1), questions: z.array(QuestionSchema).min(1) }).strict();
type Question = z.infer<typeof QuestionSchema>;

async function part(name: (typeof PARTS)[number]): Promise<Question[]> {
  const text = await readFile(path.join(repo, 'tests', 'eval', 'questions', `hvidmose.${name}.json`), 'utf8');
  return FileSchema.parse(JSON.parse(text)).questions;
}

describe('the Hvidmose question bank', () => {
  it('has the eval format, names an existing knowledge base and unique ids across both parts', async () => {
    const all = (await Promise.all(PARTS.map(part))).flat();
    expect(all.length).toBeGreaterThanOrEqual(60);
    expect(new Set(all.map((q) => q.id)).size).toBe(all.length);
    for (const kb of new Set(all.map((q) => q.kb))) expect(existsSync(path.join(repo, 'tests', 'fixtures', kb))).toBe(true);
  });

  it('splits about 60/40 into working and test parts, each in both languages', async () => {
    const [working, test] = await Promise.all(PARTS.map(part));
    const share = working!.length / (working!.length + test!.length);
    expect(share).toBeGreaterThan(0.55);
    expect(share).toBeLessThan(0.65);
    for (const questions of [working!, test!]) expect(new Set(questions.map((q) => q.lang))).toEqual(new Set(['da', 'en']));
  });

  it('compiles every regular expression and asks "I don\'t know" of the unanswerable questions', async () => {
    const all = (await Promise.all(PARTS.map(part))).flat();
    for (const q of all) {
      for (const group of [...(q.must ?? []), ...(q.must_not ?? [])]) {
        for (const matcher of group) if (typeof matcher === 'object' && 're' in matcher) expect(() => new RegExp(matcher.re, 'i')).not.toThrow();
      }
    }
    const unanswerable = all.filter((q) => q.kind === 'unanswerable');
    expect(unanswerable.length / all.length).toBeGreaterThan(0.1);
    expect(unanswerable.length / all.length).toBeLessThan(0.2);
    for (const q of unanswerable) {
      const pattern = q.must?.[0]?.[0];
      expect(typeof pattern === 'object' && 're' in pattern ? new RegExp(pattern.re, 'i').test('Det ved jeg ikke.') && new RegExp(pattern.re, 'i').test("I don't know.") : false).toBe(true);
      expect(q.must_not?.length ?? 0).toBeGreaterThan(0);
    }
  });
});
