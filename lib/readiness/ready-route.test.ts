import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GET as getHealth } from '@/app/api/health/route';
import { GET as getReady } from '@/app/api/ready/route';
import { startEmulator, type RunningEmulator } from '@/emulator/server';
import { callRoute } from '@/lib/testing/call-route';
import { startEmulatorForTests, stopEmulatorForTests } from '@/lib/testing/emulator-env';
import { resetServerState } from '@/lib/testing/server-state';

// Readiness, unlike liveness, asks Alibaba Cloud (one signed DescribeRegions, at most every 10 s) and
// writes to both databases: a wrong secret, an unreachable or slow upstream and a database that cannot be
// written each make it 503, named, with a message and never a secret.

let emulator: RunningEmulator;

beforeEach(async () => {
  emulator = await startEmulatorForTests();
});

afterEach(() => stopEmulatorForTests(emulator));

/** Changes the environment the server reads, as a restart with other settings would. */
async function withEnv(env: Record<string, string>): Promise<void> {
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  await resetServerState();
}

async function ready() {
  const res = await callRoute(getReady, '/api/ready');
  const text = await res.text();
  expect(text).not.toContain(emulator.accessKeySecret);
  expect(text).not.toContain(emulator.url);
  expect(text).not.toContain(process.env.DATA_DIR!);
  expect(res.headers.get('cache-control')).toContain('no-store');
  return { status: res.status, body: JSON.parse(text) };
}

const describeRegionsCalls = () => emulator.stats.snapshot().actions.DescribeRegions ?? 0;

describe('GET /api/ready', () => {
  it('is 200 when Alibaba Cloud accepts the signature and both databases take writes, asking at most every 10 s', async () => {
    const { status, body } = await ready();
    expect(status).toBe(200);
    expect(body.status).toBe('ready');
    for (const name of ['upstream', 'credentials', 'indexDatabase', 'auditDatabase'])
      expect(body.checks[name], name).toMatchObject({ ok: true });
    expect(describeRegionsCalls()).toBe(1);
    expect((await ready()).status).toBe(200);
    expect(describeRegionsCalls()).toBe(1);
  });

  it('is 503 with a wrong secret, while liveness stays ok', async () => {
    await withEnv({ ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'not-the-secret' });
    const { status, body } = await ready();
    expect(status).toBe(503);
    expect(body.status).toBe('not_ready');
    expect(body.checks.upstream.ok).toBe(true);
    expect(body.checks.credentials).toMatchObject({ ok: false });
    expect(body.checks.credentials.message).toMatch(/signature/);
    expect(body.checks.indexDatabase.ok).toBe(true);
    const health = await callRoute(getHealth, '/api/health');
    expect(health.status).toBe(200);
    expect((await health.json()).status).toBe('ok');
  });

  it('is 503 when the upstream refuses connections', async () => {
    const gone = await startEmulator({ port: 0 });
    await gone.close();
    await withEnv({ KVSTORE_ENDPOINT: gone.url });
    const { status, body } = await ready();
    expect(status).toBe(503);
    expect(body.checks.upstream).toMatchObject({ ok: false });
    expect(body.checks.upstream.message).toMatch(/did not answer|connection/);
    expect(body.checks.credentials).toMatchObject({ ok: false });
    expect(body.checks.credentials.message).toMatch(/not checked/i);
  });

  it('is 503 by the deadline when the upstream is slower than KVSTORE_DEADLINE_MS', async () => {
    emulator.faults.update({ latencyMs: 3_000 });
    await withEnv({ KVSTORE_DEADLINE_MS: '500' });
    const { status, body } = await ready();
    expect(status).toBe(503);
    expect(body.checks.upstream.message).toMatch(/^Alibaba Cloud did not answer within 0\.5 s/);
  });

  it('is 503 naming each database that cannot be written', async () => {
    const blocker = path.join(process.env.DATA_DIR!, 'a-file');
    writeFileSync(blocker, '');
    await withEnv({ DATA_DIR: path.join(blocker, 'data') });
    let { status, body } = await ready();
    expect(status).toBe(503);
    expect(body.checks.indexDatabase).toMatchObject({ ok: false });
    expect(body.checks.auditDatabase.ok).toBe(true);

    await withEnv({ DATA_DIR: path.dirname(blocker), AUDIT_DB_PATH: path.join(blocker, 'audit.db') });
    ({ status, body } = await ready());
    expect(status).toBe(503);
    expect(body.checks.indexDatabase.ok).toBe(true);
    expect(body.checks.auditDatabase).toMatchObject({ ok: false });
  });
});
