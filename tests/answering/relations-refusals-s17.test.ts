/**
 * Refusals where the documents hold the answer (session 17): each case asks a relation of my area in words the
 * answerers first refused, on several knowledge bases, and states the core fact; the cases beside them check that the
 * relaxation answers no question the documents cannot answer. "~" starts a regular expression.
 */
import { describe, it } from 'vitest';
import { KB_DIRS, phrasedCaseCheck, type PhrasedCase } from '../helpers/answerers.js';

const NOW = new Date('2026-11-30T09:00:00Z');
type Kb = keyof typeof KB_DIRS;
type Case = PhrasedCase & { readonly kb: Kb };

const check = phrasedCaseCheck(KB_DIRS, NOW);

/** A meeting without a chair in the data, led by a post whose own task says it leads it ("Leder områdeforum."). */
const CHAIRS_BY_TASK: Case[] = [
  { kb: 'bkk', q: 'hvem leder områdeforum', must: ['områdechef'] },
  { kb: 'bkk', q: 'who leads the area forum', must: ['~head of area|områdechef'] },
  { kb: 'bkk', q: 'hvem leder områdeforum i øst', must: ['kasper thorhauge'], not: ['birgitte lundsgaard friis'] },
  // The same verb as a noun ("ledere", "leader") or a statement that only mentions the meeting says no who.
  { kb: 'seed', q: 'hvem leder økonomiopfølgning', kind: 'unknown', must: [], not: ['distriktsleder leder'] },
  { kb: 'seed', q: 'who leads the weekly leader meetings in Stjernehuset', kind: 'unknown', must: [], not: ['pedagogical leader of the nursery'] },
  { kb: 'seed', q: 'hvem leder sparringsmøder', kind: 'unknown', must: [], not: ['pædagogisk leder leder'] },
];

describe('relation refusals where the documents hold the answer (session 17)', () => {
  it.each(CHAIRS_BY_TASK)('$kb: $q', check);
});
