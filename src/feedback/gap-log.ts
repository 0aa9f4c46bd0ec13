/**
 * The knowledge-gap loop: questions answered "I don't know" or rated down are logged (no user ids), grouped by
 * similarity and frequency for the knowledge-base editors, turned into tasks or dismissed, and pruned after the
 * retention period. Feedback (thumbs up/down) is kept beside it.
 */
import { ANSWER_MEMORY_DAYS } from './answered.js';
import type { AnsweredStore } from './answered.js';
import type { Feedback, Gap, RecordStore } from './records.js';
import { groupBySimilarity } from './similarity.js';

/** Options of {@link createGapLog}. */
export interface GapLogOptions {
  readonly gaps: RecordStore<Gap>;
  readonly feedback: RecordStore<Feedback>;
  /** The answers feedback may name by message id (kept {@link ANSWER_MEMORY_DAYS} days). */
  readonly answered: AnsweredStore;
  readonly now: () => Date;
  /** Records older than this many days are removed by {@link GapLog.prune}. */
  readonly retentionDays: number;
}

/** Open gaps that ask the same thing, for the editors' list. */
export interface GapGroup {
  /** The id of the group's newest gap: what the list's buttons name. */
  readonly id: string;
  /** The newest wording of the question. */
  readonly question: string;
  readonly lang: Gap['lang'];
  /** How often it was logged. */
  readonly count: number;
  /** When it was last logged (ISO time). */
  readonly lastAt: string;
  /** What the bot answered the last time. */
  readonly answer: string;
  readonly ratedDown: number;
  /** The comments given with thumbs down, newest first. */
  readonly comments: readonly string[];
}

/** What {@link GapLog.recordFeedback} is told: the rated message's id; its question and answer are looked up. */
export interface NewFeedback {
  readonly reaction: Feedback['reaction'];
  readonly comment?: string;
  readonly messageId?: string;
}

/** An answered message, as {@link GapLog.rememberAnswer} is told it. */
export interface AnsweredMessage {
  readonly messageId: string;
  readonly question: string;
  /** The answer's first line. */
  readonly answer: string;
  readonly lang: Gap['lang'];
}

/** The gap log and the feedback kept beside it. */
export interface GapLog {
  /** Logs a question the bot had no answer to. */
  recordUnknown(input: { readonly question: string; readonly lang: Gap['lang']; readonly answer: string }): Promise<Gap>;
  /** Remembers what was asked and answered in a message, so that feedback on it knows (resolves once durable). */
  rememberAnswer(input: AnsweredMessage): Promise<void>;
  /** Stores feedback with the rated question when it is remembered; a thumbs down on one is logged as a gap too. */
  recordFeedback(input: NewFeedback): Promise<{ readonly feedback: Feedback; readonly gap?: Gap }>;
  /** The open gaps, grouped: most frequent first, then most recent. */
  openGroups(): Promise<GapGroup[]>;
  /** The open group a gap belongs to (by the id of any of its gaps). */
  group(id: string): Promise<GapGroup | undefined>;
  /** Sets a group aside; resolves with how many gaps it held (0: no open group with that id). */
  dismiss(id: string): Promise<number>;
  /** Marks a group as turned into task `taskNumber`; resolves with how many gaps it held. */
  markTask(id: string, taskNumber: number): Promise<number>;
  /** Removes gaps and feedback older than the retention period, and remembered answers older than theirs. */
  prune(): Promise<{ readonly gaps: number; readonly feedback: number; readonly answers: number }>;
}

const DAY_MS = 86_400_000;
const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** Creates the gap log over its record stores and the remembered answers. */
export function createGapLog(options: GapLogOptions): GapLog {
  const { gaps, feedback, answered, now } = options;
  // Answers on their way to the store: feedback that overtakes the write still finds its question.
  const remembering = new Map<string, Promise<void>>();

  async function openGapGroups(): Promise<Gap[][]> {
    const open = (await gaps.list()).filter((gap) => gap.status === 'open');
    // Newest first, so each group's first item is its newest wording.
    return groupBySimilarity([...open].reverse(), (gap) => gap.question, (gap) => gap.lang);
  }

  function summarize(group: readonly Gap[]): GapGroup {
    const newest = group[0]!;
    return {
      id: newest.id,
      question: newest.question,
      lang: newest.lang,
      count: group.length,
      lastAt: newest.at,
      answer: newest.answer,
      ratedDown: group.filter((gap) => gap.reason === 'rated-down').length,
      comments: group.flatMap((gap) => (gap.comment ? [gap.comment] : [])),
    };
  }

  async function setStatus(id: string, patch: Partial<Gap>): Promise<number> {
    const group = (await openGapGroups()).find((candidate) => candidate.some((gap) => gap.id === id));
    if (!group) return 0;
    for (const gap of group) await gaps.update(gap.id, patch);
    return group.length;
  }

  return {
    recordUnknown: ({ question, lang, answer }) =>
      gaps.add({ at: now().toISOString(), question: clip(question, 4_000), lang, reason: 'unknown', answer: clip(answer, 2_000), status: 'open' }),

    rememberAnswer({ messageId, question, answer, lang }) {
      const write: Promise<void> = answered
        .remember({ messageId, at: now().toISOString(), question: clip(question, 4_000), answer: clip(answer, 2_000), lang })
        .finally(() => {
          if (remembering.get(messageId) === write) remembering.delete(messageId);
        });
      remembering.set(messageId, write);
      return write;
    },

    async recordFeedback(input) {
      const at = now().toISOString();
      if (input.messageId) await remembering.get(input.messageId)?.catch(() => undefined);
      const about = input.messageId ? await answered.find(input.messageId) : undefined;
      const comment = input.comment?.trim() ? clip(input.comment.trim(), 2_000) : undefined;
      const stored = await feedback.add({
        at,
        reaction: input.reaction,
        ...(comment && { comment }),
        ...(about && { question: about.question, answer: about.answer, lang: about.lang }),
      });
      if (input.reaction !== 'dislike' || !about) return { feedback: stored };
      const gap = await gaps.add({
        at,
        question: about.question,
        lang: about.lang,
        reason: 'rated-down',
        answer: about.answer,
        ...(comment && { comment }),
        status: 'open',
      });
      return { feedback: stored, gap };
    },

    async openGroups() {
      return (await openGapGroups())
        .map(summarize)
        .sort((a, b) => b.count - a.count || b.lastAt.localeCompare(a.lastAt));
    },

    async group(id) {
      const group = (await openGapGroups()).find((candidate) => candidate.some((gap) => gap.id === id));
      return group && summarize(group);
    },

    dismiss: (id) => setStatus(id, { status: 'dismissed' }),
    markTask: (id, taskNumber) => setStatus(id, { status: 'task', taskNumber }),

    async prune() {
      const cutoff = new Date(now().getTime() - options.retentionDays * DAY_MS);
      const answersCutoff = new Date(now().getTime() - ANSWER_MEMORY_DAYS * DAY_MS);
      return {
        gaps: await gaps.removeOlderThan(cutoff),
        feedback: await feedback.removeOlderThan(cutoff),
        answers: await answered.removeOlderThan(answersCutoff),
      };
    },
  };
}
