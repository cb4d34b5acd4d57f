import { describe, expect, it } from 'vitest';
import { RateLimiter } from '@/lib/api/server/rate-limiter';
import { MemoryEventLog } from '@/lib/limits/memory-event-log';
import { groupsFromClaims, parsePairs, parseRoleMap, roleForGroups, scopeForGroups } from './oidc-mapping';
import { hashPassword, verifyPassword } from './password';
import { can } from './roles';
import { safeCallbackPath } from './same-site';
import { inScope } from './scope';
import { authSetupProblems } from './startup-check';
import { parseUsersFile } from './users-file';

describe('passwords', () => {
  it('hashes with a salt and verifies', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
    expect(await verifyPassword('x', 'not-a-hash')).toBe(false);
  });
});

describe('roles', () => {
  it('grants what each role may do', () => {
    expect([can('viewer', 'browse'), can('viewer', 'download'), can('viewer', 'audit')]).toEqual([
      true,
      false,
      false,
    ]);
    expect([can('downloader', 'download'), can('downloader', 'audit')]).toEqual([true, false]);
    expect(can('admin', 'audit')).toBe(true);
  });
});

describe('instance scope', () => {
  it('matches globs and nothing else', () => {
    expect(inScope('r-bp1abc', null)).toBe(true);
    expect(inScope('r-bp1abc', ['r-bp1*'])).toBe(true);
    expect(inScope('r-uf6abc', ['r-bp1*'])).toBe(false);
    expect(inScope('r-bp1abc', [])).toBe(false);
    expect(inScope('r-bp1abc', ['r-bp1ab?'])).toBe(true);
    expect(inScope('r-bp1.bc', ['r-bp1.bc'])).toBe(true);
    expect(inScope('r-bp1xbc', ['r-bp1.bc'])).toBe(false);
  });
});

describe('safeCallbackPath', () => {
  const origin = 'http://127.0.0.1:3000';
  it.each([
    ['/instances/r-1/backups?status=Failed', '/instances/r-1/backups?status=Failed'],
    ['http://127.0.0.1:3000/admin/audit', '/admin/audit'],
    ['https://evil.example/steal', '/'],
    ['//evil.example/x', '/'],
    ['/\\evil.example', '/'],
    ['javascript:alert(1)', '/'],
    ['/.//evil.example/steal', '/'],
    ['/a/..//evil.example', '/'],
    ['/%2e//evil.example', '/'],
    ['/\\/evil.example', '/'],
    [undefined, '/'],
  ])('%s → %s', (target, expected) => {
    expect(safeCallbackPath(target, origin)).toBe(expected);
  });
});

describe('RateLimiter', () => {
  it('allows N per sliding minute per key', async () => {
    let now = 0;
    const r = new RateLimiter(3, { now: () => now });
    const takes = [];
    for (const key of ['a', 'a', 'a', 'a', 'b']) takes.push(await r.take(key));
    expect(takes).toEqual([0, 0, 0, 60, 0]);
    now = 60_001;
    expect(await r.take('a')).toBe(0);
  });

  it('stays bounded under many keys', async () => {
    const r = new RateLimiter(1, { now: () => 0, events: new MemoryEventLog(100) });
    for (let i = 0; i < 1000; i++) await r.take(`addr-${i}`);
    expect(await r.take('addr-0')).toBe(0);
    expect(await r.take('addr-999')).toBe(60);
  });
});

