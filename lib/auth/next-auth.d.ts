import type { Role } from './roles';

declare module 'next-auth' {
  interface User {
    role?: Role;
    scope?: string[] | null;
  }
  interface Session {
    user: { name: string; role: Role; scope: string[] | null };
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    role?: Role;
    scope?: string[] | null;
    /** This session's id, so signing out can revoke it (lib/auth/revocation-list.ts). */
    sid?: string;
    /** When the person signed in (ms), so an admin can end every earlier session of a user. */
    signedInAt?: number;
  }
}
