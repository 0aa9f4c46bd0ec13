/**
 * Contacts asked the way a new leader asks: "the job" with no post named, how to reach a person or the holder of a
 * role, and whom to ask about a document whose title words are also another kind's cue ("minutes", "protokol").
 * The expected people and numbers are read from each knowledge base's data.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderAnswerText } from '../../src/answering/index.js';
import { loadAnswerers, type Data, type Loaded } from '../helpers/answerers.js';

const NOW = new Date('2026-11-30T09:00:00Z');
const BAKKEKAER = 'tests/fixtures/kb-bakkekaer';
const HAVBJERG = 'tests/fixtures/kb-havbjerg';
const RAVNSHOLT = 'tests/fixtures/kb-ravnsholt';
const FJORDBY = 'tests/fixtures/kb-other';
const HVIDMOSE = 'tests/fixtures/kb-hvidmose';
const SEED = 'data';
let loaded: Map<string, Loaded>;

beforeAll(async () => {
  loaded = await loadAnswerers([BAKKEKAER, HAVBJERG, RAVNSHOLT, FJORDBY, HVIDMOSE, SEED], NOW);
});

const ask = (dir: string, q: string) => {
  const answer = loaded.get(dir)!.answerer.answer(q);
  return { answer, text: renderAnswerText(answer, { details: true }).toLowerCase() };
};
const digits = (s: string) => s.replace(/\D/g, '');
/** The contacts of a knowledge base's only job posting: its `contacts` and whoever names it in `contactFor`. */
const onlyPostingContacts = (d: Data) => {
  expect(d.postings).toHaveLength(1);
  const posting = d.postings[0]!;
  return d.people.filter((p) => posting.contacts.includes(p.id) || p.contactFor.includes(posting.id));
};
const person = (d: Data, id: string) => d.people.find((p) => p.id === id)!;
/** The person whose `contactFor` names the document with this title word (in its Danish or English title). */
const documentContact = (d: Data, titleWord: RegExp, docs: Loaded['kb']['documents']) => {
  const doc = [...docs.values()].find((x) => titleWord.test(`${x.title} ${x.titleEn}`))!;
  return d.people.filter((p) => p.contactFor.includes(doc.id));
};

describe('"the job" with no post named: the one posting of the knowledge base, with every contact', () => {
  it.each([
    { dir: BAKKEKAER, q: 'hvem kan jeg ringe til om den ledige stilling' },
    { dir: BAKKEKAER, q: 'who can i talk to about the open position' },
    { dir: HAVBJERG, q: 'hvem kan jeg ringe til om stillingen' },
    { dir: HAVBJERG, q: 'who can tell me more about the vacancy?' },
    { dir: RAVNSHOLT, q: 'hvem kan svare på spørgsmål om det ledige job' },
    { dir: RAVNSHOLT, q: 'hvem er kontaktpersonerne på opslaget' },
    { dir: RAVNSHOLT, q: 'who can tell me more about the position' },
  ])('$q ($dir)', ({ dir, q }) => {
    const { answer, text } = ask(dir, q);
    expect(answer.kind, q).toBe('answer');
    const people = onlyPostingContacts(loaded.get(dir)!.data);
    expect(people.length).toBeGreaterThan(0);
    for (const p of people) expect(text, q).toContain(p.name.toLowerCase());
  });

  it('with several postings, each is listed with its own contacts', () => {
    const { answer, text } = ask(FJORDBY, 'hvem kan jeg ringe til om jobbet');
    expect(answer.kind).toBe('ambiguous');
    const d = loaded.get(FJORDBY)!.data;
    for (const posting of d.postings) for (const id of posting.contacts) expect(text).toContain(person(d, id).name.toLowerCase());
  });

  it('a post the documents do not have ("the staff leader position") is not taken for the one they have', () => {
    const { answer } = ask(BAKKEKAER, 'Who is the contact person for the staff leader position?');
    expect(answer.kind).toBe('unknown');
  });
});

