import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { listAudit } from '@/lib/audit/audit-log';
import { auditQuerySchema } from '@/lib/audit/audit-query';
import { resetConfigForTests } from '@/lib/config';
import { REMOTE_ADDRESS_HEADER } from '@/lib/net/remote-address-header';
import { authorizeCredentials, passwordHashQueue } from './check-credentials';
import { DUMMY_HASH, hashPassword } from './password';

// authorize() of the credentials provider, called as next-auth calls it.

const from = (address: string) => ({ [REMOTE_ADDRESS_HEADER]: address });

beforeAll(async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kvb-credentials-'));
  const usersFile = path.join(dir, 'users.json');
  const passwordHash = await hashPassword('a long enough password');
  writeFileSync(usersFile, JSON.stringify({ users: [{ username: 'alice', passwordHash, role: 'viewer' }] }));
  vi.stubEnv('AUDIT_DB_PATH', path.join(dir, 'audit.db'));
  vi.stubEnv('AUTH_USERS_FILE', usersFile);
  vi.stubEnv('AUTH_HASH_CONCURRENCY', '1');
  vi.stubEnv('AUTH_HASH_QUEUE', '1');
  resetConfigForTests();
});
afterAll(() => {
  vi.unstubAllEnvs();
  resetConfigForTests();
});

describe('authorizeCredentials', () => {
  it('signs in with the right password and audits it', async () => {
    const user = await authorizeCredentials(
      { username: 'alice', password: 'a long enough password' },
      from('10.1.0.1'),
    );
    expect(user).toMatchObject({ name: 'alice', role: 'viewer' });
  });

  it('answers a non-string username or password with a plain failure, audited and counted', async () => {
    const tries: Record<string, unknown>[] = [
      { username: ['alice'], password: 'x' },
      { username: 'alice', password: 12345 },
      { username: { $ne: '' }, password: ['x'] },
      { username: 'alice', password: 'x'.repeat(5_000) },
    ];
    for (const credentials of tries)
      expect(await authorizeCredentials(credentials, from('10.2.0.1'))).toBeNull();
    const rows = (await listAudit(auditQuerySchema.parse({ action: 'sign_in_failed' }))).rows.filter(
      (r) => r.address === '10.2.0.1',
    );
    expect(rows).toHaveLength(4);
    // Two went to username '' and two to alice: three more array attempts reach the limit of five.
    for (let i = 0; i < 3; i++) await authorizeCredentials({ username: [] }, from('10.2.0.1'));
    await expect(authorizeCredentials({ username: [] }, from('10.2.0.1'))).rejects.toThrow(
      /^TooManyAttempts$/,
    );
  });

  it('costs one hash for an unknown user as for a known one, at the same cost', async () => {
    const run = vi.spyOn(passwordHashQueue(), 'run');
    await authorizeCredentials({ username: 'alice', password: 'wrong password' }, from('10.3.0.1'));
    await authorizeCredentials({ username: 'nobody-at-all', password: 'wrong password' }, from('10.3.0.2'));
    expect(run).toHaveBeenCalledTimes(2);
    run.mockRestore();
    const cost = (hash: string) => hash.split('$').slice(0, 4).join('$');
    expect(cost(DUMMY_HASH)).toBe(cost(await hashPassword('x')));
    expect(Buffer.from(DUMMY_HASH.split('$')[5]!, 'base64')).toHaveLength(64);
  });

  it('answers Busy without counting a guess when the hashing queue is full', async () => {
    const attempts = Array.from({ length: 4 }, (_, i) =>
      authorizeCredentials({ username: 'alice', password: 'wrong password' }, from(`10.4.0.${i}`)).then(
        () => 'checked',
        (err: Error) => err.message,
      ),
    );
    const outcomes = await Promise.all(attempts);
    expect(outcomes.filter((o) => o === 'Busy')).toHaveLength(2);
    expect(outcomes.filter((o) => o === 'checked')).toHaveLength(2);
    const busy = (await listAudit(auditQuerySchema.parse({ action: 'sign_in_throttled' }))).rows.filter((r) =>
      r.address?.startsWith('10.4.0.'),
    );
    expect(busy.map((r) => r.detail)).toEqual(['server busy', 'server busy']);
  });
});
