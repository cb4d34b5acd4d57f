'use client';

import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { fetchJson } from '@/lib/api/client/fetch-json';
import type { TasksAnswer } from '@/lib/backups/answer';

/** While a backup runs, its progress is asked for this often; the server shares one upstream call. */
const RUNNING_POLL_MS = 3_000;
/** Otherwise now and then, to notice a backup someone started. */
const IDLE_POLL_MS = 30_000;

/**
 * The instance's running backups. When one finishes, `onFinished` runs: the server has read the index's
 * recent edge again before saying so, so the finished backup is there for the table to fetch.
 */
export function useBackupTasks(instanceId: string, onFinished: (jobIds: string[]) => void) {
  const tasks = useQuery({
    queryKey: ['backup-tasks', instanceId],
    queryFn: ({ signal }) =>
      fetchJson<TasksAnswer>(`/api/instances/${encodeURIComponent(instanceId)}/backups/tasks`, { signal }),
    refetchInterval: (query) =>
      query.state.data?.tasks.some((t) => t.status !== 'Finished') ? RUNNING_POLL_MS : IDLE_POLL_MS,
    retry: false,
  });

  const running = useRef<Set<string> | null>(null);
  const notify = useRef(onFinished);
  useEffect(() => {
    notify.current = onFinished;
  });
  const data = tasks.data;
  useEffect(() => {
    if (!data) return;
    const now = new Set(data.tasks.filter((t) => t.status !== 'Finished').map((t) => t.jobId));
    const done = [...(running.current ?? [])].filter((id) => !now.has(id));
    running.current = now;
    if (done.length > 0) notify.current(done);
  }, [data]);

  return tasks;
}
