/**
 * What the feedback and knowledge-gap features say, in Danish and English. Texts typed by users (questions,
 * comments) are passed in already escaped by the caller where the medium needs it.
 */
import { formatDate } from '../time/format-date.js';

/** A language the bot writes in. */
export type GapLang = 'da' | 'en';

/** The gap feature's phrases in one language. */
export interface GapPhrases {
  readonly listTitle: (count: number) => string;
  readonly empty: string;
  readonly asked: (count: number, lastDate: string, ratedDown: number) => string;
  readonly botAnswered: string;
  readonly comments: string;
  readonly createTask: string;
  readonly dismiss: string;
  readonly taskTitle: (question: string) => string;
  readonly taskCreated: (taskNumber: number, question: string) => string;
  readonly dismissed: (question: string) => string;
  readonly gone: string;
  readonly editorsOnly: string;
  readonly digestTitle: string;
  readonly subscribed: string;
  readonly alreadySubscribed: string;
  readonly unsubscribed: string;
  readonly notSubscribed: string;
  readonly channelOnly: string;
  readonly more: (count: number) => string;
  readonly help: readonly string[];
}

const DA: GapPhrases = {
  listTitle: (count) => `Videnshuller: spørgsmål jeg ikke kunne svare godt på (${count})`,
  empty: 'Der er ingen åbne videnshuller.',
  asked: (count, lastDate, ratedDown) =>
    `Spurgt ${count === 1 ? 'én gang' : `${count} gange`} · senest ${formatDate(lastDate, 'da')}${ratedDown > 0 ? ` · ${ratedDown} × tommel ned` : ''}`,
  botAnswered: 'Mit svar',
  comments: 'Kommentarer',
  createTask: 'Opret opgave',
  dismiss: 'Afvis',
  taskTitle: (question) => `Videnshul: ${question}`,
  taskCreated: (taskNumber, question) => `Opgave #${taskNumber} er oprettet til dig: "${question}".`,
  dismissed: (question) => `Afvist: "${question}".`,
  gone: 'Det videnshul er allerede behandlet.',
  editorsOnly: 'Kun redaktørerne af vidensbasen kan se og behandle videnshullerne.',
  digestTitle: 'Ugens videnshuller',
  subscribed: 'Jeg poster listen over videnshuller her efter den faste plan.',
  alreadySubscribed: 'Jeg poster allerede videnshullerne her.',
  unsubscribed: 'Jeg poster ikke længere videnshullerne her.',
  notSubscribed: 'Jeg poster ikke videnshullerne her.',
  channelOnly: 'Videnshullerne kan kun postes i en kanal: nævn mig med @ i kanalen og skriv "post huller her".',
  more: (count) => `… og ${count} mere`,
  help: ['huller: spørgsmål jeg ikke kunne svare på (redaktører) · post huller her / stop huller her: ugentlig liste i kanalen'],
};

const EN: GapPhrases = {
  listTitle: (count) => `Knowledge gaps: questions I could not answer well (${count})`,
  empty: 'There are no open knowledge gaps.',
  asked: (count, lastDate, ratedDown) =>
    `Asked ${count === 1 ? 'once' : `${count} times`} · last ${formatDate(lastDate, 'en')}${ratedDown > 0 ? ` · ${ratedDown} × thumbs down` : ''}`,
  botAnswered: 'My answer',
  comments: 'Comments',
  createTask: 'Create task',
  dismiss: 'Dismiss',
  taskTitle: (question) => `Knowledge gap: ${question}`,
  taskCreated: (taskNumber, question) => `Task #${taskNumber} was created for you: "${question}".`,
  dismissed: (question) => `Dismissed: "${question}".`,
  gone: 'That knowledge gap has already been handled.',
  editorsOnly: 'Only the knowledge-base editors can see and handle the knowledge gaps.',
  digestTitle: 'Knowledge gaps this week',
  subscribed: 'I will post the list of knowledge gaps here on the regular schedule.',
  alreadySubscribed: 'I already post the knowledge gaps here.',
  unsubscribed: 'I will no longer post the knowledge gaps here.',
  notSubscribed: 'I do not post the knowledge gaps here.',
  channelOnly: 'The knowledge gaps can only be posted in a channel: @mention me in the channel and write "post gaps here".',
  more: (count) => `… and ${count} more`,
  help: ['gaps: questions I could not answer (editors) · post gaps here / stop gaps here: weekly list in the channel'],
};

/** The gap feature's phrases in a language. */
export function gapPhrases(lang: GapLang): GapPhrases {
  return lang === 'da' ? DA : EN;
}

/** A gap-log command and the language it was given in. */
export type GapCommand = { readonly kind: 'list' | 'subscribe' | 'unsubscribe'; readonly lang: GapLang };

const COMMANDS: ReadonlyArray<readonly [RegExp, GapCommand['kind'], GapLang]> = [
  [/^(?:vis )?(?:videns)?huller(?:ne)?$/, 'list', 'da'],
  [/^(?:show |list )?(?:the )?(?:knowledge )?gaps$/, 'list', 'en'],
  [/^post(?:er)? (?:videns)?huller(?:ne)? her$/, 'subscribe', 'da'],
  [/^post (?:the )?(?:knowledge )?gaps here$/, 'subscribe', 'en'],
  [/^stop (?:med at poste )?(?:videns)?huller(?:ne)? her$/, 'unsubscribe', 'da'],
  [/^stop (?:posting )?(?:the )?(?:knowledge )?gaps here$/, 'unsubscribe', 'en'],
];

/** Reads a gap-log command (`huller`, `post huller her`, …); undefined when the text is something else. */
export function parseGapCommand(text: string): GapCommand | undefined {
  const simple = text.toLowerCase().replace(/^\//, '').replace(/[.!?]+$/, '').replace(/\s+/g, ' ').trim();
  for (const [pattern, kind, lang] of COMMANDS) if (pattern.test(simple)) return { kind, lang };
  return undefined;
}
