import { getTranslations } from 'next-intl/server';
import { Fragment } from 'react';
import { requestTime } from '@/components/shell/request-time';
import type { AuditRow } from '@/lib/audit/audit-query';
import type { Formatter } from '@/lib/format/formatter';

const cell = 'px-2 py-1.5 align-top';
/** Ids and addresses stay whole: a hyphen is part of the id, never a place to break it. */
const id = `${cell} font-mono text-xs whitespace-nowrap`;

/** The audit log's rows; the table scrolls sideways on narrow screens and Detail wraps. */
export async function AuditTable({ rows, f }: { rows: AuditRow[]; f: Formatter }) {
  const t = await getTranslations('admin.audit');
  const roles = await getTranslations('common.roles');
  const word = (ns: 'actions' | 'variants', value: string) =>
    t.has(`${ns}.${value}`) ? t(`${ns}.${value}`) : value;
  const zone = f.zoneShort(requestTime());
  const headers = [
    t('columns.time', { zone }),
    t('columns.action'),
    t('columns.user'),
    t('columns.role'),
    t('columns.instance'),
    t('columns.backup'),
    t('columns.variant'),
    t('columns.address'),
    t('columns.status'),
    t('columns.detail'),
  ];
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-700">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-300 bg-slate-50 dark:border-slate-600 dark:bg-slate-900">
          <tr>
            {headers.map((h) => (
              <th key={h} scope="col" className="px-2 py-1.5 font-medium whitespace-nowrap">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-b border-slate-100 last:border-0 dark:border-slate-800">
              <td className={`${cell} whitespace-nowrap tabular-nums`}>
                <time dateTime={r.at}>{f.dateTime(r.at, true)}</time>
              </td>
              <td className={`${cell} whitespace-nowrap`}>{word('actions', r.action)}</td>
              <td className={cell}>{r.user ?? '—'}</td>
              <td className={`${cell} whitespace-nowrap`}>
                {r.role ? (roles.has(r.role) ? roles(r.role) : r.role) : '—'}
              </td>
              <td className={id}>{r.instanceId ?? '—'}</td>
              <td className={`${cell} min-w-40 font-mono text-xs`}>
                {r.backupId ? <IdList ids={r.backupId.split(',')} /> : '—'}
              </td>
              <td className={`${cell} whitespace-nowrap`}>{r.variant ? word('variants', r.variant) : '—'}</td>
              <td className={id}>{r.address ?? '—'}</td>
              <td className={`${cell} tabular-nums`}>{r.status ?? '—'}</td>
              <td className={`${cell} min-w-64 break-words`}>{r.detail ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A download-all script's row names every backup it handed out: the list wraps between ids, never inside one. */
function IdList({ ids }: { ids: string[] }) {
  return ids.map((backupId, i) => (
    <Fragment key={backupId}>
      {i > 0 && (
        <>
          ,<wbr />
        </>
      )}
      <span className="whitespace-nowrap">{backupId}</span>
    </Fragment>
  ));
}
