/**
 * Loads every knowledge file of a folder, validates it and merges it into one {@link KnowledgeBase}.
 *
 * Checks, each reported with the file, the JSON path and a fix: unreadable files, malformed JSON
 * (line and column), schema errors (every zod issue), duplicate ids across files and kinds,
 * dangling or wrongly typed references, unknown source documents, cycles in reporting lines (among
 * the lines valid at the same time), unit parents and concepts, periods that end before they start
 * (dates' `end`, any `validUntil` before its `validFrom`), recurrences whose RRULE is invalid or
 * yields no day, reporting lines of one role that overlap in time, a deputy for itself, and the finer
 * fields of `model-checks.ts` (where a line applies, dated parents, acting holders, end times, ...).
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod/v4';
import { locateJsonError } from './json-errors.js';
import { checkModelFields } from './model-checks.js';
import { meetingPeriod } from './meeting-period.js';
import type { KbItem, KnowledgeBase } from './knowledge-base.js';
import { createKnowledgeBase, emptyKnowledgeData } from './knowledge-base.js';
import type { ItemKind } from './references.js';
import { firstRecurrenceDay, parseRRule, recurrenceDays, RULE_SEARCH_YEARS } from './recurrence.js';
import { ITEM_KINDS, KIND_LABELS, describeKinds, formatPath, referencesOf, sourcesIn } from './references.js';
import type { KnowledgeData, KnowledgeFile, ReportingLine } from './schemas.js';
import { KNOWLEDGE_KINDS, KnowledgeFileSchema } from './schemas.js';
import { checkSourceQuotes, readSourceTexts } from './source-quotes.js';

/** One problem in the knowledge files: which file, where in it (a JSON path, may be empty) and what. */
export interface KnowledgeError {
  readonly file: string;
  /** A JSON path such as `roles[3].reportsTo[0]`; empty when the problem concerns the whole file. */
  readonly path: string;
  /** What is wrong, ending with `(fix: ...)` where a fix can be named. */
  readonly message: string;
}

/** The outcome of loading: the knowledge base and the files it came from, or every problem found. */
export type LoadResult =
  | {
      readonly ok: true;
      readonly kb: KnowledgeBase;
      readonly files: string[];
      /** What is valid but likely not meant (a calendar's recurring meeting without end), each with a fix. */
      readonly warnings: KnowledgeError[];
    }
  | { readonly ok: false; readonly errors: KnowledgeError[] };

/** A knowledge file's name (as it should appear in messages) and its text. */
export interface KnowledgeFileInput {
  readonly file: string;
  readonly text: string;
}

/** `knowledge: data/roles.json: roles[3].reportsTo[0]: no role with id "x" (fix: ...)`. */
export function formatKnowledgeError(error: KnowledgeError): string {
  return `knowledge: ${error.file}: ${error.path ? `${error.path}: ` : ''}${error.message}`;
}

