import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

const LOOPBACK = '127.0.0.1';
const BIND_LOOPBACK = fileURLToPath(new URL('./bind-loopback.cjs', import.meta.url));
const NO_BROWSER_BIN = fileURLToPath(new URL('./no-browser', import.meta.url));
const PLAYGROUND_CLI = join(
  dirname(createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/package.json')),
  'cli.js',
);

export interface PlaygroundOptions {
  /** The environment the bot starts with; the playground overrides what local mode needs (see {@link localBotEnv}). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The bot's port; 0 picks a free one. */
  readonly botPort: number;
  /** The playground's port; if taken, a free one is used instead. */
  readonly playgroundPort: number;
  /** Start the bot (`node --import tsx src/index.ts`); false connects to a bot already listening on `botPort`. */
  readonly startBot: boolean;
  /** Where the playground writes its `devTools/` folder. */
  readonly cwd: string;
  /** Receives every line the bot and the playground print, prefixed with `[bot]` or `[playground]`. */
  readonly output: (line: string) => void;
  /** How long to wait for each process to come up, in milliseconds. */
  readonly startTimeoutMs?: number;
}

export interface RunningPlayground {
  /** The URL to open in a browser. */
  readonly url: string;
  /** The bot's messaging endpoint the playground talks to. */
  readonly botEndpoint: string;
  /** Resolves when the bot or the playground exits on its own, naming which one. */
  readonly exited: Promise<{ readonly name: 'bot' | 'playground'; readonly code: number | null }>;
  /** Stops both processes (the ones this call started). */
  stop(): Promise<void>;
}

/**
 * The bot's environment in the playground: local mode (no Bot Framework credentials, since the playground sends no
 * tokens), any tenant and everyone a leader (the playground's users are made up), listening on 127.0.0.1 only, and
 * its own state folder so trying things out never touches real state.
 */
export function localBotEnv(env: Readonly<Record<string, string | undefined>>, port: number): Record<string, string> {
  const base = Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
  return {
    ...base,
    HOST: LOOPBACK,
    PORT: String(port),
    MicrosoftAppId: '',
    MicrosoftAppPassword: '',
    MicrosoftAppType: '',
    MicrosoftAppTenantId: '',
    ALLOWED_TENANT_IDS: '',
    LEADER_IDS: '',
    STATE_DIR: env.PLAYGROUND_STATE_DIR ?? join('.state', 'playground'),
  };
}

/** Finds a free TCP port on 127.0.0.1, `preferred` if it is free. */
export async function findFreePort(preferred = 0): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number | undefined>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(undefined));
      server.listen(port, LOOPBACK, () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : undefined));
      });
    });
  return (preferred !== 0 ? await tryPort(preferred) : undefined) ?? (await tryPort(0)) ?? Promise.reject(new Error('no free port on 127.0.0.1'));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Settles like `promise`, or rejects with `message` after `ms`; the timer never outlives the race. */
async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

/** Resolves once an HTTP server answers at `url` with any status; rejects after `timeoutMs` or when `gone` settles. */
async function waitForHttp(url: string, timeoutMs: number, gone: Promise<unknown>): Promise<void> {
  let exited = false;
  void gone.then(() => (exited = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !exited) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await sleep(200);
    }
  }
  throw new Error(exited ? `the process serving ${url} exited before it answered` : `nothing answered at ${url} within ${timeoutMs} ms`);
}

function forward(child: ChildProcess, prefix: string, output: (line: string) => void, onLine?: (line: string) => void): void {
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    createInterface({ input: stream }).on('line', (line) => {
      onLine?.(line);
      output(`${prefix} ${line}`);
    });
  }
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = exitOf(child);
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/**
 * Starts the bot (unless told not to) and the Microsoft 365 Agents Playground against it, both on 127.0.0.1 only:
 * the playground through a `--require` preload that pins its `listen` to loopback, since it has no option for it.
 */
export async function startPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  const timeoutMs = options.startTimeoutMs ?? 60_000;
  const children: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(children.map(stopChild));
  };
  try {
    const botPort = options.startBot ? await findFreePort(options.botPort) : options.botPort;
    if (options.startBot && options.botPort !== 0 && botPort !== options.botPort) {
      throw new Error(`port ${options.botPort} on 127.0.0.1 is taken; stop what runs there or choose another --bot-port`);
    }
    const botEndpoint = `http://${LOOPBACK}:${botPort}/api/messages`;
    const exits: Promise<{ name: 'bot' | 'playground'; code: number | null }>[] = [];

    if (options.startBot) {
      const bot = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'src/index.ts')], {
        cwd: REPO_ROOT,
        env: localBotEnv(options.env, botPort),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.push(bot);
      forward(bot, '[bot]', options.output);
      const botExit = exitOf(bot).then((code) => ({ name: 'bot' as const, code }));
      exits.push(botExit);
      await waitForHttp(`http://${LOOPBACK}:${botPort}/healthz`, timeoutMs, botExit);
    } else {
      await waitForHttp(`http://${LOOPBACK}:${botPort}/healthz`, timeoutMs, new Promise(() => undefined));
    }

    const port = await findFreePort(options.playgroundPort);
    let announce: (address: string) => void = () => undefined;
    const listening = new Promise<string>((resolve) => (announce = resolve));
    const playground = spawn(
      process.execPath,
      [
        '--require',
        BIND_LOOPBACK,
        PLAYGROUND_CLI,
        '--app-endpoint',
        botEndpoint,
        '--channel-id',
        'msteams',
        '--port',
        String(port),
        // The default service URL says localhost, which may resolve to ::1, where nothing listens.
        '--service-url',
        `http://${LOOPBACK}:${port}/_connector`,
        '--disable-telemetry',
      ],
      // The playground must not open a browser by itself: BROWSER=none, and a no-op xdg-open first on PATH,
      // since its `open` dependency runs xdg-open regardless and the process exits when none is installed.
      {
        cwd: options.cwd,
        env: { ...process.env, BROWSER: 'none', PATH: `${NO_BROWSER_BIN}${delimiter}${process.env.PATH ?? ''}` },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    children.push(playground);
    forward(playground, '[playground]', options.output, (line) => {
      const match = /^\[bind-loopback\] listening on (\S+)$/.exec(line);
      if (match?.[1] === `${LOOPBACK}:${port}`) announce(match[1]);
    });
    const playgroundExit = exitOf(playground).then((code) => ({ name: 'playground' as const, code }));
    exits.push(playgroundExit);
    const address = await withTimeout(
      Promise.race([listening, playgroundExit.then(() => Promise.reject(new Error('the playground exited before it listened')))]),
      timeoutMs,
      `the playground did not listen on ${LOOPBACK}:${port} within ${timeoutMs} ms`,
    );
    const url = `http://${address}/`;
    await waitForHttp(url, timeoutMs, playgroundExit);
    return { url, botEndpoint, exited: Promise.race(exits), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
