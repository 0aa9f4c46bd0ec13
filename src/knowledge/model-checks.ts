/**
 * The loader's checks of the model's finer fields: where a line applies (`appliesTo`), a unit's parent
 * over time (`parents`), acting holders (`actingAs`), participants and members described in words
 * (`otherParticipants`, `otherMembers`), a policy's adoption and time in force, and end times of dates
 * and meetings. Each problem names the file, the JSON path and the fix.
 */
import type { KnowledgeBase } from './knowledge-base.js';
import { normalizeName } from './normalize-name.js';
import { formatPath, KIND_LABELS } from './references.js';
import type { Text } from './schemas.js';
import { holdsOn, outsidePeriod as outside, periodsOverlap as overlap, periodSpan as span, shiftDay } from './validity.js';
import { checkHoldingFields } from './holding-checks.js';
import { holdsInUnit } from './holdings.js';

/** Where an item was defined: file and JSON path of the item. */
export interface ItemLocation {
  readonly file: string;
  readonly path: readonly (string | number)[];
}

/** One problem, in the loader's shape. */
export interface ModelProblem {
  readonly file: string;
  readonly path: string;
  readonly message: string;
}

type Period = { readonly validFrom?: string | undefined; readonly validUntil?: string | undefined };

/** Every check of this file, in a stable order. */
export function checkModelFields(kb: KnowledgeBase, locations: ReadonlyMap<string, ItemLocation>): ModelProblem[] {
  const at = (id: string, ...sub: (string | number)[]) => {
    const where = locations.get(id);
    return { file: where?.file ?? '', path: formatPath([...(where?.path ?? []), ...sub]) };
  };
  return [
    ...checkAppliesTo(kb, at),
    ...checkParents(kb, at),
    ...checkActing(kb, at),
    ...checkDescribed(kb, at),
    ...checkPolicies(kb, at),
    ...checkEndTimes(kb, at),
    ...checkHoldingFields(kb, at),
    ...checkLineHolders(kb, at),
  ];
}

/**
 * A reporting line to one unit's holder of a role (`toUnit`): `to` a role held in that unit, and the unit
 * existing on every day the line holds.
 */
function checkLineHolders(kb: KnowledgeBase, at: At): ModelProblem[] {
  const problems: ModelProblem[] = [];
  for (const line of kb.data.reportingLines) {
    if (line.toUnit === undefined) continue;
    const target = kb.get(line.to);
    const unit = kb.get(line.toUnit);
    if (target === undefined || unit?.kind !== 'units') continue; // the reference check reports these
    if (target.kind !== 'roles') {
      problems.push({
        ...at(line.id, 'toUnit'),
        message: `names the unit whose holder of "to" the line goes to, but "${line.to}" is a ${KIND_LABELS[target.kind]}, not a role (fix: name in "to" the role held in "${line.toUnit}", or remove toUnit)`,
      });
      continue;
    }
    const held =
      unit.item.ledBy.includes(line.to) ||
      target.item.unit === line.toUnit ||
      kb.data.people.some((person) => holdsInUnit(person, line.to, line.toUnit as string));
    if (!held) {
      problems.push({
        ...at(line.id, 'toUnit'),
        message: `"${line.to}" is not held in "${line.toUnit}": it is not in the unit's ledBy and no person holds it there (fix: add "${line.to}" to the ledBy of "${line.toUnit}", or give its holder unit "${line.toUnit}"; or correct toUnit)`,
      });
    }
    if (outside(line, unit.item)) {
      problems.push({
        ...at(line.id, 'toUnit'),
        message: `the line holds ${span(line)}, but "${line.toUnit}" exists only ${span(unit.item)} (fix: end or begin the line within the unit's life, or correct the unit's validFrom/validUntil)`,
      });
    }
  }
  return problems;
}

type At = (id: string, ...sub: (string | number)[]) => { file: string; path: string };

