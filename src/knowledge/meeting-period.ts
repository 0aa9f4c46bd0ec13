/**
 * The days a meeting can be held: its own validity, bounded by the period its source document says it
 * covers (an annual calendar for 2027 yields no meeting in 2028).
 */
import type { Document, Meeting } from './schemas.js';
import type { Dated } from './validity.js';

/** The meeting's period of validity within the period its source document covers (only the bounds that are set). */
export function meetingPeriod(meeting: Meeting, documents: ReadonlyMap<string, Document>): Dated {
  // (A period that ends before it begins bounds nothing: kb:check reports it.)
  const stated = documents.get(meeting.source.doc)?.covers;
  const covers = stated !== undefined && stated.validFrom <= stated.validUntil ? stated : undefined;
  const validFrom = latest(meeting.validFrom, covers?.validFrom);
  const validUntil = earliest(meeting.validUntil, covers?.validUntil);
  return { ...(validFrom !== undefined && { validFrom }), ...(validUntil !== undefined && { validUntil }) };
}

function latest(a: string | undefined, b: string | undefined): string | undefined {
  return a === undefined ? b : b === undefined || a >= b ? a : b;
}

function earliest(a: string | undefined, b: string | undefined): string | undefined {
  return a === undefined ? b : b === undefined || a <= b ? a : b;
}
