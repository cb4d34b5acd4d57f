import { describe, expect, it } from 'vitest';
import { SignInThrottle } from './sign-in-throttle';

const MINUTE = 60_000;

function clock() {
  const c = { now: 0, tick: (ms: number) => (c.now += ms) };
  return c;
}

describe('SignInThrottle', () => {
  it('never keeps out a right password from an address that has not been failing', () => {
    const c = clock();
    const t = new SignInThrottle(() => c.now);
    // The attack of the hardening issue: ten wrong passwords for demo, each from another address.
    for (let i = 0; i < 10; i++) expect(t.begin('demo', `198.51.100.${i}`)).not.toBeNull();
    expect(t.retryAfterSeconds('demo', '203.0.113.5')).toBe(0);
    expect(t.begin('demo', '203.0.113.5')).not.toBeNull();
  });

  it('keeps letting a user in from where they signed in before, however many addresses attack', () => {
    const c = clock();
    const t = new SignInThrottle(() => c.now);
    t.begin('alice', '203.0.113.5')!.succeeded();
    for (let i = 0; i < 500; i++) {
      t.begin('alice', `10.0.${i >> 8}.${i & 255}`);
      c.tick(1_000);
    }
    expect(t.retryAfterSeconds('alice', '203.0.113.5')).toBe(0);
  });

  it('stops one username from one address after 5 failures in 15 minutes, until the oldest leaves', () => {
    const c = clock();
    const t = new SignInThrottle(() => c.now);
    for (let i = 0; i < 5; i++) expect(t.begin('Alice ', '10.0.0.1')).not.toBeNull();
    expect(t.begin('alice', '10.0.0.1')).toBeNull();
    expect(t.retryAfterSeconds('alice', '10.0.0.1')).toBe(900);
    expect(t.retryAfterSeconds('bob', '10.0.0.1')).toBe(0);
    c.tick(15 * MINUTE + 1);
    expect(t.begin('alice', '10.0.0.1')).not.toBeNull();
  });

  it('stops an address spraying usernames after 30 failures, even for a right password', () => {
    const c = clock();
    const t = new SignInThrottle(() => c.now);
    for (let i = 0; i < 30; i++) expect(t.begin(`user${i}`, '192.0.2.1')).not.toBeNull();
    expect(t.begin('carol', '192.0.2.1')).toBeNull();
    expect(t.begin('carol', '192.0.2.2')).not.toBeNull();
  });

  it('counts an IPv6 /64 as one address', () => {
    const t = new SignInThrottle(() => 0);
    for (let i = 0; i < 5; i++) expect(t.begin('alice', `2001:db8:1:2::${i + 1}`)).not.toBeNull();
    expect(t.begin('alice', '2001:db8:1:2:ffff::9')).toBeNull();
    expect(t.begin('alice', '2001:db8:1:3::1')).not.toBeNull();
  });

  it('gives an attacker with any number of addresses at most a few dozen guesses an hour per account', () => {
    const c = clock();
    const t = new SignInThrottle(() => c.now);
    let guesses = 0;
    let fresh = 0;
    const failing = Array.from({ length: 50 }, (_, i) => `172.16.0.${i}`);
    for (let second = 0; second < 3600; second++) {
      // Every second: one guess from a never-seen address, and one from each address that has failed.
      for (const address of [`10.${(fresh >> 16) & 255}.${(fresh >> 8) & 255}.${fresh++ & 255}`, ...failing])
        if (t.begin('alice', address)) guesses++;
      c.tick(1_000);
    }
    expect(guesses).toBeLessThanOrEqual(48);
    expect(guesses).toBeGreaterThan(20);
  });

  it('delays, rather than locks: a failing address gets its next guess after a growing wait', () => {
    const c = clock();
    const t = new SignInThrottle(() => c.now);
    for (let i = 0; i < 10; i++) t.begin('alice', `10.0.0.${i}`);
    // 10.0.0.1 has failed for alice and alice has had 10 failures: 1 s, then 2 s, then 4 s.
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      waits.push(t.retryAfterSeconds('alice', '10.0.0.1'));
      c.tick(waits[i]! * 1000);
      expect(t.begin('alice', '10.0.0.1')).not.toBeNull();
    }
    expect(waits).toEqual([1, 2, 4]);
  });

  it('counts attempts in flight, so parallel guesses stop at the limit', () => {
    const t = new SignInThrottle(() => 0);
    const started = Array.from({ length: 100 }, () => t.begin('alice', '10.0.0.1'));
    expect(started.filter(Boolean)).toHaveLength(5);
  });

  it('takes back an attempt that succeeds or was never checked', () => {
    let now = 0;
    const t = new SignInThrottle(() => now++);
    for (let i = 0; i < 20; i++) t.begin('alice', '10.0.0.1')!.succeeded();
    for (let i = 0; i < 20; i++) t.begin('bob', '10.0.0.1')!.cancelled();
    expect(t.retryAfterSeconds('alice', '10.0.0.1')).toBe(0);
    expect(t.retryAfterSeconds('bob', '10.0.0.1')).toBe(0);
  });

  it('stays bounded under a spray of usernames', () => {
    const t = new SignInThrottle(() => 0, 1_000);
    for (let i = 0; i < 10_000; i++) t.begin(`spray${i}`, `10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`);
    expect(t.size()).toBeLessThanOrEqual(4_000);
  });
});
