import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import parsePrometheus from 'parse-prometheus-text-format';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as getFleet } from '@/app/api/fleet/route';
import { GET as getHealth } from '@/app/api/instances/[instanceId]/health/route';
import { GET as getMetrics } from '@/app/api/metrics/route';
import { HEALTH_SEED_IDS, KIND_INSTANCE_IDS, SEED_INSTANCE_IDS } from '@/emulator/seed';
import type { RunningEmulator } from '@/emulator/server';
import { sendTestAlert } from '@/lib/alerts/admin';
import { evaluateFleet } from '@/lib/alerts/monitor';
import { deliverDue } from '@/lib/alerts/deliver';
import type { AlertMessage } from '@/lib/alerts/message';
import type { SessionUser } from '@/lib/auth/roles';
import { getIndexDb } from '@/lib/backup-index/db';
import { getSyncEngine } from '@/lib/backup-index/sync-engine';
import { resetConfigForTests } from '@/lib/config';
import { appMetrics } from '@/lib/metrics/registry';
import { closePostgresForTests } from '@/lib/db/database';
import { callRoute } from '@/lib/testing/call-route';
import { startEmulatorForTests, stopEmulatorForTests } from '@/lib/testing/emulator-env';
import { eventually } from '@/lib/testing/eventually';
import { DIALECTS, freshPostgresUrl } from '@/lib/testing/storage-dialects';
import type { FleetAnswer, InstanceHealthAnswer } from './fetch-fleet';

// The fleet against the emulator: policies read through the SDK and kept in the index, every seeded state
// recognised, scopes applied, the metrics endpoint, and alerts sent once per transition to a local receiver.

let user: SessionUser = { name: 'tester', role: 'admin', scope: null };
vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => user }));

const DAY = 86_400_000;
const SECRET = 'alert-secret-for-tests';
let emu: RunningEmulator;
let receiver: Server;
const received: { body: string; signature: string | undefined }[] = [];

async function fleet(): Promise<FleetAnswer> {
  const res = await callRoute(getFleet, '/api/fleet');
  expect(res.status).toBe(200);
  return (await res.json()) as FleetAnswer;
}

/** What the warmer does: every instance's last 31 days into the index. */
async function syncAll(force = false): Promise<void> {
  const now = Date.now();
  for (const i of (await fleet()).instances) {
    const plan = await getSyncEngine().plan(
      i.instanceId,
      i.regionId,
      { start: now - 31 * DAY, end: now },
      force,
    );
    await Promise.all(plan.syncs.map((s) => s.done));
  }
}

const stateOf = (answer: FleetAnswer, id: string) =>
  answer.instances.find((i) => i.instanceId === id)?.health;
/** The process's DescribeBackupPolicy calls by outcome: the counter outlives one engine's run. */
async function policyCallsSoFar(): Promise<Record<string, number>> {
  const { values } = await appMetrics().upstreamCalls.get();
  const calls: Record<string, number> = {};
  for (const v of values)
    if (v.labels.action === 'DescribeBackupPolicy') calls[String(v.labels.outcome)] = v.value;
  return calls;
}
let policyReads: Record<string, number> = {};
const messagesFor = (id: string) =>
  received.map((r) => JSON.parse(r.body) as AlertMessage).filter((m) => m.instanceId === id);