/** Reads and validates every `*.json` file directly in `dir` (sub-folders such as `schema/` are ignored). */
export async function loadKnowledge(dir: string): Promise<LoadResult> {
  let names: string[];
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    names = entries
      .filter((entry) => entry.name.endsWith('.json') && (entry.isFile() || entry.isSymbolicLink()))
      .map((entry) => entry.name)
      .sort();
  } catch (error) {
    return fail(dir, '', `cannot read the knowledge folder: ${errorText(error)} (fix: create it, or set KNOWLEDGE_DIR to the folder holding the knowledge files)`);
  }
  if (names.length === 0) {
    return fail(dir, '', 'no knowledge files (*.json) in this folder (fix: add the knowledge files, or set KNOWLEDGE_DIR to the folder holding them)');
  }
  const inputs: KnowledgeFileInput[] = [];
  const errors: KnowledgeError[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    try {
      inputs.push({ file, text: await readFile(file, 'utf8') });
    } catch (error) {
      errors.push({ file, path: '', message: `cannot read the file: ${errorText(error)} (fix: check that it exists and is readable)` });
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return parseKnowledgeFiles(inputs);
}

/** The folder of a knowledge folder's source documents: `<dir>/sources`. */
export function defaultSourcesDir(dir: string): string {
  return path.join(dir, 'sources');
}

/** Options of {@link loadKnowledgeOrThrow}. */
export interface LoadKnowledgeOptions {
  /**
   * The folder of the source documents whose quotes are checked, or `false` for no check. Default:
   * `<dir>/sources` when that folder exists (a synthetic or test knowledge base without documents
   * loads unchecked).
   */
  readonly sources?: string | false;
}

/**
 * For start-up: the knowledge base, or one Error listing every problem, one per line; every quote is
 * checked against its source document (see {@link LoadKnowledgeOptions.sources}).
 */
export async function loadKnowledgeOrThrow(dir: string, options: LoadKnowledgeOptions = {}): Promise<KnowledgeBase> {
  const result = await loadKnowledge(dir);
  const sources = options.sources ?? (existsSync(defaultSourcesDir(dir)) ? defaultSourcesDir(dir) : false);
  const errors = result.ok ? (sources === false ? [] : await quoteErrors(result.kb, sources)) : result.errors;
  if (result.ok && errors.length === 0) return result.kb;
  throw new Error(`knowledge: ${errors.length} problem(s) in the knowledge files in ${dir}:\n${errors.map(formatKnowledgeError).join('\n')}`);
}

/** Every quote that is not in its source document (or a document that cannot be read), as knowledge errors. */
export async function quoteErrors(kb: KnowledgeBase, sourcesDir: string): Promise<KnowledgeError[]> {
  const { texts, problems: unreadable } = await readSourceTexts(kb, sourcesDir);
  return [...unreadable, ...checkSourceQuotes(kb, texts)].map((problem) => ({
    file: path.join(sourcesDir, problem.doc),
    path: problem.item ? `${problem.item}: ${problem.path}` : '',
    message: problem.quote ? `${problem.message}: "${problem.quote}"` : problem.message,
  }));
}

/** Validates and merges knowledge files given as text (the loader without the file system). */
export function parseKnowledgeFiles(inputs: readonly KnowledgeFileInput[]): LoadResult {
  if (inputs.length === 0) {
    return fail('(none)', '', 'no knowledge files were given (fix: add at least one *.json knowledge file)');
  }
  const errors: KnowledgeError[] = [];
  const parsed: { file: string; data: KnowledgeFile }[] = [];
  for (const input of inputs) {
    const result = parseOneFile(input);
    if ('data' in result) parsed.push({ file: input.file, data: result.data });
    else errors.push(...result.errors);
  }
  // References into a file that did not parse would all look dangling: report the files first.
  if (errors.length > 0) return { ok: false, errors };

  const merged = mergeFiles(parsed);
  errors.push(...merged.errors);
  const kb = createKnowledgeBase(merged.data);
  errors.push(
    ...checkReferences(kb, merged.locations),
    ...checkCycles(kb, merged.locations),
    ...checkPeriods(kb, merged.locations),
    ...checkValidity(kb, merged.locations),
    ...checkRecurrences(kb, merged.locations),
    ...checkOverlappingLines(kb, merged.locations),
    ...checkDocumentPeriods(kb, merged.locations),
    ...checkDeputies(kb, merged.locations),
    ...checkModelFields(kb, merged.locations),
  );
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, kb, files: inputs.map((input) => input.file), warnings: unboundedCalendarMeetings(kb, merged.locations) };
}

