import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { isOidcConfigured } from '@/lib/auth/options';
import { safeCallbackPath } from '@/lib/auth/same-site';
import { getSessionUser } from '@/lib/auth/session';
import { getConfig } from '@/lib/config';
import { LanguageLinks } from '@/components/shell/language-links';
import { SignInForm, signInErrorKey } from './sign-in-form';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('title') };
}

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
  const t = await getTranslations('auth');
  const error = typeof params.error === 'string' ? signInErrorKey(params.error) : undefined;
  const code = (chunks: ReactNode) => <code>{chunks}</code>;

  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center gap-6 p-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('heading')}</h1>
        <p className="text-sm text-slate-600 dark:text-slate-300">{t('subtitle')}</p>
      </div>
      <SignInForm callbackPath={callbackPath} initialError={error} oidc={isOidcConfigured()} />
      {getConfig().KVSTORE_DEMO && (
        <aside className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          <p className="font-medium">{t('demo.title')}</p>
          <p>{t.rich('demo.body', { code })}</p>
        </aside>
      )}
      <LanguageLinks />
    </main>
  );
}