/** Every `appliesTo` inside an item: it must say where (units or text), and name units (or municipalities) that exist. */
function checkAppliesTo(kb: KnowledgeBase, at: At): ModelProblem[] {
  const problems: ModelProblem[] = [];
  const visit = (id: string, value: unknown, sub: (string | number)[]): void => {
    if (Array.isArray(value)) {
      value.forEach((element, index) => visit(id, element, [...sub, index]));
      return;
    }
    if (value === null || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      if (key === 'appliesTo' && child !== null && typeof child === 'object') {
        const scope = child as { units?: string[]; text?: Text };
        const units = scope.units ?? [];
        if (units.length === 0 && scope.text === undefined) {
          problems.push({ ...at(id, ...sub, key), message: 'says nowhere it applies (fix: name the units in "units", or say it in "text" {da, en}; or remove appliesTo when it applies everywhere)' });
        }
        units.forEach((unit, index) => {
          const target = kb.get(unit);
          if (target?.kind === 'units' || target?.kind === 'municipalities') return;
          problems.push({
            ...at(id, ...sub, key, 'units', index),
            message: target
              ? `"${unit}" is a ${KIND_LABELS[target.kind]}, but appliesTo.units must name units (fix: name the unit(s) where it applies, or describe them in appliesTo.text)`
              : `no unit with id "${unit}" (fix: add the unit, or correct the id)`,
          });
        });
      } else if (typeof child === 'object') {
        visit(id, child, [...sub, key]);
      }
    }
  };
  for (const kind of ['reportingLines', 'deputies', 'leadershipGroups', 'meetings'] as const) {
    for (const item of kb.data[kind]) visit(item.id, item, []);
  }
  return problems;
}

/** The parent a unit has on a day: a dated `parents` entry that covers the day, else `parent`. */
export function parentOnDay(unit: { readonly parent?: string | undefined; readonly parents?: ReadonlyArray<Period & { readonly ref: string }> | undefined }, day: string): string | undefined {
  return (unit.parents ?? []).find((entry) => holdsOn(entry, day))?.ref ?? unit.parent;
}

/** Dated parents: not overlapping each other, inside the unit's own life, and no unit inside itself on any day. */
function checkParents(kb: KnowledgeBase, at: At): ModelProblem[] {
  const problems: ModelProblem[] = [];
  const units = kb.data.units;
  for (const unit of units) {
    const parents = unit.parents ?? [];
    parents.forEach((entry, index) => {
      for (const earlier of parents.slice(0, index)) {
        if (!overlap(entry, earlier)) continue;
        problems.push({
          ...at(unit.id, 'parents', index, 'validFrom'),
          message: `overlaps parents[${parents.indexOf(earlier)}] ("${earlier.ref}"): "${unit.id}" would have two parents at once (fix: end the earlier period the day before the later begins with validUntil)`,
        });
      }
      if (outside(entry, unit)) {
        problems.push({
          ...at(unit.id, 'parents', index),
          message: `the period of parent "${entry.ref}" (${span(entry)}) lies outside the unit's own validity (${span(unit)}) (fix: correct the dates, or the unit's validFrom/validUntil)`,
        });
      }
      if (entry.ref === unit.parent && entry.validFrom === undefined && entry.validUntil === undefined) {
        problems.push({ ...at(unit.id, 'parents', index), message: `repeats "parent" without a period (fix: give it validFrom/validUntil, or remove it)` });
      }
    });
  }
  // A cycle can only begin on a day a dated parent begins or the day after one ends.
  const moments = new Set(
    units.flatMap((unit) => (unit.parents ?? []).flatMap((entry) => [entry.validFrom, entry.validUntil === undefined ? undefined : shiftDay(entry.validUntil, 1)])).filter((day): day is string => day !== undefined),
  );
  if (units.some((unit) => (unit.parents ?? []).length > 0)) moments.add('0000-01-01');
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const reported = new Set<string>();
  for (const day of [...moments].sort()) {
    for (const unit of units) {
      if ((unit.parents ?? []).length === 0) continue;
      const seen = [unit.id];
      for (let current = parentOnDay(unit, day); current !== undefined; ) {
        if (current === unit.id) {
          const key = [...seen].sort().join('|');
          if (!reported.has(key)) {
            reported.add(key);
            problems.push({ ...at(unit.id, 'parents'), message: `unit parent cycle on ${day}: ${[...seen, unit.id].join(' -> ')} (fix: a unit cannot be inside itself; correct one of these parents or its dates)` });
          }
          break;
        }
        if (seen.includes(current)) break;
        seen.push(current);
        const next = byId.get(current);
        current = next ? parentOnDay(next, day) : undefined;
      }
    }
  }
  return problems;
}

