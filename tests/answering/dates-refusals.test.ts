/**
 * The calendar's wrong refusals: "I have no dates that fit" or "I don't know" where the knowledge base holds the date.
 * Each case is a phrasing of our own (never copied from the question bank) on several knowledge bases, for a class
 * of refusal: a word the knowledge base has no trace of beside the words that name the dated thing; a word for a
 * period's first or last day beside a year; a year that narrows a named thing rather than asking for a listing; a
 * word another kind of question uses as its cue ("orlov") that tells dated items apart. The unanswerable side stays
 * refused: the same shapes about things the documents do not date.
 */
import { describe, expect, it } from 'vitest';
import { renderAnswerText } from '../../src/answering/index.js';
import { HVM, LHT, HJS, RVS, SLV, UVD, HBJ, EGS, BRK, BKK, FJB, SEED, useDatedBases } from '../helpers/dated-cases.js';

const { answererFor, check } = useDatedBases();

describe("a period's first or last day asked beside a word the knowledge base has no trace of", () => {
  check([
    [HVM, 'when does the mus round for the souschefer start', 'en', ['2027-10-01'], ['2027-02-01']],
    [HVM, 'first day of the mus round for the souschefer', 'en', ['2027-10-01'], ['2027-02-01']],
    [LHT, 'hvornår er sidste dag man kan svare på forældrebarometeret', 'da', ['2027-02-26']],
    [UVD, 'sidste dag man kan svare på forældrepulsen', 'da', ['2027-02-26']],
    [HJS, 'when do the language assessments finish', 'en', ['2027-11-26']],
    [HJS, 'sidste dag for lus samtaler', 'da', ['2027-04-30']],
    [SLV, 'hvornår er fodspor registreringen slut', 'da', ['2027-11-12']],
    [UVD, 'when are the inspection visits over', 'en', ['2027-11-19']],
  ]);
});

describe('a year beside a named thing narrows it; it asks for no listing', () => {
  check([
    [RVS, 'hvornår er tilsynet færdigt i 2027', 'da', ['2027-11-19'], ['2027-03-12']],
    [HBJ, 'when does the pedagogical supervision end in 2027', 'en', ['2027-11-19'], ['2027-03-12']],
    [HJS, 'when is the leaders gathering in 2027', 'en', ['2027-09-16'], ['2027-08-20']],
    [UVD, 'hvornår er lederstævnet i 2027', 'da', ['2027-09-09'], ['2027-08-27']],
  ]);
});

describe('a cue word of another kind of question that the dated item says', () => {
  check([
    [HJS, 'hvornår er teamchefen på orlov', 'da', ['2027-03-01', '2027-08-31'], ['2027-04-30']],
    [HJS, 'when is the team head on leave', 'en', ['2027-03-01', '2027-08-31'], ['2027-04-30']],
  ]);
});

describe('dated items asked in everyday words (passing; kept so that they stay so)', () => {
  check([
    [HJS, 'hvornår skal kvalitetsrapporterne være afleveret', 'da', ['2027-12-01']],
    [HJS, 'hvornår skal man melde sig til ledersamlingen', 'da', ['2027-08-20'], ['2027-09-16']],
    [HJS, 'hvornår skal hvert børnecenter have en digital ambassadør', 'da', ['2027-06-01']],
    [HJS, 'when was dagtilbudsteam midt set up', 'en', ['2027-05-01']],
    [RVS, 'when does the joint leader retire', 'en', ['2027-03-31']],
    [RVS, 'when does the new house ravneklit open its doors', 'en', ['2027-08-01']],
    [RVS, 'hvornaar skal budgetopfoelgningen indberettes', 'da', ['2027-08-20']],
    [RVS, 'hvornår skal læreplansevalueringen afleveres', 'da', ['2027-05-31']],
    [SLV, 'when is the first round of interviews for the kastanjen job', 'en', ['2027-01-14'], ['2027-01-20']],
    [UVD, 'hvornår skal man tilmelde sig lederstævnet', 'da', ['2027-08-27'], ['2027-09-09']],
    [HBJ, 'when must the kitchen staff have done the madmod course', 'en', ['2027-12-31']],
    [HBJ, 'hvornår bliver dagplejen en del af enhed hede', 'da', ['2027-05-01']],
    [EGS, 'hvornår er temadagen', 'da', ['2027-03-05']],
  ]);
});

