/** The answering engine's public surface. */
export { createAnswerer, suggestQuestions } from './answer.js';
export type { Answerer, AnswererOptions, ChatDeadline, DeadlineSource } from './answer.js';
export { detectLanguage } from './language.js';
export { renderAnswerText } from './render.js';
export type { Answer, AnswerSection, AnswerSource, Lang } from './types.js';
