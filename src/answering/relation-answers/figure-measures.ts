/**
 * What a figure says besides its number: its unit of measure ("62 mio. kr."), the period it is for ("oktober 2026")
 * and, for a figure of several units together, those units. The figures answer shows each (when the figure's own text
 * does not already say it) and gives a figure of several units only for a question about all of them.
 */
import type { KnowledgeBase } from '../../knowledge/knowledge-base.js';
import type { Figure } from '../../knowledge/schemas.js';
import { composeAnswer, nameOf, shortDate, unique, unknown } from '../answer-context.js';
import { analyzeText, foldText, GENERIC_WORDS, STOPWORDS, termsOf, tokenize } from '../normalize.js';
import { capitalize, joinList } from '../phrases.js';
import type { Answer, Lang } from '../types.js';
import type { RelationContext } from './context.js';
import { figureOwnersOf, figuresOfMetrics, someFigure } from '../figure-owners.js';
import { explainsWords } from './org-changes.js';

/** A figure of several units together is asked about only when every one of them is among the items asked about. */
export function askedTogether(figure: Figure, asked: ReadonlySet<string>): boolean {
  return figure.ofUnits === undefined || figure.ofUnits.every((id) => asked.has(id));
}

/** One key per figure stated: a figure of several units is the same figure whichever of them found it. */
export function figureKey(owner: string, figure: Figure): string {
  return figure.ofUnits === undefined ? `${owner}|${figure.metric}|${figure.value}` : `${figure.ofUnits.join('+')}|${figure.metric}|${figure.value}`;
}

/** Whose figure it is, as the answer names it: the units together ("Børnekreds Bakken og Børnekreds Skoven"), else the owner. */
export function figureOwnerName(kb: KnowledgeBase, owner: string, figure: Figure, lang: Lang): string {
  if (figure.ofUnits === undefined) return nameOf(kb, owner, lang);
  return joinList(figure.ofUnits.map((id) => nameOf(kb, id, lang)), lang);
}

/** The figure's text, with its period and unit of measure added where the text does not say them. */
export function measuredText(figure: Figure, text: string, lang: Lang): string {
  const folded = foldText(text);
  const adds: string[] = [];
  const measure = figure.unitOfMeasure?.[lang];
  // Every word of the measure said somewhere ("DKK million" in "DKK 62 million") is the measure said.
  const said = (words: string) => foldText(words).split(/\s+/).map((w) => w.replace(/\.$/, '')).every((w) => w === '' || folded.includes(w));
  if (measure !== undefined && !said(measure)) adds.push(measure);
  const period = figure.period?.text?.[lang];
  if (period !== undefined && !said(period)) adds.push(period);
  return adds.length === 0 ? text : `${text} (${adds.join(', ')})`;
}

/**
 * The words for a figure's unit of measure ("procent", "percent" for "%"; "kroner" for "mio. kr."), by the lexicon's
 * `measureWords`: "hvor mange procent var sygefraværet" counts the figure measured in them. Made once per figure.
 */
export function measureWordsOf(rc: RelationContext, f: Figure): ReadonlySet<string> {
  let words = MEASURES.get(f);
  if (!words) {
    const measure = f.unitOfMeasure ? foldText(`${f.unitOfMeasure.da} ${f.unitOfMeasure.en}`) : '';
    const tokens = tokenize(measure);
    // A symbol of letters is one of the measure's words ("kr" in "mio. kr."); another ("%") is found anywhere in it.
    const has = (symbol: string) => (/^[a-z]/.test(symbol) ? tokens.includes(symbol) : measure.includes(symbol));
    words = new Set(measure === '' ? [] : rc.lexicon.measureWords.filter((m) => m.symbols.some(has)).flatMap((m) => [...m.words]));
    MEASURES.set(f, words);
  }
  return words;
}

const MEASURES = new WeakMap<Figure, ReadonlySet<string>>();

