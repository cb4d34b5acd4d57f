import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { BackupChangeError, type Dataset } from '../seed';
import { finishMs } from '../seed/backup-tasks';
import { isoSeconds } from '../seed/time-format';
import type { AccessPolicies } from '../signing/access-policy';
import { json, jsonError } from './admin-json';
import { parseBody } from './backup-routes';

// Admin routes for the newer backup states: start a manual backup (a task DescribeBackupTasks follows),
// and change what an AccessKey may call (RAM denials).

export interface KindsAdminContext {
  dataset: Dataset;
  policies: AccessPolicies;
  /** Default duration of a started backup. */
  taskSeconds: number;
}

const TASKS_PATH = /^\/__admin\/instances\/([^/]+)\/backup-tasks$/;
const KEY_PATH = /^\/__admin\/access-keys\/([^/]+)\/denied-actions$/;

const taskSchema = z.strictObject({
  durationSeconds: z.number().int().min(1).max(3600).optional(),
  size: z
    .number()
    .int()
    .min(1)
    .max(2 ** 44)
    .optional(),
});

const deniedSchema = z.strictObject({
  actions: z.array(z.string().regex(/^[A-Z][A-Za-z]{2,63}$/, 'Expected RPC action names')).max(64),
});

async function startTask(
  req: IncomingMessage,
  res: ServerResponse,
  instanceId: string,
  ctx: KindsAdminContext,
): Promise<void> {
  if (!ctx.dataset.findInstance(instanceId))
    return jsonError(res, 404, 'instanceId', `No instance ${instanceId}.`);
  const body = await parseBody(req, res, taskSchema);
  if (!body) return;
  try {
    const task = ctx.dataset.startBackupTask(instanceId, {
      durationSeconds: body.durationSeconds ?? ctx.taskSeconds,
      size: body.size,
    });
    json(res, 201, {
      BackupJobID: task.jobId,
      InstanceId: instanceId,
      StartTime: isoSeconds(task.startMs),
      FinishTime: isoSeconds(finishMs(task)),
      DurationSeconds: task.durationMs / 1000,
    });
  } catch (err) {
    if (!(err instanceof BackupChangeError)) throw err;
    jsonError(res, 409, err.field, err.message);
  }
}

/** Returns false when the path is none of these routes (the caller answers 404). */
export async function handleKindsRoute(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  ctx: KindsAdminContext,
): Promise<boolean> {
  const task = TASKS_PATH.exec(pathname);
  if (task && req.method === 'POST') {
    await startTask(req, res, decodeURIComponent(task[1]!), ctx);
    return true;
  }
  if (pathname === '/__admin/access-keys' && (req.method === 'GET' || req.method === 'DELETE')) {
    if (req.method === 'DELETE') ctx.policies.reset();
    json(res, 200, ctx.policies.snapshot());
    return true;
  }
  const key = KEY_PATH.exec(pathname);
  if (key && req.method === 'PUT') {
    const body = await parseBody(req, res, deniedSchema);
    if (body) {
      ctx.policies.setDenied(decodeURIComponent(key[1]!), body.actions);
      json(res, 200, ctx.policies.snapshot());
    }
    return true;
  }
  return false;
}
