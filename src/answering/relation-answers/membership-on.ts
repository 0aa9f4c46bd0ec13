/**
 * Who is in a leadership group on a day, and whether a role is in it: the members relation read with its dates
 * (`validFrom`/`validUntil` on a member) and asked yes or no.
 */
import type { LeadershipGroup } from '../../knowledge/schemas.js';
import { addDays } from '../../time/format-date.js';
import { capitalize, joinList } from '../phrases.js';
import type { Answer } from '../types.js';
import { shortDate, unique } from '../answer-context.js';
import { done, name, sourceOf, subjectsOf, within, type RelationContext } from './context.js';
import { TEXTS } from './texts.js';

type Member = LeadershipGroup['members'][number];

/** Kinds of question that ask something else of a group than who is in it (when it meets, who chairs it, ...). */
const OTHER_KINDS = new Set(['frequency', 'chair', 'when', 'dates', 'figure', 'contact', 'deputy', 'deputy-for', 'responsibility', 'reporting-up', 'reporting-down', 'reporting-chain', 'policy', 'programme']);

const holds = (m: { validFrom?: string; validUntil?: string }, day: string) => (m.validFrom === undefined || m.validFrom <= day) && (m.validUntil === undefined || m.validUntil >= day);

/**
 * "Who is in Chefgruppen after May 2027?", "hvem sidder i sektorledelsen efter omlægningen?", "er dagplejechefen
 * stadig med i chefgruppen efter 1. maj 2027?", "er institutionslederne med i dagtilbudsledelsen?": a leadership group
 * named with a day (named, a month ahead, or the day its membership next changes when asked "after the change"), or
 * a role named beside it and asked yes or no. The members on that day, the members who leave or join with their note
 * ("herefter efter behov"), and for a role asked about: yes, no, or what its note says.
 */
