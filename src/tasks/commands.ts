/**
 * Reads task commands from a chat message, in Danish or English, case-insensitive, with or without a leading `/`:
 *
 * | create | `opgave <titel> [@person] [senest <dato>]` | `task <title> [@person] [due\|by <date>]` |
 * | list   | `opgaver`, `mine opgaver`, `alle opgaver`   | `tasks`, `my tasks`, `all tasks`          |
 * | done   | `færdig <nr>`                               | `done <n>`                                |
 * | reopen | `genåbn <nr>`                               | `reopen <n>`                              |
 * | move   | `flyt <nr> <dato>` (`ingen frist` clears)   | `move <n> <date>` (`no date` clears)      |
 * | assign | `giv <nr> @person`                          | `assign <n> @person`                      |
 *
 * The owner is a Teams @mention (an entity of the message), or `@Navn` of a person in the knowledge base, or else
 * the creator. A mention at the end of the title is taken out of it; elsewhere its name stays in the title
 * ("opgave @Tanja følger op på planen" keeps "Tanja følger op på planen").
 *
 * A command word with something missing or unreadable gives `usage` (so the reply can show the right form), and
 * nothing is created. A text that only looks like a command (it ends in `?`, or `giv mig…` without a number) is
 * not one: `null`, and it goes to the question engine.
 */
import { extractTrailingDate, parseDate } from '../time/parse-date.js';
import type { TaskOwner } from './task.js';
import { hasVisibleCharacter, titleLength, TITLE_MAX_LENGTH } from './task.js';
import type { TaskScope } from './task-store.js';

/** The languages commands come in; the reply uses the command's language. */
export type TaskLang = 'da' | 'en';

/** A Teams mention in the message (the bot's own mention already left out). */
export interface TaskMention {
  readonly id: string;
  readonly name: string;
  /** How it appears in the text, e.g. `<at>Tanja Hansen</at>`. */
  readonly text?: string;
}

/** A person of the knowledge base. */
export interface KnownPerson {
  readonly id: string;
  readonly name: string;
}

/** What {@link parseTaskCommand} needs besides the text. */
export interface ParseTaskCommandOptions {
  /** The clock's now, for dates like "fredag". */
  readonly now: Date;
  /** Finds a knowledge-base person by a name as typed; absent: only @mentions name owners. */
  readonly findPerson?: (name: string) => KnownPerson | undefined;
}

/** The commands that have a usage form. */
export type UsageCommand = 'create' | 'complete' | 'reopen' | 'move' | 'assign';

/** What was wrong with an incomplete command. */
export type UsageProblem =
  | 'missing-title'
  | 'title-too-long'
  | 'invisible-title'
  | 'bad-date'
  | 'missing-date'
  | 'missing-number'
  | 'missing-person'
  | 'unknown-person'
  | 'several-owners';

/** A task command, or the usage of one. */
export type TaskCommand =
  | { readonly kind: 'create'; readonly lang: TaskLang; readonly title: string; readonly owner?: TaskOwner; readonly due?: string }
  | { readonly kind: 'list'; readonly lang: TaskLang; readonly scope: TaskScope }
  | { readonly kind: 'complete' | 'reopen'; readonly lang: TaskLang; readonly number: number }
  /** `due` undefined removes the due date. */
  | { readonly kind: 'move'; readonly lang: TaskLang; readonly number: number; readonly due: string | undefined }
  | { readonly kind: 'assign'; readonly lang: TaskLang; readonly number: number; readonly owner: TaskOwner }
  | { readonly kind: 'usage'; readonly lang: TaskLang; readonly command: UsageCommand; readonly problem?: UsageProblem; readonly detail?: string };

type Usage = Extract<TaskCommand, { kind: 'usage' }>;

const LISTS: ReadonlyArray<readonly [RegExp, TaskScope, TaskLang]> = [
  [/^(?:vis )?(?:åbne |aabne )?opgaver(?:ne)?$|^opgavelisten?$/, 'open', 'da'],
  [/^(?:show |list )?(?:the )?(?:open )?tasks$|^task list$/, 'open', 'en'],
  [/^(?:vis )?mine (?:åbne |aabne )?opgaver$/, 'mine', 'da'],
  [/^(?:show )?my (?:open )?tasks$/, 'mine', 'en'],
  [/^(?:vis )?alle opgaver(?:ne)?$/, 'all', 'da'],
  [/^(?:show |list )?all (?:the )?tasks$/, 'all', 'en'],
];

