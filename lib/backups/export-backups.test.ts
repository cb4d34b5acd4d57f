import v8 from 'node:v8';
import vm from 'node:vm';
import Database from 'better-sqlite3';
import { NextRequest } from 'next/server';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as getExport } from '@/app/api/instances/[instanceId]/backups/export/route';
import { SEED_INSTANCE_IDS } from '@/emulator/seed';
import type { RunningEmulator } from '@/emulator/server';
import type { SessionUser } from '@/lib/auth/roles';
import { getIndexDb } from '@/lib/backup-index/db';
import { refreshInstanceFacts } from '@/lib/backup-index/policies';
import { listAudit } from '@/lib/audit/audit-log';
import { startEmulatorForTests, stopEmulatorForTests } from '@/lib/testing/emulator-env';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

// The export route over an index holding a million backups of one instance (written straight into the
// index for a year the emulator has no data for, and recorded as synced): every row comes out, memory
// stays flat, formulas are neutralized, and the export is audited with its filters.

const user: SessionUser = { name: 'exporter', role: 'viewer', scope: null };
vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => user }));

const INSTANCE = SEED_INSTANCE_IDS.scale;
const YEAR_START = Date.UTC(2015, 0, 1);
const YEAR_END = Date.UTC(2016, 0, 1);
const ROWS = 1_000_000;

let emulator: RunningEmulator;

function seedIndex(dataDir: string): void {
  const db = new Database(path.join(dataDir, 'index.db'));
  const insert = db.prepare(
    `INSERT INTO backups (instance_id, backup_id, job_id, node, status, type, mode, method, start_ms, start_time,
       end_time, duration, size, db_names, engine_version, expect_expire_time, recover_config)
     VALUES (?, ?, ?, ?, ?, 'FullBackup', 'Automated', 'Physical', ?, ?, NULL, 30, ?, ?, '6.0', NULL, NULL)`,
  );
  const step = Math.floor((YEAR_END - YEAR_START) / ROWS);
  db.transaction(() => {
    for (let i = 0; i < ROWS; i++) {
      const t = YEAR_START + i * step;
      const time = new Date(t).toISOString();
      // The first rows carry what a spreadsheet would run as a formula.
      const node = i === 0 ? '=HYPERLINK("http://evil.example","x")' : i === 1 ? '+1+1' : INSTANCE;
      const dbNames = i === 2 ? '@SUM(A1)' : i === 3 ? '-2+3' : i === 4 ? '\tcmd' : 'all';
      insert.run(
        INSTANCE,
        String(1e9 + i),
        String(1e9 + i),
        node,
        i % 50 ? 'Success' : 'Failed',
        t,
        time,
        i,
        dbNames,
      );
    }
    db.prepare('INSERT INTO coverage (instance_id, start_ms, end_ms, synced_ms) VALUES (?, ?, ?, ?)').run(
      INSTANCE,
      YEAR_START,
      YEAR_END,
      Date.now(),
    );
  })();
  db.close();
}

beforeAll(async () => {
  emulator = await startEmulatorForTests();
  await getIndexDb();
  seedIndex(process.env.DATA_DIR!);
}, 120_000);

afterAll(() => stopEmulatorForTests(emulator));

function exportUrl(params: Record<string, string>): NextRequest {
  const qs = new URLSearchParams({
    start: new Date(YEAR_START).toISOString(),
    end: new Date(YEAR_END - 1).toISOString(),
    ...params,
  });
  return new NextRequest(new URL(`/api/instances/${INSTANCE}/backups/export?${qs}`, 'http://127.0.0.1'));
}

describe('GET …/backups/export', () => {
  it('streams a million rows as CSV with memory growing by less than 50 MB', async () => {
    // A small export first, read to the end, and the refresh of policies and kinds the instance list starts in the
    // background (the SDK's first calls) waited for: what happens once per process is not what this
    // test measures.
    const warm = await getExport(exportUrl({ format: 'csv', q: '999999999999' }), {
      params: Promise.resolve({ instanceId: INSTANCE }),
    });
    await warm.text();
    await refreshInstanceFacts([]);
    const before = emulator.stats.snapshot().actions.DescribeBackups ?? 0;
    const res = await getExport(exportUrl({ format: 'csv' }), {
      params: Promise.resolve({ instanceId: INSTANCE }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename=".*\.csv"/);
    // What the export keeps, not when the worker's GC gets round to its garbage (a loaded run let RSS rise
    // 150 MB before a collection): every sample follows a full collection.
    gc();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    let reads = 0;
    let lines = 0;
    let head = '';
    const decoder = new TextDecoder();
    const reader = res.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      const text = decoder.decode(value, { stream: true });
      if (head.length < 2_000) head += text.slice(0, 2_000);
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
      if (++reads % 100 === 0) {
        gc();
        peak = Math.max(peak, process.memoryUsage().rss);
      }
    }
    expect(lines).toBe(ROWS + 1);
    expect((peak - baseline) / 2 ** 20).toBeLessThan(50);
    // Newest first by default.
    expect(head.split('\r\n')[1]).toMatch(new RegExp(`^${1e9 + ROWS - 1},`));
    expect(emulator.stats.snapshot().actions.DescribeBackups ?? 0).toBe(before);
  }, 120_000);

  it('neutralizes formulas and keeps the filters, in CSV and JSON, and is audited', async () => {
    const params = { instanceId: INSTANCE };
    const csv = await (
      await getExport(exportUrl({ format: 'csv', sort: 'startTime.asc', q: '100000000' }), {
        params: Promise.resolve(params),
      })
    ).text();
    const rows = csv.trim().split('\r\n');
    expect(rows[0]).toBe(
      'backupId,backupJobId,instanceId,nodeInstanceId,status,type,mode,method,startTime,endTime,durationSeconds,size,dbNames,engineVersion,expectExpireTime',
    );
    expect(rows[1]).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(rows[2]).toContain(`,'+1+1,`);
    expect(rows[3]).toContain(`,'@SUM(A1),`);
    expect(rows[4]).toContain(`,'-2+3,`);
    expect(rows[5]).toContain(`,'\tcmd,`);
    expect(rows).toHaveLength(1 + 10);

    const json = JSON.parse(
      await (
        await getExport(exportUrl({ format: 'json', status: 'Failed', q: '10000000' }), {
          params: Promise.resolve(params),
        })
      ).text(),
    ) as { backupId: string; status: string }[];
    expect(json.length).toBeGreaterThan(0);
    expect(json.every((b) => b.status === 'Failed' && b.backupId.includes('10000000'))).toBe(true);

    const audit = (await listAudit({ action: 'export', page: 1, pageSize: 10, format: 'json' })).rows;
    expect(audit[0]).toMatchObject({ action: 'export', user: 'exporter', instanceId: INSTANCE });
    expect(audit[0]!.detail).toContain('format=json');
    expect(audit[0]!.detail).toContain('status=Failed');
  });
});
