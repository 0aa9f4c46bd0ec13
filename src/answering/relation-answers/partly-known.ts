/**
 * Partly known: an item the documents name, asked for what they do not give (phone, salary, start date, ...).
 */
import { DEADLINE_KINDS, type Person, type Source } from '../../knowledge/schemas.js';
import type { Attribute } from '../lexicon/lexicon.js';
import { namesOf } from '../facts.js';
import { joinList } from '../phrases.js';
import { analyzeText, foldText, primaryStem, STOPWORDS, termsOf, tokenize } from '../normalize.js';
import type { Answer } from '../types.js';
import { fitsDateKind } from '../understand.js';
import { shortDate, unique, unknown as unknownAnswer } from '../answer-context.js';
import { done, name, sourceOf, subjectsOf, titleWordsOf, unitsOfPerson, within, type RelationContext } from './context.js';
import { TEXTS } from './texts.js';
import { decisionIndexOf } from './decisions.js';
import { ownContactStatements } from './own-contact-statements.js';
import { formatPartialDate } from '../../time/format-date.js';

// ---------------------------------------------------------------------------------------------
// Partly known: a person (or a role's holder) asked for what the documents do not give

export function answerAttribute(rc: RelationContext): Answer | undefined {
  const { u, kb, relations } = rc;
  const started = answerPersonStart(rc);
  if (started) return started;
  // "Hvilken uddannelse har Sofie Brønd?": a person's own education or competences are no field of the data; the
  // requirements of the post they hold are not theirs.
  const ownOf = (['education', 'competence'] as const).find((intent) => u.intents.has(intent));
  const named = rc.subjects.flat().filter((l) => l.quality >= 0.9);
  if (ownOf && named.length > 0 && named.every((l) => l.kind === 'people')) {
    const p = (kb.get(named[0]!.id) as { item: Person }).item;
    return done(rc, 'unknown', TEXTS[u.lang].notKnown(p.name, PERSONAL[u.lang][ownOf]), [`${p.name}, ${p.title[u.lang]}`], [p.source]);
  }
  if (u.attributes.length === 0 || u.intents.has('figure')) return undefined;
  // "Who calls the meetings?", "whose deputy is X?": a word of the chair's or the deputy's cue ("calls the meeting",
  // "whose deputy") is not the phone or the owner asked for.
  const kindAt = ['chair', 'deputy', 'deputy-for'].flatMap((k) => u.kinds.get(k as never)?.positions ?? []);
  const attributeAt = kindAt.length > 0 ? rc.lexicon.attributes.match(u.tokens) : undefined;
  const attributes = u.attributes.filter((a) => {
    const at = attributeAt?.get(a)?.positions;
    return !at || !at.every((p) => kindAt.includes(p));
  });
  if (attributes.length === 0) return undefined;
  // "Hvem er Mettes chef, og hvad er hans nummer?": the number asked is the boss's (the reporting answer gives it).
  if (u.intents.has('reporting') && u.direction === 'up' && attributes.every((a) => a === 'phone' || a === 'email')) return undefined;
  // "Who covers for Torben when he is on holiday?": asked with an absence, only a phone or an e-mail is the attribute asked.
  if ((u.kinds.has('deputy') || u.kinds.has('deputy-for')) && !attributes.some((a) => a === 'phone' || a === 'email')) return undefined;
  // "Hvad besluttede udvalget om åbningstiden?": a word of what a decision decided is what the decision answers.
  if (u.kinds.has('decision')) {
    const at = [...rc.lexicon.attributes.match(u.tokens).values()].flatMap((m) => [...m.positions]);
    const entries = decisionIndexOf(kb).entries;
    if (at.some((p) => u.tokens[p]!.terms.some((term) => entries.some((e) => e.terms.has(term))))) return undefined;
  }
  const t = TEXTS[u.lang];
  const attribute = attributes[0]!;
  const label = rc.lexicon.attributeLabels.get(attribute)![u.lang];
  const person = rc.subjects.flat().find((l) => l.kind === 'people');
  const value = (p: Person, a: Attribute) => (a === 'phone' ? p.phone : a === 'email' ? p.email : undefined);
  if (person) {
    const p = (kb.get(person.id) as { item: Person }).item;
    const v = value(p, attribute);
    if (v) return done(rc, 'answer', attribute === 'phone' ? t.phoneOf(p.name, v) : t.emailOf(p.name, v), [`${p.name}, ${p.title[u.lang]}`], [p.source]);
    return done(rc, 'unknown', t.notKnown(p.name, label), [`${p.name}, ${p.title[u.lang]}`], [p.source]);
  }
  // "Who can I call about the X post?" asks for its contacts, not for X's number.
  // ("Jeg overvejer at søge stillingen i Stjernehuset, hvem kan jeg ringe til": a job named asks for its contacts too.)
  if (u.kinds.has('contact') && (rc.lexicon.topicWords.match(u.tokens).size > 0 || rc.lexicon.postingWords.match(u.tokens).size > 0)) return undefined;
  // "Nummeret på tillidsrepræsentanten i Rævehøj", "the administrative coordinator's phone": one person's title says
  // every other word of the question (the place too), also when no post of the data is theirs.
  if (attribute === 'phone' || attribute === 'email') {
    const titled = titledPerson(rc);
    if (titled) {
      const v = value(titled, attribute);
      const line = `${titled.name}, ${titled.title[u.lang]}`;
      if (v) return done(rc, 'answer', attribute === 'phone' ? t.phoneOf(titled.name, v) : t.emailOf(titled.name, v), [line], [titled.source]);
      return done(rc, 'unknown', t.notKnown(titled.name, label), [line], [titled.source]);
    }
  }
  const linked = rc.subjects[0]?.[0];
  // Two policies of one name ("Børne- og ungepolitik" of two municipalities), none placed: the one the documents date.
  const hasPeriod = (id: string) => (kb.get(id)?.item as { period?: string }).period !== undefined || relations.dates(id).some((d) => d.end !== undefined);
  const sameName = attribute === 'period' && linked?.kind === 'policies' && !hasPeriod(linked.id) ? (rc.subjects[0] ?? []).find((l) => l.kind === 'policies' && l.quality >= linked.quality && hasPeriod(l.id)) : undefined;
  const first = sameName ?? linked;
  // "Which period does the learning strategy cover?": a policy's period, when the data gives it ("does the meal policy
  // cover the self-governing institutions" names what it covers: the policy's own answer).
  const coversItem = rc.subjects.some((g) => g[0] !== first && g[0]!.quality >= 0.9 && ['roles', 'units', 'concepts', 'people'].includes(g[0]!.kind));
  if (attribute === 'period' && first?.kind === 'policies' && coversItem && attributes.length === 1) return undefined;
  if (attribute === 'period' && first?.kind === 'policies') {
    const policy = kb.get(first.id)!.item as { period?: string; inForceFrom?: string; inForceUntil?: string; source: Source };
    // "Hvilken periode gælder den, og hvornår evalueres den?": a date of the policy asked with its period (an
    // evaluation, a deadline) comes with it, the kind asked first.
    // Those whose label says a word of the question ("evalueres") or of the kind asked; the only one when none does.
    const dated = u.askedWhen || u.dateKinds.size > 0 || u.intents.has('dates') ? relations.dates(first.id) : [];
    const named = new Set(Array.from({ length: first.end - first.start }, (_, i) => first.start + i));
    const asked = u.tokens.filter((tok, i) => !named.has(i) && tok.form.length > 3 && !STOPWORDS.has(tok.form));
    const says = (d: (typeof dated)[number]) => {
      const terms = termsOf(`${d.label.da} ${d.label.en}`);
      return asked.some((tok) => tok.terms.some((term) => terms.has(term))) || (u.dateKinds.has(d.kind) && d.kind !== 'period');
    };
    // (The days it applies from and until, when the documents give them, say the period exactly: another date of the
    // policy that the question does not name is then no part of the answer.)
    const from = policy.inForceFrom && shortDate(policy.inForceFrom, u.lang);
    const until = policy.inForceUntil && shortDate(policy.inForceUntil, u.lang);
    const dates = dated.some(says) ? dated.filter(says) : dated.length === 1 && !from && !until ? dated : [];
    // (A dated period shows both ends; one whose label already says the policy's period adds nothing.)
    const dateLines = dates
      .filter((d) => !(d.end !== undefined && policy.period !== undefined && d.label[u.lang].includes(policy.period)))
      .map((d) => `${d.label[u.lang]}: ${formatPartialDate(d.date, d.precision, u.lang)}${d.end ? `–${formatPartialDate(d.end, d.precision, u.lang)}` : ''}`);
    if (policy.period) return done(rc, 'answer', [t.periodOf(name(kb, first.id, u.lang, false), policy.period, from, until), ...dateLines.slice(0, 1).map((l) => `${l}.`)].join(' '), dateLines.slice(1), [policy.source, ...dates.map((d) => d.source)]);
    // No period field, but a dated period of the policy ("gælder for perioden 2025-2028"): its first and last day or year.
    const spans = relations.dates(first.id).filter((d) => d.end !== undefined);
    if (spans.length === 1) {
      const d = spans[0]!;
      const span = `${formatPartialDate(d.date, d.precision, u.lang)}–${formatPartialDate(d.end!, d.precision, u.lang)}`;
      return done(rc, 'answer', t.periodOf(name(kb, first.id, u.lang, false), span), [d.label[u.lang]], [d.source]);
    }
    return done(rc, 'unknown', t.notKnown(name(kb, first.id, u.lang, false), label), [], [policy.source]);
  }
  // "Who owns the language policy?", "hvem ejer sprogpolitikken?": a policy's owner, when the data gives it.
  if (attribute === 'owner' && first?.kind === 'policies') {
    const policy = kb.get(first.id)!.item as { owner?: string; source: Source };
    if (policy.owner && kb.get(policy.owner)) return done(rc, 'answer', t.ownerOf(name(kb, first.id, u.lang, false), name(kb, policy.owner, u.lang, true)), [], [policy.source]);
    return done(rc, 'unknown', t.notKnown(name(kb, first.id, u.lang, false), label), [], [policy.source]);
  }
  // "Hvad er telefonnummeret til PPR?", "What is the budget of the centre?": a known item, an unknown value.
  if (first && (attribute === 'budget' || ((attribute === 'phone' || attribute === 'email') && ['units', 'leadershipGroups', 'meetings', 'municipalities'].includes(first.kind)))) {
    if (first.quality < 0.9) return undefined;
    // A budget the item's own facts or figures state is answered from them.
    if (attribute === 'budget') {
      // A budget stated as a figure of the item ("Budget 2027: 412,5 mio. kr."): the year asked for first.
      const label = rc.lexicon.attributeLabels.get(attribute)!;
      const stems = new Set([label.da, label.en].flatMap((l) => tokenize(l).map(primaryStem)));
      const year = u.range?.from.slice(0, 4);
      const figures = relations
        .figures(first.id)
        .filter((f) => tokenize(`${f.figure.text.da} ${f.figure.text.en}`).some((w) => stems.has(primaryStem(w))))
        .sort((a, b) => Number(year !== undefined && b.figure.text.da.includes(year)) - Number(year !== undefined && a.figure.text.da.includes(year)));
      if (figures.length > 0) {
        const lines = figures.map((f) => t.figure(name(kb, first.id, u.lang, false), f.figure.text[u.lang].replace(/\.$/, '')));
        return done(rc, 'answer', lines[0]!, lines.slice(1), figures.map((f) => f.figure.source));
      }
      // A decision named ("Budget 2027 for Tidlig Barndom"): the points of it that say the budget give it.
      // (Only the decision's own budget: another item named beside it, "the budget for the dagpleje", must be one the
      // decision names or changes, and a year asked must be the points' own.)
      const decision = kb.get(first.id);
      const saidIn = (text: string, id: string) => {
        const e = kb.get(id);
        return e !== undefined && namesOf(e).some((n) => foldText(n).length > 2 && foldText(text).includes(foldText(n)));
      };
      const ownText = decision?.kind === 'decisions' ? [decision.item.name, ...decision.item.decided.flatMap((p) => [p.da, p.en])].join(' ') : '';
      const others = rc.subjects.flat().filter((l) => l.quality >= 0.9 && l.kind !== 'municipalities' && l.id !== first.id);
      const aboutIt = decision?.kind === 'decisions' && others.every((l) => decision.item.changes.includes(l.id) || decision.item.body === l.id || saidIn(ownText, l.id));
      const points = decision?.kind === 'decisions' && aboutIt ? decision.item.decided.filter((s) => tokenize(`${s.da} ${s.en}`).some((w) => stems.has(primaryStem(w))) && (year === undefined || s.da.includes(year))) : [];
      if (decision?.kind === 'decisions' && points.length > 0) return done(rc, 'answer', points[0]![u.lang], points.slice(1).map((s) => s[u.lang]), [decision.item.source]);
      if (statesAttribute(rc, first.id, attribute)) return undefined;
    }
    // The item's own statement of its number or address comes before its leader's ("tlf til sekretariatet").
    const stated = attribute === 'phone' || attribute === 'email' ? ownContactStatements(rc, first.id, attribute) : [];
    if (stated.length > 0) return done(rc, 'answer', stated[0]!.text[u.lang], stated.slice(1).map((f) => f.text[u.lang]), stated.map((f) => f.source));
    const holders = first.kind === 'units' ? relations.leadersOf(first.id).flatMap((r) => relations.holders(r)).filter((p) => value(p, attribute)) : [];
    if (holders.length > 0) {
      const lines = holders.map((p) => (attribute === 'phone' ? t.phoneOf(p.name, value(p, attribute)!) : t.emailOf(p.name, value(p, attribute)!)));
      return done(rc, 'answer', lines[0]!, lines.slice(1), holders.map((p) => p.source));
    }
    return done(rc, 'unknown', t.notKnown(name(kb, first.id, u.lang, false), label), [], sourceOf(kb, first.id));
  }
  if (attribute === 'salary' && first && (first.kind === 'roles' || first.kind === 'postings') && first.quality >= 0.9) {
    // A post's pay: what its terms and its postings' terms say about pay, or that they say nothing.
    const roleId = first.kind === 'postings' ? (kb.get(first.id)!.item as { role: string }).role : first.id;
    const role = kb.get(roleId);
    // A post's postings, and those of the same post made specific ("teamchef for Dagtilbudsteam Midt" for "teamchef").
    const base = role?.kind === 'roles' ? `${foldText(role.item.name)} ` : undefined;
    const specific = base ? kb.data.roles.filter((r) => foldText(r.name).startsWith(base)).map((r) => r.id) : [];
    const postings = first.kind === 'postings' ? [first.id] : [roleId, ...specific].flatMap((id) => relations.postingsOf(id));
    const terms = [
      ...(role?.kind === 'roles' ? role.item.conditions : []),
      ...postings.flatMap((id) => {
        const e = kb.get(id);
        return e?.kind === 'postings' ? e.item.conditions : [];
      }),
    ];
    const about = terms.filter((s) => rc.lexicon.attributes.match(analyzeText(foldText(`${s.da} ${s.en}`))).has('salary'));
    if (about.length > 0) return done(rc, 'answer', about[0]![u.lang], about.slice(1).map((s) => s[u.lang]), about.map((s) => s.source));
    return done(rc, 'unknown', t.notKnown(name(kb, first.id, u.lang, false), label), [], sourceOf(kb, first.id));
  }
  // "Hvad står LUF for?", "what does SOB stand for": a longer name of the same item spelt by the letters asked
  // ("Lederudviklingsforum"); otherwise the documents name it but do not say.
  if (attribute === 'expansion') {
    if (!first || first.quality < 0.9 || first.kind === 'municipalities' || first.end - first.start !== 1) return undefined;
    const entry = kb.get(first.id)!;
    const asked = u.tokens[first.start]!.form;
    const spelt = (u.text.match(/[\p{L}\d-]+/gu) ?? []).find((w) => foldText(w) === asked) ?? asked;
    // Only a short word written in capitals, by the question or by the item's names, is an abbreviation ("hvad står
    // leg og læring for" asks what a theme is about).
    const capitals = (w: string) => w.length >= 2 && w.length <= 6 && w === w.toUpperCase() && w !== w.toLowerCase();
    if (!capitals(spelt) && !namesOf(entry).some((n) => foldText(n) === asked && capitals(n))) return undefined;
    const expansion = namesOf(entry).find((n) => spellsOut(asked, n));
    if (expansion) return done(rc, 'answer', t.standsFor(spelt, expansion), [], sourceOf(kb, first.id));
    if (statesAttribute(rc, first.id, attribute)) return undefined;
    return unknownWith(rc, t.notKnown(name(kb, first.id, u.lang, false), label));
  }
  // An attribute no field of the schema holds ("the address of X", "X's opening hours"): known only when
  // one of X's own facts states it; otherwise the documents name X but not that.
  if (!FIELD_ATTRIBUTES.has(attribute) && first && first.quality >= 0.9 && first.kind !== 'municipalities') {
    if (statesAttribute(rc, first.id, attribute)) return undefined;
    return unknownWith(rc, t.notKnown(name(kb, first.id, u.lang, false), label));
  }
  if (attribute !== 'phone' && attribute !== 'email') return undefined;
  // "What is the phone number of the head of day care?": through the person holding the role.
  const role = subjectsOf(rc, ['roles'])[0]?.[0];
  if (!role || rc.subjects.flat().some((l) => l.kind === 'postings')) return undefined;
  let holders = relations.holders(role.id);
  // "Telefonnummeret til institutionslederen i Mågen": with a unit named, only the holders tied to it.
  const unit = rc.subjects.flat().find((l) => l.kind === 'units' && l.quality >= 0.9);
  if (unit && holders.length > 0) {
    const roleUnit = (kb.get(role.id)?.item as { unit?: string } | undefined)?.unit;
    const there = holders.filter((p) => roleUnit === unit.id || [...unitsOfPerson(rc, p)].some((id) => within(kb, id, unit.id)));
    if (there.length === 0) return unknownWith(rc, t.noHolderIn(name(kb, role.id, u.lang, false), name(kb, unit.id, u.lang, false)));
    holders = there;
  }
  if (holders.length === 0 && role.quality >= 0.9) {
    // "Phone number for the pædagogisk koordinator at Lærkereden": a person whose title names the post (and the unit
    // named) holds it in all but the data's link.
    const roleNames = [(kb.get(role.id)?.item as { name: string }).name, ...((kb.get(role.id)?.item as { names?: string[] }).names ?? [])].map(foldText).filter((n) => n.length > 3);
    const titled = kb.data.people.filter(
      (p) => roleNames.some((n) => foldText(p.title.da).includes(n)) && (!unit || [...unitsOfPerson(rc, p)].some((id) => within(kb, id, unit.id))),
    );
    if (titled.length === 1) holders = titled;
  }
  if (holders.length === 0) {
    if (role.quality < 0.9) return undefined;
    return unknownWith(rc, t.noHolder(name(kb, role.id, u.lang, false), label));
  }
  const withValue = holders.filter((p) => value(p, attribute));
  if (withValue.length === 0) return done(rc, 'unknown', t.notKnown(joinList(holders.map((p) => p.name), u.lang), label), [], holders.map((p) => p.source));
  const lines = withValue.map((p) => (attribute === 'phone' ? t.phoneOf(p.name, value(p, attribute)!) : t.emailOf(p.name, value(p, attribute)!)));
  return done(rc, 'answer', lines[0]!, lines.slice(1), withValue.map((p) => p.source));
}

