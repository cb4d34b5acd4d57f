import { describe, expect, it } from 'vitest';
import { HashThreads } from './hash-threads';
import { hashPassword, verifyPassword } from './password';

describe('HashThreads', () => {
  it('checks passwords on threads of their own, as the threadpool would', async () => {
    const threads = new HashThreads();
    const stored = await hashPassword('correct horse battery');
    const checks = await Promise.all([
      verifyPassword('correct horse battery', stored, threads.derive),
      verifyPassword('correct horse batterY', stored, threads.derive),
    ]);
    expect(checks).toEqual([true, false]);
    expect(await verifyPassword('again', stored, threads.derive)).toBe(false);
  });

  it('fails a derivation the thread cannot do, and keeps serving', async () => {
    const threads = new HashThreads();
    await expect(threads.derive('x', Buffer.alloc(16), 64, { N: 3, r: 8, p: 1 })).rejects.toThrow();
    expect(await threads.derive('x', Buffer.alloc(16), 16, { N: 1024, r: 8, p: 1 })).toHaveLength(16);
  });
});
