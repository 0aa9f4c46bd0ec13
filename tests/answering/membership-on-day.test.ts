/**
 * Who is in a leadership group on a day ("after May 2027", "efter omlægningen"), and whether a role is in it, asked
 * yes or no, in both languages on several knowledge bases. The expected members and notes are read from the data.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderAnswerText } from '../../src/answering/index.js';
import { loadAnswerers, type Loaded } from '../helpers/answerers.js';

const NOW = new Date('2026-11-30T09:00:00Z');
const HAVBJERG = 'tests/fixtures/kb-havbjerg';
const RAVNSHOLT = 'tests/fixtures/kb-ravnsholt';
const HVIDMOSE = 'tests/fixtures/kb-hvidmose';
const FJORDBY = 'tests/fixtures/kb-other';
const BAKKEKAER = 'tests/fixtures/kb-bakkekaer';
let loaded: Map<string, Loaded>;

beforeAll(async () => {
  loaded = await loadAnswerers([HAVBJERG, RAVNSHOLT, HVIDMOSE, FJORDBY, BAKKEKAER], NOW);
});

const ask = (dir: string, q: string) => {
  const answer = loaded.get(dir)!.answerer.answer(q);
  return { answer, text: renderAnswerText(answer, { details: true }).toLowerCase() };
};
const group = (dir: string, id: string) => loaded.get(dir)!.data.leadershipGroups.find((g) => g.id === id)!;
/** A member whose dates end before the day asked, and the note that says what then. */
const leaving = (dir: string, groupId: string) => group(dir, groupId).members.find((m) => m.validUntil !== undefined && m.note !== undefined)!;

describe('a leadership group on a later day: the members then, and what the note of one who leaves says', () => {
  it.each([
    { dir: HAVBJERG, groupId: 'hbj-chefgruppen', q: 'who is in chefgruppen after may 2027', lang: 'en' as const },
    { dir: HAVBJERG, groupId: 'hbj-chefgruppen', q: 'hvem sidder i chefgruppen efter 1. maj 2027', lang: 'da' as const },
    { dir: RAVNSHOLT, groupId: 'rvs-sektorledelsen', q: 'who are the members of the sector management group after the reorganisation', lang: 'en' as const },
    { dir: RAVNSHOLT, groupId: 'rvs-sektorledelsen', q: 'hvem er med i sektorledelsen fra juni 2027', lang: 'da' as const },
  ])('$q ($dir)', ({ dir, groupId, q, lang }) => {
    const member = leaving(dir, groupId);
    const { answer, text } = ask(dir, q);
    expect(answer.kind, q).toBe('answer');
    expect(text, q).toContain(member.note![lang].toLowerCase());
    // The one who leaves is not listed among the members in the first line.
    const still = group(dir, groupId).members.filter((m) => m.validUntil === undefined);
    expect(still.length).toBeGreaterThan(0);
    expect(answer.headline, q).not.toContain(member.note![lang]);
  });

  it.each([
    { dir: RAVNSHOLT, groupId: 'rvs-sektorledelsen', q: 'is the dagplejeafdelingsleder still in sektorledelsen after may 2027', lang: 'en' as const },
    { dir: RAVNSHOLT, groupId: 'rvs-sektorledelsen', q: 'er dagplejeafdelingslederen stadig med i sektorledelsen efter omlægningen', lang: 'da' as const },
    { dir: HAVBJERG, groupId: 'hbj-chefgruppen', q: 'er dagplejechefen med i chefgruppen efter 1. maj 2027', lang: 'da' as const },
  ])('$q: the note of the role asked about leads ($dir)', ({ dir, groupId, q, lang }) => {
    const member = leaving(dir, groupId);
    const { answer } = ask(dir, q);
    expect(answer.kind, q).toBe('answer');
    expect(answer.headline, q).toContain(member.note![lang]);
  });

  it('a member who joins later is not in the group today, and is from the day asked', () => {
    const slg = group(HVIDMOSE, 'hvm-strategisk-ledergruppe');
    const joining = slg.members.find((m) => m.validFrom !== undefined && m.validFrom > '2026-11-30')!;
    expect(joining).toBeDefined();
    const role = loaded.get(HVIDMOSE)!.data.roles.find((r) => r.id === joining.ref)!;
    const later = ask(HVIDMOSE, 'hvem er medlem af den strategiske ledergruppe fra august 2027');
    expect(later.answer.headline).toContain(role.name);
  });
});