describe('OIDC mapping', () => {
  const roles = parseRoleMap('redis-admins=admin, redis-ops=downloader, *=viewer');
  it('picks the strongest role of the groups, with * for everyone', () => {
    expect(roleForGroups(['redis-ops', 'redis-admins'], roles)).toBe('admin');
    expect(roleForGroups(['redis-ops'], roles)).toBe('downloader');
    expect(roleForGroups(['marketing'], roles)).toBe('viewer');
    expect(roleForGroups(['marketing'], parseRoleMap('redis-ops=downloader'))).toBeNull();
  });
  it('rejects bad maps with the reason', () => {
    expect(() => parseRoleMap('ops=root')).toThrow(/role "root"/);
    expect(() => parsePairs('ops', 'OIDC_SCOPE_MAP')).toThrow(/group=value/);
  });
  it('unions the scopes of listed groups', () => {
    const scopes = parsePairs('team-hz=r-bp1*|r-bp2*,team-sh=r-uf6*', 'OIDC_SCOPE_MAP');
    expect(scopeForGroups(['team-hz', 'team-sh'], scopes)).toEqual(['r-bp1*', 'r-bp2*', 'r-uf6*']);
    expect(scopeForGroups(['other'], scopes)).toBeNull();
  });
  it('reads groups from an array or a string claim', () => {
    expect(groupsFromClaims({ groups: ['a', 'b', 3] }, 'groups')).toEqual(['a', 'b']);
    expect(groupsFromClaims({ roles: 'a b,c' }, 'roles')).toEqual(['a', 'b', 'c']);
    expect(groupsFromClaims({}, 'groups')).toEqual([]);
  });
});

describe('users file', () => {
  it('names the bad field', async () => {
    const hash = await hashPassword('a long enough password');
    expect(() => parseUsersFile('{', 'u.json')).toThrow('u.json is not valid JSON');
    expect(() =>
      parseUsersFile(
        JSON.stringify({ users: [{ username: 'a', passwordHash: hash, role: 'root' }] }),
        'u.json',
      ),
    ).toThrow(/users\.0\.role: expected one of viewer, downloader, admin/);
    expect(() =>
      parseUsersFile(
        JSON.stringify({
          users: [
            { username: 'a', passwordHash: hash, role: 'admin' },
            { username: 'a', passwordHash: hash, role: 'viewer' },
          ],
        }),
        'u.json',
      ),
    ).toThrow(/appears twice/);
  });
});

describe('authSetupProblems', () => {
  const secret = 'x'.repeat(40);
  it('refuses a missing or short secret, demo users and default passwords outside demo mode', async () => {
    const users = [
      { username: 'demo', passwordHash: await hashPassword('demo'), role: 'admin' as const },
      { username: 'ops', passwordHash: await hashPassword('ops'), role: 'viewer' as const },
      {
        username: 'alice',
        passwordHash: await hashPassword('a long unique passphrase'),
        role: 'admin' as const,
      },
    ];
    const problems = await authSetupProblems({
      demo: false,
      secret: undefined,
      usersFile: 'u.json',
      users,
      oidcConfigured: false,
      clientAddressKnown: true,
    });
    expect(problems.join('\n')).toMatch(/NEXTAUTH_SECRET is not set/);
    expect(problems.join('\n')).toMatch(/user "demo" is a demo user/);
    expect(problems.join('\n')).toMatch(/user "ops" has a default password/);
    expect(problems.join('\n')).not.toMatch(/alice/);
    expect(
      await authSetupProblems({
        demo: false,
        secret: 'short',
        usersFile: undefined,
        users: [],
        oidcConfigured: true,
        clientAddressKnown: true,
      }),
    ).toEqual([expect.stringMatching(/shorter than 32/)]);
    expect(
      await authSetupProblems({
        demo: false,
        secret,
        usersFile: undefined,
        users: [],
        oidcConfigured: false,
        clientAddressKnown: true,
      }),
    ).toEqual([expect.stringMatching(/No way to sign in/)]);
  });
  it('allows demo users in demo mode', async () => {
    const users = [{ username: 'demo', passwordHash: await hashPassword('demo'), role: 'admin' as const }];
    expect(
      await authSetupProblems({
        demo: true,
        secret,
        usersFile: 'u.json',
        users,
        oidcConfigured: false,
        clientAddressKnown: true,
      }),
    ).toEqual([]);
  });
  it('refuses to start without server.ts, which alone knows client addresses', async () => {
    const problems = await authSetupProblems({
      demo: true,
      secret,
      usersFile: undefined,
      users: [],
      oidcConfigured: false,
      clientAddressKnown: false,
    });
    expect(problems).toEqual([expect.stringMatching(/not next start/)]);
  });
});
