/**
 * Robustness paraphrases (session 17) of people and lines, written for this test on several knowledge bases (not taken
 * from the question bank): a deputy asked with everyday words and a named kind of absence ("juleferien",
 * "barselsorlov", "ved sygdom", "in case of illness"); a deputy question that names a second post only as part of what
 * the deputy may do; the coming line of a post against today's; who reports to a person, post or unit; the holder of a
 * post on a day; and a person asked since when they hold their own post (no date the documents give about the post).
 * Each asserts the core fact and, where one tempts, the wrong fact not given.
 */
import { describe, it } from 'vitest';
import { KB_DIRS, phrasedCaseCheck, type PhrasedCase } from '../helpers/answerers.js';

const NOW = new Date('2026-11-30T09:00:00Z');

type Case = PhrasedCase & { readonly kb: keyof typeof KB_DIRS };

/** The documents name the person but not what was asked: said in either language. */
const NOT_GIVEN = '~nævner ikke|giver ingen|do not mention|give no|do not give';

/** Batch A: written first, worked on. */
const BATCH_A: readonly Case[] = [
  // Deputies in everyday words, both ways, and when the deputy takes over.
  { kb: 'hjs', q: 'hvem afløser enhedslederen når hun er syg', must: ['viceleder'] },
  { kb: 'hjs', q: 'who takes over when the kontorchef is off for two weeks', must: ['morten lillelund krag', 'five working days'] },
  { kb: 'slv', q: "who's the stand-in for kristian vedel mørch", must: ['åen', 'more than a week'] },
  { kb: 'slv', q: 'hvem vikarierer for børneområdechefen', must: ['åen'], not: ['tobias engholm friis'] },
  { kb: 'slv', q: 'hvornår træder kredslederen i åen til for børneområdechefen', must: ['mere end en uge'] },
  { kb: 'hbj', q: 'who is leila hasanović berg the stand-in for', must: ['fagchef'] },
  { kb: 'uvd', q: 'hvem tager over naar landsbylederen i kildeskov er væk', must: ['amina yusuf bak'] },
  { kb: 'uvd', q: 'who covers for louise hedegaard friis', must: ['amina yusuf bak'] },
  { kb: 'lht', q: 'hvem dækker ind for karina østergård wolff', must: ['fatima ali nørgaard'] },
  { kb: 'hvm', q: "who takes over from the børnechef when she's away", must: ['udviklingschef'] },
  { kb: 'other', q: 'who substitutes for the institutionsleder', must: ['pedagogical coordinator'] },
  { kb: 'egs', q: 'hvem er vikar for rasmus kjeldgaard bonde', must: ['maja friis holt'] },
  { kb: 'hvm', q: 'hvornår overtager souschefen', must: ['fraværende'] },
  // A named kind of absence: a compound of an absence word, or illness asked as a noun.
  { kb: 'hbj', q: 'hvem dækker for fagchefen i juleferien 2026', must: ['leila hasanović berg', 'ferie'] },
  { kb: 'hbj', q: 'hvem dækker for fagchefen i vinterferien', must: ['enhed midtby'] },
  { kb: 'hjs', q: 'hvem træder til når kontorchefen er på barselsorlov', must: ['morten lillelund krag'] },
  { kb: 'rvs', q: 'hvem afløser matrikellederen ved sygdom', must: ['pædagogisk koordinator'] },
  { kb: 'slv', q: 'who stands in for the huschef in case of illness', must: ['pedagogical lead', '60 children'], not: ['~^deputy for the head of early years'] },
  { kb: 'hjs', q: 'hvem overtager når enhedslederen bliver syg', must: ['viceleder'] },
  // What the deputy takes over, asked with the relation's own verb, beside an absence.
  { kb: 'hvm', q: 'overtager souschefen også personaleledelsen hvis husleder er sygemeldt', must: ['personaleledelse', 'souschef'], not: ['~^souschefen refererer'] },
  // A second post named only as part of what the deputy may do: the relation that says it.
  { kb: 'uvd', q: 'maa analysechefen føre lønforhandlinger med landsbylederne naar han er stedfortraeder', must: ['analysechef', 'lønforhandlinger'], not: ['~^viceleder'] },
  { kb: 'uvd', q: 'can the analysechef negotiate pay with the landsbyledere when he deputises', must: ['head of analysis', 'pay negotiations'] },
  // The coming line against today's.
  { kb: 'hbj', q: 'hvem bliver dagplejechefens nye chef', must: ['enhed hede', 'kim vadstrup olesen'] },
  { kb: 'hjs', q: 'who will the kildebo enhedsleder report to once the change happens', must: ['dagtilbudsteam midt'] },
  { kb: 'rvs', q: "who's tove riis mogensen's boss going to be from may 2027", must: ['rasmus ellegaard nyborg'] },
  { kb: 'uvd', q: 'hvem skal holdlederen referere til efter sommeren 2027', must: ['fagcenterchef'], not: ['~^holdlederen refererer til analysechef'] },
  { kb: 'lht', q: 'hvem bliver korpslederens chef fra august 2027', must: ['sektionschef'] },
  { kb: 'slv', q: 'who will the ressourcecenterleder answer to from march 2027', must: ['karen smedegaard holm'] },
  { kb: 'hvm', q: 'hvem bliver huslederens nærmeste leder efter august 2027', must: ['kvarterchef'] },
  { kb: 'hjs', q: 'hvem refererer den dagplejeansvarlige til i dag', must: ['kontorchef'], not: ['~^dagplejeansvarlig refererer til teamchef'] },
  { kb: 'hbj', q: "who is the dagplejechef's boss today", must: ['torben aagesen kjær'], not: ['~^the head of family day care \\(dagplejechef\\) reports to the head of unit hede'] },
  // A general post named in a place: the boss there (that place's own head, on the day asked; a place merged by then,
  // the place that carries it on), and a post with lines to the heads of several places: the head of the place named.
  { kb: 'slv', q: 'hvem refererer huscheferne i skoven til', must: ['marianne aagaard vinther', 'skovbakken'] },
  { kb: 'slv', q: 'efter sammenlægningen, hvem refererer huscheferne i skoven til', must: ['tobias engholm friis', 'skovbakken'], not: ['~^børnekreds skoven ledes af'] },
  { kb: 'slv', q: 'who do the huschefer in åen report to', must: ['lone birkmose ravn'] },
  { kb: 'hbj', q: 'hvem refererer den daglige leder i enhed hede til', must: ['~^den daglige leder refererer', 'kim vadstrup olesen'] },
  { kb: 'hbj', q: 'who do the daglige ledere in enhed strand report to', must: ['sanne bøgelund friis'] },
  { kb: 'bkk', q: 'hvem refererer børnehuslederne i område vest til', must: ['birgitte lundsgaard friis'], not: ['kasper thorhauge', 'område øst'] },
  { kb: 'other', q: 'who do the institutionsledere in område nord report to', must: ['mette kjærgaard holm'] },
  // Who reports to a person, a post or a unit.
  { kb: 'bkk', q: 'which leaders is kasper thorhauge responsible for', must: ['børnehusleder'] },
  { kb: 'bkk', q: 'hvilke ledere er kasper thorhauge chef for', must: ['børnehusleder'], not: ['småbørnschef'] },
  { kb: 'slv', q: 'hvem sorterer under børneområdechefen', must: ['kredsleder', 'dagplejeinspektør'] },
  { kb: 'hvm', q: 'who is rikke damgaard lund in charge of', must: ['house leader'] },
  // A team led from the post above it: its head, not the head's boss.
  { kb: 'bkk', q: 'hvem er chef for sprogteamet', must: ['peter bisgaard'], not: ['småbørnschef'] },
  { kb: 'hbj', q: 'hvem har kim vadstrup olesen under sig', must: ['rævehøj'] },
  { kb: 'rvs', q: 'hvem har sektorchefen personaleansvar for', must: ['dagplejeafdelingsleder'] },
  { kb: 'uvd', q: 'hvem refererer til fagcenterchefen', must: ['landsbyleder'] },
  { kb: 'hjs', q: 'who does pernille skau andersen manage', must: ['teamchef'] },
  { kb: 'lht', q: 'hvem er under sektionschefen', must: ['universleder'] },
  { kb: 'hvm', q: 'who reports to rikke damgaard lund', must: ['house leader'] },
  // The holder of a post on a day.
  { kb: 'slv', q: 'hvem er kredsleder i åen i april 2027', must: ['rikke dam overgaard'], not: ['~^lone birkmose ravn'] },
  { kb: 'slv', q: 'who leads børnekreds åen today', must: ['lone birkmose ravn'] },
  { kb: 'hbj', q: 'hvem er enhedschef for midtby fra april 2027', must: ['jakob winther dahl'] },
  { kb: 'rvs', q: 'hvem er fællesleder i torvet i maj 2027', must: ['søren kildegaard bech'] },
  { kb: 'lht', q: 'hvem bliver korpsleder efter inge marie toft', must: ['bjarne holst sørup'] },
  { kb: 'hbj', q: 'who was head of enhed midtby in january 2027', must: ['leila hasanović berg'], not: ['jakob winther dahl'] },
  { kb: 'uvd', q: 'hvem er holdleder i dag', must: ['grethe louise vinding'] },
  // Partly known: the person named, the attribute not in the documents; never another date or fact as the answer.
  { kb: 'slv', q: 'hvad er kristian vedel mørchs telefonnummer', kind: 'unknown', must: ['kristian vedel mørch', NOT_GIVEN] },
  { kb: 'hjs', q: 'how long has pernille skau andersen been kontorchef', kind: 'unknown', must: ['pernille skau andersen', NOT_GIVEN], not: ['quality report'] },
  { kb: 'hvm', q: 'hvornår blev rikke damgaard lund børnechef', kind: 'unknown', must: ['rikke damgaard lund', NOT_GIVEN], not: ['mus'] },
  { kb: 'uvd', q: 'when did hanne stubkjær dahl become fagcenterchef', kind: 'unknown', must: ['hanne stubkjær dahl', NOT_GIVEN] },
  { kb: 'rvs', q: 'hvilken uddannelse har tove riis mogensen', kind: 'unknown', must: ['tove riis mogensen', NOT_GIVEN] },
  // (A date that names the person's post and says the question's other words is asked about, not the first day.)
  { kb: 'hvm', q: 'hvornår skal budgetønskerne sendes ind til rikke damgaard lund', must: ['budgetønsker', '9. april 2027'] },
];