const COMMANDS: ReadonlyArray<readonly [RegExp, UsageCommand, TaskLang]> = [
  [/^(?:ny )?opgave:?(?=\s|$)/, 'create', 'da'],
  [/^(?:new |add )?task:?(?=\s|$)/, 'create', 'en'],
  [/^(?:færdig|faerdig|udført|udfoert|afslut):?(?=\s|$)/, 'complete', 'da'],
  [/^(?:done|complete|finish|finished):?(?=\s|$)/, 'complete', 'en'],
  [/^(?:genåbn|genaabn|genåben|genåbne):?(?=\s|$)/, 'reopen', 'da'],
  [/^(?:reopen|re-open):?(?=\s|$)/, 'reopen', 'en'],
  [/^flyt:?(?=\s|$)/, 'move', 'da'],
  [/^(?:move|reschedule):?(?=\s|$)/, 'move', 'en'],
  [/^(?:giv|tildel):?(?=\s|$)/, 'assign', 'da'],
  [/^(?:assign|give):?(?=\s|$)/, 'assign', 'en'],
];

// "opgave 3", "task #3", "nr. 3", "#3"
const NUMBER = /^(?:(?:opgave|opgaven|task|nr\.?|no\.?|number)\s*)?#?(\d{1,7})(?=\s|$|[.!,:])[.!,:]?(?:\s+(.*))?$/;
const CLEAR_DUE = /^(?:ingen(?: frist| dato)?|fjern frist(?:en)?|no(?: due)? date|none|no deadline|clear)$/;
const OWNER_CONNECTORS = ['til', 'for', 'ansvarlig', 'ansvarlig:', 'ejer', 'to', 'owner', 'owner:', 'assigned', '-', '–', ':'];
const MENTION_TOKEN = /^\u0001(\d+)\u0001$/;
const OWNER_TOKEN = '\u0002owner\u0002';
const MAX_NAME_WORDS = 4;

/** An owner named in the words, and where. */
interface OwnerRef {
  readonly start: number;
  readonly end: number;
  readonly owner: TaskOwner;
  /** The name as it should read if it stays in the title. */
  readonly asText: string;
}

type OwnerSearch = { readonly refs: OwnerRef[] } | { readonly problem: 'unknown-person'; readonly detail: string };

function usage(command: UsageCommand, lang: TaskLang, problem?: UsageProblem, detail?: string): Usage {
  return { kind: 'usage', command, lang, ...(problem !== undefined && { problem }), ...(detail !== undefined && { detail }) };
}

function cleanTitle(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:–-]+|[\s,;:–-]+$/g, '')
    .trim();
}

/** Replaces mention tags with tokens; tags without an entity become `@Name` (looked up in the knowledge base). */
function markMentions(text: string, mentions: readonly TaskMention[]): string {
  let marked = text.replace(/&nbsp;|\u00a0/g, ' ');
  mentions.forEach((mention, i) => {
    const tag = mention.text ?? `<at>${mention.name}</at>`;
    marked = marked.split(tag).join(` \u0001${i}\u0001 `);
  });
  return marked.replace(/<at>(.*?)<\/at>/gi, (_m, name: string) => ` @${name.trim()} `);
}

function findOwners(words: readonly string[], mentions: readonly TaskMention[], options: ParseTaskCommandOptions, bareNames: boolean): OwnerSearch {
  const refs: OwnerRef[] = [];
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i] as string;
    const mention = MENTION_TOKEN.exec(word);
    if (mention) {
      const m = mentions[Number(mention[1])] as TaskMention;
      refs.push({ start: i, end: i + 1, owner: { id: m.id, name: m.name, source: 'mention' }, asText: m.name });
      continue;
    }
    const typed = word.startsWith('@') && word.length > 1;
    if (!typed && !(bareNames && i === 0)) continue;
    // The longest run of words (up to four) that names a known person: "@Tanja Hansen" before "@Tanja".
    const first = typed ? word.slice(1) : word;
    let found: OwnerRef | undefined;
    for (let n = Math.min(MAX_NAME_WORDS, words.length - i); n >= 1 && found === undefined; n -= 1) {
      const span = [first, ...words.slice(i + 1, i + n)];
      if (span.some((w) => MENTION_TOKEN.test(w))) continue;
      const name = span.join(' ').replace(/[.,;:!]+$/, '');
      const person = options.findPerson?.(name);
      if (person !== undefined) found = { start: i, end: i + n, owner: { id: person.id, name: person.name, source: 'knowledge' }, asText: name };
    }
    if (found === undefined) {
      if (typed) return { problem: 'unknown-person', detail: first.replace(/[.,;:!]+$/, '') };
      if (bareNames) return { problem: 'unknown-person', detail: words.join(' ') };
      continue;
    }
    refs.push(found);
    i = found.end - 1;
  }
  return { refs };
}

function dropTrailingOwner(words: string[]): boolean {
  if (words[words.length - 1] !== OWNER_TOKEN) return false;
  words.pop();
  while (words.length > 0 && OWNER_CONNECTORS.includes((words[words.length - 1] as string).toLowerCase())) words.pop();
  return true;
}

