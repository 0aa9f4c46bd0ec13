/** The knowledge base: schemas, loading and validation, queries, and source checks. */
export * from './schemas.js';
export type { KbItem, KnowledgeBase } from './knowledge-base.js';
export { createKnowledgeBase, emptyKnowledgeData } from './knowledge-base.js';
export type { KnowledgeError, KnowledgeFileInput, LoadKnowledgeOptions, LoadResult } from './load-knowledge.js';
export {
  defaultSourcesDir,
  formatKnowledgeError,
  loadKnowledge,
  loadKnowledgeOrThrow,
  parseKnowledgeFiles,
  quoteErrors,
} from './load-knowledge.js';
export { normalizeName } from './normalize-name.js';
export { meetingPeriod } from './meeting-period.js';
export { participantIds, participantsOf } from './meeting-participants.js';
export type { ParsedRule, RecurrenceWindow } from './recurrence.js';
export { KNOWLEDGE_TIME_ZONE, firstRecurrenceDay, parseRRule, recurrenceDays } from './recurrence.js';
export type { Dated } from './validity.js';
export { holdsOn, monthOf, overlaps, shiftDay } from './validity.js';
export type {
  Citation,
  CitationLang,
  DatedItem,
  DateRangeOptions,
  DeputyEntry,
  FigureEntry,
  GroupMember,
  KnowledgeQueries,
  MeetingOccurrence,
  MeetingParticipant,
  ParentChange,
  RoleHolder,
  ReportingChange,
  ReportingEdge,
  ReportingOnOptions,
  UpcomingDatesOptions,
} from './queries.js';
export { createQueries, lastDay } from './queries.js';
export type { ItemKind, ItemReference, ReferenceField, SourceAt } from './references.js';
export { ITEM_KINDS, KIND_LABELS, REFERENCE_FIELDS, formatPath, referencesOf, sourcesIn } from './references.js';
export type { QuoteProblem, SourceTexts } from './source-quotes.js';
export { checkSourceQuotes, createQuoteMatcher, quoteOccurs, readSourceTexts } from './source-quotes.js';
export { KNOWLEDGE_JSON_SCHEMA_PATH, knowledgeFileJsonSchemaText } from './json-schema.js';
export type { Holding } from './holdings.js';
export { holdingsOf, holdingsOn, holdsInUnit, leaveOn, leavesFrom, unitsLedByPerson } from './holdings.js';
