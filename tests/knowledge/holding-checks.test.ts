import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { KnowledgeError, LoadResult } from '../../src/knowledge/load-knowledge.js';
import { formatKnowledgeError, parseKnowledgeFiles } from '../../src/knowledge/load-knowledge.js';
import { holdingsOn, leaveOn, unitsLedByPerson } from '../../src/knowledge/holdings.js';
import type { Person } from '../../src/knowledge/schemas.js';

/** The Hjortsø fixture's two knowledge files and Fjordby's, as parsed JSON (fresh copies each time). */
type Json = Record<string, any>;
const read = (kb: string, file: string): Json => JSON.parse(readFileSync(fileURLToPath(new URL(`../fixtures/${kb}/${file}`, import.meta.url)), 'utf8')) as Json;
const hjortsoe = () => ({ organisation: read('kb-hjortsoe', 'hjortsoe-organisation.json'), plan: read('kb-hjortsoe', 'hjortsoe-plan.json') });
const fjordby = () => ({ organisation: read('kb-other', 'fjordby-organisation.json'), stillinger: read('kb-other', 'fjordby-stillinger.json') });
const find = (list: Json[], id: string): Json => list.find((x) => x.id === id)!;
const load = (files: Record<string, Json>): LoadResult => parseKnowledgeFiles(Object.entries(files).map(([name, data]) => ({ file: `${name}.json`, text: JSON.stringify(data) })));

function onlyError(files: Record<string, Json>): KnowledgeError {
  const result = load(files);
  if (result.ok) throw new Error('expected the knowledge files to be rejected, but they loaded');
  expect(result.errors.map(formatKnowledgeError)).toHaveLength(1);
  return result.errors[0]!;
}

