import { describe, expect, it } from 'vitest';
import { botFrameworkAuthOptions, isAuthenticationOutage, screenAuthorizationHeader } from '../../src/teams/auth.js';

const NOW = Date.UTC(2026, 10, 25, 9, 0, 0);
const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const token = (header: Record<string, unknown>, claims: Record<string, unknown>, signature = 'c2ln') => `Bearer ${part(header)}.${part(claims)}.${signature}`;
const seconds = NOW / 1000;
const good = { alg: 'RS256', kid: 'k1', typ: 'JWT' };

describe('screenAuthorizationHeader', () => {
  it('lets a well-formed, current RS256 token through to the real validation', () => {
    expect(screenAuthorizationHeader(token(good, { exp: seconds + 600 }), NOW)).toEqual({ ok: true });
    // Within botbuilder's five minutes of clock tolerance.
    expect(screenAuthorizationHeader(token(good, { exp: seconds - 200, nbf: seconds + 200 }), NOW)).toEqual({ ok: true });
  });

  it.each([
    ['', 'no Authorization header'],
    ['Basic dXNlcjpwYXNz', 'not a Bearer token'],
    ['bearer a.b.c', 'not a Bearer token'],
    ['Bearer abc', 'not a signed JWT'],
    [token({ alg: 'none', kid: 'k1' }, { exp: seconds + 600 }, ''), 'not a signed JWT'],
    [token({ alg: 'none', kid: 'k1' }, { exp: seconds + 600 }), 'signing algorithm none not allowed'],
    [token({ alg: 'HS256', kid: 'k1' }, { exp: seconds + 600 }), 'signing algorithm HS256 not allowed'],
    [token({ alg: 'RS256' }, { exp: seconds + 600 }), 'no key id'],
    [token(good, {}), 'no expiry'],
    [token(good, { exp: seconds - 301 }), 'token expired'],
    [token(good, { exp: seconds + 9_000, nbf: seconds + 301 }), 'token not yet valid'],
    [`Bearer ${part('x')}.${part([1])}.c2ln`, 'not a JWT'],
    [`Bearer ${'a'.repeat(20_000)}.b.c`, 'Authorization header too long'],
  ])('refuses %j: %s', (header, reason) => {
    expect(screenAuthorizationHeader(header, NOW)).toEqual({ ok: false, reason });
  });
});

describe('botFrameworkAuthOptions', () => {
  const credentials = { appId: 'app-1', appType: 'SingleTenant' as const, appPassword: 'secret', tenantId: 'tenant-1' };

  it('passes the credentials and keeps the public-cloud endpoints unless overridden', () => {
    expect(botFrameworkAuthOptions(undefined)).toEqual({});
    expect(botFrameworkAuthOptions(credentials)).toEqual({ MicrosoftAppId: 'app-1', MicrosoftAppType: 'SingleTenant', MicrosoftAppPassword: 'secret', MicrosoftAppTenantId: 'tenant-1' });
  });

  it('replaces only the metadata URLs when tests override them', () => {
    const options = botFrameworkAuthOptions(credentials, { openIdMetadataUrl: 'http://127.0.0.1:1/meta' });
    expect(options).toMatchObject({
      ToBotFromChannelOpenIdMetadataUrl: 'http://127.0.0.1:1/meta',
      ToBotFromEmulatorOpenIdMetadataUrl: 'http://127.0.0.1:1/meta',
      ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
      ToChannelFromBotOAuthScope: 'https://api.botframework.com',
    });
  });
});

describe('isAuthenticationOutage', () => {
  it.each([
    [{ statusCode: 500, message: 'Failed to load openID config: 500' }, true],
    [{ name: 'FetchError', code: 'ECONNREFUSED' }, true],
    [{ statusCode: 401, message: 'Unauthorized. Invalid AppId passed on token' }, false],
    [{ name: 'JsonWebTokenError', message: 'invalid signature' }, false],
    [undefined, false],
  ])('%j -> %s', (error, expected) => {
    expect(isAuthenticationOutage(error)).toBe(expected);
  });
});
