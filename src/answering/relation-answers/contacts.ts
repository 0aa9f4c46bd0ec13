/**
 * Contacts of a posting (or of the unit or role it is for) and of a document.
 */
import type { KnowledgeBase } from '../../knowledge/knowledge-base.js';
import type { Person } from '../../knowledge/schemas.js';
import { displayName, namesOf } from '../facts.js';
import { joinList, phrasesFor } from '../phrases.js';
import { analyzeText, foldText, GENERIC_WORDS, primaryStem, STOPWORDS } from '../normalize.js';
import { compoundSplits } from '../compound.js';
import type { Answer } from '../types.js';
import { unique } from '../answer-context.js';
import { describedItems, done, name, subjectsOf, unitsOfPerson, within, type RelationContext } from './context.js';
import { TEXTS } from './texts.js';
import { explainsWords } from './org-changes.js';
import { titledPerson } from './partly-known.js';
import { rolesByNameStart } from './role-name-starts.js';
import { ownContactStatements } from './own-contact-statements.js';

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
      const postings = postingsFor(rc, link);
      const ofPostings = unique(postings.flatMap((p) => relations.contacts(p)));
      // "Hvem kan jeg ringe til om souschef-funktionen?": without a posting, the people whose `contactFor` names the role or
      // unit; "hvem kan svare på spørgsmål om Dagtilbud & Sundhed?": a unit's own contact before those of the postings
      // inside it, unless a job is what is asked about.
      const own = link.kind === 'postings' ? [] : relations.contacts(link.id);
      const people = own.length > 0 && (ofPostings.length === 0 || !asksPosting(rc)) ? own : ofPostings;
      if (people.length === 0) {
        // "How do I reach the secretariat": a unit that names no contact person but whose own statement gives its phone or
        // e-mail ("Sekretariatet er kontakt for …: sekretariatet@…, telefon …").
        const stated = link.kind === 'units' && link.quality >= 0.9 ? ownContactStatements(rc, link.id) : [];
        if (stated.length > 0) return done(rc, 'answer', stated[0]!.text[u.lang], stated.slice(1).map((f) => f.text[u.lang]), stated.map((f) => f.source));
        continue;
      }
      const about = people !== ofPostings || postings.length !== 1 ? name(kb, link.id, u.lang, false) : displayName(kb.get(postings[0]!)!, u.lang);
      const list = people.map((p) => phrasesFor(u.lang).contactLine(p.name, p.title[u.lang], p.phone, p.email));
      return done(rc, 'answer', t.contacts(about, joinList(people.map((p) => p.name), u.lang)), list, people.map((p) => p.source));
    }
  }
  return answerScopePostings(rc) ?? answerDocumentContacts(rc);
}

/** True when the question has a word for a job posting ("stillingen", "the vacancy"). */
function asksPosting(rc: RelationContext): boolean {
  return rc.lexicon.postingWords.match(rc.u.tokens).size > 0;
}

/**
 * "Hvem kan jeg ringe til om den ledige stilling?", "who can tell me more about the vacancy": a word for a job posting
 * and nothing else named (a municipality aside): the postings of the municipality asked about (or of every one), each
 * with its contacts. One posting is the answer; several are each listed with theirs.
 */
