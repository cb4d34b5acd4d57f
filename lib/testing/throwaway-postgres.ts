import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from './emulator-process';

// A PostgreSQL server of its own in a temporary directory on a free loopback port, from Debian's package
// (`apt-get install postgresql`): for `npm test`, the replicas e2e and `npm run demo -- --replicas 2`.
// PostgreSQL refuses to run as root, so when we are root it runs as the `postgres` user the package creates.
// stop() ends it and removes the directory.

export interface ThrowawayPostgres {
  /** The `postgres` database, as its superuser (trust authentication on loopback). */
  url: string;
  port: number;
  /** A new empty database; returns its URL. */
  createDatabase(name?: string): Promise<string>;
  stop(): Promise<void>;
}

/** Where initdb and postgres are: PG_BIN, or the newest /usr/lib/postgresql/N/bin; null when not installed. */
export function postgresBinDir(): string | null {
  const candidates = process.env.PG_BIN
    ? [process.env.PG_BIN]
    : existsSync('/usr/lib/postgresql')
      ? readdirSync('/usr/lib/postgresql')
          .filter((v) => /^\d+$/.test(v))
          .sort((a, b) => Number(b) - Number(a))
          .map((v) => `/usr/lib/postgresql/${v}/bin`)
      : [];
  return (
    candidates.find(
      (dir) => existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'postgres')),
    ) ?? null
  );
}

export const POSTGRES_MISSING =
  'PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb; set PG_BIN to its bin directory): ' +
  'apt-get install postgresql';

/** The user to run as: ourselves, or `postgres` (else `nobody`) when we are root. */
function runAs(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  for (const user of ['postgres', 'nobody']) {
    try {
      const id = (flag: string) => Number(execFileSync('id', [flag, user], { encoding: 'utf8' }).trim());
      return { uid: id('-u'), gid: id('-g') };
    } catch {
      // no such user
    }
  }
  throw new Error('running as root, but there is no postgres or nobody user to run PostgreSQL as');
}

function waitForReady(child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`PostgreSQL did not start:\n${output()}`)), timeoutMs);
    const check = () => {
      if (/database system is ready to accept connections/.test(output())) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', check);
    child.stderr!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`PostgreSQL exited with ${code} before it was ready:\n${output()}`));
    });
  });
}

export async function startThrowawayPostgres({
  durable = false,
  port: wantedPort,
}: {
  /** fsync on: the demo keeps it; tests need no crash safety of the server itself. */
  durable?: boolean;
  port?: number;
} = {}): Promise<ThrowawayPostgres> {
  const bin = postgresBinDir();
  if (!bin) throw new Error(POSTGRES_MISSING);
  const user = runAs();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kvb-postgres-'));
  const data = path.join(dir, 'data');
  if (user) chownSync(dir, user.uid, user.gid);
  const owned = user ? { uid: user.uid, gid: user.gid } : {};
  const env = { ...process.env, LC_ALL: 'C', HOME: dir };

  const init = spawnSync(
    path.join(bin, 'initdb'),
    ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync'],
    { ...owned, env, cwd: dir, encoding: 'utf8' },
  );
  if (init.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb failed (${init.status}): ${init.stderr || init.error?.message}`);
  }

  const port = wantedPort ?? (await freePort());
  const settings = {
    listen_addresses: '127.0.0.1',
    unix_socket_directories: dir,
    max_connections: '200',
    ...(durable ? {} : { fsync: 'off', full_page_writes: 'off', synchronous_commit: 'off' }),
  };
  const child = spawn(
    path.join(bin, 'postgres'),
    ['-D', data, '-p', String(port), ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])],
    { ...owned, env, cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  // If whoever started it exits without stop() (a crash), the server and its files go too.
  const killOnExit = () => {
    child.kill('SIGQUIT');
    remove();
  };
  process.once('exit', killOnExit);
  try {
    await waitForReady(child, () => output, 30_000);
  } catch (err) {
    child.kill('SIGKILL');
    await exited;
    remove();
    throw err;
  }

  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let stopped: Promise<void> | null = null;
  return {
    url,
    port,
    async createDatabase(name = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    stop() {
      stopped ??= (async () => {
        process.removeListener('exit', killOnExit);
        // Fast shutdown: ends the sessions, rolls back what is open, exits.
        child.kill('SIGINT');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
        remove();
      })();
      return stopped;
    },
  };
}
