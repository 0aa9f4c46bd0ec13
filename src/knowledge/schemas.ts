/**
 * The knowledge base's schemas: the glossary of what the source documents talk about.
 *
 * Every knowledge file in `data/` is a {@link KnowledgeFileSchema}: any subset of the kinds below.
 * All files are merged into one {@link KnowledgeBase}; ids are global across files and kinds, so a
 * reference (`reportsTo`, `members[].ref`, `about`, ...) may point to an item in another file.
 *
 * Official Danish names are canonical (`name`); `labelEn` is the English label shown beside them
 * ("the head of day care (dagtilbudschef)"). Every item and every statement carries its source.
 */
import { z } from 'zod/v4';

/** A kebab-case id, unique across the whole knowledge base. */
export const IdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case id (a-z, 0-9 and "-")');

/** A calendar date, `YYYY-MM-DD`, checked to exist. */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, 'is not a real calendar date');

/** Where a fact comes from: the source document's id and a short quote from it. */
export const SourceSchema = z.object({
  doc: z.string().min(1).describe('Id of the source document (see `documents`), e.g. "001_c5e9e4f90868a0cb.txt"'),
  quote: z.string().min(3).max(600).describe('A short, verbatim quote from the document that supports the fact'),
});
export type Source = z.infer<typeof SourceSchema>;

/** A text in both languages: Danish as written in the source, English as a faithful translation. */
export const TextSchema = z.object({
  da: z.string().min(1),
  en: z.string().min(1),
});
export type Text = z.infer<typeof TextSchema>;

/** One sourced statement: a responsibility, a competence, a requirement, a recommendation, ... */
export const StatementSchema = TextSchema.extend({
  source: SourceSchema,
});
export type Statement = z.infer<typeof StatementSchema>;

/** A figure stated in a document: "49 dagtilbud", "ca. 750 børn". */
export const FigureSchema = z.object({
  metric: z
    .enum([
      'facilities',
      'clusters',
      'districts',
      'houses',
      'employees',
      'children',
      'consultants',
      'leaders',
      'members',
      'citizens',
      'other',
    ])
    .describe('What is counted'),
  value: z.number(),
  approximate: z.boolean().default(false).describe('True where the source says "ca.", "godt", "omkring"'),
  text: TextSchema.describe('The figure as a sentence, e.g. {da: "49 dagtilbud organiseret i 11 klynger", en: "49 day-care facilities organised in 11 clusters"}'),
  source: SourceSchema,
});
export type Figure = z.infer<typeof FigureSchema>;

/** Fields shared by every named thing: canonical Danish name, the forms people write, English label. */
const NamedSchema = z.object({
  id: IdSchema,
  name: z.string().min(1).describe('The official Danish name, as the source writes it'),
  names: z
    .array(z.string().min(1))
    .default([])
    .describe('Other Danish forms and synonyms people write: definite, plural, genitive, abbreviations'),
  labelEn: z.string().min(1).describe('English label, e.g. "head of day care"'),
  namesEn: z.array(z.string().min(1)).default([]).describe('Other English forms and synonyms'),
  municipality: IdSchema.optional().describe('Id of the municipality it belongs to'),
  description: TextSchema.optional(),
  source: SourceSchema,
});

/** A source document the knowledge comes from. */
export const DocumentSchema = z.object({
  id: z.string().min(1).describe('The seed file name, e.g. "001_c5e9e4f90868a0cb.txt"'),
  title: z.string().min(1).describe('The document title in Danish'),
  titleEn: z.string().min(1),
  municipality: IdSchema,
  kind: z.enum(['job-posting', 'job-profile', 'leadership-profile', 'status-report', 'other']),
  date: IsoDateSchema.optional().describe('When the document was written or published, where stated'),
  url: z.string().url().optional(),
});
export type Document = z.infer<typeof DocumentSchema>;

/** A municipality (kommune). */
export const MunicipalitySchema = NamedSchema.omit({ municipality: true }).extend({
  figures: z.array(FigureSchema).default([]),
});
export type Municipality = z.infer<typeof MunicipalitySchema>;

export const UnitTypeSchema = z.enum([
  'administration',
  'centre',
  'area',
  'department',
  'district',
  'cluster',
  'house',
  'institution',
  'team',
  'staff-unit',
  'other',
]);