function answerScopePostings(rc: RelationContext): Answer | undefined {
  const { u, kb, relations } = rc;
  if (!asksPosting(rc) || rc.subjects.some((g) => g.some((l) => l.quality >= 0.9)) || describedItems(rc).length > 0) return undefined;
  // "The staff leader position" names a post the documents may not have: only a question with no word of its own
  // besides the cues, the word for the posting and a municipality's name asks about every posting.
  const postingAt = new Set([...rc.lexicon.postingWords.match(u.tokens).values()].flatMap((m) => [...m.positions]));
  const municipalityWords = new Set(
    [...rc.municipalities].flatMap((id) => {
      const e = kb.get(id);
      return e ? namesOf(e).flatMap((n) => analyzeText(foldText(n)).map((w) => primaryStem(w.form))) : [];
    }),
  );
  // (The words that ask for a phone number or an e-mail ask it of the posting's contacts.)
  const cueAt = new Set([...u.cuePositions, ...[...u.kinds.values()].flatMap((m) => [...m.positions]), ...[...rc.lexicon.attributes.match(u.tokens).values()].flatMap((m) => [...m.positions])]);
  const ownWord = u.tokens.some(
    (tok, i) => !postingAt.has(i) && !cueAt.has(i) && !u.intentWords.has(tok.form) && tok.form.length > 2 && !STOPWORDS.has(tok.form) && !GENERIC_WORDS.has(tok.form) && !/^\d+$/.test(tok.form) && !municipalityWords.has(primaryStem(tok.form)),
  );
  if (ownWord) return undefined;
  const municipalityOf = (p: KnowledgeBase['data']['postings'][number]) => p.municipality ?? kb.documents.get(p.source.doc)?.municipality;
  const postings = kb.data.postings.filter((p) => rc.municipalities.size === 0 || rc.municipalities.has(municipalityOf(p) ?? '')).filter((p) => relations.contacts(p.id).length > 0);
  if (postings.length === 0) return undefined;
  const t = TEXTS[u.lang];
  const line = (p: Person) => phrasesFor(u.lang).contactLine(p.name, p.title[u.lang], p.phone, p.email);
  if (postings.length === 1) {
    const people = relations.contacts(postings[0]!.id);
    return done(rc, 'answer', t.contacts(displayName(kb.get(postings[0]!.id)!, u.lang), joinList(people.map((p) => p.name), u.lang)), [...missingReach(rc, people), ...people.map(line)], people.map((p) => p.source));
  }
  const lines = postings.map((posting) => t.contacts(displayName(kb.get(posting.id)!, u.lang), joinList(relations.contacts(posting.id).map(line), u.lang)));
  return done(rc, 'ambiguous', phrasesFor(u.lang).severalMatches, lines, postings.flatMap((p) => relations.contacts(p.id).map((c) => c.source)), [], true);
}

/** "…og hvad er hendes mail": a phone number or e-mail asked of contacts none of whom the documents give one for. */
function missingReach(rc: RelationContext, people: readonly Person[]): string[] {
  const { u } = rc;
  return (['phone', 'email'] as const)
    .filter((a) => u.attributes.includes(a) && people.every((p) => !(a === 'phone' ? p.phone : p.email)))
    .map((a) => TEXTS[u.lang].notKnown(joinList(people.map((p) => p.name), u.lang), rc.lexicon.attributeLabels.get(a)![u.lang]));
}

/**
 * "Kontaktoplysninger på områdelederen", "how do I get hold of Sofie Brønd", "contact details for the sektorchef": a
 * contact question with no topic but a person, or a role someone holds that has no posting and no contact person of its
 * own, asks how to reach them: their phone number and e-mail, or that the documents give neither.
 */
