/**
 * Robustness of figure questions, session 17 (batch A; batch B written after the first fixes): questions written for
 * this test (not taken from the question bank) on seven knowledge bases. They name a figure in words its own text
 * writes as one compound ("venteliste til vuggestue" for "venteliste til en vuggestueplads", "venter på" for
 * "venteliste"), ask how big a thing is with an adjective ("hvor lang er ventelisten", "how long is the waiting list",
 * which a "when" reading must not take), and say "now" in everyday words ("at the moment", "i øjeblikket"). Every
 * expected number is read from the knowledge base's figures; the tempting wrong figure must not be the answer; a figure
 * the documents do not give stays "I don't know".
 */
import { describe } from 'vitest';
import { run } from '../helpers/figure-cases.js';

describe('batch A: a qualifier the figure writes inside a compound', () => {
  run([
    { kb: 'uvd', q: 'hvor mange børn er der på venteliste til vuggestue i ulvedal', want: [['uvd-fada', 'other', 'venteliste']], not: [['uvd-fada', 'children']] },
    { kb: 'uvd', q: 'hvor mange børn stod på venteliste til vuggestue pr 1 november 2026', want: [['uvd-fada', 'other', 'venteliste']] },
    { kb: 'lht', q: 'hvor mange børn venter på vuggestue', want: [['lht-sekdag', 'other', 'venteliste']], not: [['lht-sekdag', 'children']] },
    { kb: 'hjs', q: 'hvor mange børn venter på plads i øjeblikket', want: [['hjs-dtk', 'other', 'venter']] },
    { kb: 'hbj', q: 'hvor mange børn venter på en plads', want: [['hbj-ds', 'other', '64']], not: [['hbj-ds', 'children']] },
    // No such waiting list: the nursery one is no answer.
    { kb: 'uvd', q: 'hvor mange børn står på venteliste til børnehave', unknown: true, not: [['uvd-fada', 'other', 'venteliste'], ['uvd-fada', 'children']] },
    // A word of the place named again is no qualifier read inside a compound ("dagplejen" in "dagplejekonsulenter").
    { kb: 'rvs', q: 'how many childminders and consultants does dagplejen have', want: [['rvs-dagplejen', 'employees'], ['rvs-dagplejen', 'consultants']] },
    { kb: 'hvm', q: 'hvor mange ledere har børnechefen nu', want: [['hvm-dagtilbud', 'leaders']], not: [['hvm-dagtilbud', 'deputies', '9 af']] },
  ]);
});

describe('batch A: how big, asked with an adjective', () => {
  run([
    { kb: 'hbj', q: 'how long is the waiting list at the moment', want: [['hbj-ds', 'other', '64']] },
    { kb: 'hbj', q: 'hvor lang er ventelisten nu', want: [['hbj-ds', 'other', '64']] },
    { kb: 'rvs', q: 'how long is the waiting list', want: [['rvs-bd', 'other', '71']] },
    { kb: 'lht', q: 'how long is the waiting list for nursery places', want: [['lht-sekdag', 'other', 'venteliste']] },
    { kb: 'slv', q: 'hvor lang er ventelisten i dag', want: [['slv-ssb', 'other', '48']] },
    { kb: 'slv', q: 'hvor højt er sygefraværet for øjeblikket', want: [['slv-ssb', 'absence']] },
  ]);
});

// (Today's figure answers; the coming one may follow in a line of its own.)
describe('batch A: "now" in everyday words', () => {
  run([
    { kb: 'hbj', q: 'how many kids are on the waiting list at the moment', want: [['hbj-ds', 'other', '64']] },
    { kb: 'rvs', q: 'hvor mange institutioner har kysten for øjeblikket', want: [['rvs-faellesledelse-kysten', 'institutions', '7 ']] },
    { kb: 'hjs', q: 'how many children\'s centres does team øst have as things stand', want: [['hjs-team-oest', 'institutions', '8 ']] },
    { kb: 'hvm', q: 'hvor mange børnehuse har en souschef pr dags dato', want: [['hvm-dagtilbud', 'deputies', '9 af']] },
  ]);
});

describe('batch A: a figure asked of a unit whose own figure holds from a coming day, or by its size', () => {
  run([
    // The day and year of a date count nothing: "18 institutioner ... fra 1. august 2027, når Børnegården Sandflugten åbner".
    { kb: 'hbj', q: 'hvor stor er sandflugten', want: [['hbj-sandflugten', 'children']], not: [['hbj-ds', 'institutions', '18 ']] },
    { kb: 'rvs', q: 'hvor stor bliver ravneklit', want: [['rvs-ravneklit', 'children']], not: [['rvs-bd', 'institutions', '20 ']] },
    { kb: 'bkk', q: 'hvor stor er kløverengen', want: [['bkk-kloeverengen', 'children'], ['bkk-kloeverengen', 'employees']] },
  ]);
});

