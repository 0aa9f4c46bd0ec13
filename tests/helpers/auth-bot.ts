/**
 * The real bot with Bot Framework authentication switched on (MicrosoftAppId set), validating tokens
 * against a local {@link TokenIssuer} and replying to its own fake connector on 127.0.0.1 (the only
 * origin allowed besides the Teams hosts). `post` sends a valid token unless told otherwise.
 */
import type { AuthOverrides } from '../../src/teams/auth.js';
import type { WireActivity } from './activities.js';
import { TEST_TENANT_ID } from './activities.js';
import { startFakeConnector, type FakeConnector } from './fake-connector.js';
import { startTestBot, type TestBot, type TestBotOptions } from './test-bot.js';
import { startTokenIssuer, TestCredentialsFactory, type TokenIssuer } from './token-issuer.js';

export const TEST_APP_ID = '00000000-0000-4000-8000-00000000b075';

/** Options of {@link startAuthBot}. */
export interface AuthBotOptions extends Omit<TestBotOptions, 'authOverrides'> {
  /** Replaces the issuer's metadata URL (e.g. one that cannot be reached). */
  readonly openIdMetadataUrl?: string;
  /** Environment on top of the credentials (MicrosoftAppId, password, SingleTenant in the test tenant). */
  readonly env?: Readonly<Record<string, string>>;
}

/** A bot with authentication, its issuer and the connector it may talk to. */
export interface AuthBot {
  readonly t: TestBot;
  readonly issuer: TokenIssuer;
  /** The allowed connector (not `t.connector`, which this bot may not send to). */
  readonly connector: FakeConnector;
  /** Activity defaults: `{ serviceUrl }` of the allowed connector. */
  readonly at: { readonly serviceUrl: string };
  /** POSTs with a valid token for the activity's serviceUrl, or with the given Authorization header (null: none). */
  post(activity: WireActivity, authorization?: string | null): Promise<{ status: number; body: any }>;
  /** A valid `Bearer …` header for a service URL. */
  bearer(serviceUrl?: string): Promise<string>;
  close(): Promise<void>;
}

/** Starts issuer, connector and bot; `close()` stops all three. */
export async function startAuthBot(options: AuthBotOptions = {}): Promise<AuthBot> {
  const issuer = await startTokenIssuer();
  const connector = await startFakeConnector();
  let t: TestBot;
  try {
    const authOverrides: AuthOverrides = {
      openIdMetadataUrl: options.openIdMetadataUrl ?? issuer.metadataUrl,
      credentialsFactory: new TestCredentialsFactory(TEST_APP_ID),
      extraServiceOrigins: [new URL(connector.serviceUrl).origin],
    };
    const { openIdMetadataUrl: _url, env, ...rest } = options;
    t = await startTestBot({
      ...rest,
      env: { MicrosoftAppId: TEST_APP_ID, MicrosoftAppPassword: 'not-used-in-tests', MicrosoftAppTenantId: TEST_TENANT_ID, ...env },
      authOverrides,
    } as TestBotOptions);
  } catch (error) {
    await connector.close();
    await issuer.close();
    throw error;
  }
  const bearer = async (serviceUrl = connector.serviceUrl) => `Bearer ${await issuer.sign(TEST_APP_ID, serviceUrl)}`;
  return {
    t,
    issuer,
    connector,
    at: { serviceUrl: connector.serviceUrl },
    bearer,
    async post(activity, authorization) {
      const header = authorization === undefined ? await bearer(activity.serviceUrl) : authorization;
      return t.post(activity, header === null ? {} : { authorization: header });
    },
    async close() {
      await t.close();
      await connector.close();
      await issuer.close();
    },
  };
}
