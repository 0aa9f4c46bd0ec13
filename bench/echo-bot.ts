/**
 * The floor: a bare echo bot on our stack (restify 12 + botbuilder's CloudAdapter in local mode), replying through
 * the connector like our bot does. Nothing else: no app framework, no logging, no state.
 *
 * The benchmark runs it as a child process (`node bench/build/echo-bot.js --port <n>`), like our bot.
 */
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { ActivityTypes, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import restify from 'restify';
import type { Request, Response } from 'restify';

/** A running echo bot. */
export interface EchoBot {
  readonly url: string;
  readonly messagesUrl: string;
  close(): Promise<void>;
}

/** Starts the echo bot on `host:port` (port 0 picks a free one). */
export async function startEchoBot(port: number, host = '127.0.0.1'): Promise<EchoBot> {
  // No app id: the adapter checks no tokens and sends none (local mode), as our bot does without MicrosoftAppId.
  const auth = new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '' } as ConfigurationBotFrameworkAuthenticationOptions);
  const adapter = new CloudAdapter(auth);
  const server = restify.createServer({ name: 'echo-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ mapParams: false }));
  server.post('/api/messages', async (req: Request, res: Response) => {
    await adapter.process(req, res, async (context) => {
      if (context.activity.type === ActivityTypes.Message) await context.sendActivity(`Echo: ${context.activity.text ?? ''}`);
    });
  });
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

function portArgument(argv: readonly string[]): number {
  const index = argv.indexOf('--port');
  const port = index === -1 ? Number.NaN : Number(argv[index + 1]);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('echo-bot: usage: echo-bot --port <number>');
  return port;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const bot = await startEchoBot(portArgument(process.argv.slice(2)));
  const stop = () => void bot.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
