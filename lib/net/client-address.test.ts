import { afterEach, describe, expect, it, vi } from 'vitest';
import { clientAddress } from '@/lib/auth/client-address';
import { resetConfigForTests } from '@/lib/config';
import { resolveClientAddress } from './forwarded-client';
import { addressGroup, normalizeIp } from './ip-address';
import { REMOTE_ADDRESS_HEADER } from './remote-address-header';
import { TrustedProxies } from './trusted-proxies';

describe('normalizeIp', () => {
  it.each([
    ['203.0.113.9', '203.0.113.9'],
    [' 203.0.113.9:443 ', '203.0.113.9'],
    ['::ffff:127.0.0.1', '127.0.0.1'],
    ['2001:DB8:0:0::1', '2001:db8::1'],
    ['[2001:db8::1]:8443', '2001:db8::1'],
    ['fe80::1%eth0', 'fe80::1'],
    ['unknown', null],
    ['1.2.3', null],
    ['', null],
  ])('%s → %s', (raw, expected) => expect(normalizeIp(raw)).toBe(expected));
});

describe('addressGroup', () => {
  it('keeps IPv4 and groups IPv6 by /64', () => {
    expect(addressGroup('198.51.100.7')).toBe('198.51.100.7');
    expect(addressGroup('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressGroup('2001:db8:1:2::ffff')).toBe('2001:db8:1:2::/64');
    expect(addressGroup('::1')).toBe('0:0:0:0::/64');
  });
});

describe('TrustedProxies', () => {
  it('matches addresses and CIDRs of both families', () => {
    const t = TrustedProxies.parse('10.0.0.5, 10.1.0.0/16 fd00::/8,::1');
    expect(['10.0.0.5', '10.1.200.3', 'fd12::5', '::1'].map((a) => t.has(a))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['10.0.0.6', '10.2.0.1', 'fe80::1', 'junk'].map((a) => t.has(a))).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(TrustedProxies.parse('').has('127.0.0.1')).toBe(false);
  });
  it('names a bad entry', () => {
    expect(() => TrustedProxies.parse('10.0.0.0/33')).toThrow('"10.0.0.0/33" has a bad prefix length');
    expect(() => TrustedProxies.parse('proxy.local')).toThrow('"proxy.local" is not an IP address or CIDR');
  });
});

describe('resolveClientAddress', () => {
  const trusted = TrustedProxies.parse('10.0.0.0/24, 2001:db8:ffff::/48');
  it('ignores X-Forwarded-For from a client that is not a trusted proxy', () => {
    expect(resolveClientAddress('198.51.100.7', '1.2.3.4', trusted)).toBe('198.51.100.7');
  });
  it('takes the right-most hop that is not a trusted proxy', () => {
    expect(resolveClientAddress('10.0.0.2', 'spoofed, 203.0.113.9, 10.0.0.3', trusted)).toBe('203.0.113.9');
    expect(resolveClientAddress('2001:db8:ffff::2', '2001:db8::7', trusted)).toBe('2001:db8::7');
  });
  it('falls back to the nearest proxy when the chain has nothing better', () => {
    expect(resolveClientAddress('10.0.0.2', undefined, trusted)).toBe('10.0.0.2');
    expect(resolveClientAddress('10.0.0.2', '10.0.0.9', trusted)).toBe('10.0.0.9');
    expect(resolveClientAddress('10.0.0.2', 'not-an-ip', trusted)).toBe('10.0.0.2');
  });
});

describe('clientAddress', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    resetConfigForTests();
  });
  const headers = (extra: Record<string, string>) =>
    new Headers({ [REMOTE_ADDRESS_HEADER]: '::ffff:127.0.0.9', ...extra });

  it('is the socket address whatever X-Forwarded-For says, unless TRUSTED_PROXIES trusts the socket', () => {
    vi.stubEnv('TRUSTED_PROXIES', '');
    resetConfigForTests();
    expect(clientAddress(headers({ 'x-forwarded-for': '198.51.100.1' }))).toBe('127.0.0.9');
    vi.stubEnv('TRUSTED_PROXIES', '127.0.0.0/8');
    resetConfigForTests();
    expect(clientAddress(headers({ 'x-forwarded-for': '198.51.100.1' }))).toBe('198.51.100.1');
    expect(clientAddress({ 'x-forwarded-for': '198.51.100.1' })).toBe('unknown');
  });
});
