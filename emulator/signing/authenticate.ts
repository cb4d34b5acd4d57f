import type { IncomingHttpHeaders } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { apiErrors } from '../protocol/api-error';
import type { NonceStore } from './nonce-store';
import { signV1, stringToSignV1 } from './v1';
import { V3_ALGORITHM, canonicalRequestV3, sha256Hex, signV3, stringToSignV3 } from './v3';

const WINDOW_MS = 15 * 60_000;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
/** What a V3 signature must cover so that action, time, nonce and body cannot be swapped. */
const REQUIRED_SIGNED = [
  'host',
  'x-acs-action',
  'x-acs-content-sha256',
  'x-acs-date',
  'x-acs-signature-nonce',
  'x-acs-version',
];

export interface AuthRequest {
  method: string;
  pathname: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** Query and form body merged. */
  params: Record<string, string>;
}

export interface AuthContext {
  keys: ReadonlyMap<string, string>;
  nonces: NonceStore;
  nowMs: number;
}

export type SignatureVersion = 'V1' | 'V3';

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function checkTimestamp(value: string, nowMs: number): void {
  if (!TIMESTAMP.test(value) || Number.isNaN(Date.parse(value))) throw apiErrors.timestampMalformed();
  if (Math.abs(nowMs - Date.parse(value)) > WINDOW_MS) throw apiErrors.timestampExpired(value);
}

function secretFor(keys: ReadonlyMap<string, string>, accessKeyId: string): string {
  const secret = keys.get(accessKeyId);
  if (secret === undefined) throw apiErrors.accessKeyNotFound();
  return secret;
}

function parseAuthorization(value: string): {
  accessKeyId: string;
  signedHeaders: string[];
  signature: string;
} {
  const match = /^ACS3-HMAC-SHA256\s+(.*)$/.exec(value.trim());
  if (!match?.[1]) throw apiErrors.incompleteSignature(`Authorization must start with ${V3_ALGORITHM}.`);
  const parts = new Map<string, string>();
  for (const part of match[1].split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) parts.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const accessKeyId = parts.get('Credential');
  const signedHeaders = parts.get('SignedHeaders');
  const signature = parts.get('Signature');
  if (!accessKeyId || !signedHeaders || !signature) {
    throw apiErrors.incompleteSignature('Authorization needs Credential, SignedHeaders and Signature.');
  }
  return {
    accessKeyId,
    signedHeaders: signedHeaders.split(';').map((h) => h.trim().toLowerCase()),
    signature,
  };
}

function verifyV3(req: AuthRequest, ctx: AuthContext, authorization: string): string {
  const auth = parseAuthorization(authorization);
  const missing = REQUIRED_SIGNED.filter((h) => !auth.signedHeaders.includes(h));
  if (missing.length > 0)
    throw apiErrors.incompleteSignature(`SignedHeaders must include ${missing.join(', ')}.`);
  const signed: Array<[string, string]> = [];
  for (const name of auth.signedHeaders) {
    const value = header(req.headers, name);
    if (value === undefined) throw apiErrors.incompleteSignature(`Signed header ${name} is missing.`);
    signed.push([name, value]);
  }
  const secret = secretFor(ctx.keys, auth.accessKeyId);
  checkTimestamp(header(req.headers, 'x-acs-date') ?? '', ctx.nowMs);
  const payloadHash = sha256Hex(req.body);
  if (header(req.headers, 'x-acs-content-sha256') !== payloadHash) throw apiErrors.contentHashMismatch();
  const stringToSign = stringToSignV3(
    canonicalRequestV3({
      method: req.method,
      pathname: req.pathname,
      query: req.query,
      signedHeaders: signed,
      payloadHash,
    }),
  );
  if (!sameText(signV3(secret, stringToSign), auth.signature))
    throw apiErrors.signatureMismatch(stringToSign);
  const nonce = header(req.headers, 'x-acs-signature-nonce') ?? '';
  if (!ctx.nonces.use(`${auth.accessKeyId}:${nonce}`, ctx.nowMs)) throw apiErrors.nonceUsed();
  return auth.accessKeyId;
}

function verifyV1(req: AuthRequest, ctx: AuthContext): string {
  const p = req.params;
  for (const name of ['AccessKeyId', 'SignatureMethod', 'SignatureNonce', 'Timestamp']) {
    if (!p[name]) throw apiErrors.missingParameter(name);
  }
  if (p.SignatureMethod !== 'HMAC-SHA1')
    throw apiErrors.invalidParameter('SignatureMethod', 'Only HMAC-SHA1 is supported.');
  if (p.SignatureVersion !== undefined && p.SignatureVersion !== '1.0')
    throw apiErrors.invalidParameter('SignatureVersion');
  const secret = secretFor(ctx.keys, p.AccessKeyId ?? '');
  checkTimestamp(p.Timestamp ?? '', ctx.nowMs);
  const stringToSign = stringToSignV1(req.method, p);
  if (!sameText(signV1(secret, stringToSign), p.Signature ?? ''))
    throw apiErrors.signatureMismatch(stringToSign);
  if (!ctx.nonces.use(`${p.AccessKeyId}:${p.SignatureNonce}`, ctx.nowMs)) throw apiErrors.nonceUsed();
  return p.AccessKeyId ?? '';
}

/**
 * Throws an ApiError unless the request carries a valid, fresh, unreplayed V3 or V1 signature; says which,
 * and whose key signed it.
 */
export function authenticate(
  req: AuthRequest,
  ctx: AuthContext,
): { version: SignatureVersion; accessKeyId: string } {
  const authorization = header(req.headers, 'authorization');
  if (authorization) return { version: 'V3', accessKeyId: verifyV3(req, ctx, authorization) };
  if (req.params.Signature !== undefined) return { version: 'V1', accessKeyId: verifyV1(req, ctx) };
  throw apiErrors.incompleteSignature('Neither an Authorization header nor a Signature parameter was sent.');
}
