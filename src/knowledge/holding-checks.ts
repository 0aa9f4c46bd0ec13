/**
 * The loader's checks of who holds what and of figures with a measure: the unit a person holds a shared role in
 * (`unit`, `posts`), leaves with an acting holder (`leaves`), figures for a period or of several units together
 * (`period`, `ofUnits`, `unitOfMeasure`), meeting roles besides the chair (`viceChair`, `secretary`) and a posting's
 * hiring committee. Each problem names the file, the JSON path and the fix.
 */
import type { KnowledgeBase } from './knowledge-base.js';
import type { Figure, Unit } from './schemas.js';
import { holdingsOf } from './holdings.js';
import { outsidePeriod as outside, periodsOverlap as overlap, periodSpan as span } from './validity.js';

type At = (id: string, ...sub: (string | number)[]) => { file: string; path: string };

/** One problem, in the loader's shape. */
interface Problem {
  readonly file: string;
  readonly path: string;
  readonly message: string;
}


/** Every check of this file, in a stable order. */
export function checkHoldingFields(kb: KnowledgeBase, at: At): Problem[] {
  return [...checkHoldings(kb, at), ...checkLeaves(kb, at), ...checkFigures(kb, at), ...checkMeetingRoles(kb, at), ...checkHiringCommittees(kb, at)];
}

/** The unit of a holding: with a role, and one the role leads or sits in (or a unit below the role's own unit). */
function checkHoldings(kb: KnowledgeBase, at: At): Problem[] {
  const problems: Problem[] = [];
  const units = new Map(kb.data.units.map((unit) => [unit.id, unit]));
  const fits = (roleId: string, unitId: string): boolean => {
    const role = kb.data.roles.find((r) => r.id === roleId);
    const unit = units.get(unitId);
    if (!role || !unit) return true; // a dangling id is reported by the reference check
    const ledAnywhere = kb.data.units.some((u) => u.ledBy.includes(roleId));
    if (unit.ledBy.includes(roleId) || role.unit === unitId) return true;
    if (!ledAnywhere && role.unit === undefined) return true;
    return !ledAnywhere && role.unit !== undefined && ancestorsOf(unit, units).includes(role.unit);
  };
  const explain = (roleId: string, unitId: string) =>
    `role "${roleId}" neither leads unit "${unitId}" (its ledBy) nor sits in it (the role's unit) (fix: name the unit the person holds the role in, or add "${roleId}" to the ledBy of "${unitId}")`;
  for (const person of kb.data.people) {
    if (person.unit !== undefined && person.role === undefined) {
      problems.push({ ...at(person.id, 'unit'), message: `${person.name} has a unit but no role (fix: add "role", the role ${person.name} holds in "${person.unit}", or remove unit)` });
    } else if (person.unit !== undefined && person.role !== undefined && !fits(person.role, person.unit)) {
      problems.push({ ...at(person.id, 'unit'), message: explain(person.role, person.unit) });
    }
    const posts = person.posts ?? [];
    posts.forEach((post, index) => {
      if (post.unit !== undefined && !fits(post.role, post.unit)) problems.push({ ...at(person.id, 'posts', index, 'unit'), message: explain(post.role, post.unit) });
      const twice = posts.findIndex((other, j) => j < index && other.role === post.role && other.unit === post.unit && overlap(other, post));
      if (twice !== -1) {
        problems.push({ ...at(person.id, 'posts', index, 'validFrom'), message: `overlaps posts[${twice}], the same post "${post.role}"${post.unit ? ` in "${post.unit}"` : ''} (fix: merge the two periods, or end the earlier one the day before the later begins)` });
      }
      if (post.role === person.role && post.unit === person.unit && overlap(post, person)) {
        problems.push({ ...at(person.id, 'posts', index), message: `repeats the person's own role "${post.role}" in the same period (fix: give the post the period it was held in, or remove it: "role" is the post held now)` });
      }
    });
  }
  return problems;
}

/** Leaves: inside the person's validity, not overlapping, and an acting holder who acts in the role meanwhile. */
function checkLeaves(kb: KnowledgeBase, at: At): Problem[] {
  const problems: Problem[] = [];
  const people = new Map(kb.data.people.map((p) => [p.id, p]));
  for (const person of kb.data.people) {
    const leaves = person.leaves ?? [];
    leaves.forEach((leave, index) => {
      if (outside(leave, person)) {
        problems.push({ ...at(person.id, 'leaves', index), message: `the leave (${span(leave)}) lies outside ${person.name}'s own validity (${span(person)}) (fix: correct the leave's dates, or the person's validFrom/validUntil)` });
      }
      const twice = leaves.findIndex((other, j) => j < index && overlap(other, leave));
      if (twice !== -1) problems.push({ ...at(person.id, 'leaves', index, 'validFrom'), message: `overlaps leaves[${twice}] (fix: merge the two leaves, or end the earlier one first)` });
      if (leave.actingHolder === undefined) return;
      if (leave.actingHolder === person.id) {
        problems.push({ ...at(person.id, 'leaves', index, 'actingHolder'), message: `${person.name} cannot act for themselves (fix: name the person who acts in the role during the leave)` });
        return;
      }
      const acting = people.get(leave.actingHolder);
      if (!acting) return; // reported by the reference check
      const roles = new Set(holdingsOf(person).filter((h) => !h.acting && overlap(h, leave)).map((h) => h.role));
      if (roles.size === 0) {
        problems.push({ ...at(person.id, 'leaves', index), message: `${person.name} holds no role during the leave, so no one can act in it (fix: give ${person.name} a "role", or remove actingHolder)` });
        return;
      }
      const actingAs = acting.actingAs ?? [];
      // An acting entry that names no role, or ends before it begins, is reported by its own check.
      const reported = actingAs.some((entry) => kb.get(entry.role)?.kind !== 'roles' || (entry.validFrom !== undefined && entry.validUntil !== undefined && entry.validUntil < entry.validFrom));
      const covers = actingAs.some((entry) => roles.has(entry.role) && overlap(entry, leave));
      if (!covers && !reported) {
        const role = [...roles][0]!;
        problems.push({
          ...at(person.id, 'leaves', index, 'actingHolder'),
          message: `${acting.name} does not act as "${role}" during the leave (fix: add {"role": "${role}", "validFrom": "${leave.validFrom}"${leave.validUntil ? `, "validUntil": "${leave.validUntil}"` : ''}} to the actingAs of "${acting.id}")`,
        });
      }
    });
  }
  return problems;
}

