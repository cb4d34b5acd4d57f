import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryEventLog } from '@/lib/limits/memory-event-log';
import { LIMITS_MIGRATIONS, type LimitsDatabase } from '@/lib/limits/migrations';
import { SqlEventLog } from '@/lib/limits/sql-event-log';
import { DIALECTS, freshDb } from '@/lib/testing/storage-dialects';
import { SignInThrottle } from './sign-in-throttle';

const MINUTE = 60_000;

function clock() {
  const c = { now: 0, tick: (ms: number) => (c.now += ms) };
  return c;
}

describe('SignInThrottle', () => {
  it('never keeps out a right password from an address that has not been failing', async () => {
    const c = clock();
    const t = new SignInThrottle(() => c.now);
    // The attack of the hardening issue: ten wrong passwords for demo, each from another address.
    for (let i = 0; i < 10; i++) expect(await t.begin('demo', `198.51.100.${i}`)).not.toBeNull();
    expect(await t.retryAfterSeconds('demo', '203.0.113.5')).toBe(0);
    expect(await t.begin('demo', '203.0.113.5')).not.toBeNull();
  });

  it('keeps letting a user in from where they signed in before, however many addresses attack', async () => {
    const c = clock();
    const t = new SignInThrottle(() => c.now);
    await (await t.begin('alice', '203.0.113.5'))!.succeeded();
    for (let i = 0; i < 500; i++) {
      await t.begin('alice', `10.0.${i >> 8}.${i & 255}`);
      c.tick(1_000);
    }
    expect(await t.retryAfterSeconds('alice', '203.0.113.5')).toBe(0);
  });

  it('stops one username from one address after 5 failures in 15 minutes, until the oldest leaves', async () => {
    const c = clock();
    const t = new SignInThrottle(() => c.now);
    for (let i = 0; i < 5; i++) expect(await t.begin('Alice ', '10.0.0.1')).not.toBeNull();
    expect(await t.begin('alice', '10.0.0.1')).toBeNull();
    expect(await t.retryAfterSeconds('alice', '10.0.0.1')).toBe(900);
    expect(await t.retryAfterSeconds('bob', '10.0.0.1')).toBe(0);
    c.tick(15 * MINUTE + 1);
    expect(await t.begin('alice', '10.0.0.1')).not.toBeNull();
  });

  it('stops an address spraying usernames after 30 failures, even for a right password', async () => {
    const c = clock();
    const t = new SignInThrottle(() => c.now);
    for (let i = 0; i < 30; i++) expect(await t.begin(`user${i}`, '192.0.2.1')).not.toBeNull();
    expect(await t.begin('carol', '192.0.2.1')).toBeNull();
    expect(await t.begin('carol', '192.0.2.2')).not.toBeNull();
  });

  it('counts an IPv6 /64 as one address', async () => {
    const t = new SignInThrottle(() => 0);
    for (let i = 0; i < 5; i++) expect(await t.begin('alice', `2001:db8:1:2::${i + 1}`)).not.toBeNull();
    expect(await t.begin('alice', '2001:db8:1:2:ffff::9')).toBeNull();
    expect(await t.begin('alice', '2001:db8:1:3::1')).not.toBeNull();
  });

  it('gives an attacker with any number of addresses at most a few dozen guesses an hour per account', async () => {
    const c = clock();
    const t = new SignInThrottle(() => c.now);
    let guesses = 0;
    let fresh = 0;
    const failing = Array.from({ length: 50 }, (_, i) => `172.16.0.${i}`);
    for (let second = 0; second < 3600; second++) {
      // Every second: one guess from a never-seen address, and one from each address that has failed.
      for (const address of [`10.${(fresh >> 16) & 255}.${(fresh >> 8) & 255}.${fresh++ & 255}`, ...failing])
        if (await t.begin('alice', address)) guesses++;
      c.tick(1_000);
    }
    expect(guesses).toBeLessThanOrEqual(48);
    expect(guesses).toBeGreaterThan(20);
  });

  it('delays, rather than locks: a failing address gets its next guess after a growing wait', async () => {
    const c = clock();
    const t = new SignInThrottle(() => c.now);
    for (let i = 0; i < 10; i++) await t.begin('alice', `10.0.0.${i}`);
    // 10.0.0.1 has failed for alice and alice has had 10 failures: 1 s, then 2 s, then 4 s.
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      waits.push(await t.retryAfterSeconds('alice', '10.0.0.1'));
      c.tick(waits[i]! * 1000);
      expect(await t.begin('alice', '10.0.0.1')).not.toBeNull();
    }
    expect(waits).toEqual([1, 2, 4]);
  });

  it('counts attempts in flight, so parallel guesses stop at the limit', async () => {
    const t = new SignInThrottle(() => 0);
    const started = await Promise.all(Array.from({ length: 100 }, () => t.begin('alice', '10.0.0.1')));
    expect(started.filter(Boolean)).toHaveLength(5);
  });

  it('takes back an attempt that succeeds or was never checked', async () => {
    let now = 0;
    const t = new SignInThrottle(() => now++);
    for (let i = 0; i < 20; i++) await (await t.begin('alice', '10.0.0.1'))!.succeeded();
    for (let i = 0; i < 20; i++) await (await t.begin('bob', '10.0.0.1'))!.cancelled();
    expect(await t.retryAfterSeconds('alice', '10.0.0.1')).toBe(0);
    expect(await t.retryAfterSeconds('bob', '10.0.0.1')).toBe(0);
  });

  it('stays bounded under a spray of usernames', async () => {
    const log = new MemoryEventLog(1_000);
    const t = new SignInThrottle(() => 0, log);
    for (let i = 0; i < 10_000; i++) await t.begin(`spray${i}`, `10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`);
    expect(log.size()).toBeLessThanOrEqual(4_000);
  });
});

