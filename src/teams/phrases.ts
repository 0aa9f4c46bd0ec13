/**
 * What the Teams layer itself says (welcome, help, refusals, apologies), in Danish and English.
 * The answering engine has its own phrases; nothing here states a fact from the knowledge base.
 */
import type { Lang } from '../answering/types.js';
import type { StateWriteFailure } from '../storage/index.js';

/** The longest message the bot reads, in characters. */
export const MAX_MESSAGE_CHARS = 4_000;

export interface TeamsPhrases {
  /** One or two sentences: who the bot is and how to start. */
  readonly welcome: string;
  readonly helpTitle: string;
  readonly helpIntro: string;
  readonly helpQuestionsTitle: string;
  readonly helpCommandsTitle: string;
  readonly helpHelpLine: string;
  readonly helpFooter: string;
  readonly tooLong: (chars: number) => string;
  readonly empty: string;
  readonly apology: (errorId: string) => string;
  /** The reply to a greeting: short, friendly, with a hint (an example question from the knowledge base, if any). */
  readonly greetingReply: (example: string | undefined) => string;
  /** The reply to thanks. */
  readonly thanksReply: string;
  /** A command that is not one; `suggestion` is the nearest real command, as typed. */
  readonly unknownCommand: (suggestion: string | undefined) => string;
  /** The answer card's "show more" toggle. */
  readonly showMore: string;
  readonly showLess: string;
  /** A change that could not be written: said plainly, with why. */
  readonly notSaved: (failure: StateWriteFailure, errorId: string) => string;
}

const DA: TeamsPhrases = {
  welcome:
    'Hej! Jeg er Dagtilbudsledelse: jeg svarer på spørgsmål om ledelsesroller, referenceveje, frister og politikker i dagtilbud og angiver altid kilden. Skriv "hjælp" for at se, hvad jeg kan.',
  helpTitle: 'Det kan jeg hjælpe med',
  helpIntro:
    'Spørg med dine egne ord, på dansk eller engelsk. Jeg svarer ud fra kommunernes dokumenter og angiver altid kilden. Står svaret ikke i dokumenterne, siger jeg det ærligt.',
  helpQuestionsTitle: 'Eksempler på spørgsmål',
  helpCommandsTitle: 'Kommandoer',
  helpHelpLine: 'hjælp: viser denne oversigt',
  helpFooter: 'I en kanal skal du nævne mig med @ først.',
  tooLong: (chars) =>
    `Din besked er for lang til mig (${chars.toLocaleString('da-DK')} tegn). Skriv venligst et kortere spørgsmål på højst ${MAX_MESSAGE_CHARS.toLocaleString('da-DK')} tegn.`,
  empty: 'Skriv dit spørgsmål, eller skriv "hjælp" for at se, hvad jeg kan.',
  apology: (errorId) =>
    `Beklager, der gik noget galt, mens jeg behandlede din besked. Prøv igen om lidt. (Fejl-id: ${errorId})`,
  greetingReply: (example) => `Hej! Spørg mig om ledelse i dagtilbud${example ? `, fx "${example}"` : ''}, eller skriv "hjælp" for at se, hvad jeg kan.`,
  thanksReply: 'Selv tak! Skriv bare, hvis der er mere, eller "hjælp" for at se, hvad jeg kan.',
  unknownCommand: (suggestion) =>
    suggestion ? `Ukendt kommando. Mente du "${suggestion}"? Skriv "hjælp" for at se alle kommandoer.` : 'Ukendt kommando. Skriv "hjælp" for at se alle kommandoer.',
  showMore: 'Vis mere',
  showLess: 'Vis mindre',
  notSaved: (failure, errorId) =>
    `Ændringen blev ikke gemt: ${
      failure === 'full' ? 'botens lager er fuldt' : failure === 'denied' ? 'botten har ikke lov til at skrive i sit lager' : 'botens lager kunne ikke skrive'
    }. Intet er ændret. Prøv igen senere, og sig det gerne til den, der driver botten. (Fejl-id: ${errorId})`,
};

const EN: TeamsPhrases = {
  welcome:
    'Hi! I am Dagtilbudsledelse: I answer questions about leadership roles, reporting lines, deadlines and policies in day care, always citing the source. Type "help" to see what I can do.',
  helpTitle: 'What I can help with',
  helpIntro:
    'Ask in your own words, in Danish or English. I answer from the municipalities\u2019 documents and always cite the source. If the answer is not in the documents, I say so plainly.',
  helpQuestionsTitle: 'Example questions',
  helpCommandsTitle: 'Commands',
  helpHelpLine: 'help: shows this overview',
  helpFooter: 'In a channel, @mention me first.',
  tooLong: (chars) =>
    `Your message is too long for me (${chars.toLocaleString('en-GB')} characters). Please write a shorter question of at most ${MAX_MESSAGE_CHARS.toLocaleString('en-GB')} characters.`,
  empty: 'Type your question, or type "help" to see what I can do.',
  apology: (errorId) => `Sorry, something went wrong while I was handling your message. Please try again in a moment. (Error id: ${errorId})`,
  greetingReply: (example) => `Hi! Ask me about leadership in day care${example ? `, e.g. "${example}"` : ''}, or type "help" to see what I can do.`,
  thanksReply: 'You are welcome! Just write if there is more, or type "help" to see what I can do.',
  unknownCommand: (suggestion) =>
    suggestion ? `Unknown command. Did you mean "${suggestion}"? Type "help" to see every command.` : 'Unknown command. Type "help" to see every command.',
  showMore: 'Show more',
  showLess: 'Show less',
  notSaved: (failure, errorId) =>
    `The change was not saved: ${
      failure === 'full' ? "the bot's storage is full" : failure === 'denied' ? 'the bot is not allowed to write to its storage' : "the bot's storage could not be written"
    }. Nothing was changed. Please try again later, and tell whoever runs the bot. (Error id: ${errorId})`,
};

/** The Teams layer's phrases in a language. */
export function teamsPhrases(lang: Lang): TeamsPhrases {
  return lang === 'en' ? EN : DA;
}

/** True for a request for help: "hjælp", "help", "/help", "hjælp!", "Hjælp?" (any case). */
export function isHelpRequest(text: string): boolean {
  return /^\/?\s*(hjælp|hjaelp|help|\?)\s*[!?.]*$/iu.test(text.trim());
}
