/**
 * Robustness of figure questions: questions written for this test (not taken from the question bank), asked the ways
 * leaders ask for a count on seven knowledge bases: everyday and formal words for the metric ("ansatte", "folk",
 * "staff", "people live", "pladser", "spots"), the unit by another of its names, ASCII spellings and typos, a polite
 * opener, two figures at once, totals, "each", a post named as what qualifies a count ("har en PFL"), a municipality
 * named as whose figure it is, figures as of a day and today's against the coming one. Every expected number is read
 * from the knowledge base's figures; the tempting wrong figure (another unit's, another metric's, another day's) must
 * not be the answer; a figure the documents do not give stays "I don't know".
 */
import { describe } from 'vitest';
import { run } from '../helpers/figure-cases.js';

describe('the metric in everyday, formal and English words', () => {
  run([
    { kb: 'seed', q: 'hvor mange daginstitutioner har Høje-Taastrup Kommune?', want: [['htk-dagtilbudsomraadet', 'facilities']] },
    { kb: 'seed', q: 'antal dagtilbud i htk', want: [['htk-dagtilbudsomraadet', 'facilities']] },
    { kb: 'seed', q: 'hvor mange er ansat i Familie- og Dagtilbudscentret', want: [['htk-familie-og-dagtilbudscentret', 'employees']] },
    { kb: 'seed', q: 'how many staff does the family and day-care centre have', want: [['htk-familie-og-dagtilbudscentret', 'employees']] },
    { kb: 'seed', q: "what's the headcount of the staff unit", want: [['htk-staben', 'employees']], not: [['htk-familie-og-dagtilbudscentret', 'employees']] },
    { kb: 'seed', q: 'Kan du sige mig hvor mange ansatte staben har', want: [['htk-staben', 'employees']] },
    { kb: 'seed', q: 'how many people work in the day-care area in høje-taastrup', want: [['htk-dagtilbudsomraadet', 'employees']] },
    { kb: 'seed', q: 'how many residents does høje taastrup have', want: [['hoeje-taastrup', 'citizens', '56.000']] },
    { kb: 'fjb', q: 'how many people live in fjordby', want: [['fjordby', 'citizens']] },
    { kb: 'fjb', q: 'hvor mange mennesker bor der i fjordby', want: [['fjordby', 'citizens']] },
    { kb: 'fjb', q: 'hvor mange bor der i fjordby kommune', want: [['fjordby', 'citizens']] },
    { kb: 'bkk', q: 'how many people live in bakkekær', want: [['bakkekaer', 'citizens']] },
    { kb: 'fjb', q: 'how many staff at mågen', want: [['fjb-maagen', 'employees']], not: [['fjb-center-for-dagtilbud', 'employees']] },
    { kb: 'fjb', q: 'number of day care facilities in area south', want: [['fjb-omraade-syd', 'facilities']] },
    { kb: 'bkk', q: 'how many staff work in småbørnsafdelingen', want: [['bkk-smaaboernsafdelingen', 'employees']] },
    { kb: 'bkk', q: 'hvor mange folk er der i fagligt sekretariat', want: [['bkk-fagligt-sekretariat', 'employees']] },
    { kb: 'bkk', q: 'how many childminders in the dagpleje', want: [['bkk-dagplejen', 'members']] },
    { kb: 'hbj', q: 'how many health visitors does sundhedsplejen have', want: [['hbj-sundhedsplejen', 'employees']] },
    { kb: 'slv', q: 'how many employees in solvang småbørn', want: [['slv-ssb', 'employees']] },
    { kb: 'bkk', q: 'hvor stort er sygefraværet på småbørnsområdet', want: [['bkk-smaaboernsafdelingen', 'absence']] },
  ]);
});

describe('places and spots: a capacity said before its number ("plads til 80 børn")', () => {
  run([
    { kb: 'hbj', q: 'hvor mange pladser får sandflugten', want: [['hbj-sandflugten', 'children']] },
    { kb: 'hbj', q: 'how many places will sandflugten have', want: [['hbj-sandflugten', 'children']] },
    { kb: 'rvs', q: 'hvor mange pladser får ravneklit', want: [['rvs-ravneklit', 'children']] },
    { kb: 'rvs', q: 'how many spots are there in ravneklit', want: [['rvs-ravneklit', 'children']] },
    { kb: 'rvs', q: 'hvor mange pladser er der i lærkereden', unknown: true, not: [['rvs-laerkereden', 'children']] },
  ]);
});

