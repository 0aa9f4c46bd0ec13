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

/** A time of day, `HH:MM` (24-hour clock, Europe/Copenhagen). */
export const TimeOfDaySchema = z
  .string()
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'must be a time written HH:MM (24-hour clock)');

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

/**
 * When a relation or item holds: from its first day to its last day (both inclusive, either open), and
 * only under a condition where one is stated ("while the leader is absent for more than five working
 * days"). Without these fields it always holds.
 */
export const ValiditySchema = z.object({
  validFrom: IsoDateSchema.optional().describe('First day on which it holds, e.g. the day a reorganisation takes effect'),
  validUntil: IsoDateSchema.optional().describe('Last day on which it holds (inclusive)'),
  condition: TextSchema.optional().describe('Only while this holds, e.g. {da: "når institutionslederen er fraværende i mere end fem arbejdsdage", en: "while ..."}'),
});
export type Validity = z.infer<typeof ValiditySchema>;
const validity = ValiditySchema.shape;

/**
 * WHERE something holds, as opposed to when (validity, condition): only for some units ("i institutioner med
 * mere end 60 børn", "for de selvejende institutioner"). Name the units by id where the source names them, and
 * say it in words where it describes them. Without it, it holds everywhere.
 */
export const AppliesToSchema = z.object({
  units: z.array(IdSchema).default([]).describe('Ids of the units (or municipalities) where it applies'),
  text: TextSchema.optional().describe('Where it applies, in words, e.g. {da: "i institutioner med mere end 60 børn", en: "in institutions with more than 60 children"}'),
});
export type AppliesTo = z.infer<typeof AppliesToSchema>;
const appliesTo = AppliesToSchema.optional().describe('Only where this says (some units), as opposed to when (validFrom, validUntil, condition)');

/**
 * One sourced statement: a responsibility, a competence, a requirement, a recommendation, ... It may hold only
 * for a period or under a condition ("from 1 August 2027 the house also has a nursery"); without those, always.
 */
export const StatementSchema = TextSchema.extend({
  source: SourceSchema,
  validFrom: validity.validFrom,
  validUntil: validity.validUntil,
  condition: validity.condition,
});

/**
 * A participant or member the documents describe instead of naming an item ("de valgte
 * medarbejderrepræsentanter", "the unit head of their own unit"), with its own source where it has one.
 */
export const DescribedParticipantSchema = z.object({
  text: TextSchema.describe('Who, as the source describes them, e.g. {da: "de valgte medarbejderrepræsentanter", en: "the elected staff representatives"}'),
  note: TextSchema.optional().describe('E.g. {da: "efter behov", en: "as needed"}'),
  asNeeded: z.boolean().default(false).describe('True when they take part only as needed ("efter behov")'),
  appliesTo,
  ...validity,
  source: SourceSchema.optional().describe("Where the source says it; default: the meeting's or group's own source"),
});
export type DescribedParticipant = z.infer<typeof DescribedParticipantSchema>;
export type Statement = z.infer<typeof StatementSchema>;

/** The period a figure is stated for: its first and last day (both inclusive). */
export const FigurePeriodSchema = z.object({
  from: IsoDateSchema.describe('First day of the period, e.g. "2026-10-01" for October 2026'),
  until: IsoDateSchema.describe('Last day of the period (inclusive), e.g. "2026-10-31"'),
  text: TextSchema.optional().describe('The period as the source says it, e.g. {da: "oktober 2026", en: "October 2026"}'),
});
export type FigurePeriod = z.infer<typeof FigurePeriodSchema>;

/** A figure stated in a document: "49 dagtilbud", "ca. 750 børn", "62 mio. kr.", "5,8 % i oktober 2026". */
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
      'deputies',
      'institutions',
      'amount',
      'absence',
      'other',
    ])
    .describe('What is counted: "amount" for money (a budget, a grant), "absence" for a sickness-absence rate'),
  value: z.number(),
  approximate: z.boolean().default(false).describe('True where the source says "ca.", "godt", "omkring"'),
  text: TextSchema.describe('The figure as a sentence, e.g. {da: "49 dagtilbud organiseret i 11 klynger", en: "49 day-care facilities organised in 11 clusters"}'),
  asOf: IsoDateSchema.optional().describe('The day the figure is stated for ("pr. 1. januar 2027"), where the source gives one'),
  unitOfMeasure: TextSchema.optional().describe('What the value is measured in, where it is not a count: {da: "mio. kr.", en: "DKK million"}, {da: "kr.", en: "DKK"}, {da: "%", en: "%"}'),
  period: FigurePeriodSchema.optional().describe('The period the figure is for ("sygefraværet i oktober 2026", "budget 2027"), as opposed to asOf (one day)'),
  ofUnits: z
    .array(IdSchema)
    .min(2)
    .optional()
    .describe('The units the figure is about together ("Bakken og Skoven har tilsammen 598 børn"): state it once, on their common parent (or on one of them), and list them all here'),
  validFrom: validity.validFrom,
  validUntil: validity.validUntil,
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

