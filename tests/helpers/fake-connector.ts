/**
 * A fake Bot Framework connector (the Teams service the bot replies to) on 127.0.0.1.
 *
 * Records every activity the bot POSTs or PUTs to `/v3/conversations/:id/activities[/:activityId]`,
 * answers 201 with a fresh id, and can be told to answer given status codes for a conversation (to
 * test retries and failures). `POST /v3/conversations` (create a chat or thread) is recorded too.
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** An activity the bot sent, with where it went. */
export interface RecordedActivity {
  /** The conversation id from the URL, decoded (for a created conversation: the id returned for it). */
  readonly conversationId: string;
  /** The activity id in the URL: the replied-to activity (POST) or the updated one (PUT). */
  readonly activityId?: string;
  readonly method: 'POST' | 'PUT';
  readonly path: string;
  /** The `Authorization` header the bot sent, if any. */
  readonly authorization?: string;
  // Activities are loosely typed JSON here: tests read whatever they check.
  readonly activity: Record<string, any>;
  /** The status the fake answered with. */
  readonly status: number;
  /** The id the fake gave the activity (what a later invoke's `replyToId` names), when it accepted it. */
  readonly sentId?: string;
}

/** A scripted answer: a status, optionally headers (e.g. Retry-After) and a body. */
export interface ScriptedResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  /** Hold the answer this long (a slow or hung connector); the activity is recorded when answered. */
  readonly delayMs?: number;
}

/** Options of {@link FakeConnector.waitFor}. */
export interface WaitOptions {
  /** Count only activities in this conversation (exact id, or the id before `;messageid=`). */
  readonly conversationId?: string;
  /** Count only activities of this type (e.g. `'message'`). */
  readonly type?: string;
  /** Give up after this long (default 5 s); the error lists what did arrive. */
  readonly timeoutMs?: number;
}

/** The running fake connector. */
export interface FakeConnector {
  /** The service URL to put in activities, with a trailing slash. */
  readonly serviceUrl: string;
  /** Every activity received, oldest first (including failed ones; see `status`). */
  readonly received: readonly RecordedActivity[];
  /** Activities received in a conversation (exact id or its base id), optionally of one type. */
  activitiesIn(conversationId: string, type?: string): RecordedActivity[];
  /** The next requests to this conversation get these answers, in order; afterwards 201 again. */
  respondWith(conversationId: string, ...responses: (number | ScriptedResponse)[]): void;
  /** Every request from now on waits this long before it is answered (0: answer at once). */
  delayAll(ms: number): void;
  /** Requests received but not answered yet (held by a delay). */
  held(): number;
  /** Resolves once at least `count` matching activities (answered 2xx) have arrived. */
  waitFor(count: number, options?: WaitOptions): Promise<RecordedActivity[]>;
  close(): Promise<void>;
}

function baseId(conversationId: string): string {
  const cut = conversationId.indexOf(';messageid=');
  return cut === -1 ? conversationId : conversationId.slice(0, cut);
}

function matches(record: RecordedActivity, options: WaitOptions): boolean {
  if (options.conversationId !== undefined && record.conversationId !== options.conversationId && baseId(record.conversationId) !== options.conversationId) {
    return false;
  }
  return options.type === undefined || record.activity.type === options.type;
}

/** Starts a fake connector on an ephemeral loopback port. */
export async function startFakeConnector(): Promise<FakeConnector> {
  const received: RecordedActivity[] = [];
  const scripts = new Map<string, ScriptedResponse[]>();
  const events = new EventEmitter();
  let delayAllMs = 0;
  let held = 0;
  const timers = new Set<NodeJS.Timeout>();

  const nextScripted = (conversationId: string): ScriptedResponse | undefined => {
    const queue = scripts.get(conversationId) ?? scripts.get(baseId(conversationId));
    return queue?.shift();
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: Record<string, any> | undefined;
      try {
        body = raw ? (JSON.parse(raw) as Record<string, any>) : undefined;
      } catch {
        body = undefined;
      }
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const send = (status: number, payload: unknown, headers: Readonly<Record<string, string>> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(payload === undefined ? '' : JSON.stringify(payload));
      };

      const activityMatch = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?\/?$/.exec(url.pathname);
      if (activityMatch && (req.method === 'POST' || req.method === 'PUT') && body) {
        const conversationId = decodeURIComponent(activityMatch[1]!);
        const activityId = activityMatch[2] ? decodeURIComponent(activityMatch[2]) : undefined;
        const scripted = nextScripted(conversationId);
        const method: 'POST' | 'PUT' = req.method;
        const activity: Record<string, any> = body;
        const delayMs = scripted?.delayMs ?? delayAllMs;
        if (delayMs > 0) {
          held += 1;
          const timer = setTimeout(() => {
            timers.delete(timer);
            held -= 1;
            answer();
          }, delayMs);
          timers.add(timer);
          return;
        }
        answer();
        function answer() {
          const status = scripted?.status ?? (method === 'PUT' ? 200 : 201);
          const ok = status >= 200 && status < 300;
          const sentId = activityId && method === 'PUT' ? activityId : `activity-${randomUUID()}`;
          const record: RecordedActivity = {
            conversationId,
            ...(activityId !== undefined && { activityId }),
            method,
            path: url.pathname,
            ...(req.headers.authorization && { authorization: req.headers.authorization }),
            activity,
            status,
            ...(ok && { sentId }),
          };
          received.push(record);
          events.emit('activity', record);
          send(status, scripted?.body ?? (ok ? { id: sentId } : { error: { code: 'ScriptedFailure', message: `status ${status}` } }), scripted?.headers);
        }
        return;
      }
      if (/^\/v3\/conversations\/?$/.test(url.pathname) && req.method === 'POST' && body) {
        const conversationId = `a:created-${randomUUID()}`;
        const activity = (body.activity as Record<string, any> | undefined) ?? {};
        if (body.activity) {
          const record: RecordedActivity = { conversationId, method: 'POST', path: url.pathname, activity, status: 201 };
          received.push(record);
          events.emit('activity', record);
        }
        send(201, { id: conversationId, activityId: `activity-${randomUUID()}` });
        return;
      }
      if (/\/members/.test(url.pathname) && req.method === 'GET') {
        send(200, []);
        return;
      }
      send(404, { error: { code: 'NotFound', message: `${req.method} ${url.pathname}` } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    received,
    activitiesIn: (conversationId, type) => received.filter((record) => matches(record, { conversationId, ...(type && { type }) })),
    respondWith(conversationId, ...responses) {
      const queue = scripts.get(conversationId) ?? [];
      queue.push(...responses.map((response) => (typeof response === 'number' ? { status: response } : response)));
      scripts.set(conversationId, queue);
    },
    delayAll(ms) {
      delayAllMs = ms;
    },
    held: () => held,
    waitFor(count, options = {}) {
      const current = () => received.filter((record) => record.status < 300 && matches(record, options));
      if (current().length >= count) return Promise.resolve(current());
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          events.off('activity', check);
          const got = current().map((record) => `${record.activity.type}: ${String(record.activity.text ?? '').slice(0, 80)}`);
          reject(new Error(`waited for ${count} activities (${JSON.stringify(options)}), got ${got.length}: ${JSON.stringify(got)}`));
        }, options.timeoutMs ?? 5_000);
        function check() {
          if (current().length >= count) {
            clearTimeout(timer);
            events.off('activity', check);
            resolve(current());
          }
        }
        events.on('activity', check);
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
