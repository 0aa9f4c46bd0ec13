/**
 * Decisions asked in other words than the minutes' (for the body, the matter and the verb: "vedtog", "agreed", "what
 * came out of", "udfaldet"), on several knowledge bases; and the line between a decision and what is not one: a
 * question about a thing no decision says ("hvornår blev årshjulet godkendt" where the calendar is approved in no
 * minutes) is answered by what does say it (the document's own date, a statement), never by another decision; a date
 * of a body that records no act ("proposals are sent to the council") does not answer when the council approved
 * something. Phrasings are our own, never copied from the question bank.
 */
import { describe, expect, it } from 'vitest';
import { renderAnswerText } from '../../src/answering/index.js';
import { HVM, LHT, HJS, RVS, SLV, UVD, HBJ, BRK, BKK, FJB, SEED, useDatedBases } from '../helpers/dated-cases.js';

const { answererFor, check } = useDatedBases();

describe('what a body decided, asked with other verbs and words for the outcome', () => {
  check(
    [
      [RVS, 'what came out of the meeting on 12 november', 'en', ['2026-11-12']],
      [HVM, 'what came out of the committee meeting about the districts', 'en', [['kvarterer', 'districts']]],
      [HBJ, 'hvad kom der ud af udvalgsmødet om dagplejen', 'da', ['Enhed Hede']],
      [SLV, 'what was the outcome for mælkebøtten', 'en', ['Mælkebøtten'], ['Skoven']],
      [HJS, 'hvad blev udfaldet for team midt', 'da', ['teamstruktur']],
      [UVD, 'what did the committee agree on udespiren', 'en', ['Udespiren'], ['Sandager']],
      [HVM, 'hvad blev udvalget enige om i november', 'da', ['2026-11-18']],
      [RVS, 'what did the committee agree on ravneklit', 'en', ['Ravneklit'], ['Mosen']],
      [HBJ, 'hvad vedtog fsu den 12. november', 'da', ['2026-11-12']],
      [SLV, 'what did kredsforum approve in october', 'en', ['funktionsbeskrivelse', 'function description']],
      [LHT, 'what did the committee decide on naturnøglen', 'en', ['Naturnøglen'], ['Vesterløkke']],
    ],
    'headline',
  );
});

describe('the vote and its outcome, asked in everyday words', () => {
  check([
    [RVS, 'var beslutningen om dagplejen enstemmig', 'da', [['5 for', '4 imod']]],
    [HBJ, 'hvem stemte imod flytningen af dagplejen', 'da', ['3']],
    [SLV, 'how did the vote on skovbakken go', 'en', ['5 votes for']],
    [HJS, 'hvor mange undlod at stemme om skærmpolitikken', 'da', ['2 undlod']],
    [LHT, 'hvad blev resultatet af afstemningen om vestermarken', 'da', ['7 stemmer for']],
    [HVM, 'fra hvornår får 13 af husene souschef', 'da', ['2027-08-01']],
  ]);
});

describe('when something was approved that no decision is about: what says it answers, not another decision', () => {
  check([
    [UVD, 'when was the årshjul approved', 'en', ['2026-11-19'], ['Sandager', 'Udespiren']],
    [LHT, 'hvornår godkendte universrådet årshjulet', 'da', ['2026-11-19'], ['Vesterløkke']],
    [LHT, 'when did universrådet approve the annual calendar', 'en', ['2026-11-19'], ['Vesterløkke']],
    [HVM, 'what date was the souschef decision made and from when does it apply', 'en', ['2026-11-18', '2027-08-01']],
  ]);
});

describe('a decision about the calendar answers for it where the minutes hold one', () => {
  check([
    [RVS, 'hvornår blev årshjulet godkendt', 'da', ['2026-12-09']],
    [HBJ, 'hvornår godkendte chefgruppen årshjulet', 'da', ['2026-12-09']],
    [SLV, 'hvornår godkendte kredsforum årshjulet', 'da', ['2026-11-25']],
  ]);
});

