'use client';

import { useTranslations } from 'next-intl';
import type { Backup } from '@/lib/aliyun/types';
import { RelativeTime } from '@/components/ui/relative-time';
import { Field } from '@/components/ui/field';
import { Sheet } from '@/components/ui/sheet';
import { useFormat } from '@/components/ui/use-format';
import { useNow } from '@/components/ui/use-now';
import { BackupUrlReveal } from './backup-url-reveal';
import { FacetValue, NoValue } from './cells';
import { CopyLinkButton } from './copy-link-button';
import type { DownloadBlock } from './download-policy';
import { recoverFlags } from './recover-config';
import { StatusBadge } from './status-badge';
import { VerifyPanel } from '@/components/verify/verify-panel';

/** Every field of one backup, in words, with the download URLs fetched on demand. */
export function BackupDetailsSheet({
  instanceId,
  backup,
  block,
  opener,
  onClose,
}: {
  instanceId: string;
  backup: Backup | null;
  block: DownloadBlock | null;
  opener: HTMLElement | null;
  onClose: () => void;
}) {
  const t = useTranslations('backups.details');
  const columns = useTranslations('backups.columns');
  const f = useFormat();
  const now = useNow();
  const time = (iso: string | null) => (iso ? f.dateTime(iso, true) : <NoValue />);
  const id = (value: string | null) => (value ? <code className="font-mono">{value}</code> : <NoValue />);
  return (
    <Sheet
      open={backup !== null}
      onOpenChange={(open) => !open && onClose()}
      returnFocusTo={opener}
      title={backup ? t('title', { backupId: backup.backupId }) : t('titleNone')}
      description={backup ? t('timesIn', { zone: f.zone(now) }) : undefined}
    >
      {backup && (
        <div className="space-y-6">
          <CopyLinkButton backupId={backup.backupId} />
          <dl>
            <Field label={columns('status')}>
              <StatusBadge status={backup.status} />
            </Field>
            <Field label={columns('backupId')}>{id(backup.backupId)}</Field>
            <Field label={columns('jobId')}>{id(backup.backupJobId)}</Field>
            <Field label={t('instance')}>{id(backup.instanceId)}</Field>
            <Field label={t('node')}>{id(backup.nodeInstanceId)}</Field>
            <Field label={columns('type')}>
              <FacetValue facet="type" value={backup.type} />
            </Field>
            <Field label={columns('method')}>
              <FacetValue facet="method" value={backup.method} />
            </Field>
            <Field label={columns('mode')}>
              <FacetValue facet="mode" value={backup.mode} />
            </Field>
            <Field label={columns('startTime')}>{time(backup.startTime)}</Field>
            <Field label={t('endTime')}>{time(backup.endTime)}</Field>
            <Field label={columns('duration')}>
              {backup.durationSeconds === null ? <NoValue /> : f.duration(backup.durationSeconds)}
            </Field>
            <Field label={columns('size')}>
              {f.bytes(backup.size)}{' '}
              <span className="text-slate-600 dark:text-slate-300">
                ({t('bytes', { count: backup.size })})
              </span>
            </Field>
            <Field label={t('databases')}>
              {backup.dbNames === 'all' ? t('allDatabases') : (backup.dbNames ?? <NoValue />)}
            </Field>
            <Field label={t('engineVersion')}>{backup.engineVersion ?? <NoValue />}</Field>
            <Field label={t('expiry')}>
              {backup.expectExpireTime ? <RelativeTime iso={backup.expectExpireTime} /> : <NoValue />}
            </Field>
            <Field label={t('restore')}>
              {backup.recoverConfigMode ? (
                <ul className="space-y-0.5">
                  {recoverFlags(backup.recoverConfigMode).map((flag) => (
                    <li key={flag.name}>
                      {t('restoreFlag', {
                        flag: t(`restoreFlags.${flag.name}`),
                        restored: flag.restored === null ? 'unknown' : String(flag.restored),
                      })}
                    </li>
                  ))}
                </ul>
              ) : (
                t('notStated')
              )}
            </Field>
          </dl>
          <VerifyPanel backup={backup} />
          <section className="space-y-4" aria-label={t('urls')}>
            <BackupUrlReveal
              instanceId={instanceId}
              backupId={backup.backupId}
              variant="public"
              block={block}
            />
            <BackupUrlReveal
              instanceId={instanceId}
              backupId={backup.backupId}
              variant="intranet"
              block={block}
            />
          </section>
        </div>
      )}
    </Sheet>
  );
}