describe('batch A: money in everyday words, and a figure of several units together', () => {
  run([
    { kb: 'bkk', q: 'hvad koster småbørnsområdet', want: [['bkk-smaaboernsafdelingen', 'amount']] },
    { kb: 'bkk', q: 'what does the early years department cost', want: [['bkk-smaaboernsafdelingen', 'amount']] },
    { kb: 'hjs', q: 'hvad koster team midt', want: [['hjs-team-midt', 'amount']], not: [['hjs-dtk', 'amount']] },
    // No such amount: the budget is no price of a place.
    { kb: 'bkk', q: 'hvad koster en vuggestueplads', unknown: true, not: [['bkk-smaaboernsafdelingen', 'amount']] },
    { kb: 'bkk', q: 'how much does a place in dagplejen cost', unknown: true, not: [['bkk-smaaboernsafdelingen', 'amount']] },
    { kb: 'hjs', q: 'hvor mange kroner får bøgely og hasselbo til legeplads', want: [['hjs-dtk', 'amount']] },
    { kb: 'hjs', q: 'hvor mange penge får bøgely og hasselbo', want: [['hjs-dtk', 'amount']] },
    { kb: 'hjs', q: 'hvor mange penge er der afsat til legepladser', want: [['hjs-dtk', 'amount']] },
    { kb: 'slv', q: 'hvor mange børn har bakken og skoven', want: [['slv-ssb', 'children', 'tilsammen']] },
    // One of the units alone: the figure of both is no figure of it.
    { kb: 'hjs', q: 'hvor mange penge får hasselbo', unknown: true, not: [['hjs-dtk', 'amount']] },
  ]);
});

// Batch B, written after the fixes above on other phrasings (a polite opener, ASCII, genitives, "hvert", English with
// Danish names, a month, "next year", a quarter in words): 27 of 30 on arrival; the three it showed are fixed by class
// (a quarter named by an ordinal word; an abbreviation's plural; a count of a kind of unit now and after a merger).
describe('batch B', () => {
  run([
    { kb: 'seed', q: 'hej, kan du sige hvor mange medarbejdere der er på dagtilbudsområdet i htk', want: [['htk-dagtilbudsomraadet', 'employees']] },
    { kb: 'seed', q: 'baltorps børnetal?', want: [['bal-distrikt-baltorp', 'children']] },
    { kb: 'seed', q: 'how many staff does distrikt baltorp employ and how many kids', want: [['bal-distrikt-baltorp', 'employees'], ['bal-distrikt-baltorp', 'children']] },
    { kb: 'fjb', q: 'hvor mange dagtilbud har område nord og område syd tilsammen', want: [['fjb-omraade-nord', 'facilities'], ['fjb-omraade-syd', 'facilities'], ['fjb-center-for-dagtilbud', 'facilities']] },
    { kb: 'fjb', q: 'hvor mange børn er der i aalekisten', want: [['fjb-aalekisten', 'children']] },
    { kb: 'bkk', q: 'hvor mange boern gaar i omraade oest', want: [['bkk-omraade-oest', 'children']], not: [['bkk-omraade-vest', 'children']] },
    { kb: 'bkk', q: 'how many childminders does bakkekær have', want: [['bkk-dagplejen', 'members']] },
    { kb: 'bkk', q: 'sygefravaer i smaaboernsafdelingen?', want: [['bkk-smaaboernsafdelingen', 'absence']] },
    { kb: 'bkk', q: 'how many houses does område øst have, and how many children', want: [['bkk-omraade-oest', 'houses'], ['bkk-omraade-oest', 'children']] },
    { kb: 'hvm', q: 'hvor mange børnehuse kommer hvert kvarter til at have', want: [['hvm-kvarter-aaen', 'houses'], ['hvm-kvarter-skoven', 'houses']] },
    { kb: 'hvm', q: 'how many childminders are there in hvidmose dagpleje as of november 2026', want: [['hvm-dagplejen', 'employees']] },
    { kb: 'hvm', q: 'hvor mange souschefer kommer der til at være fra august næste år', want: [['hvm-dagtilbud', 'deputies', '13 af']] },
    { kb: 'slv', q: 'antal dagplejere i solvang', want: [['slv-dagplejen', 'employees']] },
    { kb: 'slv', q: 'hvad var sygefraværet i tredje kvartal', want: [['slv-ssb', 'absence']] },
    { kb: 'lht', q: 'sygefravær i tredje kvartal?', want: [['lht-sekdag', 'absence']] },
    // Another quarter than the documents give: no figure, never the third quarter's.
    { kb: 'slv', q: 'hvad var sygefraværet i andet kvartal', unknown: true, not: [['slv-ssb', 'absence']] },
    { kb: 'slv', q: 'what was the sick leave in the second quarter', unknown: true, not: [['slv-ssb', 'absence']] },
    { kb: 'slv', q: 'hvor mange medarbejdere er der i sekretariatet', want: [['slv-sekretariat', 'employees']], not: [['slv-ssb', 'employees']] },
    { kb: 'hjs', q: 'hvor mange viceledere er der i børnecentrene', want: [['hjs-dtk', 'deputies']] },
    { kb: 'hjs', q: 'hvor mange børnecentre bliver der i team vest efter 1. maj', want: [['hjs-team-vest', 'institutions', '4 ']] },
    // No figure of the unit's staff: the documents name it but give none.
    { kb: 'hjs', q: 'hvor mange medarbejdere er der på hasselbo', unknown: true, not: [['hjs-dtk', 'employees']] },
    { kb: 'uvd', q: 'hvor mange medarbejdere har børnelandsby nørreled', unknown: true, not: [['uvd-fada', 'employees'], ['uvd-bl-sonderskov', 'employees']] },
    { kb: 'uvd', q: 'hvor mange børn går der i kildeskov', want: [['uvd-bl-kildeskov', 'children']] },
    { kb: 'uvd', q: 'how long is the waiting list for a nursery place in ulvedal', want: [['uvd-fada', 'other', 'venteliste']] },
  ]);
});