export function answerMembershipOn(rc: RelationContext): Answer | undefined {
  const { u, kb, relations } = rc;
  if ([...u.kinds.keys()].some((k) => OTHER_KINDS.has(k)) || u.askedWhen || u.dateKinds.size > 0 || u.attributes.length > 0) return undefined;
  const yesNo = rc.lexicon.yesNoWords.match(u.tokens).size > 0;
  // A leadership group (its members may carry dates), or a meeting asked yes or no of a role ("does X go to LUF").
  const groupLink = subjectsOf(rc, ['leadershipGroups', 'meetings'])
    .flat()
    .find((l) => l.quality >= 0.9);
  if (!groupLink) return undefined;
  const entry = kb.get(groupLink.id);
  if (entry?.kind !== 'leadershipGroups' && entry?.kind !== 'meetings') return undefined;
  const isMeeting = entry.kind === 'meetings';
  // Members the documents describe in words ("de valgte medarbejderrepræsentanter"): listed, and no role is then
  // answered "no" (it may be among them).
  const described = (entry.kind === 'leadershipGroups' ? entry.item.otherMembers : entry.item.otherParticipants) ?? [];
  const group = { id: entry.item.id, members: entry.kind === 'leadershipGroups' ? entry.item.members : relations.members(entry.item.id).map((m): Member => ({ ref: m.ref, ...(m.note && { note: m.note }) })) };
  const roles = unique(
    rc.subjects
      .flat()
      .filter((l) => l.quality >= 0.9 && (l.start >= groupLink.end || l.end <= groupLink.start))
      .flatMap((l) => {
        const e = kb.get(l.id);
        return e?.kind === 'roles' || e?.kind === 'units' ? [l.id] : e?.kind === 'people' && e.item.role ? [e.item.role] : [];
      }),
  );
  if (!u.intents.has('membership') && !(yesNo && roles.length > 0)) return undefined;
  if (isMeeting && !(yesNo && roles.length > 0)) return undefined;
  const dated = group.members.some((m) => m.validFrom !== undefined || m.validUntil !== undefined);
  const changeDays = group.members
    .flatMap((m) => [m.validFrom, m.validUntil === undefined ? undefined : addDays(m.validUntil, 1)])
    .filter((d): d is string => d !== undefined && d > rc.today)
    .sort();
  // A member's last day written out after "after" ("efter 31. marts 2027", not inside a time phrase) asks of the day
  // after it (any other day after "after" is read as the day itself: the members do not change in between).
  const after = rc.lexicon.sequenceWords.match(u.tokens).get('after');
  const phrase = rc.lexicon.timePhrases.coverage(u.tokens);
  const strictly =
    u.day !== undefined && (!u.range || u.range.from === u.range.to) && after !== undefined && after.positions.some((p) => !phrase.has(p)) && group.members.some((m) => m.validUntil === u.day);
  const day = (u.day !== undefined && strictly ? addDays(u.day, 1) : u.day) ?? (u.range && u.range.from > rc.today ? u.range.from : undefined) ?? (u.kinds.has('after-change') ? changeDays[0] : undefined);
  // Asked of today, only the yes-or-no of a role named beside the group is this answer's (the members' answer lists them).
  if (day === undefined && !(yesNo && roles.length > 0)) return undefined;
  if (day !== undefined && !dated && roles.length === 0) return undefined;
  const on = day ?? rc.today;
  const t = TEXTS[u.lang];
  const nm = (id: string) => name(kb, id, u.lang, false);
  const withNote = (m: Member) => `${nm(m.ref)}${m.note ? ` (${m.note[u.lang]})` : ''}`;
  const now = group.members.filter((m) => holds(m, on) && kb.get(m.ref));
  const left = group.members.filter((m) => m.validUntil !== undefined && m.validUntil < on && m.validUntil >= rc.today);
  const joined = group.members.filter((m) => m.validFrom !== undefined && m.validFrom > rc.today && m.validFrom <= on);
  const lead = on === rc.today ? '' : u.lang === 'da' ? `Pr. ${shortDate(on, 'da')}: ` : `On ${shortDate(on, 'en')}: `;
  const inWords = described.filter((d) => holds(d, on)).map((d) => `${d.text[u.lang]}${d.note ? ` (${d.note[u.lang]})` : ''}`);
  const list = (isMeeting ? t.participants : t.members)(nm(group.id), joinList([...now.map(withNote), ...inWords], u.lang));
  // Who leaves before the day asked and who joins by then, each once: its note, else its first or last day.
  const changes = [
    ...left.map((m) => `${capitalize(nm(m.ref))}: ${m.note ? m.note[u.lang] : `${u.lang === 'da' ? 'til og med' : 'until'} ${shortDate(m.validUntil!, u.lang)}`}.`),
    ...joined.map((m) => `${capitalize(withNote(m))}: ${u.lang === 'da' ? 'fra' : 'from'} ${shortDate(m.validFrom!, u.lang)}.`),
  ];
  const sources = sourceOf(kb, group.id);
  // A long list of members reads better one per line under a short first line.
  const listed = (headStart: string) => {
    const headline = `${headStart}${lead}${list}`;
    if (headline.length <= 200) return done(rc, 'answer', headline, changes, sources);
    return done(rc, 'answer', `${headStart}${lead}${t.memberCount(nm(group.id), now.length, isMeeting)}`, [...now.map(withNote), ...changes], sources, [], true);
  };
  if (roles.length === 0) return listed('');
  // A role (or a unit) is in the group directly, inside a unit that is, or through a group that is.
  const inGroup = (role: string, members: readonly Member[]) => {
    const e = kb.get(role);
    const unit = e?.kind === 'units' ? role : (e?.item as { unit?: string } | undefined)?.unit;
    return members.some((m) => m.ref === role || (unit !== undefined && !m.note && kb.get(m.ref)?.kind === 'units' && within(kb, unit, m.ref)) || relations.members(m.ref).some((x) => x.ref === role));
  };
  const memberSentence = (who: string) => (isMeeting ? t.takesPartIn(who, nm(group.id)) : t.memberOf(who, nm(group.id)));
  // Every reading of the name asked about counts (one name may be several posts: the generic one and the specific one).
  const member = roles.find((role) => inGroup(role, now));
  if (member) {
    // Its own note says how, when it is short ("efter behov").
    const note = now.find((m) => m.ref === member)?.note?.[u.lang];
    const sentence = memberSentence(name(kb, member, u.lang));
    return done(rc, 'answer', `${t.yes}${lead}${note && note.length <= 40 ? `${sentence.replace(/\.$/, '')} (${note}).` : sentence}`, [list, ...changes], sources);
  }
  // A part of a place that takes part (the staff representatives of a department) may or may not be the role asked.
  const asPartOf = (m: Member) =>
    roles.some((role) => {
      const unit = (kb.get(role)?.item as { unit?: string } | undefined)?.unit;
      return m.note !== undefined && unit !== undefined && kb.get(m.ref)?.kind === 'units' && within(kb, unit, m.ref);
    });
  if (now.some(asPartOf)) return undefined;
  // Listed with dates that do not cover the day asked: what its note says ("til og med 30. april 2027; herefter efter behov").
  const noted = roles.find((role) => group.members.some((m) => m.ref === role && m.note));
  if (noted) {
    const own = group.members.filter((m) => m.ref === noted && m.note);
    return done(rc, 'answer', `${lead}${memberSentence(name(kb, noted, u.lang)).replace(/\.$/, '')}: ${own.map((m) => m.note![u.lang]).join('; ')}.`, [list, ...changes.filter((c) => !c.startsWith(capitalize(nm(noted))))], sources);
  }
  // Listed by name with days that do not cover the day asked ("til og med 31. marts 2027"): no, with those days; members
  // described in words cannot include it then, since the documents name it among the members for other days.
  const outOfDate = roles.find((role) => group.members.some((m) => m.ref === role) && !group.members.some((m) => m.ref === role && holds(m, on)));
  if (outOfDate) {
    const role = name(kb, outOfDate, u.lang);
    const group_ = nm(group.id);
    const days = group.members
      .filter((m) => m.ref === outOfDate)
      .flatMap((m) => [...(m.validFrom !== undefined ? [t.memberFrom(role, group_, shortDate(m.validFrom, u.lang))] : []), ...(m.validUntil !== undefined ? [t.memberUntil(role, group_, shortDate(m.validUntil, u.lang))] : [])]);
    return done(rc, 'answer', `${t.no}${lead}${days.join(' ')}`, [list, ...changes.filter((c) => !c.startsWith(capitalize(nm(outOfDate))))], sources);
  }
  // Not among the members on that day (a role may sit in it through a unit or a group it belongs to, checked above);
  // a place is no member but may be there through its leader, so only roles are answered no.
  if (roles.some((role) => kb.get(role)?.kind !== 'roles') || described.length > 0) return undefined;
  return listed(t.no);
}

