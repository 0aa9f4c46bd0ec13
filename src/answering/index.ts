/** The answering engine's public surface. */
export { createAnswerer } from './answer.js';
export { detectLanguage } from './language.js';
export { renderAnswerText } from './render.js';
export { suggestQuestions } from './suggestions.js';
export { warmUp, warmUpInTurns, warmUpQuestions, type WarmedUp, type WarmUpQuestion } from './warm-up.js';
export { readLexiconExtensions } from './lexicon/read-extensions.js';
export type { LexiconExtension } from './lexicon/lexicon.js';
export type { Answer, Answerer, AnswererOptions, AnswerSection, AnswerSource, ChatDeadline, DeadlineSource, Lang } from './types.js';
