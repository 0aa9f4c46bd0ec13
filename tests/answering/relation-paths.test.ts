/**
 * Relations reached by a path rather than a name: a role described by its place ("the coordinator in
 * Ålekisten", "den nye leder i Mågen"), a person standing for the role they hold, a posting's dates
 * through its role and unit, a meeting's participants and chair for a plain "who" question, a unit's
 * own leadership group, and a body the data names only in a unit's texts. Own phrasings, on several
 * knowledge bases, in Danish and English; the data-driven cases cover every person and posting.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnswerer, renderAnswerText, type Answer, type Answerer } from '../../src/answering/index.js';
import { loadKnowledgeOrThrow } from '../../src/knowledge/load-knowledge.js';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { buildRelations, type Relations } from '../../src/answering/relations.js';
import { chainAbove } from '../helpers/chain-above.js';

const NOW = new Date('2026-11-24T09:00:00Z');
const text = (answer: Answer) => renderAnswerText(answer, { details: true }).toLowerCase();

const KBS = {
  seed: 'data',
  fjordby: 'tests/fixtures/kb-other',
  bakkekaer: 'tests/fixtures/kb-bakkekaer',
  hvidmose: 'tests/fixtures/kb-hvidmose',
} as const;

const loaded = new Map<string, { kb: KnowledgeBase; answerer: Answerer; relations: Relations }>();
beforeAll(async () => {
  for (const [name, dir] of Object.entries(KBS)) {
    const kb = await loadKnowledgeOrThrow(dir);
    loaded.set(name, { kb, answerer: createAnswerer(kb, { now: () => NOW }), relations: buildRelations(kb) });
  }
});
const ask = (kb: keyof typeof KBS, q: string) => loaded.get(kb)!.answerer.answer(q);

describe('a role described by its place', () => {
  it.each([
    ['fjordby', 'Vis hele ledelseslinjen fra koordinatoren i Ålekisten og op', ['institutionsleder', 'områdeleder', 'dagtilbudsdirektør']],
    ['fjordby', 'what is the chain of command above the coordinator in Ålekisten', ['institutionsleder', 'områdeleder', 'dagtilbudsdirektør']],
    ['bakkekaer', 'Hvem ligger over lederen i Kløverengen, helt op?', ['områdechef for område vest', 'småbørnschef']],
    ['bakkekaer', 'the line above the Kløverengen leader, step by step', ['områdechef for område vest', 'småbørnschef']],
    ['seed', 'hele kæden over en pæd leder i en klynge i København', ['klyngeleder', 'børne- og ungdomsforvaltningen']],
  ] as const)('%s: %s', (kb, q, expected) => {
    const answer = ask(kb, q);
    expect(answer.kind, q).toBe('answer');
    for (const e of expected) expect(text(answer), `${q} -> ${e}`).toContain(e);
  });

  it('does not take a word that describes no role of the place for one', () => {
    // Kløverengen has a head, not a board: "bestyrelsen" describes nothing there, so no role's line is given.
    const answer = ask('bakkekaer', 'Hvem sidder i bestyrelsen i Kløverengen?');
    expect(answer.kind).not.toBe('answer');
  });
});

describe('a posting’s dates through its role, its unit and a description', () => {
  it.each([
    ['fjordby', 'Hvornår tiltræder den nye leder i Mågen?', '1. april 2026'],
    ['fjordby', 'when will the new head in Mågen start', '1 april 2026'],
    ['fjordby', 'Hvornår er samtalerne for koordinatoren i Ålekisten?', '16. marts 2026'],
    ['bakkekaer', 'Hvornår starter den nye leder af Kløverengen?', '1. marts 2027'],
    ['bakkekaer', 'at what time do applications for Kløverengen close, the deadline?', '12:00'],
    ['seed', 'Hvornår starter den nye leder i vuggestuen i Stjernehuset?', '1. marts 2026'],
  ] as const)('%s: %s', (kb, q, expected) => {
    const answer = ask(kb, q);
    expect(answer.kind, q).toBe('answer');
    expect(text(answer), q).toContain(expected);
  });

  it('gives every posting’s own start date when its unit is asked about, on every knowledge base', () => {
    for (const name of Object.keys(KBS) as Array<keyof typeof KBS>) {
      const { kb, relations } = loaded.get(name)!;
      for (const posting of kb.data.postings) {
        if (!posting.unit) continue;
        const start = relations.dates(posting.id).filter((d) => d.kind === 'start');
        if (start.length !== 1 || relations.postingsOf(posting.unit).length !== 1) continue;
        const unit = kb.get(posting.unit)!.item as { name: string };
        const answer = ask(name, `Hvornår er tiltrædelsen i ${unit.name}?`);
        expect(answer.kind, `${name}: ${unit.name}`).toBe('answer');
        const [y, m, d] = start[0]!.date.split('-').map(Number) as [number, number, number];
        expect(text(answer), `${name}: ${unit.name}`).toContain(`${d}. ${['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'][m - 1]} ${y}`);
      }
    }
  });
});

describe('a person stands for the role they hold', () => {
  it.each(Object.keys(KBS) as Array<keyof typeof KBS>)('names whom each person manages (%s)', (name) => {
    const { kb, relations } = loaded.get(name)!;
    for (const person of kb.data.people.filter((p) => p.role && relations.down(p.role).length > 0)) {
      for (const q of [`Hvem har ${person.name} under sig?`, `Which staff does ${person.name} manage?`]) {
        const all = text(ask(name, q));
        for (const edge of relations.down(person.role!)) {
          const from = kb.get(edge.from)!.item as { name: string };
          expect(all, `${q} -> ${edge.from}`).toContain(from.name.toLowerCase());
        }
      }
    }
  });

  it.each(Object.keys(KBS) as Array<keyof typeof KBS>)('gives the whole line above each person (%s)', (name) => {
    const { kb, relations } = loaded.get(name)!;
    for (const person of kb.data.people.filter((p) => p.role)) {
      const steps = chainAbove(relations, person.role!);
      if (steps.length < 2) continue;
      const q = `Hvem ligger over ${person.name}, hele vejen til toppen?`;
      const all = text(ask(name, q));
      for (const step of steps) expect(all, `${q} -> ${step}`).toContain((kb.get(step)!.item as { name: string }).name.toLowerCase());
    }
  });
});

describe('who takes part', () => {
  it.each([
    ['fjordby', 'who comes to ledelsesforum', ['dagtilbudsdirektør', 'områdeleder', 'institutionsleder']],
    ['fjordby', 'Hvem sidder med i ledelsesforum?', ['dagtilbudsdirektør', 'områdeleder', 'institutionsleder']],
    ['hvidmose', 'Hvem kommer til kvartermøderne?', ['husleder', 'dagplejeleder', 'kvarterchef']],
    ['hvidmose', 'who is at the leaders meeting', ['husleder', 'dagplejeleder', 'børnechef']],
    ['bakkekaer', 'hvem sidder med i områdeforum', ['områdechef for område vest', 'områdechef for område øst', 'børnehusleder']],
  ] as const)('%s: %s', (kb, q, expected) => {
    const answer = ask(kb, q);
    expect(answer.kind, q).toBe('answer');
    for (const e of expected) expect(text(answer), `${q} -> ${e}`).toContain(e);
  });

  it('asks a "who" about every meeting and group as who takes part in it, with its chair, on every knowledge base', () => {
    for (const name of Object.keys(KBS) as Array<keyof typeof KBS>) {
      const { kb, relations } = loaded.get(name)!;
      for (const meeting of kb.data.meetings) {
        const members = relations.members(meeting.id);
        if (members.length === 0) continue;
        const answer = ask(name, `who comes to ${meeting.labelEn}?`);
        const all = text(answer);
        for (const m of members) expect(all, `${meeting.id} -> ${m.ref}`).toContain((kb.get(m.ref)!.item as { name: string }).name.toLowerCase());
        if (meeting.chair && kb.get(meeting.chair)) expect(all, `${meeting.id} chair`).toContain((kb.get(meeting.chair)!.item as { name: string }).name.toLowerCase());
      }
    }
  });

  it('answers the members of a unit’s own leadership group', () => {
    for (const q of ['Who are the members of the leadership in Familie- og Dagtilbudscentret?', 'hvem er med i den strategiske ledelse i Familie- og Dagtilbudscentret']) {
      const all = text(ask('seed', q));
      for (const e of ['centerchef', 'dagtilbudschef', 'leder af familieafdelingen', 'leder af administration']) expect(all, `${q} -> ${e}`).toContain(e);
    }
    const baltorp = text(ask('seed', 'hvem er med i ledelsen i Distrikt Baltorp'));
    expect(baltorp).toContain('distriktsleder');
  });

  it('answers a body the data names only in a unit’s texts, from those texts, in both languages', () => {
    expect(text(ask('bakkekaer', 'Hvem er med i ansættelsesudvalget for Kløverengen?'))).toContain('rasmus vinther');
    expect(text(ask('bakkekaer', 'who is on the hiring committee at Kløverengen'))).toContain('rasmus vinther');
  });
});

describe('an item named among related ones is asked about itself', () => {
  it.each([
    ['fjordby', 'What is Sprog for alle in the learning strategy?', 'age-appropriate language', 'pejlemærker:'],
    ['fjordby', 'hvad står leg og læring for i læringsstrategien', 'grundlaget', 'pejlemærker:'],
    ['seed', 'What is KIDS used for in Ballerup?', 'pedagogical quality', 'sampraksis'],
  ] as const)('%s: %s', (kb, q, expected, notInHeadline) => {
    const answer = ask(kb, q);
    expect(answer.kind, q).toBe('answer');
    expect(text(answer), q).toContain(expected);
    expect(answer.headline.toLowerCase(), q).not.toContain(notInHeadline);
  });
});

describe('a plain "who" about a role asks who holds it', () => {
  it('names the holder when the data names one', () => {
    expect(text(ask('bakkekaer', 'who are the souschefs'))).toContain('jonas eskildsen');
  });

  it('says no one is named when the data names no one, and names no one else', () => {
    for (const [kb, q] of [['hvidmose', 'who are the kvarterchefer'], ['hvidmose', 'hvem er husledere'], ['seed', 'who are the klyngeledere']] as const) {
      const answer = ask(kb, q);
      expect(answer.kind, q).toBe('unknown');
      for (const person of loaded.get(kb)!.kb.data.people) expect(answer.headline, q).not.toContain(person.name);
    }
  });

  it('keeps "nærmeste chef for X" upwards: X’s boss, not whom X manages', () => {
    const answer = ask('seed', 'hvem er nærmeste chef for konsulenten i staben');
    expect(answer.headline.toLowerCase()).toMatch(/refererer til leder af staben/);
  });
});

describe('a post named by its posting’s name is held through the posting’s role', () => {
  it('says the documents name no one in a post that is named only as its job profile', () => {
    for (const q of ['hvad hedder dagtilbudschefen i Høje-Taastrup', 'who is the head of the staff unit']) {
      const answer = ask('seed', q);
      expect(answer.kind, q).toBe('unknown');
      for (const person of loaded.get('seed')!.kb.data.people) expect(answer.headline, q).not.toContain(person.name);
    }
  });
  it('names the holder when there is one', () => {
    expect(text(ask('seed', 'hvem er centerchef'))).toContain('tanja steffe nøhr');
    expect(text(ask('fjordby', 'who is the director of day care'))).toContain('jens ærø dahl');
  });
});

describe('a meeting or group described by a role that takes part in it', () => {
  it.each([
    ['hvidmose', 'who is in the souschef network', ['souschef', 'udviklingschef']],
    ['hvidmose', 'who takes part in the souschef network, and who calls the meetings?', ['souschef', 'udviklingschef']],
    ['fjordby', 'hvem er med i områdeledernes forum', ['dagtilbudsdirektør', 'institutionsleder']],
    ['fjordby', 'who is in the institution leaders’ forum', ['dagtilbudsdirektør', 'områdeleder']],
  ] as const)('%s: %s', (kb, q, expected) => {
    const answer = ask(kb, q);
    expect(answer.kind, q).toBe('answer');
    for (const e of expected) expect(text(answer), `${q} -> ${e}`).toContain(e);
  });

  it('takes "who calls the meetings" for the chair, not for a phone number', () => {
    for (const [kb, q, chair] of [['hvidmose', 'who calls the district meetings', 'kvarterchef'], ['hvidmose', 'hvem indkalder til ledermøderne', 'børnechef']] as const) {
      const answer = ask(kb, q);
      expect(answer.kind, q).toBe('answer');
      expect(answer.headline.toLowerCase(), q).toContain(chair);
    }
  });
});

describe('who leads a unit', () => {
  it.each(Object.keys(KBS) as Array<keyof typeof KBS>)('names only the holders tied to that unit when one role leads several (%s)', (name) => {
    const { kb, relations } = loaded.get(name)!;
    for (const unit of kb.data.units) {
      for (const role of relations.leadersOf(unit.id)) {
        if (relations.ledBy(role).length <= 1) continue;
        // A holder whose title names another unit the role leads is not this unit's leader.
        for (const person of relations.holders(role)) {
          const others = relations.ledBy(role).filter((id) => id !== unit.id).map((id) => kb.get(id)!.item as { name: string });
          if (!others.some((o) => person.title.da.includes(o.name))) continue;
          for (const q of [`Hvem leder ${unit.name}?`, `who leads ${unit.labelEn}`]) expect(ask(name, q).headline, `${q} -> ${person.name}`).not.toContain(person.name);
        }
      }
    }
  });

  it('does not take a role that reports to the unit for its leader', () => {
    const answer = ask('fjordby', 'who heads the development team');
    expect(answer.headline.toLowerCase()).not.toContain('led by the development consultant');
  });
});

describe('whom a person reports to, when the post above leads several units', () => {
  it('names the holder above only when that holder is tied to the asker’s unit', () => {
    // Sofie Brønd heads Ålekisten (Område Syd); the area leader the data names leads Område Nord.
    expect(ask('fjordby', 'hvem er Sofie Brønds chef').headline).not.toContain('Mette Kjærgaard Holm');
    expect(ask('fjordby', 'who manages Sofie Brønd').headline).not.toContain('Mette Kjærgaard Holm');
    // Mågen lies in Område Nord: its head reports to that area leader.
    expect(ask('fjordby', 'hvem refererer institutionslederen i Mågen til').headline).toContain('Mette Kjærgaard Holm');
  });
});
