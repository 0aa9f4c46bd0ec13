/**
 * Robustness paraphrases (session 16) of people and lines: a person known and the attribute asked not (an office, a
 * salary asked as "how much does X make", working hours, a number "tak"), a unit's head asked "who" when the documents
 * name no one in the post, a deputy asked by a general post and a place ("the universleder in Kirkebyen"), a unit
 * named alone in a reporting question on a day after a change, and the boss asked with everyday words ("who do I go
 * to", "hvem går X til", the misspelt "referer"). Questions written for this test, not taken from the question bank, on
 * several knowledge bases; each asserts the core fact and, where one tempts, the wrong fact not given.
 */
import { describe, it } from 'vitest';
import { phrasedCaseCheck, type PhrasedCase } from '../helpers/answerers.js';

const NOW = new Date('2026-11-30T09:00:00Z');

const DIRS = {
  data: 'data',
  fjb: 'tests/fixtures/kb-other',
  hbj: 'tests/fixtures/kb-havbjerg',
  egs: 'tests/fixtures/kb-egeskov',
  bkk: 'tests/fixtures/kb-bakkekaer',
  hvm: 'tests/fixtures/kb-hvidmose',
  rvs: 'tests/fixtures/kb-ravnsholt',
  slv: 'tests/fixtures/kb-solvang',
  hjs: 'tests/fixtures/kb-hjortsoe',
  lnd: 'tests/fixtures/kb-lindholt',
  uvd: 'tests/fixtures/kb-ulvedal',
} as const;

type Case = PhrasedCase & { readonly kb: keyof typeof DIRS };

/** The documents name the person (or post) but not what was asked: said in either language. */
const NOT_GIVEN = '~nævner ikke|giver ingen|do not mention|give no|do not give';

const CASES: readonly Case[] = [
  // Partly known: the person named, the attribute asked not in the documents; never their title as the answer.
  { kb: 'data', q: "what's charlotte sønderhave's office", kind: 'unknown', must: ['charlotte sønderhave', NOT_GIVEN], not: ['contact person'] },
  { kb: 'bkk', q: 'how much does mona ravn make', kind: 'unknown', must: ['mona ravn', NOT_GIVEN, 'salary'], not: ['~^head of childminding'] },
  { kb: 'hjs', q: 'mette aalund storms arbejdstid', kind: 'unknown', must: ['mette aalund storm', NOT_GIVEN], not: ['~^enhedsleder'] },
  { kb: 'hjs', q: 'lotte brandt hjorths mobilnummer tak', kind: 'unknown', must: ['lotte brandt hjorth', 'telefonnummer'] },
  { kb: 'data', q: 'hvad er helle kristensens mobilnummer', kind: 'answer', must: ['#44771847'] },
  { kb: 'bkk', q: 'kan jeg få mona ravns telefon', kind: 'unknown', must: ['mona ravn', NOT_GIVEN] },
  { kb: 'slv', q: 'ahmad reza nielsens kontor', kind: 'unknown', must: ['ahmad reza nielsen', NOT_GIVEN] },
  { kb: 'fjb', q: 'hvor gammel er sofie brønd', kind: 'unknown', must: ['sofie brønd', NOT_GIVEN] },
  { kb: 'hvm', q: 'how old is rikke damgaard lund', kind: 'unknown', must: ['rikke damgaard lund', NOT_GIVEN] },
  { kb: 'bkk', q: 'how do I reach lone skovgaard mikkelsen', kind: 'unknown', must: ['lone skovgaard mikkelsen', NOT_GIVEN] },
  { kb: 'hjs', q: "what's the birthday of anders vium kjær", kind: 'unknown', must: ['anders vium kjær', NOT_GIVEN] },
  { kb: 'slv', q: "what's jonas brink holst's mobile", kind: 'unknown', must: ['jonas brink holst', NOT_GIVEN] },
  { kb: 'fjb', q: 'sofie broends mail', kind: 'unknown', must: ['sofie brønd', NOT_GIVEN], not: ['@'] },
  // Who leads a unit whose head the documents do not name: the post, and that no one is named.
  { kb: 'bkk', q: 'who is the head of kløverengen', must: ['børnehusleder', '~do not give the name|no person'] },
  { kb: 'slv', q: "who's in charge of børnehuset kastanjen", must: ['huschef', '~do not give the name|no person'] },
  { kb: 'hjs', q: 'hvem leder børnecenter egebo', must: ['enhedsleder', 'ikke noget navn'] },
  { kb: 'hvm', q: 'hvem leder kvarter åen', must: ['kvarterchef', 'ikke noget navn'] },
  { kb: 'bkk', q: 'hvem er leder af sprogteamet', must: ['peter bisgaard'], not: ['ikke noget navn'] },
  // Deputies: a general post and a place name that place's own post, whose named deputy answers.
  { kb: 'lnd', q: 'who fills in for the universleder in kirkebyen', must: ['sune kallehave brandt'] },
  { kb: 'lnd', q: 'hvem er stedfortræder for universlederen i børneunivers kirkebyen', must: ['sune kallehave brandt'] },
  { kb: 'rvs', q: 'who deputises for the site leader at lærkereden', must: ['pedagogical coordinator', 'lærkereden'] },
  { kb: 'hvm', q: 'hvem træder til når børnechefen holder ferie', must: ['udviklingschef', 'ferie'] },
  { kb: 'slv', q: 'hvem vikarierer for dagplejeinspektøren i ferien', must: ['sanne krog thomsen'] },
  { kb: 'hjs', q: 'hvornår træder teamchefen for øst til for kontorchefen', must: ['fem arbejdsdage'] },
  // Reporting: a unit named alone stands for its head, on the day asked.
  { kb: 'hjs', q: 'hvem refererer kildebo til efter 1. maj 2027', must: ['dagtilbudsteam midt'], not: ['dagtilbudsteam øst'] },
  { kb: 'hjs', q: 'who does kildebo report to', must: ['dagtilbudsteam øst', 'morten lillelund krag'] },
  // Reporting: the boss asked with everyday words.
  { kb: 'hjs', q: 'hvem går enhedslederen i kildebo til', must: ['refererer', 'dagtilbudsteam øst'], not: ['thomas bro eriksen er'] },
  { kb: 'hjs', q: "who do i go to if i'm the head of kildebo", must: ['reports to', 'dagtilbudsteam øst'] },
  { kb: 'bkk', q: 'hvem går dagplejelederen til', must: ['småbørnschef'] },
  { kb: 'bkk', q: 'who does mona ravn go to', must: ['head of early years'] },
  { kb: 'hjs', q: 'hvem referer dagplejeansvarlig til i juni 2027', must: ['dagtilbudsteam vest'], not: ['dagplejeansvarlig refererer til kontorchef'] },
  // Not a reporting question: "går til" a thing.
  { kb: 'hvm', q: 'hvem går til temadag', kind: 'unknown', must: [] },
];

