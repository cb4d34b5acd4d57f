import { decode, encode } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { decodeSessionToken, encodeSessionToken } from './session-jwt';

const secret = 'a-test-secret-of-reasonable-length-0123456789';
const claims = { name: 'demo', role: 'downloader' as const, scope: ['r-1', 'r-2'], sid: 'abc' };

describe('session tokens', () => {
  it("next-auth's own decode reads ours, and ours reads next-auth's", async () => {
    const ours = await encodeSessionToken({ token: claims, secret, maxAge: 60 });
    expect(await decode({ token: ours, secret })).toMatchObject(claims);
    const theirs = await encode({ token: claims, secret, maxAge: 60 });
    expect(await decodeSessionToken({ token: theirs, secret })).toMatchObject(claims);
  });

  it('keeps the expiry and a fresh id per token', async () => {
    const a = await decodeSessionToken({
      token: await encodeSessionToken({ token: claims, secret, maxAge: 60 }),
      secret,
    });
    const b = await decodeSessionToken({
      token: await encodeSessionToken({ token: claims, secret, maxAge: 60 }),
      secret,
    });
    expect(Number(a!.exp) - Number(a!.iat)).toBe(60);
    expect(a!.jti).not.toBe(b!.jti);
  });

  it('refuses a token made with another secret, a salt it was not made with, an expired one, a tampered one', async () => {
    const token = await encodeSessionToken({ token: claims, secret, maxAge: 60 });
    await expect(decodeSessionToken({ token, secret: `${secret}-other` })).rejects.toThrow();
    await expect(decodeSessionToken({ token, secret, salt: 'x' })).rejects.toThrow();
    const expired = await encodeSessionToken({ token: claims, secret, maxAge: -60 });
    await expect(decodeSessionToken({ token: expired, secret })).rejects.toThrow();
    const parts = token.split('.');
    parts[3] = parts[3]!.slice(0, -2) + (parts[3]!.endsWith('AA') ? 'BB' : 'AA');
    await expect(decodeSessionToken({ token: parts.join('.'), secret })).rejects.toThrow();
  });

  it('answers null for no token', async () => {
    expect(await decodeSessionToken({ token: undefined, secret })).toBeNull();
  });
});
