import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { escapeXml } from '../protocol/xml';

export function ossRequestId(): string {
  return randomBytes(12).toString('hex').toUpperCase();
}

/** OSS answers errors in XML, never JSON. */
export function sendOssError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  hostId: string,
  extra: Record<string, string> = {},
): void {
  const requestId = ossRequestId();
  const fields = { Code: code, Message: message, RequestId: requestId, HostId: hostId, ...extra };
  const inner = Object.entries(fields)
    .map(([k, v]) => `  <${k}>${escapeXml(v)}</${k}>`)
    .join('\n');
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n${inner}\n</Error>\n`;
  res.writeHead(status, {
    'content-type': 'application/xml',
    'content-length': Buffer.byteLength(body),
    'x-oss-request-id': requestId,
  });
  res.end(body);
}