describe('the same shapes about things the documents do not date stay unanswered', () => {
  const cases: ReadonlyArray<readonly [string, string]> = [
    [HVM, 'when does the swimming round for the souschefer start'],
    [HVM, 'hvornår starter svømmeholdet for souschefer'],
    [LHT, 'hvornår er sidste dag man kan tilmelde sig svømmeholdet'],
    [HJS, 'hvornår er sommerfesten i 2027'],
    [RVS, 'hvornår er julefrokosten færdig i 2027'],
  ];
  for (const [dir, question] of cases) {
    it(`${dir.replace('tests/fixtures/', '')}: ${question}`, () => {
      const answer = answererFor(dir).answer(question);
      expect(answer.kind, `${question}\n${renderAnswerText(answer)}`).not.toBe('answer');
    });
  }
});

describe('a second batch, written after the first fixes on a municipality they were not written against (Brinkeby)', () => {
  check([
    [BRK, 'hvornår skal sprogvurderingerne af 3-årige være færdige', 'da', ['2027-03-31']],
    [BRK, 'when do the language assessments of the 3 year olds begin', 'en', ['2027-02-01']],
    [BRK, 'sidste frist for at registrere sprogvurderingerne i sprogportalen', 'da', ['2027-04-15']],
    [BRK, 'hvornår skal budgetønskerne for 2028 være inde', 'da', ['2027-03-19']],
    [BRK, 'when is the budget seminar for the dtl', 'en', ['2027-04-22']],
    [BRK, 'hvornår er lederdagen i 2027', 'da', ['2027-06-03'], ['2027-05-20']],
    [BRK, 'what is the last day to sign up for the leaders day', 'en', ['2027-05-20'], ['2027-06-03']],
    [BRK, 'hvornår er tilsynet i børnehusene slut', 'da', ['2027-10-29']],
    [BRK, 'when does the committee get the quality report', 'en', ['2027-09-07']],
    [BRK, 'hvornår holdes lus samtalerne med netværkslederne', 'da', ['2027-10-04'], ['2027-01-18']],
    [BRK, 'when does the new network leader for molen start', 'en', ['2027-04-01']],
    [BRK, 'hvornår var ansøgningsfristen til netværkslederjobbet', 'da', ['2027-01-08']],
    [BRK, 'hvor ofte holdes husledertræf', 'da', ['torsdag']],
    [BRK, 'hvornår mødes fællesrådet for forældre næste gang', 'da', ['2027-02-24']],
    [BRK, 'hvad besluttede bfu om forældresamarbejde', 'da', ['2027-01-01']],
    [BRK, 'hvornår træder politikken for forældresamarbejde i kraft', 'da', ['2027-01-01']],
    [BKK, 'hvor mange gange om året mødes luf', 'da', ['4 gange']],
  ]);
});

describe("a meeting's agenda, which the documents do not give, is not answered with its days", () => {
  const cases: ReadonlyArray<readonly [string, string]> = [
    [LHT, 'hvad er dagsordenen for næste universrådsmøde'],
    [BRK, 'what is on the agenda for the next dtl meeting'],
  ];
  for (const [dir, question] of cases) {
    it(`${dir.replace('tests/fixtures/', '')}: ${question}`, () => {
      const answer = answererFor(dir).answer(question);
      expect(answer.kind, `${question}\n${renderAnswerText(answer)}`).toBe('unknown');
    });
  }
});

describe('two kinds of date asked together ("frist og startdato", "deadline and start date"): both, not one or none', () => {
  check([
    [SEED, 'frist og startdato for vuggestuelederjobbet i stjernehuset', 'da', ['2026-01-10', '2026-03-01']],
    [SEED, 'ansøgningsfrist og tiltrædelse for stillingen i stjernehuset', 'da', ['2026-01-10', '2026-03-01']],
    [FJB, 'deadline and start date for the mågen job', 'en', ['2026-02-20', '2026-04-01'], ['2026-05-01']],
    [BKK, 'ansøgningsfrist og samtaler til kløverengen', 'da', ['2027-01-18', '2027-01-25'], ['2027-03-01']],
    [SLV, 'tilmeldingsfristen til lederdagen', 'da', ['2027-08-13'], ['2027-09-09']],
  ]);
});
