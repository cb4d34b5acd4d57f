import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../protocol/request-params';
import { describeIssue, faultPatchSchema } from '../faults/fault-config';
import type { FaultController } from '../faults/fault-controller';
import type { Stats } from '../faults/stats';

export interface AdminContext {
  faults: FaultController;
  stats: Stats;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function json(res: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
  res.end(payload);
}

async function setFaults(req: IncomingMessage, res: ServerResponse, ctx: AdminContext): Promise<void> {
  let input: unknown;
  try {
    const text = (await readBody(req)).toString('utf8');
    input = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    return json(res, 400, { error: { field: '', message: 'Body must be a JSON object.' } });
  }
  const parsed = faultPatchSchema.safeParse(input);
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
  const route = `${req.method} ${url.pathname.replace(/\/+$/, '')}`;
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
    default:
      return json(res, 404, { error: { message: `No admin route ${route}.` } });
  }
}