/** A figure's period as the answer says it: its own words ("oktober 2026"), else its first and last day. */
export function periodOf(period: NonNullable<Figure['period']>, lang: Lang): string {
  const text = period.text?.[lang];
  if (text !== undefined) return `${lang === 'da' ? 'i' : 'in'} ${text}`;
  return `${shortDate(period.from, lang)}–${shortDate(period.until, lang)}`;
}

/** The metrics that measure rather than count: naming one asks for its figure, even without "how many". */
export const MEASURED: ReadonlySet<Figure['metric']> = new Set(['amount', 'absence']);

/**
 * "Hvad var sygefraværet i oktober 2026?", "what is the budget of Team Midt?": a measure named (an amount, a sickness
 * absence) asks for its figure, of the units named (else every unit that states one), for the period asked about when
 * the question names one; a period no figure is stated for is said, with the periods that have one.
 */
export function answerMeasuredFigure(rc: RelationContext): Answer | undefined {
  const { u, kb } = rc;
  if (u.intents.has('figure') || [...u.intents].some((i) => i !== 'dates' && i !== 'definition')) return undefined;
  // "Hvornår skal budgetbidragene afleveres": a kind of deadline asked when is a date of the calendar, not an amount.
  if (u.askedWhen && u.dateKinds.size > 0) return undefined;
  const metrics = [...rc.lexicon.metrics.match(u.tokens).keys()].filter((m): m is Figure['metric'] => MEASURED.has(m as Figure['metric']));
  if (metrics.length === 0) return undefined;
  const named = rc.subjects.flat().filter((l) => l.quality >= 0.9);
  if (named.some((l) => l.kind !== 'units' && l.kind !== 'municipalities')) return undefined;
  const stating = measuring(rc, metrics);
  const asked = named.map((l) => l.id);
  const within = (owner: string, figure: Figure) =>
    asked.length === 0 || asked.some((id) => owner === id || figure.ofUnits?.includes(id) === true || isBelow(kb, owner, id));
  const found = stating.filter((f) => within(f.owner, f.figure) && (f.figure.ofUnits === undefined || f.figure.ofUnits.every((id) => asked.length === 0 || asked.includes(id))));
  if (found.length === 0) {
    // No figure is of the measure's metric, but a figure's own words say the measure ("sygefravær ... 5,8 procent" of
    // metric "other"): the documents may give it after all, for the figures and search to find.
    if (stating.length === 0) {
      const cueAt = metrics.flatMap((m) => [...(rc.lexicon.metrics.match(u.tokens).get(m)?.positions ?? [])]);
      const cue = cueAt.map((p) => u.tokens[p]!).filter((tok) => !STOPWORDS.has(tok.form));
      const says = (f: Figure) => {
        const terms = termsOf(`${f.text.da} . ${f.text.en}`);
        return cue.every((tok) => tok.terms.some((t) => terms.has(t)));
      };
      if (cue.length > 0 && someFigure(kb, says)) return undefined;
    }
    // A measure asked of a unit (or anywhere, when no figure of the knowledge base is measured so) that no figure
    // gives: say so, never another fact ("what does a nursery place cost": no waiting list for a nursery place).
    // (Not when it asks who, when or for a kind of date: "hvem skal budgetønskerne sendes til" asks no amount.)
    const asksOther = u.askedWho || u.askedWhen || u.intents.size > 0 || rc.lexicon.dateKinds.match(u.tokens).size > 0;
    if (named.length === 0 && !metrics.includes('absence') && (stating.length > 0 || asksOther)) return undefined;
    // "Hvad besluttede udvalget om budgettet": a decision asked about, of a body no figure is stated for, is the
    // decisions' to answer (a decision's own text may give the amount); the missing figure is not what was asked.
    if (u.kinds.has('decision')) return undefined;
    return noneSaid(rc, metrics, unique(named.map((l) => l.id)));
  }
  if (asked.length === 0 && found.length > 2) return undefined;
  // "How much money was granted for playgrounds": of the figures found, those whose own text says the most of the
  // question's other words (when some say any and others fewer) are the ones asked about.
  const metricAt = new Set([...rc.lexicon.metrics.match(u.tokens).values()].flatMap((m) => [...m.positions]));
  const words = u.tokens.filter((tok, i) => !metricAt.has(i) && !u.cuePositions.has(i) && tok.form.length >= 4 && !/\d/.test(tok.form) && !STOPWORDS.has(tok.form) && !GENERIC_WORDS.has(tok.form));
  const saidBy = (f: Figure) => {
    const terms = new Set([...termsOf(f.text.da), ...termsOf(f.text.en)]);
    return words.filter((tok) => tok.terms.some((t) => terms.has(t))).length;
  };
  // Nothing named, and words besides the measure that no figure found says ("hvad koster en vuggestueplads"): another
  // amount than these, which no line of the documents gives.
  // (Words that only ask how big or when, "hvor højt", "for øjeblikket", are no such words.)
  const timeAt = new Set([...rc.lexicon.timePhrases.coverage(u.tokens), ...rc.lexicon.kinds.coverageOf(u.tokens, new Set(['before-change', 'after-change']))]);
  const asking = (tok: (typeof u.tokens)[number]) => rc.lexicon.sizeWords.has(tok.form) || rc.lexicon.fillerWords.has(tok.form) || rc.lexicon.questionWords.has(tok.form) || rc.lexicon.pastWords.has(tok.form) || timeAt.has(u.tokens.indexOf(tok));
  const other = words.filter((tok) => !asking(tok));
  if (asked.length === 0 && other.length > 0 && !found.some((f) => saidBy(f.figure) > 0)) return noneSaid(rc, metrics, []);
  if (found.length >= 2 && words.length > 0) {
    const most = Math.max(...found.map((f) => saidBy(f.figure)));
    if (most > 0) found.splice(0, found.length, ...found.filter((f) => saidBy(f.figure) === most));
  }
  // "Hvad var sygefraværet i oktober", "what was the budget in March": a period without a year asked in the past tense
  // is the last such period that has begun, not the coming one.
  const yearless = !/\b(19|20)\d{2}\b/.test(u.text) && u.tokens.some((tok) => rc.lexicon.pastWords.has(tok.form));
  const yearBack = (iso: string) => `${Number(iso.slice(0, 4)) - 1}${iso.slice(4)}`;
  const range = u.range && yearless && u.range.from > rc.today ? { from: yearBack(u.range.from), to: yearBack(u.range.to) } : u.range;
  const fits = (f: Figure) => {
    if (!range) return true;
    if (f.period) return f.period.from <= range.to && range.from <= f.period.until;
    return f.asOf !== undefined && range.from <= f.asOf && f.asOf <= range.to;
  };
  const line = (f: { owner: string; figure: Figure }) => `${capitalize(figureOwnerName(kb, f.owner, f.figure, u.lang))}: ${measuredText(f.figure, f.figure.text[u.lang].replace(/\.$/, ''), u.lang)}.`;
  const then = found.filter((f) => fits(f.figure));
  if (then.length === 0) {
    const asWhen = range!.from.slice(0, 4) === range!.to.slice(0, 4) && range!.from.endsWith('-01-01') && range!.to.endsWith('-12-31') ? range!.from.slice(0, 4) : `${shortDate(range!.from, u.lang)}–${shortDate(range!.to, u.lang)}`;
    const head = u.lang === 'da' ? `Dokumenterne giver intet tal for ${asWhen}; de giver:` : `The documents give no figure for ${asWhen}; they give:`;
    return composeAnswer(kb, u.lang, { kind: 'unknown', headline: head, groups: [{ title: '', lines: found.map(line) }], sources: found.map((f) => f.figure.source), details: [], complete: false });
  }
  const answer = composeAnswer(kb, u.lang, { kind: 'answer', headline: then.map(line).join(' '), groups: [{ title: '', lines: [] }], sources: then.map((f) => f.figure.source), details: [], complete: false });
  // "I procent", "in per cent": the words for the figures' unit of measure are answered by them.
  const measures = new Set(then.flatMap((f) => [...measureWordsOf(rc, f.figure)]));
  return explainsWords(answer, u.tokens.flatMap((tok, i) => (measures.has(tok.form) ? [i] : [])));
}

