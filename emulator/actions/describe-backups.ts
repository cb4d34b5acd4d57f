import { apiErrors } from '../protocol/api-error';
import type { RawBackup } from '../seed';
import type { ActionHandler } from './action-context';
import { parseId, parsePageNumber, parsePageSize } from './paging';

const PAGE_SIZES = new Set([30, 50, 100, 200, 300]);
const MINUTE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})Z$/;

/**
 * The required parameters (`first`, then StartTime and EndTime, in that order) and the window: whole
 * minutes, a real date, End after Start. Throws the error Alibaba answers for the first problem.
 */
export function requireWindow(
  params: Record<string, string>,
  first: string[],
): { start: number; end: number } {
  for (const name of [...first, 'StartTime', 'EndTime']) {
    if (!params[name]) throw apiErrors.missingParameter(name);
  }
  const start = parseMinuteTime(params.StartTime ?? '');
  if (start === null) throw apiErrors.invalidStartTime();
  const end = parseMinuteTime(params.EndTime ?? '');
  if (end === null) throw apiErrors.invalidEndTime();
  if (end <= start) throw apiErrors.invalidParameter('EndTime', 'EndTime must be later than StartTime.');
  return { start, end };
}

/** `yyyy-MM-ddTHH:mmZ` and a real calendar date, else null. */
export function parseMinuteTime(value: string): number | null {
  const m = MINUTE_TIME.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  const ms = Date.UTC(year, month - 1, day, hour, minute);
  const d = new Date(ms);
  const valid =
    d.getUTCFullYear() === year &&
    d.getUTCMonth() === month - 1 &&
    d.getUTCDate() === day &&
    hour < 24 &&
    minute < 60;
  return valid ? ms : null;
}

function stringifyNumbers(backup: RawBackup): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(backup).map(([k, v]) => [k, typeof v === 'number' ? String(v) : v]),
  );
}

export const describeBackups: ActionHandler = ({ params, dataset, downloadUrls }) => {
  const { start, end } = requireWindow(params, ['InstanceId']);
  const instanceId = params.InstanceId ?? '';
  const pageSize = parsePageSize(params.PageSize, 30, (n) => PAGE_SIZES.has(n));
  const pageNumber = parsePageNumber(params.PageNumber);
  const backupId = parseId('BackupId', params.BackupId);
  const jobId = parseId('BackupJobId', params.BackupJobId);
  if (params.NeedAof !== undefined && !['0', '1', ''].includes(params.NeedAof))
    throw apiErrors.invalidParameter('NeedAof');

  const instance = dataset.findInstance(instanceId);
  if (!instance) throw apiErrors.instanceNotFound();
  const profile = dataset.profileOf(instanceId);

  // The end minute is inclusive: EndTime 18:00Z still matches a backup that started at 18:00:59.
  // AOF log backups (flashback) only with NeedAof=1; a cloud-native cluster's backups only as sets.
  const query = {
    fromMs: start,
    toMs: end + 60_000,
    backupId,
    jobId,
    withoutType: params.NeedAof === '1' ? undefined : ('IncrementalBackup' as const),
  };
  const { total, rows } =
    profile?.plan.kind === 'sets'
      ? { total: 0, rows: [] }
      : dataset.listBackups(instanceId, query, (pageNumber - 1) * pageSize, pageSize);
  const shown = rows.map((b) => {
    if (profile?.numbersAsStrings) return stringifyNumbers(b);
    const urls = downloadUrls(instanceId, b);
    return { ...b, BackupDownloadURL: urls.publicUrl, BackupIntranetDownloadURL: urls.intranetUrl };
  });

  return {
    PageNumber: pageNumber,
    PageSize: pageSize,
    TotalCount: total,
    ...dataset.storageOf(instanceId),
    Backups: { Backup: shown },
  };
};
