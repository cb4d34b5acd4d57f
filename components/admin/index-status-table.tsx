import type { InstanceIndexStatus } from '@/lib/backup-index/index-status';
import { formatAge, formatCount } from '@/lib/ui/format';
import { intervalText, syncProgressText } from './index-status-text';
import { formatZonedDateTime } from '@/lib/ui/time-zone';

const cell = 'px-2 py-2 align-top';
const muted = 'text-slate-600 dark:text-slate-300';

function When({ iso, now }: { iso: string; now: number }) {
  return (
    <>
      <time dateTime={iso} className="whitespace-nowrap">
        {formatZonedDateTime(iso, 'utc', true)}
      </time>
      <span className={`block text-xs ${muted}`}>{formatAge(iso, now)}</span>
    </>
  );
}

/** One row per instance: what the index holds of it, since when, and what is being read now. */
export function IndexStatusTable({ instances, now }: { instances: InstanceIndexStatus[]; now: number }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-700">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Backup index by instance</caption>
        <thead className="border-b border-slate-200 bg-slate-50 dark:border-slate-700 dark:bg-slate-900">
          <tr>
            {[
              'Instance',
              'Region',
              'Backups indexed',
              'Covered (UTC)',
              'Last success (UTC)',
              'Last error',
              'Syncing',
            ].map((h) => (
              <th key={h} scope="col" className="px-2 py-2 font-medium whitespace-nowrap">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {instances.map((i) => (
            <tr key={i.instanceId} className="border-b border-slate-100 last:border-0 dark:border-slate-800">
              <th scope="row" className={`${cell} font-normal`}>
                <span className="block font-medium">{i.name}</span>
                <code className={`font-mono text-xs ${muted}`}>{i.instanceId}</code>
              </th>
              <td className={`${cell} whitespace-nowrap`}>{i.regionId}</td>
              <td className={`${cell} text-right tabular-nums`}>{formatCount(i.backups)}</td>
              <td className={cell}>
                {i.covered.length === 0 ? (
                  <span className={muted}>nothing yet</span>
                ) : (
                  <ul className="space-y-1">
                    {i.covered.map((c) => (
                      <li key={`${c.start}-${c.end}`}>
                        <span className="whitespace-nowrap">{intervalText(c)}</span>
                        <span className={`block text-xs ${muted}`}>synced {formatAge(c.syncedAt, now)}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td className={cell}>
                {i.lastSuccessAt ? (
                  <When iso={i.lastSuccessAt} now={now} />
                ) : (
                  <span className={muted}>never</span>
                )}
              </td>
              <td className={cell}>
                {i.lastError ? (
                  <div className="max-w-xs space-y-0.5 text-red-800 dark:text-red-200">
                    <p className="break-words">
                      {i.lastError.code && <code className="font-mono">{i.lastError.code}</code>}
                      {i.lastError.code && i.lastError.message && ': '}
                      {i.lastError.message}
                    </p>
                    {i.lastError.requestId && (
                      <p className="text-xs">
                        Request id <code className="font-mono select-all">{i.lastError.requestId}</code>
                      </p>
                    )}
                    <p className="text-xs">
                      <When iso={i.lastError.at} now={now} />
                    </p>
                  </div>
                ) : (
                  <span className={muted}>none</span>
                )}
              </td>
              <td className={cell}>
                {i.syncing.length === 0 ? (
                  <span className={muted}>idle</span>
                ) : (
                  <ul className="space-y-1">
                    {i.syncing.map((s) => (
                      <li key={`${s.start}-${s.end}`}>
                        <span className="block tabular-nums">{syncProgressText(s)}</span>
                        <span className={`block text-xs whitespace-nowrap ${muted}`}>{intervalText(s)}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