describe('how to reach a person or the holder of a role: their number and e-mail, or that the documents give none', () => {
  it.each([
    { dir: FJORDBY, q: 'how do i get hold of sofie brønd', id: 'fjb-sofie-broend' },
    { dir: FJORDBY, q: 'kontaktoplysninger på sofie brønd', id: 'fjb-sofie-broend' },
    { dir: FJORDBY, q: 'kontaktoplysninger på områdelederen', id: 'fjb-mette-kjaergaard-holm' },
    { dir: BAKKEKAER, q: 'hvordan får jeg fat i souschefen i kløverengen', id: 'bkk-jonas-eskildsen' },
    { dir: BAKKEKAER, q: 'contact details for the head of area west', id: 'bkk-birgitte-lundsgaard-friis' },
    { dir: RAVNSHOLT, q: 'kontaktinfo på fælleslederen i mosen', id: 'rvs-rasmus-ellegaard-nyborg' },
    { dir: HVIDMOSE, q: 'kontakt til børnechefen', id: 'hvm-rikke-damgaard-lund' },
  ])('$q ($dir)', ({ dir, q, id }) => {
    const { answer, text } = ask(dir, q);
    expect(answer.kind, q).toBe('answer');
    const p = person(loaded.get(dir)!.data, id);
    expect(p.phone ?? p.email, 'the data gives a way to reach them').toBeDefined();
    expect(answer.headline.toLowerCase(), q).toContain(p.name.toLowerCase());
    if (p.phone) expect(digits(text), q).toContain(digits(p.phone));
    if (p.email) expect(text, q).toContain(p.email.toLowerCase());
  });

  it.each([
    { dir: RAVNSHOLT, q: 'contact details for the sektorchef', role: 'rvs-sektorchef' },
    { dir: BAKKEKAER, q: 'kontaktinfo på dagplejelederen', role: 'bkk-dagplejeleder' },
    { dir: HAVBJERG, q: 'kontaktoplysninger på enhedschefen i strand', role: 'hbj-enhedschef-strand' },
  ])('$q: the holder is named, with no number the documents do not give ($dir)', ({ dir, q, role }) => {
    const d = loaded.get(dir)!.data;
    const holders = d.people.filter((p) => p.role === role);
    expect(holders.length).toBeGreaterThan(0);
    expect(holders.every((p) => !p.phone && !p.email), 'the data gives no number').toBe(true);
    const { answer } = ask(dir, q);
    expect(answer.kind, q).toBe('unknown');
    expect(answer.headline.toLowerCase(), q).toContain(holders[0]!.name.toLowerCase());
  });

  it('an acting holder not yet in post is not the one to reach today', () => {
    const d = loaded.get(RAVNSHOLT)!.data;
    const holders = d.people.filter((p) => p.role === 'rvs-faellesleder-torvet');
    const later = holders.filter((p) => p.validFrom !== undefined && p.validFrom > '2026-11-30');
    expect(later.length).toBeGreaterThan(0);
    const { answer } = ask(RAVNSHOLT, 'how do I get hold of the fællesleder in torvet');
    for (const p of later) expect(answer.headline).not.toContain(p.name);
  });
});

describe("a document's contact, asked with words other answerers read as their own cue", () => {
  it.each([
    { dir: HAVBJERG, q: 'hvem kan jeg spørge om beslutningsprotokollen', title: /beslutningsprotokol/i },
    { dir: RAVNSHOLT, q: 'who is the contact for the decision minutes', title: /beslutningsprotokol/i },
    { dir: RAVNSHOLT, q: 'hvem kan svare på spørgsmål om årshjulet 2027', title: /årshjul/i },
    { dir: HAVBJERG, q: 'who is the contact for the organisation document', title: /organisering/i },
    { dir: HVIDMOSE, q: 'hvem kan svare på spørgsmål om funktionsbeskrivelsen', title: /funktionsbeskrivelse/i },
  ])('$q ($dir)', ({ dir, q, title }) => {
    const { kb, data } = loaded.get(dir)!;
    const people = documentContact(data, title, kb.documents);
    expect(people.length).toBeGreaterThan(0);
    const { answer, text } = ask(dir, q);
    expect(answer.kind, q).toBe('answer');
    for (const p of people) expect(text, q).toContain(p.name.toLowerCase());
  });

  it("a word that asks for a contact is no word of a document's title ('ringe' is not the head of 'Organisering')", () => {
    const { text } = ask(HAVBJERG, 'hvem kan jeg ringe til om stillingen');
    for (const p of onlyPostingContacts(loaded.get(HAVBJERG)!.data)) expect(text).toContain(p.name.toLowerCase());
  });

  it("a unit's own contact comes before the contacts of the postings inside it", () => {
    const { data } = loaded.get(HAVBJERG)!;
    const own = data.people.filter((p) => p.contactFor.includes('hbj-ds'));
    expect(own.length).toBeGreaterThan(0);
    const { answer } = ask(HAVBJERG, 'hvem kan svare på spørgsmål om organiseringen af dagtilbud og sundhed');
    for (const p of own) expect(answer.headline).toContain(p.name);
  });
});

