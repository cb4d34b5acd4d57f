import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';

// The emulator in a process of its own (tests whose timing the caller's event loop must not distort, and
// the bench), on a free loopback port.

const root = path.resolve(__dirname, '..', '..');

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

/** Spawns `command` and resolves once its output matches `ready`. */
export function startProcess(
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

export interface EmulatorProcess {
  url: string;
  child: ChildProcess;
  /** The server environment that points the console at this emulator. */
  env: Record<string, string>;
}

export async function startEmulatorProcess(env: Record<string, string> = {}): Promise<EmulatorProcess> {
  const port = await freePort();
  const key = { id: 'process-access-key-id', secret: `process-${randomBytes(8).toString('hex')}` };
  const child = await startProcess(
    path.join(root, 'node_modules', '.bin', 'tsx'),
    ['emulator/main.ts', '--port', String(port)],
    { EMULATOR_ACCESS_KEY_ID: key.id, EMULATOR_ACCESS_KEY_SECRET: key.secret, ...env },
    /listening on/,
  );
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    child,
    env: {
      KVSTORE_ENDPOINT: url,
      ALIBABA_CLOUD_ACCESS_KEY_ID: key.id,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: key.secret,
      ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true',
    },
  };
}