function parseOneFile(input: KnowledgeFileInput): { data: KnowledgeFile } | { errors: KnowledgeError[] } {
  const { file } = input;
  const text = input.text.replace(/^\uFEFF/, '');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const where = locateJsonError(text);
    const message = where
      ? `malformed JSON at line ${where.line}, column ${where.column}: ${where.message}`
      : `malformed JSON: ${errorText(error)}`;
    return { errors: [{ file, path: '', message: `${message} (fix: correct the JSON syntax there)` }] };
  }
  const result = KnowledgeFileSchema.safeParse(json);
  if (!result.success) {
    // One problem per place: a malformed date also fails the calendar check, which adds nothing.
    const errors = result.error.issues.flatMap((issue) => describeIssue(file, json, issue));
    return { errors: errors.filter((error, index) => errors.findIndex((e) => e.path === error.path) === index) };
  }
  // zod drops unknown fields inside items silently; a misspelt field would vanish, so name them.
  const unknown = unknownFields(json, result.data, []);
  if (unknown.length === 0) return { data: result.data };
  return { errors: unknown.map((at) => unknownFieldError(file, at)) };
}

function unknownFieldError(file: string, at: readonly PropertyKey[]): KnowledgeError {
  const field = String(at[at.length - 1]);
  return {
    file,
    path: formatPath(at),
    message: `unknown field "${field}" (fix: remove it or correct its name; see data/schema/knowledge-file.schema.json)`,
  };
}

/** Paths of the object keys in the input that the parsed output no longer has. */
function unknownFields(input: unknown, output: unknown, at: (string | number)[]): (string | number)[][] {
  if (Array.isArray(input) && Array.isArray(output)) {
    return input.flatMap((element, index) => unknownFields(element, output[index], [...at, index]));
  }
  if (!isObject(input) || !isObject(output)) return [];
  return Object.keys(input).flatMap((key) =>
    key in output ? unknownFields(input[key], output[key], [...at, key]) : [[...at, key]],
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function describeIssue(file: string, json: unknown, issue: z.core.$ZodIssue): KnowledgeError[] {
  const at = issue.path as readonly PropertyKey[];
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) =>
      at.length === 0
        ? { file, path: formatPath([key]), message: `unknown kind "${key}" (fix: a knowledge file holds only ${KNOWLEDGE_KINDS.join(', ')} and $schema)` }
        : unknownFieldError(file, [...at, key]),
    );
  }
  const value = valueAt(json, at);
  let message = issue.message;
  if (issue.code === 'invalid_type' && value === undefined) {
    message = `is missing (fix: add it: expected ${issue.expected})`;
  } else if (value !== undefined && (value === null || typeof value !== 'object')) {
    message = `${message} (got ${shortJson(value)})`;
  }
  return [{ file, path: formatPath(at), message }];
}

/** Where an item was defined: file and JSON path of the item. */
interface Location {
  readonly file: string;
  readonly path: readonly (string | number)[];
}

interface Merged {
  readonly data: KnowledgeData;
  readonly errors: KnowledgeError[];
  /** By item id, and by `document:<id>` for documents. */
  readonly locations: Map<string, Location>;
}

function mergeFiles(files: readonly { file: string; data: KnowledgeFile }[]): Merged {
  const data = emptyKnowledgeData();
  const errors: KnowledgeError[] = [];
  const locations = new Map<string, Location>();
  for (const { file, data: fileData } of files) {
    for (const kind of KNOWLEDGE_KINDS) {
      const items = fileData[kind] ?? [];
      items.forEach((item, index) => {
        const here: Location = { file, path: [kind, index] };
        const key = kind === 'documents' ? `document:${item.id}` : item.id;
        const earlier = locations.get(key);
        if (earlier) {
          errors.push({
            file,
            path: formatPath([...here.path, 'id']),
            message:
              kind === 'documents'
                ? `duplicate document "${item.id}": already declared at ${formatPath(earlier.path)} in ${earlier.file} (fix: declare each document once)`
                : `duplicate id "${item.id}": already used by ${formatPath(earlier.path)} in ${earlier.file} (fix: ids are global across files and kinds; rename one of them)`,
          });
          return;
        }
        locations.set(key, here);
        (data[kind] as unknown[]).push(item);
      });
    }
  }
  return { data, errors, locations };
}

