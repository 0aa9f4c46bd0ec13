import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/env.js';

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('has safe local defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3978,
      host: '127.0.0.1',
      knowledgeDir: 'data',
      stateDir: './.state',
      leaderIds: [],
      editorIds: [],
      gapRetentionDays: 90,
      allowedTenantIds: [],
      reminderDaysBefore: [7, 1, 0],
      reminderCron: '0 8 * * 1-5',
      digestCron: '0 9 * * 1',
      reminderGraceHours: 24,
      timeZone: 'Europe/Copenhagen',
      logLevel: 'info',
      nodeEnv: 'development',
    });
    expect(config.credentials).toBeUndefined();
  });

  it('uses the files unless DATABASE_URL names a PostgreSQL database', () => {
    expect(loadConfig({})).toMatchObject({ databasePoolMax: 5, scheduleLeaseSeconds: 15 });
    expect(loadConfig({}).databaseUrl).toBeUndefined();
    expect(loadConfig({ DATABASE_URL: ' ' }).databaseUrl).toBeUndefined();
    const url = 'postgres://bot:s3cret@db.example.org:5432/bot?sslmode=require';
    expect(loadConfig({ DATABASE_URL: url, DATABASE_POOL_MAX: '8', SCHEDULE_LEASE_SECONDS: '30' })).toMatchObject({ databaseUrl: url, databasePoolMax: 8, scheduleLeaseSeconds: 30 });
    expect(loadConfig({ DATABASE_URL: 'postgresql://localhost/bot' }).databaseUrl).toBe('postgresql://localhost/bot');
  });

  it('rejects a database URL that is not PostgreSQL without echoing it (it carries the password)', () => {
    const problems = problemsOf({ DATABASE_URL: 'mysql://bot:s3cret@db/bot', DATABASE_POOL_MAX: '1', SCHEDULE_LEASE_SECONDS: 'soon' });
    expect(problems.map((problem) => problem.split(':')[0])).toEqual(['DATABASE_URL', 'DATABASE_POOL_MAX', 'SCHEDULE_LEASE_SECONDS']);
    expect(problems.join('\n')).not.toContain('s3cret');
  });

  it('reads lists, numbers and treats empty strings as unset', () => {
    const config = loadConfig({
      PORT: '0',
      LEADER_IDS: ' aad-1, aad-2 ,,',
      ALLOWED_TENANT_IDS: 'tenant-a',
      REMINDER_DAYS_BEFORE: '1, 14,0,1',
      REMINDER_GRACE_HOURS: '6',
      EDITOR_IDS: 'aad-9 ,',
      GAP_RETENTION_DAYS: '30',
      MicrosoftAppId: '',
      HOST: '',
    });
    expect(config.port).toBe(0);
    expect(config.host).toBe('127.0.0.1');
    expect(config.leaderIds).toEqual(['aad-1', 'aad-2']);
    expect(config.allowedTenantIds).toEqual(['tenant-a']);
    expect(config.reminderDaysBefore).toEqual([14, 1, 0]);
    expect(config.reminderGraceHours).toBe(6);
    expect(config.editorIds).toEqual(['aad-9']);
    expect(config.gapRetentionDays).toBe(30);
  });

  it('refuses a gap retention that is not a positive whole number of days', () => {
    expect(problemsOf({ GAP_RETENTION_DAYS: '0' }).join('\n')).toMatch(/GAP_RETENTION_DAYS/);
    expect(problemsOf({ GAP_RETENTION_DAYS: 'ninety' }).join('\n')).toMatch(/GAP_RETENTION_DAYS/);
  });

  it('defaults to SingleTenant when an app id is set, and listens on all interfaces', () => {
    const config = loadConfig({ MicrosoftAppId: 'app-1', MicrosoftAppPassword: 'secret', MicrosoftAppTenantId: 'tenant-1' });
    expect(config.credentials).toEqual({ appId: 'app-1', appType: 'SingleTenant', appPassword: 'secret', tenantId: 'tenant-1' });
    expect(config.host).toBe('0.0.0.0');
  });

  it.each([
    { env: { MicrosoftAppType: 'SingleTenant' }, expected: ['tenant-1'] },
    { env: { MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppPassword: '' }, expected: ['tenant-1'] },
    { env: { MicrosoftAppType: 'SingleTenant', ALLOWED_TENANT_IDS: 'tenant-2,tenant-3' }, expected: ['tenant-2', 'tenant-3'] },
    { env: { MicrosoftAppType: 'MultiTenant' }, expected: [] },
  ])('serves only the bot tenant by default for a single-tenant bot ($env.MicrosoftAppType)', ({ env, expected }) => {
    const config = loadConfig({ MicrosoftAppId: 'app-1', MicrosoftAppPassword: 'secret', MicrosoftAppTenantId: 'tenant-1', ...env });
    expect(config.allowedTenantIds).toEqual(expected);
  });

  it('accepts a user-assigned managed identity without a password', () => {
    const config = loadConfig({ MicrosoftAppId: 'app-1', MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: 'tenant-1', NODE_ENV: 'production' });
    expect(config.credentials).toEqual({ appId: 'app-1', appType: 'UserAssignedMSI', tenantId: 'tenant-1' });
  });

  it('refuses production without MicrosoftAppId, saying why', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^MicrosoftAppId: is required when NODE_ENV=production; without it the bot accepts unauthenticated requests/);
  });

  it('reports a missing app id in production together with other problems', () => {
    const problems = problemsOf({ NODE_ENV: 'production', PORT: 'x' });
    expect(problems.map((problem) => problem.split(':')[0])).toEqual(['PORT', 'MicrosoftAppId']);
  });

  it('lists every bad variable at once, naming each', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      MicrosoftAppType: 'Sometimes',
      REMINDER_DAYS_BEFORE: '7,one',
      REMINDER_CRON: '61 8 * * *',
      DIGEST_CRON: 'every monday',
      REMINDER_GRACE_HOURS: '-1',
      TZ: 'Europe/Aarhus',
      LOG_LEVEL: 'loud',
      NODE_ENV: 'staging',
    });
    const names = problems.map((problem) => problem.split(':')[0]);
    expect(names).toEqual(
      expect.arrayContaining(['PORT', 'MicrosoftAppType', 'REMINDER_DAYS_BEFORE', 'REMINDER_CRON', 'DIGEST_CRON', 'REMINDER_GRACE_HOURS', 'TZ', 'LOG_LEVEL', 'NODE_ENV']),
    );
    expect(problems.find((p) => p.startsWith('TZ'))).toContain('(got "Europe/Aarhus")');
    expect(problems.find((p) => p.startsWith('REMINDER_CRON'))).toMatch(/not a valid cron pattern/);
  });

  it('explains what a SingleTenant bot is missing, and never echoes the password', () => {
    const problems = problemsOf({ MicrosoftAppId: 'app-1' });
    expect(problems).toEqual([
      'MicrosoftAppPassword: is required when MicrosoftAppType=SingleTenant (the default when MicrosoftAppId is set)',
      'MicrosoftAppTenantId: is required when MicrosoftAppType=SingleTenant (the default when MicrosoftAppId is set)',
    ]);
    const msi = problemsOf({ MicrosoftAppId: 'app-1', MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: 't', MicrosoftAppPassword: 'hunter2' });
    expect(msi.join('\n')).toContain('MicrosoftAppPassword: must not be set when MicrosoftAppType=UserAssignedMSI');
    expect(msi.join('\n')).not.toContain('hunter2');
  });

  it('flags credentials given without an app id', () => {
    expect(problemsOf({ MicrosoftAppPassword: 'x' })).toEqual(['MicrosoftAppPassword: is set but MicrosoftAppId is not; set MicrosoftAppId too, or unset MicrosoftAppPassword']);
  });

  it('warns about an unauthenticated bot reachable from the network', () => {
    expect(loadConfig({ HOST: '0.0.0.0' }).warnings.join('\n')).toMatch(/unauthenticated requests from the network/);
    expect(loadConfig({ HOST: '127.0.0.1' }).warnings).toEqual([]);
  });
});

