/**
 * Which figure a question asks for, by the words each figure's own text says (session 18, figure-coverage.ts): questions
 * written for this test (not taken from the question bank) on eight knowledge bases. A figure answer that leaves a word
 * asked unsaid gives way to the figure that says every word ("how many children's centres had a vice head": the "9 of
 * the 14 children's centres have a deputy leader (viceleder)" figure, not the count of centres); a word that names a
 * metric is said only by a figure of that metric or one singled out by another word asked (a place's name singles out
 * none: "children in Netværk Engen" is no "6 children's houses"); a figure of several units together answers only
 * when all are asked about. Batch A was written with the first version of the mechanism, batch B after it (scored once
 * on arrival).
 */
import { describe, it } from 'vitest';
import { run } from '../helpers/figure-cases.js';
import { KB_DIRS, phrasedCaseCheck } from '../helpers/answerers.js';

describe('batch A: a figure singled out by a post or a qualifier its own text says', () => {
  run([
    { kb: 'hjs', q: "how many children's centres had a vice head on 1 nov 2026", want: [['hjs-dtk', 'deputies']], not: [['hjs-dtk', 'children', 'børnecentrene']] },
    { kb: 'hjs', q: 'hvor mange af børnecentrene havde en viceleder den 1. november 2026', want: [['hjs-dtk', 'deputies']], not: [['hjs-dtk', 'children', 'børnecentrene']] },
    { kb: 'uvd', q: "how many of the children's villages had a vice head on 1 november 2026", want: [['uvd-fada', 'deputies', '2 af']] },
    { kb: 'uvd', q: 'hvor mange børnelandsbyer havde en viceleder pr. 1. november 2026', want: [['uvd-fada', 'deputies', '2 af']] },
    { kb: 'slv', q: 'how many houses had a pedagogical lead on 1 october 2026', want: [['slv-ssb', 'deputies']] },
    { kb: 'slv', q: 'hvor mange børnehuse har en pfl pr 1 oktober 2026', want: [['slv-ssb', 'deputies']] },
    { kb: 'lht', q: "how many of the children's universes had an assistant head on 1 november 2026", want: [['lht-sekdag', 'deputies', '2 af']] },
    { kb: 'hvm', q: 'how many houses have a deputy leader today', want: [['hvm-dagtilbud', 'deputies', '9 af']] },
  ]);
});

describe('batch A: a figure named by words the lexicon does not list', () => {
  run([
    { kb: 'hjs', q: 'hvor mange ergoterapeuter er der i rådgivningsteamet', want: [['hjs-rt', 'other']] },
    { kb: 'hjs', q: 'how many afdelinger does hasselbo have', want: [['hjs-bc-hasselbo', 'other']], not: [['hjs-bc-hasselbo', 'children']] },
    { kb: 'slv', q: 'hvor mange talepædagoger har ressourcecentret', want: [['slv-prc', 'other']] },
    { kb: 'lht', q: 'hvor mange analytikere er der i kvalitet og data', want: [['lht-kvalitet-og-data', 'employees']] },
    { kb: 'brk', q: 'hvor mange udviklingskonsulenter har pædagogisk udvikling', want: [['brk-pu', 'consultants']] },
    { kb: 'hbj', q: 'hvor mange sprogkonsulenter er der i tværfagligt team', want: [['hbj-tt', 'consultants', 'sprog']], not: [['hbj-tt', 'consultants', 'inklusion']] },
    { kb: 'hbj', q: 'how many inclusion consultants work in the cross-disciplinary team', want: [['hbj-tt', 'consultants', 'inklusion']], not: [['hbj-tt', 'consultants', 'sprog']] },
  ]);
});

describe('batch A: no figure says the word asked: "I don\'t know", never another thing\'s figure', () => {
  run([
    { kb: 'brk', q: 'how many children are in netværk engen', unknown: true, not: [['brk-netvaerk-engen', 'houses']] },
    { kb: 'slv', q: 'how many children go to børnekreds skoven', unknown: true, not: [['slv-ssb', 'children', 'tilsammen'], ['slv-kreds-skoven', 'houses']] },
    { kb: 'hjs', q: 'hvor mange fysioterapeuter er der i rådgivningsteamet', unknown: true, not: [['hjs-rt', 'other']] },
    { kb: 'hjs', q: 'hvor mange ergoterapeuter har hasselbo', unknown: true, not: [['hjs-bc-hasselbo', 'other']] },
  ]);
});

