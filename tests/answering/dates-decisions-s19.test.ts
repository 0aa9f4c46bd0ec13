/**
 * Session 19, on a small knowledge base of this test's own (Kildeby: a committee, three houses, a leaders' forum that meets monthly and holds a seminar, a head of house moving to another house, a budget follow-up named by its day, a merger decided with a
 * vote, a posting whose interviews carry no round numbers and a posting whose interviews do):
 * - interviews the documents give no round number ("Samtaler" on two days) are rounds in the order of their days: "the
 *   first interview" is the earlier day, "the second" the later, and a round the posting does not have is refused;
 *   numbered rounds still answer only by their number;
 * - a kind of date that no meeting day is (a seminar), asked of a body that meets, is the body's date of that kind, not
 *   its meeting days;
 * - a person's later post (`posts`, with its unit and first day) is an entry of its own: "when does X become head of
 *   Y" is the first day there, not the last day in the post held now (whose title mentions the coming one);
 * - a day named that a dated item's own label says ("Budgetopfølgning pr. 30. juni") is part of that item's name when the
 *   question asks when, not the day asked about;
 * - asked how many (or who) voted for a decision adopted unanimously without a count: everyone did, not "the minutes do
 *   not say how many";
 * - asked when, with a kind of date named other than a beginning, a date is asked, not a reporting line ("the deadline for
 *   the reports to the head of house");
 * - a word that something happens ("hvad sker der med", "what happened to"), asked (not when) of an item a decision
 *   changes, is answered by that decision; an item no decision changes is not given one.
 */
import { describe, expect, it } from 'vitest';
import { createAnswerer, renderAnswerText } from '../../src/answering/index.js';
import { createKnowledgeBase, emptyKnowledgeData } from '../../src/knowledge/knowledge-base.js';
import { KnowledgeFileSchema } from '../../src/knowledge/schemas.js';

const NOW = new Date('2026-11-30T09:00:00Z');
const src = (quote: string) => ({ doc: 'kildeby.txt', quote });

