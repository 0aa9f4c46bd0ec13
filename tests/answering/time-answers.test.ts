/**
 * Answers about time on the made-up Hvidmose knowledge base (a reorganisation with a date, an
 * annual calendar, a deputy's function description), derived from its data: the current and the
 * coming reporting line, deputies and when they take over, when a meeting is held and who attends,
 * what is due in a month, what a body decided, and figures as of a day. Today is the injected clock.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnswerer, renderAnswerText, type Answer, type Answerer } from '../../src/answering/index.js';
import { loadKnowledgeOrThrow } from '../../src/knowledge/load-knowledge.js';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { createQueries, type KnowledgeQueries } from '../../src/knowledge/queries.js';
import { formatDate } from '../../src/time/format-date.js';
import { addDays } from '../../src/time/format-date.js';

/** 30 November 2026, before the reorganisation of 1 August 2027. */
const NOW = new Date('2026-11-30T09:00:00Z');
const TODAY = '2026-11-30';
const all = (answer: Answer) => renderAnswerText(answer, { details: true }).toLowerCase();
const day = (iso: string, lang: 'da' | 'en') => formatDate(iso, lang).replace(/^\S+ (den )?/, '').toLowerCase();

describe('answers about time (Hvidmose)', () => {
  let kb: KnowledgeBase;
  let answerer: Answerer;
  let queries: KnowledgeQueries;
  const name = (id: string) => (kb.get(id)!.item as { name: string }).name.toLowerCase();
  const label = (id: string) => (kb.get(id)!.item as { labelEn: string }).labelEn;
  beforeAll(async () => {
    kb = await loadKnowledgeOrThrow('tests/fixtures/kb-hvidmose');
    answerer = createAnswerer(kb, { now: () => NOW });
    queries = createQueries(kb);
  });

  it('gives the reporting line of today and the coming one in one line, and the line on a day asked about', () => {
    const changing = kb.data.roles.filter((r) => queries.nextReportingChange(r.id, TODAY) && queries.reportsToOn(r.id, TODAY, { unconditional: true }).length > 0);
    expect(changing.length).toBeGreaterThan(0);
    for (const role of changing) {
      const now = queries.reportsToOn(role.id, TODAY, { unconditional: true });
      const change = queries.nextReportingChange(role.id, TODAY)!;
      for (const [q, lang] of [[`Hvem refererer ${role.name} til?`, 'da'], [`Who does the ${role.labelEn.replace(/\s*\(.*\)/, '')} report to?`, 'en']] as const) {
        const answer = answerer.answer(q);
        for (const e of now) expect(answer.headline.toLowerCase(), q).toContain(name(e.to));
        const text = all(answer);
        expect(text, q).toContain(day(change.date, lang));
        for (const e of change.lines) expect(text, q).toContain(name(e.to));
      }
      const after = answerer.answer(`Hvem refererer ${role.name} til pr. ${day(addDays(change.date, 30), 'da')}?`);
      for (const e of queries.reportsToOn(role.id, addDays(change.date, 30), { unconditional: true })) expect(after.headline.toLowerCase()).toContain(name(e.to));
      for (const e of now.filter((e) => !change.lines.some((l) => l.to === e.to))) expect(after.headline.toLowerCase()).not.toContain(name(e.to));
    }
  });

  it('names every deputy, both ways, with when they take over', () => {
    for (const relation of kb.data.deputies) {
      const forAnswer = answerer.answer(`Hvem er stedfortræder for ${name(relation.for)}?`);
      expect(all(forAnswer)).toContain(name(relation.deputy));
      if (relation.condition) expect(all(forAnswer)).toContain(relation.condition.da.toLowerCase());
      const byAnswer = answerer.answer(`Whom does the ${label(relation.deputy).replace(/\s*\(.*\)/, '')} stand in for?`);
      expect(byAnswer.lang).toBe('en');
      expect(all(byAnswer)).toContain(name(relation.for));
    }
  });

  it('tells when and how often a meeting is held, who chairs it and who attends (with notes)', () => {
    for (const meeting of kb.data.meetings.filter((m) => m.recurrence)) {
      const next = queries.meetingOccurrences(meeting.id, TODAY, addDays(TODAY, 366))[0];
      const answer = answerer.answer(`Hvornår er der ${meeting.name.toLowerCase()}?`);
      expect(answer.kind, meeting.id).toBe('answer');
      if (next) expect(all(answer), meeting.id).toContain(day(next.date, 'da'));
      for (const p of queries.participantsOf(meeting.id)) {
        expect(all(answer), `${meeting.id} -> ${p.item.item.id}`).toContain(name(p.item.item.id));
        if (p.note) expect(all(answer)).toContain(p.note.da.toLowerCase());
      }
      if (meeting.chair) expect(all(answerer.answer(`Who chairs ${meeting.labelEn}?`))).toContain(name(meeting.chair));
    }
  });

  it('lists everything due in a month, deadlines first, periods with their first and last day', () => {
    const months = [...new Set(kb.data.dates.map((d) => d.date.slice(0, 7)))];
    for (const month of months) {
      const [y, m] = month.split('-').map(Number) as [number, number];
      const monthName = formatDate(`${month}-01`, 'da').split(' ').slice(-2).join(' ');
      const answer = answerer.answer(`Hvad skal vi huske i ${monthName}?`);
      const text = all(answer);
      const last = addDays(`${m === 12 ? y + 1 : y}-${String((m % 12) + 1).padStart(2, '0')}-01`, -1);
      const items = queries.datedItemsBetween(`${month}-01`, last).filter((i) => i.kind === 'date');
      for (const item of items.slice(0, 5)) {
        if (item.kind !== 'date') continue;
        expect(text, `${monthName}: ${item.entry.id}`).toContain(item.entry.label.da.toLowerCase());
        if (item.entry.end) expect(text).toContain(`${day(item.entry.date, 'da')}–${day(item.entry.end, 'da')}`);
      }
      const lines = answer.sections.flatMap((s) => s.lines);
      const firstNonDeadline = lines.findIndex((l) => !/frist\)/.test(l));
      const lastDeadline = lines.map((l) => /frist\)/.test(l)).lastIndexOf(true);
      if (firstNonDeadline >= 0 && lastDeadline >= 0) expect(lastDeadline, monthName).toBeLessThan(firstNonDeadline);
    }
  });

  it('says what a body decided, when, from when, and how it voted', () => {
    for (const decision of kb.data.decisions) {
      const answer = answerer.answer(`Hvad besluttede ${name(decision.body)} om ${decision.name.toLowerCase()}?`);
      const text = all(answer);
      expect(answer.headline.toLowerCase(), decision.id).toContain(decision.name.toLowerCase());
      expect(text).toContain(day(decision.date, 'da'));
      if (decision.appliesFrom) expect(text).toContain(day(decision.appliesFrom, 'da'));
      if (decision.vote?.text) expect(text).toContain(decision.vote.text.da.toLowerCase());
    }
  });

  it('gives figures as of today and the coming figure', () => {
    const unit = kb.data.units.find((u) => u.figures.some((f) => f.metric === 'deputies' && f.validFrom && f.validFrom > TODAY))!;
    const now = queries.figuresOn(unit.id, TODAY).find((f) => f.figure.metric === 'deputies')!;
    const later = unit.figures.find((f) => f.metric === 'deputies' && f.validFrom && f.validFrom > TODAY)!;
    const answer = answerer.answer('Hvor mange souschefer er der?');
    expect(answer.headline).toContain(String(now.figure.value));
    expect(all(answer)).toContain(String(later.value));
    const after = answerer.answer('How many deputy leaders will there be after the reorganisation?');
    expect(after.headline).toContain(String(later.value));
    expect(after.headline).not.toContain(` ${now.figure.value} `);
  });
});
