/**
 * The HTTP server (restify): `POST /api/messages` for the Bot Framework, `GET /healthz` for probes.
 */
import type { AddressInfo } from 'node:net';
import restify from 'restify';
import type { Request, Response } from 'restify';
import type { Logger } from 'pino';

/** What `/healthz` reports besides status and uptime. */
export interface HealthDetails {
  readonly version: string;
  /** Items per kind in the loaded knowledge base. */
  readonly knowledge: Readonly<Record<string, number>>;
  readonly [key: string]: unknown;
}

/** What a feature's GET route answers. */
export interface HttpReply {
  readonly status: number;
  readonly contentType?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body: string | Buffer;
}

/** A GET route a feature serves besides the Bot Framework endpoint (a calendar feed, a chart image). */
export interface HttpRoute {
  /** A restify path with named parameters, e.g. `/calendar/:file`. */
  readonly path: string;
  readonly handle: (params: Readonly<Record<string, string>>, logger: Logger) => Promise<HttpReply>;
}

/** Options of {@link createServer}. */
export interface ServerOptions {
  readonly logger: Logger;
  /** Runs one activity request; writes the response itself (the adapter does). */
  readonly processActivity: (req: Request, res: Response, logger: Logger) => Promise<void>;
  readonly health: () => HealthDetails;
  /** What is wrong now (state lost at start and accepted, writes failing): `/healthz` then says `degraded`. */
  readonly problems?: () => readonly string[];
  /** Monotonic seconds since start, for `uptime`; defaults to the process uptime. */
  readonly uptimeSeconds?: () => number;
  /** Largest accepted request body; larger gets 413. Default 1 MB. */
  readonly maxBodyBytes?: number;
  /** Feature routes (GET only); their answers carry no cookies and are never cached by shared caches. */
  readonly routes?: readonly HttpRoute[];
  /** How long `close()` waits for requests in flight before cutting them off. Default 10 s. */
  readonly drainTimeoutMs?: number;
}

/** A started-on-demand server. */
export interface BotServer {
  /** Starts listening; port 0 picks a free port. Resolves with the bound address. */
  listen(port: number, host: string): Promise<AddressInfo>;
  /** Stops accepting, waits for requests in flight (up to the drain timeout), then closes. */
  close(): Promise<void>;
  /** Requests to `/api/messages` still running. */
  inFlight(): number;
}

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** Creates the server; nothing listens until `listen`. */
export function createServer(options: ServerOptions): BotServer {
  const { logger } = options;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const drainTimeoutMs = options.drainTimeoutMs ?? 10_000;
  const uptime = options.uptimeSeconds ?? (() => process.uptime());
  let inFlight = 0;
  let closing = false;
  let idle: (() => void) | undefined;

  const server = restify.createServer({ name: 'dagtilbud-bot', handleUncaughtExceptions: false });
  // Errors restify raises itself (413, 400 bad JSON, 415, 404, 405) are sent as JSON {code, message}.
  server.use(restify.plugins.bodyParser({ maxBodySize: maxBodyBytes, mapParams: false, mapFiles: false, rejectUnknown: true }));

  server.post('/api/messages', async (req: Request, res: Response) => {
    const log = logger.child({ requestId: req.id() });
    if (closing) {
      res.header('Retry-After', '5');
      res.send(503, { code: 'ShuttingDown', message: 'The bot is shutting down; retry shortly.' });
      return;
    }
    const body: unknown = req.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body) || typeof (body as { type?: unknown }).type !== 'string') {
      res.send(400, { code: 'BadRequest', message: 'The body must be a JSON Bot Framework activity with a "type".' });
      return;
    }
    inFlight++;
    try {
      await options.processActivity(req, res, log);
    } catch (error) {
      log.error({ err: error }, 'activity processing failed');
      if (!res.headersSent) res.send(500, { code: 'InternalError', message: 'The activity could not be processed.' });
    } finally {
      inFlight--;
      if (inFlight === 0) idle?.();
    }
  });

  server.get('/healthz', async (_req: Request, res: Response) => {
    const details = options.health();
    const problems = options.problems?.() ?? [];
    // Degraded still answers 200: the bot serves what it can, and a restart would not bring the data back.
    res.send(closing ? 503 : 200, {
      status: closing ? 'stopping' : problems.length > 0 ? 'degraded' : 'ok',
      ...(problems.length > 0 && { problems }),
      uptime: Math.round(uptime()),
      ...details,
    });
  });

  for (const route of options.routes ?? []) {
    server.get(route.path, async (req: Request, res: Response) => {
      const log = logger.child({ requestId: req.id() });
      const params = Object.fromEntries(Object.entries(req.params ?? {}).map(([key, value]) => [key, String(value)]));
      try {
        const reply = await route.handle(params, log);
        res.writeHead(reply.status, {
          'content-type': reply.contentType ?? 'text/plain; charset=utf-8',
          'cache-control': 'private, no-store',
          'x-content-type-options': 'nosniff',
          ...reply.headers,
        });
        res.end(reply.body);
      } catch (error) {
        log.error({ err: error, route: route.path }, 'route failed');
        if (!res.headersSent) res.send(500, { code: 'InternalError', message: 'The request could not be processed.' });
      }
    });
  }

  server.on('restifyError', (req: Request, _res: Response, error: Error & { statusCode?: number }, callback: () => void) => {
    logger.warn({ method: req.method, path: req.path(), status: error.statusCode, code: error.name }, 'request rejected');
    callback();
  });

  return {
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.server.once('error', reject);
        server.listen(port, host, () => {
          server.server.off('error', reject);
          resolve(server.address() as AddressInfo);
        });
      });
    },
    async close() {
      if (!server.server.listening) return;
      closing = true;
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      // Keep-alive connections with no request in progress would hold close() open.
      server.server.closeIdleConnections();
      if (inFlight > 0) {
        await Promise.race([
          new Promise<void>((resolve) => (idle = resolve)),
          new Promise<void>((resolve) => setTimeout(resolve, drainTimeoutMs).unref()),
        ]);
      }
      server.server.closeAllConnections();
      await stopped;
    },
    inFlight: () => inFlight,
  };
}
