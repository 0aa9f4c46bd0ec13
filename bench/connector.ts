/**
 * A lean fake Bot Framework connector on 127.0.0.1 for load: it takes the bot's replies
 * (`POST /v3/conversations/:id/activities[/:replyToId]`), answers 201 with an id and counts them, without keeping
 * them (the test helper's connector records every activity, which would grow and slow down under load).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** The running connector. */
export interface BenchConnector {
  /** The service URL to put in activities, with a trailing slash. */
  readonly serviceUrl: string;
  /** Replies (message activities) received so far. */
  replies(): number;
  /** Requests that were not a reply to an activity (answered 404, or `POST /v3/conversations`). */
  others(): number;
  /** Resolves once `count` replies in all have arrived; rejects after `timeoutMs`. */
  waitForReplies(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

const ACTIVITY_PATH = /^\/v3\/conversations\/[^/]+\/activities(?:\/[^/]+)?\/?$/;

/** Starts the connector on an ephemeral loopback port. */
export async function startBenchConnector(): Promise<BenchConnector> {
  let replies = 0;
  let others = 0;
  let nextId = 0;
  const waiters = new Set<{ count: number; resolve: () => void }>();

  const server = http.createServer((req, res) => {
    // The body must be read for the connection to be reused; its content does not matter here.
    req.on('data', () => undefined);
    req.on('end', () => {
      const path = (req.url ?? '/').split('?')[0] as string;
      if ((req.method === 'POST' || req.method === 'PUT') && ACTIVITY_PATH.test(path)) {
        replies++;
        res.writeHead(req.method === 'PUT' ? 200 : 201, { 'content-type': 'application/json' });
        res.end(`{"id":"r${++nextId}"}`);
        for (const waiter of waiters) {
          if (replies >= waiter.count) {
            waiters.delete(waiter);
            waiter.resolve();
          }
        }
        return;
      }
      others++;
      if (req.method === 'POST' && /^\/v3\/conversations\/?$/.test(path)) {
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(`{"id":"a:created-${++nextId}","activityId":"r${nextId}"}`);
        return;
      }
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"error":{"code":"NotFound"}}');
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    replies: () => replies,
    others: () => others,
    waitForReplies(count, timeoutMs = 10_000) {
      if (replies >= count) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const waiter = {
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`bench connector: waited ${timeoutMs} ms for ${count} replies, got ${replies}`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
