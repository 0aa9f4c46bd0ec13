import { describe, expect, it } from 'vitest';
import { createServiceUrlPolicy } from '../../src/teams/service-urls.js';

describe('createServiceUrlPolicy', () => {
  const authenticated = createServiceUrlPolicy({ local: false });
  const local = createServiceUrlPolicy({ local: true });

  it.each([
    'https://smba.trafficmanager.net/emea/',
    'https://smba.trafficmanager.net/teams/',
    'https://smba.trafficmanager.net/amer/v3/conversations/a%3A1/activities',
    'https://webchat.botframework.com/',
    'https://token.botframework.com/api/usertoken',
  ])('allows the connector host %s when authenticated', (url) => {
    expect(authenticated.allows(url)).toBe(true);
  });

  it.each([
    'http://smba.trafficmanager.net/emea/',
    'https://smba.trafficmanager.net:8443/emea/',
    'https://smba.trafficmanager.net.evil.example/',
    'https://evil.trafficmanager.net/',
    'https://user@smba.trafficmanager.net/emea/',
    'https://smba.trafficmanager.net@evil.example/',
    'https://evilbotframework.com/',
    'https://botframework.com.evil.example/',
    'http://127.0.0.1:3978/',
    'http://localhost/',
    'file:///etc/passwd',
    'not a url',
    '',
    42,
    undefined,
  ])('refuses %j when authenticated', (url) => {
    expect(authenticated.allows(url)).toBe(false);
  });

  it.each(['http://127.0.0.1:3978/', 'http://127.10.0.1/', 'http://localhost:56150/_connector', 'http://[::1]:80/', 'https://localhost/'])(
    'allows the loopback URL %s in local mode',
    (url) => {
      expect(local.allows(url)).toBe(true);
    },
  );

  it.each(['https://smba.trafficmanager.net/emea/', 'http://10.0.0.1/', 'http://127.0.0.1.evil.example/', 'http://169.254.169.254/latest/meta-data/', 'ftp://127.0.0.1/'])(
    'refuses %s in local mode',
    (url) => {
      expect(local.allows(url)).toBe(false);
    },
  );

  it('allows extra origins exactly (tests), nothing else on that host', () => {
    const policy = createServiceUrlPolicy({ local: false, extraOrigins: ['http://127.0.0.1:5123'] });
    expect(policy.allows('http://127.0.0.1:5123/v3/conversations')).toBe(true);
    expect(policy.allows('http://127.0.0.1:5124/')).toBe(false);
    expect(policy.description).toContain('http://127.0.0.1:5123');
  });
});
