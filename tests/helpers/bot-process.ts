/**
 * The bot as a real process (`src/index.ts`) for end-to-end tests: spawned with only the given environment
 * (plus PATH), its JSON log lines collected as they come, and a wait for its ready line.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface BotProcess {
  readonly child: ChildProcess;
  /** Every stdout line, parsed as JSON (a line that is not JSON becomes `{ msg: line }`). */
  readonly lines: Record<string, any>[];
  /** What the process wrote to stderr so far (empty when stderr is inherited or goes to `lines`). */
  readonly stderr: () => string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface BotProcessOptions {
  /** `capture` (default): kept for `stderr()`; `inherit`: the test's own stderr; `lines`: appended to `lines` as `{ msg: 'stderr: …' }`. */
  readonly stderr?: 'capture' | 'inherit' | 'lines';
}

/** Starts `src/index.ts` in a child process with only the given environment (plus PATH). */
export function startBotProcess(env: Record<string, string>, options: BotProcessOptions = {}): BotProcess {
  const mode = options.stderr ?? 'capture';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', mode === 'inherit' ? 'inherit' : 'pipe'],
  });
  const lines: Record<string, any>[] = [];
  let buffered = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const parts = buffered.split('\n');
    buffered = parts.pop()!;
    for (const line of parts) {
      try {
        lines.push(JSON.parse(line) as Record<string, any>);
      } catch {
        lines.push({ msg: line });
      }
    }
  });
  let errors = '';
  if (mode === 'capture') child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
  if (mode === 'lines') child.stderr!.on('data', (chunk: Buffer) => lines.push({ msg: `stderr: ${chunk.toString('utf8')}` }));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return { child, lines, stderr: () => errors, exited };
}

/** Polls `probe` until it returns something other than `undefined` or `false`. */
export async function until<T>(what: string, probe: () => T | undefined | false, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Whether a log line is the bot's ready line (`bot started …`, carrying the `url` it listens on). */
export function isReadyLine(line: Record<string, any>): boolean {
  return typeof line.msg === 'string' && line.msg.startsWith('bot started');
}

/** Waits for the ready line; on timeout the error carries what the process wrote (stderr, or the log lines). */
export async function waitUntilReady(bot: BotProcess, what = 'the bot to start', timeoutMs = 60_000): Promise<Record<string, any>> {
  return until(what, () => bot.lines.find(isReadyLine), timeoutMs).catch((error: Error) => {
    const output = bot.stderr() || bot.lines.map((line) => line.msg).join(' | ');
    throw new Error(`${error.message}; output: ${output}`);
  });
}

/** Kills the process if it still runs (SIGKILL) and waits for it to exit: for test clean-up. */
export async function stopBotProcess(bot: BotProcess): Promise<void> {
  if (bot.child.exitCode === null && bot.child.signalCode === null) bot.child.kill('SIGKILL');
  await bot.exited;
}
