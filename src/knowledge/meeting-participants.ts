/**
 * A meeting's participants as written: a plain id, or `{ ref, note, asNeeded }`.
 */
import type { Meeting, Participant } from './schemas.js';

/** Every participant of a meeting in one shape, in the order written. */
export function participantsOf(meeting: Pick<Meeting, 'participants'>): Participant[] {
  return meeting.participants.map((entry) => (typeof entry === 'string' ? { ref: entry, asNeeded: false } : entry));
}

/** The ids of a meeting's participants, in the order written. */
export function participantIds(meeting: Pick<Meeting, 'participants'>): string[] {
  return participantsOf(meeting).map((participant) => participant.ref);
}
