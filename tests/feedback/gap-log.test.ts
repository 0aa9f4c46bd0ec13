import { describe, expect, it } from 'vitest';
import { createGapLog } from '../../src/feedback/gap-log.js';
import type { Feedback, Gap } from '../../src/feedback/records.js';
import { groupBySimilarity } from '../../src/feedback/similarity.js';
import { createMemoryState } from '../../src/reminders/state.js';
import type { AnsweredStore } from '../../src/feedback/answered.js';
import { createStateAnsweredStore, type AnsweredState } from '../../src/storage/answered-store.js';
import { createStateRecordStore, type RecordState } from '../../src/storage/record-store.js';

function gapLog(clock: { now: Date }, retentionDays = 90, answered: AnsweredStore = createStateAnsweredStore(createMemoryState<AnsweredState>({ answers: {} }))) {
  return createGapLog({
    gaps: createStateRecordStore(createMemoryState<RecordState<Gap>>({ nextNumber: 1, records: [] }), 'gap'),
    feedback: createStateRecordStore(createMemoryState<RecordState<Feedback>>({ nextNumber: 1, records: [] }), 'feedback'),
    answered,
    now: () => clock.now,
    retentionDays,
  });
}

describe('groupBySimilarity', () => {
  it.each([
    ['da' as const, ['Hvad koster en vuggestueplads?', 'hvad koster vuggestuepladsen', 'Hvor ligger kantinen?'], [2, 1]],
    ['en' as const, ['What does a nursery place cost?', 'what do nursery places cost', 'Where is the canteen?'], [2, 1]],
  ])('puts questions that ask the same thing together (%s)', (lang, questions, sizes) => {
    expect(groupBySimilarity(questions, (q) => q, () => lang).map((group) => group.length)).toEqual(sizes);
  });
});

describe('createGapLog', () => {
  it('groups open gaps, most frequent first, with the newest wording and the comments', async () => {
    const clock = { now: new Date('2026-03-01T10:00:00Z') };
    const log = gapLog(clock);
    await log.recordUnknown({ question: 'Hvor ligger kantinen?', lang: 'da', answer: 'Det ved jeg ikke.' });
    await log.recordUnknown({ question: 'Hvad koster en vuggestueplads?', lang: 'da', answer: 'Det ved jeg ikke.' });
    clock.now = new Date('2026-03-02T10:00:00Z');
    await log.rememberAnswer({ messageId: 'm1', question: 'hvad koster vuggestuepladsen', answer: 'Gratis.', lang: 'da' });
    await log.rememberAnswer({ messageId: 'm2', question: 'Hvem er leder?', answer: 'Anna.', lang: 'da' });
    await log.recordFeedback({ reaction: 'dislike', comment: 'Forkert pris', messageId: 'm1' });
    await log.recordFeedback({ reaction: 'like', messageId: 'm2' });

    const groups = await log.openGroups();
    expect(groups.map((g) => [g.question, g.count, g.ratedDown, g.comments])).toEqual([
      ['hvad koster vuggestuepladsen', 2, 1, ['Forkert pris']],
      ['Hvor ligger kantinen?', 1, 0, []],
    ]);
    expect(groups[0]!.lastAt).toBe('2026-03-02T10:00:00.000Z');
  });

  it('dismisses or turns a whole group into a task, by the id of any of its gaps', async () => {
    const log = gapLog({ now: new Date('2026-03-01T10:00:00Z') });
    const first = await log.recordUnknown({ question: 'Hvad koster en vuggestueplads?', lang: 'da', answer: '' });
    await log.recordUnknown({ question: 'Hvad koster vuggestuepladsen?', lang: 'da', answer: '' });
    const other = await log.recordUnknown({ question: 'Hvor ligger kantinen?', lang: 'da', answer: '' });
    expect(await log.markTask(first.id, 7)).toBe(2);
    expect(await log.dismiss(first.id)).toBe(0);
    expect((await log.openGroups()).map((g) => g.question)).toEqual(['Hvor ligger kantinen?']);
    expect(await log.dismiss(other.id)).toBe(1);
    expect(await log.openGroups()).toEqual([]);
  });

  it('prunes gaps and feedback older than the retention period', async () => {
    const clock = { now: new Date('2026-01-01T10:00:00Z') };
    const log = gapLog(clock, 30);
    await log.recordUnknown({ question: 'Gammelt spørgsmål?', lang: 'da', answer: '' });
    await log.recordFeedback({ reaction: 'like' });
    clock.now = new Date('2026-01-25T10:00:00Z');
    await log.recordUnknown({ question: 'Nyt spørgsmål?', lang: 'da', answer: '' });
    clock.now = new Date('2026-02-05T10:00:00Z');
    expect(await log.prune()).toEqual({ gaps: 1, feedback: 1, answers: 0 });
    expect((await log.openGroups()).map((g) => g.question)).toEqual(['Nyt spørgsmål?']);
  });

  it('knows the question of a rated answer after a restart and on another instance (the store), and forgets answers after two weeks', async () => {
    const clock = { now: new Date('2026-03-01T10:00:00Z') };
    const shared = createStateAnsweredStore(createMemoryState<AnsweredState>({ answers: {} }));
    const first = gapLog(clock, 90, shared);
    // Not awaited, as the Teams feature does: feedback that overtakes the write still finds the question.
    void first.rememberAnswer({ messageId: 'm1', question: 'Hvem er dagtilbudschef?', answer: 'Anna Holm.', lang: 'da' });
    expect((await first.recordFeedback({ reaction: 'like', messageId: 'm1' })).feedback).toMatchObject({ question: 'Hvem er dagtilbudschef?', answer: 'Anna Holm.' });
    await first.rememberAnswer({ messageId: 'm2', question: 'Who leads Baltorp?', answer: 'Helle.', lang: 'en' });
    const second = gapLog(clock, 90, shared);
    const { feedback, gap } = await second.recordFeedback({ reaction: 'dislike', comment: 'old', messageId: 'm2' });
    expect(feedback).toMatchObject({ question: 'Who leads Baltorp?', answer: 'Helle.', lang: 'en', comment: 'old' });
    expect(gap).toMatchObject({ question: 'Who leads Baltorp?', reason: 'rated-down', lang: 'en' });
    // The same message id again keeps the first answer.
    await second.rememberAnswer({ messageId: 'm2', question: 'changed', answer: 'x', lang: 'da' });
    expect(await shared.find('m2')).toMatchObject({ question: 'Who leads Baltorp?' });
    clock.now = new Date('2026-03-15T10:00:01Z');
    expect((await second.prune()).answers).toBe(2);
    expect((await second.recordFeedback({ reaction: 'like', messageId: 'm1' })).feedback.question).toBeUndefined();
  });

  it('keeps a thumbs down on an unknown message as feedback only (nothing to group)', async () => {
    const log = gapLog({ now: new Date('2026-03-01T10:00:00Z') });
    const { gap } = await log.recordFeedback({ reaction: 'dislike', comment: 'Hmm' });
    expect(gap).toBeUndefined();
    expect(await log.openGroups()).toEqual([]);
  });
});
