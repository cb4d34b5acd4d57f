'use client';

import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';

const ERROR_KEYS = ['CredentialsSignin', 'TooManyAttempts', 'Busy', 'AccessDenied'] as const;
export type SignInErrorKey = (typeof ERROR_KEYS)[number] | 'default';

/** next-auth's error code (from the URL or a sign-in answer) as the key of its message. */
export function signInErrorKey(code: string): SignInErrorKey {
  return (ERROR_KEYS as readonly string[]).includes(code) ? (code as SignInErrorKey) : 'default';
}

export function SignInForm({
  callbackPath,
  initialError,
  oidc,
}: {
  callbackPath: string;
  initialError?: SignInErrorKey;
  oidc: boolean;
}) {
  const t = useTranslations('auth');
  const [error, setError] = useState(initialError);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(undefined);
    const result = await signIn('credentials', {
      redirect: false,
      username: String(form.get('username') ?? ''),
      password: String(form.get('password') ?? ''),
      callbackUrl: callbackPath,
    });
    if (result?.ok && !result.error) {
      window.location.assign(callbackPath);
      return;
    }
    setPending(false);
    setError(
      result?.error === 'Busy'
        ? 'Busy'
        : result?.status === 429 || result?.error === 'TooManyAttempts'
          ? 'TooManyAttempts'
          : 'CredentialsSignin',
    );
  }

  const field =
    'w-full rounded border border-slate-300 bg-white px-3 py-2 text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100';
  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <div className="space-y-1">
          <label htmlFor="username" className="block text-sm font-medium">
            {t('username')}
          </label>
          <input id="username" name="username" autoComplete="username" required className={field} />
        </div>
        <div className="space-y-1">
          <label htmlFor="password" className="block text-sm font-medium">
            {t('password')}
          </label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            className={field}
          />
        </div>
        {error && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-300">
            {t(`errors.${error}`)}
          </p>
        )}
        <button
          type="submit"
          disabled={pending}
          className="w-full rounded bg-blue-700 px-3 py-2 font-medium text-white hover:bg-blue-800 disabled:opacity-60"
        >
          {pending ? t('submitting') : t('submit')}
        </button>
      </form>
      {oidc && (
        <button
          type="button"
          onClick={() => signIn('oidc', { callbackUrl: callbackPath })}
          className="w-full rounded border border-slate-300 px-3 py-2 font-medium dark:border-slate-600"
        >
          {t('sso')}
        </button>
      )}
    </div>
  );
}
