import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

// The processes a bench run measures: the emulator and the built console, each in its own process, on
// free loopback ports, stopped when the run ends.

const root = path.resolve(__dirname, '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
const children: ChildProcess[] = [];

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function start(
  command: string,
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) resolve(child);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`${command} exited with ${code} before it was ready:\n${output}`)),
    );
  });
}

export const EMULATOR_KEY = { id: 'bench-access-key-id', secret: `bench-${randomBytes(8).toString('hex')}` };

export async function startEmulatorProcess(env: Record<string, string>): Promise<string> {
  const port = await freePort();
  await start(
    bin('tsx'),
    ['emulator/main.ts', '--port', String(port)],
    { EMULATOR_ACCESS_KEY_ID: EMULATOR_KEY.id, EMULATOR_ACCESS_KEY_SECRET: EMULATOR_KEY.secret, ...env },
    /listening on/,
  );
  return `http://127.0.0.1:${port}`;
}

/** The server's environment pointed at the emulator. */
export function upstreamEnv(emulatorUrl: string): Record<string, string> {
  return {
    KVSTORE_ENDPOINT: emulatorUrl,
    ALIBABA_CLOUD_ACCESS_KEY_ID: EMULATOR_KEY.id,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: EMULATOR_KEY.secret,
    ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true',
  };
}

export interface ConsoleServer {
  url: string;
  pid: number;
}

/** The built app through server.ts, as `npm start` runs it (run `npm run build` first), demo users, its own data directory. */
export async function startConsoleProcess(env: Record<string, string>): Promise<ConsoleServer> {
  const port = await freePort();
  const child = await start(
    process.execPath,
    ['--import', 'tsx', 'server.ts', '--port', String(port), '--hostname', '127.0.0.1'],
    {
      KVSTORE_DEMO: '1',
      NEXT_TELEMETRY_DISABLED: '1',
      NEXTAUTH_SECRET: randomBytes(32).toString('base64'),
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      ...env,
    },
    /Ready on/,
  );
  return { url: `http://127.0.0.1:${port}`, pid: child.pid! };
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