function checkReferences(kb: KnowledgeBase, locations: ReadonlyMap<string, Location>): KnowledgeError[] {
  const errors: KnowledgeError[] = [];
  const documentIds = [...kb.documents.keys()];
  const idsByKind = new Map<ItemKind, string[]>(ITEM_KINDS.map((kind) => [kind, kb.data[kind].map((item) => item.id)]));

  kb.data.documents.forEach((doc) => {
    const at = locations.get(`document:${doc.id}`);
    if (!at) return;
    const target = kb.get(doc.municipality);
    if (target?.kind !== 'municipalities') {
      errors.push(referenceError(at, ['municipality'], doc.municipality, ['municipalities'], 'municipality', target, idsByKind));
    }
  });

  for (const kind of ITEM_KINDS) {
    for (const item of kb.data[kind]) {
      const at = locations.get(item.id);
      if (!at) continue;
      const entry = { kind, item } as KbItem;
      for (const ref of referencesOf(entry)) {
        const target = kb.get(ref.id);
        if (target && ref.kinds.includes(target.kind)) continue;
        if (ref.documents && kb.documents.has(ref.id)) continue;
        if (ref.documents && !target) {
          errors.push({
            file: at.file,
            path: formatPath([...at.path, ...ref.path]),
            message: `no item or document with id "${ref.id}" (fix: point ${ref.field} at an item's id or a document's id${suggest(ref.id, [...candidatesOf(ref.kinds, idsByKind), ...documentIds])})`,
          });
          continue;
        }
        errors.push(referenceError(at, ref.path, ref.id, ref.kinds, ref.field, target, idsByKind));
      }
      for (const source of sourcesIn(item)) {
        if (kb.documents.has(source.doc)) continue;
        errors.push({
          file: at.file,
          path: formatPath([...at.path, ...source.path, 'doc']),
          message: `no document with id "${source.doc}" (fix: add it to "documents" in a knowledge file, or correct the id${suggest(source.doc, documentIds)})`,
        });
      }
    }
  }
  return errors;
}

function candidatesOf(kinds: readonly ItemKind[], idsByKind: ReadonlyMap<ItemKind, string[]>): string[] {
  return kinds.flatMap((kind) => idsByKind.get(kind) ?? []);
}

function referenceError(
  at: Location,
  refPath: readonly (string | number)[],
  id: string,
  kinds: readonly ItemKind[],
  field: string,
  target: KbItem | undefined,
  idsByKind: ReadonlyMap<ItemKind, string[]>,
): KnowledgeError {
  const wanted = describeKinds(kinds);
  const path = formatPath([...at.path, ...refPath]);
  if (target) {
    return {
      file: at.file,
      path,
      message: `"${id}" is a ${KIND_LABELS[target.kind]}, but ${field} must name a ${wanted} (fix: point it at a ${wanted})`,
    };
  }
  const candidates = kinds.flatMap((kind) => idsByKind.get(kind) ?? []);
  return {
    file: at.file,
    path,
    message: `no ${wanted} with id "${id}" (fix: add a ${wanted} with this id, or correct the reference${suggest(id, candidates)})`,
  };
}

/** An edge of a graph that must have no cycles, with where it was written. */
interface Edge {
  readonly from: string;
  readonly to: string;
  readonly file: string;
  readonly path: string;
  readonly validFrom?: string;
  readonly validUntil?: string;
}

