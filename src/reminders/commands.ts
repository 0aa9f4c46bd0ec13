/**
 * The reminder commands people type, in Danish or English; the language of the command is the
 * language of the reply.
 *
 * - `påmind mig` / `remind me`, `stop påmindelser` / `stop reminders` (personal chat)
 * - `post opgaver her` / `post tasks here`, `stop opgaver her` / `stop tasks here` (channel)
 * - `frist <titel> <dato>` / `deadline <title> <date>` (leaders), `frister` / `deadlines`
 *
 * A `frist ...` text that ends in a question mark, or in no date-like word, is a question for the
 * question engine, not a command.
 */
import { MONTH_NAMES } from '../time/format-date.js';
import { parseDate } from '../time/parse-date.js';

const MONTH_WORDS = new Set([...MONTH_NAMES.da, ...MONTH_NAMES.en].map((m) => m.toLowerCase()));

/** A language the bot replies in. */
export type CommandLang = 'da' | 'en';

/** A recognised reminder command. */
export type ReminderCommand =
  | { readonly kind: 'subscribe-reminders' | 'unsubscribe-reminders' | 'subscribe-digest' | 'unsubscribe-digest' | 'list-deadlines' }
  | { readonly kind: 'add-deadline'; readonly title: string; readonly date: string }
  /** `frist` with a date that could not be read, or without a title. */
  | { readonly kind: 'add-deadline-invalid'; readonly problem: 'no-date' | 'no-title'; readonly dateText?: string };

/** A command and the language it was given in. */
export interface ParsedCommand {
  readonly command: ReminderCommand;
  readonly lang: CommandLang;
}

const FIXED: ReadonlyArray<readonly [RegExp, ReminderCommand['kind'], CommandLang]> = [
  [/^(?:påmind|paamind|husk) mig(?: om (?:frister|fristerne|deadlines))?$/, 'subscribe-reminders', 'da'],
  [/^remind me(?: (?:of|about) deadlines)?$/, 'subscribe-reminders', 'en'],
  [/^(?:stop|stands|afmeld) (?:påmindelser|påmindelserne|paamindelser)$/, 'unsubscribe-reminders', 'da'],
  [/^(?:stop|cancel) (?:reminders|reminding me)$/, 'unsubscribe-reminders', 'en'],
  [/^post(?:er)? opgaver(?:ne)? her$/, 'subscribe-digest', 'da'],
  [/^post (?:the )?tasks here$/, 'subscribe-digest', 'en'],
  [/^stop (?:med at poste )?opgaver(?:ne)? her$/, 'unsubscribe-digest', 'da'],
  [/^stop (?:posting )?(?:the )?tasks here$/, 'unsubscribe-digest', 'en'],
  [/^(?:vis )?(?:frister|fristerne|kommende frister)$/, 'list-deadlines', 'da'],
  [/^(?:show |list )?(?:the )?(?:upcoming )?deadlines$/, 'list-deadlines', 'en'],
];

/** Removes Teams `<at>` mentions, tags and extra spaces. */
export function cleanCommandText(text: string): string {
  return text
    .replace(/<at[^>]*>.*?<\/at>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Reads a reminder command; undefined when the text is something else.
 * @example parseReminderCommand('frist Budgetopfølgning 15. maj', now) // { command: { kind: 'add-deadline', title: 'Budgetopfølgning', date: '2026-05-15' }, lang: 'da' }
 */
export function parseReminderCommand(text: string, now: Date): ParsedCommand | undefined {
  const cleaned = cleanCommandText(text);
  // "frister?" is the command too: a bare command word with a question mark asks for the list.
  const simple = cleaned.toLowerCase().replace(/^\//, '').replace(/[.!?]+$/, '').trim();
  for (const [pattern, kind, lang] of FIXED) {
    if (pattern.test(simple)) return { command: { kind } as ReminderCommand, lang };
  }
  const match = /^(frist|deadline)\s*:?\s+(.+)$/i.exec(cleaned);
  if (!match) return undefined;
  const lang: CommandLang = (match[1] as string).toLowerCase() === 'frist' ? 'da' : 'en';
  const rest = (match[2] as string).trim();
  if (rest.endsWith('?')) return undefined;
  const words = rest.replace(/[.!]+$/, '').split(' ');
  // The longest tail that reads as a date is the date; what comes before is the title.
  for (let i = 0; i < words.length; i += 1) {
    const dateText = words.slice(i).join(' ');
    const parsed = parseDate(dateText, now);
    if (!parsed.ok) continue;
    const title = words
      .slice(0, i)
      .join(' ')
      .replace(/^(?:for|om|til|on)\s+/i, '')
      .replace(/\s+(?:den|d\.|senest|inden|til|by|on|due|the)$/i, '')
      .replace(/[\s,;:–-]+$/, '')
      .trim();
    if (title === '') return { command: { kind: 'add-deadline-invalid', problem: 'no-title', dateText }, lang };
    return { command: { kind: 'add-deadline', title, date: parsed.date }, lang };
  }
  // Only a text that ends in something date-like was meant as a command with a bad date. A year alone is part of
  // a title ("deadline for the competence plan 2028" asks the knowledge base), not a deadline's date.
  const tail = words.slice(-3);
  const yearAlone = (w: string) => /^(?:19|20)\d\d[.,]?$/.test(w);
  const start = tail.findIndex((w) => (/\d/.test(w) && !yearAlone(w)) || MONTH_WORDS.has(w.toLowerCase().replace(/[.,]$/, '')));
  if (start === -1) return undefined;
  return { command: { kind: 'add-deadline-invalid', problem: 'no-date', dateText: tail.slice(start).join(' ') }, lang };
}