describe('a municipality named says whose figure it is, never what is counted', () => {
  run([
    { kb: 'slv', q: 'hvor mange dagplejere er der i solvang', want: [['slv-dagplejen', 'employees']], not: [['slv-ssb', 'employees']] },
    { kb: 'slv', q: 'how many childminders does solvang have', want: [['slv-dagplejen', 'employees']], not: [['slv-ssb', 'employees']] },
    { kb: 'slv', q: 'hvor mange børn står der på ventelisten i solvang', want: [['slv-ssb', 'other', 'venteliste til']], not: [['slv-ssb', 'children', 'børnehusene']] },
    { kb: 'bkk', q: 'hvor mange indbyggere bor der i bakkekær', want: [['bakkekaer', 'citizens']] },
    // A district of the municipality is one of several: no total for the municipality.
    { kb: 'seed', q: 'hvor mange børn er der i ballerup', unknown: true },
    { kb: 'seed', q: 'how many children are there in ballerup', unknown: true },
  ]);
});

describe('no place named in a knowledge base of one municipality', () => {
  run([
    { kb: 'bkk', q: 'hvor mange huse er der i alt', want: [['bkk-smaaboernsafdelingen', 'houses']], not: [['bkk-omraade-vest', 'houses']] },
    { kb: 'bkk', q: 'how many employees are there', want: [['bkk-smaaboernsafdelingen', 'employees']] },
    { kb: 'fjb', q: 'hvor mange dagtilbud er der', want: [['fjb-center-for-dagtilbud', 'facilities']] },
    { kb: 'slv', q: 'hvor mange børnehuse er der', want: [['slv-ssb', 'houses', 'de tre']] },
    // A house the documents do not name is no count of the municipality's.
    { kb: 'bkk', q: 'hvor mange børn går i solsikken', unknown: true, not: [['bkk-smaaboernsafdelingen', 'children']] },
    { kb: 'fjb', q: 'how many kids are in spurven', unknown: true, not: [['fjb-center-for-dagtilbud', 'children']] },
  ]);
});

describe('one name of several units: the one that states the figure', () => {
  run([{ kb: 'seed', q: 'hvor mange medarbejdere er der ansat på dagtilbudsomraadet', want: [['htk-dagtilbudsomraadet', 'employees']] }]);
});

describe('a post named qualifies the count', () => {
  run([
    { kb: 'slv', q: 'hvor mange børnehuse har en PFL', want: [['slv-ssb', 'deputies']] },
    { kb: 'slv', q: 'hvor mange børnehuse havde en pfl 1. oktober', want: [['slv-ssb', 'deputies']] },
    { kb: 'slv', q: "how many children's houses have a pedagogical lead", want: [['slv-ssb', 'deputies']] },
    { kb: 'hvm', q: 'hvor mange ledere har børnechefen i direkte reference i dag', want: [['hvm-dagtilbud', 'leaders']] },
  ]);
});

describe('spelling: ASCII, typos, inflection, a polite opener', () => {
  run([
    { kb: 'fjb', q: 'hej, kan du fortælle mig hvor mange børn der går i Mågen?', want: [['fjb-maagen', 'children']] },
    { kb: 'fjb', q: 'hvor mange børn gaar i maagen', want: [['fjb-maagen', 'children']], not: [['fjb-center-for-dagtilbud', 'children']] },
    { kb: 'fjb', q: 'Mågen - antal børn?', want: [['fjb-maagen', 'children']] },
    { kb: 'fjb', q: 'mågens børnetal', want: [['fjb-maagen', 'children']] },
    { kb: 'fjb', q: 'hvor mange instituioner er der i område nord', want: [['fjb-omraade-nord', 'facilities']] },
    { kb: 'fjb', q: 'hvor mange medarbejdre har mågen', want: [['fjb-maagen', 'employees']] },
    { kb: 'hbj', q: 'how many instituitons in enhed hede', want: [['hbj-enhed-hede', 'institutions']] },
    { kb: 'bkk', q: 'hvor mange boernehuse har omraade oest', want: [['bkk-omraade-oest', 'houses']], not: [['bkk-omraade-vest', 'houses']] },
    { kb: 'bkk', q: 'Area East: number of children\'s houses?', want: [['bkk-omraade-oest', 'houses']] },
  ]);
});

