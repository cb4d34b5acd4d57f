import 'server-only';
import { createHash, timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import { Gauge, type Registry } from 'prom-client';
import { ApiError } from '@/lib/api/api-error';
import { getIndexDb } from '@/lib/backup-index/db';
import { getAllSyncStates } from '@/lib/backup-index/store';
import { getConfig } from '@/lib/config';
import { fleetHealth } from '@/lib/fleet/fleet-health';
import { HEALTH_STATES } from '@/lib/health/types';
import { fetchInstances } from '@/lib/instances/fetch-instances';
import { processSingleton } from '@/lib/process-singleton';
import { VERIFY_STATUSES } from '@/lib/verify/problems';
import { appMetrics } from './registry';

// GET /api/metrics: per instance the recovery point, the health state, backups by status over 24 h, bytes stored,
// the latest verification (when, and its result) and how far behind the index is; the app's upstream calls and audit rows (counted where they happen). Gauges
// are read from the index at each scrape: no call to Alibaba Cloud.

const DAY_MS = 86_400_000;
const VERIFICATION_RESULTS = [...VERIFY_STATUSES, 'never'] as const;

function fleetGauges(registry: Registry) {
  const gauge = <L extends string>(name: string, help: string, labelNames: readonly L[]) =>
    new Gauge<L>({ name, help, labelNames, registers: [registry] });
  return {
    lastSuccess: gauge(
      'kvstore_backup_last_success_timestamp_seconds',
      'Start of the newest successful backup (job), Unix time.',
      ['instance_id', 'region'],
    ),
    state: gauge(
      'kvstore_backup_health_state',
      'The instance health state: 1 for the current one (ok, late, failing, no_backups, unknown), 0 for the others.',
      ['instance_id', 'region', 'state'],
    ),
    failures: gauge(
      'kvstore_backup_consecutive_failures',
      'Backups (jobs) that failed in a row, newest first.',
      ['instance_id', 'region'],
    ),
    last24h: gauge('kvstore_backups_last_24h', 'Backups that started in the last 24 hours, by status.', [
      'instance_id',
      'status',
    ]),
    stored: gauge('kvstore_backup_stored_bytes', 'Backup storage used, full and log (incremental) backups.', [
      'instance_id',
      'kind',
    ]),
    verifiedAt: gauge(
      'kvstore_backup_last_verification_timestamp_seconds',
      'When the latest verification of a backup of the instance finished, Unix time (absent: never verified).',
      ['instance_id', 'region'],
    ),
    verifyResult: gauge(
      'kvstore_backup_last_verification_result',
      'The latest verification result: 1 for it (ok, corrupt, truncated, unsupported, encrypted, or never), 0 for the others.',
      ['instance_id', 'region', 'result'],
    ),
    lag: gauge(
      'kvstore_index_sync_lag_seconds',
      'Seconds since the index last read the instance from Alibaba Cloud successfully.',
      ['instance_id'],
    ),
  };
}

type FleetGauges = ReturnType<typeof fleetGauges>;

async function update(g: FleetGauges, now: number): Promise<void> {
  const instances = await fetchInstances(null);
  const db = await getIndexDb();
  const [entries, states, recent] = await Promise.all([
    fleetHealth(instances, now),
    getAllSyncStates(db),
    db
      .selectFrom('backups')
      .select(['instance_id', 'status', sql<number>`count(*)`.as('n')])
      .where('start_ms', '>=', now - DAY_MS)
      .groupBy(['instance_id', 'status'])
      .execute(),
  ]);
  Object.values(g).forEach((gauge) => gauge.reset());
  for (const e of entries) {
    const labels = { instance_id: e.instanceId, region: e.regionId };
    if (e.health.lastSuccessAt) g.lastSuccess.set(labels, Date.parse(e.health.lastSuccessAt) / 1000);
    for (const state of HEALTH_STATES) g.state.set({ ...labels, state }, e.health.state === state ? 1 : 0);
    g.failures.set(labels, e.health.consecutiveFailures);
    const { at, status } = e.verification;
    if (at) g.verifiedAt.set(labels, Date.parse(at) / 1000);
    for (const result of VERIFICATION_RESULTS)
      g.verifyResult.set({ ...labels, result }, (status ?? 'never') === result ? 1 : 0);
    for (const status of ['Success', 'Failed']) g.last24h.set({ instance_id: e.instanceId, status }, 0);
  }
  const known = new Set(instances.map((i) => i.instanceId));
  for (const r of recent)
    if (known.has(r.instance_id))
      g.last24h.set({ instance_id: r.instance_id, status: r.status }, Number(r.n));
  for (const s of states) {
    if (!known.has(s.instance_id)) continue;
    if (s.full_storage !== null) g.stored.set({ instance_id: s.instance_id, kind: 'full' }, s.full_storage);
    if (s.log_storage !== null) g.stored.set({ instance_id: s.instance_id, kind: 'log' }, s.log_storage);
    if (s.last_success_ms !== null)
      g.lag.set({ instance_id: s.instance_id }, (now - s.last_success_ms) / 1000);
  }
}

const digest = (v: string) => createHash('sha256').update(v).digest();

/** Off (404) without METRICS_TOKEN; 401 unless the request carries it as a Bearer token (compared in constant time). */
export function checkMetricsToken(authorization: string | null): void {
  const token = getConfig().METRICS_TOKEN;
  if (!token) throw new ApiError(404, 'not_found', 'Metrics are off: set METRICS_TOKEN to turn them on.');
  const given = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1] ?? '';
  if (!timingSafeEqual(digest(given), digest(token)))
    throw new ApiError(
      401,
      'unauthorized',
      'Send the metrics token as Authorization: Bearer <METRICS_TOKEN>.',
    );
}

/** The exposition text for a scrape that carries the token; 401 (with a Bearer challenge) or 404 otherwise. */
export async function metricsResponse(authorization: string | null, now = Date.now()): Promise<Response> {
  try {
    checkMetricsToken(authorization);
  } catch (err) {
    if (!(err instanceof ApiError) || err.status !== 401) throw err;
    return Response.json(err.toBody(), {
      status: 401,
      headers: { 'WWW-Authenticate': 'Bearer realm="metrics"', 'Cache-Control': 'no-store' },
    });
  }
  const { registry } = appMetrics();
  const gauges = processSingleton('metrics-fleet-gauges', () => fleetGauges(registry));
  await update(gauges, now);
  return new Response(await registry.metrics(), {
    headers: { 'Content-Type': registry.contentType, 'Cache-Control': 'no-store' },
  });
}
