import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { Dataset } from '../seed';
import { backupFile } from './backup-file';
import { ossRequestId, sendOssError } from './oss-error';
import { checkPresigned } from './presign';
import { parseRange } from './range';
import { resolveObject } from './objects';

export interface DownloadContext {
  dataset: Dataset;
  keys: ReadonlyMap<string, string>;
}

export async function handleDownload(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  ctx: DownloadContext,
): Promise<void> {
  const hostId = req.headers.host ?? '127.0.0.1';
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return sendOssError(
      res,
      405,
      'MethodNotAllowed',
      'The specified method is not allowed against this resource.',
      hostId,
    );
  }
  // HEAD is accepted with a GET-signed URL so `curl -I` works on the URL DescribeBackups returned.
  const check = checkPresigned(url.searchParams, url.pathname, ctx.keys, Date.now());
  if (!check.ok) {
    const extra: Record<string, string> =
      check.expires !== undefined
        ? { Expires: new Date(check.expires * 1000).toISOString(), ServerTime: new Date().toISOString() }
        : {};
    return sendOssError(res, 403, check.code, check.message, hostId, extra);
  }
  const object = resolveObject(ctx.dataset, url.pathname);
  if (!object)
    return sendOssError(res, 404, 'NoSuchKey', 'The specified key does not exist.', hostId, {
      Key: url.pathname,
    });

  const { backup, fileName } = object;
  const size = backup.BackupSize;
  const range = parseRange(req.headers.range, size);
  const common = {
    'accept-ranges': 'bytes',
    'content-type': 'application/octet-stream',
    'content-disposition': `attachment; filename="${fileName}"`,
    etag: `"${createHash('md5').update(`${backup.BackupId}:${size}`).digest('hex').toUpperCase()}"`,
    'last-modified': new Date(backup.BackupEndTime).toUTCString(),
    'x-oss-request-id': ossRequestId(),
    'x-oss-object-type': 'Normal',
  };
  if (range.kind === 'unsatisfiable') {
    res.setHeader('content-range', `bytes */${size}`);
    return sendOssError(res, 416, 'InvalidRange', 'The requested range cannot be satisfied', hostId);
  }
  const [start, end] = range.kind === 'partial' ? [range.start, range.end] : [0, size - 1];
  res.writeHead(range.kind === 'partial' ? 206 : 200, {
    ...common,
    'content-length': end - start + 1,
    ...(range.kind === 'partial' ? { 'content-range': `bytes ${start}-${end}/${size}` } : {}),
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  try {
    await pipeline(backupFile(ctx.dataset, object.instanceId, backup, fileName)(start, end), res);
  } catch {
    // The client went away mid-download (wget interrupted, tab closed): nothing left to answer.
  }
}
