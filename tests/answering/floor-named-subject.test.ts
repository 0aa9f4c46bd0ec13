/**
 * The floor's subject checks (src/answering/floor.ts): an answer must be about what the question names.
 * - A unit, posting, meeting or group the question names that the answer neither names nor is inside or above, while
 *   the answer's headline names another thing of the same kind instead ("the coordinator in Mågen" answered by the
 *   coordinator post in Ålekisten; the area leader "in Område Syd" answered by the one of Område Nord).
 * - A post asked about ("områdeleder stillingen") answered by a posting for another post only.
 * - A count question naming a person, post or place whose answer counts a unit around it, not one it leads or holds.
 * - "What time" answered by a day without a time of day.
 * - A year the question names as a round of a thing ("budgetønsker for 2029") or as the period of a "when" question
 *   ("when is LUF in 2028") that the answer does not give: the answer speaks of another year.
 * Each gives "I don't know" without the neighbouring fact, and the same phrasings about the right thing still answer.
 * Phrasings are our own, on four knowledge bases.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderAnswerText } from '../../src/answering/index.js';
import { loadAnswerers, type Loaded } from '../helpers/answerers.js';

const NOW = new Date('2026-11-30T09:00:00Z');
const OTHER = 'tests/fixtures/kb-other';
const BAKKEKAER = 'tests/fixtures/kb-bakkekaer';
const HAVBJERG = 'tests/fixtures/kb-havbjerg';
const HVIDMOSE = 'tests/fixtures/kb-hvidmose';

let bases: Map<string, Loaded>;
beforeAll(async () => {
  bases = await loadAnswerers([OTHER, BAKKEKAER, HAVBJERG, HVIDMOSE], NOW);
});

const ask = (dir: string, question: string) => {
  const answer = bases.get(dir)!.answerer.answer(question);
  return { answer, text: renderAnswerText(answer, { details: true }) };
};

/** [knowledge base, question, the neighbouring fact that must not be given] */
const REFUSED: ReadonlyArray<readonly [string, string, RegExp]> = [
  [OTHER, 'when does the pædagogisk koordinator in mågen start', /1 May 2026/i],
  [OTHER, 'hvad er telefonnummeret til områdelederen i område syd', /61 22 33 44/],
  [OTHER, 'hvornår er ansøgningsfristen for områdeleder stillingen', /20\. februar/i],
  [BAKKEKAER, 'who can i call about the job as børnehusleder in område øst', /41 52 63 74/],
  [BAKKEKAER, 'when does the new souschef in kløverengen start', /1 March 2027/i],
  [HAVBJERG, 'when is the first interview for the ledende pædagog job in rævehøj', /26 January/i],
  [HAVBJERG, 'hvornår holder netværket for daglige ledere møde', /1\. februar/i],
  [HAVBJERG, 'hvornår skal budgetønsker for 2029 sendes', /12\. marts/i],
  [HVIDMOSE, 'when is the final budget for 2027 announced', /15 December/i],
  [HVIDMOSE, 'hvornår er der MUS for souschefer i 2026', /oktober|februar/i],
  [BAKKEKAER, 'when is LUF in 2028', /four times|3 February/i],
  // A count for the unit around the person asked about is no count of theirs.
  [HAVBJERG, 'hvor mange medarbejdere leder merete lund skovgaard', /430/],
  // A waiting list of the whole department is none of a unit inside it, also when the general search finds it.
  [HAVBJERG, 'how many children are on the waiting list in enhed strand right now', /\b64\b/],
  // "What time" (lexicon floor.clockWords) is not answered by a day without a time of day.
  [HAVBJERG, 'hvad tid er tilmeldingsfristen til lederdagen', /1\. oktober/i],
  [BAKKEKAER, 'what time is the LUF meeting on 5 may', /5 May/i],
];

/** [knowledge base, question, what the right answer states] */
const ANSWERED: ReadonlyArray<readonly [string, string, RegExp]> = [
  [OTHER, 'hvornår starter den nye pædagogiske koordinator i ålekisten', /1\. maj 2026/i],
  [OTHER, 'hvad er telefonnummeret til områdelederen i område nord', /61 22 33 44/],
  [BAKKEKAER, 'who can i call about the job as børnehusleder in område vest', /41 52 63 74/],
  [BAKKEKAER, 'do they use the KLAR model in kloverengen yet', /August 2027/i],
  [HAVBJERG, 'when is the first interview for the daglig leder job in rævehøj', /26 January 2027/i],
  [HAVBJERG, 'hvornår holder netværket for ledende pædagoger møde', /1\. februar 2027/i],
  [HAVBJERG, 'hvornår skal budgetønsker for 2028 sendes', /12\. marts 2027/i],
  [HVIDMOSE, 'when is the final budget for 2028 announced', /15 December 2027/i],
  [HVIDMOSE, 'hvornår er der MUS for souschefer i 2027', /1\. oktober 2027/i],
  // A state that holds from a year on answers for the years after it.
  [HVIDMOSE, 'hvor mange souschefer er der i 2028', /\b13\b/],
  // A count of the unit the person's post leads, or through the post the person holds, is theirs.
  [HAVBJERG, 'hvor mange dagplejere har merete lund skovgaard', /\b47\b/],
  [HVIDMOSE, 'how many leaders does rikke damgaard lund manage', /\b15\b/],
  // "When" answered by a condition in a line's or a deputy's own words.
  [HVIDMOSE, 'When does the souschef take over?', /absent/i],
  [HAVBJERG, 'what time is the application deadline for the rævehøj job', /09:00/],
  [HVIDMOSE, 'hvad tid starter ledermødet', /9[.:]00/],
];

describe('the floor: an answer about another thing or another year is "I don\'t know"', () => {
  it.each(REFUSED)('%s: %s', (dir, question, neighbour) => {
    const { answer, text } = ask(dir, question);
    expect(answer.kind, text).toBe('unknown');
    expect(text).not.toMatch(neighbour);
    // It says what it does not know, in the question's language.
    expect(answer.headline).toMatch(/ved jeg ikke|don't know|har ingen|have no|kender ingen|know of no|giver ingen|give no/i);
  });

  it.each(ANSWERED)('%s: %s still answers', (dir, question, fact) => {
    const { answer, text } = ask(dir, question);
    expect(answer.kind, text).toBe('answer');
    expect(text).toMatch(fact);
  });

  it('names the nearest thing the documents speak of, not its fact', () => {
    const { answer } = ask(OTHER, 'hvad er telefonnummeret til områdelederen i område syd');
    expect(answer.headline).toContain('Område Syd');
    expect(answer.headline).toContain('Område Nord');
    const year = ask(HVIDMOSE, 'when is the final budget for 2027 announced').answer;
    expect(year.headline).toContain('2027');
    expect(year.headline).toContain('2028');
  });
});
