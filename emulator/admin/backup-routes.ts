import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import type { ActionContext } from '../actions/action-context';
import { describeIssue } from '../faults/fault-config';
import { BackupChangeError, type Dataset, type RawBackup } from '../seed';
import { json, jsonError, readJson } from './admin-json';
import { newBackupSchema, statusChangeSchema } from './backup-bodies';

export interface BackupAdminContext {
  dataset: Dataset;
  downloadUrls: ActionContext['downloadUrls'];
}

/** `/__admin/instances/{instanceId}/backups[/{backupId}]` */
const BACKUPS_PATH = /^\/__admin\/instances\/([^/]+)\/backups(?:\/([^/]+))?$/;

const STATUS_OF: Record<BackupChangeError['kind'], number> = {
  instance: 404,
  backup: 404,
  conflict: 409,
  'read-only': 409,
};

/** As DescribeBackups would show it right now: with fresh download URLs when it has a file. */
function shown(ctx: BackupAdminContext, instanceId: string, backup: RawBackup): RawBackup {
  const urls = ctx.downloadUrls(instanceId, backup);
  return { ...backup, BackupDownloadURL: urls.publicUrl, BackupIntranetDownloadURL: urls.intranetUrl };
}

/** The body as `schema` reads it, or null after answering 400 naming the field at fault. */
export async function parseBody<T>(
  req: IncomingMessage,
  res: ServerResponse,
  schema: z.ZodType<T>,
): Promise<T | null> {
  const body = await readJson(req);
  if (!body.ok) {
    jsonError(res, 400, '', 'Body must be a JSON object.');
    return null;
  }
  const parsed = schema.safeParse(body.value);
  if (parsed.success) return parsed.data;
  const { field, message } = describeIssue(parsed.error);
  jsonError(res, 400, field, message);
  return null;
}

/**
 * Runtime changes to an instance's backups, so a test can watch a client follow upstream. Returns false when
 * the path is not a backups route (the caller answers 404).
 */
export async function handleBackupRoute(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  ctx: BackupAdminContext,
): Promise<boolean> {
  const m = BACKUPS_PATH.exec(pathname);
  if (!m) return false;
  const instanceId = decodeURIComponent(m[1]!);
  const backupId = m[2] === undefined ? undefined : decodeURIComponent(m[2]);
  const route = `${req.method} ${backupId === undefined ? 'collection' : 'item'}`;
  if (!['POST collection', 'PATCH item', 'DELETE item'].includes(route)) return false;
  if (!ctx.dataset.findInstance(instanceId)) {
    jsonError(res, 404, 'instanceId', `No instance ${instanceId}.`);
    return true;
  }
  try {
    if (backupId === undefined) {
      const input = await parseBody(req, res, newBackupSchema);
      if (input) json(res, 201, shown(ctx, instanceId, ctx.dataset.addBackup(instanceId, input)));
    } else if (req.method === 'PATCH') {
      // Unknown backup before a bad body: the path is checked first, like the instance.
      if (!ctx.dataset.findBackup(instanceId, backupId)) {
        jsonError(res, 404, 'backupId', `Instance ${instanceId} has no backup ${backupId}.`);
        return true;
      }
      const change = await parseBody(req, res, statusChangeSchema);
      if (change)
        json(res, 200, shown(ctx, instanceId, ctx.dataset.setBackupStatus(instanceId, backupId, change)));
    } else {
      json(res, 200, ctx.dataset.removeBackup(instanceId, backupId));
    }
  } catch (err) {
    if (!(err instanceof BackupChangeError)) throw err;
    jsonError(res, STATUS_OF[err.kind], err.field, err.message);
  }
  return true;
}
