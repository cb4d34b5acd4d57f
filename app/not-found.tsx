import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export default async function NotFound() {
  const t = await getTranslations('common.notFound');
  return (
    <main className="mx-auto max-w-xl space-y-3 p-6">
      <h1 className="text-xl font-semibold">{t('title')}</h1>
      <p className="text-sm text-slate-700 dark:text-slate-300">{t('body')}</p>
      <Link href="/" className="text-blue-700 underline dark:text-blue-300">
        {t('home')}
      </Link>
    </main>
  );
}