/** Acting periods: inside the holder's own validity, and not one role twice at once. */
function checkActing(kb: KnowledgeBase, at: At): ModelProblem[] {
  const problems: ModelProblem[] = [];
  for (const person of kb.data.people) {
    const acting = person.actingAs ?? [];
    acting.forEach((entry, index) => {
      if (outside(entry, person)) {
        problems.push({
          ...at(person.id, 'actingAs', index),
          message: `the acting period as "${entry.role}" (${span(entry)}) lies outside ${person.name}'s own validity (${span(person)}) (fix: correct the acting dates, or the person's validFrom/validUntil)`,
        });
      }
      const twice = acting.findIndex((other, j) => j < index && other.role === entry.role && overlap(other, entry));
      if (twice !== -1) {
        problems.push({ ...at(person.id, 'actingAs', index, 'validFrom'), message: `overlaps actingAs[${twice}] for the same role "${entry.role}" (fix: merge the two periods, or end the earlier one first)` });
      }
    });
  }
  return problems;
}

/** Participants and members in words: not an item's own name (that one is named by its id). */
function checkDescribed(kb: KnowledgeBase, at: At): ModelProblem[] {
  const names = new Map<string, string>();
  for (const kind of ['roles', 'units', 'leadershipGroups', 'people'] as const) {
    for (const item of kb.data[kind]) {
      const all = 'names' in item ? [item.name, ...item.names, item.labelEn, ...item.namesEn] : [item.name];
      for (const n of all) if (!names.has(normalizeName(n))) names.set(normalizeName(n), item.id);
    }
  }
  const problems: ModelProblem[] = [];
  const check = (id: string, field: string, list: ReadonlyArray<{ readonly text: Text }>, refField: string) =>
    list.forEach((entry, index) => {
      const named = names.get(normalizeName(entry.text.da)) ?? names.get(normalizeName(entry.text.en));
      if (named === undefined) return;
      problems.push({ ...at(id, field, index, 'text'), message: `"${entry.text.da}" is the name of "${named}" (fix: list it by id in ${refField} instead)` });
    });
  for (const meeting of kb.data.meetings) check(meeting.id, 'otherParticipants', meeting.otherParticipants ?? [], 'participants');
  for (const group of kb.data.leadershipGroups) check(group.id, 'otherMembers', group.otherMembers ?? [], 'members');
  return problems;
}

/** A policy's time in force: its last day not before its first. */
function checkPolicies(kb: KnowledgeBase, at: At): ModelProblem[] {
  return kb.data.policies
    .filter((policy) => policy.inForceFrom !== undefined && policy.inForceUntil !== undefined && policy.inForceUntil < policy.inForceFrom)
    .map((policy) => ({
      ...at(policy.id, 'inForceUntil'),
      message: `inForceUntil (${policy.inForceUntil}) is before inForceFrom (${policy.inForceFrom}) (fix: inForceUntil is the last day it applies; swap them or correct one)`,
    }));
}

/** End times: only with a start time, and after it on a one-day entry and on a meeting. */
function checkEndTimes(kb: KnowledgeBase, at: At): ModelProblem[] {
  const problems: ModelProblem[] = [];
  const check = (id: string, sub: (string | number)[], time: string | undefined, endTime: string | undefined, sameDay: boolean) => {
    if (endTime === undefined) return;
    if (time === undefined) {
      problems.push({ ...at(id, ...sub, 'endTime'), message: `has an end time (${endTime}) but no start time (fix: add "time", the start, e.g. "09:00")` });
    } else if (sameDay && endTime <= time) {
      problems.push({ ...at(id, ...sub, 'endTime'), message: `ends (${endTime}) before or when it starts (${time}) (fix: endTime is the time it ends, after "time"; swap them or correct one)` });
    }
  };
  for (const entry of kb.data.dates) check(entry.id, [], entry.time, entry.endTime, entry.end === undefined || entry.end === entry.date);
  for (const meeting of kb.data.meetings) if (meeting.recurrence) check(meeting.id, ['recurrence'], meeting.recurrence.time, meeting.recurrence.endTime, true);
  return problems;
}

