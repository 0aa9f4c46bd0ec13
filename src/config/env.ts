/**
 * The bot's configuration: the only module that reads environment variables.
 *
 * Empty strings count as unset (an `.env` line `MicrosoftAppId=` means "no id"). Every problem is
 * collected and reported at once, naming the variable and the fix.
 */
import { Cron } from 'croner';
import { z } from 'zod/v4';

/** How the bot authenticates to the Bot Framework. */
export const APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;
export type AppType = (typeof APP_TYPES)[number];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Bot Framework credentials; absent in local mode. */
export interface BotCredentials {
  readonly appId: string;
  readonly appType: AppType;
  /** Absent for UserAssignedMSI. */
  readonly appPassword?: string;
  /** Required for SingleTenant and UserAssignedMSI. */
  readonly tenantId?: string;
}

/** The validated configuration. */
export interface Config {
  readonly port: number;
  readonly host: string;
  /** Undefined in local mode: requests are then accepted without a token (never in production). */
  readonly credentials?: BotCredentials;
  readonly knowledgeDir: string;
  readonly stateDir: string;
  /**
   * PostgreSQL connection string (`postgres://user:password@host:5432/db?sslmode=require`): every store lives there and
   * any number of instances can share it. Unset: lowdb files in `stateDir` (one instance).
   */
  readonly databaseUrl?: string;
  /** Connections per instance in the PostgreSQL pool. */
  readonly databasePoolMax: number;
  /** How long an instance holds the schedule (reminders, digest, outbox) without renewing, in seconds. */
  readonly scheduleLeaseSeconds: number;
  /** AAD object ids (or Teams user ids) of the leadership team. */
  readonly leaderIds: readonly string[];
  /** AAD object ids (or Teams user ids) of the knowledge-base editors, who read the gap log; empty: the leaders. */
  readonly editorIds: readonly string[];
  /** Days a logged knowledge gap is kept before it is pruned. */
  readonly gapRetentionDays: number;
  /**
   * Tenants whose activities are served; empty means any tenant. Defaults to the bot's own tenant for a
   * SingleTenant or managed-identity bot (ALLOWED_TENANT_IDS unset).
   */
  readonly allowedTenantIds: readonly string[];
  /** Days before a deadline on which a reminder goes out, e.g. [7, 1, 0]. */
  readonly reminderDaysBefore: readonly number[];
  readonly reminderCron: string;
  readonly digestCron: string;
  /** How late a missed reminder may still be sent, in hours. */
  readonly reminderGraceHours: number;
  /** Start even when confirmed state was lost (the operator acknowledged it); `/healthz` then says `degraded`. */
  readonly acceptStateLoss: boolean;
  /** How long one proactive send may take before it counts as failed and is retried later. */
  readonly sendTimeoutMs: number;
  /** Proactive messages per second for the whole bot (Teams allows about 50 per tenant). */
  readonly deliveryRatePerSecond: number;
  readonly timeZone: string;
  readonly logLevel: LogLevel;
  readonly nodeEnv: 'development' | 'production' | 'test';
  /**
   * The bot's public HTTPS origin (PUBLIC_BASE_URL, no trailing slash), for links it hands out: calendar feeds
   * and chart images. Undefined: the address it listens on (local use only).
   */
  readonly publicBaseUrl?: string;
  /** Things that are allowed but worth a log line at start-up. */
  readonly warnings: readonly string[];
}

/** Thrown when the environment cannot be turned into a {@link Config}; the message lists every problem. */
export class ConfigError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

const optionalText = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() === '' ? undefined : typeof value === 'string' ? value.trim() : value),
  z.string().optional(),
);

const list = z.preprocess(
  (value) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((part) => part.trim())
          .filter((part) => part !== '')
      : value,
  z.array(z.string()),
);

function withDefault<T extends z.ZodType>(schema: T, fallback: string) {
  return z.preprocess((value) => (value === undefined || (typeof value === 'string' && value.trim() === '') ? fallback : value), schema);
}

const cronPattern = z.string().superRefine((value, ctx) => {
  try {
    new Cron(value, { paused: true }).stop();
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: `is not a valid cron pattern (${(error as Error).message}); e.g. "0 8 * * 1-5"` });
  }
});

const timeZone = z.string().superRefine((value, ctx) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
  } catch {
    ctx.addIssue({ code: 'custom', message: `is not an IANA time zone; e.g. "Europe/Copenhagen"` });
  }
});

