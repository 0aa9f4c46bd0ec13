/**
 * Refusals where the documents hold the answer (session 17): each case asks a relation of my area in words the
 * answerers first refused, on several knowledge bases, and states the core fact; the cases beside them check that the
 * relaxation answers no question the documents cannot answer. "~" starts a regular expression.
 */
import { describe, it } from 'vitest';
import { KB_DIRS, phrasedCaseCheck, type PhrasedCase } from '../helpers/answerers.js';

const NOW = new Date('2026-11-30T09:00:00Z');
/** The shared map and the fresh municipality of this session. */
const DIRS = { ...KB_DIRS, brk: 'tests/fixtures/kb-brinkeby' } as const;
type Kb = keyof typeof DIRS;
type Case = PhrasedCase & { readonly kb: Kb };

const check = phrasedCaseCheck(DIRS, NOW);

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

/** A compound the documents know only as parts, said by one line of the answer in other words ("fem års erfaring som leder"). */
const COMPOUNDS_IN_OTHER_WORDS: Case[] = [
  { kb: 'hjs', q: 'hvor mange års ledererfaring kræver de til teamchef i midt', must: ['~fem års erfaring som leder'] },
  { kb: 'slv', q: 'hvor mange års erfaring kræves som huschef', must: ['~tre års ledelseserfaring'] },
  // Parts the answer does not say in one line stay unexplained: no answer from another post's terms.
  { kb: 'bkk', q: 'hvor mange års ledererfaring skal børnehuslederen i kløverengen have', kind: 'unknown', must: [] },
];

/** A policy that applies to the thing the question names (by its unit above, or the post leading it) answers for it. */
const POLICY_FOR_NAMED_THING: Case[] = [
  { kb: 'hbj', q: 'må vi servere saftevand til frokost i ræven', must: ['sukkerholdig'] },
  { kb: 'hbj', q: 'can we serve juice at lunch in rævehøj', must: ['sugary'] },
  { kb: 'hbj', q: 'how often do the health visitors go through our meal plan', must: ['every other year'] },
  // A policy that applies elsewhere only is no answer for the thing named.
  { kb: 'hbj', q: 'må man servere kage i sundhedsplejen', kind: 'unknown', must: [] },
];

describe('compounds said in other words, policies for the thing named (session 17)', () => {
  it.each(COMPOUNDS_IN_OTHER_WORDS)('$kb: $q', check);
  it.each(POLICY_FOR_NAMED_THING)('$kb: $q', check);
});

/** A number before a word of a rate ("28.000 kr. om året", "30,000 a year") counts no years: no such fact for "how many years". */
const RATES_ARE_NO_COUNTS: Case[] = [
  // (The posting states the years of experience itself, session 19: that statement answers, never the allowance "a year".)
  { kb: 'lht', q: 'how many years of experience do they want for the assistant head job', must: ['three years'], not: ['a year'] },
  { kb: 'uvd', q: 'how many years of experience must the new viceleder have', kind: 'unknown', must: [], not: ['a year'] },
  { kb: 'lht', q: 'hvor mange års erfaring skal den assisterende universleder have', kind: 'unknown', must: [], not: ['om året'] },
];

describe('rates are no counts (session 17)', () => {
  it.each(RATES_ARE_NO_COUNTS)('$kb: $q', check);
});

/** A "when" that opens a clause after "what"/"which" asks no date; "cover" asks a topic, not a period. */
const CLAUSE_WHEN_AND_TOPICS: Case[] = [
  { kb: 'hjs', q: 'what happens when a child moves from nursery to kindergarten', must: ['~handover'] },
  { kb: 'hjs', q: 'hvad sker der når et barn skifter fra vuggestue til børnehave', must: ['overleveringsmøde'] },
  { kb: 'hjs', q: 'which guideline covers moving from nursery to kindergarten', must: ['~handover|transitions'] },
  { kb: 'other', q: 'which years does the learning strategy cover', must: ['2025-2028'] },
  { kb: 'other', q: 'what period does the learning strategy cover', must: ['2025-2028'] },
  // "when" with no other word that asks still asks when.
  { kb: 'lht', q: 'when does the sleep policy apply from', must: ['~1 january 2027'] },
];

describe('clause "when" and policy topics (session 17)', () => {
  it.each(CLAUSE_WHEN_AND_TOPICS)('$kb: $q', check);
});

/** A count asked of a programme (no figures of its own) is answered by its statement giving that number of the thing. */
const COUNTS_IN_STATEMENTS: Case[] = [
  { kb: 'uvd', q: 'how many kids per group in læsekrogen', must: ['~at most 4 children'] },
  { kb: 'uvd', q: 'hvor mange børn er der i hver gruppe i læsekrogen', must: ['højst 4 børn'] },
  // A group's size is no count of everyone using it, and a word the statement does not say asks another number.
  { kb: 'slv', q: 'how many children use legeløftet', kind: 'unknown', must: [], not: ['4-6'] },
  { kb: 'uvd', q: 'hvor mange børn er der i læsekrogen ad gangen', kind: 'unknown', must: [], not: ['højst 4'] },
];

describe('counts in a programme statement (session 17)', () => {
  it.each(COUNTS_IN_STATEMENTS)('$kb: $q', check);
});

/** A unit's own statement of its phone or e-mail answers a contact asked of the unit, before its leader's number. */
const UNIT_CONTACT_STATEMENTS: Case[] = [
  { kb: 'brk', q: 'tlf til dagtilbudssekretariatet', must: ['#55123480'], not: ['#55123481'] },
  { kb: 'brk', q: 'how do i reach the secretariat about a place for a child', must: ['#55123480', 'sekretariatet@brinkeby.dk'] },
  { kb: 'brk', q: 'hvad er mailadressen til sekretariatet', must: ['sekretariatet@brinkeby.dk'] },
  // A unit with no such statement: its leader's number, as before.
  { kb: 'other', q: 'hvad er telefonnummeret til område nord', must: [], not: ['kontakt for'] },
];

describe('a unit’s own contact statement (session 17)', () => {
  it.each(UNIT_CONTACT_STATEMENTS)('$kb: $q', check);
});

/** A word for a kind of place after an indefinite article ("i et børnehus") names no place: who sees to a policy is asked. */
const POLICY_DUTY_IN_ANY_PLACE: Case[] = [
  { kb: 'brk', q: 'hvem har ansvaret for at søvnretningslinjen følges i et børnehus', must: ['pædagogisk leder'], not: ['gælder for alle'] },
  { kb: 'brk', q: 'gælder søvnretningslinjen for børnehusene', must: ['børnehuse'] },
  { kb: 'lht', q: 'hvem skal sørge for at retningslinjen for vikarbrug bliver fulgt i et univers', must: ['universleder'] },
];

describe('a policy duty asked of any place of a kind (session 17)', () => {
  it.each(POLICY_DUTY_IN_ANY_PLACE)('$kb: $q', check);
});
