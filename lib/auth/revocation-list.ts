import type { RevocationStore } from './revocation-store';

// Revoked sessions as every request checks them: from memory, caught up with the store at most once
// a second (other processes write there too), so a check costs a map lookup. Pure apart from the
// store it is given.

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

  constructor(
    private readonly store: RevocationStore,
    /** How long a session can live: a user's revocation matters no longer than that. */
    private readonly sessionMaxAgeMs: number,
    private readonly now: () => number = Date.now,
    private readonly readEveryMs = 1_000,
  ) {}

  isRevoked(claims: SessionClaims): boolean {
    this.catchUp();
    // Tokens from before revocation existed carry no session id and cannot be revoked: refuse them.
    if (!claims.sid || !claims.name || typeof claims.signedInAt !== 'number') return true;
    const userRevokedAt = this.users.get(claims.name);
    return (
      this.sessions.has(claims.sid) || (userRevokedAt !== undefined && claims.signedInAt <= userRevokedAt)
    );
  }

  revokeSession(sid: string, expiresAt: number): void {
    this.store.add({ kind: 'session', subject: sid, revokedAt: this.now(), expiresAt });
    this.catchUp(true);
  }

  /** Ends every session of `username` that started before now; returns when, in ms. */
  revokeUser(username: string): number {
    const at = this.now();
    this.store.add({ kind: 'user', subject: username, revokedAt: at, expiresAt: at + this.sessionMaxAgeMs });
    this.catchUp(true);
    return at;
  }

  /** When `username` was last signed out everywhere, while that still matters. */
  userRevokedAt(username: string): number | undefined {
    this.catchUp();
    return this.users.get(username);
  }

  private catchUp(force = false): void {
    const now = this.now();
    if (!force && now - this.lastRead < this.readEveryMs) return;
    this.lastRead = now;
    for (const row of this.store.since(this.lastId, now)) {
      this.lastId = row.id;
      if (row.kind === 'session') this.sessions.set(row.subject, row.expiresAt);
      else this.users.set(row.subject, Math.max(row.revokedAt, this.users.get(row.subject) ?? 0));
    }
    if (now - this.lastPrune > 60 * 60_000) this.prune(now);
  }

  private prune(now: number): void {
    this.lastPrune = now;
    this.store.prune(now);
    for (const [sid, expiresAt] of this.sessions) if (expiresAt <= now) this.sessions.delete(sid);
    for (const [user, at] of this.users) if (at + this.sessionMaxAgeMs <= now) this.users.delete(user);
  }
}
