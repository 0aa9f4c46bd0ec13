/**
 * The evaluation question bank: its format (the format of the evaluation stand-in's practice questions plus
 * `kb` and `kind`), where its files live, how a reply is matched against a question, and the
 * reproducible split into a working part and a test part.
 *
 * Matching follows the evaluation stand-in's ask.mjs exactly (re-implemented here: the repository must not depend
 * on files outside it): the reply is the text, speech, Adaptive Card text and suggested actions of
 * every message the bot sent, lower-cased with runs of white space squashed. The strict judgement
 * ({@link judgeStrict}) differs in one way: `must` groups count only in the answer, not in the
 * questions the bot suggests or the quotes of its source line.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod/v4';

/** The repository root (scripts/lib/../..). */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Where the split question files live: `<kb>.working.json` and `<kb>.test.json`. */
export const QUESTIONS_DIR = path.join(REPO_ROOT, 'tests', 'eval', 'questions');

/** The kinds of question the bank covers; every question names one. */
export const QUESTION_KINDS = [
  'reporting-up',
  'reporting-down',
  'reporting-chain',
  'leader-of-unit',
  'holder-of-role',
  'membership',
  'responsibilities',
  'figures',
  'dates-by-item',
  'dates-in-period',
  'contacts',
  'policies',
  'programmes',
  'definitions',
  'partly-known',
  'not-a-question',
  'unanswerable',
  // Issue 17: what knowledge with time, deputies, meetings and decisions answers.
  'reporting-coming',
  'reporting-conditional',
  'deputies',
  'meetings',
  'decisions',
  'figures-as-of',
] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/**
 * The kinds a knowledge base can only be asked about when it writes them down: a base without
 * policies has no policy questions, one without dated reporting lines no coming reporting line.
 */
export const KINDS_NEEDING_DATA: Partial<Record<QuestionKind, string>> = {
  policies: 'policies',
  programmes: 'programmes',
  'reporting-coming': 'dated reporting lines',
  'reporting-conditional': 'conditional reporting lines',
  deputies: 'deputies',
  meetings: 'meetings with a recurrence',
  decisions: 'decisions',
  'figures-as-of': 'figures with asOf or validFrom',
};

/** The two parts of the bank. */
export const SPLITS = ['working', 'test'] as const;
export type Split = (typeof SPLITS)[number];

/** The seed of the one split; changing it re-deals every question, so never change it. */
export const SPLIT_SEED = 'issue-11-eval-2026-11-30';

/** The share of questions in the working part. */
export const WORKING_SHARE = 0.6;

/**
 * Any "I don't know" wording in Danish or English: today's phrases (src/answering/phrases.ts) and the
 * plain variants a rewrite might use. Used by unanswerable questions and to count facts given to them.
 */
export const DONT_KNOW_PATTERN =
  "ved jeg ikke|vides ikke|kender (jeg )?ikke|kender ingen|har ingen (oplysning|dato|information|viden|kontakt|telefon)|har ikke (oplysning|information|noget)|står ikke|fremgår ikke|nævner ikke|nævner .{1,80} men (ikke|giver ingen|ingen)|oplyser ikke|giver (ingen|intet)|intet (telefon|nummer|tlf)|ingen (telefon|e-?mail|mail)|ingen oplysning|ikke (nævnt|oplyst|angivet|beskrevet)|kan ikke (svare|finde)|don'?t know|do not know|know of no|have no (information|dates?|data|details|contact|phone)|(is|are) not (in|stated|mentioned|given|listed)|not (stated|mentioned|given|listed) in|don'?t (say|mention|give|state)|do not (say|mention|give|state)|does(n'?t| not) (say|mention|give|state)|gives? no|no (information|phone|mention|record)|could(n'?t| not) find|cannot (answer|find)|can'?t (answer|find)";

/** One alternative of a group: a plain string, a date, a phone number, or a regular expression. */
export const MatcherSchema = z.union([
  z.string().min(1),
  z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }).strict(),
  z.object({ digits: z.string().regex(/^\d+$/) }).strict(),
  z.object({ re: z.string().min(1) }).strict(),
]);
export type Matcher = z.infer<typeof MatcherSchema>;

/** A group passes when any of its alternatives matches. */
export const GroupSchema = z.array(MatcherSchema).min(1);

/** One question: what a leader writes, and what a right reply must and must not contain. */
export const QuestionSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case id'),
    kb: z.string().min(1).describe('"data" or the name of a folder tests/fixtures/<kb>'),
    kind: z.enum(QUESTION_KINDS),
    lang: z.enum(['da', 'en']),
    text: z.string().min(1),
    channel: z.boolean().optional().describe('Sent in a channel with an @mention of the bot'),
    must: z.array(GroupSchema).optional(),
    must_not: z.array(GroupSchema).optional(),
    note: z.string().optional().describe('Why this is the right answer, where it is not obvious'),
  })
  .strict()
  .refine((q) => (q.must?.length ?? 0) + (q.must_not?.length ?? 0) > 0, 'needs at least one must or must_not group');
