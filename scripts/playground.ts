/**
 * Starts the bot and the Microsoft 365 Agents Playground against it, both on 127.0.0.1 only, and prints the URL to
 * open (`npm run playground`). The bot runs in local mode: no Bot Framework credentials, any tenant, everyone a
 * leader, state in .state/playground (or PLAYGROUND_STATE_DIR). Ctrl+C stops both.
 *
 * Options: --port <n> (playground, default 56150, another free one if taken), --bot-port <n> (default 3978),
 * --no-bot (use a bot that is already running on --bot-port in local mode).
 */
import { parseArgs } from 'node:util';
import { REPO_ROOT, startPlayground } from './lib/playground.js';

const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: '56150' },
    'bot-port': { type: 'string', default: '3978' },
    'no-bot': { type: 'boolean', default: false },
  },
});

const toPort = (name: string, value: string | undefined): number => {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--${name} must be a port number, got "${value}"`);
    process.exit(2);
  }
  return port;
};

let playground;
try {
  playground = await startPlayground({
    // Scripts are entry points like src/index.ts: the environment is read here and passed in.
    env: process.env,
    botPort: toPort('bot-port', args['bot-port']),
    playgroundPort: toPort('port', args.port),
    startBot: !args['no-bot'],
    cwd: REPO_ROOT,
    output: (line) => console.log(line),
  });
} catch (error) {
  console.error(`The playground did not start: ${(error as Error).message}`);
  process.exit(1);
}

console.log('');
console.log(`  Bot:        ${playground.botEndpoint} (local mode)`);
console.log(`  Playground: ${playground.url}`);
console.log('');
console.log('  Open the playground URL in a browser and write to the bot, e.g. "hjælp". Ctrl+C stops both.');
console.log('');

let stopping = false;
const shutdown = async (code: number) => {
  if (stopping) return;
  stopping = true;
  await playground.stop();
  process.exit(code);
};
process.once('SIGINT', () => void shutdown(0));
process.once('SIGTERM', () => void shutdown(0));
const exited = await playground.exited;
if (!stopping) {
  console.error(`The ${exited.name} exited (code ${String(exited.code)}); stopping.`);
  await shutdown(exited.code === 0 ? 0 : 1);
}