export function answerReachPerson(rc: RelationContext): Answer | undefined {
  const { u, kb, relations } = rc;
  if (!u.kinds.has('contact') || u.attributes.length > 0 || asksPosting(rc)) return undefined;
  // "Who answers to the director?" asks for a reporting line: only a question of no other kind asks how to reach someone.
  if ([...u.kinds.keys()].some((k) => !REACH_KINDS.has(k))) return undefined;
  const groups = rc.subjects.filter((g) => g[0]!.quality >= 0.9);
  if (groups.length === 0 || groups.length !== rc.subjects.length) return undefined;
  const people: Person[] = [];
  // "Souschefen i Kløverengen": a place named beside a role narrows its holders to those tied to the place.
  const places = groups.filter((g) => g[0]!.kind === 'units').map((g) => g[0]!.id);
  for (const group of groups) {
    const first = group[0]!;
    if (first.kind === 'units' && groups.some((g) => g[0]!.kind === 'roles')) continue;
    if (first.kind === 'people') {
      const entry = kb.get(first.id);
      if (entry?.kind === 'people') people.push(entry.item);
      continue;
    }
    if (first.kind !== 'roles') return undefined;
    for (const link of group.filter((l) => l.kind === 'roles')) {
      if (postingsFor(rc, link).length > 0 || relations.contacts(link.id).length > 0) return undefined;
      const atPlace = (unit: string | undefined) => unit !== undefined && places.some((place) => within(kb, unit, place));
      const holders = holdersOn(rc, link.id);
      if (places.length === 0) {
        people.push(...holders);
        continue;
      }
      // "The fællesleder in Torvet": the role's holders there, or the holders of its titled form for the place
      // ("fællesleder for Fællesledelse Torvet").
      const here = holders.filter((p) => [...unitsOfPerson(rc, p)].some(atPlace));
      const titled = titledRoles(kb, link.id).filter((id) => {
        const e = kb.get(id);
        return e?.kind === 'roles' && (atPlace(e.item.unit) || places.some((place) => relations.leadersOf(place).includes(id)));
      });
      people.push(...(here.length > 0 ? here : titled.flatMap((id) => holdersOn(rc, id))));
    }
  }
  const reached = unique(people);
  if (reached.length === 0) return undefined;
  const t = TEXTS[u.lang];
  const lines = reached.map((p) => phrasesFor(u.lang).contactLine(p.name, p.title[u.lang], p.phone, p.email));
  if (reached.every((p) => !p.phone && !p.email)) {
    const label = ['phone', 'email'].map((a) => rc.lexicon.attributeLabels.get(a as 'phone')![u.lang]).join(u.lang === 'da' ? ' eller ' : ' or ');
    return done(rc, 'unknown', t.notKnown(joinList(reached.map((p) => p.name), u.lang), label), lines, reached.map((p) => p.source));
  }
  if (reached.length === 1) return done(rc, 'answer', `${lines[0]!}.`, [], [reached[0]!.source]);
  return done(rc, 'answer', phrasesFor(u.lang).contactHeadline(joinList(reached.map((p) => p.name), u.lang)), lines, reached.map((p) => p.source));
}

/**
 * "Hvilken stilling kan Tanja Steffe Nøhr fortælle om?", "what can I ask Lone Vestbjerg about": the contact relation read
 * backwards. A person named alone, asked which post or what about: the items their `contactFor` names.
 */
export function answerContactFor(rc: RelationContext): Answer | undefined {
  const { u, kb } = rc;
  // Asked with a word for a contact, or ending on the word that asks what about ("… fortælle om", "… tell me about").
  const endsOnTopic = [...rc.lexicon.topicWords.match(u.tokens).values()].some((m) => m.positions.includes(u.tokens.length - 1));
  if (!(u.kinds.has('contact') || (endsOnTopic && asksPosting(rc))) || u.attributes.length > 0) return undefined;
  // (Not "what can you tell me about X", which asks the bot about X.)
  const what = /^(hvad|what)\b/.test(u.folded) && !u.tokens.some((t) => t.form === 'you' || t.form === 'du');
  if (!asksPosting(rc) && rc.lexicon.whichWords.match(u.tokens).size === 0 && !what) return undefined;
  const groups = rc.subjects.filter((g) => g[0]!.quality >= 0.9);
  if (groups.length !== 1 || groups.length !== rc.subjects.length || groups[0]![0]!.kind !== 'people') return undefined;
  const entry = kb.get(groups[0]![0]!.id);
  if (entry?.kind !== 'people') return undefined;
  const person = entry.item;
  const { dated } = documentContactsOf(kb);
  const about = person.contactFor.flatMap((id) => {
    const doc = kb.documents.get(id);
    if (doc) return [u.lang === 'da' ? doc.title : doc.titleEn];
    const d = dated.get(id);
    if (d) return [d.label[u.lang]];
    const e = kb.get(id);
    return e ? [e.kind === 'postings' ? displayName(e, u.lang) : name(kb, id, u.lang, false)] : [];
  });
  if (about.length === 0) return undefined;
  const line = phrasesFor(u.lang).contactLine(person.name, person.title[u.lang], person.phone, person.email);
  return done(rc, 'answer', TEXTS[u.lang].contactFor(person.name, joinList(unique(about), u.lang)), [line], [person.source]);
}

/** The kinds of question that may come with asking how to reach someone ("who is …", "hvem er …"). */
const REACH_KINDS: ReadonlySet<string> = new Set(['contact', 'who', 'holder']);

