/**
 * Small talk and near-commands: recognises greetings and thanks, the language a message's own words are in, and a
 * message that looks like a command but is none ("slet opgave 2", "/status"), with the nearest real command.
 * The words themselves live in `./conversation-words.ts`.
 */
import { distance } from 'fastest-levenshtein';
import type { Lang } from '../answering/types.js';
import { COMMAND_WORDS, GREETINGS, THANKS, type CommandWord } from './conversation-words.js';

/** What a message is, as conversation. */
export type SmallTalk = { readonly kind: 'greeting' | 'thanks'; readonly lang: Lang };

/** The nearest real command to one that is not. */
export interface CommandSuggestion {
  /** The language of the words typed, or the fallback when they have none of their own. */
  readonly lang: Lang;
  /** The suggested command as it is typed, e.g. `færdig 2`; undefined when none is near. */
  readonly command?: string;
}

const LANGS: readonly Lang[] = ['da', 'en'];

/** Lower case, without punctuation, emoji and extra spaces: the form phrases are compared in. */
export function simplify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s/#@‹›-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function phraseLang(phrases: { readonly da: readonly string[]; readonly en: readonly string[] }, text: string): Lang | undefined {
  return LANGS.find((lang) => phrases[lang].includes(text));
}

/**
 * A greeting or thanks that is the whole message, with the language of its words; undefined otherwise.
 * @example recognizeSmallTalk('Tak!') // { kind: 'thanks', lang: 'da' }
 */
export function recognizeSmallTalk(text: string, botName?: string): SmallTalk | undefined {
  let simple = simplify(text);
  if (botName) {
    const name = simplify(botName);
    if (name && simple.endsWith(` ${name}`)) simple = simple.slice(0, -name.length - 1);
  }
  const greeting = phraseLang(GREETINGS, simple);
  if (greeting) return { kind: 'greeting', lang: greeting };
  const thanks = phraseLang(THANKS, simple);
  return thanks ? { kind: 'thanks', lang: thanks } : undefined;
}

function commandWords(command: CommandWord, lang: Lang): readonly string[] {
  return command.words[lang];
}

/**
 * The language of a message's command words, when it starts with one (exactly, as an alias, or one edit away);
 * undefined when the start is not a command word or is the same in both languages.
 */
export function commandLanguage(text: string): Lang | undefined {
  const simple = simplify(text).replace(/^\//, '');
  const first = simple.split(' ')[0] ?? '';
  for (const command of COMMAND_WORDS) {
    const langs = LANGS.filter((lang) => commandWords(command, lang).some((words) => simple === words || simple.startsWith(`${words} `)));
    if (langs.length === 1) return langs[0];
    const aliasLangs = LANGS.filter((lang) => command.aliases?.[lang].includes(first));
    if (langs.length === 0 && aliasLangs.length === 1 && simple.split(' ').length <= 4) return aliasLangs[0];
  }
  return undefined;
}

/** How many edits a typed word may be from a command word to count as a typo of it. */
function typoBudget(word: string): number {
  return word.length >= 7 ? 2 : word.length >= 4 ? 1 : 0;
}

interface Candidate {
  readonly command: CommandWord;
  /** Undefined when the word is the same in both languages. */
  readonly lang?: Lang;
  readonly distance: number;
}

function nearest(word: string): Candidate | undefined {
  for (const command of COMMAND_WORDS) {
    const langs = LANGS.filter((lang) => command.aliases?.[lang].includes(word));
    if (langs.length > 0) return { command, ...(langs.length === 1 && { lang: langs[0] }), distance: 0 };
  }
  let best: Candidate | undefined;
  for (const command of COMMAND_WORDS) {
    for (const lang of LANGS) {
      for (const words of commandWords(command, lang)) {
        const d = distance(word, words.split(' ')[0]!);
        if (!best || d < best.distance) best = { command, lang, distance: d };
      }
    }
  }
  return best;
}

function isCommandWord(word: string): boolean {
  return COMMAND_WORDS.some((command) => LANGS.some((lang) => commandWords(command, lang).some((words) => words.split(' ')[0] === word)));
}

/**
 * When a message looks like a command but no handler took it, the nearest real command; undefined when it does
 * not look like a command (then it is a question). It looks like one when it starts with `/`, or when it is short,
 * starts with a word that means a command or is a typo of one, and names a number or another command word.
 * @example suggestCommand('slet opgave 2') // { lang: 'da', command: 'færdig 2' }
 */
export function suggestCommand(text: string, fallbackLang: Lang): CommandSuggestion | undefined {
  const raw = text.trim();
  if (raw.endsWith('?')) return undefined;
  const slashed = raw.startsWith('/');
  const words = simplify(raw.replace(/^\/+/, '')).split(' ').filter(Boolean);
  const first = words[0];
  if (!first) return slashed ? { lang: fallbackLang } : undefined;
  const number = /\d+/.exec(words.slice(1).join(' '))?.[0];
  const candidate = nearest(first);
  const suggest = (found: Candidate): CommandSuggestion => {
    const lang = found.lang ?? fallbackLang;
    return { lang, command: fill(found.command.form[lang], number) };
  };
  if (slashed) {
    return candidate && candidate.distance <= Math.max(2, Math.floor(first.length / 2)) ? suggest(candidate) : { lang: fallbackLang };
  }
  if (words.length > 5 || isCommandWord(first)) return undefined;
  const namesArgument = number !== undefined || words.slice(1).some(isCommandWord);
  const near = candidate !== undefined && candidate.distance <= typoBudget(first);
  return near && namesArgument ? suggest(candidate) : undefined;
}

function fill(form: string, number: string | undefined): string {
  return number === undefined ? form : form.replace('‹nr›', number);
}