const EnvSchema = z.object({
  PORT: withDefault(
    z.coerce.number({ message: 'must be a port number' }).int('must be a whole number').min(0).max(65535, 'must be at most 65535'),
    '3978',
  ),
  HOST: optionalText,
  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppType: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    z.enum(APP_TYPES, { message: `must be one of ${APP_TYPES.join(', ')}` }).optional(),
  ),
  MicrosoftAppTenantId: optionalText,
  KNOWLEDGE_DIR: withDefault(z.string(), 'data'),
  STATE_DIR: withDefault(z.string(), './.state'),
  DATABASE_URL: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : typeof value === 'string' ? value.trim() : value),
    z
      .string()
      .regex(/^postgres(ql)?:\/\/[^\s]+$/, 'must be a PostgreSQL URL, e.g. "postgres://bot:secret@db.example.org:5432/bot?sslmode=require"')
      .optional(),
  ),
  DATABASE_POOL_MAX: withDefault(z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(2, 'must be at least 2').max(100, 'must be at most 100'), '5'),
  SCHEDULE_LEASE_SECONDS: withDefault(
    z.coerce.number({ message: 'must be a number of seconds' }).int('must be a whole number').min(3, 'must be at least 3').max(600, 'must be at most 600'),
    '15',
  ),
  LEADER_IDS: withDefault(list, ''),
  EDITOR_IDS: withDefault(list, ''),
  GAP_RETENTION_DAYS: withDefault(
    z.coerce.number({ message: 'must be a number of days' }).int('must be a whole number of days').min(1, 'must be at least 1').max(3650, 'must be at most 3650'),
    '90',
  ),
  ALLOWED_TENANT_IDS: withDefault(list, ''),
  REMINDER_DAYS_BEFORE: withDefault(
    z.preprocess(
      (value) => (typeof value === 'string' ? value.split(',').map((part) => part.trim()).filter((part) => part !== '') : value),
      z
        .array(z.string().regex(/^\d{1,3}$/, 'must be a comma-separated list of whole days, e.g. "7,1,0"'))
        .min(1, 'must list at least one day, e.g. "7,1,0"'),
    ),
    '7,1,0',
  ),
  REMINDER_CRON: withDefault(cronPattern, '0 8 * * 1-5'),
  DIGEST_CRON: withDefault(cronPattern, '0 9 * * 1'),
  REMINDER_GRACE_HOURS: withDefault(
    z.coerce.number({ message: 'must be a number of hours' }).min(0, 'must not be negative').max(24 * 14, 'must be at most 336 (two weeks)'),
    '24',
  ),
  ACCEPT_STATE_LOSS: withDefault(z.enum(['0', '1', 'false', 'true'], { message: 'must be 1 (accept) or 0' }), '0'),
  SEND_TIMEOUT_MS: withDefault(
    z.coerce.number({ message: 'must be a number of milliseconds' }).int('must be a whole number').min(100, 'must be at least 100').max(120_000, 'must be at most 120000'),
    '5000',
  ),
  DELIVERY_RATE_PER_SECOND: withDefault(
    z.coerce.number({ message: 'must be a number of messages per second' }).min(1, 'must be at least 1').max(1_000, 'must be at most 1000'),
    '45',
  ),
  TZ: withDefault(timeZone, 'Europe/Copenhagen'),
  LOG_LEVEL: withDefault(z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` }), 'info'),
  PUBLIC_BASE_URL: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : typeof value === 'string' ? value.trim().replace(/\/+$/, '') : value),
    z
      .string()
      .url('must be a URL, e.g. "https://bot.example.dk"')
      .refine((value) => /^https?:\/\/[^/?#]+(?:\/[^?#]*)?$/.test(value), 'must be an http(s) URL without query or fragment, e.g. "https://bot.example.dk"')
      .optional(),
  ),
  NODE_ENV: withDefault(
    z.enum(['development', 'production', 'test'], { message: 'must be development, production or test' }),
    'development',
  ),
});

/**
 * Reads and validates the configuration; throws a {@link ConfigError} listing every bad variable.
 * @example loadConfig({ PORT: '0', KNOWLEDGE_DIR: 'tests/fixtures/kb' })
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? '(environment)');
      const received = env[name];
      // Passwords, and the database URL that carries one, are never echoed.
      const shown = name.toLowerCase().includes('password') || name === 'DATABASE_URL' || received === undefined ? '' : ` (got "${received}")`;
      problems.push(`${name}: ${issue.message}${shown}`);
    }
  }
  // The credential rules are checked on the raw values too, so one run reports every problem.
  const raw = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const credentials = checkCredentials(
    {
      appId: raw('MicrosoftAppId'),
      appPassword: raw('MicrosoftAppPassword'),
      appType: APP_TYPES.find((type) => type === raw('MicrosoftAppType')),
      appTypeGiven: raw('MicrosoftAppType') !== undefined,
      tenantId: raw('MicrosoftAppTenantId'),
      production: raw('NODE_ENV') === 'production',
    },
    problems,
  );
  if (problems.length > 0 || !parsed.success) throw new ConfigError(problems);
  const e = parsed.data;
  const warnings: string[] = [];

  // Local mode answers anyone who can reach the port, so it stays on loopback unless told otherwise.
  const host = e.HOST ?? (credentials ? '0.0.0.0' : '127.0.0.1');
  if (!credentials && !isLoopback(host)) {
    warnings.push(`HOST=${host} without MicrosoftAppId: the bot accepts unauthenticated requests from the network`);
  }
  if (credentials && e.ALLOWED_TENANT_IDS.length === 0 && credentials.appType === 'MultiTenant') {
    warnings.push('ALLOWED_TENANT_IDS is empty: a multi-tenant bot will answer users from any tenant');
  }
  if (e.PUBLIC_BASE_URL?.startsWith('http://') && e.NODE_ENV === 'production') {
    warnings.push('PUBLIC_BASE_URL is not https: calendar feed links and chart images travel unencrypted');
  }
  if (e.ACCEPT_STATE_LOSS === '1' || e.ACCEPT_STATE_LOSS === 'true') {
    warnings.push('ACCEPT_STATE_LOSS is set: the bot starts even when confirmed state was lost (unset it once the loss is dealt with)');
  }
  if (e.NODE_ENV === 'production' && e.LEADER_IDS.length === 0) {
    warnings.push('LEADER_IDS is empty: everyone who can reach the bot counts as a leader');
  }

  return {
    port: e.PORT,
    host,
    ...(credentials && { credentials }),
    knowledgeDir: e.KNOWLEDGE_DIR,
    stateDir: e.STATE_DIR,
    ...(e.DATABASE_URL !== undefined && { databaseUrl: e.DATABASE_URL }),
    databasePoolMax: e.DATABASE_POOL_MAX,
    scheduleLeaseSeconds: e.SCHEDULE_LEASE_SECONDS,
    leaderIds: e.LEADER_IDS,
    editorIds: e.EDITOR_IDS,
    gapRetentionDays: e.GAP_RETENTION_DAYS,
    allowedTenantIds:
      e.ALLOWED_TENANT_IDS.length > 0 || credentials?.tenantId === undefined || credentials.appType === 'MultiTenant' ? e.ALLOWED_TENANT_IDS : [credentials.tenantId],
    reminderDaysBefore: [...new Set(e.REMINDER_DAYS_BEFORE.map(Number))].sort((a, b) => b - a),
    reminderCron: e.REMINDER_CRON,
    digestCron: e.DIGEST_CRON,
    reminderGraceHours: e.REMINDER_GRACE_HOURS,
    acceptStateLoss: e.ACCEPT_STATE_LOSS === '1' || e.ACCEPT_STATE_LOSS === 'true',
    sendTimeoutMs: e.SEND_TIMEOUT_MS,
    deliveryRatePerSecond: e.DELIVERY_RATE_PER_SECOND,
    timeZone: e.TZ,
    logLevel: e.LOG_LEVEL,
    nodeEnv: e.NODE_ENV,
    ...(e.PUBLIC_BASE_URL !== undefined && { publicBaseUrl: e.PUBLIC_BASE_URL }),
    warnings,
  };
}

interface RawCredentials {
  readonly appId: string | undefined;
  readonly appPassword: string | undefined;
  /** Undefined when not given or not one of {@link APP_TYPES} (the schema reports the latter). */
  readonly appType: AppType | undefined;
  readonly appTypeGiven: boolean;
  readonly tenantId: string | undefined;
  readonly production: boolean;
}

/** Applies the Bot Framework's credential rules, adding a problem per violation. */
function checkCredentials(c: RawCredentials, problems: string[]): BotCredentials | undefined {
  if (c.appId === undefined) {
    if (c.production) {
      problems.push(
        'MicrosoftAppId: is required when NODE_ENV=production; without it the bot accepts unauthenticated requests (local mode only). Set MicrosoftAppId (and its password or managed identity) from the Azure Bot registration.',
      );
    }
    const given = { MicrosoftAppPassword: c.appPassword, MicrosoftAppTenantId: c.tenantId, MicrosoftAppType: c.appTypeGiven ? 'set' : undefined };
    for (const [name, value] of Object.entries(given)) {
      if (value !== undefined) problems.push(`${name}: is set but MicrosoftAppId is not; set MicrosoftAppId too, or unset ${name}`);
    }
    return undefined;
  }
  if (c.appTypeGiven && c.appType === undefined) return undefined;
  const appType = c.appType ?? 'SingleTenant';
  const why = `when MicrosoftAppType=${appType}${c.appTypeGiven ? '' : ' (the default when MicrosoftAppId is set)'}`;
  if (appType === 'UserAssignedMSI') {
    if (c.appPassword !== undefined) problems.push(`MicrosoftAppPassword: must not be set ${why}`);
  } else if (c.appPassword === undefined) {
    problems.push(`MicrosoftAppPassword: is required ${why}`);
  }
  if (appType !== 'MultiTenant' && c.tenantId === undefined) problems.push(`MicrosoftAppTenantId: is required ${why}`);
  return {
    appId: c.appId,
    appType,
    ...(c.appPassword !== undefined && { appPassword: c.appPassword }),
    ...(c.tenantId !== undefined && { tenantId: c.tenantId }),
  };
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}
