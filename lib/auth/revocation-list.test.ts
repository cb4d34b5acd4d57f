import os from 'node:os';
import path from 'node:path';
import { mkdtempSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RevocationList } from './revocation-list';
import { sqliteRevocationStore, type Revocation, type RevocationStore } from './revocation-store';

const HOUR = 3_600_000;

function memoryStore(): RevocationStore & { rows: Revocation[] } {
  const rows: Revocation[] = [];
  return {
    rows,
    add: (row) => void rows.push({ ...row, id: rows.length + 1 }),
    since: (id, now) => rows.filter((r) => r.id > id && r.expiresAt > now),
    prune: (now) => void rows.splice(0, rows.length, ...rows.filter((r) => r.expiresAt > now)),
  };
}

describe('RevocationList', () => {
  it('refuses a signed-out session and nothing else', () => {
    const list = new RevocationList(memoryStore(), 8 * HOUR, () => 1_000);
    list.revokeSession('a', 8 * HOUR);
    expect(list.isRevoked({ name: 'ann', sid: 'a', signedInAt: 500 })).toBe(true);
    expect(list.isRevoked({ name: 'ann', sid: 'b', signedInAt: 500 })).toBe(false);
  });

  it('ends every earlier session of a user, not the ones after', () => {
    let now = 1_000;
    const list = new RevocationList(memoryStore(), 8 * HOUR, () => now);
    const at = list.revokeUser('ann');
    expect(list.isRevoked({ name: 'ann', sid: 'x', signedInAt: at - 1 })).toBe(true);
    expect(list.isRevoked({ name: 'bob', sid: 'y', signedInAt: at - 1 })).toBe(false);
    now += 10;
    expect(list.isRevoked({ name: 'ann', sid: 'z', signedInAt: now })).toBe(false);
    expect(list.userRevokedAt('ann')).toBe(at);
  });

  it('refuses a token without a session id (issued before revocation existed)', () => {
    const list = new RevocationList(memoryStore(), 8 * HOUR, () => 0);
    expect(list.isRevoked({ name: 'ann' })).toBe(true);
  });

  it("sees another process's revocations within a second, from memory in between", () => {
    let now = 0;
    const store = memoryStore();
    const here = new RevocationList(store, 8 * HOUR, () => now);
    const there = new RevocationList(store, 8 * HOUR, () => now);
    expect(here.isRevoked({ name: 'ann', sid: 's', signedInAt: 0 })).toBe(false);
    there.revokeSession('s', 8 * HOUR);
    expect(here.isRevoked({ name: 'ann', sid: 's', signedInAt: 0 })).toBe(false);
    now += 1_000;
    expect(here.isRevoked({ name: 'ann', sid: 's', signedInAt: 0 })).toBe(true);
  });

  it('forgets what no longer matters', () => {
    let now = 0;
    const store = memoryStore();
    const list = new RevocationList(store, 8 * HOUR, () => now);
    list.revokeSession('s', 8 * HOUR);
    list.revokeUser('ann');
    now = 9 * HOUR;
    list.isRevoked({ name: 'ann', sid: 't', signedInAt: now });
    expect(store.rows).toEqual([]);
    expect(list.userRevokedAt('ann')).toBeUndefined();
  });
});

describe('sqliteRevocationStore', () => {
  it('keeps rows in order, reads after an id, prunes the expired', () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'kvb-sessions-')), 'sessions.db');
    const store = sqliteRevocationStore(file);
    store.add({ kind: 'session', subject: 'a', revokedAt: 1, expiresAt: 100 });
    store.add({ kind: 'user', subject: 'ann', revokedAt: 2, expiresAt: 200 });
    expect(store.since(0, 50).map((r) => r.subject)).toEqual(['a', 'ann']);
    expect(store.since(1, 50)).toEqual([
      { id: 2, kind: 'user', subject: 'ann', revokedAt: 2, expiresAt: 200 },
    ]);
    expect(store.since(0, 150).map((r) => r.subject)).toEqual(['ann']);
    store.prune(150);
    expect(
      sqliteRevocationStore(file)
        .since(0, 0)
        .map((r) => r.subject),
    ).toEqual(['ann']);
  });
});
