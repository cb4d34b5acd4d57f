import { SignOutEverywhereButton } from '@/components/admin/sign-out-everywhere-button';
import { ConsoleShell } from '@/components/shell/console-shell';
import { requireUser } from '@/lib/auth/require-user';
import { can } from '@/lib/auth/roles';
import { listRecentSessions } from '@/lib/sessions/list-recent-sessions';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Sessions · kvstore-backups' };

const time = (iso: string) => iso.replace('T', ' ').slice(0, 19);

export default async function SessionsPage() {
  const user = await requireUser();
  if (!can(user.role, 'admin')) {
    return (
      <ConsoleShell>
        <h1 className="text-xl font-semibold">Sessions</h1>
        <p role="alert" className="mt-4">
          Your role ({user.role}) cannot sign people out; it needs the admin role.
        </p>
      </ConsoleShell>
    );
  }
  const sessions = listRecentSessions();
  return (
    <ConsoleShell>
      <div className="space-y-4">
        <h1 className="text-xl font-semibold">Sessions</h1>
        <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-300">
          Users who signed in within the last 8 hours, how long a session lasts, so they may be signed in now.
          Signing a user out everywhere ends every session they started before now, in every browser.
        </p>
        {sessions.length === 0 ? (
          <p>No one has signed in within the last 8 hours.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-slate-300 dark:border-slate-600">
                <tr>
                  {[
                    'User',
                    'Role',
                    'Last sign-in (UTC)',
                    'From',
                    'Sign-ins',
                    'Signed out everywhere',
                    '',
                  ].map((h, i) => (
                    <th key={i} scope="col" className="px-2 py-1 font-medium whitespace-nowrap">
                      {h || <span className="sr-only">Actions</span>}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {sessions.map((s) => (
                  <tr key={s.user} className="border-b border-slate-100 dark:border-slate-800">
                    <th scope="row" className="px-2 py-1 font-medium">
                      {s.user}
                    </th>
                    <td className="px-2 py-1">{s.role ?? '—'}</td>
                    <td className="px-2 py-1 whitespace-nowrap">{time(s.lastAt)}</td>
                    <td className="px-2 py-1 font-mono">{s.address ?? '—'}</td>
                    <td className="px-2 py-1">{s.count}</td>
                    <td className="px-2 py-1 whitespace-nowrap">
                      {s.signedOutAt ? time(s.signedOutAt) : '—'}
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