/**
 * The figures of the measures, in the order of the items: those of their metric, and those stated under no metric of
 * the schema (`other`) whose own text names one of them by the lexicon's words ("sygefravær blandt medarbejderne på
 * 5,8 procent": a sickness absence).
 */
function measuring(rc: RelationContext, metrics: ReadonlyArray<Figure['metric']>): Array<{ readonly owner: string; readonly figure: Figure }> {
  const named = (f: Figure) => {
    let known = NAMED_METRICS.get(f);
    if (!known) {
      known = new Set([f.text.da, f.text.en].flatMap((text) => [...rc.lexicon.metrics.match(analyzeText(foldText(text))).keys()]));
      NAMED_METRICS.set(f, known);
    }
    return metrics.some((m) => known!.has(m));
  };
  const others = figuresOfMetrics(rc.kb, ['other']).filter((f) => named(f.figure));
  if (others.length === 0) return figuresOfMetrics(rc.kb, metrics);
  const order = new Map(figureOwnersOf(rc.kb).stated.map((entry, i) => [entry, i]));
  return [...figuresOfMetrics(rc.kb, metrics), ...others].sort((a, b) => order.get(a)! - order.get(b)!);
}

/** The metrics a figure's own text names, per figure (the lexicon is one per knowledge base's answerer). */
const NAMED_METRICS = new WeakMap<Figure, ReadonlySet<string>>();

