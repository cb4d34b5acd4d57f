'use client';

import { ArrowDown, ArrowUp, ArrowUpDown } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import type { FleetEntry } from '@/lib/fleet/fleet-health';
import { FLEET_COLUMNS, type CellContext } from './fleet-columns';
import { parseSort, type FleetSortField } from './fleet-view-logic';

export function FleetTable({
  rows,
  sort,
  onSort,
  ctx,
}: {
  rows: FleetEntry[];
  sort: string;
  onSort: (sort: string) => void;
  ctx: CellContext;
}) {
  const t = useTranslations('fleet');
  const router = useRouter();
  const current = parseSort(sort);
  const toggle = (id: FleetSortField) =>
    onSort(`${id}.${current.field === id && !current.desc ? 'desc' : 'asc'}`);

  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-700">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{t('caption')}</caption>
        <thead className="bg-slate-50 text-slate-700 dark:bg-slate-900 dark:text-slate-200">
          <tr className="border-b border-slate-200 dark:border-slate-700">
            {FLEET_COLUMNS.map((c) => {
              const active = current.field === c.id;
              const Icon = active ? (current.desc ? ArrowDown : ArrowUp) : ArrowUpDown;
              const name = t(`columns.${c.id}`);
              return (
                <th
                  key={c.id}
                  scope="col"
                  aria-sort={active ? (current.desc ? 'descending' : 'ascending') : undefined}
                  className="px-2.5 py-2 font-medium whitespace-nowrap"
                >
                  <button
                    type="button"
                    onClick={() => toggle(c.id)}
                    aria-label={t('sortBy', { column: name })}
                    className="inline-flex items-center gap-1 rounded hover:underline focus-visible:outline-2 focus-visible:outline-blue-600"
                  >
                    {name}
                    <Icon aria-hidden className="h-3.5 w-3.5" />
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => (
            <tr
              key={e.instanceId}
              // The name is the link for keyboards and screen readers; the whole row answers a click.
              onClick={(ev) => {
                if (!(ev.target as HTMLElement).closest('a,button')) router.push(ctx.href(e.instanceId));
              }}
              className="cursor-pointer border-b border-slate-100 align-top hover:bg-slate-50 dark:border-slate-800 dark:hover:bg-slate-900"
            >
              {FLEET_COLUMNS.map((c) => (
                <td key={c.id} className={`px-2.5 py-2 ${c.className ?? ''}`}>
                  {c.cell(e, ctx)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
