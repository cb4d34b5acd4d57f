// Pure: exponential backoff with full jitter (delay drawn uniformly from [0, min(max, base * 2^n))), so many
// clients throttled at once do not retry in lockstep. The SDK's own retry is off; this is the only retry loop.

export interface RetryOptions {
  /** Retries after the first attempt; 0 means one attempt only. */
  retries: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  isRetryable: (err: unknown) => boolean;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export const DEFAULT_BASE_DELAY_MS = 200;
export const DEFAULT_MAX_DELAY_MS = 5_000;

/** The cap for the wait after failed attempt `attempt` (0-based); the actual wait is a random share of it. */
export function backoffCapMs(attempt: number, baseDelayMs: number, maxDelayMs: number): number {
  return Math.min(maxDelayMs, baseDelayMs * 2 ** attempt);
}

export function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** `fn` gets the 0-based attempt number and must start a fresh call each time (new nonce, new signature). */
export async function withRetry<T>(fn: (attempt: number) => Promise<T>, opts: RetryOptions): Promise<T> {
  const base = opts.baseDelayMs ?? DEFAULT_BASE_DELAY_MS;
  const max = opts.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
  const sleep = opts.sleep ?? defaultSleep;
  const random = opts.random ?? Math.random;
  const retries = Math.max(0, Math.floor(opts.retries));

  for (let attempt = 0; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (err) {
      if (attempt >= retries || !opts.isRetryable(err)) throw err;
      await sleep(Math.floor(random() * backoffCapMs(attempt, base, max)));
    }
  }
}
