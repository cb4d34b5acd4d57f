import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { SEED_INSTANCE_IDS } from '../emulator/seed';
import type { EmulatorProcess } from '../lib/testing/emulator-process';

// The data layer called directly, against the emulator process: the cold first sync against what the SDK
// alone can do, and what the index does under upstream faults. Modules are imported after the environment
// is set, because the config is read once.

const DAY = 86_400_000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function admin(
  emulatorUrl: string,
  method: string,
  pathname: string,
  body?: unknown,
): Promise<unknown> {
  const res = await fetch(`${emulatorUrl}/__admin${pathname}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return res.json();
}

async function describeBackupsCalls(emulatorUrl: string): Promise<number> {
  const stats = (await admin(emulatorUrl, 'GET', '/stats')) as { actions: Record<string, number> };
  return stats.actions.DescribeBackups ?? 0;
}

export async function runInProcess(emulator: EmulatorProcess, rounds: number): Promise<string[]> {
  const emulatorUrl = emulator.url;
  Object.assign(process.env, emulator.env, { KVSTORE_MAX_RETRIES: '3' });
  const { resetServerState } = await import('../lib/testing/server-state');
  const { createKvstoreClient } = await import('../lib/aliyun/client');
  const { createRealSdk } = await import('../lib/aliyun/sdk');
  const { getSharedCredential } = await import('../lib/aliyun/credentials');
  const { listBackups } = await import('../lib/backups/list-backups');
  const { fetchInstances } = await import('../lib/instances/fetch-instances');
  const { refreshInstanceFacts } = await import('../lib/backup-index/policies');
  const { backupsQuerySchema } = await import('../lib/backups/query');

  const instanceId = SEED_INSTANCE_IDS.scale;
  const now = Date.now();
  const range = { start: new Date(now - 30 * DAY).toISOString(), end: new Date(now).toISOString() };
  const minute = (ms: number) => new Date(ms).toISOString().slice(0, 16) + 'Z';
  const sdk = createKvstoreClient({
    retries: 0,
    createSdk: (regionId) =>
      createRealSdk({
        regionId,
        credential: getSharedCredential(),
        endpointOverride: emulatorUrl,
        timeoutMs: 60_000,
      }),
  });
  const input = (pageSize: 30 | 300, pageNumber: number) => ({
    regionId: 'ap-southeast-1',
    instanceId,
    startTime: minute(now - 30 * DAY),
    endTime: minute(now),
    pageSize,
    pageNumber,
  });

  /** The physical limit: the first page, then every other page at once. */
  async function unbounded(): Promise<number> {
    const t0 = performance.now();
    const first = await sdk.describeBackups(input(300, 1));
    const pages = Math.ceil(first.totalCount / 300);
    await Promise.all(Array.from({ length: pages - 1 }, (_, i) => sdk.describeBackups(input(300, i + 2))));
    return performance.now() - t0;
  }

  async function sequential30(): Promise<number> {
    const t0 = performance.now();
    const first = await sdk.describeBackups(input(30, 1));
    for (let p = 2; p <= Math.ceil(first.totalCount / 30); p++) await sdk.describeBackups(input(30, p));
    return performance.now() - t0;
  }

  /** The console's first listing of a range it has never seen, default settings, fresh index. */
  async function coldListing(): Promise<number> {
    process.env.DATA_DIR = mkdtempSync(path.join(os.tmpdir(), 'kvb-bench-'));
    await resetServerState();
    // What happens before anyone opens an instance is not what is measured: the instance list, the policies
    // and kinds it has read in the background (as after sign-in, on the fleet page), and the budget window
    // (1.5 s) those calls used.
    await fetchInstances(null);
    await refreshInstanceFacts([]); // joins the refresh the instance list started
    await new Promise((r) => setTimeout(r, 1_600));
    const t0 = performance.now();
    const answer = await listBackups(
      instanceId,
      backupsQuerySchema.parse({ ...range, status: 'Failed' }),
      null,
    );
    const ms = performance.now() - t0;
    if (answer.syncing || answer.totals.count < 5000)
      throw new Error(`cold listing incomplete: ${answer.totals.count}`);
    return ms;
  }

  await unbounded(); // warm the SDK's connections and the emulator's data
  const times = { unbounded: [] as number[], cold: [] as number[], sequential: [] as number[] };
  for (let r = 0; r < rounds; r++) {
    times.unbounded.push(await unbounded());
    times.cold.push(await coldListing());
  }
  times.sequential.push(await sequential30());
  const out = [
    `Cold first listing of ${instanceId}, 30 days (~5,400 backups), median of ${rounds}:`,
    `  unbounded-parallel SDK (PageSize 300)   ${median(times.unbounded).toFixed(0).padStart(6)} ms   1.00x`,
    `  console, cold index, default settings   ${median(times.cold).toFixed(0).padStart(6)} ms   ${(median(times.cold) / median(times.unbounded)).toFixed(2)}x   (target <= 1.3x)`,
    `  sequential SDK (PageSize 30), once      ${median(times.sequential).toFixed(0).padStart(6)} ms   ${(median(times.sequential) / median(times.unbounded)).toFixed(2)}x`,
  ];

  // The coverage intervals: an overlapping range fetches only the gap.
  process.env.DATA_DIR = mkdtempSync(path.join(os.tmpdir(), 'kvb-bench-'));
  await resetServerState();
  const list = (start: number, end: number) =>
    listBackups(
      instanceId,
      backupsQuerySchema.parse({ start: new Date(start).toISOString(), end: new Date(end).toISOString() }),
      null,
    );
  let calls = await describeBackupsCalls(emulatorUrl);
  await list(now - 20 * DAY, now - 10 * DAY);
  const firstCalls = (await describeBackupsCalls(emulatorUrl)) - calls;
  calls = await describeBackupsCalls(emulatorUrl);
  await list(now - 15 * DAY, now - 5 * DAY);
  const overlapCalls = (await describeBackupsCalls(emulatorUrl)) - calls;
  out.push(
    `Coverage: days 20-10 ago cold: ${firstCalls} DescribeBackups calls; then days 15-5 ago: ${overlapCalls} (only the 5-day gap)`,
  );

  // Faults: 30% 5xx and throttling above 10 calls/s upstream, every listing's recent edge stale (1 s).
  process.env.INDEX_FRESH_SECONDS = '1';
  process.env.DATA_DIR = mkdtempSync(path.join(os.tmpdir(), 'kvb-bench-'));
  await resetServerState();
  const ids = [SEED_INSTANCE_IDS.standard, SEED_INSTANCE_IDS.rwsplit, SEED_INSTANCE_IDS.cluster, instanceId];
  const query = (id: string) =>
    listBackups(
      id,
      backupsQuerySchema.parse({
        start: new Date(Date.now() - 7 * DAY).toISOString(),
        end: new Date().toISOString(),
      }),
      null,
    );
  for (const id of ids) await query(id); // index the ranges first
  await admin(emulatorUrl, 'PUT', '/faults', { errorRate: 0.3, throttleRps: 10, latencyMs: 100 });
  let ok = 0;
  let stale = 0;
  for (let i = 0; i < 200; i++) {
    try {
      const a = await query(ids[i % ids.length]!);
      ok++;
      if (a.stale) stale++;
    } catch {
      // counted as a failure
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  out.push(
    `Faults (30% upstream 5xx + throttling over 10/s, recent edge re-read every second), 200 listings of indexed ranges: ${ok}/200 answered (${((100 * ok) / 200).toFixed(1)}%), ${stale} marked stale`,
  );

  // Upstream down: every call fails. A listing answers from the index at once and refreshes its recent edge in
  // the background; once that refresh has failed, listings say they are stale.
  await admin(emulatorUrl, 'PUT', '/faults', { errorRate: 1, throttleRps: 0, latencyMs: 0 });
  let served = 0;
  let markedStale = 0;
  let firstStale: number | null = null;
  for (let i = 0; i < 40; i++) {
    try {
      const a = await query(ids[i % ids.length]!);
      served++;
      if (a.stale) {
        markedStale++;
        firstStale ??= i;
      }
    } catch {
      // counted as a failure
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  out.push(
    `Upstream down (every call fails), 40 listings of indexed ranges over 10 s: ${served}/40 answered, ${markedStale} marked stale (from listing ${(firstStale ?? -1) + 1} on, once the background refresh had failed)`,
  );
  await admin(emulatorUrl, 'DELETE', '/faults');
  await resetServerState();
  return out;
}
