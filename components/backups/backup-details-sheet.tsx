'use client';

import type { ReactNode } from 'react';
import type { Backup } from '@/lib/aliyun/types';
import { formatBytes, formatDuration, formatExactBytes } from '@/lib/ui/format';
import { recoverFlags } from './recover-config';
import { formatZonedDateTime, zoneLabel, type TimeZoneMode } from '@/lib/ui/time-zone';
import { Sheet } from '@/components/ui/sheet';
import { BackupUrlReveal } from './backup-url-reveal';
import { CopyLinkButton } from './copy-link-button';
import { StatusBadge } from './status-badge';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[10rem_1fr] gap-2 border-b border-slate-100 py-1.5 text-sm last:border-0 dark:border-slate-800">
      <dt className="text-slate-600 dark:text-slate-300">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

/** Every field of one backup, with the download URLs fetched on demand. */
export function BackupDetailsSheet({
  instanceId,
  backup,
  timeZone,
  blockReason,
  opener,
  onClose,
}: {
  instanceId: string;
  backup: Backup | null;
  timeZone: TimeZoneMode;
  blockReason: string | null;
  opener: HTMLElement | null;
  onClose: () => void;
}) {
  const time = (iso: string | null) => formatZonedDateTime(iso, timeZone, true);
  return (
    <Sheet
      open={backup !== null}
      onOpenChange={(open) => !open && onClose()}
      returnFocusTo={opener}
      title={backup ? `Backup ${backup.backupId}` : 'Backup'}
      description={backup ? `Times in ${zoneLabel(timeZone)}` : undefined}
    >
      {backup && (
        <div className="space-y-6">
          <CopyLinkButton backupId={backup.backupId} />
          <dl>
            <Field label="Status">
              <StatusBadge status={backup.status} />
            </Field>
            <Field label="Backup ID">
              <code className="font-mono">{backup.backupId}</code>
            </Field>
            <Field label="Job ID">
              <code className="font-mono">{backup.backupJobId ?? '—'}</code>
            </Field>
            <Field label="Instance">
              <code className="font-mono">{backup.instanceId}</code>
            </Field>
            <Field label="Node (shard)">
              <code className="font-mono">{backup.nodeInstanceId ?? '—'}</code>
            </Field>
            <Field label="Type">{backup.type}</Field>
            <Field label="Method">{backup.method}</Field>
            <Field label="Mode">{backup.mode}</Field>
            <Field label="Start time">{time(backup.startTime)}</Field>
            <Field label="End time">{time(backup.endTime)}</Field>
            <Field label="Duration">{formatDuration(backup.durationSeconds)}</Field>
            <Field label="Size">
              {formatBytes(backup.size)}{' '}
              <span className="text-slate-600 dark:text-slate-300">({formatExactBytes(backup.size)})</span>
            </Field>
            <Field label="Databases">{backup.dbNames ?? '—'}</Field>
            <Field label="Engine version">{backup.engineVersion ?? '—'}</Field>
            <Field label="Expected expiry">{time(backup.expectExpireTime)}</Field>
            <Field label="Restore also brings back">
              {backup.recoverConfigMode ? (
                <ul className="space-y-0.5">
                  {recoverFlags(backup.recoverConfigMode).map((f) => (
                    <li key={f.label}>
                      {f.label}: {f.restored === null ? 'not stated' : f.restored ? 'yes' : 'no'}
                    </li>
                  ))}
                  <li className="font-mono text-xs break-all text-slate-600 dark:text-slate-300">
                    {backup.recoverConfigMode.raw}
                  </li>
                </ul>
              ) : (
                'not stated'
              )}
            </Field>
          </dl>
          <section className="space-y-4" aria-label="Download URLs">
            <BackupUrlReveal
              instanceId={instanceId}
              backupId={backup.backupId}
              variant="public"
              disabledReason={blockReason}
            />
            <BackupUrlReveal
              instanceId={instanceId}
              backupId={backup.backupId}
              variant="intranet"
              disabledReason={blockReason}
            />
          </section>
        </div>
      )}
    </Sheet>
  );
}