function kildeby() {
  const file = KnowledgeFileSchema.parse({
    municipalities: [{ id: 'kildeby', name: 'Kildeby Kommune', labelEn: 'Kildeby Municipality', source: src('Kildeby Kommune') }],
    units: [
      { id: 'kby-udvalg', name: 'Børneudvalget', labelEn: 'Children’s Committee', municipality: 'kildeby', type: 'committee', source: src('Børneudvalget') },
      { id: 'kby-spiren', name: 'Børnehuset Spiren', names: ['Spiren'], labelEn: 'Spiren children’s house', municipality: 'kildeby', type: 'house', source: src('Børnehuset Spiren') },
      { id: 'kby-kimen', name: 'Børnehuset Kimen', names: ['Kimen'], labelEn: 'Kimen children’s house', municipality: 'kildeby', type: 'house', source: src('Børnehuset Kimen') },
      { id: 'kby-toppen', name: 'Børnehuset Toppen', names: ['Toppen'], labelEn: 'Toppen children’s house', municipality: 'kildeby', type: 'house', source: src('Børnehuset Toppen') },
    ],
    roles: [
      { id: 'kby-souschef', name: 'souschef', labelEn: 'deputy head', municipality: 'kildeby', source: src('souschef') },
      { id: 'kby-husleder', name: 'husleder', labelEn: 'head of house', municipality: 'kildeby', source: src('husleder') },
    ],
    reportingLines: [
      { id: 'kby-linje-souschef', from: 'kby-souschef', to: 'kby-husleder', text: { da: 'Souschefen refererer til husleder.', en: 'The deputy head reports to the head of house.' }, source: src('Souschefen refererer til husleder.') },
    ],
    people: [
      {
        id: 'kby-mette-lund',
        name: 'Mette Lund',
        title: { da: 'husleder, Børnehuset Kimen; fra 1. maj 2027 husleder i Børnehuset Spiren', en: 'head of Kimen; from 1 May 2027 head of Spiren' },
        role: 'kby-husleder',
        unit: 'kby-kimen',
        municipality: 'kildeby',
        validUntil: '2027-04-30',
        posts: [{ role: 'kby-husleder', unit: 'kby-spiren', validFrom: '2027-05-01', source: src('Mette Lund bliver husleder i Spiren fra 1. maj 2027.') }],
        source: src('Husleder, Børnehuset Kimen: Mette Lund'),
      },
    ],
    leadershipGroups: [
      { id: 'kby-lederforum', name: 'Lederforum', names: ['Lederforummet'], labelEn: 'Leaders’ Forum', namesEn: ['the leaders forum'], municipality: 'kildeby', members: [{ ref: 'kby-husleder' }], source: src('Lederforum') },
    ],
    meetings: [
      {
        id: 'kby-lederforum-moede',
        name: 'Lederforums møde',
        labelEn: 'Leaders’ Forum meeting',
        municipality: 'kildeby',
        participants: ['kby-lederforum'],
        frequency: { da: 'anden tirsdag i hver måned kl. 9.00-11.00', en: 'the second Tuesday of every month, 9.00-11.00' },
        recurrence: { rrule: 'FREQ=MONTHLY;BYDAY=2TU', start: '2027-01-12', time: '09:00', endTime: '11:00' },
        place: 'Kildeby Rådhus',
        source: src('Lederforum mødes anden tirsdag i hver måned kl. 9.00-11.00 på Kildeby Rådhus.'),
      },
    ],
    postings: [
      {
        id: 'kby-stilling-souschef',
        name: 'Souschef til Børnehuset Spiren',
        names: ['souschefstillingen'],
        labelEn: 'Deputy head post at Spiren',
        namesEn: ['the deputy head job'],
        municipality: 'kildeby',
        role: 'kby-souschef',
        unit: 'kby-spiren',
        source: src('Børnehuset Spiren søger en souschef.'),
      },
      {
        id: 'kby-stilling-husleder',
        name: 'Husleder til Børnehuset Toppen',
        names: ['husléderstillingen', 'lederstillingen i Toppen'],
        labelEn: 'Head of house post at Toppen',
        namesEn: ['the Toppen head job'],
        municipality: 'kildeby',
        role: 'kby-husleder',
        unit: 'kby-toppen',
        source: src('Børnehuset Toppen søger en husleder.'),
      },
    ],
    dates: [
      { id: 'kby-samtale-a', date: '2027-01-18', kind: 'interview', about: 'kby-stilling-souschef', label: { da: 'Samtaler', en: 'Interviews' }, source: src('Samtaler 18. og 19. januar 2027.') },
      { id: 'kby-samtale-b', date: '2027-01-19', kind: 'interview', about: 'kby-stilling-souschef', label: { da: 'Samtaler', en: 'Interviews' }, source: src('Samtaler 18. og 19. januar 2027.') },
      { id: 'kby-lederforum-seminar', date: '2027-04-15', end: '2027-04-16', kind: 'seminar', about: 'kby-lederforum', label: { da: 'Lederforums seminar', en: 'The Leaders’ Forum seminar' }, source: src('Lederforums seminar 15.-16. april 2027.') },
      { id: 'kby-budgetopfoelgning', date: '2027-08-20', kind: 'reporting-deadline', about: 'kby-kimen', label: { da: 'Budgetopfølgning pr. 30. juni indberettes', en: 'Budget follow-up as of 30 June is reported' }, source: src('20. august 2027: Budgetopfølgning pr. 30. juni indberettes.') },
      { id: 'kby-frist-souschefrapporter', date: '2027-06-04', kind: 'reporting-deadline', about: 'kby-husleder', label: { da: 'Frist for souschefernes kvalitetsrapporter til husleder', en: "Deadline for the deputy heads' quality reports to the head of house" }, source: src('4. juni 2027: Frist for souschefernes kvalitetsrapporter til husleder.') },
      { id: 'kby-toppen-1', date: '2027-02-02', kind: 'interview', round: 1, about: 'kby-stilling-husleder', label: { da: 'Første samtale', en: 'First interview' }, source: src('Første samtale 2. februar 2027.') },
      { id: 'kby-toppen-2', date: '2027-02-09', kind: 'interview', round: 2, about: 'kby-stilling-husleder', label: { da: 'Anden samtale', en: 'Second interview' }, source: src('Anden samtale 9. februar 2027.') },
    ],
    decisions: [
      {
        id: 'kby-beslutning-sammenlaegning',
        name: 'Sammenlægning af Spiren og Kimen',
        names: ['sammenlægningen'],
        labelEn: 'Merger of Spiren and Kimen',
        namesEn: ['the merger'],
        municipality: 'kildeby',
        body: 'kby-udvalg',
        date: '2026-11-10',
        appliesFrom: '2027-05-01',
        changes: ['kby-spiren', 'kby-kimen'],
        decided: [{ da: 'Børnehuset Spiren og Børnehuset Kimen lægges sammen fra 1. maj 2027.', en: 'Spiren and Kimen merge from 1 May 2027.', source: src('Spiren og Kimen lægges sammen fra 1. maj 2027.') }],
        vote: { for: 5, against: 2, text: { da: 'Vedtaget med 5 stemmer for og 2 imod.', en: 'Adopted by 5 votes to 2.' } },
        source: src('Punkt 2. Sammenlægning af Spiren og Kimen'),
      },
      {
        id: 'kby-beslutning-budget',
        name: 'Budget 2027 for dagtilbud',
        names: ['budgettet', 'budget 2027'],
        labelEn: 'Budget 2027 for day care',
        namesEn: ['the budget', 'budget 2027'],
        municipality: 'kildeby',
        body: 'kby-udvalg',
        date: '2026-11-10',
        decided: [{ da: 'Udvalget godkendte budgettet for 2027 på 88,5 mio. kr.', en: 'The committee approved the 2027 budget of DKK 88.5 million.', source: src('Budgettet for 2027 på 88,5 mio. kr. godkendes.') }],
        vote: { unanimous: true, text: { da: 'Godkendt enstemmigt.', en: 'Approved unanimously.' } },
        source: src('Punkt 3. Budget 2027 for dagtilbud'),
      },
    ],
  });
  return createKnowledgeBase({ ...emptyKnowledgeData(), ...file } as ReturnType<typeof emptyKnowledgeData>);
}