/** The period a document says it covers ("Årshjul 2027"): first and last day, and the words that say it. */
export const DocumentPeriodSchema = z.object({
  validFrom: IsoDateSchema.describe('First day the document covers, e.g. "2027-01-01"'),
  validUntil: IsoDateSchema.describe('Last day the document covers (inclusive), e.g. "2027-12-31"'),
  quote: z.string().min(1).describe('The words of the document that give the period, e.g. its title "Årshjul for Dagtilbudsafsnittet 2027"'),
});
export type DocumentPeriod = z.infer<typeof DocumentPeriodSchema>;

/** A source document the knowledge comes from. */
export const DocumentSchema = z.object({
  id: z.string().min(1).describe('The seed file name, e.g. "001_c5e9e4f90868a0cb.txt"'),
  title: z.string().min(1).describe('The document title in Danish'),
  titleEn: z.string().min(1),
  municipality: IdSchema,
  kind: z.enum([
    'job-posting',
    'job-profile',
    'leadership-profile',
    'status-report',
    'minutes',
    'calendar',
    'function-description',
    'other',
  ]).describe('"minutes" for a decision protocol (beslutningsprotokol), "calendar" for an annual calendar (årshjul), "function-description" for a funktionsbeskrivelse'),
  date: IsoDateSchema.optional().describe('When the document was written or published, where stated'),
  covers: DocumentPeriodSchema.optional().describe(
    'The period the document covers, where it says one (an annual calendar for 2027): recurring meetings sourced from it are held only inside it',
  ),
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
  'committee',
  'other',
]);

/** An organisational unit: centre, area, district, cluster, house, team, staff unit. */
export const UnitSchema = NamedSchema.extend({
  type: UnitTypeSchema,
  parent: IdSchema.optional().describe('Id of the unit this one is part of'),
  parents: z
    .array(
      z.object({
        ref: IdSchema.describe('Id of the unit (or municipality) this one is part of in the period'),
        ...validity,
        source: SourceSchema.optional().describe('Where the source says it (a decision that moves the unit)'),
      }),
    )
    .optional()
    .describe('The parent over time (a reorganisation moves the unit under another from a date): on a day one of these covers it replaces `parent`'),
  ledBy: z.array(IdSchema).default([]).describe('Ids of the roles that lead this unit'),
  figures: z.array(FigureSchema).default([]),
  facts: z.array(StatementSchema).default([]).describe('Other sourced facts about the unit'),
  validFrom: validity.validFrom.describe('First day the unit exists (e.g. a district created by a decision)'),
  validUntil: validity.validUntil.describe('Last day the unit exists'),
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
  validFrom: validity.validFrom.describe('First day the post exists'),
  validUntil: validity.validUntil.describe('Last day the post exists'),
});
export type Role = z.infer<typeof RoleSchema>;

/**
 * A reporting line: `from` (a role or unit) reports to `to` (a role or unit), from `validFrom` to
 * `validUntil` and, with a `condition`, only while it holds (a deputy's line while the leader is away).
 */
export const ReportingLineSchema = z.object({
  id: IdSchema,
  from: IdSchema,
  to: IdSchema,
  toUnit: IdSchema.optional().describe(
    'Where `to` is a role held once per unit (one fællesskabsleder per børnefællesskab): the unit whose holder the line goes to ("til fællesskabslederen for Børnefællesskab Nord": "to": the role, "toUnit": Nord). With `appliesTo.units` naming the units whose holders of `from` it concerns, one unit\'s holders can report to another unit\'s holder from a date',
  ),
  text: TextSchema,
  ...validity,
  appliesTo,
  source: SourceSchema,
});
export type ReportingLine = z.infer<typeof ReportingLineSchema>;

/** A leadership group: the centre's strategic leadership, a cluster leadership team, a dual leadership. */
export const LeadershipGroupSchema = NamedSchema.extend({
  members: z
    .array(z.object({ ref: IdSchema, note: TextSchema.optional(), ...validity, appliesTo }))
    .min(1)
    .describe('Roles or units that sit in the group, or another group that sits in it as a whole'),
  otherMembers: z
    .array(DescribedParticipantSchema)
    .optional()
    .describe('Members the documents describe instead of naming an item ("de valgte medarbejderrepræsentanter")'),
  responsibilities: z.array(StatementSchema).default([]),
});
export type LeadershipGroup = z.infer<typeof LeadershipGroupSchema>;

