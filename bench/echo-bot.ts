/**
 * The floor: a bare echo bot on our stack (restify 12 + botbuilder's CloudAdapter in local mode), replying through
 * the connector like our bot does. Nothing else: no app framework, no logging, no state.
 *
 * The benchmark runs it as a child process (`node bench/build/echo-bot.js --port <n>`), like our bot.
 */
import { ActivityTypes, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import type { Request, Response } from 'restify';
import { runIfMain, serveMessages, type FloorBot } from './floor-server.js';

/** A running echo bot. */
export type EchoBot = FloorBot;

/** Starts the echo bot on `host:port` (port 0 picks a free one). */
export async function startEchoBot(port: number, host = '127.0.0.1'): Promise<EchoBot> {
  // No app id: the adapter checks no tokens and sends none (local mode), as our bot does without MicrosoftAppId.
  const auth = new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '' } as ConfigurationBotFrameworkAuthenticationOptions);
  const adapter = new CloudAdapter(auth);
  return serveMessages('echo-bot', port, host, async (req: Request, res: Response) => {
    await adapter.process(req, res, async (context) => {
      if (context.activity.type === ActivityTypes.Message) await context.sendActivity(`Echo: ${context.activity.text ?? ''}`);
    });
  });
}

await runIfMain(import.meta.url, 'echo-bot', (port) => startEchoBot(port));