/** An organisational unit: centre, area, district, cluster, house, team, staff unit. */
export const UnitSchema = NamedSchema.extend({
  type: UnitTypeSchema,
  parent: IdSchema.optional().describe('Id of the unit this one is part of'),
  ledBy: z.array(IdSchema).default([]).describe('Ids of the roles that lead this unit'),
  figures: z.array(FigureSchema).default([]),
  facts: z.array(StatementSchema).default([]).describe('Other sourced facts about the unit'),
});
export type Unit = z.infer<typeof UnitSchema>;

/** A role (a post): its official title, where it sits, what it does and what it requires. */
export const RoleSchema = NamedSchema.extend({
  unit: IdSchema.optional().describe('Id of the unit the role leads or sits in'),
  reportsTo: z.array(IdSchema).default([]).describe('Ids of the roles, units or leadership groups this role reports to'),
  responsibilities: z.array(StatementSchema).default([]),
  competences: z.array(StatementSchema).default([]).describe('Personal, professional and leadership competences expected'),
  education: z.array(StatementSchema).default([]).describe('Required or expected education and experience'),
  conditions: z.array(StatementSchema).default([]).describe('Conditions of the post: hours, pay, place'),
  teamSize: FigureSchema.optional().describe('Size of the team the role leads'),
});
export type Role = z.infer<typeof RoleSchema>;

/** A reporting line: `from` (a role or unit) reports to `to` (a role or unit). */
export const ReportingLineSchema = z.object({
  id: IdSchema,
  from: IdSchema,
  to: IdSchema,
  text: TextSchema,
  source: SourceSchema,
});
export type ReportingLine = z.infer<typeof ReportingLineSchema>;

/** A leadership group: the centre's strategic leadership, a cluster leadership team, a dual leadership. */
export const LeadershipGroupSchema = NamedSchema.extend({
  members: z
    .array(z.object({ ref: IdSchema, note: TextSchema.optional() }))
    .min(1)
    .describe('Roles or units that sit in the group'),
  responsibilities: z.array(StatementSchema).default([]),
});
export type LeadershipGroup = z.infer<typeof LeadershipGroupSchema>;

/** A named person and how to reach them. */
export const PersonSchema = z.object({
  id: IdSchema,
  name: z.string().min(1),
  title: TextSchema.describe('The title as the source gives it, e.g. {da: "konstitueret centerchef", en: "acting head of centre"}'),
  role: IdSchema.optional().describe('Id of the role the person holds'),
  municipality: IdSchema.optional(),
  phone: z.string().regex(/^\+?[0-9 ]{8,16}$/, 'must be a phone number of digits and spaces').optional(),
  email: z.string().email().optional(),
  contactFor: z.array(IdSchema).default([]).describe('Ids of the things to contact them about (e.g. a posting)'),
  source: SourceSchema,
});
export type Person = z.infer<typeof PersonSchema>;

/** A job posting or job profile: the post being filled and its terms. */
export const PostingSchema = NamedSchema.extend({
  role: IdSchema.describe('Id of the role being filled'),
  unit: IdSchema.optional(),
  requirements: z.array(StatementSchema).default([]).describe('What the applicant must have or do (incl. checks before hiring)'),
  offers: z.array(StatementSchema).default([]).describe('What the workplace offers'),
  conditions: z.array(StatementSchema).default([]).describe('Hours, pay, start, application procedure'),
  contacts: z.array(IdSchema).default([]).describe('Ids of the people to contact'),
});
export type Posting = z.infer<typeof PostingSchema>;

export const DateKindSchema = z.enum([
  'application-deadline',
  'interview',
  'start',
  'evaluation',
  'status',
  'established',
  'event',
  'other',
]);

/** A dated event tied to what it belongs to. */
export const DateEntrySchema = z.object({
  id: IdSchema,
  date: IsoDateSchema,
  end: IsoDateSchema.optional().describe('Last day, for a period'),
  precision: z.enum(['day', 'month', 'year']).default('day').describe('"year" for "i 2016": date is then YYYY-01-01'),
  kind: DateKindSchema,
  round: z.number().int().positive().optional().describe('Interview round (1, 2, ...)'),
  about: IdSchema.describe('Id of the posting, unit, policy, ... the date belongs to'),
  label: TextSchema.describe('What happens, e.g. {da: "Ansøgningsfrist", en: "Application deadline"}'),
  source: SourceSchema,
});
export type DateEntry = z.infer<typeof DateEntrySchema>;

