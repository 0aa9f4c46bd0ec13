/**
 * Session 18: a body (a leadership group or a meeting with members or participants) asked about in words of its own
 * names rather than by one of them ("the network for the PFLs", "the coordinators network"): the one body whose names
 * say every content word of the question answers with its members; one word, or words several bodies say, name none.
 */
import { describe, it } from 'vitest';
import { KB_DIRS, phrasedCaseCheck, type PhrasedCase } from '../helpers/answerers.js';

const NOW = new Date('2026-11-30T09:00:00Z');
type Kb = keyof typeof KB_DIRS;
type Case = PhrasedCase & { readonly kb: Kb };

const check = phrasedCaseCheck(KB_DIRS, NOW);

const BODIES_BY_THEIR_WORDS: Case[] = [
  { kb: 'slv', q: 'who goes to the network for the pfls', must: ['faglighedsnetværket', 'småbørnskonsulent'] },
  { kb: 'slv', q: 'who takes part in the pfl network', must: ['faglighedsnetværket'] },
  { kb: 'rvs', q: 'who goes to the coordinators network', must: ['sprogvejleder'], not: ['first monday'] },
  { kb: 'hjs', q: 'who takes part in the team operations meeting', must: ['enhedsleder'] },
  // One word names no body: many names say "leaders".
  { kb: 'rvs', q: 'who is on the all leaders forum', must: [], not: ['fællesledermøde'], kind: 'unknown' },
];

describe('a body named by words of its own names', () => it.each(BODIES_BY_THEIR_WORDS)('$kb: $q', check));
