import { describe, expect, it } from 'vitest';
import { describeFailure, failureOf } from '../../src/teams/proactive.js';

describe('failureOf', () => {
  it.each([
    [403, 'gone'],
    [404, 'gone'],
    [429, 'throttled'],
    [0, 'transient'],
    [408, 'transient'],
    [412, 'transient'],
    [500, 'transient'],
    [502, 'transient'],
    [503, 'transient'],
    [504, 'transient'],
    [400, 'rejected'],
    [413, 'rejected'],
  ] as const)('maps connector status %i to %s', (status, failure) => {
    expect(failureOf(status)).toBe(failure);
  });
});

describe('describeFailure', () => {
  it('reads the status and Retry-After of a connector error', () => {
    const error = { statusCode: 429, message: 'Too many requests', response: { status: 429, headers: { get: (name: string) => (name === 'retry-after' ? '2' : undefined) } } };
    expect(describeFailure(error)).toEqual({ ok: false, failure: 'throttled', status: 429, retryAfterMs: 2_000, error: 'Too many requests' });
  });

  it('takes an error without a status for a failed connection', () => {
    expect(describeFailure(new Error('ECONNREFUSED'))).toMatchObject({ ok: false, failure: 'transient', status: 0 });
  });
});
