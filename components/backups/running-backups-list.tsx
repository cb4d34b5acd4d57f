'use client';

import { LoaderCircle } from 'lucide-react';
import { useTranslations } from 'next-intl';
import type { BackupTask } from '@/lib/aliyun/types';
import { useFormat } from '@/components/ui/use-format';

const PHASES = new Set(['NoStart', 'Preparing', 'Waiting', 'Uploading', 'Checking', 'Finished']);

/** The backups running now, each with its phase and progress. */
export function RunningBackupsList({ running }: { running: readonly BackupTask[] }) {
  const t = useTranslations('kinds.tasks');
  const f = useFormat();
  return (
    <section
      aria-label={t('label')}
      className="space-y-2 rounded-lg border border-blue-200 bg-blue-50/60 p-3 dark:border-blue-900 dark:bg-blue-950/40"
    >
      <h2 className="text-sm font-semibold">{t('label')}</h2>
      <ul className="space-y-2">
        {running.map((task) => {
          const label = t('job', { id: task.jobId });
          const phase = PHASES.has(task.status)
            ? t(`phase.${task.status}`)
            : t('phase.other', { status: task.status });
          return (
            <li key={task.jobId} className="space-y-1 text-sm">
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <LoaderCircle aria-hidden className="h-4 w-4 animate-spin text-blue-700 dark:text-blue-300" />
                <span className="font-medium">{label}</span>
                <span>{phase}</span>
                {task.progress !== null && (
                  <span className="tabular-nums">{t('progress', { progress: task.progress })}</span>
                )}
                {task.startTime && (
                  <span className="text-slate-600 dark:text-slate-300">
                    {t('started', {
                      time: f.dateTime(task.startTime),
                      zone: f.zoneShort(Date.parse(task.startTime)),
                    })}
                  </span>
                )}
              </div>
              <div
                role="progressbar"
                aria-label={label}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={task.progress ?? undefined}
                aria-valuetext={
                  task.progress === null ? phase : t('phaseProgress', { phase, progress: task.progress })
                }
                className="h-1.5 overflow-hidden rounded-full bg-blue-100 dark:bg-blue-900"
              >
                <div
                  className="h-full bg-blue-600 transition-[width] dark:bg-blue-400"
                  style={{ width: `${task.progress ?? 0}%` }}
                />
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
