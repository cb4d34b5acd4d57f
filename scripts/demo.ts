// `npm run demo`: builds the console when needed, starts the R-kvstore emulator and the console
// against it, prints where to go, and stops everything on SIGINT or SIGTERM, whether the signal comes
// to this process or to npm (package.json runs this with `exec`, so npm's signals reach it directly).
// `npm run demo -- --replicas 2`: that many consoles on consecutive ports, sharing one PostgreSQL
// (DATABASE_URL, or a throwaway one started here and removed on exit) and the emulator.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../lib/testing/throwaway-postgres';
import { buildIfNeeded } from './build-if-needed';
import { writeDemoUsers } from './demo-users';
import { SERVER_ENV, serverNodeArgs } from './server-command';
import { Supervisor } from './supervisor';

const root = path.resolve(__dirname, '..');
const port = Number(process.env.PORT ?? 3000);
const emulatorPort = Number(process.env.EMULATOR_PORT ?? 4010);
const accessKeyId = process.env.EMULATOR_ACCESS_KEY_ID ?? 'demo-access-key-id';
const accessKeySecret = process.env.EMULATOR_ACCESS_KEY_SECRET ?? 'demo-access-key-secret';
// Children get SIGTERM, then SIGKILL after this: all is gone well within 5 s of the signal.
const STOP_GRACE_MS = 3_000;

const { values: args } = parseArgs({ options: { replicas: { type: 'string', default: '1' } }, strict: true });
const replicas = Number(args.replicas);
if (!Number.isInteger(replicas) || replicas < 1 || replicas > 8) {
  console.error(`--replicas: expected a whole number from 1 to 8, got "${args.replicas}"`);
  process.exit(2);
}
// One secret for every replica: a session signed by one is read by the others.
const nextAuthSecret = process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString('base64');
let postgres: ThrowawayPostgres | null = null;

const supervisor = new Supervisor(root, (name, code) => {
  console.error(`[${name}] exited with code ${code}; stopping the demo`);
  void stop(`${name} exited`, code || 1);
});
let stopping = false;

async function stop(reason: string, code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`Stopping the demo (${reason})…`);
  await supervisor.stopAll(STOP_GRACE_MS);
  await postgres?.stop().catch((err: unknown) => console.error(`[postgres] ${(err as Error).message}`));
  process.exit(code);
}

/** A supervisor may kill npm outright: then nothing forwards its signal, so notice the parent is gone. */
function stopWhenOrphaned(): void {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void stop('parent process gone', 0);
  }, 500).unref();
}

async function main(): Promise<void> {
  process.on('SIGINT', () => void stop('SIGINT', 0));
  process.on('SIGTERM', () => void stop('SIGTERM', 0));
  stopWhenOrphaned();

  buildIfNeeded();

  const usersFile = path.join(root, 'data', 'demo-users.json');
  await writeDemoUsers(usersFile);

  const emulatorUrl = `http://127.0.0.1:${emulatorPort}`;
  await supervisor.start(
    'emulator',
    ['--import', 'tsx', 'emulator/main.ts', '--port', String(emulatorPort)],
    { EMULATOR_ACCESS_KEY_ID: accessKeyId, EMULATOR_ACCESS_KEY_SECRET: accessKeySecret },
    /listening on/,
  );

  let databaseUrl = process.env.DATABASE_URL;
  if (replicas > 1 && !databaseUrl) {
    console.log('Starting PostgreSQL for the replicas (a temporary directory, removed on exit)…');
    postgres = await startThrowawayPostgres({ durable: true });
    databaseUrl = postgres.url;
    console.log(`[postgres] ready at ${databaseUrl}`);
  }

  const ports = Array.from({ length: replicas }, (_, i) => port + i);
  for (const [i, p] of ports.entries()) {
    await supervisor.start(
      replicas > 1 ? `console-${i + 1}` : 'console',
      serverNodeArgs(p),
      {
        ...SERVER_ENV,
        KVSTORE_ENDPOINT: emulatorUrl,
        ALIBABA_CLOUD_ACCESS_KEY_ID: accessKeyId,
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: accessKeySecret,
        ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true',
        KVSTORE_DEMO: '1',
        NEXT_TELEMETRY_DISABLED: '1',
        AUTH_USERS_FILE: usersFile,
        // A fresh secret per run signs everyone out on restart, which is what a demo wants.
        NEXTAUTH_SECRET: nextAuthSecret,
        NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://127.0.0.1:${p}`,
        ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      },
      /Ready on/,
    );
  }

  console.log('');
  if (replicas > 1) {
    console.log(`kvstore-backups demo: ${replicas} replicas on one PostgreSQL`);
    for (const p of ports) console.log(`  http://127.0.0.1:${p}`);
  } else {
    console.log(`kvstore-backups demo is running at http://127.0.0.1:${port}`);
  }
  console.log(
    `  against the R-kvstore emulator at ${emulatorUrl} (seeded data, no Alibaba Cloud account needed)`,
  );
  console.log('Sign in as demo / demo (admin), downloader / downloader, or viewer / viewer.');
  console.log(replicas > 1 ? 'Press Ctrl-C to stop them all.' : 'Press Ctrl-C to stop both.');
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  void stop('start-up failed', 1);
});