/** The people who hold a role on the answerer's today (those whose `validFrom`/`validUntil` include it), else all of them. */
function holdersOn(rc: RelationContext, roleId: string): Person[] {
  const on = (x: { validFrom?: string; validUntil?: string }) => (x.validFrom === undefined || x.validFrom <= rc.today) && (x.validUntil === undefined || x.validUntil >= rc.today);
  const all = [...rc.relations.holders(roleId)];
  // Someone acting in the post today (`actingAs`) holds it too.
  const acting = rc.kb.data.people.filter((p) => (p.actingAs ?? []).some((a) => a.role === roleId && on(a)) && !all.includes(p));
  const now = [...all.filter(on), ...acting];
  return now.length > 0 ? now : all;
}

/** The postings a linked item stands for: the posting itself, or those for a role or at a unit (and the units inside it). */
function postingsFor(rc: RelationContext, link: { id: string; kind: string }): string[] {
  const { relations, kb } = rc;
  if (link.kind === 'postings') return [link.id];
  const inside = [link.id, ...relations.childUnits(link.id), ...relations.childUnits(link.id).flatMap((c) => relations.childUnits(c))];
  // A unit's postings are also those for the posts in it ("the huschef job in Kastanjen": a posting for Kastanjen's huschef).
  const posts = link.kind === 'units' ? inside.flatMap((id) => relations.rolesIn(id)) : [];
  return unique([...inside, ...posts, ...(link.kind === 'roles' ? titledRoles(kb, link.id) : [])].flatMap((id) => relations.postingsOf(id)));
}

/**
 * "Who else can I call about the Stjernehuset job besides Helle?", "need both phone numbers for the koordinator job in
 * Ålekisten": a job posting named (or a role and a unit that have one together) with a person among its contacts, or
 * with a phone number or e-mail asked for, is answered with every contact of that posting, those not named first.
 */
export function answerPostingContacts(rc: RelationContext): Answer | undefined {
  const { u, kb, relations } = rc;
  const asksReach = u.attributes.some((a) => a === 'phone' || a === 'email');
  if (!u.intents.has('contact') && !asksReach) return undefined;
  // ("What address" beside an e-mail asks for the e-mail address.)
  if (u.attributes.some((a) => a !== 'phone' && a !== 'email' && !(a === 'address' && u.attributes.includes('email')))) return undefined;
  const links = rc.subjects.flat().filter((l) => l.quality >= 0.75);
  const named = new Set(links.filter((l) => l.kind === 'people').map((l) => l.id));
  // "Nummer til udvalgssekretæren for Familie- og Sundhedsudvalget": a number asked of a unit, group or meeting the
  // documents give a contact person for (`contactFor`), and no one named: that contact person.
  if (asksReach && named.size === 0) {
    // ("Nummeret til tillidsrepræsentanten i Kastanjen": a person the title names is answered with their own number.)
    if (titledPerson(rc)) return undefined;
    // (A post named beside the place is asked for its holder's number: "PFL i Kastanjen".)
    // (Nor a job at the place: "who do I call about the huschef job in Kastanjen" asks for the posting's contacts.)
    const post = links.some((l) => l.kind === 'roles' && l.quality >= 0.9) || asksPosting(rc);
    const item = post ? undefined : links.find((l) => l.quality >= 0.9 && ['units', 'leadershipGroups', 'meetings'].includes(l.kind) && relations.contacts(l.id).length > 0);
    if (item) {
      const people = relations.contacts(item.id);
      const list = people.map((p) => phrasesFor(u.lang).contactLine(p.name, p.title[u.lang], p.phone, p.email));
      return done(rc, 'answer', TEXTS[u.lang].contacts(name(kb, item.id, u.lang, false), joinList(people.map((p) => p.name), u.lang)), list, people.map((p) => p.source));
    }
  }
  const sets = links.filter((l) => l.kind === 'postings' || l.kind === 'units' || l.kind === 'roles').map((l) => ({ kind: l.kind, ids: postingsFor(rc, l) }));
  if (sets.length === 0) return undefined;
  // A posting named outright wins; else those every named role and unit have in common.
  const direct = unique(links.filter((l) => l.kind === 'postings').map((l) => l.id));
  const common = sets.map((s) => s.ids).reduce((a, b) => a.filter((id) => b.includes(id)));
  const postings = direct.length > 0 ? direct : common;
  if (postings.length !== 1) return undefined;
  const people = relations.contacts(postings[0]!);
  if (people.length === 0) return undefined;
  // Without a person named, only a phone number or e-mail asked of a role with no one in it ("the koordinator job").
  if (named.size === 0) {
    if (!asksReach) return undefined;
    // A posting named outright ("the Mågen job"), or a role with no one in it and a unit ("the koordinator job in Ålekisten").
    const roles = links.filter((l) => l.kind === 'roles');
    if (direct.length === 0 && (roles.length === 0 || roles.some((l) => relations.holders(l.id).length > 0))) return undefined;
  } else if (![...named].some((id) => people.some((p) => p.id === id))) return undefined;
  const ordered = [...people.filter((p) => !named.has(p.id)), ...people.filter((p) => named.has(p.id))];
  const t = TEXTS[u.lang];
  const list = ordered.map((p) => phrasesFor(u.lang).contactLine(p.name, p.title[u.lang], p.phone, p.email));
  return done(rc, 'answer', t.contacts(displayName(kb.get(postings[0]!)!, u.lang), joinList(ordered.map((p) => p.name), u.lang)), list, ordered.map((p) => p.source));
}

