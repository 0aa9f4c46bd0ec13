/**
 * What the two floor bots (bench/echo-bot.ts, bench/teams-ai-bot.ts) share: the restify server that takes
 * `POST /api/messages`, and running as a child process (`--port <n>`, exit on SIGTERM/SIGINT). Built next to
 * them into bench/build/ by `buildFloorBots` (bench/processes.ts).
 */
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import restify from 'restify';
import type { Request, Response } from 'restify';

/** A running floor bot. */
export interface FloorBot {
  readonly url: string;
  readonly messagesUrl: string;
  close(): Promise<void>;
}

/** Serves `POST /api/messages` with `handle` on `host:port` (port 0 picks a free one). */
export async function serveMessages(name: string, port: number, host: string, handle: (req: Request, res: Response) => Promise<void>): Promise<FloorBot> {
  const server = restify.createServer({ name, handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ mapParams: false }));
  server.post('/api/messages', handle);
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.address() as AddressInfo;
  const url = `http://${host}:${address.port}`;
  return {
    url,
    messagesUrl: `${url}/api/messages`,
    close: () =>
      new Promise<void>((resolve) => {
        server.server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function portArgument(name: string, argv: readonly string[]): number {
  const index = argv.indexOf('--port');
  const port = index === -1 ? Number.NaN : Number(argv[index + 1]);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${name}: usage: ${name} --port <number>`);
  return port;
}

/** When the module at `moduleUrl` is the process's entry point: starts it on `--port <n>`, stops on SIGTERM/SIGINT. */
export async function runIfMain(moduleUrl: string, name: string, start: (port: number) => Promise<FloorBot>): Promise<void> {
  if (moduleUrl !== pathToFileURL(process.argv[1] ?? '').href) return;
  const bot = await start(portArgument(name, process.argv.slice(2)));
  const stop = () => void bot.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
