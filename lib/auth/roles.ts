// Roles and what each may do. Pure, so the server enforces it and the UI hides what a role can't do
// from the same table.

export const ROLES = ['viewer', 'downloader', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * `verify`: read a backup file to check it (it costs the transfer); `audit`: read the audit log; `admin`: see
 * how the console itself is doing (the backup index).
 */
export type Permission = 'browse' | 'download' | 'verify' | 'audit' | 'admin';

const grants: Record<Role, readonly Permission[]> = {
  viewer: ['browse'],
  downloader: ['browse', 'download', 'verify'],
  admin: ['browse', 'download', 'verify', 'audit', 'admin'],
};

export function can(role: Role, permission: Permission): boolean {
  return grants[role].includes(permission);
}

/** Who is signed in, as pages and route handlers see it. `scope` null means every instance. */
export interface SessionUser {
  name: string;
  role: Role;
  scope: string[] | null;
}
