import { describe, expect, it } from 'vitest';
import { parseTaskCommand } from '../../src/tasks/commands.js';
import type { KnownPerson, TaskMention } from '../../src/tasks/commands.js';
import { createPersonFinder } from '../../src/tasks/people.js';

// Wednesday 25 November 2026, 10:00 in Copenhagen.
const now = new Date('2026-11-25T09:00:00Z');
const people: KnownPerson[] = [
  { id: 'tanja-hansen', name: 'Tanja Hansen' },
  { id: 'soeren-oestergaard', name: 'Søren Østergaard' },
  { id: 'per-lund', name: 'Per Lund' },
  { id: 'per-holm', name: 'Per Holm' },
];
const options = { now, findPerson: createPersonFinder(people) };
const TANJA: TaskMention = { id: '29:tanja', name: 'Tanja Jensen', text: '<at>Tanja Jensen</at>' };
const PER: TaskMention = { id: '29:per', name: 'Per', text: '<at>Per</at>' };
const mentionOwner = { id: '29:tanja', name: 'Tanja Jensen', source: 'mention' };

describe('parseTaskCommand: create', () => {
  it.each([
    ['opgave Følg op på kapacitetsplanen <at>Tanja Jensen</at> senest fredag', 'da', 'Følg op på kapacitetsplanen'],
    ['task Follow up on the capacity plan <at>Tanja Jensen</at> by Friday', 'en', 'Follow up on the capacity plan'],
    ['Opgave Følg op på kapacitetsplanen senest fredag <at>Tanja Jensen</at>', 'da', 'Følg op på kapacitetsplanen'],
    ['/task Follow up on the capacity plan due friday <at>Tanja Jensen</at>', 'en', 'Follow up on the capacity plan'],
    ['OPGAVE: Følg op på kapacitetsplanen til <at>Tanja Jensen</at> senest fredag', 'da', 'Følg op på kapacitetsplanen'],
    ['new task Follow up on the capacity plan for <at>Tanja Jensen</at> due 27/11', 'en', 'Follow up on the capacity plan'],
  ])('reads %j with owner and date', (text, lang, title) => {
    expect(parseTaskCommand(text, [TANJA], options)).toEqual({ kind: 'create', lang, title, owner: mentionOwner, due: '2026-11-27' });
  });

  it.each([
    ['opgave <at>Tanja Jensen</at> følger op på planen', 'da', 'Tanja Jensen følger op på planen'],
    ['task ask <at>Tanja Jensen</at> about the budget', 'en', 'ask Tanja Jensen about the budget'],
  ])('keeps the name in the title when the mention is not at the end: %j', (text, lang, title) => {
    expect(parseTaskCommand(text, [TANJA], options)).toEqual({ kind: 'create', lang, title, owner: mentionOwner });
  });

  it.each([
    ['opgave Ring til forældrerådet', 'da', 'Ring til forældrerådet'],
    ['task Call the parents’ council', 'en', 'Call the parents’ council'],
    ['opgave Book lokale senest i morgen', 'da', 'Book lokale'],
  ])('leaves the owner to the creator when nobody is named: %j', (text, lang, title) => {
    const parsed = parseTaskCommand(text, [], options);
    expect(parsed).toMatchObject({ kind: 'create', lang, title });
    expect(parsed).not.toHaveProperty('owner');
  });

  it.each([
    ['opgave Opdater budgettet @Tanja Hansen senest uge 50', 'da', 'Opdater budgettet', 'tanja-hansen', 'Tanja Hansen', '2026-12-11'],
    ['task Update the budget @tanja by week 50', 'en', 'Update the budget', 'tanja-hansen', 'Tanja Hansen', '2026-12-11'],
    ['opgave Tjek vagtplanen @Soeren Oestergaard inden 1. december', 'da', 'Tjek vagtplanen', 'soeren-oestergaard', 'Søren Østergaard', '2026-12-01'],
    ['task Check the rota @Østergaard before December 1', 'en', 'Check the rota', 'soeren-oestergaard', 'Søren Østergaard', '2026-12-01'],
  ])('names an owner from the knowledge base: %j', (text, lang, title, id, name, due) => {
    expect(parseTaskCommand(text, [], options)).toEqual({ kind: 'create', lang, title, owner: { id, name, source: 'knowledge' }, due });
  });

  it('turns a mention tag without an entity into a knowledge-base name', () => {
    expect(parseTaskCommand('opgave Opdater budgettet <at>Tanja Hansen</at>', [], options)).toMatchObject({
      owner: { id: 'tanja-hansen', source: 'knowledge' },
      title: 'Opdater budgettet',
    });
  });

  it.each([
    ['opgave', 'da', 'missing-title', undefined],
    ['task', 'en', 'missing-title', undefined],
    ['opgave <at>Tanja Jensen</at> senest fredag', 'da', 'missing-title', undefined],
    ['opgave Budget senest fredagg', 'da', 'bad-date', 'fredagg'],
    ['task Budget due 31/2', 'en', 'bad-date', '31/2'],
    ['opgave Budget @Ukendt', 'da', 'unknown-person', 'Ukendt'],
    ['task Budget @Per', 'en', 'unknown-person', 'Per'],
    ['opgave Budget <at>Tanja Jensen</at> <at>Per</at>', 'da', 'several-owners', undefined],
    [`task ${'x'.repeat(201)}`, 'en', 'title-too-long', '201'],
    [`task ${'👩‍👩‍👧'.repeat(201)}`, 'en', 'title-too-long', '201'],
    ['opgave \u200b\u200b\u200b', 'da', 'invisible-title', undefined],
    ['task \u2800\u3164 \u200d\ufeff \u2060', 'en', 'invisible-title', undefined],
    ['opgave \u0301\u0301 senest fredag', 'da', 'invisible-title', undefined],
  ])('gives the usage of %j', (text, lang, problem, detail) => {
    expect(parseTaskCommand(text, [TANJA, PER], options)).toEqual({
      kind: 'usage',
      command: 'create',
      lang,
      problem,
      ...(detail !== undefined && { detail }),
    });
  });

  it.each([
    ['200 emoji', '😀'.repeat(200)],
    ['200 family emoji (5 UTF-16 units each)', '👩‍👩‍👧'.repeat(200)],
    ['accents written as base + combining mark', 'Mo\u0308de i Ska\u030ane'.padEnd(200, '.')],
  ])('accepts a title of %s: length is counted in graphemes', (_label, title) => {
    expect(parseTaskCommand(`opgave ${title}`, [], options)).toMatchObject({ kind: 'create', title });
  });

  it.each([['opgave for en klyngeleder?'], ['Task owners in Ballerup?'], ['Hvad er klyngelederens opgaver?'], ['opgaver for en pædagogisk leder'], ['tasks of a manager']])(
    'leaves %j to the question engine',
    (text) => {
      expect(parseTaskCommand(text, [], options)).toBeNull();
    },
  );
});

