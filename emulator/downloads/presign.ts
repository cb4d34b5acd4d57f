import { createHmac, timingSafeEqual } from 'node:crypto';

export const PUBLIC_PREFIX = '/oss';
export const INTRANET_PREFIX = '/oss-internal';

/** OSS V1 query-string signing: `GET\n\n\n<Expires>\n<path>` with HMAC-SHA1, base64. */
/**
 * Like Alibaba Cloud, download URLs are signed by the storage service's own key, never the API
 * caller's: a URL handed to a browser must not carry the caller's AccessKeyId.
 */
export const OSS_SIGNER_ID = 'emulator-oss-signer';

export function ossSignerSecret(apiSecret: string): string {
  return createHmac('sha256', apiSecret).update('emulator-oss').digest('base64');
}

export function ossSignature(secret: string, expires: number, pathname: string): string {
  return createHmac('sha1', secret).update(`GET\n\n\n${expires}\n${pathname}`).digest('base64');
}

export interface PresignInput {
  baseUrl: string;
  pathname: string;
  expires: number;
  accessKeyId: string;
  secret: string;
}

export function presignUrl({ baseUrl, pathname, expires, accessKeyId, secret }: PresignInput): string {
  const query = new URLSearchParams({
    Expires: String(expires),
    OSSAccessKeyId: accessKeyId,
    Signature: ossSignature(secret, expires, pathname),
  });
  return `${baseUrl.replace(/\/+$/, '')}${pathname}?${query.toString()}`;
}

export type PresignCheck =
  | { ok: true }
  | { ok: false; code: 'AccessDenied' | 'SignatureDoesNotMatch'; message: string; expires?: number };

export function checkPresigned(
  query: URLSearchParams,
  pathname: string,
  keys: ReadonlyMap<string, string>,
  nowMs: number,
): PresignCheck {
  const expiresText = query.get('Expires');
  const accessKeyId = query.get('OSSAccessKeyId');
  const signature = query.get('Signature');
  if (!expiresText || !accessKeyId || !signature) {
    return {
      ok: false,
      code: 'AccessDenied',
      message: 'AccessDenied: Anonymous access is forbidden for this operation.',
    };
  }
  const expires = Number(expiresText);
  if (!/^\d+$/.test(expiresText))
    return { ok: false, code: 'AccessDenied', message: 'Invalid argument: Expires.' };
  if (nowMs / 1000 > expires)
    return { ok: false, code: 'AccessDenied', message: 'Request has expired.', expires };
  const secret = keys.get(accessKeyId);
  const expected = secret === undefined ? '' : ossSignature(secret, expires, pathname);
  const a = Buffer.from(expected);
  const b = Buffer.from(signature);
  if (secret === undefined || a.length !== b.length || !timingSafeEqual(a, b)) {
    return {
      ok: false,
      code: 'SignatureDoesNotMatch',
      message:
        'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    };
  }
  return { ok: true };
}