/** Figures: a period that ends after it begins, several units stated where they meet, money with its measure. */
function checkFigures(kb: KnowledgeBase, at: At): Problem[] {
  const problems: Problem[] = [];
  const units = new Map(kb.data.units.map((unit) => [unit.id, unit]));
  const check = (owner: string, sub: (string | number)[], figure: Figure, ownerUnit: Unit | undefined) => {
    if (figure.period && figure.period.until < figure.period.from) {
      problems.push({ ...at(owner, ...sub, 'period', 'until'), message: `period.until (${figure.period.until}) is before period.from (${figure.period.from}) (fix: "until" is the period's last day; swap them or correct one)` });
    }
    if (figure.metric === 'amount' && figure.unitOfMeasure === undefined) {
      problems.push({ ...at(owner, ...sub, 'metric'), message: `an amount needs its unit of measure (fix: add "unitOfMeasure", e.g. {"da": "mio. kr.", "en": "DKK million"} or {"da": "kr.", "en": "DKK"})` });
    }
    const together = figure.ofUnits ?? [];
    const repeated = together.findIndex((id, i) => together.indexOf(id) !== i);
    if (repeated !== -1) {
      problems.push({ ...at(owner, ...sub, 'ofUnits', repeated), message: `names "${together[repeated]}" twice (fix: list each unit once)` });
      return;
    }
    if (ownerUnit === undefined || together.length === 0 || together.some((id) => !units.has(id))) return;
    if (together.includes(owner) || together.every((id) => ancestorsOf(units.get(id)!, units).includes(owner))) return;
    const common = commonAncestor(together.map((id) => units.get(id)!), units);
    problems.push({
      ...at(owner, ...sub, 'ofUnits'),
      message: `is stated on "${owner}", which is neither one of these units nor above all of them (fix: state the figure on ${common ? `their common parent "${common}"` : 'one of them'})`,
    });
  };
  for (const m of kb.data.municipalities) m.figures.forEach((figure, index) => check(m.id, ['figures', index], figure, undefined));
  for (const unit of kb.data.units) unit.figures.forEach((figure, index) => check(unit.id, ['figures', index], figure, unit));
  for (const role of kb.data.roles) if (role.teamSize) check(role.id, ['teamSize'], role.teamSize, undefined);
  return problems;
}

/** The vice-chair is not the chair, and the secretary is not the chair. */
function checkMeetingRoles(kb: KnowledgeBase, at: At): Problem[] {
  const problems: Problem[] = [];
  for (const meeting of kb.data.meetings) {
    if (meeting.chair === undefined) continue;
    if (meeting.viceChair === meeting.chair) {
      problems.push({ ...at(meeting.id, 'viceChair'), message: `"${meeting.chair}" is both chair and vice-chair (fix: the vice-chair (næstformand) is another role or person; correct one)` });
    }
    if (meeting.secretary === meeting.chair) {
      problems.push({ ...at(meeting.id, 'secretary'), message: `"${meeting.chair}" is both chair and secretary (fix: name who takes the minutes (referent), or remove secretary)` });
    }
  }
  return problems;
}

/** A hiring committee names or describes at least one member. */
function checkHiringCommittees(kb: KnowledgeBase, at: At): Problem[] {
  return kb.data.postings
    .filter((posting) => posting.hiringCommittee !== undefined && posting.hiringCommittee.members.length === 0 && (posting.hiringCommittee.otherMembers ?? []).length === 0)
    .map((posting) => ({
      ...at(posting.id, 'hiringCommittee'),
      message: 'names no member (fix: list the roles or people by id in "members", or describe them in "otherMembers")',
    }));
}

/** The units above a unit through `parent` (and its dated `parents`, any day), nearest first. */
function ancestorsOf(unit: Unit, units: ReadonlyMap<string, Unit>): string[] {
  const seen: string[] = [];
  let frontier = [unit];
  while (frontier.length > 0) {
    const next: Unit[] = [];
    for (const u of frontier) {
      for (const id of [u.parent, ...(u.parents ?? []).map((p) => p.ref)]) {
        if (id === undefined || seen.includes(id)) continue;
        seen.push(id);
        const above = units.get(id);
        if (above) next.push(above);
      }
    }
    frontier = next;
  }
  return seen;
}

/** The nearest unit above all of them, if any. */
function commonAncestor(list: readonly Unit[], units: ReadonlyMap<string, Unit>): string | undefined {
  const [first, ...rest] = list;
  if (!first) return undefined;
  return ancestorsOf(first, units).find((id) => rest.every((u) => ancestorsOf(u, units).includes(id)));
}

