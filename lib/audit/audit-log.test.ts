import Database from 'better-sqlite3';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { resetConfigForTests } from '@/lib/config';
import { csvCell } from '@/lib/csv';
import { iterateAudit, listAudit, pruneAuditNow, recordAudit, recordAuditSoon } from './audit-log';
import { auditQuerySchema } from './audit-query';

beforeAll(() => {
  vi.stubEnv(
    'AUDIT_DB_PATH',
    path.join(os.tmpdir(), `kvb-audit-test-${process.pid}-${Date.now()}`, 'audit.db'),
  );
  resetConfigForTests();
});
afterAll(() => {
  vi.unstubAllEnvs();
  resetConfigForTests();
});

describe('audit log', () => {
  it('records, filters, pages and iterates', () => {
    for (let i = 0; i < 25; i++) {
      recordAudit({
        action: 'download',
        user: i % 2 ? 'ann' : 'bob',
        instanceId: 'r-bp1a',
        backupId: String(i),
        variant: 'public',
        address: '127.0.0.1',
        status: 302,
      });
    }
    recordAudit({ action: 'denied', user: 'eve', status: 403, detail: 'GET /api/audit' });
    const q = (extra: Record<string, string>) => auditQuerySchema.parse(extra);

    expect(listAudit(q({})).total).toBe(26);
    const ann = listAudit(q({ user: 'ann', pageSize: '5', page: '2' }));
    expect(ann.total).toBe(12);
    expect(ann.rows.map((r) => r.backupId)).toEqual(['13', '11', '9', '7', '5']);
    expect(listAudit(q({ action: 'denied' })).rows[0]).toMatchObject({
      user: 'eve',
      status: 403,
      detail: 'GET /api/audit',
    });
    expect(listAudit(q({ to: '2011-01-01' })).total).toBe(0);
    expect(listAudit(q({ from: new Date().toISOString().slice(0, 10) })).total).toBe(26);
    expect([...iterateAudit(q({ action: 'download' }), 7)].length).toBe(25);
  });

  it('keeps writing while an export is being read', () => {
    const rows = iterateAudit(auditQuerySchema.parse({}), 2);
    rows.next();
    expect(() => recordAudit({ action: 'sign_in', user: 'ann' })).not.toThrow();
    rows.return(undefined);
  });

  it('prunes rows older than the retention period', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date(Date.now() - 400 * 86_400_000));
      recordAudit({ action: 'download', user: 'ancient', backupId: '1' });
      vi.setSystemTime(new Date(Date.now() + 100 * 86_400_000));
      recordAudit({ action: 'download', user: 'old-but-kept', backupId: '2' });
    } finally {
      vi.useRealTimers();
    }
    const q = (user: string) => auditQuerySchema.parse({ user });
    expect(listAudit(q('ancient')).total).toBe(1);
    pruneAuditNow();
    expect(listAudit(q('ancient')).total).toBe(0);
    expect(listAudit(q('old-but-kept')).total).toBe(1);
  });

  it('batches rows an attacker can cause in bulk; readers see them at once, the disk within 100 ms', async () => {
    for (let i = 0; i < 3; i++) recordAuditSoon({ action: 'sign_in_failed', user: 'spray', status: 401 });
    expect(listAudit(auditQuerySchema.parse({ user: 'spray' })).total).toBe(3);
    recordAuditSoon({ action: 'sign_in_throttled', user: 'later', status: 429 });
    const other = new Database(process.env.AUDIT_DB_PATH!, { readonly: true });
    await vi.waitFor(() =>
      expect(other.prepare("SELECT COUNT(*) AS n FROM audit WHERE user = 'later'").get()).toEqual({ n: 1 }),
    );
    other.close();
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
