'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Backup } from '@/lib/aliyun/types';
import { fetchJson } from '@/lib/api/client/fetch-json';
import type { Role } from '@/lib/auth/roles';
import { BACKUP_ID_PATTERN } from '@/lib/backups/query-rules';
import { verificationsPath, verifyBackupPath, verifyJobPath } from '@/lib/verify/paths';
import type { BackupVerification, StartAnswer, VerificationsAnswer } from '@/lib/verify/verification';
import { useNotify } from '@/components/ui/notifier';
import { useErrorMessage } from '@/components/ui/use-error-message';

// The verifications of the backups on the page: one request for all of them, asked again every second while
// any is queued or running, so rows, the details panel and job headers all show the same progress.

const POLL_MS = 1_000;
const EMPTY: Record<string, BackupVerification> = {};

interface VerifyContextValue {
  instanceId: string;
  role: Role;
  verifications: Record<string, BackupVerification>;
  start: (backupId: string) => void;
  startJob: (jobId: string) => void;
  cancel: (backupId: string) => void;
  pending: boolean;
}

const VerifyContext = createContext<VerifyContextValue | null>(null);

export function useVerify(): VerifyContextValue {
  const value = useContext(VerifyContext);
  if (!value) throw new Error('useVerify needs a VerifyProvider');
  return value;
}

export const verificationsKey = (instanceId: string) => ['verifications', instanceId] as const;

export function VerifyProvider({
  instanceId,
  role,
  backups,
  children,
}: {
  instanceId: string;
  role: Role;
  backups: readonly Backup[] | undefined;
  children: ReactNode;
}) {
  const t = useTranslations('verify.notify');
  const notify = useNotify();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  // A cloud-native set (`cb-…`) is verified by its nodes, not as one file: only backups are asked about.
  const ids = useMemo(
    () => (backups ?? []).map((b) => b.backupId).filter((id) => BACKUP_ID_PATTERN.test(id)),
    [backups],
  );
  const query = useQuery({
    queryKey: [...verificationsKey(instanceId), ids],
    queryFn: ({ signal }) => fetchJson<VerificationsAnswer>(verificationsPath(instanceId, ids), { signal }),
    enabled: ids.length > 0,
    refetchInterval: (q) =>
      Object.values(q.state.data?.verifications ?? {}).some((v) => v.job) ? POLL_MS : false,
  });
  const refetch = () => queryClient.invalidateQueries({ queryKey: verificationsKey(instanceId) });

  const start = useMutation({
    mutationFn: (backupId: string) =>
      fetchJson<StartAnswer>(verifyBackupPath(instanceId, backupId), { method: 'POST' }),
    onSuccess: (_answer, backupId) => {
      notify(t('started', { backupId }));
      return refetch();
    },
    onError: (err) => notify(t('startFailed', { message: errorMessage(err) }), 'error'),
  });
  const startJob = useMutation({
    mutationFn: (jobId: string) =>
      fetchJson<StartAnswer>(verifyJobPath(instanceId, jobId), { method: 'POST' }),
    onSuccess: (answer, jobId) => {
      notify(t('startedJob', { jobId, count: answer.jobs.length }));
      return refetch();
    },
    onError: (err) => notify(t('startFailed', { message: errorMessage(err) }), 'error'),
  });
  const cancel = useMutation({
    mutationFn: (backupId: string) => fetchJson(verifyBackupPath(instanceId, backupId), { method: 'DELETE' }),
    onSuccess: (_answer, backupId) => {
      notify(t('cancelled', { backupId }));
      return refetch();
    },
    onError: (err) => notify(t('cancelFailed', { message: errorMessage(err) }), 'error'),
  });

  const value: VerifyContextValue = {
    instanceId,
    role,
    verifications: query.data?.verifications ?? EMPTY,
    start: (backupId) => start.mutate(backupId),
    startJob: (jobId) => startJob.mutate(jobId),
    cancel: (backupId) => cancel.mutate(backupId),
    pending: start.isPending || startJob.isPending || cancel.isPending,
  };
  return <VerifyContext.Provider value={value}>{children}</VerifyContext.Provider>;
}
