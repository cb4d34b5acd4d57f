import { getTranslations } from 'next-intl/server';
import type { InstanceIndexStatus } from '@/lib/backup-index/index-status';
import type { Formatter } from '@/lib/format/formatter';
import { intervalText, syncProgressText } from './index-status-text';

const cell = 'px-2 py-2 align-top';
const muted = 'text-slate-600 dark:text-slate-300';

function When({ iso, now, f }: { iso: string; now: number; f: Formatter }) {
  return (
    <>
      <time dateTime={iso} className="whitespace-nowrap">
        {f.dateTime(iso, true)}
      </time>
      <span className={`block text-xs ${muted}`}>{f.age(iso, now)}</span>
    </>
  );
}

/** One row per instance: what the index holds of it, since when, and what is being read now. */
export async function IndexStatusTable({
  instances,
  now,
  f,
}: {
  instances: InstanceIndexStatus[];
  now: number;
  f: Formatter;
}) {
  const t = await getTranslations('admin.index');
  const zone = f.zoneShort(now);
  const headers = [
    t('columns.instance'),
    t('columns.region'),
    t('columns.backups'),
    t('columns.covered', { zone }),
    t('columns.lastSuccess', { zone }),
    t('columns.lastError'),
    t('columns.syncing'),
  ];
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-700">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t('caption')}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 dark:border-slate-700 dark:bg-slate-900">
          <tr>
            {headers.map((h) => (
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
                <code className={`font-mono text-xs whitespace-nowrap ${muted}`}>{i.instanceId}</code>
              </th>
              <td className={`${cell} whitespace-nowrap`}>{i.regionId}</td>
              <td className={`${cell} text-right tabular-nums`}>{f.count(i.backups)}</td>
              <td className={cell}>
                {i.covered.length === 0 ? (
                  <span className={muted}>{t('nothingYet')}</span>
                ) : (
                  <ul className="space-y-1">
                    {i.covered.map((c) => (
                      <li key={`${c.start}-${c.end}`}>
                        <span className="whitespace-nowrap">{intervalText(c, f)}</span>
                        <span className={`block text-xs ${muted}`}>
                          {t('synced', { age: f.age(c.syncedAt, now) })}
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td className={cell}>
                {i.lastSuccessAt ? (
                  <When iso={i.lastSuccessAt} now={now} f={f} />
                ) : (
                  <span className={muted}>{t('never')}</span>
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
                        {t.rich('requestId', {
                          id: i.lastError.requestId,
                          code: (chunks) => <code className="font-mono select-all">{chunks}</code>,
                        })}
                      </p>
                    )}
                    <p className="text-xs">
                      <When iso={i.lastError.at} now={now} f={f} />
                    </p>
                  </div>
                ) : (
                  <span className={muted}>{t('noError')}</span>
                )}
              </td>
              <td className={cell}>
                {i.syncing.length === 0 ? (
                  <span className={muted}>{t('idle')}</span>
                ) : (
                  <ul className="space-y-1">
                    {i.syncing.map((s) => (
                      <li key={`${s.start}-${s.end}`}>
                        <span className="block tabular-nums">{syncProgressText(s, t)}</span>
                        <span className={`block text-xs whitespace-nowrap ${muted}`}>
                          {intervalText(s, f)}
                        </span>
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
