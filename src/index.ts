/**
 * Entry point: starts the bot with the production wiring and stops it gracefully on SIGTERM/SIGINT.
 */
import { ConfigError } from './config/env.js';
import { startBot } from './main.js';

try {
  await startBot({ handleSignals: true });
} catch (error) {
  // Misconfiguration and bad knowledge files are explained by their messages; a stack would only hide them.
  const message = error instanceof ConfigError || (error instanceof Error && error.message.startsWith('knowledge:')) ? error.message : error;
  console.error('The bot could not start:', message);
  process.exit(1);
}
