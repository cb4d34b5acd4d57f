import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { hashPassword } from '../lib/auth/password';
import type { UserEntry } from '../lib/auth/users-file';

/** The three demo users, each with its name as password; `downloader` sees only Hangzhou (r-bp1*) instances. */
export async function writeDemoUsers(file: string): Promise<void> {
  const users: UserEntry[] = [
    { username: 'demo', passwordHash: await hashPassword('demo'), role: 'admin' },
    {
      username: 'downloader',
      passwordHash: await hashPassword('downloader'),
      role: 'downloader',
      scope: ['r-bp1*'],
    },
    { username: 'viewer', passwordHash: await hashPassword('viewer'), role: 'viewer' },
  ];
  mkdirSync(path.dirname(file), { recursive: true });
  // Written aside and renamed, so a console reading the file at a sign-in never sees half of it.
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, JSON.stringify({ users }, null, 2) + '\n', { mode: 0o600 });
  renameSync(partial, file);
}