describe('several figures at once, totals and each', () => {
  run([
    { kb: 'seed', q: 'how many employees and how many children in baltorp', want: [['bal-distrikt-baltorp', 'employees'], ['bal-distrikt-baltorp', 'children']] },
    { kb: 'fjb', q: 'how many employees does maagen have and how many children', want: [['fjb-maagen', 'employees'], ['fjb-maagen', 'children']] },
    { kb: 'fjb', q: 'hvor mange medarbejdere har mågen og ålekisten', want: [['fjb-maagen', 'employees']] },
    { kb: 'fjb', q: 'how many kids in Område Syd and Område Nord combined', want: [['fjb-center-for-dagtilbud', 'children']] },
    { kb: 'fjb', q: 'hvor mange børn er der i hvert område', want: [['fjb-omraade-nord', 'children'], ['fjb-omraade-syd', 'children']] },
    { kb: 'bkk', q: 'how many houses does area east have compared with area west', want: [['bkk-omraade-oest', 'houses'], ['bkk-omraade-vest', 'houses']] },
    { kb: 'hbj', q: 'hvor mange institutioner er der i hver enhed', want: [['hbj-enhed-hede', 'institutions'], ['hbj-enhed-midtby', 'institutions']] },
    { kb: 'slv', q: 'hvor mange børnehuse er der i hver børnekreds', want: [['slv-kreds-aaen', 'houses'], ['slv-kreds-bakken', 'houses']] },
    { kb: 'rvs', q: 'how many institutions in mosen and torvet', want: [['rvs-faellesledelse-mosen', 'institutions'], ['rvs-faellesledelse-torvet', 'institutions']] },
  ]);
});

describe('figures as of a day, today and the coming one', () => {
  run([
    { kb: 'hvm', q: 'hvor mange souschefer er der nu', want: [['hvm-dagtilbud', 'deputies', '9 af']] },
    { kb: 'hvm', q: 'how many deputy heads will there be after 1 august 2027', want: [['hvm-dagtilbud', 'deputies', '13 af']], not: [['hvm-dagtilbud', 'deputies', '9 af']] },
    { kb: 'hvm', q: 'antal souschefer efter reorganiseringen', want: [['hvm-dagtilbud', 'deputies', '13 af']] },
    { kb: 'hvm', q: 'hvor mange souschefer er der i dag og hvor mange bliver der', want: [['hvm-dagtilbud', 'deputies', '9 af'], ['hvm-dagtilbud', 'deputies', '13 af']] },
    { kb: 'hvm', q: 'hvor mange boernehuse kommer i kvarter aaen', want: [['hvm-kvarter-aaen', 'houses']] },
    { kb: 'hbj', q: 'hvor mange børn er der i dagplejen nu', want: [['hbj-dagplejen', 'children', '181']], not: [['hbj-dagplejen', 'children', '186']] },
    { kb: 'hbj', q: 'how many children were in family day care on 1 october 2026', want: [['hbj-dagplejen', 'children', '186']], not: [['hbj-dagplejen', 'children', '181']] },
    { kb: 'hbj', q: 'hvor mange institutioner har enhed strand nu og fra august 2027', want: [['hbj-enhed-strand', 'institutions', '6'], ['hbj-enhed-strand', 'institutions', '7']] },
    { kb: 'hbj', q: 'hvor mange institutioner er der efter sandflugten åbner', want: [['hbj-ds', 'institutions', '18']] },
    { kb: 'rvs', q: 'hvor mange institutioner hører til kysten fra august 2027', want: [['rvs-faellesledelse-kysten', 'institutions', 'har 8']], not: [['rvs-faellesledelse-kysten', 'institutions', 'har 7']] },
    { kb: 'rvs', q: 'how many kids in family day care as of november 1', want: [['rvs-dagplejen', 'children']], not: [['rvs-bd', 'children', '212']] },
    { kb: 'slv', q: 'hvor mange børnehuse får skovbakken fra august 2027', want: [['slv-kreds-skovbakken', 'houses']] },
    { kb: 'slv', q: 'how many children were in the children\'s houses as of september 1 2026', want: [['slv-ssb', 'children', 'børnehusene']] },
  ]);
});

