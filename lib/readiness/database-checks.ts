import 'server-only';
import { probeAuditWrite } from '@/lib/audit/audit-log';
import { getIndexDb } from '@/lib/backup-index/db';
import { probeIndexWrite } from '@/lib/backup-index/probe';
import type { Check } from './check';

// Whether each database takes a committed write. The answer names the setting and the error code, never
// a path: /api/ready is public.

function codeOf(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'see the server log';
}

function failed(what: string, err: unknown): Check {
  console.error(`[ready] ${what}:`, err instanceof Error ? err.message : String(err));
  return { ok: false, message: `${what} cannot be opened or written (${codeOf(err)}).` };
}

export async function checkIndexDatabase(): Promise<Check> {
  try {
    await probeIndexWrite(await getIndexDb());
    return { ok: true };
  } catch (err) {
    return failed('The backup index database (DATA_DIR/index.db or DATABASE_URL)', err);
  }
}

export async function checkAuditDatabase(): Promise<Check> {
  try {
    await probeAuditWrite();
    return { ok: true };
  } catch (err) {
    return failed('The audit database (AUDIT_DB_PATH or DATABASE_URL)', err);
  }
}
