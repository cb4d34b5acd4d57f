// `npm run demo`: builds the console when needed, starts the R-kvstore emulator and the console
// against it, prints where to go, and stops both on Ctrl-C / SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { buildIfNeeded } from './build-if-needed';
import { writeDemoUsers } from './demo-users';

const root = path.resolve(__dirname, '..');
const port = Number(process.env.PORT ?? 3000);
const emulatorPort = Number(process.env.EMULATOR_PORT ?? 4010);
const accessKeyId = process.env.EMULATOR_ACCESS_KEY_ID ?? 'demo-access-key-id';
const accessKeySecret = process.env.EMULATOR_ACCESS_KEY_SECRET ?? 'demo-access-key-secret';
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

const children: ChildProcess[] = [];
let stopping = false;

function stop(code: number): void {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 300).unref();
}

function start(
  name: string,
  command: string,
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let seen = false;
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      for (const line of text.split('\n').filter(Boolean)) console.log(`[${name}] ${line}`);
      if (!seen && ready.test(text)) {
        seen = true;
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      if (!seen) reject(new Error(`${name} exited with code ${code} before it was ready`));
      else if (!stopping) {
        console.error(`[${name}] exited with code ${code}; stopping the demo`);
        stop(code ?? 1);
      }
    });
  });
}

async function main(): Promise<void> {
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));

  buildIfNeeded();

  const usersFile = path.join(root, 'data', 'demo-users.json');
  await writeDemoUsers(usersFile);

  const emulatorUrl = `http://127.0.0.1:${emulatorPort}`;
  await start(
    'emulator',
    bin('tsx'),
    ['emulator/main.ts', '--port', String(emulatorPort)],
    {
      EMULATOR_ACCESS_KEY_ID: accessKeyId,
      EMULATOR_ACCESS_KEY_SECRET: accessKeySecret,
    },
    /listening on/,
  );

  await start(
    'console',
    process.execPath,
    ['--import', 'tsx', 'server.ts', '--port', String(port), '--hostname', '127.0.0.1'],
    {
      KVSTORE_ENDPOINT: emulatorUrl,
      ALIBABA_CLOUD_ACCESS_KEY_ID: accessKeyId,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: accessKeySecret,
      ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true',
      KVSTORE_DEMO: '1',
      NEXT_TELEMETRY_DISABLED: '1',
      AUTH_USERS_FILE: usersFile,
      // A fresh secret per run signs everyone out on restart, which is what a demo wants.
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString('base64'),
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://127.0.0.1:${port}`,
    },
    /Ready|started server|Local:/,
  );

  console.log('');
  console.log(`kvstore-backups demo is running at http://127.0.0.1:${port}`);
  console.log(
    `  against the R-kvstore emulator at ${emulatorUrl} (seeded data, no Alibaba Cloud account needed)`,
  );
  console.log('Sign in as demo / demo (admin), downloader / downloader, or viewer / viewer.');
  console.log('Press Ctrl-C to stop both.');
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  stop(1);
});
