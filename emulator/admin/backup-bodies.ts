import { z } from 'zod';

const MAX_SIZE = 2 ** 44; // 16 TiB: far above any real Redis backup, far below 2^53.

// ISO 8601 with a date, a time and a zone, so "2025-06-01" or a bare local time cannot be misread.
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Date.parse rolls 2025-02-30 over to March; a typo should be an error instead. */
function isCalendarTime(text: string): boolean {
  const m = ISO_INSTANT.exec(text);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1).map((v) => Number(v ?? 0)) as number[];
  const d = new Date(Date.UTC(year!, month! - 1, day!));
  return (
    d.getUTCFullYear() === year &&
    d.getUTCMonth() === month! - 1 &&
    d.getUTCDate() === day &&
    hour! < 24 &&
    minute! < 60 &&
    second! < 60 &&
    !Number.isNaN(Date.parse(text))
  );
}

const startTime = z
  .string()
  .regex(ISO_INSTANT, 'Expected an ISO 8601 time with a zone, like 2025-06-01T02:10:00Z.')
  .refine(isCalendarTime, 'Not a real date and time.')
  .refine((s) => Date.parse(s) <= Date.now(), 'A finished backup cannot start in the future.');

const size = z.number().int().min(1).max(MAX_SIZE);
const status = z.enum(['Success', 'Failed']);

const noSizeWhenFailed = (body: { status?: string; size?: number }) =>
  !(body.status === 'Failed' && body.size !== undefined);
const failedSizeIssue = { message: 'A Failed backup has no size; leave size out.', path: ['size'] };

export const newBackupSchema = z
  .strictObject({
    startTime: startTime.optional(),
    status: status.optional(),
    size: size.optional(),
    type: z.enum(['FullBackup', 'IncrementalBackup']).optional(),
    mode: z.enum(['Automated', 'Manual']).optional(),
    method: z.enum(['Physical', 'Logical']).optional(),
    nodeInstanceId: z.string().min(1).max(128).optional(),
  })
  .refine(noSizeWhenFailed, failedSizeIssue);

export const statusChangeSchema = z
  .strictObject({ status, size: size.optional() })
  .refine(noSizeWhenFailed, failedSizeIssue);

export const stopBackupsSchema = z.strictObject({
  /** Default: now. */
  since: startTime.optional(),
});