/**
 * Batch B: written after the first fixes, on knowledge bases and phrasings batch A did not use, and scored once on
 * arrival (24 of 28) before the fixes it showed: a filler inside a cue ("who actually runs"), "go to" before a time,
 * "make a year" read as a when.
 */
const BATCH_B: readonly Case[] = [
  { kb: 'hbj', q: 'hvad tjener torben aagesen kjær egentlig', kind: 'unknown', must: ['torben aagesen kjær', 'løn'] },
  { kb: 'hbj', q: 'torben aagesen kjærs private adresse', kind: 'unknown', must: ['torben aagesen kjær', NOT_GIVEN] },
  { kb: 'hbj', q: 'hvor længe har merete lund skovgaard været dagplejechef', kind: 'unknown', must: ['merete lund skovgaard', NOT_GIVEN] },
  { kb: 'hbj', q: "what's vibeke rosenkrantz juhl's direct line", kind: 'unknown', must: ['vibeke rosenkrantz juhl', NOT_GIVEN] },
  { kb: 'hbj', q: 'hvilket kontor sidder sanne bøgelund friis på', kind: 'unknown', must: ['sanne bøgelund friis', NOT_GIVEN], not: ['~^enhedschef'] },
  { kb: 'hbj', q: 'hvem leder børnegården rævehøj', must: ['daglig leder', 'ikke noget navn'] },
  { kb: 'hbj', q: 'who actually runs børnegården rævehøj', must: ['daglig leder', '~do not give the name|no person'] },
  { kb: 'hbj', q: 'hvem er stedfortræder for den daglige leder i rævehøj', must: ['ledende pædagog', 'rævehøj'] },
  { kb: 'hbj', q: 'who covers for the head of day care and health in the summer holidays', must: ['enhed midtby'] },
  { kb: 'hbj', q: 'hvem er merete lund skovgaards nærmeste chef fra maj 2027', must: ['enhed hede', 'kim vadstrup olesen'] },
  { kb: 'hbj', q: 'who will merete lund skovgaard report to after may 2027', must: ['unit hede'] },
  { kb: 'hbj', q: 'hvem skal dagplejechefen gå til efter 1. maj 2027', must: ['refererer', 'enhed hede'] },
  { kb: 'hbj', q: 'who does enhed hede report to', must: ['reports to', 'torben aagesen kjær'] },
  { kb: 'egs', q: 'oda kirkegaard vinds mailadresse tak', kind: 'unknown', must: ['oda kirkegaard vind', 'e-mailadresse'] },
  { kb: 'egs', q: 'hvad er henrik lund pallesens uddannelse', kind: 'unknown', must: ['henrik lund pallesen', NOT_GIVEN] },
  { kb: 'egs', q: 'hvem er chef for tilde nørbæk juhl', must: ['småbørnschef', 'oda kirkegaard vind'] },
  { kb: 'egs', q: 'hvem er souschefen stedfortræder for', must: ['pædagogisk leder'] },
  { kb: 'egs', q: 'who stands in for rasmus kjeldgaard bonde', must: ['maja friis holt'] },
  { kb: 'egs', q: 'hvem leder distrikt engen', must: ['tilde nørbæk juhl'], not: ['ikke noget navn'] },
  { kb: 'rvs', q: 'morten fabricius holms mobil', kind: 'unknown', must: ['morten fabricius holm', 'telefonnummer'] },
  { kb: 'rvs', q: 'how much does tove riis mogensen make a year', kind: 'unknown', must: ['tove riis mogensen', 'salary'], not: ['start date'] },
  { kb: 'rvs', q: 'hvad er amalie brix vestergaards arbejdstider', kind: 'unknown', must: ['amalie brix vestergaard', NOT_GIVEN] },
  { kb: 'rvs', q: 'hvem er leder af børnehuset lærkereden', must: ['matrikelleder', 'ikke noget navn'] },
  { kb: 'rvs', q: 'who heads lærkereden', must: ['matrikelleder', '~do not give the name|no person'] },
  { kb: 'rvs', q: 'hvem er stedfortræder for fælleslederen i torvet', kind: 'unknown', must: ['stedfortræder', 'torvet'] },
  { kb: 'rvs', q: 'hvem er tove riis mogensens chef efter 1. maj 2027', must: ['fællesledelse mosen', 'rasmus ellegaard nyborg'] },
  { kb: 'rvs', q: 'who does the dagplejeafdelingsleder go to from may', must: ['reports to', 'mosen'] },
  { kb: 'rvs', q: 'hvem refererer fællesledelse mosen til', must: ['sektorchef', 'morten fabricius holm'] },
];