// Once on SQLite and once on PostgreSQL (DATABASE_URL), where the test run has one.
describe.each(DIALECTS)('on %s', (dialect) => {
  beforeAll(async () => {
    received.length = 0;
    policyReads = await policyCallsSoFar();
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push({ body, signature: req.headers['x-kvstore-signature'] as string | undefined });
        res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    emu = await startEmulatorForTests();
    if (dialect === 'postgres') vi.stubEnv('DATABASE_URL', await freshPostgresUrl());
    vi.stubEnv('ALERT_WEBHOOK_URL', `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`);
    vi.stubEnv('ALERT_WEBHOOK_SECRET', SECRET);
    vi.stubEnv('METRICS_TOKEN', 'metrics-token-0123456789');
    resetConfigForTests();
    await fleet(); // loads the instance list, which reads the policies in the background
    const db = await getIndexDb();
    await eventually(
      () => db.selectFrom('policy_state').selectAll().execute(),
      (rows) => rows.length === emu.dataset.instances.length,
    );
    await syncAll();
  }, 60_000);

  afterAll(async () => {
    await stopEmulatorForTests(emu);
    await closePostgresForTests();
    await new Promise((r) => receiver.close(r));
  });

  describe('the fleet', () => {
    it('recognises every seeded state', async () => {
      const answer = await fleet();
      expect(answer.instances).toHaveLength(emu.dataset.instances.length);
      expect(stateOf(answer, HEALTH_SEED_IDS.healthy)).toMatchObject({
        state: 'ok',
        reason: { code: 'on_schedule' },
      });
      expect(stateOf(answer, HEALTH_SEED_IDS.late)).toMatchObject({
        state: 'late',
        reason: { code: 'missed_windows' },
        periodMs: 3 * DAY,
      });
      expect(stateOf(answer, HEALTH_SEED_IDS.streak)?.state).toBe('failing');
      expect(stateOf(answer, HEALTH_SEED_IDS.streak)?.consecutiveFailures).toBeGreaterThanOrEqual(3);
      expect(stateOf(answer, HEALTH_SEED_IDS.never)?.reason.code).toBe('never_succeeded');
      expect(stateOf(answer, HEALTH_SEED_IDS.shardFailed)?.reason).toMatchObject({
        code: 'failure_streak',
        failedShards: 1,
      });
      expect(stateOf(answer, HEALTH_SEED_IDS.policyDenied)).toMatchObject({
        state: 'unknown',
        reason: { code: 'policy_unreadable', errorCode: 'Forbidden.RAM', denied: true },
      });
      expect(stateOf(answer, SEED_INSTANCE_IDS.empty)?.state).toBe('no_backups');
      expect(stateOf(answer, SEED_INSTANCE_IDS.docExample)?.state).toBe('no_backups');
      // Every other seeded instance backs up on schedule, whatever its kind: the cloud-native cluster with one
      // incomplete set and the 256-shard cluster with one partial job among many whole ones too.
      const unwell: string[] = [
        HEALTH_SEED_IDS.late,
        HEALTH_SEED_IDS.streak,
        HEALTH_SEED_IDS.never,
        HEALTH_SEED_IDS.shardFailed,
        HEALTH_SEED_IDS.policyDenied,
        SEED_INSTANCE_IDS.empty,
        SEED_INSTANCE_IDS.docExample,
      ];
      const well = answer.instances.filter((i) => !unwell.includes(i.instanceId));
      expect(well.map((i) => i.instanceId)).toContain(KIND_INSTANCE_IDS.cloudNative);
      expect(well.map((i) => i.instanceId)).toContain(KIND_INSTANCE_IDS.bigCluster);
      for (const i of well) expect([i.instanceId, i.health.state]).toEqual([i.instanceId, 'ok']);
      const late = answer.instances.find((i) => i.instanceId === HEALTH_SEED_IDS.late)!;
      expect(late.policy).toMatchObject({
        weekdays: [1, 3, 5],
        windowStartMinute: 22 * 60,
        retentionDays: 30,
      });
      expect(late.health.days).toHaveLength(30);
    });

    it('shows a scoped viewer only the instances in scope', async () => {
      user = { name: 'scoped', role: 'viewer', scope: ['r-bp1*'] };
      try {
        const ids = (await fleet()).instances.map((i) => i.instanceId);
        expect(ids.length).toBeGreaterThan(0);
        expect(ids.every((id) => id.startsWith('r-bp1'))).toBe(true);
        const res = await callRoute(
          getHealth,
          `/api/instances/${HEALTH_SEED_IDS.late}/health?start=2026-01-01T00:00Z&end=2026-01-02T00:00Z`,
          { instanceId: HEALTH_SEED_IDS.late },
        );
        expect(res.status).toBe(404);
      } finally {
        user = { name: 'tester', role: 'admin', scope: null };
      }
    });

    it('answers an instance health with per-day counts over the range, and names a bad range', async () => {
      const end = new Date();
      const start = new Date(end.getTime() - 10 * DAY);
      const res = await callRoute(
        getHealth,
        `/api/instances/${HEALTH_SEED_IDS.shardFailed}/health?start=${start.toISOString()}&end=${end.toISOString()}`,
        { instanceId: HEALTH_SEED_IDS.shardFailed },
      );
      const body = (await res.json()) as InstanceHealthAnswer;
      expect(body.health.state).toBe('failing');
      expect(body.perDay.length).toBeGreaterThanOrEqual(10);
      expect(body.perDay.at(-1)?.failed).toBe(1);
      expect(body.perDay.at(-1)?.meanFullBytes).toBeGreaterThan(0);
      const bad = await callRoute(
        getHealth,
        `/api/instances/${HEALTH_SEED_IDS.healthy}/health?start=yesterday`,
        {
          instanceId: HEALTH_SEED_IDS.healthy,
        },
      );
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { error: { field: string } }).error.field).toBe('start');
    });
  });

  describe('GET /api/metrics', () => {
    it('refuses without the token, and a wrong one', async () => {
      const none = await callRoute(getMetrics, '/api/metrics');
      expect(none.status).toBe(401);
      expect(none.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
      const wrong = await callRoute(
        getMetrics,
        '/api/metrics',
        {},
        { headers: { authorization: 'Bearer nope' } },
      );
      expect(wrong.status).toBe(401);
    });

    it('serves the fleet series in the Prometheus text format', async () => {
      const res = await callRoute(
        getMetrics,
        '/api/metrics',
        {},
        {
          headers: { authorization: 'Bearer metrics-token-0123456789' },
        },
      );
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/plain');
      const families = parsePrometheus(await res.text());
      const family = (name: string) => families.find((f) => f.name === name)!;
      const sample = (name: string, labels: Record<string, string>) =>
        family(name).metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v));
      expect(
        sample('kvstore_backup_health_state', { instance_id: HEALTH_SEED_IDS.late, state: 'late' })?.value,
      ).toBe('1');
      expect(
        sample('kvstore_backup_health_state', { instance_id: HEALTH_SEED_IDS.late, state: 'ok' })?.value,
      ).toBe('0');
      const last = Number(
        sample('kvstore_backup_last_success_timestamp_seconds', { instance_id: HEALTH_SEED_IDS.late })?.value,
      );
      expect(Date.now() / 1000 - last).toBeGreaterThan(7 * 86_400);
      expect(
        sample('kvstore_backups_last_24h', { instance_id: HEALTH_SEED_IDS.never, status: 'Failed' })?.value,
      ).toBe('1');
      expect(
        Number(
          sample('kvstore_backup_stored_bytes', { instance_id: SEED_INSTANCE_IDS.standard, kind: 'full' })
            ?.value,
        ),
      ).toBeGreaterThan(0);
      expect(family('kvstore_index_sync_lag_seconds').metrics.length).toBe(emu.dataset.instances.length);
      // One read per instance in this run, one of them refused.
      const policyCalls = (outcome: string) =>
        Number(sample('kvstore_upstream_calls_total', { action: 'DescribeBackupPolicy', outcome })?.value) -
        (policyReads[outcome] ?? 0);
      expect(policyCalls('success')).toBe(emu.dataset.instances.length - 1);
      expect(policyCalls('forbidden')).toBe(1);
    });

    it('does not exist without METRICS_TOKEN', async () => {
      vi.stubEnv('METRICS_TOKEN', '');
      resetConfigForTests();
      try {
        expect((await callRoute(getMetrics, '/api/metrics')).status).toBe(404);
      } finally {
        vi.stubEnv('METRICS_TOKEN', 'metrics-token-0123456789');
        resetConfigForTests();
      }
    });
  });

  describe('alerts', () => {
    it('sends one signed message per transition, late then recovered, and nothing twice', async () => {
      const db = await getIndexDb();
      await evaluateFleet();
      await deliverDue(db);
      // The seeded late and failing instances alert once; healthy ones and Unknown say nothing.
      expect(messagesFor(HEALTH_SEED_IDS.late).map((m) => m.kind)).toEqual(['late']);
      expect(messagesFor(HEALTH_SEED_IDS.streak).map((m) => m.kind)).toEqual(['failing']);
      expect(messagesFor(HEALTH_SEED_IDS.policyDenied)).toEqual([]);
      expect(messagesFor(HEALTH_SEED_IDS.healthy)).toEqual([]);
      for (const r of received)
        expect(r.signature).toBe(`sha256=${createHmac('sha256', SECRET).update(r.body).digest('hex')}`);

      // The healthy instance's backups stopped three days ago: late, once.
      emu.dataset.stopBackups(HEALTH_SEED_IDS.healthy, Date.now() - 3 * DAY);
      await syncAll(true);
      await evaluateFleet();
      await evaluateFleet();
      await deliverDue(db);
      await deliverDue(db);
      expect(messagesFor(HEALTH_SEED_IDS.healthy).map((m) => m.kind)).toEqual(['late']);
      expect(messagesFor(HEALTH_SEED_IDS.healthy)[0]?.summary).toMatch(
        /^Late: r-bp1healthy000001 \(payments-cache-prod, cn-hangzhou\): 3 expected backup windows/,
      );

      // A new backup: recovered, once.
      emu.dataset.addBackup(HEALTH_SEED_IDS.healthy, { size: 400_000_000 });
      await syncAll(true);
      await evaluateFleet();
      await deliverDue(db);
      await evaluateFleet();
      await deliverDue(db);
      expect(messagesFor(HEALTH_SEED_IDS.healthy).map((m) => m.kind)).toEqual(['late', 'recovered']);
      expect(
        await db.selectFrom('alert_outbox').select('status').where('status', '!=', 'sent').execute(),
      ).toEqual([]);
    });

    it('a test alert answers how its send went', async () => {
      const sent = await sendTestAlert('tester');
      expect(sent).toMatchObject({ status: 'sent', error: null });
      const bodies = received.map((r) => JSON.parse(r.body) as AlertMessage);
      expect(bodies.filter((m) => m.id === sent.id)).toHaveLength(1);

      const url = process.env.ALERT_WEBHOOK_URL!;
      vi.stubEnv('ALERT_WEBHOOK_URL', '');
      resetConfigForTests();
      try {
        expect(await sendTestAlert('tester')).toMatchObject({
          status: 'skipped',
          error: 'ALERT_WEBHOOK_URL is not set',
        });
      } finally {
        vi.stubEnv('ALERT_WEBHOOK_URL', url);
        resetConfigForTests();
      }
    });
  });
});
