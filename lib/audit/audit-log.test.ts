import Database from 'better-sqlite3';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { resetConfigForTests } from '@/lib/config';
import { csvCell } from '@/lib/csv';
import { closePostgresForTests } from '@/lib/db/database';
import { DIALECTS, freshPostgresUrl } from '@/lib/testing/storage-dialects';
import {
  closeAuditDbForTests,
  iterateAudit,
  listAudit,
  pruneAuditNow,
  recentSignIns,
  recordAudit,
  recordAuditSoon,
} from './audit-log';
import { auditQuerySchema } from './audit-query';

describe.each(DIALECTS)('audit log on %s', (dialect) => {
  beforeAll(async () => {
    vi.stubEnv(
      'AUDIT_DB_PATH',
      path.join(os.tmpdir(), `kvb-audit-test-${process.pid}-${Date.now()}`, 'audit.db'),
    );
    if (dialect === 'postgres') vi.stubEnv('DATABASE_URL', await freshPostgresUrl());
    resetConfigForTests();
  });
  afterAll(async () => {
    await closeAuditDbForTests();
    await closePostgresForTests();
    vi.unstubAllEnvs();
    resetConfigForTests();
  });

  /** What another process reading the database sees: the row is committed, not only queued. */
  async function committedRows(user: string): Promise<number> {
    if (dialect === 'postgres') {
      const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await client.connect();
      const { rows } = await client.query('SELECT COUNT(*)::int AS n FROM audit WHERE "user" = $1', [user]);
      await client.end();
      return rows[0].n as number;
    }
    const other = new Database(process.env.AUDIT_DB_PATH!, { readonly: true });
    const { n } = other.prepare('SELECT COUNT(*) AS n FROM audit WHERE user = ?').get(user) as { n: number };
    other.close();
    return n;
  }

  it('records, filters, pages and iterates', async () => {
    for (let i = 0; i < 25; i++) {
      await recordAudit({
        action: 'download',
        user: i % 2 ? 'ann' : 'bob',
        instanceId: 'r-bp1a',
        backupId: String(i),
        variant: 'public',
        address: '127.0.0.1',
        status: 302,
      });
    }
    await recordAudit({ action: 'denied', user: 'eve', status: 403, detail: 'GET /api/audit' });
    const q = (extra: Record<string, string>) => auditQuerySchema.parse(extra);

    expect((await listAudit(q({}))).total).toBe(26);
    const ann = await listAudit(q({ user: 'ann', pageSize: '5', page: '2' }));
    expect(ann.total).toBe(12);
    expect(ann.rows.map((r) => r.backupId)).toEqual(['13', '11', '9', '7', '5']);
    expect((await listAudit(q({ action: 'denied' }))).rows[0]).toMatchObject({
      user: 'eve',
      status: 403,
      detail: 'GET /api/audit',
    });
    expect((await listAudit(q({ to: '2011-01-01' }))).total).toBe(0);
    expect((await listAudit(q({ from: new Date().toISOString().slice(0, 10) }))).total).toBe(26);
    let iterated = 0;
    for await (const _row of iterateAudit(q({ action: 'download' }), 7)) iterated++;
    expect(iterated).toBe(25);
  });

  it('keeps writing while an export is being read', async () => {
    const rows = iterateAudit(auditQuerySchema.parse({}), 2);
    await rows.next();
    await expect(recordAudit({ action: 'sign_in', user: 'ann' })).resolves.toBeUndefined();
    await rows.return(undefined);
  });

  it('lists who signed in recently, with their latest row and count', async () => {
    await recordAudit({ action: 'sign_in', user: 'cat', role: 'viewer', address: '10.0.0.1' });
    await recordAudit({ action: 'sign_in', user: 'cat', role: 'admin', address: '10.0.0.2' });
    const since = new Date(Date.now() - 60_000).toISOString();
    expect((await recentSignIns(since)).find((r) => r.user === 'cat')).toMatchObject({
      role: 'admin',
      address: '10.0.0.2',
      count: 2,
    });
  });

  it('prunes rows older than the retention period', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date(Date.now() - 400 * 86_400_000));
      await recordAudit({ action: 'download', user: 'ancient', backupId: '1' });
      vi.setSystemTime(new Date(Date.now() + 100 * 86_400_000));
      await recordAudit({ action: 'download', user: 'old-but-kept', backupId: '2' });
    } finally {
      vi.useRealTimers();
    }
    const q = (user: string) => auditQuerySchema.parse({ user });
    expect((await listAudit(q('ancient'))).total).toBe(1);
    await pruneAuditNow();
    expect((await listAudit(q('ancient'))).total).toBe(0);
    expect((await listAudit(q('old-but-kept'))).total).toBe(1);
  });

  it('batches rows an attacker can cause in bulk; readers see them at once, the database within 100 ms', async () => {
    for (let i = 0; i < 3; i++) recordAuditSoon({ action: 'sign_in_failed', user: 'spray', status: 401 });
    expect((await listAudit(auditQuerySchema.parse({ user: 'spray' }))).total).toBe(3);
    recordAuditSoon({ action: 'sign_in_throttled', user: 'later', status: 429 });
    await vi.waitFor(async () => expect(await committedRows('later')).toBe(1));
  });

  it('rejects bad filters naming the field', () => {
    const r = auditQuerySchema.safeParse({ action: 'delete', from: 'yesterday' });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path[0])).toEqual(['action', 'from']);
  });
});

describe('csvCell', () => {
  it('quotes and defuses formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell(null)).toBe('');
  });
});
