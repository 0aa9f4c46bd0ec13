/**
 * The questions the benchmark asks: a fixed Danish/English mix for the HTTP runs, and many varied questions
 * generated from a knowledge base for the engine (each asked once, so no cache answers twice).
 */
import type { KnowledgeBase } from '../src/knowledge/knowledge-base.js';
import { pick, shuffled } from './random.js';

/** A question and the locale Teams would send with it. */
export interface BenchQuestion {
  readonly text: string;
  readonly locale: 'da-DK' | 'en-US';
}

/** The fixed mix for the HTTP runs: half Danish, half English, every kind of answer (and one the bot cannot answer). */
export const FLOOR_QUESTIONS: readonly BenchQuestion[] = [
  { text: 'Hvem refererer klyngelederne til?', locale: 'da-DK' },
  { text: 'Who do the cluster leaders report to in Høje-Taastrup?', locale: 'en-US' },
  { text: 'hvem refererer paedagogisk leder i stjernehuset til', locale: 'da-DK' },
  { text: 'Who manages the pedagogical leaders in a Ballerup district?', locale: 'en-US' },
  { text: 'Hvor mange børn går i Distrikt Baltorp?', locale: 'da-DK' },
  { text: 'How many day-care facilities does Høje-Taastrup have?', locale: 'en-US' },
  { text: 'Hvad er ansøgningsfristen for stabslederstillingen?', locale: 'da-DK' },
  { text: 'When is the first interview round for the Stjernehuset job?', locale: 'en-US' },
  { text: 'Hvem skal jeg ringe til om stillingen i Stjernehuset?', locale: 'da-DK' },
  { text: 'Who is the contact person for the staff leader position?', locale: 'en-US' },
  { text: 'Hvad er dagtilbudschefens ansvar for økonomien?', locale: 'da-DK' },
  { text: 'Which law frames the leadership of day care in Copenhagen?', locale: 'en-US' },
  { text: 'Hvilke seks begreber bygger MED-aftalen på?', locale: 'da-DK' },
  { text: 'Which strategies should the head of day care in Høje-Taastrup know?', locale: 'en-US' },
  { text: 'Hvad er GRUS?', locale: 'da-DK' },
  { text: 'Who is the CEO of LEGO?', locale: 'en-US' },
];

type Named = { readonly id: string; readonly name: string; readonly labelEn: string; readonly municipality?: string };

function placeOf(kb: KnowledgeBase, item: Named): { da: string; en: string } {
  const municipality = item.municipality ? kb.get(item.municipality) : undefined;
  if (municipality?.kind !== 'municipalities') return { da: '', en: '' };
  return { da: ` i ${municipality.item.name}`, en: ` in ${municipality.item.labelEn}` };
}

/** Swaps two neighbouring letters of the longest word: the typo path of the search. */
function withTypo(text: string, random: () => number): string {
  const words = text.split(' ');
  let longest = 0;
  words.forEach((word, i) => {
    if (word.length > (words[longest] as string).length) longest = i;
  });
  const word = words[longest] as string;
  if (word.length < 6) return text;
  const at = 1 + Math.floor(random() * (word.length - 3));
  words[longest] = word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  return words.join(' ');
}

/**
 * Varied questions about what a knowledge base holds, in Danish and English, in a random order: reporting lines,
 * leaders, deadlines, contacts, policies and programmes, how often meetings are held, with a typo in every fifth
 * and some the bot cannot answer. Every question is distinct.
 */
export function generateQuestions(kb: KnowledgeBase, count: number, random: () => number): BenchQuestion[] {
  const candidates: BenchQuestion[] = [];
  const da = (text: string) => candidates.push({ text, locale: 'da-DK' });
  const en = (text: string) => candidates.push({ text, locale: 'en-US' });
  for (const role of kb.data.roles) {
    const where = placeOf(kb, role);
    da(`Hvem refererer ${role.name}${where.da} til?`);
    en(`Who does the ${role.labelEn}${where.en} report to?`);
  }
  for (const unit of kb.data.units) {
    const where = placeOf(kb, unit);
    da(`Hvem leder ${unit.name}${where.da}?`);
    en(`Who leads ${unit.labelEn}${where.en}?`);
  }
  for (const posting of kb.data.postings) {
    da(`Hvornår er ansøgningsfristen for ${posting.name}?`);
    en(`When is the application deadline for ${posting.labelEn}?`);
  }
  for (const person of kb.data.people) {
    da(`Hvad er telefonnummeret til ${person.name}?`);
    en(`What is the phone number of ${person.name}?`);
  }
  for (const item of [...kb.data.policies, ...kb.data.programmes]) {
    const where = placeOf(kb, item);
    da(`Hvad er ${item.name}${where.da}?`);
    en(`What is ${item.labelEn}${where.en}?`);
  }
  for (const meeting of kb.data.meetings) {
    da(`Hvor ofte holdes ${meeting.name}?`);
    en(`How often is the ${meeting.labelEn} held?`);
  }
  const unknown = ['Hvad koster en kop kaffe i kantinen på Mars?', 'Who is the CEO of LEGO?', 'Hvad er hovedstaden i Mongoliet?', 'What is the price of coffee on Mars?'];
  const picked = shuffled(random, candidates).slice(0, count);
  const seen = new Set<string>();
  const out: BenchQuestion[] = [];
  picked.forEach((question, i) => {
    let text = i % 5 === 4 ? withTypo(question.text, random) : question.text;
    if (i % 25 === 24) text = `${pick(random, unknown)} (${i})`;
    if (seen.has(text)) return;
    seen.add(text);
    out.push({ text, locale: question.locale });
  });
  return out;
}
