'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import dynamic from 'next/dynamic';
import { useState } from 'react';
import { useErrorMessage } from '@/components/ui/use-error-message';
import { instanceBackupsKey } from './backups-query-key';
import { useBackupTasks } from './use-backup-tasks';

// Tasks come from the browser's own polling, after the page: the list's code loads only when one runs.
const RunningBackupsList = dynamic(() => import('./running-backups-list').then((m) => m.RunningBackupsList));

/** Backups running now, above the table, with their progress; a finished one takes its place in the table. */
export function RunningBackups({ instanceId }: { instanceId: string }) {
  const t = useTranslations('kinds.tasks');
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [finished, setFinished] = useState<string[]>([]);
  const tasks = useBackupTasks(instanceId, (jobIds) => {
    setFinished(jobIds);
    void queryClient.invalidateQueries({ queryKey: instanceBackupsKey(instanceId) });
  });
  const running = tasks.data?.tasks.filter((task) => task.status !== 'Finished') ?? [];

  return (
    <>
      <p role="status" className="sr-only">
        {finished.map((id) => t('finished', { id })).join(' ')}
      </p>
      {tasks.isError && (
        <p className="text-sm text-slate-600 dark:text-slate-300">
          {t('unavailable', { message: errorMessage(tasks.error) })}
        </p>
      )}
      {running.length > 0 && <RunningBackupsList running={running} />}
    </>
  );
}