/**
 * The one person whose title (in either language) holds every content word of the question besides its cues and the
 * words that ask for an attribute: two words at least ("tillidsrepræsentanten" + "rævehøj"), exactly one person.
 */
export function titledPerson(rc: RelationContext): Person | undefined {
  const { u, kb } = rc;
  const asking = new Set([...u.cuePositions, ...[...rc.lexicon.attributes.match(u.tokens).values()].flatMap((m) => [...m.positions]), ...[...u.kinds.values()].flatMap((m) => [...m.positions])]);
  const content = u.tokens.filter((tok, i) => !asking.has(i) && !STOPWORDS.has(tok.form) && !u.intentWords.has(tok.form) && !rc.lexicon.questionWords.has(tok.form) && !/^\d/.test(tok.form) && tok.form.length > 1);
  // One word ("fællestillidsrepræsentanten") only when it names nothing else.
  if (content.length < (rc.subjects.length === 0 ? 1 : 2)) return undefined;
  // A post named in full with nothing more ("the head of day care") is asked of its holders, not of titles sharing its words.
  const posts = rc.subjects.flat().filter((l) => l.kind === 'roles' && l.quality >= 0.9);
  if (content.every((tok) => posts.some((l) => u.tokens.indexOf(tok) >= l.start && u.tokens.indexOf(tok) < l.end))) return undefined;
  const titles = titleWordsOf(kb);
  const matching = kb.data.people.filter((_, i) => content.every((tok) => titles[i]!.has(tok.form) || tok.terms.some((term) => titles[i]!.has(term))));
  return matching.length === 1 ? matching[0] : undefined;
}

