import Link from 'next/link';
import { IndexStatusTable } from '@/components/admin/index-status-table';
import { ConsoleShell } from '@/components/shell/console-shell';
import { requireUser } from '@/lib/auth/require-user';
import { requestTime } from '@/components/shell/request-time';
import { can } from '@/lib/auth/roles';
import { indexStatus } from '@/lib/backup-index/index-status';
import { budgetText } from '@/components/admin/index-status-text';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Backup index · kvstore-backups' };

export default async function IndexStatusPage() {
  const user = await requireUser();
  if (!can(user.role, 'admin')) {
    return (
      <ConsoleShell>
        <h1 className="text-xl font-semibold">Backup index</h1>
        <p role="alert" className="mt-4">
          Your role ({user.role}) cannot see the backup index; it needs the admin role.
        </p>
      </ConsoleShell>
    );
  }

  const status = await indexStatus(user.scope);
  return (
    <ConsoleShell>
      <div className="space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-4">
          <h1 className="text-xl font-semibold">Backup index</h1>
          <div className="flex items-center gap-4 text-sm">
            <Link href="/admin/index" className="text-blue-700 underline dark:text-blue-300">
              Reload
            </Link>
            <Link href="/" className="text-blue-700 underline dark:text-blue-300">
              Back to backups
            </Link>
          </div>
        </div>
        <section aria-labelledby="upstream-heading" className="space-y-1">
          <h2 id="upstream-heading" className="text-sm font-medium">
            Alibaba Cloud API
          </h2>
          <p className="text-sm text-slate-700 tabular-nums dark:text-slate-300">
            {budgetText(status.upstream)}
          </p>
        </section>
        <IndexStatusTable instances={status.instances} now={requestTime()} />
      </div>
    </ConsoleShell>
  );
}
