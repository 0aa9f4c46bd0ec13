/**
 * The words of conversation, as data: greetings and thanks (answered before the knowledge engine is asked), and
 * the command vocabulary used to spot a mistyped or made-up command and suggest the nearest real one.
 *
 * Greetings and thanks match the whole message (after punctuation, emoji and the bot's name are taken away), so
 * "tak for svaret om frister" is still a question. Add a phrase in lower case, in the language it belongs to.
 */

/** Whole-message greetings per language. */
export const GREETINGS = {
  da: ['hej', 'hejsa', 'hej hej', 'hej med dig', 'hej med jer', 'hej bot', 'goddag', 'godmorgen', 'god morgen', 'godaften', 'halløj', 'dav', 'davs', 'hallo'],
  en: ['hi', 'hello', 'hey', 'hi there', 'hello there', 'hey there', 'good morning', 'good afternoon', 'good evening', 'greetings'],
} as const;

/** Whole-message thanks per language. */
export const THANKS = {
  da: ['tak', 'mange tak', 'tusind tak', 'tak skal du have', 'tak for hjælpen', 'tak for svaret', 'super tak', 'tak tak', 'fint tak', 'godt tak', 'perfekt tak', 'tak så meget'],
  en: ['thanks', 'thank you', 'thank you very much', 'thanks a lot', 'many thanks', 'thx', 'ty', 'cheers', 'thanks for the help', 'great thanks', 'perfect thanks'],
} as const;

/** A command as people write it: its words, the form shown in a suggestion, and words that mean it but are not it. */
export interface CommandWord {
  /** The command's first word(s), per language. */
  readonly words: { readonly da: readonly string[]; readonly en: readonly string[] };
  /** The form suggested, per language; `‹nr›` is filled with the number in the message when there is one. */
  readonly form: { readonly da: string; readonly en: string };
  /** Words people use for this command that the bot does not take (suggest it, do not run it). */
  readonly aliases?: { readonly da: readonly string[]; readonly en: readonly string[] };
}

/** Every command the bot takes, from the handlers' own command lists (tasks, reminders, gaps, org chart, calendar, help). */
export const COMMAND_WORDS: readonly CommandWord[] = [
  { words: { da: ['hjælp'], en: ['help'] }, form: { da: 'hjælp', en: 'help' } },
  { words: { da: ['opgave'], en: ['task'] }, form: { da: 'opgave ‹titel› senest ‹dato›', en: 'task ‹title› due ‹date›' }, aliases: { da: ['opret', 'ny'], en: ['create', 'new', 'add'] } },
  { words: { da: ['opgaver', 'mine opgaver', 'alle opgaver'], en: ['tasks', 'my tasks', 'all tasks'] }, form: { da: 'opgaver', en: 'tasks' }, aliases: { da: ['vis', 'liste', 'status'], en: ['show', 'list', 'status'] } },
  { words: { da: ['færdig'], en: ['done'] }, form: { da: 'færdig ‹nr›', en: 'done ‹nr›' }, aliases: { da: ['slet', 'fjern', 'luk', 'afslut', 'udført', 'udfør'], en: ['delete', 'remove', 'close', 'finish', 'complete', 'completed'] } },
  { words: { da: ['genåbn'], en: ['reopen'] }, form: { da: 'genåbn ‹nr›', en: 'reopen ‹nr›' }, aliases: { da: ['åbn', 'fortryd'], en: ['open', 'undo'] } },
  { words: { da: ['flyt'], en: ['move'] }, form: { da: 'flyt ‹nr› ‹dato›', en: 'move ‹nr› ‹date›' }, aliases: { da: ['udskyd', 'ændr'], en: ['postpone', 'change', 'reschedule'] } },
  { words: { da: ['giv'], en: ['assign'] }, form: { da: 'giv ‹nr› @person', en: 'assign ‹nr› @person' }, aliases: { da: ['tildel', 'overdrag'], en: ['give', 'hand'] } },
  { words: { da: ['frist'], en: ['deadline'] }, form: { da: 'frist ‹titel› ‹dato›', en: 'deadline ‹title› ‹date›' } },
  { words: { da: ['frister'], en: ['deadlines'] }, form: { da: 'frister', en: 'deadlines' } },
  { words: { da: ['påmind mig'], en: ['remind me'] }, form: { da: 'påmind mig', en: 'remind me' }, aliases: { da: ['påmindelse', 'husk'], en: ['reminder', 'subscribe'] } },
  { words: { da: ['stop påmindelser'], en: ['stop reminders'] }, form: { da: 'stop påmindelser', en: 'stop reminders' }, aliases: { da: ['afmeld'], en: ['unsubscribe'] } },
  { words: { da: ['post opgaver her'], en: ['post tasks here'] }, form: { da: 'post opgaver her', en: 'post tasks here' } },
  { words: { da: ['huller'], en: ['gaps'] }, form: { da: 'huller', en: 'gaps' }, aliases: { da: ['videnshuller', 'mangler'], en: ['gap'] } },
  { words: { da: ['post huller her'], en: ['post gaps here'] }, form: { da: 'post huller her', en: 'post gaps here' } },
  { words: { da: ['vis organisationen'], en: ['show the org chart'] }, form: { da: 'vis organisationen', en: 'show the org chart' }, aliases: { da: ['organisation', 'organigram', 'diagram'], en: ['org', 'chart', 'organisation'] } },
  { words: { da: ['kalender'], en: ['calendar'] }, form: { da: 'kalender', en: 'calendar' } },
];
