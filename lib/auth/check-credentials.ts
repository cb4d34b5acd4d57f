import 'server-only';
import type { User } from 'next-auth';
import { recordAudit, recordAuditSoon } from '@/lib/audit/audit-log';
import { getConfig } from '@/lib/config';
import { clientAddress } from './client-address';
import { defaultHashConcurrency, hashQueue, HashQueueFull, type HashQueue } from './hash-queue';
import { hashThreads } from './hash-threads';
import { DUMMY_HASH, verifyPassword } from './password';
import { signInThrottle } from './sign-in-throttles';
import { isDemoOrDefault } from './startup-check';
import { readUsersFile } from './users-file';

// The credentials provider's `authorize`: throttle, check the password (bounded, see hash-queue.ts),
// audit. Whatever it throws, next-auth copies into the error URL, so it throws only these codes.

export const SIGN_IN_ERROR = {
  throttled: 'TooManyAttempts',
  busy: 'Busy',
  unavailable: 'SignInUnavailable',
} as const;

// Longer values are no one's name or password, and a long password costs more to hash.
const MAX_USERNAME = 128;
const MAX_PASSWORD = 1024;

export function passwordHashQueue(): HashQueue {
  const { AUTH_HASH_CONCURRENCY, AUTH_HASH_QUEUE } = getConfig();
  return hashQueue({
    concurrency: AUTH_HASH_CONCURRENCY ?? defaultHashConcurrency(),
    queueLimit: AUTH_HASH_QUEUE,
  });
}

function text(value: unknown, max: number): string | null {
  return typeof value === 'string' && value.length <= max ? value : null;
}

async function findUserAndCheck(username: string, password: string) {
  const { AUTH_USERS_FILE } = getConfig();
  const entry = AUTH_USERS_FILE
    ? readUsersFile(AUTH_USERS_FILE).find((u) => u.username === username)
    : undefined;
  const ok = await passwordHashQueue().run(() =>
    verifyPassword(password, entry?.passwordHash ?? DUMMY_HASH, hashThreads().derive),
  );
  return ok ? entry : undefined;
}

export async function authorizeCredentials(
  credentials: Record<string, unknown> | undefined,
  headers: Record<string, string | string[] | undefined>,
): Promise<User | null> {
  const address = clientAddress(headers);
  const username = text(credentials?.username, MAX_USERNAME)?.trim() ?? null;
  const password = text(credentials?.password, MAX_PASSWORD);
  const user = username || null;
  // Counted whatever was sent: a malformed attempt is a guess from this address all the same.
  const attempt = await signInThrottle().begin(username ?? '', address);
  if (!attempt) {
    recordAuditSoon({ action: 'sign_in_throttled', user, address, status: 429 });
    throw new Error(SIGN_IN_ERROR.throttled);
  }
  if (username === null || password === null) {
    recordAuditSoon({
      action: 'sign_in_failed',
      user,
      address,
      status: 401,
      detail: 'username or password missing, too long or not a string',
    });
    return null;
  }
  let entry;
  try {
    entry = username ? await findUserAndCheck(username, password) : undefined;
  } catch (err) {
    await attempt.cancelled();
    if (err instanceof HashQueueFull) {
      recordAuditSoon({ action: 'sign_in_throttled', user, address, status: 429, detail: 'server busy' });
      throw new Error(SIGN_IN_ERROR.busy);
    }
    console.error('[auth] sign-in failed:', err instanceof Error ? err.message : typeof err);
    throw new Error(SIGN_IN_ERROR.unavailable);
  }
  // The users file is re-read at each sign-in, so the start-up rules apply here too.
  const refused =
    entry !== undefined && !getConfig().KVSTORE_DEMO && isDemoOrDefault(entry.username, password);
  if (!entry || refused) {
    recordAuditSoon({
      action: 'sign_in_failed',
      user,
      address,
      status: 401,
      detail: refused ? 'demo user or default password outside demo mode' : null,
    });
    return null;
  }
  await attempt.succeeded();
  await recordAudit({ action: 'sign_in', user: entry.username, role: entry.role, address, status: 200 });
  return { id: entry.username, name: entry.username, role: entry.role, scope: entry.scope ?? null };
}
