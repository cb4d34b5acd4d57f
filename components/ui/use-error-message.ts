'use client';

import { useTranslations } from 'next-intl';
import { useCallback } from 'react';
import { errorMessage } from '@/lib/api/client/error-message';

/** `errorMessage` in the reader's language. */
export function useErrorMessage(): (err: unknown, withRequestId?: boolean) => string {
  const t = useTranslations('errors');
  return useCallback((err: unknown, withRequestId = true) => errorMessage(err, t, withRequestId), [t]);
}