describe('dates that record the act asked about', () => {
  check([
    [BKK, 'when was the early intervention policy adopted', 'en', ['2026-06-10']],
    [BKK, 'when was it decided to roll out klar', 'en', ['2026-10-06'], [['August 2027']]],
    [BKK, 'hvornår blev ledelsesstrukturen vedtaget', 'da', ['2026-08-20']],
    [SEED, 'hvornår blev distriktsstrukturen vedtaget i ballerup', 'da', ['2016']],
    [SLV, 'hvornår træder bevægelsespolitikken i kraft', 'da', ['2027-01-01']],
  ]);
});

describe('the application deadline asked with the verb for applying', () => {
  check([
    [FJB, 'hvornår skal man have søgt stillingen i mågen', 'da', ['2026-02-20'], ['2026-04-01']],
    [FJB, 'hvornår skal ansøgningen være inde til jobbet i mågen', 'da', ['2026-02-20'], ['2026-04-01']],
    [FJB, 'when do i have to apply for the mågen job', 'en', ['2026-02-20'], ['2026-04-01']],
    [BKK, 'hvornår kan man søge stillingen i kløverengen', 'da', ['2027-01-18'], ['2027-03-01']],
  ]);
});

describe('decisions the minutes do not hold stay unanswered by another decision', () => {
  const cases: ReadonlyArray<readonly [string, string, readonly string[]]> = [
    [RVS, 'hvad kom der ud af mødet om svømmehallen', ['Mosen', 'Ravneklit', 'madpolitik']],
    [UVD, 'what was the outcome for the new swimming pool', ['Sandager', 'Udespiren', 'sleep']],
    [HJS, 'hvornår blev personalehåndbogen godkendt', ['teamstruktur', 'Legeplads', 'digital']],
  ];
  for (const [dir, question, wrong] of cases) {
    it(`${dir.replace('tests/fixtures/', '')}: ${question}`, () => {
      const answer = answererFor(dir).answer(question);
      const text = renderAnswerText(answer);
      for (const w of wrong) expect(answer.headline.toLowerCase(), `${question}\n${text}`).not.toContain(w.toLowerCase());
    });
  }
});

describe('who chairs a body: a vice-chair is not the chair; a post whose duties say it chairs is', () => {
  check(
    [
      [UVD, 'who chairs centermed', 'en', [['fagcenterchef', 'head of the centre']], ['Jonas']],
      [UVD, 'hvem er formand for centermed', 'da', [['fagcenterchef']], ['Jonas']],
      [SLV, 'who chairs samarbejdsudvalget for småbørn', 'en', [['børneområdechef', 'head of early years']], ['Jonas']],
      [SLV, 'hvem er næstformand i samarbejdsudvalget for småbørn', 'da', ['Jonas Brink Holst']],
      [UVD, 'who is the vice-chair of centermed', 'en', ['Jonas Breum Thygesen']],
      [HBJ, 'who chairs the fsu', 'en', ['Gitte Lassen']],
    ],
    'headline',
  );
});

describe('a decision about an item whose post it changes, its point about that item first', () => {
  check([
    [BRK, 'what did the committee decide about PU', 'en', ['Pedagogical Development reports directly']],
    [BRK, 'hvad blev der besluttet om pædagogisk udvikling', 'da', ['teamlederen for Pædagogisk Udvikling direkte']],
  ]);
});

describe('who hosts a meeting, where the meeting\'s own words say its unit does', () => {
  check(
    [
      [BRK, 'hvem er vært for udviklingscaféen', 'da', ['Pædagogisk Udvikling']],
      [BRK, 'who hosts the development cafe', 'en', ['Pædagogisk Udvikling']],
    ],
    'headline',
  );
});

describe('an interview round written as a compound ("samtalerunde") or in words', () => {
  check([
    [BRK, 'hvornår er 2. samtalerunde til netværkslederstillingen', 'da', ['2027-01-25'], ['2027-01-18']],
    [BRK, 'hvornår er anden samtalerunde til netværkslederstillingen', 'da', ['2027-01-25'], ['2027-01-18']],
    [BRK, 'hvornår er første samtalerunde til stillingen i molen', 'da', ['2027-01-18'], ['2027-01-25']],
    [SLV, 'hvornår er 2. samtalerunde til huschefstillingen i kastanjen', 'da', ['2027-01-20'], ['2027-01-14']],
    [RVS, 'hvornår er anden samtalerunde til matrikellederstillingen', 'da', ['2027-02-03'], ['2027-01-26']],
  ]);
});
