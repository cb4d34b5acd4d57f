import { apiErrors } from '../protocol/api-error';
import { taskState } from '../seed/backup-tasks';
import { isoSeconds } from '../seed/time-format';
import type { ActionHandler } from './action-context';

/** Backups started on demand, with their phase and progress read off the clock. */
export const describeBackupTasks: ActionHandler = ({ params, dataset, nowMs }) => {
  if (!params.InstanceId) throw apiErrors.missingParameter('InstanceId');
  const mode = params.JobMode ?? '';
  if (!['', 'Automated', 'Manual'].includes(mode)) throw apiErrors.invalidParameter('JobMode');
  // CreateBackup answers several job ids in one string, one per shard: any of them may be asked for.
  const ids = (params.BackupJobId ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (ids.some((id) => !/^\d+$/.test(id))) throw apiErrors.invalidParameter('BackupJobId');
  const instanceId = params.InstanceId;
  if (!dataset.findInstance(instanceId)) throw apiErrors.instanceNotFound();

  const jobs = dataset
    .backupTasks(instanceId)
    .filter((t) => (ids.length === 0 || ids.includes(String(t.jobId))) && mode !== 'Automated')
    .sort((a, b) => b.startMs - a.startMs)
    .map((t) => {
      const { phase, progress } = taskState(t, nowMs);
      return {
        BackupJobID: t.jobId,
        BackupProgressStatus: phase,
        JobMode: 'Manual',
        TaskAction: 'TempBackupTask',
        NodeId: instanceId,
        StartTime: isoSeconds(t.startMs),
        Progress: String(progress),
        Process: String(progress),
      };
    });
  return { InstanceId: instanceId, BackupJobs: jobs };
};
