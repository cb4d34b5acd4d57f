import { parseArgs } from 'node:util';
import { faultsFromEnv } from './faults/fault-config';
import { parseScaleBackups } from './seed/scale-backups';
import { DEFAULT_PORT, startEmulator } from './server';

function portFrom(value: string | undefined): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid port "${value}"`);
  return port;
}

function taskSecondsFrom(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const seconds = Number(value);
  if (!/^\d+$/.test(value) || seconds < 1 || seconds > 3600)
    throw new Error(`EMULATOR_TASK_SECONDS must be a whole number of seconds from 1 to 3600, not "${value}"`);
  return seconds;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, host: { type: 'string' } },
    strict: true,
  });
  const env = process.env;
  const emulator = await startEmulator({
    port: portFrom(values.port ?? env.EMULATOR_PORT ?? String(DEFAULT_PORT)),
    host: values.host ?? env.EMULATOR_HOST,
    accessKeyId: env.EMULATOR_ACCESS_KEY_ID || undefined,
    accessKeySecret: env.EMULATOR_ACCESS_KEY_SECRET || undefined,
    publicUrl: env.EMULATOR_PUBLIC_URL || undefined,
    downloadUrlTtlSeconds: env.EMULATOR_DOWNLOAD_TTL_SECONDS
      ? Number(env.EMULATOR_DOWNLOAD_TTL_SECONDS)
      : undefined,
    faults: faultsFromEnv(env),
    scaleBackups: parseScaleBackups(env.EMULATOR_SCALE_BACKUPS),
    taskDurationSeconds: taskSecondsFrom(env.EMULATOR_TASK_SECONDS),
  });
  console.log(`listening on ${emulator.url}`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    emulator.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(`[emulator] error while stopping on ${signal}`, err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(`[emulator] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
