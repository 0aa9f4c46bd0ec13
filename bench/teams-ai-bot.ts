/**
 * The second floor: the minimal bot of our stack, restify + teams-ai's `TeamsAdapter` and `Application`, replying
 * "Echo: <text>" to every message. Nothing else: no commands, no logging, no state, no answering engine. It is what
 * any bot on this stack pays; the benchmark measures what ours adds on top of it.
 *
 * The benchmark runs it as a child process (`node bench/build/teams-ai-bot.js --port <n>`), like our bot.
 */
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { Application, TeamsAdapter } from '@microsoft/teams-ai';
import type { ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import restify from 'restify';
import type { Request, Response } from 'restify';

/** A running teams-ai echo bot. */
export interface TeamsAiBot {
  readonly url: string;
  readonly messagesUrl: string;
  close(): Promise<void>;
}

/** Starts the bot on `host:port` (port 0 picks a free one). */
export async function startTeamsAiBot(port: number, host = '127.0.0.1'): Promise<TeamsAiBot> {
  // No app id: local mode, as our bot without MicrosoftAppId (no tokens checked or sent).
  const adapter = new TeamsAdapter({ MicrosoftAppId: '' } as ConfigurationBotFrameworkAuthenticationOptions);
  // The same Application options as ours where they change the work per turn (src/teams/app.ts).
  const app = new Application({ adapter, removeRecipientMention: true, startTypingTimer: false, longRunningMessages: false });
  app.activity('message', async (context) => {
    await context.sendActivity(`Echo: ${context.activity.text ?? ''}`);
  });
  const server = restify.createServer({ name: 'teams-ai-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ mapParams: false }));
  server.post('/api/messages', async (req: Request, res: Response) => {
    await adapter.process(req, res, async (context) => {
      await app.run(context);
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
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('teams-ai-bot: usage: teams-ai-bot --port <number>');
  return port;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const bot = await startTeamsAiBot(portArgument(process.argv.slice(2)));
  const stop = () => void bot.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
