/**
 * The floor and the fallback under paraphrase, session 17 (batch A, written for this test): questions the documents
 * answer, asked in other words on several knowledge bases (a unit's house name for a municipality's policy, a short
 * alias of a post, a preposition of a verb phrase, 'go through', a compound of known parts whose head the answer says,
 * a clipped word, "physios"), keep their answer; near misses (an attribute no count is, a count placed in a unit the
 * answer does not count, a place or post the documents do not hold) get "I don't know" and never the tempting fact.
 */
import { describe, expect, it } from 'vitest';
import { type Answer } from '../../src/answering/index.js';
import { saidBy, useBases } from '../helpers/answerers.js';

const NOW = new Date('2026-11-30T09:00:00Z');
const BASES = {
  havbjerg: 'tests/fixtures/kb-havbjerg',
  hjortsoe: 'tests/fixtures/kb-hjortsoe',
  lindholt: 'tests/fixtures/kb-lindholt',
  ravnsholt: 'tests/fixtures/kb-ravnsholt',
  solvang: 'tests/fixtures/kb-solvang',
  ulvedal: 'tests/fixtures/kb-ulvedal',
  seed: 'data',
  bakkekaer: 'tests/fixtures/kb-bakkekaer',
  egeskov: 'tests/fixtures/kb-egeskov',
  hvidmose: 'tests/fixtures/kb-hvidmose',
  fjordby: 'tests/fixtures/kb-other',
} as const;
type Base = keyof typeof BASES;

const { ask } = useBases(BASES, NOW);
/** What the answer says, without the questions it suggests. */
const said = (answer: Answer) => saidBy(answer);

describe('questions the documents answer, in other words: the answer stays', () => {
  it.each<[Base, string, RegExp]>([
    ['lindholt', 'hvad går ordbroen ud på', /tosprogede|bilingual/i],
    ['lindholt', "hvis universlederen er langtidssygemeldt, hvem refererer aul'en så til", /sektionschef|ulla kragelund/i],
    ['lindholt', 'hvor mange står på ventelisten til vuggestuepladser pr 1. november 2026', /\b22\b/i],
    ['lindholt', "what's the deadline for budget wishes for 2028?", /12 march 2027|12\. marts 2027/i],
    ['lindholt', 'hvornår slutter dorte bjerregaard linds orlov', /31\. maj 2027|31 may 2027/i],
    ['lindholt', 'hvem er korpslederens chef i dag', /kvalitetschef|nikolaj vester hald/i],
    ['lindholt', 'hvornår skal man søge aul-stillingen senest', /15\. januar 2027|15 january 2027/i],
    ['lindholt', 'who voted against the merger', /lindholt lokalliste/i],
    ['hjortsoe', 'hvor mange børn var der i børnecentrene den 1. oktober 2026', /1[.,]?236/i],
    ['hjortsoe', 'when are the LUS talks with the unit leaders held', /1 march|1\. marts/i],
    ['hjortsoe', 'hvem er formand for lederkollegiet', /pernille skau andersen|kontorchef/i],
    ['hjortsoe', 'hvor holder lederkollegiet sine møder', /bibliotek|library/i],
    ['hjortsoe', 'which team does hasselbo belong to', /øst|east/i],
    ['hjortsoe', 'hvornår tiltræder den nye teamchef i team midt', /1\. april 2027|1 april 2027/i],
    ['hjortsoe', 'hvilken frist har børnecentrene for at udpege digitale ambassadører', /1\. juni 2027|1 june 2027/i],
    ['solvang', 'hvem er børneområdechefens nærmeste leder', /henriette lykke dahl|direktør/i],
    ['solvang', 'hvad er birgitte ravn holms telefonnummer', /72 ?41 ?30 ?18/i],
    ['solvang', 'hvad er et bevægelsesbaand', /30 min/i],
    ['solvang', 'senest hvornår skal hvert hus have en uddannet bevægelsesvejleder', /1\. juli 2028|1 july 2028/i],
    ['ulvedal', 'hvad var sygefraværet i fada i 3. kvartal 2026', /5[,.]4/i],
    ['ulvedal', 'what is udespiren', /udeliv|outdoor/i],
    ['ulvedal', 'hvornår skal vi være tilmeldt lederstævnet 2027', /27\. august 2027|27 august 2027/i],
    ['ulvedal', 'who covers for louise hedegaard friis', /amina/i],
    ['ravnsholt', 'who advises on food and allergies under the food policy', /børnesundhed|child health/i],
    ['ravnsholt', 'må vi give saftevand til frokosten efter madpolitikken', /sukkerholdig/i],
    ['ravnsholt', 'how long does the policy on food and table culture apply', /2030/i],
    ['havbjerg', 'how many institutions does enhed strand have today', /\b6\b|six/i],
    ['havbjerg', 'hvem er den ledende pædagog i børnegården rævehøj', /camilla krog hansen/i],
    ['havbjerg', 'which policies apply to the daily leaders', /meal|måltid/i],
    ['havbjerg', 'hvad siger madpolitikken at sundhedsplejen skal gøre', /hvert andet år|every other year/i],
    ['hjortsoe', 'can the nursery kids use screens under the new policy', /under (3|three)/i],
    ['lindholt', 'hvor mange fysioterapeuter er der i støttekorpset', /\b2\b|\bto\b/i],
    ['lindholt', 'hvor mange fysioter har støttekorpset', /\b2\b|\bto\b/i],
  ])('%s: "%s"', (base, question, fact) => {
    const answer = ask(base, question);
    expect(answer.kind, said(answer)).not.toBe('unknown');
    expect(said(answer)).toMatch(fact);
  });
});

