// Sign-in throttle: after `limit` failures for one username or one client address within
// `windowMs`, further attempts are refused until the oldest failure leaves the window.
// An attempt counts as a failure from the moment it starts and is taken back only when it
// succeeds, so parallel guesses cannot all slip past the check while their passwords are hashed.
// Pure and in-memory: one server process is one throttle (see README).

export class SignInThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit = 10,
    private readonly windowMs = 15 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  private recent(key: string): number[] {
    const since = this.now() - this.windowMs;
    const kept = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (kept.length) this.failures.set(key, kept);
    else this.failures.delete(key);
    return kept;
  }

  private keys(username: string, address: string): string[] {
    return [`user:${username.trim().toLowerCase()}`, `addr:${address}`];
  }

  /** Seconds until another attempt is allowed, or 0 when it is allowed now. */
  retryAfterSeconds(username: string, address: string): number {
    let wait = 0;
    for (const key of this.keys(username, address)) {
      const recent = this.recent(key);
      if (recent.length >= this.limit)
        wait = Math.max(wait, recent[recent.length - this.limit]! + this.windowMs - this.now());
    }
    return Math.ceil(wait / 1000);
  }

  /**
   * Starts an attempt: refused (returns null) while throttled; otherwise counted as a failure
   * until `succeeded` is called with the returned ticket.
   */
  begin(username: string, address: string): { succeeded: () => void } | null {
    if (this.retryAfterSeconds(username, address) > 0) return null;
    const at = this.now();
    const keys = this.keys(username, address);
    for (const key of keys) this.failures.set(key, [...this.recent(key), at]);
    // Bound memory under a spray of usernames: drop the oldest keys.
    while (this.failures.size > 50_000) this.failures.delete(this.failures.keys().next().value as string);
    return {
      succeeded: () => {
        for (const key of keys) {
          const list = this.failures.get(key);
          const i = list?.indexOf(at) ?? -1;
          if (list && i >= 0) list.splice(i, 1);
        }
      },
    };
  }
}

let shared: SignInThrottle | undefined;

/** The process-wide throttle the sign-in route and the credentials provider share. */
export function signInThrottle(): SignInThrottle {
  shared ??= new SignInThrottle();
  return shared;
}
