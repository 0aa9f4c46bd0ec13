/**
 * Dates: deadlines, interviews, starts, evaluations and chat-added deadlines, filtered by kind,
 * round, month and "upcoming", marked as passed relative to today in Copenhagen.
 */
import type { DateEntry } from '../knowledge/schemas.js';
import { formatPartialDate, toLocalDate } from '../time/format-date.js';
import type { FactRecord } from './facts.js';
import { analyzeText, STOPWORDS, termsOf } from './normalize.js';
import { capitalize, phrasesFor } from './phrases.js';
import type { QueryTerm } from './search.js';
import type { Answer } from './types.js';
import { fitsDateKind, type Understanding } from './understand.js';
import { belongsToNamed, compose, shortDate, factsOf, NEAR_BEST, sectionTitle, STRUCTURED_THRESHOLD, unique, unknown, weightedShare, type Context, type Line } from './answer-context.js';

interface DateCandidate {
  readonly owner: string;
  readonly label: string;
  readonly date: string;
  readonly precision: DateEntry['precision'];
  /** Last day of a period. */
  readonly end?: string;
  readonly coverage: number;
  readonly fact?: FactRecord;
  readonly chat?: boolean;
}

export function answerDates(ctx: Context, u: Understanding, rest: readonly QueryTerm[]): Answer | undefined {
  const today = toLocalDate(ctx.options.now());
  const p = phrasesFor(u.lang);
  const fits = (
    kind: DateEntry['kind'],
    date: string,
    end: string | undefined,
    round: number | undefined,
    precision: DateEntry['precision'] = 'day',
    labelTerms?: ReadonlySet<string>,
  ) =>
    (fitsDateKind(u.dateKinds, kind) || (labelTerms !== undefined && [...u.dateKindTerms].some((term) => labelTerms.has(term)))) &&
    (u.round === undefined || round === u.round) &&
    (!u.range || ((end ?? date) >= u.range.from && date <= u.range.to)) &&
    (!u.range || u.range.from.slice(0, 4) !== u.range.to.slice(0, 4) || precision !== 'year' || u.range.to.endsWith('-12-31')) &&
    (!u.upcoming || (end ?? date) >= today);

  const candidates: DateCandidate[] = [];
  const scored = rest.length > 0 ? ctx.index.score(rest, undefined, 'date') : [];
  const coverageOf = new Map(scored.map((s) => [s.fact, s.coverage]));
  // "Appraisal interviews (MUS)" are dated as a period: when no date is of the kind asked for, one whose label says the kind's word fits.
  for (const byLabel of u.dateKindTerms.size > 0 ? [false, true] : [false]) {
    for (const fact of factsOf(ctx, 'date')) {
      if (!belongsToNamed(ctx, fact)) continue;
      const d = fact.date!;
      if (!fits(d.kind, d.date, d.end, d.round, d.precision, byLabel ? fact.textTerms : undefined)) continue;
      const coverage = rest.length === 0 ? 1 : (coverageOf.get(fact) ?? 0);
      candidates.push({ owner: d.about, label: d.label[u.lang], date: d.date, precision: d.precision, ...(d.end && { end: d.end }), coverage, fact });
    }
    if (candidates.some((c) => c.coverage >= STRUCTURED_THRESHOLD)) break;
    candidates.length = 0;
  }
  for (const deadline of ctx.options.deadlines?.list() ?? []) {
    if (!fits('application-deadline', deadline.date, undefined, undefined) || u.round !== undefined) continue;
    const terms = termsOf(`${deadline.title} frist deadline`);
    // Chat deadlines are not in the index, so their words are matched directly.
    const explained = rest.map((q): number =>
      q.token.terms.some((t) => terms.has(t))
        ? 1
        : [...terms].some((t) => q.token.terms.some((qt) => qt.length >= 5 && (t.startsWith(qt) || qt.startsWith(t))))
          ? 0.8
          : 0,
    );
    const coverage = rest.length === 0 ? 1 : weightedShare(rest, explained);
    candidates.push({ owner: `chat:${deadline.id}`, label: deadline.title, date: deadline.date, precision: 'day', coverage, chat: true });
  }
  if (candidates.length === 0) return u.upcoming ? unknown(ctx, u.lang, p.noUpcoming) : undefined;
  // A chat deadline named in full ("fristen for budgetopfølgning") is the one asked about, even when
  // its name is also a cue word of the question (a budget deadline): the others do not answer it.
  const asked = new Set(u.tokens.flatMap((t) => t.terms));
  const namedChat = candidates.filter((c) => {
    if (!c.chat) return false;
    const title = analyzeText(c.label);
    return title.length > 0 && title.every((t) => STOPWORDS.has(t.form) || t.terms.some((term) => asked.has(term)));
  });
  if (namedChat.length > 0) candidates.splice(0, candidates.length, ...namedChat.map((c) => ({ ...c, coverage: 1 })));
  // A word that tells dates apart ("MUS" in "Hvornår er der MUS for kvartercheferne?") must be in the
  // date given: a date that fits the rest of the question but not that word answers another question.
  if (rest.length > 1) {
    // A date answers for a word through its label or through what it belongs to (the posting's name).
    const allHits = (c: DateCandidate) =>
      c.fact ? ctx.index.explainSurely(rest, new Set([...c.fact.textTerms, ...c.fact.ownTerms, ...c.fact.contextTerms])) : rest.map(() => 1);
    const covered = candidates.map(allHits);
    // Telling words are judged against every date in scope, also those of other items.
    const every = factsOf(ctx, 'date').map((f) => ctx.index.explainSurely(rest, f.textTerms));
    const telling = rest.map((_, i) => every.some((h) => h[i]! > 0));
    const fitting = candidates.filter((_, k) => telling.every((tells, i) => !tells || covered[k]![i]! > 0));
    if (fitting.length === 0 && telling.some(Boolean) && candidates.some((c) => c.coverage >= STRUCTURED_THRESHOLD)) return unknown(ctx, u.lang, p.noDates);
    if (fitting.length > 0) candidates.splice(0, candidates.length, ...fitting);
  }
  candidates.sort((a, b) => b.coverage - a.coverage || a.date.localeCompare(b.date));
  const best = candidates[0]!.coverage;
  if (best < STRUCTURED_THRESHOLD) return undefined;
  let chosen = candidates.filter((c) => c.coverage >= best - NEAR_BEST).sort((a, b) => a.date.localeCompare(b.date));
  if (u.next) chosen = chosen.slice(0, 1);

  const lineOf = (c: DateCandidate): Line => ({
    // A period shows its first and last day.
    // Where a dated event takes place, when the data says.
    text: `${p.dateLine(
      c.label,
      c.end ? `${shortDate(c.date, u.lang)}–${shortDate(c.end, u.lang)}` : formatPartialDate(c.date, c.precision, u.lang),
      (c.end ?? c.date) < today && c.precision === 'day',
    )}${c.fact?.date?.place ? `, ${u.lang === 'da' ? 'sted' : 'place'}: ${c.fact.date.place}` : ''}`,
    fact: c.fact,
    chat: c.chat,
  });
  const owners = unique(chosen.map((c) => c.owner));
  const titleOf = (owner: string) => (owner.startsWith('chat:') ? p.chatDeadline : sectionTitle(ctx.kb, owner, u.lang));
  const listQuestion = u.range !== undefined || u.upcoming;
  if (owners.length === 1) {
    const lines = chosen.map(lineOf);
    const title = titleOf(owners[0]!);
    return compose(ctx, u.lang, {
      kind: 'answer',
      headline: lines.length === 1 ? `${lines[0]!.text} (${title})` : `${capitalize(title)}:`,
      groups: [{ title: '', lines: lines.length === 1 ? [] : lines }],
      cite: chosen.map((c) => c.fact).filter((f): f is FactRecord => f !== undefined),
    });
  }
  return compose(ctx, u.lang, {
    kind: listQuestion ? 'answer' : 'ambiguous',
    headline: listQuestion ? p.datesHeadline(chosen.length) : p.severalMatches,
    groups: owners.map((owner) => ({
      title: titleOf(owner),
      lines: chosen.filter((c) => c.owner === owner).map(lineOf),
    })),
  });
}