describe('near misses the documents cannot answer: "I don\'t know", no fact', () => {
  it.each<[Base, string]>([
    ['lindholt', 'how many kids go to lyngtoppen'],
    ['hjortsoe', 'hvor mange viceledere har team vest'],
    ['hjortsoe', "what's the application deadline for a deputy leader job in hasselbo"],
    ['ravnsholt', "when is the sector management's christmas party"],
    ['havbjerg', 'how many educators must there be in sandflugten'],
    ['havbjerg', 'hvem er skolelægen i enhed strand'],
    ['solvang', 'hvad er sygefraværet i børnehuset kastanjen'],
    ['ulvedal', 'who is the union rep in børnelandsby nørreled'],
    ['ravnsholt', 'må vi servere saftevand i en anden kommunes børnehus'],
    ['lindholt', 'hvor stor er lønnen for en universleder'],
  ])('%s: "%s"', (base, question) => {
    const answer = ask(base, question);
    expect(answer.kind, said(answer)).toBe('unknown');
  });
});

describe('batch B (written after the first fixes, on other knowledge bases): answerable in other words', () => {
  it.each<[Base, string, RegExp]>([
    ['seed', 'i hvor mange funktionsgrupper er PUT-konsulenterne delt op', /\b3\b|\btre\b|three/i],
    ['seed', 'hvor ofte samles ledelsesteamet i baltorp', /jævnligt|regularly/i],
    ['seed', 'what does the head of the staff unit take care of, in short', /kapacitetsstyring|capacity management|projektledelse|project management|økonomistyring|financ/i],
    ['seed', 'which competence development programmes do the htk day cares use', /nest|icdp/i],
    ['seed', 'hvem er distriktsleder for baltorp', /helle kristensen/i],
    ['seed', 'hvad er løn- og ansættelsesvilkårene for jobbet som pædagogisk leder i stjernehuset', /overenskomst/i],
    ['fjordby', 'how often do the institution leaders meet with the director', /month/i],
    ['fjordby', 'what are the terms of pay for the post in mågen', /overenskomst|collective agreement/i],
    ['fjordby', 'hvad står BLIK for', /børns læring i kontekst/i],
    ['fjordby', 'who is the area leader for nord', /mette kjærgaard holm/i],
    ['bakkekaer', 'how big is the budget of the early years area in 2027', /412[,.]5/i],
    ['bakkekaer', 'hvor mange børn er der i børnehuset kløverengen', /\b84\b/i],
    ['bakkekaer', 'how many modules does lederspor have', /two|2 modul|to modul/i],
    ['bakkekaer', 'hvad er henrik saxtorps titel', /børne- og familiedirektør|director of children/i],
    ['hvidmose', 'hvem leder dagplejen i hvidmose', /dagplejeleder|head of childminding/i],
    ['hvidmose', 'hvis husleder er væk i tre dage, hvem leder så huset', /souschef|deputy/i],
    ['hvidmose', 'when is the kvartermøde in november 2027', /10 november|24 november/i],
    ['hvidmose', 'hvem er dagplejelederens chef i december 2026', /børnechef|head of children/i],
  ])('%s: "%s"', (base, question, fact) => {
    const answer = ask(base, question);
    expect(answer.kind, said(answer)).not.toBe('unknown');
    expect(said(answer)).toMatch(fact);
  });
});

describe('batch B: near misses (another attribute, a unit or post the documents do not hold)', () => {
  it.each<[Base, string]>([
    ['bakkekaer', 'hvad koster en vuggestueplads i bakkekær'],
    ['bakkekaer', 'hvor mange børn går i børnehuset solsikken'],
    ['bakkekaer', 'hvad tjener småbørnschefen'],
    ['hvidmose', 'hvor stor er souschefens løn'],
    ['hvidmose', "how many children attend myretuen's nursery on saturdays"],
    ['fjordby', 'who is the union rep in børnehuset mågen'],
    ['fjordby', 'what is the sick leave in område syd'],
    ['seed', 'hvem er skolelæge i distrikt baltorp'],
    ['seed', 'how old is the district leader in baltorp'],
    ['egeskov', 'hvad er åbningstiden i distrikt bakken'],
    ['egeskov', 'hvor mange pædagoger er der i distrikt engen'],
  ])('%s: "%s"', (base, question) => {
    const answer = ask(base, question);
    expect(answer.kind, said(answer)).toBe('unknown');
  });
});
