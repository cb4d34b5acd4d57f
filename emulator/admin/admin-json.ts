import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../protocol/request-params';

export function json(res: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
  res.end(payload);
}

/** The error shape every admin route uses, so a test can assert on the field at fault. */
export function jsonError(res: ServerResponse, status: number, field: string, message: string): void {
  json(res, status, { error: { field, message } });
}

export type JsonBody = { ok: true; value: unknown } | { ok: false };

/** An empty body reads as `{}`: every admin body is optional or all-optional. */
export async function readJson(req: IncomingMessage): Promise<JsonBody> {
  try {
    const text = (await readBody(req)).toString('utf8');
    return { ok: true, value: text.trim() === '' ? {} : JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}
