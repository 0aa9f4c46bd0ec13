/**
 * Contacts of a posting (or of the unit or role it is for) and of a document.
 */
import type { KnowledgeBase } from '../../knowledge/knowledge-base.js';
import type { Person } from '../../knowledge/schemas.js';
import { displayName } from '../facts.js';
import { joinList, phrasesFor } from '../phrases.js';
import { analyzeText, foldText, GENERIC_WORDS, primaryStem, STOPWORDS } from '../normalize.js';
import type { Answer } from '../types.js';
import { unique } from '../answer-context.js';
import { done, name, subjectsOf, type RelationContext } from './context.js';
import { TEXTS } from './texts.js';

// ---------------------------------------------------------------------------------------------
// Contacts of a posting (or of the unit or role a posting is for)

export function answerContactsRelation(rc: RelationContext): Answer | undefined {
  const { u, kb, relations } = rc;
  if (!u.intents.has('contact') || u.attributes.some((a) => a === 'salary' || a === 'address' || a === 'age')) return undefined;
  if (rc.subjects.flat().some((l) => l.kind === 'people')) return undefined;
  const t = TEXTS[u.lang];
  // "Hvem er kontaktperson for ledelsesseminaret?": an item (a seminar, a meeting, a policy) whose own contacts the data names.
  for (const link of subjectsOf(rc, ['dates', 'meetings', 'leadershipGroups', 'policies', 'programmes', 'concepts']).flat()) {
    const people = relations.contacts(link.id);
    if (people.length === 0 || link.quality < 0.9) continue;
    const list = people.map((p) => phrasesFor(u.lang).contactLine(p.name, p.title[u.lang], p.phone, p.email));
    return done(rc, 'answer', t.contacts(name(kb, link.id, u.lang, false), joinList(people.map((p) => p.name), u.lang)), list, people.map((p) => p.source));
  }
  for (const group of subjectsOf(rc, ['postings', 'units', 'roles'])) {
    for (const link of group) {
      const postings = link.kind === 'postings' ? [link.id] : unique([link.id, ...relations.childUnits(link.id), ...relations.childUnits(link.id).flatMap((c) => relations.childUnits(c)), ...(link.kind === 'roles' ? titledRoles(kb, link.id) : [])].flatMap((id) => relations.postingsOf(id)));
      const ofPostings = unique(postings.flatMap((p) => relations.contacts(p)));
      // "Hvem kan jeg ringe til om souschef-funktionen?": without a posting, the people whose `contactFor` names the role or unit.
      const people = ofPostings.length > 0 || link.kind === 'postings' ? ofPostings : relations.contacts(link.id);
      if (people.length === 0) continue;
      const about = ofPostings.length === 0 || postings.length !== 1 ? name(kb, link.id, u.lang, false) : displayName(kb.get(postings[0]!)!, u.lang);
      const list = people.map((p) => phrasesFor(u.lang).contactLine(p.name, p.title[u.lang], p.phone, p.email));
      return done(rc, 'answer', t.contacts(about, joinList(people.map((p) => p.name), u.lang)), list, people.map((p) => p.source));
    }
  }
  return answerDocumentContacts(rc);
}

/**
 * The roles whose official name is a role's name made specific ("børnehusleder i Børnehuset Kløverengen" for
 * "børnehusleder"): "the børnehusleder job" is the posting for one of them.
 */
function titledRoles(kb: KnowledgeBase, roleId: string): string[] {
  const role = kb.get(roleId);
  if (role?.kind !== 'roles') return [];
  const base = foldText(role.item.name);
  return kb.data.roles.filter((r) => r.id !== roleId && (foldText(r.name) === base || foldText(r.name).startsWith(`${base} `))).map((r) => r.id);
}

/**
 * "Hvem skal jeg spørge om årshjulet?", "hvem ved noget om ledelsesseminaret": a document or a dated item (a seminar,
 * a deadline) asked about as a topic reaches the people whose `contactFor` lists it. Neither has a name of its own to
 * link: a document is known by the words of its title, a dated item by those of its label and subject, in either
 * language, leaving out the names of items ("Dagtilbud Hvidmose" names a unit, not the calendar); one such word of
 * the question must be in exactly one of them, by stem or as a compound's head ("årshjulet" in "Ledelsesårshjul").
 * Documents come first: a dated item is looked at only when no document's title has a word of the question.
 */
function answerDocumentContacts(rc: RelationContext): Answer | undefined {
  const { u, kb } = rc;
  const t = TEXTS[u.lang];
  const contactsOf = new Map<string, Person[]>();
  const dated = new Map(kb.data.dates.map((d) => [d.id, d]));
  for (const person of kb.data.people) {
    for (const id of person.contactFor) if (kb.documents.has(id) || dated.has(id)) contactsOf.set(id, [...(contactsOf.get(id) ?? []), person]);
  }
  if (contactsOf.size === 0) return undefined;
  const nameWords = new Set(
    [...kb.data.units, ...kb.data.roles, ...kb.data.municipalities].flatMap((item) => [item.name, ...item.names].flatMap((n) => analyzeText(foldText(n)).map((w) => w.form))),
  );
  const asked = u.tokens.filter((tok) => tok.form.length >= 4 && !STOPWORDS.has(tok.form) && !GENERIC_WORDS.has(tok.form) && !nameWords.has(tok.form) && !/^\d+$/.test(tok.form));
  const fits = (word: string, tok: (typeof asked)[number]) =>
    word === tok.form || primaryStem(word) === primaryStem(tok.form) || (tok.form.length >= 5 && word.endsWith(primaryStem(tok.form)));
  const titleOf = (id: string) => {
    const doc = kb.documents.get(id);
    if (doc) return { text: `${doc.title} ${doc.titleEn}`, shown: u.lang === 'da' ? doc.title : doc.titleEn };
    const d = dated.get(id)!;
    return { text: `${d.label.da} ${d.label.en} ${d.subject?.da ?? ''} ${d.subject?.en ?? ''}`, shown: d.label[u.lang] };
  };
  const scored = [...contactsOf.keys()].map((id) => {
    const words = analyzeText(foldText(titleOf(id).text))
      .map((w) => w.form)
      .filter((w) => w.length >= 4 && !STOPWORDS.has(w) && !nameWords.has(w) && !/^\d+$/.test(w));
    return { id, hits: asked.filter((tok) => words.some((w) => fits(w, tok))).length };
  });
  // A document's title first; a dated item's label only when no title has the words.
  const docHits = scored.filter((s) => kb.documents.has(s.id) && s.hits > 0);
  const pool = docHits.length > 0 ? docHits : scored;
  const best = Math.max(...pool.map((s) => s.hits));
  const top = pool.filter((s) => s.hits === best);
  if (best === 0 || top.length !== 1) return undefined;
  const id = top[0]!.id;
  const people = contactsOf.get(id)!;
  const list = people.map((p) => phrasesFor(u.lang).contactLine(p.name, p.title[u.lang], p.phone, p.email));
  const source = dated.get(id)?.source;
  return done(rc, 'answer', t.contacts(titleOf(id).shown, joinList(people.map((p) => p.name), u.lang)), list, [...(source ? [source] : []), ...people.map((p) => p.source)]);
}
