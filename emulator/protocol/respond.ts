import type { ServerResponse } from 'node:http';
import type { ApiError } from './api-error';
import { toXml } from './xml';

export const HOST_ID = 'r-kvstore.aliyuncs.com';

export type ResponseFormat = 'JSON' | 'XML';

function send(
  res: ServerResponse,
  status: number,
  format: ResponseFormat,
  requestId: string,
  payload: string,
): void {
  res.writeHead(status, {
    'content-type': format === 'XML' ? 'text/xml;charset=utf-8' : 'application/json;charset=utf-8',
    'content-length': Buffer.byteLength(payload),
    'x-acs-request-id': requestId,
  });
  res.end(payload);
}

export function sendResult(
  res: ServerResponse,
  format: ResponseFormat,
  action: string,
  requestId: string,
  body: Record<string, unknown>,
): void {
  const withId = { RequestId: requestId, ...body };
  const payload = format === 'XML' ? toXml(`${action}Response`, withId) : JSON.stringify(withId);
  send(res, 200, format, requestId, payload);
}

export function errorBody(error: ApiError, requestId: string): Record<string, unknown> {
  return {
    ...error.detail,
    RequestId: requestId,
    HostId: HOST_ID,
    Code: error.code,
    Message: error.message,
    Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(error.code)}&product=R-kvstore&requestId=${requestId}`,
  };
}

export function sendError(
  res: ServerResponse,
  format: ResponseFormat,
  requestId: string,
  error: ApiError,
): void {
  const body = errorBody(error, requestId);
  send(res, error.status, format, requestId, format === 'XML' ? toXml('Error', body) : JSON.stringify(body));
}

/** A 200 whose body is cut off mid-JSON: what a broken proxy or truncated read looks like to the client. */
export function sendMalformed(res: ServerResponse, requestId: string): void {
  send(
    res,
    200,
    'JSON',
    requestId,
    `{"RequestId":"${requestId}","PageNumber":1,"Backups":{"Backup":[{"BackupId":`,
  );
}
