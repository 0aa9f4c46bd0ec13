/**
 * Answers from the model's finer fields, asked as a user would in chat, on the made-up Egeskov knowledge base
 * (tests/fixtures/kb-egeskov): a unit's parent that changes on a date, the units under a unit on a day, acting
 * (konstitueret) holders, participants and members described in words, where a line applies, a policy's adoption
 * and time in force, and end times. Expected facts are read from the data.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderAnswerText } from '../../src/answering/index.js';
import { englishDay, firstLine, loadAnswerers, type Data, type Loaded } from '../helpers/answerers.js';

const DIR = 'tests/fixtures/kb-egeskov';
const NOW = new Date('2026-11-30T09:00:00Z');
let egeskov: Loaded;
beforeAll(async () => {
  egeskov = (await loadAnswerers([DIR], NOW)).get(DIR)!;
});

const DA_MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];
const danishDay = (iso: string) => `${Number(iso.slice(8, 10))}. ${DA_MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
const dayIn = (lang: 'da' | 'en', iso: string) => (lang === 'da' ? danishDay(iso) : englishDay(iso, true));
const unit = (d: Data, id: string) => d.units.find((u) => u.id === id)!;
const moved = (d: Data) => d.units.find((u) => (u.parents ?? []).length > 0)!;
const ask = (question: string) => {
  const answer = egeskov.answerer.answer(question);
  return { answer, first: firstLine(renderAnswerText(answer)).toLowerCase(), all: renderAnswerText(answer, { details: true }).toLowerCase() };
};

describe("a unit's parent that changes on a date", () => {
  // [question, language, which parent the first line names: 'now' (before the move) or 'after']
  it.each([
    ['hvem hører dagplejen under', 'da', 'now'],
    ['Hvad hører Dagplejen Egeskov under?', 'da', 'now'],
    ['hvor hører dagplejen under pr. 1. april 2027', 'da', 'after'],
    ['hvad er dagplejen en del af efter 1 marts 2027', 'da', 'after'],
    ['which unit is the family day care part of', 'en', 'now'],
    ['what does the family day care belong to from 1 march 2027', 'en', 'after'],
    ['what is dagplejen part of on 1 april 2027', 'en', 'after'],
  ] as const)('%s', (question, lang, when) => {
    const { answer, first, all } = ask(question);
    const unitMoved = moved(egeskov.data);
    const entry = unitMoved.parents![0]!;
    const parentNow = unit(egeskov.data, unitMoved.parent!).name.toLowerCase();
    const parentAfter = unit(egeskov.data, entry.ref).name.toLowerCase();
    expect(answer.kind).toBe('answer');
    expect(first).toContain(when === 'now' ? parentNow : parentAfter);
    if (when === 'now') {
      // The coming change in one line, with its day.
      expect(all).toContain(parentAfter);
      expect(all).toContain(dayIn(lang, entry.validFrom!).toLowerCase());
    }
  });

  it.each([
    ['hvilke enheder ligger under Distrikt Engen', 'da', false],
    ['hvilke institutioner hører under distrikt engen', 'da', false],
    ['hvad hører under Distrikt Engen fra 1. marts 2027', 'da', true],
    ['which units are under District Engen', 'en', false],
    ['what is part of district engen after 1 march 2027', 'en', true],
    ['which units sit under District Engen on 1 April 2027', 'en', true],
  ] as const)('lists the units under a unit on the day asked: %s', (question, lang, after) => {
    const { answer, first, all } = ask(question);
    const unitMoved = moved(egeskov.data);
    const entry = unitMoved.parents![0]!;
    const staying = egeskov.data.units.filter((u) => u.parent === entry.ref && (u.parents ?? []).length === 0);
    expect(answer.kind).toBe('answer');
    for (const u of staying) expect(first).toContain(u.name.toLowerCase());
    if (after) expect(first).toContain(unitMoved.name.toLowerCase());
    else {
      expect(first).not.toContain(unitMoved.name.toLowerCase());
      expect(all).toContain(unitMoved.name.toLowerCase());
      expect(all).toContain(dayIn(lang, entry.validFrom!).toLowerCase());
    }
  });
});

describe('acting (konstitueret) holders', () => {
  const acting = (d: Data) => {
    const person = d.people.find((p) => (p.actingAs ?? []).length > 0)!;
    return { person, entry: person.actingAs![0]! };
  };
  it.each([
    ['hvem er konstitueret distriktsleder i Bakken', 'da'],
    ['hvem er konstitueret leder af Distrikt Bakken', 'da'],
    ['hvem er fungerende distriktsleder for distrikt bakken', 'da'],
    ['who is acting district leader in Bakken', 'en'],
    ['who is the interim head of District Bakken', 'en'],
    ['who will be acting district leader of bakken', 'en'],
  ] as const)('names the acting holder and the period: %s', (question, lang) => {
    const { person, entry } = acting(egeskov.data);
    const { answer, first } = ask(question);
    expect(answer.kind).toBe('answer');
    expect(first).toContain(person.name.toLowerCase());
    expect(first).toContain(lang === 'da' ? 'konstitueret' : 'acting');
    expect(first).toContain(dayIn(lang, entry.validFrom!).toLowerCase());
    expect(first).toContain(dayIn(lang, entry.validUntil!).toLowerCase());
  });

  it.each([
    ['hvem er distriktsleder for Distrikt Bakken', 'da', false],
    ['hvem leder distrikt bakken i marts 2027', 'da', true],
    ['who is the district leader of District Bakken', 'en', false],
    ['who is district leader of bakken on 1 march 2027', 'en', true],
  ] as const)('marks the acting holder when the holder is asked, on the day asked: %s', (question, lang, during) => {
    const { person } = acting(egeskov.data);
    const { answer, first, all } = ask(question);
    expect(answer.kind).toBe('answer');
    if (during) {
      expect(first).toContain(person.name.toLowerCase());
      expect(first).toContain(lang === 'da' ? 'konstitueret' : 'acting');
    } else {
      // Acting only later: not who holds the post today.
      expect(all).not.toContain(person.name.toLowerCase());
    }
  });

  it.each([
    ['hvem er Maja Friis Holt', 'da'],
    ['who is maja friis holt', 'en'],
  ] as const)('tells who a person is with the post they hold as acting: %s', (question, lang) => {
    const { first } = ask(question);
    expect(first).toContain(lang === 'da' ? 'konstitueret' : 'acting');
  });
});

describe('participants and members described in words', () => {
  it.each([
    ['hvem deltager i distriktsmødet', 'da'],
    ['hvem er med til distriktsmøderne', 'da'],
    ['who attends the district meeting', 'en'],
    ['who takes part in the district meetings', 'en'],
  ] as const)('lists them with the others: %s', (question, lang) => {
    const meeting = egeskov.data.meetings[0]!;
    const { answer, all } = ask(question);
    expect(answer.kind).toBe('answer');
    for (const p of meeting.otherParticipants!) expect(all).toContain(p.text[lang].toLowerCase());
  });

  it.each([
    ['hvem sidder i ledergruppen', 'da'],
    ['hvem er medlem af ledergruppen', 'da'],
    ['who is in the leadership group', 'en'],
    ['who are the members of the leadership group', 'en'],
  ] as const)('lists the members described in words: %s', (question, lang) => {
    const group = egeskov.data.leadershipGroups[0]!;
    const { answer, first } = ask(question);
    expect(answer.kind).toBe('answer');
    for (const m of group.otherMembers!) expect(first).toContain(m.text[lang].toLowerCase());
  });
});

describe('where a line applies', () => {
  it.each([
    ['hvem refererer den pædagogiske leder til', 'da'],
    ['hvem er den pædagogiske leders chef', 'da'],
    ['who does the head of institution report to', 'en'],
    ['hvem refererer til bestyrelsen', 'da'],
  ] as const)('shows the scope with the reporting line: %s', (question, lang) => {
    const line = egeskov.data.reportingLines.find((l) => l.appliesTo)!;
    const { answer, first } = ask(question);
    expect(answer.kind).toBe('answer');
    expect(first).toContain(line.appliesTo!.text![lang].toLowerCase());
  });

  it.each([
    ['hvem er stedfortræder for den pædagogiske leder', 'da'],
    ['who stands in for the head of institution', 'en'],
    ['who is the deputy of the head of institution', 'en'],
  ] as const)('shows the scope with the deputy: %s', (question, lang) => {
    const relation = egeskov.data.deputies[0]!;
    const { first } = ask(question);
    expect(first).toContain(relation.appliesTo!.text![lang].toLowerCase());
  });
});

describe("a policy's adoption and time in force", () => {
  const policy = (d: Data) => d.policies[0]!;
  const bodyName = (d: Data, lang: 'da' | 'en') => {
    const body = d.units.find((u) => u.id === policy(d).adoptedBy)!;
    return lang === 'da' ? body.name : body.labelEn;
  };
  it.each([
    ['hvem vedtog legepladspolitikken', 'da'],
    ['hvem har vedtaget legepladspolitikken', 'da'],
    ['hvornår blev legepladspolitikken vedtaget', 'da'],
    ['who adopted the playground policy', 'en'],
    ['when was the playground policy approved', 'en'],
  ] as const)('who adopted it and when: %s', (question, lang) => {
    const { answer, first } = ask(question);
    expect(answer.kind).toBe('answer');
    expect(first).toContain(bodyName(egeskov.data, lang).toLowerCase());
    expect(first).toContain(dayIn(lang, policy(egeskov.data).adoptedOn!).toLowerCase());
  });

  it.each([
    ['fra hvornår gælder legepladspolitikken', 'da'],
    ['hvornår træder legepladspolitikken i kraft', 'da'],
    ['when does the playground policy take effect', 'en'],
    ['from when does the playground policy apply', 'en'],
    ['is the playground policy in force yet', 'en'],
  ] as const)('from when it applies: %s', (question, lang) => {
    const { answer, first } = ask(question);
    expect(answer.kind).toBe('answer');
    expect(first).toContain(dayIn(lang, policy(egeskov.data).inForceFrom!).toLowerCase());
  });
});

describe('end times', () => {
  it.each([
    ['hvornår er temadagen', 'da'],
    ['hvornår slutter temadagen', 'da'],
    ['when is the theme day', 'en'],
    ['what time does the theme day end', 'en'],
    ['hvornår holdes distriktsmødet', 'da'],
    ['what time is the district meeting', 'en'],
  ] as const)('gives the start and the end: %s', (question, lang) => {
    const entry = /distri[ck]t/.test(question) ? egeskov.data.meetings[0]!.recurrence! : egeskov.data.dates[0]!;
    const clock = (t: string) => (lang === 'da' && !/distri[ck]t/.test(question) ? t.replace(':', '.') : t);
    const { answer, first } = ask(question);
    expect(answer.kind).toBe('answer');
    expect(first).toContain(`${clock(entry.time!)}–${clock(entry.endTime!)}`);
  });
});
