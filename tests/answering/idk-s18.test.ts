/**
 * The plain "I don't know" where the documents hold the answer, session 18 (batch A, written for this test on several
 * knowledge bases): a word that only colours the sentence (the lexicon's fillers: "actually", "egentlig", "really")
 * asks for nothing an answer must say, so the answer the documents give stays; one everyday word the documents never
 * use ("poured", "insist", "outside" for "outdoors") around a question whose other words one fact says is set aside;
 * a word the documents never use that is what is asked (a mayor, a price, a place they do not hold, a wifi password,
 * dogs, a camera) still gets "I don't know" and never the tempting fact. A one-word meeting name beside the place the
 * meeting is held gives the meeting's participants.
 */
import { describe, expect, it } from 'vitest';
import { saidBy, useBases } from '../helpers/answerers.js';

const NOW = new Date('2026-11-30T09:00:00Z');
const BASES = {
  havbjerg: 'tests/fixtures/kb-havbjerg',
  hjortsoe: 'tests/fixtures/kb-hjortsoe',
  lindholt: 'tests/fixtures/kb-lindholt',
  ravnsholt: 'tests/fixtures/kb-ravnsholt',
  ulvedal: 'tests/fixtures/kb-ulvedal',
  seed: 'data',
  solvang: 'tests/fixtures/kb-solvang',
  brinkeby: 'tests/fixtures/kb-brinkeby',
} as const;
type Base = keyof typeof BASES;

const { ask } = useBases(BASES, NOW);

describe('questions the documents answer, with a word that only colours the sentence: the answer stays', () => {
  it.each<[Base, string, RegExp]>([
    ['lindholt', 'is it ok for the kids to nap outdoors at minus 15', /minus 10/i],
    ['ulvedal', 'what does the pedagogue in charge of sleep actually do with new staff', /goes through the policy/i],
    ['ulvedal', 'hvor ofte skal man egentlig tjekke de mindste børn når de sover', /10\. minut/i],
    ['ulvedal', 'who attended the committee meeting on 11 november for the administration', /jørgen lykke bech/i],
    ['havbjerg', 'can we actually serve juice at lunch in havbjerg', /sugary drinks/i],
    ['havbjerg', 'hvor mange kager må der være om måneden til fødselsdage', /én kage/i],
    ['ravnsholt', 'who actually has to approve the meal plan in ravnsholt', /institution board/i],
  ])('%s: %s', (base, question, expected) => {
    const answer = ask(base, question);
    expect(answer.kind, question).toBe('answer');
    expect(saidBy(answer)).toMatch(expected);
  });
});

describe('a word the documents never use that is what is asked: still "I don\'t know", never the tempting fact', () => {
  it.each<[Base, string, RegExp]>([
    ['ulvedal', 'who is the mayor of ulvedal', /inhabitants|citizens/i],
    ['ulvedal', 'hvor mange børn går i børnehuset Solsikken', /\d+ børn/i],
    ['ravnsholt', 'hvad koster en frokost egentlig i ravnsholt', /frokost/i],
    ['havbjerg', 'how much does the lunch scheme actually cost per child', /lunch/i],
    ['lindholt', 'what is the wifi password in the kids houses', /.+/],
    ['seed', 'hvem er borgmester i ballerup', /distrikt/i],
  ])('%s: %s', (base, question, tempting) => {
    const answer = ask(base, question);
    expect(answer.kind, question).not.toBe('answer');
    expect(answer.sections.flatMap((s) => s.lines).join(' ')).not.toMatch(tempting);
  });
});

describe('a one-word name of a meeting beside the place it is held: the two names confirm each other, its participants answer', () => {
  it.each<[Base, string, RegExp, RegExp]>([
    ['seed', 'hvem sidder med til ledermøderne hver uge i stjernehuset', /vuggestue.*børnehave/i, /^Samarbejdet/],
    ['seed', 'who comes to the ledermøder in stjernehuset', /weekly leader meetings/i, /dual leadership/i],
    ['hjortsoe', 'hvem sidder med til driftsmøderne i kontoret', /enhedsleder/i, /^Holdes/],
    ['solvang', 'hvem deltager i SU i solvang småbørn', /kredsleder/i, /^Områdets/],
  ])('%s: %s', (base, question, participants, description) => {
    const answer = ask(base, question);
    expect(answer.kind, question).toBe('answer');
    expect(saidBy(answer)).toMatch(participants);
    expect(answer.headline).not.toMatch(description);
  });
});

describe('one everyday word the documents never use, around a question they answer in their own words: set aside', () => {
  it.each<[Base, string, RegExp]>([
    ['ulvedal', 'can the children sleep outside at minus 5', /minus 10/i],
    ['ulvedal', 'do staff wake a child under 3 when parents insist', /do not wake/i],
    ['ravnsholt', 'are sugary drinks ever poured at lunch', /no sugary drinks/i],
    ['havbjerg', 'are sugary drinks ever poured at lunch', /no sugary drinks/i],
  ])('%s: %s', (base, question, expected) => {
    const answer = ask(base, question);
    expect(answer.kind, question).toBe('answer');
    expect(saidBy(answer)).toMatch(expected);
  });

  it.each<[Base, string, RegExp]>([
    ['lindholt', 'can parents bring their dogs to the children\'s houses', /.+/],
    ['ulvedal', 'can the kids sleep outside in a hammock', /outdoors/i],
    ['havbjerg', 'is the daily lunch served on paper plates', /lunch/i],
    ['brinkeby', 'are sleeping children checked by camera', /10 minutes/i],
  ])('%s: %s is no answer: the word is what is asked', (base, question, tempting) => {
    const answer = ask(base, question);
    expect(answer.kind, question).not.toBe('answer');
    expect(answer.sections.flatMap((s) => s.lines).join(' ')).not.toMatch(tempting);
  });
});
