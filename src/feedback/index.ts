/** The feedback domain's public surface: feedback on answers and the knowledge-gap log. */
export { createGapLog } from './gap-log.js';
export type { AnsweredMessage, GapGroup, GapLog, GapLogOptions, NewFeedback } from './gap-log.js';
export { ANSWER_MEMORY_DAYS, AnsweredSchema } from './answered.js';
export type { Answered, AnsweredStore } from './answered.js';
export { FeedbackSchema, GAP_REASONS, GapSchema } from './records.js';
export type { Feedback, Gap, RecordStore, StoredRecord } from './records.js';
export { groupBySimilarity, questionTerms, similarity } from './similarity.js';
export { gapPhrases, parseGapCommand } from './phrases.js';
export type { GapCommand, GapLang, GapPhrases } from './phrases.js';
