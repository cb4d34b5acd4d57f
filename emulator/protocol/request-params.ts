import type { IncomingMessage } from 'node:http';
import { apiErrors } from './api-error';

const MAX_BODY_BYTES = 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    total += buf.length;
    if (total > MAX_BODY_BYTES) throw apiErrors.payloadTooLarge();
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/** Query string and form body merged (the body wins), the way RPC endpoints accept either. */
export function mergeParams(
  query: URLSearchParams,
  req: IncomingMessage,
  body: Buffer,
): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [k, v] of query) params[k] = v;
  const type = req.headers['content-type'] ?? '';
  if (body.length > 0 && type.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    for (const [k, v] of new URLSearchParams(body.toString('utf8'))) params[k] = v;
  }
  return params;
}