describe('kb checks of holders in a unit, leaves, figures with a measure, meeting roles and hiring committees', () => {
  it('accepts the fixtures that use them (Hjortsø, Fjordby)', () => {
    for (const files of [hjortsoe(), fjordby()]) {
      const result = load(files);
      expect(result.ok ? [] : result.errors.map(formatKnowledgeError)).toEqual([]);
    }
  });

  it('keeps every new field optional: Hjortsø without them still loads', () => {
    const files = hjortsoe();
    for (const person of files.organisation.people) for (const key of ['unit', 'posts', 'leaves']) delete person[key];
    for (const unit of files.organisation.units) {
      unit.figures = (unit.figures ?? []).filter((f: Json) => f.ofUnits === undefined);
      for (const figure of unit.figures) for (const key of ['unitOfMeasure', 'period']) delete figure[key];
      for (const figure of unit.figures) if (figure.metric === 'amount' || figure.metric === 'absence') figure.metric = 'other';
    }
    for (const meeting of files.plan.meetings) for (const key of ['viceChair', 'secretary']) delete meeting[key];
    for (const posting of files.plan.postings) delete posting.hiringCommittee;
    expect(load(files).ok).toBe(true);
  });

  it("reports a person's unit that the role neither leads nor sits in", () => {
    const files = fjordby();
    find(files.stillinger.people, 'fjb-mette-kjaergaard-holm').unit = 'fjb-udviklingsteam';
    const error = onlyError(files);
    expect(error.file).toBe('stillinger.json');
    expect(error.path).toBe('people[0].unit');
    expect(error.message).toBe(
      'role "fjb-omraadeleder" neither leads unit "fjb-udviklingsteam" (its ledBy) nor sits in it (the role\'s unit) (fix: name the unit the person holds the role in, or add "fjb-omraadeleder" to the ledBy of "fjb-udviklingsteam")',
    );
  });

  it('reports a unit on a person with no role, and a unit that does not exist', () => {
    const files = fjordby();
    delete find(files.stillinger.people, 'fjb-mette-kjaergaard-holm').role;
    expect(onlyError(files).message).toMatch(/^Mette Kjærgaard Holm has a unit but no role \(fix: add "role"/);
    const missing = fjordby();
    find(missing.stillinger.people, 'fjb-mette-kjaergaard-holm').unit = 'fjb-omraade-nor';
    const error = onlyError(missing);
    expect(error.path).toBe('people[0].unit');
    expect(error.message).toMatch(/^no unit with id "fjb-omraade-nor" \(fix: .*did you mean "fjb-omraade-nord"\?\)$/);
  });

  it('reports two posts of one person in the same unit at once', () => {
    const files = fjordby();
    find(files.stillinger.people, 'fjb-mette-kjaergaard-holm').posts = [
      { role: 'fjb-omraadeleder', unit: 'fjb-omraade-syd', validUntil: '2025-12-31' },
      { role: 'fjb-omraadeleder', unit: 'fjb-omraade-syd', validFrom: '2025-06-01', validUntil: '2025-08-31' },
    ];
    const error = onlyError(files);
    expect(error.path).toBe('people[0].posts[1].validFrom');
    expect(error.message).toMatch(/^overlaps posts\[0\], the same post "fjb-omraadeleder" in "fjb-omraade-syd" \(fix: /);
  });

  it('reports a leave whose acting holder does not act in the role meanwhile, with the actingAs to add', () => {
    const files = hjortsoe();
    delete find(files.organisation.people, 'hjs-anders-vium-kjaer').actingAs;
    const error = onlyError(files);
    expect(error.file).toBe('organisation.json');
    expect(error.path).toMatch(/^people\[\d+\]\.leaves\[0\]\.actingHolder$/);
    expect(error.message).toBe(
      'Anders Vium Kjær does not act as "hjs-teamchef-vest" during the leave (fix: add {"role": "hjs-teamchef-vest", "validFrom": "2027-03-01", "validUntil": "2027-08-31"} to the actingAs of "hjs-anders-vium-kjaer")',
    );
  });

  it('reports a leave that ends before it begins, an acting holder who is the person, and an acting holder who is no person', () => {
    const files = hjortsoe();
    find(files.organisation.people, 'hjs-sofie-dalgaard-brix').leaves[0].validUntil = '2027-02-01';
    expect(load(files).ok ? [] : (load(files) as { errors: KnowledgeError[] }).errors.map((e) => e.message)).toContainEqual(expect.stringMatching(/^validUntil \(2027-02-01\) is before validFrom \(2027-03-01\)/));
    const self = hjortsoe();
    find(self.organisation.people, 'hjs-sofie-dalgaard-brix').leaves[0].actingHolder = 'hjs-sofie-dalgaard-brix';
    expect(onlyError(self).message).toMatch(/^Sofie Dalgaard Brix cannot act for themselves \(fix: /);
    const role = hjortsoe();
    find(role.organisation.people, 'hjs-sofie-dalgaard-brix').leaves[0].actingHolder = 'hjs-teamchef-oest';
    expect(onlyError(role).message).toBe('"hjs-teamchef-oest" is a role, but leaves must name a person (fix: point it at a person)');
  });

  it('reports a figure period that ends before it begins, and an amount without its unit of measure', () => {
    const files = hjortsoe();
    const dtk = find(files.organisation.units, 'hjs-dtk');
    dtk.figures.find((f: Json) => f.metric === 'absence').period.until = '2026-09-30';
    const error = onlyError(files);
    expect(error.path).toMatch(/^units\[\d+\]\.figures\[\d+\]\.period\.until$/);
    expect(error.message).toMatch(/^period\.until \(2026-09-30\) is before period\.from \(2026-10-01\) \(fix: /);
    const amount = hjortsoe();
    delete find(amount.organisation.units, 'hjs-team-midt').figures.find((f: Json) => f.metric === 'amount').unitOfMeasure;
    expect(onlyError(amount).message).toMatch(/^an amount needs its unit of measure \(fix: add "unitOfMeasure"/);
  });

  it('reports a figure of several units stated on a unit that is not above them all, naming their common parent', () => {
    const files = hjortsoe();
    const dtk = find(files.organisation.units, 'hjs-dtk');
    const grant = dtk.figures.find((f: Json) => f.ofUnits !== undefined);
    dtk.figures = dtk.figures.filter((f: Json) => f !== grant);
    find(files.organisation.units, 'hjs-team-vest').figures.push(grant);
    const error = onlyError(files);
    expect(error.path).toMatch(/^units\[\d+\]\.figures\[\d+\]\.ofUnits$/);
    expect(error.message).toBe('is stated on "hjs-team-vest", which is neither one of these units nor above all of them (fix: state the figure on their common parent "hjs-dtk")');
    const dangling = hjortsoe();
    find(dangling.organisation.units, 'hjs-dtk').figures.find((f: Json) => f.ofUnits !== undefined).ofUnits[1] = 'hjs-bc-haselbo';
    const missing = onlyError(dangling);
    expect(missing.path).toMatch(/^units\[\d+\]\.figures\[\d+\]\.ofUnits\[1\]$/);
    expect(missing.message).toMatch(/^no unit with id "hjs-bc-haselbo" \(fix: .*did you mean "hjs-bc-hasselbo"\?\)$/);
  });

  it('reports a vice-chair or secretary who is the chair, and one that does not exist', () => {
    const files = hjortsoe();
    find(files.plan.meetings, 'hjs-dt-med').viceChair = 'hjs-kontorchef';
    expect(onlyError(files).message).toMatch(/^"hjs-kontorchef" is both chair and vice-chair \(fix: /);
    const secretary = hjortsoe();
    find(secretary.plan.meetings, 'hjs-kontorledelsesmoede').secretary = 'hjs-driftslede';
    const error = onlyError(secretary);
    expect(error.path).toMatch(/^meetings\[\d+\]\.secretary$/);
    expect(error.message).toMatch(/^no role or person with id "hjs-driftslede" \(fix: .*did you mean "hjs-driftsleder"\?\)$/);
  });

  it('reports a hiring committee that names no one, and a member that does not exist', () => {
    const files = hjortsoe();
    const committee = find(files.plan.postings, 'hjs-stilling-teamchef-midt').hiringCommittee;
    committee.members = [];
    delete committee.otherMembers;
    expect(onlyError(files).message).toMatch(/^names no member \(fix: /);
    const dangling = hjortsoe();
    find(dangling.plan.postings, 'hjs-stilling-teamchef-midt').hiringCommittee.members[0].ref = 'hjs-kontorchf';
    const error = onlyError(dangling);
    expect(error.path).toBe('postings[0].hiringCommittee.members[0].ref');
    expect(error.message).toMatch(/did you mean "hjs-kontorchef"\?\)$/);
  });
});

describe('holdings', () => {
  const person = (extra: Partial<Person>): Person =>
    ({ id: 'p', name: 'P', title: { da: 'leder', en: 'leader' }, contactFor: [], source: { doc: 'd', quote: 'quote' }, ...extra }) as Person;
  const ledBy = (role: string) => (role === 'area-leader' ? ['north', 'south'] : []);

  it("gives the units a person leads through a shared role: the holder's own unit, else every unit of the role", () => {
    expect(unitsLedByPerson(person({ role: 'area-leader', unit: 'north' }), ledBy)).toEqual(['north']);
    expect(unitsLedByPerson(person({ role: 'area-leader' }), ledBy)).toEqual(['north', 'south']);
  });

  it('follows posts over time and acting posts on the day asked about', () => {
    const p = person({ role: 'area-leader', unit: 'north', validFrom: '2027-01-01', posts: [{ role: 'area-leader', unit: 'south', validUntil: '2026-12-31' }] });
    expect(unitsLedByPerson(p, ledBy, '2026-06-01')).toEqual(['south']);
    expect(unitsLedByPerson(p, ledBy, '2027-06-01')).toEqual(['north']);
    const acting = person({ role: 'head', actingAs: [{ role: 'area-leader', validFrom: '2027-03-01', validUntil: '2027-08-31' }] });
    expect(holdingsOn(acting, '2027-04-01').map((h) => [h.role, h.acting])).toEqual([['head', false], ['area-leader', true]]);
    expect(holdingsOn(acting, '2027-09-01').map((h) => h.role)).toEqual(['head']);
  });

  it('keeps the role through a leave and tells when the person is on leave', () => {
    const p = person({ role: 'head', leaves: [{ kind: 'leave', validFrom: '2027-03-01', validUntil: '2027-08-31', actingHolder: 'q' }] });
    expect(leaveOn(p, '2027-05-01')?.actingHolder).toBe('q');
    expect(leaveOn(p, '2027-09-01')).toBeUndefined();
    expect(holdingsOn(p, '2027-05-01').map((h) => h.role)).toEqual(['head']);
  });
});
