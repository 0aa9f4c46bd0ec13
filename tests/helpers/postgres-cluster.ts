/**
 * A throwaway PostgreSQL server for tests: Debian's `postgresql` package, a fresh data folder under the temp
 * directory, 127.0.0.1 on a free port, the socket inside the data folder, loopback-only pg_hba with a random
 * password (scram). As root it runs as the `postgres` OS user (the server refuses root). Not Docker, not a mock.
 *
 * Missing binaries are an error, never a skip: CI installs the package (`.ci/run`).
 */
import { execFile, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, chown, mkdtemp, readdir, rm, writeFile, appendFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A running test cluster. */
export interface PostgresCluster {
  /** `postgres://postgres:…@127.0.0.1:<port>/postgres`: the admin connection. */
  readonly adminUrl: string;
  /** The URL of database `name` on this server. */
  urlOf(name: string): string;
  stop(): Promise<void>;
}

/** Where Debian's server binaries are (`/usr/lib/postgresql/<major>/bin`), newest major first. */
export function findPostgresBin(root = '/usr/lib/postgresql'): string {
  const majors = existsSync(root)
    ? spawnSync('ls', [root], { encoding: 'utf8' }).stdout.split('\n').filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a))
    : [];
  for (const major of majors) {
    const bin = path.join(root, major, 'bin');
    if (existsSync(path.join(bin, 'initdb')) && existsSync(path.join(bin, 'pg_ctl'))) return bin;
  }
  throw new Error(
    `PostgreSQL server binaries not found (looked for ${root}/<version>/bin/initdb). The PostgreSQL tests need ` +
      "Debian's package: write `create_main_cluster = false` into /etc/postgresql-common/createcluster.conf, then " +
      '`apt-get install -y postgresql` (.ci/run does both).',
  );
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Options of {@link startPostgresCluster}. */
export interface PostgresClusterOptions {
  /** Flush commits to disk as a production server does (benchmarks); tests run without (default false). */
  readonly durable?: boolean;
}

/** Starts a fresh cluster; call `stop()` when done (it removes the data folder). */
export async function startPostgresCluster(options: PostgresClusterOptions = {}): Promise<PostgresCluster> {
  const bin = findPostgresBin();
  const asRoot = process.getuid?.() === 0;
  // As root the server runs as `postgres`, which must traverse every parent of the data folder: /tmp, not $TMPDIR.
  const dir = await mkdtemp(path.join(asRoot ? '/tmp' : os.tmpdir(), 'bot-pg-'));
  const data = path.join(dir, 'data');
  const password = randomBytes(18).toString('base64url');
  const pwfile = path.join(dir, 'pw');
  await writeFile(pwfile, `${password}\n`, { mode: 0o600 });
  const asServerUser = async (command: string, args: readonly string[]) => {
    const full = path.join(bin, command);
    return asRoot ? run('runuser', ['-u', 'postgres', '--', full, ...args], { timeout: 60_000 }) : run(full, [...args], { timeout: 60_000 });
  };
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const uid = Number(stdout.trim());
    const { stdout: gidOut } = await run('id', ['-g', 'postgres']);
    await chown(dir, uid, Number(gidOut.trim()));
    await chown(pwfile, uid, Number(gidOut.trim()));
    await chmod(dir, 0o700);
  }
  try {
    await asServerUser('initdb', ['-D', data, '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8', '--auth=scram-sha-256', `--pwfile=${pwfile}`, '--no-sync']);
    const port = await freePort();
    await appendFile(
      path.join(data, 'postgresql.conf'),
      [
        '',
        "listen_addresses = '127.0.0.1'",
        `port = ${port}`,
        `unix_socket_directories = '${data}'`,
        // A test server: durability is not under test here, speed is (a benchmark asks for the real thing).
        ...(options.durable ? [] : ['fsync = off', 'synchronous_commit = off', 'full_page_writes = off']),
        'max_connections = 200',
        'shared_buffers = 32MB',
        '',
      ].join('\n'),
    );
    await writeFile(
      path.join(data, 'pg_hba.conf'),
      ['local all postgres scram-sha-256', 'host all all 127.0.0.1/32 scram-sha-256', 'host all all ::1/128 scram-sha-256', ''].join('\n'),
    );
    await asServerUser('pg_ctl', ['-D', data, '-l', path.join(data, 'server.log'), '-w', '-t', '60', 'start']);
    const base = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}`;
    let stopped = false;
    return {
      adminUrl: `${base}/postgres`,
      urlOf: (name) => `${base}/${name}`,
      async stop() {
        if (stopped) return;
        stopped = true;
        try {
          await asServerUser('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    const files = existsSync(data) ? await readdir(data).catch(() => []) : [];
    await rm(dir, { recursive: true, force: true });
    throw new Error(`could not start a test PostgreSQL in ${dir} (data folder had ${files.length} entries): ${(error as Error).message}`, { cause: error });
  }
}
