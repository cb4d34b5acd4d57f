import { createHash, createHmac, randomBytes } from 'node:crypto';
import { percentEncode } from './percent-encode';

export const V3_ALGORITHM = 'ACS3-HMAC-SHA256';

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export interface CanonicalRequestInput {
  method: string;
  pathname: string;
  query: Iterable<[string, string]>;
  /** Lower-case names → values, only the signed ones. */
  signedHeaders: Array<[string, string]>;
  payloadHash: string;
}

export function canonicalQueryV3(query: Iterable<[string, string]>): string {
  return [...query]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`)
    .join('&');
}

export function canonicalRequestV3(input: CanonicalRequestInput): string {
  const headers = [...input.signedHeaders].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return [
    input.method.toUpperCase(),
    input.pathname || '/',
    canonicalQueryV3(input.query),
    headers.map(([k, v]) => `${k}:${v.trim()}\n`).join(''),
    headers.map(([k]) => k).join(';'),
    input.payloadHash,
  ].join('\n');
}

export function stringToSignV3(canonicalRequest: string): string {
  return `${V3_ALGORITHM}\n${sha256Hex(canonicalRequest)}`;
}

export function signV3(secret: string, stringToSign: string): string {
  return createHmac('sha256', secret).update(stringToSign).digest('hex');
}

export interface SignV3Options {
  method?: string;
  host: string;
  action: string;
  version?: string;
  query?: Record<string, string>;
  body?: string;
  contentType?: string;
  accessKeyId: string;
  accessKeySecret: string;
  date?: string;
  nonce?: string;
}

/** Headers for a V3-signed request, signed the way the official SDK does; for tests and scripts. */
export function signRequestV3(opts: SignV3Options): Record<string, string> {
  const body = opts.body ?? '';
  const headers: Record<string, string> = {
    host: opts.host,
    'x-acs-action': opts.action,
    'x-acs-version': opts.version ?? '2015-01-01',
    'x-acs-date': opts.date ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    'x-acs-signature-nonce': opts.nonce ?? randomBytes(16).toString('hex'),
    'x-acs-content-sha256': sha256Hex(body),
  };
  if (opts.contentType) headers['content-type'] = opts.contentType;
  const signed = Object.entries(headers);
  const canonical = canonicalRequestV3({
    method: opts.method ?? 'POST',
    pathname: '/',
    query: Object.entries(opts.query ?? {}),
    signedHeaders: signed,
    payloadHash: headers['x-acs-content-sha256'] ?? '',
  });
  const signature = signV3(opts.accessKeySecret, stringToSignV3(canonical));
  const names = signed
    .map(([k]) => k)
    .sort()
    .join(';');
  return {
    ...headers,
    authorization: `${V3_ALGORITHM} Credential=${opts.accessKeyId},SignedHeaders=${names},Signature=${signature}`,
  };
}
