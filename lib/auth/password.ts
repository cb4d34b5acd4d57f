import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// Password hashes as `scrypt$N$r$p$salt$hash` (base64), so the cost can rise later without
// breaking the hashes already in a users file.

const N = 16_384;
const R = 8;
const P = 1;
const KEY_LENGTH = 64;

/**
 * A hash of nothing at today's cost: a username that does not exist is checked against it, so it costs
 * exactly what a real user's check costs and answers no faster.
 */
export const DUMMY_HASH = ['scrypt', N, R, P, Buffer.alloc(16), Buffer.alloc(KEY_LENGTH)]
  .map((part) => (Buffer.isBuffer(part) ? part.toString('base64') : part))
  .join('$');

export type DeriveKey = (
  password: string,
  salt: Buffer,
  keyLength: number,
  options: ScryptOptions,
) => Promise<Buffer>;

function scrypt(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(password, salt, keyLength, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEY_LENGTH, { N, r: R, p: P });
  return ['scrypt', N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

export function isPasswordHash(value: string): boolean {
  return /^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/.test(value);
}

/** `derive` runs scrypt: libuv's threadpool by default, the server's own hashing threads when signing in. */
export async function verifyPassword(
  password: string,
  stored: string,
  derive: DeriveKey = scrypt,
): Promise<boolean> {
  if (!isPasswordHash(stored)) return false;
  const [, n, r, p, salt, hash] = stored.split('$') as [string, string, string, string, string, string];
  const expected = Buffer.from(hash, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 256 * Number(n) * Number(r),
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