// The units a count names, as they stand on the day asked (figure-unit-counts.ts): a figure stated before the units
// changed ("16 børnehuse i de tre børnekredse", September 2026) is no count of them after the merger.
describe('batch A: units counted as they stand on the day asked', () => {
  const check = phrasedCaseCheck(KB_DIRS, new Date('2026-11-30T09:00:00Z'));
  it.each([
    { kb: 'slv', q: 'hvor mange børnekredse er der efter 1. august 2027', must: ['2 børnekredse', 'skovbakken', 'åen'], not: ['16 børnehuse', 'tre børnekredse'] },
    { kb: 'slv', q: 'hvor mange børnekredse er der tilbage pr 1 aug 2027', must: ['2 børnekredse', 'skovbakken'], not: ['tre børnekredse'] },
    { kb: 'slv', q: "how many children's circles will there be in october 2027", must: ['2 circles', 'skovbakken'], not: ['three'] },
    // Before the merger the figure's own count holds.
    { kb: 'slv', q: 'hvor mange børnekredse er der pr. 1. marts 2027', must: ['tre børnekredse'], not: ['skovbakken'] },
    // A unit of the kind named beside the count is one of them, not where they are counted.
    { kb: 'hvm', q: 'hvor mange kvarterer kommer der, og hvor mange børnehuse får åen', must: ['tre kvarterer'] },
  ] as const)('[$kb] $q', (c) => check(c));
});

// Batch B: written after the mechanisms, on other bases and in other words; scored once on arrival (see the report).
describe('batch B: figures by their own words, on other bases', () => {
  run([
    { kb: 'seed', q: 'how many minutes to roskilde st by public transport', want: [['hoeje-taastrup', 'other', 'Roskilde']], not: [['hoeje-taastrup', 'other', 'København']] },
    { kb: 'seed', q: 'hvor mange ledere har pædagogisk udviklingsteam', want: [['htk-paedagogisk-udviklingsteam', 'leaders']], not: [['htk-paedagogisk-udviklingsteam', 'consultants']] },
    { kb: 'bkk', q: 'hvor mange dagplejepædagoger er der i dagplejen', want: [['bkk-dagplejen', 'consultants']], not: [['bkk-dagplejen', 'members']] },
    { kb: 'bkk', q: 'how many language advisers are in the language team', want: [['bkk-sprogteamet', 'consultants']] },
    { kb: 'rvs', q: 'hvor mange trivselskonsulenter har vi', want: [['rvs-vcb', 'consultants', 'trivsel']], not: [['rvs-vcb', 'consultants', 'sprog']] },
    { kb: 'rvs', q: 'how many of the children on the waiting list need a place before february', want: [['rvs-bd', 'other', 'behov']] },
    { kb: 'rvs', q: 'hvor mange institutioner har fællesledelse kysten efter 1. august 2027', want: [['rvs-faellesledelse-kysten', 'institutions', 'fra']] },
    { kb: 'hbj', q: 'how many supervising childminding educators does dagplejen havbjerg have', want: [['hbj-dagplejen', 'consultants']], not: [['hbj-dagplejen', 'employees']] },
    { kb: 'hbj', q: 'hvor mange ergoterapeuter er der i tværfagligt team', want: [['hbj-tt', 'employees']], not: [['hbj-tt', 'consultants', 'sprog']] },
    { kb: 'brk', q: 'how many children does netværk molen have', want: [['brk-netvaerk-molen', 'children']], not: [['brk-netvaerk-molen', 'employees']] },
    { kb: 'brk', q: 'how many networks will there be after 1 april 2027', want: [['brk-ds', 'clusters', 'fra']] },
    { kb: 'hjs', q: "how many children's centres will team vest have after 1 may 2027", want: [['hjs-team-vest', 'institutions', 'fra']] },
    { kb: 'rvs', q: 'hvor mange børn er der i fællesledelse mosen', unknown: true, not: [['rvs-faellesledelse-mosen', 'institutions']] },
    // (Written as unknown; Kirkebyen states its children in another document: the expectation was wrong, the answer right.)
    { kb: 'lht', q: 'hvor mange børn går i børneunivers kirkebyen', want: [['lht-bu-kirkebyen', 'children']], not: [['lht-bu-kirkebyen', 'institutions']] },
    { kb: 'uvd', q: "how many children's villages have a parents' board", unknown: true, not: [['uvd-fada', 'deputies', '2 af']] },
  ]);
});

describe('batch B: counts said in words, and units on a day', () => {
  const check = phrasedCaseCheck({ ...KB_DIRS, brk: 'tests/fixtures/kb-brinkeby' }, new Date('2026-11-30T09:00:00Z'));
  it.each([
    { kb: 'seed', q: 'hvor mange funktionsgrupper er konsulenterne i pædagogisk udviklingsteam fordelt på', must: ['tre funktionsgrupper'] },
    { kb: 'brk', q: 'hvor mange medarbejderrepræsentanter er der i netværksbestyrelsen', must: ['2 medarbejderrepræsentanter'] },
    { kb: 'lht', q: 'hvor mange børneuniverser er der efter sammenlægningen', must: ['2 børneuniverser'], not: ['3 børneuniverser'] },
    { kb: 'hjs', q: 'hvor mange dagtilbudsteams er der efter 1. maj 2027', must: ['tre dagtilbudsteams'], not: ['to dagtilbudsteams'] },
    { kb: 'slv', q: 'hvor mange børnekredse har solvang i december 2027', must: ['2 børnekredse'], not: ['tre børnekredse'] },
    { kb: 'hvm', q: 'hvor mange kvarterer er der pr. 1. september 2027', must: ['tre kvarterer'] },
  ] as const)('[$kb] $q', (c) => check(c));
});
