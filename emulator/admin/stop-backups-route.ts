import type { IncomingMessage, ServerResponse } from 'node:http';
import { describeIssue } from '../faults/fault-config';
import { BackupChangeError, type Dataset } from '../seed';
import { json, jsonError, readJson } from './admin-json';
import { stopBackupsSchema } from './backup-bodies';

/** `/__admin/instances/{instanceId}/stop-backups` */
const STOP_PATH = /^\/__admin\/instances\/([^/]+)\/stop-backups$/;

/**
 * Makes an instance's backups stop, as of now or of a moment in the past: a health or alert test's "the
 * backups stopped three days ago". Returns false when the path is not this route.
 */
export async function handleStopBackups(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  dataset: Dataset,
): Promise<boolean> {
  const m = STOP_PATH.exec(pathname);
  if (!m || req.method !== 'POST') return false;
  const instanceId = decodeURIComponent(m[1]!);
  if (!dataset.findInstance(instanceId)) {
    jsonError(res, 404, 'instanceId', `No instance ${instanceId}.`);
    return true;
  }
  const body = await readJson(req);
  if (!body.ok) {
    jsonError(res, 400, '', 'Body must be a JSON object.');
    return true;
  }
  const parsed = stopBackupsSchema.safeParse(body.value);
  if (!parsed.success) {
    const { field, message } = describeIssue(parsed.error);
    jsonError(res, 400, field, message);
    return true;
  }
  const since = parsed.data.since === undefined ? Date.now() : Date.parse(parsed.data.since);
  try {
    const removed = dataset.stopBackups(instanceId, since);
    json(res, 200, {
      instanceId,
      since: new Date(since).toISOString(),
      removed: removed.map((b) => String(b.BackupId)),
    });
  } catch (err) {
    if (!(err instanceof BackupChangeError)) throw err;
    jsonError(res, 409, err.field, err.message);
  }
  return true;
}
