'use client';

import { useTranslations } from 'next-intl';
import { useCallback } from 'react';
import type { RangeProblem } from './date-range';

/**
 * A range problem in words: as a link carries it (`2026-11-01T08:00Z`), or as typed in the range form
 * (`2026-11-01 08:00`, in the display zone).
 */
export function useRangeProblemText(): (problem: RangeProblem, source: 'link' | 'form') => string {
  const t = useTranslations('backups.range');
  return useCallback(
    (p: RangeProblem, source: 'link' | 'form') => {
      switch (p.problem) {
        case 'missing':
          return source === 'link' ? t('missing', { field: p.field }) : t('missingTyped', { field: p.field });
        case 'malformed':
          return source === 'link'
            ? t('malformed', { field: p.field, value: p.value })
            : t('malformedTyped', { field: p.field, value: p.value });
        case 'order':
          return t('order');
        case 'future':
          return t('future');
      }
    },
    [t],
  );
}
