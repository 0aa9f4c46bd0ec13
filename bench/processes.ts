/**
 * The bots under test as child processes, started the same way: `node <entry>` with a clean environment, logs to a
 * file. Our bot runs from the production build (`node dist/index.js`), the floors from their plain-JS builds
 * (`node bench/build/echo-bot.js`, `node bench/build/teams-ai-bot.js`): no loader, no TypeScript at run time, for any.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, openSync, closeSync, readFileSync, statSync, readdirSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (bench/..). */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Which bot: the bare botbuilder echo bot, the minimal teams-ai bot, or ours. */
export type BotKind = 'echo' | 'teams-ai' | 'ours';

/** The floors' entry points, built by {@link buildFloorBots}. */
const FLOOR_ENTRIES: Readonly<Record<Exclude<BotKind, 'ours'>, string>> = { echo: 'echo-bot', 'teams-ai': 'teams-ai-bot' };
/** The module the floor bots share (their server), built next to them. */
const FLOOR_SHARED = ['floor-server'] as const;

/** Options of {@link spawnBot}. */
export interface SpawnBotOptions {
  readonly kind: BotKind;
  readonly port: number;
  /** Where its logs go (stdout and stderr). */
  readonly logFile: string;
  /** Ours only: STATE_DIR and KNOWLEDGE_DIR. */
  readonly stateDir?: string;
  readonly knowledgeDir?: string;
  /** Ours only: LOG_LEVEL (default info, as in production). */
  readonly logLevel?: string;
  /** Extra node options before the entry, e.g. `['--cpu-prof', '--cpu-prof-dir', dir]`. */
  readonly nodeArgs?: readonly string[];
}

/** A bot child process. */
export interface BotProcess {
  readonly kind: BotKind;
  readonly child: ChildProcess;
  readonly pid: number;
  readonly url: string;
  readonly messagesUrl: string;
  readonly logFile: string;
  /** Resident set size now, in MB (from /proc); undefined once it has exited. */
  rssMb(): number | undefined;
  /** CPU time used so far (user + system), in ms (from /proc, 10 ms resolution). */
  cpuMs(): number | undefined;
  /** Set once the process has exited. */
  exitCode(): number | null | undefined;
  /** The last lines of its log, for error messages. */
  logTail(lines?: number): string;
  /** SIGTERM, then SIGKILL after 5 s; resolves once it has exited. */
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1 (listen on 0, note the port, close). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The environment of a child: ours, minus anything that would load code into it (NODE_OPTIONS from tsx or npm). */
function childEnv(extra: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const key of ['PATH', 'HOME', 'LANG', 'TMPDIR']) if (process.env[key] !== undefined) env[key] = process.env[key];
  return { ...env, ...extra };
}

function readProc(pid: number, file: string): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return undefined;
  }
}

/** Resident set size of a process in MB, from /proc (Linux). */
export function rssOf(pid: number): number | undefined {
  const match = /VmRSS:\s+(\d+) kB/.exec(readProc(pid, 'status') ?? '');
  return match ? Number(match[1]) / 1024 : undefined;
}