describe('loadConfig: state loss and proactive delivery', () => {
  it('defaults to refusing a state loss, a 5 s send timeout and 45 sends per second', () => {
    expect(loadConfig({})).toMatchObject({ acceptStateLoss: false, sendTimeoutMs: 5_000, deliveryRatePerSecond: 45 });
  });

  it.each([
    ['1', true],
    ['true', true],
    ['0', false],
  ])('reads ACCEPT_STATE_LOSS=%s, warning while it is set', (value, accepted) => {
    const config = loadConfig({ ACCEPT_STATE_LOSS: value });
    expect(config.acceptStateLoss).toBe(accepted);
    expect(config.warnings.some((warning) => warning.startsWith('ACCEPT_STATE_LOSS is set'))).toBe(accepted);
  });

  it('names bad delivery settings', () => {
    expect(problemsOf({ ACCEPT_STATE_LOSS: 'yes', SEND_TIMEOUT_MS: '10', DELIVERY_RATE_PER_SECOND: '0' })).toEqual([
      'ACCEPT_STATE_LOSS: must be 1 (accept) or 0 (got "yes")',
      'SEND_TIMEOUT_MS: must be at least 100 (got "10")',
      'DELIVERY_RATE_PER_SECOND: must be at least 1 (got "0")',
    ]);
  });
});
