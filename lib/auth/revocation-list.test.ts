import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, freshDb } from '@/lib/testing/storage-dialects';
import { SESSIONS_MIGRATIONS, type SessionsDatabase } from './migrations';
import { RevocationList } from './revocation-list';
import { revocationStore, type Revocation, type RevocationStore } from './revocation-store';

const HOUR = 3_600_000;

function memoryStore(): RevocationStore & { rows: Revocation[] } {
  const rows: Revocation[] = [];
  return {
    rows,
    add: async (row) => void rows.push({ ...row, id: rows.length + 1 }),
    since: async (id, now) => rows.filter((r) => r.id > id && r.expiresAt > now),
    prune: async (now) => void rows.splice(0, rows.length, ...rows.filter((r) => r.expiresAt > now)),
  };
}

describe('RevocationList', () => {
  it('refuses a signed-out session and nothing else', async () => {
    const list = new RevocationList(memoryStore(), 8 * HOUR, () => 1_000);
    await list.revokeSession('a', 8 * HOUR);
    expect(list.isRevoked({ name: 'ann', sid: 'a', signedInAt: 500 })).toBe(true);
    expect(list.isRevoked({ name: 'ann', sid: 'b', signedInAt: 500 })).toBe(false);
  });

  it('ends every earlier session of a user, not the ones after', async () => {
    let now = 1_000;
    const list = new RevocationList(memoryStore(), 8 * HOUR, () => now);
    const at = await list.revokeUser('ann');
    expect(list.isRevoked({ name: 'ann', sid: 'x', signedInAt: at - 1 })).toBe(true);
    expect(list.isRevoked({ name: 'bob', sid: 'y', signedInAt: at - 1 })).toBe(false);
    now += 10;
    expect(list.isRevoked({ name: 'ann', sid: 'z', signedInAt: now })).toBe(false);
    expect(await list.userRevokedAt('ann')).toBe(at);
  });

  it('refuses a token without a session id (issued before revocation existed)', () => {
    const list = new RevocationList(memoryStore(), 8 * HOUR, () => 0);
    expect(list.isRevoked({ name: 'ann' })).toBe(true);
  });

  it("sees another process's revocations within a second, from memory in between", async () => {
    let now = 0;
    const store = memoryStore();
    const here = new RevocationList(store, 8 * HOUR, () => now);
    const there = new RevocationList(store, 8 * HOUR, () => now);
    expect(await here.check({ name: 'ann', sid: 's', signedInAt: 0 })).toBe(false);
    await there.revokeSession('s', 8 * HOUR);
    expect(await here.check({ name: 'ann', sid: 's', signedInAt: 0 })).toBe(false);
    now += 1_000;
    expect(await here.check({ name: 'ann', sid: 's', signedInAt: 0 })).toBe(true);
  });

  it('reads the store once however many check at once', async () => {
    const store = memoryStore();
    let reads = 0;
    const counted = { ...store, since: (id: number, now: number) => (reads++, store.since(id, now)) };
    const list = new RevocationList(counted, 8 * HOUR, () => 5_000);
    await Promise.all(Array.from({ length: 20 }, () => list.check({ name: 'ann', sid: 's', signedInAt: 0 })));
    expect(reads).toBe(1);
  });

  it('forgets what no longer matters', async () => {
    let now = 0;
    const store = memoryStore();
    const list = new RevocationList(store, 8 * HOUR, () => now);
    await list.revokeSession('s', 8 * HOUR);
    await list.revokeUser('ann');
    now = 9 * HOUR;
    await list.check({ name: 'ann', sid: 't', signedInAt: now });
    expect(store.rows).toEqual([]);
    expect(await list.userRevokedAt('ann')).toBeUndefined();
  });
});

describe.each(DIALECTS)('revocation store on %s', (dialect) => {
  let db: Kysely<SessionsDatabase>;
  beforeAll(async () => {
    db = await freshDb<SessionsDatabase>(dialect, SESSIONS_MIGRATIONS, 'kysely_migration_sessions');
  });
  afterAll(() => db.destroy());

  it('keeps rows in order, reads after an id, prunes the expired', async () => {
    const store = revocationStore(Promise.resolve(db));
    await store.add({ kind: 'session', subject: 'a', revokedAt: 1, expiresAt: 100 });
    await store.add({ kind: 'user', subject: 'ann', revokedAt: 2, expiresAt: 200 });
    expect((await store.since(0, 50)).map((r) => r.subject)).toEqual(['a', 'ann']);
    const [first] = await store.since(0, 50);
    expect(await store.since(first!.id, 50)).toEqual([
      { id: first!.id + 1, kind: 'user', subject: 'ann', revokedAt: 2, expiresAt: 200 },
    ]);
    expect((await store.since(0, 150)).map((r) => r.subject)).toEqual(['ann']);
    await store.prune(150);
    expect((await revocationStore(Promise.resolve(db)).since(0, 0)).map((r) => r.subject)).toEqual(['ann']);
  });

  it('refuses a kind that is neither session nor user', async () => {
    await expect(
      db
        .insertInto('revocations')
        .values({ kind: 'group' as 'user', subject: 'x', revoked_at: 1, expires_at: 2 })
        .execute(),
    ).rejects.toThrow();
  });

  it('is one list for two processes on the same database', async () => {
    let now = 10_000;
    const here = new RevocationList(revocationStore(Promise.resolve(db)), 8 * HOUR, () => now);
    const there = new RevocationList(revocationStore(Promise.resolve(db)), 8 * HOUR, () => now);
    const at = await there.revokeUser('zed');
    now += 1_000;
    expect(await here.check({ name: 'zed', sid: 'q', signedInAt: at - 1 })).toBe(true);
  });
});