export type Question = z.infer<typeof QuestionSchema>;

/** A question file. */
export const QuestionFileSchema = z.object({ about: z.string().optional(), questions: z.array(QuestionSchema) }).strict();
export type QuestionFile = z.infer<typeof QuestionFileSchema>;

/** The folder of a knowledge base named in a question (`data` or `tests/fixtures/<kb>`). */
export function knowledgeDirOf(kb: string): string {
  return kb === 'data' ? path.join(REPO_ROOT, 'data') : path.join(REPO_ROOT, 'tests', 'fixtures', kb);
}

/** A question file found on disk, with the knowledge base and part its name gives. */
export interface BankFile {
  readonly file: string;
  readonly kb: string;
  readonly split: Split;
}

/** The question files in a folder, named `<kb>.<working|test>.json`. */
export async function listBankFiles(dir: string = QUESTIONS_DIR): Promise<BankFile[]> {
  const names = (await readdir(dir)).sort();
  const files: BankFile[] = [];
  for (const name of names) {
    const match = /^(.+)\.(working|test)\.json$/.exec(name);
    if (match) files.push({ file: path.join(dir, name), kb: match[1] as string, split: match[2] as Split });
  }
  return files;
}

/** Reads and validates one question file; throws naming the file and the first problems. */
export async function readQuestionFile(file: string): Promise<QuestionFile> {
  const parsed = QuestionFileSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`eval: ${path.relative(REPO_ROOT, file)}: ${problems.join('; ')}`);
  }
  return parsed.data;
}

/**
 * Which part a question belongs to: a seeded hash of its id, below {@link WORKING_SHARE} for the working
 * part. The split depends only on the id, never on file order or on the other questions, so it was made
 * once (the first bank was dealt this way and published) and adding questions never moves one.
 */
export function splitOf(id: string, seed: string = SPLIT_SEED): Split {
  const hash = createHash('sha256').update(`${seed}:${id}`).digest();
  return hash.readUInt32BE(0) / 2 ** 32 < WORKING_SHARE ? 'working' : 'test';
}

/** Normalises reply text the way ask.mjs does: NFC, lower case, no Markdown bold, single spaces. */
export function normalizeReply(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\*\*|__/g, '').replace(/\s+/g, ' ');
}