const answerer = createAnswerer(kildeby(), { now: () => NOW });
const text = (q: string) => renderAnswerText(answerer.answer(q));

describe('interviews without round numbers are rounds in the order of their days', () => {
  it.each([
    ['when is the first interview for the deputy head job', /18 January 2027/, /19 January/],
    ['hvornår er anden samtale til souschefstillingen', /19\. januar 2027/, /18\. januar/],
    // Numbered rounds answer by their number, as before.
    ['hvornår er første samtale til lederstillingen i toppen', /2\. februar 2027/, /9\. februar/],
    ['when is the second interview for the Toppen head job', /9 February 2027/, /2 February/],
  ])('"%s"', (question, right, wrong) => {
    const said = text(question);
    expect(said).toMatch(right);
    expect(said).not.toMatch(wrong);
  });

  it('a round the posting does not have is refused', () => {
    const answer = answerer.answer('when is the 3rd interview for the deputy head job');
    expect(renderAnswerText(answer)).not.toMatch(/January 2027/);
  });
});

describe('a kind of date no meeting day is, asked of a body that meets: the body\'s date of that kind', () => {
  it.each([
    ['hvornår er seminaret for lederforum', /15\. april 2027/],
    ['when is the leaders forum seminar', /15 April 2027/],
  ])('"%s"', (question, date) => {
    expect(text(question)).toMatch(date);
  });

  it.each([
    ['hvornår mødes lederforum', /anden tirsdag/],
    ['when does the leaders forum meet', /second Tuesday/],
  ])('its meeting days still answer when it meets: "%s"', (question, rule) => {
    const said = text(question);
    expect(said).toMatch(rule);
    expect(said).not.toMatch(/April 2027|april 2027/);
  });
});

describe("a person's later post (`posts`) has its own first day", () => {
  it.each([
    ['hvornår bliver mette lund husleder i spiren', /: fra 1\. maj 2027/, /30\. april/],
    ['when does mette lund start in spiren', /1 May 2027/, /30 April/],
    // The last day in the post held now still answers when that is asked.
    ['hvornår stopper mette lund i kimen', /til og med 30\. april 2027/, /: fra 1\. maj/],
  ])('"%s"', (question, right, wrong) => {
    const said = text(question);
    expect(said).toMatch(right);
    expect(said).not.toMatch(wrong);
  });
});

describe("a day named that a dated item's own label says is part of its name, not the day asked", () => {
  it.each([
    ['hvornår skal budgetopfølgningen pr. 30. juni indberettes', /20\. august 2027/],
    ['when is the budget follow-up as of 30 june reported', /20 August 2027/],
  ])('"%s"', (question, date) => {
    expect(text(question)).toMatch(date);
  });

  it('asked what happens that day, the day is still the day asked', () => {
    expect(text('hvad sker der den 30. juni 2027')).not.toMatch(/20\. august/);
  });
});

describe('a unanimous vote without a count: everyone voted for it', () => {
  it.each([
    ['how many voted for the budget', /Everyone voted for/, /do not say how many/],
    ['hvem stemte for budgettet', /Alle stemte for/, /siger ikke/],
    // A counted vote still gives its count.
    ['hvor mange stemte for sammenlægningen', /5 stemte for/, /Alle stemte/],
  ])('"%s"', (question, right, wrong) => {
    const said = text(question);
    expect(said).toMatch(right);
    expect(said).not.toMatch(wrong);
  });
});

describe('asked when, with a kind of date named, the date is asked, not a reporting line', () => {
  it("the deadline for reports to a post is the date", () => {
    const said = text("when is the deadline for the deputy heads' quality reports to the head of house");
    expect(said).toMatch(/4 June 2027/);
    expect(said).not.toMatch(/reports to the head of house\./);
  });

  it('who a post reports to is still the line', () => {
    expect(text('who does the deputy head report to')).toMatch(/head of house/);
  });
});

describe('what happens to an item a decision changes is that decision', () => {
  it.each([
    ['hvad sker der med kimen', /Sammenlægning af Spiren og Kimen/],
    ['what happened to spiren', /Merger of Spiren and Kimen/],
    ['hvad er der sket med børnehuset kimen', /1\. maj 2027/],
  ])('"%s"', (question, decision) => {
    expect(text(question)).toMatch(decision);
  });

  it('an item no decision changes is given no decision', () => {
    expect(text('hvad sker der med toppen')).not.toMatch(/Sammenlægning|Merger/);
  });
});
