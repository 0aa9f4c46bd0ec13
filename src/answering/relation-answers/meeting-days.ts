/**
 * Which kinds of date a meeting's own days can answer. A meeting is held on days: asked when it starts ("when does the
 * meeting start") or when an event of it is, its days answer; a seminar, a period, an evaluation, a deadline or a step
 * of a job posting is no meeting day, and a question naming one asks for a dated item of that kind.
 */
import type { DateEntry } from '../../knowledge/schemas.js';
import { fitsDateKind } from '../understand.js';
import type { RelationContext } from './context.js';

/** Kinds of date a meeting's own day may be asked as. */
const MEETING_DAY_KINDS: ReadonlySet<DateEntry['kind']> = new Set(['start', 'event', 'other']);

/** The kinds of date the question names that no meeting day is. */
export function nonMeetingKindsAsked(rc: RelationContext): ReadonlySet<DateEntry['kind']> {
  return new Set([...rc.u.dateKinds].filter((k) => !MEETING_DAY_KINDS.has(k)));
}

/** True when the question names a kind of date no meeting day is, and `dates` hold one of that kind. */
export function asksOtherDatedKind(rc: RelationContext, dates: readonly DateEntry[]): boolean {
  const kinds = nonMeetingKindsAsked(rc);
  return kinds.size > 0 && dates.some((d) => fitsDateKind(kinds, d.kind));
}
