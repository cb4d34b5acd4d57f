'use client';

import { useTranslations } from 'next-intl';
import type { ApiErrorBody } from '@/lib/api/api-error';

/** What a RAM denial says: the denied action and the policy type (never who was denied). */
export function AccessDeniedDetail({ detail }: { detail: ApiErrorBody['error']['accessDenied'] }) {
  const t = useTranslations('kinds.denied');
  if (!detail) return null;
  const rows = [
    [t('action'), detail.action],
    [t('policy'), detail.policyType],
    [t('deny'), detail.denyType],
  ] as const;
  return (
    <div className="space-y-1 text-sm">
      <p className="font-medium">{t('title')}</p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
        {rows.map(([label, value]) =>
          value ? (
            <div key={label} className="contents">
              <dt>{label}</dt>
              <dd>
                <code className="font-mono">{value}</code>
              </dd>
            </div>
          ) : null,
        )}
      </dl>
      <p>{t('hint')}</p>
    </div>
  );
}
