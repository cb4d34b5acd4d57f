import type { Metadata } from 'next';
import { requestTime } from '@/components/shell/request-time';
import { getTranslations } from 'next-intl/server';
import { SignOutEverywhereButton } from '@/components/admin/sign-out-everywhere-button';
import { ConsoleShell } from '@/components/shell/console-shell';
import { requireUser } from '@/lib/auth/require-user';
import { can } from '@/lib/auth/roles';
import { getFormat } from '@/lib/format/server';
import { listRecentSessions } from '@/lib/sessions/list-recent-sessions';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.sessions'))('title') };
}

export default async function SessionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const t = await getTranslations('admin.sessions');
  const roles = await getTranslations('common.roles');
  const roleName = (role: string) => (roles.has(role) ? roles(role) : role);
  if (!can(user.role, 'admin')) {
    return (
      <ConsoleShell>
        <h1 className="text-xl font-semibold">{t('title')}</h1>
        <p role="alert" className="mt-4">
          {t('forbidden', { role: roleName(user.role) })}
        </p>
      </ConsoleShell>
    );
  }
  const f = await getFormat((await searchParams).tz);
  const zone = f.zoneShort(requestTime());
  const sessions = await listRecentSessions();
  const headers = [
    t('columns.user'),
    t('columns.role'),
    t('columns.lastSignIn', { zone }),
    t('columns.from'),
    t('columns.signIns'),
    t('columns.signedOut', { zone }),
  ];
  return (
    <ConsoleShell>
      <div className="space-y-4">
        <h1 className="text-xl font-semibold">{t('title')}</h1>
        <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-300">{t('intro')}</p>
        {sessions.length === 0 ? (
          <p>{t('none')}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-slate-300 dark:border-slate-600">
                <tr>
                  {headers.map((h) => (
                    <th key={h} scope="col" className="px-2 py-1 font-medium whitespace-nowrap">
                      {h}
                    </th>
                  ))}
                  <th scope="col" className="px-2 py-1">
                    <span className="sr-only">{t('columns.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {sessions.map((s) => (
                  <tr key={s.user} className="border-b border-slate-100 dark:border-slate-800">
                    <th scope="row" className="px-2 py-1 font-medium">
                      {s.user}
                    </th>
                    <td className="px-2 py-1">{s.role ? roleName(s.role) : '—'}</td>
                    <td className="px-2 py-1 whitespace-nowrap">{f.dateTime(s.lastAt, true)}</td>
                    <td className="px-2 py-1 font-mono">{s.address ?? '—'}</td>
                    <td className="px-2 py-1">{f.count(s.count)}</td>
                    <td className="px-2 py-1 whitespace-nowrap">
                      {s.signedOutAt ? f.dateTime(s.signedOutAt, true) : '—'}
                    </td>
                    <td className="px-2 py-1">
                      <SignOutEverywhereButton username={s.user} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </ConsoleShell>
  );
}
