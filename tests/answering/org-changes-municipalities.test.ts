/**
 * The finer model's answers on the made-up municipalities Havbjerg and Ravnsholt, whose decision minutes move the
 * family day care under another unit from a date, name an acting (konstitueret) unit head, adopt a meal policy with
 * effect from a date, and whose annual calendars name participants in words and end times. Questions are written
 * from each knowledge base's own names, so the same mechanism is tested on both; expected facts come from the data.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderAnswerText } from '../../src/answering/index.js';
import { firstLine, loadAnswerers, type Data, type Loaded } from '../helpers/answerers.js';

const DIRS = ['tests/fixtures/kb-havbjerg', 'tests/fixtures/kb-ravnsholt'] as const;
const NOW = new Date('2026-11-30T09:00:00Z');
let loaded: Map<string, Loaded>;
beforeAll(async () => {
  loaded = await loadAnswerers(DIRS, NOW);
});

const DA_MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const dayIn = (lang: 'da' | 'en', iso: string) =>
  lang === 'da' ? `${Number(iso.slice(8, 10))}. ${DA_MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}` : `${Number(iso.slice(8, 10))} ${EN_MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
const lower = (text: string) => text.toLowerCase();
const ask = (kb: Loaded, question: string) => {
  const answer = kb.answerer.answer(question);
  return { answer, first: lower(firstLine(renderAnswerText(answer))), all: lower(renderAnswerText(answer, { details: true })) };
};
const acting = (d: Data) => {
  const person = d.people.find((p) => (p.actingAs ?? []).length > 0)!;
  return { person, entry: person.actingAs![0]!, role: d.roles.find((r) => r.id === person.actingAs![0]!.role)! };
};
const moved = (d: Data) => {
  const unit = d.units.find((u) => (u.parents ?? []).length > 0)!;
  const name = (id: string) => d.units.find((u) => u.id === id)!.name;
  return { unit, entry: unit.parents![0]!, before: name(unit.parent!), after: name(unit.parents![0]!.ref) };
};

describe.each(DIRS)('%s', (dir) => {
  const kb = () => loaded.get(dir)!;

  it('names the acting holder and from when, asked in both languages', () => {
    const { person, entry, role } = acting(kb().data);
    for (const [question, lang] of [
      [`hvem er konstitueret ${lower(role.name)}`, 'da'],
      [`who is acting ${role.labelEn.replace(/ \(.*$/, '')}`, 'en'],
    ] as const) {
      const { answer, first } = ask(kb(), question);
      expect(answer.kind, question).toBe('answer');
      expect(first, question).toContain(lower(person.name));
      expect(first, question).toContain(lower(dayIn(lang, entry.validFrom!)));
    }
  });

  it('marks the holder as acting when the post is asked about on a day in the acting period', () => {
    const { person, role } = acting(kb().data);
    const { first } = ask(kb(), `hvem er ${lower(role.name)} pr. 1. juni 2027`);
    expect(first).toContain(lower(person.name));
    expect(first).toContain('konstitueret');
    const { first: en } = ask(kb(), `who is ${role.labelEn.replace(/ \(.*$/, '')} on 1 june 2027`);
    expect(en).toContain('acting');
  });

  it('tells who the acting person is', () => {
    const { person } = acting(kb().data);
    expect(ask(kb(), `hvem er ${person.name}`).first).toContain('konstitueret');
    expect(ask(kb(), `who is ${person.name}`).first).toContain('acting');
  });

  it("gives the unit's parent today with the move, and after the move", () => {
    const { unit, entry, before, after } = moved(kb().data);
    const now = ask(kb(), `hvad hører ${unit.name} under`);
    expect(now.first).toContain(lower(before));
    expect(now.all).toContain(lower(after));
    expect(now.all).toContain(lower(dayIn('da', entry.validFrom!)));
    expect(ask(kb(), `hvad hører ${unit.name} under pr. 1. juni 2027`).first).toContain(lower(after));
    expect(ask(kb(), `what is ${unit.name} part of after 1 may 2027`).first).toContain(lower(after));
  });

  it('lists the moved unit under its new parent only from the day of the move', () => {
    const { unit, after } = moved(kb().data);
    const today = ask(kb(), `hvilke enheder hører under ${after}`);
    expect(today.answer.kind).toBe('answer');
    expect(today.first).not.toContain(lower(unit.name));
    expect(today.all).toContain(lower(unit.name));
    expect(ask(kb(), `which units are under ${after} from 1 june 2027`).first).toContain(lower(unit.name));
  });

  it('lists participants the calendar names in words', () => {
    for (const meeting of kb().data.meetings.filter((m) => (m.otherParticipants ?? []).length > 0)) {
      for (const [question, lang] of [[`hvem deltager i ${meeting.name}`, 'da'], [`who attends ${meeting.name}`, 'en']] as const) {
        const { all } = ask(kb(), question);
        for (const p of meeting.otherParticipants!) expect(all, question).toContain(lower(p.text[lang]));
      }
    }
  });

  it('says who adopted the meal policy, when, and from when it applies', () => {
    const policy = kb().data.policies.find((p) => p.adoptedBy !== undefined)!;
    const body = kb().data.units.find((u) => u.id === policy.adoptedBy)!;
    const adopted = ask(kb(), `hvem vedtog ${policy.names[0]}`);
    expect(adopted.first).toContain(lower(body.name));
    expect(adopted.first).toContain(lower(dayIn('da', policy.adoptedOn!)));
    expect(ask(kb(), `fra hvornår gælder ${policy.names[0]}`).first).toContain(lower(dayIn('da', policy.inForceFrom!)));
    expect(ask(kb(), `when does the ${policy.namesEn[0]} take effect`).first).toContain(lower(dayIn('en', policy.inForceFrom!)));
  });

  it('shows where a deputy stands in', () => {
    const relation = kb().data.deputies.find((d) => d.appliesTo !== undefined)!;
    const principal = kb().data.roles.find((r) => r.id === relation.for)!;
    expect(ask(kb(), `hvem er stedfortræder for ${lower(principal.name)}`).first).toContain(lower(relation.appliesTo!.text!.da));
  });

  it("gives the leaders' day's end time", () => {
    const day = kb().data.dates.find((d) => d.endTime !== undefined)!;
    const { all } = ask(kb(), `hvornår er ${lower(day.label.da.split(' ')[0]!)}`);
    expect(all).toContain(`${day.time!.replace(':', '.')}–${day.endTime!.replace(':', '.')}`);
  });
});
