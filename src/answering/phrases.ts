/**
 * Everything the answering engine says, in Danish and English.
 */
import type { Lang } from './types.js';

export interface Phrases {
  readonly reportsTo: (from: string, to: string) => string;
  readonly reportsToChain: (to: string) => string;
  readonly ledBy: (unit: string, leaders: string) => string;
  readonly reportToIt: (to: string, froms: string) => string;
  readonly noReporting: (subject: string) => string;
  readonly dateLine: (label: string, date: string, passed: boolean) => string;
  readonly datesHeadline: (count: number) => string;
  readonly noDates: string;
  readonly noUpcoming: string;
  readonly noContact: string;
  readonly contactLine: (name: string, title: string, phone?: string, email?: string) => string;
  readonly contactHeadline: (names: string) => string;
  readonly contactAbout: string;
  readonly severalMatches: string;
  readonly unknown: string;
  /** "I don't know" to a message that asks nothing the bot can tell, with what it can answer. */
  readonly notAsked: string;
  /** A clause of a message that asks two things, which the documents do not answer. */
  readonly clauseUnknown: (clause: string) => string;
  readonly suggestionsIntro: string;
  readonly suggestReporting: (role: string) => string;
  readonly suggestDeadline: (role: string) => string;
  readonly suggestPolicy: (role: string) => string;
  readonly suggestWhat: (name: string) => string;
  readonly members: string;
  readonly source: string;
  readonly sources: string;
  readonly chatDeadline: string;
  readonly and: string;
}

const DA: Phrases = {
  reportsTo: (from, to) => `${capitalize(from)} refererer til ${to}.`,
  reportsToChain: (to) => `${capitalize(to)} refererer videre til`,
  ledBy: (unit, leaders) => `${capitalize(unit)} ledes af ${leaders}.`,
  reportToIt: (to, froms) => `Til ${to} refererer: ${froms}.`,
  noReporting: (subject) => `Jeg har ingen oplysninger om, hvem ${subject} refererer til.`,
  dateLine: (label, date, passed) => `${label}: ${date}${passed ? ' (overstået)' : ''}`,
  datesHeadline: (count) => (count === 1 ? 'Jeg fandt én dato:' : `Jeg fandt ${count} datoer:`),
  noDates: 'Jeg har ingen datoer, der passer til spørgsmålet.',
  noUpcoming: 'Jeg kender ingen kommende datoer, der passer til spørgsmålet: de datoer, jeg kender, er overståede.',
  noContact: 'Jeg kender ingen kontaktperson for det, du spørger om.',
  contactLine: (name, title, phone, email) =>
    `${name}, ${title}${phone ? `, tlf. ${phone}` : ''}${email ? `, ${email}` : ''}`,
  contactHeadline: (names) => `Du kan kontakte ${names}.`,
  contactAbout: 'kontakt om',
  severalMatches: 'Spørgsmålet passer på flere ting, så her er svaret for hver:',
  unknown: 'Det ved jeg ikke. Det står ikke i de dokumenter, jeg kender, og jeg gætter ikke.',
  clauseUnknown: (clause) => `${capitalize(clause.replace(/[?.!\s]+$/, ''))}? Det står ikke i de dokumenter, jeg kender.`,
  notAsked: 'Det ved jeg ikke, for jeg kan ikke se, hvad du spørger om. Spørg mig om ledelsen af dagtilbud: roller, referencer, frister, tal og politikker. Skriv "hjælp" for at se alt, jeg kan.',
  suggestionsIntro: 'Du kan for eksempel spørge:',
  suggestReporting: (role) => `Hvem refererer ${role} til?`,
  suggestDeadline: (role) => `Hvornår er ansøgningsfristen for stillingen som ${role}?`,
  suggestPolicy: (role) => `Hvilke politikker og strategier skal ${role} kende?`,
  suggestWhat: (name) => `Hvad er ${name}?`,
  members: 'Medlemmer',
  source: 'Kilde',
  sources: 'Kilder',
  chatDeadline: 'Frist oprettet i Teams',
  and: 'og',
};