const DA_MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];
const EN_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** A date written in Danish, English or numbers (ask.mjs's `dateRegex`). */
export function dateRegex(iso: string): RegExp {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const dd = `0?${d}`;
  const mm = `0?${m}`;
  const da = DA_MONTHS[m - 1] as string;
  const en = EN_MONTHS[m - 1] as string;
  const ab = en.slice(0, 3);
  const parts = [
    `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
    `\\b${dd}\\.?\\s*(${da}|${ab}\\.?)\\b`,
    `\\b(${en}|${ab}\\.?)\\s+${dd}(st|nd|rd|th)?\\b`,
    `\\b${dd}(st|nd|rd|th)?\\s+(of\\s+)?(${en}|${ab}\\.?)\\b`,
    `\\b${dd}[./-]${mm}([./-](20)?${String(y).slice(2)})?\\b`,
  ];
  return new RegExp(parts.join('|'), 'i');
}

const ANY_DATE = new RegExp(
  `\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{1,2}\\.?\\s*(${DA_MONTHS.join('|')}|${EN_MONTHS.join('|')})\\b|\\b(${EN_MONTHS.join('|')})\\s+\\d{1,2}\\b`,
  'i',
);

/** True when the (normalised) reply matches one alternative. */
export function matches(reply: string, alt: Matcher): boolean {
  if (alt === '__anydate__') return ANY_DATE.test(reply);
  if (typeof alt === 'string') return reply.includes(normalizeReply(alt));
  if ('date' in alt) return dateRegex(alt.date).test(reply);
  if ('digits' in alt) return new RegExp(alt.digits.split('').join('[\\s.-]?')).test(reply);
  return new RegExp(alt.re, 'i').test(reply);
}

/** The groups a reply fails: missing `must` groups and present `must_not` groups. */
export function judgeReply(question: Pick<Question, 'must' | 'must_not'>, reply: string): string[] {
  const failed: string[] = [];
  for (const group of question.must ?? []) if (!group.some((alt) => matches(reply, alt))) failed.push(`missing ${JSON.stringify(group)}`);
  for (const group of question.must_not ?? []) if (group.some((alt) => matches(reply, alt))) failed.push(`has forbidden ${JSON.stringify(group)}`);
  return failed;
}

/** True when a reply says it does not know (any wording of {@link DONT_KNOW_PATTERN}). */
export function saysDontKnow(reply: string): boolean {
  return new RegExp(DONT_KNOW_PATTERN, 'i').test(reply);
}

/** Keys of Adaptive Card JSON that hold no text a user reads (as in ask.mjs). */
const NON_TEXT_KEYS = new Set(['type', 'version', '$schema', 'id', 'style', 'size', 'weight', 'color', 'spacing', 'horizontalAlignment', 'width', 'contentType', 'verb']);

/**
 * Keys whose strings a card never shows, beyond the layout keys: the ids a "show more" toggle targets, and
 * an action's `data` (an imBack button shows its title; the value it sends is the same text again).
 */
const NOT_SHOWN_KEYS = new Set([...NON_TEXT_KEYS, 'targetElements', 'data']);

/** Every string in a value, skipping layout keys (ask.mjs's `flatten`). */
export function flattenText(value: unknown, out: string[] = [], skip: ReadonlySet<string> = NON_TEXT_KEYS): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) flattenText(item, out, skip);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) if (!skip.has(key)) flattenText(item, out, skip);
  }
  return out;
}

/** A message activity as it reaches the connector (the fields read here). */
export interface ReplyActivity {
  readonly type?: string;
  readonly text?: string;
  readonly speak?: string;
  readonly attachments?: unknown;
  readonly suggestedActions?: unknown;
}

/** The whole reply as ask.mjs reads it: text, speech, card text and suggested actions of every message. */
export function replyText(activities: readonly ReplyActivity[]): string {
  return activities
    .map((a) => [a.text ?? '', a.speak ?? '', flattenText(a.attachments ?? []).join('\n'), flattenText(a.suggestedActions ?? []).join('\n')].join('\n'))
    .join('\n');
}

/**
 * Where a reply turns from answering to suggesting other questions ("Du kan for eksempel spørge:",
 * "You could ask, for example:"). The suggested questions name roles and units, so a reply that only
 * suggests "Who does the cluster leader report to?" must not count as naming the cluster leader.
 */
export const SUGGESTIONS_INTRO = /(du kan (for eksempel|fx|f\.eks\.) spørge|prøv (fx|for eksempel|f\.eks\.) at spørge|du kunne spørge|you could ask|you can ask|try asking|for example, ask)/i;

/**
 * A source citation ("Kilde: <title>: »quote«", "Sources: ..."). Document titles and quotes name roles
 * and figures ("Job og Kompetenceprofil for Dagtilbudschef", "17 børnehuse med ca. 1.300 børn") that the
 * answer itself may not give, so they do not count as the answer either.
 */
export const SOURCE_LINE = /^\s*(kilder?|sources?)\s*:/i;

/** The answer part of several texts in reading order: up to the suggestions, without source citations. */
function answerPart(texts: readonly string[]): string {
  const kept: string[] = [];
  for (const text of texts) {
    const at = text.search(SUGGESTIONS_INTRO);
    const before = at < 0 ? text : text.slice(0, at);
    kept.push(...before.split('\n').filter((line) => !SOURCE_LINE.test(line)));
    if (at >= 0) break;
  }
  return kept.join('\n');
}

/**
 * The reply without the questions it suggests and without its source citations: text, speech and card
 * text of every message, and no suggested actions. The strict judgement matches `must` groups against
 * this; `must_not` groups are always matched against the whole reply.
 */
export function answerText(activities: readonly ReplyActivity[]): string {
  return activities
    .map((a) => [answerPart([a.text ?? '']), answerPart([a.speak ?? '']), answerPart(flattenText(a.attachments ?? []))].join('\n'))
    .join('\n');
}

/**
 * The strict judgement: like {@link judgeReply}, but `must` groups count only in the answer part of the
 * reply ({@link answerText}), not in the questions it suggests or the sources it cites.
 */
export function judgeStrict(question: Pick<Question, 'must' | 'must_not'>, answer: string, reply: string): string[] {
  const failed: string[] = [];
  for (const group of question.must ?? []) if (!group.some((alt) => matches(answer, alt))) failed.push(`missing ${JSON.stringify(group)}${group.some((alt) => matches(reply, alt)) ? ' (only in a suggested question or a source citation)' : ''}`);
  for (const group of question.must_not ?? []) if (group.some((alt) => matches(reply, alt))) failed.push(`has forbidden ${JSON.stringify(group)}`);
  return failed;
}

/**
 * The text of the Adaptive Cards alone: what the card shows, including its "show more" part, and not the
 * strings it never shows (toggle target ids, the values its buttons send).
 */
export function cardText(activities: readonly ReplyActivity[]): string {
  return activities.map((a) => flattenText(a.attachments ?? [], [], NOT_SHOWN_KEYS).join('\n')).join('\n').trim();
}