/**
 * The classes the fresh working questions showed (own phrasings, other knowledge bases): the asker's size told beside a
 * number, answered by a deputy relation that holds above a size; "my deputy"; whether a line still holds after a change
 * (yes or no, and the line that holds then); a unit with no holder of a post said in words that say "no <post>".
 */
const FRESH_CLASSES: readonly Case[] = [
  { kb: 'slv', q: "vi har 75 børn i huset, er pfl'en så stedfortræder for huschefen", must: ['pædagogisk faglig leder', 'mere end 60'] },
  { kb: 'bkk', q: "I'm the børnehusleder in a house with 90 children, who is my deputy", must: ['souschef', 'more than 80'] },
  { kb: 'hjs', q: 'jeg er enhedsleder i et børnecenter med 3 afdelinger, hvem er min stedfortræder', must: ['viceleder', 'afdelinger'] },
  { kb: 'hbj', q: 'will merete lund skovgaard still report to torben aagesen kjær after may 2027', must: ['~^no\\b', 'unit hede'] },
  { kb: 'hjs', q: 'skal thomas bro eriksen stadig referere til morten lillelund krag efter 1. maj 2027', must: ['~^nej\\b', 'dagtilbudsteam midt'] },
  { kb: 'lnd', q: 'does the korpsleder still report to the kvalitetschef after august 2027', must: ['~^no\\b', 'head of section'] },
  { kb: 'rvs', q: 'is tove riis mogensen still reporting to morten fabricius holm in june 2027', must: ['~^no\\b', 'mosen'] },
  { kb: 'hvm', q: 'skal huslederne stadig referere til børnechefen efter 1. august 2027', must: ['~^nej\\b', 'kvarterchef'] },
  { kb: 'slv', q: 'vil tobias engholm friis stadig referere til kristian vedel mørch efter 1. august 2027', must: ['~^ja\\b', 'skovbakken'] },
  { kb: 'egs', q: 'who is the souschef in sivhuset', kind: 'unknown', must: ['~no deputy head'] },
  // An item's own abbreviation in capitals that is also a common word ("VIL": Danish "will") names the item.
  { kb: 'uvd', q: 'hvem er vores VIL i nørreled', must: ['mads winther lauridsen'] },
  { kb: 'uvd', q: "who's the VIL in nørreled these days", must: ['mads winther lauridsen'], not: ['~^head of børnelandsby'] },
];

describe('people and lines asked in other words (session 16)', () => {
  const check = phrasedCaseCheck(DIRS, NOW);

  it.each(CASES)('[$kb] $q', (c) => {
    check(c);
  });

  it.each(BATCH_B)('batch B [$kb] $q', (c) => {
    check(c);
  });

  it.each(FRESH_CLASSES)('fresh classes [$kb] $q', (c) => {
    check(c);
  });
});
