import { describe, expect, it, vi } from 'vitest';
import { backoffCapMs, withRetry } from './retry';

const retryable = new Error('retry me');
const fatal = new Error('do not retry');
const isRetryable = (e: unknown) => e === retryable;

describe('withRetry', () => {
  it('backs off exponentially with full jitter inside [0, cap)', async () => {
    const sleeps: number[] = [];
    const fn = vi.fn(async (attempt: number) => {
      if (attempt < 4) throw retryable;
      return 'ok';
    });
    const result = await withRetry(fn, {
      retries: 5,
      baseDelayMs: 100,
      maxDelayMs: 500,
      isRetryable,
      random: () => 0.999,
      sleep: async (ms) => void sleeps.push(ms),
    });
    expect(result).toBe('ok');
    expect(fn.mock.calls.map((c) => c[0])).toEqual([0, 1, 2, 3, 4]);
    expect(sleeps).toEqual([99, 199, 399, 499]);
    sleeps.forEach((ms, i) => {
      expect(ms).toBeGreaterThanOrEqual(0);
      expect(ms).toBeLessThan(backoffCapMs(i, 100, 500));
    });
  });

  it('uses the random share of the cap (zero jitter sleeps 0)', async () => {
    const sleeps: number[] = [];
    await withRetry(async (a) => (a < 2 ? Promise.reject(retryable) : 1), {
      retries: 3,
      isRetryable,
      random: () => 0,
      sleep: async (ms) => void sleeps.push(ms),
    });
    expect(sleeps).toEqual([0, 0]);
  });

  it('does not retry a non-retryable error', async () => {
    const fn = vi.fn(async () => Promise.reject(fatal));
    const sleep = vi.fn(async () => {});
    await expect(withRetry(fn, { retries: 5, isRetryable, sleep })).rejects.toBe(fatal);
    expect(fn).toHaveBeenCalledTimes(1);
    expect(sleep).not.toHaveBeenCalled();
  });

  it('gives up after N retries and rethrows the last error', async () => {
    const fn = vi.fn(async () => Promise.reject(retryable));
    const sleep = vi.fn(async () => {});
    await expect(withRetry(fn, { retries: 3, isRetryable, sleep, random: () => 0.5 })).rejects.toBe(
      retryable,
    );
    expect(fn).toHaveBeenCalledTimes(4);
    expect(sleep).toHaveBeenCalledTimes(3);
  });

  it('retries 0 means a single attempt', async () => {
    const fn = vi.fn(async () => Promise.reject(retryable));
    await expect(withRetry(fn, { retries: 0, isRetryable })).rejects.toBe(retryable);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('caps the delay at maxDelayMs', () => {
    expect(backoffCapMs(0, 200, 5000)).toBe(200);
    expect(backoffCapMs(3, 200, 5000)).toBe(1600);
    expect(backoffCapMs(10, 200, 5000)).toBe(5000);
  });
});