describe('the rest of a count, a count asked by reporting words, a post counted by its own name', () => {
  run([
    // "Without a X": the figure of those with it ("9 af de 14 børnehuse har en souschef") answers.
    { kb: 'hvm', q: 'hvor mange børnehuse er der uden souschef i dag', want: [['hvm-dagtilbud', 'deputies', '9 af']] },
    { kb: 'hvm', q: 'how many of the houses lack a deputy leader right now', want: [['hvm-dagtilbud', 'deputies', '9 af']] },
    { kb: 'slv', q: 'hvor mange børnehuse manglede en pfl i oktober', want: [['slv-ssb', 'deputies']] },
    { kb: 'hjs', q: 'how many børnecentre are without a viceleder', want: [['hjs-dtk', 'deputies']] },
    // "How many X report to <person>": the figure of X in the unit the person's post leads, or in the one unit below it.
    { kb: 'bkk', q: 'hvor mange sprogvejledere refererer til peter bisgaard', want: [['bkk-sprogteamet', 'consultants']] },
    { kb: 'rvs', q: 'how many dagplejekonsulenter report to tove riis mogensen', want: [['rvs-dagplejen', 'consultants']] },
    // A post counted in words of its own ("stedfortrædende husledere" is the souschef): the metric its name names.
    { kb: 'hvm', q: 'hvor mange stedfortrædende husledere er der efter 1. august 2027', want: [['hvm-dagtilbud', 'deputies', '13 af']], not: [['hvm-dagtilbud', 'leaders']] },
    { kb: 'hjs', q: 'hvor mange viceledere er der', want: [['hjs-dtk', 'deputies']] },
    // Everyday words for what is counted.
    { kb: 'fjb', q: 'the nursery in syd, how many little ones', want: [['fjb-aalekisten', 'children']], not: [['fjb-omraade-syd', 'children']] },
    { kb: 'fjb', q: 'no. of kids in mågen', want: [['fjb-maagen', 'children']] },
    { kb: 'hjs', q: 'how many centres does team øst have today', want: [['hjs-team-oest', 'institutions', '8 ']] },
    { kb: 'hjs', q: 'hvor mange pladser er der i børnecenter hasselbo', unknown: true },
  ]);
});

describe('a count on two days, or from one month to another', () => {
  run([
    { kb: 'hbj', q: 'how many kids in dagplejen on 1 oct and on 1 nov 2026', want: [['hbj-dagplejen', 'children', '186'], ['hbj-dagplejen', 'children', '181']] },
    { kb: 'hbj', q: 'how many children in family day care on 1 oct vs 1 nov', want: [['hbj-dagplejen', 'children', '186'], ['hbj-dagplejen', 'children', '181']] },
    { kb: 'hbj', q: 'er der blevet færre børn i dagplejen fra oktober til november', want: [['hbj-dagplejen', 'children', '186'], ['hbj-dagplejen', 'children', '181']] },
    { kb: 'hbj', q: 'hvor mange institutioner er der 1. januar 2027 og 1. september 2027', want: [['hbj-ds', 'institutions', '17'], ['hbj-ds', 'institutions', '18']] },
    { kb: 'hjs', q: 'hvor mange børnecentre har team vest 1. december 2026 og 1. juni 2027', want: [['hjs-team-vest', 'institutions', '6 '], ['hjs-team-vest', 'institutions', '4 ']] },
  ]);
});

