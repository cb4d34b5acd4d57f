import 'server-only';
import { Counter, Registry } from 'prom-client';
import { processSingleton } from '@/lib/process-singleton';

// The process's one metrics registry: counters are incremented where things happen (upstream calls, audit rows),
// gauges are read from the index when Prometheus scrapes (lib/metrics/collect.ts). One per process, not per
// bundle: Next.js may load this module more than once.

export interface AppMetrics {
  registry: Registry;
  upstreamCalls: Counter<'action' | 'outcome'>;
  auditRows: Counter<'action'>;
}

export function appMetrics(): AppMetrics {
  return processSingleton('metrics', () => {
    const registry = new Registry();
    return {
      registry,
      upstreamCalls: new Counter({
        name: 'kvstore_upstream_calls_total',
        help: 'Calls to Alibaba Cloud (each attempt), by API action and outcome (success or the error kind).',
        labelNames: ['action', 'outcome'] as const,
        registers: [registry],
      }),
      auditRows: new Counter({
        name: 'kvstore_audit_rows_written_total',
        help: 'Rows written to the audit log, by action.',
        labelNames: ['action'] as const,
        registers: [registry],
      }),
    };
  });
}