describe('a role asked yes or no beside a group', () => {
  it.each([
    { dir: BAKKEKAER, q: 'is the dagplejeleder in the leadership team', yes: 'Yes.' },
    { dir: RAVNSHOLT, q: 'is the videnscenterleder in sektorledelsen', yes: 'Yes.' },
    { dir: HVIDMOSE, q: 'is the udviklingschef a member of the strategic leadership group', yes: 'Yes.' },
    { dir: FJORDBY, q: 'is the development team part of the dagtilbudsledelse', yes: 'Yes.' },
  ])('$q: yes ($dir)', ({ dir, q, yes }) => {
    const { answer } = ask(dir, q);
    expect(answer.kind, q).toBe('answer');
    expect(answer.headline.startsWith(yes), answer.headline).toBe(true);
  });

  it.each([
    { dir: FJORDBY, q: 'er institutionslederne med i dagtilbudsledelsen', groupId: 'fjb-dagtilbudsledelsen' },
    { dir: BAKKEKAER, q: 'er souschefen med i småbørnsledelsen', groupId: 'bkk-smaaboernsledelsen' },
    { dir: HVIDMOSE, q: 'sidder husleder i den strategiske ledergruppe', groupId: 'hvm-strategisk-ledergruppe' },
  ])('$q: no, with the members ($dir)', ({ dir, q, groupId }) => {
    const { answer } = ask(dir, q);
    expect(answer.kind, q).toBe('answer');
    expect(answer.headline.startsWith('Nej.'), answer.headline).toBe(true);
    const d = loaded.get(dir)!.data;
    const first = group(dir, groupId).members.find((m) => m.validFrom === undefined)!;
    const item = [...d.roles, ...d.units].find((x) => x.id === first.ref)!;
    expect(renderAnswerText(answer, { details: true })).toContain(item.name);
  });

  it('a place beside a group is never answered no (it may sit there through its leader)', () => {
    const { answer } = ask(FJORDBY, 'er område nord med i områdeledelsen');
    expect(answer.headline.startsWith('Nej.')).toBe(false);
  });
});

describe('a role named right beside a place is the post made specific for that place', () => {
  const SOLVANG = 'tests/fixtures/kb-solvang';
  let solvang: Map<string, Loaded>;
  beforeAll(async () => {
    solvang = await loadAnswerers([SOLVANG, HAVBJERG], NOW);
  });
  it.each([
    { dir: SOLVANG, q: 'who will the new huschef in kastanjen report to', role: 'slv-huschef-kastanjen' },
    { dir: SOLVANG, q: 'hvem refererer huschefen i kastanjen til', role: 'slv-huschef-kastanjen' },
    { dir: SOLVANG, q: 'show the chain of command above the kastanjen huschef', role: 'slv-huschef-kastanjen' },
    { dir: HAVBJERG, q: 'chain of command above the daglig leder in rævehøj', role: 'hbj-daglig-leder-raevehoej' },
  ])('$q ($dir)', ({ dir, q, role }) => {
    const { data, answerer } = solvang.get(dir)!;
    const specific = data.roles.find((r) => r.id === role)!;
    const boss = data.roles.find((r) => r.id === specific.reportsTo[0] || data.reportingLines.some((l) => l.from === role && l.to === r.id))!;
    expect(boss).toBeDefined();
    const answer = answerer.answer(q);
    expect(answer.kind, q).toBe('answer');
    expect(answer.headline, q).toContain(boss.name);
  });
});

describe('a role asked yes or no beside a meeting', () => {
  it.each([
    { dir: BAKKEKAER, q: 'does peter bisgaard go to LUF', start: 'No.' },
    { dir: FJORDBY, q: 'deltager udviklingskonsulenterne i ledelsesforum', start: 'Nej.' },
    { dir: HVIDMOSE, q: 'deltager souscheferne i ledermødet', start: 'Nej.' },
    { dir: FJORDBY, q: 'er institutionslederne med til ledelsesforum', start: 'Ja.' },
    { dir: BAKKEKAER, q: 'does the børnehusleder go to områdeforum', start: 'Yes.' },
    { dir: HAVBJERG, q: 'er dagplejechefen med i fag-med', start: 'Ja.' },
  ])('$q ($dir)', ({ dir, q, start }) => {
    const { answer } = ask(dir, q);
    expect(answer.kind, q).toBe('answer');
    expect(answer.headline.startsWith(start), answer.headline).toBe(true);
  });

  it("a participant's own note says how it takes part ('efter behov')", () => {
    const meeting = loaded.get(HAVBJERG)!.data.meetings.find((m) => m.id === 'hbj-lp-netvaerk')!;
    const part = meeting.participants.find((p) => typeof p !== 'string' && p.ref === 'hbj-sprogkonsulent');
    expect(part && typeof part !== 'string' && part.note).toBeTruthy();
    const { answer } = ask(HAVBJERG, 'deltager sprogkonsulenterne i LP-netværket');
    expect(answer.headline.startsWith('Ja.')).toBe(true);
    expect(answer.headline).toContain((part as { note: { da: string } }).note.da);
  });

  it('a role that may be among the staff representatives of a participating department is answered neither yes nor no', () => {
    const { answer } = ask(HAVBJERG, 'sidder ledende pædagoger i fag-med');
    expect(answer.headline.startsWith('Ja.')).toBe(false);
    expect(answer.headline.startsWith('Nej.')).toBe(false);
  });
});