/**
 * "Hvornår kommer teamlederen for PU med i dagtilbudsledelsen?", "when does the dagplejeleder leave the sector
 * leadership": asked when, of a role (or a person, through the post they hold) named beside a leadership group whose
 * membership of that role carries dates. The first and last day of the role's membership, with its note.
 */
export function answerMembershipWhen(rc: RelationContext): Answer | undefined {
  const { u, kb } = rc;
  if (!u.askedWhen) return undefined;
  const groupLink = subjectsOf(rc, ['leadershipGroups'])
    .flat()
    .find((l) => l.quality >= 0.9);
  const entry = groupLink ? kb.get(groupLink.id) : undefined;
  if (!groupLink || entry?.kind !== 'leadershipGroups') return undefined;
  const roles = unique(
    subjectsOf(rc, ['roles'], true)
      .flat()
      .filter((l) => l.quality >= 0.9 && (l.start >= groupLink.end || l.end <= groupLink.start))
      .map((l) => l.id),
  );
  const dated = entry.item.members.filter((m) => roles.includes(m.ref) && (m.validFrom !== undefined || m.validUntil !== undefined));
  if (dated.length === 0) return undefined;
  const t = TEXTS[u.lang];
  const group = name(kb, entry.item.id, u.lang, false);
  const lines = dated.map((m) => {
    const role = name(kb, m.ref, u.lang);
    const days = [m.validFrom, m.validUntil].flatMap((d) => (d === undefined ? [] : [shortDate(d, u.lang)]));
    // A note that says the days itself ("til og med 30. april 2027; herefter efter behov") says them in its words.
    if (m.note && days.every((d) => m.note![u.lang].includes(d))) return `${t.memberOf(role, group).replace(/\.$/, '')} (${m.note[u.lang]}).`;
    const said = [
      ...(m.validFrom !== undefined ? [t.memberFrom(role, group, shortDate(m.validFrom, u.lang))] : []),
      ...(m.validUntil !== undefined ? [t.memberUntil(role, group, shortDate(m.validUntil, u.lang))] : []),
    ].join(' ');
    return m.note ? `${said.replace(/\.$/, '')} (${m.note[u.lang]}).` : said;
  });
  return done(rc, 'answer', lines.join(' '), [], sourceOf(kb, entry.item.id));
}
