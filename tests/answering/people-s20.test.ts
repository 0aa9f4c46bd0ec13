/**
 * Session 20, people: a member listed with days that do not cover the day asked is no member then (and a listing names
 * such days); a short first name links its person ("Kims chef", "Bos telefonnummer"); a vice-chair the data holds only
 * in a described participant's words; a month asked names no change of boss after it.
 */
import { describe, it } from 'vitest';
import { phrasedCaseCheck, type PhrasedCase } from '../helpers/answerers.js';

const NOW = new Date('2026-11-30T09:00:00Z');
const DIRS = {
  brk: 'tests/fixtures/kb-brinkeby',
  hjs: 'tests/fixtures/kb-hjortsoe',
  tor: 'tests/fixtures/kb-tornhoej',
} as const;
type Case = PhrasedCase & { readonly kb: keyof typeof DIRS };

const check = phrasedCaseCheck(DIRS, NOW);

const DATED_MEMBERS: Case[] = [
  // The post joins on 1 February 2027: in January it is not yet a member.
  { kb: 'brk', q: 'er teamlederen for pu med i dagtilbudsledelsen i januar 2027', must: ['nej', '1. februar 2027'], not: ['ja.'] },
  { kb: 'brk', q: 'hvem sidder i dagtilbudsledelsen', must: ['teamleder for pædagogisk udvikling (fra 1. februar 2027)', 'dagplejeleder (fra 1. april 2027)'] },
];

const SHORT_FIRST_NAMES: Case[] = [
  { kb: 'hjs', q: 'hvem er kims chef', must: ['kontorchef'] },
  { kb: 'tor', q: 'hvad er bos telefonnummer', must: ['bo stenderup'], not: ['tlf.'], kind: 'unknown' },
];

const OFFICES_AND_PERIODS: Case[] = [
  { kb: 'tor', q: 'hvem er næstformand i tå-med', must: ['fællestillidsrepræsentant'] },
  { kb: 'tor', q: 'hvem refererer dagplejecentrallederen til i januar 2027', must: ['rasmus kjærsgaard bay'], not: ['karin damsgaard'] },
];

describe('members with dates', () => it.each(DATED_MEMBERS)('$kb: $q', check));
describe('short first names', () => it.each(SHORT_FIRST_NAMES)('$kb: $q', check));
describe('offices and periods', () => it.each(OFFICES_AND_PERIODS)('$kb: $q', check));
