/**
 * Meetings by who takes part in them and by the words of their names, built once per knowledge base (with the
 * answerer, `prepare.ts`): a question that names a group or a participant looks its meetings up instead of testing
 * every meeting (1,500 at 100x, each named group linked in every municipality).
 */
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { participantsOf } from '../knowledge/meeting-participants.js';
import { namesOf } from './facts.js';
import { tokenize } from './normalize.js';

/** The meetings of a knowledge base by what a question can name. Each list is in the knowledge base's order. */
export interface MeetingIndex {
  /** Each meeting's place in the knowledge base's order. */
  readonly order: ReadonlyMap<string, number>;
  /** The meetings whose one body taking part (a leadership group or unit, not only as needed) is the key. */
  readonly bySoleBody: ReadonlyMap<string, readonly string[]>;
  /** The meetings by every run of consecutive words of one of their names, the words joined by a space. */
  readonly byNameWords: ReadonlyMap<string, readonly string[]>;
  /** The meetings a known item takes part in (as needed or not) or chairs. */
  readonly byTakingPart: ReadonlyMap<string, readonly string[]>;
  /** The meetings a known item takes part in, not only as needed. */
  readonly byRegular: ReadonlyMap<string, readonly string[]>;
}

const INDEXES = new WeakMap<KnowledgeBase, MeetingIndex>();

/** The meeting index of a knowledge base, built on first use. */
export function meetingIndexOf(kb: KnowledgeBase): MeetingIndex {
  let index = INDEXES.get(kb);
  if (index) return index;
  const order = new Map<string, number>();
  const bySoleBody = new Map<string, string[]>();
  const byNameWords = new Map<string, string[]>();
  const byTakingPart = new Map<string, string[]>();
  const byRegular = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, key: string, id: string) => {
    const list = map.get(key);
    if (!list) map.set(key, [id]);
    else if (list.at(-1) !== id) list.push(id);
  };
  kb.data.meetings.forEach((meeting, i) => {
    order.set(meeting.id, i);
    // (Only participants the knowledge base knows, as `KnowledgeQueries.participantsOf` gives them.)
    const known = participantsOf(meeting).filter((p) => kb.get(p.ref) !== undefined);
    const bodies = known.filter((p) => {
      const kind = kb.get(p.ref)!.kind;
      return !p.asNeeded && (kind === 'leadershipGroups' || kind === 'units');
    });
    if (bodies.length === 1) add(bySoleBody, bodies[0]!.ref, meeting.id);
    if (meeting.chair !== undefined) add(byTakingPart, meeting.chair, meeting.id);
    for (const p of known) {
      add(byTakingPart, p.ref, meeting.id);
      if (!p.asNeeded) add(byRegular, p.ref, meeting.id);
    }
    const entry = kb.get(meeting.id);
    for (const name of entry ? namesOf(entry) : []) {
      const words = tokenize(name);
      for (let start = 0; start < words.length; start++) {
        for (let end = start + 1; end <= words.length; end++) add(byNameWords, words.slice(start, end).join(' '), meeting.id);
      }
    }
  });
  index = { order, bySoleBody, byNameWords, byTakingPart, byRegular };
  INDEXES.set(kb, index);
  return index;
}

/** The ids of several lists in the knowledge base's order, each once. */
export function inMeetingOrder(index: MeetingIndex, lists: ReadonlyArray<readonly string[] | undefined>): string[] {
  const ids = new Set<string>();
  for (const list of lists) for (const id of list ?? []) ids.add(id);
  return [...ids].sort((a, b) => index.order.get(a)! - index.order.get(b)!);
}
