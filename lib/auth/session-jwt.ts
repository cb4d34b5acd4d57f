import { EncryptJWT, jwtDecrypt } from 'jose';
import type { JWTDecodeParams, JWTEncodeParams, JWT } from 'next-auth/jwt';
import { hkdfSync, randomUUID } from 'node:crypto';

// next-auth's session token format (JWE, dir + A256GCM, key derived from the secret by HKDF), with the
// derived key kept instead of derived again for every request: next-auth derives it twice per
// getServerSession (decode, then the rolling re-encode), which was the costliest step of a signed-in API
// call. Tokens are interchangeable with next-auth's own encode/decode (see session-jwt.test.ts).

const DEFAULT_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
const keys = new Map<string, Uint8Array>();

function encryptionKey(secret: string | Buffer, salt: string): Uint8Array {
  const id = `${salt}\u0000${secret.toString()}`;
  let key = keys.get(id);
  if (!key) {
    const info = `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ''}`;
    key = new Uint8Array(hkdfSync('sha256', secret, salt, info, 32));
    // A process has one secret (two while it rotates); never let the map grow without bound.
    if (keys.size >= 4) keys.clear();
    keys.set(id, key);
  }
  return key;
}

export async function encodeSessionToken({
  token = {},
  secret,
  maxAge = DEFAULT_MAX_AGE_SECONDS,
  salt = '',
}: JWTEncodeParams): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new EncryptJWT(token)
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
    .setIssuedAt(now)
    .setExpirationTime(now + maxAge)
    .setJti(randomUUID())
    .encrypt(encryptionKey(secret, salt));
}

export async function decodeSessionToken({ token, secret, salt = '' }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, encryptionKey(secret, salt), { clockTolerance: 15 });
  return payload as JWT;
}

export const sessionJwt = { encode: encodeSessionToken, decode: decodeSessionToken };
