import { z } from 'zod';
import { parseDateOrDateTime } from '@/lib/dates';

// The audit log's filters: shared by `GET /api/audit` and the admin page.

export const AUDIT_ACTIONS = [
  'download',
  'url_reveal',
  'export',
  'sign_in',
  'sign_in_failed',
  'sign_in_throttled',
  'sign_out',
  'sessions_revoked',
  'denied',
  'job_script',
  'verify',
  'verify_cancel',
  'verify_result',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** A date alone means the whole day: `to=2026-11-01` includes that day's last millisecond. */
const isoTime = (edge: 'start' | 'end') =>
  z.string().transform((v, ctx) => {
    const date = parseDateOrDateTime(v, edge);
    if (date) return date.toISOString();
    ctx.addIssue({
      code: 'custom',
      message: 'expected an ISO 8601 date or date-time, such as 2026-11-01 or 2026-11-01T08:00Z',
    });
    return z.NEVER;
  });

export const auditQuerySchema = z.object({
  action: z.enum(AUDIT_ACTIONS, { error: `expected one of ${AUDIT_ACTIONS.join(', ')}` }).optional(),
  user: z.string().max(128, 'expected at most 128 characters').optional(),
  from: isoTime('start').optional(),
  to: isoTime('end').optional(),
  page: z.coerce
    .number()
    .int('expected a whole number from 1')
    .min(1, 'expected a whole number from 1')
    .default(1),
  pageSize: z.coerce.number().int().min(1, 'expected 1 to 500').max(500, 'expected 1 to 500').default(100),
  format: z.enum(['json', 'csv'], { error: 'expected json or csv' }).default('json'),
});

export type AuditQuery = z.output<typeof auditQuerySchema>;

export interface AuditRow {
  id: number;
  at: string;
  action: AuditAction;
  user: string | null;
  role: string | null;
  instanceId: string | null;
  backupId: string | null;
  variant: string | null;
  address: string | null;
  status: number | null;
  detail: string | null;
}