describe('parseTaskCommand: list, done, reopen, move, assign', () => {
  it.each([
    ['opgaver', 'tasks', 'open'],
    ['/Opgaver', 'Tasks.', 'open'],
    ['vis opgaver', 'show tasks', 'open'],
    ['mine opgaver', 'my tasks', 'mine'],
    ['Mine opgaver!', '/my tasks', 'mine'],
    ['alle opgaver', 'all tasks', 'all'],
  ])('reads %j and %j as the %s list', (danish, english, scope) => {
    expect(parseTaskCommand(danish, [], options)).toEqual({ kind: 'list', lang: 'da', scope });
    expect(parseTaskCommand(english, [], options)).toEqual({ kind: 'list', lang: 'en', scope });
  });

  it.each([
    ['færdig 3', 'done 3', 'complete', 3],
    ['Færdig #12', '/Done #12', 'complete', 12],
    ['færdig opgave 7', 'done task 7', 'complete', 7],
    ['genåbn 3', 'reopen 3', 'reopen', 3],
    ['Genaabn #3.', 'REOPEN #3', 'reopen', 3],
  ])('reads %j and %j', (danish, english, kind, number) => {
    expect(parseTaskCommand(danish, [], options)).toEqual({ kind, lang: 'da', number });
    expect(parseTaskCommand(english, [], options)).toEqual({ kind, lang: 'en', number });
  });

  it.each([
    ['flyt 3 næste fredag', 'move 3 next friday', '2026-12-04'],
    ['flyt #3 til 1/12', 'move #3 to 1/12', '2026-12-01'],
    ['flyt 3 uge 50', 'move 3 week 50', '2026-12-11'],
  ])('reads %j and %j as a move to %s', (danish, english, due) => {
    expect(parseTaskCommand(danish, [], options)).toEqual({ kind: 'move', lang: 'da', number: 3, due });
    expect(parseTaskCommand(english, [], options)).toEqual({ kind: 'move', lang: 'en', number: 3, due });
  });

  it('reads a move that removes the due date', () => {
    expect(parseTaskCommand('flyt 3 ingen frist', [], options)).toEqual({ kind: 'move', lang: 'da', number: 3, due: undefined });
    expect(parseTaskCommand('move 3 no date', [], options)).toEqual({ kind: 'move', lang: 'en', number: 3, due: undefined });
  });

  it.each([
    ['giv 3 <at>Tanja Jensen</at>', 'da', mentionOwner],
    ['assign 3 to <at>Tanja Jensen</at>', 'en', mentionOwner],
    ['giv 3 til @Tanja Hansen', 'da', { id: 'tanja-hansen', name: 'Tanja Hansen', source: 'knowledge' }],
    ['assign #3 Per Lund', 'en', { id: 'per-lund', name: 'Per Lund', source: 'knowledge' }],
  ])('reads the assignment %j', (text, lang, owner) => {
    expect(parseTaskCommand(text, [TANJA], options)).toEqual({ kind: 'assign', lang, number: 3, owner });
  });

  it.each([
    ['færdig', 'da', 'complete', 'missing-number', undefined],
    ['done', 'en', 'complete', 'missing-number', undefined],
    ['done 3 4', 'en', 'complete', undefined, undefined],
    ['genåbn rapporten', 'da', 'reopen', 'missing-number', undefined],
    ['flyt 3', 'da', 'move', 'missing-date', undefined],
    ['move 3 someday', 'en', 'move', 'bad-date', 'someday'],
    ['flyt', 'da', 'move', 'missing-number', undefined],
    ['giv 3', 'da', 'assign', 'missing-person', undefined],
    ['assign 3 Per', 'en', 'assign', 'unknown-person', 'Per'],
    ['assign 3 <at>Tanja Jensen</at> <at>Per</at>', 'en', 'assign', 'several-owners', undefined],
  ])('gives the usage of %j', (text, lang, command, problem, detail) => {
    expect(parseTaskCommand(text, [TANJA, PER], options)).toEqual({
      kind: 'usage',
      lang,
      command,
      ...(problem !== undefined && { problem }),
      ...(detail !== undefined && { detail }),
    });
  });

  it.each([['giv mig et overblik over fristerne'], ['give me the deadlines'], ['done with the report'], ['færdig med hvad?'], ['flyt mødet'], ['hvem er leder af Stjernehuset?']])(
    'leaves %j to the question engine',
    (text) => {
      expect(parseTaskCommand(text, [], options)).toBeNull();
    },
  );
});