/**
 * True when a name spells out an abbreviation: it is longer, does not contain the abbreviation as a word, begins
 * with its first letter and holds its letters in order ("LUF": "Lederudviklingsforum", "SBL": "Småbørnsledelsen").
 */
export function spellsOut(abbreviation: string, name: string): boolean {
  const letters = foldText(abbreviation).replace(/[^a-z]/g, '');
  const words = tokenize(name);
  if (letters.length < 2 || letters.length > 6 || words.includes(letters)) return false;
  const full = words.join('');
  if (full.length < letters.length + 4 || full[0] !== letters[0]) return false;
  let at = 0;
  for (const ch of letters) {
    at = full.indexOf(ch, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

/** True when one of the item's own facts states the attribute: by its cue phrases, or by its label's word ("Budget 2027: 412,5 mio. kr."). */
function statesAttribute(rc: RelationContext, id: string, attribute: Attribute): boolean {
  const label = rc.lexicon.attributeLabels.get(attribute);
  // The label's own words: "number of responses" is stated by a fact that says "responses", not by one that says "of".
  const labelStems = new Set([label?.da, label?.en].flatMap((l) => (l ? tokenize(l).filter((w) => !STOPWORDS.has(w)).map(primaryStem) : [])));
  return rc.ctx.index.ownedBy(id).some((f) => {
    const text = `${f.text.da} ${f.text.en}`;
    return rc.ctx.saysAttribute?.(text, attribute) === true || tokenize(text).some((w) => labelStems.has(primaryStem(w)));
  });
}

/** What a person's own education or competences are called in an answer. */
const PERSONAL = { da: { education: 'oplysninger om uddannelse', competence: 'oplysninger om kompetencer' }, en: { education: 'information on education', competence: 'information on competences' } } as const;

/** Attributes the schema has a field or a relation for (a person's phone and e-mail, a post's pay terms, a policy's period, a survey's responses). */
const FIELD_ATTRIBUTES: ReadonlySet<Attribute> = new Set<Attribute>(['phone', 'email', 'salary', 'period', 'responses']);

/**
 * "Hvornår startede X?", "when did X start": a person's first day in the post is the person's
 * `validFrom`; a date entry about the person answers too. Otherwise the documents name X but give no date.
 */
function answerPersonStart(rc: RelationContext): Answer | undefined {
  const { u, kb, relations } = rc;
  // "Who covers for Torben when he is on holiday?": the "when" of an absence asks for no date.
  if (!u.intents.has('dates') || !u.askedWhen || u.kinds.has('deputy') || u.kinds.has('deputy-for')) return undefined;
  // "How much does X make a year": an attribute asked, and no kind of date, is what the question asks for.
  if (u.attributes.length > 0 && u.dateKinds.size === 0) return undefined;
  const links = rc.subjects.flat().filter((l) => l.quality >= 0.9);
  const person = links.find((l) => l.kind === 'people');
  if (!person) return undefined;
  const first = (kb.get(person.id) as { item: Person }).item;
  // The same person in several posts over time is several entries of one name (huschef until, acting kredsleder from a day).
  const held = unique(links.filter((l) => l.kind === 'people').map((l) => l.id))
    .map((id) => (kb.get(id) as { item: Person }).item)
    .filter((e) => e.name === first.name);
  // So is each post the person holds over time besides their own (`posts`: "fagteamleder fra 1. marts 2027"), an entry
  // in that post's role and unit for its period, titled by them.
  const postTitle = (lang: 'da' | 'en', role: string, unit: string | undefined) => `${name(kb, role, lang, false)}${unit ? `, ${name(kb, unit, lang, false)}` : ''}`;
  const entries: Person[] = [
    ...held,
    ...held.flatMap((e) =>
      (e.posts ?? []).map((post): Person => {
        const { validFrom, validUntil, ...rest } = e;
        void validFrom;
        void validUntil;
        return {
          ...rest,
          role: post.role,
          ...(post.unit !== undefined && { unit: post.unit }),
          ...(post.validFrom !== undefined && { validFrom: post.validFrom }),
          ...(post.validUntil !== undefined && { validUntil: post.validUntil }),
          title: { da: postTitle('da', post.role, post.unit), en: postTitle('en', post.role, post.unit) },
          source: post.source ?? e.source,
          posts: [],
        };
      }),
    ),
  ];
  const wordsOf = (l: (typeof links)[number]) => u.tokens.slice(l.start, l.end).filter((tok) => !STOPWORDS.has(tok.form));
  const titleSays = (e: Person, words: ReturnType<typeof wordsOf>) => {
    const terms = termsOf(`${e.title.da} ${e.title.en}`);
    return words.length > 0 && words.every((tok) => tok.terms.some((term) => terms.has(term)));
  };
  // Only a question about the person alone: "the interview for the post X is contact for" is the posting's. A place the
  // person's own title names is the person's post ("hvornår stopper Rasmus i Kløverhøj").
  const others = links.filter((l) => l.kind !== 'people' && l.kind !== 'municipalities' && l.kind !== 'roles');
  if (others.some((l) => !entries.some((e) => titleSays(e, wordsOf(l))))) return undefined;
  // A date whose label names the person ("… går på pension") answers for them when it is of the kind asked; asked how
  // long they have held a post ("hvor længe har X været enhedsleder"), only a date that says the post's words.
  const post = links.find((l) => l.kind === 'roles');
  const postWords = post ? wordsOf(post) : [];
  const saysPost = (d: { label: { da: string; en: string } }) => {
    const terms = termsOf(`${d.label.da} ${d.label.en}`);
    return postWords.every((tok) => tok.terms.some((term) => terms.has(term)));
  };
  const own = [...relations.dates(person.id), ...relations.datesNaming(person.id).filter((d) => fitsDateKind(u.dateKinds, d.kind))];
  if (own.some((d) => !post || saysPost(d))) return undefined;
  // "Hvornår skal budgetønskerne sendes ind til Rikke": a date that names the post the person holds and says every other
  // word of the question is asked about (the dates answer), not the person's first day.
  const role = (kb.get(person.id)?.item as Person | undefined)?.role;
  // The person's own post named beside them ("hvornår blev Rikke børnechef", "how long has X been kontorchef") asks
  // for their first day in it: its words are the person's, not a thing another date is about.
  const ownPost = links.filter((l) => l.kind === 'roles' && (entries.some((e) => e.role === l.id) || entries.some((e) => titleSays(e, wordsOf(l)))));
  const inOwnPost = (i: number) => ownPost.some((l) => i >= l.start && i < l.end);
  const rest = u.tokens.filter((tok, i) => !(i >= person.start && i < person.end) && !inOwnPost(i) && !u.cuePositions.has(i) && !STOPWORDS.has(tok.form) && tok.form.length > 3);
  const saysRest = (d: { label: { da: string; en: string }; subject?: { da: string; en: string } }) => {
    const terms = termsOf(`${d.label.da} ${d.label.en} ${d.subject?.da ?? ''} ${d.subject?.en ?? ''}`);
    return rest.every((tok) => tok.terms.some((term) => terms.has(term)));
  };
  if (role !== undefined && rest.length > 0 && relations.datesNaming(role).some(saysRest)) return undefined;
  // Of the person's entries, the one whose title says the post or place named, else the one that has the day asked for.
  const placeWords = others.flatMap(wordsOf);
  const saysTitle = (e: Person) => titleSays(e, [...postWords, ...placeWords]);
  const endAsked = DEADLINE_KINDS.some((k) => u.dateKinds.has(k)) || rc.lexicon.sequenceWords.match(u.tokens).has('last');
  const startAsked = u.dateKinds.size === 0 || u.dateKinds.has('start');
  const fits = (e: Person) => (startAsked && !endAsked && e.validFrom !== undefined) || ((endAsked || u.dateKinds.size === 0) && e.validUntil !== undefined);
  // (The entry in the post named, when one is: "hvornår bliver X fagteamleder" is their first day in that post, not the
  // last day in the post they hold now, whose title may say the coming one.)
  const postNamed = (e: Person) => links.filter((l) => (l.kind === 'roles' && e.role === l.id) || (l.kind === 'units' && e.unit === l.id)).length;
  const mostNamed = Math.max(0, ...entries.filter(fits).map(postNamed));
  const p = entries.find((e) => mostNamed > 0 && postNamed(e) === mostNamed && fits(e)) ?? entries.find((e) => saysTitle(e) && fits(e)) ?? entries.find(fits) ?? first;
  const t = TEXTS[u.lang];
  const line = `${p.name}, ${p.title[u.lang]}`;
  // A first day to come is no "since" ("Rikke Dam Overgaard er konstitueret kredsleder fra 1. marts 2027").
  const from = (day: string) => (day > rc.today ? t.fromDay : t.since)(p.name, p.title[u.lang], shortDate(day, u.lang));
  if (p.validFrom && startAsked && !endAsked) return done(rc, 'answer', from(p.validFrom), [], [p.source]);
  // "When does Inge Marie Toft retire", "hvornår stopper Lone": a last day in the post answers when no first day is asked.
  if (p.validUntil && (endAsked || u.dateKinds.size === 0)) return done(rc, 'answer', t.untilDay(p.name, p.title[u.lang], shortDate(p.validUntil, u.lang)), [], [p.source]);
  // ("Hvornår har X ferie": a question with words of its own asks for another date than the first day.)
  const label = u.dateKinds.has('start') || (u.dateKinds.size === 0 && rest.length === 0) ? t.startDate : t.dateOf;
  return done(rc, 'unknown', t.notKnown(p.name, label), [line], [p.source]);
}

export function unknownWith(rc: RelationContext, headline: string): Answer {
  return unknownAnswer(rc.ctx, rc.u.lang, headline);
}