/** CPU time of a process (user + system) in ms, from /proc (clock ticks of 10 ms). */
export function cpuMsOf(pid: number): number | undefined {
  const stat = readProc(pid, 'stat');
  if (!stat) return undefined;
  // Fields after the command name (which may hold spaces) start at field 3; utime and stime are fields 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Starts a bot; does not wait for it to listen (see {@link waitUntilListening}). */
export function spawnBot(options: SpawnBotOptions): BotProcess {
  const entry = options.kind === 'ours' ? path.join(ROOT, 'dist', 'index.js') : path.join(ROOT, 'bench', 'build', `${FLOOR_ENTRIES[options.kind]}.js`);
  if (!existsSync(entry)) throw new Error(`bench: ${entry} is missing (build first)`);
  const args = [...(options.nodeArgs ?? []), ...(options.kind === 'ours' ? [entry] : [entry, '--port', String(options.port)])];
  const env =
    options.kind === 'ours'
      ? childEnv({
          PORT: String(options.port),
          HOST: '127.0.0.1',
          STATE_DIR: options.stateDir ?? '',
          KNOWLEDGE_DIR: options.knowledgeDir ?? path.join(ROOT, 'data'),
          LOG_LEVEL: options.logLevel ?? 'info',
        })
      : childEnv({});
  const log = openSync(options.logFile, 'a');
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', log, log] });
  closeSync(log);
  if (child.pid === undefined) throw new Error(`bench: could not start ${entry}`);
  const pid = child.pid;
  let exit: number | null | undefined;
  const exited = new Promise<void>((resolve) => child.once('exit', (code) => ((exit = code), resolve())));
  const url = `http://127.0.0.1:${options.port}`;
  return {
    kind: options.kind,
    child,
    pid,
    url,
    messagesUrl: `${url}/api/messages`,
    logFile: options.logFile,
    rssMb: () => (exit === undefined ? rssOf(pid) : undefined),
    cpuMs: () => (exit === undefined ? cpuMsOf(pid) : undefined),
    exitCode: () => exit,
    logTail(lines = 15) {
      try {
        return readFileSync(options.logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
      } catch {
        return '(no log)';
      }
    },
    async stop() {
      if (exit !== undefined) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Resolves once the port accepts connections; rejects if the process exits first or after `timeoutMs`. */
export async function waitUntilListening(bot: BotProcess, port: number, timeoutMs = 30_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (bot.exitCode() !== undefined) throw new Error(`bench: the ${bot.kind} bot exited (code ${bot.exitCode()}):\n${bot.logTail()}`);
    const connected = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (connected) return;
    if (performance.now() > deadline) throw new Error(`bench: the ${bot.kind} bot did not listen within ${timeoutMs} ms:\n${bot.logTail()}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(file) : statSync(file).mtimeMs);
  }
  return newest;
}

/** What {@link ensureProductionBuild} did. */
export interface BuildReport {
  /** Whether `dist/` was rebuilt (it was missing or older than `src/`). */
  readonly rebuilt: boolean;
  readonly ms: number;
  /** Compiler complaints (the build still emits), if any. */
  readonly warnings?: string;
}

/** Runs the production build (`tsc -p tsconfig.build.json`) when `dist/` is missing or older than `src/`. */
export async function ensureProductionBuild(): Promise<BuildReport> {
  const started = performance.now();
  const distEntry = path.join(ROOT, 'dist', 'index.js');
  const stale = !existsSync(distEntry) || statSync(distEntry).mtimeMs < newestMtime(path.join(ROOT, 'src'));
  let warnings: string | undefined;
  if (stale) {
    const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const output = await new Promise<{ code: number | null; text: string }>((resolve) => {
      const child = spawn(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: ROOT, env: childEnv({}), stdio: ['ignore', 'pipe', 'pipe'] });
      let text = '';
      child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.once('exit', (code) => resolve({ code, text }));
    });
    if (output.code !== 0) {
      if (!existsSync(distEntry)) throw new Error(`bench: the production build failed:\n${output.text}`);
      warnings = output.text.trim().split('\n').slice(0, 5).join('\n');
    }
  }
  return { rebuilt: stale, ms: performance.now() - started, ...(warnings && { warnings }) };
}

/** Transpiles the floor bots (and the module they share) to plain JavaScript (`bench/build/*.js`), so they run without a loader like ours. */
export async function buildFloorBots(): Promise<string[]> {
  const ts = (await import('typescript')).default;
  const outs: string[] = [];
  for (const name of [...Object.values(FLOOR_ENTRIES), ...FLOOR_SHARED]) {
    const source = await readFile(path.join(ROOT, 'bench', `${name}.ts`), 'utf8');
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
      fileName: `${name}.ts`,
    });
    const out = path.join(ROOT, 'bench', 'build', `${name}.js`);
    await mkdir(path.dirname(out), { recursive: true });
    await writeFile(out, outputText);
    outs.push(out);
  }
  return outs;
}
