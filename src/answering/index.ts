/** The answering engine's public surface. */
export { createAnswerer } from './answer.js';
export { detectLanguage } from './language.js';
export { renderAnswerText } from './render.js';
export { suggestQuestions } from './suggestions.js';
export type { Answer, Answerer, AnswererOptions, AnswerSection, AnswerSource, ChatDeadline, DeadlineSource, Lang } from './types.js';
