import type { Metadata } from 'next';
import { requestTime } from '@/components/shell/request-time';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AuditTable } from '@/components/admin/audit-table';
import { ConsoleShell } from '@/components/shell/console-shell';
import { listAudit } from '@/lib/audit/audit-log';
import { AUDIT_ACTIONS, auditQuerySchema } from '@/lib/audit/audit-query';
import { requireUser } from '@/lib/auth/require-user';
import { can } from '@/lib/auth/roles';
import { getFormat } from '@/lib/format/server';
import { zonedDayEdge } from '@/lib/format/zone';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.audit'))('title') };
}

type SearchParams = Record<string, string | string[] | undefined>;

function single(params: SearchParams): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params).flatMap(([k, v]) => (typeof v === 'string' && v !== '' ? [[k, v]] : [])),
  );
}

const FILTERS = ['action', 'user', 'from', 'to', 'tz'];

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const t = await getTranslations('admin.audit');
  if (!can(user.role, 'audit')) {
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

  const raw = single(await searchParams);
  const f = await getFormat(raw.tz);
  // A day typed in the filters is that day in the zone the times are shown in.
  const from = raw.from && zonedDayEdge(raw.from, f.timeZone, 'start');
  const to = raw.to && zonedDayEdge(raw.to, f.timeZone, 'end');
  const parsed = auditQuerySchema.safeParse({ ...raw, from, to, format: undefined });
  const query = parsed.success ? parsed.data : auditQuerySchema.parse({});
  const { rows, total } = await listAudit(query);
  const pages = Math.max(1, Math.ceil(total / query.pageSize));
  const filterParams = Object.fromEntries(Object.entries(raw).filter(([k]) => FILTERS.includes(k)));
  const pageLink = (page: number) =>
    `/admin/audit?${new URLSearchParams({ ...filterParams, page: String(page) })}`;
  const csvParams = Object.fromEntries(
    Object.entries({ action: raw.action, user: raw.user, from, to, format: 'csv' }).filter(
      (e): e is [string, string] => Boolean(e[1]),
    ),
  );
  const input =
    'rounded border border-slate-300 bg-white px-2 py-1 text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100';
  const dayInput = `${input} w-36 font-mono`;
  const zone = f.zoneShort(requestTime());

  return (
    <ConsoleShell>
      <div className="space-y-4">
        <div className="flex items-center justify-between gap-4">
          <h1 className="text-xl font-semibold">{t('title')}</h1>
          <Link href="/" className="text-sm text-blue-700 underline dark:text-blue-300">
            {t('back')}
          </Link>
        </div>
        <form method="get" className="flex flex-wrap items-end gap-3 text-sm" aria-label={t('filters')}>
          <label className="flex flex-col gap-1">
            {t('filter.action')}
            <select name="action" defaultValue={raw.action ?? ''} className={input}>
              <option value="">{t('filter.any')}</option>
              {AUDIT_ACTIONS.map((a) => (
                <option key={a} value={a}>
                  {t(`actions.${a}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1">
            {t('filter.user')}
            <input name="user" defaultValue={raw.user ?? ''} className={input} />
          </label>
          {/* Typed ISO days, as everywhere in the console, not the browser's own date format. */}
          <label className="flex flex-col gap-1">
            {t('filter.from', { zone })}
            <input
              name="from"
              defaultValue={raw.from ?? ''}
              placeholder={t('filter.dayPlaceholder')}
              inputMode="numeric"
              pattern="\d{4}-\d{2}-\d{2}"
              title={t('filter.dayHint')}
              className={dayInput}
            />
          </label>
          <label className="flex flex-col gap-1">
            {t('filter.to', { zone })}
            <input
              name="to"
              defaultValue={raw.to ?? ''}
              placeholder={t('filter.dayPlaceholder')}
              inputMode="numeric"
              pattern="\d{4}-\d{2}-\d{2}"
              title={t('filter.dayHint')}
              className={dayInput}
            />
          </label>
          {raw.tz && <input type="hidden" name="tz" value={raw.tz} />}
          <button type="submit" className="rounded bg-blue-700 px-3 py-1.5 font-medium text-white">
            {t('apply')}
          </button>
          <a
            href={`/api/audit?${new URLSearchParams(csvParams)}`}
            className="rounded border border-slate-300 px-3 py-1.5 dark:border-slate-600"
          >
            {t('exportCsv')}
          </a>
        </form>
        {!parsed.success && (
          <ul role="alert" className="list-disc pl-5 text-sm text-red-700 dark:text-red-300">
            {[...new Set(parsed.error.issues.map((i) => String(i.path[0])))].map((field) => (
              <li key={field}>
                {t.has(`invalid.${field}`)
                  ? t(`invalid.${field}`, { value: raw[field] ?? '', actions: AUDIT_ACTIONS.join(', ') })
                  : t('invalid.other', { field, value: raw[field] ?? '' })}
              </li>
            ))}
          </ul>
        )}
        <p className="text-sm text-slate-600 dark:text-slate-300">{t('entries', { count: total })}</p>
        <AuditTable rows={rows} f={f} />
        <nav aria-label={t('pagination')} className="flex items-center gap-3 text-sm">
          {query.page > 1 ? (
            <Link href={pageLink(query.page - 1)}>{t('previous')}</Link>
          ) : (
            <span aria-hidden>{t('previous')}</span>
          )}
          <span>{t('page', { page: query.page, pages })}</span>
          {query.page < pages ? (
            <Link href={pageLink(query.page + 1)}>{t('next')}</Link>
          ) : (
            <span aria-hidden>{t('next')}</span>
          )}
        </nav>
      </div>
    </ConsoleShell>
  );
}
