/**
 * The engine's warm-up at bot start: questions that run its code paths once before the first user asks.
 *
 * V8 compiles a function on its first call and optimises it only after many, so the first question of each kind costs
 * several times what the same kind costs later (at the seed, a question's p99 is about three times its second asking).
 * The warm-up asks, once, a question per cue of the lexicon's question kinds, attributes, date kinds and metrics, each
 * about an item of the knowledge base: its first cue in each language, with the cue's gap (or its end) filled by the
 * name of one item, taken in turn from each kind of item; then each again with a typo (the correction paths of
 * linking and search). The answers are thrown away; the answerer keeps no state a later answer depends on (its caches
 * are pure functions of their keys), so answers do not change.
 */
import lexiconJson from './lexicon/lexicon.json' with { type: 'json' };
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Answerer } from './types.js';

/** A warm-up question and the locale it is asked in. */
export interface WarmUpQuestion {
  readonly text: string;
  readonly locale: 'da-DK' | 'en-US';
}

/** The kinds of item whose names fill the cues, in turn (each gives its first item). */
const NAMED_KINDS = ['roles', 'units', 'people', 'postings', 'policies', 'meetings', 'programmes', 'leadershipGroups'] as const;

type Cues = { readonly da: readonly string[]; readonly en: readonly string[] };

/** The warm-up questions of a knowledge base (empty when it names nothing). */
export function warmUpQuestions(kb: KnowledgeBase): WarmUpQuestion[] {
  const names: Array<{ da: string; en: string }> = [];
  for (const kind of NAMED_KINDS) {
    const item = (kb.data[kind] as ReadonlyArray<{ name: string; labelEn?: string }>)[0];
    if (item) names.push({ da: item.name, en: item.labelEn ?? item.name });
  }
  if (names.length === 0) return [];
  const cueLists: Cues[] = [
    ...lexiconJson.kinds.map((k) => k.cues),
    ...lexiconJson.attributes.map((a) => a.cues),
    ...lexiconJson.dateKinds.map((d) => d.cues),
    ...lexiconJson.metrics.map((m) => m.cues),
  ];
  const questions: WarmUpQuestion[] = [];
  cueLists.forEach((cues, i) => {
    const name = names[i % names.length]!;
    if (cues.da[0]) questions.push({ text: questionOf(cues.da[0], name.da), locale: 'da-DK' });
    if (cues.en[0]) questions.push({ text: questionOf(cues.en[0], name.en), locale: 'en-US' });
  });
  return [...questions, ...questions.map((q) => ({ ...q, text: withTypo(q.text) }))];
}

/** The text with the second and third letters of its longest word swapped ("pædagogisk" -> "pdæagogisk"). */
function withTypo(text: string): string {
  const words = text.split(' ');
  let longest = 0;
  words.forEach((word, i) => {
    if (word.length > words[longest]!.length) longest = i;
  });
  const word = words[longest]!;
  if (word.length < 4) return text;
  words[longest] = word[0]! + word[2]! + word[1]! + word.slice(3);
  return words.join(' ');
}

/**
 * A cue read as a question about a name: the cue's markers dropped ('^', '$', '=word', 'word*', '*word'), its first gap
 * ('+' or a lone '*') the name, or the name after the cue when it has no gap.
 */
function questionOf(cue: string, name: string): string {
  let filled = false;
  const words = cue.split(/\s+/).flatMap((word) => {
    if (word === '^' || word === '$') return [];
    if (word === '+' || word === '*') {
      if (filled) return [];
      filled = true;
      return [name];
    }
    return [word.replace(/^[=^*]+|[*$]+$/g, '')];
  });
  if (!filled) words.push(name);
  return words.filter((w) => w.length > 0).join(' ');
}

/** Asks every warm-up question once, at once; returns how many were asked. */
export function warmUp(answerer: Answerer, kb: KnowledgeBase): number {
  const questions = warmUpQuestions(kb);
  for (const question of questions) answerer.answer(question.text, question.locale);
  return questions.length;
}

/** What a warm-up did: how many questions it asked and the time they took, ms (summed, not the time between). */
export interface WarmedUp {
  readonly questions: number;
  readonly ms: number;
}

/**
 * Asks the warm-up questions one per turn of the event loop, so that a user's question that comes meanwhile waits for
 * one of them at most; `stop` ends it early (a bot that stops drops the rest), resolving with what was asked.
 * (The turns are ordinary, referenced immediates: an unreferenced one does not keep an idle loop turning, so the
 * warm-up would wait for the next request.)
 */
export function warmUpInTurns(answerer: Answerer, kb: KnowledgeBase, stop?: AbortSignal): Promise<WarmedUp> {
  const questions = warmUpQuestions(kb);
  let asked = 0;
  let ms = 0;
  return new Promise((resolve) => {
    const step = () => {
      const question = questions[asked];
      if (!question || stop?.aborted) {
        resolve({ questions: asked, ms });
        return;
      }
      const started = performance.now();
      answerer.answer(question.text, question.locale);
      ms += performance.now() - started;
      asked++;
      setImmediate(step);
    };
    setImmediate(step);
  });
}
