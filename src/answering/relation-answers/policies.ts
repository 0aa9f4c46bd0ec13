/**
 * Policies by role, unit or municipality, and a policy's own fields (who adopted it, what it requires).
 */
import type { Policy, Source } from '../../knowledge/schemas.js';
import { displayName } from '../facts.js';
import { capitalize, joinList } from '../phrases.js';
import { analyzeText, foldText, primaryStem, STOPWORDS } from '../normalize.js';
import type { Answer } from '../types.js';
import { shortDate, unique } from '../answer-context.js';
import { done, name, sourceOf, subjectsOf, type RelationContext } from './context.js';
import { unknownWith } from './partly-known.js';
import { leftoverWords } from './tasks.js';
import { TEXTS } from './texts.js';

// ---------------------------------------------------------------------------------------------
// Policies by role, unit or municipality

export function answerPoliciesRelation(rc: RelationContext): Answer | undefined {
  const { u, kb, relations } = rc;
  if (!u.intents.has('policy')) return undefined;
  const t = TEXTS[u.lang];
  const subject = subjectsOf(rc, ['roles', 'units', 'leadershipGroups'], true)[0]?.[0];
  const typeOk = (id: string) => {
    const e = kb.get(id);
    return u.policyTypes.size === 0 || (e?.kind === 'policies' && u.policyTypes.has(e.item.type));
  };
  if (subject) {
    // Policies named for the item, else for the units it belongs to, nearest first.
    let ids: string[] = [];
    // A unit's policies are also those its leaders must know and those it owns ("the childminding service": its head's).
    const forItem = (id: string) => {
      const entry = kb.get(id);
      const leaders = entry?.kind === 'units' ? relations.leadersOf(id) : [];
      const owned = entry?.kind === 'units' ? kb.data.policies.filter((p) => p.owner === id).map((p) => p.id) : [];
      return unique([...relations.policiesFor(id), ...leaders.flatMap((r) => relations.policiesFor(r)), ...owned]);
    };
    for (let current: string | undefined = subject.id, depth = 0; current && ids.length === 0 && depth < 6; depth++) {
      ids = forItem(current).filter(typeOk);
      const item = kb.get(current)?.item as { unit?: string; parent?: string } | undefined;
      current = item?.unit ?? item?.parent;
    }
    if (ids.length === 0) return undefined;
    const names = ids.map((id) => displayName(kb.get(id)!, u.lang));
    const headline = subject.kind === 'units' ? t.policiesIn(name(kb, subject.id, u.lang, false), joinList(names.slice(0, 6), u.lang)) : t.policies(name(kb, subject.id, u.lang), joinList(names.slice(0, 6), u.lang));
    return done(rc, 'answer', headline, names.length > 6 ? names.slice(6) : [], ids.flatMap((id) => sourceOf(kb, id)).slice(0, 3));
  }
  // "What policies does Bakkekær have?", "which strategies are there?": nothing but the kind of policy and the
  // municipality (the one named, or the only one the documents know) asked about: its policies.
  // "Which laws apply to day care?": with a kind asked for, other words ("apply" aside) must be in the names of those picked.
  const effectAt = new Set([...rc.lexicon.effectWords.match(u.tokens).values()].flatMap((m) => [...m.positions]));
  const words = leftoverWords(rc, effectAt).filter((w) => !STOPWORDS.has(w));
  if (rc.subjects.length > 0 || (words.length > 0 && u.policyTypes.size === 0)) return undefined;
  const places = rc.municipalities.size > 0 ? [...rc.municipalities] : kb.data.municipalities.length === 1 ? [kb.data.municipalities[0]!.id] : [];
  if (places.length !== 1) return undefined;
  const place = places[0]!;
  const named = (p: Policy) => {
    const stems = new Set([p.name, ...p.names, p.labelEn ?? '', ...(p.namesEn ?? [])].flatMap((n) => analyzeText(foldText(n)).map((w) => primaryStem(w.form))));
    return words.every((w) => stems.has(primaryStem(w)));
  };
  const ids = kb.data.policies.filter((p) => (p.municipality === place || p.owner === place) && typeOk(p.id) && named(p)).map((p) => p.id);
  if (ids.length === 0) return undefined;
  const names = ids.map((id) => displayName(kb.get(id)!, u.lang));
  return done(rc, 'answer', t.policiesIn(name(kb, place, u.lang, false), joinList(names.slice(0, 6), u.lang)), names.length > 6 ? names.slice(6) : [], ids.flatMap((id) => sourceOf(kb, id)).slice(0, 3));
}

