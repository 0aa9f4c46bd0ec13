/**
 * Robustness of the policies and definitions answers: working questions of those kinds that pass, asked in other words
 * (everyday and formal, English with Danish names, ASCII spellings, inflections, filler words, another word order) on
 * several knowledge bases. Each states the core fact and never the tempting wrong one. "~" starts a regular expression.
 */
import { describe, it } from 'vitest';
import { KB_DIRS, phrasedCaseCheck, type PhrasedCase } from '../helpers/answerers.js';

const NOW = new Date('2026-11-30T09:00:00Z');
const DIRS = KB_DIRS;
type Kb = keyof typeof DIRS;
type Case = PhrasedCase & { readonly kb: Kb };

const check = phrasedCaseCheck(DIRS, NOW);

const POLICIES: Case[] = [
  { kb: 'lht', q: 'hvem vedtog politikken om søvn', must: ['børne- og fællesskabsudvalget'] },
  { kb: 'lht', q: 'who actually adopted the nap policy', must: ['~communities|fællesskabsudvalget'] },
  { kb: 'lht', q: 'fra hvornår gælder søvnpolitikken', must: ['1. januar 2027'] },
  { kb: 'lht', q: 'hvem har godkendt vikarretningslinjen', must: ['universrådet'] },
  { kb: 'lht', q: 'what does the guideline on substitutes demand', must: ['vikarportalen'] },
  { kb: 'lht', q: 'hvad kræver retningslinjen for vikarbrug egentlig', must: ['vikarportalen'] },
  { kb: 'lht', q: 'hvor tit skal der laves sovetjek på de mindste børn', must: ['~10\\. minut|every 10'] },
  { kb: 'hbj', q: 'hvornaar traeder madpolitikken i kraft', must: ['1. januar 2027'] },
  { kb: 'hbj', q: 'who passed the måltidspolitik', must: ['family and health committee'] },
  { kb: 'hbj', q: 'hvad skal den daglige leder ifølge madpolitikken', must: ['måltidsplan'] },
  { kb: 'hbj', q: 'hvad står der i madpolitikken om fødselsdage', must: ['kage'] },
  { kb: 'hbj', q: 'which policies must the daglige ledere know', must: ['meal'] },
  { kb: 'hbj', q: 'hvor ofte gennemgår sundhedsplejen måltidsplanen', must: ['hvert andet år'] },
  { kb: 'slv', q: 'how long does the movement policy apply', must: ['2030'] },
  { kb: 'slv', q: 'what does the parent cooperation framework require', must: ['~parents.? meeting|forældremøde'] },
  { kb: 'slv', q: 'hvad siger bevægelses politikken om dagplejerne', must: ['legestue'] },
  { kb: 'slv', q: 'hvornår skal alle huse have en uddannet bevægelsesvejleder', must: ['2028'] },
  { kb: 'rvs', q: 'hvad siger politikken for mad og bordkultur om fødselsdage', must: ['kage'] },
  { kb: 'rvs', q: 'which policies does the bestyrer need to know', must: ['driftsoverenskomst'] },
  { kb: 'rvs', q: 'does the meal policy also cover bølgen', must: ['~^yes\\b', 'self-governing'] },
  { kb: 'rvs', q: 'må man give saftevand til frokost efter madpolitikken', must: ['sukker'] },
  { kb: 'hjs', q: 'who passed the digital literacy policy', must: ['committee for children, families and leisure'] },
  { kb: 'hjs', q: 'hvad siger den digitale politik om mobiltelefoner', must: ['uden for børnegruppen'] },
  { kb: 'hjs', q: 'may the nursery children use screens under the digital policy', must: ['under 3'] },
  { kb: 'bkk', q: 'what is the early intervention policy for', must: ['~distress|noticed early|seen early'] },
  { kb: 'bkk', q: 'hvem vedtog tidlig indsats politikken', must: ['børne- og skoleudvalget'] },
  { kb: 'other', q: 'who passed the learning strategy', must: ['~børne- og familieudvalget|children and families committee'] },
  { kb: 'other', q: 'what does the læringsstrategi say about language', must: ['age-appropriate'] },
  { kb: 'seed', q: 'hvilke strategier skal dagtilbudschefen kende', must: ['inklusionsstrategi', 'sprogstrategi'] },
];

const DEFINITIONS: Case[] = [
  { kb: 'lht', q: 'hvad er et sovetjek egentlig', must: ['~vejrtrækning|sovende barn'] },
  { kb: 'lht', q: "what's a universdag", must: ['~whole day|full day'] },
  { kb: 'lht', q: 'what does AUL stand for', must: ['assisterende universleder'], not: ['netværket'] },
  { kb: 'lht', q: 'hvad står UL for', must: ['universleder'] },
  { kb: 'hbj', q: 'what is a driftsoverenskomst', must: ['agreement'] },
  { kb: 'hbj', q: 'hvad står TT for', must: ['tværfagligt team'] },
  { kb: 'slv', q: 'hvad er PRC', must: ['pædagogisk ressourcecenter'] },
  { kb: 'slv', q: 'hvad står SSB for', must: ['solvang småbørn'] },
  { kb: 'slv', q: 'hvad betyder nødpasningshus', must: ['sommerlukning'] },
  { kb: 'rvs', q: 'what does DPA stand for', must: ['dagplejeafdeling'] },
  { kb: 'rvs', q: 'hvad betyder VCB', must: ['videnscenter børn'] },
  { kb: 'rvs', q: 'what is meant by pladsgaranti', must: ['three months'] },
  { kb: 'hjs', q: 'what does RT mean', must: ['rådgivningsteamet'] },
  { kb: 'hjs', q: 'hvad står DTK for', must: ['dagtilbudskontoret'] },
  { kb: 'hjs', q: 'hvad er DT-MED for noget', must: ['med'] },
  { kb: 'bkk', q: 'hvad står KLAR for', must: ['kig', 'lyt', 'aftal'] },
  { kb: 'bkk', q: 'hvad er et trivselsmøde', must: ['forældre'] },
  { kb: 'bkk', q: 'what is LUF', must: ['~leadership development|lederudviklingsforum'] },
  { kb: 'other', q: 'what is PUT', must: ['pædagogisk udviklingsteam'] },
  { kb: 'seed', q: 'what is faglig ledelse', must: ['~children.s (outcome|benefit)|børnenes udbytte'] },
];

describe('policies in other words', () => it.each(POLICIES)('$kb: $q', check));
describe('definitions in other words', () => it.each(DEFINITIONS)('$kb: $q', check));