/**
 * "Whose number is 41 52 63 74?", "hvis nummer er 55 12 34 00", "jera@havbjerg.dk whose mail is that": a phone number
 * (eight digits or more, spaces allowed) or an e-mail address in the question that is a person's names that person.
 */
export function answerNumberOwner(rc: RelationContext): Answer | undefined {
  const { u, kb } = rc;
  const numbers = (u.text.match(/\+?\d[\d ().-]{6,}\d/g) ?? []).map((n) => n.replace(/\D/g, '')).filter((n) => n.length >= 8);
  const mails = (u.text.toLowerCase().match(/[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}/g) ?? []).map((m) => m.replace(/[.,;:!?]+$/, ''));
  if (numbers.length === 0 && mails.length === 0) return undefined;
  const digits = (phone: string) => phone.replace(/\D/g, '');
  const byPhone = kb.data.people.filter((p) => p.phone && numbers.some((n) => digits(p.phone!).endsWith(n.slice(-8)) && n.endsWith(digits(p.phone!).slice(-8))));
  const byMail = kb.data.people.filter((p) => p.email && mails.includes(p.email.toLowerCase()));
  if (byPhone.length === 0 && byMail.length === 0) return undefined;
  const t = TEXTS[u.lang];
  const line = (p: Person) => phrasesFor(u.lang).contactLine(p.name, p.title[u.lang], p.phone, p.email);
  const owners = unique([...byPhone, ...byMail]);
  const said = [...byPhone.map((p) => t.numberOf(p.phone!, p.name, p.title[u.lang])), ...byMail.map((p) => t.mailOf(p.email!, p.name, p.title[u.lang]))];
  return done(rc, 'answer', said.join(' '), owners.map(line), owners.map((p) => p.source));
}

/**
 * The roles whose official name is a role's name made specific ("børnehusleder i Børnehuset Kløverengen" for
 * "børnehusleder"): "the børnehusleder job" is the posting for one of them.
 */
function titledRoles(kb: KnowledgeBase, roleId: string): string[] {
  const role = kb.get(roleId);
  if (role?.kind !== 'roles') return [];
  return (rolesByNameStart(kb).get(foldText(role.item.name)) ?? []).filter((id) => id !== roleId);
}

/**
 * "Hvem skal jeg spørge om årshjulet?", "hvem ved noget om ledelsesseminaret": a document or a dated item (a seminar,
 * a deadline) asked about as a topic reaches the people whose `contactFor` lists it. Neither has a name of its own to
 * link: a document is known by the words of its title, a dated item by those of its label and subject, in either
 * language, leaving out the names of items ("Dagtilbud Hvidmose" names a unit, not the calendar); one such word of
 * the question must be in exactly one of them, by stem or as a compound's head ("årshjulet" in "Ledelsesårshjul").
 * The item with the most words of the question wins; a document before a dated item with as many.
 */