describe('people of no one kind: the unit\'s own figures of people, of whichever metric', () => {
  run([
    { kb: 'seed', q: 'how many people are employed in the staff unit', want: [['htk-staben', 'employees']] },
    { kb: 'seed', q: 'how many people are in the pedagogical development team', want: [['htk-paedagogisk-udviklingsteam', 'consultants'], ['htk-paedagogisk-udviklingsteam', 'leaders']] },
    { kb: 'hbj', q: 'hvor mange personer er der i tværfagligt team i alt', want: [['hbj-tt', 'consultants', 'sprog'], ['hbj-tt', 'consultants', 'inklusion'], ['hbj-tt', 'employees']] },
    { kb: 'rvs', q: 'hvor mange folk er der i videnscenter børn', want: [['rvs-vcb', 'consultants', 'sprog'], ['rvs-vcb', 'consultants', 'trivsel'], ['rvs-vcb', 'employees']] },
    { kb: 'slv', q: 'hvor mange mennesker sidder i småbørns- og familieudvalget', want: [['slv-sfu', 'members']] },
    { kb: 'hjs', q: 'how many people work in rådgivningsteamet', want: [['hjs-rt', 'consultants']], not: [['hjs-dtk', 'employees']] },
    // Employees asked of a unit that states its people by another metric ("92 dagplejere": members).
    { kb: 'bkk', q: 'hvor mange er ansat i dagplejen', want: [['bkk-dagplejen', 'members']], not: [['bkk-smaaboernsafdelingen', 'employees']] },
    // A word for people with another thing counted is no count of people.
    { kb: 'fjb', q: 'how many hours a week does the ålekisten coordinator work', not: [['fjb-aalekisten', 'children']] },
  ]);
});

describe('a verb that only places the count in its unit asks for no other number', () => {
  run([
    { kb: 'bkk', q: 'hvor mange børnehuse hører under område øst', want: [['bkk-omraade-oest', 'houses']] },
    { kb: 'bkk', q: 'hvor mange børnehuse er placeret i område øst', want: [['bkk-omraade-oest', 'houses']], not: [['bkk-omraade-vest', 'houses']] },
    { kb: 'bkk', q: 'hvor mange dagplejere er tilknyttet dagplejen', want: [['bkk-dagplejen', 'members']] },
    { kb: 'bkk', q: 'hvor mange børnehuse består område øst af', want: [['bkk-omraade-oest', 'houses']] },
    { kb: 'bkk', q: 'how many houses belong to area east', want: [['bkk-omraade-oest', 'houses']] },
    { kb: 'fjb', q: 'how many facilities are located in area north', want: [['fjb-omraade-nord', 'facilities']] },
    { kb: 'rvs', q: 'hvor mange dagplejere er tilknyttet dagplejeafdelingen', want: [['rvs-dagplejen', 'employees']] },
    { kb: 'hjs', q: 'hvor mange børnecentre hører under team øst i dag', want: [['hjs-team-oest', 'institutions', '8 ']] },
    // A word that says which children are counted is no such verb: the documents give no such figure.
    { kb: 'fjb', q: 'hvor mange børn står på venteliste i mågen', unknown: true },
  ]);
});

describe('a figure stated for a period, a unit of measure counted, a month asked in the past tense', () => {
  run([
    // No time asked: the figure stated for a period answers (a budget, a grant for next year).
    { kb: 'bkk', q: 'hvor mange kroner har småbørnsafdelingen i budget', want: [['bkk-smaaboernsafdelingen', 'amount']] },
    { kb: 'hjs', q: 'hvor mange penge er der bevilget til legepladser', want: [['hjs-dtk', 'amount', 'legepladser']], not: [['hjs-team-midt', 'amount']] },
    // The question's own words single out one of the measured figures.
    { kb: 'hjs', q: 'how much money was granted for playgrounds', want: [['hjs-dtk', 'amount', 'legepladser']], not: [['hjs-team-midt', 'amount']] },
    // "How many per cent": the figure measured in "%" or "procent".
    { kb: 'slv', q: 'hvor mange procent var sygefraværet i solvang småbørn', want: [['slv-ssb', 'absence']] },
    { kb: 'slv', q: 'hvor højt var sygefraværet i solvang småbørn i procent', want: [['slv-ssb', 'absence']] },
    { kb: 'bkk', q: 'hvor mange procent var sygefraværet', want: [['bkk-smaaboernsafdelingen', 'absence']] },
    // A month without a year asked in the past tense is the last one passed.
    { kb: 'hjs', q: 'hvad var sygefraværet i dagtilbudskontoret i oktober', want: [['hjs-dtk', 'absence']] },
    { kb: 'slv', q: 'hvad var sygefraværet i juli', want: [['slv-ssb', 'absence']] },
  ]);
});