/**
 * Batch B: written after the first fixes, on phrasings batch A did not use (ASCII, an @mention, a polite opener, "who is X
 * the deputy of", a post or place after it ends, "acting", "who will lead"), and scored once on arrival: 25 of 30. The
 * five it showed: a deputy asked "the deputy of"; the holder and the leader of a post or place asked for a day after it
 * ends (its successor's, not the last holder); "acting" read as a law ("act"); "who will lead" no leader cue.
 */
const BATCH_B: readonly Case[] = [
  { kb: 'bkk', q: '@Dagtilbudsledelse hvem traeder til for boernehuslederen naar hun har ferie', must: ['souschef'] },
  { kb: 'bkk', q: 'jonas eskildsen er han stedfortræder for nogen', must: ['børnehusleder'] },
  { kb: 'egs', q: 'hvem skal overtage for rasmus kjeldgaard bonde hvis han er syg', must: ['maja friis holt'] },
  { kb: 'egs', q: 'who is maja friis holt the deputy of', must: ['pædagogisk leder'] },
  { kb: 'other', q: 'kan du fortælle mig hvem der afløser institutionslederen i ålekisten', must: ['pædagogisk koordinator'] },
  { kb: 'hjs', q: 'who stands in for the kontorchef during her maternity leave', must: ['morten lillelund krag'] },
  { kb: 'uvd', q: 'when does the viceleder step in for the landsbyleder', must: ['absent'] },
  { kb: 'hvm', q: 'hvem vikarierer for huslederen under barsel', must: ['souschef'] },
  { kb: 'slv', q: 'hvem passer dagplejen når grethe munk lassen har ferie', must: ['sanne krog thomsen'] },
  { kb: 'hbj', q: 'hvem er daglig leder af klitrosen lige nu', must: ['jakob winther dahl'] },
  { kb: 'uvd', q: 'hvem sidder som landsbyleder i sandager efter 1. august 2027', must: ['sønderskov', 'louise hedegaard friis'], not: ['~^torben'] },
  { kb: 'lht', q: 'hvem er universleder i hedelund efter sommerferien 2027', must: ['vestermarken', '31. juli 2027'], not: ['~^karina østergård wolff er universleder for børneunivers hedelund'] },
  { kb: 'rvs', q: 'hvem er fællesleder for fællesledelse torvet i december 2026', must: ['yasmin khalil sørensen'], not: ['søren kildegaard bech'] },
  { kb: 'slv', q: 'who is the acting kredsleder in åen from march', must: ['~^rikke dam overgaard'] },
  { kb: 'bkk', q: 'hvem er omraadechef for oest', must: ['kasper thorhauge'] },
  { kb: 'hjs', q: 'hvem refererer enhedslederen i egebo til i dag', must: ['sofie dalgaard brix'], not: ['~^pr\\.'] },
  { kb: 'hjs', q: 'hvem skal enhedslederen i egebo referere til efter omorganiseringen', must: ['dagtilbudsteam midt'] },
  { kb: 'lht', q: 'hvem bliver bjarne holst sørups chef når han bliver korpsleder', must: ['ulla kragelund mørup'] },
  { kb: 'egs', q: 'hvem refererer distriktslederen i engen til', must: ['oda kirkegaard vind'] },
  { kb: 'hvm', q: 'hvem har kvarterchefen personaleansvar for fra august 2027', must: ['husleder', 'dagplejeleder'] },
  { kb: 'slv', q: 'hvem har kristian vedel mørch personaleansvar for', must: ['kredsleder', 'dagplejeinspektør'] },
  { kb: 'uvd', q: 'hvem har louise hedegaard friis under sig', must: ['viceleder'] },
  { kb: 'other', q: 'which staff does mette kjaergaard holm manage', must: ['head of institution'] },
  { kb: 'egs', q: 'hvad er oda kirkegaard vinds private telefonnummer', kind: 'unknown', must: ['oda kirkegaard vind', NOT_GIVEN] },
  { kb: 'lht', q: 'hvornår startede ulla kragelund mørup som sektionschef', kind: 'unknown', must: ['ulla kragelund mørup', NOT_GIVEN] },
  { kb: 'hbj', q: 'hvad tjener kim vadstrup olesen om måneden', kind: 'unknown', must: ['kim vadstrup olesen', NOT_GIVEN] },
  { kb: 'hjs', q: 'hvor gammel er morten lillelund krag', kind: 'unknown', must: ['morten lillelund krag', NOT_GIVEN] },
  { kb: 'slv', q: 'hvilken uddannelse har ahmad reza nielsen', kind: 'unknown', must: ['ahmad reza nielsen', NOT_GIVEN] },
  // The classes batch B showed, in other words.
  { kb: 'hvm', q: 'who is the udviklingschef the deputy of', must: ['head of children'] },
  { kb: 'lht', q: 'who is the head of bu hedelund in september 2027', must: ['vestermarken', 'karina østergård wolff'], not: ['~^on 1 september 2027: børneunivers hedelund \\(children\'s universe\\) is led'] },
  { kb: 'slv', q: 'hvem leder børnekreds skoven efter sammenlægningen', must: ['tobias engholm friis', 'skovbakken'], not: ['~^børnekreds skoven ledes af'] },
  { kb: 'slv', q: 'hvem er kredsleder for skoven i 2028', must: ['skovbakken'], not: ['~^marianne'] },
  { kb: 'uvd', q: 'who will lead sandager after the merger', must: ['louise hedegaard friis'] },
  { kb: 'slv', q: 'who will run skovbakken', must: ['tobias engholm friis'] },
  { kb: 'slv', q: 'who is the acting kredsleder in åen', must: ['rikke dam overgaard'] },
  { kb: 'seed', q: 'which act regulates day care', must: ['dagtilbudsloven'] },
  // "Who will lead X when it opens": asks who, not when (a place with no leader named: said so, no decision's date).
  { kb: 'rvs', q: 'who will lead Ravneklit when it opens', kind: 'unknown', must: ['ravneklit'], not: ['applies from'] },
  // A person's job function.
  { kb: 'other', q: 'hvad er sofie brønds jobfunktion', must: ['institutionsleder'] },
  // A backup, and out of office, are a deputy and an absence.
  { kb: 'hvm', q: 'hvem er backup for børnechefen', must: ['udviklingschef'] },
  { kb: 'slv', q: "who is kristian vedel mørch's backup", must: ['åen'] },
  { kb: 'rvs', q: 'who do I contact when the matrikelleder is out of office', must: ['pedagogical coordinator'] },
];

describe('people and lines asked in other words (session 17)', () => {
  const check = phrasedCaseCheck(KB_DIRS, NOW);

  it.each(BATCH_A)('batch A [$kb] $q', (c) => {
    check(c);
  });

  it.each(BATCH_B)('batch B [$kb] $q', (c) => {
    check(c);
  });
});
