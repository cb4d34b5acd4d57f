'use client';

import { useTranslations } from 'next-intl';
import type { DateRange } from '@/components/backups/date-range';
import { useFormat } from '@/components/ui/use-format';

// Hand-written SVG: one stacked bar per UTC day (successful below, failed above) and a line for the mean size of
// that day's successful full backups, on a scale of its own. Days are the index's UTC days whatever the display
// zone, named as such (`2026-05-01`; the title says UTC). Loaded on demand (next/dynamic), a few kB.

const DAY_MS = 86_400_000;
const W = 720;
const H = 140;
const PAD = { top: 8, bottom: 18, left: 4, right: 4 };

export interface DayCount {
  date: string;
  success: number;
  failed: number;
  meanFullBytes: number | null;
}

/** Every day of the range, with zeros where the index has no backup. */
export function fillDays(perDay: readonly DayCount[], range: DateRange): DayCount[] {
  const byDate = new Map(perDay.map((d) => [d.date, d]));
  const out: DayCount[] = [];
  const last = Math.floor(Date.parse(range.end) / DAY_MS);
  for (let day = Math.floor(Date.parse(range.start) / DAY_MS); day <= last; day++) {
    const date = new Date(day * DAY_MS).toISOString().slice(0, 10);
    out.push(byDate.get(date) ?? { date, success: 0, failed: 0, meanFullBytes: null });
  }
  return out;
}

export function BackupsPerDayChart({ perDay, range }: { perDay: DayCount[]; range: DateRange }) {
  const t = useTranslations('fleet.chart');
  const f = useFormat();
  const days = fillDays(perDay, range);
  const maxCount = Math.max(1, ...days.map((d) => d.success + d.failed));
  const sizes = days.flatMap((d) => (d.meanFullBytes === null ? [] : [d.meanFullBytes]));
  const maxSize = Math.max(1, ...sizes);
  const plotH = H - PAD.top - PAD.bottom;
  const step = (W - PAD.left - PAD.right) / Math.max(1, days.length);
  const y = (n: number) => PAD.top + plotH - (n / maxCount) * plotH;
  const ySize = (b: number) => PAD.top + plotH - (b / maxSize) * plotH * 0.9;
  const totals = days.reduce((a, d) => ({ s: a.s + d.success, f: a.f + d.failed }), { s: 0, f: 0 });
  const summary = [
    t('summary', {
      from: days[0]!.date,
      to: days.at(-1)!.date,
      success: totals.s,
      failed: totals.f,
    }),
    sizes.length > 0 ? t('sizeSummary', { min: f.bytes(Math.min(...sizes)), max: f.bytes(maxSize) }) : '',
  ].join(' ');

  // The size line, broken where a day has no successful full backup.
  const segments: string[][] = [[]];
  days.forEach((d, i) => {
    if (d.meanFullBytes === null) segments.push([]);
    else segments.at(-1)!.push(`${PAD.left + (i + 0.5) * step},${ySize(d.meanFullBytes)}`);
  });

  return (
    <figure className="space-y-1">
      <figcaption className="text-sm font-medium">{t('title')}</figcaption>
      {totals.s + totals.f === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">{t('empty')}</p>
      ) : (
        <svg
          viewBox={`0 0 ${W} ${H}`}
          role="img"
          aria-label={summary}
          className="h-36 w-full"
          preserveAspectRatio="none"
        >
          <line x1={0} x2={W} y1={y(0)} y2={y(0)} className="stroke-slate-300 dark:stroke-slate-600" />
          {days.map((d, i) => {
            const x = PAD.left + i * step + step * 0.15;
            const w = Math.max(1, step * 0.7);
            return (
              <g key={d.date}>
                <title>
                  {t('bar', {
                    date: d.date,
                    success: d.success,
                    failed: d.failed,
                    size: d.meanFullBytes === null ? 'none' : f.bytes(d.meanFullBytes),
                  })}
                </title>
                <rect
                  x={x}
                  width={w}
                  y={y(d.success)}
                  height={y(0) - y(d.success)}
                  className="fill-emerald-600 dark:fill-emerald-400"
                />
                <rect
                  x={x}
                  width={w}
                  y={y(d.success + d.failed)}
                  height={y(d.success) - y(d.success + d.failed)}
                  className="fill-red-600 dark:fill-red-400"
                />
              </g>
            );
          })}
          {segments
            .filter((s) => s.length > 0)
            .map((points, i) => (
              <polyline
                key={i}
                points={points.join(' ')}
                fill="none"
                strokeWidth={2}
                vectorEffect="non-scaling-stroke"
                className="stroke-blue-700 dark:stroke-sky-300"
              />
            ))}
          <text x={PAD.left} y={H - 4} className="fill-slate-600 text-[10px] dark:fill-slate-300">
            {days[0]!.date}
          </text>
          <text
            x={W - PAD.right}
            y={H - 4}
            textAnchor="end"
            className="fill-slate-600 text-[10px] dark:fill-slate-300"
          >
            {days.at(-1)!.date}
          </text>
        </svg>
      )}
      <ul aria-hidden className="flex flex-wrap gap-4 text-xs text-slate-700 dark:text-slate-300">
        <li className="flex items-center gap-1">
          <span className="h-2.5 w-2.5 rounded-sm bg-emerald-600 dark:bg-emerald-400" />
          {t('successful')}
        </li>
        <li className="flex items-center gap-1">
          <span className="h-2.5 w-2.5 rounded-sm bg-red-600 dark:bg-red-400" />
          {t('failed')}
        </li>
        <li className="flex items-center gap-1">
          <span className="h-0.5 w-4 bg-blue-700 dark:bg-sky-300" />
          {t('meanSize')}
        </li>
      </ul>
    </figure>
  );
}