function checkCycles(kb: KnowledgeBase, locations: ReadonlyMap<string, Location>): KnowledgeError[] {
  const edgeAt = (id: string, sub: readonly (string | number)[]): Pick<Edge, 'file' | 'path'> => {
    const at = locations.get(id);
    return { file: at?.file ?? '', path: formatPath([...(at?.path ?? []), ...sub]) };
  };
  const reportsAt = (id: string) => {
    const kind = kb.get(id)?.kind;
    return kind === 'roles' || kind === 'units' || kind === 'leadershipGroups';
  };

  const reporting: Edge[] = [];
  for (const role of kb.data.roles) {
    role.reportsTo.forEach((to, index) => {
      if (reportsAt(to)) reporting.push({ from: role.id, to, ...edgeAt(role.id, ['reportsTo', index]) });
    });
  }
  for (const line of kb.data.reportingLines) {
    if (reportsAt(line.from) && reportsAt(line.to)) {
      reporting.push({ from: line.from, to: line.to, ...edgeAt(line.id, ['to']), ...period(line) });
    }
  }
  const parents: Edge[] = kb.data.units
    .filter((unit) => unit.parent !== undefined && kb.get(unit.parent)?.kind === 'units')
    .map((unit) => ({ from: unit.id, to: unit.parent as string, ...edgeAt(unit.id, ['parent']) }));
  const partOf: Edge[] = kb.data.concepts
    .filter((concept) => concept.partOf !== undefined && kb.get(concept.partOf)?.kind === 'concepts')
    .map((concept) => ({ from: concept.id, to: concept.partOf as string, ...edgeAt(concept.id, ['partOf']) }));
  const groupsIn: Edge[] = kb.data.leadershipGroups.flatMap((group) =>
    group.members.flatMap((member, index) =>
      kb.get(member.ref)?.kind === 'leadershipGroups' ? [{ from: member.ref, to: group.id, ...edgeAt(group.id, ['members', index, 'ref']) }] : [],
    ),
  );

  // Lines that never hold at the same time cannot form a cycle: check each moment a line begins or ends.
  const moments = [
    '0000-01-01',
    ...reporting.flatMap((edge) => [edge.validFrom, edge.validUntil === undefined ? undefined : dayAfter(edge.validUntil)]),
  ].filter((day): day is string => day !== undefined);
  const seenCycles = new Set<string>();
  const reportingCycles = [...new Set(moments)].sort().flatMap((day) =>
    findCycles(reporting.filter((edge) => holdsOn(edge, day))).filter((cycle) => {
      const key = cycle.map((edge) => edge.from).sort().join('|');
      return !seenCycles.has(key) && Boolean(seenCycles.add(key));
    }),
  );

  return [
    ...reportingCycles.map((cycle) => cycleError(cycle, 'reporting cycle', 'remove one of these reporting lines (reportsTo or reportingLines), or give them periods that do not overlap')),
    ...findCycles(parents).map((cycle) => cycleError(cycle, 'unit parent cycle', 'a unit cannot be inside itself; correct one of these parents')),
    ...findCycles(partOf).map((cycle) => cycleError(cycle, 'concept partOf cycle', 'a concept cannot be part of itself; correct one of these partOf fields')),
    ...findCycles(groupsIn).map((cycle) => cycleError(cycle, 'group membership cycle', 'a group cannot sit in itself; remove one of these group members')),
  ];
}

function cycleError(cycle: readonly Edge[], what: string, fix: string): KnowledgeError {
  const closing = cycle[cycle.length - 1] as Edge;
  const ids = [...cycle.map((edge) => edge.from), closing.to];
  return { file: closing.file, path: closing.path, message: `${what}: ${ids.join(' -> ')} (fix: ${fix})` };
}

/** Every elementary cycle found by a depth-first search, each reported once, as its edges in order. */
function findCycles(edges: readonly Edge[]): Edge[][] {
  const outgoing = new Map<string, Edge[]>();
  for (const edge of edges) outgoing.set(edge.from, [...(outgoing.get(edge.from) ?? []), edge]);
  const state = new Map<string, 'active' | 'done'>();
  const stack: Edge[] = [];
  const cycles: Edge[][] = [];
  const seen = new Set<string>();

  const visit = (node: string): void => {
    state.set(node, 'active');
    for (const edge of outgoing.get(node) ?? []) {
      const next = state.get(edge.to);
      if (next === 'active') {
        const start = stack.findIndex((e) => e.from === edge.to);
        const cycle = [...(start === -1 ? [] : stack.slice(start)), edge];
        const key = cycle.map((e) => e.from).sort().join('|');
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push(cycle);
        }
      } else if (next === undefined) {
        stack.push(edge);
        visit(edge.to);
        stack.pop();
      }
    }
    state.set(node, 'done');
  };
  for (const edge of edges) if (!state.has(edge.from)) visit(edge.from);
  return cycles;
}

