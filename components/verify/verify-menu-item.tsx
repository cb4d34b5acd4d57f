'use client';

import { ShieldCheck } from 'lucide-react';
import { useTranslations } from 'next-intl';
import type { Backup } from '@/lib/aliyun/types';
import { MenuItem } from '@/components/ui/menu';
import { useVerify } from './verify-context';
import { verifyBlock } from './verify-policy';

/** "Verify" in a row's menu; disabled, with the reason, for a role or a backup that cannot be verified. */
export function VerifyMenuItem({ backup }: { backup: Backup }) {
  const t = useTranslations('verify');
  const { role, verifications, start } = useVerify();
  const block = verifyBlock(backup, role);
  const running = Boolean(verifications[backup.backupId]?.job);
  return (
    <>
      {block && (
        <p className="max-w-64 px-2 py-1 text-xs text-slate-600 dark:text-slate-300">
          {t(`blocked.${block.key}`, block.values)}
        </p>
      )}
      <MenuItem disabled={Boolean(block) || running} onSelect={() => start(backup.backupId)}>
        <ShieldCheck aria-hidden className="h-4 w-4" />
        {verifications[backup.backupId]?.result ? t('verifyAgain') : t('verify')}
      </MenuItem>
    </>
  );
}
