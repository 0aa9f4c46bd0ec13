/**
 * The units a person holds their posts in, as the data states them (`unit`, `posts[].unit`) on a day: what a question
 * asked through a person ("how many children in Mette's area", "who does the leader under Nord report to") uses for
 * a role shared by several units, instead of every unit of the role.
 */
import { holdingsOn, unitsLedByPerson } from '../../knowledge/holdings.js';
import type { Person } from '../../knowledge/schemas.js';
import type { Relations } from '../relations.js';
import { nameOf } from '../answer-context.js';
import { foldText } from '../normalize.js';
import type { RelationContext } from './context.js';

/** The units the data names for the person's posts held on the day (none when it names none). */
export function heldUnits(person: Person, day: string): string[] {
  return [...new Set(holdingsOn(person, day).flatMap((h) => (h.unit === undefined ? [] : [h.unit])))];
}

/** The units a person leads through one role they hold (at any time), narrowed to their own unit where the data gives one. */
export function unitsLedByRole(relations: Relations, person: Person, role: string): string[] {
  return unitsLedByPerson(person, (id) => relations.ledBy(id), undefined, role);
}

/** A person's title, with the units the data gives for their posts where the title does not name them ("områdeleder (Område Nord)"). */
export function titleWithUnits(rc: RelationContext, person: Person): string {
  const title = person.title[rc.u.lang];
  const units = heldUnits(person, rc.u.day ?? rc.today).filter((id) => {
    const entry = rc.kb.get(id);
    const names = entry?.kind === 'units' ? [entry.item.name, entry.item.labelEn, ...entry.item.names] : [];
    return !names.some((n) => foldText(title).includes(foldText(n)));
  });
  return units.length === 0 ? title : `${title} (${units.map((id) => nameOf(rc.kb, id, rc.u.lang)).join(', ')})`;
}
