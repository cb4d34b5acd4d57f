import 'server-only';
import { z } from 'zod';
import { recordAudit } from '@/lib/audit/audit-log';
import type { SessionUser } from '@/lib/auth/roles';
import { revocations } from '@/lib/auth/revocations';

// An admin ends every session of a user: each one started before now is refused from the next request.

export const userParamsSchema = z.object({
  username: z
    .string()
    .regex(/^[A-Za-z0-9._@+-]{1,128}$/, 'expected a username: 1-128 letters, digits, . _ @ + or -'),
});

export async function signOutEverywhere(username: string, admin: SessionUser, address: string) {
  const revokedAt = new Date(await revocations().revokeUser(username)).toISOString();
  await recordAudit({
    action: 'sessions_revoked',
    user: admin.name,
    role: admin.role,
    address,
    status: 200,
    detail: `signed ${username} out everywhere`,
  });
  return { username, revokedAt };
}