function checkPeriods(kb: KnowledgeBase, locations: ReadonlyMap<string, Location>): KnowledgeError[] {
  return kb.data.dates
    .filter((entry) => entry.end !== undefined && entry.end < entry.date)
    .map((entry) => {
      const at = locations.get(entry.id);
      return {
        file: at?.file ?? '',
        path: formatPath([...(at?.path ?? []), 'end']),
        message: `ends (${entry.end}) before it starts (${entry.date}) (fix: swap them, or correct the dates)`,
      };
    });
}

/** The validity period of an item (only the fields that are set). */
function period(item: { readonly validFrom?: string | undefined; readonly validUntil?: string | undefined }): { validFrom?: string; validUntil?: string } {
  return { ...(item.validFrom !== undefined && { validFrom: item.validFrom }), ...(item.validUntil !== undefined && { validUntil: item.validUntil }) };
}

/** True when a period (open ends allowed) contains the day. */
function holdsOn(item: { readonly validFrom?: string | undefined; readonly validUntil?: string | undefined }, day: string): boolean {
  return (item.validFrom === undefined || item.validFrom <= day) && (item.validUntil === undefined || day <= item.validUntil);
}

/** The ISO day after a day. */
function dayAfter(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** Every object inside an item with both `validFrom` and `validUntil`, where the end comes before the start. */
function checkValidity(kb: KnowledgeBase, locations: ReadonlyMap<string, Location>): KnowledgeError[] {
  const errors: KnowledgeError[] = [];
  const visit = (value: unknown, at: readonly (string | number)[], file: string): void => {
    if (Array.isArray(value)) {
      value.forEach((element, index) => visit(element, [...at, index], file));
      return;
    }
    if (!isObject(value)) return;
    const { validFrom, validUntil } = value;
    if (typeof validFrom === 'string' && typeof validUntil === 'string' && validUntil < validFrom) {
      errors.push({
        file,
        path: formatPath([...at, 'validUntil']),
        message: `validUntil (${validUntil}) is before validFrom (${validFrom}) (fix: validUntil is the last day it holds; swap them or correct one)`,
      });
    }
    for (const [key, child] of Object.entries(value)) if (typeof child === 'object') visit(child, [...at, key], file);
  };
  for (const kind of ITEM_KINDS) {
    for (const item of kb.data[kind]) {
      const at = locations.get(item.id);
      if (at) visit(item, at.path, at.file);
    }
  }
  return errors;
}

/** Meetings' recurrences: a valid RRULE, a first day to count from, and at least one day yielded. */
function checkRecurrences(kb: KnowledgeBase, locations: ReadonlyMap<string, Location>): KnowledgeError[] {
  const errors: KnowledgeError[] = [];
  for (const meeting of kb.data.meetings) {
    const { recurrence } = meeting;
    const at = locations.get(meeting.id);
    if (!recurrence || !at) continue;
    const where = (...sub: (string | number)[]) => ({ file: at.file, path: formatPath([...at.path, 'recurrence', ...sub]) });
    if (recurrence.rrule === undefined && recurrence.dates.length === 0) {
      errors.push({ ...where(), message: 'names no day: neither an rrule nor dates (fix: add an RRULE such as "FREQ=MONTHLY;BYDAY=1TU", or the dates)' });
      continue;
    }
    if (recurrence.rrule !== undefined) {
      const parsed = parseRRule(recurrence.rrule);
      if (!parsed.ok) {
        errors.push({
          ...where('rrule'),
          message: `"${recurrence.rrule}" ${parsed.message} (fix: write an RFC 5545 RRULE value such as "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU")`,
        });
        continue;
      }
      if (recurrence.start === undefined && meeting.validFrom === undefined) {
        errors.push({ ...where('rrule'), message: 'has no first day to count from (fix: add recurrence.start, or the meeting\'s validFrom)' });
        continue;
      }
    }
    const held = meetingPeriod(meeting, kb.documents);
    if (firstRecurrenceDay(recurrence, held.validFrom, held.validUntil) === undefined) {
      const from = recurrence.start ?? held.validFrom ?? '';
      const until =
        held.validUntil === undefined
          ? `within ${RULE_SEARCH_YEARS} years`
          : held.validUntil === meeting.validUntil
            ? `by the meeting's validUntil (${meeting.validUntil})`
            : `by the last day its document "${meeting.source.doc}" covers (${held.validUntil})`;
      errors.push({
        ...where(recurrence.rrule === undefined ? 'dates' : 'rrule'),
        message: `yields no date from ${from} ${until} (fix: check FREQ, BYDAY, BYMONTH and BYMONTHDAY against the document, and the start and validity dates)`,
      });
    }
    const window = { ...(held.validFrom !== undefined && { validFrom: held.validFrom }), ...(held.validUntil !== undefined && { validUntil: held.validUntil }) };
    (recurrence.occurrences ?? []).forEach((occurrence, index) => {
      if (recurrenceDays(recurrence, { from: occurrence.date, to: occurrence.date, ...window }).length > 0) return;
      errors.push({
        ...where('occurrences', index, 'date'),
        message: `${occurrence.date} is not a day the meeting is held (fix: a moved meeting's new day goes in recurrence.dates and its old day in exceptDates; or correct the date)`,
      });
    });
  }
  return errors;
}

/**
 * Two unconditional reporting lines of the same role whose periods overlap, where at least one is dated, for the
 * same holders: a line with `appliesTo.units` concerns only the holders in those units and refines a line
 * without it (the Strandeng coordinators report to Nord's leader from a date, the others as before), so two lines
 * overlap only where both hold everywhere or their units meet.
 */
function checkOverlappingLines(kb: KnowledgeBase, locations: ReadonlyMap<string, Location>): KnowledgeError[] {
  const errors: KnowledgeError[] = [];
  const lines = kb.data.reportingLines.filter((line) => line.condition === undefined);
  const unitsOf = (line: ReportingLine): readonly string[] | undefined => (line.appliesTo?.units.length ? line.appliesTo.units : undefined);
  const dated = (line: ReportingLine) => line.validFrom !== undefined || line.validUntil !== undefined;
  // A role's `reportsTo` always holds: beside a dated line of the same role for all its holders it would overlap it.
  for (const role of kb.data.roles) {
    const line = lines.find((l) => l.from === role.id && dated(l) && unitsOf(l) === undefined);
    if (line === undefined || role.reportsTo.length === 0) continue;
    const at = locations.get(role.id);
    errors.push({
      file: at?.file ?? '',
      path: formatPath([...(at?.path ?? []), 'reportsTo']),
      message: `"${role.id}" reports to ${role.reportsTo.map((id) => `"${id}"`).join(', ')} at all times, beside the dated reporting line "${line.id}" (fix: write these as reporting lines with validFrom/validUntil, and leave reportsTo empty; or name in the dated line's appliesTo.units the units whose holders it concerns)`,
    });
  }
  lines.forEach((line, index) => {
    for (const earlier of lines.slice(0, index)) {
      if (earlier.from !== line.from) continue;
      if (!dated(line) && !dated(earlier)) continue;
      const here = unitsOf(line);
      const there = unitsOf(earlier);
      // One for some units and one for all: the narrower refines the other there.
      if ((here === undefined) !== (there === undefined)) continue;
      const shared = here !== undefined && there !== undefined ? here.filter((unit) => there.includes(unit)) : undefined;
      if (shared !== undefined && shared.length === 0) continue;
      const overlapFrom = [line.validFrom, earlier.validFrom].filter((d): d is string => d !== undefined).sort().pop();
      const overlapUntil = [line.validUntil, earlier.validUntil].filter((d): d is string => d !== undefined).sort()[0];
      if (overlapFrom !== undefined && overlapUntil !== undefined && overlapFrom > overlapUntil) continue;
      const at = locations.get(line.id);
      const span = `${overlapFrom ?? 'the start'} to ${overlapUntil ?? 'no end'}`;
      const whose = shared === undefined ? '' : ` in ${shared.map((unit) => `"${unit}"`).join(', ')}`;
      errors.push({
        file: at?.file ?? '',
        path: formatPath([...(at?.path ?? []), 'validFrom']),
        message: `reporting line "${line.id}" overlaps "${earlier.id}" for "${line.from}"${whose} (both hold from ${span}) (fix: end the earlier line the day before the later begins with validUntil, add a condition to the one that holds only sometimes, or name in appliesTo.units the units whose holders each line concerns)`,
      });
    }
  });
  return errors;
}

/** A document's period: its last day not before its first. */
function checkDocumentPeriods(kb: KnowledgeBase, locations: ReadonlyMap<string, Location>): KnowledgeError[] {
  return kb.data.documents.flatMap((doc) => {
    if (doc.covers === undefined || doc.covers.validUntil >= doc.covers.validFrom) return [];
    const at = locations.get(`document:${doc.id}`);
    return [
      {
        file: at?.file ?? '',
        path: formatPath([...(at?.path ?? []), 'covers', 'validUntil']),
        message: `covers ends (${doc.covers.validUntil}) before it begins (${doc.covers.validFrom}) (fix: validUntil is the last day the document covers; swap them or correct one)`,
      },
    ];
  });
}

/**
 * Warnings: a meeting from a calendar document whose rule recurs without end (no UNTIL or COUNT, no validUntil,
 * no period on the document) yields days past the period the calendar covers.
 */
function unboundedCalendarMeetings(kb: KnowledgeBase, locations: ReadonlyMap<string, Location>): KnowledgeError[] {
  return kb.data.meetings.flatMap((meeting) => {
    const rrule = meeting.recurrence?.rrule;
    const doc = kb.documents.get(meeting.source.doc);
    if (rrule === undefined || doc?.kind !== 'calendar' || meetingPeriod(meeting, kb.documents).validUntil !== undefined) return [];
    const parsed = parseRRule(rrule);
    if (!parsed.ok || parsed.options.until != null || parsed.options.count != null) return [];
    const at = locations.get(meeting.id);
    return [
      {
        file: at?.file ?? '',
        path: formatPath([...(at?.path ?? []), 'recurrence', 'rrule']),
        message: `recurs without end, but its source "${doc.id}" is a calendar: the meeting would be held after the period the calendar covers (fix: give the document "covers" {validFrom, validUntil, quote} with the words that say its period, e.g. its title "... 2027"; or give the meeting validUntil)`,
      },
    ];
  });
}

/** A deputy relation naming the same role on both sides. */
function checkDeputies(kb: KnowledgeBase, locations: ReadonlyMap<string, Location>): KnowledgeError[] {
  return kb.data.deputies
    .filter((relation) => relation.deputy === relation.for)
    .map((relation) => {
      const at = locations.get(relation.id);
      return {
        file: at?.file ?? '',
        path: formatPath([...(at?.path ?? []), 'for']),
        message: `"${relation.deputy}" stands in for itself (fix: "for" names the role or person the deputy stands in for)`,
      };
    });
}

function valueAt(json: unknown, at: readonly PropertyKey[]): unknown {
  let value = json;
  for (const key of at) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function shortJson(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** `; did you mean "x"?` for the closest candidate within a small edit distance, else empty. */
function suggest(id: string, candidates: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(id.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(id, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best === undefined ? '' : `; did you mean "${best}"?`;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
    }
    previous = current;
  }
  return previous[b.length] as number;
}

function fail(file: string, at: string, message: string): LoadResult {
  return { ok: false, errors: [{ file, path: at, message }] };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