// ---------------------------------------------------------------------------------------------
// A policy's own fields: who adopted it, what it requires

/**
 * "Hvem har vedtaget X?", "who adopted X": a decision that changes the policy names its body; else a
 * statement about the policy (its requirements, dates, facts, the quote it comes from) that says it
 * was adopted. "Hvad kræver X?", "what does X require": the policy's `requires`. Otherwise the
 * documents name the policy but not that.
 */
export function answerPolicyFields(rc: RelationContext): Answer | undefined {
  const { u, kb } = rc;
  const policy = subjectsOf(rc, ['policies'])[0]?.[0];
  // A policy named in part ("the language policy" for "language policy for day care") still names it.
  if (!policy || policy.quality < 0.75) return undefined;
  // A role or unit named besides the policy asks about them ("which policies must X know").
  if (rc.subjects.flat().some((l) => ['roles', 'units', 'people', 'postings'].includes(l.kind) && l.quality >= 0.9)) return undefined;
  const item = kb.get(policy.id)!.item as Policy;
  const t = TEXTS[u.lang];
  const title = name(kb, policy.id, u.lang, false);
  if (u.kinds.has('decision') && u.kinds.has('who')) {
    const decision = kb.data.decisions.find((d) => d.changes.includes(policy.id));
    if (decision) return done(rc, 'answer', t.adoptedBy(title, name(kb, decision.body, u.lang, true), shortDate(decision.date, u.lang)), [], [decision.source]);
    const says = (text: string) => rc.lexicon.kinds.match(analyzeText(foldText(text))).has('decision');
    const statements: Array<{ text: string; source: Source }> = [
      ...item.requires.map((r) => ({ text: r[u.lang], source: r.source, both: `${r.da} ${r.en}` })),
      ...rc.relations.dates(policy.id).map((d) => ({ text: d.label[u.lang], source: d.source, both: `${d.label.da} ${d.label.en}` })),
      ...kb.data.facts.filter((f) => f.about.includes(policy.id)).map((f) => ({ text: f.text[u.lang], source: f.source, both: `${f.text.da} ${f.text.en}` })),
      // The document's own words, quoted as they stand.
      { text: `»${item.source.quote}«`, source: item.source, both: item.source.quote },
    ].filter((x) => says(x.both));
    if (statements.length === 0) return unknownWith(rc, t.notAdopted(title));
    return done(rc, 'answer', `${capitalize(title)}: ${statements[0]!.text}`, statements.slice(1).map((x) => x.text), statements.map((x) => x.source));
  }
  if (u.intents.has('requirement') && item.requires.length > 0) {
    return done(rc, 'answer', t.requires(title), item.requires.map((r) => r[u.lang]), item.requires.map((r) => r.source));
  }
  // "What does the inclusion strategy aim at?", "hvad er formålet med sprogpolitikken?": its own statements.
  const purpose = [...rc.lexicon.purposeWords.match(u.tokens).values()].flatMap((m) => [...m.positions]);
  // Other words ("hvad siger X om sprog") ask about part of it: the general search answers those.
  const covered = new Set([...purpose, ...(u.namePositions ?? [])]);
  const other = leftoverWords(rc, covered).filter((w) => !STOPWORDS.has(w));
  if (purpose.length > 0 && other.length === 0 && u.attributes.length === 0 && !u.intents.has('contact') && !u.intents.has('dates')) {
    const statements = [
      ...item.requires.map((r) => ({ text: r[u.lang], source: r.source })),
      ...kb.data.facts.filter((f) => f.about[0] === policy.id).map((f) => ({ text: f.text[u.lang], source: f.source })),
    ];
    if (statements.length > 0) return done(rc, 'answer', t.requires(title), statements.map((s) => s.text), unique(statements.map((s) => s.source)).slice(0, 3));
  }
  return undefined;
}