/** A post a person holds for a period: a role, in a unit where the role is shared by several. */
export const PostSchema = z.object({
  role: IdSchema.describe('Id of the role'),
  unit: IdSchema.optional().describe('Id of the unit the person leads or sits in through the role'),
  ...validity,
  source: SourceSchema.optional().describe("Where the source says it; default: the person's own source"),
});
export type Post = z.infer<typeof PostSchema>;

/** A period of leave or absence (orlov, fravær) that does not end the person's holding of the role. */
export const LeaveSchema = z.object({
  kind: z.enum(['leave', 'absence']).default('leave').describe('"leave" for orlov, "absence" for other absence (sygdom, fravær)'),
  validFrom: IsoDateSchema.describe('First day of the leave'),
  validUntil: IsoDateSchema.optional().describe('Last day of the leave (inclusive), where the source gives one'),
  actingHolder: IdSchema.optional().describe('Id of the person who acts in the role meanwhile (give them actingAs for the same period)'),
  text: TextSchema.optional().describe('The leave as the source says it, e.g. {da: "orlov fra 1. marts til og med 31. august 2027", en: "leave from 1 March to 31 August 2027"}'),
  source: SourceSchema.optional().describe("Where the source says it; default: the person's own source"),
});
export type Leave = z.infer<typeof LeaveSchema>;

/** A named person and how to reach them. */
export const PersonSchema = z.object({
  id: IdSchema,
  name: z.string().min(1),
  title: TextSchema.describe('The title as the source gives it, e.g. {da: "konstitueret centerchef", en: "acting head of centre"}'),
  role: IdSchema.optional().describe('Id of the role the person holds'),
  unit: IdSchema.optional().describe('Id of the unit the person leads or sits in through `role`, where one role is shared by several units (one "områdeleder" role leading Område Nord and Syd: Mette leads Nord)'),
  municipality: IdSchema.optional(),
  phone: z.string().regex(/^\+?[0-9 ]{8,16}$/, 'must be a phone number of digits and spaces').optional(),
  email: z.string().email().optional(),
  contactFor: z
    .array(z.string().min(1))
    .default([])
    .describe('Ids of the things to contact them about: any item (a posting, a meeting) or a document (the annual calendar)'),
  validFrom: validity.validFrom.describe('First day the person holds the role'),
  validUntil: validity.validUntil.describe('Last day the person holds the role'),
  actingAs: z
    .array(
      z.object({
        role: IdSchema.describe('Id of the role the person holds as acting (konstitueret)'),
        ...validity,
        source: SourceSchema.optional().describe("Where the source says it; default: the person's own source"),
      }),
    )
    .optional()
    .describe('Roles the person holds as acting (konstitueret), from validFrom until validUntil: inside the person\'s own validity'),
  posts: z
    .array(PostSchema)
    .optional()
    .describe('Posts the person holds or held over time besides `role` (one person in several posts): each with its unit and period'),
  leaves: z
    .array(LeaveSchema)
    .optional()
    .describe('Periods of leave or absence (orlov, fravær): the person keeps the role, someone may act in it meanwhile'),
  source: SourceSchema,
});
export type Person = z.infer<typeof PersonSchema>;

/** A hiring committee (ansættelsesudvalg): the roles, units or people named by id, and those described in words. */
export const HiringCommitteeSchema = z.object({
  members: z
    .array(z.object({ ref: IdSchema.describe('Id of the role, unit, group or person'), note: TextSchema.optional().describe('E.g. {da: "fra teamets børnecentre", en: "from the team\'s centres"}'), count: z.number().int().positive().optional().describe('How many of them, where more than one ("to enhedsledere": 2)') }))
    .default([]),
  otherMembers: z
    .array(DescribedParticipantSchema)
    .optional()
    .describe('Members the posting describes instead of naming an item ("en medarbejderrepræsentant fra DT-MED")'),
  source: SourceSchema.describe('Where the posting names the committee'),
});
export type HiringCommittee = z.infer<typeof HiringCommitteeSchema>;

