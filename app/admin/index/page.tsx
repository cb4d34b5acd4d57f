import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { IndexStatusTable } from '@/components/admin/index-status-table';
import { budgetText } from '@/components/admin/index-status-text';
import { ConsoleShell } from '@/components/shell/console-shell';
import { requestTime } from '@/components/shell/request-time';
import { requireUser } from '@/lib/auth/require-user';
import { can } from '@/lib/auth/roles';
import { indexStatus } from '@/lib/backup-index/index-status';
import { getFormat } from '@/lib/format/server';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.index'))('title') };
}

export default async function IndexStatusPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const t = await getTranslations('admin.index');
  if (!can(user.role, 'admin')) {
    const role = (await getTranslations('common.roles'))(user.role);
    return (
      <ConsoleShell>
        <h1 className="text-xl font-semibold">{t('title')}</h1>
        <p role="alert" className="mt-4">
          {t('forbidden', { role })}
        </p>
      </ConsoleShell>
    );
  }

  const [status, f] = await Promise.all([indexStatus(user.scope), getFormat((await searchParams).tz)]);
  return (
    <ConsoleShell>
      <div className="space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-4">
          <h1 className="text-xl font-semibold">{t('title')}</h1>
          <div className="flex items-center gap-4 text-sm">
            <Link href="/admin/index" className="text-blue-700 underline dark:text-blue-300">
              {t('reload')}
            </Link>
            <Link href="/" className="text-blue-700 underline dark:text-blue-300">
              {t('back')}
            </Link>
          </div>
        </div>
        <section aria-labelledby="upstream-heading" className="space-y-1">
          <h2 id="upstream-heading" className="text-sm font-medium">
            {t('upstream')}
          </h2>
          <p className="text-sm text-slate-700 tabular-nums dark:text-slate-300">
            {budgetText(status.upstream, t, f)}
          </p>
        </section>
        <IndexStatusTable instances={status.instances} now={requestTime()} f={f} />
      </div>
    </ConsoleShell>
  );
}
