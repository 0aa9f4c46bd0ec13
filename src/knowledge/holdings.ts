/**
 * What a person holds: their role (with the unit they hold it in, where one role is shared by several units),
 * their posts over time, acting posts, and leaves. Shared by the loader's checks and the answerers, so that a
 * question asked through a person ("how many children in Mette's area") uses the holder's own unit.
 */
import type { Leave, Person, Source } from './schemas.js';
import { holdsOn } from './validity.js';

/** One post a person holds for a period: a role, in a unit where the data says which. */
export interface Holding {
  readonly role: string;
  readonly unit?: string;
  readonly validFrom?: string;
  readonly validUntil?: string;
  /** True for a post held as acting (konstitueret). */
  readonly acting: boolean;
  readonly source: Source;
}

/** Every post of a person: `role`/`unit` (within the person's validity), then `posts`, then `actingAs`. */
export function holdingsOf(person: Person): Holding[] {
  const own: Holding[] = person.role
    ? [{ role: person.role, ...(person.unit !== undefined && { unit: person.unit }), ...period(person), acting: false, source: person.source }]
    : [];
  const posts = (person.posts ?? []).map((post) => ({
    role: post.role,
    ...(post.unit !== undefined && { unit: post.unit }),
    ...period(post),
    acting: false,
    source: post.source ?? person.source,
  }));
  const acting = (person.actingAs ?? []).map((entry) => ({ role: entry.role, ...period(entry), acting: true, source: entry.source ?? person.source }));
  return [...own, ...posts, ...acting];
}

/** The posts a person holds on a day (a day outside every period holds none of them). */
export function holdingsOn(person: Person, day: string): Holding[] {
  return holdingsOf(person).filter((holding) => holdsOn(holding, day));
}

/**
 * The units a person leads through a role on a day: the unit the data names for their holding of it, else every
 * unit the role leads (`ledByRole`: the relation from role to units). Undefined role: every post held that day.
 */
export function unitsLedByPerson(person: Person, ledByRole: (role: string) => readonly string[], day?: string, role?: string): string[] {
  const held = (day === undefined ? holdingsOf(person) : holdingsOn(person, day)).filter((h) => role === undefined || h.role === role);
  const units = held.flatMap((h) => {
    const led = ledByRole(h.role);
    if (h.unit === undefined) return [...led];
    // The unit of the holding, when the role leads it (or the role leads nothing the data names: the unit stands).
    return led.length === 0 || led.includes(h.unit) ? [h.unit] : [];
  });
  return [...new Set(units)];
}

/** True when the people who hold a role are told apart by their units (one holder per unit at least for some). */
export function holdsInUnit(person: Person, role: string, unit: string, day?: string): boolean {
  return (day === undefined ? holdingsOf(person) : holdingsOn(person, day)).some((h) => h.role === role && h.unit === unit);
}

/** The leave a person is on on a day, if any. */
export function leaveOn(person: Person, day: string): Leave | undefined {
  return (person.leaves ?? []).find((leave) => holdsOn(leave, day));
}

/** The leaves of a person that have not ended by a day (running or coming), in order. */
export function leavesFrom(person: Person, day: string): Leave[] {
  return (person.leaves ?? []).filter((leave) => leave.validUntil === undefined || leave.validUntil >= day).sort((a, b) => a.validFrom.localeCompare(b.validFrom));
}

function period(p: { readonly validFrom?: string | undefined; readonly validUntil?: string | undefined }): { validFrom?: string; validUntil?: string } {
  return { ...(p.validFrom !== undefined && { validFrom: p.validFrom }), ...(p.validUntil !== undefined && { validUntil: p.validUntil }) };
}
