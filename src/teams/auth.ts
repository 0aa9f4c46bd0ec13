/**
 * Inbound authentication of `/api/messages`: the Bot Framework settings the adapter validates tokens with,
 * a cheap screen of the `Authorization` header before any signature work, and how failures are told apart.
 */
import type { ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import { CallerIdConstants } from 'botbuilder';
import type { ServiceClientCredentialsFactory } from 'botframework-connector';
import { AuthenticationConstants } from 'botframework-connector';
import type { BotCredentials } from '../config/env.js';

/**
 * For tests only: a local OpenID configuration and signing keys instead of login.botframework.com, and
 * outbound tokens without Microsoft Entra ID. Deliberately not readable from the environment, so a
 * deployment cannot be pointed at other signing keys by configuration.
 */
export interface AuthOverrides {
  /** OpenID configuration URL for tokens from the channel and from the Emulator. */
  readonly openIdMetadataUrl: string;
  /** Source of the bot's outbound tokens (default: MSAL with the app password or managed identity). */
  readonly credentialsFactory?: ServiceClientCredentialsFactory;
  /** Origins the bot may send to besides the Teams hosts, e.g. a fake connector on 127.0.0.1. */
  readonly extraServiceOrigins?: readonly string[];
}

/** The options botbuilder's `ConfigurationBotFrameworkAuthentication` gets for these credentials. */
export function botFrameworkAuthOptions(credentials: BotCredentials | undefined, overrides?: AuthOverrides): ConfigurationBotFrameworkAuthenticationOptions {
  if (!credentials) return {};
  const base: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: credentials.appId,
    MicrosoftAppType: credentials.appType,
    ...(credentials.appPassword !== undefined && { MicrosoftAppPassword: credentials.appPassword }),
    ...(credentials.tenantId !== undefined && { MicrosoftAppTenantId: credentials.tenantId }),
  };
  if (!overrides) return base;
  // Setting any endpoint switches botbuilder to "all parameters given": the public-cloud values, metadata replaced.
  return {
    ...base,
    ToBotFromChannelOpenIdMetadataUrl: overrides.openIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: overrides.openIdMetadataUrl,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
    ValidateAuthority: true,
  };
}

/** The algorithms Bot Framework tokens are signed with (botbuilder accepts no others either). */
const ALLOWED_ALGORITHMS = new Set(['RS256', 'RS384', 'RS512']);
/** botbuilder's clock tolerance for `exp`/`nbf`, in seconds. */
const CLOCK_TOLERANCE_SECONDS = 5 * 60;
const MAX_HEADER_CHARS = 16 * 1024;

export type HeaderScreen = { readonly ok: true } | { readonly ok: false; readonly reason: string };

function decodeJsonPart(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Refuses an `Authorization` header that cannot hold a valid Bot Framework token, before botbuilder
 * fetches keys or verifies signatures (and prints a stack to the console for each bad token): not
 * `Bearer`, not a signed JWT, a wrong algorithm (`none`, `HS256`), no key id, expired or not yet valid.
 * Passing the screen proves nothing: botbuilder then verifies signature, issuer, audience and service URL.
 * `nowMs` is the wall clock, as botbuilder's own token checks use it.
 */
export function screenAuthorizationHeader(header: string, nowMs: number): HeaderScreen {
  if (header.trim() === '') return { ok: false, reason: 'no Authorization header' };
  if (header.length > MAX_HEADER_CHARS) return { ok: false, reason: 'Authorization header too long' };
  const match = /^Bearer ([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(header);
  if (!match) return { ok: false, reason: /^Bearer /.test(header) ? 'not a signed JWT' : 'not a Bearer token' };
  const jose = decodeJsonPart(match[1]!);
  const claims = decodeJsonPart(match[2]!);
  if (!jose || !claims) return { ok: false, reason: 'not a JWT' };
  if (typeof jose.alg !== 'string' || !ALLOWED_ALGORITHMS.has(jose.alg)) return { ok: false, reason: `signing algorithm ${String(jose.alg)} not allowed` };
  if (typeof jose.kid !== 'string' || jose.kid === '') return { ok: false, reason: 'no key id' };
  const nowSeconds = nowMs / 1000;
  if (typeof claims.exp !== 'number') return { ok: false, reason: 'no expiry' };
  if (claims.exp + CLOCK_TOLERANCE_SECONDS < nowSeconds) return { ok: false, reason: 'token expired' };
  if (typeof claims.nbf === 'number' && claims.nbf - CLOCK_TOLERANCE_SECONDS > nowSeconds) return { ok: false, reason: 'token not yet valid' };
  return { ok: true };
}

/**
 * True when authentication could not be completed for a reason on our side, e.g. the signing keys could
 * not be fetched (logged as an error); false when the token itself was refused. Both are answered 401.
 */
export function isAuthenticationOutage(error: unknown): boolean {
  const e = error as { statusCode?: unknown; name?: unknown; code?: unknown } | undefined;
  return (typeof e?.statusCode === 'number' && e.statusCode >= 500) || e?.name === 'FetchError' || e?.name === 'AbortError' || (typeof e?.code === 'string' && /^E[A-Z]+$/.test(e.code));
}
