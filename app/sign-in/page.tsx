import { redirect } from 'next/navigation';
import { isOidcConfigured } from '@/lib/auth/options';
import { safeCallbackPath } from '@/lib/auth/same-site';
import { getSessionUser } from '@/lib/auth/session';
import { getConfig } from '@/lib/config';
import { SignInForm } from './sign-in-form';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Sign in · kvstore-backups' };

const ERRORS: Record<string, string> = {
  CredentialsSignin: 'Wrong username or password.',
  TooManyAttempts: 'Too many failed sign-ins. Wait a few minutes and try again.',
  Busy: 'The server is busy checking other sign-ins. Try again in a few seconds.',
  AccessDenied: 'Your account has no role in this console. Ask an administrator to add you to a group.',
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackParam = typeof params.callbackUrl === 'string' ? params.callbackUrl : undefined;
  // Only paths on this site: a callback can never send a person elsewhere.
  const callbackPath = safeCallbackPath(callbackParam, 'http://same.site');
  if (await getSessionUser()) redirect(callbackPath);
  const error =
    typeof params.error === 'string' ? (ERRORS[params.error] ?? 'Sign-in failed. Try again.') : undefined;

  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center gap-6 p-6">
      <div>
        <h1 className="text-2xl font-semibold">kvstore-backups</h1>
        <p className="text-sm text-slate-600 dark:text-slate-300">Sign in to browse Redis/Tair backups.</p>
      </div>
      <SignInForm callbackPath={callbackPath} initialError={error} oidc={isOidcConfigured()} />
      {getConfig().KVSTORE_DEMO && (
        <aside className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          <p className="font-medium">Demo mode</p>
          <p>
            Sign in as <code>demo</code> (admin), <code>downloader</code> or <code>viewer</code>; each
            user&apos;s password is its name. <code>downloader</code> sees only the Hangzhou instances.
          </p>
        </aside>
      )}
    </main>
  );
}
