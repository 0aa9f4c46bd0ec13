/**
 * Where the bot may send messages and its Bot Framework token: the service URLs of the Teams connector
 * (and the Bot Framework's own hosts) when authenticated, loopback only in local mode. An activity names
 * its `serviceUrl`, so without this check a request could make the bot post, with its token, anywhere.
 */
import type { ServiceClientCredentials } from 'botframework-connector';
import { ServiceClientCredentialsFactory } from 'botframework-connector';
import type { Activity } from 'botbuilder';
import type { Logger } from 'pino';
import type { ConversationRef, OutboundMessage, SendResult } from '../messaging/index.js';
import type { ProactiveNotifier } from './proactive.js';

/**
 * Hosts the bot talks to when it has credentials: the public-cloud Teams connector and the Bot Framework
 * (token service, other channels). `*.trafficmanager.net` as a whole would be any Azure customer's profile.
 */
export const TEAMS_SERVICE_HOSTS = ['smba.trafficmanager.net'] as const;
export const BOT_FRAMEWORK_HOST_SUFFIX = '.botframework.com';

/** Decides which URLs the bot may send requests (and its token) to. */
export interface ServiceUrlPolicy {
  /** True when the bot may send to this URL (a service URL or a full request URL). */
  allows(url: unknown): boolean;
  /** For logs and errors: what is allowed. */
  readonly description: string;
}

/** Options of {@link createServiceUrlPolicy}. */
export interface ServiceUrlPolicyOptions {
  /** Local mode (no app id): only loopback addresses; otherwise only the Teams and Bot Framework hosts over https. */
  readonly local: boolean;
  /** Exact origins allowed besides, e.g. `http://127.0.0.1:5123` (tests only; never from configuration). */
  readonly extraOrigins?: readonly string[];
}

function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

function parse(url: unknown): URL | undefined {
  if (typeof url !== 'string') return undefined;
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** Creates the policy for a mode. */
export function createServiceUrlPolicy(options: ServiceUrlPolicyOptions): ServiceUrlPolicy {
  const extra = new Set((options.extraOrigins ?? []).map((origin) => new URL(origin).origin));
  const allowsHost = options.local
    ? (url: URL) => (url.protocol === 'http:' || url.protocol === 'https:') && isLoopbackHost(url.hostname)
    : (url: URL) =>
        url.protocol === 'https:' &&
        url.port === '' &&
        ((TEAMS_SERVICE_HOSTS as readonly string[]).includes(url.hostname) || url.hostname.endsWith(BOT_FRAMEWORK_HOST_SUFFIX));
  return {
    allows(raw) {
      const url = parse(raw);
      // User info in a URL ("https://smba.trafficmanager.net@evil.example") is never legitimate here.
      if (!url || url.username !== '' || url.password !== '') return false;
      return extra.has(url.origin) || allowsHost(url);
    },
    description: [
      options.local ? 'loopback (local mode)' : `https://${TEAMS_SERVICE_HOSTS.join(', https://')}, https://*${BOT_FRAMEWORK_HOST_SUFFIX}`,
      ...extra,
    ].join(', '),
  };
}

/** Thrown (inside the HTTP pipeline) when a request would go to a URL the policy does not allow. */
export class ServiceUrlNotAllowedError extends Error {
  readonly statusCode = 403;
  constructor(url: string, policy: ServiceUrlPolicy) {
    super(`refused to send a Bot Framework request to ${new URL(url).origin}: allowed are ${policy.description}`);
    this.name = 'ServiceUrlNotAllowedError';
  }
}

/**
 * Wraps a credentials factory so that every credential it creates refuses to sign (and so to send) a
 * request to a URL the policy does not allow: the last line of defence for the bot's token, whatever
 * path (reply, proactive message, card update) the request takes.
 */
export class GuardedCredentialsFactory extends ServiceClientCredentialsFactory {
  constructor(
    private readonly inner: ServiceClientCredentialsFactory,
    private readonly policy: ServiceUrlPolicy,
  ) {
    super();
  }

  isValidAppId(appId: string): Promise<boolean> {
    return this.inner.isValidAppId(appId);
  }

  isAuthenticationDisabled(): Promise<boolean> {
    return this.inner.isAuthenticationDisabled();
  }

  async createCredentials(appId: string, audience: string | undefined, loginEndpoint: string, validateAuthority: boolean): Promise<ServiceClientCredentials> {
    const credentials = await this.inner.createCredentials(appId, audience, loginEndpoint, validateAuthority);
    const policy = this.policy;
    // A proxy keeps whatever else the credentials offer (the SDK checks some of it) and guards signing.
    return new Proxy(credentials, {
      get(target, property, receiver) {
        if (property !== 'signRequest') return Reflect.get(target, property, receiver) as unknown;
        return async (webResource: Parameters<ServiceClientCredentials['signRequest']>[0]) => {
          if (!policy.allows(webResource.url)) throw new ServiceUrlNotAllowedError(webResource.url, policy);
          return target.signRequest(webResource);
        };
      },
    });
  }
}

/**
 * Wraps a notifier so that a stored reference to a service URL the policy does not allow (e.g. one kept
 * from local mode) is answered as a 403 (`gone`) without any request: the outbox then drops it.
 */
export function guardNotifier(notifier: ProactiveNotifier, policy: ServiceUrlPolicy, logger: Logger): ProactiveNotifier {
  const refused = (ref: ConversationRef): SendResult & { readonly activityId?: string } => {
    logger.warn({ conversationKind: ref.conversation.conversationType }, 'proactive message not sent: service URL not allowed');
    return { ok: false, failure: 'gone', status: 403, error: `service URL not allowed (allowed are ${policy.description})` };
  };
  return {
    send: (ref: ConversationRef, message: OutboundMessage) => (policy.allows(ref.serviceUrl) ? notifier.send(ref, message) : Promise.resolve(refused(ref))),
    sendActivity: (ref: ConversationRef, activity: Partial<Activity>) =>
      policy.allows(ref.serviceUrl) ? notifier.sendActivity(ref, activity) : Promise.resolve(refused(ref)),
  };
}