/** A job posting or job profile: the post being filled and its terms. */
export const PostingSchema = NamedSchema.extend({
  role: IdSchema.describe('Id of the role being filled'),
  unit: IdSchema.optional(),
  requirements: z.array(StatementSchema).default([]).describe('What the applicant must have or do (incl. checks before hiring)'),
  offers: z.array(StatementSchema).default([]).describe('What the workplace offers'),
  conditions: z.array(StatementSchema).default([]).describe('Hours, pay, start, application procedure'),
  contacts: z.array(IdSchema).default([]).describe('Ids of the people to contact'),
  hiringCommittee: HiringCommitteeSchema.optional().describe('The hiring committee (ansættelsesudvalg), where the posting names one'),
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
  'deadline',
  'budget-deadline',
  'reporting-deadline',
  'registration-deadline',
  'period',
  'seminar',
  'other',
]);

/** The date kinds that are deadlines: something is due on the day. */
export const DEADLINE_KINDS: readonly DateKind[] = [
  'application-deadline',
  'deadline',
  'budget-deadline',
  'reporting-deadline',
  'registration-deadline',
];
export type DateKind = z.infer<typeof DateKindSchema>;

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
  subject: TextSchema.optional().describe('For a deadline: what is due, e.g. {da: "budgetønsker for 2028", en: "budget requests for 2028"}'),
  time: TimeOfDaySchema.optional().describe('Time of day, where the source gives one'),
  endTime: TimeOfDaySchema.optional().describe('When it ends ("kl. 9.00-15.30" -> time "09:00", endTime "15:30"); on the last day for a period'),
  place: z.string().min(1).optional().describe('Where it takes place'),
  source: SourceSchema,
});
export type DateEntry = z.infer<typeof DateEntrySchema>;

/**
 * One day of a recurring meeting that differs from the rest (RFC 5545 calls such a day an overridden instance):
 * another time or place, or a note ("flyttet fra 10. marts", "budgetseminar, hele dagen").
 */
export const OccurrenceSchema = z.object({
  date: IsoDateSchema.describe('The day, one the meeting is held on (by its rule or its dates)'),
  time: TimeOfDaySchema.optional().describe("Start time that day, when it is not the meeting's usual one"),
  endTime: TimeOfDaySchema.optional().describe("End time that day, when it is not the meeting's usual one"),
  place: z.string().min(1).optional().describe("Where it is held that day, when not at the meeting's usual place"),
  note: TextSchema.optional().describe('E.g. {da: "flyttet fra 10. marts pga. vinterferie", en: "moved from 10 March because of the winter holiday"}'),
  source: SourceSchema.optional().describe("Where the source says it; default: the meeting's own source"),
});
export type Occurrence = z.infer<typeof OccurrenceSchema>;

/**
 * When a meeting recurs, following RFC 5545: an RRULE (`FREQ=MONTHLY;BYDAY=1TU`) from a first day
 * (DTSTART), plus single extra dates (RDATE), at a time of day in Europe/Copenhagen.
 */
export const RecurrenceSchema = z.object({
  rrule: z
    .string()
    .min(1)
    .optional()
    .describe('An RFC 5545 RRULE value without DTSTART, e.g. "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU" or "FREQ=MONTHLY;BYDAY=1TH;BYMONTH=1,2,3"'),
  start: IsoDateSchema.optional().describe("The first day the rule counts from (DTSTART); default: the meeting's validFrom"),
  dates: z.array(IsoDateSchema).default([]).describe('Single dates besides the rule (RDATE), e.g. the dates an annual calendar lists'),
  exceptDates: z.array(IsoDateSchema).default([]).describe('Dates the rule yields on which there is no meeting (EXDATE)'),
  time: TimeOfDaySchema.optional().describe('Start time, e.g. "09:00"'),
  endTime: TimeOfDaySchema.optional().describe('End time, e.g. "11:30"'),
  occurrences: z
    .array(OccurrenceSchema)
    .optional()
    .describe('One day\'s own details: a meeting moved to that day (its old day in exceptDates, the new one in dates), held at another time or place, or with a note'),
});
export type Recurrence = z.infer<typeof RecurrenceSchema>;

/** Someone who takes part in a meeting: a role, unit, group or person, with a note ("efter behov"). */
export const ParticipantSchema = z.object({
  ref: IdSchema,
  note: TextSchema.optional().describe('E.g. {da: "efter behov", en: "as needed"}'),
  asNeeded: z.boolean().default(false).describe('True when they take part only as needed ("efter behov")'),
  appliesTo,
});
export type Participant = z.infer<typeof ParticipantSchema>;