// The same rules with the events in the shared database, as replicas on PostgreSQL keep them.
describe.each(DIALECTS)('SignInThrottle over the shared event log on %s', (dialect) => {
  let db: Kysely<LimitsDatabase>;
  beforeAll(async () => {
    db = await freshDb<LimitsDatabase>(dialect, LIMITS_MIGRATIONS, 'kysely_migration_limits');
  });
  afterAll(() => db.destroy());

  it('trips for ten failures split across two replicas, and never for the right password from elsewhere', async () => {
    const c = clock();
    const [a, b] = [
      new SignInThrottle(() => c.now, new SqlEventLog(db)),
      new SignInThrottle(() => c.now, new SqlEventLog(db)),
    ];
    for (let i = 0; i < 10; i++)
      expect(await (i % 2 ? a : b).begin('demo', `198.51.100.${i % 3}`)).not.toBeNull();
    expect(await a.retryAfterSeconds('demo', '198.51.100.1')).toBeGreaterThan(0);
    expect(await b.retryAfterSeconds('demo', '198.51.100.1')).toBeGreaterThan(0);
    expect(await b.retryAfterSeconds('demo', '203.0.113.5')).toBe(0);
  });

  it('stops one username from one address after 5 failures, until the oldest leaves', async () => {
    const c = clock();
    const t = new SignInThrottle(() => c.now, new SqlEventLog(db));
    for (let i = 0; i < 5; i++) expect(await t.begin('erin', '10.9.0.1')).not.toBeNull();
    expect(await t.begin('erin', '10.9.0.1')).toBeNull();
    expect(await t.retryAfterSeconds('erin', '10.9.0.1')).toBe(900);
    c.tick(15 * MINUTE + 1);
    expect(await t.begin('erin', '10.9.0.1')).not.toBeNull();
  });

  it('counts parallel attempts on two replicas, so they stop at the limit', async () => {
    const c = clock();
    const [a, b] = [
      new SignInThrottle(() => c.now, new SqlEventLog(db)),
      new SignInThrottle(() => c.now, new SqlEventLog(db)),
    ];
    const started = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).begin('frank', '10.9.0.2')),
    );
    expect(started.filter(Boolean)).toHaveLength(5);
  });

  it('takes back an attempt that succeeds or was never checked', async () => {
    let now = 0;
    const t = new SignInThrottle(() => now++, new SqlEventLog(db));
    for (let i = 0; i < 8; i++) await (await t.begin('gina', '10.9.0.3'))!.succeeded();
    for (let i = 0; i < 8; i++) await (await t.begin('hugo', '10.9.0.3'))!.cancelled();
    expect(await t.retryAfterSeconds('gina', '10.9.0.3')).toBe(0);
    expect(await t.retryAfterSeconds('hugo', '10.9.0.3')).toBe(0);
  });
});