/** A recurring meeting or forum. */
export const MeetingSchema = NamedSchema.extend({
  frequency: TextSchema.optional().describe('How often, e.g. {da: "ugentlig", en: "weekly"}'),
  participants: z.array(IdSchema).default([]).describe('Ids of the roles or units that take part'),
  unit: IdSchema.optional().describe('Where it is held'),
  purpose: TextSchema.optional(),
});
export type Meeting = z.infer<typeof MeetingSchema>;

/** A policy, strategy, law, agreement or framework. */
export const PolicySchema = NamedSchema.extend({
  type: z.enum(['policy', 'strategy', 'law', 'agreement', 'framework', 'plan', 'profile', 'other']),
  owner: IdSchema.optional().describe('Id of the municipality or unit that owns it'),
  period: z.string().optional().describe('E.g. "2025-2028"'),
  relevantFor: z.array(IdSchema).default([]).describe('Ids of roles or units that must know or apply it'),
  requires: z.array(StatementSchema).default([]).describe('What it covers, requires or builds on'),
  url: z.string().url().optional(),
});
export type Policy = z.infer<typeof PolicySchema>;

/** A programme, method or tool (KIDS, NEST, ICDP, COS, ...). */
export const ProgrammeSchema = NamedSchema.extend({
  type: z.enum(['tool', 'programme', 'method', 'course', 'other']),
  usedBy: z.array(IdSchema).default([]).describe('Ids of units or roles that use it'),
  facts: z.array(StatementSchema).default([]),
});
export type Programme = z.infer<typeof ProgrammeSchema>;

/** A named concept inside a framework: a capability, a leadership dimension, a key principle, a goal. */
export const ConceptSchema = NamedSchema.extend({
  partOf: IdSchema.optional().describe('Id of the policy, concept or document section it belongs to'),
  details: z.array(StatementSchema).default([]),
});
export type Concept = z.infer<typeof ConceptSchema>;

/** Any other sourced fact: a finding, recommendation, conclusion, background. */
export const FactSchema = z.object({
  id: IdSchema,
  about: z.array(IdSchema).min(1).describe('Ids of the things the fact is about'),
  topic: z
    .enum(['finding', 'recommendation', 'background', 'goal', 'collaboration', 'other'])
    .default('other'),
  text: TextSchema,
  source: SourceSchema,
});
export type Fact = z.infer<typeof FactSchema>;

/** One knowledge file: any subset of the kinds. */
export const KnowledgeFileSchema = z
  .object({
    $schema: z.string().optional(),
    documents: z.array(DocumentSchema).optional(),
    municipalities: z.array(MunicipalitySchema).optional(),
    units: z.array(UnitSchema).optional(),
    roles: z.array(RoleSchema).optional(),
    reportingLines: z.array(ReportingLineSchema).optional(),
    leadershipGroups: z.array(LeadershipGroupSchema).optional(),
    people: z.array(PersonSchema).optional(),
    postings: z.array(PostingSchema).optional(),
    dates: z.array(DateEntrySchema).optional(),
    meetings: z.array(MeetingSchema).optional(),
    policies: z.array(PolicySchema).optional(),
    programmes: z.array(ProgrammeSchema).optional(),
    concepts: z.array(ConceptSchema).optional(),
    facts: z.array(FactSchema).optional(),
  })
  .strict();
export type KnowledgeFile = z.infer<typeof KnowledgeFileSchema>;

/** The kinds of item a knowledge file can hold, in load order. */
export const KNOWLEDGE_KINDS = [
  'documents',
  'municipalities',
  'units',
  'roles',
  'reportingLines',
  'leadershipGroups',
  'people',
  'postings',
  'dates',
  'meetings',
  'policies',
  'programmes',
  'concepts',
  'facts',
] as const;
export type KnowledgeKind = (typeof KNOWLEDGE_KINDS)[number];

/** All knowledge files merged: every kind present (possibly empty). */
export type KnowledgeData = { [K in KnowledgeKind]: NonNullable<KnowledgeFile[K]> };
