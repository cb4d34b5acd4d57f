import type { IncomingMessage, ServerResponse } from 'node:http';
import { describeIssue, faultPatchSchema } from '../faults/fault-config';
import type { FaultController } from '../faults/fault-controller';
import type { Stats } from '../faults/stats';
import { json, jsonError, readJson } from './admin-json';
import { handleBackupRoute, type BackupAdminContext } from './backup-routes';
import { handleKindsRoute, type KindsAdminContext } from './kinds-routes';
import { handleStopBackups } from './stop-backups-route';

export interface AdminContext extends BackupAdminContext, KindsAdminContext {
  faults: FaultController;
  stats: Stats;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

async function setFaults(req: IncomingMessage, res: ServerResponse, ctx: AdminContext): Promise<void> {
  const body = await readJson(req);
  if (!body.ok) return jsonError(res, 400, '', 'Body must be a JSON object.');
  const parsed = faultPatchSchema.safeParse(body.value);
  if (!parsed.success) return json(res, 400, { error: describeIssue(parsed.error) });
  json(res, 200, ctx.faults.update(parsed.data));
}

/** A local tool: unsigned, and only for loopback clients (anyone else gets a plain 404). */
export async function handleAdmin(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  ctx: AdminContext,
): Promise<void> {
  if (!LOOPBACK.has(req.socket.remoteAddress ?? ''))
    return json(res, 404, { error: { message: 'Not found.' } });
  const pathname = url.pathname.replace(/\/+$/, '');
  const route = `${req.method} ${pathname}`;
  switch (route) {
    case 'GET /__admin/faults':
      return json(res, 200, ctx.faults.current);
    case 'PUT /__admin/faults':
    case 'POST /__admin/faults':
      return setFaults(req, res, ctx);
    case 'DELETE /__admin/faults':
      return json(res, 200, ctx.faults.reset());
    case 'GET /__admin/stats':
      return json(res, 200, ctx.stats.snapshot());
    case 'POST /__admin/stats/reset':
    case 'DELETE /__admin/stats':
      ctx.stats.reset();
      return json(res, 200, ctx.stats.snapshot());
  }
  if (await handleBackupRoute(req, res, pathname, ctx)) return;
  if (await handleKindsRoute(req, res, pathname, ctx)) return;
  if (await handleStopBackups(req, res, pathname, ctx.dataset)) return;
  json(res, 404, { error: { message: `No admin route ${route}.` } });
}
