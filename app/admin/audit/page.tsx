import Link from 'next/link';
import { ConsoleShell } from '@/components/shell/console-shell';
import { requireUser } from '@/lib/auth/require-user';
import { listAudit } from '@/lib/audit/audit-log';
import { AUDIT_ACTIONS, auditQuerySchema } from '@/lib/audit/audit-query';
import { can } from '@/lib/auth/roles';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Audit log · kvstore-backups' };

type SearchParams = Record<string, string | string[] | undefined>;

function single(params: SearchParams): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params).flatMap(([k, v]) => (typeof v === 'string' && v !== '' ? [[k, v]] : [])),
  );
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  if (!can(user.role, 'audit')) {
    return (
      <ConsoleShell>
        <h1 className="text-xl font-semibold">Audit log</h1>
        <p role="alert" className="mt-4">
          Your role ({user.role}) cannot read the audit log; it needs the admin role.
        </p>
      </ConsoleShell>
    );
  }

  const raw = single(await searchParams);
  const parsed = auditQuerySchema.safeParse({ ...raw, format: undefined });
  const query = parsed.success ? parsed.data : auditQuerySchema.parse({});
  const { rows, total } = listAudit(query);
  const pages = Math.max(1, Math.ceil(total / query.pageSize));
  const filterParams = new URLSearchParams(
    Object.entries(raw).filter(([k]) => ['action', 'user', 'from', 'to'].includes(k)),
  );
  const pageLink = (page: number) =>
    `/admin/audit?${new URLSearchParams({ ...Object.fromEntries(filterParams), page: String(page) })}`;
  const input =
    'rounded border border-slate-300 bg-white px-2 py-1 text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100';

  return (
    <ConsoleShell>
      <div className="space-y-4">
        <div className="flex items-center justify-between gap-4">
          <h1 className="text-xl font-semibold">Audit log</h1>
          <Link href="/" className="text-sm text-blue-700 underline dark:text-blue-300">
            Back to backups
          </Link>
        </div>
        <form method="get" className="flex flex-wrap items-end gap-3 text-sm" aria-label="Audit filters">
          <label className="flex flex-col gap-1">
            Action
            <select name="action" defaultValue={raw.action ?? ''} className={input}>
              <option value="">Any</option>
              {AUDIT_ACTIONS.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1">
            User
            <input name="user" defaultValue={raw.user ?? ''} className={input} />
          </label>
          <label className="flex flex-col gap-1">
            From
            <input name="from" type="date" defaultValue={raw.from ?? ''} className={input} />
          </label>
          <label className="flex flex-col gap-1">
            To
            <input name="to" type="date" defaultValue={raw.to ?? ''} className={input} />
          </label>
          <button type="submit" className="rounded bg-blue-700 px-3 py-1.5 font-medium text-white">
            Apply
          </button>
          <a
            href={`/api/audit?${new URLSearchParams({ ...Object.fromEntries(filterParams), format: 'csv' })}`}
            className="rounded border border-slate-300 px-3 py-1.5 dark:border-slate-600"
          >
            Export CSV
          </a>
        </form>
        {!parsed.success && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-300">
            {parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join('; ')}
          </p>
        )}
        <p className="text-sm text-slate-600 dark:text-slate-300">{total} entries</p>
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-300 dark:border-slate-600">
              <tr>
                {[
                  'Time (UTC)',
                  'Action',
                  'User',
                  'Role',
                  'Instance',
                  'Backup',
                  'Variant',
                  'Address',
                  'Status',
                  'Detail',
                ].map((h) => (
                  <th key={h} scope="col" className="px-2 py-1 font-medium whitespace-nowrap">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-b border-slate-100 dark:border-slate-800">
                  <td className="px-2 py-1 whitespace-nowrap">{r.at.replace('T', ' ').slice(0, 19)}</td>
                  <td className="px-2 py-1">{r.action}</td>
                  <td className="px-2 py-1">{r.user ?? '—'}</td>
                  <td className="px-2 py-1">{r.role ?? '—'}</td>
                  <td className="px-2 py-1 font-mono">{r.instanceId ?? '—'}</td>
                  <td className="px-2 py-1 font-mono">{r.backupId ?? '—'}</td>
                  <td className="px-2 py-1">{r.variant ?? '—'}</td>
                  <td className="px-2 py-1 font-mono">{r.address ?? '—'}</td>
                  <td className="px-2 py-1">{r.status ?? '—'}</td>
                  <td className="px-2 py-1">{r.detail ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <nav aria-label="Pagination" className="flex items-center gap-3 text-sm">
          {query.page > 1 ? (
            <Link href={pageLink(query.page - 1)}>Previous page</Link>
          ) : (
            <span aria-hidden>Previous page</span>
          )}
          <span>
            Page {query.page} of {pages}
          </span>
          {query.page < pages ? (
            <Link href={pageLink(query.page + 1)}>Next page</Link>
          ) : (
            <span aria-hidden>Next page</span>
          )}
        </nav>
      </div>
    </ConsoleShell>
  );
}
