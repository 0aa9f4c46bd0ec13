/**
 * A stand-in for the Bot Framework's token issuer on 127.0.0.1: an OpenID configuration and a JWKS with a
 * test RSA key, and tokens signed with it shaped like the ones the Bot Connector sends (issuer
 * `https://api.botframework.com`, audience the bot's app id, `serviceurl` claim). Also a credentials
 * factory for the bot's outbound token that needs no Entra ID. Each issuer has its own random path, so
 * botbuilder's process-wide metadata cache never mixes two issuers.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServiceClientCredentials } from 'botframework-connector';
import { ServiceClientCredentialsFactory } from 'botframework-connector';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT } from 'jose';
import type { CryptoKey, JWK, JWTPayload } from 'jose';

export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';

/** Options of {@link TokenIssuer.sign}. */
export interface SignOptions {
  /** Claims replacing or adding to the defaults (`undefined` removes a default claim). */
  readonly claims?: Readonly<Record<string, unknown>>;
  /** Sign with a key the JWKS does not publish (same or other `kid`). */
  readonly key?: 'published' | 'unpublished';
  /** The `kid` header (default: the published key's id). */
  readonly kid?: string;
  /** Seconds from now until expiry (default 3600; negative: already expired). */
  readonly expiresInSeconds?: number;
}

/** The running issuer. */
export interface TokenIssuer {
  /** The OpenID configuration URL to give the bot. */
  readonly metadataUrl: string;
  /** The published key's id. */
  readonly kid: string;
  /** How many times the configuration and the key set were fetched. */
  readonly fetches: { readonly metadata: number; readonly keys: number };
  /** A Bot Connector-like token for `appId`, naming `serviceUrl`. */
  sign(appId: string, serviceUrl: string, options?: SignOptions): Promise<string>;
  /** The published key's public part as PEM (what an HS256 confusion attack would use as the secret). */
  publicKeyPem(): Promise<string>;
  close(): Promise<void>;
}

/** Starts an issuer on an ephemeral loopback port. */
export async function startTokenIssuer(): Promise<TokenIssuer> {
  const published = await generateKeyPair('RS256', { extractable: true });
  const unpublished = await generateKeyPair('RS256', { extractable: true });
  const kid = `test-key-${randomUUID()}`;
  const jwk: JWK = { ...(await exportJWK(published.publicKey)), kid, use: 'sig', alg: 'RS256' };
  const base = `/${randomUUID()}`;
  const fetches = { metadata: 0, keys: 0 };

  const server = http.createServer((req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.url === `${base}/.well-known/openidconfiguration`) {
      fetches.metadata++;
      send(200, { issuer: BOT_FRAMEWORK_ISSUER, jwks_uri: `http://127.0.0.1:${port}${base}/keys`, id_token_signing_alg_values_supported: ['RS256'] });
    } else if (req.url === `${base}/keys`) {
      fetches.keys++;
      // Teams keys carry endorsements: the channels a key may sign for.
      send(200, { keys: [{ ...jwk, endorsements: ['msteams'] }] });
    } else {
      send(404, { error: 'not found' });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    metadataUrl: `http://127.0.0.1:${port}${base}/.well-known/openidconfiguration`,
    kid,
    fetches,
    async sign(appId, serviceUrl, options = {}) {
      const now = Math.floor(Date.now() / 1000);
      const claims: Record<string, unknown> = {
        iss: BOT_FRAMEWORK_ISSUER,
        aud: appId,
        serviceurl: serviceUrl,
        nbf: now - 60,
        iat: now - 60,
        exp: now + (options.expiresInSeconds ?? 3600),
        ...options.claims,
      };
      for (const [name, value] of Object.entries(claims)) if (value === undefined) delete claims[name];
      const key: CryptoKey = options.key === 'unpublished' ? unpublished.privateKey : published.privateKey;
      return new SignJWT(claims as JWTPayload).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: options.kid ?? kid }).sign(key);
    },
    publicKeyPem: () => exportSPKI(published.publicKey),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A JWT with the given header and claims and no valid signature (`alg: none` and friends). */
export function unsignedToken(header: Record<string, unknown>, claims: Record<string, unknown>, signature = ''): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part(header)}.${part(claims)}.${signature}`;
}

/** The outbound token a {@link TestCredentialsFactory} puts on the bot's requests. */
export const OUTBOUND_TEST_TOKEN = 'outbound-test-token';

/**
 * The bot's outbound credentials without Entra ID: every request is signed `Bearer outbound-test-token`.
 * App id checks are the real ones (the configured app id only).
 */
export class TestCredentialsFactory extends ServiceClientCredentialsFactory {
  constructor(private readonly appId: string) {
    super();
  }

  async isValidAppId(appId: string): Promise<boolean> {
    return appId === this.appId;
  }

  async isAuthenticationDisabled(): Promise<boolean> {
    return false;
  }

  async createCredentials(): Promise<ServiceClientCredentials> {
    return {
      async signRequest(webResource) {
        webResource.headers.set('authorization', `Bearer ${OUTBOUND_TEST_TOKEN}`);
        return webResource;
      },
    };
  }
}
