/**
 * "From which date is the organisation description of Dagtilbudskontoret valid?", "hvornår blev årshjulet godkendt": a
 * question about a document alone (its title's words, an everyday word for its kind, the item its title names), asking
 * when, is answered by the document's own date (`documents[].date`: when it was written, adopted or took effect).
 */
import type { Answer } from '../types.js';
import type { Source } from '../../knowledge/schemas.js';
import { namesOf } from '../facts.js';
import { foldText, GENERIC_WORDS, primaryStem, STOPWORDS, tokenize } from '../normalize.js';
import { shortDate } from '../answer-context.js';
import { ANY_DOCUMENT, documentIndexOf } from './document-index.js';
import { explainsWords } from './org-changes.js';
import { documentContactsOf } from './contacts.js';
import { done, type RelationContext } from './context.js';

const EVENT_WORDS = new WeakMap<object, ReadonlySet<string>>();
function eventWordsOf(lexicon: RelationContext['lexicon']): ReadonlySet<string> {
  let words = EVENT_WORDS.get(lexicon);
  if (!words) EVENT_WORDS.set(lexicon, (words = new Set(lexicon.floorWords.events.flatMap((phrase) => tokenize(phrase.replace(/[*+]/g, ' '))))));
  return words;
}

const TEXTS = {
  da: { dated: (title: string, day: string) => `${title}: dateret ${day}.` },
  en: { dated: (title: string, day: string) => `${title}: dated ${day}.` },
} as const;

export function answerDocumentDate(rc: RelationContext): Answer | undefined {
  const { u, kb } = rc;
  if (!u.intents.has('dates') || u.range !== undefined || u.day !== undefined) return undefined;
  // Asked when, or from when ("from what date does it apply"); any other kind of date is an item's, not the document's.
  if ([...u.dateKinds].some((k) => k !== 'start') || !(u.askedWhen || u.dateKinds.has('start'))) return undefined;
  const index = documentIndexOf(kb);
  if (index.dated === 0) return undefined;
  const { topicWords } = documentContactsOf(kb);
  const kinds = rc.lexicon.documentKinds.match(u.tokens);
  const kindAt = new Map<number, Set<string>>();
  for (const [kind, m] of kinds) for (const p of m.positions) kindAt.set(p, new Set([...(kindAt.get(p) ?? []), kind]));
  // Words that say a document holds, was adopted or took effect ("gælder", "valid", "godkendt") ask when, as the cues do.
  const events = eventWordsOf(rc.lexicon);
  const saying = new Set([...rc.lexicon.effectWords.coverage(u.tokens), ...rc.lexicon.adoptWords.coverage(u.tokens)]);
  // The items the question names: each must be one the document's title names ("Organisationsbeskrivelse: Solvang Småbørn").
  const links = rc.subjects.flatMap((g) => (g[0] && g[0].quality >= 0.9 && g[0].kind !== 'municipalities' ? [g[0]] : []));
  const inLink = (i: number) => links.some((l) => i >= l.start && i < l.end);
  // Only the words that ask when are no topic: a cue of another kind ("organisation") may be the title's word.
  const whenAt = new Set(['when', 'dates'].flatMap((k) => [...(u.kinds.get(k as never)?.positions ?? [])]));
  const asked = u.tokens
    .map((tok, i) => ({ tok, i }))
    .filter(({ tok, i }) => !whenAt.has(i) && !tok.terms.some((t) => u.dateKindTerms.has(t)) && !saying.has(i) && !inLink(i) && !events.has(tok.form) && tok.form.length >= 3 && !STOPWORDS.has(tok.form) && !GENERIC_WORDS.has(tok.form) && !/^\d+$/.test(tok.form));
  if (asked.length === 0 && kinds.size === 0) return undefined;
  const fits = (word: string, form: string) => word === form || primaryStem(word) === primaryStem(form) || (form.length >= 5 && word.endsWith(primaryStem(form)));
  const titleNames = (docTitle: string, id: string) => {
    const entry = kb.get(id);
    const title = ` ${foldText(docTitle)} `;
    return entry !== undefined && namesOf(entry).some((n) => n.length >= 2 && title.includes(` ${foldText(n)} `));
  };
  // Only the dated documents a word of the question or a kind named points at (an index, not every document).
  const documents = [...new Set([...asked.flatMap(({ tok }) => index.byStem.get(primaryStem(tok.form)) ?? []), ...[...kinds.keys()].flatMap((k) => index.byKind.get(k) ?? [])])];
  if (documents.length === 0) return undefined;
  const judged = documents.map((doc) => {
    const words = topicWords.get(doc.id) ?? [];
    const title = `${doc.title} ${doc.titleEn}`;
    let hits = 0;
    const explained: number[] = [];
    for (const { tok, i } of asked) {
      const ofKind = kindAt.get(i);
      if (ofKind?.has(doc.kind) || words.some((w) => fits(w, tok.form))) {
        hits++;
        explained.push(i);
      } else if (ofKind?.has(ANY_DOCUMENT)) explained.push(i);
    }
    // An everyday word for the document's kind said in a cue's place ("årshjulet" of "hvornår blev årshjulet godkendt").
    for (const [p, ofKind] of kindAt) if (!explained.includes(p) && (ofKind.has(doc.kind) || ofKind.has(ANY_DOCUMENT))) explained.push(p);
    if ([...kindAt].some(([, ofKind]) => ofKind.has(doc.kind)) && hits === 0) hits = 1;
    const whole = asked.every(({ i }) => explained.includes(i)) && links.every((l) => titleNames(title, l.id));
    return { doc, hits, whole, explained };
  });
  const best = Math.max(0, ...judged.filter((j) => j.whole).map((j) => j.hits));
  const top = judged.filter((j) => j.whole && j.hits === best);
  if (best === 0 || top.length !== 1) return undefined;
  const { doc, explained } = top[0]!;
  const t = TEXTS[u.lang];
  const source: Source = { doc: doc.id, quote: doc.title };
  return explainsWords(done(rc, 'answer', t.dated(u.lang === 'da' ? doc.title : doc.titleEn, shortDate(doc.date!, u.lang)), [], [source]), [...explained, ...saying]);
}
