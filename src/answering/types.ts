/**
 * What the answering engine returns: plain data, rendered to text or cards by the adapter layer.
 */

import type { LexiconExtension } from './lexicon/lexicon.js';

/** The languages the bot speaks. */
export type Lang = 'da' | 'en';

/** A source document cited by an answer. */
export interface AnswerSource {
  /** The document id (seed file name). */
  readonly doc: string;
  /** The document's title in the answer's language. */
  readonly title: string;
  /** A short verbatim quote supporting the answer, when there is one (shown with the details). */
  readonly quote?: string;
}

/** A block of an answer: one per thing answered about (several when the question is ambiguous). */
export interface AnswerSection {
  /** What this block is about, e.g. "Pædagogisk leder, Stjernehuset (Ballerup)"; empty when obvious. */
  readonly title: string;
  /** Lines already phrased in the answer's language. */
  readonly lines: readonly string[];
}

/** The engine's reply to one question. */
export interface Answer {
  /**
   * `answer`: a direct answer; `ambiguous`: several candidates answered briefly; `unknown`: not in
   * the knowledge base (or only partly: the headline says what is missing); `smalltalk`: not a
   * question (a greeting, thanks, a command-like word): a short friendly reply and a hint, no facts.
   */
  readonly kind: 'answer' | 'ambiguous' | 'unknown' | 'smalltalk';
  readonly lang: Lang;
  /** The direct answer (or, for `unknown`, the honest "I don't know"), one or two sentences. */
  readonly headline: string;
  /** Supporting facts, grouped: at most five lines in all, shown at once. */
  readonly sections: readonly AnswerSection[];
  /**
   * Everything else worth knowing (further lines, the quoted wording of the sources): shown behind
   * "Vis mere" / "Show more". The engine always sets it (empty when there is nothing more); optional
   * only so that Answer values built elsewhere (card tests) stay valid.
   */
  readonly details?: readonly string[];
  /** The documents the answer comes from. Empty only for `unknown`. */
  readonly sources: readonly AnswerSource[];
  /** Example questions the bot can answer (given with `unknown`, may be empty otherwise). */
  readonly suggestions: readonly string[];
}

/** A deadline added in chat (not in the knowledge base). */
export interface ChatDeadline {
  readonly id: string;
  readonly title: string;
  /** `YYYY-MM-DD`. */
  readonly date: string;
}

/** Where chat-added deadlines come from. */
export interface DeadlineSource {
  list(): readonly ChatDeadline[];
}

/** Options of {@link createAnswerer}. */
export interface AnswererOptions {
  readonly now: () => Date;
  readonly deadlines?: DeadlineSource;
  /** Extra cue phrases for the question kinds (a knowledge base's own phrasings, see readLexiconExtensions). */
  readonly lexicon?: readonly LexiconExtension[];
}

/** Answers questions over one knowledge base. */
export interface Answerer {
  answer(question: string, localeHint?: string): Answer;
}
