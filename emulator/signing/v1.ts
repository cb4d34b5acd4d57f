import { createHmac, randomUUID } from 'node:crypto';
import { percentEncode } from './percent-encode';

/** Every parameter except `Signature`, sorted by name, encoded and joined: the V1 CanonicalizedQueryString. */
export function canonicalizeV1(params: Record<string, string>): string {
  return Object.keys(params)
    .filter((k) => k !== 'Signature')
    .sort()
    .map((k) => `${percentEncode(k)}=${percentEncode(params[k] ?? '')}`)
    .join('&');
}

export function stringToSignV1(method: string, params: Record<string, string>): string {
  return `${method.toUpperCase()}&${percentEncode('/')}&${percentEncode(canonicalizeV1(params))}`;
}

export function signV1(secret: string, stringToSign: string): string {
  return createHmac('sha1', `${secret}&`).update(stringToSign).digest('base64');
}

/** Adds the common V1 parameters and the signature; for tests and scripts that talk to the emulator. */
export function signParamsV1(
  method: string,
  params: Record<string, string>,
  credentials: { accessKeyId: string; accessKeySecret: string },
  overrides: { timestamp?: string; nonce?: string } = {},
): Record<string, string> {
  const all: Record<string, string> = {
    Format: 'JSON',
    SignatureMethod: 'HMAC-SHA1',
    SignatureVersion: '1.0',
    Timestamp: overrides.timestamp ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    SignatureNonce: overrides.nonce ?? randomUUID(),
    AccessKeyId: credentials.accessKeyId,
    ...params,
  };
  return { ...all, Signature: signV1(credentials.accessKeySecret, stringToSignV1(method, all)) };
}