describe('two counts of one metric, the count spread over units, a post that stands in for another', () => {
  run([
    // A later figure of the same metric replaces an earlier one only when it counts the same thing.
    { kb: 'slv', q: 'how many children are there in solvang småbørn', want: [['slv-ssb', 'children', 'børnehusene']] },
    { kb: 'hbj', q: 'hvor mange børn går der i dagplejen havbjerg', want: [['hbj-dagplejen', 'children', '181']], not: [['hbj-dagplejen', 'children', '186']] },
    // "How many in each": the metric named before the count is what is counted.
    { kb: 'fjb', q: 'børn i mågen og ålekisten, hvor mange i hver', want: [['fjb-maagen', 'children'], ['fjb-aalekisten', 'children']] },
    { kb: 'bkk', q: 'houses in area east and area west, how many in each', want: [['bkk-omraade-oest', 'houses'], ['bkk-omraade-vest', 'houses']] },
    // A post that stands in for another (the deputy relations) counts deputies, whatever its name.
    { kb: 'hjs', q: 'how many vicelederne are there today', want: [['hjs-dtk', 'deputies']] },
    // Two metrics with no "and" between them are one count, the figure that names both ("9 af de 14 børnehuse har en souschef").
    { kb: 'hvm', q: 'how many deputy heads do the houses have today', want: [['hvm-dagtilbud', 'deputies', '9 af']] },
    { kb: 'rvs', q: 'hvor mange børn var der i institutionerne 1. oktober 2026', want: [['rvs-bd', 'children', 'institutioner']], not: [['rvs-bd', 'institutions', '19']] },
    { kb: 'lht', q: 'how many assistant universe leaders do we have today', want: [['lht-sekdag', 'deputies', '2 af']] },
    { kb: 'lht', q: 'kids in kirkebyen and hedelund, how many in each', want: [['lht-bu-kirkebyen', 'children'], ['lht-bu-hedelund', 'children']] },
    // The words for the figure's unit of measure are answered by it.
    { kb: 'hjs', q: 'hvor mange procent sygefravær var der i oktober 2026', want: [['hjs-dtk', 'absence']] },
  ]);
});

describe('a figure a unit above states about the unit asked, and a unit that comes or goes on a day', () => {
  run([
    // "128 børn i Hjortsø Dagpleje" is stated by Dagtilbudskontoret: it answers for Hjortsø Dagpleje.
    { kb: 'hjs', q: 'hvor mange børn er der i hjortsø dagpleje', want: [['hjs-dtk', 'children', 'Dagpleje']], not: [['hjs-dtk', 'children', 'børnecentrene']] },
    { kb: 'hjs', q: 'how many kids go to hjortsø dagpleje', want: [['hjs-dtk', 'children', 'Dagpleje']] },
    // A figure that names only the kind of the unit ("børn i børnecentrene") is no count of one of them.
    { kb: 'hjs', q: 'hvor mange børn går der i børnecenter hasselbo', want: [['hjs-bc-hasselbo', 'children']], not: [['hjs-dtk', 'children', 'børnecentrene']] },
    { kb: 'slv', q: 'how many children go to børnekreds åen', unknown: true, not: [['slv-ssb', 'children', 'børnehusene']] },
    // "Når Sandflugten er åbnet", "after Ravneklit opens": the unit named is when, the figure is of the other one.
    { kb: 'hbj', q: 'hvor mange institutioner har enhed midtby når sandflugten er åbnet', want: [['hbj-enhed-midtby', 'institutions']] },
    { kb: 'hvm', q: 'hvor mange dagplejere kommer med ind i kvarter skoven', want: [['hvm-dagplejen', 'employees']] },
    { kb: 'rvs', q: 'how many institutions will kysten have once ravneklit opens', want: [['rvs-faellesledelse-kysten', 'institutions', 'har 8']] },
  ]);
});

describe('what is counted: the head of a name said after "how many", and the figure that counts it by its own number', () => {
  run([
    // "children's universes" names a kind: its last word is what is counted, not the children.
    { kb: 'lht', q: "how many children's universes will there be after august 2027", want: [['lht-sekdag', 'other', '2 børneuniverser fra']], not: [['lht-sekdag', 'children', '900']] },
    // "3 børneuniverser" counts them; "2 af de 3 børneuniverser har en assisterende universleder" counts some of them.
    { kb: 'lht', q: 'hvor mange børneuniverser er der i dag', want: [['lht-sekdag', 'other', '3 børneuniverser']] },
    { kb: 'hjs', q: 'how many of the børnecentre had a viceleder on 1 november 2026', want: [['hjs-dtk', 'deputies']] },
  ]);
});
