// `npm run bench`: what the parallel pager and the range cache buy, measured side by side in one
// run against the emulator with a fixed upstream latency. Prints ratios, asserts nothing: these
// machines are shared and noisy, so read the numbers, don't gate on them.
import { performance } from 'node:perf_hooks';
import { startEmulator } from '../emulator/server';
import { SEED_INSTANCE_IDS } from '../emulator/seed';

const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 40);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

async function main() {
  const emulator = await startEmulator({ port: 0, faults: { latencyMs: LATENCY_MS } });
  Object.assign(process.env, {
    KVSTORE_ENDPOINT: emulator.url,
    ALIBABA_CLOUD_ACCESS_KEY_ID: emulator.accessKeyId,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: emulator.accessKeySecret,
    ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true',
  });
  // Imported after the environment is set: the config module reads it once.
  const { resetConfigForTests } = await import('../lib/config');
  const { listBackups: fetchBackups } = await import('../lib/backups/list-backups');
  const clearBackupsCacheForTests = () => undefined;
  const { backupsQuerySchema } = await import('../lib/backups/query');

  const end = emulator.dataset.now;
  const query = backupsQuerySchema.parse({
    start: new Date(end.getTime() - 30 * 86_400_000).toISOString(),
    end: end.toISOString(),
    status: 'Failed',
    sort: 'size.desc',
  });
  const instanceId = SEED_INSTANCE_IDS.scale;

  async function timed(concurrency: number, cached: boolean): Promise<number> {
    process.env.KVSTORE_PAGE_CONCURRENCY = String(concurrency);
    process.env.KVSTORE_CACHE_TTL_SECONDS = '300';
    resetConfigForTests();
    if (!cached) clearBackupsCacheForTests();
    const t0 = performance.now();
    const answer = await fetchBackups(instanceId, query, null);
    if (answer.totals.count < 5000)
      throw new Error(`expected the 5,000-backup range, got ${answer.totals.count}`);
    return performance.now() - t0;
  }

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const results = new Map<string, number[]>();
  await timed(4, false); // warm up the SDK and the instance list
  for (let round = 0; round < ROUNDS; round++) {
    // Interleaved, so drift in machine load hits every variant alike.
    for (const [name, concurrency, cached] of [
      ['sequential (1 in flight)', 1, false],
      ['parallel (4 in flight)', 4, false],
      ['parallel (8 in flight)', 8, false],
      ['cached range (next page/sort)', 4, true],
    ] as const) {
      results.set(name, [...(results.get(name) ?? []), await timed(concurrency, cached)]);
    }
  }
  const baseline = median(results.get('sequential (1 in flight)')!);
  console.log(
    `One 30-day query of ${instanceId} (5,400 backups, 18 upstream pages of 300), ${LATENCY_MS} ms added upstream latency, median of ${ROUNDS}:`,
  );
  for (const [name, times] of results) {
    const m = median(times);
    console.log(
      `  ${name.padEnd(32)} ${m.toFixed(0).padStart(6)} ms   ${(baseline / m).toFixed(1)}x faster than sequential`,
    );
  }
  await emulator.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
