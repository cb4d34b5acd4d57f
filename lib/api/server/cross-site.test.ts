import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as getDownload } from '@/app/api/instances/[instanceId]/backups/[backupId]/download/route';
import { GET as getExport } from '@/app/api/instances/[instanceId]/backups/export/route';
import { SEED_INSTANCE_IDS } from '@/emulator/seed';
import type { RunningEmulator } from '@/emulator/server';
import { listAudit } from '@/lib/audit/audit-log';
import { auditQuerySchema } from '@/lib/audit/audit-query';
import { callRoute } from '@/lib/testing/call-route';
import { startEmulatorForTests, stopEmulatorForTests } from '@/lib/testing/emulator-env';

// A page on another site can make a signed-in person's browser ask for a download (an <img>, a link, a
// form): the cookie goes along. The routes that hand out files refuse what the browser marks as coming from
// elsewhere, and audit the refusal under the victim's name; clicks on this site and non-browser clients work.

vi.mock('@/lib/auth/session', () => ({
  getSessionUser: async () => ({ name: 'victim', role: 'admin', scope: null }),
}));

const instanceId = SEED_INSTANCE_IDS.standard;
let emulator: RunningEmulator;
let backupId: string;

beforeAll(async () => {
  emulator = await startEmulatorForTests();
  backupId = String(
    emulator.dataset.backupsFor(instanceId).find((b) => b.BackupStatus === 'Success')!.BackupId,
  );
});

afterAll(() => stopEmulatorForTests(emulator));

const download = (headers: Record<string, string>) =>
  callRoute(
    getDownload,
    `/api/instances/${instanceId}/backups/${backupId}/download`,
    { instanceId, backupId },
    { headers },
  );

const exportCsv = (headers: Record<string, string>) => {
  const end = emulator.dataset.now.getTime();
  const qs = new URLSearchParams({
    start: new Date(end - 7 * 86_400_000).toISOString(),
    end: new Date(end).toISOString(),
  });
  return callRoute(
    getExport,
    `/api/instances/${instanceId}/backups/export?${qs}`,
    { instanceId },
    { headers },
  );
};

const deniedRows = async () =>
  (await listAudit(auditQuerySchema.parse({ action: 'denied', user: 'victim' }))).rows;

const FOREIGN: Record<string, Record<string, string>> = {
  'Sec-Fetch-Site: cross-site with a foreign Origin': {
    'sec-fetch-site': 'cross-site',
    origin: 'https://evil.example',
  },
  'Sec-Fetch-Site: cross-site alone (an <img> or a link)': { 'sec-fetch-site': 'cross-site' },
  'Sec-Fetch-Site: same-site (a sibling subdomain)': { 'sec-fetch-site': 'same-site' },
  'a foreign Origin from a browser without Sec-Fetch-Site': { origin: 'https://evil.example' },
  'Origin: null (a sandboxed frame)': { origin: 'null' },
  'an Origin on another port of the same host': { host: '127.0.0.1:3000', origin: 'http://127.0.0.1:4000' },
};

const OWN: Record<string, Record<string, string>> = {
  'Sec-Fetch-Site: same-origin (a click in the console)': {
    'sec-fetch-site': 'same-origin',
    origin: 'http://127.0.0.1',
  },
  'Sec-Fetch-Site: none (an address typed or bookmarked)': { 'sec-fetch-site': 'none' },
  'no such header (curl, wget, scripts)': {},
  'its own Origin without Sec-Fetch-Site': { host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' },
  'its own Origin behind a reverse proxy': {
    host: '127.0.0.1:3000',
    'x-forwarded-host': 'console.example.com',
    origin: 'https://console.example.com',
  },
};

describe.each([
  ['download', download],
  ['export', exportCsv],
] as const)('the %s route', (_name, request) => {
  it.each(Object.entries(FOREIGN))(
    'refuses %s with 403, audited as denied, no upstream call',
    async (_label, headers) => {
      const deniedBefore = (await deniedRows()).length;
      const upstreamBefore = emulator.stats.snapshot().total;
      const res = await request(headers);
      expect(res.status).toBe(403);
      expect(res.headers.get('location')).toBeNull();
      const { error } = await res.json();
      expect(error.code).toBe('forbidden');
      expect(error.message).toMatch(/another site/);
      const rows = await deniedRows();
      expect(rows.length).toBe(deniedBefore + 1);
      expect(rows[0]).toMatchObject({ user: 'victim', status: 403 });
      expect(rows[0]!.detail).toContain('cross-site');
      expect(emulator.stats.snapshot().total).toBe(upstreamBefore);
    },
  );

  it.each(Object.entries(OWN))('serves %s', async (_label, headers) => {
    const res = await request(headers);
    expect([200, 302]).toContain(res.status);
    await res.body?.cancel();
  });
});
