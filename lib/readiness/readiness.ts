import 'server-only';
import { ApiError } from '@/lib/api/api-error';
import { beforeDeadline, detached } from '@/lib/deadline';
import { dropProcessSingleton, processSingleton } from '@/lib/process-singleton';
import { TtlCache } from '@/lib/ttl-cache';
import type { Check } from './check';
import { checkAuditDatabase, checkIndexDatabase } from './database-checks';
import { checkUpstream, NOT_CHECKED_NO_ANSWER, type UpstreamChecks } from './upstream-checks';

// /api/ready: can this process serve? Anyone may ask (a load balancer does, often), so each check runs at
// most every 10 s whatever the traffic, failures included; a slow upstream answers by the deadline and its
// check goes on for the next ask.

export interface ReadinessReport {
  status: 'ready' | 'not_ready';
  checks: { upstream: Check; credentials: Check; indexDatabase: Check; auditDatabase: Check };
}

const CHECK_EVERY_MS = 10_000;

const caches = () =>
  processSingleton('readiness', () => ({
    upstream: new TtlCache<UpstreamChecks>(CHECK_EVERY_MS, 1),
    index: new TtlCache<Check>(CHECK_EVERY_MS, 1),
    audit: new TtlCache<Check>(CHECK_EVERY_MS, 1),
  }));

function late(err: unknown): UpstreamChecks {
  if (!(err instanceof ApiError && err.code === 'timeout')) throw err;
  return { upstream: { ok: false, message: err.message }, credentials: NOT_CHECKED_NO_ANSWER };
}

export async function readiness(): Promise<ReadinessReport> {
  const c = caches();
  const [{ upstream, credentials }, indexDatabase, auditDatabase] = await Promise.all([
    beforeDeadline(
      c.upstream.get('upstream', () => detached(checkUpstream)),
      'not ready until it does; the check goes on for the next request.',
    ).catch(late),
    c.index.get('index', checkIndexDatabase),
    c.audit.get('audit', checkAuditDatabase),
  ]);
  const checks = { upstream, credentials, indexDatabase, auditDatabase };
  return { status: Object.values(checks).every((check) => check.ok) ? 'ready' : 'not_ready', checks };
}

export function resetReadinessForTests(): void {
  dropProcessSingleton('readiness');
}