/** "The documents give no "cost" figure (for X)": the measure in the question's own word, of the items named. */
function noneSaid(rc: RelationContext, metrics: ReadonlyArray<Figure['metric']>, named: readonly string[]): Answer {
  const { u, kb } = rc;
  // (Of nothing named: the plain "I don't know", with the questions it can answer.)
  if (named.length === 0) return unknown(rc.ctx, u.lang);
  const matches = rc.lexicon.metrics.match(u.tokens);
  const at = metrics.map((m) => matches.get(m)?.positions).find((p) => p !== undefined);
  const word = at === undefined ? metrics[0]! : spelled(u.text, at.map((p) => u.tokens[p]!.form));
  const where = named.length > 0 ? ` ${u.lang === 'da' ? 'i' : 'for'} ${joinList(named.map((id) => nameOf(kb, id, u.lang)), u.lang)}` : '';
  const head = u.lang === 'da' ? `Dokumenterne giver intet tal for "${word}"${where}.` : `The documents give no "${word}" figure${where}.`;
  return composeAnswer(kb, u.lang, { kind: 'unknown', headline: head, groups: [{ title: '', lines: [] }], sources: [], details: [], complete: false });
}

/** True when `inner` lies inside `outer` through units' parents. */
function isBelow(kb: KnowledgeBase, inner: string, outer: string): boolean {
  let current = kb.get(inner)?.kind === 'units' ? (kb.get(inner)!.item as { parent?: string }).parent : undefined;
  for (let depth = 0; current !== undefined && depth < 8; depth++) {
    if (current === outer) return true;
    const entry = kb.get(current);
    current = entry?.kind === 'units' ? entry.item.parent : undefined;
  }
  return false;
}

/** The question's own spelling of some folded words ("sygefraværet" for "sygefravaeret"), else the folded words. */
function spelled(text: string, forms: readonly string[]): string {
  const words = text.split(/[^\p{L}\p{N}-]+/u).filter((w) => w !== '');
  const found = forms.map((form) => words.find((w) => foldText(w) === form) ?? words.find((w) => foldText(w).startsWith(form)) ?? form);
  return found.join(' ');
}
