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
  }
}