const EN: Phrases = {
  reportsTo: (from, to) => `The ${from} reports to the ${to}.`,
  reportsToChain: (to) => `The ${to} in turn reports to`,
  ledBy: (unit, leaders) => `${capitalize(unit)} is led by the ${leaders}.`,
  reportToIt: (to, froms) => `Reporting to the ${to}: ${froms}.`,
  noReporting: (subject) => `I have no information on whom the ${subject} reports to.`,
  dateLine: (label, date, passed) => `${label}: ${date}${passed ? ' (passed)' : ''}`,
  datesHeadline: (count) => (count === 1 ? 'I found one date:' : `I found ${count} dates:`),
  noDates: 'I have no dates that fit the question.',
  noUpcoming: 'I know of no upcoming dates that fit the question: the dates I know have passed.',
  noContact: 'I know of no contact person for what you ask about.',
  contactLine: (name, title, phone, email) =>
    `${name}, ${title}${phone ? `, phone ${phone}` : ''}${email ? `, ${email}` : ''}`,
  contactHeadline: (names) => `You can contact ${names}.`,
  contactAbout: 'contact about',
  severalMatches: 'The question fits several things, so here is the answer for each:',
  unknown: "I don't know. It is not in the documents I know, and I won't guess.",
  clauseUnknown: (clause) => `${capitalize(clause.replace(/[?.!\s]+$/, ''))}? It is not in the documents I know.`,
  notAsked: 'I don\'t know: I cannot tell what you are asking. Ask me about the leadership of day care: roles, reporting lines, deadlines, figures and policies. Type "help" to see everything I can do.',
  suggestionsIntro: 'You could ask, for example:',
  suggestReporting: (role) => `Who does the ${role} report to?`,
  suggestDeadline: (role) => `When is the application deadline for the ${role} position?`,
  suggestPolicy: (role) => `Which policies and strategies should the ${role} know?`,
  suggestWhat: (name) => `What is ${name}?`,
  members: 'Members',
  source: 'Source',
  sources: 'Sources',
  chatDeadline: 'Deadline added in Teams',
  and: 'and',
};

/** The phrases of a language. */
export function phrasesFor(lang: Lang): Phrases {
  return lang === 'da' ? DA : EN;
}

/** Upper-cases the first letter. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Joins a list in prose: "a, b og c" / "a, b and c". */
export function joinList(items: readonly string[], lang: Lang): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${phrasesFor(lang).and} ${items[items.length - 1]}`;
}

/** Replies to what is not a question: greetings, thanks, goodbyes, command-like words. */
export const SMALLTALK: Readonly<Record<Lang, Readonly<Record<'greeting' | 'thanks' | 'bye' | 'ack' | 'command', string>>>> = {
  da: {
    greeting: 'Hej! Spørg mig om ledelsen af dagtilbud: roller, referencer, frister, tal og politikker. Skriv "hjælp" for at se alt, jeg kan.',
    thanks: 'Selv tak! Spørg bare igen, når du har brug for det.',
    bye: 'Farvel, og god dag! Spørg bare igen, når du har brug for hjælp.',
    ack: 'Godt. Skriv et spørgsmål, eller "hjælp" for at se, hvad jeg kan.',
    command: 'Den kommando kender jeg ikke. Skriv "hjælp" for at se, hvad jeg kan.',
  },
  en: {
    greeting: 'Hello! Ask me about the leadership of day care: roles, reporting lines, deadlines, figures and policies. Type "help" to see everything I can do.',
    thanks: "You're welcome! Ask again whenever you need to.",
    bye: 'Goodbye, and have a good day! Ask again whenever you need help.',
    ack: 'Fine. Type a question, or "help" to see what I can do.',
    command: 'I do not know that command. Type "help" to see what I can do.',
  },
};
