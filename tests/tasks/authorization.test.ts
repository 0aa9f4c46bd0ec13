import { describe, expect, it } from 'vitest';
import { canChangeTasks } from '../../src/tasks/authorization.js';

describe('canChangeTasks', () => {
  it('lets everyone change tasks when no leaders are configured (local mode)', () => {
    expect(canChangeTasks(undefined, [])).toBe(true);
    expect(canChangeTasks('aad-anyone', [])).toBe(true);
  });

  it.each([
    ['aad-leader', undefined, true],
    ['aad-other', undefined, false],
    [undefined, '29:leader', true],
    ['aad-other', '29:other', false],
    [undefined, undefined, false],
    ['', '', false],
  ])('with leaders configured, aad %j / teams id %j -> %s', (aad, teamsId, allowed) => {
    expect(canChangeTasks(aad, ['aad-leader', '29:leader'], teamsId)).toBe(allowed);
  });

  it('never matches a display name', () => {
    expect(canChangeTasks('Mette Leder', ['aad-leader'])).toBe(false);
  });
});
