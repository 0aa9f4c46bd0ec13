/**
 * The second floor: the minimal bot of our stack, restify + teams-ai's `TeamsAdapter` and `Application`, replying
 * "Echo: <text>" to every message. Nothing else: no commands, no logging, no state, no answering engine. It is what
 * any bot on this stack pays; the benchmark measures what ours adds on top of it.
 *
 * The benchmark runs it as a child process (`node bench/build/teams-ai-bot.js --port <n>`), like our bot.
 */
import { Application, TeamsAdapter } from '@microsoft/teams-ai';
import type { ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import type { Request, Response } from 'restify';
import { runIfMain, serveMessages, type FloorBot } from './floor-server.js';

/** A running teams-ai echo bot. */
export type TeamsAiBot = FloorBot;

/** Starts the bot on `host:port` (port 0 picks a free one). */
export async function startTeamsAiBot(port: number, host = '127.0.0.1'): Promise<TeamsAiBot> {
  // No app id: local mode, as our bot without MicrosoftAppId (no tokens checked or sent).
  const adapter = new TeamsAdapter({ MicrosoftAppId: '' } as ConfigurationBotFrameworkAuthenticationOptions);
  // The same Application options as ours where they change the work per turn (src/teams/app.ts).
  const app = new Application({ adapter, removeRecipientMention: true, startTypingTimer: false, longRunningMessages: false });
  app.activity('message', async (context) => {
    await context.sendActivity(`Echo: ${context.activity.text ?? ''}`);
  });
  return serveMessages('teams-ai-bot', port, host, async (req: Request, res: Response) => {
    await adapter.process(req, res, async (context) => {
      await app.run(context);
    });
  });
}

await runIfMain(import.meta.url, 'teams-ai-bot', (port) => startTeamsAiBot(port));