/** A recurring meeting or forum. */
export const MeetingSchema = NamedSchema.extend({
  frequency: TextSchema.optional().describe('How often, as the source says it, e.g. {da: "ugentlig", en: "weekly"}'),
  participants: z
    .array(z.union([IdSchema, ParticipantSchema]))
    .default([])
    .describe('The roles, units, groups or people that take part: an id, or {ref, note, asNeeded}'),
  otherParticipants: z
    .array(DescribedParticipantSchema)
    .optional()
    .describe('Participants the documents describe instead of naming an item ("de valgte medarbejderrepræsentanter")'),
  unit: IdSchema.optional().describe('Where it is held'),
  purpose: TextSchema.optional(),
  recurrence: RecurrenceSchema.optional().describe('When it is held, as data (RRULE and dates)'),
  asNeeded: z.boolean().default(false).describe('True for a meeting held only as needed ("efter behov")'),
  place: z.string().min(1).optional().describe('Where it is held, e.g. "Rådhuset, mødelokale 2"'),
  chair: IdSchema.optional().describe('Id of the role or person who chairs it'),
  viceChair: IdSchema.optional().describe('Id of the role or person who is vice-chair (næstformand)'),
  secretary: IdSchema.optional().describe('Id of the role or person who takes the minutes (referent, sekretær)'),
  validFrom: validity.validFrom.describe('First day the meeting exists in this form'),
  validUntil: validity.validUntil.describe('Last day the meeting exists in this form'),
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
  adoptedBy: IdSchema.optional().describe('Id of the body (a committee unit, a leadership group, a role or the municipality) that adopted it'),
  adoptedOn: IsoDateSchema.optional().describe('The day it was adopted (vedtaget, godkendt)'),
  inForceFrom: IsoDateSchema.optional().describe('The first day it applies ("med virkning fra", "træder i kraft")'),
  inForceUntil: IsoDateSchema.optional().describe('The last day it applies, where the source gives one'),
  adoptionSource: SourceSchema.optional().describe("Where the source says who adopted it and when; default: the policy's own source"),
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

/** "Stands in for": a role (or person) that deputises for another, when and under what condition. */
export const DeputySchema = z.object({
  id: IdSchema,
  deputy: IdSchema.describe('Id of the role or person who stands in'),
  for: IdSchema.describe('Id of the role or person stood in for'),
  scope: TextSchema.optional().describe('What the deputy takes over, e.g. {da: "den daglige personaleledelse", en: "day-to-day staff management"}'),
  text: TextSchema.describe('The relation as a sentence'),
  ...validity,
  appliesTo,
  source: SourceSchema,
});
export type Deputy = z.infer<typeof DeputySchema>;

/** How a body voted on a decision. */
export const VoteSchema = z.object({
  for: z.number().int().nonnegative().optional(),
  against: z.number().int().nonnegative().optional(),
  abstained: z.number().int().nonnegative().optional(),
  unanimous: z.boolean().optional().describe('True when the minutes say "enstemmigt"'),
  text: TextSchema.optional().describe('The vote as the minutes state it, e.g. who voted against'),
});
export type Vote = z.infer<typeof VoteSchema>;

/** A decision of a named body (a committee, a leadership group) on a date. */
export const DecisionSchema = NamedSchema.extend({
  body: IdSchema.describe('Id of the unit (committee), leadership group or role that decided'),
  date: IsoDateSchema.describe('The day of the decision (the meeting)'),
  decided: z.array(StatementSchema).min(1).describe('What was decided, point by point'),
  appliesFrom: IsoDateSchema.optional().describe('The day from which the decision applies'),
  changes: z.array(IdSchema).default([]).describe('Ids of the items the decision creates or changes (units, roles, reporting lines, ...)'),
  vote: VoteSchema.optional(),
});
export type Decision = z.infer<typeof DecisionSchema>;

/** Any other sourced fact: a finding, recommendation, conclusion, background. */
export const FactSchema = z.object({
  id: IdSchema,
  about: z.array(IdSchema).min(1).describe('Ids of the things the fact is about'),
  topic: z
    .enum(['finding', 'recommendation', 'background', 'goal', 'collaboration', 'other'])
    .default('other'),
  text: TextSchema,
  source: SourceSchema,
  ...validity,
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
    deputies: z.array(DeputySchema).optional(),
    decisions: z.array(DecisionSchema).optional(),
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
  'deputies',
  'decisions',
  'policies',
  'programmes',
  'concepts',
  'facts',
] as const;
export type KnowledgeKind = (typeof KNOWLEDGE_KINDS)[number];

/** All knowledge files merged: every kind present (possibly empty). */
export type KnowledgeData = { [K in KnowledgeKind]: NonNullable<KnowledgeFile[K]> };
