import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { isPasswordHash } from './password';
import { ROLES } from './roles';

// The credentials provider's users: a JSON file of `{ users: [{ username, passwordHash, role, scope? }] }`.
// `npm run user:add` writes it; the server only reads it.

export const userEntrySchema = z.object({
  username: z.string().regex(/^[A-Za-z0-9._@-]{1,64}$/, 'expected 1-64 letters, digits, . _ @ or -'),
  passwordHash: z.string().refine(isPasswordHash, 'expected a scrypt hash written by npm run user:add'),
  role: z.enum(ROLES, { error: `expected one of ${ROLES.join(', ')}` }),
  /** Glob patterns of instance ids (`r-bp1*`); absent means every instance. */
  scope: z.array(z.string().regex(/^[a-z0-9*?-]+$/, 'expected instance id globs such as r-bp1*')).optional(),
});

export const usersFileSchema = z.object({ users: z.array(userEntrySchema) });

export type UserEntry = z.infer<typeof userEntrySchema>;

export function parseUsersFile(text: string, path: string): UserEntry[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${path} is not valid JSON`);
  }
  const parsed = usersFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${path}: ${issue.path.join('.')}: ${issue.message}`);
  }
  const names = new Set<string>();
  for (const u of parsed.data.users) {
    if (names.has(u.username)) throw new Error(`${path}: user ${u.username} appears twice`);
    names.add(u.username);
  }
  return parsed.data.users;
}

export function readUsersFile(path: string): UserEntry[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new Error(`AUTH_USERS_FILE ${path} cannot be read`);
  }
  return parseUsersFile(text, path);
}