/** The people who are contacts for documents and dated items, and the words of item names: the same for every question. */
interface DocumentContacts {
  readonly contactsOf: ReadonlyMap<string, Person[]>;
  readonly dated: ReadonlyMap<string, KnowledgeBase['data']['dates'][number]>;
  readonly nameWords: ReadonlySet<string>;
  /** The words of each document's title or dated item's label and subject (both languages) that may name a topic. */
  readonly topicWords: ReadonlyMap<string, readonly string[]>;
}
const DOCUMENT_CONTACTS = new WeakMap<KnowledgeBase, DocumentContacts>();

export function documentContactsOf(kb: KnowledgeBase): DocumentContacts {
  const known = DOCUMENT_CONTACTS.get(kb);
  if (known) return known;
  const contactsOf = new Map<string, Person[]>();
  const dated = new Map(kb.data.dates.map((d) => [d.id, d]));
  for (const person of kb.data.people) {
    for (const id of person.contactFor) if (kb.documents.has(id) || dated.has(id)) contactsOf.set(id, [...(contactsOf.get(id) ?? []), person]);
  }
  const nameWords = new Set(
    [...kb.data.units, ...kb.data.roles, ...kb.data.municipalities].flatMap((item) => [item.name, ...item.names].flatMap((n) => analyzeText(foldText(n)).map((w) => w.form))),
  );
  const topicWords = new Map<string, string[]>();
  // (Every document's: one that names no contact may be what a question names more surely than any that does.)
  for (const id of new Set([...contactsOf.keys(), ...kb.documents.keys()])) {
    const doc = kb.documents.get(id);
    const d = dated.get(id);
    const text = doc ? `${doc.title} ${doc.titleEn}` : `${d!.label.da} ${d!.label.en} ${d!.subject?.da ?? ''} ${d!.subject?.en ?? ''}`;
    topicWords.set(
      id,
      analyzeText(foldText(text))
        .map((w) => w.form)
        .filter((w) => w.length >= 4 && !STOPWORDS.has(w) && !nameWords.has(w) && !/^\d+$/.test(w)),
    );
  }
  const result = { contactsOf, dated, nameWords, topicWords };
  DOCUMENT_CONTACTS.set(kb, result);
  return result;
}

/**
 * "Who is the contact for the decision minutes?", "hvem kan jeg spørge om beslutningsprotokollen": a contact question
 * about a document alone (no person, post, place, group or policy named) is answered by the document's contact before
 * any answerer that reads the document's title words as its own cue ("minutes", "protokol", "årshjul").
 */
export function answerDocumentContact(rc: RelationContext): Answer | undefined {
  const { u } = rc;
  if (!u.kinds.has('contact') || u.attributes.some((a) => a !== 'phone' && a !== 'email')) return undefined;
  // An item named beside the document ("the committee minutes") is no other topic when the document's contact is its contact too.
  const named = rc.subjects.flatMap((g) => g.filter((l) => l.quality >= 0.9 && l.kind !== 'decisions' && l.kind !== 'concepts'));
  // (So is the item the document's title names: "the organisation description of SekDag", "Organisering af Sektion Dagtilbud".)
  return answerDocumentContacts(rc, (people, docId) => named.every((l) => people.some((p) => p.contactFor.includes(l.id)) || titleNames(rc.kb, docId, l.id)));
}

/** True when a document's title names the item by one of its names ("Organisering af Sektion Dagtilbud"). */
function titleNames(kb: KnowledgeBase, docId: string, itemId: string): boolean {
  const doc = kb.documents.get(docId);
  const entry = kb.get(itemId);
  if (!doc || !entry) return false;
  const title = ` ${foldText(`${doc.title} ${doc.titleEn}`)} `;
  return namesOf(entry).some((n) => n.length >= 4 && title.includes(` ${foldText(n)} `));
}

