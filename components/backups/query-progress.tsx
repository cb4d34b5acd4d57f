'use client';

import { useTranslations } from 'next-intl';

/**
 * A bar that sweeps while backups are being asked for: strong blue on the light theme, light blue on the
 * dark one, so the wait is plain in both. It keeps its height when idle, so nothing jumps.
 */
export function QueryProgress({ active }: { active: boolean }) {
  const t = useTranslations('backups.status');
  return (
    <div className="relative h-1 overflow-hidden rounded-full">
      {active && (
        <div
          role="progressbar"
          aria-label={t('loading')}
          className="absolute inset-0 bg-blue-100 dark:bg-blue-950"
        >
          <div className="animate-progress-sweep h-full w-1/3 rounded-full bg-blue-600 dark:bg-blue-400" />
        </div>
      )}
    </div>
  );
}
