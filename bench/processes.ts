import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  freePort,
  startEmulatorProcess,
  startProcess,
  type EmulatorProcess,
} from '../lib/testing/emulator-process';
import { writeDemoUsers } from '../scripts/demo-users';
import { SERVER_ENV, serverNodeArgs } from '../scripts/server-command';

// The processes a bench run measures: the emulator and the built console, each in its own process, on
// free loopback ports, stopped when the run ends.

const children: ChildProcess[] = [];

export async function startEmulator(env: Record<string, string>) {
  const emulator = await startEmulatorProcess(env);
  children.push(emulator.child);
  return emulator;
}

export interface ConsoleServer {
  url: string;
  pid: number;
}

/** The built app through server.ts, as `npm start` runs it (run `npm run build` first), demo users, its own data directory. */
export async function startConsoleProcess(env: Record<string, string>): Promise<ConsoleServer> {
  const port = await freePort();
  const child = await startProcess(
    process.execPath,
    serverNodeArgs(port),
    {
      ...SERVER_ENV,
      KVSTORE_DEMO: '1',
      NEXT_TELEMETRY_DISABLED: '1',
      NEXTAUTH_SECRET: randomBytes(32).toString('base64'),
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      ...env,
    },
    /Ready on/,
  );
  children.push(child);
  return { url: `http://127.0.0.1:${port}`, pid: child.pid! };
}

/**
 * The built console against `emulator`, with the demo users and a data directory of its own under the
 * system's temp directory, the warmer off (a bench measures what it asks for); `env` adds or overrides.
 */
export async function startBenchConsole(
  emulator: EmulatorProcess,
  name: string,
  env: Record<string, string> = {},
): Promise<ConsoleServer> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `kvb-bench-${name}-`));
  const usersFile = path.join(dataDir, 'users.json');
  await writeDemoUsers(usersFile);
  return startConsoleProcess({
    ...emulator.env,
    DATA_DIR: dataDir,
    AUDIT_DB_PATH: path.join(dataDir, 'audit.db'),
    AUTH_USERS_FILE: usersFile,
    INDEX_WARM: '0',
    ...env,
  });
}

/** Resident memory of a process and its descendants, in MiB (Linux /proc). */
export function rssMiB(pid: number): number {
  const kib = (p: number): number => {
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      const own = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      const kids = readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
      return own + kids.reduce((n, k) => n + kib(Number(k)), 0);
    } catch {
      return 0;
    }
  };
  return kib(pid) / 1024;
}

export function stopAll(): void {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
}