function answerDocumentContacts(rc: RelationContext, accept: (people: readonly Person[], id: string) => boolean = () => true): Answer | undefined {
  const { u, kb } = rc;
  const t = TEXTS[u.lang];
  const { contactsOf, dated, nameWords, topicWords } = documentContactsOf(kb);
  if (contactsOf.size === 0) return undefined;
  // The words that ask for a contact ("ringe", "call") are no topic: "ringe" is no head of "Organisering".
  const asking = new Set([...(u.kinds.get('contact')?.positions ?? []), ...[...rc.lexicon.attributes.match(u.tokens).values()].flatMap((m) => [...m.positions])]);
  const asked = u.tokens.filter((tok, i) => !asking.has(i) && tok.form.length >= 4 && !STOPWORDS.has(tok.form) && !GENERIC_WORDS.has(tok.form) && !nameWords.has(tok.form) && !/^\d+$/.test(tok.form));
  // "Referatet", "the year planner": everyday words for the kind of document (the lexicon's `documentKinds`) name a
  // document of that kind as its title's own words would.
  const kindMatches = rc.lexicon.documentKinds.match(u.tokens);
  const kindAt = new Map([...kindMatches].map(([kind, m]) => [kind, new Set(m.positions.map((p) => u.tokens[p]))]));
  if (asked.length === 0) return undefined;
  // (Or a compound whose first part is the title's word: "udvalgsmødet" of the committee's minutes, "Udvalget ...".)
  const fits = (word: string, tok: (typeof asked)[number]) =>
    word === tok.form ||
    primaryStem(word) === primaryStem(tok.form) ||
    (tok.form.length >= 5 && primaryStem(tok.form).length >= 5 && word.endsWith(primaryStem(tok.form))) ||
    (word.length >= 5 && compoundSplits(tok.form).some((split) => primaryStem(split.modifier).length >= 5 && primaryStem(split.modifier) === primaryStem(word)));
  const titleOf = (id: string) => {
    const doc = kb.documents.get(id);
    if (doc) return { text: `${doc.title} ${doc.titleEn}`, shown: u.lang === 'da' ? doc.title : doc.titleEn };
    const d = dated.get(id)!;
    return { text: `${d.label.da} ${d.label.en} ${d.subject?.da ?? ''} ${d.subject?.en ?? ''}`, shown: d.label[u.lang] };
  };
  // (Each title's words are read once per knowledge base, in documentContactsOf.)
  const hitsOf = (id: string) => {
    const ofKind = kindAt.get(kb.documents.get(id)?.kind ?? '');
    const words = topicWords.get(id) ?? [];
    return asked.filter((tok) => ofKind?.has(tok) || words.some((w) => fits(w, tok))).length;
  };
  // A document whose title names an item the question names ("the organisation description of SekDag") is the one
  // meant among those saying as many of its words.
  const namedIds = rc.subjects.flatMap((g) => g.filter((l) => l.quality >= 0.9 && l.kind !== 'municipalities').map((l) => l.id));
  const scored = [...contactsOf.keys()].map((id) => ({ id, hits: hitsOf(id) + (hitsOf(id) > 0 && namedIds.some((n) => titleNames(kb, id, n)) ? 0.5 : 0) }));
  // The most words of the question; a document's title before a dated item's label with as many.
  const best = Math.max(...scored.map((s) => s.hits));
  // A document that names no contact said more surely ("the PFL function description") is not another's topic.
  if ([...kb.documents.keys()].some((id) => !contactsOf.has(id) && hitsOf(id) > best)) return undefined;
  const docTop = scored.filter((s) => s.hits === best && kb.documents.has(s.id));
  const top = docTop.length > 0 ? docTop : scored.filter((s) => s.hits === best);
  if (best === 0 || top.length !== 1) return undefined;
  const id = top[0]!.id;
  const people = contactsOf.get(id)!;
  if (!accept(people, id)) return undefined;
  const list = people.map((p) => phrasesFor(u.lang).contactLine(p.name, p.title[u.lang], p.phone, p.email));
  const source = dated.get(id)?.source;
  const answer = done(rc, 'answer', t.contacts(titleOf(id).shown, joinList(people.map((p) => p.name), u.lang)), list, [...(source ? [source] : []), ...people.map((p) => p.source)]);
  // The words that named the document (its kind, its title's words) are answered by its contact.
  const naming = asked.filter((tok) => (topicWords.get(id) ?? []).some((w) => fits(w, tok))).map((tok) => u.tokens.indexOf(tok));
  return explainsWords(answer, [...(kindMatches.get(kb.documents.get(id)?.kind ?? '')?.positions ?? []), ...naming]);
}
