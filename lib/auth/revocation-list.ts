import type { RevocationStore } from './revocation-store';

// Revoked sessions as every request checks them: from memory, caught up with the store at most once
// a second (other processes and replicas write there too), so a check costs a map lookup. Pure apart
// from the store it is given.

/** The process singleton's key: the server creates the list, the proxy only reads it. */
export const REVOCATIONS_KEY = 'session-revocations';

/** What a session token carries for this check (set at sign-in, see options.ts). */
export interface SessionClaims {
  name?: string | null;
  sid?: string;
  /** When the person signed in, in ms: signing a user out everywhere refuses every earlier session. */
  signedInAt?: number;
}

export class RevocationList {
  private readonly sessions = new Map<string, number>();
  private readonly users = new Map<string, number>();
  private lastId = 0;
  private lastRead = -Infinity;
  private lastPrune = 0;
  private reading: Promise<void> | null = null;

  constructor(
    private readonly store: RevocationStore,
    /** How long a session can live: a user's revocation matters no longer than that. */
    private readonly sessionMaxAgeMs: number,
    private readonly now: () => number = Date.now,
    private readonly readEveryMs = 1_000,
  ) {}

  /** From memory, as of the last catch-up (the proxy's check); `check` catches up first. */
  isRevoked(claims: SessionClaims): boolean {
    void this.catchUp().catch(() => undefined);
    // Tokens from before revocation existed carry no session id and cannot be revoked: refuse them.
    if (!claims.sid || !claims.name || typeof claims.signedInAt !== 'number') return true;
    const userRevokedAt = this.users.get(claims.name);
    return (
      this.sessions.has(claims.sid) || (userRevokedAt !== undefined && claims.signedInAt <= userRevokedAt)
    );
  }

  /** Caught up with the store (it reads at most once a second), then isRevoked. */
  async check(claims: SessionClaims): Promise<boolean> {
    await this.catchUp();
    return this.isRevoked(claims);
  }

  async revokeSession(sid: string, expiresAt: number): Promise<void> {
    await this.store.add({ kind: 'session', subject: sid, revokedAt: this.now(), expiresAt });
    await this.catchUp(true);
  }

  /** Ends every session of `username` that started before now; returns when, in ms. */
  async revokeUser(username: string): Promise<number> {
    const at = this.now();
    await this.store.add({
      kind: 'user',
      subject: username,
      revokedAt: at,
      expiresAt: at + this.sessionMaxAgeMs,
    });
    await this.catchUp(true);
    return at;
  }

  /** When `username` was last signed out everywhere, while that still matters. */
  async userRevokedAt(username: string): Promise<number | undefined> {
    await this.catchUp();
    return this.users.get(username);
  }

  /** Reads the rows added since the last read, when a second has passed (or `force`). */
  async catchUp(force = false): Promise<void> {
    if (this.reading) await this.reading.catch(() => undefined);
    const now = this.now();
    if (!force && now - this.lastRead < this.readEveryMs) return;
    this.lastRead = now;
    this.reading = this.read(now).finally(() => (this.reading = null));
    await this.reading;
  }

  private async read(now: number): Promise<void> {
    for (const row of await this.store.since(this.lastId, now)) {
      this.lastId = row.id;
      if (row.kind === 'session') this.sessions.set(row.subject, row.expiresAt);
      else this.users.set(row.subject, Math.max(row.revokedAt, this.users.get(row.subject) ?? 0));
    }
    if (now - this.lastPrune > 60 * 60_000) await this.prune(now);
  }

  private async prune(now: number): Promise<void> {
    this.lastPrune = now;
    await this.store.prune(now);
    for (const [sid, expiresAt] of this.sessions) if (expiresAt <= now) this.sessions.delete(sid);
    for (const [user, at] of this.users) if (at + this.sessionMaxAgeMs <= now) this.users.delete(user);
  }
}