function parseCreate(rest: string, lang: TaskLang, mentions: readonly TaskMention[], options: ParseTaskCommandOptions): TaskCommand {
  if (rest === '') return usage('create', lang, 'missing-title');
  const words = rest.split(' ');
  const search = findOwners(words, mentions, options, false);
  if ('problem' in search) return usage('create', lang, search.problem, search.detail);
  if (search.refs.length > 1) return usage('create', lang, 'several-owners');
  const ref = search.refs[0];

  // The owner's words become one token, so it can be found at the end before and after the date.
  const tokens = ref === undefined ? [...words] : [...words.slice(0, ref.start), OWNER_TOKEN, ...words.slice(ref.end)];
  let removed = dropTrailingOwner(tokens);
  const dated = extractTrailingDate(tokens.join(' '), options.now);
  if (dated.kind === 'invalid') return usage('create', lang, 'bad-date', dated.dateText);
  const remaining = dated.text === '' ? [] : dated.text.split(' ');
  if (!removed) removed = dropTrailingOwner(remaining);
  const title = cleanTitle(remaining.map((w) => (w === OWNER_TOKEN ? (ref as OwnerRef).asText : w)).join(' '));

  if (title === '') return usage('create', lang, 'missing-title');
  if (!hasVisibleCharacter(title)) return usage('create', lang, 'invisible-title');
  const length = titleLength(title);
  if (length > TITLE_MAX_LENGTH) return usage('create', lang, 'title-too-long', String(length));
  return {
    kind: 'create',
    lang,
    title,
    ...(ref !== undefined && { owner: ref.owner }),
    ...(dated.kind === 'date' && { due: dated.date }),
  };
}

function parseMove(number: number, tail: string, lang: TaskLang, now: Date): TaskCommand {
  const dateText = tail.replace(/^(?:til|to|på|on|den|the)\s+/i, '').trim();
  if (dateText === '') return usage('move', lang, 'missing-date');
  if (CLEAR_DUE.test(dateText.toLowerCase().replace(/[.!]+$/, ''))) return { kind: 'move', lang, number, due: undefined };
  const parsed = parseDate(dateText, now);
  return parsed.ok ? { kind: 'move', lang, number, due: parsed.date } : usage('move', lang, 'bad-date', dateText);
}

function parseAssign(number: number, tail: string, lang: TaskLang, mentions: readonly TaskMention[], options: ParseTaskCommandOptions): TaskCommand {
  const rest = tail.replace(/^(?:til|to)\s+/i, '').replace(/[.!]+$/, '').trim();
  if (rest === '') return usage('assign', lang, 'missing-person');
  const search = findOwners(rest.split(' '), mentions, options, !rest.includes('@') && !MENTION_TOKEN.test(rest.split(' ')[0] as string));
  if ('problem' in search) return usage('assign', lang, search.problem, search.detail);
  if (search.refs.length > 1) return usage('assign', lang, 'several-owners');
  const ref = search.refs[0];
  return ref === undefined ? usage('assign', lang, 'missing-person') : { kind: 'assign', lang, number, owner: ref.owner };
}

/**
 * Reads a message as a task command: the command, its usage when incomplete, or `null` when it is not one.
 * @example parseTaskCommand('opgave Følg op på kapacitetsplanen <at>Tanja</at> senest fredag', [{ id: '29:1', name: 'Tanja', text: '<at>Tanja</at>' }], { now })
 * // { kind: 'create', lang: 'da', title: 'Følg op på kapacitetsplanen', owner: { id: '29:1', name: 'Tanja', source: 'mention' }, due: '2026-11-27' }
 */
export function parseTaskCommand(text: string, mentions: readonly TaskMention[], options: ParseTaskCommandOptions): TaskCommand | null {
  const marked = markMentions(text, mentions)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\/\s*/, '');
  const lower = marked.toLocaleLowerCase('da');
  const bare = lower.replace(/[.!]+$/, '').trim();

  for (const [pattern, scope, lang] of LISTS) {
    if (pattern.test(bare)) return { kind: 'list', lang, scope };
  }

  for (const [pattern, command, lang] of COMMANDS) {
    const match = pattern.exec(lower);
    if (!match) continue;
    const rest = marked.slice(match[0].length).trim();
    // "opgave for en klyngeleder?" is a question about tasks, not a task.
    if (rest.endsWith('?')) return null;
    if (command === 'create') return parseCreate(rest, lang, mentions, options);

    if (rest === '') return usage(command, lang, 'missing-number');
    const numbered = NUMBER.exec(rest);
    if (!numbered) {
      // "giv mig et overblik", "done with the report": ordinary sentences, not task commands.
      return command === 'reopen' ? usage(command, lang, 'missing-number') : null;
    }
    const number = Number(numbered[1]);
    const tail = (numbered[2] ?? '').trim();
    if (number < 1) return usage(command, lang, 'missing-number');
    switch (command) {
      case 'complete':
      case 'reopen':
        return tail === '' ? { kind: command, lang, number } : usage(command, lang);
      case 'move':
        return parseMove(number, tail, lang, options.now);
      case 'assign':
        return parseAssign(number, tail, lang, mentions, options);
    }
  }
  return null;
}
