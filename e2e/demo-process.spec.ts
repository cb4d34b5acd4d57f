import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../lib/testing/emulator-process';
import { expect, test } from './fixtures';
import { waitForHealth } from './server-process';

// `npm run demo` stops everything it started on SIGINT or SIGTERM, whether the signal goes to npm
// (what a supervisor or a terminal's Ctrl-C reaches) or to the demo process itself. Uses the build the
// e2e run already made.

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** Every process below `pid` (Linux /proc). */
function descendants(pid: number): number[] {
  let kids: number[] = [];
  try {
    kids = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
  return kids.flatMap((k) => [k, ...descendants(k)]);
}

/** Running, not a zombie waiting for its parent. */
function isRunning(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

const cases = [
  ['npm', 'SIGINT'],
  ['npm', 'SIGTERM'],
  ['demo', 'SIGINT'],
  ['demo', 'SIGTERM'],
] as const;

for (const [target, signal] of cases) {
  test(`${signal} to the ${target} process stops the whole demo within 5 s`, async () => {
    test.setTimeout(120_000);
    const port = await freePort();
    const emulatorPort = await freePort();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kvb-demo-'));
    const npm = spawn('npm', ['run', 'demo'], {
      env: {
        ...process.env,
        PORT: String(port),
        EMULATOR_PORT: String(emulatorPort),
        DATA_DIR: dir,
        AUDIT_DB_PATH: path.join(dir, 'audit.db'),
        INDEX_WARM: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    npm.stdout.on('data', (d: Buffer) => (output += d.toString()));
    npm.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => npm.on('exit', (code) => resolve(code)));
    let tree: number[] = [];
    // What each process was when this test saw it below npm, so cleanup never touches a reused pid.
    const started = new Map<number, string>();
    try {
      await waitForHealth(port, 90_000);
      tree = descendants(npm.pid!);
      for (const pid of [npm.pid!, ...tree]) started.set(pid, commandLine(pid));
      const demo = tree.find((pid) => commandLine(pid).includes('scripts/demo.ts'));
      expect(demo, `the demo process among ${tree.map(commandLine).join(' | ')}`).toBeDefined();

      process.kill(target === 'npm' ? npm.pid! : demo!, signal);
      const deadline = Date.now() + 5_000;
      const code = await Promise.race([
        exited,
        new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 5_000)),
      ]);
      expect(code, output).toBe(0);
      await expect
        .poll(() => [npm.pid!, ...tree].filter(isRunning), {
          timeout: Math.max(0, deadline - Date.now()) + 100,
        })
        .toEqual([]);
      expect(await portIsFree(port)).toBe(true);
      expect(await portIsFree(emulatorPort)).toBe(true);
      expect(output).toMatch(/stopping/i);
    } finally {
      // Leave nothing behind when the test fails, and touch only the processes this test started.
      for (const pid of [npm.pid!, ...descendants(npm.pid!)])
        if (!started.has(pid)) started.set(pid, commandLine(pid));
      for (const [pid, cmd] of started) {
        if (isRunning(pid) && cmd && commandLine(pid) === cmd) process.kill(pid, 'SIGKILL');
      }
    }
  });
}