describe('more contact questions in everyday words', () => {
  const SOLVANG = 'tests/fixtures/kb-solvang';
  let more: Map<string, Loaded>;
  beforeAll(async () => {
    more = await loadAnswerers([SOLVANG, HAVBJERG, FJORDBY], NOW);
  });
  it.each([
    { dir: SOLVANG, q: 'who do I ask about the committee minutes from november' },
    { dir: SOLVANG, q: 'hvem kan jeg spørge om udvalgets beslutningsprotokol' },
    { dir: HAVBJERG, q: 'who is the contact for the FSU minutes' },
  ])("a document named with its committee: the minutes' contact, who is the committee's too ($q)", ({ dir, q }) => {
    const { kb, data, answerer } = more.get(dir)!;
    const people = documentContact(data, /beslutningsprotokol/i, kb.documents);
    expect(people.length).toBeGreaterThan(0);
    const text = renderAnswerText(answerer.answer(q), { details: true }).toLowerCase();
    for (const p of people) expect(text, q).toContain(p.name.toLowerCase());
  });

  it.each([
    { q: 'hvem er mette kjærgaard holms chef og hvad er hans nummer' },
    { q: "who is the area leader's boss and what is his number" },
  ])("the boss's number, not the asker's subject's ($q)", ({ q }) => {
    const { data, answerer } = more.get(FJORDBY)!;
    const role = data.roles.find((r) => r.id === 'fjb-omraadeleder')!;
    const boss = data.people.find((p) => p.role === role.reportsTo[0])!;
    const own = data.people.find((p) => p.role === role.id)!;
    expect(boss.phone && own.phone).toBeTruthy();
    const answer = answerer.answer(q);
    expect(digits(answer.headline)).toContain(digits(boss.phone!));
    expect(digits(answer.headline)).not.toContain(digits(own.phone!));
  });
});

describe('what a person is the contact for (the contact relation read backwards)', () => {
  it.each([
    { dir: SEED, q: 'hvilken stilling kan tanja steffe nøhr fortælle om', id: 'tanja' },
    { dir: BAKKEKAER, q: 'which job can jonas eskildsen tell me about', id: 'bkk-jonas-eskildsen' },
    { dir: HVIDMOSE, q: 'what can I ask lone vestbjerg about', id: 'hvm-lone-vestbjerg' },
  ])('$q ($dir)', ({ dir, q, id }) => {
    const { data, kb } = loaded.get(dir)!;
    const p = data.people.find((x) => x.id === id || x.id.includes(id))!;
    expect(p.contactFor.length).toBeGreaterThan(0);
    const { answer, text } = ask(dir, q);
    expect(answer.kind, q).toBe('answer');
    for (const about of p.contactFor) {
      const doc = kb.documents.get(about);
      const item = [...data.postings, ...data.roles, ...data.units].find((x) => x.id === about);
      const date = data.dates.find((x) => x.id === about);
      const shown = doc ? [doc.title, doc.titleEn] : item ? [item.name, item.labelEn] : date ? [date.label.da, date.label.en] : [];
      expect(shown.some((s) => text.includes(s!.toLowerCase())), `${q}: ${about}`).toBe(true);
    }
  });

  it('"what can you tell me about X" asks the bot, not what X is the contact for', () => {
    const { answer } = ask(FJORDBY, 'what can you tell me about sofie brønd');
    expect(answer.headline).not.toMatch(/is the contact for/);
  });
});
