'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { FacetName } from '@/lib/backups/facets';
import type { DownloadBlock } from './download-policy';

// Small pieces of the table and the card list that say something in the reader's language.

/** A facet value (FullBackup, Automated…) in words; a value we do not know is shown as Alibaba sent it. */
export function useFacetValueText(): (facet: FacetName, value: string) => string {
  const t = useTranslations('backups.values');
  return (facet, value) => (t.has(`${facet}.${value}`) ? t(`${facet}.${value}`) : value);
}

export function FacetValue({ facet, value }: { facet: FacetName; value: string }) {
  return <>{useFacetValueText()(facet, value)}</>;
}

/** No value: a dash to the eye, "none" to a screen reader. */
export function NoValue() {
  const t = useTranslations('backups');
  return (
    <>
      <span aria-hidden>—</span>
      <span className="sr-only">{t('noValue')}</span>
    </>
  );
}

/** A size, with the exact number of bytes on hover. */
export function ExactBytes({
  bytes,
  className,
  children,
}: {
  bytes: number;
  className?: string;
  children: ReactNode;
}) {
  const t = useTranslations('backups');
  return (
    <span className={className} title={t('bytes', { count: bytes })}>
      {children}
    </span>
  );
}

export function BackupIdButton({
  backupId,
  onClick,
}: {
  backupId: string;
  onClick: (opener: HTMLElement) => void;
}) {
  const t = useTranslations('backups');
  return (
    <button
      type="button"
      className="rounded font-mono text-xs text-blue-700 underline underline-offset-2 hover:text-blue-900 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-blue-300 dark:hover:text-blue-200"
      aria-label={t('detailsOf', { backupId })}
      onClick={(e) => onClick(e.currentTarget)}
    >
      {backupId}
    </button>
  );
}

/** Why a download is not offered, in words: said next to the disabled action, not only in a tooltip. */
export function useDownloadBlockText(): (block: DownloadBlock) => string {
  const t = useTranslations('backups.download');
  const roles = useTranslations('common.roles');
  const valueText = useFacetValueText();
  return (block) =>
    block.reason === 'role'
      ? t('blockedRole', { role: roles(block.role) })
      : t('blockedStatus', { status: valueText('status', block.status) });
}
