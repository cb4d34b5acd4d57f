import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SendTestAlertButton } from '@/components/admin/send-test-alert-button';
import { ConsoleShell } from '@/components/shell/console-shell';
import { requestTime } from '@/components/shell/request-time';
import { alertsOverview } from '@/lib/alerts/admin';
import { requireUser } from '@/lib/auth/require-user';
import { can } from '@/lib/auth/roles';
import { getFormat } from '@/lib/format/server';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('alerts'))('title') };
}

export default async function AlertsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const t = await getTranslations('alerts');
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
  const [overview, f] = await Promise.all([alertsOverview(), getFormat((await searchParams).tz)]);
  const zone = f.zoneShort(requestTime());
  // Times in the display zone: the table names it once in its header, a sentence beside each time.
  const time = (iso: string) => f.dateTime(iso, true);
  const zoned = (iso: string) => `${time(iso)} ${f.zoneShort(Date.parse(iso))}`;
  const { webhook } = overview;
  return (
    <ConsoleShell>
      <div className="space-y-4">
        <h1 className="text-xl font-semibold">{t('title')}</h1>
        <section aria-labelledby="webhook-heading" className="space-y-2">
          <h2 id="webhook-heading" className="text-sm font-medium">
            {t('webhook')}
          </h2>
          <p className="text-sm">
            {webhook.configured
              ? `${t('configured', { format: webhook.format, target: webhook.target ?? '' })} · ${t(webhook.signed ? 'signed' : 'unsigned')}`
              : t('notConfigured')}
          </p>
          <p className="text-sm text-slate-600 dark:text-slate-300">
            {overview.lastEvaluatedAt
              ? t('lastEvaluated', { time: zoned(overview.lastEvaluatedAt) })
              : t('notEvaluated')}
          </p>
          <SendTestAlertButton />
        </section>
        <section aria-labelledby="recent-heading" className="space-y-2">
          <h2 id="recent-heading" className="text-sm font-medium">
            {t('recent')}
          </h2>
          {overview.alerts.length === 0 ? (
            <p className="text-sm">{t('none')}</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">{t('caption')}</caption>
                <thead className="border-b border-slate-300 dark:border-slate-600">
                  <tr>
                    {(['time', 'kind', 'instance', 'message', 'status', 'attempts', 'detail'] as const).map(
                      (c) => (
                        <th key={c} scope="col" className="px-2 py-1 font-medium whitespace-nowrap">
                          {t(`columns.${c}`, { zone })}
                        </th>
                      ),
                    )}
                  </tr>
                </thead>
                <tbody>
                  {overview.alerts.map((a) => (
                    <tr key={a.id} className="border-b border-slate-100 align-top dark:border-slate-800">
                      <td className="px-2 py-1 whitespace-nowrap">{time(a.createdAt)}</td>
                      <td className="px-2 py-1">{t(`kind.${a.kind as 'late'}`)}</td>
                      <td className="px-2 py-1 font-mono whitespace-nowrap">{a.instanceId ?? '—'}</td>
                      <td className="px-2 py-1">{a.summary}</td>
                      <td className="px-2 py-1 whitespace-nowrap">{t(`status.${a.status as 'sent'}`)}</td>
                      <td className="px-2 py-1 tabular-nums">{a.attempts}</td>
                      <td className="px-2 py-1">
                        {[
                          a.sentAt ? t('sentAt', { time: zoned(a.sentAt) }) : null,
                          a.status === 'pending' && a.nextAttemptAt
                            ? t('retryAt', { time: zoned(a.nextAttemptAt) })
                            : null,
                          a.lastError,
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      </div>
    </ConsoleShell>
  );
}
