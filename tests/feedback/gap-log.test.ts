import { describe, expect, it } from 'vitest';
import { createGapLog } from '../../src/feedback/gap-log.js';
import type { Feedback, Gap } from '../../src/feedback/records.js';
import { groupBySimilarity } from '../../src/feedback/similarity.js';
import { createMemoryState } from '../../src/reminders/state.js';
import { createStateRecordStore, type RecordState } from '../../src/storage/record-store.js';

function gapLog(clock: { now: Date }, retentionDays = 90) {
  return createGapLog({
    gaps: createStateRecordStore(createMemoryState<RecordState<Gap>>({ nextNumber: 1, records: [] }), 'gap'),
    feedback: createStateRecordStore(createMemoryState<RecordState<Feedback>>({ nextNumber: 1, records: [] }), 'feedback'),
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
    await log.recordFeedback({ reaction: 'dislike', comment: 'Forkert pris', question: 'hvad koster vuggestuepladsen', answer: 'Gratis.', lang: 'da' });
    await log.recordFeedback({ reaction: 'like', question: 'Hvem er leder?', answer: 'Anna.', lang: 'da' });

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
    expect(await log.prune()).toEqual({ gaps: 1, feedback: 1 });
    expect((await log.openGroups()).map((g) => g.question)).toEqual(['Nyt spørgsmål?']);
  });

  it('keeps a thumbs down on an unknown message as feedback only (nothing to group)', async () => {
    const log = gapLog({ now: new Date('2026-03-01T10:00:00Z') });
    const { gap } = await log.recordFeedback({ reaction: 'dislike', comment: 'Hmm' });
    expect(gap).toBeUndefined();
    expect(await log.openGroups()).toEqual([]);
  });
});
